//! Drawing: pure functions of the state. No clock, no database, no network here.

mod calendar;
mod close;
mod detail;
mod forward;
mod handover;
mod help;
mod incident;
mod intake;
mod layout;
mod notify;
mod queue;
mod receipt;
mod report;
mod status_bar;

use super::app::{App, Overlay, Pane};
use super::i18n::T;
use super::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::widgets::{Paragraph, Wrap};

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    if app.too_small() || area.width < 80 || area.height < 24 {
        too_small(frame, area, app, theme);
        return;
    }
    let [main, notice, footer, status] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(status_bar::notice_height(app, area.width)),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    match &app.pane {
        Pane::Queue => {
            let [left, right] =
                Layout::horizontal([Constraint::Percentage(65), Constraint::Percentage(35)])
                    .areas(main);
            queue::draw(frame, left, app, theme);
            detail::draw(frame, right, app, theme);
        }
        Pane::Intake(form) => intake::draw(frame, main, app, form, theme),
        Pane::Forward(f) => forward::draw(frame, main, app, f, theme),
        Pane::Receipt(r) => receipt::draw(frame, main, app, r, theme),
        Pane::Handover(h) => handover::draw(frame, main, app, h, theme),
        Pane::Close(c) => close::draw(frame, main, app, c, theme),
        Pane::Report(r) => report::draw(frame, main, app, r, theme),
        Pane::Suggest(s) => incident::draw_suggest(frame, main, app, s, theme),
        Pane::Bulk(b) => incident::draw_bulk(frame, main, app, b, theme),
        Pane::Walk(w) => incident::draw_walk(frame, main, app, w, theme),
        Pane::Notify(n) => notify::draw(frame, main, app, n, theme),
        Pane::Incident(i) => incident::draw_incident(frame, main, app, i, theme),
        Pane::Calendar(c) => calendar::draw(frame, main, app, c, theme),
    }
    status_bar::notice(frame, notice, app, theme);
    status_bar::hints(frame, footer, app, theme);
    status_bar::draw(frame, status, app, theme);
    match &app.overlay {
        Some(Overlay::Help) => help::draw_help(frame, main, app, theme),
        Some(Overlay::Palette { query, selected }) => {
            help::draw_palette(frame, main, app, query, *selected, theme)
        }
        Some(Overlay::Confirm(ask)) => help::draw_question(frame, main, app, ask, theme),
        Some(Overlay::Token { pasted }) => help::draw_token(frame, main, app, &pasted.0, theme),
        None => {}
    }
}

fn too_small(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let msg = T::TooSmall(app.lang(), area.width, area.height);
    let [_, mid, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(3),
        Constraint::Fill(1),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(msg)
            .style(theme.warning())
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        mid,
    );
}

#[cfg(test)]
pub(super) fn level_mark_for_tests(level: crate::domain::sla::SlaLevel) -> &'static str {
    queue::level_mark(level)
}
