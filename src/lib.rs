//! citcert — prepare the Canadian online Application for a Citizenship Certificate (CIT 0001).
//!
//! `engine` evaluates questionnaire.json against answers; `drafts` keeps drafts on this machine;
//! `tui` draws the questionnaire. See ARCHITECTURE.md.

pub mod attach;
pub mod cli;
pub mod cli_help;
pub mod clock;
pub mod docs_cli;
pub mod drafts;
pub mod engine;
pub mod export;
pub mod generate;
pub mod package;
pub mod plain;
pub mod readiness;
pub mod report;
pub mod safe_text;
pub mod session;
pub mod synth;
pub mod tui;
pub mod words;
