//! The passphrase of a locked draft being opened (shown masked): Enter opens it, a wrong one is
//! said and the field empties; Esc cancels.

use crate::words::Explain;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::{Footer, Outcome, Overlay};
use crate::tui::app::App;
use crate::tui::i18n;
use crate::tui::keymap::Action;
use crate::tui::keymap::{ENTER, ESC};
use crate::tui::view::{Ctx, Hint, StartView, Theme, hint, join_hints, popup, words};

/// The footer of both passphrase windows.
pub const KEYS: &[Hint] =
    &[words(i18n::W_TYPE_PASSPHRASE), hint(ENTER, i18n::W_OPEN), hint(ESC, i18n::W_CANCEL)];
use crate::tui::widgets::{FieldKey as K, SecretInput};

pub fn handle(id: String, label: String, mut input: SecretInput, app: &mut App, action: Action) -> Outcome {
    match action {
        Action::Key(K::Enter) => {
            let typed = input.take();
            match app.store.open_with_passphrase(&id, &typed) {
                Ok(d) => {
                    app.open_draft(d);
                    if let Some(why) = app.store.read_only() {
                        app.status = Some(i18n::read_only(app.lang, why.get(app.lang)));
                    }
                    Outcome::Close
                }
                Err(e) => {
                    app.status = Some(i18n::not_opened(app.lang, &e.words(app.lang)));
                    Outcome::Changed(Overlay::Passphrase(id, label, SecretInput::default()))
                }
            }
        }
        Action::Back => Outcome::Close,
        Action::Quit => {
            app.quit = true;
            Outcome::Keep(Overlay::Passphrase(id, label, input))
        }
        Action::Key(k) => {
            input.edit(&k);
            Outcome::Keep(Overlay::Passphrase(id, label, input))
        }
        _ => Outcome::Keep(Overlay::Passphrase(id, label, input)),
    }
}

pub fn takes_text(_id: &str, _label: &str, _input: &SecretInput) -> bool {
    true
}

pub fn footer(_id: &str, _label: &str, _input: &SecretInput) -> Footer {
    Footer::Line(KEYS)
}

/// Masked: one • per character typed; the passphrase itself is never drawn.
#[allow(
    clippy::too_many_arguments,
    reason = "the window's three fields, then what every window is drawn with"
)]
pub fn draw(
    id: &str,
    label: &str,
    input: &SecretInput,
    c: Ctx,
    _v: StartView,
    area: Rect,
    buf: &mut Buffer,
    t: Theme,
) -> Option<(u16, u16)> {
    let l = c.lang;
    let n = input.chars();
    let lines = vec![
        Line::raw(i18n::passphrase_of(l, id, label)),
        Line::raw(format!("[{}]", "•".repeat(n))),
        Line::raw(""),
        Line::raw(join_hints(l, &[hint(ENTER, i18n::W_OPEN), hint(ESC, i18n::W_CANCEL)], " ", "      ")),
    ];
    let r = popup(i18n::T_PASSPHRASE.get(l), lines, 56, area, buf, t);
    Some((r.x + 2 + input.cursor() as u16, r.y + 2))
}
