//! What the update says to the officer: the one notice line under the queue.

use crate::tui::app::{App, Notice, Tone};
use crate::tui::i18n::T;

pub(super) fn notice(app: &mut App, tone: Tone, text: String) {
    app.notice = Some(Notice { tone, text });
}

pub(super) fn text(app: &App, key: T) -> &'static str {
    key.get(app.lang())
}
