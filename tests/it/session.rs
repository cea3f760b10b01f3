//! The session core (src/session/), driven directly: giving a file (one check, refusals, the
//! explanation letter kept), what an answer sets off, checking the files an answers file names,
//! screen states and what happens next, in both languages.

use std::collections::BTreeSet;

use citcert::clock::{Clock, parse_date};
use citcert::engine::{Answers, Context, Lang, Questionnaire, builtin, evaluate};
use citcert::session::{files, fires, journey, paper};

const TODAY: &str = "2025-06-01";
const PDF: &[u8] = b"%PDF-1.4\n% a document\n";

fn q() -> &'static Questionnaire {
    builtin().unwrap()
}

fn ctx() -> Context {
    Context { today: parse_date(TODAY).unwrap(), started: parse_date(TODAY) }
}

fn persona(name: &str) -> Answers {
    let path = format!("{}/tests/personas/{name}.answers.json", env!("CARGO_MANIFEST_DIR"));
    let root: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    Answers::from_file_json(&root).unwrap()
}

fn clock() -> Clock {
    Clock::Fixed(parse_date(TODAY).unwrap())
}

#[test]
fn a_file_is_checked_and_recorded_or_refused_with_nothing_changed() {
    let dir = tempfile::tempdir().unwrap();
    let a = persona("P01");
    let day = parse_date(TODAY).unwrap();
    // Refusals: missing, a folder, a GIF, too large. The answers and records stay as they were.
    let gif = dir.path().join("x.gif");
    std::fs::write(&gif, b"GIF89a....").unwrap();
    let big = dir.path().join("big.pdf");
    std::fs::write(&big, [PDF, &[b'x'; 4096]].concat()).unwrap();
    for (path, max, want) in [
        (dir.path().join("nope.pdf"), 1 << 20, "no such file"),
        (dir.path().to_path_buf(), 1 << 20, "not a regular file"),
        (gif.clone(), 1 << 20, "GIF"),
        (big.clone(), 1024, "over the"),
    ] {
        let e = files::give_file(q(), &a, &[], day, "CL-ID1", &path, None, max, &clock()).unwrap_err();
        let t = citcert::engine::Explain::explain(&e);
        assert!(t.en.contains(want), "{want}: {}", t.en);
        assert_ne!(t.en, t.fr);
    }
    let ok = dir.path().join("licence.pdf");
    std::fs::write(&ok, PDF).unwrap();
    let g = files::give_file(q(), &a, &[], day, "CL-ID1", &ok, None, 1 << 20, &clock()).unwrap();
    assert_eq!(g.attachment.item, "CL-ID1");
    assert_eq!(g.attachment.size, PDF.len() as u64);
    assert_eq!(g.attachments.len(), 1);
    let canon = std::fs::canonicalize(&ok).unwrap();
    assert_eq!(g.answers.get("docs.CL-ID1.file").unwrap().as_cond_str(), canon.to_string_lossy());
}

#[test]
fn the_explanation_letter_chosen_is_kept_unless_the_person_says_otherwise() {
    let mut a = persona("P01");
    a.set_text("docs.CL-ID1.provide", "no_explanation");
    assert!(files::explanation_chosen(q(), &a, "CL-ID1"));
    assert!(files::resolve_explanation(q(), &a, "cl-id1", None, &[]));
    assert!(!files::resolve_explanation(q(), &a, "CL-ID1", Some(false), &[]));
    assert!(!files::resolve_explanation(q(), &a, "CL-ID1", None, &[("provide".into(), "yes".into())]));
    let dir = tempfile::tempdir().unwrap();
    let letter = dir.path().join("letter.pdf");
    std::fs::write(&letter, PDF).unwrap();
    let day = parse_date(TODAY).unwrap();
    let g = files::give_file(q(), &a, &[], day, "CL-ID1", &letter, None, 1 << 20, &clock()).unwrap();
    assert_eq!(g.attachment.kind, citcert::documents::attach::Kind::Explanation);
    assert_eq!(g.answers.get("docs.CL-ID1.provide").unwrap().as_cond_str(), "no_explanation");
}

#[test]
fn a_stop_fires_on_the_answer_that_sets_it_off_and_names_it() {
    let mut a = Answers::default();
    a.set_text("elig.applying_for", "self");
    let before = evaluate(q(), &a, ctx());
    a.set_text("elig.request_type", "update");
    let after = evaluate(q(), &a, ctx());
    let qi = q().question_index("elig.request_type").unwrap();
    let f = fires::after_answer(q(), &before, &after, qi, &BTreeSet::new(), false).expect("ST-01 at once");
    assert!(!f.caution && f.paper_ok);
    assert_eq!(f.question, Some(qi));
    assert_eq!(q().rules[f.rules[0]].id, "ST-01");
    assert!(fires::question_line(q(), &after, qi, Lang::En).starts_with("1.2 "));
    assert!(fires::question_line(q(), &after, qi, Lang::Fr).contains("votre réponse : "));
    // Once in paper mode, the same stop does not stop again.
    assert_eq!(fires::after_answer(q(), &before, &after, qi, &BTreeSet::new(), true), None);
    // The cause is found for a stop met on leaving.
    assert_eq!(fires::on_leaving(q(), &a, &after, &BTreeSet::new(), false).unwrap().question, Some(qi));
}

#[test]
fn already_submitted_on_paper_is_never_sent_to_paper_preparation() {
    let mut a = Answers::default();
    a.set_text("elig.applying_for", "self");
    a.set_text("elig.request_type", "first");
    let before = evaluate(q(), &a, ctx());
    a.set_text("elig.paper_already_submitted", "yes");
    let after = evaluate(q(), &a, ctx());
    let qi = q().question_index("elig.paper_already_submitted").unwrap();
    let f = fires::after_answer(q(), &before, &after, qi, &BTreeSet::new(), false).unwrap();
    assert_eq!(q().rules[f.rules[0]].id, "ST-02");
    assert!(!f.paper_ok);
    assert!(!fires::paper_offered(q(), &f.rules));
    // Even in paper mode it still stops.
    assert!(fires::after_answer(q(), &before, &after, qi, &BTreeSet::new(), true).is_some());
}

#[test]
fn files_an_answers_file_names_are_checked_relative_to_its_folder() {
    let dir = tempfile::tempdir().unwrap();
    let a = persona("P01");
    let ev = evaluate(q(), &a, ctx());
    // None of P01's files exist here: each is refused with its reason, nothing is ready.
    let (checked, att, refused) =
        files::check_named_files(q(), &a, &ev, &[], dir.path(), 1 << 20, parse_date(TODAY).unwrap());
    assert!(att.is_empty());
    assert_eq!(refused.len(), 5, "{refused:?}");
    let ev2 = evaluate(q(), &checked, ctx());
    let rd = citcert::documents::readiness::readiness_with(q(), &checked, &ev2, &att, &refused, Lang::En);
    assert!(ev2.ready && !rd.files_ok && !journey::ready(&ev2, &rd));
    assert!(rd.items.iter().any(|i| i.problem.as_deref().unwrap_or("").contains("no such file")));
    assert!(rd.items.iter().all(|i| i.shown_status(Lang::En) != "provided"));
    // Made real (each its own content), they are checked and the application is ready.
    std::fs::create_dir(dir.path().join("scans")).unwrap();
    for (k, (id, v)) in a.map.iter().filter(|(k, _)| k.ends_with(".file")).enumerate() {
        let jpg = v.as_cond_str().ends_with(".jpg");
        let body = if jpg { b"\xFF\xD8\xFF\xE0".to_vec() } else { PDF.to_vec() };
        std::fs::write(dir.path().join(v.as_cond_str()), [body, format!("{k} {id}").into_bytes()].concat())
            .unwrap();
    }
    let (checked, att, refused) =
        files::check_named_files(q(), &a, &ev, &[], dir.path(), 1 << 20, parse_date(TODAY).unwrap());
    assert!(refused.is_empty(), "{refused:?}");
    let ev2 = evaluate(q(), &checked, ctx());
    let rd = citcert::documents::readiness::readiness_with(q(), &checked, &ev2, &att, &refused, Lang::En);
    assert!(journey::ready(&ev2, &rd), "{:?}", rd.items);
    assert!(rd.items.iter().all(|i| i.ok || i.status == "missing"), "{:?}", rd.items);
}

#[test]
fn screen_states_and_what_happens_next_in_both_languages() {
    let mut a = persona("P01");
    a.remove("pers.dob");
    a.set_text("pers.uci", "12");
    let ev = evaluate(q(), &a, ctx());
    let s4 = q().screen_index("S4").unwrap();
    assert!(matches!(journey::screen_state(q(), &ev, s4), journey::ScreenState::Errors(1)));
    a.set_text("pers.uci", "NA");
    let ev = evaluate(q(), &a, ctx());
    assert_eq!(journey::screen_state(q(), &ev, s4), journey::ScreenState::ToAnswer(1));
    assert_eq!(journey::screen_state(q(), &ev, s4).words(Lang::Fr), "1 à répondre");
    let minor = q().screen_index("S10").unwrap();
    assert_eq!(journey::screen_state(q(), &ev, minor).words(Lang::En), "not asked");
    let notice = journey::leaving_notice(q(), &ev, s4, Lang::En).unwrap();
    assert!(notice.contains("4.") && notice.chars().count() <= 80, "{notice}");
    // More than three left: three numbers and "…", still one 80-column status line.
    let mut b = persona("P01");
    for id in ["pers.surname", "pers.given_names", "pers.dob", "pers.sex", "pers.height"] {
        b.remove(id);
    }
    let evb = evaluate(q(), &b, ctx());
    for lang in [Lang::En, Lang::Fr] {
        let n = journey::leaving_notice(q(), &evb, s4, lang).unwrap();
        assert!(n.chars().count() <= 80 && n.contains('…'), "{n}");
    }
    for lang in [Lang::En, Lang::Fr] {
        let steps = journey::next_steps(true, lang).join("\n");
        for n in 1..=8 {
            assert!(steps.contains(&format!("{n}. ")), "{lang:?}: step {n}");
        }
    }
    let en = journey::next_steps(true, Lang::En).join("\n");
    let fr = journey::next_steps(true, Lang::Fr).join("\n");
    assert!(en.contains("UCI") && fr.contains("IUC"));
    assert!(journey::next_steps(false, Lang::En)[0].starts_with("Not ready yet"));
}

#[test]
fn the_paper_summary_names_the_application_the_documents_and_the_answers() {
    let a = persona("P06");
    let ev = evaluate(q(), &a, ctx());
    for lang in [Lang::En, Lang::Fr] {
        // Words for the applicant; the rule id and guide lines only with the codes switch on.
        let app = paper::which_application(q(), &ev, lang, false);
        assert!(app.iter().all(|l| !l.contains("ST-04") && !l.contains("G L")), "{app:?}");
        assert!(app.iter().any(|l| l.contains("(Guide")), "{app:?}");
        let coded = paper::which_application(q(), &ev, lang, true);
        assert!(coded.iter().any(|l| l.contains("ST-04") && l.contains("G L")), "{coded:?}");
        let lines = paper::screen_lines(q(), &ev, lang, false).join("\n");
        assert!(!lines.contains("ST-04") && !lines.contains("G L"), "{lines}");
        let docs = paper::documents(q(), &ev, lang);
        assert!(docs.len() >= 3, "{docs:?}");
        let md = paper::to_markdown(q(), &ev, "Label \u{202E}x", lang);
        assert!(!md.contains('\u{202E}'), "bidi overrides removed");
        assert!(!md.contains("scans/"), "no file paths: {md}");
        assert!(!md.contains("ST-04") && !md.contains("G L"), "no codes in the printed summary: {md}");
        let html = paper::to_html(q(), &ev, "<b>x</b>", lang);
        assert!(html.contains("&lt;b&gt;x&lt;/b&gt;") && !html.contains("<b>x</b>"));
    }
}

// ---- the one session object both front ends hold ----

use citcert::engine::{AnswerValue, Explain};
use citcert::session::{Draft, DraftSink, Refusal, RelativePaths, Session};

fn draft(answers: Answers) -> Draft {
    Draft::new("d001", "Test", parse_date(TODAY).unwrap(), answers)
}

fn open(d: Draft, relative: RelativePaths) -> Session {
    Session::open(q(), d, parse_date(TODAY).unwrap(), Lang::En, None, relative)
}

fn qi(id: &str) -> usize {
    q().question_index(id).unwrap()
}

fn text(v: &str) -> Option<AnswerValue> {
    Some(AnswerValue::Text(v.into()))
}

/// A store that refuses every save (as a full disk or a vanished folder would).
struct Refusing;
impl DraftSink for Refusing {
    fn save(&mut self, d: &Draft) -> Result<(), citcert::drafts::DraftError> {
        Err(citcert::drafts::DraftError::NotOpen { id: d.id.clone() })
    }
}

/// A store that keeps what it is given.
#[derive(Default)]
struct Kept(Vec<Draft>);
impl DraftSink for Kept {
    fn save(&mut self, d: &Draft) -> Result<(), citcert::drafts::DraftError> {
        self.0.push(d.clone());
        Ok(())
    }
}

#[test]
fn the_session_opens_answers_stops_at_once_and_enters_paper_mode() {
    let mut a = Answers::default();
    a.set_text("elig.applying_for", "self");
    let mut d = draft(a);
    // Paper mode saved, but no stop applies any more: it does not hold.
    d.paper_prep = true;
    let mut s = open(d, RelativePaths::Refuse);
    assert!(!s.paper_mode && !s.draft.paper_prep && s.saved);
    // The answer that sets off ST-01 says so at once, naming its question; nothing else fires.
    let c = s.answer(q(), qi("elig.request_type"), text("update")).unwrap();
    assert!(c.changed && !s.saved);
    let f = c.fired.expect("a stop at once");
    assert!(!f.caution && f.paper_ok);
    assert_eq!(f.question, Some(qi("elig.request_type")));
    assert_eq!(q().rules[f.rules[0]].id, "ST-01");
    // The same answer again changes nothing and fires nothing.
    let again = s.answer(q(), qi("elig.request_type"), text("update")).unwrap();
    assert!(!again.changed && again.fired.is_none());
    // Paper mode: kept in the draft; no file is given there.
    assert!(s.enter_paper_mode(q()));
    assert!(s.paper_mode && s.draft.paper_prep);
    let r = s.answer(q(), qi("docs.CL-ID1.file"), text("/tmp/x.pdf")).unwrap_err();
    assert!(matches!(r, Refusal::PaperNoFile));
    assert_ne!(r.text().en, r.text().fr);
    // The cause changes: paper mode ends, in the draft too.
    let c = s.answer(q(), qi("elig.request_type"), text("first")).unwrap();
    assert!(c.paper_mode_ended && !s.paper_mode && !s.draft.paper_prep);
    // ST-02 (already submitted on paper) is never sent to paper preparation.
    let c = s.answer(q(), qi("elig.paper_already_submitted"), text("yes")).unwrap();
    assert!(!c.fired.unwrap().paper_ok);
    assert!(!s.enter_paper_mode(q()), "no paper preparation for ST-02");
    assert!(!s.paper_mode);
}

#[test]
fn a_file_given_to_the_session_is_checked_or_refused_with_nothing_stored() {
    let dir = tempfile::tempdir().unwrap();
    let file_q = qi("docs.CL-ID1.file");
    let mut s = open(draft(persona("P01")), RelativePaths::Refuse);
    let before = s.draft.answers.clone();
    let missing = dir.path().join("nope.pdf");
    match s.answer(q(), file_q, text(&missing.to_string_lossy())) {
        Err(Refusal::File(e)) => assert!(e.words(Lang::En).contains("no such file"), "{}", e.words(Lang::En)),
        other => panic!("refused for the file: {:?}", other.map(|c| c.changed)),
    }
    assert!(matches!(s.answer(q(), file_q, text("scans/x.pdf")), Err(Refusal::RelativePath(_))));
    assert_eq!(s.draft.answers, before, "nothing stored");
    assert!(s.draft.attachments.is_empty());
    // Plain mode reads a relative path from its working folder: checked there, not refused as relative.
    let mut p = open(draft(persona("P01")), RelativePaths::FromWorkingFolder);
    assert!(matches!(p.answer(q(), file_q, text("no/such/dir/x.pdf")), Err(Refusal::File(_))));
    // A real file: checked, recorded, the answer is its full path.
    let ok = dir.path().join("licence.pdf");
    std::fs::write(&ok, PDF).unwrap();
    let c = s.answer(q(), file_q, text(&ok.to_string_lossy())).unwrap();
    assert_eq!(c.attachment.unwrap().item, "CL-ID1");
    assert_eq!(s.draft.attachments.len(), 1);
    let canon = std::fs::canonicalize(&ok).unwrap();
    assert_eq!(s.draft.answers.get("docs.CL-ID1.file").unwrap().as_cond_str(), canon.to_string_lossy());
    // The file changes on disk: checking the files says so, and the item is not done.
    std::fs::write(&ok, [PDF, b"changed"].concat()).unwrap();
    s.check_files(q());
    assert_eq!(s.file_checks.iter().find(|f| f.item == "CL-ID1").unwrap().state, "changed");
    assert!(!s.rd.items.iter().find(|i| i.id == "CL-ID1").unwrap().ok);
    assert!(!s.ready());
    // A read-only draft records no file.
    let mut ro = Session::open(
        q(),
        draft(persona("P01")),
        parse_date(TODAY).unwrap(),
        Lang::En,
        Some(citcert::engine::Text::new("open elsewhere", "ouvert ailleurs")),
        RelativePaths::Refuse,
    );
    assert!(matches!(ro.answer(q(), file_q, text(&ok.to_string_lossy())), Err(Refusal::ReadOnly(_))));
}

#[test]
fn answer_keeps_an_error_to_fix_and_answer_checked_refuses_it() {
    let uci = qi("pers.uci");
    let mut s = open(draft(persona("P01")), RelativePaths::Refuse);
    let kept = s.draft.answers.get("pers.uci").cloned();
    let r = s.answer_checked(q(), uci, &AnswerValue::Text("12".into())).unwrap_err();
    assert!(matches!(r, Refusal::Malformed(_) | Refusal::Invalid(_)));
    assert_eq!(s.draft.answers.get("pers.uci").cloned(), kept, "the previous answer is kept");
    // The TUI keeps it stored, shown as an error to fix where it is.
    s.answer(q(), uci, text("12")).unwrap();
    assert!(s.ev.has_error(uci));
}

#[test]
fn acknowledging_and_saving_through_any_store_never_says_saved_when_it_failed() {
    let caution = q().rules.iter().position(|r| r.id == "CA-11").unwrap();
    let mut s = open(draft(persona("P01")), RelativePaths::Refuse);
    s.acknowledge(q(), &[caution]);
    s.acknowledge(q(), &[caution]);
    assert!(s.acknowledged.contains(&caution));
    assert_eq!(s.draft.acknowledged, vec!["CA-11".to_string()]);
    assert!(!s.saved);
    let e = s.save(q(), &mut Refusing).unwrap_err();
    assert!(matches!(e, citcert::drafts::DraftError::NotOpen { .. }));
    assert!(!s.saved, "a failed save is never taken for saved");
    let mut kept = Kept::default();
    s.save(q(), &mut kept).unwrap();
    assert!(s.saved);
    assert_eq!(kept.0[0].acknowledged, vec!["CA-11".to_string()]);
    assert!(kept.0[0].progress.is_some());
    // Reopened, the accepted caution is kept.
    let again = open(kept.0.pop().unwrap(), RelativePaths::Refuse);
    assert!(again.acknowledged.contains(&caution));
}

#[test]
fn value_prefills_are_suggested_alike_in_the_session_and_the_tui() {
    use citcert::tui::app::App;
    use citcert::tui::store::{MemStore, Store};
    use citcert::tui::widgets::Field;
    let mut a = persona("P05");
    a.set_text("elig.claim_basis", "self_granted");
    a.remove("cit.self_granted");
    let s = open(draft(a.clone()), RelativePaths::Refuse);
    let granted = qi("cit.self_granted");
    assert_eq!(s.suggestion(q(), granted).as_deref(), Some("grant"));
    assert!(s.draft.answers.get("cit.self_granted").is_none(), "suggested, not stored");
    // The TUI shows the session's suggestion, highlighted and not yet stored.
    let today = parse_date(TODAY).unwrap();
    let mut store = MemStore::new(today).with("P05", today, a, None);
    let d = store.open("d001").unwrap();
    let mut app = App::new(q(), Lang::En, today, Box::new(store));
    app.open_draft(d);
    app.in_draft(|ds| ds.goto_question(granted));
    let sess = app.draft().unwrap();
    assert!(sess.ev.visible[granted]);
    let Field::Choice(c) = &sess.field else { panic!("a choice field") };
    assert_eq!(c.options[c.highlight].0, "grant");
    assert!(sess.draft.answers.get("cit.self_granted").is_none());
}
