//! Several steps in one transaction: a bulk link, handover or cancel happens to
//! every complaint it names or to none. Each step writes its own event, exactly as
//! when taken one by one.

use super::SqliteStore;
use super::complaints::apply_in;
use crate::store::Result;
use crate::store::model::*;

impl SqliteStore {
    /// Applies every step in one IMMEDIATE transaction. The first that finds its
    /// complaint moved on (another window, the worker) fails the whole with
    /// `Conflict(reference)`, and nothing is written.
    pub fn apply_all(&mut self, steps: &[BulkStep]) -> Result<()> {
        let tx = self.conn.transaction()?;
        for s in steps {
            apply_in(
                &tx,
                &self.desk,
                &s.complaint,
                s.to,
                &s.change,
                &s.event,
                None,
            )?;
        }
        tx.commit()?;
        Ok(())
    }
}
