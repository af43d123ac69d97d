//! The only module that speaks SQLite's SQL. One SQLite file: WAL, `synchronous=FULL`
//! (a complaint typed in cannot be fetched again), foreign keys on, created 0600.
//!
//! Opening is cheap on purpose: it reads the header's application id and schema
//! version and migrates; the full integrity check is `integrity_check`, run by
//! `bcare-desk check` and in the background by the desk screen. Every write
//! transaction begins IMMEDIATE, so a second writer waits under the busy timeout
//! instead of failing when a read would have to be upgraded to a write.

mod bulk;
mod calendar;
mod complaints;
mod delivery;
mod drafts;
mod followup;
mod gateway;
mod history;
mod incident;
mod maintenance;
mod outbox;
mod report;
mod retention;
mod schema;
mod survey;
mod time;
mod transfer;
mod watch;

pub use maintenance::integrity_check_at;
pub use schema::{APPLICATION_ID, VERSION as SCHEMA_VERSION};

use super::error::{BUSY_TIMEOUT, Doing, Result, StoreError, io, sqlite_text};
use super::model::*;
use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use std::fs;
use std::io::Read;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

pub struct SqliteStore {
    conn: Connection,
    /// Recorded on every event written (see `Store::set_desk`).
    desk: String,
    /// Recorded on the outbox rows this session claims.
    claimant: String,
    path: PathBuf,
    read_only: bool,
}

/// What the header says the file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Identity {
    /// A new or 0-byte file: the desk may initialise it.
    Empty,
    /// The desk's, at this schema version.
    Desk(i64),
    /// Written by a bcare-desk from before the application id was set.
    DeskUnmarked(i64),
}

/// The first 16 bytes of every SQLite 3 file.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// The file's owner cannot write it: either the mode says so (respected even
/// when running as root) or opening it for writing is refused.
fn is_read_only_file(path: &Path) -> Result<bool> {
    let meta = fs::metadata(path).map_err(io(Doing::Reading, path))?;
    if meta.permissions().mode() & 0o200 == 0 {
        return Ok(true);
    }
    match fs::OpenOptions::new().write(true).open(path) {
        Ok(_) => Ok(false),
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
            ) =>
        {
            Ok(true)
        }
        Err(e) => Err(io(Doing::Opening, path)(e)),
    }
}

/// Whether a regular file is at `path` (a symbolic link to one counts); a device
/// such as `/dev/null` or a folder is refused by name: SQLite would write its
/// journal and the desk its log beside it.
pub(super) fn regular_file(path: &Path) -> Result<bool> {
    match fs::metadata(path) {
        Ok(m) if m.is_file() => Ok(true),
        Ok(_) => Err(StoreError::NotAFile(path.to_path_buf())),
        // A component of the path is a file, not a folder: the folder is missing.
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
            ) =>
        {
            Ok(false)
        }
        Err(e) => Err(io(Doing::Reading, path)(e)),
    }
}

/// Makes the desk's own data folder, private (0700), when it is missing: the
/// only folder the desk ever makes.
pub fn make_data_folder(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(io(Doing::Creating, dir))
}

impl SqliteStore {
    /// Opens the database at `path` for reading and writing, creating the file
    /// (0600) when missing, and brings its schema up to date. The folder must
    /// exist: a mistyped one is refused, never made. A foreign SQLite file, a
    /// read-only file or an unknown schema is refused, unchanged.
    pub fn open(path: &Path) -> Result<SqliteStore> {
        SqliteStore::open_writing(path, true)
    }

    /// Opens for a command that changes the desk's records: the database must be
    /// there already (an older schema is brought up to date). Nothing is created.
    pub fn open_existing(path: &Path) -> Result<SqliteStore> {
        SqliteStore::open_writing(path, false)
    }

    fn open_writing(path: &Path, create: bool) -> Result<SqliteStore> {
        if !regular_file(path)? {
            if !create {
                return Err(StoreError::NoDatabase(path.to_path_buf()));
            }
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
                && !dir.is_dir()
            {
                return Err(StoreError::NoFolder(dir.to_path_buf()));
            }
            // Create it 0600 before SQLite does, so it is never readable by others.
            // SQLite gives the -wal and -shm files the same mode.
            match fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(path)
            {
                Ok(_) => {}
                // Another process created it between the check and here.
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(io(Doing::Creating, path)(e)),
            }
        } else if is_read_only_file(path)? {
            return Err(StoreError::ReadOnly {
                path: path.to_path_buf(),
            });
        }
        let mut store = SqliteStore::connect(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let identity = store.identify()?;
        if identity == Identity::Empty && !create {
            return Err(StoreError::NoDatabase(path.to_path_buf()));
        }
        store
            .configure_for_writing()
            .map_err(|e| store.damaged(e))?;
        store.migrate(identity)?;
        Ok(store)
    }

    /// Opens the database for a command that only reads: SQLite's read-only mode,
    /// no migration, no change to the file or its mode. A missing or empty file is
    /// refused (a reading command never sets a database up); one whose schema is
    /// older than this binary's goes through [`SqliteStore::open_existing`] once.
    pub fn open_read_only(path: &Path) -> Result<SqliteStore> {
        if !regular_file(path)? || fs::metadata(path).is_ok_and(|m| m.len() == 0) {
            return Err(StoreError::NoDatabase(path.to_path_buf()));
        }
        let store = SqliteStore::connect(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        match store.identify()? {
            Identity::Desk(v) if v == schema::VERSION => {
                store
                    .conn
                    .execute_batch("PRAGMA temp_store = MEMORY; PRAGMA cache_size = -32000;")
                    .map_err(|e| store.damaged(e))?;
                Ok(store)
            }
            Identity::Desk(found) | Identity::DeskUnmarked(found) => {
                drop(store);
                if is_read_only_file(path)? {
                    return Err(StoreError::NeedsUpgrade {
                        path: path.to_path_buf(),
                        found,
                        known: schema::VERSION,
                    });
                }
                SqliteStore::open_existing(path)
            }
            // A file with a header but nothing in it holds no records yet.
            Identity::Empty => Err(StoreError::NoDatabase(path.to_path_buf())),
        }
    }

    fn connect(path: &Path, flags: OpenFlags) -> Result<SqliteStore> {
        let mut conn =
            Connection::open_with_flags(path, flags).map_err(|error| StoreError::File {
                path: path.to_path_buf(),
                error,
            })?;
        // The write-ahead log stays when the last connection closes: a command then
        // costs one sync (its commit) instead of five (creating the log, syncing its
        // folder, checkpointing and deleting it), and a connection that only looked
        // (a refused write on a read-only file) leaves the file as it was. SQLite still
        // checkpoints the log as it grows, and `backup` copies through it.
        conn.busy_timeout(BUSY_TIMEOUT)
            .and_then(|()| conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true))
            .map_err(|error| StoreError::File {
                path: path.to_path_buf(),
                error,
            })?;
        // Every `transaction()` takes the write lock at BEGIN, waiting under the busy
        // timeout; a deferred one would fail at once when upgrading its read lock.
        conn.set_transaction_behavior(TransactionBehavior::Immediate);
        Ok(SqliteStore {
            conn,
            desk: String::new(),
            claimant: super::claimant(""),
            read_only: flags.contains(OpenFlags::SQLITE_OPEN_READ_ONLY),
            path: path.to_path_buf(),
        })
    }

    pub fn set_desk(&mut self, desk: &str) {
        self.desk = desk.to_string();
        self.claimant = super::claimant(desk);
    }

    /// Whether a writing open of `path` would be allowed (see [`SqliteStore::open`]).
    pub fn writable(path: &Path) -> bool {
        matches!(is_read_only_file(path), Ok(false))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Opened with SQLite's read-only flag: every write fails.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// The file's mode when group or others may read or write it (the desk creates
    /// files 0600 but never changes an existing file's mode; it says so instead).
    pub fn exposed_mode(&self) -> Option<u32> {
        let mode = fs::metadata(&self.path).ok()?.permissions().mode() & 0o777;
        (mode & 0o077 != 0).then_some(mode)
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
                    detail: sqlite_text(&e),
                }
            }
            error => StoreError::File {
                path: self.path.clone(),
                error,
            },
        }
    }

    /// Reads the header (magic, application id, schema version) and decides whether
    /// the desk may use the file. Nothing is written.
    fn identify(&self) -> Result<Identity> {
        let mut magic = [0u8; 16];
        let n = fs::File::open(&self.path)
            .and_then(|mut f| f.read(&mut magic))
            .map_err(io(Doing::Reading, &self.path))?;
        if n > 0 && (n < magic.len() || &magic != SQLITE_MAGIC) {
            return Err(StoreError::Damaged {
                path: self.path.clone(),
                detail: "not an SQLite file".into(),
            });
        }
        let pragma = |name: &str| -> Result<i64> {
            self.conn
                .query_row(&format!("PRAGMA {name}"), [], |r| r.get(0))
                .map_err(|e| self.damaged(e))
        };
        let app_id = pragma("application_id")?;
        let version = pragma("user_version")?;
        if app_id == schema::APPLICATION_ID {
            return self.known_version(version).map(Identity::Desk);
        }
        if app_id != 0 {
            return Err(StoreError::Foreign {
                path: self.path.clone(),
            });
        }
        let tables: Vec<String> = self
            .conn
            .prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")
            .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
            .map_err(|e| self.damaged(e))?;
        if tables.is_empty() && version == 0 {
            return Ok(Identity::Empty);
        }
        let desk_tables = ["complaints", "events", "outbox", "drafts", "meta"];
        if version >= 1 && desk_tables.iter().all(|t| tables.iter().any(|n| n == t)) {
            return self.known_version(version).map(Identity::DeskUnmarked);
        }
        Err(StoreError::Foreign {
            path: self.path.clone(),
        })
    }

    fn known_version(&self, version: i64) -> Result<i64> {
        if version < 0 {
            return Err(StoreError::BadSchema {
                path: self.path.clone(),
                found: version,
            });
        }
        if version > schema::VERSION {
            return Err(StoreError::NewerSchema {
                path: self.path.clone(),
                found: version,
                known: schema::VERSION,
            });
        }
        Ok(version)
    }

    fn configure_for_writing(&self) -> rusqlite::Result<()> {
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

    /// Brings the schema up to date and marks the file as the desk's, in one
    /// transaction. Another process may have done it meanwhile: the version is read
    /// again under the write lock.
    fn migrate(&mut self, identity: Identity) -> Result<()> {
        if identity == Identity::Desk(schema::VERSION) {
            return Ok(());
        }
        let path = self.path.clone();
        let tx = self.conn.transaction()?;
        let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version < 0 {
            return Err(StoreError::BadSchema {
                path,
                found: version,
            });
        }
        if version > schema::VERSION {
            return Err(StoreError::NewerSchema {
                path,
                found: version,
                known: schema::VERSION,
            });
        }
        for (i, step) in schema::MIGRATIONS.iter().enumerate().skip(version as usize) {
            tx.execute_batch(step)?;
            tx.pragma_update(None, "user_version", i as i64 + 1)?;
        }
        tx.pragma_update(None, "application_id", schema::APPLICATION_ID)?;
        tx.commit()?;
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
