//! The queue's page: which rows are read, which one is selected, and turning
//! pages. Every pane that goes back to the queue reads its page again here.

use super::notice::notice;
use crate::domain::complaint::Complaint;
use crate::tui::app::{App, Ask, Overlay, Pane, QueueRow, StageFilter, Tone, Want};
use crate::tui::effect::{Effect, QueueQuery, SearchQuery};
use crate::tui::outcome::Outcome;

/// The page the queue shows now, as a query for the desk.
fn query(app: &App) -> QueueQuery {
    QueueQuery {
        stages: app.queue.filter.stages(),
        search: app.queue.search.clone().filter(|s| !s.trim().is_empty()),
        after: app.queue.page,
        limit: app.page_size(),
        history: (app.queue.filter == StageFilter::History).then(|| history_range(app)),
    }
}

/// The history week as instants: from the first day's local midnight to the day after the last.
fn history_range(app: &App) -> (chrono::DateTime<chrono::Utc>, chrono::DateTime<chrono::Utc>) {
    let (from, to) = app.history_dates();
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
pub(super) fn search_page(app: &mut App) -> Vec<Effect> {
    app.queue.page = None;
    app.queue.previous_pages.clear();
    app.queue.selected = 0;
    vec![load_page(app)]
}

/// The filter changed: its first page, and the counts.
pub(super) fn first_page(app: &mut App) -> Vec<Effect> {
    app.queue.page = None;
    app.queue.previous_pages.clear();
    app.queue.selected = 0;
    reload(app)
}

/// The complaint under the cursor, if the page has any.
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

/// The page after this one, read from the last row's key (not in a search).
pub(super) fn next_page(app: &mut App) -> Vec<Effect> {
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

/// The page before this one; `want_last` selects its last row (moving up past the top).
pub(super) fn previous_page(app: &mut App, want_last: bool) -> Vec<Effect> {
    let Some(page) = app.queue.previous_pages.pop() else {
        return select(app, 0);
    };
    app.queue.page = page;
    app.queue.want = want_last.then_some(Want::Last);
    app.queue.selected = 0;
    vec![Effect::LoadQueue(query(app))]
}

/// One row up or down, turning the page at either end.
/// Home and End: the first or the last row on the page.
pub(super) fn select_edge(app: &mut App, last: bool) -> Vec<Effect> {
    let index = if last {
        app.queue.rows.len().saturating_sub(1)
    } else {
        0
    };
    select(app, index)
}

pub(super) fn move_selection(app: &mut App, down: bool) -> Vec<Effect> {
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

/// Back to the queue from a pane; what was typed there (`typed_over`) is not
/// dropped without asking.
pub(super) fn leave(app: &mut App, typed_over: bool) -> Vec<Effect> {
    if typed_over {
        app.overlay = Some(Overlay::Confirm(Ask::DropEdits));
        Vec::new()
    } else {
        back_to_queue(app)
    }
}

/// The queue again, its page and counts read anew.
pub(super) fn back_to_queue(app: &mut App) -> Vec<Effect> {
    app.pane = Pane::Queue;
    reload(app)
}

/// The rows of the page, the detail of the selected one, their countdowns.
pub(super) fn done(app: &mut App, outcome: Outcome) -> Vec<Effect> {
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
        Outcome::SlaRefreshed(sla) => {
            if sla.len() == app.queue.rows.len() {
                for (row, s) in app.queue.rows.iter_mut().zip(sla) {
                    row.sla = s;
                }
            }
            Vec::new()
        }
        _ => Vec::new(),
    }
}
