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

mod args;
pub mod bcare;
pub mod calendar;
pub mod ceisacare;
mod commands;
pub mod export;
pub mod followup;
mod help_id;
mod incident;
pub mod manual;
mod message;
pub mod migrate;
mod output;
mod progress;
pub mod report;
mod report_workbook;
mod roles;
mod rollup;
mod rollup_workbook;
mod setup;
mod survey;
pub mod usage;

pub use args::{Cli, Command, IntakeArgs};
pub use setup::{Setup, init_logging, log_file, setup};

use crate::desk::DeskError;
use crate::domain::msg::{Lang, M};
use anyhow::{Result, anyhow};

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
pub fn exit_on_usage_error(e: clap::Error, lang: Lang) -> ! {
    use clap::error::ErrorKind;
    match e.kind() {
        // clap writes "[OPTIONS]" and "[default: …]" itself.
        ErrorKind::DisplayHelp if lang == Lang::Id => {
            let help = help_id::help_notes_in_indonesian(&e.render().to_string());
            say!("{}", help.trim_end());
            std::process::exit(0);
        }
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => e.exit(),
        _ => {}
    }
    let text = usage::refusal_text(&e, lang);
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

/// The commands that need neither the config nor a database (the manual pages and
/// completions the package is built from): run before any setup, so they work on
/// a build machine with no home folder.
pub fn run_without_desk(cli: &Cli) -> Option<Result<()>> {
    let lang = cli.lang.unwrap_or_default();
    match &cli.command {
        Some(Command::Manpage(a)) => Some(manual::manpage(a)),
        Some(Command::Completions(a)) => Some(manual::print_completions(a, lang)),
        _ => None,
    }
}

/// Runs one command (not the TUI).
pub fn run(command: &Command, s: &Setup, json: bool) -> Result<()> {
    commands::run(command, s, json).map_err(|e| name_the_database(e, &s.paths.db, s.lang))
}

/// SQLite's own errors ("database is locked", "disk I/O error") say nothing of which
/// file; the officer gets its path in front, on the same line.
fn name_the_database(e: anyhow::Error, db: &crate::desk::Location, lang: Lang) -> anyhow::Error {
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
    // Worded here, in the desk's language: the new error is no longer the desk's.
    if from_sqlite {
        anyhow!("{}", M::FromSource(lang, db, reason(&e, lang)))
    } else {
        e
    }
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
