//! Reading the command line in the officer's language: `--help` and clap's
//! refusals (an unknown flag, a missing argument, a value out of its list) follow
//! `--lang`, else the config's `[desk] lang`, before the arguments are understood.

use super::Cli;
use super::help_id;
use crate::domain::msg::{Lang, M};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{CommandFactory, FromArgMatches};
use std::ffi::OsString;
use std::path::PathBuf;

/// The language before the arguments are parsed: `--lang` as typed, else the
/// config's `[desk] lang` (from `--config`, `BCARE_DESK_CONFIG` or the usual
/// places), else Indonesian. Nothing here fails: a broken config is named later,
/// by the command that reads it.
pub fn lang_before_parsing(argv: &[OsString]) -> Lang {
    if let Some(lang) = flag_value(argv, "--lang").and_then(|v| Lang::parse(&v)) {
        return lang;
    }
    let config = flag_value(argv, "--config").map(PathBuf::from);
    crate::config::paths(config.as_deref(), None)
        .ok()
        .filter(|p| p.config_file_exists)
        .and_then(|p| crate::config::load(&p).ok())
        .map(|c| c.desk.lang)
        .unwrap_or_default()
}

/// The value given to `flag` (`--flag v` or `--flag=v`), the last one winning.
fn flag_value(argv: &[OsString], flag: &str) -> Option<String> {
    let text: Vec<Option<&str>> = argv.iter().map(|a| a.to_str()).collect();
    let mut found = None;
    for (i, a) in text.iter().enumerate() {
        match a {
            Some(a) if *a == flag => found = text.get(i + 1).copied().flatten().map(String::from),
            Some(a) if a.starts_with(flag) && a[flag.len()..].starts_with('=') => {
                found = Some(a[flag.len() + 1..].to_string())
            }
            _ => {}
        }
    }
    found
}

/// The command line as clap reads it, its help in `lang` (clap's own headings
/// are said in Indonesian when the help is printed).
pub fn command(lang: Lang) -> clap::Command {
    let cmd = Cli::command();
    match lang {
        Lang::En => cmd,
        Lang::Id => help_id::in_indonesian(cmd),
    }
}

/// Parses `argv` with the help in `lang`.
pub fn parse(argv: Vec<OsString>, lang: Lang) -> Result<Cli, clap::Error> {
    let matches = command(lang).try_get_matches_from(argv)?;
    Cli::from_arg_matches(&matches)
}

/// clap's refusal in the officer's language: one line saying what was wrong
/// and the rule, then how the command is used. Help and version are clap's own
/// output (already in `lang`); a refusal without the details to say it again
/// keeps clap's words.
pub fn refusal_text(e: &clap::Error, lang: Lang) -> String {
    let english = e.render().to_string();
    if lang == Lang::En {
        return english;
    }
    let ctx = |k: ContextKind| e.get(k).map(|v| v.to_string());
    let arg = ctx(ContextKind::InvalidArg);
    let line = match (e.kind(), arg.as_deref()) {
        (ErrorKind::UnknownArgument, Some(a)) => M::CliUnknownArgument(lang, a),
        (ErrorKind::InvalidSubcommand, _) => match ctx(ContextKind::InvalidSubcommand) {
            Some(c) => M::CliUnknownCommand(lang, &c),
            None => return english,
        },
        (ErrorKind::InvalidValue, Some(a)) => {
            let value = ctx(ContextKind::InvalidValue).unwrap_or_default();
            match ctx(ContextKind::ValidValue) {
                Some(valid) => M::CliValueNotListed(lang, &value, a, &valid),
                None => M::CliValueMissing(lang, a),
            }
        }
        (ErrorKind::ValueValidation, Some(a)) => {
            let value = ctx(ContextKind::InvalidValue).unwrap_or_default();
            let why = std::error::Error::source(e)
                .map(|s| s.to_string())
                .unwrap_or_default();
            M::CliValueRefused(lang, &value, a, &why)
        }
        (ErrorKind::MissingRequiredArgument, Some(a)) => M::CliMissing(lang, a),
        (ErrorKind::ArgumentConflict, Some(a)) => {
            let other = ctx(ContextKind::PriorArg).unwrap_or_default();
            M::CliConflict(lang, a, &other)
        }
        (
            ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues,
            Some(a),
        ) => M::CliValueCount(lang, a),
        _ => return english,
    };
    let mut out = M::CliRefused(lang, &line);
    let suggested = e
        .get(ContextKind::SuggestedArg)
        .or_else(|| e.get(ContextKind::SuggestedSubcommand));
    if let Some(s) = suggested.and_then(quoted) {
        out.push_str(&format!("\n  {}", M::CliDidYouMean(lang, &s)));
    }
    if let Some(usage) = ctx(ContextKind::Usage) {
        let usage = usage.trim().trim_start_matches("Usage:").trim();
        let usage = help_id::help_notes_in_indonesian(usage);
        out.push_str(&format!("\n\n{} {usage}", M::CliUsage.get(lang)));
    }
    out.push_str(&format!("\n\n{}", M::CliTryHelp.get(lang)));
    out
}

/// Each suggestion in quotes: `'simulate', 'list'`.
fn quoted(v: &ContextValue) -> Option<String> {
    match v {
        ContextValue::String(s) => Some(format!("'{s}'")),
        ContextValue::Strings(v) if !v.is_empty() => Some(
            v.iter()
                .map(|s| format!("'{s}'"))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(args: &[&str]) -> Vec<OsString> {
        args.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_language_flag_is_read_before_the_arguments_are() {
        assert_eq!(
            flag_value(&os(&["bcare-desk", "list", "--lang", "en"]), "--lang").as_deref(),
            Some("en")
        );
        assert_eq!(
            flag_value(&os(&["bcare-desk", "--lang=id", "list"]), "--lang").as_deref(),
            Some("id")
        );
        assert_eq!(flag_value(&os(&["bcare-desk", "--lang"]), "--lang"), None);
    }

    fn refused(args: &[&str], lang: Lang) -> String {
        let mut argv = vec!["bcare-desk"];
        argv.extend(args);
        let e = parse(os(&argv), lang).unwrap_err();
        refusal_text(&e, lang)
    }

    #[test]
    fn a_refusal_names_the_argument_and_the_rule_in_indonesian() {
        let t = refused(&["export", "out.csv"], Lang::Id);
        assert!(
            t.starts_with("galat: argumen wajib belum diberikan: --format"),
            "{t}"
        );
        assert!(t.contains("Pemakaian: bcare-desk export"), "{t}");
        assert!(!t.contains("Usage") && !t.contains("required"), "{t}");

        let t = refused(&["list", "--bogus"], Lang::Id);
        assert!(t.contains("argumen '--bogus' tidak dikenal"), "{t}");

        let t = refused(&["grant", "siti", "kepala"], Lang::Id);
        assert!(t.contains("nilai 'kepala' tidak ada dalam pilihan"), "{t}");
        assert!(t.contains("officer, reader"), "{t}");

        let t = refused(&["lsit"], Lang::Id);
        assert!(t.contains("perintah 'lsit' tidak dikenal"), "{t}");
        assert!(t.contains("maksudnya") && t.contains("'list'"), "{t}");
    }

    #[test]
    fn english_refusals_stay_claps_own() {
        let t = refused(&["list", "--bogus"], Lang::En);
        assert!(t.contains("unexpected argument '--bogus'"), "{t}");
    }

    #[test]
    fn the_help_speaks_indonesian_with_indonesian_headings() {
        let help = command(Lang::Id)
            .find_subcommand_mut("report")
            .unwrap()
            .render_help()
            .to_string();
        let help = help_id::help_notes_in_indonesian(&help);
        assert!(help.contains("Pemakaian:"), "{help}");
        assert!(help.contains("Opsi:"), "{help}");
        assert!(help.contains("Tampilkan bantuan"), "{help}");
        assert!(help.contains("[bawaan: category]"), "{help}");
        assert!(
            !help.contains("Usage:") && !help.contains("Options:"),
            "{help}"
        );
        let top = help_id::help_notes_in_indonesian(&command(Lang::Id).render_help().to_string());
        assert!(top.contains("Perintah:"), "{top}");
        assert!(!top.contains("Commands:"), "{top}");
    }

    #[test]
    fn the_indonesian_command_line_parses_as_the_english_one() {
        let argv = os(&[
            "bcare-desk",
            "intake",
            "--name",
            "Andi",
            "--kind",
            "pegawai",
            "--json",
        ]);
        let id = parse(argv.clone(), Lang::Id).unwrap();
        let en = parse(argv, Lang::En).unwrap();
        assert_eq!(format!("{:?}", id.command), format!("{:?}", en.command));
        assert!(format!("{:?}", id.command).contains("\"Andi\""));
    }
}
