//! Keys as text: a plain character, a one-line edit, a one-line text area.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{CursorMove, TextArea};

/// The character of a key pressed without Ctrl or Alt.
pub(super) fn is_plain_char(key: &KeyEvent) -> Option<char> {
    match key.code {
        KeyCode::Char(c)
            if !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(c)
        }
        _ => None,
    }
}

/// Edits a one-line string the way a search box does.
pub(super) fn edit_line(s: &mut String, key: &KeyEvent) -> bool {
    if let Some(c) = is_plain_char(key) {
        s.push(c);
        return true;
    }
    match key.code {
        KeyCode::Backspace => s.pop().is_some(),
        KeyCode::Char('u') if key.modifiers.contains(KeyModifiers::CONTROL) => {
            s.clear();
            true
        }
        _ => false,
    }
}

/// A one-line text area holding `value`, the cursor at its end.
pub(super) fn single_line(value: &str) -> TextArea<'static> {
    let mut ta = TextArea::new(vec![value.to_string()]);
    ta.move_cursor(CursorMove::End);
    ta
}
