//! Delivering the outbox: each due row is filed with the configured client under its
//! idempotency key (the complaint's reference). Success records the ticket number and
//! moves the complaint to `ticketed` in one transaction; a failure BCare may recover
//! from is retried with backoff; one it will not (4xx, a body that is not the
//! contract) is marked failed for the officer to look at and `outbox retry`.
//!
//! [`Deliverer`] does one pass on any `Store`; the worker (`desk::worker`) runs
//! passes on a background thread with its own connection and reports by message,
//! so the TUI never waits on the network. A pass sends a few reports at once, each on a thread of its own,
//! and records each answer as it comes on the pass's thread (the one connection):
//! a BCare that trickles one answer holds up only that report.

use super::{Clock, Desk, Result as DeskResult};
use crate::bcare::backoff::{Backoff, Rng};
use crate::bcare::{BcareClient, BcareError, Filed};
use crate::config::Config;
use crate::domain::bcare_report::BcareReport;
use crate::domain::complaint::Stage;
use crate::domain::msg::{Lang, M};
use crate::domain::validate;
use crate::domain::when::next_attempt;
use crate::domain::workflow::{self, Step};
use crate::store::{DeliveredTicket, Delivery, OutboxRow, OutboxState, Store, StoreError};
use chrono::{DateTime, TimeDelta, Utc};
use regex::Regex;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Sender};
use std::time::{Duration, Instant};

/// What the worker tells the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkerEvent {
    Delivered {
        reference: String,
        ticket_no: String,
    },
    /// An attempt failed. `next_attempt_at`: when the worker tries again by
    /// itself; None when it does not (a refusal, an answer that is not the
    /// contract): the row is marked failed and waits for the officer.
    Failed {
        reference: String,
        error: String,
        next_attempt_at: Option<DateTime<Utc>>,
    },
    Reachability {
        client: String,
        reachable: bool,
    },
    /// Dir. IKC changed a ticket's status (seen by the follow-up poll); `resolved`
    /// when the complaint moved to resolved with it.
    StatusChanged {
        reference: String,
        ticket_no: String,
        status: String,
        resolved: bool,
    },
    /// A ticket read back from CEISACare names a complaint that keeps another
    /// number: a warning, nothing was changed.
    OtherTicket {
        reference: String,
        ticket_no: String,
        kept: String,
    },
    /// CEISACare refused the token; the worker waits for a new one.
    TokenExpired,
    /// A pass of the worker panicked; it was caught and the worker goes on after
    /// a pause. `message` is for the status bar (no complaint data in it).
    Crashed {
        message: String,
    },
}

/// How many rows one pass takes on; the rest wait for the next pass.
pub(super) const BATCH: usize = 20;

/// How many reports are sent at once: enough that a hung answer or two leave
/// the rest flowing, few enough not to flood BCare.
pub const IN_FLIGHT: usize = 4;

/// How often a pass waiting on answers looks whether it was asked to stop.
const TICK: Duration = Duration::from_millis(50);

/// How long a pass asked to stop still records answers already on their way
/// (inside [`STOP_GRACE`]); a send still in flight after that is left behind.
const STOP_DRAIN: Duration = Duration::from_millis(500);

/// How long a claimed row stays with its desk: longer than the slowest send (the
/// HTTP timeout is at most 120 s), short enough that a desk that died mid-send
/// leaves its row to another desk within minutes.
const LEASE: TimeDelta = TimeDelta::minutes(5);

/// Files outbox rows with one client.
pub struct Deliverer {
    client: Arc<dyn BcareClient>,
    /// Sends under way on their threads (the handle's `stop` looks at it).
    sending: Arc<AtomicUsize>,
    backoff: Backoff,
    rng: Rng,
    officer: String,
    ticket_pattern: Regex,
    /// The desk's language: what the worker stores (the last error, a remark) is
    /// worded in it.
    lang: Lang,
    reachable: Option<bool>,
    follower: Option<super::followup::Follower>,
    /// Recorded on the events this worker writes.
    desk: String,
}

impl Deliverer {
    pub fn new(client: Box<dyn BcareClient>, config: &Config) -> anyhow::Result<Deliverer> {
        Ok(Deliverer {
            client: Arc::from(client),
            sending: Arc::new(AtomicUsize::new(0)),
            backoff: Backoff::default(),
            rng: Rng::from_entropy(),
            officer: config.officer_name(),
            ticket_pattern: Regex::new(&config.bcare.ticket_pattern)?,
            lang: config.desk.lang,
            reachable: None,
            follower: None,
            desk: super::desk_name(config),
        })
    }

    /// Also follows tickets at Dir. IKC on the `[followup]` schedule.
    pub fn with_follower(mut self, follower: super::followup::Follower) -> Deliverer {
        self.follower = Some(follower);
        self
    }

    /// Runs the follow-up poll when it is due; the status changes as messages.
    pub fn follow_up_if_due(
        &mut self,
        store: &Store,
        now: DateTime<Utc>,
        stop: &dyn Fn() -> bool,
    ) -> Result<Vec<WorkerEvent>, StoreError> {
        let Some(f) = self.follower.as_mut() else {
            return Ok(Vec::new());
        };
        let Some(r) = f.poll_if_due(&*self.client, store, now, stop)? else {
            return Ok(Vec::new());
        };
        let mut events: Vec<WorkerEvent> = r
            .numbers
            .into_iter()
            .map(|n| WorkerEvent::Delivered {
                reference: n.reference,
                ticket_no: n.ticket_no,
            })
            .collect();
        events.extend(
            r.other_tickets
                .into_iter()
                .map(|o| WorkerEvent::OtherTicket {
                    reference: o.reference,
                    ticket_no: o.ticket_no,
                    kept: o.kept,
                }),
        );
        events.extend(r.changes.into_iter().map(|c| WorkerEvent::StatusChanged {
            reference: c.reference,
            ticket_no: c.ticket_no,
            status: c.after,
            resolved: c.resolved,
        }));
        // Said once per refused token: a poll waiting for a new one has no failure.
        if r.token_expired && !r.failures.is_empty() {
            events.push(WorkerEvent::TokenExpired);
        }
        Ok(events)
    }

    /// Replaces the backoff and its random source (tests use small bases and a seed).
    pub fn with_backoff(mut self, backoff: Backoff, rng: Rng) -> Deliverer {
        self.backoff = backoff;
        self.rng = rng;
        self
    }

    pub fn client_name(&self) -> &'static str {
        self.client.name()
    }

    /// The desk's name on the events this deliverer writes.
    pub(super) fn desk(&self) -> &str {
        &self.desk
    }

    /// How many sends are under way on their threads (a stopping worker waits for them).
    pub(super) fn sends_under_way(&self) -> Arc<AtomicUsize> {
        self.sending.clone()
    }

    /// Asks the client whether BCare answers at all, and says so (the status bar).
    pub(super) fn ask_reachable(&mut self) -> WorkerEvent {
        let reachable = self.client.reachable();
        self.reachable = Some(reachable);
        WorkerEvent::Reachability {
            client: self.client.name().to_string(),
            reachable,
        }
    }

    /// Delivers every pending row due at `now` (up to a batch).
    pub fn deliver_due(
        &mut self,
        store: &Store,
        now: DateTime<Utc>,
    ) -> Result<Vec<WorkerEvent>, StoreError> {
        self.deliver_due_until(store, now, &|| false)
    }

    /// [`Self::deliver_due`], stopping as soon as `stop` says so.
    pub fn deliver_due_until(
        &mut self,
        store: &Store,
        now: DateTime<Utc>,
        stop: &dyn Fn() -> bool,
    ) -> Result<Vec<WorkerEvent>, StoreError> {
        let mut events = Vec::new();
        self.deliver_due_as_answered(store, &|| now, stop, &mut |e| events.push(e))?;
        Ok(events)
    }

    /// Sends due rows, up to [`IN_FLIGHT`] at once, and hands each outcome to
    /// `emit` as soon as it is recorded. Ends when nothing is due and nothing is
    /// in flight, after a batch, or soon after `stop`: a send still in flight then
    /// is left behind (its row stays claimed until the lease ends, and the next
    /// attempt carries the same idempotency key). A send that panicked is raised
    /// here once the others are recorded, for the worker's restart to handle.
    pub fn deliver_due_as_answered(
        &mut self,
        store: &Store,
        clock: &dyn Fn() -> DateTime<Utc>,
        stop: &dyn Fn() -> bool,
        emit: &mut dyn FnMut(WorkerEvent),
    ) -> Result<(), StoreError> {
        let (answers, answered) = mpsc::channel();
        let (mut in_flight, mut claimed) = (0, 0);
        let mut stopped_at: Option<Instant> = None;
        let mut panicked = None;
        loop {
            // One row claimed per free slot, so a lease covers one send: another
            // desk's worker takes the next row meanwhile, never this one.
            while stopped_at.is_none()
                && panicked.is_none()
                && in_flight < IN_FLIGHT
                && claimed < BATCH
                && !stop()
            {
                let now = clock();
                let Some(row) = store
                    .outbox_claim(now, self.client.name(), now + LEASE, 1)?
                    .into_iter()
                    .next()
                else {
                    break;
                };
                claimed += 1;
                in_flight += 1;
                self.send(row, answers.clone());
            }
            if in_flight == 0 {
                break;
            }
            if stopped_at.is_none() && stop() {
                stopped_at = Some(Instant::now());
            }
            if stopped_at.is_some_and(|at| at.elapsed() >= STOP_DRAIN) {
                break;
            }
            let Ok(Answer { row, result }) = answered.recv_timeout(TICK) else {
                continue;
            };
            in_flight -= 1;
            match result {
                Ok(filed) => {
                    for e in self.record(store, &row, filed, clock())? {
                        emit(e);
                    }
                }
                Err(payload) => panicked = panicked.or(Some(payload)),
            }
        }
        if let Some(payload) = panicked {
            std::panic::resume_unwind(payload);
        }
        Ok(())
    }

    /// Files `row` on a thread of its own; the answer comes back on `answers`.
    fn send(&self, row: OutboxRow, answers: Sender<Answer>) {
        let client = self.client.clone();
        let sending = Sending::start(&self.sending);
        // Named as the worker: a panic in it is the worker's (see the hook).
        let spawned = std::thread::Builder::new().name(THREAD_NAME.into()).spawn({
            let row = row.clone();
            let answers = answers.clone();
            move || {
                let _sending = sending;
                let result = std::panic::catch_unwind(AssertUnwindSafe(|| file(&*client, &row)));
                let _ = answers.send(Answer { row, result });
            }
        });
        if let Err(e) = spawned {
            // No thread to be had: sent here, slower but never lost.
            tracing::warn!(error = %e, "no thread for a BCare send; sending in turn");
            let _sending = Sending::start(&self.sending);
            let result = std::panic::catch_unwind(AssertUnwindSafe(|| file(&*self.client, &row)));
            let _ = answers.send(Answer { row, result });
        }
    }

    /// Delivers one complaint's pending rows now, due or not (`outbox retry`, `--wait`).
    pub fn deliver_complaint(
        &mut self,
        store: &Store,
        complaint_id: i64,
        now: DateTime<Utc>,
    ) -> Result<Vec<WorkerEvent>, StoreError> {
        let mut events = Vec::new();
        for row in store.outbox_of(complaint_id)? {
            if row.state == OutboxState::Pending && row.client == self.client.name() {
                events.extend(self.deliver(store, &row, now)?);
            }
        }
        Ok(events)
    }

    /// Files one row here and now and records the outcome. Returns the
    /// delivery's event, preceded by a reachability change when there was one.
    pub fn deliver(
        &mut self,
        store: &Store,
        row: &OutboxRow,
        now: DateTime<Utc>,
    ) -> Result<Vec<WorkerEvent>, StoreError> {
        let filed = file(&*self.client, row);
        self.record(store, row, filed, now)
    }

    /// Records what filing `row` gave: the ticket (in one transaction with the
    /// complaint's step), or the failed attempt and what comes next.
    fn record(
        &mut self,
        store: &Store,
        row: &OutboxRow,
        filed: Result<Filed, BcareError>,
        now: DateTime<Utc>,
    ) -> Result<Vec<WorkerEvent>, StoreError> {
        let client = self.client.name();
        let result = filed.and_then(|filed| match filed {
            Filed::Ticket { ticket_no, .. } => {
                validate::ticket_no(&ticket_no, &self.ticket_pattern).map_err(|e| {
                    BcareError::Malformed(M::BcareTicketNumber(self.lang, e.text(self.lang)))
                })
            }
            Filed::Pending => Err(BcareError::Setup(
                M::PortalFilesByHand.get(self.lang).into(),
            )),
        });
        let mut events = Vec::new();
        let reachable = !matches!(
            result,
            Err(BcareError::Refused(_)
                | BcareError::Connection(_)
                | BcareError::Timeout(_)
                | BcareError::Certificate(_))
        );
        if self.reachable != Some(reachable) {
            self.reachable = Some(reachable);
            events.push(WorkerEvent::Reachability {
                client: client.to_string(),
                reachable,
            });
        }
        match result {
            Ok((ticket_no, warning)) => {
                let delivered = DeliveredTicket {
                    ticket_no: ticket_no.clone(),
                    at: now,
                    officer: self.officer.clone(),
                    client: client.to_string(),
                    remark: warning,
                };
                let outcome = ticket_delivered(store, row.id, &delivered)?;
                tracing::info!(reference = %row.reference, client, ?outcome, "report delivered to BCare");
                events.push(WorkerEvent::Delivered {
                    reference: row.reference.clone(),
                    ticket_no,
                });
            }
            Err(e) => {
                let retry = e.retryable();
                let next = if retry {
                    let attempt = u32::try_from(row.attempts).unwrap_or(u32::MAX);
                    let wait = self.backoff.delay(attempt, e.retry_after(), &mut self.rng);
                    next_attempt(now, wait)
                } else {
                    now
                };
                // Stored and shown: BCare's words, cleaned and bounded.
                let text = crate::bcare::from_bcare(&e.text(self.lang));
                store.outbox_attempt_failed(row.id, &text, next, !retry)?;
                tracing::warn!(
                    reference = %row.reference,
                    client,
                    class = e.class(),
                    attempts = row.attempts + 1,
                    retry,
                    "delivery to BCare failed"
                );
                events.push(WorkerEvent::Failed {
                    reference: row.reference.clone(),
                    error: text,
                    next_attempt_at: retry.then_some(next),
                });
            }
        }
        Ok(events)
    }
}

/// The worker's thread, and its sends' threads: a panic on one is the worker's.
pub(super) const THREAD_NAME: &str = "bcare-worker";

/// One send's answer, back from its thread: Err when the send panicked.
struct Answer {
    row: OutboxRow,
    result: std::thread::Result<Result<Filed, BcareError>>,
}

/// Counts a send while it is under way, even one that panics.
struct Sending(Arc<AtomicUsize>);

impl Sending {
    fn start(count: &Arc<AtomicUsize>) -> Sending {
        count.fetch_add(1, Ordering::SeqCst);
        Sending(count.clone())
    }
}

impl Drop for Sending {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Files one queued report with `client` under its idempotency key.
fn file(client: &dyn BcareClient, row: &OutboxRow) -> Result<Filed, BcareError> {
    tracing::debug!(reference = %row.reference, client = client.name(), attempts = row.attempts, "filing a report with BCare");
    match serde_json::from_str::<BcareReport>(&row.payload) {
        Ok(report) => client.file(&row.idempotency_key, &report),
        Err(e) => Err(BcareError::Setup(format!(
            "the queued report cannot be read: {e}"
        ))),
    }
}

/// Langkah 3 done by the BCare worker: BCare gave a ticket number for a queued
/// report. The workflow decides, inside the store's transaction, whether the
/// complaint takes the number: only a forwarded complaint does (recording a ticket
/// is a legal step from there); one that moved on meanwhile keeps what it has and
/// the event notes BCare's number. A free function over a `Store` because the
/// worker runs on its own connection, without the rest of the desk.
pub fn ticket_delivered(
    store: &Store,
    row_id: i64,
    t: &DeliveredTicket,
) -> std::result::Result<Delivery, StoreError> {
    store.outbox_delivered(row_id, t, |stage| {
        stage == Stage::Forwarded
            && workflow::check(stage, Step::RecordTicket) == Ok(Stage::Ticketed)
    })
}

/// The outbox as the screen and the command line see it and drive it.
impl Desk {
    /// Reports not yet accepted by BCare (pending or failed), with their attempts
    /// and last error.
    pub fn outbox_waiting(&self, limit: usize) -> DeskResult<Vec<OutboxRow>> {
        Ok(self.store.outbox_waiting(limit)?)
    }

    /// One complaint's deliveries, newest first.
    pub fn outbox_of(&self, complaint_id: i64) -> DeskResult<Vec<OutboxRow>> {
        Ok(self.store.outbox_of(complaint_id)?)
    }

    /// `outbox retry`: makes the complaint's waiting report due now (a failed one
    /// pending again). False when nothing of it waits.
    pub fn retry_now(&self, complaint_id: i64) -> DeskResult<bool> {
        Ok(self.store.outbox_retry_now(complaint_id, self.now())? > 0)
    }

    /// Files the complaint's pending reports here and now with the configured
    /// client, due or not, and records each outcome.
    pub fn deliver_now(&self, complaint_id: i64) -> DeskResult<Vec<WorkerEvent>> {
        let mut d = self.deliverer()?;
        Ok(d.deliver_complaint(&self.store, complaint_id, self.now())?)
    }

    /// `forward --wait`: the delivery of one complaint's report as a job for a
    /// thread of its own, on a connection of its own (the desk's stays free). It
    /// tries, sleeps the backoff, and tries again until the report is no longer
    /// pending or `give_up_at` passes; `retrying` hears each attempt's error.
    pub fn delivery_job(
        &self,
        complaint_id: i64,
        give_up_at: Instant,
        retrying: impl Fn(&str) + Send + 'static,
    ) -> DeskResult<impl FnOnce() -> DeskResult<Vec<WorkerEvent>> + Send + 'static> {
        let d = self.deliverer()?;
        let mut store = Store::open_existing_at(self.store.location())?;
        store.set_desk(&super::desk_name(&self.config));
        let clock = self.clock();
        Ok(move || deliver_until(&store, d, &clock, complaint_id, give_up_at, &retrying))
    }

    /// A deliverer with the configured client.
    fn deliverer(&self) -> DeskResult<Deliverer> {
        Ok(Deliverer::new(
            crate::bcare::client_from_config(&self.config, self.clock())?,
            &self.config,
        )?)
    }
}

#[cfg(test)]
impl Desk {
    /// What the worker records after a failed send it will try again: for tests
    /// of the screen that play the worker's part.
    pub(crate) fn attempt_failed(
        &self,
        row_id: i64,
        error: &str,
        next_attempt_at: DateTime<Utc>,
    ) -> DeskResult<()> {
        Ok(self
            .store
            .outbox_attempt_failed(row_id, error, next_attempt_at, false)?)
    }
}

/// The delivery side of `--wait`: tries, sleeps the backoff, tries again, until
/// the row is no longer pending or `give_up_at` passes.
fn deliver_until(
    store: &Store,
    mut d: Deliverer,
    clock: &Clock,
    complaint_id: i64,
    give_up_at: Instant,
    retrying: &dyn Fn(&str),
) -> DeskResult<Vec<WorkerEvent>> {
    loop {
        let events = d.deliver_complaint(store, complaint_id, clock())?;
        let pending = store
            .outbox_of(complaint_id)?
            .into_iter()
            .find(|r| r.state == OutboxState::Pending);
        let Some(row) = pending else {
            return Ok(events);
        };
        let remaining = give_up_at.saturating_duration_since(Instant::now());
        if remaining.is_zero() {
            return Ok(events);
        }
        if let Some(err) = &row.last_error {
            retrying(err);
        }
        // Sleep the backoff measured from now, so a fixed (training) clock still waits.
        let wait = row
            .next_attempt_at
            .signed_duration_since(clock())
            .to_std()
            .unwrap_or(Duration::ZERO)
            .max(Duration::from_millis(100));
        std::thread::sleep(wait.min(remaining));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_next_attempt_rounds_up_and_never_overflows() {
        let now = Utc.with_ymd_and_hms(2026, 11, 30, 1, 0, 0).unwrap();
        assert_eq!(next_attempt(now, Duration::ZERO), now);
        assert_eq!(
            next_attempt(now, Duration::from_millis(1)),
            now + TimeDelta::seconds(1)
        );
        assert_eq!(
            next_attempt(now, Duration::from_secs(300)),
            now + TimeDelta::seconds(300)
        );
        assert_eq!(next_attempt(now, Duration::MAX), DateTime::<Utc>::MAX_UTC);
        assert_eq!(
            next_attempt(now, Duration::from_secs(i64::MAX as u64)),
            DateTime::<Utc>::MAX_UTC
        );
    }
}
