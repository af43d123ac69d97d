//! The one place state changes: `update(app, msg)` → effects. Pure: no I/O, no
//! clock, no database; the effects it returns are carried out by the caller.

use super::action::{Action, Msg, Outcome, QueueRow};
use super::app::{
    App, ForwardState, HandoverState, Notice, Overlay, Pane, ReceiptState, StageFilter, Tone, Want,
};
use super::effects::{Effect, QueueQuery};
use super::form::{Field, IntakeState};
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
    match msg {
        Msg::Do(action) => act(app, action),
        Msg::Type(key) => typed(app, key),
        Msg::Paste(text) => pasted(app, &text),
        Msg::Tick(now) => tick(app, now),
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
    reload(app)
}

fn notice(app: &mut App, tone: Tone, text: String) {
    app.notice = Some(Notice { tone, text });
}

fn text(app: &App, key: T) -> &'static str {
    key.get(app.lang())
}

fn query(app: &App) -> QueueQuery {
    QueueQuery {
        stages: app.queue.filter.stages(),
        search: app.queue.search.clone().filter(|s| !s.trim().is_empty()),
        after: app.queue.page,
        limit: app.page_size(),
    }
}

/// Re-query the page on screen and the counts: data or filter changed.
fn reload(app: &mut App) -> Vec<Effect> {
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

fn selected_complaint(app: &App) -> Option<&Complaint> {
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
    let key = Some(crate::store::QueueKey::of(&last.complaint));
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
    app.pane = Pane::Receipt(Box::new(ReceiptState {
        reference,
        category: category.clone(),
        stage,
        ticket: TextArea::default(),
        on_list: false,
        open_tickets: Vec::new(),
        selected: 0,
        error: None,
        banner,
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
    }
}

fn back_to_queue(app: &mut App) -> Vec<Effect> {
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
        Scope::Queue | Scope::Global => queue_act(app, action),
        Scope::Search => search_act(app, action),
        Scope::Intake => intake_act(app, action),
        Scope::Forward | Scope::ForwardEdit => forward_act(app, action),
        Scope::Receipt => receipt_act(app, action),
        Scope::Handover => handover_act(app, action),
    }
}

/// The palette's commands for the pane under it, best match first.
pub fn palette_matches(app: &App, query: &str) -> Vec<&'static keymap::Binding> {
    let lang = app.lang();
    let mut scored: Vec<(i32, &'static keymap::Binding)> = keymap::commands(app.pane_scope())
        .into_iter()
        .filter_map(|b| fuzzy_score(query, b.label.get(lang)).map(|s| (s, b)))
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

fn overlay_act(app: &mut App, action: Action) -> Vec<Effect> {
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
        Action::NewIntake => {
            let form = match app.draft.take() {
                Some((draft, saved_at)) => {
                    let at = short_local(saved_at, app.setup.offset);
                    notice(
                        app,
                        Tone::Info,
                        fill(text(app, T::MsgDraftRestored), &[&at]),
                    );
                    IntakeState::from_form(&draft, &app.setup.categories)
                }
                None => IntakeState::new(short_local(app.now, app.setup.offset)),
            };
            app.pane = Pane::Intake(Box::new(form));
            Vec::new()
        }
        Action::Forward => {
            let Some(c) = selected_for(app, Step::Forward, T::AForward) else {
                return Vec::new();
            };
            app.pane = Pane::Forward(Box::new(ForwardState {
                reference: c.reference.clone(),
                report: None,
                problem: TextArea::default(),
                description: TextArea::default(),
                editing: false,
                edit_focus: 1,
                sending: false,
            }));
            vec![Effect::PrepareForward(c.reference)]
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
        Action::CycleFilter => {
            app.queue.filter = app.queue.filter.next();
            app.queue.search = None;
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

fn intake_act(app: &mut App, action: Action) -> Vec<Effect> {
    let categories = app.setup.categories.clone();
    let Pane::Intake(form) = &mut app.pane else {
        return Vec::new();
    };
    match action {
        Action::NextField | Action::PrevField => {
            let left = form.move_focus(if action == Action::NextField { 1 } else { -1 });
            let snapshot = form.to_form(&categories);
            let mut fx = vec![Effect::CheckField {
                form: snapshot.clone(),
                field: left.key(),
            }];
            if form.dirty {
                form.dirty = false;
                fx.push(Effect::SaveDraft(snapshot));
            }
            fx
        }
        Action::ChoiceNext | Action::ChoicePrev => {
            let forward = action == Action::ChoiceNext;
            if !form.turn_choice(forward, categories.all().len()) {
                let f = form.focused();
                if let Some(ta) = form.textarea_mut(f) {
                    ta.move_cursor(if forward {
                        CursorMove::Forward
                    } else {
                        CursorMove::Back
                    });
                }
            }
            Vec::new()
        }
        Action::Save => vec![Effect::SaveIntake(form.to_form(&categories))],
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

fn edited_report(f: &ForwardState) -> Option<crate::bcare::BcareReport> {
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
        (false, Action::Back) if !f.sending => back_to_queue(app),
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
        Action::Confirm => vec![Effect::RecordTicket {
            reference: r.reference.clone(),
            raw: r.ticket.lines().join(""),
        }],
        Action::Back => back_to_queue(app),
        _ => Vec::new(),
    }
}

fn handover_act(app: &mut App, action: Action) -> Vec<Effect> {
    let Pane::Handover(h) = &mut app.pane else {
        return Vec::new();
    };
    match action {
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

fn is_plain_char(key: &KeyEvent) -> Option<char> {
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
            if let Some(Overlay::Palette { query, selected }) = &mut app.overlay
                && edit_line(query, &key)
            {
                *selected = 0;
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
            let Pane::Intake(form) = &mut app.pane else {
                return Vec::new();
            };
            let f = form.focused();
            if f.is_choice() {
                if key.code == KeyCode::Char(' ') {
                    form.turn_choice(true, app.setup.categories.all().len());
                }
                return Vec::new();
            }
            // Enter in a one-line field moves on, as in a paper form.
            if key.code == KeyCode::Enter && !f.is_multiline() {
                return intake_act(app, Action::NextField);
            }
            if let Some(ta) = form.textarea_mut(f)
                && ta.input(key)
            {
                form.dirty = true;
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

fn pasted(app: &mut App, raw: &str) -> Vec<Effect> {
    // Pasted text may carry escape sequences: only printable text goes in.
    let text: String = raw
        .chars()
        .filter(|c| matches!(c, '\n' | '\t') || !c.is_control())
        .collect();
    let text = text.as_str();
    let one_line = text.replace(['\r', '\n'], " ");
    match app.scope() {
        Scope::Search => {
            app.queue
                .search
                .get_or_insert_with(String::new)
                .push_str(&one_line);
            search_page(app)
        }
        Scope::Intake => {
            if let Pane::Intake(form) = &mut app.pane {
                let f = form.focused();
                let text = if f.is_multiline() { text } else { &one_line };
                if let Some(ta) = form.textarea_mut(f)
                    && ta.insert_str(text)
                {
                    form.dirty = true;
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
        Outcome::CountsLoaded(c) => {
            app.counts = c;
            Vec::new()
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
            app.queue.want = Some(Want::Reference(reference));
            app.queue.search = None;
            first_page(app)
        }
        Outcome::IntakeRefused(errors) => {
            if let Pane::Intake(form) = &mut app.pane {
                form.errors = first_errors(&errors, lang).into_iter().collect();
                if let Some(i) = Field::ORDER
                    .iter()
                    .position(|f| form.errors.contains_key(f.key()))
                {
                    form.focus = i;
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
                    if let Some(r) = report {
                        fx.push(Effect::Copy(r.portal_text()));
                    }
                    fx.extend(open_receipt(
                        app,
                        reference,
                        category,
                        Stage::Forwarded,
                        Some(banner),
                    ));
                    fx.extend(reload(app));
                    fx
                }
                None => {
                    let msg = fill(text(app, T::MsgQueued), &[&reference, &client]);
                    notice(app, Tone::Info, msg);
                    let mut fx = back_to_queue(app);
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
            app.queue.want = Some(Want::Reference(reference));
            back_to_queue(app)
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
            fx
        }
        Outcome::SendFailed {
            reference,
            error,
            retry_at,
        } => {
            let msg = fill(
                text(app, T::MsgSendFailed),
                &[&reference, &retry_at, &error],
            );
            notice(app, Tone::Warn, msg);
            vec![Effect::LoadCounts]
        }
        Outcome::Reachability(r) => {
            app.reachable = Some(r);
            Vec::new()
        }
        Outcome::Failed(e) => {
            match &mut app.pane {
                Pane::Forward(f) => f.sending = false,
                Pane::Receipt(r) => r.error = Some(e.clone()),
                _ => {}
            }
            notice(app, Tone::Bad, fill(text(app, T::MsgError), &[&e]));
            Vec::new()
        }
    }
}
