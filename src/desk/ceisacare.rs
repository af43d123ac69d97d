//! Reading back from CEISACare's gateway: the number of a complaint forwarded
//! through the web form, found in the office's ticket list by its reference, and
//! Dir. IKC's steps and answers on every ticket still open. [`Walker`] does one
//! poll; the follow-up ([`super::followup::Follower`]) runs it on its schedule
//! (`[ceisacare] poll_seconds` while a complaint waits for its number, `[followup]
//! poll_minutes` for the tickets' details). Nothing is changed from a walk cut
//! short: the numbers are recorded only once the walk is whole.

use super::polled::{
    AnotherTicket, NumberFound, PollFailure, PollReport, SeenStatus, ticket_status_seen,
};
use crate::bcare::backoff::{Backoff, Rng};
use crate::bcare::{BcareError, Gateway, from_bcare};
use crate::config::Config;
use crate::domain::ceisacare::{self as gw, Detail, Found, Named};
use crate::domain::complaint::Stage;
use crate::domain::followup::{self, DIR_IKC};
use crate::domain::msg::Lang;
use crate::domain::validate;
use crate::domain::workflow::{self, Step};
use crate::store::{ImportedEvent, ListQuery, NewEvent, Store, StoreError};
use chrono::{DateTime, FixedOffset, TimeDelta, Utc};
use regex::Regex;
use std::collections::{HashMap, HashSet};

/// Where a ticket's `uuidLayanan` is kept, by ticket number (the `meta` table):
/// the detail is asked by uuid, and an old ticket is far down the list.
const UUID_META: &str = "ceisacare_uuid:";
/// When the last walk for numbers began (any process on this database).
const WALKED_META: &str = "ceisacare_walked_at";
/// Bounds far above an office's complaints waiting or open at Dir. IKC.
const WAITING_MAX: usize = 2_000;
const FOLLOWED_MAX: usize = 10_000;

/// One poll of the gateway.
pub struct Walker {
    max_pages: u32,
    poll_seconds: u64,
    zone: FixedOffset,
    pattern: Regex,
    done_statuses: Vec<String>,
    /// The token the gateway refused, by fingerprint: not sent again until
    /// another is pasted (then the walk goes on by itself).
    refused: Option<u64>,
    /// A gateway busy, down or silent is walked again after a backoff (as the
    /// outbox's sends are), not only at the next `poll_seconds`.
    backoff: Backoff,
    rng: Rng,
    busy_in_row: u32,
    again_at: Option<DateTime<Utc>>,
}

impl Walker {
    pub fn new(config: &Config) -> Walker {
        Walker {
            max_pages: config.ceisacare.max_pages,
            poll_seconds: config.ceisacare.poll_seconds,
            zone: config.ceisacare.zone(),
            pattern: Regex::new(&config.bcare.ticket_pattern)
                .unwrap_or_else(|_| Regex::new(crate::config::TICKET_PATTERN).expect("pattern")),
            done_statuses: config.followup.done_statuses.clone(),
            refused: None,
            backoff: Backoff::default(),
            rng: Rng::from_entropy(),
            busy_in_row: 0,
            again_at: None,
        }
    }

    /// Whether a walk for numbers is due: a complaint waits for its number and
    /// `poll_seconds` passed since the last walk by any process.
    pub fn walk_due(&self, store: &Store, now: DateTime<Utc>) -> Result<bool, StoreError> {
        if waiting(store)?.is_empty() {
            return Ok(false);
        }
        if let Some(at) = self.again_at {
            return Ok(now >= at);
        }
        let last = store
            .meta(WALKED_META)?
            .and_then(|s| DateTime::parse_from_rfc3339(&s).ok())
            .map(|t| t.with_timezone(&Utc));
        let every = TimeDelta::seconds(i64::try_from(self.poll_seconds).unwrap_or(i64::MAX));
        Ok(last.is_none_or(|l| now < l || now - l >= every))
    }

    /// Walks the office's tickets for the numbers of complaints waiting for
    /// one and, with `details`, reads every open ticket's detail.
    pub fn poll(
        &mut self,
        gateway: &dyn Gateway,
        store: &Store,
        now: DateTime<Utc>,
        details: bool,
        stop: &dyn Fn() -> bool,
    ) -> Result<PollReport, StoreError> {
        store.set_meta(WALKED_META, &now.to_rfc3339())?;
        let mut report = PollReport::default();
        let fingerprint = gateway.token_fingerprint();
        if fingerprint.is_some() && fingerprint == self.refused {
            // Waiting for a new token: nothing is sent, nothing said again.
            report.token_expired = true;
            report.stopped = true;
            return Ok(report);
        }
        let waiting = waiting(store)?;
        let mut followed: Vec<(String, DateTime<Utc>)> = Vec::new();
        if details {
            let mut seen = HashSet::new();
            for f in store.followed(FOLLOWED_MAX)? {
                if matches!(f.stage, Stage::Ticketed | Stage::HandedOver)
                    && seen.insert(f.ticket_no.clone())
                {
                    followed.push((f.ticket_no, f.ticketed_at));
                }
            }
        }
        let mut uuids: HashMap<String, String> = HashMap::new();
        for (t, _) in &followed {
            if let Some(u) = store.meta(&format!("{UUID_META}{t}"))? {
                uuids.insert(t.clone(), u);
            }
        }
        // How far back the walk goes: the oldest complaint waiting for its number,
        // and the oldest open ticket whose uuid the desk has not seen yet.
        let horizon = waiting
            .iter()
            .filter_map(|c| c.forwarded_at)
            .chain(
                followed
                    .iter()
                    .filter(|(t, _)| !uuids.contains_key(t))
                    .map(|(_, at)| *at),
            )
            .map(|t| t.with_timezone(&self.zone).date_naive())
            .min();
        let mut items = Vec::new();
        if horizon.is_some() {
            for page_no in 1..=self.max_pages {
                if stop() {
                    report.stopped = true;
                    return Ok(report);
                }
                match gateway.tickets_page(page_no) {
                    Ok(page) => {
                        let done = gw::walk_done(&page, page_no, horizon);
                        report.asked += page.items.len();
                        items.extend(page.items);
                        if done {
                            break;
                        }
                    }
                    Err(e) => return Ok(self.failed(report, e, fingerprint, "list", now)),
                }
            }
        }
        let followed_set: HashSet<&str> = followed.iter().map(|(t, _)| t.as_str()).collect();
        for item in &items {
            if followed_set.contains(item.ticket_no.as_str())
                && !uuids.contains_key(&item.ticket_no)
            {
                store.set_meta(&format!("{UUID_META}{}", item.ticket_no), &item.uuid)?;
                uuids.insert(item.ticket_no.clone(), item.uuid.clone());
            }
        }
        self.record_numbers(store, &items, &waiting, now, &mut report)?;
        for (ticket_no, _) in &followed {
            if stop() {
                report.stopped = true;
                break;
            }
            let Some(uuid) = uuids.get(ticket_no) else {
                continue;
            };
            match gateway.ticket_detail(uuid) {
                Ok(d) => self.take_detail(store, ticket_no, &d, now, &mut report)?,
                Err(e) => return Ok(self.failed(report, e, fingerprint, ticket_no, now)),
            }
        }
        (self.busy_in_row, self.again_at) = (0, None);
        Ok(report)
    }

    /// Gives each complaint waiting the number of the ticket naming it.
    fn record_numbers(
        &self,
        store: &Store,
        items: &[gw::Listed],
        waiting: &[crate::domain::complaint::Complaint],
        now: DateTime<Utc>,
        report: &mut PollReport,
    ) -> Result<(), StoreError> {
        let waiting_refs: HashSet<&str> = waiting.iter().map(|c| c.reference.as_str()).collect();
        let mut named = HashMap::new();
        for r in items.iter().flat_map(|i| i.references.iter()) {
            if named.contains_key(r) {
                continue;
            }
            let n = if waiting_refs.contains(r.as_str()) {
                Named {
                    waiting: true,
                    ticket_no: None,
                }
            } else {
                match store.get(r) {
                    Ok(c) => Named {
                        waiting: false,
                        ticket_no: c.ticket_no,
                    },
                    Err(StoreError::NotFound(_)) => continue,
                    Err(e) => return Err(e),
                }
            };
            named.insert(r.clone(), n);
        }
        for found in gw::match_numbers(items, &named) {
            match found {
                Found::Number {
                    reference,
                    ticket_no,
                    uuid,
                } => {
                    let (ticket_no, warning) = match validate::ticket_no(&ticket_no, &self.pattern)
                    {
                        Ok(v) => v,
                        Err(e) => {
                            tracing::warn!(reference = %reference, "a CEISACare ticket number is not one: {}", e.text(Lang::En));
                            continue;
                        }
                    };
                    let mut note = format!("ticket {ticket_no}; dari CEISACare");
                    if let Some(w) = &warning {
                        note = format!("{note}; {}", w.text(Lang::Id));
                    }
                    let event = NewEvent {
                        at: now,
                        officer: DIR_IKC.to_string(),
                        kind: Step::RecordTicket.command(),
                        before: Some(Stage::Forwarded.as_str().into()),
                        after: Some(Stage::Ticketed.as_str().into()),
                        note: Some(note),
                        said: None,
                    };
                    let taken =
                        store.ticket_found(&reference, &ticket_no, &event, |stage, recorded| {
                            stage == Stage::Forwarded
                                && recorded.is_none()
                                && workflow::check(stage, Step::RecordTicket) == Ok(Stage::Ticketed)
                        })?;
                    if taken {
                        store.set_meta(&format!("{UUID_META}{ticket_no}"), &uuid)?;
                        tracing::info!(reference = %reference, "ticket number read back from CEISACare");
                        report.numbers.push(NumberFound {
                            reference,
                            ticket_no,
                            unusual: warning.is_some(),
                        });
                    }
                }
                Found::Another {
                    reference,
                    ticket_no,
                    kept,
                } => {
                    tracing::warn!(reference = %reference, "a second CEISACare ticket names a complaint that has its number");
                    report.other_tickets.push(AnotherTicket {
                        reference,
                        ticket_no,
                        kept,
                    });
                }
            }
        }
        Ok(())
    }

    /// Imports a ticket's steps and answers, and records where it stands: a
    /// finished ticket resolves every complaint on it that was handed over.
    fn take_detail(
        &self,
        store: &Store,
        ticket_no: &str,
        d: &Detail,
        now: DateTime<Utc>,
        report: &mut PollReport,
    ) -> Result<(), StoreError> {
        let mut events: Vec<ImportedEvent> = d
            .steps
            .iter()
            .map(|s| ImportedEvent {
                event: NewEvent {
                    at: s.at.unwrap_or(now),
                    officer: if s.position.is_empty() {
                        DIR_IKC.to_string()
                    } else {
                        s.position.clone()
                    },
                    kind: gw::STEP_EVENT,
                    before: None,
                    after: Some(s.status.clone()),
                    note: (!s.note.is_empty()).then(|| s.note.clone()),
                    said: None,
                },
                timed: s.at.is_some(),
            })
            .collect();
        events.extend(d.answers.iter().map(|a| ImportedEvent {
            event: NewEvent {
                at: now,
                officer: DIR_IKC.to_string(),
                kind: gw::ANSWER_EVENT,
                before: None,
                after: None,
                note: Some(if a.from.is_empty() {
                    a.text.clone()
                } else {
                    format!("{}: {}", a.from, a.text)
                }),
                said: None,
            },
            timed: false,
        }));
        report.imported += store.import_ticket_events(ticket_no, &events)?;
        let done = d.done_step();
        let Some(status) = done
            .or(d.steps.last())
            .map(|s| from_bcare(&s.status))
            .filter(|s| !s.is_empty())
        else {
            return Ok(());
        };
        let seen = SeenStatus {
            done: done.is_some() || followup::is_done(&status, &self.done_statuses),
            ticket_no: ticket_no.to_string(),
            status,
            at: now,
            officer: DIR_IKC.to_string(),
            note: Some("BCare ceisacare".into()),
            outcome: d.outcome(),
        };
        report.changes.extend(ticket_status_seen(store, &seen)?);
        Ok(())
    }

    /// A failed call ends the poll; a refused token is remembered (and logged
    /// once) until another is pasted.
    fn failed(
        &mut self,
        mut report: PollReport,
        e: BcareError,
        fingerprint: Option<u64>,
        what: &str,
        now: DateTime<Utc>,
    ) -> PollReport {
        self.again_at = e.retryable().then(|| {
            let wait = self
                .backoff
                .delay(self.busy_in_row, e.retry_after(), &mut self.rng);
            self.busy_in_row = self.busy_in_row.saturating_add(1);
            crate::domain::when::next_attempt(now, wait)
        });
        if self.again_at.is_none() {
            self.busy_in_row = 0;
        }
        if e == BcareError::TokenExpired {
            if self.refused != fingerprint || fingerprint.is_none() {
                tracing::warn!("CEISACare refused the token; waiting for a new one");
            }
            self.refused = fingerprint;
            report.token_expired = true;
        } else {
            tracing::warn!(class = e.class(), "reading CEISACare failed");
        }
        report.unreachable = matches!(
            e,
            BcareError::Refused(_)
                | BcareError::Connection(_)
                | BcareError::Timeout(_)
                | BcareError::Busy { .. }
                | BcareError::Garbled
        );
        report.stopped = true;
        report.failures.push(PollFailure {
            ticket_no: what.to_string(),
            error: from_bcare(&e.to_string()),
        });
        report
    }
}

/// Complaints forwarded and waiting for their number.
fn waiting(store: &Store) -> Result<Vec<crate::domain::complaint::Complaint>, StoreError> {
    store.list(&ListQuery {
        stages: vec![Stage::Forwarded],
        deadline_before: None,
        category: None,
        after: None,
        limit: WAITING_MAX,
    })
}
