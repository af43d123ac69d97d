//! bcare-desk: the PDAD officer's desk for BCare complaint tickets
//! (Instruksi Kerja "Pelayanan Tiket Pengaduan BCare").

pub mod bcare;
pub mod cli;
pub mod config;
pub mod demo;
pub mod desk;
pub mod domain;
pub mod store;
pub mod tui;
