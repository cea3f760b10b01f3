//! The documents, as one room: attaching files (`attach`), what is really done (`readiness`), the
//! summary (`export`, `report`), the signed package (`package`) and handing it over (`handoff`).
//! Below the front ends and the command line; above the draft store and the engine.

pub mod attach;
pub mod export;
pub mod handoff;
pub mod package;
pub mod readiness;
pub mod report;

/// "THING: what is wrong with it" — a file, an item or a path, then the problem (issue 14: the
/// same sentence in attach and package errors, one [`Template`](crate::words::Template)).
pub(crate) const SUBJECT_PROBLEM: crate::words::Template =
    crate::words::Template::new(&["subject", "problem"], "{subject}: {problem}", "{subject} : {problem}");
