//! Reading a caller's message: the WhatsApp chat, e-mail or SMS a complaint
//! arrives as is read for the identifiers and details the intake form asks
//! for. It proposes, never decides: every value passes its validator before it
//! is proposed, and each proposal carries the text it was read from, so the
//! officer sees why. The whole message becomes the description, cleaned and
//! screened like any free text.

use std::ops::Range;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;
use serde::Serialize;

use super::category::Categories;
use super::intake::IntakeForm;
use super::msg::FieldError;
use super::text;
use super::validate;

/// A message longer than this is not a message but a file: refused.
pub const MESSAGE_MAX_BYTES: usize = 64 * 1024;

/// One value read from the message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Found {
    /// The value as the form stores it ("+6281234567890", 15 digits of an NPWP).
    pub value: String,
    /// Where it was read: a byte range in [`Proposals::description`].
    pub span: Range<usize>,
    /// The text at `span`, as the caller wrote it ("0812 3456 7890").
    pub from: String,
}

/// The category a message points to, with the words that point there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CategoryProposal {
    pub code: String,
    pub words: Vec<Found>,
}

/// What a message proposes for the intake form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Proposals {
    /// The message cleaned (control and bidi characters removed): the
    /// complaint's description. Every span points into it.
    pub description: String,
    /// A password or OTP is in the message: it must be removed before saving.
    pub secrets: bool,
    /// The sender's number first (a WhatsApp chat header), then in reading order.
    pub phones: Vec<Found>,
    pub email: Option<Found>,
    /// NPWP (15/16 digits) or NITKU (22).
    pub npwp: Option<Found>,
    pub nib: Option<Found>,
    pub nip: Option<Found>,
    pub aju: Vec<Found>,
    pub user_id: Option<Found>,
    pub name: Option<Found>,
    pub org: Option<Found>,
    pub doc_type: Option<Found>,
    /// "whatsapp" or "email" when the message shows how it came.
    pub channel: Option<Found>,
    /// Set only when one category clearly leads (more keyword hits than any other).
    pub category: Option<CategoryProposal>,
    /// Every category the message's words point to, most hits first.
    pub category_hints: Vec<CategoryProposal>,
}

impl Proposals {
    /// The sender's phone: the first one proposed.
    pub fn phone(&self) -> Option<&Found> {
        self.phones.first()
    }
}

/// Reads a message. Refuses only a message over [`MESSAGE_MAX_BYTES`]; a
/// message with nothing recognisable gives empty proposals.
pub fn read(raw: &str, categories: &Categories) -> Result<Proposals, FieldError> {
    if raw.len() > MESSAGE_MAX_BYTES {
        return Err(FieldError::new(
            "message",
            format!(
                "terlalu panjang: paling banyak {} KiB, ditemukan {} byte",
                MESSAGE_MAX_BYTES / 1024,
                raw.len()
            ),
            format!(
                "too long: at most {} KiB, found {} bytes",
                MESSAGE_MAX_BYTES / 1024,
                raw.len()
            ),
        ));
    }
    let text = text::clean(raw);
    let mut r = Reader {
        text: &text,
        taken: Vec::new(),
        p: Proposals {
            secrets: text::refuse_secrets("description", &text).is_err(),
            ..Proposals::default()
        },
        sender_name: None,
    };
    r.chat_headers();
    r.email_header();
    r.urls();
    r.user_id();
    r.emails();
    r.alnum_aju();
    r.numbers();
    r.name();
    r.org();
    r.doc_type();
    r.category(categories);
    let mut p = r.p;
    p.description = text;
    Ok(p)
}

/// The fields [`fill_empty`] can fill, by the key the intake checks use.
pub const FILLABLE: [&str; 14] = [
    "kind",
    "name",
    "nip",
    "org",
    "npwp",
    "nib",
    "phone",
    "email",
    "channel",
    "category",
    "description",
    "user_id",
    "nomor_aju",
    "doc_type",
];

/// Fills the form's empty fields from the proposals; what the officer typed is
/// never overwritten. Returns the keys of the fields it filled (the same keys
/// as the intake checks' messages: "phone", "nomor_aju", ...), so a screen can
/// mark them and undo them.
pub fn fill_empty(form: &mut IntakeForm, p: &Proposals) -> Vec<&'static str> {
    let mut filled = Vec::new();
    let mut put = |key: &'static str, slot: &mut String, value: Option<&str>| {
        if let Some(v) = value.filter(|v| !v.is_empty())
            && slot.trim().is_empty()
        {
            *slot = v.to_string();
            filled.push(key);
        }
    };
    let val = |f: &Option<Found>| f.as_ref().map(|f| f.value.clone());

    put("kind", &mut form.kind, applicant_kind(p));
    put("name", &mut form.name, val(&p.name).as_deref());
    put("nip", &mut form.nip, val(&p.nip).as_deref());
    put("org", &mut form.org, val(&p.org).as_deref());
    put("npwp", &mut form.npwp, val(&p.npwp).as_deref());
    put("nib", &mut form.nib, val(&p.nib).as_deref());
    put(
        "phone",
        &mut form.phone,
        p.phone().map(|f| f.value.as_str()),
    );
    put("email", &mut form.email, val(&p.email).as_deref());
    put("channel", &mut form.channel, val(&p.channel).as_deref());
    put(
        "category",
        &mut form.category,
        p.category.as_ref().map(|c| c.code.as_str()),
    );
    put("description", &mut form.description, Some(&p.description));
    put("user_id", &mut form.user_id, val(&p.user_id).as_deref());
    put("doc_type", &mut form.doc_type, val(&p.doc_type).as_deref());
    if form.aju.iter().all(|a| a.trim().is_empty()) && !p.aju.is_empty() {
        form.aju = p.aju.iter().map(|f| f.value.clone()).collect();
        // In the form's order: the list of aju comes before the document type.
        let at = filled
            .iter()
            .position(|k| *k == "doc_type")
            .unwrap_or(filled.len());
        filled.insert(at, "nomor_aju");
    }
    filled
}

/// A NIP alone means a DJBC employee; a company, NPWP or NIB alone a service
/// user. Both, or neither, and the officer decides.
fn applicant_kind(p: &Proposals) -> Option<&'static str> {
    let employee = p.nip.is_some();
    let service_user = p.org.is_some() || p.npwp.is_some() || p.nib.is_some();
    match (employee, service_user) {
        (true, false) => Some("pegawai"),
        (false, true) => Some("pengguna-jasa"),
        _ => None,
    }
}

// ---------------------------------------------------------------- the reader

struct Reader<'a> {
    text: &'a str,
    /// Byte ranges already read as something: a number inside an e-mail
    /// address or a chat header's time is not an identifier.
    taken: Vec<Range<usize>>,
    p: Proposals,
    /// The WhatsApp sender's name: the weakest guess at the applicant's name.
    sender_name: Option<Found>,
}

impl Reader<'_> {
    fn found(&self, value: impl Into<String>, span: Range<usize>) -> Found {
        Found {
            value: value.into(),
            from: self.text[span.clone()].to_string(),
            span,
        }
    }

    fn is_taken(&self, span: &Range<usize>) -> bool {
        self.taken
            .iter()
            .any(|t| t.start < span.end && span.start < t.end)
    }

    /// "[27/11/26 10.15] Andi: …" (exported chat), "[10.15, 27/11/2026] Andi: …"
    /// (copied from WhatsApp Web), "27/11/26 10.15 - Andi: …" (Android export).
    fn chat_headers(&mut self) {
        static HEADER: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"(?m)^\[?(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4},?[ \t]+\d{1,2}[.:]\d{2}(?:[.:]\d{2})?(?:[ \t]*[AaPp][Mm])?|\d{1,2}[.:]\d{2}(?:[.:]\d{2})?(?:[ \t]*[AaPp][Mm])?,?[ \t]+\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})\]?[ \t]*(?:-[ \t]*)?(?P<sender>[^:\n\[\]]{1,60}?):[ \t]",
            )
            .expect("chat header regex")
        });
        let mut first = true;
        for caps in HEADER.captures_iter(self.text) {
            let whole = caps.get(0).expect("match");
            let sender = caps.name("sender").expect("sender");
            self.taken.push(whole.range());
            if !first {
                continue;
            }
            first = false;
            self.p.channel = Some(self.found("whatsapp", whole.range()));
            // WhatsApp marks a sender who is not in the contacts with "~".
            let lead = sender.as_str().len()
                - sender
                    .as_str()
                    .trim_start_matches(['~', ' ', '\u{202f}', '\u{a0}'])
                    .len();
            let span = sender.start() + lead..sender.end();
            let who = self.text[span.clone()].trim_end();
            let span = span.start..span.start + who.len();
            if let Ok(phone) = validate::phone(who) {
                if phone.starts_with("+62") {
                    let f = self.found(phone, span);
                    self.p.phones.push(f);
                }
            } else if let Some(name) = name_words(who) {
                let end = span.start + name.len();
                self.sender_name = Some(self.found(text::clean_line(&name), span.start..end));
            }
        }
    }

    /// "From: Budi Santoso <budi@x.co.id>" / "Dari: …" heads an e-mail.
    fn email_header(&mut self) {
        static FROM: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r#"(?im)^[ \t]*(?:from|dari)[ \t]*:[ \t]*"?(?P<name>[^<"\n]*?)"?[ \t]*<[^>\n]+@[^>\n]+>"#)
                .expect("from regex")
        });
        if let Some(caps) = FROM.captures(self.text) {
            let whole = caps.get(0).expect("match");
            if self.p.channel.is_none() {
                self.p.channel = Some(self.found("email", whole.range()));
            }
            let n = caps.name("name").expect("name");
            if let Some(name) = name_words(n.as_str()) {
                let f = self.found(text::clean_line(&name), n.start()..n.start() + name.len());
                self.sender_name = Some(f);
            }
        }
    }

    /// Digits in a web address are not identifiers; a wa.me link is a phone.
    fn urls(&mut self) {
        static URL: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)\b(?:https?://|www\.)\S+|\bwa\.me/\+?(?P<wa>\d{9,15})")
                .expect("url regex")
        });
        let found: Vec<_> = URL
            .captures_iter(self.text)
            .map(|c| {
                (
                    c.get(0).expect("match").range(),
                    c.name("wa").map(|m| m.range()),
                )
            })
            .collect();
        for (whole, wa) in found {
            if let Some(wa) = wa
                && let Ok(phone) = validate::phone(&self.text[wa.clone()])
            {
                let f = self.found(phone, wa);
                self.push_phone(f);
            }
            self.taken.push(whole);
        }
    }

    fn push_phone(&mut self, f: Found) {
        if !self.p.phones.iter().any(|p| p.value == f.value) {
            self.p.phones.push(f);
        }
    }

    /// A user id after "user", "user id", "username", "akun" or "id pengguna":
    /// taken when it follows ":"/"=" or looks like an id (a digit, a dot, an
    /// underscore or an @), so "akun saya terkunci" proposes nothing.
    fn user_id(&mut self) {
        static CUE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"(?i)\b(?:user[ \t_-]?id|userid|user[ \t_-]?name|user|akun|id[ \t]+pengguna|nama[ \t]+pengguna)\b",
            )
            .expect("user cue regex")
        });
        static FILLER: &[&str] = &[
            "saya", "kami", "nya", "adalah", "yaitu", "ialah", "is", "ceisa", "login", "my",
            "anda", "pengguna", "id", "no", "nomor", "dengan", "atas", "nama",
        ];
        let mut best = None;
        for cue in CUE.find_iter(self.text) {
            // The rest of the line (up to 60 bytes) may hold the value.
            let line_end = self.text[cue.end()..]
                .find('\n')
                .map_or(self.text.len(), |n| cue.end() + n);
            let mut rest_end = line_end.min(cue.end() + 60);
            while !self.text.is_char_boundary(rest_end) {
                rest_end -= 1;
            }
            let rest = cue.end()..rest_end;
            let mut explicit = false;
            let mut pos = rest.start;
            // Walk over separators and filler words to the value.
            let value = loop {
                let tail = &self.text[pos..rest.end];
                let skip = tail.len()
                    - tail
                        .trim_start_matches([' ', '\t', ':', '=', '-', '(', '"', '\''])
                        .len();
                if tail[..skip].contains([':', '=']) {
                    explicit = true;
                }
                pos += skip;
                let tail = &self.text[pos..rest.end];
                let word_len = tail.find([' ', '\t']).unwrap_or(tail.len());
                if word_len == 0 {
                    break None;
                }
                let word = &tail[..word_len];
                if FILLER.contains(&word.to_lowercase().as_str()) {
                    pos += word_len;
                    continue;
                }
                break Some(pos..pos + word_len);
            };
            let Some(span) = value else { continue };
            let word = self.text[span.clone()]
                .trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '"', '\'']);
            let span = span.start..span.start + word.len();
            // A NIK written in groups: "user 3201 2345 6789 0001".
            let (span, word) = match digit_groups_from(self.text, span.start) {
                Some(end) if strip_digits(&self.text[span.start..end]).len() == 16 => {
                    let w = strip_digits(&self.text[span.start..end]);
                    (span.start..end, w)
                }
                _ => (span, word.to_string()),
            };
            let id_like = word
                .chars()
                .any(|c| c.is_ascii_digit() || matches!(c, '.' | '_' | '@'));
            if !(explicit || id_like) || is_domain_word(&word) {
                continue;
            }
            if let Ok(v) = validate::user_id(&word) {
                if best.is_none() {
                    best = Some(self.found(v, span.clone()));
                }
                // Its digits are the user id, not an NPWP.
                self.taken.push(span);
            }
        }
        self.p.user_id = best;
    }

    fn emails(&mut self) {
        static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
                .expect("email regex")
        });
        let spans: Vec<Range<usize>> = EMAIL.find_iter(self.text).map(|m| m.range()).collect();
        for span in spans {
            let raw = self.text[span.clone()].trim_end_matches(['.', '-']);
            let span = span.start..span.start + raw.len();
            if let Ok(v) = validate::email(raw)
                && self.p.email.is_none()
            {
                self.p.email = Some(self.found(v, span.clone()));
            }
            self.taken.push(span);
        }
    }

    /// A nomor aju with letters ("04010B-BC2023-20250301-00ABCD") is one
    /// token; an all-digit one is read with the other numbers.
    fn alnum_aju(&mut self) {
        static TOKEN: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"\b[0-9A-Za-z]+(?:[.-][0-9A-Za-z]+)*\b").expect("token regex")
        });
        let spans: Vec<Range<usize>> = TOKEN.find_iter(self.text).map(|m| m.range()).collect();
        for span in spans {
            let tok = &self.text[span.clone()];
            let compact: String = tok.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
            let digits = compact.chars().filter(char::is_ascii_digit).count();
            if compact.len() != 26 || digits == 26 || digits < 14 || self.is_taken(&span) {
                continue;
            }
            if let Ok((v, _)) = validate::nomor_aju(tok, any_day()) {
                self.push_aju(v, span.clone());
                self.taken.push(span);
            }
        }
    }

    fn push_aju(&mut self, v: String, span: Range<usize>) {
        if !self.p.aju.iter().any(|a| a.value == v) {
            let f = self.found(v, span);
            self.p.aju.push(f);
        }
    }

    /// Every run of digit groups ("0812 3456 7890", "01.234.567.8-901.000",
    /// "19850315 201012 1 001") is cut into identifiers, longest first, each
    /// judged by its length, its shape and the word before it.
    fn numbers(&mut self) {
        let runs = digit_runs(self.text);
        for run in runs {
            let mut i = 0;
            while i < run.len() {
                let start = run[i].start;
                let cue = cue_before(self.text, start);
                if cue == Some(Cue::Other) {
                    // A billing code, NTPN, ticket or amount: nothing of ours.
                    break;
                }
                let plus = start > 0 && self.text.as_bytes()[start - 1] == b'+';
                let mut took = None;
                // An identifier has at most 26 digits, so at most 26 groups:
                // a run of 20,000 one-digit groups stays linear.
                for j in (i + 1..=run.len().min(i + 26)).rev() {
                    let span = start..run[j - 1].end;
                    if self.is_taken(&span) {
                        continue;
                    }
                    let digits = strip_digits(&self.text[span.clone()]);
                    if digits.len() > 26 {
                        continue;
                    }
                    let shape: Vec<usize> = run[i..j].iter().map(|g| g.len()).collect();
                    if let Some(kind) =
                        classify(&digits, &shape, cue, plus, &self.text[span.clone()])
                    {
                        took = Some((j, kind, span, digits));
                        break;
                    }
                }
                let Some((j, kind, span, digits)) = took else {
                    i += 1;
                    continue;
                };
                let span = if plus { span.start - 1..span.end } else { span };
                self.take(kind, &digits, span);
                i = j;
            }
        }
    }

    fn take(&mut self, kind: Kind, digits: &str, span: Range<usize>) {
        let set = |slot: &mut Option<Found>, f: Found| {
            if slot.is_none() {
                *slot = Some(f);
            }
        };
        self.taken.push(span.clone());
        match kind {
            Kind::Phone => {
                if let Ok(v) = validate::phone(&self.text[span.clone()]) {
                    let f = self.found(v, span);
                    self.push_phone(f);
                }
            }
            Kind::Npwp => {
                let f = self.found(digits, span);
                set(&mut self.p.npwp, f);
            }
            Kind::Nib => {
                let f = self.found(digits, span);
                set(&mut self.p.nib, f);
            }
            Kind::Nip => {
                let f = self.found(digits, span);
                set(&mut self.p.nip, f);
            }
            Kind::Aju => self.push_aju(digits.to_string(), span),
        }
    }

    /// The applicant's name: a "Nama:" line, then "saya …"/"nama …"/"dengan …"
    /// /"I am …", then the signature under "Salam,"/"Regards,", then the
    /// e-mail or WhatsApp sender.
    fn name(&mut self) {
        static LABEL: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?im)^[ \t]*(?:nama(?:[ \t]+(?:pemohon|lengkap))?|name)[ \t]*:[ \t]*(?P<name>[^\n,;]{2,80})")
                .expect("name label regex")
        });
        static CUE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"\b(?i:nama[ \t]+saya|saya|nama|dengan|my[ \t]+name[ \t]+is|i[ \t]+am|i'm|this[ \t]+is|atas[ \t]+nama)(?:[ \t]*[:,][ \t]*|[ \t]+)(?i:(?:bapak|bpk\.?|ibu|pak|bu|sdr\.?|sdri\.?|mr\.?|mrs\.?|ms\.?)[ \t]+)?(?P<name>\p{Lu}[\p{L}'’.]*(?:[ \t]+\p{Lu}[\p{L}'’.]*){0,4})",
            )
            .expect("name cue regex")
        });
        static SIGNATURE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"(?im)^[ \t]*(?:salam(?:[ \t]+hormat)?|hormat[ \t]+(?:saya|kami)|regards|best[ \t]+regards|kind[ \t]+regards|terima[ \t]*kasih|thanks|thank[ \t]+you|wassalam|tabik)[ \t]*[,.!]*[ \t]*\n(?:[ \t]*\n)*[ \t]*(?P<name>[^\n]{2,80})",
            )
            .expect("signature regex")
        });
        if let Some(c) = LABEL.captures(self.text) {
            let m = c.name("name").expect("name");
            let v = m.as_str().trim();
            if let Ok(name) = text::free_text("name", v, text::NAME_MAX, true, true)
                && name.chars().any(char::is_alphabetic)
            {
                self.p.name = Some(self.found(name, m.start()..m.start() + v.len()));
                return;
            }
        }
        for c in CUE.captures_iter(self.text) {
            let m = c.name("name").expect("name");
            if let Some(name) = name_words(m.as_str()) {
                // "saya Andi" from "Andi Wijaya" on WhatsApp: the sender's full name.
                if let Some(sender) = self
                    .sender_name
                    .take_if(|s| s.value.starts_with(&format!("{name} ")))
                {
                    self.p.name = Some(sender);
                    return;
                }
                self.p.name =
                    Some(self.found(text::clean_line(&name), m.start()..m.start() + name.len()));
                return;
            }
        }
        for c in SIGNATURE.captures_iter(self.text) {
            let m = c.name("name").expect("name");
            // "Budi Santoso, S.E." → the name before the title.
            let line = m.as_str().split(',').next().unwrap_or("").trim();
            if line
                .split_whitespace()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
                && let Some(name) = name_words(line)
                && name.len() == line.len()
            {
                self.p.name =
                    Some(self.found(text::clean_line(&name), m.start()..m.start() + name.len()));
                return;
            }
        }
        self.p.name = self.sender_name.take();
    }

    /// "PT Samudra Makassar", "CV. Maju Jaya", "PT SAMUDRA JAYA ABADI Tbk".
    fn org(&mut self) {
        static ORG: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"\b(?P<org>(?:PT|P\.T\.|CV|UD|Koperasi)\.?[ \t]+\p{Lu}[\p{L}\p{N}&.'’-]*(?:[ \t]+(?:\p{Lu}[\p{L}\p{N}&.'’-]*|&|dan))*)",
            )
            .expect("org regex")
        });
        for c in ORG.captures_iter(self.text) {
            let m = c.name("org").expect("org");
            let mut words: Vec<&str> = m
                .as_str()
                .split([' ', '\t'])
                .filter(|w| !w.is_empty())
                .collect();
            // Cut at the first word that is not part of a company's name.
            if let Some(cut) = words
                .iter()
                .skip(1)
                .position(|w| is_domain_word(w) || is_stop_word(w))
            {
                words.truncate(cut + 1);
            }
            while words.last().is_some_and(|w| matches!(*w, "&" | "dan")) {
                words.pop();
            }
            if words.len() < 2 {
                continue;
            }
            let joined_len = {
                let last = words.last().expect("two words");
                let last_off = last.as_ptr() as usize - m.as_str().as_ptr() as usize;
                last_off + last.trim_end_matches([',', '.', ';', ':']).len()
            };
            let (prefix, _) = words.split_first().expect("two words");
            let raw = &m.as_str()[..joined_len];
            if raw.len() <= prefix.len() + 1 {
                continue;
            }
            let v = text::clean_line(raw);
            if text::free_text("org", &v, text::ORG_MAX, true, true).is_ok() {
                self.p.org = Some(self.found(v, m.start()..m.start() + joined_len));
                return;
            }
        }
    }

    /// The document type: "BC 2.0"/"PIB" → "BC 2.0 PIB", "PEB" → "BC 3.0 PEB",
    /// "BC 2.3", "CK-1", "PIBK".
    fn doc_type(&mut self) {
        if let Some(c) = DOC.captures(self.text) {
            let whole = c.get(0).expect("match");
            let v = if let Some(w) = c.name("w") {
                match w.as_str().to_ascii_lowercase().as_str() {
                    "pib" => "BC 2.0 PIB".to_string(),
                    "peb" => "BC 3.0 PEB".to_string(),
                    _ => "PIBK".to_string(),
                }
            } else if let Some(ck) = c.name("ck") {
                format!("CK-{}", ck.as_str())
            } else {
                let (a, b) = (&c["a"], &c["b"]);
                let mut v = format!("BC {a}.{b}");
                if let Some(x) = c.name("c") {
                    v.push('.');
                    v.push_str(x.as_str());
                }
                match v.as_str() {
                    "BC 2.0" => v.push_str(" PIB"),
                    "BC 3.0" => v.push_str(" PEB"),
                    _ => {}
                }
                v
            };
            self.p.doc_type = Some(self.found(v, whole.range()));
        }
    }

    /// The category whose keywords the message names most; proposed only
    /// when it clearly leads. A document's name ("PIB", "BC 2.3") weighs half
    /// a problem word: a billing or an INSW problem is often about a PIB.
    fn category(&mut self, categories: &Categories) {
        let mut scored: Vec<(usize, CategoryProposal)> = categories
            .keyword_hits(self.text)
            .into_iter()
            .map(|h| {
                let words: Vec<Found> = h
                    .spans
                    .iter()
                    .map(|s| self.found(self.text[s.clone()].to_lowercase(), s.clone()))
                    .collect();
                let score = words
                    .iter()
                    .map(|w| if DOC.is_match(&w.from) { 1 } else { 2 })
                    .sum();
                (
                    score,
                    CategoryProposal {
                        code: h.code,
                        words,
                    },
                )
            })
            .collect();
        // Stable: equal scores keep the file's order.
        scored.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
        let leads = match scored.as_slice() {
            [] => false,
            [_] => true,
            [a, b, ..] => a.0 > b.0,
        };
        self.p.category_hints = scored.into_iter().map(|(_, c)| c).collect();
        if leads {
            self.p.category = self.p.category_hints.first().cloned();
        }
    }
}

/// A document's name: "BC 2.0", "bc20", "PIB", "PEB", "PIBK", "CK-1".
static DOC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:bc[ \t]*(?P<a>\d)[ \t]*[.,]?[ \t]*(?P<b>\d)(?:[ \t]*\.[ \t]*(?P<c>\d))?|(?P<w>pibk|pib|peb)|ck[ \t-]*(?P<ck>\d{1,2}))(?:nya)?\b",
    )
    .expect("doc type regex")
});

/// The nomor aju validator needs a day only for its warnings, which a proposal
/// does not carry.
fn any_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default()
}

fn strip_digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// Where a run of digit groups that starts at `start` ends (the end of its
/// last digit), if `start` is a digit.
fn digit_groups_from(text: &str, start: usize) -> Option<usize> {
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
fn digit_runs(text: &str) -> Vec<Vec<Range<usize>>> {
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
enum Kind {
    Phone,
    Npwp,
    Nib,
    Nip,
    Aju,
}

/// The word just before a number, saying what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    Is(Kind),
    /// A user id or NIK: already read, or not ours to propose.
    User,
    /// A number the form does not hold: billing code, NTPN, ticket, amount, date.
    Other,
}

/// The nearest cue word in the 40 bytes before `start`, on the same line, with
/// no digit between it and the number.
fn cue_before(text: &str, start: usize) -> Option<Cue> {
    static CUES: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\b(?P<npwp>npwp|nitku)|\b(?P<nib>nib)|\b(?P<nip>nip)|\b(?P<aju>aju|pengajuan|car)|\b(?P<phone>wa|whatsapp|hp|telp|tlp|telepon|telpon|phone|tel|hubungi|kontak|contact|mobile|ponsel|handphone|cp)|\b(?P<user>user|userid|username|akun|nik|ktp)|\b(?P<other>billing|ntpn|ntb|bpn|tiket|ticket|rp|idr|npe|nopen|pendaftaran|voyage|kontainer|container|invoice|bl|nppbkc|tanggal|tgl|jam|pukul|sppb|skep|kep|nomor[ \t]+dokumen|seri|serial|ref|referensi|rekening|rek|resi|ext|extension|va|virtual[ \t]+account)(?:nya)?\b",
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
fn classify(
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

/// Words that name the desk's things, never a person or a company.
fn is_domain_word(w: &str) -> bool {
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
fn is_stop_word(w: &str) -> bool {
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

/// The leading words of `s` that can be a person's name: up to five, each
/// starting with a capital, stopping at a verb, greeting or domain word.
/// Returns the name exactly as written (a prefix of `s`), or `None`.
fn name_words(s: &str) -> Option<String> {
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
        {
            break;
        }
        end = off + bare.len();
        // A comma or a full stop ends the name, except after an initial ("M. Rizal").
        let initial = bare.chars().count() == 1 && w.ends_with('.');
        if bare.len() < w.len() && !initial {
            break;
        }
    }
    let name = s[..end].trim_end_matches('.');
    (name.chars().filter(|c| c.is_alphabetic()).count() >= 2).then(|| name.to_string())
}

/// Whitespace-separated words with their byte offsets.
fn word_offsets(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split([' ', '\t'])
        .scan(0usize, |pos, w| {
            let off = *pos;
            *pos += w.len() + 1;
            Some((off, w))
        })
        .filter(|(_, w)| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_builtin(t: &str) -> Proposals {
        read(t, &Categories::builtin()).expect("a message within the limit")
    }

    #[test]
    fn the_issue_example_is_read_whole() {
        let p = read_builtin(
            "Selamat siang, saya Andi dari PT Samudra, PIB kami nomor aju 000020-010017-20261127-000123 belum dapat respon sejak pagi, NPWP 01.234.567.8-901.000, mohon bantuannya. WA 0812 3456 7890",
        );
        assert_eq!(p.name.as_ref().map(|f| f.value.as_str()), Some("Andi"));
        assert_eq!(p.org.as_ref().map(|f| f.value.as_str()), Some("PT Samudra"));
        // On WhatsApp the sender's full name completes "saya Andi".
        let wa = read_builtin("[27/11/26 10.15] Andi Wijaya: saya Andi dari PT Samudra");
        assert_eq!(
            wa.name.as_ref().map(|f| f.value.as_str()),
            Some("Andi Wijaya")
        );
        assert_eq!(p.aju[0].value, "00002001001720261127000123");
        assert_eq!(p.aju[0].from, "000020-010017-20261127-000123");
        assert_eq!(
            p.npwp.as_ref().map(|f| f.value.as_str()),
            Some("012345678901000")
        );
        assert_eq!(p.phone().map(|f| f.from.as_str()), Some("0812 3456 7890"));
        assert_eq!(p.phone().map(|f| f.value.as_str()), Some("+6281234567890"));
        assert_eq!(
            p.doc_type.as_ref().map(|f| f.value.as_str()),
            Some("BC 2.0 PIB")
        );
        assert_eq!(p.category.as_ref().map(|c| c.code.as_str()), Some("IMP"));
        assert!(!p.secrets);
        for f in [&p.phones[0], &p.aju[0]] {
            assert_eq!(&p.description[f.span.clone()], f.from);
        }
    }

    #[test]
    fn the_whatsapp_sender_comes_first() {
        let p = read_builtin(
            "[27/11/26 10.15] +62 811-4455-667: pak, akun CEISA saya terkunci, user id budi.s, hubungi juga 0813 2222 3333",
        );
        let phones: Vec<_> = p.phones.iter().map(|f| f.value.as_str()).collect();
        assert_eq!(phones, ["+628114455667", "+6281322223333"]);
        assert_eq!(p.user_id.as_ref().map(|f| f.value.as_str()), Some("budi.s"));
        assert_eq!(
            p.channel.as_ref().map(|f| f.value.as_str()),
            Some("whatsapp")
        );
        assert_eq!(p.category.as_ref().map(|c| c.code.as_str()), Some("AKUN"));
    }

    #[test]
    fn every_whatsapp_chat_form_names_its_sender() {
        for line in [
            "[27/11/26 10.15] Andi Wijaya: PIB belum respon",
            "[27/11/26 10.15.23] Andi Wijaya: PIB belum respon",
            "[10:15, 27/11/2026] Andi Wijaya: PIB belum respon",
            "27/11/26 10.15 - Andi Wijaya: PIB belum respon",
            "11/27/26, 10:15 AM - Andi Wijaya: PIB belum respon",
        ] {
            let p = read_builtin(line);
            assert_eq!(
                p.name.as_ref().map(|f| f.value.as_str()),
                Some("Andi Wijaya"),
                "{line}"
            );
            assert_eq!(
                p.channel.as_ref().map(|f| f.value.as_str()),
                Some("whatsapp"),
                "{line}"
            );
            // The header's date and time are not numbers of the complaint.
            assert!(
                p.phones.is_empty() && p.nib.is_none() && p.npwp.is_none(),
                "{line}"
            );
        }
        // An unknown sender shows as "~ Name" or as the number.
        let p = read_builtin("[27/11/26 10.15] ~\u{202f}Rina: halo");
        assert_eq!(p.name.as_ref().map(|f| f.value.as_str()), Some("Rina"));
        let p = read_builtin("[27/11/26 10.15] +62 812-3456-7890: halo");
        assert_eq!(p.phone().map(|f| f.value.as_str()), Some("+6281234567890"));
    }

    #[test]
    fn a_password_in_the_message_is_named() {
        let p = read_builtin("tidak bisa login, password: Rahasia123, user: andi.w");
        assert!(p.secrets);
        assert_eq!(p.user_id.as_ref().map(|f| f.value.as_str()), Some("andi.w"));
    }

    #[test]
    fn fill_empty_keeps_what_was_typed() {
        let p = read_builtin(
            "Saya Budi Santoso, NIP 19850315 201012 1 001, aplikasi SIKKA error. HP 081234567890",
        );
        let mut form = IntakeForm {
            phone: "0811 000 0000".into(),
            ..IntakeForm::default()
        };
        let filled = fill_empty(&mut form, &p);
        assert_eq!(form.phone, "0811 000 0000");
        assert_eq!(form.nip, "198503152010121001");
        assert_eq!(form.name, "Budi Santoso");
        assert_eq!(form.kind, "pegawai");
        assert_eq!(form.category, "INH");
        assert_eq!(form.description, p.description);
        assert_eq!(filled, ["kind", "name", "nip", "category", "description"]);
        // Again: nothing left to fill.
        assert!(fill_empty(&mut form, &p).is_empty());
    }

    #[test]
    fn names_companies_user_ids_and_documents() {
        let v = |f: Option<Found>| f.map(|f| f.value);
        // (message, name, company, user id, document type)
        type Case<'a> = (
            &'a str,
            Option<&'a str>,
            Option<&'a str>,
            Option<&'a str>,
            Option<&'a str>,
        );
        let cases: &[Case] = &[
            (
                "Selamat pagi, saya M. Rizal dari CV. Maju Jaya, PEB gagal",
                Some("M. Rizal"),
                Some("CV. Maju Jaya"),
                None,
                Some("BC 3.0 PEB"),
            ),
            (
                "Nama: andi wijaya\nPerusahaan: PT SAMUDRA JAYA ABADI Tbk, NPWP 012345678901000",
                Some("andi wijaya"),
                Some("PT SAMUDRA JAYA ABADI Tbk"),
                None,
                None,
            ),
            (
                "Dengan hormat, dokumen BC 2.3 kami tertahan.\n\nHormat kami,\nRatna Sari, S.E.\nPT Cahaya Timur",
                Some("Ratna Sari"),
                Some("PT Cahaya Timur"),
                None,
                Some("BC 2.3"),
            ),
            (
                "Saya mau tanya, akun saya terkunci. user id: budi.s",
                None,
                None,
                Some("budi.s"),
                None,
            ),
            (
                "login gagal terus, akun 3201 2345 6789 0001",
                None,
                None,
                Some("3201234567890001"),
                None,
            ),
            (
                "I am Michael Tan from PT Global Freight Indonesia, BC20 rejected",
                Some("Michael Tan"),
                Some("PT Global Freight Indonesia"),
                None,
                Some("BC 2.0 PIB"),
            ),
            (
                "[27/11/26 10.15] Rina PPJK: pemesanan CK-1 gagal",
                Some("Rina"),
                None,
                None,
                Some("CK-1"),
            ),
            (
                "From: \"Budi Santoso\" <budi@x.co.id>\nSubject: PIBK",
                Some("Budi Santoso"),
                None,
                None,
                Some("PIBK"),
            ),
            (
                "saya sudah kirim PIB, PT kami belum dapat respon",
                None,
                None,
                None,
                Some("BC 2.0 PIB"),
            ),
            (
                "Dengan Hormat, mohon bantuan akun saya terkunci",
                None,
                None,
                None,
                None,
            ),
        ];
        for (msg, name, org, user, doc) in cases {
            let p = read_builtin(msg);
            assert_eq!(v(p.name).as_deref(), *name, "name in {msg:?}");
            assert_eq!(v(p.org).as_deref(), *org, "company in {msg:?}");
            assert_eq!(v(p.user_id).as_deref(), *user, "user id in {msg:?}");
            assert_eq!(v(p.doc_type).as_deref(), *doc, "document in {msg:?}");
        }
    }

    #[test]
    fn numbers_that_are_not_ours_are_left_alone() {
        for msg in [
            "kode billing 820261127000123 belum lunas",
            "NTPN 0A1B2C3D4E5F6G7H, Rp 1.500.000",
            "tanggal 05-12-2026 jam 10.15, tiket A0254EB2B1",
            "NIK 3201234567890001 sudah terdaftar",
            "nopen 123456 tgl 26/11/2026",
            "kontainer TCKU1234567, voyage 045, ext 1234",
            "dikirim 08.15 27.11.2026, diulang 08.30 27/11/2026",
            "sebesar 2.500.000 dan 62.000.000, periode 2025-2026",
            "ntpnnya 1234567890123456, rek 0612345678, resi 0812345678901",
        ] {
            let p = read_builtin(msg);
            assert!(
                p.phones.is_empty()
                    && p.npwp.is_none()
                    && p.nib.is_none()
                    && p.nip.is_none()
                    && p.aju.is_empty(),
                "{msg:?}: {p:?}"
            );
        }
    }

    #[test]
    fn too_long_a_message_is_refused() {
        let e = read(&"a".repeat(MESSAGE_MAX_BYTES + 1), &Categories::builtin()).unwrap_err();
        assert_eq!(e.field, "message");
        assert!(e.en.contains("64 KiB") && e.id.contains("64 KiB"), "{e}");
    }
}
