//! The 2-working-hour SLA: when the BCare ticket number is due, how much
//! working time is used, and how urgent a complaint is.
//!
//! Time is walked day by day over working intervals (never minute by minute),
//! so a span of years stays cheap. Inputs are truncated to whole seconds.

use super::calendar::WorkCalendar;
use chrono::{DateTime, NaiveDate, TimeDelta, Timelike, Utc};
use serde::Serialize;

/// The product rule: the ticket number is due within 2 working hours.
pub const DEFAULT_BUDGET_MINUTES: i64 = 120;

/// Consecutive days without any working time after which a calendar is deemed
/// broken (about 5 years); keeps `deadline` from looping forever.
const MAX_IDLE_DAYS: u32 = 5 * 366;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SlaLevel {
    Ok,
    Warn50,
    Warn80,
    Breached,
}

impl SlaLevel {
    /// How the level reads on screen.
    pub fn label(self, lang: super::msg::Lang) -> &'static str {
        use super::msg::Lang::*;
        match (self, lang) {
            (SlaLevel::Ok, Id) => "aman",
            (SlaLevel::Ok, En) => "on time",
            (SlaLevel::Warn50, Id) => "lewat 50%",
            (SlaLevel::Warn50, En) => "past 50%",
            (SlaLevel::Warn80, Id) => "lewat 80%",
            (SlaLevel::Warn80, En) => "past 80%",
            (SlaLevel::Breached, Id) => "terlambat",
            (SlaLevel::Breached, En) => "breached",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SlaStatus {
    pub deadline: DateTime<Utc>,
    /// Working time counted from the start to `at`; may exceed `budget` once breached.
    pub used: TimeDelta,
    /// Working time left (`budget − used`), zero when used up.
    pub remaining: TimeDelta,
    pub level: SlaLevel,
    pub budget: TimeDelta,
}

/// Drops sub-second parts: the rules are stated at second precision.
fn trunc(t: DateTime<Utc>) -> DateTime<Utc> {
    t.with_nanosecond(0).unwrap_or(t)
}

fn trunc_delta(d: TimeDelta) -> TimeDelta {
    TimeDelta::seconds(d.num_seconds())
}

fn local_date(cal: &WorkCalendar, t: DateTime<Utc>) -> NaiveDate {
    t.with_timezone(&cal.offset()).date_naive()
}

/// The instant the budget of working time, counted from `start`, is used up.
/// When the last second used is the end of an interval, that end is the
/// deadline (17:00, not the next morning). A budget of zero or less is due at
/// `start`. None only if the calendar has no working time for about 5 years
/// (a broken calendar) or the dates run out — never loops forever.
pub fn deadline(
    cal: &WorkCalendar,
    start: DateTime<Utc>,
    budget: TimeDelta,
) -> Option<DateTime<Utc>> {
    let start = trunc(start);
    let mut left = trunc_delta(budget);
    if left <= TimeDelta::zero() {
        return Some(start);
    }
    let mut day = local_date(cal, start);
    let mut idle_days = 0;
    loop {
        let mut worked = false;
        for (s, e) in cal.working_intervals(day) {
            if e <= start {
                continue;
            }
            // A start outside working hours counts from the next interval start.
            let from = s.max(start);
            let avail = e - from;
            worked = true;
            if avail >= left {
                return Some(from + left);
            }
            left -= avail;
        }
        idle_days = if worked { 0 } else { idle_days + 1 };
        if idle_days > MAX_IDLE_DAYS {
            return None;
        }
        day = day.succ_opt()?;
    }
}

/// Working time between two instants (zero if end <= start).
pub fn working_time_between(
    cal: &WorkCalendar,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
) -> TimeDelta {
    let (start, end) = (trunc(start), trunc(end));
    let mut total = TimeDelta::zero();
    if end <= start {
        return total;
    }
    let last = local_date(cal, end);
    let mut day = local_date(cal, start);
    while day <= last {
        for (s, e) in cal.working_intervals(day) {
            let (a, b) = (s.max(start), e.min(end));
            if b > a {
                total += b - a;
            }
        }
        match day.succ_opt() {
            Some(next) => day = next,
            None => break,
        }
    }
    total
}

/// Where a complaint received at `start` stands at `at` (now, or the hand-over
/// instant once the clock stopped). None only when `deadline` is None.
pub fn status(
    cal: &WorkCalendar,
    start: DateTime<Utc>,
    budget: TimeDelta,
    at: DateTime<Utc>,
) -> Option<SlaStatus> {
    let budget = trunc_delta(budget);
    let due = deadline(cal, start, budget)?;
    let used = working_time_between(cal, start, at);
    let remaining = (budget - used).max(TimeDelta::zero());
    // Compare in whole seconds so 80 % of an odd budget is not rounded early.
    let (u, b) = (used.num_seconds(), budget.num_seconds());
    let level = if trunc(at) > due {
        SlaLevel::Breached
    } else if u * 10 >= b * 8 {
        SlaLevel::Warn80
    } else if u * 2 >= b {
        SlaLevel::Warn50
    } else {
        SlaLevel::Ok
    };
    Some(SlaStatus {
        deadline: due,
        used,
        remaining,
        level,
        budget,
    })
}

/// Whether a hand-over met the SLA; handing over exactly at the deadline is met.
pub fn met(
    cal: &WorkCalendar,
    start: DateTime<Utc>,
    budget: TimeDelta,
    handed_over_at: DateTime<Utc>,
) -> Option<bool> {
    deadline(cal, start, budget).map(|due| trunc(handed_over_at) <= due)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{FixedOffset, TimeZone};
    use proptest::prelude::*;

    fn wita(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        FixedOffset::east_opt(8 * 3600)
            .unwrap()
            .with_ymd_and_hms(y, m, d, h, min, 0)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn two_hours() -> TimeDelta {
        TimeDelta::minutes(DEFAULT_BUDGET_MINUTES)
    }

    fn due(start: DateTime<Utc>) -> DateTime<Utc> {
        deadline(&WorkCalendar::builtin(), start, two_hours()).unwrap()
    }

    #[test]
    fn friday_afternoon_rolls_to_monday() {
        // 15:30–17:00 Fri = 90 min, then 30 min from 07:30 Mon.
        assert_eq!(due(wita(2026, 11, 27, 15, 30)), wita(2026, 11, 30, 8, 0));
    }

    #[test]
    fn ending_exactly_at_interval_end_stays_there() {
        assert_eq!(due(wita(2026, 11, 30, 15, 0)), wita(2026, 11, 30, 17, 0));
        // Same on the morning interval: 10:15 + 2h ends at 12:15 sharp.
        assert_eq!(due(wita(2026, 11, 30, 10, 15)), wita(2026, 11, 30, 12, 15));
    }

    #[test]
    fn lunch_break_does_not_count() {
        // 11:00–12:15 = 75 min, 45 more from 13:00.
        assert_eq!(due(wita(2026, 11, 30, 11, 0)), wita(2026, 11, 30, 13, 45));
        // Friday: 60 min to 11:30, 60 min from 13:15.
        assert_eq!(due(wita(2026, 11, 27, 10, 30)), wita(2026, 11, 27, 14, 15));
    }

    #[test]
    fn start_outside_hours_counts_from_next_working_minute() {
        assert_eq!(due(wita(2026, 11, 30, 12, 30)), wita(2026, 11, 30, 15, 0)); // break
        assert_eq!(due(wita(2026, 11, 28, 10, 0)), wita(2026, 11, 30, 9, 30)); // Saturday
        assert_eq!(due(wita(2026, 11, 30, 6, 0)), wita(2026, 11, 30, 9, 30)); // early
        assert_eq!(due(wita(2026, 11, 30, 17, 0)), wita(2026, 12, 1, 9, 30)); // at close
    }

    #[test]
    fn holidays_and_cuti_bersama_skipped() {
        // Thu Dec 24 (cb) and Fri Dec 25 off, then the weekend.
        assert_eq!(due(wita(2026, 12, 24, 9, 0)), wita(2026, 12, 28, 9, 30));
        // Lebaran: Mar 18–24 off (21/22 weekend), back Wed Mar 25.
        assert_eq!(due(wita(2026, 3, 18, 9, 0)), wita(2026, 3, 25, 9, 30));
        // Received the evening before Lebaran leave: 16:00–17:00 Tue Mar 17, 60 min Wed Mar 25.
        assert_eq!(due(wita(2026, 3, 17, 16, 0)), wita(2026, 3, 25, 8, 30));
    }

    #[test]
    fn year_without_holiday_data_counts_as_working() {
        let cal = WorkCalendar::builtin();
        assert!(!cal.covers_year(2031));
        // 60 min Wed Dec 31 2031, then Thu Jan 1 2032 is NOT known as a holiday.
        assert_eq!(due(wita(2031, 12, 31, 16, 0)), wita(2032, 1, 1, 8, 30));
        // A year with its fixed-date holidays only still knows New Year's Day.
        assert!(!cal.covers_year(2027));
        assert_eq!(due(wita(2026, 12, 31, 16, 0)), wita(2027, 1, 4, 8, 30));
    }

    #[test]
    fn sub_second_start_is_truncated() {
        let start = wita(2026, 11, 30, 11, 0) + TimeDelta::milliseconds(999);
        assert_eq!(due(start), wita(2026, 11, 30, 13, 45));
        let cal = WorkCalendar::builtin();
        let end = wita(2026, 11, 30, 11, 1) + TimeDelta::nanoseconds(999_999_999);
        assert_eq!(
            working_time_between(&cal, start, end),
            TimeDelta::minutes(1)
        );
    }

    #[test]
    fn working_time_between_cases() {
        let cal = WorkCalendar::builtin();
        // Break: 12:00–13:30 Mon counts 15 + 30 min.
        assert_eq!(
            working_time_between(&cal, wita(2026, 11, 30, 12, 0), wita(2026, 11, 30, 13, 30)),
            TimeDelta::minutes(45)
        );
        // Weekend: Fri 16:00 → Mon 08:00 = 60 + 30 min.
        assert_eq!(
            working_time_between(&cal, wita(2026, 11, 27, 16, 0), wita(2026, 11, 30, 8, 0)),
            TimeDelta::minutes(90)
        );
        // Holiday Mon Aug 17 2026: Fri Aug 14 16:00 → Tue Aug 18 08:00 = 60 + 30.
        assert_eq!(
            working_time_between(&cal, wita(2026, 8, 14, 16, 0), wita(2026, 8, 18, 8, 0)),
            TimeDelta::minutes(90)
        );
        // A full Mon (8h45m = 525 min) and Fri (7h45m = 465 min).
        assert_eq!(
            working_time_between(&cal, wita(2026, 11, 30, 0, 0), wita(2026, 12, 1, 0, 0)),
            TimeDelta::minutes(525)
        );
        assert_eq!(
            working_time_between(&cal, wita(2026, 11, 27, 0, 0), wita(2026, 11, 28, 0, 0)),
            TimeDelta::minutes(465)
        );
        // Reversed and empty spans are zero.
        let t = wita(2026, 11, 30, 9, 0);
        assert_eq!(working_time_between(&cal, t, t), TimeDelta::zero());
        assert_eq!(
            working_time_between(&cal, t, t - TimeDelta::hours(5)),
            TimeDelta::zero()
        );
    }

    #[test]
    fn long_spans_are_fast_and_exact() {
        let cal = WorkCalendar::builtin();
        // 25 days off in 2026, 4 on weekends (Mar 21, Mar 22, Apr 5, May 31).
        let total = working_time_between(&cal, wita(2026, 1, 1, 0, 0), wita(2027, 1, 1, 0, 0));
        let fridays_off = cal
            .holidays_in_year(2026)
            .iter()
            .filter(|h| h.date.format("%a").to_string() == "Fri")
            .count() as i64;
        let weekdays_off = cal
            .holidays_in_year(2026)
            .iter()
            .filter(|h| !matches!(h.date.format("%a").to_string().as_str(), "Sat" | "Sun"))
            .count() as i64;
        assert_eq!(weekdays_off, 21);
        // 2026: 52 Fridays, 209 Mon–Thu.
        let expected = (209 - (weekdays_off - fridays_off)) * 525 + (52 - fridays_off) * 465;
        assert_eq!(total, TimeDelta::minutes(expected));
        // A 5-year budget-walk terminates quickly.
        let far = deadline(&cal, wita(2026, 1, 1, 0, 0), TimeDelta::hours(10_000)).unwrap();
        assert!(far > wita(2030, 1, 1, 0, 0));
        assert_eq!(
            working_time_between(&cal, wita(2026, 1, 1, 0, 0), far),
            TimeDelta::hours(10_000)
        );
    }

    #[test]
    fn broken_calendar_gives_none_not_a_hang() {
        // Only working on Saturdays, but every Saturday for 6 years is overridden off.
        let mut text = String::from(
            "name = \"x\"\nutc_offset = \"+08:00\"\n[weekly]\nsat = [\"08:00-09:00\"]\n",
        );
        for y in 2026..2033 {
            text.push_str(&format!(
                "[[overrides]]\nfrom = \"{y}-01-01\"\nto = \"{y}-12-31\"\nsat = []\n"
            ));
        }
        let cal = WorkCalendar::from_toml(&text).unwrap();
        let start = wita(2026, 1, 1, 0, 0);
        assert_eq!(deadline(&cal, start, two_hours()), None);
        assert_eq!(status(&cal, start, two_hours(), start), None);
        assert_eq!(met(&cal, start, two_hours(), start), None);
    }

    #[test]
    fn zero_budget_is_due_at_start() {
        let cal = WorkCalendar::builtin();
        let t = wita(2026, 11, 28, 10, 0);
        assert_eq!(deadline(&cal, t, TimeDelta::zero()), Some(t));
    }

    #[test]
    fn status_levels() {
        let cal = WorkCalendar::builtin();
        let start = wita(2026, 11, 30, 9, 0); // due 11:00
        let at = |h, m| status(&cal, start, two_hours(), wita(2026, 11, 30, h, m)).unwrap();

        let s = at(9, 0);
        assert_eq!(s.level, SlaLevel::Ok);
        assert_eq!(s.deadline, wita(2026, 11, 30, 11, 0));
        assert_eq!(s.used, TimeDelta::zero());
        assert_eq!(s.remaining, two_hours());
        assert_eq!(s.budget, two_hours());

        let just_below = status(
            &cal,
            start,
            two_hours(),
            wita(2026, 11, 30, 9, 59) + TimeDelta::seconds(59),
        )
        .unwrap();
        assert_eq!(just_below.level, SlaLevel::Ok);
        assert_eq!(at(10, 0).level, SlaLevel::Warn50);
        assert_eq!(at(10, 0).remaining, TimeDelta::minutes(60));
        assert_eq!(at(10, 35).level, SlaLevel::Warn50);
        assert_eq!(at(10, 36).level, SlaLevel::Warn80); // 96 of 120 min

        let s = at(11, 0);
        assert_eq!(
            s.level,
            SlaLevel::Warn80,
            "handing over at the deadline is met"
        );
        assert_eq!(s.remaining, TimeDelta::zero());
        assert_eq!(
            met(&cal, start, two_hours(), wita(2026, 11, 30, 11, 0)),
            Some(true)
        );

        let late = wita(2026, 11, 30, 11, 0) + TimeDelta::seconds(1);
        let s = status(&cal, start, two_hours(), late).unwrap();
        assert_eq!(s.level, SlaLevel::Breached);
        assert_eq!(s.remaining, TimeDelta::zero());
        assert_eq!(s.used, two_hours() + TimeDelta::seconds(1));
        assert_eq!(met(&cal, start, two_hours(), late), Some(false));
    }

    #[test]
    fn breach_is_by_instant_not_by_working_time() {
        // Due Mon 17:00; at Tue 06:00 no more working time was used, but the
        // deadline instant has passed, so the ticket is late.
        let cal = WorkCalendar::builtin();
        let start = wita(2026, 11, 30, 15, 0);
        let s = status(&cal, start, two_hours(), wita(2026, 12, 1, 6, 0)).unwrap();
        assert_eq!(s.used, two_hours());
        assert_eq!(s.level, SlaLevel::Breached);
        // At the deadline's own second, the level is still not breached,
        // even though the hand-over happened outside working hours.
        let s = status(&cal, start, two_hours(), wita(2026, 11, 30, 17, 0)).unwrap();
        assert_eq!(s.level, SlaLevel::Warn80);
    }

    #[test]
    fn level_serializes_snake_case() {
        assert_eq!(
            serde_json::to_string(&SlaLevel::Warn50).unwrap(),
            "\"warn50\""
        );
        assert_eq!(
            serde_json::to_string(&SlaLevel::Breached).unwrap(),
            "\"breached\""
        );
    }

    fn start_2026() -> impl Strategy<Value = DateTime<Utc>> {
        let base = wita(2026, 1, 1, 0, 0).timestamp();
        (0i64..365 * 86_400).prop_map(move |s| DateTime::from_timestamp(base + s, 0).unwrap())
    }

    fn start_2026_minute() -> impl Strategy<Value = DateTime<Utc>> {
        let base = wita(2026, 1, 1, 0, 0).timestamp();
        (0i64..365 * 1440).prop_map(move |m| DateTime::from_timestamp(base + m * 60, 0).unwrap())
    }

    /// The oracle's own reading of the built-in calendar: no `WorkCalendar` code.
    mod oracle {
        use chrono::{DateTime, Datelike, NaiveDate, TimeDelta, Timelike, Utc, Weekday};
        use std::collections::HashSet;
        use std::sync::LazyLock;

        /// Local minutes of the day, half-open, as assets/calendar.toml states them.
        fn hours(day: Weekday) -> &'static [(u32, u32)] {
            const MON_THU: &[(u32, u32)] = &[(7 * 60 + 30, 12 * 60 + 15), (13 * 60, 17 * 60)];
            const FRI: &[(u32, u32)] = &[(7 * 60 + 30, 11 * 60 + 30), (13 * 60 + 15, 17 * 60)];
            match day {
                Weekday::Fri => FRI,
                Weekday::Sat | Weekday::Sun => &[],
                _ => MON_THU,
            }
        }

        static DAYS_OFF: LazyLock<HashSet<NaiveDate>> = LazyLock::new(|| {
            let v: toml::Value =
                toml::from_str(crate::domain::calendar::WorkCalendar::BUILTIN_TOML)
                    .expect("the calendar file is TOML");
            v["holidays"]
                .as_array()
                .expect("holidays")
                .iter()
                .map(|h| h["date"].as_str().expect("date").parse().expect("a date"))
                .collect()
        });

        /// Whether the minute starting at `t` is working time (WITA, UTC+8).
        fn working(t: DateTime<Utc>) -> bool {
            let local = t + TimeDelta::hours(8);
            let date = local.date_naive();
            if DAYS_OFF.contains(&date) {
                return false;
            }
            let m = local.hour() * 60 + local.minute();
            hours(date.weekday()).iter().any(|&(s, e)| s <= m && m < e)
        }

        /// Walks minute by minute until `minutes` working minutes are used.
        pub fn deadline(start: DateTime<Utc>, minutes: i64) -> DateTime<Utc> {
            let mut t = start;
            let mut used = 0;
            while used < minutes {
                if working(t) {
                    used += 1;
                }
                t += TimeDelta::minutes(1);
            }
            // The loop stops right after the last working minute used: its end.
            t
        }
    }

    fn budget() -> impl Strategy<Value = TimeDelta> {
        (60i64..=40 * 3600).prop_map(TimeDelta::seconds)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        /// The deadline agrees with an oracle that shares no code with it: a walk
        /// of the 2026 calendar minute by minute, with the office hours written out
        /// here and the holidays read straight from the calendar file's text.
        #[test]
        fn deadline_agrees_with_a_minute_by_minute_walk(
            start in start_2026_minute(),
            minutes in 0i64..=16 * 60,
        ) {
            let cal = WorkCalendar::builtin();
            let expected = oracle::deadline(start, minutes);
            prop_assert_eq!(deadline(&cal, start, TimeDelta::minutes(minutes)), Some(expected));
            // And the working time the desk counts up to it is the budget.
            prop_assert_eq!(
                working_time_between(&cal, start, expected),
                TimeDelta::minutes(minutes)
            );
        }

        #[test]
        fn deadline_monotonic_in_start(a in start_2026(), b in start_2026(), bud in budget()) {
            let cal = WorkCalendar::builtin();
            let (s1, s2) = if a <= b { (a, b) } else { (b, a) };
            prop_assert!(deadline(&cal, s1, bud).unwrap() <= deadline(&cal, s2, bud).unwrap());
        }

        #[test]
        fn deadline_monotonic_in_budget(s in start_2026(), a in budget(), b in budget()) {
            let cal = WorkCalendar::builtin();
            let (b1, b2) = if a <= b { (a, b) } else { (b, a) };
            prop_assert!(deadline(&cal, s, b1).unwrap() <= deadline(&cal, s, b2).unwrap());
        }

        #[test]
        fn status_is_consistent(start in start_2026(), b in budget(), later in 0i64..30 * 86_400) {
            let cal = WorkCalendar::builtin();
            let at = start + TimeDelta::seconds(later);
            let st = status(&cal, start, b, at).unwrap();
            prop_assert_eq!(st.remaining, (b - st.used).max(TimeDelta::zero()));
            prop_assert_eq!(st.level == SlaLevel::Breached, at > st.deadline);
            prop_assert_eq!(met(&cal, start, b, at).unwrap(), at <= st.deadline);
        }
    }
}
