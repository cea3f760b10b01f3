//! Plain mode for screen readers and agents (issue 13): the whole question again after `?`,
//! `checklist` and `review`; no codes read aloud unless `codes`; the same screen numbering as the
//! TUI; agent notes (`note TEXT`) shown with their question and in the review; the draft's history
//! (`history`); the paper route's review in paper-preparation mode. Piped sessions, in-process.

use std::path::Path;

use citcert::engine::{Lang, builtin};
use serde_json::Value;

const TODAY: &str = "2025-06-01";

/// Runs plain mode in-process on `input`; returns (exit status, output).
fn session(dir: &Path, input: &str, lang: Lang, draft: Option<&str>) -> (i32, String) {
    crate::common::plain_session(dir, input, lang, draft, TODAY)
}

fn the_draft(dir: &Path) -> Value {
    crate::common::drafts::the_draft(dir)
}

fn number(id: &str) -> String {
    builtin().unwrap().questions.iter().find(|q| q.id == id).unwrap().number.clone()
}

/// The line that starts a question's text ("1.1 Who is …").
fn head_count(out: &str, num: &str) -> usize {
    out.lines().filter(|l| l.starts_with(&format!("{num} "))).count()
}

#[test]
fn help_checklist_and_review_say_the_whole_question_again() {
    let dir = tempfile::tempdir().unwrap();
    let n = number("elig.applying_for");
    let (_, out) = session(dir.path(), "new\nT\n?\nquit\n", Lang::En, None);
    assert_eq!(head_count(&out, &n), 2, "the question, then again after ?\n{out}");
    let after_help = &out[out.find(&format!("{n}> ?")).unwrap()..];
    assert!(after_help.contains("Moving, at any prompt"), "{out}");
    assert!(after_help.contains(&format!("\n{n} ")), "whole question after the help\n{out}");
    let dir = tempfile::tempdir().unwrap();
    let (_, out) = session(dir.path(), "new\nT\nchecklist\nreview\nquit\n", Lang::En, None);
    assert_eq!(head_count(&out, &n), 3, "again after checklist and after review\n{out}");
}

#[test]
fn notes_are_written_shown_with_the_question_in_the_review_and_in_the_history() {
    let dir = tempfile::tempdir().unwrap();
    let n = number("elig.applying_for");
    let input = "new\nT\nnote caller will check the grant date\nquit\n";
    let (code, out) = session(dir.path(), input, Lang::En, None);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains(&format!("Note saved on question {n}.")), "{out}");
    let d = the_draft(dir.path());
    assert_eq!(d["notes"]["elig.applying_for"], "caller will check the grant date");
    let id = d["id"].as_str().unwrap().to_string();
    let events: Vec<&str> =
        d["history"].as_array().unwrap().iter().map(|e| e["event"].as_str().unwrap()).collect();
    assert!(events.contains(&"note"), "{events:?}");

    // Reopened: the note is said with its question, in the review, and the history lists it.
    let (code, out) = session(dir.path(), "review\nhistory\nnote\nquit\n", Lang::En, Some(&id));
    assert_eq!(code, 0, "{out}");
    let asked = &out[out.find(&format!("\n{n} ")).unwrap()..out.find(&format!("{n}> ")).unwrap()];
    assert!(asked.contains("Agent note: caller will check the grant date"), "{asked}");
    let review =
        &out[out.find(&format!("{n}> review")).unwrap()..out.find(&format!("{n}> history")).unwrap()];
    assert!(review.contains("    Agent note: caller will check the grant date"), "{review}");
    let history = &out[out.find(&format!("{n}> history")).unwrap()..];
    assert!(history.contains("History of this draft, oldest first:"), "{history}");
    assert!(history.contains("2025-06-01 12:00  created"), "{history}");
    assert!(history.contains(&format!("note: {n}")), "numbers, never values\n{history}");
    assert!(!history.contains("grant date\n  20"), "{history}");

    // In French: the note removed with "note effacer"; an empty note is refused.
    let (code, out) = session(dir.path(), "note effacer\nnote   \nquitter\n", Lang::Fr, Some(&id));
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Note de l’agent : caller will check the grant date"), "{out}");
    assert!(out.contains(&format!("Note retirée de la question {n}.")), "{out}");
    assert!(out.contains("Aucune note sur cette question."), "{out}");
    assert!(the_draft(dir.path())["notes"].as_object().is_none_or(|m| m.is_empty()));
}

#[test]
fn a_note_with_control_characters_or_too_long_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let long = "x".repeat(201);
    let input = format!("new\nT\nnote a\tb\nnote {long}\nquit\n");
    let (code, out) = session(dir.path(), &input, Lang::En, None);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Note not saved: the note must be one line of plain text"), "{out}");
    assert!(out.contains("Note not saved: the note has 201 characters"), "{out}");
    assert!(the_draft(dir.path())["notes"].as_object().is_none_or(|m| m.is_empty()));
}

#[test]
fn no_codes_read_aloud_unless_asked_and_screens_numbered_as_questions() {
    let dir = tempfile::tempdir().unwrap();
    // A stop (1.2 = update): its rule, quote and source in words.
    let (_, out) = session(dir.path(), "new\nT\nself\nupdate\n?\nquit\n", Lang::En, None);
    assert!(out.contains("Screen 1 of 13: "), "{out}");
    assert!(!out.contains("ST-01"), "{out}");
    assert!(!out.contains("G L"), "{out}");
    assert!(out.contains("Source: Guide: Before you apply"), "{out}");
    // With codes: an agent sees them to quote in a ticket.
    let dir = tempfile::tempdir().unwrap();
    let (_, out) = session(dir.path(), "new\nT\ncodes\nself\nupdate\nquit\n", Lang::En, None);
    assert!(out.contains("Codes on:"), "{out}");
    assert!(out.contains("[ST-01]"), "{out}");
    assert!(out.contains("[G L"), "{out}");
    // French.
    let dir = tempfile::tempdir().unwrap();
    let (_, out) = session(dir.path(), "new\nT\nself\nupdate\n?\nquitter\n", Lang::Fr, None);
    assert!(out.contains("Écran 1 sur 13 : "), "{out}");
    assert!(out.contains("Source : Guide : Avant de présenter une demande"), "{out}");
    assert!(!out.contains("ST-01"), "{out}");
}

#[test]
fn review_on_the_paper_route_is_the_paper_review() {
    let dir = tempfile::tempdir().unwrap();
    let (_, out) = session(dir.path(), "new\nT\nself\nupdate\ncontinue\nreview\nquit\n", Lang::En, None);
    let review = &out[out.rfind("> review").unwrap()..];
    assert!(review.contains("Review for the paper application"), "{review}");
    assert!(review.contains("Which paper application, and why:"), "{review}");
    assert!(!review.contains("Missing answer"), "the online report is not shown on paper\n{review}");
    assert!(!review.contains(".file"), "{review}");
    let dir = tempfile::tempdir().unwrap();
    let (_, out) = session(dir.path(), "new\nT\nself\nupdate\ncontinuer\nrevue\nquitter\n", Lang::Fr, None);
    let review = &out[out.rfind("> revue").unwrap()..];
    assert!(review.contains("Revue pour la demande papier"), "{review}");
    assert!(!review.contains("Réponse manquante"), "{review}");
}

#[test]
fn yes_comes_first_wherever_yes_and_no_are_offered() {
    for question in &builtin().unwrap().questions {
        let labels: Vec<String> = question.options.iter().map(|o| o.label.en.to_lowercase()).collect();
        let yes = labels.iter().position(|l| l.starts_with("yes"));
        let no = labels.iter().position(|l| l == "no" || l.starts_with("no,") || l.starts_with("no "));
        if let (Some(y), Some(n)) = (yes, no) {
            assert!(y < n, "{}: {labels:?}", question.number);
        }
    }
}

#[test]
fn a_resumed_draft_with_a_stop_says_it_one_idea_a_line() {
    let dir = tempfile::tempdir().unwrap();
    let (_, out) = session(dir.path(), "new\nT\nself\nupdate\nquit\n", Lang::En, None);
    assert!(out.contains("STOP — "), "{out}");
    let id = the_draft(dir.path())["id"].as_str().unwrap().to_string();
    let (_, out) = session(dir.path(), "quit\n", Lang::En, Some(&id));
    let q = builtin().unwrap();
    let st01 = q.rules.iter().find(|r| r.id == "ST-01").unwrap();
    // Said as when it fired (issue 14): the title, then the message on a line of its own, then
    // the choice asked again.
    assert!(out.contains(&format!("\nSTOP — {}\n{}\n", st01.title.en, st01.message.en)), "{out}");
    assert!(out.contains("paper to go on in paper-preparation mode, or quit.\nSTOP> quit"), "{out}");
}

#[test]
fn note_history_and_codes_work_at_a_stop_too() {
    let dir = tempfile::tempdir().unwrap();
    let input = "new\nT\nself\nupdate\nnote caller has a paper form already\nhistory\ncodes\n?\nquit\n";
    let (code, out) = session(dir.path(), input, Lang::En, None);
    assert_eq!(code, 0, "{out}");
    let n = number("elig.request_type");
    assert!(out.contains(&format!("Note saved on question {n}.")), "{out}");
    assert!(out.contains(&format!("note: {n}")), "{out}");
    assert!(out.contains("Codes on:") && out.contains("[ST-01]"), "{out}");
    assert_eq!(the_draft(dir.path())["notes"]["elig.request_type"], "caller has a paper form already");
}
