//! `calendar`: the working-hours calendar and its holidays — list them, read a
//! year's SKB announcement, add or take back a day off, and see who changed what.

use super::{Setup, message, print_json};
use crate::desk::{CalendarChangeRecord, Location};
use crate::domain::announcement::{self, Reading, day_name};
use crate::domain::calendar::{Coverage, Holiday, HolidayChange, WorkCalendar};
use crate::domain::complaint::officer_shown;
use crate::domain::msg::{Lang, M};
use crate::domain::when::short_local;
use anyhow::{Result, bail};
use chrono::Datelike;
use clap::{Args, Subcommand};
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct CalendarArgs {
    #[command(subcommand)]
    pub action: Option<CalendarAction>,
    /// Year to list holidays of (default: this year).
    #[arg(long)]
    pub year: Option<i32>,
    /// Print the built-in calendar file, to start your own from.
    #[arg(long)]
    pub export: bool,
}

#[derive(Subcommand, Debug)]
pub enum CalendarAction {
    /// Read a year's SKB announcement of holidays and cuti bersama (pasted text,
    /// FILE or "-" for standard input) and show what it found; --apply stores it.
    Read {
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
        /// The year of dates written without one (when no heading says it).
        #[arg(long)]
        year: Option<i32>,
        /// Apply the result: it replaces that year's holidays on every desk of
        /// this database, and running deadlines follow.
        #[arg(long)]
        apply: bool,
    },
    /// Add a day off (e.g. a cuti bersama decreed during the year): DATE is YYYY-MM-DD.
    Add {
        date: String,
        name: String,
        /// The day is cuti bersama, not a national holiday.
        #[arg(long)]
        cuti: bool,
    },
    /// Take a day off back: the date is a working day again.
    Remove { date: String },
    /// Every change to the holidays kept in the database: when, who, what.
    History,
}

pub fn run(s: &Setup, args: &CalendarArgs, json: bool) -> Result<()> {
    match &args.action {
        None if args.export => {
            put!("{}", WorkCalendar::BUILTIN_TOML);
            Ok(())
        }
        None => list(s, args.year, json),
        Some(CalendarAction::Read { file, year, apply }) => read(s, file, *year, *apply, json),
        Some(CalendarAction::Add { date, name, cuti }) => {
            let mut desk = s.open_desk()?;
            let h = desk.add_holiday(date, name, *cuti)?;
            if json {
                return print_json(&serde_json::json!({ "added": h }));
            }
            say!("{}", M::CalAdded(s.lang, h.date, &h.name));
            Ok(())
        }
        Some(CalendarAction::Remove { date }) => {
            let mut desk = s.open_desk()?;
            let h = desk.remove_holiday(date)?;
            if json {
                return print_json(&serde_json::json!({ "removed": h }));
            }
            say!(
                "{}",
                M::CalRemoved(s.lang, format!("{} ({})", h.date, h.name))
            );
            Ok(())
        }
        Some(CalendarAction::History) => history(s, json),
    }
}

/// The calendar as the desk counts with it: the database's changes over the
/// built-in calendar or the file. A database that is not there yet is not
/// created: the listing is then the base calendar's.
fn effective(s: &Setup) -> Result<(WorkCalendar, Vec<CalendarChangeRecord>)> {
    let absent = matches!(&s.paths.db, Location::File(p) if !p.exists());
    if absent {
        return Ok((s.calendar()?, Vec::new()));
    }
    let desk = s.open_desk_read_only()?;
    Ok((desk.calendar().clone(), desk.calendar_changes().to_vec()))
}

fn list(s: &Setup, year: Option<i32>, json: bool) -> Result<()> {
    let (cal, _) = effective(s)?;
    let off = cal.offset();
    let today = (s.clock)().with_timezone(&off).date_naive();
    let year = year.unwrap_or_else(|| today.year());
    let holidays = cal.holidays_in_year(year);
    let notice = cal.notice(today);
    if json {
        return print_json(&serde_json::json!({
            "name": cal.name(), "utc_offset": off.to_string(), "year": year,
            "covers_year": cal.covers_year(year), "coverage": cal.coverage(year),
            "holidays": holidays,
            "notice": notice.map(|n| n.text(s.lang)),
        }));
    }
    say!("{} (UTC{off})", cal.name());
    match cal.coverage(year) {
        Coverage::Complete => {}
        Coverage::FixedDatesOnly => say!("{}", M::CalendarNextFixedOnly(s.lang, year)),
        Coverage::Missing => say!("{}", M::CalendarNextMissing(s.lang, year)),
    }
    for h in holidays {
        say!("{}", holiday_line(h, s.lang));
    }
    if let Some(n) = notice.filter(|n| n.year() != year) {
        tell!("{}", n.text(s.lang));
    }
    Ok(())
}

fn holiday_line(h: &Holiday, lang: Lang) -> String {
    let kind = if h.cuti_bersama {
        M::CalCuti
    } else {
        M::CalNational
    };
    format!(
        "{}  {:<6}  {:<15}  {}",
        h.date,
        day_name(h.date.weekday()),
        kind.get(lang),
        h.name
    )
}

fn read(
    s: &Setup,
    file: &Option<PathBuf>,
    year: Option<i32>,
    apply: bool,
    json: bool,
) -> Result<()> {
    let (_, text) = message::load_as("announcement", file.as_deref())?;
    let reading = announcement::read(&text, year);
    let Some(year) = reading.year.filter(|_| !reading.holidays.is_empty()) else {
        for n in &reading.notes {
            tell!("! {}", n.text(s.lang));
        }
        bail!("{}", M::ReadNothing.get(s.lang));
    };
    let applied = if apply {
        let mut desk = s.open_desk()?;
        Some(desk.apply_announcement(year, &reading.holidays)?)
    } else {
        None
    };
    if json {
        let mut v = serde_json::json!({
            "year": year,
            "holidays": reading.holidays,
            "warnings": reading.notes.iter().map(|n| n.text(s.lang)).collect::<Vec<_>>(),
        });
        v["applied"] = applied.is_some().into();
        return print_json(&v);
    }
    print_reading(&reading, year, s.lang);
    match applied {
        Some(n) => say!("{}", M::CalApplied(s.lang, n, year)),
        None => tell!("{}", M::CalProposed.get(s.lang)),
    }
    Ok(())
}

fn print_reading(r: &Reading, year: i32, lang: Lang) {
    let cuti = r.holidays.iter().filter(|h| h.cuti_bersama).count();
    say!(
        "{year}: {} {}, {cuti} {}",
        r.holidays.len() - cuti,
        M::CalNational.get(lang),
        M::CalCuti.get(lang)
    );
    for h in &r.holidays {
        say!("{}", holiday_line(h, lang));
    }
    for n in &r.notes {
        tell!("! {}", n.text(lang));
    }
}

fn history(s: &Setup, json: bool) -> Result<()> {
    let (cal, changes) = effective(s)?;
    let off = cal.offset();
    if json {
        let rows: Vec<_> = changes
            .iter()
            .map(|c| {
                serde_json::json!({
                    "at": crate::domain::when::rfc3339_local(c.at, off),
                    "officer": c.officer, "officer_name": c.officer_name, "desk": c.desk, "change": what(&c.change, Lang::En),
                })
            })
            .collect();
        return print_json(&rows);
    }
    for c in &changes {
        say!(
            "{}  {}{}  {}",
            short_local(c.at, off),
            officer_shown(&c.officer, c.officer_name.as_deref()),
            c.desk
                .as_deref()
                .map(|d| format!(" ({d})"))
                .unwrap_or_default(),
            what(&c.change, s.lang)
        );
    }
    Ok(())
}

/// A change in a few words.
pub fn what(change: &HolidayChange, lang: Lang) -> String {
    match change {
        HolidayChange::Announce { year, holidays } => M::CalAnnounced(lang, year, holidays.len()),
        HolidayChange::Add(h) => format!("+ {} {}", h.date, h.name),
        HolidayChange::Remove(d) => format!("- {d}"),
    }
}
