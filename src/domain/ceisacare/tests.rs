use super::*;
use chrono::TimeZone;

#[test]
fn html_becomes_one_plain_line() {
    assert_eq!(
        html::to_text("<p>Mohon&nbsp;bantuan</p><p>Referensi kantor: ADU-2026-00042</p>"),
        "Mohon bantuan Referensi kantor: ADU-2026-00042"
    );
    assert_eq!(
        html::to_text("a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39; &#8211; &#x2013;"),
        "a <b> & \"c\" 'd' – –"
    );
    assert_eq!(html::to_text("1 < 2 and 3 > 2"), "1 < 2 and 3 > 2");
    assert_eq!(
        html::to_text("ok<script>alert('x')</script><style>p{}</style> done"),
        "ok done"
    );
    // An entity that decodes to a control or an escape is dropped with the rest.
    assert_eq!(html::to_text("x&#27;[2Jy\u{202E}z&#7;"), "x[2Jyz");
    assert_eq!(html::to_text("&unknown; &"), "&unknown; &");
}

#[test]
fn the_number_is_what_stands_before_the_dash() {
    assert_eq!(ticket_number("K735BBA665 - PIB belum respon"), "K735BBA665");
    assert_eq!(ticket_number("K735BBA665"), "K735BBA665");
    assert_eq!(ticket_number(" <b>K735BBA665</b> "), "K735BBA665");
}

#[test]
fn references_are_found_in_the_text_once_each() {
    assert_eq!(
        references_in("Referensi kantor: adu-2026-00042; lihat ADU-2026-00042 dan ADU-2025-00007."),
        vec!["ADU-2026-00042", "ADU-2025-00007"]
    );
    assert!(references_in("XADU-2026-00042 ADU-2026-0004").is_empty());
}

#[test]
fn zones_by_name_or_offset() {
    assert_eq!(zone("WIB").unwrap().local_minus_utc(), 7 * 3600);
    assert_eq!(zone("wita").unwrap().local_minus_utc(), 8 * 3600);
    assert_eq!(zone("Asia/Jayapura").unwrap().local_minus_utc(), 9 * 3600);
    assert_eq!(zone("+07:00").unwrap().local_minus_utc(), 7 * 3600);
    assert_eq!(zone("UTC+8").unwrap().local_minus_utc(), 8 * 3600);
    assert!(zone("Mars").is_none());
    assert!(zone("+25:00").is_none());
}

const PAGE: &str = r#"{"data": {"totalPages": 4, "totalRows": 37, "items": [
 {"uuidLayanan": "9b2f0c1e-0000-4000-8000-000000000001", "nomorTiket": "K735BBA665 - Gangguan &amp; jaringan",
  "idStatus": 1, "tanggal": "03-12-2026", "fullName": "Budi &lt;PDAD&gt;", "namaKantorPendek": "KPPBC Makassar",
  "uraian": "<p>PIB tidak terkirim.</p><p>Referensi kantor:&nbsp;ADU-2026-00042</p>"},
 {"uuidLayanan": "9b2f0c1e-0000-4000-8000-000000000002", "nomorTiket": null, "tanggal": "bad", "uraian": null}
]}}"#;

#[test]
fn a_page_is_read_into_tickets() {
    let p = parse_page(PAGE).unwrap();
    assert_eq!(p.total_pages, 4);
    assert_eq!(p.items[0].ticket_no, "K735BBA665");
    assert_eq!(p.items[0].date, NaiveDate::from_ymd_opt(2026, 12, 3));
    assert_eq!(p.items[0].references, vec!["ADU-2026-00042"]);
    assert_eq!(p.items[1].ticket_no, "");
    assert_eq!(p.items[1].date, None);
}

#[test]
fn json_of_another_shape_is_named() {
    let e = parse_page(r#"{"data": {"rows": []}}"#).unwrap_err();
    assert!(e.contains("another shape") && e.contains("items"), "{e}");
    let e = parse_page(r#"{"data": {"items": [{"uuidLayanan": "../x"}]}}"#).unwrap_err();
    assert!(e.contains("uuidLayanan"), "{e}");
    assert!(parse_detail("[]", default_zone()).is_err());
}

#[test]
fn a_detail_is_read_in_the_gateways_zone_and_says_its_outcome() {
    let body = r#"{"data": {"analisa": {}, "layanan": {"nomorTiket": "K735BBA665 - x"},
      "proseses": [
        {"namaPosisi": "PDAD", "namaStatusLayanan": "Submit", "catatan": null, "wkRekam": "03-12-2026 09:15:00"},
        {"namaPosisi": "Dir. IKC Layer 2", "namaStatusLayanan": "Penyelesaian",
         "catatan": "<p>Sudah &lt;diperbaiki&gt;\u001b[31m</p>", "wkRekam": "04-12-2026 14:00:05"}],
      "conversations": [{"fullName": "Agen&nbsp;IKC", "respon": "<i>Mohon dicoba lagi</i>"}]}}"#;
    let d = parse_detail(body, default_zone()).unwrap();
    assert_eq!(d.ticket_no.as_deref(), Some("K735BBA665"));
    assert_eq!(
        d.steps[0].at,
        Some(Utc.with_ymd_and_hms(2026, 12, 3, 2, 15, 0).unwrap())
    );
    assert_eq!(d.steps[1].note, "Sudah <diperbaiki>[31m");
    assert_eq!(d.answers[0].from, "Agen IKC");
    assert_eq!(d.outcome().as_deref(), Some("Sudah <diperbaiki>[31m"));
    let wita = parse_detail(body, zone("WITA").unwrap()).unwrap();
    assert_eq!(
        wita.steps[0].at,
        Some(Utc.with_ymd_and_hms(2026, 12, 3, 1, 15, 0).unwrap())
    );
    let mut no_note = d.clone();
    no_note.steps[1].note.clear();
    assert_eq!(no_note.outcome().as_deref(), Some("Mohon dicoba lagi"));
}

fn listed(no: &str, day: u32, refs: &[&str]) -> Listed {
    Listed {
        uuid: format!("u-{no}"),
        ticket_no: no.into(),
        date: NaiveDate::from_ymd_opt(2026, 12, day),
        references: refs.iter().map(|r| r.to_string()).collect(),
    }
}

#[test]
fn a_walk_stops_once_it_passes_the_oldest_day_or_the_last_page() {
    let page = |days: &[u32]| Page {
        items: days.iter().map(|d| listed("K000000001", *d, &[])).collect(),
        total_pages: 9,
    };
    let h = NaiveDate::from_ymd_opt(2026, 12, 3);
    assert!(
        !walk_done(&page(&[5, 4, 3]), 1, h),
        "the day itself is not passed"
    );
    assert!(walk_done(&page(&[3, 2]), 2, h));
    assert!(walk_done(&page(&[5]), 9, h), "the last page");
    assert!(walk_done(&page(&[]), 3, h));
    assert!(walk_done(&page(&[5]), 1, None), "nothing to look for");
}

#[test]
fn the_oldest_ticket_naming_a_complaint_gives_the_number_and_a_later_one_warns() {
    let named: HashMap<String, Named> = [
        (
            "ADU-2026-00042".to_string(),
            Named {
                waiting: true,
                ticket_no: None,
            },
        ),
        (
            "ADU-2026-00040".to_string(),
            Named {
                waiting: false,
                ticket_no: Some("A0254EB2B1".into()),
            },
        ),
    ]
    .into();
    let items = [
        listed("K0000000B2", 4, &["ADU-2026-00042"]),
        listed("A0254EB2B1", 3, &["ADU-2026-00040"]),
        listed(
            "K0000000A1",
            3,
            &["ADU-2026-00042", "ADU-2026-00040", "ADU-2026-09999"],
        ),
    ];
    let found = match_numbers(&items, &named);
    assert_eq!(
        found,
        vec![
            Found::Number {
                reference: "ADU-2026-00042".into(),
                ticket_no: "K0000000A1".into(),
                uuid: "u-K0000000A1".into()
            },
            Found::Another {
                reference: "ADU-2026-00040".into(),
                ticket_no: "K0000000A1".into(),
                kept: "A0254EB2B1".into()
            },
            Found::Another {
                reference: "ADU-2026-00042".into(),
                ticket_no: "K0000000B2".into(),
                kept: "K0000000A1".into()
            },
        ]
    );
}

#[test]
fn a_token_is_a_jwt_with_an_expiry_and_is_never_shown() {
    let exp = Utc.with_ymd_and_hms(2026, 12, 5, 8, 0, 0).unwrap();
    let jwt = token::unsigned(exp, "pdad");
    let t = token::read(&format!("  Bearer {jwt}\n")).unwrap();
    assert_eq!(t.expires_at, exp);
    assert_eq!(t.jwt, jwt);
    assert!(!format!("{t:?}").contains(&jwt[..20]));
    let json = format!(r#"{{"access_token": "{jwt}", "expires_in": 3600}}"#);
    assert_eq!(token::read(&json).unwrap().jwt, jwt);
    assert_eq!(token::read(""), Err(token::TokenProblem::Empty));
    assert_eq!(token::read("s3cret"), Err(token::TokenProblem::NotJwt));
    assert_eq!(
        token::read("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.c2ln"),
        Err(token::TokenProblem::NoExpiry)
    );
    assert_eq!(token::read("a.b.c"), Err(token::TokenProblem::NotJwt));
    assert_eq!(
        token::read(&"x".repeat(token::TOKEN_MAX + 1)),
        Err(token::TokenProblem::TooLong)
    );
    assert!(matches!(
        token::validity(exp, exp),
        token::Validity::ExpiredAt(_)
    ));
}
