//! Formats of the identifiers a complaint carries: normalise first (officers
//! paste numbers with dots, dashes and spaces), then check, and say in both
//! languages which rule failed.
//!
//! A value that is plainly wrong is refused (`Err`). A value whose shape is
//! merely unusual (an old ticket number, an aju date far in the past) is kept
//! with a warning, because refusing it would block a real complaint.

use chrono::{Datelike, Months, NaiveDate};
use regex::Regex;

use super::msg::{FieldError, FieldMsg, FieldWarning, Lang, M};

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

/// A problem with a value in the officer's words: a fixed entry, or a sentence
/// with values (`|lang| M::…(lang, …)`).
trait Problem {
    fn say(&self, lang: Lang) -> String;
}

impl Problem for M {
    fn say(&self, lang: Lang) -> String {
        self.get(lang).into()
    }
}

impl<F: Fn(Lang) -> String> Problem for F {
    fn say(&self, lang: Lang) -> String {
        self(lang)
    }
}

/// A phone refusal: the problem, then the rule.
fn phone_err(problem: impl Problem) -> FieldError {
    FieldError::says("phone", |lang| M::PhoneRule(lang, problem.say(lang)))
}

/// Normalises an Indonesian phone number to "+62" + national number without
/// the trunk 0 ("0812-3456-7890" → "+6281234567890", "(0411) 123456" →
/// "+62411123456"). Service numbers (5–7 digits starting with 1, "1500-225")
/// stay as plain digits, since they cannot be dialled with +62.
pub fn phone(raw: &str) -> Result<String, FieldError> {
    let t = raw.trim();
    if t.is_empty() {
        return Err(phone_err(M::PhoneEmpty));
    }
    let plus = t.starts_with('+');
    let body = if plus { &t[1..] } else { t };
    if let Some(c) = body
        .chars()
        .find(|c| !(c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')')))
    {
        return Err(phone_err(|l| M::PhoneBadChar(l, format!("{c:?}"))));
    }
    let digits = strip(body, &[' ', '-', '.', '(', ')']);
    let national = if plus {
        match digits.strip_prefix("62") {
            Some(n) => n,
            None => {
                return Err(phone_err(M::PhoneNotPlus62));
            }
        }
    } else if let Some(n) = digits.strip_prefix("62") {
        n
    } else if let Some(n) = digits.strip_prefix('0') {
        n
    } else if digits.starts_with('1') {
        let n = digits.len();
        if !(5..=7).contains(&n) {
            return Err(phone_err(|l| M::PhoneServiceLength(l, n)));
        }
        return Ok(digits);
    } else {
        return Err(phone_err(M::PhoneUnknownPrefix));
    };

    let n = national.len();
    match national.chars().next() {
        Some('8') if (9..=12).contains(&n) => {}
        Some('8') => {
            return Err(phone_err(|l| M::PhoneMobileLength(l, n)));
        }
        Some('2'..='9') if (7..=12).contains(&n) => {}
        Some('2'..='9') => {
            return Err(phone_err(|l| M::PhoneLength(l, n)));
        }
        _ => {
            return Err(phone_err(M::PhoneNoArea));
        }
    }
    Ok(format!("+62{national}"))
}

// ---------------------------------------------------------------- email

fn email_err(problem: impl Problem) -> FieldError {
    FieldError::says("email", |lang| M::EmailRule(lang, problem.say(lang)))
}

/// A pragmatic e-mail check (not RFC 5322: quoted local parts and IP-literal
/// domains are refused because no DJBC user has one). Returns the address
/// trimmed, with the domain lower-cased; the local part keeps its case.
pub fn email(raw: &str) -> Result<String, FieldError> {
    let t = raw.trim();
    if t.is_empty() {
        return Err(email_err(M::EmailEmpty));
    }
    if t.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(email_err(M::EmailSpaces));
    }
    let (local, domain) = match t.split_once('@') {
        None => return Err(email_err(M::EmailNoAt)),
        Some((_, d)) if d.contains('@') => {
            return Err(email_err(M::EmailManyAt));
        }
        Some(pair) => pair,
    };
    if local.is_empty() {
        return Err(email_err(M::EmailLocalEmpty));
    }
    let local_len = local.chars().count();
    if local_len > 64 {
        return Err(email_err(|l| M::EmailLocalLong(l, local_len)));
    }
    let local_ok = local
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c))
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..");
    if !local_ok {
        return Err(email_err(M::EmailLocalChars));
    }
    let domain = domain.to_ascii_lowercase();
    if !domain.contains('.') {
        return Err(email_err(M::EmailNoDot));
    }
    if domain.len() > 253 {
        return Err(email_err(M::EmailDomainLong));
    }
    for label in domain.split('.') {
        let ok = !label.is_empty()
            && label.len() <= 63
            && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && !label.starts_with('-')
            && !label.ends_with('-');
        if !ok {
            return Err(email_err(|l| M::EmailDomainLabel(l, format!("{label:?}"))));
        }
    }
    let tld = domain.rsplit('.').next().unwrap_or("");
    if tld.len() < 2 || only_digits(tld) {
        return Err(email_err(M::EmailTld));
    }
    Ok(format!("{local}@{domain}"))
}

// ---------------------------------------------------------------- NPWP, NIB

/// NPWP (15 or 16 digits) or NITKU (22 digits); dots, dashes and spaces are
/// ignored. Returns digits only.
pub fn npwp(raw: &str) -> Result<String, FieldError> {
    let d = strip(raw.trim(), &['.', '-', ' ']);
    if !only_digits(&d) {
        return Err(FieldError::of("npwp", M::NpwpDigits));
    }
    let n = d.len();
    if !matches!(n, 15 | 16 | 22) {
        return Err(FieldError::says("npwp", |lang| M::NpwpLength(lang, n)));
    }
    Ok(d)
}

/// NIB: 13 digits; spaces and dashes ignored.
pub fn nib(raw: &str) -> Result<String, FieldError> {
    let d = strip(raw.trim(), &[' ', '-']);
    if !only_digits(&d) {
        return Err(FieldError::of("nib", M::NibDigits));
    }
    if d.len() != 13 {
        return Err(FieldError::says("nib", |lang| M::NibLength(lang, d.len())));
    }
    Ok(d)
}

// ---------------------------------------------------------------- NIP

fn nip_err(problem: impl Problem) -> FieldError {
    FieldError::says("nip", |lang| problem.say(lang))
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
        return Err(nip_err(M::NipDigits));
    }
    if d.len() != 18 {
        return Err(nip_err(|l| M::NipLength(l, d.len())));
    }
    let Some(birth) = ymd(&d[..8]) else {
        return Err(nip_err(|l| M::NipBirthDate(l, &d[..8])));
    };
    if !(1940..=2010).contains(&birth.year()) {
        return Err(nip_err(|l| M::NipBirthYear(l, birth.year())));
    }
    let appt_year: i32 = d[8..12].parse().expect("digits");
    let appt_month: u32 = d[12..14].parse().expect("digits");
    if !(1..=12).contains(&appt_month) {
        return Err(nip_err(|l| M::NipMonth(l, format!("{appt_month:02}"))));
    }
    // Nobody is appointed before being born; catches swapped or shifted digits.
    if (appt_year, appt_month) <= (birth.year(), birth.month()) {
        return Err(nip_err(M::NipAppointedBeforeBirth));
    }
    let gender = &d[14..15];
    if gender != "1" && gender != "2" {
        return Err(nip_err(|l| M::NipGender(l, gender)));
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
        return Err(FieldError::says("nomor_aju", |lang| {
            M::AjuChars(lang, format!("{c:?}"))
        }));
    }
    let n = s.len();
    if n != 26 {
        return Err(FieldError::says("nomor_aju", |lang| M::AjuLength(lang, n)));
    }
    let date_part = &s[12..20];
    let warning = match ymd(date_part) {
        None => Some(FieldMsg::says("nomor_aju", |lang| {
            M::AjuNoDate(lang, date_part)
        })),
        Some(date) if date > today => {
            Some(FieldMsg::says("nomor_aju", |lang| M::AjuFuture(lang, date)))
        }
        Some(date)
            if today
                .checked_sub_months(Months::new(AJU_MAX_AGE_MONTHS))
                .is_some_and(|limit| date < limit) =>
        {
            Some(FieldMsg::says("nomor_aju", |lang| M::AjuOld(lang, date)))
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
        return Err(FieldError::of("ticket_no", M::Required));
    }
    if let Some(c) = s
        .chars()
        .find(|c| !(c.is_ascii_uppercase() || c.is_ascii_digit() || *c == '-'))
    {
        return Err(FieldError::says("ticket_no", |lang| {
            M::TicketChars(lang, format!("{c:?}"))
        }));
    }
    let n = s.len();
    if !(4..=32).contains(&n) {
        return Err(FieldError::says("ticket_no", |lang| {
            M::TicketLength(lang, n)
        }));
    }
    let warning = (!pattern.is_match(&s))
        .then(|| FieldMsg::says("ticket_no", |lang| M::TicketShape(lang, pattern.as_str())));
    Ok((s, warning))
}

/// A user id for account problems (NIK-like, or any login id): trimmed,
/// 3–64 chars, no spaces inside and no control characters.
pub fn user_id(raw: &str) -> Result<String, FieldError> {
    let t = raw.trim();
    if t.chars().any(char::is_control) {
        return Err(FieldError::of("user_id", M::UserIdControl));
    }
    if t.chars().any(char::is_whitespace) {
        return Err(FieldError::of("user_id", M::UserIdSpaces));
    }
    let n = t.chars().count();
    if !(3..=64).contains(&n) {
        return Err(FieldError::says("user_id", |lang| M::UserIdLength(lang, n)));
    }
    Ok(t.to_string())
}

#[cfg(test)]
mod tests;
