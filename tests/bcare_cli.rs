//! The BCare commands on the real binary: `simulate`, `forward --wait`, `outbox` and
//! `outbox retry`, with a temp database and a config pointing at the simulator.

mod bcare_support;
mod desk_binary;

use assert_cmd::Command;
use bcare_desk::bcare::server::SimServer;
use bcare_desk::bcare::sim::{Fault, SimSettings, Simulator};
use desk_binary::{Desk, IMPORTER, intake_args};
use predicates::prelude::*;
use std::io::{BufRead, BufReader};
use std::sync::Arc;

/// A desk whose config sends reports over http to `url`, on Monday 30 November
/// 2026 at 09:00 WITA.
fn http_desk(url: &str) -> Desk {
    Desk::with_config(
        &format!(
            "[officer]\nname = \"Petugas Uji\"\n\n[bcare]\nclient = \"http\"\nurl = \"{url}\"\ntimeout_secs = 2\n"
        ),
        "2026-11-30T01:00:00Z",
    )
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Kills the simulator child even when an assertion fails.
struct Child(std::process::Child);

impl Drop for Child {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn the_token_and_personal_data_reach_no_log_even_at_trace() {
    let (_sim, server) = bcare_support::simulator();
    const TOKEN: &str = "tok-5ecret-Zq81x";
    let desk = Desk::with_config(
        &format!(
            "[bcare]\nclient = \"http\"\nurl = \"{}\"\ntoken_env = \"BCARE_TEST_TOKEN\"\ntimeout_secs = 5\n",
            server.url()
        ),
        "2026-11-30T01:00:00Z",
    );
    let trace = |c: &mut Command| {
        c.env("BCARE_DESK_LOG", "trace")
            .env("BCARE_TEST_TOKEN", TOKEN);
    };
    let mut intake = desk.cmd();
    trace(&mut intake);
    let out = intake
        .arg("--json")
        .args(intake_args(
            IMPORTER,
            &["--email", "andi.wijaya@example.co.id"],
        ))
        .assert()
        .success();
    let reference = serde_json::from_slice::<serde_json::Value>(&out.get_output().stdout).unwrap()
        ["ref"]
        .as_str()
        .unwrap()
        .to_string();
    let mut forward = desk.cmd();
    trace(&mut forward);
    forward
        .args(["forward", &reference, "--wait", "10"])
        .assert()
        .success()
        .stdout(predicate::str::contains("nomor tiket BCare"));

    let log = std::fs::read_to_string(desk.db().parent().unwrap().join("bcare-desk.log"))
        .expect("the run wrote a log");
    if std::env::var("SHOW_LOG").is_ok() {
        eprintln!("{log}");
    }
    // The log is not empty: it holds this run's lines, so the checks below can fail.
    assert!(log.contains("report delivered to BCare"), "{log}");
    assert!(log.contains(&reference), "{log}");
    assert!(
        log.contains("DEBUG") && log.contains("TRACE"),
        "trace level was on: {log}"
    );
    // Not even in pieces (a hex dump shows 16 bytes a line): no 6 characters of it.
    let token: Vec<char> = TOKEN.chars().collect();
    for piece in token.windows(6) {
        let piece: String = piece.iter().collect();
        assert!(
            !log.contains(&piece),
            "{piece:?} of the token in the log:\n{log}"
        );
    }
    for secret in [
        "Andi",
        "Wijaya",
        "812345",
        "3456-7890",
        "01.234.567",
        "012345678901000",
        "andi.wijaya",
        "Samudra",
    ] {
        assert!(!log.contains(secret), "{secret:?} in the log:\n{log}");
    }
}

// Every test here runs on a SQLite file and on a PostgreSQL database.
on_both! {
    #[test]
    fn simulate_prints_its_address_and_forward_wait_gets_the_ticket_from_it() {
        let bin = assert_cmd::cargo::cargo_bin("bcare-desk");
        let mut child = Child(
            std::process::Command::new(bin)
                .args(["simulate", "--listen", "127.0.0.1:0", "--seed", "5"])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap(),
        );
        let mut first = String::new();
        BufReader::new(child.0.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        let url = first.trim().to_string();
        assert!(url.starts_with("http://127.0.0.1:"), "{url}");

        let desk = http_desk(&url);
        let reference = desk.intake(&[]);
        let out = desk
            .cmd()
            .args(["forward", &reference, "--wait", "10"])
            .assert()
            .success();
        let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        let ticket = stdout.trim().rsplit(' ').next().unwrap().to_string();
        assert!(
            regex::Regex::new("^[A-Z][0-9A-F]{9}$")
                .unwrap()
                .is_match(&ticket),
            "{stdout}"
        );
        assert!(stdout.contains(&format!("{reference}: nomor tiket BCare {ticket}")));
        let shown = desk.json(&["show", &reference]);
        assert!(shown.to_string().contains(&ticket), "{shown}");
        assert!(shown.to_string().contains("ticketed"), "{shown}");
        desk.cmd()
            .args(["outbox", "--lang", "en"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Nothing waits"));
    }
    #[test]
    fn simulate_refuses_a_public_address_without_public() {
        Command::cargo_bin("bcare-desk")
            .unwrap()
            .env_clear()
            .args(["simulate", "--listen", "0.0.0.0:0"])
            .assert()
            .failure()
            .stderr(predicate::str::contains("--public"));
    }
    #[test]
    fn bcare_down_leaves_the_report_queued_and_outbox_retry_sends_it_once_up() {
        let port = free_port();
        let desk = http_desk(&format!("http://127.0.0.1:{port}"));
        let reference = desk.intake(&[]);

        // Queued is not a failure: exit 0, and say so.
        desk.cmd()
            .args(["forward", &reference, "--wait", "1"])
            .assert()
            .success()
            .stdout(predicate::str::contains("tetap di antrean"))
            // What went wrong on the way to BCare is labelled as BCare's.
            .stdout(predicate::str::contains("(BCare: "));

        let listed = desk.json(&["outbox"]);
        let rows = listed.as_array().unwrap();
        assert_eq!(rows.len(), 1, "{listed}");
        assert_eq!(rows[0]["ref"], reference.as_str());
        assert_eq!(rows[0]["state"], "pending");
        assert!(rows[0]["attempts"].as_i64().unwrap() >= 1);
        assert!(
            rows[0]["last_error"]
                .as_str()
                .unwrap()
                .contains("tidak terjangkau")
        );
        desk.cmd()
            .args(["outbox", "--lang", "en"])
            .assert()
            .success()
            .stdout(
                predicate::str::contains(reference.as_str())
                    .and(predicate::str::contains("WITA"))
                    .and(predicate::str::contains(" waiting "))
                    .and(predicate::str::contains("BCare: ")),
            );

        let sim = Arc::new(Simulator::new(SimSettings::default()));
        let _server =
            SimServer::start(format!("127.0.0.1:{port}").parse().unwrap(), sim.clone()).unwrap();
        let ticket = sim.issue_for(&reference);
        desk.cmd()
            .args(["outbox", "retry", &reference, "--lang", "en"])
            .assert()
            .success()
            .stdout(predicate::str::contains(format!(
                "BCare ticket number {ticket}"
            )));
        assert_eq!(sim.tickets_created(), 1);
        assert!(desk.json(&["outbox"]).as_array().unwrap().is_empty());
        desk.cmd()
            .args(["outbox", "retry", &reference])
            .assert()
            .failure()
            .stderr(predicate::str::contains("tidak ada laporan"));
    }
    #[test]
    fn a_refused_report_is_an_error_that_names_outbox_retry() {
        let sim = Arc::new(Simulator::new(SimSettings::default()));
        sim.push_faults([Fault::Status(400)]);
        let server = SimServer::start("127.0.0.1:0".parse().unwrap(), sim.clone()).unwrap();
        let desk = http_desk(&server.url());
        let reference = desk.intake(&[]);
        desk.cmd()
            .args(["forward", &reference, "--wait", "5", "--lang", "en"])
            .assert()
            .failure()
            .stderr(
                // Stored by the worker in the desk's language (Indonesian here).
                predicate::str::contains("(BCare: BCare menolak laporan (HTTP 400)").and(
                    predicate::str::contains(format!("outbox retry {reference}")),
                ),
            );
        assert_eq!(sim.requests(), 1, "a 4xx is not retried");
        let rows = desk.json(&["outbox"]);
        assert_eq!(rows[0]["state"], "failed", "{rows}");
    }
    #[test]
    fn outbox_deliver_says_what_became_of_each_report() {
        let sim = Arc::new(Simulator::new(SimSettings::default()));
        let server = SimServer::start("127.0.0.1:0".parse().unwrap(), sim.clone()).unwrap();
        let desk = http_desk(&server.url());
        let (refused, busy) = (desk.intake(&[]), desk.intake(&[]));
        sim.push_faults_for(&refused, [Fault::Status(400)]);
        sim.push_faults_for(&busy, [Fault::Status(503)]);
        for r in [&refused, &busy] {
            desk.cmd().args(["forward", r]).assert().success();
        }
        let out = desk
            .cmd()
            .args(["--lang", "en", "outbox", "deliver", "--for", "2"])
            .assert()
            .success();
        let said = String::from_utf8_lossy(&out.get_output().stdout).to_string();
        let line = |r: &str| {
            said.lines()
                .find(|l| l.starts_with(r))
                .unwrap_or_else(|| panic!("no line for {r}: {said}"))
                .to_string()
        };
        // The refusal is left for the officer, and the line says so.
        let refused_line = line(&refused);
        assert!(
            refused_line.contains("HTTP 400")
                && refused_line.contains(&format!("outbox retry {refused}"))
                && !refused_line.contains("tried again"),
            "{refused_line}"
        );
        // The busy one is tried again by itself, at the time the line gives.
        let busy_line = line(&busy);
        assert!(
            busy_line.contains("HTTP 503")
                && busy_line.contains("tried again at 2026-11-30 09:00")
                && !busy_line.contains("outbox retry"),
            "{busy_line}"
        );
        let rows = desk.json(&["outbox"]);
        let state = |r: &str| {
            rows.as_array()
                .unwrap()
                .iter()
                .find(|x| x["ref"] == r)
                .map(|x| x["state"].clone())
        };
        assert_eq!(state(&refused), Some("failed".into()), "{rows}");
        assert_eq!(state(&busy), Some("pending".into()), "{rows}");
        desk.cmd()
            .args(["--lang", "en", "show", &refused])
            .assert()
            .success()
            .stdout(
                predicate::str::contains("not tried again by itself")
                    .and(predicate::str::contains(", next ").not()),
            );
    }
    #[test]
    fn forward_wait_is_a_hard_limit_even_when_bcare_hangs() {
        let (url, hits) = bcare_support::scripted(vec![bcare_support::Script::Hang]);
        // The longest time-out the config allows: the wait must not depend on it.
        let desk = Desk::with_config(
            &format!("[bcare]\nclient = \"http\"\nurl = \"{url}\"\ntimeout_secs = 120\n"),
            "2026-11-30T01:00:00Z",
        );
        let r = desk.intake(&[]);
        let started = std::time::Instant::now();
        desk.cmd()
            .args(["--lang", "en", "forward", &r, "--wait", "2"])
            .timeout(std::time::Duration::from_secs(30))
            .assert()
            .success()
            .stdout(predicate::str::contains("stays queued"));
        let took = started.elapsed();
        assert!(
            took < std::time::Duration::from_millis(3500),
            "--wait 2 returned after {took:?}"
        );
        assert_eq!(
            hits.load(std::sync::atomic::Ordering::SeqCst),
            1,
            "the call was made"
        );
        let shown = desk.json(&["show", &r]);
        assert_eq!(
            shown["stage"], "forwarded",
            "nothing recorded from the hanging call"
        );
    }
    #[test]
    fn an_absurd_wait_is_accepted_without_overflow() {
        let (sim, server) = bcare_support::simulator();
        let desk = http_desk(&server.url());
        let r = desk.intake(&[]);
        desk.cmd()
            .args(["forward", &r, "--wait", "18446744073709551615"])
            .assert()
            .success()
            .stdout(predicate::str::contains("nomor tiket BCare"));
        assert_eq!(sim.requests(), 1);
    }
}
