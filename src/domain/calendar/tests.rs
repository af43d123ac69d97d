//! Tests of `calendar`.

use super::*;
use chrono::TimeZone;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn wita(y: i32, m: u32, day: u32, h: u32, min: u32) -> DateTime<Utc> {
    FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .with_ymd_and_hms(y, m, day, h, min, 0)
        .unwrap()
        .with_timezone(&Utc)
}

const MINI: &str = r#"
name = "test"
utc_offset = "+08:00"
holiday_years = [2026]
[weekly]
mon = ["07:30-12:15", "13:00-17:00"]
tue = ["07:30-12:15", "13:00-17:00"]
wed = ["07:30-12:15", "13:00-17:00"]
thu = ["07:30-12:15", "13:00-17:00"]
fri = ["07:30-11:30", "13:15-17:00"]
"#;

fn err(text: &str) -> CalendarError {
    WorkCalendar::from_toml(text).expect_err("should be rejected")
}

#[test]
fn builtin_parses_with_all_2026_days_off() {
    let cal = WorkCalendar::builtin();
    assert_eq!(cal.name(), "Kemenkeu PMK 221/PMK.01/2021 — WITA");
    assert_eq!(cal.offset().local_minus_utc(), 8 * 3600);
    assert_eq!(cal.covered_years(), vec![2026]);
    assert!(cal.covers_year(2026));
    assert!(!cal.covers_year(2027));
    let days = cal.holidays_in_year(2026);
    assert_eq!(days.len(), 25);
    assert_eq!(days.iter().filter(|h| h.cuti_bersama).count(), 8);
    assert!(days.windows(2).all(|w| w[0].date < w[1].date));
    let xmas_eve = cal.holiday(d(2026, 12, 24)).unwrap();
    assert!(xmas_eve.cuti_bersama);
    assert!(xmas_eve.name.starts_with("Cuti bersama"));
    assert!(!cal.holiday(d(2026, 8, 17)).unwrap().cuti_bersama);
    assert!(cal.holiday(d(2026, 8, 18)).is_none());
    // Later years carry the fixed-date holidays only, and say so.
    for year in 2027..=2030 {
        let fixed: Vec<String> = cal
            .holidays_in_year(year)
            .iter()
            .map(|h| h.date.format("%m-%d").to_string())
            .collect();
        assert_eq!(
            fixed,
            ["01-01", "05-01", "06-01", "08-17", "12-25"],
            "{year}"
        );
        assert_eq!(cal.coverage(year), Coverage::FixedDatesOnly);
        assert!(!cal.covers_year(year));
    }
    assert_eq!(cal.coverage(2026), Coverage::Complete);
    assert_eq!(cal.coverage(2031), Coverage::Missing);
    assert!(cal.holidays_in_year(2031).is_empty());
}

#[test]
fn next_year_is_a_warning_from_october_and_an_alarm_from_january() {
    let cal = WorkCalendar::builtin();
    assert_eq!(cal.notice(d(2026, 9, 30)), None);
    let oct = cal.notice(d(2026, 10, 1)).unwrap();
    assert_eq!(
        oct,
        CalendarNotice::NextYear {
            year: 2027,
            coverage: Coverage::FixedDatesOnly
        }
    );
    assert!(!oct.is_alarm());
    assert_eq!(
        oct.text(crate::domain::msg::Lang::En),
        "! 2027: only fixed-date holidays; enter the SKB (bcare-desk calendar read)"
    );
    let jan = cal.notice(d(2027, 1, 1)).unwrap();
    assert!(jan.is_alarm());
    assert_eq!(jan.year(), 2027);
    assert!(
        jan.text(crate::domain::msg::Lang::Id)
            .contains("BARU LIBUR BERTANGGAL TETAP")
    );
    // Entered: no word until next October.
    let entered = cal.with_changes(&[HolidayChange::Announce {
        year: 2027,
        holidays: vec![],
    }]);
    assert_eq!(entered.notice(d(2027, 1, 1)), None);
    assert_eq!(
        entered.notice(d(2027, 12, 31)).map(|n| n.year()),
        Some(2028)
    );
    let far = cal.notice(d(2030, 11, 1)).unwrap();
    assert_eq!(
        far,
        CalendarNotice::ThisYear {
            year: 2030,
            coverage: Coverage::FixedDatesOnly
        }
    );
    let after = WorkCalendar::builtin()
        .with_changes(&[HolidayChange::Announce {
            year: 2030,
            holidays: vec![],
        }])
        .notice(d(2030, 11, 1));
    assert_eq!(
        after,
        Some(CalendarNotice::NextYear {
            year: 2031,
            coverage: Coverage::Missing
        })
    );
}

#[test]
fn changes_lay_over_the_file_date_by_date() {
    let text = format!(
        "{}\n[[holidays]]\ndate = \"2027-01-01\"\nname = \"Tahun Baru\"\n\
         [[holidays]]\ndate = \"2027-05-01\"\nname = \"Hari Buruh\"\n\
         [[closures]]\ndate = \"2027-02-03\"\nnote = \"Kantor tutup\"\n",
        MINI.replace(
            "holiday_years = [2026]\n",
            "holiday_years = [2026]\nfixed_date_years = [2027]\n"
        )
    );
    let cal = WorkCalendar::from_toml(&text).unwrap();
    let h = |m, day, name: &str, cuti| Holiday {
        date: d(2027, m, day),
        name: name.into(),
        cuti_bersama: cuti,
    };
    let announced = HolidayChange::Announce {
        year: 2027,
        holidays: vec![
            h(1, 1, "Tahun Baru 2027", false),
            h(3, 10, "Idul Fitri", false),
        ],
    };
    let cal2 = cal.with_changes(&[
        announced.clone(),
        HolidayChange::Add(h(3, 11, "Cuti bersama Idul Fitri", true)),
        HolidayChange::Remove(d(2027, 1, 1)),
    ]);
    assert_eq!(cal2.coverage(2027), Coverage::Complete);
    // The announcement replaced the year: 1 May of the file is gone.
    assert!(cal2.holiday(d(2027, 5, 1)).is_none());
    assert!(!cal2.working_intervals(d(2027, 5, 3)).is_empty());
    // The office's closure stays; the added cuti bersama is in; the removed day works.
    assert_eq!(cal2.holiday(d(2027, 2, 3)).unwrap().name, "Kantor tutup");
    assert!(cal2.holiday(d(2027, 3, 11)).unwrap().cuti_bersama);
    assert!(cal2.holiday(d(2027, 1, 1)).is_none());
    assert_eq!(cal2.holidays_in_year(2027).len(), 3);
    // The file's calendar itself is untouched, and other years too.
    assert!(cal.holiday(d(2027, 5, 1)).is_some());
    assert_eq!(cal.coverage(2027), Coverage::FixedDatesOnly);
    // A second announcement of the year replaces the first and its changes.
    let cal3 = cal2.with_changes(&[HolidayChange::Announce {
        year: 2027,
        holidays: vec![h(1, 1, "Tahun Baru", false)],
    }]);
    assert_eq!(cal3.holidays_in_year(2027).len(), 2);
    assert!(announced.touches(d(2027, 12, 1), d(2028, 1, 31)));
    assert!(!HolidayChange::Remove(d(2027, 1, 1)).touches(d(2027, 1, 2), d(2027, 2, 1)));
}

#[test]
fn builtin_ships_examples_commented_out() {
    let active = WorkCalendar::BUILTIN_TOML
        .lines()
        .filter(|l| {
            l.trim_start().starts_with("[[overrides]]")
                || l.trim_start().starts_with("[[closures]]")
        })
        .count();
    assert_eq!(active, 0);
    assert!(WorkCalendar::BUILTIN_TOML.contains("# [[overrides]]"));
    assert!(WorkCalendar::BUILTIN_TOML.contains("# [[closures]]"));
}

#[test]
fn weekly_intervals_in_utc() {
    let cal = WorkCalendar::builtin();
    // Mon 2026-11-30
    assert_eq!(
        cal.working_intervals(d(2026, 11, 30)),
        vec![
            (wita(2026, 11, 30, 7, 30), wita(2026, 11, 30, 12, 15)),
            (wita(2026, 11, 30, 13, 0), wita(2026, 11, 30, 17, 0)),
        ]
    );
    // Fri 2026-11-27: shorter morning, longer break.
    assert_eq!(
        cal.working_intervals(d(2026, 11, 27)),
        vec![
            (wita(2026, 11, 27, 7, 30), wita(2026, 11, 27, 11, 30)),
            (wita(2026, 11, 27, 13, 15), wita(2026, 11, 27, 17, 0)),
        ]
    );
    assert!(cal.working_intervals(d(2026, 11, 28)).is_empty()); // Sat
    assert!(cal.working_intervals(d(2026, 11, 29)).is_empty()); // Sun
    assert!(cal.working_intervals(d(2026, 12, 25)).is_empty()); // Natal (Fri)
}

#[test]
fn is_working_is_half_open() {
    let cal = WorkCalendar::builtin();
    assert!(!cal.is_working(wita(2026, 11, 30, 7, 29)));
    assert!(cal.is_working(wita(2026, 11, 30, 7, 30)));
    assert!(cal.is_working(wita(2026, 11, 30, 12, 14)));
    assert!(!cal.is_working(wita(2026, 11, 30, 12, 15)));
    assert!(!cal.is_working(wita(2026, 11, 30, 12, 59)));
    assert!(cal.is_working(wita(2026, 11, 30, 13, 0)));
    assert!(!cal.is_working(wita(2026, 11, 30, 17, 0)));
    assert!(!cal.is_working(wita(2026, 8, 17, 9, 0)));
    // 07:30 WITA is 23:30 UTC of the previous day: date must be taken locally.
    assert!(cal.is_working(Utc.with_ymd_and_hms(2026, 11, 29, 23, 30, 0).unwrap()));
}

#[test]
fn overrides_and_closures_apply() {
    let text = format!(
        r#"{MINI}
[[overrides]]
from = "2026-02-09"
to = "2026-02-13"
hours = ["08:00-15:00"]
fri = ["08:00-11:30", "13:00-15:30"]
note = "Ramadan"

[[overrides]]
date = "2026-02-14"
sat = ["08:00-12:00"]
note = "Sabtu pengganti"

[[overrides]]
date = "2026-02-16"
hours = []

[[closures]]
date = "2026-02-18"
note = "Kantor tutup: pemadaman listrik"

[[closures]]
from = "2026-02-19"
to = "2026-02-20"
"#
    );
    let cal = WorkCalendar::from_toml(&text).unwrap();
    // Mon in range: Ramadan hours replace both weekly intervals.
    assert_eq!(
        cal.working_intervals(d(2026, 2, 9)),
        vec![(wita(2026, 2, 9, 8, 0), wita(2026, 2, 9, 15, 0))]
    );
    // Fri key wins over "hours".
    assert_eq!(
        cal.working_intervals(d(2026, 2, 13)),
        vec![
            (wita(2026, 2, 13, 8, 0), wita(2026, 2, 13, 11, 30)),
            (wita(2026, 2, 13, 13, 0), wita(2026, 2, 13, 15, 30)),
        ]
    );
    // A Saturday made working; the Sunday after is untouched.
    assert_eq!(
        cal.working_intervals(d(2026, 2, 14)),
        vec![(wita(2026, 2, 14, 8, 0), wita(2026, 2, 14, 12, 0))]
    );
    assert!(cal.working_intervals(d(2026, 2, 15)).is_empty());
    // Empty hours: no work, but not a holiday either.
    assert!(cal.working_intervals(d(2026, 2, 16)).is_empty());
    assert!(cal.holiday(d(2026, 2, 16)).is_none());
    // Outside the override: weekly hours again.
    assert_eq!(cal.working_intervals(d(2026, 2, 17)).len(), 2);
    // Closures are days off, reported by holiday().
    assert!(cal.working_intervals(d(2026, 2, 18)).is_empty());
    let c = cal.holiday(d(2026, 2, 18)).unwrap();
    assert_eq!(c.name, "Kantor tutup: pemadaman listrik");
    assert!(!c.cuti_bersama);
    assert!(cal.holiday(d(2026, 2, 19)).is_some());
    assert!(cal.holiday(d(2026, 2, 20)).is_some());
    assert!(cal.holiday(d(2026, 2, 21)).is_none());
    assert_eq!(cal.holidays_in_year(2026).len(), 3);
}

#[test]
fn holiday_wins_over_override() {
    let text = format!(
        "{MINI}\n[[holidays]]\ndate = \"2026-02-10\"\nname = \"X\"\n\
         [[overrides]]\nfrom = \"2026-02-09\"\nto = \"2026-02-11\"\nhours = [\"08:00-15:00\"]\n"
    );
    let cal = WorkCalendar::from_toml(&text).unwrap();
    assert!(cal.working_intervals(d(2026, 2, 10)).is_empty());
    assert_eq!(cal.working_intervals(d(2026, 2, 11)).len(), 1);
}

#[test]
fn interval_may_end_at_midnight() {
    let text = MINI.replace("[weekly]", "[weekly]\nsat = [\"20:00-24:00\"]");
    let cal = WorkCalendar::from_toml(&text).unwrap();
    assert_eq!(
        cal.working_intervals(d(2026, 2, 14)),
        vec![(wita(2026, 2, 14, 20, 0), wita(2026, 2, 15, 0, 0))]
    );
    assert!(!cal.is_working(wita(2026, 2, 15, 0, 0)));
}

#[test]
fn rejects_bad_time() {
    let e = err(&MINI.replace(
        "\"07:30-12:15\", \"13:00-17:00\"]\ntue",
        "\"07:30-25:00\"]\ntue",
    ));
    assert!(
        matches!(&e, CalendarError::BadInterval { entry, value, .. } if entry == "weekly.mon" && value == "07:30-25:00"),
        "{e:?}"
    );
    assert!(e.to_string().contains("weekly.mon"), "{e}");
    for bad in [
        "7:3-12:00",
        "07:30",
        "aa:bb-12:00",
        "24:00-24:00",
        "07:60-08:00",
        "-1:00-02:00",
    ] {
        let text = MINI.replace("[weekly]", &format!("[weekly]\nsat = [\"{bad}\"]"));
        assert!(
            matches!(err(&text), CalendarError::BadInterval { .. }),
            "{bad}"
        );
    }
}

#[test]
fn rejects_end_not_after_start() {
    let text = MINI.replace("[weekly]", "[weekly]\nsat = [\"12:00-12:00\"]");
    let e = err(&text);
    assert!(
        e.to_string().contains("end must be later than start"),
        "{e}"
    );
}

#[test]
fn rejects_overlapping_and_unsorted() {
    let text = MINI.replace(
        "[weekly]",
        "[weekly]\nsat = [\"08:00-12:00\", \"11:00-13:00\"]",
    );
    let e = err(&text);
    assert!(
        matches!(&e, CalendarError::Overlap { entry, value } if entry == "weekly.sat" && value == "11:00-13:00"),
        "{e:?}"
    );
    let text = MINI.replace(
        "[weekly]",
        "[weekly]\nsat = [\"13:00-14:00\", \"08:00-09:00\"]",
    );
    assert!(matches!(err(&text), CalendarError::Overlap { .. }));
    // Touching intervals are fine.
    let text = MINI.replace(
        "[weekly]",
        "[weekly]\nsat = [\"08:00-09:00\", \"09:00-10:00\"]",
    );
    assert!(WorkCalendar::from_toml(&text).is_ok());
}

#[test]
fn rejects_bad_offset() {
    for bad in ["+8", "08:00", "+25:00", "+08:60", "WITA", "+08:00:00"] {
        let e = err(&MINI.replace("\"+08:00\"", &format!("{bad:?}")));
        assert_eq!(e, CalendarError::BadOffset { value: bad.into() });
        assert!(e.to_string().contains("utc_offset"));
    }
    let cal = WorkCalendar::from_toml(&MINI.replace("+08:00", "-03:30")).unwrap();
    assert_eq!(cal.offset().local_minus_utc(), -(3 * 3600 + 30 * 60));
}

#[test]
fn rejects_unknown_key_with_line_number() {
    let e = err(&MINI.replace("[weekly]", "[weekly]\nthur = [\"08:00-09:00\"]"));
    let CalendarError::Syntax(msg) = &e else {
        panic!("{e:?}")
    };
    assert!(msg.contains("thur"), "{msg}");
    assert!(msg.contains("line"), "{msg}");
    let e = err(&format!(
        "{MINI}\n[[holidays]]\ndate = \"2026-01-01\"\nname = \"x\"\ncuti = true\n"
    ));
    assert!(matches!(e, CalendarError::Syntax(m) if m.contains("cuti")));
}

#[test]
fn rejects_syntax_error_with_toml_text() {
    let e = err("name = \"x\"\nutc_offset = \n");
    let CalendarError::Syntax(msg) = e else {
        panic!()
    };
    assert!(msg.contains("line 2"), "{msg}");
}

#[test]
fn rejects_bad_dates_and_ranges() {
    let e = err(&format!(
        "{MINI}\n[[holidays]]\ndate = \"2026-02-30\"\nname = \"x\"\n"
    ));
    assert!(
        matches!(&e, CalendarError::BadDate { entry, .. } if entry == "[[holidays]] #1 date"),
        "{e:?}"
    );
    let e = err(&format!(
        "{MINI}\n[[holidays]]\ndate = \"2026-2-3\"\nname = \"x\"\n"
    ));
    assert!(matches!(e, CalendarError::BadDate { .. }));
    let e = err(&format!(
        "{MINI}\n[[overrides]]\nfrom = \"2026-03-10\"\nto = \"2026-03-09\"\nhours = []\n"
    ));
    assert!(e.to_string().contains("earlier than"), "{e}");
    assert!(e.to_string().contains("[[overrides]] #1"), "{e}");
    let e = err(&format!("{MINI}\n[[overrides]]\ndate = \"2026-03-10\"\n"));
    assert!(e.to_string().contains("needs \"hours\""), "{e}");
    let e = err(&format!("{MINI}\n[[closures]]\nto = \"2026-03-10\"\n"));
    assert!(matches!(e, CalendarError::BadEntry { .. }));
    let e = err(&format!(
        "{MINI}\n[[closures]]\nfrom = \"2026-01-01\"\nto = \"2062-01-01\"\n"
    ));
    assert!(e.to_string().contains("longer than"), "{e}");
}

#[test]
fn rejects_overlapping_overrides_duplicates_and_uncovered_holidays() {
    let e = err(&format!(
        "{MINI}\n[[overrides]]\nfrom = \"2026-03-01\"\nto = \"2026-03-10\"\nhours = []\n\
         [[overrides]]\ndate = \"2026-03-10\"\nhours = []\n"
    ));
    assert!(e.to_string().contains("overlap"), "{e}");
    let e = err(&format!(
        "{MINI}\n[[holidays]]\ndate = \"2026-01-01\"\nname = \"a\"\n[[closures]]\ndate = \"2026-01-01\"\n"
    ));
    assert!(e.to_string().contains("[[closures]] #1"), "{e}");
    let e = err(&format!(
        "{MINI}\n[[holidays]]\ndate = \"2027-01-01\"\nname = \"a\"\n"
    ));
    assert!(e.to_string().contains("holiday_years"), "{e}");
}

#[test]
fn rejects_calendar_without_working_time() {
    let text = "name = \"x\"\nutc_offset = \"+08:00\"\n[weekly]\nsat = []\n";
    assert_eq!(err(text), CalendarError::NoWorkingTime);
}
