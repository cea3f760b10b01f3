//! The passphrase of a new locked draft, typed twice (shown masked): Enter checks it (at least 8
//! characters) then asks for it again; the two must match before the draft is created.

use crate::words::Explain;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::{Footer, Outcome, Overlay};
use crate::drafts::protect::Passphrase;
use crate::tui::app::App;
use crate::tui::i18n;
use crate::tui::keymap::Action;
use crate::tui::keymap::{ENTER, ESC};
use crate::tui::view::{Ctx, Hint, StartView, Theme, hint, popup, words};
use crate::tui::widgets::{FieldKey as K, SecretInput};

pub fn handle(
    label: String,
    first: Option<Passphrase>,
    mut input: SecretInput,
    app: &mut App,
    action: Action,
) -> Outcome {
    match action {
        Action::Key(K::Enter) => {
            let typed = input.take();
            match first {
                None => match Passphrase::new_for_lock(&typed) {
                    Ok(p) => Outcome::Keep(Overlay::NewPassphrase(label, Some(p), input)),
                    Err(e) => {
                        app.status = Some(i18n::not_created(app.lang, e.get(app.lang)));
                        Outcome::Keep(Overlay::NewPassphrase(label, None, input))
                    }
                },
                Some(p) if Passphrase::new(&typed).is_ok_and(|a| a.same_as(&p)) => {
                    match app.store.create_locked(&label, app.lang, p) {
                        Ok(d) => app.open_draft(d),
                        Err(e) => app.status = Some(i18n::not_created(app.lang, &e.words(app.lang))),
                    }
                    Outcome::Close
                }
                Some(_) => {
                    app.status = Some(i18n::PASSPHRASES_DIFFER.get(app.lang).into());
                    Outcome::Keep(Overlay::NewPassphrase(label, None, input))
                }
            }
        }
        Action::Back => Outcome::Close,
        Action::Quit => {
            app.quit = true;
            Outcome::Keep(Overlay::NewPassphrase(label, first, input))
        }
        Action::Key(k) => {
            input.edit(&k);
            Outcome::Keep(Overlay::NewPassphrase(label, first, input))
        }
        _ => Outcome::Keep(Overlay::NewPassphrase(label, first, input)),
    }
}

pub fn takes_text(_label: &str, _first: &Option<Passphrase>, _input: &SecretInput) -> bool {
    true
}

/// Enter creates the draft (after the second typing), as the window says; not "open".
pub const KEYS: &[Hint] =
    &[words(i18n::W_TYPE_PASSPHRASE), hint(ENTER, i18n::W_CREATE), hint(ESC, i18n::W_CANCEL)];

pub fn footer(_label: &str, _first: &Option<Passphrase>, _input: &SecretInput) -> Footer {
    Footer::Line(KEYS)
}

/// Masked: one • per character typed; the passphrase itself is never drawn.
#[allow(
    clippy::too_many_arguments,
    reason = "the window's three fields, then what every window is drawn with"
)]
pub fn draw(
    _label: &str,
    first: &Option<Passphrase>,
    input: &SecretInput,
    c: Ctx,
    _v: StartView,
    area: Rect,
    buf: &mut Buffer,
    t: Theme,
) -> Option<(u16, u16)> {
    let l = c.lang;
    let n = input.chars();
    let ask = if first.is_some() { i18n::PASSPHRASE_AGAIN } else { i18n::NEW_PASSPHRASE };
    let lines = vec![
        Line::raw(ask.get(l)),
        Line::raw(format!("[{}]", "•".repeat(n))),
        Line::raw(""),
        Line::raw(super::new_draft::window_keys(l)),
    ];
    let r = popup(i18n::T_NEW_DRAFT.get(l), lines, 56, area, buf, t);
    Some((r.x + 2 + input.cursor() as u16, r.y + 2))
}
