//! What the update says to the officer: the one notice line under the queue.

use crate::tui::app::{App, Notice, Tone};
use crate::tui::i18n::T;

/// Says `text` in the notice line, in its tone, until something else is said.
pub(super) fn notice(app: &mut App, tone: Tone, text: String) {
    app.notice = Some(Notice { tone, text });
}

/// The catalog's words for `key` in the screen's language.
pub(super) fn text(app: &App, key: T) -> &'static str {
    key.get(app.lang())
}
