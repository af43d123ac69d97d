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

/// A `postgres://` URL, or a libpq connection string (`host=/run/postgresql
/// dbname=bcare`). It may carry a password, so it is never printed whole:
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

    /// Why the server's driver cannot read the URL or connection string, if it
    /// cannot (the reason names the option, never its value).
    pub fn unreadable(&self) -> Option<String> {
        use std::str::FromStr;
        // `sslmode` and `sslrootcert` are the desk's to read, not the driver's.
        let rest = match crate::store::pg::tls::take_tls_options(&self.url) {
            Ok((rest, _)) => rest,
            Err(why) => return Some(why),
        };
        postgres::Config::from_str(&rest).err().map(|e| {
            // The driver's own line is "invalid connection string"; its cause
            // names the option.
            match std::error::Error::source(&e) {
                Some(cause) => cause.to_string(),
                None => e.to_string(),
            }
        })
    }

    /// The URL with any password replaced, and no query string: safe for the
    /// screen, the log and error messages. A connection string is shown with
    /// its options but the password.
    pub fn shown(&self) -> String {
        if let Some(pairs) = conninfo_pairs(&self.url) {
            return pairs
                .iter()
                .filter(|(k, _)| !k.contains("password"))
                .map(|(k, v)| {
                    if v.is_empty() || v.contains([' ', '\'', '\\']) {
                        format!("{k}='{}'", v.replace('\\', "\\\\").replace('\'', "\\'"))
                    } else {
                        format!("{k}={v}")
                    }
                })
                .collect::<Vec<_>>()
                .join(" ");
        }
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
    /// A `--db` value: a `postgres://` or `postgresql://` URL, or a libpq
    /// connection string, names a server; anything else a file.
    pub fn from_arg(arg: &Path) -> Location {
        match arg.to_str() {
            Some(s) if is_server_url(s) => Location::Server(ServerUrl {
                url: s.trim().to_string(),
                password: None,
            }),
            _ => Location::File(arg.to_path_buf()),
        }
    }

    /// `[store] url` from the config: it must be a server URL or connection string.
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
    s.starts_with("postgres://") || s.starts_with("postgresql://") || is_conninfo(s)
}

/// The options libpq knows: a string that begins `host=`, `dbname=`… is a
/// connection string, never a file (the desk would make folders named `host=`).
const LIBPQ_KEYS: &[&str] = &[
    "host",
    "hostaddr",
    "port",
    "dbname",
    "user",
    "password",
    "passfile",
    "options",
    "application_name",
    "connect_timeout",
    "sslmode",
    "sslcert",
    "sslkey",
    "sslrootcert",
    "target_session_attrs",
    "channel_binding",
    "keepalives",
    "service",
];

fn is_conninfo(s: &str) -> bool {
    let key: String = s
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    let rest = s.trim_start()[key.len()..].trim_start();
    rest.starts_with('=') && LIBPQ_KEYS.contains(&key.as_str())
}

/// A libpq connection string's `key=value` pairs (values may be quoted 'like
/// this', with backslash escapes), as libpq reads them, up to the first that
/// cannot be read; None for a URL or a file name.
fn conninfo_pairs(s: &str) -> Option<Vec<(String, String)>> {
    if !is_conninfo(s) {
        return None;
    }
    let mut pairs = Vec::new();
    let mut chars = s.chars().peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        if chars.peek().is_none() {
            return Some(pairs);
        }
        let mut key = String::new();
        while let Some(c) = chars.next_if(|c| *c != '=' && !c.is_whitespace()) {
            key.push(c);
        }
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        if chars.next_if_eq(&'=').is_none() {
            return Some(pairs);
        }
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let mut value = String::new();
        let quoted = chars.next_if_eq(&'\'').is_some();
        loop {
            match chars.next() {
                Some('\\') => match chars.next() {
                    Some(c) => value.push(c),
                    None => return Some(pairs),
                },
                Some('\'') if quoted => break,
                Some(c) if c.is_whitespace() && !quoted => break,
                Some(c) => value.push(c),
                None if quoted => return Some(pairs),
                None => break,
            }
        }
        pairs.push((key, value));
    }
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

    #[test]
    fn a_libpq_connection_string_is_a_server_shown_without_its_password() {
        let l = Location::from_arg(Path::new(
            "host=/run/postgresql dbname=bcare user=desk password='s3 cret'",
        ));
        assert!(matches!(l, Location::Server(_)), "{l:?}");
        assert_eq!(l.to_string(), "host=/run/postgresql dbname=bcare user=desk");
        assert!(!format!("{l:?}").contains("s3"));
        assert!(Location::server("host = db.kantor port=5433 dbname=bcare").is_some());
        // A file name with an equals sign stays a file.
        assert!(
            Location::from_arg(Path::new("arsip=2026.db"))
                .file()
                .is_some()
        );
    }
}
