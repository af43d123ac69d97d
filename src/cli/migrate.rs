//! `migrate`: moving a desk's SQLite file into an empty PostgreSQL database, when
//! the section starts sharing one queue across desks.

use super::progress::Progress;
use super::{Setup, print_json};
use crate::desk::moving::{self, Copied};
use crate::desk::{Location, ServerUrl};
use crate::domain::msg::M;
use anyhow::{Result, bail};
use std::path::{Path, PathBuf};

#[derive(clap::Args, Debug)]
pub struct MigrateArgs {
    /// The PostgreSQL database to fill: postgres://user@host/database (must hold
    /// no complaints yet).
    #[arg(long, value_name = "URL")]
    pub to: PathBuf,
    /// The SQLite file to copy (default: the desk's own file, --db).
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,
}

pub fn run(s: &Setup, args: &MigrateArgs, json: bool) -> Result<()> {
    let Location::Server(to) = Location::from_arg(&args.to) else {
        bail!(
            "--to: '{}' is not a postgres:// or postgresql:// URL",
            args.to.display()
        );
    };
    let to = with_password(to, s)?;
    let from: PathBuf = match (&args.from, &s.paths.db) {
        (Some(f), _) => f.clone(),
        (None, Location::File(f)) => f.clone(),
        (None, Location::Server(_)) => {
            bail!(M::MigrateFromServer.get(s.lang))
        }
    };
    let bar = Progress::bar("", json);
    let copied = moving::file_to_server(&from, &to, &mut |table, done, total| {
        bar.doing(&M::ProgressMigrate(s.lang, table));
        bar.at(done, total);
    })
    .map_err(|e| s.in_officers_words(e.into()))?;
    drop(bar);
    if json {
        return print_json(&serde_json::json!({
            "from": from, "to": to.shown(), "tables": copied, "file_unchanged": true,
        }));
    }
    print_copied(&from, &to, &copied);
    Ok(())
}

/// `[store] password_env` applies to the target too.
fn with_password(to: ServerUrl, s: &Setup) -> Result<ServerUrl> {
    match &s.config.store.password_env {
        Some(var) => match std::env::var(var) {
            Ok(p) if !p.is_empty() => Ok(to.with_password(Some(p))),
            _ => bail!(M::PasswordEnvUnset(s.lang, var)),
        },
        None => Ok(to),
    }
}

fn print_copied(from: &Path, to: &ServerUrl, copied: &[Copied]) {
    say!("{} -> {}", from.display(), to.shown());
    for c in copied {
        say!(
            "  {:<11} {:>8} rows  checksum {:016x}  ok",
            c.table,
            c.target.rows,
            c.target.checksum
        );
    }
    say!(
        "Every table counted and checksummed on both sides; {} was only read.",
        from.display()
    );
    say!(
        "Point each desk at the server: [store] url = \"{}\" in its config.",
        to.shown()
    );
}
