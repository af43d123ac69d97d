//! Connecting to the server: the URL, a password from where the officer's IT put
//! it (the URL, `[store] password_env`, `PGPASSWORD`, `~/.pgpass`), and TLS through
//! rustls when the URL asks for `sslmode=require`.

use crate::store::location::ServerUrl;
use postgres::config::{Host, SslMode};
use postgres::{Client, Config, NoTls};
use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

/// How long the desk waits for the server to answer a connection.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

pub fn client(url: &ServerUrl) -> Result<Client, postgres::Error> {
    let mut config = Config::from_str(url.secret())?;
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(CONNECT_TIMEOUT);
    }
    if config.get_application_name().is_none() {
        config.application_name("bcare-desk");
    }
    if config.get_password().is_none() {
        let from_env = url
            .password()
            .map(str::to_string)
            .or_else(|| std::env::var("PGPASSWORD").ok().filter(|p| !p.is_empty()));
        let password = from_env.or_else(|| {
            let file = pgpass_file()?;
            let text = std::fs::read_to_string(file).ok()?;
            password_from_pgpass(&text, &config)
        });
        if let Some(p) = password {
            config.password(p);
        }
    }
    if config.get_ssl_mode() == SslMode::Require {
        config.connect(tls())
    } else {
        // `prefer` (the default) without certificates to check would be TLS in
        // name only; a section that wants TLS says `sslmode=require`.
        config.ssl_mode(SslMode::Disable);
        config.connect(NoTls)
    }
}

fn tls() -> tokio_postgres_rustls::MakeRustlsConnect {
    let roots = rustls::RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map(|b| b.with_root_certificates(roots).with_no_client_auth())
        .unwrap_or_else(|_| {
            // The ring provider supports the default versions; this is not reached.
            rustls::ClientConfig::builder()
                .with_root_certificates(rustls::RootCertStore::empty())
                .with_no_client_auth()
        });
    tokio_postgres_rustls::MakeRustlsConnect::new(config)
}

fn pgpass_file() -> Option<PathBuf> {
    match std::env::var_os("PGPASSFILE") {
        Some(f) => Some(PathBuf::from(f)),
        None => std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".pgpass")),
    }
}

/// The password `.pgpass` gives for this connection: the first line whose
/// `host:port:database:user` fields match (`*` matches anything; `\:` and `\\`
/// are escapes), as libpq reads it.
pub fn password_from_pgpass(text: &str, config: &Config) -> Option<String> {
    let host = match config.get_hosts().first() {
        Some(Host::Tcp(h)) => h.clone(),
        // libpq matches a Unix socket against "localhost".
        Some(Host::Unix(_)) | None => "localhost".to_string(),
    };
    let port = config
        .get_ports()
        .first()
        .copied()
        .unwrap_or(5432)
        .to_string();
    let user = config.get_user().unwrap_or("").to_string();
    let db = config.get_dbname().unwrap_or(&user).to_string();
    let wanted = [host, port, db, user];
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#') && !l.trim().is_empty())
        .find_map(|line| {
            let fields = split_pgpass(line);
            if fields.len() != 5 {
                return None;
            }
            let matches = fields[..4]
                .iter()
                .zip(&wanted)
                .all(|(f, w)| f == "*" || f == w);
            matches.then(|| fields[4].clone())
        })
}

fn split_pgpass(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let (Some(n), Some(f)) = (chars.next(), fields.last_mut()) {
                    f.push(n);
                }
            }
            ':' if fields.len() < 5 => fields.push(String::new()),
            c => {
                if let Some(f) = fields.last_mut() {
                    f.push(c)
                }
            }
        }
    }
    fields
}

/// What `pg_dump` needs to reach the same database: its flags, and the password
/// to pass through `PGPASSWORD` (never on the command line, where `ps` shows it).
pub fn dump_target(url: &ServerUrl) -> Result<(Vec<String>, Option<String>), postgres::Error> {
    let config = Config::from_str(url.secret())?;
    let mut args = Vec::new();
    if let Some(h) = config.get_hosts().first() {
        args.push(match h {
            Host::Tcp(h) => format!("--host={h}"),
            Host::Unix(p) => format!("--host={}", p.display()),
        });
    }
    if let Some(p) = config.get_ports().first() {
        args.push(format!("--port={p}"));
    }
    if let Some(u) = config.get_user() {
        args.push(format!("--username={u}"));
    }
    if let Some(d) = config.get_dbname() {
        args.push(format!("--dbname={d}"));
    }
    let password = config
        .get_password()
        .map(|p| String::from_utf8_lossy(p).into_owned())
        .or_else(|| url.password().map(str::to_string));
    Ok((args, password))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pgpass_lines_match_host_port_database_and_user() {
        let c = Config::from_str("postgres://desk@db.kppbc.local:5433/bcare").unwrap();
        let text = "# comment\n\
                    other:5433:bcare:desk:wrong\n\
                    db.kppbc.local:*:bcare:desk:pa\\:ss\n\
                    *:*:*:*:fallback\n";
        assert_eq!(password_from_pgpass(text, &c).as_deref(), Some("pa:ss"));
        let other = Config::from_str("postgres://clerk@db.kppbc.local:5433/bcare").unwrap();
        assert_eq!(
            password_from_pgpass(text, &other).as_deref(),
            Some("fallback")
        );
        assert_eq!(password_from_pgpass("a:b:c\n", &c), None);
    }
}
