//! "Two different documents" (SPEC V-ID-RULES, CL-ID2): one file given for both identity documents
//! is refused — by its path in the answers (a field error the engine reports), and by its content
//! (the same SHA-256 attached to two checklist items) in readiness, `check`, `package` and the
//! TUI review. One explanation letter may stand in for both missing identity documents.

use std::path::Path;

use citcert::engine::{Answers, Context, Lang, builtin, evaluate};

use crate::common;
use common::{Env, text};

const PDF: &[u8] = b"%PDF-1.4\n% one scan\n";

fn attach(env: &Env, id: &str, item: &str, file: &str, extra: &[&str]) {
    let mut args = vec!["attach", id, item, file];
    args.extend_from_slice(extra);
    let o = env.run(&args);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
}

fn item<'a>(v: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    v["readiness"].as_array().unwrap().iter().find(|i| i["id"] == id).unwrap()
}

#[test]
fn one_path_for_both_identity_documents_is_a_field_error() {
    let q = builtin().unwrap();
    let root: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/personas/P01.answers.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let mut a = Answers::from_file_json(&root).unwrap();
    let ctx = Context { today: citcert::clock::parse_date("2025-06-01").unwrap(), started: None };
    assert!(evaluate(q, &a, ctx).ready, "P01 is ready as given");
    a.set_text("docs.CL-ID2.file", "scans/ontario-licence.pdf");
    let ev = evaluate(q, &a, ctx);
    let id2 = q.question_index("docs.CL-ID2.file").unwrap();
    let p = ev.problems.iter().find(|p| p.question == id2).expect("an error on the second file");
    assert!(p.message.get(Lang::En).contains("same file as identity document 1"), "{:?}", p.message);
    assert!(p.message.get(Lang::Fr).contains("même fichier que la pièce d'identité 1"), "{:?}", p.message);
    assert!(!ev.ready);
    // An explanation letter for each missing document may be one letter.
    for n in ["1", "2"] {
        a.set_text(format!("docs.CL-ID{n}.provide"), "no_explanation");
    }
    let ev = evaluate(q, &a, ctx);
    assert!(!ev.problems.iter().any(|p| p.question == id2), "one letter for both is allowed");
}

#[test]
fn one_file_under_two_names_is_caught_by_its_content() {
    let env = Env::new();
    let id = env.import("P01");
    let a = env.write("licence.pdf", PDF);
    let copy = env.write("health card.pdf", PDF);
    attach(&env, &id, "CL-ID1", &a, &[]);
    attach(&env, &id, "CL-ID2", &copy, &[]);
    let v = env.check(&id);
    assert_eq!(v["files_distinct"], false, "{v}");
    // Both files are on disk as attached (files_ok is false: P01's other files were never checked).
    assert_eq!(item(&v, "CL-ID1")["file"]["state"], "unchanged", "{v}");
    assert_eq!(item(&v, "CL-ID2")["file"]["state"], "unchanged", "{v}");
    assert!(item(&v, "CL-ID1")["problem"].is_null(), "the first one is fine: {v}");
    let p = item(&v, "CL-ID2")["problem"].as_str().unwrap();
    assert!(p.contains("the same file as “Identity document 1"), "{p}");
    assert_eq!(item(&v, "CL-ID2")["same_file_as"], "CL-ID1");
    let v = env.check_in(&id, "fr");
    let p = item(&v, "CL-ID2")["problem"].as_str().unwrap();
    assert!(p.contains("le même fichier que « "), "{p}");
    let draft = env.path("drafts").join(format!("{id}.json"));
    let t = env.run(&["check", "--answers", draft.to_str().unwrap(), "--format", "text"]);
    assert!(text(&t.stdout).contains("The same file is attached to two items"), "{}", text(&t.stdout));
    // The package is refused, naming the item.
    let o = env.run(&["package", &id, "--out", "pkg"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stdout));
    assert!(
        text(&o.stderr).contains("CL-ID2") && text(&o.stderr).contains("the same file as"),
        "{}",
        text(&o.stderr)
    );
    assert!(!env.path("pkg").exists());
    // Attaching the right document clears it.
    let other = env.write("health card.pdf", b"%PDF-1.4\n% the health card\n");
    attach(&env, &id, "CL-ID2", &other, &[]);
    let v = env.check(&id);
    assert_eq!(v["files_distinct"], true, "{v}");
    assert!(item(&v, "CL-ID2")["problem"].is_null(), "{v}");
}

#[test]
fn one_explanation_letter_may_stand_for_both_identity_documents() {
    let env = Env::new();
    let id = env.import("P01");
    let letter = env.write("letter.pdf", PDF);
    attach(&env, &id, "CL-ID1", &letter, &["--explanation"]);
    attach(&env, &id, "CL-ID2", &letter, &["--explanation"]);
    let v = env.check(&id);
    assert_eq!(v["files_distinct"], true, "{v}");
    assert!(v["invalid_answers"].as_array().unwrap().iter().all(|p| p["id"] != "docs.CL-ID2.file"), "{v}");
}

#[test]
fn the_review_flags_one_file_attached_to_two_items() {
    use citcert::tui::app::App;
    use citcert::tui::keymap::Action;
    use citcert::tui::store::MemStore;
    use citcert::tui::view::Theme;
    let q = builtin().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let today = citcert::clock::parse_date("2025-06-10").unwrap();
    let (a, b) = (dir.path().join("licence.pdf"), dir.path().join("card.pdf"));
    std::fs::write(&a, PDF).unwrap();
    std::fs::write(&b, PDF).unwrap();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/personas/P01.answers.json");
    let root: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut answers = Answers::from_file_json(&root).unwrap();
    answers.set_text("docs.CL-ID1.file", a.to_string_lossy());
    answers.set_text("docs.CL-ID2.file", b.to_string_lossy());
    let record = |item: &str, p: &Path| {
        let i = citcert::documents::attach::inspect_file(p, 4 << 20).unwrap();
        serde_json::to_value(citcert::documents::attach::Attachment {
            item: item.into(),
            kind: citcert::documents::attach::Kind::Document,
            path: i.path,
            size: i.size,
            file_type: i.file_type,
            sha256: i.sha256,
            attached_on: today,
        })
        .unwrap()
    };
    let mut store = MemStore::new(today).with("P01", today, answers, None);
    store.drafts[0].attachments = vec![record("CL-ID1", &a), record("CL-ID2", &b)];
    let mut app = App::new(q, Lang::En, today, Box::new(store));
    app.color = false;
    app.update(Action::Key(citcert::tui::widgets::FieldKey::Enter));
    app.update(Action::Review);
    let built = citcert::tui::view::review::build_review(
        citcert::tui::view::Ctx::of(&app),
        app.draft().unwrap(),
        120,
        Theme { color: false },
    );
    let review: String = built
        .lines
        .iter()
        .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect::<String>() + "\n")
        .collect();
    assert!(review.contains("✗ the same file as “Identity document 1 (photo ID)”"), "{review}");
    // Not ready: the "not yet" list names it, and Enter there goes to its file question.
    assert!(review.contains("Identity document 2: the same file as"), "{review}");
    // In words: the item's id only with the agent's codes on (F12).
    assert!(!review.contains("CL-ID2"), "{review}");
    assert!(!review.contains("✓ Ready"), "{review}");
}
