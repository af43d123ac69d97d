//! The queue: open complaints, most urgent first, one page at a time.

use super::super::app::{App, StageFilter};
use super::super::i18n::T;
use super::super::theme::Theme;
use super::layout::{fit, hm, width_of};
use crate::domain::complaint::Stage;
use crate::domain::msg::Lang;
use crate::domain::sla::SlaLevel;
use crate::domain::text::for_terminal;
use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table};

pub fn stage_short(stage: Stage) -> T {
    match stage {
        Stage::Received => T::StageShortReceived,
        Stage::Forwarded => T::StageShortForwarded,
        Stage::Ticketed => T::StageShortTicketed,
        Stage::HandedOver => T::StageShortHandedOver,
        Stage::Resolved => T::StageShortResolved,
        Stage::Cancelled => T::StageShortCancelled,
    }
}

/// Wall-clock age since the complaint reached the office: `25mnt`, `3j`, `2hr`,
/// and past 999 days whole years (`2th`), so that it always fits the five-wide
/// column with its unit, even for a receipt another program wrote in 1900.
pub fn age(lang: Lang, from: DateTime<Utc>, now: DateTime<Utc>) -> String {
    const DAY: i64 = 24 * 60;
    let m = (now - from).num_minutes().max(0);
    if m < 60 {
        format!("{m}{}", T::UnitMin.get(lang))
    } else if m < DAY {
        format!("{}{}", m / 60, T::UnitHour.get(lang))
    } else if m < 1000 * DAY {
        format!("{}{}", m / DAY, T::UnitDay.get(lang))
    } else {
        let years = m / (365 * DAY + DAY / 4);
        if years > 99 {
            format!(">99{}", T::UnitYear.get(lang))
        } else {
            format!("{years}{}", T::UnitYear.get(lang))
        }
    }
}

/// The mark beside a countdown: "!" past half the budget, "‼" past 80 %.
pub fn level_mark(level: SlaLevel) -> &'static str {
    match level {
        SlaLevel::Ok | SlaLevel::Breached => "",
        SlaLevel::Warn50 => "!",
        SlaLevel::Warn80 => "‼",
    }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang();
    let q = &app.queue;
    let filter = match q.filter {
        // With its count, the same number the status bar's parts add up to.
        StageFilter::AllOpen => format!(
            "{} ({})",
            T::FilterAllOpen.get(lang),
            app.counts.queue.running + app.counts.queue.waiting_dir_ikc
        ),
        StageFilter::Only(s) => s.label(lang).to_string(),
        StageFilter::All => T::FilterAll.get(lang).to_string(),
        StageFilter::History => {
            let (from, to) = app.history_dates();
            T::FilterHistory(lang, from, to)
        }
    };
    let room = area.width.saturating_sub(4) as usize;
    // A search shows its own hits, not the stage's count: the title says what is listed.
    let stage = match q.search.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(text) => {
            let hits = if q.more {
                format!("{}+", q.rows.len())
            } else {
                q.rows.len().to_string()
            };
            T::SearchTitle(lang, for_terminal(text), hits)
        }
        None => T::FilterLabel(lang, &filter),
    };
    // The queue's name gives way first: what is shown matters more.
    let mut title = match format!(" {} · {stage} ", T::QueueTitle.get(lang)) {
        t if width_of(t.trim()) <= room => t,
        _ => format!(" {stage} "),
    };
    if !q.previous_pages.is_empty() {
        let page = (q.previous_pages.len() + 1).to_string();
        title.push_str(&format!("· {} ", T::PageMore(lang, &page)));
    }
    // A title wider than the block ends in "…" rather than being cut mid-word.
    let title = format!(" {} ", fit(title.trim(), room));
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(title, theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);

    // The last line says what waits outside the list: a draft, the history's keys.
    let mut below = Vec::new();
    if let Some((draft, _)) = &app.draft {
        let name = for_terminal(draft.name.trim());
        below.push(Line::styled(
            fit(&T::DraftWaits(lang, &name), inner.width as usize),
            theme.warning(),
        ));
    }
    if q.filter == StageFilter::History {
        below.push(Line::styled(T::HistoryHint.get(lang), theme.muted()));
    }
    let [inner, below_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(below.len() as u16)])
            .areas(inner);
    frame.render_widget(Paragraph::new(below), below_area);
    let (search_area, table_area) = if q.search.is_some() {
        let [s, t] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
        (Some(s), t)
    } else {
        (None, inner)
    };
    if let (Some(sa), Some(text)) = (search_area, &q.search) {
        let style = if q.searching {
            theme.focus()
        } else {
            theme.muted()
        };
        let cursor = if q.searching { "▏" } else { "" };
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(T::SearchPrompt.get(lang), style),
                Span::raw(for_terminal(text)),
                Span::styled(cursor, theme.focus()),
            ])),
            sa,
        );
    }

    if q.rows.is_empty() {
        frame.render_widget(
            Paragraph::new(vec![
                Line::raw(""),
                Line::styled(T::QueueEmpty.get(lang), theme.muted()),
                Line::from(vec![
                    Span::styled("n", theme.key()),
                    Span::raw(format!(" {}", T::ANew.get(lang))),
                ]),
            ])
            .centered(),
            table_area,
        );
        return;
    }

    // The stage column is as wide as the language's longest stage name, so none is cut.
    let stage_width = Stage::ALL
        .iter()
        .map(|s| width_of(stage_short(*s).get(lang)))
        .max()
        .unwrap_or(10) as u16;
    let mut fixed = vec![5, stage_width, 8, 14];
    // A narrow queue drops category and age (the detail shows both) before the
    // applicant's name gets fewer than 10 columns.
    let wide = table_area.width as usize >= fixed.iter().sum::<u16>() as usize + 4 + 5 + 10 + 6;
    if wide {
        fixed.extend([4, 5]);
    }
    let room = |fixed: &[u16]| {
        table_area
            .width
            .saturating_sub(fixed.iter().sum::<u16>() + fixed.len() as u16) as usize
    };
    // Still too narrow for a name: whose move goes too (the detail says it).
    let with_move = room(&fixed) >= 12;
    if !with_move {
        fixed.remove(2);
    }
    let name_width = room(&fixed);
    let mut columns = vec![
        T::ColSla,
        T::ColStage,
        T::ColMove,
        T::ColRef,
        T::ColApplicant,
    ];
    if !with_move {
        columns.remove(2);
    }
    let mut widths: Vec<Constraint> = fixed[..columns.len() - 1]
        .iter()
        .map(|w| Constraint::Length(*w))
        .collect();
    widths.push(Constraint::Fill(1));
    if wide {
        columns.extend([T::ColCategory, T::ColAge]);
        widths.extend([Constraint::Length(4), Constraint::Length(5)]);
    }
    let header = Row::new(columns.iter().map(|c| {
        let text = c.get(lang);
        Cell::from(if *c == T::ColApplicant {
            fit(text, name_width)
        } else {
            text.to_string()
        })
    }))
    .style(theme.title());
    let rows = q.rows.iter().enumerate().map(|(i, row)| {
        let c = &row.complaint;
        let (sla_text, sla_style) = match (&row.sla, c.stage.sla_running()) {
            (Some(s), true) if s.level == SlaLevel::Breached => {
                (T::SlaLate.get(lang).to_string(), theme.breached())
            }
            // The level's mark beside the time: levels read without colour too.
            (Some(s), true) => (
                format!("{}{}", hm(s.remaining), level_mark(s.level)),
                theme.sla(s.level),
            ),
            _ => (T::SlaStopped.get(lang).to_string(), theme.muted()),
        };
        let whose = c.stage.whose_move().map(|p| p.label()).unwrap_or("");
        let mut cells = vec![
            Cell::from(Span::styled(sla_text, sla_style)),
            Cell::from(stage_short(c.stage).get(lang)),
        ];
        if with_move {
            cells.push(Cell::from(whose));
        }
        cells.extend([
            Cell::from(c.reference.clone()),
            Cell::from(fit(&picked_name(app, c), name_width)),
        ]);
        if wide {
            cells.push(Cell::from(fit(&for_terminal(&c.details.category), 4)));
            cells.push(Cell::from(age(lang, c.details.received_at, app.now)));
        }
        let r = Row::new(cells);
        if i == q.selected {
            r.style(theme.selected())
        } else if app.picked.contains(&c.reference) {
            r.style(theme.focus())
        } else {
            r
        }
    });
    frame.render_widget(Table::new(rows, widths).header(header), table_area);
}

/// The applicant's name, marked "✓" when the complaint is picked for a bulk step:
/// the mark reads without colour too.
fn picked_name(app: &App, c: &crate::domain::complaint::Complaint) -> String {
    let name = for_terminal(&c.details.applicant.name);
    if app.picked.contains(&c.reference) {
        format!("✓ {name}")
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeDelta, TimeZone};

    #[test]
    fn an_age_always_carries_its_unit_and_fits_its_column() {
        let now = Utc.with_ymd_and_hms(2026, 12, 5, 7, 0, 0).unwrap();
        let ago = |m: i64| now - TimeDelta::minutes(m);
        let day = 24 * 60;
        for (from, id, en) in [
            (ago(25), "25mnt", "25m"),
            (ago(3 * 60), "3j", "3h"),
            (ago(2 * day), "2hr", "2d"),
            (ago(999 * day), "999hr", "999d"),
            (ago(1000 * day), "2th", "2y"),
            // A receipt written in 1900 by another program: years, not 46350 days.
            (
                Utc.with_ymd_and_hms(1900, 1, 1, 0, 0, 0).unwrap(),
                ">99th",
                ">99y",
            ),
            (now + TimeDelta::minutes(3), "0mnt", "0m"),
        ] {
            assert_eq!(age(Lang::Id, from, now), id);
            assert_eq!(age(Lang::En, from, now), en);
        }
        // The column is five wide: every age fits, unit and all.
        for m in (0..200_000_000i64).step_by(99_991) {
            for lang in [Lang::Id, Lang::En] {
                let a = age(lang, ago(m), now);
                assert!(a.chars().count() <= 5, "{a}");
                assert!(!a.ends_with(|c: char| c.is_ascii_digit()), "{a}");
            }
        }
    }
}
