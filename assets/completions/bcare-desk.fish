# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_bcare_desk_global_optspecs
    string join \n db= config= lang= json h/help V/version
end

function __fish_bcare_desk_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_bcare_desk_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_bcare_desk_using_subcommand
    set -l cmd (__fish_bcare_desk_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c bcare-desk -n "__fish_bcare_desk_needs_command" -l db -d 'Basis data: sebuah berkas (bawaan: bcare-desk.db di folder data pengguna), atau URL postgres:// basis data yang dipakai bersama beberapa meja' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_needs_command" -l config -d 'Berkas konfigurasi; tanpa opsi ini: BCARE_DESK_CONFIG, lalu config.toml di folder konfigurasi pengguna, lalu /etc/bcare-desk/config.toml' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_needs_command" -l lang -d 'Bahasa pesan: id (Bahasa Indonesia) atau en' -r
complete -c bcare-desk -n "__fish_bcare_desk_needs_command" -l json -d 'Keluaran untuk dibaca mesin (JSON)'
complete -c bcare-desk -n "__fish_bcare_desk_needs_command" -s h -l help -d 'Tampilkan bantuan'
complete -c bcare-desk -n "__fish_bcare_desk_needs_command" -s V -l version -d 'Tampilkan versi'
complete -c bcare-desk -n "__fish_bcare_desk_needs_command" -f -a "intake" -d 'Mencatat pengaduan (langkah 1); mencetak nomor referensi dan batas waktu SLA'
complete -c bcare-desk -n "__fish_bcare_desk_needs_command" -f -a "list" -d 'Antrean: yang paling mendesak di atas'
complete -c bcare-desk -n "__fish_bcare_desk_needs_command" -f -a "show" -d 'Satu pengaduan dengan riwayatnya'
complete -c bcare-desk -n "__fish_bcare_desk_needs_command" -f -a "search" -d 'Cari teks: pemohon, perusahaan, perihal, uraian, nomor aju, tiket'
complete -c bcare-desk -n "__fish_bcare_desk_needs_command" -f -a "forward" -d 'Kirim laporan ke Dir. IKC lewat BCare (langkah 2)'
complete -c bcare-desk -n "__fish_bcare_desk_needs_command" -f -a "ticket" -d 'Catat nomor tiket BCare (langkah 3); ulangi untuk membetulkan salah ketik'
complete -c bcare-desk -n "__fish_bcare_desk_needs_command" -f -a "link" -d 'Pakai tiket yang sudah diajukan untuk masalah yang sama (satu gangguan, banyak pelapor); beberapa referensi sekaligus: tertaut semua atau tidak sama sekali'
complete -c bcare-desk -n "__fish_bcare_desk_needs_command" -f -a "handover" -d 'Serahkan nomor tiket kepada pemohon (langkah 4); menghentikan jam SLA. Beberapa referensi, atau --ticket untuk semua pelapor pada satu tiket: semua atau tidak sama sekali, tiap pemohon dengan pesannya sendiri'
complete -c bcare-desk -n "__fish_bcare_desk_needs_command" -f -a "resolve" -d 'Dir. IKC sudah menyelesaikannya; pemohon lalu menunggu kabar (notify). Beberapa referensi, atau --ticket untuk semua yang sudah diserahkan pada satu tiket: semua atau tidak sama sekali'
complete -c bcare-desk -n "__fish_bcare_desk_needs_command" -f -a "cancel" -d 'Batalkan pengaduan, dengan alasannya; beberapa sekaligus: semua atau tidak sama sekali'
complete -c bcare-desk -n "__fish_bcare_desk_needs_command" -f -a "sla" -d 'Batas waktu jam kerja untuk suatu saat mulai'
complete -c bcare-desk -n "__fish_bcare_desk_needs_command" -f -a "check" -d 'Keutuhan basis data dan cakupan kalender tahun berjalan'
complete -c bcare-desk -n "__fish_bcare_desk_needs_command" -f -a "backup" -d 'Salin basis data (aman selagi meja layanan terbuka)'
complete -c bcare-desk -n "__fish_bcare_desk_needs_command" -f -a "demo" -d 'Isi basis data dengan contoh pengaduan yang realistis (pelatihan, uji beban)'
complete -c bcare-desk -n "__fish_bcare_desk_needs_command" -f -a "config" -d 'Berkas konfigurasi yang dipakai (dan dari mana), lokasi data dan konfigurasi yang berlaku'
complete -c bcare-desk -n "__fish_bcare_desk_needs_command" -f -a "calendar" -d 'Kalender jam kerja: hari libur dan cakupannya; `calendar read` membaca pengumuman SKB setahun, `add`/`remove` satu hari libur, `history` siapa mengubah apa'
complete -c bcare-desk -n "__fish_bcare_desk_needs_command" -f -a "outbox" -d 'Laporan yang menunggu dikirim ke BCare'
complete -c bcare-desk -n "__fish_bcare_desk_needs_command" -f -a "simulate" -d 'Jalankan simulator BCare lewat HTTP (pelatihan, pengujian); --ceisacare: bentuk gateway CEISACare dan formulir webnya'
complete -c bcare-desk -n "__fish_bcare_desk_needs_command" -f -a "ceisacare" -d 'Token CEISACare: `ceisacare token` menyimpan token yang ditempel, `ceisacare status` menyebut sampai kapan berlaku'
complete -c bcare-desk -n "__fish_bcare_desk_needs_command" -f -a "read-message" -d 'Baca pesan pelapor (WhatsApp, e-mail, SMS) dan cetak usulan isian pengaduannya'
complete -c bcare-desk -n "__fish_bcare_desk_needs_command" -f -a "report" -d 'Laporan SLA seksi untuk suatu periode; --shift: yang diwarisi petugas berikutnya'
complete -c bcare-desk -n "__fish_bcare_desk_needs_command" -f -a "rollup" -d 'Rekap Kanwil dari bundel laporan kantor-kantor (report --bundle): satu baris per kantor dan jumlah atas semua pengaduannya; tanpa basis data'
complete -c bcare-desk -n "__fish_bcare_desk_needs_command" -f -a "export" -d 'Semua pengaduan dengan kejadiannya, sebagai csv, json atau xlsx (0600); --redact menyamarkan data pribadi'
complete -c bcare-desk -n "__fish_bcare_desk_needs_command" -f -a "purge" -d 'Hapus data pribadi pengaduan yang ditutup lebih lama dari [retention] bulan'
complete -c bcare-desk -n "__fish_bcare_desk_needs_command" -f -a "migrate" -d 'Salin berkas SQLite meja ini ke basis data PostgreSQL kosong (beberapa meja, satu antrean); menghitung dan memeriksa checksum tiap tabel, berkasnya tidak diubah'
complete -c bcare-desk -n "__fish_bcare_desk_needs_command" -f -a "incident" -d 'Satu tiket dengan semua pelapornya (satu gangguan, banyak pelapor): tahap, kontak, penyerahan, siapa menunggu kabar. Menerima nomor tiket atau referensi pelapor mana pun'
complete -c bcare-desk -n "__fish_bcare_desk_needs_command" -f -a "followup" -d 'Tiket di Dir. IKC: lama terbuka (hari), status terakhir, yang perlu ditanyakan, kabar yang terutang; --poll bertanya ke BCare sekarang'
complete -c bcare-desk -n "__fish_bcare_desk_needs_command" -f -a "notify" -d 'Kabari pemohon bahwa Dir. IKC sudah menyelesaikannya: mencetak (dan menyalin) pesannya, mencatat pemberitahuan'
complete -c bcare-desk -n "__fish_bcare_desk_needs_command" -f -a "survey" -d 'Catat kepuasan pemohon (SKM): sembilan jawaban, 1–4 atau \'-\''
complete -c bcare-desk -n "__fish_bcare_desk_needs_command" -f -a "grant" -d 'Beri peran login server tugasnya di database PostgreSQL bersama ini: officer (membaca dan mengubah) atau reader (hanya laporan). Perintah pemilik database'
complete -c bcare-desk -n "__fish_bcare_desk_needs_command" -f -a "revoke" -d 'Cabut semua tugas peran login server di database PostgreSQL bersama ini'
complete -c bcare-desk -n "__fish_bcare_desk_needs_command" -f -a "manpage" -d 'Tulis halaman manual (Indonesia dan Inggris) ke sebuah folder'
complete -c bcare-desk -n "__fish_bcare_desk_needs_command" -f -a "completions" -d 'Cetak skrip pelengkapan (completion) untuk sebuah shell'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand intake" -l nip -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand intake" -l nib -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand intake" -l phone -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand intake" -l email -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand intake" -l subject -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand intake" -l description -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand intake" -l doc-status -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand intake" -l name -d 'Nama pemohon' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand intake" -l kind -d 'pegawai | pengguna-jasa' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand intake" -l org -d 'Perusahaan (pengguna jasa)' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand intake" -l npwp -d 'NPWP (15/16 angka) atau NITKU (22)' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand intake" -l channel -d 'langsung, telepon, whatsapp, email, surat, lainnya' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand intake" -l category -d 'AKUN REG IMP EKS MAN TPB CUK BYR INT INH TIK LAIN' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand intake" -l user-id -d 'User id akun (masalah akun). Jangan pernah kata sandi' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand intake" -l aju -d 'Nomor aju (boleh berulang)' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand intake" -l doc-type -d 'mis. "BC 2.0 PIB", "BC 3.0 PEB", "BC 1.1"' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand intake" -l doc-submitted-at -d 'Kapan dokumen diajukan' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand intake" -l attach -d 'Tangkapan layar atau berkas (boleh berulang)' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand intake" -l received-at -d 'Kapan informasi sampai di kantor (bawaan: sekarang; mundurkan ke waktu WhatsApp)' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand intake" -l from-message -d 'Baca pesan pelapor di FILE ("-": masukan standar) untuk isian yang tidak diberikan' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand intake" -l link-to -d 'Tautkan pengaduan baru ke tiket ini (atau ke tiket referensi ini) dalam langkah yang sama: satu gangguan, banyak pelapor. Bila tautan gagal, tidak ada yang disimpan' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand intake" -l db -d 'Basis data: sebuah berkas (bawaan: bcare-desk.db di folder data pengguna), atau URL postgres:// basis data yang dipakai bersama beberapa meja' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand intake" -l config -d 'Berkas konfigurasi; tanpa opsi ini: BCARE_DESK_CONFIG, lalu config.toml di folder konfigurasi pengguna, lalu /etc/bcare-desk/config.toml' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand intake" -l lang -d 'Bahasa pesan: id (Bahasa Indonesia) atau en' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand intake" -l json -d 'Keluaran untuk dibaca mesin (JSON)'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand intake" -s h -l help -d 'Tampilkan bantuan'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand list" -l limit -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand list" -l stage -d 'Tahap (received, forwarded, ticketed, handed_over, resolved, cancelled), atau "running" (jam SLA berjalan: bawaan), "open" atau "all"' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand list" -l category -d 'Hanya kategori ini' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand list" -l db -d 'Basis data: sebuah berkas (bawaan: bcare-desk.db di folder data pengguna), atau URL postgres:// basis data yang dipakai bersama beberapa meja' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand list" -l config -d 'Berkas konfigurasi; tanpa opsi ini: BCARE_DESK_CONFIG, lalu config.toml di folder konfigurasi pengguna, lalu /etc/bcare-desk/config.toml' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand list" -l lang -d 'Bahasa pesan: id (Bahasa Indonesia) atau en' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand list" -l overdue -d 'Hanya pengaduan yang lewat batas waktu SLA'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand list" -l json -d 'Keluaran untuk dibaca mesin (JSON)'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand list" -s h -l help -d 'Tampilkan bantuan'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand show" -l db -d 'Basis data: sebuah berkas (bawaan: bcare-desk.db di folder data pengguna), atau URL postgres:// basis data yang dipakai bersama beberapa meja' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand show" -l config -d 'Berkas konfigurasi; tanpa opsi ini: BCARE_DESK_CONFIG, lalu config.toml di folder konfigurasi pengguna, lalu /etc/bcare-desk/config.toml' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand show" -l lang -d 'Bahasa pesan: id (Bahasa Indonesia) atau en' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand show" -l json -d 'Keluaran untuk dibaca mesin (JSON)'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand show" -s h -l help -d 'Tampilkan bantuan'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand search" -l limit -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand search" -l db -d 'Basis data: sebuah berkas (bawaan: bcare-desk.db di folder data pengguna), atau URL postgres:// basis data yang dipakai bersama beberapa meja' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand search" -l config -d 'Berkas konfigurasi; tanpa opsi ini: BCARE_DESK_CONFIG, lalu config.toml di folder konfigurasi pengguna, lalu /etc/bcare-desk/config.toml' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand search" -l lang -d 'Bahasa pesan: id (Bahasa Indonesia) atau en' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand search" -l json -d 'Keluaran untuk dibaca mesin (JSON)'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand search" -s h -l help -d 'Tampilkan bantuan'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand forward" -l wait -d 'Kirim sekarang dan tunggu nomor tiket paling lama SECS detik (klien http/sim)' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand forward" -l db -d 'Basis data: sebuah berkas (bawaan: bcare-desk.db di folder data pengguna), atau URL postgres:// basis data yang dipakai bersama beberapa meja' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand forward" -l config -d 'Berkas konfigurasi; tanpa opsi ini: BCARE_DESK_CONFIG, lalu config.toml di folder konfigurasi pengguna, lalu /etc/bcare-desk/config.toml' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand forward" -l lang -d 'Bahasa pesan: id (Bahasa Indonesia) atau en' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand forward" -l json -d 'Keluaran untuk dibaca mesin (JSON)'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand forward" -s h -l help -d 'Tampilkan bantuan'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand ticket" -l db -d 'Basis data: sebuah berkas (bawaan: bcare-desk.db di folder data pengguna), atau URL postgres:// basis data yang dipakai bersama beberapa meja' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand ticket" -l config -d 'Berkas konfigurasi; tanpa opsi ini: BCARE_DESK_CONFIG, lalu config.toml di folder konfigurasi pengguna, lalu /etc/bcare-desk/config.toml' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand ticket" -l lang -d 'Bahasa pesan: id (Bahasa Indonesia) atau en' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand ticket" -l json -d 'Keluaran untuk dibaca mesin (JSON)'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand ticket" -s h -l help -d 'Tampilkan bantuan'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand link" -l ticket -d 'Nomor tiket' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand link" -l to -d 'Pengaduan lain yang membawa tiket itu' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand link" -l db -d 'Basis data: sebuah berkas (bawaan: bcare-desk.db di folder data pengguna), atau URL postgres:// basis data yang dipakai bersama beberapa meja' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand link" -l config -d 'Berkas konfigurasi; tanpa opsi ini: BCARE_DESK_CONFIG, lalu config.toml di folder konfigurasi pengguna, lalu /etc/bcare-desk/config.toml' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand link" -l lang -d 'Bahasa pesan: id (Bahasa Indonesia) atau en' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand link" -l json -d 'Keluaran untuk dibaca mesin (JSON)'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand link" -s h -l help -d 'Tampilkan bantuan'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand handover" -l ticket -d 'Semua pengaduan pada tiket ini yang sudah bertiket dan belum diserahkan' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand handover" -l via -d 'langsung, telepon, whatsapp, email, surat, lainnya' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand handover" -l late-reason -d 'Mengapa penyerahan lewat batas waktu (wajib bila lewat): bcare-down, applicant-unreachable, waiting-data, other' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand handover" -l note -d 'Catatan petugas tentang penyerahan (disimpan bersama alasannya)' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand handover" -l email -d 'E-mail pemohon, untuk --via email bila pengaduan belum punya (disimpan)' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand handover" -l phone -d 'Telepon pemohon, untuk --via whatsapp atau telepon bila pengaduan belum punya (disimpan)' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand handover" -l db -d 'Basis data: sebuah berkas (bawaan: bcare-desk.db di folder data pengguna), atau URL postgres:// basis data yang dipakai bersama beberapa meja' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand handover" -l config -d 'Berkas konfigurasi; tanpa opsi ini: BCARE_DESK_CONFIG, lalu config.toml di folder konfigurasi pengguna, lalu /etc/bcare-desk/config.toml' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand handover" -l lang -d 'Bahasa pesan: id (Bahasa Indonesia) atau en' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand handover" -l json -d 'Keluaran untuk dibaca mesin (JSON)'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand handover" -s h -l help -d 'Tampilkan bantuan'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand resolve" -l note -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand resolve" -l ticket -d 'Semua pengaduan pada tiket ini yang sudah diserahkan dan belum selesai' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand resolve" -l db -d 'Basis data: sebuah berkas (bawaan: bcare-desk.db di folder data pengguna), atau URL postgres:// basis data yang dipakai bersama beberapa meja' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand resolve" -l config -d 'Berkas konfigurasi; tanpa opsi ini: BCARE_DESK_CONFIG, lalu config.toml di folder konfigurasi pengguna, lalu /etc/bcare-desk/config.toml' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand resolve" -l lang -d 'Bahasa pesan: id (Bahasa Indonesia) atau en' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand resolve" -l json -d 'Keluaran untuk dibaca mesin (JSON)'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand resolve" -s h -l help -d 'Tampilkan bantuan'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand cancel" -l reason -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand cancel" -l db -d 'Basis data: sebuah berkas (bawaan: bcare-desk.db di folder data pengguna), atau URL postgres:// basis data yang dipakai bersama beberapa meja' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand cancel" -l config -d 'Berkas konfigurasi; tanpa opsi ini: BCARE_DESK_CONFIG, lalu config.toml di folder konfigurasi pengguna, lalu /etc/bcare-desk/config.toml' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand cancel" -l lang -d 'Bahasa pesan: id (Bahasa Indonesia) atau en' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand cancel" -l json -d 'Keluaran untuk dibaca mesin (JSON)'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand cancel" -s h -l help -d 'Tampilkan bantuan'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand sla" -l start -d 'RFC 3339, atau waktu setempat WITA seperti "2026-11-27 15:30"' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand sla" -l hours -d 'Jatah dalam jam kerja' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand sla" -l db -d 'Basis data: sebuah berkas (bawaan: bcare-desk.db di folder data pengguna), atau URL postgres:// basis data yang dipakai bersama beberapa meja' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand sla" -l config -d 'Berkas konfigurasi; tanpa opsi ini: BCARE_DESK_CONFIG, lalu config.toml di folder konfigurasi pengguna, lalu /etc/bcare-desk/config.toml' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand sla" -l lang -d 'Bahasa pesan: id (Bahasa Indonesia) atau en' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand sla" -l json -d 'Keluaran untuk dibaca mesin (JSON)'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand sla" -s h -l help -d 'Tampilkan bantuan'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand check" -l db -d 'Basis data: sebuah berkas (bawaan: bcare-desk.db di folder data pengguna), atau URL postgres:// basis data yang dipakai bersama beberapa meja' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand check" -l config -d 'Berkas konfigurasi; tanpa opsi ini: BCARE_DESK_CONFIG, lalu config.toml di folder konfigurasi pengguna, lalu /etc/bcare-desk/config.toml' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand check" -l lang -d 'Bahasa pesan: id (Bahasa Indonesia) atau en' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand check" -l json -d 'Keluaran untuk dibaca mesin (JSON)'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand check" -s h -l help -d 'Tampilkan bantuan'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand backup" -l db -d 'Basis data: sebuah berkas (bawaan: bcare-desk.db di folder data pengguna), atau URL postgres:// basis data yang dipakai bersama beberapa meja' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand backup" -l config -d 'Berkas konfigurasi; tanpa opsi ini: BCARE_DESK_CONFIG, lalu config.toml di folder konfigurasi pengguna, lalu /etc/bcare-desk/config.toml' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand backup" -l lang -d 'Bahasa pesan: id (Bahasa Indonesia) atau en' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand backup" -l json -d 'Keluaran untuk dibaca mesin (JSON)'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand backup" -s h -l help -d 'Tampilkan bantuan'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand demo" -l count -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand demo" -l seed -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand demo" -l db -d 'Basis data: sebuah berkas (bawaan: bcare-desk.db di folder data pengguna), atau URL postgres:// basis data yang dipakai bersama beberapa meja' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand demo" -l config -d 'Berkas konfigurasi; tanpa opsi ini: BCARE_DESK_CONFIG, lalu config.toml di folder konfigurasi pengguna, lalu /etc/bcare-desk/config.toml' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand demo" -l lang -d 'Bahasa pesan: id (Bahasa Indonesia) atau en' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand demo" -l force -d 'Tambahkan contoh walaupun basis data berisi pengaduan yang bukan buatan demo'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand demo" -l json -d 'Keluaran untuk dibaca mesin (JSON)'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand demo" -s h -l help -d 'Tampilkan bantuan'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand config" -l db -d 'Basis data: sebuah berkas (bawaan: bcare-desk.db di folder data pengguna), atau URL postgres:// basis data yang dipakai bersama beberapa meja' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand config" -l config -d 'Berkas konfigurasi; tanpa opsi ini: BCARE_DESK_CONFIG, lalu config.toml di folder konfigurasi pengguna, lalu /etc/bcare-desk/config.toml' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand config" -l lang -d 'Bahasa pesan: id (Bahasa Indonesia) atau en' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand config" -l json -d 'Keluaran untuk dibaca mesin (JSON)'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand config" -s h -l help -d 'Tampilkan bantuan'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand calendar; and not __fish_seen_subcommand_from read add remove history" -l year -d 'Tahun yang hari liburnya ditampilkan (bawaan: tahun ini)' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand calendar; and not __fish_seen_subcommand_from read add remove history" -l db -d 'Basis data: sebuah berkas (bawaan: bcare-desk.db di folder data pengguna), atau URL postgres:// basis data yang dipakai bersama beberapa meja' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand calendar; and not __fish_seen_subcommand_from read add remove history" -l config -d 'Berkas konfigurasi; tanpa opsi ini: BCARE_DESK_CONFIG, lalu config.toml di folder konfigurasi pengguna, lalu /etc/bcare-desk/config.toml' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand calendar; and not __fish_seen_subcommand_from read add remove history" -l lang -d 'Bahasa pesan: id (Bahasa Indonesia) atau en' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand calendar; and not __fish_seen_subcommand_from read add remove history" -l export -d 'Cetak berkas kalender bawaan, sebagai awal kalender Anda sendiri'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand calendar; and not __fish_seen_subcommand_from read add remove history" -l json -d 'Keluaran untuk dibaca mesin (JSON)'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand calendar; and not __fish_seen_subcommand_from read add remove history" -s h -l help -d 'Tampilkan bantuan'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand calendar; and not __fish_seen_subcommand_from read add remove history" -f -a "read" -d 'Baca pengumuman SKB hari libur dan cuti bersama setahun (teks tempelan, FILE atau "-" untuk masukan standar) dan tampilkan hasilnya; --apply menyimpannya'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand calendar; and not __fish_seen_subcommand_from read add remove history" -f -a "add" -d 'Tambah satu hari libur (mis. cuti bersama yang ditetapkan di tengah tahun): DATE berbentuk YYYY-MM-DD'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand calendar; and not __fish_seen_subcommand_from read add remove history" -f -a "remove" -d 'Batalkan satu hari libur: tanggal itu kembali hari kerja'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand calendar; and not __fish_seen_subcommand_from read add remove history" -f -a "history" -d 'Setiap perubahan hari libur di basis data: kapan, siapa, apa'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand calendar; and __fish_seen_subcommand_from read" -l year -d 'Tahun untuk tanggal yang ditulis tanpa tahun (bila tidak ada judul yang menyebutnya)' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand calendar; and __fish_seen_subcommand_from read" -l db -d 'Basis data: sebuah berkas (bawaan: bcare-desk.db di folder data pengguna), atau URL postgres:// basis data yang dipakai bersama beberapa meja' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand calendar; and __fish_seen_subcommand_from read" -l config -d 'Berkas konfigurasi; tanpa opsi ini: BCARE_DESK_CONFIG, lalu config.toml di folder konfigurasi pengguna, lalu /etc/bcare-desk/config.toml' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand calendar; and __fish_seen_subcommand_from read" -l lang -d 'Bahasa pesan: id (Bahasa Indonesia) atau en' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand calendar; and __fish_seen_subcommand_from read" -l apply -d 'Terapkan hasilnya: menggantikan hari libur tahun itu di setiap meja basis data ini, dan batas waktu yang berjalan ikut berubah'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand calendar; and __fish_seen_subcommand_from read" -l json -d 'Keluaran untuk dibaca mesin (JSON)'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand calendar; and __fish_seen_subcommand_from read" -s h -l help -d 'Tampilkan bantuan'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand calendar; and __fish_seen_subcommand_from add" -l db -d 'Basis data: sebuah berkas (bawaan: bcare-desk.db di folder data pengguna), atau URL postgres:// basis data yang dipakai bersama beberapa meja' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand calendar; and __fish_seen_subcommand_from add" -l config -d 'Berkas konfigurasi; tanpa opsi ini: BCARE_DESK_CONFIG, lalu config.toml di folder konfigurasi pengguna, lalu /etc/bcare-desk/config.toml' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand calendar; and __fish_seen_subcommand_from add" -l lang -d 'Bahasa pesan: id (Bahasa Indonesia) atau en' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand calendar; and __fish_seen_subcommand_from add" -l cuti -d 'Hari itu cuti bersama, bukan libur nasional'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand calendar; and __fish_seen_subcommand_from add" -l json -d 'Keluaran untuk dibaca mesin (JSON)'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand calendar; and __fish_seen_subcommand_from add" -s h -l help -d 'Tampilkan bantuan'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand calendar; and __fish_seen_subcommand_from remove" -l db -d 'Basis data: sebuah berkas (bawaan: bcare-desk.db di folder data pengguna), atau URL postgres:// basis data yang dipakai bersama beberapa meja' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand calendar; and __fish_seen_subcommand_from remove" -l config -d 'Berkas konfigurasi; tanpa opsi ini: BCARE_DESK_CONFIG, lalu config.toml di folder konfigurasi pengguna, lalu /etc/bcare-desk/config.toml' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand calendar; and __fish_seen_subcommand_from remove" -l lang -d 'Bahasa pesan: id (Bahasa Indonesia) atau en' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand calendar; and __fish_seen_subcommand_from remove" -l json -d 'Keluaran untuk dibaca mesin (JSON)'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand calendar; and __fish_seen_subcommand_from remove" -s h -l help -d 'Tampilkan bantuan'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand calendar; and __fish_seen_subcommand_from history" -l db -d 'Basis data: sebuah berkas (bawaan: bcare-desk.db di folder data pengguna), atau URL postgres:// basis data yang dipakai bersama beberapa meja' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand calendar; and __fish_seen_subcommand_from history" -l config -d 'Berkas konfigurasi; tanpa opsi ini: BCARE_DESK_CONFIG, lalu config.toml di folder konfigurasi pengguna, lalu /etc/bcare-desk/config.toml' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand calendar; and __fish_seen_subcommand_from history" -l lang -d 'Bahasa pesan: id (Bahasa Indonesia) atau en' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand calendar; and __fish_seen_subcommand_from history" -l json -d 'Keluaran untuk dibaca mesin (JSON)'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand calendar; and __fish_seen_subcommand_from history" -s h -l help -d 'Tampilkan bantuan'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand outbox; and not __fish_seen_subcommand_from retry deliver" -l db -d 'Basis data: sebuah berkas (bawaan: bcare-desk.db di folder data pengguna), atau URL postgres:// basis data yang dipakai bersama beberapa meja' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand outbox; and not __fish_seen_subcommand_from retry deliver" -l config -d 'Berkas konfigurasi; tanpa opsi ini: BCARE_DESK_CONFIG, lalu config.toml di folder konfigurasi pengguna, lalu /etc/bcare-desk/config.toml' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand outbox; and not __fish_seen_subcommand_from retry deliver" -l lang -d 'Bahasa pesan: id (Bahasa Indonesia) atau en' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand outbox; and not __fish_seen_subcommand_from retry deliver" -l json -d 'Keluaran untuk dibaca mesin (JSON)'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand outbox; and not __fish_seen_subcommand_from retry deliver" -s h -l help -d 'Tampilkan bantuan'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand outbox; and not __fish_seen_subcommand_from retry deliver" -f -a "retry" -d 'Kirim sekarang laporan yang menunggu'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand outbox; and not __fish_seen_subcommand_from retry deliver" -f -a "deliver" -d 'Jalankan pekerja BCare tanpa layar (meja belakang, atau server di samping basis data bersama): mengirim laporan yang menunggu dan mengikuti tiket, mencetak tiap tiket yang datang; berjalan sampai dihentikan, atau selama SECS detik'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand outbox; and __fish_seen_subcommand_from retry" -l db -d 'Basis data: sebuah berkas (bawaan: bcare-desk.db di folder data pengguna), atau URL postgres:// basis data yang dipakai bersama beberapa meja' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand outbox; and __fish_seen_subcommand_from retry" -l config -d 'Berkas konfigurasi; tanpa opsi ini: BCARE_DESK_CONFIG, lalu config.toml di folder konfigurasi pengguna, lalu /etc/bcare-desk/config.toml' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand outbox; and __fish_seen_subcommand_from retry" -l lang -d 'Bahasa pesan: id (Bahasa Indonesia) atau en' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand outbox; and __fish_seen_subcommand_from retry" -l json -d 'Keluaran untuk dibaca mesin (JSON)'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand outbox; and __fish_seen_subcommand_from retry" -s h -l help -d 'Tampilkan bantuan'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand outbox; and __fish_seen_subcommand_from deliver" -l for -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand outbox; and __fish_seen_subcommand_from deliver" -l db -d 'Basis data: sebuah berkas (bawaan: bcare-desk.db di folder data pengguna), atau URL postgres:// basis data yang dipakai bersama beberapa meja' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand outbox; and __fish_seen_subcommand_from deliver" -l config -d 'Berkas konfigurasi; tanpa opsi ini: BCARE_DESK_CONFIG, lalu config.toml di folder konfigurasi pengguna, lalu /etc/bcare-desk/config.toml' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand outbox; and __fish_seen_subcommand_from deliver" -l lang -d 'Bahasa pesan: id (Bahasa Indonesia) atau en' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand outbox; and __fish_seen_subcommand_from deliver" -l json -d 'Keluaran untuk dibaca mesin (JSON)'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand outbox; and __fish_seen_subcommand_from deliver" -s h -l help -d 'Tampilkan bantuan'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand simulate" -l listen -d 'Alamat yang didengarkan; hanya loopback kecuali --public' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand simulate" -l fail-rate -d 'Bagian permintaan yang dijawab 503, antara 0.0 dan 1.0' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand simulate" -l delay-ms -d 'Milidetik menunggu sebelum tiap jawaban' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand simulate" -l seed -d 'Benih untuk nomor tiket dan kegagalan' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand simulate" -l resolve-after -d 'Selesaikan tiap tiket SECS detik setelah terbit ("in progress" di tengahnya; 0: tidak pernah), agar seluruh hidup tiket dapat diikuti' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand simulate" -l token-hours -d 'Dengan --ceisacare: berapa jam token pelatihan yang dicetak berlaku' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand simulate" -l db -d 'Basis data: sebuah berkas (bawaan: bcare-desk.db di folder data pengguna), atau URL postgres:// basis data yang dipakai bersama beberapa meja' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand simulate" -l config -d 'Berkas konfigurasi; tanpa opsi ini: BCARE_DESK_CONFIG, lalu config.toml di folder konfigurasi pengguna, lalu /etc/bcare-desk/config.toml' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand simulate" -l lang -d 'Bahasa pesan: id (Bahasa Indonesia) atau en' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand simulate" -l public -d 'Izinkan mendengarkan di alamat yang dapat dijangkau mesin lain'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand simulate" -l ceisacare -d 'Sajikan bentuk gateway CEISACare (daftar tiket, detail, 401 begitu token kedaluwarsa) dan formulir web di / tempat peserta pelatihan menempel lembarnya'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand simulate" -l json -d 'Keluaran untuk dibaca mesin (JSON)'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand simulate" -s h -l help -d 'Tampilkan bantuan'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand ceisacare; and not __fish_seen_subcommand_from token status" -l db -d 'Basis data: sebuah berkas (bawaan: bcare-desk.db di folder data pengguna), atau URL postgres:// basis data yang dipakai bersama beberapa meja' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand ceisacare; and not __fish_seen_subcommand_from token status" -l config -d 'Berkas konfigurasi; tanpa opsi ini: BCARE_DESK_CONFIG, lalu config.toml di folder konfigurasi pengguna, lalu /etc/bcare-desk/config.toml' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand ceisacare; and not __fish_seen_subcommand_from token status" -l lang -d 'Bahasa pesan: id (Bahasa Indonesia) atau en' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand ceisacare; and not __fish_seen_subcommand_from token status" -l json -d 'Keluaran untuk dibaca mesin (JSON)'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand ceisacare; and not __fish_seen_subcommand_from token status" -s h -l help -d 'Tampilkan bantuan'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand ceisacare; and not __fish_seen_subcommand_from token status" -f -a "token" -d 'Simpan token CEISACare (disalin setelah masuk dengan faktor kedua): ditempel di masukan standar, atau dibaca dari --file; ditulis ke berkasnya sendiri (0600)'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand ceisacare; and not __fish_seen_subcommand_from token status" -f -a "status" -d 'Apakah token CEISACare berlaku, dan sampai kapan (WITA)'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand ceisacare; and __fish_seen_subcommand_from token" -l file -d 'Baca token dari berkas ini, bukan dari masukan standar' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand ceisacare; and __fish_seen_subcommand_from token" -l db -d 'Basis data: sebuah berkas (bawaan: bcare-desk.db di folder data pengguna), atau URL postgres:// basis data yang dipakai bersama beberapa meja' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand ceisacare; and __fish_seen_subcommand_from token" -l config -d 'Berkas konfigurasi; tanpa opsi ini: BCARE_DESK_CONFIG, lalu config.toml di folder konfigurasi pengguna, lalu /etc/bcare-desk/config.toml' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand ceisacare; and __fish_seen_subcommand_from token" -l lang -d 'Bahasa pesan: id (Bahasa Indonesia) atau en' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand ceisacare; and __fish_seen_subcommand_from token" -l json -d 'Keluaran untuk dibaca mesin (JSON)'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand ceisacare; and __fish_seen_subcommand_from token" -s h -l help -d 'Tampilkan bantuan'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand ceisacare; and __fish_seen_subcommand_from status" -l db -d 'Basis data: sebuah berkas (bawaan: bcare-desk.db di folder data pengguna), atau URL postgres:// basis data yang dipakai bersama beberapa meja' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand ceisacare; and __fish_seen_subcommand_from status" -l config -d 'Berkas konfigurasi; tanpa opsi ini: BCARE_DESK_CONFIG, lalu config.toml di folder konfigurasi pengguna, lalu /etc/bcare-desk/config.toml' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand ceisacare; and __fish_seen_subcommand_from status" -l lang -d 'Bahasa pesan: id (Bahasa Indonesia) atau en' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand ceisacare; and __fish_seen_subcommand_from status" -l json -d 'Keluaran untuk dibaca mesin (JSON)'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand ceisacare; and __fish_seen_subcommand_from status" -s h -l help -d 'Tampilkan bantuan'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand read-message" -l db -d 'Basis data: sebuah berkas (bawaan: bcare-desk.db di folder data pengguna), atau URL postgres:// basis data yang dipakai bersama beberapa meja' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand read-message" -l config -d 'Berkas konfigurasi; tanpa opsi ini: BCARE_DESK_CONFIG, lalu config.toml di folder konfigurasi pengguna, lalu /etc/bcare-desk/config.toml' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand read-message" -l lang -d 'Bahasa pesan: id (Bahasa Indonesia) atau en' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand read-message" -l json -d 'Keluaran untuk dibaca mesin (JSON)'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand read-message" -s h -l help -d 'Tampilkan bantuan'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand report" -l month -d 'Sebulan, YYYY-MM (bawaan: bulan ini)' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand report" -l from -d 'Hari pertama, YYYY-MM-DD (dengan --to)' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand report" -l to -d 'Hari terakhir, YYYY-MM-DD, termasuk (dengan --from)' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand report" -l by -d 'Kelompok: category, channel, kind atau officer' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand report" -l csv -d 'Tulis satu baris per pengaduan ke berkas CSV ini' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand report" -l xlsx -d 'Tulis buku kerja untuk kepala seksi ke berkas .xlsx ini' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand report" -l bundle -d 'Tulis bundel periode ini untuk rekap Kanwil ke berkas ini (tanpa data pribadi)' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand report" -l db -d 'Basis data: sebuah berkas (bawaan: bcare-desk.db di folder data pengguna), atau URL postgres:// basis data yang dipakai bersama beberapa meja' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand report" -l config -d 'Berkas konfigurasi; tanpa opsi ini: BCARE_DESK_CONFIG, lalu config.toml di folder konfigurasi pengguna, lalu /etc/bcare-desk/config.toml' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand report" -l lang -d 'Bahasa pesan: id (Bahasa Indonesia) atau en' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand report" -l today -d 'Hari ini'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand report" -l week -d 'Minggu ini, Senin sampai Minggu'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand report" -l shift -d 'Yang diwarisi petugas berikutnya: pengaduan terbuka, outbox'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand report" -l json -d 'Keluaran untuk dibaca mesin (JSON)'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand report" -s h -l help -d 'Tampilkan bantuan'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand rollup" -l xlsx -d 'Tulis buku kerja Kanwil ke berkas .xlsx ini: satu lembar per kantor dan ringkasan dengan grafiknya' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand rollup" -l db -d 'Basis data: sebuah berkas (bawaan: bcare-desk.db di folder data pengguna), atau URL postgres:// basis data yang dipakai bersama beberapa meja' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand rollup" -l config -d 'Berkas konfigurasi; tanpa opsi ini: BCARE_DESK_CONFIG, lalu config.toml di folder konfigurasi pengguna, lalu /etc/bcare-desk/config.toml' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand rollup" -l lang -d 'Bahasa pesan: id (Bahasa Indonesia) atau en' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand rollup" -l json -d 'Keluaran untuk dibaca mesin (JSON)'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand rollup" -s h -l help -d 'Tampilkan bantuan'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand export" -l from -d 'Hari pertama penerimaan, YYYY-MM-DD (dengan --to; bawaan: semua pengaduan)' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand export" -l to -d 'Hari terakhir penerimaan, YYYY-MM-DD, termasuk' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand export" -l format -d 'csv, json atau xlsx' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand export" -l db -d 'Basis data: sebuah berkas (bawaan: bcare-desk.db di folder data pengguna), atau URL postgres:// basis data yang dipakai bersama beberapa meja' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand export" -l config -d 'Berkas konfigurasi; tanpa opsi ini: BCARE_DESK_CONFIG, lalu config.toml di folder konfigurasi pengguna, lalu /etc/bcare-desk/config.toml' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand export" -l lang -d 'Bahasa pesan: id (Bahasa Indonesia) atau en' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand export" -l redact -d 'Samarkan nama, telepon, e-mail, NPWP/NIB/NIP, user id, teks bebas dan petugas'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand export" -l json -d 'Keluaran untuk dibaca mesin (JSON)'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand export" -s h -l help -d 'Tampilkan bantuan'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand purge" -l db -d 'Basis data: sebuah berkas (bawaan: bcare-desk.db di folder data pengguna), atau URL postgres:// basis data yang dipakai bersama beberapa meja' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand purge" -l config -d 'Berkas konfigurasi; tanpa opsi ini: BCARE_DESK_CONFIG, lalu config.toml di folder konfigurasi pengguna, lalu /etc/bcare-desk/config.toml' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand purge" -l lang -d 'Bahasa pesan: id (Bahasa Indonesia) atau en' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand purge" -l dry-run -d 'Hanya daftar yang akan dihapus'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand purge" -l json -d 'Keluaran untuk dibaca mesin (JSON)'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand purge" -s h -l help -d 'Tampilkan bantuan'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand migrate" -l to -d 'Basis data PostgreSQL yang diisi: postgres://pengguna@host/database (belum boleh berisi pengaduan)' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand migrate" -l from -d 'Berkas SQLite yang disalin (bawaan: berkas meja ini sendiri, --db)' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand migrate" -l db -d 'Basis data: sebuah berkas (bawaan: bcare-desk.db di folder data pengguna), atau URL postgres:// basis data yang dipakai bersama beberapa meja' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand migrate" -l config -d 'Berkas konfigurasi; tanpa opsi ini: BCARE_DESK_CONFIG, lalu config.toml di folder konfigurasi pengguna, lalu /etc/bcare-desk/config.toml' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand migrate" -l lang -d 'Bahasa pesan: id (Bahasa Indonesia) atau en' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand migrate" -l json -d 'Keluaran untuk dibaca mesin (JSON)'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand migrate" -s h -l help -d 'Tampilkan bantuan'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand incident" -l db -d 'Basis data: sebuah berkas (bawaan: bcare-desk.db di folder data pengguna), atau URL postgres:// basis data yang dipakai bersama beberapa meja' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand incident" -l config -d 'Berkas konfigurasi; tanpa opsi ini: BCARE_DESK_CONFIG, lalu config.toml di folder konfigurasi pengguna, lalu /etc/bcare-desk/config.toml' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand incident" -l lang -d 'Bahasa pesan: id (Bahasa Indonesia) atau en' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand incident" -l json -d 'Keluaran untuk dibaca mesin (JSON)'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand incident" -s h -l help -d 'Tampilkan bantuan'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand followup" -l status -d 'Status tiket seperti tampil di portal (mis. "in progress", "selesai")' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand followup" -l note -d 'Catatan Anda bersama status itu' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand followup" -l db -d 'Basis data: sebuah berkas (bawaan: bcare-desk.db di folder data pengguna), atau URL postgres:// basis data yang dipakai bersama beberapa meja' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand followup" -l config -d 'Berkas konfigurasi; tanpa opsi ini: BCARE_DESK_CONFIG, lalu config.toml di folder konfigurasi pengguna, lalu /etc/bcare-desk/config.toml' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand followup" -l lang -d 'Bahasa pesan: id (Bahasa Indonesia) atau en' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand followup" -l poll -d 'Tanyakan ke BCare sekarang setiap tiket di Dir. IKC dan cetak yang berubah (klien http)'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand followup" -l json -d 'Keluaran untuk dibaca mesin (JSON)'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand followup" -s h -l help -d 'Tampilkan bantuan'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand notify" -l ticket -d 'Semua pemohon pada tiket ini yang menunggu kabar' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand notify" -l via -d 'langsung, telepon, whatsapp, email, surat, lainnya (bawaan: saluran tempat nomor tiket masing-masing diserahkan)' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand notify" -l db -d 'Basis data: sebuah berkas (bawaan: bcare-desk.db di folder data pengguna), atau URL postgres:// basis data yang dipakai bersama beberapa meja' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand notify" -l config -d 'Berkas konfigurasi; tanpa opsi ini: BCARE_DESK_CONFIG, lalu config.toml di folder konfigurasi pengguna, lalu /etc/bcare-desk/config.toml' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand notify" -l lang -d 'Bahasa pesan: id (Bahasa Indonesia) atau en' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand notify" -l json -d 'Keluaran untuk dibaca mesin (JSON)'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand notify" -s h -l help -d 'Tampilkan bantuan'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand survey" -l answers -d 'Sembilan jawaban u1..u9, masing-masing 1–4 atau \'-\' bila tidak dijawab: 4,3,4,-,4,4,4,3,4' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand survey" -l db -d 'Basis data: sebuah berkas (bawaan: bcare-desk.db di folder data pengguna), atau URL postgres:// basis data yang dipakai bersama beberapa meja' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand survey" -l config -d 'Berkas konfigurasi; tanpa opsi ini: BCARE_DESK_CONFIG, lalu config.toml di folder konfigurasi pengguna, lalu /etc/bcare-desk/config.toml' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand survey" -l lang -d 'Bahasa pesan: id (Bahasa Indonesia) atau en' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand survey" -l json -d 'Keluaran untuk dibaca mesin (JSON)'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand survey" -s h -l help -d 'Tampilkan bantuan'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand grant" -l db -d 'Basis data: sebuah berkas (bawaan: bcare-desk.db di folder data pengguna), atau URL postgres:// basis data yang dipakai bersama beberapa meja' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand grant" -l config -d 'Berkas konfigurasi; tanpa opsi ini: BCARE_DESK_CONFIG, lalu config.toml di folder konfigurasi pengguna, lalu /etc/bcare-desk/config.toml' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand grant" -l lang -d 'Bahasa pesan: id (Bahasa Indonesia) atau en' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand grant" -l json -d 'Keluaran untuk dibaca mesin (JSON)'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand grant" -s h -l help -d 'Tampilkan bantuan'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand revoke" -l db -d 'Basis data: sebuah berkas (bawaan: bcare-desk.db di folder data pengguna), atau URL postgres:// basis data yang dipakai bersama beberapa meja' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand revoke" -l config -d 'Berkas konfigurasi; tanpa opsi ini: BCARE_DESK_CONFIG, lalu config.toml di folder konfigurasi pengguna, lalu /etc/bcare-desk/config.toml' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand revoke" -l lang -d 'Bahasa pesan: id (Bahasa Indonesia) atau en' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand revoke" -l json -d 'Keluaran untuk dibaca mesin (JSON)'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand revoke" -s h -l help -d 'Tampilkan bantuan'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand manpage" -l db -d 'Basis data: sebuah berkas (bawaan: bcare-desk.db di folder data pengguna), atau URL postgres:// basis data yang dipakai bersama beberapa meja' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand manpage" -l config -d 'Berkas konfigurasi; tanpa opsi ini: BCARE_DESK_CONFIG, lalu config.toml di folder konfigurasi pengguna, lalu /etc/bcare-desk/config.toml' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand manpage" -l lang -d 'Bahasa pesan: id (Bahasa Indonesia) atau en' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand manpage" -l json -d 'Keluaran untuk dibaca mesin (JSON)'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand manpage" -s h -l help -d 'Tampilkan bantuan'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand completions" -l db -d 'Basis data: sebuah berkas (bawaan: bcare-desk.db di folder data pengguna), atau URL postgres:// basis data yang dipakai bersama beberapa meja' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand completions" -l config -d 'Berkas konfigurasi; tanpa opsi ini: BCARE_DESK_CONFIG, lalu config.toml di folder konfigurasi pengguna, lalu /etc/bcare-desk/config.toml' -r -F
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand completions" -l lang -d 'Bahasa pesan: id (Bahasa Indonesia) atau en' -r
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand completions" -l json -d 'Keluaran untuk dibaca mesin (JSON)'
complete -c bcare-desk -n "__fish_bcare_desk_using_subcommand completions" -s h -l help -d 'Tampilkan bantuan'
