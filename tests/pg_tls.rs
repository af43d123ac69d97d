//! TLS to a real server: the private test cluster with `ssl=on` on 127.0.0.1,
//! its certificate signed by a CA made for the run. The section's own CA in
//! `sslrootcert` is trusted; another CA is refused in one line; `prefer` falls
//! back to plain where the server has no TLS, as libpq does.

mod pg_support;
mod support;

use bcare_desk::store::pg::PgStore;
use bcare_desk::store::{Location, ServerUrl};
use postgres::NoTls;
use std::path::Path;
use std::time::Duration;

fn server_url(s: &str) -> ServerUrl {
    match Location::from_arg(Path::new(s)) {
        Location::Server(url) => url,
        Location::File(f) => panic!("{} read as a file", f.display()),
    }
}

/// Whether the desk's session named `app` is encrypted, as the server sees it.
fn encrypted(admin: &mut postgres::Client, app: &str) -> bool {
    admin
        .query_one(
            "SELECT s.ssl FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid)
             WHERE a.application_name = $1",
            &[&app],
        )
        .unwrap_or_else(|e| panic!("no session named {app}: {e}"))
        .get(0)
}

/// The desk's binary with nothing of this machine's environment but `home`.
fn desk(home: &Path) -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_bcare-desk"));
    c.env_clear().env("HOME", home);
    c
}

#[test]
fn a_mode_the_desk_does_not_take_is_refused_by_name_before_connecting() {
    let home = tempfile::tempdir().unwrap();
    let out = desk(home.path())
        .args([
            "--lang",
            "en",
            "--db",
            "postgres://desk@db.kantor.local/bcare?sslmode=allow",
            "list",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("sslmode=allow is not supported"), "{err}");
}

#[test]
fn the_sections_own_ca_is_trusted_another_is_refused_and_prefer_falls_back() {
    let Some(cluster) = pg_support::tls_server() else {
        return;
    };
    let db = cluster.fresh_database("tls");
    let (port, ca, other_ca) = cluster.tls_files();
    let name = db.rsplit('/').next().unwrap_or_default().to_string();
    let mut admin = postgres::Client::connect(&cluster.admin_url(), NoTls).unwrap();
    let url = |host: &str, query: &str, app: &str| {
        server_url(&format!(
            "postgres://desk@{host}:{port}/{name}?application_name={app}&{query}"
        ))
    };

    // The right CA, checked against the host name: an encrypted session.
    let full = url(
        "localhost",
        &format!("sslmode=verify-full&sslrootcert={}", ca.display()),
        "verify_full",
    );
    let store = PgStore::open(&full).expect("verify-full with the section's CA connects");
    assert!(encrypted(&mut admin, "verify_full"));
    drop(store);
    // The command line takes the same URL.
    let home = tempfile::tempdir().unwrap();
    let listed = desk(home.path())
        .args(["--db", full.secret(), "list"])
        .output()
        .unwrap();
    assert!(
        listed.status.success(),
        "{}",
        String::from_utf8_lossy(&listed.stderr)
    );

    // The same in a libpq connection string.
    let conninfo = server_url(&format!(
        "host=127.0.0.1 port={port} user=desk dbname={name} application_name=conninfo sslmode=verify-full sslrootcert='{}'",
        ca.display()
    ));
    let store = PgStore::open(&conninfo).expect("a connection string with sslrootcert connects");
    assert!(encrypted(&mut admin, "conninfo"));
    drop(store);

    // A name the certificate does not carry: verify-ca does not ask for it,
    // verify-full does.
    let elsewhere = |mode: &str| {
        server_url(&format!(
            "host=db.kantor.local hostaddr=127.0.0.1 port={port} user=desk dbname={name} sslmode={mode} sslrootcert={}",
            ca.display()
        ))
    };
    let store = PgStore::open(&elsewhere("verify-ca"));
    assert!(store.is_ok(), "verify-ca: {:?}", store.err());
    drop(store);
    let error = PgStore::open(&elsewhere("verify-full"))
        .err()
        .expect("verify-full refuses a certificate for another name")
        .to_string();
    assert!(
        error.contains("the server's certificate is not for db.kantor.local"),
        "{error}"
    );

    // Another CA: refused, in one line that says why and names the file.
    let wrong = url(
        "localhost",
        &format!("sslmode=verify-full&sslrootcert={}", other_ca.display()),
        "wrong_ca",
    );
    let error = PgStore::open(&wrong)
        .err()
        .expect("another CA is refused")
        .to_string();
    assert_eq!(error.lines().count(), 1, "{error}");
    assert!(
        error.contains("the server's certificate is not signed by a CA in")
            && error.contains("other-ca.pem"),
        "{error}"
    );
    // `require` with a CA file checks the chain, as libpq does.
    let require = url(
        "localhost",
        &format!("sslmode=require&sslrootcert={}", other_ca.display()),
        "require_wrong",
    );
    assert!(PgStore::open(&require).is_err());
    // `require` without one encrypts without checking, as libpq does.
    let store = PgStore::open(&url("localhost", "sslmode=require", "require")).unwrap();
    assert!(encrypted(&mut admin, "require"));
    drop(store);
    // No sslrootcert: the system's CAs, which never signed the test CA.
    let error = PgStore::open(&url("localhost", "sslmode=verify-full", "system"))
        .err()
        .expect("a CA the system does not know is refused")
        .to_string();
    assert!(error.contains("a CA this machine trusts"), "{error}");
    // A CA file that is not there is named.
    let error = PgStore::open(&url(
        "localhost",
        "sslmode=verify-ca&sslrootcert=no-such-ca.pem",
        "gone",
    ))
    .err()
    .expect("a missing CA file is refused")
    .to_string();
    assert!(error.contains("sslrootcert no-such-ca.pem"), "{error}");

    // `prefer` (the default) takes TLS when the server offers it…
    let store = PgStore::open(&url("localhost", "sslmode=prefer", "prefer_tls")).unwrap();
    assert!(encrypted(&mut admin, "prefer_tls"));
    drop(store);
    // …and a failed TLS attempt is made again without (libpq's fallback).
    let fallback = format!("sslmode=prefer&sslrootcert={}", other_ca.display());
    let store = PgStore::open(&url("localhost", &fallback, "prefer_fallback")).unwrap();
    assert!(!encrypted(&mut admin, "prefer_fallback"));
    drop(store);

    // The server without TLS: `prefer` connects in plain, `require` does not.
    admin.batch_execute("ALTER SYSTEM SET ssl = off").unwrap();
    admin.batch_execute("SELECT pg_reload_conf()").unwrap();
    support::wait_for(
        "the server to reload without TLS",
        Duration::from_secs(10),
        || {
            let mut fresh = postgres::Client::connect(&cluster.admin_url(), NoTls).ok()?;
            let row = fresh.query_one("SHOW ssl", &[]).ok()?;
            (row.get::<_, String>(0) == "off").then_some(())
        },
    );
    let store = PgStore::open(&url("localhost", "sslmode=prefer", "prefer_plain"));
    let required = PgStore::open(&url("localhost", "sslmode=require", "require_plain"));
    let restored = admin
        .batch_execute("ALTER SYSTEM RESET ssl")
        .and_then(|()| admin.batch_execute("SELECT pg_reload_conf()"));
    let store = store.expect("prefer connects to a server without TLS");
    assert!(!encrypted(&mut admin, "prefer_plain"));
    drop(store);
    assert!(
        required.is_err(),
        "require connected to a server without TLS"
    );
    restored.unwrap();
}
