//! Officers as the shared database's roles: who may change, who may only read,
//! and the owner's grant and revoke.

use super::{Desk, Result};
pub use crate::store::Duty;

impl Desk {
    /// The session's role when it may only read (a reader on a shared
    /// database): the screen opens read-only and says so.
    pub fn reader_role(&self) -> Option<&str> {
        self.store.reader_role()
    }

    /// Gives a login role a duty (officer or reader) on the shared database.
    pub fn grant(&self, role: &str, duty: Duty) -> Result<()> {
        self.store.grant(role, duty)?;
        tracing::info!(duty = duty.role(), "duty granted");
        Ok(())
    }

    /// Takes every duty from a login role.
    pub fn revoke(&self, role: &str) -> Result<()> {
        self.store.revoke(role)?;
        tracing::info!("duties revoked");
        Ok(())
    }

    /// Who holds which duty on the server.
    pub fn duties(&self) -> Result<Vec<(String, Duty)>> {
        Ok(self.store.duties()?)
    }
}
