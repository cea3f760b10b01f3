//! Issue 10 (and issue 12 item 3) in plain mode, through piped sessions: a path given at a file
//! question is checked (a nonexistent one refused, nothing stored); a stop names its question and
//! ST-02 offers no paper preparation; the review lists every answer and "change N" comes back; the
//! last step exports the summary; a failed save is never "saved" and quitting exits 1.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use citcert::clock::{Clock, parse_date};
use citcert::engine::Lang;

const TODAY: &str = "2025-06-01";

fn session(dir: &Path, input: &str, lang: Lang) -> (i32, String) {
    crate::common::plain_session(dir, input, lang, None, TODAY)
}

fn the_draft(dir: &Path) -> serde_json::Value {
    let f = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "json"))
        .unwrap();
    serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap()
}

/// Imports persona `name` as a draft into `dir` through the binary (CITCERT_LANG removed), then
/// sets it on screen `screen`, in paper-preparation mode if `paper_prep`; returns its id.
fn import_as(dir: &Path, name: &str, screen: &str, paper_prep: bool) -> String {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/personas/{name}.answers.json"));
    let o = Command::new(env!("CARGO_BIN_EXE_citcert"))
        .args(["--drafts-dir"])
        .arg(dir)
        .args(["--today", TODAY, "drafts", "import"])
        .arg(&file)
        .args(["--label", name])
        .env_remove("CITCERT_LANG")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    let id = out.split("as draft ").nth(1).unwrap()[..8].to_string();
    let clock = Clock::Fixed(parse_date(TODAY).unwrap());
    let store = citcert::drafts::DraftStore::open(dir).unwrap();
    let mut open = store.open_draft(&id, &clock).unwrap();
    open.draft.current_screen = screen.to_string();
    if paper_prep {
        open.draft.paper_prep = true;
    }
    open.save(&clock).unwrap();
    id
}

/// Imports P01 as a draft into `dir` through the binary, resumed on screen `screen`.
fn import_p01(dir: &Path, screen: &str) -> String {
    import_as(dir, "P01", screen, false)
}

#[test]
fn a_nonexistent_path_is_refused_in_plain_mode_and_a_real_one_recorded() {
    let dir = tempfile::tempdir().unwrap();
    import_p01(dir.path(), "S11.CL-ID1");
    let scans = tempfile::tempdir().unwrap();
    let real = scans.path().join("licence.pdf");
    std::fs::write(&real, b"%PDF-1.4\n% licence\n").unwrap();
    // 11.1.1 keep "yes", 11.1.2: a path that does not exist, then the real one.
    let input = format!("1\n\n/nowhere/licence.pdf\n{}\nquit\n", real.display());
    let (code, out) = session(dir.path(), &input, Lang::En);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("/nowhere/licence.pdf: no such file"), "{out}");
    assert!(out.contains("File checked and recorded: licence.pdf — PDF"), "{out}");
    let d = the_draft(dir.path());
    let canon = std::fs::canonicalize(&real).unwrap();
    assert_eq!(d["answers"]["docs.CL-ID1.file"], canon.to_string_lossy().as_ref());
    let recorded = citcert::documents::attach::attachments_of(d["attachments"].as_array().unwrap());
    assert_eq!(recorded.len(), 1);
    assert_eq!(recorded[0].item, "CL-ID1");
}

#[test]
fn an_imported_draft_with_unchecked_files_is_not_ready_in_plain_mode() {
    let dir = tempfile::tempdir().unwrap();
    import_p01(dir.path(), "S13");
    // Enter keeps the fee answers; then the end.
    let (code, out) = session(dir.path(), "1\n\n\n\n", Lang::En);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Ready to submit: no"), "{out}");
    assert!(!out.contains("Ready to submit: yes"), "{out}");
    assert!(out.contains("file not checked yet (ontario-licence.pdf)"), "{out}");
    assert!(out.contains("What happens next:"), "{out}");
    assert!(out.contains("Sign in to your IRCC secure account"), "{out}");
}

#[test]
fn already_submitted_on_paper_names_the_question_and_offers_no_paper_preparation() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out) = session(dir.path(), "new\nT\nself\nfirst\nyes\npaper\nquit\n", Lang::En);
    assert_eq!(code, 0, "{out}");
    let st02 =
        citcert::engine::builtin().unwrap().rules.iter().find(|r| r.id == "ST-02").unwrap().title.en.clone();
    assert!(out.contains(&format!("STOP — {st02}")), "{out}");
    assert!(!out.contains("STOP — ST-02"), "no rule code read aloud: {out}");
    assert!(out.contains("Because of your answer to 1.3 "), "{out}");
    assert!(out.contains("Type change to change this answer, or quit."), "{out}");
    assert!(out.contains("Type change or quit."), "paper is refused: {out}");
    assert!(!out.contains("Paper-preparation mode"), "{out}");
    assert_ne!(the_draft(dir.path())["paper_prep"], true);
}

#[test]
fn the_review_lists_every_answer_and_change_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    import_p01(dir.path(), "S12");
    // At the declaration: change 4.1, give a new surname, back on the review.
    let (code, out) = session(dir.path(), "1\nchange 4.1\nHaddad-Smith\nquit\n", Lang::En);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Check your answers"), "{out}");
    assert!(out.contains("  4.1 Surname (last name): Haddad"), "{out}");
    assert!(out.contains("-- 4 Personal details (done)"), "{out}");
    let after = &out[out.find("Haddad-Smith").unwrap()..];
    assert!(after.contains("Check your answers"), "back on the review after the change: {after}");
    assert_eq!(the_draft(dir.path())["answers"]["pers.surname"], "Haddad-Smith");
}

#[test]
fn the_last_step_exports_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    import_p01(dir.path(), "S13");
    let out_dir = tempfile::tempdir().unwrap();
    let input = format!("1\n\n\nexport {}\ndone\n", out_dir.path().display());
    let (code, out) = session(dir.path(), &input, Lang::En);
    assert_eq!(code, 0, "{out}");
    let md: Vec<_> =
        std::fs::read_dir(out_dir.path()).unwrap().filter_map(|e| e.ok()).map(|e| e.path()).collect();
    assert_eq!(md.len(), 2, "{md:?}\n{out}");
    assert!(out.contains("Wrote "), "{out}");
    // A package is refused while files are unchecked, with the reason.
    let pkg = out_dir.path().join("pkg");
    let input = format!("1\n\n\npackage {}\ndone\n", pkg.display());
    let (_, out) = session(dir.path(), &input, Lang::En);
    assert!(out.contains("package: refused"), "{out}");
    assert!(!pkg.join("manifest.json").exists());
}

#[test]
fn a_failed_save_is_never_saved_and_quitting_exits_1() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("drafts");
    std::fs::create_dir(&dir).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_citcert"))
        .args(["--plain", "--drafts-dir"])
        .arg(&dir)
        .args(["--today", TODAY])
        .env_remove("CITCERT_LANG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"new\nT\n").unwrap();
    stdin.flush().unwrap();
    // Once the draft exists, the drafts folder goes away (even root cannot write into a file).
    let start = std::time::Instant::now();
    while std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0) == 0 {
        assert!(start.elapsed().as_secs() < 20, "the draft was never created");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    std::thread::sleep(std::time::Duration::from_millis(200));
    std::fs::rename(&dir, root.path().join("gone")).unwrap();
    std::fs::write(&dir, b"not a folder").unwrap();
    stdin.write_all(b"self\nsave\nquit\n").unwrap();
    drop(stdin);
    let o = child.wait_with_output().unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("Not saved:"), "{out}");
    assert!(!out.contains("Saved."), "{out}");
    assert!(!out.contains("Your answers are saved"), "{out}");
    assert!(out.contains("Your last answers are NOT saved"), "{out}");
    assert_eq!(o.status.code(), Some(1), "{out}");
}

/// Imports persona `name` and sets its draft in paper-preparation mode on screen `screen`.
fn import_on_paper(dir: &Path, name: &str, screen: &str) -> String {
    import_as(dir, name, screen, true)
}

#[test]
fn a_first_generation_stop_leads_to_a_printable_paper_summary() {
    let dir = tempfile::tempdir().unwrap();
    let id = import_on_paper(dir.path(), "P06", "S12");
    let out_dir = tempfile::tempdir().unwrap();
    let input = format!("1\n1\npackage {0}/p\nexport {0}\ndone\n", out_dir.path().display());
    let (code, out) = session(dir.path(), &input, Lang::En);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Your paper application:"), "{out}");
    assert!(out.contains("The paper Application for a Citizenship Certificate"), "{out}");
    // The stop's source in words; its rule id only with `codes` (issue 13).
    assert!(!out.contains("ST-04") && out.contains("(Guide"), "{out}");
    assert!(out.contains("Documents to gather:"), "{out}");
    assert!(out.contains("is not paid in the online application"), "{out}");
    assert!(out.contains("No package in paper-preparation mode"), "{out}");
    let md = std::fs::read_to_string(out_dir.path().join(format!("citcert-paper-{id}.md"))).unwrap();
    for want in
        ["# Paper-preparation summary", "## Documents to gather", "- [ ] **", "## Your answers, to copy"]
    {
        assert!(md.contains(want), "{want}: {md}");
    }
    assert!(!md.contains("scans/"), "no file paths on paper: {md}");
    let html = std::fs::read_to_string(out_dir.path().join(format!("citcert-paper-{id}.html"))).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<table>"), "{html}");
    // French too.
    let (_, out) = session(dir.path(), "1\n\ndone\n", Lang::Fr);
    assert!(out.contains("Votre demande papier :"), "{out}");
    assert!(out.contains("Documents à réunir :"), "{out}");
}

#[test]
fn enter_on_a_file_named_but_never_checked_checks_it_now() {
    let dir = tempfile::tempdir().unwrap();
    import_p01(dir.path(), "S11.CL-ID1");
    // 11.1.1 keeps "yes"; Enter at 11.1.2 keeps "scans/ontario-licence.pdf", which is checked now:
    // it is not there, so it is refused and asked again.
    let (code, out) = session(dir.path(), "1\n\n\nquit\n", Lang::En);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("scans/ontario-licence.pdf: no such file"), "{out}");
    let d = the_draft(dir.path());
    assert!(d["attachments"].as_array().is_none_or(|a| a.is_empty()), "{d}");
}

#[test]
fn paper_mode_that_no_stop_applies_to_is_left_in_plain_mode_as_in_the_tui() {
    let dir = tempfile::tempdir().unwrap();
    let id = import_p01(dir.path(), "S11.CL-ID1");
    let clock = Clock::Fixed(parse_date(TODAY).unwrap());
    let store = citcert::drafts::DraftStore::open(dir.path()).unwrap();
    let mut open = store.open_draft(&id, &clock).unwrap();
    open.draft.paper_prep = true;
    open.save(&clock).unwrap();
    drop(open);
    // No stop applies to P01: the session core leaves paper mode, so the document's file question
    // is asked (and its file checked), as the TUI asks it; the draft forgets paper mode.
    let (code, out) = session(dir.path(), "1\n\n/nowhere/licence.pdf\nquit\n", Lang::En);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("/nowhere/licence.pdf: no such file"), "{out}");
    assert!(!out.contains("Your paper application:"), "{out}");
    let d = the_draft(dir.path());
    assert!(d.get("paper_prep").is_none_or(|v| v == false), "{d}");
}

/// Imports a persona as a draft into `dir` through the binary, resumed on screen `screen`, not in
/// paper-preparation mode.
fn import_persona(dir: &Path, name: &str, screen: &str) -> String {
    let id = import_on_paper(dir, name, screen);
    let clock = Clock::Fixed(parse_date(TODAY).unwrap());
    let store = citcert::drafts::DraftStore::open(dir).unwrap();
    let mut open = store.open_draft(&id, &clock).unwrap();
    open.draft.paper_prep = false;
    open.save(&clock).unwrap();
    id
}

#[test]
fn resuming_where_a_do_not_apply_stop_applies_offers_the_choice_again() {
    let dir = tempfile::tempdir().unwrap();
    // 1.3 "already submitted on paper": yes sets off ST-02; quit at the stop.
    let (code, out) = session(dir.path(), "new\nT\nself\nfirst\nyes\nquit\n", Lang::En);
    assert_eq!(code, 0, "{out}");
    assert_eq!(out.matches("Because of your answer to 1.3 ").count(), 1, "{out}");
    // Resumed: the same stop, the same question behind it, the same choice — not said once and
    // walked past.
    let (code, out) = session(dir.path(), "1\nbogus\nchange\nno\nquit\n", Lang::En);
    assert_eq!(code, 0, "{out}");
    let st02 =
        citcert::engine::builtin().unwrap().rules.iter().find(|r| r.id == "ST-02").unwrap().title.en.clone();
    assert!(out.contains(&format!("STOP — {st02}")), "{out}");
    assert!(out.contains("Because of your answer to 1.3 ") && out.contains("— your answer: Yes"), "{out}");
    assert!(out.contains("Type change to change this answer, or quit."), "{out}");
    assert!(out.contains("STOP> bogus\nType change or quit."), "paper is not offered: {out}");
    // "change" asks 1.3 again; the new answer is kept.
    let after = &out[out.find("STOP> change").expect(&out)..];
    assert!(after.contains("\n1.3> no"), "{after}");
    assert_eq!(the_draft(dir.path())["answers"]["elig.paper_already_submitted"], "no");
    // Quitting at the resumed stop quits, saved.
    let (code, out) = session(dir.path(), "1\nquit\n", Lang::En);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("STOP> "), "no stop applies any more: {out}");
}

#[test]
fn resuming_where_a_paper_stop_applies_offers_paper_preparation_in_french() {
    let dir = tempfile::tempdir().unwrap();
    // P06: second generation born abroad → a paper application (a stop that offers paper).
    import_persona(dir.path(), "P06", "S12");
    let (code, out) = session(dir.path(), "1\npapier\nquitter\n", Lang::Fr);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("En raison de votre réponse à "), "{out}");
    assert!(
        out.contains("Tapez changer pour changer cette réponse, papier pour poursuivre en mode préparation papier, ou quitter."),
        "{out}"
    );
    assert!(out.contains("ARRÊT> papier\nMode préparation papier : "), "{out}");
    assert_eq!(the_draft(dir.path())["paper_prep"], true, "kept in the draft, as when the stop fires");
    // In paper-preparation mode the stop is covered: no choice asked again.
    let (code, out) = session(dir.path(), "1\nquitter\n", Lang::Fr);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("ARRÊT> "), "{out}");
}

#[test]
fn the_review_under_a_do_not_apply_stop_says_why_and_lists_only_the_answers_given() {
    for (lang, why, because, missing, ready, fee) in [
        (
            Lang::En,
            "Do not apply online: a stop applies",
            "Because of your answer to 1.3 ",
            "Missing answers",
            "Ready to submit: no.",
            "Fee:",
        ),
        (
            Lang::Fr,
            "Ne présentez pas de demande en ligne : un arrêt s’applique",
            "En raison de votre réponse à 1.3 ",
            "Réponses manquantes",
            "Prête à soumettre : non.",
            "Frais :",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        // ST-02 fires at 1.3; "change" goes back to 1.3, where "review" is typed.
        let input = lang.pick(
            "new\nT\nself\nfirst\nyes\nchange\nreview\nquit\n",
            "nouveau\nT\nself\nfirst\noui\nchanger\nrevue\nquitter\n",
        );
        let (code, out) = session(dir.path(), input, lang);
        assert_eq!(code, 0, "{out}");
        let review = &out[out.find(why).unwrap_or_else(|| panic!("{out}"))..];
        let review = &review[..review.find("\n1.3 ").unwrap_or(review.len())];
        assert!(review.contains(because), "{review}");
        // The answers given, none of the dozens that no longer matter.
        assert!(review.contains("1.1 ") && review.contains("1.3 "), "{review}");
        assert!(!review.contains("* ") && !review.contains(missing), "{review}");
        assert!(!review.contains(lang.pick(": not answered yet", " : pas encore répondu")), "{review}");
        assert!(!review.contains("(1 to answer)") && !review.contains(fee), "{review}");
        // Never ready.
        assert!(review.contains(ready), "{review}");
        assert!(!review.contains(lang.pick("Ready to submit: yes", "Prête à soumettre : oui")), "{review}");
    }
}
