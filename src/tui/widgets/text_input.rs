//! A one-line text field: cursor by character, Home/End, word moves, Unicode, paste.

use unicode_width::UnicodeWidthStr;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextInput {
    pub value: String,
    /// Cursor position in characters.
    pub cursor: usize,
}

impl TextInput {
    pub fn new(value: impl Into<String>) -> TextInput {
        let value = value.into();
        let cursor = value.chars().count();
        TextInput { value, cursor }
    }
    fn len(&self) -> usize {
        self.value.chars().count()
    }
    fn byte(&self, ci: usize) -> usize {
        self.value.char_indices().nth(ci).map_or(self.value.len(), |(b, _)| b)
    }
    /// Applies an editing key (characters, paste, deletions, cursor moves); false for any other
    /// key, which the caller handles (Enter, arrows up and down, …).
    pub fn edit(&mut self, key: &super::FieldKey) -> bool {
        use super::FieldKey as K;
        match key {
            K::Char(c) => self.insert(*c),
            K::Paste(s) => self.paste(s),
            K::Backspace => self.backspace(),
            K::Delete => self.delete(),
            K::DeleteWord => self.delete_word(),
            K::Left => self.left(),
            K::Right => self.right(),
            K::Home => self.home(),
            K::End => self.end(),
            K::WordLeft => self.word_left(),
            K::WordRight => self.word_right(),
            _ => return false,
        }
        true
    }

    pub fn insert(&mut self, c: char) {
        if c.is_control() {
            return;
        }
        let b = self.byte(self.cursor);
        self.value.insert(b, c);
        self.cursor += 1;
    }
    /// Pasted text: line breaks and tabs become spaces (one-line field).
    pub fn paste(&mut self, s: &str) {
        for c in s.chars() {
            self.insert(if c.is_whitespace() { ' ' } else { c });
        }
    }
    pub fn backspace(&mut self) {
        if self.cursor > 0 {
            self.cursor -= 1;
            let b = self.byte(self.cursor);
            self.value.remove(b);
        }
    }
    pub fn delete(&mut self) {
        if self.cursor < self.len() {
            let b = self.byte(self.cursor);
            self.value.remove(b);
        }
    }
    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }
    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.len());
    }
    pub fn home(&mut self) {
        self.cursor = 0;
    }
    pub fn end(&mut self) {
        self.cursor = self.len();
    }
    pub fn word_left(&mut self) {
        let chars: Vec<char> = self.value.chars().collect();
        let mut i = self.cursor.min(chars.len());
        while i > 0 && !chars[i - 1].is_alphanumeric() {
            i -= 1;
        }
        while i > 0 && chars[i - 1].is_alphanumeric() {
            i -= 1;
        }
        self.cursor = i;
    }
    pub fn word_right(&mut self) {
        let chars: Vec<char> = self.value.chars().collect();
        let mut i = self.cursor.min(chars.len());
        while i < chars.len() && chars[i].is_alphanumeric() {
            i += 1;
        }
        while i < chars.len() && !chars[i].is_alphanumeric() {
            i += 1;
        }
        self.cursor = i;
    }
    /// Deletes the word before the cursor (Ctrl-W, Ctrl-Backspace).
    pub fn delete_word(&mut self) {
        let end = self.cursor;
        self.word_left();
        let (a, b) = (self.byte(self.cursor), self.byte(end));
        self.value.replace_range(a..b, "");
    }
    pub fn clear(&mut self) {
        self.value.clear();
        self.cursor = 0;
    }
    /// Display columns before the cursor.
    pub fn cursor_col(&self) -> usize {
        self.value[..self.byte(self.cursor)].width()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_by_character_not_byte() {
        let mut t = TextInput::new("Zoë");
        t.backspace();
        assert_eq!(t.value, "Zo");
        t.insert('é');
        t.home();
        t.insert('«');
        assert_eq!(t.value, "«Zoé");
        assert_eq!(t.cursor, 1);
        t.end();
        t.left();
        t.delete();
        assert_eq!(t.value, "«Zo");
    }

    #[test]
    fn word_moves_and_paste() {
        let mut t = TextInput::new("Marie-Ève  Tremblay");
        t.word_left();
        assert_eq!(t.cursor, 11);
        t.word_left();
        assert_eq!(t.cursor, 6);
        t.word_right();
        assert_eq!(t.cursor, 11);
        t.delete_word();
        assert_eq!(t.value, "Marie-Tremblay");
        t.end();
        t.paste(" a\nb");
        assert_eq!(t.value, "Marie-Tremblay a b");
    }

    #[test]
    fn wide_characters_count_two_columns() {
        let t = TextInput::new("李明");
        assert_eq!(t.cursor_col(), 4);
    }
}
