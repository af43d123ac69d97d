//! The BCare worker: a background thread with its own connection that runs the
//! outbox's passes ([`Deliverer`]) and the follow-up's polls on their schedules,
//! reports each outcome by message, so the screen never waits on the network,
//! and survives its own panics.

use super::followup::Follower;
use super::outbox::{BATCH, Deliverer, THREAD_NAME, WorkerEvent};
use super::{Clock, Desk};
use crate::bcare::backoff::{Backoff, Rng};
use crate::config::{ClientKind, Config};
use crate::store::{Location, Store};
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, Once};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

enum Control {
    Nudge,
    Stop,
}

/// How long `stop` waits for the worker before leaving it behind: a call to a
/// BCare that hangs must not hold the officer's quit.
const STOP_GRACE: Duration = Duration::from_millis(800);

/// The background worker. Dropping it asks the thread to stop.
pub struct WorkerHandle {
    pub events: Receiver<WorkerEvent>,
    control: Sender<Control>,
    stopping: Arc<AtomicBool>,
    /// The worker's sends still under way.
    sending: Arc<AtomicUsize>,
    thread: Option<JoinHandle<()>>,
}

impl WorkerHandle {
    /// Deliver due rows now (after a forward, or when the officer asks).
    pub fn nudge(&self) {
        let _ = self.control.send(Control::Nudge);
    }

    /// Stops the thread: it stops claiming rows and inside its waits. A call to
    /// BCare still in flight after [`STOP_GRACE`] is abandoned (its thread is
    /// detached and dies with the process); its report stays queued and the next
    /// attempt carries the same idempotency key, so no second ticket is made.
    /// Returns whether the worker and every send it began finished in time.
    pub fn stop(mut self) -> bool {
        self.stopping.store(true, Ordering::SeqCst);
        let _ = self.control.send(Control::Stop);
        let Some(t) = self.thread.take() else {
            return true;
        };
        let until = Instant::now() + STOP_GRACE;
        let done = |t: &JoinHandle<()>| t.is_finished() && self.sending.load(Ordering::SeqCst) == 0;
        while !done(&t) && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(10));
        }
        let finished = done(&t);
        if t.is_finished() {
            let _ = t.join();
        }
        if finished {
            true
        } else {
            tracing::warn!(
                "the BCare worker was left with a call in flight; its report stays queued"
            );
            false
        }
    }
}

impl Drop for WorkerHandle {
    fn drop(&mut self) {
        self.stopping.store(true, Ordering::SeqCst);
        let _ = self.control.send(Control::Stop);
    }
}

/// Tuning for [`spawn_with`].
#[derive(Debug, Clone)]
pub struct WorkerOptions {
    pub backoff: Backoff,
    /// Seed for the jitter; None draws one.
    pub seed: Option<u64>,
    /// Longest sleep between passes: rows written by another connection (the TUI's
    /// forward without a nudge, another window) are found within this.
    pub poll: Duration,
    /// The desk's calendar, for the follow-up schedule (working hours only);
    /// None: the built-in one.
    pub calendar: Option<crate::domain::calendar::WorkCalendar>,
}

impl Default for WorkerOptions {
    fn default() -> Self {
        WorkerOptions {
            backoff: Backoff::default(),
            seed: None,
            poll: Duration::from_secs(30),
            calendar: None,
        }
    }
}

/// A background thread with its OWN `Store` connection to `db` (SQLite WAL allows it;
/// `Store` is not Sync). It delivers due outbox rows and reports by message. Never
/// blocks the caller.
pub fn spawn(
    db: impl Into<Location>,
    config: Config,
    clock: Clock,
) -> anyhow::Result<WorkerHandle> {
    spawn_with(db, config, clock, WorkerOptions::default())
}

pub fn spawn_with(
    db: impl Into<Location>,
    config: Config,
    clock: Clock,
    mut opts: WorkerOptions,
) -> anyhow::Result<WorkerHandle> {
    if config.bcare.client == ClientKind::Ceisacare {
        // Awake at least every `poll_seconds`: a complaint waiting for its number
        // is looked for that often.
        opts.poll = opts
            .poll
            .min(Duration::from_secs(config.ceisacare.poll_seconds));
    }
    // Portal rows are filed by hand: no client to run, but the handle still works.
    let deliverer = match config.bcare.client {
        ClientKind::Portal => None,
        _ => {
            let rng = opts.seed.map(Rng::new).unwrap_or_else(Rng::from_entropy);
            let calendar = opts
                .calendar
                .unwrap_or_else(crate::domain::calendar::WorkCalendar::builtin);
            let follower = Follower::new(&config, calendar);
            Some(
                Deliverer::new(
                    crate::bcare::client_from_config(&config, clock.clone())?,
                    &config,
                )?
                .with_backoff(opts.backoff, rng)
                .with_follower(follower),
            )
        }
    };
    spawn_deliverer(db, deliverer, clock, opts.poll)
}

/// Runs `deliverer` on the background thread (None: a handle with no traffic).
pub fn spawn_deliverer(
    db: impl Into<Location>,
    deliverer: Option<Deliverer>,
    clock: Clock,
    poll: Duration,
) -> anyhow::Result<WorkerHandle> {
    // Opened here so a bad path is the caller's error, not a silent thread death.
    let mut store = Store::open_at(&db.into())?;
    if let Some(d) = &deliverer {
        store.set_desk(d.desk());
    }
    let (events_tx, events) = mpsc::channel();
    let (control, control_rx) = mpsc::channel();
    let stopping = Arc::new(AtomicBool::new(false));
    let sending = deliverer
        .as_ref()
        .map_or_else(Arc::default, Deliverer::sends_under_way);
    let flag = stopping.clone();
    contain_worker_panics();
    let thread = std::thread::Builder::new()
        .name(THREAD_NAME.into())
        .spawn(move || {
            if let Some(d) = deliverer {
                run(store, d, clock, poll, events_tx, control_rx, flag);
            } else {
                while let Ok(Control::Nudge) = control_rx.recv() {}
            }
        })?;
    Ok(WorkerHandle {
        events,
        control,
        stopping,
        sending,
        thread: Some(thread),
    })
}

/// Where the worker's last panic happened (set by the hook, read by the loop).
static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

/// A panic on the worker thread is the worker's business: it is logged (where,
/// never what: a message could quote a complaint) and the loop restarts. Without
/// this the screen's hook would restore the terminal mid-session. Panics on any
/// other thread go to the hook that was there before.
fn contain_worker_panics() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if std::thread::current().name() == Some(THREAD_NAME) {
                let at = info
                    .location()
                    .map(|l| format!("{}:{}", l.file(), l.line()))
                    .unwrap_or_else(|| "?".into());
                tracing::error!(at = %at, "the BCare worker panicked; it restarts");
                if let Ok(mut last) = LAST_PANIC.lock() {
                    *last = Some(at);
                }
            } else {
                previous(info);
            }
        }));
    });
}

/// The pause after the n-th panic in a row: 1 s, 2 s, 4 s … up to `poll`.
fn crash_pause(crashes: u32, poll: Duration) -> Duration {
    Duration::from_secs(1u64 << crashes.min(16)).min(poll.max(Duration::from_secs(1)))
}

fn run(
    store: Store,
    mut deliverer: Deliverer,
    clock: Clock,
    poll: Duration,
    events: Sender<WorkerEvent>,
    control: Receiver<Control>,
    stopping: Arc<AtomicBool>,
) {
    let stop = || stopping.load(Ordering::SeqCst);
    let mut crashes = 0u32;
    let mut first = true;
    // Told as they happen, not at the end of a pass: a delivered ticket reaches
    // the screen while a slow send is still under way.
    let gone = std::cell::Cell::new(false);
    let mut emit = |e: WorkerEvent| {
        if events.send(e).is_err() {
            gone.set(true);
        }
    };
    while !stop() {
        let pass = std::panic::catch_unwind(AssertUnwindSafe(|| {
            if first {
                emit(deliverer.ask_reachable());
            }
            if let Err(e) = deliverer.deliver_due_as_answered(&store, &*clock, &stop, &mut emit) {
                tracing::error!(error = %e, "outbox pass failed");
            }
            if !stop() {
                match deliverer.follow_up_if_due(&store, clock(), &stop) {
                    Ok(evs) => evs.into_iter().for_each(&mut emit),
                    Err(e) => tracing::error!(error = %e, "follow-up poll failed"),
                }
            }
            // Asleep until the next row is workable (due, and not held by another
            // desk's worker), at most `poll`: a row leased elsewhere is not polled for.
            match store.outbox_pending(BATCH) {
                Ok(rows) => rows
                    .iter()
                    .map(|r| {
                        r.workable_at()
                            .signed_duration_since(clock())
                            .to_std()
                            .unwrap_or(Duration::ZERO)
                    })
                    .min()
                    .unwrap_or(poll)
                    .min(poll),
                Err(_) => poll,
            }
        }));
        let wait = match pass {
            Ok(wait) => {
                first = false;
                crashes = 0;
                if gone.get() {
                    return;
                }
                wait
            }
            Err(_) => {
                crashes = crashes.saturating_add(1);
                // The row it was sending is due again at once, not when its lease ends.
                if let Err(e) = store.outbox_release_claims() {
                    tracing::error!(error = %e, "releasing the worker's claims failed");
                }
                let at = LAST_PANIC
                    .lock()
                    .ok()
                    .and_then(|mut l| l.take())
                    .unwrap_or_else(|| "?".into());
                let message = format!("BCare worker failed ({at}); restarting");
                emit(WorkerEvent::Crashed { message });
                if gone.get() {
                    return;
                }
                crash_pause(crashes, poll)
            }
        };
        // Never spin: a row due "now" is tried again no sooner than this.
        match control.recv_timeout(wait.max(Duration::from_millis(50))) {
            Ok(Control::Nudge) | Err(RecvTimeoutError::Timeout) => {}
            Ok(Control::Stop) | Err(RecvTimeoutError::Disconnected) => return,
        }
    }
}

impl Desk {
    /// The BCare worker on a thread and a connection of its own, on this desk's
    /// database, clock and calendar (the follow-up counts working hours only).
    pub fn start_worker(&self) -> anyhow::Result<WorkerHandle> {
        spawn_with(
            self.store.location(),
            self.config.clone(),
            self.clock(),
            WorkerOptions {
                calendar: Some(self.calendar.clone()),
                ..Default::default()
            },
        )
    }
}
