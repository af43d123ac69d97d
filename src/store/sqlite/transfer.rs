//! Reading the file's tables for a move to PostgreSQL (see `store::transfer`).

use super::SqliteStore;
use crate::store::transfer::{Cell, Table};
use crate::store::{Result, StoreError};
use rusqlite::types::ValueRef;
use std::path::Path;

impl SqliteStore {
    /// Opens the file read-only for copying out, and never upgrades it: a file at
    /// another schema version is refused with what to do.
    pub fn open_unchanged(path: &Path) -> Result<SqliteStore> {
        if !super::regular_file(path)? {
            return Err(StoreError::NoDatabase(path.to_path_buf()));
        }
        let store = SqliteStore::connect(
            path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        match store.identify()? {
            super::Identity::Desk(v) if v == super::schema::VERSION => Ok(store),
            super::Identity::Desk(found) | super::Identity::DeskUnmarked(found) => {
                Err(StoreError::NeedsUpgrade {
                    path: path.to_path_buf(),
                    found,
                    known: super::schema::VERSION,
                })
            }
            super::Identity::Empty => Err(StoreError::Damaged {
                path: path.to_path_buf(),
                detail: "no bcare-desk tables in it".into(),
            }),
        }
    }

    /// How many rows `table` holds.
    pub fn rows_in(&self, table: &Table) -> Result<u64> {
        let n: i64 =
            self.conn
                .query_row(&format!("SELECT COUNT(*) FROM {}", table.name), [], |r| {
                    r.get(0)
                })?;
        Ok(n.max(0) as u64)
    }

    /// Up to `limit` rows of `table` after the key `after`, in key order.
    pub fn page(
        &self,
        table: &Table,
        after: Option<&Cell>,
        limit: usize,
    ) -> Result<Vec<Vec<Cell>>> {
        let cols: Vec<&str> = table.columns.iter().map(|(c, _)| *c).collect();
        let key = cols[0];
        // Two texts, so that each reads its page from the key's index.
        let filter = if after.is_some() {
            "WHERE {key} > ?1"
        } else {
            "WHERE ?1 IS NULL"
        };
        let sql = format!(
            "SELECT {} FROM {} {} ORDER BY {key} LIMIT ?2",
            cols.join(", "),
            table.name,
            filter.replace("{key}", key)
        );
        let after: rusqlite::types::Value = match after {
            None | Some(Cell::Null) => rusqlite::types::Value::Null,
            Some(Cell::Int(i)) => rusqlite::types::Value::Integer(*i),
            Some(Cell::Text(t)) => rusqlite::types::Value::Text(t.clone()),
        };
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt
            .query_map(rusqlite::params![after, limit as i64], |r| {
                (0..cols.len())
                    .map(|i| {
                        Ok(match r.get_ref(i)? {
                            ValueRef::Null => Cell::Null,
                            ValueRef::Integer(n) => Cell::Int(n),
                            ValueRef::Text(t) => {
                                Cell::Text(String::from_utf8_lossy(t).into_owned())
                            }
                            ValueRef::Real(f) => Cell::Text(f.to_string()),
                            ValueRef::Blob(b) => {
                                Cell::Text(String::from_utf8_lossy(b).into_owned())
                            }
                        })
                    })
                    .collect::<rusqlite::Result<Vec<Cell>>>()
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }
}
