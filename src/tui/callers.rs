//! One outage, many callers: how the work the suggestion, the bulk step, the
//! handover walk and the incident view ask for is carried out against the desk.
//! (What their keys do is in `update::callers`.)

use super::effect::Effect;
use super::outcome::{BulkDone, Outcome};
use crate::desk::{Desk, DeskError, LinkTarget, link_target_of};
use crate::domain::msg::{FieldError, M};
use crate::domain::workflow::{self, Step};

/// Carries out the work of these panes against the desk.
pub fn run(desk: &mut Desk, effect: Effect) -> crate::desk::Result<Vec<Outcome>> {
    Ok(match effect {
        Effect::LoadSuggestions(reference) => vec![Outcome::Suggestions {
            candidates: desk.incident_candidates_for(&reference)?,
            reference,
        }],
        Effect::LoadLinkChoices(refs) => vec![Outcome::LinkChoices(desk.link_choices(&refs)?)],
        Effect::LoadIncident(reference) => {
            vec![Outcome::IncidentLoaded(Box::new(
                desk.incident(&reference)?,
            ))]
        }
        Effect::LoadWalk(refs) => {
            let mut out = Vec::with_capacity(refs.len());
            for r in &refs {
                let c = desk.get(r)?;
                // Refused before anything is shown, naming the complaint and why.
                if workflow::check(c.stage, Step::HandOver).is_err() {
                    return Err(DeskError::Invalid(vec![FieldError::says(
                        "reference",
                        |lang| M::NotTicketedForWalk(lang, &c.reference, c.stage.label(lang)),
                    )]));
                }
                out.push(c);
            }
            vec![Outcome::WalkReady(out)]
        }
        Effect::WalkHandOver {
            reference,
            via,
            late,
        } => {
            match late {
                Some((reason, words)) => {
                    desk.hand_over_with_reason(&reference, &via, Some(&reason), Some(&words))?
                }
                None => desk.hand_over(&reference, &via)?,
            };
            vec![Outcome::WalkHandedOver { reference }]
        }
        Effect::LinkMany { refs, raw } => {
            let target = match link_target_of(&raw) {
                LinkTarget::Complaint(r) => LinkTarget::Complaint(r.to_ascii_uppercase()),
                t => t,
            };
            let (linked, _) = desk.link_many(&refs, &target)?;
            let ticket_no = linked
                .first()
                .and_then(|c| c.ticket_no.clone())
                .unwrap_or_default();
            vec![Outcome::BulkDone {
                what: BulkDone::Linked { ticket_no },
                refs: linked.into_iter().map(|c| c.reference).collect(),
            }]
        }
        Effect::CancelMany { refs, reason } => {
            let done = desk.cancel_many(&refs, &reason)?;
            vec![Outcome::BulkDone {
                what: BulkDone::Cancelled,
                refs: done.into_iter().map(|c| c.reference).collect(),
            }]
        }
        Effect::HandOverMany { refs, via, late } => {
            let (reason, words) = match &late {
                Some((r, w)) => (Some(r.as_str()), Some(w.as_str())),
                None => (None, None),
            };
            let done = desk.hand_over_many(&refs, &via, reason, words)?;
            vec![Outcome::BulkDone {
                what: BulkDone::HandedOver,
                refs: done.into_iter().map(|c| c.reference).collect(),
            }]
        }
        Effect::LoadNotify(refs) => {
            let mut out = Vec::with_capacity(refs.len());
            for r in &refs {
                out.push(desk.get(r)?);
            }
            vec![Outcome::NotifyReady(out)]
        }
        Effect::Notify { reference, via } => {
            // The message was copied by the pane, in the screen's language.
            desk.notify(&reference, &via, crate::domain::msg::Lang::Id)?;
            vec![Outcome::Notified { reference }]
        }
        Effect::RecordSurvey { reference, answers } => {
            desk.record_survey(&reference, &answers)?;
            vec![Outcome::Surveyed { reference }]
        }
        _ => Vec::new(),
    })
}
