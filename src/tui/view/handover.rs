//! Handover: the channel, and the message to the applicant as it will be copied.

use super::super::app::{App, HandoverState};
use super::super::i18n::T;
use super::super::theme::Theme;
use crate::domain::text::for_terminal;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, h: &HandoverState, theme: &Theme) {
    let lang = app.lang();
    let c = &h.complaint;
    // No side borders: the message can be selected with the mouse as plain text.
    let block = Block::default()
        .borders(Borders::TOP | Borders::BOTTOM)
        .title(Span::styled(
            format!(" {} · {} ", T::HandoverTitle.get(lang), c.reference),
            theme.title(),
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [who, channel, message, hint] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(2),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let a = &c.details.applicant;
    let contact = [a.phone.as_deref(), a.email.as_deref()]
        .into_iter()
        .flatten()
        .map(for_terminal)
        .collect::<Vec<_>>()
        .join(" · ");
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(vec![
                Span::styled(format!("{}: ", T::DApplicant.get(lang)), theme.muted()),
                Span::raw(format!("{}  {contact}", for_terminal(&a.name))),
            ]),
            Line::from(vec![
                Span::styled(format!("{}: ", T::DTicket.get(lang)), theme.muted()),
                Span::styled(
                    for_terminal(c.ticket_no.as_deref().unwrap_or("-")),
                    theme.title(),
                ),
            ]),
        ]),
        who,
    );
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(format!("{}: ", T::HoChannel.get(lang)), theme.focus()),
            Span::styled("‹ ", theme.key()),
            Span::styled(h.channel.label(lang), theme.focus()),
            Span::styled(" ›", theme.key()),
        ])),
        channel,
    );
    frame.render_widget(
        Paragraph::new(for_terminal(&h.message))
            .wrap(Wrap { trim: false })
            .block(
                Block::default()
                    .borders(Borders::TOP)
                    .title(Span::styled(T::HoMessage.get(lang), theme.muted())),
            ),
        message,
    );
    frame.render_widget(
        Paragraph::new(Span::styled(T::HoHint.get(lang), theme.info())),
        hint,
    );
}
