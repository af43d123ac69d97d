//! Closing a complaint from the desk: resolve with a note, or cancel with a reason.

use super::super::app::{App, CloseState};
use super::super::i18n::T;
use super::super::theme::Theme;
use crate::domain::text::for_terminal;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, c: &CloseState, theme: &Theme) {
    let lang = app.lang();
    let title = if c.resolve {
        T::CloseResolveTitle
    } else {
        T::CloseCancelTitle
    };
    let block = Block::default().borders(Borders::ALL).title(Span::styled(
        format!(" {} · {} ", title.get(lang), c.reference),
        theme.title(),
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [label, input, error, _, hint] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(3),
        Constraint::Length(2),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let what = if c.resolve {
        T::CloseNote
    } else {
        T::CloseReason
    };
    frame.render_widget(
        Paragraph::new(Span::styled(what.get(lang), theme.focus())),
        label,
    );
    frame.render_widget(&c.text, input);
    if let Some(e) = &c.error {
        frame.render_widget(
            Paragraph::new(Line::styled(for_terminal(e), theme.error())).wrap(Wrap { trim: true }),
            error,
        );
    }
    frame.render_widget(
        Paragraph::new(Span::styled(T::CloseHint.get(lang), theme.info())),
        hint,
    );
}
