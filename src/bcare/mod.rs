//! Filing reports with BCare (Dir. IKC's ticket channel).

pub mod report;

pub use report::BcareReport;
