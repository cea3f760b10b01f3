//! Answering, the same in both front ends: the suggestion a question offers before it is
//! answered (both prefill kinds: copied from another answer, and the engine's value suggestions such
//! as "granted" at 7.3 for a person who was granted citizenship), and the value a question is fixed
//! to by earlier answers. Both read an evaluation, never the terminal.

use chrono::NaiveDate;

use crate::engine::cond::Env;
use crate::engine::eval::Blocker;
use crate::engine::{AnswerValue, Evaluation, Prefill, Questionnaire};

/// Conditions read from an evaluation (fixed values, mandatory, prefill), outside the engine's pass.
pub struct EvEnv<'a>(pub &'a Evaluation);

impl Env for EvEnv<'_> {
    fn value(&self, q: usize) -> Option<&str> {
        self.0.values.get(q).and_then(|v| v.as_ref()).map(AnswerValue::as_cond_str)
    }
    fn today(&self) -> NaiveDate {
        self.0.context.today
    }
    fn item_on(&self, i: usize) -> bool {
        self.0.items.iter().chain(self.0.paper_prep.iter()).any(|r| r.item == i)
    }
    fn rule_fired(&self, r: usize) -> bool {
        self.0.fired.contains(&r)
    }
    fn incomplete(&self) -> bool {
        self.0.blockers.iter().any(|b| matches!(b, Blocker::Missing(_) | Blocker::Item(_)))
    }
    fn draft_days(&self) -> Option<i64> {
        self.0.context.started.map(|st| (self.0.context.today - st).num_days())
    }
}

/// The value a question is fixed to by earlier answers, if any.
pub fn fixed_value(q: &Questionnaire, qi: usize, ev: &Evaluation) -> Option<String> {
    let (when, value) = q.questions[qi].fixed.as_ref()?;
    when.eval(&EvEnv(ev)).then(|| value.clone())
}

/// The suggestion a question's prefill makes (never stored until the person accepts it).
pub fn prefill(q: &Questionnaire, qi: usize, ev: &Evaluation) -> Option<String> {
    match q.questions[qi].prefill.as_ref()? {
        Prefill::From { q: src, map } => {
            let v = ev.values.get(*src)?.as_ref()?;
            map.get(v.as_cond_str()).cloned()
        }
        Prefill::Value { value, when } => when.eval(&EvEnv(ev)).then(|| value.clone()),
    }
}
