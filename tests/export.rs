//! Export on the real binary: every complaint with its events, 0600; the redacted
//! export carries none of the fixture's personal strings.

mod desk_binary;

use calamine::{Reader, Xlsx, open_workbook};
use desk_binary::{Desk, IMPORTER, intake_args, without};
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
    let a = desk.json(&intake_args(
        &without(IMPORTER, &["--doc-type"]),
        &[
            "--nib",
            "9120001234567",
            "--email",
            "andi@samudra.co.id",
            "--category",
            "AKUN",
            "--user-id",
            "andi.wijaya",
            "--subject",
            "Belum ada respon PIB",
            "--description",
            "Sudah dikirim sejak pagi.",
            "--attach",
            "/home/pdad/andi-wijaya-layar.png",
        ],
    ))["ref"]
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

/// The database file and its WAL, as raw bytes.
fn raw_database(desk: &Desk) -> Vec<u8> {
    let mut bytes = std::fs::read(desk.db()).unwrap();
    let mut wal = desk.db().into_os_string();
    wal.push("-wal");
    if let Ok(w) = std::fs::read(&wal) {
        bytes.extend(w);
    }
    bytes
}

/// `check --json`'s purge_due (check fails loudly in 2028: the calendar has no holidays
/// for it; the JSON is printed all the same).
fn purge_due(desk: &Desk) -> Value {
    let out = desk.cmd().args(["check", "--json"]).output().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).expect("check prints JSON");
    v["purge_due"].clone()
}

fn holds(bytes: &[u8], s: &str) -> bool {
    bytes.windows(s.len()).any(|w| w == s.as_bytes())
}

/// The applicants' data; the officers' names stay on the audit log.
fn applicant_strings() -> Vec<&'static str> {
    PERSONAL
        .iter()
        .copied()
        .filter(|p| *p != "petugas.pdad")
        .chain([
            "andi-wijaya-layar",
            "mengangkat telepon",
            "Lambat sejak pagi",
        ])
        .collect()
}

#[test]
fn purge_leaves_no_personal_string_in_the_file_and_keeps_the_figures() {
    let mut desk = fixture();
    // An open complaint is not touched, however old.
    desk.json(&[
        "intake",
        "--name",
        "Dewi Lestari",
        "--kind",
        "pegawai",
        "--nip",
        "199001012015032002",
        "--phone",
        "081377778888",
        "--channel",
        "telepon",
        "--category",
        "TIK",
        "--subject",
        "Printer mati",
        "--description",
        "Printer lantai 2 mati.",
    ]);
    let report_before = desk.json(&["report", "--month", "2026-11"]);
    let before = raw_database(&desk);
    for p in applicant_strings() {
        assert!(
            holds(&before, p),
            "the fixture should hold {p} before the purge"
        );
    }

    // 24 months and a day after both were closed.
    desk.now = "2028-11-28T02:00:00Z".into();
    assert_eq!(purge_due(&desk), 2);
    let dry = desk.json(&["purge", "--dry-run"]);
    assert_eq!(dry["complaints"].as_array().unwrap().len(), 2);
    assert_eq!(dry["purged"], 0);
    assert!(
        holds(&raw_database(&desk), "Andi Wijaya"),
        "a dry run changes nothing"
    );

    // The desk stays open in another window: its connection keeps the WAL file from
    // being removed when the purge exits, so what the purge left in it stays there.
    let open_desk = rusqlite::Connection::open(desk.db()).unwrap();
    open_desk
        .query_row("SELECT COUNT(*) FROM complaints", [], |r| {
            r.get::<_, i64>(0)
        })
        .unwrap();
    let done = desk.json(&["purge"]);
    assert_eq!(done["purged"], 2);
    assert_eq!(done["file_cleared"], true);
    let after = raw_database(&desk);
    for p in applicant_strings() {
        assert!(
            !holds(&after, p),
            "{p} is still readable in the database file or its WAL"
        );
    }
    assert!(
        holds(&after, "Dewi Lestari"),
        "the open complaint keeps its data"
    );

    // The figures, the ticket, the stages and the event kinds stay true; the late reason
    // keeps its code and loses the officer's words (they named the applicant).
    let mut report_after = desk.json(&["report", "--month", "2026-11"]);
    assert_eq!(
        report_after["late_list"][0]["reason"],
        "applicant-unreachable"
    );
    assert_eq!(
        report_before["late_list"][0]["reason"],
        "applicant-unreachable: Andi Wijaya tidak mengangkat telepon"
    );
    report_after["late_list"][0]["reason"] = Value::Null;
    let mut report_before = report_before;
    report_before["late_list"][0]["reason"] = Value::Null;
    assert_eq!(report_after, report_before);
    let shown = desk.json(&["show", "ADU-2026-00001"]);
    assert_eq!(shown["stage"], "resolved");
    assert_eq!(shown["ticket_no"], "A0254EB2B1");
    assert_eq!(shown["sla_met"], false);
    let kinds: Vec<&str> = shown["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "intake", "forward", "ticket", "handover", "resolve", "purged"
        ]
    );
    // Search finds nothing by the old name, still the ticket.
    assert_eq!(desk.json(&["search", "Andi"]), serde_json::json!([]));
    assert_eq!(
        desk.json(&["search", "A0254EB2B1"])
            .as_array()
            .unwrap()
            .len(),
        1
    );

    // No word of theirs is left among the search index's terms.
    let conn = rusqlite::Connection::open(desk.db()).unwrap();
    conn.execute_batch(
        "CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, complaints_fts, 'row')",
    )
    .unwrap();
    let terms: Vec<String> = conn
        .prepare("SELECT term FROM temp.terms")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for gone in ["andi", "wijaya", "rina", "kartika", "samudra", "respon"] {
        assert!(!terms.iter().any(|t| t == gone), "{gone} still indexed");
    }
    assert!(
        terms.iter().any(|t| t == "dewi"),
        "the open complaint stays searchable"
    );
    // Events are append-only again once the purge is over.
    let err = conn
        .execute("UPDATE events SET note = 'x' WHERE id = 1", [])
        .unwrap_err();
    assert!(err.to_string().contains("append-only"), "{err}");
    assert!(conn.execute("DELETE FROM events WHERE id = 1", []).is_err());
    drop(conn);

    // Nothing is purged twice.
    assert_eq!(desk.json(&["purge"])["purged"], 0);
    assert_eq!(purge_due(&desk), 0);
}

#[test]
fn a_purge_while_another_window_reads_finishes_clearing_the_file_next_time() {
    let mut desk = fixture();
    desk.now = "2028-11-28T02:00:00Z".into();
    let reader = rusqlite::Connection::open(desk.db()).unwrap();
    reader.execute_batch("BEGIN").unwrap();
    reader
        .query_row("SELECT COUNT(*) FROM complaints", [], |r| {
            r.get::<_, i64>(0)
        })
        .unwrap();
    let out = desk.cmd().args(["purge", "--json"]).assert().success();
    let v: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(
        (v["purged"].clone(), v["file_cleared"].clone()),
        (2.into(), false.into())
    );
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.contains("`bcare-desk purge`"), "{err}");
    reader.execute_batch("COMMIT").unwrap();
    let again = desk.json(&["purge"]);
    assert_eq!(
        (again["purged"].clone(), again["file_cleared"].clone()),
        (0.into(), true.into())
    );
    let after = raw_database(&desk);
    drop(reader);
    for p in applicant_strings() {
        assert!(
            !holds(&after, p),
            "{p} is still readable after the second purge"
        );
    }
}

/// Text another program (or an older version) left in the database: every kind of
/// control a terminal or a spreadsheet would act on, around words that must survive.
const CONTROLS: &str =
    "awal\u{1b}[2J\u{1b}]52;c;cm0=\u{7} tengah\u{9b}31m\u{202e}txt.exe\u{2066}\u{8}\u{7f} akhir";

/// What must not reach an export file: C0 controls but newline and tab, DEL, C1, bidi.
fn acting(c: char) -> bool {
    (c < ' ' && c != '\n' && c != '\t')
        || ('\u{7f}'..='\u{9f}').contains(&c)
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Writes `text` straight into a complaint's free-text fields and adds an event
/// carrying it, past every filter of the desk (events are append-only).
fn poison(desk: &Desk, reference: &str, text: &str) {
    let update = "UPDATE complaints SET subject = $2, description = $2, applicant_name = $2,
                      org = $2, user_id = $2, doc_status = $2 WHERE ref = $1";
    let event = "INSERT INTO events (complaint_id, at, officer, kind, before, after, note)
                 SELECT id, received_at, $2, 'note', stage, stage, $2 FROM complaints WHERE ref = $1";
    if let Some(url) = &desk.url {
        let mut c = postgres::Client::connect(url, postgres::NoTls).unwrap();
        assert_eq!(c.execute(update, &[&reference, &text]).unwrap(), 1);
        c.execute(event, &[&reference, &text]).unwrap();
    } else {
        // SQLite numbers `$N` by first use; `?N` by N.
        let (update, event) = (update.replace('$', "?"), event.replace('$', "?"));
        let c = rusqlite::Connection::open(desk.db()).unwrap();
        assert_eq!(
            c.execute(&update, rusqlite::params![reference, text])
                .unwrap(),
            1
        );
        c.execute(&event, rusqlite::params![reference, text])
            .unwrap();
    }
}

// Every test here runs on a SQLite file and on a PostgreSQL database.
on_both! {
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
        // The phone stays text in a spreadsheet: its + and every digit.
        assert!(csv.contains("\"=\"\"+6281234567890\"\"\""), "{csv}");
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
    #[test]
    fn nothing_is_purged_before_the_retention_period_ends() {
        let mut desk = fixture();
        desk.now = "2028-11-26T02:00:00Z".into(); // a day short of 24 months
        assert_eq!(desk.json(&["purge"])["purged"], 0);
        if !desk.on_postgres() {
            assert!(holds(&raw_database(&desk), "Andi Wijaya"));
        }
        // A shorter period in the config applies.
        std::fs::write(desk.config(), "[retention]\nmonths = 12\n").unwrap();
        assert_eq!(desk.json(&["purge"])["purged"], 2);
        std::fs::write(desk.config(), "[retention]\nmonths = 0\n").unwrap();
        let err = desk.refused(&["purge"]);
        assert!(err.contains("[retention] months"), "{err}");
    }
    #[test]
    fn control_characters_in_the_database_never_reach_an_export() {
        let desk = fixture();
        // PostgreSQL text cannot hold NUL; SQLite can, so the file gets one too.
        let stored = if desk.on_postgres() {
            CONTROLS.to_string()
        } else {
            format!("{CONTROLS}\u{0}!")
        };
        poison(&desk, "ADU-2026-00001", &stored);
        for format in ["csv", "json", "xlsx"] {
            // CSV ends its records in CRLF: only a lone CR would be the data's.
            let text = text_of(&export(&desk, format, false), format).replace("\r\n", "\n");
            if let Some(c) = text.chars().find(|c| acting(*c)) {
                panic!("{format}: {c:?} reached the export");
            }
            // JSON may spell a control as an escape: none may be there either.
            assert!(!text.contains("\\u00") && !text.contains("\\u20"), "{format}: {text}");
            for kept in ["awal[2J]52;c;cm0= tengah31mtxt.exe akhir", "ADU-2026-00001"] {
                assert!(text.contains(kept), "{format}: {kept:?} lost in {text}");
            }
        }
    }
}
