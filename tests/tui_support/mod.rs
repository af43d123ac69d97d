//! The tmux harness shared by the end-to-end tests: the real binary in a real
//! terminal, keys in with send-keys, the screen back with capture-pane. It counts
//! the navigation keys it sends (every key that is not typed text).

#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;

pub struct Session {
    pub name: String,
    /// Navigation keys sent so far: everything that is not typed text.
    pub navigation: std::cell::Cell<usize>,
}

pub fn tmux(args: &[&str]) -> Output {
    Command::new("tmux")
        .args(args)
        .output()
        .expect("running tmux")
}

impl Session {
    pub fn start(name: &str, command: &str) -> Session {
        Session::start_sized(name, command, (120, 36))
    }

    pub fn start_sized(name: &str, command: &str, size: (u16, u16)) -> Session {
        let (w, h) = (size.0.to_string(), size.1.to_string());
        // A tmux server whose last session just ended (another test's) refuses a
        // new one while it exits; the next call starts a fresh server.
        let out = crate::support::wait_for("a tmux server", Duration::from_secs(5), || {
            let out = tmux(&["new-session", "-d", "-s", name, "-x", &w, "-y", &h, command]);
            let exiting =
                String::from_utf8_lossy(&out.stderr).contains("server exited unexpectedly");
            (!exiting).then_some(out)
        });
        assert!(
            out.status.success(),
            "tmux new-session: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Session {
            name: name.into(),
            navigation: std::cell::Cell::new(0),
        }
    }

    pub fn keys(&self, keys: &[&str]) {
        self.navigation.set(self.navigation.get() + keys.len());
        let mut args = vec!["send-keys", "-t", &self.name];
        args.extend_from_slice(keys);
        assert!(tmux(&args).status.success());
        // Give the desk a moment: each key is its own event, as when typed.
        std::thread::sleep(Duration::from_millis(60));
    }

    pub fn text(&self, text: &str) {
        assert!(
            tmux(&["send-keys", "-t", &self.name, "-l", text])
                .status
                .success()
        );
        std::thread::sleep(Duration::from_millis(60));
    }

    /// Pastes `text` as a terminal paste (bracketed, as the desk asked for): text, not keys.
    pub fn paste(&self, text: &str) {
        let buffer = format!("{}-paste", self.name);
        let dir = tempfile::tempdir().expect("a temporary directory");
        let file = dir.path().join("paste.txt");
        std::fs::write(&file, text).expect("writing the paste");
        let file = file.to_string_lossy().into_owned();
        assert!(
            tmux(&["load-buffer", "-b", &buffer, &file])
                .status
                .success()
        );
        assert!(
            tmux(&["paste-buffer", "-p", "-d", "-b", &buffer, "-t", &self.name])
                .status
                .success()
        );
        std::thread::sleep(Duration::from_millis(60));
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&tmux(&["capture-pane", "-p", "-t", &self.name]).stdout)
            .into_owned()
    }

    /// Starts counting navigation keys from zero.
    pub fn count_from_zero(&self) {
        self.navigation.set(0);
    }

    /// Waits until the desk has left the tmux session (after `q`).
    pub fn wait_gone(&self) {
        crate::support::wait_for("the desk to quit", Duration::from_secs(5), || {
            (!tmux(&["has-session", "-t", &self.name]).status.success()).then_some(())
        });
    }

    /// Polls the screen until it shows `what` (up to 10 s).
    pub fn wait_for(&self, what: &str) -> String {
        self.wait_for_screen(what, Duration::from_secs(10), |screen| {
            screen.contains(what).then(|| screen.to_string())
        })
    }

    /// Polls the screen until `ready` makes something of it, for at most `within`;
    /// the panic names `what` was awaited and shows the last screen.
    pub fn wait_for_screen<T>(
        &self,
        what: &str,
        within: Duration,
        mut ready: impl FnMut(&str) -> Option<T>,
    ) -> T {
        let mut last = String::new();
        crate::support::wait_until(within, || {
            last = self.screen();
            ready(&last)
        })
        .unwrap_or_else(|waited| {
            panic!(
                "waited {} ms for {what:?}; the screen shows:\n{last}",
                waited.as_millis()
            )
        })
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // Always clean up, even when an assertion failed.
        let _ = tmux(&["kill-session", "-t", &self.name]);
    }
}

/// Types a DJBC employee who cannot log in into a new intake form and presses
/// Enter on its last field, which saves.
pub fn type_employee_intake(s: &Session, name: &str) {
    s.keys(&["n"]);
    s.wait_for("New complaint");
    s.text("1"); // kind: DJBC employee, by number; the form moves on
    s.text(name);
    s.keys(&["Enter"]);
    s.text("198501012010011001");
    s.keys(&["Enter"]);
    s.text("081234567890");
    s.keys(&["Enter"]);
    s.text("l"); // channel: Langsung (in person)
    s.keys(&["Enter"]);
    s.text("LAIN");
    s.keys(&["Enter"]);
    s.text("Cannot log in to CEISA");
    s.keys(&["Enter"]);
    s.text("Account locked since this morning.");
    s.keys(&["Enter"]);
}

pub fn have_tmux() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

pub fn write_config(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("config.toml");
    std::fs::write(
        &path,
        "[officer]\nname = \"petugas-e2e\"\n\n[bcare]\nclient = \"sim\"\nsim_delay_ms = 50\n",
    )
    .unwrap();
    path
}

/// The command line that opens the desk on `db` with `config`, in English, without colour.
pub fn desk_command(db: &Path, config: &Path, lang: &str) -> String {
    let bin = env!("CARGO_BIN_EXE_bcare-desk");
    format!(
        "env TERM=xterm-256color NO_COLOR=1 '{bin}' --db '{}' --config '{}' --lang {lang}",
        db.display(),
        config.display()
    )
}

/// A desk on a new, empty database in an 80×24 terminal, the simulator as BCare.
pub struct EmptyDesk {
    /// The folder holding the database and config; removed when dropped.
    pub dir: tempfile::TempDir,
    pub db: std::path::PathBuf,
    pub config: std::path::PathBuf,
    pub session: Session,
}

/// Opens [`EmptyDesk`] in English, or says SKIPPED and gives None without tmux.
pub fn empty_desk(name: &str) -> Option<EmptyDesk> {
    empty_desk_on(name, None)
}

/// [`empty_desk`] on the database `url` names (an empty PostgreSQL database), or
/// on a new file when None.
pub fn empty_desk_on(name: &str, url: Option<&str>) -> Option<EmptyDesk> {
    if !have_tmux() {
        eprintln!("SKIPPED: tmux is not installed; the end-to-end test needs it");
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = url.map_or_else(|| dir.path().join("desk.db"), std::path::PathBuf::from);
    let config = write_config(dir.path());
    let name = format!("{name}-{}", std::process::id());
    // On a server the log goes to the data dir under HOME: keep it in the test's folder.
    let command = format!(
        "env HOME='{}' {}",
        dir.path().display(),
        desk_command(&db, &config, "en")
    );
    let session = Session::start_sized(&name, &command, (80, 24));
    session.wait_for("No complaints here yet.");
    Some(EmptyDesk {
        dir,
        db,
        config,
        session,
    })
}
