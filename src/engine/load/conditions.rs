//! Condition compiling: the JSON conditions become [`Cond`] — question ids resolved
//! to indices (`$.field` within a group), groups quantified (`some`/`every`/`none`), derived
//! names expanded (and cycles among them refused), operators checked against the question's
//! type, and every literal checked to be a value the question can hold. Prefills too.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::{Loader, Pending};
use crate::engine::answers::json_kind;
use crate::engine::cond::{Cond, DateArg, DateOp, Op, Operand};
use crate::engine::model::*;

const YESNO: [&str; 2] = ["yes", "no"];

impl Loader {
    pub(super) fn prefill(
        &mut self,
        qi: usize,
        (v, path, scope): &(Value, String, Option<String>),
    ) -> Option<Prefill> {
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

    pub(super) fn cond_at(&mut self, p: &Pending) -> Cond {
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

    pub(super) fn cond(&mut self, v: &Value, path: &str, scope: Option<&str>) -> Cond {
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
    pub(super) fn check_literal(&mut self, q: usize, s: &str, path: &str) {
        let (na, unk) = self.qflags[q];
        if (s == "NA" && na) || (s == "UNKNOWN" && unk) {
            return;
        }
        let qtype = self.qtypes[q];
        let ok = match qtype {
            QType::YesNo => YESNO.contains(&s),
            QType::Choice => self.qoptions[q].iter().any(|o| o == s),
            QType::Date => crate::clock::parse_date(s).is_some(),
            QType::PDate => crate::engine::cond::value_date(s).is_some(),
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
}

/// Whether an answer to a `from` question is always a valid answer to a `to` question, so a
/// prefill may copy it without a map (an issuer is "CA", a province code or a country code).
fn copyable(from: QType, to: QType) -> bool {
    from == to || (to == QType::Issuer && matches!(from, QType::Province | QType::Country))
}
