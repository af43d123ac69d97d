//! Numbers in a message: runs of digit groups, the word before them, and
//! which identifier (phone, NPWP/NITKU, NIB, NIP, nomor aju) a run can be.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::domain::validate;

pub(super) fn strip_digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// Where a run of digit groups that starts at `start` ends (the end of its
/// last digit), if `start` is a digit.
pub(super) fn digit_groups_from(text: &str, start: usize) -> Option<usize> {
    // A user id's digits fit in 40 bytes; looking further would make reading
    // a long message quadratic.
    let mut end = (start + 40).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    digit_runs(&text[start..end])
        .first()
        .filter(|run| run[0].start == 0)
        .and_then(|run| run.last())
        .map(|g| start + g.end)
}

/// The runs of digit groups in `text`: digits joined by one separator
/// (space, dot, dash, parenthesis) or two around a parenthesis, not glued to
/// a letter on the left ("BC2.0", "CK-1" are not numbers).
pub(super) fn digit_runs(text: &str) -> Vec<Vec<Range<usize>>> {
    let b = text.as_bytes();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let glued = text[..i].chars().next_back().is_some_and(|c| {
            c.is_alphanumeric()
                || c == '_'
                || c == '-'
                    && text[..i - 1]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphabetic)
        });
        let mut run = Vec::new();
        let mut pos = i;
        loop {
            let g_start = pos;
            while pos < b.len() && b[pos].is_ascii_digit() {
                pos += 1;
            }
            run.push(g_start..pos);
            // Up to two separators, then a digit, continues the run.
            let mut k = pos;
            let mut seps = 0;
            while k < b.len() && seps < 2 && matches!(b[k], b' ' | b'.' | b'-' | b'(' | b')') {
                k += 1;
                seps += 1;
            }
            // A non-breaking space (U+00A0) between groups, as WhatsApp Web pastes it.
            if seps == 0 && text[k..].starts_with('\u{a0}') {
                k += '\u{a0}'.len_utf8();
                seps = 1;
            }
            // Two separators only around a parenthesis ("(0411) 854321"): a
            // list's "1. " or a sentence's ". " is not inside a number.
            let paren = text[pos..k].contains(['(', ')']);
            if seps > 0 && (seps == 1 || paren) && k < b.len() && b[k].is_ascii_digit() {
                pos = k;
            } else {
                break;
            }
        }
        // A group glued to a letter on the right ("10kg", "2x") ends the run before it.
        let end = run.last().map(|g| g.end).unwrap_or(pos);
        if text[end..].chars().next().is_some_and(char::is_alphabetic) {
            run.pop();
        }
        if !glued && !run.is_empty() {
            runs.push(run);
        }
        i = pos.max(i + 1);
    }
    runs
}

/// The kinds of identifier a run of digits can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Phone,
    Npwp,
    Nib,
    Nip,
    Aju,
}

/// The word just before a number, saying what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cue {
    Is(Kind),
    /// A user id or NIK: already read, or not ours to propose.
    User,
    /// A number the form does not hold: billing code, NTPN, ticket, amount, date.
    Other,
}

/// The nearest cue word in the 40 bytes before `start`, on the same line, with
/// no digit between it and the number.
pub(super) fn cue_before(text: &str, start: usize) -> Option<Cue> {
    static CUES: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\b(?P<npwp>npwp|nitku)|\b(?P<nib>nib)|\b(?P<nip>nip)|\b(?P<aju>aju|pengajuan|car)|\b(?P<phone>wa|whatsapp|hp|telp|tlp|telepon|telpon|phone|tel|hubungi|kontak|contact|mobile|ponsel|handphone|cp)|\b(?P<user>user|userid|username|akun|nik|ktp)|\b(?P<other>billing|ntpn|ntb|bpn|tiket|ticket|rp|idr|npe|nopen|pendaftaran|voyage|kontainer|container|invoice|bl|nppbkc|tanggal|tgl|jam|pukul|sppb|skep|kep|nomor[ \t]+dokumen|seri|serial|ref|referensi|rekening|rek|resi|ext|extension|va|virtual[ \t]+account|bayar|pembayaran|transaksi|ip|versi|version|hs|fax|faks|faksimili|facsimile)(?:nya)?\b",
        )
        .expect("cue regex")
    });
    let mut from = start.saturating_sub(40);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = &text[from..start];
    let window_start = window.rfind('\n').map_or(0, |n| n + 1);
    let window = &window[window_start..];
    let caps = CUES.captures_iter(window).last()?;
    let m = caps.get(0).expect("match");
    if window[m.end()..].chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let is = |name| caps.name(name).is_some();
    Some(if is("npwp") {
        Cue::Is(Kind::Npwp)
    } else if is("nib") {
        Cue::Is(Kind::Nib)
    } else if is("nip") {
        Cue::Is(Kind::Nip)
    } else if is("aju") {
        Cue::Is(Kind::Aju)
    } else if is("phone") {
        Cue::Is(Kind::Phone)
    } else if is("user") {
        Cue::User
    } else {
        Cue::Other
    })
}

/// Phone-shaped: a mobile number (08…, 628…) or an explicit +.
fn mobile_prefix(digits: &str, plus: bool) -> bool {
    plus || digits.starts_with("08") || digits.starts_with("628")
}

/// The NPWP as printed on the card: 2.3.3.1-3.3 digits.
fn npwp_shape(shape: &[usize]) -> bool {
    shape == [2, 3, 3, 1, 3, 3] || shape == [2, 3, 3, 1, 6] || shape == [15] || shape == [16]
}

/// What a run of digits is, if it is one of ours. The cue word decides first;
/// then the length: 26 aju, 22 NITKU, 18 NIP, 15/16 NPWP, 13 NIB, the rest a
/// phone — with a phone's look (08…, +62, a 10-digit landline or an area code
/// in parentheses) winning over NPWP/NIB lengths.
pub(super) fn classify(
    digits: &str,
    shape: &[usize],
    cue: Option<Cue>,
    plus: bool,
    raw: &str,
) -> Option<Kind> {
    let n = digits.len();
    match cue {
        Some(Cue::Other) => return None,
        Some(Cue::User) if n >= 12 => return None,
        Some(Cue::Is(Kind::Npwp)) if validate::npwp(digits).is_ok() => return Some(Kind::Npwp),
        Some(Cue::Is(Kind::Nib)) if validate::nib(digits).is_ok() => return Some(Kind::Nib),
        Some(Cue::Is(Kind::Nip)) if validate::nip(digits).is_ok() => return Some(Kind::Nip),
        Some(Cue::Is(Kind::Aju)) if n == 26 => return Some(Kind::Aju),
        Some(Cue::Is(Kind::Phone)) if validate::phone(raw_phone(raw, plus).as_str()).is_ok() => {
            return Some(Kind::Phone);
        }
        _ => {}
    }
    let phone_look = mobile_prefix(digits, plus) && !(shape.len() > 1 && npwp_shape(shape));
    match n {
        26 if !plus => Some(Kind::Aju),
        22 if !phone_look => Some(Kind::Npwp),
        18 if !phone_look && validate::nip(digits).is_ok() => Some(Kind::Nip),
        15 | 16 if !phone_look => Some(Kind::Npwp),
        13 if !phone_look => Some(Kind::Nib),
        9..=14 => {
            let landline = digits.starts_with('0') && (n >= 10 || raw.starts_with('('));
            let ok = validate::phone(raw_phone(raw, plus).as_str()).is_ok();
            // Phones are written in groups of 3–4 ("0812 3456 7890"); two
            // groups of 1–2 digits are a time and a date ("08.15 27.11.2026").
            let small_groups = shape.iter().filter(|&&g| g <= 2).count();
            (ok && small_groups < 2 && (mobile_prefix(digits, plus) || landline))
                .then_some(Kind::Phone)
        }
        _ => None,
    }
}

fn raw_phone(raw: &str, plus: bool) -> String {
    if plus {
        format!("+{raw}")
    } else {
        raw.to_string()
    }
}
