//! The one place where keys become actions. The footer lists the same keys (see `view::footer`).

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::widgets::FieldKey;
use crate::engine::Lang;

/// Everything the user can ask for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Quit,
    Save,
    Help,
    About,
    NextScreen,
    PrevScreen,
    FocusNext,
    FocusPrev,
    JumpList,
    Checklist,
    Review,
    /// Answer "Not Applicable" (where the question allows it): F8, Ctrl-N.
    Na,
    /// Answer "Unknown" (where the question allows it): F9 (not Ctrl-U, which clears to the start
    /// of a text field as in readline).
    Unknown,
    /// Close, cancel, go back a level.
    Back,
    /// Attach a file to the focused document's file question (F7).
    Attach,
    /// The other language (F3), live; kept in the draft.
    SwitchLang,
    /// Search every question by number or words (`/`, Ctrl-F).
    Search,
    /// The screen's answers in full sentences, to read to a caller (F5, Ctrl-B).
    ReadBack,
    /// "Why is this on my list?" for the highlighted checklist item, from anywhere (F6).
    Why,
    /// Save and go to the drafts list: switch drafts or start the next one (Ctrl-O).
    Drafts,
    /// Write or change the agent note on the focused question (F8, issue 13).
    Note,
    /// The draft's history: opened, saved, which questions changed (F9, issue 13).
    History,
    /// Internal codes on or off, for an agent quoting a ticket (F12, issue 13).
    Codes,
    /// A key for the focused field, list or dialog.
    Key(FieldKey),
}

/// Maps a key. `typing` is true when the focus is on a field that takes text, where `?` and
/// letters are characters rather than commands.
pub fn action(key: KeyEvent, typing: bool) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    Some(match key.code {
        KeyCode::Char('s') if ctrl => Action::Save,
        KeyCode::Char('q') | KeyCode::Char('c') if ctrl => Action::Quit,
        KeyCode::Char('g') if ctrl => Action::JumpList,
        KeyCode::Char('l') if ctrl => Action::Checklist,
        KeyCode::Char('r') if ctrl => Action::Review,
        KeyCode::Char('n') if ctrl => Action::Na,
        // Readline habits in text fields: Ctrl-U to the start, Ctrl-K to the end, Ctrl-W a word.
        KeyCode::Char('u') if ctrl => Action::Key(FieldKey::DeleteToStart),
        KeyCode::Char('k') if ctrl => Action::Key(FieldKey::DeleteToEnd),
        KeyCode::Char('f') if ctrl => Action::Search,
        KeyCode::Char('b') if ctrl => Action::ReadBack,
        KeyCode::Char('o') if ctrl => Action::Drafts,
        KeyCode::Char('w') if ctrl => Action::Key(FieldKey::DeleteWord),
        KeyCode::Char('a') if ctrl => Action::Key(FieldKey::Home),
        KeyCode::Char('e') if ctrl => Action::Key(FieldKey::End),
        KeyCode::Char('b') if alt => Action::Key(FieldKey::WordLeft),
        KeyCode::Char('f') if alt => Action::Key(FieldKey::WordRight),
        // Support agents: a note on the focused question, the draft's history (F8/F9 are Not
        // Applicable / Unknown in a field, F10/F11 belong to many terminals' menus and full screen).
        KeyCode::Char('n' | 'N') if alt => Action::Note,
        KeyCode::Char('h' | 'H') if alt => Action::History,
        KeyCode::Char(_) if ctrl || alt => return None,
        KeyCode::Char('?') if !typing => Action::Help,
        KeyCode::Char('/') if !typing => Action::Search,
        KeyCode::Char(c) => Action::Key(FieldKey::Char(c)),
        KeyCode::F(1) => Action::Help,
        KeyCode::F(2) => Action::About,
        KeyCode::F(3) => Action::SwitchLang,
        KeyCode::F(4) => Action::JumpList,
        KeyCode::F(5) => Action::ReadBack,
        KeyCode::F(6) => Action::Why,
        KeyCode::F(7) => Action::Attach,
        KeyCode::F(8) => Action::Na,
        KeyCode::F(9) => Action::Unknown,
        KeyCode::F(12) => Action::Codes,
        KeyCode::PageDown => Action::NextScreen,
        KeyCode::PageUp => Action::PrevScreen,
        KeyCode::Tab => Action::FocusNext,
        KeyCode::BackTab => Action::FocusPrev,
        KeyCode::Esc => Action::Back,
        KeyCode::Enter => Action::Key(FieldKey::Enter),
        KeyCode::Backspace if ctrl || alt => Action::Key(FieldKey::DeleteWord),
        KeyCode::Backspace => Action::Key(FieldKey::Backspace),
        KeyCode::Delete => Action::Key(FieldKey::Delete),
        KeyCode::Left if ctrl || alt => Action::Key(FieldKey::WordLeft),
        KeyCode::Right if ctrl || alt => Action::Key(FieldKey::WordRight),
        KeyCode::Left => Action::Key(FieldKey::Left),
        KeyCode::Right => Action::Key(FieldKey::Right),
        KeyCode::Up => Action::Key(FieldKey::Up),
        KeyCode::Down => Action::Key(FieldKey::Down),
        KeyCode::Home => Action::Key(FieldKey::Home),
        KeyCode::End => Action::Key(FieldKey::End),
        _ => return None,
    })
}

/// A key as the footers name it, in each language, and the presses it stands for. Only this
/// module makes them (the fields are private), so every key a hint names is one of `NAMED` below,
/// which a test holds bound in [`action`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    en: &'static str,
    fr: &'static str,
    presses: &'static [(KeyCode, KeyModifiers)],
}

impl Key {
    /// The key's name as a keyboard in that language labels it (Entrée, Échap, Espace…).
    pub fn name(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Fr => self.fr,
        }
    }
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

/// Defines the named keys and `NAMED`, the list of them all.
macro_rules! named_keys {
    ($($(#[$doc:meta])* $id:ident = $en:literal / $fr:literal => [$($code:expr, $mods:expr);+];)*) => {
        $($(#[$doc])* pub const $id: Key = Key { en: $en, fr: $fr, presses: &[$(($code, $mods)),+] };)*
        /// Every named key.
        pub const NAMED: &[Key] = &[$($id),*];
    };
}

named_keys! {
    F1 = "F1" / "F1" => [KeyCode::F(1), NONE];
    F3 = "F3" / "F3" => [KeyCode::F(3), NONE];
    F5 = "F5" / "F5" => [KeyCode::F(5), NONE];
    F6 = "F6" / "F6" => [KeyCode::F(6), NONE];
    F7 = "F7" / "F7" => [KeyCode::F(7), NONE];
    F8 = "F8" / "F8" => [KeyCode::F(8), NONE];
    F9 = "F9" / "F9" => [KeyCode::F(9), NONE];
    CTRL_F = "Ctrl-F" / "Ctrl-F" => [KeyCode::Char('f'), CTRL];
    CTRL_G = "Ctrl-G" / "Ctrl-G" => [KeyCode::Char('g'), CTRL];
    CTRL_L = "Ctrl-L" / "Ctrl-L" => [KeyCode::Char('l'), CTRL];
    CTRL_O = "Ctrl-O" / "Ctrl-O" => [KeyCode::Char('o'), CTRL];
    CTRL_Q = "Ctrl-Q" / "Ctrl-Q" => [KeyCode::Char('q'), CTRL];
    CTRL_S = "Ctrl-S" / "Ctrl-S" => [KeyCode::Char('s'), CTRL];
    ENTER = "Enter" / "Entrée" => [KeyCode::Enter, NONE];
    ESC = "Esc" / "Échap" => [KeyCode::Esc, NONE];
    TAB = "Tab" / "Tab" => [KeyCode::Tab, NONE];
    SPACE = "Space" / "Espace" => [KeyCode::Char(' '), NONE];
    SLASH = "/" / "/" => [KeyCode::Char('/'), NONE];
    QUESTION_MARK = "?" / "?" => [KeyCode::Char('?'), NONE];
    UP_DOWN = "↑↓" / "↑↓" => [KeyCode::Up, NONE; KeyCode::Down, NONE];
    TAB_UP_DOWN = "Tab/↑↓" / "Tab/↑↓" => [KeyCode::Tab, NONE; KeyCode::Up, NONE; KeyCode::Down, NONE];
    PG_DN = "PgDn" / "PgDn" => [KeyCode::PageDown, NONE];
    PG_UP = "PgUp" / "PgUp" => [KeyCode::PageUp, NONE];
    PG_DN_UP = "PgDn/PgUp" / "PgDn/PgUp" => [KeyCode::PageDown, NONE; KeyCode::PageUp, NONE];
    PG_UP_DN = "PgUp/PgDn" / "PgUp/PgDn" => [KeyCode::PageUp, NONE; KeyCode::PageDown, NONE];
    /// Scrolling a window's text.
    SCROLL = "↑↓ PgUp/PgDn" / "↑↓ PgUp/PgDn"
        => [KeyCode::Up, NONE; KeyCode::Down, NONE; KeyCode::PageUp, NONE; KeyCode::PageDown, NONE];
    /// "I understand" at a caution.
    U_ENTER = "u/Enter" / "u/Entrée" => [KeyCode::Char('u'), NONE; KeyCode::Enter, NONE];
    /// Yes (delete): y in English, o (oui) in French; both work in either language.
    YES = "y" / "o" => [KeyCode::Char('y'), NONE; KeyCode::Char('o'), NONE];
    A = "a" / "a" => [KeyCode::Char('a'), NONE];
    C = "c" / "c" => [KeyCode::Char('c'), NONE];
    D = "d" / "d" => [KeyCode::Char('d'), NONE];
    E = "e" / "e" => [KeyCode::Char('e'), NONE];
    N = "n" / "n" => [KeyCode::Char('n'), NONE];
    P = "p" / "p" => [KeyCode::Char('p'), NONE];
    Q = "q" / "q" => [KeyCode::Char('q'), NONE];
    R = "r" / "r" => [KeyCode::Char('r'), NONE];
    // The rows of the help (F1): several keys for one thing.
    HELP_QUESTIONS = "Tab S-Tab ↑↓" / "Tab S-Tab ↑↓"
        => [KeyCode::Tab, NONE; KeyCode::BackTab, KeyModifiers::SHIFT; KeyCode::Up, NONE; KeyCode::Down, NONE];
    HELP_OPTION = "Space 1-9 letter" / "Espace 1-9 lettre"
        => [KeyCode::Char(' '), NONE; KeyCode::Char('1'), NONE; KeyCode::Char('a'), NONE];
    HELP_SCREENS = "PgDn PgUp" / "PgDn PgUp" => [KeyCode::PageDown, NONE; KeyCode::PageUp, NONE];
    HELP_JUMP = "Ctrl-G F4" / "Ctrl-G F4" => [KeyCode::Char('g'), CTRL; KeyCode::F(4), NONE];
    CTRL_R = "Ctrl-R" / "Ctrl-R" => [KeyCode::Char('r'), CTRL];
    HELP_SEARCH = "/ Ctrl-F" / "/ Ctrl-F" => [KeyCode::Char('/'), NONE; KeyCode::Char('f'), CTRL];
    HELP_READ = "F5 Ctrl-B" / "F5 Ctrl-B" => [KeyCode::F(5), NONE; KeyCode::Char('b'), CTRL];
    HELP_NA_UNKNOWN = "F8 F9" / "F8 F9" => [KeyCode::F(8), NONE; KeyCode::F(9), NONE];
    HELP_CLEAR = "Ctrl-U Ctrl-K" / "Ctrl-U Ctrl-K" => [KeyCode::Char('u'), CTRL; KeyCode::Char('k'), CTRL];
    HELP_WORDS = "Ctrl-← Ctrl-→" / "Ctrl-← Ctrl-→" => [KeyCode::Left, CTRL; KeyCode::Right, CTRL];
    HELP_HELP = "F1 ?  F2" / "F1 ?  F2" => [KeyCode::F(1), NONE; KeyCode::Char('?'), NONE; KeyCode::F(2), NONE];
    ALT_N = "Alt-N" / "Alt-N" => [KeyCode::Char('n'), KeyModifiers::ALT];
    ALT_H = "Alt-H" / "Alt-H" => [KeyCode::Char('h'), KeyModifiers::ALT];
    F12 = "F12" / "F12" => [KeyCode::F(12), NONE];
    HELP_LIST_MOVE = "↑↓ Home End" / "↑↓ Début Fin"
        => [KeyCode::Up, NONE; KeyCode::Down, NONE; KeyCode::Home, NONE; KeyCode::End, NONE];
    HELP_LIST_OPEN = "Enter o" / "Entrée o" => [KeyCode::Enter, NONE; KeyCode::Char('o'), NONE];
    HELP_LIST_DELETE = "d Delete" / "d Suppr" => [KeyCode::Char('d'), NONE; KeyCode::Delete, NONE];
    HELP_LIST_QUIT = "q Esc" / "q Échap" => [KeyCode::Char('q'), NONE; KeyCode::Esc, NONE];
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every key a footer names does something: no hint offers a key the keymap drops.
    #[test]
    fn every_named_key_is_bound() {
        for key in NAMED {
            assert!(!key.en.is_empty() && !key.fr.is_empty());
            for &(code, mods) in key.presses {
                for typing in [false, true] {
                    assert!(action(k(code, mods), typing).is_some(), "{} ({code:?}) is not bound", key.en);
                }
            }
        }
        // Spot checks of what the named keys do.
        let first = |key: Key| action(k(key.presses[0].0, key.presses[0].1), false);
        assert_eq!(first(F1), Some(Action::Help));
        assert_eq!(first(F3), Some(Action::SwitchLang));
        assert_eq!(first(F5), Some(Action::ReadBack));
        assert_eq!(first(F6), Some(Action::Why));
        assert_eq!(first(F7), Some(Action::Attach));
        assert_eq!(first(CTRL_F), Some(Action::Search));
        assert_eq!(first(CTRL_G), Some(Action::JumpList));
        assert_eq!(first(CTRL_L), Some(Action::Checklist));
        assert_eq!(first(CTRL_O), Some(Action::Drafts));
        assert_eq!(first(CTRL_Q), Some(Action::Quit));
        assert_eq!(first(CTRL_S), Some(Action::Save));
        assert_eq!(first(ESC), Some(Action::Back));
        assert_eq!(first(SLASH), Some(Action::Search));
        assert_eq!(first(QUESTION_MARK), Some(Action::Help));
        assert_eq!(first(PG_DN), Some(Action::NextScreen));
        assert_eq!(first(CTRL_R), Some(Action::Review));
        assert_eq!(first(ALT_N), Some(Action::Note));
        assert_eq!(first(ALT_H), Some(Action::History));
        assert_eq!(first(F12), Some(Action::Codes));
        assert_eq!(HELP_OPTION.name(Lang::Fr), "Espace 1-9 lettre");
        assert_eq!(YES.name(Lang::Fr), "o");
        assert_eq!(ENTER.name(Lang::Fr), "Entrée");
    }

    #[test]
    fn readline_keys_edit_text_and_never_answer() {
        for typing in [false, true] {
            let ctrl = |c| action(k(KeyCode::Char(c), KeyModifiers::CONTROL), typing);
            assert_eq!(ctrl('u'), Some(Action::Key(FieldKey::DeleteToStart)));
            assert_eq!(ctrl('k'), Some(Action::Key(FieldKey::DeleteToEnd)));
            assert_eq!(ctrl('w'), Some(Action::Key(FieldKey::DeleteWord)));
        }
    }

    #[test]
    fn na_unknown_and_the_agent_keys_do_not_collide() {
        for typing in [false, true] {
            let f = |n| action(k(KeyCode::F(n), KeyModifiers::NONE), typing);
            assert_eq!(f(8), Some(Action::Na));
            assert_eq!(f(9), Some(Action::Unknown));
            assert_eq!(f(12), Some(Action::Codes));
            let alt = |c| action(k(KeyCode::Char(c), KeyModifiers::ALT), typing);
            assert_eq!(alt('n'), Some(Action::Note));
            assert_eq!(alt('h'), Some(Action::History));
        }
    }

    fn k(code: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, m)
    }

    #[test]
    fn question_mark_is_help_unless_typing() {
        assert_eq!(action(k(KeyCode::Char('?'), KeyModifiers::NONE), false), Some(Action::Help));
        assert_eq!(
            action(k(KeyCode::Char('?'), KeyModifiers::NONE), true),
            Some(Action::Key(FieldKey::Char('?')))
        );
        assert_eq!(action(k(KeyCode::F(1), KeyModifiers::NONE), true), Some(Action::Help));
    }

    #[test]
    fn save_quit_and_moves_work_everywhere() {
        for typing in [false, true] {
            assert_eq!(action(k(KeyCode::Char('s'), KeyModifiers::CONTROL), typing), Some(Action::Save));
            assert_eq!(action(k(KeyCode::Char('q'), KeyModifiers::CONTROL), typing), Some(Action::Quit));
            assert_eq!(action(k(KeyCode::PageUp, KeyModifiers::NONE), typing), Some(Action::PrevScreen));
            assert_eq!(action(k(KeyCode::BackTab, KeyModifiers::SHIFT), typing), Some(Action::FocusPrev));
        }
        assert_eq!(
            action(k(KeyCode::Left, KeyModifiers::CONTROL), true),
            Some(Action::Key(FieldKey::WordLeft))
        );
        assert_eq!(action(k(KeyCode::Char('x'), KeyModifiers::CONTROL), true), None);
        let mut release = k(KeyCode::Char('a'), KeyModifiers::NONE);
        release.kind = KeyEventKind::Release;
        assert_eq!(action(release, true), None);
    }

    #[test]
    fn support_keys_work_while_typing_except_slash() {
        for typing in [false, true] {
            assert_eq!(action(k(KeyCode::F(3), KeyModifiers::NONE), typing), Some(Action::SwitchLang));
            assert_eq!(action(k(KeyCode::F(5), KeyModifiers::NONE), typing), Some(Action::ReadBack));
            assert_eq!(action(k(KeyCode::F(6), KeyModifiers::NONE), typing), Some(Action::Why));
            assert_eq!(action(k(KeyCode::Char('o'), KeyModifiers::CONTROL), typing), Some(Action::Drafts));
            assert_eq!(action(k(KeyCode::Char('f'), KeyModifiers::CONTROL), typing), Some(Action::Search));
            assert_eq!(action(k(KeyCode::Char('b'), KeyModifiers::CONTROL), typing), Some(Action::ReadBack));
        }
        assert_eq!(action(k(KeyCode::Char('/'), KeyModifiers::NONE), false), Some(Action::Search));
        assert_eq!(action(k(KeyCode::F(8), KeyModifiers::NONE), true), Some(Action::Na));
        assert_eq!(action(k(KeyCode::F(9), KeyModifiers::NONE), true), Some(Action::Unknown));
        assert_eq!(
            action(k(KeyCode::Char('/'), KeyModifiers::NONE), true),
            Some(Action::Key(FieldKey::Char('/')))
        );
    }
}
