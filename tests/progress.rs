//! Long commands say how far they are, on stderr, to a person at a terminal only:
//! in tmux a `demo` shows what it is doing, how far and the time left; piped, or
//! with `--json`, the long commands print their result and nothing else.

mod desk_binary;
mod support;
mod tui_support;

use desk_binary::Desk;
use std::time::Duration;
use tui_support::{Session, have_tmux};

/// What a progress line carries: the demo's words, the bar, the share, the time left.
const PROGRESS_WORDS: [&str; 5] = ["writing sample", "menulis contoh", "[=", "%)", " left"];

#[test]
fn piped_long_commands_print_their_result_and_no_progress() {
    let desk = Desk::new();
    let dir = desk.dir.path();
    let export = dir.join("semua.csv");
    let copy = dir.join("salinan.db");
    let runs: [Vec<String>; 6] = [
        vec!["demo".into(), "--count".into(), "3000".into()],
        vec![
            "--json".into(),
            "demo".into(),
            "--count".into(),
            "500".into(),
            "--force".into(),
        ],
        vec![
            "export".into(),
            "--format".into(),
            "csv".into(),
            export.display().to_string(),
        ],
        vec!["backup".into(), copy.display().to_string()],
        vec!["purge".into(), "--dry-run".into()],
        vec!["--lang".into(), "en".into(), "purge".into()],
    ];
    for args in runs {
        let out = desk.cmd().args(&args).assert().success();
        let out = out.get_output();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr, "", "{args:?} wrote to stderr");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            !stdout.contains('\r') && !stdout.contains('\u{1b}'),
            "{args:?}: {stdout:?}"
        );
        for w in PROGRESS_WORDS {
            assert!(!stdout.contains(w), "{args:?}: {w:?} in {stdout}");
        }
    }
}

/// Starts `args` on a fresh database in a tmux window 100 columns wide.
fn in_terminal(name: &str, dir: &std::path::Path, args: &str) -> Session {
    let bin = env!("CARGO_BIN_EXE_bcare-desk");
    // A named config must exist: an empty one is the defaults.
    std::fs::write(dir.join("config.toml"), "").unwrap();
    let command = format!(
        "env TERM=xterm-256color NO_COLOR=1 BCARE_DESK_NOW=2026-11-27T01:00:00Z '{bin}' --db '{}' \
         --config '{}' {args}; echo SELESAI; sleep 60",
        dir.join("desk.db").display(),
        dir.join("config.toml").display(),
    );
    Session::start_sized(
        &format!("{name}-{}", std::process::id()),
        &command,
        (100, 10),
    )
}

#[test]
fn a_demo_at_a_terminal_shows_what_it_does_how_far_and_the_time_left() {
    if !have_tmux() {
        eprintln!("SKIPPED: tmux is not installed; the terminal half needs it");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let s = in_terminal("progress-bar", dir.path(), "--lang en demo --count 200000");
    let screen = s.wait_for("/200,000");
    let line = screen.lines().find(|l| l.contains("/200,000")).unwrap();
    assert!(
        line.starts_with("writing sample complaints [") && line.ends_with(" left"),
        "{line}"
    );
    drop(s);

    // The same in Indonesian, and nothing of it with --json at the same terminal.
    let dir = tempfile::tempdir().unwrap();
    let s = in_terminal("progress-id", dir.path(), "demo --count 200000");
    s.wait_for("menulis contoh pengaduan");
    drop(s);
    let dir = tempfile::tempdir().unwrap();
    let s = in_terminal("progress-json", dir.path(), "--json demo --count 20000");
    s.wait_for_screen("SELESAI", Duration::from_secs(120), |screen| {
        for w in PROGRESS_WORDS {
            assert!(!screen.contains(w), "{w:?} with --json: {screen}");
        }
        screen.contains("SELESAI").then(|| {
            assert!(screen.contains("\"inserted\": 20000"), "{screen}");
        })
    });
}
