//! CEISACare, the public face of BCare, as the desk reads it: the gateway's JSON
//! shapes turned into the desk's values, the rule of a walk through the office's
//! ticket list, and which ticket answers which complaint. Pure: the HTTP is in
//! `bcare::ceisacare`, the records in `desk::ceisacare`.
//!
//! Built from the gateway's public shapes (`POST /layanan/v2/tiket/{page}`,
//! `GET /layanan/detail/{uuidLayanan}`); every text in them is HTML and is made
//! plain ([`html::to_text`]) before anything else sees it.

pub mod html;
pub mod token;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};
use regex::Regex;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// The event of a step at Dir. IKC read back from CEISACare: its time is
/// CEISACare's, its officer the position, `after` the status, the note the step's.
pub const STEP_EVENT: &str = "bcare_step";
/// The event of an answer in the ticket's conversation (the note: who, and what).
pub const ANSWER_EVENT: &str = "bcare_answer";

/// Longest text of one imported note or answer kept (the officer's own notes' bound).
pub const TEXT_MAX: usize = crate::domain::text::NOTE_MAX;

/// The statuses of a finished ticket: Dir. IKC's "Penyelesaian", and the push
/// that closes it for the reporter.
pub const DONE_STATUSES: [&str; 2] = ["penyelesaian", "push penyelesaian"];

/// The text of an HTML field, plain and bounded.
pub fn plain(raw: Option<&str>) -> String {
    let t = html::to_text(raw.unwrap_or(""));
    match t.char_indices().nth(TEXT_MAX) {
        Some((cut, _)) => format!("{}…", &t[..cut]),
        None => t,
    }
}

/// The number in `nomorTiket`: what stands before `" - "` ("K735BBA665 - PIB").
pub fn ticket_number(nomor: &str) -> String {
    let plain = html::to_text(nomor);
    plain.split(" - ").next().unwrap_or("").trim().to_string()
}

/// The office references (`ADU-2026-00042`) a text names, upper-cased, in order, once each.
pub fn references_in(text: &str) -> Vec<String> {
    static RE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)\bADU-(\d{4})-(\d{5,9})\b").expect("reference regex"));
    let mut seen = HashSet::new();
    RE.captures_iter(text)
        .map(|c| format!("ADU-{}-{}", &c[1], &c[2]))
        .filter(|r| seen.insert(r.clone()))
        .collect()
}

/// `[ceisacare] timezone`: the zone the gateway's times are read in. WIB, WITA,
/// WIT, their Asia/… names, or an offset such as `+07:00`.
pub fn zone(name: &str) -> Option<FixedOffset> {
    let hours = |h: i32| FixedOffset::east_opt(h * 3600);
    match name.trim().to_ascii_uppercase().as_str() {
        "WIB" | "ASIA/JAKARTA" | "ASIA/PONTIANAK" => hours(7),
        "WITA" | "ASIA/MAKASSAR" => hours(8),
        "WIT" | "ASIA/JAYAPURA" => hours(9),
        "UTC" | "Z" => hours(0),
        other => {
            let o = other.strip_prefix("UTC").unwrap_or(other);
            let (sign, rest) = match o.as_bytes().first()? {
                b'+' => (1, &o[1..]),
                b'-' => (-1, &o[1..]),
                _ => return None,
            };
            let (h, m) = rest.split_once(':').unwrap_or((rest, "0"));
            let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
            if !(0..=14).contains(&h) || !(0..60).contains(&m) {
                return None;
            }
            FixedOffset::east_opt(sign * (h * 3600 + m * 60))
        }
    }
}

/// WIB: the gateway's times carry no zone and Dir. IKC works in Jakarta.
pub fn default_zone() -> FixedOffset {
    FixedOffset::east_opt(7 * 3600).expect("UTC+7")
}

/// A ticket as the office's list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub uuid: String,
    pub ticket_no: String,
    /// The ticket's day (`tanggal`), when it reads as one.
    pub date: Option<NaiveDate>,
    /// The office references its `uraian` names.
    pub references: Vec<String>,
}

/// One page of the office's tickets, newest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub items: Vec<Listed>,
    pub total_pages: u32,
}

/// A step of the ticket at Dir. IKC.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub position: String,
    pub status: String,
    pub note: String,
    /// `wkRekam` read in the configured zone; None when it is missing or unreadable.
    pub at: Option<DateTime<Utc>>,
}

/// An answer in the ticket's conversation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub from: String,
    pub text: String,
}

/// One ticket's detail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detail {
    pub ticket_no: Option<String>,
    pub steps: Vec<Step>,
    pub answers: Vec<Answer>,
}

impl Detail {
    /// The step that finished the ticket, if one did: the last Penyelesaian or
    /// Push Penyelesaian.
    pub fn done_step(&self) -> Option<&Step> {
        self.steps.iter().rev().find(|s| is_done(&s.status))
    }

    /// What the notice to the applicant quotes: the note of the step that finished
    /// the ticket, else the last answer.
    pub fn outcome(&self) -> Option<String> {
        self.done_step()
            .map(|s| s.note.clone())
            .filter(|n| !n.is_empty())
            .or_else(|| {
                self.answers
                    .iter()
                    .rev()
                    .map(|a| a.text.clone())
                    .find(|t| !t.is_empty())
            })
    }
}

/// Whether a step's status means the ticket is finished.
pub fn is_done(status: &str) -> bool {
    let s = crate::domain::followup::normalise_status(status);
    DONE_STATUSES.contains(&s.as_str())
}

#[derive(Deserialize)]
struct Envelope<T> {
    data: T,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawPage {
    items: Vec<RawItem>,
    total_pages: Option<u32>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawItem {
    uuid_layanan: String,
    nomor_tiket: Option<String>,
    tanggal: Option<String>,
    uraian: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawDetail {
    layanan: Option<RawLayanan>,
    #[serde(default)]
    proseses: Option<Vec<RawProses>>,
    #[serde(default)]
    conversations: Option<Vec<RawConversation>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawLayanan {
    nomor_tiket: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawProses {
    nama_posisi: Option<String>,
    nama_status_layanan: Option<String>,
    catatan: Option<String>,
    wk_rekam: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawConversation {
    full_name: Option<String>,
    respon: Option<String>,
}

/// A `uuidLayanan` goes into a path: letters, digits and dashes only.
fn usable_uuid(u: &str) -> bool {
    !u.is_empty() && u.len() <= 64 && u.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

fn shape_error(e: serde_json::Error) -> String {
    // serde's words name the field and never quote a value.
    format!("JSON of another shape: {e}")
}

/// Reads a page of `POST /layanan/v2/tiket/{page}`; Err names what was wrong.
pub fn parse_page(body: &str) -> Result<Page, String> {
    let raw: Envelope<RawPage> = serde_json::from_str(body).map_err(shape_error)?;
    let mut items = Vec::with_capacity(raw.data.items.len());
    for (i, it) in raw.data.items.into_iter().enumerate() {
        if !usable_uuid(&it.uuid_layanan) {
            return Err(format!(
                "JSON of another shape: item {} has no usable uuidLayanan",
                i + 1
            ));
        }
        let uraian = html::to_text(it.uraian.as_deref().unwrap_or(""));
        items.push(Listed {
            uuid: it.uuid_layanan,
            ticket_no: ticket_number(it.nomor_tiket.as_deref().unwrap_or("")),
            date: it.tanggal.as_deref().and_then(parse_day),
            references: references_in(&uraian),
        });
    }
    Ok(Page {
        items,
        total_pages: raw.data.total_pages.unwrap_or(0),
    })
}

/// Reads `GET /layanan/detail/{uuid}`, its times in `zone`.
pub fn parse_detail(body: &str, zone: FixedOffset) -> Result<Detail, String> {
    let raw: Envelope<RawDetail> = serde_json::from_str(body).map_err(shape_error)?;
    let d = raw.data;
    Ok(Detail {
        ticket_no: d
            .layanan
            .and_then(|l| l.nomor_tiket)
            .map(|n| ticket_number(&n))
            .filter(|n| !n.is_empty()),
        steps: d
            .proseses
            .unwrap_or_default()
            .into_iter()
            .map(|p| Step {
                position: plain(p.nama_posisi.as_deref()),
                status: plain(p.nama_status_layanan.as_deref()),
                note: plain(p.catatan.as_deref()),
                at: p.wk_rekam.as_deref().and_then(|w| parse_time(w, zone)),
            })
            .collect(),
        answers: d
            .conversations
            .unwrap_or_default()
            .into_iter()
            .map(|c| Answer {
                from: plain(c.full_name.as_deref()),
                text: plain(c.respon.as_deref()),
            })
            .filter(|a| !a.text.is_empty())
            .collect(),
    })
}

/// `dd-mm-YYYY`.
pub fn parse_day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%d-%m-%Y").ok()
}

/// `dd-mm-YYYY HH:MM:SS` in `zone`.
pub fn parse_time(s: &str, zone: FixedOffset) -> Option<DateTime<Utc>> {
    let t = NaiveDateTime::parse_from_str(s.trim(), "%d-%m-%Y %H:%M:%S").ok()?;
    zone.from_local_datetime(&t)
        .single()
        .map(|t| t.with_timezone(&Utc))
}

/// Whether a walk has gone far enough: the page reached back before `horizon`
/// (the day of the oldest complaint it looks for), or was the last.
pub fn walk_done(page: &Page, page_no: u32, horizon: Option<NaiveDate>) -> bool {
    let last = page.items.is_empty() || (page.total_pages > 0 && page_no >= page.total_pages);
    let passed = match horizon {
        Some(h) => page.items.iter().any(|i| i.date.is_some_and(|d| d < h)),
        None => true,
    };
    last || passed
}

/// What the desk knows of a complaint a ticket names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    /// Forwarded and without a number: it takes the ticket's.
    pub waiting: bool,
    pub ticket_no: Option<String>,
}

/// What a walk found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// The complaint waiting for its number gets this ticket's.
    Number {
        reference: String,
        ticket_no: String,
        uuid: String,
    },
    /// A ticket names a complaint that has another number (or that an older
    /// ticket named first): a warning, the number kept is not touched.
    Another {
        reference: String,
        ticket_no: String,
        kept: String,
    },
}

/// Which ticket answers which complaint. Tickets are weighed oldest first (the
/// list is newest first): the first ticket filed for a complaint is its own; a
/// later one naming it is another ticket, said as a warning.
pub fn match_numbers(items: &[Listed], named: &HashMap<String, Named>) -> Vec<Found> {
    let mut given: HashMap<&str, &str> = HashMap::new();
    let mut out = Vec::new();
    for item in items.iter().rev() {
        if item.ticket_no.is_empty() {
            continue;
        }
        for r in &item.references {
            let Some(n) = named.get(r) else { continue };
            let kept = given
                .get(r.as_str())
                .map(|t| t.to_string())
                .or_else(|| n.ticket_no.clone());
            match kept {
                Some(k) if k.eq_ignore_ascii_case(&item.ticket_no) => {}
                Some(k) => out.push(Found::Another {
                    reference: r.clone(),
                    ticket_no: item.ticket_no.clone(),
                    kept: k,
                }),
                None if n.waiting => {
                    given.insert(r, &item.ticket_no);
                    out.push(Found::Number {
                        reference: r.clone(),
                        ticket_no: item.ticket_no.clone(),
                        uuid: item.uuid.clone(),
                    });
                }
                None => {}
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
