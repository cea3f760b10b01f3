//! The name of a new draft (n on the drafts list): typed, Tab chooses to lock it with a passphrase,
//! Enter creates it (or asks for the passphrase), Esc cancels.

use crate::words::Explain;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::{Footer, Outcome, Overlay};
use crate::engine::Lang;
use crate::tui::app::App;
use crate::tui::i18n;
use crate::tui::keymap::Action;
use crate::tui::keymap::{ENTER, ESC, TAB};
use crate::tui::view::{Ctx, Hint, StartView, Theme, hint, join_hints, popup, words};

/// The footer: type, Tab locks, Enter creates, Esc cancels.
pub const KEYS: &[Hint] = &[
    words(i18n::W_TYPE_NAME),
    hint(TAB, i18n::W_LOCK),
    hint(ENTER, i18n::W_CREATE),
    hint(ESC, i18n::W_CANCEL),
];

/// The keys inside the new-draft windows (name and passphrase): "Enter create      Esc cancel".
pub fn window_keys(lang: Lang) -> String {
    join_hints(lang, &[hint(ENTER, i18n::W_CREATE), hint(ESC, i18n::W_CANCEL)], " ", "      ")
}
use crate::tui::widgets::{FieldKey as K, TextInput};

pub fn handle(mut input: TextInput, app: &mut App, action: Action) -> Outcome {
    match action {
        Action::Key(K::Enter) if app.new_draft_locked => match crate::drafts::check_label(&input.value) {
            Ok(label) => return Outcome::Open(Overlay::NewPassphrase(label, None, Default::default())),
            Err(e) => app.status = Some(i18n::not_created(app.lang, &e.words(app.lang))),
        },
        Action::FocusNext | Action::FocusPrev => app.new_draft_locked = !app.new_draft_locked,
        Action::Key(K::Enter) => match app.store.create(&input.value, app.lang) {
            Ok(d) => {
                app.open_draft(d);
                return Outcome::Close;
            }
            Err(e) => app.status = Some(i18n::not_created(app.lang, &e.words(app.lang))),
        },
        Action::Back => return Outcome::Close,
        Action::Quit => app.quit = true,
        Action::Key(k) => {
            input.edit(&k);
        }
        _ => {}
    }
    Outcome::Keep(Overlay::NewDraft(input))
}

pub fn takes_text(_input: &TextInput) -> bool {
    true
}

pub fn footer(_input: &TextInput) -> Footer {
    Footer::Line(KEYS)
}

pub fn draw(
    input: &TextInput,
    c: Ctx,
    v: StartView,
    area: Rect,
    buf: &mut Buffer,
    t: Theme,
) -> Option<(u16, u16)> {
    let l = c.lang;
    let lines = vec![
        Line::raw(i18n::NEW_DRAFT_NAME.get(l)),
        Line::raw(format!("[{}]", input.value)),
        Line::raw(""),
        Line::raw(i18n::lock_choice(l, v.new_draft_locked)),
        Line::raw(window_keys(l)),
    ];
    let r = popup(i18n::T_NEW_DRAFT.get(l), lines, 56, area, buf, t);
    Some((r.x + 2 + input.cursor_col() as u16, r.y + 2))
}
