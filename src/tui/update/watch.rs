//! What the desk hears from elsewhere: another window or the command line wrote,
//! the worker delivered a report or could not, BCare is reachable or not, the
//! counts and the calendar's word, the background integrity check.

use super::notice::notice;
use super::page::{reload, selected_complaint};
use crate::tui::app::{App, Pane, ReportSpan, Tone, Want};
use crate::tui::effect::Effect;
use crate::tui::i18n::T;
use crate::tui::outcome::Outcome;

/// What the desk hears without asking.
pub(super) fn done(app: &mut App, outcome: Outcome) -> Vec<Effect> {
    match outcome {
        Outcome::DataVersion(v) => {
            let changed = app.data_version.is_some_and(|seen| seen != v);
            app.data_version = Some(v);
            if !changed {
                return Vec::new();
            }
            // Someone else wrote: the page, the counts and the detail are read again,
            // keeping the selected complaint selected.
            if app.queue.want.is_none()
                && let Some(c) = selected_complaint(app)
            {
                app.queue.want = Some(Want::Reference(c.reference.clone()));
            }
            // A report queued from the command line is sent now, not at the worker's
            // next idle poll.
            let mut fx = reload(app);
            fx.push(Effect::NudgeWorker);
            // The report on screen counts again too.
            if let Pane::Report(r) = &app.pane {
                fx.push(if r.span == ReportSpan::Shift {
                    Effect::LoadShift
                } else {
                    Effect::LoadSectionReport(r.period)
                });
            }
            // The incident on screen is read again too: a caller linked or resolved elsewhere.
            if let Pane::Incident(i) = &app.pane {
                fx.push(Effect::LoadIncident(i.incident.ticket_no.clone()));
            }
            fx
        }
        Outcome::CountsLoaded(c) => {
            app.counts = c;
            Vec::new()
        }
        Outcome::CalendarNotice(n) => {
            app.setup.calendar_notice = n;
            Vec::new()
        }
        Outcome::Delivered {
            reference,
            ticket_no,
        } => {
            let msg = T::MsgDelivered(app.lang(), &reference, &ticket_no);
            notice(app, Tone::Good, msg);
            let mut fx = reload(app);
            fx.push(Effect::LoadDetail(
                selected_complaint(app).map(|c| c.reference.clone()),
            ));
            if app.awaiting.as_deref() == Some(reference.as_str()) {
                app.awaiting = None;
                fx.push(Effect::OpenHandover(reference));
            }
            fx
        }
        Outcome::SendFailed {
            reference,
            error,
            retry_at,
        } => {
            let msg = match retry_at {
                Some(at) => T::MsgSendFailed(app.lang(), &reference, &at, &error),
                None => T::MsgSendHeld(app.lang(), &reference, &error),
            };
            notice(app, Tone::Warn, msg);
            vec![
                Effect::LoadCounts,
                Effect::LoadDetail(selected_complaint(app).map(|c| c.reference.clone())),
            ]
        }
        Outcome::Reachability(r) => {
            app.reachable = Some(r);
            Vec::new()
        }
        Outcome::Token(state) => {
            if let crate::desk::token::TokenState::Valid { until, .. } = &state {
                let at = crate::domain::when::short_local(*until, app.setup.offset);
                notice(app, Tone::Good, T::MsgTokenSaved(app.lang(), &at));
                app.token_refused = false;
            }
            app.token = Some(state);
            Vec::new()
        }
        Outcome::TokenRefused => {
            app.token_refused = true;
            Vec::new()
        }
        Outcome::IntegrityFailed(problem) => {
            app.integrity_problem = Some(problem);
            Vec::new()
        }
        _ => Vec::new(),
    }
}
