//! What can happen to the desk: the officer's intents (from the keymap or the
//! palette), typed text, the clock, and the results of work done against the desk.

use crate::bcare::BcareReport;
use crate::desk::Dossier;
use crate::desk::QueueCounts;
use crate::domain::complaint::Complaint;
use crate::domain::msg::FieldMsg;
use crate::domain::sla::SlaStatus;
use chrono::{DateTime, Utc};
use crossterm::event::KeyEvent;

/// An intent, bound to a key in the keymap and listed in the palette.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Quit,
    Help,
    Palette,
    Up,
    Down,
    PageUp,
    PageDown,
    NewIntake,
    Forward,
    Receipt,
    Handover,
    CycleFilter,
    Search,
    ClearFilter,
    NextField,
    PrevField,
    ChoiceNext,
    ChoicePrev,
    Save,
    Back,
    Confirm,
    EditReport,
    SwitchFocus,
    CopyMessage,
    DiscardDraft,
    MoreFields,
    Resolve,
    CancelComplaint,
    HistoryEarlier,
    HistoryLater,
    SaveReport,
    ReadMessage,
    UndoFill,
    OpenReport,
    /// Pick or unpick the complaint under the cursor (one outage, many callers).
    ToggleSelect,
    /// Pick every complaint on screen (again: unpick them).
    SelectAll,
    /// A new complaint like the selected one: same kind, channel, category and problem.
    NewLikeThis,
    /// The ticket of the selected complaint with all its callers.
    Incident,
    /// Copy the messages of every caller waiting by this channel, as one list.
    CopyList,
    /// Hand over every caller waiting by this channel, in one step.
    HandOverAll,
    /// The holidays: this year's and next, and a pasted SKB announcement to enter.
    OpenCalendar,
}

/// One row of the queue: the complaint and where it stands against the SLA now.
#[derive(Debug, Clone)]
pub struct QueueRow {
    pub complaint: Complaint,
    pub sla: Option<SlaStatus>,
}

/// The selected complaint with everything the detail pane shows.
#[derive(Debug, Clone)]
pub struct DetailView {
    pub dossier: Dossier,
    pub report: Option<BcareReport>,
}

/// Numbers for the status bar.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StatusCounts {
    pub queue: QueueCounts,
    /// Running and due within 30 working minutes, not yet breached.
    pub due_soon: i64,
    /// Applicants whose complaint was solved and who have not been told yet.
    pub notices_owed: i64,
}

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
    CalendarLoaded(Vec<super::app::CalendarYear>),
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
    /// The complaints to hand over one after the other.
    WalkReady(Vec<Complaint>),
    /// One caller of the walk was handed over.
    WalkHandedOver {
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

/// Everything `update` reacts to.
#[derive(Debug, Clone)]
pub enum Msg {
    Do(Action),
    /// A key no binding claimed: text for the focused field.
    Type(KeyEvent),
    /// Pasted text (bracketed paste).
    Paste(String),
    /// The 1-second tick, carrying the desk's clock.
    Tick(DateTime<Utc>),
    /// Between ticks: has anyone else written? (Another desk's change shows
    /// within a quarter of a second, not at the next tick.)
    Watch,
    Resize(u16, u16),
    Done(Outcome),
}
