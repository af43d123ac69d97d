//! Drafts: half-typed forms saved as the officer types, so a crash loses nothing.

use super::time::{from_sql, to_sql};
use super::{Result, Store};
use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};

impl Store {
    pub fn save_draft(&self, name: &str, body: &str, at: DateTime<Utc>) -> Result<()> {
        self.conn.execute(
            "INSERT INTO drafts (name, body, saved_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (name) DO UPDATE SET body = excluded.body, saved_at = excluded.saved_at",
            params![name, body, to_sql(at)],
        )?;
        Ok(())
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
