//! Follow-up at Dir. IKC on PostgreSQL (the twin of `sqlite::followup`).

use super::PgStore;
use crate::domain::complaint::Stage;
use crate::domain::followup::Followed;
use crate::store::Result;
use crate::store::model::*;

impl PgStore {
    pub fn followed(&self, _limit: usize) -> Result<Vec<Followed>> {
        todo!()
    }
    pub fn followed_tickets(&self, _limit: usize) -> Result<Vec<String>> {
        todo!()
    }
    pub fn record_ticket_status(
        &self,
        _seen: &SeenStatus,
        _resolves_to: impl Fn(Stage) -> Option<Stage>,
    ) -> Result<Vec<StatusChange>> {
        todo!()
    }
    pub fn record_notified(
        &self,
        _complaint_id: i64,
        _reference: &str,
        _e: &NewEvent,
    ) -> Result<()> {
        todo!()
    }
    pub fn notices_owed(&self) -> Result<i64> {
        todo!()
    }
}
