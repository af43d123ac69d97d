//! The help overlay and the command palette, both read from the keymap table.

use super::super::app::{App, Ask};
use super::super::i18n::T;
use super::super::keymap::{self, KEYMAP, key_label};
use super::super::palette::palette_matches;
use super::super::scope::Scope;
use super::super::theme::Theme;
use super::layout::centered;
use crate::domain::text::for_terminal;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

/// Help for where the officer is: the pane's keys, then the ones that work anywhere.
pub fn draw_help(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang();
    let popup = centered(area, 90, 90);
    frame.render_widget(Clear, popup);
    let block = Block::default().borders(Borders::ALL).title(Span::styled(
        format!(" {} ", T::HelpTitle.get(lang)),
        theme.title(),
    ));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    // Two columns: the pane's own keys, then the ones that work anywhere.
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(inner);
    let mut pane = section(app.pane_scope(), app, theme);
    let mut global = section(Scope::Global, app, theme);
    if pane.len() > inner.height as usize {
        let overflow = pane.split_off(inner.height as usize);
        global.splice(0..0, overflow.into_iter().chain([Line::raw("")]));
    }
    global.push(Line::raw(""));
    global.push(Line::styled(T::HelpMore.get(lang), theme.muted()));
    global.push(Line::styled(T::HelpClose.get(lang), theme.muted()));
    frame.render_widget(Paragraph::new(pane), left);
    frame.render_widget(Paragraph::new(global), right);
}

/// One scope's keys, an action's several keys on one line.
fn section(scope: Scope, app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let lang = app.lang();
    let mut lines = vec![Line::styled(scope.label().get(lang), theme.title())];
    let mut seen: Vec<(keymap::Binding, String)> = Vec::new();
    let offered = |b: &&keymap::Binding| keymap::offered(b.action, &app.setup);
    for b in KEYMAP.iter().filter(|b| b.scope == scope).filter(offered) {
        if !b.listed {
            continue;
        }
        match seen.iter_mut().find(|(s, _)| s.action == b.action) {
            Some((_, keys)) => {
                keys.push_str(" / ");
                keys.push_str(&key_label(b.code, b.mods, lang));
            }
            None => seen.push((*b, key_label(b.code, b.mods, lang))),
        }
    }
    for (b, keys) in seen {
        lines.push(Line::from(vec![
            Span::styled(format!(" {keys:<10}"), theme.key()),
            Span::raw(b.label.get(lang)),
        ]));
    }
    lines
}

pub fn draw_palette(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    query: &str,
    selected: usize,
    theme: &Theme,
) {
    let lang = app.lang();
    let popup = centered(area, 60, 60);
    frame.render_widget(Clear, popup);
    let mut lines = vec![
        Line::from(vec![
            Span::styled(": ", theme.key()),
            Span::raw(query.to_string()),
            Span::styled("▏", theme.focus()),
        ]),
        Line::raw(""),
    ];
    let matches = palette_matches(app, query);
    if matches.is_empty() {
        lines.push(Line::styled(T::PaletteEmpty.get(lang), theme.muted()));
    }
    for (i, b) in matches.iter().enumerate() {
        let line = Line::from(vec![
            Span::raw(format!("{:<28}", b.label.get(lang))),
            Span::styled(key_label(b.code, b.mods, lang), theme.key()),
        ]);
        lines.push(if i == selected {
            line.style(theme.selected())
        } else {
            line
        });
    }
    frame.render_widget(
        Paragraph::new(lines).block(Block::default().borders(Borders::ALL).title(Span::styled(
            format!(" {} ", T::PaletteTitle.get(lang)),
            theme.title(),
        ))),
        popup,
    );
}

/// A question before something that cannot be undone, with its keys in the text.
pub fn draw_question(frame: &mut Frame, area: Rect, app: &App, ask: &Ask, theme: &Theme) {
    let lang = app.lang();
    let question = match ask {
        Ask::DropEdits => T::AskDropEdits.get(lang).to_string(),
        Ask::DiscardForm => T::AskDiscardForm.get(lang).to_string(),
        Ask::Draft { name, saved_at } => T::AskDraft(lang, name, saved_at),
        Ask::ReplaceTicket {
            current,
            from_bcare,
            new,
        } => {
            let whose = if *from_bcare {
                T::AskFromBcare.get(lang)
            } else {
                ""
            };
            T::AskReplace(lang, for_terminal(current), whose, for_terminal(new))
        }
    };
    let popup = centered(area, 70, 40);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(Line::styled(question, theme.warning()))
            .wrap(Wrap { trim: true })
            .block(Block::default().borders(Borders::ALL).title(Span::styled(
                format!(" {} ", T::AskTitle.get(lang)),
                theme.title(),
            ))),
        popup,
    );
}

/// The new CEISACare token being pasted: only how long it is, never the token.
pub fn draw_token(frame: &mut Frame, area: Rect, app: &App, pasted: &str, theme: &Theme) {
    let lang = app.lang();
    let mut lines = vec![Line::raw(T::TokenAsk.get(lang))];
    if !pasted.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            T::TokenPasted(lang, pasted.chars().count().to_string()),
            theme.ok(),
        ));
    }
    let popup = centered(area, 70, 40);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).block(
            Block::default().borders(Borders::ALL).title(Span::styled(
                format!(" {} ", T::TokenTitle.get(lang)),
                theme.title(),
            )),
        ),
        popup,
    );
}
