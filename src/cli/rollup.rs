//! `rollup`: the Kanwil adds up the offices' report bundles (text, JSON or a
//! workbook). Needs no database: the bundles are all it reads.

use super::export::write_private;
use super::report::{opt, pct};
use crate::domain::bundle::Bundle;
use crate::domain::msg::{Lang, M};
use crate::domain::report::Tally;
use crate::domain::rollup::{OfficeRow, Rollup, rollup};
use anyhow::{Context, Result, anyhow, bail};
use serde::Serialize;
use std::path::PathBuf;

/// The most a bundle may weigh: a busy office's year is a few megabytes.
const BUNDLE_MAX_BYTES: u64 = 64 * 1024 * 1024;

#[derive(clap::Args, Debug)]
pub struct RollupArgs {
    /// The offices' bundles (report --bundle), one per office, all of one period.
    #[arg(required = true, value_name = "BUNDLE")]
    pub bundles: Vec<PathBuf>,
    /// Write the Kanwil's workbook to this .xlsx file: a sheet per office and a summary with its chart.
    #[arg(long, value_name = "PATH")]
    pub xlsx: Option<PathBuf>,
}

/// The JSON of a roll-up (README).
#[derive(Serialize)]
pub struct RollupJson<'a> {
    pub from: String,
    pub to: String,
    pub offices: &'a [OfficeRow],
    pub total: &'a Tally,
}

pub fn run(a: &RollupArgs, json: bool, lang: Lang) -> Result<()> {
    if json && a.xlsx.is_some() {
        bail!(M::RollupOneOutput.get(lang));
    }
    // Every bundle is read and checked before anything is written.
    let mut named = Vec::with_capacity(a.bundles.len());
    for path in &a.bundles {
        let shown = path.display().to_string();
        let bytes = read(path, lang).with_context(|| shown.clone())?;
        let b = Bundle::read(&bytes)
            .map_err(|e| anyhow!(M::BundleRefused(lang, &shown, e.message(lang))))?;
        named.push((shown, b));
    }
    let r = rollup(&named).map_err(|e| anyhow!(e.message(lang).to_string()))?;
    if let Some(path) = &a.xlsx {
        let bytes = super::rollup_workbook::workbook(&r)
            .with_context(|| format!("laying out the workbook {}", path.display()))?;
        write_private(path, &bytes)?;
        say!("{}", path.display());
    } else if json {
        super::print_json(&RollupJson {
            from: r.from.to_string(),
            to: r.to.to_string(),
            offices: &r.offices,
            total: &r.total,
        })?;
    } else {
        put!("{}", text(&r, lang));
    }
    Ok(())
}

fn read(path: &std::path::Path, lang: Lang) -> Result<Vec<u8>> {
    use std::io::Read;
    let f = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    f.take(BUNDLE_MAX_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > BUNDLE_MAX_BYTES {
        bail!(M::BundleNotOne(lang, "> 64 MiB"));
    }
    Ok(bytes)
}

/// One line per office, then the Kanwil's total: numbers as the language writes them.
fn text(r: &Rollup, lang: Lang) -> String {
    use std::fmt::Write;
    let width = r
        .offices
        .iter()
        .map(|o| o.office.chars().count())
        .chain([M::RollupTotal.get(lang).chars().count(), 12])
        .max()
        .unwrap_or(12)
        .min(32);
    let mut s = String::new();
    let _ = writeln!(s, "{}", M::RollupTitle(lang, r.from, r.to, r.offices.len()));
    let _ = writeln!(
        s,
        "{:<width$} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>8} {:>6} {:>6} {:>6} {:>5} {:>5}",
        M::RollupOffice.get(lang),
        M::RptColReceived.get(lang),
        M::RptColHanded.get(lang),
        M::RptColInSla.get(lang),
        M::RptColLate.get(lang),
        M::RptColOpen.get(lang),
        M::RptColCancelled.get(lang),
        "SLA",
        "median",
        "p90",
        M::RollupColIkm.get(lang),
        M::RollupColGrade.get(lang),
        M::RollupColBackdated.get(lang),
    );
    let total = (M::RollupTotal.get(lang).to_string(), &r.total);
    for (name, f) in r
        .offices
        .iter()
        .map(|o| (o.office.clone(), &o.figures))
        .chain([total])
    {
        let t = &f.totals;
        let name: String = name.chars().take(width).collect();
        let _ = writeln!(
            s,
            "{name:<width$} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>8} {:>6} {:>6} {:>6} {:>5} {:>5}",
            t.received,
            t.handed_over,
            t.within_sla,
            t.late,
            t.open,
            t.cancelled,
            pct(t.sla_pct, lang),
            opt(f.median_minutes),
            opt(f.p90_minutes),
            f.skm.ikm.map_or("—".to_string(), |v| lang.decimal(v, 2)),
            opt(f.skm.grade),
            f.backdated_steps,
        );
    }
    if r.total.backdated_steps > 0 {
        let _ = writeln!(
            s,
            "{}",
            M::RollupBackdatedNote(lang, r.total.backdated_steps)
        );
    }
    s
}
