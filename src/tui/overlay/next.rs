//! "What happens next": the last window, after the declaration and the fee (or PgDn on the last
//! screen). Whether the application is ready (answers and files), the steps in citcert (export the
//! summary, build the signed package: e and p here), then in the IRCC online account and after
//! submission (`session::journey::next_steps`).

use crate::words::Explain;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::{Footer, Outcome, Overlay};
use crate::engine::ScreenKind;
use crate::tui::app::Session;
use crate::tui::draft_screen::DraftScreen;
use crate::tui::i18n;
use crate::tui::keymap::Action;
use crate::tui::keymap::{E, ENTER, ESC, P, R, SCROLL};
use crate::tui::view::{Ctx, Hint, Theme, hint, hints_line, popup_scroll, words, wrap};

/// The steps: export, package, review, close (shown in the window and the footer).
pub const KEYS: &[Hint] = &[
    hint(E, i18n::W_EXPORT_SUMMARY),
    hint(P, i18n::W_BUILD_PACKAGE),
    hint(R, i18n::W_REVIEW),
    hint(ESC, i18n::W_CLOSE),
];
/// The paper route: the summary to print, review, close.
pub const PAPER_KEYS: &[Hint] =
    &[hint(E, i18n::W_PRINT_SUMMARY), hint(R, i18n::W_REVIEW), hint(ESC, i18n::W_CLOSE)];
/// A folder being typed.
pub const ASK_KEYS: &[Hint] =
    &[words(i18n::W_TYPE_FOLDER), hint(ENTER, i18n::W_GO_FOLDER), hint(ESC, i18n::W_BACK)];
use crate::tui::widgets::{FieldKey as K, TextInput};

/// The last window: what happens next, and the two things citcert does from here.
#[derive(Clone, Debug, PartialEq)]
pub struct NextView {
    /// Typing the folder for the summary (`Export`) or the package (`Package`); None: the steps.
    pub asking: Option<NextAction>,
    pub input: TextInput,
    /// The folder shown was suggested: the first character typed or pasted replaces it.
    pub suggested: bool,
    /// What the last export or package did (or why it was refused), in the words of the moment.
    pub result: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NextAction {
    Export,
    Package,
}

/// e asks for the summary's folder, p for the package's (refused in paper mode), r goes to the
/// review, c, f or Esc close; while a folder is asked, keys type it, Enter runs, Esc goes back.
pub fn handle(mut v: NextView, d: &mut DraftScreen, action: Action) -> Outcome {
    let paper = d.s.paper_mode;
    match (v.asking, action) {
        (_, Action::Quit) => {
            d.quit();
            return Outcome::Keep(Overlay::Next(v));
        }
        (Some(_), Action::Back) => v.asking = None,
        (None, Action::Back | Action::Key(K::Char('c' | 'C' | 'f' | 'F'))) => return Outcome::Close,
        (None, Action::Key(K::Char('e' | 'E'))) => {
            v.asking = Some(NextAction::Export);
            v.input = TextInput::new(default_folder());
            v.suggested = true;
        }
        (None, Action::Key(K::Char('p' | 'P'))) if paper => {
            let refused = vec![i18n::N_NO_PACKAGE_ON_PAPER.get(d.lang).to_string()];
            if v.result == refused {
                return Outcome::Keep(Overlay::Next(v));
            }
            v.result = refused;
        }
        (None, Action::Key(K::Char('p' | 'P'))) => {
            // Not ready: every reason at once, before a folder is asked for nothing.
            d.commit_pending();
            let clock = crate::clock::Clock::Fixed(d.today);
            if let Some(e) = crate::documents::handoff::package_refused(d.q, &d.s.source(), &clock, d.lang) {
                v.result = e.words(d.lang).lines().map(|l| format!("✗ {l}")).collect();
                *d.scroll = 0;
                return Outcome::Changed(Overlay::Next(v));
            }
            v.asking = Some(NextAction::Package);
            let id = d.s.draft.id.clone();
            let dir = std::path::Path::new(&default_folder()).join(format!("citcert-package-{id}"));
            v.input = TextInput::new(dir.to_string_lossy().into_owned());
            v.suggested = true;
        }
        (None, Action::Key(K::Char('r' | 'R'))) | (None, Action::Review) => {
            if let Some(r) = d.q.screens.iter().position(|x| x.kind == ScreenKind::Review) {
                d.goto_screen(r);
            }
            return Outcome::Close;
        }
        (Some(what), Action::Key(K::Enter)) => {
            v.result = run_next(d, what, v.input.value.trim());
            v.asking = None;
            // The result stands at the top of the window: show it.
            *d.scroll = 0;
        }
        (Some(_), Action::Key(k)) => {
            if std::mem::take(&mut v.suggested) && matches!(k, K::Char(_) | K::Paste(_)) {
                v.input = TextInput::default();
            }
            v.input.edit(&k);
        }
        (None, Action::Key(K::Up)) => {
            super::scroll(d.scroll, -1);
            return Outcome::Keep(Overlay::Next(v));
        }
        (None, Action::Key(K::Down)) => {
            super::scroll(d.scroll, 1);
            return Outcome::Keep(Overlay::Next(v));
        }
        (None, Action::PrevScreen) => {
            super::scroll(d.scroll, -10);
            return Outcome::Keep(Overlay::Next(v));
        }
        (None, Action::NextScreen) => {
            super::scroll(d.scroll, 10);
            return Outcome::Keep(Overlay::Next(v));
        }
        _ => return Outcome::Keep(Overlay::Next(v)),
    }
    Outcome::Changed(Overlay::Next(v))
}

pub fn takes_text(v: &NextView) -> bool {
    v.asking.is_some()
}

pub fn footer(v: &NextView, s: &Session) -> Footer {
    let keys = match v.asking {
        Some(_) => return Footer::Line(ASK_KEYS),
        None if s.paper_mode => PAPER_KEYS,
        None => KEYS,
    };
    // The window's keys always; scrolling too where the row has room.
    Footer::Fit(keys.iter().copied().chain([hint(SCROLL, i18n::W_SCROLL)]).collect())
}

pub fn draw(v: &NextView, c: Ctx, s: &Session, area: Rect, buf: &mut Buffer, t: Theme) -> Option<(u16, u16)> {
    render(c, s, v, area, buf, t)
}

/// The folder suggested for an export or a package: the home folder, else the current one.
fn default_folder() -> String {
    std::env::var("HOME").ok().filter(|h| !h.is_empty()).unwrap_or_else(|| ".".into())
}

/// Exports the summary into a folder, or builds the package in a new folder; what happened, in
/// lines. The package is refused (with every reason) unless everything is ready.
fn run_next(d: &mut DraftScreen, what: NextAction, typed: &str) -> Vec<String> {
    d.commit_pending();
    let (q, lang) = (d.q, d.lang);
    let s = &*d.s;
    if typed.is_empty() {
        return vec![i18n::TYPE_FOLDER_FIRST.get(lang).into()];
    }
    let dir = crate::session::files::expand_home(typed);
    let src = s.source();
    let clock = crate::clock::Clock::Fixed(d.today);
    match what {
        NextAction::Export if s.paper_mode => {
            let stem = format!("citcert-paper-{}", s.draft.id);
            match crate::session::paper::write_summary(q, &s.ev, &s.draft.label, &dir, &stem, lang) {
                Ok(files) => files.iter().map(|f| i18n::wrote(lang, f)).collect(),
                Err(e) => vec![format!("✗ {}", e.get(lang))],
            }
        }
        NextAction::Export => {
            let stem = format!("citcert-summary-{}", s.draft.id);
            match crate::documents::handoff::write_summary(q, &src, &dir, &stem, &clock, lang) {
                Ok(files) => files.iter().map(|f| i18n::wrote(lang, f)).collect(),
                Err(e) => vec![format!("✗ {}", e.get(lang))],
            }
        }
        NextAction::Package => match crate::documents::handoff::build_package(q, &src, &dir, &clock, lang) {
            Ok(built) => {
                let mut v: Vec<String> = built.notices.iter().map(|n| n.get(lang).to_string()).collect();
                v.extend(built.lines(lang).into_iter().take(1).map(|l| format!("✓ {l}")));
                v
            }
            Err(e) => e.words(lang).lines().map(|l| format!("✗ {l}")).collect(),
        },
    }
}

fn render(c: Ctx, s: &Session, v: &NextView, area: Rect, buf: &mut Buffer, t: Theme) -> Option<(u16, u16)> {
    let lang = c.lang;
    // The window is at most 88 wide, with a border and a margin: wrap to its inside.
    let w = (area.width.min(88) as usize).saturating_sub(6).max(20);
    let ready = s.ready();
    let mut lines: Vec<Line> = vec![];
    let paper = s.paper_mode.then_some(s);
    if let Some(s) = paper {
        // The paper route: which application and why, the documents in substance, payment.
        for l in crate::session::paper::screen_lines(c.q, &s.ev, lang, c.show_codes) {
            let head = l.ends_with(':');
            let wrapped = wrap(&l, w, "", "  ");
            lines.extend(
                wrapped.into_iter().map(|x| if head { Line::styled(x, t.focus()) } else { Line::raw(x) }),
            );
        }
    } else if ready {
        lines.push(Line::styled(i18n::N_READY.get(lang), t.ok()));
    } else {
        lines.extend(
            wrap(i18n::N_NOT_READY.get(lang), w, "", "").into_iter().map(|l| Line::styled(l, t.error())),
        );
    }
    // What the last export or package did, first, where the eye is after Enter.
    if !v.result.is_empty() {
        lines.push(Line::raw(""));
        for r in &v.result {
            let st = if r.starts_with('✗') { t.error() } else { t.ok() };
            lines.extend(wrap(r, w, "", "  ").into_iter().map(|l| Line::styled(l, st)));
        }
    }
    lines.push(Line::raw(""));
    let steps = if paper.is_some() { vec![] } else { crate::session::journey::next_steps(ready, lang) };
    for step in steps.into_iter().skip(usize::from(!ready)) {
        let head = step.ends_with(':');
        let wrapped = wrap(&step, w, "", "   ");
        lines.extend(
            wrapped.into_iter().map(|l| if head { Line::styled(l, t.focus()) } else { Line::raw(l) }),
        );
    }
    lines.push(Line::raw(""));
    let mut cursor_row = None;
    match v.asking {
        Some(what) => {
            let label = match what {
                NextAction::Export if paper.is_some() => i18n::N_PAPER_FOLDER,
                NextAction::Export => i18n::N_EXPORT_FOLDER,
                NextAction::Package => i18n::N_PACKAGE_FOLDER,
            };
            lines.extend(wrap(label.get(lang), w, "", "").into_iter().map(|l| Line::styled(l, t.focus())));
            cursor_row = Some(lines.len());
            lines.push(Line::raw(format!("[{}]", v.input.value)));
            lines.push(Line::styled(hints_line(lang, ASK_KEYS), t.dim()));
        }
        None if paper.is_some() => lines.push(Line::styled(hints_line(lang, PAPER_KEYS), t.focus())),
        None => lines.push(Line::styled(hints_line(lang, KEYS), t.focus())),
    }
    // Keep the folder being typed in view: scroll so that the last lines show.
    let h = area.height.saturating_sub(4) as usize;
    let scroll = if v.asking.is_some() { lines.len().saturating_sub(h) as u16 } else { c.scroll };
    let title = if paper.is_some() { i18n::T_PAPER } else { i18n::T_NEXT };
    let r = popup_scroll(title.get(lang), lines, 88, scroll, area, buf, t);
    cursor_row.map(|row| (r.x + 1 + v.input.cursor_col() as u16, r.y + (row as u16).saturating_sub(scroll)))
}
