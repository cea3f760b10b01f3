//! One way for any error to give its words in either language: [`Explain`].
//!
//! Errors stay typed up to where they are shown (the draft store's `DraftError`, the attach and
//! package errors, an answers file's `ShapeError`s, the command line's `CliError`); the screen,
//! the prompt or `main` asks for the words in the language of service at that moment.

use super::text::{Lang, Text};

/// An error that says what went wrong and what to do, in English and French.
pub trait Explain {
    /// The words in both languages.
    fn explain(&self) -> Text;

    /// The words in one language.
    fn words(&self, lang: Lang) -> String {
        self.explain().get(lang).to_string()
    }
}
