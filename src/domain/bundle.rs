//! The report bundle an office sends to the Kanwil: the period's figures and, for
//! each complaint, only what they are counted from (category, channel, outcome,
//! working minutes, late reason, SKM answers, backdated steps) — no reference,
//! name, phone, NPWP, NIP, nomor aju or text — so the Kanwil computes every figure
//! again, exactly. A SHA-256 checksum over the canonical form of the content
//! (JSON with sorted keys and no spaces, the `sha256` field left out) shows damage
//! and casual edits; anyone who can run a program can make a new one, so it is not
//! a signature. Pure: bytes in, bytes out.

use super::msg::{FieldError, M};
use super::report::{Counted, SectionReport, Tally, tally};
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

/// What the `format` field says: this is a bundle, not another JSON.
pub const FORMAT: &str = "bcare-desk-bundle";
/// The one version this program writes and reads.
pub const VERSION: u64 = 1;
/// The field holding the checksum; everything else is the content.
const CHECKSUM: &str = "sha256";

/// One office's period, as a bundle holds it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bundle {
    pub format: String,
    pub version: u64,
    /// `[report] office`.
    pub office: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// When it was made, in the office's time.
    pub made_at: DateTime<FixedOffset>,
    /// The program that made it: `bcare-desk 0.1.0`.
    pub made_by: String,
    /// The figures as the office's report gave them (groups by category); a
    /// reader checks them against [`Bundle::complaints`].
    pub figures: Value,
    /// In order of receipt.
    pub complaints: Vec<Counted>,
}

impl Bundle {
    /// The bundle of a report. Its groups are by category whatever the report's
    /// were: every office's bundle is cut the same way.
    pub fn of(
        report: &SectionReport,
        office: &str,
        made_at: DateTime<FixedOffset>,
        made_by: &str,
    ) -> Bundle {
        let complaints: Vec<Counted> = report.lines.iter().map(|l| l.counted()).collect();
        let figures = serde_json::to_value(figures_of(&complaints)).unwrap_or(Value::Null);
        Bundle {
            format: FORMAT.to_string(),
            version: VERSION,
            office: office.to_string(),
            from: report.period.from,
            to: report.period.to,
            made_at,
            made_by: made_by.to_string(),
            figures,
            complaints,
        }
    }

    /// The figures computed from the complaints.
    pub fn figures(&self) -> Tally {
        figures_of(&self.complaints)
    }

    /// The file's bytes: the content in its own order (the office and period
    /// first, for a person who opens it) and its checksum last, pretty-printed.
    pub fn to_bytes(&self) -> Vec<u8> {
        #[derive(Serialize)]
        struct Sealed<'a> {
            #[serde(flatten)]
            bundle: &'a Bundle,
            sha256: String,
        }
        let sum = checksum(&serde_json::to_value(self).unwrap_or(Value::Null));
        let sealed = Sealed {
            bundle: self,
            sha256: sum,
        };
        let mut out = serde_json::to_vec_pretty(&sealed).unwrap_or_default();
        out.push(b'\n');
        out
    }

    /// Reads a bundle, refusing one that is not a bundle, of another version, whose
    /// checksum does not match its content, or whose figures are not its complaints'.
    pub fn read(bytes: &[u8]) -> Result<Bundle, FieldError> {
        let not_one = |why: &str| FieldError::says("bundle", |lang| M::BundleNotOne(lang, why));
        let mut v: Value = serde_json::from_slice(bytes).map_err(|e| not_one(&e.to_string()))?;
        let Value::Object(m) = &mut v else {
            return Err(not_one("JSON object"));
        };
        if m.get("format").and_then(Value::as_str) != Some(FORMAT) {
            return Err(not_one("format"));
        }
        // The version first: another version may be summed another way.
        match m.get("version") {
            Some(Value::Number(n)) if n.as_u64() == Some(VERSION) => {}
            other => {
                let shown = other.map_or("—".to_string(), Value::to_string);
                return Err(FieldError::says("version", |lang| {
                    M::BundleVersion(lang, &shown, VERSION)
                }));
            }
        }
        let Some(Value::String(sum)) = m.remove(CHECKSUM) else {
            return Err(not_one(CHECKSUM));
        };
        if !sum.eq_ignore_ascii_case(&checksum(&v)) {
            return Err(FieldError::of(CHECKSUM, M::BundleChecksum));
        }
        let b: Bundle = serde_json::from_value(v).map_err(|e| not_one(&e.to_string()))?;
        for c in &b.complaints {
            let mut scores = c.skm.iter().flat_map(|a| a.0).flatten();
            if let Some(bad) = scores.find(|s| !(1..=4).contains(s)) {
                return Err(FieldError::says("skm", |lang| M::BundleSkmScore(lang, bad)));
            }
            if matches!(
                c.fate,
                super::report::Fate::WithinSla | super::report::Fate::Late
            ) != c.working_minutes.is_some()
            {
                return Err(not_one("working_minutes"));
            }
        }
        if serde_json::to_value(b.figures()).ok().as_ref() != Some(&b.figures) {
            return Err(FieldError::of("figures", M::BundleFigures));
        }
        Ok(b)
    }
}

/// A bundle's figures: its complaints grouped by category.
fn figures_of(complaints: &[Counted]) -> Tally {
    tally(complaints.iter().map(|c| (c.category.clone(), c)))
}

/// SHA-256 of the canonical form, in lower-case hex.
fn checksum(v: &Value) -> String {
    let mut text = String::new();
    canonical(v, &mut text);
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// JSON with every object's keys sorted and no spaces: the same content gives the
/// same text however the file was laid out. The bundle's numbers are whole, or
/// tenths and hundredths (n / 10, n / 100), which read back as the very same
/// `f64`, so they print the same on both sides.
fn canonical(v: &Value, out: &mut String) {
    match v {
        Value::Object(m) => {
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort();
            out.push('{');
            for (i, k) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(k.clone()).to_string());
                out.push(':');
                canonical(&m[k], out);
            }
            out.push('}');
        }
        Value::Array(a) => {
            out.push('[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical(x, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

#[cfg(test)]
mod tests;
