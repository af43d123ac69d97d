//! One outage, many callers: which open ticket a new complaint is probably about
//! (the window counted in working hours), the references a bulk step takes, and
//! the incident view — one ticket with every caller on it. Pure: no I/O, no clock.

use super::alike::{self, Alike, Problem};
use super::calendar::WorkCalendar;
use super::complaint::{Channel, Complaint, Stage};
use super::msg::{FieldError, Lang, M};
use chrono::{DateTime, TimeDelta, Utc};
use serde::Serialize;

/// The most complaints one bulk step takes: a screenful of callers, far more than
/// one outage brings within the hour, and a bound on one transaction.
pub const BULK_MAX: usize = 200;

/// The most suggestions shown for one intake.
pub const CANDIDATES_MAX: usize = 5;

/// How many open tickets a bulk link lists to choose from.
pub const LINK_CHOICES_MAX: usize = 8;

/// The stages of a complaint whose report reached BCare and is not finished:
/// what a new caller about the same outage may join.
pub const CANDIDATE_STAGES: [Stage; 3] = [Stage::Forwarded, Stage::Ticketed, Stage::HandedOver];

/// Days searched back for working time before the window gives up (a calendar
/// with a long closure, e.g. Lebaran's cuti bersama, still ends well within it).
const MAX_DAYS_BACK: u32 = 60;

/// The instant `hours` working hours before `now`: a complaint received since then
/// is within the incident window. Outside working hours the window reaches back
/// into the last working day (on Monday morning, Friday afternoon counts).
pub fn window_start(cal: &WorkCalendar, now: DateTime<Utc>, hours: u32) -> DateTime<Utc> {
    let mut left = TimeDelta::hours(i64::from(hours));
    let mut day = now.with_timezone(&cal.offset()).date_naive();
    let mut earliest = now;
    for _ in 0..MAX_DAYS_BACK {
        for (s, e) in cal.working_intervals(day).into_iter().rev() {
            if s >= now {
                continue;
            }
            let to = e.min(now);
            let avail = to - s;
            if avail >= left {
                return to - left;
            }
            left -= avail;
            earliest = s;
        }
        match day.pred_opt() {
            Some(d) => day = d,
            None => break,
        }
    }
    earliest
}

/// An open ticket a new complaint may share.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IncidentCandidate {
    /// The most recent complaint about it (the one to name to the officer).
    #[serde(rename = "ref")]
    pub reference: String,
    /// None while the report waits for its number (forwarded): link once it has one.
    pub ticket_no: Option<String>,
    pub stage: Stage,
    pub subject: String,
    pub received_at: DateTime<Utc>,
    /// Complaints on this ticket within the window (1 for one not yet ticketed).
    pub callers: usize,
    /// How plainly it is the same problem: `on_enter` puts the offer on Enter.
    pub alike: Alike,
}

/// The suggestions for a new complaint about `problem`, from complaints of its
/// category received within the window: one per ticket (its latest caller), and
/// each complaint still waiting for a number on its own; only those alike enough
/// to offer ([`alike::OFFER`], the best-matching caller on a ticket counts), the
/// ones plainly the same first, then the most recent. `rows` may come in any order.
pub fn candidates(rows: Vec<Complaint>, problem: &Problem, limit: usize) -> Vec<IncidentCandidate> {
    let mut out = by_ticket(rows, problem);
    out.retain(|c| c.alike != Alike::Unrelated);
    // Stable: within a level, the most recent stays first.
    out.sort_by_key(|c| std::cmp::Reverse(c.alike));
    out.truncate(limit);
    out
}

/// The open tickets picked complaints may be linked to at once: every ticket of
/// the category with its number, the most alike first, then the most recent. None
/// is left out for being unlike: the officer picked the callers and chooses.
pub fn link_choices(
    rows: Vec<Complaint>,
    problem: &Problem,
    limit: usize,
) -> Vec<IncidentCandidate> {
    let mut out = by_ticket(rows, problem);
    out.retain(|c| c.ticket_no.is_some());
    out.sort_by_key(|c| std::cmp::Reverse(c.alike));
    out.truncate(limit);
    out
}

/// One candidate per ticket (the most recent complaint named, its callers
/// counted, its likeness the best of theirs), the most recent first.
fn by_ticket(mut rows: Vec<Complaint>, problem: &Problem) -> Vec<IncidentCandidate> {
    rows.sort_by_key(|c| std::cmp::Reverse((c.details.received_at, c.id)));
    let mut out: Vec<IncidentCandidate> = Vec::new();
    for c in rows {
        if !CANDIDATE_STAGES.contains(&c.stage) {
            continue;
        }
        let level = Alike::of(alike::score(
            problem,
            &Problem::of(&c.details.subject, &c.details.description),
        ));
        if let Some(t) = &c.ticket_no
            && let Some(seen) = out.iter_mut().find(|o| o.ticket_no.as_ref() == Some(t))
        {
            seen.callers += 1;
            seen.alike = seen.alike.max(level);
            continue;
        }
        out.push(IncidentCandidate {
            reference: c.reference,
            ticket_no: c.ticket_no,
            stage: c.stage,
            subject: c.details.subject,
            received_at: c.details.received_at,
            callers: 1,
            alike: level,
        });
    }
    out
}

/// The line intake prints under a saved complaint when it may be a known outage;
/// one only alike enough to offer says so.
pub fn hint(candidate: &IncidentCandidate, reference: &str, lang: Lang) -> String {
    let line = hint_line(candidate, reference, lang);
    match candidate.alike {
        Alike::OnEnter | Alike::Unrelated => line,
        Alike::Offered => format!("{line} {}", M::HintPerhaps.get(lang)),
    }
}

fn hint_line(candidate: &IncidentCandidate, reference: &str, lang: Lang) -> String {
    let other = &candidate.reference;
    match &candidate.ticket_no {
        Some(t) => M::HintSameTicket(lang, other, t, candidate.callers, reference),
        None => M::HintSameWaiting(lang, other, reference),
    }
}

/// The references a bulk step takes, as typed: trimmed, upper-cased, each once
/// (in the order given), at least one and at most [`BULK_MAX`].
pub fn references(raw: &[String]) -> Result<Vec<String>, FieldError> {
    if raw.len() > BULK_MAX * 4 {
        // Refused before any work: a pasted list of thousands is a mistake.
        return Err(too_many(raw.len()));
    }
    let mut out: Vec<String> = Vec::new();
    for r in raw {
        let r = r.trim().to_ascii_uppercase();
        if r.is_empty() {
            return Err(FieldError::of("references", M::EmptyReference));
        }
        if !out.contains(&r) {
            out.push(r);
        }
    }
    if out.is_empty() {
        return Err(FieldError::of("references", M::NoReference));
    }
    if out.len() > BULK_MAX {
        return Err(too_many(out.len()));
    }
    Ok(out)
}

fn too_many(n: usize) -> FieldError {
    FieldError::says("references", |lang| M::TooManyAtOnce(lang, BULK_MAX, n))
}

/// One caller on a ticket, as the incident view lists them. Personal data: shown
/// to the officer, never logged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Caller {
    #[serde(rename = "ref")]
    pub reference: String,
    pub stage: Stage,
    pub applicant: String,
    /// Phone, else e-mail: where the handover and the notice go.
    pub contact: Option<String>,
    /// How the complaint came in.
    pub channel: Channel,
    pub received_at: DateTime<Utc>,
    pub handed_over_at: Option<DateTime<Utc>>,
    pub handover_via: Option<Channel>,
    /// When the applicant was told the ticket was resolved.
    pub notified_at: Option<DateTime<Utc>>,
    /// Resolved and not yet told: the officer owes this caller a notice.
    pub owed_notice: bool,
}

impl Caller {
    pub fn of(c: &Complaint) -> Caller {
        let a = &c.details.applicant;
        Caller {
            reference: c.reference.clone(),
            stage: c.stage,
            applicant: a.name.clone(),
            contact: a.phone.clone().or_else(|| a.email.clone()),
            channel: c.details.channel,
            received_at: c.details.received_at,
            handed_over_at: c.handed_over_at,
            handover_via: c.handover_via,
            notified_at: c.notified_at,
            owed_notice: super::followup::notice_owed(c.stage, c.notified_at),
        }
    }
}

/// One ticket with every complaint on it, in order of receipt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Incident {
    pub ticket_no: String,
    /// The complaint that first carried the ticket (the report filed with BCare).
    pub first: String,
    pub callers: Vec<Caller>,
    /// Dir. IKC's steps and answers read back from BCare, kept on the first
    /// complaint's timeline and shown here for every caller, oldest first.
    pub at_bcare: Vec<crate::domain::complaint::Event>,
}

impl Incident {
    /// Callers whose ticket number is still theirs to receive.
    pub fn awaiting_handover(&self) -> usize {
        self.callers
            .iter()
            .filter(|c| c.stage == Stage::Ticketed)
            .count()
    }

    /// Callers owed a notice that the ticket was resolved.
    pub fn owed_notices(&self) -> usize {
        self.callers.iter().filter(|c| c.owed_notice).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::complaint::{Applicant, ApplicantKind, NewComplaint};
    use chrono::TimeZone;

    /// An instant in WITA.
    fn wita(d: u32, h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, d, h, m, 0).unwrap() - TimeDelta::hours(8)
    }

    #[test]
    fn the_window_counts_working_hours_only() {
        let cal = WorkCalendar::builtin();
        // Monday 30 Nov 2026, 10:00: 2.5 h this morning, 1.5 h on Friday afternoon.
        assert_eq!(window_start(&cal, wita(30, 10, 0), 4), wita(27, 15, 30));
        // Monday 14:00: 1 h after lunch, 3 h of the morning (back to 09:15).
        assert_eq!(window_start(&cal, wita(30, 14, 0), 4), wita(30, 9, 15));
        // Saturday: Friday's last four working hours (13:15–17:00 is 3.75 h).
        assert_eq!(window_start(&cal, wita(28, 11, 0), 4), wita(27, 11, 15));
        // Inside the window the working time is exactly the window, whatever the gap.
        let now = wita(30, 8, 0);
        let start = window_start(&cal, now, 4);
        assert_eq!(
            crate::domain::sla::working_time_between(&cal, start, now),
            TimeDelta::hours(4)
        );
    }

    fn complaint(id: i64, stage: Stage, ticket: Option<&str>, at: DateTime<Utc>) -> Complaint {
        let mut c = Complaint::received(
            NewComplaint {
                applicant: Applicant {
                    kind: ApplicantKind::Pegawai,
                    name: format!("Caller {id}"),
                    nip: None,
                    org: None,
                    npwp: None,
                    nib: None,
                    phone: None,
                    email: Some(format!("c{id}@example.go.id")),
                },
                channel: Channel::Telepon,
                category: "IMP".into(),
                subject: "CEISA down".into(),
                description: "-".into(),
                user_id: None,
                aju: vec![],
                doc_type: None,
                doc_status: None,
                doc_submitted_at: None,
                attachments: vec![],
                received_at: at,
            },
            at,
        );
        c.id = id;
        c.reference = format!("ADU-2026-{id:05}");
        c.stage = stage;
        c.ticket_no = ticket.map(str::to_string);
        c
    }

    #[test]
    fn candidates_are_one_per_ticket_most_recent_first() {
        let rows = vec![
            complaint(1, Stage::HandedOver, Some("A0254EB2B1"), wita(30, 8, 0)),
            complaint(2, Stage::Ticketed, Some("A0254EB2B1"), wita(30, 8, 30)),
            complaint(3, Stage::Forwarded, None, wita(30, 9, 0)),
            complaint(4, Stage::Resolved, Some("B0000000C1"), wita(30, 9, 10)),
            complaint(5, Stage::Ticketed, Some("C0000000D2"), wita(30, 7, 45)),
        ];
        let got = candidates(rows, &Problem::of("CEISA down", "-"), 10);
        let refs: Vec<_> = got.iter().map(|c| c.reference.as_str()).collect();
        assert_eq!(refs, ["ADU-2026-00003", "ADU-2026-00002", "ADU-2026-00005"]);
        assert_eq!(got[1].callers, 2);
        assert_eq!(got[0].ticket_no, None);
        let hint_id = hint(&got[1], "ADU-2026-00009", Lang::Id);
        assert!(
            hint_id.contains("sama dengan ADU-2026-00002, tiket A0254EB2B1"),
            "{hint_id}"
        );
        assert!(hint_id.contains("--ticket A0254EB2B1"), "{hint_id}");
        assert_eq!(
            candidates(vec![], &Problem::of("CEISA down", "-"), 5),
            vec![]
        );
    }

    #[test]
    fn a_bulk_link_lists_every_numbered_ticket_alike_or_not_the_most_alike_first() {
        let mut unlike = complaint(4, Stage::Ticketed, Some("C0000000D2"), wita(30, 9, 30));
        unlike.details.subject = "Tarif HS salah pada PIB".into();
        let rows = vec![
            complaint(1, Stage::HandedOver, Some("A0254EB2B1"), wita(30, 8, 0)),
            complaint(2, Stage::Ticketed, Some("A0254EB2B1"), wita(30, 8, 30)),
            complaint(3, Stage::Forwarded, None, wita(30, 9, 0)),
            unlike,
        ];
        let got = link_choices(rows, &Problem::of("CEISA down", "-"), 8);
        let tickets: Vec<_> = got.iter().map(|c| c.ticket_no.as_deref()).collect();
        // Numbered tickets only (a forwarded report has none to link to), the
        // unrelated one kept but last.
        assert_eq!(tickets, [Some("A0254EB2B1"), Some("C0000000D2")]);
        assert_eq!(got[0].callers, 2);
        assert_eq!(got[1].alike, Alike::Unrelated);
    }

    #[test]
    fn only_alike_problems_are_offered_the_plainest_first() {
        let mut hs = complaint(1, Stage::Ticketed, Some("B0000000C1"), wita(30, 9, 30));
        hs.details.subject = "PIB ditolak, kode HS salah".into();
        let mut slow = complaint(2, Stage::Ticketed, Some("C0000000D2"), wita(30, 9, 20));
        slow.details.subject = "Kirim dokumen timeout terus".into();
        let down = complaint(3, Stage::Ticketed, Some("A0254EB2B1"), wita(30, 8, 0));
        let got = candidates(vec![hs, slow, down], &Problem::of("CEISA mati", "-"), 5);
        let seen: Vec<_> = got
            .iter()
            .map(|c| (c.reference.as_str(), c.alike))
            .collect();
        assert_eq!(
            seen,
            [
                ("ADU-2026-00003", Alike::OnEnter),
                ("ADU-2026-00002", Alike::Offered)
            ]
        );
        let perhaps = hint(&got[1], "ADU-2026-00009", Lang::En);
        assert!(perhaps.ends_with("(perhaps; check first)"), "{perhaps}");
        let plainly = hint(&got[0], "ADU-2026-00009", Lang::En);
        assert!(!plainly.contains("perhaps"), "{plainly}");
    }

    #[test]
    fn the_same_caller_is_named_only_while_the_earlier_complaint_is_open() {
        use crate::domain::alike::{npwp_key, same_caller};
        let mut old = complaint(1, Stage::Forwarded, None, wita(30, 8, 0));
        old.details.aju = vec!["00002001001720261127000123".into()];
        old.details.applicant.npwp = Some("012345678901000".into());
        let mut new = complaint(2, Stage::Received, None, wita(30, 9, 0));
        new.details.aju = old.details.aju.clone();
        let same = same_caller(&new, &old).expect("the same nomor aju");
        assert_eq!(
            (same.reference.as_str(), same.why),
            ("ADU-2026-00001", "nomor_aju")
        );
        assert_eq!(
            same.said(Lang::En),
            "same nomor aju as ADU-2026-00001, open (forwarded)"
        );
        // The same NPWP in its 16-digit form, the same problem: named.
        new.details.aju = vec![];
        new.details.applicant.npwp = Some("0012345678901000".into());
        assert_eq!(same_caller(&new, &old).map(|s| s.why), Some("npwp"));
        assert_eq!(npwp_key("0012345678901000"), npwp_key("012345678901000"));
        // Another problem of the same taxpayer: two complaints.
        new.details.subject = "Ganti alamat email akun".into();
        assert_eq!(same_caller(&new, &old), None);
        // Closed: nothing to warn about.
        new.details.aju = old.details.aju.clone();
        old.stage = Stage::Resolved;
        assert_eq!(same_caller(&new, &old), None);
    }

    #[test]
    fn references_are_bounded_deduplicated_and_named() {
        let refs = references(&["adu-2026-00001 ".into(), "ADU-2026-00001".into()]).unwrap();
        assert_eq!(refs, ["ADU-2026-00001"]);
        let many: Vec<String> = (0..10_000).map(|i| format!("ADU-2026-{i:05}")).collect();
        let err = references(&many).unwrap_err().text(Lang::En);
        assert!(err.starts_with("references: at most 200"), "{err}");
        assert!(err.contains("10000"), "{err}");
        let just_over: Vec<String> = (0..201).map(|i| format!("ADU-2026-{i:05}")).collect();
        assert!(references(&just_over).is_err());
        assert_eq!(references(&just_over[..200]).unwrap().len(), 200);
        assert!(references(&[]).is_err());
        assert!(references(&[" ".into()]).is_err());
    }

    #[test]
    fn a_resolved_caller_is_owed_a_notice_until_notified() {
        let mut c = complaint(1, Stage::Resolved, Some("A0254EB2B1"), wita(30, 8, 0));
        assert!(Caller::of(&c).owed_notice);
        c.notified_at = Some(wita(30, 15, 0));
        let caller = Caller::of(&c);
        assert!(!caller.owed_notice);
        assert_eq!(caller.notified_at, Some(wita(30, 15, 0)));
        let open = complaint(2, Stage::HandedOver, Some("A0254EB2B1"), wita(30, 8, 0));
        assert!(!Caller::of(&open).owed_notice);
        assert_eq!(
            Caller::of(&open).contact.as_deref(),
            Some("c2@example.go.id")
        );
    }
}
