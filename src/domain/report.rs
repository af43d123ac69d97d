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
use super::msg::{FieldError, Lang};
use super::sla;
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, TimeDelta, Utc};
use serde::Serialize;
use std::collections::BTreeMap;

/// Why a handover came after the deadline (the catalog of the work instruction's report).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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
        match (self, lang) {
            (LateReason::BcareDown, Lang::Id) => "BCare tidak dapat diakses",
            (LateReason::BcareDown, Lang::En) => "BCare down",
            (LateReason::ApplicantUnreachable, Lang::Id) => "Pemohon tidak dapat dihubungi",
            (LateReason::ApplicantUnreachable, Lang::En) => "Applicant unreachable",
            (LateReason::WaitingData, Lang::Id) => "Menunggu data dari pemohon",
            (LateReason::WaitingData, Lang::En) => "Waiting for data from the applicant",
            (LateReason::Other, Lang::Id) => "Lainnya",
            (LateReason::Other, Lang::En) => "Other",
        }
    }

    /// The refusal when a late handover comes without a reason.
    pub fn missing() -> FieldError {
        FieldError::new(
            "late-reason",
            format!(
                "penyerahan melewati batas 2 jam kerja: sebutkan alasannya dengan --late-reason {}",
                LateReason::choices()
            ),
            format!(
                "the handover is past the 2-working-hour deadline: give the reason with --late-reason {}",
                LateReason::choices()
            ),
        )
    }

    pub fn not_late() -> FieldError {
        FieldError::new(
            "late-reason",
            "penyerahan masih dalam batas 2 jam kerja: tidak perlu alasan, hapus --late-reason",
            "the handover is within the 2-working-hour deadline: no reason is needed, leave out --late-reason",
        )
    }

    pub fn unknown(raw: &str) -> FieldError {
        FieldError::new(
            "late-reason",
            format!(
                "'{raw}' bukan alasan yang dikenal; pilih {}",
                LateReason::choices()
            ),
            format!(
                "'{raw}' is not a known reason; choose {}",
                LateReason::choices()
            ),
        )
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
            return Err(FieldError::new(
                "to",
                format!("{to} sebelum --from {from}"),
                format!("{to} is before --from {from}"),
            ));
        }
        if (to - from).num_days() >= MAX_PERIOD_DAYS {
            return Err(FieldError::new(
                "to",
                format!("periode paling panjang {MAX_PERIOD_DAYS} hari"),
                format!("a period is at most {MAX_PERIOD_DAYS} days"),
            ));
        }
        Ok(Period { from, to })
    }

    /// `2026-11` → 1–30 November 2026.
    pub fn month(raw: &str) -> Result<Period, FieldError> {
        let bad = || {
            FieldError::new(
                "month",
                format!("'{raw}' bukan bulan (YYYY-MM, mis. 2026-11)"),
                format!("'{raw}' is not a month (YYYY-MM, e.g. 2026-11)"),
            )
        };
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
    fn add(&mut self, o: &Outcome) {
        self.received += 1;
        match o {
            Outcome::HandedOver { within: true, .. } => {
                self.handed_over += 1;
                self.within_sla += 1;
            }
            Outcome::HandedOver { within: false, .. } => {
                self.handed_over += 1;
                self.late += 1;
            }
            Outcome::Cancelled => self.cancelled += 1,
            Outcome::Open => self.open += 1,
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
        let o = match l.within_sla {
            Some(within) => Outcome::HandedOver {
                within,
                minutes: l.working_minutes.unwrap_or(0),
            },
            None if is_cancelled(&l.row) => Outcome::Cancelled,
            None => Outcome::Open,
        };
        groups.entry(by.key(&l.row)).or_default().add(&o);
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

/// Counts the rows received in `period` (others are ignored).
pub fn compute(
    rows: &[ReportRow],
    period: Period,
    by: GroupBy,
    cal: &WorkCalendar,
    budget: TimeDelta,
) -> SectionReport {
    let off = cal.offset();
    let mut totals = Figures::default();
    let mut groups: BTreeMap<String, Figures> = BTreeMap::new();
    let mut days: BTreeMap<NaiveDate, Figures> =
        period.days().map(|d| (d, Figures::default())).collect();
    let mut minutes = Vec::new();
    let mut resolution_days = Vec::new();
    let mut late_list = Vec::new();
    let mut lines = Vec::new();
    let mut rows: Vec<&ReportRow> = rows
        .iter()
        .filter(|r| period.contains(r.received_at.with_timezone(&off).date_naive()))
        .collect();
    rows.sort_by(|a, b| (a.received_at, &a.reference).cmp(&(b.received_at, &b.reference)));
    for r in rows {
        let o = outcome(r, cal, budget);
        let (working_minutes, within_sla) = match &o {
            Outcome::HandedOver { within, minutes } => (Some(*minutes), Some(*within)),
            _ => (None, None),
        };
        lines.push(ComplaintLine {
            row: r.clone(),
            deadline: due(r, cal, budget),
            working_minutes,
            within_sla,
        });
        totals.add(&o);
        groups.entry(by.key(r)).or_default().add(&o);
        if let Some(d) = days.get_mut(&r.received_at.with_timezone(&off).date_naive()) {
            d.add(&o);
        }
        if let (Outcome::HandedOver { within, minutes: m }, Some(h)) = (&o, r.handed_over_at) {
            minutes.push(*m);
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
    minutes.sort_unstable();
    resolution_days.sort_unstable();
    SectionReport {
        period,
        by,
        totals,
        // Half up, as the figures are whole minutes.
        median_minutes: median_sorted(&minutes).map(|m| (m + 0.5).floor() as i64),
        p90_minutes: p90_sorted(&minutes),
        median_resolution_days: median_sorted(&resolution_days),
        groups: groups
            .into_iter()
            .map(|(key, figures)| Group { key, figures })
            .collect(),
        late_list,
        daily: days
            .into_iter()
            .map(|(date, figures)| DayFigures { date, figures })
            .collect(),
        lines,
        calendar_changed: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn wita(m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        FixedOffset::east_opt(8 * 3600)
            .unwrap()
            .with_ymd_and_hms(2026, m, d, h, min, 0)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn row(reference: &str, category: &str, received: DateTime<Utc>) -> ReportRow {
        ReportRow {
            reference: reference.into(),
            category: category.into(),
            channel: Channel::Whatsapp,
            kind: ApplicantKind::PenggunaJasa,
            officer: "budi".into(),
            stage: Stage::Received,
            received_at: received,
            sla_deadline: received + TimeDelta::hours(2),
            handed_over_at: None,
            resolved_at: None,
            cancelled_at: None,
            handover: None,
        }
    }

    fn handed(
        mut r: ReportRow,
        at: DateTime<Utc>,
        reason: Option<(LateReason, &str)>,
    ) -> ReportRow {
        r.stage = Stage::HandedOver;
        r.handed_over_at = Some(at);
        r.handover = Some(HandoverNote {
            via: "whatsapp".into(),
            late_reason: reason.map(|(r, _)| r),
            text: reason.map(|(_, t)| t.to_string()),
        });
        r
    }

    fn resolved(mut r: ReportRow, at: DateTime<Utc>) -> ReportRow {
        r.stage = Stage::Resolved;
        r.resolved_at = Some(at);
        r
    }

    /// December 2026 (holidays: Thu 24 cuti bersama, Fri 25 Christmas), worked by hand.
    fn december() -> Vec<ReportRow> {
        // A: Tue 1 Dec 07:30 → 08:30: 60 working minutes, on time; resolved Thu 3 Dec
        //    (working days after Tue 1 up to Thu 3: 2, 3 → 2). Received 30 Nov 23:30 UTC:
        //    in December only in WITA.
        let a = resolved(
            handed(
                row("A", "IMP", wita(12, 1, 7, 30)),
                wita(12, 1, 8, 30),
                None,
            ),
            wita(12, 3, 10, 0),
        );
        // B: Wed 2 Dec 10:00, deadline 12:00; handed 14:00 = 135 (to 12:15) + 60 = 195: late,
        //    with a reason.
        let mut b = handed(
            row("B", "EKS", wita(12, 2, 10, 0)),
            wita(12, 2, 14, 0),
            Some((LateReason::BcareDown, "portal mati 10:00-13:30")),
        );
        b.kind = ApplicantKind::Pegawai;
        b.officer = "sari".into();
        // C: cancelled before handover.
        let mut c = row("C", "IMP", wita(12, 3, 8, 0));
        c.stage = Stage::Cancelled;
        c.cancelled_at = Some(wita(12, 3, 8, 30));
        // D: still open.
        let mut d = row("D", "AKUN", wita(12, 7, 15, 0));
        d.stage = Stage::Ticketed;
        // E: before the holiday: Wed 23 Dec 16:30 → 30 minutes that day, Thu 24 – Sun 27 off,
        //    Mon 28 07:30 + 90 = deadline 09:00; handed 08:45 = 30 + 75 = 105, on time.
        //    Resolved Tue 29: 1 working day.
        let e = resolved(
            handed(
                row("E", "IMP", wita(12, 23, 16, 30)),
                wita(12, 28, 8, 45),
                None,
            ),
            wita(12, 29, 9, 0),
        );
        // F: outside working hours: Fri 4 Dec 18:00 counts from Mon 7 07:30, deadline 09:30;
        //    handed exactly at 09:30 = 120 minutes: within.
        let mut f = handed(
            row("F", "TIK", wita(12, 4, 18, 0)),
            wita(12, 7, 9, 30),
            None,
        );
        f.channel = Channel::Email;
        // G: Thu 10 Dec 13:00, deadline 15:00; handed 16:00 = 180: late, no reason recorded.
        let g = handed(
            row("G", "INT", wita(12, 10, 13, 0)),
            wita(12, 10, 16, 0),
            None,
        );
        // Outside the period: 30 Nov 16:00 WITA, and 1 Jan 2027 00:30 WITA (31 Dec in UTC).
        let before = handed(
            row("X", "IMP", wita(11, 30, 16, 0)),
            wita(11, 30, 16, 30),
            None,
        );
        let after = row(
            "Y",
            "IMP",
            Utc.with_ymd_and_hms(2026, 12, 31, 16, 30, 0).unwrap(),
        );
        vec![g, f, e, d, c, b, a, before, after]
    }

    fn december_report(by: GroupBy) -> SectionReport {
        let period = Period::month("2026-12").unwrap();
        compute(
            &december(),
            period,
            by,
            &WorkCalendar::builtin(),
            TimeDelta::minutes(120),
        )
    }

    #[test]
    fn the_fixture_month_adds_up_to_the_figures_worked_by_hand() {
        let r = december_report(GroupBy::Category);
        assert_eq!(
            r.totals,
            Figures {
                received: 7,
                handed_over: 5,
                within_sla: 3,
                late: 2,
                open: 1,
                cancelled: 1,
                sla_pct: Some(60.0),
            }
        );
        // Minutes 60, 105, 120, 180, 195.
        assert_eq!(r.median_minutes, Some(120));
        assert_eq!(r.p90_minutes, Some(195));
        // A: 2 working days, E: 1.
        assert_eq!(r.median_resolution_days, Some(1.5));
    }

    #[test]
    fn the_late_list_carries_minutes_and_reasons_in_order_of_receipt() {
        let r = december_report(GroupBy::Category);
        let late: Vec<_> = r
            .late_list
            .iter()
            .map(|l| (l.reference.as_str(), l.working_minutes, l.reason.as_deref()))
            .collect();
        assert_eq!(
            late,
            [
                ("B", 195, Some("bcare-down: portal mati 10:00-13:30")),
                ("G", 180, None)
            ]
        );
        assert_eq!(r.late_list[0].handed_over_at, wita(12, 2, 14, 0));
    }

    #[test]
    fn groups_by_category_count_on_their_own() {
        let r = december_report(GroupBy::Category);
        let g: Vec<_> = r
            .groups
            .iter()
            .map(|g| {
                (
                    g.key.as_str(),
                    g.figures.received,
                    g.figures.handed_over,
                    g.figures.within_sla,
                    g.figures.late,
                    g.figures.open,
                    g.figures.cancelled,
                    g.figures.sla_pct,
                )
            })
            .collect();
        assert_eq!(
            g,
            [
                ("AKUN", 1, 0, 0, 0, 1, 0, None),
                ("EKS", 1, 1, 0, 1, 0, 0, Some(0.0)),
                ("IMP", 3, 2, 2, 0, 0, 1, Some(100.0)),
                ("INT", 1, 1, 0, 1, 0, 0, Some(0.0)),
                ("TIK", 1, 1, 1, 0, 0, 0, Some(100.0)),
            ]
        );
    }

    #[test]
    fn groups_by_officer_channel_and_kind() {
        let keys = |by| -> Vec<(String, i64)> {
            december_report(by)
                .groups
                .into_iter()
                .map(|g| (g.key, g.figures.received))
                .collect()
        };
        assert_eq!(
            keys(GroupBy::Officer),
            [("budi".into(), 6), ("sari".into(), 1)]
        );
        assert_eq!(
            keys(GroupBy::Channel),
            [("email".into(), 1), ("whatsapp".into(), 6)]
        );
        assert_eq!(
            keys(GroupBy::Kind),
            [("pegawai".into(), 1), ("pengguna-jasa".into(), 6)]
        );
        // Regrouping the lines gives what counting afresh gives.
        let by_category = december_report(GroupBy::Officer);
        assert_eq!(
            regroup(&by_category, GroupBy::Category),
            december_report(GroupBy::Category).groups
        );
    }

    #[test]
    fn each_day_counts_what_was_received_that_day() {
        let r = december_report(GroupBy::Category);
        assert_eq!(r.daily.len(), 31);
        let day = |d: u32| r.daily[d as usize - 1].figures;
        assert_eq!((day(1).received, day(1).sla_pct), (1, Some(100.0)));
        assert_eq!((day(2).received, day(2).sla_pct), (1, Some(0.0)));
        assert_eq!((day(7).received, day(7).open, day(7).sla_pct), (1, 1, None));
        assert_eq!(day(24).received, 0);
    }

    #[test]
    fn nothing_handed_over_has_no_percentage() {
        let r = compute(
            &[],
            Period::month("2026-12").unwrap(),
            GroupBy::Category,
            &WorkCalendar::builtin(),
            TimeDelta::minutes(120),
        );
        assert_eq!(r.totals.sla_pct, None);
        assert_eq!((r.median_minutes, r.p90_minutes), (None, None));
        assert!(r.groups.is_empty() && r.late_list.is_empty());
    }

    #[test]
    fn the_percentage_rounds_to_one_decimal_half_up() {
        assert_eq!(sla_pct(14, 15), Some(93.3));
        assert_eq!(sla_pct(2, 3), Some(66.7));
        assert_eq!(sla_pct(1, 6), Some(16.7));
        assert_eq!(sla_pct(1, 8), Some(12.5));
        assert_eq!(sla_pct(1, 16), Some(6.3)); // 6.25 → 6.3
        assert_eq!(sla_pct(0, 4), Some(0.0));
        assert_eq!(sla_pct(0, 0), None);
    }

    #[test]
    fn median_and_p90_follow_their_definitions() {
        assert_eq!(median_sorted(&[10, 20]), Some(15.0));
        assert_eq!(median_sorted(&[7]), Some(7.0));
        assert_eq!(p90_sorted(&[7]), Some(7));
        let ten: Vec<i64> = (1..=10).collect();
        assert_eq!(p90_sorted(&ten), Some(9));
        let eleven: Vec<i64> = (1..=11).collect();
        assert_eq!(p90_sorted(&eleven), Some(10));
    }

    #[test]
    fn periods_are_local_dates_with_to_inclusive() {
        let p = Period::month("2026-02").unwrap();
        assert_eq!((p.from.day(), p.to.day()), (1, 28));
        let (a, b) = p.bounds(FixedOffset::east_opt(8 * 3600).unwrap());
        assert_eq!(a, Utc.with_ymd_and_hms(2026, 1, 31, 16, 0, 0).unwrap());
        assert_eq!(b, Utc.with_ymd_and_hms(2026, 2, 28, 16, 0, 0).unwrap());
        let w = Period::week_of(NaiveDate::from_ymd_opt(2026, 11, 27).unwrap());
        assert_eq!(
            (w.from.to_string(), w.to.to_string()),
            ("2026-11-23".into(), "2026-11-29".into())
        );
        assert!(Period::month("2026-13").is_err());
        assert!(Period::month("november").is_err());
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(
            Period::new(d("2026-11-02"), d("2026-11-01"))
                .unwrap_err()
                .field,
            "to"
        );
    }

    #[test]
    fn the_handover_note_keeps_the_reason_and_the_words() {
        let n = HandoverNote {
            via: "telepon".into(),
            late_reason: Some(LateReason::WaitingData),
            text: Some("nomor aju belum dikirim; ditunggu".into()),
        };
        let s = n.to_note();
        assert_eq!(
            s,
            "via telepon; late-reason=waiting-data; note=nomor aju belum dikirim; ditunggu"
        );
        assert_eq!(HandoverNote::parse(&s), n);
        let old = HandoverNote::parse("via whatsapp");
        assert_eq!(
            (old.via.as_str(), old.late_reason, old.text),
            ("whatsapp", None, None)
        );
        assert_eq!(LateReason::parse("BCARE_DOWN"), Some(LateReason::BcareDown));
        assert_eq!(LateReason::parse("slow"), None);
    }
}
