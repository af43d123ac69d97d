use super::*;
use crate::domain::category::Categories;
use crate::domain::complaint::{Channel, NewComplaint};
use chrono::TimeZone;

fn wita() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).unwrap()
}

fn at(h: u32, m: u32) -> DateTime<Utc> {
    wita()
        .with_ymd_and_hms(2026, 11, 27, h, m, 0)
        .unwrap()
        .with_timezone(&Utc)
}

/// A service user's PIB stuck in validation, told over WhatsApp: the pasted
/// message carries the caller's phone and e-mail. (Made-up look-alikes.)
fn look_alike() -> Complaint {
    let details = NewComplaint {
        applicant: Applicant {
            kind: ApplicantKind::PenggunaJasa,
            name: "Andi Wijaya".into(),
            nip: None,
            org: Some("PT Samudra Makassar".into()),
            npwp: Some("012345678901000".into()),
            nib: Some("9120001234567".into()),
            phone: Some("+6281234567890".into()),
            email: Some("andi.wijaya@samudra-mks.co.id".into()),
        },
        channel: Channel::Whatsapp,
        category: "IMP".into(),
        subject: "PIB stuck di Proses Validasi".into(),
        description: "Sudah kirim sejak 08.15, belum dapat billing. Hubungi WA 0812-3456-7890 \
                      atau Andi.Wijaya@samudra-mks.co.id"
            .into(),
        user_id: Some("samudra.exim".into()),
        aju: vec![
            "00002001001720261127000123".into(),
            "00002001001720261127000124".into(),
        ],
        doc_type: Some("BC 2.0 PIB".into()),
        doc_status: Some("Proses Validasi".into()),
        doc_submitted_at: Some(at(8, 15)),
        attachments: vec![],
        received_at: at(9, 5),
    };
    let mut c = Complaint::received(details, at(11, 5));
    c.reference = "ADU-2026-00042".into();
    c
}

fn report_of(c: &Complaint) -> BcareReport {
    let cats = Categories::builtin();
    BcareReport::from_complaint(c, cats.get(&c.details.category).unwrap(), wita())
}

#[test]
fn the_report_is_ceisacares_form_filled_in() {
    let r = report_of(&look_alike());
    assert_eq!(
        r.portal_text(),
        "Katalog: Dukungan Layanan\n\
         Masalah: PIB - Status Stuck Validasi\n\
         Permasalahan: PIB stuck di Proses Validasi\n\
         Uraian:\n\
         Nama : Andi Wijaya  Nama Perusahaan : PT Samudra Makassar  NPWP : 012345678901000  NIB : 9120001234567\n\
         User ID : samudra.exim\n\
         1. Jenis Dokumen : BC 2.0 PIB\n\
         2. No. Aju : 00002001001720261127000123, 00002001001720261127000124\n\
         3. Uraian Masalah : PIB stuck di Proses Validasi\n\
         Sudah kirim sejak 08.15, belum dapat billing. Hubungi WA *** atau ***\n\
         4. Status Dokumen : Proses Validasi\n\
         5. Waktu Submit : 2026-11-27 08:15 WITA\n\
         Diterima kantor : 2026-11-27 09:05 WITA\n\
         Referensi kantor: ADU-2026-00042\n"
    );
}

#[test]
fn the_report_carries_what_dir_ikc_acts_on_and_never_the_callers_phone_or_email() {
    let r = report_of(&look_alike());
    let sent = serde_json::to_string(&r).unwrap();
    for shown in [r.portal_text(), sent] {
        for needed in [
            "012345678901000",
            "9120001234567",
            "samudra.exim",
            "00002001001720261127000123",
            "00002001001720261127000124",
            "BC 2.0 PIB",
            "Proses Validasi",
            "2026-11-27 08:15 WITA",
            "Referensi kantor: ADU-2026-00042",
            "PIB - Status Stuck Validasi",
        ] {
            assert!(shown.contains(needed), "{needed} missing from {shown}");
        }
        for kept in ["0812", "81234567890", "samudra-mks.co.id", "andi.wijaya@"] {
            assert!(!shown.to_lowercase().contains(kept), "{kept} in {shown}");
        }
    }
}

#[test]
fn an_employee_is_named_by_nip_and_an_empty_form_item_is_a_dash() {
    let mut c = look_alike();
    let a = &mut c.details.applicant;
    a.kind = ApplicantKind::Pegawai;
    a.nip = Some("198503142009011002".into());
    a.org = Some("KPPBC TMP B Makassar".into());
    (a.npwp, a.nib) = (None, None);
    c.details.category = "INH".into();
    c.details.subject = "Tidak bisa login aplikasi presensi".into();
    c.details.description = String::new();
    (
        c.details.doc_type,
        c.details.doc_status,
        c.details.doc_submitted_at,
    ) = (None, None, None);
    c.details.aju.clear();
    c.details.user_id = None;
    let r = report_of(&c);
    assert_eq!(
        (r.katalog.as_str(), r.masalah.as_str()),
        ("Dukungan Layanan", "Inhouse - Pegawai Gagal Login")
    );
    let text = r.portal_text();
    assert!(
        text.contains("Nama : Andi Wijaya  Unit Kerja : KPPBC TMP B Makassar  NIP : 198503142009011002\n1. Jenis Dokumen : -\n2. No. Aju : -\n3. Uraian Masalah : Tidak bisa login aplikasi presensi\n4. Status Dokumen : -\n5. Waktu Submit : -\n"),
        "{text}"
    );
    assert!(
        text.ends_with("Referensi kantor: ADU-2026-00042\n"),
        "{text}"
    );
}

#[test]
fn a_nitku_is_named_so() {
    let mut c = look_alike();
    c.details.applicant.npwp = Some("0123456789012000000000".into());
    assert!(
        report_of(&c)
            .description
            .contains("NITKU : 0123456789012000000000")
    );
}

#[test]
fn a_report_queued_before_katalog_and_masalah_still_reads() {
    let old = r#"{"reference": "ADU-2026-00001", "category": "IMP",
        "category_name": "Dokumen impor (BC 2.0 PIB, PIBK)",
        "problem": "PIB belum mendapat respon", "description": "Nama pemohon: Andi"}"#;
    let r: BcareReport = serde_json::from_str(old).unwrap();
    assert_eq!(
        r.portal_text(),
        "Permasalahan: PIB belum mendapat respon\nUraian:\nNama pemohon: Andi\n"
    );
}
