//! What an answer sets off, at once: a stop or a caution is shown when the answer that triggers it
//! is given (Enter, or the focus leaving the field), naming that question and the answer given.
//! Both front ends ask here, so they show the same thing at the same moment and offer the same
//! choices.

use std::collections::BTreeSet;

use crate::engine::{Answers, Context, Evaluation, Lang, Outcome, Questionnaire, evaluate};
use crate::words::{Fixed, Template};

/// A stop or caution to show now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fired {
    /// Rules (indices into `q.rules`), stops or cautions, never both.
    pub rules: Vec<usize>,
    /// Cautions: the person may go on after "I understand".
    pub caution: bool,
    /// Paper-preparation mode may be offered (every stop sends to a paper application; never for
    /// "do not apply", e.g. ST-02 "already submitted on paper").
    pub paper_ok: bool,
    /// The question whose answer set it off, when known.
    pub question: Option<usize>,
}

/// Whether paper-preparation mode is the right advice for these stops: every one of them leads to
/// a paper application (STOP_PAPER, STOP_WRONG_APPLICATION).
pub fn paper_offered(q: &Questionnaire, rules: &[usize]) -> bool {
    !rules.is_empty()
        && rules
            .iter()
            .all(|&r| matches!(q.rules[r].outcome, Outcome::StopPaper | Outcome::StopWrongApplication))
}

/// What the answer to `qi` set off: stops that fire now and did not before (unless paper-preparation
/// mode already covers them), else cautions that fire now, did not before, and were not accepted.
pub fn after_answer(
    q: &Questionnaire,
    before: &Evaluation,
    after: &Evaluation,
    qi: usize,
    acknowledged: &BTreeSet<usize>,
    paper_mode: bool,
) -> Option<Fired> {
    let new: Vec<usize> = after.fired.iter().copied().filter(|r| !before.fired.contains(r)).collect();
    let stops: Vec<usize> = after.stops(q).into_iter().filter(|r| new.contains(r)).collect();
    let paper_ok = paper_offered(q, &after.stops(q));
    let covered = paper_mode && paper_ok;
    if !stops.is_empty() && !covered {
        return Some(Fired { rules: stops, caution: false, paper_ok, question: Some(qi) });
    }
    let cautions: Vec<usize> = new
        .into_iter()
        .filter(|&r| q.rules[r].outcome == Outcome::Caution && !acknowledged.contains(&r))
        .collect();
    (!cautions.is_empty()).then_some(Fired {
        rules: cautions,
        caution: true,
        paper_ok: false,
        question: Some(qi),
    })
}

/// What stops the person leaving the screen: stops (unless paper-preparation mode covers them all),
/// else cautions not yet accepted; with the answer behind the first of them.
pub fn on_leaving(
    q: &Questionnaire,
    answers: &Answers,
    ev: &Evaluation,
    acknowledged: &BTreeSet<usize>,
    paper_mode: bool,
) -> Option<Fired> {
    let stops = ev.stops(q);
    let paper_ok = paper_offered(q, &stops);
    let covered = paper_mode && paper_ok;
    if !stops.is_empty() && !covered {
        let question = cause(q, answers, ev, stops[0]);
        return Some(Fired { rules: stops, caution: false, paper_ok, question });
    }
    let cautions: Vec<usize> =
        ev.fired_with(q, Outcome::Caution).into_iter().filter(|r| !acknowledged.contains(r)).collect();
    let question = cautions.first().and_then(|&r| cause(q, answers, ev, r));
    (!cautions.is_empty()).then_some(Fired { rules: cautions, caution: true, paper_ok: false, question })
}

/// The latest visible answer without which rule `rule` would not fire (tried from the last answer
/// back). Evaluates once per answer tried: for a window, never for a keystroke.
pub fn cause(q: &Questionnaire, answers: &Answers, ev: &Evaluation, rule: usize) -> Option<usize> {
    let ctx = Context { ..ev.context };
    (0..q.questions.len())
        .rev()
        .filter(|&qi| ev.visible[qi] && answers.get(&q.questions[qi].id).is_some())
        .find(|&qi| {
            let mut without = answers.clone();
            without.remove(&q.questions[qi].id);
            !evaluate(q, &without, ctx).fired.contains(&rule)
        })
}

/// "1.3 Have you already submitted a paper application? — your answer: Yes", in `lang`.
pub fn question_line(q: &Questionnaire, ev: &Evaluation, qi: usize, lang: Lang) -> String {
    const T: Template = Template::new(
        &["number", "prompt", "answer"],
        "{number} {prompt} — your answer: {answer}",
        "{number} {prompt} — votre réponse : {answer}",
    );
    const NO_ANSWER: Fixed = Fixed::new("(no answer)", "(aucune réponse)");
    let answer = ev.answer_label(q, qi, lang).unwrap_or_else(|| NO_ANSWER.get(lang).to_string());
    crate::fill!(T, lang, number = q.questions[qi].number, prompt = ev.prompt(q, qi, lang), answer = answer)
}
