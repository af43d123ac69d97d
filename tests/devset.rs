//! The message reader measured against labelled complaints.
//!
//! `BCARE_DESK_DEVSET=a.jsonl:b.jsonl cargo test --test devset -- --ignored --nocapture`
//! reads hand-labelled real tickets (kept outside the repository: they hold
//! personal data) and prints the rates; the listing names tickets and the
//! kinds of identifier missed, never their values.

mod devset_score;

use devset_score::{misses, parse, score};

#[test]
#[ignore = "needs label files named by BCARE_DESK_DEVSET"]
fn measure_on_the_label_files() {
    let paths = std::env::var("BCARE_DESK_DEVSET")
        .expect("BCARE_DESK_DEVSET names the label files, separated by ':'");
    let mut labels = Vec::new();
    for path in paths.split(':').filter(|p| !p.is_empty()) {
        let text =
            std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
        let before = labels.len();
        labels.extend(parse(&text, path));
        println!("{path}: {} tickets", labels.len() - before);
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
