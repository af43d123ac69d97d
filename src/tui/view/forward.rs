//! Forwarding: the BCare report as it will be sent, editable, and the client in use.

use super::super::app::{App, ForwardState};
use super::super::i18n::T;
use super::super::theme::Theme;
use super::layout::fit;
use crate::config::ClientKind;
use crate::domain::text::for_terminal;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, f: &ForwardState, theme: &Theme) {
    let lang = app.lang();
    let mut title = format!(" {} · {} ", T::ForwardTitle.get(lang), f.reference);
    if f.editing {
        title.push_str(&format!("· {} ", T::FwEditing.get(lang)));
    }
    // No side borders: the report on screen can be selected with the mouse as plain
    // text when the terminal's clipboard does not take it.
    let block = Block::default()
        .borders(Borders::TOP | Borders::BOTTOM)
        .title(Span::styled(title, theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let offered = u16::from(!f.offers.is_empty());
    let [client, problem, desc, offer, hint] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(offered),
        Constraint::Length(1),
    ])
    .areas(inner);
    offer_line(frame, offer, app, f, theme);

    let client_name = app.setup.client.as_str();
    let extra = match app.setup.client {
        // Both are filed in the web form.
        ClientKind::Portal | ClientKind::Ceisacare => format!("  {}", app.setup.portal_url),
        _ => String::new(),
    };
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(format!("{}: ", T::FwClient.get(lang)), theme.muted()),
            Span::styled(client_name, theme.title()),
            Span::styled(extra, theme.info()),
        ])),
        client,
    );

    // Not editing: the report exactly as it goes out, as text.
    if !f.editing
        && let Some(report) = f.edited_report()
    {
        let body = Rect {
            height: problem.height + desc.height,
            ..problem
        };
        frame.render_widget(
            Paragraph::new(for_terminal(&report.portal_text())).wrap(Wrap { trim: false }),
            body,
        );
        hint_line(frame, hint, app, f, theme);
        return;
    }
    let [plabel, pvalue] =
        Layout::horizontal([Constraint::Length(15), Constraint::Fill(1)]).areas(problem);
    let focus = |i: usize| f.editing && f.edit_focus == i;
    let label_style = |i: usize| {
        if focus(i) {
            theme.focus()
        } else {
            theme.muted()
        }
    };
    frame.render_widget(
        Paragraph::new(Span::styled(T::FwProblem.get(lang), label_style(0))),
        plabel,
    );
    if focus(0) {
        frame.render_widget(&f.problem, pvalue);
    } else {
        frame.render_widget(
            Paragraph::new(for_terminal(&f.problem.lines().join(" "))),
            pvalue,
        );
    }

    let desc_block = Block::default()
        .borders(Borders::TOP)
        .title(Span::styled(T::FwDescription.get(lang), label_style(1)));
    let desc_inner = desc_block.inner(desc);
    frame.render_widget(desc_block, desc);
    if focus(1) {
        frame.render_widget(&f.description, desc_inner);
    } else {
        frame.render_widget(
            Paragraph::new(for_terminal(&f.description.lines().join("\n")))
                .wrap(Wrap { trim: false }),
            desc_inner,
        );
    }

    hint_line(frame, hint, app, f, theme);
}

/// A ticket perhaps about the same problem: named, not on Enter.
fn offer_line(frame: &mut Frame, area: Rect, app: &App, f: &ForwardState, theme: &Theme) {
    let Some(c) = f.offers.first() else {
        return;
    };
    let lang = app.lang();
    let text = match &c.ticket_no {
        Some(t) => T::FwOffer(lang, &c.reference, for_terminal(t), c.callers.to_string()),
        None => T::FwOfferWaiting(lang, &c.reference),
    };
    frame.render_widget(
        Paragraph::new(Span::styled(
            fit(&text, area.width as usize),
            theme.warning(),
        )),
        area,
    );
}

fn hint_line(frame: &mut Frame, hint: Rect, app: &App, f: &ForwardState, theme: &Theme) {
    let lang = app.lang();
    let hint_text = if f.sending {
        T::Sending
    } else if matches!(app.setup.client, ClientKind::Portal | ClientKind::Ceisacare) {
        T::FwPortalHint
    } else {
        T::FwQueueHint
    };
    frame.render_widget(
        Paragraph::new(Span::styled(hint_text.get(lang), theme.info())),
        hint,
    );
}
