//! The work `update` asks for, as data: what to read or write against the desk,
//! what to copy, whom to wake. `effects::run` carries it out; `update` never does.

use super::app::PageKey;
use crate::bcare::BcareReport;
use crate::domain::complaint::{Complaint, Stage};
use crate::domain::intake::IntakeForm;
use chrono::{DateTime, Utc};

/// A page of the queue as read from the database.
#[derive(Debug, Clone, PartialEq)]
pub struct QueueQuery {
    pub stages: Vec<Stage>,
    pub search: Option<String>,
    pub after: PageKey,
    pub limit: usize,
    /// The history view: received in `[from, to)`, newest first.
    pub history: Option<(DateTime<Utc>, DateTime<Utc>)>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// The holidays of these years, as the desk counts with them now.
    LoadCalendar(Vec<i32>),
    /// Keep a year's announcement read from a paste.
    ApplyAnnouncement {
        year: i32,
        holidays: Vec<crate::domain::calendar::Holiday>,
    },
    LoadQueue(QueueQuery),
    LoadDetail(Option<String>),
    LoadCounts,
    /// Recompute the countdowns of the rows on screen (no query).
    RefreshSla(Vec<Complaint>),
    /// Run the intake checks and report the first error of each of these fields.
    CheckFields {
        form: IntakeForm,
        fields: Vec<&'static str>,
    },
    SaveIntake(IntakeForm),
    SaveDraft(IntakeForm),
    DeleteDraft,
    PrepareForward(String),
    Forward {
        reference: String,
        report: BcareReport,
    },
    LoadOpenTickets {
        category: String,
    },
    RecordTicket {
        reference: String,
        raw: String,
    },
    Link {
        reference: String,
        other: String,
    },
    LinkTicket {
        reference: String,
        raw: String,
    },
    HandOver {
        reference: String,
        via: String,
    },
    /// A handover past the deadline, with its reason and optional words.
    HandOverLate {
        reference: String,
        via: String,
        reason: String,
        words: String,
    },
    Resolve {
        reference: String,
        note: String,
    },
    Cancel {
        reference: String,
        reason: String,
    },
    /// Write the report to a private file beside the database.
    SaveReport {
        reference: String,
        text: String,
    },
    /// Ask whether another connection wrote to the database since the last look.
    CheckDataVersion,
    /// Load a complaint to hand its number over (the pane opens if the queue is still up).
    OpenHandover(String),
    /// Put text on the clipboard (done by the terminal side).
    Copy(String),
    /// Keep a pasted CEISACare token in its own file.
    SaveToken(crate::desk::token::Pasted),
    /// Count the section's report for a period (by category).
    LoadSectionReport(crate::domain::report::Period),
    /// Read what the next officer inherits.
    LoadShift,
    /// Wake the BCare worker: something was queued.
    NudgeWorker,
    /// Ask the search thread (done by the terminal side): a search can be slow.
    Search(SearchQuery),
    /// The open tickets a complaint just saved may share.
    LoadSuggestions(String),
    /// The incident of a complaint (or a ticket number).
    LoadIncident(String),
    /// Load these complaints to walk through their handovers.
    LoadWalk(Vec<String>),
    /// Hand one caller of the walk over.
    WalkHandOver {
        reference: String,
        via: String,
        /// Past the deadline: the reason's code and the officer's words.
        late: Option<(String, String)>,
    },
    LinkMany {
        refs: Vec<String>,
        raw: String,
    },
    CancelMany {
        refs: Vec<String>,
        reason: String,
    },
    HandOverMany {
        refs: Vec<String>,
        via: String,
        /// One late reason for all (code, words), when some are past their deadline.
        late: Option<(String, String)>,
    },
}

/// One search, as typed: the `seq`-th sent since the desk opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    pub seq: u64,
    pub text: String,
    /// Rows on one page; one more is fetched to know whether more follow.
    pub limit: usize,
}
