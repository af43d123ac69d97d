//! The selected complaint: who, what, where it stands, its ticket, its timeline.

use super::super::app::App;
use super::super::i18n::T;
use super::super::theme::Theme;
use super::super::words;
use super::layout::hm;
use crate::desk::{OutboxRow, OutboxState};
use crate::domain::desk_note;
use crate::domain::text::for_terminal;
use crate::domain::when::short_local;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

fn field<'a>(label: &'a str, value: String, theme: &Theme) -> Line<'a> {
    Line::from(vec![
        Span::styled(format!("{label}: "), theme.muted()),
        Span::raw(value),
    ])
}

/// One outbox row in the officer's words: its state, how often it was tried, what next.
fn delivery(app: &App, o: &OutboxRow) -> String {
    let lang = app.lang();
    let off = app.setup.offset;
    let tries = o.attempts.to_string();
    match o.state {
        OutboxState::Pending if o.attempts == 0 => T::DeliveryNotYet.get(lang).to_string(),
        OutboxState::Pending => T::DeliveryRetry(lang, &tries, short_local(o.next_attempt_at, off)),
        OutboxState::Sent => T::DeliverySent(
            lang,
            o.sent_at.map(|t| short_local(t, off)).unwrap_or_default(),
            &tries,
        ),
        OutboxState::Failed => T::DeliveryFailed(lang, &tries),
    }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang();
    let block = Block::default().borders(Borders::ALL).title(Span::styled(
        format!(" {} ", T::DetailTitle.get(lang)),
        theme.title(),
    ));
    let Some(d) = &app.detail else {
        frame.render_widget(
            Paragraph::new(Line::styled(T::NothingSelected.get(lang), theme.muted())).block(block),
            area,
        );
        return;
    };
    let c = &d.dossier.complaint;
    let det = &c.details;
    let off = app.setup.offset;
    let none = || T::DNone.get(lang).to_string();
    // The countdown of the row on screen is refreshed every second; the dossier's is not.
    let sla = app
        .queue
        .rows
        .iter()
        .find(|r| r.complaint.id == c.id)
        .and_then(|r| r.sla)
        .or(d.dossier.sla);
    let mut lines = vec![
        Line::from(vec![
            Span::styled(c.reference.clone(), theme.title()),
            Span::raw("  "),
            Span::raw(c.stage.label(lang)),
        ]),
        field(
            T::DMove.get(lang),
            c.stage
                .whose_move()
                .map(|p| p.label().to_string())
                .unwrap_or_else(none),
            theme,
        ),
        field(
            T::DApplicant.get(lang),
            format!(
                "{} ({}{})",
                for_terminal(&det.applicant.name),
                det.applicant.kind.label(lang),
                det.applicant
                    .org
                    .as_deref()
                    .map(|o| format!(", {}", for_terminal(o)))
                    .unwrap_or_default()
            ),
            theme,
        ),
        field(
            T::DCategory.get(lang),
            app.setup
                .categories
                .get(&det.category)
                .map(|cat| format!("{} — {}", cat.code, cat.name(lang)))
                .unwrap_or_else(|| for_terminal(&det.category)),
            theme,
        ),
        field(T::DChannel.get(lang), det.channel.label(lang).into(), theme),
        field(T::DSubject.get(lang), for_terminal(&det.subject), theme),
        field(
            T::DReceived.get(lang),
            format!("{} WITA", short_local(det.received_at, off)),
            theme,
        ),
        field(
            T::DDeadline.get(lang),
            format!("{} WITA", short_local(c.sla_deadline, off)),
            theme,
        ),
    ];
    if let Some(s) = sla {
        let (text, style) = match d.dossier.sla_met {
            Some(true) => (T::SlaMet.get(lang).to_string(), theme.ok()),
            Some(false) => (T::SlaMissed.get(lang).to_string(), theme.urgent()),
            None if s.level == crate::domain::sla::SlaLevel::Ok => {
                (hm(s.remaining), theme.sla(s.level))
            }
            None => (
                format!(
                    "{}{} ({})",
                    hm(s.remaining),
                    super::queue::level_mark(s.level),
                    s.level.label(lang)
                ),
                theme.sla(s.level),
            ),
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{}: ", T::DRemaining.get(lang)), theme.muted()),
            Span::styled(text, style),
        ]));
    }
    lines.push(Line::from(vec![
        Span::styled(format!("{}: ", T::DTicket.get(lang)), theme.muted()),
        Span::styled(
            c.ticket_no
                .as_deref()
                .map(for_terminal)
                .unwrap_or_else(none),
            theme.title(),
        ),
    ]));
    if let Some(l) = &c.linked_to {
        lines.push(field(T::DLinked.get(lang), for_terminal(l), theme));
    }
    // Where the delivery stands comes before the history: it may need acting on.
    for o in &d.dossier.outbox {
        lines.push(field(T::DDelivery.get(lang), delivery(app, o), theme));
        if let Some(e) = o.last_error.as_deref() {
            // What BCare (or the way to it) answered, quoted as it came.
            lines.push(field(
                T::DBcareSaid.get(lang),
                format!("“{}”", for_terminal(e)),
                theme,
            ));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(T::DTimeline.get(lang), theme.title()));
    for e in &d.dossier.events {
        let mut note = desk_note::shown(e, lang)
            .map(|n| format!(" — {}", for_terminal(&n)))
            .unwrap_or_default();
        // A step at Dir. IKC says where it was and what it came to.
        if e.kind == crate::domain::ceisacare::STEP_EVENT {
            let status = e.after.as_deref().unwrap_or("");
            note = format!(
                " {} · {}{note}",
                for_terminal(status),
                for_terminal(&e.officer_shown())
            );
        }
        lines.push(Line::from(vec![
            Span::styled(short_local(e.at, off), theme.muted()),
            Span::raw(format!(
                " {}{note}",
                for_terminal(&words::event_kind(&e.kind, lang))
            )),
        ]));
    }
    if let Some(r) = &d.report {
        lines.push(Line::raw(""));
        lines.push(Line::styled(T::DReport.get(lang), theme.title()));
        for l in for_terminal(&r.portal_text()).lines() {
            lines.push(Line::raw(l.to_string()));
        }
    }
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}
