//! The intake form beside its category's guide. Errors show under the field they
//! are about; the focused field is the live text area.

use super::super::app::App;
use super::super::form::{Field, IntakeState};
use super::super::i18n::T;
use super::super::theme::Theme;
use crate::domain::category::Category;
use crate::domain::text::for_terminal;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

const LABEL_WIDTH: u16 = 19;
const DESCRIPTION_ROWS: u16 = 4;

/// Always required, whatever the category.
const REQUIRED: [Field; 6] = [
    Field::Kind,
    Field::Name,
    Field::Channel,
    Field::Category,
    Field::Subject,
    Field::Description,
];

fn required(f: Field, cat: Option<&Category>) -> bool {
    REQUIRED.contains(&f) || cat.is_some_and(|c| c.requires.iter().any(|d| d.field() == f.key()))
}

fn height(f: Field, form: &IntakeState) -> u16 {
    let base = if f.is_multiline() {
        DESCRIPTION_ROWS
    } else {
        1
    };
    base + u16::from(form.errors.contains_key(f.key()))
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, form: &IntakeState, theme: &Theme) {
    let lang = app.lang();
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(62), Constraint::Percentage(38)]).areas(area);
    let block = Block::default().borders(Borders::ALL).title(Span::styled(
        format!(" {} ", T::IntakeTitle.get(lang)),
        theme.title(),
    ));
    let inner = block.inner(left);
    frame.render_widget(block, left);
    let cat = form
        .category
        .and_then(|i| app.setup.categories.all().get(i));

    // Scroll so the focused field is on screen.
    let heights: Vec<u16> = Field::ORDER.iter().map(|f| height(*f, form)).collect();
    let mut first = 0;
    while heights[first..=form.focus].iter().sum::<u16>() > inner.height && first < form.focus {
        first += 1;
    }
    let mut y = inner.y;
    for (i, f) in Field::ORDER.iter().copied().enumerate().skip(first) {
        let h = heights[i];
        if y + h > inner.y + inner.height {
            break;
        }
        let focused = i == form.focus;
        let rows = if f.is_multiline() {
            DESCRIPTION_ROWS
        } else {
            1
        };
        let label_area = Rect::new(inner.x, y, LABEL_WIDTH.min(inner.width), 1);
        let value_area = Rect::new(
            inner.x + LABEL_WIDTH,
            y,
            inner.width.saturating_sub(LABEL_WIDTH),
            rows,
        );
        let mark = if required(f, cat) { "*" } else { " " };
        let label_style = if focused {
            theme.focus()
        } else if form.errors.contains_key(f.key()) {
            theme.error()
        } else {
            theme.muted()
        };
        frame.render_widget(
            Paragraph::new(Span::styled(
                format!("{mark}{}", f.label().get(lang)),
                label_style,
            )),
            label_area,
        );
        if f.is_choice() {
            let value = match f {
                Field::Kind => form.kind.map(|k| k.label(lang).to_string()),
                Field::Channel => form.channel.map(|c| c.label(lang).to_string()),
                _ => cat.map(|c| format!("{} — {}", c.code, c.name(lang))),
            };
            let line = match (value, focused) {
                (Some(v), true) => Line::from(vec![
                    Span::styled("‹ ", theme.key()),
                    Span::styled(v, theme.focus()),
                    Span::styled(" ›", theme.key()),
                ]),
                (Some(v), false) => Line::raw(v),
                (None, _) => Line::styled(T::ChoiceNone.get(lang), theme.muted()),
            };
            frame.render_widget(Paragraph::new(line), value_area);
        } else if focused {
            if let Some(ta) = form.textarea(f) {
                frame.render_widget(ta, value_area);
            }
        } else {
            let text = form.text(f);
            let para = if text.is_empty() && f.is_list() {
                Paragraph::new(Line::styled(T::ManyHint.get(lang), theme.muted()))
            } else {
                Paragraph::new(for_terminal(&text))
            };
            frame.render_widget(para, value_area);
        }
        if let Some(err) = form.errors.get(f.key()) {
            let err_area = Rect::new(
                inner.x + LABEL_WIDTH,
                y + rows,
                inner.width.saturating_sub(LABEL_WIDTH),
                1,
            );
            frame.render_widget(
                Paragraph::new(Span::styled(
                    format!("↳ {}", for_terminal(err)),
                    theme.error(),
                )),
                err_area,
            );
        }
        y += h;
    }
    guide(frame, right, app, cat, theme);
}

fn guide(frame: &mut Frame, area: Rect, app: &App, cat: Option<&Category>, theme: &Theme) {
    let lang = app.lang();
    let block = Block::default().borders(Borders::ALL).title(Span::styled(
        format!(" {} ", T::GuideTitle.get(lang)),
        theme.title(),
    ));
    let Some(cat) = cat else {
        frame.render_widget(
            Paragraph::new(Line::styled(T::GuideNoCategory.get(lang), theme.muted()))
                .wrap(Wrap { trim: true })
                .block(block),
            area,
        );
        return;
    };
    let (collect, checks, escalate) = cat.guide.parts(lang);
    let mut lines = vec![
        Line::styled(format!("{} — {}", cat.code, cat.name(lang)), theme.title()),
        Line::raw(""),
    ];
    if !cat.requires.is_empty() {
        let req: Vec<&str> = cat.requires.iter().map(|d| d.field()).collect();
        lines.push(Line::from(vec![
            Span::styled(format!("{}: ", T::GuideRequires.get(lang)), theme.warning()),
            Span::raw(req.join(", ")),
        ]));
    }
    for (label, text) in [
        (T::GuideCollect, collect),
        (T::GuideChecks, checks),
        (T::GuideEscalate, escalate),
    ] {
        lines.push(Line::styled(label.get(lang), theme.info()));
        lines.push(Line::raw(text.to_string()));
    }
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).block(block),
        area,
    );
}
