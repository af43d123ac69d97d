//! What a poll of BCare finds, and how a ticket's status, seen by polling or
//! typed from the portal, is written on every complaint carrying the ticket.
//! Its own room: the follow-up's schedule and CEISACare's walk both write here,
//! and neither needs the other's code to do it.

use crate::domain::followup;
use crate::domain::workflow::{self, Step};
use crate::store::{Change, FollowedRow, NewEvent, RowStep, StatusWrite, Store, StoreError};
use chrono::{DateTime, Utc};

/// A ticket BCare could not tell about.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PollFailure {
    pub ticket_no: String,
    pub error: String,
}

/// What one poll found.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct PollReport {
    /// Tickets asked about.
    pub asked: usize,
    pub changes: Vec<StatusChange>,
    pub failures: Vec<PollFailure>,
    /// The poll stopped early (the last failure says why); the tickets after it
    /// wait for the next poll.
    pub stopped: bool,
    /// It stopped because BCare did not answer (rather than refusing every ticket).
    pub unreachable: bool,
    /// Numbers read back from CEISACare for complaints waiting for them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub numbers: Vec<NumberFound>,
    /// Tickets naming a complaint that has another number (warnings).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub other_tickets: Vec<AnotherTicket>,
    /// Dir. IKC's steps and answers added to the timelines.
    pub imported: usize,
    /// CEISACare refused the token: nothing more is asked until a new one is pasted.
    pub token_expired: bool,
}

/// A number found for a complaint waiting for it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct NumberFound {
    #[serde(rename = "ref")]
    pub reference: String,
    pub ticket_no: String,
    /// The number is of an unusual shape (recorded all the same).
    pub unusual: bool,
}

/// A ticket naming a complaint that has another number: never an overwrite.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AnotherTicket {
    #[serde(rename = "ref")]
    pub reference: String,
    pub ticket_no: String,
    /// The number the complaint keeps.
    pub kept: String,
}

/// A status of a ticket, as BCare or the portal gave it.
#[derive(Debug, Clone)]
pub struct SeenStatus {
    pub ticket_no: String,
    /// Already cleaned for storing and showing.
    pub status: String,
    pub at: DateTime<Utc>,
    /// Who the change is recorded as: Dir. IKC when polled, the officer when typed.
    pub officer: String,
    pub note: Option<String>,
    /// The status means Dir. IKC solved it.
    pub done: bool,
    /// Dir. IKC's own words on the solution, for the resolution note (else
    /// "BCare: <status>").
    pub outcome: Option<String>,
}

/// What a status did to one complaint.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct StatusChange {
    #[serde(rename = "ref")]
    pub reference: String,
    pub ticket_no: String,
    pub before: Option<String>,
    pub after: String,
    /// The status differed from the last one recorded (an event was written).
    pub changed: bool,
    /// The complaint moved to resolved.
    pub resolved: bool,
}

/// Recording a ticket's status at Dir. IKC, seen by polling BCare or typed from the
/// portal, on every complaint carrying the ticket in one transaction: the store
/// reads and holds the rows, [`status_write`] decides for each. A free function
/// over a `Store`, like [`super::ticket_delivered`], for the worker's connection.
pub(crate) fn ticket_status_seen(
    store: &Store,
    seen: &SeenStatus,
) -> std::result::Result<Vec<StatusChange>, StoreError> {
    let written = store.record_ticket_status(&seen.ticket_no, |row| status_write(seen, row))?;
    Ok(written
        .into_iter()
        .filter_map(|(row, write)| {
            let (changed, resolved) = (write.event.is_some(), write.step.is_some());
            (changed || resolved).then(|| StatusChange {
                reference: row.reference,
                ticket_no: seen.ticket_no.clone(),
                before: row.last_status,
                after: seen.status.clone(),
                changed,
                resolved,
            })
        })
        .collect())
}

/// What a status means for one complaint on the ticket: an event when it differs
/// from the last one recorded, and, when it means done, the resolve step where
/// the workflow allows it (only from handed over: a ticket solved before its
/// number reached the applicant still has to be handed over) — the same step,
/// event and conflict check as a resolve taken by hand.
pub(super) fn status_write(seen: &SeenStatus, row: &FollowedRow) -> StatusWrite {
    // BCare's "In Progress" after "in progress" is no news.
    let changed = row.last_status.as_deref().map(followup::normalise_status)
        != Some(followup::normalise_status(&seen.status));
    let event = changed.then(|| NewEvent {
        at: seen.at,
        officer: seen.officer.clone(),
        kind: followup::STATUS_EVENT,
        before: row.last_status.clone(),
        after: Some(seen.status.clone()),
        note: seen.note.clone(),
        said: None,
    });
    let to = seen
        .done
        .then(|| workflow::check(row.stage, Step::Resolve).ok())
        .flatten();
    let step = to.map(|to| {
        let outcome = seen
            .outcome
            .clone()
            .filter(|o| !o.is_empty())
            .unwrap_or_else(|| format!("BCare: {}", seen.status));
        RowStep {
            to,
            change: Change::Resolve {
                at: seen.at,
                note: Some(outcome.clone()),
            },
            event: NewEvent {
                at: seen.at,
                officer: seen.officer.clone(),
                // The event of a step is named by its command, as when taken by hand.
                kind: Step::Resolve.command(),
                before: Some(row.stage.as_str().into()),
                after: Some(to.as_str().into()),
                note: Some(outcome),
                said: None,
            },
        }
    });
    StatusWrite { event, step }
}
