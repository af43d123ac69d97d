//! The office's working-hours calendar: weekly hours, national holidays and
//! cuti bersama, date overrides (e.g. Ramadan hours) and office closures.
//!
//! The calendar is data (TOML) because holidays change every year and the
//! officer must be able to fix them without a new build. Everything here is
//! pure: no clock reads, no I/O.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, TimeDelta, Utc};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use thiserror::Error;

/// Minutes in a day; an interval may end at "24:00" but never cross midnight,
/// so each interval belongs to exactly one local date.
const DAY_MINUTES: u32 = 24 * 60;

/// Longest date range one override or closure entry may span; guards against
/// a typo in a year ("2026" → "2062") expanding into decades of days.
const MAX_RANGE_DAYS: i64 = 366;

/// Why a calendar file was rejected. Every variant names the entry and the rule.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CalendarError {
    /// TOML syntax, a missing key, a wrong type or an unknown key; toml's text
    /// carries the line and column.
    #[error("not a valid calendar: {0}")]
    Syntax(String),
    #[error("utc_offset = {value:?}: expected \"+HH:MM\" or \"-HH:MM\" (e.g. \"+08:00\" for WITA)")]
    BadOffset { value: String },
    #[error("{entry}: {value:?} is not a valid interval: {rule}")]
    BadInterval {
        entry: String,
        value: String,
        rule: String,
    },
    #[error(
        "{entry}: intervals must be sorted and must not overlap: {value:?} starts before the previous one ends"
    )]
    Overlap { entry: String, value: String },
    #[error("{entry}: {value:?} is not a valid date (expected \"YYYY-MM-DD\")")]
    BadDate { entry: String, value: String },
    #[error("{entry}: {rule}")]
    BadEntry { entry: String, rule: String },
    #[error("weekly: no working hours on any day, so no deadline could ever be computed")]
    NoWorkingTime,
}

/// A whole day off: a national holiday, a cuti bersama day, or an office closure
/// (closures carry their note as the name and `cuti_bersama = false`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Holiday {
    pub date: NaiveDate,
    pub name: String,
    pub cuti_bersama: bool,
}

/// How much of a year's holidays a calendar knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Coverage {
    /// The year's announcement (SKB) is in: every holiday and cuti bersama.
    Complete,
    /// Only the fixed-date national holidays, until the announcement is entered.
    FixedDatesOnly,
    /// No holidays at all: every weekday counts as working.
    Missing,
}

/// What the desk says about its calendar on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalendarNotice {
    /// From 1 October: next year's announcement is not entered yet (a warning).
    NextYear { year: i32, coverage: Coverage },
    /// This year's announcement is not entered: deadlines count holidays as
    /// working days (an alarm; `check` fails).
    ThisYear { year: i32, coverage: Coverage },
}

impl CalendarNotice {
    /// Whether the desk's figures are wrong today (not merely soon).
    pub fn is_alarm(&self) -> bool {
        matches!(self, CalendarNotice::ThisYear { .. })
    }

    pub fn year(&self) -> i32 {
        match self {
            CalendarNotice::NextYear { year, .. } | CalendarNotice::ThisYear { year, .. } => *year,
        }
    }

    /// One line in the officer's language.
    pub fn text(&self, lang: crate::domain::msg::Lang) -> String {
        use crate::domain::msg::M;
        let year = self.year();
        let m = match self {
            CalendarNotice::ThisYear {
                coverage: Coverage::FixedDatesOnly,
                ..
            } => M::CalendarFixedOnly,
            CalendarNotice::ThisYear { .. } => M::CalendarGap,
            CalendarNotice::NextYear {
                coverage: Coverage::FixedDatesOnly,
                ..
            } => M::CalendarNextFixedOnly,
            CalendarNotice::NextYear { .. } => M::CalendarNextMissing,
        };
        m(lang, year)
    }
}

/// From this month on, next year's missing announcement is a warning.
const NEXT_YEAR_WARNING_MONTH: u32 = 10;

/// A change to the holidays kept in the database (by `calendar read --apply`,
/// `calendar add`, `calendar remove` or the calendar pane).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HolidayChange {
    /// A year's announcement: replaces that year's holidays.
    Announce { year: i32, holidays: Vec<Holiday> },
    /// One day off added (a cuti bersama decreed during the year).
    Add(Holiday),
    /// One day off taken back.
    Remove(NaiveDate),
}

impl HolidayChange {
    /// Whether the change touches a day in `[from, to]`.
    pub fn touches(&self, from: NaiveDate, to: NaiveDate) -> bool {
        match self {
            HolidayChange::Announce { year, .. } => (from.year()..=to.year()).contains(year),
            HolidayChange::Add(h) => (from..=to).contains(&h.date),
            HolidayChange::Remove(d) => (from..=to).contains(d),
        }
    }
}

/// Local working interval in minutes since local midnight, `[start, end)`.
type Span = (u32, u32);

#[derive(Debug, Clone)]
struct Override {
    from: NaiveDate,
    to: NaiveDate,
    /// Hours for every normally-working day in the range.
    hours: Option<Vec<Span>>,
    /// Hours for one weekday (Mon = 0), winning over `hours`.
    days: [Option<Vec<Span>>; 7],
}

/// Working-hours calendar of one office, in one fixed UTC offset.
#[derive(Debug, Clone)]
pub struct WorkCalendar {
    name: String,
    offset: FixedOffset,
    holiday_years: BTreeSet<i32>,
    /// Years that carry only the fixed-date national holidays (1 January, 1 May,
    /// 1 June, 17 August, 25 December) until their announcement is entered.
    fixed_date_years: BTreeSet<i32>,
    /// Office closures among `days_off`: an announcement replacing a year's
    /// holidays leaves the office's own closures standing.
    closures: BTreeSet<NaiveDate>,
    /// Weekly hours, Mon = 0 … Sun = 6.
    weekly: [Vec<Span>; 7],
    /// Holidays and closures, one entry per date.
    days_off: BTreeMap<NaiveDate, Holiday>,
    /// Sorted by `from`, non-overlapping.
    overrides: Vec<Override>,
}

// ---- TOML shape -------------------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCalendar {
    name: String,
    utc_offset: String,
    #[serde(default)]
    holiday_years: Vec<i32>,
    #[serde(default)]
    fixed_date_years: Vec<i32>,
    weekly: RawWeek,
    #[serde(default)]
    holidays: Vec<RawHoliday>,
    #[serde(default)]
    overrides: Vec<RawOverride>,
    #[serde(default)]
    closures: Vec<RawClosure>,
}

/// A missing weekday means no working hours that day.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWeek {
    #[serde(default)]
    mon: Vec<String>,
    #[serde(default)]
    tue: Vec<String>,
    #[serde(default)]
    wed: Vec<String>,
    #[serde(default)]
    thu: Vec<String>,
    #[serde(default)]
    fri: Vec<String>,
    #[serde(default)]
    sat: Vec<String>,
    #[serde(default)]
    sun: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHoliday {
    date: String,
    name: String,
    #[serde(default)]
    cuti_bersama: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOverride {
    date: Option<String>,
    from: Option<String>,
    to: Option<String>,
    hours: Option<Vec<String>>,
    mon: Option<Vec<String>>,
    tue: Option<Vec<String>>,
    wed: Option<Vec<String>>,
    thu: Option<Vec<String>>,
    fri: Option<Vec<String>>,
    sat: Option<Vec<String>>,
    sun: Option<Vec<String>>,
    #[serde(default)]
    #[allow(dead_code)] // shown to the officer in the file only
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClosure {
    date: Option<String>,
    from: Option<String>,
    to: Option<String>,
    #[serde(default)]
    note: String,
}

const WEEKDAY_KEYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

// ---- parsing helpers ----------------------------------------------------------

fn parse_offset(s: &str) -> Result<FixedOffset, CalendarError> {
    let bad = || CalendarError::BadOffset {
        value: s.to_string(),
    };
    let b = s.trim().as_bytes();
    if b.len() != 6 || b[3] != b':' {
        return Err(bad());
    }
    let sign = match b[0] {
        b'+' => 1,
        b'-' => -1,
        _ => return Err(bad()),
    };
    let num = |x: &[u8]| -> Option<i32> {
        x.iter()
            .all(u8::is_ascii_digit)
            .then(|| x.iter().fold(0, |a, d| a * 10 + i32::from(d - b'0')))
    };
    let (h, m) = (
        num(&b[1..3]).ok_or_else(bad)?,
        num(&b[4..6]).ok_or_else(bad)?,
    );
    // Real offsets range from -12:00 to +14:00.
    if h > 14 || m > 59 {
        return Err(bad());
    }
    FixedOffset::east_opt(sign * (h * 3600 + m * 60)).ok_or_else(bad)
}

/// "HH:MM" → minutes since midnight; "24:00" only when `allow_24` (an end).
fn parse_clock(s: &str, allow_24: bool) -> Option<u32> {
    let (h, m) = s.trim().split_once(':')?;
    let ok = |x: &str, max_len| {
        !x.is_empty() && x.len() <= max_len && x.bytes().all(|c| c.is_ascii_digit())
    };
    if !ok(h, 2) || m.len() != 2 || !ok(m, 2) {
        return None;
    }
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    match (h, m) {
        (24, 0) if allow_24 => Some(DAY_MINUTES),
        (0..=23, 0..=59) => Some(h * 60 + m),
        _ => None,
    }
}

fn parse_intervals(entry: &str, raw: &[String]) -> Result<Vec<Span>, CalendarError> {
    let mut out: Vec<Span> = Vec::with_capacity(raw.len());
    for value in raw {
        let bad = |rule: &str| CalendarError::BadInterval {
            entry: entry.to_string(),
            value: value.clone(),
            rule: rule.to_string(),
        };
        let (a, b) = value
            .split_once('-')
            .ok_or_else(|| bad("expected \"HH:MM-HH:MM\""))?;
        let start = parse_clock(a, false)
            .ok_or_else(|| bad("start is not a time between 00:00 and 23:59"))?;
        let end =
            parse_clock(b, true).ok_or_else(|| bad("end is not a time between 00:01 and 24:00"))?;
        if end <= start {
            return Err(bad("end must be later than start"));
        }
        if let Some(&(_, prev_end)) = out.last()
            && start < prev_end
        {
            return Err(CalendarError::Overlap {
                entry: entry.to_string(),
                value: value.clone(),
            });
        }
        out.push((start, end));
    }
    Ok(out)
}

fn parse_date(entry: &str, value: &str) -> Result<NaiveDate, CalendarError> {
    let v = value.trim();
    // Strict shape: chrono alone would also accept "2026-1-1".
    let shaped = v.len() == 10
        && v.bytes().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    shaped
        .then(|| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok())
        .flatten()
        .ok_or_else(|| CalendarError::BadDate {
            entry: entry.to_string(),
            value: value.to_string(),
        })
}

/// `date = ...` alone, or `from = ...` with an optional `to = ...` (inclusive).
fn parse_range(
    entry: &str,
    date: Option<&str>,
    from: Option<&str>,
    to: Option<&str>,
) -> Result<(NaiveDate, NaiveDate), CalendarError> {
    let rule = |r: &str| CalendarError::BadEntry {
        entry: entry.to_string(),
        rule: r.to_string(),
    };
    let (from, to) = match (date, from, to) {
        (Some(d), None, None) => {
            let d = parse_date(&format!("{entry} date"), d)?;
            (d, d)
        }
        (None, Some(f), t) => {
            let f = parse_date(&format!("{entry} from"), f)?;
            let t = match t {
                Some(t) => parse_date(&format!("{entry} to"), t)?,
                None => f,
            };
            (f, t)
        }
        (Some(_), _, _) => return Err(rule("give either \"date\" or \"from\"/\"to\", not both")),
        (None, None, Some(_)) => return Err(rule("\"to\" needs a \"from\"")),
        (None, None, None) => return Err(rule("needs \"date\" or \"from\"/\"to\"")),
    };
    if to < from {
        return Err(rule(&format!(
            "\"to\" ({to}) is earlier than \"from\" ({from})"
        )));
    }
    if (to - from).num_days() >= MAX_RANGE_DAYS {
        return Err(rule(&format!(
            "range {from}..{to} is longer than {MAX_RANGE_DAYS} days; split it or check the year"
        )));
    }
    Ok((from, to))
}

/// A TOML error as one line: where (line and column) and what.
fn toml_error_line(text: &str, e: &toml::de::Error) -> String {
    let what = e.message().trim().replace('\n', " ");
    match e.span() {
        Some(span) => {
            let before = &text[..span.start.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let column = before[before.rfind('\n').map_or(0, |i| i + 1)..]
                .chars()
                .count()
                + 1;
            format!("line {line}, column {column}: {what}")
        }
        None => what,
    }
}

fn dates(from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    from.iter_days().take_while(move |d| *d <= to)
}

impl WorkCalendar {
    /// The default calendar shipped with the app, so the app can write a copy
    /// for the officer to edit.
    pub const BUILTIN_TOML: &'static str = include_str!("../../assets/calendar.toml");

    /// The embedded default calendar (Kemenkeu hours, WITA, 2026 holidays).
    pub fn builtin() -> WorkCalendar {
        // A unit test proves the embedded file parses.
        WorkCalendar::from_toml(Self::BUILTIN_TOML).expect("embedded assets/calendar.toml is valid")
    }

    /// Parses and validates a calendar file.
    pub fn from_toml(text: &str) -> Result<WorkCalendar, CalendarError> {
        let raw: RawCalendar =
            toml::from_str(text).map_err(|e| CalendarError::Syntax(toml_error_line(text, &e)))?;
        let offset = parse_offset(&raw.utc_offset)?;

        let w = &raw.weekly;
        let raw_week = [&w.mon, &w.tue, &w.wed, &w.thu, &w.fri, &w.sat, &w.sun];
        let mut weekly: [Vec<Span>; 7] = Default::default();
        for (i, day) in raw_week.iter().enumerate() {
            weekly[i] = parse_intervals(&format!("weekly.{}", WEEKDAY_KEYS[i]), day)?;
        }
        if weekly.iter().all(Vec::is_empty) {
            return Err(CalendarError::NoWorkingTime);
        }

        let holiday_years: BTreeSet<i32> = raw.holiday_years.iter().copied().collect();
        let fixed_date_years: BTreeSet<i32> = raw.fixed_date_years.iter().copied().collect();
        if let Some(y) = holiday_years.intersection(&fixed_date_years).next() {
            return Err(CalendarError::BadEntry {
                entry: "fixed_date_years".into(),
                rule: format!("{y} is also in holiday_years; a year is complete or not"),
            });
        }
        let mut closures = BTreeSet::new();
        let mut days_off: BTreeMap<NaiveDate, Holiday> = BTreeMap::new();
        let mut add_day_off = |entry: &str, h: Holiday| -> Result<(), CalendarError> {
            if let Some(prev) = days_off.get(&h.date) {
                return Err(CalendarError::BadEntry {
                    entry: entry.to_string(),
                    rule: format!("{} is already a day off ({:?})", h.date, prev.name),
                });
            }
            days_off.insert(h.date, h);
            Ok(())
        };

        for (i, h) in raw.holidays.iter().enumerate() {
            let entry = format!("[[holidays]] #{}", i + 1);
            let date = parse_date(&format!("{entry} date"), &h.date)?;
            // Holidays outside the declared years would make covers_year() lie.
            if !holiday_years.contains(&date.year()) && !fixed_date_years.contains(&date.year()) {
                return Err(CalendarError::BadEntry {
                    entry,
                    rule: format!(
                        "{date} is in {}, which is not listed in holiday_years (or fixed_date_years)",
                        date.year()
                    ),
                });
            }
            add_day_off(
                &entry,
                Holiday {
                    date,
                    name: h.name.clone(),
                    cuti_bersama: h.cuti_bersama,
                },
            )?;
        }

        for (i, c) in raw.closures.iter().enumerate() {
            let entry = format!("[[closures]] #{}", i + 1);
            let (from, to) = parse_range(
                &entry,
                c.date.as_deref(),
                c.from.as_deref(),
                c.to.as_deref(),
            )?;
            let name = if c.note.trim().is_empty() {
                "Kantor tutup".to_string()
            } else {
                c.note.clone()
            };
            for date in dates(from, to) {
                closures.insert(date);
                add_day_off(
                    &entry,
                    Holiday {
                        date,
                        name: name.clone(),
                        cuti_bersama: false,
                    },
                )?;
            }
        }

        let mut overrides: Vec<(usize, Override)> = Vec::with_capacity(raw.overrides.len());
        for (i, o) in raw.overrides.iter().enumerate() {
            let entry = format!("[[overrides]] #{}", i + 1);
            let (from, to) = parse_range(
                &entry,
                o.date.as_deref(),
                o.from.as_deref(),
                o.to.as_deref(),
            )?;
            let hours = o
                .hours
                .as_deref()
                .map(|h| parse_intervals(&format!("{entry} hours"), h))
                .transpose()?;
            let raw_days = [&o.mon, &o.tue, &o.wed, &o.thu, &o.fri, &o.sat, &o.sun];
            let mut days: [Option<Vec<Span>>; 7] = Default::default();
            for (d, rd) in raw_days.iter().enumerate() {
                days[d] = rd
                    .as_deref()
                    .map(|h| parse_intervals(&format!("{entry} {}", WEEKDAY_KEYS[d]), h))
                    .transpose()?;
            }
            if hours.is_none() && days.iter().all(Option::is_none) {
                return Err(CalendarError::BadEntry {
                    entry,
                    rule: "needs \"hours\" or at least one weekday key (mon..sun); use [] for no working hours".into(),
                });
            }
            overrides.push((
                i,
                Override {
                    from,
                    to,
                    hours,
                    days,
                },
            ));
        }
        overrides.sort_by_key(|(_, o)| o.from);
        // Overlapping overrides would make the hours depend on entry order.
        for pair in overrides.windows(2) {
            let ((ia, a), (ib, b)) = (&pair[0], &pair[1]);
            if b.from <= a.to {
                return Err(CalendarError::BadEntry {
                    entry: format!("[[overrides]] #{}", ib + 1),
                    rule: format!(
                        "its dates {}..{} overlap [[overrides]] #{} ({}..{})",
                        b.from,
                        b.to,
                        ia + 1,
                        a.from,
                        a.to
                    ),
                });
            }
        }

        Ok(WorkCalendar {
            name: raw.name,
            offset,
            holiday_years,
            fixed_date_years,
            closures,
            weekly,
            days_off,
            overrides: overrides.into_iter().map(|(_, o)| o).collect(),
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// The office's UTC offset, for showing instants in local (WITA) time.
    pub fn offset(&self) -> FixedOffset {
        self.offset
    }

    /// Whether the file lists holidays for `year`; if not, every weekday of
    /// that year counts as working and the app should say so loudly.
    pub fn covers_year(&self, year: i32) -> bool {
        self.holiday_years.contains(&year)
    }

    pub fn covered_years(&self) -> Vec<i32> {
        self.holiday_years.iter().copied().collect()
    }

    /// How much of a year's holidays the calendar knows.
    pub fn coverage(&self, year: i32) -> Coverage {
        if self.holiday_years.contains(&year) {
            Coverage::Complete
        } else if self.fixed_date_years.contains(&year) {
            Coverage::FixedDatesOnly
        } else {
            Coverage::Missing
        }
    }

    /// What the desk must say about the calendar on `today` (local date): from
    /// 1 October a warning that next year is not entered yet; from 1 January of
    /// a year not entered, the alarm.
    pub fn notice(&self, today: NaiveDate) -> Option<CalendarNotice> {
        let year = today.year();
        match self.coverage(year) {
            Coverage::Complete => {}
            coverage => return Some(CalendarNotice::ThisYear { year, coverage }),
        }
        if today.month() < NEXT_YEAR_WARNING_MONTH {
            return None;
        }
        match self.coverage(year + 1) {
            Coverage::Complete => None,
            coverage => Some(CalendarNotice::NextYear {
                year: year + 1,
                coverage,
            }),
        }
    }

    /// The calendar with the database's changes laid over it, oldest first: an
    /// announcement replaces its year's holidays (closures stay) and makes the
    /// year complete; an added day wins over what was on its date; a removed day
    /// is a working day again.
    pub fn with_changes<'a>(
        &self,
        changes: impl IntoIterator<Item = &'a HolidayChange>,
    ) -> WorkCalendar {
        let mut cal = self.clone();
        for change in changes {
            match change {
                HolidayChange::Announce { year, holidays } => {
                    let closures = &cal.closures;
                    cal.days_off
                        .retain(|d, _| d.year() != *year || closures.contains(d));
                    for h in holidays.iter().filter(|h| h.date.year() == *year) {
                        cal.closures.remove(&h.date);
                        cal.days_off.insert(h.date, h.clone());
                    }
                    cal.holiday_years.insert(*year);
                    cal.fixed_date_years.remove(year);
                }
                HolidayChange::Add(h) => {
                    cal.closures.remove(&h.date);
                    cal.days_off.insert(h.date, h.clone());
                }
                HolidayChange::Remove(date) => {
                    cal.closures.remove(date);
                    cal.days_off.remove(date);
                }
            }
        }
        cal
    }

    /// The holiday, cuti bersama or closure on a local date.
    pub fn holiday(&self, date: NaiveDate) -> Option<&Holiday> {
        self.days_off.get(&date)
    }

    /// Holidays, cuti bersama and closures of a year, sorted by date.
    pub fn holidays_in_year(&self, year: i32) -> Vec<&Holiday> {
        match (
            NaiveDate::from_ymd_opt(year, 1, 1),
            NaiveDate::from_ymd_opt(year, 12, 31),
        ) {
            (Some(a), Some(b)) => self.days_off.range(a..=b).map(|(_, h)| h).collect(),
            _ => Vec::new(),
        }
    }

    /// Local working spans of a date: day off → none; override → its hours;
    /// else the weekly hours.
    fn local_spans(&self, date: NaiveDate) -> &[Span] {
        if self.days_off.contains_key(&date) {
            return &[];
        }
        let wd = date.weekday().num_days_from_monday() as usize;
        let normal = &self.weekly[wd];
        let ov = self
            .overrides
            .iter()
            .find(|o| o.from <= date && date <= o.to);
        match ov {
            Some(o) => match (&o.days[wd], &o.hours) {
                (Some(d), _) => d,
                // "hours" reshapes working days only; weekends stay off.
                (None, Some(h)) if !normal.is_empty() => h,
                _ => normal,
            },
            None => normal,
        }
    }

    /// Working intervals of one local date, as UTC instants, sorted; empty on a day off.
    pub fn working_intervals(&self, date: NaiveDate) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
        let spans = self.local_spans(date);
        if spans.is_empty() {
            return Vec::new();
        }
        // Fixed offset: local midnight minus the offset is the UTC instant.
        let Some(midnight) = date.and_hms_opt(0, 0, 0) else {
            return Vec::new();
        };
        let base =
            midnight.and_utc() - TimeDelta::seconds(i64::from(self.offset.local_minus_utc()));
        spans
            .iter()
            .map(|&(s, e)| {
                (
                    base + TimeDelta::minutes(i64::from(s)),
                    base + TimeDelta::minutes(i64::from(e)),
                )
            })
            .collect()
    }

    /// Whether `at` falls in a working interval (half-open: the end minute is not working).
    pub fn is_working(&self, at: DateTime<Utc>) -> bool {
        let date = at.with_timezone(&self.offset).date_naive();
        self.working_intervals(date)
            .iter()
            .any(|&(s, e)| s <= at && at < e)
    }
}

#[cfg(test)]
mod tests;
