//! The notify pane's keys: Enter copies this applicant's message and records the
//! notice, then the SKM line asks their satisfaction (nine answers, Enter to keep
//! them, an empty line or Esc to skip), and the next applicant comes up.

use super::notice::{notice, text};
use super::page::{back_to_queue, reload};
use crate::domain::complaint::{Channel, Stage};
use crate::tui::action::Action;
use crate::tui::app::{App, Pane, Tone};
use crate::tui::effect::Effect;
use crate::tui::i18n::T;
use crate::tui::notify::NotifyState;
use crate::tui::outcome::Outcome;
use crossterm::event::{KeyCode, KeyEvent};

/// The longest SKM line taken: nine answers with commas and spaces.
const SKM_LINE_MAX: usize = 40;

pub(super) fn act(app: &mut App, action: Action) -> Vec<Effect> {
    let lang = app.lang();
    let Pane::Notify(n) = &mut app.pane else {
        return Vec::new();
    };
    if let Some(line) = &n.skm {
        let Some(reference) = n.current().map(|c| c.complaint.reference.clone()) else {
            return Vec::new();
        };
        return match action {
            Action::Confirm if !line.trim().is_empty() => vec![Effect::RecordSurvey {
                reference,
                answers: line.clone(),
            }],
            // Nothing typed, or Esc: the applicant did not answer; on to the next.
            Action::Confirm | Action::Back => next_or_done(app),
            _ => Vec::new(),
        };
    }
    let count = n.callers.len();
    match action {
        Action::Up => n.at = n.at.saturating_sub(1),
        Action::Down => n.at = (n.at + 1).min(count.saturating_sub(1)),
        Action::ChoiceNext | Action::ChoicePrev => {
            if let Some(c) = n.callers.get_mut(n.at) {
                let all = Channel::ALL;
                let k = all.len();
                let i = all.iter().position(|x| *x == c.via).unwrap_or(0);
                c.via = all[if action == Action::ChoiceNext {
                    (i + 1) % k
                } else {
                    (i + k - 1) % k
                }];
            }
        }
        Action::CopyMessage => {
            if let Some(msg) = n.message(lang) {
                notice(app, Tone::Good, text(app, T::MsgCopied).into());
                return vec![Effect::Copy(msg)];
            }
        }
        Action::Confirm => {
            let Some(c) = n.current().cloned() else {
                return Vec::new();
            };
            // Told before: Enter asks the SKM line only (answers given later).
            if c.told {
                n.skm = Some(String::new());
                return Vec::new();
            }
            let msg = n.message(lang).unwrap_or_default();
            return vec![
                Effect::Copy(msg),
                Effect::Notify {
                    reference: c.complaint.reference.clone(),
                    via: c.via.as_str().into(),
                },
            ];
        }
        Action::Back => return back_to_queue(app),
        _ => {}
    }
    Vec::new()
}

/// The SKM line: the answers' characters only (digits 1–4, `-`, commas, spaces).
pub(super) fn typed(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    if let Pane::Notify(n) = &mut app.pane
        && let Some(line) = &mut n.skm
    {
        match key.code {
            KeyCode::Char(c)
                if matches!(c, '1'..='4' | '-' | ',' | ' ') && line.len() < SKM_LINE_MAX =>
            {
                line.push(c);
                n.error = None;
            }
            KeyCode::Backspace => {
                line.pop();
            }
            _ => {}
        }
    }
    Vec::new()
}

fn next_or_done(app: &mut App) -> Vec<Effect> {
    let Pane::Notify(n) = &mut app.pane else {
        return Vec::new();
    };
    if n.next() {
        return Vec::new();
    }
    let told = n.told_count().to_string();
    notice(app, Tone::Good, T::MsgNotifyDone(app.lang(), &told));
    back_to_queue(app)
}

pub(super) fn done(app: &mut App, outcome: Outcome) -> Vec<Effect> {
    match outcome {
        Outcome::NotifyReady(complaints) => {
            let resolved: Vec<_> = complaints
                .into_iter()
                .filter(|c| c.stage == Stage::Resolved)
                .collect();
            if resolved.is_empty() {
                notice(app, Tone::Warn, text(app, T::MsgNothingToNotify).into());
                return Vec::new();
            }
            app.pane = Pane::Notify(Box::new(NotifyState::new(resolved)));
            Vec::new()
        }
        Outcome::Notified { reference } => {
            if let Pane::Notify(n) = &mut app.pane {
                n.told(&reference);
            }
            notice(app, Tone::Good, T::MsgNotified(app.lang(), &reference));
            reload(app)
        }
        Outcome::Surveyed { reference } => {
            notice(app, Tone::Good, T::MsgSurveyed(app.lang(), &reference));
            next_or_done(app)
        }
        _ => Vec::new(),
    }
}

/// A refusal while the pane is open stays beside the line it is about.
pub(super) fn failed(n: &mut NotifyState, e: &str) {
    n.error = Some(e.to_string());
}
