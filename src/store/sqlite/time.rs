//! Instants as SQLite text (see `store::instant`).

use crate::store::instant;
use chrono::{DateTime, Utc};

pub fn to_sql(t: DateTime<Utc>) -> String {
    instant::to_text(t)
}

pub fn opt_to_sql(t: Option<DateTime<Utc>>) -> Option<String> {
    t.map(to_sql)
}

pub fn from_sql(s: &str) -> rusqlite::Result<DateTime<Utc>> {
    instant::from_text(s).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

pub fn opt_from_sql(s: Option<String>) -> rusqlite::Result<Option<DateTime<Utc>>> {
    s.as_deref().map(from_sql).transpose()
}
