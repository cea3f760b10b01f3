//! Static checks over the whole compiled questionnaire: items and rules that depend on
//! themselves, visibility that reads forwards (or completeness), and screens no answers can
//! make visible.

use std::collections::{HashMap, HashSet};

use super::Loader;
use super::sections::ItemRaw;
use crate::engine::cond::{Cond, Op, Operand};
use crate::engine::model::*;

impl Loader {
    pub(super) fn static_checks(&mut self, q: &Questionnaire, raw: &[ItemRaw<'_>]) {
        // Rules and items must not depend on themselves through item/rule/incomplete references.
        let n_items = q.items.len();
        let node_deps = |node: usize| -> (Vec<usize>, Vec<usize>, bool) {
            let (mut is, mut rs, mut inc) = (vec![], vec![], false);
            if node < n_items {
                let it = &q.items[node];
                it.when.refs(&mut is, &mut rs, &mut inc);
                it.required.refs(&mut is, &mut rs, &mut inc);
                if let Some(c) = &it.complete_when {
                    c.refs(&mut is, &mut rs, &mut inc);
                }
            } else {
                q.rules[node - n_items].when.refs(&mut is, &mut rs, &mut inc);
            }
            (is, rs, inc)
        };
        let total = n_items + q.rules.len();
        let mut state = vec![0u8; total]; // 0 new, 1 in progress, 2 done
        let mut reported = false;
        for start in 0..total {
            let mut stack = vec![(start, false)];
            while let Some((node, expanded)) = stack.pop() {
                if expanded {
                    state[node] = 2;
                    continue;
                }
                if state[node] == 2 {
                    continue;
                }
                state[node] = 1;
                stack.push((node, true));
                let (is, rs, inc) = node_deps(node);
                // `incomplete` reads every item's status: an edge to all items.
                let mut next: Vec<usize> =
                    is.into_iter().chain(rs.into_iter().map(|r| r + n_items)).collect();
                if inc && node < n_items {
                    next.extend(0..n_items);
                }
                for nx in next {
                    if state[nx] == 1 && !reported {
                        let name = |i: usize| {
                            if i < n_items { q.items[i].id.clone() } else { q.rules[i - n_items].id.clone() }
                        };
                        let path = if node < n_items {
                            raw[node].path.clone()
                        } else {
                            format!("rules[{}]", node - n_items)
                        };
                        self.err(path, format!("{} depends on itself through {}", name(node), name(nx)));
                        reported = true;
                    } else if state[nx] == 0 {
                        stack.push((nx, false));
                    }
                }
            }
        }

        // Visibility may look only backwards: a question's show_if, its options' show_if and its
        // fixed values read earlier questions only (through item and rule references too).
        for (qi, question) in q.questions.iter().enumerate() {
            let mut conds: Vec<(&Cond, String)> = vec![(&question.show_if, "show_if".into())];
            conds
                .extend(question.fixed.iter().enumerate().map(|(k, (c, _))| (c, format!("fixed[{k}].when"))));
            conds.extend(
                question
                    .options
                    .iter()
                    .filter(|o| o.show_if != Cond::True)
                    .map(|o| (&o.show_if, format!("option \"{}\".show_if", o.id))),
            );
            for (cond, what_cond) in conds {
                self.reads_backwards(q, qi, cond, &what_cond);
            }
        }

        // Unreachable screens: never shown whatever the answers.
        let unreachable = unreachable_questions(q);
        for s in &q.screens {
            if s.kind != ScreenKind::Questions {
                continue;
            }
            if s.questions.is_empty() {
                self.err(format!("screen {}", s.id), "has no questions");
            } else if s.questions.clone().all(|qi| unreachable[qi]) {
                self.err(
                    format!("screen {}", s.id),
                    "is unreachable: no answers can make any of its questions visible",
                );
            }
        }
    }

    /// `cond` (part `what_cond` of question `qi`) reads only earlier questions, and not completeness.
    fn reads_backwards(&mut self, q: &Questionnaire, qi: usize, cond: &Cond, what_cond: &str) {
        let question = &q.questions[qi];
        let mut reads = vec![];
        cond.questions(&mut reads);
        let mut is = vec![];
        let mut rs = vec![];
        let mut inc = false;
        cond.refs(&mut is, &mut rs, &mut inc);
        let mut seen_i = HashSet::new();
        let mut seen_r = HashSet::new();
        while !is.is_empty() || !rs.is_empty() {
            if let Some(i) = is.pop() {
                if seen_i.insert(i) && i < q.items.len() {
                    q.items[i].when.questions(&mut reads);
                    q.items[i].when.refs(&mut is, &mut rs, &mut inc);
                }
            } else if let Some(r) = rs.pop()
                && seen_r.insert(r)
                && r < q.rules.len()
            {
                q.rules[r].when.questions(&mut reads);
                q.rules[r].when.refs(&mut is, &mut rs, &mut inc);
            }
        }
        let path = format!("question \"{}\" ({}).{what_cond}", question.id, q.screens[question.screen].id);
        if inc {
            self.err(&path, "a question's visibility cannot depend on completeness (\"incomplete\")");
        }
        if let Some(&later) = reads.iter().filter(|&&r| r >= qi).max() {
            let what = if q.questions[later].screen != question.screen {
                "a question on a later screen"
            } else {
                "a later question (or itself)"
            };
            self.err(
                path,
                format!(
                    "refers to {what}: \"{}\"; a question can depend only on earlier answers",
                    q.questions[later].id
                ),
            );
        }
    }
}

/// Questions that no answers can make visible: their show_if is constant false, or it needs
/// (in every case) an unreachable question answered, or a question to hold two different values.
fn unreachable_questions(q: &Questionnaire) -> Vec<bool> {
    let mut out = vec![false; q.questions.len()];
    for (qi, question) in q.questions.iter().enumerate() {
        out[qi] = never(&question.show_if, &out);
    }
    out
}

fn never(c: &Cond, unreachable: &[bool]) -> bool {
    if c.constant() == Some(false) {
        return true;
    }
    match c {
        Cond::All(cs) => {
            if cs.iter().any(|c| never(c, unreachable)) {
                return true;
            }
            // Two requirements on one answer that cannot both hold.
            let mut allowed: HashMap<usize, Vec<&str>> = HashMap::new();
            for c in cs {
                let (q, set): (usize, Vec<&str>) = match c {
                    Cond::Cmp { q, op: Op::Eq(Operand::Lit(s)) } => (*q, vec![s.as_str()]),
                    Cond::Cmp { q, op: Op::In(v) } => (*q, v.iter().map(String::as_str).collect()),
                    _ => continue,
                };
                let entry = allowed.entry(q).or_insert_with(|| set.clone());
                entry.retain(|s| set.contains(s));
                if entry.is_empty() {
                    return true;
                }
            }
            false
        }
        Cond::Any(cs) => !cs.is_empty() && cs.iter().all(|c| never(c, unreachable)),
        Cond::Cmp { q, op } => {
            !matches!(op, Op::Answered(false)) && unreachable.get(*q).copied().unwrap_or(false)
        }
        _ => false,
    }
}
