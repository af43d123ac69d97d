//! One outage, many callers, on the desk: what the keys do in the suggestion, the
//! bulk step, the handover walk and the incident view, and what their work comes
//! back with. (The work itself is carried out in `tui::callers`.)

use super::forward::open_forward;
use super::handover::{pick_late_reason, step_late_reason};
use super::notice::{notice, text};
use super::page::{back_to_queue, leave, reload, selected_complaint};
use super::typing::is_plain_char;
use crate::domain::alike::Alike;
use crate::domain::complaint::{Channel, Complaint, Stage};
use crate::domain::handover::{handover_list, handover_message};
use crate::domain::intake::IntakeForm;
use crate::domain::when::short_local;
use crate::tui::action::Action;
use crate::tui::app::{App, Pane, StageFilter, Tone, Want};
use crate::tui::effect::Effect;
use crate::tui::form::{Field, IntakeState};
use crate::tui::i18n::T;
use crate::tui::outcome::{BulkDone, Outcome};
use crate::tui::selection::{
    BulkKind, BulkState, IncidentState, SuggestState, WalkLate, WalkState,
};
use crossterm::event::{KeyCode, KeyEvent};

/// The queue's keys for picking and for acting on what is picked. `None` leaves
/// the action to the queue as usual (nothing picked, or not about picking).
pub(super) fn queue_act(app: &mut App, action: Action) -> Option<Vec<Effect>> {
    let picked = !app.picked.is_empty();
    let fx = match action {
        Action::ToggleSelect => {
            let Some(c) = selected_complaint(app).map(|c| c.reference.clone()) else {
                return Some(Vec::new());
            };
            app.picked.toggle(&c);
            picked_notice(app);
            // Space moves on, so a run of callers is picked with Space alone.
            let next = app.queue.selected + 1;
            if next < app.queue.rows.len() {
                app.queue.selected = next;
                let r = selected_complaint(app).map(|c| c.reference.clone());
                return Some(vec![Effect::LoadDetail(r)]);
            }
            Vec::new()
        }
        Action::SelectAll => {
            let visible: Vec<String> = app
                .queue
                .rows
                .iter()
                .map(|r| r.complaint.reference.clone())
                .collect();
            app.picked.toggle_all(visible.iter().map(String::as_str));
            picked_notice(app);
            Vec::new()
        }
        Action::ClearFilter if picked => {
            app.picked.clear();
            app.notice = None;
            Vec::new()
        }
        Action::Handover if picked => vec![Effect::LoadWalk(app.picked.refs().to_vec())],
        Action::Notify if picked => vec![Effect::LoadNotify(app.picked.refs().to_vec())],
        Action::Receipt | Action::CancelComplaint if picked => {
            let kind = if action == Action::Receipt {
                BulkKind::Link
            } else {
                BulkKind::Cancel
            };
            let refs = app.picked.refs().to_vec();
            app.pane = Pane::Bulk(Box::new(BulkState::new(kind, refs.clone())));
            match kind {
                BulkKind::Link => vec![Effect::LoadLinkChoices(refs)],
                BulkKind::Cancel => Vec::new(),
            }
        }
        Action::NewLikeThis => new_like_this(app),
        Action::Incident => match selected_complaint(app) {
            Some(c) if c.ticket_no.is_some() => vec![Effect::LoadIncident(c.reference.clone())],
            Some(c) => {
                let msg = T::MsgNoTicketYet(app.lang(), c.reference.clone());
                notice(app, Tone::Warn, msg);
                Vec::new()
            }
            None => {
                notice(app, Tone::Warn, text(app, T::MsgNoSelection).into());
                Vec::new()
            }
        },
        _ => return None,
    };
    Some(fx)
}

fn picked_notice(app: &mut App) {
    if app.picked.is_empty() {
        app.notice = None;
    } else {
        let n = app.picked.len().to_string();
        notice(app, Tone::Info, T::MsgPicked(app.lang(), &n));
    }
}

/// Another caller about the same problem: the form opens with the selected
/// complaint's kind, channel, category, subject and description, on the name.
fn new_like_this(app: &mut App) -> Vec<Effect> {
    if app.draft.is_some() {
        notice(app, Tone::Warn, text(app, T::MsgDraftFirst).into());
        return Vec::new();
    }
    let Some(c) = selected_complaint(app).cloned() else {
        notice(app, Tone::Warn, text(app, T::MsgNoSelection).into());
        return Vec::new();
    };
    let d = &c.details;
    let form = IntakeForm {
        kind: d.applicant.kind.as_str().into(),
        channel: d.channel.as_str().into(),
        category: d.category.clone(),
        subject: d.subject.clone(),
        description: d.description.clone(),
        received_at: short_local(app.now, app.setup.offset),
        ..IntakeForm::default()
    };
    let categories = app.setup.categories.clone();
    let mut state = IntakeState::from_form(&form, &categories);
    state.focus_on(Field::Name, &categories);
    app.pane = Pane::Intake(Box::new(state));
    Vec::new()
}

/// The keys of the suggestion, the bulk step, the walk and the incident view.
pub(super) fn pane_act(app: &mut App, action: Action) -> Vec<Effect> {
    match &mut app.pane {
        Pane::Suggest(s) => match action {
            Action::Up => {
                s.selected = s.selected.saturating_sub(1);
                Vec::new()
            }
            Action::Down => {
                s.selected = (s.selected + 1).min(s.candidates.len().saturating_sub(1));
                Vec::new()
            }
            Action::Confirm => {
                let reference = s.reference.clone();
                match s.chosen().cloned() {
                    Some(c) => match c.ticket_no {
                        Some(t) => vec![Effect::LinkTicket { reference, raw: t }],
                        None => {
                            let msg = T::MsgNoTicketYet(app.lang(), &c.reference);
                            notice(app, Tone::Warn, msg);
                            Vec::new()
                        }
                    },
                    None => Vec::new(),
                }
            }
            Action::Forward => {
                let reference = s.reference.clone();
                open_forward(app, reference)
            }
            Action::Back => back_to_queue(app),
            _ => Vec::new(),
        },
        Pane::Bulk(b) => match action {
            Action::Up => {
                b.choose(-1);
                Vec::new()
            }
            Action::Down => {
                b.choose(1);
                Vec::new()
            }
            Action::Confirm => {
                let typed = b.text.lines().join("\n");
                let refs = b.refs.clone();
                match b.kind {
                    BulkKind::Link => vec![Effect::LinkMany { refs, raw: typed }],
                    BulkKind::Cancel => vec![Effect::CancelMany {
                        refs,
                        reason: typed,
                    }],
                }
            }
            Action::Back => {
                let typed_over = !b.text.lines().join("").trim().is_empty();
                leave(app, typed_over)
            }
            _ => Vec::new(),
        },
        Pane::Walk(_) => walk_act(app, action),
        Pane::Incident(i) => match action {
            Action::Up => {
                i.selected = i.selected.saturating_sub(1);
                Vec::new()
            }
            Action::Down => {
                i.selected = (i.selected + 1).min(i.incident.callers.len().saturating_sub(1));
                Vec::new()
            }
            Action::Handover => {
                let refs: Vec<String> = i
                    .incident
                    .callers
                    .iter()
                    .filter(|c| c.stage == Stage::Ticketed)
                    .map(|c| c.reference.clone())
                    .collect();
                if refs.is_empty() {
                    notice(app, Tone::Info, text(app, T::MsgNoneWaiting).into());
                    Vec::new()
                } else {
                    vec![Effect::LoadWalk(refs)]
                }
            }
            Action::Notify => {
                // Those owed the notice; with none owed, every resolved caller
                // (to tell one again, or to ask the survey later).
                let owed: Vec<String> = i
                    .incident
                    .callers
                    .iter()
                    .filter(|c| c.owed_notice)
                    .map(|c| c.reference.clone())
                    .collect();
                let refs = if owed.is_empty() {
                    i.incident
                        .callers
                        .iter()
                        .filter(|c| c.stage == Stage::Resolved)
                        .map(|c| c.reference.clone())
                        .collect()
                } else {
                    owed
                };
                if refs.is_empty() {
                    notice(app, Tone::Info, text(app, T::MsgNothingToNotify).into());
                    Vec::new()
                } else {
                    vec![Effect::LoadNotify(refs)]
                }
            }
            Action::Confirm => {
                // Back to the queue on this caller (every stage: it may be resolved).
                let Some(r) = i
                    .incident
                    .callers
                    .get(i.selected)
                    .map(|c| c.reference.clone())
                else {
                    return Vec::new();
                };
                app.queue.filter = StageFilter::All;
                app.queue.search = None;
                app.queue.page = None;
                app.queue.previous_pages.clear();
                app.queue.want = Some(Want::Reference(r));
                back_to_queue(app)
            }
            Action::Back => back_to_queue(app),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

fn walk_act(app: &mut App, action: Action) -> Vec<Effect> {
    let (lang, now, offset) = (app.lang(), app.now, app.setup.offset);
    let Pane::Walk(w) = &mut app.pane else {
        return Vec::new();
    };
    if w.late.is_some() {
        return walk_late_act(app, action);
    }
    let n = w.callers.len();
    match action {
        Action::Up => w.at = w.at.saturating_sub(1),
        Action::Down => w.at = (w.at + 1).min(n.saturating_sub(1)),
        Action::ChoiceNext | Action::ChoicePrev => {
            if let Some(c) = w.callers.get_mut(w.at) {
                let all = Channel::ALL;
                let i = all.iter().position(|x| *x == c.via).unwrap_or(0);
                let k = all.len();
                c.via = all[if action == Action::ChoiceNext {
                    (i + 1) % k
                } else {
                    (i + k - 1) % k
                }];
            }
        }
        Action::CopyMessage => {
            if let Some(c) = w.current() {
                let msg = handover_message(lang, &c.complaint, now, offset);
                notice(app, Tone::Good, text(app, T::MsgCopied).into());
                return vec![Effect::Copy(msg)];
            }
        }
        Action::Confirm => {
            if let Some(c) = w.current().filter(|c| !c.done).cloned() {
                w.error = None;
                // Past the deadline the reason is asked first, as in the handover pane.
                if now > c.complaint.sla_deadline {
                    w.late = Some(Box::new(WalkLate::new(
                        vec![c.complaint.reference.clone()],
                        c.via,
                        false,
                        1,
                    )));
                    return Vec::new();
                }
                return vec![
                    Effect::Copy(handover_message(lang, &c.complaint, now, offset)),
                    Effect::WalkHandOver {
                        reference: c.complaint.reference.clone(),
                        via: c.via.as_str().into(),
                        late: None,
                    },
                ];
            }
        }
        Action::CopyList | Action::HandOverAll => {
            let Some(via) = w.current().map(|c| c.via) else {
                return Vec::new();
            };
            let waiting: Vec<Complaint> = w.waiting_by(via).into_iter().cloned().collect();
            if waiting.is_empty() {
                return Vec::new();
            }
            w.error = None;
            let late = waiting.iter().filter(|c| now > c.sla_deadline).count();
            if action == Action::HandOverAll && late > 0 {
                // One reason for the late ones; nothing is copied or recorded before it.
                let refs = waiting.into_iter().map(|c| c.reference).collect();
                w.late = Some(Box::new(WalkLate::new(refs, via, true, late)));
                return Vec::new();
            }
            let list = handover_list(lang, &waiting, via, now, offset);
            let count = waiting.len().to_string();
            let msg = T::MsgListCopied(app.lang(), &count, via.label(lang));
            notice(app, Tone::Good, msg);
            let mut fx = vec![Effect::Copy(list)];
            if action == Action::HandOverAll {
                fx.push(Effect::HandOverMany {
                    refs: waiting.into_iter().map(|c| c.reference).collect(),
                    via: via.as_str().into(),
                    late: None,
                });
            }
            return fx;
        }
        Action::Back => return back_to_queue(app),
        _ => {}
    }
    Vec::new()
}

/// The walk asking for the late reason: ↑↓ (or a number or first letter) pick it,
/// Tab moves to the words, Enter records, Esc goes back to the walk unrecorded.
fn walk_late_act(app: &mut App, action: Action) -> Vec<Effect> {
    let (lang, now, offset) = (app.lang(), app.now, app.setup.offset);
    let Pane::Walk(w) = &mut app.pane else {
        return Vec::new();
    };
    let Some(ask) = w.late.as_deref_mut() else {
        return Vec::new();
    };
    match action {
        Action::SwitchFocus => ask.on_words = !ask.on_words,
        Action::Up | Action::Down => {
            ask.reason = Some(step_late_reason(ask.reason, action == Action::Down));
        }
        Action::Confirm => {
            let Some(reason) = ask.reason else {
                notice(app, Tone::Warn, text(app, T::MsgNeedReason).into());
                return Vec::new();
            };
            let late = Some((reason.code().to_string(), ask.words.lines().join(" ")));
            let (refs, via, all) = (ask.refs.clone(), ask.via, ask.all);
            let waiting: Vec<Complaint> = w
                .callers
                .iter()
                .filter(|c| !c.done && refs.contains(&c.complaint.reference))
                .map(|c| c.complaint.clone())
                .collect();
            if waiting.is_empty() {
                w.late = None;
                return Vec::new();
            }
            if !all {
                return vec![
                    Effect::Copy(handover_message(lang, &waiting[0], now, offset)),
                    Effect::WalkHandOver {
                        reference: waiting[0].reference.clone(),
                        via: via.as_str().into(),
                        late,
                    },
                ];
            }
            let list = handover_list(lang, &waiting, via, now, offset);
            let count = waiting.len().to_string();
            let msg = T::MsgListCopied(app.lang(), &count, via.label(lang));
            notice(app, Tone::Good, msg);
            return vec![
                Effect::Copy(list),
                Effect::HandOverMany {
                    refs: waiting.into_iter().map(|c| c.reference).collect(),
                    via: via.as_str().into(),
                    late,
                },
            ];
        }
        Action::Back => w.late = None,
        _ => {}
    }
    Vec::new()
}

/// Text typed into the bulk step's one line (the ticket, or the reason), or into
/// the walk's late reason (a number or first letter picks it, then the words).
pub(super) fn typed(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    if let Pane::Walk(w) = &mut app.pane
        && let Some(ask) = w.late.as_deref_mut()
    {
        if ask.on_words {
            if key.code != KeyCode::Enter {
                ask.words.input(key);
            }
        } else if let Some(r) = is_plain_char(&key).and_then(pick_late_reason) {
            ask.reason = Some(r);
            ask.on_words = true;
        }
        return Vec::new();
    }
    if let Pane::Bulk(b) = &mut app.pane
        && key.code != KeyCode::Enter
        && b.text.input(key)
    {
        b.error = None;
    }
    Vec::new()
}

/// A paste into the bulk step's line, or into the walk's late-reason words.
pub(super) fn pasted(app: &mut App, one_line: &str) -> Vec<Effect> {
    if let Pane::Walk(w) = &mut app.pane
        && let Some(ask) = w.late.as_deref_mut()
        && ask.on_words
    {
        ask.words.insert_str(one_line);
    }
    if let Pane::Bulk(b) = &mut app.pane {
        b.text.insert_str(one_line.trim());
        b.error = None;
    }
    Vec::new()
}

/// The outcomes of the work these panes asked for.
pub(super) fn done(app: &mut App, outcome: Outcome) -> Vec<Effect> {
    let lang = app.lang();
    match outcome {
        Outcome::LinkChoices(choices) => {
            if let Pane::Bulk(b) = &mut app.pane
                && b.kind == BulkKind::Link
            {
                b.choices = choices;
            }
            Vec::new()
        }
        Outcome::Suggestions {
            reference,
            candidates,
        } => {
            // Only while the forward pane of that complaint is untouched: the
            // officer who already moved on is not interrupted.
            let untouched = matches!(&app.pane, Pane::Forward(f)
                if f.reference == reference && !f.editing && !f.sending);
            // On Enter only when one of them is plainly the same problem and can be
            // linked now (it has its number); the others are listed beside it.
            let on_enter = candidates
                .iter()
                .position(|c| c.ticket_no.is_some() && c.alike == Alike::OnEnter);
            if let Some(selected) = on_enter
                && untouched
                && app.overlay.is_none()
            {
                app.pane = Pane::Suggest(Box::new(SuggestState {
                    reference,
                    candidates,
                    selected,
                }));
            } else if let Pane::Forward(f) = &mut app.pane
                && f.reference == reference
            {
                // Perhaps the same: shown on the forward pane, where Enter forwards.
                f.offers = candidates;
            }
            Vec::new()
        }
        Outcome::IncidentLoaded(incident) => {
            // Read again (another window wrote): the same caller stays selected.
            let selected = match &app.pane {
                Pane::Incident(i) if i.incident.ticket_no == incident.ticket_no => i
                    .incident
                    .callers
                    .get(i.selected)
                    .and_then(|c| {
                        incident
                            .callers
                            .iter()
                            .position(|n| n.reference == c.reference)
                    })
                    .unwrap_or(0),
                _ => 0,
            };
            if matches!(app.pane, Pane::Queue | Pane::Incident(_)) && app.overlay.is_none() {
                app.pane = Pane::Incident(Box::new(IncidentState {
                    incident: *incident,
                    selected,
                }));
            }
            Vec::new()
        }
        Outcome::WalkReady(complaints) => {
            app.pane = Pane::Walk(Box::new(WalkState::new(complaints)));
            Vec::new()
        }
        Outcome::WalkHandedOver { reference } => {
            // Handed over: no longer picked for another step.
            if app.picked.contains(&reference) {
                app.picked.toggle(&reference);
            }
            let Pane::Walk(w) = &mut app.pane else {
                return reload(app);
            };
            w.late = None;
            let total = w.callers.len().to_string();
            if w.handed_over(&reference) {
                let msg = T::MsgHandedOver(app.lang(), &reference);
                notice(app, Tone::Good, msg);
                reload(app)
            } else {
                app.picked.clear();
                notice(app, Tone::Good, T::MsgWalkDone(app.lang(), &total));
                back_to_queue(app)
            }
        }
        Outcome::BulkDone { what, refs } => {
            let n = refs.len().to_string();
            let msg = match &what {
                BulkDone::Linked { ticket_no } => T::MsgBulkLinked(app.lang(), &n, ticket_no),
                BulkDone::Cancelled => T::MsgBulkCancelled(app.lang(), &n),
                BulkDone::HandedOver => T::MsgBulkHandedOver(app.lang(), &n),
            };
            notice(app, Tone::Good, msg);
            for r in &refs {
                if app.picked.contains(r) {
                    app.picked.toggle(r);
                }
            }
            // A walk goes on with the callers of other channels.
            if let Pane::Walk(w) = &mut app.pane
                && what == BulkDone::HandedOver
            {
                w.late = None;
                let mut more = true;
                for r in &refs {
                    more = w.handed_over(r);
                }
                if more {
                    return reload(app);
                }
            }
            let _ = lang;
            back_to_queue(app)
        }
        _ => Vec::new(),
    }
}
