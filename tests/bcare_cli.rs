//! The BCare commands on the real binary: `simulate`, `forward --wait`, `outbox` and
//! `outbox retry`, with a temp database and a config pointing at the simulator.

mod desk_binary;

use assert_cmd::Command;
use bcare_desk::bcare::server::SimServer;
use bcare_desk::bcare::sim::{Fault, SimSettings, Simulator};
use desk_binary::Desk;
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
        .stdout(predicate::str::contains("tetap di antrean"));

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
            .contains("unreachable")
    );
    desk.cmd()
        .args(["outbox", "--lang", "en"])
        .assert()
        .success()
        .stdout(predicate::str::contains(reference.as_str()).and(predicate::str::contains("WITA")));

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
            predicate::str::contains("HTTP 400").and(predicate::str::contains(format!(
                "outbox retry {reference}"
            ))),
        );
    assert_eq!(sim.requests(), 1, "a 4xx is not retried");
    let rows = desk.json(&["outbox"]);
    assert_eq!(rows[0]["state"], "failed", "{rows}");
}
