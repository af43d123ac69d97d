//! The BCare commands on the real binary: `simulate`, `forward --wait`, `outbox` and
//! `outbox retry`, with a temp database and a config pointing at the simulator.

use assert_cmd::Command;
use bcare_desk::bcare::server::SimServer;
use bcare_desk::bcare::sim::{Fault, SimSettings, Simulator};
use predicates::prelude::*;
use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::sync::Arc;

struct Desk {
    dir: tempfile::TempDir,
}

impl Desk {
    /// A desk whose config sends reports over http to `url`.
    fn http(url: &str) -> Desk {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("config.toml"),
            format!(
                "[officer]\nname = \"Petugas Uji\"\n\n[bcare]\nclient = \"http\"\nurl = \"{url}\"\ntimeout_secs = 2\n"
            ),
        )
        .unwrap();
        Desk { dir }
    }

    fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("bcare-desk").unwrap();
        c.env_clear()
            .env("HOME", self.dir.path())
            .env("USER", "petugas.pdad")
            // Monday 30 November 2026, 09:00 WITA.
            .env("BCARE_DESK_NOW", "2026-11-30T01:00:00Z")
            .arg("--db")
            .arg(self.dir.path().join("desk.db"))
            .arg("--config")
            .arg(self.config());
        c
    }

    fn config(&self) -> PathBuf {
        self.dir.path().join("config.toml")
    }

    fn json(&self, args: &[&str]) -> Value {
        let out = self.cmd().args(args).arg("--json").assert().success();
        serde_json::from_slice(&out.get_output().stdout).expect("JSON output")
    }

    fn intake(&self) -> String {
        self.json(&[
            "intake",
            "--name",
            "Andi Wijaya",
            "--kind",
            "pengguna-jasa",
            "--org",
            "PT Samudra Makassar",
            "--npwp",
            "01.234.567.8-901.000",
            "--phone",
            "0812-3456-7890",
            "--channel",
            "whatsapp",
            "--category",
            "IMP",
            "--subject",
            "PIB belum mendapat respon",
            "--description",
            "Sudah dikirim sejak pagi, belum ada respon.",
            "--aju",
            "000020-010017-20261127-000123",
        ])["ref"]
            .as_str()
            .unwrap()
            .to_string()
    }
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

    let desk = Desk::http(&url);
    let reference = desk.intake();
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
    let desk = Desk::http(&format!("http://127.0.0.1:{port}"));
    let reference = desk.intake();

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
    let desk = Desk::http(&server.url());
    let reference = desk.intake();
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
