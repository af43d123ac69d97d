//! Officers as the shared database's roles, on the private PostgreSQL cluster:
//! the server says who did a step, a reader reports and changes nothing, a role
//! without a grant is told what to ask for, and the owner grants and revokes.
//!
//! Login roles belong to the whole cluster: each test makes its own, named by
//! the test and the process, so tests sharing the cluster never touch another's.

mod desk_binary;
mod support;
mod tui_support;

use assert_cmd::Command;
use desk_binary::{EMPLOYEE, intake_args, pg_support};
use std::path::{Path, PathBuf};

const NOW: &str = desk_binary::FRIDAY_MORNING;

/// One person at the section's database: a home, a config naming them, and the
/// URL with their login role.
struct Seat {
    dir: tempfile::TempDir,
    url: String,
}

impl Seat {
    fn new(url: &str, shown_as: &str) -> Seat {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("config.toml"),
            format!("[officer]\nname = \"{shown_as}\"\n\n[desk]\nname = \"loket-1\"\n"),
        )
        .unwrap();
        Seat {
            dir,
            url: url.to_string(),
        }
    }

    fn config(&self) -> PathBuf {
        self.dir.path().join("config.toml")
    }

    fn cmd(&self) -> Command {
        desk_binary::section_desk_cmd(self.dir.path(), &self.url, &self.config(), NOW)
    }

    fn run(&self, args: &[&str]) -> std::process::Output {
        self.cmd().args(args).output().unwrap()
    }

    fn intake(&self, name: &str) -> std::process::Output {
        self.run(&intake_args(EMPLOYEE, &["--json", "--name", name]))
    }
}

/// `url` with another login role (the cluster trusts its private socket).
fn as_role(url: &str, role: &str) -> String {
    let start = url.find("://").unwrap() + 3;
    let at = start + url[start..].find('@').unwrap();
    format!("{}{role}{}", &url[..start], &url[at..])
}

fn query(url: &str, sql: &str) -> Vec<postgres::Row> {
    postgres::Client::connect(url, postgres::NoTls)
        .unwrap()
        .query(sql, &[])
        .unwrap()
}

fn execute(url: &str, sql: &str) -> Result<u64, postgres::Error> {
    postgres::Client::connect(url, postgres::NoTls)
        .unwrap()
        .execute(sql, &[])
}

/// A fresh database set up by its owner with one complaint, and login roles made
/// for this test (`{label}_{what}_{pid}`).
fn section(test: &str, roles: &[&str]) -> Option<(String, Vec<String>)> {
    let Some(server) = pg_support::server() else {
        pg_support::skipped(test);
        return None;
    };
    let url = server.fresh_database(test);
    let owner = Seat::new(&url, "Pemilik");
    assert!(owner.intake("Pemohon Pertama").status.success());
    let names: Vec<String> = roles
        .iter()
        .map(|r| format!("{test}_{r}_{}", std::process::id()))
        .collect();
    for n in &names {
        execute(
            &server.admin_url(),
            &format!("DROP ROLE IF EXISTS {n}; CREATE ROLE {n} LOGIN"),
        )
        .map(|_| ())
        .or_else(|_| {
            // DROP and CREATE in one simple query: run them apart.
            execute(&server.admin_url(), &format!("DROP ROLE IF EXISTS {n}"))?;
            execute(&server.admin_url(), &format!("CREATE ROLE {n} LOGIN")).map(|_| ())
        })
        .unwrap();
    }
    Some((url, names))
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn complaints(url: &str) -> i64 {
    query(url, "SELECT COUNT(*) FROM complaints")[0].get(0)
}

#[test]
fn an_officer_writes_as_its_own_role_whatever_name_its_config_gives() {
    let Some((url, roles)) = section("roles_officer", &["siti"]) else {
        return;
    };
    let role = &roles[0];
    let owner = Seat::new(&url, "Pemilik");
    let granted = owner.run(&["grant", role, "officer"]);
    assert!(granted.status.success(), "{}", stderr(&granted));
    assert!(
        stdout(&granted).contains(role.as_str()),
        "{}",
        stdout(&granted)
    );

    // Her config claims to be someone else: the server writes who she is.
    let siti = Seat::new(&as_role(&url, role), "Kepala Seksi");
    let out = siti.intake("Pemohon Kedua");
    assert!(out.status.success(), "{}", stderr(&out));
    let reference = serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()["ref"]
        .as_str()
        .unwrap()
        .to_string();
    let rows = query(
        &url,
        &format!(
            "SELECT e.officer, e.officer_name FROM events e JOIN complaints c ON c.id = e.complaint_id
             WHERE c.ref = '{reference}'"
        ),
    );
    assert!(!rows.is_empty());
    for r in &rows {
        assert_eq!(r.get::<_, String>(0), *role);
        assert_eq!(
            r.get::<_, Option<String>>(1).as_deref(),
            Some("Kepala Seksi")
        );
    }
    // The history says the role first, the config's name beside it.
    let shown = siti.run(&["show", &reference, "--lang", "en"]);
    assert!(
        stdout(&shown).contains(&format!("{role} (Kepala Seksi)")),
        "{}",
        stdout(&shown)
    );
    // What only the tables' owner may do keeps the server's words: no duty
    // granted would allow it, so the desk does not send the officer to ask for one.
    // (A purge that blanks a closed complaint rewrites the tables: the owner's.)
    let cancel = siti.run(&["cancel", &reference, "--reason", "ganda"]);
    assert!(cancel.status.success(), "{}", stderr(&cancel));
    let purge = siti
        .cmd()
        .env("BCARE_DESK_NOW", "2036-01-05T01:00:00Z")
        .args(["purge"])
        .output()
        .unwrap();
    let said = format!("{}{}", stdout(&purge), stderr(&purge));
    assert!(!purge.status.success());
    assert!(said.contains("owner"), "{said}");
    assert!(!said.contains("bcare-desk grant"), "{said}");
    let kept = query(
        &url,
        &format!("SELECT applicant_name FROM complaints WHERE ref = '{reference}'"),
    );
    assert_eq!(
        kept[0].get::<_, String>(0),
        "Pemohon Kedua",
        "a failed purge changes nothing"
    );
    // An officer cannot rewrite or remove the log, by grant as well as by trigger.
    let rewrite = execute(&as_role(&url, role), "UPDATE events SET officer = 'x'");
    assert!(rewrite.is_err());
    let remove = execute(&as_role(&url, role), "DELETE FROM events");
    assert!(remove.is_err());
}

#[test]
fn a_reader_reports_and_is_refused_any_change_in_one_line() {
    let Some((url, roles)) = section("roles_reader", &["kasi"]) else {
        return;
    };
    let role = &roles[0];
    let owner = Seat::new(&url, "Pemilik");
    assert!(owner.run(&["grant", role, "reader"]).status.success());
    let kasi = Seat::new(&as_role(&url, role), "Kepala Seksi");
    let before = complaints(&url);

    let refused = kasi.intake("Pemohon Ketiga");
    assert!(!refused.status.success());
    let said = stderr(&refused);
    assert_eq!(said.trim().lines().count(), 1, "{said}");
    assert!(
        said.contains("hanya-baca") && said.contains(role.as_str()),
        "{said}"
    );
    assert_eq!(complaints(&url), before, "nothing changed");
    let stage = |url: &str| -> String { query(url, "SELECT stage FROM complaints")[0].get(0) };

    let en = kasi.run(&["--lang", "en", "forward", "ADU-2026-00001"]);
    assert!(!en.status.success());
    assert!(
        stderr(&en).contains("read-only: the role")
            && stderr(&en).contains("may report but not change complaints"),
        "{}",
        stderr(&en)
    );
    assert_eq!(stage(&url), "received", "still where it was");

    let report = kasi.run(&["report", "--json", "--month", "2026-11"]);
    assert!(report.status.success(), "{}", stderr(&report));
    let figures: serde_json::Value = serde_json::from_slice(&report.stdout).unwrap();
    assert_eq!(figures["received"], 1, "{figures}");
    let listed = kasi.run(&["list"]);
    assert!(
        stdout(&listed).contains("Pemohon Pertama"),
        "{}",
        stderr(&listed)
    );
    // Every reading command works for a reader.
    for args in [
        &["show", "ADU-2026-00001"][..],
        &["search", "Pertama"],
        &["followup"],
        &["outbox"],
        &["calendar", "--year", "2026"],
        &["report", "--shift"],
        &["check"],
    ] {
        let out = kasi.run(args);
        assert!(
            out.status.success(),
            "{args:?}: {}{}",
            stdout(&out),
            stderr(&out)
        );
    }

    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("all.csv");
    let export = kasi.run(&["export", "--format", "csv", plain.to_str().unwrap()]);
    assert!(!export.status.success());
    assert!(stderr(&export).contains("--redact"), "{}", stderr(&export));
    assert!(!plain.exists(), "nothing written");
    let redacted = dir.path().join("redacted.csv");
    let export = kasi.run(&[
        "export",
        "--format",
        "csv",
        redacted.to_str().unwrap(),
        "--redact",
    ]);
    assert!(export.status.success(), "{}", stderr(&export));
    assert!(
        !std::fs::read_to_string(&redacted)
            .unwrap()
            .contains("Pemohon Pertama")
    );

    // A reader cannot make itself an officer.
    let promote = kasi.run(&["grant", role, "officer"]);
    assert!(!promote.status.success());
    assert!(
        stderr(&promote).contains("hanya-baca"),
        "{}",
        stderr(&promote)
    );
}

#[test]
fn a_role_without_a_grant_is_told_what_to_ask_for_and_a_revoke_takes_it_back() {
    let Some((url, roles)) = section("roles_none", &["tamu", "andi"]) else {
        return;
    };
    let (guest, andi) = (&roles[0], &roles[1]);
    let stranger = Seat::new(&as_role(&url, guest), "Tamu");
    let refused = stranger.run(&["list"]);
    assert!(!refused.status.success());
    let said = stderr(&refused);
    assert_eq!(said.trim().lines().count(), 1, "{said}");
    assert!(
        said.contains(&format!("bcare-desk grant {guest} officer")),
        "{said}"
    );

    let owner = Seat::new(&url, "Pemilik");
    assert!(owner.run(&["grant", andi, "officer"]).status.success());
    let seat = Seat::new(&as_role(&url, andi), "Andi");
    assert!(seat.intake("Pemohon Andi").status.success());
    let revoked = owner.run(&["revoke", andi]);
    assert!(revoked.status.success(), "{}", stderr(&revoked));
    let after = seat.run(&["list"]);
    assert!(!after.status.success());
    assert!(
        stderr(&after).contains(&format!("grant {andi}")),
        "{}",
        stderr(&after)
    );

    let unknown = owner.run(&["grant", "tidak_ada_peran_ini", "reader"]);
    assert!(!unknown.status.success());
    assert!(
        stderr(&unknown).contains("tidak_ada_peran_ini"),
        "{}",
        stderr(&unknown)
    );
}

#[test]
fn a_file_has_no_roles() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    let seat = Seat::new(db.to_str().unwrap(), "Petugas");
    assert!(seat.intake("Pemohon Berkas").status.success());
    let out = seat.run(&["grant", "siapa", "reader"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("PostgreSQL"), "{}", stderr(&out));
}

#[test]
fn a_readers_screen_opens_read_only_and_says_so() {
    let Some((url, roles)) = section("roles_screen", &["kepala"]) else {
        return;
    };
    if !tui_support::have_tmux() {
        eprintln!("SKIPPED: tmux is not installed; the screen half needs it");
        return;
    }
    let role = &roles[0];
    let owner = Seat::new(&url, "Pemilik");
    assert!(owner.run(&["grant", role, "reader"]).status.success());
    let kepala = Seat::new(&as_role(&url, role), "Kepala Seksi");
    let command = format!(
        "env BCARE_DESK_NOW={NOW} HOME='{}' {}",
        kepala.dir.path().display(),
        tui_support::desk_command(Path::new(&kepala.url), &kepala.config(), "id")
    );
    let name = format!("roles-screen-{}", std::process::id());
    let screen = tui_support::Session::start_sized(&name, &command, (80, 24));
    screen.wait_for("Pemohon Pertama");
    let first = screen.wait_for("HANYA-BACA");
    // The footer offers nothing a reader may not do.
    assert!(!first.contains("Pengaduan baru"), "{first}");
    screen.keys(&["n"]);
    screen.wait_for("hanya-baca: peran");
    assert!(
        !screen.screen().contains("Jenis pemohon"),
        "no intake form opened"
    );
    screen.keys(&["q"]);
    screen.wait_gone();
    assert_eq!(complaints(&url), 1);
}
