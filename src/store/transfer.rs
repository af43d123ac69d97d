//! Moving a desk's history from its SQLite file into an empty PostgreSQL
//! database: every table copied row for row in one transaction, then counted and
//! checksummed on both sides before it commits. The file is only read.

use super::error::{Result, StoreError};
use super::location::ServerUrl;
use super::pg::PgStore;
use super::sqlite::SqliteStore;
use std::path::Path;

/// One stored value, as both backends hold it (integers and text only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Null,
    Int(i64),
    Text(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Int,
    Text,
}

/// A table as copied: its columns (the first is its key, in whose order rows are
/// read and checksummed).
pub struct Table {
    pub name: &'static str,
    pub columns: &'static [(&'static str, Kind)],
}

use Kind::{Int, Text};

/// What is copied, in an order the foreign keys accept. Generated columns (the
/// queue's clock, the search words) are computed again by the server.
pub const TABLES: [Table; 7] = [
    Table {
        name: "complaints",
        columns: &[
            ("id", Int),
            ("ref", Text),
            ("ref_year", Int),
            ("ref_seq", Int),
            ("stage", Text),
            ("applicant_kind", Text),
            ("applicant_name", Text),
            ("nip", Text),
            ("org", Text),
            ("npwp", Text),
            ("nib", Text),
            ("phone", Text),
            ("email", Text),
            ("channel", Text),
            ("category", Text),
            ("subject", Text),
            ("description", Text),
            ("user_id", Text),
            ("aju", Text),
            ("doc_type", Text),
            ("doc_status", Text),
            ("doc_submitted_at", Text),
            ("attachments", Text),
            ("received_at", Text),
            ("sla_deadline", Text),
            ("forwarded_at", Text),
            ("ticket_no", Text),
            ("ticketed_at", Text),
            ("linked_to", Text),
            ("handed_over_at", Text),
            ("handover_via", Text),
            ("resolved_at", Text),
            ("resolution_note", Text),
            ("cancelled_at", Text),
            ("cancel_reason", Text),
            ("notified_at", Text),
        ],
    },
    Table {
        name: "events",
        columns: &[
            ("id", Int),
            ("complaint_id", Int),
            ("at", Text),
            ("officer", Text),
            ("kind", Text),
            ("before", Text),
            ("after", Text),
            ("note", Text),
            ("desk", Text),
            ("written_at", Text),
            ("fields", Text),
            ("officer_name", Text),
        ],
    },
    Table {
        name: "outbox",
        columns: &[
            ("id", Int),
            ("complaint_id", Int),
            ("idempotency_key", Text),
            ("client", Text),
            ("payload", Text),
            ("state", Text),
            ("attempts", Int),
            ("next_attempt_at", Text),
            ("last_error", Text),
            ("ticket_no", Text),
            ("created_at", Text),
            ("sent_at", Text),
            ("claimed_by", Text),
            ("lease_until", Text),
        ],
    },
    Table {
        name: "calendar_changes",
        columns: &[
            ("id", Int),
            ("at", Text),
            ("officer", Text),
            ("desk", Text),
            ("action", Text),
            ("year", Int),
            ("day", Text),
            ("name", Text),
            ("cuti_bersama", Int),
            ("holidays", Text),
            ("officer_name", Text),
        ],
    },
    Table {
        name: "surveys",
        columns: &[
            ("complaint_id", Int),
            ("answers", Text),
            ("at", Text),
            ("officer", Text),
            ("officer_name", Text),
        ],
    },
    Table {
        name: "drafts",
        columns: &[("name", Text), ("body", Text), ("saved_at", Text)],
    },
    // The schema version is the target's own; the rest (calendar fingerprint,
    // demo count, purge state) travels with the data.
    Table {
        name: "meta",
        columns: &[("key", Text), ("value", Text)],
    },
];

/// Rows read or written at a time.
pub const PAGE: usize = 500;

/// A table's row count and checksum (FNV-1a over every value, in key order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Tally {
    pub rows: u64,
    pub checksum: u64,
}

impl Default for Tally {
    fn default() -> Tally {
        Tally {
            rows: 0,
            checksum: 0xcbf2_9ce4_8422_2325,
        }
    }
}

impl Tally {
    pub fn add(&mut self, row: &[Cell]) {
        self.rows += 1;
        let mut feed = |bytes: &[u8]| {
            for b in bytes {
                self.checksum ^= u64::from(*b);
                self.checksum = self.checksum.wrapping_mul(0x0100_0000_01b3);
            }
        };
        for c in row {
            match c {
                Cell::Null => feed(b"\x00"),
                Cell::Int(i) => {
                    feed(b"\x01");
                    feed(&i.to_le_bytes());
                }
                Cell::Text(t) => {
                    feed(b"\x02");
                    feed(&(t.len() as u64).to_le_bytes());
                    feed(t.as_bytes());
                }
            }
        }
    }
}

/// What one table's copy found on both sides.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Copied {
    pub table: &'static str,
    pub source: Tally,
    pub target: Tally,
}

/// Whether a row is the target's own (its schema version), not copied.
fn skipped(table: &Table, row: &[Cell]) -> bool {
    table.name == "meta" && row.first() == Some(&Cell::Text("schema_version".into()))
}

/// Copies the SQLite file at `from` into the empty database at `to`. Refuses a
/// target that holds complaints (or any events, outbox rows or drafts), and a
/// file at another schema version than this binary's (open it once with this
/// bcare-desk first). Nothing is committed unless every table's count and
/// checksum read back from the server match the file's. `progress` hears the
/// table at hand and how many rows of all are done: each row counts twice,
/// once copied and once read back.
pub fn sqlite_to_postgres(
    from: &Path,
    to: &ServerUrl,
    progress: &mut dyn FnMut(&'static str, u64, u64),
) -> Result<Vec<Copied>> {
    let source = SqliteStore::open_unchanged(from)?;
    let mut target = PgStore::open(to)?;
    let held = target.rows_held()?;
    if held > 0 {
        return Err(StoreError::Server {
            at: target.shown().to_string(),
            detail: format!(
                "already holds {held} row(s) of complaints, events, outbox or drafts; migrate only into an empty database"
            ),
        });
    }
    let mut total = 0;
    for table in &TABLES {
        total += 2 * source.rows_in(table)?;
    }
    let mut done = 0;
    let copied = target.copy_in(|sink| {
        let mut out = Vec::with_capacity(TABLES.len());
        for table in &TABLES {
            let mut tally = Tally::default();
            let mut after: Option<Cell> = None;
            loop {
                let page = source.page(table, after.as_ref(), PAGE)?;
                let Some(last) = page.last() else { break };
                after = last.first().cloned();
                done += page.len() as u64;
                let rows: Vec<Vec<Cell>> =
                    page.into_iter().filter(|r| !skipped(table, r)).collect();
                for r in &rows {
                    tally.add(r);
                }
                sink.insert(table, &rows)?;
                progress(table.name, done, total);
            }
            out.push(Copied {
                table: table.name,
                source: tally,
                target: Tally::default(),
            });
        }
        sink.renumber()?;
        for (copied, table) in out.iter_mut().zip(&TABLES) {
            let mut tally = Tally::default();
            let mut after: Option<Cell> = None;
            loop {
                let page = sink.page(table, after.as_ref(), PAGE)?;
                let Some(last) = page.last() else { break };
                after = last.first().cloned();
                for r in page.iter().filter(|r| !skipped(table, r)) {
                    tally.add(r);
                }
                done += page.len() as u64;
                progress(table.name, done, total);
            }
            copied.target = tally;
        }
        if let Some(bad) = out.iter().find(|c| c.source != c.target) {
            return Err(StoreError::Server {
                at: sink.shown().to_string(),
                detail: format!(
                    "{}: {} row(s) read from the file but {} on the server (or their contents differ); nothing was committed",
                    bad.table, bad.source.rows, bad.target.rows
                ),
            });
        }
        Ok(out)
    })?;
    // Statistics for the planner now, not when autovacuum comes round: the first
    // searches on the moved history are planned on them.
    target.analyze()?;
    Ok(copied)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checksum_sees_order_nulls_and_boundaries() {
        let sum = |rows: &[&[Cell]]| {
            let mut t = Tally::default();
            rows.iter().for_each(|r| t.add(r));
            t
        };
        let a = Cell::Text("ab".into());
        let b = Cell::Text("c".into());
        let ab_c = sum(&[&[a.clone(), b.clone()]]);
        let a_bc = sum(&[&[Cell::Text("a".into()), Cell::Text("bc".into())]]);
        assert_ne!(ab_c, a_bc, "where one value ends counts");
        assert_ne!(
            sum(&[&[Cell::Null]]),
            sum(&[&[Cell::Text(String::new())]]),
            "NULL is not ''"
        );
        let (one, two) = ([a.clone()], [b.clone()]);
        assert_ne!(sum(&[&one, &two]), sum(&[&[b], &[a]]));
        assert_eq!(sum(&[&[Cell::Int(7)]]).rows, 1);
    }
}
