//! Answering, the same in both front ends: the suggestion a question offers before it is
//! answered (both prefill kinds: copied from another answer, and the engine's value suggestions such
//! as "granted" at 7.3 for a person who was granted citizenship), and the value a question is fixed
//! to by earlier answers. Both read an evaluation, never the terminal.

use crate::engine::{Evaluation, Questionnaire};

/// Conditions read from an evaluation (fixed values, mandatory, prefill), outside the engine's pass:
/// the engine's own environment.
pub use crate::engine::eval::EvalEnv as EvEnv;

/// The value a question is fixed to by earlier answers, if any (the engine's).
pub fn fixed_value(_q: &Questionnaire, qi: usize, ev: &Evaluation) -> Option<String> {
    ev.fixed_value(qi).map(str::to_string)
}

/// The suggestion a question's prefill makes (never stored until the person accepts it): the
/// engine's, which never suggests an option the earlier answers rule out.
pub fn prefill(q: &Questionnaire, qi: usize, ev: &Evaluation) -> Option<String> {
    ev.suggestion(q, qi)
}
