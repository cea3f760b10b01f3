//! The passphrase being typed in the TUI's dialogs (issue 12): a [`TextInput`] whose text is
//! zeroed (`zeroize`) when it goes — Esc, a wrong passphrase, success, quitting, or any other way
//! the dialog closes — and whose room is reserved up front, so that typing never moves the text to
//! a bigger buffer (a move would leave a copy behind, never zeroed). `Debug` never shows it.

use zeroize::{Zeroize, Zeroizing};

use super::{FieldKey, TextInput};
use crate::drafts::protect::MAX_BYTES;

/// What is reserved: the longest passphrase accepted, and a character more so that the one that
/// makes it too long is still refused by `Passphrase::new`, with its message.
const ROOM: usize = MAX_BYTES + 4;

#[derive(PartialEq, Eq)]
pub struct SecretInput(TextInput);

impl SecretInput {
    pub fn new() -> SecretInput {
        SecretInput(TextInput { value: String::with_capacity(ROOM), cursor: 0 })
    }

    /// Applies an editing key. Text that would not fit in the room reserved is not taken.
    pub fn edit(&mut self, k: &FieldKey) -> bool {
        let fits = |s: &str| self.0.value.len() + s.len() <= self.0.value.capacity();
        match k {
            FieldKey::Char(c) if !fits(c.encode_utf8(&mut [0; 4])) => false,
            FieldKey::Paste(s) if !fits(s) => false,
            _ => self.0.edit(k),
        }
    }

    /// How many characters are typed (the dialog shows as many •).
    pub fn chars(&self) -> usize {
        self.0.value.chars().count()
    }

    /// The cursor, in characters.
    pub fn cursor(&self) -> usize {
        self.0.cursor
    }

    /// Takes the text out (zeroed when the caller drops it); this input is left empty.
    pub fn take(&mut self) -> Zeroizing<String> {
        self.0.cursor = 0;
        // A fresh buffer with its room reserved, so the next typing never moves either.
        Zeroizing::new(std::mem::replace(&mut self.0.value, String::with_capacity(ROOM)))
    }

    /// Zeroes the text and the whole buffer (its spare room too); the input is left empty.
    pub fn wipe(&mut self) {
        self.0.value.zeroize();
        self.0.cursor = 0;
        #[cfg(test)]
        tests::WIPES.with(|w| w.set(w.get() + 1));
    }
}

impl Default for SecretInput {
    fn default() -> SecretInput {
        SecretInput::new()
    }
}

impl Clone for SecretInput {
    fn clone(&self) -> SecretInput {
        let mut c = SecretInput::new();
        c.0.value.push_str(&self.0.value);
        c.0.cursor = self.0.cursor;
        c
    }
}

impl Drop for SecretInput {
    fn drop(&mut self) {
        self.wipe();
    }
}

impl std::fmt::Debug for SecretInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretInput(<not shown>)")
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::cell::Cell;

    thread_local! {
        /// How many times a secret input was wiped on this thread (tests only).
        pub(crate) static WIPES: Cell<usize> = const { Cell::new(0) };
    }

    pub(crate) fn wipes() -> usize {
        WIPES.with(|w| w.get())
    }

    fn typed(s: &str) -> SecretInput {
        let mut i = SecretInput::new();
        for c in s.chars() {
            i.edit(&FieldKey::Char(c));
        }
        i
    }

    /// The bytes of the whole buffer, spare room included (all written: by typing or zeroing).
    fn buffer(i: &SecretInput) -> Vec<u8> {
        let v = &i.0.value;
        // SAFETY: the buffer is allocated for `capacity` bytes; wipe() wrote zeros over all of them
        // (zeroize clears the spare capacity too), and typing wrote the rest.
        unsafe { std::slice::from_raw_parts(v.as_ptr(), v.capacity()) }.to_vec()
    }

    #[test]
    fn typing_never_moves_the_text_and_wipe_zeroes_every_byte() {
        let mut i = typed("Mellon-7394 tisserand");
        let (ptr, cap) = (i.0.value.as_ptr(), i.0.value.capacity());
        for _ in 0..5 {
            i.edit(&FieldKey::Backspace);
        }
        i.edit(&FieldKey::Paste("x".repeat(900)));
        assert_eq!((i.0.value.as_ptr(), i.0.value.capacity()), (ptr, cap), "the text stayed in its buffer");
        i.wipe();
        assert_eq!(i.chars(), 0);
        assert_eq!(i.0.value.capacity(), cap);
        assert!(buffer(&i).iter().all(|&b| b == 0), "a byte of the passphrase is left");
    }

    #[test]
    fn text_beyond_the_room_is_not_taken() {
        let mut i = SecretInput::new();
        let cap = i.0.value.capacity();
        assert!(cap >= ROOM);
        assert!(i.edit(&FieldKey::Paste("a".repeat(cap))));
        assert!(!i.edit(&FieldKey::Char('b')));
        assert!(!i.edit(&FieldKey::Paste("c".repeat(10))));
        assert_eq!((i.chars(), i.0.value.capacity()), (cap, cap));
    }

    #[test]
    fn take_hands_the_text_over_and_drop_wipes() {
        let mut i = typed("secret words");
        let t = i.take();
        assert_eq!(t.as_str(), "secret words");
        assert_eq!((i.chars(), i.cursor()), (0, 0));
        let before = wipes();
        drop(i);
        assert_eq!(wipes(), before + 1);
        assert_eq!(format!("{:?}", typed("abc")), "SecretInput(<not shown>)");
    }

    /// The TUI's dialog for a locked draft: whichever way it closes, what was typed is wiped.
    #[test]
    fn the_passphrase_dialog_wipes_what_was_typed_when_it_closes() {
        use crate::tui::app::{App, Overlay};
        use crate::tui::keymap::Action;
        use crate::tui::store::MemStore;
        let q = crate::engine::builtin().unwrap();
        let today = chrono::NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
        let store = MemStore::new(today).with("Liam", today, Default::default(), None);
        let mut app = App::new(q, crate::engine::Lang::En, today, Box::new(store));
        let open = |app: &mut App, id: &str| {
            app.overlay = Some(Overlay::Passphrase(id.into(), "Liam".into(), SecretInput::new()));
            for c in "Mellon-7394".chars() {
                app.update(Action::Key(FieldKey::Char(c)));
            }
        };
        // Esc.
        open(&mut app, "d001");
        let before = wipes();
        app.update(Action::Back);
        assert!(app.overlay.is_none());
        assert!(wipes() > before, "Esc left the typed passphrase in memory");
        // Enter, refused (here: no such draft): the dialog comes back empty.
        open(&mut app, "nope");
        let before = wipes();
        app.update(Action::Key(FieldKey::Enter));
        assert!(wipes() > before);
        match &app.overlay {
            Some(Overlay::Passphrase(_, _, input)) => assert_eq!(input.chars(), 0),
            other => panic!("the dialog asks again: {other:?}"),
        }
        // Enter, opened.
        open(&mut app, "d001");
        let before = wipes();
        app.update(Action::Key(FieldKey::Enter));
        assert!(app.draft().is_some() && wipes() > before);
    }
}
