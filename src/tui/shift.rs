//! The shift handoff in the report pane: what the next officer inherits,
//! read from the desk by an effect — the same lists as `bcare-desk report --shift`.

use crate::desk::Desk;
use crate::desk::OutboxState;
use crate::domain::complaint::Stage;
use crate::domain::followup::FollowupItem;
use chrono::{DateTime, Utc};

/// One open complaint: whose move it is and, while the clock runs, its deadline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenItem {
    pub reference: String,
    /// Who is waiting, and for what: the next officer knows whom to call back.
    pub applicant: String,
    pub subject: String,
    pub stage: Stage,
    pub ticket_no: Option<String>,
    pub sla_deadline: DateTime<Utc>,
}

impl OpenItem {
    pub fn overdue(&self, now: DateTime<Utc>) -> bool {
        self.stage.sla_running() && self.sla_deadline < now
    }
}

/// A report not yet accepted by BCare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WaitingReport {
    pub reference: String,
    pub state: OutboxState,
    pub attempts: i64,
    pub next_attempt_at: DateTime<Utc>,
    pub last_error: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ShiftHandoff {
    /// Open complaints, those whose clock runs first, most urgent first.
    pub open: Vec<OpenItem>,
    pub outbox: Vec<WaitingReport>,
    pub tickets_to_chase: Vec<FollowupItem>,
    pub notices_owed: Vec<FollowupItem>,
}

/// Reads the handoff from the desk; runs on the effect side, never in update or the view.
pub fn load(desk: &Desk) -> crate::desk::Result<ShiftHandoff> {
    let h = desk.shift_handoff()?;
    Ok(ShiftHandoff {
        open: h
            .open
            .into_iter()
            .map(|c| OpenItem {
                applicant: c.details.applicant.name,
                subject: c.details.subject,
                reference: c.reference,
                stage: c.stage,
                ticket_no: c.ticket_no,
                sla_deadline: c.sla_deadline,
            })
            .collect(),
        outbox: h
            .outbox
            .into_iter()
            .map(|o| WaitingReport {
                reference: o.reference,
                state: o.state,
                attempts: o.attempts,
                next_attempt_at: o.next_attempt_at,
                last_error: o.last_error,
            })
            .collect(),
        tickets_to_chase: h.tickets_to_chase,
        notices_owed: h.notices_owed,
    })
}
