//! A list of values: type one, Enter adds it; Backspace on an empty line removes the last one.

use crate::engine::Lang;
use crate::tui::i18n;
use ratatui::text::Line;

use super::{FieldEvent, FieldKey, TextInput};
use crate::engine::AnswerValue;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListInput {
    pub items: Vec<String>,
    pub input: TextInput,
}

impl ListInput {
    pub fn new(items: Vec<String>) -> ListInput {
        ListInput { items, input: TextInput::default() }
    }

    fn value(&self) -> Option<AnswerValue> {
        if self.items.is_empty() { None } else { Some(AnswerValue::List(self.items.clone())) }
    }

    /// A typed value not yet added: leaving the field adds it.
    pub fn pending(&self) -> Option<Option<AnswerValue>> {
        let t = self.input.value.trim();
        if t.is_empty() {
            return None;
        }
        let mut items = self.items.clone();
        items.push(t.to_string());
        Some(Some(AnswerValue::List(items)))
    }

    pub fn on_key(&mut self, key: &FieldKey) -> FieldEvent {
        // Backspace on an empty line takes back the last value added.
        if *key == FieldKey::Backspace && self.input.value.is_empty() {
            if self.items.pop().is_some() {
                return FieldEvent::Commit(self.value());
            }
            return FieldEvent::Edited;
        }
        if self.input.edit(key) {
            return FieldEvent::Edited;
        }
        match key {
            FieldKey::Enter => {
                let t = self.input.value.trim().to_string();
                if t.is_empty() {
                    return FieldEvent::Next;
                }
                self.items.push(t);
                self.input.clear();
                FieldEvent::Commit(self.value())
            }
            _ => FieldEvent::Ignored,
        }
    }

    pub fn lines(&self, focused: bool, lang: Lang) -> (Vec<Line<'static>>, Option<(usize, usize)>) {
        if !focused {
            return (vec![], None);
        }
        let mut out: Vec<Line<'static>> =
            self.items.iter().enumerate().map(|(i, s)| Line::raw(format!("    {}. {s}", i + 1))).collect();
        let row = out.len();
        let label = format!("  {} [", i18n::LIST_ADD.get(lang));
        let col = unicode_width::UnicodeWidthStr::width(label.as_str());
        out.push(Line::raw(format!("{label}{}]  {}", self.input.value, i18n::LIST_KEYS.get(lang))));
        (out, Some((row, col + self.input.cursor_col())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn add_and_remove() {
        let mut l = ListInput::new(vec![]);
        for c in "Ann".chars() {
            l.on_key(&FieldKey::Char(c));
        }
        assert_eq!(
            l.on_key(&FieldKey::Enter),
            FieldEvent::Commit(Some(AnswerValue::List(vec!["Ann".into()])))
        );
        assert_eq!(l.on_key(&FieldKey::Enter), FieldEvent::Next);
        assert_eq!(l.on_key(&FieldKey::Backspace), FieldEvent::Commit(None));
    }
}
