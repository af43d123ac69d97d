//! What the Debian package is built from: the manual pages and completions the
//! command line makes (kept under assets/), the example config and the service.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn desk() -> Command {
    Command::cargo_bin("bcare-desk").unwrap()
}

fn assets() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets")
}

fn files(dir: &Path) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (p.file_name().unwrap().to_string_lossy().into_owned(), text)
        })
        .collect();
    out.sort();
    out
}

const REGENERATE: &str = "run: cargo run -- manpage assets/man; and for each of bash, zsh, fish: cargo run -- completions SHELL > assets/completions/FILE";

#[test]
fn the_kept_manual_pages_are_what_the_command_line_makes() {
    let dir = tempfile::tempdir().unwrap();
    desk().arg("manpage").arg(dir.path()).assert().success();
    for sub in ["man1", "id/man1"] {
        let made = files(&dir.path().join(sub));
        let kept = files(&assets().join("man").join(sub));
        let names = |v: &[(String, String)]| v.iter().map(|f| f.0.clone()).collect::<Vec<_>>();
        assert_eq!(names(&kept), names(&made), "{sub}: {REGENERATE}");
        for (k, m) in kept.iter().zip(&made) {
            assert!(k.1 == m.1, "{sub}/{} differs: {REGENERATE}", k.0);
        }
        assert!(made.iter().any(|f| f.0 == "bcare-desk-intake.1"), "{sub}");
        assert!(
            !made.iter().any(|f| f.0.contains("manpage")),
            "the hidden commands have no page"
        );
    }
}

#[test]
fn the_indonesian_pages_speak_indonesian_and_the_english_english() {
    let id = std::fs::read_to_string(assets().join("man/id/man1/bcare-desk-intake.1")).unwrap();
    assert!(
        id.contains(".SH NAMA") && id.contains("Mencatat pengaduan"),
        "{id}"
    );
    assert!(
        id.contains("Nama pemohon") && !id.contains("Print help"),
        "{id}"
    );
    let en = std::fs::read_to_string(assets().join("man/man1/bcare-desk-intake.1")).unwrap();
    assert!(
        en.contains(".SH NAME") && en.contains("Record a complaint"),
        "{en}"
    );
}

#[test]
fn the_kept_completions_are_what_the_command_line_makes() {
    for (shell, file) in [
        ("bash", "bcare-desk"),
        ("zsh", "_bcare-desk"),
        ("fish", "bcare-desk.fish"),
    ] {
        let out = desk().args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}");
        let made = String::from_utf8(out.stdout).unwrap();
        let kept = std::fs::read_to_string(assets().join("completions").join(file)).unwrap();
        assert!(made == kept, "{file} differs: {REGENERATE}");
        assert!(
            made.contains("intake") && made.contains("handover"),
            "{shell}"
        );
    }
}

#[test]
fn the_installed_example_config_changes_nothing() {
    let text = std::fs::read_to_string(assets().join("config.example.toml")).unwrap();
    let live: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .collect();
    assert!(live.is_empty(), "lines not commented out: {live:?}");
}

#[test]
fn the_worker_service_runs_outbox_deliver_as_its_own_user_with_the_database_from_etc() {
    let unit = std::fs::read_to_string(assets().join("debian/bcare-desk-deliver.service")).unwrap();
    for line in [
        "ExecStart=/usr/bin/bcare-desk outbox deliver",
        "EnvironmentFile=/etc/bcare-desk/env",
        "DynamicUser=yes",
        "StateDirectory=bcare-desk",
    ] {
        assert!(
            unit.lines().any(|l| l.starts_with(line)),
            "{line} missing:\n{unit}"
        );
    }
}

#[test]
fn config_says_which_file_it_used() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("c.toml");
    std::fs::write(&cfg, "").unwrap();
    let run = |env: bool, flag: bool| {
        let mut c = desk();
        c.env("HOME", dir.path())
            .env_remove("XDG_CONFIG_HOME")
            .env_remove("BCARE_DESK_CONFIG");
        c.arg("config")
            .args(["--lang", "en", "--db"])
            .arg(dir.path().join("d.db"));
        if env {
            c.env("BCARE_DESK_CONFIG", &cfg);
        }
        if flag {
            c.arg("--config").arg(&cfg);
        }
        let out = c.output().unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .to_string()
    };
    assert!(
        run(false, true).ends_with("c.toml (from --config)"),
        "{}",
        run(false, true)
    );
    assert!(
        run(true, false).ends_with("c.toml (from BCARE_DESK_CONFIG)"),
        "{}",
        run(true, false)
    );
}
