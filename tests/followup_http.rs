//! Follow-up at Dir. IKC against the simulator over real HTTP on 127.0.0.1: status
//! changes recorded, automatic resolution of every complaint sharing the ticket, the
//! chase flag in working days, notices owed, and the worker's schedule.

mod bcare_support;

use bcare_desk::bcare::BcareClient;
use bcare_desk::bcare::http::HttpClient;
use bcare_desk::bcare::server::SimServer;
use bcare_desk::bcare::sim::{SimSettings, Simulator};
use bcare_desk::desk::StatusChange;
use bcare_desk::desk::followup::Follower;
use bcare_desk::desk::outbox::WorkerEvent;
use bcare_desk::desk::worker::{WorkerOptions, spawn_with};
use bcare_desk::desk::{DeskError, LinkTarget};
use bcare_desk::domain::calendar::WorkCalendar;
use bcare_desk::domain::complaint::{Event, Stage};
use bcare_desk::domain::msg::Lang;
use bcare_support::{Bench, simulator};
use std::sync::Arc;
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(2);

/// A complaint filed through the simulator and handed over; returns (reference, ticket).
fn handed_over(b: &mut Bench, subject: &str) -> (String, String) {
    let (reference, ticket) = ticketed(b, subject);
    b.desk.hand_over(&reference, "whatsapp").unwrap();
    (reference, ticket)
}

fn ticketed(b: &mut Bench, subject: &str) -> (String, String) {
    let reference = b.intake_and_forward(subject);
    let mut d = b.deliverer(TIMEOUT);
    d.deliver_due(b.store(), b.now()).unwrap();
    let c = b.desk.get(&reference).unwrap();
    assert_eq!(c.stage, Stage::Ticketed);
    (reference, c.ticket_no.unwrap())
}

fn client(b: &Bench) -> HttpClient {
    HttpClient::new(b.config.bcare.url.as_deref().unwrap(), None, TIMEOUT)
}

fn follower(b: &Bench) -> Follower {
    Follower::new(&b.config, WorkCalendar::builtin())
}

fn status_events(b: &Bench, reference: &str) -> Vec<Event> {
    let c = b.desk.get(reference).unwrap();
    b.store()
        .events(c.id)
        .unwrap()
        .into_iter()
        .filter(|e| e.kind == "bcare_status")
        .collect()
}

fn moves(changes: &[StatusChange]) -> Vec<(String, Option<String>, String, bool)> {
    changes
        .iter()
        .map(|c| {
            (
                c.reference.clone(),
                c.before.clone(),
                c.after.clone(),
                c.resolved,
            )
        })
        .collect()
}

#[test]
fn each_change_of_status_is_recorded_once_as_an_event_by_dir_ikc() {
    let (sim, server) = simulator();
    let mut b = Bench::http(&server.url());
    let (reference, ticket) = handed_over(&mut b, "PIB belum mendapat respon");
    let http = client(&b);
    let mut f = follower(&b);

    let first = f.poll(&http, b.store(), b.now()).unwrap();
    assert_eq!(first.asked, 1);
    assert_eq!(
        moves(&first.changes),
        [(reference.clone(), None, "open".into(), false)]
    );

    b.advance(1800);
    assert!(sim.set_status(&ticket, "in progress"));
    let second = f.poll(&http, b.store(), b.now()).unwrap();
    assert_eq!(
        moves(&second.changes),
        [(
            reference.clone(),
            Some("open".into()),
            "in progress".into(),
            false
        )]
    );
    // Nothing new at BCare: nothing written.
    b.advance(1800);
    assert!(
        f.poll(&http, b.store(), b.now())
            .unwrap()
            .changes
            .is_empty()
    );

    let events = status_events(&b, &reference);
    assert_eq!(events.len(), 2);
    let last = &events[1];
    assert_eq!(last.officer, "Dir. IKC");
    assert_eq!(
        (last.before.as_deref(), last.after.as_deref()),
        (Some("open"), Some("in progress"))
    );
    assert_eq!(last.note.as_deref(), Some("BCare http"));
    let c = b.desk.get(&reference).unwrap();
    assert_eq!(c.stage, Stage::HandedOver);
    let items = b.desk.followup().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].last_status.as_deref(), Some("in progress"));
    assert!(!items[0].notify_owed && !items[0].chase);
}

#[test]
fn a_done_status_resolves_every_handed_over_complaint_on_the_ticket_and_owes_notices() {
    let (sim, server) = simulator();
    let mut b = Bench::http(&server.url());
    let (first, ticket) = handed_over(&mut b, "CEISA tidak bisa diakses");
    // Two more callers about the same outage: one handed over, one not yet.
    let second = b.intake("CEISA tidak bisa diakses juga");
    b.desk
        .link(&second, &LinkTarget::Complaint(first.clone()))
        .unwrap();
    b.desk.hand_over(&second, "telepon").unwrap();
    let third = b.intake("CEISA mati");
    b.desk
        .link(&third, &LinkTarget::Ticket(ticket.clone()))
        .unwrap();
    // Another ticket, still open at Dir. IKC.
    let (other, _) = handed_over(&mut b, "Manifes ditolak");

    b.advance(3600);
    assert!(sim.set_status(&ticket, "Selesai"));
    let http = client(&b);
    let mut f = follower(&b);
    let report = f.poll(&http, b.store(), b.now()).unwrap();
    assert_eq!(report.asked, 2);
    let mut got = moves(&report.changes);
    got.sort();
    let mut want = vec![
        (first.clone(), None, "Selesai".to_string(), true),
        (second.clone(), None, "Selesai".to_string(), true),
        // Not handed over yet: the workflow keeps it ticketed; it has a number to give.
        (third.clone(), None, "Selesai".to_string(), false),
        (other.clone(), None, "open".to_string(), false),
    ];
    want.sort();
    assert_eq!(got, want);

    for r in [&first, &second] {
        let c = b.desk.get(r).unwrap();
        assert_eq!(c.stage, Stage::Resolved, "{r}");
        assert_eq!(c.resolved_at, Some(b.now()));
        assert_eq!(c.resolution_note.as_deref(), Some("BCare: Selesai"));
        let ev = b.store().events(c.id).unwrap();
        let last = ev.last().unwrap();
        assert_eq!(
            (
                last.kind.as_str(),
                last.officer.as_str(),
                last.before.as_deref(),
                last.after.as_deref()
            ),
            ("resolve", "Dir. IKC", Some("handed_over"), Some("resolved"))
        );
    }
    assert_eq!(b.desk.get(&third).unwrap().stage, Stage::Ticketed);

    // Owed notices first in the list, the open ticket after them.
    let items = b.desk.followup().unwrap();
    let flags: Vec<(&str, bool)> = items
        .iter()
        .map(|i| (i.reference.as_str(), i.notify_owed))
        .collect();
    assert_eq!(
        flags[..2],
        [(first.as_str(), true), (second.as_str(), true)]
    );
    assert_eq!(b.desk.notices_owed().unwrap(), 2);

    // The notice: the ticket and the outcome, recorded with its channel.
    let (_, text) = b.desk.notify(&first, "whatsapp", Lang::Id).unwrap();
    assert!(text.contains(&ticket) && text.contains("Selesai"), "{text}");
    assert!(text.contains("Andi Wijaya"), "{text}");
    let c = b.desk.get(&first).unwrap();
    let ev = b.store().events(c.id).unwrap();
    let last = ev.last().unwrap();
    assert_eq!(
        (last.kind.as_str(), last.note.as_deref()),
        ("notified", Some("via whatsapp"))
    );
    assert_eq!(b.desk.notices_owed().unwrap(), 1);
    assert!(
        !b.desk
            .followup()
            .unwrap()
            .iter()
            .any(|i| i.reference == first)
    );

    // Not resolved: no notice, nothing written.
    let before = b.store().events(b.desk.get(&third).unwrap().id).unwrap();
    match b.desk.notify(&third, "whatsapp", Lang::En) {
        Err(DeskError::Invalid(e)) => assert!(e[0].en.contains("resolved"), "{:?}", e[0]),
        other => panic!("{:?}", other.map(|(c, _)| c.stage)),
    }
    assert_eq!(
        b.store().events(b.desk.get(&third).unwrap().id).unwrap(),
        before
    );

    // The third applicant gets the number; the next poll resolves it without a new
    // status event, since BCare says the same.
    b.desk.hand_over(&third, "langsung").unwrap();
    b.advance(1800);
    let again = f.poll(&http, b.store(), b.now()).unwrap();
    assert_eq!(
        moves(&again.changes),
        [(
            third.clone(),
            Some("Selesai".into()),
            "Selesai".into(),
            true
        )]
    );
    assert!(!again.changes[0].changed);
    assert_eq!(status_events(&b, &third).len(), 1);
    assert_eq!(b.desk.get(&third).unwrap().stage, Stage::Resolved);
}

#[test]
fn the_simulator_resolves_a_ticket_after_the_set_time_and_get_reports_it() {
    // Dir. IKC and the desk read one clock: ten minutes pass in one step.
    let now = bcare_support::start_clock();
    let sim = Arc::new(Simulator::with_clock(
        SimSettings {
            resolve_after: Some(Duration::from_secs(600)),
            ..SimSettings::default()
        },
        bcare_support::clock(&now),
    ));
    let server = SimServer::start("127.0.0.1:0".parse().unwrap(), sim.clone()).unwrap();
    let mut b = Bench::http_on(&server.url(), now);
    let (reference, ticket) = handed_over(&mut b, "Billing tidak terbit");
    let http = client(&b);
    assert_eq!(http.status(&ticket).unwrap().status, "open");
    b.advance(599);
    assert_eq!(http.status(&ticket).unwrap().status, "in progress");
    b.advance(1);
    assert_eq!(http.status(&ticket).unwrap().status, "resolved");
    let report = follower(&b).poll(&http, b.store(), b.now()).unwrap();
    assert!(report.changes[0].resolved);
    assert_eq!(b.desk.get(&reference).unwrap().stage, Stage::Resolved);
    // A number the simulator never issued is a 404: a failure, nothing recorded.
    assert!(http.status("Z000000000").is_err());
}

#[test]
fn the_chase_flag_counts_working_days_across_a_weekend_and_a_holiday() {
    let (_sim, server) = simulator();
    let mut b = Bench::http(&server.url());
    // Monday 21 December 2026, 09:00 WITA; 24 and 25 December are holidays.
    b.advance(21 * 86_400);
    let (reference, ticket) = handed_over(&mut b, "Pita cukai tidak terbaca");
    let day = |b: &Bench| {
        let items = b.desk.followup().unwrap();
        assert_eq!(items[0].ticket_no, ticket);
        (items[0].working_days_open, items[0].chase)
    };
    assert_eq!(day(&b), (0, false));
    // Tue 22, Wed 23 count; Thu 24, Fri 25 (holidays) and the weekend do not.
    let expect = [
        (1, false),
        (2, false),
        (2, false),
        (2, false),
        (2, false),
        (2, false),
        (3, false),
        (4, true),
    ];
    for (n, want) in expect.iter().enumerate() {
        b.advance(86_400);
        assert_eq!(day(&b), *want, "{} days after {reference}", n + 1);
    }
}

#[test]
fn the_schedule_polls_in_working_hours_only_and_not_more_often_than_set() {
    let (_sim, server) = simulator();
    let mut b = Bench::http(&server.url());
    let (reference, _) = handed_over(&mut b, "Dokumen PEB tertahan");
    let http = client(&b);
    let mut f = follower(&b);
    assert!(
        f.poll_if_due(&http, b.store(), b.now(), &|| false)
            .unwrap()
            .is_some()
    );
    b.advance(29 * 60);
    assert!(
        f.poll_if_due(&http, b.store(), b.now(), &|| false)
            .unwrap()
            .is_none()
    );
    b.advance(60);
    assert!(
        f.poll_if_due(&http, b.store(), b.now(), &|| false)
            .unwrap()
            .is_some()
    );
    // Saturday 5 December, 09:30 WITA: nobody polls.
    b.advance(5 * 86_400);
    assert!(
        f.poll_if_due(&http, b.store(), b.now(), &|| false)
            .unwrap()
            .is_none()
    );
    assert_eq!(status_events(&b, &reference).len(), 1);
    // Monday again: due, but a worker that is quitting asks nothing.
    b.advance(2 * 86_400);
    let r = f
        .poll_if_due(&http, b.store(), b.now(), &|| true)
        .unwrap()
        .expect("due");
    assert_eq!((r.asked, r.changes.len()), (0, 0));
}

#[test]
fn the_background_worker_follows_up_and_reports_the_resolution_by_message() {
    let (sim, server) = simulator();
    let mut b = Bench::http(&server.url());
    let (reference, ticket) = handed_over(&mut b, "NPPBKC tidak aktif");
    let handle = spawn_with(
        b.db.clone(),
        b.config.clone(),
        b.clock(),
        WorkerOptions {
            seed: Some(3),
            poll: Duration::from_millis(100),
            ..Default::default()
        },
    )
    .unwrap();
    let wait_for = |pred: &dyn Fn(&WorkerEvent) -> bool| {
        while let Ok(e) = handle.events.recv_timeout(Duration::from_secs(10)) {
            if pred(&e) {
                return e;
            }
        }
        panic!("no such event from the worker");
    };
    let first = wait_for(&|e| matches!(e, WorkerEvent::StatusChanged { .. }));
    assert_eq!(
        first,
        WorkerEvent::StatusChanged {
            reference: reference.clone(),
            ticket_no: ticket.clone(),
            status: "open".into(),
            resolved: false
        }
    );
    sim.set_status(&ticket, "closed");
    // Not before the next scheduled poll: while the clock stands still, three
    // of the worker's rounds bring no news.
    let quiet_until = std::time::Instant::now() + Duration::from_millis(300);
    while let Some(left) = quiet_until.checked_duration_since(std::time::Instant::now()) {
        match handle.events.recv_timeout(left) {
            Ok(e) => assert!(!matches!(e, WorkerEvent::StatusChanged { .. }), "{e:?}"),
            Err(_) => break,
        }
    }
    assert_eq!(b.desk.get(&reference).unwrap().stage, Stage::HandedOver);
    b.advance(30 * 60);
    handle.nudge();
    let done = wait_for(&|e| matches!(e, WorkerEvent::StatusChanged { .. }));
    handle.stop();
    assert_eq!(
        done,
        WorkerEvent::StatusChanged {
            reference: reference.clone(),
            ticket_no: ticket,
            status: "closed".into(),
            resolved: true
        }
    );
    assert_eq!(b.desk.get(&reference).unwrap().stage, Stage::Resolved);
}

#[test]
fn a_bcare_that_refuses_the_credentials_stops_the_poll_at_the_first_ticket() {
    let (_sim, server) = simulator();
    let mut b = Bench::http(&server.url());
    handed_over(&mut b, "Pertama");
    handed_over(&mut b, "Kedua");
    let (url, hits) = bcare_support::scripted(vec![bcare_support::answer(
        "401 Unauthorized",
        &[],
        r#"{"error":"token tidak berlaku"}"#,
    )]);
    let refusing = HttpClient::new(&url, None, TIMEOUT);
    let r = follower(&b).poll(&refusing, b.store(), b.now()).unwrap();
    assert_eq!((r.asked, r.stopped, r.unreachable), (1, true, false));
    assert!(r.failures[0].error.contains("401"), "{:?}", r.failures);
    assert_eq!(hits.load(std::sync::atomic::Ordering::SeqCst), 1);
    // A BCare that is down stops it the same way, as unreachable.
    let down = HttpClient::new(
        &format!("http://127.0.0.1:{}", bcare_support::free_port()),
        None,
        TIMEOUT,
    );
    let r = follower(&b).poll(&down, b.store(), b.now()).unwrap();
    assert_eq!((r.asked, r.stopped, r.unreachable), (1, true, true));
    assert!(r.changes.is_empty());
}
