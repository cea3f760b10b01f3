//! "Attach a file" (F7 on a document's file question): the path typed, Tab moves to the "explanation
//! letter instead" choice (Space ticks it), Enter attaches, Esc cancels. The dialog's state and the
//! attaching are in `attach_flow`; drawn by `view::attach`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Footer, Outcome, Overlay};
use crate::tui::app::Session;
use crate::tui::attach_flow::{AttachDialog, CANCELLED};
use crate::tui::draft_screen::DraftScreen;
use crate::tui::i18n;
use crate::tui::keymap::Action;
use crate::tui::keymap::{ENTER, ESC, SPACE, TAB};
use crate::tui::view::{Ctx, Hint, Theme, hint, words};

/// The footer: type the path, Tab to the letter choice, Space ticks it, Enter attaches.
pub const KEYS: &[Hint] = &[
    words(i18n::W_TYPE_PATH),
    hint(TAB, i18n::W_PATH_OR_LETTER),
    hint(SPACE, i18n::W_TICK),
    hint(ENTER, i18n::W_ATTACH_NOW),
    hint(ESC, i18n::W_CANCEL),
];

/// The keys inside the dialog, Enter first.
pub const WINDOW_KEYS: &[Hint] = &[
    hint(ENTER, i18n::W_ATTACH_NOW),
    hint(TAB, i18n::W_PATH_OR_LETTER),
    hint(SPACE, i18n::W_TICK),
    hint(ESC, i18n::W_CANCEL),
];
use crate::tui::widgets::{FieldKey as K, TextInput};

pub fn handle(mut d: AttachDialog, on: &mut DraftScreen, action: Action) -> Outcome {
    match action {
        Action::Back => {
            *on.status = Some(CANCELLED.get(on.lang).into());
            return Outcome::Close;
        }
        Action::Quit => {
            on.quit();
            return Outcome::Close;
        }
        Action::Key(K::Enter) => {
            return match on.attach_now(&d) {
                Ok(()) => Outcome::Close,
                Err(e) => {
                    d.error = Some(e);
                    Outcome::Changed(Overlay::Attach(d))
                }
            };
        }
        Action::FocusNext | Action::FocusPrev | Action::Key(K::Up) | Action::Key(K::Down) => {
            d.on_toggle = !d.on_toggle
        }
        Action::Key(K::Char(' ')) if d.on_toggle => d.explanation = !d.explanation,
        Action::Key(k) if !d.on_toggle => {
            if std::mem::take(&mut d.prefilled) && matches!(k, K::Char(_) | K::Paste(_)) {
                d.input = TextInput::new(String::new());
            }
            d.input.edit(&k);
            d.error = None;
        }
        _ => {}
    }
    Outcome::Keep(Overlay::Attach(d))
}

pub fn takes_text(d: &AttachDialog) -> bool {
    !d.on_toggle
}

pub fn footer(_d: &AttachDialog, _s: &Session) -> Footer {
    Footer::Line(KEYS)
}

pub fn draw(
    d: &AttachDialog,
    c: Ctx,
    _s: &Session,
    area: Rect,
    buf: &mut Buffer,
    t: Theme,
) -> Option<(u16, u16)> {
    crate::tui::view::attach::render(c, d, area, buf, t)
}
