//! The close pane: resolving (with a note) or cancelling (with a reason).

use super::notice::notice;
use super::page::{back_to_queue, leave};
use crate::tui::action::Action;
use crate::tui::app::{App, Pane, Tone, Want};
use crate::tui::effect::Effect;
use crate::tui::i18n::T;
use crate::tui::outcome::Outcome;
use crossterm::event::{KeyCode, KeyEvent};

/// The close pane's keys: Enter resolves or cancels with what was typed.
pub(super) fn act(app: &mut App, action: Action) -> Vec<Effect> {
    let Pane::Close(c) = &mut app.pane else {
        return Vec::new();
    };
    let typed = c.text.lines().join("\n");
    match action {
        Action::Confirm if c.resolve => vec![Effect::Resolve {
            reference: c.reference.clone(),
            note: typed,
        }],
        Action::Confirm => vec![Effect::Cancel {
            reference: c.reference.clone(),
            reason: typed,
        }],
        Action::Back => leave(app, !typed.trim().is_empty()),
        _ => Vec::new(),
    }
}

/// A key typed into the note or the reason.
pub(super) fn typed(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    if let Pane::Close(c) = &mut app.pane
        && key.code != KeyCode::Enter
        && c.text.input(key)
    {
        c.error = None;
    }
    Vec::new()
}

/// A paste into the note or the reason, on one line.
pub(super) fn pasted(app: &mut App, one_line: &str) -> Vec<Effect> {
    if let Pane::Close(c) = &mut app.pane {
        c.text.insert_str(one_line);
        c.error = None;
    }
    Vec::new()
}

/// Resolved or cancelled: back to the queue on it.
pub(super) fn done(app: &mut App, outcome: Outcome) -> Vec<Effect> {
    match outcome {
        Outcome::Closed {
            reference,
            resolved,
        } => {
            let msg = if resolved {
                T::MsgResolved(app.lang(), &reference)
            } else {
                T::MsgCancelled(app.lang(), &reference)
            };
            notice(app, Tone::Good, msg);
            app.queue.want = Some(Want::Reference(reference));
            back_to_queue(app)
        }
        _ => Vec::new(),
    }
}
