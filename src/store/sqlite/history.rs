//! The desk's history view: complaints received in a date range, newest first.

use super::SqliteStore;
use super::time::to_sql;
use crate::domain::complaint::Complaint;
use crate::store::Result;
use chrono::{DateTime, Utc};

impl SqliteStore {
    /// Complaints received in `[from, to)`, most recently filed first, `limit` at a
    /// time; `before_id` continues after the last one shown. Walks the primary key
    /// from the top, so the recent past (what an officer looks back at) is quick.
    pub fn history(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        before_id: Option<i64>,
        limit: usize,
    ) -> Result<Vec<Complaint>> {
        let ids: Vec<i64> = self
            .conn
            .prepare_cached(
                "SELECT id FROM complaints
                 WHERE received_at >= ?1 AND received_at < ?2 AND id < ?3
                 ORDER BY id DESC LIMIT ?4",
            )?
            .query_map(
                rusqlite::params![
                    to_sql(from),
                    to_sql(to),
                    before_id.unwrap_or(i64::MAX),
                    limit as i64
                ],
                |r| r.get(0),
            )?
            .collect::<rusqlite::Result<_>>()?;
        ids.into_iter().map(|id| self.get_by_id(id)).collect()
    }
}
