//! What the TUI shows (issue 13): agent notes with their question and in the review, the live
//! checklist never hiding items silently at 80×24, a progress bar readable without colour, screens
//! numbered as the questions are, and no internal codes on applicant-facing screens. Snapshots at
//! 80×24 and 120×40 in both languages for the screens that changed.

use crate::common;
use crate::common::{day, q};
use citcert::engine::{Answers, Lang};
use citcert::tui::app::App;
use citcert::tui::keymap::Action;
use citcert::tui::render::{draw_text, goto};
use citcert::tui::store::MemStore;
use citcert::tui::widgets::FieldKey;

const TODAY: &str = "2025-06-10";

fn persona(name: &str) -> Answers {
    crate::common::answers_file(name)
}

fn app_on(answers: Answers, lang: Lang) -> App<'static> {
    let store = MemStore::new(day(TODAY)).with("Test person", day("2025-05-01"), answers, None);
    let mut app = App::new(q(), lang, day(TODAY), Box::new(store));
    app.color = false;
    app.update(Action::Key(FieldKey::Enter));
    assert!(app.draft().is_some());
    app
}

fn at(answers: Answers, screen: &str, lang: Lang) -> App<'static> {
    let mut app = app_on(answers, lang);
    goto(&mut app, None, screen).unwrap();
    app
}

fn with_note(mut app: App<'static>, id: &str, note: &str) -> App<'static> {
    app.draft_mut().unwrap().draft.notes.insert(id.into(), note.into());
    app
}

#[test]
fn a_note_shows_with_its_question_and_in_the_review() {
    for lang in [Lang::En, Lang::Fr] {
        let app = with_note(
            at(persona("personas/P01"), "S4", lang),
            "pers.surname",
            "caller will check the grant date",
        );
        let word =
            if lang == Lang::En { "✎ Note: caller will check" } else { "✎ Note : caller will check" };
        for (w, h) in [(80, 24), (120, 40)] {
            let text = draw_text(&app, w, h);
            assert!(text.contains(word), "{text}");
            let name = format!("{}note_s4_p01_{w}x{h}", if lang == Lang::Fr { "fr_" } else { "" });
            insta::assert_snapshot!(name, text);
        }
        let mut app =
            with_note(at(persona("personas/P01"), "review", lang), "pers.surname", "call back Tuesday");
        let text = draw_text(&app, 120, 200);
        assert!(text.contains("call back Tuesday"), "{text}");
        // Control characters in a note written by hand never reach the terminal.
        app = with_note(app, "pers.given_names", "evil\u{1b}[2Jtext\u{202e}");
        let text = draw_text(&app, 120, 200);
        assert!(!text.contains('\u{1b}') && !text.contains('\u{202e}'), "{text}");
        assert!(text.contains("evil\\u{1b}[2Jtext\\u{202e}"), "{text}");
    }
}

/// The checklist rows of an 80×24 screen: the lines after its title.
fn checklist_rows(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    let Some(top) = lines.iter().position(|l| l.contains("Checklist (") || l.contains("Liste de contrôle ("))
    else {
        return vec![];
    };
    lines[top + 1..lines.len() - 1].iter().map(|l| l.to_string()).collect()
}

#[test]
fn the_checklist_counts_what_it_cannot_show_at_80x24() {
    let q = q();
    for lang in [Lang::En, Lang::Fr] {
        for name in ["personas/P01", "personas/P02", "personas/P04", "scenarios/X03"] {
            for sc in &q.screens {
                let mut app = at(persona(name), &sc.id, lang);
                let n = app.draft().unwrap().list(q).len();
                let text = draw_text(&app, 80, 24);
                let rows = checklist_rows(&text);
                if rows.is_empty() {
                    continue;
                }
                let more: usize = rows
                    .iter()
                    .filter_map(|r| r.trim_start().strip_prefix('+'))
                    .map(|r| r.split(' ').next().unwrap().parse::<usize>().unwrap())
                    .sum();
                let items =
                    rows.iter().filter(|r| !r.trim().is_empty() && !r.trim_start().starts_with('+')).count();
                // Every item is shown or counted ("+N more"); the hint line may be one of the rows.
                assert!(
                    items + more >= n,
                    "{name} {} ({lang:?}): {items} shown + {more} counted < {n}\n{text}",
                    sc.id
                );
                app.update(Action::NextScreen);
            }
        }
    }
}

#[test]
fn progress_reads_without_colour_and_screens_are_numbered_as_questions() {
    for lang in [Lang::En, Lang::Fr] {
        let app = at(persona("personas/P01"), "S4", lang);
        let text = draw_text(&app, 80, 24);
        let header = text.lines().nth(1).unwrap();
        assert!(!header.contains('█'), "{header}");
        assert!(header.contains("[#") && header.contains("%"), "{header}");
        let counter = if lang == Lang::En { "Screen 4 of 13" } else { "Écran 4 sur 13" };
        assert!(header.contains(counter), "{header}");
        // The count does not change as questions and document screens appear.
        let empty = draw_text(&at(Answers::default(), "S1", lang), 80, 24);
        let of = if lang == Lang::En { " of 13" } else { " sur 13" };
        assert!(empty.lines().nth(1).unwrap().contains(of), "{empty}");
        let doc = q().screens.iter().find(|s| s.item.is_some()).unwrap();
        let t = draw_text(&at(persona("personas/P01"), &doc.id, lang), 120, 40);
        assert!(t.lines().nth(1).unwrap().contains(&format!("{}{of}", doc.number)), "{t}");
    }
}

#[test]
fn no_internal_codes_on_applicant_screens() {
    let q = q();
    let codes =
        ["STOP_", "CAUTION —", "DOC_BLOCK", "G L", "question id", "identifiant de la question", "CL-"];
    for lang in [Lang::En, Lang::Fr] {
        for name in ["personas/P01", "scenarios/X03", "personas/P24"] {
            let mut states: Vec<String> = q.screens.iter().map(|s| s.id.clone()).collect();
            states.extend(["review", "why", "help"].map(String::from));
            for st in states {
                let app = at(persona(name), &st, lang);
                for (w, h) in [(80, 24), (120, 40)] {
                    let text = draw_text(&app, w, h);
                    for c in codes {
                        assert!(!text.contains(c), "{name} {st} {w}x{h} ({lang:?}) shows {c}\n{text}");
                    }
                }
            }
        }
    }
}

#[test]
fn a_picker_shows_its_current_answer_not_an_empty_filter() {
    use citcert::engine::QType;
    for lang in [Lang::En, Lang::Fr] {
        let mut app = at(persona("personas/P01"), "S4", lang);
        for _ in 0..30 {
            let s = app.draft().unwrap();
            if s.focus.is_some_and(|qi| q().questions[qi].qtype == QType::Country) {
                break;
            }
            app.update(Action::FocusNext);
        }
        let s = app.draft().unwrap();
        let qi = s.focus.unwrap();
        assert_eq!(q().questions[qi].qtype, QType::Country, "a country question on S4");
        let name = s.ev.answer_label(q(), qi, lang).unwrap();
        let change = if lang == Lang::En { "type to change:" } else { "tapez pour changer :" };
        for (w, h) in [(80, 24), (120, 40)] {
            let text = draw_text(&app, w, h);
            assert!(text.contains(&format!("→ {name} · {change} [")), "{text}");
            let snap = format!("{}picker_current_s4_p01_{w}x{h}", if lang == Lang::Fr { "fr_" } else { "" });
            insta::assert_snapshot!(snap, text);
        }
    }
}

#[test]
fn f8_writes_a_note_on_the_focused_question_and_f9_shows_the_history_on_disk() {
    use citcert::clock::Clock;
    use citcert::drafts::DraftStore;
    use citcert::tui::store::DraftsStore;
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("d");
    let q = q();
    let clock = Clock::Fixed(day(TODAY));
    let store = DraftStore::open(&dir).unwrap();
    let qref = common::drafts::qref();
    let id = store.create("Zoë", qref, "en", &clock).unwrap().draft.id().to_string();
    let mut app =
        App::new(q, Lang::En, day(TODAY), Box::new(DraftsStore::open(dir.clone(), clock, q).unwrap()));
    app.color = false;
    app.update(Action::Key(FieldKey::Enter));
    let surname = q.question_index("pers.surname").unwrap();
    app.in_draft(|ds| ds.goto_question(surname));
    app.update(Action::Note);
    for c in "caller will check the grant date".chars() {
        app.update(Action::Key(FieldKey::Char(c)));
    }
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("note_window_{w}x{h}"), draw_text(&app, w, h));
    }
    app.update(Action::Key(FieldKey::Enter));
    assert!(app.overlay.is_none());
    assert_eq!(app.status.as_deref(), Some("Note saved on question 4.1"));
    let file = || -> serde_json::Value {
        serde_json::from_str(&std::fs::read_to_string(dir.join(format!("{id}.json"))).unwrap()).unwrap()
    };
    assert_eq!(file()["notes"]["pers.surname"], "caller will check the grant date");
    let text = draw_text(&app, 80, 24);
    assert!(text.contains("✎ Note: caller will check the grant date"), "{text}");
    // F9: the history as saved, with the question number of the note, never its text.
    app.update(Action::History);
    let text = draw_text(&app, 80, 24);
    assert!(text.contains("History of this draft"), "{text}");
    assert!(text.contains("note: 4.1"), "{text}");
    assert!(text.contains("created") && text.contains("opened"), "{text}");
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("history_window_{w}x{h}"), draw_text(&app, w, h));
    }
    app.update(Action::Key(FieldKey::Char('x')));
    assert!(app.overlay.is_none(), "any key closes the history");
    // Esc cancels an edit; Enter on an empty note removes it.
    app.update(Action::Note);
    app.update(Action::Key(FieldKey::Char('!')));
    app.update(Action::Back);
    assert_eq!(file()["notes"]["pers.surname"], "caller will check the grant date");
    app.update(Action::Note);
    for _ in 0..40 {
        app.update(Action::Key(FieldKey::Backspace));
    }
    app.update(Action::Key(FieldKey::Enter));
    assert_eq!(app.status.as_deref(), Some("Note removed from question 4.1"));
    assert!(file()["notes"].as_object().is_none_or(|m| m.is_empty()), "{}", file());
    let events: Vec<String> = file()["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["event"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(events.iter().filter(|e| *e == "note").count(), 2, "{events:?}");
    assert!(!file()["history"].to_string().contains("grant date"), "no note text in the history");
}

#[test]
fn f8_and_f9_in_french_and_a_bad_note_is_refused() {
    let mut app = at(persona("personas/P01"), "S4", Lang::Fr);
    app.update(Action::Note);
    for c in "à rappeler mardi".chars() {
        app.update(Action::Key(FieldKey::Char(c)));
    }
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("fr_note_window_{w}x{h}"), draw_text(&app, w, h));
    }
    app.update(Action::Key(FieldKey::Enter));
    assert_eq!(app.status.as_deref(), Some("Note enregistrée sur la question 4.1"));
    app.update(Action::History);
    let text = draw_text(&app, 80, 24);
    assert!(text.contains("Historique du brouillon"), "{text}");
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("fr_history_window_{w}x{h}"), draw_text(&app, w, h));
    }
    app.update(Action::Back);
    // Too long: refused with the reason, the window stays open with the text.
    app.update(Action::Note);
    for _ in 0..201 {
        app.update(Action::Key(FieldKey::Char('x')));
    }
    app.update(Action::Key(FieldKey::Enter));
    assert!(matches!(app.overlay, Some(citcert::tui::app::Overlay::Note(..))));
    assert!(app.status.as_deref().unwrap().contains("217 caractères"), "{:?}", app.status);
}

#[test]
fn f12_shows_the_codes_for_an_agent_and_hides_them_again() {
    let mut app = at(persona("personas/P01"), "S4", Lang::En);
    app.update(Action::Help);
    let plain = draw_text(&app, 120, 40);
    assert!(plain.contains("Guide: Step 2") && !plain.contains("G L"), "{plain}");
    assert!(plain.contains("F12"), "the key is in the help\n{plain}");
    app.update(Action::Codes);
    assert!(app.show_codes);
    let codes = draw_text(&app, 120, 40);
    assert!(codes.contains("[G L") && codes.contains("pers.surname"), "{codes}");
    app.update(Action::Back);
    app.update(Action::Codes);
    assert!(!app.show_codes);
    assert!(app.status.as_deref().unwrap().contains("Codes hidden"));
    let mut app = at(persona("personas/P01"), "why", Lang::En);
    app.update(Action::Codes);
    let text = draw_text(&app, 120, 40);
    assert!(text.contains("[CL-"), "{text}");
}
