//! What the report, the shift handoff and the export read, on PostgreSQL.

use super::PgStore;
use crate::domain::report::ReportRow;
use crate::store::Result;
use chrono::{DateTime, Utc};

impl PgStore {
    pub fn report_rows(&self, _from: DateTime<Utc>, _to: DateTime<Utc>) -> Result<Vec<ReportRow>> {
        todo!()
    }
    pub fn complaint_ids(
        &self,
        _range: Option<(DateTime<Utc>, DateTime<Utc>)>,
    ) -> Result<Vec<i64>> {
        todo!()
    }
}
