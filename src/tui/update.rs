//! The one place state changes: `update(app, msg)` → effects. Pure: no I/O, no
//! clock, no database; the effects it returns are carried out by the caller.

use super::action::{Action, Msg, Outcome, QueueRow};
use super::app::{
    App, Ask, CloseState, ForwardState, HandoverState, Notice, Overlay, Pane, ReceiptState,
    ReportSpan, ReportState, StageFilter, Tone, Want,
};
use super::effects::{Effect, QueueQuery};
use super::form::{Field, IntakeState, Typed};
use super::i18n::{T, fill};
use super::keymap::{self, Scope};
use super::message::handover_message;
use super::search::SearchQuery;
use crate::domain::complaint::{Channel, Complaint, Stage};
use crate::domain::msg::FieldMsg;
use crate::domain::when::short_local;
use crate::domain::workflow::{self, Step};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{CursorMove, TextArea};

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
    }
}

/// The first screen: fetch one page and the counts.
pub fn start(app: &mut App) -> Vec<Effect> {
    let mut fx = reload(app);
    fx.push(Effect::CheckDataVersion);
    fx
}

pub(super) fn notice(app: &mut App, tone: Tone, text: String) {
    app.notice = Some(Notice { tone, text });
}

pub(super) fn text(app: &App, key: T) -> &'static str {
    key.get(app.lang())
}

fn query(app: &App) -> QueueQuery {
    QueueQuery {
        stages: app.queue.filter.stages(),
        search: app.queue.search.clone().filter(|s| !s.trim().is_empty()),
        after: app.queue.page,
        limit: app.page_size(),
        history: (app.queue.filter == StageFilter::History).then(|| history_range(app)),
    }
}

/// The history week on screen, as local dates: seven days up to and including `to`.
pub fn history_dates(app: &App) -> (chrono::NaiveDate, chrono::NaiveDate) {
    let today = crate::domain::when::local_date(app.now, app.setup.offset);
    let to = today - chrono::Days::new(7 * u64::from(app.queue.weeks_back));
    (to - chrono::Days::new(6), to)
}

/// The history week as instants: from the first day's local midnight to the day after the last.
fn history_range(app: &App) -> (chrono::DateTime<chrono::Utc>, chrono::DateTime<chrono::Utc>) {
    let (from, to) = history_dates(app);
    let midnight =
        |d: chrono::NaiveDate| (d.and_time(chrono::NaiveTime::MIN) - app.setup.offset).and_utc();
    (midnight(from), midnight(to + chrono::Days::new(1)))
}

/// Re-query the page on screen and the counts: data or filter changed.
pub(super) fn reload(app: &mut App) -> Vec<Effect> {
    vec![load_page(app), Effect::LoadCounts]
}

/// The page on screen: a search goes to the search thread (it can be slow on
/// years of complaints), the queue itself is read in place (indexed, one page).
fn load_page(app: &mut App) -> Effect {
    match app.queue.search.clone().filter(|s| !s.trim().is_empty()) {
        Some(text) => {
            app.queue.search_seq += 1;
            Effect::Search(SearchQuery {
                seq: app.queue.search_seq,
                text,
                limit: app.page_size(),
            })
        }
        None => Effect::LoadQueue(query(app)),
    }
}

/// The search line changed: its first page, without the counts (nothing was written).
fn search_page(app: &mut App) -> Vec<Effect> {
    app.queue.page = None;
    app.queue.previous_pages.clear();
    app.queue.selected = 0;
    vec![load_page(app)]
}

fn first_page(app: &mut App) -> Vec<Effect> {
    app.queue.page = None;
    app.queue.previous_pages.clear();
    app.queue.selected = 0;
    reload(app)
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

pub(super) fn selected_complaint(app: &App) -> Option<&Complaint> {
    app.queue.selected_row().map(|r| &r.complaint)
}

fn select(app: &mut App, index: usize) -> Vec<Effect> {
    if app.queue.rows.is_empty() {
        app.queue.selected = 0;
        return vec![Effect::LoadDetail(None)];
    }
    let index = index.min(app.queue.rows.len() - 1);
    let changed = index != app.queue.selected || app.detail.is_none();
    app.queue.selected = index;
    if changed {
        vec![Effect::LoadDetail(
            selected_complaint(app).map(|c| c.reference.clone()),
        )]
    } else {
        Vec::new()
    }
}

fn next_page(app: &mut App) -> Vec<Effect> {
    let Some(last) = app.queue.rows.last() else {
        return Vec::new();
    };
    if !app.queue.more || app.queue.search.is_some() {
        return Vec::new();
    }
    let key = Some(crate::desk::QueueKey::of(&last.complaint));
    app.queue.previous_pages.push(app.queue.page);
    app.queue.page = key;
    app.queue.selected = 0;
    vec![Effect::LoadQueue(query(app))]
}

fn previous_page(app: &mut App, want_last: bool) -> Vec<Effect> {
    let Some(page) = app.queue.previous_pages.pop() else {
        return select(app, 0);
    };
    app.queue.page = page;
    app.queue.want = want_last.then_some(Want::Last);
    app.queue.selected = 0;
    vec![Effect::LoadQueue(query(app))]
}

fn move_selection(app: &mut App, down: bool) -> Vec<Effect> {
    let sel = app.queue.selected;
    if down {
        if sel + 1 >= app.queue.rows.len() {
            next_page(app)
        } else {
            select(app, sel + 1)
        }
    } else if sel == 0 {
        previous_page(app, true)
    } else {
        select(app, sel - 1)
    }
}

/// Checks the step is allowed for the selected complaint, saying why not if it is not.
fn selected_for(app: &mut App, step: Step, label: T) -> Option<Complaint> {
    let lang = app.lang();
    let Some(c) = selected_complaint(app).cloned() else {
        notice(app, Tone::Warn, text(app, T::MsgNoSelection).into());
        return None;
    };
    if workflow::check(c.stage, step).is_err() {
        let msg = fill(
            text(app, T::MsgNotNow),
            &[label.get(lang), c.stage.label(lang)],
        );
        notice(app, Tone::Warn, msg);
        return None;
    }
    Some(c)
}

fn single_line(value: &str) -> TextArea<'static> {
    let mut ta = TextArea::new(vec![value.to_string()]);
    ta.move_cursor(CursorMove::End);
    ta
}

fn open_receipt(
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

fn handover_state(app: &App, c: Complaint) -> HandoverState {
    let message = handover_message(app.lang(), &c, app.now, app.setup.offset);
    HandoverState {
        channel: c.details.channel,
        complaint: c,
        message,
        late_reason: None,
        late_words: TextArea::default(),
        on_words: false,
    }
}

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
    }));
    vec![Effect::PrepareForward(reference)]
}

pub(super) fn back_to_queue(app: &mut App) -> Vec<Effect> {
    app.pane = Pane::Queue;
    reload(app)
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
        _ => {}
    }
    match app.scope() {
        Scope::Overlay => overlay_act(app, action),
        Scope::Queue | Scope::Global => {
            // The officer moved on: a ticket number arriving now no longer opens the handover.
            app.awaiting = None;
            if let Some(fx) = super::callers::queue_act(app, action) {
                return fx;
            }
            queue_act(app, action)
        }
        Scope::Search => search_act(app, action),
        Scope::Intake => intake_act(app, action),
        Scope::Forward | Scope::ForwardEdit => forward_act(app, action),
        Scope::Receipt => receipt_act(app, action),
        Scope::Handover | Scope::HandoverLate => handover_act(app, action),
        Scope::Close => close_act(app, action),
        Scope::Report => report_act(app, action),
        Scope::Calendar => super::calendar::act(app, action),
        Scope::Suggest | Scope::Bulk | Scope::Walk | Scope::WalkLate | Scope::Incident => {
            super::callers::pane_act(app, action)
        }
    }
}

/// The palette's commands for the pane under it, best match first.
pub fn palette_matches(app: &App, query: &str) -> Vec<&'static keymap::Binding> {
    use crate::domain::msg::Lang;
    let lang = app.lang();
    // The label in the screen's language scores best, then the other language's,
    // then the action's other words: "selesai", "cancel" and "lapor" all find theirs.
    let score = |b: &keymap::Binding| {
        let other = match lang {
            Lang::Id => Lang::En,
            Lang::En => Lang::Id,
        };
        let words = keymap::keywords(b.action);
        let by_word = query
            .split_whitespace()
            .all(|q| words.split(' ').any(|w| w.starts_with(&q.to_lowercase())))
            .then_some(1)
            .filter(|_| !query.trim().is_empty());
        // A word the officer typed whole ("lapor" for forwarding, "laporan" for the
        // section's report) beats a label it is only the start of.
        let whole = !query.trim().is_empty()
            && query
                .split_whitespace()
                .all(|q| words.split(' ').any(|w| w == q.to_lowercase()));
        [
            fuzzy_score(query, b.label.get(lang)).map(|s| s + 2),
            fuzzy_score(query, b.label.get(other)),
            by_word,
        ]
        .into_iter()
        .flatten()
        .max()
        .map(|s| if whole { s + 100 } else { s })
    };
    let mut scored: Vec<(i32, &'static keymap::Binding)> = keymap::commands(app.pane_scope())
        .into_iter()
        .filter_map(|b| score(b).map(|s| (s, b)))
        .collect();
    scored.sort_by_key(|(s, _)| -s);
    scored.into_iter().map(|(_, b)| b).collect()
}

/// Subsequence match, case-insensitive; consecutive and word-start hits score higher.
pub fn fuzzy_score(query: &str, candidate: &str) -> Option<i32> {
    let cand: Vec<char> = candidate.to_lowercase().chars().collect();
    let mut score = 0;
    let mut pos = 0;
    let mut last: Option<usize> = None;
    for q in query.to_lowercase().chars().filter(|c| !c.is_whitespace()) {
        let found = cand[pos..].iter().position(|c| *c == q)? + pos;
        score += 1;
        if last.is_some_and(|l| l + 1 == found) {
            score += 3;
        }
        if found == 0 || cand[found - 1] == ' ' {
            score += 2;
        }
        last = Some(found);
        pos = found + 1;
    }
    Some(score)
}

/// Resumes the waiting draft in the intake form.
fn resume_draft(app: &mut App) -> Vec<Effect> {
    if let Some((draft, saved_at)) = app.draft.take() {
        let at = short_local(saved_at, app.setup.offset);
        notice(
            app,
            Tone::Info,
            fill(text(app, T::MsgDraftRestored), &[&at]),
        );
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

fn overlay_act(app: &mut App, action: Action) -> Vec<Effect> {
    if let Some(Overlay::Confirm(ask)) = app.overlay.clone() {
        return match action {
            Action::Confirm => answer(app, ask, true),
            Action::Back => {
                app.overlay = None;
                Vec::new()
            }
            _ => Vec::new(),
        };
    }
    let Some(Overlay::Palette { query, selected }) = app.overlay.clone() else {
        // Help: any listed action closes it.
        app.overlay = None;
        return Vec::new();
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
                return act(app, a);
            }
        }
        _ => {}
    }
    Vec::new()
}

fn queue_act(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Up => move_selection(app, false),
        Action::Down => move_selection(app, true),
        Action::PageDown => next_page(app),
        Action::PageUp => previous_page(app, false),
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

fn search_act(app: &mut App, action: Action) -> Vec<Effect> {
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

fn intake_act(app: &mut App, action: Action) -> Vec<Effect> {
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
        Action::DiscardDraft => {
            app.pane = Pane::Queue;
            app.draft = None;
            notice(app, Tone::Info, text(app, T::MsgDraftDiscarded).into());
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

pub fn edited_report(f: &ForwardState) -> Option<crate::bcare::BcareReport> {
    let mut report = f.report.clone()?;
    report.problem = f.problem.lines().join(" ").trim().to_string();
    report.description = f.description.lines().join("\n");
    Some(report)
}

fn forward_act(app: &mut App, action: Action) -> Vec<Effect> {
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
        (false, Action::Confirm) if !f.sending => match edited_report(f) {
            Some(report) => {
                f.sending = true;
                vec![Effect::Forward {
                    reference: f.reference.clone(),
                    report,
                }]
            }
            None => Vec::new(),
        },
        (false, Action::SaveReport) => match edited_report(f) {
            Some(report) => vec![Effect::SaveReport {
                reference: f.reference.clone(),
                text: report.portal_text(),
            }],
            None => Vec::new(),
        },
        (false, Action::Back) if !f.sending => {
            let edited = match (&f.report, edited_report(f)) {
                (Some(original), Some(now)) => {
                    original.problem.trim() != now.problem
                        || original.description != now.description
                }
                _ => false,
            };
            if edited {
                app.overlay = Some(Overlay::Confirm(Ask::DropEdits));
                Vec::new()
            } else {
                back_to_queue(app)
            }
        }
        _ => Vec::new(),
    }
}

/// The report pane on `span`: the figures are counted by an effect, never in the view.
fn open_report(app: &mut App, span: ReportSpan) -> Vec<Effect> {
    let today = crate::domain::when::local_date(app.now, app.setup.offset);
    let period = span.period(today);
    app.pane = Pane::Report(Box::new(ReportState {
        span,
        period,
        report: None,
        shift: None,
        error: None,
    }));
    if span == ReportSpan::Shift {
        return vec![Effect::LoadShift];
    }
    vec![Effect::LoadSectionReport(period)]
}

fn report_act(app: &mut App, action: Action) -> Vec<Effect> {
    let Pane::Report(r) = &app.pane else {
        return Vec::new();
    };
    match action {
        Action::ChoiceNext | Action::ChoicePrev => {
            let span = r.span.step(action == Action::ChoiceNext);
            open_report(app, span)
        }
        Action::Back => back_to_queue(app),
        _ => Vec::new(),
    }
}

fn close_act(app: &mut App, action: Action) -> Vec<Effect> {
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
        Action::Back if !typed.trim().is_empty() => {
            app.overlay = Some(Overlay::Confirm(Ask::DropEdits));
            Vec::new()
        }
        Action::Back => back_to_queue(app),
        _ => Vec::new(),
    }
}

fn receipt_act(app: &mut App, action: Action) -> Vec<Effect> {
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
            if !typed.trim().is_empty() && Some(typed.trim()) != r.current.as_deref() {
                app.overlay = Some(Overlay::Confirm(Ask::DropEdits));
                Vec::new()
            } else {
                back_to_queue(app)
            }
        }
        _ => Vec::new(),
    }
}

fn handover_act(app: &mut App, action: Action) -> Vec<Effect> {
    use crate::domain::report::LateReason;
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
            let all = LateReason::ALL;
            let n = all.len();
            let i = h.late_reason.and_then(|r| all.iter().position(|x| *x == r));
            h.late_reason = Some(
                all[match (i, action == Action::Down) {
                    (None, true) => 0,
                    (None, false) => n - 1,
                    (Some(i), true) => (i + 1) % n,
                    (Some(i), false) => (i + n - 1) % n,
                }],
            );
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
        Action::Confirm => vec![
            Effect::Copy(h.message.clone()),
            Effect::HandOver {
                reference: h.complaint.reference.clone(),
                via: h.channel.as_str().to_string(),
            },
        ],
        Action::Back => back_to_queue(app),
        _ => Vec::new(),
    }
}

/// The late reason a typed character names: its number (1–4), or the first
/// letter of its name in either language or of its code.
pub(super) fn pick_late_reason(c: char) -> Option<crate::domain::report::LateReason> {
    use crate::domain::msg::Lang;
    use crate::domain::report::LateReason;
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

pub(super) fn is_plain_char(key: &KeyEvent) -> Option<char> {
    match key.code {
        KeyCode::Char(c)
            if !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(c)
        }
        _ => None,
    }
}

/// Edits a one-line string the way a search box does.
fn edit_line(s: &mut String, key: &KeyEvent) -> bool {
    if let Some(c) = is_plain_char(key) {
        s.push(c);
        return true;
    }
    match key.code {
        KeyCode::Backspace => s.pop().is_some(),
        KeyCode::Char('u') if key.modifiers.contains(KeyModifiers::CONTROL) => {
            s.clear();
            true
        }
        _ => false,
    }
}

fn typed(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    match app.scope() {
        Scope::Overlay => {
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
            Vec::new()
        }
        Scope::HandoverLate => {
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
        Scope::Bulk | Scope::WalkLate => super::callers::typed(app, key),
        Scope::Close => {
            if let Pane::Close(c) = &mut app.pane
                && key.code != KeyCode::Enter
                && c.text.input(key)
            {
                c.error = None;
            }
            Vec::new()
        }
        Scope::Search => {
            let search = app.queue.search.get_or_insert_with(String::new);
            if edit_line(search, &key) {
                search_page(app)
            } else {
                Vec::new()
            }
        }
        Scope::Intake => {
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
        Scope::ForwardEdit => {
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
        Scope::Receipt => {
            if let Pane::Receipt(r) = &mut app.pane
                && !r.on_list
                && key.code != KeyCode::Enter
                && r.ticket.input(key)
            {
                r.error = None;
            }
            Vec::new()
        }
        _ => Vec::new(),
    }
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
        Scope::Calendar => super::calendar::pasted(app, text),
        Scope::Search => {
            app.queue
                .search
                .get_or_insert_with(String::new)
                .push_str(&one_line);
            search_page(app)
        }
        // Into an empty form, a paste is the caller's whole message: it is read.
        Scope::Intake if matches!(&app.pane, Pane::Intake(f) if is_message_paste(f, text)) => {
            read_message(app, text, false)
        }
        Scope::Intake => {
            let categories = app.setup.categories.clone();
            if let Pane::Intake(form) = &mut app.pane {
                let f = form.focused();
                let text = if f.is_multiline() { text } else { &one_line };
                if let Some(ta) = form.textarea_mut(f)
                    && ta.insert_str(text)
                {
                    form.dirty = true;
                    return recheck(form, &categories);
                }
            }
            Vec::new()
        }
        Scope::Receipt => {
            if let Pane::Receipt(r) = &mut app.pane {
                r.ticket.insert_str(one_line.trim());
                r.error = None;
            }
            Vec::new()
        }
        Scope::HandoverLate => {
            if let Pane::Handover(h) = &mut app.pane
                && h.on_words
            {
                h.late_words.insert_str(&one_line);
            }
            Vec::new()
        }
        Scope::Bulk | Scope::WalkLate => super::callers::pasted(app, &one_line),
        Scope::Close => {
            if let Pane::Close(c) = &mut app.pane {
                c.text.insert_str(&one_line);
                c.error = None;
            }
            Vec::new()
        }
        Scope::ForwardEdit => {
            if let Pane::Forward(fw) = &mut app.pane {
                if fw.edit_focus == 0 {
                    fw.problem.insert_str(&one_line);
                } else {
                    fw.description.insert_str(text);
                }
            }
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// Reads a caller's message into the intake form's empty fields (issue 11):
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
        let msg = fill(
            text(app, T::MsgMessageRead),
            &[&filled.len().to_string(), &undo],
        );
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

fn done(app: &mut App, outcome: Outcome) -> Vec<Effect> {
    let lang = app.lang();
    match outcome {
        Outcome::QueueLoaded { rows, more } => {
            app.queue.rows = rows;
            app.queue.more = more;
            let index = match app.queue.want.take() {
                Some(Want::Last) => app.queue.rows.len().saturating_sub(1),
                Some(Want::Reference(r)) => app
                    .queue
                    .rows
                    .iter()
                    .position(|row| row.complaint.reference == r)
                    .unwrap_or(app.queue.selected),
                None => app.queue.selected,
            };
            app.detail = None;
            app.queue.selected = usize::MAX;
            select(app, index)
        }
        Outcome::SearchAnswered {
            seq,
            text,
            rows,
            more,
            error,
        } => {
            // Only the answer to the newest query, for the line as it reads now.
            if seq != app.queue.search_seq || app.queue.search.as_deref() != Some(text.as_str()) {
                return Vec::new();
            }
            if let Some(e) = error {
                notice(app, Tone::Bad, e);
                return Vec::new();
            }
            let rows = rows
                .into_iter()
                .map(|complaint| QueueRow {
                    complaint,
                    sla: None,
                })
                .collect();
            let mut fx = done(app, Outcome::QueueLoaded { rows, more });
            // The countdowns are computed here, with the desk's calendar and clock.
            fx.push(Effect::RefreshSla(
                app.queue.rows.iter().map(|r| r.complaint.clone()).collect(),
            ));
            fx
        }
        Outcome::DetailLoaded(d) => {
            app.detail = d;
            Vec::new()
        }
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
        Outcome::SectionReportLoaded(report) => {
            // An answer for a period no longer on screen is dropped.
            if let Pane::Report(r) = &mut app.pane
                && r.span != ReportSpan::Shift
                && r.period == report.period
            {
                r.report = Some(report);
            }
            Vec::new()
        }
        Outcome::ShiftLoaded(shift) => {
            if let Pane::Report(r) = &mut app.pane
                && r.span == ReportSpan::Shift
            {
                r.shift = Some(shift);
            }
            Vec::new()
        }
        Outcome::CountsLoaded(c) => {
            app.counts = c;
            Vec::new()
        }
        Outcome::CalendarNotice(n) => {
            app.setup.calendar_notice = n;
            Vec::new()
        }
        Outcome::CalendarLoaded(_) | Outcome::AnnouncementApplied { .. } => {
            super::calendar::done(app, outcome)
        }
        Outcome::SlaRefreshed(sla) => {
            if sla.len() == app.queue.rows.len() {
                for (row, s) in app.queue.rows.iter_mut().zip(sla) {
                    row.sla = s;
                }
            }
            Vec::new()
        }
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
            let mut msg = fill(text(app, T::MsgSaved), &[&reference]);
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
                Pane::Forward(f) => edited_report(f),
                _ => None,
            };
            let category = report
                .as_ref()
                .map(|r| r.category.clone())
                .unwrap_or_default();
            match portal_url {
                Some(url) => {
                    let banner = fill(text(app, T::MsgCopiedPortal), &[&url]);
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
                    let msg = fill(text(app, T::MsgQueued), &[&reference, &client]);
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
            let msg = fill(text(app, T::MsgTicketRecorded), &[&reference, &ticket_no]);
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
        Outcome::HandoverReady(c) => {
            if matches!(app.pane, Pane::Queue) && app.overlay.is_none() && !app.queue.searching {
                app.pane = Pane::Handover(Box::new(handover_state(app, *c)));
            }
            Vec::new()
        }
        Outcome::Closed {
            reference,
            resolved,
        } => {
            let key = if resolved {
                T::MsgResolved
            } else {
                T::MsgCancelled
            };
            let msg = fill(text(app, key), &[&reference]);
            notice(app, Tone::Good, msg);
            app.queue.want = Some(Want::Reference(reference));
            back_to_queue(app)
        }
        Outcome::ReportSaved(path) => {
            let msg = fill(text(app, T::MsgReportSaved), &[&path]);
            notice(app, Tone::Good, msg);
            Vec::new()
        }
        Outcome::HandedOver { reference } => {
            let msg = fill(text(app, T::MsgHandedOver), &[&reference]);
            notice(app, Tone::Good, msg);
            app.queue.want = Some(Want::Reference(reference));
            back_to_queue(app)
        }
        Outcome::Delivered {
            reference,
            ticket_no,
        } => {
            let msg = fill(text(app, T::MsgDelivered), &[&reference, &ticket_no]);
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
                Some(at) => fill(text(app, T::MsgSendFailed), &[&reference, &at, &error]),
                None => fill(text(app, T::MsgSendHeld), &[&reference, &error, &reference]),
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
        Outcome::IntegrityFailed(problem) => {
            app.integrity_problem = Some(problem);
            Vec::new()
        }
        Outcome::Failed(e) => {
            match &mut app.pane {
                Pane::Forward(f) => f.sending = false,
                Pane::Receipt(r) => r.error = Some(e.clone()),
                Pane::Close(c) => c.error = Some(e.clone()),
                Pane::Report(r) if r.report.is_none() && r.shift.is_none() => {
                    r.error = Some(e.clone())
                }
                Pane::Bulk(b) => b.error = Some(e.clone()),
                Pane::Walk(w) => w.error = Some(e.clone()),
                _ => {}
            }
            notice(app, Tone::Bad, fill(text(app, T::MsgError), &[&e]));
            Vec::new()
        }
        other => super::callers::done(app, other),
    }
}
