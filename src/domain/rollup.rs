//! The Kanwil's roll-up: one row per office with the figures its own report gives,
//! and a total over the union of the offices' complaints — the median and p90 over
//! every complaint, the IKM over every answer — never a mean of the offices' figures.

use super::bundle::Bundle;
use super::msg::{FieldError, M};
use super::report::{Tally, tally};
use chrono::NaiveDate;
use serde::Serialize;

/// One office's figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OfficeRow {
    pub office: String,
    #[serde(flatten)]
    pub figures: Tally,
}

/// The offices of one period and their total.
#[derive(Debug, Clone, PartialEq)]
pub struct Rollup {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// By office name.
    pub offices: Vec<OfficeRow>,
    pub total: Tally,
}

/// Adds up read bundles, each with the name of its file. Refuses bundles of
/// different periods (naming both files) and an office twice (naming it).
pub fn rollup(bundles: &[(String, Bundle)]) -> Result<Rollup, FieldError> {
    let Some((first_file, first)) = bundles.first() else {
        return Err(FieldError::of("bundle", M::RollupNoBundle));
    };
    for (i, (file, b)) in bundles.iter().enumerate() {
        if (b.from, b.to) != (first.from, first.to) {
            return Err(FieldError::says("period", |lang| {
                M::RollupPeriods(lang, first_file, period(first), file, period(b))
            }));
        }
        if let Some((other, _)) = bundles[..i].iter().find(|(_, o)| same_office(o, b)) {
            return Err(FieldError::says("office", |lang| {
                M::RollupSameOffice(lang, &b.office, other, file)
            }));
        }
    }
    let mut offices: Vec<OfficeRow> = bundles
        .iter()
        .map(|(_, b)| OfficeRow {
            office: b.office.clone(),
            figures: b.figures(),
        })
        .collect();
    offices.sort_by(|a, b| a.office.cmp(&b.office));
    let total = tally(
        bundles
            .iter()
            .flat_map(|(_, b)| &b.complaints)
            .map(|c| (c.category.clone(), c)),
    );
    Ok(Rollup {
        from: first.from,
        to: first.to,
        offices,
        total,
    })
}

fn period(b: &Bundle) -> String {
    format!("{} – {}", b.from, b.to)
}

/// The same office, however its name was spaced or cased.
fn same_office(a: &Bundle, b: &Bundle) -> bool {
    let key = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    key(&a.office) == key(&b.office)
}
