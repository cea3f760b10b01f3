//! citcert — prepare the Canadian online Application for a Citizenship Certificate (CIT 0001).
//!
//! One-way layers, each using only those below it (tests/it/layers.rs holds this; ARCHITECTURE.md
//! draws it): `cli` (the command line) → `tui`, `plain` (the front ends) → `session` (the journey)
//! → `documents` → `context` (options, clock, questionnaire, language, errors) → `drafts` (the
//! store) → `engine` (questionnaire.json evaluated) → `clock` → `safe_text` → `words`
//! (the language, bilingual words and templates).

pub mod cli;
pub mod clock;
pub mod context;
pub mod documents;
pub mod drafts;
pub mod engine;
pub mod plain;
pub mod safe_text;
pub mod session;
pub mod synth;
pub mod tui;
pub mod words;
