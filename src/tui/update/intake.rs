//! The intake form: moving between fields, choices, typing and pasting, reading a
//! caller's message into it, and what the checks and the saving answer.

use super::forward::open_forward;
use super::notice::{notice, text};
use super::page::first_page;
use super::typing::is_plain_char;
use crate::domain::msg::FieldMsg;
use crate::tui::action::Action;
use crate::tui::app::{App, Ask, Overlay, Pane, Tone, Want};
use crate::tui::effect::Effect;
use crate::tui::form::{Field, IntakeState, Typed};
use crate::tui::i18n::T;
use crate::tui::keymap;
use crate::tui::outcome::Outcome;
use crate::tui::scope::Scope;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::CursorMove;

/// Checks the fields that show an error again: an error goes the moment it is fixed
/// (and one about a field that no longer applies goes with it).
fn recheck(form: &IntakeState, categories: &crate::domain::category::Categories) -> Vec<Effect> {
    if form.errors.is_empty() {
        return Vec::new();
    }
    vec![Effect::CheckFields {
        form: form.to_form(categories),
        fields: form.errors.keys().copied().collect(),
    }]
}

/// Leaves the focused field: it is checked, and the draft saved if it changed.
fn leave_field(
    form: &mut IntakeState,
    step: isize,
    categories: &crate::domain::category::Categories,
) -> Vec<Effect> {
    let left = form.move_focus(step, categories);
    let snapshot = form.to_form(categories);
    let mut fields = vec![left.key()];
    fields.extend(form.errors.keys().copied().filter(|k| *k != left.key()));
    let mut fx = vec![Effect::CheckFields {
        form: snapshot.clone(),
        fields,
    }];
    if form.dirty {
        form.dirty = false;
        fx.push(Effect::SaveDraft(snapshot));
    }
    fx
}

/// The form's keys: fields, choices, saving, reading the message, undo, leaving.
pub(super) fn act(app: &mut App, action: Action) -> Vec<Effect> {
    let categories = app.setup.categories.clone();
    let Pane::Intake(form) = &mut app.pane else {
        return Vec::new();
    };
    match action {
        Action::NextField | Action::PrevField => leave_field(
            form,
            if action == Action::NextField { 1 } else { -1 },
            &categories,
        ),
        // Enter moves on, as in a paper form; on the last field it saves.
        Action::Confirm if form.on_last(&categories) => {
            vec![Effect::SaveIntake(form.to_form(&categories))]
        }
        Action::Confirm => leave_field(form, 1, &categories),
        Action::MoreFields => {
            form.toggle_extras(&categories);
            Vec::new()
        }
        Action::ChoiceNext | Action::ChoicePrev => {
            let forward = action == Action::ChoiceNext;
            if form.turn_choice(forward, &categories) {
                return recheck(form, &categories);
            }
            let f = form.focused();
            if let Some(ta) = form.textarea_mut(f) {
                ta.move_cursor(if forward {
                    CursorMove::Forward
                } else {
                    CursorMove::Back
                });
            }
            Vec::new()
        }
        Action::Save => vec![Effect::SaveIntake(form.to_form(&categories))],
        Action::ReadMessage => {
            let message = form.text(Field::Description);
            if message.trim().is_empty() {
                notice(app, Tone::Warn, text(app, T::MsgNoMessage).into());
                return Vec::new();
            }
            read_message(app, &message, true)
        }
        Action::UndoFill => {
            if !form.undo_fill() {
                notice(app, Tone::Warn, text(app, T::MsgNothingToUndo).into());
                return Vec::new();
            }
            let fx = recheck(form, &categories);
            notice(app, Tone::Info, text(app, T::MsgFillUndone).into());
            fx
        }
        // Beside Ctrl-S: a slip of the finger must not lose a caller's complaint.
        Action::DiscardDraft if !form.is_blank() => {
            app.overlay = Some(Overlay::Confirm(Ask::DiscardForm));
            Vec::new()
        }
        // Nothing typed: nothing to keep, and no empty draft left behind.
        Action::DiscardDraft | Action::Back if form.is_blank() => {
            app.pane = Pane::Queue;
            app.draft = None;
            vec![Effect::DeleteDraft]
        }
        Action::Back => {
            let draft = form.to_form(&categories);
            app.draft = Some((draft.clone(), app.now));
            app.pane = Pane::Queue;
            notice(app, Tone::Info, text(app, T::MsgDraftKept).into());
            vec![Effect::SaveDraft(draft)]
        }
        _ => Vec::new(),
    }
}

/// A key typed into the focused field (or choice).
pub(super) fn typed(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let categories = app.setup.categories.clone();
    let Pane::Intake(form) = &mut app.pane else {
        return Vec::new();
    };
    let f = form.focused();
    if f.is_choice() {
        let picked = match key.code {
            KeyCode::Char(' ') => form.turn_choice(true, &categories),
            KeyCode::Backspace => {
                form.untype_choice(&categories);
                true
            }
            _ => match is_plain_char(&key).map(|c| form.type_choice(c, &categories)) {
                // A number that can only mean one option moves on by itself.
                Some(Typed::Settled) => {
                    let step = form.steps_to_next_needed(&categories);
                    return leave_field(form, step, &categories);
                }
                Some(Typed::Picked) => true,
                _ => false,
            },
        };
        return if picked {
            recheck(form, &categories)
        } else {
            Vec::new()
        };
    }
    // Ctrl-J or Alt-Enter starts a new line in the description (Enter moves on).
    let newline = key.code == KeyCode::Char('j') && key.modifiers == KeyModifiers::CONTROL;
    let edited = match form.textarea_mut(f) {
        Some(ta) if newline && f.is_multiline() => {
            ta.insert_newline();
            true
        }
        Some(_) if key.code == KeyCode::Enter && !f.is_multiline() => false,
        Some(ta) => ta.input(key),
        None => false,
    };
    if edited {
        form.dirty = true;
        return recheck(form, &categories);
    }
    Vec::new()
}

/// A paste this short, on one line, into a one-line field is that field's value.
const SHORT_PASTE: usize = 60;

/// Is this paste a caller's message to read? Into an empty form, yes — unless it
/// is one short line into a one-line field (a name copied alone).
fn is_message_paste(form: &IntakeState, text: &str) -> bool {
    let one_line_field = form.textarea(form.focus).is_some() && !form.focus.is_multiline();
    let short_line = !text.trim().contains('\n') && text.chars().count() <= SHORT_PASTE;
    form.is_blank() && !(one_line_field && short_line)
}

/// A paste into the form: into an empty form, the caller's whole message, read;
/// otherwise text for the focused field (on one line unless it takes several).
pub(super) fn pasted(app: &mut App, text: &str, one_line: &str) -> Vec<Effect> {
    if matches!(&app.pane, Pane::Intake(f) if is_message_paste(f, text)) {
        return read_message(app, text, false);
    }
    let categories = app.setup.categories.clone();
    if let Pane::Intake(form) = &mut app.pane {
        let f = form.focused();
        let text = if f.is_multiline() { text } else { one_line };
        if let Some(ta) = form.textarea_mut(f)
            && ta.insert_str(text)
        {
            form.dirty = true;
            return recheck(form, &categories);
        }
    }
    Vec::new()
}

/// Reads a caller's message into the intake form's empty fields:
/// the reader proposes, the form takes what is empty, marks it, and can undo it.
/// A password or OTP in the message is named at the description, and the draft
/// guard keeps it off the disk until it is removed.
fn read_message(app: &mut App, message: &str, from_description: bool) -> Vec<Effect> {
    let categories = app.setup.categories.clone();
    let lang = app.lang();
    let proposals = match crate::domain::message::read(message, &categories) {
        Ok(p) => p,
        Err(e) => {
            notice(app, Tone::Bad, e.text(lang));
            return Vec::new();
        }
    };
    let Pane::Intake(form) = &mut app.pane else {
        return Vec::new();
    };
    let filled = form.fill_from(&proposals, &categories, from_description);
    if filled.is_empty() {
        notice(app, Tone::Warn, text(app, T::MsgMessageNothing).into());
        return Vec::new();
    }
    let snapshot = form.to_form(&categories);
    // Errors shown before are checked again, and the description at once when
    // the guard would refuse it: the officer sees why before saving.
    let mut fields: Vec<&'static str> = form.errors.keys().copied().collect();
    if proposals.secrets {
        fields.push(Field::Description.key());
        form.focus_on(Field::Description, &categories);
    }
    form.dirty = false;
    let mut fx = vec![Effect::SaveDraft(snapshot.clone())];
    if !fields.is_empty() {
        fx.push(Effect::CheckFields {
            form: snapshot,
            fields,
        });
    }
    if proposals.secrets {
        notice(app, Tone::Bad, text(app, T::MsgMessageSecret).into());
    } else {
        let undo = keymap::key_for(Scope::Intake, Action::UndoFill, lang);
        let msg = T::MsgMessageRead(app.lang(), filled.len(), &undo);
        notice(app, Tone::Good, msg);
    }
    fx
}

fn first_errors(
    errors: &[FieldMsg],
    lang: crate::domain::msg::Lang,
) -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> = Vec::new();
    for e in errors {
        if !out.iter().any(|(f, _)| *f == e.field) {
            let full = e.text(lang);
            let msg = full
                .split_once(": ")
                .map(|(_, m)| m.to_string())
                .unwrap_or(full);
            out.push((e.field, msg));
        }
    }
    out
}

/// The checks and the saving of the form.
pub(super) fn done(app: &mut App, outcome: Outcome) -> Vec<Effect> {
    let lang = app.lang();
    match outcome {
        Outcome::FieldChecked { field, error } => {
            if let Pane::Intake(form) = &mut app.pane {
                match error {
                    Some(e) => {
                        form.errors.insert(field, e);
                    }
                    None => {
                        form.errors.remove(field);
                    }
                }
            }
            Vec::new()
        }
        Outcome::IntakeSaved {
            reference,
            warnings,
        } => {
            app.pane = Pane::Queue;
            app.draft = None;
            let mut msg = T::MsgSaved(app.lang(), &reference);
            let tone = if warnings.is_empty() {
                Tone::Good
            } else {
                msg = format!("{msg} {}", warnings.join("; "));
                Tone::Warn
            };
            notice(app, tone, msg);
            app.queue.want = Some(Want::Reference(reference.clone()));
            app.queue.search = None;
            // Forwarding is always the next step: its pane opens with the report.
            let mut fx = first_page(app);
            fx.extend(open_forward(app, reference.clone()));
            // Unless an open ticket of its category is probably the same outage.
            fx.push(Effect::LoadSuggestions(reference));
            fx
        }
        Outcome::IntakeRefused(errors) => {
            let categories = app.setup.categories.clone();
            if let Pane::Intake(form) = &mut app.pane {
                form.errors = first_errors(&errors, lang).into_iter().collect();
                // The first error in screen order; one in an optional field shows them.
                let mut order = form.main_fields(&categories);
                order.extend(Field::ORDER);
                if let Some(f) = order
                    .into_iter()
                    .find(|f| form.errors.contains_key(f.key()))
                {
                    form.focus_on(f, &categories);
                }
            }
            notice(app, Tone::Bad, text(app, T::MsgFixFields).into());
            Vec::new()
        }
        _ => Vec::new(),
    }
}
