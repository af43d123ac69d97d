//! Several steps in one transaction: a bulk link, handover or cancel happens to
//! every complaint it names or to none. Each step writes its own event, exactly as
//! when taken one by one.

use super::complaints::{Change, NewEvent, apply_in};
use super::{Result, Store};
use crate::domain::complaint::{Complaint, Stage};

/// One complaint's step within a bulk action, already checked by the workflow.
#[derive(Debug, Clone)]
pub struct BulkStep {
    /// The complaint as read: its row changes only if it is still at this stage.
    pub complaint: Complaint,
    pub to: Stage,
    pub change: Change,
    pub event: NewEvent,
}

impl Store {
    /// Applies every step in one IMMEDIATE transaction. The first that finds its
    /// complaint moved on (another window, the worker) fails the whole with
    /// `Conflict(reference)`, and nothing is written.
    pub fn apply_all(&mut self, steps: &[BulkStep]) -> Result<()> {
        let tx = self.conn.transaction()?;
        for s in steps {
            apply_in(&tx, &s.complaint, s.to, &s.change, &s.event, None)?;
        }
        tx.commit()?;
        Ok(())
    }
}
