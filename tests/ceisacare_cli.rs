//! The ceisacare client on the real binary: the token pasted with `ceisacare
//! token` and read back by `ceisacare status`, the sheet `forward` prints pasted
//! into the simulator's form, the number and Dir. IKC's work read back by
//! `followup --poll`, the token in no file but its own at trace logging, and
//! `simulate --ceisacare` serving its web form.

mod desk_binary;

use bcare_desk::bcare::ceisacare_sim::CeisacareSim;
use bcare_desk::domain::ceisacare::token;
use chrono::{DateTime, Utc};
use desk_binary::{Desk, IMPORTER, intake_args};
use std::io::{BufRead, BufReader};
use std::os::unix::fs::PermissionsExt;
use std::sync::Arc;
use std::time::Duration;

/// Monday 30 November 2026, 09:00 WITA.
const MONDAY: &str = "2026-11-30T01:00:00Z";

fn monday() -> DateTime<Utc> {
    MONDAY.parse().unwrap()
}

fn ceisacare_desk(url: &str) -> Desk {
    Desk::with_config(
        &format!(
            "[officer]\nname = \"Petugas Uji\"\n\n[bcare]\nclient = \"ceisacare\"\nurl = \"{url}\"\ntimeout_secs = 2\n"
        ),
        MONDAY,
    )
}

fn text(out: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn the_token_is_pasted_once_and_found_in_no_file_but_its_own_even_at_trace() {
    let sim = Arc::new(CeisacareSim::new(3, None, Arc::new(monday)));
    let server = sim.clone().serve("127.0.0.1:0".parse().unwrap()).unwrap();
    let desk = ceisacare_desk(&server.url());
    let jwt = sim.issue_token(Duration::from_secs(8 * 3600));
    let run = |args: &[&str], stdin: Option<&str>| {
        let mut c = desk.cmd();
        c.env("BCARE_DESK_LOG", "trace").args(args);
        if let Some(s) = stdin {
            c.write_stdin(s.to_string());
        }
        let out = c.output().unwrap();
        let said = text(&out);
        assert!(!said.contains(&jwt), "{args:?} printed the token");
        (out.status.success(), said)
    };

    let (ok, said) = run(&["ceisacare", "status"], None);
    assert!(!ok);
    assert!(said.contains("Belum ada token CEISACare"), "{said}");
    let (ok, said) = run(&["ceisacare", "token"], Some("bukan token\n"));
    assert!(!ok);
    assert!(said.contains("token") && said.contains("JWT"), "{said}");
    let (ok, said) = run(&["ceisacare", "token"], Some(&format!("{jwt}\n")));
    assert!(ok, "{said}");
    assert!(said.contains("2026-11-30 17:00 WITA"), "{said}");
    let token_file = desk.data_dir().join("ceisacare.token");
    let mode = std::fs::metadata(&token_file).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    let (ok, said) = run(&["ceisacare", "status"], None);
    assert!(
        ok && said.contains("berlaku sampai 2026-11-30 17:00 WITA"),
        "{said}"
    );

    // The officer forwards; the sheet is pasted into the web form as it is.
    let mut intake = desk.cmd();
    let out = intake
        .env("BCARE_DESK_LOG", "trace")
        .arg("--json")
        .args(intake_args(IMPORTER, &[]))
        .output()
        .unwrap();
    let reference = serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()["ref"]
        .as_str()
        .unwrap()
        .to_string();
    let (ok, sheet) = run(&["forward", &reference], None);
    assert!(ok, "{sheet}");
    assert!(
        sheet.contains(&format!("Referensi kantor: {reference}")),
        "{sheet}"
    );
    let (ticket_no, _) = sim.file(&sheet);

    let (ok, said) = run(&["followup", "--poll"], None);
    assert!(ok, "{said}");
    assert!(
        said.contains(&format!(
            "{reference}: nomor tiket {ticket_no} dari CEISACare"
        )),
        "{said}"
    );
    let (ok, _) = run(&["handover", &reference, "--via", "whatsapp"], None);
    assert!(ok);
    sim.add_answer(
        &ticket_no,
        "Agen IKC",
        "<p>Sudah kami perbaiki &amp; uji</p>",
    );
    sim.add_step(
        &ticket_no,
        "Dir. IKC Layer 2",
        "Penyelesaian",
        "<p>Selesai diperbaiki</p>",
    );
    let (ok, said) = run(&["followup", "--poll"], None);
    assert!(ok, "{said}");
    let (_, shown) = run(&["show", &reference], None);
    assert!(shown.contains("Jawaban Dir. IKC"), "{shown}");
    assert!(shown.contains("Sudah kami perbaiki & uji"), "{shown}");
    assert!(shown.contains("Langkah di BCare"), "{shown}");
    let (ok, notice) = run(&["notify", &reference, "--via", "whatsapp"], None);
    assert!(ok, "{notice}");
    assert!(notice.contains("Selesai diperbaiki"), "{notice}");
    let (_, config) = run(&["config"], None);
    assert!(config.contains("ceisacare.token"), "{config}");
    let (ok, _) = run(&["outbox", "deliver", "--for", "1"], None);
    assert!(ok);
    // The imported notes and answers are masked like the officer's own notes.
    let plain = desk.dir.path().join("plain.json");
    let masked = desk.dir.path().join("masked.json");
    let (ok, said) = run(
        &["export", "--format", "json", plain.to_str().unwrap()],
        None,
    );
    assert!(ok, "{said}");
    let (ok, said) = run(
        &[
            "export",
            "--format",
            "json",
            "--redact",
            masked.to_str().unwrap(),
        ],
        None,
    );
    assert!(ok, "{said}");
    let plain = std::fs::read_to_string(&plain).unwrap();
    let masked = std::fs::read_to_string(&masked).unwrap();
    for words in ["Sudah kami perbaiki", "Selesai diperbaiki"] {
        assert!(plain.contains(words), "{words} in the export");
        assert!(!masked.contains(words), "{words} in the redacted export");
    }

    // Everywhere the desk wrote, only the token's own file holds it.
    let payload = jwt.split('.').nth(1).unwrap().to_string();
    for f in desk.files() {
        if f == token_file || !f.is_file() {
            continue;
        }
        let bytes = std::fs::read(&f).unwrap();
        let body = String::from_utf8_lossy(&bytes);
        assert!(
            !body.contains(&jwt) && !body.contains(&payload),
            "the token is in {}",
            f.display()
        );
    }
    assert!(std::fs::read_to_string(&token_file).unwrap().contains(&jwt));

    // Two years on, the purge leaves none of Dir. IKC's words in the file.
    let mut purge = desk.cmd();
    purge
        .env("BCARE_DESK_NOW", "2029-01-05T01:00:00Z")
        .arg("purge");
    let out = purge.output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let db = std::fs::read(desk.db()).unwrap();
    let db = String::from_utf8_lossy(&db);
    for words in ["Sudah kami perbaiki", "Selesai diperbaiki", "Agen IKC"] {
        assert!(!db.contains(words), "{words} survived the purge");
    }
}

#[test]
fn a_refused_token_is_one_line_and_changes_nothing() {
    let sim = Arc::new(CeisacareSim::new(3, None, Arc::new(monday)));
    let server = sim.clone().serve("127.0.0.1:0".parse().unwrap()).unwrap();
    let desk = ceisacare_desk(&server.url());
    let jwt = sim.issue_token(Duration::from_secs(3600));
    desk.cmd()
        .args(["ceisacare", "token"])
        .write_stdin(jwt)
        .assert()
        .success();
    let reference = desk.intake(&[]);
    desk.cmd().args(["forward", &reference]).assert().success();
    sim.add_ticket(
        "K735BBA665",
        monday(),
        &format!("<p>Referensi kantor: {reference}</p>"),
    );
    sim.push_script([Some(401)]);
    let out = desk.cmd().args(["followup", "--poll"]).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    assert!(
        err.contains("token kedaluwarsa: tempel yang baru dengan `bcare-desk ceisacare token`"),
        "{err}"
    );
    assert_eq!(desk.json(&["show", &reference])["stage"], "forwarded");
    // The gateway answers again: the number comes.
    desk.cmd().args(["followup", "--poll"]).assert().success();
    assert_eq!(desk.json(&["show", &reference])["ticket_no"], "K735BBA665");
}

#[test]
fn an_expired_token_is_refused_when_pasted_and_said_by_status() {
    let desk = ceisacare_desk("http://127.0.0.1:9");
    let old = token::unsigned(monday() - chrono::TimeDelta::hours(1), "uji");
    let out = desk
        .cmd()
        .args(["ceisacare", "token"])
        .write_stdin(old.clone())
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("kedaluwarsa"),
        "{}",
        text(&out)
    );
    // The variable wins over the file, and is read, never shown.
    let out = desk
        .cmd()
        .env("BCARE_DESK_CEISACARE_TOKEN", &old)
        .args(["--lang", "en", "ceisacare", "status"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let said = text(&out);
    assert!(
        said.contains("variable BCARE_DESK_CEISACARE_TOKEN"),
        "{said}"
    );
    assert!(said.contains("expired at 2026-11-30 08:00 WITA"), "{said}");
    assert!(!said.contains(&old));
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
fn the_simulator_serves_a_web_form_and_json_for_tests_that_give_a_number() {
    let bin = assert_cmd::cargo::cargo_bin("bcare-desk");
    let mut child = Child(
        std::process::Command::new(bin)
            .args(["simulate", "--ceisacare", "--listen", "127.0.0.1:0"])
            .env("BCARE_DESK_NOW", MONDAY)
            .env("HOME", std::env::temp_dir())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let mut lines = BufReader::new(child.0.stdout.take().unwrap()).lines();
    let url = lines.next().unwrap().unwrap();
    let _label = lines.next().unwrap().unwrap();
    let jwt = lines.next().unwrap().unwrap();
    assert!(token::read(&jwt).is_ok(), "a training token");
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let form = agent
        .get(&format!("{url}/"))
        .call()
        .unwrap()
        .into_body()
        .read_to_string()
        .unwrap();
    assert!(form.contains("<textarea name=\"uraian\""), "{form}");
    let page = agent
        .post(&format!("{url}/"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .send("uraian=Referensi+kantor%3A+ADU-2026-00042")
        .unwrap()
        .into_body()
        .read_to_string()
        .unwrap();
    assert!(page.contains("Nomor tiket: <b>"), "{page}");
    let filed: serde_json::Value = serde_json::from_str(
        &agent
            .post(&format!("{url}/sim/tiket"))
            .header("Content-Type", "application/json")
            .send(r#"{"uraian": "<p>Referensi kantor: ADU-2026-00043</p>"}"#)
            .unwrap()
            .into_body()
            .read_to_string()
            .unwrap(),
    )
    .unwrap();
    let no = filed["nomorTiket"].as_str().unwrap().to_string();
    let list = |auth: Option<&str>| {
        let mut r = agent.post(&format!("{url}/layanan/v2/tiket/1"));
        if let Some(a) = auth {
            r = r.header("Authorization", a);
        }
        r.send("{}").unwrap()
    };
    assert_eq!(list(None).status().as_u16(), 401);
    let body: serde_json::Value = serde_json::from_str(
        &list(Some(&format!("Bearer {jwt}")))
            .into_body()
            .read_to_string()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(body["data"]["totalRows"], 2);
    assert_eq!(
        body["data"]["items"][0]["nomorTiket"]
            .as_str()
            .unwrap()
            .split(" - ")
            .next(),
        Some(no.as_str())
    );
}
