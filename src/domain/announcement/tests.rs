//! The 2026 announcement in the layouts an officer meets it in, read back to the
//! built-in 2026 calendar. The texts are written for these tests; the dates are
//! the public facts of the SKB on 2026's holidays.

use super::*;
use crate::domain::calendar::WorkCalendar;

/// A news site's numbered list: weekday, date, name.
const NUMBERED: &str = "\
Daftar Hari Libur Nasional 2026
1. Kamis, 1 Januari 2026 - Tahun Baru 2026 Masehi
2. Jumat, 16 Januari 2026 - Isra Mikraj Nabi Muhammad SAW
3. Selasa, 17 Februari 2026 - Tahun Baru Imlek 2577 Kongzili
4. Kamis, 19 Maret 2026 - Hari Suci Nyepi Tahun Baru Saka 1948
5. Sabtu-Minggu, 21-22 Maret 2026 - Idul Fitri 1447 Hijriah
6. Jumat, 3 April 2026 - Wafat Yesus Kristus
7. Minggu, 5 April 2026 - Kebangkitan Yesus Kristus (Paskah)
8. Jumat, 1 Mei 2026 - Hari Buruh Internasional
9. Kamis, 14 Mei 2026 - Kenaikan Yesus Kristus
10. Rabu, 27 Mei 2026 - Idul Adha 1447 Hijriah
11. Minggu, 31 Mei 2026 - Hari Raya Waisak 2570 BE
12. Senin, 1 Juni 2026 - Hari Lahir Pancasila
13. Selasa, 16 Juni 2026 - Tahun Baru Islam 1448 Hijriah
14. Senin, 17 Agustus 2026 - Hari Proklamasi Kemerdekaan Republik Indonesia
15. Selasa, 25 Agustus 2026 - Maulid Nabi Muhammad SAW
16. Jumat, 25 Desember 2026 - Hari Raya Natal

Cuti Bersama 2026
1. Senin, 16 Februari 2026 - Tahun Baru Imlek 2577 Kongzili
2. Rabu, 18 Maret 2026 - Hari Suci Nyepi
3. Jumat, Senin, dan Selasa, 20, 23, dan 24 Maret 2026 - Idul Fitri 1447 Hijriah
4. Jumat, 15 Mei 2026 - Kenaikan Yesus Kristus
5. Kamis, 28 Mei 2026 - Idul Adha 1447 Hijriah
6. Kamis, 24 Desember 2026 - Hari Raya Natal
";

/// Date first, weekday in brackets, the kind on each line.
const DATE_FIRST: &str = "\
1 Januari 2026 (Kamis) - Tahun Baru 2026 Masehi
16 Januari 2026 (Jumat) - Isra Mikraj Nabi Muhammad SAW
16 Februari 2026 (Senin) - Cuti Bersama Tahun Baru Imlek
17 Februari 2026 (Selasa) - Tahun Baru Imlek 2577 Kongzili
18 Maret 2026 (Rabu) - Cuti Bersama Hari Suci Nyepi
19 Maret 2026 (Kamis) - Hari Suci Nyepi
20 Maret 2026 (Jumat) - Cuti Bersama Idul Fitri
21–22 Maret 2026 (Sabtu–Minggu) - Idul Fitri 1447 Hijriah
23–24 Maret 2026 (Senin–Selasa) - Cuti Bersama Idul Fitri
3 April 2026 (Jumat) - Wafat Yesus Kristus
5 April 2026 (Minggu) - Paskah
1 Mei 2026 (Jumat) - Hari Buruh Internasional
14 Mei 2026 (Kamis) - Kenaikan Yesus Kristus
15 Mei 2026 (Jumat) - Cuti Bersama Kenaikan Yesus Kristus
27 Mei 2026 (Rabu) - Idul Adha 1447 Hijriah
28 Mei 2026 (Kamis) - Cuti Bersama Idul Adha
31 Mei 2026 (Minggu) - Hari Raya Waisak
1 Juni 2026 (Senin) - Hari Lahir Pancasila
16 Juni 2026 (Selasa) - Tahun Baru Islam 1448 Hijriah
17 Agustus 2026 (Senin) - Hari Kemerdekaan RI
25 Agustus 2026 (Selasa) - Maulid Nabi Muhammad SAW
24 Desember 2026 (Kamis) - Cuti Bersama Natal
25 Desember 2026 (Jumat) - Hari Raya Natal
";

/// A circular: the year only in the headings, bullets, a colon before the name.
const HEADINGS: &str = "\
HARI LIBUR NASIONAL TAHUN 2026
- 1 Januari (Kamis): Tahun Baru Masehi
- 16 Januari (Jumat): Isra Mikraj
- 17 Februari (Selasa): Tahun Baru Imlek
- 19 Maret (Kamis): Hari Suci Nyepi
- 21 dan 22 Maret (Sabtu dan Minggu): Idul Fitri
- 3 April (Jumat): Wafat Yesus Kristus
- 5 April (Minggu): Kebangkitan Yesus Kristus
- 1 Mei (Jumat): Hari Buruh
- 14 Mei (Kamis): Kenaikan Yesus Kristus
- 27 Mei (Rabu): Idul Adha
- 31 Mei (Minggu): Waisak
- 1 Juni (Senin): Hari Lahir Pancasila
- 16 Juni (Selasa): Tahun Baru Islam
- 17 Agustus (Senin): Proklamasi Kemerdekaan
- 25 Agustus (Selasa): Maulid Nabi
- 25 Desember (Jumat): Natal

CUTI BERSAMA TAHUN 2026
- 16 Februari (Senin): Tahun Baru Imlek
- 18 Maret (Rabu): Nyepi
- 20, 23, dan 24 Maret (Jumat, Senin, Selasa): Idul Fitri
- 15 Mei (Jumat): Kenaikan Yesus Kristus
- 28 Mei (Kamis): Idul Adha
- 24 Desember (Kamis): Natal
";

/// A table copied from a PDF: name first, tabs, short month names, the cuti
/// bersama in a column of their own.
const TABLE: &str = "\
No\tKeterangan\tTanggal\tHari
1\tTahun Baru 2026 Masehi\t1 Jan 2026\tKamis
2\tIsra Mikraj Nabi Muhammad SAW\t16 Jan 2026\tJumat
3\tCuti Bersama Tahun Baru Imlek\t16 Feb 2026\tSenin
4\tTahun Baru Imlek 2577 Kongzili\t17 Feb 2026\tSelasa
5\tCuti Bersama Nyepi\t18 Mar 2026\tRabu
6\tHari Suci Nyepi\t19 Mar 2026\tKamis
7\tCuti Bersama Idul Fitri\t20 Mar 2026\tJumat
8\tIdul Fitri 1447 H\t21 s.d. 22 Mar 2026\tSabtu s.d. Minggu
9\tCuti Bersama Idul Fitri\t23-24 Mar 2026\tSenin-Selasa
10\tWafat Yesus Kristus\t3 Apr 2026\tJumat
11\tKebangkitan Yesus Kristus\t5 Apr 2026\tMinggu
12\tHari Buruh Internasional\t1 Mei 2026\tJumat
13\tKenaikan Yesus Kristus\t14 Mei 2026\tKamis
14\tCuti Bersama Kenaikan Yesus Kristus\t15 Mei 2026\tJumat
15\tIdul Adha 1447 H\t27 Mei 2026\tRabu
16\tCuti Bersama Idul Adha\t28 Mei 2026\tKamis
17\tHari Raya Waisak 2570 BE\t31 Mei 2026\tMinggu
18\tHari Lahir Pancasila\t1 Jun 2026\tSenin
19\tTahun Baru Islam 1448 H\t16 Jun 2026\tSelasa
20\tHari Kemerdekaan RI\t17 Agt 2026\tSenin
21\tMaulid Nabi Muhammad SAW\t25 Agt 2026\tSelasa
22\tCuti Bersama Hari Raya Natal\t24 Des 2026\tKamis
23\tHari Raya Natal\t25 Des 2026\tJumat
";

fn dates_and_kinds(hs: &[Holiday]) -> Vec<(NaiveDate, bool)> {
    hs.iter().map(|h| (h.date, h.cuti_bersama)).collect()
}

#[test]
fn four_layouts_read_to_the_builtin_2026_calendar() {
    let cal = WorkCalendar::builtin();
    let want: Vec<(NaiveDate, bool)> = cal
        .holidays_in_year(2026)
        .iter()
        .map(|h| (h.date, h.cuti_bersama))
        .collect();
    assert_eq!(want.len(), 25);
    for (layout, text) in [
        ("numbered", NUMBERED),
        ("date first", DATE_FIRST),
        ("headings", HEADINGS),
        ("table", TABLE),
    ] {
        let r = read(text, None);
        assert_eq!(r.year, Some(2026), "{layout}");
        assert_eq!(dates_and_kinds(&r.holidays), want, "{layout}");
        assert!(r.notes.is_empty(), "{layout}: {:?}", r.notes);
        assert!(
            r.holidays.iter().all(|h| !h.name.is_empty()
                && !h.name.starts_with(['-', ':', ',', '('])
                && !h.name.ends_with(['-', ':', ',', '('])),
            "{layout}: {:?}",
            r.holidays
        );
    }
}

#[test]
fn names_are_what_the_line_says() {
    let r = read(NUMBERED, None);
    let name = |m, d| {
        r.holidays
            .iter()
            .find(|h| h.date == NaiveDate::from_ymd_opt(2026, m, d).unwrap())
            .unwrap()
            .name
            .clone()
    };
    assert_eq!(name(1, 1), "Tahun Baru 2026 Masehi");
    assert_eq!(name(3, 22), "Idul Fitri 1447 Hijriah");
    assert_eq!(name(4, 5), "Kebangkitan Yesus Kristus (Paskah)");
    // Under the cuti bersama heading the kind is said in the name too.
    assert_eq!(name(3, 23), "Cuti bersama Idul Fitri 1447 Hijriah");
    let t = read(TABLE, None);
    assert_eq!(t.holidays[0].name, "Tahun Baru 2026 Masehi");
}

#[test]
fn the_year_comes_from_the_line_the_heading_or_the_caller() {
    let r = read("- 1 Januari (Jumat): Tahun Baru", Some(2027));
    assert_eq!(r.year, Some(2027));
    assert_eq!(
        r.holidays[0].date,
        NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()
    );
    assert!(r.notes.is_empty(), "{:?}", r.notes);
    // The heading wins over the caller's year; the line over the heading.
    let r = read(
        "Libur nasional 2028\n- 1 Mei: Hari Buruh\n- 17 Agustus 2029: x",
        Some(2027),
    );
    assert_eq!(r.holidays[0].date.to_string(), "2028-05-01");
    assert!(matches!(
        r.notes.as_slice(),
        [ReadNote {
            line: 3,
            doubt: Doubt::OtherYear { .. }
        }]
    ));
    let r = read("- 1 Januari: Tahun Baru", None);
    assert!(r.holidays.is_empty());
    assert_eq!(r.notes[0].doubt, Doubt::NoYear);
    assert!(r.notes[0].text(Lang::En).contains("line 1"));
}

#[test]
fn a_weekday_that_disagrees_with_its_date_is_a_note_naming_the_line() {
    // 1 January 2027 is a Friday.
    let r = read("Libur 2027\n\n1. Kamis, 1 Januari 2027 - Tahun Baru", None);
    assert_eq!(r.holidays.len(), 1, "the date is still proposed");
    assert_eq!(
        r.notes,
        vec![ReadNote {
            line: 3,
            doubt: Doubt::WrongDay {
                written: Weekday::Thu,
                date: NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()
            }
        }]
    );
    assert_eq!(
        r.notes[0].text(Lang::Id),
        "baris 3: tertulis Kamis, padahal 2027-01-01 hari Jumat"
    );
    assert_eq!(
        r.notes[0].text(Lang::En),
        "line 3: says Kamis, but 2027-01-01 is a Jumat"
    );
}

#[test]
fn ranges_and_lists() {
    let r = read(
        "Senin s.d. Rabu, 8-10 Maret 2027: Cuti Bersama Idul Fitri",
        None,
    );
    let days: Vec<String> = r.holidays.iter().map(|h| h.date.to_string()).collect();
    assert_eq!(days, ["2027-03-08", "2027-03-09", "2027-03-10"]);
    assert!(r.holidays.iter().all(|h| h.cuti_bersama));
    assert!(r.notes.is_empty(), "{:?}", r.notes);
    // Across a month's end, and an en dash.
    let r = read("31 Maret – 2 April 2027 - Libur contoh", None);
    let days: Vec<String> = r.holidays.iter().map(|h| h.date.to_string()).collect();
    assert_eq!(days, ["2027-03-31", "2027-04-01", "2027-04-02"]);
    // No such date, and a date said twice.
    let r = read("30 Februari 2027 - x\n1 Mei 2027 - a\n1 Mei 2027 - b", None);
    assert_eq!(r.holidays.len(), 1);
    assert_eq!(r.holidays[0].name, "a");
    assert!(matches!(
        r.notes[0].doubt,
        Doubt::NoSuchDate { day: 30, .. }
    ));
    assert_eq!(r.notes[1].doubt, Doubt::Repeated(r.holidays[0].date));
}

#[test]
fn text_without_dates_reads_to_nothing() {
    for text in [
        "",
        "Idul Fitri 1447 Hijriah",
        "Tahun Baru Imlek 2578 Kongzili\n\n",
    ] {
        let r = read(text, None);
        assert!(r.holidays.is_empty(), "{text}");
        assert_eq!(r.year, None);
    }
}
