//! A BCare endpoint that tries to trick the desk: redirects, absurd `Retry-After`
//! values, and text meant for the officer's terminal. Scripted answers on loopback.

mod bcare_support;
mod desk_binary;

use bcare_desk::bcare::BcareClient;
use bcare_desk::bcare::http::HttpClient;
use bcare_desk::desk::outbox::WorkerEvent;
use bcare_desk::domain::complaint::Stage;
use bcare_desk::store::{OutboxRow, OutboxState};
use bcare_support::{
    Bench, Script, answer, answer_bytes, scripted, simulator, tls_with_a_ca_certificate,
};
use chrono::TimeDelta;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(2);

fn row(b: &Bench, reference: &str) -> OutboxRow {
    let c = b.desk.get(reference).unwrap();
    b.store().outbox_of(c.id).unwrap().remove(0)
}

/// No byte a terminal would act on: C0 (but newline and tab), DEL, C1, bidi.
fn harmless(s: &str) -> bool {
    !s.chars().any(|c| {
        (c < ' ' && c != '\n' && c != '\t')
            || ('\u{7f}'..='\u{9f}').contains(&c)
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
    })
}

#[test]
fn a_redirect_is_not_followed_and_is_shown_not_retried() {
    // The other host would happily issue a ticket for anything.
    let (other, other_server) = simulator();
    let location = format!("{}/tickets", other_server.url());
    let (url, hits) = scripted(vec![answer(
        "301 Moved Permanently",
        &[("Location", &location)],
        "",
    )]);
    let mut b = Bench::http(&url);
    let reference = b.intake_and_forward("Redirect");
    let mut d = b.deliverer(TIMEOUT);

    let events = d.deliver_due(b.store(), b.now()).unwrap();
    assert!(
        events
            .iter()
            .any(|e| matches!(e, WorkerEvent::Failed { .. })),
        "{events:?}"
    );
    assert_eq!(other.requests(), 0, "the redirect was followed");
    let r = row(&b, &reference);
    assert_eq!(
        r.state,
        OutboxState::Failed,
        "a redirect waits for the officer"
    );
    let err = r.last_error.unwrap();
    assert!(err.contains("HTTP 301"), "{err}");
    assert!(
        err.contains("127.0.0.1"),
        "the Location host is named: {err}"
    );
    assert_eq!(b.desk.get(&reference).unwrap().stage, Stage::Forwarded);
    assert!(b.desk.get(&reference).unwrap().ticket_no.is_none());

    b.advance(3600);
    assert!(d.deliver_due(b.store(), b.now()).unwrap().is_empty());
    assert_eq!(hits.load(Ordering::SeqCst), 1, "not retried by itself");
}

#[test]
fn an_absurd_retry_after_is_capped_and_panics_nothing() {
    for retry_after in [
        "99999999999",
        "99999999999999999999",
        "184467440737095516150000",
        "Fri, 31 Dec 9999 23:59:59 GMT",
    ] {
        let (url, _) = scripted(vec![answer(
            "503 Service Unavailable",
            &[("Retry-After", retry_after)],
            "{}",
        )]);
        let mut b = Bench::http(&url);
        let reference = b.intake_and_forward("Retry-After");
        let mut d = b.deliverer(TIMEOUT);
        d.deliver_due(b.store(), b.now()).unwrap();
        let r = row(&b, &reference);
        assert_eq!(r.state, OutboxState::Pending, "{retry_after}");
        let wait = r.next_attempt_at - b.now();
        // The bench's backoff caps at 8 s; BCare asked for longer, so it gets the cap.
        assert_eq!(wait, TimeDelta::seconds(8), "{retry_after}: {wait}");
    }
}

#[test]
fn a_retry_after_under_the_cap_is_honoured() {
    let (url, _) = scripted(vec![answer(
        "429 Too Many Requests",
        &[("Retry-After", "6")],
        "{}",
    )]);
    let mut b = Bench::http(&url);
    let reference = b.intake_and_forward("Retry-After");
    let mut d = b.deliverer(TIMEOUT);
    d.deliver_due(b.store(), b.now()).unwrap();
    let wait = row(&b, &reference).next_attempt_at - b.now();
    // Jitter of the first attempt is at most 1 s: the server's 6 s wins.
    assert_eq!(wait, TimeDelta::seconds(6));
}

const HOSTILE: &str = "\u{1b}]52;c;cm0gLXJmIH4=\u{7}\u{1b}[2J\u{9b}31m\u{202e}evil\u{2066}\u{0}";

#[test]
fn bcare_error_text_is_cleaned_and_bounded_before_it_is_stored() {
    let long = "x".repeat(5000);
    let body = serde_json::json!({ "error": format!("{HOSTILE} line\nbreak {long}") }).to_string();
    let (url, _) = scripted(vec![answer("422 Unprocessable Entity", &[], &body)]);
    let mut b = Bench::http(&url);
    let reference = b.intake_and_forward("Hostile");
    let mut d = b.deliverer(TIMEOUT);
    let events = d.deliver_due(b.store(), b.now()).unwrap();
    let err = row(&b, &reference).last_error.unwrap();
    assert!(harmless(&err), "{err:?}");
    assert!(!err.contains('\n'), "{err:?}");
    assert!(err.contains("evil"), "the words stay: {err:?}");
    assert!(
        err.chars().count() <= 400,
        "bounded: {}",
        err.chars().count()
    );
    for e in events {
        if let WorkerEvent::Failed { error, .. } = e {
            assert!(harmless(&error), "{error:?}");
        }
    }
}

#[test]
fn a_body_that_is_not_the_contract_is_quoted_cleaned() {
    let (url, _) = scripted(vec![answer("200 OK", &[], HOSTILE)]);
    let mut b = Bench::http(&url);
    let reference = b.intake_and_forward("Hostile body");
    b.deliverer(TIMEOUT)
        .deliver_due(b.store(), b.now())
        .unwrap();
    let err = row(&b, &reference).last_error.unwrap();
    assert!(harmless(&err), "{err:?}");
}

#[test]
fn a_ticket_status_is_cleaned() {
    let body = serde_json::json!({ "ticket_no": "T0000000AB", "status": HOSTILE }).to_string();
    let (url, _) = scripted(vec![answer("200 OK", &[], &body)]);
    let c = HttpClient::new(&url, None, TIMEOUT);
    let s = c.status("T0000000AB").unwrap();
    assert!(harmless(&s.status), "{:?}", s.status);
    assert!(s.status.contains("evil"));
}

/// One hostile way BCare can answer, and where the report must end up.
struct Hostile {
    what: &'static str,
    /// The endpoint's URL and how many requests (or connections) it took.
    endpoint: (String, Arc<AtomicUsize>),
    /// Pending: tried again by itself (later); Failed: waits for the officer.
    ends: OutboxState,
    /// Words the officer must find in the row's last error.
    says: &'static str,
}

/// A scripted endpoint giving this answer to every request.
fn one(answer: Script) -> (String, Arc<AtomicUsize>) {
    scripted(vec![answer])
}

/// A raw answer, headers and all, as a broken server would send it.
fn raw(bytes: &[u8]) -> (String, Arc<AtomicUsize>) {
    one(Script::Answer(bytes.to_vec()))
}

fn hostile_answers() -> Vec<Hostile> {
    let many_headers: String = (0..200).map(|i| format!("X-Bcare-{i}: ya\r\n")).collect();
    vec![
        Hostile {
            what: "201 whose JSON is not UTF-8",
            endpoint: one(answer_bytes(
                "201 Created",
                &[],
                b"{\"ticket_no\":\"A0254\xff\xe2\x80\xa6\"}",
            )),
            ends: OutboxState::Failed,
            says: "HTTP 201",
        },
        Hostile {
            what: "400 whose text is not UTF-8",
            endpoint: one(answer_bytes(
                "400 Bad Request",
                &[],
                b"ditolak \xff\xfe\x1b[2J\xc2\x9b31m kategori salah",
            )),
            ends: OutboxState::Failed,
            says: "HTTP 400",
        },
        Hostile {
            what: "200 whose body is escape sequences",
            endpoint: one(answer("200 OK", &[], HOSTILE)),
            ends: OutboxState::Failed,
            says: "HTTP 200",
        },
        Hostile {
            what: "422 whose error is escape sequences",
            endpoint: one(answer(
                "422 Unprocessable Entity",
                &[],
                &serde_json::json!({ "error": HOSTILE }).to_string(),
            )),
            ends: OutboxState::Failed,
            says: "HTTP 422",
        },
        Hostile {
            what: "503 asking to wait for centuries",
            endpoint: one(answer(
                "503 Service Unavailable",
                &[("Retry-After", "99999999999999999999")],
                HOSTILE,
            )),
            ends: OutboxState::Pending,
            says: "HTTP 503",
        },
        Hostile {
            what: "201 with too many headers",
            endpoint: raw(format!(
                "HTTP/1.1 201 Created\r\n{many_headers}Content-Length: 2\r\n\r\n{{}}"
            )
            .as_bytes()),
            ends: OutboxState::Pending,
            says: "jawaban BCare rusak",
        },
        Hostile {
            what: "201 cut short before its body ends",
            endpoint: raw(b"HTTP/1.1 201 Created\r\nContent-Length: 100\r\n\r\n{\"ticket_no\":"),
            ends: OutboxState::Pending,
            says: "BCare's answer was cut short",
        },
        Hostile {
            what: "an answer that is not HTTP",
            endpoint: raw(b"\x1b]52;c;cm0gLXJmIH4=\x07 HELLO\r\n\r\n"),
            ends: OutboxState::Pending,
            says: "jawaban BCare rusak",
        },
        Hostile {
            what: "a certificate authority's certificate as the server's",
            endpoint: tls_with_a_ca_certificate(),
            ends: OutboxState::Pending,
            says: "BCare's certificate is not valid for a server",
        },
    ]
}

/// Library words that mean nothing to the officer: the log keeps them.
const JARGON: &[&str] = &[
    "CaUsedAsEndEntity",
    "too many headers",
    "bytes remaining",
    "Peer disconnected",
    "http parse",
    "io:",
    "protocol:",
    "valid UTF-8",
    "rustls",
];

#[test]
fn hostile_answers_make_no_ticket_reach_no_terminal_and_end_as_the_message_says() {
    for h in hostile_answers() {
        let what = h.what;
        let (url, hits) = h.endpoint;
        let mut b = Bench::http(&url);
        let reference = b.intake_and_forward("Jawaban aneh");
        let mut d = b.deliverer(TIMEOUT);
        let events = d.deliver_due(b.store(), b.now()).unwrap();

        // No phantom ticket.
        let c = b.desk.get(&reference).unwrap();
        assert_eq!(c.stage, Stage::Forwarded, "{what}");
        assert_eq!(c.ticket_no, None, "{what}");
        let r = row(&b, &reference);
        assert_eq!(r.ticket_no, None, "{what}");
        assert!(
            !events
                .iter()
                .any(|e| matches!(e, WorkerEvent::Delivered { .. })),
            "{what}: {events:?}"
        );
        // The row ends where the officer is told it is.
        assert_eq!(r.state, h.ends, "{what}: {r:?}");
        assert_eq!(r.attempts, 1, "{what}");
        let err = r.last_error.clone().unwrap();
        assert!(harmless(&err), "{what}: {err:?}");
        assert!(err.contains(h.says), "{what}: {err}");
        for j in JARGON {
            assert!(!err.contains(j), "{what}: {j:?} reaches the officer: {err}");
        }
        let told = events.iter().find_map(|e| match e {
            WorkerEvent::Failed {
                error,
                next_attempt_at,
                ..
            } => Some((error, next_attempt_at)),
            _ => None,
        });
        let (error, next) = told.unwrap_or_else(|| panic!("{what}: no Failed event"));
        assert!(harmless(error), "{what}: {error:?}");
        // Told "tried again at …" exactly when the row is still pending.
        match h.ends {
            OutboxState::Pending => assert_eq!(*next, Some(r.next_attempt_at), "{what}"),
            _ => assert_eq!(*next, None, "{what}: told it is tried again"),
        }
        // Not tried for ever: a row that waits for the officer is not sent again by
        // itself; one that is retried waits at most the cap (8 s here).
        let wait = r.next_attempt_at - b.now();
        assert!(wait <= TimeDelta::seconds(8), "{what}: {wait}");
        b.advance(3600);
        d.deliver_due(b.store(), b.now()).unwrap();
        let sent = hits.load(Ordering::SeqCst);
        match h.ends {
            OutboxState::Failed => assert_eq!(sent, 1, "{what}: retried by itself"),
            _ => assert_eq!(sent, 2, "{what}: not retried"),
        }
    }
}

#[test]
fn hostile_answers_reach_no_terminal_through_the_command_line() {
    for h in hostile_answers() {
        let what = h.what;
        let desk = desk_binary::Desk::with_config(
            &format!(
                "[bcare]\nclient = \"http\"\nurl = \"{}\"\ntimeout_secs = 2\n",
                h.endpoint.0
            ),
            desk_binary::FRIDAY_MORNING,
        );
        let r = desk.intake(&[]);
        let run = |args: &[&str]| {
            let out = desk
                .cmd()
                .args(args)
                .timeout(Duration::from_secs(20))
                .output()
                .unwrap();
            for stream in [&out.stdout, &out.stderr] {
                let text = String::from_utf8_lossy(stream);
                assert!(harmless(&text), "{what}: {args:?} printed {text:?}");
            }
            out
        };
        let sent = run(&["--lang", "en", "forward", &r, "--wait", "1"]);
        let said = String::from_utf8_lossy(&sent.stderr) + String::from_utf8_lossy(&sent.stdout);
        // The command says what became of the report, and its exit code agrees.
        match h.ends {
            OutboxState::Failed => assert!(
                !sent.status.success() && said.contains(&format!("outbox retry {r}")),
                "{what}: {said}"
            ),
            _ => assert!(
                sent.status.success() && said.contains("stays queued"),
                "{what}: {said}"
            ),
        }
        for j in JARGON {
            assert!(!said.contains(j), "{what}: {j:?} printed: {said}");
        }
        run(&["outbox"]);
        run(&["show", &r]);
        let listed = desk.json(&["outbox"]);
        assert_eq!(listed[0]["state"], h.ends.as_str(), "{what}: {listed}");
        assert_eq!(desk.json(&["show", &r])["stage"], "forwarded", "{what}");
    }
}
