//! One gate to the terminal: every command of the real binary, fed hostile text
//! (escape sequences, OSC 52, a C1 CSI, bidi overrides, NUL, very long) through its
//! arguments, the config file, the database and BCare's answers. Nothing a terminal
//! would act on may come out on stdout or stderr.

mod bcare_support;
mod desk_binary;

use desk_binary::{Desk, EMPLOYEE, intake_args};

const ESC_CSI: &str = "\u{1b}[2J\u{1b}[31mmerah\u{1b}[0m";
const OSC52: &str = "\u{1b}]52;c;cm0gLXJmIH4=\u{7}";
const C1_CSI: &str = "\u{9b}31mc1\u{9c}";
const BIDI: &str = "abc\u{202e}gnp.exe\u{2066}\u{200f}\u{61c}";

/// The hostile texts an argument can carry (argv cannot hold NUL).
fn hostile_args() -> Vec<String> {
    vec![
        ESC_CSI.into(),
        OSC52.into(),
        C1_CSI.into(),
        BIDI.into(),
        format!("ADU-2026-00001{ESC_CSI}"),
        format!("x\u{1}\u{7}\u{8}\u{7f}y"),
        format!("{}{OSC52}{}", "A".repeat(20_000), "\u{9b}".repeat(500)),
    ]
}

/// What a terminal would act on: C0 controls but newline and tab, DEL, C1, bidi.
fn acting(c: char) -> bool {
    (c < ' ' && c != '\n' && c != '\t')
        || ('\u{7f}'..='\u{9f}').contains(&c)
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

fn assert_harmless(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    if let Some((i, c)) = text.char_indices().find(|(_, c)| acting(*c)) {
        let from = text[..i].char_indices().rev().nth(40).map_or(0, |(j, _)| j);
        panic!(
            "{what}: {c:?} reached the terminal after {:?}",
            &text[from..i]
        );
    }
}

/// Runs the binary with `args` and checks both streams, whatever the exit code.
fn run(desk: &Desk, args: &[String]) -> std::process::Output {
    let out = desk
        .cmd()
        .args(args)
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    let shown: Vec<String> = args
        .iter()
        .map(|a| a.chars().take(30).collect::<String>())
        .collect();
    assert_harmless(&format!("stdout of {shown:?}"), &out.stdout);
    assert_harmless(&format!("stderr of {shown:?}"), &out.stderr);
    out
}

fn strs(a: &[&str]) -> Vec<String> {
    a.iter().map(|s| s.to_string()).collect()
}

/// Writes hostile text straight into the file, past every filter on the way in.
fn poison(desk: &Desk, reference: &str, text: &str) {
    let conn = rusqlite::Connection::open(desk.db()).unwrap();
    let n = conn
        .execute(
            "UPDATE complaints SET subject = ?2, description = ?2, applicant_name = ?2, org = ?2,
                 doc_type = ?2, user_id = ?2
             WHERE ref = ?1",
            rusqlite::params![reference, text],
        )
        .unwrap();
    assert_eq!(n, 1);
    // Events are append-only: a hostile one is added.
    conn.execute(
        "INSERT INTO events (complaint_id, at, officer, kind, before, after, note)
         SELECT id, received_at, ?2, ?2, ?2, ?2, ?2 FROM complaints WHERE ref = ?1",
        rusqlite::params![reference, text],
    )
    .unwrap();
}

const STORED: &str =
    "\u{1b}[2J\u{1b}]52;c;cm0gLXJmIH4=\u{7}\u{9b}31m\u{202e}txt.exe\u{0}\u{8}\u{7f} akhir";

#[test]
fn hostile_text_in_the_database_is_shown_as_text_and_kept_whole_in_json() {
    let desk = Desk::new();
    let r = desk.intake(&[]);
    poison(&desk, &r, STORED);
    // The poison is really in the file (the paste filter did not strip it).
    let conn = rusqlite::Connection::open(desk.db()).unwrap();
    let subject: String = conn
        .query_row("SELECT subject FROM complaints WHERE ref = ?1", [&r], |x| {
            x.get(0)
        })
        .unwrap();
    assert_eq!(subject, STORED);

    let shown = run(&desk, &strs(&["show", &r]));
    let text = String::from_utf8_lossy(&shown.stdout);
    assert!(
        text.contains("^[[2J"),
        "the escape is shown as text: {text}"
    );
    assert!(text.contains("akhir"), "{text}");
    run(&desk, &strs(&["list", "--stage", "all"]));
    run(&desk, &strs(&["search", "akhir"]));
    run(&desk, &strs(&["forward", &r]));

    // JSON: harmless on the terminal, and the data is whole for a program.
    let out = run(&desk, &strs(&["--json", "show", &r]));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["subject"], STORED);
    let raw = String::from_utf8_lossy(&out.stdout);
    assert!(raw.contains("\\u009b") && raw.contains("\\u202e"), "{raw}");
    let out = run(&desk, &strs(&["--json", "list", "--stage", "all"]));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["applicant"]["name"], STORED);
}

#[test]
fn bcare_text_reaches_no_terminal_through_outbox_or_forward_wait() {
    let body = serde_json::json!({ "error": format!("{STORED} {}", "x".repeat(3000)) }).to_string();
    let (url, _) = bcare_support::scripted(vec![
        bcare_support::answer("503 Service Unavailable", &[("Retry-After", "1")], &body),
        bcare_support::answer("422 Unprocessable Entity", &[], &body),
    ]);
    let desk = Desk::with_config(
        &format!("[bcare]\nclient = \"http\"\nurl = \"{url}\"\ntimeout_secs = 2\n"),
        desk_binary::FRIDAY_MORNING,
    );
    let r = desk.intake(&[]);
    let out = run(&desk, &strs(&["forward", &r, "--wait", "4"]));
    assert!(!out.status.success(), "a refused report is an error");
    run(&desk, &strs(&["outbox"]));
    run(&desk, &strs(&["--json", "outbox"]));
    // Past the cleaning on the way in: hostile text written straight into the row.
    let conn = rusqlite::Connection::open(desk.db()).unwrap();
    conn.execute(
        "UPDATE outbox SET last_error = ?1, state = 'failed'",
        [STORED],
    )
    .unwrap();
    let out = run(&desk, &strs(&["outbox"]));
    assert!(String::from_utf8_lossy(&out.stdout).contains("akhir"));
    let out = run(&desk, &strs(&["--json", "outbox"]));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["last_error"], STORED);
    run(&desk, &strs(&["outbox", "retry", &r]));
    run(&desk, &strs(&["show", &r]));
}

/// Mistyped paths, through every command that opens the database: each is refused
/// in one line naming the path, and nothing is made (no folder, no file, no log).
#[test]
fn mistyped_paths_are_refused_by_name_through_every_command_and_make_nothing() {
    let desk = Desk::new();
    desk.intake(&[]);
    let dir = desk.dir.path();
    let file = |n: &str| dir.join(n).display().to_string();
    let mut opening = desk_binary::commands_needing_the_database(dir);
    // `migrate` copies from a file only: the store's tests hold its source.
    opening.retain(|a| a[0] != "migrate");
    opening.extend([
        strs(&intake_args(EMPLOYEE, &[])),
        strs(&["demo", "--count", "2"]),
        vec![],
    ]);
    let opening_none = [
        strs(&["sla", "--start", "2026-11-27 09:00"]),
        strs(&["calendar"]),
        strs(&["config"]),
    ];
    let folder = file("sebuah-folder");
    std::fs::create_dir(&folder).unwrap();
    // A command that creates names the folder; one that reads, the file in it.
    let (missing_folder, its_folder) = (file("tidak/ada/desk.db"), file("tidak/ada"));
    let libpq = format!(
        "host={} port=1 dbname=bcare password=Rahasia",
        file("tidak")
    );
    let missing_config = file("konfig-salah.toml");
    let cases: [(&str, &str, &str, bool); 5] = [
        ("--db", &missing_folder, &its_folder, false),
        ("--db", "/dev/null", "/dev/null", true),
        ("--db", &folder, &folder, true),
        ("--db", &libpq, "dbname=bcare", false),
        ("--config", &missing_config, &missing_config, true),
    ];
    let mut ran = 0;
    for (flag, value, named, every_command) in cases {
        let commands = opening
            .iter()
            .chain(opening_none.iter().filter(|_| every_command));
        for args in commands {
            let before = desk.files();
            let mut all = strs(&[flag, value]);
            all.extend(args.iter().cloned());
            let out = desk
                .cmd()
                .current_dir(dir)
                .args(&all)
                .timeout(std::time::Duration::from_secs(20))
                .output()
                .unwrap();
            let err = String::from_utf8_lossy(&out.stderr).to_string();
            assert!(!out.status.success(), "{all:?} succeeded");
            assert_eq!(err.trim().lines().count(), 1, "{all:?}: {err}");
            assert!(err.contains(named), "{all:?}: {err}");
            assert!(!err.contains("Rahasia"), "{all:?}: {err}");
            assert_harmless(&format!("{all:?}"), &out.stderr);
            assert_eq!(desk.files(), before, "{all:?} made something");
            ran += 1;
        }
    }
    assert!(ran >= 5 * 23, "{ran}");
    assert!(!std::path::Path::new("/dev/null-journal").exists());
}

// Every test here runs on a SQLite file and on a PostgreSQL database.
on_both! {
    #[test]
    fn hostile_arguments_reach_no_terminal_through_any_command() {
        let desk = Desk::new();
        let r = desk.intake(&[]);
        let r2 = desk.intake(&[]);
        let dir = desk.dir.path().to_string_lossy().to_string();
        let mut ran = 0;
        for h in hostile_args() {
            let h = h.as_str();
            let table: Vec<Vec<&str>> = vec![
                vec!["show", h],
                vec!["list", "--stage", h],
                vec!["list", "--category", h],
                vec!["list", "--limit", h],
                vec!["search", h],
                vec!["forward", h],
                vec!["forward", h, "--wait", "1"],
                vec!["ticket", h, "A0254EB2B1"],
                vec!["ticket", &r2, h],
                vec!["link", h, "--ticket", "A0254EB2B1"],
                vec!["link", &r2, "--ticket", h],
                vec!["link", &r2, "--to", h],
                vec!["handover", h, "--via", "telepon"],
                vec!["handover", &r, "--via", h],
                vec!["resolve", h, "--note", h],
                vec!["cancel", h, "--reason", h],
                vec!["sla", "--start", h],
                vec!["sla", "--start", "2026-11-27 09:00", "--hours", h],
                vec!["calendar", "--year", h],
                vec!["demo", "--count", h],
                vec!["outbox", "retry", h],
                vec!["simulate", "--listen", h],
                vec!["simulate", "--fail-rate", h],
                vec!["--lang", h, "list"],
                vec!["list", h],
                vec![h],
            ];
            for args in table {
                run(&desk, &strs(&args));
                ran += 1;
            }
            // Paths: a backup target and a database that cannot be made.
            let bad_path = format!("{dir}/tidak/ada/{h}");
            run(&desk, &strs(&["backup", &bad_path]));
            run(&desk, &strs(&["--db", &bad_path, "list"]));
            run(&desk, &strs(&["--config", &bad_path, "config"]));
            // Every intake field, one at a time.
            for field in [
                "--name",
                "--kind",
                "--org",
                "--nip",
                "--npwp",
                "--nib",
                "--phone",
                "--email",
                "--channel",
                "--category",
                "--subject",
                "--description",
                "--user-id",
                "--aju",
                "--doc-type",
                "--doc-status",
                "--doc-submitted-at",
                "--attach",
                "--received-at",
            ] {
                let mut args = strs(&intake_args(EMPLOYEE, &[]));
                args.extend(strs(&[field, h]));
                run(&desk, &args);
                args.push("--json".into());
                run(&desk, &args);
                ran += 2;
            }
        }
        // The commands that take no text still run clean after all that.
        for args in [
            vec!["list", "--stage", "all"],
            vec!["check"],
            vec!["config"],
            vec!["calendar"],
            vec!["outbox"],
            vec!["--json", "list", "--stage", "all"],
            vec!["search", "merah"],
        ] {
            run(&desk, &strs(&args));
        }
        assert!(ran > 300, "{ran}");
    }
    #[test]
    fn a_hostile_officer_name_in_the_config_is_printed_as_text() {
        let toml_escaped = "\\u001b[2J\\u001b]52;c;aGk=\\u0007\\u009b31m\\u202eEvil\\u0000";
        let desk = Desk::with_config(
            &format!("[officer]\nname = \"{toml_escaped}\"\n"),
            desk_binary::FRIDAY_MORNING,
        );
        let out = run(&desk, &strs(&["config"]));
        assert!(String::from_utf8_lossy(&out.stdout).contains("Evil"));
        let out = run(&desk, &strs(&["--json", "config"]));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(v["officer"].as_str().unwrap().contains("\u{202e}Evil"));
        // The name goes on every event: shown through `show` too.
        let r = desk.intake(&[]);
        run(&desk, &strs(&["show", &r]));
        // A config the parser refuses echoes its line: still harmless.
        let bad = Desk::with_config(
            &format!("[desk]\n\"{toml_escaped}\" = 1\n"),
            desk_binary::FRIDAY_MORNING,
        );
        let out = run(&bad, &strs(&["list"]));
        assert!(!out.status.success());
    }
}
