//! `grant` and `revoke`: the database owner gives a server login role its duty
//! on a shared desk (officer or reader), or takes it away. On a file there are
//! no roles: the file's owner is the officer.

use crate::desk::Desk;
use crate::desk::roles::Duty;
use crate::domain::msg::{Lang, M};
use anyhow::Result;

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum DutyArg {
    /// Reads and writes complaints.
    Officer,
    /// Lists, shows, searches, reports and exports with --redact; changes nothing.
    Reader,
}

impl DutyArg {
    fn duty(self) -> Duty {
        match self {
            DutyArg::Officer => Duty::Officer,
            DutyArg::Reader => Duty::Reader,
        }
    }
}

#[derive(clap::Args, Debug)]
pub struct GrantArgs {
    /// The server's login role (CREATE ROLE … LOGIN made it).
    #[arg(value_name = "ROLE")]
    pub role: String,
    /// officer (reads and writes) or reader (reports only).
    #[arg(value_name = "DUTY", value_enum)]
    pub duty: DutyArg,
}

#[derive(clap::Args, Debug)]
pub struct RevokeArgs {
    /// The server's login role.
    #[arg(value_name = "ROLE")]
    pub role: String,
}

pub fn grant(desk: &Desk, a: &GrantArgs, json: bool, lang: Lang) -> Result<()> {
    desk.grant(&a.role, a.duty.duty())?;
    say_duties(desk, json, || {
        M::Granted(lang, &a.role, a.duty.duty().role())
    })
}

pub fn revoke(desk: &Desk, a: &RevokeArgs, json: bool, lang: Lang) -> Result<()> {
    desk.revoke(&a.role)?;
    say_duties(desk, json, || M::Revoked(lang, &a.role))
}

/// The line saying what changed, or (`--json`) every role's duty as it now is.
fn say_duties(desk: &Desk, json: bool, line: impl FnOnce() -> String) -> Result<()> {
    if json {
        let duties: Vec<_> = desk
            .duties()?
            .into_iter()
            .map(|(role, duty)| serde_json::json!({"role": role, "duty": duty.role()}))
            .collect();
        say!("{}", serde_json::to_string_pretty(&duties)?);
    } else {
        say!("{}", line());
    }
    Ok(())
}
