//! Words in a message: which can be part of a person's or a company's name,
//! and which name the desk's own things.

/// Words that name the desk's things, never a person or a company.
pub(super) fn is_domain_word(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "npwp",
        "nitku",
        "nib",
        "nip",
        "nik",
        "pib",
        "pibk",
        "peb",
        "npe",
        "bc",
        "wa",
        "hp",
        "ceisa",
        "aju",
        "email",
        "e-mail",
        "telp",
        "user",
        "akun",
        "otp",
        "sppb",
        "billing",
        "insw",
        "cukai",
        "ck-1",
        "ck-5",
        "terkunci",
        "terblokir",
        "error",
    ];
    let w = w
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
        .to_lowercase();
    WORDS.contains(&w.as_str())
}

/// Words that end a name: verbs, greetings, linking words.
pub(super) fn is_stop_word(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "dari",
        "mau",
        "ingin",
        "mohon",
        "sudah",
        "tidak",
        "belum",
        "ada",
        "bisa",
        "minta",
        "selaku",
        "staf",
        "staff",
        "admin",
        "perwakilan",
        "yang",
        "dan",
        "di",
        "ke",
        "pt",
        "cv",
        "ppjk",
        "hormat",
        "selamat",
        "pagi",
        "siang",
        "sore",
        "malam",
        "terima",
        "kasih",
        "bapak",
        "ibu",
        "pak",
        "bu",
        "kemarin",
        "hari",
        "ini",
        "mengalami",
        "bermaksud",
        "akan",
        "hendak",
        "perlu",
        "sedang",
        "lagi",
        "punya",
        "kami",
        "saya",
        "tolong",
        "from",
        "with",
        "the",
        "and",
        "of",
        "at",
        "have",
        "am",
        "is",
        "salam",
        "regards",
        "thanks",
        "nomor",
        "no",
        "untuk",
        "dengan",
        "mengenai",
        "terkait",
        "tentang",
        "kantor",
        "bagian",
        "sebagai",
        "melaporkan",
        "laporkan",
        "lapor",
        "menyampaikan",
        "izin",
        "ijin",
        "maaf",
        "mengajukan",
        "butuh",
        "kesulitan",
        "dokumen",
        "gagal",
        "pengguna",
        "jasa",
        "mengirim",
        "kirim",
        "hubungi",
        "telepon",
        "wassalam",
        "tabik",
        "best",
        "kind",
        "whatsapp",
        "dear",
        "halo",
        "hai",
        "assalamualaikum",
        "mr",
        "mrs",
        "ms",
        "sdr",
        "bpk",
    ];
    let w = w
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    WORDS.contains(&w.as_str())
}

/// Titles written before a name, with a full stop ("Ir. Siti", "Hj. Ani").
const TITLES: &[&str] = &["ir", "dr", "drs", "dra", "prof", "h", "hj", "ny", "tn"];

/// The leading words of `s` that can be a person's name: up to five, each
/// starting with a capital, stopping at a verb, greeting or domain word.
/// Returns the name exactly as written (a prefix of `s`), or `None`.
pub(super) fn name_words(s: &str) -> Option<String> {
    let mut end = 0;
    for (count, (off, w)) in word_offsets(s).enumerate() {
        let bare = w.trim_end_matches([',', '.', ';', ':', '!', '?']);
        let first_upper = bare.chars().next().is_some_and(char::is_uppercase);
        let letters = bare
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '.'));
        let all_caps = bare
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
            && bare.chars().filter(|c| c.is_alphabetic()).count() > 1;
        if count >= 5
            || !first_upper
            || !letters
            || all_caps && count == 0 && bare.len() <= 4
            || is_stop_word(bare)
            || is_domain_word(bare)
            // "PT.Bintang": a company glued to its prefix.
            || bare.split_once('.').is_some_and(|(head, _)| is_stop_word(head))
        {
            break;
        }
        end = off + bare.len();
        // A comma or a full stop ends the name, except after an initial or a
        // title ("M. Rizal", "Ir. Siti").
        let initial = w.ends_with('.')
            && (bare.chars().count() == 1
                || count == 0 && TITLES.contains(&bare.to_lowercase().as_str()));
        if bare.len() < w.len() && !initial {
            break;
        }
    }
    let name = s[..end].trim_end_matches('.');
    (name.chars().filter(|c| c.is_alphabetic()).count() >= 2).then(|| name.to_string())
}

/// Whitespace-separated words with their byte offsets.
pub(super) fn word_offsets(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split([' ', '\t'])
        .scan(0usize, |pos, w| {
            let off = *pos;
            *pos += w.len() + 1;
            Some((off, w))
        })
        .filter(|(_, w)| !w.is_empty())
}

/// Whether `before` ends with a secret's label and at most two short words after
/// it ("Password saya", "sandi baru saya", "PIN:"): what follows is the secret.
pub(super) fn after_secret_label(before: &str) -> bool {
    let words: Vec<String> = before
        .split_whitespace()
        .rev()
        .take(3)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    words.iter().any(|w| {
        matches!(
            w.as_str(),
            "password" | "pasword" | "passwd" | "pass" | "pwd" | "sandi" | "pin" | "otp"
        )
    })
}
