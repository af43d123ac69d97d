//! The holidays on PostgreSQL (the twin of `sqlite::calendar`): every desk reads
//! the same changes, and a new one notifies them.

use super::PgStore;
use super::records::{at, col, text};
use crate::domain::calendar::HolidayChange;
use crate::store::holiday_rows;
use crate::store::{CalendarChangeRecord, Result, StoreError};
use chrono::{DateTime, Utc};

impl PgStore {
    /// Every change to the holidays, oldest first.
    pub fn calendar_changes(&self) -> Result<Vec<CalendarChangeRecord>> {
        self.read(|c| {
            let rows = c
                .query(
                    "SELECT id, at, officer, desk, action, year, day, name, cuti_bersama, holidays,
                            officer_name
                     FROM calendar_changes ORDER BY id",
                    &[],
                )
                .map_err(self.err())?;
            rows.iter()
                .map(|r| {
                    let id: i64 = col(r, 0)?;
                    let action: String = col(r, 4)?;
                    let day: Option<String> = col(r, 6)?;
                    let holidays: Option<String> = col(r, 9)?;
                    let change = holiday_rows::change(
                        &action,
                        col(r, 5)?,
                        day.as_deref(),
                        col(r, 7)?,
                        col(r, 8)?,
                        holidays.as_deref(),
                    )
                    .map_err(|detail| StoreError::Server {
                        at: self.shown().to_string(),
                        detail: format!("calendar change {id}: {detail}"),
                    })?;
                    Ok(CalendarChangeRecord {
                        id,
                        at: at(r, 1)?,
                        officer: col(r, 2)?,
                        officer_name: col(r, 10)?,
                        desk: col(r, 3)?,
                        change,
                    })
                })
                .collect()
        })
    }

    /// Appends one change to the holidays.
    pub fn record_calendar_change(
        &self,
        change: &HolidayChange,
        when: DateTime<Utc>,
        officer: &str,
    ) -> Result<()> {
        let k = holiday_rows::columns(change);
        self.write(|tx, w| {
            tx.execute(
                "INSERT INTO calendar_changes
                    (at, officer, desk, action, year, day, name, cuti_bersama, holidays)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                &[
                    &text(when),
                    &officer,
                    &(!w.desk.is_empty()).then_some(w.desk),
                    &k.action,
                    &k.year,
                    &k.day,
                    &k.name,
                    &k.cuti_bersama,
                    &k.holidays,
                ],
            )
            .map_err(|e| super::server_error(w.at, e))?;
            Ok(())
        })
    }
}
