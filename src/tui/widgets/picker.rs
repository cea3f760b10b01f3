//! Country, province, issuer and office pickers: type to filter, arrows to move, Enter to choose.

use crate::engine::Lang;
use crate::tui::i18n;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::{FieldEvent, FieldKey, TextInput};
use crate::engine::AnswerValue;
use crate::engine::text::fold;

/// Matches shown under the filter at most.
pub const SHOWN: usize = 6;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Picker {
    /// (code, name)
    pub options: Vec<(String, String)>,
    pub chosen: Option<usize>,
    pub filter: TextInput,
    /// Index into `matches()`.
    pub highlight: usize,
    /// Enter on a filter that matches nothing keeps the text as typed (offices: the online
    /// application's list governs, SPEC §9.1 item 11).
    pub free_text: bool,
    /// The current answer when it is not among the options (an office typed by name): shown
    /// like a chosen one until typing starts.
    pub typed: Option<String>,
    /// The option earlier answers suggest (the engine's prefill) while there is no answer:
    /// highlighted, and Enter on the empty filter accepts it.
    pub suggested: Option<usize>,
}

impl Picker {
    pub fn new(options: Vec<(String, String)>, current: Option<&str>) -> Picker {
        let chosen = current.and_then(|c| options.iter().position(|(id, _)| id == c));
        let typed = current.filter(|c| chosen.is_none() && !c.trim().is_empty()).map(str::to_string);
        Picker {
            options,
            chosen,
            filter: TextInput::default(),
            highlight: 0,
            free_text: false,
            typed,
            suggested: None,
        }
    }

    /// Keeps only the options `keep` allows (earlier answers rule the others out). A current
    /// answer that is ruled out stays in view by its name, like one typed by name, so the person
    /// sees what to change (the engine reports it as an error).
    pub fn retain(&mut self, keep: impl Fn(&str) -> bool) {
        let chosen = self.chosen.map(|i| self.options[i].clone());
        let suggested = self.suggested.map(|i| self.options[i].0.clone());
        self.options.retain(|(code, _)| keep(code));
        self.chosen = chosen.as_ref().and_then(|(c, _)| self.options.iter().position(|(id, _)| id == c));
        if self.chosen.is_none()
            && let Some((_, name)) = chosen
        {
            self.typed = Some(name);
        }
        self.suggested = suggested.and_then(|c| self.options.iter().position(|(id, _)| *id == c));
        self.highlight = 0;
    }

    /// Suggests the option with this code, when there is no answer yet (never an option not offered).
    pub fn suggest(&mut self, code: &str) {
        if self.chosen.is_none() && self.typed.is_none() {
            self.suggested = self.options.iter().position(|(id, _)| id == code);
        }
    }

    /// A picker whose answer may also be a name that is not among the options.
    pub fn with_free_text(mut self) -> Picker {
        self.free_text = true;
        self
    }

    /// Options matching the filter: code equal first, then names starting with it, then containing it.
    pub fn matches(&self) -> Vec<usize> {
        let f = fold(self.filter.value.trim());
        if f.is_empty() {
            return (0..self.options.len()).collect();
        }
        let mut exact = vec![];
        let mut start = vec![];
        let mut within = vec![];
        for (i, (code, name)) in self.options.iter().enumerate() {
            let n = fold(name);
            if fold(code) == f {
                exact.push(i);
            } else if n.starts_with(&f) {
                start.push(i);
            } else if n.contains(&f) {
                within.push(i);
            }
        }
        exact.extend(start);
        exact.extend(within);
        exact
    }

    pub fn on_key(&mut self, key: &FieldKey) -> FieldEvent {
        let before = self.filter.value.clone();
        // Backspace on an empty filter clears the choice.
        if *key == FieldKey::Backspace && self.filter.value.is_empty() {
            if self.chosen.is_some() || self.typed.is_some() {
                self.chosen = None;
                self.typed = None;
                return FieldEvent::Commit(None);
            }
            return FieldEvent::Edited;
        }
        match key {
            k if self.filter.edit(k) => {}
            FieldKey::Up => {
                if self.filter.value.is_empty() || self.highlight == 0 {
                    return FieldEvent::Ignored;
                }
                self.highlight -= 1;
            }
            FieldKey::Down => {
                if self.filter.value.is_empty() {
                    return FieldEvent::Ignored;
                }
                if self.highlight + 1 < self.matches().len() {
                    self.highlight += 1;
                }
            }
            FieldKey::Enter => {
                if self.filter.value.trim().is_empty() {
                    // Enter accepts the suggestion, if there is one and nothing is chosen yet.
                    if let Some(i) =
                        self.suggested.take().filter(|_| self.chosen.is_none() && self.typed.is_none())
                    {
                        self.chosen = Some(i);
                        return FieldEvent::CommitNext(Some(AnswerValue::Text(self.options[i].0.clone())));
                    }
                    return FieldEvent::Next;
                }
                let m = self.matches();
                if m.is_empty() && self.free_text {
                    let typed = self.filter.value.trim().to_string();
                    self.chosen = None;
                    self.typed = Some(typed.clone());
                    self.filter.clear();
                    return FieldEvent::CommitNext(Some(AnswerValue::Text(typed)));
                }
                let Some(&i) = m.get(self.highlight) else { return FieldEvent::Edited };
                self.chosen = Some(i);
                self.typed = None;
                self.filter.clear();
                self.highlight = 0;
                return FieldEvent::CommitNext(Some(AnswerValue::Text(self.options[i].0.clone())));
            }
            _ => {}
        }
        if self.filter.value != before {
            self.highlight = 0;
        }
        FieldEvent::Edited
    }

    pub fn lines(&self, focused: bool, lang: Lang) -> (Vec<Line<'static>>, Option<(usize, usize)>) {
        if !focused {
            return (vec![], None);
        }
        // The current answer stays in view: "→ Lebanon · type to change: [ ]", never hidden
        // behind an empty filter (issue 13).
        let current = self.chosen.map(|i| self.options[i].1.clone()).or_else(|| {
            // Typed by name, or kept from before: neutralised, it comes from a draft.
            self.typed.as_deref().map(|t| crate::safe_text::inline(t).into_owned())
        });
        let suggested = self.suggested.filter(|_| current.is_none()).map(|i| self.options[i].1.clone());
        let empty = self.filter.value.is_empty();
        let label = match (current.filter(|_| empty), suggested.as_ref().filter(|_| empty)) {
            (Some(name), _) => format!("  → {name} · {} [", i18n::PICKER_TYPE_TO_CHANGE.get(lang)),
            // The suggestion from earlier answers, highlighted: Enter accepts it.
            (None, Some(name)) => format!(
                "  → {name} · {} {} [",
                i18n::PICKER_SUGGESTED.get(lang),
                i18n::PICKER_TYPE_TO_CHANGE.get(lang)
            ),
            (None, None) => format!("  {} [", i18n::PICKER_FILTER.get(lang)),
        };
        let col = unicode_width::UnicodeWidthStr::width(label.as_str());
        let first = match suggested.filter(|_| empty) {
            Some(name) => {
                let head = format!("  → {name}");
                let rest = label[head.len()..].to_string();
                Line::from(vec![
                    Span::styled(head, Style::default().add_modifier(Modifier::REVERSED)),
                    Span::raw(format!("{rest}{}]", self.filter.value)),
                ])
            }
            None => Line::raw(format!("{label}{}]", self.filter.value)),
        };
        let mut out = vec![first];
        if !self.filter.value.trim().is_empty() {
            let m = self.matches();
            if m.is_empty() && self.free_text {
                let keep = match lang {
                    Lang::En => "(not on the list: Enter keeps it as typed)",
                    Lang::Fr => "(absent de la liste : Entrée le garde tel quel)",
                };
                out.push(Line::raw(format!("    {keep}")));
            } else if m.is_empty() {
                out.push(Line::raw(format!("    {}", i18n::PICKER_NONE.get(lang))));
            }
            let first = self.highlight.saturating_sub(SHOWN - 1);
            for (k, &i) in m.iter().enumerate().skip(first).take(SHOWN) {
                // Names only: "Alberta", not "Alberta (CA-AB)" (typing the code still finds it).
                let name = &self.options[i].1;
                let text = format!("  {} {name}", if k == self.highlight { "›" } else { " " });
                out.push(if k == self.highlight {
                    Line::styled(text, Style::default().add_modifier(Modifier::REVERSED))
                } else {
                    Line::raw(text)
                });
            }
            if m.len() > SHOWN {
                out.push(Line::raw(i18n::more_matches(lang, m.len())));
            }
        }
        (out, Some((0, col + self.filter.cursor_col())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_free_text_picker_keeps_a_name_that_is_not_listed() {
        let opts = vec![("mx-guadalajara".to_string(), "Guadalajara, Mexico".to_string())];
        let mut p = Picker::new(opts.clone(), None).with_free_text();
        for c in "Puerto Vallarta".chars() {
            p.on_key(&FieldKey::Char(c));
        }
        let (lines, _) = p.lines(true, Lang::En);
        assert!(lines.iter().any(|l| l.to_string().contains("Enter keeps it as typed")));
        assert_eq!(
            p.on_key(&FieldKey::Enter),
            FieldEvent::CommitNext(Some(AnswerValue::Text("Puerto Vallarta".into())))
        );
        // A listed office is still chosen from the list; an ordinary picker never takes free text.
        let mut p = Picker::new(opts.clone(), None).with_free_text();
        for c in "guad".chars() {
            p.on_key(&FieldKey::Char(c));
        }
        assert_eq!(
            p.on_key(&FieldKey::Enter),
            FieldEvent::CommitNext(Some(AnswerValue::Text("mx-guadalajara".into())))
        );
        let mut p = Picker::new(opts, None);
        for c in "zzz".chars() {
            p.on_key(&FieldKey::Char(c));
        }
        assert_eq!(p.on_key(&FieldKey::Enter), FieldEvent::Edited);
    }

    #[test]
    fn the_current_answer_shows_until_typing_starts_and_no_code_is_shown() {
        let opts =
            vec![("CA-AB".to_string(), "Alberta".to_string()), ("CA-BC".into(), "British Columbia".into())];
        for lang in [Lang::En, Lang::Fr] {
            let mut p = Picker::new(opts.clone(), Some("CA-AB"));
            let (lines, cursor) = p.lines(true, lang);
            let first = lines[0].to_string();
            assert!(first.starts_with("  → Alberta · "), "{first}");
            assert!(first.contains(i18n::PICKER_TYPE_TO_CHANGE.get(lang)), "{first}");
            assert_eq!(cursor, Some((0, unicode_width::UnicodeWidthStr::width(first.as_str()) - 1)));
            p.on_key(&FieldKey::Char('b'));
            let (lines, _) = p.lines(true, lang);
            let text: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
            assert!(text[0].starts_with(&format!("  {} [b]", i18n::PICKER_FILTER.get(lang))), "{text:?}");
            assert!(text.iter().any(|l| l.contains("British Columbia")), "{text:?}");
            assert!(!text.iter().any(|l| l.contains("CA-")), "no codes: {text:?}");
        }
    }

    #[test]
    fn an_office_typed_by_name_shows_as_the_current_answer() {
        let opts = vec![("mx-guadalajara".to_string(), "Guadalajara, Mexico".to_string())];
        let p = Picker::new(opts.clone(), Some("Puerto Vallarta")).with_free_text();
        let (lines, _) = p.lines(true, Lang::En);
        assert!(lines[0].to_string().starts_with("  → Puerto Vallarta · type to change: ["), "{lines:?}");
        let mut p = Picker::new(opts, Some("Bad\u{1b}[2J")).with_free_text();
        let (lines, _) = p.lines(true, Lang::Fr);
        assert!(!lines[0].to_string().contains('\u{1b}'), "{lines:?}");
        assert_eq!(p.on_key(&FieldKey::Backspace), FieldEvent::Commit(None), "Backspace clears it");
        let (lines, _) = p.lines(true, Lang::En);
        assert!(lines[0].to_string().starts_with("  Type to filter"), "{lines:?}");
    }

    #[test]
    fn filter_by_name_or_code_and_choose() {
        let mut p = Picker::new(
            vec![
                ("CA".into(), "Canada".into()),
                ("MX".into(), "Mexico".into()),
                ("CM".into(), "Cameroon".into()),
            ],
            None,
        );
        for c in "me".chars() {
            p.on_key(&FieldKey::Char(c));
        }
        assert_eq!(p.matches(), vec![1, 2]);
        p.on_key(&FieldKey::Down);
        assert_eq!(p.on_key(&FieldKey::Enter), FieldEvent::CommitNext(Some(AnswerValue::Text("CM".into()))));
        for c in "mx".chars() {
            p.on_key(&FieldKey::Char(c));
        }
        assert_eq!(p.matches(), vec![1]);
    }
}
