//! The real binary in a real terminal: tmux runs the desk against a temporary
//! database with the simulated BCare client, keys go in with send-keys and the
//! screen is read back with capture-pane. From an empty queue through intake,
//! forward, receipt of the ticket number and handover.

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

struct Session {
    name: String,
}

fn tmux(args: &[&str]) -> Output {
    Command::new("tmux")
        .args(args)
        .output()
        .expect("running tmux")
}

impl Session {
    fn start(name: &str, command: &str) -> Session {
        let out = tmux(&[
            "new-session",
            "-d",
            "-s",
            name,
            "-x",
            "120",
            "-y",
            "36",
            command,
        ]);
        assert!(
            out.status.success(),
            "tmux new-session: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Session { name: name.into() }
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", &self.name];
        args.extend_from_slice(keys);
        assert!(tmux(&args).status.success());
        // Give the desk a moment: each key is its own event, as when typed.
        std::thread::sleep(Duration::from_millis(60));
    }

    fn text(&self, text: &str) {
        assert!(
            tmux(&["send-keys", "-t", &self.name, "-l", text])
                .status
                .success()
        );
        std::thread::sleep(Duration::from_millis(60));
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&tmux(&["capture-pane", "-p", "-t", &self.name]).stdout)
            .into_owned()
    }

    /// Polls the screen until it shows `what` (up to 10 s).
    fn wait_for(&self, what: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let screen = self.screen();
            if screen.contains(what) {
                return screen;
            }
            if Instant::now() > deadline {
                panic!("waited 10 s for {what:?}; the screen shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // Always clean up, even when an assertion failed.
        let _ = tmux(&["kill-session", "-t", &self.name]);
    }
}

fn have_tmux() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn write_config(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("config.toml");
    std::fs::write(
        &path,
        "[officer]\nname = \"petugas-e2e\"\n\n[bcare]\nclient = \"sim\"\nsim_delay_ms = 50\n",
    )
    .unwrap();
    path
}

/// Fills the intake form for an employee who cannot log in, and saves it.
fn intake(s: &Session, name: &str) {
    s.keys(&["n"]);
    s.wait_for("New complaint");
    s.keys(&["Right", "Tab"]);
    s.text(name);
    s.keys(&["Tab"]);
    s.text("198501012010011001");
    s.keys(&["Tab", "Tab", "Tab", "Tab"]);
    s.text("081234567890");
    s.keys(&["Tab", "Tab", "Right", "Tab", "Left", "Tab"]);
    s.text("Cannot log in to CEISA");
    s.keys(&["Tab"]);
    s.text("Account locked since this morning.");
    s.keys(&["C-s"]);
    s.wait_for("Saved as ADU-");
    s.wait_for("Received");
}

/// The ticket number in the worker's notice: "…: BCare gave ticket number X."
fn ticket_on(screen: &str) -> String {
    let (_, rest) = screen
        .split_once("BCare gave ticket number ")
        .expect("the delivery notice");
    let ticket: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    assert_eq!(ticket.len(), 10, "a CEISA Care-shaped number: {ticket}");
    ticket
}

#[test]
fn from_an_empty_queue_to_a_handed_over_ticket() {
    if !have_tmux() {
        eprintln!("SKIPPED: tmux is not installed; the end-to-end test needs it");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    let config = write_config(dir.path());
    let bin = env!("CARGO_BIN_EXE_bcare-desk");
    let name = format!("bcare-e2e-{}", std::process::id());
    let command = format!(
        "env TERM=xterm-256color NO_COLOR=1 '{bin}' --db '{}' --config '{}' --lang en",
        db.display(),
        config.display()
    );
    let s = Session::start(&name, &command);

    s.wait_for("No complaints here yet.");
    s.wait_for("BCare: sim");

    // Intake
    intake(&s, "Andi Wijaya");

    // Forward: the report goes to the outbox, and the worker files it with the
    // simulated BCare in the background; its ticket number comes back on screen.
    s.keys(&["f"]);
    s.wait_for("Forward to BCare");
    s.wait_for("Account locked since this morning.");
    s.keys(&["Enter"]);
    let screen = s.wait_for("BCare gave ticket number");
    let ticket = ticket_on(&screen);
    assert!(screen.contains("Ticketed"), "{screen}");

    // Handover
    s.keys(&["h"]);
    s.wait_for("Hand over to applicant");
    s.wait_for(&format!("BCare ticket number: {ticket}"));
    s.keys(&["Enter"]);
    let screen = s.wait_for("handed over; the SLA clock stopped");
    assert!(screen.contains("Handed over"), "{screen}");
    assert!(screen.contains("0 open"), "{screen}");

    // A second caller with the same problem: the receipt pane links the complaint
    // to the ticket already filed, picked from the list of open tickets.
    intake(&s, "Siti Rahma");
    s.keys(&["t"]);
    s.wait_for("BCare ticket number");
    s.wait_for(&ticket);
    s.keys(&["Tab", "Enter"]);
    let screen = s.wait_for(&format!("ticket number {ticket} recorded"));
    assert!(screen.contains("Ticketed"), "{screen}");
    s.keys(&["h"]);
    s.wait_for("Hand over to applicant");
    s.keys(&["Enter"]);
    let screen = s.wait_for("handed over; the SLA clock stopped");
    assert!(screen.contains("0 open"), "{screen}");

    s.keys(&["q"]);
    let deadline = Instant::now() + Duration::from_secs(5);
    while tmux(&["has-session", "-t", &name]).status.success() {
        assert!(Instant::now() < deadline, "the desk did not quit on q");
        std::thread::sleep(Duration::from_millis(100));
    }
}
