//! Integrity checks and backups.

use super::{Result, Store, StoreError, io};
use rusqlite::{Connection, OpenFlags};
use std::path::Path;

impl Store {
    /// `PRAGMA integrity_check`: "ok", or the problems found. Slow on a big file:
    /// `check` runs it, and the desk screen through [`integrity_check_at`] on a
    /// thread of its own.
    pub fn integrity_check(&self) -> Result<Vec<String>> {
        let rows = self
            .conn
            .prepare("PRAGMA integrity_check")?
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Copies the database to `dest` with SQLite's online backup API: safe while the
    /// desk is open in another window. The copy is 0600 like the original.
    pub fn backup(&self, dest: &Path) -> Result<()> {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        if dest.exists() {
            return Err(StoreError::Io {
                context: format!("{} exists; choose a new file name", dest.display()),
                error: std::io::Error::from(std::io::ErrorKind::AlreadyExists),
            });
        }
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(dest)
            .map_err(io(format!("creating {}", dest.display())))?;
        let mut target = rusqlite::Connection::open(dest)?;
        {
            let backup = rusqlite::backup::Backup::new(&self.conn, &mut target)?;
            backup.run_to_completion(256, std::time::Duration::from_millis(5), None)?;
        }
        // The copy is a plain rollback-journal file: one file to carry away.
        target.pragma_update(None, "journal_mode", "DELETE")?;
        drop(target);
        std::fs::set_permissions(dest, std::fs::Permissions::from_mode(0o600))
            .map_err(io(format!("setting permissions of {}", dest.display())))?;
        Ok(())
    }
}

/// The full integrity check on a connection of its own, read-only, so that it can
/// run on a background thread while the desk keeps its connection.
pub fn integrity_check_at(path: &Path) -> Result<Vec<String>> {
    let file = |error| StoreError::File {
        path: path.to_path_buf(),
        error,
    };
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(file)?;
    let rows = conn
        .prepare("PRAGMA integrity_check")
        .and_then(|mut s| {
            s.query_map([], |r| r.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()
        })
        .map_err(file)?;
    Ok(rows)
}
