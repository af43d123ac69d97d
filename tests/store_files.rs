//! The database file under hostile conditions, through the real binary: other
//! programs' files, read-only files, odd headers, several writers at once.

mod desk_binary;

use desk_binary::{Desk, IMPORTER, intake_args};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

fn stderr_of(desk: &Desk, args: &[&str]) -> String {
    let out = desk.cmd().args(args).assert().failure();
    String::from_utf8_lossy(&out.get_output().stderr).to_string()
}

#[test]
fn a_read_only_file_is_read_but_never_written_or_chmodded() {
    let desk = Desk::new();
    let r = desk.intake(&[]);
    std::fs::set_permissions(desk.db(), std::fs::Permissions::from_mode(0o400)).unwrap();
    let before = std::fs::read(desk.db()).unwrap();
    for args in [
        vec!["list"],
        vec!["show", r.as_str()],
        vec!["search", "Andi"],
        vec!["outbox"],
        vec!["check"],
    ] {
        desk.cmd().args(&args).assert().success();
    }
    let list = desk.json(&["list"]);
    assert_eq!(list[0]["ref"], r.as_str());
    // A writing command says so in one line naming the file, and changes nothing.
    let err = desk.refused(&["cancel", &r, "--reason", "dobel"]);
    assert!(err.contains(&desk.db().display().to_string()), "{err}");
    assert!(err.contains("read-only"), "{err}");
    assert!(
        !err.contains("Error code") && !err.contains("os error"),
        "{err}"
    );
    assert_eq!(mode(&desk.db()), 0o400);
    assert_eq!(std::fs::read(desk.db()).unwrap(), before);
}

#[test]
fn another_programs_database_is_refused_in_one_line_and_left_alone() {
    let desk = Desk::new();
    std::fs::create_dir_all(desk.db().parent().unwrap()).unwrap();
    let conn = rusqlite::Connection::open(desk.db()).unwrap();
    conn.execute_batch(
        "CREATE TABLE inventaris (barang TEXT); INSERT INTO inventaris VALUES ('printer');",
    )
    .unwrap();
    drop(conn);
    let before = std::fs::read(desk.db()).unwrap();
    for args in [&["list"][..], &["intake", "--name", "Andi"][..]] {
        let err = stderr_of(&desk, args);
        assert_eq!(err.trim().lines().count(), 1, "{err}");
        assert!(err.contains(&desk.db().display().to_string()), "{err}");
        assert!(err.contains("milik program lain"), "{err}");
    }
    assert_eq!(
        std::fs::read(desk.db()).unwrap(),
        before,
        "the file was changed"
    );
}

#[test]
fn a_negative_schema_version_is_refused() {
    let desk = Desk::new();
    desk.intake(&[]);
    rusqlite::Connection::open(desk.db())
        .unwrap()
        .pragma_update(None, "user_version", -1)
        .unwrap();
    for args in [&["list"][..], &["check"][..]] {
        let err = stderr_of(&desk, args);
        assert_eq!(err.trim().lines().count(), 1, "{err}");
        assert!(err.contains("versi skema -1"), "{err}");
    }
    desk.refused(&["cancel", "ADU-2026-00001", "--reason", "dobel"]);
}

#[test]
fn an_empty_file_becomes_a_desk() {
    let desk = Desk::new();
    std::fs::create_dir_all(desk.db().parent().unwrap()).unwrap();
    std::fs::write(desk.db(), b"").unwrap();
    std::fs::set_permissions(desk.db(), std::fs::Permissions::from_mode(0o600)).unwrap();
    assert_eq!(desk.intake(&[]), "ADU-2026-00001");
    assert_eq!(desk.rows(), (1, 1));
}

#[test]
fn a_file_others_can_read_is_warned_about_not_chmodded() {
    let desk = Desk::new();
    desk.intake(&[]);
    std::fs::set_permissions(desk.db(), std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = desk.cmd().arg("list").assert().success();
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.contains("chmod 600") && err.contains("644"), "{err}");
    desk.intake(&[]);
    assert_eq!(mode(&desk.db()), 0o644, "the owner's choice stands");
}

/// The real binary with the harness's environment, for a thread of its own.
fn binary(desk: &Desk) -> std::process::Command {
    let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("bcare-desk"));
    c.env_clear()
        .env("HOME", desk.dir.path())
        .env("BCARE_DESK_DB", desk.db())
        .env("BCARE_DESK_CONFIG", desk.config())
        .env("BCARE_DESK_NOW", &desk.now)
        .env("USER", "petugas.pdad");
    c
}

/// The importer's intake, printed as JSON.
fn intake() -> Vec<&'static str> {
    intake_args(IMPORTER, &["--json", "--name", "Budi"])
}

#[test]
fn several_processes_and_a_demo_writing_at_once_all_succeed_with_gap_free_references() {
    const PROCESSES: usize = 3;
    const EACH: usize = 50;
    let desk = Desk::new();
    desk.intake(&[]);
    let writers: Vec<_> = (0..PROCESSES)
        .map(|_| {
            let mut cmd = binary(&desk);
            cmd.args(intake());
            std::thread::spawn(move || {
                let mut refs = Vec::new();
                for _ in 0..EACH {
                    let out = cmd.output().unwrap();
                    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
                    assert!(out.status.success(), "a writer was refused: {stderr}");
                    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
                    refs.push(j["ref"].as_str().unwrap().to_string());
                }
                refs
            })
        })
        .collect();
    // A demo loading sample complaints in batches at the same time.
    let demo = binary(&desk)
        .args(["demo", "--count", "3000", "--force"])
        .output()
        .unwrap();
    assert!(
        demo.status.success(),
        "the demo was refused: {}",
        String::from_utf8_lossy(&demo.stderr)
    );
    let mut refs: Vec<String> = writers
        .into_iter()
        .flat_map(|w| w.join().unwrap())
        .collect();
    refs.sort();
    refs.dedup();
    assert_eq!(refs.len(), PROCESSES * EACH, "a reference was given twice");
    assert_eq!(desk.rows().0 as usize, PROCESSES * EACH + 1 + 3000);
    // Within each year the numbers run 1, 2, 3… without a gap.
    let conn = rusqlite::Connection::open(desk.db()).unwrap();
    let years: Vec<(i64, i64, i64)> = conn
        .prepare("SELECT ref_year, COUNT(*), MAX(ref_seq) FROM complaints GROUP BY ref_year")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    for (year, count, max) in years {
        assert_eq!(count, max, "gap in the references of {year}");
    }
}

/// Files in `dir` whose name starts with `prefix`.
fn files_starting(dir: &Path, prefix: &str) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(prefix))
        .collect()
}

fn count_and_check(copy: &Path) -> (i64, String) {
    let conn = rusqlite::Connection::open(copy).unwrap();
    let n = conn
        .query_row("SELECT COUNT(*) FROM complaints", [], |r| r.get(0))
        .unwrap();
    let ok = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    (n, ok)
}

#[test]
fn a_backup_finishes_while_another_process_writes() {
    let desk = Desk::new();
    desk.cmd()
        .args(["demo", "--count", "5000"])
        .assert()
        .success();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let (first_written, going) = std::sync::mpsc::channel();
    let writer = {
        let stop = stop.clone();
        let mut cmd = binary(&desk);
        cmd.args(intake());
        std::thread::spawn(move || {
            let mut written = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let out = cmd.output().unwrap();
                assert!(
                    out.status.success(),
                    "{}",
                    String::from_utf8_lossy(&out.stderr)
                );
                written += 1;
                let _ = first_written.send(());
            }
            written
        })
    };
    // Once the writer has written, back up twice while it writes on.
    going
        .recv_timeout(std::time::Duration::from_secs(60))
        .expect("the writer's first intake");
    let mut copies = Vec::new();
    for name in ["salinan-1.db", "salinan-2.db"] {
        let copy = desk.dir.path().join(name);
        let started = std::time::Instant::now();
        desk.cmd().arg("backup").arg(&copy).assert().success();
        assert!(started.elapsed() < std::time::Duration::from_secs(60));
        copies.push(copy);
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let written = writer.join().unwrap();
    assert!(written > 0, "the writer wrote nothing during the backups");
    for copy in &copies {
        let (n, ok) = count_and_check(copy);
        assert_eq!(ok, "ok");
        assert!(n >= 5000, "{n}");
        assert_eq!(mode(copy), 0o600);
    }
    assert!(files_starting(desk.dir.path(), ".salinan").is_empty());
}

#[test]
fn a_killed_backup_leaves_no_file_that_opens_as_a_database() {
    let desk = Desk::new();
    desk.cmd()
        .args(["demo", "--count", "5000"])
        .assert()
        .success();
    let copy = desk.dir.path().join("salinan.db");
    let mut killed_mid_copy = 0;
    // Killed at random moments of the copy, as the crash harness kills: the copy
    // is too quick to be caught at a given size by polling.
    for delay_ms in (0..20).map(|i| 10 + i * 15) {
        let _ = std::fs::remove_file(&copy);
        let mut child = binary(&desk)
            .arg("backup")
            .arg(&copy)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        child.kill().unwrap(); // SIGKILL
        let status = child.wait().unwrap();
        if copy.exists() {
            // It finished before the kill: the copy is whole.
            assert!(status.success() || status.code().is_none());
            assert_eq!(count_and_check(&copy), (5000, "ok".to_string()));
        } else if !files_starting(desk.dir.path(), ".salinan.db.").is_empty() {
            killed_mid_copy += 1;
        }
    }
    assert!(killed_mid_copy > 0, "no kill landed during a copy");
    // The next backup under that name clears what the killed ones left.
    let _ = std::fs::remove_file(&copy);
    desk.cmd().arg("backup").arg(&copy).assert().success();
    assert_eq!(count_and_check(&copy), (5000, "ok".to_string()));
    assert!(files_starting(desk.dir.path(), ".salinan.db.").is_empty());
}

#[test]
fn a_writer_kept_waiting_too_long_says_so_in_one_line_naming_the_file() {
    let desk = Desk::new();
    let r = desk.intake(&[]);
    // Another program holds the write lock past the 10 s the desk waits.
    let conn = rusqlite::Connection::open(desk.db()).unwrap();
    conn.execute_batch("BEGIN IMMEDIATE").unwrap();
    let started = std::time::Instant::now();
    let err = desk.refused(&["cancel", &r, "--reason", "dobel"]);
    assert!(
        started.elapsed() >= std::time::Duration::from_secs(4),
        "it did not wait"
    );
    assert!(err.contains(&desk.db().display().to_string()), "{err}");
    assert!(
        err.contains("sibuk") && !err.contains("Error code"),
        "{err}"
    );
    // Reading goes on meanwhile.
    desk.cmd().args(["show", &r]).assert().success();
    conn.execute_batch("ROLLBACK").unwrap();
    let d = std::path::PathBuf::from(desk.dir.path());
    let err = stderr_of(&desk, &["backup", &d.display().to_string()]);
    assert!(
        err.contains("sudah ada") && err.trim().lines().count() == 1,
        "{err}"
    );
}

#[test]
fn a_command_that_needs_the_database_fails_on_a_mistyped_path_and_makes_nothing() {
    let desk = Desk::new();
    let dir = desk.dir.path();
    for db in [dir.join("tidak/ada/desk.db"), dir.join("salah-ketik.db")] {
        for args in desk_binary::commands_needing_the_database(dir) {
            let before = desk.files();
            let out = desk
                .cmd()
                .current_dir(dir)
                .arg("--db")
                .arg(&db)
                .args(&args)
                .assert()
                .failure();
            let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
            assert_eq!(err.trim().lines().count(), 1, "{args:?}: {err}");
            assert!(err.contains(&db.display().to_string()), "{args:?}: {err}");
            assert_eq!(desk.files(), before, "{args:?} on {}", db.display());
        }
    }
    // In the officer's language, from the catalog.
    let typo = dir.join("salah-ketik.db");
    let err = stderr_of(&desk, &["--db", &typo.display().to_string(), "list"]);
    assert!(err.contains("tidak ada database bcare-desk"), "{err}");
    let err = stderr_of(
        &desk,
        &["--db", &typo.display().to_string(), "--lang", "en", "list"],
    );
    assert!(err.contains("no bcare-desk database there"), "{err}");
}

#[test]
fn a_command_that_creates_makes_the_file_but_never_a_mistyped_folder() {
    let desk = Desk::new();
    let dir = desk.dir.path();
    // The default data folder is the desk's own: a first intake makes it, private.
    assert!(!desk.data_dir().exists());
    desk.intake(&[]);
    assert_eq!(mode(&desk.data_dir()), 0o700);
    assert_eq!(mode(&desk.db()), 0o600);
    // A mistyped folder is refused by name, by every command that creates.
    let folder = dir.join("tidak/ada");
    let typo = folder.join("desk.db").display().to_string();
    let before = desk.files();
    for args in [&intake()[..], &["demo", "--count", "3"][..], &[][..]] {
        let out = desk
            .cmd()
            .args(["--db", &typo])
            .args(args)
            .assert()
            .failure();
        let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        assert_eq!(err.trim().lines().count(), 1, "{args:?}: {err}");
        assert!(
            err.contains(&folder.display().to_string()),
            "{args:?}: {err}"
        );
        assert!(err.contains("folder"), "{args:?}: {err}");
        assert_eq!(desk.files(), before, "{args:?} made something");
    }
    // In a folder that exists, the file is made.
    let here = dir.join("kantor.db");
    desk.cmd()
        .arg("--db")
        .arg(&here)
        .args(["demo", "--count", "3"])
        .assert()
        .success();
    assert_eq!(mode(&here), 0o600);
}

#[test]
fn a_database_path_that_is_not_a_regular_file_is_refused_for_every_command() {
    let desk = Desk::new();
    let dir = desk.dir.path();
    let folder = dir.join("sebuah-folder");
    std::fs::create_dir(&folder).unwrap();
    let dev_made = ["/dev/null-journal", "/dev/null-wal", "/dev/bcare-desk.log"]
        .map(|p| Path::new(p).exists());
    let mut every: Vec<Vec<String>> = desk_binary::commands_needing_the_database(dir);
    for args in [
        &intake()[..],
        &["demo", "--count", "3"][..],
        &["sla", "--start", "2026-11-27 09:00"][..],
        &["calendar"][..],
        &["config"][..],
        &[][..],
    ] {
        every.push(args.iter().map(|s| s.to_string()).collect());
    }
    for db in [Path::new("/dev/null"), &folder] {
        for args in &every {
            let before = desk.files();
            let out = desk.cmd().arg("--db").arg(db).args(args).assert().failure();
            let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
            assert_eq!(err.trim().lines().count(), 1, "{args:?}: {err}");
            assert!(err.contains(&db.display().to_string()), "{args:?}: {err}");
            assert!(err.contains("bukan berkas biasa"), "{args:?}: {err}");
            assert_eq!(desk.files(), before, "{args:?} on {}", db.display());
        }
    }
    let dev_now = ["/dev/null-journal", "/dev/null-wal", "/dev/bcare-desk.log"]
        .map(|p| Path::new(p).exists());
    assert_eq!(dev_now, dev_made, "a file was made in /dev");
}

#[test]
fn on_postgres_a_command_that_needs_the_database_never_sets_up_an_empty_one() {
    desk_binary::on_postgres("needs_the_database", || {
        let desk = Desk::new();
        let url = desk.url.clone().unwrap();
        let tables = || -> i64 {
            let mut c = postgres::Client::connect(&url, postgres::NoTls).unwrap();
            c.query_one(
                "SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema()",
                &[],
            )
            .unwrap()
            .get(0)
        };
        for args in desk_binary::commands_needing_the_database(desk.dir.path()) {
            if args[0] == "migrate" {
                continue;
            }
            let out = desk.cmd().args(&args).assert().failure();
            let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
            assert_eq!(err.trim().lines().count(), 1, "{args:?}: {err}");
            assert!(err.contains("tabel bcare-desk"), "{args:?}: {err}");
            assert_eq!(tables(), 0, "{args:?} set the database up");
        }
        // A command that creates sets it up.
        desk.intake(&[]);
        assert!(tables() > 0);
    });
}

#[test]
fn no_log_is_written_beside_a_database_that_is_not_there() {
    let desk = Desk::new();
    let log = desk.data_dir().join("bcare-desk.log");
    desk.cmd().arg("list").assert().failure();
    assert!(!log.exists() && !desk.data_dir().exists());
    desk.intake(&[]);
    assert!(log.exists(), "a desk that works keeps its log");
}
