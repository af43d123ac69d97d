//! `check` and `backup` on PostgreSQL: the server keeps its own files whole, so
//! the check is of what the desk relies on (the schema version, the connection,
//! events refusing to change), and a backup is `pg_dump`'s.

use super::connect::dump_target;
use super::{PgStore, connect_error};
use crate::store::sqlite::SCHEMA_VERSION;
use crate::store::{Doing, Result, StoreError};
use std::path::Path;
use std::process::Command;

impl PgStore {
    /// "ok", or what is wrong: a schema other than this binary's, or an events
    /// table that lets a row be changed or deleted. The probe writes inside a
    /// transaction that is always rolled back.
    pub fn integrity_check(&self) -> Result<Vec<String>> {
        let mut problems = Vec::new();
        let version = self.schema_version()?;
        if version != SCHEMA_VERSION {
            problems.push(format!(
                "schema version {version}, this bcare-desk writes {SCHEMA_VERSION}"
            ));
        }
        for (what, sql) in [
            (
                "UPDATE",
                "UPDATE events SET note = note WHERE id = (SELECT MIN(id) FROM events)",
            ),
            (
                "DELETE",
                "DELETE FROM events WHERE id = (SELECT MIN(id) FROM events)",
            ),
        ] {
            if let Some(p) = self.refused(what, sql)? {
                problems.push(p);
            }
        }
        if problems.is_empty() {
            problems.push("ok".into());
        }
        Ok(problems)
    }

    /// Tries `sql` on events in a transaction that is rolled back; a problem when
    /// it was allowed. With no event yet, a probe row is written first (and rolled
    /// back with the rest), so an empty database is checked too.
    fn refused(&self, what: &str, sql: &str) -> Result<Option<String>> {
        let mut client = self.session()?;
        let mut tx = client.transaction().map_err(self.err())?;
        let probe = "INSERT INTO complaints (ref, ref_year, ref_seq, stage, applicant_kind,
                applicant_name, channel, category, subject, description, received_at, sla_deadline)
             SELECT 'CHECK', 0, 0, 'received', 'pegawai', '', 'phone', '', '', '', '', ''
             WHERE NOT EXISTS (SELECT 1 FROM events);
             INSERT INTO events (complaint_id, at, officer, kind)
             SELECT id, '', '', 'check' FROM complaints WHERE ref = 'CHECK'";
        if self.read_only {
            // A reading session cannot probe; the triggers' presence is checked instead.
            let n: i64 = tx
                .query_one(
                    "SELECT COUNT(*) FROM pg_trigger WHERE tgrelid = 'events'::regclass
                       AND tgenabled = 'O' AND tgname LIKE 'events_append_only_%'",
                    &[],
                )
                .map_err(self.err())?
                .get(0);
            return Ok((n < 3).then(|| "events are not protected against change".to_string()));
        }
        tx.batch_execute(probe).map_err(self.err())?;
        let allowed = tx.batch_execute(sql).is_ok();
        // Rolled back on drop: neither the probe nor the change stays.
        drop(tx);
        Ok(allowed.then(|| format!("events table allows {what}: it must refuse it")))
    }

    /// Runs `pg_dump` into `dest` (custom format: `pg_restore` reads it) when it is
    /// on PATH; otherwise says how PostgreSQL is backed up.
    pub fn backup(&self, dest: &Path) -> Result<()> {
        // Created 0600 first, so the dump of personal data is never readable by
        // others; pg_dump writes into it. An existing file is never replaced.
        use std::os::unix::fs::OpenOptionsExt;
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(dest)
        {
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                return Err(StoreError::Exists(dest.to_path_buf()));
            }
            Err(error) => {
                return Err(StoreError::Io {
                    doing: Doing::Creating,
                    path: dest.to_path_buf(),
                    error,
                });
            }
        }
        let (args, password) = dump_target(self.url()).map_err(|e| connect_error(&self.at, e))?;
        let mut cmd = Command::new("pg_dump");
        cmd.arg("--format=custom")
            .arg("--no-owner")
            .arg(format!("--file={}", dest.display()))
            .args(&args);
        if let Some(p) = password {
            cmd.env("PGPASSWORD", p);
        }
        let out = cmd.output().map_err(|error| {
            let _ = std::fs::remove_file(dest);
            StoreError::Server {
            at: self.at.clone(),
            detail: if error.kind() == std::io::ErrorKind::NotFound {
                "a PostgreSQL database is backed up with pg_dump, which is not on PATH; install the PostgreSQL client (e.g. postgresql-client) or ask the server's administrator for its backups".into()
            } else {
                format!("running pg_dump: {error}")
            },
        }})?;
        if !out.status.success() {
            let _ = std::fs::remove_file(dest);
            let err = String::from_utf8_lossy(&out.stderr);
            return Err(StoreError::Server {
                at: self.at.clone(),
                detail: format!(
                    "pg_dump failed: {}",
                    err.lines().next().unwrap_or("no message")
                ),
            });
        }
        Ok(())
    }
}
