use super::*;
use crate::domain::msg::Lang;
use crate::domain::report::{Fate, LateReason};
use crate::domain::rollup::rollup;
use crate::domain::skm::Answers;

fn counted(category: &str, fate: Fate, minutes: Option<i64>, skm: Option<&str>) -> Counted {
    Counted {
        category: category.into(),
        channel: "whatsapp".into(),
        fate,
        working_minutes: minutes,
        late_reason: (fate == Fate::Late).then_some(LateReason::BcareDown),
        skm: skm.map(|s| Answers::parse(s).unwrap()),
        backdated_steps: 0,
    }
}

fn bundle(office: &str, month: u32, complaints: Vec<Counted>) -> Bundle {
    let from = NaiveDate::from_ymd_opt(2026, month, 1).unwrap();
    Bundle {
        format: FORMAT.into(),
        version: VERSION,
        office: office.into(),
        from,
        to: from
            .checked_add_months(chrono::Months::new(1))
            .unwrap()
            .pred_opt()
            .unwrap(),
        made_at: DateTime::parse_from_rfc3339("2027-01-04T08:00:00+08:00").unwrap(),
        made_by: "bcare-desk 0.1.0".into(),
        figures: serde_json::to_value(figures_of(&complaints)).unwrap(),
        complaints,
    }
}

fn pare_pare() -> Bundle {
    bundle(
        "KPPBC TMP C Parepare",
        12,
        vec![
            counted("IMP", Fate::WithinSla, Some(60), Some("444444444")),
            counted("IMP", Fate::Late, Some(195), None),
            counted("AKUN", Fate::Open, None, None),
            counted("EKS", Fate::Cancelled, None, None),
        ],
    )
}

#[test]
fn a_bundle_reads_back_as_it_was_written_however_it_is_laid_out() {
    let b = pare_pare();
    let bytes = b.to_bytes();
    assert_eq!(Bundle::read(&bytes).unwrap(), b);
    // Compact, keys in another order: the same content, the same checksum.
    let v: Value = serde_json::from_slice(&bytes).unwrap();
    let compact = serde_json::to_vec(&v).unwrap();
    assert_eq!(Bundle::read(&compact).unwrap(), b);
    let f = b.figures();
    assert_eq!(
        (f.totals.received, f.totals.late, f.totals.sla_pct),
        (4, 1, Some(50.0))
    );
    // 60 and 195: the mean of the two, 127.5, half up.
    assert_eq!((f.median_minutes, f.p90_minutes), (Some(128), Some(195)));
    assert_eq!(f.skm.ikm, Some(100.0));
}

#[test]
fn an_edited_bundle_is_refused_for_its_checksum() {
    let text = String::from_utf8(pare_pare().to_bytes()).unwrap();
    assert!(text.contains("\"working_minutes\": 195"), "{text}");
    let edited = text.replacen("\"working_minutes\": 195", "\"working_minutes\": 95", 1);
    let e = Bundle::read(edited.as_bytes()).unwrap_err();
    assert_eq!(e.field, "sha256");
    assert!(
        e.message(Lang::En).contains("checksum does not match"),
        "{e}"
    );
    assert!(
        e.message(Lang::Id).contains("checksum SHA-256 tidak cocok"),
        "{e}"
    );
}

#[test]
fn another_version_is_refused_before_its_checksum_is_read() {
    let mut v: Value = serde_json::from_slice(&pare_pare().to_bytes()).unwrap();
    v["version"] = 2.into();
    let e = Bundle::read(&serde_json::to_vec(&v).unwrap()).unwrap_err();
    assert_eq!(e.field, "version");
    assert!(
        e.message(Lang::En).contains("version 2") && e.en.contains("only version 1"),
        "{e}"
    );
    let e = Bundle::read(b"{\"ref\": \"ADU-2026-00001\"}").unwrap_err();
    assert!(e.en.contains("not a bcare-desk report bundle"), "{e}");
}

#[test]
fn figures_that_are_not_the_complaints_are_refused_even_with_a_fresh_checksum() {
    let mut b = pare_pare();
    b.figures["within_sla"] = 2.into();
    let e = Bundle::read(&b.to_bytes()).unwrap_err();
    assert_eq!(e.field, "figures", "{e}");
    let mut b = pare_pare();
    b.complaints[0].skm = Some(Answers([Some(7); 9]));
    b.figures = serde_json::to_value(b.figures()).unwrap();
    assert_eq!(Bundle::read(&b.to_bytes()).unwrap_err().field, "skm");
}

/// Two offices by hand. Makassar: 30 and 100 minutes, both on time; one SKM of
/// all 1s. Parepare: 60 on time, 195 late, one open, one cancelled; one SKM of
/// all 4s. Union of minutes 30, 60, 100, 195: median (60 + 100) / 2 = 80, p90
/// rank ⌈3.6⌉ = 4 → 195 (the offices' medians, 65 and 128, average 96.5: not it).
/// SLA 3 of 4 = 75.0 %. IKM: each element's mean over both answers is 2.5 →
/// 25 × 2.5 = 62.5, grade D (the offices' 25 and 100 average the same here, but
/// only because each has one respondent).
#[test]
fn the_total_is_over_the_union_of_complaints_not_a_mean_of_offices() {
    let makassar = bundle(
        "KPPBC TMP B Makassar",
        12,
        vec![
            counted("IMP", Fate::WithinSla, Some(30), Some("111111111")),
            counted("TIK", Fate::WithinSla, Some(100), None),
        ],
    );
    let r = rollup(&[("b.json".into(), pare_pare()), ("a.json".into(), makassar)]).unwrap();
    let names: Vec<&str> = r.offices.iter().map(|o| o.office.as_str()).collect();
    assert_eq!(names, ["KPPBC TMP B Makassar", "KPPBC TMP C Parepare"]);
    assert_eq!(r.offices[1].figures, pare_pare().figures());
    let t = &r.total;
    assert_eq!(
        (t.totals.received, t.totals.handed_over, t.totals.within_sla),
        (6, 4, 3)
    );
    assert_eq!(t.totals.sla_pct, Some(75.0));
    assert_eq!((t.median_minutes, t.p90_minutes), (Some(80), Some(195)));
    assert_eq!(
        (t.skm.respondents, t.skm.ikm, t.skm.grade),
        (2, Some(62.5), Some('D'))
    );
    let keys: Vec<&str> = t.groups.iter().map(|g| g.key.as_str()).collect();
    assert_eq!(keys, ["AKUN", "EKS", "IMP", "TIK"]);
}

#[test]
fn bundles_of_other_periods_or_the_same_office_twice_are_refused() {
    let november = bundle("KPPBC TMP B Makassar", 11, vec![]);
    let e = rollup(&[
        ("pare.json".into(), pare_pare()),
        ("mks.json".into(), november),
    ])
    .unwrap_err();
    assert!(
        e.en.contains("pare.json 2026-12-01 – 2026-12-31")
            && e.en.contains("mks.json 2026-11-01 – 2026-11-30"),
        "{e}"
    );
    let again = bundle(" kppbc tmp c  PAREPARE", 12, vec![]);
    let e = rollup(&[("a.json".into(), pare_pare()), ("b.json".into(), again)]).unwrap_err();
    assert_eq!(e.field, "office");
    assert!(e.en.contains("a.json") && e.en.contains("b.json"), "{e}");
}
