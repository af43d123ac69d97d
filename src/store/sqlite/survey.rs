//! The applicant's satisfaction (SKM): one survey a complaint, replaced by a
//! second, each written with its event in one transaction.

use super::SqliteStore;
use super::complaints::insert_event;
use super::time::to_sql;
use crate::domain::complaint::Stage;
use crate::store::model::NewEvent;
use crate::store::{Result, StoreError};
use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

impl SqliteStore {
    /// Keeps `answers` as the complaint's survey (replacing one before) with its
    /// event, if the complaint is still at one of `stages`.
    pub fn record_survey(
        &self,
        complaint_id: i64,
        reference: &str,
        stages: &[Stage],
        answers: &str,
        e: &NewEvent,
    ) -> Result<()> {
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let stage: Option<String> = tx
            .query_row(
                "SELECT stage FROM complaints WHERE id = ?1",
                [complaint_id],
                |r| r.get(0),
            )
            .optional()?;
        match stage {
            None => return Err(StoreError::NotFound(reference.to_string())),
            Some(s) if !stages.iter().any(|st| st.as_str() == s) => {
                return Err(StoreError::Conflict(reference.to_string()));
            }
            Some(_) => {}
        }
        tx.execute(
            "INSERT INTO surveys (complaint_id, answers, at, officer) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (complaint_id) DO UPDATE
             SET answers = excluded.answers, at = excluded.at, officer = excluded.officer",
            params![complaint_id, answers, to_sql(e.at), e.officer],
        )?;
        insert_event(&tx, &self.desk, complaint_id, e)?;
        tx.commit()?;
        Ok(())
    }

    /// The events of the complaints received in `[from, to)` that know when
    /// they were written.
    pub fn event_times(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<crate::domain::honest::EventTime>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.ref, e.kind, e.at, e.written_at FROM events e
             JOIN complaints c ON c.id = e.complaint_id
             WHERE c.received_at >= ?1 AND c.received_at < ?2 AND e.written_at IS NOT NULL
             ORDER BY c.received_at, c.id, e.id",
        )?;
        let rows = stmt.query_map([to_sql(from), to_sql(to)], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (reference, kind, at, written_at) = row?;
            out.push(crate::domain::honest::EventTime {
                reference,
                kind,
                at: super::time::from_sql(&at)?,
                written_at: super::time::from_sql(&written_at)?,
            });
        }
        Ok(out)
    }

    /// The surveys of the complaints received in `[from, to)`: each complaint's
    /// reference and its answers as stored.
    pub fn surveys_received(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<(String, String)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.ref, s.answers FROM surveys s JOIN complaints c ON c.id = s.complaint_id
             WHERE c.received_at >= ?1 AND c.received_at < ?2 ORDER BY c.received_at, c.id",
        )?;
        let rows = stmt
            .query_map([to_sql(from), to_sql(to)], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<Vec<(String, String)>>>()?;
        Ok(rows)
    }
}
