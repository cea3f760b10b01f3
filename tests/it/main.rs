//! The integration tests, as one test binary: the library and the test helpers are linked once,
//! not once per file (issue 14). Each file below is one former test binary; `cargo test --test it
//! NAME` runs the tests whose path holds NAME (e.g. `tui_snapshots::`).

mod cli_check;
mod cli_truth;
mod cli_words_fr;
mod common;
mod contract;
mod docs;
mod drafts_cli;
mod drafts_crash;
mod drafts_held;
mod drafts_notes;
mod drafts_protect;
mod drafts_store;
mod engine;
mod export_one_model;
mod fuzz_corpus;
mod hardening;
mod help_fr;
mod issue13_leftovers;
mod layers;
mod locked_documents;
mod paper_one_model;
mod personas;
mod plain;
mod plain_journey;
mod plain_notes;
mod plain_words;
mod properties;
mod render_cli;
mod same_file;
mod session;
mod tui_attach;
mod tui_hangup;
mod tui_input;
mod tui_issue13;
mod tui_journey;
mod tui_keys;
mod tui_next;
mod tui_signals;
mod tui_snapshots;
mod tui_start;
mod tui_tmux;
mod tui_usability;
mod tui_words;
mod validate;
