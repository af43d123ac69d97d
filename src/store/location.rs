//! Where the desk's records are kept: a SQLite file on this machine, or a
//! PostgreSQL database that several desks share.

use std::fmt;
use std::path::{Path, PathBuf};

/// A database to open: chosen by `--db`, `BCARE_DESK_DB` or `[store] url`.
#[derive(Clone, PartialEq, Eq)]
pub enum Location {
    File(PathBuf),
    Server(ServerUrl),
}

/// A `postgres://` URL. It may carry a password, so it is never printed whole:
/// `Display` and `Debug` show it without one.
#[derive(Clone, PartialEq, Eq)]
pub struct ServerUrl {
    url: String,
    /// Taken from the environment variable `[store] password_env` names, when set.
    password: Option<String>,
}

impl ServerUrl {
    /// The URL as given: for connecting only.
    pub fn secret(&self) -> &str {
        &self.url
    }

    pub fn password(&self) -> Option<&str> {
        self.password.as_deref()
    }

    pub fn with_password(mut self, password: Option<String>) -> ServerUrl {
        self.password = password;
        self
    }

    /// The URL with any password replaced, and no query string: safe for the
    /// screen, the log and error messages.
    pub fn shown(&self) -> String {
        let (head, _query) = self.url.split_once('?').unwrap_or((&self.url, ""));
        let Some((scheme, rest)) = head.split_once("://") else {
            return "postgres://?".into();
        };
        match rest.rsplit_once('@') {
            Some((user_info, host)) => {
                let user = user_info.split(':').next().unwrap_or("");
                format!("{scheme}://{user}@{host}")
            }
            None => format!("{scheme}://{rest}"),
        }
    }
}

impl Location {
    /// A `--db` value: a `postgres://` or `postgresql://` URL names a server,
    /// anything else a file.
    pub fn from_arg(arg: &Path) -> Location {
        match arg.to_str() {
            Some(s) if is_server_url(s) => Location::Server(ServerUrl {
                url: s.trim().to_string(),
                password: None,
            }),
            _ => Location::File(arg.to_path_buf()),
        }
    }

    /// `[store] url` from the config: it must be a server URL.
    pub fn server(url: &str) -> Option<Location> {
        is_server_url(url).then(|| {
            Location::Server(ServerUrl {
                url: url.trim().to_string(),
                password: None,
            })
        })
    }

    pub fn file(&self) -> Option<&Path> {
        match self {
            Location::File(p) => Some(p),
            Location::Server(_) => None,
        }
    }
}

impl From<PathBuf> for Location {
    fn from(p: PathBuf) -> Location {
        Location::from_arg(&p)
    }
}

impl From<&PathBuf> for Location {
    fn from(p: &PathBuf) -> Location {
        Location::from_arg(p)
    }
}

impl From<&Path> for Location {
    fn from(p: &Path) -> Location {
        Location::from_arg(p)
    }
}

impl From<&Location> for Location {
    fn from(l: &Location) -> Location {
        l.clone()
    }
}

fn is_server_url(s: &str) -> bool {
    let s = s.trim_start();
    s.starts_with("postgres://") || s.starts_with("postgresql://")
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::File(p) => write!(f, "{}", p.display()),
            Location::Server(u) => f.write_str(&u.shown()),
        }
    }
}

impl fmt::Debug for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Location({self})")
    }
}

impl fmt::Display for ServerUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.shown())
    }
}

impl fmt::Debug for ServerUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ServerUrl({})", self.shown())
    }
}

impl serde::Serialize for Location {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_in_the_url_is_never_shown() {
        let l = Location::from_arg(Path::new(
            "postgres://desk:s3cret@db.kppbc.local:5432/bcare?sslmode=require&password=x",
        ));
        let shown = l.to_string();
        assert_eq!(shown, "postgres://desk@db.kppbc.local:5432/bcare");
        assert!(!format!("{l:?}").contains("s3cret"));
        assert!(matches!(l, Location::Server(_)));
    }

    #[test]
    fn anything_else_is_a_file() {
        assert_eq!(
            Location::from_arg(Path::new("desk.db")).file(),
            Some(Path::new("desk.db"))
        );
        assert!(Location::server("/tmp/x.db").is_none());
    }
}
