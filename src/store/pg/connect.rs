//! Connecting to the server: the URL, a password from where the officer's IT put
//! it (the URL, `[store] password_env`, `PGPASSWORD`, `~/.pgpass`), and TLS as
//! `sslmode` and `sslrootcert` ask (see `tls`).

use super::tls::{self, Attempt, SslMode, TlsSettings};
use crate::store::location::ServerUrl;
use postgres::config::{Host, SslMode as DriverMode};
use postgres::{Client, Config, NoTls};
use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

/// How long the desk waits for the server to answer a connection.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Why the desk could not connect.
#[derive(Debug)]
pub enum ConnectError {
    /// The server or the driver said no.
    Server(postgres::Error),
    /// The desk's own refusal, in one line: an option it does not take, a CA
    /// file it cannot read, a server certificate it does not trust.
    Refused(String),
}

impl From<postgres::Error> for ConnectError {
    fn from(e: postgres::Error) -> ConnectError {
        ConnectError::Server(e)
    }
}

/// The driver's settings and the TLS options the desk reads itself.
pub fn settings(url: &ServerUrl) -> Result<(Config, TlsSettings), ConnectError> {
    let (rest, tls) = tls::take_tls_options(url.secret()).map_err(ConnectError::Refused)?;
    Ok((Config::from_str(&rest)?, tls))
}

pub fn client(url: &ServerUrl) -> Result<Client, ConnectError> {
    let (mut config, tls) = settings(url)?;
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
    let hosts = config.get_hosts();
    // libpq never uses TLS on a Unix socket, whatever the mode.
    let socket_only = !hosts.is_empty() && hosts.iter().all(|h| matches!(h, Host::Unix(_)));
    if tls.mode == SslMode::Disable || socket_only {
        config.ssl_mode(DriverMode::Disable);
        return Ok(config.connect(NoTls)?);
    }
    let attempt = Attempt::new(&tls).map_err(ConnectError::Refused)?;
    let prefer = tls.mode == SslMode::Prefer;
    config.ssl_mode(if prefer {
        DriverMode::Prefer
    } else {
        DriverMode::Require
    });
    let failed = match config.connect(attempt.connector()) {
        Ok(c) => return Ok(c),
        Err(e) => e,
    };
    if prefer && attempt.tls_was_offered() {
        // `prefer`, as libpq: a TLS attempt that failed is made again without TLS.
        config.ssl_mode(DriverMode::Disable);
        if let Ok(c) = config.connect(NoTls) {
            return Ok(c);
        }
    }
    Err(match attempt.refusal() {
        Some(why) => ConnectError::Refused(why),
        None => ConnectError::Server(failed),
    })
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
pub fn dump_target(url: &ServerUrl) -> Result<(Vec<String>, Option<String>), ConnectError> {
    let (config, tls) = settings(url)?;
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
    // pg_dump is libpq: the TLS options go in a connection string as `--dbname`.
    let mut conninfo = Vec::new();
    if let Some(d) = config.get_dbname() {
        conninfo.push(("dbname", d.to_string()));
    }
    if tls.mode != SslMode::Prefer {
        let mode = match tls.mode {
            SslMode::Disable => "disable",
            SslMode::Prefer => "prefer",
            SslMode::Require => "require",
            SslMode::VerifyCa => "verify-ca",
            SslMode::VerifyFull => "verify-full",
        };
        conninfo.push(("sslmode", mode.to_string()));
    }
    match &tls.root {
        Some(tls::Trust::File(f)) => conninfo.push(("sslrootcert", f.display().to_string())),
        Some(tls::Trust::System) => conninfo.push(("sslrootcert", "system".to_string())),
        None => {}
    }
    match conninfo.as_slice() {
        [] => {}
        [("dbname", d)] => args.push(format!("--dbname={d}")),
        pairs => {
            let quoted: Vec<String> = pairs
                .iter()
                .map(|(k, v)| format!("{k}='{}'", v.replace('\\', "\\\\").replace('\'', "\\'")))
                .collect();
            args.push(format!("--dbname={}", quoted.join(" ")));
        }
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

    #[test]
    fn pg_dump_is_given_the_tls_options_in_a_connection_string() {
        let url = |s: &str| match crate::store::Location::from_arg(std::path::Path::new(s)) {
            crate::store::Location::Server(u) => u,
            crate::store::Location::File(_) => unreachable!("{s} is a server"),
        };
        let (args, _) = dump_target(&url(
            "postgres://desk@db.kantor.local/bcare?sslmode=verify-full&sslrootcert=/etc/ssl/kantor%27s.pem",
        ))
        .unwrap();
        assert_eq!(
            args.last().map(String::as_str),
            Some(
                "--dbname=dbname='bcare' sslmode='verify-full' sslrootcert='/etc/ssl/kantor\\'s.pem'"
            )
        );
        let (args, _) = dump_target(&url("postgres://desk@db.kantor.local/bcare")).unwrap();
        assert_eq!(args.last().map(String::as_str), Some("--dbname=bcare"));
    }
}
