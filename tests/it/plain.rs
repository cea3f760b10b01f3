//! Plain mode driven through stdin: whole persona walk-throughs, corrections, back, save and
//! resume, a stop, French. Input lines are generated from the engine (the order questions appear
//! in), not written by hand.

use crate::common;

use std::io::Write;
use std::path::Path;
use std::process::Stdio;

use citcert::clock::{Clock, parse_date};
use citcert::engine::{AnswerValue, Answers, Context, Lang, QType, builtin, evaluate};
use serde_json::{Map, Value};

const TODAY: &str = "2025-06-01";

fn persona(name: &str) -> Answers {
    let root: Value = serde_json::from_str(
        &std::fs::read_to_string(format!("tests/personas/{name}.answers.json")).unwrap(),
    )
    .unwrap();
    Answers::from_file_json(&root).unwrap()
}

/// A persona's answers with every file it names made real: a small JPEG or PDF of its own in
/// `dir`, named by its absolute path (the path plain mode records once the file is checked).
fn persona_with_files(name: &str, dir: &Path) -> Answers {
    let mut answers = persona(name);
    let ids: Vec<String> = answers.map.keys().filter(|k| k.ends_with(".file")).cloned().collect();
    for id in ids {
        let Some(AnswerValue::Text(path)) = answers.get(&id).cloned() else { continue };
        let base = Path::new(&path).file_name().unwrap().to_string_lossy().into_owned();
        let mut bytes: Vec<u8> =
            if base.ends_with(".jpg") { b"\xFF\xD8\xFF\xE0 JFIF".to_vec() } else { b"%PDF-1.4\n".to_vec() };
        bytes.extend_from_slice(id.as_bytes());
        let f = dir.join(&base);
        std::fs::write(&f, bytes).unwrap();
        let abs = std::fs::canonicalize(&f).unwrap();
        answers.set_text(id, abs.to_string_lossy().into_owned());
    }
    answers
}

/// The lines a person types to give `answers`, in the order plain mode asks (question id, line),
/// and the answers a complete walk-through stores (visible questions only; fixed ones included).
fn script(answers: &Answers) -> (Vec<(String, String)>, Map<String, Value>) {
    let q = builtin().unwrap();
    let today = parse_date(TODAY).unwrap();
    let ctx = Context { today, started: Some(today) };
    let ev = evaluate(q, answers, ctx);
    let mut lines = vec![];
    let mut stored = Map::new();
    for screen in ev.visible_screens() {
        for qi in ev.visible_questions(q, screen) {
            let question = &q.questions[qi];
            if question.qtype == QType::Display {
                continue;
            }
            // A question whose value holds without its answer is fixed by earlier answers: not asked.
            let mut without = answers.clone();
            without.remove(&question.id);
            let fixed = evaluate(q, &without, ctx).values[qi].clone();
            if let Some(v) = fixed {
                stored.insert(question.id.clone(), v.to_json());
                continue;
            }
            let line = match answers.get(&question.id) {
                Some(AnswerValue::Text(s)) => s.clone(),
                Some(AnswerValue::List(v)) => v.join(", "),
                None => String::new(),
            };
            if let Some(v) = answers.get(&question.id) {
                stored.insert(question.id.clone(), v.to_json());
            }
            lines.push((question.id.clone(), line));
        }
    }
    (lines, stored)
}

/// The script's lines before question `id`.
fn until(lines: &[(String, String)], id: &str) -> Vec<String> {
    let end = lines.iter().position(|(q, _)| q == id).unwrap_or_else(|| panic!("{id} is not asked"));
    lines[..end].iter().map(|(_, l)| l.clone()).collect()
}

fn answer_of(lines: &[(String, String)], id: &str) -> String {
    lines.iter().find(|(q, _)| q == id).unwrap().1.clone()
}

/// Runs plain mode in-process on `input`; returns (exit status, output).
fn session(dir: &Path, input: &str, lang: Lang, draft: Option<&str>) -> (i32, String) {
    crate::common::plain_session(dir, input, lang, draft, TODAY)
}

/// Runs the binary with stdin piped.
fn binary(dir: &Path, args: &[&str], input: &str) -> (i32, String, String) {
    binary_on(TODAY, dir, args, input)
}

fn binary_on(today: &str, dir: &Path, args: &[&str], input: &str) -> (i32, String, String) {
    let mut child = common::citcert()
        .args(["--plain", "--drafts-dir"])
        .arg(dir)
        .args(["--today", today])
        .args(args)
        .env_remove("CITCERT_TODAY")
        .env_remove("CITCERT_LANG")
        .env_remove("CITCERT_DRAFTS_DIR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let o = child.wait_with_output().unwrap();
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// The only draft in `dir`, as JSON.
fn the_draft(dir: &Path) -> Value {
    crate::common::drafts::the_draft(dir)
}

fn input(head: &[&str], lines: &[String]) -> String {
    let mut s: String = head.iter().map(|l| format!("{l}\n")).collect();
    for l in lines {
        s.push_str(l);
        s.push('\n');
    }
    s
}

#[test]
fn p01_full_walk_through_through_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let scans = tempfile::tempdir().unwrap();
    let (lines, stored) = script(&persona_with_files("P01", scans.path()));
    assert!(lines.len() > 80, "{} lines", lines.len());
    let all: Vec<String> = lines.iter().map(|(_, l)| l.clone()).collect();
    let (code, out, err) = binary(dir.path(), &[], &input(&["new", "Amira — first certificate"], &all));
    assert_eq!(code, 0, "{out}\n{err}");
    let draft = the_draft(dir.path());
    assert_eq!(draft["answers"].as_object().unwrap(), &stored, "saved answers differ\n{out}");
    // Every answer of the persona that is shown was given.
    let p01 = persona("P01");
    let q = builtin().unwrap();
    let ev = evaluate(q, &p01, Context { today: parse_date(TODAY).unwrap(), started: None });
    for id in p01.map.keys() {
        let asked = stored.contains_key(id);
        let visible = ev.visible[q.question_index(id).unwrap()];
        assert_eq!(asked, visible, "{id}");
    }
    // The review reads each item by its title (its code only with `codes`).
    for id in ["CL-ID1", "CL-ID2", "CL-PHOTO", "CL-PHOTOGRAPHER", "CL-BIRTHCERT"] {
        let title = &q.items.iter().find(|i| i.id == id).unwrap().title.en;
        assert!(out.contains(&format!("  {title}: ")), "checklist item {id} not printed\n{out}");
        assert!(!out.contains(id), "code {id} read aloud\n{out}");
    }
    assert!(out.contains("Ready to submit: yes"), "{out}");
    assert!(out.contains("Fee: CAD 75"), "{out}");
    assert!(out.contains("Screen 1 of"), "{out}");
    assert!(!out.contains('\x1b'), "no ANSI codes");
    assert_eq!(draft["current_screen"], "S13");
    // No personal data on stderr.
    assert!(!err.contains("Haddad") && !err.contains("1990-04-12"), "{err}");
}

#[test]
fn p01_in_process_matches_and_ends_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let scans = tempfile::tempdir().unwrap();
    let (lines, stored) = script(&persona_with_files("P01", scans.path()));
    let all: Vec<String> = lines.iter().map(|(_, l)| l.clone()).collect();
    let (code, out) = session(dir.path(), &input(&["new", "P01"], &all), Lang::En, None);
    assert_eq!(code, 0);
    assert_eq!(the_draft(dir.path())["answers"].as_object().unwrap(), &stored);
    assert!(out.contains("End of the questionnaire."), "{out}");
}

#[test]
fn bad_answers_are_refused_and_corrected() {
    let dir = tempfile::tempdir().unwrap();
    let (lines, _) = script(&persona("P01"));
    let mut typed = until(&lines, "pers.dob");
    typed.push("1990-13-01".into());
    typed.push("1990-04-12".into());
    let dob = lines.iter().position(|(q, _)| q == "pers.dob").unwrap();
    let uci = lines.iter().position(|(q, _)| q == "pers.uci").unwrap();
    typed.extend(lines[dob + 1..uci].iter().map(|(_, l)| l.clone()));
    typed.push("123456789".into());
    typed.push("1234567890".into());
    let (code, out) = session(dir.path(), &input(&["new", "T"], &typed), Lang::En, None);
    assert_eq!(code, 0);
    assert!(out.contains("“1990-13-01” is not a date"), "{out}");
    assert!(out.contains("is not a UCI") || out.contains("UCI"), "{out}");
    let d = the_draft(dir.path());
    assert_eq!(d["answers"]["pers.dob"], "1990-04-12");
    assert_eq!(d["answers"]["pers.uci"], "1234567890");
    assert_eq!(d["answers"]["pers.surname"], answer_of(&lines, "pers.surname").as_str());
    assert!(out.contains("End of input."), "{out}");
}

#[test]
fn back_changes_an_earlier_answer() {
    let dir = tempfile::tempdir().unwrap();
    let (lines, _) = script(&persona("P01"));
    let mut typed = until(&lines, "pers.sex");
    typed.extend(["back".into(), "1985-01-02".into(), "f".into()]);
    let (code, out) = session(dir.path(), &input(&["new", "T"], &typed), Lang::En, None);
    assert_eq!(code, 0);
    assert!(out.contains("[current: 1990-04-12] Enter keeps it"), "{out}");
    let d = the_draft(dir.path());
    assert_eq!(d["answers"]["pers.dob"], "1985-01-02");
    assert_eq!(d["answers"]["pers.sex"], "f");
}

#[test]
fn back_crosses_screens() {
    let dir = tempfile::tempdir().unwrap();
    let (lines, _) = script(&persona("P01"));
    // At the first question of S4 (pers.surname), back goes to the last question of S3.
    let mut typed = until(&lines, "pers.surname");
    typed.push("back".into());
    let (code, out) = session(dir.path(), &input(&["new", "T"], &typed), Lang::En, None);
    assert_eq!(code, 0);
    let last_prompt = out.lines().rfind(|l| l.contains("> ")).unwrap().to_string();
    assert!(
        last_prompt.starts_with("3."),
        "expected a screen-3 question after back, got {last_prompt:?}\n{out}"
    );
}

#[test]
fn save_then_resume_at_the_same_screen() {
    let dir = tempfile::tempdir().unwrap();
    let (lines, _) = script(&persona("P01"));
    let mut typed = until(&lines, "par1.surname");
    typed.push("save".into());
    let (code, out, _) = binary(dir.path(), &[], &input(&["new", "Resume me"], &typed));
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Saved."), "{out}");
    let d = the_draft(dir.path());
    assert_eq!(d["current_screen"], "S5");
    let id = d["id"].as_str().unwrap().to_string();
    let before = d["answers"].clone();

    // Second run: choose the draft from the list; it resumes on Parent 1, at the first question
    // still to answer (not at the top of the screen: issue 13).
    let (code, out, _) = binary(dir.path(), &[], "1\n");
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Resume me"), "{out}");
    let first_screen = out.lines().find(|l| l.starts_with("Screen ")).unwrap();
    assert!(first_screen.starts_with("Screen 5 of 13: Parent 1"), "{first_screen}\n{out}");
    let q = builtin().unwrap();
    let surname = q.questions.iter().find(|x| x.id == "par1.surname").unwrap();
    assert!(out.contains(&format!("\n{}> ", surname.number)), "asked first: {}\n{out}", surname.number);
    assert!(!out.contains("[current: Biological"), "the answered questions are not asked again\n{out}");
    assert_eq!(the_draft(dir.path())["answers"], before, "resuming and leaving changes nothing");

    // --draft opens it directly.
    let (code, out, _) = binary(dir.path(), &["--draft", &id[..4]], "");
    assert_eq!(code, 0);
    assert!(out.contains("Opened draft"), "{out}");
    assert!(!out.contains("Choose a draft number"), "{out}");
}

#[test]
fn a_stop_prints_the_rule_and_its_quote() {
    let dir = tempfile::tempdir().unwrap();
    let q = builtin().unwrap();
    let st01 = q.rules.iter().find(|r| r.id == "ST-01").unwrap();
    let (code, out) = session(dir.path(), "new\nT\nself\nupdate\nquit\n", Lang::En, None);
    assert_eq!(code, 0);
    assert!(out.contains(&format!("STOP — {}", st01.title.en)), "{out}");
    assert!(!out.contains("ST-01"), "no rule code read aloud\n{out}");
    assert!(out.contains(&st01.title.en), "{out}");
    assert!(out.contains(&st01.message.en), "{out}");
    if let Some(quote) = &st01.quote {
        assert!(out.contains(&quote.en), "{out}");
    }
    assert!(out.contains("paper to go on in paper-preparation mode"), "{out}");
    assert!(out.contains("Because of your answer to 1.2 "), "the stop names its question: {out}");
    assert!(out.contains("Your answers are saved"), "{out}");
    assert_eq!(the_draft(dir.path())["answers"]["elig.request_type"], "update");
}

#[test]
fn after_a_stop_back_changes_the_answer_and_continue_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out) = session(dir.path(), "new\nT\nself\nupdate\nback\nfirst\n", Lang::En, None);
    assert_eq!(code, 0);
    assert_eq!(the_draft(dir.path())["answers"]["elig.request_type"], "first");
    assert!(out.contains("1.3 "), "{out}");
    let dir = tempfile::tempdir().unwrap();
    let (_, out) = session(dir.path(), "new\nT\nself\nupdate\ncontinue\nchecklist\n", Lang::En, None);
    assert!(out.contains("Paper-preparation mode"), "{out}");
    assert!(out.contains("Paper application: what to prepare"), "{out}");
    // The choice is kept in the draft (the full-screen interface reads it too).
    assert_eq!(the_draft(dir.path())["paper_prep"], true);
}

#[test]
fn french_prompts_with_lang_fr() {
    let dir = tempfile::tempdir().unwrap();
    let q = builtin().unwrap();
    let (code, out, _) = binary(dir.path(), &["--lang", "fr"], "nouveau\nEssai\n1\nzzz\n?\n");
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Tapez « nouveau » pour commencer un brouillon"), "{out}");
    assert!(out.contains(&q.questions[0].prompt.fr), "{out}");
    assert!(out.contains(&q.questions[1].prompt.fr), "{out}");
    assert!(out.contains("Écran 1 sur"), "{out}");
    assert!(out.contains("ne fait pas partie des choix"), "{out}");
    assert!(out.contains("Pour vous déplacer, à toute invite"), "{out}");
    assert!(out.contains("Fin de l’entrée."), "{out}");
}

#[test]
fn options_by_number_and_places_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let (lines, _) = script(&persona("P01"));
    // 1.1 by number; then P01 up to the country of birth, typed as a name prefix.
    let mut typed = vec!["1".to_string()];
    typed.extend(until(&lines, "pers.country_of_birth").into_iter().skip(1));
    typed.extend(["Cam".into(), "Canad".into(), "ontar".into()]);
    let (code, out) = session(dir.path(), &input(&["new", "T"], &typed), Lang::En, None);
    assert_eq!(code, 0);
    let d = the_draft(dir.path());
    assert_eq!(d["answers"]["elig.applying_for"], "self");
    assert_eq!(d["answers"]["pers.country_of_birth"], "CA");
    assert_eq!(d["answers"]["pers.province_of_birth"], "CA-ON");
    assert!(out.contains("matches several"), "{out}");
}

#[test]
fn end_of_input_at_the_draft_list_is_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out) = session(dir.path(), "", Lang::En, None);
    assert_eq!(code, 0);
    assert!(out.contains("End of input."), "{out}");
    let (code, _) = session(dir.path(), "\u{0}\u{ff}garbage\nquit\n", Lang::En, None);
    assert_eq!(code, 0);
}

#[test]
fn skip_only_for_optional_questions() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out) = session(dir.path(), "new\nT\nskip\nself\n", Lang::En, None);
    assert_eq!(code, 0);
    assert!(out.contains("cannot be skipped"), "{out}");
    assert_eq!(the_draft(dir.path())["answers"]["elig.applying_for"], "self");
}

/// `PLAIN_TRANSCRIPT=file cargo test --test it plain::write_transcript -- --ignored` writes a P01 transcript.
#[test]
#[ignore]
fn write_transcript() {
    let dir = tempfile::tempdir().unwrap();
    let scans = tempfile::tempdir().unwrap();
    let (lines, _) = script(&persona_with_files("P01", scans.path()));
    let all: Vec<String> = lines.iter().map(|(_, l)| l.clone()).collect();
    let (_, out) = session(dir.path(), &input(&["new", "P01"], &all), Lang::En, None);
    std::fs::write(std::env::var("PLAIN_TRANSCRIPT").unwrap(), out).unwrap();
}

#[test]
fn a_caution_needs_an_explicit_yes() {
    let dir = tempfile::tempdir().unwrap();
    let input = "new\nT\nself\nfirst\nno\nyes\nyes\nyes\nno\nunknown\nmaybe\nyes\n";
    let (code, out) = session(dir.path(), input, Lang::En, None);
    assert_eq!(code, 0);
    assert!(out.contains("CAUTION — "), "{out}");
    assert!(!out.contains("CA-13"), "no rule code read aloud\n{out}");
    assert!(out.contains("Type yes, change or quit."), "{out}");
    let after = &out[out.rfind("CAUTION> yes").expect("the caution was confirmed")..];
    assert!(after.contains("> "), "the questionnaire goes on after the confirmation\n{out}");
    assert_eq!(the_draft(dir.path())["answers"]["elig.claim_basis"], "unknown");
    assert_eq!(the_draft(dir.path())["acknowledged"], serde_json::json!(["CA-13"]), "kept in the draft");
}

#[test]
fn changing_an_answer_that_hides_questions_says_which_are_set_aside() {
    let dir = tempfile::tempdir().unwrap();
    let (lines, _) = script(&persona("P01"));
    // At 6.7, back to 6.1 "Do you have a second parent to declare?" and answer no.
    let mut typed = until(&lines, "par2.surname");
    typed.extend(["back".into(), "back".into(), "back".into(), "no".into()]);
    let (code, out) = session(dir.path(), &input(&["new", "T"], &typed), Lang::En, None);
    assert_eq!(code, 0);
    let line = out.lines().find(|l| l.starts_with("Set aside")).unwrap_or_else(|| panic!("{out}"));
    assert!(line.contains("6.2") && line.contains("6.3"), "{line}");
    let d = the_draft(dir.path());
    assert_eq!(d["answers"]["par2.present"], "no");
    assert_eq!(d["answers"]["par2.relationship"], "biological", "a set-aside answer is kept");
}

#[test]
fn expiry_warnings_and_removal_notices_at_the_start() {
    let dir = tempfile::tempdir().unwrap();
    binary_on("2025-03-01", dir.path(), &[], "new\nOld draft\n");
    binary_on("2025-04-05", dir.path(), &[], "new\nNearly due\n");
    let (code, out, err) = binary(dir.path(), &[], "quit\n");
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("Draft 'Old draft' (started 2025-03-01) was more than 60 days old and has been deleted"),
        "{out}"
    );
    assert!(out.contains("Nearly due"), "{out}");
    assert!(out.contains("3 days left"), "{out}");
    assert!(out.contains("Warning: this draft will be deleted soon"), "{out}");
}

#[test]
fn a_draft_open_elsewhere_is_read_only_and_says_so() {
    use citcert::drafts::DraftStore;
    let dir = tempfile::tempdir().unwrap();
    session(dir.path(), "new\nShared\nself\n", Lang::En, None);
    let id = the_draft(dir.path())["id"].as_str().unwrap().to_string();
    let store = DraftStore::open(dir.path()).unwrap();
    let _held = store.open_draft(&id, &Clock::Fixed(parse_date(TODAY).unwrap())).unwrap();
    let (code, out) = session(dir.path(), "\nminor\nquit\n", Lang::En, Some(&id));
    assert_eq!(code, 0);
    assert!(out.contains("read-only"), "{out}");
    assert!(out.contains("were not saved"), "{out}");
    assert_eq!(the_draft(dir.path())["answers"]["elig.applying_for"], "self");
}

#[test]
fn an_unknown_draft_id_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = binary(dir.path(), &["--draft", "ffff"], "");
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("ffff"), "{err}");
}

#[test]
fn chosen_without_the_flag_when_stdin_is_not_a_terminal_or_term_is_dumb() {
    let dir = tempfile::tempdir().unwrap();
    for term in ["dumb", "xterm-256color"] {
        let mut child = common::citcert()
            .arg("--drafts-dir")
            .arg(dir.path())
            .args(["--today", TODAY])
            .env("TERM", term)
            .env_remove("CITCERT_LANG")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(b"quit\n").unwrap();
        let o = child.wait_with_output().unwrap();
        let out = String::from_utf8_lossy(&o.stdout);
        assert_eq!(o.status.code(), Some(0), "{out}");
        assert!(out.contains("plain mode"), "TERM={term}: {out}");
    }
}

#[test]
fn a_complete_draft_resumes_on_review_and_ends_ready() {
    let dir = tempfile::tempdir().unwrap();
    let scans = tempfile::tempdir().unwrap();
    let (lines, _) = script(&persona_with_files("P01", scans.path()));
    let all: Vec<String> = lines.iter().map(|(_, l)| l.clone()).collect();
    session(dir.path(), &input(&["new", "P01"], &all), Lang::En, None);
    // Enter keeps every current answer on the last screen.
    let (code, out) = session(dir.path(), "1\n\n\n\n", Lang::En, None);
    assert_eq!(code, 0);
    assert!(out.contains("Fees and payment"), "{out}");
    assert!(out.contains("Ready to submit: yes"), "{out}");
}

#[test]
fn a_wrong_choice_points_to_the_numbers_and_yes_no_words_still_work() {
    let dir = tempfile::tempdir().unwrap();
    // 1.1 self, 1.2 a word that is no choice, then 1, 1.3 answered "NO" (an alias the engine takes).
    let (code, out) = session(dir.path(), "new\nPat\n1\nunit\n1\nNO\nquit\n", Lang::En, None);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("“unit” is not one of the choices: type its number (1–5)"), "{out}");
    assert!(!out.contains("parent_born_in_canada"), "no raw option ids: {out}");
    let d = the_draft(dir.path());
    assert_eq!(d["answers"]["elig.request_type"], "first");
    assert_eq!(d["answers"]["elig.paper_already_submitted"], "no");
}

/// The store's messages in French: a damaged file set aside, a draft open elsewhere (read-only,
/// and "not saved" when an answer is given), an unknown draft id.
#[test]
fn the_stores_messages_in_french() {
    use citcert::drafts::DraftStore;
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::Fixed(parse_date(TODAY).unwrap());
    let store = DraftStore::open(dir.path()).unwrap();
    let qref = common::drafts::qref();
    let held = store.create("occupé", qref, "fr", &clock).unwrap();
    std::fs::write(dir.path().join("0badf00d.json"), "{\"format\": 1, \"id\": ").unwrap();
    let (code, out) = session(dir.path(), "1\n1\n", Lang::Fr, None);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("0badf00d.json : le fichier s'arrête trop tôt"), "{out}");
    assert!(out.contains("il est ouvert dans un autre citcert"), "{out}");
    assert!(out.contains("lecture seule"), "{out}");
    assert!(out.contains("Raison : il est ouvert dans un autre citcert"), "{out}");
    for english in ["ends early", "open in another citcert", "read-only", "nothing was saved"] {
        assert!(!out.contains(english), "{english}: {out}");
    }
    drop(held);
    let (code, out, err) = binary(dir.path(), &["--lang", "fr", "--draft", "zz"], "");
    assert_eq!(code, 2, "{out}");
    assert!(err.contains("aucun brouillon n'a un identifiant qui commence par « zz »"), "{err}");
}

#[test]
fn suggestions_are_accepted_with_enter_and_ruled_out_options_are_not_offered() {
    let dir = tempfile::tempdir().unwrap();
    let (lines, _) = script(&persona("P01"));
    // P01 to 6.16, accepting the suggested country of birth (4.7) with Enter; at 6.16 (6.12 =
    // Lebanon) "born in Canada" is neither listed nor accepted; option 1 is "granted".
    let mut typed: Vec<String> = until(&lines, "par2.how_obtained")
        .into_iter()
        .zip(lines.iter().map(|(id, _)| id.clone()))
        .map(|(line, id)| if id == "pers.country_of_birth" { String::new() } else { line })
        .collect();
    typed.extend(["born_in_canada".into(), "Born in Canada".into(), "1".into()]);
    let (code, out) = session(dir.path(), &input(&["new", "T"], &typed), Lang::En, None);
    assert_eq!(code, 0);
    assert!(out.contains("[suggested: Canada] Enter accepts it"), "{out}");
    let d = the_draft(dir.path());
    assert_eq!(d["answers"]["pers.country_of_birth"], "CA");
    assert_eq!(d["answers"]["par2.how_obtained"], "granted");
    let at = out.find("6.16 ").expect("6.16 asked");
    let block = &out[at..];
    let options = &block[..block.find("6.16>").unwrap_or(block.len())];
    assert!(options.contains("1) Granted citizenship (naturalized)"), "{options}");
    assert!(!options.contains("Born in Canada"), "{options}");
    assert!(block.contains("“born_in_canada” is not one of the choices"), "{block}");
    assert!(block.contains("“Born in Canada” is not one of the choices"), "{block}");
}

/// Forgiving input (issue 13): a date with one-digit month, a height in French units, a postal
/// code in lower case without its space — each stored in its one normal form; a day that does not
/// exist is named, in both languages.
#[test]
fn typed_answers_are_stored_normalised() {
    for lang in [Lang::En, Lang::Fr] {
        let dir = tempfile::tempdir().unwrap();
        let (lines, _) = script(&persona("P01"));
        let at = |id: &str| lines.iter().position(|(q, _)| q == id).unwrap();
        let mut typed = until(&lines, "pers.dob");
        typed.extend(["1990-02-30".into(), "1990-4-12".into()]);
        typed.extend(lines[at("pers.dob") + 1..at("pers.height")].iter().map(|(_, l)| l.clone()));
        typed.push("5 pi 10 po".into());
        typed.extend(lines[at("pers.height") + 1..at("addr.mail_postal")].iter().map(|(_, l)| l.clone()));
        typed.push("m5v2t6".into());
        let head = if lang == Lang::En { ["new", "T"] } else { ["nouveau", "T"] };
        let (code, out) = session(dir.path(), &input(&head, &typed), lang, None);
        assert_eq!(code, 0, "{out}");
        let no_day = match lang {
            Lang::En => "There is no February 30, 1990",
            Lang::Fr => "Le 30 février 1990 n’existe pas",
        };
        assert!(out.contains(no_day), "{out}");
        let d = the_draft(dir.path());
        assert_eq!(d["answers"]["pers.dob"], "1990-04-12");
        assert_eq!(d["answers"]["pers.height"], "5 ft 10 in");
        assert_eq!(d["answers"]["addr.mail_postal"], "M5V 2T6");
    }
}

/// An empty draft name is refused with the store's words, and the name is asked again (issue 13).
#[test]
fn an_empty_draft_name_is_refused_and_asked_again() {
    for (lang, head, said) in [
        (Lang::En, "new", "the draft's name is empty; give it a name"),
        (Lang::Fr, "nouveau", "le nom du brouillon est vide; nommez-le"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let (code, out) = session(dir.path(), &format!("{head}\n   \nLiam\n"), lang, None);
        assert_eq!(code, 0, "{out}");
        assert!(out.contains(said), "{out}");
        assert_eq!(the_draft(dir.path())["label"], "Liam");
    }
}
