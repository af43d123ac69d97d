use super::*;
use crate::domain::category::Categories;

/// (category, document type, the complaint's words) → (katalog, masalah).
#[rustfmt::skip]
const TABLE: &[(&str, Option<&str>, &str, &str, &str)] = &[
    // Every category with nothing more specific: its own katalog and masalah.
    ("AKUN", None, "akun bermasalah", "Pemberian Akun", "0 - Lainnya"),
    ("REG", None, "mohon bantuan", "Pemberian Akun", "Registrasi - Data perusahaan tidak sesuai atau belum update"),
    ("IMP", Some("BC 2.0 PIB"), "mohon bantuan", "Dukungan Layanan", "0 - Lainnya"),
    ("EKS", Some("BC 3.0 PEB"), "mohon bantuan", "Dukungan Layanan", "0 - Lainnya"),
    ("MAN", Some("BC 1.1"), "pos manifes belum ditutup", "Dukungan Layanan", "0 - Lainnya"),
    ("TPB", Some("BC 2.7"), "mohon bantuan", "Dukungan Layanan", "0 - Lainnya"),
    ("CUK", None, "merk tidak aktif", "Dukungan Layanan", "Cukai - Lainnya"),
    ("BYR", None, "NTPN sudah ada", "Dukungan Layanan", "0 - Lainnya"),
    ("INT", None, "data OSS tidak mengalir", "Sistem Aplikasi", "0 - Lainnya"),
    ("INH", None, "menu tidak tampil", "Dukungan Layanan", "0 - Lainnya"),
    ("TIK", None, "jaringan kantor putus", "Dukungan TIK", "0 - Lainnya"),
    ("LAIN", None, "pertanyaan umum", "Dukungan Layanan", "0 - Lainnya"),
    // The problem's words.
    ("AKUN", None, "Tidak bisa login CEISA, password salah terus", "Pemberian Akun", "Login - User dan Password Salah"),
    ("AKUN", None, "Gagal reset password sudah berkali-kali", "Pemberian Akun", "Login - Gagal reset password"),
    ("AKUN", None, "mohon reset MFA, HP ganti", "Pemberian Akun", "Login - MFA Reset"),
    ("AKUN", None, "setelah login kembali ke halaman login", "Pemberian Akun", "Login - Kembali ke halaman login"),
    ("AKUN", None, "Dashboard CEISA blank setelah masuk", "Sistem Aplikasi", "Data User - Dashboard blank (kosong)"),
    ("REG", None, "registrasi gagal, NPWP tidak terdaftar", "Pemberian Akun", "Registrasi - NPWP atau NIB belum terdaftar"),
    ("REG", None, "NPWP 16 digit belum bisa dipakai, NITKU", "Pemberian Akun", "Registrasi - NPWP Konversi 16 digit - NITKU"),
    ("REG", None, "mohon ganti email, email lama tidak aktif", "Perubahan Data Internal", "0 - Lainnya"),
    ("IMP", Some("BC 2.0 PIB"), "PIB stuck di proses validasi sejak pagi", "Dukungan Layanan", "PIB - Status Stuck Validasi"),
    ("IMP", Some("BC 2.0"), "belum SPPB, status penjaluran", "Dukungan Layanan", "PIB - Status Stuck Penjaluran"),
    ("IMP", None, "reject KSWP, gagal pengecekan NPWP", "Dukungan Layanan", "PIB - Reject Gagal Melakukan Pengecekan NPWP ke DJA"),
    ("IMP", None, "reject: No/Tanggal BL sudah terpakai", "Dukungan Layanan", "Validasi - BL Telah Digunakan"),
    ("EKS", Some("BC 3.0"), "PEB stuck LNSW, cek mandatory content", "Dukungan Layanan", "PEB - Status Stuck LNSW - Cek Mandatory Content"),
    ("EKS", Some("PEB"), "status Penelitian Perbaikan tidak berubah", "Dukungan Layanan", "PEB - Status Stuck Perekaman Perbaikan"),
    ("EKS", None, "sudah ada surat persetujuan pembetulan, data belum berubah", "Perubahan Data Eksternal", "0 - Lainnya"),
    ("IMP", Some("BC 2.0"), "status Payment Verification, sudah bayar", "Dukungan Layanan", "PIB - Status Stuck Payment Verification"),
    ("IMP", None, "reject: BL tidak ditemukan", "Dukungan Layanan", "Validasi - Data B/L atau AWB Tidak Ditemukan"),
    // The document type decides between import-like and export-like TPB forms.
    ("TPB", Some("BC 2.5"), "stuck validasi, belum dapat billing", "Dukungan Layanan", "PIB - Status Stuck Validasi"),
    ("TPB", Some("2.3"), "Proses Validasi", "Dukungan Layanan", "PIB - Status Stuck Validasi"),
    ("TPB", Some("BC 4.1"), "status stuck di validasi", "Dukungan Layanan", "PEB - Status Stuck Validasi"),
    ("TPB", Some("BC 4.0"), "belum SPPB, penjaluran lama", "Dukungan Layanan", "PIB - Status Stuck Penjaluran"),
    ("TPB", Some("BC 2.7"), "validasi lama", "Dukungan Layanan", "0 - Lainnya"),
    ("TPB", Some("BC 2.5"), "STUCK DI LNSW PENERIMAAN DOKUMEN", "Sistem Aplikasi", "PIB - Status Stuck LNSW Penerimaan Dokumen"),
    ("TPB", Some("BC 4.1"), "setelah upload excel nomor aju hilang", "Dukungan Layanan", "PIB - Gagal Muat Saat Melakukan Penginputan Dokumen"),
    ("TPB", None, "validasi lama", "Dukungan Layanan", "PIB - Status Stuck Validasi"),
    // Excise: the document type alone, or its words.
    ("CUK", Some("CK-5"), "jangka waktu tidak muncul di pdf", "Dukungan Layanan", "Cukai - CK-5 Pemberitahuan Mutasi Barang Kena Cukai (PMBKC)"),
    ("CUK", None, "CK-1 tidak bisa disetujui", "Dukungan Layanan", "Cukai - CK-1 Pemesanan Pita Cukai Hasil Tembakau"),
    ("CUK", Some("CK-1"), "pemesanan pita cukai gagal", "Dukungan Layanan", "Cukai - CK-1 Pemesanan Pita Cukai Hasil Tembakau"),
    ("CUK", None, "kuota P3C tidak sesuai", "Dukungan Layanan", "Cukai - P3C Penetapan atau Perintah Permohonan Penyediaan Pita Cukai Hasil Tembakau"),
    ("CUK", Some("CK-4C"), "merk tidak muncul", "Dukungan Layanan", "Cukai - CK-4C Pemberitahuan Barang Kena Cukai Yang Selesai Dibuat Hasil Tembakau"),
    ("CUK", None, "menu LACK-11 tidak ada", "Dukungan Layanan", "Cukai - Lainnya"),
    ("BYR", None, "billing tidak bisa di download", "Dukungan Layanan", "PIB - Billing VP Tidak Bisa di Download"),
    ("INT", None, "data INSW tidak masuk, stuck LNSW", "Dukungan Layanan", "PEB - Status Stuck LNSW - Cek Mandatory Content"),
    ("INH", None, "pegawai tidak bisa login CEISA inhouse", "Dukungan Layanan", "Inhouse - Pegawai Gagal Login"),
    ("INH", None, "dokumen tidak muncul pada ceisa", "Dukungan Layanan", "Inhouse - Dokumen Pabean Tidak Ditemukan Di Portal"),
    ("INT", None, "TPS online: gagal get data ulang", "Dukungan Layanan", "TPS - Gagal Get Data Ulang"),
];

#[test]
fn each_category_proposes_its_katalog_and_the_masalah_its_words_point_to() {
    let cats = Categories::builtin();
    let mut failures = Vec::new();
    for &(code, doc, text, katalog, masalah) in TABLE {
        let got = propose(cats.get(code).unwrap(), doc, text);
        let want = Filing {
            katalog: katalog.into(),
            masalah: masalah.into(),
        };
        if got != want {
            failures.push(format!("{code} {doc:?} {text:?}: {got:?}, not {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Every category is in the table.
    for c in cats.all() {
        assert!(TABLE.iter().any(|t| t.0 == c.code), "{} has no row", c.code);
    }
}

#[test]
fn words_are_found_whole_and_a_bare_number_is_a_bc_form() {
    assert!(words_of("Status: CK-5 stuck!").contains(" ck 5 "));
    // "LACK-11" is not "LACK-1".
    assert!(!words_of("menu LACK-11").contains(&words_of("lack-1")));
    assert_eq!(doc_key("BC 2.5"), "BC25");
    assert_eq!(doc_key("25"), "BC25");
    assert_eq!(doc_key("ck-5"), "CK5");
}

#[test]
fn a_category_file_without_ceisacare_names_files_under_the_general_ones() {
    let text = r#"
[[category]]
code = "X"
name_id = "X"
name_en = "X"
[category.guide]
collect_id = "a"
collect_en = "a"
checks_id = "a"
checks_en = "a"
escalate_id = "a"
escalate_en = "a"
"#;
    let cats = Categories::from_toml(text).unwrap();
    let f = propose(cats.get("X").unwrap(), Some("BC 2.0"), "validasi");
    assert_eq!(
        (f.katalog.as_str(), f.masalah.as_str()),
        ("Dukungan Layanan", "0 - Lainnya")
    );
}

#[test]
fn a_known_masalah_nothing_points_to_is_refused() {
    let text = Categories::BUILTIN_TOML.replacen(
        "[[category.known_masalah]]\nmasalah = \"Login - User dan Password Salah\"\nwords = [",
        "[[category.known_masalah]]\nmasalah = \"Login - Terkunci\"\n\n[[category.known_masalah]]\nmasalah = \"Login - User dan Password Salah\"\nwords = [",
        1,
    );
    let e = Categories::from_toml(&text).unwrap_err();
    assert!(e.contains("AKUN") && e.contains("Login - Terkunci"), "{e}");
}
