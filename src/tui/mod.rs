//! The terminal desk.
