//! Retention (UU PDP No. 27/2022): the personal data of complaints closed long ago is
//! removed so that it stays readable nowhere in the file — not in the row, not in the
//! full-text index, not in free pages, not in the WAL.
//!
//! Events are append-only: triggers refuse UPDATE and DELETE. Their notes can hold
//! personal text (intake warnings, resolution notes, cancel reasons, the officer's words
//! on a handover; see `domain::redact`), so the purge — and only the purge — lifts the
//! UPDATE trigger inside its own transaction, blanks those notes of the complaints it
//! purges, and puts the trigger back exactly as it was (its text read from the schema)
//! before committing. Nothing else changes in an event; DELETE stays refused throughout.

use super::SqliteStore;
use super::complaints::{insert_event, stage_list};
use super::time::{from_sql, to_sql};
use crate::domain::complaint::Stage;
use crate::domain::redact;
use crate::store::Result;
use crate::store::model::*;
use chrono::{DateTime, Utc};
use rusqlite::{TransactionBehavior, params};

/// Set in the purge's transaction, cleared once VACUUM and the checkpoint went through.
const CLEANUP_PENDING: &str = "purge_cleanup_pending";
const EVENTS_UPDATE_TRIGGER: &str = "events_append_only_update";

impl SqliteStore {
    /// Complaints resolved or cancelled before `closed_before` and not yet purged, oldest
    /// first.
    pub fn purge_candidates(&self, closed_before: DateTime<Utc>) -> Result<Vec<PurgeCandidate>> {
        let rows = self
            .conn
            .prepare_cached(
                "SELECT c.id, c.ref, COALESCE(c.resolved_at, c.cancelled_at) AS closed
                 FROM complaints c
                 WHERE c.stage IN (SELECT value FROM json_each(?2)) AND closed < ?1
                   AND NOT EXISTS (SELECT 1 FROM events e
                                   WHERE e.complaint_id = c.id AND e.kind = ?3)
                 ORDER BY closed, c.id",
            )?
            .query_map(
                params![
                    to_sql(closed_before),
                    stage_list([Stage::Resolved, Stage::Cancelled]),
                    PURGED_EVENT
                ],
                |r| {
                    Ok(PurgeCandidate {
                        id: r.get(0)?,
                        reference: r.get(1)?,
                        closed_at: from_sql(&r.get::<_, String>(2)?)?,
                    })
                },
            )?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Removes the personal data of `candidates` (each gets `event`), and drafts saved
    /// before `closed_before`; then rebuilds the search index and the file and empties
    /// the WAL, so the removed text is gone from the disk file too.
    pub fn purge(
        &mut self,
        candidates: &[PurgeCandidate],
        closed_before: DateTime<Utc>,
        event: &NewEvent,
    ) -> Result<Purged> {
        // Freed space is overwritten with zeros, not left readable.
        self.conn.pragma_update(None, "secure_delete", "ON")?;
        let mut out = Purged::default();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let trigger: String = tx.query_row(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1",
            [EVENTS_UPDATE_TRIGGER],
            |r| r.get(0),
        )?;
        tx.execute_batch(&format!("DROP TRIGGER {EVENTS_UPDATE_TRIGGER}"))?;
        for c in candidates {
            tx.execute(
                "UPDATE complaints SET applicant_name = '', nip = NULL, org = NULL, npwp = NULL,
                    nib = NULL, phone = NULL, email = NULL, subject = '', description = '',
                    user_id = NULL, aju = '', doc_status = NULL, attachments = '[]',
                    resolution_note = NULL, cancel_reason = NULL
                 WHERE id = ?1",
                [c.id],
            )?;
            let notes: Vec<(i64, String, Option<String>)> = tx
                .prepare_cached("SELECT id, kind, note FROM events WHERE complaint_id = ?1")?
                .query_map([c.id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<rusqlite::Result<_>>()?;
            for (id, kind, note) in notes {
                let kept = redact::event_note(&kind, note.as_deref());
                if kept != note {
                    tx.execute(
                        "UPDATE events SET note = ?2, fields = NULL WHERE id = ?1",
                        params![id, kept],
                    )?;
                    out.events_blanked += 1;
                }
            }
            tx.execute(
                "UPDATE outbox SET payload = '{}', last_error = NULL WHERE complaint_id = ?1",
                [c.id],
            )?;
            insert_event(&tx, &self.desk, c.id, event)?;
            out.complaints += 1;
        }
        tx.execute_batch(&trigger)?;
        out.drafts = tx.execute(
            "DELETE FROM drafts WHERE saved_at < ?1",
            [to_sql(closed_before)],
        )?;
        if out.complaints > 0 {
            // The index is external-content: rebuilding it from the rows drops every
            // segment that still held the removed words.
            tx.execute(
                "INSERT INTO complaints_fts (complaints_fts) VALUES ('rebuild')",
                [],
            )?;
        }
        if out.complaints + out.drafts > 0 {
            tx.execute(
                "INSERT INTO meta (key, value) VALUES (?1, '1')
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [CLEANUP_PENDING],
            )?;
        }
        tx.commit()?;
        out.file_cleared = self.clear_file()?;
        self.conn.pragma_update(None, "secure_delete", "OFF")?;
        Ok(out)
    }

    /// Rewrites the file (VACUUM) and empties the WAL when a purge left work for it.
    /// False when the WAL could not be emptied (another connection reads it).
    fn clear_file(&self) -> Result<bool> {
        if self.meta(CLEANUP_PENDING)?.is_none() {
            return Ok(true);
        }
        match self.conn.execute_batch("VACUUM") {
            Err(rusqlite::Error::SqliteFailure(f, _))
                if matches!(
                    f.code,
                    rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                ) =>
            {
                tracing::warn!("purge: the database is in use; the file is rebuilt next time");
                return Ok(false);
            }
            other => other?,
        }
        let (busy, _, _): (i64, i64, i64) =
            self.conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })?;
        if busy != 0 {
            tracing::warn!("purge: the WAL is in use by another connection; not emptied yet");
            return Ok(false);
        }
        self.conn
            .execute("DELETE FROM meta WHERE key = ?1", [CLEANUP_PENDING])?;
        // The delete above went to the WAL: empty it again.
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(true)
    }
}
