//! Reading a caller's message, held against a table of realistic messages
//! written for this test (WhatsApp chats and pastes, e-mails, SMS): every
//! identifier the message holds should be found, none it does not hold may be
//! proposed, and the category should be the one the message names.

use bcare_desk::domain::category::Categories;
use bcare_desk::domain::message::{Proposals, read};
use proptest::prelude::*;
use std::sync::LazyLock;

/// Parsed once: the property tests read thousands of messages.
static CATEGORIES: LazyLock<Categories> = LazyLock::new(Categories::builtin);

/// A message and what it holds, written by hand from the text.
struct Case {
    text: &'static str,
    /// Every phone number in the message, normalised, the sender's first.
    phones: &'static [&'static str],
    email: Option<&'static str>,
    npwp: Option<&'static str>,
    nib: Option<&'static str>,
    nip: Option<&'static str>,
    aju: &'static [&'static str],
    /// The category, when the message names its problem.
    category: Option<&'static str>,
}

const NONE: Case = Case {
    text: "",
    phones: &[],
    email: None,
    npwp: None,
    nib: None,
    nip: None,
    aju: &[],
    category: None,
};

const AJU1: &str = "00002001001720261127000123";
const AJU2: &str = "04030000045620261126000789";
const AJU3: &str = "30000000123420261125000045";

const CASES: &[Case] = &[
    Case {
        text: "Selamat siang, saya Andi dari PT Samudra, PIB kami nomor aju 000020-010017-20261127-000123 belum dapat respon sejak pagi, NPWP 01.234.567.8-901.000, mohon bantuannya. WA 0812 3456 7890",
        phones: &["+6281234567890"],
        npwp: Some("012345678901000"),
        aju: &[AJU1],
        category: Some("IMP"),
        ..NONE
    },
    Case {
        text: "[27/11/26 10.15] Andi: pagi pak, PIB sy blm ada respon dr td pagi\n[27/11/26 10.16] Andi: aju 000020 010017 20261127 000123\n[27/11/26 10.16] Andi: npwp 012345678901000",
        npwp: Some("012345678901000"),
        aju: &[AJU1],
        category: Some("IMP"),
        ..NONE
    },
    Case {
        text: "[27/11/26 10.15] +62 811-4455-667: pak, akun CEISA saya terkunci, user id budi.s, tolong dibuka. bisa hubungi jg 0813 2222 3333",
        phones: &["+628114455667", "+6281322223333"],
        category: Some("AKUN"),
        ..NONE
    },
    Case {
        text: "[10.42, 27/11/2026] Rina PPJK: Selamat pagi Pak, PEB kami dengan nomor aju 300000-001234-20261125-000045 belum terbit NPE padahal closing time jam 14.00. NIB 9120001234567. Terima kasih",
        nib: Some("9120001234567"),
        aju: &[AJU3],
        category: Some("EKS"),
        ..NONE
    },
    Case {
        text: "From: Budi Santoso <budi.santoso@samudra-logistik.co.id>\nSubject: Billing PIB tidak terbit\n\nYth. Bapak/Ibu PDAD,\n\nKode billing untuk PIB aju 04030000045620261126000789 tidak terbit setelah kami kirim ulang. NPWP perusahaan 02.111.222.3-805.000.\n\nSalam,\nBudi Santoso\nPT Samudra Logistik\nTelp. (0411) 854321",
        phones: &["+62411854321"],
        email: Some("budi.santoso@samudra-logistik.co.id"),
        npwp: Some("021112223805000"),
        aju: &[AJU2],
        category: Some("BYR"),
        ..NONE
    },
    Case {
        text: "sy tdk bs login ceisa 4.0, otp gk masuk2 ke hp. user 3201234567890001. tlg dibantu. 085255512345",
        phones: &["+6285255512345"],
        category: Some("AKUN"),
        ..NONE
    },
    Case {
        text: "Dear Sir, I am Michael Tan from PT Global Freight Indonesia. Our import declaration (PIB) with aju number 000020-010017-20261127-000123 is stuck since this morning. Please call +62 812 3456 7890 or email michael.tan@globalfreight.co.id. NIB 8120115550002",
        phones: &["+6281234567890"],
        email: Some("michael.tan@globalfreight.co.id"),
        nib: Some("8120115550002"),
        aju: &[AJU1],
        category: Some("IMP"),
        ..NONE
    },
    Case {
        text: "Assalamualaikum pak, nama saya Siti Rahma, NIP 19900131 201503 2 001, aplikasi e-kinerja tidak bisa dibuka sejak kemarin. Terima kasih.",
        nip: Some("199001312015032001"),
        category: Some("INH"),
        ..NONE
    },
    Case {
        text: "Pak, jaringan di ruang P2 mati total sejak jam 8, internet tidak konek sama sekali, printer jg tidak bisa. Ext 1234. Saya Joko NIP 197912052005011002",
        nip: Some("197912052005011002"),
        category: Some("TIK"),
        ..NONE
    },
    Case {
        text: "Selamat sore, kami dari CV Maju Bersama mau tanya pemesanan pita cukai CK-1 kami gagal terus, NPPBKC 1234567890. WA 0813.4444.5555. Terima kasih",
        phones: &["+6281344445555"],
        category: Some("CUK"),
        ..NONE
    },
    Case {
        text: "Sudah bayar billing 820261127000123 tp NTPN 0A1B2C3D4E5F6G7H belum masuk ke CEISA, status PIB masih menunggu pembayaran. aju 000020-010017-20261127-000123. hp 0812-3456-7890",
        phones: &["+6281234567890"],
        aju: &[AJU1],
        category: Some("BYR"),
        ..NONE
    },
    Case {
        text: "manifes BC 1.1 kapal MV Sinar Bali voyage 045 tidak bisa dikirim, error pos manifes duplikat. Hubungi saya di 0411-3621456. Salam, Hendra",
        phones: &["+624113621456"],
        category: Some("MAN"),
        ..NONE
    },
    Case {
        text: "Kawasan berikat kami tidak bisa kirim BC 2.5 sejak update kemarin, respon error 500. NPWP 0123 4567 8901 2000, NIB 9120009876543. kontak: rudi@ptsejahtera.co.id",
        email: Some("rudi@ptsejahtera.co.id"),
        npwp: Some("0123456789012000"),
        nib: Some("9120009876543"),
        category: Some("TPB"),
        ..NONE
    },
    Case {
        text: "Registrasi kepabeanan perusahaan kami belum disetujui, data di OSS sudah benar. NITKU 0123456789012345000000. Terima kasih, Dewi (0812 9876 5432)",
        phones: &["+6281298765432"],
        npwp: Some("0123456789012345000000"),
        category: Some("REG"),
        ..NONE
    },
    Case {
        text: "tps online gak sinkron sama ceisa, gate in kontainer TCKU1234567 belum masuk. integrasi INSW juga error. 08114445566",
        phones: &["+628114445566"],
        category: Some("INT"),
        ..NONE
    },
    Case {
        text: "Mohon bantuan, PIB aju 000020-010017-20261127-000123 dan 040300-000456-20261126-000789 dua2nya belum respon. PT Samudra Jaya, npwp 01.234.567.8-901.000, WA 6281234567890",
        phones: &["+6281234567890"],
        npwp: Some("012345678901000"),
        aju: &[AJU1, AJU2],
        category: Some("IMP"),
        ..NONE
    },
    Case {
        text: "Halo, saya Agus. Tgl 27-11-2026 jam 09.15 saya kirim PEB tp sampai skrg blm ada NPE. Aju 30000000123420261125000045. Tlp 0813 5550 1234",
        phones: &["+6281355501234"],
        aju: &[AJU3],
        category: Some("EKS"),
        ..NONE
    },
    Case {
        text: "Pak tiket BCare A0254EB2B1 kemarin belum ada kabar, akun saya masih terblokir. username: andi.w",
        category: Some("AKUN"),
        ..NONE
    },
    Case {
        text: "selamat pagi, CEISA lemot banget hari ini, koneksi sering putus. apa ada gangguan jaringan? saya di kantor pelabuhan, telp 0411 854321",
        phones: &["+62411854321"],
        category: Some("TIK"),
        ..NONE
    },
    Case {
        text: "Min, gmn cara reset password akun CEISA? lupa sandi, email terdaftar ani.s@gmail.com",
        email: Some("ani.s@gmail.com"),
        category: Some("AKUN"),
        ..NONE
    },
    Case {
        text: "Yth. PDAD, dokumen BC 2.3 kami (aju 000020-010017-20261127-000123) status masih draft, padahal TPB kami sudah kirim ulang 3x. NIB: 9120 0012 3456 7. Hormat kami, PT Indo Bonded Zone",
        nib: Some("9120001234567"),
        aju: &[AJU1],
        category: Some("TPB"),
        ..NONE
    },
    Case {
        text: "Hi, this is Sarah from CV Kopi Toraja. Our PEB for export of coffee beans got rejected, NPE not issued. Aju no 300000 001234 20261125 000045, contact 0812 3456 7890, sarah@kopitoraja.id",
        phones: &["+6281234567890"],
        email: Some("sarah@kopitoraja.id"),
        aju: &[AJU3],
        category: Some("EKS"),
        ..NONE
    },
    Case {
        text: "Pagi pak, saya Rudi. PIBK barang kiriman saya ditahan, no barang RR123456789ID. mohon info. WA 081234567890",
        phones: &["+6281234567890"],
        category: Some("IMP"),
        ..NONE
    },
    Case {
        text: "cukai hasil tembakau: CK-5 tidak bisa diajukan, error NPPBKC tidak ditemukan. NPWP 01.234.567.8-901.000. Terima kasih\nSalam\nBambang Sutrisno",
        npwp: Some("012345678901000"),
        category: Some("CUK"),
        ..NONE
    },
    Case {
        text: "Saya Lina dari bagian umum, aplikasi presensi di HP tidak bisa absen masuk sejak pagi. NIP 198807222012102001 hp 0812-1111-2222",
        phones: &["+6281211112222"],
        nip: Some("198807222012102001"),
        category: Some("INH"),
        ..NONE
    },
    Case {
        text: "pembayaran BPN via bank sudah sukses tapi status billing di CEISA belum lunas. Kode billing 820261127000999, NPWP 021112223805000. Mohon dicek",
        npwp: Some("021112223805000"),
        category: Some("BYR"),
        ..NONE
    },
    Case {
        text: "[27/11/26 13.02] ~ Yusuf: assalamualaikum, saya Yusuf dari PT Bahari Nusantara\n[27/11/26 13.03] ~ Yusuf: PIB aju 000020-010017-20261127-000123 respon reject terus padahal data sdh benar\n[27/11/26 13.03] ~ Yusuf: no wa sy 0812 3456 7890",
        phones: &["+6281234567890"],
        aju: &[AJU1],
        category: Some("IMP"),
        ..NONE
    },
    Case {
        text: "Pak, VPN kantor tidak bisa connect dari rumah, error timeout. Laptop dinas. NIP 19850315 201012 1 001",
        nip: Some("198503152010121001"),
        category: Some("TIK"),
        ..NONE
    },
    Case {
        text: "mohon bantuan update data perusahaan, alamat di CEISA masih yang lama padahal perubahan data di OSS sudah. NIB 8120115550002, npwp 02.111.222.3-805.000. cp: Wati 0852 5551 2345",
        phones: &["+6285255512345"],
        npwp: Some("021112223805000"),
        nib: Some("8120115550002"),
        category: Some("REG"),
        ..NONE
    },
    Case {
        text: "RKSP dan inward manifest kapal kami belum bisa di-submit, error 'data sarana pengangkut tidak ditemukan'. Agen pelayaran PT Makassar Shipping. 0411-3621456 / 081299990000",
        phones: &["+624113621456", "+6281299990000"],
        category: Some("MAN"),
        ..NONE
    },
    Case {
        text: "Sore pak. Dokumen BC 2.7 pengeluaran dari kawasan berikat ke TPB lain tidak muncul di IT inventory. Aju 04010B-BC2023-20261120-00ABCD. Email: logistik@ptberikat.com",
        email: Some("logistik@ptberikat.com"),
        aju: &["04010BBC20232026112000ABCD"],
        category: Some("TPB"),
        ..NONE
    },
    Case {
        text: "akun sso pegawai saya locked setelah salah password 3x, NIP 197912052005011002, mohon dibuka. Terima kasih",
        nip: Some("197912052005011002"),
        category: Some("AKUN"),
        ..NONE
    },
    Case {
        text: "Permisi pak, H2H dengan bank persepsi terputus, billing tidak bisa dibayar di semua bank sejak 10.00 WITA. Ada ratusan PIB tertahan. Hubungi (0411) 854321 ext. 201",
        phones: &["+62411854321"],
        category: None,
        ..NONE
    },
    Case {
        text: "Selamat pagi. PIB kami nopen 123456 tanggal 26/11/2026 jalur merah tapi SPJM belum terbit. aju 00002001001720261127000123. WA 0812 3456 7890. Terima kasih, Andi Wijaya - PT Samudra Makassar",
        phones: &["+6281234567890"],
        aju: &[AJU1],
        category: Some("IMP"),
        ..NONE
    },
    Case {
        text: "Halo admin, mau tanya ekspor saya PEB sudah kirim tp respon NPE blm ada. Aju: 300000-001234-20261125-000045. NPWP: 0123456789012000. WA +62 852 5551 2345",
        phones: &["+6285255512345"],
        npwp: Some("0123456789012000"),
        aju: &[AJU3],
        category: Some("EKS"),
        ..NONE
    },
    Case {
        text: "Dengan hormat,\n\nKami sampaikan bahwa dokumen PIB dengan nomor aju 040300-000456-20261126-000789 belum mendapat respon SPPB. Demikian, atas perhatiannya kami ucapkan terima kasih.\n\nHormat kami,\nRatna Sari\nPT Cahaya Timur\n0812 3456 7890 | ratna.sari@cahayatimur.co.id",
        phones: &["+6281234567890"],
        email: Some("ratna.sari@cahayatimur.co.id"),
        aju: &[AJU2],
        category: Some("IMP"),
        ..NONE
    },
    Case {
        text: "Pak, pita cukai MMEA yang kami pesan belum bisa diambil, status CK-1 masih proses. NIB 9120009876543. Rp 150.000.000 sudah disetor. 0813-4444-5555",
        phones: &["+6281344445555"],
        nib: Some("9120009876543"),
        category: Some("CUK"),
        ..NONE
    },
    Case {
        text: "Saya mau lapor, wifi di lantai 2 kantor mati. Sudah restart router. Ruang 201. Terima kasih. Joko 081311112222",
        phones: &["+6281311112222"],
        category: Some("TIK"),
        ..NONE
    },
    Case {
        text: "INSW tidak mengirim data perizinan lartas ke CEISA, PIB aju 000020-010017-20261127-000123 tertahan karena izin belum terbaca. integrasi bermasalah sejak pagi. h2h error.",
        aju: &[AJU1],
        category: Some("INT"),
        ..NONE
    },
    Case {
        text: "Ass pak, sy Dimas dr PT Angin Mamiri. aju 000020010017 20261127000123 pib kami blm respon. npwp 01 234 567 8 901 000. wa 0812 3456 7890 tq",
        phones: &["+6281234567890"],
        npwp: Some("012345678901000"),
        aju: &[AJU1],
        category: Some("IMP"),
        ..NONE
    },
    Case {
        text: "Reset password tidak berhasil, email reset tidak pernah masuk. user id saya 3201234567890001, email andi@gmail.com. WA 0812-3456-7890",
        phones: &["+6281234567890"],
        email: Some("andi@gmail.com"),
        category: Some("AKUN"),
        ..NONE
    },
    Case {
        text: "Terima kasih pak atas bantuannya kemarin, sudah beres.",
        ..NONE
    },
    Case {
        text: "Pak tolong cek status pengajuan registrasi akses kepabeanan kami, diajukan tgl 20/11/2026 belum ada persetujuan. NPWP 01.234.567.8-901.000, NIB 9120001234567. PIC: Hasan 0812 7777 8888",
        phones: &["+6281277778888"],
        npwp: Some("012345678901000"),
        nib: Some("9120001234567"),
        category: Some("REG"),
        ..NONE
    },
    Case {
        text: "BC 2.0 aju 000020-010017-20261127-000123 respon 'NPWP tidak terdaftar' padahal NPWP kami 01.234.567.8-901.000 aktif. Kontak 0411 3621456",
        phones: &["+624113621456"],
        npwp: Some("012345678901000"),
        aju: &[AJU1],
        category: Some("IMP"),
        ..NONE
    },
    // Written after the reader, as callers write, to check it on text it was not tuned on.
    Case {
        text: "No HP: 0812-3456-7890 / 0856 1234 5678 (kantor). PIB aju:\n1. 000020-010017-20261127-000123\n2. 040300-000456-20261126-000789\nsemua blm respon.",
        phones: &["+6281234567890", "+6285612345678"],
        aju: &[AJU1, AJU2],
        category: Some("IMP"),
        ..NONE
    },
    Case {
        text: "WA:081234567890 hp.085255512345 Telp/WA 62811-4455-667",
        phones: &["+6281234567890", "+6285255512345", "+628114455667"],
        ..NONE
    },
    Case {
        text: "[28/11/2026, 08.05.11] ~\u{202f}Ketut Ardana: om swastiastu, dokumen PEB dikirim 08.15 27.11.2026 tapi sampai sekarang belum ada NPE. NPWP 0123 4567 8901 2000. Nomor kontainer TEMU 1234567. +62 813-3850-1122",
        phones: &["+6281338501122"],
        npwp: Some("0123456789012000"),
        category: Some("EKS"),
        ..NONE
    },
    Case {
        text: "Mohon maaf mengganggu, NIP saya 198503152010121001 dan aplikasi Nadine tidak bisa upload surat. <BUDI.SANTOSO@KEMENKEU.GO.ID>",
        email: Some("BUDI.SANTOSO@kemenkeu.go.id"),
        nip: Some("198503152010121001"),
        category: Some("INH"),
        ..NONE
    },
    Case {
        text: "selamat siang. Kami sdh bayar bea masuk sebesar 2.500.000 via MPN tgl 26-11-2026 tetapi billing masih belum lunas di CEISA. aju 000020-010017-20261127-000123.",
        aju: &[AJU1],
        category: Some("BYR"),
        ..NONE
    },
    Case {
        text: "Ijin melapor, Internet kantor KPPBC down sejak 07.45 WITA. Semua PC tidak bisa akses CEISA. Mohon dicek jaringannya. Ext. 2104",
        category: Some("TIK"),
        ..NONE
    },
    Case {
        text: "Pak sy mau tanya status registrasi NIB 9120 0012 3456 7 apakah sudah aktif akses kepabeanannya? tlp (0411) 3621456",
        phones: &["+624113621456"],
        nib: Some("9120001234567"),
        category: Some("REG"),
        ..NONE
    },
    Case {
        text: "urgent!! manifest inward kapal kami ditolak sistem, pos 12 dan 13. agen PT Samudera Pelayaran. Call me +6281298765432. Thanks",
        phones: &["+6281298765432"],
        category: Some("MAN"),
        ..NONE
    },
    Case {
        text: "Saya mau konfirmasi, pesanan pita cukai kami (NPPBKC 1234567890) periode 2025-2026 belum diproses. wa 0813 4444 5555",
        phones: &["+6281344445555"],
        category: Some("CUK"),
        ..NONE
    },
    Case {
        text: "tidak bisa login, muncul pesan 'user tidak terdaftar'. NIK saya 3201234567890001. email: dewi.kartika@yahoo.co.id",
        email: Some("dewi.kartika@yahoo.co.id"),
        category: Some("AKUN"),
        ..NONE
    },
    Case {
        text: "Dokumen BC 2.3 masuk kawasan berikat tertolak karena kuota IT inventory. Aju 000020 010017 20261127 000123, npwp 01.234.567.8-901.000, nib 8120115550002. PIC Yanti 0821 4455 6677",
        phones: &["+6282144556677"],
        npwp: Some("012345678901000"),
        nib: Some("8120115550002"),
        aju: &[AJU1],
        category: Some("TPB"),
        ..NONE
    },
    Case {
        text: "Ini dari PT Kalla Logistik, PIB kena SPJM tp dok pelengkap gagal upload. Aju 00002001001720261127000123. Salam, Irfan. 081355501234",
        phones: &["+6281355501234"],
        aju: &[AJU1],
        category: Some("IMP"),
        ..NONE
    },
    Case {
        text: "OTP tidak pernah masuk ke nomor 0812-3456-7890 padahal nomor itu yang terdaftar di akun saya",
        phones: &["+6281234567890"],
        category: Some("AKUN"),
        ..NONE
    },
    Case {
        text: "Data NPWP di CEISA masih format lama 15 digit 01.234.567.8-901.000, sedangkan NPWP baru 16 digit 0012345678901000 belum tersinkron. mohon pemutakhiran",
        npwp: Some("012345678901000"),
        category: Some("REG"),
        ..NONE
    },
    Case {
        text: "Dear PDAD team,\n\nWe are unable to log in to CEISA 4.0 since this morning. Error message: \"Invalid credential\".\nUsername: ops.sulawesi\nCompany: PT Pelayaran Nusantara Jaya\nPhone: +62 411 362 1456\nMobile: 0812-3456-7890\n\nBest regards,\nKevin Wijaya\nOperations Manager",
        phones: &["+624113621456", "+6281234567890"],
        category: Some("AKUN"),
        ..NONE
    },
    Case {
        text: "[26/11/26 16.45] Pak Budi Customs: sore pak\n[26/11/26 16.46] Pak Budi Customs: sy mau lapor CK-5 kami tdk bisa di-submit, muncul error \"NPPBKC tidak aktif\"\n[26/11/26 16.46] Pak Budi Customs: NPPBKC 1234567890, NPWP 0123 4567 8901 2000\n[26/11/26 16.50] PDAD: baik pak, kami teruskan",
        npwp: Some("0123456789012000"),
        category: Some("CUK"),
        ..NONE
    },
    Case {
        text: "Selamat siang,\nMohon bantuan, kami tidak bisa mencetak SPPB untuk PIB nomor aju 000020-010017-20261127-000123 dan 000020-010017-20261127-000124, status sudah SPPB di portal tapi PDF kosong.\nTerima kasih.\n\n--\nIr. Siti Nurhaliza, M.M.\nManager Ekspor Impor\nPT. CAHAYA TIMUR ABADI\nJl. Urip Sumoharjo No. 123, Makassar 90231\nTelp. (0411) 4567890 Fax. (0411) 4567891",
        phones: &["+624114567890"],
        aju: &[AJU1, "00002001001720261127000124"],
        category: Some("IMP"),
        ..NONE
    },
    Case {
        text: "Good morning, my name is Rahmat. We cannot submit our export declaration, PEB keeps returning error \"NPWP not valid\". Our NPWP is 01.234.567.8-901.000 and NIB 9120001234567. Please help asap, call 0812 3456 7890.",
        phones: &["+6281234567890"],
        npwp: Some("012345678901000"),
        nib: Some("9120001234567"),
        category: Some("EKS"),
        ..NONE
    },
    Case {
        text: "p,sy pak Hasan PT.Bintang Timur,mo tny knp pib sy blm keluar sppb,aju 000020010017202611270001 23,tq",
        aju: &[AJU1],
        category: Some("IMP"),
        ..NONE
    },
    Case {
        text: "Mohon info, apakah server CEISA sedang down? Sejak jam 13.00 tidak bisa akses. Saya dari PPJK PT Mitra Logistik Makassar, hp 0811 4455 667",
        phones: &["+628114455667"],
        category: Some("TIK"),
        ..NONE
    },
    Case {
        text: "Kepada Yth. Bapak/Ibu, Dengan hormat, bersama ini kami PT Surya Makmur (NPWP 02.345.678.9-012.000) menyampaikan keluhan bahwa dokumen PIB no aju 000020-010017-20261127-000456 belum mendapatkan respon. Atas perhatiannya kami ucapkan terima kasih. Hormat kami, Direktur",
        npwp: Some("023456789012000"),
        aju: &["00002001001720261127000456"],
        category: Some("IMP"),
        ..NONE
    },
    Case {
        text: "Tolong Bu, NPE belum terbit, kapal berangkat jam 16.00 hari ini!!! aju 300000-001234-20261125-000045 / wa 082195556677 (Irma)",
        phones: &["+6282195556677"],
        aju: &[AJU3],
        category: Some("EKS"),
        ..NONE
    },
    Case {
        text: "halo pak saya mau tanya soal pita cukai yang kemarin, belum ada kabar. dari pabrik rokok PR Sumber Rejeki, NPPBKC 0123456789",
        category: Some("CUK"),
        ..NONE
    },
];

/// Every identifier proposed, by field, as the form would store it.
fn proposed(p: &Proposals) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    for f in &p.phones {
        out.push(("phone", f.value.clone()));
    }
    let one = |out: &mut Vec<_>, k, f: &Option<bcare_desk::domain::message::Found>| {
        if let Some(f) = f {
            out.push((k, f.value.clone()));
        }
    };
    one(&mut out, "email", &p.email);
    one(&mut out, "npwp", &p.npwp);
    one(&mut out, "nib", &p.nib);
    one(&mut out, "nip", &p.nip);
    for f in &p.aju {
        out.push(("aju", f.value.clone()));
    }
    out
}

fn held(c: &Case) -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> =
        c.phones.iter().map(|v| ("phone", v.to_string())).collect();
    for (k, v) in [
        ("email", c.email),
        ("npwp", c.npwp),
        ("nib", c.nib),
        ("nip", c.nip),
    ] {
        if let Some(v) = v {
            out.push((k, v.to_string()));
        }
    }
    out.extend(c.aju.iter().map(|v| ("aju", v.to_string())));
    out
}

#[test]
fn the_table_of_messages_is_read_field_by_field() {
    assert!(CASES.len() >= 40, "at least 40 messages");
    let cats = Categories::builtin();
    let (mut present, mut found) = (0, 0);
    let (mut named, mut right) = (0, 0);
    let mut wrong_ids = Vec::new();
    for (i, c) in CASES.iter().enumerate() {
        let p = read(c.text, &cats).expect("within the limit");
        let got = proposed(&p);
        let want = held(c);
        for w in &want {
            present += 1;
            if got.contains(w) {
                found += 1;
            } else {
                eprintln!("case {i}: missed {w:?}");
            }
        }
        for g in &got {
            if !want.contains(g) {
                wrong_ids.push(format!(
                    "case {i}: proposed {g:?} that the message does not hold"
                ));
            }
        }
        // The sender's phone first.
        if let (Some(first), Some(got)) = (c.phones.first(), p.phone()) {
            assert_eq!(&got.value, first, "case {i}: the sender's phone first");
        }
        // Each proposal points at the text it came from.
        for f in p.phones.iter().chain(&p.aju).chain(
            [&p.npwp, &p.nib, &p.nip, &p.email, &p.name, &p.org]
                .into_iter()
                .flatten(),
        ) {
            assert_eq!(p.description[f.span.clone()], f.from, "case {i}");
        }
        if let Some(want) = c.category {
            named += 1;
            let got = p.category.as_ref().map(|c| c.code.as_str());
            if got == Some(want) {
                right += 1;
            } else {
                eprintln!(
                    "case {i}: category {got:?}, want {want} (hints {:?})",
                    p.category_hints
                        .iter()
                        .map(|h| (&h.code, h.words.len()))
                        .collect::<Vec<_>>()
                );
            }
        }
    }
    let id_rate = found as f64 / present as f64;
    let cat_rate = right as f64 / named as f64;
    println!(
        "identifiers found: {found}/{present} ({:.1} %); category right: {right}/{named} ({:.1} %); messages: {}",
        id_rate * 100.0,
        cat_rate * 100.0,
        CASES.len()
    );
    assert!(wrong_ids.is_empty(), "{wrong_ids:#?}");
    assert!(
        id_rate >= 0.95,
        "identifiers found {:.1} % < 95 %",
        id_rate * 100.0
    );
    assert!(
        cat_rate >= 0.80,
        "category right {:.1} % < 80 %",
        cat_rate * 100.0
    );
}

/// Text rich in what the reader looks at: digits in groups, separators, cue
/// words, names, e-mail signs, chat headers, control and bidi characters.
fn messagey() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[0-9]{1,8}",
        // The lengths of the identifiers, whole: NIB, NPWP, NIP, NITKU, aju, phones.
        "[0-9]{13}|[0-9]{15}|[0-9]{16}|[0-9]{18}|[0-9]{22}|[0-9]{26}|08[0-9]{8,11}",
        "(19[4-9][0-9]|200[0-9])(0[1-9]|1[0-2])[0-3][0-9] ?[0-9]{6} ?[0-9] ?[0-9]{3}",
        "[0-9]{2}\\.[0-9]{3}\\.[0-9]{3}\\.[0-9]-[0-9]{3}\\.[0-9]{3}",
        Just(" ".to_string()),
        Just(".".to_string()),
        Just("-".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("+".to_string()),
        Just("@".to_string()),
        Just("\n".to_string()),
        Just("\u{a0}".to_string()),
        Just("\u{202e}".to_string()),
        Just("\x1b".to_string()),
        Just("[27/11/26 10.15] Andi: ".to_string()),
        prop::sample::select(vec![
            "npwp ",
            "NIB ",
            "nip ",
            "aju ",
            "WA ",
            "hp ",
            "user ",
            "akun: ",
            "saya ",
            "Saya Budi ",
            "PT ",
            "CV Maju ",
            "billing ",
            "BC 2.",
            "PIB ",
            "PEB ",
            "pita cukai ",
            "Salam,\n",
            "password: ",
            "OTP ",
            "budi@",
            "x.co.id",
            "é",
            "🙂",
            "Rp ",
            "+62 ",
            "08",
        ])
        .prop_map(str::to_string),
        "[a-zA-Z]{1,6}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

/// An NIP that its validator accepts: birth date, appointment after it, gender, serial.
fn valid_nip() -> impl Strategy<Value = String> {
    (
        1960i32..2000,
        1u32..13,
        1u32..29,
        1u32..13,
        1u32..3,
        0u32..1000,
    )
        .prop_map(|(y, m, d, am, g, serial)| {
            format!("{y}{m:02}{d:02}{}{am:02}{g}{serial:03}", y + 25)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn reading_never_panics_nor_proposes_an_invalid_value(raw in prop_oneof![messagey(), any::<String>()]) {
        use bcare_desk::domain::{text, validate};
        let p = read(&raw, &CATEGORIES).expect("short input");
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        for f in &p.phones {
            prop_assert_eq!(validate::phone(&f.value), Ok(f.value.clone()));
        }
        if let Some(f) = &p.email {
            prop_assert_eq!(validate::email(&f.value), Ok(f.value.clone()));
        }
        if let Some(f) = &p.npwp {
            prop_assert_eq!(validate::npwp(&f.value), Ok(f.value.clone()));
        }
        if let Some(f) = &p.nib {
            prop_assert_eq!(validate::nib(&f.value), Ok(f.value.clone()));
        }
        if let Some(f) = &p.nip {
            prop_assert_eq!(validate::nip(&f.value), Ok(f.value.clone()));
        }
        for f in &p.aju {
            prop_assert_eq!(validate::nomor_aju(&f.value, today).map(|(v, _)| v), Ok(f.value.clone()));
        }
        if let Some(f) = &p.user_id {
            prop_assert_eq!(validate::user_id(&f.value), Ok(f.value.clone()));
        }
        for (field, f, max) in [
            ("name", &p.name, text::NAME_MAX),
            ("org", &p.org, text::ORG_MAX),
            ("subject", &p.subject, text::SUBJECT_MAX),
        ] {
            if let Some(f) = f {
                prop_assert_eq!(text::free_text(field, &f.value, max, true, true), Ok(f.value.clone()));
            }
        }
        // Every proposal points at the text it came from.
        let all = p.phones.iter().chain(&p.aju).chain(
            [&p.email, &p.npwp, &p.nib, &p.nip, &p.user_id, &p.name, &p.org, &p.doc_type, &p.channel, &p.subject, &p.received_at]
                .into_iter()
                .flatten(),
        );
        for f in all {
            prop_assert_eq!(p.description.get(f.span.clone()), Some(f.from.as_str()));
        }
        // The description is the message cleaned, and its secrets are named.
        prop_assert_eq!(&p.description, &text::clean(&raw));
        prop_assert_eq!(p.secrets, text::refuse_secrets("description", &p.description).is_err());
    }

    #[test]
    fn filling_never_overwrites_what_was_typed(raw in messagey(), typed in prop::collection::vec(any::<bool>(), 6)) {
        use bcare_desk::domain::intake::IntakeForm;
        use bcare_desk::domain::message::fill_empty;
        let p = read(&raw, &CATEGORIES).unwrap();
        let mut form = IntakeForm::default();
        // The officer typed some fields already.
        let slots: [&mut String; 6] = [&mut form.name, &mut form.phone, &mut form.npwp, &mut form.category, &mut form.description, &mut form.subject];
        for (slot, t) in slots.into_iter().zip(&typed) {
            if *t {
                *slot = "ketikan petugas".into();
            }
        }
        let before = form.clone();
        let filled = fill_empty(&mut form, &p);
        let pairs = [
            ("name", &before.name, &form.name),
            ("phone", &before.phone, &form.phone),
            ("npwp", &before.npwp, &form.npwp),
            ("category", &before.category, &form.category),
            ("description", &before.description, &form.description),
            ("subject", &before.subject, &form.subject),
            ("kind", &before.kind, &form.kind),
            ("email", &before.email, &form.email),
        ];
        for (key, was, now) in pairs {
            if !was.is_empty() {
                prop_assert_eq!(was, now, "{} was typed", key);
                prop_assert!(!filled.contains(&key));
            } else {
                prop_assert_eq!(filled.contains(&key), !now.is_empty(), "{}", key);
            }
        }
        // Filling again fills nothing.
        prop_assert!(fill_empty(&mut form, &p).is_empty());
    }

    #[test]
    fn an_identifier_after_its_word_is_found(
        before in "[a-z ]{0,20}",
        after in "[a-z ]{0,20}",
        nip in valid_nip(),
        mobile in "8[1-9][0-9]{7,10}",
        npwp in "[0-9]{15}",
        aju_tail in "[0-9]{6}",
    ) {
        let phone_raw = format!("0{} {} {}", &mobile[..3], &mobile[3..7], &mobile[7..]);
        let npwp_raw = format!("{}.{}.{}.{}-{}.{}", &npwp[..2], &npwp[2..5], &npwp[5..8], &npwp[8..9], &npwp[9..12], &npwp[12..]);
        let aju_raw = format!("000020-010017-20261127-{aju_tail}");
        let msg = format!(
            "{before} NIP {nip}, NPWP {npwp_raw}, aju {aju_raw}. {after} WA {phone_raw}"
        );
        let p = read(&msg, &CATEGORIES).unwrap();
        prop_assert_eq!(p.nip.as_ref().map(|f| f.value.clone()), Some(nip));
        prop_assert_eq!(p.npwp.as_ref().map(|f| f.value.clone()), Some(npwp));
        prop_assert_eq!(p.aju.first().map(|f| f.value.clone()), Some(format!("00002001001720261127{aju_tail}")));
        prop_assert_eq!(p.phone().map(|f| f.value.clone()), Some(format!("+62{mobile}")));
        prop_assert_eq!(p.phones.len(), 1);
    }
}
