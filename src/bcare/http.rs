//! The http client: the report as JSON to a configured endpoint (a bridge, or a
//! future official API). The contract is in the README; every failure becomes a
//! typed [`BcareError`] so the worker knows whether to try again.

use super::{BcareClient, BcareError, BcareReport, Filed, TicketStatus, from_bcare};
use crate::config::BcareConfig;
use serde::Deserialize;
use std::io::ErrorKind;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::Duration;
use ureq::http::Response;

pub struct HttpClient {
    base: String,
    /// Sent as `Authorization: Bearer …`; never logged, never in Debug.
    token: Option<String>,
    timeout: Duration,
    agent: ureq::Agent,
}

impl std::fmt::Debug for HttpClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HttpClient")
            .field("base", &self.base)
            .field("token", &self.token.as_ref().map(|_| "<set>"))
            .field("timeout", &self.timeout)
            .finish()
    }
}

#[derive(Deserialize)]
struct TicketBody {
    ticket_no: String,
    #[serde(default)]
    status: String,
}

impl HttpClient {
    pub fn new(base: &str, token: Option<String>, timeout: Duration) -> HttpClient {
        let agent = agent(timeout);
        HttpClient {
            base: base.trim_end_matches('/').to_string(),
            token,
            timeout,
            agent,
        }
    }

    /// Endpoint, token and time-out from `[bcare]`.
    pub fn from_config(b: &BcareConfig) -> anyhow::Result<HttpClient> {
        let Some(url) = b.url.as_deref().filter(|u| !u.trim().is_empty()) else {
            anyhow::bail!("[bcare] client = \"http\" needs a url");
        };
        let token = read_token(b.token_env.as_deref(), b.token_file.as_deref())?;
        Ok(HttpClient::new(
            url.trim(),
            token,
            Duration::from_secs(b.timeout_secs),
        ))
    }

    fn map_transport(&self, e: ureq::Error) -> BcareError {
        transport_error(e, self.timeout)
    }
}

/// The agent both HTTP clients use: statuses read, never turned into errors, and
/// redirects never followed.
pub(super) fn agent(timeout: Duration) -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        // Statuses are part of the contract: read them, do not turn them into errors.
        .http_status_as_error(false)
        // A redirect is never followed: a 301 to another host once had that host's
        // 201 recorded as the ticket of a report never filed. A 3xx is shown instead.
        .max_redirects(0)
        .user_agent(concat!("bcare-desk/", env!("CARGO_PKG_VERSION")))
        .build()
        .into()
}

/// A failed exchange in the officer's words. The library's own words (a TLS
/// library's enum names, a parser's) go to the log only: they carry nothing
/// of the report, and mean nothing to the officer.
pub(super) fn transport_error(e: ureq::Error, timeout: Duration) -> BcareError {
    let mapped = match &e {
        ureq::Error::Timeout(_) => BcareError::Timeout(timeout),
        ureq::Error::Io(io) => io_error(io, timeout),
        ureq::Error::HostNotFound => BcareError::Refused("host not found".into()),
        ureq::Error::ConnectionFailed => BcareError::Refused("connection failed".into()),
        ureq::Error::BadUri(u) => {
            BcareError::Setup(format!("[bcare] url is not usable: {}", from_bcare(u)))
        }
        ureq::Error::Rustls(tls) => BcareError::Certificate(certificate_words(tls)),
        ureq::Error::Tls(_) | ureq::Error::TlsRequired => BcareError::Certificate(TLS_FAILED),
        // A broken HTTP exchange: the server may have acted, so it is retried
        // (with the same idempotency key) like a lost connection.
        ureq::Error::Protocol(_)
        | ureq::Error::Http(_)
        | ureq::Error::LargeResponseHeader(..)
        | ureq::Error::BodyExceedsLimit(_) => BcareError::Garbled,
        _ => BcareError::Connection(CUT_OFF.into()),
    };
    tracing::warn!(class = mapped.class(), detail = %e, "the exchange with BCare failed");
    mapped
}

fn io_error(io: &std::io::Error, timeout: Duration) -> BcareError {
    if let Some(tls) = io.get_ref().and_then(|e| e.downcast_ref::<rustls::Error>()) {
        return BcareError::Certificate(certificate_words(tls));
    }
    match io.kind() {
        ErrorKind::TimedOut | ErrorKind::WouldBlock => BcareError::Timeout(timeout),
        ErrorKind::ConnectionRefused
        | ErrorKind::HostUnreachable
        | ErrorKind::NetworkUnreachable
        | ErrorKind::NetworkDown
        | ErrorKind::AddrNotAvailable => BcareError::Refused(io.kind().to_string()),
        ErrorKind::UnexpectedEof => BcareError::Connection(CUT_SHORT.into()),
        _ => BcareError::Connection(CUT_OFF.into()),
    }
}

impl HttpClient {
    fn with_auth<B>(&self, req: ureq::RequestBuilder<B>) -> ureq::RequestBuilder<B> {
        match &self.token {
            Some(t) => req.header("Authorization", format!("Bearer {t}")),
            None => req,
        }
    }

    /// Reads an answer carrying a ticket; everything else becomes a typed error.
    fn ticket_answer(&self, resp: Response<ureq::Body>) -> Result<TicketBody, BcareError> {
        let status = resp.status().as_u16();
        let retry_after = resp
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok())
            .and_then(parse_retry_after);
        let location_host = resp
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(location_host);
        // Bytes, not text: a body that is not UTF-8 is BCare's answer all the same
        // (a refusal, or a 2xx that is not the contract), never a lost connection.
        let bytes = resp
            .into_body()
            .read_to_vec()
            .map_err(|e| self.map_transport(e))?;
        let body = String::from_utf8_lossy(&bytes);
        match status {
            200 | 201 => {
                if std::str::from_utf8(&bytes).is_err() {
                    return Err(BcareError::Malformed(format!(
                        "HTTP {status}: not UTF-8 text; body {}",
                        excerpt(&body)
                    )));
                }
                let t: TicketBody = serde_json::from_str(&body).map_err(|e| {
                    BcareError::Malformed(format!("HTTP {status}: {e}; body {}", excerpt(&body)))
                })?;
                if t.ticket_no.trim().is_empty() {
                    return Err(BcareError::Malformed(format!(
                        "HTTP {status}: empty ticket_no"
                    )));
                }
                Ok(TicketBody {
                    ticket_no: t.ticket_no.trim().to_string(),
                    status: from_bcare(&t.status),
                })
            }
            300..=399 => Err(BcareError::Redirected {
                status,
                location_host,
            }),
            429 | 500..=599 => Err(BcareError::Busy {
                status,
                retry_after,
            }),
            400..=499 => Err(BcareError::Rejected {
                status,
                message: error_message(&body),
            }),
            _ => Err(BcareError::Malformed(format!(
                "unexpected HTTP {status}; body {}",
                excerpt(&body)
            ))),
        }
    }
}

impl BcareClient for HttpClient {
    fn name(&self) -> &'static str {
        "http"
    }

    fn file(&self, key: &str, report: &BcareReport) -> Result<Filed, BcareError> {
        let body = serde_json::to_string(report)
            .map_err(|e| BcareError::Setup(format!("cannot encode the report: {e}")))?;
        let req = self
            .agent
            .post(format!("{}/tickets", self.base))
            .header("Idempotency-Key", key)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json");
        // Never the token, the url (it may hold credentials) or the body.
        tracing::trace!(bytes = body.len(), "POST /tickets");
        let resp = self
            .with_auth(req)
            .send(body.as_str())
            .map_err(|e| self.map_transport(e))?;
        let t = self.ticket_answer(resp)?;
        Ok(Filed::Ticket {
            ticket_no: t.ticket_no,
            status: t.status,
        })
    }

    fn status(&self, ticket_no: &str) -> Result<TicketStatus, BcareError> {
        // Ticket numbers are letters, digits and dashes (checked on the way in), so the
        // path segment needs no escaping; anything else is refused here.
        if ticket_no.is_empty()
            || !ticket_no
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-')
        {
            return Err(BcareError::Setup(format!(
                "not a ticket number: {ticket_no:?}"
            )));
        }
        let req = self
            .agent
            .get(format!("{}/tickets/{ticket_no}", self.base))
            .header("Accept", "application/json");
        let resp = self
            .with_auth(req)
            .call()
            .map_err(|e| self.map_transport(e))?;
        let t = self.ticket_answer(resp)?;
        Ok(TicketStatus {
            ticket_no: from_bcare(&t.ticket_no),
            status: t.status,
        })
    }

    fn reachable(&self) -> bool {
        // Any HTTP answer means someone is there; only a transport failure is "down".
        self.with_auth(self.agent.get(format!("{}/health", self.base)))
            .call()
            .is_ok()
    }
}

const CUT_SHORT: &str = "BCare's answer was cut short";
const CUT_OFF: &str = "the connection broke off";
const TLS_FAILED: &str = "the secure connection to BCare failed";

/// Why BCare's certificate (or the secure connection) was refused, as the
/// officer can act on it.
fn certificate_words(e: &rustls::Error) -> &'static str {
    use rustls::CertificateError as C;
    let rustls::Error::InvalidCertificate(c) = e else {
        return TLS_FAILED;
    };
    match c {
        C::Expired | C::ExpiredContext { .. } => "BCare's certificate has expired",
        C::NotValidYet | C::NotValidYetContext { .. } => {
            "BCare's certificate is not valid yet: check this computer's clock"
        }
        C::NotValidForName | C::NotValidForNameContext { .. } => {
            "BCare's certificate is for another address: check [bcare] url"
        }
        C::UnknownIssuer => "BCare's certificate is not from an authority this desk trusts",
        C::Revoked => "BCare's certificate was revoked",
        // The shape of the chain is wrong: a CA's certificate presented as the
        // server's own (`CaUsedAsEndEntity`), a certificate for another purpose.
        C::Other(_) | C::InvalidPurpose | C::InvalidPurposeContext { .. } => {
            "BCare's certificate is not valid for a server"
        }
        _ => "BCare's certificate was not accepted",
    }
}

/// `Retry-After` as seconds or as an HTTP date. A number too big for any clock
/// reads as "the longest wait" (the backoff caps it); nothing here can overflow.
pub fn parse_retry_after(v: &str) -> Option<Duration> {
    let v = v.trim();
    if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) {
        return Some(Duration::from_secs(v.parse::<u64>().unwrap_or(u64::MAX)));
    }
    let at = chrono::DateTime::parse_from_rfc2822(v).ok()?;
    let wait = at
        .with_timezone(&chrono::Utc)
        .signed_duration_since(chrono::Utc::now());
    Some(wait.to_std().unwrap_or(Duration::ZERO))
}

/// The host a redirect pointed to (cleaned: it is shown to the officer).
pub(super) fn location_host(location: &str) -> String {
    let host = location
        .parse::<ureq::http::Uri>()
        .ok()
        .and_then(|u| u.host().map(str::to_string))
        .unwrap_or_else(|| "(same host)".to_string());
    from_bcare(&host)
}

/// The start of a body, quoted, cleaned of anything a terminal would act on.
pub(super) fn excerpt(body: &str) -> String {
    let t = from_bcare(body);
    if t.is_empty() {
        "(empty)".into()
    } else {
        format!("\"{t}\"")
    }
}

/// The server's `{"error": …}` (or `message`), else the start of its body.
fn error_message(body: &str) -> String {
    serde_json::from_str::<serde_json::Value>(body)
        .ok()
        .and_then(|v| {
            ["error", "message"]
                .iter()
                .find_map(|k| v.get(k).and_then(|m| m.as_str()).map(str::to_string))
        })
        .map(|m| from_bcare(&m))
        .filter(|m| !m.is_empty())
        .unwrap_or_else(|| excerpt(body))
}

/// The token from the environment variable named in config, else from a file that
/// only its owner can read.
pub fn read_token(env: Option<&str>, file: Option<&Path>) -> anyhow::Result<Option<String>> {
    if let Some(name) = env
        && let Ok(t) = std::env::var(name)
        && !t.trim().is_empty()
    {
        return Ok(Some(t.trim().to_string()));
    }
    let Some(path) = file else { return Ok(None) };
    let meta = std::fs::metadata(path)
        .map_err(|e| anyhow::anyhow!("[bcare] token_file {}: {e}", path.display()))?;
    if meta.permissions().mode() & 0o077 != 0 {
        anyhow::bail!(
            "[bcare] token_file {} can be read by others; make it private (chmod 600)",
            path.display()
        );
    }
    let t = std::fs::read_to_string(path)
        .map_err(|e| anyhow::anyhow!("[bcare] token_file {}: {e}", path.display()))?;
    let t = t.trim();
    Ok((!t.is_empty()).then(|| t.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_reads_seconds_and_dates() {
        assert_eq!(parse_retry_after(" 7 "), Some(Duration::from_secs(7)));
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon"), None);
        // Too big for any clock: the longest wait (capped later), never a panic.
        assert_eq!(
            parse_retry_after("99999999999999999999"),
            Some(Duration::from_secs(u64::MAX))
        );
        assert!(parse_retry_after("Fri, 31 Dec 9999 23:59:59 GMT").is_some());
        assert_eq!(parse_retry_after("-5"), None);
        assert_eq!(parse_retry_after(""), None);
    }

    #[test]
    fn the_error_message_comes_from_the_json_or_the_body() {
        assert_eq!(error_message(r#"{"error":"bad category"}"#), "bad category");
        assert_eq!(error_message("nope"), "\"nope\"");
        assert_eq!(error_message(""), "(empty)");
    }

    #[test]
    fn a_token_file_readable_by_others_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("token");
        std::fs::write(&p, "s3cret\n").unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o644)).unwrap();
        let err = read_token(None, Some(&p)).unwrap_err().to_string();
        assert!(err.contains("chmod 600"), "{err}");
        assert!(!err.contains("s3cret"));
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).unwrap();
        assert_eq!(
            read_token(None, Some(&p)).unwrap().as_deref(),
            Some("s3cret")
        );
    }

    #[test]
    fn certificate_errors_are_said_in_the_officers_words() {
        use rustls::CertificateError as C;
        let said = |c: C| certificate_words(&rustls::Error::InvalidCertificate(c));
        assert_eq!(said(C::Expired), "BCare's certificate has expired");
        assert!(said(C::NotValidForName).contains("check [bcare] url"));
        assert!(said(C::UnknownIssuer).contains("not from an authority"));
        let ca_as_server = rustls::OtherError(std::sync::Arc::new(std::io::Error::other(
            "CaUsedAsEndEntity",
        )));
        assert_eq!(
            said(C::Other(ca_as_server)),
            "BCare's certificate is not valid for a server"
        );
        assert_eq!(
            certificate_words(&rustls::Error::HandshakeNotComplete),
            "the secure connection to BCare failed"
        );
    }

    #[test]
    fn debug_never_shows_the_token() {
        let c = HttpClient::new("http://x", Some("s3cret".into()), Duration::from_secs(1));
        let d = format!("{c:?}");
        assert!(!d.contains("s3cret"), "{d}");
        assert!(d.contains("<set>"));
    }
}
