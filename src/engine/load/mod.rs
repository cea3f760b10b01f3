//! Loads questionnaire.json: parses, expands document screens, compiles conditions and checks
//! everything `citcert validate` promises — every problem with its JSON location, never a panic.
//!
//! The work goes in phases, one file each (as ripgrep splits its flags):
//! - [`json`]: typed readers over the JSON tree, each problem with its place;
//! - [`sections`]: the top-level lists other than the screens (places, checklist items, rules,
//!   checks, indications, fee);
//! - [`screens`]: the screens and their questions, with the document screens expanded one per
//!   checklist item;
//! - [`conditions`]: conditions compiled to [`Cond`] (ids → indices, groups and derived names
//!   expanded), prefills and the literals compared with answers;
//! - [`static_checks`]: whole-questionnaire checks once everything is compiled (cycles,
//!   backward-only visibility, unreachable screens).
//!
//! This file holds the entry points, the loader's state and the order of the work in
//! `Loader::load`: the top level, places, groups and derived names, item and rule ids; then the
//! screens and questions (conditions kept as JSON); then the question conditions compiled once
//! every id is known; then items, rules, checks, indications and fee in full; the indexes; and
//! last the static checks. Problems are reported in that order, each once.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde_json::Value;

use super::cond::Cond;
use super::model::*;
use super::text::Text;

mod conditions;
mod json;
mod screens;
mod sections;
mod static_checks;

use screens::{MandatoryPending, QuestionPending};

/// One thing wrong with a questionnaire, at a JSON location such as `screens[2].questions[4].show_if`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// The questionnaire shipped inside the binary.
pub const BUILTIN_JSON: &str = include_str!("../../../questionnaire.json");

/// Parses and compiles a questionnaire. `Err` holds every problem found.
pub fn load_str(json: &str) -> Result<Questionnaire, Vec<Problem>> {
    let root: Value = serde_json::from_str(json).map_err(|e| {
        vec![Problem {
            path: format!("line {} column {}", e.line(), e.column()),
            message: format!("not valid JSON: {e}"),
        }]
    })?;
    let mut l = Loader::default();
    let q = l.load(&root);
    if l.problems.is_empty() {
        return Ok(q);
    }
    // A check expanded over a group reports the same problem once per member: say it once.
    let mut seen = HashSet::new();
    l.problems.retain(|p| seen.insert(p.clone()));
    Err(l.problems)
}

/// The built-in questionnaire, loaded once.
pub fn builtin() -> Result<&'static Questionnaire, &'static [Problem]> {
    static CELL: std::sync::OnceLock<Result<Questionnaire, Vec<Problem>>> = std::sync::OnceLock::new();
    match CELL.get_or_init(|| load_str(BUILTIN_JSON)) {
        Ok(q) => Ok(q),
        Err(p) => Err(p),
    }
}

/// A condition not compiled yet: its JSON and where it was found.
#[derive(Clone)]
struct Pending {
    v: Value,
    path: String,
    scope: Option<String>,
}

#[derive(Default)]
struct Loader {
    problems: Vec<Problem>,
    qindex: IdMap<usize>,
    /// Former ids (`formerly`) → question index, with the path that declared each.
    former: IdMap<(usize, String)>,
    qtypes: Vec<QType>,
    qoptions: Vec<Vec<String>>,
    qflags: Vec<(bool, bool)>,
    item_ids: HashMap<String, usize>,
    rule_ids: HashMap<String, usize>,
    groups: HashMap<String, Vec<String>>,
    derived: HashMap<String, (Value, String)>,
    derived_stack: Vec<String>,
    /// The members of the groups being quantified over (innermost last).
    scope_groups: Vec<Vec<String>>,
    /// The group a check is expanded over (`"for"`).
    check_group: Option<Vec<String>>,
    countries: HashSet<String>,
    provinces: HashSet<String>,
    offices: HashSet<String>,
}

impl Loader {
    fn load(&mut self, root: &Value) -> Questionnaire {
        let mut q = Questionnaire {
            id: String::new(),
            version: String::new(),
            title: Text::default(),
            texts: BTreeMap::new(),
            minor_mode: Cond::False,
            screens: vec![],
            questions: vec![],
            rules: vec![],
            checks: vec![],
            items: vec![],
            indications: vec![],
            offices: vec![],
            countries: vec![],
            provinces: vec![],
            fee: Fee { per_person_cad: 0, methods: vec![] },
            qindex: IdMap::default(),
            former: IdMap::default(),
            code_index: IdMap::default(),
            sorted_ids: vec![],
            need: vec![],
        };
        let Some(m) = self.obj(root, "(top level)") else { return q };
        match m.get("format") {
            Some(Value::Number(n)) if n.as_u64() == Some(1) => {}
            Some(other) => {
                self.err("format", format!("unsupported format {other}; this citcert reads format 1"))
            }
            None => self.err("(top level)", "missing \"format\": 1"),
        }
        q.id = self.string(m, "id", "(top level)").unwrap_or_default();
        q.version = self.string(m, "version", "(top level)").unwrap_or_default();
        q.title = self.text(m, "title", "(top level)");
        if let Some(t) = m.get("texts")
            && let Some(tm) = self.obj(t, "texts")
        {
            for (k, v) in tm {
                let t = self.text_value(v, &format!("texts.{k}"));
                q.texts.insert(k.clone(), t);
            }
        }
        self.places(m, &mut q);

        // Groups and derived conditions (compiled on use).
        if let Some(g) = m.get("groups")
            && let Some(gm) = self.obj(g, "groups")
        {
            for (name, v) in gm {
                let path = format!("groups.{name}");
                match v.as_array() {
                    Some(a) if a.iter().all(Value::is_string) => {
                        let members: Vec<String> =
                            a.iter().filter_map(|s| s.as_str().map(str::to_string)).collect();
                        self.groups.insert(name.clone(), members);
                    }
                    _ => self.err(path, "expected a list of prefixes such as [\"par1\", \"par2\"]"),
                }
            }
        }
        if let Some(d) = m.get("derived")
            && let Some(dm) = self.obj(d, "derived")
        {
            for (name, v) in dm {
                self.derived.insert(name.clone(), (v.clone(), format!("derived.{name}")));
            }
        }

        // Items and rules first (ids only), so screens and conditions can refer to them.
        let items_raw = self.items_raw(m);
        let rules_raw = self.arr(m, "rules", "(top level)", true);
        for (i, r) in rules_raw.iter().enumerate() {
            let path = format!("rules[{i}]");
            if let Some(rm) = self.obj(r, &path)
                && let Some(id) = self.string(rm, "id", &path)
                && self.rule_ids.insert(id.clone(), i).is_some()
            {
                self.err(format!("{path}.id"), format!("duplicate rule id \"{id}\""));
            }
        }

        // Screens and questions.
        let mut pending_q: Vec<QuestionPending> = vec![];
        self.screens(m, &items_raw, &mut q, &mut pending_q);

        // Conditions.
        for (qi, p) in pending_q.into_iter().enumerate() {
            let screen_cond = q.screens[q.questions[qi].screen].show_if.clone();
            let own = match &p.show_if {
                Some(pc) => self.cond_at(pc),
                None => Cond::True,
            };
            q.questions[qi].show_if = and(screen_cond, own);
            q.questions[qi].mandatory = match &p.mandatory {
                MandatoryPending::Const(b) => {
                    if *b {
                        Cond::True
                    } else {
                        Cond::False
                    }
                }
                MandatoryPending::Cond(pc) => self.cond_at(pc),
                MandatoryPending::IfItemRequired(item) => Cond::Item(*item), // replaced below
            };
            if let MandatoryPending::IfItemRequired(item) = p.mandatory {
                q.questions[qi].mandatory = items_raw
                    .get(item)
                    .and_then(|r| r.required.clone())
                    .map(|pc| self.cond_at(&pc))
                    .unwrap_or(Cond::True);
            }
            for (pc, value) in &p.fixed {
                let c = self.cond_at(pc);
                self.check_literal(qi, value, &format!("{}.value", pc.path.trim_end_matches(".when")));
                q.questions[qi].fixed.push((c, value.clone()));
            }
            for (k, pc) in &p.option_conds {
                q.questions[qi].options[*k].show_if = self.cond_at(pc);
                let id = q.questions[qi].options[*k].id.clone();
                self.check_literal(qi, &id, &format!("{}.id", pc.path.trim_end_matches(".show_if")));
            }
            if let Some(pf) = &p.prefill {
                q.questions[qi].prefill = self.prefill(qi, pf);
            }
        }
        if !m.contains_key("minor_mode")
            && let Some(qm) = q.questions.iter().find(|x| x.prompt_minor.is_some())
        {
            self.err(
                "(top level)",
                format!(
                    "\"{}\" has a prompt_minor but there is no \"minor_mode\" condition to use it",
                    qm.id
                ),
            );
        }
        if let Some(mm) = m.get("minor_mode") {
            q.minor_mode = self.cond(mm, "minor_mode", None);
        }

        q.items = self.items(&items_raw, &q);
        q.rules = self.rules(rules_raw);
        q.checks = self.checks(m);
        q.indications = self.indications(m);
        self.fee(m, &mut q);
        for (old, (qi, path)) in std::mem::take(&mut self.former) {
            if self.qindex.contains_key(&old) {
                self.err(path, format!("former id \"{old}\" is the id of a current question"));
            } else {
                q.former.insert(old, qi);
            }
        }
        q.qindex = std::mem::take(&mut self.qindex);
        q.sorted_ids = q.questions.iter().enumerate().map(|(i, x)| (x.id.clone(), i)).collect();
        q.sorted_ids.sort_unstable();
        q.need = q
            .questions
            .iter()
            .map(|x| match (&x.mandatory, x.qtype) {
                (_, QType::Display) | (Cond::False, _) => Need::Never,
                (Cond::True, _) => Need::Always,
                _ => Need::When,
            })
            .collect();
        // Codes never collide across kinds (CA vs CA-ON vs ca-city); the first wins if one did.
        for (i, c) in q.countries.iter().enumerate() {
            q.code_index.entry(c.code.clone()).or_insert((CodeKind::Country, i));
        }
        for (i, p) in q.provinces.iter().enumerate() {
            q.code_index.entry(p.code.clone()).or_insert((CodeKind::Province, i));
        }
        for (i, o) in q.offices.iter().enumerate() {
            q.code_index.entry(o.id.clone()).or_insert((CodeKind::Office, i));
        }
        self.static_checks(&q, &items_raw);
        q
    }
}

fn and(a: Cond, b: Cond) -> Cond {
    match (a, b) {
        (Cond::True, b) => b,
        (a, Cond::True) => a,
        (a, b) => Cond::All(vec![a, b]),
    }
}

/// Question conditions are compiled after every question id is known, from their own copy of the JSON.
fn owned_pending(v: &Value, path: String, scope: Option<String>) -> Pending {
    Pending { v: v.clone(), path, scope }
}
