use bcare_desk::cli;
use bcare_desk::domain::msg::{Lang, M};
use std::ffi::OsString;
use std::process::ExitCode;

fn main() -> ExitCode {
    #[cfg(feature = "bench-probes")]
    bcare_desk::tui::mark_process_start();
    let argv: Vec<OsString> = std::env::args_os().collect();
    let said_in = cli::usage::lang_before_parsing(&argv);
    let args = cli::usage::parse(argv, said_in).unwrap_or_else(|e| {
        if e.kind() == clap::error::ErrorKind::InvalidUtf8 {
            not_utf8(std::env::args_os().collect());
        }
        cli::exit_on_usage_error(e, said_in)
    });
    let lang = args.lang.unwrap_or_default();
    if let Some(result) = cli::run_without_desk(&args) {
        return match result {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                cli::print_failure(&e, lang);
                ExitCode::FAILURE
            }
        };
    }
    let setup = match cli::setup(&args) {
        Ok(s) => s,
        Err(e) => {
            cli::print_failure(&e, lang);
            return ExitCode::FAILURE;
        }
    };
    // The log lives beside the database: started now only when the database is
    // there, else once a command has opened (or made) it.
    setup.start_log_if_the_desk_is_there();
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

/// clap's own message for an argument that is not UTF-8 names neither the argument
/// nor the rule, in five lines: one line instead, naming the flag it belongs to
/// (or the command, for a value of its own), and exit as clap does.
fn not_utf8(argv: Vec<OsString>) -> ! {
    let text: Vec<Option<&str>> = argv.iter().map(|a| a.to_str()).collect();
    let lang = text
        .windows(2)
        .find(|w| w[0] == Some("--lang"))
        .and_then(|w| w[1])
        .and_then(Lang::parse)
        .unwrap_or_default();
    let bad = text.iter().position(Option::is_none).unwrap_or(0);
    let raw = argv[bad].as_encoded_bytes();
    let named = if raw.starts_with(b"--") && raw.contains(&b'=') {
        // `--name=…`: the flag is before the equals sign.
        let flag = &raw[..raw.iter().position(|b| *b == b'=').unwrap_or(0)];
        String::from_utf8_lossy(flag).into_owned()
    } else {
        match text[..bad].last().copied().flatten() {
            Some(flag) if flag.starts_with("--") && !flag.contains('=') => flag.to_string(),
            _ => {
                let command = text[1..bad]
                    .iter()
                    .flatten()
                    .find(|a| !a.starts_with('-'))
                    .copied()
                    .unwrap_or("bcare-desk");
                format!("{command} '{}'", argv[bad].to_string_lossy())
            }
        }
    };
    cli::print_failure(&anyhow::anyhow!(M::ArgNotUtf8(lang, &named)), lang);
    std::process::exit(2);
}
