//! Follow-up at Dir. IKC after the handover: which BCare statuses mean "done", how
//! many working days a ticket has been open, when it is to be chased, when a poll is
//! due, and the notice owed to the applicant once it is solved. Pure: the clock and
//! the calendar come in as arguments.

use super::calendar::WorkCalendar;
use super::complaint::{ApplicantKind, Complaint, Stage};
use super::msg::{Lang, M};
use chrono::{DateTime, TimeDelta, Utc};
use serde::Serialize;

/// Event kind: BCare (or the officer reading the portal) reported a new status.
pub const STATUS_EVENT: &str = "bcare_status";
/// Event kind: the applicant was told that Dir. IKC solved the problem.
pub const NOTIFIED_EVENT: &str = "notified";
/// Who a polled status change is recorded as: the party that changed it.
pub const DIR_IKC: &str = "Dir. IKC";

/// Whether the applicant of a complaint is owed the notice that Dir. IKC solved
/// it: resolved — by hand or by the follow-up, the same — and not told yet. The
/// store's `notices_owed` and follow-up list select the same rows (the
/// `complaints_owed_notice` index); a store test holds them to this function.
pub fn notice_owed(stage: Stage, notified_at: Option<DateTime<Utc>>) -> bool {
    stage == Stage::Resolved && notified_at.is_none()
}

/// A status as the desk compares it: trimmed, lower case, inner spaces, dashes and
/// underscores as one space ("In_Progress " = "in progress").
pub fn normalise_status(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c == '_' || c == '-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether BCare's status means Dir. IKC has solved the ticket.
pub fn is_done(status: &str, done_statuses: &[String]) -> bool {
    let s = normalise_status(status);
    !s.is_empty() && done_statuses.iter().any(|d| normalise_status(d) == s)
}

/// Working days a ticket has been open: the working dates after the one it was
/// issued on, up to and including today's (issued today = 0). The same rule as
/// the report's days from handover to resolution.
pub fn working_days_open(cal: &WorkCalendar, since: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
    let off = cal.offset();
    let (a, b) = (
        since.with_timezone(&off).date_naive(),
        now.with_timezone(&off).date_naive(),
    );
    a.iter_days()
        .skip(1)
        .take_while(|d| *d <= b)
        .filter(|d| !cal.working_intervals(*d).is_empty())
        .count() as i64
}

/// A ticket open longer than `chase_after_days` working days is to be chased.
pub fn needs_chase(days_open: i64, chase_after_days: u32) -> bool {
    days_open > i64::from(chase_after_days)
}

/// Whether the worker asks BCare again: only in working hours, and no sooner than
/// `poll_minutes` after the last poll.
pub fn poll_due(
    cal: &WorkCalendar,
    last: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    poll_minutes: u32,
) -> bool {
    cal.is_working(now)
        && last.is_none_or(|l| now - l >= TimeDelta::minutes(i64::from(poll_minutes)))
}

/// One complaint under follow-up, as the store reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Followed {
    pub reference: String,
    pub stage: Stage,
    pub ticket_no: String,
    /// When the ticket was issued (or taken by a link).
    pub ticketed_at: DateTime<Utc>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub last_status: Option<String>,
    pub last_status_at: Option<DateTime<Utc>>,
    /// Resolved and the applicant not yet told ([`notice_owed`]).
    pub notice_owed: bool,
}

/// One line of the follow-up list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FollowupItem {
    #[serde(rename = "ref")]
    pub reference: String,
    pub stage: &'static str,
    pub ticket_no: String,
    pub working_days_open: i64,
    pub last_status: Option<String>,
    /// When it was recorded, in the calendar's zone (RFC 3339).
    pub last_status_at: Option<String>,
    pub chase: bool,
    pub notify_owed: bool,
}

/// The follow-up list: notices owed first, then tickets to chase, then the rest;
/// the longest open first within each.
pub fn assess(
    rows: &[Followed],
    cal: &WorkCalendar,
    now: DateTime<Utc>,
    chase_after_days: u32,
) -> Vec<FollowupItem> {
    let mut items: Vec<FollowupItem> = rows
        .iter()
        .map(|r| {
            let until = r.resolved_at.unwrap_or(now);
            let days = working_days_open(cal, r.ticketed_at, until);
            let open = matches!(r.stage, Stage::Ticketed | Stage::HandedOver);
            FollowupItem {
                reference: r.reference.clone(),
                stage: r.stage.as_str(),
                ticket_no: r.ticket_no.clone(),
                working_days_open: days,
                last_status: r.last_status.clone(),
                last_status_at: r
                    .last_status_at
                    .map(|t| super::when::rfc3339_local(t, cal.offset())),
                chase: open && needs_chase(days, chase_after_days),
                notify_owed: r.notice_owed,
            }
        })
        .collect();
    items.sort_by(|a, b| {
        (b.notify_owed, b.chase, b.working_days_open, &a.reference).cmp(&(
            a.notify_owed,
            a.chase,
            a.working_days_open,
            &b.reference,
        ))
    });
    items
}

/// The notice that tells the applicant Dir. IKC solved the problem: the ticket
/// number and the outcome, in the officer's language.
pub fn resolution_notice(lang: Lang, c: &Complaint, outcome: &str) -> String {
    let d = &c.details;
    let name = d.applicant.name.trim();
    let ticket = c.ticket_no.as_deref().unwrap_or("-");
    let dear = match d.applicant.kind {
        ApplicantKind::Pegawai => M::DearEmployee,
        ApplicantKind::PenggunaJasa => M::DearServiceUser,
    };
    M::ResolutionNotice(
        lang,
        dear(lang, name),
        ticket,
        &d.subject,
        outcome.trim(),
        &c.reference,
    )
}

/// The notice for a resolved complaint: its resolution note as the outcome, or
/// the plain word that it was resolved when the note is empty.
pub fn notice_of(lang: Lang, c: &Complaint) -> String {
    let outcome = c
        .resolution_note
        .as_deref()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| M::OutcomeResolved.get(lang));
    resolution_notice(lang, c, outcome)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn done() -> Vec<String> {
        ["resolved", "closed", "selesai"].map(String::from).to_vec()
    }

    /// 09:00 WITA on a date of 2026.
    fn wita(m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, m, d, 1, 0, 0).unwrap()
    }

    #[test]
    fn a_notice_is_owed_once_resolved_until_told_whatever_the_stage_before() {
        for stage in Stage::ALL {
            assert_eq!(
                notice_owed(stage, None),
                stage == Stage::Resolved,
                "{stage:?}"
            );
            assert!(!notice_owed(stage, Some(wita(11, 30))), "{stage:?}");
        }
    }

    #[test]
    fn done_statuses_match_whatever_the_case_and_spacing() {
        assert!(is_done("resolved", &done()));
        assert!(is_done("  Selesai ", &done()));
        assert!(is_done("CLOSED", &done()));
        assert!(!is_done("open", &done()));
        assert!(!is_done("in progress", &done()));
        assert!(!is_done("resolved-pending", &done()));
        assert!(!is_done("", &done()));
        let custom = vec!["Sudah Diselesaikan".to_string()];
        assert!(is_done("sudah_diselesaikan", &custom));
        assert!(!is_done("resolved", &custom));
    }

    #[test]
    fn working_days_skip_weekends_and_holidays() {
        let cal = WorkCalendar::builtin();
        // Issued Thursday 20 August 2026; Sat 22, Sun 23 and Tue 25 (a holiday) do not count.
        let issued = wita(8, 20);
        assert_eq!(working_days_open(&cal, issued, wita(8, 20)), 0);
        assert_eq!(working_days_open(&cal, issued, wita(8, 21)), 1);
        assert_eq!(working_days_open(&cal, issued, wita(8, 23)), 1);
        assert_eq!(working_days_open(&cal, issued, wita(8, 24)), 2);
        assert_eq!(working_days_open(&cal, issued, wita(8, 25)), 2);
        assert_eq!(working_days_open(&cal, issued, wita(8, 26)), 3);
        assert_eq!(working_days_open(&cal, issued, wita(8, 27)), 4);
        // Calendar dates in WITA: 23:30 UTC on the 20th is already Friday the 21st.
        let late = Utc.with_ymd_and_hms(2026, 8, 20, 23, 30, 0).unwrap();
        assert_eq!(working_days_open(&cal, issued, late), 1);
    }

    #[test]
    fn a_ticket_is_chased_only_after_more_than_the_working_days_allowed() {
        assert!(!needs_chase(3, 3));
        assert!(needs_chase(4, 3));
        assert!(!needs_chase(0, 0));
        assert!(needs_chase(1, 0));
    }

    #[test]
    fn polls_happen_in_working_hours_and_not_sooner_than_the_interval() {
        let cal = WorkCalendar::builtin();
        let mon = wita(11, 30);
        assert!(poll_due(&cal, None, mon, 30));
        assert!(!poll_due(&cal, Some(mon), mon + TimeDelta::minutes(29), 30));
        assert!(poll_due(&cal, Some(mon), mon + TimeDelta::minutes(30), 30));
        // Saturday 28 November: nobody at Dir. IKC, no poll.
        assert!(!poll_due(&cal, None, wita(11, 28), 30));
        // 12:30 WITA Monday: the lunch break.
        let lunch = Utc.with_ymd_and_hms(2026, 11, 30, 4, 30, 0).unwrap();
        assert!(!poll_due(&cal, None, lunch, 30));
    }

    #[test]
    fn the_notice_carries_the_ticket_the_outcome_and_the_reference() {
        use crate::domain::complaint::{Applicant, Channel, NewComplaint};
        let mut c = Complaint::received(
            NewComplaint {
                applicant: Applicant {
                    kind: ApplicantKind::Pegawai,
                    name: " Andi Wijaya ".into(),
                    nip: None,
                    org: None,
                    npwp: None,
                    nib: None,
                    phone: None,
                    email: None,
                },
                channel: Channel::Whatsapp,
                category: "AKUN".into(),
                subject: "Tidak bisa login".into(),
                description: String::new(),
                user_id: None,
                aju: Vec::new(),
                doc_type: None,
                doc_status: None,
                doc_submitted_at: None,
                attachments: Vec::new(),
                received_at: wita(11, 30),
            },
            wita(11, 30),
        );
        c.reference = "ADU-2026-00042".into();
        c.ticket_no = Some("A0254EB2B1".into());
        for lang in [Lang::Id, Lang::En] {
            let text = resolution_notice(lang, &c, " akun dibuka kembali ");
            for part in [
                "Andi Wijaya,",
                "A0254EB2B1",
                ": akun dibuka kembali\n",
                "ADU-2026-00042",
                "\"Tidak bisa login\"",
            ] {
                assert!(text.contains(part), "{lang:?}: {part:?} in {text}");
            }
        }
        assert!(resolution_notice(Lang::Id, &c, "x").starts_with("Rekan Andi"));
    }

    #[test]
    fn owed_notices_come_first_then_tickets_to_chase() {
        let cal = WorkCalendar::builtin();
        let row = |r: &str, stage, issued, owed| Followed {
            reference: r.into(),
            stage,
            ticket_no: format!("A00000000{}", &r[r.len() - 1..]),
            ticketed_at: issued,
            resolved_at: (stage == Stage::Resolved).then(|| wita(11, 27)),
            last_status: None,
            last_status_at: None,
            notice_owed: owed,
        };
        let now = wita(11, 30);
        let items = assess(
            &[
                row("ADU-2026-00001", Stage::HandedOver, wita(11, 27), false),
                row("ADU-2026-00002", Stage::HandedOver, wita(11, 20), false),
                row("ADU-2026-00003", Stage::Resolved, wita(11, 2), true),
                row("ADU-2026-00004", Stage::Ticketed, wita(11, 24), false),
            ],
            &cal,
            now,
            3,
        );
        let order: Vec<_> = items.iter().map(|i| i.reference.as_str()).collect();
        assert_eq!(
            order,
            [
                "ADU-2026-00003",
                "ADU-2026-00002",
                "ADU-2026-00004",
                "ADU-2026-00001"
            ]
        );
        // A resolved ticket is not chased, however long it was open.
        assert!(!items[0].chase && items[0].notify_owed);
        assert_eq!(items[1].working_days_open, 6);
        assert!(items[1].chase);
        // Tue 24 → Mon 30: Wed, Thu, Fri, Mon = 4 working days.
        assert_eq!(items[2].working_days_open, 4);
        assert!(items[2].chase);
        assert_eq!(items[3].working_days_open, 1);
        assert!(!items[3].chase);
    }
}
