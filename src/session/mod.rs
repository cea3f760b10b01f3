//! The journey, once, for both front ends (issue 10): giving a file (always checked), what an
//! answer sets off (stops and cautions at once, naming their question), what is really done
//! (marks and "ready" that need the files too), the check-your-answers entries and what happens
//! next. No terminal code here: the TUI (`src/tui/`) and plain mode (`src/plain/`) are two views of
//! it, and `tests/it/session.rs` drives it directly.

pub mod answering;
pub mod files;
pub mod fires;
pub mod journey;
pub mod paper;
