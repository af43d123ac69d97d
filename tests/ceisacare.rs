//! The ceisacare client against the CEISACare simulator over real HTTP on
//! 127.0.0.1, and against answers written in the gateway's shapes (made-up data):
//! a number found three pages down, a `" - "` suffix, HTML and entities in every
//! text, a second ticket naming the same reference, a 401 in the middle of a
//! walk, the resolution of linked callers, and the faults refused by name.

mod bcare_support;

use bcare_desk::bcare::ceisacare::CeisacareClient;
use bcare_desk::bcare::ceisacare_sim::CeisacareSim;
use bcare_desk::bcare::server::SimServer;
use bcare_desk::bcare::{BcareError, Gateway};
use bcare_desk::config::{ClientKind, Config};
use bcare_desk::desk::LinkTarget;
use bcare_desk::desk::followup::Follower;
use bcare_desk::desk::outbox::WorkerEvent;
use bcare_desk::desk::polled::PollReport;
use bcare_desk::desk::token::{self, TokenPlace};
use bcare_desk::domain::calendar::WorkCalendar;
use bcare_desk::domain::complaint::{Event, Stage};
use bcare_desk::domain::msg::Lang;
use bcare_support::{Bench, answer, clock, scripted, start_clock};
use chrono::TimeDelta;
use std::sync::Arc;
use std::time::Duration;

/// A desk whose client is ceisacare at the simulator, with a token pasted.
struct Gw {
    sim: Arc<CeisacareSim>,
    _server: SimServer,
    b: Bench,
    place: TokenPlace,
    _token_dir: tempfile::TempDir,
}

fn config(url: &str, place: &TokenPlace) -> Config {
    let mut config = Config::default();
    config.officer.name = Some("Petugas Uji".into());
    config.bcare.client = ClientKind::Ceisacare;
    config.bcare.url = Some(url.to_string());
    config.bcare.timeout_secs = 2;
    config.bcare.token_env = Some(place.env.clone());
    config.bcare.token_file = Some(place.file.clone());
    config
}

fn place(dir: &tempfile::TempDir) -> TokenPlace {
    TokenPlace {
        // Never set: the file is the token's place in these tests.
        env: "BCARE_DESK_TEST_CEISACARE_TOKEN_NEVER_SET".into(),
        file: dir.path().join("ceisacare.token"),
    }
}

fn gateway() -> Gw {
    let now = start_clock();
    let sim = Arc::new(CeisacareSim::new(5, None, clock(&now)));
    let server = sim.clone().serve("127.0.0.1:0".parse().unwrap()).unwrap();
    let token_dir = tempfile::tempdir().unwrap();
    let place = place(&token_dir);
    let b = Bench::on_clock(config(&server.url(), &place), now);
    let g = Gw {
        sim,
        _server: server,
        b,
        place,
        _token_dir: token_dir,
    };
    g.new_token(8);
    g
}

impl Gw {
    fn new_token(&self, hours: u64) {
        let t = self.sim.issue_token(Duration::from_secs(hours * 3600));
        token::save(&self.place, &t, self.b.now()).unwrap();
    }

    fn client(&self) -> CeisacareClient {
        CeisacareClient::from_config(&self.b.config).unwrap()
    }

    fn poll(&self, f: &mut Follower) -> PollReport {
        f.poll(&self.client(), self.b.store(), self.b.now())
            .unwrap()
    }

    /// A ticket in the gateway's words, filed `minutes` after the desk's now.
    fn ticket(&self, nomor: &str, minutes: i64, uraian: &str) -> String {
        self.sim
            .add_ticket(nomor, self.b.now() + TimeDelta::minutes(minutes), uraian)
    }

    fn events(&self, reference: &str, kind: &str) -> Vec<Event> {
        let c = self.b.desk.get(reference).unwrap();
        self.b
            .store()
            .events(c.id)
            .unwrap()
            .into_iter()
            .filter(|e| e.kind == kind)
            .collect()
    }
}

/// The next event from the worker that `pred` takes (the others are passed over).
fn wait_event(
    worker: &bcare_desk::desk::worker::WorkerHandle,
    within: Duration,
    pred: impl Fn(&WorkerEvent) -> bool,
) -> WorkerEvent {
    while let Ok(e) = worker.events.recv_timeout(within) {
        if pred(&e) {
            return e;
        }
    }
    panic!("no such event from the worker within {within:?}");
}

fn follower(b: &Bench) -> Follower {
    Follower::new(&b.config, WorkCalendar::builtin())
}

#[test]
fn a_number_three_pages_down_comes_back_by_itself_without_its_suffix() {
    let mut g = gateway();
    let reference = g.b.intake_and_forward("PIB belum mendapat respon");
    // Older tickets of other offices' days: the walk stops once it reaches them.
    for i in 0..15 {
        g.ticket(&format!("B{i:09X}"), -3 * 24 * 60 + i, "<p>Tiket lama</p>");
    }
    g.ticket(
        "K735BBA665 - PIB belum mendapat respon",
        1,
        &format!("<p>Kategori: IMP</p><p>Referensi kantor: {reference}</p>"),
    );
    // 25 newer tickets push it to page 3.
    for i in 0..25 {
        g.ticket(&format!("C{i:09X}"), 10 + i, "<p>Tiket kantor lain</p>");
    }
    let before = g.sim.requests();
    let report = g.poll(&mut follower(&g.b));
    assert_eq!(g.sim.requests() - before, 3, "pages 1 to 3, no further");
    assert_eq!(report.numbers.len(), 1, "{report:?}");
    let c = g.b.desk.get(&reference).unwrap();
    assert_eq!(c.stage, Stage::Ticketed);
    assert_eq!(c.ticket_no.as_deref(), Some("K735BBA665"));
    let ticket = &g.events(&reference, "ticket")[0];
    assert!(
        ticket.note.as_deref().unwrap().contains("CEISACare"),
        "{ticket:?}"
    );
    // The handover works on the number as if typed.
    g.b.desk.hand_over(&reference, "whatsapp").unwrap();
}

#[test]
fn a_second_ticket_naming_the_same_reference_is_a_warning_never_an_overwrite() {
    let mut g = gateway();
    let reference = g.b.intake_and_forward("Gagal login CEISA 4.0");
    let uraian = format!("<p>Referensi kantor: {reference}</p>");
    g.ticket("K0000000A1", 1, &uraian);
    g.ticket("K0000000B2 - dikirim ulang", 5, &uraian);
    let mut f = follower(&g.b);
    let report = g.poll(&mut f);
    assert_eq!(
        g.b.desk.get(&reference).unwrap().ticket_no.as_deref(),
        Some("K0000000A1"),
        "the first ticket filed is the complaint's own"
    );
    assert_eq!(report.other_tickets.len(), 1, "{report:?}");
    assert_eq!(report.other_tickets[0].ticket_no, "K0000000B2");
    assert_eq!(report.other_tickets[0].kept, "K0000000A1");
    // A third ticket, seen by the next walk (another complaint waits): still a
    // warning, the number stays.
    g.b.intake_and_forward("Complaint lain menunggu nomor");
    g.ticket("K0000000C3", 9, &uraian);
    let report = g.poll(&mut f);
    assert!(report.numbers.is_empty());
    assert_eq!(report.other_tickets.len(), 2);
    assert_eq!(
        g.b.desk.get(&reference).unwrap().ticket_no.as_deref(),
        Some("K0000000A1")
    );
}

#[test]
fn an_unusual_number_is_recorded_with_a_warning() {
    let mut g = gateway();
    let reference = g.b.intake_and_forward("SPPB belum terbit");
    g.ticket(
        "TIKET-2026-7",
        1,
        &format!("<p>Referensi kantor: {reference}</p>"),
    );
    let report = g.poll(&mut follower(&g.b));
    assert!(report.numbers[0].unusual, "{report:?}");
    let c = g.b.desk.get(&reference).unwrap();
    assert_eq!(c.ticket_no.as_deref(), Some("TIKET-2026-7"));
}

#[test]
fn html_and_entities_are_made_plain_in_every_text_read_back() {
    let mut g = gateway();
    let reference = g.b.intake_and_forward("Respon BC 2.0 tidak masuk");
    g.ticket(
        "<b>K735BBA665</b> - Gangguan &amp; respon",
        1,
        &format!("<div>Referensi&nbsp;kantor:&#32;<span>{reference}</span></div>"),
    );
    let mut f = follower(&g.b);
    g.poll(&mut f);
    g.sim.add_step(
        "K735BBA665",
        "Dir. IKC <i>Layer&nbsp;2</i>",
        "Proses &amp; analisa",
        "<p>Log &lt;server&gt; diperiksa\u{1b}[2J &#x202E;</p><script>x()</script>",
    );
    g.sim.add_answer(
        "K735BBA665",
        "Agen&nbsp;<b>IKC</b>",
        "<p>Mohon&nbsp;kirim ulang &quot;dokumen&quot;</p>",
    );
    let report = g.poll(&mut f);
    assert!(report.imported >= 3, "{report:?}");
    let steps = g.events(&reference, "bcare_step");
    let answers = g.events(&reference, "bcare_answer");
    let step = steps
        .iter()
        .find(|e| e.after.as_deref() == Some("Proses & analisa"));
    let step = step.unwrap_or_else(|| panic!("{steps:?}"));
    assert_eq!(step.officer, "Dir. IKC Layer 2");
    assert_eq!(step.note.as_deref(), Some("Log <server> diperiksa[2J"));
    assert_eq!(
        answers[0].note.as_deref(),
        Some("Agen IKC: Mohon kirim ulang \"dokumen\"")
    );
    for e in steps.iter().chain(&answers) {
        for text in [Some(&e.officer), e.after.as_ref(), e.note.as_ref()]
            .into_iter()
            .flatten()
        {
            assert!(
                !text.contains('<') || text.contains("<server>"),
                "a tag: {text:?}"
            );
            assert!(
                !text.contains("&amp;") && !text.contains("&nbsp;"),
                "{text:?}"
            );
            assert!(
                !text.chars().any(|c| c.is_control() || c == '\u{202E}'),
                "{text:?}"
            );
        }
    }
    // Read again: each step and answer once.
    let again = g.poll(&mut f);
    assert_eq!(again.imported, 0);
    assert_eq!(g.events(&reference, "bcare_step").len(), steps.len());
}

#[test]
fn a_401_in_the_middle_of_a_walk_changes_nothing_and_the_walk_waits_for_a_new_token() {
    let mut g = gateway();
    let reference = g.b.intake_and_forward("Dokumen tertahan");
    g.ticket(
        "K735BBA665",
        1,
        &format!("<p>Referensi kantor: {reference}</p>"),
    );
    for i in 0..12 {
        g.ticket(&format!("C{i:09X}"), 10 + i, "<p>lain</p>");
    }
    g.sim.push_script([None, Some(401)]);
    let mut f = follower(&g.b);
    let report = g.poll(&mut f);
    assert!(report.token_expired, "{report:?}");
    assert_eq!(
        report.failures[0].error,
        "token expired: paste a new one with `bcare-desk ceisacare token`"
    );
    assert_eq!(g.b.desk.get(&reference).unwrap().stage, Stage::Forwarded);
    // The refused token is not sent again.
    let asked = g.sim.requests();
    let report = g.poll(&mut f);
    assert!(report.token_expired);
    assert_eq!(g.sim.requests(), asked, "no call with the refused token");
    // A new token: the walk goes on by itself.
    g.new_token(8);
    let report = g.poll(&mut f);
    assert_eq!(report.numbers.len(), 1, "{report:?}");
    assert_eq!(g.b.desk.get(&reference).unwrap().stage, Stage::Ticketed);
}

#[test]
fn a_token_that_expires_on_the_clock_is_refused_by_the_gateway() {
    let mut g = gateway();
    let reference = g.b.intake_and_forward("Dokumen tertahan");
    g.ticket("K735BBA665", 1, &format!("<p>{reference}</p>"));
    g.b.advance(9 * 3600);
    let report = g.poll(&mut follower(&g.b));
    assert!(report.token_expired, "{report:?}");
    assert_eq!(g.b.desk.get(&reference).unwrap().stage, Stage::Forwarded);
    let place = &g.place;
    assert!(matches!(
        token::state(place, g.b.now()),
        token::TokenState::Expired { .. }
    ));
}

#[test]
fn penyelesaian_resolves_every_handed_over_caller_and_the_others_once_handed_over() {
    let mut g = gateway();
    let first = g.b.intake_and_forward("Jaringan CEISA putus");
    let ticket = "K735BBA665";
    g.ticket(ticket, 1, &format!("<p>Referensi kantor: {first}</p>"));
    let mut f = follower(&g.b);
    g.poll(&mut f);
    let caller = g.b.intake("Jaringan CEISA putus juga");
    g.b.desk
        .link(&caller, &LinkTarget::Ticket(ticket.into()))
        .unwrap();
    let late = g.b.intake("Jaringan putus, penelepon ketiga");
    g.b.desk
        .link(&late, &LinkTarget::Ticket(ticket.into()))
        .unwrap();
    g.b.desk.hand_over(&first, "whatsapp").unwrap();
    g.b.desk.hand_over(&caller, "telepon").unwrap();
    g.sim
        .add_step(ticket, "Dir. IKC Layer 2", "Proses", "<p>Dianalisa</p>");
    g.sim
        .add_answer(ticket, "Agen IKC", "<p>Sedang kami cek</p>");
    g.sim.add_step(
        ticket,
        "Dir. IKC Layer 2",
        "Penyelesaian",
        "<p>Router kantor sudah diganti</p>",
    );
    let report = g.poll(&mut f);
    let resolved: Vec<_> = report
        .changes
        .iter()
        .filter(|c| c.resolved)
        .map(|c| c.reference.clone())
        .collect();
    assert_eq!(resolved.len(), 2, "{report:?}");
    for r in [&first, &caller] {
        let c = g.b.desk.get(r).unwrap();
        assert_eq!(c.stage, Stage::Resolved);
        assert_eq!(
            c.resolution_note.as_deref(),
            Some("Router kantor sudah diganti")
        );
    }
    let (_, notice) = g.b.desk.resolution_notice(&caller, Lang::Id).unwrap();
    assert!(notice.contains("Router kantor sudah diganti"), "{notice}");
    // Not handed over yet: it keeps its number to hand over.
    assert_eq!(g.b.desk.get(&late).unwrap().stage, Stage::Ticketed);
    // Steps go into the timeline of the complaint that filed the ticket only.
    assert!(g.events(&first, "bcare_step").len() >= 3);
    assert!(g.events(&caller, "bcare_step").is_empty());
    // A linked caller sees them through the incident.
    let incident = g.b.desk.incident(&caller).unwrap();
    assert_eq!(incident.first, first);
    assert!(
        incident
            .at_bcare
            .iter()
            .any(|e| e.note.as_deref() == Some("Router kantor sudah diganti")),
        "{:?}",
        incident.at_bcare
    );
    g.b.desk.hand_over(&late, "telepon").unwrap();
    g.poll(&mut f);
    assert_eq!(g.b.desk.get(&late).unwrap().stage, Stage::Resolved);
    let steps = g.events(&first, "bcare_step").len();
    g.poll(&mut f);
    assert_eq!(g.events(&first, "bcare_step").len(), steps, "imported once");
}

#[test]
fn the_worker_brings_the_number_back_and_says_a_refused_token_once() {
    let mut g = gateway();
    let reference = g.b.intake_and_forward("PIB belum mendapat respon");
    g.ticket(
        "K735BBA665",
        1,
        &format!("<p>Referensi kantor: {reference}</p>"),
    );
    let worker = g.b.spawn_worker(Duration::from_millis(100));
    let got = wait_event(&worker, Duration::from_secs(10), |e| {
        matches!(e, WorkerEvent::Delivered { .. })
    });
    assert_eq!(
        got,
        WorkerEvent::Delivered {
            reference: reference.clone(),
            ticket_no: "K735BBA665".into()
        }
    );
    let second = g.b.intake_and_forward("Dokumen kedua");
    g.ticket("K0000000D4", 2, &format!("<p>{second}</p>"));
    g.sim.push_script([Some(401)]);
    g.b.advance(600);
    let got = wait_event(&worker, Duration::from_secs(10), |e| {
        matches!(e, WorkerEvent::TokenExpired | WorkerEvent::Delivered { .. })
    });
    assert_eq!(got, WorkerEvent::TokenExpired);
    g.new_token(8);
    g.b.advance(600);
    let got = wait_event(&worker, Duration::from_secs(10), |e| {
        matches!(e, WorkerEvent::TokenExpired | WorkerEvent::Delivered { .. })
    });
    assert!(
        matches!(&got, WorkerEvent::Delivered { reference, .. } if *reference == second),
        "{got:?}"
    );
    worker.stop();
}

#[test]
fn faults_of_the_gateway_are_refused_in_one_line_naming_what_was_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let place = place(&dir);
    let now = bcare_support::start();
    let jwt = bcare_desk::domain::ceisacare::token::unsigned(now + TimeDelta::hours(8), "uji");
    token::save(&place, &jwt, now).unwrap();
    let client = |url: &str| CeisacareClient::from_config(&config(url, &place)).unwrap();
    let big = format!(
        r#"{{"data": {{"items": [], "pad": "{}"}}}}"#,
        "x".repeat(2 * 1024 * 1024)
    );
    let cases: Vec<(bcare_support::Script, &str)> = vec![
        (
            answer(
                "302 Found",
                &[("Location", "https://elsewhere.example/x")],
                "",
            ),
            "not followed",
        ),
        (answer("200 OK", &[], &big), "over 2 MiB"),
        (
            answer("200 OK", &[], r#"{"data": {"rows": []}}"#),
            "JSON of another shape",
        ),
        (answer("401 Unauthorized", &[], "{}"), "token expired"),
    ];
    for (script, said) in cases {
        let (url, _) = scripted(vec![script]);
        let e = client(&url).tickets_page(1).unwrap_err();
        let line = e.to_string();
        assert!(line.contains(said), "{line}");
        assert!(!line.contains('\n'), "{line}");
        assert!(!line.contains(&jwt), "{line}");
        assert!(!e.retryable(), "{line}");
    }
    let (url, _) = scripted(vec![answer(
        "503 Service Unavailable",
        &[("Retry-After", "7")],
        "",
    )]);
    let e = client(&url).tickets_page(1).unwrap_err();
    assert!(matches!(e, BcareError::Busy { status: 503, .. }), "{e}");
    assert!(e.retryable());
}

#[test]
fn a_busy_gateway_is_walked_again_after_a_backoff_not_a_whole_poll_later() {
    let mut g = gateway();
    let reference = g.b.intake_and_forward("Dokumen tertahan");
    g.ticket(
        "K735BBA665",
        1,
        &format!("<p>Referensi kantor: {reference}</p>"),
    );
    g.sim.push_script([Some(503)]);
    let mut f = follower(&g.b);
    let client = g.client();
    let first = f
        .poll_if_due(&client, g.b.store(), g.b.now(), &|| false)
        .unwrap()
        .expect("the first walk is due");
    assert!(first.unreachable && first.numbers.is_empty(), "{first:?}");
    // The backoff's first wait is at most 2 s (whole seconds, rounded up):
    // well inside `poll_seconds`.
    g.b.advance(3);
    let again = f
        .poll_if_due(&client, g.b.store(), g.b.now(), &|| false)
        .unwrap()
        .expect("walked again after the backoff");
    assert_eq!(again.numbers.len(), 1, "{again:?}");
    // Nothing waits any more: no walk until a complaint does.
    g.b.advance(600);
    assert!(
        f.poll_if_due(&client, g.b.store(), g.b.now(), &|| false)
            .unwrap()
            .is_none()
    );
}

#[test]
fn a_number_typed_by_hand_is_found_in_the_list_and_followed_to_its_end() {
    let mut g = gateway();
    let reference = g.b.intake_and_forward("NPE belum terbit");
    g.b.desk.record_ticket(&reference, "K735BBA665").unwrap();
    g.b.desk.hand_over(&reference, "telepon").unwrap();
    // Filed without the reference in its text (typed by the officer elsewhere):
    // the walk knows it by its number.
    g.ticket("K735BBA665 - NPE", 1, "<p>NPE belum terbit</p>");
    g.sim.add_step(
        "K735BBA665",
        "Dir. IKC Layer 1",
        "Push Penyelesaian",
        "<p>NPE sudah terbit</p>",
    );
    let report = g.poll(&mut follower(&g.b));
    assert!(report.changes.iter().any(|c| c.resolved), "{report:?}");
    let c = g.b.desk.get(&reference).unwrap();
    assert_eq!(c.stage, Stage::Resolved);
    assert_eq!(c.resolution_note.as_deref(), Some("NPE sudah terbit"));
}
