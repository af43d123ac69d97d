//! The command line: thin commands over `desk`. Every command exits 0 on success,
//! non-zero with a one-line reason on failure, and changes nothing when it fails.

/// Prints to stdout through the terminal gate ([`for_terminal`]): no string of the
/// officer's, the applicant's, BCare's or the config's can act on the terminal.
/// A closed pipe (`bcare-desk list | head`) is not an error.
macro_rules! say {
    () => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout());
    }};
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(
            std::io::stdout(),
            "{}",
            $crate::domain::text::for_terminal(&format!($($t)*))
        );
    }};
}
macro_rules! put {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(
            std::io::stdout(),
            "{}",
            $crate::domain::text::for_terminal(&format!($($t)*))
        );
    }};
}
/// [`say!`] for stderr: warnings and progress.
macro_rules! tell {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(
            std::io::stderr(),
            "{}",
            $crate::domain::text::for_terminal(&format!($($t)*))
        );
    }};
}

pub mod bcare;
pub mod calendar;
pub mod export;
pub mod followup;
mod incident;
mod message;
pub mod migrate;
mod output;
mod progress;
pub mod report;

use crate::config::{self, Config, Paths};
use crate::desk::ListQuery;
use crate::desk::{self, Desk, DeskError, Forwarded, LinkTarget};
use crate::domain::calendar::WorkCalendar;
use crate::domain::complaint::Stage;
use crate::domain::intake::IntakeForm;
use crate::domain::msg::{Lang, M};
use crate::domain::sla;
use crate::domain::when::{parse_instant, rfc3339_local, short_local};
use anyhow::{Context, Result, anyhow, bail};
use chrono::{DateTime, Datelike, TimeDelta, Utc};
use clap::{Args, Parser, Subcommand};
use output::{complaint_json, dossier_json, dossier_text, list_lines, warnings_text};
use std::path::{Path, PathBuf};
use std::sync::Arc;

#[derive(Parser, Debug)]
#[command(
    name = "bcare-desk",
    version,
    about = "Desk for BCare complaint tickets (Pelayanan Tiket Pengaduan BCare): from the applicant's call to the ticket number in their hands, within 2 working hours.",
    long_about = None
)]
pub struct Cli {
    /// Database: a file (default: bcare-desk.db in the user's data dir), or a
    /// postgres:// URL of a database several desks share.
    #[arg(long, global = true, env = "BCARE_DESK_DB")]
    pub db: Option<PathBuf>,
    /// Config file (default: config.toml in the user's config dir).
    #[arg(long, global = true, env = "BCARE_DESK_CONFIG")]
    pub config: Option<PathBuf>,
    /// Language of messages: id (Bahasa Indonesia) or en.
    #[arg(long, global = true, value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// Machine-readable output.
    #[arg(long, global = true)]
    pub json: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

fn parse_lang(s: &str) -> std::result::Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("'{s}': use id or en"))
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Record a complaint (langkah 1); prints its reference and SLA deadline.
    Intake(Box<IntakeArgs>),
    /// The queue: most urgent first.
    List {
        /// A stage (received, forwarded, ticketed, handed_over, resolved, cancelled), or
        /// "running" (the SLA clock runs: the default), "open" or "all".
        #[arg(long, default_value = "running")]
        stage: String,
        /// Only complaints past their SLA deadline.
        #[arg(long)]
        overdue: bool,
        /// Only this category.
        #[arg(long)]
        category: Option<String>,
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
    /// One complaint with its timeline.
    Show { reference: String },
    /// Full-text search: applicant, company, subject, description, nomor aju, ticket.
    Search {
        text: String,
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// Send the report to Dir. IKC through BCare (langkah 2).
    Forward {
        reference: String,
        /// Deliver now and wait up to SECS for the ticket number (http/sim clients).
        #[arg(long, value_name = "SECS", num_args = 0..=1, default_missing_value = "30")]
        wait: Option<u64>,
    },
    /// Record the BCare ticket number (langkah 3); again to correct a typo.
    Ticket {
        reference: String,
        ticket_no: String,
    },
    /// Share the ticket already filed for the same problem (one outage, many callers);
    /// several references at once: all are linked or none.
    Link {
        #[arg(required = true, value_name = "REF")]
        references: Vec<String>,
        /// The ticket number.
        #[arg(long, conflicts_with = "to", required_unless_present = "to")]
        ticket: Option<String>,
        /// Another complaint that carries the ticket.
        #[arg(long)]
        to: Option<String>,
    },
    /// Hand the ticket number to the applicant (langkah 4); stops the SLA clock.
    /// Several references, or --ticket for every caller on a ticket: all or none,
    /// each applicant with their own message.
    Handover {
        #[arg(value_name = "REF", required_unless_present = "ticket")]
        references: Vec<String>,
        /// Every complaint on this ticket that is ticketed and not yet handed over.
        #[arg(long, conflicts_with = "references")]
        ticket: Option<String>,
        /// langsung, telepon, whatsapp, email, surat, lainnya
        #[arg(long)]
        via: String,
        /// Why the handover is past the deadline (required then):
        /// bcare-down, applicant-unreachable, waiting-data, other
        #[arg(long)]
        late_reason: Option<String>,
        /// The officer's words on the handover (kept with the reason).
        #[arg(long)]
        note: Option<String>,
    },
    /// Dir. IKC resolved it; the applicant is then owed a notice (notify). Several references, or
    /// --ticket for every handed-over complaint on a ticket: all or none.
    Resolve {
        #[arg(value_name = "REF", required_unless_present = "ticket")]
        references: Vec<String>,
        /// Every complaint on this ticket that was handed over and is not yet resolved.
        #[arg(long, conflicts_with = "references")]
        ticket: Option<String>,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Withdraw a complaint, with the reason; several at once: all or none.
    Cancel {
        #[arg(required = true, value_name = "REF")]
        references: Vec<String>,
        #[arg(long)]
        reason: String,
    },
    /// The working-hours deadline for a start.
    Sla {
        /// RFC 3339, or a local time in WITA such as "2026-11-27 15:30".
        #[arg(long)]
        start: String,
        /// Budget in working hours.
        #[arg(long, default_value_t = 2.0)]
        hours: f64,
    },
    /// Database integrity and calendar coverage of the current year.
    Check,
    /// Copy the database (safe while the desk is open).
    Backup { path: PathBuf },
    /// Fill the database with realistic sample complaints (training, load tests).
    Demo {
        #[arg(long, default_value_t = 200)]
        count: usize,
        #[arg(long, default_value_t = 7)]
        seed: u64,
        /// Add samples even though the database holds complaints demo did not make.
        #[arg(long)]
        force: bool,
    },
    /// The paths in use and the effective config.
    Config,
    /// The working-hours calendar: holidays and coverage; `calendar read` takes a
    /// year's SKB announcement, `add`/`remove` one day off, `history` who changed what.
    Calendar(calendar::CalendarArgs),
    /// Reports waiting to be delivered to BCare.
    Outbox(bcare::OutboxArgs),
    /// Serve the BCare simulator over HTTP (training, tests).
    Simulate(bcare::SimulateArgs),
    /// Read a caller's message (WhatsApp, e-mail, SMS) and print what it proposes for intake.
    ReadMessage(message::ReadMessageArgs),
    /// The section's SLA report over a period; --shift: what the next officer inherits.
    Report(report::ReportArgs),
    /// Every complaint with its events, as csv, json or xlsx (0600); --redact masks personal data.
    Export(export::ExportArgs),
    /// Remove the personal data of complaints closed longer ago than [retention] months.
    Purge {
        /// Only list what would be purged.
        #[arg(long)]
        dry_run: bool,
    },
    /// Copy this desk's SQLite file into an empty PostgreSQL database (several
    /// desks, one queue); counts and checksums every table, leaves the file as it was.
    Migrate(migrate::MigrateArgs),
    /// One ticket with all its callers (one outage, many callers): stage, contact,
    /// handover, who is owed a notice. Takes the ticket number or any caller's reference.
    Incident {
        #[arg(value_name = "TICKET_NO")]
        ticket: String,
    },
    /// Tickets at Dir. IKC: days open, last status, to chase, notices owed; --poll asks BCare now.
    Followup(followup::FollowupArgs),
    /// Tell the applicant Dir. IKC solved it: prints (and copies) the message, records the notice.
    Notify(followup::NotifyArgs),
}

#[derive(Args, Debug, Default)]
pub struct IntakeArgs {
    /// Applicant's name.
    #[arg(long, default_value = "")]
    pub name: String,
    /// pegawai | pengguna-jasa
    #[arg(long, default_value = "")]
    pub kind: String,
    /// Company (pengguna jasa).
    #[arg(long, default_value = "")]
    pub org: String,
    #[arg(long, default_value = "")]
    pub nip: String,
    /// NPWP (15/16 digits) or NITKU (22).
    #[arg(long, default_value = "")]
    pub npwp: String,
    #[arg(long, default_value = "")]
    pub nib: String,
    #[arg(long, default_value = "")]
    pub phone: String,
    #[arg(long, default_value = "")]
    pub email: String,
    /// langsung, telepon, whatsapp, email, surat, lainnya
    #[arg(long, default_value = "")]
    pub channel: String,
    /// AKUN REG IMP EKS MAN TPB CUK BYR INT INH TIK LAIN
    #[arg(long, default_value = "")]
    pub category: String,
    #[arg(long, default_value = "")]
    pub subject: String,
    #[arg(long, default_value = "")]
    pub description: String,
    /// The account's user id (account problems). Never a password.
    #[arg(long, default_value = "")]
    pub user_id: String,
    /// Nomor aju (repeatable).
    #[arg(long = "aju")]
    pub aju: Vec<String>,
    /// e.g. "BC 2.0 PIB", "BC 3.0 PEB", "BC 1.1"
    #[arg(long, default_value = "")]
    pub doc_type: String,
    #[arg(long, default_value = "")]
    pub doc_status: String,
    /// When the document was submitted.
    #[arg(long, default_value = "")]
    pub doc_submitted_at: String,
    /// A screenshot or file (repeatable).
    #[arg(long = "attach")]
    pub attach: Vec<String>,
    /// When the information reached the office (default now; back-date to the WhatsApp time).
    #[arg(long, default_value = "")]
    pub received_at: String,
    /// Read the caller's message in FILE ("-": standard input) for the fields not given.
    #[arg(long, value_name = "FILE")]
    pub from_message: Option<PathBuf>,
    /// Link the new complaint to this ticket (or to the ticket of this reference) in
    /// the same step: one outage, many callers. A failed link saves nothing.
    #[arg(long, value_name = "TICKET_OR_REF")]
    pub link_to: Option<String>,
}

impl IntakeArgs {
    fn form(&self) -> IntakeForm {
        IntakeForm {
            name: self.name.clone(),
            kind: self.kind.clone(),
            org: self.org.clone(),
            nip: self.nip.clone(),
            npwp: self.npwp.clone(),
            nib: self.nib.clone(),
            phone: self.phone.clone(),
            email: self.email.clone(),
            channel: self.channel.clone(),
            category: self.category.clone(),
            subject: self.subject.clone(),
            description: self.description.clone(),
            user_id: self.user_id.clone(),
            aju: self.aju.clone(),
            doc_type: self.doc_type.clone(),
            doc_status: self.doc_status.clone(),
            doc_submitted_at: self.doc_submitted_at.clone(),
            attachments: self.attach.clone(),
            received_at: self.received_at.clone(),
        }
    }
}

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
        bail!(M::NoConfigFile.fill(cli.lang.unwrap_or_default(), &[&shown]));
    }
    let config = config::load(&paths)?;
    let paths = paths.with_store(&config.store)?;
    let lang = cli.lang.unwrap_or(config.desk.lang);
    // Refused for every command, even one that opens no database: SQLite would
    // write its journal, and the desk its log, beside `/dev/null` or in `/dev`.
    match &paths.db {
        crate::desk::Location::File(f) if f.exists() && !f.is_file() => {
            bail!(M::NotAFile.fill(lang, &[&f.display().to_string()]))
        }
        crate::desk::Location::Server(url) => {
            if let Some(why) = url.unreadable() {
                bail!(M::BadConnString.fill(lang, &[&url.shown(), &why]));
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
    fn in_officers_words(&self, e: anyhow::Error) -> anyhow::Error {
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

/// Why a command failed, in the officer's language.
pub fn reason(err: &anyhow::Error, lang: Lang) -> String {
    match err.downcast_ref::<DeskError>() {
        Some(e) => e.text(lang),
        None => format!("{err:#}"),
    }
}

/// The last line a failed command prints, through the terminal gate: errors echo
/// what was typed (a reference, a date, a path), and that may carry escapes.
pub fn print_failure(err: &anyhow::Error, lang: Lang) {
    tell!("bcare-desk: {}", reason(err, lang));
}

/// A clap error (a bad flag or value, echoed back) through the terminal gate;
/// help and version print as clap prints them. Exits.
pub fn exit_on_usage_error(e: clap::Error) -> ! {
    use clap::error::ErrorKind;
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        e.exit();
    }
    let text = e.render().to_string();
    if e.use_stderr() {
        tell!("{}", text.trim_end());
    } else {
        say!("{}", text.trim_end());
    }
    std::process::exit(e.exit_code());
}

/// JSON output: the value pretty-printed, with C1 and bidi controls written as
/// `\u` escapes (serde_json escapes only C0), so the data stays whole and the
/// terminal safe.
fn print_json<T: serde::Serialize>(v: &T) -> Result<()> {
    say!("{}", output::json_text(v)?);
    Ok(())
}

fn stages_of(s: &str) -> Result<Vec<Stage>> {
    Ok(match s.trim().to_ascii_lowercase().as_str() {
        "running" => Stage::SLA_RUNNING.to_vec(),
        "open" => Stage::ALL.into_iter().filter(|s| s.is_open()).collect(),
        "all" => Stage::ALL.to_vec(),
        other => vec![Stage::parse(other).ok_or_else(|| {
            anyhow!(
                "--stage: '{other}' is not a stage; use received, forwarded, ticketed, handed_over, resolved, cancelled, running, open or all"
            )
        })?],
    })
}

/// Runs one command (not the TUI).
pub fn run(command: &Command, s: &Setup, json: bool) -> Result<()> {
    run_command(command, s, json).map_err(|e| name_the_database(e, &s.paths.db))
}

/// SQLite's own errors ("database is locked", "disk I/O error") say nothing of which
/// file; the officer gets its path in front, on the same line.
fn name_the_database(e: anyhow::Error, db: &crate::desk::Location) -> anyhow::Error {
    use crate::desk::StoreError;
    let from_sqlite = matches!(
        e.downcast_ref::<DeskError>(),
        Some(DeskError::Database(
            StoreError::Sqlite(_) | StoreError::Busy { server: None }
        ))
    ) || matches!(
        e.downcast_ref::<StoreError>(),
        Some(StoreError::Sqlite(_) | StoreError::Busy { server: None })
    );
    if from_sqlite { anyhow!("{db}: {e}") } else { e }
}

fn run_command(command: &Command, s: &Setup, json: bool) -> Result<()> {
    let lang = s.lang;
    match command {
        Command::Intake(args) => {
            let form = message::intake_form(args)?;
            let mut desk = s.open_desk()?;
            warn_calendar_gap(&desk, lang);
            let (c, warnings) = match &args.link_to {
                Some(target) => desk.intake_linked(&form, &incident::link_to(target))?,
                None => desk.intake(&form)?,
            };
            let candidates = match &args.link_to {
                Some(_) => Vec::new(),
                None => incident::candidates_after_intake(&desk, &c)?,
            };
            if json {
                let mut j = complaint_json(&desk, &c, desk.sla_of(&c), None);
                j.warnings = Some(warnings_text(&warnings, lang));
                let mut v = serde_json::to_value(&j)?;
                v["incident_candidates"] = incident::candidates_json(&desk, &candidates);
                return print_json(&v);
            }
            let off = desk.calendar().offset();
            let deadline = short_local(c.sla_deadline, off);
            say!("{}", M::Received.fill(lang, &[&c.reference, &deadline]));
            if let Some(t) = &c.ticket_no {
                say!("{}", M::LinkedToTicket.fill(lang, &[&c.reference, t]));
            }
            incident::print_hints(&candidates, &c.reference, lang);
            for w in warnings {
                tell!("! {}", w.said(lang));
            }
        }
        Command::List {
            stage,
            overdue,
            category,
            limit,
        } => {
            let desk = s.open_desk_read_only()?;
            warn_calendar_gap(&desk, lang);
            let q = ListQuery {
                stages: stages_of(stage)?,
                deadline_before: overdue.then(|| desk.now()),
                category: category.as_ref().map(|c| c.trim().to_ascii_uppercase()),
                after: None,
                limit: (*limit).clamp(1, 10_000),
            };
            let rows = desk.list(&q)?;
            print_complaints(&desk, &rows, json, lang)?;
        }
        Command::Show { reference } => {
            let desk = s.open_desk_read_only()?;
            let d = desk.dossier(reference)?;
            if json {
                return print_json(&dossier_json(&desk, &d));
            }
            put!("{}", dossier_text(&desk, &d, lang));
        }
        Command::Search { text, limit } => {
            let desk = s.open_desk_read_only()?;
            let rows = desk.search(text, (*limit).clamp(1, 1000))?;
            print_complaints(&desk, &rows, json, lang)?;
        }
        Command::Forward { reference, wait } => {
            let mut desk = s.open_existing_desk()?;
            let (c, outcome) = desk.forward(reference)?;
            match &outcome {
                Forwarded::Portal { report, portal_url } => {
                    if json {
                        print_json(&serde_json::json!({
                            "ref": c.reference, "stage": c.stage.as_str(), "client": "portal",
                            "portal_url": portal_url, "report": report,
                        }))?;
                    } else {
                        // The portal client shows the sheet and copies the report (OSC 52).
                        use crate::bcare::{BcareClient, portal};
                        portal::PortalClient::new(
                            portal_url.clone(),
                            Box::new(std::io::stdout()),
                            portal::osc52_allowed(),
                        )
                        .with_lang(lang)
                        .file(&c.reference, report)
                        .map_err(|e| anyhow!("{e}"))?;
                    }
                }
                Forwarded::Queued { client, .. } => {
                    if let Some(secs) = wait {
                        return bcare::wait_for_delivery(
                            &mut desk,
                            &c.reference,
                            std::time::Duration::from_secs(*secs),
                            json,
                            lang,
                        );
                    }
                    if json {
                        print_json(&serde_json::json!({
                            "ref": c.reference, "stage": c.stage.as_str(), "client": client, "queued": true,
                        }))?;
                    } else {
                        say!(
                            "{}",
                            M::ForwardQueued.fill(lang, &[&c.reference, client.as_ref()])
                        );
                    }
                }
            }
        }
        Command::Ticket {
            reference,
            ticket_no,
        } => {
            let mut desk = s.open_existing_desk()?;
            let (c, warning) = desk.record_ticket(reference, ticket_no)?;
            print_step(
                &desk,
                &c,
                warning.map(|w| warning_line(&w, json, lang)),
                json,
                lang,
            )?;
        }
        Command::Link {
            references,
            ticket,
            to,
        } => {
            let mut desk = s.open_existing_desk()?;
            let target = match (ticket, to) {
                (Some(t), _) => LinkTarget::Ticket(t.clone()),
                (None, Some(r)) => LinkTarget::Complaint(r.clone()),
                (None, None) => bail!("link: give --ticket TICKET_NO or --to REF"),
            };
            if let [reference] = references.as_slice() {
                let (c, warning) = desk.link(reference, &target)?;
                print_step(
                    &desk,
                    &c,
                    warning.map(|w| warning_line(&w, json, lang)),
                    json,
                    lang,
                )?;
            } else {
                let (done, warning) = desk.link_many(references, &target)?;
                incident::print_steps(
                    &desk,
                    &done,
                    warning.map(|w| warning_line(&w, json, lang)),
                    json,
                    lang,
                )?;
            }
        }
        Command::Handover {
            references,
            ticket,
            via,
            late_reason,
            note,
        } => {
            let mut desk = s.open_existing_desk()?;
            let (late_reason, note) = (late_reason.as_deref(), note.as_deref());
            if let (None, [reference]) = (ticket, references.as_slice()) {
                let c = desk.hand_over_with_reason(reference, via, late_reason, note)?;
                print_step(&desk, &c, None, json, lang)?;
            } else {
                let done = match ticket {
                    Some(t) => desk.hand_over_ticket(t, via, late_reason, note)?,
                    None => desk.hand_over_many(references, via, late_reason, note)?,
                };
                // Parsed again only to name it: the desk refused a bad one already.
                let via = crate::domain::complaint::Channel::parse(via)
                    .ok_or_else(|| anyhow!("--via: unknown channel"))?;
                incident::print_handovers(&desk, &done, via, json, lang)?;
            }
        }
        Command::Resolve {
            references,
            ticket,
            note,
        } => {
            let mut desk = s.open_existing_desk()?;
            if let (None, [reference]) = (ticket, references.as_slice()) {
                let c = desk.resolve(reference, note)?;
                print_step(&desk, &c, None, json, lang)?;
            } else {
                let (done, waiting) = match ticket {
                    Some(t) => desk.resolve_ticket(t, note)?,
                    None => (desk.resolve_many(references, note)?, Vec::new()),
                };
                incident::print_steps(&desk, &done, None, json, lang)?;
                incident::warn_waiting(&waiting, lang);
            }
        }
        Command::Cancel { references, reason } => {
            let mut desk = s.open_existing_desk()?;
            if let [reference] = references.as_slice() {
                let c = desk.cancel(reference, reason)?;
                print_step(&desk, &c, None, json, lang)?;
            } else {
                let done = desk.cancel_many(references, reason)?;
                incident::print_steps(&desk, &done, None, json, lang)?;
            }
        }
        Command::Sla { start, hours } => sla_command(s, start, *hours, json)?,
        Command::Check => {
            let desk = s.open_desk_read_only()?;
            let r = desk.check()?;
            // Retention: a notice, not a failure.
            let purge_due = desk.purge_due()?.len();
            if json {
                let mut v = serde_json::to_value(&r)?;
                v["purge_due"] = purge_due.into();
                print_json(&v)?;
            } else {
                say!("database:  {} (schema {})", r.database, r.schema_version);
                say!("integrity: {}", r.integrity.join("; "));
                say!("complaints: {}", r.complaints);
                say!("calendar:  {}", r.calendar);
                if purge_due > 0 {
                    say!(
                        "retention: {purge_due} closed complaints are past [retention] months = {}; run `bcare-desk purge`",
                        desk.config().retention.months
                    );
                }
            }
            if let Some(n) = desk.calendar_notice() {
                if n.is_alarm() {
                    let year = n.year().to_string();
                    bail!(M::CalendarGapDoctor.fill(lang, &[&year, &year]));
                }
                // Next year's holidays: a warning, and `check` still passes.
                tell!("{}", n.text(lang));
            }
            if r.integrity != ["ok"] {
                bail!("integrity check failed; restore a copy made with `bcare-desk backup PATH`");
            }
        }
        Command::Backup { path } => {
            let desk = s.open_desk_read_only()?;
            let shown = path.display().to_string();
            let copying =
                progress::Progress::spinner(&M::ProgressBackup.fill(lang, &[&shown]), json);
            desk.backup(path)?;
            drop(copying);
            if json {
                print_json(&serde_json::json!({ "backup": path }))?;
            } else {
                say!("{}", path.display());
            }
        }
        Command::Demo { count, seed, force } => {
            let mut desk = s.open_desk()?;
            let started = std::time::Instant::now();
            let mut sampler =
                crate::demo::Sampler::new(desk.calendar().clone(), desk.now(), *count, *seed)?;
            let bar = progress::Progress::bar(M::ProgressDemo.get(lang), json);
            let total = *count as u64;
            bar.at(0, total);
            let n = desk.demo(|n| sampler.batch(n), *force, &mut |done| {
                bar.at(done as u64, total)
            })?;
            drop(bar);
            if json {
                print_json(&serde_json::json!({ "inserted": n }))?;
            } else {
                say!(
                    "{n} sample complaints in {:.1} s",
                    started.elapsed().as_secs_f64()
                );
            }
        }
        Command::Config => config_command(s, json)?,
        Command::Calendar(args) => calendar::run(s, args, json)?,
        Command::Outbox(args) => {
            // Listing only reads; `outbox retry` writes.
            let mut desk = if args.action.is_none() {
                s.open_desk_read_only()?
            } else {
                s.open_existing_desk()?
            };
            bcare::outbox(&mut desk, args, json, lang)?;
        }
        Command::Simulate(args) => bcare::simulate(args)?,
        Command::ReadMessage(args) => message::read_message(args, json, lang)?,
        Command::Report(args) => report::run(&s.open_desk_read_only()?, args, json, lang)?,
        Command::Export(args) => export::run(&s.open_desk_read_only()?, args, json, lang)?,
        Command::Migrate(args) => migrate::run(s, args, json)?,
        Command::Purge { dry_run } => {
            export::purge(&mut s.open_existing_desk()?, *dry_run, json, lang)?
        }
        Command::Incident { ticket } => {
            incident::show(&s.open_desk_read_only()?, ticket, json, lang)?
        }
        Command::Followup(args) => {
            let mut desk = if followup::writes(args) {
                s.open_existing_desk()?
            } else {
                s.open_desk_read_only()?
            };
            followup::run(&mut desk, args, json, lang)?
        }
        Command::Notify(args) => followup::notify(&mut s.open_existing_desk()?, args, json, lang)?,
    }
    Ok(())
}

/// A list of complaints: a JSON array, or one line each.
fn print_complaints(
    desk: &Desk,
    rows: &[crate::domain::complaint::Complaint],
    json: bool,
    lang: Lang,
) -> Result<()> {
    if json {
        let out: Vec<_> = rows
            .iter()
            .map(|c| complaint_json(desk, c, desk.sla_of(c), desk.sla_met(c)))
            .collect();
        return print_json(&out);
    }
    put!("{}", list_lines(desk, rows, lang));
    Ok(())
}

/// Says loudly, on stderr, that this year's holidays are not entered (next
/// year's, from 1 October, is said by `check`, the report and the status bar).
fn warn_calendar_gap(desk: &Desk, lang: Lang) {
    if let Some(n) = desk.calendar_notice().filter(|n| n.is_alarm()) {
        tell!("{}", n.text(lang));
    }
}

fn print_step(
    desk: &Desk,
    c: &crate::domain::complaint::Complaint,
    warning: Option<String>,
    json: bool,
    lang: Lang,
) -> Result<()> {
    if json {
        let mut j = complaint_json(desk, c, desk.sla_of(c), desk.sla_met(c));
        j.warnings = Some(warning.into_iter().collect());
        return print_json(&j);
    }
    let mut line = format!("{}: {}", c.reference, c.stage.label(lang));
    if let Some(t) = &c.ticket_no {
        line.push_str(&M::StepTicket.fill(lang, &[t]));
    }
    if let Some(met) = desk.sla_met(c) {
        line.push_str(if met { M::StepSlaMet } else { M::StepSlaLate }.get(lang));
    }
    say!("{line}");
    if let Some(w) = warning {
        tell!("! {w}");
    }
    Ok(())
}

fn sla_command(s: &Setup, start: &str, hours: f64, json: bool) -> Result<()> {
    let cal = s.calendar()?;
    if !(hours > 0.0 && hours <= 1000.0) {
        bail!("--hours: must be more than 0 and at most 1000");
    }
    let now = (s.clock)();
    let start_t = parse_instant(start, now, cal.offset()).map_err(|got| {
        anyhow!("--start: use RFC 3339 (2026-11-27T15:30:00+08:00) or a WITA time (2026-11-27 15:30); got {got}")
    })?;
    let budget = TimeDelta::seconds((hours * 3600.0).round() as i64);
    let deadline = sla::deadline(&cal, start_t, budget)
        .ok_or_else(|| anyhow!("the calendar has no working time ahead of {start}"))?;
    let off = cal.offset();
    let year = start_t.with_timezone(&off).year();
    if json {
        print_json(&serde_json::json!({
            "start": rfc3339_local(start_t, off),
            "deadline": rfc3339_local(deadline, off),
            "working_minutes": budget.num_minutes(),
            "calendar_covers_year": cal.covers_year(year),
        }))?;
    } else {
        say!("{}", rfc3339_local(deadline, off));
    }
    if !cal.covers_year(year) {
        tell!(
            "! the calendar has no holiday data for {year}: the deadline counts every weekday as working"
        );
    }
    Ok(())
}

fn config_command(s: &Setup, json: bool) -> Result<()> {
    if json {
        return print_json(&serde_json::json!({
            "paths": s.paths,
            "config": s.config,
            "officer": s.config.officer_name(),
        }));
    }
    say!(
        "config file: {}{}",
        s.paths.config_file.display(),
        if s.paths.config_file_exists {
            ""
        } else {
            " (absent: defaults)"
        }
    );
    say!("database:    {}", s.paths.db);
    say!("log:         {}", log_file(&s.paths).display());
    say!("officer:     {}", s.config.officer_name());
    say!();
    put!("{}", toml::to_string_pretty(&s.config)?);
    Ok(())
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

/// No subcommand: the desk screen. Until the terminal desk is built in, print the queue.
pub fn open_desk_screen(s: &Setup) -> Result<()> {
    crate::tui::run(
        s.open_desk()?,
        crate::tui::TuiOptions {
            lang: s.lang,
            db: s.paths.db.clone(),
        },
    )
}

/// A warning as JSON keeps it (`field_key: …`) or as the officer reads it.
fn warning_line(w: &crate::domain::msg::FieldWarning, json: bool, lang: Lang) -> String {
    if json { w.text(lang) } else { w.said(lang) }
}
