//! Integrity checks and backups.

use super::{Doing, Result, SqliteStore, StoreError, io};
use rusqlite::{Connection, OpenFlags};
use std::fs;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

impl SqliteStore {
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

    /// Copies the database to `dest` in one step (`VACUUM INTO`): a consistent
    /// snapshot, taken in a single read transaction, so it finishes however busy the
    /// writers are. The copy is written to a hidden temp file beside `dest`, synced,
    /// and only then given its name: `dest` never exists half-written. The copy is
    /// 0600, in rollback-journal mode (one file to carry away), and never replaces an
    /// existing file.
    pub fn backup(&self, dest: &Path) -> Result<()> {
        if dest.exists() {
            return Err(StoreError::Exists(dest.to_path_buf()));
        }
        let dir = match dest.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = dest
            .file_name()
            .ok_or_else(|| StoreError::Io {
                doing: Doing::NoFileName,
                path: dest.to_path_buf(),
                error: std::io::Error::from(std::io::ErrorKind::InvalidInput),
            })?
            .to_string_lossy()
            .into_owned();
        remove_stale_partials(&dir);
        let temp = Partial(dir.join(format!(".{name}.{}.partial", std::process::id())));
        // Created empty and 0600 first: VACUUM INTO accepts an empty file, and the
        // copy is never readable by others, not even while it is written.
        fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&temp.0)
            .map_err(io(Doing::WritingBackup, dest))?;
        let target = temp.0.to_str().ok_or_else(|| StoreError::Io {
            doing: Doing::PathNotUtf8,
            path: dest.to_path_buf(),
            error: std::io::Error::from(std::io::ErrorKind::InvalidInput),
        })?;
        self.conn
            .execute("VACUUM INTO ?1", [target])
            .map_err(|error| StoreError::File {
                path: dest.to_path_buf(),
                error,
            })?;
        let copy = Connection::open(&temp.0).and_then(|c| {
            c.pragma_update(None, "journal_mode", "DELETE")?;
            c.close().map_err(|(_, e)| e)
        });
        copy.map_err(|error| StoreError::File {
            path: dest.to_path_buf(),
            error,
        })?;
        fs::File::open(&temp.0)
            .and_then(|f| f.sync_all())
            .map_err(io(Doing::Syncing, &temp.0))?;
        // A hard link gives the copy its name atomically and, unlike rename, fails
        // when another file took the name meanwhile.
        fs::hard_link(&temp.0, dest).map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => StoreError::Exists(dest.to_path_buf()),
            _ => io(Doing::NamingBackup, dest)(e),
        })?;
        drop(temp);
        fs::File::open(&dir)
            .and_then(|d| d.sync_all())
            .map_err(io(Doing::Syncing, &dir))?;
        Ok(())
    }
}

/// A temp copy being written; removed unless it got its name.
struct Partial(PathBuf);

impl Drop for Partial {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.0);
        let mut journal = self.0.clone().into_os_string();
        journal.push("-journal");
        let _ = fs::remove_file(journal);
    }
}

/// Temp copies (and their journals) left in `dir` by backups that were killed,
/// under any name: their process is gone. A running backup's copy stays.
fn remove_stale_partials(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let pid = file
            .strip_prefix('.')
            .and_then(|rest| {
                rest.strip_suffix(".partial")
                    .or_else(|| rest.strip_suffix(".partial-journal"))
            })
            .and_then(|rest| rest.rsplit_once('.'))
            .and_then(|(_name, pid)| pid.parse::<u32>().ok());
        if let Some(pid) = pid
            && !Path::new(&format!("/proc/{pid}")).exists()
        {
            let _ = fs::remove_file(entry.path());
        }
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
