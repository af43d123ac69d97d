//! What the integration tests share: the one wait-until helper, the officer's
//! intake as typed on the command line, and the office's time zone.

#![allow(dead_code)]

pub mod wait;

// Each test file uses some of these.
#[allow(unused_imports)]
pub use wait::{wait_for, wait_until};
