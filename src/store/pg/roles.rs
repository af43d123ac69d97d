//! Officers as the server's roles: who a session is, what its grants let it do,
//! and the owner's grant and revoke. On a shared database the server, not the
//! desk's config, says who did a step.

use super::schema::{OFFICER_ROLE, READER_ROLE};
use super::{PgStore, server_error};
use crate::store::error::{Result, StoreError};

/// A group role a login role may be given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Duty {
    /// Reads and writes complaints.
    Officer,
    /// Lists, shows, searches and reports; changes nothing.
    Reader,
}

impl Duty {
    pub fn role(self) -> &'static str {
        match self {
            Duty::Officer => OFFICER_ROLE,
            Duty::Reader => READER_ROLE,
        }
    }
}

/// What the session's role may do with the desk's tables, as the server's
/// grants say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// No desk's tables yet: whoever can create them sets the database up.
    Empty,
    Writes,
    Reads,
    Nothing,
}

impl Standing {
    /// The query's answer (see [`STANDING_SQL`]).
    pub fn from_answer(text: Option<&str>) -> Standing {
        match text {
            Some("empty") => Standing::Empty,
            Some("writes") => Standing::Writes,
            Some("reads") => Standing::Reads,
            _ => Standing::Nothing,
        }
    }
}

/// The session's role and its standing, asked once per connection, in the
/// connection's first round trip.
pub const STANDING_SQL: &str = "SELECT pg_backend_pid(), session_user,
    CASE WHEN to_regclass('complaints') IS NULL THEN 'empty'
         WHEN has_table_privilege(to_regclass('complaints'), 'INSERT') THEN 'writes'
         WHEN has_table_privilege(to_regclass('complaints'), 'SELECT') THEN 'reads'
         ELSE 'nothing' END";

impl PgStore {
    /// The login role the server knows this session by.
    pub fn login_role(&self) -> &str {
        &self.role
    }

    /// Whether the session's role may only read (a reader): every change is
    /// refused before it reaches the server.
    pub fn is_reader(&self) -> bool {
        self.standing == Standing::Reads
    }

    /// The refusal a reader gets for any change.
    pub(super) fn refuse_reader(&self) -> Result<()> {
        if self.is_reader() {
            return Err(StoreError::ReaderRole {
                role: self.role.clone(),
            });
        }
        Ok(())
    }

    /// Gives `role` a duty on every database the group role is granted on (the
    /// owner's command). The role must exist on the server.
    pub fn grant(&self, role: &str, duty: Duty) -> Result<()> {
        self.refuse_reader()?;
        self.known_role(role)?;
        let other = match duty {
            Duty::Officer => Duty::Reader,
            Duty::Reader => Duty::Officer,
        };
        // One duty at a time: a reader made an officer is no longer a reader.
        self.simple(&format!(
            "REVOKE {} FROM {}; GRANT {} TO {}",
            other.role(),
            quoted(role),
            duty.role(),
            quoted(role)
        ))
    }

    /// Takes both duties from `role`.
    pub fn revoke(&self, role: &str) -> Result<()> {
        self.refuse_reader()?;
        self.known_role(role)?;
        self.simple(&format!(
            "REVOKE {}, {} FROM {}",
            OFFICER_ROLE,
            READER_ROLE,
            quoted(role)
        ))
    }

    /// The duties the server's roles hold, by login role, sorted by name.
    pub fn duties(&self) -> Result<Vec<(String, Duty)>> {
        self.read(|c| {
            let rows = c
                .query(
                    "SELECT m.rolname, g.rolname FROM pg_auth_members a
                     JOIN pg_roles g ON g.oid = a.roleid
                     JOIN pg_roles m ON m.oid = a.member
                     WHERE g.rolname IN ($1, $2) ORDER BY m.rolname, g.rolname",
                    &[&OFFICER_ROLE, &READER_ROLE],
                )
                .map_err(self.err())?;
            Ok(rows
                .iter()
                .map(|r| {
                    let group: String = r.get(1);
                    let duty = if group == OFFICER_ROLE {
                        Duty::Officer
                    } else {
                        Duty::Reader
                    };
                    (r.get(0), duty)
                })
                .collect())
        })
    }

    fn known_role(&self, role: &str) -> Result<()> {
        let found = self.read(|c| {
            Ok(
                c.query_opt("SELECT 1 FROM pg_roles WHERE rolname = $1", &[&role])
                    .map_err(self.err())?
                    .is_some(),
            )
        })?;
        if found {
            Ok(())
        } else {
            Err(StoreError::NoSuchRole {
                at: self.at.clone(),
                role: role.to_string(),
            })
        }
    }
}

/// A role's name as an SQL identifier: roles cannot be bound parameters.
fn quoted(role: &str) -> String {
    format!("\"{}\"", role.replace('"', "\"\""))
}

/// The server's refusal of what the grants do not allow (a grant revoked while
/// the desk runs), in the officer's words. What only the tables' owner may do
/// ("must be owner of table", a purge's VACUUM) keeps the server's own words:
/// no grant of a duty would allow it.
pub(super) fn refused(at: &str, role: &str, e: postgres::Error) -> StoreError {
    use postgres::error::SqlState;
    match e.as_db_error() {
        Some(d)
            if *d.code() == SqlState::INSUFFICIENT_PRIVILEGE
                && d.message().starts_with("permission denied for") =>
        {
            StoreError::NoGrant {
                at: at.to_string(),
                role: role.to_string(),
            }
        }
        _ => server_error(at, e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_role_name_is_quoted_as_an_identifier() {
        assert_eq!(quoted("budi"), "\"budi\"");
        assert_eq!(
            quoted("a\"; DROP TABLE x; --"),
            "\"a\"\"; DROP TABLE x; --\""
        );
    }

    #[test]
    fn the_standing_reads_the_servers_answer() {
        assert_eq!(Standing::from_answer(Some("writes")), Standing::Writes);
        assert_eq!(Standing::from_answer(Some("reads")), Standing::Reads);
        assert_eq!(Standing::from_answer(Some("empty")), Standing::Empty);
        assert_eq!(Standing::from_answer(None), Standing::Nothing);
    }
}
