//! The command line's subcommands: thin, they call `desk`.

pub mod bcare;
