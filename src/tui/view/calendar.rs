//! The calendar pane: each year as the desk counts with it (how complete, its
//! days off), and beside it what a pasted announcement proposes, with its
//! doubts line by line. Drawn from the state only.

use super::super::app::{App, CalendarState, CalendarYear};
use super::super::i18n::T;
use super::super::theme::Theme;
use crate::domain::announcement::{Reading, day_name};
use crate::domain::calendar::{Coverage, Holiday};
use crate::domain::msg::Lang;
use crate::domain::text::for_terminal;
use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, c: &CalendarState, theme: &Theme) {
    let lang = app.lang();
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(T::CalTitle.get(lang), theme.title()));
    let mut lines = Vec::new();
    match &c.years {
        None => lines.push(Line::styled(T::CalLoading.get(lang), theme.muted())),
        Some(years) => {
            for y in years {
                year_lines(&mut lines, y, lang, theme);
            }
        }
    }
    frame.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
        left,
    );
    draw_reading(frame, right, lang, c, theme);
}

fn year_lines<'a>(lines: &mut Vec<Line<'a>>, y: &'a CalendarYear, lang: Lang, theme: &Theme) {
    let (label, style) = match y.coverage {
        Coverage::Complete => (T::CalComplete, theme.ok()),
        Coverage::FixedDatesOnly => (T::CalFixedOnly, theme.warning()),
        Coverage::Missing => (T::CalMissing, theme.breached()),
    };
    lines.push(Line::from(vec![
        Span::styled(format!("{} ", y.year), theme.title()),
        Span::styled(label.get(lang), style),
    ]));
    for h in &y.holidays {
        lines.push(holiday_line(h, lang, theme));
    }
    lines.push(Line::raw(""));
}

fn holiday_line<'a>(h: &Holiday, lang: Lang, theme: &Theme) -> Line<'a> {
    let mut spans = vec![
        Span::raw(format!(
            "{} {:<6} ",
            h.date.format("%d-%m"),
            day_name(h.date.weekday())
        )),
        Span::raw(for_terminal(&h.name)),
    ];
    if h.cuti_bersama && !h.name.to_lowercase().contains("cuti") {
        spans.push(Span::styled(
            format!(" ({})", T::CalCutiMark.get(lang)),
            theme.muted(),
        ));
    }
    Line::from(spans)
}

fn draw_reading(frame: &mut Frame, area: Rect, lang: Lang, c: &CalendarState, theme: &Theme) {
    let title = match &c.reading {
        Some(Reading { year: Some(y), .. }) => T::CalProposal(lang, y),
        _ => T::CalProposal(lang, "—"),
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(title, theme.title()));
    let mut lines = Vec::new();
    match &c.reading {
        None => lines.push(Line::styled(T::CalPasteHint.get(lang), theme.muted())),
        Some(r) if r.holidays.is_empty() => {
            lines.push(Line::styled(T::CalNothingRead.get(lang), theme.warning()));
        }
        Some(r) => {
            for h in &r.holidays {
                lines.push(holiday_line(h, lang, theme));
            }
        }
    }
    if let Some(r) = &c.reading {
        for n in &r.notes {
            lines.push(Line::styled(
                format!("! {}", for_terminal(&n.text(lang))),
                theme.warning(),
            ));
        }
    }
    frame.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
        area,
    );
}
