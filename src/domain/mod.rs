//! Pure rules of the desk: no I/O, no clock reads, no terminal.

pub mod alike;
pub mod announcement;
pub mod bcare_report;
pub mod calendar;
pub mod category;
pub mod ceisacare;
pub mod complaint;
pub mod desk_note;
pub mod followup;
pub mod handover;
pub mod honest;
pub mod incident;
pub mod intake;
pub mod katalog;
pub mod lang;
pub mod message;
pub mod msg;
pub mod redact;
pub mod report;
pub mod skm;
pub mod sla;
pub mod text;
pub mod validate;
pub mod when;
pub mod workflow;
