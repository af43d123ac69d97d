use super::*;
use crate::domain::complaint::{Applicant, ApplicantKind, Channel, Complaint, NewComplaint, Stage};
use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use std::os::unix::fs::PermissionsExt;

fn t(h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 30, h, m, 0).unwrap()
}

fn complaint(name: &str, received: DateTime<Utc>) -> Complaint {
    let details = NewComplaint {
        applicant: Applicant {
            kind: ApplicantKind::PenggunaJasa,
            name: name.into(),
            nip: None,
            org: Some("PT Samudra Makassar".into()),
            npwp: Some("012345678901000".into()),
            nib: None,
            phone: Some("+6281234567890".into()),
            email: None,
        },
        channel: Channel::Whatsapp,
        category: "IMP".into(),
        subject: "PIB belum mendapat respon".into(),
        description: "Sejak pagi".into(),
        user_id: None,
        aju: vec!["00002001001720261127000123".into()],
        doc_type: Some("BC 2.0 PIB".into()),
        doc_status: None,
        doc_submitted_at: None,
        attachments: vec!["/tmp/layar.png".into()],
        received_at: received,
    };
    Complaint::received(details, received + TimeDelta::hours(2))
}

fn intake(store: &mut SqliteStore, name: &str, received: DateTime<Utc>) -> Complaint {
    let mut recs = [IntakeRecord {
        ref_year: 2026,
        complaint: complaint(name, received),
        events: vec![event("intake", received)],
    }];
    store.insert_complaints(&mut recs).unwrap();
    let [rec] = recs;
    rec.complaint
}

fn event(kind: &'static str, at: DateTime<Utc>) -> NewEvent {
    NewEvent {
        at,
        officer: "petugas".into(),
        kind,
        before: None,
        after: None,
        note: None,
    }
}

fn temp_store() -> (tempfile::TempDir, SqliteStore) {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&dir.path().join("data/desk.db")).unwrap();
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
fn references_count_up_within_a_year_and_round_trip() {
    let (_dir, mut store) = temp_store();
    let a = intake(&mut store, "Andi", t(1, 0));
    let b = intake(&mut store, "Budi", t(1, 5));
    assert_eq!(a.reference, "ADU-2026-00001");
    assert_eq!(b.reference, "ADU-2026-00002");
    let back = store.get("adu-2026-00001").unwrap();
    assert_eq!(back, a);
    assert!(matches!(
        store.get("ADU-2026-09999"),
        Err(StoreError::NotFound(_))
    ));
}

#[test]
fn a_step_changes_the_row_only_from_the_expected_stage() {
    let (_dir, mut store) = temp_store();
    let c = intake(&mut store, "Andi", t(1, 0));
    let fwd = Change::Forward { at: t(1, 10) };
    store
        .apply(
            &c,
            Stage::Forwarded,
            &fwd,
            &event("forward", t(1, 10)),
            None,
        )
        .unwrap();
    // The same step again, from the stale copy, is a conflict and writes no event.
    let again = store.apply(
        &c,
        Stage::Forwarded,
        &fwd,
        &event("forward", t(1, 11)),
        None,
    );
    assert!(matches!(again, Err(StoreError::Conflict(_))));
    let now = store.get(&c.reference).unwrap();
    assert_eq!(now.stage, Stage::Forwarded);
    assert_eq!(now.forwarded_at, Some(t(1, 10)));
    let kinds: Vec<_> = store
        .events(c.id)
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(kinds, ["intake", "forward"]);
}

#[test]
fn events_cannot_be_rewritten() {
    let (_dir, mut store) = temp_store();
    intake(&mut store, "Andi", t(1, 0));
    let err = store
        .conn
        .execute("UPDATE events SET officer = 'x'", [])
        .unwrap_err();
    assert!(err.to_string().contains("append-only"), "{err}");
    assert!(store.conn.execute("DELETE FROM events", []).is_err());
}

#[test]
fn the_queue_is_paged_most_urgent_first() {
    let (_dir, mut store) = temp_store();
    for i in 0..7 {
        intake(&mut store, &format!("Pemohon {i}"), t(8 - i, 0));
    }
    let mut q = ListQuery {
        stages: Stage::SLA_RUNNING.to_vec(),
        deadline_before: None,
        category: None,
        after: None,
        limit: 3,
    };
    let mut seen = Vec::new();
    loop {
        let page = store.list(&q).unwrap();
        if page.is_empty() {
            break;
        }
        let last = page.last().unwrap();
        q.after = Some(QueueKey::of(last));
        seen.extend(page.into_iter().map(|c| c.sla_deadline));
    }
    assert_eq!(seen.len(), 7);
    assert!(seen.windows(2).all(|w| w[0] <= w[1]));
    q.after = None;
    q.deadline_before = Some(t(7, 0));
    assert_eq!(
        store.list(&q).unwrap().len(),
        3,
        "deadlines 4:00, 5:00, 6:00 are before 7:00"
    );
}

#[test]
fn search_finds_by_name_nomor_aju_and_ticket() {
    let (_dir, mut store) = temp_store();
    let c = intake(&mut store, "Siti Rahmawati", t(1, 0));
    intake(&mut store, "Budi", t(1, 0));
    assert_eq!(store.search("rahma", 10).unwrap().len(), 1);
    assert_eq!(store.search("0000200100", 10).unwrap().len(), 2);
    let fwd = store.get(&c.reference).unwrap();
    store
        .apply(
            &fwd,
            Stage::Forwarded,
            &Change::Forward { at: t(1, 1) },
            &event("forward", t(1, 1)),
            None,
        )
        .unwrap();
    let fwd = store.get(&c.reference).unwrap();
    let ticket = Change::Ticket {
        at: t(1, 2),
        ticket_no: "A0254EB2B1".into(),
        linked_to: None,
    };
    store
        .apply(
            &fwd,
            Stage::Ticketed,
            &ticket,
            &event("ticket", t(1, 2)),
            None,
        )
        .unwrap();
    let hits = store.search("a0254", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].ticket_no.as_deref(), Some("A0254EB2B1"));
    assert!(store.search("\" OR *", 10).unwrap().is_empty());
}

#[test]
fn a_file_that_is_not_a_database_is_refused_naming_the_backup_command() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("notes.db");
    std::fs::write(&p, "catatan di sticky notes, bukan database ".repeat(200)).unwrap();
    let err = SqliteStore::open(&p).err().expect("refused").to_string();
    assert!(err.contains("bcare-desk backup"), "{err}");
}

#[test]
fn a_database_from_a_newer_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("desk.db");
    drop(SqliteStore::open(&p).unwrap());
    let conn = rusqlite::Connection::open(&p).unwrap();
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    drop(conn);
    let err = SqliteStore::open(&p).err().expect("refused");
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
    let copy = SqliteStore::open_read_only(&dest).unwrap();
    assert_eq!(copy.total().unwrap(), 1);
    assert!(store.backup(&dest).is_err(), "never overwrites");
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.contains("partial")), "{names:?}");
}

#[test]
fn counts_tell_breached_and_waiting() {
    let (_dir, mut store) = temp_store();
    let c = intake(&mut store, "Andi", t(1, 0));
    intake(&mut store, "Budi", t(5, 0));
    let out = NewOutbox {
        idempotency_key: c.reference.clone(),
        client: "sim".into(),
        payload: "{}".into(),
        created_at: t(1, 1),
    };
    store
        .apply(
            &c,
            Stage::Forwarded,
            &Change::Forward { at: t(1, 1) },
            &event("forward", t(1, 1)),
            Some(&out),
        )
        .unwrap();
    let n = store.counts(t(4, 0)).unwrap();
    assert_eq!(n.running, 2);
    assert_eq!(n.breached, 1);
    assert_eq!(n.waiting_to_send, 1);
    assert_eq!(store.outbox_pending(10).unwrap()[0].reference, c.reference);
}

#[test]
fn complaints_whose_clock_stopped_come_after_the_running_ones() {
    let (_dir, mut store) = temp_store();
    let early = intake(&mut store, "Handed over early", t(1, 0));
    intake(&mut store, "Running late", t(3, 0));
    intake(&mut store, "Running", t(4, 0));
    let fwd = Change::Forward { at: t(1, 1) };
    store
        .apply(
            &early,
            Stage::Forwarded,
            &fwd,
            &event("forward", t(1, 1)),
            None,
        )
        .unwrap();
    let early = store.get(&early.reference).unwrap();
    let ticket = Change::Ticket {
        at: t(1, 2),
        ticket_no: "A0254EB2B1".into(),
        linked_to: None,
    };
    store
        .apply(
            &early,
            Stage::Ticketed,
            &ticket,
            &event("ticket", t(1, 2)),
            None,
        )
        .unwrap();
    let early = store.get(&early.reference).unwrap();
    let hand = Change::HandOver {
        at: t(1, 3),
        via: Channel::Telepon,
    };
    store
        .apply(
            &early,
            Stage::HandedOver,
            &hand,
            &event("handover", t(1, 3)),
            None,
        )
        .unwrap();

    let open: Vec<Stage> = Stage::ALL.into_iter().filter(|s| s.is_open()).collect();
    let mut q = ListQuery {
        stages: open,
        deadline_before: None,
        category: None,
        after: None,
        limit: 2,
    };
    let first = store.list(&q).unwrap();
    let names: Vec<_> = first
        .iter()
        .map(|c| c.details.applicant.name.as_str())
        .collect();
    assert_eq!(names, ["Running late", "Running"]);
    q.after = Some(QueueKey::of(first.last().unwrap()));
    let second = store.list(&q).unwrap();
    assert_eq!(second.len(), 1);
    assert_eq!(second[0].details.applicant.name, "Handed over early");
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
    for open in [SqliteStore::open, SqliteStore::open_read_only] {
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
    assert!(matches!(
        SqliteStore::open(&p),
        Err(StoreError::Foreign { .. })
    ));
}

#[test]
fn an_empty_file_is_initialised_and_marked_as_the_desks() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("kosong.db");
    std::fs::write(&p, b"").unwrap();
    let mut store = SqliteStore::open(&p).unwrap();
    intake(&mut store, "Andi", t(1, 0));
    drop(store);
    let id: i64 = raw(&p)
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap();
    assert_eq!(id, APPLICATION_ID);
    assert_eq!(SqliteStore::open_read_only(&p).unwrap().total().unwrap(), 1);
}

#[test]
fn a_desk_file_from_before_the_application_id_is_adopted() {
    let (dir, mut store) = temp_store();
    let p = dir.path().join("data/desk.db");
    intake(&mut store, "Andi", t(1, 0));
    drop(store);
    raw(&p).pragma_update(None, "application_id", 0).unwrap();
    let store = SqliteStore::open(&p).unwrap();
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
    for open in [SqliteStore::open, SqliteStore::open_read_only] {
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
    let mut ro = SqliteStore::open_read_only(&p).unwrap();
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
    let err = SqliteStore::open(&p).err().expect("refused");
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err}");
    assert!(err.to_string().contains(&p.display().to_string()));
    assert!(SqliteStore::open_read_only(&p).is_ok());
}

#[test]
fn a_writer_waits_for_another_process_write_instead_of_failing() {
    let (dir, mut store) = temp_store();
    let p = dir.path().join("data/desk.db");
    intake(&mut store, "Andi", t(1, 0));
    // Another connection takes the write lock, writes, and commits 300 ms later.
    let (locked_tx, locked_rx) = std::sync::mpsc::channel();
    let other = {
        let p = p.clone();
        std::thread::spawn(move || {
            let conn = raw(&p);
            conn.execute_batch("BEGIN IMMEDIATE; INSERT INTO meta VALUES ('other', 'x');")
                .unwrap();
            locked_tx.send(()).unwrap();
            std::thread::sleep(std::time::Duration::from_millis(300));
            conn.execute_batch("COMMIT").unwrap();
        })
    };
    locked_rx.recv().unwrap();
    // A read transaction started before the other commit would be refused at its
    // upgrade; an IMMEDIATE one waits for the lock.
    let b = intake(&mut store, "Budi", t(1, 5));
    other.join().unwrap();
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

/// One complaint in each stage, written as such.
fn one_in_each_stage(store: &mut SqliteStore) {
    let mut recs: Vec<IntakeRecord> = Stage::ALL
        .iter()
        .enumerate()
        .map(|(i, stage)| {
            let mut c = complaint("Andi", t(1, i as u32));
            c.stage = *stage;
            IntakeRecord {
                ref_year: 2026,
                complaint: c,
                events: vec![],
            }
        })
        .collect();
    store.insert_complaints(&mut recs).unwrap();
}

#[test]
fn the_schemas_stopped_clock_is_the_workflows() {
    let (_dir, mut store) = temp_store();
    one_in_each_stage(&mut store);
    let rows: Vec<(String, bool)> = store
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
        let plan = store.list_plan(q).unwrap();
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
fn search_finds_identifiers_however_they_are_typed() {
    let (_dir, mut store) = temp_store();
    let c = intake(&mut store, "Siti", t(1, 0));
    let mut other = complaint("Budi", t(1, 5));
    other.details.applicant.phone = Some("+6285299990000".into());
    other.details.applicant.npwp = Some("998877665544000".into());
    other.details.aju = vec!["00003001001720261127000999".into()];
    store
        .insert_complaints(&mut [IntakeRecord {
            ref_year: 2026,
            complaint: other,
            events: vec![],
        }])
        .unwrap();
    for typed in [
        "000020-010017-20261127-000123",
        "000020 010017 20261127 000123",
        "000020-0100",
        "0812-3456-7890",
        "081234567890",
        "+62 812 3456 7890",
        "6281234567890",
        "0812-3456",
        "01.234.567.8-901.000",
        "012345678901000",
        "01.234.567",
    ] {
        let hits = store.search(typed, 10).unwrap();
        let refs: Vec<&str> = hits.iter().map(|h| h.reference.as_str()).collect();
        assert_eq!(refs, [c.reference.as_str()], "{typed}");
    }
}

#[test]
fn one_and_two_letter_searches_order_only_the_newest_matches() {
    let (_dir, mut store) = temp_store();
    // 100 old complaints still open, then 2,000 newer ones closed.
    let mut recs: Vec<IntakeRecord> = (0..2_100)
        .map(|i| {
            let name = if i < 100 { "Andi Lama" } else { "Andi" };
            let mut c = complaint(name, t(1, 0) + TimeDelta::minutes(i));
            if i >= 100 {
                c.stage = Stage::Resolved;
            }
            IntakeRecord {
                ref_year: 2026,
                complaint: c,
                events: vec![],
            }
        })
        .collect();
    store.insert_complaints(&mut recs).unwrap();
    for typed in ["a", "an", "ad"] {
        let hits = store.search(typed, 50).unwrap();
        assert_eq!(hits.len(), 50, "{typed}");
        // Open ones come first, but only among the newest 500 matches: a word
        // matching everything is not sorted over the whole table.
        assert!(hits.iter().all(|h| h.stage == Stage::Resolved), "{typed}");
        assert_eq!(hits[0].reference, "ADU-2026-02100");
    }
    // A word that matches few finds old complaints as well.
    let old = store.search("lama", 500).unwrap();
    assert_eq!(old.len(), 100);
    assert!(old.iter().all(|h| h.stage == Stage::Received));
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
    let store = SqliteStore::open_read_only(&p).unwrap();
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
fn an_empty_read_only_file_is_explained_to_a_reading_command() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("kosong.db");
    std::fs::write(&p, b"").unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o400)).unwrap();
    let err = SqliteStore::open_read_only(&p).err().expect("refused");
    assert!(matches!(err, StoreError::EmptyReadOnly { .. }), "{err}");
    assert_eq!(std::fs::metadata(&p).unwrap().len(), 0);
}

/// A complaint at `stage` carrying a ticket, told at `notified_at` (if resolved).
fn at_stage(
    store: &mut SqliteStore,
    stage: Stage,
    notified_at: Option<DateTime<Utc>>,
) -> Complaint {
    let mut c = complaint("Andi", t(1, 0));
    c.stage = stage;
    c.ticket_no = Some("A0254EB2B1".into());
    c.ticketed_at = Some(t(1, 10));
    if stage == Stage::Resolved {
        c.resolved_at = Some(t(2, 0));
    }
    c.notified_at = notified_at;
    let mut recs = [IntakeRecord {
        ref_year: 2026,
        complaint: c,
        events: vec![],
    }];
    store.insert_complaints(&mut recs).unwrap();
    let [rec] = recs;
    rec.complaint
}

#[test]
fn the_stores_owed_notices_are_the_domains_rule() {
    use crate::domain::followup::notice_owed;
    let (_dir, mut store) = temp_store();
    for stage in Stage::ALL {
        for told in [None, Some(t(3, 0))] {
            at_stage(&mut store, stage, told);
        }
    }
    let all: Vec<Complaint> = (1..=store.total().unwrap())
        .map(|id| store.get_by_id(id).unwrap())
        .collect();
    let mut owed: Vec<String> = all
        .iter()
        .filter(|c| notice_owed(c.stage, c.notified_at))
        .map(|c| c.reference.clone())
        .collect();
    assert_eq!(owed.len(), 1, "one resolved and not told");
    assert_eq!(store.notices_owed().unwrap(), owed.len() as i64);
    let listed = store.followed(100).unwrap();
    let mut listed_owed: Vec<String> = listed
        .iter()
        .filter(|f| f.notice_owed)
        .map(|f| f.reference.clone())
        .collect();
    owed.sort();
    listed_owed.sort();
    assert_eq!(listed_owed, owed);
    // The rest of the list is the tickets still at Dir. IKC, told or not.
    assert!(
        listed
            .iter()
            .filter(|f| !f.notice_owed)
            .all(|f| matches!(f.stage, Stage::Ticketed | Stage::HandedOver))
    );
    assert_eq!(listed.len(), 1 + 4);
}

#[test]
fn a_notice_sets_notified_at_with_its_event_and_only_on_a_resolved_complaint() {
    let (_dir, mut store) = temp_store();
    let resolved = at_stage(&mut store, Stage::Resolved, None);
    let open = at_stage(&mut store, Stage::HandedOver, None);
    assert_eq!(store.notices_owed().unwrap(), 1);
    let told = event("notified", t(4, 0));
    let err = store
        .record_notified(open.id, &open.reference, &told)
        .unwrap_err();
    assert!(matches!(err, StoreError::Conflict(_)), "{err}");
    assert!(store.events(open.id).unwrap().is_empty());
    assert_eq!(store.get_by_id(open.id).unwrap().notified_at, None);
    let err = store
        .record_notified(999, "ADU-2026-00999", &told)
        .unwrap_err();
    assert!(matches!(err, StoreError::NotFound(_)), "{err}");

    store
        .record_notified(resolved.id, &resolved.reference, &told)
        .unwrap();
    assert_eq!(
        store.get_by_id(resolved.id).unwrap().notified_at,
        Some(t(4, 0))
    );
    assert_eq!(store.events(resolved.id).unwrap().len(), 1);
    assert_eq!(store.notices_owed().unwrap(), 0);
    assert!(store.followed(100).unwrap().iter().all(|f| !f.notice_owed));
}

#[test]
fn owed_notices_are_read_from_their_partial_index() {
    let (_dir, mut store) = temp_store();
    one_in_each_stage(&mut store);
    // The index's stage, spelled in the schema, is `Stage::Resolved`'s name.
    let sql: String = store
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
    let plan = store.owed_plans().unwrap();
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
    let mut store = SqliteStore::open(&p).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let told = |store: &SqliteStore, r: &str| store.get(r).unwrap().notified_at;
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
fn a_resolution_seen_by_the_follow_up_takes_the_resolve_step_or_none() {
    let (_dir, mut store) = temp_store();
    let a = at_stage(&mut store, Stage::HandedOver, None);
    let b = at_stage(&mut store, Stage::Ticketed, None);
    let seen = SeenStatus {
        ticket_no: "A0254EB2B1".into(),
        status: "closed".into(),
        at: t(6, 0),
        officer: "Dir. IKC".into(),
        note: None,
        done: true,
    };
    // The check passed in allows the step from handed_over only (the workflow's).
    let changes = store
        .record_ticket_status(&seen, |s| {
            (s == Stage::HandedOver).then_some(Stage::Resolved)
        })
        .unwrap();
    let resolved: Vec<(&str, bool)> = changes
        .iter()
        .map(|c| (c.reference.as_str(), c.resolved))
        .collect();
    assert_eq!(
        resolved,
        [(a.reference.as_str(), true), (b.reference.as_str(), false)]
    );
    let after = store.get_by_id(a.id).unwrap();
    assert_eq!(after.stage, Stage::Resolved);
    assert_eq!(after.resolved_at, Some(t(6, 0)));
    assert_eq!(after.resolution_note.as_deref(), Some("BCare: closed"));
    let kinds: Vec<String> = store
        .events(a.id)
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(kinds, ["bcare_status", "resolve"]);
    assert_eq!(store.get_by_id(b.id).unwrap().stage, Stage::Ticketed);
    assert_eq!(store.notices_owed().unwrap(), 1);
}
