//! The handover message as the screen copies it: the template itself is pure and
//! lives in the domain, where a bulk handover writes one for every caller.

pub use crate::domain::handover::handover_message;
