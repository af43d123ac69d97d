//! Moving a desk's SQLite file into an empty PostgreSQL database, when the
//! section starts sharing one queue across desks (`migrate`).

use crate::store::transfer;
use crate::store::{ServerUrl, StoreError};
use std::path::Path;

pub use crate::store::transfer::Copied;

/// Copies the file at `from` into the empty database at `to`; nothing is
/// committed unless every table's count and checksum read back match the
/// file's, and the file is only read. `progress` hears the table at hand and how
/// many rows of all are done.
pub fn file_to_server(
    from: &Path,
    to: &ServerUrl,
    progress: &mut dyn FnMut(&'static str, u64, u64),
) -> Result<Vec<Copied>, StoreError> {
    transfer::sqlite_to_postgres(from, to, progress)
}
