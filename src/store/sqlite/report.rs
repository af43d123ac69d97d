//! What the section's report, the shift handoff and the export read.

use super::SqliteStore;
use super::time::{from_sql, opt_from_sql, to_sql};
use crate::domain::complaint::{ApplicantKind, Channel, Stage};
use crate::domain::report::{HandoverNote, ReportRow};
use crate::store::Result;
use chrono::{DateTime, Utc};
use rusqlite::params;

fn bad(col: usize, what: &str, v: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        col,
        rusqlite::types::Type::Text,
        format!("unknown {what} '{v}'").into(),
    )
}

impl SqliteStore {
    /// Complaints received in `[from, to)`, in order of receipt, with the officer who
    /// received them and their handover note. Served by `complaints_by_received` and
    /// `events_by_complaint`.
    pub fn report_rows(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<ReportRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.ref, c.category, c.channel, c.applicant_kind, c.stage, c.received_at,
                    c.sla_deadline, c.handed_over_at, c.resolved_at, c.cancelled_at,
                    (SELECT e.officer FROM events e WHERE e.complaint_id = c.id AND e.kind = ?3
                      ORDER BY e.id LIMIT 1),
                    (SELECT e.note FROM events e WHERE e.complaint_id = c.id AND e.kind = ?4
                      ORDER BY e.id DESC LIMIT 1)
             FROM complaints c
             WHERE c.received_at >= ?1 AND c.received_at < ?2
             ORDER BY c.received_at, c.id",
        )?;
        let rows = stmt
            .query_map(
                params![to_sql(from), to_sql(to), "intake", "handover"],
                |r| {
                    let channel: String = r.get(2)?;
                    let kind: String = r.get(3)?;
                    let stage: String = r.get(4)?;
                    let note: Option<String> = r.get(11)?;
                    Ok(ReportRow {
                        reference: r.get(0)?,
                        category: r.get(1)?,
                        channel: Channel::parse(&channel)
                            .ok_or_else(|| bad(2, "channel", &channel))?,
                        kind: ApplicantKind::parse(&kind).ok_or_else(|| bad(3, "kind", &kind))?,
                        stage: Stage::parse(&stage).ok_or_else(|| bad(4, "stage", &stage))?,
                        received_at: from_sql(&r.get::<_, String>(5)?)?,
                        sla_deadline: from_sql(&r.get::<_, String>(6)?)?,
                        handed_over_at: opt_from_sql(r.get(7)?)?,
                        resolved_at: opt_from_sql(r.get(8)?)?,
                        cancelled_at: opt_from_sql(r.get(9)?)?,
                        officer: r.get::<_, Option<String>>(10)?.unwrap_or_default(),
                        handover: note.as_deref().map(HandoverNote::parse),
                    })
                },
            )?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Ids of the complaints received in `[from, to)` (every one when None), in order of
    /// receipt: the export reads each with its events.
    pub fn complaint_ids(&self, range: Option<(DateTime<Utc>, DateTime<Utc>)>) -> Result<Vec<i64>> {
        let (from, to) = match range {
            Some((a, b)) => (to_sql(a), to_sql(b)),
            // Stored times are fixed-width UTC text: these bound every one.
            None => ("0000".to_string(), "9999".to_string()),
        };
        let ids = self
            .conn
            .prepare_cached(
                "SELECT id FROM complaints WHERE received_at >= ?1 AND received_at < ?2
                 ORDER BY received_at, id",
            )?
            .query_map(params![from, to], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        Ok(ids)
    }
}
