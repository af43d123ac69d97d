//! Drafts on PostgreSQL (the twin of `sqlite::drafts`).

use super::PgStore;
use crate::store::Result;
use chrono::{DateTime, Utc};

impl PgStore {
    pub fn save_draft(&self, _name: &str, _body: &str, _at: DateTime<Utc>) -> Result<bool> {
        todo!()
    }
    pub fn load_draft(&self, _name: &str) -> Result<Option<(String, DateTime<Utc>)>> {
        todo!()
    }
    pub fn delete_draft(&self, _name: &str) -> Result<()> {
        todo!()
    }
}
