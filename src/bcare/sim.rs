//! The BCare simulator: issues ticket numbers in the CEISA Care shape (one letter,
//! nine hex digits), remembers idempotency keys, and fails on purpose when asked —
//! for training, demos and tests. [`SimClient`] uses it in-process;
//! [`super::server`] serves it over HTTP with the same contract.

use super::backoff::Rng;
use super::{BcareClient, BcareError, BcareReport, Filed, TicketStatus};
use chrono::{DateTime, TimeDelta, Utc};
use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Where the simulator's "now" comes from: the same shape as the desk's clock, so
/// a desk with an injected clock hands it over as it is, and a test moves both
/// with one step instead of sleeping until a ticket resolves.
pub type Clock = Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>;

/// Status of a freshly created ticket.
pub const OPEN: &str = "open";
/// Status once Dir. IKC is working on it (half-way to `resolve_after`).
pub const IN_PROGRESS: &str = "in progress";
/// Status once `resolve_after` has passed.
pub const RESOLVED: &str = "resolved";

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SimSettings {
    /// Wait before answering.
    pub delay: Duration,
    /// Share of requests answered 503, drawn from the seeded generator.
    pub fail_rate: f64,
    pub seed: u64,
    /// A ticket reads "in progress" after half of this and "resolved" after all of
    /// it, so training and tests see a ticket's whole life; None: open for ever.
    pub resolve_after: Option<Duration>,
}

impl Default for SimSettings {
    fn default() -> Self {
        SimSettings {
            delay: Duration::ZERO,
            fail_rate: 0.0,
            seed: 1,
            resolve_after: None,
        }
    }
}

/// A failure the simulator plays for the next request, in order (tests and drills).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// Answer with this status and a JSON error body.
    Status(u16),
    /// 429 with `Retry-After` in seconds.
    TooManyRequests { retry_after_secs: u64 },
    /// Create the ticket, then close the connection without answering.
    DropAnswer,
    /// Wait this long, then create the ticket and answer to whoever still listens
    /// (set it longer than the client's time-out).
    Stall(Duration),
    /// Answer 201 with a body that is not the contract's JSON.
    Malformed,
}

/// What the simulator decided for one request to create a ticket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// `created` is false when the key was seen before (same ticket again).
    Ticket {
        ticket_no: String,
        status: String,
        created: bool,
    },
    Fault(Fault),
}

#[derive(Debug, Default)]
struct State {
    /// Idempotency key → ticket number.
    by_key: HashMap<String, String>,
    /// Ticket number → its life at Dir. IKC.
    tickets: HashMap<String, Ticket>,
    faults: VecDeque<Fault>,
    /// Failures for one report's requests (its idempotency key), played before
    /// the shared ones: reports sent at once meet their own.
    faults_for: HashMap<String, VecDeque<Fault>>,
    requests: usize,
}

#[derive(Debug, Clone)]
struct Ticket {
    issued: DateTime<Utc>,
    /// A status set by a drill; otherwise it follows `resolve_after`.
    set: Option<String>,
}

pub struct Simulator {
    settings: SimSettings,
    rng: Mutex<Rng>,
    state: Mutex<State>,
    clock: Clock,
}

impl std::fmt::Debug for Simulator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Simulator")
            .field("settings", &self.settings)
            .field("state", &self.state)
            .finish_non_exhaustive()
    }
}

impl Simulator {
    /// A simulator on the wall clock.
    pub fn new(settings: SimSettings) -> Simulator {
        Simulator::with_clock(settings, Arc::new(Utc::now))
    }

    /// A simulator whose tickets age by `clock` (`resolve_after` counts on it).
    pub fn with_clock(settings: SimSettings, clock: Clock) -> Simulator {
        Simulator {
            rng: Mutex::new(Rng::new(settings.seed)),
            settings,
            state: Mutex::new(State::default()),
            clock,
        }
    }

    pub fn settings(&self) -> SimSettings {
        self.settings
    }

    /// Queues failures for the next requests, played in order before normal service.
    pub fn push_faults(&self, faults: impl IntoIterator<Item = Fault>) {
        self.lock().faults.extend(faults);
    }

    /// Queues failures for the next requests carrying `key`, in order.
    pub fn push_faults_for(&self, key: &str, faults: impl IntoIterator<Item = Fault>) {
        self.lock()
            .faults_for
            .entry(key.to_string())
            .or_default()
            .extend(faults);
    }

    /// How many ticket-creating requests arrived (faulty ones included).
    pub fn requests(&self) -> usize {
        self.lock().requests
    }

    /// How many distinct tickets exist: one per idempotency key, however often it was sent.
    pub fn tickets_created(&self) -> usize {
        self.lock().by_key.len()
    }

    pub fn ticket_of(&self, key: &str) -> Option<String> {
        self.lock().by_key.get(key).cloned()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        // A panicking test thread must not take the simulator down with it.
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Decides one create request. The caller applies the delay and plays the fault;
    /// `DropAnswer` has already created the ticket when it is returned.
    pub fn create(&self, key: &str) -> Outcome {
        let mut st = self.lock();
        st.requests += 1;
        let own = st.faults_for.get_mut(key).and_then(VecDeque::pop_front);
        let fault = own.or_else(|| st.faults.pop_front()).or_else(|| {
            let draw = self
                .rng
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .next_f64();
            (draw < self.settings.fail_rate).then_some(Fault::Status(503))
        });
        match fault {
            Some(Fault::DropAnswer) => {
                self.issue(&mut st, key);
                Outcome::Fault(Fault::DropAnswer)
            }
            Some(f) => Outcome::Fault(f),
            None => {
                let (ticket_no, created) = self.issue(&mut st, key);
                let status = self.status_of(st.tickets.get(&ticket_no));
                Outcome::Ticket {
                    ticket_no,
                    status,
                    created,
                }
            }
        }
    }

    /// The ticket for a key: the one already issued, or a new one.
    fn issue(&self, st: &mut State, key: &str) -> (String, bool) {
        if let Some(t) = st.by_key.get(key) {
            return (t.clone(), false);
        }
        // Derived from the seed and the key, so a restarted simulator gives the same
        // complaint the same number, and distinct complaints distinct numbers.
        let mut salt = 0u64;
        let ticket_no = loop {
            let t = ticket_number(self.settings.seed ^ fnv(key) ^ salt);
            if !st.tickets.contains_key(&t) {
                break t;
            }
            salt = salt.wrapping_add(1);
        };
        st.by_key.insert(key.to_string(), ticket_no.clone());
        st.tickets.insert(
            ticket_no.clone(),
            Ticket {
                issued: (self.clock)(),
                set: None,
            },
        );
        (ticket_no, true)
    }

    /// The ticket for a key, created if needed, with no fault played: a slow server
    /// that finishes its work after the client gave up.
    pub fn issue_for(&self, key: &str) -> String {
        let mut st = self.lock();
        self.issue(&mut st, key).0
    }

    /// Where the ticket stands now, None for a number never issued.
    pub fn status(&self, ticket_no: &str) -> Option<String> {
        let st = self.lock();
        st.tickets.get(ticket_no).map(|t| self.status_of(Some(t)))
    }

    fn status_of(&self, t: Option<&Ticket>) -> String {
        let Some(t) = t else {
            return String::new();
        };
        if let Some(s) = &t.set {
            return s.clone();
        }
        let Some(after) = self.settings.resolve_after else {
            return OPEN.to_string();
        };
        let age = (self.clock)() - t.issued;
        let reached = |d: Duration| TimeDelta::from_std(d).is_ok_and(|d| age >= d);
        if reached(after) {
            RESOLVED.to_string()
        } else if reached(after / 2) {
            IN_PROGRESS.to_string()
        } else {
            OPEN.to_string()
        }
    }

    /// Sets a ticket's status as Dir. IKC would (drills, tests); false when the
    /// number was never issued.
    pub fn set_status(&self, ticket_no: &str, status: &str) -> bool {
        match self.lock().tickets.get_mut(ticket_no) {
            Some(t) => {
                t.set = Some(status.to_string());
                true
            }
            None => false,
        }
    }
}

fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
    })
}

/// One letter and nine upper-case hex digits, like `A0254EB2B1`.
pub fn ticket_number(seed: u64) -> String {
    let r = Rng::new(seed).next_u64();
    let letter = (b'A' + (r % 26) as u8) as char;
    format!("{letter}{:09X}", (r >> 8) & 0xF_FFFF_FFFF)
}

/// The simulator used in-process (config `client = "sim"`).
pub struct SimClient {
    sim: std::sync::Arc<Simulator>,
}

impl SimClient {
    pub fn new(sim: std::sync::Arc<Simulator>) -> SimClient {
        SimClient { sim }
    }
}

impl BcareClient for SimClient {
    fn name(&self) -> &'static str {
        "sim"
    }

    fn file(&self, key: &str, _report: &BcareReport) -> Result<Filed, BcareError> {
        std::thread::sleep(self.sim.settings.delay);
        match self.sim.create(key) {
            Outcome::Ticket {
                ticket_no, status, ..
            } => Ok(Filed::Ticket { ticket_no, status }),
            Outcome::Fault(f) => Err(match f {
                Fault::Status(s) if (400..500).contains(&s) => BcareError::Rejected {
                    status: s,
                    message: "simulated rejection".into(),
                },
                Fault::Status(s) => BcareError::Busy {
                    status: s,
                    retry_after: None,
                },
                Fault::TooManyRequests { retry_after_secs } => BcareError::Busy {
                    status: 429,
                    retry_after: Some(Duration::from_secs(retry_after_secs)),
                },
                Fault::DropAnswer => BcareError::Connection("simulated lost answer".into()),
                Fault::Stall(d) => {
                    self.sim.issue_for(key);
                    BcareError::Timeout(d)
                }
                Fault::Malformed => BcareError::Malformed("simulated bad body".into()),
            }),
        }
    }

    fn status(&self, ticket_no: &str) -> Result<TicketStatus, BcareError> {
        self.sim
            .status(ticket_no)
            .map(|status| TicketStatus {
                ticket_no: ticket_no.to_string(),
                status,
            })
            .ok_or_else(|| BcareError::Rejected {
                status: 404,
                message: format!("no ticket {ticket_no}"),
            })
    }

    fn reachable(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    fn report() -> BcareReport {
        BcareReport {
            reference: "PDAD-2026-0001".into(),
            category: "IMP".into(),
            category_name: "Dokumen impor".into(),
            katalog: "Dukungan Layanan".into(),
            masalah: "0 - Lainnya".into(),
            problem: "PIB belum respon".into(),
            description: "x".into(),
        }
    }

    #[test]
    fn numbers_have_the_ceisa_care_shape() {
        let re = Regex::new(crate::config::TICKET_PATTERN).unwrap();
        for seed in 0..500 {
            let t = ticket_number(seed);
            assert!(re.is_match(&t), "{t}");
        }
    }

    #[test]
    fn the_same_key_gets_the_same_ticket_and_another_key_another() {
        let sim = std::sync::Arc::new(Simulator::new(SimSettings::default()));
        let c = SimClient::new(sim.clone());
        let a = c.file("PDAD-2026-0001", &report()).unwrap();
        let b = c.file("PDAD-2026-0001", &report()).unwrap();
        let other = c.file("PDAD-2026-0002", &report()).unwrap();
        assert_eq!(a, b);
        assert_ne!(a, other);
        assert_eq!(sim.tickets_created(), 2);
        assert_eq!(sim.requests(), 3);
    }

    #[test]
    fn a_fail_rate_of_one_always_fails_and_zero_never() {
        let always = Simulator::new(SimSettings {
            fail_rate: 1.0,
            ..SimSettings::default()
        });
        assert!((0..20).all(|_| matches!(always.create("k"), Outcome::Fault(Fault::Status(503)))));
        let never = Simulator::new(SimSettings::default());
        assert!((0..20).all(|_| matches!(never.create("k"), Outcome::Ticket { .. })));
    }

    #[test]
    fn a_ticket_moves_from_open_to_resolved_after_the_set_time() {
        use chrono::TimeZone;
        use std::sync::atomic::{AtomicI64, Ordering};
        // Monday 30 November 2026, 09:00 WITA, moved by hand.
        let start = Utc.with_ymd_and_hms(2026, 11, 30, 1, 0, 0).unwrap();
        let millis = Arc::new(AtomicI64::new(0));
        let elapsed = millis.clone();
        let clock: Clock =
            Arc::new(move || start + TimeDelta::milliseconds(elapsed.load(Ordering::SeqCst)));
        let sim = Simulator::with_clock(
            SimSettings {
                resolve_after: Some(Duration::from_millis(200)),
                ..SimSettings::default()
            },
            clock,
        );
        let t = sim.issue_for("k");
        assert_eq!(sim.status(&t).as_deref(), Some(OPEN));
        millis.store(99, Ordering::SeqCst);
        assert_eq!(sim.status(&t).as_deref(), Some(OPEN));
        millis.store(100, Ordering::SeqCst);
        assert_eq!(sim.status(&t).as_deref(), Some(IN_PROGRESS));
        millis.store(199, Ordering::SeqCst);
        assert_eq!(sim.status(&t).as_deref(), Some(IN_PROGRESS));
        millis.store(200, Ordering::SeqCst);
        assert_eq!(sim.status(&t).as_deref(), Some(RESOLVED));
        assert!(sim.set_status(&t, "reopened"));
        assert_eq!(sim.status(&t).as_deref(), Some("reopened"));
        assert!(!sim.set_status("Z000000000", "closed"));
        assert_eq!(sim.status("Z000000000"), None);
    }

    #[test]
    fn a_report_meets_its_own_faults_first() {
        let sim = Simulator::new(SimSettings::default());
        sim.push_faults_for("b", [Fault::Status(400)]);
        sim.push_faults([Fault::Status(503)]);
        assert!(matches!(
            sim.create("a"),
            Outcome::Fault(Fault::Status(503))
        ));
        assert!(matches!(sim.create("a"), Outcome::Ticket { .. }));
        assert!(matches!(
            sim.create("b"),
            Outcome::Fault(Fault::Status(400))
        ));
        assert!(matches!(sim.create("b"), Outcome::Ticket { .. }));
    }

    #[test]
    fn a_dropped_answer_still_creates_the_ticket() {
        let sim = Simulator::new(SimSettings::default());
        sim.push_faults([Fault::DropAnswer]);
        assert_eq!(sim.create("k"), Outcome::Fault(Fault::DropAnswer));
        let first = sim.ticket_of("k").expect("created");
        match sim.create("k") {
            Outcome::Ticket {
                ticket_no, created, ..
            } => {
                assert_eq!(ticket_no, first);
                assert!(!created);
            }
            other => panic!("{other:?}"),
        }
    }
}
