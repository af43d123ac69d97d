//! `read-message` and `intake --from-message` on the real binary.

mod desk_binary;

use desk_binary::Desk;
use serde_json::Value;

const WHATSAPP: &str = "[27/11/26 08.40] Andi Wijaya: Selamat pagi, saya Andi dari PT Samudra Makassar, PIB kami nomor aju 000020-010017-20261127-000123 belum dapat respon sejak pagi, NPWP 01.234.567.8-901.000, mohon bantuannya. WA 0812 3456 7890\n";

fn message(desk: &Desk, name: &str, text: &[u8]) -> String {
    let path = desk.dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

fn stdout(out: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&out.get_output().stdout).to_string()
}

// Every test here runs on a SQLite file and on a PostgreSQL database.
on_both! {
    #[test]
    fn read_message_prints_what_the_message_proposes() {
        let desk = Desk::new();
        let file = message(&desk, "wa.txt", WHATSAPP.as_bytes());

        let j = desk.json(&["read-message", &file]);
        assert_eq!(j["phone"], "+6281234567890");
        assert_eq!(j["npwp"], "012345678901000");
        assert_eq!(j["aju"], serde_json::json!(["00002001001720261127000123"]));
        assert_eq!(j["name"], "Andi Wijaya");
        assert_eq!(j["org"], "PT Samudra Makassar");
        assert_eq!(j["doc_type"], "BC 2.0 PIB");
        assert_eq!(j["category"], "IMP");
        assert_eq!(j["category_words"], serde_json::json!(["pib"]));
        assert_eq!(j["category_hints"], serde_json::json!(["IMP"]));
        assert_eq!(j["secrets"], false);
        assert_eq!(j["received_at"], "2026-11-27 08:40");
        assert_eq!(j["from"]["phone"], "0812 3456 7890");
        for absent in ["email", "nib", "nip", "user_id"] {
            assert_eq!(j[absent], Value::Null, "{absent}");
        }

        let id = stdout(&desk.cmd().args(["read-message", &file]).assert().success());
        assert!(
            id.contains("telepon") && id.contains("+6281234567890  ← \"0812 3456 7890\""),
            "{id}"
        );
        assert!(id.contains("perusahaan") && id.contains("kategori"), "{id}");
        let en = stdout(
            &desk
                .cmd()
                .args(["--lang", "en", "read-message", &file])
                .assert()
                .success(),
        );
        assert!(
            en.contains("phone") && en.contains("company") && en.contains("category"),
            "{en}"
        );
        // Reading changes nothing: no database is made.
        assert_eq!(desk.rows(), (0, 0));
    }
    #[test]
    fn a_second_npwp_and_e_mail_are_shown_beside_the_first() {
        let desk = Desk::new();
        let text = "NPWP 15 : 012345678901000 NPWP 16 : 0012345678901000 EMAIL LAMA: lama@contoh.co.id EMAIL BARU : baru@contoh.co.id";
        let out = desk
            .cmd()
            .args(["read-message", "--json"])
            .write_stdin(text)
            .assert()
            .success();
        let j: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        assert_eq!(j["npwp"], "012345678901000");
        assert_eq!(j["email"], "lama@contoh.co.id");
        assert_eq!(
            j["also"],
            serde_json::json!([
                {"kind": "npwp", "value": "0012345678901000", "from": "0012345678901000"},
                {"kind": "email", "value": "baru@contoh.co.id", "from": "baru@contoh.co.id"}
            ])
        );
        let shown = stdout(
            &desk
                .cmd()
                .arg("read-message")
                .write_stdin(text)
                .assert()
                .success(),
        );
        assert!(shown.contains("0012345678901000") && shown.contains("baru@contoh.co.id"), "{shown}");
    }
    #[test]
    fn an_unclear_category_is_left_to_the_officer() {
        let desk = Desk::new();
        // A document's name settles the category ("billing PIB" is an import
        // matter); without one, two problems of two kinds stay unclear.
        let text = "billing gagal, login juga tidak bisa";
        let out = desk
            .cmd()
            .args(["read-message", "--json"])
            .write_stdin(text)
            .assert()
            .success();
        let j: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        assert_eq!(j["category"], Value::Null);
        assert_eq!(
            j["category_hints"],
            serde_json::json!(["AKUN", "BYR"])
        );
        let shown = stdout(
            &desk
                .cmd()
                .arg("read-message")
                .write_stdin(text)
                .assert()
                .success(),
        );
        assert!(
            shown.contains("kategori tidak jelas") && shown.contains("AKUN, BYR"),
            "{shown}"
        );
    }
    #[test]
    fn read_message_reads_standard_input() {
        let desk = Desk::new();
        let file = message(&desk, "wa.txt", WHATSAPP.as_bytes());
        let from_file = desk.json(&["read-message", &file]);
        for args in [
            &["read-message", "-", "--json"][..],
            &["read-message", "--json"][..],
        ] {
            let out = desk
                .cmd()
                .args(args)
                .write_stdin(WHATSAPP)
                .assert()
                .success();
            let j: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
            assert_eq!(j, from_file, "{args:?}");
        }
    }
    #[test]
    fn a_password_in_the_message_is_named() {
        let desk = Desk::new();
        let text =
            "tidak bisa login CEISA, password: Rahasia123 \x1b[2J user id: andi.w, HP 0812-1111-2222";
        let out = desk
            .cmd()
            .args(["read-message", "--json"])
            .write_stdin(text)
            .assert()
            .success();
        let j: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        assert_eq!(j["secrets"], true);
        assert_eq!(j["user_id"], "andi.w");
        assert_eq!(j["category"], "AKUN");
        let shown = stdout(
            &desk
                .cmd()
                .arg("read-message")
                .write_stdin(text)
                .assert()
                .success(),
        );
        assert!(shown.contains("kata sandi atau kode OTP"), "{shown}");
        assert!(!shown.contains('\x1b'), "{shown:?}");
    }
    #[test]
    fn a_message_too_long_or_not_text_is_refused_by_name() {
        let desk = Desk::new();
        let big = message(&desk, "besar.txt", &vec![b'a'; 64 * 1024 + 1]);
        let err = desk.refused(&["read-message", &big]);
        assert!(err.contains("besar.txt") && err.contains("64 KiB"), "{err}");
        // Exactly at the limit is read.
        let edge = message(&desk, "pas.txt", &vec![b'a'; 64 * 1024]);
        desk.cmd().args(["read-message", &edge]).assert().success();

        let bin = message(&desk, "foto.jpg", &[0xff, 0xd8, 0xff, 0xe0, 0x00]);
        let err = desk.refused(&["--lang", "en", "read-message", &bin]);
        assert!(
            err.contains("foto.jpg") && err.contains("not UTF-8"),
            "{err}"
        );
        let err = desk.refused(&["read-message", "tidak-ada.txt"]);
        assert!(
            err.contains("tidak-ada.txt") && err.contains("tidak dapat dibaca"),
            "{err}"
        );
        let err = desk.refused(&[
            "intake",
            "--from-message",
            &big,
            "--subject",
            "x",
            "--channel",
            "whatsapp",
        ]);
        assert!(err.contains("64 KiB"), "{err}");
    }
    #[test]
    fn intake_takes_the_message_as_defaults_and_the_flags_win() {
        let desk = Desk::new();
        let file = message(&desk, "wa.txt", WHATSAPP.as_bytes());
        let j = desk.json(&[
            "intake",
            "--from-message",
            &file,
            "--subject",
            "PIB belum respon",
            "--channel",
            "whatsapp",
        ]);
        assert_eq!(j["category"], "IMP");
        assert_eq!(j["applicant"]["kind"], "pengguna-jasa");
        assert_eq!(j["applicant"]["name"], "Andi Wijaya");
        assert_eq!(j["applicant"]["org"], "PT Samudra Makassar");
        assert_eq!(j["applicant"]["npwp"], "012345678901000");
        assert_eq!(j["applicant"]["phone"], "+6281234567890");
        assert_eq!(j["aju"], serde_json::json!(["00002001001720261127000123"]));
        assert_eq!(j["doc_type"], "BC 2.0 PIB");
        assert_eq!(j["description"], WHATSAPP.trim());
        // The clock starts when the WhatsApp message came in, not when it was typed in.
        let shown = desk.json(&["show", j["ref"].as_str().unwrap()]);
        assert_eq!(shown["received_at"], "2026-11-27T08:40:00+08:00");
        assert_eq!(shown["sla_deadline"], "2026-11-27T10:40:00+08:00");
        // A chat time after now is refused by the intake rule, naming the field; a flag wins.
        let later = message(
            &desk,
            "later.txt",
            WHATSAPP.replace("08.40", "10.15").as_bytes(),
        );
        let args = [
            "intake",
            "--from-message",
            &later,
            "--subject",
            "PIB",
            "--channel",
            "whatsapp",
        ];
        let err = desk.refused(&args);
        assert!(
            err.contains("received_at") && err.contains("5 menit di masa depan"),
            "{err}"
        );
        desk.json(&[&args[..], &["--received-at", "2026-11-27 08:55"]].concat());

        // A flag overrides what the message proposes.
        let j = desk.json(&[
            "intake",
            "--from-message",
            &file,
            "--subject",
            "PIB belum respon",
            "--channel",
            "telepon",
            "--name",
            "Andi W.",
            "--phone",
            "0811 4455 667",
            "--category",
            "BYR",
        ]);
        assert_eq!(j["applicant"]["name"], "Andi W.");
        assert_eq!(j["applicant"]["phone"], "+628114455667");
        assert_eq!(j["category"], "BYR");
        assert_eq!(j["channel"], "telepon");
        assert_eq!(j["applicant"]["npwp"], "012345678901000");
        assert_eq!(desk.rows().0, 3);
    }
    #[test]
    fn intake_takes_the_subject_of_an_email() {
        let desk = Desk::new();
        let mail = message(
            &desk,
            "mail.eml",
            b"From: Rudi Hartono <rudi@ptsejahtera.co.id>\nSubject: Re: BC 2.5 gagal kirim\n\nYth. PDAD,\nKawasan berikat kami tidak bisa kirim BC 2.5, aju 000020-010017-20261127-000123.\nNIB 9120009876543\n\nSalam,\nRudi Hartono\nPT Sejahtera Berikat",
        );
        let j = desk.json(&["intake", "--from-message", &mail]);
        assert_eq!(j["subject"], "BC 2.5 gagal kirim");
        assert_eq!(j["channel"], "email");
        assert_eq!(j["category"], "TPB");
        assert_eq!(j["applicant"]["name"], "Rudi Hartono");
        assert_eq!(j["applicant"]["email"], "rudi@ptsejahtera.co.id");
        assert_eq!(j["applicant"]["org"], "PT Sejahtera Berikat");
        assert_eq!(j["applicant"]["nib"], "9120009876543");
    }
    #[test]
    fn intake_refuses_a_message_carrying_a_password_and_saves_nothing() {
        let desk = Desk::new();
        desk.intake(&[]);
        let file = message(
            &desk,
            "sec.txt",
            b"saya Budi, NIP 198503152010121001, tidak bisa login, password: Rahasia123. user budi.s HP 081234567890",
        );
        let args = [
            "intake",
            "--from-message",
            &file,
            "--subject",
            "login",
            "--channel",
            "telepon",
        ];
        let err = desk.refused(&args);
        assert!(
            err.contains("sec.txt") && err.contains("kata sandi"),
            "{err}"
        );
        // With the description typed by the officer, the rest of the message still helps.
        let j = desk.json(&[&args[..], &["--description", "tidak bisa login ke CEISA"]].concat());
        assert_eq!(j["applicant"]["kind"], "pegawai");
        assert_eq!(j["applicant"]["nip"], "198503152010121001");
        assert_eq!(j["user_id"], "budi.s");
        assert_eq!(j["category"], "AKUN");
        assert_eq!(j["description"], "tidak bisa login ke CEISA");
    }
}
