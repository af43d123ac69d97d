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
            // "000041--619949", "000027- 010832": a doubled dash, or a dash
            // and a space, is one separator.
            let doubled_dash = seps == 2 && matches!(&text[pos..k], "--" | "- " | " -");
            // A non-breaking space (U+00A0) between groups, as WhatsApp Web pastes it.
            if seps == 0 && text[k..].starts_with('\u{a0}') {
                k += '\u{a0}'.len_utf8();
                seps = 1;
            }
            // Two separators only around a parenthesis ("(0411) 854321"): a
            // list's "1. " or a sentence's ". " is not inside a number.
            let paren = text[pos..k].contains(['(', ')']);
            if seps > 0
                && (seps == 1 || paren || doubled_dash)
                && k < b.len()
                && b[k].is_ascii_digit()
            {
                pos = k;
            } else {
                break;
            }
        }
        // A group glued to a letter on the right ("10kg", "2x") ends the run before it.
        // A whole dated nomor aju stays one even when glued to a word
        // ("No.aju00004001…", "…001301yang"): no other number has its shape.
        let whole_aju = |g: &Range<usize>| g.len() == 26 && aju_dated(&text[g.clone()]);
        let end = run.last().map(|g| g.end).unwrap_or(pos);
        if text[end..].chars().next().is_some_and(char::is_alphabetic)
            && !run.last().is_some_and(whole_aju)
        {
            run.pop();
        }
        // "22-Sep-25 000027…": a number glued to a word ends at the first
        // space; what follows is read on its own.
        if glued && !run.first().is_some_and(whole_aju) {
            let free = (1..run.len()).find(|&k| text[run[k - 1].end..run[k].start].contains(' '));
            run.drain(..free.unwrap_or(run.len()));
        }
        if !run.is_empty() {
            for part in split_at_list_numbers(text, run) {
                runs.extend(split_at_full_aju(text, part));
            }
        }
        i = pos.max(i + 1);
    }
    runs
}

/// "1.000023-047712-20241001-000158 2.000023-…": a list's number glued by a
/// dot to the number it lists is no part of it. A group of one or two digits
/// at the start or after a space, then a dot and six digits or more, is such
/// a number: the run is cut there and the list's number left out (an NPWP
/// written "01.234.567.8-…" goes on with three digits, a time "9.20" with two).
fn split_at_list_numbers(text: &str, run: Vec<Range<usize>>) -> Vec<Vec<Range<usize>>> {
    let mut out = vec![Vec::new()];
    // "BC 4.0 000040-…", "BC 2.6.1 000261-…": a document's version (one-digit
    // groups joined by dots, then a space) before a number is no part of it.
    let version = run
        .windows(2)
        .take_while(|w| w[0].len() == 1 && w[1].len() == 1 && &text[w[0].end..w[1].start] == ".")
        .count();
    let mut k = 0;
    if version > 0
        && run
            .get(version + 1)
            .is_some_and(|n| &text[run[version].end..n.start] == " " && n.len() >= 6)
    {
        k = version + 1;
    }
    while k < run.len() {
        let g = &run[k];
        let starts = k == 0 || text[run[k - 1].end..g.start].contains(' ');
        let list_number = g.len() <= 2
            && starts
            && run
                .get(k + 1)
                .is_some_and(|n| &text[g.end..n.start] == "." && n.len() >= 6);
        if list_number {
            out.push(Vec::new());
        } else {
            out.last_mut().expect("a run").push(g.clone());
        }
        k += 1;
    }
    out.retain(|r| !r.is_empty());
    out
}

/// "…-000024 003506 08-01-2025 000030-063408-20250112-000073": a whole
/// nomor aju after a space starts a number of its own, so the nopen and date
/// before it do not eat its first groups.
fn split_at_full_aju(text: &str, run: Vec<Range<usize>>) -> Vec<Vec<Range<usize>>> {
    let mut out = vec![Vec::new()];
    for k in 0..run.len() {
        let spaced = k > 0 && text[run[k - 1].end..run[k].start].contains(' ');
        if spaced && full_aju(text, &run[k..]) {
            out.push(Vec::new());
        }
        out.last_mut().expect("a run").push(run[k].clone());
    }
    out
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

/// The nearest cue word before `start` (within 40 bytes, on the same line),
/// with no digit between it and the number — a document's name in between
/// does not count ("No. Billing CK-1 : …", "billing BC 2.5 nomor …"), and a
/// number after another number of the same label keeps the label
/// ("NPPBKC: 0713134417 / 0932…"). A label chain that names the NPWP before an
/// NPPBKC ("NPWP 16 digit yang terdaftar pada NPPBKC: …") is an NPWP.
pub(super) fn cue_before(text: &str, start: usize) -> Option<Cue> {
    static CUES: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\b(?:(?P<npwp>npwp(?:[ \t]*1[56])?|nitku|identitas)|(?P<nib>nib)|(?P<nip>nip)|(?P<aju>aju|pengajuan|car)|(?P<phone>wa|whatsapp|hp|telp|tlp|telepon|telpon|phone|tel|hubungi|kontak|contact|mobile|ponsel|handphone|cp)|(?P<user>user|userid|username|akun|nik|ktp)|(?P<other>(?P<excise>nppbkc|nppbks|nppbk|nppp)(?:10|22)?|billing|ntpn|ntb|ntp|bpn|tiket|ticket|rp|idr|npe|nopen|nopend|no[ \t]*pen|pendaftaran|voyage|kontainer|container|invoice|bl|tanggal|tgl|jam|pukul|sppb|sppr|skep|kep|nomor[ \t]+dokumen|permohonan|seri|serial|ref|referensi|rekening|rek|resi|ext|extension|va|virtual[ \t]+account|bayar|pembayaran|transaksi|ip|versi|version|hs|hs_code|fax|faks|faksimili|facsimile|proses|personalisasi|jaminan|bpj|kontrak|barcode|ck[ \t_-]?\d{1,2}[a-z]?|lack[ \t_-]?\d{1,2}|back[ \t_-]?\d|pbck[ \t_-]?\d))(?:nya)?\b",
        )
        .expect("cue regex")
    });
    static DOC_NAME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:bc[ \t]*\.?[ \t]*\d(?:[ \t]*[.,]?[ \t]*\d){0,2}|ck[ \t_-]?\d{1,2}[a-z]?|sppr|pib|peb)\b")
            .expect("doc name regex")
    });
    static NPWP_KIND: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\b1[56]\b").expect("npwp kind regex"));
    // "nppbkc (10) : …", "Nppbkc 10: …", "NPWP 16 digit : …": a count of
    // digits right after the label, before its ":", is the label's.
    static COUNT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\(\d{1,2}\)|^[ \t]*\d{1,2}[ \t]*(?:digit[ \t]*)?[:=]")
            .expect("count regex")
    });
    static SAME_LABEL_GAP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:[ \t]*\pL+){0,2}[ \t]*[:=.]?[ \t]*[\d.\- ]+[ \t]*/[ \t]*$")
            .expect("gap regex")
    });
    static AJU_CHAIN: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)\baju[ \t]*/[ \t]*$").expect("aju chain regex"));
    static NPWP_CHAIN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:npwp|nitku)\b(?:[^:\n\d]|\d{1,2}\b)*$").expect("npwp chain regex")
    });
    // "NPPBKC Baru : 3514…071313 /0713134902": a number after another and a
    // slash keeps the label before the first, however long the first is.
    static AFTER_SLASH: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\d[\d.\- ]*[ \t]*/[ \t]*$").expect("after slash regex"));
    let mut back = start.saturating_sub(40);
    while !text.is_char_boundary(back) {
        back += 1;
    }
    let label_end = AFTER_SLASH
        .find(&text[back..start])
        .map_or(start, |m| back + m.start());
    let mut from = label_end.saturating_sub(40);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = &text[from..start];
    let window_start = window.rfind('\n').map_or(0, |n| n + 1);
    let window = &window[window_start..];
    let caps = CUES.captures_iter(window).last()?;
    let m = caps.get(0).expect("match");
    let gap = &window[m.end()..];
    // "nppbkc (10) : …": the count in brackets is the label's.
    let mut gap_digits = DOC_NAME.replace_all(gap, "").into_owned();
    gap_digits = COUNT.replace_all(&gap_digits, "").into_owned();
    // "NPWP 16 PENERIMA BARANG : …", "NPWP 15 digit: …": the kind of NPWP.
    if caps.name("npwp").is_some() {
        gap_digits = NPWP_KIND.replace_all(&gap_digits, "").into_owned();
    }
    if gap_digits.chars().any(|c| c.is_ascii_digit()) && !SAME_LABEL_GAP.is_match(gap) {
        return None;
    }
    let is = |name| caps.name(name).is_some();
    // "NPWP / NIK 16 digit : …": one number under both names (a person's
    // NIK is their NPWP), so the NPWP's label wins.
    static NPWP_OR_NIK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)\bnpwp[ \t]*/[ \t]*$").expect("npwp or nik regex"));
    if is("user") && NPWP_OR_NIK.is_match(&window[..m.start()]) {
        return Some(Cue::Is(Kind::Npwp));
    }
    // "akun berikut ini: Hardijanto 1969…": a user label reaches its own
    // value only, not a number after a name or a sentence.
    if is("user") && gap.split_whitespace().any(|w| !is_label_filler(w)) {
        return None;
    }
    // "No. AJU/Nopen : <aju> / <nopen>": a chain of labels names its values in
    // its order; the chain's aju comes first.
    if is("other") && AJU_CHAIN.is_match(&window[..m.start()]) {
        return Some(Cue::Is(Kind::Aju));
    }
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
    } else if is("excise") && npwp_before(text, from + window_start + m.start(), &NPWP_CHAIN) {
        Cue::Is(Kind::Npwp)
    } else {
        Cue::Other
    })
}

/// Words between a user label and its value that keep the label's reach:
/// separators and "saya", "id", "name", "ceisa" ("user id saya : 3201…").
fn is_label_filler(word: &str) -> bool {
    let w = word
        .trim_matches([':', '=', '.', ',', '(', ')', '-', '/'])
        .to_ascii_lowercase();
    w.is_empty()
        || matches!(
            w.as_str(),
            "saya"
                | "kami"
                | "id"
                | "name"
                | "nama"
                | "ceisa"
                | "4.0"
                | "adalah"
                | "yaitu"
                | "no"
                | "nomor"
        )
}

/// Whether the label chain that ends at `end` started with "NPWP"/"NITKU",
/// with no ":" and no value between (within 60 bytes, on the same line): in
/// "NITKU 0912…000, NPPBKC 0912…-071313" the NITKU has its own number.
fn npwp_before(text: &str, end: usize, chain: &Regex) -> bool {
    let mut from = end.saturating_sub(60);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = &text[from..end];
    let window = &window[window.rfind('\n').map_or(0, |n| n + 1)..];
    chain.is_match(window)
}

/// An NPPBKC written as the NPWP and the office ("0019876543651000-071313"):
/// 15 or 16 digits, then 6.
pub(super) fn nppbkc_shape(shape: &[usize]) -> bool {
    matches!(shape, [15 | 16, 6])
}

/// The offices (six digits) that end the NPPBKCs written in their long form,
/// NPWP then office ("0015432109651000-071313", 22 digits whole).
pub(super) fn nppbkc_offices(text: &str, runs: &[Vec<Range<usize>>]) -> Vec<String> {
    let mut offices = Vec::new();
    for run in runs {
        let shape: Vec<usize> = run.iter().map(|g| g.len()).collect();
        let digits = strip_digits(&text[run[0].start..run[run.len() - 1].end]);
        let long = nppbkc_shape(&shape) || digits.len() == 22 && &digits[16..19] != "000";
        if long {
            offices.push(digits[digits.len() - 6..].to_string());
        }
    }
    offices
}

/// Whether the run's last group may be a list's number ("… 016655443651000
/// 3. Uraian"): one or two digits after a space, then "." or ")" and a space.
pub(super) fn ends_with_list_number(text: &str, run: &[Range<usize>]) -> bool {
    let b = text.as_bytes();
    match run {
        [.., before, last] => {
            last.len() <= 2
                && text[before.end..last.start].contains(' ')
                && matches!(b.get(last.end), Some(b'.' | b')'))
                && b.get(last.end + 1).is_none_or(u8::is_ascii_whitespace)
        }
        _ => false,
    }
}

/// Eight digits that are a date ("06082026", "20260806"): not a phone's start.
fn is_date(digits: &str) -> bool {
    let ok = |d: &str, m: &str, y: &str| {
        let (d, m, y): (u32, u32, u32) = (
            d.parse().unwrap_or(0),
            m.parse().unwrap_or(0),
            y.parse().unwrap_or(0),
        );
        (1..=31).contains(&d) && (1..=12).contains(&m) && (1990..=2099).contains(&y)
    };
    digits.len() == 8
        && (ok(&digits[0..2], &digits[2..4], &digits[4..8])
            || ok(&digits[6..8], &digits[4..6], &digits[0..4]))
}

/// A run that starts with a date's month and year ("26.08.2026 668264" read
/// from its "08"): two digits, a dot or slash, a year — no phone's start.
fn month_and_year(digits: &str, shape: &[usize], raw: &str) -> bool {
    let month: u32 = digits.get(..2).and_then(|m| m.parse().ok()).unwrap_or(0);
    let year: u32 = digits.get(2..6).and_then(|y| y.parse().ok()).unwrap_or(0);
    shape.len() >= 2
        && shape[..2] == [2, 4]
        && raw.get(2..3).is_some_and(|c| c == "." || c == "/")
        && (1..=12).contains(&month)
        && (1990..=2099).contains(&year)
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
    // A NITKU is the NPWP and a branch "000…"; 22 digits ending in an
    // office's code ("…071313") are an NPPBKC, whatever the label says
    // ("Identitas = NPPBKC Nomor Identitas = 0011…071313").
    if n == 22 && &digits[16..19] != "000" {
        return None;
    }
    match cue {
        Some(Cue::Other) => return None,
        Some(Cue::User) if n >= 12 => return None,
        Some(Cue::Is(Kind::Npwp)) if validate::npwp(digits).is_ok() => return Some(Kind::Npwp),
        Some(Cue::Is(Kind::Nib)) if validate::nib(digits).is_ok() => return Some(Kind::Nib),
        Some(Cue::Is(Kind::Nip)) if validate::nip(digits).is_ok() => return Some(Kind::Nip),
        Some(Cue::Is(Kind::Aju)) if n == 26 && aju_dated(digits) => return Some(Kind::Aju),
        Some(Cue::Is(Kind::Phone)) if validate::phone(raw_phone(raw, plus).as_str()).is_ok() => {
            return Some(Kind::Phone);
        }
        _ => {}
    }
    let phone_look = mobile_prefix(digits, plus) && !(shape.len() > 1 && npwp_shape(shape));
    // Without a label, a tax id keeps the tax id's look: a NITKU ends in a
    // branch code "000…" (not an NPPBKC's office "0713…"), an NPWP in a branch
    // "00x"; a billing code or a document number does not.
    let branch = |d: &str| d.len() >= 3 && d[d.len() - 3..].starts_with("00");
    let unlabelled = cue.is_none();
    match n {
        26 if !plus && aju_dated(digits) => Some(Kind::Aju),
        // No phone has 22 digits, whatever it starts with.
        22 => Some(Kind::Npwp),
        18 if !phone_look && validate::nip(digits).is_ok() => Some(Kind::Nip),
        // No phone has 15 or 16 digits either (13 at most, 14 with 62).
        15 if !plus && (!unlabelled || branch(digits)) => Some(Kind::Npwp),
        16 if !plus && (!unlabelled || (digits.starts_with('0') && branch(digits))) => {
            Some(Kind::Npwp)
        }
        13 if !phone_look => Some(Kind::Nib),
        9..=14 => {
            let landline = digits.starts_with('0') && (n >= 10 || raw.starts_with('('));
            let ok = validate::phone(raw_phone(raw, plus).as_str()).is_ok();
            // Phones are written in groups of 3–4 ("0812 3456 7890"); two
            // groups of 1–2 digits are a time and a date ("08.15 27.11.2026").
            let small_groups = shape.iter().filter(|&&g| g <= 2).count();
            let dated = shape.first().is_some_and(|&g| g == 8) && is_date(&digits[..8])
                || month_and_year(digits, shape, raw);
            (ok && small_groups < 2 && !dated && (mobile_prefix(digits, plus) || landline))
                .then_some(Kind::Phone)
        }
        _ => None,
    }
}

/// A nomor aju carries the day it was made at characters 13–20
/// ("000025-052291-20241111-000244"): a year of CEISA, 2010–2039. Twenty-six
/// characters without it are something else — an NPWP and an NPPBKC side by
/// side (the NPWP's branch "000" where the year would be), an aju with its
/// office code written twice.
pub(super) fn aju_dated(aju: &str) -> bool {
    let b = aju.as_bytes();
    b.len() >= 16 && &b[12..14] == b"20" && matches!(b[14], b'1'..=b'3') && b[15].is_ascii_digit()
}

/// A run that starts with a whole nomor aju: 26 digits, written whole or
/// in its 6-6-8-6 groups, dated. No billing code, nopen or date has that shape.
pub(super) fn full_aju(text: &str, run: &[Range<usize>]) -> bool {
    let shape: Vec<usize> = run.iter().take(4).map(|g| g.len()).collect();
    let n = match shape.as_slice() {
        [26, ..] => 1,
        [6, 6, 8, 6] => 4,
        _ => return false,
    };
    aju_dated(&strip_digits(&text[run[0].start..run[n - 1].end]))
}

fn raw_phone(raw: &str, plus: bool) -> String {
    if plus {
        format!("+{raw}")
    } else {
        raw.to_string()
    }
}
