//! What a piece of work against the desk, the BCare worker or the search thread
//! came back with: the effects' answers, as `update` reads them.

use super::app::{CalendarYear, DetailView, QueueRow, StatusCounts};
use crate::bcare::BcareReport;
use crate::domain::complaint::Complaint;
use crate::domain::msg::FieldMsg;
use crate::domain::sla::SlaStatus;

/// What a piece of work against the desk (or the BCare worker) came back with.
#[derive(Debug, Clone)]
pub enum Outcome {
    QueueLoaded {
        rows: Vec<QueueRow>,
        more: bool,
    },
    DetailLoaded(Option<Box<DetailView>>),
    CountsLoaded(StatusCounts),
    /// What the status bar says of the calendar (this year or, from October, next).
    CalendarNotice(Option<crate::domain::calendar::CalendarNotice>),
    /// The holidays of the years the calendar pane shows.
    CalendarLoaded(Vec<CalendarYear>),
    /// An announcement was stored: the year now has `days` days off.
    AnnouncementApplied {
        year: i32,
        days: usize,
    },
    /// The database's change counter (`PRAGMA data_version`).
    DataVersion(i64),
    SlaRefreshed(Vec<Option<SlaStatus>>),
    /// The intake check for one field: its first error, if any.
    FieldChecked {
        field: &'static str,
        error: Option<String>,
    },
    IntakeSaved {
        reference: String,
        warnings: Vec<String>,
    },
    IntakeRefused(Vec<FieldMsg>),
    ReportReady {
        reference: String,
        report: BcareReport,
    },
    Forwarded {
        reference: String,
        portal_url: Option<String>,
        client: String,
    },
    OpenTickets(Vec<Complaint>),
    TicketRecorded {
        reference: String,
        ticket_no: String,
        warning: Option<String>,
    },
    /// A complaint whose number just came, to open the handover pane with.
    HandoverReady(Box<Complaint>),
    HandedOver {
        reference: String,
    },
    /// Resolved (true) or cancelled (false) from the desk.
    Closed {
        reference: String,
        resolved: bool,
    },
    /// The section's report for the period asked.
    SectionReportLoaded(Box<crate::domain::report::SectionReport>),
    /// What the next officer inherits.
    ShiftLoaded(Box<super::shift::ShiftHandoff>),
    /// The report was written to this file (0600).
    ReportSaved(String),
    Delivered {
        reference: String,
        ticket_no: String,
    },
    SendFailed {
        reference: String,
        error: String,
        /// When the worker tries again; None: it does not, the officer must look.
        retry_at: Option<String>,
    },
    Reachability(bool),
    /// The CEISACare token as it stands (after a paste, or at start).
    Token(crate::desk::token::TokenState),
    /// CEISACare refused the token: a banner until a new one is pasted.
    TokenRefused,
    /// The background integrity check found the database damaged.
    IntegrityFailed(String),
    /// The search thread's answer to query `seq` (for the search line `text`).
    SearchAnswered {
        seq: u64,
        text: String,
        rows: Vec<Complaint>,
        more: bool,
        error: Option<String>,
    },
    Failed(String),
    /// The open tickets a complaint just saved may share.
    Suggestions {
        reference: String,
        candidates: Vec<crate::domain::incident::IncidentCandidate>,
    },
    IncidentLoaded(Box<crate::domain::incident::Incident>),
    /// The open tickets a bulk link offers.
    LinkChoices(Vec<crate::domain::incident::IncidentCandidate>),
    /// The complaints to hand over one after the other.
    WalkReady(Vec<Complaint>),
    /// One caller of the walk was handed over.
    WalkHandedOver {
        reference: String,
    },
    /// The complaints whose applicants are to be told.
    NotifyReady(Vec<Complaint>),
    /// This applicant's notice is recorded.
    Notified {
        reference: String,
    },
    /// This applicant's SKM answers are kept.
    Surveyed {
        reference: String,
    },
    /// A bulk step went through for all of these.
    BulkDone {
        what: BulkDone,
        refs: Vec<String>,
    },
}

/// What a bulk step did, for the notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BulkDone {
    Linked { ticket_no: String },
    Cancelled,
    HandedOver,
}
