//! Where complaints are kept: the only module that speaks SQL.
//!
//! [`Store`] is the one interface the desk, the screen and the BCare worker use.
//! Behind it are two implementations, each the only place that speaks its own
//! SQL: [`sqlite`] (one file on this machine, the default) and [`pg`] (a
//! server several desks share). Both keep the same schema: complaints, their
//! append-only events, the outbox and drafts, in versioned migrations.

mod error;
mod holiday_rows;
mod instant;
mod location;
mod model;
pub mod pg;
mod search_terms;
pub mod sqlite;
pub mod transfer;

pub use error::{Doing, Result, StoreError};
pub use location::{Location, ServerUrl};
pub use model::*;
pub use pg::roles::Duty;
pub use sqlite::{APPLICATION_ID, SCHEMA_VERSION, integrity_check_at, make_data_folder};

use crate::domain::complaint::{Complaint, Event, Stage};
use crate::domain::followup::Followed;
use crate::domain::report::ReportRow;
use chrono::{DateTime, Utc};
use pg::PgStore;
use sqlite::SqliteStore;
use std::path::Path;

/// The full check of a database, for a thread of its own (the screen keeps
/// drawing): SQLite's `integrity_check` on a read-only connection, or the
/// server's checks on a session of its own.
pub fn integrity_check_of(at: &Location) -> Result<Vec<String>> {
    match at {
        Location::File(p) => integrity_check_at(p),
        Location::Server(_) => Store::open_read_only_at(at)?.integrity_check(),
    }
}

/// The desk's records, on SQLite or PostgreSQL.
pub struct Store {
    backend: Backend,
    location: Location,
}

enum Backend {
    Sqlite(SqliteStore),
    Postgres(Box<PgStore>),
}

/// Who holds an outbox claim: the desk's name, this process and this session,
/// so that two windows of one desk never take each other's rows.
fn claimant(desk: &str) -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static SESSION: AtomicU64 = AtomicU64::new(0);
    let n = SESSION.fetch_add(1, Ordering::Relaxed);
    format!("{desk}/{}/{n}", std::process::id())
}

impl Store {
    /// Opens for reading and writing, creating the database file in an existing
    /// folder (or the tables in an empty server database) when missing, and
    /// bringing its schema up to date.
    pub fn open_at(at: &Location) -> Result<Store> {
        let backend = match at {
            Location::File(p) => Backend::Sqlite(SqliteStore::open(p)?),
            Location::Server(url) => Backend::Postgres(Box::new(PgStore::open(url)?)),
        };
        Ok(Store {
            backend,
            location: at.clone(),
        })
    }

    /// Opens for a command that changes the records of a desk that must exist
    /// already: a missing file or a database without the desk's tables is refused,
    /// never created (a mistyped path must not become a new, empty desk).
    pub fn open_existing_at(at: &Location) -> Result<Store> {
        let backend = match at {
            Location::File(p) => Backend::Sqlite(SqliteStore::open_existing(p)?),
            Location::Server(url) => Backend::Postgres(Box::new(PgStore::open_existing(url)?)),
        };
        Ok(Store {
            backend,
            location: at.clone(),
        })
    }

    /// Opens for a command that only reads (see [`SqliteStore::open_read_only`]):
    /// the database must exist. On PostgreSQL every session of it is read-only.
    pub fn open_read_only_at(at: &Location) -> Result<Store> {
        let backend = match at {
            Location::File(p) => Backend::Sqlite(SqliteStore::open_read_only(p)?),
            Location::Server(url) => Backend::Postgres(Box::new(PgStore::open_read_only(url)?)),
        };
        Ok(Store {
            backend,
            location: at.clone(),
        })
    }

    /// A SQLite file (the tests' and the single desk's way in).
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_at(&Location::File(path.to_path_buf()))
    }

    pub fn open_read_only(path: &Path) -> Result<Store> {
        Store::open_read_only_at(&Location::File(path.to_path_buf()))
    }

    /// Whether a writing open would be allowed: a read-only file is not.
    pub fn writable(at: &Location) -> bool {
        match at {
            Location::File(p) => SqliteStore::writable(p),
            Location::Server(_) => true,
        }
    }

    pub fn location(&self) -> &Location {
        &self.location
    }

    /// The SQLite file, when the records are in one.
    pub fn file(&self) -> Option<&Path> {
        self.location.file()
    }

    pub fn is_postgres(&self) -> bool {
        matches!(self.backend, Backend::Postgres(_))
    }

    /// The file's mode when others may read it; a server has no file here.
    pub fn exposed_mode(&self) -> Option<u32> {
        match &self.backend {
            Backend::Sqlite(s) => s.exposed_mode(),
            Backend::Postgres(_) => None,
        }
    }

    /// The SQLite store itself, for what only a file has (its header, VACUUM).
    pub fn sqlite(&self) -> Option<&SqliteStore> {
        match &self.backend {
            Backend::Sqlite(s) => Some(s),
            Backend::Postgres(_) => None,
        }
    }

    #[cfg(test)]
    pub fn sqlite_mut(&mut self) -> Option<&mut SqliteStore> {
        match &mut self.backend {
            Backend::Sqlite(s) => Some(s),
            Backend::Postgres(_) => None,
        }
    }

    pub fn postgres(&self) -> Option<&PgStore> {
        match &self.backend {
            Backend::Postgres(p) => Some(p),
            Backend::Sqlite(_) => None,
        }
    }

    /// The session's role when the server lets it only read (a reader on a
    /// shared database); None on a file, whose owner is the officer.
    pub fn reader_role(&self) -> Option<&str> {
        match &self.backend {
            Backend::Postgres(p) if p.is_reader() => Some(p.login_role()),
            _ => None,
        }
    }

    /// Gives a login role a duty on the shared database (its owner's command).
    pub fn grant(&self, role: &str, duty: Duty) -> Result<()> {
        match &self.backend {
            Backend::Postgres(p) => p.grant(role, duty),
            Backend::Sqlite(_) => Err(StoreError::RolesNeedServer),
        }
    }

    /// Takes every duty from a login role.
    pub fn revoke(&self, role: &str) -> Result<()> {
        match &self.backend {
            Backend::Postgres(p) => p.revoke(role),
            Backend::Sqlite(_) => Err(StoreError::RolesNeedServer),
        }
    }

    /// Who holds which duty on the server, by login role.
    pub fn duties(&self) -> Result<Vec<(String, Duty)>> {
        match &self.backend {
            Backend::Postgres(p) => p.duties(),
            Backend::Sqlite(_) => Err(StoreError::RolesNeedServer),
        }
    }

    /// Records which desk writes (PostgreSQL: `[desk] name` or the host name);
    /// each event written afterwards carries it.
    pub fn set_desk(&mut self, desk: &str) {
        match &mut self.backend {
            Backend::Sqlite(s) => s.set_desk(desk),
            Backend::Postgres(p) => p.set_desk(desk),
        }
    }
}

/// The interface: each method is forwarded to the backend's method of the same
/// name and signature, so a backend that lacks one does not compile.
macro_rules! forward {
    ($( $(#[$doc:meta])* fn $name:ident(&self $(, $arg:ident: $ty:ty)* $(,)?) -> $ret:ty; )*) => {
        impl Store {$(
            $(#[$doc])*
            pub fn $name(&self $(, $arg: $ty)*) -> $ret {
                match &self.backend {
                    Backend::Sqlite(s) => s.$name($($arg),*),
                    Backend::Postgres(p) => p.$name($($arg),*),
                }
            }
        )*}
    };
}

macro_rules! forward_mut {
    ($( $(#[$doc:meta])* fn $name:ident(&mut self $(, $arg:ident: $ty:ty)* $(,)?) -> $ret:ty; )*) => {
        impl Store {$(
            $(#[$doc])*
            pub fn $name(&mut self $(, $arg: $ty)*) -> $ret {
                match &mut self.backend {
                    Backend::Sqlite(s) => s.$name($($arg),*),
                    Backend::Postgres(p) => p.$name($($arg),*),
                }
            }
        )*}
    };
}

forward_mut! {
    /// Writes complaints with their events in one transaction, numbering each
    /// reference within its year (unique and gap-free however many desks write).
    /// Sets `id` and `reference` on each.
    fn insert_complaints(&mut self, records: &mut [IntakeRecord]) -> Result<()>;
    /// Applies a step: the row changes only if it is still at the complaint's
    /// stage (else [`StoreError::Conflict`]: "changed meanwhile"), and its event
    /// (and outbox row) is written in the same transaction.
    fn apply(
        &mut self,
        c: &Complaint,
        to: Stage,
        change: &Change,
        event: &NewEvent,
        outbox: Option<&NewOutbox>,
    ) -> Result<()>;
    /// Every step in one transaction: all of them, or none.
    fn apply_all(&mut self, steps: &[BulkStep]) -> Result<()>;
    /// Rewrites the deadlines of complaints whose clock still runs.
    fn recompute_deadlines(
        &mut self,
        deadline_of: impl Fn(DateTime<Utc>) -> DateTime<Utc>,
    ) -> Result<usize>;
    /// Removes the personal data of `candidates` and old drafts, so that it is
    /// readable nowhere in the database.
    fn purge(
        &mut self,
        candidates: &[PurgeCandidate],
        closed_before: DateTime<Utc>,
        event: &NewEvent,
    ) -> Result<Purged>;
}

forward! {
    fn get(&self, reference: &str) -> Result<Complaint>;
    fn get_by_id(&self, id: i64) -> Result<Complaint>;
    /// One page of the queue: running clocks first, then by deadline.
    fn list(&self, q: &ListQuery) -> Result<Vec<Complaint>>;
    /// Every word a prefix of some field; identifiers typed with separators match
    /// as stored. Open complaints first, then the latest deadline.
    fn search(&self, text: &str, limit: usize) -> Result<Vec<Complaint>>;
    /// Open complaints that carry a ticket number another complaint may link to.
    fn open_tickets(&self, category: Option<&str>, limit: usize) -> Result<Vec<Complaint>>;
    /// The complaint that first carried this ticket number.
    fn by_ticket(&self, ticket_no: &str) -> Result<Option<Complaint>>;
    fn events(&self, complaint_id: i64) -> Result<Vec<Event>>;
    fn counts(&self, now: DateTime<Utc>) -> Result<QueueCounts>;
    fn total(&self) -> Result<i64>;
    /// How many complaints whose clock runs fall due after `after` and before `before`.
    fn due_between(&self, after: DateTime<Utc>, before: DateTime<Utc>) -> Result<i64>;
    /// Complaints received in `[from, to)`, newest first, paged by id.
    fn history(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        before_id: Option<i64>,
        limit: usize,
    ) -> Result<Vec<Complaint>>;
    /// Complaints of a category received since `since`, in the given stages.
    fn received_since(
        &self,
        category: &str,
        stages: &[Stage],
        since: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<Complaint>>;
    fn on_ticket(&self, ticket_no: &str, limit: usize) -> Result<Vec<Complaint>>;
    fn save_draft(&self, name: &str, body: &str, at: DateTime<Utc>) -> Result<bool>;
    fn load_draft(&self, name: &str) -> Result<Option<(String, DateTime<Utc>)>>;
    fn delete_draft(&self, name: &str) -> Result<()>;
    fn outbox_pending(&self, limit: usize) -> Result<Vec<OutboxRow>>;
    /// Rows due for delivery by `client`, claimed for this desk until
    /// `lease_until`: another desk's worker skips them until then (or until this
    /// one records the attempt).
    fn outbox_claim(
        &self,
        now: DateTime<Utc>,
        client: &str,
        lease_until: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<OutboxRow>>;
    /// Gives back the rows this session claimed and did not finish (its worker
    /// restarts after a failure): due again at once, not when the lease ends; the
    /// attempt that was under way still counts when the row is claimed again.
    fn outbox_release_claims(&self) -> Result<usize>;
    fn outbox_of(&self, complaint_id: i64) -> Result<Vec<OutboxRow>>;
    fn outbox_attempt_failed(
        &self,
        id: i64,
        error: &str,
        next_attempt_at: DateTime<Utc>,
        give_up: bool,
    ) -> Result<()>;
    fn outbox_waiting(&self, limit: usize) -> Result<Vec<OutboxRow>>;
    fn outbox_retry_now(&self, complaint_id: i64, now: DateTime<Utc>) -> Result<usize>;
    /// Marks the row sent and, when `may_ticket(stage)`, moves the complaint to
    /// ticketed, in one transaction.
    fn outbox_delivered(
        &self,
        row_id: i64,
        t: &DeliveredTicket,
        may_ticket: impl FnOnce(Stage) -> bool,
    ) -> Result<Delivery>;
    fn followed(&self, limit: usize) -> Result<Vec<Followed>>;
    fn followed_tickets(&self, limit: usize) -> Result<Vec<String>>;
    /// Records a ticket's status: reads and holds every ticketed or handed-over
    /// complaint carrying it, asks `decide` what to write for each, and writes it,
    /// all in one transaction. Returns each row with what was written.
    fn record_ticket_status(
        &self,
        ticket_no: &str,
        decide: impl Fn(&FollowedRow) -> StatusWrite,
    ) -> Result<Vec<(FollowedRow, StatusWrite)>>;
    fn record_notified(&self, complaint_id: i64, reference: &str, e: &NewEvent) -> Result<()>;
    /// Records several notices in one transaction: all or none.
    fn record_notified_all(&self, rows: &[NoticeRow]) -> Result<()>;
    /// Keeps the applicant's satisfaction survey (replacing one before) with its
    /// event, if the complaint is still at one of `stages`.
    fn record_survey(
        &self,
        complaint_id: i64,
        reference: &str,
        stages: &[Stage],
        answers: &str,
        e: &NewEvent,
    ) -> Result<()>;
    /// The events of the complaints received in `[from, to)` that know when they
    /// were written (honest time), oldest complaint first.
    fn event_times(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<crate::domain::honest::EventTime>>;
    /// The surveys of the complaints received in `[from, to)`: (reference, answers).
    fn surveys_received(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<(String, String)>>;
    /// A ticket number read back from BCare for the complaint `reference`: when
    /// `may_ticket(stage, number recorded)` says so, the complaint moves to
    /// ticketed with the number and `event`, in one transaction. False when it
    /// did not (missing, or moved on meanwhile).
    fn ticket_found(
        &self,
        reference: &str,
        ticket_no: &str,
        event: &NewEvent,
        may_ticket: impl FnOnce(Stage, Option<&str>) -> bool,
    ) -> Result<bool>;
    /// Appends Dir. IKC's steps and answers to the timeline of the complaint that
    /// filed the ticket (the first carrying it, not a linked caller), each once:
    /// one already there (same kind, `after`, note, and time when `timed`) is
    /// skipped. Returns how many were added.
    fn import_ticket_events(&self, ticket_no: &str, events: &[ImportedEvent]) -> Result<usize>;
    fn notices_owed(&self) -> Result<i64>;
    fn report_rows(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<ReportRow>>;
    fn complaint_ids(&self, range: Option<(DateTime<Utc>, DateTime<Utc>)>) -> Result<Vec<i64>>;
    fn purge_candidates(&self, closed_before: DateTime<Utc>) -> Result<Vec<PurgeCandidate>>;
    /// A number that changes whenever another connection (another desk, the
    /// worker, the command line) committed a change. Cheap: a screen asks every
    /// second.
    fn data_version(&self) -> Result<i64>;
    /// "ok", or the problems found.
    fn integrity_check(&self) -> Result<Vec<String>>;
    /// A copy of the whole database in `dest` (never replacing a file).
    fn backup(&self, dest: &Path) -> Result<()>;
    fn schema_version(&self) -> Result<i64>;
    fn meta(&self, key: &str) -> Result<Option<String>>;
    fn set_meta(&self, key: &str, value: &str) -> Result<()>;
    fn is_read_only(&self) -> bool;
    /// Every change to the holidays kept in the database, oldest first.
    fn calendar_changes(&self) -> Result<Vec<CalendarChangeRecord>>;
    /// Appends a change to the holidays, with who made it and when.
    fn record_calendar_change(
        &self,
        change: &crate::domain::calendar::HolidayChange,
        at: DateTime<Utc>,
        officer: &str,
    ) -> Result<()>;
}

#[cfg(test)]
pub(crate) mod tests;
