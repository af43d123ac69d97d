//! Follow-up at Dir. IKC after the handover: the list of tickets to chase and
//! notices owed, a status typed from the portal, the notice itself, and asking
//! BCare. [`Follower`] does one poll: one status call per ticket, and one
//! transaction per ticket recording it on every complaint carrying it, where
//! `status_write` alone decides what a status means for each (news or not, and
//! the move to resolved when BCare says done). The worker runs it on a schedule
//! (`[followup] poll_minutes`, working hours only); `followup --poll` runs it now.

use super::polled::{PollFailure, PollReport, SeenStatus, StatusChange, ticket_status_seen};
use super::{Desk, DeskError, Result};
use crate::bcare::{BcareClient, BcareError, from_bcare};
use crate::config::Config;
use crate::domain::calendar::WorkCalendar;
use crate::domain::complaint::{Channel, Complaint, Stage};
use crate::domain::followup::{self, DIR_IKC};
use crate::domain::msg::{FieldError, Lang, M, words};
use crate::domain::text::{self, NOTE_MAX};
use crate::store::{Store, StoreError};
use chrono::{DateTime, Utc};

/// Where the last scheduled poll's time is kept (the `meta` table).
const LAST_POLL_META: &str = "followup_polled_at";

/// A bound on the tickets one poll asks about, far above an office's open tickets
/// (tens): every poll asks every ticket, so none is starved by the ones before it.
const POLL_BATCH: usize = 10_000;

/// Polls BCare for the status of followed tickets, with the client it is handed
/// (the worker's own: the in-process simulator must be the one that filed).
pub struct Follower {
    calendar: WorkCalendar,
    done_statuses: Vec<String>,
    poll_minutes: u32,
    /// Reads CEISACare's gateway when the client has one.
    walker: super::ceisacare::Walker,
}

impl Follower {
    pub fn new(config: &Config, calendar: WorkCalendar) -> Follower {
        Follower {
            calendar,
            done_statuses: config.followup.done_statuses.clone(),
            poll_minutes: config.followup.poll_minutes,
            walker: super::ceisacare::Walker::new(config),
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
    ) -> std::result::Result<Option<PollReport>, StoreError> {
        let last = store
            .meta(LAST_POLL_META)?
            .and_then(|s| DateTime::parse_from_rfc3339(&s).ok())
            .map(|t| t.with_timezone(&Utc));
        let details = followup::poll_due(&self.calendar, last, now, self.poll_minutes);
        if let Some(gateway) = client.gateway() {
            // A complaint waiting for its number is walked for every
            // `poll_seconds`; the open tickets' details keep `poll_minutes`.
            if !details && !self.walker.walk_due(store, now)? {
                return Ok(None);
            }
            if details {
                store.set_meta(LAST_POLL_META, &now.to_rfc3339())?;
            }
            return self
                .walker
                .poll(gateway, store, now, details, stop)
                .map(Some);
        }
        if !details {
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
    ) -> std::result::Result<PollReport, StoreError> {
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
    ) -> std::result::Result<PollReport, StoreError> {
        if let Some(gateway) = client.gateway() {
            return self.walker.poll(gateway, store, now, true, stop);
        }
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
                outcome: None,
            };
            let changes = ticket_status_seen(store, &seen)?;
            for c in &changes {
                tracing::info!(reference = %c.reference, resolved = c.resolved, "ticket status changed at Dir. IKC");
            }
            report.changes.extend(changes);
        }
        Ok(report)
    }
}

/// The most complaints the follow-up list shows.
const FOLLOWUP_LIMIT: usize = 2_000;

/// Longest status the officer may type (BCare's own are cut to [`crate::bcare::BCARE_TEXT_MAX`]).
const STATUS_MAX: usize = 100;

/// Follow-up at Dir. IKC after the handover, and the notice owed once it is solved.
impl Desk {
    /// The tickets at Dir. IKC and the notices owed: owed notices first, then the
    /// tickets to chase.
    pub fn followup(&self) -> Result<Vec<crate::domain::followup::FollowupItem>> {
        let rows = self.store.followed(FOLLOWUP_LIMIT)?;
        Ok(crate::domain::followup::assess(
            &rows,
            &self.calendar,
            self.now(),
            self.config.followup.chase_after_days,
        ))
    }

    /// How many applicants wait for the notice that their problem was solved.
    pub fn notices_owed(&self) -> Result<i64> {
        Ok(self.store.notices_owed()?)
    }

    /// `followup --poll`: asks BCare now, with the configured client, about every
    /// ticket at Dir. IKC and records what changed.
    pub fn poll_followup(&self) -> Result<PollReport> {
        let client = crate::bcare::client_from_config(&self.config, self.clock())?;
        let mut follower = Follower::new(&self.config, self.calendar.clone());
        Ok(follower.poll(&*client, &self.store, self.now())?)
    }

    /// A status the officer read on the portal (the portal client cannot poll).
    /// Recorded on every complaint sharing the ticket; a done status resolves them.
    pub fn record_status(
        &mut self,
        reference: &str,
        status: &str,
        note: Option<&str>,
    ) -> Result<Vec<StatusChange>> {
        let c = self.get(reference)?;
        let ticket_no = match (&c.ticket_no, c.stage) {
            (Some(t), Stage::Ticketed | Stage::HandedOver) => t.clone(),
            _ => {
                return Err(DeskError::invalid(FieldError::says("status", |lang| {
                    M::StatusNotAtDirIkc(lang, &c.reference, words::stage_short(c.stage).get(lang))
                })));
            }
        };
        let status = text::free_text("status", status, STATUS_MAX, true, true)
            .map_err(DeskError::invalid)?;
        let note = text::free_text("note", note.unwrap_or(""), NOTE_MAX, false, true)
            .map_err(DeskError::invalid)?;
        let seen = SeenStatus {
            done: crate::domain::followup::is_done(&status, &self.config.followup.done_statuses),
            ticket_no,
            status,
            at: self.now(),
            officer: self.officer.clone(),
            note: Some(if note.is_empty() {
                "dicatat dari portal".to_string()
            } else {
                format!("dicatat dari portal: {note}")
            }),
            outcome: None,
        };
        Ok(ticket_status_seen(&self.store, &seen)?)
    }

    /// The notice owed to the applicant of a resolved complaint: the text to send
    /// (the ticket number and the outcome), without recording anything.
    pub fn resolution_notice(&self, reference: &str, lang: Lang) -> Result<(Complaint, String)> {
        let c = self.get(reference)?;
        if c.stage != Stage::Resolved {
            return Err(Self::not_resolved(&c));
        }
        let text = crate::domain::followup::notice_of(lang, &c);
        Ok((c, text))
    }

    /// Records that the applicant was told, by `via`, that Dir. IKC solved it.
    pub fn notify(
        &mut self,
        reference: &str,
        via: &str,
        lang: Lang,
    ) -> Result<(Complaint, String)> {
        let mut told = self.notify_many(&[reference.to_string()], Some(via), lang)?;
        let (c, _, text) = told.remove(0);
        Ok((c, text))
    }

    /// Tells several applicants at once, all or none: each by `via`, or by the
    /// channel their ticket number was handed over by (else the one they came by).
    /// Returns each complaint with the channel and its own message.
    pub fn notify_many(
        &mut self,
        references: &[String],
        via: Option<&str>,
        lang: Lang,
    ) -> Result<Vec<(Complaint, Channel, String)>> {
        let via = via
            .map(|v| {
                Channel::parse(v)
                    .ok_or_else(|| DeskError::invalid(FieldError::of("via", M::ChannelOneOf)))
            })
            .transpose()?;
        let references =
            crate::domain::incident::references(references).map_err(DeskError::invalid)?;
        let now = self.now();
        let mut told = Vec::with_capacity(references.len());
        let mut rows = Vec::with_capacity(references.len());
        for r in &references {
            let (c, text) = self.resolution_notice(r, lang)?;
            let by = via.unwrap_or(c.handover_via.unwrap_or(c.details.channel));
            // A notice by WhatsApp or e-mail needs the number or address to send to.
            crate::domain::handover::contact_for(&c, by).map_err(DeskError::invalid)?;
            let mut event = self.event(crate::domain::followup::NOTIFIED_EVENT, now);
            event.note = Some(format!("via {}", by.as_str()));
            rows.push(crate::store::NoticeRow {
                complaint_id: c.id,
                reference: c.reference.clone(),
                event,
            });
            told.push((c, by, text));
        }
        self.store.record_notified_all(&rows)?;
        Ok(told)
    }

    /// The applicants on `ticket_no` owed the notice (resolved, not told), in
    /// order of receipt. Refused when none is.
    pub fn owed_on_ticket(&self, ticket_no: &str) -> Result<Vec<Complaint>> {
        let t = self.ticket_no_of(ticket_no)?;
        let rows: Vec<Complaint> = self
            .store
            .on_ticket(&t, crate::domain::incident::BULK_MAX * 4 + 1)?
            .into_iter()
            .filter(|c| c.stage == Stage::Resolved && c.notified_at.is_none())
            .collect();
        if rows.is_empty() {
            return Err(DeskError::invalid(FieldError::says("ticket", |lang| {
                M::NoneOwedNotice(lang, &t)
            })));
        }
        Ok(rows)
    }

    fn not_resolved(c: &Complaint) -> DeskError {
        DeskError::invalid(FieldError::says("ref", |lang| {
            M::NoticeNotResolved(lang, &c.reference, words::stage_short(c.stage).get(lang))
        }))
    }
}

#[cfg(test)]
mod tests {
    use crate::config::{ClientKind, Config};
    use crate::desk::Desk;
    use crate::desk::outbox::{Deliverer, WorkerEvent};
    use crate::domain::calendar::WorkCalendar;
    use crate::domain::complaint::Stage;
    use crate::domain::intake::IntakeForm;
    use chrono::{TimeZone, Utc};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicI64, Ordering};

    /// The one place a seen status is weighed: news or not (as BCare words it or
    /// otherwise), and the resolve step from handed over only.
    #[test]
    fn a_seen_status_is_news_once_and_resolves_only_a_handed_over_complaint() {
        use crate::desk::polled::{SeenStatus, status_write};
        use crate::store::FollowedRow;
        let at = Utc.with_ymd_and_hms(2026, 11, 30, 6, 0, 0).unwrap();
        let seen = |status: &str, done| SeenStatus {
            ticket_no: "A0254EB2B1".into(),
            status: status.into(),
            at,
            officer: "Dir. IKC".into(),
            note: Some("BCare http".into()),
            done,
            outcome: None,
        };
        let row = |stage, last: Option<&str>| FollowedRow {
            id: 1,
            reference: "ADU-2026-00001".into(),
            stage,
            last_status: last.map(str::to_string),
        };
        let w = status_write(&seen("In Progress", false), &row(Stage::HandedOver, None));
        let e = w.event.expect("a first status is news");
        assert_eq!((e.before, e.after.as_deref()), (None, Some("In Progress")));
        assert!(w.step.is_none());
        let w = status_write(
            &seen("In Progress", false),
            &row(Stage::HandedOver, Some("in progress")),
        );
        assert!(
            w.event.is_none() && w.step.is_none(),
            "the same status again"
        );
        let w = status_write(
            &seen("Selesai", true),
            &row(Stage::HandedOver, Some("open")),
        );
        let step = w.step.expect("resolved");
        assert_eq!(step.to, Stage::Resolved);
        assert_eq!(step.event.kind, "resolve");
        assert_eq!(step.event.note.as_deref(), Some("BCare: Selesai"));
        let w = status_write(&seen("Selesai", true), &row(Stage::Ticketed, Some("open")));
        assert!(w.event.is_some());
        assert!(w.step.is_none(), "not handed over yet: no resolve");
    }

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
            Desk::open(dir.path().join("d.db"), config.clone(), None, clock.clone()).expect("open");
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
        let mut worker = Deliverer::new(
            crate::bcare::client_from_config(&config, clock).unwrap(),
            &config,
        )
        .unwrap()
        .with_follower(super::Follower::new(&config, WorkCalendar::builtin()));
        worker
            .deliver_due(&desk.store, desk.now())
            .expect("deliver");
        desk.hand_over(&c.reference, "telepon").expect("handover");
        let never = || false;
        let first = worker
            .follow_up_if_due(&desk.store, desk.now(), &never)
            .expect("poll");
        assert!(
            matches!(&first[..], [WorkerEvent::StatusChanged { status, resolved: false, .. }] if status == "open"),
            "{first:?}"
        );
        // Half an hour on the desk's clock: the simulator, on the same clock, has
        // resolved the ticket (no waiting on the wall clock).
        now.fetch_add(30 * 60, Ordering::SeqCst);
        let second = worker
            .follow_up_if_due(&desk.store, desk.now(), &never)
            .expect("poll");
        assert!(
            matches!(&second[..], [WorkerEvent::StatusChanged { status, resolved: true, .. }] if status == "resolved"),
            "{second:?}"
        );
        assert_eq!(desk.get(&c.reference).unwrap().stage, Stage::Resolved);
    }
}
