//! The desk: the use-cases of the instruksi kerja over the records, and the only
//! way the screen and the command line reach them. This room opens the desk and
//! names what it hands out; its rooms hold the steps (`steps`), looking around
//! (`records`), one outage's many callers (`incident`), the follow-up at Dir. IKC
//! (`followup`), delivery to BCare (`outbox`), the worker that runs both on a
//! thread of its own (`worker`), the section's report and retention (`report`),
//! the holidays (`holidays`), samples (`demo`) and the move to a server (`moving`).

use crate::config::Config;
use crate::domain::bcare_report::BcareReport;
use crate::domain::calendar::{CalendarNotice, WorkCalendar};
use crate::domain::category::Categories;
use crate::domain::complaint::{Complaint, Event};
use crate::domain::intake::{IntakeContext, IntakeForm};
use crate::domain::msg::{FieldError, FieldWarning, Lang, M};
use crate::domain::sla::{self, SlaStatus};
use crate::domain::when::local_date;
use crate::domain::workflow::IllegalStep;
use crate::store::{NewEvent, Store};

/// The records the desk hands out and takes, as the store keeps them: the screen
/// and the command line name them through the desk, never the store.
pub use crate::store::{
    CalendarChangeRecord, ListQuery, Location, OutboxRow, OutboxState, PurgeCandidate, Purged,
    QueueCounts, QueueKey, ServerUrl, StoreError, make_data_folder,
};

use chrono::{DateTime, TimeDelta, Utc};
use regex::Regex;
use std::sync::Arc;

pub mod ceisacare;
mod demo;
pub mod followup;
mod holidays;
mod incident;
pub mod moving;
pub mod outbox;
pub mod polled;
mod records;
mod report;
pub mod roles;
mod steps;
mod survey;
pub mod token;
pub mod worker;

pub use demo::{Sample, SampleStep};
pub use incident::link_target_of;
pub use polled::{SeenStatus, StatusChange};
pub use records::Search;
pub use report::{ExportedComplaint, PurgeReport, SHIFT_LIMIT, ShiftHandoff};

/// Where "now" comes from: the wall clock, or a fixed instant in tests and training.
pub type Clock = Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>;

pub fn system_clock() -> Clock {
    Arc::new(Utc::now)
}

/// Why a use-case refused: the caller shows it and nothing was changed.
#[derive(Debug, thiserror::Error)]
pub enum DeskError {
    #[error("{}", .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<FieldError>),
    #[error(transparent)]
    Illegal(#[from] IllegalStep),
    #[error(transparent)]
    Database(#[from] StoreError),
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

impl DeskError {
    /// One line in the officer's language.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            DeskError::Invalid(errs) => errs
                .iter()
                .map(|e| e.text(lang))
                .collect::<Vec<_>>()
                .join("; "),
            DeskError::Illegal(e) => e.text(lang),
            DeskError::Database(StoreError::NotFound(r)) => M::NoComplaint(lang, r),
            DeskError::Database(e) => e.text(lang),
            other => format!("{other:#}"),
        }
    }

    fn invalid(e: FieldError) -> DeskError {
        DeskError::Invalid(vec![e])
    }
}

pub type Result<T> = std::result::Result<T, DeskError>;

/// What a complaint links to: a ticket number, or another complaint carrying one.
#[derive(Debug, Clone)]
pub enum LinkTarget {
    Ticket(String),
    Complaint(String),
}

/// What forwarding did.
#[derive(Debug, Clone)]
pub enum Forwarded {
    /// Portal: the officer files the report in the browser and records the number.
    Portal {
        report: BcareReport,
        portal_url: String,
    },
    /// Queued in the outbox; the worker delivers it.
    Queued { report: BcareReport, client: String },
}

/// One complaint with everything the desk knows of it.
#[derive(Debug, Clone)]
pub struct Dossier {
    pub complaint: Complaint,
    pub sla: Option<SlaStatus>,
    pub sla_met: Option<bool>,
    pub events: Vec<Event>,
    pub outbox: Vec<OutboxRow>,
}

/// What `check` found.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CheckReport {
    pub database: String,
    pub schema_version: i64,
    pub integrity: Vec<String>,
    pub calendar: String,
    pub calendar_year: i32,
    pub calendar_covers_year: bool,
    /// The calendar's warning or alarm, if any (see [`Desk::calendar_notice`]).
    pub calendar_notice: Option<String>,
    /// This year's holidays are not entered: `check` fails.
    pub calendar_alarm: bool,
    pub complaints: i64,
}

impl CheckReport {
    pub fn ok(&self) -> bool {
        self.integrity == ["ok"] && !self.calendar_alarm
    }
}

pub struct Desk {
    store: Store,
    /// The effective calendar: the built-in one or `[calendar] file`, with the
    /// database's holiday changes laid over it.
    calendar: WorkCalendar,
    /// The built-in calendar or the file's, before the database's changes.
    base_calendar: WorkCalendar,
    /// The base calendar's fingerprint (the file's text).
    base_fingerprint: String,
    /// The database's holiday changes, oldest first.
    calendar_changes: Vec<CalendarChangeRecord>,
    categories: Categories,
    config: Config,
    officer: String,
    ticket_pattern: Regex,
    clock: Clock,
}

/// The budget of the instruksi kerja: 2 working hours.
pub fn sla_budget() -> TimeDelta {
    TimeDelta::minutes(sla::DEFAULT_BUDGET_MINUTES)
}

const CALENDAR_META: &str = "calendar_fingerprint";

fn fingerprint(text: &str) -> String {
    // FNV-1a: enough to notice that the calendar file changed.
    let mut h: u64 = 0xcbf29ce484222325;
    for b in text.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{h:016x}")
}

/// What the stored deadlines were computed under: the base calendar and the
/// database's holiday changes up to the last one.
fn calendar_fingerprint(base: &str, changes: &[CalendarChangeRecord]) -> String {
    match changes.last() {
        None => base.to_string(),
        Some(last) => format!("{base}+{}.{}", changes.len(), last.id),
    }
}

/// This desk's name on the events it writes: `[desk] name`, else the host name
/// (several desks on one PostgreSQL database tell their events apart by it).
pub fn desk_name(config: &Config) -> String {
    config
        .desk
        .name
        .as_deref()
        .map(|n| n.chars().filter(|c| !c.is_control()).collect::<String>())
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .or_else(|| {
            std::fs::read_to_string("/proc/sys/kernel/hostname")
                .ok()
                .map(|h| h.trim().to_string())
                .filter(|h| !h.is_empty())
        })
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_else(|| "desk".into())
}

impl Desk {
    /// Opens the desk on a database for reading and writing. `calendar_text` is the
    /// calendar file's text, or None for the built-in calendar.
    pub fn open(
        db: impl Into<Location>,
        config: Config,
        calendar_text: Option<&str>,
        clock: Clock,
    ) -> anyhow::Result<Desk> {
        Desk::open_with(Store::open_at(&db.into())?, config, calendar_text, clock)
    }

    /// Opens the desk for a command that changes records: the database must be
    /// there already; a mistyped path is refused, never made into a new desk.
    pub fn open_existing(
        db: impl Into<Location>,
        config: Config,
        calendar_text: Option<&str>,
        clock: Clock,
    ) -> anyhow::Result<Desk> {
        Desk::open_with(
            Store::open_existing_at(&db.into())?,
            config,
            calendar_text,
            clock,
        )
    }

    /// Opens the desk for a command that only reads (list, show, search, check,
    /// backup, the outbox listing): the file is opened read-only and never changed.
    pub fn open_read_only(
        db: impl Into<Location>,
        config: Config,
        calendar_text: Option<&str>,
        clock: Clock,
    ) -> anyhow::Result<Desk> {
        let db = db.into();
        let store = Store::open_read_only_at(&db)?;
        // Deadlines stored under another calendar are recomputed first, once, when
        // the file can be written: a reading command must not show stale ones.
        let fp = calendar_fingerprint(
            &fingerprint(calendar_text.unwrap_or(WorkCalendar::BUILTIN_TOML)),
            &store.calendar_changes()?,
        );
        if store.meta(CALENDAR_META)?.as_deref() != Some(fp.as_str()) && Store::writable(&db) {
            drop(store);
            return Desk::open_existing(db, config, calendar_text, clock);
        }
        Desk::open_with(store, config, calendar_text, clock)
    }

    fn open_with(
        mut store: Store,
        config: Config,
        calendar_text: Option<&str>,
        clock: Clock,
    ) -> anyhow::Result<Desk> {
        use anyhow::Context;
        store.set_desk(&desk_name(&config));
        let base_calendar = match calendar_text {
            Some(t) => WorkCalendar::from_toml(t).context("reading the calendar file")?,
            None => WorkCalendar::builtin(),
        };
        let ticket_pattern = Regex::new(&config.bcare.ticket_pattern)
            .context("[bcare] ticket_pattern is not a valid regular expression")?;
        let calendar_changes = store.calendar_changes()?;
        let calendar = base_calendar.with_changes(calendar_changes.iter().map(|c| &c.change));
        let officer = config.officer_name();
        let mut desk = Desk {
            store,
            calendar,
            base_calendar,
            base_fingerprint: fingerprint(calendar_text.unwrap_or(WorkCalendar::BUILTIN_TOML)),
            calendar_changes,
            categories: Categories::builtin(),
            config,
            officer,
            ticket_pattern,
            clock,
        };
        desk.sync_deadlines()?;
        Ok(desk)
    }

    /// Stored deadlines follow the calendar: the running complaints' are
    /// recomputed when it changed since they were computed. A read-only file
    /// keeps the deadlines it has (and the log says so).
    fn sync_deadlines(&mut self) -> anyhow::Result<()> {
        let fp = calendar_fingerprint(&self.base_fingerprint, &self.calendar_changes);
        if self.store.meta(CALENDAR_META)?.as_deref() == Some(fp.as_str()) {
            return Ok(());
        }
        if self.store.is_read_only() {
            tracing::warn!("calendar changed but the database is read-only: deadlines as stored");
            return Ok(());
        }
        let (calendar, budget) = (&self.calendar, sla_budget());
        let n = self.store.recompute_deadlines(|start| {
            sla::deadline(calendar, start, budget).unwrap_or(start + budget)
        })?;
        if n > 0 {
            tracing::info!(complaints = n, "calendar changed: deadlines recomputed");
        }
        self.store.set_meta(CALENDAR_META, &fp)?;
        Ok(())
    }

    /// The full integrity check of this desk's file, as a job for a background
    /// thread: it opens a read-only connection of its own, so the screen keeps
    /// drawing while it runs (minutes on a big file).
    pub fn integrity_check(&self) -> impl FnOnce() -> Result<Vec<String>> + Send + 'static {
        let at = self.store.location().clone();
        move || Ok(crate::store::integrity_check_of(&at)?)
    }

    /// The clock, for a worker that must read the same "now" as the desk.
    pub fn clock(&self) -> Clock {
        self.clock.clone()
    }

    pub fn now(&self) -> DateTime<Utc> {
        (self.clock)()
    }

    /// What the desk must say about its calendar today: this year's holidays not
    /// entered (an alarm: deadlines count holidays as working days), or, from
    /// 1 October, next year's (a warning).
    pub fn calendar_notice(&self) -> Option<CalendarNotice> {
        self.calendar
            .notice(local_date(self.now(), self.calendar.offset()))
    }

    pub fn calendar(&self) -> &WorkCalendar {
        &self.calendar
    }

    pub fn categories(&self) -> &Categories {
        &self.categories
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    pub fn officer(&self) -> &str {
        &self.officer
    }

    pub fn ticket_pattern(&self) -> &Regex {
        &self.ticket_pattern
    }

    /// Checks an intake form without saving it: the form shows errors as the officer types.
    pub fn check_intake(
        &self,
        form: &IntakeForm,
    ) -> std::result::Result<Vec<FieldWarning>, Vec<FieldError>> {
        form.validate(&self.intake_context()).map(|(_, w)| w)
    }

    fn intake_context(&self) -> IntakeContext<'_> {
        IntakeContext {
            categories: &self.categories,
            now: self.now(),
            offset: self.calendar.offset(),
        }
    }

    fn event(&self, kind: &'static str, at: DateTime<Utc>) -> NewEvent {
        NewEvent {
            at,
            officer: self.officer.clone(),
            kind,
            before: None,
            after: None,
            note: None,
            said: None,
        }
    }
}

#[cfg(test)]
mod tests {
    /// The wall the compiler cannot see: the screen and the command line name no
    /// store item and call no store, so every read and write goes through a use-case.
    #[test]
    fn the_screen_and_the_command_line_reach_the_records_only_through_the_desk() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut offending = Vec::new();
        let mut folders = vec![root.join("tui"), root.join("cli")];
        while let Some(dir) = folders.pop() {
            for entry in std::fs::read_dir(&dir).expect("reading the source folder") {
                let path = entry.expect("a folder entry").path();
                if path.is_dir() {
                    folders.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).expect("reading a source file");
                    for (n, line) in text.lines().enumerate() {
                        if ["crate::store", ".store()", "store::Store"]
                            .iter()
                            .any(|w| line.contains(w))
                        {
                            offending.push(format!("{}:{}: {line}", path.display(), n + 1));
                        }
                    }
                }
            }
        }
        assert!(offending.is_empty(), "{}", offending.join("\n"));
    }
}
