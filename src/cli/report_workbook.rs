//! The section's report as the workbook the head of the section forwards as it is.

use crate::domain::msg::Lang;
use crate::domain::report::{Figures, GroupBy, SectionReport};
use crate::domain::text::for_file;
use crate::domain::when::short_local;
use anyhow::Result;
use chrono::FixedOffset;

/// Column headers of a figures table, in Indonesian.
pub(super) const FIGURE_HEADERS: [&str; 7] = [
    "Diterima",
    "Diserahkan",
    "Tepat waktu (≤ 2 jam kerja)",
    "Terlambat",
    "Masih terbuka",
    "Dibatalkan",
    "Capaian SLA (%)",
];

pub(super) fn figure_cells(f: &Figures) -> [Option<f64>; 7] {
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
        ws.write_with_format(0, 0, by.label().get(Lang::Id), &bold)?;
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
pub(super) fn skm_sheet(
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
