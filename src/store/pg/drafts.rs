//! Drafts on PostgreSQL (the twin of `sqlite::drafts`).

use super::PgStore;
use super::records::{at, col, text};
use crate::store::Result;
use chrono::{DateTime, Utc};

impl PgStore {
    /// Saves the draft unless it is already stored as it is (no write, no wait
    /// on another desk). Returns whether it wrote.
    pub fn save_draft(&self, name: &str, body: &str, saved_at: DateTime<Utc>) -> Result<bool> {
        self.read(|c| {
            let n = c
                .execute(
                    "INSERT INTO drafts (name, body, saved_at) VALUES ($1, $2, $3)
                     ON CONFLICT (name) DO UPDATE
                        SET body = excluded.body, saved_at = excluded.saved_at
                     WHERE drafts.body IS DISTINCT FROM excluded.body",
                    &[&name, &body, &text(saved_at)],
                )
                .map_err(self.err())?;
            Ok(n > 0)
        })
    }

    pub fn load_draft(&self, name: &str) -> Result<Option<(String, DateTime<Utc>)>> {
        self.read(|c| {
            c.query_opt(
                "SELECT body, saved_at FROM drafts WHERE name = $1",
                &[&name],
            )
            .map_err(self.err())?
            .map(|r| Ok((col(&r, 0)?, at(&r, 1)?)))
            .transpose()
        })
    }

    pub fn delete_draft(&self, name: &str) -> Result<()> {
        self.read(|c| {
            c.execute("DELETE FROM drafts WHERE name = $1", &[&name])
                .map_err(self.err())?;
            Ok(())
        })
    }
}
