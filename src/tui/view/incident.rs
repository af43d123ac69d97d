//! One outage, many callers: the offer of an open ticket after intake, the bulk
//! step on picked complaints, the handover walk and the incident view.

use super::super::app::App;
use super::super::i18n::T;
use super::super::selection::{BulkKind, BulkState, IncidentState, SuggestState, WalkState};
use super::super::theme::Theme;
use super::layout::{fit, width_of, wrap_words};
use super::queue::stage_short;
use crate::domain::complaint::{Channel, Complaint, Stage};
use crate::domain::handover::{contact_for, handover_message};
use crate::domain::msg::Lang;
use crate::domain::text::for_terminal;
use crate::domain::when::short_local;
use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, Wrap};

fn titled<'a>(title: String, area: Rect, theme: &Theme) -> Block<'a> {
    let room = area.width.saturating_sub(4) as usize;
    Block::default().borders(Borders::ALL).title(Span::styled(
        format!(" {} ", fit(&title, room)),
        theme.title(),
    ))
}

fn when(app: &App, at: Option<DateTime<Utc>>) -> String {
    at.map(|t| {
        t.with_timezone(&app.setup.offset)
            .format("%d/%m %H:%M")
            .to_string()
    })
    .unwrap_or_else(|| "-".into())
}

pub fn draw_suggest(frame: &mut Frame, area: Rect, app: &App, s: &SuggestState, theme: &Theme) {
    let lang = app.lang();
    let block = titled(
        format!("{} · {}", T::SuggestTitle.get(lang), s.reference),
        area,
        theme,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    // The saved complaint is on the queue page the save reloaded.
    let category = app
        .queue
        .rows
        .iter()
        .find(|r| r.complaint.reference == s.reference)
        .map(|r| r.complaint.details.category.clone())
        .unwrap_or_default();
    let mut lines: Vec<Line> = wrap_words(
        &T::SuggestIntro(lang, &s.reference, for_terminal(&category)),
        width,
    )
    .into_iter()
    .map(Line::raw)
    .collect();
    lines.push(Line::raw(""));
    for (i, c) in s.candidates.iter().enumerate() {
        let text = match &c.ticket_no {
            Some(t) => T::SuggestLine(lang, &c.reference, for_terminal(t), c.callers),
            None => T::SuggestWaiting(lang, &c.reference),
        };
        let mark = if i == s.selected { "▶ " } else { "  " };
        let style = if i == s.selected {
            theme.selected()
        } else if c.ticket_no.is_none() {
            theme.muted()
        } else {
            theme.base()
        };
        lines.push(Line::styled(fit(&format!("{mark}{text}"), width), style));
        lines.push(Line::styled(
            fit(&format!("    {}", for_terminal(&c.subject)), width),
            theme.muted(),
        ));
    }
    lines.push(Line::raw(""));
    for l in wrap_words(T::SuggestHint.get(lang), width) {
        lines.push(Line::styled(l, theme.info()));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

pub fn draw_bulk(frame: &mut Frame, area: Rect, app: &App, b: &BulkState, theme: &Theme) {
    let lang = app.lang();
    let n = b.refs.len();
    let (title, label) = match b.kind {
        BulkKind::Link => (T::BulkLinkTitle(lang, n), T::BulkLinkLabel),
        BulkKind::Cancel => (T::BulkCancelTitle(lang, n), T::BulkCancelLabel),
    };
    let block = titled(title, area, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [label_area, input, error, choices, refs] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(3),
        Constraint::Length(2),
        Constraint::Fill(1),
        Constraint::Length(2),
    ])
    .areas(inner);
    let width = inner.width as usize;
    frame.render_widget(
        Paragraph::new(Span::styled(fit(label.get(lang), width), theme.focus())),
        label_area,
    );
    frame.render_widget(&b.text, input);
    if let Some(e) = &b.error {
        frame.render_widget(
            Paragraph::new(Line::styled(for_terminal(e), theme.error())).wrap(Wrap { trim: true }),
            error,
        );
    }
    if b.kind == BulkKind::Link {
        frame.render_widget(Paragraph::new(link_choices(b, width, lang, theme)), choices);
    }
    let lines: Vec<Line> = wrap_words(&b.refs.join("  "), width)
        .into_iter()
        .map(|l| Line::styled(l, theme.muted()))
        .collect();
    frame.render_widget(Paragraph::new(lines), refs);
}

/// The open tickets a bulk link offers, one line each, the chosen one marked.
fn link_choices(b: &BulkState, width: usize, lang: Lang, theme: &Theme) -> Vec<Line<'static>> {
    if b.choices.is_empty() {
        return vec![Line::styled(
            fit(T::BulkNoOpenTicket.get(lang), width),
            theme.muted(),
        )];
    }
    let mut lines = vec![Line::styled(
        fit(T::BulkChooseTicket.get(lang), width),
        theme.info(),
    )];
    for (i, c) in b.choices.iter().enumerate() {
        let ticket = c.ticket_no.as_deref().unwrap_or_default();
        let text = T::BulkChoice(
            lang,
            for_terminal(ticket),
            c.callers,
            for_terminal(&c.subject),
        );
        let chosen = b.chosen == Some(i);
        let mark = if chosen { "▶ " } else { "  " };
        let style = if chosen {
            theme.selected()
        } else {
            theme.base()
        };
        lines.push(Line::styled(fit(&format!("{mark}{text}"), width), style));
    }
    lines
}

pub fn draw_walk(frame: &mut Frame, area: Rect, app: &App, w: &WalkState, theme: &Theme) {
    let lang = app.lang();
    let waiting = w.remaining().to_string();
    let total = w.callers.len().to_string();
    let ticket = w
        .current()
        .and_then(|c| c.complaint.ticket_no.clone())
        .unwrap_or_default();
    let block = titled(
        format!(
            "{} · {}",
            T::WalkTitle(lang, &waiting, &total),
            for_terminal(&ticket)
        ),
        area,
        theme,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let list_height = (w.callers.len() as u16).clamp(1, (inner.height / 3).max(3));
    let [list, channel, error, why, message] = Layout::vertical([
        Constraint::Length(list_height),
        Constraint::Length(1),
        Constraint::Length(if w.error.is_some() { 2 } else { 0 }),
        Constraint::Length(if w.late.is_some() {
            super::handover::late_picker_height()
        } else {
            0
        }),
        Constraint::Fill(1),
    ])
    .areas(inner);
    if let Some(ask) = &w.late {
        let question = if ask.all {
            T::WalkLateAll(lang, ask.late, ask.refs.len(), ask.via.label(lang))
        } else {
            let deadline = w
                .current()
                .map(|c| short_local(c.complaint.sla_deadline, app.setup.offset))
                .unwrap_or_default();
            T::HoLate(lang, &deadline)
        };
        super::handover::late_picker(
            frame,
            why,
            app,
            super::handover::LatePick {
                question,
                reason: ask.reason,
                words: &ask.words,
                on_words: ask.on_words,
            },
            theme,
        );
    }
    let rows = w.callers.iter().map(|c| (&c.complaint, c.via, c.done));
    frame.render_widget(
        Paragraph::new(caller_lines(rows, w.at, list, lang, theme)),
        list,
    );
    if let Some(c) = w.current() {
        let done = c.done.then(|| T::WalkDone.get(lang));
        frame.render_widget(channel_line(c.via, done, lang, theme), channel);
        let msg = handover_message(lang, &c.complaint, app.now, app.setup.offset);
        frame.render_widget(
            super::handover::message_to_applicant(&msg, lang, theme),
            message,
        );
    }
    if let Some(e) = &w.error {
        frame.render_widget(
            Paragraph::new(Line::styled(for_terminal(e), theme.error())).wrap(Wrap { trim: true }),
            error,
        );
    }
}

pub fn draw_incident(frame: &mut Frame, area: Rect, app: &App, s: &IncidentState, theme: &Theme) {
    let lang = app.lang();
    let inc = &s.incident;
    let block = titled(
        T::IncTitle(lang, for_terminal(&inc.ticket_no), inc.callers.len()),
        area,
        theme,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    // Dir. IKC's latest steps and answers under the callers, when there are any.
    let steps_height = if inc.at_bcare.is_empty() {
        0
    } else {
        (inc.at_bcare.len() as u16 + 1).min(6)
    };
    let [summary, table, steps] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Fill(1),
        Constraint::Length(steps_height),
    ])
    .areas(inner);
    if steps_height > 0 {
        let width = steps.width as usize;
        let shown = inc
            .at_bcare
            .iter()
            .skip(inc.at_bcare.len().saturating_sub(steps_height as usize - 1))
            .map(|e| {
                let said = [
                    crate::domain::msg::words::event_kind(&e.kind, lang),
                    for_terminal(&e.officer_shown()),
                    e.after.as_deref().map(for_terminal).unwrap_or_default(),
                    e.note.as_deref().map(for_terminal).unwrap_or_default(),
                ]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" · ");
                Line::from(vec![
                    Span::styled(when(app, Some(e.at)), theme.muted()),
                    Span::raw(" "),
                    Span::raw(fit(&said, width.saturating_sub(12))),
                ])
            });
        let lines: Vec<Line> =
            std::iter::once(Line::styled(T::IncAtBcare.get(lang), theme.title()))
                .chain(shown)
                .collect();
        frame.render_widget(Paragraph::new(lines), steps);
    }
    let sum = T::IncSummary(
        lang,
        &inc.first,
        inc.awaiting_handover(),
        inc.owed_notices(),
    );
    let lines: Vec<Line> = wrap_words(&sum, inner.width as usize)
        .into_iter()
        .take(2)
        .map(|l| Line::styled(l, theme.info()))
        .collect();
    frame.render_widget(Paragraph::new(lines), summary);

    let stage_width = Stage::ALL
        .iter()
        .map(|st| width_of(stage_short(*st).get(lang)))
        .max()
        .unwrap_or(10) as u16;
    // Reference, stage, contact, channel, handed over; received and notified when wide.
    let wide = inner.width >= 110;
    let mut columns = vec![T::ColRef, T::ColStage, T::ColApplicant, T::ColContact];
    let mut widths = vec![
        Constraint::Length(14),
        Constraint::Length(stage_width),
        Constraint::Fill(1),
        Constraint::Length(14),
    ];
    let fixed: u16 = 14 + stage_width + 14 + 9 + 11 + if wide { 11 + 11 } else { 0 };
    let cols = if wide { 8 } else { 6 };
    let name_width = inner.width.saturating_sub(fixed + cols - 1) as usize;
    columns.push(T::ColChannel);
    widths.push(Constraint::Length(9));
    if wide {
        columns.push(T::ColReceived);
        widths.push(Constraint::Length(11));
    }
    columns.push(T::ColHandedOver);
    widths.push(Constraint::Length(11));
    if wide {
        columns.push(T::ColNotified);
        widths.push(Constraint::Length(11));
    }
    let header = Row::new(columns.iter().map(|c| {
        let t = c.get(lang);
        Cell::from(if *c == T::ColApplicant {
            fit(t, name_width)
        } else {
            t.to_string()
        })
    }))
    .style(theme.title());
    let visible = table.height.saturating_sub(1) as usize;
    let first = s.selected.saturating_sub(visible.saturating_sub(1));
    let rows = inc
        .callers
        .iter()
        .enumerate()
        .skip(first)
        .take(visible)
        .map(|(i, c)| {
            let mut cells = vec![
                Cell::from(c.reference.clone()),
                Cell::from(stage_short(c.stage).get(lang)),
                Cell::from(fit(&for_terminal(&c.applicant), name_width)),
                Cell::from(fit(
                    &c.contact.as_deref().map(for_terminal).unwrap_or("-".into()),
                    14,
                )),
                Cell::from(fit(c.channel.label(lang), 9)),
            ];
            if wide {
                cells.push(Cell::from(when(app, Some(c.received_at))));
            }
            // Narrow: a caller owed a notice says so where the handover time was.
            let handed = if c.owed_notice && !wide {
                Span::styled(T::IncOwed.get(lang), theme.warning())
            } else {
                Span::raw(when(app, c.handed_over_at))
            };
            cells.push(Cell::from(handed));
            if wide {
                let notified = if c.owed_notice {
                    Span::styled(T::IncOwed.get(lang), theme.warning())
                } else {
                    Span::raw(when(app, c.notified_at))
                };
                cells.push(Cell::from(notified));
            }
            let row = Row::new(cells);
            if i == s.selected {
                row.style(theme.selected())
            } else if c.owed_notice {
                row.style(theme.warning())
            } else {
                row
            }
        });
    frame.render_widget(Table::new(rows, widths).header(header), table);
}

/// The callers of a walk (one after the other: the handover's or the notice's),
/// scrolled to keep the one at `at` in sight in `area`.
pub(super) fn caller_lines<'a>(
    rows: impl Iterator<Item = (&'a Complaint, Channel, bool)>,
    at: usize,
    area: Rect,
    lang: Lang,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let first = at.saturating_sub((area.height as usize).saturating_sub(1));
    rows.enumerate()
        .skip(first)
        .take(area.height as usize)
        .map(|(i, (c, via, done))| {
            let style = if i == at {
                theme.selected()
            } else if done {
                theme.muted()
            } else {
                theme.base()
            };
            Line::styled(
                fit(&caller_row(c, via, done, lang), area.width as usize),
                style,
            )
        })
        .collect()
}

/// One caller in a list of applicants to tell: done or not, reference, name, and
/// where the message goes.
pub(super) fn caller_row(c: &Complaint, via: Channel, done: bool, lang: Lang) -> String {
    let mark = if done { "✓" } else { "·" };
    let contact = contact_for(c, via)
        .ok()
        .flatten()
        .map(for_terminal)
        .unwrap_or_else(|| "-".into());
    format!(
        "{mark} {}  {}  {} {contact}",
        c.reference,
        for_terminal(&c.details.applicant.name),
        via.label(lang)
    )
}

/// The channel chosen for the caller at hand (‹ › around it: ←/→ change it),
/// and `done` after it when their step is recorded.
pub(super) fn channel_line<'a>(
    via: Channel,
    done: Option<&str>,
    lang: Lang,
    theme: &Theme,
) -> Paragraph<'a> {
    let done = done.map(|d| format!("  ✓ {d}")).unwrap_or_default();
    Paragraph::new(Line::from(vec![
        Span::styled(format!("{}: ", T::HoChannel.get(lang)), theme.focus()),
        Span::styled("‹ ", theme.key()),
        Span::styled(via.label(lang).to_string(), theme.focus()),
        Span::styled(" ›", theme.key()),
        Span::styled(done, theme.ok()),
    ]))
}
