//! The applicant's satisfaction (SKM) on PostgreSQL (the twin of `sqlite::survey`).

use super::complaints::insert_event;
use super::records::{col, text};
use super::{PgStore, server_error};
use crate::domain::complaint::Stage;
use crate::store::model::NewEvent;
use crate::store::{Result, StoreError};
use chrono::{DateTime, Utc};

impl PgStore {
    /// Keeps `answers` as the complaint's survey (replacing one before) with its
    /// event, if the complaint is still at one of `stages` (its row held meanwhile).
    pub fn record_survey(
        &self,
        complaint_id: i64,
        reference: &str,
        stages: &[Stage],
        answers: &str,
        ev: &NewEvent,
    ) -> Result<()> {
        let at = self.at.clone();
        let e = |e| server_error(&at, e);
        self.write(|tx, w| {
            let row = tx
                .query_opt(
                    "SELECT stage FROM complaints WHERE id = $1 FOR UPDATE",
                    &[&complaint_id],
                )
                .map_err(e)?;
            let stage: String = match row {
                None => return Err(StoreError::NotFound(reference.to_string())),
                Some(r) => col(&r, 0)?,
            };
            if !stages.iter().any(|s| s.as_str() == stage) {
                return Err(StoreError::Conflict(reference.to_string()));
            }
            tx.execute(
                "INSERT INTO surveys (complaint_id, answers, at, officer) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (complaint_id) DO UPDATE
                 SET answers = excluded.answers, at = excluded.at, officer = excluded.officer",
                &[&complaint_id, &answers, &text(ev.at), &ev.officer],
            )
            .map_err(e)?;
            insert_event(tx, w, complaint_id, ev)
        })
    }

    /// The events of the complaints received in `[from, to)` that know when
    /// they were written (by the server's clock).
    pub fn event_times(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<crate::domain::honest::EventTime>> {
        let (from, to) = (text(from), text(to));
        self.read(|c| {
            c.query(
                "SELECT c.ref, e.kind, e.at, e.written_at FROM events e
                 JOIN complaints c ON c.id = e.complaint_id
                 WHERE c.received_at >= $1 AND c.received_at < $2 AND e.written_at IS NOT NULL
                 ORDER BY c.received_at, c.id, e.id",
                &[&from, &to],
            )
            .map_err(|e| server_error(&self.at, e))?
            .iter()
            .map(|r| {
                Ok(crate::domain::honest::EventTime {
                    reference: col(r, 0)?,
                    kind: col(r, 1)?,
                    at: super::records::at(r, 2)?,
                    written_at: super::records::at(r, 3)?,
                })
            })
            .collect()
        })
    }

    /// The surveys of the complaints received in `[from, to)`: each complaint's
    /// reference and its answers as stored.
    pub fn surveys_received(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<(String, String)>> {
        let (from, to) = (text(from), text(to));
        self.read(|c| {
            c.query(
                "SELECT c.ref, s.answers FROM surveys s JOIN complaints c ON c.id = s.complaint_id
                 WHERE c.received_at >= $1 AND c.received_at < $2 ORDER BY c.received_at, c.id",
                &[&from, &to],
            )
            .map_err(|e| server_error(&self.at, e))?
            .iter()
            .map(|r| Ok((col(r, 0)?, col(r, 1)?)))
            .collect()
        })
    }
}
