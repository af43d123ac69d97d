//! Reading and writing instants the way the officer types and reads them:
//! in the calendar's zone (WITA), stored as UTC.

use chrono::{
    DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, SecondsFormat, TimeZone, Utc,
};

/// Parses an instant: RFC 3339 (`2026-11-27T15:30:00+08:00`), or a local time in the
/// calendar's zone (`2026-11-27 15:30`, `2026-11-27T15:30:00`), or a time of today (`15:30`).
pub fn parse_instant(
    raw: &str,
    now: DateTime<Utc>,
    offset: FixedOffset,
) -> Result<DateTime<Utc>, String> {
    let s = raw.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(t.with_timezone(&Utc));
    }
    for fmt in [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(n) = NaiveDateTime::parse_from_str(s, fmt) {
            return local(n, offset);
        }
    }
    for fmt in ["%H:%M:%S", "%H:%M"] {
        if let Ok(t) = NaiveTime::parse_from_str(s, fmt) {
            let today = now.with_timezone(&offset).date_naive();
            return local(today.and_time(t), offset);
        }
    }
    Err(format!("'{s}'"))
}

fn local(n: NaiveDateTime, offset: FixedOffset) -> Result<DateTime<Utc>, String> {
    offset
        .from_local_datetime(&n)
        .single()
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| format!("'{n}'"))
}

/// RFC 3339 in the calendar's zone, to the second: `2026-11-30T08:00:00+08:00`.
pub fn rfc3339_local(t: DateTime<Utc>, offset: FixedOffset) -> String {
    t.with_timezone(&offset)
        .to_rfc3339_opts(SecondsFormat::Secs, false)
}

/// Short local form for screens and printouts: `2026-11-30 08:00`.
pub fn short_local(t: DateTime<Utc>, offset: FixedOffset) -> String {
    t.with_timezone(&offset)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// The local calendar date of an instant.
pub fn local_date(t: DateTime<Utc>, offset: FixedOffset) -> NaiveDate {
    t.with_timezone(&offset).date_naive()
}

/// `now + wait` in whole seconds, rounded up (the store keeps seconds, and rounding
/// down would make a short wait due at once). Checked: a wait past the calendar's
/// end saturates instead of panicking.
pub fn next_attempt(
    now: chrono::DateTime<chrono::Utc>,
    wait: std::time::Duration,
) -> chrono::DateTime<chrono::Utc> {
    let secs = wait
        .as_secs()
        .saturating_add(u64::from(wait.subsec_nanos() > 0));
    let delta = i64::try_from(secs)
        .ok()
        .and_then(chrono::TimeDelta::try_seconds)
        .unwrap_or(chrono::TimeDelta::MAX);
    now.checked_add_signed(delta)
        .unwrap_or(chrono::DateTime::<chrono::Utc>::MAX_UTC)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wita() -> FixedOffset {
        FixedOffset::east_opt(8 * 3600).unwrap()
    }

    #[test]
    fn local_forms_are_read_in_the_calendar_zone() {
        let now = Utc.with_ymd_and_hms(2026, 11, 28, 2, 0, 0).unwrap();
        let want = Utc.with_ymd_and_hms(2026, 11, 27, 7, 30, 0).unwrap();
        for s in [
            "2026-11-27T15:30:00+08:00",
            "2026-11-27T07:30:00Z",
            "2026-11-27 15:30",
            "2026-11-27T15:30:00",
        ] {
            assert_eq!(parse_instant(s, now, wita()), Ok(want), "{s}");
        }
        let today = parse_instant("09:15", now, wita()).unwrap();
        assert_eq!(rfc3339_local(today, wita()), "2026-11-28T09:15:00+08:00");
        assert!(parse_instant("kemarin", now, wita()).is_err());
    }
}
