//! The section's report (kinerja Seksi PDAD): how many complaints received in a
//! period reached the applicant within 2 working hours. Pure counting over rows the
//! store fetched, with the calendar; no I/O.
//!
//! Counting rules:
//! - a complaint counts in the period it was **received** in (local dates, `to` inclusive);
//! - `handed_over`: the ticket number reached the applicant (a complaint cancelled after
//!   its handover still counts here: its SLA figure is true), split into `within_sla`
//!   (at or before the deadline) and `late`;
//! - `cancelled`: withdrawn before any handover; `open`: neither handed over nor cancelled.
//!   So `received = handed_over + open + cancelled`;
//! - `sla_pct` = within_sla / handed_over × 100, one decimal (half up), None when nothing
//!   was handed over;
//! - working minutes from receipt to handover: median (the mean of the two middle values,
//!   half up, when their number is even) and p90 (nearest rank);
//! - working days from handover to resolution: working dates after the handover's date
//!   up to the resolution's date (same day = 0), median.

use super::calendar::{HolidayChange, WorkCalendar};
use super::complaint::{ApplicantKind, Channel, Stage};
use super::honest::EventTime;
use super::msg::{FieldError, Lang, M};
use super::skm::{Answers, Summary};
use super::sla;
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, TimeDelta, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Why a handover came after the deadline (the catalog of the work instruction's report).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LateReason {
    /// BCare was down or unreachable.
    BcareDown,
    /// The applicant could not be reached to take the number.
    ApplicantUnreachable,
    /// Waiting for data from the applicant before the report could be filed.
    WaitingData,
    Other,
}

/// A recorded late reason (`bcare-down: words`) in the reader's words: the
/// code named, the officer's own words after it.
pub fn late_reason_text(raw: &str, lang: Lang) -> String {
    let (code, words) = raw.split_once(": ").unwrap_or((raw, ""));
    let named = LateReason::parse(code).map_or(code, |r| r.label(lang));
    if words.is_empty() {
        named.to_string()
    } else {
        format!("{named}: {words}")
    }
}

impl LateReason {
    pub const ALL: [LateReason; 4] = [
        LateReason::BcareDown,
        LateReason::ApplicantUnreachable,
        LateReason::WaitingData,
        LateReason::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            LateReason::BcareDown => "bcare-down",
            LateReason::ApplicantUnreachable => "applicant-unreachable",
            LateReason::WaitingData => "waiting-data",
            LateReason::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<LateReason> {
        let s = s.trim().to_ascii_lowercase().replace('_', "-");
        LateReason::ALL.into_iter().find(|r| r.code() == s)
    }

    /// The codes, for a message that lists the choices.
    pub fn choices() -> String {
        LateReason::ALL.map(LateReason::code).join("|")
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            LateReason::BcareDown => M::LateBcareDown,
            LateReason::ApplicantUnreachable => M::LateApplicantUnreachable,
            LateReason::WaitingData => M::LateWaitingData,
            LateReason::Other => M::LateOther,
        }
        .get(lang)
    }

    /// The refusal when a late handover comes without a reason.
    pub fn missing() -> FieldError {
        FieldError::says("late-reason", |lang| {
            M::LateReasonMissing(lang, LateReason::choices())
        })
    }

    pub fn not_late() -> FieldError {
        FieldError::of("late-reason", M::LateReasonNotLate)
    }

    pub fn unknown(raw: &str) -> FieldError {
        FieldError::says("late-reason", |lang| {
            M::LateReasonUnknown(lang, raw, LateReason::choices())
        })
    }
}

/// What the handover event's note holds, written as a small structured text so the
/// reason lives with the handover without a schema change:
/// `via whatsapp; late-reason=bcare-down; note=free text`. The free text is last, so it
/// may contain anything.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HandoverNote {
    pub via: String,
    pub late_reason: Option<LateReason>,
    pub text: Option<String>,
}

const NOTE_MARK: &str = "; note=";
const REASON_MARK: &str = "late-reason=";

impl HandoverNote {
    pub fn to_note(&self) -> String {
        let mut s = format!("via {}", self.via);
        if let Some(r) = self.late_reason {
            s.push_str(&format!("; {REASON_MARK}{}", r.code()));
        }
        if let Some(t) = self.text.as_deref().filter(|t| !t.is_empty()) {
            s.push_str(NOTE_MARK);
            s.push_str(t);
        }
        s
    }

    /// Reads a handover note; a plain `via X` (older handovers) has no reason.
    pub fn parse(note: &str) -> HandoverNote {
        let (head, text) = match note.find(NOTE_MARK) {
            Some(i) => (&note[..i], Some(note[i + NOTE_MARK.len()..].to_string())),
            None => (note, None),
        };
        let mut out = HandoverNote {
            text,
            ..HandoverNote::default()
        };
        for part in head.split("; ") {
            if let Some(v) = part.strip_prefix("via ") {
                out.via = v.trim().to_string();
            } else if let Some(code) = part.strip_prefix(REASON_MARK) {
                out.late_reason = LateReason::parse(code);
            }
        }
        out
    }

    /// The reason as the report shows it: the code, then the officer's words.
    pub fn reason_text(&self) -> Option<String> {
        let code = self.late_reason?.code();
        Some(match self.text.as_deref().filter(|t| !t.is_empty()) {
            Some(t) => format!("{code}: {t}"),
            None => code.to_string(),
        })
    }
}

/// The report's period: local dates, both inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// A report over more than this many days is refused: it is a typo, not a question.
pub const MAX_PERIOD_DAYS: i64 = 3 * 366;

impl Period {
    pub fn new(from: NaiveDate, to: NaiveDate) -> Result<Period, FieldError> {
        if to < from {
            return Err(FieldError::says("to", |lang| {
                M::PeriodBackwards(lang, to, from)
            }));
        }
        if (to - from).num_days() >= MAX_PERIOD_DAYS {
            return Err(FieldError::says("to", |lang| {
                M::PeriodTooLong(lang, MAX_PERIOD_DAYS)
            }));
        }
        Ok(Period { from, to })
    }

    /// `2026-11` → 1–30 November 2026.
    pub fn month(raw: &str) -> Result<Period, FieldError> {
        let bad = || FieldError::says("month", |lang| M::NotAMonth(lang, raw));
        let from = NaiveDate::parse_from_str(&format!("{}-01", raw.trim()), "%Y-%m-%d")
            .map_err(|_| bad())?;
        let next = from
            .checked_add_months(chrono::Months::new(1))
            .ok_or_else(bad)?;
        let to = next.pred_opt().ok_or_else(bad)?;
        Ok(Period { from, to })
    }

    pub fn day(date: NaiveDate) -> Period {
        Period {
            from: date,
            to: date,
        }
    }

    /// Monday to Sunday of the week holding `date`.
    pub fn week_of(date: NaiveDate) -> Period {
        let from = date - TimeDelta::days(i64::from(date.weekday().num_days_from_monday()));
        Period {
            from,
            to: from + TimeDelta::days(6),
        }
    }

    pub fn month_of(date: NaiveDate) -> Period {
        let from = date.with_day(1).unwrap_or(date);
        let to = from
            .checked_add_months(chrono::Months::new(1))
            .and_then(|d| d.pred_opt())
            .unwrap_or(date);
        Period { from, to }
    }

    /// `[from 00:00, to + 1 day 00:00)` in the zone, as UTC instants.
    pub fn bounds(&self, offset: FixedOffset) -> (DateTime<Utc>, DateTime<Utc>) {
        let start = |d: NaiveDate| {
            d.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc()
                - TimeDelta::seconds(i64::from(offset.local_minus_utc()))
        };
        (start(self.from), start(self.to) + TimeDelta::days(1))
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from <= date && date <= self.to
    }

    pub fn days(&self) -> impl Iterator<Item = NaiveDate> + use<> {
        let to = self.to;
        self.from.iter_days().take_while(move |d| *d <= to)
    }
}

/// One complaint as the report needs it (the store fetches these).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportRow {
    pub reference: String,
    pub category: String,
    pub channel: Channel,
    pub kind: ApplicantKind,
    /// The officer who received it.
    pub officer: String,
    pub stage: Stage,
    pub received_at: DateTime<Utc>,
    /// The stored deadline, used only when the calendar cannot give one.
    pub sla_deadline: DateTime<Utc>,
    pub handed_over_at: Option<DateTime<Utc>>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub cancelled_at: Option<DateTime<Utc>>,
    /// The handover event's note, parsed.
    pub handover: Option<HandoverNote>,
}

/// How the report's groups are cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupBy {
    Category,
    Channel,
    Kind,
    Officer,
}

impl GroupBy {
    pub fn parse(s: &str) -> Option<GroupBy> {
        match s.trim().to_ascii_lowercase().as_str() {
            "category" | "kategori" => Some(GroupBy::Category),
            "channel" | "saluran" => Some(GroupBy::Channel),
            "kind" | "jenis" => Some(GroupBy::Kind),
            "officer" | "petugas" => Some(GroupBy::Officer),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            GroupBy::Category => "category",
            GroupBy::Channel => "channel",
            GroupBy::Kind => "kind",
            GroupBy::Officer => "officer",
        }
    }

    /// The groups' column heading.
    pub fn label(self) -> M {
        match self {
            GroupBy::Category => M::ByCategory,
            GroupBy::Channel => M::ByChannel,
            GroupBy::Kind => M::ByKind,
            GroupBy::Officer => M::ByOfficer,
        }
    }

    pub fn key(self, r: &ReportRow) -> String {
        match self {
            GroupBy::Category => r.category.clone(),
            GroupBy::Channel => r.channel.as_str().to_string(),
            GroupBy::Kind => r.kind.as_str().to_string(),
            GroupBy::Officer => r.officer.clone(),
        }
    }
}

/// The counts of a set of complaints.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Figures {
    pub received: i64,
    pub handed_over: i64,
    pub within_sla: i64,
    pub late: i64,
    pub open: i64,
    pub cancelled: i64,
    pub sla_pct: Option<f64>,
}

impl Figures {
    fn add(&mut self, fate: Fate) {
        self.received += 1;
        match fate {
            Fate::WithinSla => {
                self.handed_over += 1;
                self.within_sla += 1;
            }
            Fate::Late => {
                self.handed_over += 1;
                self.late += 1;
            }
            Fate::Cancelled => self.cancelled += 1,
            Fate::Open => self.open += 1,
        }
        self.sla_pct = sla_pct(self.within_sla, self.handed_over);
    }
}

/// within / handed × 100, one decimal, half up; None when nothing was handed over.
pub fn sla_pct(within: i64, handed: i64) -> Option<f64> {
    (handed > 0).then(|| ((within * 1000 * 2 + handed) / (handed * 2)) as f64 / 10.0)
}

/// A group of the report (`key` is the category code, channel, kind or officer).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    pub key: String,
    #[serde(flatten)]
    pub figures: Figures,
}

/// A complaint handed over after its deadline.
#[derive(Debug, Clone, PartialEq)]
pub struct LateEntry {
    pub reference: String,
    pub received_at: DateTime<Utc>,
    pub handed_over_at: DateTime<Utc>,
    pub working_minutes: i64,
    /// `bcare-down: words`, or None when the handover recorded no reason.
    pub reason: Option<String>,
}

/// One day of the period: received that day, and how those fared.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DayFigures {
    pub date: NaiveDate,
    pub figures: Figures,
}

/// One complaint of the period with its SLA figures (a row of the CSV).
#[derive(Debug, Clone, PartialEq)]
pub struct ComplaintLine {
    pub row: ReportRow,
    pub deadline: DateTime<Utc>,
    pub working_minutes: Option<i64>,
    /// None until handed over.
    pub within_sla: Option<bool>,
    /// The applicant's survey, when they answered it.
    pub skm: Option<Answers>,
    /// The desk's steps on it recorded with a set clock.
    pub backdated_steps: usize,
}

impl ComplaintLine {
    pub fn fate(&self) -> Fate {
        match self.within_sla {
            Some(true) => Fate::WithinSla,
            Some(false) => Fate::Late,
            None if is_cancelled(&self.row) => Fate::Cancelled,
            None => Fate::Open,
        }
    }

    /// The complaint as the figures count it: nothing that names anyone.
    pub fn counted(&self) -> Counted {
        Counted {
            category: self.row.category.clone(),
            channel: self.row.channel.as_str().to_string(),
            fate: self.fate(),
            working_minutes: self.working_minutes,
            late_reason: self
                .row
                .handover
                .as_ref()
                .and_then(|h| h.late_reason)
                .filter(|_| self.within_sla == Some(false)),
            skm: self.skm,
            backdated_steps: self.backdated_steps,
        }
    }
}

/// Where a complaint of the period stands in the figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fate {
    WithinSla,
    Late,
    Open,
    Cancelled,
}

/// One complaint as the figures count it and nothing more — no reference, name,
/// number or text: what a bundle carries to the Kanwil, from which every figure of
/// the report is computed again ([`tally`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counted {
    pub category: String,
    pub channel: String,
    pub fate: Fate,
    /// Working minutes from receipt to handover; None until handed over.
    pub working_minutes: Option<i64>,
    /// Why a late handover was late (its code; the officer's words stay home).
    pub late_reason: Option<LateReason>,
    /// The applicant's nine SKM answers.
    pub skm: Option<Answers>,
    pub backdated_steps: usize,
}

/// The report's figures: what `report --json` prints beside the period and the
/// late list, and what the roll-up prints for each office and for the Kanwil.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tally {
    #[serde(flatten)]
    pub totals: Figures,
    pub median_minutes: Option<i64>,
    pub p90_minutes: Option<i64>,
    pub groups: Vec<Group>,
    pub skm: Summary,
    pub backdated_steps: usize,
}

/// The figures of these complaints, each with the key of its group: the one
/// computation the section's report and the roll-up share, so an office's figures
/// are the same in both, and the Kanwil's median is over every complaint.
pub fn tally<'a>(counted: impl IntoIterator<Item = (String, &'a Counted)>) -> Tally {
    let mut totals = Figures::default();
    let mut groups: BTreeMap<String, Figures> = BTreeMap::new();
    let mut minutes = Vec::new();
    let mut answers = Vec::new();
    let mut backdated_steps = 0;
    for (key, c) in counted {
        totals.add(c.fate);
        groups.entry(key).or_default().add(c.fate);
        if matches!(c.fate, Fate::WithinSla | Fate::Late) {
            minutes.push(c.working_minutes.unwrap_or(0));
        }
        answers.extend(c.skm);
        backdated_steps += c.backdated_steps;
    }
    minutes.sort_unstable();
    Tally {
        totals,
        // Half up, as the figures are whole minutes.
        median_minutes: median_sorted(&minutes).map(|m| (m + 0.5).floor() as i64),
        p90_minutes: p90_sorted(&minutes),
        groups: groups
            .into_iter()
            .map(|(key, figures)| Group { key, figures })
            .collect(),
        skm: super::skm::summarise(&answers),
        backdated_steps,
    }
}

/// What the desk heard beside the complaints' rows: the applicants' surveys (by
/// reference) and its steps recorded with a set clock.
#[derive(Debug, Clone, Default)]
pub struct Heard {
    pub surveys: Vec<(String, Answers)>,
    pub backdated: Vec<EventTime>,
}

/// The section's report over a period.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionReport {
    pub period: Period,
    pub by: GroupBy,
    pub totals: Figures,
    pub median_minutes: Option<i64>,
    pub p90_minutes: Option<i64>,
    /// Working days from handover to resolution, median (may end in .5).
    pub median_resolution_days: Option<f64>,
    /// Sorted by key.
    pub groups: Vec<Group>,
    /// In order of receipt.
    pub late_list: Vec<LateEntry>,
    pub daily: Vec<DayFigures>,
    /// Every complaint of the period, in order of receipt.
    pub lines: Vec<ComplaintLine>,
    /// Holiday changes made after complaints of the period were handed over:
    /// their working minutes are counted with the calendar as it is now.
    pub calendar_changed: Vec<CalendarChanged>,
    /// The satisfaction surveys of the period's complaints.
    pub skm: Summary,
    /// The desk's steps on the period's complaints recorded at another time than
    /// the one they were written at (a set clock).
    pub backdated: Vec<super::honest::EventTime>,
}

/// A holiday change that came after some of the period's handovers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarChanged {
    pub at: DateTime<Utc>,
    pub officer: String,
    pub desk: Option<String>,
    pub change: HolidayChange,
    /// The period's complaints handed over before the change.
    pub handed_over_before: usize,
}

/// The holiday changes touching the period's dates that were made after some of
/// its complaints were handed over (their figures were first seen under another
/// calendar). `changes` are (when, who, desk, what).
pub fn calendar_changed_after_handover<'a>(
    rows: &[ReportRow],
    period: Period,
    changes: impl IntoIterator<Item = (DateTime<Utc>, &'a str, Option<&'a str>, &'a HolidayChange)>,
) -> Vec<CalendarChanged> {
    changes
        .into_iter()
        .filter(|(_, _, _, c)| c.touches(period.from, period.to))
        .filter_map(|(at, officer, desk, change)| {
            let before = rows
                .iter()
                .filter(|r| r.handed_over_at.is_some_and(|h| h < at))
                .count();
            (before > 0).then(|| CalendarChanged {
                at,
                officer: officer.to_string(),
                desk: desk.map(str::to_string),
                change: change.clone(),
                handed_over_before: before,
            })
        })
        .collect()
}

enum Outcome {
    HandedOver { within: bool, minutes: i64 },
    Cancelled,
    Open,
}

fn due(r: &ReportRow, cal: &WorkCalendar, budget: TimeDelta) -> DateTime<Utc> {
    sla::deadline(cal, r.received_at, budget).unwrap_or(r.sla_deadline)
}

fn outcome(r: &ReportRow, cal: &WorkCalendar, budget: TimeDelta) -> Outcome {
    match r.handed_over_at {
        Some(h) => {
            let due = due(r, cal, budget);
            Outcome::HandedOver {
                // Whole seconds, as the SLA clock counts: at the deadline is within.
                within: h.timestamp() <= due.timestamp(),
                minutes: sla::working_time_between(cal, r.received_at, h).num_minutes(),
            }
        }
        None if is_cancelled(r) => Outcome::Cancelled,
        None => Outcome::Open,
    }
}

fn is_cancelled(r: &ReportRow) -> bool {
    r.stage == Stage::Cancelled || r.cancelled_at.is_some()
}

/// The same complaints cut another way (the workbook has a sheet per grouping).
pub fn regroup(r: &SectionReport, by: GroupBy) -> Vec<Group> {
    let mut groups: BTreeMap<String, Figures> = BTreeMap::new();
    for l in &r.lines {
        groups.entry(by.key(&l.row)).or_default().add(l.fate());
    }
    groups
        .into_iter()
        .map(|(key, figures)| Group { key, figures })
        .collect()
}

/// Working dates after `from`'s date up to and including `to`'s date.
fn working_days_between(cal: &WorkCalendar, from: DateTime<Utc>, to: DateTime<Utc>) -> i64 {
    let off = cal.offset();
    let (a, b) = (
        from.with_timezone(&off).date_naive(),
        to.with_timezone(&off).date_naive(),
    );
    a.iter_days()
        .skip(1)
        .take_while(|d| *d <= b)
        .filter(|d| !cal.working_intervals(*d).is_empty())
        .count() as i64
}

/// The median of sorted values, the mean of the middle two when their number is even.
fn median_sorted(v: &[i64]) -> Option<f64> {
    let n = v.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(v[n / 2] as f64),
        _ => Some((v[n / 2 - 1] + v[n / 2]) as f64 / 2.0),
    }
}

/// p90 by nearest rank: the value at rank ⌈0.9 n⌉ of sorted values.
fn p90_sorted(v: &[i64]) -> Option<i64> {
    let n = v.len();
    (n > 0).then(|| v[(9 * n).div_ceil(10) - 1])
}

/// Counts the rows received in `period` (others are ignored), with what the desk
/// heard of them.
pub fn compute(
    rows: &[ReportRow],
    heard: &Heard,
    period: Period,
    by: GroupBy,
    cal: &WorkCalendar,
    budget: TimeDelta,
) -> SectionReport {
    let off = cal.offset();
    let mut days: BTreeMap<NaiveDate, Figures> =
        period.days().map(|d| (d, Figures::default())).collect();
    let mut resolution_days = Vec::new();
    let mut late_list = Vec::new();
    let mut lines = Vec::new();
    let mut rows: Vec<&ReportRow> = rows
        .iter()
        .filter(|r| period.contains(r.received_at.with_timezone(&off).date_naive()))
        .collect();
    rows.sort_by(|a, b| (a.received_at, &a.reference).cmp(&(b.received_at, &b.reference)));
    let surveys: BTreeMap<&str, Answers> = heard
        .surveys
        .iter()
        .map(|(r, a)| (r.as_str(), *a))
        .collect();
    let mut steps: BTreeMap<&str, usize> = BTreeMap::new();
    for e in &heard.backdated {
        *steps.entry(e.reference.as_str()).or_default() += 1;
    }
    for r in rows {
        let o = outcome(r, cal, budget);
        let (working_minutes, within_sla) = match &o {
            Outcome::HandedOver { within, minutes } => (Some(*minutes), Some(*within)),
            _ => (None, None),
        };
        let line = ComplaintLine {
            row: r.clone(),
            deadline: due(r, cal, budget),
            working_minutes,
            within_sla,
            skm: surveys.get(r.reference.as_str()).copied(),
            backdated_steps: steps.get(r.reference.as_str()).copied().unwrap_or(0),
        };
        if let Some(d) = days.get_mut(&r.received_at.with_timezone(&off).date_naive()) {
            d.add(line.fate());
        }
        lines.push(line);
        if let (Outcome::HandedOver { within, minutes: m }, Some(h)) = (&o, r.handed_over_at) {
            if let Some(res) = r.resolved_at {
                resolution_days.push(working_days_between(cal, h, res));
            }
            if !within {
                late_list.push(LateEntry {
                    reference: r.reference.clone(),
                    received_at: r.received_at,
                    handed_over_at: h,
                    working_minutes: *m,
                    reason: r.handover.as_ref().and_then(HandoverNote::reason_text),
                });
            }
        }
    }
    resolution_days.sort_unstable();
    let counted: Vec<Counted> = lines.iter().map(ComplaintLine::counted).collect();
    let t = tally(lines.iter().map(|l| by.key(&l.row)).zip(&counted));
    // Only the steps of the period's complaints: the count is theirs.
    let backdated = heard
        .backdated
        .iter()
        .filter(|e| lines.iter().any(|l| l.row.reference == e.reference))
        .cloned()
        .collect();
    SectionReport {
        period,
        by,
        totals: t.totals,
        median_minutes: t.median_minutes,
        p90_minutes: t.p90_minutes,
        median_resolution_days: median_sorted(&resolution_days),
        groups: t.groups,
        late_list,
        daily: days
            .into_iter()
            .map(|(date, figures)| DayFigures { date, figures })
            .collect(),
        lines,
        calendar_changed: Vec::new(),
        skm: t.skm,
        backdated,
    }
}

impl SectionReport {
    /// The report's figures, as `report --json` and a bundle carry them.
    pub fn figures(&self) -> Tally {
        Tally {
            totals: self.totals,
            median_minutes: self.median_minutes,
            p90_minutes: self.p90_minutes,
            groups: self.groups.clone(),
            skm: self.skm.clone(),
            backdated_steps: self.backdated.len(),
        }
    }
}

#[cfg(test)]
mod tests;
