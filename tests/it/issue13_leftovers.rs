//! Issue 13's leftovers, through the real front ends: progress that does not go down when an answer
//! makes questions appear (TUI header, plain mode, the engine's walk through every persona); pickers
//! that show the suggestion from earlier answers and never offer a value the earlier answers rule out
//! (no Canada as country of birth after "not born in Canada"); options of questions about the minor
//! or a parent that do not speak in the first person; plain mode's help in the order a person meets it.

use crate::common;
use chrono::NaiveDate;
use citcert::clock::{Clock, parse_date};
use citcert::engine::{Answers, Context, Lang, Questionnaire, builtin, evaluate};
use citcert::plain::{PlainContext, run};
use citcert::tui::app::App;
use citcert::tui::keymap::Action;
use citcert::tui::render::draw_text;
use citcert::tui::store::MemStore;
use citcert::tui::widgets::{Field, FieldKey};
use serde_json::{Map, Value, json};

const TODAY: &str = "2025-06-01";

fn q() -> &'static Questionnaire {
    builtin().expect("built-in questionnaire")
}

fn day(s: &str) -> NaiveDate {
    parse_date(s).unwrap()
}

fn qi(id: &str) -> usize {
    q().questions.iter().position(|x| x.id == id).unwrap_or_else(|| panic!("no question {id}"))
}

fn persona_json(name: &str) -> Map<String, Value> {
    let path = format!("{}/tests/personas/{name}.answers.json", env!("CARGO_MANIFEST_DIR"));
    let root: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    root["answers"].as_object().unwrap().clone()
}

/// A persona's answers to the questions before `id` only (questionnaire order).
fn before(name: &str, id: &str) -> Map<String, Value> {
    let stop = qi(id);
    persona_json(name)
        .into_iter()
        .filter(|(k, _)| q().questions.iter().position(|x| x.id == *k).is_some_and(|i| i < stop))
        .collect()
}

fn answers(map: &Map<String, Value>) -> Answers {
    Answers::from_file_json(&json!({ "answers": map })).unwrap()
}

fn app_on(map: &Map<String, Value>, lang: Lang) -> App<'static> {
    let store = MemStore::new(day(TODAY)).with("Test person", day("2025-05-20"), answers(map), None);
    let mut app = App::new(q(), lang, day(TODAY), Box::new(store));
    app.color = false;
    app.update(Action::Key(FieldKey::Enter));
    assert!(app.draft().is_some());
    app
}

/// The percentage in the header's second row.
fn header_percent(text: &str) -> u8 {
    let row = text.lines().nth(1).unwrap();
    let end = row.find('%').unwrap_or_else(|| panic!("no % in {row}"));
    let digits: String = row[..end]
        .trim_end()
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    digits.parse().unwrap_or_else(|_| panic!("no figure in {row}"))
}

fn typed(app: &mut App, s: &str) {
    for c in s.chars() {
        app.update(Action::Key(FieldKey::Char(c)));
    }
}

// ---- 1. progress ----

#[test]
fn answering_the_first_open_question_never_lowers_progress_for_any_persona() {
    let ctx = Context { today: day(TODAY), started: None };
    let mut proved = 0;
    for entry in std::fs::read_dir(format!("{}/tests/personas", env!("CARGO_MANIFEST_DIR"))).unwrap() {
        let path = entry.unwrap().path();
        let Some(name) = path.file_name().unwrap().to_str().unwrap().strip_suffix(".answers.json") else {
            continue;
        };
        let all = persona_json(name);
        let mut given = Map::new();
        let mut last = 0u8;
        let mut grew = false;
        loop {
            let ev = evaluate(q(), &answers(&given), ctx);
            let p = ev.progress_percent(q());
            assert!(p >= last, "{name}: progress went from {last} to {p} after {} answers", given.len());
            let Some(&f) = ev.missing.first() else { break };
            let before_visible = ev.visible.iter().filter(|v| **v).count();
            let id = &q().questions[f].id;
            let Some(v) = all.get(id) else { break };
            given.insert(id.clone(), v.clone());
            let after = evaluate(q(), &answers(&given), ctx);
            grew |= after.visible.iter().filter(|v| **v).count() > before_visible;
            last = p;
        }
        proved += usize::from(grew);
    }
    assert!(
        proved >= 8,
        "answers that make questions appear in only {proved} personas: the test proves little"
    );
}

#[test]
fn the_tui_header_does_not_go_down_when_an_answer_makes_questions_appear() {
    for lang in [Lang::En, Lang::Fr] {
        // P01 up to screen 6: "Do you have a second parent to declare?" still open.
        let mut app = app_on(&before("P01", "par2.present"), lang);
        app.in_draft(|ds| ds.goto_question(qi("par2.present")));
        let shown = |app: &App| app.draft().unwrap().ev.visible.iter().filter(|v| **v).count();
        let (n0, p0) = (shown(&app), header_percent(&draw_text(&app, 80, 24)));
        assert!(p0 < 100, "{p0}");
        typed(&mut app, "1"); // yes: the second parent's questions appear
        let text = draw_text(&app, 80, 24);
        let (n1, p1) = (shown(&app), header_percent(&text));
        assert!(n1 > n0 + 5, "questions appeared: {n0} → {n1}");
        assert!(p1 >= p0, "{lang:?}: progress went from {p0}% to {p1}%\n{text}");
        assert_eq!(header_percent(&draw_text(&app, 120, 40)), p1, "the same figure at 120×40");
        // And the drafts list's figure is the same one.
        let ev = &app.draft().unwrap().ev;
        let ctx = Context { today: day(TODAY), started: Some(day("2025-05-20")) };
        let answers = app.draft().unwrap().draft.answers.clone();
        assert_eq!(citcert::engine::eval::progress(q(), &answers, ctx), ev.progress_percent(q()));
    }
}

fn plain(dir: &std::path::Path, input: &str, lang: Lang, draft: Option<&str>) -> String {
    let mut out = Vec::new();
    run(
        input.as_bytes(),
        &mut out,
        PlainContext {
            questionnaire: q(),
            drafts_dir: dir.to_path_buf(),
            clock: Clock::Fixed(day(TODAY)),
            lang,
            draft: draft.map(str::to_string),
            echo_input: true,
        },
    )
    .unwrap();
    String::from_utf8(out).unwrap()
}

/// Imports answers as a draft with the real binary; returns (env, drafts folder, id).
fn imported(map: &Map<String, Value>) -> (common::Env, std::path::PathBuf, String) {
    let env = common::Env::new();
    let file = env.write("answers.json", json!({ "answers": map }).to_string().as_bytes());
    let o = env.run(&["drafts", "import", &file, "--label", "Caller"]);
    assert_eq!(o.status.code(), Some(0), "{}", common::text(&o.stderr));
    let out = common::text(&o.stdout);
    let id = out.split("as draft ").nth(1).unwrap()[..8].to_string();
    let drafts = env.path("drafts");
    (env, drafts, id)
}

#[test]
fn plain_mode_says_the_same_progress_after_the_screen_line() {
    for (lang, word) in [(Lang::En, "Progress: "), (Lang::Fr, "Progression : ")] {
        let (_env, dir, id) = imported(&before("P01", "par1.present"));
        let out = plain(&dir, "quit\n", lang, Some(&id));
        let line = out.lines().find(|l| l.starts_with(word)).unwrap_or_else(|| panic!("{out}"));
        let ev = evaluate(
            q(),
            &answers(&before("P01", "par1.present")),
            Context { today: day(TODAY), started: Some(day(TODAY)) },
        );
        let pct = ev.progress_percent(q());
        let want = if lang == Lang::En { format!("{word}{pct}%") } else { format!("{word}{pct} %") };
        assert_eq!(line, want, "{out}");
        // One idea a line: the screen line is the one before.
        let k = out.lines().position(|l| l == line).unwrap();
        let screen = if lang == Lang::En { "Screen 5 of 13" } else { "Écran 5 sur 13" };
        assert!(out.lines().nth(k - 1).unwrap().starts_with(screen), "{out}");
    }
}

// ---- 3. pickers ----

fn picker_text(app: &App) -> Vec<String> {
    match &app.draft().unwrap().field {
        Field::Picker(p) => p.lines(true, app.lang).0.iter().map(|l| l.to_string()).collect(),
        other => panic!("not a picker: {other:?}"),
    }
}

#[test]
fn the_country_picker_shows_the_suggestion_and_enter_accepts_it() {
    for lang in [Lang::En, Lang::Fr] {
        let mut app = app_on(&before("P01", "pers.country_of_birth"), lang);
        app.in_draft(|ds| ds.goto_question(qi("pers.country_of_birth")));
        let lines = picker_text(&app);
        let word =
            if lang == Lang::En { "suggested, Enter accepts" } else { "suggéré, Entrée l’accepte" };
        assert!(lines[0].starts_with("  → Canada · ") && lines[0].contains(word), "{lines:?}");
        for (w, h) in [(80, 24), (120, 40)] {
            let text = draw_text(&app, w, h);
            assert!(text.contains("→ Canada · "), "{w}×{h}\n{text}");
            let name = format!("{}picker_suggestion_4_7_{w}x{h}", if lang == Lang::Fr { "fr_" } else { "" });
            insta::assert_snapshot!(name, text);
        }
        // Nothing is stored until Enter accepts it.
        assert!(app.draft().unwrap().draft.answers.get("pers.country_of_birth").is_none());
        app.update(Action::Key(FieldKey::Enter));
        let v = app.draft().unwrap().draft.answers.get("pers.country_of_birth").cloned();
        assert_eq!(v.map(|v| v.as_cond_str().to_string()).as_deref(), Some("CA"));
    }
}

#[test]
fn a_person_born_abroad_is_not_offered_canada_as_country_of_birth() {
    for lang in [Lang::En, Lang::Fr] {
        let map = before("P05", "pers.country_of_birth");
        assert_eq!(map["elig.born_in_canada"], "no");
        let mut app = app_on(&map, lang);
        app.in_draft(|ds| ds.goto_question(qi("pers.country_of_birth")));
        let lines = picker_text(&app);
        assert!(!lines[0].contains("Canada"), "no suggestion of Canada: {lines:?}");
        typed(&mut app, "canad");
        let lines = picker_text(&app);
        assert!(!lines.iter().any(|l| l.contains("Canada")), "{lines:?}");
        let Field::Picker(p) = &app.draft().unwrap().field else { panic!() };
        assert!(!p.options.iter().any(|(c, _)| c == "CA"), "Canada is not among the options");
        assert!(p.options.iter().any(|(c, _)| c == "US"));
        // Born in Canada: Canada is offered (and suggested).
        let mut app = app_on(&before("P01", "pers.country_of_birth"), lang);
        app.in_draft(|ds| ds.goto_question(qi("pers.country_of_birth")));
        let Field::Picker(p) = &app.draft().unwrap().field else { panic!() };
        assert!(p.options.iter().any(|(c, _)| c == "CA"));
    }
}

#[test]
fn a_stored_canada_after_born_abroad_is_refused_and_shown_to_change() {
    let mut map = before("P05", "pers.country_of_birth");
    map.insert("pers.country_of_birth".into(), json!("CA"));
    let app = app_on(&map, Lang::En);
    let ev = &app.draft().unwrap().ev;
    let k = qi("pers.country_of_birth");
    assert!(ev.has_error(k), "ruled out: an error on 4.7");
    let msg = ev.problems_for(k).next().unwrap().message.en.clone();
    assert!(msg.contains("Were you born in Canada?"), "{msg}");
    let mut app = app;
    app.in_draft(|ds| ds.goto_question(k));
    let lines = picker_text(&app);
    assert!(lines[0].starts_with("  → Canada · "), "the answer to change stays in view: {lines:?}");
}

#[test]
fn plain_mode_suggests_canada_and_refuses_it_after_born_abroad() {
    // Born in Canada: the suggestion, and Enter accepts it.
    let (_env, dir, id) = imported(&before("P01", "pers.country_of_birth"));
    let out = plain(&dir, "\nquit\n", Lang::En, Some(&id));
    assert!(out.contains("[suggested: Canada] Enter accepts it"), "{out}");
    let draft: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join(format!("{id}.json"))).unwrap()).unwrap();
    assert_eq!(draft["answers"]["pers.country_of_birth"], "CA", "{out}");
    // Born abroad: Canada typed is refused, in words, and the question asked again.
    for (lang, words) in [
        (Lang::En, "does not match your answer to \"Were you born in Canada?\""),
        (Lang::Fr, "ne concorde pas avec votre réponse à « Êtes-vous né au Canada? »"),
    ] {
        let (_env, dir, id) = imported(&before("P05", "pers.country_of_birth"));
        let out = plain(&dir, "Canada\nquit\n", lang, Some(&id));
        assert!(out.contains(words), "{out}");
        assert!(!out.contains("suggested: Canada") && !out.contains("suggestion : Canada"), "{out}");
        let draft: Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join(format!("{id}.json"))).unwrap()).unwrap();
        assert!(draft["answers"].get("pers.country_of_birth").is_none(), "not stored: {out}");
    }
}

// ---- 4. wording ----

#[test]
fn options_of_questions_about_the_minor_or_a_parent_do_not_say_i_or_my() {
    let first_en = ["I ", "I'", "I’", " my ", "My ", " me ", " me.", "myself"];
    let first_fr = [
        " ma ",
        "Ma ",
        " mon ",
        "Mon ",
        " mes ",
        "Mes ",
        "Je ",
        " je ",
        "J'",
        "J’",
        " j'",
        " j’",
        " m'",
        " m’",
        " moi ",
        "moi-même",
    ];
    let mut checked = 0;
    for question in &q().questions {
        let about_other = question.prompt_minor.is_some() || question.id.starts_with("par");
        if !about_other {
            continue;
        }
        for o in question.options.iter().filter(|o| o.id != "unknown") {
            checked += 1;
            let (en, fr) = (format!(" {} ", o.label.en), format!(" {} ", o.label.fr));
            assert!(!first_en.iter().any(|w| en.contains(w)), "{} {}: {en}", question.number, o.id);
            assert!(!first_fr.iter().any(|w| fr.contains(w)), "{} {}: {fr}", question.number, o.id);
        }
    }
    assert!(checked > 30, "{checked}");
    let basis = &q().questions[qi("elig.claim_basis")];
    let fr: Vec<&str> = basis.options.iter().map(|o| o.label.fr.as_str()).collect();
    assert!(fr.iter().any(|l| l.contains("avant la naissance")), "{fr:?}");
}

// ---- 5. plain help ----

#[test]
fn plain_help_answering_first_then_moving_then_agent_commands_french_words_first() {
    let dir = tempfile::tempdir().unwrap();
    let out = plain(dir.path(), "new\nT\n?\nquit\n", Lang::En, None);
    let at = |s: &str| out.find(s).unwrap_or_else(|| panic!("{s} missing\n{out}"));
    assert!(at("Answering:") < at("backslash"), "{out}");
    assert!(at("backslash") < at("Moving, at any prompt:"), "{out}");
    assert!(at("Moving, at any prompt:") < at("For support agents:"), "{out}");
    assert!(at("For support agents:") < at("  history "), "{out}");
    let dir = tempfile::tempdir().unwrap();
    let out = plain(dir.path(), "nouveau\nT\n?\nquitter\n", Lang::Fr, None);
    let at = |s: &str| out.find(s).unwrap_or_else(|| panic!("{s} missing\n{out}"));
    assert!(at("Pour répondre :") < at("barre oblique inverse"), "{out}");
    assert!(at("barre oblique inverse") < at("Pour vous déplacer"), "{out}");
    assert!(at("Pour vous déplacer") < at("Pour les agents de soutien :"), "{out}");
    for line in out.lines() {
        for (fr, en) in
            [("retour", "back"), ("historique", "history"), ("liste", "checklist"), ("revue", "review")]
        {
            if line.trim_start().starts_with(en) {
                panic!("English word first in French: {line}");
            }
            if line.contains(&format!("(aussi : {en})")) {
                assert!(line.trim_start().starts_with(fr), "{line}");
            }
        }
    }
}

// ---- 6. found in the real-terminal pass ----

#[test]
fn a_choice_made_clears_the_nothing_chosen_message() {
    for lang in [Lang::En, Lang::Fr] {
        let mut app = app_on(&Map::new(), lang);
        app.in_draft(|ds| ds.goto_question(qi("elig.applying_for")));
        app.update(Action::Key(FieldKey::Enter));
        let asked = app.status.clone().expect("Enter on an unanswered choice says how to choose");
        assert!(draw_text(&app, 80, 24).contains(&asked));
        typed(&mut app, "1");
        assert_eq!(app.status, None, "{lang:?}: the choice is made; the message no longer applies");
        assert!(!draw_text(&app, 80, 24).contains(&asked));
    }
}

#[test]
fn applicant_texts_say_identity_document_1_not_slot() {
    for item in &q().items {
        for t in
            std::iter::once(&item.reason).chain(item.reasons.iter().map(|(_, t)| t)).chain([&item.content])
        {
            assert!(!t.en.contains("slot") && !t.en.contains("by convention"), "{}: {}", item.id, t.en);
            assert!(
                !t.fr.replace("remplacement", "").contains("emplacement") && !t.fr.contains("par convention"),
                "{}: {}",
                item.id,
                t.fr
            );
        }
    }
}

#[test]
fn plain_mode_in_french_names_the_french_words_for_new_and_quit() {
    let dir = tempfile::tempdir().unwrap();
    let out = plain(dir.path(), "zzz\nquitter\n", Lang::Fr, None);
    assert!(out.contains("« nouveau »") && out.contains("« quitter »"), "{out}");
    assert!(!out.contains("« new »") && !out.contains("« quit »"), "{out}");
}

// ---- 2. exports: words in Markdown and HTML, codes in the JSON ----

#[test]
fn the_exported_summary_shows_words_and_keeps_the_codes_in_its_json() {
    let env = common::Env::new();
    for persona in ["P06", "P01"] {
        let id = env.import(persona);
        for lang in ["en", "fr"] {
            for format in ["md", "html"] {
                let o = env.run(&["export", &id, "--format", format, "--lang", lang]);
                assert_eq!(o.status.code(), Some(0), "{}", common::text(&o.stderr));
                let out = common::text(&o.stdout);
                // The list of what is still missing keeps the item ids `citcert attach` needs.
                for code in [
                    "STOP_PAPER",
                    "ONLINE_OK",
                    "**ST-04**",
                    "<strong>ST-04</strong>",
                    "**CL-ID1**",
                    "<strong>CL-ID1</strong>",
                    "G L",
                ] {
                    assert!(!out.contains(code), "{persona} {lang} {format}: {code} in\n{out}");
                }
            }
        }
        let o = env.run(&["export", &id, "--format", "json"]);
        let json = common::text(&o.stdout);
        assert!(json.contains("CL-ID1"), "the JSON keeps the ids: {json}");
    }
}
