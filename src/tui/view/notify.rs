//! The notify pane: the applicants to tell, the channel, this applicant's own
//! message, and after the notice the SKM line.

use super::super::app::App;
use super::super::i18n::T;
use super::super::notify::NotifyState;
use super::super::theme::Theme;
use super::incident::{caller_lines, channel_line};
use super::layout::{fit, wrap_words};
use crate::domain::text::for_terminal;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, n: &NotifyState, theme: &Theme) {
    let lang = app.lang();
    let title = T::NotifyTitle(
        lang,
        n.told_count().to_string(),
        n.callers.len().to_string(),
    );
    let room = area.width.saturating_sub(4) as usize;
    let block = Block::default().borders(Borders::ALL).title(Span::styled(
        format!(" {} ", fit(&title, room)),
        theme.title(),
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let list_height = (n.callers.len() as u16).clamp(1, (inner.height / 3).max(3));
    let width = inner.width as usize;
    // The SKM question and its hint wrap rather than cut: the officer reads them out.
    let ask = wrap_words(T::NotifySkmAsk.get(lang), width);
    let hint = wrap_words(T::NotifySkmHint.get(lang), width);
    let skm_height = n
        .skm
        .as_ref()
        .map_or(0, |_| (ask.len() + hint.len() + 1) as u16);
    let [list, channel, skm, error, message] = Layout::vertical([
        Constraint::Length(list_height),
        Constraint::Length(1),
        Constraint::Length(skm_height),
        Constraint::Length(if n.error.is_some() { 2 } else { 0 }),
        Constraint::Fill(1),
    ])
    .areas(inner);
    let rows = n.callers.iter().map(|c| (&c.complaint, c.via, c.told));
    frame.render_widget(
        Paragraph::new(caller_lines(rows, n.at, list, lang, theme)),
        list,
    );
    let Some(c) = n.current() else {
        return;
    };
    let told = c.told.then(|| T::NotifyTold.get(lang));
    frame.render_widget(channel_line(c.via, told, lang, theme), channel);
    if let Some(line) = &n.skm {
        let mut lines: Vec<Line> = ask
            .into_iter()
            .map(|l| Line::styled(l, theme.focus()))
            .collect();
        lines.push(Line::from(vec![
            Span::styled("SKM: ", theme.key()),
            Span::styled(format!("{line}▏"), theme.base()),
        ]));
        lines.extend(hint.into_iter().map(|l| Line::styled(l, theme.muted())));
        frame.render_widget(Paragraph::new(lines), skm);
    }
    if let Some(e) = &n.error {
        frame.render_widget(
            Paragraph::new(Line::styled(for_terminal(e), theme.error())).wrap(Wrap { trim: true }),
            error,
        );
    }
    let msg = n.message(lang).unwrap_or_default();
    frame.render_widget(
        super::handover::message_to_applicant(&msg, lang, theme),
        message,
    );
}
