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
    let v = trimmed(val);
    if v.chars().count() < 4 {
        return false;
    }
    let has_digit = v.chars().any(|c| c.is_ascii_digit());
    let has_symbol = v.chars().any(|c| !c.is_alphanumeric());
    let has_lower = v.chars().any(char::is_lowercase);
    let inner_upper = v.chars().skip(1).any(char::is_uppercase);
    has_digit || has_symbol || (has_lower && inner_upper)
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
    domain || matches!(v.as_str(), "ceisa40" | "ceisa4.0" | "ceisa4" | "ceisa2.0")
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
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn clean_table() {
        let cases: &[(&str, &str)] = &[
            ("  halo  ", "halo"),
            ("\x1b[2J", "[2J"),
            ("a\r\nb\rc", "a\nb\nc"),
            ("baris 1   \nbaris 2\t\n\n", "baris 1\nbaris 2"),
            ("a\u{0}b\u{7}c\u{7f}d\u{85}e\u{9f}f", "abcdef"),
            (
                "abc\u{202E}def\u{2066}g\u{200E}h\u{200F}i\u{061C}j",
                "abcdefghij",
            ),
            ("\tindent kept inside\n\tline", "indent kept inside\n\tline"),
            ("", ""),
            (" \r\n \t ", ""),
            ("Ünïcödé 🙂 tetap", "Ünïcödé 🙂 tetap"),
        ];
        for (raw, want) in cases {
            assert_eq!(clean(raw), *want, "clean({raw:?})");
        }
    }

    #[test]
    fn for_file_takes_out_what_acts_and_keeps_the_rest_as_stored() {
        let cases: &[(&str, &str)] = &[
            ("\x1b[2Jhalo\x07", "[2Jhalo"),
            ("a\u{0}b\u{85}c\u{9b}d\u{7f}e", "abcde"),
            ("abc\u{202E}def\u{2066}g", "abcdefg"),
            ("a\r\nb\rc", "a\nb\nc"),
            (
                "  kept as stored \n\tindent ",
                "  kept as stored \n\tindent ",
            ),
            ("Ünïcödé 🙂", "Ünïcödé 🙂"),
        ];
        for (raw, want) in cases {
            assert_eq!(for_file(raw), *want, "for_file({raw:?})");
        }
    }

    #[test]
    fn clean_line_table() {
        let cases: &[(&str, &str)] = &[
            ("  CEISA\n tidak   bisa\tlogin  ", "CEISA tidak bisa login"),
            ("a\r\n\r\nb", "a b"),
            ("\x1b]0;title\x07Nama", "]0;titleNama"),
            ("satu", "satu"),
        ];
        for (raw, want) in cases {
            assert_eq!(clean_line(raw), *want, "clean_line({raw:?})");
        }
    }

    /// Texts that carry a secret, in the forms officers meet: Indonesian and
    /// English labels, with or without `:`/`=`, with "-nya", with words between
    /// label and code, a code glued to the next word, and the secret's value.
    const LEAKS: &[(&str, &str)] = &[
        ("password: abc123", "abc123"),
        // What the password is for, between the label and its colon.
        ("password CEISA 4.0 : Daun#2026", "Daun#2026"),
        ("password sementara: Awan123", "Awan123"),
        // Short and misspelt labels of chats.
        ("user: adminsekar pw: Sekar2026", "Sekar2026"),
        ("pswd : Kopi_88", "Kopi_88"),
        ("user : opsbayu pasw : Bayu12345", "Bayu12345"),
        // An account and its password side by side.
        ("dengan username: sekarayu / sekarayu123", "sekarayu123"),
        // A new password set further along the sentence.
        (
            "mohon reset password email dinas saya menjadi : Kopi#Manis88",
            "Kopi#Manis88",
        ),
        ("password portal diubah ke Rahasia2026 saja", "Rahasia2026"),
        (
            "tolong ganti password akun kami jadi Bumi_Hijau7",
            "Bumi_Hijau7",
        ),
        (
            "username : hartono pasword: hartono 1999 tidak bisa login",
            "hartono",
        ),
        ("Password=rahasia", "rahasia"),
        ("pass=hunter2", "hunter2"),
        ("pwd: x", "x"),
        ("passwd Bea2025!", "Bea2025!"),
        ("kata sandi saya Rahasia1", "Rahasia1"),
        ("katasandi: qwerty", "qwerty"),
        ("sandi: Bea2025!", "Bea2025!"),
        ("Password baru: Qwerty!23", "Qwerty!23"),
        ("password baru saya: Qwerty!23", "Qwerty!23"),
        ("passwordnya adalah Cukai#01", "Cukai#01"),
        ("passwordnya Cukai#01", "Cukai#01"),
        ("password-nya: ceisa2026", "ceisa2026"),
        ("my password is hunter2", "hunter2"),
        ("the new password was Sunrise@7", "Sunrise@7"),
        ("Password Qwerty!23 sudah dicoba", "Qwerty!23"),
        ("password diganti menjadi Bea2025!", "Bea2025!"),
        ("user: budi, pwd=budi2024 tolong dicek", "budi2024"),
        (
            "tidak bisa login\nPassword: Sandi123\nmohon bantuan",
            "Sandi123",
        ),
        ("password saya password: x", "x"),
        ("kata sandi lama : BeaCukai", "BeaCukai"),
        ("passcode 55667788", "55667788"),
        ("OTP 123456", "123456"),
        ("OTP123456", "123456"),
        ("OTP:482913", "482913"),
        ("kode OTP: 482913", "482913"),
        ("kode OTP nya 123456", "123456"),
        ("OTPnya 556677", "556677"),
        ("OTP-nya 556677.", "556677"),
        ("otp=1234", "1234"),
        ("OTP yang masuk 123456", "123456"),
        ("OTP yang baru saja masuk 774411", "774411"),
        ("OTP 123456Nama pemohon: Budi", "123456"),
        ("OTP 123 456", "123 456"),
        ("OTP via SMS 908172", "908172"),
        ("PIN 1234", "1234"),
        ("PIN saya 9087", "9087"),
        ("pin: 4455", "4455"),
        ("kode verifikasi 99887766", "99887766"),
        ("Kode verifikasi yang masuk: 443322", "443322"),
        ("kode akses 7788", "7788"),
        ("verification code is 246810", "246810"),
        ("token: 12345678", "12345678"),
        ("token 83920175", "83920175"),
        ("Tokennya 5512", "5512"),
        ("security code: 3344", "3344"),
        ("OTP/PIN 908070", "908070"),
        ("\"password\": \"Rahasia2026\"", "Rahasia2026"),
        ("ID : budi.s@contoh.co.id Pas : Bcm5153", "Bcm5153"),
    ];

    /// Ordinary complaint text: mentions of the words, numbers of the trade,
    /// names and times next to a label.
    const ORDINARY: &[&str] = &[
        "Permohonan reset password Ceisa40 Nama: Yudha NIP: 199105172014121003",
        "Email: yudha.pw@contoh.go.id",
        "login user dan pasword contoh.go.id atas nama sari gagal",
        "pas login muncul error",
        "lupa password",
        "password akun : mohon direset",
        "permohonan reset password akun ceisa 4.0 email : wulan.sekar@contoh.go.id",
        "username: sekar.ayu@contoh.id / NPWP 0123",
        "user : admin / PT Maju",
        "Gate Pass : GP2026001 tidak muncul di TPS",
        "password CEISA 4.0 tidak bisa diubah",
        "ubah alamat email induk dari a@contoh.id menjadi b@contoh.id",
        "password tidak bisa diubah menjadi yang baru",
        "setelah reset password status berubah menjadi Locked",
        "reset password, kode bank diubah menjadi nomor 14",
        "Validasi Token NPWP Tidak Sesuai",
        "login akun dan pasword selalu gagal",
        "reset password",
        "password expired",
        "tidak bisa login, password expired",
        "Password: expired sejak kemarin",
        "password saya expired",
        "kata sandi saya HILANG",
        "akun terkunci setelah salah kata sandi 3 kali",
        "mohon reset kata sandi untuk user 3201234567890001",
        "lupa password akun budi01",
        "password minimal 8 karakter",
        "password harus diganti setiap 90 hari",
        "password: ******",
        "Password\nSaya sudah coba reset berkali-kali",
        "OTP tidak masuk",
        "OTP tidak masuk ke HP",
        "OTP tidak terkirim",
        "OTP tidak masuk sejak 2025",
        "OTP masuk 14:30 tapi sudah kedaluwarsa",
        "OTP dikirim ke 0812-3456-7890",
        "OTP dikirim ke nomor +6281234567890",
        "kode OTP berlaku 5 menit",
        "OTP yang masuk 2 kali",
        "kode verifikasi tidak diterima",
        "PIN SSO tidak bisa diubah",
        "token expired sejak 2025",
        "token listrik 12345678901234567890",
        "kode billing 820261127000123",
        "billing 820261127000123 sudah dibayar 27/11/2026",
        "nomor aju 00000001001720261127000123",
        "HS 8471.30.20 ditolak",
        "NPWP 01.234.567.8-901.000",
        "telepon 0812 3456 7890",
        "passport pegawai sudah diunggah",
        "bypass proxy kantor 1500225",
        "sandiwara",
        "pinjam laptop 1234",
        "Pemohon Sandi Pratama, HP 081234567890",
        "Bapak Sandi 0812 3456 7890 minta ditelepon",
        "dokumen dikirim 2026-11-27 pukul 09:15 WITA",
        "PEB tidak bisa dikirim, muncul error validasi",
        "Nama pemohon: Budi\nUser ID: user01234\nNomor aju: 00000001001720261127000123",
        "kata sandi: tidak berubah setelah reset",
        "token: kedaluwarsa",
        "reset PIN 3 kali gagal",
        "OTP/PIN tidak masuk",
        "kode verifikasi/akses belum diterima",
        "token_env = \"BCARE_TOKEN\"",
        "bearer token (never logged).",
        "password: …",
        "(`password expired`), dan `OTP nya` belum masuk",
        "Pesan di layar: \"Password salah\"",
    ];

    #[test]
    fn refuse_secrets_table() {
        assert!(LEAKS.len() >= 40 && ORDINARY.len() >= 40);
        let mut wrong = Vec::new();
        for (t, secret) in LEAKS {
            match refuse_secrets("description", t) {
                Ok(()) => wrong.push(format!("let through: {t:?}")),
                Err(e) => {
                    assert_eq!(e.field, "description");
                    assert!(
                        e.id.contains("mohon hapus") && e.en.contains("remove"),
                        "{t}"
                    );
                    // The refusal names what looks like a secret, never the secret.
                    for msg in [&e.id, &e.en] {
                        assert!(!msg.contains(secret), "{t}: echoes the secret: {msg}");
                    }
                }
            }
        }
        for t in ORDINARY {
            if let Err(e) = refuse_secrets("description", t) {
                wrong.push(format!("refused: {t:?} ({})", e.en));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn refusal_names_the_label_and_the_kind() {
        let e = refuse_secrets("problem", "Password baru: Qwerty!23").unwrap_err();
        assert_eq!(e.field, "problem");
        assert!(e.id.contains("kata sandi setelah “Password”"), "{}", e.id);
        assert!(e.en.contains("a password after “Password”"), "{}", e.en);
        let e = refuse_secrets("description", "kode OTP nya 123456").unwrap_err();
        assert!(e.id.contains("kode OTP/PIN setelah “OTP”"), "{}", e.id);
        assert!(e.en.contains("an OTP/PIN code after “OTP”"), "{}", e.en);
    }

    #[test]
    fn a_draft_keeps_no_field_that_looks_like_a_secret() {
        let draft = serde_json::json!({
            "name": "Budi Santoso",
            "phone": "0812-3456-7890",
            "subject": "OTP tidak masuk",
            "description": "Tidak bisa login.\nPassword baru saya: Qwerty!23",
            "user_id": "budi01",
            "aju": ["00000001001720261127000123", "kode OTP nya 123456"],
            "attachments": [],
        });
        let (kept, refused) = draft_safe(&draft);
        assert_eq!(refused, vec!["aju".to_string(), "description".to_string()]);
        assert_eq!(kept["description"], "");
        assert_eq!(
            kept["aju"],
            serde_json::json!(["00000001001720261127000123"])
        );
        for field in ["name", "phone", "subject", "user_id", "attachments"] {
            assert_eq!(kept[field], draft[field], "{field}");
        }
        let stored = kept.to_string();
        assert!(
            !stored.contains("Qwerty") && !stored.contains("123456\""),
            "{stored}"
        );

        // Nothing to refuse: the draft is written as typed.
        let clean = serde_json::json!({"name": "Siti", "description": "lupa password"});
        assert_eq!(draft_safe(&clean), (clean.clone(), Vec::new()));
    }

    #[test]
    fn free_text_rules() {
        assert_eq!(
            free_text("subject", "  CEISA\n lambat ", SUBJECT_MAX, true, true),
            Ok("CEISA lambat".to_string())
        );
        assert_eq!(
            free_text("description", "a\r\nb", DESCRIPTION_MAX, true, false),
            Ok("a\nb".to_string())
        );
        assert_eq!(
            free_text("note", " \n ", NOTE_MAX, false, false),
            Ok(String::new())
        );

        let e = free_text("subject", " \x1b \n", SUBJECT_MAX, true, true).unwrap_err();
        assert_eq!(e.field, "subject");
        assert!(e.id.contains("wajib diisi") && e.en.contains("is required"));

        // Counted in chars, not bytes: 5 two-byte chars fit in 5.
        assert_eq!(
            free_text("name", "ééééé", 5, true, true),
            Ok("ééééé".into())
        );
        let e = free_text("name", "éééééé", 5, true, true).unwrap_err();
        assert_eq!(e.field, "name");
        assert!(e.id.contains("terlalu panjang") && e.id.contains('5') && e.id.contains('6'));
        assert!(e.en.contains("too long") && e.en.contains('5') && e.en.contains('6'));

        let e = free_text("description", "OTP 123456", DESCRIPTION_MAX, true, false).unwrap_err();
        assert_eq!(e.field, "description");
        assert!(e.en.contains("OTP"));
    }

    #[test]
    fn for_terminal_table() {
        let cases: &[(&str, &str)] = &[
            ("\x1b[2J", "^[[2J"),
            ("\x1b]52;c;aGk=\x07", "^[]52;c;aGk=^G"),
            ("a\rb", "a^Mb"),
            ("a\u{0}b\u{7f}c", "a^@b^?c"),
            ("x\u{9b}31m", "x\u{FFFD}31m"),
            ("abc\u{202E}def", "abcdef"),
            ("baris\n\tdua", "baris\n\tdua"),
            ("biasa saja", "biasa saja"),
        ];
        for (raw, want) in cases {
            assert_eq!(for_terminal(raw), *want, "for_terminal({raw:?})");
        }
    }

    fn removed_class(c: char) -> bool {
        is_removed_control(c) || is_bidi_control(c)
    }

    /// Strings rich in the characters the rules care about.
    fn nasty() -> impl Strategy<Value = String> {
        let pieces = prop_oneof![
            Just("\r".to_string()),
            Just("\r\n".to_string()),
            Just("\n".to_string()),
            Just("\t".to_string()),
            Just(" ".to_string()),
            Just("\u{a0}".to_string()),
            Just("\x1b".to_string()),
            Just("\u{85}".to_string()),
            Just("\u{202E}".to_string()),
            Just("\u{2067}".to_string()),
            (0u32..0xA0).prop_map(|n| char::from_u32(n).unwrap().to_string()),
            "[a-zA-Zé🙂]{0,3}",
        ];
        prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
    }

    /// Strings made of the guard's own pieces: labels, separators, codes, quotes.
    fn labelled() -> impl Strategy<Value = String> {
        let pieces = prop_oneof![
            Just("password".to_string()),
            Just("kata sandi".to_string()),
            Just("OTP".to_string()),
            Just("nya".to_string()),
            Just("-".to_string()),
            Just(":".to_string()),
            Just("=".to_string()),
            Just(" ".to_string()),
            Just("\n".to_string()),
            Just("\"".to_string()),
            Just("/".to_string()),
            Just("…".to_string()),
            Just("é".to_string()),
            "[0-9]{1,9}",
            "[a-zA-Z!#]{1,6}",
        ];
        prop::collection::vec(pieces, 0..24).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn the_guard_answers_any_text(s in prop_oneof![labelled(), any::<String>()]) {
            // Never panics; a refusal never quotes more than the label.
            if let Some(found) = find_secret(&s) {
                prop_assert!(!found.label.is_empty());
                prop_assert!(found.label.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '-'));
            }
        }

        #[test]
        fn clean_removes_and_is_idempotent(s in prop_oneof![nasty(), any::<String>()]) {
            let once = clean(&s);
            prop_assert!(!once.chars().any(removed_class), "{once:?}");
            prop_assert_eq!(clean(&once), once.clone());
            prop_assert_eq!(once.trim(), once.as_str());
        }

        #[test]
        fn clean_line_is_one_line(s in prop_oneof![nasty(), any::<String>()]) {
            let line = clean_line(&s);
            prop_assert!(!line.contains(['\n', '\t', '\r']));
            prop_assert!(!line.contains("  "));
            prop_assert!(!line.chars().any(removed_class));
            prop_assert_eq!(clean_line(&line), line.clone());
        }

        #[test]
        fn for_terminal_is_printable(s in prop_oneof![nasty(), any::<String>()]) {
            let out = for_terminal(&s);
            for c in out.chars() {
                prop_assert!(c >= '\u{20}' || c == '\n' || c == '\t', "{c:?}");
                prop_assert!(!('\u{7F}'..='\u{9F}').contains(&c), "{c:?}");
                prop_assert!(!is_bidi_control(c), "{c:?}");
            }
        }

        #[test]
        fn free_text_respects_limit(s in nasty(), max in 0usize..30) {
            if let Ok(t) = free_text("note", &s, max, false, false) {
                prop_assert!(t.chars().count() <= max);
            }
        }
    }
}
