//! Follow-up at Dir. IKC: the complaints whose ticket is followed, the statuses BCare
//! reported (events of kind `bcare_status`), resolution seen by polling, and the
//! notices owed to applicants. Every status is written for all complaints sharing
//! the ticket in one transaction.

use super::SqliteStore;
use super::complaints::{StepRow, apply_row, insert_event, stage_list};
use super::time::{from_sql, opt_from_sql, to_sql};
use crate::domain::complaint::Stage;
use crate::domain::followup::{Followed, STATUS_EVENT};
use crate::store::model::*;
use crate::store::{Result, StoreError};

use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

fn bad_stage(v: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        0,
        rusqlite::types::Type::Text,
        format!("unknown stage '{v}'").into(),
    )
}

/// The last status recorded for a complaint (`:status` binds the event kind).
const LAST_STATUS: &str = "(SELECT e.after FROM events e WHERE e.complaint_id = c.id
      AND e.kind = :status ORDER BY e.id DESC LIMIT 1)";

/// The stages whose ticket is at Dir. IKC: the ones followed and polled.
const AT_DIR_IKC: [Stage; 2] = [Stage::Ticketed, Stage::HandedOver];

/// The stage whose applicant may be owed a notice: with `notified_at IS NULL`,
/// the rule of `domain::followup::notice_owed`, served by `complaints_owed_notice`.
const OWED_STAGE: Stage = Stage::Resolved;

/// How many are owed a notice: the partial index's own condition, so that the
/// count reads only its entries.
const NOTICES_OWED: &str =
    "SELECT COUNT(*) FROM complaints WHERE stage = ?1 AND notified_at IS NULL";

/// The follow-up list's SQL.
fn followed_sql() -> String {
    // Two parts, each served by its own index: the owed notices by the partial
    // index, the open tickets by the stage's. Only their rows are sorted, and the
    // last status is looked up for the page kept, not for every owed notice.
    format!(
        "SELECT c.ref, c.stage, c.ticket_no, f.since, c.resolved_at, {LAST_STATUS},
            (SELECT e.at FROM events e WHERE e.complaint_id = c.id
               AND e.kind = :status ORDER BY e.id DESC LIMIT 1),
            f.owed
         FROM (
            SELECT id, COALESCE(ticketed_at, handed_over_at, received_at) AS since, 1 AS owed
            FROM complaints
            WHERE stage = :owed_stage AND notified_at IS NULL AND ticket_no IS NOT NULL
            UNION ALL
            SELECT id, COALESCE(ticketed_at, handed_over_at, received_at), 0
            FROM complaints
            WHERE stage IN (SELECT value FROM json_each(:followed)) AND ticket_no IS NOT NULL
            -- Owed notices, then the longest open: what matters survives the limit.
            ORDER BY 3 DESC, 2, 1 LIMIT :limit
         ) f JOIN complaints c ON c.id = f.id
         ORDER BY f.owed DESC, f.since, c.id"
    )
}

impl SqliteStore {
    /// Complaints whose ticket is at Dir. IKC (ticketed, handed over), and the
    /// resolved ones whose applicant was not told yet, however they were resolved.
    pub fn followed(&self, limit: usize) -> Result<Vec<Followed>> {
        let rows = self
            .conn
            .prepare_cached(&followed_sql())?
            .query_map(
                rusqlite::named_params! {
                    ":status": STATUS_EVENT,
                    ":owed_stage": OWED_STAGE.as_str(),
                    ":followed": stage_list(AT_DIR_IKC),
                    ":limit": limit as i64,
                },
                |r| {
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
                },
            )?
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
                 WHERE stage IN (SELECT value FROM json_each(?1)) AND ticket_no IS NOT NULL
                 GROUP BY ticket_no ORDER BY MIN(id) LIMIT ?2",
            )?
            .query_map(params![stage_list(AT_DIR_IKC), limit as i64], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        Ok(rows)
    }

    /// Records a ticket's status (see `Store::record_ticket_status`): the rows
    /// are read inside the write transaction, so no other writer moves them
    /// between the reading and the writing.
    pub fn record_ticket_status(
        &self,
        ticket_no: &str,
        decide: impl Fn(&FollowedRow) -> StatusWrite,
    ) -> Result<Vec<(FollowedRow, StatusWrite)>> {
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let rows: Vec<(i64, String, String, Option<String>)> = tx
            .prepare_cached(&format!(
                "SELECT c.id, c.ref, c.stage, {LAST_STATUS} FROM complaints c
                 WHERE c.ticket_no = :ticket AND c.stage IN (SELECT value FROM json_each(:followed))
                 ORDER BY c.id"
            ))?
            .query_map(
                rusqlite::named_params! {
                    ":ticket": ticket_no,
                    ":followed": stage_list(AT_DIR_IKC),
                    ":status": STATUS_EVENT,
                },
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )?
            .collect::<rusqlite::Result<_>>()?;
        let mut written = Vec::with_capacity(rows.len());
        for (id, reference, stage_text, last_status) in rows {
            let stage = Stage::parse(&stage_text)
                .ok_or_else(|| StoreError::Sqlite(bad_stage(&stage_text)))?;
            let row = FollowedRow {
                id,
                reference,
                stage,
                last_status,
            };
            let write = decide(&row);
            if let Some(e) = &write.event {
                insert_event(&tx, &self.desk, id, e)?;
            }
            if let Some(step) = &write.step {
                let at = StepRow {
                    id,
                    reference: &row.reference,
                    stage,
                };
                apply_row(
                    &tx,
                    &self.desk,
                    &at,
                    step.to,
                    &step.change,
                    &step.event,
                    None,
                )?;
            }
            written.push((row, write));
        }
        tx.commit()?;
        Ok(written)
    }

    /// Records that the applicant was told: the `notified` event and the row's
    /// `notified_at` in one transaction, only on a resolved complaint (checked in
    /// the transaction, so a complaint changed meanwhile is a conflict).
    pub fn record_notified(&self, complaint_id: i64, reference: &str, e: &NewEvent) -> Result<()> {
        self.record_notified_all(&[NoticeRow {
            complaint_id,
            reference: reference.to_string(),
            event: e.clone(),
        }])
    }

    /// Records several notices in one transaction: all or none.
    pub fn record_notified_all(&self, rows: &[NoticeRow]) -> Result<()> {
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        for row in rows {
            let n = tx.execute(
                "UPDATE complaints SET notified_at = ?2 WHERE id = ?1 AND stage = ?3",
                params![row.complaint_id, to_sql(row.event.at), OWED_STAGE.as_str()],
            )?;
            if n != 1 {
                let exists: Option<i64> = tx
                    .query_row(
                        "SELECT id FROM complaints WHERE id = ?1",
                        [row.complaint_id],
                        |r| r.get(0),
                    )
                    .optional()?;
                return Err(match exists {
                    None => StoreError::NotFound(row.reference.clone()),
                    Some(_) => StoreError::Conflict(row.reference.clone()),
                });
            }
            insert_event(&tx, &self.desk, row.complaint_id, &row.event)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// How many applicants are owed a notice (the status bar, the shift handoff):
    /// resolved and not told, however resolved. Counted in the partial index.
    pub fn notices_owed(&self) -> Result<i64> {
        Ok(self
            .conn
            .prepare_cached(NOTICES_OWED)?
            .query_row([OWED_STAGE.as_str()], |r| r.get(0))?)
    }
}

#[cfg(test)]
impl SqliteStore {
    /// `EXPLAIN QUERY PLAN` of the owed count and of the follow-up list, with their
    /// parameters bound (the planner uses the partial index only for a stage bound
    /// to the one it names).
    pub(super) fn owed_plans(&self) -> Result<Vec<String>> {
        let mut plan = self
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {NOTICES_OWED}"))?
            .query_map([OWED_STAGE.as_str()], |r| r.get::<_, String>(3))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        plan.push("--".into());
        let list = self
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {}", followed_sql()))?
            .query_map(
                rusqlite::named_params! {
                    ":status": STATUS_EVENT,
                    ":owed_stage": OWED_STAGE.as_str(),
                    ":followed": stage_list(AT_DIR_IKC),
                    ":limit": 10,
                },
                |r| r.get::<_, String>(3),
            )?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        plan.extend(list);
        Ok(plan)
    }
}
