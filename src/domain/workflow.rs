//! Which step may follow which. An illegal step is refused with a message that
//! names the stage the complaint is at and what can be done from there.

use super::complaint::Stage;
use super::msg::{Lang, M, words};
use std::fmt;

/// A step of the procedure the officer can take on a complaint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Send the report to Dir. IKC through BCare (langkah 2).
    Forward,
    /// Record the ticket number BCare gave back (langkah 3); also corrects a mistyped one.
    RecordTicket,
    /// Share the ticket of another complaint about the same problem.
    Link,
    /// Give the ticket number to the applicant (langkah 4): stops the SLA clock.
    HandOver,
    /// Dir. IKC finished; the applicant is owed the notice until `notify`.
    Resolve,
    /// Withdrawn, with a reason.
    Cancel,
}

impl Step {
    pub const ALL: [Step; 6] = [
        Step::Forward,
        Step::RecordTicket,
        Step::Link,
        Step::HandOver,
        Step::Resolve,
        Step::Cancel,
    ];

    /// The command that takes this step.
    pub fn command(self) -> &'static str {
        match self {
            Step::Forward => "forward",
            Step::RecordTicket => "ticket",
            Step::Link => "link",
            Step::HandOver => "handover",
            Step::Resolve => "resolve",
            Step::Cancel => "cancel",
        }
    }

    /// The stages this step may start from.
    pub fn allowed_from(self) -> &'static [Stage] {
        use Stage::*;
        match self {
            Step::Forward => &[Received],
            Step::RecordTicket => &[Forwarded, Ticketed],
            Step::Link => &[Received, Forwarded],
            Step::HandOver => &[Ticketed],
            Step::Resolve => &[HandedOver],
            Step::Cancel => &[Received, Forwarded, Ticketed, HandedOver],
        }
    }

    /// The stage the complaint is at after the step.
    pub fn leads_to(self) -> Stage {
        match self {
            Step::Forward => Stage::Forwarded,
            Step::RecordTicket | Step::Link => Stage::Ticketed,
            Step::HandOver => Stage::HandedOver,
            Step::Resolve => Stage::Resolved,
            Step::Cancel => Stage::Cancelled,
        }
    }
}

/// The steps open to a complaint at `stage`.
pub fn steps_from(stage: Stage) -> Vec<Step> {
    Step::ALL
        .into_iter()
        .filter(|s| s.allowed_from().contains(&stage))
        .collect()
}

/// Checks a step and returns the stage it leads to.
pub fn check(stage: Stage, step: Step) -> Result<Stage, IllegalStep> {
    if step.allowed_from().contains(&stage) {
        Ok(step.leads_to())
    } else {
        Err(IllegalStep { stage, step })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IllegalStep {
    pub stage: Stage,
    pub step: Step,
}

impl IllegalStep {
    /// `Tahap: ` and [`IllegalStep::why`].
    pub fn text(&self, lang: Lang) -> String {
        format!("{}: {}", words::field_name("stage", lang), self.why(lang))
    }

    /// Why the step is refused and what can be done, stages in the officer's words
    /// and steps as the commands that take them.
    pub fn why(&self, lang: Lang) -> String {
        let word = |s: Stage| words::stage_short(s).get(lang);
        let from: Vec<&str> = self.step.allowed_from().iter().map(|&s| word(s)).collect();
        let open: Vec<&str> = steps_from(self.stage).iter().map(|s| s.command()).collect();
        let open = if open.is_empty() {
            M::NothingOpen.get(lang).to_string()
        } else {
            open.join(", ")
        };
        M::IllegalStep(
            lang,
            word(self.stage),
            self.step.command(),
            from.join(" / "),
            &open,
        )
    }
}

impl fmt::Display for IllegalStep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for IllegalStep {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_procedure_runs_in_order() {
        let mut stage = Stage::Received;
        for step in [
            Step::Forward,
            Step::RecordTicket,
            Step::HandOver,
            Step::Resolve,
        ] {
            stage = check(stage, step).expect("legal step");
        }
        assert_eq!(stage, Stage::Resolved);
    }

    #[test]
    fn a_ticket_before_forwarding_is_refused_with_what_is_allowed() {
        let err = check(Stage::Received, Step::RecordTicket).unwrap_err();
        let en = err.text(Lang::En);
        assert!(en.contains("'received'"), "{en}");
        assert!(en.contains("forward, link, cancel"), "{en}");
        let id = err.text(Lang::Id);
        assert!(id.contains("tahap 'diterima'"), "{id}");
        assert!(id.starts_with("Tahap: "), "{id}");
    }

    #[test]
    fn closed_complaints_take_no_step() {
        for step in Step::ALL {
            assert!(check(Stage::Resolved, step).is_err());
            assert!(check(Stage::Cancelled, step).is_err());
        }
        assert!(
            check(Stage::Cancelled, Step::Cancel)
                .unwrap_err()
                .text(Lang::En)
                .contains("closed")
        );
    }

    #[test]
    fn cancel_is_reachable_from_every_open_stage() {
        for s in Stage::ALL.into_iter().filter(|s| s.is_open()) {
            assert_eq!(check(s, Step::Cancel), Ok(Stage::Cancelled));
        }
    }

    #[test]
    fn linking_goes_straight_to_ticketed() {
        assert_eq!(check(Stage::Received, Step::Link), Ok(Stage::Ticketed));
        assert!(check(Stage::HandedOver, Step::Link).is_err());
    }
}
