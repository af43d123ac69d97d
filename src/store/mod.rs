//! The only module that speaks SQL. One SQLite file: WAL, `synchronous=FULL`
//! (a complaint typed in cannot be fetched again), foreign keys on, 0600.

mod complaints;
mod drafts;
mod history;
mod maintenance;
mod outbox;
mod schema;
mod time;
mod watch;

pub use complaints::{Change, IntakeRecord, ListQuery, NewEvent, QueueCounts, QueueKey};
pub use outbox::{DeliveredTicket, Delivery, NewOutbox, OutboxRow, OutboxState};
pub use schema::VERSION as SCHEMA_VERSION;

use rusqlite::{Connection, OpenFlags};
use std::fs;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Errors a caller branches on; the rest are SQLite's own.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "{path}: the database was written by a newer bcare-desk (schema {found}, this one knows up to {known}); use the newer version"
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error(
        "{path}: not a bcare-desk database, or damaged ({detail}). Restore a copy made with `bcare-desk backup PATH` (move this file away first), or open another file with --db"
    )]
    Damaged { path: PathBuf, detail: String },
    #[error("{0}: no such complaint")]
    NotFound(String),
    #[error(
        "{0}: the complaint changed meanwhile (another window or the BCare worker); look again"
    )]
    Conflict(String),
    #[error("{context}: {source}")]
    Io {
        context: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
}

pub type Result<T> = std::result::Result<T, StoreError>;

pub struct Store {
    conn: Connection,
    path: PathBuf,
}

fn io(context: String) -> impl FnOnce(std::io::Error) -> StoreError {
    move |source| StoreError::Io { context, source }
}

impl Store {
    /// Opens (creating when missing) the database at `path`, checks it and brings its
    /// schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
            && !dir.exists()
        {
            fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(dir)
                .map_err(io(format!("creating {}", dir.display())))?;
        }
        if !path.exists() {
            // Create it 0600 before SQLite does, so it is never readable by others.
            fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(path)
                .map_err(io(format!("creating {}", path.display())))?;
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let store = Store {
            conn,
            path: path.to_path_buf(),
        };
        store.configure().map_err(|e| store.damaged(e))?;
        store.check_and_migrate()?;
        store.tighten_permissions()?;
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn damaged(&self, e: rusqlite::Error) -> StoreError {
        match e {
            rusqlite::Error::SqliteFailure(f, _)
                if matches!(
                    f.code,
                    rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt
                ) =>
            {
                StoreError::Damaged {
                    path: self.path.clone(),
                    detail: e.to_string(),
                }
            }
            other => StoreError::Sqlite(other),
        }
    }

    fn configure(&self) -> rusqlite::Result<()> {
        self.conn.busy_timeout(Duration::from_secs(5))?;
        let mode: String = self
            .conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            tracing::warn!("journal mode is {mode}, not WAL");
        }
        self.conn.execute_batch(
            "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;
             PRAGMA cache_size = -32000;",
        )
    }

    fn check_and_migrate(&self) -> Result<()> {
        let version: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| self.damaged(e))?;
        if version > schema::VERSION {
            return Err(StoreError::NewerSchema {
                path: self.path.clone(),
                found: version,
                known: schema::VERSION,
            });
        }
        let check: String = self
            .conn
            .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
            .map_err(|e| self.damaged(e))?;
        if check != "ok" {
            return Err(StoreError::Damaged {
                path: self.path.clone(),
                detail: check,
            });
        }
        if version < schema::VERSION {
            let tx = self.conn.unchecked_transaction()?;
            for (i, step) in schema::MIGRATIONS.iter().enumerate().skip(version as usize) {
                tx.execute_batch(step)?;
                tx.pragma_update(None, "user_version", i as i64 + 1)?;
            }
            tx.commit()?;
        }
        Ok(())
    }

    fn tighten_permissions(&self) -> Result<()> {
        for suffix in ["", "-wal", "-shm"] {
            let mut p = self.path.clone().into_os_string();
            p.push(suffix);
            let p = PathBuf::from(p);
            if p.exists() {
                fs::set_permissions(&p, fs::Permissions::from_mode(0o600))
                    .map_err(io(format!("setting permissions of {}", p.display())))?;
            }
        }
        Ok(())
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()?)
    }

    pub fn set_meta(&self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests;
