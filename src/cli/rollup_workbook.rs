//! The Kanwil's workbook: the "Kanwil" summary (every office and the total, with
//! the SLA % per office as a bar chart), then a sheet per office.

use super::report_workbook::{FIGURE_HEADERS, figure_cells};
use crate::domain::report::Tally;
use crate::domain::rollup::Rollup;
use crate::domain::text::for_file;
use anyhow::Result;
use rust_xlsxwriter::{Chart, ChartType, Format, Workbook, Worksheet};

/// The summary sheet's name.
pub const SUMMARY: &str = "Kanwil";

/// Columns after the figures: each office's minutes, survey and set clocks.
const MORE_HEADERS: [&str; 6] = [
    "Median menit kerja",
    "Persentil 90 menit kerja",
    "Responden SKM",
    "IKM",
    "Mutu pelayanan",
    "Langkah dengan jam disetel",
];

pub fn workbook(r: &Rollup) -> Result<Vec<u8>> {
    let bold = Format::new().set_bold();
    let pct_fmt = Format::new().set_num_format("0.0");
    let mut wb = Workbook::new();
    let period = format!("{} s.d. {}", r.from, r.to);

    let sum = wb.add_worksheet();
    sum.set_name(SUMMARY)?;
    sum.set_column_width(0, 34)?;
    sum.write_with_format(
        0,
        0,
        "Rekap Kanwil: Capaian SLA Pelayanan Tiket BCare per kantor",
        &bold,
    )?;
    sum.write(1, 0, "Periode (tanggal diterima)")?;
    sum.write(1, 1, period.as_str())?;
    sum.write_with_format(3, 0, "Kantor", &bold)?;
    for (c, h) in FIGURE_HEADERS.iter().chain(MORE_HEADERS.iter()).enumerate() {
        sum.write_with_format(3, 1 + c as u16, *h, &bold)?;
    }
    let first = 4u32;
    for (i, o) in r.offices.iter().enumerate() {
        let row = first + i as u32;
        sum.write(row, 0, for_file(&o.office))?;
        figures_row(sum, row, &o.figures, &pct_fmt)?;
    }
    let total_row = first + r.offices.len() as u32;
    sum.write_with_format(total_row, 0, "Jumlah Kanwil", &bold)?;
    figures_row(sum, total_row, &r.total, &pct_fmt)?;
    sum.write(
        total_row + 2,
        0,
        "Median, persentil 90 dan IKM Kanwil dihitung atas semua pengaduan dan semua jawaban, bukan rata-rata kantor.",
    )?;
    let last = total_row.saturating_sub(1).max(first);
    let mut chart = Chart::new(ChartType::Bar);
    chart.title().set_name("Capaian SLA per kantor (%)");
    chart
        .add_series()
        .set_name("Capaian SLA (%)")
        .set_categories((SUMMARY, first, 0, last, 0))
        .set_values((SUMMARY, first, 7, last, 7));
    chart.x_axis().set_min(0).set_max(100);
    chart
        .set_width(720)
        .set_height(80 + 40 * r.offices.len() as u32);
    sum.insert_chart(total_row + 4, 0, &chart)?;

    let mut names: Vec<String> = vec![SUMMARY.to_lowercase()];
    for o in &r.offices {
        let name = sheet_name(&o.office, &names);
        names.push(name.to_lowercase());
        let ws = wb.add_worksheet();
        ws.set_name(&name)?;
        office_sheet(ws, &o.office, &period, &o.figures, &bold, &pct_fmt)?;
    }
    Ok(wb.save_to_buffer()?)
}

/// The figures, then the minutes, the survey and the set clocks, from column 1.
fn figures_row(ws: &mut Worksheet, row: u32, f: &Tally, pct_fmt: &Format) -> Result<()> {
    for (c, v) in figure_cells(&f.totals).iter().enumerate() {
        let col = 1 + c as u16;
        match v {
            Some(v) if c == 6 => ws.write_with_format(row, col, *v, pct_fmt)?,
            Some(v) => ws.write(row, col, *v)?,
            // Empty, not "—": the chart reads this column.
            None => ws,
        };
    }
    let more: [Option<f64>; 3] = [
        f.median_minutes.map(|m| m as f64),
        f.p90_minutes.map(|m| m as f64),
        Some(f.skm.respondents as f64),
    ];
    for (c, v) in more.iter().enumerate() {
        if let Some(v) = v {
            ws.write(row, 8 + c as u16, *v)?;
        }
    }
    if let Some(ikm) = f.skm.ikm {
        ws.write(row, 11, ikm)?;
    }
    if let Some(g) = f.skm.grade {
        ws.write(row, 12, g.to_string())?;
    }
    ws.write(row, 13, f.backdated_steps as f64)?;
    Ok(())
}

/// One office: its figures as its own report's summary gives them, and its groups.
fn office_sheet(
    ws: &mut Worksheet,
    office: &str,
    period: &str,
    f: &Tally,
    bold: &Format,
    pct_fmt: &Format,
) -> Result<()> {
    ws.set_column_width(0, 40)?;
    ws.write_with_format(
        0,
        0,
        "Laporan Kinerja Pelayanan Tiket Pengaduan BCare",
        bold,
    )?;
    ws.write(1, 0, "Kantor")?;
    ws.write(1, 1, for_file(office))?;
    ws.write(2, 0, "Periode (tanggal diterima)")?;
    ws.write(2, 1, period)?;
    let labels = FIGURE_HEADERS.iter().chain(MORE_HEADERS.iter());
    let mut values: Vec<Option<String>> = figure_cells(&f.totals)
        .iter()
        .map(|v| v.map(|v| v.to_string()))
        .collect();
    values.extend([
        f.median_minutes.map(|m| m.to_string()),
        f.p90_minutes.map(|m| m.to_string()),
        Some(f.skm.respondents.to_string()),
        f.skm.ikm.map(|v| v.to_string()),
        f.skm.grade.map(|g| g.to_string()),
        Some(f.backdated_steps.to_string()),
    ]);
    for (i, (label, v)) in labels.zip(values).enumerate() {
        let row = 4 + i as u32;
        ws.write(row, 0, *label)?;
        // Numbers stay numbers; the grade is a letter.
        match v.as_deref().map(|t| (t, t.parse::<f64>())) {
            Some((_, Ok(n))) if i == 6 => ws.write_with_format(row, 1, n, pct_fmt)?,
            Some((_, Ok(n))) => ws.write(row, 1, n)?,
            Some((t, Err(_))) => ws.write(row, 1, t)?,
            None => ws.write(row, 1, "—")?,
        };
    }
    let top = 4 + 14;
    ws.write_with_format(top, 0, "Kategori", bold)?;
    for (c, h) in FIGURE_HEADERS.iter().enumerate() {
        ws.write_with_format(top, 1 + c as u16, *h, bold)?;
    }
    for (i, g) in f.groups.iter().enumerate() {
        let row = top + 1 + i as u32;
        ws.write(row, 0, for_file(&g.key))?;
        for (c, v) in figure_cells(&g.figures).iter().enumerate() {
            let col = 1 + c as u16;
            match v {
                Some(v) if c == 6 => ws.write_with_format(row, col, *v, pct_fmt)?,
                Some(v) => ws.write(row, col, *v)?,
                None => ws.write(row, col, "—")?,
            };
        }
    }
    Ok(())
}

/// A sheet name from the office's: at most 31 characters, none of `[]:*?/\`, no
/// leading or trailing apostrophe, and unlike every name already `taken`
/// (compared in lower case, as the spreadsheet compares them).
fn sheet_name(office: &str, taken: &[String]) -> String {
    let clean: String = for_file(office)
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c) && !c.is_control())
        .collect();
    let clean = clean.trim().trim_matches('\'').trim();
    let base: String = if clean.is_empty() { "Kantor" } else { clean }
        .chars()
        .take(31)
        .collect();
    let mut name = base.clone();
    let mut n = 2;
    while taken.contains(&name.to_lowercase()) {
        let tail = format!(" ({n})");
        let keep = 31 - tail.chars().count();
        name = format!("{}{tail}", base.chars().take(keep).collect::<String>());
        n += 1;
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sheet_name_is_short_plain_and_unlike_the_others() {
        let taken = vec!["kanwil".to_string()];
        assert_eq!(
            sheet_name("KPPBC TMP B Makassar", &taken),
            "KPPBC TMP B Makassar"
        );
        assert_eq!(sheet_name("Kanwil", &taken), "Kanwil (2)");
        let long = sheet_name("KPPBC TMP C Parepare / Wilayah [Barat]: Sulsel", &taken);
        assert_eq!(long, "KPPBC TMP C Parepare  Wilayah B");
        assert!(long.chars().count() <= 31);
        let taken = vec![long.to_lowercase()];
        let again = sheet_name("KPPBC TMP C Parepare / Wilayah [Barat]: Sulsel", &taken);
        assert_eq!(again, "KPPBC TMP C Parepare  Wilay (2)");
    }
}
