//! The windows over the screen (help, why, the jump list, the dialogs…). Each is a module that owns
//! everything about it: its keys (`handle`: an action in, an [`Outcome`] out), whether printable
//! keys type text there (`takes_text`), its footer (`footer`) and its drawing (`draw`). The
//! [`Overlay`] enum holds the open window's state; `windows!` below is the one table that says which
//! module handles which window, so `App` dispatches once and never matches on the windows itself.
//! A window over an open draft is handled with the draft's handlers and drawn from the draft alone;
//! one over the drafts list, from the list.
//!
//! Handling takes the window by value (the App moves it out and back; nothing is cloned per key).

pub mod about;
pub mod attach;
pub mod confirm_delete;
pub mod confirm_erase;
pub mod help;
pub mod history;
pub mod jump;
pub mod new_draft;
pub mod new_passphrase;
pub mod next;
pub mod note;
pub mod passphrase;
pub mod read_back;
pub mod rename;
pub mod search;
pub mod stop;
pub mod why;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::app::{App, Session};
use super::keymap::Action;
pub use super::view::Footer;
use super::view::{Ctx, On, Theme};
use super::widgets::TextInput;

pub use next::{NextAction, NextView};
pub use stop::StopView;

/// A window over the screen.
#[derive(Clone, Debug, PartialEq)]
pub enum Overlay {
    Help,
    About,
    /// "Why is this on my list?" for an item (index into `q.items`).
    Why(usize),
    /// The jump list of visible screens; the highlighted row.
    Jump(usize),
    /// Delete this draft? (id, label)
    ConfirmDelete(String, String),
    /// Erase the drafts past day 60 held for confirmation (issue 12)?
    ConfirmErase,
    /// The label of a new draft.
    NewDraft(TextInput),
    /// The passphrase of a new locked draft (its label, the first typing once confirmed, what is
    /// typed — shown masked).
    NewPassphrase(String, Option<crate::drafts::protect::Passphrase>, super::widgets::SecretInput),
    /// The passphrase of a locked draft being opened (id, label, what is typed — shown masked).
    Passphrase(String, String, super::widgets::SecretInput),
    /// A new name for a listed draft (id, the name typed).
    Rename(String, TextInput),
    /// Stops or cautions met on leaving a screen.
    Stop(StopView),
    /// "Attach a file" (see `attach_flow`).
    Attach(super::attach_flow::AttachDialog),
    /// Search over every question (visible or not): the typed words and the highlighted match.
    Search(TextInput, usize),
    /// The current screen's answers in full sentences, for reading to a caller.
    ReadBack,
    /// "What happens next": export the summary, build the package, then the IRCC steps.
    Next(NextView),
    /// The agent note on a question being written (F8): the question and the text.
    Note(usize, TextInput),
    /// The draft's history (F9).
    History,
}

/// What the App does after a window handled a key.
#[derive(Debug)]
pub enum Outcome {
    /// The window stays; its text keeps where it is scrolled to.
    Keep(Overlay),
    /// The window stays with other content: its text goes back to the top.
    Changed(Overlay),
    /// Another window replaces it.
    Open(Overlay),
    /// The window closes (a window the App opened meanwhile, such as a stop, stays).
    Close,
}

/// The one table of windows: each variant (with its fields) and the module that handles it. The
/// windows of `any` screen take the App (help, about); those of the drafts list (`start`) take the
/// App and draw from the list ([`StartView`]); those of an open `draft` take the draft's handlers
/// (`DraftScreen`) and draw from the draft: they cannot be reached without one.
macro_rules! windows {
    (
        any { $($av:ident => $am:ident,)* }
        start { $($sv:ident $(($($sf:ident),+))? => $sm:ident,)* }
        draft { $($dv:ident $(($($df:ident),+))? => $dm:ident,)* }
    ) => {
        impl Overlay {
            /// A key while this window is open.
            pub fn handle(self, app: &mut App, action: Action) -> Outcome {
                match self {
                    $(Overlay::$av => $am::handle(app, action),)*
                    $(Overlay::$sv $(($($sf),+))? => $sm::handle($($($sf,)+)? app, action),)*
                    // A draft's window with no draft open has nothing to act on: it closes.
                    $(Overlay::$dv $(($($df),+))? => app
                        .in_draft(|d| $dm::handle($($($df,)+)? d, action))
                        .unwrap_or(Outcome::Close),)*
                }
            }
            /// Whether printable keys type text in this window.
            pub fn takes_text(&self) -> bool {
                match self {
                    $(Overlay::$av => $am::takes_text(),)*
                    $(Overlay::$sv $(($($sf),+))? => $sm::takes_text($($($sf),+)?),)*
                    $(Overlay::$dv $(($($df),+))? => $dm::takes_text($($($df),+)?),)*
                }
            }
            /// The keys that work in this window, for the footer (`draft`: the open draft).
            pub fn footer(&self, draft: Option<&Session>) -> Footer {
                match self {
                    $(Overlay::$av => $am::footer(),)*
                    $(Overlay::$sv $(($($sf),+))? => $sm::footer($($($sf),+)?),)*
                    $(Overlay::$dv $(($($df),+))? => match draft {
                        Some(s) => $dm::footer($($($df,)+)? s),
                        None => Footer::Fit(vec![]),
                    },)*
                }
            }
            /// Draws the window over `area` (`on`: the screen under it); where the text cursor
            /// belongs, if it has one.
            pub fn draw(&self, c: Ctx, on: On, area: Rect, buf: &mut Buffer, t: Theme) -> Option<(u16, u16)> {
                match (self, on) {
                    $((Overlay::$av, on) => $am::draw(c, on.draft(), area, buf, t),)*
                    $((Overlay::$sv $(($($sf),+))?, On::Start(v)) => $sm::draw($($($sf,)+)? c, v, area, buf, t),)*
                    $((Overlay::$dv $(($($df),+))?, On::Draft(s)) => $dm::draw($($($df,)+)? c, s, area, buf, t),)*
                    // A window over the other screen is never open (the App closes it on leaving).
                    _ => None,
                }
            }
        }
    };
}

windows! {
    any {
        Help => help,
        About => about,
    }
    start {
        ConfirmDelete(id, label) => confirm_delete,
        ConfirmErase => confirm_erase,
        NewDraft(input) => new_draft,
        NewPassphrase(label, first, input) => new_passphrase,
        Passphrase(id, label, input) => passphrase,
        Rename(id, input) => rename,
    }
    draft {
        Why(item) => why,
        Jump(sel) => jump,
        Stop(view) => stop,
        Attach(dialog) => attach,
        Search(input, sel) => search,
        ReadBack => read_back,
        Next(view) => next,
        Note(question, input) => note,
        History => history,
    }
}

/// Scrolls the open window's text by `by` wrapped lines (negative: up).
pub(super) fn scroll(at: &mut u16, by: i32) {
    *at = if by < 0 { at.saturating_sub(by.unsigned_abs() as u16) } else { at.saturating_add(by as u16) };
}

#[cfg(test)]
mod tests {
    use crate::engine::Lang;
    use crate::tui::view::hints_line;
    use unicode_width::UnicodeWidthStr;

    /// The dialogs' footers are one row each: at 80 columns nothing may be cut, in either language.
    #[test]
    fn fixed_footers_fit_80_columns_in_both_languages() {
        let fixed = [
            super::stop::KEYS,
            super::stop::PAPER_KEYS,
            super::stop::CAUTION_KEYS,
            super::new_draft::KEYS,
            super::passphrase::KEYS,
            super::new_passphrase::KEYS,
            super::confirm_delete::KEYS,
            super::confirm_erase::KEYS,
            super::rename::KEYS,
            super::attach::KEYS,
            super::note::KEYS,
            super::next::KEYS,
            super::next::ASK_KEYS,
            super::next::PAPER_KEYS,
        ];
        for lang in [Lang::En, Lang::Fr] {
            for hints in fixed {
                let line = hints_line(lang, hints);
                assert!(line.width() <= 80, "{lang}: {} columns: {line}", line.width());
            }
        }
        // The keys are named as each language's keyboards label them.
        assert_eq!(
            hints_line(Lang::Fr, super::stop::CAUTION_KEYS),
            "u/Entrée Je comprends · c modifier la réponse · q quitter"
        );
        assert_eq!(
            hints_line(Lang::Fr, super::confirm_delete::KEYS),
            "o supprimer · toute autre touche le garde"
        );
    }
}
