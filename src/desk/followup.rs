//! Follow-up at Dir. IKC after the handover, and the notice owed once it is solved.

use super::{Desk, DeskError, Result};
use crate::domain::complaint::{Channel, Complaint, Stage};
use crate::domain::msg::{FieldError, Lang, M, words};
use crate::domain::text::{self, NOTE_MAX};
use crate::domain::workflow::{self, Step};
use crate::store::{Store, StoreError};

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
