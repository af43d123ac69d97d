//! Looking around: one complaint's dossier, the queue's pages, search, the
//! counts, the history, and the database's own checks.

use super::{CheckReport, Desk, Dossier, Result};
use crate::domain::complaint::Complaint;
use crate::domain::msg::Lang;
use crate::domain::when::local_date;
use crate::store::{ListQuery, QueueCounts};
use chrono::{DateTime, Datelike, Utc};
use std::path::Path;

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
