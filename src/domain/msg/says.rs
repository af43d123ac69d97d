//! The catalog of the command line, the desk's errors and the domain's messages.
//! The screen's own entries live in `tui::i18n`, built by the same macro.

use super::catalog;

catalog! {
    enum M;

    // Stages, short (a list column).
    StageReceived => "diterima", "received";
    StageForwarded => "diteruskan", "forwarded";
    StageTicketed => "bertiket", "ticketed";
    StageHandedOver => "diserahkan", "handed over";
    StageResolved => "selesai", "resolved";
    StageCancelled => "batal", "cancelled";

    // Event kinds of the audit log.
    EvIntake => "Diterima", "Received";
    EvForward => "Diteruskan ke BCare", "Forwarded to BCare";
    EvTicket => "Nomor tiket dicatat", "Ticket number recorded";
    EvTicketCorrected => "Nomor tiket dikoreksi", "Ticket number corrected";
    EvBcareTicket => "Nomor dari BCare", "Number from BCare";
    EvLink => "Ditautkan ke tiket", "Linked to a ticket";
    EvHandover => "Diserahkan ke pemohon", "Handed over";
    EvResolve => "Diselesaikan", "Resolved";
    EvCancel => "Dibatalkan", "Cancelled";
    EvNotified => "Pemohon dikabari", "Applicant notified";
    EvBcareStatus => "Status dari BCare", "Status from BCare";
    EvBcareStep => "Langkah di BCare", "Step at BCare";
    EvBcareAnswer => "Jawaban Dir. IKC", "Dir. IKC's answer";
    EvPurged => "Data pribadi dihapus", "Personal data purged";

    // Notes the desk writes itself into the log.
    NoteClient => "klien {}", "client {}";
    NoteVia => "lewat {}", "via {}";
    NoteTicketFrom => "nomor {} dari {}", "number {} from {}";
    NoteTicketBcare => "nomor {} dari BCare ({})", "number {} from BCare ({})";
    NoteTicket => "nomor {}", "number {}";

    // Delivery states of the outbox.
    DeliveryPending => "menunggu", "waiting";
    DeliveryFailed => "gagal", "failed";
    DeliverySent => "terkirim", "sent";
    DeliveryLine => "{} — {}× dicoba, berikutnya {}", "{} — tried {}×, next {}";
    DeliveryLineSent => "{} — {}× dicoba", "{} — tried {}×";
    DeliveryLineHeld => "{} — {}× dicoba, tidak dicoba lagi sendiri (bcare-desk outbox retry {})", "{} — tried {}×, not tried again by itself (bcare-desk outbox retry {})";
    BcareSaid => "BCare: {}", "BCare: {}";

    // The applicant's satisfaction survey (SKM).
    NotifiedMany => "{} pemohon dikabari; pemberitahuan dicatat", "{} applicant(s) told; notices recorded";
    NoneOwedNotice => "tidak ada pemohon di tiket {} yang menunggu kabar selesai; tidak ada yang diubah", "no applicant on ticket {} is owed the notice; nothing was changed";
    SkmNine => "jawaban SKM ada sembilan (u1–u9), masing-masing 1–4 atau '-'; yang diberikan {}", "SKM takes nine answers (u1–u9), each 1–4 or '-'; given {}";
    SkmScore => "{}: jawaban {} — nilai SKM 1–4, atau '-' bila tidak dijawab", "{}: answer {} — an SKM score is 1–4, or '-' when unanswered";
    SkmNone => "tidak ada unsur yang dijawab; catat paling tidak satu", "no element answered; record at least one";
    SkmNotYet => "{} masih {}: survei SKM ditanyakan setelah diserahkan atau selesai", "{} is still {}: the SKM survey is asked once handed over or resolved";
    SkmRecorded => "{}: survei SKM dicatat ({})", "{}: SKM survey recorded ({})";
    RptSkm => "SKM: {} responden · IKM {} (mutu {})", "SKM: {} respondents · IKM {} (grade {})";
    EvSurvey => "Survei kepuasan (SKM)", "Satisfaction survey (SKM)";

    // Field names, as the form names them.
    FieldKind => "Jenis pemohon", "Applicant kind";
    FieldName => "Nama", "Name";
    FieldNip => "NIP", "NIP";
    FieldOrg => "Perusahaan", "Company";
    FieldNpwp => "NPWP/NITKU/NIB", "NPWP/NITKU/NIB";
    FieldNib => "NIB", "NIB";
    FieldPhone => "Telepon", "Phone";
    FieldEmail => "Email", "Email";
    FieldChannel => "Saluran", "Channel";
    FieldCategory => "Kategori", "Category";
    FieldSubject => "Perihal", "Subject";
    FieldDescription => "Uraian masalah", "Description";
    FieldUserId => "User ID", "User ID";
    FieldAju => "Nomor aju", "Nomor aju";
    FieldDocType => "Jenis dokumen", "Document type";
    FieldDocStatus => "Status dokumen", "Document status";
    FieldDocSubmitted => "Waktu kirim dokumen", "Document sent at";
    FieldAttachments => "Lampiran", "Attachments";
    FieldReceivedAt => "Diterima pada", "Received at";
    FieldTicketNo => "Nomor tiket", "Ticket number";
    FieldReference => "Referensi", "Reference";
    FieldStage => "Tahap", "Stage";

    // `show` and `list`.
    LabelMove => "Giliran", "Whose move";
    LabelProblem => "Masalah", "Problem";
    LabelApplicant => "Pemohon", "Applicant";
    LabelSubmitted => "Dikirim", "Submitted";
    LabelReceived => "Diterima", "Received";
    LabelDeadline => "Batas SLA", "SLA deadline";
    LabelSlaLeft => "Sisa SLA", "SLA left";
    LabelTicket => "Nomor tiket BCare", "BCare ticket";
    LabelLinked => "Ditautkan ke", "Linked to";
    LabelHandedOverVia => "Diserahkan via", "Handed over via";
    LabelResolution => "Catatan selesai", "Resolution";
    LabelCancelReason => "Alasan batal", "Cancelled because";
    LabelTimeline => "Riwayat:", "Timeline:";
    LabelDeliveries => "Kiriman BCare:", "BCare deliveries:";
    HeadReference => "REFERENSI", "REFERENCE";
    HeadStage => "TAHAP", "STAGE";
    HeadMove => "GILIRAN", "MOVE";
    HeadSlaLeft => "SISA SLA", "SLA LEFT";
    HeadCategory => "KAT", "CAT";
    HeadApplicant => "PEMOHON", "APPLICANT";
    HeadProblem => "MASALAH", "PROBLEM";
    HourUnit => "j", "h";
    SlaLate => "LEWAT", "BREACHED";
    SlaMet => "tepat", "met";
    SlaMissed => "terlambat", "late";
    SlaMetLong => "terpenuhi", "met";
    MoveNone => "-", "-";

    // Steps of the procedure from the command line.
    Received => "{} diterima; batas 2 jam kerja: {} WITA", "{} received; 2-working-hour deadline: {} WITA";
    LinkedToTicket => "{}: ditautkan ke tiket {}", "{}: linked to ticket {}";
    ForwardQueued => "{} diteruskan; laporan menunggu dikirim ke BCare ({})", "{} forwarded; the report waits to be sent to BCare ({})";
    CalendarGapDoctor => "KALENDER TIDAK MEMUAT DATA LIBUR TAHUN {}: batas SLA bisa salah. Masukkan pengumuman SKB libur nasional dan cuti bersama {} (bcare-desk calendar read).", "THE CALENDAR HAS NO HOLIDAY DATA FOR {}: SLA deadlines may be wrong. Enter the SKB announcement of the {} national holidays and cuti bersama (bcare-desk calendar read).";
    CalendarGap => "!! KALENDER TIDAK MEMUAT DATA LIBUR TAHUN {}: batas SLA menghitung hari libur sebagai hari kerja. Masukkan SKB (bcare-desk calendar read).", "!! THE CALENDAR HAS NO HOLIDAY DATA FOR {}: SLA deadlines count holidays as working days. Enter the SKB (bcare-desk calendar read).";
    CalendarFixedOnly => "!! {}: BARU LIBUR BERTANGGAL TETAP: batas SLA menghitung libur lain dan cuti bersama sebagai hari kerja. Masukkan SKB (bcare-desk calendar read).", "!! {}: ONLY FIXED-DATE HOLIDAYS: SLA deadlines count the other holidays and cuti bersama as working days. Enter the SKB (bcare-desk calendar read).";
    CalendarNextFixedOnly => "! {}: baru libur bertanggal tetap; masukkan SKB (bcare-desk calendar read)", "! {}: only fixed-date holidays; enter the SKB (bcare-desk calendar read)";
    CalendarNextMissing => "! {}: belum ada data libur; masukkan SKB (bcare-desk calendar read)", "! {}: no holidays yet; enter the SKB (bcare-desk calendar read)";
    // Reading an SKB announcement (`calendar read`, the calendar pane).
    ReadLine => "baris {}: {}", "line {}: {}";
    ReadWrongDay => "tertulis {}, padahal {} hari {}", "says {}, but {} is a {}";
    ReadDayCount => "{} nama hari untuk {} tanggal", "{} day names for {} dates";
    ReadNoYear => "tanggal tanpa tahun: beri --year atau judul bertahun", "a date without a year: give --year or a heading with the year";
    ReadNoSuchDate => "tanggal {} tidak ada", "there is no {}";
    ReadRepeated => "{} sudah ada di baris sebelumnya; yang pertama dipakai", "{} is already on an earlier line; the first is kept";
    ReadOtherYear => "{} di luar tahun {}; tidak dipakai", "{} is outside {}; left out";
    ReadNothing => "tidak ada tanggal libur yang terbaca", "no holiday dates could be read";
    CalNational => "libur nasional", "national holiday";
    CalCuti => "cuti bersama", "cuti bersama";
    CalApplied => "{} hari libur {} disimpan di basis data; batas SLA yang masih berjalan dihitung ulang", "{} days off of {} kept in the database; running SLA deadlines recomputed";
    CalAdded => "{} ({}) ditambahkan ke kalender", "{} ({}) added to the calendar";
    CalRemoved => "{} dihapus dari kalender", "{} removed from the calendar";
    CalNotThere => "{}: tidak ada hari libur pada tanggal ini", "{}: there is no day off on this date";
    CalAnnounced => "SKB {} diterapkan: {} hari", "SKB {} applied: {} days";
    CalProposed => "usulan saja; simpan dengan --apply", "a proposal only; store it with --apply";
    CalChangedAfterHandover => "! kalender diubah {} oleh {} ({}) setelah {} pengaduan periode ini diserahkan; menit kerjanya dihitung dengan kalender sekarang", "! the calendar was changed on {} by {} ({}) after {} complaints of this period were handed over; their working minutes are counted with today's calendar";
    StepTicket => " — tiket {}", " — ticket {}";
    StepSlaMet => " — SLA terpenuhi", " — SLA met";
    StepSlaLate => " — SLA terlambat", " — SLA late";
    // `outbox` and `forward --wait`.
    OutboxEmpty => "Tidak ada laporan yang menunggu dikirim ke BCare.", "Nothing waits to be sent to BCare.";
    OutboxHeadReference => "REFERENSI", "REFERENCE";
    OutboxHeadState => "STATUS", "STATE";
    OutboxHeadTries => "COBA", "TRIES";
    OutboxHeadNext => "BERIKUTNYA", "NEXT";
    OutboxHeadError => "GALAT TERAKHIR", "LAST ERROR";
    OutboxRetryHint => "— (outbox retry)", "— (outbox retry)";
    PortalFilesByHand => "[bcare] client = \"portal\": laporan diisi di portal, catat nomornya dengan `ticket`", "[bcare] client = \"portal\": file the report at the portal and record the number with `ticket`";
    NothingWaits => "{}: tidak ada laporan yang menunggu dikirim", "{}: no report waits to be sent";
    NotSent => "{}: laporan tidak terkirim ({}). Periksa, lalu kirim lagi dengan `bcare-desk outbox retry {}`", "{}: the report was not sent ({}). Check it, then send again with `bcare-desk outbox retry {}`";
    NoReportInOutbox => "{}: tidak ada laporan di outbox", "{}: no report in the outbox";
    TicketFromBcare => "{}: nomor tiket BCare {}", "{}: BCare ticket number {}";
    StillQueued => "{}: belum terkirim ({}); tetap di antrean, percobaan berikutnya {}", "{}: not sent yet ({}); stays queued, next attempt {}";
    PurgeFileBusy => "data sudah dihapus, tetapi berkas database sedang dipakai jendela lain (desk?); tutup lalu jalankan `bcare-desk purge` lagi untuk membersihkan berkasnya", "the data is removed, but the database file is in use by another window (the desk?); close it and run `bcare-desk purge` again to clear the file";
    PurgeServerBusy => "data sudah dihapus, tetapi sesi lain di server masih bisa melihat versi lamanya; jalankan `bcare-desk purge` lagi nanti untuk membersihkan tabelnya", "the data is removed, but another session on the server can still see its old versions; run `bcare-desk purge` again later to clear the tables";
    DeliveryFailedRetrying => "{}: belum terkirim ({}); dicoba lagi {}", "{}: not sent ({}); tried again at {}";

    // What a long command is doing, beside its progress bar.
    ProgressDemo => "menulis contoh pengaduan", "writing sample complaints";
    ProgressMigrate => "menyalin tabel {}", "copying table {}";
    ProgressExport => "membaca pengaduan", "reading complaints";
    ProgressExportWrite => "menulis {}", "writing {}";
    ProgressPurge => "menghapus data pribadi dan membersihkan berkas", "removing personal data and clearing the file";
    ProgressBackup => "menyalin database ke {}", "copying the database to {}";
    ProgressPoll => "menanyakan status tiket ke BCare", "asking BCare for ticket statuses";

    // `followup`.
    SameStatus => "{}: status sama dengan yang tercatat; tidak ada perubahan", "{}: same status as recorded; nothing changed";
    PollPortal => "--poll: klien portal tidak bisa menanyakan BCare; baca statusnya di {} lalu catat: bcare-desk followup REF --status TEKS", "--poll: the portal client cannot ask BCare; read the status at {} and record it: bcare-desk followup REF --status TEXT";
    PollSim => "--poll: simulator di dalam desk hanya mengenal tiketnya selama layar desk terbuka (pekerjanya yang menanyakan); untuk baris perintah jalankan `bcare-desk simulate` dengan klien http", "--poll: the in-desk simulator knows its tickets only while the desk screen runs (its worker polls them); for the command line run `bcare-desk simulate` with the http client";
    PollNoChange => "{} tiket ditanyakan; tidak ada perubahan", "{} tickets asked; nothing changed";
    PollRefused => "BCare menolak poll ({}); periksa [bcare] lalu ulangi", "BCare refused the poll ({}); check [bcare] and poll again";
    // CEISACare: the token and what is read back.
    TokenEmpty => "token kosong: tempel token CEISACare (JWT)", "the token is empty: paste the CEISACare token (a JWT)";
    TokenTooLong => "token terlalu panjang: yang ditempel bukan token CEISACare", "the token is too long: what was pasted is not a CEISACare token";
    TokenNotJwt => "token harus JWT: tiga bagian base64url dipisah titik", "the token must be a JWT: three base64url parts separated by dots";
    TokenNoExpiry => "token harus memuat masa berlaku (exp) pada bagian tengahnya", "the token must carry an expiry (exp) in its middle part";
    TokenAlreadyExpired => "token sudah kedaluwarsa: masuk lagi ke CEISACare dan salin token yang baru", "the token has already expired: log in to CEISACare again and copy the new one";
    TokenNotWritten => "berkas token {} tidak dapat ditulis ({})", "the token file {} cannot be written ({})";
    TokenPrompt => "Tempel token CEISACare lalu Enter (tidak ditampilkan):", "Paste the CEISACare token and press Enter (it is not shown):";
    TokenSaved => "Token CEISACare tersimpan di {}; berlaku sampai {}.", "CEISACare token saved in {}; valid until {}.";
    TokenValidUntil => "Token CEISACare ({}) berlaku sampai {}.", "The CEISACare token ({}) is valid until {}.";
    TokenExpiredSince => "Token CEISACare ({}) kedaluwarsa sejak {}: tempel yang baru dengan `bcare-desk ceisacare token`.", "The CEISACare token ({}) expired at {}: paste a new one with `bcare-desk ceisacare token`.";
    TokenMissing => "Belum ada token CEISACare ({} kosong, {} tidak ada): tempel dengan `bcare-desk ceisacare token`.", "No CEISACare token yet ({} unset, {} missing): paste one with `bcare-desk ceisacare token`.";
    TokenUnusable => "Token CEISACare ({}) bukan JWT yang terbaca: tempel yang baru dengan `bcare-desk ceisacare token`.", "The CEISACare token ({}) is not a readable JWT: paste a new one with `bcare-desk ceisacare token`.";
    TokenRefusedLine => "token kedaluwarsa: tempel yang baru dengan `bcare-desk ceisacare token`", "token expired: paste a new one with `bcare-desk ceisacare token`";
    TokenFromEnv => "variabel {}", "variable {}";
    TokenFromFile => "berkas {}", "file {}";
    NumberFromCeisacare => "{}: nomor tiket {} dari CEISACare", "{}: ticket number {} from CEISACare";
    OtherTicketNamesIt => "Perhatian: tiket {} di CEISACare menyebut {}, yang sudah bernomor {}; tidak diubah", "Warning: CEISACare ticket {} names {}, which has the number {}; nothing changed";
    CeisacareImported => "{} langkah dan jawaban Dir. IKC ditambahkan", "{} of Dir. IKC's steps and answers added";
    SimCeisacareToken => "Token pelatihan (tempel ke `bcare-desk ceisacare token`):", "Training token (paste into `bcare-desk ceisacare token`):";
    PollUnreachable => "BCare tidak menjawab ({}); tiket lainnya ditanyakan pada poll berikutnya", "BCare did not answer ({}); the other tickets are asked at the next poll";
    ResolvedOwed => "  SELESAI: pemohon perlu dikabari (bcare-desk notify)", "  RESOLVED: the applicant is owed a notice (bcare-desk notify)";

    // `incident` and bulk handover.
    StillWaiting => "! belum diserahkan, tetap menunggu: {} (bcare-desk handover REF… --via …)", "! not yet handed over, still waiting: {} (bcare-desk handover REF… --via …)";
    HandedOverMany => "{} pengaduan diserahkan lewat {} ({} melewati batas 2 jam kerja)", "{} complaints handed over by {} ({} past the 2-working-hour deadline)";
    IncidentHead => "tiket {} — dilaporkan lewat {} — {} penelepon, {} menunggu diserahkan, {} perlu dikabari", "ticket {} — filed with {} — {} callers, {} awaiting handover, {} owed a notice";
    IncReceived => "diterima", "received";
    IncHandedOver => "diserahkan", "handed over";
    IncNotified => "dikabari", "notified";
    IncOwed => "PERLU DIKABARI", "OWED A NOTICE";

    // `report`.
    ReportCalendarGap => "! kalender tidak memuat data libur tahun {}: menit kerja dan batas SLA periode ini bisa salah", "! the calendar has no holiday data for {}: this period's working minutes and deadlines may be wrong";

    // Reports, the shift handoff, follow-up lists, a read message.
    RptTitle => "Laporan Seksi PDAD", "PDAD section report";
    RptReceived => "diterima", "received";
    RptHandedOver => "diserahkan", "handed over";
    RptWithinSla => "tepat waktu", "within SLA";
    RptLate => "terlambat", "late";
    RptOpen => "masih terbuka", "open";
    RptCancelled => "dibatalkan", "cancelled";
    RptMedianMinutes => "median menit kerja", "median working minutes";
    RptMedianDays => "median hari kerja sampai selesai", "median working days to resolution";
    RptColReceived => "terima", "recv";
    RptColHanded => "serah", "handed";
    RptColInSla => "tepat", "in SLA";
    RptColLate => "lambat", "late";
    RptColOpen => "buka", "open";
    RptColCancelled => "batal", "cancel";
    RptLateList => "Terlambat:", "Late:";
    RptMinutes => "menit", "min";
    RptNoReason => "(tanpa alasan)", "(no reason)";
    ShiftTitle => "Serah terima shift", "Shift handoff";
    ShiftOpen => "Pengaduan terbuka", "Open complaints";
    ShiftDue => "batas", "due";
    WordTicket => "tiket", "ticket";
    ShiftOutbox => "Laporan menunggu dikirim ke BCare", "Reports waiting for BCare";
    ShiftAttempts => "percobaan", "attempts";
    ShiftNoticesOwed => "Pemberitahuan terutang ke pemohon (bcare-desk notify)", "Notices owed to applicants (bcare-desk notify)";
    ShiftToChase => "Tiket yang perlu ditanyakan ke Dir. IKC", "Tickets to chase at Dir. IKC";
    WordWorkingDays => "hari kerja", "working days";
    FuTitle => "Tiket di Dir. IKC", "Tickets at Dir. IKC";
    FuNoticesOwed => "pemberitahuan terutang", "notices owed";
    FuToChase => "perlu ditanyakan", "to chase";
    MsgCategory => "kategori", "category";
    MsgNothingFound => "tidak ada data yang dikenali dalam pesan\n", "nothing recognised in the message\n";
    MsgSecret => "! pesan memuat kata sandi atau kode OTP: hapus sebelum disimpan\n", "! the message carries a password or OTP code: remove it before saving\n";
    ShiftLate => " TERLAMBAT", " LATE";
    ByCategory => "Kategori", "category";
    ByChannel => "Saluran", "channel";
    ByKind => "Jenis pemohon", "kind";
    ByOfficer => "Petugas", "officer";
    FuNotify => "  KABARI PEMOHON", "  NOTIFY APPLICANT";
    FuChase => "  TANYAKAN", "  CHASE";
    FuChaseHint => "Tanyakan tiket bertanda TANYAKAN (lebih dari {} hari kerja) di {}", "Chase the tickets marked CHASE (open more than {} working days) at {}";
    MsgPhone => "telepon", "phone";
    MsgEmail => "email", "email";
    MsgNpwp => "NPWP/NITKU", "NPWP/NITKU";
    MsgNib => "NIB", "NIB";
    MsgNip => "NIP", "NIP";
    MsgAju => "nomor aju", "nomor aju";
    MsgUserId => "user id", "user id";
    MsgName => "nama", "name";
    MsgOrg => "perusahaan", "company";
    MsgDocType => "jenis dokumen", "document type";
    MsgChannel => "saluran", "channel";
    MsgSubject => "masalah", "subject";
    MsgReceived => "diterima", "received";
    MsgCategoryUnclear => "kategori tidak jelas: kata-katanya menunjuk ke {}; pilih sendiri\n", "category unclear: the words point to {}; choose one\n";
    PurgeWould => "{} pengaduan ditutup sebelum {} (retensi {} bulan) akan dihapus data pribadinya:", "{} complaints closed before {} (retention {} months) would lose their personal data:";
    PurgeDone => "data pribadi {} pengaduan dihapus ({} catatan riwayat dikosongkan, {} draf dihapus)", "personal data of {} complaints removed ({} event notes blanked, {} drafts removed)";

    // Where the data lives: a mistyped path is refused, never made into a database.
    NoDatabase => "{}: tidak ada database bcare-desk di sini; periksa --db atau BCARE_DESK_DB (database baru dibuat oleh `bcare-desk intake` atau layar desk)", "{}: no bcare-desk database there; check --db or BCARE_DESK_DB (a new one is made by `bcare-desk intake` or the desk screen)";
    NoDatabaseOnServer => "{}: database ini tidak memuat tabel bcare-desk; periksa nama database di --db atau [store] url (tabelnya dibuat oleh `bcare-desk intake`, `migrate` atau layar desk)", "{}: this database holds no bcare-desk tables; check the database name in --db or [store] url (they are made by `bcare-desk intake`, `migrate` or the desk screen)";
    NoFolder => "{}: folder ini tidak ada; periksa --db (desk tidak membuat folder selain folder datanya sendiri)", "{}: no such folder; check --db (the desk makes no folder but its own data folder)";
    NotAFile => "{}: bukan berkas biasa (perangkat atau folder); berikan nama berkas database dengan --db", "{}: not a regular file (a device or a folder); give a database file name with --db";
    NoConfigFile => "{}: berkas konfigurasi ini tidak ada; periksa --config atau BCARE_DESK_CONFIG (tanpa keduanya desk membaca berkas bawaannya)", "{}: no such config file; check --config or BCARE_DESK_CONFIG (without either the desk reads its default one)";
    ConfigFromFlag => "dari --config", "from --config";
    ConfigFromEnv => "dari BCARE_DESK_CONFIG", "from BCARE_DESK_CONFIG";
    ConfigFromUser => "berkas pengguna", "the user's file";
    ConfigFromSystem => "berkas seluruh sistem, untuk semua meja di PC ini", "the system-wide file, for every desk on this PC";
    ConfigFromDefaults => "tidak ada (juga tidak ada {}): nilai bawaan", "absent (and no {}): defaults";
    BadConnString => "{}: string koneksi PostgreSQL tidak terbaca ({}); tulis seperti host=/run/postgresql dbname=bcare atau postgres://pengguna@host/database", "{}: a PostgreSQL connection string that cannot be read ({}); write it like host=/run/postgresql dbname=bcare or postgres://user@host/database";
    ArgNotUtf8 => "{}: bukan teks UTF-8; ketik ulang nilainya dengan huruf biasa", "{}: not UTF-8 text; type the value again in plain characters";
    // SQLite's failures, said as what they mean.
    DiskIo => "disk gagal membaca atau menulis berkas (disk I/O error); periksa disk, dan bahwa berkas ini database di disk lokal. Tidak ada yang diubah", "the disk failed to read or write the file (disk I/O error); check the disk, and that this is a database on a local disk. Nothing was changed";
    DiskFull => "disk penuh; kosongkan ruang lalu coba lagi. Tidak ada yang diubah", "the disk is full; free some space and try again. Nothing was changed";
    CannotOpen => "berkas tidak bisa dibuka; periksa foldernya ada dan boleh ditulis", "the file cannot be opened; check that its folder exists and may be written";
    Busy => "sibuk: jendela atau program lain memegang database (membaca atau menulisnya) lebih dari {} detik; tidak ada yang diubah, tutup program itu lalu coba lagi", "busy: another window or program has held the database (reading or writing it) for over {} s; nothing was changed, close it and try again";

    // The desk's errors and the domain's texts.
    NoSuchComplaint => "tidak ada pengaduan dengan referensi ini", "no such complaint";
    ChangedElsewhere => "pengaduan baru saja diubah di jendela lain; coba lagi", "the complaint was just changed elsewhere; try again";
    NothingChanged => "{}: {}; tidak ada yang diubah", "{}: {}; nothing was changed";
    ReceiptTooEarly => "waktu terima paling awal {}; tertulis {}", "the time received must be on or after {}; got {}";
    ReceiptAhead => "waktu terima tidak boleh lebih dari {} menit di masa depan (jam desk {}); tertulis {}", "the time received cannot be more than {} minutes in the future (the desk's clock {}); got {}";
    ChannelOneOf => "saluran harus salah satu dari langsung, telepon, whatsapp, email, surat, lainnya", "channel must be one of langsung, telepon, whatsapp, email, surat, lainnya";
    LinkToItself => "pengaduan tidak bisa ditautkan ke dirinya sendiri", "a complaint cannot be linked to itself";
    NoTicketYet => "{} belum punya nomor tiket BCare", "{} has no BCare ticket number yet";
    NoneAwaitsHandover => "tidak ada pengaduan bertiket {} yang menunggu diserahkan", "no complaint on ticket {} waits for its handover";
    NoneHandedOverOpen => "tidak ada pengaduan bertiket {} yang sudah diserahkan dan belum selesai", "no complaint on ticket {} is handed over and not yet resolved";
    NoneOnTicket => "tidak ada pengaduan bertiket {}", "no complaint carries ticket {}";
    StatusNotAtDirIkc => "{} berada di tahap '{}'; status BCare dicatat untuk tiket yang sedang di Dir. IKC (bertiket atau diserahkan)", "{} is at stage '{}'; a BCare status is recorded for a ticket at Dir. IKC (ticketed or handed over)";
    NoticeNotResolved => "{} berada di tahap '{}'; pemberitahuan dikirim setelah Dir. IKC menyelesaikannya (selesai)", "{} is at stage '{}'; the notice is sent once Dir. IKC has solved it (resolved)";
    // The handover message to the applicant (langkah 4).
    GreetMorning => "Selamat pagi", "Good morning";
    GreetMidday => "Selamat siang", "Good day";
    GreetAfternoon => "Selamat sore", "Good afternoon";
    GreetEvening => "Selamat malam", "Good evening";
    SaluteEmployee => "{} rekan {}", "{} {}";
    SaluteServiceUser => "{} Bapak/Ibu {}", "{} {}";
    HandoverMessage => "{},\n\n\
                 Pengaduan Anda \"{}\" telah kami teruskan ke Direktorat Informasi \
                 Kepabeanan dan Cukai (Dir. IKC) melalui BCare.\n\
                 Nomor tiket BCare: {}\n\
                 Referensi kantor: {}\n\n\
                 Selanjutnya Dir. IKC akan menindaklanjuti tiket ini; mohon sebutkan nomor \
                 tiket bila menanyakan perkembangannya. Kami kabari bila ada tanggapan.\n\n\
                 Terima kasih.\nPDAD",
        "{},\n\n\
             Your complaint \"{}\" has been forwarded to the Directorate of Customs \
             and Excise Information (Dir. IKC) through BCare.\n\
             BCare ticket number: {}\n\
             Office reference: {}\n\n\
             Dir. IKC will now follow the ticket up; please quote the ticket number when \
             asking about it. We will let you know when they answer.\n\n\
             Thank you.\nPDAD";
    NoContact => "pemohon tidak meninggalkan {} untuk {}; serahkan lewat saluran lain", "the applicant left no {} for {}; hand it over by another channel";
    ContactPhone => "nomor telepon", "phone number";
    ContactEmail => "alamat e-mail", "e-mail address";
    // The notice that Dir. IKC solved the problem.
    DearEmployee => "Rekan {}", "Dear {}";
    DearServiceUser => "Bapak/Ibu {}", "Dear {}";
    ResolutionNotice => "{},\n\n\
                 Tiket BCare {} untuk pengaduan Anda \"{}\" telah diselesaikan \
                 oleh Direktorat Informasi Kepabeanan dan Cukai (Dir. IKC).\n\
                 Hasil: {}\n\
                 Referensi kantor: {}\n\n\
                 Bila masalahnya masih terjadi, mohon hubungi kami dengan menyebutkan nomor \
                 tiket tersebut.\n\nTerima kasih.\nPDAD",
        "{},\n\n\
             BCare ticket {} for your complaint \"{}\" has been solved by the \
             Directorate of Customs and Excise Information (Dir. IKC).\n\
             Outcome: {}\n\
             Office reference: {}\n\n\
             If the problem persists, please contact us quoting the ticket number.\n\n\
             Thank you.\nPDAD";
    NoComplaint => "pengaduan {} tidak ditemukan", "no complaint {}";
    OutcomeResolved => "selesai", "resolved";
    IllegalStep => "pengaduan berada di tahap '{}'; '{}' hanya boleh dari tahap {}. Yang bisa dilakukan sekarang: {}", "the complaint is at stage '{}'; '{}' is allowed only from {}. What can be done now: {}";
    NothingOpen => "tidak ada (pengaduan sudah ditutup)", "nothing (the complaint is closed)";
    // The sheet the officer files from at CEISACare's web form.
    SheetHead => "Isi formulir BCare di portal, kolom demi kolom:", "Fill in the BCare form at the portal, field by field:";
    SheetProposed => "Katalog dan masalah di bawah adalah usulan; pilih yang lain di formulir bila tidak cocok.", "The katalog and masalah below are proposals; choose others in the form if they do not fit.";
    SheetCopied => "Laporan sudah disalin ke clipboard.", "The report is on the clipboard.";
    SheetCopyIt => "Salin laporan di atas ke formulir.", "Copy the report above into the form.";
    SheetRecordWith => "Setelah nomor tiket terbit, catat dengan:", "When the ticket number comes, record it with:";
    SheetTicketNo => "NOMOR-TIKET", "TICKET-NO";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::msg::Lang;

    #[test]
    fn every_entry_has_both_languages_and_matching_placeholders() {
        for k in M::ALL {
            let (id, en) = (k.get(Lang::Id), k.get(Lang::En));
            assert!(!id.trim().is_empty(), "{k:?} has no Indonesian");
            assert!(!en.trim().is_empty(), "{k:?} has no English");
            assert_eq!(id.matches("{}").count(), en.matches("{}").count(), "{k:?}");
        }
    }
}
