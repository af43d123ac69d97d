//! Filing reports with BCare (Dir. IKC's ticket channel).
//!
//! One trait, three clients: `portal` (the officer files in the browser and types the
//! number back), `http` (JSON to a bridge or a future official API) and `sim`
//! (training, demos, tests). Reports queued by `forward` are delivered from the outbox
//! by the desk's worker (`desk::outbox`).

pub mod backoff;
pub mod ceisacare;
pub mod ceisacare_sim;
pub mod http;
pub mod portal;
pub mod server;
pub mod sim;

/// The clients file the domain's report.
pub use crate::domain::bcare_report::BcareReport;

use crate::config::{ClientKind, Config};
use crate::domain::msg::{Lang, M};
use std::time::Duration;

fn seconds(d: Duration) -> String {
    if d.subsec_millis() == 0 {
        format!("{} s", d.as_secs())
    } else {
        format!("{:.1} s", d.as_secs_f64())
    }
}

/// Longest piece of BCare's own text (an error, a status) the desk keeps.
pub const BCARE_TEXT_MAX: usize = 300;

/// BCare's text as the desk keeps and shows it: one line, no control or bidi
/// character, at most [`BCARE_TEXT_MAX`] characters. Whatever the server sends,
/// nothing in it can act on the officer's terminal.
pub fn from_bcare(raw: &str) -> String {
    let line = crate::domain::text::clean_line(raw);
    match line.char_indices().nth(BCARE_TEXT_MAX) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line,
    }
}

/// What filing a report gave back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filed {
    /// BCare issued this ticket number.
    Ticket { ticket_no: String, status: String },
    /// The officer files it by hand and types the number in (portal).
    Pending,
}

/// Where a ticket stands at Dir. IKC.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TicketStatus {
    pub ticket_no: String,
    pub status: String,
}

/// Why an attempt failed. The worker branches on it: some are retried, some are
/// shown to the officer and wait for `outbox retry`. Worded by the catalog
/// ([`BcareError::text`]); the `Display` is the English, for logs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.text(Lang::En))]
pub enum BcareError {
    /// Nobody answered at the address (refused, unreachable, unknown host).
    Refused(String),
    /// The connection broke before a whole answer came back: BCare may have
    /// created the ticket, so the retry carries the same idempotency key.
    Connection(String),
    Timeout(Duration),
    /// BCare's certificate was refused before anything was sent (why, in the
    /// officer's words). Tried again: the server's keepers may mend it.
    Certificate(&'static str),
    /// An answer that is not HTTP (broken framing, too many headers): BCare may
    /// have acted, so it is retried under the same idempotency key.
    Garbled,
    /// 4xx other than 429: the report or the credentials are wrong; retrying the
    /// same request would fail the same way.
    Rejected {
        status: u16,
        message: String,
    },
    /// 5xx or 429: BCare is down or busy; try again later.
    Busy {
        status: u16,
        retry_after: Option<Duration>,
    },
    /// A 3xx: the endpoint points elsewhere. Never followed (another host's answer
    /// must not become a ticket) and never retried: the url needs checking.
    Redirected {
        status: u16,
        location_host: Option<String>,
    },
    /// The answer was not the JSON of the contract.
    Malformed(String),
    /// The desk is not set up to send (no url, unreadable token).
    Setup(String),
    Unsupported(&'static str),
    /// CEISACare refused the token (401): it expired or was revoked. Nothing is
    /// retried until a new one is pasted.
    TokenExpired,
}

impl BcareError {
    /// What failed in the officer's language, from the catalog; the `Display`
    /// is the English, for logs.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            BcareError::Refused(d) => M::BcareUnreachable(lang, d),
            BcareError::Connection(d) => M::BcareConnectionLost(lang, d),
            BcareError::Timeout(d) => M::BcareTimeout(lang, seconds(*d)),
            BcareError::Certificate(why) => why.to_string(),
            BcareError::Garbled => M::BcareGarbled.get(lang).into(),
            BcareError::Rejected { status, message } => M::BcareRejected(lang, status, message),
            BcareError::Busy { status, .. } => M::BcareBusy(lang, status),
            BcareError::Redirected {
                status,
                location_host,
            } => {
                let host = location_host.as_deref();
                M::BcareRedirected(lang, status, host.unwrap_or(M::BcareNowhere.get(lang)))
            }
            BcareError::Malformed(d) => M::BcareMalformed(lang, d),
            BcareError::Setup(d) => d.clone(),
            BcareError::Unsupported(client) => M::BcareUnsupported(lang, client),
            BcareError::TokenExpired => M::TokenRefusedLine.get(lang).into(),
        }
    }

    /// Whether the worker tries again by itself.
    pub fn retryable(&self) -> bool {
        matches!(
            self,
            BcareError::Refused(_)
                | BcareError::Connection(_)
                | BcareError::Timeout(_)
                | BcareError::Certificate(_)
                | BcareError::Garbled
                | BcareError::Busy { .. }
        )
    }

    /// The wait BCare asked for (`Retry-After`), if any.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            BcareError::Busy { retry_after, .. } => *retry_after,
            _ => None,
        }
    }

    /// A short class for logs: never the message, which may quote the report.
    pub fn class(&self) -> &'static str {
        match self {
            BcareError::Refused(_) => "refused",
            BcareError::Connection(_) => "connection",
            BcareError::Timeout(_) => "timeout",
            BcareError::Certificate(_) => "certificate",
            BcareError::Garbled => "garbled",
            BcareError::Rejected { .. } => "rejected",
            BcareError::Busy { .. } => "busy",
            BcareError::Redirected { .. } => "redirected",
            BcareError::Malformed(_) => "malformed",
            BcareError::Setup(_) => "setup",
            BcareError::Unsupported(_) => "unsupported",
            BcareError::TokenExpired => "token-expired",
        }
    }
}

/// A way of getting a report to Dir. IKC. Shared by the worker's sends in flight.
pub trait BcareClient: Send + Sync {
    /// "portal", "http" or "sim": recorded on events and outbox rows.
    fn name(&self) -> &'static str;
    /// Files a report. `idempotency_key` is the complaint's reference: filing the same
    /// key again returns the ticket already made, never a second one.
    fn file(&self, idempotency_key: &str, report: &BcareReport) -> Result<Filed, BcareError>;
    fn status(&self, ticket_no: &str) -> Result<TicketStatus, BcareError>;
    /// Whether BCare answers at all right now (for the status bar).
    fn reachable(&self) -> bool;
    /// The gateway tickets are read back from, for a client that has one
    /// (ceisacare): the follow-up walks it instead of asking ticket by ticket.
    fn gateway(&self) -> Option<&dyn Gateway> {
        None
    }
}

/// Reading tickets back from CEISACare's gateway (read only: filing stays in the
/// web form).
pub trait Gateway {
    /// One page of the office's tickets, 10 a page, newest first (page 1 first).
    fn tickets_page(&self, page: u32) -> Result<crate::domain::ceisacare::Page, BcareError>;
    /// One ticket's steps and answers.
    fn ticket_detail(&self, uuid: &str) -> Result<crate::domain::ceisacare::Detail, BcareError>;
    /// A fingerprint of the token in use (never the token), so a refused token is
    /// not tried again until a new one is pasted; None when there is none.
    fn token_fingerprint(&self) -> Option<u64>;
}

/// The client the config asks for.
/// The configured client. The simulator ages its tickets on `clock`, the desk's own,
/// so a training desk on a fixed clock sees them resolve as its day moves on.
pub fn client_from_config(cfg: &Config, clock: sim::Clock) -> anyhow::Result<Box<dyn BcareClient>> {
    let b = &cfg.bcare;
    Ok(match b.client {
        ClientKind::Portal => Box::new(portal::PortalClient::new(
            b.portal_url.clone(),
            Box::new(std::io::stdout()),
            portal::osc52_allowed(),
        )),
        ClientKind::Http => Box::new(http::HttpClient::from_config(b)?),
        ClientKind::Ceisacare => Box::new(ceisacare::CeisacareClient::from_config(cfg)?),
        ClientKind::Sim => Box::new(sim::SimClient::new(std::sync::Arc::new(
            sim::Simulator::with_clock(
                sim::SimSettings {
                    delay: Duration::from_millis(b.sim_delay_ms),
                    fail_rate: b.sim_fail_rate,
                    seed: b.sim_seed,
                    resolve_after: (b.sim_resolve_after_secs > 0)
                        .then(|| Duration::from_secs(b.sim_resolve_after_secs)),
                },
                clock,
            ),
        ))),
    })
}
