//! Handover: the channel, and the message to the applicant as it will be copied.

use super::super::app::{App, HandoverState};
use super::super::i18n::T;
use super::super::theme::Theme;
use crate::domain::msg::Lang;
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
    let late = h.late(app.now);
    let late_rows = if late { late_picker_height() } else { 0 };
    let [who, channel, why, message, hint] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(if h.needs_reach() { 3 } else { 2 }),
        Constraint::Length(late_rows),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    if late {
        let deadline = crate::domain::when::short_local(h.complaint.sla_deadline, app.setup.offset);
        late_picker(
            frame,
            why,
            app,
            LatePick {
                question: T::HoLate(lang, &deadline),
                reason: h.late_reason,
                words: &h.late_words,
                on_words: h.on_words,
            },
            theme,
        );
    }
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
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{}: ", T::HoChannel.get(lang)), theme.focus()),
        Span::styled("‹ ", theme.key()),
        Span::styled(h.channel.label(lang), theme.focus()),
        Span::styled(" ›", theme.key()),
    ])];
    if h.needs_reach() {
        // The channel needs what the applicant did not leave: asked here, kept with it.
        let ask = match h.channel {
            crate::domain::complaint::Channel::Email => T::HoAskEmail,
            _ => T::HoAskPhone,
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{}: ", ask.get(lang)), theme.warning()),
            Span::styled(format!("{}▏", for_terminal(&h.reach)), theme.base()),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), channel);
    frame.render_widget(message_to_applicant(&h.message, lang, theme), message);
    frame.render_widget(
        Paragraph::new(Span::styled(T::HoHint.get(lang), theme.info())),
        hint,
    );
}

/// The late reason being asked: the question, the reason picked so far, the words.
pub struct LatePick<'a> {
    pub question: String,
    pub reason: Option<crate::domain::report::LateReason>,
    pub words: &'a ratatui_textarea::TextArea<'static>,
    pub on_words: bool,
}

/// The rows the late-reason picker takes.
pub fn late_picker_height() -> u16 {
    crate::domain::report::LateReason::ALL.len() as u16 + 3
}

/// Past the deadline: the reasons numbered (a number or first letter picks), then the words.
pub fn late_picker(frame: &mut Frame, area: Rect, app: &App, h: LatePick, theme: &Theme) {
    use crate::domain::report::LateReason;
    let lang = app.lang();
    let width = area.width as usize;
    let question = h.question;
    let how_to = format!("  ({})", T::HoLateHowTo.get(lang));
    let style = if h.on_words {
        theme.warning()
    } else {
        theme.focus()
    };
    // The how-to goes whole when the line is too narrow for it.
    let mut first = vec![Span::styled(super::layout::fit(&question, width), style)];
    if super::layout::width_of(&question) + super::layout::width_of(&how_to) <= width {
        first.push(Span::styled(how_to, theme.muted()));
    }
    let mut lines = vec![Line::from(first)];
    for (i, r) in LateReason::ALL.iter().enumerate() {
        let text = super::layout::fit(
            &format!("{:>2} {}", i + 1, r.label(lang)),
            width.saturating_sub(1),
        );
        lines.push(if h.reason == Some(*r) {
            Line::styled(format!("›{text}"), theme.focus())
        } else {
            Line::raw(format!(" {text}"))
        });
    }
    let [list, words] = Layout::vertical([
        Constraint::Length(lines.len() as u16),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(lines), list);
    let label = format!("{}: ", T::HoWords.get(lang));
    let [l, input] = Layout::horizontal([
        Constraint::Length(super::layout::width_of(&label) as u16),
        Constraint::Fill(1),
    ])
    .areas(words);
    let style = if h.on_words {
        theme.focus()
    } else {
        theme.muted()
    };
    frame.render_widget(Paragraph::new(Span::styled(label, style)), l);
    frame.render_widget(h.words, input);
}

/// The message to the applicant under its heading, wrapped as it will be sent.
pub(super) fn message_to_applicant<'a>(text: &str, lang: Lang, theme: &Theme) -> Paragraph<'a> {
    Paragraph::new(for_terminal(text))
        .wrap(Wrap { trim: false })
        .block(
            Block::default()
                .borders(Borders::TOP)
                .title(Span::styled(T::HoMessage.get(lang), theme.muted())),
        )
}
