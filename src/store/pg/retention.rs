//! Retention on PostgreSQL (the twin of `sqlite::retention`).

use super::PgStore;
use crate::store::Result;
use crate::store::model::*;
use chrono::{DateTime, Utc};

impl PgStore {
    pub fn purge_candidates(&self, _closed_before: DateTime<Utc>) -> Result<Vec<PurgeCandidate>> {
        todo!()
    }
    pub fn purge(
        &mut self,
        _candidates: &[PurgeCandidate],
        _closed_before: DateTime<Utc>,
        _event: &NewEvent,
    ) -> Result<Purged> {
        todo!()
    }
}
