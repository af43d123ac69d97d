//! The holidays kept in the file: each change appended with who made it and when.

use super::SqliteStore;
use super::time::{from_sql, to_sql};
use crate::domain::calendar::HolidayChange;
use crate::store::holiday_rows;
use crate::store::{CalendarChangeRecord, Result, StoreError};
use chrono::{DateTime, Utc};
use rusqlite::{Transaction, TransactionBehavior, params};

impl SqliteStore {
    /// Every change to the holidays, oldest first.
    pub fn calendar_changes(&self) -> Result<Vec<CalendarChangeRecord>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, at, officer, desk, action, year, day, name, cuti_bersama, holidays,
             officer_name FROM calendar_changes ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, i64>(5)?,
                r.get::<_, Option<String>>(6)?,
                r.get::<_, Option<String>>(7)?,
                r.get::<_, i64>(8)?,
                r.get::<_, Option<String>>(9)?,
                r.get::<_, Option<String>>(10)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, at, officer, desk, action, year, day, name, cuti, holidays, officer_name) =
                row?;
            let change = holiday_rows::change(
                &action,
                year,
                day.as_deref(),
                name,
                cuti,
                holidays.as_deref(),
            )
            .map_err(|detail| StoreError::Damaged {
                path: self.path().to_path_buf(),
                detail: format!("calendar change {id}: {detail}"),
            })?;
            out.push(CalendarChangeRecord {
                id,
                at: from_sql(&at)?,
                officer,
                officer_name,
                desk,
                change,
            });
        }
        Ok(out)
    }

    /// Appends one change to the holidays.
    pub fn record_calendar_change(
        &self,
        change: &HolidayChange,
        at: DateTime<Utc>,
        officer: &str,
    ) -> Result<()> {
        let k = holiday_rows::columns(change);
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO calendar_changes
                (at, officer, desk, action, year, day, name, cuti_bersama, holidays)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                to_sql(at),
                officer,
                (!self.desk.is_empty()).then_some(self.desk.as_str()),
                k.action,
                k.year,
                k.day,
                k.name,
                k.cuti_bersama,
                k.holidays,
            ],
        )?;
        tx.commit()?;
        Ok(())
    }
}
