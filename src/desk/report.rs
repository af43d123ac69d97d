//! The section's report, the shift handoff, export and retention.

use super::{Desk, DeskError, Result, sla_budget};
use crate::domain::complaint::{Complaint, Event, Stage, officer_shown};
use crate::domain::desk_note::DeskNote;
use crate::domain::followup::FollowupItem;
use crate::domain::msg::{FieldError, Lang, M};
use crate::store::{ListQuery, OutboxRow};
use chrono::{DateTime, Utc};

/// What the next officer inherits: the screen's report pane and
/// `report --shift` show the same.
#[derive(Debug, Clone)]
pub struct ShiftHandoff {
    pub at: DateTime<Utc>,
    /// Open complaints, those whose clock runs first, most urgent first.
    pub open: Vec<Complaint>,
    /// Reports not yet accepted by BCare.
    pub outbox: Vec<OutboxRow>,
    /// Open at Dir. IKC longer than `[followup] chase_after_days` working days.
    pub tickets_to_chase: Vec<FollowupItem>,
    /// Resolved by Dir. IKC, the applicant not told yet.
    pub notices_owed: Vec<FollowupItem>,
}

/// The most the handoff lists of each kind; the queue shows the rest.
pub const SHIFT_LIMIT: usize = 500;

impl Desk {
    /// The shift handoff as of now.
    pub fn shift_handoff(&self) -> Result<ShiftHandoff> {
        let mut open = self.list(&ListQuery {
            stages: Stage::ALL.into_iter().filter(|s| s.is_open()).collect(),
            deadline_before: None,
            category: None,
            after: None,
            limit: SHIFT_LIMIT,
        })?;
        // The clock still runs on these: they come first, most urgent first.
        open.sort_by_key(|c| (!c.stage.sla_running(), c.sla_deadline));
        let (notices_owed, followed): (Vec<_>, Vec<_>) =
            self.followup()?.into_iter().partition(|i| i.notify_owed);
        Ok(ShiftHandoff {
            at: self.now(),
            open,
            outbox: self.outbox_waiting(SHIFT_LIMIT)?,
            tickets_to_chase: followed.into_iter().filter(|i| i.chase).collect(),
            notices_owed,
        })
    }
}

/// The section's report.
impl Desk {
    /// The section's report over `period`, grouped `by`.
    pub fn section_report(
        &self,
        period: crate::domain::report::Period,
        by: crate::domain::report::GroupBy,
    ) -> Result<crate::domain::report::SectionReport> {
        let (from, to) = period.bounds(self.calendar.offset());
        let rows = self.store.report_rows(from, to)?;
        let heard = crate::domain::report::Heard {
            surveys: self.surveys_in(from, to)?,
            backdated: crate::domain::honest::backdated(self.store.event_times(from, to)?),
        };
        let mut report =
            crate::domain::report::compute(&rows, &heard, period, by, &self.calendar, sla_budget());
        // The report names who changed the calendar as the history does.
        let shown: Vec<String> = self
            .calendar_changes
            .iter()
            .map(|c| officer_shown(&c.officer, c.officer_name.as_deref()))
            .collect();
        report.calendar_changed = crate::domain::report::calendar_changed_after_handover(
            &rows,
            period,
            self.calendar_changes
                .iter()
                .zip(&shown)
                .map(|(c, who)| (c.at, who.as_str(), c.desk.as_deref(), &c.change)),
        );
        Ok(report)
    }
}

/// One complaint as the export writes it.
#[derive(Debug, Clone)]
pub struct ExportedComplaint {
    pub complaint: Complaint,
    pub events: Vec<Event>,
    pub sla_met: Option<bool>,
}

impl Desk {
    /// Every complaint received in `period` (all when None), with its events, in order of
    /// receipt; with `redact`, personal data masked ([`crate::domain::redact`]). `read`
    /// hears how many of how many are read.
    pub fn export(
        &self,
        period: Option<crate::domain::report::Period>,
        redact: bool,
        read: &mut dyn FnMut(usize, usize),
    ) -> Result<Vec<ExportedComplaint>> {
        use crate::domain::redact;
        // A reader (the head of section) reports; the applicants' data stays
        // with the officers who serve them.
        if !redact && self.reader_role().is_some() {
            return Err(DeskError::invalid(FieldError::of(
                "redact",
                M::ReaderExportNeedsRedact,
            )));
        }
        let range = period.map(|p| p.bounds(self.calendar.offset()));
        let ids = self.store.complaint_ids(range)?;
        let mut out = Vec::with_capacity(ids.len());
        for (n, id) in ids.iter().copied().enumerate() {
            read(n, ids.len());
            let c = self.store.get_by_id(id)?;
            let events = self.store.events(id)?;
            let sla_met = self.sla_met(&c);
            out.push(if redact {
                ExportedComplaint {
                    complaint: redact::complaint(&c),
                    events: events.iter().map(redact::event).collect(),
                    sla_met,
                }
            } else {
                ExportedComplaint {
                    complaint: c,
                    events,
                    sla_met,
                }
            });
        }
        Ok(out)
    }
}

/// What `purge` found, and did unless it was a dry run.
#[derive(Debug, Clone)]
pub struct PurgeReport {
    pub months: u32,
    /// Complaints closed before this instant are purged.
    pub cutoff: DateTime<Utc>,
    pub candidates: Vec<crate::store::PurgeCandidate>,
    /// None for a dry run.
    pub done: Option<crate::store::Purged>,
}

impl Desk {
    /// `[retention] months` before now.
    pub fn retention_cutoff(&self) -> DateTime<Utc> {
        let months = chrono::Months::new(self.config.retention.months);
        let now = self.now();
        now.checked_sub_months(months).unwrap_or(now)
    }

    /// Closed complaints whose personal data is past the retention period.
    pub fn purge_due(&self) -> Result<Vec<crate::store::PurgeCandidate>> {
        Ok(self.store.purge_candidates(self.retention_cutoff())?)
    }

    /// Removes the personal data of complaints closed more than `[retention] months` ago
    /// (see `store::retention`); each gets a `purged` event.
    pub fn purge(&mut self, dry_run: bool) -> Result<PurgeReport> {
        let cutoff = self.retention_cutoff();
        let candidates = self.store.purge_candidates(cutoff)?;
        let months = self.config.retention.months;
        let done = if dry_run {
            None
        } else {
            let mut event = self.event(crate::store::PURGED_EVENT, self.now());
            event.note = Some(M::NotePurged(Lang::Id, months));
            event.said = Some(DeskNote::Purged { months });
            Some(self.store.purge(&candidates, cutoff, &event)?)
        };
        Ok(PurgeReport {
            months,
            cutoff,
            candidates,
            done,
        })
    }
}
