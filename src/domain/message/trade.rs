//! The trade's documents and phrases: which customs or excise document a
//! message names, the category that document belongs to, and the phrases
//! that settle a category before any keyword is counted.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// A document (or a facility, or an excise record) the message names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct DocMention {
    /// The desk's name for it: "BC 2.5", "BC 2.0 PIB", "CK-1", "LACK-1", "P3C".
    pub name: String,
    /// The category it belongs to: "TPB", "CUK", ...
    pub category: &'static str,
    pub span: Range<usize>,
    /// A document type the intake form's field can hold (not a facility word).
    pub is_doc_type: bool,
}

/// "BC 2.5", "bc25", "BC.2.7", "BC 261", "BC 40", "bc 3.0", "PIB", "PEB",
/// "PIBK", "CK-1", "CK 5", "CK_5", "ck1", "CK-4C", "LACK-1", "LACK 11",
/// "BACK-1", "PBCK-4", "STCK-1" (an excise bill), "P3C", "SPPR".
static DOC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:bc[ \t]*\.?[ \t]*(?P<a>\d)(?:[ \t]*[.,][ \t]*(?P<b>\d)(?:(?P<c>[12])\b|[ \t]*\.[ \t]*(?P<c3>\d))?|(?P<bb>\d)(?P<cc>[12])?)|(?P<w>pibk|pib|peb|pkbe|npe|p3c|sppr)|(?P<pre>lack|back|pbck|stck|ck)[ \t_-]*(?P<n>\d{1,2})(?P<x>[a-z])?)(?:in|out|nya)?\b",
    )
    .expect("doc regex")
});

/// Words that name a bonded zone, the excise trade or a staff tool without
/// naming a document: they settle the category like a document does.
static FACILITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?P<tpb>kawasan[ \t]+berikat|gudang[ \t]+berikat|pusat[ \t]+logistik[ \t]+berikat|plb|ftz|kek|gate[ \t]+mandiri|get[ \t]+out[ \t]+mandiri|perijinan[ \t]+transaksional|perizinan[ \t]+transaksional|izin[ \t]+transaksional|it[ \t]+inventory|subkon(?:trak)?|peri[jz]inan[ \t]+online)\b|\b(?P<cuk>pita[ \t]+cukai|cukai|nppbkc|nppbk|merk|merek|hje|hasil[ \t]+tembakau|etil[ \t]+alkohol|mmea|tarif[ \t]+(?:ht|cukai|merk|merek)|kep-?[ \t]*\d+/[a-z0-9./]*trf|jenis[ \t]+pita|sac)\b",
    )
    .expect("facility regex")
});

/// Whether `rest` begins with a list's number ("4. Status", "3) Uraian"):
/// one or two digits, then "." or ")" and a space.
pub(super) fn starts_a_list_item(rest: &str) -> bool {
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let b = rest.as_bytes();
    (1..=2).contains(&digits)
        && matches!(b.get(digits), Some(b'.' | b')'))
        && b.get(digits + 1).is_some_and(u8::is_ascii_whitespace)
}

/// Whether a keyword as written is a document's name ("PIB", "BC 2.3").
pub(super) fn is_doc_name(word: &str) -> bool {
    DOC.is_match(word)
}

/// Every document and trade word in `text`, in reading order.
pub(super) fn mentions(text: &str) -> Vec<DocMention> {
    let mut out: Vec<DocMention> = DOC
        .captures_iter(text)
        .filter_map(|c| {
            let span = c.get(0).expect("match").range();
            let (name, category) = doc_name(&c)?;
            Some(DocMention {
                name,
                category,
                span,
                is_doc_type: true,
            })
        })
        .collect();
    for c in FACILITY.captures_iter(text) {
        let span = c.get(0).expect("match").range();
        // "NPPBKC : 0713…" or "CEISA 4.0" as a label's word names an
        // identifier, not the problem: a label followed by ":" does not count.
        let rest = text[span.end..].trim_start_matches([' ', '\t', '.']);
        let is_label = rest.starts_with([':', '='])
            || rest.starts_with(|c: char| c.is_ascii_digit()) && !starts_a_list_item(rest);
        let category = if c.name("tpb").is_some() {
            "TPB"
        } else {
            "CUK"
        };
        // "Bea dan Cukai", "Bea Cukai Pasuruan": the service's own name, not
        // the excise trade.
        let before = text[..span.start].trim_end().to_ascii_lowercase();
        let service_name = text[span.clone()].eq_ignore_ascii_case("cukai")
            && (before.ends_with("bea")
                || before.ends_with("bea dan")
                || before.ends_with("bea &"));
        if category == "CUK" && (is_label || service_name) {
            continue;
        }
        out.push(DocMention {
            name: text[span.clone()].to_string(),
            category,
            span,
            is_doc_type: false,
        });
    }
    out.sort_by_key(|m| m.span.start);
    out
}

/// The desk's name and category of one document match.
fn doc_name(c: &regex::Captures) -> Option<(String, &'static str)> {
    if let Some(w) = c.name("w") {
        return Some(match w.as_str().to_ascii_lowercase().as_str() {
            "pib" => ("BC 2.0 PIB".into(), "IMP"),
            "pibk" => ("PIBK".into(), "IMP"),
            "peb" => ("BC 3.0 PEB".into(), "EKS"),
            "npe" => ("NPE".into(), "EKS"),
            "pkbe" => ("PKBE".into(), "EKS"),
            "p3c" => ("P3C".into(), "CUK"),
            _ => ("SPPR".into(), "CUK"),
        });
    }
    if let Some(pre) = c.name("pre") {
        let n = &c["n"];
        let x = c
            .name("x")
            .map(|x| x.as_str().to_ascii_uppercase())
            .unwrap_or_default();
        let pre = pre.as_str().to_ascii_uppercase();
        return Some((format!("{pre}-{n}{x}"), "CUK"));
    }
    let a = &c["a"];
    // "BC 2.5" / "BC 2.6.1", or "BC 25" / "BC 261" written without dots.
    let (b, sub) = match (c.name("b"), c.name("bb")) {
        (Some(b), _) => (
            b.as_str(),
            c.name("c").or_else(|| c.name("c3")).map(|m| m.as_str()),
        ),
        (None, Some(bb)) => (bb.as_str(), c.name("cc").map(|m| m.as_str())),
        _ => return None,
    };
    bc_document(a, b, sub)
}

/// "BC a.b(.sub)" and its category: manifests, imports, exports, bonded
/// zones. An unknown number is no document.
pub(super) fn bc_document(a: &str, b: &str, sub: Option<&str>) -> Option<(String, &'static str)> {
    let category = match (a, b, sub) {
        ("1", "0" | "1" | "2" | "5", None) => "MAN",
        ("1", "6", None) => "TPB",
        ("2", "0", None) => return Some(("BC 2.0 PIB".into(), "IMP")),
        ("2", "3" | "4" | "5" | "7" | "8", None) | ("2", "6", Some("1" | "2")) => "TPB",
        ("3", "0", None) => return Some(("BC 3.0 PEB".into(), "EKS")),
        ("3", "3", None) => "EKS",
        ("4", "0" | "1", None) => "TPB",
        _ => return None,
    };
    let name = match sub {
        Some(s) => format!("BC {a}.{b}.{s}"),
        None => format!("BC {a}.{b}"),
    };
    Some((name, category))
}

/// The document a CEISACare template names on its "Jenis Dokumen" line:
/// "Jenis Dokumen : BC 2.7", "Jenis dokumen: 25", "Jenis Dok : 4.0",
/// "JENIS DOCUMEN : BC 2.5".
pub(super) fn template_document(text: &str) -> Option<DocMention> {
    static LINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\bjenis[ \t]+(?:dokumen|document|docum?en|dok)\b[ \t]*[:.]?[ \t]*(?P<v>bc[ \t]*\.?[ \t]*\d[^\n]{0,8}|\d[.,]?\d(?:[.,]?\d)?\b)",
        )
        .expect("template line regex")
    });
    static BARE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?P<a>\d)[.,]?(?P<b>\d)(?:[.,]?(?P<c>[12]))?$").expect("bare doc regex")
    });
    let c = LINE.captures(text)?;
    let v = c.name("v").expect("value");
    if v.as_str().to_ascii_lowercase().starts_with("bc") {
        return mentions(v.as_str())
            .into_iter()
            .find(|m| m.is_doc_type)
            .map(|m| DocMention {
                span: v.start() + m.span.start..v.start() + m.span.end,
                ..m
            });
    }
    let b = BARE.captures(v.as_str().trim())?;
    let (name, category) = bc_document(&b["a"], &b["b"], b.name("c").map(|m| m.as_str()))?;
    Some(DocMention {
        name,
        category,
        span: v.range(),
        is_doc_type: true,
    })
}

/// The category a nomor aju's document code points to: characters 5–6 of a
/// CEISA 4.0 aju ("000025…" a BC 2.5, "STGI23…" a BC 2.3, "000030…" a BC 3.0).
/// A BC 2.6.x writes its three digits there instead ("000262…").
pub(super) fn aju_category(aju: &str) -> Option<&'static str> {
    if matches!(aju.get(3..6), Some("261" | "262")) {
        return Some("TPB");
    }
    let code = aju.get(4..6)?;
    match code {
        "20" => Some("IMP"),
        "30" | "33" => Some("EKS"),
        "10" | "11" | "15" => Some("MAN"),
        "16" | "23" | "25" | "26" | "27" | "28" | "40" | "41" => Some("TPB"),
        _ => None,
    }
}

/// Phrases that settle the category whatever documents the message names:
/// a login that fails, a menu, role or document type missing from an
/// account's choices (its Apps Management), a change of the account's e-mail,
/// an MFA or authenticator, an OTP that never comes (AKUN); a registration,
/// also misspelt ("regestasi") or "mendaftar akun" (REG); a staff reporting
/// tool (INH). The first of these kinds that occurs wins, in this order.
pub(super) fn settling_phrase(text: &str) -> Option<(&'static str, Range<usize>)> {
    /// One alternative a line: each is a way to say the account is the trouble.
    const ACCOUNT_PHRASES: &[&str] = &[
        r"(?:tidak|tdk|gak|ga|belum)[ \t]+(?:bisa|dapat|dpt)[ \t]+(?:log[ \t-]?in|masuk)",
        r"gagal[ \t]+log[ \t-]?in",
        r"gagal[ \t]+masuk[ \t]+(?:ke[ \t]+)?(?:ceisa|portal|aplikasi|akun|sistem)",
        r"log[ \t-]?in\b[^.\n]{0,60}\b(?:gagal|namun[ \t]+menemukan[ \t]+kendala)",
        r"(?:password|pasword|sandi)[ \t]+salah",
        r"salah[ \t]+(?:password|pasword)",
        r"(?:reset|mereset|perubahan|ganti|non[ \t-]?aktifkan)[ \t]+(?:password|pasword|sandi|kode[ \t]+mfa|mfa|autenti[ck]ator|authenticator)",
        r"lupa[ \t]+(?:password|pasword|sandi)",
        r"autentikasi[ \t]+2",
        r"mfa\b",
        r"multi[ \t-]?factor",
        r"aut(?:h)?enti\w*",
        r"(?:tidak|belum|tdk)[ \t]+(?:bisa[ \t]+)?(?:mendapat(?:kan)?|menerima|dapat|masuk)[ \t]+(?:kode[ \t]+)?otp",
        r"otp[ \t]+(?:tidak|belum)[ \t]+(?:masuk|terkirim|diterima|muncul)",
        r"two[ \t-]factor",
        r"(?:tambah|penambahan|ditambahkan|menambah(?:kan)?)[ \t]+(?:role|user|menu|akses)",
        r"(?:tidak|belum)[ \t]+(?:ada|terdapat|muncul|tersedia)[ \t]+(?:menu[ \t]+(?:cukai|lack|ck|tpb)|modul)",
        r"menu[ \t]+(?:cukai|ck[ \t_-]?\d{0,2}[a-z]?|lack[ \t_-]?\d{0,2})\b(?:[^.\n]|\.\d){0,40}?\b(?:(?:tidak|belum)[ \t]+(?:ada|muncul|tersedia|tampil)|(?:meng)?hilang)\b",
        r"^[ \t]*menu[ \t](?:[^.\n]|\.\w){0,160}(?:tidak|belum)[ \t]+muncul",
        r"(?:perubahan|mengganti|ganti|menonaktifkan)[ \t]+email",
        r"pembuatan[ \t]+user",
        r"aktivasi[ \t]+akun",
        r"email[ \t]+aktifasi",
        r"email[ \t]+aktivasi",
        r"user[ \t]+expired",
        r"akun[ \t]+terkunci",
        r"akun[ \t]+(?:di)?blokir",
        r"role\b[^.\n]{0,60}\b(?:tidak|belum)[ \t]+(?:bisa|dapat|muncul)",
        r"(?:mendapat(?:kan)?|diberikan|diberi)[ \t]+(?:hak[ \t]+)?(?:akses|role)",
        r"ditambah\w*[ \t]+role",
        r"unauthori[sz]ed",
        r"tidak[ \t]+(?:punya|memiliki|mempunyai)[ \t]+(?:otorisasi|akses|hak[ \t]+akses)",
        r"(?:membuka|dibukakan|bukakan|aktifkan|munculkan)[ \t]+menu",
        r"(?:ubah|diubah|mengubah|merubah|diruab|ganti|diganti)[^.\n]{0,30}\bemail",
        r"email[^.\n]{0,60}\btidak[ \t]+akti",
        r"(?:link|email)[ \t]+(?:aktivasi|aktifasi|verifikasi)",
        r"link[ \t]+aktivasi",
        r"(?:akun|user|akses|role|pic)\b[^.\n]{0,40}\bapps?[ \t]+(?:management|manajemen|manajer|manager)",
        r"apps?[ \t]+(?:management|manajemen|manajer|manager)\b[^.\n]{0,40}\b(?:akun|user|akses|role)",
        r"(?:belum|tidak)[ \t]+(?:muncul|ada|tersedia)[ \t]+pilihan[ \t]+(?:jenis[ \t]+)?dok(?:umen)?",
    ];
    static AKUN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?i)\b(?:{})", ACCOUNT_PHRASES.join("|")))
            .expect("account phrase regex")
    });
    static REG: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\b(?:pendaft?aran[ \t]+akun|pendaftran|mendaftar(?:kan)?[ \t]+akun|reg[ie]st?r?asi|daftar[ \t]+(?:di[ \t]+)?ceisa|daftar[ \t]+awal|nitku[ \t]+(?:tidak|belum)[ \t]+(?:valid|terdaftar|terbaca)|sinkron(?:isasi)?[ \t]+(?:data[ \t]+)?(?:oss|nib)|(?:oss|nib)[^.\n]{0,30}(?:tidak|belum)[ \t]+(?:sinkron|sesuai|update))",
        )
        .expect("registration phrase regex")
    });
    static INH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:tableau|datastore|dwh|data[ \t]+warehouse|(?:pengajuan|mengajukan|penetapan|perekaman|permohonan|persetujuan)[ \t]+cuti|e-?kinerja|presensi|absensi|simpeg|e-?office|nadine|sikka)\b")
            .expect("staff tool regex")
    });
    for (code, re) in [("AKUN", &*AKUN), ("REG", &*REG), ("INH", &*INH)] {
        if let Some(m) = re.find(text) {
            return Some((code, m.range()));
        }
    }
    None
}

/// When the problem is the payment itself or the exchange with the outside
/// systems, it is filed there even when a document is named: a BC 2.5 whose
/// payment is refused by the bank is a payment (BYR), a PIB that cannot be
/// sent because the host-to-host link is down is an exchange (INT). A
/// document only waiting at a payment or LNSW status ("stuck payment
/// verification", "belum mendapatkan billing", "stuck di LNSW penerimaan
/// dokumen", "gagal kirim INSW", a reject from the DJP check) stays with its
/// document, and the billing of an excise order (CK-1, SPPR, pita cukai)
/// with the excise work it pays for — unless the bill itself is the trouble: a
/// bill paid that the system does not reconcile ("tidak rekon",
/// "Tunggu-Rekon", "belum lunas", "dobel rekon") or a bill never issued ("billing
/// SPPR tidak terbit", "gagal create billing") is the payment's, whatever it
/// pays for.
pub(super) fn problem_itself(text: &str) -> Option<(&'static str, Range<usize>)> {
    /// One alternative a line: each is a way a payment itself fails.
    const PAYMENT_FAILURES: &[&str] = &[
        r"gagal[ \t]+(?:melakukan[ \t]+)?(?:pembayaran|membayar|bayar)",
        r"(?:tidak|tdk|belum)[ \t]+(?:bisa|dapat|dpt)[ \t]+(?:melakukan[ \t]+)?(?:pembayaran|membayar|bayar|dibayar)",
        r"pembayaran[^.\n]{0,30}\b(?:gagal|ditolak|tertolak)",
        r"tolakan[ \t]+(?:saat|pada|ketika)[ \t]+(?:pembayaran|bayar)",
        r"inquiry[ \t]+response",
        r"(?:double|dobel|ganda|dua[ \t]+kali|2[ \t]*x|2[ \t]+kali)[ \t]+(?:payment|pembayaran|bayar|membayar)",
        r"(?:payment|pembayaran|bayar|terbayar|dibayar|membayar)[ \t]+(?:double|dobel|ganda|dua[ \t]+kali|2[ \t]*x|2[ \t]+kali)",
        r"billing\b[^.\n]{0,20}?\b(?:tidak|gagal|belum)[ \t]+terbentuk",
        r"(?:tidak|gagal|belum)[ \t]+terbentuk[ \t]+(?:kode[ \t]+|id[ \t]+)?billing",
        r"(?:gagal|tidak[ \t]+bisa|tidak[ \t]+dapat)[ \t]+(?:membuat|buat|create|generate)[ \t]+(?:kode[ \t]+|id[ \t]+)?billing",
        r"ntpn[ \t]+(?:tidak|belum|gagal)[ \t]+(?:muncul|terbit|keluar|didapat|ada|diterima|terbentuk)",
        r"(?:tidak|belum)[ \t]+(?:mendapat(?:kan)?|dapat|muncul|ada)[ \t]+ntpn",
        r"pembayaran(?:[^.,\n]|\.\d){0,40}?\b(?:tidak|belum)[ \t]+(?:bisa|dapat)[ \t]+(?:digunakan|dilakukan)",
        r"(?:saat|ketika|waktu)[ \t]+(?:melakukan[ \t]+)?pembayaran[^.\n]{0,30}?\b(?:tidak[ \t]+(?:bisa|dapat)|gagal|error|ditolak)",
        r"billing[ \t]+not[ \t]+found",
        r"(?:kode[ \t]+|id[ \t]+|nomor[ \t]+)?billing[ \t]+tidak[ \t]+(?:(?:dapat|bisa)[ \t]+)?ditemukan",
        r"(?:pihak[ \t]+)?bank\b[^.\n]{0,30}?\b(?:tidak[ \t]+ditemukan|not[ \t]+found|menolak|ditolak)",
        r"salah[ \t]+(?:bayar|setor)",
        r"kelebihan[ \t]+(?:bayar|pembayaran|setor)",
        r"pengembalian[ \t]+(?:kelebihan[ \t]+)?pembayaran",
        r"kode[ \t]+billing[^.\n]{0,30}\b(?:tidak[ \t]+valid|kadaluarsa|kedaluwarsa|expired|tidak[ \t]+ditemukan|tidak[ \t]+terdaftar)",
    ];
    static PAYMENT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?i)\b(?:{})\b", PAYMENT_FAILURES.join("|")))
            .expect("payment problem regex")
    });
    static EXCHANGE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\b(?:(?:h2h|host[ \t-]?to[ \t-]?host)[^.\n]{0,40}\b(?:down|terputus|putus|timeout|time[ \t]?out|blokir|diblokir|tidak[ \t]+(?:bisa|dapat)[ \t]+(?:terhubung|terkoneksi|connect|konek|diakses))|(?:koneksi|blokir|terhubung[ \t]+ke)[ \t]+(?:ip[ \t]+)?(?:h2h|host[ \t-]?to[ \t-]?host|insw|lnsw)|(?:portal[ \t]+|website[ \t]+|web[ \t]+|sistem[ \t]+|aplikasi[ \t]+)?(?:insw|lnsw|djp|coretax)[ \t]+(?:sedang[ \t]+)?(?:down|gangguan|maintenance|tidak[ \t]+(?:bisa|dapat)[ \t]+diakses|tidak[ \t]+merespons?|tidak[ \t]+respon)|tps[ \t]+online|web[ \t]?service[^.\n]{0,30}\b(?:error|gagal|down)|(?:kendala|error|eror)[ \t]+(?:\w+[ \t]+)?(?:h2h|host[ \t-]?to[ \t-]?host)|token[ \t]+h2h|h2h[ \t]+(?:api|token)|post[ \t]+api)\b",
        )
        .expect("exchange problem regex")
    });
    // "sudah pembayaran tapi gate out tidak bisa dilakukan": after a "but"
    // the failure is another step's, not the payment's.
    static BUT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:tapi|tetapi|tp|namun|sedangkan)\b").expect("but regex")
    });
    static UNRECONCILED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\b(?:(?:tidak|belum|blm|tdk)[ \t]+(?:ter)?rekon|tunggu[ \t]*-?[ \t]*rekon|stuck[ \t]+(?:di[ \t]+)?(?:status[ \t]+)?rekon|(?:dobel|double|ganda)[ \t]+rekon|belum[ \t]+lunas|billing\b(?:[^.\n]|\.\d){0,60}?\b(?:tidak|belum|gagal)[ \t]+(?:di[ \t]+)?(?:terbit|terbentuk|create)|(?:gagal|tidak[ \t]+bisa|tidak[ \t]+dapat)[ \t]+(?:melakukan[ \t]+)?(?:create|membuat|buat)[ \t]+billing|create[ \t]+billing\b[^.\n]{0,30}?\btidak[ \t]+muncul|tidak[ \t]+ada[ \t]+pilihan[ \t]+create[ \t]+billing)\b",
        )
        .expect("unreconciled payment regex")
    });
    if let Some(m) = UNRECONCILED.find(text) {
        return Some(("BYR", m.range()));
    }
    if let Some(m) = PAYMENT.find_iter(text).find(|m| !BUT.is_match(m.as_str()))
        && !mentions(text).iter().any(|d| d.category == "CUK")
    {
        return Some(("BYR", m.range()));
    }
    EXCHANGE.find(text).map(|m| ("INT", m.range()))
}
