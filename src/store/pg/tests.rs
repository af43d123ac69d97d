//! What several desks on one PostgreSQL database rely on. (The behaviour both
//! backends share is tested in `store::tests`, on each.)

use crate::domain::complaint::Stage;
use crate::store::tests::fixtures::*;
use crate::store::tests::{postgres_store, sqlite_store};
use crate::store::*;
use chrono::TimeDelta;
use std::path::Path;

/// A second session on the same database: another desk.
fn another_desk(store: &Store) -> Store {
    Store::open_at(store.location()).unwrap()
}

#[test]
fn events_refuse_to_be_changed_or_deleted() {
    let Some(mut store) = postgres_store("events_refuse") else {
        return;
    };
    intake(&mut store, "Andi", t(1, 0));
    let pg = store.postgres().unwrap();
    let mut c = pg.client.borrow_mut();
    for sql in [
        "UPDATE events SET officer = 'x'",
        "DELETE FROM events",
        "TRUNCATE events CASCADE",
    ] {
        let err = c.batch_execute(sql).unwrap_err();
        let text = err.as_db_error().map(|d| d.message().to_string());
        assert_eq!(text.as_deref(), Some("events are append-only"), "{sql}");
    }
    drop(c);
    assert_eq!(store.integrity_check().unwrap(), ["ok"]);
    // With the guard lifted, the check says so.
    store
        .postgres()
        .unwrap()
        .simple("ALTER TABLE events DISABLE TRIGGER events_append_only_update")
        .unwrap();
    let found = store.integrity_check().unwrap();
    assert!(found[0].contains("allows UPDATE"), "{found:?}");
}

#[test]
fn the_stopped_clock_column_is_the_workflows() {
    let Some(mut store) = postgres_store("stopped_clock") else {
        return;
    };
    one_in_each_stage(&mut store);
    let rows = store
        .postgres()
        .unwrap()
        .client
        .borrow_mut()
        .query("SELECT stage, clock_stopped FROM complaints", &[])
        .unwrap();
    assert_eq!(rows.len(), Stage::ALL.len());
    for r in rows {
        let stage = Stage::parse(r.get(0)).unwrap();
        let stopped: bool = r.get(1);
        assert_eq!(stopped, !stage.sla_running(), "{stage:?}");
    }
}

#[test]
fn another_desks_change_is_noticed_and_our_own_is_not() {
    let Some(mut mine) = postgres_store("notice_changes") else {
        return;
    };
    let mut other = another_desk(&mine);
    let before = mine.data_version().unwrap();
    intake(&mut mine, "Andi", t(1, 0));
    assert_eq!(mine.data_version().unwrap(), before, "our own write");
    intake(&mut other, "Budi", t(1, 5));
    // NOTIFY is delivered after the commit; it arrives within a second.
    crate::store::tests::wait::wait_for(
        "another desk's intake to be noticed",
        std::time::Duration::from_secs(1),
        || (mine.data_version().unwrap() != before).then_some(()),
    );
}

#[test]
fn references_stay_unique_and_gap_free_across_desks_writing_at_once() {
    let Some(store) = postgres_store("refs_across_desks") else {
        return;
    };
    let at = store.location().clone();
    let desks: Vec<_> = (0..4)
        .map(|d| {
            let at = at.clone();
            std::thread::spawn(move || {
                let mut s = Store::open_at(&at).unwrap();
                (0..40)
                    .map(|i| intake(&mut s, &format!("Desk {d} caller {i}"), t(1, 0)).reference)
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let mut refs: Vec<String> = desks.into_iter().flat_map(|h| h.join().unwrap()).collect();
    refs.sort();
    let expected: Vec<String> = (1..=160).map(|n| format!("ADU-2026-{n:05}")).collect();
    assert_eq!(refs, expected);
}

#[test]
fn the_same_step_taken_on_two_desks_at_once_is_applied_once() {
    let Some(mut a) = postgres_store("same_step_twice") else {
        return;
    };
    let c = intake(&mut a, "Andi", t(1, 0));
    let b = another_desk(&a);
    let fwd = Change::Forward { at: t(1, 10) };
    // Desk B holds the row in an open transaction while desk A tries the step.
    let pg_b = b.postgres().unwrap();
    let mut client = pg_b.client.borrow_mut();
    let mut tx = client.transaction().unwrap();
    tx.execute(
        "UPDATE complaints SET stage = 'forwarded', forwarded_at = $2 WHERE id = $1 AND stage = 'received'",
        &[&c.id, &"2026-11-30T01:09:00Z"],
    )
    .unwrap();
    let a_at = a.location().clone();
    let c2 = c.clone();
    let waiting = std::thread::spawn(move || {
        let mut a = Store::open_at(&a_at).unwrap();
        a.apply(
            &c2,
            Stage::Forwarded,
            &Change::Forward { at: t(1, 10) },
            &event("forward", t(1, 10)),
            None,
        )
    });
    // The other desk's write is queued behind our row lock before we commit.
    let watcher = another_desk(&b);
    crate::store::tests::wait::wait_for(
        "the other desk to wait for the row lock",
        std::time::Duration::from_secs(10),
        || {
            let waiting = count(
                &watcher,
                "SELECT count(*) FROM pg_stat_activity \
                 WHERE wait_event_type = 'Lock' AND datname = current_database()",
            );
            (waiting > 0).then_some(())
        },
    );
    tx.commit().unwrap();
    drop(client);
    let second = waiting.join().unwrap();
    assert!(matches!(second, Err(StoreError::Conflict(_))), "{second:?}");
    // The first desk's stale copy is refused as well; the row shows the winner.
    assert!(matches!(
        a.apply(
            &c,
            Stage::Forwarded,
            &fwd,
            &event("forward", t(1, 11)),
            None
        ),
        Err(StoreError::Conflict(_))
    ));
    let now = b.get(&c.reference).unwrap();
    assert_eq!(now.forwarded_at, Some(t(1, 9)));
    assert_eq!(b.events(c.id).unwrap().len(), 1, "only the intake's event");
}

#[test]
fn a_claimed_row_is_another_desks_only_after_its_lease() {
    let Some(mut a) = postgres_store("claims") else {
        return;
    };
    for i in 0..3 {
        forwarded_with_outbox(&mut a, &format!("Caller {i}"));
    }
    let b = another_desk(&a);
    let now = t(2, 0);
    let lease = now + TimeDelta::minutes(5);
    let mine = a.outbox_claim(now, "sim", lease, 2).unwrap();
    let theirs = b.outbox_claim(now, "sim", lease, 5).unwrap();
    assert_eq!(mine.len(), 2);
    assert_eq!(theirs.len(), 1, "only the row no desk holds");
    assert!(mine.iter().all(|m| theirs.iter().all(|t| t.id != m.id)));
    assert!(b.outbox_claim(now, "sim", lease, 5).unwrap().is_empty());
    // Desk A died: once its lease ran out, desk B takes its rows.
    let later = lease + TimeDelta::seconds(1);
    let taken = b
        .outbox_claim(later, "sim", later + TimeDelta::minutes(5), 5)
        .unwrap();
    assert_eq!(taken.len(), 3);
    // A desk that gives its claims back makes them due at once.
    assert_eq!(b.outbox_release_claims().unwrap(), 3);
    assert_eq!(a.outbox_claim(later, "sim", lease, 5).unwrap().len(), 3);
}

#[test]
fn each_event_names_the_desk_that_wrote_it() {
    let Some(mut a) = postgres_store("desk_names") else {
        return;
    };
    a.set_desk("loket-1");
    let c = intake(&mut a, "Andi", t(1, 0));
    let mut b = another_desk(&a);
    b.set_desk("back-office");
    let c = b.get(&c.reference).unwrap();
    b.apply(
        &c,
        Stage::Forwarded,
        &Change::Forward { at: t(1, 1) },
        &event("forward", t(1, 1)),
        None,
    )
    .unwrap();
    let desks: Vec<Option<String>> = a
        .events(c.id)
        .unwrap()
        .into_iter()
        .map(|e| e.desk)
        .collect();
    assert_eq!(
        desks,
        [Some("loket-1".to_string()), Some("back-office".to_string())]
    );
}

#[test]
fn a_newer_schema_and_a_foreign_database_are_refused() {
    let Some(store) = postgres_store("newer_schema") else {
        return;
    };
    store.set_meta("schema_version", "99").unwrap();
    let err = Store::open_at(store.location()).err().expect("refused");
    assert!(
        matches!(err, StoreError::ServerNewerSchema { found: 99, .. }),
        "{err}"
    );
    let err = Store::open_read_only_at(store.location())
        .err()
        .expect("refused");
    assert!(matches!(err, StoreError::ServerNewerSchema { .. }), "{err}");

    let Some(foreign) = postgres_store("foreign_database") else {
        return;
    };
    let pg = foreign.postgres().unwrap();
    pg.simple("DROP TABLE drafts; DROP TABLE meta CASCADE; CREATE TABLE invoices (id int)")
        .unwrap();
    let err = Store::open_at(foreign.location()).err().expect("refused");
    assert!(matches!(err, StoreError::ServerForeign { .. }), "{err}");
}

#[test]
fn a_desks_file_moves_whole_and_is_left_as_it_was() {
    let (dir, mut file) = sqlite_store();
    for i in 0..40 {
        let c = forwarded_with_outbox(&mut file, &format!("Caller {i}"));
        if i < 3 {
            file.record_survey(
                c.id,
                &c.reference,
                &[Stage::Forwarded],
                "4,3,4,-,4,4,4,3,4",
                &event("survey", t(2, 0)),
            )
            .unwrap();
        }
    }
    file.save_draft("intake", "{\"name\":\"Sri\"}", t(2, 0))
        .unwrap();
    drop(file);
    let path = dir.path().join("data/desk.db");
    let before = std::fs::read(&path).unwrap();
    let Some(target) = postgres_store("migrate_whole") else {
        return;
    };
    let Location::Server(url) = target.location().clone() else {
        unreachable!()
    };
    let copied = transfer::sqlite_to_postgres(&path, &url, &mut |_, _, _| {}).unwrap();
    let rows: Vec<(&str, u64)> = copied.iter().map(|c| (c.table, c.target.rows)).collect();
    assert_eq!(
        rows,
        [
            ("complaints", 40),
            ("events", 83),
            ("outbox", 40),
            ("calendar_changes", 0),
            ("surveys", 3),
            ("drafts", 1),
            ("meta", 0)
        ]
    );
    assert!(copied.iter().all(|c| c.source == c.target));
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the file was changed"
    );
    // The server goes on where the file stopped.
    let mut moved = Store::open_at(target.location()).unwrap();
    assert_eq!(
        intake(&mut moved, "Next", t(3, 0)).reference,
        "ADU-2026-00041"
    );
    let err = transfer::sqlite_to_postgres(&path, &url, &mut |_, _, _| {})
        .expect_err("a second copy is refused");
    assert!(err.to_string().contains("already holds"), "{err}");
    assert!(Path::new(&path).exists());
}

#[test]
fn desks_opening_a_new_database_at_once_set_it_up_once_and_all_open() {
    let Some(first) = postgres_store("open_at_once") else {
        return;
    };
    // A new, empty database on the same server.
    let Location::Server(url) = first.location().clone() else {
        unreachable!()
    };
    let (base, db) = url.secret().rsplit_once('/').unwrap();
    let name = format!("{db}_new");
    first
        .postgres()
        .unwrap()
        .simple(&format!("CREATE DATABASE \"{name}\""))
        .unwrap();
    let at = Location::from_arg(Path::new(&format!("{base}/{name}")));
    let gate = std::sync::Arc::new(std::sync::Barrier::new(8));
    let desks: Vec<_> = (0..8)
        .map(|_| {
            let (at, gate) = (at.clone(), gate.clone());
            std::thread::spawn(move || {
                gate.wait();
                Store::open_at(&at).map(|s| s.schema_version().unwrap())
            })
        })
        .collect();
    for d in desks {
        assert_eq!(d.join().unwrap().unwrap(), SCHEMA_VERSION);
    }
}

#[test]
fn a_desk_carries_on_after_the_server_dropped_its_connection() {
    let Some(mut store) = postgres_store("reconnect") else {
        return;
    };
    intake(&mut store, "Andi", t(1, 0));
    let before = store.data_version().unwrap();
    let other = another_desk(&store);
    let pid = store.postgres().unwrap().pid.get();
    other
        .postgres()
        .unwrap()
        .simple(&format!("SELECT pg_terminate_backend({pid})"))
        .unwrap();
    // The server has ended the session once it no longer lists it.
    crate::store::tests::wait::wait_for(
        "the server to end the session",
        std::time::Duration::from_secs(5),
        || {
            let alive = count(
                &other,
                &format!("SELECT count(*) FROM pg_stat_activity WHERE pid = {pid}"),
            );
            (alive == 0).then_some(())
        },
    );
    // A read finds the connection gone and goes on with a new one.
    assert_eq!(store.total().unwrap(), 1);
    assert_ne!(store.postgres().unwrap().pid.get(), pid);
    // What happened while it was away counts as a change: the screen reloads.
    assert_ne!(store.data_version().unwrap(), before);
    intake(&mut store, "Budi", t(1, 5));
    assert_eq!(store.total().unwrap(), 2);
}

#[test]
fn a_write_that_waits_too_long_on_another_desk_is_busy_and_changes_nothing() {
    let Some(mut a) = postgres_store("busy_write") else {
        return;
    };
    let c = intake(&mut a, "Andi", t(1, 0));
    let b = another_desk(&a);
    let forward = |store: &mut Store| {
        store.apply(
            &c,
            Stage::Forwarded,
            &Change::Forward { at: t(1, 10) },
            &event("forward", t(1, 10)),
            None,
        )
    };
    // Desk B holds the row; desk A waits no longer than its lock timeout.
    let pg_b = b.postgres().unwrap();
    let mut client = pg_b.client.borrow_mut();
    let mut tx = client.transaction().unwrap();
    tx.execute(
        "SELECT id FROM complaints WHERE id = $1 FOR UPDATE",
        &[&c.id],
    )
    .unwrap();
    a.postgres()
        .unwrap()
        .simple("SET lock_timeout = '100ms'")
        .unwrap();
    let err = forward(&mut a).unwrap_err();
    assert!(matches!(err, StoreError::Busy { server: Some(_) }), "{err}");
    tx.rollback().unwrap();
    drop(client);
    // Nothing was written: once B lets go, the same write simply goes through.
    assert_eq!(a.get_by_id(c.id).unwrap().stage, Stage::Received);
    forward(&mut a).unwrap();
    assert_eq!(a.get_by_id(c.id).unwrap().stage, Stage::Forwarded);
}

/// A count the server gives, read on `store`'s own connection.
fn count(store: &Store, sql: &str) -> i64 {
    store
        .postgres()
        .unwrap()
        .client
        .borrow_mut()
        .query_one(sql, &[])
        .unwrap()
        .get(0)
}
