//! A screen that never waits: another process holds the database's write lock
//! for over three seconds while the officer saves a complaint. The desk says it
//! is saving and counts the seconds, typing shows as it is typed, a second Enter is
//! refused instead of filing the complaint twice, and the save lands once the
//! lock is let go.

mod support;
mod tui_support;

use std::process::Command;
use std::time::{Duration, Instant};
use tui_support::{empty_desk, type_employee_intake};

#[test]
fn a_held_database_slows_the_save_but_never_the_screen() {
    let Some(d) = empty_desk("bcare-held") else {
        return;
    };
    let s = &d.session;
    // Another process takes the write lock, as a long `backup` or import would.
    let holder = rusqlite::Connection::open(&d.db).expect("a second connection");
    holder
        .execute_batch("BEGIN IMMEDIATE;")
        .expect("taking the write lock");
    let held_since = Instant::now();

    type_employee_intake(s, "Andi Wijaya");
    s.wait_for_screen("the saving mark", Duration::from_secs(5), |screen| {
        screen.contains("⏳ saving…").then_some(())
    });
    // Keys stay live: what is typed shows while the save waits.
    s.text(" Still.");
    s.wait_for("morning. Still.");
    // The second Enter of an impatient officer: refused, not a second complaint.
    s.keys(&["Enter"]);
    s.wait_for("still being saved");
    // The mark counts the seconds (the screen redraws by itself).
    s.wait_for_screen("the mark to count", Duration::from_secs(5), |screen| {
        screen.contains("⏳ saving… 2 s").then_some(())
    });
    support::wait_for("three seconds of holding", Duration::from_secs(5), || {
        (held_since.elapsed() >= Duration::from_secs(3)).then_some(())
    });
    let screen = s.screen();
    assert!(!screen.contains("Saved as"), "nothing saved yet:\n{screen}");

    holder
        .execute_batch("COMMIT;")
        .expect("letting the lock go");
    s.wait_for("Saved as ADU-");
    s.wait_for_screen("the mark to go", Duration::from_secs(5), |screen| {
        (!screen.contains('⏳')).then_some(())
    });

    // One complaint on file, not two.
    let out = Command::new(env!("CARGO_BIN_EXE_bcare-desk"))
        .args(["--db"])
        .arg(&d.db)
        .args(["--config"])
        .arg(&d.config)
        .args(["--lang", "en", "list", "--stage", "all"])
        .output()
        .expect("running list");
    let listed = String::from_utf8_lossy(&out.stdout);
    assert_eq!(listed.matches("ADU-").count(), 1, "{listed}");
}
