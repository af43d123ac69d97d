//! The section's report: the period switch, the SLA % as a gauge, the
//! complaints received by category as bars, received against within-SLA per day
//! as sparklines, and the late list. Drawn from the report in the state only.

use super::super::app::{App, ReportSpan, ReportState};
use super::super::i18n::T;
use super::super::theme::Theme;
use crate::desk::OutboxState;
use crate::domain::lang::Lang;
use crate::domain::report::SectionReport;
use crate::domain::when::short_local;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Bar, BarChart, BarGroup, Block, Borders, Gauge, Paragraph, Sparkline, Tabs,
};

fn span_label(s: ReportSpan) -> T {
    match s {
        ReportSpan::Today => T::SpanToday,
        ReportSpan::ThisWeek => T::SpanWeek,
        ReportSpan::ThisMonth => T::SpanMonth,
        ReportSpan::LastMonth => T::SpanLastMonth,
        ReportSpan::Shift => T::SpanShift,
    }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, r: &ReportState, theme: &Theme) {
    let lang = app.lang();
    let title = if r.span == ReportSpan::Shift {
        format!(
            " {} · {} ",
            T::ReportTitle.get(lang),
            T::ShiftTitle(lang, short_local(app.now, app.setup.offset))
        )
    } else {
        format!(
            " {} · {} – {} ",
            T::ReportTitle.get(lang),
            r.period.from,
            r.period.to
        )
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(title, theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [tabs, rest] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
    let selected = ReportSpan::ALL.iter().position(|s| *s == r.span);
    frame.render_widget(
        // The chosen period is marked as the form marks a choice, so it reads without colour.
        Tabs::new(ReportSpan::ALL.iter().map(|s| {
            let label = span_label(*s).get(lang);
            if *s == r.span {
                Line::raw(format!("‹ {label} ›"))
            } else {
                Line::raw(label)
            }
        }))
        .select(selected)
        .style(theme.muted())
        .highlight_style(theme.focus()),
        tabs,
    );
    if r.span == ReportSpan::Shift {
        draw_shift(frame, rest, app, r, theme);
        return;
    }
    let Some(report) = &r.report else {
        let line = match &r.error {
            Some(e) => Line::styled(crate::domain::text::for_terminal(e), theme.error()),
            None => Line::styled(T::ReportLoading.get(lang), theme.muted()),
        };
        frame.render_widget(
            Paragraph::new(line).wrap(ratatui::widgets::Wrap { trim: true }),
            rest,
        );
        return;
    };
    if report.totals.received == 0 {
        frame.render_widget(
            Paragraph::new(Line::styled(T::ReportEmpty.get(lang), theme.muted())),
            rest,
        );
        return;
    }
    let width = rest.width as usize;
    let totals = super::layout::wrap_words(&totals_text(app, report), width);
    let late_rows = (report.late_list.len().max(1) as u16 + 1).min(6);
    let skm = skm_line(app, report);
    let [gauge, summary, charts, late] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(totals.len() as u16 + 1 + u16::from(skm.is_some())),
        Constraint::Fill(1),
        Constraint::Length(late_rows),
    ])
    .areas(rest);
    draw_gauge(frame, gauge, app, report, theme);
    let mut lines: Vec<Line> = totals.into_iter().map(Line::raw).collect();
    let minutes =
        |m: Option<i64>| m.map_or_else(|| T::DNone.get(lang).to_string(), |m| m.to_string());
    lines.push(Line::styled(
        super::layout::fit(
            &T::ReportMinutes(
                lang,
                minutes(report.median_minutes),
                minutes(report.p90_minutes),
            ),
            width,
        ),
        theme.muted(),
    ));
    if let Some(skm) = skm {
        lines.push(Line::raw(super::layout::fit(&skm, width)));
    }
    frame.render_widget(Paragraph::new(lines), summary);
    let [bars, days] =
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(charts);
    draw_bars(frame, bars, app, report, theme);
    draw_days(frame, days, app, report, theme);
    draw_late(frame, late, app, report, theme);
}

/// The satisfaction survey in one line, once someone answered: the index with
/// its grade (Indonesian writes the decimal comma).
fn skm_line(app: &App, r: &SectionReport) -> Option<String> {
    let k = &r.skm;
    let ikm = app.lang().decimal(k.ikm?, 2);
    let grade = k.grade.map_or("—".to_string(), |g| g.to_string());
    Some(T::ReportSkm(app.lang(), ikm, grade, k.respondents))
}

/// A list's heading, with its count.
type Heading = fn(Lang, usize) -> String;

fn totals_text(app: &App, r: &SectionReport) -> String {
    let t = &r.totals;
    T::ReportTotals(
        app.lang(),
        t.received,
        t.handed_over,
        t.within_sla,
        t.late,
        t.open,
        t.cancelled,
    )
}

fn draw_gauge(frame: &mut Frame, area: Rect, app: &App, r: &SectionReport, theme: &Theme) {
    let lang = app.lang();
    let t = &r.totals;
    let (ratio, label) = match t.sla_pct {
        Some(pct) => (
            (pct / 100.0).clamp(0.0, 1.0),
            format!(
                "{} {} % ({}/{})",
                T::ReportSla.get(lang),
                lang.decimal(pct, 1),
                t.within_sla,
                t.handed_over
            ),
        ),
        None => (
            0.0,
            format!(
                "{}: {}",
                T::ReportSla.get(lang),
                T::ReportNoHandover.get(lang)
            ),
        ),
    };
    let style = match t.sla_pct {
        Some(p) if p >= 90.0 => theme.ok(),
        Some(p) if p >= 75.0 => theme.warning(),
        Some(_) => theme.breached(),
        None => theme.muted(),
    };
    frame.render_widget(
        Gauge::default()
            .ratio(ratio)
            .label(Span::styled(label, theme.base()))
            .gauge_style(style)
            .use_unicode(true),
        area,
    );
}

fn draw_bars(frame: &mut Frame, area: Rect, app: &App, r: &SectionReport, theme: &Theme) {
    let block = Block::default().borders(Borders::TOP).title(Span::styled(
        T::ReportByCategory.get(app.lang()),
        theme.info(),
    ));
    let bars: Vec<Bar> = r
        .groups
        .iter()
        .map(|g| {
            Bar::default()
                .value(g.figures.received.max(0) as u64)
                .label(Line::raw(g.key.clone()))
                .style(theme.info())
        })
        .collect();
    // Bars as wide as the codes when they fit; narrower (labels cut by ratatui) never:
    // at least four columns, the length of a category code.
    let n = bars.len().max(1) as u16;
    let width = (area.width.saturating_sub(n) / n).clamp(4, 6);
    frame.render_widget(
        BarChart::default()
            .block(block)
            .data(BarGroup::default().bars(&bars))
            .bar_width(width)
            .bar_gap(1)
            .value_style(theme.selected()),
        area,
    );
}

fn draw_days(frame: &mut Frame, area: Rect, app: &App, r: &SectionReport, theme: &Theme) {
    let lang = app.lang();
    let block = Block::default()
        .borders(Borders::TOP)
        .title(Span::styled(T::ReportDaily.get(lang), theme.info()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [l1, s1, l2, s2, dates] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    // The last days of the period, one column each, when it is longer than the width.
    let keep = inner.width as usize;
    let skip = r.daily.len().saturating_sub(keep);
    let received: Vec<u64> = r
        .daily
        .iter()
        .skip(skip)
        .map(|d| d.figures.received.max(0) as u64)
        .collect();
    let within: Vec<u64> = r
        .daily
        .iter()
        .skip(skip)
        .map(|d| d.figures.within_sla.max(0) as u64)
        .collect();
    // Both on one scale, so a day's two bars compare.
    let max = received.iter().copied().max().unwrap_or(1).max(1);
    let total = |v: &[u64]| v.iter().sum::<u64>().to_string();
    frame.render_widget(
        Paragraph::new(Line::styled(
            format!(
                "{} ({})",
                T::ReportDailyReceived.get(lang),
                total(&received)
            ),
            theme.muted(),
        )),
        l1,
    );
    frame.render_widget(
        Sparkline::default()
            .data(received)
            .max(max)
            .style(theme.info()),
        s1,
    );
    frame.render_widget(
        Paragraph::new(Line::styled(
            format!("{} ({})", T::ReportDailyWithin.get(lang), total(&within)),
            theme.muted(),
        )),
        l2,
    );
    frame.render_widget(
        Sparkline::default().data(within).max(max).style(theme.ok()),
        s2,
    );
    // Under the bars, the first and the last day they stand for.
    let shown = &r.daily[skip.min(r.daily.len())..];
    if let (Some(first), Some(last)) = (shown.first(), shown.last()) {
        let (a, b) = (
            first.date.format("%d/%m").to_string(),
            last.date.format("%d/%m").to_string(),
        );
        let gap = (inner.width as usize).saturating_sub(a.len() + b.len());
        let line = if first.date == last.date {
            a
        } else {
            format!("{a}{}{b}", " ".repeat(gap))
        };
        frame.render_widget(Paragraph::new(Line::styled(line, theme.muted())), dates);
    }
}

fn draw_late(frame: &mut Frame, area: Rect, app: &App, r: &SectionReport, theme: &Theme) {
    let lang = app.lang();
    let title = T::ReportLateTitle(lang, r.late_list.len());
    let mut lines = vec![Line::styled(title, theme.warning())];
    if r.late_list.is_empty() {
        lines.push(Line::styled(T::ReportNoLate.get(lang), theme.muted()));
    }
    let width = area.width as usize;
    let mut rows = area.height.saturating_sub(1) as usize;
    // More than fit: the last row says how many more (the command line lists them all).
    let more = r.late_list.len().saturating_sub(rows);
    if more > 0 {
        rows = rows.saturating_sub(1);
    }
    for e in r.late_list.iter().take(rows) {
        let reason = e
            .reason
            .as_deref()
            .map(|r| reason_text(r, lang))
            .unwrap_or_else(|| T::ReportNoReason.get(lang).to_string());
        let line = format!(
            "{}  {} → {}  {}  {}",
            e.reference,
            short_local(e.received_at, app.setup.offset),
            short_local(e.handed_over_at, app.setup.offset),
            crate::domain::msg::words::working_time(e.working_minutes, lang),
            reason
        );
        lines.push(Line::raw(super::layout::fit(&line, width)));
    }
    if more > 0 {
        let hidden = r.late_list.len() - rows;
        lines.push(Line::styled(T::ReportLateMore(lang, hidden), theme.muted()));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// "bcare-down: words" → "BCare down: words", the reason named in the screen's language.
fn reason_text(raw: &str, lang: crate::domain::msg::Lang) -> String {
    crate::domain::text::for_terminal(&crate::domain::report::late_reason_text(raw, lang))
}

/// The shift handoff: open complaints (whose move, deadline), reports waiting for
/// BCare, notices owed, tickets to chase. Every list keeps its heading and count;
/// the rows that fit are dealt out one at a time, so a long list never hides a short one.
fn draw_shift(frame: &mut Frame, area: Rect, app: &App, r: &ReportState, theme: &Theme) {
    let lang = app.lang();
    let Some(s) = &r.shift else {
        let line = match &r.error {
            Some(e) => Line::styled(crate::domain::text::for_terminal(e), theme.error()),
            None => Line::styled(T::ReportLoading.get(lang), theme.muted()),
        };
        frame.render_widget(
            Paragraph::new(line).wrap(ratatui::widgets::Wrap { trim: true }),
            area,
        );
        return;
    };
    let off = app.setup.offset;
    let ticket = |t: &str| T::ShiftTicket(lang, t);
    let open: Vec<Line> = s
        .open
        .iter()
        .map(|o| {
            let mut parts = vec![
                o.reference.clone(),
                format!("{:<11}", super::queue::stage_short(o.stage).get(lang)),
                format!("{:<8}", o.stage.whose_move().map_or("—", |p| p.label())),
            ];
            // The deadline matters while the clock runs; after handover the ticket does.
            if o.stage.sla_running() {
                let mut due = T::ShiftDue(lang, short_local(o.sla_deadline, off));
                if o.overdue(app.now) {
                    due = format!("{due} {}", T::SlaLate.get(lang));
                }
                parts.push(due);
            }
            if let Some(t) = &o.ticket_no {
                parts.push(ticket(t));
            }
            // Last, so a narrow pane cuts the words and keeps the figures.
            parts.push(format!("{} — {}", o.applicant, o.subject));
            let line = crate::domain::text::for_terminal(&parts.join("  "));
            if o.overdue(app.now) {
                Line::styled(line, theme.breached())
            } else {
                Line::raw(line)
            }
        })
        .collect();
    let outbox: Vec<Line> = s
        .outbox
        .iter()
        .map(|o| {
            // In the officer's words, as the detail says it.
            let tries = o.attempts.to_string();
            let state = match o.state {
                OutboxState::Pending if o.attempts == 0 => T::DeliveryNotYet.get(lang).to_string(),
                OutboxState::Pending => {
                    T::DeliveryRetry(lang, &tries, short_local(o.next_attempt_at, off))
                }
                _ => T::DeliveryFailed(lang, &tries),
            };
            let mut line = format!("{}  {state}", o.reference);
            if let Some(e) = &o.last_error {
                line = format!("{line}  {e}");
            }
            Line::raw(crate::domain::text::for_terminal(&line))
        })
        .collect();
    let notices: Vec<Line> = s
        .notices_owed
        .iter()
        .map(|i| {
            Line::raw(crate::domain::text::for_terminal(&format!(
                "{}  {}",
                i.reference,
                ticket(&i.ticket_no)
            )))
        })
        .collect();
    let chase: Vec<Line> = s
        .tickets_to_chase
        .iter()
        .map(|i| {
            Line::raw(crate::domain::text::for_terminal(&format!(
                "{}  {}  {}",
                i.reference,
                ticket(&i.ticket_no),
                T::ShiftDays(lang, i.working_days_open)
            )))
        })
        .collect();
    let sections: [(Heading, _); 4] = [
        (T::ShiftOpen, open),
        (T::ShiftOutbox, outbox),
        (T::ShiftNotices, notices),
        (T::ShiftChase, chase),
    ];
    // One row per list for its heading; the rest dealt out in turn. An empty list
    // takes one row to say so.
    let wanted: Vec<usize> = sections.iter().map(|(_, rows)| rows.len().max(1)).collect();
    let mut shown = vec![0usize; sections.len()];
    let mut left = (area.height as usize).saturating_sub(sections.len());
    while left > 0 {
        let before = left;
        for (n, want) in shown.iter_mut().zip(&wanted) {
            if left > 0 && *n < *want {
                *n += 1;
                left -= 1;
            }
        }
        if left == before {
            break;
        }
    }
    let width = area.width as usize;
    let mut lines: Vec<Line> = Vec::new();
    for ((title, rows), n) in sections.into_iter().zip(shown) {
        lines.push(Line::styled(title(lang, rows.len()), theme.info()));
        if rows.is_empty() {
            if n > 0 {
                lines.push(Line::styled(
                    format!("  {}", T::ShiftNone.get(lang)),
                    theme.muted(),
                ));
            }
            continue;
        }
        // More than fit: the last row says how many more (the command line lists them all).
        let keep = if n < rows.len() {
            n.saturating_sub(1)
        } else {
            n
        };
        let hidden = rows.len() - keep;
        for row in rows.into_iter().take(keep) {
            let style = row.style;
            let text: String = row.spans.iter().map(|s| s.content.as_ref()).collect();
            // Fitted before the indent: the fit works on words and would drop it.
            let text = super::layout::fit(&text, width.saturating_sub(2));
            lines.push(Line::styled(format!("  {text}"), style));
        }
        if n > 0 && hidden > 0 {
            let more = T::ShiftMore(lang, hidden);
            lines.push(Line::styled(
                format!("  {}", super::layout::fit(&more, width.saturating_sub(2))),
                theme.muted(),
            ));
        }
    }
    frame.render_widget(Paragraph::new(lines), area);
}
