//! Integrity checks and online backup.

use super::{Result, Store, StoreError};
use std::path::Path;
use std::time::Duration;

impl Store {
    /// `PRAGMA integrity_check`: "ok", or the problems found.
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
                source: std::io::Error::from(std::io::ErrorKind::AlreadyExists),
            });
        }
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(dest)
            .map_err(|source| StoreError::Io {
                context: format!("creating {}", dest.display()),
                source,
            })?;
        let mut target = rusqlite::Connection::open(dest)?;
        {
            let backup = rusqlite::backup::Backup::new(&self.conn, &mut target)?;
            backup.run_to_completion(256, Duration::from_millis(5), None)?;
        }
        // The copy is a plain rollback-journal file: one file to carry away.
        target.pragma_update(None, "journal_mode", "DELETE")?;
        drop(target);
        std::fs::set_permissions(dest, std::fs::Permissions::from_mode(0o600)).map_err(
            |source| StoreError::Io {
                context: format!("setting permissions of {}", dest.display()),
                source,
            },
        )?;
        Ok(())
    }
}
