//! The officer's minute, counted: five typical complaints driven through the real
//! desk in tmux, from `n` to the recorded handover, with the simulated BCare. Each
//! prints how many navigation keys it took beyond the typed text (Enter, Tab, Esc,
//! arrows, command letters); the test fails above 12 for any of them. What is typed
//! to pick a choice ("w" → WhatsApp, "BY" → BYR, "2" → service user) is typed text.

#[path = "pg_support/mod.rs"]
mod pg_support;
mod support;
mod tui_support;

use tui_support::{Session, empty_desk, empty_desk_on};

/// The most navigation keys a typical complaint may take from `n` to handover.
const TARGET: usize = 12;

/// One caller: what the officer types, field by field, in the order the form asks.
struct Caller {
    what: &'static str,
    /// The text typed into each field, in order; the first is the applicant kind
    /// ("1" employee, "2" service user: a number settles the choice by itself).
    fields: &'static [&'static str],
}

const CALLERS: [Caller; 5] = [
    Caller {
        what: "IMP service user with NPWP and nomor aju",
        fields: &[
            "2",
            "Siti Rahma",
            "PT Maju Bersama",
            "01.234.567.8-901.000",
            "0811 4000 123",
            "w",
            "IMP",
            "02030012345620261127000001",
            "PIB belum mendapat respon",
            "Dikirim pukul 08.10, status masih terkirim.",
        ],
    },
    Caller {
        what: "AKUN service user with user id",
        fields: &[
            "2",
            "Budi Santoso",
            "CV Sinar Laut",
            "1234567890123",
            "0411 123456",
            "t",
            "AK",
            "sinarlaut01",
            "Akun terkunci",
            "Tidak bisa login ke CEISA 4.0 sejak kemarin.",
        ],
    },
    Caller {
        what: "EKS service user with nomor aju",
        fields: &[
            "2",
            "Dewi Lestari",
            "PT Samudra Ekspor",
            "02.345.678.9-012.000",
            "0812 3456 7890",
            "e",
            "EKS",
            "03000012345620261127000017",
            "PEB ditolak",
            "Respon penolakan tanpa keterangan.",
        ],
    },
    Caller {
        what: "TIK employee with NIP",
        fields: &[
            "1",
            "Andi Wijaya",
            "198501012010011001",
            "0813 1111 2222",
            "l",
            "TIK",
            "Jaringan kantor putus",
            "Tidak ada koneksi ke CEISA dari lantai 2.",
        ],
    },
    Caller {
        what: "BYR service user",
        fields: &[
            "2",
            "Rina Kusuma",
            "PT Dagang Jaya",
            "03.456.789.0-123.000",
            "0814 2222 3333",
            "w",
            "BY",
            "",
            "Billing tidak terbit",
            "Kode billing tidak muncul setelah simpan.",
        ],
    },
];

/// Files one caller's complaint and hands the number over; returns the navigation keys used.
fn one_complaint(s: &Session, c: &Caller, seq: usize) -> usize {
    s.count_from_zero();
    s.keys(&["n"]);
    s.wait_for("New complaint");
    let (kind, rest) = c.fields.split_first().expect("the kind comes first");
    s.text(kind);
    for (i, value) in rest.iter().enumerate() {
        if !value.is_empty() {
            s.text(value);
        }
        if i + 1 < rest.len() {
            s.keys(&["Enter"]);
        }
    }
    // Enter on the last field saves; the forward pane opens with the report.
    s.keys(&["Enter"]);
    let reference = format!("ADU-2026-{seq:05}");
    s.wait_for(&format!("Saved as {reference}"));
    s.wait_for("Forward to BCare");
    s.wait_for(rest[rest.len() - 1]);
    s.keys(&["Enter"]);
    // The simulated BCare answers; the handover pane opens on its own.
    s.wait_for(&format!("{reference}: BCare gave ticket number"));
    let screen = s.wait_for("Hand over to applicant");
    // A caller who wrote by e-mail and left no address on the form: the pane asks
    // for it (typed text, not a navigation key).
    if screen.contains("e-mail (none on file)") {
        s.text("ekspor@samudra.example");
    }
    s.keys(&["Enter"]);
    s.wait_for(&format!("{reference} handed over"));
    s.navigation.get()
}

/// The five callers one after another; the ones above the target, with their keys.
fn five_complaints(s: &Session, backend: &str) -> Vec<String> {
    let mut over = Vec::new();
    for (i, caller) in CALLERS.iter().enumerate() {
        let n = one_complaint(s, caller, i + 1);
        println!("{backend}: {:<45} {n:>2} navigation keys", caller.what);
        if n > TARGET {
            over.push(format!("{}: {n}", caller.what));
        }
    }
    let screen = s.screen();
    assert!(
        screen.contains("0 on the clock"),
        "all handed over:\n{screen}"
    );
    over
}

#[test]
fn five_typical_complaints_each_take_at_most_twelve_navigation_keys() {
    let Some(desk) = empty_desk("bcare-keys") else {
        return;
    };
    let s = &desk.session;
    let over = five_complaints(s, "SQLite");
    assert!(over.is_empty(), "above {TARGET} navigation keys: {over:?}");
    s.keys(&["q"]);
    s.wait_gone();
}

/// The same desk on a PostgreSQL database: the same keys, the same screens.
#[test]
fn on_postgresql_the_five_complaints_take_the_same_keys() {
    let Some(server) = pg_support::server() else {
        pg_support::skipped("on_postgresql_the_five_complaints_take_the_same_keys");
        return;
    };
    let url = server.fresh_database("screen_keys");
    let Some(desk) = empty_desk_on("bcare-keys-pg", Some(&url)) else {
        return;
    };
    let s = &desk.session;
    let over = five_complaints(s, "PostgreSQL");
    assert!(over.is_empty(), "above {TARGET} navigation keys: {over:?}");
    s.keys(&["q"]);
    s.wait_gone();
}

/// The most navigation keys a WhatsApp complaint may take from paste to handover.
const PASTE_TARGET: usize = 6;

/// A WhatsApp message as copied from WhatsApp Web: who, company, NPWP, nomor aju, phone.
/// A WhatsApp message as copied from the chat, sent at `sent` (its header line).
fn wa_message(sent: &str) -> String {
    format!(
        "[{sent}] Andi: Selamat siang, saya Andi dari PT Samudra, \
PIB kami nomor aju 000020-010017-20261127-000123 belum dapat respon sejak pagi, \
NPWP 01.234.567.8-901.000, mohon bantuannya.\nWA 0812 3456 7890"
    )
}

#[test]
fn a_pasted_whatsapp_complaint_takes_at_most_six_navigation_keys() {
    let Some(desk) = empty_desk("bcare-paste") else {
        return;
    };
    let s = &desk.session;

    // Sent a few minutes ago, in the office's time: the complaint counts from then,
    // not from when the officer pasted it.
    let sent = (chrono::Utc::now() - chrono::TimeDelta::minutes(7))
        .with_timezone(&chrono::FixedOffset::east_opt(8 * 3600).unwrap());
    s.count_from_zero();
    s.keys(&["n"]);
    s.wait_for("Paste the caller's message");
    s.paste(&wa_message(&sent.format("%d/%m/%y %H.%M").to_string()));
    s.wait_for("filled from the caller's message");
    // The cursor waits on the one required field a message cannot give: the subject.
    s.text("PIB belum dapat respon");
    s.keys(&["C-s"]);
    s.wait_for("Saved as ADU-2026-00001");
    s.wait_for("Forward to BCare");
    s.keys(&["Enter"]);
    s.wait_for("ADU-2026-00001: BCare gave ticket number");
    s.wait_for("Hand over to applicant");
    s.keys(&["Enter"]);
    s.wait_for("ADU-2026-00001 handed over");
    let n = s.navigation.get();
    println!("{:<45} {n:>2} navigation keys", "WhatsApp message pasted");
    assert!(
        n <= PASTE_TARGET,
        "{n} navigation keys, above {PASTE_TARGET}"
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_bcare-desk"))
        .args([
            "--db",
            &desk.db.to_string_lossy(),
            "--config",
            &desk.config.to_string_lossy(),
        ])
        .args(["show", "ADU-2026-00001", "--json"])
        .output()
        .unwrap();
    // What was read is what was filed.
    let shown = String::from_utf8_lossy(&out.stdout);
    for expected in [
        "Andi",
        "PT Samudra",
        "+6281234567890",
        "00002001001720261127000123",
    ] {
        assert!(shown.contains(expected), "{expected} not filed: {shown}");
    }
    let v: serde_json::Value = serde_json::from_str(&shown).unwrap();
    let received =
        chrono::DateTime::parse_from_rfc3339(v["received_at"].as_str().unwrap()).unwrap();
    assert_eq!(
        received.format("%Y-%m-%d %H:%M").to_string(),
        sent.format("%Y-%m-%d %H:%M").to_string(),
        "the message's own time is the receipt: {shown}"
    );
    s.keys(&["q"]);
    s.wait_gone();
}
