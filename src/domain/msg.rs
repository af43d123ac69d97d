//! Bilingual messages: every rule the desk enforces speaks Indonesian (the
//! officer's language, the default) and English, and names the field it is about.

use serde::{Deserialize, Serialize};
use std::fmt;

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
}

/// A message about one field: a rejection (as an error) or a warning (as a notice).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldMsg {
    /// The field's key, as the command line and the form name it (`phone`, `nomor_aju`).
    pub field: &'static str,
    pub id: String,
    pub en: String,
}

impl FieldMsg {
    pub fn new(field: &'static str, id: impl Into<String>, en: impl Into<String>) -> Self {
        FieldMsg {
            field,
            id: id.into(),
            en: en.into(),
        }
    }

    /// `field: message` in one language.
    pub fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::Id => format!("{}: {}", self.field, self.id),
            Lang::En => format!("{}: {}", self.field, self.en),
        }
    }
}

impl fmt::Display for FieldMsg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} ({})", self.field, self.id, self.en)
    }
}

impl std::error::Error for FieldMsg {}

/// A value was refused.
pub type FieldError = FieldMsg;
/// A value was accepted but looks off; the officer should look again.
pub type FieldWarning = FieldMsg;
