use super::*;
use crate::domain::complaint::Stage;
use crate::store::Store;
use crate::store::tests::fixtures::*;
use chrono::{TimeZone, Utc};
use std::os::unix::fs::PermissionsExt;

fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    crate::store::make_data_folder(&dir.path().join("data")).unwrap();
    let store = Store::open(&dir.path().join("data/desk.db")).unwrap();
    (dir, store)
}

#[test]
fn a_new_database_is_private_to_its_owner() {
    let (dir, _store) = temp_store();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&dir.path().join("data")), 0o700);
    assert_eq!(mode(&dir.path().join("data/desk.db")), 0o600);
    assert_eq!(mode(&dir.path().join("data/desk.db-wal")), 0o600);
}

#[test]
fn events_cannot_be_rewritten() {
    let (_dir, mut store) = temp_store();
    intake(&mut store, "Andi", t(1, 0));
    let err = store
        .sqlite()
        .unwrap()
        .conn
        .execute("UPDATE events SET officer = 'x'", [])
        .unwrap_err();
    assert!(err.to_string().contains("append-only"), "{err}");
    assert!(
        store
            .sqlite()
            .unwrap()
            .conn
            .execute("DELETE FROM events", [])
            .is_err()
    );
}

#[test]
fn a_file_that_is_not_a_database_is_refused_naming_the_backup_command() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("notes.db");
    std::fs::write(&p, "catatan di sticky notes, bukan database ".repeat(200)).unwrap();
    let err = Store::open(&p).err().expect("refused").to_string();
    assert!(err.contains("bcare-desk backup"), "{err}");
}

#[test]
fn a_database_from_a_newer_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("desk.db");
    drop(Store::open(&p).unwrap());
    let conn = rusqlite::Connection::open(&p).unwrap();
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    drop(conn);
    let err = Store::open(&p).err().expect("refused");
    assert!(matches!(err, StoreError::NewerSchema { .. }), "{err}");
    assert!(err.to_string().contains("newer"));
}

#[test]
fn a_backup_is_a_complete_private_copy() {
    let (dir, mut store) = temp_store();
    intake(&mut store, "Andi", t(1, 0));
    let dest = dir.path().join("copy.db");
    store.backup(&dest).unwrap();
    assert_eq!(
        std::fs::metadata(&dest).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let journal: String = raw(&dest)
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(journal, "delete", "one file to carry away");
    let copy = Store::open_read_only(&dest).unwrap();
    assert_eq!(copy.total().unwrap(), 1);
    assert!(store.backup(&dest).is_err(), "never overwrites");
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.contains("partial")), "{names:?}");
}

fn raw(p: &std::path::Path) -> rusqlite::Connection {
    rusqlite::Connection::open(p).unwrap()
}

#[test]
fn another_programs_database_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("kas.db");
    let conn = raw(&p);
    conn.execute_batch("CREATE TABLE kas (tanggal TEXT, jumlah INTEGER); INSERT INTO kas VALUES ('2026-11-27', 5);")
        .unwrap();
    drop(conn);
    let before = std::fs::read(&p).unwrap();
    for open in [Store::open, Store::open_read_only] {
        let err = open(&p).err().expect("refused");
        assert!(matches!(err, StoreError::Foreign { .. }), "{err}");
        let text = err.to_string();
        assert!(
            text.starts_with(&p.display().to_string()) && !text.contains('\n'),
            "{text}"
        );
    }
    assert_eq!(std::fs::read(&p).unwrap(), before, "the file was changed");
    assert!(!dir.path().join("kas.db-wal").exists());
}

#[test]
fn a_foreign_application_id_is_refused_even_with_the_desks_tables() {
    let (dir, store) = temp_store();
    let p = dir.path().join("data/desk.db");
    drop(store);
    raw(&p)
        .pragma_update(None, "application_id", 0x1234)
        .unwrap();
    assert!(matches!(Store::open(&p), Err(StoreError::Foreign { .. })));
}

#[test]
fn an_empty_file_is_initialised_and_marked_as_the_desks() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("kosong.db");
    std::fs::write(&p, b"").unwrap();
    let mut store = Store::open(&p).unwrap();
    intake(&mut store, "Andi", t(1, 0));
    drop(store);
    let id: i64 = raw(&p)
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap();
    assert_eq!(id, APPLICATION_ID);
    assert_eq!(Store::open_read_only(&p).unwrap().total().unwrap(), 1);
}

#[test]
fn a_desk_file_from_before_the_application_id_is_adopted() {
    let (dir, mut store) = temp_store();
    let p = dir.path().join("data/desk.db");
    intake(&mut store, "Andi", t(1, 0));
    drop(store);
    raw(&p).pragma_update(None, "application_id", 0).unwrap();
    let store = Store::open(&p).unwrap();
    assert_eq!(store.total().unwrap(), 1);
    let id: i64 = raw(&p)
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap();
    assert_eq!(id, APPLICATION_ID);
}

#[test]
fn a_negative_schema_version_is_refused() {
    let (dir, store) = temp_store();
    let p = dir.path().join("data/desk.db");
    drop(store);
    raw(&p).pragma_update(None, "user_version", -1).unwrap();
    for open in [Store::open, Store::open_read_only] {
        let err = open(&p).err().expect("refused");
        assert!(
            matches!(err, StoreError::BadSchema { found: -1, .. }),
            "{err}"
        );
    }
}

#[test]
fn a_read_only_open_writes_nothing_and_refuses_writes() {
    let (dir, mut store) = temp_store();
    let p = dir.path().join("data/desk.db");
    intake(&mut store, "Andi", t(1, 0));
    drop(store);
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).unwrap();
    let before = std::fs::read(&p).unwrap();
    let mut ro = Store::open_read_only(&p).unwrap();
    assert!(ro.is_read_only());
    assert_eq!(ro.total().unwrap(), 1);
    assert!(ro.set_meta("x", "y").is_err());
    assert!(
        ro.insert_complaints(&mut [IntakeRecord {
            ref_year: 2026,
            complaint: complaint("Budi", t(2, 0)),
            events: vec![],
        }])
        .is_err()
    );
    drop(ro);
    assert_eq!(std::fs::read(&p).unwrap(), before);
    assert_eq!(
        std::fs::metadata(&p).unwrap().permissions().mode() & 0o777,
        0o640,
        "the mode of an existing file is the owner's choice"
    );
}

#[test]
fn a_read_only_file_is_refused_for_writing_naming_it() {
    let (dir, store) = temp_store();
    let p = dir.path().join("data/desk.db");
    drop(store);
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o400)).unwrap();
    let err = Store::open(&p).err().expect("refused");
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err}");
    assert!(err.to_string().contains(&p.display().to_string()));
    assert!(Store::open_read_only(&p).is_ok());
}

#[test]
fn a_writer_waits_for_another_process_write_instead_of_failing() {
    use std::sync::atomic::{AtomicBool, Ordering};
    // Set by our connection's busy handler: it found the lock taken and waits.
    static WAITING: AtomicBool = AtomicBool::new(false);
    fn waiting(_: i32) -> bool {
        WAITING.store(true, Ordering::SeqCst);
        std::thread::yield_now();
        true
    }
    let (dir, mut store) = temp_store();
    let p = dir.path().join("data/desk.db");
    intake(&mut store, "Andi", t(1, 0));
    store
        .sqlite_mut()
        .unwrap()
        .conn
        .busy_handler(Some(waiting))
        .unwrap();
    // Another connection takes the write lock, writes, and commits once our
    // write is seen waiting for it.
    let (locked_tx, locked_rx) = std::sync::mpsc::channel();
    let other = {
        let p = p.clone();
        std::thread::spawn(move || {
            let conn = raw(&p);
            conn.execute_batch("BEGIN IMMEDIATE; INSERT INTO meta VALUES ('other', 'x');")
                .unwrap();
            locked_tx.send(()).unwrap();
            crate::store::tests::wait::wait_for(
                "our write to wait for the lock",
                std::time::Duration::from_secs(10),
                || WAITING.load(Ordering::SeqCst).then_some(()),
            );
            conn.execute_batch("COMMIT").unwrap();
        })
    };
    locked_rx.recv().unwrap();
    // A read transaction started before the other commit would be refused at its
    // upgrade; an IMMEDIATE one waits for the lock.
    let b = intake(&mut store, "Budi", t(1, 5));
    other.join().unwrap();
    assert!(WAITING.load(Ordering::SeqCst), "the write waited");
    assert_eq!(b.reference, "ADU-2026-00002");
    assert_eq!(store.meta("other").unwrap().as_deref(), Some("x"));
}

#[test]
fn the_full_check_runs_on_a_connection_of_its_own() {
    let (dir, mut store) = temp_store();
    intake(&mut store, "Andi", t(1, 0));
    let found = integrity_check_at(&dir.path().join("data/desk.db")).unwrap();
    assert_eq!(found, ["ok"]);
}

#[test]
fn the_schemas_stopped_clock_is_the_workflows() {
    let (_dir, mut store) = temp_store();
    one_in_each_stage(&mut store);
    let rows: Vec<(String, bool)> = store
        .sqlite()
        .unwrap()
        .conn
        .prepare("SELECT stage, clock_stopped FROM complaints")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(rows.len(), Stage::ALL.len());
    for (stage, stopped) in rows {
        let stage = Stage::parse(&stage).unwrap();
        assert_eq!(stopped, !stage.sla_running(), "{stage:?}");
    }
}

#[test]
fn the_queue_order_is_served_by_an_index_not_a_sort() {
    let (_dir, mut store) = temp_store();
    one_in_each_stage(&mut store);
    let open: Vec<Stage> = Stage::ALL.into_iter().filter(|s| s.is_open()).collect();
    let page = |stages: Vec<Stage>| ListQuery {
        stages,
        deadline_before: None,
        category: None,
        after: None,
        limit: 20,
    };
    let after = QueueKey {
        clock_stopped: false,
        deadline: t(1, 0),
        id: 1,
    };
    let queries = [
        page(Stage::ALL.to_vec()),
        page(open.clone()),
        page(Stage::SLA_RUNNING.to_vec()),
        page(vec![Stage::Resolved]),
        ListQuery {
            after: Some(after),
            ..page(open)
        },
        ListQuery {
            deadline_before: Some(t(3, 0)),
            after: Some(after),
            ..page(Stage::SLA_RUNNING.to_vec())
        },
        ListQuery {
            category: Some("IMP".into()),
            ..page(Stage::ALL.to_vec())
        },
    ];
    for q in &queries {
        let plan = store.sqlite().unwrap().list_plan(q).unwrap();
        assert!(
            plan.iter().all(|step| !step.contains("TEMP B-TREE")),
            "{:?}: {plan:?}",
            q.stages
        );
        // And the rows come in the queue's order all the same.
        let rows = store.list(q).unwrap();
        let keys: Vec<QueueKey> = rows.iter().map(QueueKey::of).collect();
        let mut sorted = keys.clone();
        sorted.sort_by_key(|k| (k.clock_stopped, k.deadline, k.id));
        assert_eq!(keys, sorted);
    }
}

#[test]
fn stage_names_are_never_spelled_in_the_stores_sql() {
    // Every file of the store but the schema (and these tests).
    let sources = [
        ("bulk.rs", include_str!("bulk.rs")),
        ("complaints.rs", include_str!("complaints.rs")),
        ("delivery.rs", include_str!("delivery.rs")),
        ("drafts.rs", include_str!("drafts.rs")),
        ("followup.rs", include_str!("followup.rs")),
        ("history.rs", include_str!("history.rs")),
        ("incident.rs", include_str!("incident.rs")),
        ("maintenance.rs", include_str!("maintenance.rs")),
        ("mod.rs", include_str!("mod.rs")),
        ("outbox.rs", include_str!("outbox.rs")),
        ("report.rs", include_str!("report.rs")),
        ("retention.rs", include_str!("retention.rs")),
        ("time.rs", include_str!("time.rs")),
        ("watch.rs", include_str!("watch.rs")),
    ];
    for (file, source) in sources {
        for stage in Stage::ALL {
            assert!(
                !source.contains(&format!("'{}'", stage.as_str())),
                "{file}: '{}' spelled in SQL; bind it from Stage",
                stage.as_str()
            );
        }
    }
    // The event kinds the follow-up and the purge select by are bound constants.
    for (file, source) in [
        ("followup.rs", include_str!("followup.rs")),
        ("retention.rs", include_str!("retention.rs")),
    ] {
        for kind in ["'bcare_status'", "'notified'", "'purged'", "'resolve'"] {
            assert!(!source.contains(kind), "{file}: {kind} spelled in SQL");
        }
    }
}

#[test]
fn a_version_1_file_is_upgraded_with_its_complaints_searchable() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("desk.db");
    let conn = raw(&p);
    conn.execute_batch(schema::MIGRATIONS[0]).unwrap();
    conn.execute_batch(
        "INSERT INTO complaints (ref, ref_year, ref_seq, stage, applicant_kind, applicant_name,
            phone, npwp, channel, category, subject, description, received_at, sla_deadline)
         VALUES ('ADU-2026-00001', 2026, 1, 'handed_over', 'pengguna-jasa', 'Andi',
            '+6281234567890', '012345678901000', 'whatsapp', 'IMP', 'PIB', 'x',
            '2026-11-27T01:00:00Z', '2026-11-27T03:00:00Z');
         PRAGMA user_version = 1;",
    )
    .unwrap();
    drop(conn);
    // A reading open upgrades it once, since the file is writable.
    let store = Store::open_read_only(&p).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(store.search("0812 3456 7890", 5).unwrap().len(), 1);
    assert_eq!(store.search("andi", 5).unwrap().len(), 1);
    let q = ListQuery {
        stages: vec![Stage::HandedOver],
        deadline_before: None,
        category: None,
        after: None,
        limit: 5,
    };
    assert_eq!(store.list(&q).unwrap().len(), 1);
}

#[test]
fn a_draft_is_written_only_when_it_changed() {
    let (dir, store) = temp_store();
    let watcher = raw(&dir.path().join("data/desk.db"));
    let version = || -> i64 {
        watcher
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .unwrap()
    };
    assert!(
        store
            .save_draft("intake", "{\"name\":\"Andi\"}", t(1, 0))
            .unwrap()
    );
    let after_first = version();
    assert!(
        !store
            .save_draft("intake", "{\"name\":\"Andi\"}", t(1, 5))
            .unwrap()
    );
    assert_eq!(version(), after_first, "an unchanged draft was written");
    let (_, saved_at) = store.load_draft("intake").unwrap().unwrap();
    assert_eq!(saved_at, t(1, 0));
    assert!(
        store
            .save_draft("intake", "{\"name\":\"Andi W\"}", t(1, 6))
            .unwrap()
    );
    assert_ne!(version(), after_first);
    assert_eq!(store.load_draft("intake").unwrap().unwrap().1, t(1, 6));
}

#[test]
fn an_empty_file_holds_no_database_for_a_reading_command() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("kosong.db");
    std::fs::write(&p, b"").unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o400)).unwrap();
    let err = Store::open_read_only(&p).err().expect("refused");
    assert!(matches!(err, StoreError::NoDatabase(_)), "{err}");
    assert!(err.to_string().contains("kosong.db"), "{err}");
    assert_eq!(std::fs::metadata(&p).unwrap().len(), 0);
}

#[test]
fn owed_notices_are_read_from_their_partial_index() {
    let (_dir, mut store) = temp_store();
    one_in_each_stage(&mut store);
    // The index's stage, spelled in the schema, is `Stage::Resolved`'s name.
    let sql: String = store
        .sqlite()
        .unwrap()
        .conn
        .query_row(
            "SELECT sql FROM sqlite_master WHERE name = 'complaints_owed_notice'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        sql.contains(&format!(
            "WHERE stage = '{}' AND notified_at IS NULL",
            Stage::Resolved.as_str()
        )),
        "{sql}"
    );
    let plan = store.sqlite().unwrap().owed_plans().unwrap();
    let (count, list) = plan.split_at(plan.iter().position(|s| s == "--").unwrap());
    assert!(
        count.iter().any(|s| s.contains("complaints_owed_notice")),
        "{count:?}"
    );
    assert!(
        list.iter().any(|s| s.contains("complaints_owed_notice")),
        "{list:?}"
    );
    // Neither part of the list scans the table: each searches its index.
    assert!(
        list.iter()
            .all(|s| !s.starts_with("SCAN complaints") && !s.starts_with("SCAN c")),
        "{list:?}"
    );
}

#[test]
fn a_version_2_file_is_upgraded_with_its_resolved_complaints_not_owed() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("desk.db");
    let conn = raw(&p);
    conn.execute_batch(schema::MIGRATIONS[0]).unwrap();
    conn.execute_batch(schema::MIGRATIONS[1]).unwrap();
    // Resolved long ago (told outside the desk), resolved and told on the desk,
    // and one still at Dir. IKC.
    conn.execute_batch(
        "INSERT INTO complaints (ref, ref_year, ref_seq, stage, applicant_kind, applicant_name,
            channel, category, subject, description, received_at, sla_deadline, ticket_no,
            handed_over_at, resolved_at)
         VALUES
           ('ADU-2026-00001', 2026, 1, 'resolved', 'pegawai', 'Andi', 'whatsapp', 'IMP',
            'PIB', 'x', '2026-11-02T01:00:00Z', '2026-11-02T03:00:00Z', 'A0000000A1',
            '2026-11-02T02:00:00Z', '2026-11-03T05:00:00Z'),
           ('ADU-2026-00002', 2026, 2, 'resolved', 'pegawai', 'Budi', 'whatsapp', 'IMP',
            'PIB', 'x', '2026-11-02T01:00:00Z', '2026-11-02T03:00:00Z', 'A0000000A2',
            '2026-11-02T02:00:00Z', '2026-11-03T05:00:00Z'),
           ('ADU-2026-00003', 2026, 3, 'handed_over', 'pegawai', 'Citra', 'whatsapp', 'IMP',
            'PIB', 'x', '2026-11-02T01:00:00Z', '2026-11-02T03:00:00Z', 'A0000000A3',
            '2026-11-02T02:00:00Z', NULL);
         INSERT INTO events (complaint_id, at, officer, kind, note)
         VALUES (2, '2026-11-04T06:00:00Z', 'petugas', 'notified', 'via telepon');
         PRAGMA user_version = 2;",
    )
    .unwrap();
    drop(conn);
    let mut store = Store::open(&p).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let told = |store: &Store, r: &str| store.get(r).unwrap().notified_at;
    assert_eq!(
        told(&store, "ADU-2026-00001"),
        Some(Utc.with_ymd_and_hms(2026, 11, 3, 5, 0, 0).unwrap())
    );
    assert_eq!(
        told(&store, "ADU-2026-00002"),
        Some(Utc.with_ymd_and_hms(2026, 11, 4, 6, 0, 0).unwrap())
    );
    assert_eq!(told(&store, "ADU-2026-00003"), None);
    assert_eq!(store.notices_owed().unwrap(), 0);

    // Resolved after the upgrade, it is owed like any other.
    let c = store.get("ADU-2026-00003").unwrap();
    let change = Change::Resolve {
        at: t(5, 0),
        note: None,
    };
    store
        .apply(
            &c,
            Stage::Resolved,
            &change,
            &event("resolve", t(5, 0)),
            None,
        )
        .unwrap();
    assert_eq!(store.notices_owed().unwrap(), 1);
}

#[test]
fn a_database_that_is_not_there_is_never_made_by_opening_it_to_read() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("salah-ketik.db");
    assert!(Store::open_read_only(&p).is_err());
    assert!(!p.exists());
    std::fs::write(&p, b"").unwrap();
    assert!(Store::open_read_only(&p).is_err());
    assert_eq!(std::fs::metadata(&p).unwrap().len(), 0, "set up by a read");
    // Nor does the creating open make a missing folder.
    let deep = dir.path().join("tidak/ada/desk.db");
    assert!(Store::open(&deep).is_err());
    assert!(!dir.path().join("tidak").exists());
}

#[test]
fn a_backup_clears_what_killed_backups_left_under_any_name() {
    let (dir, store) = temp_store();
    // A process that has ended: its partial copies are stale.
    let mut gone = std::process::Command::new("true").spawn().unwrap();
    let dead = gone.id();
    gone.wait().unwrap();
    let stale = [
        format!(".salinan.db.{dead}.partial"),
        format!(".salinan.db.{dead}.partial-journal"),
    ];
    let live = format!(".lain.db.{}.partial", std::process::id());
    for f in stale.iter().chain([&live]) {
        std::fs::write(dir.path().join(f), b"setengah").unwrap();
    }
    store.backup(&dir.path().join("hari-ini.db")).unwrap();
    for f in &stale {
        assert!(!dir.path().join(f).exists(), "{f} left");
    }
    assert!(
        dir.path().join(&live).exists(),
        "a running backup's copy was removed"
    );
}
