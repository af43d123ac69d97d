//! The bottom lines: the last notice, key hints from the keymap, and the status bar
//! (clock in WITA, counts, BCare client and reachability).

use super::super::app::{App, Tone};
use super::super::i18n::{T, fill};
use super::super::keymap::{hints as keymap_hints, key_label};
use super::super::theme::Theme;
use crate::config::ClientKind;
use crate::domain::text::for_terminal;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn notice(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(n) = &app.notice else { return };
    let style = match n.tone {
        Tone::Info => theme.info(),
        Tone::Good => theme.ok(),
        Tone::Warn => theme.warning(),
        Tone::Bad => theme.urgent(),
    };
    frame.render_widget(
        Paragraph::new(Span::styled(
            for_terminal(&n.text).replace('\n', " "),
            style,
        )),
        area,
    );
}

pub fn hints(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang();
    let mut spans = Vec::new();
    for b in keymap_hints(app.scope()) {
        spans.push(Span::styled(key_label(b.code, b.mods), theme.key()));
        spans.push(Span::raw(format!(" {}  ", b.label.get(lang))));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang();
    // A damaged database takes the whole status bar: nothing else matters then.
    if let Some(problem) = &app.integrity_problem {
        let text = fill(
            T::SbDamaged.get(lang),
            &[&for_terminal(problem).replace('\n', " ")],
        );
        frame.render_widget(Paragraph::new(Span::styled(text, theme.breached())), area);
        return;
    }
    let c = &app.counts;
    let clock = app.now.with_timezone(&app.setup.offset).format("%H:%M:%S");
    let sep = || Span::styled(" │ ", theme.muted());
    let mut spans = vec![
        Span::styled(format!("{clock} WITA"), theme.title()),
        sep(),
        Span::raw(format!("{} {}", c.queue.running, T::SbOpen.get(lang))),
        Span::raw(" · "),
        Span::styled(
            format!("{} {}", c.due_soon, T::SbDueSoon.get(lang)),
            if c.due_soon > 0 {
                theme.warning()
            } else {
                theme.base()
            },
        ),
        Span::raw(" · "),
        Span::styled(
            format!("{} {}", c.queue.breached, T::SbBreached.get(lang)),
            if c.queue.breached > 0 {
                theme.breached()
            } else {
                theme.base()
            },
        ),
        Span::raw(" · "),
        Span::raw(format!(
            "{} {}",
            c.queue.waiting_to_send,
            T::SbWaiting.get(lang)
        )),
        sep(),
        Span::raw(format!("BCare: {}", app.setup.client.as_str())),
    ];
    if app.setup.client != ClientKind::Portal {
        let (text, style) = match app.reachable {
            Some(true) => (T::SbReachable.get(lang), theme.ok()),
            Some(false) => (T::SbUnreachable.get(lang), theme.urgent()),
            None => ("…", theme.muted()),
        };
        spans.push(Span::raw(" "));
        spans.push(Span::styled(text, style));
    }
    if let Some(year) = app.setup.calendar_gap {
        spans.push(sep());
        spans.push(Span::styled(
            fill(T::SbNoHolidays.get(lang), &[&year.to_string()]),
            theme.breached(),
        ));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
