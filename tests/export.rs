//! Export on the real binary: every complaint with its events, 0600; the redacted
//! export carries none of the fixture's personal strings.

mod desk_binary;

use calamine::{Reader, Xlsx, open_workbook};
use desk_binary::Desk;
use serde_json::Value;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

/// What the fixture puts in that is personal, as it is stored (normalised).
pub const PERSONAL: [&str; 16] = [
    "Andi Wijaya",
    "Samudra Makassar",
    "012345678901000",
    "9120001234567",
    "6281234567890",
    "andi@samudra.co.id",
    "andi.wijaya",
    "sejak pagi",
    "respon PIB",
    "00002001001720261127000123",
    "Rina Kartika",
    "198501012010121001",
    "6285511112222",
    "Pak Andi sudah dihubungi",
    "Bu Rina menarik",
    "petugas.pdad",
];

/// Two applicants through the procedure: one resolved after a late handover with the
/// officer's words, one cancelled. Every personal field is filled.
pub fn fixture() -> Desk {
    let mut desk = Desk::new();
    desk.now = "2026-11-27T01:00:00Z".into(); // Fri 09:00 WITA
    let a = desk.json(&[
        "intake",
        "--name",
        "Andi Wijaya",
        "--kind",
        "pengguna-jasa",
        "--org",
        "PT Samudra Makassar",
        "--npwp",
        "01.234.567.8-901.000",
        "--nib",
        "9120001234567",
        "--phone",
        "0812-3456-7890",
        "--email",
        "andi@samudra.co.id",
        "--channel",
        "whatsapp",
        "--category",
        "AKUN",
        "--user-id",
        "andi.wijaya",
        "--subject",
        "Belum ada respon PIB",
        "--description",
        "Sudah dikirim sejak pagi.",
        "--aju",
        "000020-010017-20261127-000123",
        "--attach",
        "/home/pdad/andi-wijaya-layar.png",
    ])["ref"]
        .as_str()
        .unwrap()
        .to_string();
    desk.json(&["forward", &a]);
    desk.json(&["ticket", &a, "A0254EB2B1"]);
    desk.now = "2026-11-27T07:00:00Z".into(); // 15:00, past the 11:00 deadline
    desk.json(&[
        "handover",
        &a,
        "--via",
        "telepon",
        "--late-reason",
        "applicant-unreachable",
        "--note",
        "Andi Wijaya tidak mengangkat telepon",
    ]);
    desk.json(&["resolve", &a, "--note", "Pak Andi sudah dihubungi"]);
    let b = desk.json(&[
        "intake",
        "--name",
        "Rina Kartika",
        "--kind",
        "pegawai",
        "--nip",
        "198501012010121001",
        "--phone",
        "085511112222",
        "--channel",
        "telepon",
        "--category",
        "TIK",
        "--subject",
        "Jaringan lambat",
        "--description",
        "Lambat sejak pagi.",
    ])["ref"]
        .as_str()
        .unwrap()
        .to_string();
    desk.json(&["cancel", &b, "--reason", "Bu Rina menarik pengaduannya"]);
    desk
}

fn export(desk: &Desk, format: &str, redact: bool) -> std::path::PathBuf {
    let path = desk.dir.path().join(format!("export-{redact}.{format}"));
    let mut cmd = desk.cmd();
    cmd.args(["export", "--format", format]);
    if redact {
        cmd.arg("--redact");
    }
    cmd.arg(&path).assert().success();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "{format}");
    path
}

/// Every cell of every sheet, as text.
fn workbook_text(path: &Path) -> String {
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    let mut out = String::new();
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).unwrap();
        for row in range.rows() {
            for c in row {
                out.push_str(&c.to_string());
                out.push('\t');
            }
            out.push('\n');
        }
    }
    out
}

fn text_of(path: &Path, format: &str) -> String {
    match format {
        "xlsx" => workbook_text(path),
        _ => std::fs::read_to_string(path).unwrap(),
    }
}

#[test]
fn the_full_export_holds_every_complaint_with_its_events() {
    let desk = fixture();
    let path = export(&desk, "json", false);
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let all = v.as_array().unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0]["ref"], "ADU-2026-00001");
    assert_eq!(all[0]["stage"], "resolved");
    assert_eq!(all[0]["sla_met"], false);
    let kinds: Vec<&str> = all[0]["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["intake", "forward", "ticket", "handover", "resolve"]
    );
    // The unredacted files do hold the personal data: the redaction test below can fail.
    for format in ["json", "csv", "xlsx"] {
        let text = text_of(&export(&desk, format, false), format);
        for p in PERSONAL {
            assert!(
                text.contains(p),
                "{format}: {p} missing from the full export"
            );
        }
    }
    let csv = std::fs::read_to_string(export(&desk, "csv", false)).unwrap();
    // One row per event, under one header: 5 + 2 events.
    assert_eq!(csv.lines().count(), 1 + 7, "{csv}");
}

#[test]
fn the_redacted_export_holds_no_personal_string_and_keeps_the_figures() {
    let desk = fixture();
    for format in ["json", "csv", "xlsx"] {
        let text = text_of(&export(&desk, format, true), format);
        for p in PERSONAL {
            assert!(!text.contains(p), "{format}: {p} in the redacted export");
        }
        for kept in [
            "ADU-2026-00001",
            "A0254EB2B1",
            "AKUN",
            "whatsapp",
            "2026-11-27T09:00:00+08:00",
            "applicant-unreachable",
            "handed_over",
        ] {
            assert!(
                text.contains(kept),
                "{format}: {kept} lost in the redacted export"
            );
        }
    }
    let v: Value =
        serde_json::from_str(&std::fs::read_to_string(export(&desk, "json", true)).unwrap())
            .unwrap();
    assert_eq!(v[0]["applicant_name"], "***");
    assert_eq!(v[0]["sla_met"], false);
    assert_eq!(v[1]["stage"], "cancelled");
}

#[test]
fn export_refuses_bad_flags_without_writing() {
    let desk = fixture();
    let path = desk.dir.path().join("x.csv");
    let p = path.to_str().unwrap();
    for (args, needle) in [
        (vec!["export", "--format", "pdf", p], "--format"),
        (
            vec!["export", "--format", "csv", "--from", "2026-11-01", p],
            "--to",
        ),
        (
            vec![
                "export",
                "--format",
                "csv",
                "--from",
                "2026-11-01",
                "--to",
                "31-11-2026",
                p,
            ],
            "--to",
        ),
    ] {
        let err = desk.refused(&args);
        assert!(err.contains(needle), "{args:?}: {err}");
        assert!(!path.exists());
    }
    // A period filters by the day of receipt.
    let out = desk.json(&[
        "export",
        "--format",
        "json",
        "--from",
        "2026-11-28",
        "--to",
        "2026-11-30",
        p,
    ]);
    assert_eq!(out["complaints"], 0);
}
