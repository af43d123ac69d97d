//! The real binary on a temp database, with a fixed clock: the harness the
//! command-line tests share.
#![allow(dead_code)]

use assert_cmd::Command;
use serde_json::Value;
use std::cell::RefCell;
use std::path::PathBuf;

#[path = "../pg_support/mod.rs"]
pub mod pg_support;

/// The officer's everyday complaint as typed on the command line: an importer
/// whose PIB has had no response, by WhatsApp. Each pair is a flag and its value.
pub const IMPORTER: &[(&str, &str)] = &[
    ("--name", "Andi Wijaya"),
    ("--kind", "pengguna-jasa"),
    ("--org", "PT Samudra Makassar"),
    ("--npwp", "01.234.567.8-901.000"),
    ("--phone", "0812-3456-7890"),
    ("--channel", "whatsapp"),
    ("--category", "IMP"),
    ("--subject", "PIB belum mendapat respon"),
    (
        "--description",
        "Sudah dikirim sejak pagi, belum ada respon.",
    ),
    ("--aju", "000020-010017-20261127-000123"),
    ("--doc-type", "BC 2.0 PIB"),
];

/// An employee who cannot log in, by telephone.
pub const EMPLOYEE: &[(&str, &str)] = &[
    ("--name", "Budi"),
    ("--kind", "pegawai"),
    ("--nip", "198501012010121001"),
    ("--phone", "0813-5555-1234"),
    ("--channel", "telepon"),
    ("--category", "AKUN"),
    ("--user-id", "budi.s"),
    ("--subject", "Tidak bisa login"),
    ("--description", "Sejak pagi."),
];

/// The binary on `db` as one desk of a section: its own home and config, the
/// clock at `now`, nothing else from the environment.
pub fn section_desk_cmd(
    home: &std::path::Path,
    db: &str,
    config: &std::path::Path,
    now: &str,
) -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("bcare-desk").unwrap();
    c.env_clear()
        .env("HOME", home)
        .env("BCARE_DESK_DB", db)
        .env("BCARE_DESK_CONFIG", config)
        .env("BCARE_DESK_NOW", now)
        .env("USER", "petugas");
    c
}

/// `intake` with `who`'s flags, less those `extra` gives again, then `extra`.
pub fn intake_args<'a>(who: &[(&'a str, &'a str)], extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["intake"];
    for (flag, value) in who {
        if !extra.contains(flag) {
            args.extend([*flag, *value]);
        }
    }
    args.extend_from_slice(extra);
    args
}

/// `who` without the flags named.
pub fn without<'a>(who: &[(&'a str, &'a str)], flags: &[&str]) -> Vec<(&'a str, &'a str)> {
    who.iter()
        .filter(|(f, _)| !flags.contains(f))
        .copied()
        .collect()
}

thread_local! {
    /// Set while a test runs on PostgreSQL: each `Desk` made then gets a fresh
    /// database on the test cluster instead of a file.
    static ON_POSTGRES: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Runs `test` with every desk it makes on PostgreSQL; says SKIPPED (and runs
/// nothing) where PostgreSQL is not installed.
pub fn on_postgres(name: &str, test: impl FnOnce()) {
    if pg_support::server().is_none() {
        pg_support::skipped(name);
        return;
    }
    ON_POSTGRES.with(|p| *p.borrow_mut() = Some(name.to_string()));
    test();
}

/// Each command-line test twice: `on_sqlite::name` on a file and
/// `on_postgres::name` on a PostgreSQL database, with the same assertions.
#[macro_export]
macro_rules! on_both {
    ($( $(#[$m:meta])* fn $name:ident() $body:block )*) => {
        mod on_sqlite {
            #[allow(unused_imports)]
            use super::*;
            $( $(#[$m])* fn $name() $body )*
        }
        mod on_postgres {
            #[allow(unused_imports)]
            use super::*;
            $(
                $(#[$m])*
                fn $name() {
                    desk_binary::on_postgres(stringify!($name), || $body)
                }
            )*
        }
    };
}

/// Every command that needs the database, as the officer types it (on a desk
/// with no complaint yet, `ADU-2026-00001` is the first reference); the files
/// they write go in `dir`.
pub fn commands_needing_the_database(dir: &std::path::Path) -> Vec<Vec<String>> {
    let r = "ADU-2026-00001";
    let copy = dir.join("salinan.db").display().to_string();
    let out = dir.join("ekspor.csv").display().to_string();
    [
        vec!["list"],
        vec!["show", r],
        vec!["search", "Andi"],
        vec!["check"],
        vec!["backup", &copy],
        vec!["outbox"],
        vec!["outbox", "retry", r],
        vec!["report"],
        vec!["export", "--format", "csv", &out],
        vec!["purge"],
        vec!["incident", "A0254EB2B1"],
        vec!["followup"],
        vec!["followup", "--poll"],
        vec!["notify", r, "--via", "telepon"],
        vec!["forward", r],
        vec!["ticket", r, "A0254EB2B1"],
        vec!["link", r, "--ticket", "A0254EB2B1"],
        vec!["handover", r, "--via", "telepon"],
        vec!["resolve", r],
        vec!["cancel", r, "--reason", "dobel"],
        vec!["migrate", "--to", "postgres://desk@127.0.0.1:1/bcare"],
    ]
    .iter()
    .map(|a| a.iter().map(|s| s.to_string()).collect())
    .collect()
}

/// Friday 2026-11-27 09:00 WITA.
pub const FRIDAY_MORNING: &str = "2026-11-27T01:00:00Z";

pub struct Desk {
    pub dir: tempfile::TempDir,
    /// The PostgreSQL database's URL when the test runs on PostgreSQL.
    pub url: Option<String>,
    /// `BCARE_DESK_NOW` for the next command.
    pub now: String,
}

impl Desk {
    pub fn new() -> Desk {
        let url = ON_POSTGRES.with(|p| p.borrow().clone()).map(|test| {
            pg_support::server()
                .expect("PostgreSQL was found when the test began")
                .fresh_database(&test)
        });
        let desk = Desk {
            dir: tempfile::tempdir().unwrap(),
            url,
            now: FRIDAY_MORNING.into(),
        };
        // `BCARE_DESK_CONFIG` must name a file that exists: an empty one means the defaults.
        std::fs::write(desk.config(), "").unwrap();
        desk
    }

    /// A desk with this config file, at `now`.
    pub fn with_config(config: &str, now: &str) -> Desk {
        let desk = Desk {
            now: now.into(),
            ..Desk::new()
        };
        std::fs::write(desk.config(), config).unwrap();
        desk
    }

    pub fn config(&self) -> PathBuf {
        self.dir.path().join("config.toml")
    }

    /// The database: the file, or the PostgreSQL URL (as `--db` takes it). The
    /// file is the default one in the data folder under `HOME`, the only folder
    /// the desk makes itself.
    pub fn db(&self) -> PathBuf {
        match &self.url {
            Some(u) => PathBuf::from(u),
            None => self.data_dir().join("bcare-desk.db"),
        }
    }

    /// The user's data folder under this desk's `HOME`.
    pub fn data_dir(&self) -> PathBuf {
        self.dir.path().join(".local/share/bcare-desk")
    }

    /// Every path under the desk's folder, to show that a refused command made nothing.
    pub fn files(&self) -> Vec<PathBuf> {
        fn walk(dir: &std::path::Path, out: &mut Vec<PathBuf>) {
            for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                out.push(e.path());
                if e.file_type().is_ok_and(|t| t.is_dir()) {
                    walk(&e.path(), out);
                }
            }
        }
        let mut out = Vec::new();
        walk(self.dir.path(), &mut out);
        out.sort();
        out
    }

    pub fn on_postgres(&self) -> bool {
        self.url.is_some()
    }

    /// Who the report counts a step to: on a file the desk's officer
    /// (`$USER` here), on a server the login role the server knows.
    pub fn officer_role(&self) -> String {
        match &self.url {
            Some(url) => {
                let start = url.find("://").map_or(0, |i| i + 3);
                let end = start + url[start..].find(['@', ':']).unwrap_or(0);
                url[start..end].to_string()
            }
            None => "petugas.pdad".to_string(),
        }
    }

    /// Whether a JSON line of history names the officer as it should: the
    /// role, and on a server the desk's name beside it as `officer_name`.
    pub fn names_the_officer(&self, line: &serde_json::Value) -> bool {
        let name = &line["officer_name"];
        line["officer"] == self.officer_role().as_str()
            && if self.on_postgres() {
                name == "petugas.pdad"
            } else {
                name.is_null()
            }
    }

    pub fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("bcare-desk").unwrap();
        c.env_clear()
            .env("HOME", self.dir.path())
            .env("BCARE_DESK_DB", self.db())
            .env("BCARE_DESK_CONFIG", self.config())
            .env("BCARE_DESK_NOW", &self.now)
            .env("USER", "petugas.pdad");
        c
    }

    pub fn json(&self, args: &[&str]) -> Value {
        let out = self.cmd().args(args).arg("--json").assert().success();
        serde_json::from_slice(&out.get_output().stdout).expect("JSON output")
    }

    /// Takes in the importer's complaint (`IMPORTER`), with the flags in `extra`
    /// instead of its own; returns the reference.
    pub fn intake(&self, extra: &[&str]) -> String {
        self.json(&intake_args(IMPORTER, extra))["ref"]
            .as_str()
            .unwrap()
            .to_string()
    }

    /// Rows in the complaints and events tables, read straight from the file.
    pub fn rows(&self) -> (i64, i64) {
        if let Some(url) = &self.url {
            let mut c = postgres::Client::connect(url, postgres::NoTls).unwrap();
            let has_tables: bool = c
                .query_one("SELECT to_regclass('complaints') IS NOT NULL", &[])
                .unwrap()
                .get(0);
            if !has_tables {
                return (0, 0);
            }
            let n = |c: &mut postgres::Client, t: &str| -> i64 {
                c.query_one(&format!("SELECT COUNT(*) FROM {t}"), &[])
                    .unwrap()
                    .get(0)
            };
            return (n(&mut c, "complaints"), n(&mut c, "events"));
        }
        if !self.db().exists() {
            return (0, 0);
        }
        // Read-only: a writable connection would checkpoint the log into the file on close.
        let conn = rusqlite::Connection::open_with_flags(
            self.db(),
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
        )
        .unwrap();
        let n = |t: &str| -> i64 {
            conn.query_row(&format!("SELECT COUNT(*) FROM {t}"), [], |r| r.get(0))
                .unwrap()
        };
        (n("complaints"), n("events"))
    }

    /// Runs a command that must fail, and checks it changed nothing.
    pub fn refused(&self, args: &[&str]) -> String {
        let before = self.rows();
        let out = self.cmd().args(args).assert().failure();
        let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        assert_eq!(err.trim().lines().count(), 1, "one-line reason: {err}");
        assert_eq!(self.rows(), before, "a failed command changed the database");
        err
    }
}
