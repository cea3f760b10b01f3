//! A one-line text field: cursor by grapheme (a letter with its accents, an emoji with its
//! modifiers moves and deletes as one), Home/End, word moves, Unicode, paste.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextInput {
    pub value: String,
    /// Cursor position in characters, always at the start or end of a grapheme.
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
    /// Where each grapheme starts, in characters, followed by the length.
    fn bounds(&self) -> Vec<usize> {
        let mut at = 0;
        let mut out = vec![];
        for g in self.value.graphemes(true) {
            out.push(at);
            at += g.chars().count();
        }
        out.push(at);
        out
    }
    /// The grapheme boundary before the cursor (0 at the start).
    fn prev_bound(&self) -> usize {
        self.bounds().into_iter().rev().find(|&b| b < self.cursor).unwrap_or(0)
    }
    /// The grapheme boundary after the cursor (the length at the end).
    fn next_bound(&self) -> usize {
        let len = self.len();
        self.bounds().into_iter().find(|&b| b > self.cursor).unwrap_or(len)
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
            K::DeleteToStart => self.delete_to_start(),
            K::DeleteToEnd => self.delete_to_end(),
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

    /// Inserts a character at the cursor. A combining accent typed after a letter joins it; the
    /// cursor stays at the end of that grapheme.
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
    /// Deletes the grapheme before the cursor (an "é" written e + accent goes at once).
    pub fn backspace(&mut self) {
        if self.cursor > 0 {
            let start = self.prev_bound();
            let (a, b) = (self.byte(start), self.byte(self.cursor));
            self.value.replace_range(a..b, "");
            self.cursor = start;
        }
    }
    /// Deletes the grapheme after the cursor.
    pub fn delete(&mut self) {
        if self.cursor < self.len() {
            let end = self.next_bound();
            let (a, b) = (self.byte(self.cursor), self.byte(end));
            self.value.replace_range(a..b, "");
        }
    }
    pub fn left(&mut self) {
        self.cursor = self.prev_bound();
    }
    pub fn right(&mut self) {
        self.cursor = self.next_bound();
    }
    pub fn home(&mut self) {
        self.cursor = 0;
    }
    pub fn end(&mut self) {
        self.cursor = self.len();
    }
    /// Graphemes with where each starts (in characters) and whether it belongs to a word.
    fn words(&self) -> Vec<(usize, bool)> {
        let bounds = self.bounds();
        self.value
            .graphemes(true)
            .zip(bounds)
            .map(|(g, at)| (at, g.chars().next().is_some_and(char::is_alphanumeric)))
            .collect()
    }
    pub fn word_left(&mut self) {
        let gs = self.words();
        let mut i = gs.iter().position(|&(at, _)| at >= self.cursor).unwrap_or(gs.len());
        while i > 0 && !gs[i - 1].1 {
            i -= 1;
        }
        while i > 0 && gs[i - 1].1 {
            i -= 1;
        }
        self.cursor = gs.get(i).map_or(self.len(), |&(at, _)| at);
    }
    pub fn word_right(&mut self) {
        let gs = self.words();
        let mut i = gs.iter().position(|&(at, _)| at >= self.cursor).unwrap_or(gs.len());
        while i < gs.len() && gs[i].1 {
            i += 1;
        }
        while i < gs.len() && !gs[i].1 {
            i += 1;
        }
        self.cursor = gs.get(i).map_or(self.len(), |&(at, _)| at);
    }
    /// Deletes the word before the cursor (Ctrl-W, Ctrl-Backspace).
    pub fn delete_word(&mut self) {
        let end = self.cursor;
        self.word_left();
        let (a, b) = (self.byte(self.cursor), self.byte(end));
        self.value.replace_range(a..b, "");
    }
    /// Deletes from the start to the cursor (Ctrl-U).
    pub fn delete_to_start(&mut self) {
        let b = self.byte(self.cursor);
        self.value.replace_range(..b, "");
        self.cursor = 0;
    }
    /// Deletes from the cursor to the end (Ctrl-K).
    pub fn delete_to_end(&mut self) {
        let b = self.byte(self.cursor);
        self.value.truncate(b);
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
    fn combining_accents_move_and_delete_with_their_letter() {
        // "Zoë" written Z, o, e + U+0308 (as macOS file names and some keyboards give it).
        let mut t = TextInput::new("Zoe\u{308}l");
        assert_eq!(t.cursor, 5);
        t.left();
        assert_eq!(t.cursor, 4, "before the l");
        t.left();
        assert_eq!(t.cursor, 2, "before the e and its accent, not between them");
        t.right();
        assert_eq!(t.cursor, 4);
        t.backspace();
        assert_eq!(t.value, "Zol", "the accent went with its letter");
        assert_eq!(t.cursor, 2);
        t.insert('e');
        t.insert('\u{301}');
        assert_eq!(t.value, "Zoe\u{301}l");
        assert_eq!(t.cursor, 4);
        t.home();
        t.right();
        t.right();
        t.delete();
        assert_eq!(t.value, "Zol");
    }

    #[test]
    fn emoji_sequences_are_one_step() {
        // A family (man ZWJ woman ZWJ girl) and a thumbs-up with a skin tone.
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
        let thumbs = "\u{1F44D}\u{1F3FD}";
        let mut t = TextInput::new(format!("a{family}{thumbs}b"));
        t.left();
        t.left();
        assert_eq!(t.cursor, 1 + 5, "before the thumbs-up and its tone");
        t.left();
        assert_eq!(t.cursor, 1);
        t.delete();
        assert_eq!(t.value, format!("a{thumbs}b"));
        t.end();
        t.left();
        t.backspace();
        assert_eq!(t.value, "ab");
        assert_eq!(t.cursor, 1);
    }

    #[test]
    fn word_moves_skip_accents_written_apart() {
        let mut t = TextInput::new("Rene\u{301}e Tremblay");
        t.word_left();
        assert_eq!(t.cursor, 7);
        t.word_left();
        assert_eq!(t.cursor, 0, "the combining accent is part of the word");
        t.word_right();
        assert_eq!(t.cursor, 7);
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
    fn readline_clears_to_start_and_end() {
        let mut t = TextInput::new("Zoë Tremblay");
        t.word_left();
        t.delete_to_start();
        assert_eq!((t.value.as_str(), t.cursor), ("Tremblay", 0));
        t.right();
        t.right();
        t.delete_to_end();
        assert_eq!((t.value.as_str(), t.cursor), ("Tr", 2));
    }

    #[test]
    fn wide_characters_count_two_columns() {
        let t = TextInput::new("李明");
        assert_eq!(t.cursor_col(), 4);
    }
}
