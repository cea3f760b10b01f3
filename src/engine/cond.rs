//! The compiled condition language (see docs/QUESTIONNAIRE-FORMAT.md). Conditions are compiled
//! from JSON once, at load: question ids become indices, groups and derived names are expanded, so
//! evaluation is a walk over a small tree with no lookups by name.

use chrono::{Datelike, Months, NaiveDate};

/// A compiled condition.
#[derive(Clone, Debug, PartialEq)]
pub enum Cond {
    True,
    False,
    All(Vec<Cond>),
    Any(Vec<Cond>),
    Not(Box<Cond>),
    /// A test on one answer (by question index).
    Cmp {
        q: usize,
        op: Op,
    },
    /// A checklist item is on the list (its `when` holds).
    Item(usize),
    /// A rule fires.
    Rule(usize),
    /// Something mandatory is missing (IN-17).
    Incomplete,
    /// today − the draft's start date > N days.
    DraftDaysOver(i64),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    Eq(Operand),
    Ne(Operand),
    In(Vec<String>),
    NotIn(Vec<String>),
    Answered(bool),
    Date(DateOp, DateArg),
    AgeAtLeast(u32, Option<DateArg>),
    AgeBelow(u32, Option<DateArg>),
    StartsWith(String),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Operand {
    Lit(String),
    Q(usize),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateOp {
    Before,
    After,
    OnOrBefore,
    OnOrAfter,
}

#[derive(Clone, Debug, PartialEq)]
pub enum DateArg {
    Lit(NaiveDate),
    Today,
    Q(usize),
    YearsAgo(u32),
    MonthsAgo(u32),
    DaysAgo(u32),
}

/// What a condition needs from the evaluation in progress.
pub trait Env {
    /// The effective (visible, valid) answer, or None.
    fn value(&self, q: usize) -> Option<&str>;
    fn today(&self) -> NaiveDate;
    fn item_on(&self, i: usize) -> bool;
    fn rule_fired(&self, r: usize) -> bool;
    fn incomplete(&self) -> bool;
    fn draft_days(&self) -> Option<i64>;
}

/// Reads a `YYYY-MM-DD` or `YYYY-MM` value as a date (a month counts as its first day).
pub fn value_date(v: &str) -> Option<NaiveDate> {
    if let Some(d) = crate::clock::parse_date(v) {
        return Some(d);
    }
    let b = v.as_bytes();
    if b.len() == 7 && b[4] == b'-' && b.iter().enumerate().all(|(i, c)| i == 4 || c.is_ascii_digit()) {
        let y: i32 = v[..4].parse().ok()?;
        let m: u32 = v[5..].parse().ok()?;
        return NaiveDate::from_ymd_opt(y, m, 1);
    }
    None
}

/// Whole years between `born` and `on`.
pub fn age_on(born: NaiveDate, on: NaiveDate) -> i32 {
    let mut age = on.year() - born.year();
    if (on.month(), on.day()) < (born.month(), born.day()) {
        age -= 1;
    }
    age
}

impl DateArg {
    fn resolve(&self, env: &dyn Env) -> Option<NaiveDate> {
        let today = env.today();
        match self {
            DateArg::Lit(d) => Some(*d),
            DateArg::Today => Some(today),
            DateArg::Q(q) => env.value(*q).and_then(value_date),
            DateArg::YearsAgo(n) => today.checked_sub_months(Months::new(n * 12)),
            DateArg::MonthsAgo(n) => today.checked_sub_months(Months::new(*n)),
            DateArg::DaysAgo(n) => today.checked_sub_days(chrono::Days::new(u64::from(*n))),
        }
    }
}

impl Cond {
    pub fn eval(&self, env: &dyn Env) -> bool {
        match self {
            Cond::True => true,
            Cond::False => false,
            Cond::All(cs) => cs.iter().all(|c| c.eval(env)),
            Cond::Any(cs) => cs.iter().any(|c| c.eval(env)),
            Cond::Not(c) => !c.eval(env),
            Cond::Cmp { q, op } => eval_op(*q, op, env),
            Cond::Item(i) => env.item_on(*i),
            Cond::Rule(r) => env.rule_fired(*r),
            Cond::Incomplete => env.incomplete(),
            Cond::DraftDaysOver(n) => env.draft_days().is_some_and(|d| d > *n),
        }
    }

    /// Evaluates and, when true, records the questions whose answers made it true (for "because you
    /// answered …"). For `any`, the first true branch; under `not`, nothing.
    pub fn eval_trace(&self, env: &dyn Env, out: &mut Vec<usize>) -> bool {
        match self {
            Cond::All(cs) => {
                let mark = out.len();
                for c in cs {
                    if !c.eval_trace(env, out) {
                        out.truncate(mark);
                        return false;
                    }
                }
                true
            }
            Cond::Any(cs) => cs.iter().any(|c| c.eval_trace(env, out)),
            Cond::Cmp { q, op } => {
                let r = eval_op(*q, op, env);
                if r && !matches!(op, Op::Answered(false)) && !out.contains(q) {
                    out.push(*q);
                }
                r
            }
            other => other.eval(env),
        }
    }

    /// Every question index this condition reads (not through items or rules).
    pub fn questions(&self, out: &mut Vec<usize>) {
        match self {
            Cond::All(cs) | Cond::Any(cs) => cs.iter().for_each(|c| c.questions(out)),
            Cond::Not(c) => c.questions(out),
            Cond::Cmp { q, op } => {
                out.push(*q);
                match op {
                    Op::Eq(Operand::Q(o)) | Op::Ne(Operand::Q(o)) => out.push(*o),
                    Op::Date(_, DateArg::Q(o))
                    | Op::AgeAtLeast(_, Some(DateArg::Q(o)))
                    | Op::AgeBelow(_, Some(DateArg::Q(o))) => out.push(*o),
                    _ => {}
                }
            }
            _ => {}
        }
    }

    /// Items and rules this condition refers to directly.
    pub fn refs(&self, items: &mut Vec<usize>, rules: &mut Vec<usize>, incomplete: &mut bool) {
        match self {
            Cond::All(cs) | Cond::Any(cs) => cs.iter().for_each(|c| c.refs(items, rules, incomplete)),
            Cond::Not(c) => c.refs(items, rules, incomplete),
            Cond::Item(i) => items.push(*i),
            Cond::Rule(r) => rules.push(*r),
            Cond::Incomplete => *incomplete = true,
            _ => {}
        }
    }

    /// `true`/`false` when the condition is constant whatever the answers.
    pub fn constant(&self) -> Option<bool> {
        match self {
            Cond::True => Some(true),
            Cond::False => Some(false),
            Cond::All(cs) => {
                if cs.iter().any(|c| c.constant() == Some(false)) {
                    Some(false)
                } else if cs.iter().all(|c| c.constant() == Some(true)) {
                    Some(true)
                } else {
                    None
                }
            }
            Cond::Any(cs) => {
                if cs.iter().any(|c| c.constant() == Some(true)) {
                    Some(true)
                } else if cs.iter().all(|c| c.constant() == Some(false)) {
                    Some(false)
                } else {
                    None
                }
            }
            Cond::Not(c) => c.constant().map(|b| !b),
            _ => None,
        }
    }
}

fn eval_op(q: usize, op: &Op, env: &dyn Env) -> bool {
    let v = env.value(q);
    match op {
        Op::Answered(want) => v.is_some() == *want,
        _ => {
            let Some(v) = v else { return false };
            match op {
                Op::Eq(Operand::Lit(s)) => v == s,
                Op::Ne(Operand::Lit(s)) => v != s,
                Op::Eq(Operand::Q(o)) => env.value(*o).is_some_and(|w| w == v),
                Op::Ne(Operand::Q(o)) => env.value(*o).is_some_and(|w| w != v),
                Op::In(set) => set.iter().any(|s| s == v),
                Op::NotIn(set) => !set.iter().any(|s| s == v),
                Op::StartsWith(p) => v.starts_with(p.as_str()),
                Op::Date(dop, arg) => {
                    let (Some(a), Some(b)) = (value_date(v), arg.resolve(env)) else { return false };
                    match dop {
                        DateOp::Before => a < b,
                        DateOp::After => a > b,
                        DateOp::OnOrBefore => a <= b,
                        DateOp::OnOrAfter => a >= b,
                    }
                }
                Op::AgeAtLeast(n, at) | Op::AgeBelow(n, at) => {
                    let Some(born) = value_date(v) else { return false };
                    let on = match at {
                        Some(a) => match a.resolve(env) {
                            Some(d) => d,
                            None => return false,
                        },
                        None => env.today(),
                    };
                    let age = age_on(born, on);
                    match op {
                        Op::AgeAtLeast(..) => age >= *n as i32,
                        _ => age < *n as i32,
                    }
                }
                Op::Answered(_) => unreachable!("handled above"),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct E {
        vals: Vec<Option<String>>,
        today: NaiveDate,
    }
    impl Env for E {
        fn value(&self, q: usize) -> Option<&str> {
            self.vals.get(q).and_then(|v| v.as_deref())
        }
        fn today(&self) -> NaiveDate {
            self.today
        }
        fn item_on(&self, i: usize) -> bool {
            i == 1
        }
        fn rule_fired(&self, r: usize) -> bool {
            r == 2
        }
        fn incomplete(&self) -> bool {
            true
        }
        fn draft_days(&self) -> Option<i64> {
            Some(61)
        }
    }
    fn env(vals: &[Option<&str>]) -> E {
        E {
            vals: vals.iter().map(|v| v.map(str::to_string)).collect(),
            today: NaiveDate::from_ymd_opt(2025, 6, 1).unwrap(),
        }
    }
    fn cmp(q: usize, op: Op) -> Cond {
        Cond::Cmp { q, op }
    }
    fn lit(s: &str) -> Operand {
        Operand::Lit(s.into())
    }

    #[test]
    fn comparisons_never_hold_on_missing_answers() {
        let e = env(&[None, Some("yes")]);
        assert!(!cmp(0, Op::Eq(lit("yes"))).eval(&e));
        assert!(!cmp(0, Op::Ne(lit("yes"))).eval(&e));
        assert!(!cmp(0, Op::In(vec!["a".into()])).eval(&e));
        assert!(!cmp(0, Op::NotIn(vec!["a".into()])).eval(&e));
        assert!(!cmp(0, Op::Date(DateOp::Before, DateArg::Today)).eval(&e));
        assert!(!cmp(0, Op::AgeBelow(18, None)).eval(&e));
        assert!(!cmp(0, Op::StartsWith("X".into())).eval(&e));
        assert!(cmp(0, Op::Answered(false)).eval(&e));
        assert!(cmp(1, Op::Answered(true)).eval(&e));
        assert!(Cond::Not(Box::new(cmp(0, Op::Eq(lit("yes"))))).eval(&e));
    }

    #[test]
    fn eq_ne_in_not_in_and_answer_operands() {
        let e = env(&[Some("paper"), Some("paper"), Some("electronic")]);
        assert!(cmp(0, Op::Eq(lit("paper"))).eval(&e));
        assert!(cmp(0, Op::Ne(lit("electronic"))).eval(&e));
        assert!(cmp(0, Op::Eq(Operand::Q(1))).eval(&e));
        assert!(cmp(0, Op::Ne(Operand::Q(2))).eval(&e));
        assert!(!cmp(0, Op::Eq(Operand::Q(5))).eval(&e), "missing other answer");
        assert!(cmp(0, Op::In(vec!["x".into(), "paper".into()])).eval(&e));
        assert!(cmp(2, Op::NotIn(vec!["paper".into()])).eval(&e));
    }

    #[test]
    fn dates_pdates_and_relative_dates() {
        let e = env(&[Some("1977-02-14"), Some("2023-08"), Some("1977-02-15")]);
        let d = |s| DateArg::Lit(crate::clock::parse_date(s).unwrap());
        assert!(cmp(0, Op::Date(DateOp::Before, d("1977-02-15"))).eval(&e));
        assert!(!cmp(2, Op::Date(DateOp::Before, d("1977-02-15"))).eval(&e));
        assert!(cmp(2, Op::Date(DateOp::OnOrAfter, d("1977-02-15"))).eval(&e));
        assert!(cmp(1, Op::Date(DateOp::After, d("2023-07-31"))).eval(&e), "YYYY-MM is its first day");
        assert!(cmp(1, Op::Date(DateOp::OnOrBefore, d("2023-08-01"))).eval(&e));
        assert!(cmp(0, Op::Date(DateOp::Before, DateArg::Q(2))).eval(&e));
        assert!(cmp(1, Op::Date(DateOp::Before, DateArg::MonthsAgo(12))).eval(&e), "2023-08 < 2024-06-01");
        assert!(!cmp(1, Op::Date(DateOp::Before, DateArg::YearsAgo(2))).eval(&e), "2023-08 >= 2023-06-01");
        assert!(cmp(1, Op::Date(DateOp::Before, DateArg::DaysAgo(30))).eval(&e));
        assert!(cmp(1, Op::Date(DateOp::Before, DateArg::Today)).eval(&e));
    }

    #[test]
    fn ages_in_whole_years() {
        // today 2025-06-01
        let e = env(&[Some("2007-06-01"), Some("2007-06-02"), Some("2019-03-10")]);
        assert!(cmp(0, Op::AgeAtLeast(18, None)).eval(&e), "18th birthday today");
        assert!(cmp(1, Op::AgeBelow(18, None)).eval(&e), "18 tomorrow");
        assert!(cmp(2, Op::AgeBelow(18, None)).eval(&e));
        let at = Some(DateArg::Lit(NaiveDate::from_ymd_opt(2037, 3, 10).unwrap()));
        assert!(cmp(2, Op::AgeAtLeast(18, at)).eval(&e));
        assert_eq!(
            age_on(
                NaiveDate::from_ymd_opt(2000, 2, 29).unwrap(),
                NaiveDate::from_ymd_opt(2001, 2, 28).unwrap()
            ),
            0
        );
    }

    #[test]
    fn combinators_refs_and_constants() {
        let e = env(&[Some("X123"), None]);
        let sw = cmp(0, Op::StartsWith("X".into()));
        assert!(sw.eval(&e));
        assert!(Cond::All(vec![sw.clone(), Cond::True]).eval(&e));
        assert!(!Cond::All(vec![sw.clone(), Cond::False]).eval(&e));
        assert!(Cond::Any(vec![Cond::False, sw.clone()]).eval(&e));
        assert!(Cond::All(vec![]).eval(&e) && !Cond::Any(vec![]).eval(&e));
        assert!(Cond::Item(1).eval(&e) && !Cond::Item(0).eval(&e));
        assert!(Cond::Rule(2).eval(&e) && Cond::Incomplete.eval(&e));
        assert!(Cond::DraftDaysOver(60).eval(&e) && !Cond::DraftDaysOver(61).eval(&e));
        assert_eq!(Cond::All(vec![sw.clone(), Cond::False]).constant(), Some(false));
        assert_eq!(Cond::Any(vec![sw.clone(), Cond::True]).constant(), Some(true));
        assert_eq!(Cond::Not(Box::new(Cond::False)).constant(), Some(true));
        assert_eq!(sw.constant(), None);
    }

    #[test]
    fn trace_records_the_answers_that_made_it_true() {
        let e = env(&[Some("first"), Some("no"), Some("x")]);
        let c = Cond::All(vec![
            cmp(0, Op::Eq(lit("first"))),
            Cond::Any(vec![cmp(1, Op::Eq(lit("yes"))), cmp(2, Op::Answered(true))]),
            Cond::Not(Box::new(cmp(1, Op::Eq(lit("yes"))))),
        ]);
        let mut out = vec![];
        assert!(c.eval_trace(&e, &mut out));
        assert_eq!(out, vec![0, 2]);
        let mut out = vec![];
        assert!(!Cond::All(vec![cmp(0, Op::Eq(lit("first"))), Cond::False]).eval_trace(&e, &mut out));
        assert!(out.is_empty());
    }
}
