//! What is read back from CEISACare's gateway (see the SQLite twin).

use super::complaints::insert_event;
use super::records::{stage, text};
use super::{PgStore, server_error};
use crate::domain::complaint::Stage;
use crate::store::Result;
use crate::store::model::*;

impl PgStore {
    /// See `Store::ticket_found`.
    pub fn ticket_found(
        &self,
        reference: &str,
        ticket_no: &str,
        event: &NewEvent,
        may_ticket: impl FnOnce(Stage, Option<&str>) -> bool,
    ) -> Result<bool> {
        let at = self.at.clone();
        let e = |e| server_error(&at, e);
        self.write(|tx, w| {
            // Locked until commit: a number typed meanwhile on another desk is seen.
            let Some(r) = tx
                .query_opt(
                    "SELECT id, stage, ticket_no FROM complaints WHERE ref = $1 FOR UPDATE",
                    &[&reference],
                )
                .map_err(e)?
            else {
                return Ok(false);
            };
            let id: i64 = r.get(0);
            let recorded: Option<String> = r.get(2);
            if !may_ticket(stage(&r, 1)?, recorded.as_deref()) {
                return Ok(false);
            }
            tx.execute(
                "UPDATE complaints SET stage = $4, ticket_no = $2,
                    ticketed_at = COALESCE(ticketed_at, $3)
                 WHERE id = $1",
                &[&id, &ticket_no, &text(event.at), &Stage::Ticketed.as_str()],
            )
            .map_err(e)?;
            insert_event(tx, w, id, event)?;
            Ok(true)
        })
    }

    /// See `Store::import_ticket_events`.
    pub fn import_ticket_events(&self, ticket_no: &str, events: &[ImportedEvent]) -> Result<usize> {
        let at = self.at.clone();
        let e = |e| server_error(&at, e);
        self.write(|tx, w| {
            let Some(r) = tx
                .query_opt(
                    "SELECT id FROM complaints WHERE ticket_no = $1
                     ORDER BY linked_to IS NOT NULL, id LIMIT 1 FOR UPDATE",
                    &[&ticket_no],
                )
                .map_err(e)?
            else {
                return Ok(0);
            };
            let id: i64 = r.get(0);
            let mut added = 0;
            for i in events {
                let ev = &i.event;
                let there: bool = tx
                    .query_one(
                        "SELECT EXISTS (SELECT 1 FROM events WHERE complaint_id = $1 AND kind = $2
                            AND after IS NOT DISTINCT FROM $3 AND note IS NOT DISTINCT FROM $4
                            AND (NOT $5 OR at = $6))",
                        &[&id, &ev.kind, &ev.after, &ev.note, &i.timed, &text(ev.at)],
                    )
                    .map_err(e)?
                    .get(0);
                if !there {
                    insert_event(tx, w, id, ev)?;
                    added += 1;
                }
            }
            Ok(added)
        })
    }
}
