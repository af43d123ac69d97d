//! Recording a report BCare delivered: the outbox row is marked sent and the
//! complaint moves forwarded → ticketed, in one transaction. Whether the complaint
//! may move is not decided here but by the caller (the desk's workflow check),
//! read inside the same transaction so nothing changes in between.

use super::SqliteStore;
use super::complaints::insert_event;
use super::time::to_sql;
use crate::domain::complaint::Stage;
use crate::store::model::*;
use crate::store::{Result, StoreError};
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

impl SqliteStore {
    /// Marks the row sent with its ticket number and writes the event. When
    /// `may_ticket(stage)` says yes the complaint takes the number and moves to
    /// ticketed; otherwise (a number typed by hand meanwhile, a link, a
    /// cancellation) it is left as it is and the event notes BCare's number.
    pub fn outbox_delivered(
        &self,
        row_id: i64,
        t: &DeliveredTicket,
        may_ticket: impl FnOnce(Stage) -> bool,
    ) -> Result<Delivery> {
        // `&self` (not `&mut`) so the CLI can deliver through the desk's store;
        // IMMEDIATE so a busy file waits under the busy timeout instead of failing
        // when the read below upgrades to a write.
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let complaint_id: Option<i64> = tx
            .query_row(
                "UPDATE outbox SET state = ?4, ticket_no = ?2, sent_at = ?3,
                    attempts = attempts + 1, last_error = NULL, lease_until = NULL
                 WHERE id = ?1 AND state != ?4
                 RETURNING complaint_id",
                params![
                    row_id,
                    t.ticket_no,
                    to_sql(t.at),
                    OutboxState::Sent.as_str()
                ],
                |r| r.get(0),
            )
            .optional()?;
        let Some(complaint_id) = complaint_id else {
            return Ok(Delivery::AlreadySent);
        };
        let (stage_text, recorded): (String, Option<String>) = tx.query_row(
            "SELECT stage, ticket_no FROM complaints WHERE id = ?1",
            [complaint_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let stage = Stage::parse(&stage_text).ok_or_else(|| {
            StoreError::Sqlite(rusqlite::Error::InvalidColumnType(
                0,
                format!("stage {stage_text:?}"),
                rusqlite::types::Type::Text,
            ))
        })?;
        let ticketed = may_ticket(stage);
        if ticketed {
            tx.execute(
                "UPDATE complaints SET stage = ?4, ticket_no = ?2,
                    ticketed_at = COALESCE(ticketed_at, ?3)
                 WHERE id = ?1",
                params![
                    complaint_id,
                    t.ticket_no,
                    to_sql(t.at),
                    Stage::Ticketed.as_str()
                ],
            )?;
        }
        let (outcome, event) = delivery_recorded(t, stage, recorded, ticketed);
        insert_event(&tx, &self.desk, complaint_id, &event)?;
        tx.commit()?;
        Ok(outcome)
    }
}
