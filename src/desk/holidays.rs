//! The holidays kept with the data: a year's announcement applied, a day added
//! or taken back. Each is recorded with who made it and when (a holiday changes
//! SLA figures), and the running complaints' deadlines follow at once.

use super::{Desk, DeskError, Result, calendar_fingerprint};
use crate::domain::calendar::{Holiday, HolidayChange, WorkCalendar};
use crate::domain::msg::{FieldError, M};
use crate::domain::text;
use crate::store::CalendarChangeRecord;
use chrono::{Datelike, NaiveDate};

/// The years a holiday may be kept for: a typo in a year is refused, not stored.
const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// A holiday's name: one line, like a subject.
const HOLIDAY_NAME_MAX: usize = 120;

impl Desk {
    /// The built-in calendar or the file's, before the database's changes.
    pub fn base_calendar(&self) -> &WorkCalendar {
        &self.base_calendar
    }

    /// The holiday changes kept in the database, oldest first.
    pub fn calendar_changes(&self) -> &[CalendarChangeRecord] {
        &self.calendar_changes
    }

    /// Applies a year's announcement: it replaces that year's holidays on every
    /// desk of this database. Returns how many days off the year now has.
    pub fn apply_announcement(&mut self, year: i32, holidays: &[Holiday]) -> Result<usize> {
        check_year("year", year)?;
        if holidays.is_empty() {
            return Err(DeskError::Invalid(vec![FieldError::of(
                "holidays",
                M::ReadNothing,
            )]));
        }
        let mut kept = Vec::with_capacity(holidays.len());
        for h in holidays {
            if h.date.year() != year {
                return Err(DeskError::Invalid(vec![FieldError::says("date", |lang| {
                    M::DateOutsideYear(lang, h.date, year)
                })]));
            }
            kept.push(Holiday {
                date: h.date,
                name: holiday_name(&h.name)?,
                cuti_bersama: h.cuti_bersama,
            });
        }
        self.record(HolidayChange::Announce {
            year,
            holidays: kept,
        })?;
        Ok(self.calendar.holidays_in_year(year).len())
    }

    /// Adds one day off (a cuti bersama decreed during the year); it wins over
    /// what the calendar had on that date.
    pub fn add_holiday(&mut self, date: &str, name: &str, cuti_bersama: bool) -> Result<Holiday> {
        let date = parse_day(date)?;
        let h = Holiday {
            date,
            name: holiday_name(name)?,
            cuti_bersama,
        };
        self.record(HolidayChange::Add(h.clone()))?;
        Ok(h)
    }

    /// Takes a day off back: the date is a working day again.
    pub fn remove_holiday(&mut self, date: &str) -> Result<Holiday> {
        let date = parse_day(date)?;
        let Some(h) = self.calendar.holiday(date).cloned() else {
            return Err(DeskError::Invalid(vec![FieldError::says("date", |lang| {
                M::CalNotThere(lang, date)
            })]));
        };
        self.record(HolidayChange::Remove(date))?;
        Ok(h)
    }

    /// Reads the database's holiday changes again (another desk may have made
    /// one); when they changed, the calendar and the running deadlines follow.
    /// Returns whether anything changed.
    pub fn refresh_calendar(&mut self) -> Result<bool> {
        let changes = self.store.calendar_changes()?;
        if changes == self.calendar_changes {
            return Ok(false);
        }
        self.take_changes(changes)?;
        Ok(true)
    }

    fn record(&mut self, change: HolidayChange) -> Result<()> {
        let now = self.now();
        self.store
            .record_calendar_change(&change, now, &self.officer)?;
        let changes = self.store.calendar_changes()?;
        self.take_changes(changes)
    }

    fn take_changes(&mut self, changes: Vec<CalendarChangeRecord>) -> Result<()> {
        self.calendar = self
            .base_calendar
            .with_changes(changes.iter().map(|c| &c.change));
        self.calendar_changes = changes;
        tracing::info!(
            fingerprint = calendar_fingerprint(&self.base_fingerprint, &self.calendar_changes),
            "holidays changed"
        );
        self.sync_deadlines().map_err(DeskError::Other)
    }
}

fn check_year(field: &'static str, year: i32) -> Result<()> {
    if YEARS.contains(&year) {
        return Ok(());
    }
    Err(DeskError::Invalid(vec![FieldError::says(field, |lang| {
        M::YearOutside(lang, year, YEARS.start(), YEARS.end())
    })]))
}

/// A date as `YYYY-MM-DD`.
fn parse_day(raw: &str) -> Result<NaiveDate> {
    let d = NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d").map_err(|_| {
        DeskError::Invalid(vec![FieldError::says("date", |lang| {
            M::NotADate(lang, raw.trim())
        })])
    })?;
    check_year("date", d.year())?;
    Ok(d)
}

fn holiday_name(raw: &str) -> Result<String> {
    text::free_text("name", raw, HOLIDAY_NAME_MAX, true, true)
        .map_err(|e| DeskError::Invalid(vec![e]))
}
