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
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Asserts an error for `field` whose Indonesian text contains `id_word`
    /// and whose English text contains `en_word`.
    fn assert_err(
        r: Result<impl std::fmt::Debug, FieldError>,
        field: &str,
        id_word: &str,
        en_word: &str,
        input: &str,
    ) {
        let e = r.expect_err(input);
        assert_eq!(e.field, field, "{input:?}");
        assert!(
            e.id.contains(id_word),
            "{input:?}: id {:?} lacks {id_word:?}",
            e.id
        );
        assert!(
            e.en.contains(en_word),
            "{input:?}: en {:?} lacks {en_word:?}",
            e.en
        );
    }

    #[test]
    fn phone_good() {
        let cases = [
            ("0812-3456-7890", "+6281234567890"),
            ("0812 3456 7890", "+6281234567890"),
            ("6281234567890", "+6281234567890"),
            ("+62 812 3456 7890", "+6281234567890"),
            ("+62-812-3456-7890", "+6281234567890"),
            ("(0411) 123456", "+62411123456"),
            ("021-5250505", "+62215250505"),
            ("(021) 500.225", "+6221500225"),
            ("0812345678", "+62812345678"),
            ("1500225", "1500225"),
            ("1500-225", "1500225"),
            ("14022", "14022"),
            ("150123", "150123"),
            ("  0811 1234 567 ", "+628111234567"),
        ];
        for (raw, want) in cases {
            assert_eq!(phone(raw).as_deref(), Ok(want), "{raw:?}");
        }
    }

    #[test]
    fn phone_bad() {
        let rule_id = "nomor telepon Indonesia";
        let rule_en = "Indonesian phone number";
        let cases = [
            ("", "kosong", "empty"),
            ("0812-3456-789O", "karakter", "character"),
            ("telp 0812345678", "karakter", "character"),
            ("+1 202 555 0100", "kode negara", "country code"),
            ("+65 6123 4567", "kode negara", "country code"),
            ("0812345", "9–12", "9–12"),
            ("08123456789012", "9–12", "9–12"),
            ("021123", "7–12", "7–12"),
            ("02112345678901", "7–12", "7–12"),
            ("1234", "5–7", "5–7"),
            ("15002251", "5–7", "5–7"),
            ("812345678", "awalan", "prefix"),
            ("00812345678", "kode area", "area code"),
            ("+62 0812 3456 789", "kode area", "area code"),
            ("0812+3456789", "karakter", "character"),
        ];
        for (raw, id_word, en_word) in cases {
            assert_err(phone(raw), "phone", id_word, en_word, raw);
            assert_err(phone(raw), "phone", rule_id, rule_en, raw);
        }
    }

    #[test]
    fn email_table() {
        let good = [
            ("budi@kemenkeu.go.id", "budi@kemenkeu.go.id"),
            (
                "  Budi.Santoso@KEMENKEU.GO.ID ",
                "Budi.Santoso@kemenkeu.go.id",
            ),
            (
                "ppjk+bcare@pt-maju-jaya.co.id",
                "ppjk+bcare@pt-maju-jaya.co.id",
            ),
            ("a@b.co", "a@b.co"),
        ];
        for (raw, want) in good {
            assert_eq!(email(raw).as_deref(), Ok(want), "{raw:?}");
        }
        let long_local = format!("{}@x.com", "a".repeat(65));
        let bad = [
            ("", "kosong", "empty"),
            ("budi kemenkeu.go.id", "spasi", "spaces"),
            ("budi.kemenkeu.go.id", "@", "@"),
            ("budi@@kemenkeu.go.id", "lebih dari satu", "more than one"),
            ("a@b@c.id", "lebih dari satu", "more than one"),
            ("@kemenkeu.go.id", "sebelum @ kosong", "before @ is empty"),
            (long_local.as_str(), "64", "64"),
            ("budi@localhost", "titik", "dot"),
            ("budi@-kemenkeu.go.id", "domain", "domain label"),
            ("budi@kemenkeu-.go.id", "domain", "domain label"),
            ("budi@kemenkeu..go.id", "domain", "domain label"),
            ("budi@kemen_keu.go.id", "domain", "domain label"),
            ("budi@1.2.3.4", "akhiran", "top-level"),
            (".budi@x.id", "sebelum @", "before @"),
            ("bu(di)@x.id", "sebelum @", "before @"),
        ];
        for (raw, id_word, en_word) in bad {
            assert_err(email(raw), "email", id_word, en_word, raw);
            assert_err(email(raw), "email", "email", "email", raw);
        }
    }

    #[test]
    fn npwp_table() {
        let good = [
            ("01.234.567.8-901.000", "012345678901000"),
            ("0123 4567 8901 2345", "0123456789012345"),
            ("3201234567890001", "3201234567890001"),
            ("0123456789012345-000000", "0123456789012345000000"),
        ];
        for (raw, want) in good {
            assert_eq!(npwp(raw).as_deref(), Ok(want), "{raw:?}");
        }
        assert_err(
            npwp("01.234.567.8-901"),
            "npwp",
            "ditemukan 12 digit",
            "found 12 digits",
            "12",
        );
        assert_err(
            npwp("01234567890123456"),
            "npwp",
            "15 atau 16 digit (NPWP) atau 22 digit (NITKU)",
            "22 digits (NITKU)",
            "17",
        );
        assert_err(
            npwp(""),
            "npwp",
            "ditemukan 0 digit",
            "found 0 digits",
            "empty",
        );
        assert_err(
            npwp("01.234.567.8-9O1.000"),
            "npwp",
            "angka",
            "digits only",
            "letter O",
        );
        assert_err(npwp("0123/4567"), "npwp", "angka", "digits only", "slash");
    }

    #[test]
    fn nib_table() {
        assert_eq!(nib("9120 0012 3456 7").as_deref(), Ok("9120001234567"));
        assert_eq!(nib("9120-001234567").as_deref(), Ok("9120001234567"));
        assert_err(nib("912000123456"), "nib", "13 digit", "13 digits", "12");
        assert_err(nib("91200012345678"), "nib", "13 digit", "13 digits", "14");
        assert_err(nib("9120.001234567"), "nib", "angka", "digits only", "dot");
        assert_err(
            nib("912000123456A"),
            "nib",
            "angka",
            "digits only",
            "letter",
        );
    }

    #[test]
    fn nip_table() {
        let good = [
            ("198503152010121001", "198503152010121001"),
            ("19850315 201012 1 001", "198503152010121001"),
            ("196001011985032002", "196001011985032002"),
            ("200002292022012001", "200002292022012001"),
        ];
        for (raw, want) in good {
            assert_eq!(nip(raw).as_deref(), Ok(want), "{raw:?}");
        }
        let bad = [
            ("19850315201012100", "18 digit", "18 digits"),
            ("1985031520101210011", "18 digit", "18 digits"),
            ("19850315-201012-1-001", "angka", "digits only"),
            ("198502302010121001", "tanggal lahir", "birth date"),
            ("198513012010121001", "tanggal lahir", "birth date"),
            ("190002292010121001", "tanggal lahir", "birth date"),
            ("193012312010121001", "1940–2010", "1940–2010"),
            ("201101012030121001", "1940–2010", "1940–2010"),
            (
                "198503152010001001",
                "bulan pengangkatan",
                "appointment month",
            ),
            (
                "198503152010131001",
                "bulan pengangkatan",
                "appointment month",
            ),
            (
                "198503151980121001",
                "setelah tanggal lahir",
                "after the birth date",
            ),
            ("198503152010123001", "jenis kelamin", "gender"),
            ("198503152010120001", "jenis kelamin", "gender"),
        ];
        for (raw, id_word, en_word) in bad {
            assert_err(nip(raw), "nip", id_word, en_word, raw);
        }
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn nomor_aju_table() {
        let today = d(2026, 3, 1);
        let ok_clean = [
            (
                "000020-010017-20260115-000123",
                "00002001001720260115000123",
            ),
            (
                "000020 010017 20260115 000123",
                "00002001001720260115000123",
            ),
            (
                "04010b.bc2023.20250301.00abcd",
                "04010BBC20232025030100ABCD",
            ),
            ("00002001001720210301000123", "00002001001720210301000123"),
            ("00002001001720260301000123", "00002001001720260301000123"),
        ];
        for (raw, want) in ok_clean {
            let (s, w) = nomor_aju(raw, today).unwrap();
            assert_eq!(s, want, "{raw:?}");
            assert_eq!(w, None, "{raw:?}");
        }
        let warned = [
            (
                "000020-010017-20261301-000123",
                "bukan tanggal",
                "not a real date",
            ),
            (
                "000020-010017-2026XX15-000123",
                "bukan tanggal",
                "not a real date",
            ),
            (
                "000020-010017-20250229-000123",
                "bukan tanggal",
                "not a real date",
            ),
            ("000020-010017-20260302-000123", "masa depan", "future"),
            ("000020-010017-20210228-000123", "5 tahun", "5 years"),
        ];
        for (raw, id_word, en_word) in warned {
            let (s, w) = nomor_aju(raw, today).unwrap();
            assert_eq!(s.len(), 26);
            let w = w.unwrap_or_else(|| panic!("no warning for {raw:?}"));
            assert_eq!(w.field, "nomor_aju");
            assert!(w.id.contains(id_word) && w.id.contains("13–20"), "{w:?}");
            assert!(w.en.contains(en_word) && w.en.contains("13–20"), "{w:?}");
        }
        let bad = [
            (
                "000020-010017-20260115-00012",
                "26 karakter",
                "26 characters",
                "25",
            ),
            (
                "000020-010017-20260115-0001234",
                "26 karakter",
                "26 characters",
                "27",
            ),
            ("", "26 karakter", "26 characters", "0"),
            (
                "000020_010017_20260115_000123",
                "huruf dan angka",
                "letters and digits",
                "_",
            ),
            (
                "000020/010017-20260115-00012",
                "huruf dan angka",
                "letters and digits",
                "/",
            ),
        ];
        for (raw, id_word, en_word, detail) in bad {
            assert_err(nomor_aju(raw, today), "nomor_aju", id_word, en_word, raw);
            assert_err(nomor_aju(raw, today), "nomor_aju", detail, detail, raw);
        }
    }

    #[test]
    fn ticket_no_table() {
        let p = default_ticket_pattern();
        for (raw, want) in [
            ("A0254EB2B1", "A0254EB2B1"),
            (" a0254eb2b1 ", "A0254EB2B1"),
            ("A0254 EB2B1", "A0254EB2B1"),
            // F, B, C and D are hex digits, so this one fits the default shape.
            ("JFBC41D092", "JFBC41D092"),
        ] {
            assert_eq!(ticket_no(raw, &p), Ok((want.to_string(), None)), "{raw:?}");
        }
        for (raw, want) in [
            ("JGBC41D092", "JGBC41D092"),
            ("12345678", "12345678"),
            ("bc-2024-0001", "BC-2024-0001"),
        ] {
            let (s, w) = ticket_no(raw, &p).unwrap();
            assert_eq!(s, want);
            let w = w.unwrap_or_else(|| panic!("no warning for {raw:?}"));
            assert_eq!(w.field, "ticket_no");
            assert!(w.id.contains("tidak dikenal") && w.id.contains(DEFAULT_TICKET_PATTERN));
            assert!(w.en.contains("unknown") && w.en.contains(DEFAULT_TICKET_PATTERN));
        }
        // A configured pattern replaces the default.
        let digits = Regex::new("^[0-9]{8}$").unwrap();
        assert_eq!(
            ticket_no("12345678", &digits),
            Ok(("12345678".into(), None))
        );
        assert!(ticket_no("A0254EB2B1", &digits).unwrap().1.is_some());

        let bad = [
            ("", "wajib diisi", "is required"),
            ("   ", "wajib diisi", "is required"),
            ("A0254EB2B1!", "A–Z", "A–Z"),
            ("A0254_EB2B1", "A–Z", "A–Z"),
            ("Ä0254EB2B1", "A–Z", "A–Z"),
            ("ßABC", "A–Z", "A–Z"),
            ("AB1", "4–32", "4–32"),
            ("A234567890123456789012345678901234", "4–32", "4–32"),
        ];
        for (raw, id_word, en_word) in bad {
            assert_err(ticket_no(raw, &p), "ticket_no", id_word, en_word, raw);
        }
    }

    #[test]
    fn user_id_table() {
        for (raw, want) in [
            ("3201234567890001", "3201234567890001"),
            ("  budi.s ", "budi.s"),
            ("abc", "abc"),
        ] {
            assert_eq!(user_id(raw).as_deref(), Ok(want), "{raw:?}");
        }
        let sixty_five = "x".repeat(65);
        let bad = [
            ("ab", "3–64", "3–64"),
            ("", "3–64", "3–64"),
            (sixty_five.as_str(), "3–64", "3–64"),
            ("budi santoso", "spasi", "spaces"),
            ("budi\u{1b}[2J", "kontrol", "control"),
            ("budi\tx", "kontrol", "control"),
        ];
        for (raw, id_word, en_word) in bad {
            assert_err(user_id(raw), "user_id", id_word, en_word, raw);
        }
    }

    /// Phone-ish input: an optional prefix, digit groups and separators.
    fn phoneish() -> impl Strategy<Value = String> {
        let prefix = prop_oneof![
            Just(""),
            Just("0"),
            Just("62"),
            Just("+62"),
            Just("+62 "),
            Just("("),
            Just("+"),
            Just("1")
        ];
        let sep = prop_oneof![
            Just(""),
            Just(" "),
            Just("-"),
            Just("."),
            Just(")"),
            Just("(")
        ];
        (prefix, prop::collection::vec(("[0-9]{1,4}", sep), 1..5)).prop_map(|(p, groups)| {
            let mut s = p.to_string();
            for (g, sep) in groups {
                s.push_str(&g);
                s.push_str(sep);
            }
            s
        })
    }

    proptest! {
        #[test]
        fn phone_is_idempotent(raw in prop_oneof![phoneish(), any::<String>()]) {
            if let Ok(p) = phone(&raw) {
                prop_assert_eq!(phone(&p), Ok(p.clone()));
                prop_assert!(p.starts_with("+62") || (p.starts_with('1') && p.len() <= 7));
            }
        }

        #[test]
        fn npwp_output_is_digits(raw in "[0-9 .-]{0,30}") {
            if let Ok(d) = npwp(&raw) {
                prop_assert!(only_digits(&d) && matches!(d.len(), 15 | 16 | 22));
                prop_assert_eq!(npwp(&d), Ok(d.clone()));
            }
        }

        #[test]
        fn nomor_aju_is_idempotent(raw in "[0-9a-zA-Z -]{20,32}") {
            let today = d(2026, 3, 1);
            if let Ok((s, w)) = nomor_aju(&raw, today) {
                prop_assert_eq!(nomor_aju(&s, today), Ok((s.clone(), w)));
            }
        }
    }
}
