//! The TUI's words in both languages (issue 14): percentages written as Canadian French writes
//! them, the "Why is this on my list?" status with the French colon, and a guide quote whose
//! "translated by citcert" note stands after the closing », outside the quotation.

use crate::common::{day, q};
use citcert::engine::{Answers, Lang};
use citcert::tui::app::App;
use citcert::tui::keymap::Action;
use citcert::tui::render::{draw_text, goto};
use citcert::tui::store::MemStore;
use citcert::tui::widgets::FieldKey;

const TODAY: &str = "2025-06-10";
const NOTE: &str = "(traduction de citcert; le texte officiel est celui du guide en français)";

fn store() -> MemStore {
    MemStore::new(day(TODAY)).with(
        "Test person",
        day("2025-05-01"),
        crate::common::answers_file("personas/P01"),
        None,
    )
}

/// The drafts list, in `lang`.
fn start(lang: Lang) -> App<'static> {
    let mut app = App::new(q(), lang, day(TODAY), Box::new(store()));
    app.color = false;
    app
}

/// The one draft opened on `screen`, in `lang`.
fn at(lang: Lang, answers: Answers, screen: &str) -> App<'static> {
    let store = MemStore::new(day(TODAY)).with("Test person", day("2025-05-01"), answers, None);
    let mut app = App::new(q(), lang, day(TODAY), Box::new(store));
    app.color = false;
    app.update(Action::Key(FieldKey::Enter));
    goto(&mut app, None, screen).unwrap();
    app
}

/// The words inside the window whose title row holds `title`, its rows joined into one line
/// (words the window wrapped read on); the screen behind it left out.
fn window(text: &str, title: &str) -> String {
    let rows: Vec<Vec<char>> = text.lines().map(|l| l.chars().collect()).collect();
    let top = rows.iter().position(|r| r.iter().collect::<String>().contains(title)).expect(title);
    let left = rows[top].iter().position(|&c| c == '┌').unwrap();
    let right = rows[top].iter().position(|&c| c == '┐').unwrap();
    let mut words = vec![];
    for r in &rows[top + 1..] {
        if r.get(left) == Some(&'└') {
            break;
        }
        let inside: String = r.iter().skip(left + 1).take(right - left - 1).collect();
        words.push(inside.trim().to_string());
    }
    words.join(" ")
}

#[test]
fn percentages_have_a_space_before_the_sign_in_french_only() {
    let en = draw_text(&start(Lang::En), 100, 24);
    let fr = draw_text(&start(Lang::Fr), 100, 24);
    let pct = start(Lang::En).progress(0);
    assert!(en.contains(&format!(" {pct}%")), "{en}");
    assert!(fr.contains(&format!(" {pct} %")) && !fr.contains(&format!("{pct}%")), "{fr}");
    // The progress column stays aligned under its heading, in both languages.
    for text in [&en, &fr] {
        let head = text.lines().find(|l| l.contains("Progress") || l.contains("Progrès")).unwrap();
        let row = text.lines().find(|l| l.contains("Test person")).unwrap();
        use unicode_width::UnicodeWidthStr;
        assert_eq!(head.width(), row.width(), "{text}");
    }

    // The header's bar, with and without colour.
    for color in [false, true] {
        let mut en = at(Lang::En, crate::common::answers_file("personas/P01"), "S4");
        let mut fr = at(Lang::Fr, crate::common::answers_file("personas/P01"), "S4");
        en.color = color;
        fr.color = color;
        let pct = en.draft().unwrap().ev.progress_percent(q());
        let (en, fr) = (draw_text(&en, 100, 30), draw_text(&fr, 100, 30));
        let header = |t: &str| t.lines().nth(1).unwrap().to_string();
        assert!(header(&en).contains(&format!("{pct}%")), "{en}");
        assert!(header(&fr).contains(&format!("{pct} %")), "{fr}");
        assert!(!header(&fr).contains(&format!("{pct}%")), "{fr}");
    }
}

#[test]
fn why_window_status_takes_the_french_colon() {
    let en = draw_text(&at(Lang::En, crate::common::answers_file("personas/P01"), "why"), 100, 60);
    let fr = draw_text(&at(Lang::Fr, crate::common::answers_file("personas/P01"), "why"), 100, 60);
    assert!(en.contains("│Status: "), "{en}");
    assert!(fr.contains("│État : "), "{fr}");
    assert!(!fr.contains("État:"), "{fr}");
}

#[test]
fn a_french_guide_quote_closes_before_the_translation_note() {
    // The questionnaire holds the guide's words only; the note is added where the quote is shown.
    let mut quotes = 0;
    for rule in &q().rules {
        let Some(quote) = &rule.quote else { continue };
        quotes += 1;
        assert!(!quote.fr.contains("traduction de citcert"), "{}: {}", rule.id, quote.fr);
        let en = rule.quote_words(Lang::En).unwrap();
        assert_eq!(en, format!("“{}”", quote.en), "{}", rule.id);
        let fr = rule.quote_words(Lang::Fr).unwrap();
        assert_eq!(fr, format!("« {} » {NOTE}", quote.fr), "{}", rule.id);
        assert_eq!(fr.matches("traduction de citcert").count(), 1, "{fr}");
    }
    assert!(quotes >= 10, "the built-in rules quote the guide: {quotes}");

    // The TUI's stop window: the quotation, closed, then the note, then where it is in the guide.
    let stop = |lang, title| {
        let text = draw_text(&at(lang, crate::common::answers_file("personas/P24"), "stop"), 100, 40);
        window(&text, title)
    };
    let en = stop(Lang::En, "You cannot go on online");
    let fr = stop(Lang::Fr, "Impossible de continuer en ligne");
    assert!(fr.contains(&format!("l’avoir. » {NOTE} (Guide : ")), "{fr}");
    assert!(!fr.contains(&format!("l’avoir. {NOTE}")), "{fr}");
    assert!(en.contains("“You can always regain access"), "{en}");
    assert!(!en.contains("traduction"), "{en}");
}

#[test]
fn plain_mode_shows_the_french_note_after_the_quote() {
    let dir = tempfile::tempdir().unwrap();
    let q = q();
    let st01 = q.rules.iter().find(|r| r.id == "ST-01").unwrap();
    let quote = st01.quote.as_ref().unwrap();
    // A new draft, its name, then 1.1 and 1.2 by number: for myself, then "change or correct" (a stop).
    let (_, out) = crate::common::plain_session(dir.path(), "new\nT\n1\n4\nquit\n", Lang::Fr, None, TODAY);
    assert!(out.contains(&format!("Guide : « {} » {NOTE}", quote.fr)), "{out}");
    let (_, out) = crate::common::plain_session(dir.path(), "new\nT\n1\n4\nquit\n", Lang::En, None, TODAY);
    assert!(out.contains(&format!("Guide: “{}”", quote.en)), "{out}");
}
