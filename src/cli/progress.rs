//! What a long command is doing, on stderr while it runs: a bar with how far it
//! is and the time left, or a spinner with the time taken where the total is
//! unknown. Only for a person watching: nothing is drawn when stderr is not a
//! terminal or `--json` was given, so pipes, logs and programs see only the result.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::Duration;

/// A progress line on stderr, or nothing. Cleared when dropped, so the
/// command's own output follows on a clean line.
pub struct Progress(Option<ProgressBar>);

impl Progress {
    /// A bar for work of known size: `what` it is doing, `done/total`, the time left.
    pub fn bar(what: &str, json: bool) -> Progress {
        Progress::drawn(json, || {
            let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
            if let Ok(style) = ProgressStyle::with_template(
                "{msg} [{bar:30}] {human_pos}/{human_len} ({percent}%), {eta} left",
            ) {
                bar.set_style(style.progress_chars("=> "));
            }
            bar
        })
        .with(what)
    }

    /// A spinner for work whose size is not known: `what` it is doing, the time taken.
    pub fn spinner(what: &str, json: bool) -> Progress {
        Progress::drawn(json, || {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} ({elapsed})") {
                bar.set_style(style);
            }
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        })
        .with(what)
    }

    fn drawn(json: bool, make: impl FnOnce() -> ProgressBar) -> Progress {
        Progress((!json && std::io::stderr().is_terminal()).then(make))
    }

    fn with(self, what: &str) -> Progress {
        if let Some(b) = &self.0 {
            b.set_message(what.to_string());
        }
        self
    }

    /// Says what it is doing now.
    pub fn doing(&self, what: &str) {
        if let Some(b) = &self.0 {
            b.set_message(what.to_string());
        }
    }

    /// `done` of `total` so far.
    pub fn at(&self, done: u64, total: u64) {
        if let Some(b) = &self.0 {
            b.set_length(total);
            b.set_position(done);
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let Some(b) = &self.0 {
            b.finish_and_clear();
        }
    }
}
