//! Follow-up at Dir. IKC on PostgreSQL (the twin of `sqlite::followup`). Every
//! status is written for all complaints sharing the ticket in one transaction;
//! their rows are locked first, so two desks polling the same ticket at once
//! write its status once.

use super::complaints::{apply_row, insert_event};
use super::records::{at, col, opt_at, stage, stage_names, text};
use super::{PgStore, server_error};
use crate::domain::complaint::Stage;
use crate::domain::followup::{Followed, STATUS_EVENT};
use crate::store::model::*;
use crate::store::{Result, StoreError};

/// The last status recorded for a complaint (`$1` binds the event kind).
const LAST_STATUS: &str = "(SELECT e.after FROM events e WHERE e.complaint_id = c.id
      AND e.kind = $1 ORDER BY e.id DESC LIMIT 1)";

/// The stages whose ticket is at Dir. IKC: the ones followed and polled.
const AT_DIR_IKC: [Stage; 2] = [Stage::Ticketed, Stage::HandedOver];

/// The stage whose applicant may be owed a notice: with `notified_at IS NULL`,
/// the rule of `domain::followup::notice_owed`, served by `complaints_owed_notice`.
const OWED_STAGE: Stage = Stage::Resolved;

impl PgStore {
    /// Complaints whose ticket is at Dir. IKC (ticketed, handed over), and the
    /// resolved ones whose applicant was not told yet, however they were resolved.
    pub fn followed(&self, limit: usize) -> Result<Vec<Followed>> {
        // Two parts, each served by its own index (the owed notices by the partial
        // one); the last status is looked up for the page kept only.
        let sql = format!(
            "SELECT c.ref, c.stage, c.ticket_no, f.since, c.resolved_at, {LAST_STATUS},
                (SELECT e.at FROM events e WHERE e.complaint_id = c.id
                   AND e.kind = $1 ORDER BY e.id DESC LIMIT 1),
                f.owed
             FROM (
                SELECT id, COALESCE(ticketed_at, handed_over_at, received_at) AS since,
                    TRUE AS owed
                FROM complaints
                WHERE stage = $2 AND notified_at IS NULL AND ticket_no IS NOT NULL
                UNION ALL
                SELECT id, COALESCE(ticketed_at, handed_over_at, received_at), FALSE
                FROM complaints
                WHERE stage = ANY($3) AND ticket_no IS NOT NULL
                -- Owed notices, then the longest open: what matters survives the limit.
                ORDER BY 3 DESC, 2, 1 LIMIT $4
             ) f JOIN complaints c ON c.id = f.id
             ORDER BY f.owed DESC, f.since, c.id"
        );
        let rows = self.read(|c| {
            c.query(
                &sql,
                &[
                    &STATUS_EVENT,
                    &OWED_STAGE.as_str(),
                    &stage_names(AT_DIR_IKC),
                    &(limit as i64),
                ],
            )
            .map_err(self.err())
        })?;
        rows.iter()
            .map(|r| {
                Ok(Followed {
                    reference: col(r, 0)?,
                    stage: stage(r, 1)?,
                    ticket_no: col(r, 2)?,
                    ticketed_at: at(r, 3)?,
                    resolved_at: opt_at(r, 4)?,
                    last_status: col(r, 5)?,
                    last_status_at: opt_at(r, 6)?,
                    notice_owed: col(r, 7)?,
                })
            })
            .collect()
    }

    /// The distinct tickets to ask BCare about: those of ticketed and handed-over
    /// complaints, the one followed longest first.
    pub fn followed_tickets(&self, limit: usize) -> Result<Vec<String>> {
        let rows = self.read(|c| {
            c.query(
                "SELECT ticket_no FROM complaints
                 WHERE stage = ANY($1) AND ticket_no IS NOT NULL
                 GROUP BY ticket_no ORDER BY MIN(id) LIMIT $2",
                &[&stage_names(AT_DIR_IKC), &(limit as i64)],
            )
            .map_err(self.err())
        })?;
        rows.iter().map(|r| col(r, 0)).collect()
    }

    /// Records a ticket's status (see `Store::record_ticket_status`).
    pub fn record_ticket_status(
        &self,
        ticket_no: &str,
        decide: impl Fn(&FollowedRow) -> StatusWrite,
    ) -> Result<Vec<(FollowedRow, StatusWrite)>> {
        let at = self.at.clone();
        let e = |e| server_error(&at, e);
        self.write(|tx, w| {
            // Locked until commit: a second desk polling the same ticket waits here,
            // then reads the statuses below in a fresh snapshot, after ours.
            let locked = tx
                .query(
                    "SELECT id, ref, stage FROM complaints
                     WHERE ticket_no = $1 AND stage = ANY($2)
                     ORDER BY id FOR UPDATE",
                    &[&ticket_no, &stage_names(AT_DIR_IKC)],
                )
                .map_err(e)?;
            let last_status = tx
                .prepare(
                    "SELECT after FROM events WHERE complaint_id = $1 AND kind = $2
                     ORDER BY id DESC LIMIT 1",
                )
                .map_err(e)?;
            let mut written = Vec::with_capacity(locked.len());
            for r in &locked {
                let id: i64 = col(r, 0)?;
                let row = FollowedRow {
                    id,
                    reference: col(r, 1)?,
                    stage: stage(r, 2)?,
                    last_status: match tx
                        .query_opt(&last_status, &[&id, &STATUS_EVENT])
                        .map_err(e)?
                    {
                        Some(row) => col(&row, 0)?,
                        None => None,
                    },
                };
                let write = decide(&row);
                if let Some(ev) = &write.event {
                    insert_event(tx, w, id, ev)?;
                }
                if let Some(step) = &write.step {
                    let held = (id, row.reference.as_str(), row.stage);
                    apply_row(tx, w, held, step.to, &step.change, &step.event, None)?;
                }
                written.push((row, write));
            }
            Ok(written)
        })
    }

    /// Records that the applicant was told: the `notified` event and the row's
    /// `notified_at` in one transaction, only on a resolved complaint (checked in
    /// the transaction, so a complaint changed meanwhile is a conflict).
    pub fn record_notified(&self, complaint_id: i64, reference: &str, ev: &NewEvent) -> Result<()> {
        self.record_notified_all(&[NoticeRow {
            complaint_id,
            reference: reference.to_string(),
            event: ev.clone(),
        }])
    }

    /// Records several notices in one transaction: all or none.
    pub fn record_notified_all(&self, rows: &[NoticeRow]) -> Result<()> {
        let at = self.at.clone();
        let e = |e| server_error(&at, e);
        self.write(|tx, w| {
            for row in rows {
                let n = tx
                    .execute(
                        "UPDATE complaints SET notified_at = $2 WHERE id = $1 AND stage = $3",
                        &[&row.complaint_id, &text(row.event.at), &OWED_STAGE.as_str()],
                    )
                    .map_err(e)?;
                if n != 1 {
                    let exists = tx
                        .query_opt(
                            "SELECT id FROM complaints WHERE id = $1",
                            &[&row.complaint_id],
                        )
                        .map_err(e)?;
                    return Err(match exists {
                        None => StoreError::NotFound(row.reference.clone()),
                        Some(_) => StoreError::Conflict(row.reference.clone()),
                    });
                }
                insert_event(tx, w, row.complaint_id, &row.event)?;
            }
            Ok(())
        })
    }

    /// How many applicants are owed a notice (the status bar, the shift handoff):
    /// resolved and not told, however resolved. Counted in the partial index.
    pub fn notices_owed(&self) -> Result<i64> {
        self.read(|c| {
            col(
                &c.query_one(
                    "SELECT COUNT(*) FROM complaints WHERE stage = $1 AND notified_at IS NULL",
                    &[&OWED_STAGE.as_str()],
                )
                .map_err(self.err())?,
                0,
            )
        })
    }
}
