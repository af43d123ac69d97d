//! The use-cases of the desk: intake, forward, record a ticket, link, hand over,
//! resolve, cancel — each a checked step written with its event in one transaction.
//! The TUI and the command line both come through here.

use crate::bcare::BcareReport;
use crate::config::{ClientKind, Config};
use crate::domain::calendar::{CalendarNotice, WorkCalendar};
use crate::domain::category::{Categories, Category};
use crate::domain::complaint::{Channel, Complaint, Event, Stage};
use crate::domain::intake::{IntakeContext, IntakeForm};
use crate::domain::msg::{FieldError, FieldMsg, FieldWarning, Lang, M, words};
use crate::domain::sla::{self, SlaStatus};
use crate::domain::text::{self, NOTE_MAX};
use crate::domain::validate;
use crate::domain::when::local_date;
use crate::domain::workflow::{self, IllegalStep, Step};
use crate::store::{
    BulkStep, CalendarChangeRecord, Change, DeliveredTicket, Delivery, IntakeRecord, ListQuery,
    Location, NewEvent, NewOutbox, OutboxRow, QueueCounts, Store, StoreError,
};
use chrono::{DateTime, Datelike, TimeDelta, Utc};
use regex::Regex;
use std::path::Path;
use std::sync::Arc;

mod holidays;

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
    Store(#[from] StoreError),
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
            DeskError::Store(StoreError::NotFound(r)) => M::NoComplaint.fill(lang, &[r]),
            DeskError::Store(e) => e.text(lang),
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

/// The report's description carries the intake template above the applicant's story.
const REPORT_DESCRIPTION_MAX: usize = text::DESCRIPTION_MAX + 2_000;

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

    pub fn store(&self) -> &Store {
        &self.store
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
        }
    }

    /// Langkah 1: the complaint is received; the SLA clock starts at `received_at`.
    pub fn intake(&mut self, form: &IntakeForm) -> Result<(Complaint, Vec<FieldWarning>)> {
        let now = self.now();
        let (new, warnings) = form
            .validate(&self.intake_context())
            .map_err(DeskError::Invalid)?;
        let deadline = sla::deadline(&self.calendar, new.received_at, sla_budget())
            .ok_or_else(|| anyhow::anyhow!("the calendar has no working time ahead"))?;
        let ref_year = local_date(now, self.calendar.offset()).year();
        let mut event = self.event("intake", now);
        event.after = Some(Stage::Received.as_str().into());
        if !warnings.is_empty() {
            event.note = Some(
                warnings
                    .iter()
                    .map(|w| w.text(Lang::Id))
                    .collect::<Vec<_>>()
                    .join("; "),
            );
        }
        let mut records = [crate::store::IntakeRecord {
            ref_year,
            complaint: Complaint::received(new, deadline),
            events: vec![event],
        }];
        self.store.insert_complaints(&mut records)?;
        let [record] = records;
        Ok((record.complaint, warnings))
    }

    pub fn get(&self, reference: &str) -> Result<Complaint> {
        Ok(self.store.get(reference)?)
    }

    fn category_of(&self, c: &Complaint) -> Result<&Category> {
        self.categories.get(&c.details.category).ok_or_else(|| {
            DeskError::Other(anyhow::anyhow!(
                "{}: category {} is not in the category list",
                c.reference,
                c.details.category
            ))
        })
    }

    /// The report as it will be sent to BCare.
    pub fn report(&self, c: &Complaint) -> Result<BcareReport> {
        Ok(BcareReport::from_complaint(
            c,
            self.category_of(c)?,
            self.calendar.offset(),
        ))
    }

    fn transition(
        &mut self,
        c: &Complaint,
        step: Step,
        change: Change,
        mut event: NewEvent,
        outbox: Option<NewOutbox>,
    ) -> Result<Complaint> {
        let to = workflow::check(c.stage, step)?;
        event.before = event.before.or_else(|| Some(c.stage.as_str().into()));
        event.after = event.after.or_else(|| Some(to.as_str().into()));
        self.store.apply(c, to, &change, &event, outbox.as_ref())?;
        Ok(self.store.get_by_id(c.id)?)
    }

    /// Langkah 2: the report goes to Dir. IKC through BCare.
    pub fn forward(&mut self, reference: &str) -> Result<(Complaint, Forwarded)> {
        self.forward_with(reference, None)
    }

    /// Langkah 2 with the report as the officer edited it on screen (the reference,
    /// which is also the idempotency key, always stays the complaint's own).
    pub fn forward_report(
        &mut self,
        reference: &str,
        edited: &BcareReport,
    ) -> Result<(Complaint, Forwarded)> {
        self.forward_with(reference, Some(edited))
    }

    fn forward_with(
        &mut self,
        reference: &str,
        edited: Option<&BcareReport>,
    ) -> Result<(Complaint, Forwarded)> {
        let c = self.get(reference)?;
        workflow::check(c.stage, Step::Forward)?;
        let report = match edited {
            // What the officer typed into the report is checked like intake text:
            // a password or OTP never leaves the desk.
            Some(r) => BcareReport {
                reference: c.reference.clone(),
                problem: text::free_text("problem", &r.problem, text::SUBJECT_MAX, true, true)
                    .map_err(DeskError::invalid)?,
                description: text::free_text(
                    "description",
                    &r.description,
                    REPORT_DESCRIPTION_MAX,
                    true,
                    false,
                )
                .map_err(DeskError::invalid)?,
                ..r.clone()
            },
            None => self.report(&c)?,
        };
        let now = self.now();
        let client = self.config.bcare.client;
        let (outbox, outcome) = match client {
            ClientKind::Portal => (
                None,
                Forwarded::Portal {
                    report,
                    portal_url: self.config.bcare.portal_url.clone(),
                },
            ),
            ClientKind::Http | ClientKind::Sim => (
                Some(NewOutbox {
                    idempotency_key: c.reference.clone(),
                    client: client.as_str().into(),
                    payload: serde_json::to_string(&report)
                        .map_err(|e| DeskError::Other(e.into()))?,
                    created_at: now,
                }),
                Forwarded::Queued {
                    report,
                    client: client.as_str().into(),
                },
            ),
        };
        let mut event = self.event("forward", now);
        event.note = Some(format!("client {}", client.as_str()));
        let c = self.transition(
            &c,
            Step::Forward,
            Change::Forward { at: now },
            event,
            outbox,
        )?;
        Ok((c, outcome))
    }

    /// Langkah 3: the ticket number BCare gave back (a typo can be corrected before handover).
    pub fn record_ticket(
        &mut self,
        reference: &str,
        raw_ticket: &str,
    ) -> Result<(Complaint, Option<FieldWarning>)> {
        let c = self.get(reference)?;
        workflow::check(c.stage, Step::RecordTicket)?;
        let (ticket_no, warning) =
            validate::ticket_no(raw_ticket, &self.ticket_pattern).map_err(DeskError::invalid)?;
        let now = self.now();
        let mut event = self.event("ticket", now);
        if c.stage == Stage::Ticketed {
            event.kind = "ticket_corrected";
            event.before = c.ticket_no.clone();
            event.after = Some(ticket_no.clone());
        } else {
            event.note = Some(format!("ticket {ticket_no}"));
        }
        if let Some(w) = &warning {
            event.note = Some(
                [event.note.take().unwrap_or_default(), w.text(Lang::Id)]
                    .join("; ")
                    .trim_start_matches("; ")
                    .to_string(),
            );
        }
        let change = Change::Ticket {
            at: now,
            ticket_no,
            linked_to: None,
        };
        let c = self.transition(&c, Step::RecordTicket, change, event, None)?;
        Ok((c, warning))
    }

    /// One outage, many callers: this complaint takes a ticket already filed.
    pub fn link(
        &mut self,
        reference: &str,
        target: &LinkTarget,
    ) -> Result<(Complaint, Option<FieldWarning>)> {
        let c = self.get(reference)?;
        workflow::check(c.stage, Step::Link)?;
        let (ticket_no, linked_to, warning) =
            self.link_target(target, std::slice::from_ref(&c.reference))?;
        let now = self.now();
        let event = self.link_event(now, &ticket_no, linked_to.as_deref());
        let change = Change::Ticket {
            at: now,
            ticket_no,
            linked_to,
        };
        let c = self.transition(&c, Step::Link, change, event, None)?;
        Ok((c, warning))
    }

    /// Langkah 4: the ticket number is handed to the applicant; the SLA clock stops.
    pub fn hand_over(&mut self, reference: &str, via: &str) -> Result<Complaint> {
        let c = self.get(reference)?;
        workflow::check(c.stage, Step::HandOver)?;
        let via = Channel::parse(via)
            .ok_or_else(|| DeskError::invalid(FieldError::of("via", M::ChannelOneOf)))?;
        let now = self.now();
        let mut event = self.event("handover", now);
        event.note = Some(format!("via {}", via.as_str()));
        self.transition(
            &c,
            Step::HandOver,
            Change::HandOver { at: now, via },
            event,
            None,
        )
    }

    pub fn resolve(&mut self, reference: &str, note: &str) -> Result<Complaint> {
        let c = self.get(reference)?;
        workflow::check(c.stage, Step::Resolve)?;
        let note =
            text::free_text("note", note, NOTE_MAX, false, false).map_err(DeskError::invalid)?;
        let note = (!note.is_empty()).then_some(note);
        let now = self.now();
        let mut event = self.event("resolve", now);
        event.note = note.clone();
        self.transition(
            &c,
            Step::Resolve,
            Change::Resolve { at: now, note },
            event,
            None,
        )
    }

    pub fn cancel(&mut self, reference: &str, reason: &str) -> Result<Complaint> {
        let c = self.get(reference)?;
        workflow::check(c.stage, Step::Cancel)?;
        let reason =
            text::free_text("reason", reason, NOTE_MAX, true, false).map_err(DeskError::invalid)?;
        let now = self.now();
        let mut event = self.event("cancel", now);
        event.note = Some(reason.clone());
        self.transition(
            &c,
            Step::Cancel,
            Change::Cancel { at: now, reason },
            event,
            None,
        )
    }

    /// Where the complaint's SLA stands: at now while the clock runs, at the
    /// handover once it stopped; None for a complaint closed without handover.
    pub fn sla_of(&self, c: &Complaint) -> Option<SlaStatus> {
        let at = match c.stage {
            s if s.sla_running() => self.now(),
            _ => c.handed_over_at?,
        };
        sla::status(&self.calendar, c.details.received_at, sla_budget(), at)
    }

    /// Met or not, once handed over; None before.
    pub fn sla_met(&self, c: &Complaint) -> Option<bool> {
        let handed = c.handed_over_at?;
        sla::met(&self.calendar, c.details.received_at, sla_budget(), handed)
    }

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

    /// Langkah 3 by the BCare worker: see [`ticket_delivered`].
    pub fn ticket_delivered(&self, row_id: i64, t: &DeliveredTicket) -> Result<Delivery> {
        Ok(ticket_delivered(&self.store, row_id, t)?)
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

/// Langkah 3 done by the BCare worker: BCare gave a ticket number for a queued
/// report. The workflow decides, inside the store's transaction, whether the
/// complaint takes the number: only a forwarded complaint does (recording a ticket
/// is a legal step from there); one that moved on meanwhile keeps what it has and
/// the event notes BCare's number. A free function over a `Store` because the
/// worker runs on its own connection, without the rest of the desk.
pub fn ticket_delivered(
    store: &Store,
    row_id: i64,
    t: &DeliveredTicket,
) -> std::result::Result<Delivery, StoreError> {
    store.outbox_delivered(row_id, t, |stage| {
        stage == Stage::Forwarded
            && workflow::check(stage, Step::RecordTicket) == Ok(Stage::Ticketed)
    })
}

/// A sample complaint for training, and the step that needs it written first.
pub struct Sample {
    pub record: IntakeRecord,
    pub then: Option<SampleStep>,
}

/// What happens to a sample complaint once it has an id and a reference.
#[derive(Debug, Clone)]
pub enum SampleStep {
    /// Forwarded at `at` through the outbox; BCare failed `attempts` times.
    WaitingInOutbox {
        at: DateTime<Utc>,
        attempts: u32,
        last_error: String,
        next_attempt_at: DateTime<Utc>,
    },
    /// Linked at `at` to the complaint that already carries `ticket_no`.
    Link {
        at: DateTime<Utc>,
        ticket_no: String,
    },
}

/// How many complaints `demo` has written to this database: more complaints
/// than this means some are real, and samples must not be mixed in unasked.
const DEMO_META: &str = "demo_complaints";
/// Samples written per transaction: short enough that other writers wait little.
const DEMO_BATCH: usize = 250;
/// How long a demo batch waits for a busy database before giving up.
const DEMO_PATIENCE: std::time::Duration = std::time::Duration::from_secs(120);

/// SQLite's "busy" and "locked": another writer holds the database.
fn is_busy(e: &StoreError) -> bool {
    use rusqlite::ErrorCode::{DatabaseBusy, DatabaseLocked};
    matches!(e, StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, _))
        if matches!(f.code, DatabaseBusy | DatabaseLocked))
}

/// Runs a write, waiting while another writer holds the database (a failed
/// write changed nothing, so it is simply tried again).
fn wait_if_busy<T>(mut write: impl FnMut() -> std::result::Result<T, StoreError>) -> Result<T> {
    let started = std::time::Instant::now();
    let mut pause = std::time::Duration::from_millis(20);
    loop {
        match write() {
            Err(e) if is_busy(&e) && started.elapsed() < DEMO_PATIENCE => {
                std::thread::sleep(pause);
                pause = (pause * 2).min(std::time::Duration::from_millis(500));
            }
            other => return Ok(other?),
        }
    }
}

impl Desk {
    /// Writes sample complaints, batch by batch as `next_batch` makes them
    /// (an empty batch ends), telling `progress` how many so far, and returns how
    /// many. Refuses a database that holds complaints `demo` did not write,
    /// unless `force`.
    pub fn demo(
        &mut self,
        mut next_batch: impl FnMut(usize) -> Vec<Sample>,
        force: bool,
        progress: &mut dyn FnMut(usize),
    ) -> Result<usize> {
        let made: i64 = self
            .store
            .meta(DEMO_META)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        let real = self.store.total()? - made;
        if real > 0 && !force {
            return Err(DeskError::Other(anyhow::anyhow!(
                "{}: holds {real} complaint(s) not made by demo; samples would mix with them. Use another --db, or add --force",
                self.store.location()
            )));
        }
        let mut n = 0;
        loop {
            let batch = next_batch(DEMO_BATCH);
            if batch.is_empty() {
                return Ok(n);
            }
            let (mut records, steps): (Vec<IntakeRecord>, Vec<Option<SampleStep>>) =
                batch.into_iter().map(|s| (s.record, s.then)).unzip();
            wait_if_busy(|| self.store.insert_complaints(&mut records))?;
            n += records.len();
            let written = (made + n as i64).to_string();
            wait_if_busy(|| self.store.set_meta(DEMO_META, &written))?;
            for (rec, step) in records.iter().zip(steps) {
                if let Some(step) = step {
                    self.sample_step(&rec.complaint, step)?;
                }
            }
            progress(n);
        }
    }

    /// A sample's later step, through the workflow's check like any other.
    fn sample_step(&mut self, c: &Complaint, step: SampleStep) -> Result<()> {
        let event = |kind, at, to: Stage, note| NewEvent {
            at,
            officer: "demo".into(),
            kind,
            before: Some(c.stage.as_str().into()),
            after: Some(to.as_str().into()),
            note: Some(note),
        };
        match step {
            SampleStep::WaitingInOutbox {
                at,
                attempts,
                last_error,
                next_attempt_at,
            } => {
                let to = workflow::check(c.stage, Step::Forward)?;
                let report = self.report(c)?;
                // Samples are queued for the simulator, never for the real BCare.
                let outbox = NewOutbox {
                    idempotency_key: c.reference.clone(),
                    client: ClientKind::Sim.as_str().into(),
                    payload: serde_json::to_string(&report)
                        .map_err(|e| DeskError::Other(e.into()))?,
                    created_at: at,
                };
                let ev = event("forward", at, to, "client sim".into());
                let change = Change::Forward { at };
                wait_if_busy(|| self.store.apply(c, to, &change, &ev, Some(&outbox)))?;
                let row = self
                    .store
                    .outbox_of(c.id)?
                    .into_iter()
                    .next()
                    .ok_or_else(|| {
                        DeskError::Other(anyhow::anyhow!("{}: outbox row missing", c.reference))
                    })?;
                for _ in 0..attempts {
                    wait_if_busy(|| {
                        self.store.outbox_attempt_failed(
                            row.id,
                            &last_error,
                            next_attempt_at,
                            false,
                        )
                    })?;
                }
            }
            SampleStep::Link { at, ticket_no } => {
                let to = workflow::check(c.stage, Step::Link)?;
                let first = self.store.by_ticket(&ticket_no)?.filter(|o| o.id != c.id);
                let linked_to = first.map(|o| o.linked_to.unwrap_or(o.reference));
                let note = match &linked_to {
                    Some(r) => format!("ticket {ticket_no} dari {r}"),
                    None => format!("ticket {ticket_no}"),
                };
                let ev = event("link", at, to, note);
                let change = Change::Ticket {
                    at,
                    ticket_no,
                    linked_to,
                };
                wait_if_busy(|| self.store.apply(c, to, &change, &ev, None))?;
            }
        }
        Ok(())
    }
}

/// The section's report, the shift handoff, export and retention.
impl Desk {
    /// Langkah 4 as the command line takes it: a handover past the deadline must say
    /// why (`late_reason`, one of [`LateReason::ALL`]), with optional words of the
    /// officer. Both ride in the handover event's note ([`HandoverNote`]).
    pub fn hand_over_with_reason(
        &mut self,
        reference: &str,
        via: &str,
        late_reason: Option<&str>,
        note: Option<&str>,
    ) -> Result<Complaint> {
        use crate::domain::report::{HandoverNote, LateReason};
        let c = self.get(reference)?;
        workflow::check(c.stage, Step::HandOver)?;
        let via = Channel::parse(via)
            .ok_or_else(|| DeskError::invalid(FieldError::of("via", M::ChannelOneOf)))?;
        let (late_reason, text) = handover_words(late_reason, note)?;
        let now = self.now();
        let late =
            sla::met(&self.calendar, c.details.received_at, sla_budget(), now) == Some(false);
        match (late, late_reason) {
            (true, None) => return Err(DeskError::invalid(LateReason::missing())),
            // Only late handovers carry a reason: the report's late list stays clean.
            (false, Some(_)) => return Err(DeskError::invalid(LateReason::not_late())),
            _ => {}
        }
        let mut event = self.event("handover", now);
        event.note = Some(
            HandoverNote {
                via: via.as_str().to_string(),
                late_reason,
                text: (!text.is_empty()).then_some(text),
            }
            .to_note(),
        );
        self.transition(
            &c,
            Step::HandOver,
            Change::HandOver { at: now, via },
            event,
            None,
        )
    }

    /// The section's report over `period`, grouped `by`.
    pub fn section_report(
        &self,
        period: crate::domain::report::Period,
        by: crate::domain::report::GroupBy,
    ) -> Result<crate::domain::report::SectionReport> {
        let (from, to) = period.bounds(self.calendar.offset());
        let rows = self.store.report_rows(from, to)?;
        let mut report =
            crate::domain::report::compute(&rows, period, by, &self.calendar, sla_budget());
        report.calendar_changed = crate::domain::report::calendar_changed_after_handover(
            &rows,
            period,
            self.calendar_changes
                .iter()
                .map(|c| (c.at, c.officer.as_str(), c.desk.as_deref(), &c.change)),
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
            event.note = Some(format!(
                "data pribadi dihapus: ditutup lebih dari {months} bulan (retensi)"
            ));
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

/// What a link's target stands for: a reference (`ADU-…`) is a complaint, anything
/// else a ticket number. A ticket number may contain dashes, so the prefix decides.
pub fn link_target_of(raw: &str) -> LinkTarget {
    let t = raw.trim();
    if t.to_ascii_uppercase().starts_with("ADU-") {
        LinkTarget::Complaint(t.to_string())
    } else {
        LinkTarget::Ticket(t.to_string())
    }
}

/// The channel a handover goes by, as typed.
fn handover_channel(via: &str) -> Result<Channel> {
    Channel::parse(via).ok_or_else(|| DeskError::invalid(FieldError::of("via", M::ChannelOneOf)))
}

/// A bulk step's refusal: the complaint it was refused on, why, and that nothing
/// changed — as one field message, so every caller shows it as it shows any other.
/// What an officer adds to a handover: a late reason (checked against the catalog's
/// list) and free words (screened like every text that is kept).
fn handover_words(
    late_reason: Option<&str>,
    note: Option<&str>,
) -> Result<(Option<crate::domain::report::LateReason>, String)> {
    use crate::domain::report::LateReason;
    let late_reason = match late_reason.map(str::trim).filter(|r| !r.is_empty()) {
        Some(raw) => Some(
            LateReason::parse(raw).ok_or_else(|| DeskError::invalid(LateReason::unknown(raw)))?,
        ),
        None => None,
    };
    let text = text::free_text("note", note.unwrap_or(""), NOTE_MAX, false, true)
        .map_err(DeskError::invalid)?;
    Ok((late_reason, text))
}

fn refused(reference: &str, error: impl Into<DeskError>) -> DeskError {
    let e = error.into();
    let (field, id, en) = match &e {
        DeskError::Invalid(errs) if errs.len() == 1 => {
            (errs[0].field, errs[0].id.clone(), errs[0].en.clone())
        }
        DeskError::Illegal(step) => ("stage", step.why(Lang::Id), step.why(Lang::En)),
        DeskError::Store(StoreError::NotFound(_)) => {
            let m = M::NoSuchComplaint;
            ("reference", m.get(Lang::Id).into(), m.get(Lang::En).into())
        }
        DeskError::Store(StoreError::Conflict(_)) => {
            let m = M::ChangedElsewhere;
            ("reference", m.get(Lang::Id).into(), m.get(Lang::En).into())
        }
        other => ("reference", other.text(Lang::Id), other.text(Lang::En)),
    };
    DeskError::invalid(FieldError::new(
        field,
        M::NothingChanged.fill(Lang::Id, &[reference, &id]),
        M::NothingChanged.fill(Lang::En, &[reference, &en]),
    ))
}

/// One outage, many callers: the incident suggestion at intake, bulk link, handover
/// and cancel (all or nothing, an event for each), and the incident view.
impl Desk {
    /// Open tickets of `category` received within the last `[incident] window_hours`
    /// working hours, most recent first, one per ticket; `excluding` leaves out a
    /// complaint (the one being looked at) and the ticket it already carries.
    pub fn incident_candidates(
        &self,
        category: &str,
        excluding: Option<&Complaint>,
    ) -> Result<Vec<crate::domain::incident::IncidentCandidate>> {
        use crate::domain::incident::{self, CANDIDATE_STAGES, CANDIDATES_MAX};
        let category = category.trim().to_ascii_uppercase();
        if self.categories.get(&category).is_none() {
            return Ok(Vec::new());
        }
        let now = self.now();
        let since = incident::window_start(&self.calendar, now, self.config.incident.window_hours);
        let rows = self
            .store
            .received_since(&category, &CANDIDATE_STAGES, since, 200)?
            .into_iter()
            .filter(|c| {
                excluding.is_none_or(|x| {
                    c.id != x.id && (x.ticket_no.is_none() || c.ticket_no != x.ticket_no)
                })
            })
            .collect();
        Ok(incident::candidates(rows, CANDIDATES_MAX))
    }

    /// The suggestions for a complaint on the desk.
    pub fn incident_candidates_for(
        &self,
        reference: &str,
    ) -> Result<Vec<crate::domain::incident::IncidentCandidate>> {
        let c = self.get(reference)?;
        self.incident_candidates(&c.details.category, Some(&c))
    }

    /// The ticket number a link takes and the complaint that first carried it.
    /// `own` is the complaint being linked, which cannot be its own target.
    fn link_target(
        &self,
        target: &LinkTarget,
        own: &[String],
    ) -> Result<(String, Option<String>, Option<FieldWarning>)> {
        match target {
            LinkTarget::Complaint(other) => {
                let o = self.get(other)?;
                if own.contains(&o.reference) {
                    return Err(refused(
                        &o.reference,
                        DeskError::invalid(FieldError::of("to", M::LinkToItself)),
                    ));
                }
                let Some(t) = o.ticket_no.clone() else {
                    return Err(DeskError::invalid(FieldError::filled(
                        "to",
                        M::NoTicketYet,
                        &[&o.reference],
                    )));
                };
                Ok((t, Some(o.linked_to.clone().unwrap_or(o.reference)), None))
            }
            LinkTarget::Ticket(raw) => {
                let (t, w) =
                    validate::ticket_no(raw, &self.ticket_pattern).map_err(DeskError::invalid)?;
                let first = self
                    .store
                    .by_ticket(&t)?
                    .filter(|o| !own.contains(&o.reference));
                Ok((t, first.map(|o| o.linked_to.unwrap_or(o.reference)), w))
            }
        }
    }

    fn link_event(&self, at: DateTime<Utc>, ticket_no: &str, linked_to: Option<&str>) -> NewEvent {
        let mut event = self.event("link", at);
        event.note = Some(match linked_to {
            Some(r) => format!("ticket {ticket_no} dari {r}"),
            None => format!("ticket {ticket_no}"),
        });
        event
    }

    /// Langkah 1 and the link in one transaction: the complaint is received and
    /// takes the ticket `target` carries, with both events. A refused link saves
    /// nothing.
    pub fn intake_linked(
        &mut self,
        form: &IntakeForm,
        target: &LinkTarget,
    ) -> Result<(Complaint, Vec<FieldWarning>)> {
        let now = self.now();
        let (new, mut warnings) = form
            .validate(&self.intake_context())
            .map_err(DeskError::Invalid)?;
        let deadline = sla::deadline(&self.calendar, new.received_at, sla_budget())
            .ok_or_else(|| anyhow::anyhow!("the calendar has no working time ahead"))?;
        let (ticket_no, linked_to, warning) = self.link_target(target, &[])?;
        let to = workflow::check(Stage::Received, Step::Link)?;
        let ref_year = local_date(now, self.calendar.offset()).year();
        let mut intake = self.event("intake", now);
        intake.after = Some(Stage::Received.as_str().into());
        if !warnings.is_empty() {
            intake.note = Some(
                warnings
                    .iter()
                    .map(|w| w.text(Lang::Id))
                    .collect::<Vec<_>>()
                    .join("; "),
            );
        }
        let mut link = self.link_event(now, &ticket_no, linked_to.as_deref());
        link.before = Some(Stage::Received.as_str().into());
        link.after = Some(to.as_str().into());
        let mut complaint = Complaint::received(new, deadline);
        complaint.stage = to;
        complaint.ticket_no = Some(ticket_no);
        complaint.ticketed_at = Some(now);
        complaint.linked_to = linked_to;
        let mut records = [IntakeRecord {
            ref_year,
            complaint,
            events: vec![intake, link],
        }];
        self.store.insert_complaints(&mut records)?;
        let [record] = records;
        warnings.extend(warning);
        Ok((record.complaint, warnings))
    }

    /// Plans one step for every complaint named, then writes them all in one
    /// transaction. The first refusal (unknown reference, wrong stage, bad input for
    /// that complaint) is returned naming the complaint, and nothing is written.
    fn bulk(
        &mut self,
        references: &[String],
        step: Step,
        plan: impl Fn(&Desk, &Complaint, Stage) -> Result<(Change, NewEvent)>,
    ) -> Result<Vec<Complaint>> {
        let references =
            crate::domain::incident::references(references).map_err(DeskError::invalid)?;
        let mut steps = Vec::with_capacity(references.len());
        for r in &references {
            let c = self.get(r).map_err(|e| refused(r, e))?;
            let to = workflow::check(c.stage, step).map_err(|e| refused(&c.reference, e))?;
            let (change, mut event) = plan(self, &c, to).map_err(|e| refused(&c.reference, e))?;
            event.before = event.before.or_else(|| Some(c.stage.as_str().into()));
            event.after = event.after.or_else(|| Some(to.as_str().into()));
            steps.push(BulkStep {
                complaint: c,
                to,
                change,
                event,
            });
        }
        self.store.apply_all(&steps).map_err(|e| match &e {
            StoreError::Conflict(r) => refused(&r.clone(), e),
            _ => DeskError::Store(e),
        })?;
        steps
            .iter()
            .map(|s| Ok(self.store.get_by_id(s.complaint.id)?))
            .collect()
    }

    /// Links several complaints to one ticket (or to the ticket another complaint
    /// carries), each with its own `link` event, all or none.
    pub fn link_many(
        &mut self,
        references: &[String],
        target: &LinkTarget,
    ) -> Result<(Vec<Complaint>, Option<FieldWarning>)> {
        let own: Vec<String> = references
            .iter()
            .map(|r| r.trim().to_ascii_uppercase())
            .collect();
        let (ticket_no, linked_to, warning) = self.link_target(target, &own)?;
        let now = self.now();
        let linked = self.bulk(references, Step::Link, |desk, _, _| {
            Ok((
                Change::Ticket {
                    at: now,
                    ticket_no: ticket_no.clone(),
                    linked_to: linked_to.clone(),
                },
                desk.link_event(now, &ticket_no, linked_to.as_deref()),
            ))
        })?;
        Ok((linked, warning))
    }

    /// Hands the ticket number to several applicants by one channel, each with its
    /// own `handover` event, all or none. Every applicant must be reachable by the
    /// channel (a phone for telepon/whatsapp, an e-mail for email), and a handover
    /// past a complaint's deadline needs `late_reason`, as one by one.
    pub fn hand_over_many(
        &mut self,
        references: &[String],
        via: &str,
        late_reason: Option<&str>,
        note: Option<&str>,
    ) -> Result<Vec<Complaint>> {
        use crate::domain::handover::contact_for;
        use crate::domain::report::{HandoverNote, LateReason};
        let via = handover_channel(via)?;
        let (late_reason, text) = handover_words(late_reason, note)?;
        let now = self.now();
        self.bulk(references, Step::HandOver, |desk, c, _| {
            if let Err(missing) = contact_for(c, via) {
                return Err(DeskError::invalid(missing));
            }
            let late =
                sla::met(&desk.calendar, c.details.received_at, sla_budget(), now) == Some(false);
            if late && late_reason.is_none() {
                return Err(DeskError::invalid(LateReason::missing()));
            }
            let mut event = desk.event("handover", now);
            event.note = Some(
                HandoverNote {
                    via: via.as_str().to_string(),
                    // One reason given for many callers belongs to the late ones only.
                    late_reason: late_reason.filter(|_| late),
                    text: (!text.is_empty()).then(|| text.clone()),
                }
                .to_note(),
            );
            Ok((Change::HandOver { at: now, via }, event))
        })
    }

    /// The complaints on `ticket_no` that wait for their handover (ticketed), in
    /// order of receipt. Refused when none does.
    pub fn awaiting_handover(&self, ticket_no: &str) -> Result<Vec<Complaint>> {
        let t = self.ticket_no_of(ticket_no)?;
        let rows: Vec<Complaint> = self
            .store
            .on_ticket(&t, crate::domain::incident::BULK_MAX * 4 + 1)?
            .into_iter()
            .filter(|c| c.stage == Stage::Ticketed)
            .collect();
        if rows.is_empty() {
            return Err(DeskError::invalid(FieldError::filled(
                "ticket",
                M::NoneAwaitsHandover,
                &[&t],
            )));
        }
        Ok(rows)
    }

    /// Hands over every complaint on a ticket that waits for it.
    pub fn hand_over_ticket(
        &mut self,
        ticket_no: &str,
        via: &str,
        late_reason: Option<&str>,
        note: Option<&str>,
    ) -> Result<Vec<Complaint>> {
        // The channel is checked first: a typo in it is the officer's to fix whatever
        // the ticket holds.
        handover_channel(via)?;
        let refs: Vec<String> = self
            .awaiting_handover(ticket_no)?
            .into_iter()
            .map(|c| c.reference)
            .collect();
        self.hand_over_many(&refs, via, late_reason, note)
    }

    /// Withdraws several complaints with one reason, each with its own `cancel`
    /// event, all or none.
    pub fn cancel_many(&mut self, references: &[String], reason: &str) -> Result<Vec<Complaint>> {
        let reason =
            text::free_text("reason", reason, NOTE_MAX, true, false).map_err(DeskError::invalid)?;
        let now = self.now();
        self.bulk(references, Step::Cancel, |desk, _, _| {
            let mut event = desk.event("cancel", now);
            event.note = Some(reason.clone());
            Ok((
                Change::Cancel {
                    at: now,
                    reason: reason.clone(),
                },
                event,
            ))
        })
    }

    /// Dir. IKC finished several complaints, each with its own `resolve` event, all
    /// or none; each applicant is then owed a notice.
    pub fn resolve_many(&mut self, references: &[String], note: &str) -> Result<Vec<Complaint>> {
        let note =
            text::free_text("note", note, NOTE_MAX, false, false).map_err(DeskError::invalid)?;
        let note = (!note.is_empty()).then_some(note);
        let now = self.now();
        self.bulk(references, Step::Resolve, |desk, _, _| {
            let mut event = desk.event("resolve", now);
            event.note = note.clone();
            Ok((
                Change::Resolve {
                    at: now,
                    note: note.clone(),
                },
                event,
            ))
        })
    }

    /// The ticket is resolved: every complaint on it that was handed over is
    /// resolved (all or none). Returns them and the complaints on the ticket still
    /// waiting for their handover, which stay as they are.
    pub fn resolve_ticket(
        &mut self,
        ticket_no: &str,
        note: &str,
    ) -> Result<(Vec<Complaint>, Vec<Complaint>)> {
        let t = self.ticket_no_of(ticket_no)?;
        let rows = self
            .store
            .on_ticket(&t, crate::domain::incident::BULK_MAX * 4 + 1)?;
        let (handed, waiting): (Vec<Complaint>, Vec<Complaint>) = rows
            .into_iter()
            .filter(|c| matches!(c.stage, Stage::HandedOver | Stage::Ticketed))
            .partition(|c| c.stage == Stage::HandedOver);
        if handed.is_empty() {
            return Err(DeskError::invalid(FieldError::filled(
                "ticket",
                M::NoneHandedOverOpen,
                &[&t],
            )));
        }
        let refs: Vec<String> = handed.into_iter().map(|c| c.reference).collect();
        Ok((self.resolve_many(&refs, note)?, waiting))
    }

    /// The message handing `c`'s ticket number to its applicant, as of now.
    pub fn handover_message(&self, c: &Complaint, lang: Lang) -> String {
        crate::domain::handover::handover_message(lang, c, self.now(), self.calendar.offset())
    }

    fn ticket_no_of(&self, raw: &str) -> Result<String> {
        let (t, _) = validate::ticket_no(raw, &self.ticket_pattern).map_err(|e| {
            DeskError::invalid(FieldMsg {
                field: "ticket",
                ..e
            })
        })?;
        Ok(t)
    }

    /// One ticket with every caller on it, from the ticket number or from any of
    /// its complaints' references.
    pub fn incident(&self, ticket_or_ref: &str) -> Result<crate::domain::incident::Incident> {
        use crate::domain::incident::{Caller, Incident};
        let ticket_no = match link_target_of(ticket_or_ref) {
            LinkTarget::Complaint(r) => {
                let c = self.get(&r)?;
                c.ticket_no.ok_or_else(|| {
                    DeskError::invalid(FieldError::filled(
                        "ticket",
                        M::NoTicketYet,
                        &[&c.reference],
                    ))
                })?
            }
            LinkTarget::Ticket(t) => self.ticket_no_of(&t)?,
        };
        let rows = self.store.on_ticket(&ticket_no, INCIDENT_CALLERS_MAX)?;
        if rows.is_empty() {
            return Err(DeskError::invalid(FieldError::filled(
                "ticket",
                M::NoneOnTicket,
                &[&ticket_no],
            )));
        }
        let first = rows
            .iter()
            .find(|c| c.linked_to.is_none())
            .or(rows.first())
            .map(|c| c.linked_to.clone().unwrap_or(c.reference.clone()))
            .unwrap_or_default();
        let callers = rows.iter().map(Caller::of).collect::<Vec<_>>();
        Ok(Incident {
            ticket_no,
            first,
            callers,
        })
    }
}

/// The most callers the incident view lists: far beyond one outage's.
const INCIDENT_CALLERS_MAX: usize = 2_000;

/// Recording a ticket's status at Dir. IKC, seen by polling BCare or typed from the
/// portal: the store writes it on every complaint carrying the ticket in one
/// transaction, and the workflow decides, inside it, which of them may move to
/// resolved when the status means done (only a handed-over one: a ticket solved
/// before its number reached the applicant still has to be handed over). A free
/// function over a `Store`, like [`ticket_delivered`], for the worker's connection.
pub fn ticket_status_seen(
    store: &Store,
    seen: &crate::store::SeenStatus,
) -> std::result::Result<Vec<crate::store::StatusChange>, StoreError> {
    store.record_ticket_status(seen, |stage| workflow::check(stage, Step::Resolve).ok())
}

/// The most complaints the follow-up list shows.
const FOLLOWUP_LIMIT: usize = 2_000;

/// Longest status the officer may type (BCare's own are cut to [`crate::bcare::BCARE_TEXT_MAX`]).
const STATUS_MAX: usize = 100;

/// Follow-up at Dir. IKC after the handover, and the notice owed once it is solved.
impl Desk {
    /// The tickets at Dir. IKC and the notices owed: owed notices first, then the
    /// tickets to chase.
    pub fn followup(&self) -> Result<Vec<crate::domain::followup::FollowupItem>> {
        let rows = self.store.followed(FOLLOWUP_LIMIT)?;
        Ok(crate::domain::followup::assess(
            &rows,
            &self.calendar,
            self.now(),
            self.config.followup.chase_after_days,
        ))
    }

    /// How many applicants wait for the notice that their problem was solved.
    pub fn notices_owed(&self) -> Result<i64> {
        Ok(self.store.notices_owed()?)
    }

    /// A status the officer read on the portal (the portal client cannot poll).
    /// Recorded on every complaint sharing the ticket; a done status resolves them.
    pub fn record_status(
        &mut self,
        reference: &str,
        status: &str,
        note: Option<&str>,
    ) -> Result<Vec<crate::store::StatusChange>> {
        let c = self.get(reference)?;
        let ticket_no = match (&c.ticket_no, c.stage) {
            (Some(t), Stage::Ticketed | Stage::HandedOver) => t.clone(),
            _ => {
                return Err(DeskError::invalid(FieldError::worded(
                    "status",
                    M::StatusNotAtDirIkc,
                    |lang| {
                        vec![
                            c.reference.clone(),
                            words::stage_short(c.stage).get(lang).into(),
                        ]
                    },
                )));
            }
        };
        let status = text::free_text("status", status, STATUS_MAX, true, true)
            .map_err(DeskError::invalid)?;
        let note = text::free_text("note", note.unwrap_or(""), NOTE_MAX, false, true)
            .map_err(DeskError::invalid)?;
        let seen = crate::store::SeenStatus {
            done: crate::domain::followup::is_done(&status, &self.config.followup.done_statuses),
            ticket_no,
            status,
            at: self.now(),
            officer: self.officer.clone(),
            note: Some(if note.is_empty() {
                "dicatat dari portal".to_string()
            } else {
                format!("dicatat dari portal: {note}")
            }),
        };
        Ok(ticket_status_seen(&self.store, &seen)?)
    }

    /// The notice owed to the applicant of a resolved complaint: the text to send
    /// (the ticket number and the outcome), without recording anything.
    pub fn resolution_notice(&self, reference: &str, lang: Lang) -> Result<(Complaint, String)> {
        let c = self.get(reference)?;
        if c.stage != Stage::Resolved {
            return Err(Self::not_resolved(&c));
        }
        let outcome = c
            .resolution_note
            .clone()
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| M::OutcomeResolved.get(lang).to_string());
        let text = crate::domain::followup::resolution_notice(lang, &c, &outcome);
        Ok((c, text))
    }

    /// Records that the applicant was told, by `via`, that Dir. IKC solved it.
    pub fn notify(
        &mut self,
        reference: &str,
        via: &str,
        lang: Lang,
    ) -> Result<(Complaint, String)> {
        let via = Channel::parse(via)
            .ok_or_else(|| DeskError::invalid(FieldError::of("via", M::ChannelOneOf)))?;
        let (c, text) = self.resolution_notice(reference, lang)?;
        let mut event = self.event(crate::domain::followup::NOTIFIED_EVENT, self.now());
        event.note = Some(format!("via {}", via.as_str()));
        self.store.record_notified(c.id, &c.reference, &event)?;
        Ok((c, text))
    }

    fn not_resolved(c: &Complaint) -> DeskError {
        DeskError::invalid(FieldError::worded("ref", M::NoticeNotResolved, |lang| {
            vec![
                c.reference.clone(),
                words::stage_short(c.stage).get(lang).into(),
            ]
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    /// A desk on a temp database at Monday 30 November 2026, 09:00 WITA, sending by the simulator.
    fn desk_at_monday() -> (Desk, tempfile::TempDir) {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut config = Config::default();
        config.bcare.client = ClientKind::Sim;
        let now = Utc.with_ymd_and_hms(2026, 11, 30, 1, 0, 0).unwrap();
        let desk = Desk::open(
            dir.path().join("desk.db"),
            config,
            None,
            Arc::new(move || now),
        )
        .expect("open");
        (desk, dir)
    }

    #[test]
    fn an_edited_report_carrying_a_secret_never_reaches_the_outbox() {
        let (mut desk, _dir) = desk_at_monday();
        let form = IntakeForm {
            name: "Andi Wijaya".into(),
            kind: "pegawai".into(),
            nip: "198501012010011001".into(),
            phone: "081234567890".into(),
            channel: "telepon".into(),
            category: "AKUN".into(),
            subject: "Tidak bisa login CEISA".into(),
            description: "OTP tidak masuk sejak pagi.".into(),
            user_id: "andi01".into(),
            ..IntakeForm::default()
        };
        let (c, _) = desk.intake(&form).expect("intake");
        let report = desk.report(&c).expect("report");
        // The forms seen in the report editor: a code glued to the template's next line,
        // a label with words before the value, "-nya" written apart.
        for (field, edit) in [
            ("description", format!("OTP 123456{}", report.description)),
            (
                "description",
                format!("{}\nPassword baru: Qwerty!23", report.description),
            ),
            ("problem", format!("{} kode OTP nya 482913", report.problem)),
        ] {
            let mut edited = report.clone();
            if field == "problem" {
                edited.problem = edit;
            } else {
                edited.description = edit;
            }
            match desk.forward_report(&c.reference, &edited) {
                Err(DeskError::Invalid(errors)) => assert_eq!(errors[0].field, field),
                other => panic!("{field}: not refused: {:?}", other.map(|(c, _)| c.stage)),
            }
            let d = desk.dossier(&c.reference).expect("dossier");
            assert!(d.outbox.is_empty(), "{field}: queued for BCare");
            assert_eq!(desk.get(&c.reference).expect("get").stage, Stage::Received);
        }
        // The report as the desk wrote it passes the same guard.
        desk.forward_report(&c.reference, &report).expect("forward");
        assert_eq!(desk.dossier(&c.reference).expect("dossier").outbox.len(), 1);
    }
}
