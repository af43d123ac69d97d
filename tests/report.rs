//! The section's report on the real binary: a fixture month built step by step with a
//! fixed clock, checked against figures worked out by hand; the late-handover reason;
//! the CSV and the workbook read back.

mod desk_binary;
mod support;

use calamine::{Data, Reader, Xlsx, open_workbook};
use desk_binary::{Desk, IMPORTER, intake_args};
use serde_json::{Value, json};
use std::os::unix::fs::PermissionsExt;
use support::wita;

/// Intake received at `received` (WITA), with the clock at that moment.
fn received(desk: &mut Desk, received: &str, category: &str) -> String {
    desk.now = wita(received).to_rfc3339();
    desk.json(&intake_args(
        IMPORTER,
        &[
            "--category",
            category,
            "--subject",
            "Dokumen belum mendapat respon",
            "--user-id",
            "andi.w",
            "--received-at",
            received,
        ],
    ))["ref"]
        .as_str()
        .unwrap()
        .to_string()
}

/// Forward, ticket and (unless `handover` is None) hand over at `at` (WITA).
fn through(desk: &mut Desk, r: &str, at: &str, ticket: &str, handover: Option<&[&str]>) {
    desk.now = wita(at).to_rfc3339();
    desk.json(&["forward", r]);
    desk.json(&["ticket", r, ticket]);
    if let Some(extra) = handover {
        let mut args = vec!["handover", r, "--via", "whatsapp"];
        args.extend_from_slice(extra);
        desk.json(&args);
    }
}

/// December 2026: Thu 24 (cuti bersama) and Fri 25 (Christmas) are off.
fn december() -> Desk {
    let mut desk = Desk::new();
    // A — Tue 1 Dec 07:30, handed over 08:30: 60 working minutes, on time.
    let a = received(&mut desk, "2026-12-01 07:30", "IMP");
    through(&mut desk, &a, "2026-12-01 08:30", "A0000000A1", None);
    let err = desk.refused(&[
        "handover",
        &a,
        "--via",
        "whatsapp",
        "--late-reason",
        "other",
    ]);
    assert!(
        err.contains("leave out --late-reason") || err.contains("hapus --late-reason"),
        "{err}"
    );
    desk.json(&[
        "handover",
        &a,
        "--via",
        "whatsapp",
        "--note",
        "diterima langsung",
    ]);
    // B — Wed 2 Dec 10:00 (deadline 12:00), handed over 14:00: 135 + 60 = 195, late.
    let b = received(&mut desk, "2026-12-02 10:00", "EKS");
    through(&mut desk, &b, "2026-12-02 14:00", "A0000000B2", None);
    let err = desk.refused(&["handover", &b, "--via", "whatsapp"]);
    assert!(
        err.contains("--late-reason bcare-down|applicant-unreachable|waiting-data|other"),
        "{err}"
    );
    let err = desk.refused(&["handover", &b, "--via", "whatsapp", "--late-reason", "lazy"]);
    assert!(
        err.contains("late-reason") && err.contains("'lazy'"),
        "{err}"
    );
    desk.json(&[
        "handover",
        &b,
        "--via",
        "whatsapp",
        "--late-reason",
        "bcare-down",
        "--note",
        "portal mati 10:00-13:30",
    ]);
    // C — cancelled before any handover.
    let c = received(&mut desk, "2026-12-03 08:00", "IMP");
    desk.now = wita("2026-12-03 08:30").to_rfc3339();
    desk.json(&["cancel", &c, "--reason", "pemohon menarik pengaduan"]);
    // D — Mon 7 Dec 15:00, still open (forwarded).
    let d = received(&mut desk, "2026-12-07 15:00", "AKUN");
    desk.now = wita("2026-12-07 15:10").to_rfc3339();
    desk.json(&["forward", &d]);
    // E — before the holiday: Wed 23 Dec 16:30: 30 minutes, then Mon 28 07:30 + 90 = 09:00;
    //     handed over Mon 28 08:45: 105 minutes, on time.
    let e = received(&mut desk, "2026-12-23 16:30", "IMP");
    through(&mut desk, &e, "2026-12-28 08:45", "A0000000E5", Some(&[]));
    // F — outside working hours: Fri 4 Dec 18:00 counts from Mon 7 07:30 (deadline 09:30);
    //     handed over at 09:30 exactly: 120 minutes, on time.
    let f = received(&mut desk, "2026-12-04 18:00", "TIK");
    through(&mut desk, &f, "2026-12-07 09:30", "A0000000F6", Some(&[]));
    // Outside the period: 30 Nov.
    let x = received(&mut desk, "2026-11-30 16:00", "IMP");
    through(&mut desk, &x, "2026-11-30 16:10", "A0000000C7", Some(&[]));
    desk.now = wita("2026-12-31 12:00").to_rfc3339();
    desk
}

fn cell(range: &calamine::Range<Data>, row: u32, col: u32) -> Data {
    range.get_value((row, col)).cloned().unwrap_or(Data::Empty)
}

// Every test here runs on a SQLite file and on a PostgreSQL database.
on_both! {
    #[test]
    fn the_month_report_keeps_the_json_contract_and_the_hand_worked_figures() {
        let desk = december();
        let r = desk.json(&["report", "--month", "2026-12"]);
        // Minutes 60, 105, 120, 195: median (105 + 120) / 2 = 112.5 → 113, p90 rank 4 → 195.
        assert_eq!(
            r,
            json!({
                "from": "2026-12-01", "to": "2026-12-31", "calendar_changed": [],
                "received": 6, "handed_over": 4, "within_sla": 3, "late": 1, "open": 1,
                "cancelled": 1, "sla_pct": 75.0, "median_minutes": 113, "p90_minutes": 195,
                "groups": [
                    {"key": "AKUN", "received": 1, "handed_over": 0, "within_sla": 0, "late": 0,
                     "open": 1, "cancelled": 0, "sla_pct": null},
                    {"key": "EKS", "received": 1, "handed_over": 1, "within_sla": 0, "late": 1,
                     "open": 0, "cancelled": 0, "sla_pct": 0.0},
                    {"key": "IMP", "received": 3, "handed_over": 2, "within_sla": 2, "late": 0,
                     "open": 0, "cancelled": 1, "sla_pct": 100.0},
                    {"key": "TIK", "received": 1, "handed_over": 1, "within_sla": 1, "late": 0,
                     "open": 0, "cancelled": 0, "sla_pct": 100.0}
                ],
                "late_list": [
                    {"ref": "ADU-2026-00002", "received_at": "2026-12-02T10:00:00+08:00",
                     "handed_over_at": "2026-12-02T14:00:00+08:00", "working_minutes": 195,
                     "reason": "bcare-down: portal mati 10:00-13:30"}
                ],
                "calendar_changed": [],
                // No applicant answered the survey yet: no index, every element empty.
                "skm": {"respondents": 0, "ikm": null, "grade": null, "elements": (1..=9)
                    .map(|i| json!({"key": format!("u{i}"), "mean": null, "answers": 0}))
                    .collect::<Vec<_>>()},
                // Every step of this month was recorded with a set clock (the test's
                // BCARE_DESK_NOW), never the moment it was written: all 20 show.
                "backdated_steps": 20
            })
        );
        // --from/--to is inclusive and counts in WITA: 30 Nov is its own day.
        let nov30 = desk.json(&["report", "--from", "2026-11-30", "--to", "2026-11-30"]);
        assert_eq!(
            (nov30["received"].clone(), nov30["sla_pct"].clone()),
            (json!(1), json!(100.0))
        );
        let first_week = desk.json(&[
            "report",
            "--from",
            "2026-12-01",
            "--to",
            "2026-12-04",
            "--by",
            "channel",
        ]);
        assert_eq!(first_week["received"], 4);
        assert_eq!(first_week["groups"][0]["key"], "whatsapp");
    }
    #[test]
    fn the_text_report_names_the_late_reason_and_bad_periods_are_refused() {
        let desk = december();
        let out = desk
            .cmd()
            .args(["report", "--month", "2026-12", "--lang", "en"])
            .assert()
            .success();
        let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
        assert!(text.contains("SLA 75.0 %"), "{text}");
        // The reason in words, the officer's own after it; the code stays in JSON.
        assert!(
            text.contains("ADU-2026-00002") && text.contains("BCare down: portal mati"),
            "{text}"
        );
        assert!(!text.contains("bcare-down"), "{text}");
        let id = desk
            .cmd()
            .args(["report", "--month", "2026-12"])
            .assert()
            .success();
        let id = String::from_utf8_lossy(&id.get_output().stdout).to_string();
        assert!(id.contains("BCare tidak dapat diakses: portal mati"), "{id}");
        assert!(id.contains("3 jam 15 menit"), "{id}");
        for (args, needle) in [
            (&["report", "--month", "2026-13"][..], "month"),
            (&["report", "--from", "2026-12-01"][..], "--to"),
            (
                &["report", "--from", "2026-12-05", "--to", "2026-12-01"][..],
                "--to",
            ),
            (&["report", "--month", "2026-12", "--today"][..], "satu cara"),
            (&["report", "--by", "weather"][..], "--by"),
        ] {
            let err = desk.refused(args);
            assert!(err.contains(needle), "{args:?}: {err}");
        }
    }
    #[test]
    fn the_csv_has_one_row_per_complaint_and_is_private() {
        let desk = december();
        let path = desk.dir.path().join("desember.csv");
        desk.cmd()
            .args(["report", "--month", "2026-12", "--csv"])
            .arg(&path)
            .assert()
            .success();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let csv = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 1 + 6, "{csv}");
        assert!(lines[0].starts_with("ref,received_at,category,channel,kind,officer,stage,"));
        let b = lines
            .iter()
            .find(|l| l.starts_with("ADU-2026-00002,"))
            .unwrap();
        assert!(
            b.contains(",195,false,bcare-down: portal mati 10:00-13:30,"),
            "{b}"
        );
        // Personal data stays out of the report file.
        assert!(
            !csv.contains("Andi Wijaya") && !csv.contains("6281234567890"),
            "{csv}"
        );
    }
    #[test]
    fn the_workbook_reads_back_with_the_same_figures() {
        let desk = december();
        let path = desk.dir.path().join("laporan-desember.xlsx");
        desk.cmd()
            .args(["report", "--month", "2026-12", "--xlsx"])
            .arg(&path)
            .assert()
            .success();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let mut wb: Xlsx<_> = open_workbook(&path).expect("an xlsx workbook");
        assert_eq!(
            wb.sheet_names(),
            [
                "Ringkasan",
                "Per kategori",
                "Per saluran",
                "Per jenis pemohon",
                "Per petugas",
                "Terlambat",
                "Harian",
                "SKM",
                "Waktu diubah"
            ]
        );
        let sum = wb.worksheet_range("Ringkasan").unwrap();
        assert_eq!(
            cell(&sum, 1, 1),
            Data::String("KPPBC TMP B Makassar".into())
        );
        assert_eq!(
            cell(&sum, 2, 1),
            Data::String("2026-12-01 s.d. 2026-12-31".into())
        );
        let figures: Vec<(String, Data)> = (4..14)
            .map(|r| (cell(&sum, r, 0).to_string(), cell(&sum, r, 1)))
            .collect();
        assert_eq!(figures[0], ("Pengaduan diterima".into(), Data::Float(6.0)));
        assert_eq!(figures[2].1, Data::Float(3.0));
        assert_eq!(figures[3].1, Data::Float(1.0));
        assert_eq!(figures[6], ("Capaian SLA (%)".into(), Data::Float(75.0)));
        assert_eq!(figures[7].1, Data::Float(113.0));

        let cat = wb.worksheet_range("Per kategori").unwrap();
        assert_eq!(cell(&cat, 3, 0), Data::String("IMP".into()));
        assert_eq!(
            (cell(&cat, 3, 1), cell(&cat, 3, 6)),
            (Data::Float(3.0), Data::Float(1.0))
        );
        let officer = wb.worksheet_range("Per petugas").unwrap();
        assert_eq!(cell(&officer, 1, 0), Data::String(desk.officer_role()));
        assert_eq!(cell(&officer, 1, 1), Data::Float(6.0));

        let late = wb.worksheet_range("Terlambat").unwrap();
        assert_eq!(cell(&late, 1, 0), Data::String("ADU-2026-00002".into()));
        assert_eq!(cell(&late, 1, 3), Data::Float(195.0));
        assert_eq!(
            cell(&late, 1, 4),
            Data::String("bcare-down: portal mati 10:00-13:30".into())
        );

        let daily = wb.worksheet_range("Harian").unwrap();
        assert_eq!(cell(&daily, 1, 0), Data::String("2026-12-01".into()));
        assert_eq!(cell(&daily, 1, 4), Data::Float(100.0));
        assert_eq!(cell(&daily, 2, 4), Data::Float(0.0));
        // 7 Dec: D still open, nothing handed over that was received that day: no percentage.
        assert_eq!(cell(&daily, 7, 4), Data::Empty);
        let bytes = std::fs::read(&path).unwrap();
        assert!(
            bytes
                .windows(b"xl/charts/chart1.xml".len())
                .any(|w| w == b"xl/charts/chart1.xml"),
            "the daily SLA chart is in the workbook"
        );
    }
    #[test]
    fn the_shift_handoff_lists_what_the_next_officer_inherits() {
        let desk = december();
        let s: Value = desk.json(&["report", "--shift"]);
        let open: Vec<(&str, &str, &str)> = s["open"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| {
                (
                    o["ref"].as_str().unwrap(),
                    o["stage"].as_str().unwrap(),
                    o["whose_move"].as_str().unwrap(),
                )
            })
            .collect();
        // D waits at Dir. IKC for a number; the handed-over ones wait for the resolution.
        // The one whose clock still runs comes first, past its deadline.
        assert_eq!(
            open[0],
            ("ADU-2026-00004", "forwarded", "Dir. IKC"),
            "{open:?}"
        );
        assert_eq!(s["open"][0]["overdue"], true);
        assert_eq!(s["open"][0]["sla_deadline"], "2026-12-07T17:00:00+08:00");
        assert!(
            open.contains(&("ADU-2026-00001", "handed_over", "Dir. IKC")),
            "{open:?}"
        );
        assert!(
            !open.iter().any(|o| o.0 == "ADU-2026-00003"),
            "cancelled is not inherited"
        );
        // Open at Dir. IKC on Thu 31 Dec more than 3 working days (24 and 25 Dec are
        // holidays): E, ticketed Mon 28, has 3 (29, 30, 31) and is not chased yet.
        let chase: Vec<(&str, i64)> = s["tickets_to_chase"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                (
                    t["ref"].as_str().unwrap(),
                    t["working_days_open"].as_i64().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            chase,
            [
                ("ADU-2026-00007", 21),
                ("ADU-2026-00001", 20),
                ("ADU-2026-00002", 19),
                ("ADU-2026-00006", 16)
            ]
        );
        assert_eq!(s["notices_owed"], json!([]));
        let out = desk
            .cmd()
            .args(["report", "--shift", "--lang", "en"])
            .assert()
            .success();
        let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
        assert!(text.contains("due 2026-12-07 17:00 LATE"), "{text}");
    }
    #[test]
    fn the_shift_handoff_names_the_reports_still_waiting_for_bcare() {
        let mut desk = Desk::with_config(
            "[bcare]\nclient = \"http\"\nurl = \"http://127.0.0.1:9\"\n",
            "2026-11-27T01:00:00Z",
        );
        let r = received(&mut desk, "2026-11-27 08:30", "IMP");
        desk.json(&["forward", &r]); // queued: no worker runs without --wait
        let s = desk.json(&["report", "--shift"]);
        assert_eq!(s["outbox"][0]["ref"], r.as_str());
        assert_eq!(s["outbox"][0]["state"], "pending");
        assert_eq!(s["open"][0]["whose_move"], "Dir. IKC");
        assert_eq!(s["open"][0]["overdue"], false);
    }
}

#[test]
fn the_report_files_carry_no_control_or_bidi_character_of_a_name() {
    // A right-to-left override survives the config's control filter (it is a
    // format character) and reaches every event as the officer's name.
    let desk = Desk::with_config(
        "[officer]\nname = \"Rina\\u202e\\u200fAdmin\"\n",
        desk_binary::FRIDAY_MORNING,
    );
    desk.intake(&[]);
    let csv = desk.dir.path().join("laporan.csv");
    let xlsx = desk.dir.path().join("laporan.xlsx");
    for (flag, file) in [("--csv", &csv), ("--xlsx", &xlsx)] {
        desk.cmd()
            .args(["report", "--by", "officer", flag])
            .arg(file)
            .assert()
            .success();
    }
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.contains("RinaAdmin"), "{text}");
    assert!(
        !text.contains('\u{202e}') && !text.contains('\u{200f}'),
        "{text:?}"
    );
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    for name in book.sheet_names().to_owned() {
        let range = calamine::Reader::worksheet_range(&mut book, &name).unwrap();
        for cell in range.used_cells() {
            let s = cell.2.to_string();
            assert!(
                !s.contains('\u{202e}') && !s.contains('\u{200f}'),
                "{name}: {s:?}"
            );
        }
    }
}
