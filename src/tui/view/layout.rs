//! Fitting words to the columns there are: display widths, cuts marked with "…"
//! (never a word broken without a mark), wrapping at spaces, one-line bars that
//! give way part by part, centred boxes, and remaining time as `h:mm`.

use super::super::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// A rectangle of `pct_x`% × `pct_y`% centred in `area`.
pub fn centered(area: Rect, pct_x: u16, pct_y: u16) -> Rect {
    let [_, v, _] = Layout::vertical([
        Constraint::Percentage((100 - pct_y) / 2),
        Constraint::Percentage(pct_y),
        Constraint::Percentage((100 - pct_y) / 2),
    ])
    .areas(area);
    let [_, h, _] = Layout::horizontal([
        Constraint::Percentage((100 - pct_x) / 2),
        Constraint::Percentage(pct_x),
        Constraint::Percentage((100 - pct_x) / 2),
    ])
    .areas(v);
    h
}

/// The display width of a string (as ratatui counts it).
pub fn width_of(text: &str) -> usize {
    ratatui::text::Span::raw(text).width()
}

/// Text that fits `width` columns: cut after the last whole word that fits, and the
/// cut marked with "…" — never a word broken without a mark.
pub fn fit(text: &str, width: usize) -> String {
    if width_of(text) <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    for word in text.split(' ') {
        let candidate = if out.is_empty() {
            word.to_string()
        } else {
            format!("{out} {word}")
        };
        if width_of(&candidate) + 1 > width {
            break;
        }
        out = candidate;
    }
    if out.is_empty() {
        // One long word (a reference, a number): keep its start, marked.
        out = text.chars().take(width - 1).collect();
        while width_of(&out) + 1 > width {
            out.pop();
        }
    }
    format!("{}…", out.trim_end())
}

/// One part of a one-line bar: shown whole or not at all.
pub struct Part<'a> {
    /// Lower numbers matter more: they are the last to go.
    pub rank: u8,
    pub spans: Vec<Span<'a>>,
}

/// Lays out the parts that fit `area`, in their order, dropping the least important
/// part whole until the rest fits; parts are `gap` columns apart.
pub fn bar(frame: &mut Frame, area: Rect, parts: Vec<Part>, gap: &str, theme: &Theme) {
    let width = |p: &Part| p.spans.iter().map(|s| s.width()).sum::<usize>();
    let mut keep: Vec<bool> = vec![true; parts.len()];
    loop {
        let kept: Vec<usize> = (0..parts.len()).filter(|i| keep[*i]).collect();
        let total: usize = kept.iter().map(|i| width(&parts[*i])).sum::<usize>()
            + width_of(gap) * kept.len().saturating_sub(1);
        if total <= area.width as usize {
            break;
        }
        // The least important part that is still shown; the later one among equals.
        let Some(drop) = kept.iter().copied().max_by_key(|i| (parts[*i].rank, *i)) else {
            break;
        };
        keep[drop] = false;
    }
    let mut shown: Vec<Vec<Span>> = Vec::new();
    for (i, p) in parts.into_iter().enumerate() {
        if keep[i] {
            if !shown.is_empty() {
                shown.push(vec![Span::styled(gap.to_string(), theme.muted())]);
            }
            shown.push(p.spans);
        }
    }
    let constraints: Vec<Constraint> = shown
        .iter()
        .map(|spans| Constraint::Length(spans.iter().map(|s| s.width()).sum::<usize>() as u16))
        .chain([Constraint::Fill(1)])
        .collect();
    let areas = Layout::horizontal(constraints).split(area);
    for (spans, a) in shown.into_iter().zip(areas.iter()) {
        frame.render_widget(Paragraph::new(Line::from(spans)), *a);
    }
}

/// Splits text into lines of at most `width` columns at spaces; a word longer than
/// a line is broken (the only case a word is cut).
pub fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let w = |s: &str| ratatui::text::Span::raw(s).width();
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let needed = if line.is_empty() {
            w(word)
        } else {
            w(&line) + 1 + w(word)
        };
        if needed > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
        while w(&line) > width {
            let cut: String = line.chars().take(width).collect();
            let rest: String = line.chars().skip(cut.chars().count()).collect();
            lines.push(cut);
            line = rest;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Remaining working time as `h:mm`.
pub fn hm(d: chrono::TimeDelta) -> String {
    let m = d.num_minutes().max(0);
    format!("{}:{:02}", m / 60, m % 60)
}
