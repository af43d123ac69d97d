//! Honest time: every event keeps, beside the time the step says it happened,
//! the moment it was written by the machine's (or the server's) clock. A desk
//! step whose two differ by more than a few minutes was recorded with a clock
//! that was set, and the report counts it, so a late handover recorded as on
//! time shows.

use chrono::{DateTime, TimeDelta, Utc};

/// How far the step's time may be from the moment it was written: a command
/// that waited on a busy database, or a clock a minute off, is not backdating.
pub const TOLERANCE: TimeDelta = TimeDelta::minutes(5);

/// Event kinds that carry BCare's time, not the desk's: imported, never counted.
pub const BCARE_TIMED: [&str; 3] = ["bcare_status", "bcare_step", "bcare_answer"];

/// Event kinds that are upkeep, not a step of the procedure (the purge of
/// personal data writes one per complaint): they change no figure.
const UPKEEP: [&str; 1] = ["purged"];

/// One event as the check needs it (events written before honest time have no
/// written-at moment and are left out by the store).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventTime {
    pub reference: String,
    pub kind: String,
    pub at: DateTime<Utc>,
    pub written_at: DateTime<Utc>,
}

/// The desk's own steps recorded more than [`TOLERANCE`] away from when they
/// were written, in the order given.
pub fn backdated(events: Vec<EventTime>) -> Vec<EventTime> {
    events
        .into_iter()
        .filter(|e| !BCARE_TIMED.contains(&e.kind.as_str()) && !UPKEEP.contains(&e.kind.as_str()))
        .filter(|e| (e.at - e.written_at).abs() > TOLERANCE)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn ev(kind: &str, at_min: i64, written_min: i64) -> EventTime {
        let base = Utc.with_ymd_and_hms(2026, 12, 7, 1, 0, 0).unwrap();
        EventTime {
            reference: "ADU-2026-00001".into(),
            kind: kind.into(),
            at: base + TimeDelta::minutes(at_min),
            written_at: base + TimeDelta::minutes(written_min),
        }
    }

    #[test]
    fn a_step_recorded_with_a_set_clock_is_counted_either_way() {
        let found = backdated(vec![
            ev("handover", 0, 0),
            ev("handover", 0, 5),
            ev("handover", 0, 6),
            ev("forward", 90, 0),
            ev("bcare_step", 0, 600),
            ev("bcare_status", 0, 600),
            ev("purged", 0, 600),
        ]);
        let minutes: Vec<i64> = found
            .iter()
            .map(|e| (e.written_at - e.at).num_minutes())
            .collect();
        assert_eq!(
            minutes,
            [6, -90],
            "five minutes is the tolerance; BCare's time is BCare's"
        );
    }
}
