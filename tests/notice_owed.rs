//! One rule for "owed a notice", on the real binary: a resolved complaint's
//! applicant is owed the notice until `notify` records it, whether the officer
//! resolved it by hand or the follow-up did — and every view says the same:
//! the follow-up list and its count, the shift report, the incident view.

mod desk_binary;

use desk_binary::Desk;
use serde_json::Value;

/// A complaint received, filed by hand on the portal, ticketed and handed over.
fn handed_over(desk: &Desk, name: &str, ticket: &str) -> String {
    let r = desk.intake(&["--name", name]);
    desk.json(&["forward", &r]);
    desk.json(&["ticket", &r, ticket]);
    desk.json(&["handover", &r, "--via", "whatsapp"]);
    r
}

/// What each view says of `reference`: (in the follow-up list as owed, in the
/// shift report's owed notices, owed in the incident view).
fn views(desk: &Desk, reference: &str, ticket: &str) -> (bool, bool, bool) {
    let owed_in = |list: &Value| {
        list.as_array()
            .unwrap()
            .iter()
            .any(|t| t["ref"] == reference && t["notify_owed"] == true)
    };
    let followup = desk.json(&["followup"]);
    let shift = desk.json(&["report", "--shift"]);
    let incident = desk.json(&["incident", ticket]);
    let caller = incident["callers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["ref"] == reference)
        .unwrap_or_else(|| panic!("{reference} not in {incident}"))
        .clone();
    (
        owed_in(&followup["tickets"]),
        owed_in(&shift["notices_owed"]),
        caller["owed_notice"] == true,
    )
}

fn owed_count(desk: &Desk) -> i64 {
    desk.json(&["followup"])["notices_owed"].as_i64().unwrap()
}

#[test]
fn a_demo_desk_owes_a_few_notices_not_every_resolved_sample() {
    let desk = Desk::new();
    desk.json(&["demo", "--count", "3000"]);
    let conn = rusqlite::Connection::open(desk.db()).unwrap();
    let resolved: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM complaints WHERE stage = 'resolved'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let owed = owed_count(&desk);
    assert!(resolved > 2000, "{resolved} resolved");
    assert!((1..=40).contains(&owed), "{owed} owed of {resolved}");
    // Every notified sample has its `notified` event, before the clock.
    let told: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM complaints WHERE notified_at IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let events: i64 = conn
        .query_row(
            "SELECT COUNT(DISTINCT complaint_id) FROM events WHERE kind = 'notified'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(told, resolved - owed);
    assert_eq!(events, told);
}

// Every test here runs on a SQLite file and on a PostgreSQL database.
on_both! {
    #[test]
    fn a_complaint_resolved_by_hand_is_owed_a_notice_until_notified() {
        let desk = Desk::new();
        let r = handed_over(&desk, "Andi Wijaya", "A0254EB2B1");
        assert_eq!(views(&desk, &r, "A0254EB2B1"), (false, false, false));
        assert_eq!(owed_count(&desk), 0);

        desk.json(&["resolve", &r, "--note", "CEISA pulih"]);
        assert_eq!(views(&desk, &r, "A0254EB2B1"), (true, true, true));
        assert_eq!(owed_count(&desk), 1);

        desk.json(&["notify", &r, "--via", "whatsapp"]);
        assert_eq!(views(&desk, &r, "A0254EB2B1"), (false, false, false));
        assert_eq!(owed_count(&desk), 0);
        // The incident view says when the caller was told.
        let incident = desk.json(&["incident", "A0254EB2B1"]);
        assert!(
            incident["callers"][0]["notified_at"].is_string(),
            "{incident}"
        );
        assert_eq!(incident["owed_notices"], 0);
    }
    #[test]
    fn a_complaint_resolved_by_the_follow_up_is_owed_a_notice_until_notified() {
        let desk = Desk::new();
        let a = handed_over(&desk, "Andi Wijaya", "B0000000C2");
        let by_hand = handed_over(&desk, "Budi Santoso", "C0000000D3");
        desk.json(&["resolve", &by_hand]);

        let done = desk.json(&["followup", &a, "--status", "Selesai"]);
        assert_eq!(done[0]["resolved"], true, "{done}");
        assert_eq!(views(&desk, &a, "B0000000C2"), (true, true, true));
        // Both ways of resolving count alike.
        assert_eq!(owed_count(&desk), 2);
        // The follow-up took the same step as a resolve by hand: its event says so.
        let events = desk.json(&["show", &a])["events"].clone();
        let resolve = events
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["kind"] == "resolve")
            .unwrap_or_else(|| panic!("no resolve event in {events}"))
            .clone();
        assert_eq!(
            (resolve["before"].as_str(), resolve["after"].as_str()),
            (Some("handed_over"), Some("resolved"))
        );

        desk.json(&["notify", &a, "--via", "telepon"]);
        assert_eq!(views(&desk, &a, "B0000000C2"), (false, false, false));
        assert_eq!(owed_count(&desk), 1);
        assert_eq!(views(&desk, &by_hand, "C0000000D3"), (true, true, true));
    }
    #[test]
    fn a_notice_refused_for_an_open_complaint_leaves_it_not_owed_and_unchanged() {
        let desk = Desk::new();
        let r = handed_over(&desk, "Andi Wijaya", "A0254EB2B1");
        let before = desk.rows();
        let err = desk.refused(&["notify", &r, "--via", "whatsapp"]);
        assert!(err.contains("'diserahkan'"), "{err}");
        assert_eq!(desk.rows(), before);
        // Resolved afterwards, it is owed: the refused notice did not count.
        desk.json(&["resolve", &r]);
        assert_eq!(views(&desk, &r, "A0254EB2B1"), (true, true, true));
    }
    #[test]
    fn every_applicant_on_a_ticket_is_told_at_once_by_their_own_channel_or_none_is() {
        let desk = Desk::new();
        // Three callers of one outage share the ticket; the second was handed over
        // by telephone, the others by WhatsApp.
        let a = handed_over(&desk, "Andi Wijaya", "A0254EB2B1");
        let b = desk.intake(&["--name", "Budi Santoso"]);
        let c = desk.intake(&["--name", "Citra Lestari"]);
        desk.json(&["link", &b, &c, "--ticket", "A0254EB2B1"]);
        desk.json(&["handover", &b, "--via", "telepon"]);
        desk.json(&["handover", &c, "--via", "whatsapp"]);
        let open = desk.intake(&["--name", "Dedi Kurnia"]);

        // Nobody is owed before the ticket is resolved: refused, naming the ticket.
        let err = desk.refused(&["notify", "--ticket", "A0254EB2B1"]);
        assert!(err.contains("A0254EB2B1") && err.contains("ticket"), "{err}");
        desk.json(&["resolve", "--ticket", "A0254EB2B1", "--note", "CEISA pulih 10:40"]);
        assert_eq!(owed_count(&desk), 3);

        // One not resolved among the references: none is told.
        let before = desk.rows();
        let err = desk.refused(&["notify", &a, &open]);
        assert!(err.contains(&open), "{err}");
        assert_eq!(desk.rows(), before);
        assert_eq!(owed_count(&desk), 3);

        let v = desk.json(&["notify", "--ticket", "A0254EB2B1"]);
        let told = v["notified"].as_array().unwrap();
        assert_eq!(told.len(), 3, "{v}");
        let by: Vec<(&str, &str)> = told
            .iter()
            .map(|t| (t["ref"].as_str().unwrap(), t["via"].as_str().unwrap()))
            .collect();
        assert_eq!(by, [(a.as_str(), "whatsapp"), (b.as_str(), "telepon"), (c.as_str(), "whatsapp")]);
        // Each applicant's own message, quoting what Dir. IKC did.
        assert!(told[1]["message"].as_str().unwrap().contains("Budi Santoso"));
        assert!(told[1]["message"].as_str().unwrap().contains("CEISA pulih 10:40"));
        assert_eq!(told[1]["contact"], "+6281234567890");
        assert_eq!(owed_count(&desk), 0);
        // Told already: a second --ticket finds nobody owed.
        let err = desk.refused(&["notify", "--ticket", "A0254EB2B1"]);
        assert!(err.contains("A0254EB2B1"), "{err}");
    }
    #[test]
    fn the_shift_handoff_names_whom_to_call_back_and_about_what() {
        let desk = Desk::new();
        let r = desk.intake(&["--name", "Rina Maharani"]);
        let shift = desk.json(&["report", "--shift"]);
        let open = &shift["open"][0];
        assert_eq!(open["ref"], r.as_str());
        assert_eq!(open["applicant"], "Rina Maharani");
        assert_eq!(open["subject"], "PIB belum mendapat respon");
        let out = desk.cmd().args(["report", "--shift"]).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("Rina Maharani — PIB belum mendapat respon"), "{text}");
    }
}
