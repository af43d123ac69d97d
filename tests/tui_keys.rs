//! The officer's minute, counted: five typical complaints driven through the real
//! desk in tmux, from `n` to the recorded handover, with the simulated BCare. Each
//! prints how many navigation keys it took beyond the typed text (Enter, Tab, Esc,
//! arrows, command letters); the test fails above 12 for any of them. What is typed
//! to pick a choice ("w" → WhatsApp, "BY" → BYR, "2" → service user) is typed text.

mod tui_support;

use tui_support::{Session, desk_command, have_tmux, write_config};

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
    s.wait_for("Hand over to applicant");
    s.keys(&["Enter"]);
    s.wait_for(&format!("{reference} handed over"));
    s.navigation.get()
}

#[test]
fn five_typical_complaints_each_take_at_most_twelve_navigation_keys() {
    if !have_tmux() {
        eprintln!("SKIPPED: tmux is not installed; the end-to-end test needs it");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    let config = write_config(dir.path());
    let name = format!("bcare-keys-{}", std::process::id());
    let s = Session::start_sized(&name, &desk_command(&db, &config, "en"), (80, 24));
    s.wait_for("No complaints here yet.");

    let mut over = Vec::new();
    for (i, caller) in CALLERS.iter().enumerate() {
        let n = one_complaint(&s, caller, i + 1);
        println!("{:<45} {n:>2} navigation keys", caller.what);
        if n > TARGET {
            over.push(format!("{}: {n}", caller.what));
        }
    }
    let screen = s.screen();
    assert!(
        screen.contains("0 on the clock"),
        "all handed over:\n{screen}"
    );
    assert!(over.is_empty(), "above {TARGET} navigation keys: {over:?}");
    s.keys(&["q"]);
    s.wait_gone();
}
