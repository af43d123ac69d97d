//! The state of the desk on screen. Everything the views draw lives here,
//! including "now", so drawing never reads the clock or the database.

use super::form::IntakeState;
use super::scope::Scope;
use crate::bcare::BcareReport;
use crate::config::ClientKind;
use crate::desk::Dossier;
use crate::desk::QueueCounts;
use crate::domain::category::Categories;
use crate::domain::complaint::{Channel, Complaint, Stage};
use crate::domain::intake::IntakeForm;
use crate::domain::msg::Lang;
use crate::domain::sla::SlaStatus;
use chrono::{DateTime, FixedOffset, Utc};
use ratatui_textarea::TextArea;
use regex::Regex;

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

/// Which complaints the queue shows; `s` steps through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StageFilter {
    AllOpen,
    Only(Stage),
    /// Every stage, most urgent first.
    All,
    /// Received in one week, most recently filed first; `[`/`]` move the week.
    History,
}

impl StageFilter {
    pub const CYCLE: [StageFilter; 9] = [
        StageFilter::AllOpen,
        StageFilter::Only(Stage::Received),
        StageFilter::Only(Stage::Forwarded),
        StageFilter::Only(Stage::Ticketed),
        StageFilter::Only(Stage::HandedOver),
        StageFilter::Only(Stage::Resolved),
        StageFilter::Only(Stage::Cancelled),
        StageFilter::All,
        StageFilter::History,
    ];

    pub fn stages(self) -> Vec<Stage> {
        match self {
            StageFilter::AllOpen => Stage::ALL.into_iter().filter(|s| s.is_open()).collect(),
            StageFilter::Only(s) => vec![s],
            StageFilter::All | StageFilter::History => Stage::ALL.to_vec(),
        }
    }

    pub fn next(self) -> StageFilter {
        let i = Self::CYCLE.iter().position(|f| *f == self).unwrap_or(0);
        Self::CYCLE[(i + 1) % Self::CYCLE.len()]
    }
}

/// Keyset position of a page: the queue key after which it starts.
pub type PageKey = Option<crate::desk::QueueKey>;

#[derive(Debug, Clone)]
pub struct QueueState {
    pub rows: Vec<QueueRow>,
    pub selected: usize,
    pub filter: StageFilter,
    /// The search text while `/` is active or its results are shown.
    pub search: Option<String>,
    /// Typing goes to the search line.
    pub searching: bool,
    /// The newest search sent to the search thread; older answers are dropped.
    pub search_seq: u64,
    /// Where the current page starts, and the pages before it.
    pub page: PageKey,
    pub previous_pages: Vec<PageKey>,
    /// Another page follows this one.
    pub more: bool,
    /// Which row to select once the next page arrives.
    pub want: Option<Want>,
    /// The history week shown: 0 is the seven days up to today, 1 the week before…
    pub weeks_back: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Want {
    Reference(String),
    Last,
}

impl QueueState {
    pub fn selected_row(&self) -> Option<&QueueRow> {
        self.rows.get(self.selected)
    }
}

#[derive(Debug, Clone)]
pub struct ForwardState {
    pub reference: String,
    pub report: Option<BcareReport>,
    pub problem: TextArea<'static>,
    pub description: TextArea<'static>,
    pub editing: bool,
    /// 0: problem, 1: description (while editing).
    pub edit_focus: usize,
    pub sending: bool,
    /// Open tickets perhaps about the same problem, not plainly enough to put the
    /// link on Enter: shown, taken with another key.
    pub offers: Vec<crate::domain::incident::IncidentCandidate>,
}

impl ForwardState {
    /// The report as it would be sent now: the laid-out report with the
    /// officer's edits of the problem and the description.
    pub fn edited_report(&self) -> Option<BcareReport> {
        let mut report = self.report.clone()?;
        report.problem = self.problem.lines().join(" ").trim().to_string();
        report.description = self.description.lines().join("\n");
        Some(report)
    }
}

#[derive(Debug, Clone)]
pub struct ReceiptState {
    pub reference: String,
    pub category: String,
    /// Still at `received`: a typed number links (one outage, many callers)
    /// rather than records, since nothing was forwarded from here.
    pub stage: Stage,
    pub ticket: TextArea<'static>,
    /// Focus is on the list of open tickets rather than the number.
    pub on_list: bool,
    pub open_tickets: Vec<Complaint>,
    pub selected: usize,
    pub error: Option<String>,
    /// The number recorded now (a correction), and whether BCare itself issued it.
    pub current: Option<String>,
    pub from_bcare: bool,
    /// What forwarding said (the portal address), shown above the input.
    pub banner: Option<String>,
    /// The report just sent to the clipboard, shown as text to select by hand too.
    pub report_text: Option<String>,
}

#[derive(Debug, Clone)]
pub struct HandoverState {
    pub complaint: Complaint,
    pub channel: Channel,
    pub message: String,
    /// Past the deadline: why (asked for before Enter records it).
    pub late_reason: Option<crate::domain::report::LateReason>,
    /// Optional words beside the reason.
    pub late_words: TextArea<'static>,
    /// Typing goes to the words rather than picking the reason.
    pub on_words: bool,
    /// The phone or e-mail typed for a channel the complaint has none for.
    pub reach: String,
}

impl HandoverState {
    /// The chosen channel needs a phone or an address the complaint lacks: the
    /// pane asks for it.
    pub fn needs_reach(&self) -> bool {
        crate::domain::handover::contact_for(&self.complaint, self.channel).is_err()
    }

    /// Handed over now, is it past its deadline? (The desk's rule: late after the deadline.)
    pub fn late(&self, now: DateTime<Utc>) -> bool {
        now > self.complaint.sla_deadline
    }
}

/// Closing a complaint from the desk: resolve (with a note) or cancel (with a reason).
#[derive(Debug, Clone)]
pub struct CloseState {
    pub reference: String,
    /// True: resolve; false: cancel.
    pub resolve: bool,
    pub text: TextArea<'static>,
    pub error: Option<String>,
}

/// The period the report pane shows; Tab and ←/→ step through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportSpan {
    Today,
    ThisWeek,
    ThisMonth,
    LastMonth,
    /// Not a period: what the next officer inherits, as of now.
    Shift,
}

impl ReportSpan {
    pub const ALL: [ReportSpan; 5] = [
        ReportSpan::Today,
        ReportSpan::ThisWeek,
        ReportSpan::ThisMonth,
        ReportSpan::LastMonth,
        ReportSpan::Shift,
    ];

    /// The local dates this span covers on `today`.
    pub fn period(self, today: chrono::NaiveDate) -> crate::domain::report::Period {
        use crate::domain::report::Period;
        match self {
            // The handoff is of today's shift.
            ReportSpan::Today | ReportSpan::Shift => Period::day(today),
            ReportSpan::ThisWeek => Period::week_of(today),
            ReportSpan::ThisMonth => Period::month_of(today),
            ReportSpan::LastMonth => {
                let this = Period::month_of(today);
                Period::month_of(this.from.pred_opt().unwrap_or(this.from))
            }
        }
    }

    pub fn step(self, forward: bool) -> ReportSpan {
        let n = Self::ALL.len();
        let i = Self::ALL.iter().position(|s| *s == self).unwrap_or(0);
        Self::ALL[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }]
    }
}

/// The section's report on screen: fetched by an effect, drawn from here.
#[derive(Debug, Clone)]
pub struct ReportState {
    pub span: ReportSpan,
    pub period: crate::domain::report::Period,
    /// None while the first answer for `period` is on its way.
    pub report: Option<Box<crate::domain::report::SectionReport>>,
    /// The shift handoff, when `span` is [`ReportSpan::Shift`]; None while on its way.
    pub shift: Option<Box<super::shift::ShiftHandoff>>,
    /// Counting failed: said in the pane instead of "counting…" forever.
    pub error: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Pane {
    Queue,
    Intake(Box<IntakeState>),
    Forward(Box<ForwardState>),
    Receipt(Box<ReceiptState>),
    Handover(Box<HandoverState>),
    Close(Box<CloseState>),
    Report(Box<ReportState>),
    /// After intake: the open tickets the new complaint may share.
    Suggest(Box<super::selection::SuggestState>),
    /// One step for the selected complaints: link to a ticket or cancel.
    Bulk(Box<super::selection::BulkState>),
    /// Handing one ticket to many applicants, one key each.
    Walk(Box<super::selection::WalkState>),
    /// Telling applicants Dir. IKC solved it, with the SKM line after each.
    Notify(Box<super::notify::NotifyState>),
    /// One ticket with all its callers.
    Incident(Box<super::selection::IncidentState>),
    /// The holidays, and an SKB announcement pasted to enter.
    Calendar(Box<CalendarState>),
}

/// One year of the calendar pane: how complete it is and its days off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarYear {
    pub year: i32,
    pub coverage: crate::domain::calendar::Coverage,
    pub holidays: Vec<crate::domain::calendar::Holiday>,
}

/// The calendar pane: the years as stored, and what a pasted announcement proposes.
#[derive(Debug, Clone)]
pub struct CalendarState {
    /// The year a pasted list without a year is taken for (next year from October).
    pub year: i32,
    /// None while on its way.
    pub years: Option<Vec<CalendarYear>>,
    /// What the last paste proposes; Enter stores it.
    pub reading: Option<crate::domain::announcement::Reading>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help,
    Palette {
        query: String,
        selected: usize,
    },
    /// A question before something that cannot be undone.
    Confirm(Ask),
    /// A new CEISACare token being pasted (shown masked, never as typed).
    Token {
        pasted: crate::desk::token::Pasted,
    },
}

/// What the desk asks before going on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    /// Leave the pane and drop what was typed in it.
    DropEdits,
    /// Throw the intake form and its draft away (Ctrl-D, beside Ctrl-S).
    DiscardForm,
    /// A draft waits: resume it (Enter) or start a new complaint (n).
    Draft { name: String, saved_at: String },
    /// Replace the ticket number already recorded.
    ReplaceTicket {
        current: String,
        from_bcare: bool,
        new: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Good,
    Warn,
    Bad,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub tone: Tone,
    pub text: String,
}

/// What the desk is configured with, copied in once so views and update stay pure.
#[derive(Debug, Clone)]
pub struct Setup {
    pub lang: Lang,
    pub offset: FixedOffset,
    pub client: ClientKind,
    pub portal_url: String,
    pub ticket_pattern: Regex,
    pub categories: Categories,
    /// This year's holidays not entered (said loudly in the status bar), or from
    /// 1 October next year's.
    pub calendar_notice: Option<crate::domain::calendar::CalendarNotice>,
    /// The server's role when it may only read (a reader): the desk shows and
    /// reports, and refuses every change in one line.
    pub reader: Option<String>,
}

#[derive(Debug, Clone)]
pub struct App {
    pub setup: Setup,
    pub now: DateTime<Utc>,
    pub size: (u16, u16),
    pub pane: Pane,
    pub overlay: Option<Overlay>,
    pub queue: QueueState,
    pub detail: Option<Box<DetailView>>,
    pub counts: StatusCounts,
    /// BCare reachability as the worker last reported it.
    pub reachable: Option<bool>,
    /// What the background integrity check found wrong; shown until the desk closes.
    pub integrity_problem: Option<String>,
    /// The CEISACare token's state (the ceisacare client only): its end shows on
    /// the status bar, an expired one as a banner.
    pub token: Option<crate::desk::token::TokenState>,
    /// CEISACare refused the token (the worker said so): a banner until a new one.
    pub token_refused: bool,
    /// The saved intake draft, offered when a new complaint is opened.
    pub draft: Option<(IntakeForm, DateTime<Utc>)>,
    pub notice: Option<Notice>,
    /// Sent to BCare from this desk and not yet answered: its number opens the handover.
    pub awaiting: Option<String>,
    /// The database's change counter as last seen: when it moves, someone else wrote.
    pub data_version: Option<i64>,
    /// Complaints picked in the queue for one step together.
    pub picked: super::selection::Selection,
    /// Work out at the desk's thread: the "working" mark and the step guard.
    pub work: super::work::Work,
    pub quit: bool,
}

/// The smallest terminal the layout is drawn for.
pub const MIN_SIZE: (u16, u16) = (80, 24);

impl App {
    pub fn new(setup: Setup, now: DateTime<Utc>, size: (u16, u16)) -> App {
        App {
            setup,
            now,
            size,
            pane: Pane::Queue,
            overlay: None,
            queue: QueueState {
                rows: Vec::new(),
                selected: 0,
                filter: StageFilter::AllOpen,
                search: None,
                searching: false,
                search_seq: 0,
                page: None,
                previous_pages: Vec::new(),
                more: false,
                want: None,
                weeks_back: 0,
            },
            detail: None,
            counts: StatusCounts::default(),
            reachable: None,
            integrity_problem: None,
            token: None,
            token_refused: false,
            draft: None,
            notice: None,
            awaiting: None,
            data_version: None,
            picked: Default::default(),
            work: Default::default(),
            quit: false,
        }
    }

    pub fn lang(&self) -> Lang {
        self.setup.lang
    }

    pub fn too_small(&self) -> bool {
        self.size.0 < MIN_SIZE.0 || self.size.1 < MIN_SIZE.1
    }

    /// The history week on screen, as local dates: seven days up to and including `to`.
    pub fn history_dates(&self) -> (chrono::NaiveDate, chrono::NaiveDate) {
        let today = crate::domain::when::local_date(self.now, self.setup.offset);
        let to = today - chrono::Days::new(7 * u64::from(self.queue.weeks_back));
        (to - chrono::Days::new(6), to)
    }

    /// Rows of the queue that fit on screen: the page size fetched from the database.
    pub fn page_size(&self) -> usize {
        // status bar, notice (up to two lines), footer, block borders and the table header
        (self.size.1.max(MIN_SIZE.1) as usize)
            .saturating_sub(8)
            .max(5)
    }

    pub fn scope(&self) -> Scope {
        if self.overlay.is_some() {
            return Scope::Overlay;
        }
        self.pane_scope()
    }

    /// The scope of the pane under any overlay.
    pub fn pane_scope(&self) -> Scope {
        match &self.pane {
            Pane::Queue if self.queue.searching => Scope::Search,
            Pane::Queue => Scope::Queue,
            Pane::Intake(_) => Scope::Intake,
            Pane::Forward(f) if f.editing => Scope::ForwardEdit,
            Pane::Forward(_) => Scope::Forward,
            Pane::Receipt(_) => Scope::Receipt,
            Pane::Handover(h) if h.late(self.now) => Scope::HandoverLate,
            Pane::Handover(h) if h.needs_reach() => Scope::HandoverReach,
            Pane::Handover(_) => Scope::Handover,
            Pane::Close(_) => Scope::Close,
            Pane::Report(_) => Scope::Report,
            Pane::Suggest(_) => Scope::Suggest,
            Pane::Bulk(_) => Scope::Bulk,
            Pane::Walk(w) if w.late.is_some() => Scope::WalkLate,
            Pane::Walk(_) => Scope::Walk,
            Pane::Notify(n) if n.skm.is_some() => Scope::NotifySkm,
            Pane::Notify(_) => Scope::Notify,
            Pane::Incident(_) => Scope::Incident,
            Pane::Calendar(_) => Scope::Calendar,
        }
    }
}
