use super::*;
use proptest::prelude::*;

#[test]
fn clean_table() {
    let cases: &[(&str, &str)] = &[
        ("  halo  ", "halo"),
        ("\x1b[2J", "[2J"),
        ("a\r\nb\rc", "a\nb\nc"),
        ("baris 1   \nbaris 2\t\n\n", "baris 1\nbaris 2"),
        ("a\u{0}b\u{7}c\u{7f}d\u{85}e\u{9f}f", "abcdef"),
        (
            "abc\u{202E}def\u{2066}g\u{200E}h\u{200F}i\u{061C}j",
            "abcdefghij",
        ),
        ("\tindent kept inside\n\tline", "indent kept inside\n\tline"),
        ("", ""),
        (" \r\n \t ", ""),
        ("Ünïcödé 🙂 tetap", "Ünïcödé 🙂 tetap"),
    ];
    for (raw, want) in cases {
        assert_eq!(clean(raw), *want, "clean({raw:?})");
    }
}

#[test]
fn for_file_takes_out_what_acts_and_keeps_the_rest_as_stored() {
    let cases: &[(&str, &str)] = &[
        ("\x1b[2Jhalo\x07", "[2Jhalo"),
        ("a\u{0}b\u{85}c\u{9b}d\u{7f}e", "abcde"),
        ("abc\u{202E}def\u{2066}g", "abcdefg"),
        ("a\r\nb\rc", "a\nb\nc"),
        (
            "  kept as stored \n\tindent ",
            "  kept as stored \n\tindent ",
        ),
        ("Ünïcödé 🙂", "Ünïcödé 🙂"),
    ];
    for (raw, want) in cases {
        assert_eq!(for_file(raw), *want, "for_file({raw:?})");
    }
}

#[test]
fn clean_line_table() {
    let cases: &[(&str, &str)] = &[
        ("  CEISA\n tidak   bisa\tlogin  ", "CEISA tidak bisa login"),
        ("a\r\n\r\nb", "a b"),
        ("\x1b]0;title\x07Nama", "]0;titleNama"),
        ("satu", "satu"),
    ];
    for (raw, want) in cases {
        assert_eq!(clean_line(raw), *want, "clean_line({raw:?})");
    }
}

/// Texts that carry a secret, in the forms officers meet: Indonesian and
/// English labels, with or without `:`/`=`, with "-nya", with words between
/// label and code, a code glued to the next word, and the secret's value.
const LEAKS: &[(&str, &str)] = &[
    ("password: abc123", "abc123"),
    // What the password is for, between the label and its colon.
    ("password CEISA 4.0 : Daun#2026", "Daun#2026"),
    ("password sementara: Awan123", "Awan123"),
    // Short and misspelt labels of chats.
    ("user: adminsekar pw: Sekar2026", "Sekar2026"),
    ("pswd : Kopi_88", "Kopi_88"),
    ("user : opsbayu pasw : Bayu12345", "Bayu12345"),
    // An account and its password side by side.
    ("dengan username: sekarayu / sekarayu123", "sekarayu123"),
    // A new password set further along the sentence.
    (
        "mohon reset password email dinas saya menjadi : Kopi#Manis88",
        "Kopi#Manis88",
    ),
    ("password portal diubah ke Rahasia2026 saja", "Rahasia2026"),
    (
        "tolong ganti password akun kami jadi Bumi_Hijau7",
        "Bumi_Hijau7",
    ),
    (
        "username : hartono pasword: hartono 1999 tidak bisa login",
        "hartono",
    ),
    ("Password=rahasia", "rahasia"),
    ("pass=hunter2", "hunter2"),
    ("pwd: x", "x"),
    ("passwd Bea2025!", "Bea2025!"),
    ("kata sandi saya Rahasia1", "Rahasia1"),
    ("katasandi: qwerty", "qwerty"),
    ("sandi: Bea2025!", "Bea2025!"),
    ("Password baru: Qwerty!23", "Qwerty!23"),
    ("password baru saya: Qwerty!23", "Qwerty!23"),
    ("passwordnya adalah Cukai#01", "Cukai#01"),
    ("passwordnya Cukai#01", "Cukai#01"),
    ("password-nya: ceisa2026", "ceisa2026"),
    ("my password is hunter2", "hunter2"),
    ("the new password was Sunrise@7", "Sunrise@7"),
    ("Password Qwerty!23 sudah dicoba", "Qwerty!23"),
    ("password diganti menjadi Bea2025!", "Bea2025!"),
    ("user: budi, pwd=budi2024 tolong dicek", "budi2024"),
    (
        "tidak bisa login\nPassword: Sandi123\nmohon bantuan",
        "Sandi123",
    ),
    ("password saya password: x", "x"),
    ("kata sandi lama : BeaCukai", "BeaCukai"),
    ("passcode 55667788", "55667788"),
    ("OTP 123456", "123456"),
    ("OTP123456", "123456"),
    ("OTP:482913", "482913"),
    ("kode OTP: 482913", "482913"),
    ("kode OTP nya 123456", "123456"),
    ("OTPnya 556677", "556677"),
    ("OTP-nya 556677.", "556677"),
    ("otp=1234", "1234"),
    ("OTP yang masuk 123456", "123456"),
    ("OTP yang baru saja masuk 774411", "774411"),
    ("OTP 123456Nama pemohon: Budi", "123456"),
    ("OTP 123 456", "123 456"),
    ("OTP via SMS 908172", "908172"),
    ("PIN 1234", "1234"),
    ("PIN saya 9087", "9087"),
    ("pin: 4455", "4455"),
    ("kode verifikasi 99887766", "99887766"),
    ("Kode verifikasi yang masuk: 443322", "443322"),
    ("kode akses 7788", "7788"),
    ("verification code is 246810", "246810"),
    ("token: 12345678", "12345678"),
    ("token 83920175", "83920175"),
    ("Tokennya 5512", "5512"),
    ("security code: 3344", "3344"),
    ("OTP/PIN 908070", "908070"),
    ("\"password\": \"Rahasia2026\"", "Rahasia2026"),
    ("ID : budi.s@contoh.co.id Pas : Bcm5153", "Bcm5153"),
    // A slash or an HTML entity around a credential does not hide it.
    ("password Sari2026/ tidak bisa login", "Sari2026"),
    ("password &ldquo;Sari2026&rdquo;", "Sari2026"),
    // Nor does a hyphen between words with a digit.
    ("password Multi-Factor9", "Multi-Factor9"),
];

/// Ordinary complaint text: mentions of the words, numbers of the trade,
/// names and times next to a label.
const ORDINARY: &[&str] = &[
    "Permohonan reset password Ceisa40 Nama: Yudha NIP: 199105172014121003",
    "Email: yudha.pw@contoh.go.id",
    "login user dan pasword contoh.go.id atas nama sari gagal",
    "pas login muncul error",
    "lupa password",
    "password akun : mohon direset",
    "permohonan reset password akun ceisa 4.0 email : wulan.sekar@contoh.go.id",
    "username: sekar.ayu@contoh.id / NPWP 0123",
    "user : admin / PT Maju",
    "Gate Pass : GP2026001 tidak muncul di TPS",
    "password CEISA 4.0 tidak bisa diubah",
    "ubah alamat email induk dari a@contoh.id menjadi b@contoh.id",
    "password tidak bisa diubah menjadi yang baru",
    "setelah reset password status berubah menjadi Locked",
    "reset password, kode bank diubah menjadi nomor 14",
    "Validasi Token NPWP Tidak Sesuai",
    "login akun dan pasword selalu gagal",
    "reset password",
    "password expired",
    "tidak bisa login, password expired",
    "Password: expired sejak kemarin",
    "password saya expired",
    "kata sandi saya HILANG",
    "akun terkunci setelah salah kata sandi 3 kali",
    "mohon reset kata sandi untuk user 3201234567890001",
    "lupa password akun budi01",
    "password minimal 8 karakter",
    "password harus diganti setiap 90 hari",
    "password: ******",
    "Password\nSaya sudah coba reset berkali-kali",
    "OTP tidak masuk",
    "OTP tidak masuk ke HP",
    "OTP tidak terkirim",
    "OTP tidak masuk sejak 2025",
    "OTP masuk 14:30 tapi sudah kedaluwarsa",
    "OTP dikirim ke 0812-3456-7890",
    "OTP dikirim ke nomor +6281234567890",
    "kode OTP berlaku 5 menit",
    "OTP yang masuk 2 kali",
    "kode verifikasi tidak diterima",
    "PIN SSO tidak bisa diubah",
    "token expired sejak 2025",
    "token listrik 12345678901234567890",
    "kode billing 820261127000123",
    "billing 820261127000123 sudah dibayar 27/11/2026",
    "nomor aju 00000001001720261127000123",
    "HS 8471.30.20 ditolak",
    "NPWP 01.234.567.8-901.000",
    "telepon 0812 3456 7890",
    "passport pegawai sudah diunggah",
    "bypass proxy kantor 1500225",
    "sandiwara",
    "pinjam laptop 1234",
    "Pemohon Sandi Pratama, HP 081234567890",
    "Bapak Sandi 0812 3456 7890 minta ditelepon",
    "dokumen dikirim 2026-11-27 pukul 09:15 WITA",
    "PEB tidak bisa dikirim, muncul error validasi",
    "Nama pemohon: Budi\nUser ID: user01234\nNomor aju: 00000001001720261127000123",
    "kata sandi: tidak berubah setelah reset",
    "token: kedaluwarsa",
    "reset PIN 3 kali gagal",
    "OTP/PIN tidak masuk",
    "kode verifikasi/akses belum diterima",
    "token_env = \"BCARE_TOKEN\"",
    "bearer token (never logged).",
    "password: …",
    "(`password expired`), dan `OTP nya` belum masuk",
    "Pesan di layar: \"Password salah\"",
    // A slash or an HTML entity kept by the web form is no part of the word.
    "Detail masalah: user dan password salah/ tidak bisa login untuk user baru",
    "tidak dapat login dengan eror &ldquo;user dan password salah&rdquo;. Serta",
    // Words joined by hyphens are a name; the mail service a password is for.
    "mendapatkan secret key baru untuk token Multi-Factor Authentication (MFA)",
    "Saya mengganti password via M365, sekarang tidak bisa mengakses Ceisa 4.0.",
];

#[test]
fn refuse_secrets_table() {
    assert!(LEAKS.len() >= 40 && ORDINARY.len() >= 40);
    let mut wrong = Vec::new();
    for (t, secret) in LEAKS {
        match refuse_secrets("description", t) {
            Ok(()) => wrong.push(format!("let through: {t:?}")),
            Err(e) => {
                assert_eq!(e.field, "description");
                assert!(
                    e.id.contains("mohon hapus") && e.en.contains("remove"),
                    "{t}"
                );
                // The refusal names what looks like a secret, never the secret.
                for msg in [&e.id, &e.en] {
                    assert!(!msg.contains(secret), "{t}: echoes the secret: {msg}");
                }
            }
        }
    }
    for t in ORDINARY {
        if let Err(e) = refuse_secrets("description", t) {
            wrong.push(format!("refused: {t:?} ({})", e.en));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn refusal_names_the_label_and_the_kind() {
    let e = refuse_secrets("problem", "Password baru: Qwerty!23").unwrap_err();
    assert_eq!(e.field, "problem");
    assert!(e.id.contains("kata sandi setelah “Password”"), "{}", e.id);
    assert!(e.en.contains("a password after “Password”"), "{}", e.en);
    let e = refuse_secrets("description", "kode OTP nya 123456").unwrap_err();
    assert!(e.id.contains("kode OTP/PIN setelah “OTP”"), "{}", e.id);
    assert!(e.en.contains("an OTP/PIN code after “OTP”"), "{}", e.en);
}

#[test]
fn a_draft_keeps_no_field_that_looks_like_a_secret() {
    let draft = serde_json::json!({
        "name": "Budi Santoso",
        "phone": "0812-3456-7890",
        "subject": "OTP tidak masuk",
        "description": "Tidak bisa login.\nPassword baru saya: Qwerty!23",
        "user_id": "budi01",
        "aju": ["00000001001720261127000123", "kode OTP nya 123456"],
        "attachments": [],
    });
    let (kept, refused) = draft_safe(&draft);
    assert_eq!(refused, vec!["aju".to_string(), "description".to_string()]);
    assert_eq!(kept["description"], "");
    assert_eq!(
        kept["aju"],
        serde_json::json!(["00000001001720261127000123"])
    );
    for field in ["name", "phone", "subject", "user_id", "attachments"] {
        assert_eq!(kept[field], draft[field], "{field}");
    }
    let stored = kept.to_string();
    assert!(
        !stored.contains("Qwerty") && !stored.contains("123456\""),
        "{stored}"
    );

    // Nothing to refuse: the draft is written as typed.
    let clean = serde_json::json!({"name": "Siti", "description": "lupa password"});
    assert_eq!(draft_safe(&clean), (clean.clone(), Vec::new()));
}

#[test]
fn free_text_rules() {
    assert_eq!(
        free_text("subject", "  CEISA\n lambat ", SUBJECT_MAX, true, true),
        Ok("CEISA lambat".to_string())
    );
    assert_eq!(
        free_text("description", "a\r\nb", DESCRIPTION_MAX, true, false),
        Ok("a\nb".to_string())
    );
    assert_eq!(
        free_text("note", " \n ", NOTE_MAX, false, false),
        Ok(String::new())
    );

    let e = free_text("subject", " \x1b \n", SUBJECT_MAX, true, true).unwrap_err();
    assert_eq!(e.field, "subject");
    assert!(e.id.contains("wajib diisi") && e.en.contains("is required"));

    // Counted in chars, not bytes: 5 two-byte chars fit in 5.
    assert_eq!(
        free_text("name", "ééééé", 5, true, true),
        Ok("ééééé".into())
    );
    let e = free_text("name", "éééééé", 5, true, true).unwrap_err();
    assert_eq!(e.field, "name");
    assert!(e.id.contains("terlalu panjang") && e.id.contains('5') && e.id.contains('6'));
    assert!(e.en.contains("too long") && e.en.contains('5') && e.en.contains('6'));

    let e = free_text("description", "OTP 123456", DESCRIPTION_MAX, true, false).unwrap_err();
    assert_eq!(e.field, "description");
    assert!(e.en.contains("OTP"));
}

#[test]
fn for_terminal_table() {
    let cases: &[(&str, &str)] = &[
        ("\x1b[2J", "^[[2J"),
        ("\x1b]52;c;aGk=\x07", "^[]52;c;aGk=^G"),
        ("a\rb", "a^Mb"),
        ("a\u{0}b\u{7f}c", "a^@b^?c"),
        ("x\u{9b}31m", "x\u{FFFD}31m"),
        ("abc\u{202E}def", "abcdef"),
        ("baris\n\tdua", "baris\n\tdua"),
        ("biasa saja", "biasa saja"),
    ];
    for (raw, want) in cases {
        assert_eq!(for_terminal(raw), *want, "for_terminal({raw:?})");
    }
}

fn removed_class(c: char) -> bool {
    is_removed_control(c) || is_bidi_control(c)
}

/// Strings rich in the characters the rules care about.
fn nasty() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("\r".to_string()),
        Just("\r\n".to_string()),
        Just("\n".to_string()),
        Just("\t".to_string()),
        Just(" ".to_string()),
        Just("\u{a0}".to_string()),
        Just("\x1b".to_string()),
        Just("\u{85}".to_string()),
        Just("\u{202E}".to_string()),
        Just("\u{2067}".to_string()),
        (0u32..0xA0).prop_map(|n| char::from_u32(n).unwrap().to_string()),
        "[a-zA-Zé🙂]{0,3}",
    ];
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

/// Strings made of the guard's own pieces: labels, separators, codes, quotes.
fn labelled() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("password".to_string()),
        Just("kata sandi".to_string()),
        Just("OTP".to_string()),
        Just("nya".to_string()),
        Just("-".to_string()),
        Just(":".to_string()),
        Just("=".to_string()),
        Just(" ".to_string()),
        Just("\n".to_string()),
        Just("\"".to_string()),
        Just("/".to_string()),
        Just("…".to_string()),
        Just("é".to_string()),
        "[0-9]{1,9}",
        "[a-zA-Z!#]{1,6}",
    ];
    prop::collection::vec(pieces, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn the_guard_answers_any_text(s in prop_oneof![labelled(), any::<String>()]) {
        // Never panics; a refusal never quotes more than the label.
        if let Some(found) = find_secret(&s) {
            prop_assert!(!found.label.is_empty());
            prop_assert!(found.label.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '-'));
        }
    }

    #[test]
    fn clean_removes_and_is_idempotent(s in prop_oneof![nasty(), any::<String>()]) {
        let once = clean(&s);
        prop_assert!(!once.chars().any(removed_class), "{once:?}");
        prop_assert_eq!(clean(&once), once.clone());
        prop_assert_eq!(once.trim(), once.as_str());
    }

    #[test]
    fn clean_line_is_one_line(s in prop_oneof![nasty(), any::<String>()]) {
        let line = clean_line(&s);
        prop_assert!(!line.contains(['\n', '\t', '\r']));
        prop_assert!(!line.contains("  "));
        prop_assert!(!line.chars().any(removed_class));
        prop_assert_eq!(clean_line(&line), line.clone());
    }

    #[test]
    fn for_terminal_is_printable(s in prop_oneof![nasty(), any::<String>()]) {
        let out = for_terminal(&s);
        for c in out.chars() {
            prop_assert!(c >= '\u{20}' || c == '\n' || c == '\t', "{c:?}");
            prop_assert!(!('\u{7F}'..='\u{9F}').contains(&c), "{c:?}");
            prop_assert!(!is_bidi_control(c), "{c:?}");
        }
    }

    #[test]
    fn free_text_respects_limit(s in nasty(), max in 0usize..30) {
        if let Ok(t) = free_text("note", &s, max, false, false) {
            prop_assert!(t.chars().count() <= max);
        }
    }
}
