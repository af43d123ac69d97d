//! The steps of the instruksi kerja, one complaint at a time: intake, forward,
//! record the ticket, link, hand over, resolve, cancel — each checked by the
//! workflow and written with its event in one transaction.

use super::{Desk, DeskError, Forwarded, LinkTarget, Result, sla_budget};
use crate::config::ClientKind;
use crate::domain::bcare_report::BcareReport;
use crate::domain::category::Category;
use crate::domain::complaint::{Channel, Complaint, Stage};
use crate::domain::desk_note::{self, DeskNote};
use crate::domain::intake::IntakeForm;
use crate::domain::msg::{FieldError, FieldWarning, Lang, M};
use crate::domain::sla::{self, SlaStatus};
use crate::domain::text::{self, NOTE_MAX};
use crate::domain::validate;
use crate::domain::when::local_date;
use crate::domain::workflow::{self, Step};
use crate::store::{Change, NewEvent, NewOutbox};
use chrono::Datelike;

/// The report's description carries the intake template above the applicant's story.
const REPORT_DESCRIPTION_MAX: usize = text::DESCRIPTION_MAX + 2_000;

impl Desk {
    /// Langkah 1: the complaint is received; the SLA clock starts at `received_at`.
    pub fn intake(&mut self, form: &IntakeForm) -> Result<(Complaint, Vec<FieldWarning>)> {
        let now = self.now();
        let (new, warnings) = form
            .validate(&self.intake_context())
            .map_err(DeskError::Invalid)?;
        let deadline =
            sla::deadline(&self.calendar, new.received_at, sla_budget()).ok_or_else(|| {
                DeskError::invalid(FieldError::of("received_at", M::NoWorkingTimeAhead))
            })?;
        let ref_year = local_date(now, self.calendar.offset()).year();
        let mut event = self.event("intake", now);
        event.after = Some(Stage::Received.as_str().into());
        if !warnings.is_empty() {
            event.note = Some(
                warnings
                    .iter()
                    .map(|w| w.text(Lang::Id))
                    .collect::<Vec<_>>()
                    .join("; "),
            );
            event.said = Some(DeskNote::Checks {
                remarks: desk_note::remarks(&warnings),
            });
        }
        let mut records = [crate::store::IntakeRecord {
            ref_year,
            complaint: Complaint::received(new, deadline),
            events: vec![event],
        }];
        self.store.insert_complaints(&mut records)?;
        let [record] = records;
        Ok((record.complaint, warnings))
    }

    pub fn get(&self, reference: &str) -> Result<Complaint> {
        Ok(self.store.get(reference)?)
    }

    fn category_of(&self, c: &Complaint) -> Result<&Category> {
        self.categories.get(&c.details.category).ok_or_else(|| {
            DeskError::Other(anyhow::anyhow!(
                "{}: category {} is not in the category list",
                c.reference,
                c.details.category
            ))
        })
    }

    /// The report as it will be sent to BCare.
    pub fn report(&self, c: &Complaint) -> Result<BcareReport> {
        Ok(BcareReport::from_complaint(
            c,
            self.category_of(c)?,
            self.calendar.offset(),
        ))
    }

    fn transition(
        &mut self,
        c: &Complaint,
        step: Step,
        change: Change,
        mut event: NewEvent,
        outbox: Option<NewOutbox>,
    ) -> Result<Complaint> {
        let to = workflow::check(c.stage, step)?;
        event.before = event.before.or_else(|| Some(c.stage.as_str().into()));
        event.after = event.after.or_else(|| Some(to.as_str().into()));
        self.store.apply(c, to, &change, &event, outbox.as_ref())?;
        Ok(self.store.get_by_id(c.id)?)
    }

    /// Langkah 2: the report goes to Dir. IKC through BCare.
    pub fn forward(&mut self, reference: &str) -> Result<(Complaint, Forwarded)> {
        self.forward_with(reference, None)
    }

    /// Langkah 2 with the report as the officer edited it on screen (the reference,
    /// which is also the idempotency key, always stays the complaint's own).
    pub fn forward_report(
        &mut self,
        reference: &str,
        edited: &BcareReport,
    ) -> Result<(Complaint, Forwarded)> {
        self.forward_with(reference, Some(edited))
    }

    fn forward_with(
        &mut self,
        reference: &str,
        edited: Option<&BcareReport>,
    ) -> Result<(Complaint, Forwarded)> {
        let c = self.get(reference)?;
        workflow::check(c.stage, Step::Forward)?;
        let report = match edited {
            // What the officer typed into the report is checked like intake text:
            // a password or OTP never leaves the desk.
            Some(r) => BcareReport {
                reference: c.reference.clone(),
                problem: text::free_text("problem", &r.problem, text::SUBJECT_MAX, true, true)
                    .map_err(DeskError::invalid)?,
                description: text::free_text(
                    "description",
                    &r.description,
                    REPORT_DESCRIPTION_MAX,
                    true,
                    false,
                )
                .map_err(DeskError::invalid)?,
                ..r.clone()
            },
            None => self.report(&c)?,
        };
        let now = self.now();
        let client = self.config.bcare.client;
        let (outbox, outcome) = match client {
            // CEISACare is filed in its web form too; its number comes back by itself.
            ClientKind::Portal | ClientKind::Ceisacare => (
                None,
                Forwarded::Portal {
                    report,
                    portal_url: self.config.bcare.portal_url.clone(),
                },
            ),
            ClientKind::Http | ClientKind::Sim => (
                Some(NewOutbox {
                    idempotency_key: c.reference.clone(),
                    client: client.as_str().into(),
                    payload: serde_json::to_string(&report)
                        .map_err(|e| DeskError::Other(e.into()))?,
                    created_at: now,
                }),
                Forwarded::Queued {
                    report,
                    client: client.as_str().into(),
                },
            ),
        };
        let mut event = self.event("forward", now);
        event.note = Some(format!("client {}", client.as_str()));
        event.said = Some(DeskNote::Client {
            client: client.as_str().into(),
        });
        let c = self.transition(
            &c,
            Step::Forward,
            Change::Forward { at: now },
            event,
            outbox,
        )?;
        Ok((c, outcome))
    }

    /// Langkah 3: the ticket number BCare gave back (a typo can be corrected before handover).
    pub fn record_ticket(
        &mut self,
        reference: &str,
        raw_ticket: &str,
    ) -> Result<(Complaint, Option<FieldWarning>)> {
        let c = self.get(reference)?;
        workflow::check(c.stage, Step::RecordTicket)?;
        let (ticket_no, warning) =
            validate::ticket_no(raw_ticket, &self.ticket_pattern).map_err(DeskError::invalid)?;
        let now = self.now();
        let mut event = self.event("ticket", now);
        if c.stage == Stage::Ticketed {
            event.kind = "ticket_corrected";
            event.before = c.ticket_no.clone();
            event.after = Some(ticket_no.clone());
        } else {
            event.note = Some(format!("ticket {ticket_no}"));
        }
        if let Some(w) = &warning {
            event.note = Some(
                [event.note.take().unwrap_or_default(), w.text(Lang::Id)]
                    .join("; ")
                    .trim_start_matches("; ")
                    .to_string(),
            );
        }
        event.said = Some(DeskNote::Ticket {
            ticket: (event.kind == "ticket").then(|| ticket_no.clone()),
            remarks: desk_note::remarks(warning.as_slice()),
        })
        .filter(|n| !n.say(Lang::Id).is_empty());
        let change = Change::Ticket {
            at: now,
            ticket_no,
            linked_to: None,
        };
        let c = self.transition(&c, Step::RecordTicket, change, event, None)?;
        Ok((c, warning))
    }

    /// One outage, many callers: this complaint takes a ticket already filed.
    pub fn link(
        &mut self,
        reference: &str,
        target: &LinkTarget,
    ) -> Result<(Complaint, Option<FieldWarning>)> {
        let c = self.get(reference)?;
        workflow::check(c.stage, Step::Link)?;
        let (ticket_no, linked_to, warning) =
            self.link_target(target, std::slice::from_ref(&c.reference))?;
        let now = self.now();
        let event = self.link_event(now, &ticket_no, linked_to.as_deref());
        let change = Change::Ticket {
            at: now,
            ticket_no,
            linked_to,
        };
        let c = self.transition(&c, Step::Link, change, event, None)?;
        Ok((c, warning))
    }

    /// Langkah 4: the ticket number is handed to the applicant; the SLA clock stops.
    pub fn hand_over(&mut self, reference: &str, via: &str) -> Result<Complaint> {
        self.hand_over_reaching(reference, via, None, None, None)
    }

    pub fn resolve(&mut self, reference: &str, note: &str) -> Result<Complaint> {
        let c = self.get(reference)?;
        workflow::check(c.stage, Step::Resolve)?;
        let note =
            text::free_text("note", note, NOTE_MAX, false, false).map_err(DeskError::invalid)?;
        let note = (!note.is_empty()).then_some(note);
        let now = self.now();
        let mut event = self.event("resolve", now);
        event.note = note.clone();
        self.transition(
            &c,
            Step::Resolve,
            Change::Resolve { at: now, note },
            event,
            None,
        )
    }

    pub fn cancel(&mut self, reference: &str, reason: &str) -> Result<Complaint> {
        let c = self.get(reference)?;
        workflow::check(c.stage, Step::Cancel)?;
        let reason =
            text::free_text("reason", reason, NOTE_MAX, true, false).map_err(DeskError::invalid)?;
        let now = self.now();
        let mut event = self.event("cancel", now);
        event.note = Some(reason.clone());
        self.transition(
            &c,
            Step::Cancel,
            Change::Cancel { at: now, reason },
            event,
            None,
        )
    }

    /// Where the complaint's SLA stands: at now while the clock runs, at the
    /// handover once it stopped; None for a complaint closed without handover.
    pub fn sla_of(&self, c: &Complaint) -> Option<SlaStatus> {
        let at = match c.stage {
            s if s.sla_running() => self.now(),
            _ => c.handed_over_at?,
        };
        sla::status(&self.calendar, c.details.received_at, sla_budget(), at)
    }

    /// Met or not, once handed over; None before.
    pub fn sla_met(&self, c: &Complaint) -> Option<bool> {
        let handed = c.handed_over_at?;
        sla::met(&self.calendar, c.details.received_at, sla_budget(), handed)
    }

    /// Langkah 4 as the command line takes it: a handover past the deadline must say
    /// why (`late_reason`, one of [`LateReason::ALL`]), with optional words of the
    /// officer. Both ride in the handover event's note ([`HandoverNote`]).
    pub fn hand_over_with_reason(
        &mut self,
        reference: &str,
        via: &str,
        late_reason: Option<&str>,
        note: Option<&str>,
    ) -> Result<Complaint> {
        self.hand_over_reaching(reference, via, None, late_reason, note)
    }

    /// Hands the number over by `via`, which must reach the applicant: WhatsApp
    /// and telephone need a phone, e-mail an address. `reach` gives the one the
    /// complaint lacks (kept on the applicant); without it the step is refused,
    /// naming what is missing.
    pub fn hand_over_reaching(
        &mut self,
        reference: &str,
        via: &str,
        reach: Option<&str>,
        late_reason: Option<&str>,
        note: Option<&str>,
    ) -> Result<Complaint> {
        use crate::domain::report::{HandoverNote, LateReason};
        let c = self.get(reference)?;
        workflow::check(c.stage, Step::HandOver)?;
        let via = Channel::parse(via)
            .ok_or_else(|| DeskError::invalid(FieldError::of("via", M::ChannelOneOf)))?;
        let (phone, email) = match (via, reach.map(str::trim).filter(|r| !r.is_empty())) {
            (Channel::Whatsapp | Channel::Telepon, Some(r)) => {
                (Some(validate::phone(r).map_err(DeskError::invalid)?), None)
            }
            (Channel::Email, Some(r)) => {
                (None, Some(validate::email(r).map_err(DeskError::invalid)?))
            }
            _ => (None, None),
        };
        let mut reached = c.clone();
        if phone.is_some() {
            reached.details.applicant.phone = phone.clone();
        }
        if email.is_some() {
            reached.details.applicant.email = email.clone();
        }
        crate::domain::handover::contact_for(&reached, via).map_err(DeskError::invalid)?;
        let (late_reason, text) = handover_words(late_reason, note)?;
        let now = self.now();
        let late =
            sla::met(&self.calendar, c.details.received_at, sla_budget(), now) == Some(false);
        match (late, late_reason) {
            (true, None) => return Err(DeskError::invalid(LateReason::missing())),
            // Only late handovers carry a reason: the report's late list stays clean.
            (false, Some(_)) => return Err(DeskError::invalid(LateReason::not_late())),
            _ => {}
        }
        let mut event = self.event("handover", now);
        event.note = Some(
            HandoverNote {
                via: via.as_str().to_string(),
                late_reason,
                text: (!text.is_empty()).then_some(text),
            }
            .to_note(),
        );
        self.transition(
            &c,
            Step::HandOver,
            Change::HandOver {
                at: now,
                via,
                phone,
                email,
            },
            event,
            None,
        )
    }
}

/// The channel a handover goes by, as typed.
pub(super) fn handover_channel(via: &str) -> Result<Channel> {
    Channel::parse(via).ok_or_else(|| DeskError::invalid(FieldError::of("via", M::ChannelOneOf)))
}

/// What an officer adds to a handover: a late reason (checked against the catalog's
/// list) and free words (screened like every text that is kept).
pub(super) fn handover_words(
    late_reason: Option<&str>,
    note: Option<&str>,
) -> Result<(Option<crate::domain::report::LateReason>, String)> {
    use crate::domain::report::LateReason;
    let late_reason = match late_reason.map(str::trim).filter(|r| !r.is_empty()) {
        Some(raw) => Some(
            LateReason::parse(raw).ok_or_else(|| DeskError::invalid(LateReason::unknown(raw)))?,
        ),
        None => None,
    };
    let text = text::free_text("note", note.unwrap_or(""), NOTE_MAX, false, true)
        .map_err(DeskError::invalid)?;
    Ok((late_reason, text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use chrono::TimeZone;
    use chrono::Utc;
    use std::sync::Arc;

    /// A desk on a temp database at Monday 30 November 2026, 09:00 WITA, sending by the simulator.
    fn desk_at_monday() -> (Desk, tempfile::TempDir) {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut config = Config::default();
        config.bcare.client = ClientKind::Sim;
        let now = Utc.with_ymd_and_hms(2026, 11, 30, 1, 0, 0).unwrap();
        let desk = Desk::open(
            dir.path().join("desk.db"),
            config,
            None,
            Arc::new(move || now),
        )
        .expect("open");
        (desk, dir)
    }

    #[test]
    fn an_edited_report_carrying_a_secret_never_reaches_the_outbox() {
        let (mut desk, _dir) = desk_at_monday();
        let form = IntakeForm {
            name: "Andi Wijaya".into(),
            kind: "pegawai".into(),
            nip: "198501012010011001".into(),
            phone: "081234567890".into(),
            channel: "telepon".into(),
            category: "AKUN".into(),
            subject: "Tidak bisa login CEISA".into(),
            description: "OTP tidak masuk sejak pagi.".into(),
            user_id: "andi01".into(),
            ..IntakeForm::default()
        };
        let (c, _) = desk.intake(&form).expect("intake");
        let report = desk.report(&c).expect("report");
        // The forms seen in the report editor: a code glued to the template's next line,
        // a label with words before the value, "-nya" written apart.
        for (field, edit) in [
            ("description", format!("OTP 123456{}", report.description)),
            (
                "description",
                format!("{}\nPassword baru: Qwerty!23", report.description),
            ),
            ("problem", format!("{} kode OTP nya 482913", report.problem)),
        ] {
            let mut edited = report.clone();
            if field == "problem" {
                edited.problem = edit;
            } else {
                edited.description = edit;
            }
            match desk.forward_report(&c.reference, &edited) {
                Err(DeskError::Invalid(errors)) => assert_eq!(errors[0].field, field),
                other => panic!("{field}: not refused: {:?}", other.map(|(c, _)| c.stage)),
            }
            let d = desk.dossier(&c.reference).expect("dossier");
            assert!(d.outbox.is_empty(), "{field}: queued for BCare");
            assert_eq!(desk.get(&c.reference).expect("get").stage, Stage::Received);
        }
        // The report as the desk wrote it passes the same guard.
        desk.forward_report(&c.reference, &report).expect("forward");
        assert_eq!(desk.dossier(&c.reference).expect("dossier").outbox.len(), 1);
    }
}
