//! The store's errors: one line each, naming the file or the server.

use std::path::PathBuf;

/// Errors a caller branches on; each is one line that names the file or server.
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
        "{path}: schema version {found} is not one bcare-desk ever writes; the file is damaged or not the desk's. Restore a copy made with `bcare-desk backup PATH`, or open another file with --db"
    )]
    BadSchema { path: PathBuf, found: i64 },
    #[error(
        "{path}: another program's SQLite database, not a bcare-desk one; it was left untouched. Open the desk's own file with --db"
    )]
    Foreign { path: PathBuf },
    #[error(
        "{path}: not a bcare-desk database, or damaged ({detail}). Restore a copy made with `bcare-desk backup PATH` (move this file away first), or open another file with --db"
    )]
    Damaged { path: PathBuf, detail: String },
    #[error(
        "{path}: the database file is read-only, and this command writes; make it writable (chmod u+w) or use a reading command"
    )]
    ReadOnly { path: PathBuf },
    #[error(
        "{path}: an empty file that is read-only, so the desk cannot set it up; make it writable (chmod u+w) or give another file with --db"
    )]
    EmptyReadOnly { path: PathBuf },
    #[error(
        "{path}: the database has schema {found} and must be upgraded to {known}, but the file is read-only; make it writable (chmod u+w) once"
    )]
    NeedsUpgrade {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("{}: exists; choose a new file name", .0.display())]
    Exists(PathBuf),
    #[error("{}: a directory, not a database file; give a file name with --db", .0.display())]
    NotAFile(PathBuf),
    #[error("{0}: no such complaint")]
    NotFound(String),
    #[error(
        "{0}: the complaint changed meanwhile (another window or the BCare worker); look again"
    )]
    Conflict(String),
    // `error` is deliberately not a `source`: the message already carries it, and
    // a chained source would print the OS error twice.
    #[error("{context}: {}", os_text(.error))]
    Io {
        context: String,
        error: std::io::Error,
    },
    #[error("{path}: {}", sqlite_text(.error))]
    File {
        path: PathBuf,
        error: rusqlite::Error,
    },
    #[error("{}", sqlite_text(.0))]
    Sqlite(rusqlite::Error),
    /// PostgreSQL refused or failed; `at` is the server as shown (never the password).
    #[error("{at}: {detail}")]
    Server { at: String, detail: String },
    #[error(
        "{at}: the database's schema is {found}, newer than this bcare-desk knows ({known}); use the newer version"
    )]
    ServerNewerSchema { at: String, found: i64, known: i64 },
    #[error(
        "{at}: the database holds tables that are not bcare-desk's; it was left untouched. Give the desk its own database"
    )]
    ServerForeign { at: String },
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> StoreError {
        StoreError::Sqlite(e)
    }
}

/// SQLite's message without "Error code 1544:" and without a chained source.
pub(super) fn sqlite_text(e: &rusqlite::Error) -> String {
    match e {
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::DatabaseBusy => {
            format!(
                "busy: another window or program has been writing it for over {} s; nothing was changed, try again",
                super::sqlite::BUSY_TIMEOUT.as_secs()
            )
        }
        rusqlite::Error::SqliteFailure(_, Some(msg)) if !msg.is_empty() => msg.clone(),
        rusqlite::Error::SqliteFailure(f, _) => {
            rusqlite::ffi::code_to_str(f.extended_code).to_lowercase()
        }
        other => other.to_string(),
    }
}

/// "permission denied" rather than "Permission denied (os error 13)".
pub(super) fn os_text(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_lowercase(),
        None => s,
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

pub(super) fn io(context: String) -> impl FnOnce(std::io::Error) -> StoreError {
    move |error| StoreError::Io { context, error }
}
