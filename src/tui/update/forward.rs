//! The forward pane: the report to BCare, edited or not, sent (or copied for the
//! portal), or saved to a file.

use super::notice::notice;
use super::page::{back_to_queue, leave, reload};
use super::receipt::open_receipt;
use super::typing::single_line;
use crate::domain::complaint::Stage;
use crate::tui::action::Action;
use crate::tui::app::{App, ForwardState, Pane, Tone, Want};
use crate::tui::effect::Effect;
use crate::tui::i18n::T;
use crate::tui::outcome::Outcome;
use crate::tui::selection::SuggestState;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;

/// The forward pane for one complaint; its report is laid out by the desk.
pub(super) fn open_forward(app: &mut App, reference: String) -> Vec<Effect> {
    app.pane = Pane::Forward(Box::new(ForwardState {
        reference: reference.clone(),
        report: None,
        problem: TextArea::default(),
        description: TextArea::default(),
        editing: false,
        edit_focus: 1,
        sending: false,
        offers: Vec::new(),
    }));
    vec![Effect::PrepareForward(reference)]
}

/// The forward pane's keys: send, edit, save to a file, or go back.
pub(super) fn act(app: &mut App, action: Action) -> Vec<Effect> {
    let Pane::Forward(f) = &mut app.pane else {
        return Vec::new();
    };
    match (f.editing, action) {
        (true, Action::NextField) => {
            f.edit_focus = 1 - f.edit_focus;
            Vec::new()
        }
        (true, Action::Back) => {
            f.editing = false;
            Vec::new()
        }
        (false, Action::EditReport) if f.report.is_some() => {
            f.editing = true;
            Vec::new()
        }
        (false, Action::Confirm) if !f.sending => match f.edited_report() {
            Some(report) => {
                f.sending = true;
                vec![Effect::Forward {
                    reference: f.reference.clone(),
                    report,
                }]
            }
            None => Vec::new(),
        },
        (false, Action::TakeOffer) if !f.sending && !f.offers.is_empty() => {
            let candidates = std::mem::take(&mut f.offers);
            let selected = candidates
                .iter()
                .position(|c| c.ticket_no.is_some())
                .unwrap_or(0);
            app.pane = Pane::Suggest(Box::new(SuggestState {
                reference: f.reference.clone(),
                candidates,
                selected,
            }));
            Vec::new()
        }
        (false, Action::SaveReport) => match f.edited_report() {
            Some(report) => vec![Effect::SaveReport {
                reference: f.reference.clone(),
                text: report.portal_text(),
            }],
            None => Vec::new(),
        },
        (false, Action::Back) if !f.sending => {
            let edited = match (&f.report, f.edited_report()) {
                (Some(original), Some(now)) => {
                    original.problem.trim() != now.problem
                        || original.description != now.description
                }
                _ => false,
            };
            leave(app, edited)
        }
        _ => Vec::new(),
    }
}

/// A key typed into the report being edited.
pub(super) fn typed(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    if let Pane::Forward(fw) = &mut app.pane {
        if fw.edit_focus == 0 {
            if key.code != KeyCode::Enter {
                fw.problem.input(key);
            }
        } else {
            fw.description.input(key);
        }
    }
    Vec::new()
}

/// A paste into the report being edited: the problem takes one line.
pub(super) fn pasted(app: &mut App, text: &str, one_line: &str) -> Vec<Effect> {
    if let Pane::Forward(fw) = &mut app.pane {
        if fw.edit_focus == 0 {
            fw.problem.insert_str(one_line);
        } else {
            fw.description.insert_str(text);
        }
    }
    Vec::new()
}

/// The report laid out, sent or queued, or saved to a file.
pub(super) fn done(app: &mut App, outcome: Outcome) -> Vec<Effect> {
    match outcome {
        Outcome::ReportReady { reference, report } => {
            if let Pane::Forward(f) = &mut app.pane
                && f.reference == reference
            {
                f.problem = single_line(&report.problem);
                f.description =
                    TextArea::new(report.description.split('\n').map(str::to_string).collect());
                f.report = Some(report);
            }
            Vec::new()
        }
        Outcome::Forwarded {
            reference,
            portal_url,
            client,
        } => {
            let report = match &app.pane {
                Pane::Forward(f) => f.edited_report(),
                _ => None,
            };
            let category = report
                .as_ref()
                .map(|r| r.category.clone())
                .unwrap_or_default();
            match portal_url {
                Some(url) => {
                    let banner = T::MsgCopiedPortal(app.lang(), &url);
                    notice(app, Tone::Good, banner.clone());
                    let mut fx = Vec::new();
                    let text = report.map(|r| r.portal_text());
                    if let Some(t) = &text {
                        fx.push(Effect::Copy(t.clone()));
                    }
                    fx.extend(open_receipt(
                        app,
                        reference,
                        category,
                        Stage::Forwarded,
                        Some(banner),
                    ));
                    // OSC 52 cannot confirm the copy: the report stays on screen as text.
                    if let Pane::Receipt(r) = &mut app.pane {
                        r.report_text = text;
                    }
                    fx.extend(reload(app));
                    fx
                }
                None => {
                    let msg = T::MsgQueued(app.lang(), &reference, &client);
                    notice(app, Tone::Info, msg);
                    app.queue.want = Some(Want::Reference(reference.clone()));
                    let mut fx = back_to_queue(app);
                    // Until the officer does something else, the number opens the handover.
                    app.awaiting = Some(reference);
                    fx.push(Effect::NudgeWorker);
                    fx
                }
            }
        }
        Outcome::ReportSaved(path) => {
            let msg = T::MsgReportSaved(app.lang(), &path);
            notice(app, Tone::Good, msg);
            Vec::new()
        }
        _ => Vec::new(),
    }
}
