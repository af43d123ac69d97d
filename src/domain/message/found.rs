//! What the reader proposes: a value with where it was read.

use std::ops::Range;

/// One value read from the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The value as the form stores it ("+6281234567890", 15 digits of an NPWP).
    pub value: String,
    /// Where it was read: a byte range in the message's description
    /// ([`super::Proposals::description`]).
    pub span: Range<usize>,
    /// The text at `span`, as the caller wrote it ("0812 3456 7890").
    pub from: String,
}

/// The category a message points to, with the words that point there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryProposal {
    pub code: String,
    pub words: Vec<Found>,
}

/// A value read at `span` of `text`.
pub(super) fn found(text: &str, value: impl Into<String>, span: Range<usize>) -> Found {
    Found {
        value: value.into(),
        from: text[span.clone()].to_string(),
        span,
    }
}
