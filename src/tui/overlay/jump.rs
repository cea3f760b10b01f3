//! The jump list (Ctrl-G, F4): every screen with its state, like a task list (done, N to answer,
//! N errors, not asked). ↑↓ choose, digits type a screen number, Enter goes, Esc closes.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use unicode_width::UnicodeWidthStr;

use super::{Footer, Outcome, Overlay};
use crate::session::journey::ScreenState;
use crate::tui::app::Session;
use crate::tui::draft_screen::DraftScreen;
use crate::tui::i18n;
use crate::tui::keymap::Action;
use crate::tui::view::{Ctx, Theme, hint, popup_scroll, truncate};
use crate::tui::widgets::FieldKey as K;

pub fn handle(sel: usize, d: &mut DraftScreen, action: Action) -> Outcome {
    let screens = d.s.jump_screens(d.q);
    let last = screens.len().saturating_sub(1);
    if !matches!(action, Action::Key(K::Char(c)) if c.is_ascii_digit()) {
        d.jump_typed.clear();
    }
    let to = match action {
        Action::Key(K::Up) | Action::FocusPrev => sel.saturating_sub(1),
        Action::Key(K::Down) | Action::FocusNext => (sel + 1).min(last),
        Action::Key(K::Home) => 0,
        Action::Key(K::End) => last,
        Action::PrevScreen => sel.saturating_sub(5),
        Action::NextScreen => (sel + 5).min(last),
        Action::Key(K::Char(c)) if c.is_ascii_digit() => return digit(sel, d, c, &screens),
        Action::Key(K::Enter) => match screens.get(sel) {
            Some(&t) if d.s.ev.screen_visible[t] => {
                d.goto_screen(t);
                return Outcome::Close;
            }
            Some(&t) => {
                *d.status = Some(i18n::screen_not_asked(d.lang, &d.q.screens[t].number));
                sel
            }
            None => return Outcome::Close,
        },
        Action::Quit => {
            d.quit();
            sel
        }
        Action::Back | Action::JumpList => return Outcome::Close,
        // Any other key does nothing here rather than closing the list unseen.
        _ => sel,
    };
    Outcome::Keep(Overlay::Jump(to))
}

/// A digit: the digits typed so far name a screen by its number. One screen only can be meant: it
/// opens; several numbers start with them ("1" → 1, 10, 11…): the first is highlighted and the next
/// digit or Enter decides; none: said, and the digits start over.
fn digit(sel: usize, d: &mut DraftScreen, c: char, screens: &[usize]) -> Outcome {
    d.jump_typed.push(c);
    let typed = d.jump_typed.clone();
    let number = |k: usize| d.q.screens[screens[k]].number.as_str();
    let starting: Vec<usize> = (0..screens.len()).filter(|&k| number(k).starts_with(&typed)).collect();
    let exact = starting.iter().copied().find(|&k| number(k) == typed);
    match (exact, starting.len()) {
        (_, 0) => {
            d.jump_typed.clear();
            *d.status = Some(i18n::no_such_screen(d.lang, &typed));
            Outcome::Keep(Overlay::Jump(sel))
        }
        (Some(k), 1) => {
            d.jump_typed.clear();
            let t = screens[k];
            if d.s.ev.screen_visible[t] {
                d.goto_screen(t);
                Outcome::Close
            } else {
                *d.status = Some(i18n::screen_not_asked(d.lang, &typed));
                Outcome::Keep(Overlay::Jump(k))
            }
        }
        (exact, _) => {
            *d.status = Some(i18n::jump_more_digits(d.lang, &typed));
            Outcome::Keep(Overlay::Jump(exact.unwrap_or(starting[0])))
        }
    }
}

pub fn takes_text(_sel: &usize) -> bool {
    false
}

pub fn footer(_sel: &usize, _s: &Session) -> Footer {
    use crate::tui::keymap::{ENTER, ESC, UP_DOWN};
    Footer::Fit(vec![hint(UP_DOWN, i18n::W_CHOOSE), hint(ENTER, i18n::W_GO), hint(ESC, i18n::W_CLOSE)])
}

/// Every screen the list shows, one row each: the title gives way, the state is always whole.
pub fn draw(sel: &usize, c: Ctx, s: &Session, area: Rect, buf: &mut Buffer, t: Theme) -> Option<(u16, u16)> {
    let sel = *sel;
    let lang = c.lang;
    // The window's inside: at most 72 wide, within the screen, less its border.
    let inner = (area.width.saturating_sub(4).min(72) as usize).saturating_sub(2);
    let lines: Vec<Line> = s
        .jump_screens(c.q)
        .iter()
        .enumerate()
        .map(|(k, &sc)| {
            let screen = &c.q.screens[sc];
            let here = if sc == s.screen { i18n::HERE.get(lang) } else { "" };
            let state = crate::session::journey::screen_state(c.q, &s.ev, sc);
            // A document screen whose answers are done but whose file is not: say so.
            let doc = screen.item.and_then(|i| s.rd.items.iter().find(|r| r.id == c.q.items[i].id));
            let doc_left = doc.filter(|r| !r.ok && r.status != "missing" && state == ScreenState::Done);
            let mark = match state {
                _ if doc_left.is_some() => "?",
                ScreenState::Done => "✓",
                ScreenState::ToAnswer(_) => "*",
                ScreenState::Errors(_) => "✗",
                ScreenState::NotAsked => "·",
            };
            let words = doc_left.map_or_else(|| state.words(lang), |r| r.shown_status(lang).to_string());
            let head = format!("{}{mark} {:>5}  ", if k == sel { "›" } else { " " }, screen.number);
            let tail = format!("{here} — {words}");
            let room = inner.saturating_sub(head.width() + tail.width());
            let text = format!("{head}{}{tail}", truncate(screen.title.get(lang), room));
            let style = match state {
                _ if k == sel => t.focus().add_modifier(Modifier::REVERSED),
                _ if doc_left.is_some() => t.warn(),
                ScreenState::Errors(_) => t.error(),
                ScreenState::NotAsked => t.dim(),
                _ => Style::default(),
            };
            Line::styled(text, style)
        })
        .collect();
    // The highlighted row stays in view: at 80×24 the last screens (review, fees) are below the
    // window's bottom, and End or typing "13" would otherwise highlight a row nobody sees.
    let rows = usize::from(area.height.saturating_sub(4)).max(1);
    let scroll = u16::try_from((sel + 1).saturating_sub(rows)).unwrap_or(u16::MAX);
    popup_scroll(i18n::T_JUMP.get(lang), lines, 72, scroll, area, buf, t);
    None
}
