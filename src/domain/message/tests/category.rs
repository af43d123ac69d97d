//! The category a message is filed under, in the trade's order.

use super::{category_of, read_builtin};

/// Each message is proposed the category beside it.
fn assert_filed(cases: &[(&str, &str)]) {
    for (text, want) in cases {
        assert_eq!(category_of(text).as_deref(), Some(*want), "{text}");
    }
}

#[test]
fn a_document_type_decides_the_category_where_it_is_plain() {
    let cases = [
        (
            "1. Jenis Dokumen : BC 2.3 2. No. Aju : 000023-010101-20261104-000012 3. Uraian Masalah : belum dapat SPPB",
            "TPB",
        ),
        ("Dokumen BC 2.5 stuck di LNSW penerimaan dokumen", "TPB"),
        ("BC 261 tidak bisa gate in, SPPKB blank", "TPB"),
        ("bc 4.1 hilang setelah disimpan", "TPB"),
        ("PLB kami tidak bisa rekam pemasukan", "TPB"),
        (
            "Jenis dokumen: 25 2. No Aju: 000025ABC12320261104000077 status reject",
            "TPB",
        ),
        ("PIB kami belum dapat respon", "IMP"),
        ("BC 2.0 jalur merah tanpa respon", "IMP"),
        ("PEB belum terbit NPE", "EKS"),
        ("BC 3.3 tidak bisa dikirim", "EKS"),
        ("BC 1.1 inward belum bisa ditutup", "MAN"),
        (
            "nomor CK-1: 900123 tidak dapat disetujui, billing sudah rekon",
            "CUK",
        ),
        ("LACK-11 tidak muncul", "CUK"),
        ("pemesanan pita cukai HJE 6.250 tidak ada pilihan", "CUK"),
        ("Satuan merk pada CK 5 tidak muncul", "CUK"),
        ("P3C kami dibatasi sistem", "CUK"),
        // A number of the NPPBKC names an excise company, not the problem.
        ("NPPBKC : 0713139999 saya tidak bisa login ceisa", "AKUN"),
        // A missing menu or role is the account's.
        ("Menu CUKAI pada aplikasi Ceisa tidak muncul", "AKUN"),
        ("mohon ditambahkan role TPB untuk akun kami", "AKUN"),
        // The trade's own words.
        ("INSW tidak merespon, host to host gagal terus", "INT"),
        (
            "listrik padam di ruang layanan, PC loket tidak menyala",
            "TIK",
        ),
        ("data NIB di OSS belum tersinkron ke CEISA", "REG"),
        // A missing excise menu or module is the account's, whatever the NPPBKC.
        (
            "NPPBKC: 0912345678624000-071313 mohon bantuan menu cukai belum tersedia User : admincj",
            "AKUN",
        ),
        ("menu CK-5 kami pada CEISA 4.0 kami menghilang", "AKUN"),
        ("di ceisa kami tidak ada modul BC 3.3", "AKUN"),
        // A bill never issued is the payment's, also for an excise order.
        (
            "mohon dibantu billing SPPR nomor 900123 tidak terbit",
            "BYR",
        ),
        // A host-to-host error is the exchange's.
        (
            "kendala error H2H CEISA saat Post API pembuatan BC4.0",
            "INT",
        ),
        ("Ketika ambil token H2H selalu gagal", "INT"),
        ("dokumen BC 27in dari supplier tidak muncul di menu", "TPB"),
        // A guarantee is the treasury's work, as a payment is.
        ("pengembalian jaminan tunai loading terus", "BYR"),
        (
            "Nomor BPJ : 000123/KBC.1102/2026 tanggal jaminan salah",
            "BYR",
        ),
        // Paid but not reconciled is the payment's, even for an excise order.
        (
            "CK-1 dan SPPR tidak rekon di ExSIS, billing SPPR telah dibayarkan",
            "BYR",
        ),
        (
            "STCK-1 sudah dibayar namun status stuck di Tunggu- Rekon",
            "BYR",
        ),
        // Subcontracting and online permits are a bonded zone's.
        (
            "permohonan subkontrak via ceisa 4.0 tidak bisa upload excel",
            "TPB",
        ),
        ("PKBE status reject tanpa keterangan", "EKS"),
        // An MFA, an authenticator or an OTP that never comes is the account's.
        ("mohon reset Multi-Factor Authentication VPN", "AKUN"),
        ("barcode MFA saya tidak muncul", "AKUN"),
        ("tidak bisa mendapatkan kode OTP untuk pendaftaran", "AKUN"),
        // A blocked IP is the network's.
        (
            "IP kantor kami terkena block firewall, mohon whitelist",
            "TIK",
        ),
        ("eror saat mengajukan cuti di aplikasi", "INH"),
        // An excise-free user's factory number names the excise work.
        (
            "NPPP : 0012345678901000-0713-1 mohon bantuan, data tidak muncul",
            "CUK",
        ),
        (
            "saldo awal april tidak sama dengan saldo akhir maret",
            "CUK",
        ),
    ];
    assert_filed(&cases);
    // The document type is read too, as the form writes it.
    let p = read_builtin("Jenis dokumen: 25 2. No Aju: 000025ABC12320261104000077");
    assert_eq!(p.doc_type.map(|d| d.value).as_deref(), Some("BC 2.5"));
    let p = read_builtin("BC 2.62 tidak bisa gate in");
    assert_eq!(p.doc_type.map(|d| d.value).as_deref(), Some("BC 2.6.2"));
}

#[test]
fn a_payment_or_an_exchange_that_fails_is_filed_there_whatever_the_document() {
    let cases = [
        // The payment itself fails: BYR, though a BC 2.5 or a PIB is named.
        (
            "1. Jenis Dokumen : BC 2.5 2. No. Aju : 00002501234520261103000068 3. Uraian masalah : Gagal melakukan pembayaran, terjadi tolakan saat pembayaran",
            "BYR",
        ),
        ("PIB kami sudah dibayar double, mohon pengembalian", "BYR"),
        ("billing PIB tidak terbentuk setelah submit", "BYR"),
        ("BC 2.7 sudah bayar tapi NTPN belum muncul", "BYR"),
        // The exchange itself fails: INT.
        (
            "PIB tidak bisa dikirim karena koneksi H2H terputus sejak pagi",
            "INT",
        ),
        ("portal INSW tidak bisa diakses, BC 2.3 tertahan", "INT"),
        // A document only waiting at a payment or LNSW status stays with it.
        (
            "Jenis dokumen: BC 2.5 2. No aju: 000025-012345-20261103-000211 3. Uraian masalah: sudah bayar tapi status masih Payment Verification",
            "TPB",
        ),
        (
            "BC 2.5 belum mendapatkan billing, status proses validasi",
            "TPB",
        ),
        (
            "BC 2.3 stuck di LNSW penerimaan dokumen, gagal kirim INSW",
            "TPB",
        ),
        (
            "Download Excel BC 30 yang dibuat dengan host to host tidak bisa dibuka",
            "EKS",
        ),
        // An excise order's bill that is never issued is the payment's.
        ("billing SPPR gagal di create, nomor CK-1 900105", "BYR"),
        ("CK-1 tidak bisa dibayar, billing tidak terbentuk", "BYR"),
        // An excise order waiting for its approval stays with the excise work.
        (
            "CK-1 nomor 900105 belum disetujui, billing sudah dibayar",
            "CUK",
        ),
    ];
    assert_filed(&cases);
}

#[test]
fn an_account_without_access_is_the_accounts_even_in_a_template() {
    assert_filed(&[
        (
            "1. Jenis dokumen: BC 3.3 2. No aju: 3. Uraian masalah: Tidak punya otorisasi untuk create dokumen BC 3.3",
            "AKUN",
        ),
        (
            "di Apps Management sudah ditambahkan jenis dokumen BC 3.3, tapi belum muncul pilihan dokumen BC 3.3",
            "AKUN",
        ),
        (
            "akun pengguna jasa tidak muncul pada apps manajer sub akses cukai online, NPPBKC : 0713139999",
            "AKUN",
        ),
    ]);
}

#[test]
fn a_word_before_the_templates_next_number_still_counts() {
    assert_filed(&[(
        "1. Jenis Dokumen : Semua dokumen 2. No. Aju : Semua dokumen 3.Uraian Masalah : Reject Gagal Melakukan Pengecekan NPWP ke DJA 4. Status Dokumen : Reject",
        "INT",
    )]);
}

#[test]
fn the_services_name_is_not_excise_and_a_payment_that_cannot_be_made_is_one() {
    assert_filed(&[
        (
            "Nama : Sekar NIP : 199001012015022001 Jabatan : Pemeriksa Bea dan Cukai telah mengajukan cuti namun tidak masuk menu penetapan cuti",
            "INH",
        ),
        (
            "Sistem DJP untuk pembayaran PPN BC 4.1 sudah tidak bisa digunakan, aju 100041-012345-20261101-000002",
            "BYR",
        ),
        // After a "but" the failure is another step's.
        (
            "BC 2.5 sudah melakukan pembayaran tapi gate out tidak bisa dilakukan",
            "TPB",
        ),
    ]);
}

#[test]
fn a_billing_the_bank_cannot_find_and_a_login_that_fails() {
    assert_filed(&[
        (
            "1. Jenis dokumen: BC 2.5 2. No aju: 100025-012345-20261120-000512 3. Uraian masalah: Billing tidak dapat ditemukan waktu akan proses payment",
            "BYR",
        ),
        (
            "1. Jenis dokumen: 2.5 3. Uraian masalah: info dari pihak Bank ID tidak ditemukan (Reff not found) 4. Status : Payment Verifikasi",
            "BYR",
        ),
        ("gagal masuk ceisa 4.0 email a.b@contoh.go.id", "AKUN"),
    ]);
    // A company's data changed in the apps manager is not an account's access.
    assert_ne!(
        category_of("Permohonan Perubahan Data pada Cukai Online - Apps Manager sebelumnya: Perusahaan: CV Lama Seharusnya: PR Baru").as_deref(),
        Some("AKUN")
    );
}
