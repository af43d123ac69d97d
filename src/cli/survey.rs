//! `survey`: the applicant's answers to the nine SKM elements, recorded with
//! the notice (or after it). A second survey replaces the first.

use crate::desk::Desk;
use crate::domain::msg::{Lang, M};
use anyhow::Result;

#[derive(clap::Args, Debug)]
pub struct SurveyArgs {
    /// The complaint (handed over or resolved) whose applicant answered.
    pub reference: String,
    /// Nine answers u1..u9, each 1–4 or '-' when unanswered: 4,3,4,-,4,4,4,3,4
    #[arg(long)]
    pub answers: String,
}

pub fn run(desk: &mut Desk, a: &SurveyArgs, json: bool, lang: Lang) -> Result<()> {
    let (c, answers) = desk.record_survey(&a.reference, &a.answers)?;
    if json {
        say!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({
                "ref": c.reference,
                "answers": answers.as_text(),
            }))?
        );
    } else {
        say!("{}", M::SkmRecorded(lang, &c.reference, answers.as_text()));
    }
    Ok(())
}
