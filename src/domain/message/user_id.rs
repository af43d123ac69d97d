//! The account's user id in a message: the value after "user", "user id",
//! "username", "akun" or "id pengguna".

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::found::{Found, found};
use super::numbers::{digit_groups_from, strip_digits};
use super::words::{is_domain_word, is_stop_word};
use crate::domain::validate;

/// Labels of other fields: their colon gives their own value ("nama : Isa").
static OTHER_LABEL: &[&str] = &[
    "nama",
    "name",
    "email",
    "e-mail",
    "mail",
    "nip",
    "npwp",
    "nitku",
    "nib",
    "nik",
    "hp",
    "telp",
    "telepon",
    "phone",
    "perusahaan",
    "alamat",
    "jabatan",
    "password",
    "pass",
    "pasword",
    "sandi",
];

/// The kinds of account a user label may name before the account's name:
/// "user induk dwibankx", "user admin : opsbudi", "user turunan : …".
static ACCOUNT_KINDS: &[&str] = &["induk", "admin", "turunan", "utama"];

/// "1.", "2)": a list's number.
fn is_list_number(word: &str) -> bool {
    let digits = word.trim_end_matches(['.', ')']);
    word.len() > digits.len()
        && (1..=2).contains(&digits.len())
        && digits.chars().all(|c| c.is_ascii_digit())
}

/// Roles and kinds of user that follow "user" in a sentence ("user pemeriksa
/// tidak bisa …", "User : PPJK"): who the account belongs to, not its name.
static ROLE_WORDS: &[&str] = &[
    "pemeriksa",
    "pejabat",
    "pegawai",
    "petugas",
    "ppjk",
    "importir",
    "eksportir",
    "pengusaha",
    "penyelenggara",
    "internal",
    "eksternal",
    "induk",
    "utama",
    "baru",
    "lama",
];

/// Kinds of account and applications named after "akun"/"user".
static SYSTEMS: &[&str] = &[
    "host2host",
    "h2h",
    "cehris",
    "cehris1",
    "vpn",
    "sso",
    "mfa",
    "otp",
    "email",
    "e-mail",
];

/// Words that point at the value: "user ini > x", "user berikut : x".
static POINTING: &[&str] = &["ini", "berikut", "sbb", "tsb", "dibawah"];

/// The first item of a numbered list of accounts: "1. sitinurul -
/// nur@mail.com - 0857…" (an account, then its e-mail or phone after a dash).
static LIST_AHEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[ \t\n])1[.)][ \t]*(?P<v>[A-Za-z0-9._]+)[ \t]+-[ \t]+[^\s]*[@0-9]")
        .expect("list ahead regex")
});

/// The user ids a message gives: the first, the further ones (for the
/// officer to pick) and the spans they were read from (their digits are no
/// NPWP or phone).
#[derive(Debug, Default)]
pub(super) struct UserIds {
    pub first: Option<Found>,
    pub further: Vec<Found>,
    pub spans: Vec<Range<usize>>,
}

/// A user id after "user", "user id", "username", "akun" or "id pengguna":
/// taken when it follows ":"/"=" or looks like an id (a digit, a dot, an
/// underscore or an @), so "akun saya terkunci" proposes nothing; after
/// "username" itself a plain lower-case word counts too. "CEISA 4.0" and
/// the words of a longer label ("admin/induk :") are crossed, never taken.
pub(super) fn user_ids(text: &str) -> UserIds {
    static CUE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\b(?:user[ \t_-]?id|userid|user[ \t_-]?name|usermane|usename|user|akun\d?|id[ \t]+pengguna|nama[ \t]+pengguna|id)\b",
        )
        .expect("user cue regex")
    });
    static FILLER: &[&str] = &[
        "saya",
        "kami",
        "nya",
        "adalah",
        "yaitu",
        "ialah",
        "is",
        "ceisa",
        "login",
        "my",
        "anda",
        "pengguna",
        "id",
        "no",
        "nomor",
        "dengan",
        "atas",
        "nama",
        "baru",
        "lama",
        "ceisa40",
        "ceisa4.0",
        "4.0",
        "40",
        "portal",
        "log",
        "in",
        "yang",
        "digunakan",
        "dipakai",
    ];
    // Words that follow "username" in a sentence, not as its value.
    static NOT_A_VALUE: &[&str] = &[
        "dan",
        "atau",
        "yang",
        "tidak",
        "tdk",
        "salah",
        "sudah",
        "belum",
        "lupa",
        "hilang",
        "terkunci",
        "terblokir",
        "diblokir",
        "expired",
        "error",
        "gagal",
        "tersebut",
        "ini",
        "itu",
        "untuk",
        "di",
        "ke",
        "pada",
        "baru",
        "lama",
        "sama",
        "bisa",
        "dapat",
        "ada",
        "mengalami",
        "perusahaan",
        "kami",
        "saya",
        "nya",
        "masih",
        "mau",
        "ingin",
        "dibawah",
        "diatas",
        "apa",
        "siapa",
        "tapi",
        "tetapi",
        "namun",
        "padahal",
        "sedangkan",
        "karena",
        "sehingga",
        "juga",
        "hanya",
        "bagaimana",
        "gimana",
        "berikut",
        "sbb",
    ];
    static EMAIL_WORD: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)\be-?mail[ \t]*$").expect("email word regex"));
    static SECRET_WORD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:password|passwd|pass|pwd|sandi|otp|pin|token)(?:nya)?[ \t]*$")
            .expect("secret word regex")
    });
    let mut out = UserIds::default();
    for cue in CUE.find_iter(text) {
        let mut back = cue.start().saturating_sub(20);
        while !text.is_char_boundary(back) {
            back += 1;
        }
        // "password akun: X" names a password, "Email user: x@y" an e-mail;
        // "reset password username: x" still names the account.
        let account_label = cue.as_str().to_lowercase().contains("name");
        // "npwp : 0018… ID : budi.s@pt.co.id": "ID" alone labels the account
        // when a colon follows and no word of its own stands before it
        // ("Billing ID :", "ID pelanggan" are other numbers).
        if cue.as_str().eq_ignore_ascii_case("id") {
            let word_before = text[..cue.start()]
                .trim_end()
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic);
            if word_before || !text[cue.end()..].trim_start().starts_with(':') {
                continue;
            }
        }
        if SECRET_WORD.is_match(&text[back..cue.start()]) && !account_label
            || EMAIL_WORD.is_match(&text[back..cue.start()])
        {
            continue;
        }
        // The rest of the line (up to 60 bytes) may hold the value.
        let line_end = text[cue.end()..]
            .find('\n')
            .map_or(text.len(), |n| cue.end() + n);
        let mut rest_end = line_end.min(cue.end() + 60);
        while !text.is_char_boundary(rest_end) {
            rest_end -= 1;
        }
        let rest = cue.end()..rest_end;
        let mut explicit = false;
        let mut listed = false;
        let mut after_kind = false;
        let mut dashed = false;
        let mut pos = rest.start;
        // Walk over separators and filler words to the value.
        let value = loop {
            let tail = &text[pos..rest.end];
            let skip = tail.len()
                - tail
                    .trim_start_matches([' ', '\t', ':', ';', '=', '-', '(', '"', '\'', '>'])
                    .len();
            // "username; gunung11": a semicolon typed for the colon.
            if let Some(colon) = tail[..skip].rfind([':', ';', '=']) {
                explicit = true;
                // "user : - (pendaftar lupa …)": a dash alone says none was given.
                let after = &tail[colon + 1..skip];
                // "user tambahan : -gudangabc -gudangxyz": a dash glued to the
                // word is a list's bullet, not "none".
                let bullet = after.ends_with('-')
                    && tail[skip..].starts_with(|c: char| c.is_ascii_alphanumeric());
                if bullet {
                    dashed = true;
                } else if after.trim() == "-" || after.contains("- ") {
                    break None;
                }
            }
            // "user ID --> rinaputri": an arrow points at the value like a colon.
            if tail[..skip].contains("->") || tail[..skip].contains("=>") {
                explicit = true;
            }
            pos += skip;
            let tail = &text[pos..rest.end];
            // A quote ends the word: "user anda."Mohon …" (no id holds one).
            let word_len = tail.find([' ', '\t', '"']).unwrap_or(tail.len());
            if word_len == 0 {
                break None;
            }
            let word = &tail[..word_len];
            let bare = word.trim_end_matches([':', '=', '.', ',']).to_lowercase();
            // "CEISA 4.0:", "admin/induk :": still the label, not the value.
            let label_word =
                word.ends_with([':', '=']) || tail[word_len..].trim_start().starts_with([':', '=']);
            // "akun saya nama : Isa …", "akun email : …": a colon after
            // another field's label gives that field's value, not the account's.
            if label_word && OTHER_LABEL.contains(&bare.as_str()) {
                break None;
            }
            // "Akun Ceisa 4.0 Nama Pegawai : Arfarizal": "nama" and a label
            // other than the account's give a person's name.
            if bare == "nama" {
                let next = tail[word_len..].trim_start();
                let next_word = next.split([' ', '\t', ':']).next().unwrap_or("");
                let labels_next = next[next_word.len()..].trim_start().starts_with(':');
                if labels_next
                    && !["pengguna", "user", "akun", "login"]
                        .contains(&next_word.to_lowercase().as_str())
                {
                    break None;
                }
            }
            // "untuk user ini > host2hostmaju": a pointing word, then a sign
            // that points, gives the value like a colon.
            let points = POINTING.contains(&bare.as_str())
                && tail[word_len..].trim_start().starts_with(['>', ':', '=']);
            // "BLOKIR USER berikut karena … 1. sitinurul - nur@… - 0857…": the
            // accounts come in the numbered list further on, each followed by
            // its e-mail or phone after a dash.
            if POINTING.contains(&bare.as_str()) && !points {
                let mut ahead = line_end.min(pos + 300);
                while !text.is_char_boundary(ahead) {
                    ahead -= 1;
                }
                if let Some(v) = LIST_AHEAD.captures(&text[pos..ahead]) {
                    let v = v.name("v").expect("value");
                    listed = true;
                    explicit = true;
                    break Some(pos + v.start()..pos + v.end());
                }
            }
            if FILLER.contains(&bare.as_str()) || points || label_word && !bare.is_empty() {
                explicit |= points;
                explicit |= label_word;
                pos += word_len;
                continue;
            }
            // "User : 1. ptkarya 2. expkarya": a list's number after the colon.
            if explicit && is_list_number(word) {
                listed = true;
                pos += word_len;
                continue;
            }
            // "user induk : dwibankx", "user admin opsbudi01": the account's kind,
            // then its name (a plain word after the kind is the sentence's).
            if ACCOUNT_KINDS.contains(&bare.as_str()) && !after_kind {
                after_kind = true;
                pos += word_len;
                continue;
            }
            // "user id baru kami (bankxsby)": a value in brackets is given.
            explicit |= text[..pos].ends_with('(');
            break Some(pos..pos + word_len);
        };
        let Some(span) = value else { continue };
        let word = text[span.clone()]
            .trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '"', '\'', '/']);
        let span = span.start..span.start + word.len();
        // A NIK written in groups: "user 3201 2345 6789 0001".
        let (span, word) = match digit_groups_from(text, span.start) {
            Some(end) if strip_digits(&text[span.start..end]).len() == 16 => {
                let w = strip_digits(&text[span.start..end]);
                (span.start..end, w)
            }
            _ => (span, word.to_string()),
        };
        let id_like = word
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '.' | '_' | '@'));
        if cue.as_str().eq_ignore_ascii_case("id") && !id_like {
            continue;
        }
        // After "username" itself a lower-case word is the value
        // ("USERNAME cvsinarjaya tidak ada menu"), unless it is an
        // ordinary word of the sentence.
        // "user id eximabc NPWP …": after "user id" too, the word is the id.
        let cue_lower = cue.as_str().to_lowercase();
        let named = cue_lower.contains("name")
            || cue_lower.contains("mane")
            || cue_lower.ends_with("id")
            || cue_lower.ends_with("pengguna");
        // After the account's kind a number is the document's, not the account's
        // ("muncul di user admin - 000040-…").
        if after_kind && !word.chars().any(char::is_alphabetic) {
            continue;
        }
        // "… untuk user kdmcukai", "mohon reset, untuk akun harjono": after
        // "untuk"/"pada" the account named at a sentence's end is its name.
        static FOR_ACCOUNT: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)\b(?:untuk|utk|pada)[ \t]+$").expect("for account regex")
        });
        let sentence_end = text[span.end..]
            .trim_start_matches([' ', '\t'])
            .chars()
            .next()
            .is_none_or(|c| matches!(c, '.' | ',' | '\n' | '!' | '?'));
        let for_account = FOR_ACCOUNT.is_match(&text[back..cue.start()])
            && sentence_end
            && word.chars().count() >= 4;
        // "USERNAME Admincj": after "username" the name may start with a capital.
        let first_capital =
            cue_lower.contains("name") && word.starts_with(|c: char| c.is_ascii_uppercase());
        let plain_value = (named || for_account)
            && word
                .chars()
                .skip(usize::from(first_capital))
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            && !NOT_A_VALUE.contains(&word.as_str())
            && !is_stop_word(&word);
        // "akun office.com": a web address, not an account's name.
        let web_address = !word.contains('@')
            && [".com", ".id", ".net", ".org"]
                .iter()
                .any(|t| word.ends_with(t));
        // "User : tidak bisa login", "user : pemeriksa": a sentence's word
        // or a role is not an account's name, even after a colon.
        // "username password diatas": another field's label neither.
        let sentence_word = !id_like
            && (NOT_A_VALUE.contains(&word.to_lowercase().as_str())
                || ROLE_WORDS.contains(&word.to_lowercase().as_str())
                || OTHER_LABEL.contains(&word.to_lowercase().as_str())
                || is_stop_word(&word));
        // "akun Host2Host kami", "akun : Cehris1": the kind of account or the
        // application it opens, not the account's name.
        let system = SYSTEMS.contains(&word.to_lowercase().as_str());
        if !(explicit || id_like || plain_value)
            || sentence_word
            || is_domain_word(&word)
            || web_address
            || system
        {
            continue;
        }
        // "Nama Pengguna : Muchammad Tsaqif …": a person's name, not an account's.
        let next = text[span.end..].trim_start_matches([' ', '\t']);
        let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        let next_word = next.split([' ', '\t', '\n']).next().unwrap_or("");
        // …unless that next word starts another label ("Username : Pkgdemo").
        let next_is_label = next_word.ends_with([':', '='])
            || next[next_word.len()..].trim_start().starts_with([':', '='])
            || next_word.to_lowercase().starts_with("user")
            || OTHER_LABEL.contains(&next_word.to_lowercase().as_str());
        if !id_like
            && capital(&word)
            && capital(next_word)
            && next_word.chars().skip(1).any(char::is_lowercase)
            && !next_is_label
        {
            continue;
        }
        let mut values = vec![(span.clone(), word)];
        // "exim2@pt.co.id + exim5@pt.co.id": more accounts listed after the first.
        static MORE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"^[ \t]*(?:\+|,|&|dan)[ \t]*(?P<v>[A-Za-z0-9._@-]*[0-9._@][A-Za-z0-9._@-]*)",
            )
            .expect("more regex")
        });
        // "1. ptkarya 2. expkarya": the list goes on, item by item.
        static LISTED: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^(?:[ \t]+-[ \t]+[^\s]+)*[ \t]+\d{1,2}[.)][ \t]*(?P<v>[A-Za-z0-9._@-]+)")
                .expect("listed regex")
        });
        // "-gudangabc -gudangxyz": the bullets go on.
        static DASHED: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"^[ \t]+-(?P<v>[A-Za-z0-9._@]+)").expect("dashed regex"));
        let mut end = span.end;
        while let Some(c) = MORE
            .captures(&text[end..])
            .or_else(|| listed.then(|| LISTED.captures(&text[end..])).flatten())
            .or_else(|| dashed.then(|| DASHED.captures(&text[end..])).flatten())
        {
            let v = c.name("v").expect("value");
            let more = v.as_str().trim_end_matches(['.', ',']);
            values.push((
                end + v.start()..end + v.start() + more.len(),
                more.to_string(),
            ));
            end += v.end();
        }
        for (span, word) in values {
            let Ok(v) = validate::user_id(&word) else {
                continue;
            };
            match &out.first {
                None => out.first = Some(found(text, v, span.clone())),
                // "username admin : a … username operator : b": both.
                Some(first) if first.value != v && !out.further.iter().any(|a| a.value == v) => {
                    out.further.push(found(text, v, span.clone()));
                }
                Some(_) => {}
            }
            // Its digits are the user id, not an NPWP.
            out.spans.push(span);
        }
    }
    out
}
