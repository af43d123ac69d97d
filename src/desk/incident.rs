//! One outage, many callers: the incident suggestion at intake, a link made at
//! intake, bulk link, handover, cancel and resolve (all or nothing, an event for
//! each), and the incident view.

use super::steps::{handover_channel, handover_words};
use super::{Desk, DeskError, LinkTarget, Result, sla_budget};
use crate::domain::complaint::{Complaint, Stage};
use crate::domain::desk_note::{self, DeskNote};
use crate::domain::intake::IntakeForm;
use crate::domain::msg::{FieldError, FieldMsg, FieldWarning, Lang, M};
use crate::domain::sla;
use crate::domain::text::{self, NOTE_MAX};
use crate::domain::validate;
use crate::domain::when::local_date;
use crate::domain::workflow::{self, Step};
use crate::store::{BulkStep, Change, IntakeRecord, NewEvent, StoreError};
use chrono::{DateTime, Datelike, Utc};

/// Complaints read per identifier when looking for the same caller: open ones
/// come first in a search, and a caller has few open at once.
const SAME_CALLER_SEARCHED: usize = 50;

/// What a link's target stands for: a reference (`ADU-…`) is a complaint, anything
/// else a ticket number. A ticket number may contain dashes, so the prefix decides.
pub fn link_target_of(raw: &str) -> LinkTarget {
    let t = raw.trim();
    if t.to_ascii_uppercase().starts_with("ADU-") {
        LinkTarget::Complaint(t.to_string())
    } else {
        LinkTarget::Ticket(t.to_string())
    }
}

/// A bulk step's refusal: the complaint it was refused on, why, and that nothing
/// changed — as one field message, so every caller shows it as it shows any other.
/// A complaint's category as the catalogue keys it.
fn category_of(c: &Complaint) -> String {
    c.details.category.trim().to_ascii_uppercase()
}

fn refused(reference: &str, error: impl Into<DeskError>) -> DeskError {
    let e = error.into();
    let field = match &e {
        DeskError::Invalid(errs) if errs.len() == 1 => errs[0].field,
        DeskError::Illegal(_) => "stage",
        _ => "reference",
    };
    let said = |lang: Lang| match &e {
        DeskError::Invalid(errs) if errs.len() == 1 => errs[0].message(lang).to_string(),
        DeskError::Illegal(step) => step.why(lang),
        DeskError::Database(StoreError::NotFound(_)) => M::NoSuchComplaint.get(lang).into(),
        DeskError::Database(StoreError::Conflict(_)) => M::ChangedElsewhere.get(lang).into(),
        other => other.text(lang),
    };
    DeskError::invalid(FieldError::says(field, |lang| {
        M::NothingChanged(lang, reference, said(lang))
    }))
}

/// One outage, many callers: the incident suggestion at intake, bulk link, handover
/// and cancel (all or nothing, an event for each), and the incident view.
impl Desk {
    /// Open tickets of the complaint's category received within the last
    /// `[incident] window_hours` working hours whose problem is alike
    /// (`domain::alike`), the plainest first, one per ticket; the complaint itself
    /// and the ticket it already carries are left out.
    pub fn incident_candidates(
        &self,
        c: &Complaint,
    ) -> Result<Vec<crate::domain::incident::IncidentCandidate>> {
        use crate::domain::alike::Problem;
        use crate::domain::incident::{self, CANDIDATES_MAX};
        if self.categories.get(&category_of(c)).is_none() {
            return Ok(Vec::new());
        }
        let rows = self
            .open_in_window(c)?
            .into_iter()
            .filter(|o| o.id != c.id && (c.ticket_no.is_none() || o.ticket_no != c.ticket_no))
            .collect();
        let problem = Problem::of(&c.details.subject, &c.details.description);
        Ok(incident::candidates(rows, &problem, CANDIDATES_MAX))
    }

    /// The complaints of `c`'s category received within the incident window
    /// at a stage that can share a ticket.
    fn open_in_window(&self, c: &Complaint) -> Result<Vec<Complaint>> {
        use crate::domain::incident::{self, CANDIDATE_STAGES};
        let window = self.config.incident.window_hours;
        let since = incident::window_start(&self.calendar, self.now(), window);
        Ok(self
            .store
            .received_since(&category_of(c), &CANDIDATE_STAGES, since, 200)?)
    }

    /// Open complaints the same caller may have brought before: the same nomor
    /// aju, or the same NPWP or phone with a problem alike (`domain::alike`). Found
    /// by the search both backends share, each identifier on its own, then weighed.
    pub fn same_caller(&self, c: &Complaint) -> Result<Vec<crate::domain::alike::SameCaller>> {
        use crate::domain::alike;
        let a = &c.details.applicant;
        let mut typed: Vec<&str> = c.details.aju.iter().map(String::as_str).collect();
        typed.extend(a.npwp.as_deref());
        typed.extend(a.phone.as_deref());
        let mut out: Vec<alike::SameCaller> = Vec::new();
        for t in typed {
            for old in self.store.search(t, SAME_CALLER_SEARCHED)? {
                if let Some(s) = alike::same_caller(c, &old)
                    && !out.iter().any(|o| o.reference == s.reference)
                {
                    out.push(s);
                }
            }
        }
        out.truncate(crate::domain::incident::CANDIDATES_MAX);
        Ok(out)
    }

    /// The open tickets the picked complaints may be linked to, judged by the
    /// first one's category and problem (`domain::incident::link_choices`);
    /// the picked complaints themselves are left out.
    pub fn link_choices(
        &self,
        refs: &[String],
    ) -> Result<Vec<crate::domain::incident::IncidentCandidate>> {
        use crate::domain::alike::Problem;
        use crate::domain::incident::{self, LINK_CHOICES_MAX};
        let Some(first) = refs.first() else {
            return Ok(Vec::new());
        };
        let c = self.get(first)?;
        let rows = self
            .open_in_window(&c)?
            .into_iter()
            .filter(|o| !refs.contains(&o.reference))
            .collect();
        let problem = Problem::of(&c.details.subject, &c.details.description);
        Ok(incident::link_choices(rows, &problem, LINK_CHOICES_MAX))
    }

    /// The suggestions for a complaint on the desk.
    pub fn incident_candidates_for(
        &self,
        reference: &str,
    ) -> Result<Vec<crate::domain::incident::IncidentCandidate>> {
        let c = self.get(reference)?;
        self.incident_candidates(&c)
    }

    /// The ticket number a link takes and the complaint that first carried it.
    /// `own` is the complaint being linked, which cannot be its own target.
    pub(super) fn link_target(
        &self,
        target: &LinkTarget,
        own: &[String],
    ) -> Result<(String, Option<String>, Option<FieldWarning>)> {
        match target {
            LinkTarget::Complaint(other) => {
                let o = self.get(other)?;
                if own.contains(&o.reference) {
                    return Err(refused(
                        &o.reference,
                        DeskError::invalid(FieldError::of("to", M::LinkToItself)),
                    ));
                }
                let Some(t) = o.ticket_no.clone() else {
                    return Err(DeskError::invalid(FieldError::says("to", |lang| {
                        M::NoTicketYet(lang, &o.reference)
                    })));
                };
                Ok((t, Some(o.linked_to.clone().unwrap_or(o.reference)), None))
            }
            LinkTarget::Ticket(raw) => {
                let (t, w) =
                    validate::ticket_no(raw, &self.ticket_pattern).map_err(DeskError::invalid)?;
                let first = self
                    .store
                    .by_ticket(&t)?
                    .filter(|o| !own.contains(&o.reference));
                Ok((t, first.map(|o| o.linked_to.unwrap_or(o.reference)), w))
            }
        }
    }

    pub(super) fn link_event(
        &self,
        at: DateTime<Utc>,
        ticket_no: &str,
        linked_to: Option<&str>,
    ) -> NewEvent {
        let mut event = self.event("link", at);
        event.note = Some(match linked_to {
            Some(r) => format!("ticket {ticket_no} dari {r}"),
            None => format!("ticket {ticket_no}"),
        });
        event.said = Some(DeskNote::Linked {
            ticket: ticket_no.into(),
            from: linked_to.map(Into::into),
        });
        event
    }

    /// Langkah 1 and the link in one transaction: the complaint is received and
    /// takes the ticket `target` carries, with both events. A refused link saves
    /// nothing.
    pub fn intake_linked(
        &mut self,
        form: &IntakeForm,
        target: &LinkTarget,
    ) -> Result<(Complaint, Vec<FieldWarning>)> {
        let now = self.now();
        let (new, mut warnings) = form
            .validate(&self.intake_context())
            .map_err(DeskError::Invalid)?;
        let deadline =
            sla::deadline(&self.calendar, new.received_at, sla_budget()).ok_or_else(|| {
                DeskError::invalid(FieldError::of("received_at", M::NoWorkingTimeAhead))
            })?;
        let (ticket_no, linked_to, warning) = self.link_target(target, &[])?;
        let to = workflow::check(Stage::Received, Step::Link)?;
        let ref_year = local_date(now, self.calendar.offset()).year();
        let mut intake = self.event("intake", now);
        intake.after = Some(Stage::Received.as_str().into());
        if !warnings.is_empty() {
            intake.note = Some(
                warnings
                    .iter()
                    .map(|w| w.text(Lang::Id))
                    .collect::<Vec<_>>()
                    .join("; "),
            );
            intake.said = Some(DeskNote::Checks {
                remarks: desk_note::remarks(&warnings),
            });
        }
        let mut link = self.link_event(now, &ticket_no, linked_to.as_deref());
        link.before = Some(Stage::Received.as_str().into());
        link.after = Some(to.as_str().into());
        let mut complaint = Complaint::received(new, deadline);
        complaint.stage = to;
        complaint.ticket_no = Some(ticket_no);
        complaint.ticketed_at = Some(now);
        complaint.linked_to = linked_to;
        let mut records = [IntakeRecord {
            ref_year,
            complaint,
            events: vec![intake, link],
        }];
        self.store.insert_complaints(&mut records)?;
        let [record] = records;
        warnings.extend(warning);
        Ok((record.complaint, warnings))
    }

    /// Plans one step for every complaint named, then writes them all in one
    /// transaction. The first refusal (unknown reference, wrong stage, bad input for
    /// that complaint) is returned naming the complaint, and nothing is written.
    fn bulk(
        &mut self,
        references: &[String],
        step: Step,
        plan: impl Fn(&Desk, &Complaint, Stage) -> Result<(Change, NewEvent)>,
    ) -> Result<Vec<Complaint>> {
        let references =
            crate::domain::incident::references(references).map_err(DeskError::invalid)?;
        let mut steps = Vec::with_capacity(references.len());
        for r in &references {
            let c = self.get(r).map_err(|e| refused(r, e))?;
            let to = workflow::check(c.stage, step).map_err(|e| refused(&c.reference, e))?;
            let (change, mut event) = plan(self, &c, to).map_err(|e| refused(&c.reference, e))?;
            event.before = event.before.or_else(|| Some(c.stage.as_str().into()));
            event.after = event.after.or_else(|| Some(to.as_str().into()));
            steps.push(BulkStep {
                complaint: c,
                to,
                change,
                event,
            });
        }
        self.store.apply_all(&steps).map_err(|e| match &e {
            StoreError::Conflict(r) => refused(&r.clone(), e),
            _ => DeskError::Database(e),
        })?;
        steps
            .iter()
            .map(|s| Ok(self.store.get_by_id(s.complaint.id)?))
            .collect()
    }

    /// Links several complaints to one ticket (or to the ticket another complaint
    /// carries), each with its own `link` event, all or none.
    pub fn link_many(
        &mut self,
        references: &[String],
        target: &LinkTarget,
    ) -> Result<(Vec<Complaint>, Option<FieldWarning>)> {
        let own: Vec<String> = references
            .iter()
            .map(|r| r.trim().to_ascii_uppercase())
            .collect();
        let (ticket_no, linked_to, warning) = self.link_target(target, &own)?;
        let now = self.now();
        let linked = self.bulk(references, Step::Link, |desk, _, _| {
            Ok((
                Change::Ticket {
                    at: now,
                    ticket_no: ticket_no.clone(),
                    linked_to: linked_to.clone(),
                },
                desk.link_event(now, &ticket_no, linked_to.as_deref()),
            ))
        })?;
        Ok((linked, warning))
    }

    /// Hands the ticket number to several applicants by one channel, each with its
    /// own `handover` event, all or none. Every applicant must be reachable by the
    /// channel (a phone for telepon/whatsapp, an e-mail for email), and a handover
    /// past a complaint's deadline needs `late_reason`, as one by one.
    pub fn hand_over_many(
        &mut self,
        references: &[String],
        via: &str,
        late_reason: Option<&str>,
        note: Option<&str>,
    ) -> Result<Vec<Complaint>> {
        use crate::domain::handover::contact_for;
        use crate::domain::report::{HandoverNote, LateReason};
        let via = handover_channel(via)?;
        let (late_reason, text) = handover_words(late_reason, note)?;
        let now = self.now();
        self.bulk(references, Step::HandOver, |desk, c, _| {
            if let Err(missing) = contact_for(c, via) {
                return Err(DeskError::invalid(missing));
            }
            let late =
                sla::met(&desk.calendar, c.details.received_at, sla_budget(), now) == Some(false);
            if late && late_reason.is_none() {
                return Err(DeskError::invalid(LateReason::missing()));
            }
            let mut event = desk.event("handover", now);
            event.note = Some(
                HandoverNote {
                    via: via.as_str().to_string(),
                    // One reason given for many callers belongs to the late ones only.
                    late_reason: late_reason.filter(|_| late),
                    text: (!text.is_empty()).then(|| text.clone()),
                }
                .to_note(),
            );
            let change = Change::HandOver {
                at: now,
                via,
                phone: None,
                email: None,
            };
            Ok((change, event))
        })
    }

    /// The complaints on `ticket_no` that wait for their handover (ticketed), in
    /// order of receipt. Refused when none does.
    pub fn awaiting_handover(&self, ticket_no: &str) -> Result<Vec<Complaint>> {
        let t = self.ticket_no_of(ticket_no)?;
        let rows: Vec<Complaint> = self
            .store
            .on_ticket(&t, crate::domain::incident::BULK_MAX * 4 + 1)?
            .into_iter()
            .filter(|c| c.stage == Stage::Ticketed)
            .collect();
        if rows.is_empty() {
            return Err(DeskError::invalid(FieldError::says("ticket", |lang| {
                M::NoneAwaitsHandover(lang, &t)
            })));
        }
        Ok(rows)
    }

    /// Hands over every complaint on a ticket that waits for it.
    pub fn hand_over_ticket(
        &mut self,
        ticket_no: &str,
        via: &str,
        late_reason: Option<&str>,
        note: Option<&str>,
    ) -> Result<Vec<Complaint>> {
        // The channel is checked first: a typo in it is the officer's to fix whatever
        // the ticket holds.
        handover_channel(via)?;
        let refs: Vec<String> = self
            .awaiting_handover(ticket_no)?
            .into_iter()
            .map(|c| c.reference)
            .collect();
        self.hand_over_many(&refs, via, late_reason, note)
    }

    /// Withdraws several complaints with one reason, each with its own `cancel`
    /// event, all or none.
    pub fn cancel_many(&mut self, references: &[String], reason: &str) -> Result<Vec<Complaint>> {
        let reason =
            text::free_text("reason", reason, NOTE_MAX, true, false).map_err(DeskError::invalid)?;
        let now = self.now();
        self.bulk(references, Step::Cancel, |desk, _, _| {
            let mut event = desk.event("cancel", now);
            event.note = Some(reason.clone());
            Ok((
                Change::Cancel {
                    at: now,
                    reason: reason.clone(),
                },
                event,
            ))
        })
    }

    /// Dir. IKC finished several complaints, each with its own `resolve` event, all
    /// or none; each applicant is then owed a notice.
    pub fn resolve_many(&mut self, references: &[String], note: &str) -> Result<Vec<Complaint>> {
        let note =
            text::free_text("note", note, NOTE_MAX, false, false).map_err(DeskError::invalid)?;
        let note = (!note.is_empty()).then_some(note);
        let now = self.now();
        self.bulk(references, Step::Resolve, |desk, _, _| {
            let mut event = desk.event("resolve", now);
            event.note = note.clone();
            Ok((
                Change::Resolve {
                    at: now,
                    note: note.clone(),
                },
                event,
            ))
        })
    }

    /// The ticket is resolved: every complaint on it that was handed over is
    /// resolved (all or none). Returns them and the complaints on the ticket still
    /// waiting for their handover, which stay as they are.
    pub fn resolve_ticket(
        &mut self,
        ticket_no: &str,
        note: &str,
    ) -> Result<(Vec<Complaint>, Vec<Complaint>)> {
        let t = self.ticket_no_of(ticket_no)?;
        let rows = self
            .store
            .on_ticket(&t, crate::domain::incident::BULK_MAX * 4 + 1)?;
        let (handed, waiting): (Vec<Complaint>, Vec<Complaint>) = rows
            .into_iter()
            .filter(|c| matches!(c.stage, Stage::HandedOver | Stage::Ticketed))
            .partition(|c| c.stage == Stage::HandedOver);
        if handed.is_empty() {
            return Err(DeskError::invalid(FieldError::says("ticket", |lang| {
                M::NoneHandedOverOpen(lang, &t)
            })));
        }
        let refs: Vec<String> = handed.into_iter().map(|c| c.reference).collect();
        Ok((self.resolve_many(&refs, note)?, waiting))
    }

    /// The message handing `c`'s ticket number to its applicant, as of now.
    pub fn handover_message(&self, c: &Complaint, lang: Lang) -> String {
        crate::domain::handover::handover_message(lang, c, self.now(), self.calendar.offset())
    }

    pub(super) fn ticket_no_of(&self, raw: &str) -> Result<String> {
        let (t, _) = validate::ticket_no(raw, &self.ticket_pattern).map_err(|e| {
            DeskError::invalid(FieldMsg {
                field: "ticket",
                ..e
            })
        })?;
        Ok(t)
    }

    /// One ticket with every caller on it, from the ticket number or from any of
    /// its complaints' references.
    pub fn incident(&self, ticket_or_ref: &str) -> Result<crate::domain::incident::Incident> {
        use crate::domain::incident::{Caller, Incident};
        let ticket_no = match link_target_of(ticket_or_ref) {
            LinkTarget::Complaint(r) => {
                let c = self.get(&r)?;
                c.ticket_no.ok_or_else(|| {
                    DeskError::invalid(FieldError::says("ticket", |lang| {
                        M::NoTicketYet(lang, &c.reference)
                    }))
                })?
            }
            LinkTarget::Ticket(t) => self.ticket_no_of(&t)?,
        };
        let rows = self.store.on_ticket(&ticket_no, INCIDENT_CALLERS_MAX)?;
        if rows.is_empty() {
            return Err(DeskError::invalid(FieldError::says("ticket", |lang| {
                M::NoneOnTicket(lang, &ticket_no)
            })));
        }
        let first = rows
            .iter()
            .find(|c| c.linked_to.is_none())
            .or(rows.first())
            .map(|c| c.linked_to.clone().unwrap_or(c.reference.clone()))
            .unwrap_or_default();
        let callers = rows.iter().map(Caller::of).collect::<Vec<_>>();
        let at_bcare = match rows.iter().find(|c| c.reference == first) {
            Some(c) => self
                .store
                .events(c.id)?
                .into_iter()
                .filter(|e| {
                    e.kind == crate::domain::ceisacare::STEP_EVENT
                        || e.kind == crate::domain::ceisacare::ANSWER_EVENT
                })
                .collect(),
            None => Vec::new(),
        };
        Ok(Incident {
            ticket_no,
            first,
            callers,
            at_bcare,
        })
    }
}

/// The most callers the incident view lists: far beyond one outage's.
const INCIDENT_CALLERS_MAX: usize = 2_000;
