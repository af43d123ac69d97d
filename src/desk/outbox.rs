//! The outbox's side of the desk: a ticket number BCare gave for a queued report.

use super::{Desk, Result};
use crate::domain::complaint::Stage;
use crate::domain::workflow::{self, Step};
use crate::store::{DeliveredTicket, Delivery, Store, StoreError};

/// Langkah 3 done by the BCare worker: BCare gave a ticket number for a queued
/// report. The workflow decides, inside the store's transaction, whether the
/// complaint takes the number: only a forwarded complaint does (recording a ticket
/// is a legal step from there); one that moved on meanwhile keeps what it has and
/// the event notes BCare's number. A free function over a `Store` because the
/// worker runs on its own connection, without the rest of the desk.
pub fn ticket_delivered(
    store: &Store,
    row_id: i64,
    t: &DeliveredTicket,
) -> std::result::Result<Delivery, StoreError> {
    store.outbox_delivered(row_id, t, |stage| {
        stage == Stage::Forwarded
            && workflow::check(stage, Step::RecordTicket) == Ok(Stage::Ticketed)
    })
}

impl Desk {
    /// Langkah 3 by the BCare worker: see [`ticket_delivered`].
    pub fn ticket_delivered(&self, row_id: i64, t: &DeliveredTicket) -> Result<Delivery> {
        Ok(ticket_delivered(&self.store, row_id, t)?)
    }
}
