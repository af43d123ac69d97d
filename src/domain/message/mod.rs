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

use super::category::Categories;
use super::intake::IntakeForm;
use super::msg::{FieldError, M};
use super::text;
use super::validate;

mod choose;
mod found;
mod numbers;
mod trade;
mod user_id;
mod words;

pub use found::{CategoryProposal, Found};

use found::found;
use numbers::{
    Cue, Kind, classify, cue_before, digit_runs, ends_with_list_number, full_aju, nppbkc_offices,
    nppbkc_shape, strip_digits,
};
use words::{after_secret_label, is_domain_word, is_stop_word, name_words, word_offsets};

/// A message longer than this is not a message but a file: refused.
pub const MESSAGE_MAX_BYTES: usize = 64 * 1024;

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
    /// A further identifier of a kind whose field holds one ("npwp" of the
    /// receiver after the company's, a second "email"), in reading order:
    /// shown for the officer to pick, never filled in.
    pub also: Vec<(&'static str, Found)>,
    pub name: Option<Found>,
    pub org: Option<Found>,
    pub doc_type: Option<Found>,
    /// The e-mail's subject ("Subject:", "Perihal:", "Hal:"), without "Re:"/"Fwd:".
    pub subject: Option<Found>,
    /// "whatsapp" or "email" when the message shows how it came.
    pub channel: Option<Found>,
    /// When the first WhatsApp line was sent ("2026-11-27 10:15", local time):
    /// when the complaint reached the office.
    pub received_at: Option<Found>,
    /// Set only when one category clearly leads: its words weigh more than any
    /// other's (a document's name weighs half a problem word).
    pub category: Option<CategoryProposal>,
    /// Every category the message's words point to, the strongest first.
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
        return Err(FieldError::says("message", |lang| {
            M::MessageTooLong(lang, MESSAGE_MAX_BYTES / 1024, raw.len())
        }));
    }
    let text = text::clean(raw);
    let mut r = Reader {
        text: unquoted(&text),
        taken: Vec::new(),
        p: Proposals {
            secrets: text::refuse_secrets("description", &text).is_err(),
            ..Proposals::default()
        },
        sender_name: None,
    };
    r.chat_headers();
    r.email_header();
    r.subject();
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
    p.also.sort_by_key(|(_, f)| f.span.start);
    p.description = text;
    Ok(p)
}

/// The message without the earlier mail it replies to ("-----Original
/// Message-----", "On … wrote:", "Pada … menulis:", "> …"): the quoted part
/// carries the officer's own signature and older numbers, not the caller's.
/// A prefix of `text`, so spans read in it point into `text` too.
fn unquoted(text: &str) -> &str {
    static QUOTE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?im)^[ \t]*(?:-{2,}[ \t]*(?:original[ \t]+message|pesan[ \t]+asli|forwarded[ \t]+message|pesan[ \t]+terusan)[ \t]*-{2,}|(?:on|pada)[ \t][^\n]{0,200}(?:wrote|menulis)[ \t]*:|>)",
        )
        .expect("quote regex")
    });
    match QUOTE.find(text) {
        // A message that is nothing but a quote is read whole.
        Some(m) if !text[..m.start()].trim().is_empty() => &text[..m.start()],
        _ => text,
    }
}

/// Fills the form's empty fields from the proposals; what the officer typed is
/// never overwritten. Returns the keys of the fields it filled (the same keys
/// as the intake checks' messages: "phone", "nomor_aju", ...), so a screen can
/// mark them and undo them.
pub fn fill_empty(form: &mut IntakeForm, p: &Proposals) -> Vec<&'static str> {
    let mut filled = Vec::new();
    let val = |f: &Option<Found>| f.as_ref().map(|f| f.value.clone());
    let f = &mut filled;
    fill(f, "kind", &mut form.kind, applicant_kind(p));
    fill(f, "name", &mut form.name, val(&p.name).as_deref());
    fill(f, "nip", &mut form.nip, val(&p.nip).as_deref());
    fill(f, "org", &mut form.org, val(&p.org).as_deref());
    fill(f, "npwp", &mut form.npwp, val(&p.npwp).as_deref());
    fill(f, "nib", &mut form.nib, val(&p.nib).as_deref());
    fill(
        f,
        "phone",
        &mut form.phone,
        p.phone().map(|x| x.value.as_str()),
    );
    fill(f, "email", &mut form.email, val(&p.email).as_deref());
    fill(f, "channel", &mut form.channel, val(&p.channel).as_deref());
    let code = p.category.as_ref().map(|c| c.code.as_str());
    fill(f, "category", &mut form.category, code);
    fill(f, "subject", &mut form.subject, val(&p.subject).as_deref());
    fill(
        f,
        "description",
        &mut form.description,
        Some(&p.description),
    );
    fill(f, "user_id", &mut form.user_id, val(&p.user_id).as_deref());
    if form.aju.iter().all(|a| a.trim().is_empty()) && !p.aju.is_empty() {
        form.aju = p.aju.iter().map(|x| x.value.clone()).collect();
        f.push("nomor_aju");
    }
    fill(
        f,
        "doc_type",
        &mut form.doc_type,
        val(&p.doc_type).as_deref(),
    );
    let at = val(&p.received_at);
    fill(f, "received_at", &mut form.received_at, at.as_deref());
    filled
}

/// Puts `value` in an empty `slot` and notes its key.
fn fill(filled: &mut Vec<&'static str>, key: &'static str, slot: &mut String, value: Option<&str>) {
    if let Some(v) = value.filter(|v| !v.is_empty())
        && slot.trim().is_empty()
    {
        *slot = v.to_string();
        filled.push(key);
    }
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
        found(self.text, value, span)
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
                r"(?m)^\[?(?P<when>(?P<a1>\d{1,2})[/.-](?P<b1>\d{1,2})[/.-](?P<y1>\d{2,4}),?[ \t]+(?P<h1>\d{1,2})[.:](?P<i1>\d{2})(?:[.:]\d{2})?(?:[ \t]*(?P<p1>[AaPp])[Mm])?|(?P<h2>\d{1,2})[.:](?P<i2>\d{2})(?:[.:]\d{2})?(?:[ \t]*(?P<p2>[AaPp])[Mm])?,?[ \t]+(?P<a2>\d{1,2})[/.-](?P<b2>\d{1,2})[/.-](?P<y2>\d{2,4}))\]?[ \t]*(?:-[ \t]*)?(?P<sender>[^:\n\[\]]{1,60}?):[ \t]",
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
            if let Some(at) = chat_time(&caps) {
                let when = caps.name("when").expect("when").range();
                self.p.received_at = Some(self.found(at, when));
            }
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

    /// An e-mail's subject line names the problem in a few words: the
    /// complaint's subject, less the "Re:"/"Fwd:" of a reply.
    fn subject(&mut self) {
        static SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"(?im)^[ \t]*(?:subject|subjek|perihal|hal)[ \t]*:[ \t]*(?:(?:re|fw|fwd|bls|balas|tr)[ \t]*:[ \t]*)*(?P<s>[^\n]*\S)",
            )
            .expect("subject regex")
        });
        if let Some(m) = SUBJECT.captures(self.text).and_then(|c| c.name("s"))
            && let Ok(v) = text::free_text("subject", m.as_str(), text::SUBJECT_MAX, true, true)
        {
            self.p.subject = Some(self.found(v, m.range()));
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

    /// The account's user id: see [`user_id::user_ids`].
    fn user_id(&mut self) {
        let ids = user_id::user_ids(self.text);
        self.taken.extend(ids.spans);
        let further = ids.further.into_iter().map(|f| ("user_id", f));
        self.p.also.extend(further);
        self.p.user_id = ids.first;
    }

    fn push_phone(&mut self, f: Found) {
        if !self.p.phones.iter().any(|p| p.value == f.value) {
            self.p.phones.push(f);
        }
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
            if let Ok(v) = validate::email(raw) {
                let f = self.found(v, span.clone());
                match &self.p.email {
                    None => self.p.email = Some(f),
                    Some(first)
                        if !first.value.eq_ignore_ascii_case(&f.value)
                            && !self.p.also.iter().any(|(k, a)| {
                                *k == "email" && a.value.eq_ignore_ascii_case(&f.value)
                            }) =>
                    {
                        self.p.also.push(("email", f));
                    }
                    Some(_) => {}
                }
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
        // "…-071340XYZ12320260623004517-GAGAL…": a 26-character word glued
        // to others by dashes is read on its own too.
        static WORD26: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"\b[0-9A-Za-z]{26}\b").expect("aju word regex"));
        let mut spans: Vec<Range<usize>> = TOKEN.find_iter(self.text).map(|m| m.range()).collect();
        spans.extend(WORD26.find_iter(self.text).map(|m| m.range()));
        for span in spans {
            let tok = &self.text[span.clone()];
            let compact: String = tok.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
            let digits = compact.chars().filter(char::is_ascii_digit).count();
            if compact.len() != 26
                || digits == 26
                || digits < 14
                || !numbers::aju_dated(&compact)
                || self.is_taken(&span)
            {
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
        let offices = nppbkc_offices(self.text, &runs);
        // "NPPBKC : 1087654321290183-071313 … Seharusnya : 1087654321290183":
        // an NPPBKC written NPWP-office carries the company's NPWP, so the
        // same digits alone (or its first fifteen) are that NPWP.
        let npwps_in_nppbkc: Vec<String> = runs
            .iter()
            .filter(|r| nppbkc_shape(&r.iter().map(|g| g.len()).collect::<Vec<_>>()))
            .map(|r| strip_digits(&self.text[r[0].clone()]))
            .collect();
        for run in runs {
            let mut i = 0;
            while i < run.len() {
                let start = run[i].start;
                let cue = cue_before(self.text, start)
                    .or_else(|| self.after_an_npwp(start, run[i].len()));
                // "untuk nopen : 000040-058874-20250109-000061": a number in the
                // aju's full shape is an aju whatever the word before it says.
                let cue = match cue {
                    Some(Cue::Other) if full_aju(self.text, &run[i..]) => None,
                    None if matches!(run[i].len(), 15 | 16)
                        && !nppbkc_shape(&run[i..].iter().map(|g| g.len()).collect::<Vec<_>>())
                        && npwps_in_nppbkc
                            .iter()
                            .any(|n| n.starts_with(&self.text[run[i].clone()])) =>
                    {
                        Some(Cue::Is(Kind::Npwp))
                    }
                    c => c,
                };
                if cue == Some(Cue::Other) {
                    // A billing code, NTPN, ticket, amount or date: nothing of
                    // ours. It ends at the first space; what follows is read on
                    // its own ("tgl 16-10-2024 000262-047712-…" holds an aju).
                    // A number written in groups ("3578 0412 1166 0001") stays one.
                    i += 1;
                    while i < run.len() && !self.text[run[i - 1].end..run[i].start].contains(' ') {
                        i += 1;
                    }
                    if run.get(i).is_some_and(|g| g.len() < 6) {
                        break;
                    }
                    continue;
                }
                // An NPPBKC written as NPWP-office is no NPWP.
                let shape: Vec<usize> = run[i..].iter().map(|g| g.len()).collect();
                if cue != Some(Cue::Is(Kind::Npwp)) && nppbkc_shape(&shape) {
                    break;
                }
                // "…-007079+000040-…": a plus between two numbers joins a
                // list; only a plus that opens a number is a phone's.
                // "(0713134688) - 0960…624000-071313": ten digits that open with
                // the office of an NPPBKC in the message are its short form.
                let digits_here = strip_digits(&self.text[start..run[run.len() - 1].end]);
                if digits_here.len() == 10
                    && offices.iter().any(|o| digits_here.starts_with(o.as_str()))
                {
                    break;
                }
                let plus = start > 0
                    && self.text.as_bytes()[start - 1] == b'+'
                    && !(start > 1 && self.text.as_bytes()[start - 2].is_ascii_digit());
                // "0000025-013579-20261104-000088": an aju typed with one zero
                // too many is that aju, not a NIB of its first 13 digits.
                if shape.get(..4) == Some(&[7, 6, 8, 6][..])
                    && self.text[run[i].clone()].starts_with('0')
                    && cue != Some(Cue::Other)
                {
                    let span = run[i].start + 1..run[i + 3].end;
                    let digits = strip_digits(&self.text[span.clone()]);
                    if numbers::aju_dated(&digits) && !self.is_taken(&span) {
                        self.take(Kind::Aju, &digits, span);
                        i += 4;
                        continue;
                    }
                }
                let mut took = None;
                // An identifier has at most 26 digits, so at most 26 groups:
                // a run of 20,000 one-digit groups stays linear.
                // A list's number at the end is tried last: "NPWP : …000 3.
                // Uraian" is 15 digits, "NIB: 9120 0012 3456 7." 13.
                let last = run.len().min(i + 26);
                let ends = if last == run.len() && ends_with_list_number(self.text, &run) {
                    // …and only after groups of three or more ("2026 10-06-2026 2."
                    // is a date and a list's number).
                    let grouped = run[i..last - 1].iter().all(|g| g.len() >= 3);
                    (i + 1..last)
                        .rev()
                        .chain(grouped.then_some(last))
                        .collect::<Vec<_>>()
                } else {
                    (i + 1..=last).rev().collect()
                };
                for j in ends {
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
                // The "+" of "+62" and the "(" of "(0411) 854321" belong to the phone.
                let opens_area_code = kind == Kind::Phone
                    && start > 0
                    && self.text.as_bytes()[start - 1] == b'('
                    && self.text[span.clone()].contains(')');
                let span = if plus || opens_area_code {
                    span.start - 1..span.end
                } else {
                    span
                };
                self.take(kind, &digits, span);
                i = j;
            }
        }
    }

    /// "498765432624000 / 3578123405780013": an NPWP in its 15 and 16 digits
    /// side by side. Sixteen digits after a 15-digit NPWP and a slash are its
    /// 16-digit form (a billing code after it has 15: not one).
    fn after_an_npwp(&self, start: usize, first_group: usize) -> Option<Cue> {
        if first_group != 16 {
            return None;
        }
        let before = self.text[..start].trim_end_matches([' ', '\t']);
        let end = before
            .strip_suffix('/')?
            .trim_end_matches([' ', '\t'])
            .len();
        let also = self.p.also.iter().filter(|(k, _)| *k == "npwp");
        let mut npwps = self.p.npwp.iter().chain(also.map(|(_, f)| f));
        npwps
            .any(|f| f.span.end == end && f.value.len() == 15)
            .then_some(Cue::Is(Kind::Npwp))
    }

    fn take(&mut self, kind: Kind, digits: &str, span: Range<usize>) {
        let also = &mut self.p.also;
        let mut set = |key: &'static str, slot: &mut Option<Found>, f: Found| match slot {
            None => *slot = Some(f),
            Some(first) if first.value != f.value => {
                if !also.iter().any(|(k, a)| *k == key && a.value == f.value) {
                    also.push((key, f));
                }
            }
            Some(_) => {}
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
                let f = found(self.text, digits, span);
                set("npwp", &mut self.p.npwp, f);
            }
            Kind::Nib => {
                let f = found(self.text, digits, span);
                set("nib", &mut self.p.nib, f);
            }
            Kind::Nip => {
                let f = found(self.text, digits, span);
                set("nip", &mut self.p.nip, f);
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
                r"\b(?i:nama[ \t]+saya|saya|sy|nama|dengan|my[ \t]+name[ \t]+is|i[ \t]+am|i'm|this[ \t]+is|atas[ \t]+nama)(?:[ \t]*[:,][ \t]*|[ \t]+)(?i:(?:bapak|bpk\.?|ibu|pak|bu|sdr\.?|sdri\.?|mr\.?|mrs\.?|ms\.?)[ \t]+)?(?P<name>\p{Lu}[\p{L}'’.]*(?:[ \t]+\p{Lu}[\p{L}'’.]*){0,4})",
            )
            .expect("name cue regex")
        });
        static SIGNATURE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"(?im)^[ \t]*(?:salam(?:[ \t]+hormat)?|hormat[ \t]+(?:saya|kami)|regards|best[ \t]+regards|kind[ \t]+regards|terima[ \t]*kasih|thanks|thank[ \t]+you|wassalam|tabik|--)[ \t]*[,.!]*[ \t]*\n(?:[ \t]*\n)*[ \t]*(?P<name>[^\n]{2,80})",
            )
            .expect("signature regex")
        });
        if let Some(c) = LABEL.captures(self.text) {
            let m = c.name("name").expect("name");
            // A template on one line: "Nama : Wulan Perusahaan : PT … NPWP : …"
            // — the name ends where the next label or a number begins.
            static NEXT_LABEL: LazyLock<Regex> = LazyLock::new(|| {
                Regex::new(r"[ \t]+(?:\pL[\pL./]*(?:[ \t]+\pL[\pL./]*)?[ \t]*:|\d)")
                    .expect("next label regex")
            });
            let v = match NEXT_LABEL.find(m.as_str()) {
                Some(next) => &m.as_str()[..next.start()],
                None => m.as_str(),
            }
            .trim();
            if let Ok(name) = text::free_text("name", v, text::NAME_MAX, true, true)
                && name.chars().any(char::is_alphabetic)
            {
                self.p.name = Some(self.found(name, m.start()..m.start() + v.len()));
                return;
            }
        }
        // The header's sender is who wrote: better than a name read in the text,
        // where "Password saya Makassar2026!" would give a password for a name.
        if self.sender_name.is_some() {
            self.p.name = self.sender_name.take();
            return;
        }
        for c in CUE.captures_iter(self.text) {
            let m = c.name("name").expect("name");
            // A cue after a secret's label ("password saya …", "PIN saya …"), or a
            // word running on into digits or signs ("Makassar2026!"), names no one.
            // "Nama Lengkap Perusahaan: PR. …": words before a colon are a
            // label, not a name.
            if after_secret_label(&self.text[..c.get(0).expect("match").start()])
                || self.text[m.end()..].chars().next().is_some_and(|ch| {
                    !ch.is_whitespace() && !matches!(ch, ',' | '.' | ';' | ':' | ')')
                })
                || self.text[m.end()..]
                    .trim_start_matches([' ', '\t'])
                    .starts_with(':')
            {
                continue;
            }
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
        let mut pos = 0;
        while let Some(c) = SIGNATURE.captures_at(self.text, pos) {
            let m = c.name("name").expect("name");
            // The line under a closing may close again ("Terima kasih.\n--\nSiti").
            pos = m.start();
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

    /// "PT Samudra Makassar", "CV. Maju Jaya", "PT.Bintang Timur",
    /// "PT SAMUDRA JAYA ABADI Tbk", "PR Sumber Rejeki" (a cigarette maker).
    fn org(&mut self) {
        static ORG: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"\b(?:(?:PT|CV|UD|PR|PD|Perum|Koperasi)\.[ \t]*|(?:PT|P\.T\.|CV|UD|PR|PD|Perum|Koperasi|Firma)[ \t]+)(?P<body>\p{Lu}[\p{L}\p{N}&.'’-]*(?:[ \t]+(?:\p{Lu}[\p{L}\p{N}&.'’-]*|&|dan))*)",
            )
            .expect("org regex")
        });
        for c in ORG.captures_iter(self.text) {
            let start = c.get(0).expect("match").start();
            let body = c.name("body").expect("body");
            // The name ends before the first word that is not part of it.
            let mut end = None;
            for (off, w) in word_offsets(body.as_str()) {
                if is_domain_word(w) || is_stop_word(w) {
                    break;
                }
                let bare = w.trim_end_matches([',', '.', ';', ':']);
                if !matches!(bare, "&" | "dan") {
                    end = Some(body.start() + off + bare.len());
                }
            }
            let Some(end) = end else { continue };
            let v = text::clean_line(&self.text[start..end]);
            if text::free_text("org", &v, text::ORG_MAX, true, true).is_ok() {
                self.p.org = Some(self.found(v, start..end));
                return;
            }
        }
    }

    /// The document type: the template's "Jenis Dokumen" line first, else
    /// the first document the message names ("BC 2.0"/"PIB" → "BC 2.0 PIB",
    /// "BC 25" → "BC 2.5", "CK-1", "LACK-1", "PIBK").
    fn doc_type(&mut self) {
        let named = trade::template_document(self.text).or_else(|| {
            trade::mentions(self.text)
                .into_iter()
                .find(|m| m.is_doc_type)
        });
        if let Some(m) = named {
            self.p.doc_type = Some(self.found(m.name, m.span));
        }
    }

    /// The category: see [`choose::category`].
    fn category(&mut self, categories: &Categories) {
        let (category, hints) = choose::category(self.text, &self.p.aju, categories);
        self.p.category = category;
        self.p.category_hints = hints;
    }
}

/// When a chat line was sent, as intake reads a local time ("2026-11-27
/// 10:15"). The day comes first ("27/11/26"), unless the time has AM/PM: a
/// phone set to US English writes the month first ("11/27/26, 10:15 AM").
fn chat_time(caps: &regex::Captures) -> Option<String> {
    let num = |name: &str| -> Option<u32> { caps.name(name)?.as_str().parse().ok() };
    let (a, b, y, h, i, ampm) = if caps.name("a1").is_some() {
        (
            num("a1")?,
            num("b1")?,
            num("y1")?,
            num("h1")?,
            num("i1")?,
            caps.name("p1"),
        )
    } else {
        (
            num("a2")?,
            num("b2")?,
            num("y2")?,
            num("h2")?,
            num("i2")?,
            caps.name("p2"),
        )
    };
    let (day, month) = if ampm.is_some() { (b, a) } else { (a, b) };
    let year = if y < 100 { 2000 + y } else { y };
    let hour = match ampm.map(|m| m.as_str().eq_ignore_ascii_case("p")) {
        None => h,
        Some(_) if h == 0 || h > 12 => return None,
        Some(false) => h % 12,
        Some(true) => h % 12 + 12,
    };
    let date = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
    let time = chrono::NaiveTime::from_hms_opt(hour, i, 0)?;
    Some(format!(
        "{} {}",
        date.format("%Y-%m-%d"),
        time.format("%H:%M")
    ))
}

/// The nomor aju validator needs a day only for its warnings, which a proposal
/// does not carry.
fn any_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default()
}

#[cfg(test)]
mod tests;
