//! What is read back from CEISACare's gateway: a ticket number found for a
//! forwarded complaint, and Dir. IKC's steps and answers imported once into the
//! timeline of the complaint that filed the ticket.

use super::SqliteStore;
use super::complaints::insert_event;
use super::time::to_sql;
use crate::domain::complaint::Stage;
use crate::store::model::*;
use crate::store::{Result, StoreError};
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

impl SqliteStore {
    /// See `Store::ticket_found`.
    pub fn ticket_found(
        &self,
        reference: &str,
        ticket_no: &str,
        event: &NewEvent,
        may_ticket: impl FnOnce(Stage, Option<&str>) -> bool,
    ) -> Result<bool> {
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let row: Option<(i64, String, Option<String>)> = tx
            .query_row(
                "SELECT id, stage, ticket_no FROM complaints WHERE ref = ?1",
                [reference],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((id, stage_text, recorded)) = row else {
            return Ok(false);
        };
        let stage = Stage::parse(&stage_text).ok_or_else(|| {
            StoreError::Sqlite(rusqlite::Error::InvalidColumnType(
                1,
                format!("stage {stage_text:?}"),
                rusqlite::types::Type::Text,
            ))
        })?;
        if !may_ticket(stage, recorded.as_deref()) {
            return Ok(false);
        }
        tx.execute(
            "UPDATE complaints SET stage = ?4, ticket_no = ?2, ticketed_at = COALESCE(ticketed_at, ?3)
             WHERE id = ?1",
            params![id, ticket_no, to_sql(event.at), Stage::Ticketed.as_str()],
        )?;
        insert_event(&tx, &self.desk, id, event)?;
        tx.commit()?;
        Ok(true)
    }

    /// See `Store::import_ticket_events`.
    pub fn import_ticket_events(&self, ticket_no: &str, events: &[ImportedEvent]) -> Result<usize> {
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let id: Option<i64> = tx
            .query_row(
                "SELECT id FROM complaints WHERE ticket_no = ?1
                 ORDER BY linked_to IS NOT NULL, id LIMIT 1",
                [ticket_no],
                |r| r.get(0),
            )
            .optional()?;
        let Some(id) = id else { return Ok(0) };
        let mut added = 0;
        for i in events {
            let e = &i.event;
            let there: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM events WHERE complaint_id = ?1 AND kind = ?2
                    AND after IS ?3 AND note IS ?4 AND (?5 = 0 OR at = ?6))",
                params![id, e.kind, e.after, e.note, i.timed, to_sql(e.at)],
                |r| r.get(0),
            )?;
            if !there {
                insert_event(&tx, &self.desk, id, e)?;
                added += 1;
            }
        }
        tx.commit()?;
        Ok(added)
    }
}
