//! Whether two complaints are about the same problem: one score for the outage
//! offer at intake and for the same caller twice. Pure: the words of the subject
//! and description, the error they quote, the system they name.
//!
//! The category is filtered before this is asked: within one category most
//! complaints share their vocabulary (PIB, dokumen, mohon bantuan), so those words
//! count for nothing here, and the score rests on what sets a problem apart.

use super::complaint::{Complaint, Stage};
use super::msg::{Lang, M, words};
use serde::Serialize;
use std::collections::BTreeSet;

/// From this score a ticket is offered at all (shown, taken with another key).
pub const OFFER: f32 = 0.3;
/// From this score the offer is on Enter: the problem is plainly the same.
pub const ON_ENTER: f32 = 0.6;

/// The same quoted error text or error code on both sides.
const SAME_ERROR: f32 = 0.5;
/// The same system named, and both callers say it is down or unreachable.
const SAME_SYSTEM_DOWN: f32 = 0.6;
/// The same system named, nothing more said alike.
const SAME_SYSTEM: f32 = 0.1;
/// Both say something is down, one of them without naming what.
const BOTH_DOWN: f32 = 0.3;

/// How alike a complaint is to another, in the officer's terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Alike {
    /// Not offered.
    Unrelated,
    /// Offered, taken with another key; Enter goes on as usual.
    Offered,
    /// Plainly the same problem: the offer is on Enter.
    OnEnter,
}

impl Alike {
    pub fn of(score: f32) -> Alike {
        if score >= ON_ENTER {
            Alike::OnEnter
        } else if score >= OFFER {
            Alike::Offered
        } else {
            Alike::Unrelated
        }
    }
}

/// The systems callers name, each with the words that name it.
const SYSTEMS: &[(&str, &[&str])] = &[
    ("CEISA", &["ceisa"]),
    ("INSW", &["insw", "lnsw"]),
    ("SSO", &["sso"]),
    ("PORTAL", &["portal"]),
    ("BCARE", &["bcare"]),
    ("SIMPONI", &["simponi", "billing", "ebilling"]),
    ("EMAIL", &["email", "surel"]),
    ("VPN", &["vpn"]),
    ("INTERNET", &["internet", "jaringan", "wifi", "network"]),
    ("H2H", &["h2h", "hosttohost"]),
];

/// Systems named beside the one that is meant ("portal CEISA").
const GENERIC_SYSTEMS: &[&str] = &["PORTAL", "INTERNET"];

/// Words that say a system is down or does not answer, whatever it is.
const DOWN: &[&str] = &[
    "down",
    "mati",
    "gangguan",
    "terganggu",
    "offline",
    "timeout",
    "rto",
    "lambat",
    "lemot",
    "hang",
    "unavailable",
    "maintenance",
    "pemeliharaan",
    "502",
    "503",
    "504",
    "outage",
];
/// "Cannot" and "open/reach": together they say a system does not answer.
const CANNOT: &[&str] = &[
    "tidak", "tak", "gak", "ga", "nggak", "gagal", "cannot", "cant", "unable", "not",
];
const REACH: &[&str] = &[
    "akses",
    "diakses",
    "dibuka",
    "terbuka",
    "buka",
    "merespon",
    "merespons",
    "connect",
    "terhubung",
    "tersambung",
    "konek",
    "access",
    "load",
    "loading",
    "respond",
    "responding",
    "reach",
];

/// Words every complaint of a category may carry, Indonesian and English: they say
/// nothing of which problem.
const STOP: &str = "\
    yang dan di ke dari untuk pada dengan ini itu ada adalah atau juga sudah telah belum \
    akan sedang masih saat sejak sampai hingga karena jadi agar supaya bila jika kalau \
    namun tetapi tapi lagi sama oleh dalam atas bagi kami saya kita anda kamu mereka dia \
    nya pak bu bapak ibu mas mbak tolong mohon bantu bantuan dibantu terima kasih \
    selamat pagi siang sore malam hari tadi sekarang bisa dapat tidak tak gak ga nggak \
    apakah bagaimana kenapa mengapa kapan mana sekali terus selalu sering kendala \
    masalah keluhan pengaduan info informasi mengalami terjadi muncul tampil kembali \
    coba dicoba pukul jam beberapa semua banyak user pengguna aplikasi sistem system \
    layanan data dokumen pib peb bc aju nomor no nomer perusahaan pt cv tbk kantor kppbc \
    bea cukai tersebut hal ya ok oke the a an and or of to in on at for from with is are \
    was were be been it its this that since our we i my you your please help can could \
    not cannot cant does do did has have had still again when all any some problem issue \
    error galat kesalahan";

/// A complaint's problem as the score reads it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Problem {
    /// The words that tell this problem apart (stop words out, lightly stemmed).
    words: BTreeSet<String>,
    /// The systems named (`CEISA`, `INSW`, …).
    systems: BTreeSet<&'static str>,
    /// Error codes (`err504`, `ora12541`) and quoted error texts, normalised.
    errors: BTreeSet<String>,
    /// Says a system is down or does not answer.
    down: bool,
}

impl Problem {
    /// Reads the subject and description as typed.
    pub fn of(subject: &str, description: &str) -> Problem {
        let text = format!("{subject}\n{description}");
        let mut p = Problem::default();
        p.errors.extend(quoted(&text));
        let tokens = tokens(&text);
        for (i, t) in tokens.iter().enumerate() {
            if let Some((name, _)) = SYSTEMS.iter().find(|(_, w)| w.contains(&t.as_str())) {
                p.systems.insert(name);
                continue;
            }
            if DOWN.contains(&t.as_str()) {
                p.down = true;
            }
            if REACH.contains(&t.as_str())
                && tokens[i.saturating_sub(3)..i]
                    .iter()
                    .any(|w| CANNOT.contains(&w.as_str()))
            {
                p.down = true;
            }
            if let Some(code) = error_code(t, i.checked_sub(1).map(|j| tokens[j].as_str())) {
                p.errors.insert(code);
                continue;
            }
            let digits = t.chars().filter(char::is_ascii_digit).count();
            // Numbers and identifiers (a nomor aju, a phone) are the caller's own,
            // and the words of "down" are weighed as one thing above.
            if t.len() < 2
                || digits == t.len()
                || digits >= 6
                || STOP.split_whitespace().any(|w| w == t)
                || DOWN.contains(&t.as_str())
                || REACH.contains(&t.as_str())
            {
                continue;
            }
            p.words.insert(stem(t));
        }
        // "Portal" and "jaringan" name a system only when nothing else is named:
        // the portal of INSW is INSW.
        if p.systems.len() > 1 {
            p.systems.retain(|s| !GENERIC_SYSTEMS.contains(s));
        }
        p
    }

    /// Whether it names anything the score can weigh.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.systems.is_empty() && self.errors.is_empty() && !self.down
    }
}

/// How alike two problems are, from 0 (nothing in common) upward; compare it with
/// [`OFFER`] and [`ON_ENTER`]. Symmetric.
pub fn score(a: &Problem, b: &Problem) -> f32 {
    // The words in common, as a share of both (Dice).
    let common = a.words.intersection(&b.words).count() as f32;
    let total = (a.words.len() + b.words.len()) as f32;
    let mut s = if total == 0.0 {
        0.0
    } else {
        2.0 * common / total
    };
    if a.errors.intersection(&b.errors).next().is_some() {
        s += SAME_ERROR;
    }
    let same_system = a.systems.intersection(&b.systems).next().is_some();
    let other_systems = !a.systems.is_empty() && !b.systems.is_empty() && !same_system;
    if same_system && a.down && b.down {
        s += SAME_SYSTEM_DOWN;
    } else if same_system {
        s += SAME_SYSTEM;
    } else if a.down && b.down && !other_systems {
        s += BOTH_DOWN;
    }
    if other_systems {
        // INSW down is not CEISA down, however the two are worded.
        s *= 0.5;
    }
    s
}

/// Why a new complaint may be a caller's earlier one, still open: the same nomor
/// aju, or the same NPWP or phone with a problem alike enough to offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SameCaller {
    /// The earlier complaint.
    #[serde(rename = "ref")]
    pub reference: String,
    /// The field that matched: `nomor_aju`, `npwp` or `phone`.
    pub why: &'static str,
    #[serde(skip)]
    pub stage: Stage,
}

impl SameCaller {
    /// The line the officer reads: "same nomor aju as ADU-2026-00008, open (forwarded)".
    pub fn said(&self, lang: Lang) -> String {
        let stage = words::stage_short(self.stage).get(lang);
        match self.why {
            "nomor_aju" => M::SameAjuOpen(lang, &self.reference, stage),
            key => M::SameCallerOpen(lang, words::field_name(key, lang), &self.reference, stage),
        }
    }
}

/// Whether `new` may be `old` again: only while `old` is open; a warning, never
/// a refusal (two problems of one importer are two complaints).
pub fn same_caller(new: &Complaint, old: &Complaint) -> Option<SameCaller> {
    if new.id == old.id || !old.stage.is_open() {
        return None;
    }
    let (n, o) = (&new.details, &old.details);
    let why = if n.aju.iter().any(|a| o.aju.contains(a)) {
        "nomor_aju"
    } else {
        let problem = |c: &Complaint| Problem::of(&c.details.subject, &c.details.description);
        let alike = || score(&problem(new), &problem(old)) >= OFFER;
        let same_npwp = match (&n.applicant.npwp, &o.applicant.npwp) {
            (Some(a), Some(b)) => npwp_key(a) == npwp_key(b),
            _ => false,
        };
        let same_phone = n.applicant.phone.is_some() && n.applicant.phone == o.applicant.phone;
        if same_npwp && alike() {
            "npwp"
        } else if same_phone && alike() {
            "phone"
        } else {
            return None;
        }
    };
    Some(SameCaller {
        reference: old.reference.clone(),
        why,
        stage: old.stage,
    })
}

/// An NPWP as one taxpayer: the 16-digit form of a 15-digit NPWP is "0" and the
/// 15 digits, and a NITKU is the 16-digit NPWP and a 6-digit branch.
pub fn npwp_key(npwp: &str) -> &str {
    let n = if npwp.len() == 22 { &npwp[..16] } else { npwp };
    match n.strip_prefix('0') {
        Some(rest) if n.len() == 16 => rest,
        _ => n,
    }
}

/// Lower-case runs of letters and digits, with a dash inside a word kept out
/// ("ERR-504" is "err504", "time out" is "timeout").
fn tokens(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    let mut out: Vec<String> = Vec::new();
    for raw in lower.split(|c: char| !(c.is_alphanumeric() || c == '-')) {
        let t: String = raw.chars().filter(|c| c.is_alphanumeric()).collect();
        if t.is_empty() {
            continue;
        }
        if t == "out" && out.last().is_some_and(|p| p == "time") {
            out.pop();
            out.push("timeout".into());
            continue;
        }
        out.push(t);
    }
    out
}

/// An error code: letters then digits ("err504", "e1012", "ora12541"), or a number
/// said to be an error, HTTP status or code ("error 500", "kode 1012").
fn error_code(t: &str, before: Option<&str>) -> Option<String> {
    let letters = t.chars().take_while(char::is_ascii_alphabetic).count();
    let digits = &t[letters..];
    let is_digits = !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit());
    if (1..=6).contains(&letters) && is_digits && (2..=6).contains(&digits.len()) {
        // BC 2.0, BC 2.3 … are document types, not errors.
        return (!t.starts_with("bc")).then(|| t.to_string());
    }
    let said = matches!(
        before,
        Some("error" | "err" | "http" | "kode" | "code" | "status" | "galat")
    );
    (letters == 0 && is_digits && said && (3..=6).contains(&digits.len())).then(|| t.to_string())
}

/// The texts between quotation marks, normalised to their words: the error the
/// caller read off the screen. Shorter than three letters is no error text.
fn quoted(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (open, close) in [('"', '"'), ('“', '”'), ('«', '»'), ('\'', '\'')] {
        let mut rest = text;
        while let Some(i) = rest.find(open) {
            let after = &rest[i + open.len_utf8()..];
            let Some(j) = after.find(close) else { break };
            let inner = tokens(&after[..j]).join(" ");
            if inner.len() >= 3 && inner.len() <= 200 {
                out.push(inner);
            }
            rest = &after[j + close.len_utf8()..];
        }
    }
    out
}

/// A light Indonesian stem: "dikirim", "kiriman" and "pengiriman" meet at "kirim"
/// often enough; a word left shorter than four letters stays as it was.
fn stem(word: &str) -> String {
    let mut w = word;
    for suffix in ["nya", "kan", "an"] {
        if let Some(s) = w.strip_suffix(suffix)
            && s.chars().count() >= 4
        {
            w = s;
            break;
        }
    }
    for prefix in ["peng", "meng", "di", "ter", "ber", "me", "pe"] {
        if let Some(s) = w.strip_prefix(prefix)
            && s.chars().count() >= 4
        {
            w = s;
            break;
        }
    }
    w.to_string()
}

#[cfg(test)]
mod tests;
