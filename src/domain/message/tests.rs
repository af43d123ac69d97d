//! Tests of the message reader.

use super::*;

mod category;

fn read_builtin(t: &str) -> Proposals {
    read(t, &Categories::builtin()).expect("a message within the limit")
}

/// The category proposed for a message, by its code.
fn category_of(t: &str) -> Option<String> {
    read_builtin(t).category.map(|c| c.code)
}

/// Every value of a kind whose field holds one ("user_id", "npwp"): the
/// field's first, then the further ones.
fn every(p: &Proposals, kind: &str) -> Vec<String> {
    let first = match kind {
        "user_id" => &p.user_id,
        "npwp" => &p.npwp,
        _ => panic!("no field for {kind}"),
    };
    let mut all: Vec<String> = first.iter().map(|f| f.value.clone()).collect();
    all.extend(
        p.also
            .iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, f)| f.value.clone()),
    );
    all
}

#[test]
fn the_issue_example_is_read_whole() {
    let p = read_builtin(
        "Selamat siang, saya Andi dari PT Samudra, PIB kami nomor aju 000020-010017-20261127-000123 belum dapat respon sejak pagi, NPWP 01.234.567.8-901.000, mohon bantuannya. WA 0812 3456 7890",
    );
    assert_eq!(p.name.as_ref().map(|f| f.value.as_str()), Some("Andi"));
    assert_eq!(p.org.as_ref().map(|f| f.value.as_str()), Some("PT Samudra"));
    // On WhatsApp the sender's full name completes "saya Andi".
    let wa = read_builtin("[27/11/26 10.15] Andi Wijaya: saya Andi dari PT Samudra");
    assert_eq!(
        wa.name.as_ref().map(|f| f.value.as_str()),
        Some("Andi Wijaya")
    );
    assert_eq!(p.aju[0].value, "00002001001720261127000123");
    assert_eq!(p.aju[0].from, "000020-010017-20261127-000123");
    assert_eq!(
        p.npwp.as_ref().map(|f| f.value.as_str()),
        Some("012345678901000")
    );
    assert_eq!(p.phone().map(|f| f.from.as_str()), Some("0812 3456 7890"));
    assert_eq!(p.phone().map(|f| f.value.as_str()), Some("+6281234567890"));
    assert_eq!(
        p.doc_type.as_ref().map(|f| f.value.as_str()),
        Some("BC 2.0 PIB")
    );
    assert_eq!(p.category.as_ref().map(|c| c.code.as_str()), Some("IMP"));
    assert!(!p.secrets);
    for f in [&p.phones[0], &p.aju[0]] {
        assert_eq!(&p.description[f.span.clone()], f.from);
    }
}

#[test]
fn the_whatsapp_sender_comes_first() {
    let p = read_builtin(
        "[27/11/26 10.15] +62 811-4455-667: pak, akun CEISA saya terkunci, user id budi.s, hubungi juga 0813 2222 3333",
    );
    let phones: Vec<_> = p.phones.iter().map(|f| f.value.as_str()).collect();
    assert_eq!(phones, ["+628114455667", "+6281322223333"]);
    assert_eq!(p.user_id.as_ref().map(|f| f.value.as_str()), Some("budi.s"));
    assert_eq!(
        p.channel.as_ref().map(|f| f.value.as_str()),
        Some("whatsapp")
    );
    assert_eq!(p.category.as_ref().map(|c| c.code.as_str()), Some("AKUN"));
}

#[test]
fn every_whatsapp_chat_form_names_its_sender() {
    for line in [
        "[27/11/26 10.15] Andi Wijaya: PIB belum respon",
        "[27/11/26 10.15.23] Andi Wijaya: PIB belum respon",
        "[10:15, 27/11/2026] Andi Wijaya: PIB belum respon",
        "27/11/26 10.15 - Andi Wijaya: PIB belum respon",
        "11/27/26, 10:15 AM - Andi Wijaya: PIB belum respon",
    ] {
        let p = read_builtin(line);
        assert_eq!(
            p.name.as_ref().map(|f| f.value.as_str()),
            Some("Andi Wijaya"),
            "{line}"
        );
        assert_eq!(
            p.channel.as_ref().map(|f| f.value.as_str()),
            Some("whatsapp"),
            "{line}"
        );
        assert_eq!(
            p.received_at.as_ref().map(|f| f.value.as_str()),
            Some("2026-11-27 10:15"),
            "{line}"
        );
        // The header's date and time are not numbers of the complaint.
        assert!(
            p.phones.is_empty() && p.nib.is_none() && p.npwp.is_none(),
            "{line}"
        );
    }
    // Afternoon in 12-hour form, and a date that does not exist.
    let p = read_builtin("11/27/26, 2:05 PM - Andi: halo");
    assert_eq!(
        p.received_at.map(|f| f.value).as_deref(),
        Some("2026-11-27 14:05")
    );
    let p = read_builtin("12/27/26, 12:30 AM - Andi: halo");
    assert_eq!(
        p.received_at.map(|f| f.value).as_deref(),
        Some("2026-12-27 00:30")
    );
    assert_eq!(
        read_builtin("[31/02/26 10.15] Andi: halo").received_at,
        None
    );
    // An unknown sender shows as "~ Name" or as the number.
    let p = read_builtin("[27/11/26 10.15] ~\u{202f}Rina: halo");
    assert_eq!(p.name.as_ref().map(|f| f.value.as_str()), Some("Rina"));
    let p = read_builtin("[27/11/26 10.15] +62 812-3456-7890: halo");
    assert_eq!(p.phone().map(|f| f.value.as_str()), Some("+6281234567890"));
}

#[test]
fn an_email_subject_becomes_the_subject() {
    let p = read_builtin(
        "From: Budi <budi@x.co.id>\nSubject: RE: Fwd: Billing PIB tidak terbit\n\nYth. PDAD",
    );
    assert_eq!(
        p.subject.as_ref().map(|f| f.value.as_str()),
        Some("Billing PIB tidak terbit")
    );
    assert_eq!(
        p.subject.as_ref().map(|f| f.from.as_str()),
        Some("Billing PIB tidak terbit")
    );
    let p = read_builtin("Perihal: Permohonan reset akun CEISA");
    assert_eq!(
        p.subject.as_ref().map(|f| f.value.as_str()),
        Some("Permohonan reset akun CEISA")
    );
    // A subject carrying a password is not proposed.
    assert_eq!(read_builtin("Hal: password: Rahasia1").subject, None);
    assert_eq!(
        read_builtin("saya tidak ada hal: apa-apa\nhalo")
            .subject
            .map(|f| f.value),
        None
    );
}

#[test]
fn the_mail_replied_to_is_not_read() {
    let p = read_builtin(
        "PIB aju 000020-010017-20261127-000123 masih belum respon. WA 0812 3456 7890\n\nOn Fri, 27 Nov 2026 at 09.00, PDAD KPPBC Makassar <pdad@kemenkeu.go.id> wrote:\n> Mohon kirim NPWP. Telp kantor (0411) 854321\n> aju 040300-000456-20261126-000789",
    );
    let phones: Vec<_> = p.phones.iter().map(|f| f.value.as_str()).collect();
    assert_eq!(phones, ["+6281234567890"]);
    assert_eq!(p.aju.len(), 1);
    assert_eq!(p.email, None);
    // The description keeps the whole mail.
    assert!(p.description.contains("(0411) 854321"));
    let p = read_builtin("-----Pesan Asli-----\nDari: Andi\nWA 0812 3456 7890");
    assert_eq!(p.phones.len(), 1, "a mail that is all quote is read whole");
}

#[test]
fn a_password_in_the_message_is_named() {
    let p = read_builtin("tidak bisa login, password: Rahasia123, user: andi.w");
    assert!(p.secrets);
    assert_eq!(p.user_id.as_ref().map(|f| f.value.as_str()), Some("andi.w"));
}

#[test]
fn fill_empty_keeps_what_was_typed() {
    let p = read_builtin(
        "Saya Budi Santoso, NIP 19850315 201012 1 001, aplikasi SIKKA error. HP 081234567890",
    );
    let mut form = IntakeForm {
        phone: "0811 000 0000".into(),
        ..IntakeForm::default()
    };
    let filled = fill_empty(&mut form, &p);
    assert_eq!(form.phone, "0811 000 0000");
    assert_eq!(form.nip, "198503152010121001");
    assert_eq!(form.name, "Budi Santoso");
    assert_eq!(form.kind, "pegawai");
    assert_eq!(form.category, "INH");
    assert_eq!(form.description, p.description);
    assert_eq!(filled, ["kind", "name", "nip", "category", "description"]);
    // An e-mail's subject fills the subject.
    let mut form = IntakeForm::default();
    let p = read_builtin("Subject: NPE belum terbit\n\nPEB kami belum ada NPE");
    assert!(fill_empty(&mut form, &p).contains(&"subject"));
    assert_eq!(form.subject, "NPE belum terbit");
    // Again: nothing left to fill.
    assert!(fill_empty(&mut form, &p).is_empty());
}

#[test]
fn names_companies_user_ids_and_documents() {
    let v = |f: Option<Found>| f.map(|f| f.value);
    // (message, name, company, user id, document type)
    type Case<'a> = (
        &'a str,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
    );
    let cases: &[Case] = &[
        (
            "Selamat pagi, saya M. Rizal dari CV. Maju Jaya, PEB gagal",
            Some("M. Rizal"),
            Some("CV. Maju Jaya"),
            None,
            Some("BC 3.0 PEB"),
        ),
        (
            "Nama: andi wijaya\nPerusahaan: PT SAMUDRA JAYA ABADI Tbk, NPWP 012345678901000",
            Some("andi wijaya"),
            Some("PT SAMUDRA JAYA ABADI Tbk"),
            None,
            None,
        ),
        (
            "Dengan hormat, dokumen BC 2.3 kami tertahan.\n\nHormat kami,\nRatna Sari, S.E.\nPT Cahaya Timur",
            Some("Ratna Sari"),
            Some("PT Cahaya Timur"),
            None,
            Some("BC 2.3"),
        ),
        // "Nama Lengkap Perusahaan :" labels the company, not a person.
        (
            "Nama Lengkap Perusahaan: PR. CONTOH SEMBILAN Nomor HP: 081234509876 mohon bantuan menu cukai belum tersedia",
            None,
            Some("PR. CONTOH SEMBILAN"),
            None,
            None,
        ),
        (
            "Saya mau tanya, akun saya terkunci. user id: budi.s",
            None,
            None,
            Some("budi.s"),
            None,
        ),
        (
            "login gagal terus, akun 3201 2345 6789 0001",
            None,
            None,
            Some("3201234567890001"),
            None,
        ),
        (
            "I am Michael Tan from PT Global Freight Indonesia, BC20 rejected",
            Some("Michael Tan"),
            Some("PT Global Freight Indonesia"),
            None,
            Some("BC 2.0 PIB"),
        ),
        (
            "[27/11/26 10.15] Rina PPJK: pemesanan CK-1 gagal",
            Some("Rina"),
            None,
            None,
            Some("CK-1"),
        ),
        (
            "From: \"Budi Santoso\" <budi@x.co.id>\nSubject: PIBK",
            Some("Budi Santoso"),
            None,
            None,
            Some("PIBK"),
        ),
        (
            "saya sudah kirim PIB, PT kami belum dapat respon",
            None,
            None,
            None,
            Some("BC 2.0 PIB"),
        ),
        (
            "Dengan Hormat, mohon bantuan akun saya terkunci",
            None,
            None,
            None,
            None,
        ),
        ("lupa password akun: Rahasia123", None, None, None, None),
        (
            "p,sy pak Hasan PT.Bintang Timur,mo tny pib",
            Some("Hasan"),
            Some("PT.Bintang Timur"),
            None,
            Some("BC 2.0 PIB"),
        ),
        (
            "dari pabrik rokok PR Sumber Rejeki, NPPBKC 0123456789",
            None,
            Some("PR Sumber Rejeki"),
            None,
            None,
        ),
        (
            "PT SAMUDRA NPWP 012345678901000",
            None,
            Some("PT SAMUDRA"),
            None,
            None,
        ),
        ("PT Mohon bantuan", None, None, None, None),
        (
            "PDF kosong.\nTerima kasih.\n\n--\nIr. Siti Nurhaliza, M.M.\nManager Ekspor Impor\nPT. CAHAYA TIMUR ABADI",
            Some("Ir. Siti Nurhaliza"),
            Some("PT. CAHAYA TIMUR ABADI"),
            None,
            None,
        ),
        (
            "kata sandi user = Cukai#01 user id = andi.w",
            None,
            None,
            Some("andi.w"),
            None,
        ),
    ];
    for (msg, name, org, user, doc) in cases {
        let p = read_builtin(msg);
        assert_eq!(v(p.name).as_deref(), *name, "name in {msg:?}");
        assert_eq!(v(p.org).as_deref(), *org, "company in {msg:?}");
        assert_eq!(v(p.user_id).as_deref(), *user, "user id in {msg:?}");
        assert_eq!(v(p.doc_type).as_deref(), *doc, "document in {msg:?}");
    }
}

#[test]
fn numbers_that_are_not_ours_are_left_alone() {
    for msg in [
        "kode billing 820261127000123 belum lunas",
        "NTPN 0A1B2C3D4E5F6G7H, Rp 1.500.000",
        "tanggal 05-12-2026 jam 10.15, tiket A0254EB2B1",
        "NIK 3201234567890001 sudah terdaftar",
        "nopen 123456 tgl 26/11/2026",
        "kontainer TCKU1234567, voyage 045, ext 1234",
        "dikirim 08.15 27.11.2026, diulang 08.30 27/11/2026",
        "sebesar 2.500.000 dan 62.000.000, periode 2025-2026",
        "ntpnnya 1234567890123456, rek 0612345678, resi 0812345678901",
        "kode bayar 8881234567890123, nomor transaksi 1234567890123456",
        "server IP 10.10.1.25 dan 192.168.100.254, versi 2.10.3, HS 0901.11.10",
        "Fax. (0411) 4567891, faks 0411-4567892",
    ] {
        let p = read_builtin(msg);
        assert!(
            p.phones.is_empty()
                && p.npwp.is_none()
                && p.nib.is_none()
                && p.nip.is_none()
                && p.aju.is_empty(),
            "{msg:?}: {p:?}"
        );
    }
}

#[test]
fn too_long_a_message_is_refused() {
    let e = read(&"a".repeat(MESSAGE_MAX_BYTES + 1), &Categories::builtin()).unwrap_err();
    assert_eq!(e.field, "message");
    assert!(e.en.contains("64 KiB") && e.id.contains("64 KiB"), "{e}");
}

#[test]
fn a_labelled_number_keeps_its_label() {
    // A billing number after "CK-1" is no NPWP; nor an NPPBKC, an NTPN, a nopen.
    let p = read_builtin(
        "No./Tgl. CK-1 : 001234 / 20/04/2026 No. Billing CK-1 : 540260404123456 NTPN CK-1 : 0716528394061234 Nopen : 012345",
    );
    assert_eq!(p.npwp, None);
    assert!(p.phones.is_empty() && p.aju.is_empty(), "{p:?}");
    let p = read_builtin("NPPBKC : 0123456789012000-071313 / 0713.1.3.4829");
    assert_eq!((p.npwp, p.nib), (None, None));
    let p = read_builtin("nppbkc (10) : 0713139999 nppbkc (22) : 3578012905000001071313");
    assert!(p.phones.is_empty() && p.npwp.is_none(), "{p:?}");
    // Unless the label chain names the NPWP itself.
    let p =
        read_builtin("NPWP 16 digit yang terdaftar pada NPPBKC: 0123456789012000 E-mail: a@b.co");
    assert_eq!(p.npwp.map(|f| f.value).as_deref(), Some("0123456789012000"));
    // "NPPBKS", misspelt, labels the excise number all the same.
    let p = read_builtin(
        "Nitku Terdaftar : 0912 3456 7862 4000 000 000 NPPBKS : 0912 3456 7862 4000 - 071313",
    );
    assert!(!p.also.iter().any(|(k, _)| *k == "npwp"), "{:?}", p.also);
    // A date's month and year before a number is no phone's start.
    let p = read_builtin("670118 000040-014562-20260826-001530 26.08.2026 668264 cetak FP");
    assert!(p.phones.is_empty(), "{:?}", p.phones);
    // A NITKU with its own number starts no chain: the NPPBKC after it stays one.
    let p = read_builtin(
        "saya dari Cv. Contoh Abadi NITku 0912345678624000000000, NPPBKC 0912345678624000-071313, Email contoh@gmail.com",
    );
    assert_eq!(
        p.npwp.as_ref().map(|f| f.value.as_str()),
        Some("0912345678624000000000")
    );
    assert!(!p.also.iter().any(|(k, _)| *k == "npwp"), "{:?}", p.also);
    // A 22-digit document number is no NITKU without its label; a NITKU is.
    let p = read_builtin("dokumen 3578012905000001071313 ditolak");
    assert_eq!(p.npwp, None);
    let p = read_builtin("berikut NITKU nya 0123456789012000000000, mohon dicek");
    assert_eq!(
        p.npwp.map(|f| f.value).as_deref(),
        Some("0123456789012000000000")
    );
    // A second NPWP is kept beside the first.
    let p = read_builtin("NPWP 15 : 012345678901000 NPWP 16 : 0012345678901000");
    assert_eq!(p.npwp.map(|f| f.value).as_deref(), Some("012345678901000"));
    assert_eq!(p.also.len(), 1);
    assert_eq!(p.also[0].0, "npwp");
}

#[test]
fn versions_and_dates_are_no_identifiers() {
    for (text, want) in [
        ("user ceisa 4.0 : budi01 tidak bisa login", "budi01"),
        ("Username CEISA 4.0: cvmakmur", "cvmakmur"),
        ("Username CEISA: scmxyz atas nama Budi", "scmxyz"),
        ("pendaftaran akun CEISA4.0 user : ops.kb2", "ops.kb2"),
    ] {
        let p = read_builtin(text);
        assert_eq!(p.user_id.map(|u| u.value).as_deref(), Some(want), "{text}");
    }
    for text in [
        "nomor permohonan 06082026 tanggal 6 Agustus 2026",
        "5. Waktu submit : 06-08-2026 pukul 13:33",
        "Waktu submit: 1-11-2026 (11;30)",
    ] {
        let p = read_builtin(text);
        assert!(p.phones.is_empty(), "{text}: {:?}", p.phones);
    }
}

#[test]
fn a_one_line_template_gives_the_name_alone() {
    let p = read_builtin(
        "Nama : Wulan Perusahaan : PT Sinar Kencana Abadi NPWP : 0812345678901000 1. Jenis Dokumen : BC 2.7",
    );
    assert_eq!(p.name.map(|n| n.value).as_deref(), Some("Wulan"));
    assert_eq!(
        p.org.map(|o| o.value).as_deref(),
        Some("PT Sinar Kencana Abadi")
    );
    let p = read_builtin("nama: AGUNG Perusahaan: PT. Bumi Raya 1. Jenis dokumen: BC 2.5");
    assert_eq!(p.name.map(|n| n.value).as_deref(), Some("AGUNG"));
}

#[test]
fn a_label_holds_one_number_and_not_the_next() {
    // The date after "tgl" is left alone; the aju after it is read.
    let p = read_builtin(
        "No Aju: 000261-047712-20261016-000037 tgl 16-10-2026 000262-047712-20261016-000038",
    );
    assert_eq!(p.aju.len(), 2, "{:?}", p.aju);
    // An NPPBKC written in groups stays one number: no phone in it.
    let p = read_builtin("NPPBKC : 3578 0412 1166 0001 071313 Kendala : tidak ada menu LACK11");
    assert!(p.phones.is_empty() && p.npwp.is_none(), "{p:?}");
}

#[test]
fn a_password_is_never_a_name_and_the_sender_is_the_better_one() {
    // Made-up look-alikes of a real shape: the password after "Password saya".
    let p = read_builtin(
        "[26/11/26 09.42] Budi Santoso: Selamat pagi, user saya budi77 tidak bisa login CEISA. \
         Password saya Makassar2026! sudah dicoba berkali-kali. HP 081234567890",
    );
    assert_eq!(p.name.map(|n| n.value).as_deref(), Some("Budi Santoso"));
    assert!(p.secrets);
    let p = read_builtin("Selamat pagi, password saya Makassar2026! tidak bisa masuk CEISA.");
    assert_eq!(p.name, None, "no name from a password");
    let p = read_builtin("Selamat pagi, saya Rina dari PT Maju, PIB kami belum dapat respon.");
    assert_eq!(p.name.map(|n| n.value).as_deref(), Some("Rina"));
}

#[test]
fn twenty_six_characters_without_a_day_are_no_nomor_aju() {
    // An NPWP and an NPPBKC side by side, an aju with its office code twice.
    let p = read_builtin("NPWP 0123456789012000 0713139999 mohon dibantu");
    assert!(p.aju.is_empty(), "{:?}", p.aju);
    let p = read_builtin("No aju: 000025-000025-014321-20261111-000390 status validasi");
    let aju: Vec<&str> = p.aju.iter().map(|a| a.value.as_str()).collect();
    assert_eq!(aju, ["00002501432120261111000390"]);
    // One zero too many before an aju: the aju it means, and no NIB.
    let p = read_builtin("Jenis dokumen : BC 2.5 No Aju: 0000025-013579-20261104-000088 Keluhan");
    let aju: Vec<&str> = p.aju.iter().map(|a| a.value.as_str()).collect();
    assert_eq!(aju, ["00002501357920261104000088"]);
    assert_eq!(p.nib, None);
    // The chain "AJU/Nopen" gives the aju first.
    let p = read_builtin("BC 4.0 No. AJU/Nopen : 00004001234520261106000001 / 000833");
    let aju: Vec<&str> = p.aju.iter().map(|a| a.value.as_str()).collect();
    assert_eq!(aju, ["00004001234520261106000001"]);
}

#[test]
fn a_user_name_after_its_label_is_read_as_written() {
    // "USERNAME Admincj" without a colon; "usename" misspelt.
    for (text, want) in [
        (
            "NPPBKC : 0391234567624000-071313 USERNAME Admincj email cj@contoh.co.id permasalahan : di menu lack11 tidak muncul seri pitanya",
            "Admincj",
        ),
        (
            "Nama : PT. Contoh usename : contohexcise Kendala : CK-5 mundur",
            "contohexcise",
        ),
        // A semicolon typed for the colon.
        (
            "Nama Perusahaan: PR CONTOH SEJAHTERA username; contoh11 email: pr.contoh@contoh.id",
            "contoh11",
        ),
        // "akun (MFA)": what the account needs, not its name.
        (
            "Reset akun (MFA) email : budi.s@contoh.id username : Budi Perusahaan : PT Contoh",
            "Budi",
        ),
    ] {
        let p = read_builtin(text);
        assert_eq!(p.user_id.map(|u| u.value).as_deref(), Some(want), "{text}");
    }
}

#[test]
fn what_follows_user_in_a_sentence_is_no_user_id() {
    for text in [
        "user : - (pendaftar lupa mencatat usernya) NPWP : 012345678901000",
        "permasalahan akun saya nama : Wulan Sekar NIP : 199001012015021001",
        "User : tidak bisa login sejak pagi",
        "user : pemeriksa tidak bisa rekam keputusan",
        "akun email : wulan.sekar@contoh.co.id tidak aktif",
    ] {
        let p = read_builtin(text);
        assert_eq!(p.user_id, None, "{text}");
    }
    // A NIP after a name is the NIP, not a user label's.
    let p = read_builtin("reset password akun berikut ini: Dimas 199001012015021001 d@contoh.id");
    assert_eq!(
        p.nip.map(|n| n.value).as_deref(),
        Some("199001012015021001")
    );
    // "Nppbkc 10:" counts the NPPBKC's digits: no phone.
    let p = read_builtin("Nppbkc 10: 0713139999 Nppbkc 22: 3578012905000001071313");
    assert!(p.phones.is_empty() && p.npwp.is_none(), "{p:?}");
}

#[test]
fn a_pair_after_a_slash_keeps_its_label_and_its_kind() {
    // The NPPBKC's 10-digit form after its 22-digit one is no phone.
    let p = read_builtin(
        "NPPBKC Baru : 3514121234560001071313 /0713139876 NPWP : 012345678652000 pendaftaran akun",
    );
    assert!(p.phones.is_empty(), "{:?}", p.phones);
    assert_eq!(p.npwp.map(|n| n.value).as_deref(), Some("012345678652000"));
    // An NPWP in 15 digits, then its 16-digit form.
    let p = read_builtin("STCK-1 000027/KBC.1102/2026 012345678652000 / 3514101234560013 PR Tugu");
    let npwps = every(&p, "npwp");
    assert_eq!(npwps, ["012345678652000", "3514101234560013"]);
    assert_eq!(p.category.map(|c| c.code).as_deref(), Some("CUK"));
    // A billing code after an NPWP in a slash list is not one.
    let p = read_builtin(
        "00002501234520261025400168/012345678652000/620261000240241/a@contoh.id/gagal",
    );
    assert!(p.also.is_empty(), "{:?}", p.also);
}

#[test]
fn accounts_listed_logged_in_or_named_after_a_person() {
    let user = |t: &str| read_builtin(t).user_id.map(|u| u.value);
    assert_eq!(
        user("User Log in Ceisa = Ops7@contoh.co.id tidak bisa aktifasi MFA").as_deref(),
        Some("Ops7@contoh.co.id")
    );
    // "User name dibawah ini": the word after is no account; the list after the colon is.
    let p = read_builtin(
        "User name dibawah ini mohon MFA Reset User name Ceisa : ops2@contoh.co.id + ops5@contoh.co.id",
    );
    let users = every(&p, "user_id");
    assert_eq!(users, ["ops2@contoh.co.id", "ops5@contoh.co.id"]);
    // A person's full name after "Nama Pengguna" is no account name…
    assert_eq!(
        user("Nama Pengguna : Sekar Ayu Paramitha Kata Sandi : -"),
        None
    );
    // …but a name followed by the next label is.
    assert_eq!(
        user("Username : Stgiwetan Username : Stgikulon").as_deref(),
        Some("Stgiwetan")
    );
    // A secret beside the account is named.
    assert!(read_builtin("masuk modul cukai dengan username: sekarayu / sekarayu123").secrets);
}

#[test]
fn registration_and_excise_numbers_in_their_owners_words() {
    // "NPPBKC22 :" labels the excise number: its NIB-long tail is no NIB.
    let p =
        read_builtin("user name : opsdamar pasword :-- nppbkc22 : 706123458-071300-8120217012345");
    assert_eq!(p.nib, None);
    let cat = category_of;
    assert_eq!(
        cat("nitku tidak terdaftar data : nama perusahaan : cv tunas user name : admtunas")
            .as_deref(),
        Some("REG")
    );
    assert_eq!(
        cat("mohon bantuan untuk KUASA belum muncul nama pemilik username : ops12").as_deref(),
        Some("REG")
    );
    assert_eq!(
        cat("Menu Persetujuan Izin Transaksional TPB dengan user wulan.sekar@contoh.go.id Tidak muncul").as_deref(),
        Some("AKUN")
    );
    // An aju with a dash and a space between its parts is one.
    let p = read_builtin("Nomor Aju: 000027- 012345-20261110-001526 (BC 2.7)");
    let aju: Vec<&str> = p.aju.iter().map(|a| a.value.as_str()).collect();
    assert_eq!(aju, ["00002701234520261110001526"]);
}

#[test]
fn an_arrow_points_at_the_accounts() {
    let p = read_builtin("Aktivasi MFA untuk user ID --> opsbayu & laras.w sudah berhasil");
    let users = every(&p, "user_id");
    assert_eq!(users, ["opsbayu", "laras.w"]);
    let p = read_builtin("reset MFA untuk user ID tersebut --> agar bisa aktivasi ulang");
    assert_eq!(p.user_id, None);
}

#[test]
fn a_question_or_a_gate_pass_is_no_account_and_no_secret() {
    assert_eq!(read_builtin("username nya apa ya?").user_id, None);
    let p = read_builtin("User yang digunakan: opsrani7 tidak bisa login");
    assert_eq!(p.user_id.map(|u| u.value).as_deref(), Some("opsrani7"));
    assert!(!read_builtin("Gate Pass : GP2026001 tidak muncul di TPS").secrets);
}

#[test]
fn an_nppbkc_as_an_identity_and_a_check_of_every_document() {
    // 22 digits ending in an office's code are an NPPBKC, not a NITKU.
    let p = read_builtin(
        "CK-5 nomor 604400 Identitas = NPPBKC Nomor Identitas = 0012345678631000071313 Kode Kantor = 071300",
    );
    assert_eq!(p.npwp, None);
    let cat = category_of;
    // Every document refused by the DJA check, none named: the exchange.
    assert_eq!(
        cat("1. Jenis Dokumen : Semua dokumen 2. No. Aju : Semua dokumen 3.Uraian Masalah : Reject Gagal Melakukan Pengecekan NPWP ke DJA").as_deref(),
        Some("INT")
    );
    // The staff data warehouse is a staff tool.
    assert_eq!(
        cat("Database: Data BC261 Dtl (DWH) Kendala: Field Nilai Devisa IDR belum update")
            .as_deref(),
        Some("INH")
    );
}

#[test]
fn a_lists_number_glued_to_an_aju_and_a_payment_refused_at_paying() {
    let p = read_builtin(
        "1.000023-012345-20261101-000101 2.000023-012345-20261101-000102 Uraian Masalah: status Reject",
    );
    let aju: Vec<&str> = p.aju.iter().map(|a| a.value.as_str()).collect();
    assert_eq!(
        aju,
        ["00002301234520261101000101", "00002301234520261101000102"]
    );
    assert_eq!(p.nib, None);
    let p = read_builtin(
        "1. Jenis dokumen: 25 2. No aju: 000025-012345-20261101-000174 3. Uraian masalah: Saat melakukan pembayaran Billing tidak bisa, muncul Billing not found",
    );
    assert_eq!(p.category.map(|c| c.code).as_deref(), Some("BYR"));
    // A dotted NPWP and a time are no list's numbers.
    let p = read_builtin("NPWP : 01.234.567.8-651.000 jam 9.20");
    assert_eq!(p.npwp.map(|n| n.value).as_deref(), Some("012345678651000"));
}

#[test]
fn the_accounts_kind_then_its_name_and_a_numbered_list_of_accounts() {
    let users = |t: &str| every(&read_builtin(t), "user_id");
    assert_eq!(
        users("Menu pada user induk opsinduk01 hanya blokir akun"),
        ["opsinduk01"]
    );
    assert_eq!(
        users("User : 1. gudangsekar 2. eksporsekar Kendala : Entitas hilang"),
        ["gudangsekar", "eksporsekar"]
    );
    assert!(users("user admin perusahaan tidak bisa login").is_empty());
    assert!(users("akun admin saya terkunci").is_empty());
}

#[test]
fn after_the_accounts_kind_a_conjunction_or_a_document_number_is_no_account() {
    let p = read_builtin(
        "aju yang muncul di user admin tapi tidak muncul di user turunan, muncul di user admin - 000040-012345-20261102-102875",
    );
    assert_eq!(p.user_id, None, "{:?}", p.user_id);
    let aju: Vec<&str> = p.aju.iter().map(|a| a.value.as_str()).collect();
    assert_eq!(aju, ["00004001234520261102102875"]);
}

#[test]
fn a_list_of_accounts_is_looked_for_without_cutting_a_letter() {
    // The look ahead for "user berikut … 1. budi01 - …" ends inside "é"s.
    for pad in 0..4 {
        let t = format!("blokir user berikut {}{}", "x".repeat(pad), "é".repeat(200));
        let p = read_builtin(&t);
        assert!(p.user_id.is_none(), "{t}");
    }
    let p = read_builtin(
        "Mohon BLOKIR USER berikut karena sudah resign 1. rinatex - rina@contoh.co.id 2. bayu21 - bayu@contoh.co.id",
    );
    assert_eq!(
        p.user_id.as_ref().map(|f| f.value.as_str()),
        Some("rinatex")
    );
}
