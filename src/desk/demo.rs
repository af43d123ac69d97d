//! Sample complaints for training and load tests, written batch by batch.

use super::{Desk, DeskError, Result};
use crate::config::ClientKind;
use crate::domain::complaint::{Complaint, Stage};
use crate::domain::workflow::{self, Step};
use crate::store::{Change, IntakeRecord, NewEvent, NewOutbox, StoreError};
use chrono::{DateTime, Utc};

/// A sample complaint for training, and the step that needs it written first.
pub struct Sample {
    pub record: IntakeRecord,
    pub then: Option<SampleStep>,
}

/// What happens to a sample complaint once it has an id and a reference.
#[derive(Debug, Clone)]
pub enum SampleStep {
    /// Forwarded at `at` through the outbox; BCare failed `attempts` times.
    WaitingInOutbox {
        at: DateTime<Utc>,
        attempts: u32,
        last_error: String,
        next_attempt_at: DateTime<Utc>,
    },
    /// Linked at `at` to the complaint that already carries `ticket_no`.
    Link {
        at: DateTime<Utc>,
        ticket_no: String,
    },
}

/// How many complaints `demo` has written to this database: more complaints
/// than this means some are real, and samples must not be mixed in unasked.
const DEMO_META: &str = "demo_complaints";
/// Samples written per transaction: short enough that other writers wait little.
const DEMO_BATCH: usize = 250;
/// How long a demo batch waits for a busy database before giving up.
const DEMO_PATIENCE: std::time::Duration = std::time::Duration::from_secs(120);

/// Runs a write, waiting while another writer holds the database (a failed
/// write changed nothing, so it is simply tried again).
fn wait_if_busy<T>(mut write: impl FnMut() -> std::result::Result<T, StoreError>) -> Result<T> {
    let started = std::time::Instant::now();
    let mut pause = std::time::Duration::from_millis(20);
    loop {
        match write() {
            Err(StoreError::Busy { .. }) if started.elapsed() < DEMO_PATIENCE => {
                std::thread::sleep(pause);
                pause = (pause * 2).min(std::time::Duration::from_millis(500));
            }
            other => return Ok(other?),
        }
    }
}

impl Desk {
    /// Writes sample complaints, batch by batch as `next_batch` makes them
    /// (an empty batch ends), telling `progress` how many so far, and returns how
    /// many. Refuses a database that holds complaints `demo` did not write,
    /// unless `force`.
    pub fn demo(
        &mut self,
        mut next_batch: impl FnMut(usize) -> Vec<Sample>,
        force: bool,
        progress: &mut dyn FnMut(usize),
    ) -> Result<usize> {
        let made: i64 = self
            .store
            .meta(DEMO_META)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        let real = self.store.total()? - made;
        if real > 0 && !force {
            return Err(DeskError::Other(anyhow::anyhow!(
                "{}: holds {real} complaint(s) not made by demo; samples would mix with them. Use another --db, or add --force",
                self.store.location()
            )));
        }
        let mut n = 0;
        loop {
            let batch = next_batch(DEMO_BATCH);
            if batch.is_empty() {
                return Ok(n);
            }
            let (mut records, steps): (Vec<IntakeRecord>, Vec<Option<SampleStep>>) =
                batch.into_iter().map(|s| (s.record, s.then)).unzip();
            wait_if_busy(|| self.store.insert_complaints(&mut records))?;
            n += records.len();
            let written = (made + n as i64).to_string();
            wait_if_busy(|| self.store.set_meta(DEMO_META, &written))?;
            for (rec, step) in records.iter().zip(steps) {
                if let Some(step) = step {
                    self.sample_step(&rec.complaint, step)?;
                }
            }
            progress(n);
        }
    }

    /// A sample's later step, through the workflow's check like any other.
    fn sample_step(&mut self, c: &Complaint, step: SampleStep) -> Result<()> {
        let event = |kind, at, to: Stage, note| NewEvent {
            at,
            officer: "demo".into(),
            kind,
            before: Some(c.stage.as_str().into()),
            after: Some(to.as_str().into()),
            note: Some(note),
            said: None,
        };
        match step {
            SampleStep::WaitingInOutbox {
                at,
                attempts,
                last_error,
                next_attempt_at,
            } => {
                let to = workflow::check(c.stage, Step::Forward)?;
                let report = self.report(c)?;
                // Samples are queued for the simulator, never for the real BCare.
                let outbox = NewOutbox {
                    idempotency_key: c.reference.clone(),
                    client: ClientKind::Sim.as_str().into(),
                    payload: serde_json::to_string(&report)
                        .map_err(|e| DeskError::Other(e.into()))?,
                    created_at: at,
                };
                let ev = event("forward", at, to, "client sim".into());
                let change = Change::Forward { at };
                wait_if_busy(|| self.store.apply(c, to, &change, &ev, Some(&outbox)))?;
                let row = self
                    .store
                    .outbox_of(c.id)?
                    .into_iter()
                    .next()
                    .ok_or_else(|| {
                        DeskError::Other(anyhow::anyhow!("{}: outbox row missing", c.reference))
                    })?;
                for _ in 0..attempts {
                    wait_if_busy(|| {
                        self.store.outbox_attempt_failed(
                            row.id,
                            &last_error,
                            next_attempt_at,
                            false,
                        )
                    })?;
                }
            }
            SampleStep::Link { at, ticket_no } => {
                let to = workflow::check(c.stage, Step::Link)?;
                let first = self.store.by_ticket(&ticket_no)?.filter(|o| o.id != c.id);
                let linked_to = first.map(|o| o.linked_to.unwrap_or(o.reference));
                let note = match &linked_to {
                    Some(r) => format!("ticket {ticket_no} dari {r}"),
                    None => format!("ticket {ticket_no}"),
                };
                let ev = event("link", at, to, note);
                let change = Change::Ticket {
                    at,
                    ticket_no,
                    linked_to,
                };
                wait_if_busy(|| self.store.apply(c, to, &change, &ev, None))?;
            }
        }
        Ok(())
    }
}
