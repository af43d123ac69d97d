//! The applicant's satisfaction (SKM), asked when the applicant hears the outcome.

use super::{Desk, DeskError, Result};
use crate::domain::complaint::{Complaint, Stage};
use crate::domain::msg::{FieldError, M, words};
use crate::domain::skm::Answers;

/// The event a survey writes in the complaint's log.
pub const SURVEY_EVENT: &str = "survey";

/// The stages at which an applicant can be asked: after the handover (they have
/// their ticket number) or the resolution (they have the outcome).
const ASKED_AT: [Stage; 2] = [Stage::HandedOver, Stage::Resolved];

impl Desk {
    /// Keeps the applicant's answers to the nine SKM elements (`4,3,4,-,4,4,4,3,4`
    /// or `434-44434`); a second survey replaces the first and both stay in the log.
    pub fn record_survey(&mut self, reference: &str, raw: &str) -> Result<(Complaint, Answers)> {
        let answers = Answers::parse(raw).map_err(DeskError::invalid)?;
        let c = self.get(reference)?;
        if !ASKED_AT.contains(&c.stage) {
            return Err(DeskError::invalid(FieldError::says("ref", |lang| {
                M::SkmNotYet(lang, &c.reference, words::stage_short(c.stage).get(lang))
            })));
        }
        let mut event = self.event(SURVEY_EVENT, self.now());
        event.after = Some(answers.as_text());
        self.store
            .record_survey(c.id, &c.reference, &ASKED_AT, &answers.as_text(), &event)?;
        Ok((c, answers))
    }

    /// The surveys of the complaints received in `period`, by reference, those
    /// stored in a shape this binary does not read left out (and logged).
    pub(super) fn surveys_in(
        &self,
        from: chrono::DateTime<chrono::Utc>,
        to: chrono::DateTime<chrono::Utc>,
    ) -> Result<Vec<(String, Answers)>> {
        Ok(self
            .store
            .surveys_received(from, to)?
            .into_iter()
            .filter_map(|(reference, raw)| match Answers::parse(&raw) {
                Ok(a) => Some((reference, a)),
                Err(_) => {
                    tracing::warn!("a stored survey could not be read; left out of the report");
                    None
                }
            })
            .collect())
    }
}
