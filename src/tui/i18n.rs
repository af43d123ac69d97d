//! The screen's catalog: each entry is Indonesian (the officer's language, the
//! default) and English. A sentence with values declares them: `Name(a) => "… {a}"`.

// The same compile-checked macro as the command line's catalog (`domain::msg`).
use crate::domain::msg::catalog;

catalog! {
    QueueTitle => "Antrean pengaduan", "Complaint queue";
    DetailTitle => "Rincian", "Detail";
    IntakeTitle => "Pengaduan baru", "New complaint";
    ForwardTitle => "Teruskan ke BCare", "Forward to BCare";
    ReceiptTitle => "Nomor tiket BCare", "BCare ticket number";
    HandoverTitle => "Serahkan ke pemohon", "Hand over to applicant";
    HelpTitle => "Bantuan tombol", "Keys";
    PaletteTitle => "Perintah", "Commands";
    GuideTitle => "Panduan kategori", "Category guide";

    ColSla => "Sisa", "Left";
    ColStage => "Tahap", "Stage";
    ColMove => "Giliran", "Move";
    ColRef => "Referensi", "Reference";
    ColApplicant => "Pemohon", "Applicant";
    ColCategory => "Kat.", "Cat.";
    ColAge => "Umur", "Age";
    SlaLate => "LEWAT", "LATE";
    SlaStopped => "—", "—";
    QueueEmpty => "Belum ada pengaduan di sini.", "No complaints here yet.";
    FilterAllOpen => "semua terbuka", "all open";
    FilterLabel(stage) => "Tahap: {stage}", "Stage: {stage}";
    SearchPrompt => "Cari: ", "Search: ";
    PageMore(page) => "halaman {page}", "page {page}";

    StageShortReceived => "Diterima", "Received";
    StageShortForwarded => "Diteruskan", "Forwarded";
    StageShortTicketed => "Bertiket", "Ticketed";
    StageShortHandedOver => "Diserahkan", "Handed over";
    StageShortResolved => "Selesai", "Resolved";
    StageShortCancelled => "Batal", "Cancelled";

    NothingSelected => "Pilih pengaduan di antrean.", "Select a complaint in the queue.";
    DMove => "Giliran", "Whose move";
    DApplicant => "Pemohon", "Applicant";
    DReceived => "Diterima", "Received";
    DDeadline => "Batas SLA", "SLA deadline";
    DRemaining => "Sisa jam kerja", "Working time left";
    DTicket => "Nomor tiket", "Ticket number";
    DLinked => "Ikut tiket dari", "Shares ticket of";
    DCategory => "Kategori", "Category";
    DChannel => "Saluran", "Channel";
    DSubject => "Perihal", "Subject";
    DTimeline => "Linimasa", "Timeline";
    DReport => "Laporan BCare", "BCare report";
    DDelivery => "Pengiriman", "Delivery";
    DBcareSaid => "Jawaban BCare", "BCare said";
    DeliveryNotYet => "menunggu kirim, belum dicoba", "waiting to send, not tried yet";
    DeliveryRetry(tries, next) => "menunggu kirim; sudah dicoba {tries}×, lagi {next}", "waiting to send; tried {tries}×, next at {next}";
    DeliverySent(at, attempt) => "terkirim {at} (percobaan ke-{attempt})", "sent {at} (attempt {attempt})";
    DeliveryFailed(tries) => "gagal setelah {tries}× percobaan", "failed after {tries} attempts";
    DNone => "—", "—";
    SlaMet => "SLA terpenuhi", "SLA met";
    SlaMissed => "SLA terlewati", "SLA missed";

    FName => "Nama", "Name";
    FKind => "Jenis pemohon", "Applicant kind";
    FOrg => "Perusahaan", "Company";
    FNip => "NIP", "NIP";
    FNpwp => "NPWP/NITKU/NIB", "NPWP/NITKU/NIB";
    FNib => "NIB", "NIB";
    FPhone => "Telepon", "Phone";
    FEmail => "Email", "Email";
    FChannel => "Saluran", "Channel";
    FCategory => "Kategori", "Category";
    FSubject => "Perihal", "Subject";
    FDescription => "Uraian masalah", "Description";
    FUserId => "User ID", "User ID";
    FAju => "Nomor aju", "Nomor aju";
    FDocType => "Jenis dokumen", "Document type";
    FDocStatus => "Status dokumen", "Document status";
    FDocSubmitted => "Waktu kirim dok.", "Document sent at";
    FAttachments => "Lampiran (path)", "Attachments (path)";
    FReceivedAt => "Diterima pada", "Received at";
    ChoiceNone => "(belum dipilih)", "(not chosen)";
    ChoiceType => "(ketik nama/kode atau nomor)", "(type a name, code or number)";
    ChoicesTitle => "Pilihan", "Options";
    ChoiceHowTo => "Ketik awal nama atau kode, atau nomornya; ←/→ menggeser; Enter lanjut.", "Type a name's or code's start, or its number; ←/→ step; Enter moves on.";
    ExtrasHidden => "Ctrl-O: kolom tambahan (email, dokumen…)", "Ctrl-O: more fields (email, documents…)";
    NewLineHint => "Ctrl-J: baris baru", "Ctrl-J: new line";
    ExtrasShown => "Ctrl-O: sembunyikan kolom tambahan", "Ctrl-O: hide the extra fields";
    ManyHint => "pisahkan dengan koma", "separate with commas";

    GuideCollect => "Kumpulkan", "Collect";
    GuideChecks => "Periksa dulu", "First checks";
    GuideEscalate => "Eskalasi bila", "Escalate when";
    GuideRequires => "Wajib", "Required";
    GuideNoCategory => "Pilih kategori untuk melihat panduannya.", "Choose a category to see its guide.";

    MsgSaved(reference) => "Tersimpan sebagai {reference}. Jam SLA berjalan.", "Saved as {reference}. The SLA clock runs.";
    MsgFixFields => "Periksa isian yang bertanda merah.", "Check the fields marked in red.";
    MsgDraftRestored(at) => "Draf dipulihkan dari {at}.", "Draft restored from {at}.";
    MsgDraftKept => "Formulir ditutup; draf disimpan.", "Form closed; the draft is kept.";
    MsgDraftDiscarded => "Draf dibuang.", "Draft discarded.";
    MsgMessageRead(count, undo) => "Dari pesan pemohon terisi {count} kolom (ditandai ◆); {undo} membatalkan.", "{count} fields filled from the caller's message (marked ◆); {undo} undoes it.";
    MsgMessageSecret => "Pesan memuat kata sandi atau OTP: hapus dari uraian; tidak ada yang disimpan sebelum itu.", "The message holds a password or OTP: remove it from the description; nothing of it is saved until then.";
    MsgMessageNothing => "Tidak ada kolom kosong yang bisa diisi dari pesan.", "No empty field could be filled from the message.";
    MsgNoMessage => "Tempel atau ketik pesan pemohon di Uraian masalah dulu.", "Paste or type the caller's message into the description first.";
    MsgFillUndone => "Isian dari pesan dibatalkan.", "The fill from the message was undone.";
    MsgNothingToUndo => "Tidak ada isian pesan untuk dibatalkan.", "No message fill to undo.";
    PasteHint(key) => "Tempel pesan pemohon untuk mengisi formulir ({key} membaca uraian)", "Paste the caller's message to fill the form ({key} reads the description)";
    FilledHint(undo) => "◆ diisi dari pesan; {undo} membatalkan", "◆ filled from the message; {undo} undoes it";
    MsgNotNow(reference, stage) => "{reference}: tidak bisa pada tahap {stage}.", "{reference}: not possible at stage {stage}.";
    MsgNoSelection => "Pilih pengaduan dulu.", "Select a complaint first.";
    MsgCopiedPortal(portal) => "Laporan dikirim ke papan klip terminal. Tempel di {portal}, lalu ketik nomor tiketnya.", "Report sent to the terminal's clipboard. Paste it at {portal}, then type the ticket number.";
    RcReportText => "Laporan (bila tidak tertempel, pilih teks ini dengan tetikus):", "The report (if nothing pastes, select this text with the mouse):";
    MsgQueued(reference, client) => "{reference} masuk antrean kirim ({client}).", "{reference} queued for sending ({client}).";
    MsgDelivered(reference, ticket) => "{reference}: BCare memberi nomor tiket {ticket}.", "{reference}: BCare gave ticket number {ticket}.";
    MsgSendFailed(reference, next, error) => "{reference}: gagal kirim, dicoba lagi {next} — jawaban BCare: {error}", "{reference}: sending failed, retry at {next} — BCare said: {error}";
    MsgSendHeld(reference, error) => "{reference}: tidak terkirim, tidak dicoba lagi sendiri — jawaban BCare: {error}. Periksa, lalu kirim lagi: bcare-desk outbox retry {reference}", "{reference}: not sent, not tried again by itself — BCare said: {error}. Check it, then send again: bcare-desk outbox retry {reference}";
    MsgTicketRecorded(reference, ticket) => "{reference}: nomor tiket {ticket} dicatat.", "{reference}: ticket number {ticket} recorded.";
    MsgHandedOver(reference) => "{reference} diserahkan; jam SLA berhenti.", "{reference} handed over; the SLA clock stopped.";
    MsgCopied => "Pesan dikirim ke papan klip terminal.", "Message sent to the terminal's clipboard.";
    MsgError(error) => "Gagal: {error}", "Failed: {error}";

    FwClient => "Klien BCare", "BCare client";
    FwProblem => "Permasalahan", "Problem";
    FwDescription => "Deskripsi", "Description";
    FwEditing => "mengubah — Esc selesai", "editing — Esc done";
    FwPortalHint => "Enter: ke papan klip terminal, tandai diteruskan · w: simpan file", "Enter: to the terminal's clipboard, mark forwarded · w: save a file";
    FwQueueHint => "Enter: ke antrean kirim (layar tetap bisa dipakai) · w: simpan file", "Enter: queue for sending (the screen stays usable) · w: save a file";

    RcTicket => "Nomor tiket", "Ticket number";
    RcShapeOk => "bentuk sesuai nomor tiket BCare", "looks like a BCare ticket number";
    RcShapeOff => "bentuknya tidak seperti nomor tiket BCare (mis. A0254EB2B1) — tetap bisa disimpan, periksa lagi", "does not look like a BCare ticket number (e.g. A0254EB2B1) — it can still be saved; look again";
    RcLinkTitle(category) => "Atau tautkan ke tiket terbuka kategori {category}", "Or link to an open ticket of category {category}";
    RcNoTickets => "Tidak ada tiket terbuka di kategori ini.", "No open tickets in this category.";
    RcFocusType => "Tab: pilih dari daftar", "Tab: pick from the list";
    RcFocusList => "Tab: ketik nomor", "Tab: type the number";

    HoChannel => "Saluran penyerahan", "Handover channel";
    HoLate(deadline) => "Lewat batas SLA {deadline}: mengapa?", "Past the SLA deadline {deadline}: why?";
    HoLateHowTo => "angka atau huruf awal memilih · Tab: keterangan", "a number or first letter picks · Tab: the words";
    HoWords => "Keterangan (opsional)", "Words (optional)";
    MsgNeedReason => "Penyerahan terlambat: pilih alasannya dulu (1–4).", "The handover is late: pick the reason first (1–4).";
    HoMessage => "Pesan untuk pemohon", "Message to the applicant";
    HoHint => "Enter: catat penyerahan, pesan ke papan klip terminal", "Enter: record the handover, message to the terminal's clipboard";

    SbRunning => "di jam SLA", "on the clock";
    SbAtDirIkc => "di Dir. IKC", "at Dir. IKC";
    SbDueSoon => "≤30 mnt", "≤30 min";
    SbBreached => "lewat", "late";
    SbWaiting => "menunggu kirim", "to send";
    SbReachable => "terhubung", "reachable";
    SbUnreachable => "tak terhubung", "unreachable";
    SbNoHolidays(year) => "KALENDER TANPA DATA LIBUR {year}", "CALENDAR HAS NO HOLIDAYS FOR {year}";
    SbFixedOnly(year) => "LIBUR {year} BELUM LENGKAP: MASUKKAN SKB", "{year} HOLIDAYS INCOMPLETE: ENTER THE SKB";
    SbEnterSkb(year) => "SKB {year} belum masuk", "SKB {year} not entered";
    SbDamaged(detail) => "DATABASE RUSAK: {detail} — jangan input lagi; pulihkan salinan `bcare-desk backup`", "DATABASE DAMAGED: {detail} — stop entering data; restore a `bcare-desk backup` copy";

    UnitMin => "mnt", "m";
    UnitHour => "j", "h";
    UnitDay => "hr", "d";
    UnitYear => "th", "y";
    Sending => "mengirim…", "sending…";
    HelpMore => "Ctrl-P: semua perintah", "Ctrl-P: every command";
    TooSmall(width, height) => "Perbesar terminal: minimal 80×24 (sekarang {width}×{height}).", "Enlarge the terminal: at least 80×24 (now {width}×{height}).";
    PaletteEmpty => "Tidak ada perintah yang cocok.", "No matching command.";
    HelpClose => "Esc atau ? untuk menutup", "Esc or ? to close";

    ScopeGlobal => "Di mana saja", "Anywhere";
    ScopeQueue => "Antrean", "Queue";
    ScopeSearch => "Pencarian", "Search";
    ScopeIntake => "Pengaduan baru", "New complaint";
    ScopeForward => "Teruskan", "Forward";
    ScopeReceipt => "Nomor tiket", "Ticket number";
    ScopeHandover => "Penyerahan", "Handover";
    ScopeOverlay => "Bantuan & perintah", "Help & commands";
    ScopeClose => "Tutup pengaduan", "Close a complaint";
    ScopeReport => "Laporan seksi", "Section report";

    AQuit => "Keluar", "Quit";
    AHelp => "Bantuan", "Help";
    APalette => "Perintah", "Commands";
    AUp => "Naik", "Up";
    ADown => "Turun", "Down";
    APageUp => "Halaman sebelumnya", "Previous page";
    APageDown => "Halaman berikut", "Next page";
    ANew => "Pengaduan baru", "New complaint";
    AForward => "Teruskan ke BCare", "Forward to BCare";
    AReceipt => "Catat nomor tiket", "Record ticket number";
    AHandover => "Serahkan ke pemohon", "Hand over";
    AFilter => "Saring tahap", "Filter by stage";
    ASearch => "Cari", "Search";
    AClear => "Hapus saringan", "Clear filter";
    ANextField => "Kolom berikut", "Next field";
    APrevField => "Kolom sebelumnya", "Previous field";
    ASave => "Simpan", "Save";
    ABack => "Kembali", "Back";
    AChoice => "Ganti pilihan", "Change choice";
    ASend => "Kirim", "Send";
    AEdit => "Ubah laporan", "Edit report";
    AConfirm => "Konfirmasi", "Confirm";
    ASwitch => "Ketik / daftar", "Type / list";
    AHandOverNow => "Catat penyerahan", "Record the handover";
    ACopy => "Kirim pesan ke papan klip", "Message to clipboard";
    ADiscard => "Buang draf", "Discard draft";
    AReport => "Laporan", "Report";
    ACalendar => "Kalender libur", "Holiday calendar";
    ScopeCalendar => "Kalender", "Calendar";
    ACalendarApply => "Simpan usulan", "Save the proposal";
    CalTitle => " Kalender libur ", " Holiday calendar ";
    CalComplete => "lengkap (SKB)", "complete (SKB)";
    CalFixedOnly => "baru libur bertanggal tetap", "fixed-date holidays only";
    CalMissing => "belum ada data libur", "no holidays yet";
    CalLoading => "memuat…", "loading…";
    CalPasteHint => "Tempel pengumuman SKB libur nasional dan cuti bersama di sini (paste terminal): usulannya tampil, Enter menyimpan.", "Paste the SKB announcement of national holidays and cuti bersama here (the terminal's paste): its proposal shows, Enter stores it.";
    CalProposal(summary) => " Usulan dari teks yang ditempel: {summary} ", " Proposal from the pasted text: {summary} ";
    CalNothingRead => "Tidak ada tanggal libur yang terbaca dari teks yang ditempel.", "No holiday dates could be read from the pasted text.";
    CalNothingToApply => "Belum ada usulan: tempel dulu pengumuman SKB.", "Nothing proposed yet: paste the SKB announcement first.";
    CalAppliedNotice(year, days) => "SKB {year} disimpan: {days} hari libur; batas SLA yang berjalan dihitung ulang.", "SKB {year} stored: {days} days off; running SLA deadlines recomputed.";
    CalCutiMark => "cuti bersama", "cuti bersama";
    AReasonWords => "Alasan / keterangan", "Reason / words";
    APeriod => "Periode", "Period";
    ReportTitle => "Laporan seksi PDAD", "PDAD section report";
    SpanToday => "Hari ini", "Today";
    SpanWeek => "Minggu ini", "This week";
    SpanMonth => "Bulan ini", "This month";
    SpanLastMonth => "Bulan lalu", "Last month";
    ReportLoading => "Menghitung…", "Counting…";
    ReportSla => "SLA 2 jam kerja", "2-working-hour SLA";
    ReportNoHandover => "belum ada yang diserahkan", "nothing handed over yet";
    ReportTotals(received, handed_over, in_time, late, open, cancelled) => "diterima {received} · diserahkan {handed_over} · tepat {in_time} · lewat {late} · terbuka {open} · batal {cancelled}", "received {received} · handed over {handed_over} · in time {in_time} · late {late} · open {open} · cancelled {cancelled}";
    ReportMinutes(median, p90) => "menit kerja sampai serah: median {median} · p90 {p90}", "working minutes to handover: median {median} · p90 {p90}";
    ReportByCategory => "Diterima per kategori", "Received by category";
    ReportDaily => "Per hari", "Per day";
    ReportDailyReceived => "diterima", "received";
    ReportDailyWithin => "tepat SLA", "within SLA";
    ReportLateTitle(count) => "Terlambat ({count})", "Late ({count})";
    ReportLateMore(count) => "… dan {count} lagi: bcare-desk report", "… and {count} more: bcare-desk report";
    ReportNoLate => "Tidak ada yang terlambat.", "Nothing late.";
    ReportNoReason => "tanpa alasan", "no reason";
    ReportEmpty => "Belum ada pengaduan di periode ini.", "No complaints in this period.";
    AReadMessage => "Baca pesan pemohon", "Read the caller's message";
    AUndoFill => "Batalkan isian pesan", "Undo the message fill";
    ARun => "Jalankan", "Run";
    ADone => "Selesai mengubah", "Done editing";
    AResolve => "Selesaikan", "Resolve";
    ACancel => "Batalkan", "Cancel";
    AEarlier => "Minggu sebelumnya", "Earlier week";
    ALater => "Minggu berikutnya", "Later week";
    ASaveReport => "Simpan laporan ke file", "Save the report to a file";
    FilterAll => "semua", "all";
    FilterHistory(from, to) => "riwayat {from} – {to}", "history {from} – {to}";
    HistoryHint => "terbaru dulu · [ ] geser minggu", "newest first · [ ] move the week";
    DraftWaits(name) => "✎ Draf menunggu: {name} — n untuk melanjutkan", "✎ A draft waits: {name} — n to resume";
    AskDropEdits => "Isian di layar ini belum disimpan. Tinggalkan dan buang? Enter: buang · Esc: tetap di sini", "What you typed here is not saved. Leave and drop it? Enter: drop · Esc: stay";
    AskDraft(name, saved_at) => "Draf pengaduan {name} ({saved_at}) menunggu. Enter: lanjutkan draf · n: pengaduan baru (draf dibuang) · Esc: batal", "A draft for {name} ({saved_at}) waits. Enter: resume it · n: new complaint (the draft is dropped) · Esc: back";
    AskReplace(ticket, note, new) => "Ganti nomor tiket {ticket}{note} dengan {new}? Enter: ganti · Esc: batal", "Replace ticket number {ticket}{note} with {new}? Enter: replace · Esc: back";
    AskFromBcare => " (diberikan BCare)", " (issued by BCare)";
    AskTitle => "Konfirmasi", "Confirm";
    CloseResolveTitle => "Selesaikan pengaduan", "Resolve the complaint";
    CloseCancelTitle => "Batalkan pengaduan", "Cancel the complaint";
    CloseNote => "Catatan penyelesaian (boleh kosong)", "Resolution note (may be empty)";
    CloseReason => "Alasan pembatalan (wajib)", "Reason for cancelling (required)";
    CloseHint => "Enter: simpan · Esc: kembali", "Enter: save · Esc: back";
    MsgResolved(reference) => "{reference} selesai; pemohon perlu dikabari.", "{reference} resolved; the applicant is owed a notice.";
    MsgCancelled(reference) => "{reference} dibatalkan.", "{reference} cancelled.";
    MsgReportSaved(path) => "Laporan disimpan di {path} (hanya bisa dibaca Anda).", "Report saved to {path} (readable only by you).";
    RcCurrent => "Nomor sekarang", "Current number";
    ANextOrSave => "Lanjut (simpan di akhir)", "Next (saves at the end)";
    AMoreFields => "Kolom tambahan", "More fields";
    ScopeSuggest => "Gangguan yang sama?", "Same outage?";
    ScopeBulk => "Beberapa sekaligus", "Several at once";
    ScopeWalk => "Penyerahan beruntun", "Handover walk";
    ScopeIncident => "Gangguan", "Incident";
    ASelect => "Pilih/lepas baris", "Pick/unpick row";
    ASelectAll => "Pilih semua", "Pick all on screen";
    ANewLike => "Baru, seperti ini", "New, like this one";
    AIncident => "Lihat gangguan", "Incident view";
    ALinkTicket => "Tautkan ke tiket ini", "Link to this ticket";
    AToQueue => "Ke antrean", "To the queue";
    AForAll => "Untuk semua (semua atau tidak)", "For all (all or none)";
    AHandOverNext => "Catat, salin, berikutnya", "Record, copy, next";
    ACopyList => "Salin daftar saluran ini", "Copy this channel's list";
    AHandOverAll => "Serahkan semua lewat saluran ini", "Hand over all by this channel";
    AHandOverWaiting => "Serahkan yang menunggu", "Hand over those waiting";
    SuggestTitle => "Gangguan yang sama?", "Same outage?";
    SuggestIntro(reference, category) => "{reference} tersimpan. Tiket terbuka kategori {category} yang diterima dalam jendela gangguan:", "{reference} saved. Open tickets of category {category} received within the incident window:";
    SuggestLine(reference, ticket, callers) => "sama dengan {reference}, tiket {ticket}? ({callers} penelepon)", "same problem as {reference}, ticket {ticket}? ({callers} caller(s))";
    SuggestWaiting(reference) => "sama dengan {reference}? (diteruskan, menunggu nomor tiket)", "same problem as {reference}? (forwarded, waiting for its ticket)";
    SuggestHint => "Enter menautkan ke tiket terpilih, lalu penyerahan; f meneruskan sebagai laporan sendiri.", "Enter links to the chosen ticket, then the handover; f forwards it as a report of its own.";
    MsgNoTicketYet(reference) => "{reference} belum punya nomor tiket BCare: tautkan setelah nomornya ada.", "{reference} has no BCare ticket number yet: link once it has one.";
    MsgPicked(count) => "{count} dipilih — t: tautkan, h: serahkan, x: batalkan, Esc: lepas.", "{count} picked — t: link, h: hand over, x: cancel, Esc: unpick.";
    MsgDraftFirst => "Draf menunggu: tekan n untuk melanjutkan atau membuangnya dulu.", "A draft waits: press n to resume or discard it first.";
    MsgNoneWaiting => "Tidak ada pemohon yang menunggu nomor tiket ini.", "No applicant waits for this ticket number.";
    MsgWalkDone(count) => "Selesai: {count} pemohon sudah menerima nomor tiketnya.", "Done: {count} applicants have their ticket number.";
    MsgListCopied(count, channel) => "{count} pesan lewat {channel} disalin sebagai satu daftar.", "{count} messages by {channel} copied as one list.";
    MsgBulkLinked(count, ticket) => "{count} pengaduan ditautkan ke tiket {ticket}.", "{count} complaints linked to ticket {ticket}.";
    MsgBulkCancelled(count) => "{count} pengaduan dibatalkan.", "{count} complaints cancelled.";
    MsgBulkHandedOver(count) => "{count} pengaduan diserahkan.", "{count} complaints handed over.";
    BulkLinkTitle(count) => "Tautkan {count} pengaduan ke satu tiket", "Link {count} complaints to one ticket";
    BulkCancelTitle(count) => "Batalkan {count} pengaduan", "Cancel {count} complaints";
    BulkLinkLabel => "Nomor tiket BCare, atau referensi pengaduan yang sudah bertiket", "BCare ticket number, or the reference of a ticketed complaint";
    BulkCancelLabel => "Alasan pembatalan, satu untuk semua", "Reason for cancelling, one for all";
    WalkTitle(index, waiting) => "Serahkan tiket · {index} dari {waiting} menunggu", "Hand over the ticket · {index} of {waiting} waiting";
    WalkDone => "diserahkan", "handed over";
    IncTitle(ticket, callers) => "Gangguan · tiket {ticket} · penelepon: {callers}", "Incident · ticket {ticket} · callers: {callers}";
    IncSummary(first, awaiting, owed) => "Laporan pertama {first} · menunggu penyerahan {awaiting} · perlu dikabari selesai {owed}", "First report {first} · awaiting handover {awaiting} · owed a notice {owed}";
    ColContact => "Kontak", "Contact";
    ColChannel => "Saluran", "Channel";
    ColReceived => "Diterima", "Received";
    ColHandedOver => "Diserahkan", "Handed over";
    ColNotified => "Dikabari", "Notified";
    IncOwed => "terutang", "owed";
    AShowInQueue => "Tampilkan di antrean", "Show in the queue";
    SpanShift => "Serah terima shift", "Shift handoff";
    ShiftTitle(at) => "Serah terima shift · {at}", "Shift handoff · {at}";
    ShiftOpen(count) => "Pengaduan terbuka ({count})", "Open complaints ({count})";
    ShiftOutbox(count) => "Laporan menunggu dikirim ke BCare ({count})", "Reports waiting for BCare ({count})";
    ShiftNotices(count) => "Pemohon perlu dikabari selesai ({count})", "Applicants owed a notice ({count})";
    ShiftChase(count) => "Tiket perlu ditanyakan ke Dir. IKC ({count})", "Tickets to chase at Dir. IKC ({count})";
    ShiftDue(deadline) => "batas {deadline}", "due {deadline}";
    ShiftTicket(ticket) => "tiket {ticket}", "ticket {ticket}";
    ShiftDays(days) => "{days} hari kerja", "{days} working days";
    ShiftNone => "tidak ada", "none";
    ShiftMore(count) => "… dan {count} lagi: bcare-desk report --shift", "… and {count} more: bcare-desk report --shift";
    SbNoticesOwed => "perlu dikabari", "owed a notice";
    KeySpace => "Spasi", "Space";
    WalkLateAll(late, total, channel) => "{late} dari {total} lewat {channel} sudah lewat batas SLA: mengapa? (satu alasan untuk semua)", "{late} of {total} by {channel} are past the SLA deadline: why? (one reason for all)";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::msg::placeholders_agree;

    #[test]
    fn every_entry_has_both_languages_with_exactly_its_declared_values() {
        for e in T::ENTRIES {
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
