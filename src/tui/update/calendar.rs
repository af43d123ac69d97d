//! The calendar pane: this year's and next year's holidays as the desk counts
//! with them, and an SKB announcement pasted in, read on the spot and stored
//! with Enter (the same reading as `bcare-desk calendar read`).

use super::notice::notice;
use super::page::{back_to_queue, reload};
use crate::domain::announcement;
use crate::tui::action::Action;
use crate::tui::app::{App, CalendarState, Pane, Tone};
use crate::tui::effect::Effect;
use crate::tui::i18n::T;
use crate::tui::outcome::Outcome;
use chrono::Datelike;

/// From this month on, a pasted list without a year is taken for next year.
const NEXT_YEAR_FROM_MONTH: u32 = 10;

/// The calendar pane, on the year to enter next.
pub(super) fn open(app: &mut App) -> Vec<Effect> {
    let today = crate::domain::when::local_date(app.now, app.setup.offset);
    let year = if today.month() >= NEXT_YEAR_FROM_MONTH {
        today.year() + 1
    } else {
        today.year()
    };
    app.pane = Pane::Calendar(Box::new(CalendarState {
        year,
        years: None,
        reading: None,
    }));
    vec![load(year, today.year())]
}

/// The year in focus first (next year from October: the one to enter), then
/// the other, as the desk counts with them now.
fn load(focus: i32, this_year: i32) -> Effect {
    let other = if focus == this_year {
        this_year + 1
    } else {
        this_year
    };
    Effect::LoadCalendar(vec![focus, other])
}

/// A paste is an announcement: read at once; nothing is stored until Enter.
pub(super) fn pasted(app: &mut App, text: &str) -> Vec<Effect> {
    let Pane::Calendar(c) = &mut app.pane else {
        return Vec::new();
    };
    let reading = announcement::read(text, Some(c.year));
    let empty = reading.holidays.is_empty();
    c.reading = Some(reading);
    if empty {
        let text = T::CalNothingRead.get(app.lang()).to_string();
        notice(app, Tone::Warn, text);
    }
    Vec::new()
}

/// The calendar pane's keys: Enter stores the announcement read, Esc goes back.
pub(super) fn act(app: &mut App, action: Action) -> Vec<Effect> {
    let Pane::Calendar(c) = &app.pane else {
        return Vec::new();
    };
    match action {
        Action::Back => back_to_queue(app),
        Action::Confirm => match c.reading.as_ref().filter(|r| !r.holidays.is_empty()) {
            Some(r) => vec![Effect::ApplyAnnouncement {
                year: r.year.unwrap_or(c.year),
                holidays: r.holidays.clone(),
            }],
            None => {
                let text = T::CalNothingToApply.get(app.lang()).to_string();
                notice(app, Tone::Warn, text);
                Vec::new()
            }
        },
        _ => Vec::new(),
    }
}

/// The holidays read, or an announcement stored.
pub(super) fn done(app: &mut App, outcome: Outcome) -> Vec<Effect> {
    match outcome {
        Outcome::CalendarLoaded(years) => {
            if let Pane::Calendar(c) = &mut app.pane {
                c.years = Some(years);
            }
            Vec::new()
        }
        Outcome::AnnouncementApplied { year, days } => {
            let text = T::CalAppliedNotice(app.lang(), year, days);
            notice(app, Tone::Good, text);
            let mut fx = Vec::new();
            let this_year = crate::domain::when::local_date(app.now, app.setup.offset).year();
            if let Pane::Calendar(c) = &mut app.pane {
                c.reading = None;
                fx.push(load(c.year, this_year));
            }
            // Deadlines moved: the queue and the counts are read again.
            fx.extend(reload(app));
            fx
        }
        _ => Vec::new(),
    }
}
