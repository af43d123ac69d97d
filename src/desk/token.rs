//! The CEISACare token on this machine: pasted once a login (with its second
//! factor) is done, kept in its own file (0600) and nowhere else — not in the
//! database, a log, `config` output or an error. The variable, when set, wins
//! over the file (a service's environment).

use crate::config::{CEISACARE_TOKEN_ENV, CEISACARE_TOKEN_FILE, ClientKind, Config};
use crate::domain::ceisacare::token::{self, Token, TokenProblem};
use crate::domain::msg::{FieldError, M};
use chrono::{DateTime, Utc};
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Where the token is looked for: the ceisacare client's settings, else (another
/// client is configured) the defaults, so a token pasted ahead of the switch is
/// found once the client is ceisacare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenPlace {
    pub env: String,
    pub file: PathBuf,
}

impl TokenPlace {
    pub fn of(cfg: &Config, data_dir: &Path) -> TokenPlace {
        let ours = cfg.bcare.client == ClientKind::Ceisacare;
        TokenPlace {
            env: cfg
                .bcare
                .token_env
                .clone()
                .filter(|_| ours)
                .unwrap_or_else(|| CEISACARE_TOKEN_ENV.to_string()),
            file: cfg
                .bcare
                .token_file
                .clone()
                .filter(|_| ours)
                .unwrap_or_else(|| data_dir.join(CEISACARE_TOKEN_FILE)),
        }
    }
}

/// A token as pasted, on its way to its file: its Debug never shows it, so no
/// log of the screen's state or effects can carry it.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Pasted(pub String);

impl std::fmt::Debug for Pasted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Pasted(<{} characters>)", self.0.chars().count())
    }
}

/// The token on this desk: where the screen reads and keeps it.
impl super::Desk {
    fn token_place(&self) -> TokenPlace {
        let data_dir = crate::config::data_dir().unwrap_or_default();
        TokenPlace::of(&self.config, &data_dir)
    }

    /// The CEISACare token's state now.
    pub fn ceisacare_token(&self) -> TokenState {
        state(&self.token_place(), self.now())
    }

    /// Keeps a pasted token (see [`save`]) and says where it stands.
    pub fn save_ceisacare_token(&self, pasted: &Pasted) -> super::Result<TokenState> {
        save(&self.token_place(), &pasted.0, self.now()).map_err(super::DeskError::invalid)?;
        Ok(self.ceisacare_token())
    }
}

/// Where the token in use came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenSource {
    Env,
    File,
}

/// The token as the desk sees it now (never the token itself).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum TokenState {
    Missing,
    /// There, but not a token (its problem in the catalog's words).
    Unusable {
        source: TokenSource,
    },
    Valid {
        source: TokenSource,
        until: DateTime<Utc>,
    },
    Expired {
        source: TokenSource,
        at: DateTime<Utc>,
    },
}

/// The state of the token at `now`: the variable's, else the file's.
pub fn state(place: &TokenPlace, now: DateTime<Utc>) -> TokenState {
    let (raw, source) = match std::env::var(&place.env) {
        Ok(v) if !v.trim().is_empty() => (v, TokenSource::Env),
        _ => match crate::bcare::http::read_token(None, Some(&place.file)) {
            Ok(Some(t)) => (t, TokenSource::File),
            Ok(None) => {
                return TokenState::Unusable {
                    source: TokenSource::File,
                };
            }
            Err(_) if !place.file.exists() => return TokenState::Missing,
            Err(_) => {
                return TokenState::Unusable {
                    source: TokenSource::File,
                };
            }
        },
    };
    match token::read(&raw) {
        Ok(t) if now < t.expires_at => TokenState::Valid {
            source,
            until: t.expires_at,
        },
        Ok(t) => TokenState::Expired {
            source,
            at: t.expires_at,
        },
        Err(_) => TokenState::Unusable { source },
    }
}

/// The refusal of a paste, naming the field and the rule (never the paste).
pub fn problem(p: TokenProblem) -> FieldError {
    FieldError::of(
        "token",
        match p {
            TokenProblem::Empty => M::TokenEmpty,
            TokenProblem::TooLong => M::TokenTooLong,
            TokenProblem::NotJwt => M::TokenNotJwt,
            TokenProblem::NoExpiry => M::TokenNoExpiry,
        },
    )
}

/// Checks a pasted token and writes it to its file (0600, replaced whole):
/// refused when it is not a JWT, carries no expiry or has expired at `now`.
pub fn save(place: &TokenPlace, pasted: &str, now: DateTime<Utc>) -> Result<Token, FieldError> {
    let t = token::read(pasted).map_err(problem)?;
    if t.expires_at <= now {
        return Err(FieldError::of("token", M::TokenAlreadyExpired));
    }
    write_private(&place.file, &t.jwt).map_err(|e| {
        let file = place.file.display().to_string();
        FieldError::says("token_file", |lang| {
            M::TokenNotWritten(lang, &file, e.kind())
        })
    })?;
    Ok(t)
}

/// Writes `text` to `path` readable by its owner only: a private temporary file
/// beside it, then renamed over it, so a reader never sees half a token.
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty());
    if let Some(d) = dir
        && !d.exists()
    {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(d)?;
    }
    let tmp = path.with_extension("token-new");
    let _ = std::fs::remove_file(&tmp);
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&tmp)?;
    f.write_all(text.as_bytes())?;
    f.write_all(b"\n")?;
    f.sync_all()?;
    // A file made earlier by hand may have looser bits: the rename replaces it.
    std::fs::set_permissions(&tmp, std::fs::Permissions::from_mode(0o600))?;
    std::fs::rename(&tmp, path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_pasted_token_is_kept_private_and_its_state_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let place = TokenPlace {
            env: "BCARE_DESK_TEST_TOKEN_UNSET_1".into(),
            file: dir.path().join("sub").join("ceisacare.token"),
        };
        let now = Utc.with_ymd_and_hms(2026, 12, 5, 1, 0, 0).unwrap();
        assert_eq!(state(&place, now), TokenState::Missing);
        let exp = now + chrono::TimeDelta::hours(8);
        let jwt = token::unsigned(exp, "pdad");
        let t = save(&place, &jwt, now).unwrap();
        assert_eq!(t.expires_at, exp);
        let mode = std::fs::metadata(&place.file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        assert_eq!(
            state(&place, now),
            TokenState::Valid {
                source: TokenSource::File,
                until: exp
            }
        );
        assert!(matches!(state(&place, exp), TokenState::Expired { .. }));
        let err = save(&place, "not-a-token", now).unwrap_err();
        assert_eq!(err.field, "token");
        let old = token::unsigned(now - chrono::TimeDelta::hours(1), "pdad");
        assert!(save(&place, &old, now).is_err());
        assert_eq!(
            std::fs::read_to_string(&place.file).unwrap().trim(),
            jwt,
            "a refused paste leaves the token as it was"
        );
    }
}
