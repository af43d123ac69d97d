//! The bottom lines: the last notice, key hints from the keymap, and the status bar
//! (clock in WITA, counts, BCare client and reachability).

use super::super::app::{App, Tone};
use super::super::i18n::T;
use super::super::keymap::{hints as keymap_hints, key_label};
use super::super::theme::Theme;
use super::layout::{Part, bar, fit, wrap_words};
use crate::config::ClientKind;
use crate::domain::text::for_terminal;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// How many lines the notice needs at `width` (one or two).
pub fn notice_height(app: &App, width: u16) -> u16 {
    match &app.notice {
        Some(n) => {
            let text = for_terminal(&n.text).replace('\n', " ");
            if wrap_words(&text, width as usize).len() > 1 {
                2
            } else {
                1
            }
        }
        None => 1,
    }
}

pub fn notice(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(n) = &app.notice else { return };
    let style = match n.tone {
        Tone::Info => theme.info(),
        Tone::Good => theme.ok(),
        Tone::Warn => theme.warning(),
        Tone::Bad => theme.urgent(),
    };
    // Wrapped at words; what does not fit the lines given ends in "…".
    let text = for_terminal(&n.text).replace('\n', " ");
    let width = area.width as usize;
    let mut lines = wrap_words(&text, width);
    let rows = area.height.max(1) as usize;
    if lines.len() > rows {
        let rest = lines[rows - 1..].join(" ");
        lines.truncate(rows - 1);
        lines.push(fit(&rest, width));
    }
    let lines: Vec<Line> = lines.into_iter().map(|l| Line::styled(l, style)).collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// The key hints of the scope, in keymap order; the last ones give way whole.
pub fn hints(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang();
    let parts = keymap_hints(app.scope())
        .filter(|b| crate::tui::keymap::offered(b.action, &app.setup))
        .enumerate()
        .map(|(i, b)| Part {
            rank: i.min(u8::MAX as usize) as u8,
            spans: vec![
                Span::styled(key_label(b.code, b.mods, lang), theme.key()),
                Span::raw(format!(" {}", b.label.get(lang))),
            ],
        })
        .collect();
    bar(frame, area, parts, "  ", theme);
}

/// The clock, the counts, BCare; the calendar alarm first and always. Parts give way
/// whole, least important first, on a narrow terminal.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    use crate::domain::calendar::{CalendarNotice, Coverage};
    let lang = app.lang();
    // A damaged database takes the whole status bar: nothing else matters then.
    if let Some(problem) = &app.integrity_problem {
        let text = T::SbDamaged(lang, for_terminal(problem).replace('\n', " "));
        frame.render_widget(Paragraph::new(Span::styled(text, theme.breached())), area);
        return;
    }
    let c = &app.counts;
    let clock = app.now.with_timezone(&app.setup.offset).format("%H:%M:%S");
    let count = |n: i64, label: T, hot: Style| {
        let style = if n > 0 { hot } else { theme.base() };
        vec![Span::styled(format!("{n} {}", label.get(lang)), style)]
    };
    let mut parts = Vec::new();
    // A reader's desk says so first: nothing typed here will be kept.
    if let Some(role) = &app.setup.reader {
        parts.push(Part {
            rank: 0,
            spans: vec![Span::styled(T::SbReadOnly(lang, role), theme.warning())],
        });
    }
    // This year's holidays not entered: the alarm, first and never pushed out.
    if let Some(notice) = app.setup.calendar_notice.filter(|n| n.is_alarm()) {
        let label = match notice {
            CalendarNotice::ThisYear {
                coverage: Coverage::FixedDatesOnly,
                ..
            } => T::SbFixedOnly(lang, notice.year()),
            _ => T::SbNoHolidays(lang, notice.year()),
        };
        parts.push(Part {
            rank: 0,
            spans: vec![Span::styled(label, theme.breached())],
        });
    }
    // The desk's thread is slow to answer (a held database, a far server): said
    // at once and never pushed out, so a quiet screen is never mistaken for done.
    if app.work.slow {
        let seconds = app.work.seconds(app.now);
        let text = if app.work.steps > 0 {
            T::SbSaving(lang, seconds)
        } else {
            T::SbWorking(lang, seconds)
        };
        parts.push(Part {
            rank: 0,
            spans: vec![Span::styled(text, theme.warning())],
        });
    }
    // The CEISACare token: its end, or a banner when it is gone (nothing comes
    // back from CEISACare until a new one is pasted).
    if let Some(token) = &app.token {
        use crate::desk::token::TokenState;
        let part = match token {
            TokenState::Valid { until, .. } if *until > app.now && !app.token_refused => Part {
                rank: 4,
                spans: vec![Span::styled(
                    T::SbTokenUntil(
                        lang,
                        until
                            .with_timezone(&app.setup.offset)
                            .format("%H:%M")
                            .to_string(),
                    ),
                    theme.base(),
                )],
            },
            TokenState::Missing => Part {
                rank: 0,
                spans: vec![Span::styled(T::SbTokenMissing.get(lang), theme.breached())],
            },
            _ => Part {
                rank: 0,
                spans: vec![Span::styled(T::SbTokenExpired.get(lang), theme.breached())],
            },
        };
        parts.push(part);
    }
    parts.push(Part {
        rank: 1,
        spans: vec![Span::styled(format!("{clock} WITA"), theme.title())],
    });
    // "On the clock" and "at Dir. IKC" together are the queue's "all open".
    parts.push(Part {
        rank: 2,
        spans: count(c.queue.running, T::SbRunning, theme.base()),
    });
    parts.push(Part {
        rank: 1,
        spans: count(c.queue.breached, T::SbBreached, theme.breached()),
    });
    parts.push(Part {
        rank: 3,
        spans: count(c.due_soon, T::SbDueSoon, theme.warning()),
    });
    // Only when some are owed: a to-do, not a gauge. It waits on the officer, while
    // the reports waiting to be sent go by themselves: it outranks them.
    if c.notices_owed > 0 {
        parts.push(Part {
            rank: 3,
            spans: count(c.notices_owed, T::SbNoticesOwed, theme.warning()),
        });
    }
    parts.push(Part {
        rank: 4,
        spans: count(c.queue.waiting_to_send, T::SbWaiting, theme.base()),
    });
    parts.push(Part {
        rank: 6,
        spans: count(c.queue.waiting_dir_ikc, T::SbAtDirIkc, theme.base()),
    });
    let client = crate::domain::msg::words::client(app.setup.client.as_str(), lang);
    let mut bcare = vec![Span::raw(format!("BCare: {client}"))];
    if app.setup.client != ClientKind::Portal {
        let (text, style) = match app.reachable {
            Some(true) => (T::SbReachable.get(lang), theme.ok()),
            Some(false) => (T::SbUnreachable.get(lang), theme.urgent()),
            None => ("…", theme.muted()),
        };
        bcare.push(Span::raw(" "));
        bcare.push(Span::styled(text, style));
    }
    parts.push(Part {
        // BCare out of reach is news: it stays as long as the counts do.
        rank: if app.reachable == Some(false) { 2 } else { 5 },
        spans: bcare,
    });
    // From 1 October, next year's announcement: a reminder, the first to give way.
    if let Some(notice) = app.setup.calendar_notice.filter(|n| !n.is_alarm()) {
        parts.push(Part {
            rank: 7,
            spans: vec![Span::styled(
                T::SbEnterSkb(lang, notice.year()),
                theme.warning(),
            )],
        });
    }
    bar(frame, area, parts, " · ", theme);
}
