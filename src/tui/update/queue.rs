//! The queue's keys: moving, filtering, searching, and opening the pane of the
//! next step for the selected complaint.

use super::forward::open_forward;
use super::handover::handover_state;
use super::notice::{notice, text};
use super::page::{
    first_page, move_selection, next_page, previous_page, search_page, select_edge,
    selected_complaint,
};
use super::receipt::open_receipt;
use super::report::open_report;
use super::typing::edit_line;
use crate::domain::complaint::{Complaint, Stage};
use crate::domain::when::short_local;
use crate::domain::workflow::{self, Step};
use crate::tui::action::Action;
use crate::tui::app::{App, Ask, CloseState, Overlay, Pane, ReportSpan, StageFilter, Tone};
use crate::tui::effect::Effect;
use crate::tui::form::IntakeState;
use crate::tui::i18n::T;
use crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

/// Checks the step is allowed for the selected complaint, saying why not if it is not.
fn selected_for(app: &mut App, step: Step, label: T) -> Option<Complaint> {
    let lang = app.lang();
    let Some(c) = selected_complaint(app).cloned() else {
        notice(app, Tone::Warn, text(app, T::MsgNoSelection).into());
        return None;
    };
    if workflow::check(c.stage, step).is_err() {
        let msg = T::MsgNotNow(app.lang(), label.get(lang), c.stage.label(lang));
        notice(app, Tone::Warn, msg);
        return None;
    }
    Some(c)
}

/// The queue's keys: moving, paging, filtering, and the next step's pane.
pub(super) fn act(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Up => move_selection(app, false),
        Action::Down => move_selection(app, true),
        Action::PageDown => next_page(app),
        Action::PageUp => previous_page(app, false),
        Action::Home => select_edge(app, false),
        Action::End => select_edge(app, true),
        Action::NewIntake => match &app.draft {
            // A draft waits: whose it is, and a choice, before anything is typed over it.
            Some((draft, saved_at)) => {
                let name = draft.name.trim();
                app.overlay = Some(Overlay::Confirm(Ask::Draft {
                    name: if name.is_empty() {
                        "—".into()
                    } else {
                        crate::domain::text::for_terminal(name)
                    },
                    saved_at: short_local(*saved_at, app.setup.offset),
                }));
                Vec::new()
            }
            None => {
                app.pane = Pane::Intake(Box::new(IntakeState::new(short_local(
                    app.now,
                    app.setup.offset,
                ))));
                Vec::new()
            }
        },
        Action::Resolve | Action::CancelComplaint => {
            let resolve = action == Action::Resolve;
            let (step, label) = if resolve {
                (Step::Resolve, T::AResolve)
            } else {
                (Step::Cancel, T::ACancel)
            };
            let Some(c) = selected_for(app, step, label) else {
                return Vec::new();
            };
            app.pane = Pane::Close(Box::new(CloseState {
                reference: c.reference,
                resolve,
                text: TextArea::default(),
                error: None,
            }));
            Vec::new()
        }
        Action::HistoryEarlier | Action::HistoryLater
            if app.queue.filter == StageFilter::History =>
        {
            app.queue.weeks_back = if action == Action::HistoryEarlier {
                app.queue.weeks_back.saturating_add(1)
            } else {
                app.queue.weeks_back.saturating_sub(1)
            };
            first_page(app)
        }
        Action::Forward => {
            let Some(c) = selected_for(app, Step::Forward, T::AForward) else {
                return Vec::new();
            };
            open_forward(app, c.reference)
        }
        Action::Receipt => {
            // At `received` the only way to a ticket is a link to one already filed.
            let step = match selected_complaint(app).map(|c| c.stage) {
                Some(Stage::Received) => Step::Link,
                _ => Step::RecordTicket,
            };
            let Some(c) = selected_for(app, step, T::AReceipt) else {
                return Vec::new();
            };
            open_receipt(app, c.reference, c.details.category, c.stage, None)
        }
        // A resolved complaint's applicant is owed the outcome, not the number.
        Action::Handover | Action::Notify
            if selected_complaint(app).is_some_and(|c| c.stage == Stage::Resolved) =>
        {
            let reference = selected_complaint(app).map(|c| c.reference.clone());
            vec![Effect::LoadNotify(reference.into_iter().collect())]
        }
        Action::Notify => {
            notice(app, Tone::Warn, text(app, T::MsgNothingToNotify).into());
            Vec::new()
        }
        Action::Handover => {
            let Some(c) = selected_for(app, Step::HandOver, T::AHandover) else {
                return Vec::new();
            };
            app.pane = Pane::Handover(Box::new(handover_state(app, c)));
            Vec::new()
        }
        Action::OpenReport => open_report(app, ReportSpan::ThisMonth),
        Action::OpenCalendar => super::calendar::open(app),
        Action::CycleFilter => {
            app.queue.filter = app.queue.filter.next();
            app.queue.search = None;
            app.queue.weeks_back = 0;
            first_page(app)
        }
        Action::Search => {
            app.queue.searching = true;
            app.queue.search = Some(String::new());
            Vec::new()
        }
        Action::ClearFilter => {
            if app.queue.search.is_none() && app.queue.filter == StageFilter::AllOpen {
                return Vec::new();
            }
            app.queue.search = None;
            app.queue.filter = StageFilter::AllOpen;
            first_page(app)
        }
        _ => Vec::new(),
    }
}

/// The search line's keys: Enter keeps the search, Esc clears it.
pub(super) fn search_act(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Confirm => {
            app.queue.searching = false;
            if app
                .queue
                .search
                .as_deref()
                .is_some_and(|s| s.trim().is_empty())
            {
                app.queue.search = None;
            }
            Vec::new()
        }
        Action::ClearFilter => {
            app.queue.searching = false;
            app.queue.search = None;
            first_page(app)
        }
        Action::Up => move_selection(app, false),
        Action::Down => move_selection(app, true),
        _ => Vec::new(),
    }
}

/// A key typed into the search line: the first page of what it finds now.
pub(super) fn typed(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let search = app.queue.search.get_or_insert_with(String::new);
    if edit_line(search, &key) {
        search_page(app)
    } else {
        Vec::new()
    }
}

/// A paste into the search line, on one line.
pub(super) fn pasted(app: &mut App, one_line: &str) -> Vec<Effect> {
    app.queue
        .search
        .get_or_insert_with(String::new)
        .push_str(one_line);
    search_page(app)
}
