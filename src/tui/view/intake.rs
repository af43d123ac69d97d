//! The intake form beside its category's guide. Errors show under the field they
//! are about; the focused field is the live text area.

use super::super::action::Action;
use super::super::app::App;
use super::super::form::{Field, IntakeState};
use super::super::i18n::T;
use super::super::keymap;
use super::super::scope::Scope;
use super::super::theme::Theme;
use crate::domain::category::Category;
use crate::domain::msg::Lang;
use crate::domain::text::for_terminal;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

const LABEL_WIDTH: u16 = 19;
const DESCRIPTION_ROWS: u16 = 4;

/// An error under its field, wrapped at word boundaries to the form's width.
fn error_lines(form: &IntakeState, f: Field, width: u16) -> Vec<String> {
    form.errors
        .get(f.key())
        .map(|e| super::layout::wrap_words(&format!("↳ {}", for_terminal(e)), width as usize))
        .unwrap_or_default()
}

/// How many rows the description may grow to when the form has room: a
/// wrapped description shows whole rather than scrolled.
const DESCRIPTION_ROWS_MAX: u16 = 10;

fn rows(f: Field, description: u16) -> u16 {
    if f.is_multiline() { description } else { 1 }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, form: &IntakeState, theme: &Theme) {
    let lang = app.lang();
    let cats = &app.setup.categories;
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(62), Constraint::Percentage(38)]).areas(area);
    let block = Block::default().borders(Borders::ALL).title(Span::styled(
        format!(" {} ", T::IntakeTitle.get(lang)),
        theme.title(),
    ));
    let inner = block.inner(left);
    frame.render_widget(block, left);
    let cat = form.category.and_then(|i| cats.all().get(i));
    let fields = form.visible(cats);
    let err_width = inner.width.saturating_sub(2);

    // The last line says what the extra key does; the fields get the rest.
    let [fields_area, extras_line] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);

    // Scroll so the focused field is on screen.
    let errors = |f: Field| error_lines(form, f, err_width).len() as u16;
    let at_least: u16 = fields
        .iter()
        .map(|f| rows(*f, DESCRIPTION_ROWS) + errors(*f))
        .sum();
    let spare = fields_area.height.saturating_sub(at_least);
    // As many rows as the wrapped description needs, within the room there is.
    let value_width = inner.width.saturating_sub(LABEL_WIDTH) as usize;
    let needed: usize = form
        .text(Field::Description)
        .split('\n')
        .map(|l| super::layout::wrap_words(l, value_width).len().max(1))
        .sum();
    let description = (needed as u16)
        .clamp(DESCRIPTION_ROWS, DESCRIPTION_ROWS_MAX)
        .min(DESCRIPTION_ROWS + spare);
    let heights: Vec<u16> = fields
        .iter()
        .map(|f| rows(*f, description) + errors(*f))
        .collect();
    let at = fields.iter().position(|f| *f == form.focus).unwrap_or(0);
    let mut first = 0;
    while heights[first..=at].iter().sum::<u16>() > fields_area.height && first < at {
        first += 1;
    }
    let mut y = fields_area.y;
    let bottom = fields_area.y + fields_area.height;
    for (i, f) in fields.iter().copied().enumerate().skip(first) {
        if y + heights[i] > bottom {
            break;
        }
        let focused = f == form.focus;
        let label_area = Rect::new(inner.x, y, LABEL_WIDTH.min(inner.width), 1);
        let value_area = Rect::new(
            inner.x + LABEL_WIDTH,
            y,
            inner.width.saturating_sub(LABEL_WIDTH),
            rows(f, description),
        );
        let mark = if form.required(f, cats) { "*" } else { " " };
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
        // Filled from the caller's message, not yet passed: marked beside its label.
        if form.marked.contains(&f) && LABEL_WIDTH < inner.width {
            let at = Rect::new(inner.x + LABEL_WIDTH - 2, y, 1, 1);
            frame.render_widget(Paragraph::new(Span::styled("◆", theme.info())), at);
        }
        if f.is_choice() {
            let value = match f {
                Field::Kind => form.kind.map(|k| k.label(lang).to_string()),
                Field::Channel => form.channel.map(|c| c.label(lang).to_string()),
                _ => cat.map(|c| format!("{} — {}", c.code, c.name(lang))),
            };
            // The focused value keeps room for its ‹ › marks.
            let room = value_area.width as usize - if focused { 4 } else { 0 };
            let value = value.map(|v| super::layout::fit(&v, room));
            let line = match (value, focused) {
                (Some(v), true) => Line::from(vec![
                    Span::styled("‹ ", theme.key()),
                    Span::styled(v, theme.focus()),
                    Span::styled(" ›", theme.key()),
                ]),
                (Some(v), false) => Line::raw(v),
                (None, true) => Line::styled(T::ChoiceType.get(lang), theme.muted()),
                (None, false) => Line::styled(T::ChoiceNone.get(lang), theme.muted()),
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
            } else if f.is_multiline() {
                Paragraph::new(for_terminal(&text)).wrap(Wrap { trim: false })
            } else {
                Paragraph::new(super::layout::fit(
                    &for_terminal(&text),
                    value_area.width as usize,
                ))
            };
            frame.render_widget(para, value_area);
        }
        for (n, line) in error_lines(form, f, err_width).into_iter().enumerate() {
            let err_area = Rect::new(
                inner.x + 2,
                y + rows(f, description) + n as u16,
                err_width,
                1,
            );
            frame.render_widget(Paragraph::new(Span::styled(line, theme.error())), err_area);
        }
        y += heights[i];
    }
    let extras = if !form.marked.is_empty() {
        let undo = keymap::key_for(Scope::Intake, Action::UndoFill, lang);
        T::FilledHint(lang, &undo)
    } else if form.is_blank() {
        // The fastest way in: say it where the officer looks first.
        let read = keymap::key_for(Scope::Intake, Action::ReadMessage, lang);
        T::PasteHint(lang, &read)
    } else if form.focus.is_multiline() {
        T::NewLineHint.get(lang).to_string()
    } else if form.extras {
        T::ExtrasShown.get(lang).to_string()
    } else {
        T::ExtrasHidden.get(lang).to_string()
    };
    frame.render_widget(
        Paragraph::new(Line::styled(
            super::layout::fit(&extras, extras_line.width as usize),
            theme.muted(),
        )),
        extras_line,
    );
    if form.focus.is_choice() {
        choices(frame, right, app, form, theme);
    } else {
        guide(frame, right, app, cat, theme);
    }
}

/// The options of the focused choice field, numbered: a digit or a name's start picks.
fn choices(frame: &mut Frame, area: Rect, app: &App, form: &IntakeState, theme: &Theme) {
    let lang = app.lang();
    let block = Block::default().borders(Borders::ALL).title(Span::styled(
        format!(" {} ", T::ChoicesTitle.get(lang)),
        theme.title(),
    ));
    let chosen = form.chosen(form.focus);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    // One line per option, its name ending in "…" when long; the how-to below.
    let how_to = super::layout::wrap_words(T::ChoiceHowTo.get(lang), width);
    let rows = (inner.height as usize)
        .saturating_sub(how_to.len() + 1)
        .max(1);
    let options = IntakeState::options(form.focus, &app.setup.categories);
    // Scroll so the chosen option is on screen.
    let first = chosen.map_or(0, |c| (c + 1).saturating_sub(rows));
    let mut lines: Vec<Line> = options
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .map(|(i, o)| {
            let name = match (form.focus, lang) {
                (Field::Category, Lang::Id) => format!("{} {}", o[0], o[1]),
                (Field::Category, Lang::En) => format!("{} {}", o[0], o[2]),
                (_, Lang::Id) => o[1].clone(),
                (_, Lang::En) => o[2].clone(),
            };
            let number = format!("{:>2} ", i + 1);
            let room = width.saturating_sub(1 + number.len());
            let text = format!("{number}{}", super::layout::fit(&name, room));
            if chosen == Some(i) {
                Line::styled(format!("›{text}"), theme.focus())
            } else {
                Line::raw(format!(" {text}"))
            }
        })
        .collect();
    lines.push(Line::raw(""));
    lines.extend(how_to.into_iter().map(|l| Line::styled(l, theme.muted())));
    frame.render_widget(Paragraph::new(lines), inner);
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
        // Named as on the form, not by their keys.
        let req: Vec<&str> = cat
            .requires
            .iter()
            .filter_map(|d| Field::ORDER.iter().find(|f| f.key() == d.field()))
            .map(|f| f.label().get(lang))
            .collect();
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
