//! Screen expansion: the screens in order, the document screens inserted where their
//! number says (one per checklist item with a document class, its questions taken from the
//! templates that apply to that class) and every question read. Question conditions are kept
//! as [`Pending`] JSON until every question id is known.

use std::collections::HashSet;

use serde_json::{Map, Value};

use super::sections::ItemRaw;
use super::{Loader, Pending, owned_pending};
use crate::engine::cond::Cond;
use crate::engine::model::*;
use crate::engine::text::Text;
use crate::words::Template;

/// The title of a screen made for one checklist item: the section's title, then the item's.
const ITEM_SCREEN_TITLE: Template =
    Template::new(&["section", "item"], "{section} — {item}", "{section} — {item}");

impl Loader {
    pub(super) fn screens(
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
                stitle = crate::fill_text!(ITEM_SCREEN_TITLE, section = &title, item = &it);
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
}

pub(super) enum MandatoryPending {
    Const(bool),
    Cond(Pending),
    IfItemRequired(usize),
}

pub(super) struct QuestionPending {
    pub(super) show_if: Option<Pending>,
    pub(super) mandatory: MandatoryPending,
    pub(super) fixed: Vec<(Pending, String)>,
    pub(super) prefill: Option<(Value, String, Option<String>)>,
    /// Per option (by index) with a `show_if`: its condition.
    pub(super) option_conds: Vec<(usize, Pending)>,
}
