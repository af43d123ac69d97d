//! The handover pane: the message to the applicant, its channel, and the reason
//! when it is past the deadline.

use super::notice::{notice, text};
use super::page::back_to_queue;
use super::typing::is_plain_char;
use crate::domain::complaint::{Channel, Complaint};
use crate::domain::handover::handover_message;
use crate::domain::msg::Lang;
use crate::domain::report::LateReason;
use crate::tui::action::Action;
use crate::tui::app::{App, HandoverState, Pane, Tone, Want};
use crate::tui::effect::Effect;
use crate::tui::i18n::T;
use crate::tui::outcome::Outcome;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;

/// The handover pane for a ticketed complaint: its message in the screen's language.
pub(super) fn handover_state(app: &App, c: Complaint) -> HandoverState {
    let message = handover_message(app.lang(), &c, app.now, app.setup.offset);
    HandoverState {
        channel: c.details.channel,
        complaint: c,
        message,
        late_reason: None,
        late_words: TextArea::default(),
        on_words: false,
        reach: String::new(),
    }
}

/// The handover pane's keys: channel, copy, record; past the deadline, the reason.
pub(super) fn act(app: &mut App, action: Action) -> Vec<Effect> {
    let late = matches!(&app.pane, Pane::Handover(h) if h.late(app.now));
    let Pane::Handover(h) = &mut app.pane else {
        return Vec::new();
    };
    match action {
        Action::SwitchFocus if late => {
            h.on_words = !h.on_words;
            Vec::new()
        }
        Action::Up | Action::Down if late => {
            h.late_reason = Some(step_late_reason(h.late_reason, action == Action::Down));
            Vec::new()
        }
        Action::Confirm if late => match h.late_reason {
            Some(reason) => vec![
                Effect::Copy(h.message.clone()),
                Effect::HandOverLate {
                    reference: h.complaint.reference.clone(),
                    via: h.channel.as_str().to_string(),
                    reason: reason.code().to_string(),
                    words: h.late_words.lines().join(" "),
                },
            ],
            None => {
                notice(app, Tone::Warn, text(app, T::MsgNeedReason).into());
                Vec::new()
            }
        },
        Action::ChoiceNext | Action::ChoicePrev => {
            let all = Channel::ALL;
            let i = all.iter().position(|c| *c == h.channel).unwrap_or(0);
            let n = all.len();
            h.channel = all[if action == Action::ChoiceNext {
                (i + 1) % n
            } else {
                (i + n - 1) % n
            }];
            Vec::new()
        }
        Action::CopyMessage => {
            let fx = vec![Effect::Copy(h.message.clone())];
            notice(app, Tone::Good, text(app, T::MsgCopied).into());
            fx
        }
        Action::Confirm => {
            let reach = h.needs_reach().then(|| h.reach.trim().to_string());
            vec![
                Effect::Copy(h.message.clone()),
                Effect::HandOver {
                    reference: h.complaint.reference.clone(),
                    via: h.channel.as_str().to_string(),
                    reach,
                },
            ]
        }
        Action::Back => back_to_queue(app),
        _ => Vec::new(),
    }
}

/// The late reason ↑ or ↓ moves to, round the list; from none, ↓ is the first
/// and ↑ the last.
pub(super) fn step_late_reason(now: Option<LateReason>, down: bool) -> LateReason {
    let all = LateReason::ALL;
    let n = all.len();
    let i = now.and_then(|r| all.iter().position(|x| *x == r));
    all[match (i, down) {
        (None, true) => 0,
        (None, false) => n - 1,
        (Some(i), true) => (i + 1) % n,
        (Some(i), false) => (i + n - 1) % n,
    }]
}

/// The late reason a typed character names: its number (1–4), or the first
/// letter of its name in either language or of its code.
pub(super) fn pick_late_reason(c: char) -> Option<LateReason> {
    let all = LateReason::ALL;
    if let Some(d) = c.to_digit(10) {
        return all.get((d as usize).checked_sub(1)?).copied();
    }
    let c = c.to_lowercase().next()?;
    let starts = |s: &str| s.to_lowercase().starts_with(c);
    all.iter()
        .copied()
        .find(|r| starts(r.label(Lang::Id)))
        .or_else(|| all.iter().copied().find(|r| starts(r.label(Lang::En))))
        .or_else(|| all.iter().copied().find(|r| starts(r.code())))
}

/// A key typed while the reason is asked: a number or a first letter picks it,
/// then the words.
pub(super) fn typed(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    if let Pane::Handover(h) = &mut app.pane {
        if h.on_words {
            if key.code != KeyCode::Enter {
                h.late_words.input(key);
            }
        } else if let Some(c) = is_plain_char(&key) {
            // Like the form's choices: a number, or the start of the reason's name.
            if let Some(r) = pick_late_reason(c) {
                h.late_reason = Some(r);
                h.on_words = true;
            }
        }
    }
    Vec::new()
}

/// The phone or address being typed for the chosen channel.
pub(super) fn typed_reach(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    if let Pane::Handover(h) = &mut app.pane {
        match key.code {
            KeyCode::Backspace => {
                h.reach.pop();
            }
            _ => {
                if let Some(c) = is_plain_char(&key)
                    && h.reach.chars().count() < REACH_MAX
                {
                    h.reach.push(c);
                }
            }
        }
    }
    Vec::new()
}

/// A pasted phone or address.
pub(super) fn pasted_reach(app: &mut App, one_line: &str) -> Vec<Effect> {
    if let Pane::Handover(h) = &mut app.pane {
        h.reach.extend(one_line.trim().chars().take(REACH_MAX));
        h.reach = h.reach.chars().take(REACH_MAX).collect();
    }
    Vec::new()
}

/// Longer than any phone or e-mail address the validators take.
const REACH_MAX: usize = 254;

/// A paste into the late reason's words, on one line.
pub(super) fn pasted(app: &mut App, one_line: &str) -> Vec<Effect> {
    if let Pane::Handover(h) = &mut app.pane
        && h.on_words
    {
        h.late_words.insert_str(one_line);
    }
    Vec::new()
}

/// The number came (the pane opens), or the handover was recorded.
pub(super) fn done(app: &mut App, outcome: Outcome) -> Vec<Effect> {
    match outcome {
        Outcome::HandoverReady(c) => {
            if matches!(app.pane, Pane::Queue) && app.overlay.is_none() && !app.queue.searching {
                app.pane = Pane::Handover(Box::new(handover_state(app, *c)));
            }
            Vec::new()
        }
        Outcome::HandedOver { reference } => {
            let msg = T::MsgHandedOver(app.lang(), &reference);
            notice(app, Tone::Good, msg);
            app.queue.want = Some(Want::Reference(reference));
            back_to_queue(app)
        }
        _ => Vec::new(),
    }
}
