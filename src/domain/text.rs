//! Free text where it enters the desk (cleaned, bounded, screened for secrets)
//! and where it leaves for the terminal (made harmless to print).
//!
//! Complaint text is pasted from WhatsApp, e-mail and PDFs; it carries stray
//! control characters, Windows line ends and, now and then, a user's password
//! or OTP. None of that may reach the database or a BCare ticket.

use std::sync::LazyLock;

use regex::Regex;

use super::msg::{FieldError, M};

pub const SUBJECT_MAX: usize = 200;
pub const DESCRIPTION_MAX: usize = 10_000;
pub const NAME_MAX: usize = 120;
pub const ORG_MAX: usize = 200;
pub const NOTE_MAX: usize = 2_000;

/// Bidi controls can make text display in an order other than the stored one
/// ("Trojan Source"), so they are never kept or shown.
fn is_bidi_control(c: char) -> bool {
    matches!(c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// C0 (except newline and tab), DEL and C1.
fn is_removed_control(c: char) -> bool {
    (c < '\u{20}' && c != '\n' && c != '\t') || ('\u{7F}'..='\u{9F}').contains(&c)
}

/// Removes C0/C1 controls (keeping `\n` and `\t`) and bidi controls; turns
/// `\r\n` and lone `\r` into `\n`; trims trailing whitespace of every line and
/// leading/trailing whitespace of the whole text. ESC is removed, so
/// `"\x1b[2J"` becomes `"[2J"`.
pub fn clean(raw: &str) -> String {
    // Line ends first, so that '\r' (a C0 control) is not simply dropped and
    // two lines glued together.
    let unified = raw.replace("\r\n", "\n").replace('\r', "\n");
    let kept: String = unified
        .chars()
        .filter(|&c| !is_removed_control(c) && !is_bidi_control(c))
        .collect();
    let lines: Vec<&str> = kept.split('\n').map(str::trim_end).collect();
    lines.join("\n").trim().to_string()
}

/// [`clean`] for one-line fields (subject, name): newlines and tabs become
/// spaces and every run of whitespace collapses to one space.
pub fn clean_line(raw: &str) -> String {
    clean(raw).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The words officers and applicants write before a secret, longest first so
/// that "password" is not read as "pass". A label may carry "-nya"
/// ("passwordnya", "OTP-nya") and must end there: "passport", "sandiwara" and
/// "pinjam" are not labels. Digits may follow at once ("OTP123456"). Matched
/// on the text in ASCII lower case: a case-blind pattern costs more to build
/// than the rest of an `intake` command.
static LABEL_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?P<label>passwords?|pasword|paswd|passwd|passwod|paswod|passcode|passw|pasw|pass|pas|pwd|pswd|psw|pw|kata[ \t]*sandi|sandi|otp|pin|m-pin|token|kode[ \t]+(?:verifikasi|akses|aktivasi|keamanan|konfirmasi)|verification[ \t]+code|security[ \t]+code|access[ \t]+code)(?:-?nya)?",
    )
    .expect("label regex")
});

/// Words that may stand between a label and its secret without changing what
/// it is: "password baru saya: …", "OTP yang masuk 123456", "kode OTP nya …".
/// A word outside this list ("tidak", "expired", "sejak", "untuk") ends the
/// search, so "OTP tidak masuk sejak 2025" stays ordinary text.
const LINKING_WORDS: &[&str] = &[
    "nya", "yang", "baru", "lama", "saya", "sy", "aku", "anda", "kamu", "dia", "beliau", "adalah",
    "ialah", "yaitu", "yakni", "is", "was", "my", "new", "old", "the", "code", "kode", "masuk",
    "diterima", "tadi", "barusan", "terakhir", "sms", "via", "wa", "whatsapp", "ini", "itu",
    "saja", "diganti", "diubah", "menjadi", "jadi",
];

/// What a password is for or how long it holds, as part of its label when a
/// ":"/"=" follows: "password CEISA 4.0 : …", "password sementara: …", "pass
/// login = …". Without the colon the word after them is the account's, not
/// the password ("lupa password akun budi01"). An account or e-mail word is
/// not one: "password akun ceisa 4.0 email : a@b.id" gives the e-mail.
const LABEL_QUALIFIERS: &[&str] = &[
    "sementara",
    "default",
    "awal",
    "terbaru",
    "sekarang",
    "skrg",
    "login",
    "ceisa",
    "4.0",
    "portal",
    "aplikasi",
    "sso",
    "vpn",
];

/// Whether the label goes on over qualifiers and linking words to a ":"/"=".
fn label_goes_on_to_colon(tokens: &[&str]) -> bool {
    let part_of_label = |w: &str| {
        let w = w.to_lowercase();
        w.is_empty() || LABEL_QUALIFIERS.contains(&w.as_str()) || is_linking(&w)
    };
    for t in tokens {
        if let Some(j) = t.find([':', '=']) {
            return part_of_label(&t[..j]);
        }
        if !part_of_label(t) {
            return false;
        }
    }
    false
}

/// Words that may follow "password:" in an ordinary complaint ("Password:
/// expired", "PIN: terblokir"): they describe the secret's state, not its value.
const STATE_WORDS: &[&str] = &[
    "tidak",
    "belum",
    "sudah",
    "expired",
    "kadaluarsa",
    "kedaluwarsa",
    "terkunci",
    "terblokir",
    "diblokir",
    "blocked",
    "locked",
    "salah",
    "lupa",
    "hilang",
    "reset",
    "direset",
    "invalid",
    "gagal",
    "error",
    "kosong",
    "diubah",
    "berubah",
    "wrong",
    "forgotten",
    "none",
    // A request where the value would be: "password akun : mohon direset".
    "mohon",
    "tolong",
    "minta",
    "dibantu",
    "bantu",
    "apakah",
    "kenapa",
    "bagaimana",
];

/// At most this many linking words are crossed between a label and a value.
const MAX_LINKING: usize = 4;

/// What a label's neighbourhood holds: a value written after `:`/`=`, or one
/// written after the label and linking words alone.
struct Candidate {
    value: String,
    explicit: bool,
}

/// Reads, on the label's own line, the value a label introduces (crossing
/// linking words and `:`/`=`), or None when an ordinary word comes first.
fn candidate_after(rest: &str) -> Option<Candidate> {
    let line = rest.split('\n').next().unwrap_or("");
    let tokens: Vec<&str> = line.split([' ', '\t']).filter(|t| !t.is_empty()).collect();
    let mut explicit = false;
    let mut linking = 0;
    for (i, token) in tokens.iter().enumerate() {
        // "saya:" or ":" or "=abc": split at a separator that follows a word
        // (or nothing), so that a time "14:30" stays one value.
        // Quotes around a word or a key are no part of it: `"password": "…"`.
        let quotes = ['"', '\'', '`'];
        let (head, tail) = match token.find([':', '=']) {
            Some(j)
                if token[..j]
                    .trim_matches(quotes)
                    .chars()
                    .all(char::is_alphabetic) =>
            {
                (
                    token[..j].trim_matches(quotes),
                    Some(token[j + 1..].trim_start_matches([':', '='])),
                )
            }
            _ => (*token, None),
        };
        let qualifier = LABEL_QUALIFIERS.contains(&head.to_lowercase().as_str())
            && label_goes_on_to_colon(&tokens[i..]);
        if !head.is_empty() && !is_linking(head) && !qualifier {
            return Some(Candidate {
                value: with_digit_groups(token, &tokens[i + 1..]),
                explicit,
            });
        }
        if let Some(tail) = tail {
            explicit = true;
            if !tail.is_empty() {
                return Some(Candidate {
                    value: with_digit_groups(tail, &tokens[i + 1..]),
                    explicit,
                });
            }
        }
        if !head.is_empty() {
            linking += 1;
            if linking > MAX_LINKING {
                return None;
            }
        }
    }
    None
}

/// A number written in groups is one value: "123 456" is a six-digit OTP,
/// "0812 3456 7890" a phone number.
fn with_digit_groups(first: &str, following: &[&str]) -> String {
    let all_digits = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit());
    if !all_digits(first) {
        return first.to_string();
    }
    let mut value = first.to_string();
    for t in following {
        let t = trimmed(t);
        if !all_digits(t) {
            break;
        }
        value.push_str(t);
    }
    value
}

fn is_linking(word: &str) -> bool {
    let w = trimmed(word).to_lowercase();
    LINKING_WORDS.contains(&w.as_str())
}

/// Strips the punctuation a sentence puts after a value.
/// Also the quotes, brackets and emphasis around a word ("(never", "`expired`)").
fn trimmed(val: &str) -> &str {
    val.trim_start_matches(['(', '[', '"', '\'', '`', '*'])
        .trim_end_matches([
            '.', ',', ';', ':', '!', '?', ')', ']', '}', '"', '\'', '`', '*', '…',
        ])
}

/// A value shaped like an ordinary number of the trade rather than a code:
/// a time (14:30), a date (27/11/2026), an HS code (8471.30.20), a phone
/// (0812-3456-7890, +6281234567890), or a long number (nomor aju, NPWP, NIK,
/// billing code) — more than 8 digits, which no OTP or PIN has.
fn is_trade_number(val: &str) -> bool {
    let v = trimmed(val);
    let digits = v.chars().filter(char::is_ascii_digit).count();
    let all_numeric = v
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | ':' | '/' | '-' | '+' | ','));
    let punctuated = v
        .trim_start_matches('+')
        .contains(['.', ':', '/', '-', ',']);
    all_numeric && digits > 0 && (digits > 8 || punctuated)
}

/// A value that looks like a credential rather than a word: it has a digit
/// ("123456", "123456Nama", "budi2024"), a symbol ("Qwerty!23") or a capital
/// inside ("CukaiBaru"). "expired", "HILANG", "SSO" are words.
fn looks_like_token(val: &str) -> bool {
    let v = bare_word(val);
    if v.chars().count() < 4 || is_hyphenated_words(v) {
        return false;
    }
    let has_digit = v.chars().any(|c| c.is_ascii_digit());
    let has_symbol = v.chars().any(|c| !c.is_alphanumeric());
    let has_lower = v.chars().any(char::is_lowercase);
    let inner_upper = v.chars().skip(1).any(char::is_uppercase);
    has_digit || has_symbol || (has_lower && inner_upper)
}

/// A word without what a sentence or a web form puts around it: a slash
/// after it ("salah/ tidak bisa login"), an HTML entity a CEISACare text
/// keeps ("&ldquo;salah&rdquo;").
fn bare_word(val: &str) -> &str {
    static ENTITY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?:&(?:[lr][ds]quo|quot|amp|nbsp|[nm]dash|bull|hellip|lt|gt);)+|(?:&(?:[lr][ds]quo|quot|amp|nbsp|[nm]dash|bull|hellip|lt|gt);?)+$",
        )
        .expect("entity regex")
    });
    let mut v = trimmed(val);
    loop {
        let before = v;
        v = trimmed(v.trim_end_matches('/'));
        if let Some(m) = ENTITY.find(v) {
            v = if m.start() == 0 {
                &v[m.end()..]
            } else {
                &v[..m.start()]
            };
        }
        if v == before {
            return v;
        }
    }
}

/// "Multi-Factor", "e-Faktur", "Host-to-Host": words joined by hyphens, no
/// digit and no other sign, are a name, not a credential.
fn is_hyphenated_words(v: &str) -> bool {
    v.contains('-')
        && v.split('-')
            .all(|w| !w.is_empty() && w.chars().all(char::is_alphabetic))
}

/// A value already masked by the officer ("password: ******") is not a secret.
fn is_masked(val: &str) -> bool {
    let v = val.trim_end_matches(['.', ',', ';', ')']);
    !v.is_empty() && v.chars().all(|c| matches!(c, '*' | '•' | '●'))
}

fn is_state_word(val: &str) -> bool {
    let v = trimmed(val).to_lowercase();
    STATE_WORDS.contains(&v.as_str()) || LINKING_WORDS.contains(&v.as_str())
}

/// "reset password Ceisa40 Nama: …": the system the password opens, written
/// without a colon, is what the password is for, not the password.
fn is_system_name(val: &str) -> bool {
    let v = trimmed(val).to_lowercase();
    // "user dan pasword kemenkeu.go.id": the account's domain, likewise.
    let domain = !v.contains('@')
        && [".go.id", ".co.id", ".com", ".id"]
            .iter()
            .any(|t| v.ends_with(t));
    // "mengganti password via M365": the mail service the password is for.
    domain
        || matches!(
            v.as_str(),
            "ceisa40" | "ceisa4.0" | "ceisa4" | "ceisa2.0" | "m365" | "o365" | "office365"
        )
}

/// After `:`/`=` any value counts except a mask, a state word or a trade
/// number; without one, only a value that looks like a credential counts.
fn is_secret(c: &Candidate) -> bool {
    let v = c.value.as_str();
    if is_masked(v) || is_trade_number(v) {
        return false;
    }
    // Punctuation alone ("…", "-") holds no secret.
    if !trimmed(v).chars().any(char::is_alphanumeric) {
        return false;
    }
    if c.explicit {
        !is_state_word(v)
    } else {
        looks_like_token(v) && !is_system_name(v)
    }
}

/// A new password set further along the label's sentence: "reset password
/// email saya menjadi : Abc123", "password diubah ke Rahasia2026", "ganti
/// password jadi Qwerty!23". The value counts like any other: after ":" any
/// value but a state word, without one only a credential-shaped one.
fn new_value_after(rest: &str) -> Option<Candidate> {
    static NEW_VALUE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^[^.\n]{0,60}?\b(?:menjadi|jadi|diubah(?:[ \t]+(?:ke|menjadi|jadi))?|diganti(?:[ \t]+(?:ke|menjadi|jadi|dengan))?|ganti[ \t]+(?:ke|jadi|menjadi|dengan)|ubah[ \t]+(?:ke|jadi|menjadi))\b[ \t]*(?P<sep>[:=])?[ \t]*(?P<value>[^ \t\n]+)",
        )
        .expect("new value regex")
    });
    let line = rest.split('\n').next().unwrap_or("");
    let c = NEW_VALUE.captures(line)?;
    Some(Candidate {
        value: c["value"].to_string(),
        explicit: c.name("sep").is_some(),
    })
}

/// The kind of secret a label announces, for the refusal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretKind {
    Password,
    Code,
}

/// Where a text seems to carry a secret: the label as written and what kind
/// of secret follows it. The secret itself is never part of the answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecretFound {
    pub label: String,
    pub kind: SecretKind,
}

/// Finds the first label followed by a value that looks like a secret.
pub fn find_secret(text: &str) -> Option<SecretFound> {
    // ASCII lower case keeps every byte where it was: the match's offsets hold in `text`.
    let lowered = text.to_ascii_lowercase();
    for m in LABEL_RE.captures_iter(&lowered) {
        let whole = m.get(0).expect("whole match");
        let after = &text[whole.end()..];
        // A label must end at its word: "passport", "sandiwara", "pinjam", and
        // is not part of a name or a list: "token_env", "OTP/PIN", "token-based".
        let mut next = after.chars();
        let part_of_a_word = match (next.next(), next.next()) {
            (Some(c), _) if c.is_alphabetic() || c == '_' || c == '/' => true,
            (Some('-'), Some(c)) => c.is_alphabetic(),
            _ => false,
        };
        // "Gate Pass : GP2026001", "boarding pass": a pass of the port, not a password.
        let before = lowered[..whole.start()].trim_end();
        let port_pass = m["label"].starts_with("pass")
            && (before.ends_with("gate") || before.ends_with("boarding"));
        // "Pas : Kpxa7281" shortens "password"; without its colon "pas" is
        // the everyday word ("pas login muncul error", "pas foto").
        let bare_pas = &m["label"] == "pas"
            && !after
                .trim_start_matches([' ', '\t'])
                .starts_with([':', '=']);
        // "yudha.pw@contoh.go.id": a label inside an e-mail address is none.
        let in_address =
            lowered[..whole.start()].ends_with(['.', '@', '_']) || after.starts_with('@');
        if part_of_a_word || port_pass || bare_pas || in_address {
            continue;
        }
        let secret = candidate_after(after).is_some_and(|c| is_secret(&c))
            || new_value_after(after).is_some_and(|c| is_secret(&c));
        if secret {
            let label = clean_line(&text[m.name("label").expect("label").range()]);
            let lower = label.to_lowercase();
            let kind = if lower.starts_with("pas")
                || lower.starts_with("pw")
                || lower.starts_with("psw")
                || lower.contains("sandi")
            {
                SecretKind::Password
            } else {
                SecretKind::Code
            };
            return Some(SecretFound { label, kind });
        }
    }
    user_and_password(text)
}

/// "username: sekarsari / sekarsari789": an account and its password side
/// by side after the account's label. The second value counts when it looks
/// like a credential and is neither the first again, an e-mail nor a number
/// of the trade.
fn user_and_password(text: &str) -> Option<SecretFound> {
    static PAIR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\b(?P<label>user(?:[ \t_-]?(?:name|id))?|nama[ \t]+pengguna)[ \t]*[:=][ \t]*(?P<user>[^\s/:=]+)[ \t]*/[ \t]*(?P<pass>[^\s/]+)",
        )
        .expect("user pair regex")
    });
    PAIR.captures_iter(text).find_map(|c| {
        let pass = trimmed(&c["pass"]);
        let secret = pass != trimmed(&c["user"])
            && !pass.contains('@')
            && !is_trade_number(pass)
            && looks_like_token(pass);
        secret.then(|| SecretFound {
            label: clean_line(&c["label"]),
            kind: SecretKind::Password,
        })
    })
}

fn secret_error(field: &'static str, found: &SecretFound) -> FieldError {
    let label = &found.label;
    let what = match found.kind {
        SecretKind::Password => M::SecretPassword,
        SecretKind::Code => M::SecretCode,
    };
    FieldError::says(field, |lang| M::SecretInText(lang, what.get(lang), label))
}

/// Refuses text that looks like it carries a password or an OTP/PIN code.
/// Mentioning the word ("lupa password", "OTP tidak masuk") is fine; a label
/// followed — directly, after `:`/`=`, or after a few linking words — by a
/// value shaped like a secret is refused. The refusal names the label, never
/// the value.
pub fn refuse_secrets(field: &'static str, text: &str) -> Result<(), FieldError> {
    match find_secret(text) {
        Some(found) => Err(secret_error(field, &found)),
        None => Ok(()),
    }
}

/// A draft as it may be written to disk. A draft is the form as typed,
/// serialised; every text field (or list item) the secret guard refuses is
/// emptied, so a password typed into the form never rests in the drafts
/// table. Returns the draft to store and the names of the fields emptied.
/// Works on the serialised form so that a field added later is guarded too.
pub fn draft_safe(draft: &serde_json::Value) -> (serde_json::Value, Vec<String>) {
    use serde_json::Value;
    let Value::Object(fields) = draft else {
        return (draft.clone(), Vec::new());
    };
    let mut refused = Vec::new();
    let mut kept = serde_json::Map::new();
    for (name, value) in fields {
        let safe = match value {
            Value::String(s) if find_secret(s).is_some() => {
                refused.push(name.clone());
                Value::String(String::new())
            }
            Value::Array(items) => {
                let before = items.len();
                let items: Vec<Value> = items
                    .iter()
                    .filter(|v| v.as_str().is_none_or(|s| find_secret(s).is_none()))
                    .cloned()
                    .collect();
                if items.len() != before {
                    refused.push(name.clone());
                }
                Value::Array(items)
            }
            other => other.clone(),
        };
        kept.insert(name.clone(), safe);
    }
    (Value::Object(kept), refused)
}

/// Cleans (one-line or multi-line), then checks required, length (in chars)
/// and secrets. Returns the cleaned text.
pub fn free_text(
    field: &'static str,
    raw: &str,
    max_chars: usize,
    required: bool,
    one_line: bool,
) -> Result<String, FieldError> {
    let text = if one_line {
        clean_line(raw)
    } else {
        clean(raw)
    };
    if text.is_empty() {
        if required {
            return Err(FieldError::of(field, M::Required));
        }
        return Ok(text);
    }
    let n = text.chars().count();
    if n > max_chars {
        return Err(FieldError::says(field, |lang| {
            M::TooLong(lang, max_chars, n)
        }));
    }
    refuse_secrets(field, &text)?;
    Ok(text)
}

/// Makes stored text harmless to print in a terminal: C0 controls and DEL
/// become their caret form (ESC → "^["), C1 controls become U+FFFD, bidi
/// controls are removed; `\n` and `\t` stay. A stored "\x1b[2J" or OSC 52
/// "\x1b]52;c;...\x07" thus shows as plain text instead of acting.
pub fn for_terminal(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' | '\t' => out.push(c),
            c if c < '\u{20}' => {
                out.push('^');
                out.push(char::from(c as u8 + 0x40));
            }
            '\u{7F}' => out.push_str("^?"),
            '\u{80}'..='\u{9F}' => out.push('\u{FFFD}'),
            c if is_bidi_control(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Makes stored text safe to hand over in a file another program opens (an
/// export's CSV, JSON or workbook): what [`clean`] keeps out on the way in is
/// taken out on the way out — C0 controls but `\n` and `\t`, DEL, C1 and bidi
/// controls — and `\r\n` or a lone `\r` becomes `\n`. Unlike [`clean`] it
/// trims nothing, so text stored clean leaves unchanged.
pub fn for_file(s: &str) -> String {
    if !s
        .chars()
        .any(|c| is_removed_control(c) || is_bidi_control(c))
    {
        return s.to_string();
    }
    s.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|&c| !is_removed_control(c) && !is_bidi_control(c))
        .collect()
}

#[cfg(test)]
mod tests;
