//! Retention on PostgreSQL (the twin of `sqlite::retention`): the personal data of
//! complaints closed long ago is removed from the rows and then from the table
//! files, which `VACUUM FULL` rewrites without the old row versions.
//!
//! Events are append-only (triggers refuse UPDATE, DELETE and TRUNCATE). The purge
//! — and only the purge — disables the UPDATE trigger inside its own transaction,
//! blanks the personal notes of the complaints it purges, and enables it again
//! before committing. `ALTER TABLE` is transactional here: a purge that fails
//! leaves the trigger as it was. DELETE stays refused throughout.

use super::complaints::insert_event;
use super::records::{at, col, stage_names, text};
use super::{PgStore, server_error};
use crate::domain::complaint::Stage;
use crate::domain::redact;
use crate::store::Result;
use crate::store::model::*;
use chrono::{DateTime, Utc};
use postgres::error::SqlState;
use std::collections::HashSet;

/// Set in the purge's transaction (to its transaction id), cleared once VACUUM
/// FULL went through with no older snapshot left to keep the old rows.
const CLEANUP_PENDING: &str = "purge_cleanup_pending";

/// The tables that hold personal data, rewritten by VACUUM FULL after a purge.
const PERSONAL_TABLES: &str = "complaints, events, outbox, drafts";

/// How long VACUUM FULL waits for another desk's open transaction on these tables
/// before giving up (the next purge finishes the job).
const VACUUM_LOCK_WAIT: &str = "10s";

impl PgStore {
    /// Complaints resolved or cancelled before `closed_before` and not yet purged,
    /// oldest first.
    pub fn purge_candidates(&self, closed_before: DateTime<Utc>) -> Result<Vec<PurgeCandidate>> {
        let rows = self.read(|c| {
            c.query(
                "SELECT c.id, c.ref, COALESCE(c.resolved_at, c.cancelled_at) AS closed
                 FROM complaints c
                 WHERE c.stage = ANY($2) AND COALESCE(c.resolved_at, c.cancelled_at) < $1
                   AND NOT EXISTS (SELECT 1 FROM events e
                                   WHERE e.complaint_id = c.id AND e.kind = $3)
                 ORDER BY closed, c.id",
                &[
                    &text(closed_before),
                    &stage_names([Stage::Resolved, Stage::Cancelled]),
                    &PURGED_EVENT,
                ],
            )
            .map_err(self.err())
        })?;
        rows.iter()
            .map(|r| {
                Ok(PurgeCandidate {
                    id: col(r, 0)?,
                    reference: col(r, 1)?,
                    closed_at: at(r, 2)?,
                })
            })
            .collect()
    }

    /// Removes the personal data of `candidates` (each gets `event`), and drafts
    /// saved before `closed_before`; then rewrites the tables so the removed text
    /// is gone from their files too.
    pub fn purge(
        &mut self,
        candidates: &[PurgeCandidate],
        closed_before: DateTime<Utc>,
        event: &NewEvent,
    ) -> Result<Purged> {
        let server = self.at.clone();
        let e = |e| server_error(&server, e);
        let mut out = self.write(|tx, w| {
            let mut out = Purged::default();
            let ids: Vec<i64> = candidates.iter().map(|c| c.id).collect();
            // Rows in the order every other writer takes them — an outbox row
            // before its complaint (a delivery), a complaint before the events
            // table (every step) — so the purge and another desk cannot deadlock.
            tx.execute(
                "SELECT id FROM outbox WHERE complaint_id = ANY($1) ORDER BY id FOR UPDATE",
                &[&ids],
            )
            .map_err(e)?;
            tx.execute(
                "SELECT id FROM complaints WHERE id = ANY($1) ORDER BY id FOR UPDATE",
                &[&ids],
            )
            .map_err(e)?;
            // Read after the locks, in a fresh snapshot: a complaint another desk
            // purged meanwhile is not purged twice.
            let already: HashSet<i64> = tx
                .query(
                    "SELECT DISTINCT complaint_id FROM events
                     WHERE complaint_id = ANY($1) AND kind = $2",
                    &[&ids, &PURGED_EVENT],
                )
                .map_err(e)?
                .iter()
                .map(|r| col(r, 0))
                .collect::<Result<_>>()?;
            let todo: Vec<&PurgeCandidate> = candidates
                .iter()
                .filter(|c| !already.contains(&c.id))
                .collect();
            if !todo.is_empty() {
                tx.batch_execute("ALTER TABLE events DISABLE TRIGGER events_append_only_update")
                    .map_err(e)?;
            }
            let blank = tx
                .prepare(
                    "UPDATE complaints SET applicant_name = '', nip = NULL, org = NULL,
                        npwp = NULL, nib = NULL, phone = NULL, email = NULL, subject = '',
                        description = '', user_id = NULL, aju = '', doc_status = NULL,
                        attachments = '[]', resolution_note = NULL, cancel_reason = NULL
                     WHERE id = $1",
                )
                .map_err(e)?;
            let notes = tx
                .prepare("SELECT id, kind, note FROM events WHERE complaint_id = $1")
                .map_err(e)?;
            let set_note = tx
                .prepare("UPDATE events SET note = $2, fields = NULL WHERE id = $1")
                .map_err(e)?;
            let payloads = tx
                .prepare(
                    "UPDATE outbox SET payload = '{}', last_error = NULL WHERE complaint_id = $1",
                )
                .map_err(e)?;
            for c in todo.iter() {
                tx.execute(&blank, &[&c.id]).map_err(e)?;
                for r in tx.query(&notes, &[&c.id]).map_err(e)? {
                    let (id, kind, note): (i64, String, Option<String>) =
                        (col(&r, 0)?, col(&r, 1)?, col(&r, 2)?);
                    let kept = redact::event_note(&kind, note.as_deref());
                    if kept != note {
                        tx.execute(&set_note, &[&id, &kept]).map_err(e)?;
                        out.events_blanked += 1;
                    }
                }
                tx.execute(&payloads, &[&c.id]).map_err(e)?;
                insert_event(tx, w, c.id, event)?;
                out.complaints += 1;
            }
            if !todo.is_empty() {
                tx.batch_execute("ALTER TABLE events ENABLE TRIGGER events_append_only_update")
                    .map_err(e)?;
            }
            out.drafts = tx
                .execute(
                    "DELETE FROM drafts WHERE saved_at < $1",
                    &[&text(closed_before)],
                )
                .map_err(e)? as usize;
            if out.complaints + out.drafts > 0 {
                tx.execute(
                    "INSERT INTO meta (key, value) VALUES ($1, txid_current()::text)
                     ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    &[&CLEANUP_PENDING],
                )
                .map_err(e)?;
            }
            Ok(out)
        })?;
        out.file_cleared = self.clear_files()?;
        Ok(out)
    }

    /// Rewrites the tables (VACUUM FULL) when a purge left work for it. False when
    /// it could not: another desk kept a table busy, or this role may not rewrite
    /// them (PostgreSQL then skips a table with only a warning).
    fn clear_files(&self) -> Result<bool> {
        let Some(purged_in) = self.meta(CLEANUP_PENDING)? else {
            return Ok(true);
        };
        let may: bool = self.read(|c| {
            col(
                &c.query_one(
                    "SELECT COALESCE(bool_and(pg_has_role(relowner, 'USAGE')), FALSE)
                        OR (SELECT pg_has_role(datdba, 'USAGE') FROM pg_database
                            WHERE datname = current_database())
                     FROM pg_class
                     WHERE oid IN ('complaints'::regclass, 'events'::regclass,
                                   'outbox'::regclass, 'drafts'::regclass)",
                    &[],
                )
                .map_err(self.err())?,
                0,
            )
        })?;
        if !may {
            tracing::warn!(
                "purge: this role does not own the tables; their files are rewritten by a purge run as their owner"
            );
            return Ok(false);
        }
        // VACUUM FULL copies the old version of a row that a snapshot older than
        // the purge may still read: such a snapshot now means the text stays.
        let held = self.older_snapshots(purged_in.parse().ok())?;
        // Outside any transaction (VACUUM refuses one): the sync client sends each
        // batch in autocommit.
        self.simple(&format!("SET lock_timeout = '{VACUUM_LOCK_WAIT}'"))?;
        let vacuum = self
            .client
            .borrow_mut()
            .batch_execute(&format!("VACUUM FULL {PERSONAL_TABLES}"));
        self.simple("RESET lock_timeout")?;
        match vacuum {
            Err(err) if err.code() == Some(&SqlState::LOCK_NOT_AVAILABLE) => {
                tracing::warn!("purge: the tables are in use by another desk; rewritten next time");
                return Ok(false);
            }
            other => other.map_err(self.err())?,
        }
        if held > 0 {
            tracing::warn!(
                sessions = held,
                "purge: another session reads a snapshot older than the purge; the tables are rewritten again next time"
            );
            return Ok(false);
        }
        self.read(|c| {
            c.execute("DELETE FROM meta WHERE key = $1", &[&CLEANUP_PENDING])
                .map_err(self.err())
        })?;
        Ok(true)
    }

    /// How many other sessions of this database (or standbys, replication slots) hold a
    /// snapshot or a transaction not newer than the purge's transaction `purged_in`
    /// (any, when unknown). Counted before VACUUM: a snapshot begun later sees
    /// the rows purged already. A session of another role is seen only with
    /// `pg_read_all_stats`.
    fn older_snapshots(&self, purged_in: Option<i64>) -> Result<usize> {
        let rows = self.read(|c| {
            c.query(
                "SELECT backend_xmin::text, backend_xid::text FROM pg_stat_activity
                 WHERE pid <> pg_backend_pid() AND backend_type <> 'autovacuum worker'
                   AND (datname = current_database() OR backend_type = 'walsender')
                 UNION ALL
                 SELECT xmin::text, NULL FROM pg_replication_slots WHERE xmin IS NOT NULL",
                &[],
            )
            .map_err(self.err())
        })?;
        // Transaction ids compare modulo 2^32, as PostgreSQL compares them.
        let purge = purged_in.map(|t| (t & 0xffff_ffff) as u32);
        let not_newer = |x: &str| match (x.parse::<u32>(), purge) {
            (Ok(x), Some(p)) => p.wrapping_sub(x) < 1 << 31,
            _ => true,
        };
        let mut held = 0;
        for r in &rows {
            let (xmin, xid): (Option<String>, Option<String>) = (col(r, 0)?, col(r, 1)?);
            if xmin.iter().chain(xid.iter()).any(|x| not_newer(x)) {
                held += 1;
            }
        }
        Ok(held)
    }
}
