//! What the integration tests share: the one wait-until helper and the office's
//! time zone. (The officer's intake as typed on the command line is with the
//! binary's harness, `desk_binary`.)

#![allow(dead_code)]

pub mod wait;

// Each test file uses some of these.
#[allow(unused_imports)]
pub use wait::{wait_for, wait_until};

/// An instant in the office's zone (WITA, UTC+08:00, no summer time), written
/// as the officer reads a clock there: `wita("2026-11-30 09:00")`.
pub fn wita(local: &str) -> chrono::DateTime<chrono::Utc> {
    let t = chrono::NaiveDateTime::parse_from_str(local, "%Y-%m-%d %H:%M")
        .unwrap_or_else(|e| panic!("{local:?} is not YYYY-MM-DD HH:MM: {e}"));
    (t - chrono::TimeDelta::hours(8)).and_utc()
}
