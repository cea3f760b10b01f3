//! Field editors, one per kind of answer. Each takes `FieldKey`s and says what happened; the app
//! decides what a commit means (store the answer, re-evaluate, autosave). Each draws itself as lines.

pub mod choice;
pub mod list_input;
pub mod picker;
pub mod secret_input;
pub mod text_input;

use super::i18n;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use crate::engine::{AnswerValue, Lang, QType, Question, Questionnaire};

pub use choice::Choice;
pub use list_input::ListInput;
pub use picker::Picker;
pub use secret_input::SecretInput;
pub use text_input::TextInput;

/// An editing key, already mapped by the keymap.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldKey {
    Char(char),
    Paste(String),
    Backspace,
    Delete,
    DeleteWord,
    /// Ctrl-U: delete from the start of the line to the cursor.
    DeleteToStart,
    /// Ctrl-K: delete from the cursor to the end of the line.
    DeleteToEnd,
    Left,
    Right,
    Home,
    End,
    WordLeft,
    WordRight,
    Up,
    Down,
    Enter,
}

/// What a key did to a field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldEvent {
    /// Consumed, nothing to store yet.
    Edited,
    /// A new answer (None: the answer was cleared).
    Commit(Option<AnswerValue>),
    /// A new answer, then go to the next question.
    CommitNext(Option<AnswerValue>),
    /// Go to the next question (Enter with nothing new).
    Next,
    /// Enter (or Space) on a choice nobody has chosen or highlighted yet: nothing is picked; the
    /// app says how to choose.
    NeedChoice,
    /// Not for this field: the app may use it (Up/Down move between questions).
    Ignored,
}

/// The editor of the focused question.
#[derive(Clone, Debug, PartialEq)]
pub enum Field {
    Text {
        input: TextInput,
        initial: String,
        hint: &'static str,
    },
    Choice(Choice),
    Picker(Picker),
    List(ListInput),
    /// Display questions and fixed answers: nothing to edit.
    None,
}

impl Field {
    /// The editor for question `qi` holding `current` (the raw stored answer).
    pub fn for_question(
        q: &Questionnaire,
        question: &Question,
        current: Option<&AnswerValue>,
        lang: Lang,
    ) -> Field {
        let text = current.map(AnswerValue::display).unwrap_or_default();
        let cur = current.map(|v| v.as_cond_str().to_string());
        match question.qtype {
            QType::Display => Field::None,
            QType::YesNo | QType::Choice => Field::Choice(Choice::new(
                question.options.iter().map(|o| (o.id.clone(), o.label.get(lang).to_string())).collect(),
                cur.as_deref(),
            )),
            QType::Country => Field::Picker(Picker::new(
                q.countries.iter().map(|c| (c.code.clone(), c.name.get(lang).to_string())).collect(),
                cur.as_deref(),
            )),
            QType::Province => Field::Picker(Picker::new(
                q.provinces.iter().map(|c| (c.code.clone(), c.name.get(lang).to_string())).collect(),
                cur.as_deref(),
            )),
            QType::Office => Field::Picker(
                Picker::new(
                    q.offices.iter().map(|o| (o.id.clone(), o.name.get(lang).to_string())).collect(),
                    cur.as_deref(),
                )
                .with_free_text(),
            ),
            QType::Issuer => {
                let federal = i18n::FEDERAL.get(lang);
                let mut opts = vec![("CA".to_string(), federal.to_string())];
                opts.extend(q.provinces.iter().map(|c| (c.code.clone(), c.name.get(lang).to_string())));
                opts.extend(
                    q.countries
                        .iter()
                        .filter(|c| c.code != "CA")
                        .map(|c| (c.code.clone(), c.name.get(lang).to_string())),
                );
                Field::Picker(Picker::new(opts, cur.as_deref()))
            }
            QType::List => Field::List(ListInput::new(match current {
                Some(AnswerValue::List(v)) => v.clone(),
                Some(AnswerValue::Text(s)) if !s.is_empty() => vec![s.clone()],
                _ => vec![],
            })),
            t => Field::Text {
                input: TextInput::new(text.clone()),
                initial: text,
                hint: match t {
                    QType::Date => i18n::HINT_DATE.get(lang),
                    QType::PDate => i18n::HINT_PDATE.get(lang),
                    QType::Height => i18n::HINT_HEIGHT.get(lang),
                    QType::Email => i18n::HINT_EMAIL.get(lang),
                    QType::File => i18n::HINT_FILE.get(lang),
                    _ => "",
                },
            },
        }
    }

    pub fn on_key(&mut self, key: &FieldKey) -> FieldEvent {
        match self {
            Field::Text { input, initial, .. } => {
                if input.edit(key) {
                    return FieldEvent::Edited;
                }
                match key {
                    FieldKey::Enter => {
                        if input.value == *initial {
                            return FieldEvent::Next;
                        }
                        *initial = input.value.clone();
                        FieldEvent::CommitNext(text_value(&input.value))
                    }
                    _ => FieldEvent::Ignored,
                }
            }
            Field::Choice(c) => c.on_key(key),
            Field::Picker(p) => p.on_key(key),
            Field::List(l) => l.on_key(key),
            Field::None => match key {
                FieldKey::Enter => FieldEvent::Next,
                _ => FieldEvent::Ignored,
            },
        }
    }

    /// An edit not yet stored (text typed but focus not yet left).
    pub fn pending(&self) -> Option<Option<AnswerValue>> {
        match self {
            Field::Text { input, initial, .. } if input.value != *initial => Some(text_value(&input.value)),
            Field::List(l) => l.pending(),
            _ => None,
        }
    }

    /// Esc in a field: cancels the edit in progress (text typed and not stored, a picker's filter,
    /// a list value not yet added) and shows the saved answer again. False when nothing was being
    /// edited (Esc then goes back a level).
    pub fn cancel_edit(&mut self) -> bool {
        match self {
            Field::Text { input, initial, .. } if input.value != *initial => {
                *input = TextInput::new(initial.clone());
                true
            }
            Field::Picker(p) if !p.filter.value.is_empty() => {
                p.filter.clear();
                p.highlight = 0;
                true
            }
            Field::List(l) if !l.input.value.is_empty() => {
                l.input.clear();
                true
            }
            _ => false,
        }
    }

    /// Whether printable keys type into this field (then `?` is a character, not help).
    pub fn takes_text(&self) -> bool {
        matches!(self, Field::Text { .. } | Field::Picker(_) | Field::List(_))
    }

    /// The lines of the editor, and the cursor (line, column) when focused and typing.
    pub fn lines(
        &self,
        focused: bool,
        width: u16,
        lang: Lang,
    ) -> (Vec<Line<'static>>, Option<(usize, usize)>) {
        let bracket =
            if focused { Style::default().add_modifier(Modifier::REVERSED) } else { Style::default() };
        match self {
            Field::Text { input, hint, .. } => {
                let w = (width as usize).saturating_sub(4).max(1);
                let shown = input.value.clone();
                let mut spans = vec![Span::raw("  ["), Span::styled(shown, bracket)];
                let pad = w.saturating_sub(unicode_width::UnicodeWidthStr::width(input.value.as_str()) + 3);
                spans.push(Span::styled(" ".repeat(pad.min(30)), bracket));
                spans.push(Span::raw("]"));
                if !hint.is_empty() && (focused || input.value.is_empty()) {
                    spans
                        .push(Span::styled(format!(" {hint}"), Style::default().add_modifier(Modifier::DIM)));
                }
                let cursor = focused.then(|| (0, 3 + input.cursor_col()));
                (vec![Line::from(spans)], cursor)
            }
            Field::Choice(c) => (c.lines(focused, width), None),
            Field::Picker(p) => p.lines(focused, lang),
            Field::List(l) => l.lines(focused, lang),
            Field::None => (vec![], None),
        }
    }
}

fn text_value(s: &str) -> Option<AnswerValue> {
    if s.trim().is_empty() { None } else { Some(AnswerValue::Text(s.to_string())) }
}
