use super::*;

/// The open tickets of one category (IMP) on a morning CEISA went down.
const TICKETS: &[(&str, &str, &str)] = &[
    (
        "ceisa-down",
        "CEISA tidak bisa diakses",
        "Sejak pukul 08.00 portal CEISA 4.0 tidak bisa dibuka, muncul 504 Gateway Time-out.",
    ),
    (
        "sso-session",
        "Login SSO gagal: \"Invalid session state\"",
        "Semua pegawai tidak bisa masuk SSO, muncul pesan \"Invalid session state\".",
    ),
    (
        "hs-code",
        "PIB ditolak, kode HS salah",
        "PIB PT Sinar Jaya ditolak CEISA karena pos tarif tidak sesuai.",
    ),
    (
        "password",
        "Lupa password akun CEISA",
        "Pengguna baru lupa kata sandi akun CEISA, minta reset.",
    ),
];

/// A new caller's subject and description, and the ticket they are about (with
/// how plainly), or none.
type Caller = (&'static str, &'static str, Option<(&'static str, Alike)>);

const CALLERS: &[Caller] = &[
    // The same outage, worded differently.
    (
        "CEISA down",
        "Tidak bisa kirim PIB, CEISA down dari pagi.",
        Some(("ceisa-down", Alike::OnEnter)),
    ),
    (
        "Gagal akses CEISA",
        "Halaman CEISA loading terus lalu timeout.",
        Some(("ceisa-down", Alike::OnEnter)),
    ),
    (
        "Aplikasi CEISA 4.0 mati",
        "Mohon info, CEISA mati? Kami tidak bisa submit dokumen.",
        Some(("ceisa-down", Alike::OnEnter)),
    ),
    (
        "CEISA tidak merespon",
        "CEISA not responding since 8 am, error 504.",
        Some(("ceisa-down", Alike::OnEnter)),
    ),
    (
        "Tidak bisa login",
        "Setiap login SSO muncul 'Invalid session state', sudah ganti browser.",
        Some(("sso-session", Alike::OnEnter)),
    ),
    // Likely the same outage, but the caller names no system: offered, not on Enter.
    (
        "Kirim dokumen timeout",
        "Sejak pagi setiap kirim dokumen selalu timeout.",
        Some(("ceisa-down", Alike::Offered)),
    ),
    (
        "Server lambat sekali",
        "Halaman tidak bisa dibuka, loading lama sekali.",
        Some(("ceisa-down", Alike::Offered)),
    ),
    // The same category, another problem: never offered.
    (
        "PIB ditolak karena nilai pabean",
        "PIB PT Maju Bersama ditolak CEISA, nilai pabean dianggap terlalu rendah.",
        None,
    ),
    (
        "Billing belum terbit",
        "Kode billing SIMPONI untuk PIB kami belum terbit sejak kemarin.",
        None,
    ),
    (
        "INSW down",
        "Portal INSW tidak bisa diakses sejak pagi.",
        None,
    ),
    (
        "Respon SPPB belum keluar",
        "PIB sudah jalur hijau di CEISA tapi respon SPPB belum keluar.",
        None,
    ),
    (
        "Ganti email akun CEISA",
        "Mohon bantuan mengganti alamat email akun CEISA perusahaan.",
        None,
    ),
    (
        "Koreksi data PIB",
        "Salah input berat bersih pada PIB, bagaimana cara koreksi?",
        None,
    ),
];

#[test]
fn the_outage_table_offers_look_alikes_and_nothing_unrelated() {
    let tickets: Vec<(&str, Problem)> = TICKETS
        .iter()
        .map(|(id, s, d)| (*id, Problem::of(s, d)))
        .collect();
    let mut wrong = Vec::new();
    for (subject, description, expected) in CALLERS {
        let caller = Problem::of(subject, description);
        for (id, ticket) in &tickets {
            let got = Alike::of(score(&caller, ticket));
            let want = match expected {
                Some((t, level)) if t == id => *level,
                _ => Alike::Unrelated,
            };
            println!(
                "{subject:35} ~ {id:12} {:.2} {got:?}",
                score(&caller, ticket)
            );
            if got != want {
                wrong.push(format!("{subject} ~ {id}: {got:?}, want {want:?}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn the_score_is_symmetric_and_an_empty_problem_is_like_nothing() {
    let a = Problem::of("CEISA down", "tidak bisa kirim PIB");
    let b = Problem::of("Gagal akses CEISA", "loading terus");
    assert_eq!(score(&a, &b), score(&b, &a));
    let empty = Problem::of("", "-");
    assert!(empty.is_empty());
    assert_eq!(Alike::of(score(&empty, &a)), Alike::Unrelated);
    assert_eq!(Alike::of(score(&empty, &empty)), Alike::Unrelated);
}

#[test]
fn the_same_error_code_or_quoted_text_counts_however_spelled() {
    let a = Problem::of("Upload gagal", "muncul ERR-1012 saat upload lampiran");
    let b = Problem::of("Lampiran tidak terkirim", "Error err1012 terus");
    assert!(score(&a, &b) >= OFFER, "{}", score(&a, &b));
    let c = Problem::of("Upload gagal", "pesan “Koneksi terputus”");
    let d = Problem::of("Tidak bisa kirim", "muncul \"koneksi  TERPUTUS\" di layar");
    assert!(score(&c, &d) >= OFFER, "{}", score(&c, &d));
    // A document type is no error code; a nomor aju is the caller's own.
    let e = Problem::of("BC20 ditolak", "aju 000020ABCDEF20261130000123");
    let f = Problem::of("BC20 ditolak", "aju 000020XYZXYZ20261130000999");
    assert!(e.errors.is_empty(), "{:?}", e.errors);
    assert_eq!(e.words, f.words);
}

#[test]
fn the_thresholds_order_the_levels() {
    assert_eq!(Alike::of(0.0), Alike::Unrelated);
    assert_eq!(Alike::of(OFFER), Alike::Offered);
    assert_eq!(Alike::of(ON_ENTER), Alike::OnEnter);
    assert!(Alike::OnEnter > Alike::Offered && Alike::Offered > Alike::Unrelated);
}
