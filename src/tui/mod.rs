//! The terminal desk: the officer's screen for the whole procedure.
//!
//! Data flows one way: key → keymap → `Action` → `update(state)` → effects →
//! desk → `Outcome` → state → view. The loop blocks on one channel fed by the
//! terminal reader and the BCare worker, with a 1-second tick for the countdowns:
//! idle costs nothing, and nothing on screen waits for the network.

mod action;
mod app;
mod callers;
mod effect;
mod effects;
mod form;
mod i18n;
mod keymap;
mod notify;
mod outcome;
mod palette;
mod runner;
mod scope;
mod search;
mod selection;
mod shift;
mod theme;
mod update;
mod view;
mod words;
mod work;

#[cfg(test)]
mod tests;

#[cfg(feature = "bench-probes")]
pub use search::{TypingTimes, typing_probe};

use action::Msg;
use anyhow::Context;
use app::{App, Setup};
use crossterm::event::{Event, KeyEventKind};
use effect::Effect;
use outcome::Outcome;
use std::collections::{HashSet, VecDeque};
use std::io::Write;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::desk::Desk;
use crate::domain::intake::IntakeForm;
use crate::domain::msg::Lang;

pub struct TuiOptions {
    pub lang: Lang,
    pub db: crate::desk::Location,
}

/// What wakes the loop.
enum Incoming {
    Terminal(Event),
    /// What the BCare worker reported.
    Worker(Outcome),
    /// What the search thread answered.
    Search(Outcome),
    /// What the desk's thread answered for one piece of work.
    Desk(runner::Answer),
}

const TICK: Duration = Duration::from_secs(1);

#[cfg(feature = "bench-probes")]
static PROCESS_START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();

/// Notes when the process started, for the first-frame bench aid.
#[cfg(feature = "bench-probes")]
pub fn mark_process_start() {
    let _ = PROCESS_START.set(Instant::now());
}
/// How often the desk asks whether another desk, the command line or the worker
/// wrote: SQLite's change counter or PostgreSQL's notifications, no table read.
const WATCH: Duration = Duration::from_millis(250);

fn setup(desk: &Desk, lang: Lang) -> Setup {
    Setup {
        lang,
        offset: desk.calendar().offset(),
        client: desk.config().bcare.client,
        portal_url: desk.config().bcare.portal_url.clone(),
        ticket_pattern: desk.ticket_pattern().clone(),
        categories: desk.categories().clone(),
        calendar_notice: desk.calendar_notice(),
        reader: desk.reader_role().map(str::to_string),
    }
}

/// The saved intake draft, if there is one that still parses.
fn load_draft(desk: &Desk) -> Option<(IntakeForm, chrono::DateTime<chrono::Utc>)> {
    match desk.load_draft(effects::INTAKE_DRAFT) {
        Ok(Some((body, at))) => serde_json::from_str(&body).ok().map(|f| (f, at)),
        Ok(None) => None,
        Err(e) => {
            tracing::warn!(error = %e, "could not read the intake draft");
            None
        }
    }
}

/// Builds the state the desk opens with.
fn open_app(desk: &Desk, lang: Lang, size: (u16, u16)) -> App {
    let mut app = App::new(setup(desk, lang), desk.now(), size);
    app.draft = load_draft(desk);
    if app.setup.client == crate::config::ClientKind::Ceisacare {
        app.token = Some(desk.ceisacare_token());
    }
    app
}

/// Feeds one message through `update` and carries out the effects it asks for,
/// until no more follow. Terminal-side effects (clipboard, worker) go to `side`.
fn dispatch(app: &mut App, desk: &mut Desk, msg: Msg, side: &mut dyn FnMut(Effect)) {
    let mut work: VecDeque<Effect> = update::update(app, msg).into();
    while let Some(effect) = work.pop_front() {
        match effect {
            Effect::Copy(_) | Effect::NudgeWorker | Effect::Search(_) => side(effect),
            other => {
                for outcome in effects::run(desk, app.lang(), other) {
                    work.extend(update::update(app, Msg::Done(outcome)));
                }
            }
        }
    }
}

/// Turns a terminal event into a message for the state in its current scope.
fn translate(app: &App, event: Event) -> Option<Msg> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => {
            let scope = app.scope();
            match keymap::lookup(scope, &key) {
                Some(a) => Some(Msg::Do(a)),
                None if scope.takes_text() => Some(Msg::Type(key)),
                None => None,
            }
        }
        Event::Paste(text) => Some(Msg::Paste(text)),
        Event::Resize(w, h) => Some(Msg::Resize(w, h)),
        _ => None,
    }
}

/// Runs the full integrity check on a thread of its own, after the first frame:
/// opening the desk does not read every page, and the screen must not wait for it.
fn start_integrity_check(desk: &Desk, tx: mpsc::Sender<Incoming>) {
    let check = desk.integrity_check();
    let spawned = std::thread::Builder::new()
        .name("integrity-check".into())
        .spawn(move || {
            let problem = match check() {
                Ok(found) if found == ["ok"] => return,
                Ok(found) => found.join("; "),
                Err(e) => e.to_string(),
            };
            tracing::error!("integrity check failed");
            let _ = tx.send(Incoming::Worker(Outcome::IntegrityFailed(problem)));
        });
    if let Err(e) = spawned {
        tracing::warn!(error = %e, "could not start the integrity check");
    }
}

/// Opens the desk in the terminal; returns when the officer quits. Restores the terminal on panic.
pub fn run(desk: Desk, opts: TuiOptions) -> anyhow::Result<()> {
    tracing::info!(db = %opts.db, "desk opened");
    // try_init installs a panic hook that restores the terminal before the message prints.
    let mut terminal = ratatui::try_init().context("opening the terminal")?;
    let _ = crossterm::execute!(std::io::stdout(), crossterm::event::EnableBracketedPaste);
    let result = event_loop(&mut terminal, desk, &opts);
    let _ = crossterm::execute!(std::io::stdout(), crossterm::event::DisableBracketedPaste);
    ratatui::restore();
    tracing::info!("desk closed");
    result
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    mut desk: Desk,
    opts: &TuiOptions,
) -> anyhow::Result<()> {
    let theme = theme::Theme::from_env();
    let size = terminal.size().context("reading the terminal size")?;
    let mut app = open_app(&desk, opts.lang, (size.width, size.height));

    let (tx, rx) = mpsc::channel::<Incoming>();
    let input_tx = tx.clone();
    let tx_for_check = tx.clone();
    // The terminal reader blocks on its own thread, so the loop can wait on one channel.
    std::thread::Builder::new()
        .name("terminal-input".into())
        .spawn(move || {
            while let Ok(ev) = crossterm::event::read() {
                if input_tx.send(Incoming::Terminal(ev)).is_err() {
                    break;
                }
            }
        })
        .context("starting the terminal reader")?;
    // Paint a frame before the first query so a cold start never looks frozen.
    terminal.draw(|f| view::draw(f, &app, &theme))?;
    let first = update::start(&mut app);
    // The first page's effects read the store only; nothing is sent or searched yet.
    let mut nothing_else = |_: Effect| {};
    for e in first {
        for o in effects::run(&mut desk, app.lang(), e) {
            dispatch(&mut app, &mut desk, Msg::Done(o), &mut nothing_else);
        }
    }
    terminal.draw(|f| view::draw(f, &app, &theme))?;
    // A bench aid: quit once the first page is on screen, writing how long it took
    // from the process's start into the file the variable names
    // (`cargo bench --bench targets`; timing from outside, through a pseudo-terminal,
    // measured the terminal's own delays). Built only with the `bench-probes` feature.
    #[cfg(feature = "bench-probes")]
    if let Some(out) = std::env::var_os("BCARE_DESK_EXIT_AFTER_FIRST_FRAME") {
        let took = PROCESS_START.get().map_or(0, |t| t.elapsed().as_micros());
        let _ = std::fs::write(out, took.to_string());
        return Ok(());
    }
    // The search thread and the worker open their own connections (on a server,
    // sessions of their own): after the first page, which need not wait for them.
    let search_tx = tx.clone();
    let searcher = search::start(opts.db.clone(), opts.lang, move |o| {
        search_tx.send(Incoming::Search(o)).is_ok()
    })?;
    let worker = worker::start(&desk, tx.clone());
    start_integrity_check(&desk, tx_for_check);
    let clock = desk.clock();
    // From here on the desk lives on its own thread: the loop only asks and listens.
    let runner = runner::start(desk, move |answer| tx.send(Incoming::Desk(answer)).is_ok())?;
    let mut desk = Asking {
        runner,
        clock,
        routine: HashSet::new(),
        slow_at: None,
    };
    let mut side = |e: Effect| match e {
        Effect::Copy(text) => {
            let mut out = std::io::stdout();
            let _ = out.write_all(crate::bcare::portal::osc52(&text).as_bytes());
            let _ = out.flush();
        }
        Effect::NudgeWorker => worker::nudge(&worker),
        Effect::Search(q) => searcher.ask(q),
        _ => {}
    };

    let mut next_tick = Instant::now() + TICK;
    let mut next_watch = Instant::now() + WATCH;
    while !app.quit {
        let mut wake = next_tick.min(next_watch);
        if let Some(at) = desk.slow_at {
            wake = wake.min(at);
        }
        let wait = wake.saturating_duration_since(Instant::now());
        let mut changed = false;
        match rx.recv_timeout(wait) {
            Ok(incoming) => {
                let mut batch = vec![incoming];
                // Drain what is queued before drawing: a paste or key repeat draws once.
                batch.extend(rx.try_iter());
                for incoming in batch {
                    let msg = match incoming {
                        Incoming::Terminal(ev) => translate(&app, ev),
                        Incoming::Worker(outcome) | Incoming::Search(outcome) => {
                            Some(Msg::Done(outcome))
                        }
                        Incoming::Desk(answer) => {
                            changed |= desk.answered(&mut app, answer, &mut side);
                            None
                        }
                    };
                    if let Some(msg) = msg {
                        desk.dispatch(&mut app, msg, &mut side);
                        changed = true;
                    }
                }
            }
            Err(mpsc::RecvTimeoutError::Timeout)
                if desk.slow_at.is_some_and(|at| Instant::now() >= at) =>
            {
                desk.slow_at = None;
                desk.dispatch(&mut app, Msg::Slow, &mut side);
                changed = true;
            }
            Err(mpsc::RecvTimeoutError::Timeout) if Instant::now() >= next_tick => {
                next_tick = Instant::now() + TICK;
                next_watch = Instant::now() + WATCH;
                let now = (desk.clock)();
                desk.dispatch(&mut app, Msg::Tick(now), &mut side);
                changed = true;
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                next_watch = Instant::now() + WATCH;
                // Drawn only when its answer brings a change.
                desk.dispatch(&mut app, Msg::Watch, &mut side);
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
        if changed {
            terminal.draw(|f| view::draw(f, &app, &theme))?;
        }
    }
    // What was asked before quitting (the draft among it) is written first.
    desk.runner.finish();
    worker::stop(worker);
    Ok(())
}

/// The loop's side of the desk's thread: what it asked and has not heard back.
struct Asking {
    runner: runner::Runner,
    clock: crate::desk::Clock,
    /// Routine work (countdowns, counts, the change counter) asked and not answered:
    /// not asked again until it is, so a held database does not pile it up.
    routine: HashSet<std::mem::Discriminant<Effect>>,
    /// When unanswered work turns into the "working" mark.
    slow_at: Option<Instant>,
}

impl Asking {
    /// Feeds one message through `update` and hands the work it asks for to the
    /// desk's thread; terminal-side effects (clipboard, worker, search) go to `side`.
    fn dispatch(&mut self, app: &mut App, msg: Msg, side: &mut dyn FnMut(Effect)) {
        for effect in update::update(app, msg) {
            match effect {
                Effect::Copy(_) | Effect::NudgeWorker | Effect::Search(_) => side(effect),
                effect => self.ask(app, effect),
            }
        }
    }

    fn ask(&mut self, app: &mut App, effect: Effect) {
        if effect.is_routine() && !self.routine.insert(std::mem::discriminant(&effect)) {
            return;
        }
        let job = work::Job {
            step: effect.is_step(),
        };
        update::update(app, Msg::Posted(job, (self.clock)()));
        self.slow_at
            .get_or_insert_with(|| Instant::now() + work::SLOW_AFTER);
        self.runner.post(effect, app.lang());
    }

    /// An answer from the desk's thread: its outcomes, then the work settled.
    /// True when the screen needs drawing (a change counter that did not move
    /// does not: an idle desk draws nothing).
    fn answered(
        &mut self,
        app: &mut App,
        answer: runner::Answer,
        side: &mut dyn FnMut(Effect),
    ) -> bool {
        let quiet = answer
            .outcomes
            .iter()
            .all(|o| matches!(o, Outcome::DataVersion(_)));
        let (version, slow) = (app.data_version, app.work.slow);
        self.routine.remove(&answer.kind);
        for outcome in answer.outcomes {
            self.dispatch(app, Msg::Done(outcome), side);
        }
        self.dispatch(app, Msg::Settled(answer.job), side);
        // The next work in line started now: it gets its own blink before the mark.
        self.slow_at = (app.work.in_flight > 0).then(|| Instant::now() + work::SLOW_AFTER);
        !quiet || app.data_version != version || app.work.slow != slow
    }
}

/// The BCare worker, when the configured client needs one (http, sim). With the
/// portal client the officer files by hand and there is no worker traffic.
mod worker {
    use super::Incoming;
    use super::outcome::Outcome;
    use crate::config::ClientKind;
    use crate::desk::Desk;
    use crate::desk::outbox::WorkerEvent;
    use crate::desk::worker::WorkerHandle;
    use crate::domain::when::short_local;
    use std::sync::mpsc::{self, Sender};

    /// Starts the worker on its own connection and a bridge thread that turns its
    /// events into outcomes on the loop's channel.
    pub fn start(desk: &Desk, tx: Sender<Incoming>) -> Option<WorkerHandle> {
        // A reader's desk sends nothing: the officers' desks deliver.
        if desk.config().bcare.client == ClientKind::Portal || desk.reader_role().is_some() {
            return None;
        }
        let mut handle = match desk.start_worker() {
            Ok(h) => h,
            Err(e) => {
                // The queue still fills; `bcare-desk outbox` shows what waits.
                tracing::error!(error = %e, "the BCare worker did not start");
                return None;
            }
        };
        let (_, idle) = mpsc::channel();
        let events = std::mem::replace(&mut handle.events, idle);
        let offset = desk.calendar().offset();
        std::thread::Builder::new()
            .name("bcare-events".into())
            .spawn(move || {
                for event in events {
                    let outcome = match event {
                        WorkerEvent::Delivered {
                            reference,
                            ticket_no,
                        } => Outcome::Delivered {
                            reference,
                            ticket_no,
                        },
                        WorkerEvent::Failed {
                            reference,
                            error,
                            next_attempt_at,
                        } => Outcome::SendFailed {
                            reference,
                            error,
                            retry_at: next_attempt_at.map(|at| short_local(at, offset)),
                        },
                        WorkerEvent::Reachability { reachable, .. } => {
                            Outcome::Reachability(reachable)
                        }
                        WorkerEvent::Crashed { message } => Outcome::Failed(message),
                        // Follow-up changes show in `bcare-desk followup`; the
                        // screen's own follow-up view is still to come.
                        WorkerEvent::StatusChanged { .. } => continue,
                        WorkerEvent::TokenExpired => Outcome::TokenRefused,
                        // Said by `followup --poll` and `outbox deliver`, and in the log.
                        WorkerEvent::OtherTicket { .. } => continue,
                    };
                    if tx.send(Incoming::Worker(outcome)).is_err() {
                        break;
                    }
                }
            })
            .map_err(|e| tracing::error!(error = %e, "the BCare event bridge did not start"))
            .ok()?;
        Some(handle)
    }

    pub fn nudge(w: &Option<WorkerHandle>) {
        if let Some(w) = w {
            w.nudge();
        }
    }

    /// Quits within a second: a worker stuck on BCare is left behind.
    pub fn stop(w: Option<WorkerHandle>) {
        if let Some(w) = w {
            w.stop();
        }
    }
}
