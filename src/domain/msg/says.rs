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
    NoteClient(client) => "lewat {client}", "through {client}";
    NoteVia(channel) => "lewat {channel}", "via {channel}";
    NoteTicketFrom(ticket, source) => "nomor {ticket} dari {source}", "number {ticket} from {source}";
    NoteTicketBcare(ticket, client) => "nomor {ticket} dari BCare ({client})", "number {ticket} from BCare ({client})";
    ClientPortal => "portal", "portal";
    ClientHttp => "gateway", "gateway";
    ClientSim => "simulator", "simulator";
    ClientCeisacare => "CEISACare", "CEISACare";
    NoteBcareSame(client, ticket) => "BCare {client} memberi tiket {ticket} (sama dengan yang tercatat)", "BCare {client} gave ticket {ticket} (the same as recorded)";
    NoteBcareDiffers(client, ticket, recorded) => "BCare {client} memberi tiket {ticket}, berbeda dari {recorded} yang tercatat; tidak diubah", "BCare {client} gave ticket {ticket}, not the {recorded} recorded; left unchanged";
    NoteBcareAtStage(client, ticket, stage) => "BCare {client} memberi tiket {ticket} saat tahap {stage}; tidak diubah", "BCare {client} gave ticket {ticket} at stage {stage}; left unchanged";
    NotePurged(months) => "data pribadi dihapus: ditutup lebih dari {months} bulan (retensi)", "personal data removed: closed more than {months} months ago (retention)";
    NoteTicket(ticket) => "nomor {ticket}", "number {ticket}";

    // Delivery states of the outbox.
    DeliveryPending => "menunggu", "waiting";
    DeliveryFailed => "gagal", "failed";
    DeliverySent => "terkirim", "sent";
    DeliveryLine(state, tries, next) => "{state} — {tries}× dicoba, berikutnya {next}", "{state} — tried {tries}×, next {next}";
    DeliveryLineSent(state, tries) => "{state} — {tries}× dicoba", "{state} — tried {tries}×";
    DeliveryLineHeld(state, tries, reference) => "{state} — {tries}× dicoba, tidak dicoba lagi sendiri (bcare-desk outbox retry {reference})", "{state} — tried {tries}×, not tried again by itself (bcare-desk outbox retry {reference})";
    BcareSaid(answer) => "BCare: {answer}", "BCare: {answer}";

    // The applicant's satisfaction survey (SKM).
    NotifiedMany(count) => "{count} pemohon dikabari; pemberitahuan dicatat", "{count} applicant(s) told; notices recorded";
    NoneOwedNotice(ticket) => "tidak ada pemohon di tiket {ticket} yang menunggu kabar selesai; tidak ada yang diubah", "no applicant on ticket {ticket} is owed the notice; nothing was changed";
    SkmNine(given) => "jawaban SKM ada sembilan (u1–u9), masing-masing 1–4 atau '-'; yang diberikan {given}", "SKM takes nine answers (u1–u9), each 1–4 or '-'; given {given}";
    SkmScore(element, answer) => "{element}: jawaban {answer} — nilai SKM 1–4, atau '-' bila tidak dijawab", "{element}: answer {answer} — an SKM score is 1–4, or '-' when unanswered";
    SkmNone => "tidak ada unsur yang dijawab; catat paling tidak satu", "no element answered; record at least one";
    SkmNotYet(reference, stage) => "{reference} masih {stage}: survei SKM ditanyakan setelah diserahkan atau selesai", "{reference} is still {stage}: the SKM survey is asked once handed over or resolved";
    SkmRecorded(reference, answers) => "{reference}: survei SKM dicatat ({answers})", "{reference}: SKM survey recorded ({answers})";
    RptBackdated(steps) => "PERHATIAN: {steps} langkah dicatat dengan waktu yang berbeda lebih dari 5 menit dari saat ditulis (jam yang disetel); lihat lembar \"Waktu diubah\" di --xlsx", "WARNING: {steps} step(s) recorded at a time more than 5 minutes from when they were written (a set clock); see the \"Waktu diubah\" sheet of --xlsx";
    RptSkm(respondents, ikm, grade) => "SKM: {respondents} responden · IKM {ikm} (mutu {grade})", "SKM: {respondents} respondents · IKM {ikm} (grade {grade})";
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
    Received(reference, deadline) => "{reference} diterima; batas 2 jam kerja: {deadline} WITA", "{reference} received; 2-working-hour deadline: {deadline} WITA";
    LinkedToTicket(reference, ticket) => "{reference}: ditautkan ke tiket {ticket}", "{reference}: linked to ticket {ticket}";
    ForwardQueued(reference, client) => "{reference} diteruskan; laporan menunggu dikirim ke BCare ({client})", "{reference} forwarded; the report waits to be sent to BCare ({client})";
    CalendarGapDoctor(year) => "KALENDER TIDAK MEMUAT DATA LIBUR TAHUN {year}: batas SLA bisa salah. Masukkan pengumuman SKB libur nasional dan cuti bersama {year} (bcare-desk calendar read).", "THE CALENDAR HAS NO HOLIDAY DATA FOR {year}: SLA deadlines may be wrong. Enter the SKB announcement of the {year} national holidays and cuti bersama (bcare-desk calendar read).";
    CalendarGap(year) => "!! KALENDER TIDAK MEMUAT DATA LIBUR TAHUN {year}: batas SLA menghitung hari libur sebagai hari kerja. Masukkan SKB (bcare-desk calendar read).", "!! THE CALENDAR HAS NO HOLIDAY DATA FOR {year}: SLA deadlines count holidays as working days. Enter the SKB (bcare-desk calendar read).";
    CalendarFixedOnly(year) => "!! {year}: BARU LIBUR BERTANGGAL TETAP: batas SLA menghitung libur lain dan cuti bersama sebagai hari kerja. Masukkan SKB (bcare-desk calendar read).", "!! {year}: ONLY FIXED-DATE HOLIDAYS: SLA deadlines count the other holidays and cuti bersama as working days. Enter the SKB (bcare-desk calendar read).";
    CalendarNextFixedOnly(year) => "! {year}: baru libur bertanggal tetap; masukkan SKB (bcare-desk calendar read)", "! {year}: only fixed-date holidays; enter the SKB (bcare-desk calendar read)";
    CalendarNextMissing(year) => "! {year}: belum ada data libur; masukkan SKB (bcare-desk calendar read)", "! {year}: no holidays yet; enter the SKB (bcare-desk calendar read)";
    // Reading an SKB announcement (`calendar read`, the calendar pane).
    ReadLine(line, problem) => "baris {line}: {problem}", "line {line}: {problem}";
    ReadWrongDay(written, date, weekday) => "tertulis {written}, padahal {date} hari {weekday}", "says {written}, but {date} is a {weekday}";
    ReadDayCount(names, dates) => "{names} nama hari untuk {dates} tanggal", "{names} day names for {dates} dates";
    ReadNoYear => "tanggal tanpa tahun: beri --year atau judul bertahun", "a date without a year: give --year or a heading with the year";
    ReadNoSuchDate(date) => "tanggal {date} tidak ada", "there is no {date}";
    ReadRepeated(date) => "{date} sudah ada di baris sebelumnya; yang pertama dipakai", "{date} is already on an earlier line; the first is kept";
    ReadOtherYear(date, year) => "{date} di luar tahun {year}; tidak dipakai", "{date} is outside {year}; left out";
    ReadNothing => "tidak ada tanggal libur yang terbaca", "no holiday dates could be read";
    CalNational => "libur nasional", "national holiday";
    CalCuti => "cuti bersama", "cuti bersama";
    CalApplied(days, year) => "{days} hari libur {year} disimpan di basis data; batas SLA yang masih berjalan dihitung ulang", "{days} days off of {year} kept in the database; running SLA deadlines recomputed";
    CalAdded(date, name) => "{date} ({name}) ditambahkan ke kalender", "{date} ({name}) added to the calendar";
    CalRemoved(date) => "{date} dihapus dari kalender", "{date} removed from the calendar";
    CalNotThere(date) => "{date}: tidak ada hari libur pada tanggal ini", "{date}: there is no day off on this date";
    CalAnnounced(year, days) => "SKB {year} diterapkan: {days} hari", "SKB {year} applied: {days} days";
    CalProposed => "usulan saja; simpan dengan --apply", "a proposal only; store it with --apply";
    CalChangedAfterHandover(at, officer, desk, handed_over) => "! kalender diubah {at} oleh {officer} ({desk}) setelah {handed_over} pengaduan periode ini diserahkan; menit kerjanya dihitung dengan kalender sekarang", "! the calendar was changed on {at} by {officer} ({desk}) after {handed_over} complaints of this period were handed over; their working minutes are counted with today's calendar";
    StepTicket(ticket) => " — tiket {ticket}", " — ticket {ticket}";
    StepSlaMet => " — SLA terpenuhi", " — SLA met";
    StepSlaLate => " — SLA terlambat", " — SLA late";
    // BCare's failures, said by the desk (BCare's own words are carried as they came).
    BcareUnreachable(detail) => "BCare tidak terjangkau: {detail}", "BCare unreachable: {detail}";
    BcareConnectionLost(detail) => "sambungan ke BCare terputus: {detail}", "connection to BCare lost: {detail}";
    BcareTimeout(wait) => "BCare tidak menjawab dalam {wait}", "BCare did not answer within {wait}";
    BcareGarbled => "jawaban BCare rusak", "BCare's answer was malformed";
    BcareRejected(status, message) => "BCare menolak laporan (HTTP {status}): {message}", "BCare refused the report (HTTP {status}): {message}";
    BcareBusy(status) => "BCare sibuk atau mati (HTTP {status})", "BCare is busy or down (HTTP {status})";
    BcareRedirected(status, host) => "BCare menjawab HTTP {status} (dialihkan ke {host}); tidak diikuti: periksa [bcare] url", "BCare answered HTTP {status} (a redirect to {host}); not followed: check [bcare] url";
    BcareNowhere => "entah ke mana", "nowhere";
    BcareMalformed(detail) => "BCare menjawab sesuatu yang tak terduga: {detail}", "BCare answered something unexpected: {detail}";
    BcareUnsupported(client) => "klien {client} tidak bisa menanyakan tiket; periksa portal", "the {client} client cannot look up a ticket; check the portal";
    BcareTicketNumber(problem) => "nomor tiket {problem}", "ticket number {problem}";
    // `outbox` and `forward --wait`.
    OutboxEmpty => "Tidak ada laporan yang menunggu dikirim ke BCare.", "Nothing waits to be sent to BCare.";
    OutboxHeadReference => "REFERENSI", "REFERENCE";
    OutboxHeadState => "STATUS", "STATE";
    OutboxHeadTries => "COBA", "TRIES";
    OutboxHeadNext => "BERIKUTNYA", "NEXT";
    OutboxHeadError => "GALAT TERAKHIR", "LAST ERROR";
    OutboxRetryHint => "— (outbox retry)", "— (outbox retry)";
    PortalFilesByHand => "[bcare] client = \"portal\": laporan diisi di portal, catat nomornya dengan `ticket`", "[bcare] client = \"portal\": file the report at the portal and record the number with `ticket`";
    PortalSheetHead => "Isi formulir BCare di portal, kolom demi kolom:", "Fill in the BCare form at the portal, field by field:";
    PortalCopied => "Laporan sudah disalin ke clipboard.", "The report is on the clipboard.";
    PortalCopyIt => "Salin laporan di atas ke formulir.", "Copy the report above into the form.";
    PortalRecordWith => "Setelah nomor tiket terbit, catat dengan:", "When the ticket number comes, record it with:";
    NothingWaits(reference) => "{reference}: tidak ada laporan yang menunggu dikirim", "{reference}: no report waits to be sent";
    NotSent(reference, error) => "{reference}: laporan tidak terkirim ({error}). Periksa, lalu kirim lagi dengan `bcare-desk outbox retry {reference}`", "{reference}: the report was not sent ({error}). Check it, then send again with `bcare-desk outbox retry {reference}`";
    NoReportInOutbox(reference) => "{reference}: tidak ada laporan di outbox", "{reference}: no report in the outbox";
    TicketFromBcare(reference, ticket) => "{reference}: nomor tiket BCare {ticket}", "{reference}: BCare ticket number {ticket}";
    StillQueued(reference, error, next) => "{reference}: belum terkirim ({error}); tetap di antrean, percobaan berikutnya {next}", "{reference}: not sent yet ({error}); stays queued, next attempt {next}";
    PurgeFileBusy => "data sudah dihapus, tetapi berkas database sedang dipakai jendela lain (desk?); tutup lalu jalankan `bcare-desk purge` lagi untuk membersihkan berkasnya", "the data is removed, but the database file is in use by another window (the desk?); close it and run `bcare-desk purge` again to clear the file";
    PurgeServerBusy => "data sudah dihapus, tetapi sesi lain di server masih bisa melihat versi lamanya; jalankan `bcare-desk purge` lagi nanti untuk membersihkan tabelnya", "the data is removed, but another session on the server can still see its old versions; run `bcare-desk purge` again later to clear the tables";
    DeliveryFailedRetrying(reference, error, next) => "{reference}: belum terkirim ({error}); dicoba lagi {next}", "{reference}: not sent ({error}); tried again at {next}";

    // What a long command is doing, beside its progress bar.
    ProgressDemo => "menulis contoh pengaduan", "writing sample complaints";
    ProgressMigrate(table) => "menyalin tabel {table}", "copying table {table}";
    ProgressExport => "membaca pengaduan", "reading complaints";
    ProgressExportWrite(path) => "menulis {path}", "writing {path}";
    ProgressPurge => "menghapus data pribadi dan membersihkan berkas", "removing personal data and clearing the file";
    ProgressBackup(path) => "menyalin database ke {path}", "copying the database to {path}";
    ProgressPoll => "menanyakan status tiket ke BCare", "asking BCare for ticket statuses";

    // `followup`.
    SameStatus(reference) => "{reference}: status sama dengan yang tercatat; tidak ada perubahan", "{reference}: same status as recorded; nothing changed";
    PollPortal(portal) => "--poll: klien portal tidak bisa menanyakan BCare; baca statusnya di {portal} lalu catat: bcare-desk followup REF --status TEKS", "--poll: the portal client cannot ask BCare; read the status at {portal} and record it: bcare-desk followup REF --status TEXT";
    PollSim => "--poll: simulator di dalam desk hanya mengenal tiketnya selama layar desk terbuka (pekerjanya yang menanyakan); untuk baris perintah jalankan `bcare-desk simulate` dengan klien http", "--poll: the in-desk simulator knows its tickets only while the desk screen runs (its worker polls them); for the command line run `bcare-desk simulate` with the http client";
    PollNoChange(tickets) => "{tickets} tiket ditanyakan; tidak ada perubahan", "{tickets} tickets asked; nothing changed";
    PollRefused(error) => "BCare menolak poll ({error}); periksa [bcare] lalu ulangi", "BCare refused the poll ({error}); check [bcare] and poll again";
    PollUnreachable(error) => "BCare tidak menjawab ({error}); tiket lainnya ditanyakan pada poll berikutnya", "BCare did not answer ({error}); the other tickets are asked at the next poll";
    // CEISACare: the token and what is read back.
    TokenEmpty => "token kosong: tempel token CEISACare (JWT)", "the token is empty: paste the CEISACare token (a JWT)";
    TokenTooLong => "token terlalu panjang: yang ditempel bukan token CEISACare", "the token is too long: what was pasted is not a CEISACare token";
    TokenNotJwt => "token harus JWT: tiga bagian base64url dipisah titik", "the token must be a JWT: three base64url parts separated by dots";
    TokenNoExpiry => "token harus memuat masa berlaku (exp) pada bagian tengahnya", "the token must carry an expiry (exp) in its middle part";
    TokenAlreadyExpired => "token sudah kedaluwarsa: masuk lagi ke CEISACare dan salin token yang baru", "the token has already expired: log in to CEISACare again and copy the new one";
    TokenNotWritten(file, error) => "berkas token {file} tidak dapat ditulis ({error})", "the token file {file} cannot be written ({error})";
    TokenPrompt => "Tempel token CEISACare lalu Enter (tidak ditampilkan):", "Paste the CEISACare token and press Enter (it is not shown):";
    TokenSaved(file, until) => "Token CEISACare tersimpan di {file}; berlaku sampai {until}.", "CEISACare token saved in {file}; valid until {until}.";
    TokenValidUntil(source, until) => "Token CEISACare ({source}) berlaku sampai {until}.", "The CEISACare token ({source}) is valid until {until}.";
    TokenExpiredSince(source, since) => "Token CEISACare ({source}) kedaluwarsa sejak {since}: tempel yang baru dengan `bcare-desk ceisacare token`.", "The CEISACare token ({source}) expired at {since}: paste a new one with `bcare-desk ceisacare token`.";
    TokenMissing(variable, file) => "Belum ada token CEISACare ({variable} kosong, {file} tidak ada): tempel dengan `bcare-desk ceisacare token`.", "No CEISACare token yet ({variable} unset, {file} missing): paste one with `bcare-desk ceisacare token`.";
    TokenUnusable(source) => "Token CEISACare ({source}) bukan JWT yang terbaca: tempel yang baru dengan `bcare-desk ceisacare token`.", "The CEISACare token ({source}) is not a readable JWT: paste a new one with `bcare-desk ceisacare token`.";
    TokenRefusedLine => "token kedaluwarsa: tempel yang baru dengan `bcare-desk ceisacare token`", "token expired: paste a new one with `bcare-desk ceisacare token`";
    TokenFromEnv(variable) => "variabel {variable}", "variable {variable}";
    TokenFromFile(file) => "berkas {file}", "file {file}";
    NumberFromCeisacare(reference, ticket) => "{reference}: nomor tiket {ticket} dari CEISACare", "{reference}: ticket number {ticket} from CEISACare";
    OtherTicketNamesIt(ticket, reference, number) => "Perhatian: tiket {ticket} di CEISACare menyebut {reference}, yang sudah bernomor {number}; tidak diubah", "Warning: CEISACare ticket {ticket} names {reference}, which has the number {number}; nothing changed";
    CeisacareImported(count) => "{count} langkah dan jawaban Dir. IKC ditambahkan", "{count} of Dir. IKC's steps and answers added";
    SimCeisacareToken => "Token pelatihan (tempel ke `bcare-desk ceisacare token`):", "Training token (paste into `bcare-desk ceisacare token`):";
    ResolvedOwed => "  SELESAI: pemohon perlu dikabari (bcare-desk notify)", "  RESOLVED: the applicant is owed a notice (bcare-desk notify)";

    // `incident` and bulk handover.
    StillWaiting(references) => "! belum diserahkan, tetap menunggu: {references} (bcare-desk handover REF… --via …)", "! not yet handed over, still waiting: {references} (bcare-desk handover REF… --via …)";
    HandedOverMany(count, channel, late) => "{count} pengaduan diserahkan lewat {channel} ({late} melewati batas 2 jam kerja)", "{count} complaints handed over by {channel} ({late} past the 2-working-hour deadline)";
    IncidentHead(ticket, filed_by, callers, awaiting, owed) => "tiket {ticket} — dilaporkan lewat {filed_by} — {callers} penelepon, {awaiting} menunggu diserahkan, {owed} perlu dikabari", "ticket {ticket} — filed with {filed_by} — {callers} callers, {awaiting} awaiting handover, {owed} owed a notice";
    IncReceived => "diterima", "received";
    IncHandedOver => "diserahkan", "handed over";
    IncNotified => "dikabari", "notified";
    IncOwed => "PERLU DIKABARI", "OWED A NOTICE";

    // `report`.
    ReportCalendarGap(year) => "! kalender tidak memuat data libur tahun {year}: menit kerja dan batas SLA periode ini bisa salah", "! the calendar has no holiday data for {year}: this period's working minutes and deadlines may be wrong";

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
    LateBcareDown => "BCare tidak dapat diakses", "BCare down";
    LateApplicantUnreachable => "Pemohon tidak dapat dihubungi", "Applicant unreachable";
    LateWaitingData => "Menunggu data dari pemohon", "Waiting for data from the applicant";
    LateOther => "Lainnya", "Other";
    HintSameTicket(other, ticket, callers, reference) => "? sama dengan {other}, tiket {ticket} ({callers} penelepon)? bcare-desk link {reference} --ticket {ticket}", "? same problem as {other}, ticket {ticket} ({callers} caller(s))? bcare-desk link {reference} --ticket {ticket}";
    HintSameWaiting(other, reference) => "? sama dengan {other} (diteruskan, menunggu nomor tiket)? tautkan setelah tiketnya ada: bcare-desk link {reference} --to {other}", "? same problem as {other} (forwarded, waiting for its ticket)? link once it has one: bcare-desk link {reference} --to {other}";
    DemoWritten(count, seconds) => "{count} contoh pengaduan ditulis dalam {seconds} dtk", "{count} sample complaints in {seconds} s";
    WorkMinutes(minutes) => "{minutes} menit", "{minutes} min";
    WorkHoursMinutes(hours, minutes) => "{hours} jam {minutes} menit", "{hours} h {minutes} min";
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
    FuChaseHint(days, portal) => "Tanyakan tiket bertanda TANYAKAN (lebih dari {days} hari kerja) di {portal}", "Chase the tickets marked CHASE (open more than {days} working days) at {portal}";
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
    MsgCategoryUnclear(categories) => "kategori tidak jelas: kata-katanya menunjuk ke {categories}; pilih sendiri\n", "category unclear: the words point to {categories}; choose one\n";
    PurgeWould(count, before, months) => "{count} pengaduan ditutup sebelum {before} (retensi {months} bulan) akan dihapus data pribadinya:", "{count} complaints closed before {before} (retention {months} months) would lose their personal data:";
    PurgeDone(count, notes, drafts) => "data pribadi {count} pengaduan dihapus ({notes} catatan riwayat dikosongkan, {drafts} draf dihapus)", "personal data of {count} complaints removed ({notes} event notes blanked, {drafts} drafts removed)";

    // The command line's own refusals of a flag.
    LinkNeedsTarget => "link: beri --ticket NOMOR_TIKET atau --to REF", "link: give --ticket TICKET_NO or --to REF";
    UnknownVia => "--via: saluran tidak dikenal", "--via: unknown channel";
    IntegrityFailed => "pemeriksaan integritas gagal; pulihkan salinan dari `bcare-desk backup PATH`", "integrity check failed; restore a copy made with `bcare-desk backup PATH`";
    HoursRange => "--hours: harus lebih dari 0 dan paling banyak 1000", "--hours: must be more than 0 and at most 1000";
    StartNotATime(got) => "--start: pakai RFC 3339 (2026-11-27T15:30:00+08:00) atau waktu WITA (2026-11-27 15:30); tertulis {got}", "--start: use RFC 3339 (2026-11-27T15:30:00+08:00) or a WITA time (2026-11-27 15:30); got {got}";
    NoWorkingTimeAhead => "kalender tidak punya jam kerja lagi di depan", "the calendar has no working time ahead";
    NoWorkingTimeAfter(start) => "kalender tidak punya jam kerja lagi setelah {start}", "the calendar has no working time ahead of {start}";
    FlagNotADate(flag, given) => "--{flag}: '{given}' bukan tanggal (YYYY-MM-DD)", "--{flag}: '{given}' is not a date (YYYY-MM-DD)";
    FlagRefused(problem) => "--{problem}", "--{problem}";
    FromNeedsTo => "--from: beri juga --to (hari terakhir, ikut dihitung)", "--from: give --to as well (the last day, inclusive)";
    ToNeedsFrom => "--to: beri juga --from (hari pertama)", "--to: give --from as well (the first day)";
    NotAFormat(given) => "--format: '{given}' bukan format; pakai csv, json atau xlsx", "--format: '{given}' is not a format; use csv, json or xlsx";
    PeriodOneWay => "report: sebutkan periode dengan satu cara saja: --month, --from/--to, --today atau --week", "report: name the period one way: --month, --from/--to, --today or --week";
    ReportOneFile => "report: tulis --csv, --xlsx atau --bundle, satu saja", "report: write --csv, --xlsx or --bundle, one at a time";
    NotAGrouping(given) => "--by: '{given}' bukan pengelompokan; pakai category, channel, kind atau officer", "--by: '{given}' is not a grouping; use category, channel, kind or officer";
    MigrateFromServer => "--from: database desk sudah di server; sebutkan berkas SQLite yang disalin", "--from: the desk's database is already a server; name the SQLite file to copy";
    PasswordEnvUnset(var) => "[store] password_env: variabel lingkungan {var} belum diisi", "[store] password_env: the environment variable {var} is not set";
    ListenNotAnAddress(listen) => "--listen {listen}: bukan alamat (HOST:PORT)", "--listen {listen}: not an address (HOST:PORT)";
    ListenNoAddress(listen) => "--listen {listen}: alamat tidak ditemukan", "--listen {listen}: no address found";
    ListenNotLoopback(listen) => "--listen {listen}: bukan alamat loopback; simulator hanya untuk mesin ini (tambah --public untuk melayani yang lain)", "--listen {listen}: not a loopback address; the simulator is for this machine only (add --public to serve others)";
    FailRateRange => "--fail-rate harus antara 0.0 dan 1.0", "--fail-rate must be between 0.0 and 1.0";
    Exported(path, complaints, events) => "{path}: {complaints} pengaduan, {events} riwayat", "{path}: {complaints} complaints, {events} events";
    ExportedRedacted(path, complaints, events) => "{path}: {complaints} pengaduan, {events} riwayat (disamarkan)", "{path}: {complaints} complaints, {events} events (redacted)";
    // `check` and `config`.
    CheckDatabase(database, schema) => "database:  {database} (skema {schema})", "database:  {database} (schema {schema})";
    CheckIntegrity(result) => "integritas: {result}", "integrity: {result}";
    CheckComplaints(count) => "pengaduan: {count}", "complaints: {count}";
    CheckCalendar(name) => "kalender:  {name}", "calendar:  {name}";
    CheckRetention(count, months) => "retensi: {count} pengaduan tertutup melewati [retention] months = {months}; jalankan `bcare-desk purge`", "retention: {count} closed complaints are past [retention] months = {months}; run `bcare-desk purge`";
    ConfigFile(path) => "berkas konfigurasi: {path}", "config file: {path}";
    ConfigFileAbsent(path) => "berkas konfigurasi: {path} (tidak ada: nilai bawaan)", "config file: {path} (absent: defaults)";
    ConfigDatabase(database) => "database:    {database}", "database:    {database}";
    ConfigLog(path) => "log:         {path}", "log:         {path}";
    ConfigOfficer(name) => "petugas:     {name}", "officer:     {name}";
    SlaYearUncovered(year) => "! kalender tidak memuat data libur tahun {year}: batas ini menghitung setiap hari kerja biasa sebagai hari kerja", "! the calendar has no holiday data for {year}: the deadline counts every weekday as working";
    // Where the data lives: a mistyped path is refused, never made into a database.
    NoDatabase(path) => "{path}: tidak ada database bcare-desk di sini; periksa --db atau BCARE_DESK_DB (database baru dibuat oleh `bcare-desk intake` atau layar desk)", "{path}: no bcare-desk database there; check --db or BCARE_DESK_DB (a new one is made by `bcare-desk intake` or the desk screen)";
    NoDatabaseOnServer(at) => "{at}: database ini tidak memuat tabel bcare-desk; periksa nama database di --db atau [store] url (tabelnya dibuat oleh `bcare-desk intake`, `migrate` atau layar desk)", "{at}: this database holds no bcare-desk tables; check the database name in --db or [store] url (they are made by `bcare-desk intake`, `migrate` or the desk screen)";
    NoFolder(path) => "{path}: folder ini tidak ada; periksa --db (desk tidak membuat folder selain folder datanya sendiri)", "{path}: no such folder; check --db (the desk makes no folder but its own data folder)";
    NotAFile(path) => "{path}: bukan berkas biasa (perangkat atau folder); berikan nama berkas database dengan --db", "{path}: not a regular file (a device or a folder); give a database file name with --db";
    NoConfigFile(path) => "{path}: berkas konfigurasi ini tidak ada; periksa --config atau BCARE_DESK_CONFIG (tanpa keduanya desk membaca berkas bawaannya)", "{path}: no such config file; check --config or BCARE_DESK_CONFIG (without either the desk reads its default one)";
    BadConnString(value, problem) => "{value}: string koneksi PostgreSQL tidak terbaca ({problem}); tulis seperti host=/run/postgresql dbname=bcare atau postgres://pengguna@host/database", "{value}: a PostgreSQL connection string that cannot be read ({problem}); write it like host=/run/postgresql dbname=bcare or postgres://user@host/database";
    ArgNotUtf8(arg) => "{arg}: bukan teks UTF-8; ketik ulang nilainya dengan huruf biasa", "{arg}: not UTF-8 text; type the value again in plain characters";
    ConfigFromFlag => "dari --config", "from --config";
    ConfigFromEnv => "dari BCARE_DESK_CONFIG", "from BCARE_DESK_CONFIG";
    ConfigFromUser => "berkas pengguna", "the user's file";
    ConfigFromSystem => "berkas seluruh sistem, untuk semua meja di PC ini", "the system-wide file, for every desk on this PC";
    ConfigFromDefaults(system) => "tidak ada (juga tidak ada {system}): nilai bawaan", "absent (and no {system}): defaults";
    ConfigFileFrom(path, source) => "berkas konfigurasi: {path} ({source})", "config file: {path} ({source})";
    // SQLite's failures, said as what they mean.
    DiskIo => "disk gagal membaca atau menulis berkas (disk I/O error); periksa disk, dan bahwa berkas ini database di disk lokal. Tidak ada yang diubah", "the disk failed to read or write the file (disk I/O error); check the disk, and that this is a database on a local disk. Nothing was changed";
    DiskFull => "disk penuh; kosongkan ruang lalu coba lagi. Tidak ada yang diubah", "the disk is full; free some space and try again. Nothing was changed";
    CannotOpen => "berkas tidak bisa dibuka; periksa foldernya ada dan boleh ditulis", "the file cannot be opened; check that its folder exists and may be written";
    Busy(seconds) => "sibuk: jendela atau program lain memegang database (membaca atau menulisnya) lebih dari {seconds} detik; tidak ada yang diubah, tutup program itu lalu coba lagi", "busy: another window or program has held the database (reading or writing it) for over {seconds} s; nothing was changed, close it and try again";

    // The store's errors, by kind (the system's and the server's own words are carried as they came).
    StoreNewerSchema(path, found, known) => "{path}: database ditulis oleh bcare-desk yang lebih baru (skema {found}, versi ini mengenal sampai {known}); pakai versi yang lebih baru", "{path}: the database was written by a newer bcare-desk (schema {found}, this one knows up to {known}); use the newer version";
    StoreBadSchema(path, found) => "{path}: versi skema {found} tidak pernah ditulis bcare-desk; berkasnya rusak atau bukan milik desk. Pulihkan salinan dari `bcare-desk backup PATH`, atau buka berkas lain dengan --db", "{path}: schema version {found} is not one bcare-desk ever writes; the file is damaged or not the desk's. Restore a copy made with `bcare-desk backup PATH`, or open another file with --db";
    StoreForeign(path) => "{path}: database SQLite milik program lain, bukan bcare-desk; tidak disentuh. Buka berkas desk sendiri dengan --db", "{path}: another program's SQLite database, not a bcare-desk one; it was left untouched. Open the desk's own file with --db";
    StoreDamaged(path, detail) => "{path}: bukan database bcare-desk, atau rusak ({detail}). Pulihkan salinan dari `bcare-desk backup PATH` (pindahkan berkas ini dulu), atau buka berkas lain dengan --db", "{path}: not a bcare-desk database, or damaged ({detail}). Restore a copy made with `bcare-desk backup PATH` (move this file away first), or open another file with --db";
    StoreReadOnly(path) => "{path}: berkas database hanya-baca (read-only), padahal perintah ini menulis; jadikan bisa ditulis (chmod u+w) atau pakai perintah yang hanya membaca", "{path}: the database file is read-only, and this command writes; make it writable (chmod u+w) or use a reading command";
    StoreNeedsUpgrade(path, found, known) => "{path}: database berskema {found} dan harus dinaikkan ke {known}, tetapi berkasnya hanya-baca (read-only); jadikan bisa ditulis (chmod u+w) sekali", "{path}: the database has schema {found} and must be upgraded to {known}, but the file is read-only; make it writable (chmod u+w) once";
    StoreExists(path) => "{path}: sudah ada; pilih nama berkas baru", "{path}: exists; choose a new file name";
    StoreNotFound(reference) => "{reference}: tidak ada pengaduan dengan referensi ini", "{reference}: no such complaint";
    StoreConflict(reference) => "{reference}: pengaduan berubah sementara itu (jendela lain atau pekerja BCare); lihat lagi", "{reference}: the complaint changed meanwhile (another window or the BCare worker); look again";
    StoreServerNewerSchema(at, found, known) => "{at}: skema database {found}, lebih baru dari yang dikenal bcare-desk ini ({known}); pakai versi yang lebih baru", "{at}: the database's schema is {found}, newer than this bcare-desk knows ({known}); use the newer version";
    StoreServerForeign(at) => "{at}: database memuat tabel yang bukan milik bcare-desk; tidak disentuh. Beri desk database sendiri", "{at}: the database holds tables that are not bcare-desk's; it was left untouched. Give the desk its own database";
    IoReading(path, error) => "membaca {path}: {error}", "reading {path}: {error}";
    IoOpening(path, error) => "membuka {path}: {error}", "opening {path}: {error}";
    IoCreating(path, error) => "membuat {path}: {error}", "creating {path}: {error}";
    IoWriting(path, error) => "menulis {path}: {error}", "writing {path}: {error}";
    IoSettingRights(path, error) => "mengatur hak akses {path}: {error}", "setting the rights of {path}: {error}";
    IoSyncing(path, error) => "menyimpan {path} ke disk: {error}", "syncing {path}: {error}";
    IoNamingBackup(path, error) => "{path}: cadangan tidak bisa diberi nama ini: {error}", "{path}: cannot name the backup: {error}";
    IoWritingBackup(path, error) => "{path}: cadangan tidak bisa ditulis di sana: {error}", "{path}: cannot write the backup there: {error}";
    IoNoFileName(path) => "{path}: bukan nama berkas", "{path}: not a file name";
    IoPathNotUtf8(path) => "{path}: jalurnya bukan teks UTF-8", "{path}: the path is not UTF-8";
    OsPermissionDenied => "izin ditolak", "permission denied";
    OsNotFound => "tidak ada berkas atau folder itu", "no such file or directory";
    OsExists => "sudah ada", "file exists";
    OsReadOnlyFs => "sistem berkas hanya-baca", "read-only file system";
    // The desk's errors and the domain's texts.
    NoSuchComplaint => "tidak ada pengaduan dengan referensi ini", "no such complaint";
    ChangedElsewhere => "pengaduan baru saja diubah di jendela lain; coba lagi", "the complaint was just changed elsewhere; try again";
    NothingChanged(reference, problem) => "{reference}: {problem}; tidak ada yang diubah", "{reference}: {problem}; nothing was changed";
    ReceiptTooEarly(earliest, got) => "waktu terima paling awal {earliest}; tertulis {got}", "the time received must be on or after {earliest}; got {got}";
    ReceiptAhead(minutes, now, got) => "waktu terima tidak boleh lebih dari {minutes} menit di masa depan (jam desk {now}); tertulis {got}", "the time received cannot be more than {minutes} minutes in the future (the desk's clock {now}); got {got}";
    ChannelOneOf => "saluran harus salah satu dari langsung, telepon, whatsapp, email, surat, lainnya", "channel must be one of langsung, telepon, whatsapp, email, surat, lainnya";
    LinkToItself => "pengaduan tidak bisa ditautkan ke dirinya sendiri", "a complaint cannot be linked to itself";
    SameAjuOpen(reference, stage) => "nomor aju sama: {reference} (terbuka: {stage})", "same nomor aju as {reference}, open ({stage})";
    SameCallerOpen(what, reference, stage) => "{what} sama, masalah serupa: {reference} (terbuka: {stage})", "same {what}, similar problem: {reference}, open ({stage})";
    HintPerhaps => "(mungkin; periksa dulu)", "(perhaps; check first)";
    NoTicketYet(reference) => "{reference} belum punya nomor tiket BCare", "{reference} has no BCare ticket number yet";
    NoneAwaitsHandover(ticket) => "tidak ada pengaduan bertiket {ticket} yang menunggu diserahkan", "no complaint on ticket {ticket} waits for its handover";
    NoneHandedOverOpen(ticket) => "tidak ada pengaduan bertiket {ticket} yang sudah diserahkan dan belum selesai", "no complaint on ticket {ticket} is handed over and not yet resolved";
    NoneOnTicket(ticket) => "tidak ada pengaduan bertiket {ticket}", "no complaint carries ticket {ticket}";
    StatusNotAtDirIkc(reference, stage) => "{reference} berada di tahap '{stage}'; status BCare dicatat untuk tiket yang sedang di Dir. IKC (bertiket atau diserahkan)", "{reference} is at stage '{stage}'; a BCare status is recorded for a ticket at Dir. IKC (ticketed or handed over)";
    NoticeNotResolved(reference, stage) => "{reference} berada di tahap '{stage}'; pemberitahuan dikirim setelah Dir. IKC menyelesaikannya (selesai)", "{reference} is at stage '{stage}'; the notice is sent once Dir. IKC has solved it (resolved)";
    // The checks' refusals and warnings about one value (after the field's name).
    Required => "wajib diisi", "is required";
    TooLong(max, found) => "terlalu panjang: paling banyak {max} karakter, ditemukan {found}", "too long: at most {max} characters, found {found}";
    TooManyOf(max, what, found) => "paling banyak {max} {what} per pengaduan, ditemukan {found}", "at most {max} {what} per complaint, found {found}";
    WordAju => "nomor aju", "nomor aju";
    WordAttachments => "lampiran", "attachments";
    SecretInText(what, label) => "tampaknya berisi {what} setelah \u{201c}{label}\u{201d}; laporan BCare tidak boleh memuat kata sandi atau kode OTP, mohon hapus", "appears to contain {what} after \u{201c}{label}\u{201d}; a BCare report must never carry passwords or OTP codes, please remove it";
    SecretPassword => "kata sandi", "a password";
    SecretCode => "kode OTP/PIN", "an OTP/PIN code";
    BadInstant(got) => "waktu harus berformat 2026-11-27 15:30 (WITA) atau RFC 3339 2026-11-27T15:30:00+08:00; tertulis {got}", "time must look like 2026-11-27 15:30 (WITA) or RFC 3339 2026-11-27T15:30:00+08:00; got {got}";
    KindOneOf => "jenis pemohon harus 'pegawai' (pegawai DJBC) atau 'pengguna-jasa'", "applicant kind must be 'pegawai' (DJBC employee) or 'pengguna-jasa' (service user)";
    NipForEmployee => "wajib diisi untuk pemohon pegawai DJBC", "is required for a DJBC employee";
    OrgForServiceUser => "nama perusahaan wajib diisi untuk pengguna jasa", "the company name is required for a service user";
    NpwpOrNib => "isi NPWP/NITKU atau NIB perusahaan pengguna jasa", "give the service user's NPWP/NITKU or NIB";
    PhoneOrEmail => "isi telepon atau email pemohon, agar nomor tiket bisa diserahkan", "give the applicant's phone or email, so the ticket number can be handed over";
    UnknownCategory(given, codes) => "kategori '{given}' tidak dikenal; pilih salah satu: {codes}", "unknown category '{given}'; choose one of: {codes}";
    RequiredForCategory(code, name) => "wajib diisi untuk kategori {code} ({name})", "is required for category {code} ({name})";
    SuggestedForCategory(code) => "sebaiknya diisi untuk kategori {code}", "should be given for category {code}";
    ReceivedLongAgo(days) => "lebih dari {days} hari yang lalu; periksa lagi", "more than {days} days ago; check it";
    PhoneRule(problem) => "{problem}; harus nomor telepon Indonesia: 08…, 62…, +62…, kode area 0xxx, atau nomor layanan 1500xxx", "{problem}; must be an Indonesian phone number: 08…, 62…, +62…, an area code 0xxx, or a service number 1500xxx";
    PhoneEmpty => "kosong", "empty";
    PhoneBadChar(c) => "karakter tidak diizinkan {c}", "character not allowed {c}";
    PhoneNotPlus62 => "kode negara bukan +62", "country code is not +62";
    PhoneServiceLength(found) => "nomor layanan harus 5–7 digit, ditemukan {found}", "a service number has 5–7 digits, found {found}";
    PhoneUnknownPrefix => "awalan tidak dikenal", "unknown prefix";
    PhoneMobileLength(found) => "nomor seluler 8xx harus 9–12 digit setelah kode negara, ditemukan {found}", "a mobile number 8xx has 9–12 digits after the country code, found {found}";
    PhoneLength(found) => "nomor harus 7–12 digit setelah kode negara, ditemukan {found}", "the number has 7–12 digits after the country code, found {found}";
    PhoneNoArea => "setelah kode negara/awalan 0 harus kode area atau 8xx", "after the country code or leading 0 an area code or 8xx must follow";
    EmailRule(problem) => "alamat email tidak valid: {problem}", "invalid email address: {problem}";
    EmailEmpty => "kosong", "empty";
    EmailSpaces => "tidak boleh ada spasi", "must not contain spaces";
    EmailNoAt => "tanpa tanda @", "no @ sign";
    EmailManyAt => "lebih dari satu tanda @", "more than one @ sign";
    EmailLocalEmpty => "bagian sebelum @ kosong", "the part before @ is empty";
    EmailLocalLong(found) => "bagian sebelum @ paling banyak 64 karakter, ditemukan {found}", "the part before @ has at most 64 characters, found {found}";
    EmailLocalChars => "karakter tidak diizinkan sebelum @", "characters not allowed before @";
    EmailNoDot => "domain tanpa titik", "domain without a dot";
    EmailDomainLabel(label) => "bagian domain {label} harus huruf/angka/'-', tidak diawali/diakhiri '-'", "domain label {label} must be letters/digits/'-', not starting/ending with '-'";
    EmailTld => "akhiran domain harus minimal 2 huruf", "the top-level domain must have at least 2 letters";
    EmailDomainLong => "domain terlalu panjang", "domain too long";
    NpwpDigits => "hanya boleh angka (titik, strip dan spasi diabaikan)", "digits only (dots, dashes and spaces are ignored)";
    NpwpLength(found) => "harus 15 atau 16 digit (NPWP) atau 22 digit (NITKU); ditemukan {found} digit", "must be 15 or 16 digits (NPWP) or 22 digits (NITKU); found {found} digits";
    NibDigits => "hanya boleh angka (spasi dan strip diabaikan)", "digits only (spaces and dashes are ignored)";
    NibLength(found) => "harus 13 digit; ditemukan {found} digit", "must be 13 digits; found {found} digits";
    NipDigits => "hanya boleh angka (spasi diabaikan)", "digits only (spaces are ignored)";
    NipLength(found) => "harus 18 digit; ditemukan {found} digit", "must be 18 digits; found {found} digits";
    NipBirthDate(got) => "digit 1–8 harus tanggal lahir yang ada (YYYYMMDD), bukan {got}", "digits 1–8 must be a real birth date (YYYYMMDD), not {got}";
    NipBirthYear(found) => "tahun lahir (digit 1–4) harus 1940–2010, ditemukan {found}", "birth year (digits 1–4) must be 1940–2010, found {found}";
    NipMonth(found) => "digit 13–14 harus bulan pengangkatan 01–12, ditemukan {found}", "digits 13–14 must be the appointment month 01–12, found {found}";
    NipAppointedBeforeBirth => "tahun-bulan pengangkatan (digit 9–14) harus setelah tanggal lahir", "appointment year-month (digits 9–14) must be after the birth date";
    NipGender(found) => "digit 15 (jenis kelamin) harus 1 atau 2, ditemukan {found}", "digit 15 (gender) must be 1 or 2, found {found}";
    AjuChars(found) => "hanya boleh huruf dan angka, ditemukan {found}", "letters and digits only, found {found}";
    AjuLength(found) => "harus 26 karakter (tanpa strip/spasi/titik); ditemukan {found}", "must be 26 characters (without dashes/spaces/dots); found {found}";
    AjuNoDate(part) => "karakter 13–20 ({part}) bukan tanggal YYYYMMDD yang ada; periksa lagi", "characters 13–20 ({part}) are not a real date YYYYMMDD; check again";
    AjuFuture(date) => "tanggal aju {date} (karakter 13–20) ada di masa depan; periksa lagi", "aju date {date} (characters 13–20) is in the future; check again";
    AjuOld(date) => "tanggal aju {date} (karakter 13–20) lebih dari 5 tahun lalu; periksa lagi", "aju date {date} (characters 13–20) is more than 5 years ago; check again";
    TicketChars(found) => "hanya boleh huruf A–Z, angka dan '-', ditemukan {found}", "only letters A–Z, digits and '-' are allowed, found {found}";
    TicketLength(found) => "panjang harus 4–32 karakter, ditemukan {found}", "length must be 4–32 characters, found {found}";
    TicketShape(pattern) => "bentuk nomor tiket tidak dikenal (pola {pattern}); tetap disimpan, periksa lagi", "unknown ticket number shape (pattern {pattern}); kept, check again";
    UserIdControl => "tidak boleh berisi karakter kontrol", "must not contain control characters";
    UserIdSpaces => "tidak boleh ada spasi di dalamnya", "must not contain spaces";
    UserIdLength(found) => "panjang harus 3–64 karakter, ditemukan {found}", "length must be 3–64 characters, found {found}";
    LateReasonMissing(choices) => "penyerahan melewati batas 2 jam kerja: sebutkan alasannya dengan --late-reason {choices}", "the handover is past the 2-working-hour deadline: give the reason with --late-reason {choices}";
    LateReasonNotLate => "penyerahan masih dalam batas 2 jam kerja: tidak perlu alasan, hapus --late-reason", "the handover is within the 2-working-hour deadline: no reason is needed, leave out --late-reason";
    LateReasonUnknown(given, choices) => "'{given}' bukan alasan yang dikenal; pilih {choices}", "'{given}' is not a known reason; choose {choices}";
    PeriodBackwards(to, from) => "{to} sebelum --from {from}", "{to} is before --from {from}";
    PeriodTooLong(days) => "periode paling panjang {days} hari", "a period is at most {days} days";
    NotAMonth(given) => "'{given}' bukan bulan (YYYY-MM, mis. 2026-11)", "'{given}' is not a month (YYYY-MM, e.g. 2026-11)";
    EmptyReference => "referensi kosong", "an empty reference";
    NoReference => "sebutkan paling sedikit satu referensi", "give at least one reference";
    TooManyAtOnce(max, given) => "paling banyak {max} pengaduan sekaligus (diberikan {given}); bagi menjadi beberapa perintah", "at most {max} complaints at once (got {given}); split them over several commands";
    MessageTooLong(kib, found) => "terlalu panjang: paling banyak {kib} KiB, ditemukan {found} byte", "too long: at most {kib} KiB, found {found} bytes";
    NotTicketedForWalk(reference, stage) => "{reference}: tahap {stage}, hanya yang bertiket yang bisa diserahkan; tidak ada yang diubah", "{reference}: stage {stage}, only ticketed ones can be handed over; nothing was changed";
    DateOutsideYear(date, year) => "{date} di luar tahun {year}", "{date} is outside {year}";
    YearOutside(year, first, last) => "tahun {year} di luar {first}..{last}", "year {year} is outside {first}..{last}";
    NotADate(given) => "'{given}' bukan tanggal YYYY-MM-DD", "'{given}' is not a YYYY-MM-DD date";
    FileUnreadable(error) => "tidak dapat dibaca ({error})", "cannot be read ({error})";
    PasteTooLong(kib) => "terlalu panjang: pesan paling banyak {kib} KiB", "too long: a message has at most {kib} KiB";
    NotUtf8Text => "bukan teks UTF-8", "is not UTF-8 text";
    SecretInMessage => "pesan memuat kata sandi atau kode OTP; hapus dari pesan (atau isi --description) lalu ulangi", "the message carries a password or OTP code; remove it from the message (or give --description) and try again";
    FromSource(source, problem) => "{source}: {problem}", "{source}: {problem}";
    // The handover message to the applicant (langkah 4).
    GreetMorning => "Selamat pagi", "Good morning";
    GreetMidday => "Selamat siang", "Good day";
    GreetAfternoon => "Selamat sore", "Good afternoon";
    GreetEvening => "Selamat malam", "Good evening";
    SaluteEmployee(greeting, name) => "{greeting} rekan {name}", "{greeting} {name}";
    SaluteServiceUser(greeting, name) => "{greeting} Bapak/Ibu {name}", "{greeting} {name}";
    HandoverMessage(salute, subject, ticket, reference) => "{salute},\n\n\
                 Pengaduan Anda \"{subject}\" telah kami teruskan ke Direktorat Informasi \
                 Kepabeanan dan Cukai (Dir. IKC) melalui BCare.\n\
                 Nomor tiket BCare: {ticket}\n\
                 Referensi kantor: {reference}\n\n\
                 Selanjutnya Dir. IKC akan menindaklanjuti tiket ini; mohon sebutkan nomor \
                 tiket bila menanyakan perkembangannya. Kami kabari bila ada tanggapan.\n\n\
                 Terima kasih.\nPDAD",
        "{salute},\n\n\
             Your complaint \"{subject}\" has been forwarded to the Directorate of Customs \
             and Excise Information (Dir. IKC) through BCare.\n\
             BCare ticket number: {ticket}\n\
             Office reference: {reference}\n\n\
             Dir. IKC will now follow the ticket up; please quote the ticket number when \
             asking about it. We will let you know when they answer.\n\n\
             Thank you.\nPDAD";
    NoContact(contact, channel) => "pemohon tidak meninggalkan {contact} untuk {channel}; serahkan lewat saluran lain", "the applicant left no {contact} for {channel}; hand it over by another channel";
    ContactPhone => "nomor telepon", "phone number";
    ContactEmail => "alamat e-mail", "e-mail address";
    // The notice that Dir. IKC solved the problem.
    DearEmployee(name) => "Rekan {name}", "Dear {name}";
    DearServiceUser(name) => "Bapak/Ibu {name}", "Dear {name}";
    ResolutionNotice(dear, ticket, subject, outcome, reference) => "{dear},\n\n\
                 Tiket BCare {ticket} untuk pengaduan Anda \"{subject}\" telah diselesaikan \
                 oleh Direktorat Informasi Kepabeanan dan Cukai (Dir. IKC).\n\
                 Hasil: {outcome}\n\
                 Referensi kantor: {reference}\n\n\
                 Bila masalahnya masih terjadi, mohon hubungi kami dengan menyebutkan nomor \
                 tiket tersebut.\n\nTerima kasih.\nPDAD",
        "{dear},\n\n\
             BCare ticket {ticket} for your complaint \"{subject}\" has been solved by the \
             Directorate of Customs and Excise Information (Dir. IKC).\n\
             Outcome: {outcome}\n\
             Office reference: {reference}\n\n\
             If the problem persists, please contact us quoting the ticket number.\n\n\
             Thank you.\nPDAD";
    NoComplaint(reference) => "pengaduan {reference} tidak ditemukan", "no complaint {reference}";
    OutcomeResolved => "selesai", "resolved";
    IllegalStep(stage, step, from, allowed) => "pengaduan berada di tahap '{stage}'; '{step}' hanya boleh dari tahap {from}. Yang bisa dilakukan sekarang: {allowed}", "the complaint is at stage '{stage}'; '{step}' is allowed only from {from}. What can be done now: {allowed}";
    NothingOpen => "tidak ada (pengaduan sudah ditutup)", "nothing (the complaint is closed)";
    // The sheet the officer files from at CEISACare's web form.
    SheetHead => "Isi formulir BCare di portal, kolom demi kolom:", "Fill in the BCare form at the portal, field by field:";
    SheetProposed => "Katalog dan masalah di bawah adalah usulan; pilih yang lain di formulir bila tidak cocok.", "The katalog and masalah below are proposals; choose others in the form if they do not fit.";
    SheetCopied => "Laporan sudah disalin ke clipboard.", "The report is on the clipboard.";
    SheetCopyIt => "Salin laporan di atas ke formulir.", "Copy the report above into the form.";
    SheetRecordWith => "Setelah nomor tiket terbit, catat dengan:", "When the ticket number comes, record it with:";
    SheetTicketNo => "NOMOR-TIKET", "TICKET-NO";
    // Officers as the server's roles.
    ReaderRole(role) => "hanya-baca: peran {role} boleh melihat laporan tetapi tidak boleh mengubah pengaduan; tidak ada yang berubah", "read-only: the role {role} may report but not change complaints; nothing was changed";
    NoGrant(at, role) => "{at}: peran {role} belum diberi akses ke desk ini; minta pemilik database menjalankan `bcare-desk grant {role} officer` (atau `reader` untuk hanya melihat laporan)", "{at}: the role {role} has no grant on this desk; ask the database's owner to run `bcare-desk grant {role} officer` (or `reader` to report only)";
    NoSuchRole(at, role) => "{at}: tidak ada peran bernama {role} di server; buat dulu dengan CREATE ROLE {role} LOGIN", "{at}: the server has no role named {role}; create it first with CREATE ROLE {role} LOGIN";
    RolesNeedServer => "peran hanya ada di database PostgreSQL bersama; pada file SQLite, pemilik file adalah petugasnya", "roles exist only on a shared PostgreSQL database; on a SQLite file, the file's owner is the officer";
    Granted(role, duty) => "{role} kini {duty} di desk ini (dan di setiap database desk di server yang sama)", "{role} is now {duty} on this desk (and on every desk database on the same server)";
    Revoked(role) => "{role} tidak lagi punya akses ke desk ini", "{role} no longer has access to this desk";
    ReaderExportNeedsRedact => "hanya-baca: peran ini hanya boleh mengekspor dengan --redact (tanpa nama, telepon, NPWP)", "read-only: this role may export only with --redact (no names, phones, NPWP)";
    ReadOnlyDesk(role) => "hanya-baca ({role})", "read-only ({role})";
    // The command line's refusals (clap's errors), said again in Indonesian.
    CliRefused(line) => "galat: {line}", "error: {line}";
    CliUnknownArgument(arg) => "argumen '{arg}' tidak dikenal", "unexpected argument '{arg}'";
    CliUnknownCommand(command) => "perintah '{command}' tidak dikenal", "unrecognized command '{command}'";
    CliValueNotListed(value, arg, valid) => "nilai '{value}' tidak ada dalam pilihan untuk {arg}; pilihan: {valid}", "invalid value '{value}' for {arg}; possible values: {valid}";
    CliValueMissing(arg) => "{arg} memerlukan nilai", "{arg} needs a value";
    CliValueRefused(value, arg, why) => "nilai '{value}' untuk {arg} ditolak: {why}", "invalid value '{value}' for {arg}: {why}";
    CliMissing(arg) => "argumen wajib belum diberikan: {arg}", "the following required arguments were not provided: {arg}";
    CliConflict(arg, other) => "{arg} tidak bisa dipakai bersama {other}", "{arg} cannot be used with {other}";
    CliValueCount(arg) => "jumlah nilai untuk {arg} tidak sesuai", "wrong number of values for {arg}";
    CliDidYouMean(suggestion) => "mungkin maksudnya {suggestion}", "tip: a similar one exists: {suggestion}";
    CliUsage => "Pemakaian:", "Usage:";
    CliTryHelp => "Lihat '--help' untuk keterangan lebih lanjut.", "For more information, try '--help'.";

    // The Kanwil's roll-up: report bundles and `rollup`.
    BundleNotOne(why) => "bukan bundel laporan bcare-desk ({why})", "not a bcare-desk report bundle ({why})";
    BundleVersion(version, known) => "bundel format versi {version}; program ini hanya membaca versi {known} — perbarui bcare-desk", "bundle format version {version}; this program reads only version {known} — update bcare-desk";
    BundleChecksum => "checksum SHA-256 tidak cocok: isinya berubah setelah dibuat (rusak atau disunting); minta kantornya membuat bundel lagi", "the SHA-256 checksum does not match: the content changed after it was made (damaged or edited); ask the office to make the bundle again";
    BundleFigures => "angka bundel berbeda dari hitungan ulang pengaduannya", "the bundle's figures differ from those computed again from its complaints";
    BundleSkmScore(score) => "jawaban SKM {score} — nilai SKM 1–4, atau null bila tidak dijawab", "SKM answer {score} — an SKM score is 1–4, or null when unanswered";
    BundleRefused(file, why) => "{file}: ditolak — {why}; tidak ada yang ditulis", "{file}: refused — {why}; nothing was written";
    BundleNoOffice => "[report] office kosong: isi nama kantor di config sebelum membuat bundel", "[report] office is empty: name the office in the config before making a bundle";
    BundleWritten(path, complaints) => "bundel {path}: {complaints} pengaduan, tanpa data pribadi", "bundle {path}: {complaints} complaint(s), no personal data";
    RollupNoBundle => "sebutkan paling tidak satu bundel", "name at least one bundle";
    RollupPeriods(a, a_period, b, b_period) => "periode berbeda: {a} {a_period}, {b} {b_period}; rekap hanya untuk satu periode; tidak ada yang ditulis", "the periods differ: {a} {a_period}, {b} {b_period}; a roll-up is over one period; nothing was written";
    RollupSameOffice(office, a, b) => "kantor {office} dua kali: {a} dan {b}; tidak ada yang ditulis", "office {office} twice: {a} and {b}; nothing was written";
    RollupOneOutput => "rollup: --json atau --xlsx, satu saja", "rollup: --json or --xlsx, one at a time";
    RollupTitle(from, to, offices) => "Rekap Kanwil {from} – {to} ({offices} kantor)", "Kanwil roll-up {from} – {to} ({offices} offices)";
    RollupOffice => "Kantor", "Office";
    RollupTotal => "Jumlah", "Total";
    RollupColIkm => "IKM", "IKM";
    RollupColGrade => "mutu", "grade";
    RollupColBackdated => "jam", "clock";
    RollupBackdatedNote(steps) => "PERHATIAN: {steps} langkah dicatat dengan jam yang disetel (kolom \"jam\"); tanyakan ke kantornya", "WARNING: {steps} step(s) recorded with a set clock (the \"clock\" column); ask the office";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::msg::placeholders_agree;

    #[test]
    fn every_entry_has_both_languages_with_exactly_its_declared_values() {
        for e in M::ENTRIES {
            assert!(!e.id.trim().is_empty(), "{} has no Indonesian", e.name);
            assert!(!e.en.trim().is_empty(), "{} has no English", e.name);
            for template in [e.id, e.en] {
                assert!(
                    placeholders_agree(template, e.params),
                    "{}: {template}",
                    e.name
                );
            }
        }
    }
}
