//! `followup` and `notify` on the real binary with a fixed clock: a status typed
//! from the portal, the chase flag over a weekend and a holiday, the notice owed,
//! `--poll` against the simulator over HTTP, and refusals that change nothing.

mod desk_binary;
mod support;

use bcare_desk::bcare::server::SimServer;
use bcare_desk::bcare::sim::{SimSettings, Simulator};
use desk_binary::Desk;
use serde_json::{Value, json};
use std::sync::Arc;
use support::wita;

/// An instant in WITA as `BCARE_DESK_NOW` takes it.
fn now_at(date: &str, time: &str) -> String {
    wita(&format!("{date} {time}")).to_rfc3339()
}

/// A complaint received, filed by hand on the portal, ticketed and handed over now.
fn handed_over(desk: &Desk, ticket: &str) -> String {
    let r = desk.intake(&[]);
    desk.json(&["forward", &r]);
    desk.json(&["ticket", &r, ticket]);
    desk.json(&["handover", &r, "--via", "whatsapp"]);
    r
}

fn item<'a>(list: &'a Value, reference: &str) -> &'a Value {
    list["tickets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["ref"] == reference)
        .unwrap_or_else(|| panic!("{reference} not in {list}"))
}

// Every test here runs on a SQLite file and on a PostgreSQL database.
on_both! {
    #[test]
    fn a_ticket_is_chased_after_three_working_days_across_a_weekend_and_a_holiday() {
        // Thursday 20 August 2026; Tuesday 25 August is a holiday.
        let mut desk = Desk::with_config("", &now_at("2026-08-20", "09:00"));
        let r = handed_over(&desk, "A0254EB2B1");
        for (date, days, chase) in [
            ("2026-08-20", 0, false),
            ("2026-08-21", 1, false),
            ("2026-08-23", 1, false),
            ("2026-08-24", 2, false),
            ("2026-08-25", 2, false),
            ("2026-08-26", 3, false),
            ("2026-08-27", 4, true),
        ] {
            desk.now = now_at(date, "10:00");
            let list = desk.json(&["followup"]);
            let t = item(&list, &r);
            assert_eq!(
                (t["working_days_open"].as_i64().unwrap(), t["chase"] == true),
                (days, chase),
                "{date}"
            );
            assert_eq!(list["to_chase"], json!(usize::from(chase)), "{date}");
        }
        assert_eq!(
            desk.json(&["followup"])["portal_url"],
            "https://ceisacare.beacukai.go.id"
        );
        let out = desk
            .cmd()
            .args(["followup", "--lang", "en"])
            .assert()
            .success();
        let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
        assert!(
            text.contains("A0254EB2B1") && text.contains("CHASE"),
            "{text}"
        );
        assert!(text.contains("https://ceisacare.beacukai.go.id"), "{text}");
    }
    #[test]
    fn a_status_typed_from_the_portal_resolves_and_the_notice_is_owed_until_sent() {
        let mut desk = Desk::with_config("", &now_at("2026-11-30", "09:00"));
        let a = handed_over(&desk, "A0254EB2B1");
        let b = desk.intake(&["--name", "Budi Santoso"]);
        desk.json(&["link", &b, "--to", &a]);
        desk.json(&["handover", &b, "--via", "telepon"]);
        let other = handed_over(&desk, "B0000000C2");

        desk.now = now_at("2026-11-30", "10:00");
        let changes = desk.json(&[
            "followup",
            &a,
            "--status",
            "in progress",
            "--note",
            "dibaca",
        ]);
        assert_eq!(changes.as_array().unwrap().len(), 2, "{changes}");
        assert!(
            changes
                .as_array()
                .unwrap()
                .iter()
                .all(|c| c["resolved"] == false)
        );
        // The same status again, however BCare spells it, changes nothing.
        assert_eq!(
            desk.json(&["followup", &b, "--status", "In_Progress"]),
            json!([])
        );
        assert_eq!(
            desk.json(&["followup", &b, "--status", "waiting for vendor"]),
            json!([{"ref": a, "ticket_no": "A0254EB2B1", "before": "in progress",
                    "after": "waiting for vendor", "changed": true, "resolved": false},
                   {"ref": b, "ticket_no": "A0254EB2B1", "before": "in progress",
                    "after": "waiting for vendor", "changed": true, "resolved": false}])
        );
        desk.now = now_at("2026-12-01", "08:00");
        let done = desk.json(&["followup", &a, "--status", "closed"]);
        assert!(
            done.as_array()
                .unwrap()
                .iter()
                .all(|c| c["resolved"] == true),
            "{done}"
        );
        let show = desk.json(&["show", &b]);
        assert_eq!(show["stage"], "resolved");

        let list = desk.json(&["followup"]);
        assert_eq!(list["notices_owed"], 2);
        let order: Vec<&str> = list["tickets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["ref"].as_str().unwrap())
            .collect();
        assert_eq!(order, [a.as_str(), b.as_str(), other.as_str()]);
        assert_eq!(item(&list, &a)["notify_owed"], true);
        assert_eq!(item(&list, &a)["last_status"], "closed");
        assert_eq!(
            item(&list, &a)["last_status_at"],
            "2026-12-01T08:00:00+08:00"
        );
        assert_eq!(item(&list, &other)["last_status_at"], Value::Null);
        assert_eq!(item(&list, &other)["notify_owed"], false);
        let shift = desk.json(&["report", "--shift"]);
        assert_eq!(shift["notices_owed"].as_array().unwrap().len(), 2);

        let sent = desk.json(&["notify", &b, "--via", "Telp"]);
        assert_eq!(sent["via"], "telepon");
        let message = sent["message"].as_str().unwrap();
        assert!(message.contains("Budi Santoso"), "{message}");
        assert!(
            message.contains("A0254EB2B1") && message.contains("closed"),
            "{message}"
        );
        let list = desk.json(&["followup"]);
        assert_eq!(list["notices_owed"], 1);
        assert!(
            !list["tickets"]
                .as_array()
                .unwrap()
                .iter()
                .any(|t| t["ref"] == b.as_str())
        );
        let events = desk.json(&["show", &b])["events"].clone();
        let last = events.as_array().unwrap().last().unwrap().clone();
        assert_eq!(last["kind"], "notified");
        assert_eq!(last["note"], "via telepon");
    }
    #[test]
    fn refusals_name_the_rule_and_change_nothing() {
        let desk = Desk::with_config("", &now_at("2026-11-30", "09:00"));
        let received = desk.intake(&[]);
        let handed = handed_over(&desk, "A0254EB2B1");
        let err = desk.refused(&["followup", &received, "--status", "selesai"]);
        assert!(
            err.contains("status") && err.contains("'diterima'"),
            "{err}"
        );
        let err = desk.refused(&["followup", &handed, "--status", "  "]);
        assert!(err.contains("status"), "{err}");
        let err = desk.refused(&["notify", &handed, "--via", "whatsapp"]);
        assert!(
            err.contains("'diserahkan'") && err.contains("(selesai)"),
            "{err}"
        );
        desk.json(&["followup", &handed, "--status", "selesai"]);
        let err = desk.refused(&["notify", &handed, "--via", "fax"]);
        assert!(err.contains("via"), "{err}");
        let err = desk.refused(&["notify", "ADU-2026-09999", "--via", "email"]);
        assert!(err.contains("ADU-2026-09999"), "{err}");
        let err = desk.refused(&["followup", "--poll"]);
        assert!(err.contains("portal") && err.contains("--status"), "{err}");
        std::fs::write(desk.config(), "[bcare]\nclient = \"sim\"\n").unwrap();
        let err = desk.refused(&["followup", "--poll", "--lang", "en"]);
        assert!(err.contains("simulate"), "{err}");
        std::fs::write(desk.config(), "").unwrap();
        // A secret typed as a note is refused like anywhere else.
        let other = handed_over(&desk, "B0000000C2");
        let err = desk.refused(&[
            "followup",
            &other,
            "--status",
            "open",
            "--note",
            "password: Rahasia123!",
        ]);
        assert!(err.contains("note"), "{err}");
    }
    #[test]
    fn poll_asks_the_simulator_over_http_and_prints_what_changed() {
        let sim = Arc::new(Simulator::new(SimSettings::default()));
        let server = SimServer::start("127.0.0.1:0".parse().unwrap(), sim.clone()).unwrap();
        let config = format!(
            "[bcare]\nclient = \"http\"\nurl = \"{}\"\ntimeout_secs = 2\n",
            server.url()
        );
        let desk = Desk::with_config(&config, &now_at("2026-11-30", "09:00"));
        let r = desk.intake(&[]);
        desk.json(&["forward", &r, "--wait", "5"]);
        let ticket = desk.json(&["show", &r])["ticket_no"]
            .as_str()
            .unwrap()
            .to_string();
        desk.json(&["handover", &r, "--via", "whatsapp"]);

        let first = desk.json(&["followup", "--poll"]);
        assert_eq!(first["asked"], 1);
        assert_eq!(first["changes"][0]["after"], "open");
        assert!(sim.set_status(&ticket, "selesai"));
        let out = desk.cmd().args(["followup", "--poll"]).assert().success();
        let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
        assert!(
            text.contains(&r) && text.contains("open → selesai"),
            "{text}"
        );
        assert!(text.contains("SELESAI"), "{text}");
        assert_eq!(desk.json(&["show", &r])["stage"], "resolved");
        // BCare gone: a one-line reason naming it, a failure exit, nothing written.
        let still_open = desk.intake(&[]);
        desk.json(&["forward", &still_open, "--wait", "5"]);
        desk.json(&["handover", &still_open, "--via", "whatsapp"]);
        drop(server);
        let err = desk.refused(&["followup", "--poll", "--lang", "en"]);
        assert!(err.contains("BCare did not answer"), "{err}");
        assert!(err.contains("unreachable"), "{err}");
    }
}
