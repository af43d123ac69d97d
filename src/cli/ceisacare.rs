//! `ceisacare token` and `ceisacare status`: the CEISACare token on this machine.
//! The token is read from standard input (or a file), checked, and written to its
//! own 0600 file; it is never printed, logged or put in an error.

use super::Setup;
use crate::desk::token::{self, TokenPlace, TokenSource, TokenState};
use crate::domain::msg::{Lang, M};
use anyhow::{Result, bail};
use chrono::{DateTime, FixedOffset, Utc};
use std::io::Read;
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

/// WITA, the office's zone: the officer reads the token's end in it.
fn wita(t: DateTime<Utc>) -> String {
    let o = FixedOffset::east_opt(8 * 3600).expect("UTC+8");
    format!("{} WITA", t.with_timezone(&o).format("%Y-%m-%d %H:%M"))
}

fn source_words(place: &TokenPlace, s: TokenSource, lang: Lang) -> String {
    match s {
        TokenSource::Env => M::TokenFromEnv.fill(lang, &[&place.env]),
        TokenSource::File => M::TokenFromFile.fill(lang, &[&place.file.display().to_string()]),
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
                    M::TokenSaved.fill(
                        lang,
                        &[&place.file.display().to_string(), &wita(t.expires_at)]
                    )
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
                        M::TokenValidUntil
                            .fill(lang, &[&source_words(&place, source, lang), &wita(until)])
                    );
                    Ok(())
                }
                TokenState::Expired { source, at } => bail!(
                    "{}",
                    M::TokenExpiredSince
                        .fill(lang, &[&source_words(&place, source, lang), &wita(at)])
                ),
                TokenState::Unusable { source } => bail!(
                    "{}",
                    M::TokenUnusable.fill(lang, &[&source_words(&place, source, lang)])
                ),
                TokenState::Missing => bail!(
                    "{}",
                    M::TokenMissing.fill(lang, &[&place.env, &place.file.display().to_string()])
                ),
            }
        }
    }
}
