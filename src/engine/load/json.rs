//! JSON access: typed readers over the parsed tree (object, list, string, boolean,
//! bilingual text). Each records a problem at its JSON place and returns a fallback, so loading
//! goes on and `validate` reports every problem at once.

use serde_json::{Map, Value};

use super::{Loader, Problem};
use crate::engine::answers::json_kind;
use crate::engine::text::Text;

impl Loader {
    pub(super) fn err(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem { path: path.into(), message: message.into() });
    }

    pub(super) fn obj<'a>(&mut self, v: &'a Value, path: &str) -> Option<&'a Map<String, Value>> {
        match v.as_object() {
            Some(m) => Some(m),
            None => {
                self.err(path, format!("expected an object, found {}", json_kind(v)));
                None
            }
        }
    }

    pub(super) fn arr<'a>(
        &mut self,
        m: &'a Map<String, Value>,
        key: &str,
        path: &str,
        required: bool,
    ) -> &'a [Value] {
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

    pub(super) fn string(&mut self, m: &Map<String, Value>, key: &str, path: &str) -> Option<String> {
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

    pub(super) fn opt_string(&mut self, m: &Map<String, Value>, key: &str, path: &str) -> Option<String> {
        if m.contains_key(key) { self.string(m, key, path) } else { None }
    }

    pub(super) fn boolean(&mut self, m: &Map<String, Value>, key: &str, path: &str) -> bool {
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

    pub(super) fn text_value(&mut self, v: &Value, path: &str) -> Text {
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

    pub(super) fn text(&mut self, m: &Map<String, Value>, key: &str, path: &str) -> Text {
        match m.get(key) {
            Some(v) => self.text_value(v, &format!("{path}.{key}")),
            None => {
                self.err(path, format!("missing \"{key}\" (a text with \"en\" and \"fr\")"));
                Text::default()
            }
        }
    }

    pub(super) fn opt_text(&mut self, m: &Map<String, Value>, key: &str, path: &str) -> Option<Text> {
        m.get(key).map(|v| self.text_value(v, &format!("{path}.{key}")))
    }
}
