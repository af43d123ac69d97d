//! BCare commands of the command line: the simulator, the outbox, and waiting for
//! a queued report to be delivered.

use crate::desk::Desk;
use crate::domain::msg::Lang;
use anyhow::{Result, bail};

#[derive(clap::Args, Debug)]
pub struct SimulateArgs {
    /// Address to listen on (loopback only unless --public).
    #[arg(long, default_value = "127.0.0.1:8765")]
    pub listen: String,
}

pub fn simulate(_args: &SimulateArgs) -> Result<()> {
    bail!("the BCare simulator is not available in this build")
}

#[derive(clap::Args, Debug)]
pub struct OutboxArgs {
    #[command(subcommand)]
    pub action: Option<OutboxAction>,
}

#[derive(clap::Subcommand, Debug)]
pub enum OutboxAction {
    /// Send a waiting report now
    Retry { reference: String },
}

pub fn outbox(_desk: &mut Desk, _args: &OutboxArgs, _json: bool, _lang: Lang) -> Result<()> {
    bail!("the outbox is not available in this build")
}

pub fn wait_for_delivery(
    _desk: &mut Desk,
    _reference: &str,
    _timeout: std::time::Duration,
    _json: bool,
    _lang: Lang,
) -> Result<()> {
    bail!("waiting for BCare is not available in this build")
}
