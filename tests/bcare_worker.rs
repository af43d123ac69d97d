//! The background worker as a citizen of the desk: it stops between rows and inside
//! waits, the officer's quit never waits on BCare, and a panic is caught, reported
//! and followed by a restart.

mod bcare_support;

use bcare_desk::bcare::{BcareClient, BcareError, BcareReport, Filed, TicketStatus};
use bcare_desk::desk::outbox::{Deliverer, WorkerEvent};
use bcare_desk::desk::worker::spawn_deliverer;
use bcare_desk::domain::complaint::Stage;
use bcare_desk::store::OutboxState;
use bcare_support::Bench;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

/// A BCare double: each call to `file` says it began (when `began` is set),
/// then takes `delay` or, with `hang`, waits for a permit that never comes (the
/// test holds the sender); calls listed in `panic_on` (0-based) panic instead.
#[derive(Default)]
struct Double {
    calls: Arc<AtomicUsize>,
    delay: Duration,
    hang: Option<Mutex<mpsc::Receiver<()>>>,
    began: Option<mpsc::Sender<usize>>,
    panic_on: Vec<usize>,
}

impl BcareClient for Double {
    fn name(&self) -> &'static str {
        "http"
    }
    fn file(&self, key: &str, _: &BcareReport) -> Result<Filed, BcareError> {
        let n = self.calls.fetch_add(1, Ordering::SeqCst);
        if let Some(began) = &self.began {
            let _ = began.send(n);
        }
        if self.panic_on.contains(&n) {
            panic!("double told to panic on call {n}");
        }
        if let Some(hang) = &self.hang {
            let _ = hang.lock().map(|permits| permits.recv());
        }
        // A BCare that takes its time, on purpose.
        std::thread::sleep(self.delay);
        let digits: String = key.chars().filter(char::is_ascii_digit).collect();
        Ok(Filed::Ticket {
            ticket_no: format!("T{:0>9}", &digits[digits.len().saturating_sub(9)..]),
            status: "open".into(),
        })
    }
    fn status(&self, _: &str) -> Result<TicketStatus, BcareError> {
        Err(BcareError::Unsupported("double"))
    }
    fn reachable(&self) -> bool {
        true
    }
}

fn bench() -> Bench {
    Bench::http("http://127.0.0.1:9")
}

fn deliverer(b: &Bench, double: Double) -> Deliverer {
    Deliverer::new(Box::new(double), &b.config).unwrap()
}

/// Events until `want` says enough, or `limit` passes.
fn events_until(
    rx: &std::sync::mpsc::Receiver<WorkerEvent>,
    limit: Duration,
    want: impl Fn(&[WorkerEvent]) -> bool,
) -> Vec<WorkerEvent> {
    let until = Instant::now() + limit;
    let mut seen = Vec::new();
    while !want(&seen) {
        let left = until.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(e) => seen.push(e),
            Err(_) => break,
        }
    }
    seen
}

#[test]
fn a_panic_in_the_worker_is_reported_and_the_worker_restarts_and_delivers() {
    let mut b = bench();
    let reference = b.intake_and_forward("Panik");
    let calls = Arc::new(AtomicUsize::new(0));
    let d = deliverer(
        &b,
        Double {
            calls: calls.clone(),
            panic_on: vec![0],
            ..Double::default()
        },
    );
    let w = spawn_deliverer(b.db.clone(), Some(d), b.clock(), Duration::from_secs(30)).unwrap();
    let seen = events_until(&w.events, Duration::from_secs(10), |s| {
        s.iter().any(|e| matches!(e, WorkerEvent::Delivered { .. }))
    });
    let crashed = seen
        .iter()
        .position(|e| matches!(e, WorkerEvent::Crashed { .. }))
        .unwrap_or_else(|| panic!("no Crashed event: {seen:?}"));
    let delivered = seen
        .iter()
        .position(|e| matches!(e, WorkerEvent::Delivered { reference: r, .. } if *r == reference))
        .unwrap_or_else(|| panic!("not delivered after the restart: {seen:?}"));
    assert!(crashed < delivered);
    if let WorkerEvent::Crashed { message } = &seen[crashed] {
        assert!(
            message.contains("worker.rs") || message.contains("bcare_worker.rs"),
            "{message}"
        );
    }
    assert!(w.stop());
    assert_eq!(b.desk.get(&reference).unwrap().stage, Stage::Ticketed);
    assert_eq!(calls.load(Ordering::SeqCst), 2);
    let c = b.desk.get(&reference).unwrap();
    let row = b.store().outbox_of(c.id).unwrap().remove(0);
    assert_eq!(row.attempts, 2, "the attempt that panicked counts");
}

#[test]
fn quitting_does_not_wait_for_a_bcare_that_hangs() {
    let mut b = bench();
    let reference = b.intake_and_forward("Hang");
    let (began, call_began) = mpsc::channel();
    let (_never, permits) = mpsc::channel();
    let d = deliverer(
        &b,
        Double {
            hang: Some(Mutex::new(permits)),
            began: Some(began),
            ..Double::default()
        },
    );
    let w = spawn_deliverer(b.db.clone(), Some(d), b.clock(), Duration::from_secs(30)).unwrap();
    let first = call_began.recv_timeout(Duration::from_secs(10));
    assert_eq!(first, Ok(0), "the call is in flight");
    let started = Instant::now();
    let finished = w.stop();
    let took = started.elapsed();
    // The worker's grace is under a second; the call would hang for ever.
    assert!(took < Duration::from_secs(5), "quit took {took:?}");
    assert!(!finished, "the hanging call was left behind");
    let c = b.desk.get(&reference).unwrap();
    assert_eq!(c.stage, Stage::Forwarded);
    let row = b.store().outbox_of(c.id).unwrap().remove(0);
    assert_eq!(row.state, OutboxState::Pending, "the report stays queued");
}

#[test]
fn the_worker_stops_between_rows() {
    let mut b = bench();
    for i in 0..6 {
        b.intake_and_forward(&format!("Antrean {i}"));
    }
    let calls = Arc::new(AtomicUsize::new(0));
    let (began, call_began) = mpsc::channel();
    let d = deliverer(
        &b,
        Double {
            calls: calls.clone(),
            delay: Duration::from_millis(100),
            began: Some(began),
            ..Double::default()
        },
    );
    let w = spawn_deliverer(b.db.clone(), Some(d), b.clock(), Duration::from_secs(30)).unwrap();
    assert_eq!(call_began.recv_timeout(Duration::from_secs(10)), Ok(0));
    // A row of 0.1 s in flight ends well inside the worker's grace (0.8 s).
    assert!(
        w.stop(),
        "the row in flight ends within the grace, then the worker stops"
    );
    let filed = calls.load(Ordering::SeqCst);
    assert!(
        filed < 6,
        "the worker went on through {filed} rows after stop"
    );
    assert_eq!(b.store().outbox_pending(10).unwrap().len(), 6 - filed);
}

#[test]
fn the_worker_stops_inside_its_wait() {
    let b = bench();
    let d = deliverer(&b, Double::default());
    // Nothing due: the worker sleeps its whole poll (an hour) unless told to stop.
    let w = spawn_deliverer(b.db.clone(), Some(d), b.clock(), Duration::from_secs(3600)).unwrap();
    let _ = events_until(&w.events, Duration::from_secs(5), |s| !s.is_empty());
    let started = Instant::now();
    assert!(w.stop(), "stopped within the grace");
    // Not the hour the wait was for.
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn a_report_is_delivered_only_by_the_client_it_was_queued_for() {
    // Queued for the real BCare (http); a simulator must never "file" it and record a
    // made-up number, nor may a training sample queued for the simulator reach BCare.
    let mut b = bench();
    let reference = b.intake_and_forward("Klien Lain");
    let sim = bcare_desk::bcare::sim::SimClient::new(std::sync::Arc::new(
        bcare_desk::bcare::sim::Simulator::new(Default::default()),
    ));
    let mut d = Deliverer::new(Box::new(sim), &b.config).unwrap();
    let store = b.store();
    let far = b.desk.now() + chrono::TimeDelta::days(1);
    assert!(d.deliver_due(store, far).unwrap().is_empty());
    let c = b.desk.get(&reference).unwrap();
    d.deliver_complaint(store, c.id, far).unwrap();
    let c = b.desk.get(&reference).unwrap();
    assert_eq!(
        c.stage,
        Stage::Forwarded,
        "the simulator filed a real report"
    );
    let rows = b.desk.dossier(&reference).unwrap().outbox;
    assert_eq!(rows[0].state, OutboxState::Pending);
    assert_eq!(rows[0].attempts, 0);
}
