//! Receipt: the ticket number BCare gave back, checked against the configured
//! shape as it is typed, or a link to a ticket another complaint already has.

use super::super::app::{App, ReceiptState};
use super::super::i18n::T;
use super::super::theme::Theme;
use crate::domain::text::for_terminal;
use crate::domain::validate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, r: &ReceiptState, theme: &Theme) {
    let lang = app.lang();
    // No side borders: the report shown below can be selected as plain text.
    let block = Block::default()
        .borders(Borders::TOP | Borders::BOTTOM)
        .title(Span::styled(
            format!(" {} · {} ", T::ReceiptTitle.get(lang), r.reference),
            theme.title(),
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [banner, input, shape, _, list] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(1),
        Constraint::Length(2),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(inner);
    if let Some(b) = &r.banner {
        frame.render_widget(
            Paragraph::new(Span::styled(b.clone(), theme.info())).wrap(Wrap { trim: true }),
            banner,
        );
    } else if let Some(current) = &r.current {
        // A correction: the number recorded now, and whose it is.
        let whose = if r.from_bcare {
            T::AskFromBcare.get(lang)
        } else {
            ""
        };
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(format!("{}: ", T::RcCurrent.get(lang)), theme.muted()),
                Span::styled(for_terminal(current), theme.title()),
                Span::raw(whose),
            ])),
            banner,
        );
    }
    let [label, value] =
        Layout::horizontal([Constraint::Length(15), Constraint::Fill(1)]).areas(input);
    let label_style = if r.on_list {
        theme.muted()
    } else {
        theme.focus()
    };
    frame.render_widget(
        Paragraph::new(Span::styled(T::RcTicket.get(lang), label_style)),
        label,
    );
    frame.render_widget(&r.ticket, value);

    let raw = r.ticket.lines().join("");
    let check = if let Some(e) = &r.error {
        Some(Line::styled(for_terminal(e), theme.error()))
    } else if raw.trim().is_empty() {
        None
    } else {
        Some(match validate::ticket_no(&raw, &app.setup.ticket_pattern) {
            Ok((_, None)) => Line::styled(T::RcShapeOk.get(lang), theme.ok()),
            Ok((_, Some(_))) => Line::styled(T::RcShapeOff.get(lang), theme.warning()),
            Err(e) => Line::styled(for_terminal(&e.text(lang)), theme.error()),
        })
    };
    if let Some(line) = check {
        frame.render_widget(Paragraph::new(line).wrap(Wrap { trim: true }), shape);
    }

    if let Some(text) = &r.report_text {
        let mut lines = vec![Line::styled(T::RcReportText.get(lang), theme.title())];
        lines.extend(for_terminal(text).lines().map(|l| Line::raw(l.to_string())));
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), list);
        return;
    }
    let mut lines = vec![Line::styled(
        T::RcLinkTitle(lang, &r.category),
        if r.on_list {
            theme.focus()
        } else {
            theme.title()
        },
    )];
    if r.open_tickets.is_empty() {
        lines.push(Line::styled(T::RcNoTickets.get(lang), theme.muted()));
    }
    for (i, c) in r.open_tickets.iter().enumerate() {
        let line = Line::raw(format!(
            "{:<12} {}  {}",
            for_terminal(c.ticket_no.as_deref().unwrap_or("")),
            c.reference,
            for_terminal(&c.details.subject)
        ));
        lines.push(if r.on_list && i == r.selected {
            line.style(theme.selected())
        } else {
            line
        });
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        if r.on_list {
            T::RcFocusList.get(lang)
        } else {
            T::RcFocusType.get(lang)
        },
        theme.muted(),
    ));
    frame.render_widget(Paragraph::new(lines), list);
}
