//! The command line: clap definitions and the dispatch to each command. Commands print their own
//! results; errors come back as `CliError` with the exit code they deserve.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

use crate::clock::Clock;

/// Prepare the Canadian online Application for a Citizenship Certificate (CIT 0001).
#[derive(Debug, Parser)]
#[command(name = "citcert", version, about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options every command accepts, before or after the subcommand.
#[derive(Debug, Clone, Args, Default)]
pub struct GlobalArgs {
    /// Pretend today is this date (YYYY-MM-DD); also CITCERT_TODAY.
    #[arg(long, global = true, value_name = "YYYY-MM-DD")]
    pub today: Option<String>,
    /// Where drafts are kept (default: the platform data directory); also CITCERT_DRAFTS_DIR.
    #[arg(long, global = true, value_name = "DIR", env = "CITCERT_DRAFTS_DIR")]
    pub drafts_dir: Option<PathBuf>,
    /// Use this questionnaire instead of the built-in one.
    #[arg(long, global = true, value_name = "FILE")]
    pub questionnaire: Option<PathBuf>,
    /// Language: en or fr; also CITCERT_LANG.
    #[arg(long, global = true, value_name = "en|fr", env = "CITCERT_LANG")]
    pub lang: Option<String>,
}

impl GlobalArgs {
    /// The clock: `--today`, else `CITCERT_TODAY`, else the system date.
    pub fn clock(&self) -> Result<Clock, CliError> {
        let env = std::env::var("CITCERT_TODAY").ok();
        Clock::resolve(self.today.as_deref(), env.as_deref()).map_err(CliError::usage)
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Saved drafts: list, new, show, delete, purge, export, import.
    Drafts {
        #[command(subcommand)]
        cmd: crate::drafts::cli::DraftsCommand,
    },
}

/// An error that ends a command, with its exit status.
#[derive(Debug)]
pub struct CliError {
    pub code: i32,
    pub message: String,
}

impl CliError {
    /// Bad arguments or unusable input: exit 2.
    pub fn usage(message: impl Into<String>) -> Self {
        CliError { code: 2, message: message.into() }
    }
    pub fn with_code(code: i32, message: impl Into<String>) -> Self {
        CliError { code, message: message.into() }
    }
}

/// Runs the parsed command line and returns the exit status.
pub fn run(cli: Cli) -> Result<i32, CliError> {
    let _clock = cli.global.clock()?;
    match cli.command {
        None => Ok(0),
        // TODO(lead): pass the engine's AnswerInspector instead of NullInspector.
        Some(Command::Drafts { cmd }) => {
            crate::drafts::cli::run(&cmd, &cli.global, &crate::drafts::NullInspector)
        }
    }
}
