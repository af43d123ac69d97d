//! The only module that speaks PostgreSQL's SQL: one database that several desks
//! share (the walk-in counter, the back office, the next shift).
//!
//! Every method keeps the behaviour of its SQLite twin (`store::sqlite`), and the
//! store's tests run on both. What several desks need besides is here: reference
//! numbers from a counter row locked by the intake's transaction, outbox rows
//! claimed with `FOR UPDATE SKIP LOCKED` and a lease, `LISTEN`/`NOTIFY` for the
//! queues, and the desk's name on every event.

mod calendar;
mod complaints;
mod connect;
mod drafts;
mod followup;
mod gateway;
mod maintenance;
mod outbox;
mod records;
mod report;
mod retention;
pub mod roles;
mod schema;
mod survey;
pub(crate) mod tls;
mod transfer;

use schema::{CHANNEL, MIGRATIONS};

use super::error::{Result, StoreError};
use super::location::ServerUrl;
use super::sqlite::SCHEMA_VERSION;
use postgres::fallible_iterator::FallibleIterator;
use postgres::{Client, GenericClient, IsolationLevel, Transaction};
use std::cell::{Cell, RefCell};

/// Who writes in a transaction: the server as shown (for errors) and the desk
/// (for events).
pub(super) struct Writer<'a> {
    pub at: &'a str,
    pub desk: &'a str,
}

pub struct PgStore {
    client: RefCell<Client>,
    /// The server as shown in messages (no password).
    at: String,
    url: ServerUrl,
    desk: String,
    /// Recorded on the outbox rows this session claims.
    claimant: String,
    read_only: bool,
    /// The login role the server knows this session by, and what its grants allow.
    role: String,
    standing: roles::Standing,
    /// This session's backend: its own notifications are not news.
    pid: Cell<i32>,
    listening: Cell<bool>,
    /// Changes seen from other sessions (see `data_version`).
    seen: Cell<i64>,
}

impl PgStore {
    /// Connects and brings the schema up to date, each step in one transaction,
    /// under an advisory lock: desks starting at once on a new database set it up
    /// once.
    pub fn open(url: &ServerUrl) -> Result<PgStore> {
        let mut store = PgStore::connect(url, false)?;
        store.migrate()?;
        Ok(store)
    }

    /// A session for a command that changes the desk's records: the server must
    /// answer and the database hold the desk's tables (an older schema is brought
    /// up to date). An empty database is left empty.
    pub fn open_existing(url: &ServerUrl) -> Result<PgStore> {
        let mut store = PgStore::connect(url, false)?;
        if store.stored_version()?.is_none() {
            return Err(store.no_database());
        }
        store.migrate()?;
        Ok(store)
    }

    /// A session for a command that only reads: every transaction read-only. A
    /// database without the desk's tables is refused, never set up; an older one
    /// is upgraded once through [`PgStore::open_existing`].
    pub fn open_read_only(url: &ServerUrl) -> Result<PgStore> {
        let store = PgStore::connect(url, true)?;
        match store.stored_version()? {
            Some(v) if v == SCHEMA_VERSION => Ok(store),
            Some(v) if v > SCHEMA_VERSION => Err(store.newer(v)),
            None => Err(store.no_database()),
            Some(_) => {
                drop(store);
                let mut store = PgStore::open_existing(url)?;
                store.read_only = true;
                store.simple("SET default_transaction_read_only = on")?;
                Ok(store)
            }
        }
    }

    fn no_database(&self) -> StoreError {
        StoreError::NoServerDatabase {
            at: self.at.clone(),
        }
    }

    /// Connects and learns who the session is: a role with no grant is refused
    /// in one line, and a reader's session is read-only whatever was asked.
    fn connect(url: &ServerUrl, read_only: bool) -> Result<PgStore> {
        let at = url.shown();
        let (client, who) = session(url, read_only).map_err(|e| connect_error(&at, e))?;
        let store = PgStore {
            client: RefCell::new(client),
            at,
            url: url.clone(),
            desk: String::new(),
            claimant: super::claimant(""),
            read_only: read_only || who.standing == roles::Standing::Reads,
            role: who.role,
            standing: who.standing,
            pid: Cell::new(who.pid),
            listening: Cell::new(false),
            seen: Cell::new(0),
        };
        match store.standing {
            roles::Standing::Nothing => Err(StoreError::NoGrant {
                at: store.at.clone(),
                role: store.role.clone(),
            }),
            roles::Standing::Reads if !read_only => {
                store.simple("SET default_transaction_read_only = on")?;
                Ok(store)
            }
            _ => Ok(store),
        }
    }

    pub fn set_desk(&mut self, desk: &str) {
        self.desk = desk.to_string();
        self.claimant = super::claimant(desk);
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// The server as shown (no password).
    pub fn shown(&self) -> &str {
        &self.at
    }

    pub(crate) fn url(&self) -> &ServerUrl {
        &self.url
    }

    /// The server's refusal in the officer's words: a reader's write and a
    /// missing grant are named as such.
    fn err(&self) -> impl Fn(postgres::Error) -> StoreError + '_ {
        |e| {
            use postgres::error::SqlState;
            let code = e.as_db_error().map(|d| d.code().clone());
            if code == Some(SqlState::READ_ONLY_SQL_TRANSACTION) && self.is_reader() {
                return StoreError::ReaderRole {
                    role: self.role.clone(),
                };
            }
            roles::refused(&self.at, &self.role, e)
        }
    }

    fn simple(&self, sql: &str) -> Result<()> {
        self.session()?.batch_execute(sql).map_err(self.err())
    }

    /// The connection, opened again when the server closed it (it restarted, or
    /// the network dropped): the desk carries on once the server is back, without
    /// a restart. What was missed meanwhile counts as a change, so the screen
    /// reloads.
    fn session(&self) -> Result<std::cell::RefMut<'_, Client>> {
        let mut client = self.client.borrow_mut();
        if client.is_closed() {
            let (fresh, who) =
                session(&self.url, self.read_only).map_err(|e| connect_error(&self.at, e))?;
            *client = fresh;
            self.pid.set(who.pid);
            if self.listening.get() {
                client
                    .batch_execute(&format!("LISTEN {CHANNEL}"))
                    .map_err(self.err())?;
                self.seen.set(self.seen.get() + 1);
            }
            tracing::info!("reconnected to the database server");
        }
        Ok(client)
    }

    /// Runs `f` in a transaction (READ COMMITTED: a row changed by another desk
    /// meanwhile is read again by the UPDATE that finds it, so a step taken twice
    /// at once is refused as "changed meanwhile", not applied twice).
    fn write<T>(&self, f: impl FnOnce(&mut Transaction<'_>, &Writer) -> Result<T>) -> Result<T> {
        self.refuse_reader()?;
        let mut client = self.session()?;
        let mut tx = client
            .build_transaction()
            .isolation_level(IsolationLevel::ReadCommitted)
            .start()
            .map_err(|e| server_error(&self.at, e))?;
        let out = f(
            &mut tx,
            &Writer {
                at: &self.at,
                desk: &self.desk,
            },
        )?;
        tx.commit().map_err(self.err())?;
        Ok(out)
    }

    /// Runs `f` on the session, outside any explicit transaction. A read that
    /// found the connection closed under it (the server restarted) is tried once
    /// more on a new one; a write is not, since its commit may have gone through.
    fn read<T>(&self, f: impl Fn(&mut Client) -> Result<T>) -> Result<T> {
        let first = f(&mut *self.session()?);
        if first.is_err() && self.client.borrow().is_closed() {
            return f(&mut *self.session()?);
        }
        first
    }

    fn newer(&self, found: i64) -> StoreError {
        StoreError::ServerNewerSchema {
            at: self.at.clone(),
            found,
            known: SCHEMA_VERSION,
        }
    }

    /// The schema version in `meta`, or None for a database without the desk's tables.
    fn stored_version(&self) -> Result<Option<i64>> {
        self.read(|c| version_in(c, &self.at))
    }

    fn migrate(&mut self) -> Result<()> {
        // Current already (every open but the first): no lock, no transaction.
        if self.stored_version()? == Some(SCHEMA_VERSION) {
            return Ok(());
        }
        // The lock is taken before the transaction begins: a desk that waited for
        // another's migration then starts afresh and sees its tables (a transaction
        // begun before they existed would still find the catalog's old answer).
        self.simple(&format!(
            "SELECT pg_advisory_lock({})",
            schema::MIGRATION_LOCK
        ))?;
        let done = self.migrate_locked();
        let unlocked = self.simple(&format!(
            "SELECT pg_advisory_unlock({})",
            schema::MIGRATION_LOCK
        ));
        done.and(unlocked)
    }

    fn migrate_locked(&mut self) -> Result<()> {
        let at = self.at.clone();
        self.write(|tx, _| {
            let found = version_in(tx, &at)?;
            if found.is_none() {
                let others: i64 = tx
                    .query_one(
                        "SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema()",
                        &[],
                    )
                    .map_err(|e| server_error(&at, e))?
                    .get(0);
                if others > 0 {
                    return Err(StoreError::ServerForeign { at: at.clone() });
                }
            }
            let found = found.unwrap_or(0);
            if found > SCHEMA_VERSION {
                return Err(StoreError::ServerNewerSchema {
                    at: at.clone(),
                    found,
                    known: SCHEMA_VERSION,
                });
            }
            for (version, step) in MIGRATIONS.iter().filter(|(v, _)| *v > found) {
                tx.batch_execute(step).map_err(|e| server_error(&at, e))?;
                tx.execute(
                    "INSERT INTO meta (key, value) VALUES ('schema_version', $1)
                     ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    &[&version.to_string()],
                )
                .map_err(|e| server_error(&at, e))?;
            }
            tx.batch_execute(schema::GRANTS)
                .map_err(|e| server_error(&at, e))?;
            Ok(())
        })
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self.stored_version()?.unwrap_or(0))
    }

    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        self.read(|c| {
            Ok(
                c.query_opt("SELECT value FROM meta WHERE key = $1", &[&key])
                    .map_err(self.err())?
                    .map(|r| r.get(0)),
            )
        })
    }

    pub fn set_meta(&self, key: &str, value: &str) -> Result<()> {
        self.refuse_reader()?;
        self.read(|c| {
            c.execute(
                "INSERT INTO meta (key, value) VALUES ($1, $2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                &[&key, &value],
            )
            .map_err(self.err())?;
            Ok(())
        })
    }

    /// A number that changes when another session committed a change to the queue:
    /// the notifications that arrived since the last call, counted. The first call
    /// starts listening. No table is read; the socket is polled without waiting.
    pub fn data_version(&self) -> Result<i64> {
        let mut client = self.session()?;
        if !self.listening.get() {
            client
                .batch_execute(&format!("LISTEN {CHANNEL}"))
                .map_err(self.err())?;
            self.listening.set(true);
        }
        // A zero timeout reads what has arrived on the socket and never waits
        // (`iter` would yield only what an earlier query happened to buffer).
        let mut notifications = client.notifications();
        let mut iter = notifications.timeout_iter(std::time::Duration::ZERO);
        let mut fresh = 0;
        while let Some(n) = iter.next().map_err(self.err())? {
            if n.process_id() != self.pid.get() {
                fresh += 1;
            }
        }
        if fresh > 0 {
            self.seen.set(self.seen.get() + 1);
        }
        Ok(self.seen.get())
    }
}

/// Who a new session is: its backend's process id (its own notifications are
/// skipped), its login role and that role's standing.
struct Who {
    pid: i32,
    role: String,
    standing: roles::Standing,
}

/// A connection and who it is, read-only when asked, in one round trip.
fn session(
    url: &ServerUrl,
    read_only: bool,
) -> std::result::Result<(Client, Who), connect::ConnectError> {
    let mut client = connect::client(url)?;
    let setup = if read_only {
        format!(
            "SET default_transaction_read_only = on; {}",
            roles::STANDING_SQL
        )
    } else {
        roles::STANDING_SQL.to_string()
    };
    let row = client
        .simple_query(&setup)?
        .into_iter()
        .find_map(|m| match m {
            postgres::SimpleQueryMessage::Row(r) => Some(r),
            _ => None,
        });
    let cell = |i: usize| row.as_ref().and_then(|r| r.get(i)).map(str::to_string);
    let who = Who {
        pid: cell(0).and_then(|v| v.parse().ok()).unwrap_or(0),
        role: cell(1).unwrap_or_default(),
        standing: roles::Standing::from_answer(cell(2).as_deref()),
    };
    Ok((client, who))
}

fn version_in(c: &mut impl GenericClient, at: &str) -> Result<Option<i64>> {
    let has_meta = first_value(
        c.simple_query("SELECT to_regclass('meta') IS NOT NULL")
            .map_err(|e| server_error(at, e))?,
    );
    if has_meta.as_deref() != Some("t") {
        return Ok(None);
    }
    let v = first_value(
        c.simple_query("SELECT value FROM meta WHERE key = 'schema_version'")
            .map_err(|e| server_error(at, e))?,
    );
    Ok(Some(v.and_then(|v| v.parse().ok()).unwrap_or(0)))
}

/// The first column of the first row a simple query returned.
fn first_value(messages: Vec<postgres::SimpleQueryMessage>) -> Option<String> {
    messages.into_iter().find_map(|m| match m {
        postgres::SimpleQueryMessage::Row(r) => r.get(0).map(str::to_string),
        _ => None,
    })
}

/// Why a connection was not made, one line.
pub(super) fn connect_error(at: &str, e: connect::ConnectError) -> StoreError {
    match e {
        connect::ConnectError::Server(e) => server_error(at, e),
        connect::ConnectError::Refused(why) => StoreError::Server {
            at: at.to_string(),
            detail: why,
        },
    }
}

/// PostgreSQL's message, one line, without the password (the URL never enters
/// an error: only `at`, the URL as shown).
pub(super) fn server_error(at: &str, e: postgres::Error) -> StoreError {
    use postgres::error::SqlState;
    // The server gave way to another writer: the same write may simply be tried again.
    let gave_way = [
        SqlState::LOCK_NOT_AVAILABLE,
        SqlState::T_R_DEADLOCK_DETECTED,
        SqlState::T_R_SERIALIZATION_FAILURE,
    ];
    if let Some(db) = e.as_db_error()
        && gave_way.contains(db.code())
    {
        return StoreError::Busy {
            server: Some((at.to_string(), db.message().to_string())),
        };
    }
    let detail = match e.as_db_error() {
        Some(db) => db.message().to_string(),
        None => {
            // "error connecting to server: connection refused", not the first half only.
            let mut text = e.to_string();
            let mut cause = std::error::Error::source(&e);
            while let Some(c) = cause {
                let more = c.to_string();
                if !text.contains(&more) {
                    text = format!("{text}: {more}");
                }
                cause = c.source();
            }
            if text == "invalid configuration" || text.starts_with("invalid configuration:") {
                text.push_str(" (expected postgres://user@host/database)");
            }
            text
        }
    };
    StoreError::Server {
        at: at.to_string(),
        detail: detail.lines().next().unwrap_or("").to_string(),
    }
}

#[cfg(test)]
mod tests;
