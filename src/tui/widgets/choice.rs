//! Single choice and yes/no: arrows move, Space/Enter choose, a number or a first letter chooses.

use ratatui::style::{Modifier, Style};
use ratatui::text::Line;

use super::{FieldEvent, FieldKey};
use crate::engine::AnswerValue;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    /// (id, label)
    pub options: Vec<(String, String)>,
    pub chosen: Option<usize>,
    pub highlight: usize,
    /// The highlight was put on an option by the person (arrows) or by a suggestion from earlier
    /// answers. Until then nothing is highlighted and Enter picks nothing: an unanswered choice
    /// needs an explicit choice (issue 13: Enter on 1.3 used to answer "Yes").
    pub touched: bool,
}

impl Choice {
    pub fn new(options: Vec<(String, String)>, current: Option<&str>) -> Choice {
        let chosen = current.and_then(|c| options.iter().position(|(id, _)| id == c));
        Choice { options, chosen, highlight: chosen.unwrap_or(0), touched: chosen.is_some() }
    }

    /// Highlights an option suggested by earlier answers: Enter accepts it.
    pub fn suggest(&mut self, i: usize) {
        if i < self.options.len() {
            self.highlight = i;
            self.touched = true;
        }
    }

    fn choose(&mut self, i: usize) -> AnswerValue {
        self.chosen = Some(i);
        self.highlight = i;
        self.touched = true;
        AnswerValue::Text(self.options[i].0.clone())
    }

    pub fn on_key(&mut self, key: &FieldKey) -> FieldEvent {
        let n = self.options.len();
        if n == 0 {
            return FieldEvent::Ignored;
        }
        // The first arrow press shows the highlight where it is, without moving it.
        let arrow = matches!(key, FieldKey::Up | FieldKey::Left | FieldKey::Down | FieldKey::Right);
        if arrow && !self.touched && !(matches!(key, FieldKey::Up) && self.highlight == 0) {
            self.touched = true;
            return FieldEvent::Edited;
        }
        match key {
            FieldKey::Up | FieldKey::Left => {
                if self.highlight == 0 {
                    return FieldEvent::Ignored;
                }
                self.highlight -= 1;
                FieldEvent::Edited
            }
            FieldKey::Down | FieldKey::Right => {
                if self.highlight + 1 >= n {
                    return FieldEvent::Ignored;
                }
                self.highlight += 1;
                FieldEvent::Edited
            }
            FieldKey::Home => {
                self.highlight = 0;
                self.touched = true;
                FieldEvent::Edited
            }
            FieldKey::End => {
                self.highlight = n - 1;
                self.touched = true;
                FieldEvent::Edited
            }
            FieldKey::Char(' ') if !self.touched => FieldEvent::NeedChoice,
            FieldKey::Char(' ') => FieldEvent::Commit(Some(self.choose(self.highlight))),
            FieldKey::Enter if !self.touched => FieldEvent::NeedChoice,
            FieldKey::Enter => {
                if self.chosen == Some(self.highlight) {
                    FieldEvent::Next
                } else {
                    FieldEvent::CommitNext(Some(self.choose(self.highlight)))
                }
            }
            FieldKey::Char(c) if c.is_ascii_digit() => {
                let d = c.to_digit(10).unwrap_or(0) as usize;
                if d >= 1 && d <= n {
                    FieldEvent::Commit(Some(self.choose(d - 1)))
                } else {
                    FieldEvent::Edited
                }
            }
            FieldKey::Char(c) => {
                let lc: String = c.to_lowercase().collect();
                let starts = |i: usize| self.options[i].1.to_lowercase().starts_with(&lc);
                // Repeat the letter to cycle through the options that start with it.
                let from = self.chosen.map_or(0, |c| c + 1);
                match (0..n).map(|k| (from + k) % n).find(|&i| starts(i)) {
                    Some(i) => FieldEvent::Commit(Some(self.choose(i))),
                    None => FieldEvent::Edited,
                }
            }
            FieldKey::Backspace | FieldKey::Delete => {
                self.chosen = None;
                FieldEvent::Commit(None)
            }
            _ => FieldEvent::Ignored,
        }
    }

    pub fn lines(&self, focused: bool, width: u16) -> Vec<Line<'static>> {
        if !focused {
            // Unfocused: the answer line shows the chosen option, to keep screens short.
            return vec![];
        }
        let mut out = vec![];
        for (i, (_, label)) in self.options.iter().enumerate() {
            let mark = if self.chosen == Some(i) { "(•)" } else { "( )" };
            let lit = self.touched && i == self.highlight;
            let pointer = if lit { "›" } else { " " };
            let first = format!("  {pointer} {mark} {}. ", i + 1);
            let style =
                if lit { Style::default().add_modifier(Modifier::REVERSED) } else { Style::default() };
            let wrapped =
                crate::tui::view::wrap(label, (width as usize).saturating_sub(6), &first, "          ");
            out.extend(wrapped.into_iter().map(|l| Line::styled(l, style)));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yn() -> Choice {
        Choice::new(vec![("yes".into(), "Yes".into()), ("no".into(), "No".into())], None)
    }

    #[test]
    fn enter_on_an_unanswered_choice_picks_nothing() {
        let mut c = yn();
        assert_eq!(c.on_key(&FieldKey::Enter), FieldEvent::NeedChoice);
        assert_eq!(c.on_key(&FieldKey::Char(' ')), FieldEvent::NeedChoice);
        assert_eq!(c.chosen, None);
        assert!(!c.lines(true, 80).iter().any(|l| l.to_string().contains('›')), "nothing highlighted");
        // The first ↓ shows the highlight on option 1; Enter then takes it.
        assert_eq!(c.on_key(&FieldKey::Down), FieldEvent::Edited);
        assert_eq!(c.highlight, 0);
        assert_eq!(c.on_key(&FieldKey::Enter), FieldEvent::CommitNext(Some(AnswerValue::Text("yes".into()))));
        // A suggestion from earlier answers is highlighted and Enter accepts it.
        let mut c = yn();
        c.suggest(1);
        assert_eq!(c.on_key(&FieldKey::Enter), FieldEvent::CommitNext(Some(AnswerValue::Text("no".into()))));
    }

    #[test]
    fn letters_numbers_and_arrows() {
        let mut c = yn();
        assert_eq!(c.on_key(&FieldKey::Char('n')), FieldEvent::Commit(Some(AnswerValue::Text("no".into()))));
        assert_eq!(c.on_key(&FieldKey::Char('1')), FieldEvent::Commit(Some(AnswerValue::Text("yes".into()))));
        assert_eq!(c.on_key(&FieldKey::Char('9')), FieldEvent::Edited);
        assert_eq!(c.on_key(&FieldKey::Down), FieldEvent::Edited);
        assert_eq!(c.on_key(&FieldKey::Down), FieldEvent::Ignored);
        assert_eq!(c.on_key(&FieldKey::Enter), FieldEvent::CommitNext(Some(AnswerValue::Text("no".into()))));
        assert_eq!(c.on_key(&FieldKey::Enter), FieldEvent::Next);
    }
}
