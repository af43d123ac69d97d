//! Follow-up at Dir. IKC: the complaints whose ticket is followed, the statuses BCare
//! reported (events of kind `bcare_status`), resolution seen by polling, and the
//! notices owed to applicants. Every status is written for all complaints sharing
//! the ticket in one transaction.

use super::complaints::{NewEvent, insert_event};
use super::time::{from_sql, opt_from_sql, to_sql};
use super::{Result, Store, StoreError};
use crate::domain::complaint::Stage;
use crate::domain::followup::{Followed, NOTIFIED_EVENT, STATUS_EVENT, normalise_status};
use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

/// A status of a ticket, as BCare or the portal gave it.
#[derive(Debug, Clone)]
pub struct SeenStatus {
    pub ticket_no: String,
    /// Already cleaned for storing and showing.
    pub status: String,
    pub at: DateTime<Utc>,
    /// Who the change is recorded as: Dir. IKC when polled, the officer when typed.
    pub officer: String,
    pub note: Option<String>,
    /// The status means Dir. IKC solved it.
    pub done: bool,
}

/// What a status did to one complaint.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct StatusChange {
    #[serde(rename = "ref")]
    pub reference: String,
    pub ticket_no: String,
    pub before: Option<String>,
    pub after: String,
    /// The status differed from the last one recorded (an event was written).
    pub changed: bool,
    /// The complaint moved to resolved.
    pub resolved: bool,
}

fn bad_stage(v: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        0,
        rusqlite::types::Type::Text,
        format!("unknown stage '{v}'").into(),
    )
}

/// The last status recorded for a complaint.
const LAST_STATUS: &str = "(SELECT e.after FROM events e WHERE e.complaint_id = c.id
      AND e.kind = 'bcare_status' ORDER BY e.id DESC LIMIT 1)";

impl Store {
    /// Complaints whose ticket is at Dir. IKC (ticketed, handed over), and those
    /// resolved by the follow-up whose applicant was not told yet.
    pub fn followed(&self, limit: usize) -> Result<Vec<Followed>> {
        let sql = format!(
            "SELECT c.ref, c.stage, c.ticket_no,
                COALESCE(c.ticketed_at, c.handed_over_at, c.received_at), c.resolved_at,
                {LAST_STATUS},
                (SELECT e.at FROM events e WHERE e.complaint_id = c.id
                   AND e.kind = ?2 ORDER BY e.id DESC LIMIT 1),
                c.stage = 'resolved'
             FROM complaints c
             WHERE c.ticket_no IS NOT NULL AND (
                c.stage IN ('ticketed', 'handed_over')
                OR (c.stage = 'resolved'
                    AND EXISTS (SELECT 1 FROM events e WHERE e.complaint_id = c.id AND e.kind = ?2)
                    AND NOT EXISTS (SELECT 1 FROM events e WHERE e.complaint_id = c.id AND e.kind = ?3)))
             -- Owed notices, then the longest open: what matters survives the limit.
             ORDER BY c.stage = 'resolved' DESC, 4, c.id LIMIT ?1"
        );
        let rows = self
            .conn
            .prepare_cached(&sql)?
            .query_map(params![limit as i64, STATUS_EVENT, NOTIFIED_EVENT], |r| {
                let stage: String = r.get(1)?;
                Ok(Followed {
                    reference: r.get(0)?,
                    stage: Stage::parse(&stage).ok_or_else(|| bad_stage(&stage))?,
                    ticket_no: r.get(2)?,
                    ticketed_at: from_sql(&r.get::<_, String>(3)?)?,
                    resolved_at: opt_from_sql(r.get(4)?)?,
                    last_status: r.get(5)?,
                    last_status_at: opt_from_sql(r.get(6)?)?,
                    notice_owed: r.get(7)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// The distinct tickets to ask BCare about: those of ticketed and handed-over
    /// complaints, the one followed longest first.
    pub fn followed_tickets(&self, limit: usize) -> Result<Vec<String>> {
        let rows = self
            .conn
            .prepare_cached(
                "SELECT ticket_no FROM complaints
                 WHERE stage IN ('ticketed', 'handed_over') AND ticket_no IS NOT NULL
                 GROUP BY ticket_no ORDER BY MIN(id) LIMIT ?1",
            )?
            .query_map([limit as i64], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        Ok(rows)
    }

    /// Records a ticket's status on every ticketed or handed-over complaint carrying
    /// it, in one transaction: an event where the status differs from the last one
    /// recorded, and, when it means done and `may_resolve(stage)` allows (the
    /// desk's workflow), the move to resolved with its event.
    pub fn record_ticket_status(
        &self,
        seen: &SeenStatus,
        may_resolve: impl Fn(Stage) -> bool,
    ) -> Result<Vec<StatusChange>> {
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let followed: Vec<(i64, String, String, Option<String>)> = tx
            .prepare_cached(&format!(
                "SELECT c.id, c.ref, c.stage, {LAST_STATUS} FROM complaints c
                 WHERE c.ticket_no = ?1 AND c.stage IN ('ticketed', 'handed_over')
                 ORDER BY c.id"
            ))?
            .query_map([&seen.ticket_no], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut changes = Vec::with_capacity(followed.len());
        for (id, reference, stage_text, last) in followed {
            let stage = Stage::parse(&stage_text)
                .ok_or_else(|| StoreError::Sqlite(bad_stage(&stage_text)))?;
            // BCare's "In Progress" after "in progress" is no news.
            let changed =
                last.as_deref().map(normalise_status) != Some(normalise_status(&seen.status));
            if changed {
                insert_event(
                    &tx,
                    id,
                    &NewEvent {
                        at: seen.at,
                        officer: seen.officer.clone(),
                        kind: STATUS_EVENT,
                        before: last.clone(),
                        after: Some(seen.status.clone()),
                        note: seen.note.clone(),
                    },
                )?;
            }
            let resolved = seen.done && may_resolve(stage);
            if resolved {
                let outcome = format!("BCare: {}", seen.status);
                let n = tx.execute(
                    "UPDATE complaints SET stage = 'resolved', resolved_at = ?3,
                        resolution_note = ?4
                     WHERE id = ?1 AND stage = ?2",
                    params![id, stage.as_str(), to_sql(seen.at), outcome],
                )?;
                if n != 1 {
                    return Err(StoreError::Conflict(reference));
                }
                insert_event(
                    &tx,
                    id,
                    &NewEvent {
                        at: seen.at,
                        officer: seen.officer.clone(),
                        kind: "resolve",
                        before: Some(stage.as_str().into()),
                        after: Some(Stage::Resolved.as_str().into()),
                        note: Some(outcome),
                    },
                )?;
            }
            if changed || resolved {
                changes.push(StatusChange {
                    reference,
                    ticket_no: seen.ticket_no.clone(),
                    before: last,
                    after: seen.status.clone(),
                    changed,
                    resolved,
                });
            }
        }
        tx.commit()?;
        Ok(changes)
    }

    /// Records that the applicant was told: only on a resolved complaint (checked in
    /// the transaction, so a complaint changed meanwhile is a conflict).
    pub fn record_notified(&self, complaint_id: i64, reference: &str, e: &NewEvent) -> Result<()> {
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let stage: Option<String> = tx
            .query_row(
                "SELECT stage FROM complaints WHERE id = ?1",
                [complaint_id],
                |r| r.get(0),
            )
            .optional()?;
        match stage.as_deref() {
            None => return Err(StoreError::NotFound(reference.to_string())),
            Some(s) if s != Stage::Resolved.as_str() => {
                return Err(StoreError::Conflict(reference.to_string()));
            }
            Some(_) => {}
        }
        insert_event(&tx, complaint_id, e)?;
        tx.commit()?;
        Ok(())
    }

    /// How many applicants are owed a notice (the status bar, the shift handoff).
    pub fn notices_owed(&self) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT COUNT(*) FROM complaints c
             WHERE c.stage = 'resolved'
               AND EXISTS (SELECT 1 FROM events e WHERE e.complaint_id = c.id AND e.kind = ?1)
               AND NOT EXISTS (SELECT 1 FROM events e WHERE e.complaint_id = c.id AND e.kind = ?2)",
            [STATUS_EVENT, NOTIFIED_EVENT],
            |r| r.get(0),
        )?)
    }
}
