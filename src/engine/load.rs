//! Loads questionnaire.json: parses, expands document screens, compiles conditions and checks
//! everything `citcert validate` promises — every problem with its JSON location, never a panic.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde_json::{Map, Value};

use super::answers::json_kind;
use super::cond::{Cond, DateArg, DateOp, Op, Operand};
use super::model::*;
use super::text::Text;

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
pub const BUILTIN_JSON: &str = include_str!("../../questionnaire.json");

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

const YESNO: [&str; 2] = ["yes", "no"];

impl Loader {
    fn err(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem { path: path.into(), message: message.into() });
    }

    fn obj<'a>(&mut self, v: &'a Value, path: &str) -> Option<&'a Map<String, Value>> {
        match v.as_object() {
            Some(m) => Some(m),
            None => {
                self.err(path, format!("expected an object, found {}", json_kind(v)));
                None
            }
        }
    }

    fn arr<'a>(&mut self, m: &'a Map<String, Value>, key: &str, path: &str, required: bool) -> &'a [Value] {
        match m.get(key) {
            Some(Value::Array(a)) => a,
            Some(other) => {
                self.err(format!("{path}.{key}"), format!("expected a list, found {}", json_kind(other)));
                &[]
            }
            None => {
                if required {
                    self.err(path, format!("missing \"{key}\""));
                }
                &[]
            }
        }
    }

    fn string(&mut self, m: &Map<String, Value>, key: &str, path: &str) -> Option<String> {
        match m.get(key) {
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
            Some(Value::String(_)) => {
                self.err(format!("{path}.{key}"), "is empty");
                None
            }
            Some(other) => {
                self.err(format!("{path}.{key}"), format!("expected a string, found {}", json_kind(other)));
                None
            }
            None => {
                self.err(path, format!("missing \"{key}\""));
                None
            }
        }
    }

    fn opt_string(&mut self, m: &Map<String, Value>, key: &str, path: &str) -> Option<String> {
        if m.contains_key(key) { self.string(m, key, path) } else { None }
    }

    fn boolean(&mut self, m: &Map<String, Value>, key: &str, path: &str) -> bool {
        match m.get(key) {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                self.err(
                    format!("{path}.{key}"),
                    format!("expected true or false, found {}", json_kind(other)),
                );
                false
            }
        }
    }

    fn text_value(&mut self, v: &Value, path: &str) -> Text {
        let Some(m) = self.obj(v, path) else { return Text::default() };
        let mut t = Text::default();
        for (lang, slot) in [("en", &mut t.en), ("fr", &mut t.fr)] {
            match m.get(lang) {
                Some(Value::String(s)) if !s.trim().is_empty() => *slot = s.clone(),
                Some(Value::String(_)) => {
                    self.problems.push(Problem { path: format!("{path}.{lang}"), message: "is empty".into() })
                }
                Some(other) => self.problems.push(Problem {
                    path: format!("{path}.{lang}"),
                    message: format!("expected a string, found {}", json_kind(other)),
                }),
                None => self.problems.push(Problem {
                    path: path.to_string(),
                    message: format!("missing the \"{lang}\" text"),
                }),
            }
        }
        // Names ("Canada", "Documents") read the same in both languages; a sentence does not.
        if !t.en.is_empty() && t.en == t.fr && t.en.split_whitespace().count() > 3 {
            self.err(path, "untranslated: the French text is the same as the English; translate it");
        }
        for k in m.keys().filter(|k| *k != "en" && *k != "fr") {
            self.err(format!("{path}.{k}"), "unknown language (only \"en\" and \"fr\")");
        }
        t
    }

    fn text(&mut self, m: &Map<String, Value>, key: &str, path: &str) -> Text {
        match m.get(key) {
            Some(v) => self.text_value(v, &format!("{path}.{key}")),
            None => {
                self.err(path, format!("missing \"{key}\" (a text with \"en\" and \"fr\")"));
                Text::default()
            }
        }
    }

    fn opt_text(&mut self, m: &Map<String, Value>, key: &str, path: &str) -> Option<Text> {
        m.get(key).map(|v| self.text_value(v, &format!("{path}.{key}")))
    }

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

    fn places(&mut self, m: &Map<String, Value>, q: &mut Questionnaire) {
        for key in ["countries", "provinces"] {
            let list = self.arr(m, key, "(top level)", true);
            for (i, c) in list.iter().enumerate() {
                let path = format!("{key}[{i}]");
                let Some(cm) = self.obj(c, &path) else { continue };
                let Some(code) = self.string(cm, "code", &path) else { continue };
                let name = self.text(cm, "name", &path);
                let ok = if key == "countries" {
                    code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase())
                } else {
                    code.len() == 5
                        && code.starts_with("CA-")
                        && code[3..].bytes().all(|b| b.is_ascii_uppercase())
                };
                if !ok {
                    let want = if key == "countries" {
                        "two upper-case letters (ISO 3166-1)"
                    } else {
                        "CA-XX (ISO 3166-2)"
                    };
                    self.err(format!("{path}.code"), format!("\"{code}\" is not {want}"));
                }
                let set = if key == "countries" { &mut self.countries } else { &mut self.provinces };
                if !set.insert(code.clone()) {
                    self.err(format!("{path}.code"), format!("duplicate code \"{code}\""));
                }
                let place = Place { code, name };
                if key == "countries" { q.countries.push(place) } else { q.provinces.push(place) }
            }
        }
        let list = self.arr(m, "offices", "(top level)", true);
        for (i, o) in list.iter().enumerate() {
            let path = format!("offices[{i}]");
            let Some(om) = self.obj(o, &path) else { continue };
            let (Some(id), Some(country)) = (self.string(om, "id", &path), self.string(om, "country", &path))
            else {
                continue;
            };
            let name = self.text(om, "name", &path);
            let valid_id = id.len() > 3
                && id.as_bytes()[2] == b'-'
                && id[..2] == country.to_ascii_lowercase()
                && id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
            if !valid_id {
                self.err(format!("{path}.id"), format!("\"{id}\" is not <country code in lower case>-<city>, e.g. \"mx-guadalajara\", for country \"{country}\""));
            }
            if !self.countries.contains(&country) {
                self.err(format!("{path}.country"), format!("unknown country \"{country}\""));
            }
            if !self.offices.insert(id.clone()) {
                self.err(format!("{path}.id"), format!("duplicate office id \"{id}\""));
            }
            q.offices.push(Office { id, country, name });
        }
    }

    fn items_raw<'a>(&mut self, m: &'a Map<String, Value>) -> Vec<ItemRaw<'a>> {
        let mut out = vec![];
        for (section, paper) in [("checklist", false), ("paper_prep", true)] {
            let list = self.arr(m, section, "(top level)", true);
            for (i, v) in list.iter().enumerate() {
                let path = format!("{section}[{i}]");
                let Some(im) = self.obj(v, &path) else { continue };
                let Some(id) = self.string(im, "id", &path) else { continue };
                let kind_s = self.string(im, "kind", &path).unwrap_or_default();
                let kind = ItemKind::parse(&kind_s).unwrap_or_else(|| {
                    if !kind_s.is_empty() {
                        self.err(
                            format!("{path}.kind"),
                            format!("unknown kind \"{kind_s}\" (UPLOAD, ACTION, ANSWER, INFO, PAPER_PREP)"),
                        );
                    }
                    ItemKind::Info
                });
                let doc_class = match im.get("doc_class") {
                    None => "none".to_string(),
                    Some(Value::String(s)) => s.clone(),
                    Some(other) => {
                        self.err(
                            format!("{path}.doc_class"),
                            format!("expected a string, found {}", json_kind(other)),
                        );
                        "none".into()
                    }
                };
                let required = match im.get("required") {
                    None => {
                        self.err(&path, "missing \"required\" (true, false or a condition)");
                        None
                    }
                    Some(v) => Some(owned_pending(v, format!("{path}.required"), None)),
                };
                if self.item_ids.insert(id.clone(), out.len()).is_some() {
                    self.err(format!("{path}.id"), format!("duplicate item id \"{id}\""));
                }
                out.push(ItemRaw { id, kind, paper, doc_class, required, m: im, path });
            }
        }
        out
    }

    fn screens(
        &mut self,
        m: &Map<String, Value>,
        items: &[ItemRaw<'_>],
        q: &mut Questionnaire,
        pending: &mut Vec<QuestionPending>,
    ) {
        let list = self.arr(m, "screens", "(top level)", true);
        let docs = m.get("document_screens");
        let doc_number = docs.and_then(|d| d.get("number")).and_then(Value::as_u64).unwrap_or(u64::MAX);
        if docs.is_some() && doc_number == u64::MAX {
            self.err("document_screens", "missing \"number\" (where the document screens go, e.g. 11)");
        }
        let mut docs_done = docs.is_none();
        let mut seen_screens = HashSet::new();
        let mut last_number = 0u64;
        for (si, s) in list.iter().enumerate() {
            let path = format!("screens[{si}]");
            let Some(sm) = self.obj(s, &path) else { continue };
            let number = match sm.get("number").and_then(Value::as_u64) {
                Some(n) => n,
                None => {
                    self.err(&path, "missing \"number\" (a whole number)");
                    0
                }
            };
            if number < last_number {
                self.err(
                    format!("{path}.number"),
                    format!("screen numbers must not go down ({number} after {last_number})"),
                );
            }
            last_number = number;
            if !docs_done && number > doc_number {
                self.doc_screens(docs.unwrap_or(&Value::Null), items, q, pending);
                docs_done = true;
            }
            let id = self.string(sm, "id", &path).unwrap_or_else(|| format!("#{si}"));
            if !seen_screens.insert(id.clone()) {
                self.err(format!("{path}.id"), format!("duplicate screen id \"{id}\""));
            }
            let kind = match sm.get("kind").and_then(Value::as_str) {
                None | Some("questions") => ScreenKind::Questions,
                Some("review") => ScreenKind::Review,
                Some("fee") => ScreenKind::Fee,
                Some(other) => {
                    self.err(
                        format!("{path}.kind"),
                        format!("unknown screen kind \"{other}\" (questions, review, fee)"),
                    );
                    ScreenKind::Questions
                }
            };
            let show_if = match sm.get("show_if") {
                Some(v) => {
                    // Screen conditions may refer to earlier screens only; compiled now with the ids so far.
                    self.cond(v, &format!("{path}.show_if"), None)
                }
                None => Cond::True,
            };
            let screen = Screen {
                id,
                number: number.to_string(),
                title: self.text(sm, "title", &path),
                intro: self.opt_text(sm, "intro", &path),
                kind,
                show_if,
                questions: 0..0,
                item: None,
            };
            let sidx = q.screens.len();
            q.screens.push(screen);
            let start = q.questions.len();
            let qs = self.arr(sm, "questions", &path, kind == ScreenKind::Questions);
            for (k, qv) in qs.iter().enumerate() {
                let qpath = format!("{path}.questions[{k}]");
                let label = format!("{}.{}", number, k + 1);
                self.question(qv, &qpath, sidx, label, None, None, q, pending);
            }
            q.screens[sidx].questions = start..q.questions.len();
        }
        if !docs_done {
            self.doc_screens(docs.unwrap_or(&Value::Null), items, q, pending);
        }
    }

    fn doc_screens(
        &mut self,
        d: &Value,
        items: &[ItemRaw<'_>],
        q: &mut Questionnaire,
        pending: &mut Vec<QuestionPending>,
    ) {
        let path = "document_screens";
        let Some(dm) = self.obj(d, path) else { return };
        let number = dm.get("number").and_then(Value::as_u64).unwrap_or(0);
        let title = self.text(dm, "title", path);
        let intro = self.opt_text(dm, "intro", path);
        let templates = self.arr(dm, "questions", path, true);
        let mut classes_used: HashSet<String> = HashSet::new();
        for (k, t) in templates.iter().enumerate() {
            let tpath = format!("{path}.questions[{k}]");
            if let Some(tm) = self.obj(t, &tpath) {
                match tm.get("classes").and_then(Value::as_array) {
                    Some(a) => classes_used.extend(a.iter().filter_map(Value::as_str).map(str::to_string)),
                    None => {
                        self.err(&tpath, "missing \"classes\" (a list of item doc_class names, or [\"*\"])")
                    }
                }
            }
        }
        let mut n = 0;
        for (ii, item) in items.iter().enumerate() {
            if item.doc_class == "none" || item.paper {
                continue;
            }
            if !classes_used.contains(&item.doc_class) && !classes_used.contains("*") {
                self.err(
                    format!("{}.doc_class", item.path),
                    format!("no document question has class \"{}\"", item.doc_class),
                );
            }
            n += 1;
            let sidx = q.screens.len();
            let mut stitle = title.clone();
            if let Some(t) = item.m.get("title") {
                let it = self.text_value(t, &format!("{}.title", item.path));
                stitle = Text::new(format!("{} — {}", title.en, it.en), format!("{} — {}", title.fr, it.fr));
            }
            let label = format!("{number}.{n}");
            q.screens.push(Screen {
                id: format!("S{number}.{}", item.id),
                number: label.clone(),
                title: stitle,
                intro: intro.clone(),
                kind: ScreenKind::Questions,
                show_if: Cond::Item(ii),
                questions: 0..0,
                item: Some(ii),
            });
            let start = q.questions.len();
            let mut k = 0;
            for (ti, t) in templates.iter().enumerate() {
                let Some(tm) = t.as_object() else { continue };
                let applies = tm.get("classes").and_then(Value::as_array).is_some_and(|a| {
                    a.iter().any(|c| c.as_str() == Some("*") || c.as_str() == Some(&item.doc_class))
                });
                if !applies {
                    continue;
                }
                k += 1;
                let tpath = format!("{path}.questions[{ti}]");
                let prefix = format!("docs.{}", item.id);
                self.question(t, &tpath, sidx, format!("{label}.{k}"), Some(&prefix), Some(ii), q, pending);
            }
            q.screens[sidx].questions = start..q.questions.len();
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn question(
        &mut self,
        v: &Value,
        path: &str,
        screen: usize,
        number: String,
        doc_prefix: Option<&str>,
        item: Option<usize>,
        q: &mut Questionnaire,
        pending: &mut Vec<QuestionPending>,
    ) {
        let Some(m) = self.obj(v, path) else { return };
        let id = match doc_prefix {
            Some(prefix) => match self.string(m, "field", path) {
                Some(f) => format!("{prefix}.{f}"),
                None => return,
            },
            None => match self.string(m, "id", path) {
                Some(id) => id,
                None => return,
            },
        };
        let ty_s = self.string(m, "type", path).unwrap_or_default();
        let qtype = QType::parse(&ty_s).unwrap_or_else(|| {
            if !ty_s.is_empty() {
                self.err(format!("{path}.type"), format!("unknown type \"{ty_s}\""));
            }
            QType::Text
        });
        let scope = doc_prefix.map(str::to_string);
        let mut options = vec![];
        let mut option_conds = vec![];
        // On a country, province, issuer or office question, "options" only rule values out (each
        // with its "show_if"); the list itself comes from `countries`, `provinces`, `offices`.
        let listed = matches!(qtype, QType::Country | QType::Province | QType::Issuer | QType::Office);
        if qtype == QType::Choice || (listed && m.contains_key("options")) {
            let opts = self.arr(m, "options", path, true);
            let mut seen = HashSet::new();
            for (k, o) in opts.iter().enumerate() {
                let opath = format!("{path}.options[{k}]");
                let Some(om) = self.obj(o, &opath) else { continue };
                let Some(oid) = self.string(om, "id", &opath) else { continue };
                if !seen.insert(oid.clone()) {
                    self.err(format!("{opath}.id"), format!("duplicate option \"{oid}\""));
                }
                if let Some(c) = om.get("show_if") {
                    option_conds
                        .push((options.len(), owned_pending(c, format!("{opath}.show_if"), scope.clone())));
                }
                if listed && !om.contains_key("show_if") {
                    self.err(
                        &opath,
                        "an option of a list question only rules a value out: give it \"show_if\"",
                    );
                }
                let ruled_out_message = self.opt_text(om, "ruled_out_message", &opath);
                if ruled_out_message.is_some() && !om.contains_key("show_if") {
                    self.err(
                        format!("{opath}.ruled_out_message"),
                        "an option without \"show_if\" is never ruled out: remove the message or add the condition",
                    );
                }
                options.push(Opt {
                    id: oid,
                    label: self.text(om, "label", &opath),
                    show_if: Cond::True,
                    ruled_out_message,
                });
            }
            if opts.is_empty() && !listed {
                self.err(path, "a choice question needs at least one option");
            }
        } else if qtype == QType::YesNo {
            options = vec![
                Opt {
                    id: "yes".into(),
                    label: Text::new("Yes", "Oui"),
                    show_if: Cond::True,
                    ruled_out_message: None,
                },
                Opt {
                    id: "no".into(),
                    label: Text::new("No", "Non"),
                    show_if: Cond::True,
                    ruled_out_message: None,
                },
            ];
        }
        let format = match m.get("format").and_then(Value::as_str) {
            None => None,
            Some("uci") => Some(Format::Uci),
            Some("cert_no") => Some(Format::CertNo),
            Some("bc_reg") => Some(Format::BcReg),
            Some("postal") => Some(Format::Postal),
            Some("min_len") => Some(Format::MinLen),
            Some(other) => {
                self.err(
                    format!("{path}.format"),
                    format!("unknown format \"{other}\" (uci, cert_no, bc_reg, postal, min_len)"),
                );
                None
            }
        };
        let min_len = m.get("min_len").and_then(Value::as_u64).unwrap_or(0) as usize;
        if format == Some(Format::MinLen) && min_len == 0 {
            self.err(path, "format min_len needs \"min_len\": a whole number above 0");
        }
        let na = self.boolean(m, "na", path);
        let unknown = self.boolean(m, "unknown", path);
        let mandatory = match m.get("mandatory") {
            None if qtype == QType::Display => MandatoryPending::Const(false),
            None => {
                self.err(path, "missing \"mandatory\" (true, false or a condition)");
                MandatoryPending::Const(false)
            }
            Some(Value::Bool(b)) => MandatoryPending::Const(*b),
            Some(Value::String(s)) if s == "if_item_required" => match item {
                Some(ii) => MandatoryPending::IfItemRequired(ii),
                None => {
                    self.err(
                        format!("{path}.mandatory"),
                        "\"if_item_required\" only applies to document questions",
                    );
                    MandatoryPending::Const(true)
                }
            },
            Some(v) => MandatoryPending::Cond(owned_pending(v, format!("{path}.mandatory"), scope.clone())),
        };
        let show_if = m.get("show_if").map(|v| owned_pending(v, format!("{path}.show_if"), scope.clone()));
        let fixed = match m.get("fixed") {
            None => vec![],
            Some(f) => {
                let fpath = format!("{path}.fixed");
                let list: Vec<(String, &Value)> = match f {
                    Value::Array(a) => {
                        a.iter().enumerate().map(|(k, v)| (format!("{fpath}[{k}]"), v)).collect()
                    }
                    v => vec![(fpath, v)],
                };
                let mut out = vec![];
                for (fpath, f) in list {
                    match (f.get("when"), f.get("value").and_then(Value::as_str)) {
                        (Some(w), Some(val)) => out.push((
                            owned_pending(w, format!("{fpath}.when"), scope.clone()),
                            val.to_string(),
                        )),
                        _ => self.err(
                            fpath,
                            "expected {\"when\": condition, \"value\": \"…\"} (or a list of them)",
                        ),
                    }
                }
                out
            }
        };
        let prefill = m.get("prefill").map(|p| (p.clone(), format!("{path}.prefill"), scope.clone()));
        let postal_country = m.get("postal_country").and_then(Value::as_str).map(str::to_string);
        if format == Some(Format::Postal) && postal_country.is_none() {
            self.err(path, "format postal needs \"postal_country\": the question that holds the country");
        }
        let display = m.get("display").and_then(Value::as_str).map(str::to_string);
        if qtype == QType::Display && display.is_none() {
            self.err(path, "a display question needs \"display\" (indication, appendix_b or fee_total)");
        }
        if let Some(d) = &display
            && !["indication", "appendix_b", "fee_total"].contains(&d.as_str())
        {
            self.err(
                format!("{path}.display"),
                format!("unknown display \"{d}\" (indication, appendix_b, fee_total)"),
            );
        }
        let question = Question {
            number,
            screen,
            qtype,
            mandatory: Cond::False,
            show_if: Cond::True,
            na,
            unknown,
            prompt: self.text(m, "prompt", path),
            prompt_minor: self.opt_text(m, "prompt_minor", path),
            help: self.text(m, "help", path),
            source: self.string(m, "source", path).unwrap_or_default(),
            format,
            min_len,
            future_ok: self.boolean(m, "future_ok", path),
            must_be: self.opt_string(m, "must_be", path),
            must_be_message: self.opt_text(m, "must_be_message", path),
            fixed: vec![],
            option_conds: !option_conds.is_empty(),
            prefill: None,
            postal_country: postal_country.as_ref().and_then(|p| self.qindex.get(p).copied()),
            display,
            item,
            options,
            id: id.clone(),
        };
        if let (Some(pc), None) = (&postal_country, question.postal_country) {
            self.err(format!("{path}.postal_country"), format!("unknown or later question \"{pc}\""));
        }
        let qi = q.questions.len();
        if self.qindex.insert(id.clone(), qi).is_some() {
            self.err(path, format!("duplicate question id \"{id}\""));
        }
        match m.get("formerly") {
            None => {}
            Some(Value::Array(a)) if a.iter().all(Value::is_string) => {
                for old in a.iter().filter_map(Value::as_str) {
                    let old_id = match doc_prefix {
                        Some(prefix) => format!("{prefix}.{old}"),
                        None => old.to_string(),
                    };
                    let fpath = format!("{path}.formerly");
                    if self.former.insert(old_id.clone(), (qi, fpath.clone())).is_some() {
                        self.err(fpath, format!("former id \"{old_id}\" is declared twice"));
                    }
                }
            }
            Some(_) => self.err(
                format!("{path}.formerly"),
                "expected a list of former ids (fields for document questions), e.g. [\"proof_type\"]",
            ),
        }
        self.qtypes.push(qtype);
        self.qoptions.push(question.options.iter().map(|o| o.id.clone()).collect());
        self.qflags.push((na, unknown));
        if let Some(mb) = &question.must_be {
            self.check_literal(qi, mb, &format!("{path}.must_be"));
        }
        q.questions.push(question);
        pending.push(QuestionPending { show_if, mandatory, fixed, prefill, option_conds });
    }

    fn prefill(&mut self, qi: usize, (v, path, scope): &(Value, String, Option<String>)) -> Option<Prefill> {
        let m = self.obj(v, path)?;
        if let Some(from) = m.get("from").and_then(Value::as_str) {
            let Some(&src) = self.qindex.get(from) else {
                self.err(format!("{path}.from"), format!("unknown question \"{from}\""));
                return None;
            };
            let mut map = BTreeMap::new();
            match m.get("map") {
                None if !copyable(self.qtypes[src], self.qtypes[qi])
                    || self.qoptions[src] != self.qoptions[qi] =>
                {
                    self.err(
                        path.clone(),
                        format!(
                            "without \"map\" the answer to \"{from}\" is copied as it is: it must be a question \
                             of the same type (and options), or a province or country for an issuer; give a \
                             \"map\" otherwise"
                        ),
                    );
                }
                Some(Value::Object(mm)) if mm.is_empty() => {
                    self.err(
                        format!("{path}.map"),
                        "an empty map suggests nothing: omit \"map\" to copy the answer",
                    );
                }
                Some(Value::Object(_)) | None => {}
                Some(_) => {
                    self.err(format!("{path}.map"), "expected an object {\"answer\": \"suggestion\", …}")
                }
            }
            if let Some(mm) = m.get("map").and_then(Value::as_object) {
                for (k, val) in mm {
                    match val.as_str() {
                        Some(s) => {
                            self.check_literal(src, k, &format!("{path}.map"));
                            self.check_literal(qi, s, &format!("{path}.map.{k}"));
                            map.insert(k.clone(), s.to_string());
                        }
                        None => self.err(format!("{path}.map.{k}"), "expected a string"),
                    }
                }
            }
            return Some(Prefill::From { q: src, map });
        }
        let value = self.string(m, "value", path)?;
        self.check_literal(qi, &value, &format!("{path}.value"));
        let when = match m.get("when") {
            Some(w) => self.cond(w, &format!("{path}.when"), scope.as_deref()),
            None => Cond::True,
        };
        Some(Prefill::Value { value, when })
    }

    fn items(&mut self, raw: &[ItemRaw<'_>], q: &Questionnaire) -> Vec<Item> {
        let mut out = vec![];
        for r in raw {
            let m = r.m;
            let path = &r.path;
            let when = match m.get("when") {
                Some(v) => self.cond(v, &format!("{path}.when"), None),
                None => {
                    self.err(path, "missing \"when\" (true or a condition)");
                    Cond::False
                }
            };
            let required = r.required.as_ref().map(|p| self.cond_at(p)).unwrap_or(Cond::False);
            let complete_when =
                m.get("complete_when").map(|v| self.cond(v, &format!("{path}.complete_when"), None));
            let mut reasons = vec![];
            for (k, rv) in self.arr(m, "reasons", path, false).iter().enumerate() {
                let rpath = format!("{path}.reasons[{k}]");
                let Some(rm) = self.obj(rv, &rpath) else { continue };
                let c = match rm.get("when") {
                    Some(v) => self.cond(v, &format!("{rpath}.when"), None),
                    None => Cond::True,
                };
                reasons.push((c, self.text(rm, "text", &rpath)));
            }
            let qid = |f: &str| {
                q.qindex
                    .get(&format!("docs.{}.{f}", r.id))
                    .copied()
                    .or_else(|| self.qindex.get(&format!("docs.{}.{f}", r.id)).copied())
            };
            let (file_q, provide_q, ack_q) = (qid("file"), qid("provide"), qid("ack"));
            if r.kind == ItemKind::Upload
                && r.doc_class != "none"
                && file_q.is_none()
                && complete_when.is_none()
            {
                self.err(path, format!("UPLOAD item has no docs.{}.file question (give its doc_class a \"file\" field) and no complete_when", r.id));
            }
            out.push(Item {
                id: r.id.clone(),
                kind: r.kind,
                paper_prep: r.paper,
                required,
                when,
                title: self.text(m, "title", path),
                content: self.text(m, "content", path),
                source: self.string(m, "source", path).unwrap_or_default(),
                reason: self.text(m, "reason", path),
                reasons,
                doc_class: r.doc_class.clone(),
                complete_when,
                file_q,
                provide_q,
                ack_q,
            });
        }
        out
    }

    fn rules(&mut self, list: &[Value]) -> Vec<Rule> {
        let mut out = vec![];
        for (i, r) in list.iter().enumerate() {
            let path = format!("rules[{i}]");
            let Some(m) = r.as_object() else { continue };
            let outcome_s = self.string(m, "outcome", &path).unwrap_or_default();
            let outcome = Outcome::parse(&outcome_s).unwrap_or_else(|| {
                if !outcome_s.is_empty() {
                    self.err(format!("{path}.outcome"), format!("unknown outcome \"{outcome_s}\""));
                }
                Outcome::Caution
            });
            if outcome == Outcome::OnlineOk {
                self.err(
                    format!("{path}.outcome"),
                    "ONLINE_OK is what no rule firing means; a rule cannot have it",
                );
            }
            let when = match m.get("when") {
                Some(v) => self.cond(v, &format!("{path}.when"), None),
                None => {
                    self.err(&path, "missing \"when\"");
                    Cond::False
                }
            };
            out.push(Rule {
                id: m.get("id").and_then(Value::as_str).unwrap_or_default().to_string(),
                outcome,
                when,
                title: self.text(m, "title", &path),
                message: self.text(m, "message", &path),
                quote: self.opt_text(m, "quote", &path),
                source: self.string(m, "source", &path).unwrap_or_default(),
                info: self.opt_text(m, "info", &path),
            });
        }
        out
    }

    fn checks(&mut self, m: &Map<String, Value>) -> Vec<Check> {
        let mut out = vec![];
        let mut ids = HashSet::new();
        for (i, c) in self.arr(m, "checks", "(top level)", false).iter().enumerate() {
            let path = format!("checks[{i}]");
            let Some(cm) = self.obj(c, &path) else { continue };
            let Some(id) = self.string(cm, "id", &path) else { continue };
            if !ids.insert(id.clone()) {
                self.err(format!("{path}.id"), format!("duplicate check id \"{id}\""));
            }
            let severity = match cm.get("severity").and_then(Value::as_str) {
                Some("error") | None => Severity::Error,
                Some("warning") => Severity::Warning,
                Some(other) => {
                    self.err(
                        format!("{path}.severity"),
                        format!("unknown severity \"{other}\" (error, warning)"),
                    );
                    Severity::Error
                }
            };
            let message = self.text(cm, "message", &path);
            let Some(question) = self.string(cm, "question", &path) else { continue };
            let Some(when) = cm.get("when") else {
                self.err(&path, "missing \"when\"");
                continue;
            };
            let members: Vec<Option<String>> = match cm.get("for").and_then(Value::as_str) {
                None => vec![None],
                Some(g) => match self.groups.get(g) {
                    Some(ms) => ms.iter().cloned().map(Some).collect(),
                    None => {
                        self.err(format!("{path}.for"), format!("unknown group \"{g}\""));
                        continue;
                    }
                },
            };
            for member in members {
                let qid = match &member {
                    Some(p) => question.replacen('$', p, 1),
                    None => question.clone(),
                };
                let Some(&qi) = self.qindex.get(&qid) else {
                    if let (Some(group), Some(rest)) =
                        (cm.get("for").and_then(Value::as_str), question.strip_prefix("$."))
                    {
                        let members = self.groups.get(group).cloned().unwrap_or_default();
                        if members.iter().any(|m| self.qindex.contains_key(&format!("{m}.{rest}"))) {
                            continue; // this member of a mixed group does not have the field
                        }
                    }
                    self.err(format!("{path}.question"), format!("unknown question \"{qid}\""));
                    continue;
                };
                self.check_group =
                    cm.get("for").and_then(Value::as_str).and_then(|g| self.groups.get(g).cloned());
                let when = self.cond(when, &format!("{path}.when"), member.as_deref());
                self.check_group = None;
                let cid = match &member {
                    Some(p) => format!("{id}[{p}]"),
                    None => id.clone(),
                };
                out.push(Check { id: cid, question: qi, severity, when, message: message.clone() });
            }
        }
        out
    }

    fn indications(&mut self, m: &Map<String, Value>) -> Vec<Indication> {
        let mut out = vec![];
        let mut ids = HashSet::new();
        for (i, v) in self.arr(m, "indications", "(top level)", true).iter().enumerate() {
            let path = format!("indications[{i}]");
            let Some(im) = self.obj(v, &path) else { continue };
            let Some(id) = self.string(im, "id", &path) else { continue };
            if !ids.insert(id.clone()) {
                self.err(format!("{path}.id"), format!("duplicate indication id \"{id}\""));
            }
            let kind = match im.get("kind").and_then(Value::as_str) {
                Some("row") | None => IndicationKind::Row,
                Some("addendum") => IndicationKind::Addendum,
                Some(other) => {
                    self.err(format!("{path}.kind"), format!("unknown kind \"{other}\" (row, addendum)"));
                    IndicationKind::Row
                }
            };
            let when = match im.get("when") {
                Some(v) => self.cond(v, &format!("{path}.when"), None),
                None => {
                    self.err(&path, "missing \"when\"");
                    Cond::False
                }
            };
            out.push(Indication { id, kind, when, text: self.text(im, "text", &path) });
        }
        out
    }

    fn fee(&mut self, m: &Map<String, Value>, q: &mut Questionnaire) {
        let Some(f) = m.get("fee") else {
            self.err("(top level)", "missing \"fee\"");
            return;
        };
        let Some(fm) = self.obj(f, "fee") else { return };
        match fm.get("per_person_cad").and_then(Value::as_u64) {
            Some(n) => q.fee.per_person_cad = n as u32,
            None => self.err("fee", "missing \"per_person_cad\" (a whole number of dollars)"),
        }
        for (i, mv) in self.arr(fm, "methods", "fee", true).iter().enumerate() {
            let path = format!("fee.methods[{i}]");
            let Some(mm) = self.obj(mv, &path) else { continue };
            let Some(id) = self.string(mm, "id", &path) else { continue };
            q.fee.methods.push(Opt {
                id,
                label: self.text(mm, "label", &path),
                show_if: Cond::True,
                ruled_out_message: None,
            });
        }
    }

    // ---- conditions ------------------------------------------------------------------------

    fn cond_at(&mut self, p: &Pending) -> Cond {
        self.cond(&p.v, &p.path, p.scope.as_deref())
    }

    /// `$.field` where this member lacks the field but another member of the group has it.
    fn absent_member_field(&self, id: &str, scope: Option<&str>) -> bool {
        let (Some(rest), Some(scope)) = (id.strip_prefix("$."), scope) else { return false };
        if self.qindex.contains_key(&format!("{scope}.{rest}")) {
            return false;
        }
        let members = self.scope_groups.last().or(self.check_group.as_ref());
        members.is_some_and(|ms| ms.iter().any(|m| self.qindex.contains_key(&format!("{m}.{rest}"))))
    }

    fn resolve_q(&mut self, id: &str, path: &str, scope: Option<&str>) -> Option<usize> {
        let full = if let Some(rest) = id.strip_prefix("$.") {
            match scope {
                Some(s) => format!("{s}.{rest}"),
                None => {
                    self.err(path, format!("\"{id}\" uses $ outside some/every/none/for"));
                    return None;
                }
            }
        } else {
            id.to_string()
        };
        match self.qindex.get(&full) {
            Some(&i) => Some(i),
            None => {
                self.err(
                    path,
                    format!("unknown question \"{full}\" (or it comes later in the questionnaire)"),
                );
                None
            }
        }
    }

    fn cond(&mut self, v: &Value, path: &str, scope: Option<&str>) -> Cond {
        match v {
            Value::Bool(true) => return Cond::True,
            Value::Bool(false) => return Cond::False,
            Value::Object(_) => {}
            other => {
                self.err(
                    path,
                    format!("expected a condition (an object or true/false), found {}", json_kind(other)),
                );
                return Cond::False;
            }
        }
        let m = v.as_object().expect("checked above");
        let list = |l: &mut Loader, key: &str| -> Vec<Cond> {
            match m.get(key) {
                Some(Value::Array(a)) => a
                    .iter()
                    .enumerate()
                    .map(|(i, c)| l.cond(c, &format!("{path}.{key}[{i}]"), scope))
                    .collect(),
                _ => {
                    l.err(format!("{path}.{key}"), "expected a list of conditions");
                    vec![]
                }
            }
        };
        if m.contains_key("all") {
            self.only(m, &["all"], path);
            return Cond::All(list(self, "all"));
        }
        if m.contains_key("any") {
            self.only(m, &["any"], path);
            return Cond::Any(list(self, "any"));
        }
        if let Some(c) = m.get("not") {
            self.only(m, &["not"], path);
            return Cond::Not(Box::new(self.cond(c, &format!("{path}.not"), scope)));
        }
        if let Some(name) = m.get("derived") {
            self.only(m, &["derived"], path);
            let Some(name) = name.as_str() else {
                self.err(path, "\"derived\" takes a name");
                return Cond::False;
            };
            let Some((dv, dpath)) = self.derived.get(name).cloned() else {
                self.err(path, format!("unknown derived value \"{name}\""));
                return Cond::False;
            };
            if self.derived_stack.iter().any(|d| d == name) {
                self.err(
                    path,
                    format!(
                        "derived value \"{name}\" refers to itself ({} → {name})",
                        self.derived_stack.join(" → ")
                    ),
                );
                return Cond::False;
            }
            self.derived_stack.push(name.to_string());
            let c = self.cond(&dv, &dpath, scope);
            self.derived_stack.pop();
            return c;
        }
        for quant in ["some", "every", "none"] {
            if let Some(g) = m.get(quant) {
                self.only(m, &[quant, "where"], path);
                let Some(gname) = g.as_str() else {
                    self.err(path, format!("\"{quant}\" takes a group name"));
                    return Cond::False;
                };
                let Some(members) = self.groups.get(gname).cloned() else {
                    self.err(format!("{path}.{quant}"), format!("unknown group \"{gname}\""));
                    return Cond::False;
                };
                let Some(w) = m.get("where") else {
                    self.err(path, format!("\"{quant}\" needs \"where\""));
                    return Cond::False;
                };
                self.scope_groups.push(members.clone());
                let parts: Vec<Cond> =
                    members.iter().map(|mem| self.cond(w, &format!("{path}.where"), Some(mem))).collect();
                self.scope_groups.pop();
                return match quant {
                    "some" => Cond::Any(parts),
                    "every" => Cond::All(parts),
                    _ => Cond::Not(Box::new(Cond::Any(parts))),
                };
            }
        }
        if let Some(i) = m.get("item") {
            self.only(m, &["item"], path);
            return match i.as_str().and_then(|s| self.item_ids.get(s)) {
                Some(&ii) => Cond::Item(ii),
                None => {
                    self.err(format!("{path}.item"), format!("unknown checklist item {i}"));
                    Cond::False
                }
            };
        }
        if let Some(r) = m.get("rule") {
            self.only(m, &["rule"], path);
            return match r.as_str().and_then(|s| self.rule_ids.get(s)) {
                Some(&ri) => Cond::Rule(ri),
                None => {
                    self.err(format!("{path}.rule"), format!("unknown rule {r}"));
                    Cond::False
                }
            };
        }
        if let Some(b) = m.get("incomplete") {
            self.only(m, &["incomplete"], path);
            return if b == &Value::Bool(false) {
                Cond::Not(Box::new(Cond::Incomplete))
            } else {
                Cond::Incomplete
            };
        }
        if let Some(n) = m.get("draft_days_over") {
            self.only(m, &["draft_days_over"], path);
            return match n.as_i64() {
                Some(n) if n >= 0 => Cond::DraftDaysOver(n),
                _ => {
                    self.err(path, "\"draft_days_over\" takes a whole number of days");
                    Cond::False
                }
            };
        }
        let Some(qid) = m.get("q") else {
            let keys: Vec<&str> = m.keys().map(String::as_str).collect();
            self.err(path, format!("not a condition: {{{}}}; expected all, any, not, q, derived, some, every, none, item, rule, incomplete or draft_days_over", keys.join(", ")));
            return Cond::False;
        };
        let Some(qid) = qid.as_str() else {
            self.err(format!("{path}.q"), "expected a question id");
            return Cond::False;
        };
        if self.absent_member_field(qid, scope) {
            // A field this member of a mixed group does not have: never answered.
            let not_answered = m.get("answered") == Some(&Value::Bool(false));
            return if not_answered { Cond::True } else { Cond::False };
        }
        let Some(q) = self.resolve_q(qid, &format!("{path}.q"), scope) else { return Cond::False };
        let ops: Vec<&String> = m.keys().filter(|k| *k != "q" && *k != "at").collect();
        if ops.len() != 1 {
            self.err(path, format!("a test on \"{qid}\" needs exactly one operator (eq, ne, in, not_in, answered, before, after, on_or_before, on_or_after, age_at_least, age_below, starts_with); found {}", ops.len()));
            return Cond::False;
        }
        let op_name = ops[0].as_str();
        let arg = &m[op_name];
        let opath = format!("{path}.{op_name}");
        let qtype = self.qtypes[q];
        if qtype == QType::Display {
            self.err(path, format!("\"{qid}\" is a display question and has no answer to test"));
            return Cond::False;
        }
        if m.contains_key("at") && !op_name.starts_with("age_") {
            self.err(format!("{path}.at"), "\"at\" goes only with age_at_least and age_below");
        }
        let op = match op_name {
            "eq" | "ne" => {
                let operand = match arg {
                    Value::String(s) => {
                        self.check_literal(q, s, &opath);
                        Operand::Lit(s.clone())
                    }
                    Value::Object(om) if om.len() == 1 && om.contains_key("q") => {
                        match om["q"].as_str().and_then(|s| self.resolve_q(s, &format!("{opath}.q"), scope)) {
                            Some(o) => {
                                if self.qtypes[o] != qtype {
                                    self.err(
                                        &opath,
                                        format!(
                                            "compares a {} answer with a {} answer",
                                            qtype.name(),
                                            self.qtypes[o].name()
                                        ),
                                    );
                                }
                                Operand::Q(o)
                            }
                            None => return Cond::False,
                        }
                    }
                    _ => {
                        self.err(&opath, "expected a value (a string) or {\"q\": \"<question id>\"}");
                        return Cond::False;
                    }
                };
                if op_name == "eq" { Op::Eq(operand) } else { Op::Ne(operand) }
            }
            "in" | "not_in" => {
                let Some(a) = arg.as_array().filter(|a| a.iter().all(Value::is_string)) else {
                    self.err(&opath, "expected a list of values");
                    return Cond::False;
                };
                let vals: Vec<String> = a.iter().filter_map(|s| s.as_str().map(str::to_string)).collect();
                for (k, s) in vals.iter().enumerate() {
                    self.check_literal(q, s, &format!("{opath}[{k}]"));
                }
                if op_name == "in" { Op::In(vals) } else { Op::NotIn(vals) }
            }
            "answered" => match arg {
                Value::Bool(b) => Op::Answered(*b),
                _ => {
                    self.err(&opath, "expected true or false");
                    return Cond::False;
                }
            },
            "before" | "after" | "on_or_before" | "on_or_after" => {
                if !qtype.is_date() {
                    self.err(
                        &opath,
                        format!(
                            "\"{qid}\" is a {} question; date comparisons need a date or pdate question",
                            qtype.name()
                        ),
                    );
                    return Cond::False;
                }
                let dop = match op_name {
                    "before" => DateOp::Before,
                    "after" => DateOp::After,
                    "on_or_before" => DateOp::OnOrBefore,
                    _ => DateOp::OnOrAfter,
                };
                match self.date_arg(arg, &opath, scope) {
                    Some(d) => Op::Date(dop, d),
                    None => return Cond::False,
                }
            }
            "age_at_least" | "age_below" => {
                if qtype != QType::Date {
                    self.err(
                        &opath,
                        format!("\"{qid}\" is a {} question; ages need a date question", qtype.name()),
                    );
                    return Cond::False;
                }
                let Some(n) = arg.as_u64().filter(|n| *n <= 200) else {
                    self.err(&opath, "expected a whole number of years");
                    return Cond::False;
                };
                let at = match m.get("at") {
                    Some(a) => match self.date_arg(a, &format!("{path}.at"), scope) {
                        Some(d) => Some(d),
                        None => return Cond::False,
                    },
                    None => None,
                };
                if op_name == "age_at_least" {
                    Op::AgeAtLeast(n as u32, at)
                } else {
                    Op::AgeBelow(n as u32, at)
                }
            }
            "starts_with" => {
                if qtype.is_date() || matches!(qtype, QType::YesNo | QType::Choice) {
                    self.err(
                        &opath,
                        format!("starts_with needs a text or code question; \"{qid}\" is {}", qtype.name()),
                    );
                    return Cond::False;
                }
                match arg.as_str() {
                    Some(s) => Op::StartsWith(s.to_string()),
                    None => {
                        self.err(&opath, "expected a string");
                        return Cond::False;
                    }
                }
            }
            other => {
                self.err(format!("{path}.{other}"), format!("unknown operator \"{other}\""));
                return Cond::False;
            }
        };
        Cond::Cmp { q, op }
    }

    fn only(&mut self, m: &Map<String, Value>, allowed: &[&str], path: &str) {
        for k in m.keys() {
            if !allowed.contains(&k.as_str()) {
                self.err(format!("{path}.{k}"), format!("unexpected key beside {}", allowed[0]));
            }
        }
    }

    fn date_arg(&mut self, v: &Value, path: &str, scope: Option<&str>) -> Option<DateArg> {
        match v {
            Value::String(s) if s == "today" => Some(DateArg::Today),
            Value::String(s) => match crate::clock::parse_date(s) {
                Some(d) => Some(DateArg::Lit(d)),
                None => {
                    self.err(path, format!("\"{s}\" is not a date (YYYY-MM-DD or \"today\")"));
                    None
                }
            },
            Value::Object(m) if m.len() == 1 => {
                let (k, a) = m.iter().next().expect("one entry");
                match (k.as_str(), a) {
                    ("q", Value::String(id)) => {
                        let o = self.resolve_q(id, &format!("{path}.q"), scope)?;
                        if !self.qtypes[o].is_date() {
                            self.err(
                                path,
                                format!("\"{id}\" is a {} question, not a date", self.qtypes[o].name()),
                            );
                            return None;
                        }
                        Some(DateArg::Q(o))
                    }
                    ("years_ago", n) if n.as_u64().is_some() => Some(DateArg::YearsAgo(n.as_u64()? as u32)),
                    ("months_ago", n) if n.as_u64().is_some() => Some(DateArg::MonthsAgo(n.as_u64()? as u32)),
                    ("days_ago", n) if n.as_u64().is_some() => Some(DateArg::DaysAgo(n.as_u64()? as u32)),
                    _ => {
                        self.err(path, "expected a date: \"YYYY-MM-DD\", \"today\", {\"q\": id}, {\"years_ago\": N}, {\"months_ago\": N} or {\"days_ago\": N}");
                        None
                    }
                }
            }
            _ => {
                self.err(path, "expected a date: \"YYYY-MM-DD\", \"today\", {\"q\": id}, {\"years_ago\": N}, {\"months_ago\": N} or {\"days_ago\": N}");
                None
            }
        }
    }

    /// A literal compared with (or assigned to) question `q` must be a value it can hold.
    fn check_literal(&mut self, q: usize, s: &str, path: &str) {
        let (na, unk) = self.qflags[q];
        if (s == "NA" && na) || (s == "UNKNOWN" && unk) {
            return;
        }
        let qtype = self.qtypes[q];
        let ok = match qtype {
            QType::YesNo => YESNO.contains(&s),
            QType::Choice => self.qoptions[q].iter().any(|o| o == s),
            QType::Date => crate::clock::parse_date(s).is_some(),
            QType::PDate => super::cond::value_date(s).is_some(),
            QType::Country => self.countries.contains(s),
            QType::Province => self.provinces.contains(s),
            QType::Issuer => s == "CA" || self.provinces.contains(s) || self.countries.contains(s),
            QType::Office => self.offices.contains(s),
            _ => true,
        };
        if !ok {
            let want = match qtype {
                QType::Choice | QType::YesNo => format!("one of: {}", self.qoptions[q].join(", ")),
                QType::Date => "a date YYYY-MM-DD".into(),
                QType::PDate => "a date YYYY-MM-DD or YYYY-MM".into(),
                _ => format!("a valid {} value", qtype.name()),
            };
            let qid = self.qindex.iter().find(|(_, i)| **i == q).map(|(k, _)| k.clone()).unwrap_or_default();
            self.err(
                path,
                format!("\"{s}\" is not a value of {} question \"{qid}\"; expected {want}", qtype.name()),
            );
        }
    }

    // ---- whole-questionnaire checks ------------------------------------------------------------

    fn static_checks(&mut self, q: &Questionnaire, raw: &[ItemRaw<'_>]) {
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
}

impl Loader {
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

/// Whether an answer to a `from` question is always a valid answer to a `to` question, so a
/// prefill may copy it without a map (an issuer is "CA", a province code or a country code).
fn copyable(from: QType, to: QType) -> bool {
    from == to || (to == QType::Issuer && matches!(from, QType::Province | QType::Country))
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

fn and(a: Cond, b: Cond) -> Cond {
    match (a, b) {
        (Cond::True, b) => b,
        (a, Cond::True) => a,
        (a, b) => Cond::All(vec![a, b]),
    }
}

struct ItemRaw<'a> {
    id: String,
    kind: ItemKind,
    paper: bool,
    doc_class: String,
    required: Option<Pending>,
    m: &'a Map<String, Value>,
    path: String,
}

enum MandatoryPending {
    Const(bool),
    Cond(Pending),
    IfItemRequired(usize),
}

struct QuestionPending {
    show_if: Option<Pending>,
    mandatory: MandatoryPending,
    fixed: Vec<(Pending, String)>,
    prefill: Option<(Value, String, Option<String>)>,
    /// Per option (by index) with a `show_if`: its condition.
    option_conds: Vec<(usize, Pending)>,
}

/// Question conditions are compiled after every question id is known, from their own copy of the JSON.
fn owned_pending(v: &Value, path: String, scope: Option<String>) -> Pending {
    Pending { v: v.clone(), path, scope }
}
