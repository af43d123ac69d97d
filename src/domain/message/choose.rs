//! Choosing a message's category, in the trade's order: a payment or an
//! exchange that itself fails (see [`trade::problem_itself`]); then a phrase
//! that settles it (a login that fails, a missing menu, role or document
//! choice, a registration), even in a template; then the template's "Jenis
//! Dokumen" line; then the documents and trade words the message names (the
//! category most of them belong to, the first on a tie: "SPPB" in a BC 2.3
//! text stays a BC 2.3); then the document code of its nomor aju; then the
//! keywords, when one category clearly leads. A complaint that names a
//! problem but nothing of the trade is "LAIN".

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::found::{CategoryProposal, Found, found};
use super::trade;
use crate::domain::category::Categories;

/// The category (when one is clear) and every category the message points
/// to, the chosen one first.
pub(super) fn category(
    text: &str,
    aju: &[Found],
    categories: &Categories,
) -> (Option<CategoryProposal>, Vec<CategoryProposal>) {
    let scored = keyword_scores(text, categories);
    let leads = match scored.as_slice() {
        [] => false,
        [_] => true,
        [a, b, ..] => a.0 > b.0,
    };
    let mut hints: Vec<CategoryProposal> = scored.into_iter().map(|(_, c)| c).collect();
    let chosen = match decided(text, aju) {
        Some(c) => {
            hints.retain(|h| h.code != c.code);
            hints.insert(0, c.clone());
            Some(c)
        }
        None if leads => hints.first().cloned(),
        // Two kinds of problem and nothing to choose: the officer decides.
        None if !hints.is_empty() => None,
        None => excise_company(text)
            .or_else(|| account_given(text))
            .or_else(|| fallback(text)),
    };
    // A category the office's file does not know is not proposed.
    let chosen = chosen.filter(|c| categories.get(&c.code).is_some());
    (chosen, hints)
}

fn because(text: &str, code: &str, spans: Vec<Range<usize>>) -> CategoryProposal {
    CategoryProposal {
        code: code.to_string(),
        words: spans
            .into_iter()
            .map(|s| found(text, text[s.clone()].to_lowercase(), s))
            .collect(),
    }
}

/// The category the trade's order settles, before any keyword is counted.
fn decided(text: &str, aju: &[Found]) -> Option<CategoryProposal> {
    if let Some((code, span)) = trade::problem_itself(text) {
        return Some(because(text, code, vec![span]));
    }
    // A login that fails or an account without access is the account's
    // even in a template that names a document ("Jenis dokumen: BC 3.3 …
    // tidak punya otorisasi untuk create dokumen BC 3.3").
    if let Some((code, span)) = trade::settling_phrase(text) {
        return Some(because(text, code, vec![span]));
    }
    if let Some(m) = trade::template_document(text) {
        return Some(because(text, m.category, vec![m.span]));
    }
    let mentions = trade::mentions(text);
    if let Some(code) = majority(mentions.iter().map(|m| m.category)) {
        let spans = mentions
            .into_iter()
            .filter(|m| m.category == code)
            .map(|m| m.span)
            .collect();
        return Some(because(text, code, spans));
    }
    if let Some(code) = majority(aju.iter().filter_map(|a| trade::aju_category(&a.value))) {
        let spans = aju
            .iter()
            .filter(|a| trade::aju_category(&a.value) == Some(code))
            .map(|a| a.span.clone())
            .collect();
        return Some(because(text, code, spans));
    }
    None
}

/// A complaint that names nothing else but gives an NPPBKC (or the NPPP of
/// an excise-free user's factory) comes from an excise company about its
/// excise work.
fn excise_company(text: &str) -> Option<CategoryProposal> {
    static NPPBKC: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)\b(?:nppbkc|nppp)\b").expect("nppbkc regex"));
    let m = NPPBKC.find(text)?;
    fallback(text)?;
    Some(because(text, "CUK", vec![m.range()]))
}

/// A message that names nothing else but gives an account's user name or
/// password ("USER NAME : … PASSWORD : …") is about that account.
fn account_given(text: &str) -> Option<CategoryProposal> {
    static ACCOUNT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:user[ \t_-]?name|user[ \t_-]?id|password)[ \t]*:")
            .expect("account label regex")
    });
    let m = ACCOUNT.find(text)?;
    Some(because(text, "AKUN", vec![m.range()]))
}

/// A complaint ("kendala", "error", "gagal", "tidak bisa", "mohon bantuan")
/// that names nothing of the trade is filed as "other".
fn fallback(text: &str) -> Option<CategoryProposal> {
    static PROBLEM: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\b(?:kendala|error|eror|gagal|tidak[ \t]+bisa|tidak[ \t]+dapat|tidak[ \t]+muncul|mohon[ \t]+(?:bantuan|dibantu)|problem|masalah|bug)",
        )
        .expect("problem regex")
    });
    PROBLEM
        .find(text)
        .map(|m| because(text, "LAIN", vec![m.range()]))
}

/// Each category's keyword hits, weighed: a document's name ("PIB", "BC
/// 2.3") half a problem word, a keyword used as a label ("Username :",
/// "NPPBKC: 0713…") nothing — it names an identifier, not the problem.
fn keyword_scores(text: &str, categories: &Categories) -> Vec<(usize, CategoryProposal)> {
    let mut scored: Vec<(usize, CategoryProposal)> = categories
        .keyword_hits(text)
        .into_iter()
        .filter_map(|h| {
            let words: Vec<Found> = h
                .spans
                .iter()
                .filter(|s| !is_label_word(text, s))
                .map(|s| found(text, text[s.clone()].to_lowercase(), s.clone()))
                .collect();
            let score: usize = words
                .iter()
                .map(|w| if trade::is_doc_name(&w.from) { 1 } else { 2 })
                .sum();
            (score > 0).then_some((
                score,
                CategoryProposal {
                    code: h.code,
                    words,
                },
            ))
        })
        .collect();
    // Stable: equal scores keep the file's order.
    scored.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
    scored
}

/// A word followed by ":"/"=" or a number labels a value ("User : budi",
/// "NPPBKC 0713…"), also with "name"/"id" between ("User Name : budi").
/// The number of a template's next line ("… ke DJA 4. Status") labels nothing.
fn is_label_word(text: &str, span: &Range<usize>) -> bool {
    static NAME: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)^[ \t]*(?:name|id)\b").expect("name regex"));
    let rest = &text[span.end..];
    let rest = NAME.find(rest).map_or(rest, |m| &rest[m.end()..]);
    let rest = rest.trim_start_matches([' ', '\t', '.', '/']);
    rest.starts_with([':', '='])
        || rest.starts_with(|c: char| c.is_ascii_digit()) && !trade::starts_a_list_item(rest)
}

/// The value most items have; the first of them on a tie.
fn majority<'a>(items: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for it in items {
        match counts.iter_mut().find(|(c, _)| *c == it) {
            Some((_, n)) => *n += 1,
            None => counts.push((it, 1)),
        }
    }
    let best = counts.iter().map(|(_, n)| *n).max()?;
    counts.into_iter().find(|(_, n)| *n == best).map(|(c, _)| c)
}
