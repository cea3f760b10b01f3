//! The journey, once, for both front ends (issue 10): one [`Session`] object owns the opened draft
//! and decides everything about it — opening, answering (a file always checked), prefills and
//! fixed values, what an answer sets off (stops and cautions at once, naming their question),
//! acknowledging, paper mode, what is really done (marks and "ready" that need the files too), the
//! check-your-answers entries, what happens next, and saving through a [`DraftSink`]. No terminal
//! code here: the TUI (`src/tui/`) and plain mode (`src/plain/`) are two views of it, and
//! `tests/session.rs` drives it directly.

pub mod answering;
pub mod draft;
pub mod files;
pub mod fires;
pub mod journey;
pub mod paper;
pub mod state;

pub use draft::{Draft, DraftSink, OpenStore};
pub use state::{Answered, Change, FileCheck, Refusal, RelativePaths, Session};
