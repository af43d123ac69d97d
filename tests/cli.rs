//! The command line on the real binary, with a temp database: the whole procedure,
//! and bad input that must leave the database as it was.

mod desk_binary;

use desk_binary::{Desk, EMPLOYEE, intake_args};
use predicates::prelude::*;
use serde_json::Value;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

/// An employee's intake with the flags each test varies.
fn employee(rest: &[&'static str]) -> Vec<&'static str> {
    intake_args(EMPLOYEE, rest)
}

#[test]
fn the_sla_command_counts_working_hours_only() {
    let desk = Desk::new();
    let v = desk.json(&["sla", "--start", "2026-11-27T15:30:00+08:00"]);
    assert_eq!(v["start"], "2026-11-27T15:30:00+08:00");
    assert_eq!(v["deadline"], "2026-11-30T08:00:00+08:00");
    assert_eq!(v["working_minutes"], 120);
    // Lebaran 2026: 18–24 March are days off.
    let v = desk.json(&["sla", "--start", "2026-03-17 16:00", "--hours", "2"]);
    assert_eq!(v["deadline"], "2026-03-25T08:30:00+08:00");
    desk.refused(&["sla", "--start", "besok pagi"]);
}

#[test]
fn the_database_is_private_and_backups_are_too() {
    let desk = Desk::new();
    desk.intake(&[]);
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&desk.db()), 0o600);
    assert_eq!(mode(desk.db().parent().unwrap()), 0o700);
    let copy = desk.dir.path().join("salinan.db");
    desk.cmd().args(["backup"]).arg(&copy).assert().success();
    assert_eq!(mode(&copy), 0o600);
    let conn = rusqlite::Connection::open(&copy).unwrap();
    let n: i64 = conn
        .query_row("SELECT COUNT(*) FROM complaints", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1);
    // That the log carries no personal data nor the token is checked at trace
    // level, on a log that has lines, in tests/bcare_cli.rs.
}

#[test]
fn a_file_that_is_not_a_database_is_refused_naming_the_backup_command() {
    let desk = Desk::new();
    std::fs::create_dir_all(desk.db().parent().unwrap()).unwrap();
    std::fs::write(desk.db(), "bukan database ".repeat(500)).unwrap();
    desk.cmd()
        .arg("list")
        .assert()
        .failure()
        .stderr(predicate::str::contains("bcare-desk backup"));
}

#[test]
fn a_bad_config_names_the_file_the_line_and_the_key() {
    let desk = Desk::new();
    std::fs::write(
        desk.dir.path().join("config.toml"),
        "[desk]\nlang = \"id\"\nwarna = \"merah\"\n",
    )
    .unwrap();
    desk.cmd()
        .arg("list")
        .assert()
        .failure()
        .stderr(predicate::str::contains("config.toml"))
        .stderr(predicate::str::contains("line 3"))
        .stderr(predicate::str::contains("warna"));
}

#[test]
fn an_endless_config_or_calendar_file_fails_fast_in_one_line_naming_it() {
    let desk = Desk::new();
    let started = std::time::Instant::now();
    let err = desk.refused(&["--config", "/dev/zero", "list"]);
    assert!(
        err.contains("/dev/zero") && err.contains("1024 KiB"),
        "{err}"
    );
    std::fs::write(desk.config(), "[calendar]\nfile = \"/dev/zero\"\n").unwrap();
    let err = desk.refused(&["list"]);
    assert!(err.contains("calendar file /dev/zero"), "{err}");
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
}

#[test]
fn a_config_file_named_but_missing_is_refused_by_name() {
    let desk = Desk::new();
    desk.intake(&[]);
    let missing = desk.dir.path().join("konfig-salah.toml");
    let shown = missing.display().to_string();
    let err = desk.refused(&["--config", &shown, "list"]);
    assert!(err.contains(&shown) && err.contains("tidak ada"), "{err}");
    let out = desk
        .cmd()
        .env("BCARE_DESK_CONFIG", &missing)
        .args(["--lang", "en", "config"])
        .assert()
        .failure();
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(
        err.contains(&shown) && err.contains("no such config file"),
        "{err}"
    );
    // Only the default locations may be absent: then the defaults hold.
    desk.cmd()
        .env_remove("BCARE_DESK_CONFIG")
        .args(["--lang", "en", "config"])
        .assert()
        .success()
        .stdout(predicate::str::contains("config.toml): defaults)"));
}

#[test]
fn a_toml_syntax_error_is_one_line_naming_the_file_the_line_and_the_column() {
    let desk = Desk::new();
    std::fs::write(desk.config(), "[bcare]\nclient = \"http\"\n[desk\n").unwrap();
    let err = desk.refused(&["list"]);
    assert!(err.contains("config.toml"), "{err}");
    assert!(err.contains("line 3, column 6"), "{err}");
}

#[test]
fn an_argument_that_is_not_utf8_is_named_in_one_line() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let desk = Desk::new();
    let bad = OsStr::from_bytes(b"Andi \xff");
    let mut name_eq = b"--name=".to_vec();
    name_eq.extend_from_slice(b"Andi \xff");
    for (args, named) in [
        (
            vec![OsStr::new("intake"), OsStr::new("--name"), bad],
            "--name",
        ),
        (
            vec![OsStr::new("intake"), OsStr::from_bytes(&name_eq)],
            "--name",
        ),
        (vec![OsStr::new("show"), bad], "show"),
    ] {
        let out = desk.cmd().args(&args).assert().failure();
        let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        assert_eq!(err.trim().lines().count(), 1, "{err}");
        assert!(err.contains(named) && err.contains("UTF-8"), "{err}");
    }
    assert_eq!(desk.rows(), (0, 0));
}

#[test]
fn a_libpq_connection_string_is_a_server_never_a_folder() {
    let desk = Desk::new();
    let dir = desk.dir.path();
    let conn = format!(
        "host={} port=1 dbname=bcare user=desk password=Rahasia",
        dir.join("tidak-ada").display()
    );
    let before = desk.files();
    for args in [vec!["list"], vec!["--lang", "en", "list"], vec!["intake"]] {
        let out = desk
            .cmd()
            .current_dir(dir)
            .args(["--db", &conn])
            .args(&args)
            .assert()
            .failure();
        let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        assert_eq!(err.trim().lines().count(), 1, "{err}");
        assert!(err.contains("dbname=bcare"), "{err}");
        assert!(!err.contains("Rahasia"), "{err}");
    }
    assert_eq!(desk.files(), before, "a folder was made of the string");
    let out = desk
        .cmd()
        .args(["--db", &conn, "config"])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        text.contains("database:    host=") && !text.contains("Rahasia"),
        "{text}"
    );
    // One it cannot read is refused by name, its password unshown.
    let err = desk.refused(&[
        "--db",
        "host=/run/postgresql port=lima password=Rahasia",
        "list",
    ]);
    assert!(
        err.contains("port=lima") && !err.contains("Rahasia"),
        "{err}"
    );
}

// Every test here runs on a SQLite file and on a PostgreSQL database.
on_both! {
    #[test]
    fn a_complaint_goes_through_the_whole_procedure() {
        let desk = Desk::new();
        let r = desk.intake(&[]);
        assert_eq!(r, "ADU-2026-00001");

        let shown = desk.json(&["show", &r]);
        assert_eq!(shown["stage"], "received");
        assert_eq!(shown["whose_move"], "PDAD");
        assert_eq!(shown["received_at"], "2026-11-27T09:00:00+08:00");
        assert_eq!(shown["sla_deadline"], "2026-11-27T11:00:00+08:00");
        assert_eq!(shown["sla_met"], Value::Null);

        let fwd = desk
            .cmd()
            .args(["forward", &r])
            .assert()
            .success()
            .stdout(predicate::str::contains(
                "Permasalahan: PIB belum mendapat respon",
            ))
            .stdout(predicate::str::contains(
                "2. No. Aju : 00002001001720261127000123",
            ))
            .stdout(predicate::str::contains("https://ceisacare.beacukai.go.id"));
        // Dir. IKC gets what it acts on (the NPWP, the form, the proposed masalah,
        // the reference) and answers the office: the phone stays on the desk.
        let text = String::from_utf8_lossy(&fwd.get_output().stdout).to_string();
        for carried in [
            "NPWP : 012345678901000",
            "1. Jenis Dokumen : BC 2.0 PIB",
            "Katalog: Dukungan Layanan",
            "Referensi kantor: ADU-2026-00001",
        ] {
            assert!(text.contains(carried), "{carried} missing: {text}");
        }
        assert!(!text.contains("81234567890") && !text.contains("3456-7890"), "{text}");
        assert_eq!(desk.json(&["show", &r])["whose_move"], "Dir. IKC");

        let t = desk.json(&["ticket", &r, "a0254eb2b1"]);
        assert_eq!(t["ticket_no"], "A0254EB2B1");
        assert_eq!(t["stage"], "ticketed");
        let h = desk.json(&["handover", &r, "--via", "whatsapp"]);
        assert_eq!(h["stage"], "handed_over");
        assert_eq!(h["sla_met"], true);
        desk.cmd()
            .args(["resolve", &r, "--note", "Respon sudah masuk"])
            .assert()
            .success();

        let s = desk.json(&["show", &r]);
        assert_eq!(s["stage"], "resolved");
        for key in [
            "forwarded_at",
            "ticketed_at",
            "handed_over_at",
            "resolved_at",
        ] {
            assert!(
                s[key].as_str().unwrap().ends_with("+08:00"),
                "{key}: {}",
                s[key]
            );
        }
        let kinds: Vec<&str> = s["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["kind"].as_str().unwrap())
            .collect();
        assert_eq!(
            kinds,
            ["intake", "forward", "ticket", "handover", "resolve"]
        );
        assert!(
            s["events"]
                .as_array()
                .unwrap()
                .iter()
                .all(|e| desk.names_the_officer(e))
        );
        assert_eq!(s["events"][2]["before"], "forwarded");
        assert_eq!(s["events"][2]["after"], "ticketed");
    }
    #[test]
    fn an_invalid_phone_is_refused_by_name_and_nothing_is_saved() {
        let desk = Desk::new();
        desk.intake(&[]);
        let err = desk.refused(&employee(&[
            "--phone",
            "0812-ABC",
            "--category",
            "INH",
            "--subject",
            "Aplikasi error",
            "--description",
            "Tidak bisa dibuka",
        ]));
        assert!(err.contains("phone:"), "{err}");
        assert!(err.contains("+62"), "the rule is named: {err}");
    }
    #[test]
    fn a_password_in_the_description_is_refused() {
        let desk = Desk::new();
        let err = desk.refused(&employee(&[
            "--phone",
            "081234567890",
            "--category",
            "AKUN",
            "--user-id",
            "budi.s",
            "--subject",
            "Tidak bisa login",
            "--description",
            "Login gagal, password: Rahasia123",
        ]));
        assert!(err.contains("description:"), "{err}");
        assert!(err.to_lowercase().contains("kata sandi"), "{err}");
    }
    #[test]
    fn an_unknown_category_names_the_choices_in_english_too() {
        let desk = Desk::new();
        let err = desk.refused(
            &[
                &["--lang", "en"][..],
                &employee(&[
                    "--phone",
                    "081234567890",
                    "--category",
                    "XYZ",
                    "--subject",
                    "x",
                    "--description",
                    "y",
                ]),
            ]
            .concat(),
        );
        assert!(err.contains("category: unknown category 'XYZ'"), "{err}");
        assert!(err.contains("AKUN, REG, IMP"), "{err}");
    }
    #[test]
    fn a_receipt_in_1900_or_tomorrow_is_refused_in_both_languages() {
        let desk = Desk::new();
        desk.intake(&[]);
        let rest = ["--phone", "081234567890", "--category", "LAIN", "--subject", "x",
            "--description", "y", "--received-at"];
        // The clock is Friday 2026-11-27 09:00 WITA.
        for (at, id_rule, en_rule) in [
            ("1900-01-01 08:00", "paling awal 2020-01-01 00:00 WITA", "on or after 2020-01-01 00:00 WITA"),
            ("2026-11-28 09:00", "5 menit di masa depan", "5 minutes in the future"),
        ] {
            let args = employee(&rest);
            let id = desk.refused(&[&args[..], &[at]].concat());
            assert!(id.contains("received_at") && id.contains(id_rule), "{id}");
            let en = desk.refused(&[&["--lang", "en"][..], &args, &[at]].concat());
            assert!(en.contains("received_at") && en.contains(en_rule), "{en}");
        }
        // Five minutes ahead of the clock is a clock a little fast, not a typo.
        desk.intake(&["--received-at", "2026-11-27 09:05"]);
    }
    #[test]
    fn a_ticket_number_in_the_wrong_stage_is_refused() {
        let desk = Desk::new();
        let r = desk.intake(&[]);
        let err = desk.refused(&["ticket", &r, "A0254EB2B1"]);
        assert!(err.contains("'diterima'"), "{err}");
        assert!(err.contains("forward"), "says what can be done: {err}");
        assert_eq!(desk.json(&["show", &r])["ticket_no"], Value::Null);
        // An odd shape is a warning, not a refusal.
        desk.cmd().args(["forward", &r]).assert().success();
        desk.cmd()
            .args(["ticket", &r, "12345678"])
            .assert()
            .success()
            .stderr(predicate::str::contains("Nomor tiket:"));
        // A typo can be corrected before handover, and the correction is on record.
        let t = desk.json(&["ticket", &r, "A0254EB2B1"]);
        assert_eq!(t["ticket_no"], "A0254EB2B1");
        let ev = &desk.json(&["show", &r])["events"];
        let last = ev.as_array().unwrap().last().unwrap();
        assert_eq!(last["kind"], "ticket_corrected");
        assert_eq!(last["before"], "12345678");
        desk.refused(&["ticket", "ADU-2026-09999", "A0254EB2B1"]);
    }
    #[test]
    fn many_callers_share_one_ticket_by_linking() {
        let desk = Desk::new();
        let first = desk.intake(&[]);
        desk.cmd().args(["forward", &first]).assert().success();
        desk.cmd()
            .args(["ticket", &first, "JFBC41D092"])
            .assert()
            .success();
        let second = desk.intake(&["--name", "Siti Rahma"]);
        let l = desk.json(&["link", &second, "--to", &first]);
        assert_eq!(l["stage"], "ticketed");
        assert_eq!(l["ticket_no"], "JFBC41D092");
        assert_eq!(l["linked_to"], first.as_str());
        let third = desk.intake(&["--name", "Rini"]);
        let l = desk.json(&["link", &third, "--ticket", "jfbc41d092"]);
        assert_eq!(l["linked_to"], first.as_str());
        desk.refused(&["link", &third, "--to", &first]);
        let fourth = desk.intake(&["--name", "Yusuf"]);
        let err = desk.refused(&["link", &fourth, "--to", &fourth]);
        assert!(err.contains("itself") || err.contains("sendiri"), "{err}");
    }
    #[test]
    fn cancel_needs_a_reason_and_closes_the_complaint() {
        let desk = Desk::new();
        let r = desk.intake(&[]);
        let err = desk.refused(&["cancel", &r, "--reason", "   "]);
        assert!(err.contains("reason:"), "{err}");
        let c = desk.json(&["cancel", &r, "--reason", "Pemohon menarik pengaduan"]);
        assert_eq!(c["stage"], "cancelled");
        let err = desk.refused(&["forward", &r]);
        assert!(err.contains("'batal'"), "{err}");
    }
    #[test]
    fn the_queue_lists_most_urgent_first_and_finds_overdue() {
        let mut desk = Desk::new();
        let late = desk.intake(&["--received-at", "2026-11-26 08:00"]);
        let fresh = desk.intake(&[]);
        let list = desk.json(&["list"]);
        let refs: Vec<&str> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["ref"].as_str().unwrap())
            .collect();
        assert_eq!(refs, [late.as_str(), fresh.as_str()]);
        assert_eq!(list[0]["sla_level"], "breached");
        let overdue = desk.json(&["list", "--overdue"]);
        assert_eq!(overdue.as_array().unwrap().len(), 1);
        desk.now = "2026-11-27T05:00:00Z".into();
        assert_eq!(
            desk.json(&["list", "--overdue"]).as_array().unwrap().len(),
            2
        );
        let found = desk.json(&["search", "samudra"]);
        assert_eq!(found.as_array().unwrap().len(), 2);
        desk.cmd()
            .args(["list", "--stage", "waiting"])
            .assert()
            .failure()
            .stderr(predicate::str::contains("--stage"));
    }
    #[test]
    fn config_shows_the_paths_in_use() {
        let desk = Desk::new();
        let v = desk.json(&["config"]);
        assert_eq!(v["paths"]["db"], desk.db().to_str().unwrap());
        assert_eq!(v["config"]["bcare"]["client"], "portal");
        assert_eq!(v["officer"], "petugas.pdad");
    }
    #[test]
    fn check_says_loudly_when_the_calendar_lacks_the_year() {
        let mut desk = Desk::new();
        desk.intake(&[]);
        desk.cmd()
            .arg("check")
            .assert()
            .success()
            .stdout(predicate::str::contains("integritas: ok"));
        desk.now = "2027-01-04T01:00:00Z".into();
        desk.cmd()
            .arg("check")
            .assert()
            .failure()
            .stderr(predicate::str::contains("2027"));
    }
    #[test]
    fn demo_fills_the_desk_with_sample_complaints() {
        let desk = Desk::new();
        let v = desk.json(&["demo", "--count", "300"]);
        assert_eq!(v["inserted"], 300);
        assert_eq!(desk.rows().0, 300);
        let page = desk.json(&["list", "--stage", "all", "--limit", "7"]);
        assert_eq!(page.as_array().unwrap().len(), 7);
        desk.cmd().arg("check").assert().success();
    }
    #[test]
    fn a_calendar_in_the_config_dir_replaces_the_built_in_one_and_moves_deadlines() {
        let mut desk = Desk::new();
        desk.now = "2026-11-27T07:30:00Z".into(); // Friday 15:30 WITA
        let r = desk.intake(&[]);
        assert_eq!(
            desk.json(&["show", &r])["sla_deadline"],
            "2026-11-30T08:00:00+08:00"
        );

        let builtin = desk.cmd().args(["calendar", "--export"]).assert().success();
        let mut text = String::from_utf8(builtin.get_output().stdout.clone()).unwrap();
        text.push_str(
            "\n[[closures]]\ndate = \"2026-11-30\"\nnote = \"Kantor tutup: pemadaman listrik\"\n",
        );
        std::fs::write(desk.dir.path().join("calendar.toml"), text).unwrap();

        let v = desk.json(&["sla", "--start", "2026-11-27 15:30"]);
        assert_eq!(v["deadline"], "2026-12-01T08:00:00+08:00");
        // The stored deadline of the running complaint follows the new calendar.
        assert_eq!(
            desk.json(&["show", &r])["sla_deadline"],
            "2026-12-01T08:00:00+08:00"
        );

        std::fs::write(
            desk.dir.path().join("calendar.toml"),
            "utc_offset = \"+25:00\"\n",
        )
        .unwrap();
        desk.cmd()
            .args(["sla", "--start", "2026-11-27 15:30"])
            .assert()
            .failure()
            .stderr(predicate::str::contains("calendar"));
    }
    #[test]
    fn a_handover_must_reach_the_applicant_and_an_address_given_is_kept() {
        let desk = Desk::new();
        // The importer left a phone and no e-mail address.
        let r = desk.intake(&[]);
        desk.json(&["forward", &r]);
        desk.json(&["ticket", &r, "A0254EB2B1"]);
        let before = desk.rows();
        let err = desk.refused(&["handover", &r, "--via", "email"]);
        assert!(err.contains("via") && err.contains("e-mail"), "{err}");
        let err = desk.refused(&["handover", &r, "--via", "email", "--email", "bukan-alamat"]);
        assert!(err.contains("email"), "{err}");
        assert_eq!(desk.rows(), before, "nothing changed");
        let v = desk.json(&["handover", &r, "--via", "email", "--email", "impor@samudra.example"]);
        assert_eq!(v["stage"], "handed_over", "{v}");
        let shown = desk.json(&["show", &r]);
        assert_eq!(shown["applicant"]["email"], "impor@samudra.example", "{shown}");
    }
}
