//! Work handed to the desk's own thread and not yet answered: what the screen
//! shows while it waits ("saving… 3 s"), and what keeps a step from being taken
//! twice while the first is still being written.

use chrono::{DateTime, Utc};

/// How long work may take before the screen says it is working: a local read
/// answers in a millisecond, and a mark that flickers on every key is noise.
pub const SLOW_AFTER: std::time::Duration = std::time::Duration::from_millis(250);

/// One piece of work handed over: whether it records a step the officer took
/// (a save, a forward, a handover), which must not be taken twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Job {
    pub step: bool,
}

/// The desk's thread, as the screen knows it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Work {
    /// Handed over and not answered yet.
    pub in_flight: usize,
    /// Of those, the officer's steps: another step waits for them.
    pub steps: usize,
    /// When the oldest unanswered work was handed over (the desk's clock).
    pub since: Option<DateTime<Utc>>,
    /// Unanswered past [`SLOW_AFTER`]: the status bar says so.
    pub slow: bool,
}

impl Work {
    pub fn posted(&mut self, job: Job, at: DateTime<Utc>) {
        if self.in_flight == 0 {
            self.since = Some(at);
        }
        self.in_flight += 1;
        self.steps += usize::from(job.step);
    }

    pub fn settled(&mut self, job: Job) {
        self.in_flight = self.in_flight.saturating_sub(1);
        if job.step {
            self.steps = self.steps.saturating_sub(1);
        }
        if self.in_flight == 0 {
            self.since = None;
            self.slow = false;
        }
    }

    /// Whole seconds the desk has been working, as of `now`.
    pub fn seconds(&self, now: DateTime<Utc>) -> i64 {
        self.since
            .map_or(0, |since| (now - since).num_seconds().max(0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_mark_goes_when_the_last_work_is_answered() {
        let at = Utc.with_ymd_and_hms(2026, 12, 7, 2, 0, 0).unwrap();
        let mut w = Work::default();
        w.posted(Job { step: true }, at);
        w.posted(Job { step: false }, at + chrono::TimeDelta::seconds(1));
        w.slow = true;
        assert_eq!((w.in_flight, w.steps), (2, 1));
        assert_eq!(w.seconds(at + chrono::TimeDelta::seconds(3)), 3);
        w.settled(Job { step: true });
        assert!(w.slow, "a read is still out");
        assert_eq!(w.steps, 0);
        w.settled(Job { step: false });
        assert_eq!(w, Work::default());
    }
}
