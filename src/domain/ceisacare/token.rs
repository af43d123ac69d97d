//! The CEISACare token: a JWT the officer copies from a logged-in session (the
//! login has a second factor, so the desk cannot log in by itself). Only its
//! payload's `exp` is read; the signature is the gateway's business. Nothing
//! here ever puts the token, or a piece of it, in an error.

use base64::Engine;
use chrono::{DateTime, Utc};

/// Longest token accepted: a JWT is a few hundred bytes to a few KiB.
pub const TOKEN_MAX: usize = 16 * 1024;

/// A token read from a paste: the token itself and when it stops being valid.
#[derive(Clone, PartialEq, Eq)]
pub struct Token {
    pub jwt: String,
    pub expires_at: DateTime<Utc>,
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Token")
            .field("jwt", &"<hidden>")
            .field("expires_at", &self.expires_at)
            .finish()
    }
}

/// Why a paste is not a token, in words that never quote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenProblem {
    Empty,
    TooLong,
    /// Not three dot-separated base64url parts.
    NotJwt,
    /// The middle part is not JSON with a numeric `exp`.
    NoExpiry,
}

/// Reads a pasted token: the bare JWT, `Bearer <jwt>`, or the JSON a browser's
/// storage holds (`{"access_token": "<jwt>", …}`).
pub fn read(pasted: &str) -> Result<Token, TokenProblem> {
    let t = pasted.trim();
    if t.is_empty() {
        return Err(TokenProblem::Empty);
    }
    if t.len() > TOKEN_MAX {
        return Err(TokenProblem::TooLong);
    }
    let from_json = t.starts_with('{').then(|| {
        serde_json::from_str::<serde_json::Value>(t)
            .ok()
            .and_then(|v| {
                ["access_token", "token", "accessToken"]
                    .iter()
                    .find_map(|k| v.get(k).and_then(|s| s.as_str()).map(str::to_string))
            })
    });
    let jwt = match from_json {
        Some(Some(j)) => j,
        Some(None) => return Err(TokenProblem::NotJwt),
        None => t
            .strip_prefix("Bearer ")
            .or_else(|| t.strip_prefix("bearer "))
            .unwrap_or(t)
            .trim()
            .to_string(),
    };
    let expires_at = expiry(&jwt)?;
    Ok(Token { jwt, expires_at })
}

/// The `exp` of a JWT's payload.
pub fn expiry(jwt: &str) -> Result<DateTime<Utc>, TokenProblem> {
    let parts: Vec<&str> = jwt.split('.').collect();
    let b64url = |p: &str| {
        !p.is_empty()
            && p.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'=')
    };
    if parts.len() != 3 || !b64url(parts[0]) || !b64url(parts[1]) {
        return Err(TokenProblem::NotJwt);
    }
    let payload = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(parts[1].trim_end_matches('='))
        .map_err(|_| TokenProblem::NotJwt)?;
    let v: serde_json::Value =
        serde_json::from_slice(&payload).map_err(|_| TokenProblem::NoExpiry)?;
    let exp = v
        .get("exp")
        .and_then(|e| e.as_i64().or_else(|| e.as_f64().map(|f| f as i64)))
        .ok_or(TokenProblem::NoExpiry)?;
    DateTime::from_timestamp(exp, 0).ok_or(TokenProblem::NoExpiry)
}

/// A JWT with this `exp` and an empty signature: the simulator's tokens and the
/// tests' (never a real token).
pub fn unsigned(exp: DateTime<Utc>, subject: &str) -> String {
    let e = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let header = e.encode(br#"{"alg":"none","typ":"JWT"}"#);
    let payload = e.encode(
        serde_json::json!({ "sub": subject, "exp": exp.timestamp() })
            .to_string()
            .as_bytes(),
    );
    format!("{header}.{payload}.c2lt")
}

/// Where a token stands at `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Validity {
    ValidUntil(DateTime<Utc>),
    ExpiredAt(DateTime<Utc>),
}

pub fn validity(expires_at: DateTime<Utc>, now: DateTime<Utc>) -> Validity {
    if now < expires_at {
        Validity::ValidUntil(expires_at)
    } else {
        Validity::ExpiredAt(expires_at)
    }
}
