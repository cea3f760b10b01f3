//! `citcert render` as a support agent uses it (issue 13): screens by id or number as the help
//! says (S11 is the first document screen), a wrong name answered with the names this draft has,
//! `--size auto` that cuts nothing, and `--redact` for a screen that goes into a support ticket.

use crate::common;

use citcert::engine::{AnswerValue, Answers, Context, QType, builtin, evaluate};
use common::Env;

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

const P01: &str = "tests/personas/P01.answers.json";

fn render(env: &Env, args: &[&str]) -> (i32, String, String) {
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(P01);
    let mut all = vec!["render", "--answers", file.to_str().unwrap()];
    all.extend_from_slice(args);
    let o = env.run(&all);
    (o.status.code().unwrap_or(-1), text(&o.stdout), text(&o.stderr))
}

#[test]
fn document_screens_by_s11_and_11_as_the_help_says() {
    let env = Env::new();
    for name in ["S11", "s11", "11", "S11.1", "11.1", "S11.CL-ID1"] {
        let (code, out, err) = render(&env, &["--screen", name]);
        assert_eq!(code, 0, "{name}: {err}");
        assert!(out.contains("11.1 Documents — Identity document 1"), "{name}: {out}");
    }
    let (code, out, _) = render(&env, &["--screen", "S4"]);
    assert_eq!(code, 0);
    assert!(out.contains("4.1"), "{out}");
}

#[test]
fn a_wrong_screen_name_lists_the_names_this_draft_has() {
    let env = Env::new();
    let (code, _, err) = render(&env, &["--screen", "S99"]);
    assert_eq!(code, 2);
    for name in ["no screen \"S99\"", "review", "S4 (4)", "S11 (11)", "S11.CL-ID1 (11.1)", "S13 (13)"] {
        assert!(err.contains(name), "{name}: {err}");
    }
    assert!(!err.contains("S11.CL-PARENT-PROOF"), "only the document screens this draft shows: {err}");
    let (code, _, err) = render(&env, &["--screen", "S99", "--lang", "fr"]);
    assert_eq!(code, 2);
    assert!(err.contains("aucun écran « S99 »") && err.contains("un écran de ce brouillon"), "{err}");
    assert!(!err.contains("Use one of"), "{err}");
}

/// The last visible question of a screen for P01.
fn last_question_number(screen: &str) -> String {
    let q = builtin().unwrap();
    let root: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(P01).unwrap()).unwrap();
    let answers = Answers::from_file_json(&root).unwrap();
    let today = citcert::clock::parse_date("2025-06-01").unwrap();
    let ev = evaluate(q, &answers, Context { today, started: None });
    let si = q.screen_index(screen).unwrap();
    let qi = ev.visible_questions(q, si).last().unwrap();
    q.questions[qi].number.clone()
}

#[test]
fn size_auto_draws_the_whole_screen() {
    let env = Env::new();
    let last = last_question_number("S5");
    let (_, cut, _) = render(&env, &["--screen", "S5"]);
    assert!(!cut.contains(&format!(" {last} ")) && cut.contains('↓'), "80x24 cuts S5:\n{cut}");
    for size in ["auto", "AUTO", "80xauto"] {
        let (code, out, err) = render(&env, &["--screen", "S5", "--size", size]);
        assert_eq!(code, 0, "{err}");
        assert!(out.contains(&format!(" {last} ")), "{size}: {last} missing:\n{out}");
        assert!(!out.contains('↓'), "{size}: nothing is cut:\n{out}");
        assert!(out.lines().count() > 24 && out.lines().count() < 200, "{}", out.lines().count());
        assert!(out.lines().all(|l| l.chars().count() <= 80));
    }
    let (_, wide, _) = render(&env, &["--screen", "S5", "--size", "120xauto"]);
    assert!(wide.lines().any(|l| l.chars().count() > 80) && wide.contains(&format!(" {last} ")));
    // A short screen keeps the default 24 rows; a window shows all its text.
    let (_, short, _) = render(&env, &["--screen", "about", "--size", "auto"]);
    assert_eq!(short.lines().count(), 24, "{short}");
    let (code, help, _) = render(&env, &["--screen", "help", "--size", "auto"]);
    assert_eq!(code, 0);
    let (_, help_cut, _) = render(&env, &["--screen", "help"]);
    assert!(!help_cut.contains("About (law currency)"), "the help is cut at 80x24:\n{help_cut}");
    assert!(help.contains("About (law currency)") && help.lines().count() > 24, "{help}");
    let (code, _, err) = render(&env, &["--size", "autox24"]);
    assert_eq!(code, 2);
    assert!(err.contains("auto, or WIDTHxauto"), "{err}");
}

/// Every value P01 typed (not picked from a list), as the screens could show it.
fn typed_values() -> Vec<String> {
    let q = builtin().unwrap();
    let root: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(P01).unwrap()).unwrap();
    let answers = Answers::from_file_json(&root).unwrap();
    let mut out = vec![];
    for (id, v) in &answers.map {
        let Some(question) = q.question(id) else { continue };
        let picked = matches!(
            question.qtype,
            QType::YesNo | QType::Choice | QType::Country | QType::Province | QType::Issuer | QType::Office
        );
        let vals = match v {
            AnswerValue::Text(s) => vec![s.clone()],
            AnswerValue::List(l) => l.clone(),
        };
        out.extend(vals.into_iter().filter(|s| !picked && s != "NA" && s != "UNKNOWN"));
    }
    out.push("ontario-licence.pdf".into());
    out.push("April 1990".into());
    out
}

#[test]
fn redact_leaves_no_typed_value_on_any_screen() {
    let env = Env::new();
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(P01);
    let o = env.run(&["drafts", "import", file.to_str().unwrap(), "--label", "Amira Haddad — first"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let id = text(&o.stdout).split("as draft ").nth(1).unwrap()[..8].to_string();
    let secrets = typed_values();
    assert!(secrets.iter().any(|s| s == "Haddad") && secrets.iter().any(|s| s.contains('@')));
    for lang in ["en", "fr"] {
        for screen in ["start", "S4", "S5", "S9", "S11", "review", "readback", "checklist", "why", "last"] {
            let o = env.run(&[
                "render", "--draft", &id, "--screen", screen, "--size", "120xauto", "--redact", "--lang",
                lang,
            ]);
            assert_eq!(o.status.code(), Some(0), "{screen}: {}", text(&o.stderr));
            let out = text(&o.stdout);
            // Short values ("ON") are replaced where they are shown; elsewhere the same letters
            // may be words of the screen.
            for s in secrets.iter().filter(|s| s.chars().count() >= 4) {
                assert!(!out.contains(s.as_str()), "{lang} {screen} shows {s:?}:\n{out}");
            }
            assert!(
                !out.contains("→ ON") && !out.contains("[ON"),
                "{lang} {screen}: the region is typed:\n{out}"
            );
            let ph = if lang == "en" { "[draft 1]" } else { "[brouillon 1]" };
            assert!(out.contains(ph), "{lang} {screen}: the draft's name is a placeholder:\n{out}");
        }
        let o = env
            .run(&["render", "--draft", &id, "--screen", "S4", "--size", "auto", "--redact", "--lang", lang]);
        let out = text(&o.stdout);
        let (name, date) = if lang == "en" { ("[name]", "[date]") } else { ("[nom]", "[date]") };
        assert!(out.contains(name) && out.contains(date), "{out}");
        assert!(out.contains("Toronto") || out.contains("[text]") || out.contains("[texte]"), "{out}");
    }
    // Without --redact the same screen shows the answers (the test above can fail).
    let o = env.run(&["render", "--draft", &id, "--screen", "S4", "--size", "auto"]);
    assert!(text(&o.stdout).contains("Haddad"));
}

/// An invalid answer's message quotes it, or spells it out: redacted too.
#[test]
fn redact_reaches_the_messages_that_quote_an_answer() {
    let env = Env::new();
    let mut root: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(P01).unwrap()).unwrap();
    root["answers"]["pers.dob"] = "1990-02-30".into();
    root["answers"]["pers.surname"] = "R2D2".into();
    let file = env.write("bad.json", root.to_string().as_bytes());
    for (lang, spelled) in [("en", "February 30, 1990"), ("fr", "30 février 1990")] {
        let args = ["render", "--answers", &file, "--screen", "S4", "--size", "auto", "--lang", lang];
        let plain = text(&env.run(&args).stdout);
        assert!(plain.contains(spelled) && plain.contains("R2D2"), "{plain}");
        let mut redacted = args.to_vec();
        redacted.push("--redact");
        let out = text(&env.run(&redacted).stdout);
        for s in [spelled, "1990-02-30", "R2D2", "February 1990", "février 1990"] {
            assert!(!out.contains(s), "{lang}: {s}:\n{out}");
        }
        assert!(out.contains("4.4"), "{out}");
    }
}

/// Refusals in both languages, with what was typed shown as it is (issue 14: one Template each).
#[test]
fn render_refusals_in_english_and_french() {
    let env = Env::new();
    let bad = env.write("bad.json", b"{\"answers\": }");
    let size = |lang: &str, size: &str| {
        let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(P01);
        let o = env.run(&["render", "--answers", file.to_str().unwrap(), "--size", size, "--lang", lang]);
        (o.status.code(), text(&o.stderr))
    };
    let (code, err) = size("fr", "{s}x");
    assert_eq!(code, Some(2));
    assert!(err.contains("--size : « {s}x » n'est pas une taille"), "{err}");
    let (_, err) = size("en", "2000x24");
    assert!(err.contains("--size: 2000x24 is out of range"), "{err}");
    for (lang, words) in [
        ("en", "bad.json: line 1 column 13: not valid JSON"),
        ("fr", "bad.json : ligne 1, colonne 13 : JSON non valide"),
    ] {
        let o = env.run(&["render", "--answers", &bad, "--lang", lang]);
        assert_eq!(o.status.code(), Some(2));
        assert!(text(&o.stderr).contains(words), "{}", text(&o.stderr));
    }
    let o = env.run(&["render", "--screen", "review", "--lang", "fr"]);
    assert!(
        text(&o.stderr).contains("--screen review demande un brouillon : donnez --draft ID"),
        "{}",
        text(&o.stderr)
    );
}
