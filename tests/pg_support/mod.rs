//! A private PostgreSQL cluster for the tests, started once per test process.
//!
//! `server()` finds PostgreSQL's binaries (`BCARE_DESK_PG_BIN`, else the newest
//! `/usr/lib/postgresql/*/bin`, else `pg_config --bindir`, else PATH), runs initdb in a
//! fresh `/tmp/bdpg-XXXXXX` and starts postgres there, listening on a Unix socket only.
//! A watchdog shell stops the server and removes the directory once the test process
//! is gone, however it ended (even SIGKILL). Set `BCARE_DESK_TEST_PG` to a `postgres://`
//! URL to use an existing server instead; its role must be allowed to CREATE DATABASE.
//!
//! Where PostgreSQL is absent, `server()` returns None and the test reports it with
//! `skipped`, which prints a line starting `SKIPPED: PostgreSQL` that CI greps for.
//! Usable from integration tests (`mod pg_support;`) and from the library's unit tests
//! (`#[path]`), so it uses only std, `postgres` and `tempfile`.

#![allow(dead_code)]

// Its own copy: the library's unit tests include this file without tests/support.
#[allow(clippy::duplicate_mod)]
#[path = "../support/wait.rs"]
mod wait;

use postgres::NoTls;
use std::ffi::OsStr;
use std::fs::{self, File};
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

/// A directory holding `initdb` and `postgres`; when set, the only place looked in.
pub const BIN_ENV: &str = "BCARE_DESK_PG_BIN";
/// A `postgres://` URL of a server to use instead of starting one.
pub const URL_ENV: &str = "BCARE_DESK_TEST_PG";
/// Where Debian and Ubuntu install each PostgreSQL major version.
const VERSIONS_ROOT: &str = "/usr/lib/postgresql";
/// The cluster's superuser; authentication is `trust` on a socket only we can reach.
const USER: &str = "desk";
/// initdb and postgres refuse to run as root, so as root they run as this account.
const ROOT_STAND_IN: &str = "postgres";
/// For initdb and the start together; both take about 1.5 s on two busy cores.
const READY_WITHIN: Duration = Duration::from_secs(60);

/// Server settings for throwaway data: no durability, room for many desks and tests.
const SERVER_SETTINGS: &[&str] = &[
    "listen_addresses=",
    "fsync=off",
    "synchronous_commit=off",
    "full_page_writes=off",
    "max_connections=300",
    "shared_buffers=128MB",
];

/// Creates the cluster in `$1/data` (initdb as superuser `$4`, from bin dir `$3`),
/// runs postgres with the settings in "$@" and, once the test process `$2` is gone,
/// stops it and removes `$1`. Started before initdb, so a test killed during initdb
/// leaves nothing behind either. Polls /proc rather than `kill -0`, which fails when
/// the test runs as root and this script as postgres. A zombie counts as stopped.
const WATCHDOG: &str = r#"
dir=$1 test_pid=$2 bin=$3 user=$4
shift 4
init() { "$bin/initdb" -D "$dir/data" -A trust -U "$user" -E UTF8 --no-sync --locale="$1" >/dev/null; }
pg=
if ! { init C.UTF-8 || { rm -rf "$dir/data"; echo "retrying initdb with locale C"; init C; }; }; then
    : > "$dir/initdb.failed"
elif [ -d "/proc/$test_pid" ]; then
    "$bin/postgres" -D "$dir/data" -k "$dir" "$@" &
    pg=$!
    echo "$pg" > "$dir/server.pid.new" && mv "$dir/server.pid.new" "$dir/server.pid"
fi
running() { { read -r _ _ state _ < "/proc/$pg/stat"; } 2>/dev/null && [ "$state" != Z ]; }
while [ -d "/proc/$test_pid" ]; do sleep 0.2; done
if [ -n "$pg" ]; then
    # Again and again: a SIGINT that lands before postgres sets its handler is lost,
    # as sh starts background commands with SIGINT ignored.
    n=0
    while [ "$n" -lt 100 ] && running; do kill -INT "$pg" 2>/dev/null; sleep 0.1; n=$((n + 1)); done
    kill -KILL "$pg" 2>/dev/null
    wait "$pg"
fi
rm -rf "$dir"
"#;

/// A PostgreSQL server the tests may create databases on.
pub struct Cluster {
    /// URL of the `postgres` database (or the URL given in `BCARE_DESK_TEST_PG`).
    admin_url: String,
    /// The private cluster's directory, holding its socket; None for a given server.
    socket_dir: Option<PathBuf>,
    /// The port (the TLS cluster's also on 127.0.0.1).
    port: u16,
}

enum State {
    Running(Cluster),
    /// PostgreSQL is not on this machine; why, for the SKIPPED line.
    Absent(String),
    /// PostgreSQL is here but the cluster did not start: every caller fails with this.
    Broken(String),
}

static STATE: OnceLock<State> = OnceLock::new();
static TLS_STATE: OnceLock<State> = OnceLock::new();
static DATABASES_MADE: AtomicU32 = AtomicU32::new(0);

/// The test server, started on first call; None (after one SKIPPED line on stderr)
/// when PostgreSQL's binaries cannot be found. Panics when they are found but the
/// cluster does not start: that is a failure, not a skip.
pub fn server() -> Option<&'static Cluster> {
    match STATE.get_or_init(init) {
        State::Running(cluster) => Some(cluster),
        State::Absent(_) => None,
        State::Broken(why) => panic!("{why}"),
    }
}

/// A second private cluster that also listens on 127.0.0.1 with TLS on, its
/// certificate (for `localhost` and 127.0.0.1) signed by a CA made for this run
/// with `openssl`: `tls_files()` names the CA and another CA that signed nothing.
/// None, after a SKIPPED line, where PostgreSQL is absent or a server was given.
pub fn tls_server() -> Option<&'static Cluster> {
    let state = TLS_STATE.get_or_init(|| {
        if std::env::var_os(URL_ENV).is_some() {
            return State::Absent(format!(
                "is given in {URL_ENV}, which cannot be started with TLS"
            ));
        }
        let env = std::env::var_os(BIN_ENV).map(|dir| dir.to_string_lossy().into_owned());
        let Some(bin) = find_bin_dir(env.as_deref()) else {
            return State::Absent(not_found_reason(env.as_deref()));
        };
        match start(&bin, Some(free_port())) {
            Ok(cluster) => State::Running(cluster),
            Err(e) => State::Broken(format!(
                "PostgreSQL is installed ({}) but the TLS test cluster did not start: {e}",
                bin.display()
            )),
        }
    });
    match state {
        State::Running(cluster) => Some(cluster),
        State::Absent(why) => {
            say(&format!(
                "SKIPPED: PostgreSQL {why}; the TLS test did not run"
            ));
            None
        }
        State::Broken(why) => panic!("{why}"),
    }
}

/// A port nobody listens on now (the kernel's pick, let go at once).
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port on 127.0.0.1")
}

/// The CA, the server's certificate and key, and a CA that signed nothing,
/// made in `$1` by the cluster's owner (postgres reads only a key it owns).
const MAKE_CERTIFICATES: &str = r#"
set -e
cd "$1"
ca() { openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 \
       -subj "/CN=$2" -keyout "$1.key" -out "$1.pem" 2>/dev/null; }
ca ca "KPPBC test CA"
ca other-ca "Someone else's CA"
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
    -subj "/CN=localhost" -keyout server.key -out server.csr 2>/dev/null
printf '%s\n' "subjectAltName=DNS:localhost,IP:127.0.0.1" "basicConstraints=critical,CA:FALSE" \
    "keyUsage=critical,digitalSignature" "extendedKeyUsage=serverAuth" > server.ext
openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 \
    -extfile server.ext -out server.crt 2>/dev/null
chmod 600 server.key
"#;

/// Reports that `test` did not run its PostgreSQL half, on a line CI greps for.
pub fn skipped(test: &str) {
    let why = match STATE.get_or_init(init) {
        State::Absent(why) => why.as_str(),
        _ => "was available but not used",
    };
    say(&format!(
        "SKIPPED: PostgreSQL {why}; the PostgreSQL half of {test} did not run"
    ));
}

impl Cluster {
    /// Creates a new, empty database and returns its URL (`postgres://…`).
    pub fn fresh_database(&self, label: &str) -> String {
        let serial = DATABASES_MADE.fetch_add(1, Ordering::Relaxed);
        let name = database_name(label, serial, std::process::id());
        let mut admin = postgres::Client::connect(&self.admin_url, NoTls).unwrap_or_else(|e| {
            panic!(
                "connecting to {} to create a database: {}",
                self.describe(),
                reason(&e)
            )
        });
        // A database name cannot be a bound parameter; `name` is [a-z0-9_] only.
        admin
            .batch_execute(&format!("CREATE DATABASE \"{name}\""))
            .unwrap_or_else(|e| {
                panic!(
                    "creating database {name} on {}: {}",
                    self.describe(),
                    reason(&e)
                )
            });
        with_database(&self.admin_url, &name)
    }

    /// URL of the `postgres` database (for a given server: the URL as given).
    pub fn admin_url(&self) -> String {
        self.admin_url.clone()
    }

    /// The TLS cluster's port on 127.0.0.1, its CA and a CA that signed nothing.
    pub fn tls_files(&self) -> (u16, PathBuf, PathBuf) {
        let dir = self.socket_dir();
        (self.port, dir.join("ca.pem"), dir.join("other-ca.pem"))
    }

    /// The private cluster's directory, which holds its Unix socket. Panics when the
    /// tests use a server given in `BCARE_DESK_TEST_PG`, which has no such directory.
    pub fn socket_dir(&self) -> &Path {
        self.socket_dir.as_deref().unwrap_or_else(|| {
            panic!(
                "the tests use the server given in {URL_ENV}; it has no private socket directory"
            )
        })
    }

    /// Names the server in messages without echoing a password.
    fn describe(&self) -> String {
        match &self.socket_dir {
            Some(dir) => format!("the test cluster at {}", dir.display()),
            None => format!("the server given in {URL_ENV}"),
        }
    }
}

fn init() -> State {
    if let Some(url) = std::env::var_os(URL_ENV) {
        return given_server(&url.to_string_lossy());
    }
    let env = std::env::var_os(BIN_ENV).map(|dir| dir.to_string_lossy().into_owned());
    let Some(bin) = find_bin_dir(env.as_deref()) else {
        let why = not_found_reason(env.as_deref());
        say(&format!(
            "SKIPPED: PostgreSQL {why}; the PostgreSQL half of this test did not run"
        ));
        return State::Absent(why);
    };
    match start(&bin, None) {
        Ok(cluster) => State::Running(cluster),
        Err(e) => State::Broken(format!(
            "PostgreSQL is installed ({}) but the test cluster did not start: {e}",
            bin.display()
        )),
    }
}

/// Prints straight to stderr: `eprintln!` is captured by the test harness and shown
/// only for failing tests, and CI must see the SKIPPED line of a passing test.
fn say(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

fn not_found_reason(env: Option<&str>) -> String {
    match env.filter(|dir| !dir.is_empty()) {
        Some(dir) => format!("not found ({BIN_ENV}={dir} holds no initdb and postgres)"),
        None => format!("not found (no initdb in {VERSIONS_ROOT}/*/bin or PATH, {BIN_ENV} unset)"),
    }
}

fn given_server(url: &str) -> State {
    if !(url.starts_with("postgres://") || url.starts_with("postgresql://")) {
        return State::Broken(format!(
            "{URL_ENV} must be a postgres:// or postgresql:// URL"
        ));
    }
    match postgres::Client::connect(url, NoTls) {
        Ok(_) => State::Running(Cluster {
            admin_url: url.to_string(),
            socket_dir: None,
            port: 5432,
        }),
        Err(e) => State::Broken(format!(
            "connecting to the server given in {URL_ENV}: {}",
            reason(&e)
        )),
    }
}

/// The directory holding PostgreSQL's `initdb` and `postgres`: `env` (the value of
/// `BCARE_DESK_PG_BIN`) when set, and then nowhere else; otherwise the newest
/// `/usr/lib/postgresql/*/bin`, then `pg_config --bindir`, then PATH.
pub fn find_bin_dir(env: Option<&str>) -> Option<PathBuf> {
    search_bin_dir(
        env,
        Path::new(VERSIONS_ROOT),
        std::env::var_os("PATH").as_deref(),
    )
}

/// `find_bin_dir` with the versions root and PATH given, so each step can be tested.
pub fn search_bin_dir(
    env: Option<&str>,
    versions_root: &Path,
    path: Option<&OsStr>,
) -> Option<PathBuf> {
    if let Some(dir) = env.filter(|dir| !dir.is_empty()) {
        let dir = PathBuf::from(dir);
        return holds_server(&dir).then_some(dir);
    }
    newest_version(versions_root)
        .or_else(|| pg_config_bindir(path?))
        .or_else(|| std::env::split_paths(path?).find(|dir| holds_server(dir)))
}

fn holds_server(dir: &Path) -> bool {
    is_executable(&dir.join("initdb")) && is_executable(&dir.join("postgres"))
}

fn is_executable(file: &Path) -> bool {
    fs::metadata(file).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

/// `root/<version>/bin` with the highest version (15 above 9.6) that holds a server.
fn newest_version(root: &Path) -> Option<PathBuf> {
    fs::read_dir(root)
        .ok()?
        .filter_map(|entry| {
            let entry = entry.ok()?;
            let version: Vec<u32> = entry
                .file_name()
                .to_str()?
                .split('.')
                .map(|part| part.parse().ok())
                .collect::<Option<_>>()?;
            let bin = entry.path().join("bin");
            holds_server(&bin).then_some((version, bin))
        })
        .max_by(|a, b| a.0.cmp(&b.0))
        .map(|(_, bin)| bin)
}

fn pg_config_bindir(path: &OsStr) -> Option<PathBuf> {
    let pg_config = std::env::split_paths(path)
        .map(|dir| dir.join("pg_config"))
        .find(|file| is_executable(file))?;
    let out = Command::new(pg_config)
        .arg("--bindir")
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    let dir = PathBuf::from(String::from_utf8(out.stdout).ok()?.trim());
    (out.status.success() && holds_server(&dir)).then_some(dir)
}

/// A database name from `label` ([a-z0-9_], starting with a letter), the serial and
/// the pid (tests in several processes may share a given server), at most 63 bytes.
pub fn database_name(label: &str, serial: u32, pid: u32) -> String {
    let mut name: String = label
        .chars()
        .map(|c| match c.to_ascii_lowercase() {
            c @ ('a'..='z' | '0'..='9' | '_') => c,
            _ => '_',
        })
        .collect();
    if !name.starts_with(|c: char| c.is_ascii_lowercase()) {
        name.insert_str(0, "db_");
    }
    let suffix = format!("_{serial}_{pid}");
    name.truncate(63 - suffix.len());
    name + &suffix
}

/// `url` naming database `db` instead, keeping user, host and query parameters.
/// Splits the way the postgres crate parses: credentials up to the first `@`, then
/// the host up to `/` or `?`.
pub fn with_database(url: &str, db: &str) -> String {
    let scheme_end = url.find("://").map_or(0, |i| i + 3);
    let rest = &url[scheme_end..];
    let host_start = rest.find('@').map_or(0, |i| i + 1);
    let host_end = rest[host_start..]
        .find(['/', '?'])
        .map_or(rest.len(), |i| host_start + i);
    let tail = &rest[host_end..];
    let query = tail.find('?').map_or("", |i| &tail[i..]);
    format!("{}{}/{db}{query}", &url[..scheme_end], &rest[..host_end])
}

/// A socket directory as a URL host: percent-encoded, since `/` would start the path.
fn url_host(dir: &Path) -> String {
    dir.as_os_str()
        .to_string_lossy()
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Starts a cluster listening on its socket, and with `tls_port` also on
/// 127.0.0.1 with TLS on (its certificates made first).
fn start(bin: &Path, tls_port: Option<u16>) -> Result<Cluster, String> {
    if !Path::new("/proc/self").exists() {
        return Err(format!(
            "the watchdog needs /proc (Linux); set {URL_ENV} to use a running server"
        ));
    }
    let began = Instant::now();
    let as_root = effective_uid()? == 0;
    // Short: a Unix socket path must fit in about 107 bytes. Private: the socket
    // lets anyone who reaches it in as superuser.
    let dir = tempfile::Builder::new()
        .prefix("bdpg-")
        .permissions(fs::Permissions::from_mode(0o700))
        .tempdir_in("/tmp")
        .map_err(|e| format!("creating /tmp/bdpg-*: {e}"))?;
    if as_root {
        let out = Command::new("chown")
            .arg(format!("{ROOT_STAND_IN}:"))
            .arg(dir.path())
            .output()
            .map_err(|e| format!("running chown: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "the tests run as root, which initdb refuses, and handing {} to user {ROOT_STAND_IN} failed: {}",
                dir.path().display(),
                String::from_utf8_lossy(&out.stderr).trim()
            ));
        }
    }
    let mut settings: Vec<String> = SERVER_SETTINGS.iter().map(|s| s.to_string()).collect();
    if let Some(port) = tls_port {
        let out = as_owner(as_root, Path::new("sh"), dir.path())
            .args(["-c", MAKE_CERTIFICATES, "make-certificates"])
            .arg(dir.path())
            .output()
            .map_err(|e| format!("running openssl: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "making the test certificates with openssl failed: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            ));
        }
        settings.extend([
            "listen_addresses=127.0.0.1".to_string(),
            format!("port={port}"),
        ]);
    }
    let port = tls_port.unwrap_or(5432);
    let log_path = dir.path().join("server.log");
    let log =
        File::create(&log_path).map_err(|e| format!("creating {}: {e}", log_path.display()))?;
    let log_too = log
        .try_clone()
        .map_err(|e| format!("opening the server log: {e}"))?;
    let mut watchdog = as_owner(as_root, Path::new("sh"), dir.path());
    watchdog
        .arg("-c")
        .arg(WATCHDOG)
        .arg("bdpg-watchdog")
        .arg(dir.path())
        .arg(std::process::id().to_string())
        .arg(bin)
        .arg(USER);
    for setting in &settings {
        watchdog.arg("-c").arg(setting);
    }
    // Not the test's pipes (cargo test would wait for them to close), and its own
    // process group so a Ctrl-C to the tests does not kill it before it cleans up.
    let mut watchdog = watchdog
        .stdin(Stdio::null())
        .stdout(log)
        .stderr(log_too)
        .process_group(0)
        .spawn()
        .map_err(|e| format!("starting the server's watchdog: {e}"))?;
    // From here the watchdog removes the directory.
    let dir = dir.keep();
    wait_until_ready(&dir, port, &mut watchdog)?;
    if tls_port.is_some() {
        turn_tls_on(&dir, port)?;
    }
    eprintln!(
        "pg_support: PostgreSQL ready at {} in {} ms (initdb and start)",
        dir.display(),
        began.elapsed().as_millis()
    );
    Ok(Cluster {
        admin_url: match tls_port {
            Some(port) => format!("postgres://{USER}@{}:{port}/postgres", url_host(&dir)),
            None => format!("postgres://{USER}@{}/postgres", url_host(&dir)),
        },
        socket_dir: Some(dir),
        port,
    })
}

/// `program` run as the cluster's owner: ourselves, or `postgres` when we are root.
fn as_owner(as_root: bool, program: &Path, dir: &Path) -> Command {
    let mut command = if as_root {
        let mut runuser = Command::new("runuser");
        runuser.args(["-u", ROOT_STAND_IN, "--"]).arg(program);
        runuser
    } else {
        Command::new(program)
    };
    // The owner may not be allowed into the test's working directory.
    command.current_dir(dir);
    command
}

fn effective_uid() -> Result<u32, String> {
    let status = fs::read_to_string("/proc/self/status")
        .map_err(|e| format!("reading /proc/self/status: {e}"))?;
    status
        .lines()
        .find_map(|line| line.strip_prefix("Uid:"))
        .and_then(|ids| ids.split_whitespace().nth(1))
        .and_then(|id| id.parse().ok())
        .ok_or_else(|| "no effective uid in /proc/self/status".to_string())
}

fn wait_until_ready(dir: &Path, port: u16, watchdog: &mut Child) -> Result<(), String> {
    let mut config = postgres::Config::new();
    config
        .host_path(dir)
        .port(port)
        .user(USER)
        .dbname("postgres");
    let mut last_error = String::new();
    let log = || {
        last_lines(
            &fs::read_to_string(dir.join("server.log")).unwrap_or_default(),
            20,
        )
    };
    let outcome = wait::wait_until(READY_WITHIN, || {
        let error = match config.connect(NoTls) {
            Ok(_) => return Some(Ok(())),
            Err(e) => e,
        };
        last_error = reason(&error);
        if let Ok(Some(status)) = watchdog.try_wait() {
            return Some(Err(format!(
                "its watchdog exited ({status}); server log:\n{}",
                log()
            )));
        }
        if dir.join("initdb.failed").exists() {
            return Some(Err(format!("initdb failed; its output:\n{}", log())));
        }
        if server_stopped(dir) {
            return Some(Err(format!(
                "postgres exited while starting; server log:\n{}",
                log()
            )));
        }
        None
    });
    outcome.unwrap_or_else(|_| {
        Err(format!(
            "the cluster was not created and accepting connections within {} s (last error: {last_error}); server log:\n{}",
            READY_WITHIN.as_secs(),
            log()
        ))
    })
}

/// TLS on, by `ALTER SYSTEM` rather than on the command line (which would win
/// over it), so a test may turn it off and on again.
fn turn_tls_on(dir: &Path, port: u16) -> Result<(), String> {
    let mut config = postgres::Config::new();
    config
        .host_path(dir)
        .port(port)
        .user(USER)
        .dbname("postgres");
    let mut admin = config.connect(NoTls).map_err(|e| reason(&e))?;
    let file = |name: &str| dir.join(name).display().to_string().replace('\'', "''");
    for sql in [
        format!("ALTER SYSTEM SET ssl_cert_file = '{}'", file("server.crt")),
        format!("ALTER SYSTEM SET ssl_key_file = '{}'", file("server.key")),
        "ALTER SYSTEM SET ssl = on".to_string(),
        "SELECT pg_reload_conf()".to_string(),
    ] {
        admin
            .batch_execute(&sql)
            .map_err(|e| format!("{sql}: {}", reason(&e)))?;
    }
    wait::wait_until(READY_WITHIN, || {
        let mut fresh = config.connect(NoTls).ok()?;
        let on = fresh.query_one("SHOW ssl", &[]).ok()?.get::<_, String>(0) == "on";
        on.then_some(())
    })
    .map_err(|_| "the server did not turn TLS on after a reload".to_string())
}

/// Whether the postgres the watchdog started has exited (its pid file is written
/// just after the start; before that we cannot tell, and say no).
fn server_stopped(dir: &Path) -> bool {
    let Some(pid) = fs::read_to_string(dir.join("server.pid"))
        .ok()
        .and_then(|pid| pid.trim().parse::<u32>().ok())
    else {
        return false;
    };
    match fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => stat.split_whitespace().nth(2) == Some("Z"),
        Err(_) => true,
    }
}

/// The error with its causes: the postgres crate's own text ("error connecting to
/// server") leaves out the one that says why.
fn reason(error: &postgres::Error) -> String {
    let mut text = error.to_string();
    let mut cause = std::error::Error::source(error);
    while let Some(c) = cause {
        text = format!("{text}: {c}");
        cause = c.source();
    }
    text
}

fn last_lines(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(n)..].join("\n")
}
