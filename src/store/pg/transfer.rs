//! Writing a moved desk's tables into PostgreSQL (see `store::transfer`).

use super::{PgStore, server_error};
use crate::store::Result;
use crate::store::transfer::{Cell, Kind, Table};
use postgres::Transaction;
use postgres::types::ToSql;

/// The target's transaction while a copy runs.
pub struct Sink<'a, 'b> {
    tx: &'a mut Transaction<'b>,
    at: &'a str,
}

impl PgStore {
    /// Rows the desk would lose sight of if a copy went in on top of them.
    pub fn rows_held(&self) -> Result<i64> {
        self.read(|c| {
            Ok(c.query_one(
                "SELECT (SELECT COUNT(*) FROM complaints) + (SELECT COUNT(*) FROM events)
                      + (SELECT COUNT(*) FROM outbox) + (SELECT COUNT(*) FROM drafts)
                      + (SELECT COUNT(*) FROM calendar_changes)",
                &[],
            )
            .map_err(self.err())?
            .get(0))
        })
    }

    /// Gathers the planner's statistics of every table.
    pub fn analyze(&self) -> Result<()> {
        self.simple("ANALYZE")
    }

    /// Runs a copy in one transaction: committed only if `f` succeeds.
    /// The records keep their officers as they were written (the server writes
    /// the session's role only on new ones): the tables' owner moves them.
    pub fn copy_in<T>(&mut self, f: impl FnOnce(&mut Sink) -> Result<T>) -> Result<T> {
        self.write(|tx, w| {
            tx.batch_execute("SET LOCAL bcare_desk.keep_officer = 'on'")
                .map_err(|e| server_error(w.at, e))?;
            f(&mut Sink { tx, at: w.at })
        })
    }
}

impl Sink<'_, '_> {
    pub fn shown(&self) -> &str {
        self.at
    }

    /// Inserts rows as they are, ids included (a table's key may be given).
    pub fn insert(&mut self, table: &Table, rows: &[Vec<Cell>]) -> Result<()> {
        if rows.is_empty() {
            return Ok(());
        }
        let cols: Vec<&str> = table.columns.iter().map(|(c, _)| *c).collect();
        let n = cols.len();
        let values: Vec<String> = (0..rows.len())
            .map(|r| {
                let ps: Vec<String> = (1..=n).map(|c| format!("${}", r * n + c)).collect();
                format!("({})", ps.join(", "))
            })
            .collect();
        let sql = format!(
            "INSERT INTO {} ({}) VALUES {}{}",
            table.name,
            cols.join(", "),
            values.join(", "),
            // The target's own schema version stays.
            if table.name == "meta" {
                " ON CONFLICT (key) DO NOTHING"
            } else {
                ""
            }
        );
        let bound: Vec<Box<dyn ToSql + Sync>> = rows
            .iter()
            .flat_map(|r| r.iter().zip(table.columns))
            .map(|(cell, (_, kind))| bind(cell, *kind))
            .collect();
        let params: Vec<&(dyn ToSql + Sync)> = bound.iter().map(|b| b.as_ref()).collect();
        self.tx
            .execute(&sql, &params)
            .map_err(|e| server_error(self.at, e))?;
        Ok(())
    }

    /// After ids were given: new rows continue after the highest, and each year's
    /// reference counter after its highest number.
    pub fn renumber(&mut self) -> Result<()> {
        self.tx
            .batch_execute(
                "SELECT setval(pg_get_serial_sequence(t, 'id'), m, m IS NOT NULL OR false)
                 FROM (SELECT 'complaints' AS t, (SELECT MAX(id) FROM complaints) AS m
                       UNION ALL SELECT 'events', (SELECT MAX(id) FROM events)
                       UNION ALL SELECT 'outbox', (SELECT MAX(id) FROM outbox)
                       UNION ALL SELECT 'calendar_changes', (SELECT MAX(id) FROM calendar_changes)) s
                 WHERE m IS NOT NULL;
                 INSERT INTO ref_counters (year, last)
                 SELECT ref_year, MAX(ref_seq) FROM complaints GROUP BY ref_year
                 ON CONFLICT (year) DO UPDATE SET last = GREATEST(ref_counters.last, excluded.last);",
            )
            .map_err(|e| server_error(self.at, e))
    }

    /// Up to `limit` rows of `table` after the key `after`, in key order, as the
    /// copy's transaction sees them.
    pub fn page(
        &mut self,
        table: &Table,
        after: Option<&Cell>,
        limit: usize,
    ) -> Result<Vec<Vec<Cell>>> {
        let cols: Vec<&str> = table.columns.iter().map(|(c, _)| *c).collect();
        let (key, key_kind) = table.columns[0];
        let cast = match key_kind {
            Kind::Int => "bigint",
            Kind::Text => "text",
        };
        // Text keys compared and ordered bytewise, as SQLite does.
        let key = match key_kind {
            Kind::Int => key.to_string(),
            Kind::Text => format!("{key} COLLATE \"C\""),
        };
        let filter = if after.is_some() {
            format!("{key} > $1::{cast}")
        } else {
            format!("$1::{cast} IS NULL")
        };
        let sql = format!(
            "SELECT {} FROM {} WHERE {filter} ORDER BY {key} LIMIT $2",
            cols.join(", "),
            table.name,
        );
        let after = bind(after.unwrap_or(&Cell::Null), key_kind);
        let rows = self
            .tx
            .query(&sql, &[after.as_ref(), &(limit as i64)])
            .map_err(|e| server_error(self.at, e))?;
        rows.iter()
            .map(|r| {
                table
                    .columns
                    .iter()
                    .enumerate()
                    .map(|(i, (_, kind))| {
                        Ok(match kind {
                            Kind::Int => r
                                .try_get::<_, Option<i64>>(i)
                                .map_err(|e| server_error(self.at, e))?
                                .map_or(Cell::Null, Cell::Int),
                            Kind::Text => r
                                .try_get::<_, Option<String>>(i)
                                .map_err(|e| server_error(self.at, e))?
                                .map_or(Cell::Null, Cell::Text),
                        })
                    })
                    .collect()
            })
            .collect()
    }
}

fn bind(cell: &Cell, kind: Kind) -> Box<dyn ToSql + Sync> {
    match (cell, kind) {
        (Cell::Int(i), _) => Box::new(*i),
        (Cell::Text(t), _) => Box::new(t.clone()),
        (Cell::Null, Kind::Int) => Box::new(None::<i64>),
        (Cell::Null, Kind::Text) => Box::new(None::<String>),
    }
}
