//! The help, the command palette and the questions asked over a pane.

use super::notice::{notice, text};
use super::page::back_to_queue;
use super::typing::{edit_line, is_plain_char};
use crate::domain::when::short_local;
use crate::tui::action::Action;
use crate::tui::app::{App, Ask, Overlay, Pane, Tone};
use crate::tui::effect::Effect;
use crate::tui::form::IntakeState;
use crate::tui::i18n::T;
use crate::tui::palette::palette_matches;
use crossterm::event::KeyEvent;

/// Resumes the waiting draft in the intake form.
fn resume_draft(app: &mut App) -> Vec<Effect> {
    if let Some((draft, saved_at)) = app.draft.take() {
        let at = short_local(saved_at, app.setup.offset);
        notice(app, Tone::Info, T::MsgDraftRestored(app.lang(), &at));
        app.pane = Pane::Intake(Box::new(IntakeState::from_form(
            &draft,
            &app.setup.categories,
        )));
    }
    Vec::new()
}

/// The answer to a question: `yes` is Enter (or y), otherwise n.
fn answer(app: &mut App, ask: Ask, yes: bool) -> Vec<Effect> {
    app.overlay = None;
    match (ask, yes) {
        (Ask::DropEdits, true) => back_to_queue(app),
        (Ask::DiscardForm, true) => {
            app.pane = Pane::Queue;
            app.draft = None;
            notice(app, Tone::Info, text(app, T::MsgDraftDiscarded).into());
            let mut fx = vec![Effect::DeleteDraft];
            fx.extend(back_to_queue(app));
            fx
        }
        (Ask::Draft { .. }, true) => resume_draft(app),
        (Ask::Draft { .. }, false) => {
            // A new caller: the old draft goes, the form starts empty.
            app.draft = None;
            app.pane = Pane::Intake(Box::new(IntakeState::new(short_local(
                app.now,
                app.setup.offset,
            ))));
            notice(app, Tone::Info, text(app, T::MsgDraftDiscarded).into());
            vec![Effect::DeleteDraft]
        }
        (Ask::ReplaceTicket { new, .. }, true) => match &app.pane {
            Pane::Receipt(r) => vec![Effect::RecordTicket {
                reference: r.reference.clone(),
                raw: new,
            }],
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// What a key over a pane comes to: its effects, or the command picked in the
/// palette, which the pane under it then carries out.
pub(super) enum Then {
    Done(Vec<Effect>),
    Run(Action),
}

/// The keys over a pane: a question answered, the palette searched and chosen from.
pub(super) fn act(app: &mut App, action: Action) -> Then {
    if let Some(Overlay::Token { pasted }) = app.overlay.clone() {
        return Then::Done(match action {
            Action::Confirm if !pasted.0.trim().is_empty() => {
                app.overlay = None;
                vec![Effect::SaveToken(pasted)]
            }
            Action::Back => {
                app.overlay = None;
                Vec::new()
            }
            _ => Vec::new(),
        });
    }
    if let Some(Overlay::Confirm(ask)) = app.overlay.clone() {
        return Then::Done(match action {
            Action::Confirm => answer(app, ask, true),
            Action::Back => {
                app.overlay = None;
                Vec::new()
            }
            _ => Vec::new(),
        });
    }
    let Some(Overlay::Palette { query, selected }) = app.overlay.clone() else {
        // Help: any listed action closes it.
        app.overlay = None;
        return Then::Done(Vec::new());
    };
    let n = palette_matches(app, &query).len();
    match action {
        Action::Back => app.overlay = None,
        Action::Up | Action::Down => {
            let sel = match action {
                Action::Up => selected.saturating_sub(1),
                _ => (selected + 1).min(n.saturating_sub(1)),
            };
            app.overlay = Some(Overlay::Palette {
                query,
                selected: sel,
            });
        }
        Action::Confirm => {
            let chosen = palette_matches(app, &query).get(selected).map(|b| b.action);
            app.overlay = None;
            if let Some(a) = chosen {
                return Then::Run(a);
            }
        }
        _ => {}
    }
    Then::Done(Vec::new())
}

/// A key typed over a pane: y or n to a question, or the palette's search.
pub(super) fn typed(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    if let Some(Overlay::Confirm(ask)) = app.overlay.clone() {
        return match is_plain_char(&key).map(|c| c.to_ascii_lowercase()) {
            Some('y') => answer(app, ask, true),
            Some('n') => answer(app, ask, false),
            _ => Vec::new(),
        };
    }
    if let Some(Overlay::Palette { query, selected }) = &mut app.overlay
        && edit_line(query, &key)
    {
        *selected = 0;
    }
    if let Some(Overlay::Token { pasted }) = &mut app.overlay {
        edit_line(&mut pasted.0, &key);
    }
    Vec::new()
}

/// A paste over a pane: the token being given, whole (it replaces what was there).
pub(super) fn pasted(app: &mut App, one_line: &str) -> Vec<Effect> {
    if let Some(Overlay::Token { pasted }) = &mut app.overlay {
        pasted.0 = one_line.trim().to_string();
    }
    Vec::new()
}
