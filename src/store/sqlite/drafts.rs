//! Drafts: half-typed forms saved as the officer types, so a crash loses nothing.

use super::SqliteStore;
use super::time::{from_sql, to_sql};
use crate::store::Result;
use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};

impl SqliteStore {
    /// Saves the draft unless it is already stored as it is: typing a letter and
    /// deleting it, or a tick with nothing new, writes nothing (no fsync, no wait
    /// on another writer). Returns whether it wrote.
    pub fn save_draft(&self, name: &str, body: &str, at: DateTime<Utc>) -> Result<bool> {
        let n = self.conn.execute(
            "INSERT INTO drafts (name, body, saved_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (name) DO UPDATE SET body = excluded.body, saved_at = excluded.saved_at
             WHERE drafts.body IS NOT excluded.body",
            params![name, body, to_sql(at)],
        )?;
        Ok(n > 0)
    }

    pub fn load_draft(&self, name: &str) -> Result<Option<(String, DateTime<Utc>)>> {
        let row: Option<(String, String)> = self
            .conn
            .query_row(
                "SELECT body, saved_at FROM drafts WHERE name = ?1",
                [name],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        row.map(|(b, at)| Ok((b, from_sql(&at)?))).transpose()
    }

    pub fn delete_draft(&self, name: &str) -> Result<()> {
        self.conn
            .execute("DELETE FROM drafts WHERE name = ?1", [name])?;
        Ok(())
    }
}
