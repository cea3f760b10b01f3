//! The top-level sections other than the screens: places (countries, provinces,
//! offices), checklist and paper-preparation items (ids first, so screens and conditions can
//! refer to them; then in full), rules, checks (expanded over a group with `"for"`),
//! indications and the fee.

use std::collections::HashSet;

use serde_json::{Map, Value};

use super::{Loader, Pending, owned_pending};
use crate::engine::answers::json_kind;
use crate::engine::cond::Cond;
use crate::engine::model::*;

impl Loader {
    pub(super) fn places(&mut self, m: &Map<String, Value>, q: &mut Questionnaire) {
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

    pub(super) fn items_raw<'a>(&mut self, m: &'a Map<String, Value>) -> Vec<ItemRaw<'a>> {
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

    pub(super) fn items(&mut self, raw: &[ItemRaw<'_>], q: &Questionnaire) -> Vec<Item> {
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

    pub(super) fn rules(&mut self, list: &[Value]) -> Vec<Rule> {
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

    pub(super) fn checks(&mut self, m: &Map<String, Value>) -> Vec<Check> {
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

    pub(super) fn indications(&mut self, m: &Map<String, Value>) -> Vec<Indication> {
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

    pub(super) fn fee(&mut self, m: &Map<String, Value>, q: &mut Questionnaire) {
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
}

pub(super) struct ItemRaw<'a> {
    pub(super) id: String,
    pub(super) kind: ItemKind,
    pub(super) paper: bool,
    pub(super) doc_class: String,
    pub(super) required: Option<Pending>,
    pub(super) m: &'a Map<String, Value>,
    pub(super) path: String,
}
