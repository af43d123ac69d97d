//! CEISACare's words for a complaint: the katalog and the masalah the report is
//! proposed under, from the desk's category, the document type and the problem's
//! words. A proposal only: the officer may file otherwise in the web form.

use crate::domain::category::{Category, KnownMasalah};

/// Where CEISACare's form files the complaint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filing {
    pub katalog: String,
    /// "probis - masalah", e.g. "PIB - Status Stuck Validasi".
    pub masalah: String,
}

/// What a matching document type weighs, as much as a long word: a CK-5 alone
/// points to the CK-5 masalah.
const DOC_TYPE_WEIGHT: usize = 10;

/// The katalog and masalah for a complaint of `category` about `doc_type`, whose
/// subject, description and document status are `text`. The known masalah the
/// complaint points to most wins (its words found, longer words weighing more, and
/// its document type); ties go to the one listed first; none: the category's own.
pub fn propose(category: &Category, doc_type: Option<&str>, text: &str) -> Filing {
    let text = words_of(text);
    let doc = doc_type.map(doc_key).filter(|d| !d.is_empty());
    let mut best: Option<(usize, &KnownMasalah)> = None;
    for k in &category.known_masalah {
        let Some(score) = score(k, doc.as_deref(), &text) else {
            continue;
        };
        if score > 0 && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, k));
        }
    }
    match best {
        Some((_, k)) => Filing {
            katalog: k
                .katalog
                .clone()
                .unwrap_or_else(|| category.katalog.clone()),
            masalah: k.masalah.clone(),
        },
        None => Filing {
            katalog: category.katalog.clone(),
            masalah: category.masalah.clone(),
        },
    }
}

/// How much the complaint points to `k`; `None` when it names another document type.
fn score(k: &KnownMasalah, doc: Option<&str>, text: &str) -> Option<usize> {
    let doc_weight = match doc {
        Some(d) if !k.doc_types.is_empty() => {
            if !k.doc_types.iter().any(|t| d.starts_with(&doc_key(t))) {
                return None;
            }
            DOC_TYPE_WEIGHT
        }
        _ => 0,
    };
    let words: usize = k
        .words
        .iter()
        .map(|w| words_of(w))
        .filter(|w| !w.trim().is_empty())
        .filter(|w| text.contains(w.as_str()))
        .map(|w| w.trim().chars().count())
        .sum();
    Some(words + doc_weight)
}

/// Lower-case letters and digits, every other run of characters one space, with a
/// space at each end: " ck 5 stuck validasi ", so a word is found whole.
fn words_of(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push(' ');
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

/// A document type as its letters and digits ("BC 2.5" → "BC25", "CK-5" → "CK5");
/// a bare number is a BC form ("2.5" → "BC25"), as applicants often write it.
fn doc_key(s: &str) -> String {
    let key: String = s
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if key.starts_with(|c: char| c.is_ascii_digit()) {
        format!("BC{key}")
    } else {
        key
    }
}

#[cfg(test)]
mod tests;
