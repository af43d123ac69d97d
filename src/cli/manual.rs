//! The manual pages and the shell completions, made from the command line itself
//! (`bcare-desk manpage DIR`, `bcare-desk completions SHELL`: hidden commands the
//! package is built from). The pages come in Indonesian, the desk's default
//! language, and English; `assets/man` and `assets/completions` keep what these
//! commands print, and a test fails when the two differ.

use super::Cli;
use super::help_id;
use crate::domain::msg::Lang;
use anyhow::{Context, Result};
use clap::CommandFactory;
use std::path::{Path, PathBuf};

#[derive(clap::Args, Debug)]
pub struct ManpageArgs {
    /// Folder to write into: DIR/man1 (English) and DIR/id/man1 (Indonesian), one
    /// page for the desk and one per command.
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
}

#[derive(clap::Args, Debug)]
pub struct CompletionsArgs {
    /// bash, zsh or fish
    #[arg(value_name = "SHELL")]
    pub shell: Shell,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

impl Shell {
    pub const ALL: [Shell; 3] = [Shell::Bash, Shell::Zsh, Shell::Fish];

    /// The file's name as each shell looks it up in its vendor folder.
    pub fn file_name(self) -> &'static str {
        match self {
            Shell::Bash => "bcare-desk",
            Shell::Zsh => "_bcare-desk",
            Shell::Fish => "bcare-desk.fish",
        }
    }
}

/// The command line as clap sees it, its texts in `lang`, built (help flags and
/// global options present in every command).
pub fn command(lang: Lang) -> clap::Command {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    match lang {
        Lang::En => cmd,
        Lang::Id => help_id::in_indonesian(cmd),
    }
}

/// The folder of one language's pages under DIR, as `/usr/share/man` lays them out.
pub fn pages_dir(dir: &Path, lang: Lang) -> PathBuf {
    match lang {
        Lang::En => dir.join("man1"),
        Lang::Id => dir.join("id").join("man1"),
    }
}

/// Every page in both languages: `bcare-desk.1` and `bcare-desk-COMMAND.1` for
/// each visible command, nested ones too. Returns the files written.
pub fn write_pages(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut written = Vec::new();
    for lang in [Lang::Id, Lang::En] {
        let out = pages_dir(dir, lang);
        std::fs::create_dir_all(&out).with_context(|| out.display().to_string())?;
        for (name, page) in pages(lang)? {
            let f = out.join(name);
            std::fs::write(&f, page).with_context(|| f.display().to_string())?;
            written.push(f);
        }
    }
    Ok(written)
}

/// The pages of one language: (file name, roff text), the desk's own page first.
pub fn pages(lang: Lang) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    collect(command(lang), lang, &mut out)?;
    Ok(out)
}

fn collect(cmd: clap::Command, lang: Lang, out: &mut Vec<(String, String)>) -> Result<()> {
    let man = clap_mangen::Man::new(cmd.clone()).manual(match lang {
        Lang::Id => "Panduan bcare-desk",
        Lang::En => "bcare-desk manual",
    });
    let mut roff = Vec::new();
    man.render(&mut roff)?;
    let text = String::from_utf8(roff).context("a manual page that is not UTF-8")?;
    let text = match lang {
        Lang::En => text,
        Lang::Id => help_id::headings_in_indonesian(&text),
    };
    out.push((man.get_filename(), text));
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        collect(sub.clone(), lang, out)?;
    }
    Ok(())
}

/// The completion script for `shell`, its descriptions in `lang`.
pub fn completions(shell: Shell, lang: Lang) -> String {
    use clap_complete::Shell as S;
    let mut cmd = command(lang);
    let mut bytes = Vec::new();
    let s = match shell {
        Shell::Bash => S::Bash,
        Shell::Zsh => S::Zsh,
        Shell::Fish => S::Fish,
    };
    clap_complete::generate(s, &mut cmd, "bcare-desk", &mut bytes);
    String::from_utf8_lossy(&bytes).into_owned()
}

/// `manpage DIR`: writes the pages and prints how many.
pub fn manpage(args: &ManpageArgs) -> Result<()> {
    let written = write_pages(&args.dir)?;
    say!("{} {}", written.len(), args.dir.display());
    Ok(())
}

/// `completions SHELL`: prints the script (`> /usr/share/...`).
pub fn print_completions(args: &CompletionsArgs, lang: Lang) -> Result<()> {
    use std::io::Write as _;
    // The script itself, unfiltered: the terminal gate would mangle its escapes.
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(completions(args.shell, lang).as_bytes());
    Ok(())
}
