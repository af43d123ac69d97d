//! `report`: the section's SLA report (text, JSON, CSV, workbook) and `report --shift`,
//! what the next officer inherits.

use super::export::{csv_line, write_private};
use crate::desk::Desk;
use crate::domain::msg::{Lang, M};
use crate::domain::report::{Figures, GroupBy, Period, SectionReport};
use crate::domain::text::for_file;
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
    if a.csv.is_some() && a.xlsx.is_some() {
        bail!(M::ReportOneFile.get(lang));
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
        let bytes = workbook(&r, &desk.config().report.office, off)
            .with_context(|| format!("laying out the workbook {}", path.display()))?;
        write_private(path, &bytes)?;
    }
    if json {
        say!("{}", serde_json::to_string_pretty(&to_json(&r, off))?);
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
    #[serde(flatten)]
    pub totals: Figures,
    pub median_minutes: Option<i64>,
    pub p90_minutes: Option<i64>,
    pub groups: Vec<crate::domain::report::Group>,
    pub late_list: Vec<LateJson>,
    /// Holiday changes made after complaints of the period were handed over.
    pub calendar_changed: Vec<CalendarChangedJson>,
    /// The satisfaction surveys of the period's complaints.
    pub skm: crate::domain::skm::Summary,
    /// The desk's steps recorded at another time than they were written (a set clock).
    pub backdated_steps: usize,
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
        totals: r.totals,
        median_minutes: r.median_minutes,
        p90_minutes: r.p90_minutes,
        groups: r.groups.clone(),
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
        skm: r.skm.clone(),
        backdated_steps: r.backdated.len(),
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
fn pct(p: Option<f64>, lang: Lang) -> String {
    p.map(|p| format!("{} %", lang.decimal(p, 1)))
        .unwrap_or_else(|| "—".into())
}

fn opt<T: ToString>(v: Option<T>) -> String {
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
        opt(r.median_resolution_days)
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
            by_label(r.by).get(lang),
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
                "  {}  {} → {}  {} {}  {}",
                l.reference,
                short_local(l.received_at, off),
                short_local(l.handed_over_at, off),
                l.working_minutes,
                M::RptMinutes.get(lang),
                crate::domain::text::for_terminal(
                    l.reason.as_deref().unwrap_or(M::RptNoReason.get(lang))
                )
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

/// Column headers of a figures table, in Indonesian.
const FIGURE_HEADERS: [&str; 7] = [
    "Diterima",
    "Diserahkan",
    "Tepat waktu (≤ 2 jam kerja)",
    "Terlambat",
    "Masih terbuka",
    "Dibatalkan",
    "Capaian SLA (%)",
];

fn figure_cells(f: &Figures) -> [Option<f64>; 7] {
    [
        Some(f.received as f64),
        Some(f.handed_over as f64),
        Some(f.within_sla as f64),
        Some(f.late as f64),
        Some(f.open as f64),
        Some(f.cancelled as f64),
        f.sla_pct,
    ]
}

fn group_sheet_name(by: GroupBy) -> &'static str {
    match by {
        GroupBy::Category => "Per kategori",
        GroupBy::Channel => "Per saluran",
        GroupBy::Kind => "Per jenis pemohon",
        GroupBy::Officer => "Per petugas",
    }
}

/// The workbook the head of the section forwards as it is: a summary in Indonesian,
/// one sheet per grouping, the late list, and the daily SLA % with its chart.
pub fn workbook(r: &SectionReport, office: &str, off: FixedOffset) -> Result<Vec<u8>> {
    use rust_xlsxwriter::{Chart, ChartType, Format, Workbook};
    let bold = Format::new().set_bold();
    let pct_fmt = Format::new().set_num_format("0.0");
    let mut wb = Workbook::new();

    let sum = wb.add_worksheet();
    sum.set_name("Ringkasan")?;
    sum.set_column_width(0, 44)?;
    sum.set_column_width(1, 24)?;
    sum.write_with_format(
        0,
        0,
        "Laporan Kinerja Pelayanan Tiket Pengaduan BCare",
        &bold,
    )?;
    sum.write(1, 0, "Kantor")?;
    sum.write(1, 1, for_file(office))?;
    sum.write(2, 0, "Periode (tanggal diterima)")?;
    sum.write(2, 1, format!("{} s.d. {}", r.period.from, r.period.to))?;
    let t = &r.totals;
    let rows: [(&str, Option<f64>); 10] = [
        ("Pengaduan diterima", Some(t.received as f64)),
        (
            "Nomor tiket diserahkan ke pemohon",
            Some(t.handed_over as f64),
        ),
        (
            "Diserahkan paling lama 2 jam kerja",
            Some(t.within_sla as f64),
        ),
        ("Diserahkan terlambat", Some(t.late as f64)),
        ("Masih terbuka (belum diserahkan)", Some(t.open as f64)),
        ("Dibatalkan", Some(t.cancelled as f64)),
        ("Capaian SLA (%)", t.sla_pct),
        (
            "Median menit kerja sampai diserahkan",
            r.median_minutes.map(|m| m as f64),
        ),
        ("Persentil 90 menit kerja", r.p90_minutes.map(|m| m as f64)),
        (
            "Median hari kerja sampai diselesaikan Dir. IKC",
            r.median_resolution_days,
        ),
    ];
    for (i, (label, v)) in rows.iter().enumerate() {
        let row = 4 + i as u32;
        sum.write(row, 0, *label)?;
        match v {
            Some(v) if i == 6 => sum.write_with_format(row, 1, *v, &pct_fmt)?,
            Some(v) => sum.write(row, 1, *v)?,
            None => sum.write(row, 1, "—")?,
        };
    }
    sum.write(
        15,
        0,
        "Tepat waktu = nomor tiket diserahkan pada atau sebelum batas 2 jam kerja (Instruksi Kerja BCare).",
    )?;

    for by in [
        GroupBy::Category,
        GroupBy::Channel,
        GroupBy::Kind,
        GroupBy::Officer,
    ] {
        let groups = crate::domain::report::regroup(r, by);
        let ws = wb.add_worksheet();
        ws.set_name(group_sheet_name(by))?;
        ws.set_column_width(0, 22)?;
        ws.write_with_format(0, 0, by_label(by).get(Lang::Id), &bold)?;
        for (c, h) in FIGURE_HEADERS.iter().enumerate() {
            ws.write_with_format(0, 1 + c as u16, *h, &bold)?;
        }
        for (i, g) in groups.iter().enumerate() {
            let row = 1 + i as u32;
            ws.write(row, 0, for_file(&g.key))?;
            for (c, v) in figure_cells(&g.figures).iter().enumerate() {
                let col = 1 + c as u16;
                match v {
                    Some(v) if c == 6 => ws.write_with_format(row, col, *v, &pct_fmt)?,
                    Some(v) => ws.write(row, col, *v)?,
                    None => ws.write(row, col, "—")?,
                };
            }
        }
    }

    let late = wb.add_worksheet();
    late.set_name("Terlambat")?;
    for (c, h) in [
        "Referensi",
        "Diterima",
        "Diserahkan",
        "Menit kerja",
        "Alasan",
    ]
    .iter()
    .enumerate()
    {
        late.write_with_format(0, c as u16, *h, &bold)?;
    }
    late.set_column_width(0, 18)?;
    late.set_column_width(1, 18)?;
    late.set_column_width(2, 18)?;
    late.set_column_width(4, 48)?;
    for (i, l) in r.late_list.iter().enumerate() {
        let row = 1 + i as u32;
        late.write(row, 0, l.reference.as_str())?;
        late.write(row, 1, short_local(l.received_at, off))?;
        late.write(row, 2, short_local(l.handed_over_at, off))?;
        late.write(row, 3, l.working_minutes as f64)?;
        late.write(
            row,
            4,
            for_file(l.reason.as_deref().unwrap_or("(tanpa alasan)")),
        )?;
    }

    let daily = wb.add_worksheet();
    daily.set_name("Harian")?;
    for (c, h) in [
        "Tanggal",
        "Diterima",
        "Diserahkan",
        "Tepat waktu",
        "Capaian SLA (%)",
    ]
    .iter()
    .enumerate()
    {
        daily.write_with_format(0, c as u16, *h, &bold)?;
    }
    daily.set_column_width(0, 12)?;
    for (i, d) in r.daily.iter().enumerate() {
        let row = 1 + i as u32;
        let f = &d.figures;
        daily.write(row, 0, d.date.to_string())?;
        daily.write(row, 1, f.received as f64)?;
        daily.write(row, 2, f.handed_over as f64)?;
        daily.write(row, 3, f.within_sla as f64)?;
        // An empty cell, not 0: a day with nothing handed over has no percentage.
        if let Some(p) = f.sla_pct {
            daily.write_with_format(row, 4, p, &pct_fmt)?;
        }
    }
    let last = r.daily.len().max(1) as u32;
    let mut chart = Chart::new(ChartType::Line);
    chart.title().set_name("Capaian SLA harian (%)");
    chart
        .add_series()
        .set_name("Capaian SLA (%)")
        .set_categories(("Harian", 1, 0, last, 0))
        .set_values(("Harian", 1, 4, last, 4));
    chart.y_axis().set_min(0).set_max(100);
    chart.set_width(720).set_height(320);
    daily.insert_chart(1, 6, &chart)?;

    skm_sheet(wb.add_worksheet(), &r.skm, &bold)?;
    backdated_sheet(wb.add_worksheet(), &r.backdated, &bold, off)?;
    Ok(wb.save_to_buffer()?)
}

/// The "Waktu diubah" sheet: each desk step recorded at another time than the
/// moment it was written, for the head of section to ask about.
fn backdated_sheet(
    ws: &mut rust_xlsxwriter::Worksheet,
    steps: &[crate::domain::honest::EventTime],
    bold: &rust_xlsxwriter::Format,
    off: FixedOffset,
) -> Result<()> {
    ws.set_name("Waktu diubah")?;
    for (c, h) in [
        "Referensi",
        "Langkah",
        "Waktu dicatat",
        "Waktu ditulis",
        "Selisih (menit)",
    ]
    .iter()
    .enumerate()
    {
        ws.write_with_format(0, c as u16, *h, bold)?;
    }
    ws.set_column_width(0, 18)?;
    ws.set_column_width(2, 18)?;
    ws.set_column_width(3, 18)?;
    for (i, e) in steps.iter().enumerate() {
        let row = 1 + i as u32;
        ws.write(row, 0, e.reference.as_str())?;
        ws.write(row, 1, e.kind.as_str())?;
        ws.write(row, 2, short_local(e.at, off))?;
        ws.write(row, 3, short_local(e.written_at, off))?;
        ws.write(row, 4, (e.at - e.written_at).num_minutes() as f64)?;
    }
    Ok(())
}

/// The "SKM" sheet: the index, its grade, and each element's mean and answers.
fn skm_sheet(
    ws: &mut rust_xlsxwriter::Worksheet,
    k: &crate::domain::skm::Summary,
    bold: &rust_xlsxwriter::Format,
) -> Result<()> {
    ws.set_name("SKM")?;
    ws.set_column_width(0, 28)?;
    ws.write_with_format(
        0,
        0,
        "Survei Kepuasan Masyarakat (Permenpan RB 14/2017)",
        bold,
    )?;
    ws.write(1, 0, "Responden")?;
    ws.write(1, 1, k.respondents as f64)?;
    ws.write(2, 0, "IKM")?;
    match k.ikm {
        Some(v) => ws.write(2, 1, v)?,
        None => ws.write(2, 1, "—")?,
    };
    ws.write(3, 0, "Mutu pelayanan")?;
    ws.write(3, 1, k.grade.map_or("—".to_string(), |g| g.to_string()))?;
    for (c, h) in ["Unsur", "Nama", "Rata-rata", "Jawaban"].iter().enumerate() {
        ws.write_with_format(5, c as u16, *h, bold)?;
    }
    for (i, e) in k.elements.iter().enumerate() {
        let row = 6 + i as u32;
        ws.write(row, 0, e.key)?;
        ws.write(row, 1, crate::domain::skm::ELEMENTS[i].1)?;
        match e.mean {
            Some(m) => ws.write(row, 2, m)?,
            None => ws.write(row, 2, "—")?,
        };
        ws.write(row, 3, e.answers as f64)?;
    }
    Ok(())
}

fn by_label(by: GroupBy) -> M {
    match by {
        GroupBy::Category => M::ByCategory,
        GroupBy::Channel => M::ByChannel,
        GroupBy::Kind => M::ByKind,
        GroupBy::Officer => M::ByOfficer,
    }
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
