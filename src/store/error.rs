//! The store's errors: one line each, naming the file or the server.

use crate::domain::msg::{Lang, M};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a writer waits for another process's transaction before giving up.
pub(super) const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// What the store was doing with a file when the system refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doing {
    Reading,
    Opening,
    Creating,
    Syncing,
    /// Giving a finished backup its name.
    NamingBackup,
    /// Writing a backup's temporary file beside its name.
    WritingBackup,
    /// A backup path that names no file.
    NoFileName,
    /// A backup path SQLite cannot be given.
    PathNotUtf8,
}

/// Errors a caller branches on: a kind and its fields. What the officer reads
/// comes from the catalog, in the desk's language ([`StoreError::text`]); the
/// `Display` is the English text, for logs.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.text(Lang::En))]
pub enum StoreError {
    NewerSchema {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    BadSchema {
        path: PathBuf,
        found: i64,
    },
    Foreign {
        path: PathBuf,
    },
    Damaged {
        path: PathBuf,
        detail: String,
    },
    ReadOnly {
        path: PathBuf,
    },
    NeedsUpgrade {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    Exists(PathBuf),
    /// A device (`/dev/null`) or a folder where the database file should be.
    NotAFile(PathBuf),
    /// Nothing (or an empty file) where a command that needs the database looked.
    NoDatabase(PathBuf),
    /// A server database without the desk's tables, for a command that needs them.
    NoServerDatabase {
        at: String,
    },
    /// The database's folder is missing: a mistyped path, never made into one.
    NoFolder(PathBuf),
    NotFound(String),
    Conflict(String),
    // `error` is deliberately not a `source`: the message already carries it, and
    // a chained source would print the OS error twice.
    Io {
        doing: Doing,
        path: PathBuf,
        error: std::io::Error,
    },
    File {
        path: PathBuf,
        error: rusqlite::Error,
    },
    Sqlite(rusqlite::Error),
    /// PostgreSQL refused or failed; `at` is the server as shown (never the
    /// password), `detail` the server's own words.
    Server {
        at: String,
        detail: String,
    },
    ServerNewerSchema {
        at: String,
        found: i64,
        known: i64,
    },
    ServerForeign {
        at: String,
    },
    /// Another writer held the database: nothing was changed, and the same write
    /// may simply be tried again. On a file, SQLite's busy or locked after the
    /// busy timeout; on a server (`at`, `detail`), a lock not granted, a deadlock
    /// or a serialization failure.
    Busy {
        server: Option<(String, String)>,
    },
    /// The session's role may only read (a reader): nothing was changed.
    ReaderRole {
        role: String,
    },
    /// The session's role has no grant on the desk's tables.
    NoGrant {
        at: String,
        role: String,
    },
    /// A grant or revoke named a role the server does not have.
    NoSuchRole {
        at: String,
        role: String,
    },
    /// Roles were asked of a SQLite file.
    RolesNeedServer,
}

impl StoreError {
    /// The error in the officer's language, from the catalog. What the database
    /// engine or the system said in its own words (a server's message, SQLite's
    /// detail) is carried as it came.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            StoreError::NewerSchema { path, found, known } => {
                M::StoreNewerSchema(lang, path.display(), found, known)
            }
            StoreError::BadSchema { path, found } => M::StoreBadSchema(lang, path.display(), found),
            StoreError::Foreign { path } => M::StoreForeign(lang, path.display()),
            StoreError::Damaged { path, detail } => M::StoreDamaged(lang, path.display(), detail),
            StoreError::ReadOnly { path } => M::StoreReadOnly(lang, path.display()),
            StoreError::NeedsUpgrade { path, found, known } => {
                M::StoreNeedsUpgrade(lang, path.display(), found, known)
            }
            StoreError::Exists(p) => M::StoreExists(lang, p.display()),
            StoreError::NotAFile(p) => M::NotAFile(lang, p.display()),
            StoreError::NoDatabase(p) => M::NoDatabase(lang, p.display()),
            StoreError::NoServerDatabase { at } => M::NoDatabaseOnServer(lang, at),
            StoreError::NoFolder(p) => M::NoFolder(lang, p.display()),
            StoreError::NotFound(r) => M::StoreNotFound(lang, r),
            StoreError::Conflict(r) => M::StoreConflict(lang, r),
            StoreError::Io { doing, path, error } => {
                let (path, error) = (path.display(), os_text_in(error, lang));
                match doing {
                    Doing::Reading => M::IoReading(lang, path, error),
                    Doing::Opening => M::IoOpening(lang, path, error),
                    Doing::Creating => M::IoCreating(lang, path, error),
                    Doing::Syncing => M::IoSyncing(lang, path, error),
                    Doing::NamingBackup => M::IoNamingBackup(lang, path, error),
                    Doing::WritingBackup => M::IoWritingBackup(lang, path, error),
                    Doing::NoFileName => M::IoNoFileName(lang, path),
                    Doing::PathNotUtf8 => M::IoPathNotUtf8(lang, path),
                }
            }
            StoreError::File { path, error } => {
                M::FromSource(lang, path.display(), sqlite_text_in(error, lang))
            }
            StoreError::Sqlite(e) => sqlite_text_in(e, lang),
            StoreError::Server { at, detail } => M::FromSource(lang, at, detail),
            StoreError::ServerNewerSchema { at, found, known } => {
                M::StoreServerNewerSchema(lang, at, found, known)
            }
            StoreError::ServerForeign { at } => M::StoreServerForeign(lang, at),
            StoreError::Busy { server } => busy_text(server.as_ref(), lang),
            StoreError::ReaderRole { role } => M::ReaderRole(lang, role),
            StoreError::NoGrant { at, role } => M::NoGrant(lang, at, role),
            StoreError::NoSuchRole { at, role } => M::NoSuchRole(lang, at, role),
            StoreError::RolesNeedServer => M::RolesNeedServer.get(lang).to_string(),
        }
    }
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
        Some((at, detail)) => M::FromSource(lang, at, detail),
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

/// The system's refusal in the officer's language: the common ones from the
/// catalog, any other in the system's own words.
fn os_text_in(e: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind;
    let m = match (e.kind(), lang) {
        (_, Lang::En) => return os_text(e),
        (ErrorKind::PermissionDenied, _) => M::OsPermissionDenied,
        (ErrorKind::NotFound, _) => M::OsNotFound,
        (ErrorKind::AlreadyExists, _) => M::OsExists,
        (ErrorKind::ReadOnlyFilesystem, _) => M::OsReadOnlyFs,
        (ErrorKind::StorageFull, _) => M::DiskFull,
        _ => return os_text(e),
    };
    m.get(lang).into()
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

/// The system's refusal while the store was `doing` something with `path`.
pub(super) fn io(doing: Doing, path: &Path) -> impl FnOnce(std::io::Error) -> StoreError {
    let path = path.to_path_buf();
    move |error| StoreError::Io { doing, path, error }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn failure(code: std::ffi::c_int) -> rusqlite::Error {
        rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None)
    }

    #[test]
    fn the_store_speaks_the_desks_language_and_logs_in_english() {
        let e = StoreError::Conflict("ADU-2026-00001".into());
        assert_eq!(
            e.text(Lang::Id),
            "ADU-2026-00001: pengaduan berubah sementara itu (jendela lain atau pekerja BCare); lihat lagi"
        );
        assert!(e.text(Lang::En).contains("changed meanwhile"));
        assert_eq!(e.to_string(), e.text(Lang::En));
        let denied = StoreError::Io {
            doing: Doing::Creating,
            path: "/data/desk.db".into(),
            error: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
        };
        assert_eq!(denied.text(Lang::Id), "membuat /data/desk.db: izin ditolak");
        assert_eq!(
            denied.text(Lang::En),
            "creating /data/desk.db: permission denied"
        );
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
