//! The config file and the paths the desk uses.
//!
//! Order: `--config PATH`, else `BCARE_DESK_CONFIG`, else `config.toml` in the
//! user's config dir. Only that default file may be missing (then: defaults); a
//! file named by the flag or the variable must exist, so a typo never runs the
//! desk on defaults. A bad file is an error that names the file, the line and the key.

use crate::domain::msg::Lang;
use crate::store::Location;
use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

pub const PORTAL_URL: &str = "https://ceisacare.beacukai.go.id";
pub const TICKET_PATTERN: &str = "^[A-Z][0-9A-F]{9}$";
/// What `[bcare] timeout_secs` may be: a longer wait would hold `forward --wait`
/// and the worker on one dead call for minutes.
pub const TIMEOUT_SECS: std::ops::RangeInclusive<u64> = 1..=120;
/// The largest config file read: a config is a few hundred bytes, and reading
/// `/dev/zero` must fail at once instead of filling the memory.
pub const CONFIG_MAX_BYTES: u64 = 1024 * 1024;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub officer: OfficerConfig,
    pub desk: DeskConfig,
    pub calendar: CalendarConfig,
    pub bcare: BcareConfig,
    pub report: ReportConfig,
    pub retention: RetentionConfig,
    pub incident: IncidentConfig,
    pub followup: FollowupConfig,
    pub store: StoreConfig,
    pub ceisacare: CeisacareConfig,
}

/// The CEISACare gateway, where tickets are read back (`[bcare] client = "ceisacare"`).
pub const CEISACARE_URL: &str = "https://apis-gw.beacukai.go.id/cica-be";
/// The token's file in the data folder, when `[bcare] token_file` is not set.
pub const CEISACARE_TOKEN_FILE: &str = "ceisacare.token";
/// The token's environment variable, when `[bcare] token_env` is not set.
pub const CEISACARE_TOKEN_ENV: &str = "BCARE_DESK_CEISACARE_TOKEN";

/// `[ceisacare]`: reading tickets back from the CEISACare gateway.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CeisacareConfig {
    /// The most pages (10 tickets each, newest first) one walk reads.
    pub max_pages: u32,
    /// Seconds between two walks while a complaint waits for its number.
    pub poll_seconds: u64,
    /// The zone of the gateway's times (WIB when unset): WIB, WITA, WIT or +07:00.
    pub timezone: Option<String>,
}

impl Default for CeisacareConfig {
    fn default() -> Self {
        CeisacareConfig {
            max_pages: 20,
            poll_seconds: 120,
            timezone: None,
        }
    }
}

impl CeisacareConfig {
    /// The zone the gateway's times are read in.
    pub fn zone(&self) -> chrono::FixedOffset {
        self.timezone
            .as_deref()
            .and_then(crate::domain::ceisacare::zone)
            .unwrap_or_else(crate::domain::ceisacare::default_zone)
    }
}

/// `[store]`: where the records are kept when not in the local file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StoreConfig {
    /// `postgres://user@host/database`: a PostgreSQL database several desks share.
    /// Printed without its password.
    #[serde(serialize_with = "url_shown")]
    pub url: Option<String>,
    /// The environment variable holding the password (instead of the URL).
    pub password_env: Option<String>,
}

fn url_shown<S: serde::Serializer>(url: &Option<String>, s: S) -> Result<S::Ok, S::Error> {
    match url.as_deref().and_then(crate::store::Location::server) {
        Some(l) => s.serialize_some(&l.to_string()),
        None => s.serialize_none(),
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct IncidentConfig {
    /// How far back, in working hours, intake looks for an open ticket of the same
    /// category to suggest (one outage, many callers).
    pub window_hours: u32,
}

impl Default for IncidentConfig {
    fn default() -> Self {
        IncidentConfig { window_hours: 4 }
    }
}

/// Following tickets at Dir. IKC after the handover.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FollowupConfig {
    /// Minutes between two status polls of BCare (working hours only).
    pub poll_minutes: u32,
    /// A ticket open longer than this many working days is flagged to chase.
    pub chase_after_days: u32,
    /// BCare statuses that mean Dir. IKC solved the ticket (case and spacing ignored).
    pub done_statuses: Vec<String>,
}

impl Default for FollowupConfig {
    fn default() -> Self {
        FollowupConfig {
            poll_minutes: 30,
            chase_after_days: 3,
            done_statuses: ["resolved", "closed", "selesai"].map(String::from).to_vec(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReportConfig {
    /// The office named on the section's report.
    pub office: String,
}

impl Default for ReportConfig {
    fn default() -> Self {
        ReportConfig {
            office: "KPPBC TMP B Makassar".to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RetentionConfig {
    /// Personal data of complaints closed longer ago than this is purged (UU PDP).
    pub months: u32,
}

impl Default for RetentionConfig {
    fn default() -> Self {
        RetentionConfig { months: 24 }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OfficerConfig {
    /// Recorded on every event; defaults to the login name.
    pub name: Option<String>,
    pub nip: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DeskConfig {
    pub lang: Lang,
    /// This desk's name on the events it writes (default: the host name).
    pub name: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CalendarConfig {
    /// A calendar file replacing the built-in one (relative paths are read from the config dir).
    pub file: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClientKind {
    #[default]
    Portal,
    Http,
    Sim,
    /// The officer files in CEISACare's web form; the number and Dir. IKC's
    /// answers are read back from its gateway.
    Ceisacare,
}

impl ClientKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ClientKind::Portal => "portal",
            ClientKind::Http => "http",
            ClientKind::Sim => "sim",
            ClientKind::Ceisacare => "ceisacare",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BcareConfig {
    pub client: ClientKind,
    /// Endpoint of the http client.
    pub url: Option<String>,
    /// Name of the environment variable holding the http client's token.
    pub token_env: Option<String>,
    /// A 0600 file holding the http client's token (used when token_env is unset).
    pub token_file: Option<PathBuf>,
    pub timeout_secs: u64,
    /// The shape of a BCare ticket number; another shape is a warning, never a refusal.
    pub ticket_pattern: String,
    pub portal_url: String,
    /// Simulator: delay before an answer, share of failures, and seed.
    pub sim_delay_ms: u64,
    pub sim_fail_rate: f64,
    pub sim_seed: u64,
    /// Simulator: seconds after which a ticket is resolved (0: never).
    pub sim_resolve_after_secs: u64,
}

impl Default for BcareConfig {
    fn default() -> Self {
        BcareConfig {
            client: ClientKind::Portal,
            url: None,
            token_env: None,
            token_file: None,
            timeout_secs: 15,
            ticket_pattern: TICKET_PATTERN.to_string(),
            portal_url: PORTAL_URL.to_string(),
            sim_delay_ms: 300,
            sim_fail_rate: 0.0,
            sim_seed: 1,
            sim_resolve_after_secs: 0,
        }
    }
}

impl Config {
    /// Parses a config file's text; `origin` names the file in errors.
    pub fn parse(text: &str, origin: &Path) -> Result<Config> {
        let cfg: Config = toml::from_str(text).map_err(|e| syntax_error(&e, text, origin))?;
        if let Err(e) = regex::Regex::new(&cfg.bcare.ticket_pattern) {
            bail!(
                "{}: [bcare] ticket_pattern is not a valid regular expression: {e}",
                origin.display()
            );
        }
        if !(0.0..=1.0).contains(&cfg.bcare.sim_fail_rate) {
            bail!(
                "{}: [bcare] sim_fail_rate must be between 0.0 and 1.0",
                origin.display()
            );
        }
        if !(1..=1200).contains(&cfg.retention.months) {
            bail!(
                "{}: [retention] months must be between 1 and 1200",
                origin.display()
            );
        }
        if !(1..=40).contains(&cfg.incident.window_hours) {
            bail!(
                "{}: [incident] window_hours must be between 1 and 40 (working hours), found {}",
                origin.display(),
                cfg.incident.window_hours
            );
        }
        let f = &cfg.followup;
        if !(1..=1440).contains(&f.poll_minutes) {
            bail!(
                "{}: [followup] poll_minutes must be between 1 and 1440, found {}",
                origin.display(),
                f.poll_minutes
            );
        }
        if f.chase_after_days > 365 {
            bail!(
                "{}: [followup] chase_after_days must be between 0 and 365, found {}",
                origin.display(),
                f.chase_after_days
            );
        }
        if f.done_statuses.is_empty()
            || f.done_statuses
                .iter()
                .any(|d| crate::domain::followup::normalise_status(d).is_empty())
        {
            bail!(
                "{}: [followup] done_statuses must list at least one status, none of them empty",
                origin.display()
            );
        }
        if let Some(url) = &cfg.store.url
            && crate::store::Location::server(url).is_none()
        {
            bail!(
                "{}: [store] url must be a postgres:// or postgresql:// URL or a connection string such as host=/run/postgresql dbname=bcare (the local file is chosen with --db)",
                origin.display()
            );
        }
        if !TIMEOUT_SECS.contains(&cfg.bcare.timeout_secs) {
            bail!(
                "{}: [bcare] timeout_secs must be between {} and {} (seconds), found {}",
                origin.display(),
                TIMEOUT_SECS.start(),
                TIMEOUT_SECS.end(),
                cfg.bcare.timeout_secs
            );
        }
        let c = &cfg.ceisacare;
        if !(1..=500).contains(&c.max_pages) {
            bail!(
                "{}: [ceisacare] max_pages must be between 1 and 500, found {}",
                origin.display(),
                c.max_pages
            );
        }
        if !(10..=3600).contains(&c.poll_seconds) {
            bail!(
                "{}: [ceisacare] poll_seconds must be between 10 and 3600, found {}",
                origin.display(),
                c.poll_seconds
            );
        }
        if let Some(tz) = &c.timezone
            && crate::domain::ceisacare::zone(tz).is_none()
        {
            bail!(
                "{}: [ceisacare] timezone must be WIB, WITA, WIT or an offset such as +07:00",
                origin.display()
            );
        }
        Ok(cfg)
    }

    /// The ceisacare client's defaults: the gateway's address, the token's file in
    /// the data folder and its environment variable, where the config names none.
    pub fn with_ceisacare_defaults(mut self, data_dir: &Path) -> Config {
        if self.bcare.client == ClientKind::Ceisacare {
            let b = &mut self.bcare;
            if b.url.as_deref().is_none_or(|u| u.trim().is_empty()) {
                b.url = Some(CEISACARE_URL.to_string());
            }
            if b.token_file.is_none() {
                b.token_file = Some(data_dir.join(CEISACARE_TOKEN_FILE));
            }
            if b.token_env.is_none() {
                b.token_env = Some(CEISACARE_TOKEN_ENV.to_string());
            }
        }
        self
    }

    /// The officer recorded on events: the configured name, else the login name.
    /// Recorded on every event. Control characters never go in (a NUL cannot be
    /// stored in PostgreSQL text at all, and none belongs in a name).
    pub fn officer_name(&self) -> String {
        self.officer
            .name
            .as_deref()
            .map(|n| n.chars().filter(|c| !c.is_control()).collect::<String>())
            .filter(|n| !n.trim().is_empty())
            .or_else(|| std::env::var("USER").ok())
            .or_else(|| std::env::var("LOGNAME").ok())
            .unwrap_or_else(|| "petugas".to_string())
    }
}

/// One line: the file, the line and column, and what is wrong there (the TOML
/// parser's own text draws the line with a caret over four or five).
fn syntax_error(e: &toml::de::Error, text: &str, origin: &Path) -> anyhow::Error {
    let what = e.message().trim_end().replace('\n', "; ");
    match e.span() {
        Some(span) => {
            let before = &text[..span.start.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let column = before.chars().rev().take_while(|c| *c != '\n').count() + 1;
            anyhow::anyhow!("{}: line {line}, column {column}: {what}", origin.display())
        }
        None => anyhow::anyhow!("{}: {what}", origin.display()),
    }
}

/// The section's config, shared by every desk of a PC (the package's conffile).
pub const SYSTEM_CONFIG: &str = "/etc/bcare-desk/config.toml";

/// Which config file is in use: the first found of `--config`,
/// `BCARE_DESK_CONFIG`, the user's file, the system-wide file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConfigSource {
    Flag,
    Env,
    User,
    System,
    /// None found: the defaults (the user's file is where one would go).
    Defaults,
}

/// The config file and where it came from. `flag` and `env` must exist when
/// given; the user's and the system's are taken when they are there.
pub fn choose_config(
    flag: Option<&Path>,
    env: Option<&Path>,
    user: &Path,
    system: &Path,
) -> (PathBuf, ConfigSource) {
    if let Some(f) = flag {
        return (f.to_path_buf(), ConfigSource::Flag);
    }
    if let Some(e) = env.filter(|e| !e.as_os_str().is_empty()) {
        return (e.to_path_buf(), ConfigSource::Env);
    }
    if user.exists() {
        return (user.to_path_buf(), ConfigSource::User);
    }
    if system.exists() {
        return (system.to_path_buf(), ConfigSource::System);
    }
    (user.to_path_buf(), ConfigSource::Defaults)
}

/// Where things live.
#[derive(Debug, Clone, Serialize)]
pub struct Paths {
    pub config_file: PathBuf,
    pub config_file_exists: bool,
    /// Which of the four places the config file came from.
    pub config_source: ConfigSource,
    /// Whether `--config` or `BCARE_DESK_CONFIG` named the file: then it must exist.
    #[serde(skip)]
    pub config_given: bool,
    pub db: Location,
    /// Whether `--db` or `BCARE_DESK_DB` chose the database (over `[store] url`).
    #[serde(skip)]
    pub db_given: bool,
    pub data_dir: PathBuf,
    pub log_dir: PathBuf,
}

fn project_dirs() -> Result<directories::ProjectDirs> {
    directories::ProjectDirs::from("id.go.beacukai", "KPPBC Makassar", "bcare-desk")
        .context("finding the home directory (set HOME)")
}

/// The user's data dir (the default database's folder).
pub fn data_dir() -> Result<PathBuf> {
    Ok(project_dirs()?.data_dir().to_path_buf())
}

/// Resolves the paths from the flags and environment (clap fills both).
pub fn paths(config_flag: Option<&Path>, db_flag: Option<&Path>) -> Result<Paths> {
    let dirs = project_dirs()?;
    let data_dir = dirs.data_dir().to_path_buf();
    let env = std::env::var_os("BCARE_DESK_CONFIG").map(PathBuf::from);
    let (config_file, config_source) = choose_config(
        config_flag,
        env.as_deref(),
        &dirs.config_dir().join("config.toml"),
        Path::new(SYSTEM_CONFIG),
    );
    let db = match db_flag {
        Some(f) => Location::from_arg(f),
        None => Location::File(data_dir.join("bcare-desk.db")),
    };
    let log_dir = log_dir_for(&db, &data_dir);
    Ok(Paths {
        config_file_exists: config_file.exists(),
        config_given: matches!(config_source, ConfigSource::Flag | ConfigSource::Env),
        config_source,
        config_file,
        db_given: db_flag.is_some(),
        db,
        data_dir,
        log_dir,
    })
}

/// The log (and saved reports) live beside the database file; for a server, in
/// the user's data dir.
fn log_dir_for(db: &Location, data_dir: &Path) -> PathBuf {
    match db {
        Location::File(f) => f
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from(".")),
        Location::Server(_) => data_dir.to_path_buf(),
    }
}

impl Paths {
    /// `[store] url` chooses the database unless `--db` or `BCARE_DESK_DB` did;
    /// `[store] password_env` names where its password is.
    pub fn with_store(mut self, store: &StoreConfig) -> Result<Paths> {
        if !self.db_given
            && let Some(l) = store.url.as_deref().and_then(Location::server)
        {
            self.db = l;
        }
        if let (Location::Server(url), Some(var)) = (&self.db, &store.password_env) {
            let password = std::env::var(var)
                .ok()
                .filter(|p| !p.is_empty())
                .with_context(|| {
                    format!("[store] password_env: the environment variable {var} is not set")
                })?;
            self.db = Location::Server(url.clone().with_password(Some(password)));
        }
        self.log_dir = log_dir_for(&self.db, &self.data_dir);
        Ok(self)
    }
}

/// Reads the config file; a missing file means the defaults, unless it was
/// named (see [`Paths::config_given`]): the caller refuses that first.
pub fn load(paths: &Paths) -> Result<Config> {
    let path = &paths.config_file;
    match read_bounded(path, CONFIG_MAX_BYTES) {
        Ok(text) => Config::parse(&text, path),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !paths.config_given => {
            Ok(Config::default())
        }
        Err(e) => bail!("{}: {e}", path.display()),
    }
}

/// A text file of at most `max` bytes; reads no more than `max + 1` to find out,
/// so a device or a huge file fails fast. Also for the calendar file.
pub fn read_bounded(path: &Path, max: u64) -> std::io::Result<String> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    file.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(std::io::Error::other(format!(
            "larger than {} KiB; this file is a few lines of TOML",
            max / 1024
        )));
    }
    String::from_utf8(bytes)
        .map_err(|_| std::io::Error::new(std::io::ErrorKind::InvalidData, "not UTF-8 text"))
}

/// The calendar file configured, resolved against the config file's folder.
/// The calendar file in use: the one named in `[calendar] file`, else a
/// `calendar.toml` the officer put beside the config file, else none (built-in).
pub fn calendar_file(cfg: &Config, paths: &Paths) -> Option<PathBuf> {
    let dir = paths.config_file.parent();
    match &cfg.calendar.file {
        Some(f) if f.is_absolute() => Some(f.clone()),
        Some(f) => Some(dir.map(|d| d.join(f)).unwrap_or_else(|| f.clone())),
        None => dir.map(|d| d.join("calendar.toml")).filter(|p| p.is_file()),
    }
}

pub const EXAMPLE: &str = include_str!("../assets/config.example.toml");

#[cfg(test)]
mod tests {
    #[test]
    fn the_first_config_found_is_used_flag_env_user_then_system() {
        use super::{ConfigSource as S, choose_config};
        let dir = tempfile::tempdir().unwrap();
        let (flag, env) = (dir.path().join("flag.toml"), dir.path().join("env.toml"));
        let (user, system) = (dir.path().join("user.toml"), dir.path().join("etc.toml"));
        let pick = |f: Option<&Path>, e: Option<&Path>| choose_config(f, e, &user, &system);
        assert_eq!(
            pick(None, None),
            (user.clone(), S::Defaults),
            "nothing there"
        );
        std::fs::write(&system, "").unwrap();
        assert_eq!(pick(None, None), (system.clone(), S::System));
        assert_eq!(
            pick(None, Some(Path::new(""))),
            (system.clone(), S::System),
            "an empty variable is unset"
        );
        std::fs::write(&user, "").unwrap();
        assert_eq!(
            pick(None, None),
            (user.clone(), S::User),
            "the user's file before the system's"
        );
        assert_eq!(
            pick(None, Some(&env)),
            (env.clone(), S::Env),
            "named even when absent"
        );
        assert_eq!(pick(Some(&flag), Some(&env)), (flag.clone(), S::Flag));
    }

    use super::*;

    #[test]
    fn the_example_config_parses_and_equals_the_defaults() {
        let uncommented: String = EXAMPLE
            .lines()
            .map(|l| {
                l.strip_prefix("# ")
                    .filter(|r| r.starts_with('[') || r.contains(" = "))
                    .unwrap_or(l)
            })
            .collect::<Vec<_>>()
            .join("\n");
        let cfg = Config::parse(&uncommented, Path::new("example.toml")).expect("example parses");
        assert_eq!(
            cfg.bcare,
            BcareConfig {
                url: cfg.bcare.url.clone(),
                token_env: cfg.bcare.token_env.clone(),
                token_file: cfg.bcare.token_file.clone(),
                ..BcareConfig::default()
            }
        );
        assert_eq!(cfg.desk.lang, Lang::Id);
        assert_eq!(cfg.report, ReportConfig::default());
        assert_eq!(cfg.retention, RetentionConfig::default());
        assert_eq!(cfg.incident, IncidentConfig::default());
        assert_eq!(cfg.followup, FollowupConfig::default());
        assert_eq!(
            cfg.ceisacare,
            CeisacareConfig {
                timezone: Some("WIB".into()),
                ..CeisacareConfig::default()
            }
        );
        assert_eq!(cfg.ceisacare.zone(), CeisacareConfig::default().zone());
    }

    #[test]
    fn the_incident_window_is_bounded_and_named() {
        let err = Config::parse("[incident]\nwindow_hours = 0\n", Path::new("c.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("c.toml"), "{err}");
        assert!(err.contains("[incident] window_hours"), "{err}");
        let cfg = Config::parse("[incident]\nwindow_hours = 8\n", Path::new("c.toml"))
            .expect("8 working hours is a window");
        assert_eq!(cfg.incident.window_hours, 8);
    }

    #[test]
    fn a_bad_key_is_named_with_its_line() {
        let err = Config::parse("[desk]\nlang = \"id\"\ncolour = 1\n", Path::new("c.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("c.toml"), "{err}");
        assert!(err.contains("colour"), "{err}");
        assert!(err.contains("line 3"), "{err}");
    }

    #[test]
    fn timeout_secs_is_bounded_and_named() {
        for bad in ["0", "121", "99999999999"] {
            let err = Config::parse(
                &format!("[bcare]\ntimeout_secs = {bad}\n"),
                Path::new("c.toml"),
            )
            .unwrap_err()
            .to_string();
            assert!(err.contains("c.toml"), "{err}");
            assert!(err.contains("timeout_secs"), "{err}");
            assert!(err.contains("between 1 and 120"), "{err}");
        }
        for good in ["1", "120"] {
            assert!(
                Config::parse(
                    &format!("[bcare]\ntimeout_secs = {good}\n"),
                    Path::new("c.toml")
                )
                .is_ok()
            );
        }
    }

    #[test]
    fn the_store_url_chooses_a_server_unless_db_was_given_and_never_shows_its_password() {
        let err = Config::parse("[store]\nurl = \"/srv/desk.db\"\n", Path::new("c.toml"))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("c.toml") && err.contains("[store] url"),
            "{err}"
        );
        let cfg = Config::parse(
            "[store]\nurl = \"postgres://desk:Rahasia@db.kantor/bcare\"\n",
            Path::new("c.toml"),
        )
        .unwrap();
        let shown = toml::to_string(&cfg).unwrap();
        assert!(shown.contains("postgres://desk@db.kantor/bcare"), "{shown}");
        assert!(!shown.contains("Rahasia"), "{shown}");
        let dir = tempfile::tempdir().unwrap();
        let paths = |db: Option<&Path>| {
            let mut p = Paths {
                config_file: dir.path().join("c.toml"),
                config_file_exists: true,
                config_source: ConfigSource::Flag,
                config_given: true,
                db: Location::File(dir.path().join("d.db")),
                db_given: db.is_some(),
                data_dir: dir.path().to_path_buf(),
                log_dir: dir.path().to_path_buf(),
            };
            if let Some(d) = db {
                p.db = Location::from_arg(d);
            }
            p.with_store(&cfg.store).unwrap()
        };
        assert_eq!(
            paths(None).db.to_string(),
            "postgres://desk@db.kantor/bcare"
        );
        assert_eq!(
            paths(None).log_dir,
            dir.path(),
            "a server's log goes in the data dir"
        );
        let given = dir.path().join("local.db");
        assert_eq!(paths(Some(&given)).db, Location::File(given.clone()));
    }

    #[test]
    fn an_endless_or_huge_config_file_fails_fast_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let paths = |f: PathBuf| Paths {
            config_file: f,
            config_file_exists: true,
            config_source: ConfigSource::Flag,
            config_given: true,
            db: Location::File(dir.path().join("d.db")),
            db_given: true,
            data_dir: dir.path().to_path_buf(),
            log_dir: dir.path().to_path_buf(),
        };
        let err = load(&paths(PathBuf::from("/dev/zero")))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("/dev/zero: "), "{err}");
        assert!(err.contains("larger than 1024 KiB"), "{err}");
        assert!(!err.contains('\n'), "{err}");
        let big = dir.path().join("big.toml");
        let mut text = "# comment\n".repeat(120_000);
        std::fs::write(&big, &text).unwrap();
        assert!(load(&paths(big.clone())).is_err());
        text.truncate(1000);
        std::fs::write(&big, &text).unwrap();
        assert!(load(&paths(big)).is_ok());
    }

    #[test]
    fn followup_settings_are_checked_and_named() {
        for (bad, key) in [
            ("poll_minutes = 0", "poll_minutes"),
            ("chase_after_days = 400", "chase_after_days"),
            ("done_statuses = []", "done_statuses"),
            ("done_statuses = [\"resolved\", \" \"]", "done_statuses"),
        ] {
            let err = Config::parse(&format!("[followup]\n{bad}\n"), Path::new("c.toml"))
                .unwrap_err()
                .to_string();
            assert!(err.contains("c.toml") && err.contains(key), "{err}");
        }
        let cfg = Config::parse(
            "[followup]\npoll_minutes = 5\ndone_statuses = [\"Done\"]\n",
            Path::new("c.toml"),
        )
        .unwrap();
        assert_eq!(cfg.followup.poll_minutes, 5);
        assert_eq!(cfg.followup.chase_after_days, 3);
    }

    #[test]
    fn a_syntax_error_is_one_line_naming_the_line_and_column() {
        let err = Config::parse("[bcare]\nclient = \"http\"\n[desk\n", Path::new("c.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("c.toml: line 3, column 6: "), "{err}");
        assert!(!err.contains('\n'), "{err}");
    }

    #[test]
    fn a_bad_ticket_pattern_is_refused() {
        let err = Config::parse("[bcare]\nticket_pattern = \"([\"\n", Path::new("c.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("ticket_pattern"), "{err}");
    }
}
