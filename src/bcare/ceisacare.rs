//! The ceisacare client: the officer files in CEISACare's web form (the sheet is
//! printed and copied as with the portal client), and the desk reads the office's
//! tickets back from the gateway: their numbers, Dir. IKC's steps and answers.
//! It only reads; no endpoint for filing is known, and none is guessed.
//!
//! The token is read at every call (the variable, else the 0600 file), so a token
//! pasted with `bcare-desk ceisacare token` is taken without a restart. It goes in
//! the `Authorization` header and nowhere else: not in a log, an error or Debug.

use super::http::{agent, excerpt, location_host, read_token, transport_error};
use super::{BcareClient, BcareError, BcareReport, Filed, Gateway, TicketStatus};
use crate::config::Config;
use crate::domain::ceisacare::{self as gw, Detail, Page};
use chrono::FixedOffset;
use std::hash::{Hash, Hasher};
use std::path::PathBuf;
use std::time::Duration;

/// The largest answer read: a page is a few KiB, a detail tens; a bigger one is
/// not the gateway's.
pub const ANSWER_MAX: u64 = 2 * 1024 * 1024;

pub struct CeisacareClient {
    base: String,
    token_env: Option<String>,
    token_file: Option<PathBuf>,
    timeout: Duration,
    zone: FixedOffset,
    agent: ureq::Agent,
}

impl std::fmt::Debug for CeisacareClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CeisacareClient")
            .field("base", &self.base)
            .field("token_env", &self.token_env)
            .field("token_file", &self.token_file)
            .finish_non_exhaustive()
    }
}

impl CeisacareClient {
    /// From `[bcare] url`, `token_env`, `token_file`, `timeout_secs` and
    /// `[ceisacare] timezone` (the defaults filled in by
    /// [`Config::with_ceisacare_defaults`]).
    pub fn from_config(cfg: &Config) -> anyhow::Result<CeisacareClient> {
        let b = &cfg.bcare;
        let base = b
            .url
            .as_deref()
            .map(str::trim)
            .filter(|u| !u.is_empty())
            .unwrap_or(crate::config::CEISACARE_URL);
        Ok(CeisacareClient {
            base: base.trim_end_matches('/').to_string(),
            token_env: b.token_env.clone(),
            token_file: b.token_file.clone(),
            timeout: Duration::from_secs(b.timeout_secs),
            zone: cfg.ceisacare.zone(),
            agent: agent(Duration::from_secs(b.timeout_secs)),
        })
    }

    /// The token now: the variable wins over the file.
    fn token(&self) -> Result<String, BcareError> {
        match read_token(self.token_env.as_deref(), self.token_file.as_deref()) {
            Ok(Some(t)) => Ok(t),
            // A missing file is a token not pasted yet; the path is not the token.
            Ok(None) | Err(_) => Err(BcareError::Setup(
                "no CEISACare token: paste one with `bcare-desk ceisacare token`".into(),
            )),
        }
    }

    /// Sends `req` with the token and reads a 200's body (at most [`ANSWER_MAX`]);
    /// every other answer becomes a typed error.
    fn exchange(
        &self,
        what: &str,
        send: impl FnOnce(&str) -> Result<ureq::http::Response<ureq::Body>, ureq::Error>,
    ) -> Result<String, BcareError> {
        let token = self.token()?;
        // The path is the gateway's; neither the token nor a body is logged.
        tracing::trace!(what, "asking CEISACare");
        let resp =
            send(&format!("Bearer {token}")).map_err(|e| transport_error(e, self.timeout))?;
        let status = resp.status().as_u16();
        let retry_after = resp
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok())
            .and_then(super::http::parse_retry_after);
        let location = resp
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(location_host);
        let bytes = resp
            .into_body()
            .into_with_config()
            .limit(ANSWER_MAX)
            .read_to_vec()
            .map_err(|e| match e {
                ureq::Error::BodyExceedsLimit(_) => {
                    BcareError::Malformed(format!("{what}: an answer over 2 MiB"))
                }
                e => transport_error(e, self.timeout),
            })?;
        match status {
            200 => String::from_utf8(bytes)
                .map_err(|_| BcareError::Malformed(format!("{what}: not UTF-8 text"))),
            401 => Err(BcareError::TokenExpired),
            300..=399 => Err(BcareError::Redirected {
                status,
                location_host: location,
            }),
            429 | 500..=599 => Err(BcareError::Busy {
                status,
                retry_after,
            }),
            _ => Err(BcareError::Rejected {
                status,
                message: excerpt(&String::from_utf8_lossy(&bytes)),
            }),
        }
    }
}

impl Gateway for CeisacareClient {
    fn tickets_page(&self, page: u32) -> Result<Page, BcareError> {
        let url = format!("{}/layanan/v2/tiket/{page}", self.base);
        let body = self.exchange("the ticket list", |auth| {
            self.agent
                .post(&url)
                .header("Authorization", auth)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .send("{}")
        })?;
        gw::parse_page(&body).map_err(|e| BcareError::Malformed(format!("the ticket list: {e}")))
    }

    fn ticket_detail(&self, uuid: &str) -> Result<Detail, BcareError> {
        if uuid.is_empty() || !uuid.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
            return Err(BcareError::Setup(format!("not a ticket's uuid: {uuid:?}")));
        }
        let url = format!("{}/layanan/detail/{uuid}", self.base);
        let body = self.exchange("a ticket's detail", |auth| {
            self.agent
                .get(&url)
                .header("Authorization", auth)
                .header("Accept", "application/json")
                .call()
        })?;
        gw::parse_detail(&body, self.zone)
            .map_err(|e| BcareError::Malformed(format!("a ticket's detail: {e}")))
    }

    fn token_fingerprint(&self) -> Option<u64> {
        let t = self.token().ok()?;
        let mut h = std::collections::hash_map::DefaultHasher::new();
        t.hash(&mut h);
        Some(h.finish())
    }
}

impl BcareClient for CeisacareClient {
    fn name(&self) -> &'static str {
        "ceisacare"
    }

    /// Filing is the web form's: `forward` prints the sheet, as with the portal.
    fn file(&self, _key: &str, _report: &BcareReport) -> Result<Filed, BcareError> {
        Ok(Filed::Pending)
    }

    fn status(&self, _ticket_no: &str) -> Result<TicketStatus, BcareError> {
        Err(BcareError::Unsupported("ceisacare"))
    }

    /// Any HTTP answer from the gateway means it is there.
    fn reachable(&self) -> bool {
        self.agent.get(format!("{}/", self.base)).call().is_ok()
    }

    fn gateway(&self) -> Option<&dyn Gateway> {
        Some(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_token() {
        let mut cfg = Config::default();
        cfg.bcare.token_env = Some("BCARE_DESK_TEST_NO_SUCH_VAR".into());
        let c = CeisacareClient::from_config(&cfg).unwrap();
        assert!(format!("{c:?}").contains("cica-be"));
        let e = c.token().unwrap_err().to_string();
        assert!(e.contains("bcare-desk ceisacare token"), "{e}");
    }
}
