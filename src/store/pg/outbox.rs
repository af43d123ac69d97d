//! The outbox on PostgreSQL. Several desks may run a worker on the same queue:
//! a worker claims the rows it sends (`FOR UPDATE SKIP LOCKED`, so two workers
//! never take the same row) with a lease, so a row whose desk died mid-send is
//! taken up again once the lease runs out; BCare's idempotency key covers the
//! send whose answer was lost.

use super::complaints::insert_event;
use super::records::{at, col, opt_at, stage, text};
use super::{PgStore, server_error};
use crate::domain::complaint::Stage;
use crate::store::Result;
use crate::store::model::*;
use chrono::{DateTime, Utc};
use postgres::Row;

const COLUMNS: &str = "o.id, o.complaint_id, c.ref, o.idempotency_key, o.client, o.payload, o.state, \
    o.attempts, o.next_attempt_at, o.last_error, o.ticket_no, o.created_at, o.sent_at, o.lease_until";

fn row(r: &Row) -> Result<OutboxRow> {
    Ok(OutboxRow {
        id: col(r, 0)?,
        complaint_id: col(r, 1)?,
        reference: col(r, 2)?,
        idempotency_key: col(r, 3)?,
        client: col(r, 4)?,
        payload: col(r, 5)?,
        state: OutboxState::parse(&col::<String>(r, 6)?),
        attempts: col(r, 7)?,
        next_attempt_at: at(r, 8)?,
        last_error: col(r, 9)?,
        ticket_no: col(r, 10)?,
        created_at: at(r, 11)?,
        sent_at: opt_at(r, 12)?,
        lease_until: opt_at(r, 13)?,
    })
}

fn rows(rs: &[Row]) -> Result<Vec<OutboxRow>> {
    rs.iter().map(row).collect()
}

impl PgStore {
    pub fn outbox_pending(&self, limit: usize) -> Result<Vec<OutboxRow>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM outbox o JOIN complaints c ON c.id = o.complaint_id
             WHERE o.state = $2 ORDER BY o.next_attempt_at, o.id LIMIT $1"
        );
        self.read(|c| {
            rows(
                &c.query(&sql, &[&(limit as i64), &OutboxState::Pending.as_str()])
                    .map_err(self.err())?,
            )
        })
    }

    /// Claims due rows for this desk until `lease_until`; rows another desk holds
    /// (locked now, or leased and not yet expired) are skipped, not waited for.
    /// A lease still set means an attempt began and was never recorded (its desk
    /// died, or its worker crashed): that attempt counts too.
    pub fn outbox_claim(
        &self,
        now: DateTime<Utc>,
        client: &str,
        lease_until: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<OutboxRow>> {
        let sql = format!(
            "WITH due AS (
                SELECT id FROM outbox
                WHERE state = $3 AND client = $4 AND next_attempt_at <= $1
                  AND (lease_until IS NULL OR lease_until <= $1)
                ORDER BY next_attempt_at, id LIMIT $2
                FOR UPDATE SKIP LOCKED),
             claimed AS (
                UPDATE outbox SET claimed_by = $5, lease_until = $6,
                    attempts = outbox.attempts
                        + CASE WHEN outbox.lease_until IS NULL THEN 0 ELSE 1 END
                FROM due WHERE outbox.id = due.id
                RETURNING outbox.*)
             SELECT {COLUMNS} FROM claimed o JOIN complaints c ON c.id = o.complaint_id
             ORDER BY o.next_attempt_at, o.id"
        );
        let (now, lease) = (text(now), text(lease_until));
        let state = OutboxState::Pending.as_str();
        let limit = limit as i64;
        let claimant = &self.claimant;
        self.write(|tx, _| {
            rows(
                &tx.query(&sql, &[&now, &limit, &state, &client, claimant, &lease])
                    .map_err(self.err())?,
            )
        })
    }

    pub fn outbox_release_claims(&self) -> Result<usize> {
        self.read(|c| {
            let n = c
                .execute(
                    // Due at once; the next claim still sees an attempt was begun.
                    "UPDATE outbox SET lease_until = next_attempt_at
                     WHERE claimed_by = $1 AND state = $2 AND lease_until IS NOT NULL",
                    &[&self.claimant, &OutboxState::Pending.as_str()],
                )
                .map_err(self.err())?;
            Ok(n as usize)
        })
    }

    pub fn outbox_of(&self, complaint_id: i64) -> Result<Vec<OutboxRow>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM outbox o JOIN complaints c ON c.id = o.complaint_id
             WHERE o.complaint_id = $1 ORDER BY o.id DESC"
        );
        self.read(|c| rows(&c.query(&sql, &[&complaint_id]).map_err(self.err())?))
    }

    pub fn outbox_attempt_failed(
        &self,
        id: i64,
        error: &str,
        next_attempt_at: DateTime<Utc>,
        give_up: bool,
    ) -> Result<()> {
        self.read(|c| {
            c.execute(
                "UPDATE outbox SET attempts = attempts + 1, last_error = $2, next_attempt_at = $3,
                    state = CASE WHEN $4 THEN $5 ELSE state END, lease_until = NULL
                 WHERE id = $1 AND state = $6",
                &[
                    &id,
                    &error,
                    &text(next_attempt_at),
                    &give_up,
                    &OutboxState::Failed.as_str(),
                    &OutboxState::Pending.as_str(),
                ],
            )
            .map_err(self.err())?;
            Ok(())
        })
    }

    pub fn outbox_waiting(&self, limit: usize) -> Result<Vec<OutboxRow>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM outbox o JOIN complaints c ON c.id = o.complaint_id
             WHERE o.state IN ($2, $3)
             ORDER BY o.state = $2 DESC, o.next_attempt_at, o.id LIMIT $1"
        );
        self.read(|c| {
            rows(
                &c.query(
                    &sql,
                    &[
                        &(limit as i64),
                        &OutboxState::Pending.as_str(),
                        &OutboxState::Failed.as_str(),
                    ],
                )
                .map_err(self.err())?,
            )
        })
    }

    pub fn outbox_retry_now(&self, complaint_id: i64, now: DateTime<Utc>) -> Result<usize> {
        self.read(|c| {
            let n = c
                .execute(
                    "UPDATE outbox SET state = $3, next_attempt_at = $2, lease_until = NULL
                     WHERE complaint_id = $1 AND state IN ($3, $4)",
                    &[
                        &complaint_id,
                        &text(now),
                        &OutboxState::Pending.as_str(),
                        &OutboxState::Failed.as_str(),
                    ],
                )
                .map_err(self.err())?;
            Ok(n as usize)
        })
    }

    /// Marks the row sent and records the ticket, in one transaction. The row is
    /// marked only if not sent yet: of two desks recording the same answer, the
    /// second writes nothing.
    pub fn outbox_delivered(
        &self,
        row_id: i64,
        t: &DeliveredTicket,
        may_ticket: impl FnOnce(Stage) -> bool,
    ) -> Result<Delivery> {
        let at = self.at.clone();
        let e = |e| server_error(&at, e);
        self.write(|tx, w| {
            let complaint_id: Option<i64> = tx
                .query_opt(
                    "UPDATE outbox SET state = $4, ticket_no = $2, sent_at = $3,
                        attempts = attempts + 1, last_error = NULL, lease_until = NULL
                     WHERE id = $1 AND state != $4
                     RETURNING complaint_id",
                    &[
                        &row_id,
                        &t.ticket_no,
                        &text(t.at),
                        &OutboxState::Sent.as_str(),
                    ],
                )
                .map_err(e)?
                .map(|r| r.get(0));
            let Some(complaint_id) = complaint_id else {
                return Ok(Delivery::AlreadySent);
            };
            // Locked for the rest of the transaction: no step slips in between.
            let r = tx
                .query_one(
                    "SELECT stage, ticket_no FROM complaints WHERE id = $1 FOR UPDATE",
                    &[&complaint_id],
                )
                .map_err(e)?;
            let (now, recorded): (Stage, Option<String>) = (stage(&r, 0)?, col(&r, 1)?);
            let ticketed = may_ticket(now);
            if ticketed {
                tx.execute(
                    "UPDATE complaints SET stage = $4, ticket_no = $2,
                        ticketed_at = COALESCE(ticketed_at, $3)
                     WHERE id = $1",
                    &[
                        &complaint_id,
                        &t.ticket_no,
                        &text(t.at),
                        &Stage::Ticketed.as_str(),
                    ],
                )
                .map_err(e)?;
            }
            let (outcome, event) = delivery_recorded(t, now, recorded, ticketed);
            insert_event(tx, w, complaint_id, &event)?;
            Ok(outcome)
        })
    }
}
