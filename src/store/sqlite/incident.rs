//! The queries of one outage: complaints of a category received lately, and every
//! complaint on one ticket.

use super::SqliteStore;
use super::complaints::{COLUMNS, complaint_from_row, stage_list};
use super::time::to_sql;
use crate::domain::complaint::{Complaint, Stage};
use crate::store::Result;
use chrono::{DateTime, Utc};
use rusqlite::params;

impl SqliteStore {
    /// Complaints of `category` at one of `stages`, received at or after `since`,
    /// newest first. Served by `complaints_by_received`, said outright: the window is
    /// hours wide, while a stage can hold years of handed-over complaints.
    pub fn received_since(
        &self,
        category: &str,
        stages: &[Stage],
        since: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<Complaint>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM complaints INDEXED BY complaints_by_received
             WHERE received_at >= ?1 AND category = ?2
               AND stage IN (SELECT value FROM json_each(?3))
             ORDER BY received_at DESC, id DESC LIMIT ?4"
        );
        let rows = self
            .conn
            .prepare_cached(&sql)?
            .query_map(
                params![
                    to_sql(since),
                    category,
                    stage_list(stages.iter().copied()),
                    limit as i64
                ],
                complaint_from_row,
            )?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Every complaint carrying `ticket_no`, in order of receipt (at most `limit`).
    /// Served by `complaints_by_ticket`.
    pub fn on_ticket(&self, ticket_no: &str, limit: usize) -> Result<Vec<Complaint>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM complaints WHERE ticket_no = ?1
             ORDER BY received_at, id LIMIT ?2"
        );
        let rows = self
            .conn
            .prepare_cached(&sql)?
            .query_map(params![ticket_no, limit as i64], complaint_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }
}
