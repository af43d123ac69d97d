//! The store's errors: one line each, naming the file or the server.

use crate::domain::msg::{Lang, M};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a writer waits for another process's transaction before giving up.
pub(super) const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

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
        "{path}: the database has schema {found} and must be upgraded to {known}, but the file is read-only; make it writable (chmod u+w) once"
    )]
    NeedsUpgrade {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("{}: exists; choose a new file name", .0.display())]
    Exists(PathBuf),
    /// A device (`/dev/null`) or a folder where the database file should be.
    #[error("{}", M::NotAFile(Lang::En, shown(.0)))]
    NotAFile(PathBuf),
    /// Nothing (or an empty file) where a command that needs the database looked.
    #[error("{}", M::NoDatabase(Lang::En, shown(.0)))]
    NoDatabase(PathBuf),
    /// A server database without the desk's tables, for a command that needs them.
    #[error("{}", M::NoDatabaseOnServer(Lang::En, .at))]
    NoServerDatabase { at: String },
    /// The database's folder is missing: a mistyped path, never made into one.
    #[error("{}", M::NoFolder(Lang::En, shown(.0)))]
    NoFolder(PathBuf),
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
    /// Another writer held the database: nothing was changed, and the same write
    /// may simply be tried again. On a file, SQLite's busy or locked after the
    /// busy timeout; on a server (`at`, `detail`), a lock not granted, a deadlock
    /// or a serialization failure.
    #[error("{}", busy_text(.server.as_ref(), Lang::En))]
    Busy { server: Option<(String, String)> },
}

impl StoreError {
    /// The error in the officer's language, where the catalog has its words;
    /// the others stay as they are shown in English.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            StoreError::NotAFile(p) => M::NotAFile(lang, shown(p)),
            StoreError::NoDatabase(p) => M::NoDatabase(lang, shown(p)),
            StoreError::NoServerDatabase { at } => M::NoDatabaseOnServer(lang, at),
            StoreError::NoFolder(p) => M::NoFolder(lang, shown(p)),
            StoreError::File { path, error } => {
                format!("{}: {}", path.display(), sqlite_text_in(error, lang))
            }
            StoreError::Sqlite(e) => sqlite_text_in(e, lang),
            StoreError::Busy { server } => busy_text(server.as_ref(), lang),
            other => other.to_string(),
        }
    }
}

fn shown(p: &Path) -> String {
    p.display().to_string()
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> StoreError {
        use rusqlite::ErrorCode::{DatabaseBusy, DatabaseLocked};
        match &e {
            rusqlite::Error::SqliteFailure(f, _)
                if matches!(f.code, DatabaseBusy | DatabaseLocked) =>
            {
                StoreError::Busy { server: None }
            }
            _ => StoreError::Sqlite(e),
        }
    }
}

/// A busy database in the officer's words: the file's wait, or the server's own.
fn busy_text(server: Option<&(String, String)>, lang: Lang) -> String {
    match server {
        Some((at, detail)) => format!("{at}: {detail}"),
        None => M::Busy(lang, BUSY_TIMEOUT.as_secs()),
    }
}

/// SQLite's message without "Error code 1544:" and without a chained source.
pub(super) fn sqlite_text(e: &rusqlite::Error) -> String {
    sqlite_text_in(e, Lang::En)
}

/// What SQLite's failure means for the officer: its own words ("disk I/O error")
/// name no cause and no way out.
fn sqlite_text_in(e: &rusqlite::Error, lang: Lang) -> String {
    use rusqlite::ErrorCode::{CannotOpen, DatabaseBusy, DiskFull, SystemIoFailure};
    match e {
        // A reader holds the database as surely as a writer: a purge or a VACUUM
        // waits for both.
        rusqlite::Error::SqliteFailure(f, _) if f.code == DatabaseBusy => {
            M::Busy(lang, BUSY_TIMEOUT.as_secs())
        }
        rusqlite::Error::SqliteFailure(f, _) if f.code == SystemIoFailure => {
            M::DiskIo.get(lang).to_string()
        }
        rusqlite::Error::SqliteFailure(f, _) if f.code == DiskFull => {
            M::DiskFull.get(lang).to_string()
        }
        rusqlite::Error::SqliteFailure(f, _) if f.code == CannotOpen => {
            M::CannotOpen.get(lang).to_string()
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

#[cfg(test)]
mod tests {
    use super::*;

    fn failure(code: std::ffi::c_int) -> rusqlite::Error {
        rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None)
    }

    #[test]
    fn sqlite_jargon_is_said_as_what_it_means() {
        let io = sqlite_text(&failure(rusqlite::ffi::SQLITE_IOERR));
        assert!(
            io.contains("the disk failed to read or write the file"),
            "{io}"
        );
        let full = sqlite_text(&failure(rusqlite::ffi::SQLITE_FULL));
        assert!(full.contains("the disk is full"), "{full}");
        // A reader holds the database as surely as a writer does.
        let busy = sqlite_text(&failure(rusqlite::ffi::SQLITE_BUSY));
        assert!(busy.contains("reading or writing"), "{busy}");
        assert!(!busy.contains("has been writing"), "{busy}");
    }
}
