//! A holiday change in the columns both backends keep it in (`calendar_changes`):
//! the action, the year, one day with its name and kind, or an announcement's
//! days as JSON.

use crate::domain::calendar::{Holiday, HolidayChange};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// The columns after `at, officer, desk`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    pub action: &'static str,
    pub year: i64,
    pub day: Option<String>,
    pub name: Option<String>,
    pub cuti_bersama: i64,
    pub holidays: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct Day {
    date: NaiveDate,
    name: String,
    cuti_bersama: bool,
}

pub fn columns(change: &HolidayChange) -> Columns {
    match change {
        HolidayChange::Announce { year, holidays } => {
            let days: Vec<Day> = holidays
                .iter()
                .map(|h| Day {
                    date: h.date,
                    name: h.name.clone(),
                    cuti_bersama: h.cuti_bersama,
                })
                .collect();
            Columns {
                action: "announce",
                year: i64::from(*year),
                day: None,
                name: None,
                cuti_bersama: 0,
                holidays: Some(serde_json::to_string(&days).expect("days serialise")),
            }
        }
        HolidayChange::Add(h) => Columns {
            action: "add",
            year: i64::from(h.date.year()),
            day: Some(h.date.to_string()),
            name: Some(h.name.clone()),
            cuti_bersama: i64::from(h.cuti_bersama),
            holidays: None,
        },
        HolidayChange::Remove(d) => Columns {
            action: "remove",
            year: i64::from(d.year()),
            day: Some(d.to_string()),
            name: None,
            cuti_bersama: 0,
            holidays: None,
        },
    }
}

/// The change a stored row says, or why it cannot be read.
pub fn change(
    action: &str,
    year: i64,
    day: Option<&str>,
    name: Option<String>,
    cuti_bersama: i64,
    holidays: Option<&str>,
) -> Result<HolidayChange, String> {
    let date = || -> Result<NaiveDate, String> {
        day.ok_or("no day")?
            .parse()
            .map_err(|_| format!("day {day:?} is not a date"))
    };
    match action {
        "announce" => {
            let days: Vec<Day> = serde_json::from_str(holidays.unwrap_or("[]"))
                .map_err(|e| format!("holidays: {e}"))?;
            Ok(HolidayChange::Announce {
                year: i32::try_from(year).map_err(|_| format!("year {year}"))?,
                holidays: days
                    .into_iter()
                    .map(|d| Holiday {
                        date: d.date,
                        name: d.name,
                        cuti_bersama: d.cuti_bersama,
                    })
                    .collect(),
            })
        }
        "add" => Ok(HolidayChange::Add(Holiday {
            date: date()?,
            name: name.unwrap_or_default(),
            cuti_bersama: cuti_bersama != 0,
        })),
        "remove" => Ok(HolidayChange::Remove(date()?)),
        other => Err(format!("unknown action '{other}'")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_change_reads_back_as_written() {
        let d = |m, day| NaiveDate::from_ymd_opt(2027, m, day).unwrap();
        let h = Holiday {
            date: d(3, 11),
            name: "Cuti bersama Idul Fitri \"1448\"".into(),
            cuti_bersama: true,
        };
        for c in [
            HolidayChange::Announce {
                year: 2027,
                holidays: vec![h.clone()],
            },
            HolidayChange::Add(h),
            HolidayChange::Remove(d(1, 1)),
        ] {
            let k = columns(&c);
            let back = change(
                k.action,
                k.year,
                k.day.as_deref(),
                k.name.clone(),
                k.cuti_bersama,
                k.holidays.as_deref(),
            );
            assert_eq!(back, Ok(c));
        }
        assert!(change("move", 2027, None, None, 0, None).is_err());
        assert!(change("remove", 2027, Some("2027-02-30"), None, 0, None).is_err());
    }
}
