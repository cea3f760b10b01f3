//! Evaluation: questionnaire + answers + today → what is visible, what is wrong or missing, which
//! rules fire, the checklist with reasons, the Act indication and the submission gate.
//!
//! One ordered pass over the questions computes visibility and normalised values (a question can
//! only depend on earlier answers, which `load` guarantees); items and rules are evaluated lazily
//! and memoised.

use std::cell::Cell;

use chrono::NaiveDate;

use super::answers::{AnswerValue, Answers, normalise};
use super::cond::{Cond, Env};
use super::model::*;
use super::text::{Fixed, Lang, Text};
use crate::fill_text;
use crate::words::Template;

/// What the evaluation needs besides the answers.
#[derive(Clone, Copy, Debug)]
pub struct Context {
    pub today: NaiveDate,
    /// The draft's start date, when evaluating a draft (DR-16).
    pub started: Option<NaiveDate>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Missing,
    Provided,
    Explained,
    Done,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Missing => "missing",
            Status::Provided => "provided",
            Status::Explained => "explained",
            Status::Done => "done",
        }
    }
    /// The status in words for people (the code is the English word).
    pub fn label(self, lang: Lang) -> &'static str {
        status_label(self.code(), lang)
    }
}

/// A status code ("provided") in words for people; unknown codes are returned as they are.
pub fn status_label(code: &'static str, lang: Lang) -> &'static str {
    match (lang, code) {
        (Lang::Fr, "missing") => "manquant",
        (Lang::Fr, "provided") => "fourni",
        (Lang::Fr, "explained") => "expliqué",
        (Lang::Fr, "done") => "fait",
        _ => code,
    }
}

/// A problem with one answer.
#[derive(Clone, Debug, PartialEq)]
pub struct AnswerProblem {
    pub question: usize,
    pub severity: Severity,
    pub message: Text,
    /// The check id for cross-field problems (`V-AGE-SELF`), None for the answer's own format.
    pub check: Option<String>,
}

/// One checklist (or paper-prep) item on the list.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemResult {
    pub item: usize,
    pub required: bool,
    pub status: Status,
    /// Extra reason lines whose conditions hold.
    pub reason_lines: Vec<usize>,
    /// Questions whose answers put the item on the list.
    pub because: Vec<usize>,
}

/// Why the application is not ready to submit.
#[derive(Clone, Debug, PartialEq)]
pub enum Blocker {
    Rule(usize),
    Invalid(usize),
    Missing(usize),
    Item(usize),
}

#[derive(Clone, Debug)]
pub struct Evaluation {
    pub context: Context,
    pub minor: bool,
    /// Effective answers: visible and valid, normalised (fixed values included).
    pub values: Vec<Option<AnswerValue>>,
    pub visible: Vec<bool>,
    pub screen_visible: Vec<bool>,
    pub problems: Vec<AnswerProblem>,
    /// Mandatory visible questions with no answer, in order (fee questions included once shown).
    pub missing: Vec<usize>,
    /// Answered questions that are hidden now: kept, ignored.
    pub set_aside: Vec<usize>,
    /// Answers to ids this questionnaire does not have ("no longer asked").
    pub unknown_ids: Vec<String>,
    /// Rules that fired, in questionnaire order.
    pub fired: Vec<usize>,
    pub outcome: Outcome,
    /// The §7.2 row and the addenda that matched.
    pub indication: Option<(usize, Vec<usize>)>,
    /// Online checklist items on the list, in order (computed whatever the outcome).
    pub items: Vec<ItemResult>,
    /// Paper-prep items (when the outcome is STOP_PAPER).
    pub paper_prep: Vec<ItemResult>,
    pub ready: bool,
    pub blockers: Vec<Blocker>,
    progress: u8,
    /// Visible questions whose answer is fixed by earlier answers now, in order.
    fixed: Vec<usize>,
    /// (question, option index) pairs that earlier answers rule out, in order.
    ruled_out: Vec<(usize, usize)>,
}

struct State<'a> {
    q: &'a Questionnaire,
    ctx: Context,
    values: Vec<Option<AnswerValue>>,
    /// 0 unknown, 1 false, 2 true, 3 in progress.
    item_memo: Vec<Cell<u8>>,
    rule_memo: Vec<Cell<u8>>,
    incomplete: Cell<Option<bool>>,
    /// Questions whose answer a `fixed` value gives now, in order.
    fixed: Vec<usize>,
    /// (question, option) pairs ruled out by earlier answers, in order.
    ruled_out: Vec<(usize, usize)>,
}

impl Env for State<'_> {
    fn value(&self, q: usize) -> Option<&str> {
        self.values.get(q).and_then(|v| v.as_ref()).map(AnswerValue::as_cond_str)
    }
    fn today(&self) -> NaiveDate {
        self.ctx.today
    }
    fn item_on(&self, i: usize) -> bool {
        memo(&self.item_memo, i, || self.q.items[i].when.eval(self))
    }
    fn rule_fired(&self, r: usize) -> bool {
        memo(&self.rule_memo, r, || self.q.rules[r].when.eval(self))
    }
    fn incomplete(&self) -> bool {
        self.incomplete.get().unwrap_or(false)
    }
    fn draft_days(&self) -> Option<i64> {
        self.ctx.started.map(|s| (self.ctx.today - s).num_days())
    }
}

/// Memoised evaluation with a guard: a reference back into itself reads as false (`load` rejects
/// such questionnaires; this only keeps a bad one from looping).
fn memo(cells: &[Cell<u8>], i: usize, f: impl FnOnce() -> bool) -> bool {
    let Some(cell) = cells.get(i) else { return false };
    match cell.get() {
        1 | 3 => false,
        2 => true,
        _ => {
            cell.set(3);
            let r = f();
            cell.set(if r { 2 } else { 1 });
            r
        }
    }
}

/// The first stage of an evaluation: which questions are visible, and their normalised values.
struct Base<'a> {
    st: State<'a>,
    raw: Vec<Option<&'a AnswerValue>>,
    unknown_ids: Vec<String>,
    visible: Vec<bool>,
    invalid: Vec<bool>,
    problems: Vec<AnswerProblem>,
}

fn base<'a>(q: &'a Questionnaire, answers: &'a Answers, ctx: Context) -> Base<'a> {
    let n = q.questions.len();
    let mut raw: Vec<Option<&AnswerValue>> = vec![None; n];
    let mut unknown_ids = vec![];
    // Both sides are in id order: one merge walk matches answers to questions.
    let mut ids = q.sorted_ids.iter().peekable();
    let mut current = vec![false; n];
    for (id, v) in &answers.map {
        while ids.next_if(|(qid, _)| qid.as_str() < id.as_str()).is_some() {}
        match ids.peek() {
            Some((qid, i)) if qid == id => {
                raw[*i] = Some(v);
                current[*i] = true;
            }
            // A former id is read as its question's answer unless the current id holds one.
            _ => match q.former.get(id) {
                Some(&i) if !current[i] => raw[i] = Some(v),
                Some(_) => {}
                None => unknown_ids.push(id.clone()),
            },
        }
    }
    let mut st = State {
        q,
        ctx,
        values: vec![None; n],
        item_memo: (0..q.items.len()).map(|_| Cell::new(0)).collect(),
        rule_memo: (0..q.rules.len()).map(|_| Cell::new(0)).collect(),
        incomplete: Cell::new(None),
        fixed: vec![],
        ruled_out: vec![],
    };
    let mut visible = vec![false; n];
    let mut invalid = vec![false; n];
    let mut problems = vec![];
    pass(
        q,
        &mut st,
        &raw,
        &mut visible,
        &mut invalid,
        &mut problems,
        q.screens.iter().filter(|s| s.kind != ScreenKind::Fee),
    );
    Base { st, raw, unknown_ids, visible, invalid, problems }
}

/// How far the work has come (0–100), as a position that only moves forward for forward work
/// (docs/DECISIONS.md, "Progress"): every section (screens with the same whole number: 11.1, 11.2
/// … are section 11) weighs the same; the position is that of the first question still to answer
/// in questionnaire order — visible, mandatory now, no answer (an invalid answer counts as given,
/// it is reported, not missing) — with hidden questions passed over. An answer only makes later
/// questions appear (a question depends only on earlier answers), so answering the first question
/// still open never moves the position back, whatever appears after it. The fee section counts as
/// open until the fee screen opens (the gate passes); 100 only when nothing is left, fee included.
fn progress_of(
    q: &Questionnaire,
    st: &State<'_>,
    visible: &[bool],
    invalid: &[bool],
    fee_open: bool,
) -> Progress {
    let whole = |n: &str| n.split('.').next().unwrap_or(n).to_string();
    // Questions per section, in order; the first open question's (section, place in it).
    let mut sizes: Vec<usize> = vec![];
    let mut key = String::new();
    let mut first: Option<(usize, usize, bool)> = None;
    for screen in &q.screens {
        if screen.questions.is_empty() {
            continue;
        }
        let k = whole(&screen.number);
        if sizes.is_empty() || k != key {
            sizes.push(0);
            key = k;
        }
        let fee = screen.kind == ScreenKind::Fee;
        let si = sizes.len() - 1;
        let Some(size) = sizes.last_mut() else { continue };
        if first.is_none() {
            let open = |qi: usize| {
                (fee && !fee_open)
                    || (visible[qi]
                        && st.values[qi].is_none()
                        && !invalid[qi]
                        && needed(q, q.need[qi], qi, st))
            };
            if let Some(off) = screen.questions.clone().position(open) {
                first = Some((si, *size + off, fee));
            }
        }
        *size += screen.questions.len();
    }
    let Some((si, off, in_fee)) = first else { return Progress { percent: 100, in_fee: false } };
    // Whole sections passed, plus the share of the current one; below 100 while anything is open.
    let here = sizes[si].max(1);
    let percent = ((si * here + off) * 100 / (sizes.len() * here)).min(99) as u8;
    Progress { percent, in_fee }
}

/// A progress figure, and whether the first open question is on the fee screen.
struct Progress {
    percent: u8,
    in_fee: bool,
}

/// Is this visible question mandatory now? Reads the question only for conditional ones.
fn needed(q: &Questionnaire, need: Need, qi: usize, st: &State<'_>) -> bool {
    match need {
        Need::Never => false,
        Need::Always => true,
        Need::When => q.questions[qi].mandatory.eval(st),
    }
}

/// Only the progress of a set of answers: what `drafts list` shows for each draft, without the
/// checks, checklist, rules and indication of a full evaluation.
pub fn progress(q: &Questionnaire, answers: &Answers, ctx: Context) -> u8 {
    let b = base(q, answers, ctx);
    // The fee screen opens only once the gate passes, which needs the full evaluation: only when
    // nothing but the fee is left (a draft nearly done) is it run, so both always agree.
    let p = progress_of(q, &b.st, &b.visible, &b.invalid, false);
    if p.in_fee { evaluate(q, answers, ctx).progress } else { p.percent }
}

/// Evaluates `answers` against the questionnaire.
pub fn evaluate(q: &Questionnaire, answers: &Answers, ctx: Context) -> Evaluation {
    let n = q.questions.len();
    let Base { mut st, raw, unknown_ids, mut visible, mut invalid, mut problems } = base(q, answers, ctx);

    // Cross-field checks, on visible answered questions.
    for check in &q.checks {
        let qi = check.question;
        if visible[qi] && st.values[qi].is_some() && check.when.eval(&st) {
            if check.severity == Severity::Error {
                invalid[qi] = true;
            }
            problems.push(AnswerProblem {
                question: qi,
                severity: check.severity,
                message: check.message.clone(),
                check: Some(check.id.clone()),
            });
        }
    }

    let missing_now = |st: &State<'_>,
                       visible: &[bool],
                       invalid: &[bool],
                       range: &mut dyn Iterator<Item = usize>|
     -> Vec<usize> {
        range
            .filter(|&qi| {
                visible[qi] && st.values[qi].is_none() && !invalid[qi] && needed(q, q.need[qi], qi, st)
            })
            .collect()
    };
    let non_fee: Vec<usize> =
        q.screens.iter().filter(|s| s.kind != ScreenKind::Fee).flat_map(|s| s.questions.clone()).collect();
    let mut missing = missing_now(&st, &visible, &invalid, &mut non_fee.iter().copied());

    // Checklist.
    let item_result = |st: &State<'_>, i: usize| -> ItemResult {
        let item = &q.items[i];
        let mut because = vec![];
        item.when.eval_trace(st, &mut because);
        let reason_lines =
            item.reasons.iter().enumerate().filter(|(_, (c, _))| c.eval(st)).map(|(k, _)| k).collect();
        ItemResult {
            item: i,
            required: item.required.eval(st),
            status: status(st, item),
            reason_lines,
            because,
        }
    };
    let items: Vec<ItemResult> = (0..q.items.len())
        .filter(|&i| !q.items[i].paper_prep && st.item_on(i))
        .map(|i| item_result(&st, i))
        .collect();
    let upload_missing = items
        .iter()
        .any(|r| r.required && r.status == Status::Missing && q.items[r.item].kind == ItemKind::Upload);
    st.incomplete.set(Some(!missing.is_empty() || upload_missing));

    // Rules and outcome.
    let fired: Vec<usize> = (0..q.rules.len()).filter(|&r| st.rule_fired(r)).collect();
    let outcome = fired
        .iter()
        .map(|&r| q.rules[r].outcome)
        .filter(|o| o.is_stop())
        .max_by_key(|o| o.stop_rank())
        .unwrap_or(Outcome::OnlineOk);

    // Act indication (none when the person must not apply at all).
    let indication = if outcome == Outcome::StopDoNotApply {
        None
    } else {
        q.indications.iter().position(|ind| ind.kind == IndicationKind::Row && ind.when.eval(&st)).map(
            |row| {
                let adds = q
                    .indications
                    .iter()
                    .enumerate()
                    .filter(|(_, ind)| ind.kind == IndicationKind::Addendum && ind.when.eval(&st))
                    .map(|(k, _)| k)
                    .collect();
                (row, adds)
            },
        )
    };

    let paper_prep = if outcome == Outcome::StopPaper {
        (0..q.items.len())
            .filter(|&i| q.items[i].paper_prep && st.item_on(i))
            .map(|i| item_result(&st, i))
            .collect()
    } else {
        vec![]
    };

    // The gate (SPEC §5 V-GATE).
    let mut blockers = vec![];
    for &r in &fired {
        if matches!(
            q.rules[r].outcome,
            Outcome::StopPaper
                | Outcome::StopDoNotApply
                | Outcome::StopWrongApplication
                | Outcome::DocBlock
                | Outcome::DraftExpired
        ) || (q.rules[r].outcome == Outcome::Incomplete && !reads_incomplete(&q.rules[r].when))
        {
            blockers.push(Blocker::Rule(r));
        }
    }
    let mut invalid_qs: Vec<usize> =
        problems.iter().filter(|p| p.severity == Severity::Error).map(|p| p.question).collect();
    invalid_qs.dedup();
    blockers.extend(invalid_qs.iter().map(|&qi| Blocker::Invalid(qi)));
    blockers.extend(missing.iter().map(|&qi| Blocker::Missing(qi)));
    blockers.extend(
        items.iter().filter(|r| r.required && r.status == Status::Missing).map(|r| Blocker::Item(r.item)),
    );
    let ready = blockers.is_empty();

    // The fee screen opens once the gate passes.
    if ready {
        pass(
            q,
            &mut st,
            &raw,
            &mut visible,
            &mut invalid,
            &mut problems,
            q.screens.iter().filter(|s| s.kind == ScreenKind::Fee),
        );
        let fee_qs: Vec<usize> = q
            .screens
            .iter()
            .filter(|s| s.kind == ScreenKind::Fee)
            .flat_map(|s| s.questions.clone())
            .collect();
        missing.extend(missing_now(&st, &visible, &invalid, &mut fee_qs.into_iter()));
    }

    let screen_visible = q
        .screens
        .iter()
        .map(|s| match s.kind {
            ScreenKind::Review => true,
            ScreenKind::Fee => ready,
            ScreenKind::Questions => s.questions.clone().any(|qi| visible[qi]),
        })
        .collect();
    let set_aside = (0..n)
        .filter(|&qi| raw[qi].is_some() && !visible[qi] && q.questions[qi].qtype != QType::Display)
        .collect();
    let minor = q.minor_mode.eval(&st);
    let progress = progress_of(q, &st, &visible, &invalid, ready).percent;
    problems.sort_by_key(|p| p.question);

    Evaluation {
        context: ctx,
        minor,
        fixed: {
            let mut f = st.fixed;
            f.sort_unstable();
            f
        },
        ruled_out: {
            let mut r = st.ruled_out;
            r.sort_unstable();
            r
        },
        values: st.values,
        visible,
        screen_visible,
        problems,
        missing,
        set_aside,
        unknown_ids,
        fired,
        outcome,
        indication,
        items,
        paper_prep,
        ready,
        blockers,
        progress,
    }
}

/// Computes visibility and normalised values for the questions of `screens`, in order.
fn pass<'a>(
    q: &Questionnaire,
    st: &mut State<'_>,
    raw: &[Option<&AnswerValue>],
    visible: &mut [bool],
    invalid: &mut [bool],
    problems: &mut Vec<AnswerProblem>,
    screens: impl Iterator<Item = &'a Screen>,
) {
    let ctx = st.ctx;
    for screen in screens {
        for qi in screen.questions.clone() {
            let question = &q.questions[qi];
            if !question.show_if.eval(st) {
                continue;
            }
            visible[qi] = true;
            if let Some((_, value)) = question.fixed.iter().find(|(when, _)| when.eval(st)) {
                st.values[qi] = Some(AnswerValue::Text(value.clone()));
                st.fixed.push(qi);
                continue;
            }
            if question.qtype == QType::Display {
                continue;
            }
            let first_ruled_out = st.ruled_out.len();
            if question.option_conds {
                for (k, o) in question.options.iter().enumerate() {
                    if !o.show_if.eval(st) {
                        st.ruled_out.push((qi, k));
                    }
                }
            }
            let Some(r) = raw[qi] else { continue };
            let country = question.postal_country.and_then(|c| st.value(c)).map(str::to_string);
            match normalise(q, question, r, ctx.today, country.as_deref()) {
                Ok((v, note)) => {
                    if let Some(&(_, k)) = st.ruled_out[first_ruled_out..]
                        .iter()
                        .find(|(_, k)| question.options[*k].id == v.as_cond_str())
                    {
                        invalid[qi] = true;
                        problems.push(AnswerProblem {
                            question: qi,
                            severity: Severity::Error,
                            message: ruled_out_message(q, question, k),
                            check: None,
                        });
                        continue;
                    }
                    if let Some(must) = &question.must_be
                        && v.as_cond_str() != must
                    {
                        invalid[qi] = true;
                        let message = question.must_be_message.clone().unwrap_or_else(|| {
                            let label = question
                                .option(must)
                                .map(|o| o.label.clone())
                                .unwrap_or_else(|| Text::same(must.clone()));
                            fill_text!(MUST_ANSWER, option = &label)
                        });
                        problems.push(AnswerProblem {
                            question: qi,
                            severity: Severity::Error,
                            message,
                            check: None,
                        });
                        continue;
                    }
                    if let Some(note) = note {
                        problems.push(AnswerProblem {
                            question: qi,
                            severity: Severity::Warning,
                            message: note,
                            check: None,
                        });
                    }
                    st.values[qi] = Some(v);
                }
                Err(message) => {
                    invalid[qi] = true;
                    problems.push(AnswerProblem {
                        question: qi,
                        severity: Severity::Error,
                        message,
                        check: None,
                    });
                }
            }
        }
    }
}

/// Why a stored option is refused: the earlier answers its condition reads rule it out.
fn ruled_out_message(q: &Questionnaire, question: &Question, k: usize) -> Text {
    let opt = &question.options[k];
    if let Some(m) = &opt.ruled_out_message {
        return m.clone();
    }
    let mut reads = vec![];
    opt.show_if.questions(&mut reads);
    reads.sort_unstable();
    reads.dedup();
    let numbers: Vec<&str> = reads.iter().map(|&r| q.questions[r].number.as_str()).collect();
    let at = match numbers.len() {
        0 => EARLIER_ANSWERS.to_text(),
        1 => fill_text!(ANSWER_TO, number = numbers[0]),
        _ => fill_text!(ANSWERS_TO, numbers = numbers.join(", ")),
    };
    fill_text!(RULED_OUT, option = &opt.label, at = &at)
}

/// The answers that put an item on the list ("question → answer", joined with "; ").
const BECAUSE: Template = Template::new(
    &["answers"],
    "Because you answered: {answers}.",
    "Parce que vous avez répondu : {answers}.",
);

/// A stored option the earlier answers rule out, and what rules it out (`at`).
const RULED_OUT: Template = Template::new(
    &["option", "at"],
    "“{option}” does not fit {at}: choose another answer, or correct {at}.",
    "« {option} » ne concorde pas avec {at} : choisissez une autre réponse ou corrigez {at}.",
);
const EARLIER_ANSWERS: Fixed = Fixed::new("your earlier answers", "vos réponses précédentes");
/// The number of the one earlier question that rules an option out.
const ANSWER_TO: Template =
    Template::new(&["number"], "your answer to {number}", "votre réponse à la question {number}");
/// The numbers of the earlier questions, joined with ", ".
const ANSWERS_TO: Template =
    Template::new(&["numbers"], "your answers to {numbers}", "vos réponses aux questions {numbers}");
/// A question that must be given one answer to go on (the option's label), when the questionnaire
/// has no message of its own.
const MUST_ANSWER: Template = Template::new(
    &["option"],
    "You must answer “{option}” to go on.",
    "Vous devez répondre « {option} » pour continuer.",
);

/// Rules like IN-17 restate what the missing answers and items already say: not a blocker of their own.
fn reads_incomplete(c: &Cond) -> bool {
    let (mut is, mut rs, mut inc) = (vec![], vec![], false);
    c.refs(&mut is, &mut rs, &mut inc);
    inc
}

fn status(st: &State<'_>, item: &Item) -> Status {
    let done = if matches!(item.kind, ItemKind::Upload) { Status::Provided } else { Status::Done };
    if let Some(c) = &item.complete_when {
        return if c.eval(st) { done } else { Status::Missing };
    }
    match item.kind {
        ItemKind::Upload => {
            let has_file = item.file_q.is_some_and(|f| st.values[f].is_some());
            let explained = item.provide_q.is_some_and(|p| st.value(p) == Some("no_explanation"));
            match (has_file, explained) {
                (true, true) => Status::Explained,
                (true, false) => Status::Provided,
                _ => Status::Missing,
            }
        }
        ItemKind::Action => {
            if item.ack_q.is_some_and(|a| st.value(a) == Some("yes")) {
                Status::Done
            } else {
                Status::Missing
            }
        }
        ItemKind::Info | ItemKind::PaperPrep => Status::Done,
        ItemKind::Answer => Status::Missing,
    }
}

impl Evaluation {
    /// Whether earlier answers fix this question's answer now (it is shown, not asked).
    pub fn is_fixed(&self, qi: usize) -> bool {
        self.fixed.binary_search(&qi).is_ok()
    }

    /// The value earlier answers fix this question's answer to now, if they do.
    pub fn fixed_value(&self, qi: usize) -> Option<&str> {
        if self.is_fixed(qi) { self.values[qi].as_ref().map(AnswerValue::as_cond_str) } else { None }
    }

    /// Whether option `k` of question `qi` is offered now (earlier answers do not rule it out).
    pub fn option_offered(&self, qi: usize, k: usize) -> bool {
        self.ruled_out.binary_search(&(qi, k)).is_err()
    }

    /// Whether the value `code` may be picked at question `qi` now: on a country, province, issuer
    /// or office question, an `options` entry with this id rules it out while its `show_if` fails
    /// (a person born abroad is not offered Canada as country of birth); any value with no such
    /// entry is offered.
    pub fn value_offered(&self, q: &Questionnaire, qi: usize, code: &str) -> bool {
        q.questions[qi].options.iter().position(|o| o.id == code).is_none_or(|k| self.option_offered(qi, k))
    }

    /// The options of question `qi` offered now, in order: the front ends offer only these.
    pub fn offered_options<'q>(&self, q: &'q Questionnaire, qi: usize) -> Vec<&'q Opt> {
        q.questions[qi]
            .options
            .iter()
            .enumerate()
            .filter(|&(k, _)| self.option_offered(qi, k))
            .map(|(_, o)| o)
            .collect()
    }

    /// Question `qi` as the front ends show it now: its options limited to those offered.
    /// Borrowed when no option is ruled out.
    pub fn shown_question<'q>(&self, q: &'q Questionnaire, qi: usize) -> std::borrow::Cow<'q, Question> {
        let question = &q.questions[qi];
        if !question.option_conds || (0..question.options.len()).all(|k| self.option_offered(qi, k)) {
            return std::borrow::Cow::Borrowed(question);
        }
        let mut shown = question.clone();
        shown.options = self.offered_options(q, qi).into_iter().cloned().collect();
        std::borrow::Cow::Owned(shown)
    }

    /// What the questionnaire suggests for question `qi` from earlier answers (`prefill`), if
    /// anything; a suggestion is never an answer until the person accepts it.
    pub fn suggestion(&self, q: &Questionnaire, qi: usize) -> Option<String> {
        let question = &q.questions[qi];
        let value = match question.prefill.as_ref()? {
            Prefill::From { q: src, map } => {
                let v = self.values.get(*src)?.as_ref()?.as_cond_str();
                if map.is_empty() { Some(v.to_string()) } else { map.get(v).cloned() }
            }
            Prefill::Value { value, when } => when.eval(&EvalEnv(self)).then(|| value.clone()),
        }?;
        // Never suggest an option the earlier answers rule out.
        match question.options.iter().position(|o| o.id == value) {
            Some(k) if !self.option_offered(qi, k) => None,
            _ => Some(value),
        }
    }

    /// The first visible screen after `from` (or the first one when `from` is None).
    pub fn next_screen(&self, from: Option<usize>) -> Option<usize> {
        let start = from.map_or(0, |f| f + 1);
        (start..self.screen_visible.len()).find(|&s| self.screen_visible[s])
    }

    /// The last visible screen before `from`.
    pub fn prev_screen(&self, from: usize) -> Option<usize> {
        (0..from.min(self.screen_visible.len())).rev().find(|&s| self.screen_visible[s])
    }

    /// Visible screens in order.
    pub fn visible_screens(&self) -> Vec<usize> {
        (0..self.screen_visible.len()).filter(|&s| self.screen_visible[s]).collect()
    }

    /// Visible questions of a screen.
    pub fn visible_questions<'a>(
        &'a self,
        q: &'a Questionnaire,
        screen: usize,
    ) -> impl Iterator<Item = usize> + 'a {
        q.screens[screen].questions.clone().filter(move |&qi| self.visible[qi])
    }

    /// Errors and warnings about one question.
    pub fn problems_for(&self, qi: usize) -> impl Iterator<Item = &AnswerProblem> {
        self.problems.iter().filter(move |p| p.question == qi)
    }

    pub fn has_error(&self, qi: usize) -> bool {
        self.problems_for(qi).any(|p| p.severity == Severity::Error)
    }

    pub fn errors(&self) -> impl Iterator<Item = &AnswerProblem> {
        self.problems.iter().filter(|p| p.severity == Severity::Error)
    }

    pub fn warnings(&self) -> impl Iterator<Item = &AnswerProblem> {
        self.problems.iter().filter(|p| p.severity == Severity::Warning)
    }

    /// How far the work has come (0–100): the position of the first question still to answer,
    /// sections weighing the same; never lower after answering that question (see `progress_of`).
    pub fn progress_percent(&self, _q: &Questionnaire) -> u8 {
        self.progress
    }

    /// The fired rules with a given outcome.
    pub fn fired_with(&self, q: &Questionnaire, outcome: Outcome) -> Vec<usize> {
        self.fired.iter().copied().filter(|&r| q.rules[r].outcome == outcome).collect()
    }

    /// Stops that fired, most severe first.
    pub fn stops(&self, q: &Questionnaire) -> Vec<usize> {
        let mut s: Vec<usize> =
            self.fired.iter().copied().filter(|&r| q.rules[r].outcome.is_stop()).collect();
        s.sort_by_key(|&r| std::cmp::Reverse(q.rules[r].outcome.stop_rank()));
        s
    }

    /// The indication text: the row, then each addendum.
    pub fn indication_text(&self, q: &Questionnaire, lang: Lang) -> Option<String> {
        let (row, adds) = self.indication.as_ref()?;
        let mut s = q.indications[*row].text.get(lang).to_string();
        for &a in adds {
            s.push(' ');
            s.push_str(q.indications[a].text.get(lang));
        }
        Some(s)
    }

    /// How an answer reads to a person: an option's label, a country's name, or the value.
    pub fn answer_label(&self, q: &Questionnaire, qi: usize, lang: Lang) -> Option<String> {
        let v = self.values[qi].as_ref()?;
        Some(answer_label(q, qi, v, lang))
    }

    /// Why an item is on the list, in words: its reason, the lines that apply, and the answers.
    pub fn reason_text(&self, q: &Questionnaire, r: &ItemResult, lang: Lang) -> String {
        let item = &q.items[r.item];
        let mut s = item.reason.get(lang).to_string();
        for &k in &r.reason_lines {
            s.push(' ');
            s.push_str(item.reasons[k].1.get(lang));
        }
        if !r.because.is_empty() {
            let parts: Vec<String> = r
                .because
                .iter()
                .filter_map(|&qi| {
                    let v = self.values[qi].as_ref()?;
                    Some(format!("{} → {}", question_title(q, qi, lang), answer_label(q, qi, v, lang)))
                })
                .collect();
            if !parts.is_empty() {
                s.push(' ');
                s.push_str(&crate::fill!(BECAUSE, lang, answers = parts.join("; ")));
            }
        }
        s
    }

    /// The prompt as this person reads it (minor wording when applying for a minor).
    pub fn prompt<'a>(&self, q: &'a Questionnaire, qi: usize, lang: Lang) -> &'a str {
        let question = &q.questions[qi];
        match (&question.prompt_minor, self.minor) {
            (Some(p), true) => p.get(lang),
            _ => question.prompt.get(lang),
        }
    }
}

/// A question as named in reasons and lists: its prompt, after its item's title for document questions.
pub fn question_title(q: &Questionnaire, qi: usize, lang: Lang) -> String {
    let question = &q.questions[qi];
    match question.item {
        Some(i) => {
            format!("{}{}{}", q.items[i].title.get(lang), super::text::colon(lang), question.prompt.get(lang))
        }
        None => question.prompt.get(lang).to_string(),
    }
}

/// How a stored answer reads to a person.
pub fn answer_label(q: &Questionnaire, qi: usize, v: &AnswerValue, lang: Lang) -> String {
    let question = &q.questions[qi];
    let s = v.as_cond_str();
    let special = |s: &str| match (s, lang) {
        ("NA", Lang::En) => Some("Not Applicable".to_string()),
        ("NA", Lang::Fr) => Some("Sans objet".to_string()),
        ("UNKNOWN", Lang::En) => Some("Unknown".to_string()),
        ("UNKNOWN", Lang::Fr) => Some("Inconnu".to_string()),
        _ => None,
    };
    if let AnswerValue::List(items) = v {
        return items.iter().map(|s| special(s).unwrap_or_else(|| s.clone())).collect::<Vec<_>>().join("; ");
    }
    if let Some(sp) = special(s) {
        return sp;
    }
    match question.qtype {
        QType::YesNo | QType::Choice => question.option(s).map(|o| o.label.get(lang).to_string()),
        QType::Country => q.country(s).map(|c| c.name.get(lang).to_string()),
        QType::Province => q.province(s).map(|c| c.name.get(lang).to_string()),
        QType::Office => q.office(s).map(|o| o.name.get(lang).to_string()),
        QType::Issuer => match s {
            "CA" => Some(match lang {
                Lang::En => "Government of Canada (federal)".to_string(),
                Lang::Fr => "Gouvernement du Canada (fédéral)".to_string(),
            }),
            _ => q.province(s).or_else(|| q.country(s)).map(|p| p.name.get(lang).to_string()),
        },
        _ => None,
    }
    .unwrap_or_else(|| s.to_string())
}

/// The fee for `persons` applications prepared in one session (SPEC §5 V-FEE; X18).
pub fn fee_total(q: &Questionnaire, persons: u32) -> u32 {
    q.fee.per_person_cad * persons
}

/// Conditions read from a finished evaluation (prefill conditions, for instance), outside the
/// engine's own pass: answers are the evaluation's effective values.
pub struct EvalEnv<'a>(pub &'a Evaluation);

impl Env for EvalEnv<'_> {
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
