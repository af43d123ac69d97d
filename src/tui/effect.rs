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
        /// The phone or e-mail the officer typed, when the complaint had none.
        reach: Option<String>,
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
    /// The open tickets picked complaints may be linked to.
    LoadLinkChoices(Vec<String>),
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
    /// Load these complaints to tell their applicants.
    LoadNotify(Vec<String>),
    /// Record that the applicant was told, by `via`.
    Notify {
        reference: String,
        via: String,
    },
    /// Keep the applicant's answers to the SKM survey.
    RecordSurvey {
        reference: String,
        answers: String,
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

impl Effect {
    /// Records a step the officer took: while one is being written, another
    /// waits (a second Enter on a slow save must not file the complaint twice).
    pub fn is_step(&self) -> bool {
        matches!(
            self,
            Effect::ApplyAnnouncement { .. }
                | Effect::SaveIntake(_)
                | Effect::Forward { .. }
                | Effect::RecordTicket { .. }
                | Effect::Link { .. }
                | Effect::LinkTicket { .. }
                | Effect::HandOver { .. }
                | Effect::HandOverLate { .. }
                | Effect::Resolve { .. }
                | Effect::Cancel { .. }
                | Effect::SaveReport { .. }
                | Effect::WalkHandOver { .. }
                | Effect::LinkMany { .. }
                | Effect::CancelMany { .. }
                | Effect::HandOverMany { .. }
                | Effect::Notify { .. }
                | Effect::RecordSurvey { .. }
        )
    }

    /// Asked for by the clock, not the officer: one of a kind waiting is enough,
    /// so a database held for seconds does not pile them up behind it.
    pub fn is_routine(&self) -> bool {
        matches!(
            self,
            Effect::RefreshSla(_) | Effect::LoadCounts | Effect::CheckDataVersion
        )
    }
}

/// One search, as typed: the `seq`-th sent since the desk opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    pub seq: u64,
    pub text: String,
    /// Rows on one page; one more is fetched to know whether more follow.
    pub limit: usize,
}
