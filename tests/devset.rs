//! The message reader measured against labelled complaints.
//!
//! `BCARE_DESK_DEVSET=a.jsonl:b.jsonl cargo test --test devset -- --ignored --nocapture`
//! reads hand-labelled real tickets (kept outside the repository: they hold
//! personal data) and prints the rates; the listing names tickets and the
//! kinds of identifier missed, never their values.

mod devset_score;

use devset_score::{misses, parse, parse_lenient, score};

#[test]
#[ignore = "needs label files named by BCARE_DESK_DEVSET"]
fn measure_on_the_label_files() {
    let paths = std::env::var("BCARE_DESK_DEVSET")
        .expect("BCARE_DESK_DEVSET names the label files, separated by ':'");
    let mut labels = Vec::new();
    for path in paths.split(':').filter(|p| !p.is_empty()) {
        let text =
            std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
        let (read, broken) = parse_lenient(&text, path);
        println!("{path}: {} tickets", read.len());
        for b in &broken {
            println!("not a label line, left out: {b}");
        }
        labels.extend(read);
    }
    assert!(!labels.is_empty(), "no labelled tickets in {paths}");
    let rates = score(&labels);
    println!("{}", misses(&rates, false));
    println!("{rates}");
    let short = rates.shortfalls();
    if !short.is_empty() {
        println!("short of the targets: {}", short.join("; "));
    }
}

/// Look-alikes of real CEISACare complaints: each keeps a real text's shape
/// (the template and its typos, labels, number formats, slash lists, new
/// passwords after "menjadi :") with names, numbers, e-mails and passwords
/// made up. Half of them follow CEISACare's template.
const LOOK_ALIKES: &str = include_str!("lookalike/ceisacare.jsonl");

#[test]
fn the_look_alike_table_meets_the_targets() {
    let labels = parse(LOOK_ALIKES, "lookalike/ceisacare.jsonl");
    let templates = labels.iter().filter(|l| l.template).count();
    assert!(labels.len() >= 120, "{} look-alikes", labels.len());
    assert!(templates * 2 >= labels.len(), "{templates} in the template");
    let rates = score(&labels);
    // The values are made up: the listing may show them.
    println!("{}{rates}", misses(&rates, true));
    let short = rates.shortfalls();
    assert!(
        short.is_empty(),
        "short of the targets: {}\n{}",
        short.join("; "),
        misses(&rates, true)
    );
}
