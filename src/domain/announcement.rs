//! Reading the government's announcement of a year's holidays (the SKB of three
//! ministers on *hari libur nasional* and *cuti bersama*) as an officer meets it:
//! a list in Indonesian pasted from a news site or a circular.
//!
//! Layouts vary from one source to the next, so the reader looks for what every
//! layout has — a day of a month, often a weekday, a name — rather than for one
//! shape. It proposes and does not decide: what it could not read for sure is a
//! note naming the line, and the officer applies the result or not.

use crate::domain::calendar::Holiday;
use crate::domain::msg::{Lang, M};
use chrono::{Datelike, NaiveDate, Weekday};
use regex::Regex;
use std::collections::BTreeMap;
use std::collections::btree_map::Entry;
use std::sync::LazyLock;

/// What a reading found: the year, the days off it proposes, and its doubts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// The year most dates fall in; days of other years are left out (with a note).
    pub year: Option<i32>,
    /// Sorted by date, one per date.
    pub holidays: Vec<Holiday>,
    pub notes: Vec<ReadNote>,
}

/// A doubt about one line of the announcement (lines count from 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadNote {
    pub line: usize,
    pub doubt: Doubt,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Doubt {
    /// The weekday written beside a date is not that date's weekday.
    WrongDay { written: Weekday, date: NaiveDate },
    /// As many weekdays as dates were expected.
    DayCount { days: usize, dates: usize },
    /// A date without a year, and none in a heading or given.
    NoYear,
    /// "30 Februari": no such date.
    NoSuchDate { day: u32, month: u32, year: i32 },
    /// The same date twice: the first is kept.
    Repeated(NaiveDate),
    /// A date outside the announcement's year: left out.
    OtherYear { date: NaiveDate, year: i32 },
}

impl ReadNote {
    /// One line in the officer's language, naming the line of the text.
    pub fn text(&self, lang: Lang) -> String {
        let line = self.line.to_string();
        let said = match &self.doubt {
            Doubt::WrongDay { written, date } => {
                M::ReadWrongDay(lang, day_name(*written), date, day_name(date.weekday()))
            }
            Doubt::DayCount { days, dates } => M::ReadDayCount(lang, days, dates),
            Doubt::NoYear => M::ReadNoYear.get(lang).to_string(),
            Doubt::NoSuchDate { day, month, year } => M::ReadNoSuchDate(
                lang,
                format!("{day} {} {year}", MONTHS[*month as usize - 1].0),
            ),
            Doubt::Repeated(d) => M::ReadRepeated(lang, d),
            Doubt::OtherYear { date, year } => M::ReadOtherYear(lang, date, year),
        };
        M::ReadLine(lang, &line, &said)
    }
}

/// Indonesian month names as written in announcements, with their short forms.
const MONTHS: [(&str, &[&str]); 12] = [
    ("Januari", &["januari", "jan"]),
    ("Februari", &["februari", "pebruari", "feb", "peb"]),
    ("Maret", &["maret", "mar"]),
    ("April", &["april", "apr"]),
    ("Mei", &["mei"]),
    ("Juni", &["juni", "jun"]),
    ("Juli", &["juli", "jul"]),
    ("Agustus", &["agustus", "agu", "agt", "ags", "agust"]),
    ("September", &["september", "sep", "sept"]),
    ("Oktober", &["oktober", "okt"]),
    ("November", &["november", "nov", "nop", "nopember"]),
    ("Desember", &["desember", "des"]),
];

const DAYS: [(&str, Weekday); 8] = [
    ("senin", Weekday::Mon),
    ("selasa", Weekday::Tue),
    ("rabu", Weekday::Wed),
    ("kamis", Weekday::Thu),
    ("jumat", Weekday::Fri),
    ("sabtu", Weekday::Sat),
    ("minggu", Weekday::Sun),
    ("ahad", Weekday::Sun),
];

/// The weekday's Indonesian name, as an announcement writes it.
pub fn day_name(d: Weekday) -> &'static str {
    match d {
        Weekday::Mon => "Senin",
        Weekday::Tue => "Selasa",
        Weekday::Wed => "Rabu",
        Weekday::Thu => "Kamis",
        Weekday::Fri => "Jumat",
        Weekday::Sat => "Sabtu",
        Weekday::Sun => "Minggu",
    }
}

fn month_of(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    MONTHS
        .iter()
        .position(|(_, forms)| forms.contains(&w.as_str()))
        .map(|i| i as u32 + 1)
}

fn weekday_of(word: &str) -> Option<Weekday> {
    let w = word.to_lowercase();
    DAYS.iter().find(|(n, _)| *n == w).map(|(_, d)| *d)
}

/// Days of a month, then the month, then perhaps the year: "1 Januari 2026",
/// "21-22 Maret", "20, 23, dan 24 Maret 2026", "18 s.d. 20 Maret".
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let months: Vec<&str> = MONTHS.iter().flat_map(|(_, f)| f.iter().copied()).collect();
    let day = r"\d{1,2}(?:\s*(?:-|s\.?\s?d\.?|sampai(?:\s+dengan)?)\s*\d{1,2})?";
    Regex::new(&format!(
        r"(?i)\b(?P<days>{day}(?:\s*(?:,\s*(?:dan\b|serta\b)?|&|\bdan\b|\bserta\b)\s*{day})*)\s+(?P<month>{})\b\.?(?:\s+(?P<year>\d{{4}})\b)?",
        months.join("|")
    ))
    .expect("date pattern")
});

static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(senin|selasa|rabu|kamis|jumat|sabtu|minggu|ahad)\b").expect("weekday")
});

/// A year in a heading: "Hari Libur Nasional Tahun 2027".
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(20\d{2})\b").expect("year pattern"));

/// A list's numbering or bullet at the start of a line.
static BULLET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:\d{1,3}\s*[.)]|\d{1,3}\t|[-•*·>])\s*").expect("bullet pattern")
});

/// Parentheses left empty once the weekdays are taken out: "(Sabtu-Minggu)".
static EMPTY_PARENS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\((?:[-,/\s]|\bdan\b|\bserta\b|s\.d\.?)*\)").expect("parens pattern")
});

/// A heading says which kind its lines are; a line may say it itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    National,
    CutiBersama,
}

fn section_of(lower: &str) -> Option<Section> {
    let cuti = lower.contains("cuti bersama");
    let libur = lower.contains("libur");
    match (cuti, libur) {
        (true, false) => Some(Section::CutiBersama),
        (false, true) => Some(Section::National),
        _ => None,
    }
}

/// One date expression on a line, before years are settled.
struct Found {
    start: usize,
    end: usize,
    days: Vec<u32>,
    month: u32,
    year: Option<i32>,
}

fn days_of(text: &str) -> Vec<u32> {
    static PIECE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(\d{1,2})(?:\s*(?:-|s\.?\s?d\.?|sampai(?:\s+dengan)?)\s*(\d{1,2}))?")
            .expect("piece")
    });
    let mut out = Vec::new();
    for c in PIECE.captures_iter(text) {
        let a: u32 = c[1].parse().unwrap_or(0);
        match c.get(2).and_then(|b| b.as_str().parse::<u32>().ok()) {
            // A range never runs backwards nor longer than a month.
            Some(b) if b >= a && b - a < 31 => out.extend(a..=b),
            Some(b) => out.extend([a, b]),
            None => out.push(a),
        }
    }
    out
}

fn dates_on(line: &str) -> Vec<Found> {
    let mut found: Vec<Found> = DATE
        .captures_iter(line)
        .map(|c| {
            let whole = c.get(0).expect("match");
            Found {
                start: whole.start(),
                end: whole.end(),
                days: days_of(&c["days"]),
                month: month_of(&c["month"]).unwrap_or(1),
                year: c.name("year").and_then(|y| y.as_str().parse().ok()),
            }
        })
        .collect();
    // "31 Maret - 1 April 2027", "30 Maret dan 2 April 2027": the first part takes
    // the year of the next; joined by a dash, the days between belong too.
    for i in (0..found.len().saturating_sub(1)).rev() {
        let gap = line[found[i].end..found[i + 1].start].trim().to_lowercase();
        let joined = matches!(
            gap.as_str(),
            "-" | "s.d." | "s.d" | "sd" | "sampai" | "sampai dengan"
        );
        let listed = matches!(gap.as_str(), "," | "dan" | ", dan" | "&" | "serta");
        if !(joined || listed) {
            continue;
        }
        if found[i].year.is_none() {
            found[i].year = found[i + 1].year;
        }
        if joined
            && let (Some(&last), Some(&first)) = (found[i].days.last(), found[i + 1].days.first())
        {
            // Fill the days after `last` to the month's end and before `first`.
            let (m, y) = (found[i].month, found[i].year.unwrap_or(2000));
            let month_len = days_in_month(y, m);
            found[i].days.extend(last + 1..=month_len);
            let head: Vec<u32> = (1..first).collect();
            let next = &mut found[i + 1].days;
            next.splice(0..0, head);
        }
    }
    found
}

fn days_in_month(year: i32, month: u32) -> u32 {
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(ny, nm, 1)
        .and_then(|d| d.pred_opt())
        .map_or(31, |d| d.day())
}

/// The weekdays written on a line, in order; "Sabtu-Minggu" or "Senin s.d. Rabu"
/// written as a range counts every day of it when the dates need them.
fn weekdays_on(line: &str, dates: usize) -> Vec<Weekday> {
    let hits: Vec<(usize, usize, Weekday)> = WEEKDAY
        .find_iter(line)
        .filter_map(|m| weekday_of(m.as_str()).map(|d| (m.start(), m.end(), d)))
        .collect();
    let written: Vec<Weekday> = hits.iter().map(|h| h.2).collect();
    if let [(_, a_end, a), (b_start, _, b)] = hits.as_slice() {
        let gap = line[*a_end..*b_start].trim().to_lowercase();
        let range = matches!(gap.as_str(), "-" | "s.d." | "s.d" | "sd" | "sampai");
        if range && dates > 2 {
            let mut out = vec![*a];
            let mut d = *a;
            while d != *b && out.len() < 7 {
                d = d.succ();
                out.push(d);
            }
            return out;
        }
    }
    written
}

/// The holiday's name: what is left of the line without its dates and weekdays.
fn name_on(line: &str, found: &[Found]) -> String {
    let mut rest = String::with_capacity(line.len());
    let mut at = 0;
    for f in found {
        rest.push_str(&line[at..f.start]);
        rest.push(' ');
        at = f.end;
    }
    rest.push_str(&line[at..]);
    let rest = WEEKDAY.replace_all(&rest, " ");
    let rest = EMPTY_PARENS.replace_all(&rest, " ");
    let trim: &[char] = &[' ', ',', '.', '-', ':', ';', '|', '\t', '/', '='];
    let mut name = rest.trim_matches(trim).to_string();
    // Connectives left by a list of weekdays: ", , dan , :".
    loop {
        let lower = name.to_lowercase();
        let cut = [
            "dan ", "serta ", "s.d.", "sd ", "sampai ", "tanggal ", "tgl ",
        ]
        .iter()
        .find(|w| lower.starts_with(*w))
        .map(|w| w.len());
        match cut {
            Some(n) => name = name[n..].trim_matches(trim).to_string(),
            None => break,
        }
    }
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads an announcement. `given_year` stands for a year no line or heading gives.
pub fn read(text: &str, given_year: Option<i32>) -> Reading {
    let mut section: Option<Section> = None;
    let mut heading_year: Option<i32> = None;
    let mut notes = Vec::new();
    // (line, holiday) in the order read.
    let mut seen: Vec<(usize, Holiday)> = Vec::new();

    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let line = raw
            .replace(['–', '—', '−'], "-")
            .replace(['\u{2019}', '\''], "");
        let line = BULLET.replace(&line, "").into_owned();
        let lower = line.to_lowercase();
        let found = dates_on(&line);
        if found.is_empty() {
            // A heading: the kind and year of the lines under it.
            if let Some(s) = section_of(&lower) {
                section = Some(s);
            } else if lower.contains("libur") && lower.contains("cuti") {
                section = None;
            }
            if let Some(y) = YEAR.captures_iter(&line).last() {
                heading_year = y[1].parse().ok();
            }
            continue;
        }
        let cuti = if lower.contains("cuti bersama") {
            true
        } else if lower.contains("libur nasional") {
            false
        } else {
            section == Some(Section::CutiBersama)
        };
        let mut name = name_on(&line, &found);
        if cuti && !name.to_lowercase().contains("cuti") {
            name = if name.is_empty() {
                "Cuti bersama".to_string()
            } else {
                format!("Cuti bersama {name}")
            };
        }
        if name.is_empty() {
            name = "Libur nasional".to_string();
        }

        let mut dates = Vec::new();
        for f in &found {
            let Some(year) = f.year.or(heading_year).or(given_year) else {
                notes.push(ReadNote {
                    line: n,
                    doubt: Doubt::NoYear,
                });
                continue;
            };
            for &day in &f.days {
                match NaiveDate::from_ymd_opt(year, f.month, day) {
                    Some(d) => dates.push(d),
                    None => notes.push(ReadNote {
                        line: n,
                        doubt: Doubt::NoSuchDate {
                            day,
                            month: f.month,
                            year,
                        },
                    }),
                }
            }
        }
        let written = weekdays_on(&line, dates.len());
        if !written.is_empty() && !dates.is_empty() {
            if written.len() == dates.len() {
                for (w, d) in written.iter().zip(&dates) {
                    if *w != d.weekday() {
                        notes.push(ReadNote {
                            line: n,
                            doubt: Doubt::WrongDay {
                                written: *w,
                                date: *d,
                            },
                        });
                    }
                }
            } else {
                notes.push(ReadNote {
                    line: n,
                    doubt: Doubt::DayCount {
                        days: written.len(),
                        dates: dates.len(),
                    },
                });
            }
        }
        for date in dates {
            seen.push((
                n,
                Holiday {
                    date,
                    name: name.clone(),
                    cuti_bersama: cuti,
                },
            ));
        }
    }

    // The announcement's year: the one most of its dates fall in.
    let mut per_year: BTreeMap<i32, usize> = BTreeMap::new();
    for (_, h) in &seen {
        *per_year.entry(h.date.year()).or_default() += 1;
    }
    let year = per_year
        .iter()
        .max_by_key(|(y, n)| (**n, std::cmp::Reverse(**y)))
        .map(|(y, _)| *y)
        .or(given_year);

    let mut by_date: BTreeMap<NaiveDate, Holiday> = BTreeMap::new();
    for (line, h) in seen {
        if Some(h.date.year()) != year {
            notes.push(ReadNote {
                line,
                doubt: Doubt::OtherYear {
                    date: h.date,
                    year: year.unwrap_or_default(),
                },
            });
        } else {
            match by_date.entry(h.date) {
                // The first of a date is kept.
                Entry::Occupied(_) => notes.push(ReadNote {
                    line,
                    doubt: Doubt::Repeated(h.date),
                }),
                Entry::Vacant(v) => {
                    v.insert(h);
                }
            }
        }
    }
    notes.sort_by_key(|n| n.line);
    Reading {
        year,
        holidays: by_date.into_values().collect(),
        notes,
    }
}

#[cfg(test)]
mod tests;
