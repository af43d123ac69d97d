//! Free text where it enters the desk (cleaned, bounded, screened for secrets)
//! and where it leaves for the terminal (made harmless to print).
//!
//! Complaint text is pasted from WhatsApp, e-mail and PDFs; it carries stray
//! control characters, Windows line ends and, now and then, a user's password
//! or OTP. None of that may reach the database or a BCare ticket.

use std::sync::LazyLock;

use regex::Regex;

use super::msg::FieldError;

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

/// A password word followed by a separator (`:`, `=`, or a linking word) and a
/// value. Only spaces and tabs are crossed, so a label at the end of a line
/// does not swallow the next line's first word.
static PASSWORD_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:password|passwd|passcode|pass|pwd|kata[ \t]*sandi|sandi)(?:nya)?(?P<sep>(?:[ \t]*[:=]|[ \t]+(?:is|adalah|ialah|yaitu|saya|anda|kamu)\b)+)[ \t]*(?P<val>\S+)",
    )
    .expect("password regex")
});

/// OTP/PIN/verification code/token followed (after optional separators or
/// linking words) by a 4–8 digit code.
static OTP_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:otp|pin|kode[ \t]+verifikasi|verification[ \t]+code|token)(?:nya)?\b[ \t]*(?:(?:[:=#]|is\b|adalah\b|ialah\b|yaitu\b|saya\b)[ \t]*)*\d{4,8}\b",
    )
    .expect("otp regex")
});

/// After a linking word ("password saya ...") only a value that looks like a
/// credential counts: ordinary words ("password saya expired") must pass.
fn looks_like_token(val: &str) -> bool {
    let v = val.trim_end_matches(['.', ',', ';', ':', '!', '?', ')']);
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
    val.chars().all(|c| matches!(c, '*' | '•' | '●'))
}

fn secret_error(field: &'static str) -> FieldError {
    FieldError::new(
        field,
        "tampaknya berisi kata sandi atau kode OTP; laporan BCare tidak boleh memuat kata sandi atau kode OTP, mohon hapus",
        "appears to contain a password or OTP code; a BCare report must never carry passwords or OTP codes, please remove it",
    )
}

/// Refuses text that looks like it carries a password or an OTP/PIN code.
/// Mentioning the word ("lupa password", "OTP tidak masuk") is fine; a word
/// followed by `:`/`=`/"is"/"adalah"/"saya" and a value, or an OTP/PIN/token
/// word followed by a 4–8 digit code, is refused.
pub fn refuse_secrets(field: &'static str, text: &str) -> Result<(), FieldError> {
    if OTP_RE.is_match(text) {
        return Err(secret_error(field));
    }
    let mut pos = 0;
    while let Some(caps) = PASSWORD_RE.captures_at(text, pos) {
        let sep = &caps["sep"];
        let val = caps.name("val").expect("val group");
        let explicit = sep.contains([':', '=']);
        let refused = if explicit {
            !is_masked(val.as_str())
        } else {
            looks_like_token(val.as_str())
        };
        if refused {
            return Err(secret_error(field));
        }
        // Resume at the value, not after it: the value may itself start the
        // next label ("password saya password: x").
        pos = val.start();
    }
    Ok(())
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
            return Err(FieldError::new(field, "wajib diisi", "is required"));
        }
        return Ok(text);
    }
    let n = text.chars().count();
    if n > max_chars {
        return Err(FieldError::new(
            field,
            format!("terlalu panjang: paling banyak {max_chars} karakter, ditemukan {n}"),
            format!("too long: at most {max_chars} characters, found {n}"),
        ));
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

    #[test]
    fn refuse_secrets_table() {
        let refused = [
            "password: abc123",
            "Password=rahasia",
            "pass=hunter2",
            "pwd: x",
            "kata sandi saya Rahasia1",
            "katasandi: qwerty",
            "sandi: Bea2025!",
            "OTP 123456",
            "kode OTP: 482913",
            "otp=1234",
            "PIN 1234",
            "kode verifikasi 99887766",
            "token: 12345678",
            "my password is hunter2",
            "passwordnya adalah Cukai#01",
            "user: budi, pwd=budi2024 tolong dicek",
            "OTPnya 556677",
            "tidak bisa login\nPassword: Sandi123\nmohon bantuan",
            "password saya password: x",
        ];
        for t in refused {
            let e = refuse_secrets("description", t).expect_err(t);
            assert_eq!(e.field, "description");
            assert!(e.id.contains("kata sandi") && e.id.contains("OTP"), "{t}");
            assert!(e.id.contains("hapus"), "{t}");
            assert!(e.en.contains("password") && e.en.contains("OTP"), "{t}");
            assert!(e.en.contains("remove"), "{t}");
        }
        let accepted = [
            "lupa password",
            "reset password",
            "tidak bisa login, password expired",
            "akun terkunci setelah salah kata sandi 3 kali",
            "OTP tidak masuk ke HP",
            "OTP tidak terkirim",
            "password saya expired",
            "kata sandi saya HILANG",
            "mohon reset kata sandi untuk user 3201234567890001",
            "passport pegawai sudah diunggah",
            "PIN SSO tidak bisa diubah",
            "token expired sejak 2025",
            "kode verifikasi tidak diterima",
            "password: ******",
            "bypass proxy kantor 1500225",
            "Password\nSaya sudah coba reset berkali-kali",
            "sandiwara",
            "pinjam laptop 1234",
        ];
        for t in accepted {
            assert_eq!(refuse_secrets("description", t), Ok(()), "{t}");
        }
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

    proptest! {
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
