//! The records the store reads and writes, the same for both backends.

use crate::domain::complaint::{Channel, Complaint, Stage};
use crate::domain::desk_note::{DeskNote, Remark};
use crate::domain::msg::{FieldMsg, Lang};
use chrono::{DateTime, Utc};

/// An audit-log line to be written with a change.
#[derive(Debug, Clone)]
pub struct NewEvent {
    pub at: DateTime<Utc>,
    pub officer: String,
    pub kind: &'static str,
    pub before: Option<String>,
    pub after: Option<String>,
    /// The stored note: what an officer typed, or the desk's words as read before
    /// they were kept as `said` (still written, for the readers of old notes).
    pub note: Option<String>,
    /// The desk's own words, kept as a kind and values and worded when shown.
    pub said: Option<DeskNote>,
}

/// What a step changes on the complaint's row.
#[derive(Debug, Clone)]
pub enum Change {
    Forward {
        at: DateTime<Utc>,
    },
    /// A ticket number recorded (or corrected), or shared from another complaint.
    Ticket {
        at: DateTime<Utc>,
        ticket_no: String,
        linked_to: Option<String>,
    },
    HandOver {
        at: DateTime<Utc>,
        via: Channel,
        /// The phone or e-mail the officer gave at the handover, kept on the
        /// applicant when the complaint had none (validated).
        phone: Option<String>,
        email: Option<String>,
    },
    Resolve {
        at: DateTime<Utc>,
        note: Option<String>,
    },
    Cancel {
        at: DateTime<Utc>,
        reason: String,
    },
}

/// A page of the queue.
#[derive(Debug, Clone)]
pub struct ListQuery {
    pub stages: Vec<Stage>,
    /// Only complaints whose deadline passed before this instant.
    pub deadline_before: Option<DateTime<Utc>>,
    /// Only this category.
    pub category: Option<String>,
    /// Keyset: the key of the last row of the previous page.
    pub after: Option<QueueKey>,
    pub limit: usize,
}

/// Where a complaint stands in the queue: complaints whose SLA clock still runs
/// come first, by deadline (the earliest is the most urgent); those whose clock
/// stopped (handed over, closed) after them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueueKey {
    pub clock_stopped: bool,
    pub deadline: DateTime<Utc>,
    pub id: i64,
}

impl QueueKey {
    pub fn of(c: &Complaint) -> QueueKey {
        QueueKey {
            clock_stopped: !c.stage.sla_running(),
            deadline: c.sla_deadline,
            id: c.id,
        }
    }
}

/// Numbers for the status bar.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct QueueCounts {
    /// Not yet handed over: the SLA clock is running.
    pub running: i64,
    /// Handed over, waiting for Dir. IKC.
    pub waiting_dir_ikc: i64,
    /// Running and past the deadline.
    pub breached: i64,
    /// Reports in the outbox not yet delivered.
    pub waiting_to_send: i64,
}

/// A complaint to be written, with the year its reference is numbered in and its events.
pub struct IntakeRecord {
    pub ref_year: i32,
    pub complaint: Complaint,
    pub events: Vec<NewEvent>,
}

/// One complaint's step within a bulk action, already checked by the workflow.
/// One applicant told that Dir. IKC solved it: the complaint and its event.
#[derive(Debug, Clone)]
pub struct NoticeRow {
    pub complaint_id: i64,
    pub reference: String,
    pub event: NewEvent,
}

#[derive(Debug, Clone)]
pub struct BulkStep {
    /// The complaint as read: its row changes only if it is still at this stage.
    pub complaint: Complaint,
    pub to: Stage,
    pub change: Change,
    pub event: NewEvent,
}

/// A complaint on a followed ticket (ticketed or handed over), as read and held
/// in the transaction that records the ticket's status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowedRow {
    pub id: i64,
    pub reference: String,
    pub stage: Stage,
    /// The last status recorded for it (its last `bcare_status` event).
    pub last_status: Option<String>,
}

/// What the desk decided a status means for one complaint on the ticket: the
/// status's event, and the step to take with it (resolve, when BCare says done).
#[derive(Debug, Clone)]
pub struct StatusWrite {
    pub event: Option<NewEvent>,
    pub step: Option<RowStep>,
}

/// A step on a row read in the same transaction: written only if the row is
/// still at the stage read (else a conflict), with its event.
#[derive(Debug, Clone)]
pub struct RowStep {
    pub to: Stage,
    pub change: Change,
    pub event: NewEvent,
}

#[derive(Debug, Clone)]
pub struct NewOutbox {
    pub idempotency_key: String,
    pub client: String,
    pub payload: String,
    pub created_at: DateTime<Utc>,
}

/// An event read back from BCare for a ticket's timeline.
#[derive(Debug, Clone)]
pub struct ImportedEvent {
    pub event: NewEvent,
    /// Matched on its time too (a step has BCare's own time; an answer has none,
    /// and takes the time it was first seen).
    pub timed: bool,
}

/// A ticket number BCare gave for an outbox row.
#[derive(Debug, Clone)]
pub struct DeliveredTicket {
    pub ticket_no: String,
    pub at: DateTime<Utc>,
    /// Recorded on the event.
    pub officer: String,
    /// The client that delivered ("http", "sim").
    pub client: String,
    /// A remark for the event (e.g. an unusual ticket shape).
    pub remark: Option<FieldMsg>,
}

/// What recording a delivery did to the complaint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// The complaint moved forwarded → ticketed with this number.
    Ticketed,
    /// The complaint had moved on meanwhile (a number typed by hand, a link, a
    /// cancellation): it was left as it is and the event notes BCare's number.
    Kept {
        stage: String,
        ticket_no: Option<String>,
    },
    /// The row was already marked sent: nothing was written.
    AlreadySent,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum OutboxState {
    Pending,
    Sent,
    Failed,
}

impl OutboxState {
    pub fn as_str(self) -> &'static str {
        match self {
            OutboxState::Pending => "pending",
            OutboxState::Sent => "sent",
            OutboxState::Failed => "failed",
        }
    }
    pub(crate) fn parse(s: &str) -> OutboxState {
        match s {
            "sent" => OutboxState::Sent,
            "failed" => OutboxState::Failed,
            _ => OutboxState::Pending,
        }
    }
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct OutboxRow {
    pub id: i64,
    pub complaint_id: i64,
    #[serde(rename = "ref")]
    pub reference: String,
    pub idempotency_key: String,
    pub client: String,
    pub payload: String,
    pub state: OutboxState,
    pub attempts: i64,
    pub next_attempt_at: DateTime<Utc>,
    pub last_error: Option<String>,
    pub ticket_no: Option<String>,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
    /// Until when a desk's worker holds the row (it is sending it); another
    /// desk's worker leaves it alone until then.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lease_until: Option<DateTime<Utc>>,
}

impl OutboxRow {
    /// When a worker may next take the row: its next attempt, or the end of
    /// another desk's claim on it, whichever is later.
    pub fn workable_at(&self) -> DateTime<Utc> {
        self.lease_until
            .map_or(self.next_attempt_at, |l| l.max(self.next_attempt_at))
    }
}

/// A closed complaint whose personal data is due to go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PurgeCandidate {
    pub id: i64,
    pub reference: String,
    pub closed_at: DateTime<Utc>,
}

/// What a purge did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Purged {
    pub complaints: usize,
    pub events_blanked: usize,
    pub drafts: usize,
    /// The file was rebuilt and the WAL emptied; false when another window kept the WAL
    /// busy (the next `purge` finishes the job).
    pub file_cleared: bool,
}

/// Event kind: the complaint's personal data was removed (once; its candidates
/// are the closed complaints without it).
pub const PURGED_EVENT: &str = "purged";

/// What recording a delivery writes: the outcome and its event. `ticketed` says
/// whether the complaint took the number (moved from `stage` to ticketed);
/// otherwise the number the complaint carries (`recorded`) is kept and the event
/// notes BCare's.
pub fn delivery_recorded(
    t: &DeliveredTicket,
    stage: Stage,
    recorded: Option<String>,
    ticketed: bool,
) -> (Delivery, NewEvent) {
    let remark = t
        .remark
        .as_ref()
        .map(|r| format!("; {}", r.text(Lang::Id)))
        .unwrap_or_default();
    let remarks: Vec<Remark> = t.remark.iter().map(Remark::from).collect();
    if ticketed {
        return (
            Delivery::Ticketed,
            NewEvent {
                at: t.at,
                officer: t.officer.clone(),
                kind: "ticket",
                before: Some(stage.as_str().into()),
                after: Some(Stage::Ticketed.as_str().into()),
                note: Some(format!(
                    "ticket {} via BCare {}{remark}",
                    t.ticket_no, t.client
                )),
                said: Some(DeskNote::FromBcare {
                    ticket: t.ticket_no.clone(),
                    client: t.client.clone(),
                    remarks,
                }),
            },
        );
    }
    let stage = stage.as_str();
    let note = match &recorded {
        Some(r) if *r == t.ticket_no => format!(
            "BCare {} memberi tiket {} (sama dengan yang tercatat)",
            t.client, t.ticket_no
        ),
        Some(r) => format!(
            "BCare {} memberi tiket {}, berbeda dari {r} yang tercatat; tidak diubah",
            t.client, t.ticket_no
        ),
        None => format!(
            "BCare {} memberi tiket {} saat tahap {stage}; tidak diubah",
            t.client, t.ticket_no
        ),
    };
    (
        Delivery::Kept {
            stage: stage.to_string(),
            ticket_no: recorded.clone(),
        },
        NewEvent {
            at: t.at,
            officer: t.officer.clone(),
            kind: "bcare_ticket",
            said: Some(DeskNote::KeptFromBcare {
                ticket: t.ticket_no.clone(),
                client: t.client.clone(),
                recorded: recorded.clone(),
                stage: stage.to_string(),
                remarks,
            }),
            before: recorded,
            after: Some(t.ticket_no.clone()),
            note: Some(format!("{note}{remark}")),
        },
    )
}

/// One change to the holidays, as kept: what changed, when, by which officer
/// at which desk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarChangeRecord {
    pub id: i64,
    pub at: DateTime<Utc>,
    /// The server's role on PostgreSQL, the desk's officer elsewhere.
    pub officer: String,
    /// The name the desk gave beside the role, when recorded.
    pub officer_name: Option<String>,
    pub desk: Option<String>,
    pub change: crate::domain::calendar::HolidayChange,
}
