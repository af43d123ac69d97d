//! One outage, many callers, through the desk's use-cases on a temp database: the
//! suggestion window in working hours, bulk link / handover / cancel all or nothing
//! (proved by reading the file), intake with a link, and the incident view.

mod support;

use bcare_desk::config::{ClientKind, Config};
use bcare_desk::desk::{Desk, LinkTarget};
use bcare_desk::domain::complaint::Stage;
use bcare_desk::domain::intake::IntakeForm;
use bcare_desk::domain::msg::Lang;
use chrono::{DateTime, Utc};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use support::wita;

struct Fixture {
    desk: Desk,
    now: Arc<Mutex<DateTime<Utc>>>,
    db: PathBuf,
    _dir: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("desk.db");
        let now = Arc::new(Mutex::new(wita("2026-11-27 08:00")));
        let clock_now = now.clone();
        let mut config = Config::default();
        config.bcare.client = ClientKind::Portal;
        let desk = Desk::open(
            &db,
            config,
            None,
            Arc::new(move || *clock_now.lock().unwrap()),
        )
        .unwrap();
        Fixture {
            desk,
            now,
            db,
            _dir: dir,
        }
    }

    fn at(&self, t: DateTime<Utc>) {
        *self.now.lock().unwrap() = t;
    }

    fn form(name: &str, category: &str, phone: &str, email: &str) -> IntakeForm {
        IntakeForm {
            name: name.into(),
            kind: "pegawai".into(),
            nip: "198501012010011001".into(),
            phone: phone.into(),
            email: email.into(),
            channel: "telepon".into(),
            category: category.into(),
            subject: "CEISA tidak merespon".into(),
            description: "Aplikasi CEISA tidak merespon sejak pagi.".into(),
            user_id: "budi01".into(),
            aju: if matches!(category, "IMP" | "EKS") {
                vec!["000020-010017-20261127-000123".into()]
            } else {
                vec![]
            },
            doc_type: "BC 2.0 PIB".into(),
            doc_status: "menunggu respon".into(),
            ..IntakeForm::default()
        }
    }

    /// A complaint received now, by an employee with a phone.
    fn intake(&mut self, name: &str, category: &str) -> String {
        let form = Fixture::form(name, category, "081234567890", "");
        self.desk.intake(&form).unwrap().0.reference
    }

    /// Received now, forwarded and given `ticket`.
    fn ticketed(&mut self, name: &str, category: &str, ticket: &str) -> String {
        let r = self.intake(name, category);
        self.desk.forward(&r).unwrap();
        self.desk.record_ticket(&r, ticket).unwrap();
        r
    }

    /// Every complaint's reference, stage and number of events, read from the file.
    fn file(&self) -> Vec<(String, String, i64)> {
        let conn = rusqlite::Connection::open(&self.db).unwrap();
        let mut st = conn
            .prepare(
                "SELECT ref, stage, (SELECT COUNT(*) FROM events e WHERE e.complaint_id = c.id)
                 FROM complaints c ORDER BY id",
            )
            .unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    fn kinds(&self, reference: &str) -> Vec<String> {
        self.desk
            .dossier(reference)
            .unwrap()
            .events
            .into_iter()
            .map(|e| e.kind)
            .collect()
    }
}

fn strings(refs: &[&str]) -> Vec<String> {
    refs.iter().map(|r| r.to_string()).collect()
}

#[test]
fn the_suggestion_window_counts_working_hours_across_the_weekend() {
    let mut f = Fixture::new();
    f.at(wita("2026-11-27 14:00"));
    let too_early = f.ticketed("Early", "IMP", "A0000000A1");
    f.at(wita("2026-11-27 15:00"));
    let in_window = f.ticketed("Late Friday", "IMP", "A0254EB2B1");
    f.at(wita("2026-11-27 15:30"));
    let waiting = f.intake("Waiting", "IMP");
    f.desk.forward(&waiting).unwrap();
    f.at(wita("2026-11-27 16:00"));
    let other_category = f.ticketed("Export", "EKS", "B0000000B1");
    f.at(wita("2026-11-27 16:10"));
    let resolved = f.ticketed("Resolved", "IMP", "C0000000C1");
    f.desk.hand_over(&resolved, "telepon").unwrap();
    f.desk.resolve(&resolved, "fixed").unwrap();
    f.at(wita("2026-11-27 16:20"));
    let not_forwarded = f.intake("Not forwarded", "IMP");

    // Monday 09:00: 90 working minutes this morning and 150 on Friday afternoon
    // (from 14:30). By the wall clock, Friday 14:00 is 67 hours ago.
    f.at(wita("2026-11-30 09:00"));
    // A new caller about the same outage (still received: never a suggestion itself).
    let mut caller = f.desk.get(&not_forwarded).unwrap();
    caller.details.category = "imp".into();
    let got = f.desk.incident_candidates(&caller).unwrap();
    let refs: Vec<&str> = got.iter().map(|c| c.reference.as_str()).collect();
    assert_eq!(refs, [waiting.as_str(), in_window.as_str()]);
    assert_eq!(got[0].ticket_no, None);
    assert_eq!(got[1].ticket_no.as_deref(), Some("A0254EB2B1"));
    assert_eq!(got[1].stage, Stage::Ticketed);
    for absent in [&too_early, &other_category, &resolved, &not_forwarded] {
        assert!(!refs.contains(&absent.as_str()), "{absent} suggested");
    }

    // At 10:00 the window starts at Friday 15:30: the 15:00 ticket left it.
    f.at(wita("2026-11-30 10:00"));
    let got = f.desk.incident_candidates(&caller).unwrap();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].reference, waiting);

    // A wider window in the config reaches back further.
    let mut config = f.desk.config().clone();
    config.incident.window_hours = 8;
    let clock_now = f.now.clone();
    let wide = Desk::open(
        &f.db,
        config,
        None,
        Arc::new(move || *clock_now.lock().unwrap()),
    )
    .unwrap();
    let got = wide.incident_candidates(&caller).unwrap();
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(got[2].reference, too_early);

    // A complaint is not its own suggestion, nor is the ticket it carries.
    f.at(wita("2026-11-30 09:00"));
    let got = f.desk.incident_candidates_for(&in_window).unwrap();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].reference, waiting);
    // An unknown category suggests nothing rather than failing.
    caller.details.category = "NOPE".into();
    assert!(f.desk.incident_candidates(&caller).unwrap().is_empty());
}

#[test]
fn intake_with_a_link_is_one_step_and_a_failed_link_saves_nothing() {
    let mut f = Fixture::new();
    let first = f.ticketed("First", "IMP", "A0254EB2B1");
    f.at(wita("2026-11-27 09:00"));
    let form = Fixture::form("Second", "IMP", "081298765432", "");
    let (c, warnings) = f
        .desk
        .intake_linked(&form, &LinkTarget::Complaint(first.clone()))
        .unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(c.stage, Stage::Ticketed);
    assert_eq!(c.ticket_no.as_deref(), Some("A0254EB2B1"));
    assert_eq!(c.linked_to.as_deref(), Some(first.as_str()));
    assert_eq!(f.kinds(&c.reference), ["intake", "link"]);

    // By the ticket number: the first complaint is found and named.
    let (c, _) = f
        .desk
        .intake_linked(&form, &LinkTarget::Ticket(" a0254eb2b1 ".into()))
        .unwrap();
    assert_eq!(c.linked_to.as_deref(), Some(first.as_str()));

    let before = f.file();
    for target in [
        LinkTarget::Complaint("ADU-2026-09999".into()),
        LinkTarget::Ticket("A0254EB2B1; DROP TABLE".into()),
    ] {
        assert!(f.desk.intake_linked(&form, &target).is_err());
        assert_eq!(f.file(), before, "a failed link saved the complaint");
    }
    // A complaint still waiting for its number cannot be linked to.
    let waiting = f.intake("Waiting", "IMP");
    f.desk.forward(&waiting).unwrap();
    let before = f.file();
    let err = f
        .desk
        .intake_linked(&form, &LinkTarget::Complaint(waiting.clone()))
        .unwrap_err()
        .text(Lang::En);
    assert!(err.contains("has no BCare ticket number yet"), "{err}");
    assert_eq!(f.file(), before);
}

#[test]
fn bulk_link_is_all_or_nothing_and_names_the_refused_complaint() {
    let mut f = Fixture::new();
    let first = f.ticketed("First", "IMP", "A0254EB2B1");
    let a = f.intake("A", "IMP");
    let b = f.intake("B", "IMP");
    f.desk.forward(&b).unwrap();
    let c = f.intake("C", "IMP");
    let done = f.ticketed("Done", "IMP", "B0000000B1");

    let before = f.file();
    for (refs, names) in [
        (vec![a.clone(), b.clone(), done.clone(), c.clone()], &done),
        (
            vec![a.clone(), "ADU-2026-09999".into(), c.clone()],
            &"ADU-2026-09999".to_string(),
        ),
        (vec![a.clone(), first.clone()], &first),
    ] {
        let err = f
            .desk
            .link_many(&refs, &LinkTarget::Ticket("A0254EB2B1".into()))
            .unwrap_err()
            .text(Lang::En);
        assert!(err.contains(names.as_str()), "{err}");
        assert!(err.contains("nothing was changed"), "{err}");
        assert_eq!(f.file(), before, "a refused bulk link changed the file");
    }
    // Linking a complaint to itself inside the list is refused too.
    let err = f
        .desk
        .link_many(&strings(&[&a, &first]), &LinkTarget::Complaint(a.clone()))
        .unwrap_err()
        .text(Lang::En);
    assert!(err.contains("linked to itself"), "{err}");
    assert_eq!(f.file(), before);

    let (linked, warning) = f
        .desk
        .link_many(
            &strings(&[&a, &b, &c, &a.to_lowercase()]),
            &LinkTarget::Ticket("A0254EB2B1".into()),
        )
        .unwrap();
    assert!(warning.is_none());
    assert_eq!(linked.len(), 3, "a repeated reference is linked once");
    for r in [&a, &b, &c] {
        let x = f.desk.get(r).unwrap();
        assert_eq!(x.stage, Stage::Ticketed);
        assert_eq!(x.ticket_no.as_deref(), Some("A0254EB2B1"));
        assert_eq!(x.linked_to.as_deref(), Some(first.as_str()));
        assert_eq!(f.kinds(r).last().map(String::as_str), Some("link"));
    }
    assert_eq!(f.kinds(&b), ["intake", "forward", "link"]);
}

#[test]
fn bulk_handover_gives_each_applicant_their_own_message_or_changes_nothing() {
    let mut f = Fixture::new();
    let first = f.ticketed("Andi", "IMP", "A0254EB2B1");
    f.at(wita("2026-11-27 08:10"));
    let form = Fixture::form("Budi", "IMP", "081298765432", "");
    let (second, _) = f
        .desk
        .intake_linked(&form, &LinkTarget::Ticket("A0254EB2B1".into()))
        .unwrap();
    let mailer = Fixture::form("Citra", "IMP", "", "citra@example.co.id");
    let (third, _) = f
        .desk
        .intake_linked(&mailer, &LinkTarget::Ticket("A0254EB2B1".into()))
        .unwrap();
    let elsewhere = f.ticketed("Dewi", "IMP", "B0000000B1");

    f.at(wita("2026-11-27 09:00"));
    let before = f.file();
    // Citra left no phone: a WhatsApp handover cannot reach her.
    let err = f
        .desk
        .hand_over_ticket("A0254EB2B1", "whatsapp", None, None)
        .unwrap_err()
        .text(Lang::En);
    assert!(err.contains(&third.reference), "{err}");
    assert!(err.contains("no phone number"), "{err}");
    assert_eq!(f.file(), before);
    // A stranger's handover (not ticketed) in a list fails the list.
    f.desk.hand_over(&elsewhere, "telepon").unwrap();
    let before = f.file();
    let err = f
        .desk
        .hand_over_many(&strings(&[&first, &elsewhere]), "whatsapp", None, None)
        .unwrap_err()
        .text(Lang::En);
    assert!(err.starts_with(&format!("stage: {elsewhere}")), "{err}");
    assert_eq!(f.file(), before);

    let done = f
        .desk
        .hand_over_many(
            &strings(&[&first, &second.reference]),
            "whatsapp",
            None,
            None,
        )
        .unwrap();
    assert_eq!(done.len(), 2);
    let messages: Vec<String> = done
        .iter()
        .map(|c| f.desk.handover_message(c, Lang::Id))
        .collect();
    assert!(messages[0].contains("rekan Andi,"), "{}", messages[0]);
    assert!(messages[1].contains("rekan Budi,"), "{}", messages[1]);
    for m in &messages {
        assert!(m.contains("Nomor tiket BCare: A0254EB2B1"), "{m}");
    }
    assert_eq!(
        f.kinds(&second.reference),
        ["intake", "link", "handover"],
        "each complaint has its own event"
    );
    // Citra by e-mail: the only one left on the ticket.
    let done = f
        .desk
        .hand_over_ticket("A0254EB2B1", "email", None, None)
        .unwrap();
    assert_eq!(done.len(), 1);
    assert_eq!(done[0].reference, third.reference);
    let err = f
        .desk
        .hand_over_ticket("A0254EB2B1", "email", None, None)
        .unwrap_err()
        .text(Lang::En);
    assert!(
        err.contains("no complaint on ticket A0254EB2B1 waits"),
        "{err}"
    );
}

#[test]
fn a_late_bulk_handover_needs_the_reason_as_one_by_one() {
    let mut f = Fixture::new();
    let a = f.ticketed("A", "IMP", "A0254EB2B1");
    f.at(wita("2026-11-27 09:00"));
    let b = f.ticketed("B", "IMP", "A0254EB2B1");
    // 10:30 on Friday: A's deadline (10:00) passed, B's (11:00) not yet.
    f.at(wita("2026-11-27 10:30"));
    let before = f.file();
    let err = f
        .desk
        .hand_over_many(&strings(&[&b, &a]), "telepon", None, None)
        .unwrap_err()
        .text(Lang::En);
    assert!(err.starts_with(&format!("late-reason: {a}")), "{err}");
    assert_eq!(f.file(), before);
    let done = f
        .desk
        .hand_over_many(&strings(&[&b, &a]), "telepon", Some("bcare-down"), None)
        .unwrap();
    assert_eq!(done.len(), 2);
    assert_eq!(f.desk.sla_met(&done[0]), Some(true));
    assert_eq!(f.desk.sla_met(&done[1]), Some(false));
    // The one reason is the late caller's; the caller served in time carries none.
    let handover_note = |r: &str| {
        let d = f.desk.dossier(r).unwrap();
        let e = d
            .events
            .iter()
            .rev()
            .find(|e| e.kind == "handover")
            .unwrap();
        e.note.clone().unwrap_or_default()
    };
    assert!(
        handover_note(&a).contains("late-reason=bcare-down"),
        "{}",
        handover_note(&a)
    );
    assert!(
        !handover_note(&b).contains("late-reason"),
        "{}",
        handover_note(&b)
    );
}

#[test]
fn bulk_cancel_takes_one_reason_for_each_or_changes_nothing() {
    let mut f = Fixture::new();
    let a = f.intake("A", "IMP");
    let b = f.ticketed("B", "IMP", "A0254EB2B1");
    let closed = f.intake("Closed", "IMP");
    f.desk.cancel(&closed, "duplicate").unwrap();
    let before = f.file();
    let err = f
        .desk
        .cancel_many(&strings(&[&a, &b, &closed]), "CEISA pulih sendiri")
        .unwrap_err()
        .text(Lang::Id);
    assert!(err.contains(&closed), "{err}");
    assert!(err.contains("tidak ada yang diubah"), "{err}");
    assert_eq!(f.file(), before);
    // A reason carrying a password is refused before anything is written.
    assert!(
        f.desk
            .cancel_many(&strings(&[&a, &b]), "password: Rahasia#1")
            .is_err()
    );
    assert_eq!(f.file(), before);
    // Ten thousand references are refused outright.
    let many: Vec<String> = (1..=10_000).map(|i| format!("ADU-2026-{i:05}")).collect();
    let err = f
        .desk
        .cancel_many(&many, "outage over")
        .unwrap_err()
        .text(Lang::En);
    assert!(err.contains("at most 200"), "{err}");
    assert_eq!(f.file(), before);

    let done = f
        .desk
        .cancel_many(&strings(&[&a, &b]), "CEISA pulih sendiri")
        .unwrap();
    assert_eq!(done.len(), 2);
    for r in [&a, &b] {
        let c = f.desk.get(r).unwrap();
        assert_eq!(c.stage, Stage::Cancelled);
        assert_eq!(c.cancel_reason.as_deref(), Some("CEISA pulih sendiri"));
        assert_eq!(f.kinds(r).last().map(String::as_str), Some("cancel"));
    }
}

#[test]
fn the_incident_lists_every_caller_and_who_is_owed_a_notice() {
    let mut f = Fixture::new();
    let first = f.ticketed("Andi", "IMP", "A0254EB2B1");
    f.at(wita("2026-11-27 08:05"));
    let second = f.intake("Budi", "IMP");
    f.desk
        .link(&second, &LinkTarget::Complaint(first.clone()))
        .unwrap();
    f.at(wita("2026-11-27 08:10"));
    let third = f.intake("Citra", "IMP");
    f.desk
        .link(&third, &LinkTarget::Ticket("A0254EB2B1".into()))
        .unwrap();
    f.at(wita("2026-11-27 09:00"));
    f.desk
        .hand_over_many(&strings(&[&first, &second]), "whatsapp", None, None)
        .unwrap();

    let inc = f.desk.incident("a0254eb2b1").unwrap();
    assert_eq!(inc.first, first);
    let refs: Vec<&str> = inc.callers.iter().map(|c| c.reference.as_str()).collect();
    assert_eq!(refs, [first.as_str(), second.as_str(), third.as_str()]);
    assert_eq!(inc.callers[1].applicant, "Budi");
    assert_eq!(inc.callers[1].contact.as_deref(), Some("+6281234567890"));
    assert_eq!(
        inc.callers[1].handed_over_at,
        Some(wita("2026-11-27 09:00"))
    );
    assert_eq!(inc.callers[2].stage, Stage::Ticketed);
    assert_eq!(inc.awaiting_handover(), 1);
    assert_eq!(inc.owed_notices(), 0);
    // Reachable from any of its complaints.
    assert_eq!(f.desk.incident(&third).unwrap(), inc);

    f.at(wita("2026-11-30 10:00"));
    f.desk.resolve(&first, "CEISA pulih").unwrap();
    let inc = f.desk.incident("A0254EB2B1").unwrap();
    assert_eq!(inc.owed_notices(), 1);
    assert!(inc.callers[0].owed_notice);
    assert!(!inc.callers[1].owed_notice, "not resolved yet");

    let err = f.desk.incident("Z999999999").unwrap_err().text(Lang::En);
    assert!(
        err.contains("no complaint carries ticket Z999999999"),
        "{err}"
    );
    let waiting = f.intake("Waiting", "IMP");
    let err = f.desk.incident(&waiting).unwrap_err().text(Lang::En);
    assert!(err.contains("has no BCare ticket number yet"), "{err}");
}

#[test]
fn the_store_writes_a_bulk_step_whole_or_not_at_all() {
    use bcare_desk::store::{BulkStep, Change, NewEvent, Store};
    let mut f = Fixture::new();
    let a = f.intake("A", "IMP");
    let b = f.intake("B", "IMP");
    let (a, stale_b) = (f.desk.get(&a).unwrap(), f.desk.get(&b).unwrap());
    // Another window cancels B after the bulk step read it.
    f.desk.cancel(&b, "withdrawn by phone").unwrap();
    let before = f.file();
    let step = |c: &bcare_desk::domain::complaint::Complaint| BulkStep {
        complaint: c.clone(),
        to: Stage::Cancelled,
        change: Change::Cancel {
            at: wita("2026-11-27 09:00"),
            reason: "outage over".into(),
        },
        event: NewEvent {
            at: wita("2026-11-27 09:00"),
            officer: "petugas".into(),
            kind: "cancel",
            before: Some("received".into()),
            after: Some("cancelled".into()),
            note: Some("outage over".into()),
            said: None,
        },
    };
    let mut store = Store::open(&f.db).unwrap();
    let err = store.apply_all(&[step(&a), step(&stale_b)]).unwrap_err();
    assert!(err.to_string().contains(&b), "{err}");
    assert_eq!(f.file(), before, "A was cancelled although B's step failed");
    store.apply_all(&[step(&a)]).unwrap();
    assert_eq!(f.desk.get(&a.reference).unwrap().stage, Stage::Cancelled);
}
