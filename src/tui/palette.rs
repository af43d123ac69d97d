//! The command palette's list: the commands of the pane under it that match
//! what was typed, best first. Read by the overlay's keys and by its view alike.

use super::app::App;
use super::keymap;
use crate::domain::msg::Lang;

/// The palette's commands for the pane under it, best match first.
pub fn palette_matches(app: &App, query: &str) -> Vec<&'static keymap::Binding> {
    let lang = app.lang();
    // The label in the screen's language scores best, then the other language's,
    // then the action's other words: "selesai", "cancel" and "lapor" all find theirs.
    let score = |b: &keymap::Binding| {
        let other = match lang {
            Lang::Id => Lang::En,
            Lang::En => Lang::Id,
        };
        let words = keymap::keywords(b.action);
        let by_word = query
            .split_whitespace()
            .all(|q| words.split(' ').any(|w| w.starts_with(&q.to_lowercase())))
            .then_some(1)
            .filter(|_| !query.trim().is_empty());
        // A word the officer typed whole ("lapor" for forwarding, "laporan" for the
        // section's report) beats a label it is only the start of.
        let whole = !query.trim().is_empty()
            && query
                .split_whitespace()
                .all(|q| words.split(' ').any(|w| w == q.to_lowercase()));
        [
            fuzzy_score(query, b.label.get(lang)).map(|s| s + 2),
            fuzzy_score(query, b.label.get(other)),
            by_word,
        ]
        .into_iter()
        .flatten()
        .max()
        .map(|s| if whole { s + 100 } else { s })
    };
    // A CEISACare token means nothing to a desk on another client.
    let offered = |b: &&keymap::Binding| b.listed && keymap::offered(b.action, &app.setup);
    let mut scored: Vec<(i32, &'static keymap::Binding)> = keymap::commands(app.pane_scope())
        .into_iter()
        .filter(offered)
        .filter_map(|b| score(b).map(|s| (s, b)))
        .collect();
    scored.sort_by_key(|(s, _)| -s);
    scored.into_iter().map(|(_, b)| b).collect()
}

/// Subsequence match, case-insensitive; consecutive and word-start hits score higher.
pub fn fuzzy_score(query: &str, candidate: &str) -> Option<i32> {
    let cand: Vec<char> = candidate.to_lowercase().chars().collect();
    let mut score = 0;
    let mut pos = 0;
    let mut last: Option<usize> = None;
    for q in query.to_lowercase().chars().filter(|c| !c.is_whitespace()) {
        let found = cand[pos..].iter().position(|c| *c == q)? + pos;
        score += 1;
        if last.is_some_and(|l| l + 1 == found) {
            score += 3;
        }
        if found == 0 || cand[found - 1] == ' ' {
            score += 2;
        }
        last = Some(found);
        pos = found + 1;
    }
    Some(score)
}
