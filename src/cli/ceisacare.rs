//! `ceisacare token` and `ceisacare status`: the CEISACare token on this machine.
//! The token is read from standard input (or a file), checked, and written to its
//! own 0600 file; it is never printed, logged or put in an error.

use super::Setup;
use crate::desk::token::{self, TokenPlace, TokenSource, TokenState};
use crate::domain::msg::{Lang, M};
use anyhow::{Result, bail};
use chrono::{DateTime, FixedOffset, Utc};
use std::io::{IsTerminal, Read};
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct CeisacareArgs {
    #[command(subcommand)]
    pub action: CeisacareAction,
}

#[derive(clap::Subcommand, Debug)]
pub enum CeisacareAction {
    /// Keep a CEISACare token (copied after logging in with the second factor):
    /// pasted on standard input, or read from --file; written to its own 0600 file
    Token {
        /// Read the token from this file instead of standard input
        #[arg(long, value_name = "PATH")]
        file: Option<PathBuf>,
    },
    /// Whether the CEISACare token is valid, and until when (WITA)
    Status,
}

/// One line from the terminal without echo: a token pasted at the prompt never
/// shows on the screen (or in the terminal's scrollback). Ctrl-C gives up.
fn read_unechoed(limit: usize) -> std::io::Result<String> {
    crossterm::terminal::enable_raw_mode()?;
    let mut bytes = Vec::new();
    let mut byte = [0u8; 1];
    let read = (|| {
        let mut stdin = std::io::stdin().lock();
        while bytes.len() <= limit {
            if stdin.read(&mut byte)? == 0 {
                break;
            }
            match byte[0] {
                b'\r' | b'\n' if !bytes.is_empty() => break,
                b'\r' | b'\n' => {}
                3 => return Err(std::io::Error::other("cancelled")),
                b => bytes.push(b),
            }
        }
        Ok(())
    })();
    let restored = crossterm::terminal::disable_raw_mode();
    eprintln!();
    read?;
    restored?;
    // A bracketed paste's markers are not part of the token.
    let text = String::from_utf8_lossy(&bytes)
        .replace("\x1b[200~", "")
        .replace("\x1b[201~", "");
    Ok(text)
}

/// WITA, the office's zone: the officer reads the token's end in it.
fn wita(t: DateTime<Utc>) -> String {
    let o = FixedOffset::east_opt(8 * 3600).expect("UTC+8");
    format!("{} WITA", t.with_timezone(&o).format("%Y-%m-%d %H:%M"))
}

fn source_words(place: &TokenPlace, s: TokenSource, lang: Lang) -> String {
    match s {
        TokenSource::Env => M::TokenFromEnv(lang, &place.env),
        TokenSource::File => M::TokenFromFile(lang, place.file.display().to_string()),
    }
}

pub fn run(s: &Setup, args: &CeisacareArgs, json: bool) -> Result<()> {
    let lang = s.lang;
    let place = TokenPlace::of(&s.config, &s.paths.data_dir);
    let now = (s.clock)();
    match &args.action {
        CeisacareAction::Token { file } => {
            let mut pasted = String::new();
            let limit = (crate::domain::ceisacare::token::TOKEN_MAX + 2) as u64;
            match file {
                Some(f) => {
                    std::fs::File::open(f)
                        .and_then(|h| h.take(limit).read_to_string(&mut pasted))
                        .map_err(|e| anyhow::anyhow!("--file {}: {e}", f.display()))?;
                }
                None if std::io::stdin().is_terminal() => {
                    tell!("{}", M::TokenPrompt.get(lang));
                    pasted =
                        read_unechoed(limit as usize).map_err(|e| anyhow::anyhow!("token: {e}"))?;
                }
                None => {
                    std::io::stdin()
                        .take(limit)
                        .read_to_string(&mut pasted)
                        .map_err(|e| anyhow::anyhow!("token: {e}"))?;
                }
            }
            let saved = token::save(&place, &pasted, now);
            // The paste is dropped as soon as it is written.
            pasted.clear();
            let t = saved.map_err(|e| anyhow::anyhow!(e.text(lang)))?;
            if json {
                super::print_json(&serde_json::json!({
                    "token_file": place.file, "valid_until": t.expires_at }))?;
            } else {
                say!(
                    "{}",
                    M::TokenSaved(lang, place.file.display().to_string(), wita(t.expires_at))
                );
            }
            Ok(())
        }
        CeisacareAction::Status => {
            let st = token::state(&place, now);
            if json {
                // The state is in the JSON; the exit status stays for the text.
                return super::print_json(&st);
            }
            match st {
                TokenState::Valid { source, until } => {
                    say!(
                        "{}",
                        M::TokenValidUntil(lang, source_words(&place, source, lang), wita(until))
                    );
                    Ok(())
                }
                TokenState::Expired { source, at } => bail!(
                    "{}",
                    M::TokenExpiredSince(lang, source_words(&place, source, lang), wita(at))
                ),
                TokenState::Unusable { source } => bail!(
                    "{}",
                    M::TokenUnusable(lang, source_words(&place, source, lang))
                ),
                TokenState::Missing => bail!(
                    "{}",
                    M::TokenMissing(lang, &place.env, place.file.display().to_string())
                ),
            }
        }
    }
}
