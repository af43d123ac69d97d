//! The CEISACare simulator (`bcare-desk simulate --ceisacare`): the gateway's
//! shapes for training and tests, on the desk's clock.
//!
//! - `POST /layanan/v2/tiket/{page}` → the office's tickets, 10 a page, newest first.
//! - `GET /layanan/detail/{uuid}` → a ticket's steps (`proseses`) and answers.
//! - Both want `Authorization: Bearer <token>` with a token this simulator issued
//!   and not yet expired; otherwise `401`.
//! - `GET /` → a small web form where a trainee pastes the sheet and gets a ticket
//!   number, as in the real portal; `POST /sim/tiket` `{"uraian": …}` does the same
//!   for tests and answers `{"nomorTiket": …, "uuidLayanan": …}`.

use super::backoff::Rng;
use super::server::{self, Request, SimServer};
use super::sim::Clock;
use crate::domain::ceisacare::token;
use chrono::{DateTime, FixedOffset, Utc};
use std::collections::VecDeque;
use std::io;
use std::net::{SocketAddr, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The gateway's times are WIB.
fn wib() -> FixedOffset {
    crate::domain::ceisacare::default_zone()
}

/// One ticket as the simulator keeps it: the gateway's own (HTML) text.
#[derive(Debug, Clone)]
pub struct SimTicket {
    pub uuid: String,
    /// `nomorTiket` as the gateway writes it (`"K735BBA665 - …"` now and then).
    pub nomor_tiket: String,
    pub filed_at: DateTime<Utc>,
    pub uraian: String,
    /// (namaPosisi, namaStatusLayanan, catatan, wkRekam).
    pub proseses: Vec<(String, String, String, DateTime<Utc>)>,
    /// (fullName, respon).
    pub conversations: Vec<(String, String)>,
}

#[derive(Debug, Default)]
struct State {
    /// Oldest first; served newest first.
    tickets: Vec<SimTicket>,
    tokens: Vec<(String, DateTime<Utc>)>,
    /// Statuses to answer the next gateway requests with, in order (None: serve).
    script: VecDeque<Option<u16>>,
    requests: usize,
}

pub struct CeisacareSim {
    clock: Clock,
    rng: Mutex<Rng>,
    state: Mutex<State>,
    /// Tickets are finished this long after filing (half-way: in process); None: never.
    resolve_after: Option<Duration>,
}

impl CeisacareSim {
    pub fn new(seed: u64, resolve_after: Option<Duration>, clock: Clock) -> CeisacareSim {
        CeisacareSim {
            clock,
            rng: Mutex::new(Rng::new(seed)),
            state: Mutex::new(State::default()),
            resolve_after,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// A token valid for `valid_for`, as after logging in with the second factor.
    pub fn issue_token(&self, valid_for: Duration) -> String {
        let exp = (self.clock)()
            + chrono::TimeDelta::from_std(valid_for).unwrap_or(chrono::TimeDelta::hours(8));
        let n = self.lock().tokens.len();
        let t = token::unsigned(exp, &format!("pdad-sim-{n}"));
        self.lock().tokens.push((t.clone(), exp));
        t
    }

    /// The next gateway requests answer these statuses, in order (`None`: served).
    pub fn push_script(&self, script: impl IntoIterator<Item = Option<u16>>) {
        self.lock().script.extend(script);
    }

    /// Gateway requests answered so far (list and detail).
    pub fn requests(&self) -> usize {
        self.lock().requests
    }

    fn new_number(&self) -> String {
        let mut rng = self.rng.lock().unwrap_or_else(|p| p.into_inner());
        let letter = (b'A' + (rng.next_u64() % 26) as u8) as char;
        format!("{letter}{:09X}", rng.next_u64() & 0xF_FFFF_FFFF)
    }

    /// Files what a trainee pasted: a new ticket (pasting twice makes two, as
    /// in the real form). Returns its number and uuid.
    pub fn file(&self, text: &str) -> (String, String) {
        let no = self.new_number();
        let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        let nomor = format!("{no} - {}", html_escape(first.trim()));
        let uraian = text
            .lines()
            .map(|l| format!("<p>{}</p>", html_escape(l)))
            .collect::<String>();
        let uuid = self.add_ticket(&nomor, (self.clock)(), &uraian);
        (no, uuid)
    }

    /// Adds a ticket in the gateway's own words (tests write HTML and entities).
    pub fn add_ticket(&self, nomor_tiket: &str, filed_at: DateTime<Utc>, uraian: &str) -> String {
        let uuid = {
            let mut rng = self.rng.lock().unwrap_or_else(|p| p.into_inner());
            let (a, b) = (rng.next_u64(), rng.next_u64());
            format!(
                "{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}",
                a >> 32,
                a & 0xffff,
                (a >> 16) & 0xfff,
                b & 0xfff,
                b >> 16
            )
        };
        let mut st = self.lock();
        st.tickets.push(SimTicket {
            uuid: uuid.clone(),
            nomor_tiket: nomor_tiket.into(),
            filed_at,
            uraian: uraian.into(),
            proseses: vec![("PDAD".into(), "Submit".into(), String::new(), filed_at)],
            conversations: Vec::new(),
        });
        // The list is by filing time, as the gateway's.
        st.tickets.sort_by_key(|t| t.filed_at);
        uuid
    }

    /// A step at Dir. IKC on the ticket with this number (drills and tests).
    pub fn add_step(&self, ticket_no: &str, posisi: &str, status: &str, catatan: &str) {
        let now = (self.clock)();
        if let Some(t) = self
            .lock()
            .tickets
            .iter_mut()
            .find(|t| number_of(t) == ticket_no)
        {
            t.proseses
                .push((posisi.into(), status.into(), catatan.into(), now));
        }
    }

    /// An answer in the ticket's conversation.
    pub fn add_answer(&self, ticket_no: &str, full_name: &str, respon: &str) {
        if let Some(t) = self
            .lock()
            .tickets
            .iter_mut()
            .find(|t| number_of(t) == ticket_no)
        {
            t.conversations.push((full_name.into(), respon.into()));
        }
    }

    /// Whether a request's `Authorization` carries a live token of this simulator.
    fn authorised(&self, header: Option<&str>) -> bool {
        let Some(t) = header.and_then(|h| h.strip_prefix("Bearer ")) else {
            return false;
        };
        let now = (self.clock)();
        self.lock()
            .tokens
            .iter()
            .any(|(tok, exp)| tok == t.trim() && now < *exp)
    }

    /// The scripted status for this request, if one is due.
    fn scripted(&self) -> Option<u16> {
        let mut st = self.lock();
        st.requests += 1;
        st.script.pop_front().flatten()
    }

    fn page_json(&self, page: usize) -> serde_json::Value {
        let st = self.lock();
        let rows = st.tickets.len();
        let pages = rows.div_ceil(10);
        let items: Vec<_> = st
            .tickets
            .iter()
            .rev()
            .skip(page.saturating_sub(1) * 10)
            .take(10)
            .map(|t| {
                serde_json::json!({
                    "uuidLayanan": t.uuid, "nomorTiket": t.nomor_tiket,
                    "idStatus": if self.finished(t) { 3 } else { 1 },
                    "tanggal": t.filed_at.with_timezone(&wib()).format("%d-%m-%Y").to_string(),
                    "fullName": "Petugas PDAD", "namaKantorPendek": "KPPBC TMP B Makassar",
                    "namaKatalog": "Layanan TIK", "namaMasalah": "Aplikasi",
                    "namaProbis": "Kepabeanan", "namaDuktek": "Dir. IKC", "uraian": t.uraian,
                })
            })
            .collect();
        serde_json::json!({ "data": { "items": items, "totalPages": pages, "totalRows": rows } })
    }

    fn finished(&self, t: &SimTicket) -> bool {
        self.resolve_after.is_some_and(|d| {
            (self.clock)() >= t.filed_at + chrono::TimeDelta::from_std(d).unwrap_or_default()
        }) || t.proseses.iter().any(|p| p.1.contains("Penyelesaian"))
    }

    fn detail_json(&self, uuid: &str) -> Option<serde_json::Value> {
        let st = self.lock();
        let t = st.tickets.iter().find(|t| t.uuid == uuid)?;
        let mut proseses = t.proseses.clone();
        if let Some(d) = self.resolve_after {
            let d = chrono::TimeDelta::from_std(d).unwrap_or_default();
            let now = (self.clock)();
            if now >= t.filed_at + d / 2 {
                proseses.push((
                    "Dir. IKC Layer 2".into(),
                    "Proses".into(),
                    "<p>Sedang dianalisa</p>".into(),
                    t.filed_at + d / 2,
                ));
            }
            if now >= t.filed_at + d {
                proseses.push((
                    "Dir. IKC Layer 2".into(),
                    "Penyelesaian".into(),
                    "<p>Sudah diperbaiki, silakan dicoba kembali.</p>".into(),
                    t.filed_at + d,
                ));
            }
        }
        let when = |at: DateTime<Utc>| {
            at.with_timezone(&wib())
                .format("%d-%m-%Y %H:%M:%S")
                .to_string()
        };
        Some(serde_json::json!({ "data": {
            "analisa": { "uuidLayanan": t.uuid, "nomorTiket": t.nomor_tiket, "uraian": t.uraian,
                         "tanggal": t.filed_at.with_timezone(&wib()).format("%d-%m-%Y").to_string() },
            "layanan": { "nomorTiket": t.nomor_tiket },
            "proseses": proseses.iter().map(|(pos, st, cat, at)| serde_json::json!({
                "namaPosisi": pos, "namaStatusLayanan": st, "catatan": cat, "wkRekam": when(*at) }))
                .collect::<Vec<_>>(),
            "conversations": t.conversations.iter().map(|(n, r)| serde_json::json!({
                "fullName": n, "respon": r })).collect::<Vec<_>>(),
        }}))
    }

    /// Serves the simulator on `addr` (port 0: the OS picks).
    pub fn serve(self: Arc<Self>, addr: SocketAddr) -> io::Result<SimServer> {
        SimServer::serve(addr, Arc::new(move |stream| handle(stream, &self)))
    }
}

fn number_of(t: &SimTicket) -> String {
    crate::domain::ceisacare::ticket_number(&t.nomor_tiket)
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// `application/x-www-form-urlencoded` value of `key`.
fn form_value(body: &[u8], key: &str) -> Option<String> {
    let body = String::from_utf8_lossy(body);
    body.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        (k == key).then(|| percent_decode(v))
    })
}

fn percent_decode(v: &str) -> String {
    let bytes = v.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = |b: u8| (b as char).to_digit(16);
                match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

const FORM: &str = r#"<!doctype html><html lang="id"><head><meta charset="utf-8"><title>CEISACare (simulator)</title></head>
<body><h1>CEISACare — simulator pelatihan</h1>
<form method="post" action="/"><p>Tempel lembar laporan dari bcare-desk:</p>
<textarea name="uraian" rows="20" cols="90"></textarea><p><button type="submit">Kirim</button></p></form>
<p>Token pelatihan (tempel ke <code>bcare-desk ceisacare token</code>):</p><pre>{token}</pre></body></html>"#;

fn handle(stream: TcpStream, sim: &CeisacareSim) -> io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let req: Request = server::read_request(&stream)?;
    let path = req.path.split('?').next().unwrap_or("").to_string();
    let html = |status, body: String| {
        server::respond(&stream, status, &[], "text/html; charset=utf-8", &body)
    };
    match (req.method.as_str(), path.as_str()) {
        ("GET", "/") => html(
            200,
            FORM.replace("{token}", &sim.issue_token(Duration::from_secs(8 * 3600))),
        ),
        ("POST", "/") => {
            let text = form_value(&req.body, "uraian").unwrap_or_default();
            if text.trim().is_empty() {
                return html(400, "<p>Uraian wajib diisi.</p>".into());
            }
            let (no, _) = sim.file(&text);
            html(
                200,
                format!(
                    "<html><body><p>Tiket terbit. Nomor tiket: <b>{no}</b></p><p><a href=\"/\">Kembali</a></p></body></html>"
                ),
            )
        }
        ("POST", "/sim/tiket") => {
            let uraian = serde_json::from_slice::<serde_json::Value>(&req.body)
                .ok()
                .and_then(|v| v.get("uraian").and_then(|u| u.as_str()).map(str::to_string));
            match uraian.filter(|u| !u.trim().is_empty()) {
                Some(u) => {
                    let (no, uuid) = sim.file(&u);
                    server::json(
                        &stream,
                        201,
                        serde_json::json!({ "nomorTiket": no, "uuidLayanan": uuid }),
                    )
                }
                None => server::error(&stream, 400, "uraian is required"),
            }
        }
        (method, p) if p.starts_with("/layanan/") => {
            if let Some(status) = sim.scripted() {
                return server::error(&stream, status, "simulated");
            }
            if !sim.authorised(req.header("authorization")) {
                return server::error(&stream, 401, "Unauthorized");
            }
            if let ("POST", Some(page)) = (method, p.strip_prefix("/layanan/v2/tiket/")) {
                let Ok(page) = page.parse::<usize>() else {
                    return server::error(&stream, 400, "bad page");
                };
                return server::json(&stream, 200, sim.page_json(page.max(1)));
            }
            if let ("GET", Some(uuid)) = (method, p.strip_prefix("/layanan/detail/")) {
                return match sim.detail_json(uuid) {
                    Some(v) => server::json(&stream, 200, v),
                    None => server::error(&stream, 404, "not found"),
                };
            }
            server::error(&stream, 404, "not found")
        }
        _ => server::error(&stream, 404, "not found"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_value_is_decoded() {
        assert_eq!(
            form_value(
                b"a=1&uraian=Referensi+kantor%3A+ADU-2026-00042%0A",
                "uraian"
            )
            .as_deref(),
            Some("Referensi kantor: ADU-2026-00042\n")
        );
        assert_eq!(
            form_value(b"uraian=100%", "uraian").as_deref(),
            Some("100%")
        );
    }
}
