//! The applicant's satisfaction (SKM) on the real binary, on a SQLite file and
//! on a PostgreSQL database: recorded once the applicant has their answer, a
//! second survey replaces the first (both stay in the log), and the report adds
//! the index and grade as the regulation computes them.

mod desk_binary;

use desk_binary::Desk;

/// A complaint taken through to its handover (the portal: filed by hand).
fn handed_over(desk: &Desk, name: &str, ticket: &str) -> String {
    let r = desk.intake(&["--name", name]);
    desk.json(&["forward", &r]);
    desk.json(&["ticket", &r, ticket]);
    desk.json(&["handover", &r, "--via", "whatsapp"]);
    r
}

on_both! {
    #[test]
    fn surveys_are_kept_one_a_complaint_and_the_report_grades_them() {
        let desk = Desk::new();
        let a = handed_over(&desk, "Andi Wijaya", "A0254EB2B1");
        let b = handed_over(&desk, "Budi Santoso", "A0254EB2B2");
        let c = handed_over(&desk, "Citra Lestari", "A0254EB2B3");
        let open = desk.intake(&["--name", "Dedi Kurnia"]);

        // Not before the applicant has their ticket number.
        let err = desk.refused(&["survey", &open, "--answers", "4,4,4,4,4,4,4,4,4"]);
        assert!(err.contains("ref") && err.contains("diserahkan"), "{err}");
        // A wrong answer names the element and the rule; nothing is kept.
        let err = desk.refused(&["survey", &a, "--answers", "4,3,5,-,4,4,4,3,4"]);
        assert!(err.contains("answers") && err.contains("u3") && err.contains("1–4"), "{err}");
        let err = desk.refused(&["survey", &a, "--answers", "4,3,4"]);
        assert!(err.contains("sembilan"), "{err}");
        assert_eq!(desk.json(&["report", "--today"])["skm"]["respondents"], 0);

        // The hand count of `domain::skm`'s test: IKM 83.85, grade B. The first
        // answer of `a` is replaced by the second.
        desk.json(&["survey", &a, "--answers", "1,1,1,1,1,1,1,1,1"]);
        let v = desk.json(&["survey", &a, "--answers", "4,3,4,-,4,3,4,2,4"]);
        assert_eq!(v["answers"], "4,3,4,-,4,3,4,2,4");
        desk.json(&["survey", &b, "--answers", "332-44433"]);
        desk.json(&["survey", &c, "--answers", "4,3,-,-,4,3,4,-,3"]);

        let skm = desk.json(&["report", "--today"])["skm"].clone();
        assert_eq!(skm["respondents"], 3, "{skm}");
        assert_eq!(skm["ikm"], 83.85, "{skm}");
        assert_eq!(skm["grade"], "B", "{skm}");
        assert_eq!(skm["elements"][0]["key"], "u1");
        assert_eq!(skm["elements"][0]["mean"], 3.67);
        assert_eq!(skm["elements"][0]["answers"], 3);
        assert_eq!(skm["elements"][3]["mean"], serde_json::Value::Null);
        assert_eq!(skm["elements"][7]["answers"], 2);

        // Both surveys of `a` are in its log, the replaced one first.
        let shown = desk.json(&["show", &a]);
        let surveys: Vec<&serde_json::Value> = shown["events"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["kind"] == "survey")
            .collect();
        assert_eq!(surveys.len(), 2, "{shown}");
        assert_eq!(surveys[0]["after"], "1,1,1,1,1,1,1,1,1");

        // The text report says it in the officer's words and decimals.
        let out = desk.cmd().args(["--lang", "id", "report", "--today"]).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("SKM: 3 responden · IKM 83,85 (mutu B)"), "{text}");
    }
}
