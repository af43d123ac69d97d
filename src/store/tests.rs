//! The store's behaviour, the same on both backends: each test here runs on a
//! SQLite file and on a PostgreSQL database (a private cluster the tests start;
//! where PostgreSQL is not installed the PostgreSQL half says SKIPPED).

use crate::domain::complaint::{Channel, Complaint, Stage};
use crate::store::*;
use chrono::TimeDelta;
use fixtures::*;

#[path = "../../tests/pg_support/mod.rs"]
mod pg_support;

/// The tests' one wait on another thread, process or server.
#[path = "../../tests/support/wait.rs"]
pub(crate) mod wait;

/// Complaints and events as the tests write them.
pub(crate) mod fixtures {
    use crate::domain::complaint::{
        Applicant, ApplicantKind, Channel, Complaint, NewComplaint, Stage,
    };
    use crate::store::*;
    use chrono::{DateTime, TimeDelta, TimeZone, Utc};

    pub fn t(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 30, h, m, 0).unwrap()
    }

    pub fn complaint(name: &str, received: DateTime<Utc>) -> Complaint {
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

    pub fn intake(store: &mut Store, name: &str, received: DateTime<Utc>) -> Complaint {
        let mut recs = [IntakeRecord {
            ref_year: 2026,
            complaint: complaint(name, received),
            events: vec![event("intake", received)],
        }];
        store.insert_complaints(&mut recs).unwrap();
        let [rec] = recs;
        rec.complaint
    }

    pub fn event(kind: &'static str, at: DateTime<Utc>) -> NewEvent {
        NewEvent {
            at,
            officer: "petugas".into(),
            kind,
            before: None,
            after: None,
            note: None,
            said: None,
        }
    }

    /// One complaint in each stage, written as such.
    pub fn one_in_each_stage(store: &mut Store) {
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

    /// A complaint at `stage` carrying a ticket, told at `notified_at` (if resolved).
    pub fn at_stage(
        store: &mut Store,
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

    /// A complaint forwarded at 09:01 with its report queued for the simulator.
    pub fn forwarded_with_outbox(store: &mut Store, name: &str) -> Complaint {
        let c = intake(store, name, t(1, 0));
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
        store.get(&c.reference).unwrap()
    }
}

/// A fresh store on a SQLite file, kept while the directory lives.
pub(crate) fn sqlite_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    make_data_folder(&dir.path().join("data")).unwrap();
    let store = Store::open(&dir.path().join("data/desk.db")).unwrap();
    (dir, store)
}

/// A fresh store on a new PostgreSQL database; None (said SKIPPED) without PostgreSQL.
pub(crate) fn postgres_store(test: &str) -> Option<Store> {
    let Some(server) = pg_support::server() else {
        pg_support::skipped(test);
        return None;
    };
    let url = server.fresh_database(test);
    Some(Store::open_at(&Location::from_arg(std::path::Path::new(&url))).unwrap())
}

/// Each test twice: `on_sqlite::name` and `on_postgres::name`.
macro_rules! on_both {
    ($( fn $name:ident($store:ident) $body:block )*) => {
        mod on_sqlite {
            use super::*;
            $(
                #[test]
                #[allow(unused_mut)]
                fn $name() {
                    let (_dir, mut $store) = sqlite_store();
                    $body
                }
            )*
        }
        mod on_postgres {
            use super::*;
            $(
                #[test]
                #[allow(unused_mut)]
                fn $name() {
                    let Some(mut $store) = postgres_store(stringify!($name)) else {
                        return;
                    };
                    $body
                }
            )*
        }
    };
}

on_both! {
    fn holiday_changes_are_kept_with_who_and_when_oldest_first(store) {
        use crate::domain::calendar::{Holiday, HolidayChange};
        use chrono::NaiveDate;
        assert!(store.calendar_changes().unwrap().is_empty());
        store.set_desk("Loket 2");
        let day = |m, d| NaiveDate::from_ymd_opt(2027, m, d).unwrap();
        let changes = [
            HolidayChange::Announce {
                year: 2027,
                holidays: vec![Holiday {
                    date: day(1, 1),
                    name: "Tahun Baru 2027 Masehi".into(),
                    cuti_bersama: false,
                }],
            },
            HolidayChange::Add(Holiday {
                date: day(3, 11),
                name: "Cuti bersama Idul Fitri".into(),
                cuti_bersama: true,
            }),
            HolidayChange::Remove(day(1, 1)),
        ];
        for (i, c) in changes.iter().enumerate() {
            store
                .record_calendar_change(c, t(1, i as u32), "Rina")
                .unwrap();
        }
        let kept = store.calendar_changes().unwrap();
        assert_eq!(kept.len(), 3);
        for (i, (k, c)) in kept.iter().zip(&changes).enumerate() {
            assert_eq!(&k.change, c);
            assert_eq!(k.at, t(1, i as u32));
            // On a shared database the server names the officer (its login
            // role), the desk's name beside it.
            if store.is_postgres() {
                assert_ne!(k.officer, "Rina");
                assert_eq!(k.officer_name.as_deref(), Some("Rina"));
            } else {
                assert_eq!(k.officer, "Rina");
                assert_eq!(k.officer_name, None);
            }
            assert_eq!(k.desk.as_deref(), Some("Loket 2"));
        }
        assert!(kept.windows(2).all(|w| w[0].id < w[1].id));
    }

    fn references_count_up_within_a_year_and_round_trip(store) {
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

    fn an_event_keeps_the_desks_words_and_an_old_one_its_note(store) {
        use crate::domain::desk_note::{DeskNote, shown};
        use crate::domain::msg::Lang;
        let mut old = event("link", t(1, 0));
        old.note = Some("ticket A0254EB2B1 dari ADU-2026-00001".into());
        let mut new = event("forward", t(1, 1));
        new.note = Some("client sim".into());
        new.said = Some(DeskNote::Client { client: "sim".into() });
        let mut recs = [IntakeRecord {
            ref_year: 2026,
            complaint: complaint("Andi", t(1, 0)),
            events: vec![old, new],
        }];
        store.insert_complaints(&mut recs).unwrap();
        let events = store.events(recs[0].complaint.id).unwrap();
        assert_eq!(events[0].said, None);
        assert_eq!(
            shown(&events[0], Lang::En).as_deref(),
            Some("number A0254EB2B1 from ADU-2026-00001")
        );
        assert_eq!(events[1].said, Some(DeskNote::Client { client: "sim".into() }));
        assert_eq!(shown(&events[1], Lang::Id).as_deref(), Some("lewat simulator"));
        assert_eq!(events[1].note.as_deref(), Some("client sim"));
    }

    fn a_step_changes_the_row_only_from_the_expected_stage(store) {
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

    fn the_queue_is_paged_most_urgent_first(store) {
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

    fn search_finds_by_name_nomor_aju_and_ticket(store) {
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

    fn counts_tell_breached_and_waiting(store) {
        let c = forwarded_with_outbox(&mut store, "Andi");
        intake(&mut store, "Budi", t(5, 0));
        let n = store.counts(t(4, 0)).unwrap();
        assert_eq!(n.running, 2);
        assert_eq!(n.breached, 1);
        assert_eq!(n.waiting_to_send, 1);
        assert_eq!(store.outbox_pending(10).unwrap()[0].reference, c.reference);
    }

    fn a_row_taken_over_after_its_lease_counts_every_attempt(store) {
        let c = forwarded_with_outbox(&mut store, "Andi");
        // Desk A claims the row and dies mid-send: no attempt recorded.
        let lease = TimeDelta::minutes(5);
        let first = store.outbox_claim(t(1, 2), "sim", t(1, 2) + lease, 1).unwrap();
        assert_eq!(first[0].attempts, 0);
        // Desk B takes it over once the lease ran out: A's attempt counts.
        let b = Store::open_at(store.location()).unwrap();
        let later = t(1, 8);
        let taken = b.outbox_claim(later, "sim", later + lease, 1).unwrap();
        assert_eq!(taken.len(), 1);
        assert_eq!(taken[0].attempts, 1, "the lost attempt is counted");
        let ticket = DeliveredTicket {
            ticket_no: "A0254EB2B1".into(),
            at: later,
            officer: "Petugas".into(),
            client: "sim".into(),
            remark: None,
        };
        b.outbox_delivered(taken[0].id, &ticket, |_| true).unwrap();
        let row = &store.outbox_of(c.id).unwrap()[0];
        assert_eq!((row.state, row.attempts), (OutboxState::Sent, 2));
        // A's answer arriving late as a failure changes nothing of the sent row.
        store
            .outbox_attempt_failed(row.id, "BCare did not answer", later, true)
            .unwrap();
        let row = &store.outbox_of(c.id).unwrap()[0];
        assert_eq!((row.state, row.attempts), (OutboxState::Sent, 2));
        assert_eq!(row.last_error, None);
    }
    fn a_claim_given_back_after_a_crash_counts_its_attempt(store) {
        forwarded_with_outbox(&mut store, "Andi");
        let lease = t(1, 2) + TimeDelta::minutes(5);
        store.outbox_claim(t(1, 2), "sim", lease, 1).unwrap();
        assert_eq!(store.outbox_release_claims().unwrap(), 1);
        // Due again at once, and the attempt that crashed is counted.
        let again = store.outbox_claim(t(1, 2), "sim", lease, 1).unwrap();
        assert_eq!(again.len(), 1);
        assert_eq!(again[0].attempts, 1);
    }
    fn complaints_whose_clock_stopped_come_after_the_running_ones(store) {
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
            phone: None,
            email: None,
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

    fn search_finds_identifiers_however_they_are_typed(store) {
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

    fn search_finds_an_npwp_in_either_length_and_a_nomor_aju_by_its_end(store) {
        // Siti's NPWP is stored in 15 digits, Budi's in 16 ("0" and 15).
        intake(&mut store, "Siti", t(1, 0));
        let mut other = complaint("Budi", t(1, 5));
        other.details.applicant.npwp = Some("0998877665544000".into());
        other.details.aju = vec!["00003001001720261127000999".into()];
        store
            .insert_complaints(&mut [IntakeRecord {
                ref_year: 2026,
                complaint: other,
                events: vec![],
            }])
            .unwrap();
        let found = |typed: &str| -> Vec<String> {
            let hits = store.search(typed, 10).unwrap();
            hits.into_iter().map(|h| h.details.applicant.name).collect()
        };
        for (typed, who) in [
            ("0012345678901000", "Siti"),
            ("0012.3456.7890.1000", "Siti"),
            ("998877665544000", "Budi"),
            ("99.887.766.5-544.000", "Budi"),
            ("0998877665544000", "Budi"),
            ("000123", "Siti"),
            ("20261127000123", "Siti"),
            ("20261127-000123", "Siti"),
            ("000999", "Budi"),
            ("000-999", "Budi"),
        ] {
            assert_eq!(found(typed), [who], "{typed}");
        }
        // Fewer than six digits, digits from the middle, or more than the date and
        // serial: not the end of a nomor aju.
        for typed in ["00123", "2026112700", "0017202611", "720261127000999"] {
            assert!(found(typed).is_empty(), "{typed}: {:?}", found(typed));
        }
    }

    fn one_and_two_letter_searches_order_only_the_newest_matches(store) {
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

    fn the_stores_owed_notices_are_the_domains_rule(store) {
        use crate::domain::followup::notice_owed;
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

    fn a_notice_sets_notified_at_with_its_event_and_only_on_a_resolved_complaint(store) {
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

    fn a_ticket_status_writes_what_was_decided_for_each_complaint_on_it(store) {
        let a = at_stage(&mut store, Stage::HandedOver, None);
        let b = at_stage(&mut store, Stage::Ticketed, None);
        let status = |before: Option<String>| NewEvent {
            before,
            after: Some("closed".into()),
            ..event(crate::domain::followup::STATUS_EVENT, t(6, 0))
        };
        // Decided here as the desk would: a status event for each, the resolve
        // step for the handed-over one only.
        let written = store
            .record_ticket_status("A0254EB2B1", |row| StatusWrite {
                event: Some(status(row.last_status.clone())),
                step: (row.stage == Stage::HandedOver).then(|| RowStep {
                    to: Stage::Resolved,
                    change: Change::Resolve {
                        at: t(6, 0),
                        note: Some("BCare: closed".into()),
                    },
                    event: event("resolve", t(6, 0)),
                }),
            })
            .unwrap();
        let read: Vec<(&str, Stage, bool)> = written
            .iter()
            .map(|(row, w)| (row.reference.as_str(), row.stage, w.step.is_some()))
            .collect();
        assert_eq!(
            read,
            [
                (a.reference.as_str(), Stage::HandedOver, true),
                (b.reference.as_str(), Stage::Ticketed, false)
            ]
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
        // The next status reads the last one recorded; a resolved complaint is
        // followed no more.
        let again = store
            .record_ticket_status("A0254EB2B1", |_| StatusWrite {
                event: None,
                step: None,
            })
            .unwrap();
        assert_eq!(again.len(), 1);
        assert_eq!(again[0].0.reference, b.reference);
        assert_eq!(again[0].0.last_status.as_deref(), Some("closed"));
    }

    fn a_number_found_is_taken_only_where_the_desk_allows_it(store) {
        let c = intake(&mut store, "Andi", t(1, 0));
        store
            .apply(&c, Stage::Forwarded, &Change::Forward { at: t(1, 10) }, &event("forward", t(1, 10)), None)
            .unwrap();
        let found = NewEvent {
            note: Some("ticket K735BBA665; dari CEISACare".into()),
            ..event("ticket", t(2, 0))
        };
        let refused = store
            .ticket_found(&c.reference, "K735BBA665", &found, |_, _| false)
            .unwrap();
        assert!(!refused);
        assert_eq!(store.get(&c.reference).unwrap().stage, Stage::Forwarded);
        let mut asked = None;
        let taken = store
            .ticket_found(&c.reference, "K735BBA665", &found, |stage, recorded| {
                asked = Some((stage, recorded.map(str::to_string)));
                true
            })
            .unwrap();
        assert!(taken);
        assert_eq!(asked, Some((Stage::Forwarded, None)));
        let now = store.get(&c.reference).unwrap();
        assert_eq!((now.stage, now.ticket_no.as_deref()), (Stage::Ticketed, Some("K735BBA665")));
        assert_eq!(now.ticketed_at, Some(t(2, 0)));
        let last = store.events(c.id).unwrap().pop().unwrap();
        assert_eq!(last.note.as_deref(), Some("ticket K735BBA665; dari CEISACare"));
        assert!(!store.ticket_found("ADU-2026-99999", "K1", &found, |_, _| true).unwrap());
    }

    fn a_tickets_steps_are_imported_once_into_the_complaint_that_filed_it(store) {
        let filed = at_stage(&mut store, Stage::HandedOver, None);
        let step = |at, status: &str, note: &str| ImportedEvent {
            event: NewEvent {
                officer: "Dir. IKC Layer 2".into(),
                after: Some(status.into()),
                note: Some(note.into()),
                ..event("bcare_step", at)
            },
            timed: true,
        };
        let answer = |at, note: &str| ImportedEvent {
            event: NewEvent {
                note: Some(note.into()),
                ..event("bcare_answer", at)
            },
            timed: false,
        };
        let first = [step(t(3, 0), "Proses", "Dianalisa"), answer(t(4, 0), "Agen: dicek")];
        assert_eq!(store.import_ticket_events("A0254EB2B1", &first).unwrap(), 2);
        // Read again an hour later: the same step at its own time, the same answer
        // seen again; and a step of the same words at another time is another step.
        let again = [
            step(t(3, 0), "Proses", "Dianalisa"),
            answer(t(5, 0), "Agen: dicek"),
            step(t(5, 30), "Proses", "Dianalisa"),
        ];
        assert_eq!(store.import_ticket_events("A0254EB2B1", &again).unwrap(), 1);
        let kinds: Vec<(String, chrono::DateTime<chrono::Utc>)> = store
            .events(filed.id)
            .unwrap()
            .into_iter()
            .map(|e| (e.kind, e.at))
            .collect();
        assert_eq!(
            kinds,
            [
                ("bcare_step".to_string(), t(3, 0)),
                ("bcare_answer".to_string(), t(4, 0)),
                ("bcare_step".to_string(), t(5, 30))
            ]
        );
        assert_eq!(store.import_ticket_events("B000000000", &first).unwrap(), 0);
    }

    fn due_soon_counts_running_clocks_due_inside_the_window(store) {
        // Deadlines two hours after receipt: 03:00, 03:20, 04:00.
        intake(&mut store, "Andi", t(1, 0));
        intake(&mut store, "Budi", t(1, 20));
        intake(&mut store, "Citra", t(2, 0));
        assert_eq!(store.due_between(t(2, 50), t(3, 30)).unwrap(), 2);
        // Past its deadline is breached, not due soon; due exactly at the window's
        // end is inside it ("≤30 min").
        assert_eq!(store.due_between(t(3, 0), t(3, 30)).unwrap(), 1);
        assert_eq!(store.due_between(t(2, 50), t(3, 20)).unwrap(), 2);
        assert_eq!(store.due_between(t(2, 50), t(3, 19)).unwrap(), 1);
        assert_eq!(store.due_between(t(4, 0), t(9, 0)).unwrap(), 0);
    }
}

/// demo waits on a busy database by this kind, whatever the backend said.
#[test]
fn sqlite_busy_and_locked_are_the_stores_busy() {
    for code in [rusqlite::ffi::SQLITE_BUSY, rusqlite::ffi::SQLITE_LOCKED] {
        let e = StoreError::from(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(code),
            None,
        ));
        assert!(matches!(e, StoreError::Busy { server: None }), "{e}");
        assert!(
            e.text(crate::domain::msg::Lang::En).starts_with("busy:"),
            "{e}"
        );
    }
}
