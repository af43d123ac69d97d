//! `report`: the section's SLA report (text, JSON, CSV, workbook) and `report --shift`,
//! what the next officer inherits.

use super::export::{csv_line, write_private};
use crate::desk::Desk;
use crate::domain::bundle::Bundle;
use crate::domain::msg::{Lang, M};
use crate::domain::report::{GroupBy, Period, SectionReport, Tally};
use crate::domain::when::{local_date, rfc3339_local, short_local};
use anyhow::{Context, Result, bail};
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Utc};
use serde::Serialize;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct ReportArgs {
    /// A month, YYYY-MM (default: this month).
    #[arg(long)]
    pub month: Option<String>,
    /// First day, YYYY-MM-DD (with --to).
    #[arg(long)]
    pub from: Option<String>,
    /// Last day, YYYY-MM-DD, inclusive (with --from).
    #[arg(long)]
    pub to: Option<String>,
    /// Today.
    #[arg(long)]
    pub today: bool,
    /// This week, Monday to Sunday.
    #[arg(long)]
    pub week: bool,
    /// Groups: category, channel, kind or officer.
    #[arg(long, default_value = "category")]
    pub by: String,
    /// Write one row per complaint to this CSV file.
    #[arg(long, value_name = "PATH")]
    pub csv: Option<PathBuf>,
    /// Write the workbook for the head of the section to this .xlsx file.
    #[arg(long, value_name = "PATH")]
    pub xlsx: Option<PathBuf>,
    /// Write the period's bundle for the Kanwil's roll-up to this file (no personal data).
    #[arg(long, value_name = "PATH")]
    pub bundle: Option<PathBuf>,
    /// What the next officer inherits: open complaints, the outbox.
    #[arg(long)]
    pub shift: bool,
}

fn date_arg(flag: &str, raw: &str, lang: Lang) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d")
        .with_context(|| M::FlagNotADate(lang, flag, raw))
}

/// The period the flags ask for; exactly one way of naming it, or this month.
pub fn period_of(a: &ReportArgs, today: NaiveDate, lang: Lang) -> Result<Period> {
    let named = [
        a.month.is_some(),
        a.from.is_some() || a.to.is_some(),
        a.today,
        a.week,
    ]
    .iter()
    .filter(|b| **b)
    .count();
    if named > 1 {
        bail!(M::PeriodOneWay.get(lang));
    }
    if let Some(m) = &a.month {
        return Period::month(m).map_err(|e| anyhow::anyhow!(M::FlagRefused(lang, e.text(lang))));
    }
    match (&a.from, &a.to) {
        (Some(f), Some(t)) => {
            return Period::new(date_arg("from", f, lang)?, date_arg("to", t, lang)?)
                .map_err(|e| anyhow::anyhow!(M::FlagRefused(lang, e.text(lang))));
        }
        (Some(_), None) => bail!(M::FromNeedsTo.get(lang)),
        (None, Some(_)) => bail!(M::ToNeedsFrom.get(lang)),
        (None, None) => {}
    }
    Ok(if a.today {
        Period::day(today)
    } else if a.week {
        Period::week_of(today)
    } else {
        Period::month_of(today)
    })
}

pub fn run(desk: &Desk, a: &ReportArgs, json: bool, lang: Lang) -> Result<()> {
    if a.shift {
        return shift(desk, json, lang);
    }
    let files = [a.csv.is_some(), a.xlsx.is_some(), a.bundle.is_some()];
    if files.iter().filter(|f| **f).count() > 1 {
        bail!(M::ReportOneFile.get(lang));
    }
    let office = desk.config().report.office.trim();
    if a.bundle.is_some() && office.is_empty() {
        bail!(M::BundleNoOffice.get(lang));
    }
    let Some(by) = GroupBy::parse(&a.by) else {
        bail!(M::NotAGrouping(lang, &a.by));
    };
    let off = desk.calendar().offset();
    let period = period_of(a, local_date(desk.now(), off), lang)?;
    // Working minutes over a year without holiday data count holidays as working days.
    for year in period.from.year()..=period.to.year() {
        if !desk.calendar().covers_year(year) {
            tell!("{}", M::ReportCalendarGap(lang, year));
        }
    }
    // From 1 October: next year's holidays are not entered yet.
    if let Some(n) = desk.calendar_notice().filter(|n| !n.is_alarm()) {
        tell!("{}", n.text(lang));
    }
    let r = desk.section_report(period, by)?;
    for c in &r.calendar_changed {
        tell!(
            "{}",
            M::CalChangedAfterHandover(
                lang,
                crate::domain::when::short_local(c.at, off),
                &c.officer,
                super::calendar::what(&c.change, lang),
                c.handed_over_before
            )
        );
    }
    if let Some(path) = &a.csv {
        write_private(path, csv(&r, off).as_bytes())?;
    }
    if let Some(path) = &a.xlsx {
        let bytes = super::report_workbook::workbook(&r, &desk.config().report.office, off)
            .with_context(|| format!("laying out the workbook {}", path.display()))?;
        write_private(path, &bytes)?;
    }
    let bundle = a.bundle.as_ref().map(|path| {
        let made_by = concat!("bcare-desk ", env!("CARGO_PKG_VERSION"));
        (
            path,
            Bundle::of(&r, office, desk.now().with_timezone(&off), made_by),
        )
    });
    if let Some((path, b)) = &bundle {
        write_private(path, &b.to_bytes())?;
    }
    if json {
        say!("{}", serde_json::to_string_pretty(&to_json(&r, off))?);
    } else if let Some((path, b)) = &bundle {
        say!(
            "{}",
            M::BundleWritten(lang, path.display(), b.complaints.len())
        );
    } else if a.csv.is_none() && a.xlsx.is_none() {
        put!("{}", text(&r, lang, off));
    } else {
        let path = a
            .csv
            .as_ref()
            .or(a.xlsx.as_ref())
            .map(|p| p.display().to_string());
        say!("{}", path.unwrap_or_default());
    }
    Ok(())
}

/// The JSON contract of the report (README).
#[derive(Serialize)]
pub struct ReportJson {
    pub from: String,
    pub to: String,
    /// The figures, SKM and the steps recorded with a set clock included: the
    /// same a roll-up prints for the office.
    #[serde(flatten)]
    pub figures: Tally,
    pub late_list: Vec<LateJson>,
    /// Holiday changes made after complaints of the period were handed over.
    pub calendar_changed: Vec<CalendarChangedJson>,
}

#[derive(Serialize)]
pub struct CalendarChangedJson {
    pub at: String,
    pub officer: String,
    pub desk: Option<String>,
    pub change: String,
    pub handed_over_before: usize,
}

#[derive(Serialize)]
pub struct LateJson {
    #[serde(rename = "ref")]
    pub reference: String,
    pub received_at: String,
    pub handed_over_at: String,
    pub working_minutes: i64,
    pub reason: Option<String>,
}

pub fn to_json(r: &SectionReport, off: FixedOffset) -> ReportJson {
    ReportJson {
        from: r.period.from.to_string(),
        to: r.period.to.to_string(),
        figures: r.figures(),
        late_list: r
            .late_list
            .iter()
            .map(|l| LateJson {
                reference: l.reference.clone(),
                received_at: rfc3339_local(l.received_at, off),
                handed_over_at: rfc3339_local(l.handed_over_at, off),
                working_minutes: l.working_minutes,
                reason: l.reason.clone(),
            })
            .collect(),
        calendar_changed: r
            .calendar_changed
            .iter()
            .map(|c| CalendarChangedJson {
                at: rfc3339_local(c.at, off),
                officer: c.officer.clone(),
                desk: c.desk.clone(),
                change: super::calendar::what(&c.change, Lang::En),
                handed_over_before: c.handed_over_before,
            })
            .collect(),
    }
}

/// The survey's lines: respondents, the index and grade, and each element's mean.
fn skm_text(k: &crate::domain::skm::Summary, lang: Lang) -> String {
    let ikm = k.ikm.map_or("—".to_string(), |v| lang.decimal(v, 2));
    let grade = k.grade.map_or("—".to_string(), |g| g.to_string());
    let mut s = M::RptSkm(lang, k.respondents.to_string(), &ikm, &grade);
    if k.respondents > 0 {
        let means: Vec<String> = k
            .elements
            .iter()
            .map(|e| {
                let m = e.mean.map_or("—".to_string(), |m| lang.decimal(m, 2));
                format!("{} {m}", e.key)
            })
            .collect();
        s.push_str("\n  ");
        s.push_str(&means.join(" · "));
    }
    s
}

/// A percentage as the officer's language writes it (`83,3 %` in Indonesian).
pub(super) fn pct(p: Option<f64>, lang: Lang) -> String {
    p.map(|p| format!("{} %", lang.decimal(p, 1)))
        .unwrap_or_else(|| "—".into())
}

/// Working days, whole or a half (a median of two): `0,5` in Indonesian.
fn days(d: f64, lang: Lang) -> String {
    if d.fract() == 0.0 {
        format!("{d:.0}")
    } else {
        lang.decimal(d, 1)
    }
}

pub(super) fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_else(|| "—".into())
}

fn text(r: &SectionReport, lang: Lang, off: FixedOffset) -> String {
    use std::fmt::Write;
    let t = &r.totals;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} {} – {}",
        M::RptTitle.get(lang),
        r.period.from,
        r.period.to
    );
    let _ = writeln!(
        s,
        "{} {} · {} {} · {} {} · {} {} · {} {} · {} {}",
        M::RptReceived.get(lang),
        t.received,
        M::RptHandedOver.get(lang),
        t.handed_over,
        M::RptWithinSla.get(lang),
        t.within_sla,
        M::RptLate.get(lang),
        t.late,
        M::RptOpen.get(lang),
        t.open,
        M::RptCancelled.get(lang),
        t.cancelled
    );
    let _ = writeln!(
        s,
        "SLA {} · {} {} · p90 {} · {} {}",
        pct(t.sla_pct, lang),
        M::RptMedianMinutes.get(lang),
        opt(r.median_minutes),
        opt(r.p90_minutes),
        M::RptMedianDays.get(lang),
        r.median_resolution_days
            .map_or("—".to_string(), |d| days(d, lang))
    );
    let _ = writeln!(s, "{}", skm_text(&r.skm, lang));
    if !r.backdated.is_empty() {
        let _ = writeln!(
            s,
            "{}",
            M::RptBackdated(lang, r.backdated.len().to_string())
        );
    }
    if !r.groups.is_empty() {
        let _ = writeln!(s);
        let _ = writeln!(
            s,
            "{:<16} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8}",
            r.by.label().get(lang),
            M::RptColReceived.get(lang),
            M::RptColHanded.get(lang),
            M::RptColInSla.get(lang),
            M::RptColLate.get(lang),
            M::RptColOpen.get(lang),
            M::RptColCancelled.get(lang),
            "SLA"
        );
        for g in &r.groups {
            let f = &g.figures;
            let _ = writeln!(
                s,
                "{:<16} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8}",
                crate::domain::text::for_terminal(&g.key),
                f.received,
                f.handed_over,
                f.within_sla,
                f.late,
                f.open,
                f.cancelled,
                pct(f.sla_pct, lang)
            );
        }
    }
    if !r.late_list.is_empty() {
        let _ = writeln!(s);
        let _ = writeln!(s, "{}", M::RptLateList.get(lang));
        for l in &r.late_list {
            let _ = writeln!(
                s,
                "  {}  {} → {}  {}  {}",
                l.reference,
                short_local(l.received_at, off),
                short_local(l.handed_over_at, off),
                crate::domain::msg::words::working_time(l.working_minutes, lang),
                crate::domain::text::for_terminal(&match l.reason.as_deref() {
                    Some(r) => crate::domain::report::late_reason_text(r, lang),
                    None => M::RptNoReason.get(lang).to_string(),
                })
            );
        }
    }
    s
}

fn local_opt(t: Option<DateTime<Utc>>, off: FixedOffset) -> String {
    t.map(|t| rfc3339_local(t, off)).unwrap_or_default()
}

/// One row per complaint of the period.
fn csv(r: &SectionReport, off: FixedOffset) -> String {
    let mut out = csv_line(&[
        "ref",
        "received_at",
        "category",
        "channel",
        "kind",
        "officer",
        "stage",
        "sla_deadline",
        "handed_over_at",
        "working_minutes",
        "within_sla",
        "late_reason",
        "resolved_at",
        "cancelled_at",
    ]);
    for l in &r.lines {
        let row = &l.row;
        out.push_str(&csv_line(&[
            &row.reference,
            &rfc3339_local(row.received_at, off),
            &row.category,
            row.channel.as_str(),
            row.kind.as_str(),
            &row.officer,
            row.stage.as_str(),
            &rfc3339_local(l.deadline, off),
            &local_opt(row.handed_over_at, off),
            &l.working_minutes.map(|m| m.to_string()).unwrap_or_default(),
            match l.within_sla {
                Some(true) => "true",
                Some(false) => "false",
                None => "",
            },
            &row.handover
                .as_ref()
                .and_then(|h| h.reason_text())
                .unwrap_or_default(),
            &local_opt(row.resolved_at, off),
            &local_opt(row.cancelled_at, off),
        ]));
    }
    out
}

/// One open complaint in the shift handoff.
#[derive(Serialize)]
struct ShiftOpen {
    #[serde(rename = "ref")]
    reference: String,
    applicant: String,
    subject: String,
    stage: &'static str,
    whose_move: Option<&'static str>,
    category: String,
    ticket_no: Option<String>,
    sla_deadline: String,
    /// Past the deadline while the clock still runs.
    overdue: bool,
}

#[derive(Serialize)]
struct ShiftOutbox {
    #[serde(rename = "ref")]
    reference: String,
    state: &'static str,
    attempts: i64,
    last_error: Option<String>,
}

#[derive(Serialize)]
struct Shift {
    at: String,
    open: Vec<ShiftOpen>,
    outbox: Vec<ShiftOutbox>,
    /// Open at Dir. IKC longer than `[followup] chase_after_days` working days.
    tickets_to_chase: Vec<crate::domain::followup::FollowupItem>,
    /// Resolved by Dir. IKC, the applicant not told yet.
    notices_owed: Vec<crate::domain::followup::FollowupItem>,
}

fn shift(desk: &Desk, json: bool, lang: Lang) -> Result<()> {
    let off = desk.calendar().offset();
    let handoff = desk.shift_handoff()?;
    let now = handoff.at;
    let open = handoff.open;
    let report = Shift {
        at: rfc3339_local(now, off),
        open: open
            .iter()
            .map(|c| ShiftOpen {
                reference: c.reference.clone(),
                applicant: c.details.applicant.name.clone(),
                subject: c.details.subject.clone(),
                stage: c.stage.as_str(),
                whose_move: c.stage.whose_move().map(|p| p.label()),
                category: c.details.category.clone(),
                ticket_no: c.ticket_no.clone(),
                sla_deadline: rfc3339_local(c.sla_deadline, off),
                overdue: c.stage.sla_running() && c.sla_deadline < now,
            })
            .collect(),
        outbox: handoff
            .outbox
            .iter()
            .map(|o| ShiftOutbox {
                reference: o.reference.clone(),
                state: o.state.as_str(),
                attempts: o.attempts,
                last_error: o.last_error.clone(),
            })
            .collect(),
        tickets_to_chase: handoff.tickets_to_chase,
        notices_owed: handoff.notices_owed,
    };
    if json {
        say!("{}", serde_json::to_string_pretty(&report)?);
        return Ok(());
    }
    say!("{} {} WITA", M::ShiftTitle.get(lang), short_local(now, off));
    say!("{} ({}):", M::ShiftOpen.get(lang), report.open.len());
    for (o, c) in report.open.iter().zip(&open) {
        // The deadline matters while the clock runs; after handover the ticket does.
        let due = if c.stage.sla_running() {
            format!(
                "{} {}{}",
                M::ShiftDue.get(lang),
                short_local(c.sla_deadline, off),
                if o.overdue {
                    M::ShiftLate.get(lang)
                } else {
                    ""
                }
            )
        } else {
            String::new()
        };
        let ticket = o
            .ticket_no
            .as_deref()
            .map(|t| format!("{} {t}", M::WordTicket.get(lang)))
            .unwrap_or_default();
        say!(
            "  {}  {:<26} {:<9} {}",
            o.reference,
            c.stage.label(lang),
            o.whose_move.unwrap_or("—"),
            [due, ticket]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join("  ")
        );
        // Whom to call back, and about what.
        say!(
            "      {} — {}",
            crate::domain::text::for_terminal(&o.applicant),
            crate::domain::text::for_terminal(&o.subject)
        );
    }
    say!("{} ({}):", M::ShiftOutbox.get(lang), report.outbox.len());
    for o in &report.outbox {
        say!(
            "  {}  {}  {} {}{}",
            o.reference,
            o.state,
            o.attempts,
            M::ShiftAttempts.get(lang),
            o.last_error
                .as_deref()
                .map(|e| format!("  {}", crate::domain::text::for_terminal(e)))
                .unwrap_or_default()
        );
    }
    say!(
        "{} ({}):",
        M::ShiftNoticesOwed.get(lang),
        report.notices_owed.len()
    );
    for i in &report.notices_owed {
        say!(
            "  {}  {} {}",
            i.reference,
            M::WordTicket.get(lang),
            i.ticket_no
        );
    }
    say!(
        "{} ({}, {}):",
        M::ShiftToChase.get(lang),
        report.tickets_to_chase.len(),
        desk.config().bcare.portal_url
    );
    for i in &report.tickets_to_chase {
        say!(
            "  {}  {} {}  {} {}",
            i.reference,
            M::WordTicket.get(lang),
            i.ticket_no,
            i.working_days_open,
            M::WordWorkingDays.get(lang)
        );
    }
    Ok(())
}
