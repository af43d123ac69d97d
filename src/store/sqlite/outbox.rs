//! The outbox: reports waiting to be delivered to BCare. A row is written in the
//! same transaction as the stage change that asked for it.

//!
//! States are bound from [`OutboxState::as_str`], never spelled in SQL. Recording
//! a delivery (which also moves the complaint) lives in `delivery.rs`.

use super::SqliteStore;
use super::time::{from_sql, opt_from_sql, to_sql};
use crate::store::Result;
use crate::store::model::*;
use chrono::{DateTime, Utc};
use rusqlite::{Transaction, TransactionBehavior, params};

pub(super) fn insert(tx: &Transaction, complaint_id: i64, o: &NewOutbox) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO outbox (complaint_id, idempotency_key, client, payload, next_attempt_at, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        params![
            complaint_id,
            o.idempotency_key,
            o.client,
            o.payload,
            to_sql(o.created_at)
        ],
    )?;
    Ok(())
}

const COLUMNS: &str = "o.id, o.complaint_id, c.ref, o.idempotency_key, o.client, o.payload, o.state, \
    o.attempts, o.next_attempt_at, o.last_error, o.ticket_no, o.created_at, o.sent_at, o.lease_until";

fn row(r: &rusqlite::Row) -> rusqlite::Result<OutboxRow> {
    Ok(OutboxRow {
        id: r.get(0)?,
        complaint_id: r.get(1)?,
        reference: r.get(2)?,
        idempotency_key: r.get(3)?,
        client: r.get(4)?,
        payload: r.get(5)?,
        state: OutboxState::parse(&r.get::<_, String>(6)?),
        attempts: r.get(7)?,
        next_attempt_at: from_sql(&r.get::<_, String>(8)?)?,
        last_error: r.get(9)?,
        ticket_no: r.get(10)?,
        created_at: from_sql(&r.get::<_, String>(11)?)?,
        sent_at: opt_from_sql(r.get(12)?)?,
        lease_until: opt_from_sql(r.get(13)?)?,
    })
}

impl SqliteStore {
    /// Rows not yet delivered, oldest first.
    pub fn outbox_pending(&self, limit: usize) -> Result<Vec<OutboxRow>> {
        let rows = self
            .conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM outbox o JOIN complaints c ON c.id = o.complaint_id
                 WHERE o.state = ?2 ORDER BY o.next_attempt_at, o.id LIMIT ?1"
            ))?
            .query_map(params![limit as i64, OutboxState::Pending.as_str()], row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Pending rows whose next attempt is due at `now`, claimed for this desk until
    /// `lease_until`: another desk's worker skips a claimed row until its lease runs
    /// out (its desk died mid-send) or the attempt is recorded.
    /// Only rows queued for `client` are due to it: a report queued for the real BCare
    /// is never "filed" with the simulator, nor a training sample with the real BCare.
    pub fn outbox_claim(
        &self,
        now: DateTime<Utc>,
        client: &str,
        lease_until: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<OutboxRow>> {
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let mut rows = tx
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM outbox o JOIN complaints c ON c.id = o.complaint_id
                 WHERE o.state = ?3 AND o.client = ?4 AND o.next_attempt_at <= ?1
                   AND (o.lease_until IS NULL OR o.lease_until <= ?1)
                 ORDER BY o.next_attempt_at, o.id LIMIT ?2"
            ))?
            .query_map(
                params![
                    to_sql(now),
                    limit as i64,
                    OutboxState::Pending.as_str(),
                    client
                ],
                row,
            )?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for r in &mut rows {
            // A lease still set means an attempt began and was never recorded (its
            // desk died, or its worker crashed): that attempt counts too.
            r.attempts = tx.query_row(
                "UPDATE outbox SET claimed_by = ?2, lease_until = ?3,
                    attempts = attempts + (lease_until IS NOT NULL)
                 WHERE id = ?1 RETURNING attempts",
                params![r.id, self.claimant, to_sql(lease_until)],
                |x| x.get(0),
            )?;
            r.lease_until = Some(lease_until);
        }
        tx.commit()?;
        Ok(rows)
    }

    pub fn outbox_release_claims(&self) -> Result<usize> {
        // The lease ends at the row's due time (past): due at once, and the next
        // claim still sees that an attempt was begun.
        Ok(self.conn.execute(
            "UPDATE outbox SET lease_until = next_attempt_at
             WHERE claimed_by = ?1 AND state = ?2 AND lease_until IS NOT NULL",
            params![self.claimant, OutboxState::Pending.as_str()],
        )?)
    }

    /// Every delivery of one complaint, newest first.
    pub fn outbox_of(&self, complaint_id: i64) -> Result<Vec<OutboxRow>> {
        let rows = self
            .conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM outbox o JOIN complaints c ON c.id = o.complaint_id
                 WHERE o.complaint_id = ?1 ORDER BY o.id DESC"
            ))?
            .query_map([complaint_id], row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Records a failed attempt and when to try again. Only a row still pending
    /// takes it: a late failure never undoes a delivery recorded meanwhile.
    pub fn outbox_attempt_failed(
        &self,
        id: i64,
        error: &str,
        next_attempt_at: DateTime<Utc>,
        give_up: bool,
    ) -> Result<()> {
        self.conn.execute(
            "UPDATE outbox SET attempts = attempts + 1, last_error = ?2, next_attempt_at = ?3,
                state = CASE WHEN ?4 THEN ?5 ELSE state END, lease_until = NULL
             WHERE id = ?1 AND state = ?6",
            params![
                id,
                error,
                to_sql(next_attempt_at),
                give_up,
                OutboxState::Failed.as_str(),
                OutboxState::Pending.as_str()
            ],
        )?;
        Ok(())
    }

    /// Pending and failed rows: what waits to be sent and why, oldest due first.
    pub fn outbox_waiting(&self, limit: usize) -> Result<Vec<OutboxRow>> {
        let rows = self
            .conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM outbox o JOIN complaints c ON c.id = o.complaint_id
                 WHERE o.state IN (?2, ?3)
                 ORDER BY o.state = ?2 DESC, o.next_attempt_at, o.id LIMIT ?1"
            ))?
            .query_map(
                params![
                    limit as i64,
                    OutboxState::Pending.as_str(),
                    OutboxState::Failed.as_str()
                ],
                row,
            )?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Makes a pending or failed row due now (the officer asked to send again).
    pub fn outbox_retry_now(&self, complaint_id: i64, now: DateTime<Utc>) -> Result<usize> {
        Ok(self.conn.execute(
            "UPDATE outbox SET state = ?3, next_attempt_at = ?2, lease_until = NULL
             WHERE complaint_id = ?1 AND state IN (?3, ?4)",
            params![
                complaint_id,
                to_sql(now),
                OutboxState::Pending.as_str(),
                OutboxState::Failed.as_str()
            ],
        )?)
    }
}
