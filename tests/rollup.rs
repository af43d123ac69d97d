//! The Kanwil's roll-up on the real binary: three offices' months built step by
//! step with a fixed clock, their bundles (no personal data in them), and the
//! roll-up checked against figures worked out by hand; an edited bundle, another
//! period, another version and an office twice refused with nothing written.

mod desk_binary;
mod support;

use calamine::{Data, Reader, Xlsx, open_workbook};
use desk_binary::{Desk, EMPLOYEE, IMPORTER, intake_args};
use serde_json::{Value, json};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use support::wita;

const MAKASSAR: &str = "KPPBC TMP B Makassar";
const MALILI: &str = "KPPBC TMP C Malili";
const PAREPARE: &str = "KPPBC TMP C Parepare";

fn office(name: &str) -> Desk {
    Desk::with_config(
        &format!("[report]\noffice = \"{name}\"\n"),
        desk_binary::FRIDAY_MORNING,
    )
}

/// The importer's complaint (name, phone, NPWP, nomor aju, text) received at
/// `at` (WITA) in `category`; the employee's (NIP) with `employee`.
fn received(desk: &mut Desk, at: &str, category: &str, employee: bool) -> String {
    desk.now = wita(at).to_rfc3339();
    let who = if employee { EMPLOYEE } else { IMPORTER };
    desk.json(&intake_args(
        who,
        &["--category", category, "--received-at", at],
    ))["ref"]
        .as_str()
        .unwrap()
        .to_string()
}

/// Forwarded at once, ticketed, and handed over at `at` (WITA) with `extra` flags.
fn handed(desk: &mut Desk, r: &str, at: &str, ticket: &str, extra: &[&str]) {
    desk.json(&["forward", r]);
    desk.json(&["ticket", r, ticket]);
    desk.now = wita(at).to_rfc3339();
    let mut args = vec!["handover", r, "--via", "whatsapp"];
    args.extend_from_slice(extra);
    desk.json(&args);
}

/// December 2026, by hand (working hours from 07:30, no break before 12:00):
///
/// | office   | complaint               | minutes | SLA     | SKM              |
/// |----------|-------------------------|---------|---------|------------------|
/// | Makassar | Tue 1 08:00 → 08:40 IMP | 40      | within  | 4 4 4 4 4 4 4 4 4 |
/// | Makassar | Tue 1 09:00 → 11:30 EKS | 150     | late    |                  |
/// | Parepare | Wed 2 08:00 → 09:10 IMP | 70      | within  | 3 3 3 3 3 3 3 3 3 |
/// | Parepare | Wed 2 08:30 AKUN (NIP)  | —       | open    |                  |
/// | Parepare | Wed 2 09:00 → 09:20 IMP | 20      | within  |                  |
/// | Malili   | Thu 3 08:00 → 10:00 TIK | 120     | within (at the deadline) |  |
/// | Malili   | Thu 3 08:30 IMP         | —       | cancelled |                |
/// | Malili   | Thu 3 09:00 → 09:30 IMP | 30      | within  | 2 2 2 2 2 2 2 2 - |
fn three_offices() -> [(&'static str, Desk); 3] {
    let mut mks = office(MAKASSAR);
    let a1 = received(&mut mks, "2026-12-01 08:00", "IMP", false);
    handed(&mut mks, &a1, "2026-12-01 08:40", "A0000000A1", &[]);
    mks.json(&["survey", &a1, "--answers", "444444444"]);
    let a2 = received(&mut mks, "2026-12-01 09:00", "EKS", false);
    handed(
        &mut mks,
        &a2,
        "2026-12-01 11:30",
        "A0000000A2",
        &[
            "--late-reason",
            "bcare-down",
            "--note",
            "portal mati sejak 09:00",
        ],
    );

    let mut pare = office(PAREPARE);
    let b1 = received(&mut pare, "2026-12-02 08:00", "IMP", false);
    handed(&mut pare, &b1, "2026-12-02 09:10", "A0000000B1", &[]);
    pare.json(&["survey", &b1, "--answers", "3,3,3,3,3,3,3,3,3"]);
    received(&mut pare, "2026-12-02 08:30", "AKUN", true);
    let b3 = received(&mut pare, "2026-12-02 09:00", "IMP", false);
    handed(&mut pare, &b3, "2026-12-02 09:20", "A0000000B3", &[]);

    let mut malili = office(MALILI);
    let c1 = received(&mut malili, "2026-12-03 08:00", "TIK", false);
    handed(&mut malili, &c1, "2026-12-03 10:00", "A0000000C1", &[]);
    let c2 = received(&mut malili, "2026-12-03 08:30", "IMP", false);
    malili.now = wita("2026-12-03 08:45").to_rfc3339();
    malili.json(&["cancel", &c2, "--reason", "pemohon menarik pengaduan"]);
    let c3 = received(&mut malili, "2026-12-03 09:00", "IMP", false);
    handed(&mut malili, &c3, "2026-12-03 09:30", "A0000000C3", &[]);
    malili.json(&["survey", &c3, "--answers", "2,2,2,2,2,2,2,2,-"]);

    let mut out = [(MAKASSAR, mks), (PAREPARE, pare), (MALILI, malili)];
    for (_, d) in &mut out {
        d.now = wita("2026-12-31 12:00").to_rfc3339();
    }
    out
}

/// Each office's December bundle, written into `dir`.
fn bundles(offices: &[(&str, Desk)], dir: &Path) -> Vec<PathBuf> {
    offices
        .iter()
        .enumerate()
        .map(|(i, (_, d))| {
            let path = dir.join(format!("kantor-{i}.json"));
            let p = path.to_str().unwrap();
            let out = d
                .cmd()
                .args([
                    "report", "--month", "2026-12", "--bundle", p, "--lang", "en",
                ])
                .assert()
                .success();
            let said = String::from_utf8_lossy(&out.get_output().stdout).to_string();
            assert!(said.contains("no personal data"), "{said}");
            path
        })
        .collect()
}

/// `rollup` with these bundles and flags, at the Kanwil: no database, no config.
fn rollup(args: &[&str], bundles: &[PathBuf]) -> assert_cmd::assert::Assert {
    let home = tempfile::tempdir().unwrap();
    let out = assert_cmd::Command::cargo_bin("bcare-desk")
        .unwrap()
        .env_clear()
        .env("HOME", home.path())
        .arg("rollup")
        .args(bundles)
        .args(args)
        .assert();
    let made: Vec<_> = std::fs::read_dir(home.path()).unwrap().collect();
    assert!(made.is_empty(), "rollup made files at home: {made:?}");
    out
}

fn stdout(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stdout).to_string()
}

fn stderr(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stderr).to_string()
}

// The offices' desks run on SQLite files and on PostgreSQL databases.
on_both! {
    #[test]
    fn three_offices_roll_up_to_the_hand_worked_figures_and_each_row_is_its_report() {
        let offices = three_offices();
        let dir = tempfile::tempdir().unwrap();
        let paths = bundles(&offices, dir.path());
        for p in &paths {
            let mode = std::fs::metadata(p).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "{}", p.display());
        }
        let out = rollup(&["--json"], &paths).success();
        let r: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        assert_eq!((&r["from"], &r["to"]), (&json!("2026-12-01"), &json!("2026-12-31")));
        let names: Vec<&str> = r["offices"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["office"].as_str().unwrap())
            .collect();
        assert_eq!(names, [MAKASSAR, MALILI, PAREPARE], "by office name");

        // Each office's row is its own report's figures, SKM included.
        for (name, desk) in &offices {
            let mut report = desk.json(&["report", "--month", "2026-12"]);
            let row = r["offices"]
                .as_array()
                .unwrap()
                .iter()
                .find(|o| o["office"] == *name)
                .unwrap();
            let report = report.as_object_mut().unwrap();
            for only_the_office in ["from", "to", "late_list", "calendar_changed"] {
                report.remove(only_the_office);
            }
            let mut row = row.as_object().unwrap().clone();
            row.remove("office");
            assert_eq!(&row, report, "{name}");
        }
        let sla: Vec<&Value> = r["offices"].as_array().unwrap().iter().map(|o| &o["sla_pct"]).collect();
        assert_eq!(sla, [&json!(50.0), &json!(100.0), &json!(100.0)]);

        // The total, over the union: minutes 20 30 40 70 120 150 → median
        // (40 + 70) / 2 = 55 (the offices' medians 95, 45 and 75 average 71.7),
        // p90 at rank ⌈5.4⌉ = 6 → 150. SLA 5 of 6 = 83.3 %.
        let t = &r["total"];
        assert_eq!(
            [&t["received"], &t["handed_over"], &t["within_sla"], &t["late"], &t["open"], &t["cancelled"]],
            [&json!(8), &json!(6), &json!(5), &json!(1), &json!(1), &json!(1)]
        );
        assert_eq!(t["sla_pct"], json!(83.3));
        assert_eq!((&t["median_minutes"], &t["p90_minutes"]), (&json!(55), &json!(150)));
        // SKM over all three answers: u1–u8 (4 + 3 + 2) / 3 = 3, u9 (4 + 3) / 2 = 3.5;
        // (8 × 3 + 3.5) / 9 × 25 = 76.39, grade C (the offices' 100, 75 and 50 average 75).
        assert_eq!(t["skm"]["respondents"], json!(3));
        assert_eq!(t["skm"]["ikm"], json!(76.39));
        assert_eq!(t["skm"]["grade"], json!("C"));
        assert_eq!(t["skm"]["elements"][8], json!({"key": "u9", "mean": 3.5, "answers": 2}));
        let keys: Vec<&str> = t["groups"].as_array().unwrap().iter().map(|g| g["key"].as_str().unwrap()).collect();
        assert_eq!(keys, ["AKUN", "EKS", "IMP", "TIK"]);
        assert_eq!(t["groups"][2]["received"], json!(5));

        // The text speaks the officer's language, numbers included.
        let text = stdout(&rollup(&[], &paths).success());
        assert!(text.contains("Rekap Kanwil 2026-12-01 – 2026-12-31 (3 kantor)"), "{text}");
        let total = text.lines().find(|l| l.starts_with("Jumlah")).unwrap();
        assert!(total.contains("83,3 %") && total.contains("76,39"), "{total}");
        let text = stdout(&rollup(&["--lang", "en"], &paths).success());
        let total = text.lines().find(|l| l.starts_with("Total")).unwrap();
        assert!(total.contains("83.3 %") && total.contains("76.39"), "{total}");
    }
}

#[test]
fn a_bundle_holds_no_name_phone_npwp_nip_aju_text_or_reference() {
    let offices = three_offices();
    let dir = tempfile::tempdir().unwrap();
    let paths = bundles(&offices, dir.path());
    let bytes: Vec<u8> = paths
        .iter()
        .flat_map(|p| std::fs::read(p).unwrap())
        .collect();
    let text = String::from_utf8(bytes).unwrap();
    for (what, value) in [
        ("name", "Andi Wijaya"),
        ("name", "Budi"),
        ("company", "Samudra"),
        ("phone", "34567890"),
        ("phone", "55551234"),
        ("npwp", "234.567"),
        ("npwp", "2345678901"),
        ("nip", "198501012010121001"),
        ("aju", "000020"),
        ("aju", "20261127"),
        ("user id", "andi.w"),
        ("user id", "budi.s"),
        ("subject", "mendapat respon"),
        ("subject", "login"),
        ("description", "Sejak pagi"),
        ("the late handover's words", "portal mati"),
        ("the cancel reason", "menarik"),
        ("reference", "ADU-"),
        ("ticket", "A0000000"),
        ("officer", "petugas"),
    ] {
        assert!(
            !text.contains(value),
            "the bundle holds the {what}: {value}\n{text}"
        );
    }
    // What it does hold: the late reason's code, the answers, the office.
    assert!(text.contains("\"late_reason\": \"bcare-down\""), "{text}");
    assert!(
        text.contains(PAREPARE) && text.contains("\"sha256\""),
        "{text}"
    );
}

#[test]
fn a_refused_rollup_names_the_file_and_writes_nothing() {
    let offices = three_offices();
    let dir = tempfile::tempdir().unwrap();
    let paths = bundles(&offices, dir.path());
    let xlsx = dir.path().join("kanwil.xlsx");
    let x = xlsx.to_str().unwrap();
    let refused = |paths: &[PathBuf], needles: &[&str]| {
        let out = rollup(&["--xlsx", x, "--lang", "en"], paths).failure();
        let err = stderr(&out);
        for n in needles {
            assert!(err.contains(n), "{n}: {err}");
        }
        assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
        assert!(stdout(&out).is_empty());
        assert!(!xlsx.exists(), "a refused rollup wrote the workbook");
    };

    // An edited bundle: one late handover made on time.
    let edited = dir.path().join("diedit.json");
    let text = std::fs::read_to_string(&paths[0]).unwrap();
    assert!(text.contains("\"fate\": \"late\""), "{text}");
    std::fs::write(
        &edited,
        text.replacen("\"fate\": \"late\"", "\"fate\": \"within_sla\"", 1),
    )
    .unwrap();
    let mut with_edited = paths.clone();
    with_edited[0] = edited.clone();
    refused(
        &with_edited,
        &[edited.to_str().unwrap(), "checksum does not match"],
    );

    // Another period.
    let november = dir.path().join("november.json");
    offices[1]
        .1
        .cmd()
        .args([
            "report",
            "--month",
            "2026-11",
            "--bundle",
            november.to_str().unwrap(),
        ])
        .assert()
        .success();
    let mut with_november = paths.clone();
    with_november[1] = november.clone();
    refused(
        &with_november,
        &[
            &format!("{} 2026-12-01 – 2026-12-31", paths[0].display()),
            &format!("{} 2026-11-01 – 2026-11-30", november.display()),
            "periods differ",
        ],
    );

    // A format version this program does not read.
    let newer = dir.path().join("versi2.json");
    std::fs::write(
        &newer,
        std::fs::read_to_string(&paths[2])
            .unwrap()
            .replacen("\"version\": 1", "\"version\": 2", 1),
    )
    .unwrap();
    refused(
        &[paths[0].clone(), newer.clone()],
        &[newer.to_str().unwrap(), "version 2"],
    );

    // One office twice.
    let copy = dir.path().join("salinan.json");
    std::fs::copy(&paths[2], &copy).unwrap();
    refused(
        &[paths[2].clone(), copy.clone()],
        &[MALILI, "twice", copy.to_str().unwrap()],
    );

    // All three, as made: the workbook is written.
    rollup(&["--xlsx", x], &paths).success();
    assert!(xlsx.exists());
}

fn cell(range: &calamine::Range<Data>, row: u32, col: u32) -> Data {
    range.get_value((row, col)).cloned().unwrap_or(Data::Empty)
}

#[test]
fn the_workbook_has_the_kanwil_summary_with_its_chart_and_a_sheet_per_office() {
    let offices = three_offices();
    let dir = tempfile::tempdir().unwrap();
    let paths = bundles(&offices, dir.path());
    let xlsx = dir.path().join("kanwil.xlsx");
    rollup(&["--xlsx", xlsx.to_str().unwrap()], &paths).success();
    let mode = std::fs::metadata(&xlsx).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    let mut wb: Xlsx<_> = open_workbook(&xlsx).unwrap();
    assert_eq!(wb.sheet_names(), ["Kanwil", MAKASSAR, MALILI, PAREPARE]);
    let k = wb.worksheet_range("Kanwil").unwrap();
    assert_eq!(cell(&k, 3, 7), Data::String("Capaian SLA (%)".into()));
    for (row, (name, sla)) in [(MAKASSAR, 50.0), (MALILI, 100.0), (PAREPARE, 100.0)]
        .into_iter()
        .enumerate()
    {
        let row = 4 + row as u32;
        assert_eq!(cell(&k, row, 0), Data::String(name.into()));
        assert_eq!(cell(&k, row, 7), Data::Float(sla), "{name}");
    }
    assert_eq!(cell(&k, 7, 0), Data::String("Jumlah Kanwil".into()));
    assert_eq!(cell(&k, 7, 1), Data::Float(8.0));
    assert_eq!(cell(&k, 7, 7), Data::Float(83.3));
    assert_eq!(
        (cell(&k, 7, 8), cell(&k, 7, 9)),
        (Data::Float(55.0), Data::Float(150.0))
    );
    assert_eq!(
        (cell(&k, 7, 11), cell(&k, 7, 12)),
        (Data::Float(76.39), Data::String("C".into()))
    );
    // A zip names its parts in plain bytes: the chart is there.
    let bytes = std::fs::read(&xlsx).unwrap();
    assert!(
        bytes
            .windows(b"xl/charts/chart1.xml".len())
            .any(|w| w == b"xl/charts/chart1.xml"),
        "the SLA chart is in the workbook"
    );
    let p = wb.worksheet_range(PAREPARE).unwrap();
    assert_eq!(cell(&p, 1, 1), Data::String(PAREPARE.into()));
    assert_eq!(cell(&p, 4, 0), Data::String("Diterima".into()));
    assert_eq!(cell(&p, 4, 1), Data::Float(3.0));
    assert_eq!(cell(&p, 10, 1), Data::Float(100.0), "SLA %");
    assert_eq!(cell(&p, 14, 1), Data::Float(75.0), "IKM");
}

#[test]
fn a_bundle_needs_the_office_named() {
    let desk = Desk::with_config("[report]\noffice = \" \"\n", desk_binary::FRIDAY_MORNING);
    desk.intake(&[]);
    let path = desk.dir.path().join("bundel.json");
    let err = desk.refused(&["report", "--bundle", path.to_str().unwrap(), "--lang", "en"]);
    assert!(err.contains("[report] office"), "{err}");
    assert!(!path.exists());
}
