//! Telling applicants Dir. IKC solved it, one after another: each caller's own
//! message (their name, the ticket, what was done, quoting the resolution note),
//! recorded by the channel they were handed over by, then their satisfaction
//! (SKM) asked in one line.

use crate::domain::complaint::{Channel, Complaint};
use crate::domain::msg::Lang;

#[derive(Debug, Clone)]
pub struct NotifyCaller {
    pub complaint: Complaint,
    /// The channel the notice goes by: at first the handover's own.
    pub via: Channel,
    /// Told, on this desk now or before.
    pub told: bool,
}

#[derive(Debug, Clone)]
pub struct NotifyState {
    pub callers: Vec<NotifyCaller>,
    pub at: usize,
    /// The SKM line of the caller just told: nine answers, 1–4 or `-`.
    pub skm: Option<String>,
    pub error: Option<String>,
}

impl NotifyState {
    /// The resolved complaints among `complaints`, the first not yet told under
    /// the cursor.
    pub fn new(complaints: Vec<Complaint>) -> NotifyState {
        let callers: Vec<NotifyCaller> = complaints
            .into_iter()
            .map(|c| NotifyCaller {
                via: c.handover_via.unwrap_or(c.details.channel),
                told: c.notified_at.is_some(),
                complaint: c,
            })
            .collect();
        let at = callers.iter().position(|c| !c.told).unwrap_or(0);
        NotifyState {
            callers,
            at,
            skm: None,
            error: None,
        }
    }

    pub fn current(&self) -> Option<&NotifyCaller> {
        self.callers.get(self.at)
    }

    /// The message for the caller under the cursor, in `lang`.
    pub fn message(&self, lang: Lang) -> Option<String> {
        self.current()
            .map(|c| crate::domain::followup::notice_of(lang, &c.complaint))
    }

    /// `reference` was told: its SKM line opens.
    pub fn told(&mut self, reference: &str) {
        if let Some(i) = self
            .callers
            .iter()
            .position(|c| c.complaint.reference == reference)
        {
            self.callers[i].told = true;
            self.at = i;
            self.skm = Some(String::new());
            self.error = None;
        }
    }

    /// On to the next caller not yet told; false when none is left.
    pub fn next(&mut self) -> bool {
        self.skm = None;
        self.error = None;
        let n = self.callers.len();
        match (1..=n)
            .map(|k| (self.at + k) % n)
            .find(|&i| !self.callers[i].told)
        {
            Some(i) => {
                self.at = i;
                true
            }
            None => false,
        }
    }

    pub fn told_count(&self) -> usize {
        self.callers.iter().filter(|c| c.told).count()
    }
}
