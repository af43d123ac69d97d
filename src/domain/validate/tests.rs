//! Tests of `validate`.

use super::*;
use proptest::prelude::*;

/// Asserts an error for `field` whose Indonesian text contains `id_word`
/// and whose English text contains `en_word`.
fn assert_err(
    r: Result<impl std::fmt::Debug, FieldError>,
    field: &str,
    id_word: &str,
    en_word: &str,
    input: &str,
) {
    let e = r.expect_err(input);
    assert_eq!(e.field, field, "{input:?}");
    assert!(
        e.id.contains(id_word),
        "{input:?}: id {:?} lacks {id_word:?}",
        e.id
    );
    assert!(
        e.en.contains(en_word),
        "{input:?}: en {:?} lacks {en_word:?}",
        e.en
    );
}

#[test]
fn phone_good() {
    let cases = [
        ("0812-3456-7890", "+6281234567890"),
        ("0812 3456 7890", "+6281234567890"),
        ("6281234567890", "+6281234567890"),
        ("+62 812 3456 7890", "+6281234567890"),
        ("+62-812-3456-7890", "+6281234567890"),
        ("(0411) 123456", "+62411123456"),
        ("021-5250505", "+62215250505"),
        ("(021) 500.225", "+6221500225"),
        ("0812345678", "+62812345678"),
        ("1500225", "1500225"),
        ("1500-225", "1500225"),
        ("14022", "14022"),
        ("150123", "150123"),
        ("  0811 1234 567 ", "+628111234567"),
    ];
    for (raw, want) in cases {
        assert_eq!(phone(raw).as_deref(), Ok(want), "{raw:?}");
    }
}

#[test]
fn phone_bad() {
    let rule_id = "nomor telepon Indonesia";
    let rule_en = "Indonesian phone number";
    let cases = [
        ("", "kosong", "empty"),
        ("0812-3456-789O", "karakter", "character"),
        ("telp 0812345678", "karakter", "character"),
        ("+1 202 555 0100", "kode negara", "country code"),
        ("+65 6123 4567", "kode negara", "country code"),
        ("0812345", "9–12", "9–12"),
        ("08123456789012", "9–12", "9–12"),
        ("021123", "7–12", "7–12"),
        ("02112345678901", "7–12", "7–12"),
        ("1234", "5–7", "5–7"),
        ("15002251", "5–7", "5–7"),
        ("812345678", "awalan", "prefix"),
        ("00812345678", "kode area", "area code"),
        ("+62 0812 3456 789", "kode area", "area code"),
        ("0812+3456789", "karakter", "character"),
    ];
    for (raw, id_word, en_word) in cases {
        assert_err(phone(raw), "phone", id_word, en_word, raw);
        assert_err(phone(raw), "phone", rule_id, rule_en, raw);
    }
}

#[test]
fn email_table() {
    let good = [
        ("budi@kemenkeu.go.id", "budi@kemenkeu.go.id"),
        (
            "  Budi.Santoso@KEMENKEU.GO.ID ",
            "Budi.Santoso@kemenkeu.go.id",
        ),
        (
            "ppjk+bcare@pt-maju-jaya.co.id",
            "ppjk+bcare@pt-maju-jaya.co.id",
        ),
        ("a@b.co", "a@b.co"),
    ];
    for (raw, want) in good {
        assert_eq!(email(raw).as_deref(), Ok(want), "{raw:?}");
    }
    let long_local = format!("{}@x.com", "a".repeat(65));
    let bad = [
        ("", "kosong", "empty"),
        ("budi kemenkeu.go.id", "spasi", "spaces"),
        ("budi.kemenkeu.go.id", "@", "@"),
        ("budi@@kemenkeu.go.id", "lebih dari satu", "more than one"),
        ("a@b@c.id", "lebih dari satu", "more than one"),
        ("@kemenkeu.go.id", "sebelum @ kosong", "before @ is empty"),
        (long_local.as_str(), "64", "64"),
        ("budi@localhost", "titik", "dot"),
        ("budi@-kemenkeu.go.id", "domain", "domain label"),
        ("budi@kemenkeu-.go.id", "domain", "domain label"),
        ("budi@kemenkeu..go.id", "domain", "domain label"),
        ("budi@kemen_keu.go.id", "domain", "domain label"),
        ("budi@1.2.3.4", "akhiran", "top-level"),
        (".budi@x.id", "sebelum @", "before @"),
        ("bu(di)@x.id", "sebelum @", "before @"),
    ];
    for (raw, id_word, en_word) in bad {
        assert_err(email(raw), "email", id_word, en_word, raw);
        assert_err(email(raw), "email", "email", "email", raw);
    }
}

#[test]
fn npwp_table() {
    let good = [
        ("01.234.567.8-901.000", "012345678901000"),
        ("0123 4567 8901 2345", "0123456789012345"),
        ("3201234567890001", "3201234567890001"),
        ("0123456789012345-000000", "0123456789012345000000"),
    ];
    for (raw, want) in good {
        assert_eq!(npwp(raw).as_deref(), Ok(want), "{raw:?}");
    }
    assert_err(
        npwp("01.234.567.8-901"),
        "npwp",
        "ditemukan 12 digit",
        "found 12 digits",
        "12",
    );
    assert_err(
        npwp("01234567890123456"),
        "npwp",
        "15 atau 16 digit (NPWP) atau 22 digit (NITKU)",
        "22 digits (NITKU)",
        "17",
    );
    assert_err(
        npwp(""),
        "npwp",
        "ditemukan 0 digit",
        "found 0 digits",
        "empty",
    );
    assert_err(
        npwp("01.234.567.8-9O1.000"),
        "npwp",
        "angka",
        "digits only",
        "letter O",
    );
    assert_err(npwp("0123/4567"), "npwp", "angka", "digits only", "slash");
}

#[test]
fn nib_table() {
    assert_eq!(nib("9120 0012 3456 7").as_deref(), Ok("9120001234567"));
    assert_eq!(nib("9120-001234567").as_deref(), Ok("9120001234567"));
    assert_err(nib("912000123456"), "nib", "13 digit", "13 digits", "12");
    assert_err(nib("91200012345678"), "nib", "13 digit", "13 digits", "14");
    assert_err(nib("9120.001234567"), "nib", "angka", "digits only", "dot");
    assert_err(
        nib("912000123456A"),
        "nib",
        "angka",
        "digits only",
        "letter",
    );
}

#[test]
fn nip_table() {
    let good = [
        ("198503152010121001", "198503152010121001"),
        ("19850315 201012 1 001", "198503152010121001"),
        ("196001011985032002", "196001011985032002"),
        ("200002292022012001", "200002292022012001"),
    ];
    for (raw, want) in good {
        assert_eq!(nip(raw).as_deref(), Ok(want), "{raw:?}");
    }
    let bad = [
        ("19850315201012100", "18 digit", "18 digits"),
        ("1985031520101210011", "18 digit", "18 digits"),
        ("19850315-201012-1-001", "angka", "digits only"),
        ("198502302010121001", "tanggal lahir", "birth date"),
        ("198513012010121001", "tanggal lahir", "birth date"),
        ("190002292010121001", "tanggal lahir", "birth date"),
        ("193012312010121001", "1940–2010", "1940–2010"),
        ("201101012030121001", "1940–2010", "1940–2010"),
        (
            "198503152010001001",
            "bulan pengangkatan",
            "appointment month",
        ),
        (
            "198503152010131001",
            "bulan pengangkatan",
            "appointment month",
        ),
        (
            "198503151980121001",
            "setelah tanggal lahir",
            "after the birth date",
        ),
        ("198503152010123001", "jenis kelamin", "gender"),
        ("198503152010120001", "jenis kelamin", "gender"),
    ];
    for (raw, id_word, en_word) in bad {
        assert_err(nip(raw), "nip", id_word, en_word, raw);
    }
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn nomor_aju_table() {
    let today = d(2026, 3, 1);
    let ok_clean = [
        (
            "000020-010017-20260115-000123",
            "00002001001720260115000123",
        ),
        (
            "000020 010017 20260115 000123",
            "00002001001720260115000123",
        ),
        (
            "04010b.bc2023.20250301.00abcd",
            "04010BBC20232025030100ABCD",
        ),
        ("00002001001720210301000123", "00002001001720210301000123"),
        ("00002001001720260301000123", "00002001001720260301000123"),
    ];
    for (raw, want) in ok_clean {
        let (s, w) = nomor_aju(raw, today).unwrap();
        assert_eq!(s, want, "{raw:?}");
        assert_eq!(w, None, "{raw:?}");
    }
    let warned = [
        (
            "000020-010017-20261301-000123",
            "bukan tanggal",
            "not a real date",
        ),
        (
            "000020-010017-2026XX15-000123",
            "bukan tanggal",
            "not a real date",
        ),
        (
            "000020-010017-20250229-000123",
            "bukan tanggal",
            "not a real date",
        ),
        ("000020-010017-20260302-000123", "masa depan", "future"),
        ("000020-010017-20210228-000123", "5 tahun", "5 years"),
    ];
    for (raw, id_word, en_word) in warned {
        let (s, w) = nomor_aju(raw, today).unwrap();
        assert_eq!(s.len(), 26);
        let w = w.unwrap_or_else(|| panic!("no warning for {raw:?}"));
        assert_eq!(w.field, "nomor_aju");
        assert!(w.id.contains(id_word) && w.id.contains("13–20"), "{w:?}");
        assert!(w.en.contains(en_word) && w.en.contains("13–20"), "{w:?}");
    }
    let bad = [
        (
            "000020-010017-20260115-00012",
            "26 karakter",
            "26 characters",
            "25",
        ),
        (
            "000020-010017-20260115-0001234",
            "26 karakter",
            "26 characters",
            "27",
        ),
        ("", "26 karakter", "26 characters", "0"),
        (
            "000020_010017_20260115_000123",
            "huruf dan angka",
            "letters and digits",
            "_",
        ),
        (
            "000020/010017-20260115-00012",
            "huruf dan angka",
            "letters and digits",
            "/",
        ),
    ];
    for (raw, id_word, en_word, detail) in bad {
        assert_err(nomor_aju(raw, today), "nomor_aju", id_word, en_word, raw);
        assert_err(nomor_aju(raw, today), "nomor_aju", detail, detail, raw);
    }
}

#[test]
fn ticket_no_table() {
    let p = default_ticket_pattern();
    for (raw, want) in [
        ("A0254EB2B1", "A0254EB2B1"),
        (" a0254eb2b1 ", "A0254EB2B1"),
        ("A0254 EB2B1", "A0254EB2B1"),
        // F, B, C and D are hex digits, so this one fits the default shape.
        ("JFBC41D092", "JFBC41D092"),
    ] {
        assert_eq!(ticket_no(raw, &p), Ok((want.to_string(), None)), "{raw:?}");
    }
    for (raw, want) in [
        ("JGBC41D092", "JGBC41D092"),
        ("12345678", "12345678"),
        ("bc-2024-0001", "BC-2024-0001"),
    ] {
        let (s, w) = ticket_no(raw, &p).unwrap();
        assert_eq!(s, want);
        let w = w.unwrap_or_else(|| panic!("no warning for {raw:?}"));
        assert_eq!(w.field, "ticket_no");
        assert!(w.id.contains("tidak dikenal") && w.id.contains(DEFAULT_TICKET_PATTERN));
        assert!(w.en.contains("unknown") && w.en.contains(DEFAULT_TICKET_PATTERN));
    }
    // A configured pattern replaces the default.
    let digits = Regex::new("^[0-9]{8}$").unwrap();
    assert_eq!(
        ticket_no("12345678", &digits),
        Ok(("12345678".into(), None))
    );
    assert!(ticket_no("A0254EB2B1", &digits).unwrap().1.is_some());

    let bad = [
        ("", "wajib diisi", "is required"),
        ("   ", "wajib diisi", "is required"),
        ("A0254EB2B1!", "A–Z", "A–Z"),
        ("A0254_EB2B1", "A–Z", "A–Z"),
        ("Ä0254EB2B1", "A–Z", "A–Z"),
        ("ßABC", "A–Z", "A–Z"),
        ("AB1", "4–32", "4–32"),
        ("A234567890123456789012345678901234", "4–32", "4–32"),
    ];
    for (raw, id_word, en_word) in bad {
        assert_err(ticket_no(raw, &p), "ticket_no", id_word, en_word, raw);
    }
}

#[test]
fn user_id_table() {
    for (raw, want) in [
        ("3201234567890001", "3201234567890001"),
        ("  budi.s ", "budi.s"),
        ("abc", "abc"),
    ] {
        assert_eq!(user_id(raw).as_deref(), Ok(want), "{raw:?}");
    }
    let sixty_five = "x".repeat(65);
    let bad = [
        ("ab", "3–64", "3–64"),
        ("", "3–64", "3–64"),
        (sixty_five.as_str(), "3–64", "3–64"),
        ("budi santoso", "spasi", "spaces"),
        ("budi\u{1b}[2J", "kontrol", "control"),
        ("budi\tx", "kontrol", "control"),
    ];
    for (raw, id_word, en_word) in bad {
        assert_err(user_id(raw), "user_id", id_word, en_word, raw);
    }
}

/// Phone-ish input: an optional prefix, digit groups and separators.
fn phoneish() -> impl Strategy<Value = String> {
    let prefix = prop_oneof![
        Just(""),
        Just("0"),
        Just("62"),
        Just("+62"),
        Just("+62 "),
        Just("("),
        Just("+"),
        Just("1")
    ];
    let sep = prop_oneof![
        Just(""),
        Just(" "),
        Just("-"),
        Just("."),
        Just(")"),
        Just("(")
    ];
    (prefix, prop::collection::vec(("[0-9]{1,4}", sep), 1..5)).prop_map(|(p, groups)| {
        let mut s = p.to_string();
        for (g, sep) in groups {
            s.push_str(&g);
            s.push_str(sep);
        }
        s
    })
}

proptest! {
    #[test]
    fn phone_is_idempotent(raw in prop_oneof![phoneish(), any::<String>()]) {
        if let Ok(p) = phone(&raw) {
            prop_assert_eq!(phone(&p), Ok(p.clone()));
            prop_assert!(p.starts_with("+62") || (p.starts_with('1') && p.len() <= 7));
        }
    }

    #[test]
    fn npwp_output_is_digits(raw in "[0-9 .-]{0,30}") {
        if let Ok(d) = npwp(&raw) {
            prop_assert!(only_digits(&d) && matches!(d.len(), 15 | 16 | 22));
            prop_assert_eq!(npwp(&d), Ok(d.clone()));
        }
    }

    #[test]
    fn nomor_aju_is_idempotent(raw in "[0-9a-zA-Z -]{20,32}") {
        let today = d(2026, 3, 1);
        if let Ok((s, w)) = nomor_aju(&raw, today) {
            prop_assert_eq!(nomor_aju(&s, today), Ok((s.clone(), w)));
        }
    }
}
