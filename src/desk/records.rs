//! Looking around: one complaint's dossier, the queue's pages, search, the
//! counts, the history, and the database's own checks.

use super::{CheckReport, Desk, Dossier, Result};
use crate::domain::complaint::Complaint;
use crate::domain::msg::Lang;
use crate::domain::sla;
use crate::domain::when::local_date;
use crate::store::{ListQuery, Location, QueueCounts, Store};
use chrono::{DateTime, Datelike, TimeDelta, Utc};
use std::path::Path;

/// A search's own read-only connection to the desk's database, for a thread of
/// its own: a slow search never holds the desk, and searching never writes.
pub struct Search {
    store: Store,
}

impl Search {
    pub fn open(db: &Location) -> Result<Search> {
        Ok(Search {
            store: Store::open_read_only_at(db)?,
        })
    }

    /// Every word a prefix of some field; identifiers typed with separators match
    /// as stored. Open complaints first.
    pub fn find(&self, text: &str, limit: usize) -> Result<Vec<Complaint>> {
        Ok(self.store.search(text, limit)?)
    }
}

impl Desk {
    pub fn dossier(&self, reference: &str) -> Result<Dossier> {
        let complaint = self.get(reference)?;
        Ok(Dossier {
            sla: self.sla_of(&complaint),
            sla_met: self.sla_met(&complaint),
            events: self.store.events(complaint.id)?,
            outbox: self.store.outbox_of(complaint.id)?,
            complaint,
        })
    }

    pub fn list(&self, q: &ListQuery) -> Result<Vec<Complaint>> {
        Ok(self.store.list(q)?)
    }

    pub fn search(&self, text: &str, limit: usize) -> Result<Vec<Complaint>> {
        Ok(self.store.search(text, limit)?)
    }

    /// Complaints with a ticket that another complaint of this category could share.
    pub fn open_tickets(&self, category: Option<&str>) -> Result<Vec<Complaint>> {
        Ok(self.store.open_tickets(category, 50)?)
    }

    pub fn counts(&self) -> Result<QueueCounts> {
        Ok(self.store.counts(self.now())?)
    }

    pub fn check(&self) -> Result<CheckReport> {
        let year = local_date(self.now(), self.calendar.offset()).year();
        Ok(CheckReport {
            database: self.store.location().to_string(),
            schema_version: self.store.schema_version()?,
            integrity: self.store.integrity_check()?,
            calendar: self.calendar.name().to_string(),
            calendar_year: year,
            calendar_covers_year: self.calendar.covers_year(year),
            calendar_notice: self.calendar_notice().map(|n| n.text(Lang::En)),
            calendar_alarm: self.calendar_notice().is_some_and(|n| n.is_alarm()),
            complaints: self.store.total()?,
        })
    }

    /// Running complaints whose deadline falls within the next `working` minutes
    /// of working time (the status bar's "due soon"), counted by the store.
    pub fn due_within(&self, working: TimeDelta) -> Result<i64> {
        let now = self.now();
        match sla::deadline(&self.calendar, now, working) {
            Some(cutoff) => Ok(self.store.due_between(now, cutoff)?),
            None => Ok(0),
        }
    }

    /// A search connection of its own on this desk's database (see [`Search`]).
    pub fn search_connection(&self) -> Result<Search> {
        Search::open(self.store.location())
    }

    /// Where the records are: a file, or a server shown without its password.
    pub fn location(&self) -> &Location {
        self.store.location()
    }

    /// The database file, when the records are in one.
    pub fn file(&self) -> Option<&Path> {
        self.store.file()
    }

    /// The file's mode when others may read it; a server has no file here.
    pub fn exposed_mode(&self) -> Option<u32> {
        self.store.exposed_mode()
    }

    /// Keeps a half-typed form under `name`, replacing the last one. False when
    /// it was kept as it is already (nothing written).
    pub fn save_draft(&self, name: &str, body: &str) -> Result<bool> {
        Ok(self.store.save_draft(name, body, self.now())?)
    }

    /// The form kept under `name`, with when it was kept.
    pub fn load_draft(&self, name: &str) -> Result<Option<(String, DateTime<Utc>)>> {
        Ok(self.store.load_draft(name)?)
    }

    pub fn delete_draft(&self, name: &str) -> Result<()> {
        Ok(self.store.delete_draft(name)?)
    }

    pub fn backup(&self, dest: &Path) -> Result<()> {
        Ok(self.store.backup(dest)?)
    }

    /// Changes whenever another connection (the command line, a second desk, the
    /// BCare worker) commits to the database: the screen reloads when it moves.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self.store.data_version()?)
    }

    /// Complaints received in `[from, to)`, newest first (the desk's history view).
    pub fn history(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        before_id: Option<i64>,
        limit: usize,
    ) -> Result<Vec<Complaint>> {
        Ok(self.store.history(from, to, before_id, limit)?)
    }
}
