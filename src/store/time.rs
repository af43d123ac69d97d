//! Instants are stored as fixed-width UTC text, so text order is time order.

use chrono::{DateTime, NaiveDateTime, Utc};

const FORMAT: &str = "%Y-%m-%dT%H:%M:%SZ";

pub fn to_sql(t: DateTime<Utc>) -> String {
    t.format(FORMAT).to_string()
}

pub fn opt_to_sql(t: Option<DateTime<Utc>>) -> Option<String> {
    t.map(to_sql)
}

pub fn from_sql(s: &str) -> rusqlite::Result<DateTime<Utc>> {
    NaiveDateTime::parse_from_str(s, FORMAT)
        .map(|n| n.and_utc())
        .map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
        })
}

pub fn opt_from_sql(s: Option<String>) -> rusqlite::Result<Option<DateTime<Utc>>> {
    s.as_deref().map(from_sql).transpose()
}
