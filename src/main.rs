use bcare_desk::cli::{self, Cli};
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    bcare_desk::tui::mark_process_start();
    let args = Cli::try_parse().unwrap_or_else(|e| cli::exit_on_usage_error(e));
    let lang = args.lang.unwrap_or_default();
    let setup = match cli::setup(&args) {
        Ok(s) => s,
        Err(e) => {
            cli::print_failure(&e, lang);
            return ExitCode::FAILURE;
        }
    };
    cli::init_logging(&cli::log_file(&setup.paths));
    let result = match &args.command {
        Some(command) => cli::run(command, &setup, args.json),
        None => cli::open_desk_screen(&setup),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            cli::print_failure(&e, setup.lang);
            ExitCode::FAILURE
        }
    }
}
