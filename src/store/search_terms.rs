//! What the officer typed into the search box, as the words and identifiers both
//! backends match: the same words, so the same complaints are found.

use crate::domain::validate;

/// The words of the text: runs of letters and digits, at most 12 (the split the
/// stored text gets in both indexes).
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(12)
}

/// The end of a nomor aju typed alone: 6 to 14 digits (separators ignored), its
/// serial number or the date and serial. A search matches it at the end of a
/// stored nomor aju, which no word index does (both match the start of words).
pub fn aju_tail(text: &str) -> Option<String> {
    let t: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, '-' | '.' | ' '))
        .collect();
    ((AJU_TAIL_MIN..=AJU_TAIL_MAX).contains(&t.len()) && t.chars().all(|c| c.is_ascii_digit()))
        .then_some(t)
}

/// The fewest last digits of a nomor aju that find it: its serial number.
pub const AJU_TAIL_MIN: usize = 6;
/// The most: the date and the serial. Longer is typed from the start, and an NPWP
/// (15 or 16 digits) searched for the same caller at intake reads no column.
pub const AJU_TAIL_MAX: usize = 14;

/// The stored forms an identifier typed here may have: the phone as `validate::phone`
/// stores it ("+62…", indexed without the plus), and the text without separators
/// (a nomor aju, an NPWP), upper-cased as the nomor aju validator does. Only for
/// text of digits, letters and separators with at least four digits.
pub fn identifier_forms(text: &str) -> Vec<String> {
    let t = text.trim();
    let separators = |c: char| matches!(c, '-' | '.' | ' ' | '(' | ')' | '/' | '+');
    if !t
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || separators(c))
        || t.chars().filter(char::is_ascii_digit).count() < 4
    {
        return Vec::new();
    }
    let joined: String = t
        .chars()
        .filter(|c| !separators(*c))
        .collect::<String>()
        .to_ascii_uppercase();
    let mut forms = Vec::new();
    if joined.chars().all(|c| c.is_ascii_digit()) {
        if let Ok(phone) = validate::phone(t) {
            forms.push(phone.trim_start_matches('+').to_string());
        } else if let Some(national) = joined.strip_prefix('0') {
            // A phone typed only in part: "0812-34" is the start of "+62812 34…".
            forms.push(format!("62{national}"));
        }
        if let Ok(npwp) = validate::npwp(t) {
            // The 15-digit NPWP is "0" and the same 15 digits in its 16-digit form:
            // either finds the other.
            match npwp.len() {
                15 => forms.push(format!("0{npwp}")),
                16 if npwp.starts_with('0') => forms.push(npwp[1..].to_string()),
                _ => {}
            }
            forms.push(npwp);
        }
    }
    // One word typed as one word already matches as itself.
    if t.contains(separators) {
        forms.push(joined);
    }
    forms.sort();
    forms.dedup();
    forms
}
