//! The receipt pane: the ticket number typed back from BCare, or a link to a
//! ticket already filed for the same problem.

use super::notice::notice;
use super::page::{back_to_queue, leave, selected_complaint};
use super::typing::single_line;
use crate::domain::complaint::Stage;
use crate::domain::workflow::{self, Step};
use crate::tui::action::Action;
use crate::tui::app::{App, Ask, Overlay, Pane, ReceiptState, Tone, Want};
use crate::tui::effect::Effect;
use crate::tui::i18n::T;
use crate::tui::outcome::Outcome;
use crossterm::event::{KeyCode, KeyEvent};

/// The receipt pane for a complaint; the open tickets it may link to are read.
pub(super) fn open_receipt(
    app: &mut App,
    reference: String,
    category: String,
    stage: Stage,
    banner: Option<String>,
) -> Vec<Effect> {
    let can_link = workflow::check(stage, Step::Link).is_ok();
    // A correction starts from the number recorded now, and knows whether BCare gave it.
    let current = (stage == Stage::Ticketed)
        .then(|| selected_complaint(app).filter(|c| c.reference == reference))
        .flatten()
        .and_then(|c| c.ticket_no.clone());
    let from_bcare = current.as_ref().is_some_and(|t| {
        app.detail.as_ref().is_some_and(|d| {
            d.dossier.complaint.reference == reference
                && d.dossier
                    .outbox
                    .iter()
                    .any(|o| o.ticket_no.as_deref() == Some(t.as_str()))
        })
    });
    app.pane = Pane::Receipt(Box::new(ReceiptState {
        reference,
        category: category.clone(),
        stage,
        ticket: current.as_deref().map(single_line).unwrap_or_default(),
        current,
        from_bcare,
        on_list: false,
        open_tickets: Vec::new(),
        selected: 0,
        error: None,
        banner,
        report_text: None,
    }));
    // A ticket already recorded is only corrected by typing; linking is for new ones.
    if can_link {
        vec![Effect::LoadOpenTickets { category }]
    } else {
        Vec::new()
    }
}

/// The receipt pane's keys: record the number typed, or link to a ticket on the list.
pub(super) fn act(app: &mut App, action: Action) -> Vec<Effect> {
    let Pane::Receipt(r) = &mut app.pane else {
        return Vec::new();
    };
    match action {
        Action::SwitchFocus => {
            r.on_list = !r.on_list && !r.open_tickets.is_empty();
            Vec::new()
        }
        Action::Up if r.on_list => {
            r.selected = r.selected.saturating_sub(1);
            Vec::new()
        }
        Action::Down if r.on_list => {
            r.selected = (r.selected + 1).min(r.open_tickets.len().saturating_sub(1));
            Vec::new()
        }
        Action::Confirm if r.on_list => match r.open_tickets.get(r.selected) {
            Some(other) => vec![Effect::Link {
                reference: r.reference.clone(),
                other: other.reference.clone(),
            }],
            None => Vec::new(),
        },
        Action::Confirm if r.stage == Stage::Received => vec![Effect::LinkTicket {
            reference: r.reference.clone(),
            raw: r.ticket.lines().join(""),
        }],
        Action::Confirm => {
            let raw = r.ticket.lines().join("");
            match &r.current {
                // Replacing a recorded number (BCare's own, perhaps) is asked first.
                Some(current) if raw.trim() != current.as_str() => {
                    app.overlay = Some(Overlay::Confirm(Ask::ReplaceTicket {
                        current: current.clone(),
                        from_bcare: r.from_bcare,
                        new: raw.trim().to_string(),
                    }));
                    Vec::new()
                }
                _ => vec![Effect::RecordTicket {
                    reference: r.reference.clone(),
                    raw,
                }],
            }
        }
        Action::Back => {
            let typed = r.ticket.lines().join("");
            let typed_over = !typed.trim().is_empty() && Some(typed.trim()) != r.current.as_deref();
            leave(app, typed_over)
        }
        _ => Vec::new(),
    }
}

/// A key typed into the ticket number.
pub(super) fn typed(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    if let Pane::Receipt(r) = &mut app.pane
        && !r.on_list
        && key.code != KeyCode::Enter
        && r.ticket.input(key)
    {
        r.error = None;
    }
    Vec::new()
}

/// A paste into the ticket number, trimmed.
pub(super) fn pasted(app: &mut App, one_line: &str) -> Vec<Effect> {
    if let Pane::Receipt(r) = &mut app.pane {
        r.ticket.insert_str(one_line.trim());
        r.error = None;
    }
    Vec::new()
}

/// The open tickets to link to, and the number recorded.
pub(super) fn done(app: &mut App, outcome: Outcome) -> Vec<Effect> {
    match outcome {
        Outcome::OpenTickets(list) => {
            if let Pane::Receipt(r) = &mut app.pane {
                r.open_tickets = list
                    .into_iter()
                    .filter(|c| c.reference != r.reference)
                    .collect();
                r.selected = 0;
            }
            Vec::new()
        }
        Outcome::TicketRecorded {
            reference,
            ticket_no,
            warning,
        } => {
            let msg = T::MsgTicketRecorded(app.lang(), &reference, &ticket_no);
            match warning {
                Some(w) => notice(app, Tone::Warn, format!("{msg} {w}")),
                None => notice(app, Tone::Good, msg),
            }
            app.queue.want = Some(Want::Reference(reference.clone()));
            // Handing the number over is the next step: its pane opens.
            let mut fx = back_to_queue(app);
            fx.push(Effect::OpenHandover(reference));
            fx
        }
        _ => Vec::new(),
    }
}
