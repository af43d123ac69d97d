//! The officer's language: Indonesian by default, English one switch away. Its
//! own room, so that a record (a stage, a channel) can name itself in either
//! language without reaching into the catalogs.

use serde::{Deserialize, Serialize};

/// The language of what the officer reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Id,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "id" | "in" | "indonesia" | "indonesian" => Some(Lang::Id),
            "en" | "english" => Some(Lang::En),
            _ => None,
        }
    }

    /// A figure with `places` decimals as this language writes it: `83,85` in
    /// Indonesian, `83.85` in English. For what a person reads; JSON, CSV and
    /// the workbook keep numbers.
    pub fn decimal(self, x: f64, places: usize) -> String {
        let s = format!("{x:.places$}");
        match self {
            Lang::Id => s.replace('.', ","),
            Lang::En => s,
        }
    }
}
