//! The command line's help in Indonesian, for the manual pages and completions:
//! clap's texts (the doc comments in `args`) are English, so each command's about
//! and each option's help has its Indonesian line here, keyed by the command's
//! path ("" the desk itself, "calendar read") and the option's id ("*": in every
//! command). A test lists what has no Indonesian line.

use clap::Command;

/// Every command's about, and every option's help, in Indonesian.
pub fn in_indonesian(cmd: Command) -> Command {
    apply(cmd, "")
}

fn apply(mut cmd: Command, path: &str) -> Command {
    if let Some(t) = about(path) {
        cmd = cmd.about(t).long_about(None);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        if let Some(t) = help(path, &id) {
            cmd = cmd.mut_arg(id, |a| a.help(t).long_help(None));
        }
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        let inner = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        cmd = cmd.mut_subcommand(name, |sc| apply(sc, &inner));
    }
    cmd
}

fn about(path: &str) -> Option<&'static str> {
    ABOUT.iter().find(|(p, _)| *p == path).map(|(_, t)| *t)
}

fn help(path: &str, id: &str) -> Option<&'static str> {
    ARGS.iter()
        .find(|(p, i, _)| *i == id && (*p == path || *p == "*"))
        .map(|(_, _, t)| *t)
}

/// A rendered `--help` with clap's own English words said in Indonesian: its
/// headings, notes and the help and version flags (clap adds those when it
/// parses, so they are not in the table above; a parsing command must not be
/// changed once built).
pub fn help_notes_in_indonesian(help: &str) -> String {
    const WORDS: &[(&str, &str)] = &[
        ("Usage:", "Pemakaian:"),
        ("\nOptions:\n", "\nOpsi:\n"),
        ("\nArguments:\n", "\nArgumen:\n"),
        ("\nCommands:\n", "\nPerintah:\n"),
        ("[OPTIONS]", "[OPSI]"),
        ("[COMMAND]", "[PERINTAH]"),
        ("<COMMAND>", "<PERINTAH>"),
        ("[default: ", "[bawaan: "),
        ("[possible values: ", "[nilai: "),
        ("[env: ", "[variabel: "),
        ("Print help", "Tampilkan bantuan"),
        ("Print version", "Tampilkan versi"),
    ];
    WORDS
        .iter()
        .fold(help.to_string(), |text, (en, id)| text.replace(en, id))
}

/// clap_mangen writes its section headings and value notes in English.
pub fn headings_in_indonesian(page: &str) -> String {
    const HEADINGS: &[(&str, &str)] = &[
        (".SH NAME", ".SH NAMA"),
        (".SH SYNOPSIS", ".SH SINOPSIS"),
        (".SH DESCRIPTION", ".SH DESKRIPSI"),
        (".SH OPTIONS", ".SH OPSI"),
        (".SH SUBCOMMANDS", ".SH PERINTAH"),
        (".SH VERSION", ".SH VERSI"),
    ];
    let mut out = String::with_capacity(page.len());
    for line in page.lines() {
        let line = HEADINGS
            .iter()
            .find(|(en, _)| line == *en)
            .map_or(line, |(_, id)| id);
        out.push_str(
            &line
                .replace("[default: ", "[bawaan: ")
                .replace("[possible values: ", "[nilai: ")
                .replace("[env: ", "[variabel: "),
        );
        out.push('\n');
    }
    out
}

/// Commands and options with an English help and no Indonesian line here.
#[cfg(test)]
pub fn untranslated(cmd: &Command) -> Vec<String> {
    let mut missing = Vec::new();
    walk(cmd, "", &mut missing);
    missing
}

#[cfg(test)]
fn walk(cmd: &Command, path: &str, missing: &mut Vec<String>) {
    if cmd.get_about().is_some() && about(path).is_none() {
        missing.push(format!("about {path:?}: {}", cmd.get_about().unwrap()));
    }
    for a in cmd.get_arguments() {
        if let Some(h) = a.get_help()
            && help(path, a.get_id().as_str()).is_none()
        {
            missing.push(format!("arg {path:?} {}: {h}", a.get_id()));
        }
    }
    for sc in cmd.get_subcommands() {
        let inner = if path.is_empty() {
            sc.get_name().to_string()
        } else {
            format!("{path} {}", sc.get_name())
        };
        walk(sc, &inner, missing);
    }
}

const ABOUT: &[(&str, &str)] = &[
    (
        "",
        "Meja layanan tiket pengaduan BCare (Pelayanan Tiket Pengaduan BCare): dari laporan pemohon sampai nomor tiket di tangannya, dalam 2 jam kerja. Tanpa perintah: membuka meja layanan.",
    ),
    (
        "intake",
        "Mencatat pengaduan (langkah 1); mencetak nomor referensi dan batas waktu SLA",
    ),
    ("list", "Antrean: yang paling mendesak di atas"),
    ("show", "Satu pengaduan dengan riwayatnya"),
    (
        "search",
        "Cari teks: pemohon, perusahaan, perihal, uraian, nomor aju, tiket",
    ),
    (
        "forward",
        "Kirim laporan ke Dir. IKC lewat BCare (langkah 2)",
    ),
    (
        "ticket",
        "Catat nomor tiket BCare (langkah 3); ulangi untuk membetulkan salah ketik",
    ),
    (
        "link",
        "Pakai tiket yang sudah diajukan untuk masalah yang sama (satu gangguan, banyak pelapor); beberapa referensi sekaligus: tertaut semua atau tidak sama sekali",
    ),
    (
        "handover",
        "Serahkan nomor tiket kepada pemohon (langkah 4); menghentikan jam SLA. Beberapa referensi, atau --ticket untuk semua pelapor pada satu tiket: semua atau tidak sama sekali, tiap pemohon dengan pesannya sendiri",
    ),
    (
        "resolve",
        "Dir. IKC sudah menyelesaikannya; pemohon lalu menunggu kabar (notify). Beberapa referensi, atau --ticket untuk semua yang sudah diserahkan pada satu tiket: semua atau tidak sama sekali",
    ),
    (
        "cancel",
        "Batalkan pengaduan, dengan alasannya; beberapa sekaligus: semua atau tidak sama sekali",
    ),
    ("sla", "Batas waktu jam kerja untuk suatu saat mulai"),
    (
        "check",
        "Keutuhan basis data dan cakupan kalender tahun berjalan",
    ),
    (
        "backup",
        "Salin basis data (aman selagi meja layanan terbuka)",
    ),
    (
        "demo",
        "Isi basis data dengan contoh pengaduan yang realistis (pelatihan, uji beban)",
    ),
    (
        "config",
        "Berkas konfigurasi yang dipakai (dan dari mana), lokasi data dan konfigurasi yang berlaku",
    ),
    (
        "calendar",
        "Kalender jam kerja: hari libur dan cakupannya; `calendar read` membaca pengumuman SKB setahun, `add`/`remove` satu hari libur, `history` siapa mengubah apa",
    ),
    (
        "calendar read",
        "Baca pengumuman SKB hari libur dan cuti bersama setahun (teks tempelan, FILE atau \"-\" untuk masukan standar) dan tampilkan hasilnya; --apply menyimpannya",
    ),
    (
        "calendar add",
        "Tambah satu hari libur (mis. cuti bersama yang ditetapkan di tengah tahun): DATE berbentuk YYYY-MM-DD",
    ),
    (
        "calendar remove",
        "Batalkan satu hari libur: tanggal itu kembali hari kerja",
    ),
    (
        "calendar history",
        "Setiap perubahan hari libur di basis data: kapan, siapa, apa",
    ),
    ("outbox", "Laporan yang menunggu dikirim ke BCare"),
    ("outbox retry", "Kirim sekarang laporan yang menunggu"),
    (
        "outbox deliver",
        "Jalankan pekerja BCare tanpa layar (meja belakang, atau server di samping basis data bersama): mengirim laporan yang menunggu dan mengikuti tiket, mencetak tiap tiket yang datang; berjalan sampai dihentikan, atau selama SECS detik",
    ),
    (
        "simulate",
        "Jalankan simulator BCare lewat HTTP (pelatihan, pengujian); --ceisacare: bentuk gateway CEISACare dan formulir webnya",
    ),
    (
        "ceisacare",
        "Token CEISACare: `ceisacare token` menyimpan token yang ditempel, `ceisacare status` menyebut sampai kapan berlaku",
    ),
    (
        "ceisacare token",
        "Simpan token CEISACare (disalin setelah masuk dengan faktor kedua): ditempel di masukan standar, atau dibaca dari --file; ditulis ke berkasnya sendiri (0600)",
    ),
    (
        "ceisacare status",
        "Apakah token CEISACare berlaku, dan sampai kapan (WITA)",
    ),
    (
        "read-message",
        "Baca pesan pelapor (WhatsApp, e-mail, SMS) dan cetak usulan isian pengaduannya",
    ),
    (
        "report",
        "Laporan SLA seksi untuk suatu periode; --shift: yang diwarisi petugas berikutnya",
    ),
    (
        "rollup",
        "Rekap Kanwil dari bundel laporan kantor-kantor (report --bundle): satu baris per kantor dan jumlah atas semua pengaduannya; tanpa basis data",
    ),
    (
        "export",
        "Semua pengaduan dengan kejadiannya, sebagai csv, json atau xlsx (0600); --redact menyamarkan data pribadi",
    ),
    (
        "purge",
        "Hapus data pribadi pengaduan yang ditutup lebih lama dari [retention] bulan",
    ),
    (
        "migrate",
        "Salin berkas SQLite meja ini ke basis data PostgreSQL kosong (beberapa meja, satu antrean); menghitung dan memeriksa checksum tiap tabel, berkasnya tidak diubah",
    ),
    (
        "incident",
        "Satu tiket dengan semua pelapornya (satu gangguan, banyak pelapor): tahap, kontak, penyerahan, siapa menunggu kabar. Menerima nomor tiket atau referensi pelapor mana pun",
    ),
    (
        "followup",
        "Tiket di Dir. IKC: lama terbuka (hari), status terakhir, yang perlu ditanyakan, kabar yang terutang; --poll bertanya ke BCare sekarang",
    ),
    (
        "notify",
        "Kabari pemohon bahwa Dir. IKC sudah menyelesaikannya: mencetak (dan menyalin) pesannya, mencatat pemberitahuan",
    ),
    (
        "survey",
        "Catat kepuasan pemohon (SKM): sembilan jawaban, 1–4 atau '-'",
    ),
    (
        "grant",
        "Beri peran login server tugasnya di database PostgreSQL bersama ini: officer (membaca dan mengubah) atau reader (hanya laporan). Perintah pemilik database",
    ),
    (
        "revoke",
        "Cabut semua tugas peran login server di database PostgreSQL bersama ini",
    ),
    (
        "manpage",
        "Tulis halaman manual (Indonesia dan Inggris) ke sebuah folder",
    ),
    (
        "completions",
        "Cetak skrip pelengkapan (completion) untuk sebuah shell",
    ),
];

const ARGS: &[(&str, &str, &str)] = &[
    (
        "*",
        "db",
        "Basis data: sebuah berkas (bawaan: bcare-desk.db di folder data pengguna), atau URL postgres:// basis data yang dipakai bersama beberapa meja",
    ),
    (
        "*",
        "config",
        "Berkas konfigurasi; tanpa opsi ini: BCARE_DESK_CONFIG, lalu config.toml di folder konfigurasi pengguna, lalu /etc/bcare-desk/config.toml",
    ),
    ("*", "lang", "Bahasa pesan: id (Bahasa Indonesia) atau en"),
    ("*", "json", "Keluaran untuk dibaca mesin (JSON)"),
    ("*", "help", "Tampilkan bantuan"),
    ("*", "version", "Tampilkan versi"),
    ("intake", "name", "Nama pemohon"),
    ("intake", "kind", "pegawai | pengguna-jasa"),
    ("intake", "org", "Perusahaan (pengguna jasa)"),
    ("intake", "npwp", "NPWP (15/16 angka) atau NITKU (22)"),
    (
        "intake",
        "channel",
        "langsung, telepon, whatsapp, email, surat, lainnya",
    ),
    (
        "intake",
        "category",
        "AKUN REG IMP EKS MAN TPB CUK BYR INT INH TIK LAIN",
    ),
    (
        "intake",
        "user_id",
        "User id akun (masalah akun). Jangan pernah kata sandi",
    ),
    ("intake", "aju", "Nomor aju (boleh berulang)"),
    (
        "intake",
        "doc_type",
        "mis. \"BC 2.0 PIB\", \"BC 3.0 PEB\", \"BC 1.1\"",
    ),
    ("intake", "doc_submitted_at", "Kapan dokumen diajukan"),
    (
        "intake",
        "attach",
        "Tangkapan layar atau berkas (boleh berulang)",
    ),
    (
        "intake",
        "received_at",
        "Kapan informasi sampai di kantor (bawaan: sekarang; mundurkan ke waktu WhatsApp)",
    ),
    (
        "intake",
        "from_message",
        "Baca pesan pelapor di FILE (\"-\": masukan standar) untuk isian yang tidak diberikan",
    ),
    (
        "intake",
        "link_to",
        "Tautkan pengaduan baru ke tiket ini (atau ke tiket referensi ini) dalam langkah yang sama: satu gangguan, banyak pelapor. Bila tautan gagal, tidak ada yang disimpan",
    ),
    (
        "list",
        "stage",
        "Tahap (received, forwarded, ticketed, handed_over, resolved, cancelled), atau \"running\" (jam SLA berjalan: bawaan), \"open\" atau \"all\"",
    ),
    (
        "list",
        "overdue",
        "Hanya pengaduan yang lewat batas waktu SLA",
    ),
    ("list", "category", "Hanya kategori ini"),
    (
        "forward",
        "wait",
        "Kirim sekarang dan tunggu nomor tiket paling lama SECS detik (klien http/sim)",
    ),
    ("link", "ticket", "Nomor tiket"),
    ("link", "to", "Pengaduan lain yang membawa tiket itu"),
    (
        "handover",
        "ticket",
        "Semua pengaduan pada tiket ini yang sudah bertiket dan belum diserahkan",
    ),
    (
        "handover",
        "via",
        "langsung, telepon, whatsapp, email, surat, lainnya",
    ),
    (
        "handover",
        "late_reason",
        "Mengapa penyerahan lewat batas waktu (wajib bila lewat): bcare-down, applicant-unreachable, waiting-data, other",
    ),
    (
        "handover",
        "note",
        "Catatan petugas tentang penyerahan (disimpan bersama alasannya)",
    ),
    (
        "handover",
        "email",
        "E-mail pemohon, untuk --via email bila pengaduan belum punya (disimpan)",
    ),
    (
        "handover",
        "phone",
        "Telepon pemohon, untuk --via whatsapp atau telepon bila pengaduan belum punya (disimpan)",
    ),
    (
        "resolve",
        "ticket",
        "Semua pengaduan pada tiket ini yang sudah diserahkan dan belum selesai",
    ),
    (
        "sla",
        "start",
        "RFC 3339, atau waktu setempat WITA seperti \"2026-11-27 15:30\"",
    ),
    ("sla", "hours", "Jatah dalam jam kerja"),
    (
        "demo",
        "force",
        "Tambahkan contoh walaupun basis data berisi pengaduan yang bukan buatan demo",
    ),
    (
        "calendar",
        "year",
        "Tahun yang hari liburnya ditampilkan (bawaan: tahun ini)",
    ),
    (
        "calendar",
        "export",
        "Cetak berkas kalender bawaan, sebagai awal kalender Anda sendiri",
    ),
    (
        "calendar read",
        "year",
        "Tahun untuk tanggal yang ditulis tanpa tahun (bila tidak ada judul yang menyebutnya)",
    ),
    (
        "calendar read",
        "apply",
        "Terapkan hasilnya: menggantikan hari libur tahun itu di setiap meja basis data ini, dan batas waktu yang berjalan ikut berubah",
    ),
    (
        "calendar add",
        "cuti",
        "Hari itu cuti bersama, bukan libur nasional",
    ),
    (
        "simulate",
        "listen",
        "Alamat yang didengarkan; hanya loopback kecuali --public",
    ),
    (
        "simulate",
        "fail_rate",
        "Bagian permintaan yang dijawab 503, antara 0.0 dan 1.0",
    ),
    (
        "simulate",
        "delay_ms",
        "Milidetik menunggu sebelum tiap jawaban",
    ),
    ("simulate", "seed", "Benih untuk nomor tiket dan kegagalan"),
    (
        "simulate",
        "public",
        "Izinkan mendengarkan di alamat yang dapat dijangkau mesin lain",
    ),
    (
        "simulate",
        "resolve_after",
        "Selesaikan tiap tiket SECS detik setelah terbit (\"in progress\" di tengahnya; 0: tidak pernah), agar seluruh hidup tiket dapat diikuti",
    ),
    (
        "simulate",
        "ceisacare",
        "Sajikan bentuk gateway CEISACare (daftar tiket, detail, 401 begitu token kedaluwarsa) dan formulir web di / tempat peserta pelatihan menempel lembarnya",
    ),
    (
        "simulate",
        "token_hours",
        "Dengan --ceisacare: berapa jam token pelatihan yang dicetak berlaku",
    ),
    (
        "ceisacare token",
        "file",
        "Baca token dari berkas ini, bukan dari masukan standar",
    ),
    (
        "read-message",
        "file",
        "Pesan seperti ditempel dari WhatsApp, e-mail atau SMS: berkas teks, atau \"-\" (atau kosong) untuk membaca masukan standar",
    ),
    ("report", "month", "Sebulan, YYYY-MM (bawaan: bulan ini)"),
    ("report", "from", "Hari pertama, YYYY-MM-DD (dengan --to)"),
    (
        "report",
        "to",
        "Hari terakhir, YYYY-MM-DD, termasuk (dengan --from)",
    ),
    ("report", "today", "Hari ini"),
    ("report", "week", "Minggu ini, Senin sampai Minggu"),
    (
        "report",
        "by",
        "Kelompok: category, channel, kind atau officer",
    ),
    (
        "report",
        "csv",
        "Tulis satu baris per pengaduan ke berkas CSV ini",
    ),
    (
        "report",
        "xlsx",
        "Tulis buku kerja untuk kepala seksi ke berkas .xlsx ini",
    ),
    (
        "report",
        "bundle",
        "Tulis bundel periode ini untuk rekap Kanwil ke berkas ini (tanpa data pribadi)",
    ),
    (
        "rollup",
        "bundles",
        "Bundel kantor-kantor (report --bundle), satu per kantor, semuanya satu periode",
    ),
    (
        "rollup",
        "xlsx",
        "Tulis buku kerja Kanwil ke berkas .xlsx ini: satu lembar per kantor dan ringkasan dengan grafiknya",
    ),
    (
        "report",
        "shift",
        "Yang diwarisi petugas berikutnya: pengaduan terbuka, outbox",
    ),
    (
        "export",
        "from",
        "Hari pertama penerimaan, YYYY-MM-DD (dengan --to; bawaan: semua pengaduan)",
    ),
    (
        "export",
        "to",
        "Hari terakhir penerimaan, YYYY-MM-DD, termasuk",
    ),
    ("export", "format", "csv, json atau xlsx"),
    (
        "export",
        "redact",
        "Samarkan nama, telepon, e-mail, NPWP/NIB/NIP, user id, teks bebas dan petugas",
    ),
    ("export", "path", "Berkas yang ditulis (0600)"),
    ("purge", "dry_run", "Hanya daftar yang akan dihapus"),
    (
        "migrate",
        "to",
        "Basis data PostgreSQL yang diisi: postgres://pengguna@host/database (belum boleh berisi pengaduan)",
    ),
    (
        "migrate",
        "from",
        "Berkas SQLite yang disalin (bawaan: berkas meja ini sendiri, --db)",
    ),
    (
        "followup",
        "reference",
        "Pengaduan yang status tiketnya Anda baca di portal (dengan --status)",
    ),
    (
        "followup",
        "poll",
        "Tanyakan ke BCare sekarang setiap tiket di Dir. IKC dan cetak yang berubah (klien http)",
    ),
    (
        "followup",
        "status",
        "Status tiket seperti tampil di portal (mis. \"in progress\", \"selesai\")",
    ),
    ("followup", "note", "Catatan Anda bersama status itu"),
    (
        "notify",
        "references",
        "Pengaduan selesai yang pemohonnya Anda kabari (semua atau tidak sama sekali)",
    ),
    (
        "notify",
        "ticket",
        "Semua pemohon pada tiket ini yang menunggu kabar",
    ),
    (
        "notify",
        "via",
        "langsung, telepon, whatsapp, email, surat, lainnya (bawaan: saluran tempat nomor tiket masing-masing diserahkan)",
    ),
    (
        "survey",
        "reference",
        "Pengaduan (sudah diserahkan atau selesai) yang pemohonnya menjawab",
    ),
    (
        "survey",
        "answers",
        "Sembilan jawaban u1..u9, masing-masing 1–4 atau '-' bila tidak dijawab: 4,3,4,-,4,4,4,3,4",
    ),
    (
        "manpage",
        "dir",
        "Folder tujuan: DIR/man1 (Inggris) dan DIR/id/man1 (Indonesia), satu halaman untuk meja layanan dan satu per perintah",
    ),
    ("completions", "shell", "bash, zsh atau fish"),
    (
        "grant",
        "role",
        "Peran login server (dibuat dengan CREATE ROLE … LOGIN)",
    ),
    (
        "grant",
        "duty",
        "officer (membaca dan mengubah) atau reader (hanya laporan)",
    ),
    ("revoke", "role", "Peran login server"),
];

#[cfg(test)]
mod tests {
    #[test]
    fn every_command_and_option_has_its_indonesian_help() {
        let missing =
            super::untranslated(&super::super::manual::command(crate::domain::msg::Lang::En));
        assert!(missing.is_empty(), "{}", missing.join("\n"));
    }
}
