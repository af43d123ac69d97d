//! The tests' one wait on the outside world (a starting PostgreSQL, a terminal
//! in tmux, a child process): ask again and again until the answer comes or the
//! deadline passes. Everything the tests drive themselves waits on an event or a
//! clock step instead. Uses only std, so the library's unit tests can include it.

#![allow(dead_code)]

use std::time::{Duration, Instant};

/// How often the outside world is asked again.
pub const POLL: Duration = Duration::from_millis(50);

/// Calls `ask` until it returns `Some`, for at most `within`; `Err` carries the
/// last `None`'s moment so the caller can say what it waited for.
pub fn wait_until<T>(within: Duration, mut ask: impl FnMut() -> Option<T>) -> Result<T, Duration> {
    let began = Instant::now();
    loop {
        if let Some(answer) = ask() {
            return Ok(answer);
        }
        if began.elapsed() >= within {
            return Err(began.elapsed());
        }
        std::thread::sleep(POLL);
    }
}

/// `wait_until`, panicking with `what` when the deadline passes.
pub fn wait_for<T>(what: &str, within: Duration, ask: impl FnMut() -> Option<T>) -> T {
    wait_until(within, ask)
        .unwrap_or_else(|waited| panic!("waited {} ms for {what}", waited.as_millis()))
}
