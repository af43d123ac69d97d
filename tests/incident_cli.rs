//! One outage, many callers on the real binary: intake --link-to and its hint,
//! link / handover / cancel with several references (all or nothing), handover
//! --ticket with a message for every applicant, and `incident TICKET_NO`.

mod desk_binary;

use desk_binary::{Desk, EMPLOYEE, IMPORTER, intake_args};
use predicates::prelude::*;
use serde_json::Value;

/// A complaint forwarded and given `ticket`.
fn ticketed(desk: &Desk, name: &str, ticket: &str) -> String {
    let r = desk.intake(&["--name", name]);
    desk.json(&["forward", &r]);
    desk.json(&["ticket", &r, ticket]);
    r
}

fn stage(desk: &Desk, r: &str) -> String {
    desk.json(&["show", r])["stage"]
        .as_str()
        .unwrap()
        .to_string()
}

/// The importer's intake as `name`, its document sent: what most callers of an outage bring.
fn importer(name: &str) -> Vec<&str> {
    intake_args(IMPORTER, &["--name", name, "--doc-status", "terkirim"])
}

// Every test here runs on a SQLite file and on a PostgreSQL database.
on_both! {
    #[test]
    fn intake_links_to_a_ticket_in_the_same_step_or_saves_nothing() {
        let desk = Desk::new();
        let first = ticketed(&desk, "Andi Wijaya", "A0254EB2B1");
        let j = desk.json(&[
            "intake",
            "--name",
            "Budi Santoso",
            "--kind",
            "pegawai",
            "--nip",
            "198501012010011001",
            "--phone",
            "081298765432",
            "--channel",
            "telepon",
            "--category",
            "IMP",
            "--subject",
            "CEISA tidak merespon",
            "--description",
            "Sejak pagi.",
            "--aju",
            "000020-010017-20261127-000123",
            "--link-to",
            "a0254eb2b1",
        ]);
        assert_eq!(j["stage"], "ticketed");
        assert_eq!(j["ticket_no"], "A0254EB2B1");
        assert_eq!(j["linked_to"], first.as_str());
        let second = j["ref"].as_str().unwrap();
        let kinds: Vec<Value> = desk.json(&["show", second])["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["kind"].clone())
            .collect();
        assert_eq!(kinds, ["intake", "link"]);

        // A link that cannot be made saves nothing: the complaint is not half-taken.
        let base = [
            "intake",
            "--name",
            "Citra",
            "--kind",
            "pegawai",
            "--nip",
            "198501012010011001",
            "--phone",
            "081298765432",
            "--channel",
            "telepon",
            "--category",
            "TIK",
            "--subject",
            "Jaringan putus",
            "--description",
            "Sejak pagi.",
            "--link-to",
        ];
        let err = desk.refused(&[&base[..], &["ADU-2026-09999"]].concat());
        assert!(err.contains("ADU-2026-09999"), "{err}");
        let err = desk.refused(&[&base[..], &["A0254EB2B1'; DROP TABLE events;--"]].concat());
        assert!(err.contains("ticket_no"), "{err}");
    }
    #[test]
    fn a_plain_intake_hints_at_the_open_ticket_of_its_category() {
        let mut desk = Desk::new();
        ticketed(&desk, "Andi Wijaya", "A0254EB2B1");
        desk.now = "2026-11-27T01:30:00Z".into();
        let out = desk
            .cmd()
            .args(importer("Budi"))
            .assert()
            .success();
        let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
        let hint = text.lines().nth(1).unwrap_or_default();
        assert!(
            hint.contains("sama dengan ADU-2026-00001, tiket A0254EB2B1"),
            "{text}"
        );
        assert!(hint.contains("--ticket A0254EB2B1"), "{text}");
        let j = desk.json(&importer("Citra"));
        assert_eq!(j["incident_candidates"][0]["ticket_no"], "A0254EB2B1");
        assert_eq!(j["incident_candidates"][0]["ref"], "ADU-2026-00001");
        // Monday afternoon: the Friday ticket is outside the 4 working hours.
        desk.now = "2026-11-30T06:00:00Z".into();
        let j = desk.json(&importer("Dewi"));
        assert_eq!(j["incident_candidates"], serde_json::json!([]));
    }
    #[test]
    fn the_same_caller_twice_is_named_and_saved() {
        let desk = Desk::new();
        let first = desk.intake(&[]);
        // The same nomor aju: named, on stdout and in --json, and saved all the same.
        let out = desk.cmd().args(importer("Andi")).assert().success();
        let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
        assert!(
            text.contains(&format!("! nomor aju sama: {first} (terbuka: diterima)")),
            "{text}"
        );
        let j = desk.json(&["show", "ADU-2026-00002"]);
        assert_eq!(j["stage"], "received");
        // The same NPWP in its 16-digit form, another document and phone, the same
        // problem in other words.
        let again = intake_args(
            IMPORTER,
            &[
                "--npwp",
                "0012345678901000",
                "--aju",
                "000020-010017-20261127-000777",
                "--phone",
                "0811-2222-3333",
                "--subject",
                "Respon PIB belum ada",
                "--description",
                "PIB dikirim pagi tadi, belum mendapat respon sampai sekarang.",
            ],
        );
        let j = desk.json(&again);
        let dups = j["duplicates"].as_array().unwrap();
        assert!(
            dups.contains(&serde_json::json!({"ref": first, "why": "npwp"})),
            "{dups:?}"
        );
        // The same NPWP about another problem, or a closed complaint: nothing named.
        let other = intake_args(
            IMPORTER,
            &[
                "--aju",
                "000020-010017-20261127-000888",
                "--subject",
                "Ganti alamat email akun",
                "--description",
                "Email penanggung jawab perusahaan berganti.",
            ],
        );
        let j = desk.json(&other);
        assert_eq!(j["duplicates"], serde_json::json!([]), "{j}");
        let fresh = desk.json(&intake_args(EMPLOYEE, &[]));
        assert_eq!(fresh["duplicates"], serde_json::json!([]));
    }
    #[test]
    fn link_and_cancel_take_several_references_all_or_nothing() {
        let desk = Desk::new();
        let first = ticketed(&desk, "Andi", "A0254EB2B1");
        let a = desk.intake(&["--name", "Budi"]);
        let b = desk.intake(&["--name", "Citra"]);
        let c = desk.intake(&["--name", "Dewi"]);

        let err = desk.refused(&["link", &a, "ADU-2026-09999", &b, "--ticket", "A0254EB2B1"]);
        assert!(err.contains("ADU-2026-09999"), "{err}");
        assert!(err.contains("tidak ada yang diubah"), "{err}");
        let err = desk.refused(&["--lang", "en", "link", &a, &first, "--ticket", "A0254EB2B1"]);
        assert!(
            err.contains(&format!("{first}: the complaint is at stage 'ticketed'")),
            "{err}"
        );
        for r in [&a, &b] {
            assert_eq!(stage(&desk, r), "received");
        }

        let j = desk.json(&["link", &a, &b, "--to", &first]);
        let linked = j.as_array().unwrap();
        assert_eq!(linked.len(), 2);
        for (x, r) in linked.iter().zip([&a, &b]) {
            assert_eq!(x["ref"], r.as_str());
            assert_eq!(x["stage"], "ticketed");
            assert_eq!(x["ticket_no"], "A0254EB2B1");
            assert_eq!(x["linked_to"], first.as_str());
        }

        // Cancel: a closed complaint in the list refuses the whole.
        desk.json(&["cancel", &c, "--reason", "dobel"]);
        let err = desk.refused(&["cancel", &a, &b, &c, "--reason", "CEISA pulih"]);
        assert!(err.contains(&c), "{err}");
        let j = desk.json(&["cancel", &a, &b, "--reason", "CEISA pulih"]);
        assert_eq!(j.as_array().unwrap().len(), 2);
        for r in [&a, &b] {
            let d = desk.json(&["show", r]);
            assert_eq!(d["stage"], "cancelled");
            assert_eq!(d["cancel_reason"], "CEISA pulih");
        }
        // The one-reference forms are as before: one line.
        desk.cmd()
            .args(["cancel", &first, "--reason", "salah input"])
            .assert()
            .success()
            .stdout(predicate::str::starts_with(format!("{first}: Dibatalkan")));
    }
    #[test]
    fn handover_by_ticket_gives_every_applicant_their_own_message() {
        let desk = Desk::new();
        let first = ticketed(&desk, "Andi Wijaya", "A0254EB2B1");
        let b = desk.json(&intake_args(
            IMPORTER,
            &["--name", "Budi Santoso", "--phone", "0811-2222-333", "--doc-status", "terkirim"],
        ))["ref"]
            .as_str()
            .unwrap()
            .to_string();
        let c = desk.intake(&["--name", "Citra Lestari"]);
        desk.json(&["link", &b, &c, "--ticket", "A0254EB2B1"]);
        let other = ticketed(&desk, "Dewi", "B0000000C1");

        let out = desk
            .cmd()
            .args(["handover", "--ticket", "a0254eb2b1", "--via", "whatsapp"])
            .assert()
            .success();
        let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
        for (r, name, phone) in [
            (&first, "Andi Wijaya", "+6281234567890"),
            (&b, "Budi Santoso", "+628112222333"),
            (&c, "Citra Lestari", "+6281234567890"),
        ] {
            assert!(
                text.contains(&format!("=== {r} — {name} — WhatsApp {phone}")),
                "{text}"
            );
            assert!(text.contains(&format!("Bapak/Ibu {name},")), "{text}");
            assert!(text.contains(&format!("Referensi kantor: {r}")), "{text}");
            assert_eq!(stage(&desk, r), "handed_over");
        }
        assert_eq!(text.matches("Nomor tiket BCare: A0254EB2B1").count(), 3);
        assert_eq!(
            stage(&desk, &other),
            "ticketed",
            "another ticket is left alone"
        );

        // A mistyped channel is named before the ticket is looked at.
        let err = desk.refused(&["handover", "--ticket", "B0000000C1", "--via", "pigeon"]);
        assert!(err.contains("via:"), "{err}");
        // Nobody is left on that ticket.
        let err = desk.refused(&["handover", "--ticket", "A0254EB2B1", "--via", "whatsapp"]);
        assert!(err.contains("A0254EB2B1"), "{err}");
        // JSON: each with its contact and message.
        let d = desk.intake(&["--name", "Eka"]);
        desk.json(&["link", &d, "--ticket", "B0000000C1"]);
        let j = desk.json(&["handover", "--ticket", "B0000000C1", "--via", "telepon"]);
        let list = j["handed_over"].as_array().unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(list[1]["ref"], d.as_str());
        assert_eq!(list[1]["contact"], "+6281234567890");
        assert!(
            list[1]["message"]
                .as_str()
                .unwrap()
                .contains("Bapak/Ibu Eka,")
        );
        // --ticket and references together are a usage error, and change nothing.
        let before = desk.rows();
        desk.cmd()
            .args([
                "handover",
                &first,
                "--ticket",
                "A0254EB2B1",
                "--via",
                "telepon",
            ])
            .assert()
            .failure()
            .stderr(predicate::str::contains("--ticket"));
        assert_eq!(desk.rows(), before);
    }
    #[test]
    fn the_incident_view_lists_callers_and_the_notices_owed() {
        let desk = Desk::new();
        let first = ticketed(&desk, "Andi Wijaya", "A0254EB2B1");
        let b = desk.intake(&["--name", "Budi"]);
        desk.json(&["link", &b, "--to", &first]);
        desk.json(&["handover", &first, "--via", "whatsapp"]);

        let j = desk.json(&["incident", "A0254EB2B1"]);
        let callers = j["callers"].as_array().unwrap();
        let pairs: Vec<(&str, &str)> = callers
            .iter()
            .map(|c| (c["ref"].as_str().unwrap(), c["stage"].as_str().unwrap()))
            .collect();
        assert_eq!(
            pairs,
            [(first.as_str(), "handed_over"), (b.as_str(), "ticketed")]
        );
        assert_eq!(j["first"], first.as_str());
        assert_eq!(j["awaiting_handover"], 1);
        assert_eq!(callers[0]["handover_via"], "whatsapp");
        assert_eq!(callers[0]["owed_notice"], false);
        // From any caller's reference too.
        assert_eq!(desk.json(&["incident", &b]), j);

        // The ticket is resolved: the caller handed over is resolved and owed a
        // notice; the one still waiting for the number is left as it is, and named.
        let out = desk
            .cmd()
            .args(["resolve", "--ticket", "A0254EB2B1", "--note", "CEISA pulih"])
            .assert()
            .success();
        let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        assert!(err.contains(&format!("tetap menunggu: {b}")), "{err}");
        let j = desk.json(&["incident", "A0254EB2B1"]);
        assert_eq!(j["callers"][0]["owed_notice"], true);
        assert_eq!(j["callers"][1]["stage"], "ticketed");
        assert_eq!(j["owed_notices"], 1);
        let err = desk.refused(&["resolve", "--ticket", "A0254EB2B1"]);
        assert!(err.contains("A0254EB2B1"), "{err}");
        desk.json(&["handover", &b, "--via", "whatsapp"]);
        let j = desk.json(&["resolve", "--ticket", "A0254EB2B1"]);
        assert_eq!(j[0]["ref"], b.as_str());
        assert_eq!(j[0]["stage"], "resolved");
        let j = desk.json(&["incident", "A0254EB2B1"]);
        assert_eq!(j["owed_notices"], 2);
        desk.cmd()
            .args(["--lang", "en", "incident", "A0254EB2B1"])
            .assert()
            .success()
            .stdout(predicate::str::contains("2 owed a notice"))
            .stdout(predicate::str::contains("OWED A NOTICE"));

        let err = desk.refused(&["incident", "Z999999999"]);
        assert!(err.contains("Z999999999"), "{err}");
        desk.refused(&["incident", "ADU-2026-09999"]);
    }
    #[test]
    fn ten_thousand_references_are_refused_at_once_naming_the_bound() {
        let desk = Desk::new();
        let a = desk.intake(&["--name", "Budi"]);
        let many: Vec<String> = (1..=10_000).map(|i| format!("ADU-2026-{i:05}")).collect();
        for verb in [
            vec!["cancel", "--reason", "x"],
            vec!["link", "--ticket", "A0254EB2B1"],
            vec!["handover", "--via", "telepon"],
        ] {
            let mut args: Vec<&str> = verb.clone();
            args.extend(many.iter().map(String::as_str));
            let err = desk.refused(&args);
            assert!(err.contains("paling banyak 200"), "{err}");
        }
        assert_eq!(stage(&desk, &a), "received");
    }
}
