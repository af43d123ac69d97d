//! A new year on the real binary: an SKB announcement read and applied, days
//! added and taken back, deadlines that follow, the warning from 1 October and
//! the alarm from 1 January, and holidays shared by two desks on one database.

mod desk_binary;

use desk_binary::Desk;
use serde_json::Value;

/// A made-up announcement of 2027 (look-alike names; the layout of a circular).
const SKB_2027: &str = "\
HARI LIBUR NASIONAL TAHUN 2027
- 1 Januari (Jumat): Tahun Baru Masehi
- 10 dan 11 Maret (Rabu dan Kamis): Idul Fitri
- 1 Mei (Sabtu): Hari Buruh

CUTI BERSAMA TAHUN 2027
- 8 dan 9 Maret (Senin, Selasa): Idul Fitri
";

/// Friday 5 March 2027, 16:00 WITA: the 2 hours run into Monday 8 March.
const FRIDAY_AFTERNOON: &str = "2027-03-05T08:00:00Z";

fn deadline(desk: &Desk, r: &str) -> String {
    desk.json(&["show", r])["sla_deadline"]
        .as_str()
        .unwrap()
        .to_string()
}

fn read(desk: &Desk, args: &[&str], text: &str) -> Value {
    let out = desk
        .cmd()
        .args(["calendar", "read", "-", "--json"])
        .args(args)
        .write_stdin(text)
        .assert()
        .success();
    serde_json::from_slice(&out.get_output().stdout).unwrap()
}

on_both! {
    #[test]
    fn a_read_announcement_proposes_and_changes_nothing_until_applied() {
        let desk = Desk::new();
        let r = desk.intake(&[]);
        let v = read(&desk, &[], SKB_2027);
        assert_eq!(v["year"], 2027);
        assert_eq!(v["applied"], false);
        let hs = v["holidays"].as_array().unwrap();
        assert_eq!(hs.len(), 6);
        assert_eq!(hs[0]["date"], "2027-01-01");
        assert_eq!(hs[0]["name"], "Tahun Baru Masehi");
        assert_eq!(hs[0]["cuti_bersama"], false);
        assert_eq!(hs[1]["date"], "2027-03-08");
        assert_eq!(hs[1]["cuti_bersama"], true);
        assert_eq!(v["warnings"].as_array().unwrap().len(), 0);
        // Not stored: 2027 still has its fixed-date holidays only.
        let cal = desk.json(&["calendar", "--year", "2027"]);
        assert_eq!(cal["coverage"], "fixed_dates_only");
        assert_eq!(cal["holidays"].as_array().unwrap().len(), 5);
        assert!(desk.json(&["show", &r])["ref"].is_string());
    }

    #[test]
    fn a_weekday_that_disagrees_with_its_date_is_a_warning_naming_the_line() {
        let desk = Desk::new();
        let v = read(
            &desk,
            &["--lang", "en"],
            "Libur 2027\n- 1 Januari (Kamis): Tahun Baru\n",
        );
        assert_eq!(
            v["warnings"],
            serde_json::json!(["line 2: says Kamis, but 2027-01-01 is a Jumat"])
        );
        // Text without a date is refused in one line, and stores nothing.
        let out = desk
            .cmd()
            .args(["calendar", "read", "-", "--apply"])
            .write_stdin("Idul Fitri 1448 Hijriah\n")
            .assert()
            .failure();
        let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        assert!(err.contains("tidak ada tanggal libur"), "{err}");
    }

    #[test]
    fn applying_next_years_announcement_moves_a_running_deadline_and_not_a_judged_one() {
        let mut desk = Desk::new();
        desk.now = FRIDAY_AFTERNOON.into();
        let running = desk.intake(&[]);
        let judged = desk.intake(&["--name", "Budi Santoso"]);
        desk.json(&["forward", &judged]);
        desk.json(&["ticket", &judged, "A0254EB2B1"]);
        desk.json(&["handover", &judged, "--via", "telepon"]);
        assert_eq!(deadline(&desk, &running), "2027-03-08T08:30:00+08:00");
        assert_eq!(deadline(&desk, &judged), "2027-03-08T08:30:00+08:00");

        desk.now = "2027-03-05T08:30:00Z".into();
        let v = read(&desk, &["--apply"], SKB_2027);
        assert_eq!(v["applied"], true);
        // 8 and 9 March cuti bersama, 10 and 11 Idul Fitri: Friday 12 March.
        assert_eq!(deadline(&desk, &running), "2027-03-12T08:30:00+08:00");
        assert_eq!(deadline(&desk, &judged), "2027-03-08T08:30:00+08:00");
        let cal = desk.json(&["calendar", "--year", "2027"]);
        assert_eq!(cal["coverage"], "complete");
        assert_eq!(cal["holidays"].as_array().unwrap().len(), 6);

        // A cuti bersama decreed later, and a day taken back: recorded with who.
        desk.json(&["calendar", "add", "2027-03-12", "Cuti bersama tambahan", "--cuti"]);
        assert_eq!(deadline(&desk, &running), "2027-03-15T08:30:00+08:00");
        desk.json(&["calendar", "remove", "2027-03-12"]);
        assert_eq!(deadline(&desk, &running), "2027-03-12T08:30:00+08:00");
        let history = desk.json(&["calendar", "history"]);
        let history = history.as_array().unwrap();
        assert_eq!(history.len(), 3);
        assert!(
            history
                .iter()
                .all(|h| desk.names_the_officer(h))
        );
        assert_eq!(history[0]["change"], "SKB 2027 applied: 6 days");
        assert_eq!(history[0]["at"], "2027-03-05T16:30:00+08:00");

        // The report says the calendar changed after the period's handover.
        let rep = desk.json(&["report", "--from", "2027-03-01", "--to", "2027-03-31"]);
        let changed = rep["calendar_changed"].as_array().unwrap();
        assert_eq!(changed.len(), 3, "{rep}");
        assert_eq!(changed[0]["handed_over_before"], 1);
    }

    #[test]
    fn a_bad_day_is_refused_by_name_and_changes_nothing() {
        let desk = Desk::new();
        desk.intake(&[]);
        let err = desk.refused(&["calendar", "add", "2027-02-30", "x"]);
        assert!(err.contains("date"), "{err}");
        let err = desk.refused(&["calendar", "add", "1927-01-03", "x"]);
        assert!(err.contains("1927"), "{err}");
        let err = desk.refused(&["calendar", "add", "2027-01-04", " "]);
        assert!(err.contains("name"), "{err}");
        let err = desk.refused(&["calendar", "remove", "2027-01-04"]);
        assert!(err.contains("2027-01-04"), "{err}");
        assert_eq!(desk.json(&["calendar", "history"]), serde_json::json!([]));
    }

    #[test]
    fn next_year_is_a_warning_from_october_and_an_alarm_from_january() {
        let mut desk = Desk::new();
        desk.now = "2026-09-30T01:00:00Z".into();
        desk.intake(&[]);
        let quiet = desk.cmd().args(["check", "--lang", "en"]).assert().success();
        assert!(!String::from_utf8_lossy(&quiet.get_output().stderr).contains("2027"));

        desk.now = "2026-10-01T01:00:00Z".into();
        let warned = desk.cmd().args(["check", "--lang", "en"]).assert().success();
        let err = String::from_utf8_lossy(&warned.get_output().stderr).to_string();
        assert!(
            err.contains("2027: only fixed-date holidays; enter the SKB (bcare-desk calendar read)"),
            "{err}"
        );
        let rep = desk.cmd().args(["report", "--lang", "en"]).assert().success();
        assert!(String::from_utf8_lossy(&rep.get_output().stderr).contains("2027: only fixed-date"));

        desk.now = "2027-01-04T01:00:00Z".into();
        let alarm = desk.cmd().args(["check", "--lang", "en"]).assert().failure();
        let err = String::from_utf8_lossy(&alarm.get_output().stderr).to_string();
        assert!(err.contains("2027"), "{err}");
        read(&desk, &["--apply"], SKB_2027);
        desk.cmd().args(["check"]).assert().success();
    }

    #[test]
    fn holidays_entered_at_one_desk_count_at_another_at_once() {
        let mut desk = Desk::new();
        desk.now = FRIDAY_AFTERNOON.into();
        let r = desk.intake(&[]);
        // A second desk on the same database, with a config of its own.
        let other_config = desk.dir.path().join("loket2.toml");
        std::fs::write(&other_config, "[desk]\nname = \"Loket 2\"\n").unwrap();
        let other = || {
            let mut c = desk.cmd();
            c.env("BCARE_DESK_CONFIG", &other_config);
            c
        };
        other()
            .args(["calendar", "read", "-", "--apply"])
            .write_stdin(SKB_2027)
            .assert()
            .success();
        // The first desk sees them, and its running deadline follows.
        let cal = desk.json(&["calendar", "--year", "2027"]);
        assert_eq!(cal["coverage"], "complete");
        assert_eq!(deadline(&desk, &r), "2027-03-12T08:30:00+08:00");
        let history = desk.json(&["calendar", "history"]);
        assert_eq!(history[0]["desk"], "Loket 2");
        // An intake at the first desk counts with them too.
        let r2 = desk.intake(&["--name", "Citra Lestari"]);
        assert_eq!(deadline(&desk, &r2), "2027-03-12T08:30:00+08:00");
    }
}

#[test]
fn a_broken_calendar_file_is_named_in_one_line() {
    let desk = Desk::new();
    let file = desk.dir.path().join("kalender.toml");
    std::fs::write(&file, "name = \"x\"\nutc_offset = \n").unwrap();
    std::fs::write(
        desk.config(),
        format!("[calendar]\nfile = {:?}\n", file.display().to_string()),
    )
    .unwrap();
    let out = desk
        .cmd()
        .args(["sla", "--start", "2026-11-27 15:30"])
        .assert()
        .failure();
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("kalender.toml"), "{err}");
    assert!(err.contains("line 2, column"), "{err}");
}
