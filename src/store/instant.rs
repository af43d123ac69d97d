//! Instants are stored as fixed-width UTC text in both backends, so text order is
//! time order and a database moved between them compares row for row.

use chrono::{DateTime, NaiveDateTime, Utc};

const FORMAT: &str = "%Y-%m-%dT%H:%M:%SZ";

pub fn to_text(t: DateTime<Utc>) -> String {
    t.format(FORMAT).to_string()
}

pub fn from_text(s: &str) -> Result<DateTime<Utc>, chrono::ParseError> {
    NaiveDateTime::parse_from_str(s, FORMAT).map(|n| n.and_utc())
}
