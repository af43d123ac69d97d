//! Asking BCare where each ticket at Dir. IKC stands. [`Follower`] does one poll:
//! one status call per ticket, and one transaction per ticket recording the change
//! on every complaint carrying it (and the move to resolved when BCare says done,
//! through the desk's workflow check). The worker runs it on a schedule
//! (`[followup] poll_minutes`, working hours only); `followup --poll` runs it now.

use super::{BcareClient, BcareError, from_bcare};
use crate::config::Config;
use crate::domain::calendar::WorkCalendar;
use crate::domain::followup::{self, DIR_IKC};
use crate::store::{SeenStatus, StatusChange, Store, StoreError};
use chrono::{DateTime, Utc};

/// Where the last scheduled poll's time is kept (the `meta` table).
const LAST_POLL_META: &str = "followup_polled_at";

/// A bound on the tickets one poll asks about, far above an office's open tickets
/// (tens): every poll asks every ticket, so none is starved by the ones before it.
const POLL_BATCH: usize = 10_000;

/// A ticket BCare could not tell about.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PollFailure {
    pub ticket_no: String,
    pub error: String,
}

/// What one poll found.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct PollReport {
    /// Tickets asked about.
    pub asked: usize,
    pub changes: Vec<StatusChange>,
    pub failures: Vec<PollFailure>,
    /// The poll stopped early (the last failure says why); the tickets after it
    /// wait for the next poll.
    pub stopped: bool,
    /// It stopped because BCare did not answer (rather than refusing every ticket).
    pub unreachable: bool,
}

/// Polls BCare for the status of followed tickets, with the client it is handed
/// (the worker's own: the in-process simulator must be the one that filed).
pub struct Follower {
    calendar: WorkCalendar,
    done_statuses: Vec<String>,
    poll_minutes: u32,
}

impl Follower {
    pub fn new(config: &Config, calendar: WorkCalendar) -> Follower {
        Follower {
            calendar,
            done_statuses: config.followup.done_statuses.clone(),
            poll_minutes: config.followup.poll_minutes,
        }
    }

    /// Polls when the schedule says so (working hours, `poll_minutes` since the
    /// last poll by any process on this file); None when not due.
    pub fn poll_if_due(
        &mut self,
        client: &dyn BcareClient,
        store: &Store,
        now: DateTime<Utc>,
        stop: &dyn Fn() -> bool,
    ) -> Result<Option<PollReport>, StoreError> {
        let last = store
            .meta(LAST_POLL_META)?
            .and_then(|s| DateTime::parse_from_rfc3339(&s).ok())
            .map(|t| t.with_timezone(&Utc));
        if !followup::poll_due(&self.calendar, last, now, self.poll_minutes) {
            return Ok(None);
        }
        // Written first: a poll that fails half-way is not retried at once.
        store.set_meta(LAST_POLL_META, &now.to_rfc3339())?;
        self.poll_until(client, store, now, stop).map(Some)
    }

    /// Asks BCare now about every followed ticket and records what changed.
    pub fn poll(
        &mut self,
        client: &dyn BcareClient,
        store: &Store,
        now: DateTime<Utc>,
    ) -> Result<PollReport, StoreError> {
        self.poll_until(client, store, now, &|| false)
    }

    /// [`Self::poll`], stopping between tickets as soon as `stop` says so (the
    /// worker quitting); the tickets left wait for the next poll.
    pub fn poll_until(
        &mut self,
        client: &dyn BcareClient,
        store: &Store,
        now: DateTime<Utc>,
        stop: &dyn Fn() -> bool,
    ) -> Result<PollReport, StoreError> {
        let mut report = PollReport::default();
        for ticket_no in store.followed_tickets(POLL_BATCH)? {
            if stop() {
                break;
            }
            report.asked += 1;
            let status = match client.status(&ticket_no) {
                Ok(s) => from_bcare(&s.status),
                Err(e) => {
                    tracing::warn!(class = e.class(), "asking BCare a ticket's status failed");
                    let down = matches!(
                        e,
                        BcareError::Refused(_)
                            | BcareError::Connection(_)
                            | BcareError::Timeout(_)
                            | BcareError::Busy { .. }
                            | BcareError::Unsupported(_)
                    );
                    // Wrong credentials or endpoint: every other ticket would fail alike.
                    let refused_all = matches!(
                        e,
                        BcareError::Rejected {
                            status: 401 | 403,
                            ..
                        } | BcareError::Redirected { .. }
                            | BcareError::Setup(_)
                    );
                    report.failures.push(PollFailure {
                        ticket_no,
                        error: from_bcare(&e.to_string()),
                    });
                    if down || refused_all {
                        report.stopped = true;
                        report.unreachable = down;
                        break;
                    }
                    continue;
                }
            };
            if status.is_empty() {
                report.failures.push(PollFailure {
                    ticket_no,
                    error: "BCare answered an empty status".into(),
                });
                continue;
            }
            let seen = SeenStatus {
                done: followup::is_done(&status, &self.done_statuses),
                ticket_no,
                status,
                at: now,
                officer: DIR_IKC.to_string(),
                note: Some(format!("BCare {}", client.name())),
            };
            let changes = crate::desk::ticket_status_seen(store, &seen)?;
            for c in &changes {
                tracing::info!(reference = %c.reference, resolved = c.resolved, "ticket status changed at Dir. IKC");
            }
            report.changes.extend(changes);
        }
        Ok(report)
    }
}

#[cfg(test)]
mod tests {
    use crate::bcare::worker::{Deliverer, WorkerEvent};
    use crate::config::{ClientKind, Config};
    use crate::desk::Desk;
    use crate::domain::calendar::WorkCalendar;
    use crate::domain::complaint::Stage;
    use crate::domain::intake::IntakeForm;
    use chrono::{TimeZone, Utc};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicI64, Ordering};
    use std::time::Duration;

    /// Training with `client = "sim"`: the worker's one in-process simulator files the
    /// report and is asked its status, and resolves it after `sim_resolve_after_secs`.
    #[test]
    fn the_in_desk_simulator_takes_a_ticket_through_its_whole_life() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut config = Config::default();
        config.bcare.client = ClientKind::Sim;
        config.bcare.sim_delay_ms = 0;
        config.bcare.sim_resolve_after_secs = 1;
        // Monday 30 November 2026, 09:00 WITA.
        let now = Arc::new(AtomicI64::new(
            Utc.with_ymd_and_hms(2026, 11, 30, 1, 0, 0)
                .unwrap()
                .timestamp(),
        ));
        let clock_now = now.clone();
        let clock = Arc::new(move || {
            Utc.timestamp_opt(clock_now.load(Ordering::SeqCst), 0)
                .single()
                .unwrap()
        });
        let mut desk =
            Desk::open(dir.path().join("d.db"), config.clone(), None, clock).expect("open");
        let form = IntakeForm {
            name: "Andi Wijaya".into(),
            kind: "pegawai".into(),
            nip: "198501012010011001".into(),
            phone: "081234567890".into(),
            channel: "telepon".into(),
            category: "TIK".into(),
            subject: "Jaringan putus".into(),
            description: "Sejak pagi.".into(),
            ..IntakeForm::default()
        };
        let (c, _) = desk.intake(&form).expect("intake");
        desk.forward(&c.reference).expect("forward");
        let mut worker =
            Deliverer::new(super::super::client_from_config(&config).unwrap(), &config)
                .unwrap()
                .with_follower(super::Follower::new(&config, WorkCalendar::builtin()));
        worker
            .deliver_due(desk.store(), desk.now())
            .expect("deliver");
        desk.hand_over(&c.reference, "telepon").expect("handover");
        let never = || false;
        let first = worker
            .follow_up_if_due(desk.store(), desk.now(), &never)
            .expect("poll");
        assert!(
            matches!(&first[..], [WorkerEvent::StatusChanged { status, resolved: false, .. }] if status == "open"),
            "{first:?}"
        );
        std::thread::sleep(Duration::from_millis(1_050));
        now.fetch_add(30 * 60, Ordering::SeqCst);
        let second = worker
            .follow_up_if_due(desk.store(), desk.now(), &never)
            .expect("poll");
        assert!(
            matches!(&second[..], [WorkerEvent::StatusChanged { status, resolved: true, .. }] if status == "resolved"),
            "{second:?}"
        );
        assert_eq!(desk.get(&c.reference).unwrap().stage, Stage::Resolved);
    }
}
