//! `simulate`, `outbox` and `forward --wait`: the command line's side of BCare.

use super::output::bcare_said;
use crate::bcare::server::SimServer;
use crate::bcare::sim::{SimSettings, Simulator};
use crate::config::ClientKind;
use crate::desk::Desk;
use crate::desk::outbox::WorkerEvent;
use crate::desk::{OutboxRow, OutboxState};
use crate::domain::msg::{Lang, M, words};
use anyhow::{Context, bail};
use chrono::{DateTime, FixedOffset, Utc};
use std::io::Write;
use std::net::{SocketAddr, ToSocketAddrs};
use std::sync::Arc;
use std::time::{Duration, Instant};

#[derive(clap::Args, Debug)]
pub struct SimulateArgs {
    /// Address to listen on; only loopback unless --public
    #[arg(long, default_value = "127.0.0.1:8765")]
    pub listen: String,
    /// Share of requests answered 503, between 0.0 and 1.0
    #[arg(long, default_value_t = 0.0)]
    pub fail_rate: f64,
    /// Milliseconds to wait before each answer
    #[arg(long, default_value_t = 0)]
    pub delay_ms: u64,
    /// Seed for the ticket numbers and the failures
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Allow listening on an address other machines can reach
    #[arg(long)]
    pub public: bool,
    /// Resolve each ticket SECS seconds after it was issued ("in progress" half-way;
    /// 0: never), so a ticket's whole life can be followed
    #[arg(long, value_name = "SECS", default_value_t = 0)]
    pub resolve_after: u64,
    /// Serve CEISACare's gateway shapes (ticket list, detail, 401 once a token
    /// expires) and a web form at / where a trainee pastes the sheet
    #[arg(long)]
    pub ceisacare: bool,
    /// With --ceisacare: hours the printed training token stays valid
    #[arg(
        long,
        value_name = "HOURS",
        default_value_t = 8,
        requires = "ceisacare"
    )]
    pub token_hours: u64,
}

/// The address to listen on: loopback, unless the officer explicitly asked otherwise.
pub fn listen_addr(listen: &str, public: bool, lang: Lang) -> anyhow::Result<SocketAddr> {
    let addr = listen
        .to_socket_addrs()
        .with_context(|| M::ListenNotAnAddress(lang, listen))?
        .next()
        .with_context(|| M::ListenNoAddress(lang, listen))?;
    if !addr.ip().is_loopback() && !public {
        bail!(M::ListenNotLoopback(lang, listen));
    }
    Ok(addr)
}

/// Serves the simulator until killed; the first line printed is its URL.
pub fn simulate(args: &SimulateArgs, clock: crate::desk::Clock, lang: Lang) -> anyhow::Result<()> {
    if !(0.0..=1.0).contains(&args.fail_rate) {
        bail!(M::FailRateRange.get(lang));
    }
    let addr = listen_addr(&args.listen, args.public, lang)?;
    if args.ceisacare {
        let sim = Arc::new(crate::bcare::ceisacare_sim::CeisacareSim::new(
            args.seed,
            (args.resolve_after > 0).then(|| Duration::from_secs(args.resolve_after)),
            clock,
        ));
        let token = sim.issue_token(Duration::from_secs(
            args.token_hours.clamp(1, 24 * 30) * 3600,
        ));
        let server = sim
            .serve(addr)
            .with_context(|| format!("listening on {addr}"))?;
        // The URL first (it goes in [bcare] url), then the training token.
        say!("{}", server.url());
        say!("{}", M::SimCeisacareToken.get(lang));
        say!("{token}");
        std::io::stdout().flush()?;
        tracing::info!(addr = %server.addr(), "CEISACare simulator serving");
        server.join();
        return Ok(());
    }
    let sim = Arc::new(Simulator::new(SimSettings {
        delay: Duration::from_millis(args.delay_ms),
        fail_rate: args.fail_rate,
        seed: args.seed,
        resolve_after: (args.resolve_after > 0).then(|| Duration::from_secs(args.resolve_after)),
    }));
    let server = SimServer::start(addr, sim).with_context(|| format!("listening on {addr}"))?;
    say!("{}", server.url());
    std::io::stdout().flush()?;
    tracing::info!(addr = %server.addr(), "BCare simulator serving");
    server.join();
    Ok(())
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
    /// Run the BCare worker without the screen (a back-office desk, or a server
    /// beside the shared database): delivers waiting reports and follows tickets,
    /// printing each ticket as it comes; runs until stopped, or for SECS seconds
    Deliver {
        #[arg(long = "for", value_name = "SECS")]
        for_secs: Option<u64>,
    },
}

/// An instant in the calendar's zone, named WITA when it is UTC+8.
fn local(t: DateTime<Utc>, offset: FixedOffset) -> String {
    let s = t.with_timezone(&offset).format("%Y-%m-%d %H:%M:%S");
    if offset.local_minus_utc() == 8 * 3600 {
        format!("{s} WITA")
    } else {
        format!("{s} UTC{offset}")
    }
}

fn state_label(s: OutboxState, lang: Lang) -> String {
    words::delivery_state(s.as_str(), lang)
}

/// Lists what waits to be sent and why, or sends one complaint's report now.
pub fn outbox(desk: &mut Desk, args: &OutboxArgs, json: bool, lang: Lang) -> anyhow::Result<()> {
    match &args.action {
        None => list(desk, json, lang),
        Some(OutboxAction::Retry { reference }) => retry(desk, reference, json, lang),
        Some(OutboxAction::Deliver { for_secs }) => deliver(desk, *for_secs, json, lang),
    }
}

/// The worker of `outbox deliver`, on its own connection; this thread prints what
/// it reports. Several desks may run one on a shared database: each row is
/// claimed by one worker, so no report is sent twice.
fn deliver(desk: &Desk, for_secs: Option<u64>, json: bool, lang: Lang) -> anyhow::Result<()> {
    files_by_client(desk, lang)?;
    let handle = desk.start_worker()?;
    let until =
        Instant::now() + for_secs.map_or(WAIT_MAX, |s| Duration::from_secs(s).min(WAIT_MAX));
    loop {
        let left = until.saturating_duration_since(Instant::now());
        if left.is_zero() {
            break;
        }
        match handle.events.recv_timeout(left) {
            Ok(WorkerEvent::Delivered {
                reference,
                ticket_no,
            }) => print_ticket(&reference, &ticket_no, json, lang)?,
            Ok(WorkerEvent::Failed {
                reference,
                error,
                next_attempt_at,
            }) => {
                // Said as it is: tried again at a time, or left for the officer.
                let state = match next_attempt_at {
                    Some(_) => OutboxState::Pending,
                    None => OutboxState::Failed,
                };
                if json {
                    let v = serde_json::json!({ "ref": reference, "state": state.as_str(),
                        "error": error, "next_attempt_at": next_attempt_at });
                    say!("{}", super::output::json_line(&v)?);
                } else {
                    let said = bcare_said(&error, lang);
                    let line = match next_attempt_at {
                        Some(at) => M::DeliveryFailedRetrying(
                            lang,
                            &reference,
                            &said,
                            local(at, desk.calendar().offset()),
                        ),
                        None => M::NotSent(lang, &reference, &said),
                    };
                    say!("{line}");
                }
            }
            Ok(WorkerEvent::OtherTicket {
                reference,
                ticket_no,
                kept,
            }) => tell!(
                "{}",
                M::OtherTicketNamesIt(lang, &ticket_no, &reference, &kept)
            ),
            // One line; the worker goes on and takes a new token when one is pasted.
            Ok(WorkerEvent::TokenExpired) => tell!("{}", M::TokenRefusedLine.get(lang)),
            Ok(_) => {}
            Err(_) => break,
        }
    }
    handle.stop();
    Ok(())
}

fn list(desk: &Desk, json: bool, lang: Lang) -> anyhow::Result<()> {
    let rows = desk.outbox_waiting(200)?;
    if json {
        return super::print_json(&rows);
    }
    if rows.is_empty() {
        say!("{}", M::OutboxEmpty.get(lang));
        return Ok(());
    }
    let offset = desk.calendar().offset();
    let [h_ref, h_state, h_tries, h_next, h_err] = [
        M::OutboxHeadReference,
        M::OutboxHeadState,
        M::OutboxHeadTries,
        M::OutboxHeadNext,
        M::OutboxHeadError,
    ]
    .map(|m| m.get(lang));
    say!("{h_ref:<16} {h_state:<9} {h_tries:>5}  {h_next:<24} {h_err}");
    for r in &rows {
        let next = match r.state {
            OutboxState::Failed => M::OutboxRetryHint.get(lang).to_string(),
            _ => local(r.next_attempt_at, offset),
        };
        // BCare's words on one line, whatever the row holds.
        say!(
            "{:<16} {:<9} {:>5}  {:<24} {}",
            r.reference,
            state_label(r.state, lang),
            r.attempts,
            next,
            r.last_error
                .as_deref()
                .map_or_else(|| "—".to_string(), |e| bcare_said(e, lang))
        );
    }
    Ok(())
}

/// Refused with the portal client: the officer files by hand.
fn files_by_client(desk: &Desk, lang: Lang) -> anyhow::Result<()> {
    if desk.config().bcare.client == ClientKind::Portal {
        bail!("{}", M::PortalFilesByHand.get(lang));
    }
    Ok(())
}

fn retry(desk: &mut Desk, reference: &str, json: bool, lang: Lang) -> anyhow::Result<()> {
    let c = desk
        .get(reference)
        .map_err(|e| anyhow::anyhow!(e.text(lang)))?;
    if !desk.retry_now(c.id)? {
        bail!("{}", M::NothingWaits(lang, &c.reference));
    }
    files_by_client(desk, lang)?;
    let events = desk.deliver_now(c.id)?;
    report_attempts(desk, &c.reference, c.id, &events, json, lang).map(|_| ())
}

/// Prints how the attempts went; Ok(true) when the ticket number came back. A report
/// BCare refused for good is an error: the officer has to act.
fn report_attempts(
    desk: &Desk,
    reference: &str,
    complaint_id: i64,
    events: &[WorkerEvent],
    json: bool,
    lang: Lang,
) -> anyhow::Result<bool> {
    if let Some(ticket_no) = events.iter().find_map(|e| match e {
        WorkerEvent::Delivered { ticket_no, .. } => Some(ticket_no.clone()),
        _ => None,
    }) {
        print_ticket(reference, &ticket_no, json, lang)?;
        return Ok(true);
    }
    let row = desk.outbox_of(complaint_id)?.into_iter().next();
    match row {
        Some(r) if r.state == OutboxState::Failed => {
            if json {
                print_row(&r)?;
            }
            let said = bcare_said(r.last_error.as_deref().unwrap_or("?"), lang);
            bail!("{}", M::NotSent(lang, reference, &said))
        }
        Some(r) if r.state == OutboxState::Pending => {
            print_queued(desk, &r, json, lang)?;
            Ok(false)
        }
        Some(r) => {
            print_ticket(reference, r.ticket_no.as_deref().unwrap_or("?"), json, lang)?;
            Ok(true)
        }
        None => bail!("{}", M::NoReportInOutbox(lang, reference)),
    }
}

fn print_row(r: &OutboxRow) -> anyhow::Result<()> {
    super::print_json(r)
}

fn print_ticket(reference: &str, ticket_no: &str, json: bool, lang: Lang) -> anyhow::Result<()> {
    if json {
        let v = serde_json::json!({ "ref": reference, "state": "sent", "ticket_no": ticket_no });
        say!("{}", super::output::json_line(&v)?);
    } else {
        say!("{}", M::TicketFromBcare(lang, reference, ticket_no));
    }
    Ok(())
}

fn print_queued(desk: &Desk, r: &OutboxRow, json: bool, lang: Lang) -> anyhow::Result<()> {
    if json {
        return print_row(r);
    }
    let next = local(r.next_attempt_at, desk.calendar().offset());
    let err = r
        .last_error
        .as_deref()
        .map_or_else(|| "—".to_string(), |e| bcare_said(e, lang));
    say!("{}", M::StillQueued(lang, &r.reference, &err, &next));
    Ok(())
}

/// The longest `--wait` honoured (a day): any u64 is accepted on the command line,
/// and adding it to a clock must not overflow.
const WAIT_MAX: Duration = Duration::from_secs(24 * 3600);

/// Runs the delivery in this process until the complaint's report is delivered
/// (prints the ticket number) or `timeout` passes (prints that it stays queued and
/// exits 0: queued is not a failure). `timeout` is a hard limit: the delivery runs
/// on its own thread and connection, and a call BCare never answers is abandoned
/// when the time is up (it dies with the process; the report stays queued under
/// the same idempotency key, so a late ticket is never a second one).
pub fn wait_for_delivery(
    desk: &mut Desk,
    reference: &str,
    timeout: Duration,
    json: bool,
    lang: Lang,
) -> anyhow::Result<()> {
    let c = desk
        .get(reference)
        .map_err(|e| anyhow::anyhow!(e.text(lang)))?;
    if let Some(t) = &c.ticket_no {
        return print_ticket(&c.reference, t, json, lang);
    }
    files_by_client(desk, lang)?;
    let timeout = timeout.min(WAIT_MAX);
    let give_up_at = Instant::now() + timeout;
    let (tx, rx) = std::sync::mpsc::channel();
    let shown = c.reference.clone();
    // Progress for the officer while waiting; stdout keeps the result.
    let job = desk.delivery_job(c.id, give_up_at, move |err| {
        if !json {
            tell!("{shown}: {err}");
        }
    })?;
    std::thread::Builder::new()
        .name("bcare-wait".into())
        .spawn(move || {
            let _ = tx.send(job());
        })?;
    let events = match rx.recv_timeout(give_up_at.saturating_duration_since(Instant::now())) {
        Ok(result) => result?,
        // Time is up with a call in flight: leave it, report what the file says.
        Err(_) => Vec::new(),
    };
    match desk
        .outbox_of(c.id)?
        .into_iter()
        .find(|r| r.state == OutboxState::Pending)
    {
        Some(row)
            if !events
                .iter()
                .any(|e| matches!(e, WorkerEvent::Delivered { .. })) =>
        {
            print_queued(desk, &row, json, lang)
        }
        _ => report_attempts(desk, &c.reference, c.id, &events, json, lang).map(|_| ()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_simulator_listens_on_loopback_unless_public() {
        assert!(listen_addr("127.0.0.1:0", false, Lang::En).is_ok());
        assert!(listen_addr("[::1]:0", false, Lang::En).is_ok());
        let err = listen_addr("0.0.0.0:8765", false, Lang::En)
            .unwrap_err()
            .to_string();
        assert!(err.contains("--public"), "{err}");
        assert!(listen_addr("0.0.0.0:8765", true, Lang::En).is_ok());
        assert!(listen_addr("nonsense", false, Lang::En).is_err());
    }

    #[test]
    fn local_times_are_named_wita_at_utc_plus_8() {
        let t = DateTime::parse_from_rfc3339("2026-11-30T01:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let wita = FixedOffset::east_opt(8 * 3600).unwrap();
        assert_eq!(local(t, wita), "2026-11-30 09:00:00 WITA");
        let wib = FixedOffset::east_opt(7 * 3600).unwrap();
        assert_eq!(local(t, wib), "2026-11-30 08:00:00 UTC+07:00");
    }
}
