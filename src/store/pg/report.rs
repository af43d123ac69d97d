//! What the report, the shift handoff and the export read, on PostgreSQL (the
//! twin of `sqlite::report`).

use super::PgStore;
use super::records::{at, channel, col, kind, opt_at, stage, text};
use crate::domain::report::{HandoverNote, ReportRow};
use crate::store::Result;
use chrono::{DateTime, Utc};

impl PgStore {
    /// Complaints received in `[from, to)`, in order of receipt, with the officer who
    /// received them and their handover note. Served by `complaints_by_received` and
    /// `events_by_complaint`.
    pub fn report_rows(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<ReportRow>> {
        let rows = self.read(|c| {
            c.query(
                "SELECT c.ref, c.category, c.channel, c.applicant_kind, c.stage, c.received_at,
                        c.sla_deadline, c.handed_over_at, c.resolved_at, c.cancelled_at,
                        (SELECT e.officer FROM events e WHERE e.complaint_id = c.id AND e.kind = $3
                          ORDER BY e.id LIMIT 1),
                        (SELECT e.note FROM events e WHERE e.complaint_id = c.id AND e.kind = $4
                          ORDER BY e.id DESC LIMIT 1)
                 FROM complaints c
                 WHERE c.received_at >= $1 AND c.received_at < $2
                 ORDER BY c.received_at, c.id",
                &[&text(from), &text(to), &"intake", &"handover"],
            )
            .map_err(self.err())
        })?;
        rows.iter()
            .map(|r| {
                let officer: Option<String> = col(r, 10)?;
                let note: Option<String> = col(r, 11)?;
                Ok(ReportRow {
                    reference: col(r, 0)?,
                    category: col(r, 1)?,
                    channel: channel(r, 2)?,
                    kind: kind(r, 3)?,
                    stage: stage(r, 4)?,
                    received_at: at(r, 5)?,
                    sla_deadline: at(r, 6)?,
                    handed_over_at: opt_at(r, 7)?,
                    resolved_at: opt_at(r, 8)?,
                    cancelled_at: opt_at(r, 9)?,
                    officer: officer.unwrap_or_default(),
                    handover: note.as_deref().map(HandoverNote::parse),
                })
            })
            .collect()
    }

    /// Ids of the complaints received in `[from, to)` (every one when None), in order
    /// of receipt: the export reads each with its events.
    pub fn complaint_ids(&self, range: Option<(DateTime<Utc>, DateTime<Utc>)>) -> Result<Vec<i64>> {
        let (from, to) = match range {
            Some((a, b)) => (text(a), text(b)),
            // Stored times are fixed-width UTC text: these bound every one.
            None => ("0000".to_string(), "9999".to_string()),
        };
        let rows = self.read(|c| {
            c.query(
                "SELECT id FROM complaints WHERE received_at >= $1 AND received_at < $2
                 ORDER BY received_at, id",
                &[&from, &to],
            )
            .map_err(self.err())
        })?;
        rows.iter().map(|r| col(r, 0)).collect()
    }
}
