//! Honest time on the real binary, on a SQLite file and on PostgreSQL: a step
//! recorded with a set clock (`BCARE_DESK_NOW`) is counted in the report, and a
//! desk on the real clock counts none.

mod desk_binary;

use desk_binary::{Desk, IMPORTER, intake_args};
use serde_json::Value;

/// Runs the binary on the machine's own clock (no `BCARE_DESK_NOW`).
fn real_clock(desk: &Desk, args: &[&str]) -> Value {
    let out = desk
        .cmd()
        .env_remove("BCARE_DESK_NOW")
        .args(args)
        .arg("--json")
        .assert()
        .success();
    serde_json::from_slice(&out.get_output().stdout).expect("JSON output")
}

/// Intake, forward, ticket and handover of one complaint by `run`.
fn walk(run: &dyn Fn(&[&str]) -> Value, ticket: &str) -> String {
    let r = run(&intake_args(IMPORTER, &[]))["ref"]
        .as_str()
        .unwrap()
        .to_string();
    run(&["forward", &r]);
    run(&["ticket", &r, ticket]);
    run(&["handover", &r, "--via", "whatsapp"]);
    r
}

on_both! {
    #[test]
    fn steps_recorded_with_a_set_clock_are_counted_and_the_real_clock_counts_none() {
        // The machine's clock: nothing is backdated.
        let honest = Desk::new();
        walk(&|a| real_clock(&honest, a), "A0254EB2B1");
        let now = chrono::Utc::now().with_timezone(&chrono::FixedOffset::east_opt(8 * 3600).unwrap());
        let month = now.format("%Y-%m").to_string();
        let r = real_clock(&honest, &["report", "--month", &month]);
        assert_eq!(r["received"], 1, "{r}");
        assert_eq!(r["backdated_steps"], 0, "{r}");

        // A clock set to a Friday morning gone by: every step of the walk shows.
        let set = Desk::new();
        walk(&|a| set.json(a), "A0254EB2B1");
        let r = set.json(&["report", "--month", "2026-11"]);
        assert_eq!(r["received"], 1, "{r}");
        assert_eq!(r["backdated_steps"], 4, "intake, forward, ticket, handover: {r}");
        let out = set.cmd().args(["report", "--month", "2026-11"]).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("PERHATIAN: 4 langkah"), "{text}");
    }
}
