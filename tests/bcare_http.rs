//! The http client and the outbox worker against the simulator over real HTTP on
//! 127.0.0.1: every failure BCare can throw, and exactly one ticket per complaint.

mod bcare_support;
mod support;

use bcare_desk::bcare::http::HttpClient;
use bcare_desk::bcare::server::SimServer;
use bcare_desk::bcare::sim::{Fault, SimSettings, Simulator};
use bcare_desk::bcare::{BcareClient, BcareError};
use bcare_desk::desk::outbox::WorkerEvent;
use bcare_desk::domain::complaint::Stage;
use bcare_desk::store::{OutboxRow, OutboxState};
use bcare_support::{Bench, free_port, simulator};
use regex::Regex;
use std::sync::Arc;
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(2);

fn row(b: &Bench, reference: &str) -> OutboxRow {
    let c = b.desk.get(reference).unwrap();
    let mut rows = b.store().outbox_of(c.id).unwrap();
    assert_eq!(rows.len(), 1, "one outbox row per forward");
    rows.remove(0)
}

fn ticket_events(b: &Bench, reference: &str) -> Vec<String> {
    let c = b.desk.get(reference).unwrap();
    b.store()
        .events(c.id)
        .unwrap()
        .into_iter()
        .filter(|e| e.kind.contains("ticket"))
        .map(|e| format!("{} {}", e.kind, e.note.unwrap_or_default()))
        .collect()
}

fn delivered(events: &[WorkerEvent]) -> Option<String> {
    events.iter().find_map(|e| match e {
        WorkerEvent::Delivered { ticket_no, .. } => Some(ticket_no.clone()),
        _ => None,
    })
}

#[test]
fn a_normal_filing_records_the_ticket_and_moves_the_complaint_to_ticketed() {
    let (sim, server) = simulator();
    let mut b = Bench::http(&server.url());
    let reference = b.intake_and_forward("PIB belum mendapat respon");
    assert_eq!(b.desk.get(&reference).unwrap().stage, Stage::Forwarded);

    let mut d = b.deliverer(TIMEOUT);
    let events = d.deliver_due(b.store(), b.now()).unwrap();
    let ticket = delivered(&events).expect("delivered");

    assert!(Regex::new("^[A-Z][0-9A-F]{9}$").unwrap().is_match(&ticket));
    assert_eq!(sim.ticket_of(&reference).as_deref(), Some(ticket.as_str()));
    let c = b.desk.get(&reference).unwrap();
    assert_eq!(c.stage, Stage::Ticketed);
    assert_eq!(c.ticket_no.as_deref(), Some(ticket.as_str()));
    assert_eq!(c.ticketed_at, Some(b.now()));
    let r = row(&b, &reference);
    assert_eq!(r.state, OutboxState::Sent);
    assert_eq!(r.ticket_no.as_deref(), Some(ticket.as_str()));
    assert_eq!(r.attempts, 1);
    assert_eq!(
        ticket_events(&b, &reference),
        [format!("ticket ticket {ticket} via BCare http")]
    );
    let ev = b.store().events(c.id).unwrap();
    let last = ev.last().unwrap();
    assert_eq!(last.officer, "Petugas Uji");
    assert_eq!(
        (last.before.as_deref(), last.after.as_deref()),
        (Some("forwarded"), Some("ticketed"))
    );
    // Nothing left to do: a second pass sends nothing.
    assert!(d.deliver_due(b.store(), b.now()).unwrap().is_empty());
    assert_eq!(sim.requests(), 1);
}

#[test]
fn the_body_sent_is_ceisacares_form_with_the_npwp_and_without_the_phone() {
    let (_sim, server) = simulator();
    let mut b = Bench::http(&server.url());
    let reference = b.intake_and_forward("PIB stuck di proses validasi");
    // What the http client sends is the queued report, as JSON.
    let body: serde_json::Value = serde_json::from_str(&row(&b, &reference).payload).unwrap();
    assert_eq!(body["katalog"], "Dukungan Layanan");
    assert_eq!(body["masalah"], "PIB - Status Stuck Validasi");
    let description = body["description"].as_str().unwrap();
    for carried in [
        "Nama Perusahaan : PT Samudra Makassar",
        "NPWP : 012345678901000",
        "2. No. Aju : 00002001001720261127000123",
        &format!("Referensi kantor: {reference}"),
    ] {
        assert!(description.contains(carried), "{carried}: {description}");
    }
    assert!(!body.to_string().contains("81234567890"), "{body}");
}

#[test]
fn a_server_that_refuses_connections_gets_the_report_once_it_is_up() {
    let port = free_port();
    let url = format!("http://127.0.0.1:{port}");
    let mut b = Bench::http(&url);
    let reference = b.intake_and_forward("Portal tidak bisa dibuka");
    let mut d = b.deliverer(TIMEOUT);

    let events = d.deliver_due(b.store(), b.now()).unwrap();
    assert!(events.contains(&WorkerEvent::Reachability {
        client: "http".into(),
        reachable: false
    }));
    let r = row(&b, &reference);
    assert_eq!(r.state, OutboxState::Pending);
    assert_eq!(r.attempts, 1);
    assert!(
        r.last_error
            .as_deref()
            .unwrap()
            .contains("tidak terjangkau"),
        "{r:?}"
    );
    assert!(r.next_attempt_at > b.now(), "backs off: {r:?}");
    assert!(r.next_attempt_at <= b.now() + chrono::TimeDelta::seconds(1));
    // Not due yet: a pass right now leaves it alone.
    assert!(d.deliver_due(b.store(), b.now()).unwrap().is_empty());

    let sim = Arc::new(Simulator::new(SimSettings::default()));
    let _server = SimServer::start(format!("127.0.0.1:{port}").parse().unwrap(), sim.clone())
        .expect("the port is still free");
    b.advance(10);
    let events = d.deliver_due(b.store(), b.now()).unwrap();
    assert!(events.contains(&WorkerEvent::Reachability {
        client: "http".into(),
        reachable: true
    }));
    let ticket = delivered(&events).expect("delivered once up");
    assert_eq!(b.desk.get(&reference).unwrap().ticket_no, Some(ticket));
    assert_eq!(row(&b, &reference).attempts, 2);
    assert_eq!(sim.tickets_created(), 1);
}

#[test]
fn server_errors_are_retried_with_growing_backoff_then_delivered() {
    let (sim, server) = simulator();
    sim.push_faults([Fault::Status(500), Fault::Status(503), Fault::Status(502)]);
    let mut b = Bench::http(&server.url());
    let reference = b.intake_and_forward("Billing gagal");
    let mut d = b.deliverer(TIMEOUT);

    for attempt in 1..=3 {
        let events = d.deliver_due(b.store(), b.now()).unwrap();
        assert!(delivered(&events).is_none());
        let r = row(&b, &reference);
        assert_eq!(r.state, OutboxState::Pending);
        assert_eq!(r.attempts, attempt);
        assert!(r.last_error.as_deref().unwrap().contains("HTTP 5"), "{r:?}");
        // Full jitter under a ceiling of base·2^(attempt-1), rounded up to seconds.
        let wait = (r.next_attempt_at - b.now()).num_seconds();
        assert!((0..=1i64 << (attempt - 1)).contains(&wait), "{wait}");
        b.advance(10);
    }
    let ticket = delivered(&d.deliver_due(b.store(), b.now()).unwrap()).expect("delivered");
    assert_eq!(b.desk.get(&reference).unwrap().ticket_no, Some(ticket));
    assert_eq!(sim.requests(), 4);
    assert_eq!(sim.tickets_created(), 1);
}

#[test]
fn too_many_requests_waits_at_least_as_long_as_retry_after() {
    let (sim, server) = simulator();
    sim.push_faults([Fault::TooManyRequests {
        retry_after_secs: 6,
    }]);
    let mut b = Bench::http(&server.url());
    let reference = b.intake_and_forward("Manifes ditolak");
    let mut d = b.deliverer(TIMEOUT);

    let events = d.deliver_due(b.store(), b.now()).unwrap();
    let failed = events
        .iter()
        .find_map(|e| match e {
            WorkerEvent::Failed {
                next_attempt_at, ..
            } => *next_attempt_at,
            _ => None,
        })
        .expect("failed, to be tried again");
    // The first attempt's jitter is at most 1 s here: only Retry-After explains 6 s
    // (a longer Retry-After is capped at 8 s: see bcare_tricks.rs).
    assert_eq!(failed, b.now() + chrono::TimeDelta::seconds(6));
    let r = row(&b, &reference);
    assert!(r.last_error.as_deref().unwrap().contains("429"), "{r:?}");

    b.advance(3);
    assert!(d.deliver_due(b.store(), b.now()).unwrap().is_empty());
    assert_eq!(sim.requests(), 1, "not asked again before Retry-After");
    b.advance(3);
    assert!(delivered(&d.deliver_due(b.store(), b.now()).unwrap()).is_some());
}

#[test]
fn an_answer_lost_after_the_ticket_was_created_gives_the_same_ticket_not_a_second() {
    let (sim, server) = simulator();
    sim.push_faults([Fault::DropAnswer]);
    let mut b = Bench::http(&server.url());
    let reference = b.intake_and_forward("Respon PIB hilang");
    let mut d = b.deliverer(TIMEOUT);

    let events = d.deliver_due(b.store(), b.now()).unwrap();
    assert!(delivered(&events).is_none());
    let created = sim
        .ticket_of(&reference)
        .expect("the server made the ticket");
    let r = row(&b, &reference);
    assert_eq!(r.state, OutboxState::Pending, "a lost answer is retried");
    assert!(
        r.last_error.as_deref().unwrap().contains("terputus"),
        "{r:?}"
    );
    assert_eq!(b.desk.get(&reference).unwrap().stage, Stage::Forwarded);

    b.advance(10);
    let ticket = delivered(&d.deliver_due(b.store(), b.now()).unwrap()).expect("delivered");
    assert_eq!(ticket, created);
    assert_eq!(sim.requests(), 2);
    assert_eq!(sim.tickets_created(), 1, "exactly one ticket per complaint");
    assert_eq!(ticket_events(&b, &reference).len(), 1);
}

#[test]
fn a_time_out_is_retried_under_the_same_key_and_files_once() {
    let (sim, server) = simulator();
    sim.push_faults([Fault::Stall(Duration::from_millis(1200))]);
    let mut b = Bench::http(&server.url());
    let reference = b.intake_and_forward("Server lambat");
    let mut d = b.deliverer(Duration::from_millis(300));

    let started = std::time::Instant::now();
    let events = d.deliver_due(b.store(), b.now()).unwrap();
    assert!(
        started.elapsed() < Duration::from_millis(1100),
        "gave up on time"
    );
    assert!(delivered(&events).is_none());
    let r = row(&b, &reference);
    assert_eq!(r.state, OutboxState::Pending);
    assert!(
        r.last_error
            .as_deref()
            .unwrap()
            .contains("tidak menjawab dalam 0.3 s"),
        "{r:?}"
    );

    // The slow server finishes its work after the client gave up.
    let created = support::wait_for("the slow server's ticket", Duration::from_secs(10), || {
        sim.ticket_of(&reference)
    });
    b.advance(10);
    let ticket = delivered(&d.deliver_due(b.store(), b.now()).unwrap()).expect("delivered");
    assert_eq!(ticket, created);
    assert_eq!(sim.tickets_created(), 1);
}

#[test]
fn a_malformed_body_is_shown_and_not_retried_until_the_officer_asks() {
    let (sim, server) = simulator();
    sim.push_faults([Fault::Malformed]);
    let mut b = Bench::http(&server.url());
    let reference = b.intake_and_forward("Gateway aneh");
    let mut d = b.deliverer(TIMEOUT);

    let events = d.deliver_due(b.store(), b.now()).unwrap();
    assert!(
        matches!(&events[..], [WorkerEvent::Reachability { reachable: true, .. }, WorkerEvent::Failed { error, .. }] if error.contains("tak terduga"))
    );
    let r = row(&b, &reference);
    assert_eq!(r.state, OutboxState::Failed);
    assert!(
        r.last_error
            .as_deref()
            .unwrap()
            .contains("Gateway says hello"),
        "{r:?}"
    );

    b.advance(3600);
    assert!(d.deliver_due(b.store(), b.now()).unwrap().is_empty());
    assert_eq!(sim.requests(), 1, "not retried blindly");

    // `outbox retry`: due now, sent now.
    let c = b.desk.get(&reference).unwrap();
    assert_eq!(b.store().outbox_retry_now(c.id, b.now()).unwrap(), 1);
    let ticket = delivered(&d.deliver_complaint(b.store(), c.id, b.now()).unwrap());
    assert_eq!(b.desk.get(&reference).unwrap().ticket_no, ticket);
    assert_eq!(row(&b, &reference).attempts, 2);
}

#[test]
fn a_client_error_is_surfaced_and_not_retried() {
    let (sim, server) = simulator();
    sim.push_faults([Fault::Status(422)]);
    let mut b = Bench::http(&server.url());
    let reference = b.intake_and_forward("Kategori tidak dikenal");
    let mut d = b.deliverer(TIMEOUT);

    d.deliver_due(b.store(), b.now()).unwrap();
    let r = row(&b, &reference);
    assert_eq!(r.state, OutboxState::Failed);
    assert_eq!(r.attempts, 1);
    let err = r.last_error.unwrap();
    assert!(
        err.contains("HTTP 422") && err.contains("simulated failure"),
        "{err}"
    );
    b.advance(3600);
    assert!(d.deliver_due(b.store(), b.now()).unwrap().is_empty());
    assert_eq!(sim.requests(), 1);
    assert_eq!(b.desk.get(&reference).unwrap().stage, Stage::Forwarded);
    let listed = b.store().outbox_waiting(10).unwrap();
    assert_eq!(listed.len(), 1, "the officer sees it in `outbox`");
}

#[test]
fn a_ticket_typed_by_hand_meanwhile_is_kept_and_the_mismatch_noted() {
    let (sim, server) = simulator();
    sim.push_faults([Fault::Status(503)]);
    let mut b = Bench::http(&server.url());
    let reference = b.intake_and_forward("Dua jalur");
    let mut d = b.deliverer(TIMEOUT);
    d.deliver_due(b.store(), b.now()).unwrap();

    b.desk.record_ticket(&reference, "B123456789").unwrap();
    b.advance(10);
    let events = d.deliver_due(b.store(), b.now()).unwrap();
    let from_bcare = delivered(&events).unwrap();

    let c = b.desk.get(&reference).unwrap();
    assert_eq!(c.ticket_no.as_deref(), Some("B123456789"));
    assert_eq!(row(&b, &reference).state, OutboxState::Sent);
    let notes = ticket_events(&b, &reference);
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert!(
        notes[1].starts_with("bcare_ticket")
            && notes[1].contains(&from_bcare)
            && notes[1].contains("B123456789"),
        "{notes:?}"
    );
}

#[test]
fn bcare_down_blocks_neither_intake_nor_handover_and_a_restart_resumes() {
    let port = free_port();
    let mut b = Bench::http(&format!("http://127.0.0.1:{port}"));
    let waiting = b.intake_and_forward("Menunggu BCare");
    let mut d = b.deliverer(TIMEOUT);
    d.deliver_due(b.store(), b.now()).unwrap();

    // Another complaint goes all the way while BCare is down.
    let other = b.intake("Sudah ada tiket");
    b.desk
        .link(
            &other,
            &bcare_desk::desk::LinkTarget::Ticket("C0254EB2B1".into()),
        )
        .unwrap();
    b.desk.hand_over(&other, "whatsapp").unwrap();
    assert_eq!(b.desk.get(&other).unwrap().stage, Stage::HandedOver);

    // Restart: a new desk on the same file finds the row where it was.
    let config = b.config.clone();
    let db = b.db.clone();
    let clock = b.clock();
    let attempts_before = row(&b, &waiting).attempts;
    b.desk = bcare_desk::desk::Desk::open(&db, config, None, clock).unwrap();
    assert_eq!(row(&b, &waiting).attempts, attempts_before);
    assert_eq!(b.store().outbox_waiting(10).unwrap().len(), 1);

    let sim = Arc::new(Simulator::new(SimSettings::default()));
    let _server = SimServer::start(format!("127.0.0.1:{port}").parse().unwrap(), sim).unwrap();
    b.advance(10);
    let mut d = b.deliverer(TIMEOUT);
    assert!(delivered(&d.deliver_due(b.store(), b.now()).unwrap()).is_some());
    assert_eq!(b.desk.get(&waiting).unwrap().stage, Stage::Ticketed);
}

#[test]
fn the_status_of_a_ticket_is_asked_over_http() {
    let (sim, server) = simulator();
    let client = HttpClient::new(&server.url(), Some("s3cret".into()), TIMEOUT);
    let ticket = sim.issue_for("PDAD-2026-0042");
    let st = client.status(&ticket).unwrap();
    assert_eq!(
        (st.ticket_no.as_str(), st.status.as_str()),
        (ticket.as_str(), "open")
    );
    assert!(matches!(
        client.status("Z000000000"),
        Err(BcareError::Rejected { status: 404, .. })
    ));
    assert!(client.reachable());
    drop(server);
    assert!(!client.reachable());
}

#[test]
fn the_background_worker_delivers_and_reports_by_message() {
    let (sim, server) = simulator();
    let mut b = Bench::http(&server.url());
    let reference = b.intake_and_forward("Lewat latar belakang");
    let handle = b.spawn_worker(Duration::from_millis(200));
    handle.nudge();
    let mut got = Vec::new();
    while let Ok(e) = handle.events.recv_timeout(Duration::from_secs(10)) {
        let done = matches!(e, WorkerEvent::Delivered { .. });
        got.push(e);
        if done {
            break;
        }
    }
    handle.stop();
    assert_eq!(
        got.first(),
        Some(&WorkerEvent::Reachability {
            client: "http".into(),
            reachable: true
        })
    );
    let ticket = sim.ticket_of(&reference).unwrap();
    assert_eq!(
        got.last(),
        Some(&WorkerEvent::Delivered {
            reference: reference.clone(),
            ticket_no: ticket.clone()
        })
    );
    // Written through the worker's own connection, seen through the desk's.
    assert_eq!(b.desk.get(&reference).unwrap().ticket_no, Some(ticket));
}

#[test]
fn a_complaint_cancelled_meanwhile_stays_cancelled_with_the_ticket_noted() {
    let (sim, server) = simulator();
    sim.push_faults([Fault::Status(503)]);
    let mut b = Bench::http(&server.url());
    let reference = b.intake_and_forward("Ditarik pemohon");
    let mut d = b.deliverer(TIMEOUT);
    d.deliver_due(b.store(), b.now()).unwrap();
    b.desk
        .cancel(&reference, "pemohon menarik pengaduan")
        .unwrap();

    b.advance(10);
    let ticket = delivered(&d.deliver_due(b.store(), b.now()).unwrap()).unwrap();
    let c = b.desk.get(&reference).unwrap();
    assert_eq!(c.stage, Stage::Cancelled);
    assert_eq!(c.ticket_no, None);
    let notes = ticket_events(&b, &reference);
    assert!(
        notes.len() == 1 && notes[0].contains(&ticket) && notes[0].contains("cancelled"),
        "{notes:?}"
    );
}

#[test]
fn two_hung_answers_hold_up_none_of_ten_good_ones() {
    let (sim, server) = simulator();
    let mut b = Bench::http(&server.url());
    let attempt = Duration::from_secs(b.config.bcare.timeout_secs);
    // Queued first, so a worker sending one at a time meets them first.
    let hung: Vec<String> = (0..2)
        .map(|i| b.intake_and_forward(&format!("Macet {i}")))
        .collect();
    for r in &hung {
        sim.push_faults_for(r, [Fault::Stall(Duration::from_secs(60))]);
    }
    let good: Vec<String> = (0..10)
        .map(|i| b.intake_and_forward(&format!("Lancar {i}")))
        .collect();
    let started = std::time::Instant::now();
    let handle = b.spawn_worker(Duration::from_secs(30));
    let mut arrived = Vec::new();
    let mut failed = Vec::new();
    while arrived.len() < good.len() || failed.len() < hung.len() {
        match handle.events.recv_timeout(Duration::from_secs(10)) {
            Ok(WorkerEvent::Delivered { reference, .. }) => {
                arrived.push((reference, started.elapsed()))
            }
            Ok(WorkerEvent::Failed {
                reference,
                next_attempt_at,
                ..
            }) => failed.push((reference, next_attempt_at, started.elapsed())),
            Ok(_) => {}
            Err(e) => panic!("{e}: delivered {arrived:?}, failed {failed:?}"),
        }
    }
    let stopping = std::time::Instant::now();
    handle.stop();
    assert!(stopping.elapsed() <= Duration::from_secs(1), "stop waited");

    let mut delivered: Vec<&String> = arrived.iter().map(|(r, _)| r).collect();
    delivered.sort();
    assert_eq!(delivered, good.iter().collect::<Vec<_>>());
    let last = arrived.iter().map(|(_, at)| *at).max().unwrap();
    let timed_out = failed.iter().map(|(.., at)| *at).max().unwrap();
    println!(
        "ten good reports delivered in {last:?}; the two hung ones timed out at {timed_out:?}"
    );
    assert!(
        last < attempt,
        "the ten good reports took {last:?}, an attempt times out after {attempt:?}"
    );
    // Each hung one timed out once, is tried again later under the same key, and
    // made no ticket on the desk.
    for r in &hung {
        let (_, next, _) = failed.iter().find(|(f, ..)| f == r).unwrap();
        assert!(next.is_some(), "{r}: a time-out is tried again");
        let row = row(&b, r);
        assert_eq!((row.state, row.attempts), (OutboxState::Pending, 1), "{r}");
        assert!(row.last_error.unwrap().contains("tidak menjawab"), "{r}");
        assert_eq!(b.desk.get(r).unwrap().ticket_no, None);
    }
    for r in &good {
        let c = b.desk.get(r).unwrap();
        assert_eq!(c.stage, Stage::Ticketed, "{r}");
        assert_eq!(c.ticket_no, sim.ticket_of(r), "{r}");
        assert_eq!(row(&b, r).attempts, 1, "{r}");
    }
}
