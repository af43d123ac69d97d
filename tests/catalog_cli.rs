//! The command line's text speaks the officer's words: no machine key (stage,
//! event kind, delivery state, field key) reaches a person, while JSON keeps them.

mod desk_binary;

use desk_binary::{Desk, IMPORTER, intake_args, without};

/// Keys the desk stores and JSON carries, which a person should never read.
/// (In English some words are the keys themselves: `received`, `client sim`.)
const KEYS: [&str; 11] = [
    "handed_over",
    "ticket_corrected",
    "nomor_aju",
    "ticket_no",
    "doc_type",
    "doc_status",
    "intake",
    "forward ",
    "handover",
    "pending",
    "attempt(s)",
];

fn text(desk: &Desk, args: &[&str]) -> String {
    let out = desk.cmd().args(args).assert().success();
    let o = out.get_output();
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// A complaint taken in, forwarded through the simulator's outbox, given an odd
/// ticket number, corrected, and handed over: every kind of line `show` writes.
fn walked_desk() -> (Desk, String) {
    let desk = Desk::with_config("[bcare]\nclient = \"sim\"\n", desk_binary::FRIDAY_MORNING);
    // No document type or status: the intake note carries field-keyed warnings.
    let taken = desk.json(&intake_args(&without(IMPORTER, &["--doc-type"]), &[]));
    let r = taken["ref"].as_str().expect("ref").to_string();
    desk.cmd().args(["forward", &r]).assert().success();
    desk.cmd()
        .args(["ticket", &r, "12345678"])
        .assert()
        .success();
    desk.cmd()
        .args(["ticket", &r, "A0254EB2B1"])
        .assert()
        .success();
    desk.cmd()
        .args(["handover", &r, "--via", "whatsapp"])
        .assert()
        .success();
    (desk, r)
}

// Every test here runs on a SQLite file and on a PostgreSQL database.
on_both! {
    #[test]
    fn show_in_indonesian_has_no_internal_keys() {
        let (desk, r) = walked_desk();
        let shown = text(&desk, &["show", &r]);
        for key in KEYS
            .iter()
            .chain(&["received →", "→ ticketed", "client sim"])
        {
            assert!(!shown.contains(key), "{key:?} in:\n{shown}");
        }
        for words in [
            "Diserahkan ke pemohon",
            "Nomor tiket dikoreksi",
            "Diteruskan ke BCare",
            "lewat simulator",
            "lewat WhatsApp",
            "diterima → diteruskan",
            "Kiriman BCare:",
            "Nomor tiket:",
        ] {
            assert!(shown.contains(words), "{words:?} missing in:\n{shown}");
        }
        let listed = text(&desk, &["list", "--stage", "all"]);
        assert!(listed.contains("diserahkan"), "{listed}");
        assert!(!listed.contains("handed_over"), "{listed}");
    }
    #[test]
    fn the_history_reads_in_the_language_of_whoever_looks() {
        let (desk, r) = walked_desk();
        let id = text(&desk, &["show", &r]);
        let en = text(&desk, &["--lang", "en", "show", &r]);
        // The intake's checks, the forward's client and the odd ticket number's
        // remark were written once and are worded for each reader.
        for (words_id, words_en) in [
            ("sebaiknya diisi untuk kategori IMP", "should be given for category IMP"),
            ("lewat simulator", "through simulator"),
            ("bentuk nomor tiket tidak dikenal", "unknown ticket number shape"),
        ] {
            assert!(id.contains(words_id), "{words_id:?} missing in:\n{id}");
            assert!(!id.contains(words_en), "{words_en:?} in:\n{id}");
            assert!(en.contains(words_en), "{words_en:?} missing in:\n{en}");
            assert!(!en.contains(words_id), "{words_id:?} in:\n{en}");
        }
    }
    #[test]
    fn show_in_english_has_no_internal_keys_and_json_keeps_them() {
        let (desk, r) = walked_desk();
        let shown = text(&desk, &["--lang", "en", "show", &r]);
        for key in KEYS {
            assert!(!shown.contains(key), "{key:?} in:\n{shown}");
        }
        assert!(shown.contains("Ticket number corrected"), "{shown}");
        let j = desk.json(&["show", &r]);
        assert_eq!(j["stage"], "handed_over");
        let kinds: Vec<&str> = j["events"]
            .as_array()
            .expect("events")
            .iter()
            .filter_map(|e| e["kind"].as_str())
            .collect();
        assert!(kinds.contains(&"ticket_corrected"), "{kinds:?}");
        assert_eq!(j["outbox"][0]["state"], "pending");
    }
}

/// `--help` and clap's refusals follow `--lang`, else the config's `[desk] lang`.
#[test]
fn help_and_refusals_speak_the_desks_language() {
    let desk = Desk::new();
    let help = desk.cmd().args(["report", "--help"]).assert().success();
    let help = String::from_utf8_lossy(&help.get_output().stdout).into_owned();
    assert!(
        help.contains("Pemakaian: bcare-desk report [OPSI]"),
        "{help}"
    );
    assert!(
        help.contains("[bawaan: category]") && !help.contains("Options:"),
        "{help}"
    );

    let refused = desk.cmd().args(["export", "x.csv"]).assert().code(2);
    let said = String::from_utf8_lossy(&refused.get_output().stderr).into_owned();
    assert!(
        said.starts_with("galat: argumen wajib belum diberikan: --format"),
        "{said}"
    );

    let english = Desk::with_config("[desk]\nlang = \"en\"\n", desk_binary::FRIDAY_MORNING);
    let refused = english.cmd().args(["export", "x.csv"]).assert().code(2);
    let said = String::from_utf8_lossy(&refused.get_output().stderr).into_owned();
    assert!(
        said.contains("required arguments were not provided"),
        "{said}"
    );
    let flagged = english
        .cmd()
        .args(["--lang", "id", "list", "--bogus"])
        .assert()
        .code(2);
    let said = String::from_utf8_lossy(&flagged.get_output().stderr).into_owned();
    assert!(said.contains("argumen '--bogus' tidak dikenal"), "{said}");
}
