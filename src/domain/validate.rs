//! Formats of the identifiers a complaint carries: normalise first (officers
//! paste numbers with dots, dashes and spaces), then check, and say in both
//! languages which rule failed.
//!
//! A value that is plainly wrong is refused (`Err`). A value whose shape is
//! merely unusual (an old ticket number, an aju date far in the past) is kept
//! with a warning, because refusing it would block a real complaint.

use chrono::{Datelike, Months, NaiveDate};
use regex::Regex;

use super::msg::{FieldError, FieldMsg, FieldWarning};

/// The shape of a current BCare/CEISA Care ticket number: a letter and nine
/// hex digits ("A0254EB2B1"). Configurable, because the shape has changed before.
pub const DEFAULT_TICKET_PATTERN: &str = "^[A-Z][0-9A-F]{9}$";

/// [`DEFAULT_TICKET_PATTERN`], compiled.
pub fn default_ticket_pattern() -> Regex {
    Regex::new(DEFAULT_TICKET_PATTERN).expect("default ticket pattern")
}

/// Removes every char in `drop` and returns the rest.
fn strip(raw: &str, drop: &[char]) -> String {
    raw.chars().filter(|c| !drop.contains(c)).collect()
}

fn only_digits(s: &str) -> bool {
    s.chars().all(|c| c.is_ascii_digit())
}

// ---------------------------------------------------------------- phone

const PHONE_RULE_ID: &str =
    "nomor telepon Indonesia: 08…, 62…, +62…, kode area 0xxx, atau nomor layanan 1500xxx";
const PHONE_RULE_EN: &str =
    "an Indonesian phone number: 08…, 62…, +62…, an area code 0xxx, or a service number 1500xxx";

fn phone_err(id: &str, en: &str) -> FieldError {
    FieldError::new(
        "phone",
        format!("{id}; harus {PHONE_RULE_ID}"),
        format!("{en}; must be {PHONE_RULE_EN}"),
    )
}

/// Normalises an Indonesian phone number to "+62" + national number without
/// the trunk 0 ("0812-3456-7890" → "+6281234567890", "(0411) 123456" →
/// "+62411123456"). Service numbers (5–7 digits starting with 1, "1500-225")
/// stay as plain digits, since they cannot be dialled with +62.
pub fn phone(raw: &str) -> Result<String, FieldError> {
    let t = raw.trim();
    if t.is_empty() {
        return Err(phone_err("kosong", "empty"));
    }
    let plus = t.starts_with('+');
    let body = if plus { &t[1..] } else { t };
    if let Some(c) = body
        .chars()
        .find(|c| !(c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')')))
    {
        return Err(phone_err(
            &format!("karakter tidak diizinkan {c:?}"),
            &format!("character not allowed {c:?}"),
        ));
    }
    let digits = strip(body, &[' ', '-', '.', '(', ')']);
    let national = if plus {
        match digits.strip_prefix("62") {
            Some(n) => n,
            None => {
                return Err(phone_err(
                    "kode negara bukan +62",
                    "country code is not +62",
                ));
            }
        }
    } else if let Some(n) = digits.strip_prefix("62") {
        n
    } else if let Some(n) = digits.strip_prefix('0') {
        n
    } else if digits.starts_with('1') {
        let n = digits.len();
        if !(5..=7).contains(&n) {
            return Err(phone_err(
                &format!("nomor layanan harus 5–7 digit, ditemukan {n}"),
                &format!("a service number has 5–7 digits, found {n}"),
            ));
        }
        return Ok(digits);
    } else {
        return Err(phone_err("awalan tidak dikenal", "unknown prefix"));
    };

    let n = national.len();
    match national.chars().next() {
        Some('8') if (9..=12).contains(&n) => {}
        Some('8') => {
            return Err(phone_err(
                &format!("nomor seluler 8xx harus 9–12 digit setelah kode negara, ditemukan {n}"),
                &format!("a mobile number 8xx has 9–12 digits after the country code, found {n}"),
            ));
        }
        Some('2'..='9') if (7..=12).contains(&n) => {}
        Some('2'..='9') => {
            return Err(phone_err(
                &format!("nomor harus 7–12 digit setelah kode negara, ditemukan {n}"),
                &format!("the number has 7–12 digits after the country code, found {n}"),
            ));
        }
        _ => {
            return Err(phone_err(
                "setelah kode negara/awalan 0 harus kode area atau 8xx",
                "after the country code or leading 0 an area code or 8xx must follow",
            ));
        }
    }
    Ok(format!("+62{national}"))
}

// ---------------------------------------------------------------- email

fn email_err(id: &str, en: &str) -> FieldError {
    FieldError::new(
        "email",
        format!("alamat email tidak valid: {id}"),
        format!("invalid email address: {en}"),
    )
}

/// A pragmatic e-mail check (not RFC 5322: quoted local parts and IP-literal
/// domains are refused because no DJBC user has one). Returns the address
/// trimmed, with the domain lower-cased; the local part keeps its case.
pub fn email(raw: &str) -> Result<String, FieldError> {
    let t = raw.trim();
    if t.is_empty() {
        return Err(email_err("kosong", "empty"));
    }
    if t.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(email_err(
            "tidak boleh ada spasi",
            "must not contain spaces",
        ));
    }
    let (local, domain) = match t.split_once('@') {
        None => return Err(email_err("tanpa tanda @", "no @ sign")),
        Some((_, d)) if d.contains('@') => {
            return Err(email_err("lebih dari satu tanda @", "more than one @ sign"));
        }
        Some(pair) => pair,
    };
    if local.is_empty() {
        return Err(email_err(
            "bagian sebelum @ kosong",
            "the part before @ is empty",
        ));
    }
    let local_len = local.chars().count();
    if local_len > 64 {
        return Err(email_err(
            &format!("bagian sebelum @ paling banyak 64 karakter, ditemukan {local_len}"),
            &format!("the part before @ has at most 64 characters, found {local_len}"),
        ));
    }
    let local_ok = local
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c))
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..");
    if !local_ok {
        return Err(email_err(
            "karakter tidak diizinkan sebelum @",
            "characters not allowed before @",
        ));
    }
    let domain = domain.to_ascii_lowercase();
    if !domain.contains('.') {
        return Err(email_err("domain tanpa titik", "domain without a dot"));
    }
    if domain.len() > 253 {
        return Err(email_err("domain terlalu panjang", "domain too long"));
    }
    for label in domain.split('.') {
        let ok = !label.is_empty()
            && label.len() <= 63
            && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && !label.starts_with('-')
            && !label.ends_with('-');
        if !ok {
            return Err(email_err(
                &format!(
                    "bagian domain {label:?} harus huruf/angka/'-', tidak diawali/diakhiri '-'"
                ),
                &format!(
                    "domain label {label:?} must be letters/digits/'-', not starting/ending with '-'"
                ),
            ));
        }
    }
    let tld = domain.rsplit('.').next().unwrap_or("");
    if tld.len() < 2 || only_digits(tld) {
        return Err(email_err(
            "akhiran domain harus minimal 2 huruf",
            "the top-level domain must have at least 2 letters",
        ));
    }
    Ok(format!("{local}@{domain}"))
}

// ---------------------------------------------------------------- NPWP, NIB

/// NPWP (15 or 16 digits) or NITKU (22 digits); dots, dashes and spaces are
/// ignored. Returns digits only.
pub fn npwp(raw: &str) -> Result<String, FieldError> {
    let d = strip(raw.trim(), &['.', '-', ' ']);
    if !only_digits(&d) {
        return Err(FieldError::new(
            "npwp",
            "hanya boleh angka (titik, strip dan spasi diabaikan)",
            "digits only (dots, dashes and spaces are ignored)",
        ));
    }
    let n = d.len();
    if !matches!(n, 15 | 16 | 22) {
        return Err(FieldError::new(
            "npwp",
            format!("harus 15 atau 16 digit (NPWP) atau 22 digit (NITKU); ditemukan {n} digit"),
            format!("must be 15 or 16 digits (NPWP) or 22 digits (NITKU); found {n} digits"),
        ));
    }
    Ok(d)
}

/// NIB: 13 digits; spaces and dashes ignored.
pub fn nib(raw: &str) -> Result<String, FieldError> {
    let d = strip(raw.trim(), &[' ', '-']);
    if !only_digits(&d) {
        return Err(FieldError::new(
            "nib",
            "hanya boleh angka (spasi dan strip diabaikan)",
            "digits only (spaces and dashes are ignored)",
        ));
    }
    if d.len() != 13 {
        return Err(FieldError::new(
            "nib",
            format!("harus 13 digit; ditemukan {} digit", d.len()),
            format!("must be 13 digits; found {} digits", d.len()),
        ));
    }
    Ok(d)
}

// ---------------------------------------------------------------- NIP

fn nip_err(id: impl Into<String>, en: impl Into<String>) -> FieldError {
    FieldError::new("nip", id, en)
}

/// Parses "YYYYMMDD" (8 ASCII digits) into a real calendar date.
fn ymd(s: &str) -> Option<NaiveDate> {
    if s.len() != 8 || !only_digits(s) {
        return None;
    }
    NaiveDate::from_ymd_opt(
        s[..4].parse().ok()?,
        s[4..6].parse().ok()?,
        s[6..].parse().ok()?,
    )
}

/// NIP of a civil servant: 18 digits = birth date YYYYMMDD, appointment
/// (TMT CPNS) YYYYMM, gender 1/2, serial 3 digits. Spaces are ignored.
pub fn nip(raw: &str) -> Result<String, FieldError> {
    let d = strip(raw.trim(), &[' ']);
    if !only_digits(&d) {
        return Err(nip_err(
            "hanya boleh angka (spasi diabaikan)",
            "digits only (spaces are ignored)",
        ));
    }
    if d.len() != 18 {
        return Err(nip_err(
            format!("harus 18 digit; ditemukan {} digit", d.len()),
            format!("must be 18 digits; found {} digits", d.len()),
        ));
    }
    let Some(birth) = ymd(&d[..8]) else {
        return Err(nip_err(
            format!(
                "digit 1–8 harus tanggal lahir yang ada (YYYYMMDD), bukan {}",
                &d[..8]
            ),
            format!(
                "digits 1–8 must be a real birth date (YYYYMMDD), not {}",
                &d[..8]
            ),
        ));
    };
    if !(1940..=2010).contains(&birth.year()) {
        return Err(nip_err(
            format!(
                "tahun lahir (digit 1–4) harus 1940–2010, ditemukan {}",
                birth.year()
            ),
            format!(
                "birth year (digits 1–4) must be 1940–2010, found {}",
                birth.year()
            ),
        ));
    }
    let appt_year: i32 = d[8..12].parse().expect("digits");
    let appt_month: u32 = d[12..14].parse().expect("digits");
    if !(1..=12).contains(&appt_month) {
        return Err(nip_err(
            format!(
                "digit 13–14 harus bulan pengangkatan 01–12, ditemukan {:02}",
                appt_month
            ),
            format!(
                "digits 13–14 must be the appointment month 01–12, found {:02}",
                appt_month
            ),
        ));
    }
    // Nobody is appointed before being born; catches swapped or shifted digits.
    if (appt_year, appt_month) <= (birth.year(), birth.month()) {
        return Err(nip_err(
            "tahun-bulan pengangkatan (digit 9–14) harus setelah tanggal lahir",
            "appointment year-month (digits 9–14) must be after the birth date",
        ));
    }
    let gender = &d[14..15];
    if gender != "1" && gender != "2" {
        return Err(nip_err(
            format!("digit 15 (jenis kelamin) harus 1 atau 2, ditemukan {gender}"),
            format!("digit 15 (gender) must be 1 or 2, found {gender}"),
        ));
    }
    Ok(d)
}

// ---------------------------------------------------------------- nomor aju

/// How far back an aju date may lie before it is flagged: customs documents
/// older than this rarely come up in a live complaint and suggest a typo.
const AJU_MAX_AGE_MONTHS: u32 = 60;

/// Nomor aju (customs document submission number): 26 upper-case
/// alphanumerics once dashes, spaces and dots are removed. Characters 13–20
/// are a date YYYYMMDD; a date that is not real, in the future, or more than
/// five years before `today` gives a warning, not a refusal (the layout is not
/// the same for every document type).
pub fn nomor_aju(
    raw: &str,
    today: NaiveDate,
) -> Result<(String, Option<FieldWarning>), FieldError> {
    let s = strip(raw.trim(), &['-', ' ', '.']).to_ascii_uppercase();
    if let Some(c) = s.chars().find(|c| !c.is_ascii_alphanumeric()) {
        return Err(FieldError::new(
            "nomor_aju",
            format!("hanya boleh huruf dan angka, ditemukan {c:?}"),
            format!("letters and digits only, found {c:?}"),
        ));
    }
    let n = s.len();
    if n != 26 {
        return Err(FieldError::new(
            "nomor_aju",
            format!("harus 26 karakter (tanpa strip/spasi/titik); ditemukan {n}"),
            format!("must be 26 characters (without dashes/spaces/dots); found {n}"),
        ));
    }
    let date_part = &s[12..20];
    let warning = match ymd(date_part) {
        None => Some(FieldMsg::new(
            "nomor_aju",
            format!("karakter 13–20 ({date_part}) bukan tanggal YYYYMMDD yang ada; periksa lagi"),
            format!("characters 13–20 ({date_part}) are not a real date YYYYMMDD; check again"),
        )),
        Some(date) if date > today => Some(FieldMsg::new(
            "nomor_aju",
            format!("tanggal aju {date} (karakter 13–20) ada di masa depan; periksa lagi"),
            format!("aju date {date} (characters 13–20) is in the future; check again"),
        )),
        Some(date)
            if today
                .checked_sub_months(Months::new(AJU_MAX_AGE_MONTHS))
                .is_some_and(|limit| date < limit) =>
        {
            Some(FieldMsg::new(
                "nomor_aju",
                format!(
                    "tanggal aju {date} (karakter 13–20) lebih dari 5 tahun lalu; periksa lagi"
                ),
                format!("aju date {date} (characters 13–20) is more than 5 years ago; check again"),
            ))
        }
        Some(_) => None,
    };
    Ok((s, warning))
}

// ---------------------------------------------------------------- ticket, user id

/// A BCare ticket number: spaces removed, upper-cased, [A-Z0-9-] of length
/// 4–32. Not matching `pattern` only warns: older tickets ("12345678") and
/// other channels use other shapes, and a real ticket must never be refused.
pub fn ticket_no(raw: &str, pattern: &Regex) -> Result<(String, Option<FieldWarning>), FieldError> {
    let s: String = raw
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        // ASCII only: Unicode upper-casing would turn "ß" into an acceptable "SS".
        .to_ascii_uppercase();
    if s.is_empty() {
        return Err(FieldError::new("ticket_no", "wajib diisi", "is required"));
    }
    if let Some(c) = s
        .chars()
        .find(|c| !(c.is_ascii_uppercase() || c.is_ascii_digit() || *c == '-'))
    {
        return Err(FieldError::new(
            "ticket_no",
            format!("hanya boleh huruf A–Z, angka dan '-', ditemukan {c:?}"),
            format!("only letters A–Z, digits and '-' are allowed, found {c:?}"),
        ));
    }
    let n = s.len();
    if !(4..=32).contains(&n) {
        return Err(FieldError::new(
            "ticket_no",
            format!("panjang harus 4–32 karakter, ditemukan {n}"),
            format!("length must be 4–32 characters, found {n}"),
        ));
    }
    let warning = (!pattern.is_match(&s)).then(|| {
        FieldMsg::new(
            "ticket_no",
            format!(
                "bentuk nomor tiket tidak dikenal (pola {}); tetap disimpan, periksa lagi",
                pattern.as_str()
            ),
            format!(
                "unknown ticket number shape (pattern {}); kept, check again",
                pattern.as_str()
            ),
        )
    });
    Ok((s, warning))
}

/// A user id for account problems (NIK-like, or any login id): trimmed,
/// 3–64 chars, no spaces inside and no control characters.
pub fn user_id(raw: &str) -> Result<String, FieldError> {
    let t = raw.trim();
    if t.chars().any(char::is_control) {
        return Err(FieldError::new(
            "user_id",
            "tidak boleh berisi karakter kontrol",
            "must not contain control characters",
        ));
    }
    if t.chars().any(char::is_whitespace) {
        return Err(FieldError::new(
            "user_id",
            "tidak boleh ada spasi di dalamnya",
            "must not contain spaces",
        ));
    }
    let n = t.chars().count();
    if !(3..=64).contains(&n) {
        return Err(FieldError::new(
            "user_id",
            format!("panjang harus 3–64 karakter, ditemukan {n}"),
            format!("length must be 3–64 characters, found {n}"),
        ));
    }
    Ok(t.to_string())
}

#[cfg(test)]
mod tests;
