//! Tests of `report`.

use super::*;
use chrono::TimeZone;

fn wita(m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .with_ymd_and_hms(2026, m, d, h, min, 0)
        .unwrap()
        .with_timezone(&Utc)
}

fn row(reference: &str, category: &str, received: DateTime<Utc>) -> ReportRow {
    ReportRow {
        reference: reference.into(),
        category: category.into(),
        channel: Channel::Whatsapp,
        kind: ApplicantKind::PenggunaJasa,
        officer: "budi".into(),
        stage: Stage::Received,
        received_at: received,
        sla_deadline: received + TimeDelta::hours(2),
        handed_over_at: None,
        resolved_at: None,
        cancelled_at: None,
        handover: None,
    }
}

fn handed(mut r: ReportRow, at: DateTime<Utc>, reason: Option<(LateReason, &str)>) -> ReportRow {
    r.stage = Stage::HandedOver;
    r.handed_over_at = Some(at);
    r.handover = Some(HandoverNote {
        via: "whatsapp".into(),
        late_reason: reason.map(|(r, _)| r),
        text: reason.map(|(_, t)| t.to_string()),
    });
    r
}

fn resolved(mut r: ReportRow, at: DateTime<Utc>) -> ReportRow {
    r.stage = Stage::Resolved;
    r.resolved_at = Some(at);
    r
}

/// December 2026 (holidays: Thu 24 cuti bersama, Fri 25 Christmas), worked by hand.
fn december() -> Vec<ReportRow> {
    // A: Tue 1 Dec 07:30 → 08:30: 60 working minutes, on time; resolved Thu 3 Dec
    //    (working days after Tue 1 up to Thu 3: 2, 3 → 2). Received 30 Nov 23:30 UTC:
    //    in December only in WITA.
    let a = resolved(
        handed(
            row("A", "IMP", wita(12, 1, 7, 30)),
            wita(12, 1, 8, 30),
            None,
        ),
        wita(12, 3, 10, 0),
    );
    // B: Wed 2 Dec 10:00, deadline 12:00; handed 14:00 = 135 (to 12:15) + 60 = 195: late,
    //    with a reason.
    let mut b = handed(
        row("B", "EKS", wita(12, 2, 10, 0)),
        wita(12, 2, 14, 0),
        Some((LateReason::BcareDown, "portal mati 10:00-13:30")),
    );
    b.kind = ApplicantKind::Pegawai;
    b.officer = "sari".into();
    // C: cancelled before handover.
    let mut c = row("C", "IMP", wita(12, 3, 8, 0));
    c.stage = Stage::Cancelled;
    c.cancelled_at = Some(wita(12, 3, 8, 30));
    // D: still open.
    let mut d = row("D", "AKUN", wita(12, 7, 15, 0));
    d.stage = Stage::Ticketed;
    // E: before the holiday: Wed 23 Dec 16:30 → 30 minutes that day, Thu 24 – Sun 27 off,
    //    Mon 28 07:30 + 90 = deadline 09:00; handed 08:45 = 30 + 75 = 105, on time.
    //    Resolved Tue 29: 1 working day.
    let e = resolved(
        handed(
            row("E", "IMP", wita(12, 23, 16, 30)),
            wita(12, 28, 8, 45),
            None,
        ),
        wita(12, 29, 9, 0),
    );
    // F: outside working hours: Fri 4 Dec 18:00 counts from Mon 7 07:30, deadline 09:30;
    //    handed exactly at 09:30 = 120 minutes: within.
    let mut f = handed(
        row("F", "TIK", wita(12, 4, 18, 0)),
        wita(12, 7, 9, 30),
        None,
    );
    f.channel = Channel::Email;
    // G: Thu 10 Dec 13:00, deadline 15:00; handed 16:00 = 180: late, no reason recorded.
    let g = handed(
        row("G", "INT", wita(12, 10, 13, 0)),
        wita(12, 10, 16, 0),
        None,
    );
    // Outside the period: 30 Nov 16:00 WITA, and 1 Jan 2027 00:30 WITA (31 Dec in UTC).
    let before = handed(
        row("X", "IMP", wita(11, 30, 16, 0)),
        wita(11, 30, 16, 30),
        None,
    );
    let after = row(
        "Y",
        "IMP",
        Utc.with_ymd_and_hms(2026, 12, 31, 16, 30, 0).unwrap(),
    );
    vec![g, f, e, d, c, b, a, before, after]
}

fn december_report(by: GroupBy) -> SectionReport {
    let period = Period::month("2026-12").unwrap();
    compute(
        &december(),
        &Default::default(),
        period,
        by,
        &WorkCalendar::builtin(),
        TimeDelta::minutes(120),
    )
}

#[test]
fn the_fixture_month_adds_up_to_the_figures_worked_by_hand() {
    let r = december_report(GroupBy::Category);
    assert_eq!(
        r.totals,
        Figures {
            received: 7,
            handed_over: 5,
            within_sla: 3,
            late: 2,
            open: 1,
            cancelled: 1,
            sla_pct: Some(60.0),
        }
    );
    // Minutes 60, 105, 120, 180, 195.
    assert_eq!(r.median_minutes, Some(120));
    assert_eq!(r.p90_minutes, Some(195));
    // A: 2 working days, E: 1.
    assert_eq!(r.median_resolution_days, Some(1.5));
}

#[test]
fn the_late_list_carries_minutes_and_reasons_in_order_of_receipt() {
    let r = december_report(GroupBy::Category);
    let late: Vec<_> = r
        .late_list
        .iter()
        .map(|l| (l.reference.as_str(), l.working_minutes, l.reason.as_deref()))
        .collect();
    assert_eq!(
        late,
        [
            ("B", 195, Some("bcare-down: portal mati 10:00-13:30")),
            ("G", 180, None)
        ]
    );
    assert_eq!(r.late_list[0].handed_over_at, wita(12, 2, 14, 0));
}

#[test]
fn groups_by_category_count_on_their_own() {
    let r = december_report(GroupBy::Category);
    let g: Vec<_> = r
        .groups
        .iter()
        .map(|g| {
            (
                g.key.as_str(),
                g.figures.received,
                g.figures.handed_over,
                g.figures.within_sla,
                g.figures.late,
                g.figures.open,
                g.figures.cancelled,
                g.figures.sla_pct,
            )
        })
        .collect();
    assert_eq!(
        g,
        [
            ("AKUN", 1, 0, 0, 0, 1, 0, None),
            ("EKS", 1, 1, 0, 1, 0, 0, Some(0.0)),
            ("IMP", 3, 2, 2, 0, 0, 1, Some(100.0)),
            ("INT", 1, 1, 0, 1, 0, 0, Some(0.0)),
            ("TIK", 1, 1, 1, 0, 0, 0, Some(100.0)),
        ]
    );
}

#[test]
fn groups_by_officer_channel_and_kind() {
    let keys = |by| -> Vec<(String, i64)> {
        december_report(by)
            .groups
            .into_iter()
            .map(|g| (g.key, g.figures.received))
            .collect()
    };
    assert_eq!(
        keys(GroupBy::Officer),
        [("budi".into(), 6), ("sari".into(), 1)]
    );
    assert_eq!(
        keys(GroupBy::Channel),
        [("email".into(), 1), ("whatsapp".into(), 6)]
    );
    assert_eq!(
        keys(GroupBy::Kind),
        [("pegawai".into(), 1), ("pengguna-jasa".into(), 6)]
    );
    // Regrouping the lines gives what counting afresh gives.
    let by_category = december_report(GroupBy::Officer);
    assert_eq!(
        regroup(&by_category, GroupBy::Category),
        december_report(GroupBy::Category).groups
    );
}

#[test]
fn each_day_counts_what_was_received_that_day() {
    let r = december_report(GroupBy::Category);
    assert_eq!(r.daily.len(), 31);
    let day = |d: u32| r.daily[d as usize - 1].figures;
    assert_eq!((day(1).received, day(1).sla_pct), (1, Some(100.0)));
    assert_eq!((day(2).received, day(2).sla_pct), (1, Some(0.0)));
    assert_eq!((day(7).received, day(7).open, day(7).sla_pct), (1, 1, None));
    assert_eq!(day(24).received, 0);
}

#[test]
fn nothing_handed_over_has_no_percentage() {
    let r = compute(
        &[],
        &Default::default(),
        Period::month("2026-12").unwrap(),
        GroupBy::Category,
        &WorkCalendar::builtin(),
        TimeDelta::minutes(120),
    );
    assert_eq!(r.totals.sla_pct, None);
    assert_eq!((r.median_minutes, r.p90_minutes), (None, None));
    assert!(r.groups.is_empty() && r.late_list.is_empty());
}

#[test]
fn the_percentage_rounds_to_one_decimal_half_up() {
    assert_eq!(sla_pct(14, 15), Some(93.3));
    assert_eq!(sla_pct(2, 3), Some(66.7));
    assert_eq!(sla_pct(1, 6), Some(16.7));
    assert_eq!(sla_pct(1, 8), Some(12.5));
    assert_eq!(sla_pct(1, 16), Some(6.3)); // 6.25 → 6.3
    assert_eq!(sla_pct(0, 4), Some(0.0));
    assert_eq!(sla_pct(0, 0), None);
}

#[test]
fn median_and_p90_follow_their_definitions() {
    assert_eq!(median_sorted(&[10, 20]), Some(15.0));
    assert_eq!(median_sorted(&[7]), Some(7.0));
    assert_eq!(p90_sorted(&[7]), Some(7));
    let ten: Vec<i64> = (1..=10).collect();
    assert_eq!(p90_sorted(&ten), Some(9));
    let eleven: Vec<i64> = (1..=11).collect();
    assert_eq!(p90_sorted(&eleven), Some(10));
}

#[test]
fn periods_are_local_dates_with_to_inclusive() {
    let p = Period::month("2026-02").unwrap();
    assert_eq!((p.from.day(), p.to.day()), (1, 28));
    let (a, b) = p.bounds(FixedOffset::east_opt(8 * 3600).unwrap());
    assert_eq!(a, Utc.with_ymd_and_hms(2026, 1, 31, 16, 0, 0).unwrap());
    assert_eq!(b, Utc.with_ymd_and_hms(2026, 2, 28, 16, 0, 0).unwrap());
    let w = Period::week_of(NaiveDate::from_ymd_opt(2026, 11, 27).unwrap());
    assert_eq!(
        (w.from.to_string(), w.to.to_string()),
        ("2026-11-23".into(), "2026-11-29".into())
    );
    assert!(Period::month("2026-13").is_err());
    assert!(Period::month("november").is_err());
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    assert_eq!(
        Period::new(d("2026-11-02"), d("2026-11-01"))
            .unwrap_err()
            .field,
        "to"
    );
}

#[test]
fn the_handover_note_keeps_the_reason_and_the_words() {
    let n = HandoverNote {
        via: "telepon".into(),
        late_reason: Some(LateReason::WaitingData),
        text: Some("nomor aju belum dikirim; ditunggu".into()),
    };
    let s = n.to_note();
    assert_eq!(
        s,
        "via telepon; late-reason=waiting-data; note=nomor aju belum dikirim; ditunggu"
    );
    assert_eq!(HandoverNote::parse(&s), n);
    let old = HandoverNote::parse("via whatsapp");
    assert_eq!(
        (old.via.as_str(), old.late_reason, old.text),
        ("whatsapp", None, None)
    );
    assert_eq!(LateReason::parse("BCARE_DOWN"), Some(LateReason::BcareDown));
    assert_eq!(LateReason::parse("slow"), None);
}
