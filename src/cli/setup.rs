//! What every command needs before it runs: the paths, the config, the clock,
//! the database opened as the command needs it, and the log beside it.

use super::Cli;
use crate::config::{self, Config, Paths};
use crate::desk::{self, Desk};
use crate::domain::calendar::WorkCalendar;
use crate::domain::msg::{Lang, M};
use anyhow::{Context, Result, anyhow, bail};
use chrono::{DateTime, Utc};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Everything a command needs, resolved from flags, environment and config.
pub struct Setup {
    pub paths: Paths,
    pub config: Config,
    pub lang: Lang,
    pub calendar_text: Option<String>,
    pub clock: desk::Clock,
}

/// `BCARE_DESK_NOW` fixes the clock (training, tests, reproducing a day).
fn clock_from_env() -> Result<desk::Clock> {
    match std::env::var("BCARE_DESK_NOW") {
        Ok(s) if !s.trim().is_empty() => {
            let t = DateTime::parse_from_rfc3339(s.trim())
                .with_context(|| format!("BCARE_DESK_NOW '{s}' is not RFC 3339"))?
                .with_timezone(&Utc);
            Ok(Arc::new(move || t))
        }
        _ => Ok(desk::system_clock()),
    }
}

pub fn setup(cli: &Cli) -> Result<Setup> {
    let paths = config::paths(cli.config.as_deref(), cli.db.as_deref())?;
    if paths.config_given && !paths.config_file_exists {
        // A typo in the name must not run the desk on defaults (portal, not http).
        let shown = paths.config_file.display().to_string();
        bail!(M::NoConfigFile(cli.lang.unwrap_or_default(), &shown));
    }
    let config = config::load(&paths)?.with_ceisacare_defaults(&paths.data_dir);
    let paths = paths.with_store(&config.store)?;
    let lang = cli.lang.unwrap_or(config.desk.lang);
    // Refused for every command, even one that opens no database: SQLite would
    // write its journal, and the desk its log, beside `/dev/null` or in `/dev`.
    match &paths.db {
        crate::desk::Location::File(f) if f.exists() && !f.is_file() => {
            bail!(M::NotAFile(lang, f.display()))
        }
        crate::desk::Location::Server(url) => {
            if let Some(why) = url.unreadable() {
                bail!(M::BadConnString(lang, url.shown(), &why));
            }
        }
        crate::desk::Location::File(_) => {}
    }
    let calendar_text = match config::calendar_file(&config, &paths) {
        Some(f) => {
            let text = config::read_bounded(&f, config::CONFIG_MAX_BYTES)
                .map_err(|e| anyhow!("calendar file {}: {e}", f.display()))?;
            // Checked here, where the file's name is known: a mistake names it.
            WorkCalendar::from_toml(&text).map_err(|e| anyhow!("{}: {e}", f.display()))?;
            Some(text)
        }
        None => None,
    };
    Ok(Setup {
        paths,
        config,
        lang,
        calendar_text,
        clock: clock_from_env()?,
    })
}

impl Setup {
    /// The desk for a command that may create the database (intake, demo, the desk
    /// screen, the calendar's changes): the file may be made in a folder that
    /// exists, or in the desk's own data folder, made private when missing. Any
    /// other missing folder is a mistyped path and refused by name.
    pub fn open_desk(&self) -> Result<Desk> {
        if let crate::desk::Location::File(f) = &self.paths.db
            && let Some(dir) = f.parent()
            && dir == self.paths.data_dir
        {
            crate::desk::make_data_folder(dir).map_err(|e| self.in_officers_words(e.into()))?;
        }
        self.opened(Desk::open(
            &self.paths.db,
            self.config.clone(),
            self.calendar_text.as_deref(),
            self.clock.clone(),
        ))
    }

    /// The desk for a command that changes records of a desk that must exist:
    /// a missing database is refused by name, never created.
    pub fn open_existing_desk(&self) -> Result<Desk> {
        self.opened(Desk::open_existing(
            &self.paths.db,
            self.config.clone(),
            self.calendar_text.as_deref(),
            self.clock.clone(),
        ))
    }

    /// The desk for a command that only reads: the database must exist, and is
    /// opened read-only.
    pub fn open_desk_read_only(&self) -> Result<Desk> {
        self.opened(Desk::open_read_only(
            &self.paths.db,
            self.config.clone(),
            self.calendar_text.as_deref(),
            self.clock.clone(),
        ))
    }

    /// After an open: the failure in the officer's words, or the desk, with its
    /// log started beside the database only now (a refused path gets no log).
    fn opened(&self, desk: Result<Desk>) -> Result<Desk> {
        let desk = desk.map_err(|e| self.in_officers_words(e))?;
        self.start_log();
        warn_exposed_file(&desk);
        Ok(desk)
    }

    /// A store error as the catalog words it, naming the database when SQLite's
    /// own text does not.
    pub(super) fn in_officers_words(&self, e: anyhow::Error) -> anyhow::Error {
        use crate::desk::StoreError;
        match e.downcast_ref::<StoreError>() {
            Some(s @ (StoreError::Sqlite(_) | StoreError::Busy { server: None })) => {
                anyhow!("{}: {}", self.paths.db, s.text(self.lang))
            }
            Some(s) => anyhow!(s.text(self.lang)),
            None => e,
        }
    }

    /// Starts the log beside the database, once. Called when the database is
    /// known to be there, so a mistyped path never gets a log or a folder.
    pub fn start_log(&self) {
        static STARTED: std::sync::Once = std::sync::Once::new();
        STARTED.call_once(|| init_logging(&log_file(&self.paths)));
    }

    /// The log of a command that may open no database: kept only where the
    /// desk's database file already is.
    pub fn start_log_if_the_desk_is_there(&self) {
        if self.paths.db.file().is_some_and(Path::is_file) {
            self.start_log();
        }
    }

    pub fn calendar(&self) -> Result<WorkCalendar> {
        Ok(match &self.calendar_text {
            Some(t) => WorkCalendar::from_toml(t).context("reading the calendar file")?,
            None => WorkCalendar::builtin(),
        })
    }
}

/// The desk never changes an existing file's mode; it says when others can read it.
fn warn_exposed_file(desk: &Desk) {
    if let Some(mode) = desk.exposed_mode() {
        let p = desk.location();
        eprintln!("! {p}: readable by other users (mode {mode:o}); run: chmod 600 {p}");
    }
}

/// The log file: beside the database, never on the screen.
pub fn log_file(paths: &Paths) -> PathBuf {
    paths.log_dir.join("bcare-desk.log")
}

/// Sends `tracing` to the log file (0600). Logging is best effort: a desk that
/// cannot write its log still works.
pub fn init_logging(path: &Path) {
    use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
    if let Some(dir) = path.parent().filter(|d| !d.exists()) {
        // The log lives beside the database: the same private folder.
        let _ = std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir);
    }
    let Ok(file) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .mode(0o600)
        .open(path)
    else {
        return;
    };
    use tracing_subscriber::filter::{FilterExt, filter_fn};
    use tracing_subscriber::{Layer, layer::SubscriberExt, util::SubscriberInitExt};
    let filter = tracing_subscriber::EnvFilter::try_from_env("BCARE_DESK_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    // The HTTP and TLS crates log whole requests at debug and trace (headers and a
    // hex dump of the bytes), and the PostgreSQL client logs each statement with its
    // parameters: the bearer token, the report and the applicant's data would reach
    // the file. They are held at warn whatever BCARE_DESK_LOG asks.
    let no_wire = filter_fn(|m| {
        let wire = ["ureq", "ureq_proto", "rustls", "tokio_postgres", "postgres"]
            .iter()
            .any(|c| m.target() == *c || m.target().starts_with(&format!("{c}::")));
        !wire || *m.level() <= tracing::Level::WARN
    });
    let layer = tracing_subscriber::fmt::layer()
        .with_ansi(false)
        .with_writer(std::sync::Mutex::new(file))
        .with_filter(filter.and(no_wire));
    let _ = tracing_subscriber::registry().with(layer).try_init();
}
