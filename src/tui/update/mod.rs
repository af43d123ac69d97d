//! The one place state changes: `update(app, msg)` → effects. Pure: no I/O, no
//! clock, no database; the effects it returns are carried out by the caller.
//! This file routes: a key by the scope it was pressed in, an outcome by the
//! pane it is for; each pane's own rules are in the file named for it.

mod calendar;
mod callers;
mod close;
mod forward;
mod handover;
mod intake;
mod notice;
mod notify;
mod overlay;
mod page;
mod queue;
mod receipt;
mod report;
mod typing;
mod watch;

use crate::tui::action::{Action, Msg};
use crate::tui::app::{App, Overlay, Pane, Tone};
use crate::tui::effect::Effect;
use crate::tui::i18n::T;
use crate::tui::outcome::Outcome;
use crate::tui::scope::Scope;
use crossterm::event::KeyEvent;
use notice::notice;
use page::reload;

/// Everything that happens to the desk on screen comes through here.
pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    // Below 80×24 the screen shows only "enlarge the terminal": only quitting acts,
    // so no key does something the officer cannot see.
    if app.too_small() && matches!(msg, Msg::Type(_) | Msg::Paste(_))
        || matches!(msg, Msg::Do(a) if app.too_small() && a != Action::Quit)
    {
        return Vec::new();
    }
    match msg {
        Msg::Do(action) => act(app, action),
        Msg::Type(key) => typed(app, key),
        Msg::Paste(text) => pasted(app, &text),
        Msg::Tick(now) => tick(app, now),
        Msg::Watch => vec![Effect::CheckDataVersion],
        Msg::Resize(w, h) => {
            let before = app.page_size();
            app.size = (w, h);
            if app.page_size() != before {
                reload(app)
            } else {
                Vec::new()
            }
        }
        Msg::Done(outcome) => done(app, outcome),
        Msg::Posted(job, at) => {
            app.work.posted(job, at);
            Vec::new()
        }
        Msg::Settled(job) => {
            app.work.settled(job);
            Vec::new()
        }
        Msg::Slow => {
            app.work.slow = app.work.in_flight > 0;
            Vec::new()
        }
    }
}

/// The first screen: fetch one page and the counts.
pub fn start(app: &mut App) -> Vec<Effect> {
    let mut fx = reload(app);
    fx.push(Effect::CheckDataVersion);
    fx
}

fn tick(app: &mut App, now: chrono::DateTime<chrono::Utc>) -> Vec<Effect> {
    app.now = now;
    let mut fx = vec![
        Effect::RefreshSla(app.queue.rows.iter().map(|r| r.complaint.clone()).collect()),
        Effect::LoadCounts,
        // Has anyone else (command line, another desk, the worker) written since?
        Effect::CheckDataVersion,
    ];
    // A half-typed form is saved every second it changed: a crash loses at most that.
    if let Pane::Intake(form) = &mut app.pane
        && form.dirty
    {
        form.dirty = false;
        fx.push(Effect::SaveDraft(form.to_form(&app.setup.categories)));
    }
    fx
}

fn act(app: &mut App, action: Action) -> Vec<Effect> {
    // Quit, help and the palette mean the same everywhere.
    match action {
        Action::Quit => {
            app.quit = true;
            return match &app.pane {
                // Unsaved input is kept as a draft.
                Pane::Intake(form) => vec![Effect::SaveDraft(form.to_form(&app.setup.categories))],
                _ => Vec::new(),
            };
        }
        // A question stays until it is answered.
        Action::Help | Action::Palette if matches!(app.overlay, Some(Overlay::Confirm(_))) => {
            return Vec::new();
        }
        Action::Help if app.overlay != Some(Overlay::Help) => {
            app.overlay = Some(Overlay::Help);
            return Vec::new();
        }
        Action::Help => {
            app.overlay = None;
            return Vec::new();
        }
        Action::Palette => {
            app.overlay = Some(Overlay::Palette {
                query: String::new(),
                selected: 0,
            });
            return Vec::new();
        }
        Action::NewToken
            if app.overlay.is_none() || matches!(app.overlay, Some(Overlay::Palette { .. })) =>
        {
            app.overlay = Some(Overlay::Token {
                pasted: Default::default(),
            });
            return Vec::new();
        }
        _ => {}
    }
    // A reader's desk shows and reports; what would change a complaint is
    // refused here, in one line, before any pane opens.
    if let Some(role) = &app.setup.reader
        && crate::tui::keymap::changes_complaints(action)
    {
        let text = T::MsgReadOnly(app.lang(), role);
        notice(app, Tone::Warn, text);
        return Vec::new();
    }
    // A step still being written (a held database) takes the next one: moving,
    // reading and typing go on, but a second Enter does not file it twice.
    if app.work.steps > 0 && takes_a_step(app.scope(), action) {
        notice(
            app,
            Tone::Warn,
            T::MsgStillSaving.get(app.lang()).to_string(),
        );
        return Vec::new();
    }
    match app.scope() {
        Scope::Overlay => match overlay::act(app, action) {
            overlay::Then::Done(fx) => fx,
            overlay::Then::Run(chosen) => act(app, chosen),
        },
        Scope::Queue | Scope::Global => {
            // The officer moved on: a ticket number arriving now no longer opens the handover.
            app.awaiting = None;
            if let Some(fx) = callers::queue_act(app, action) {
                return fx;
            }
            queue::act(app, action)
        }
        Scope::Search => queue::search_act(app, action),
        Scope::Intake => intake::act(app, action),
        Scope::Forward | Scope::ForwardEdit => forward::act(app, action),
        Scope::Receipt => receipt::act(app, action),
        Scope::Handover | Scope::HandoverLate | Scope::HandoverReach => handover::act(app, action),
        Scope::Close => close::act(app, action),
        Scope::Report => report::act(app, action),
        Scope::Calendar => calendar::act(app, action),
        Scope::Notify | Scope::NotifySkm => notify::act(app, action),
        Scope::Suggest | Scope::Bulk | Scope::Walk | Scope::WalkLate | Scope::Incident => {
            callers::pane_act(app, action)
        }
    }
}

/// The keys that confirm a step in a pane (and a question's yes); in the queue
/// they only open panes.
fn takes_a_step(scope: Scope, action: Action) -> bool {
    let confirms = matches!(
        action,
        Action::Save | Action::Confirm | Action::SaveReport | Action::HandOverAll
    );
    confirms && !matches!(scope, Scope::Queue | Scope::Global | Scope::Search)
}

fn typed(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    match app.scope() {
        Scope::Overlay => overlay::typed(app, key),
        Scope::HandoverLate => handover::typed(app, key),
        Scope::HandoverReach => handover::typed_reach(app, key),
        Scope::Bulk | Scope::WalkLate => callers::typed(app, key),
        Scope::Close => close::typed(app, key),
        Scope::Search => queue::typed(app, key),
        Scope::Intake => intake::typed(app, key),
        Scope::ForwardEdit => forward::typed(app, key),
        Scope::Receipt => receipt::typed(app, key),
        Scope::NotifySkm => notify::typed(app, key),
        _ => Vec::new(),
    }
}

fn pasted(app: &mut App, raw: &str) -> Vec<Effect> {
    // Terminals send a paste's line breaks as CR (tmux and xterm do): they are
    // line breaks, not control characters to drop — lines must not run together.
    let raw = raw.replace("\r\n", "\n").replace('\r', "\n");
    // Pasted text may carry escape sequences: only printable text goes in.
    let text: String = raw
        .chars()
        .filter(|c| matches!(c, '\n' | '\t') || !c.is_control())
        .collect();
    let text = text.as_str();
    let one_line = text.replace(['\r', '\n'], " ");
    match app.scope() {
        Scope::Overlay => overlay::pasted(app, &one_line),
        Scope::Calendar => calendar::pasted(app, text),
        Scope::Search => queue::pasted(app, &one_line),
        Scope::Intake => intake::pasted(app, text, &one_line),
        Scope::Receipt => receipt::pasted(app, &one_line),
        Scope::HandoverLate => handover::pasted(app, &one_line),
        Scope::HandoverReach => handover::pasted_reach(app, &one_line),
        Scope::Bulk | Scope::WalkLate => callers::pasted(app, &one_line),
        Scope::Close => close::pasted(app, &one_line),
        Scope::ForwardEdit => forward::pasted(app, text, &one_line),
        _ => Vec::new(),
    }
}

/// An outcome goes to the pane it is for; every variant is routed here, so a new
/// one does not compile until it is given a place.
fn done(app: &mut App, outcome: Outcome) -> Vec<Effect> {
    match outcome {
        Outcome::QueueLoaded { .. }
        | Outcome::SearchAnswered { .. }
        | Outcome::DetailLoaded(_)
        | Outcome::SlaRefreshed(_) => page::done(app, outcome),
        Outcome::DataVersion(_)
        | Outcome::CountsLoaded(_)
        | Outcome::CalendarNotice(_)
        | Outcome::Delivered { .. }
        | Outcome::SendFailed { .. }
        | Outcome::Reachability(_)
        | Outcome::Token(_)
        | Outcome::TokenRefused
        | Outcome::IntegrityFailed(_) => watch::done(app, outcome),
        Outcome::FieldChecked { .. } | Outcome::IntakeSaved { .. } | Outcome::IntakeRefused(_) => {
            intake::done(app, outcome)
        }
        Outcome::ReportReady { .. } | Outcome::Forwarded { .. } | Outcome::ReportSaved(_) => {
            forward::done(app, outcome)
        }
        Outcome::OpenTickets(_) | Outcome::TicketRecorded { .. } => receipt::done(app, outcome),
        Outcome::HandoverReady(_) | Outcome::HandedOver { .. } => handover::done(app, outcome),
        Outcome::Closed { .. } => close::done(app, outcome),
        Outcome::SectionReportLoaded(_) | Outcome::ShiftLoaded(_) => report::done(app, outcome),
        Outcome::CalendarLoaded(_) | Outcome::AnnouncementApplied { .. } => {
            calendar::done(app, outcome)
        }
        Outcome::Suggestions { .. }
        | Outcome::LinkChoices(_)
        | Outcome::IncidentLoaded(_)
        | Outcome::WalkReady(_)
        | Outcome::WalkHandedOver { .. }
        | Outcome::BulkDone { .. } => callers::done(app, outcome),
        Outcome::NotifyReady(_) | Outcome::Notified { .. } | Outcome::Surveyed { .. } => {
            notify::done(app, outcome)
        }
        Outcome::Failed(e) => failed(app, e),
    }
}

/// Work refused or failed: said in the notice line, and in the pane that asked.
fn failed(app: &mut App, e: String) -> Vec<Effect> {
    match &mut app.pane {
        Pane::Forward(f) => f.sending = false,
        Pane::Receipt(r) => r.error = Some(e.clone()),
        Pane::Close(c) => c.error = Some(e.clone()),
        Pane::Report(r) if r.report.is_none() && r.shift.is_none() => r.error = Some(e.clone()),
        Pane::Bulk(b) => b.error = Some(e.clone()),
        Pane::Walk(w) => w.error = Some(e.clone()),
        Pane::Notify(n) => notify::failed(n, &e),
        _ => {}
    }
    notice(app, Tone::Bad, T::MsgError(app.lang(), &e));
    Vec::new()
}
