//! Noticing changes made by others: the command line, a second desk on the same
//! file, the BCare worker's own connection.

use super::SqliteStore;
use crate::store::Result;

impl SqliteStore {
    /// SQLite's `PRAGMA data_version`: a number that changes whenever another
    /// connection commits to the file (this connection's own writes leave it alone).
    /// Cheap — no table is read — so a screen may ask every second.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn another_connections_commit_changes_the_version_and_our_own_does_not() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.db");
        let mine = SqliteStore::open(&path).unwrap();
        let other = SqliteStore::open(&path).unwrap();
        let before = mine.data_version().unwrap();
        assert_eq!(mine.data_version().unwrap(), before, "nothing happened");
        mine.save_draft("intake", "{}", chrono::Utc::now()).unwrap();
        assert_eq!(mine.data_version().unwrap(), before, "our own write");
        other
            .save_draft("intake", "{\"a\":1}", chrono::Utc::now())
            .unwrap();
        assert_ne!(mine.data_version().unwrap(), before, "another connection's");
    }
}
