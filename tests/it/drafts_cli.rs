//! `citcert drafts …` end to end, through the binary.

use crate::common;

use common::Run;

use citcert::clock::{Clock, parse_date};
use citcert::drafts::DraftStore;
use std::path::Path;
use std::process::Output;

fn citcert(dir: &Path, args: &[&str]) -> Run {
    let o: Output = common::citcert_on(dir).args(args).env_remove("CITCERT_LANG").output().unwrap();
    Run::of(o)
}

fn new_draft(dir: &Path, label: &str, today: &str) -> String {
    let r = citcert(dir, &["drafts", "new", "--label", label, "--today", today]);
    assert_eq!(r.code, 0, "{}", r.err);
    r.out.split_whitespace().nth(2).unwrap().to_string()
}

const SECRET: &str = "Zyxwvut-1962-secret";

/// Puts a recognisable answer in a draft, through the library (the TUI's path).
fn add_secret(dir: &Path, id: &str, today: &str) {
    let clock = Clock::Fixed(parse_date(today).unwrap());
    let store = DraftStore::open(dir).unwrap();
    let mut o = store.open_draft(id, &clock).unwrap();
    o.draft.set_answer("par1.surname", serde_json::json!(SECRET)).unwrap();
    o.draft.set_answer("pers.other_names", serde_json::json!(["NA"])).unwrap();
    o.save(&clock).unwrap();
}

#[test]
fn new_list_show_with_global_options_before_or_after_the_subcommand() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("d");
    let id = new_draft(&dir, "Liam — first certificate", "2025-06-01");
    assert_eq!(id.len(), 8);
    // --today after the subcommand, --drafts-dir before (overriding the env variable)
    let r = common::citcert()
        .args(["--drafts-dir", dir.to_str().unwrap(), "drafts", "list", "--today", "2025-07-25"])
        .env("CITCERT_DRAFTS_DIR", t.path().join("elsewhere"))
        .output()
        .unwrap();
    let out = String::from_utf8(r.stdout).unwrap();
    let err = String::from_utf8(r.stderr).unwrap();
    assert!(r.status.success(), "{err}");
    assert!(out.contains("LABEL") && out.contains("DAYS LEFT") && out.contains("PROGRESS"), "{out}");
    let row = out.lines().find(|l| l.contains(&id)).unwrap();
    assert!(row.contains("Liam — first certificate") && row.contains("2025-06-01"), "{row}");
    assert!(row.contains(" 6 ") && row.contains(" %"), "progress shown: {row}");
    assert!(err.contains("6 days left"), "a warning at 7 days or fewer: {err}");
    assert!(!t.path().join("elsewhere").exists());
    // CITCERT_TODAY works too
    let r = common::citcert()
        .args(["drafts", "show", &id[..3]])
        .env("CITCERT_DRAFTS_DIR", &dir)
        .env("CITCERT_TODAY", "2025-06-11")
        .output()
        .unwrap();
    let out = String::from_utf8(r.stdout).unwrap();
    assert!(out.contains("50 days left") && out.contains(&id), "{out}");
}

#[test]
fn x1_and_x2_through_the_command_line() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("d");
    let id = new_draft(&dir, "Amira — first certificate", "2025-06-01");
    add_secret(&dir, &id, "2025-06-01");
    let r = citcert(&dir, &["drafts", "show", &id, "--today", "2025-07-31"]);
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(r.out.contains("0 days left"), "{}", r.out);
    assert!(r.err.contains("0 days left"), "{}", r.err);
    let r = citcert(&dir, &["drafts", "show", &id, "--today", "2025-08-01"]);
    assert_eq!(r.code, 2, "the draft is gone before show resolves it: {} {}", r.out, r.err);
    assert!(
        r.err.contains("deleted 1 expired draft")
            && r.err.contains("'Amira — first certificate', started 2025-06-01"),
        "{}",
        r.err
    );
    assert!(!r.err.contains(SECRET));
    assert!(!dir.join(format!("{id}.json")).exists());
}

#[test]
fn purge_lists_label_and_start_date_only() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("d");
    let old = new_draft(&dir, "old one", "2025-01-01");
    add_secret(&dir, &old, "2025-01-01");
    new_draft(&dir, "new one", "2025-03-01");
    let r = citcert(&dir, &["drafts", "purge", "--today", "2025-03-05"]);
    assert_eq!(r.code, 0, "{}", r.err);
    assert_eq!(r.out, "Deleted 1 expired draft(s):\n  - 'old one', started 2025-01-01\n");
    assert!(!r.out.contains(SECRET) && !r.err.contains(SECRET));
    let r = citcert(&dir, &["drafts", "purge", "--today", "2025-03-05"]);
    assert_eq!(r.out, "No expired drafts.\n");
}

#[test]
fn delete_needs_a_confirmation_or_yes() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("d");
    let id = new_draft(&dir, "to delete", "2025-06-01");
    let r = citcert(&dir, &["drafts", "delete", &id, "--today", "2025-06-02"]);
    assert_eq!(r.code, 2);
    assert!(r.err.contains("no terminal") && r.err.contains("--yes"), "{}", r.err);
    assert!(dir.join(format!("{id}.json")).exists());
    let r = citcert(&dir, &["drafts", "delete", "--yes", &id[..5], "--today", "2025-06-02"]);
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(r.out.contains("Deleted draft") && r.out.contains("to delete"), "{}", r.out);
    assert!(!dir.join(format!("{id}.json")).exists());
}

#[test]
fn ambiguous_and_unknown_ids_are_explained() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("d");
    let a = new_draft(&dir, "a", "2025-06-01");
    let b = new_draft(&dir, "b", "2025-06-01");
    let r = citcert(&dir, &["drafts", "show", "", "--today", "2025-06-02"]);
    assert_eq!(r.code, 2);
    assert!(
        r.err.contains("matches several drafts") && r.err.contains(&a) && r.err.contains(&b),
        "{}",
        r.err
    );
    let r = citcert(&dir, &["drafts", "show", "zz", "--today", "2025-06-02"]);
    assert_eq!(r.code, 2);
    assert!(
        r.err.contains("no draft has an id starting with 'zz'") && r.err.contains("drafts list"),
        "{}",
        r.err
    );
}

#[test]
fn export_and_reimport_keep_the_start_date() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("d");
    let id = new_draft(&dir, "Amira", "2025-06-01");
    add_secret(&dir, &id, "2025-06-01");
    let r = citcert(&dir, &["drafts", "export", &id, "--today", "2025-07-01"]);
    assert_eq!(r.code, 0, "{}", r.err);
    let v: serde_json::Value = serde_json::from_str(&r.out).unwrap();
    assert_eq!(v["answers"]["par1.surname"], SECRET);
    assert_eq!(v["answers"]["pers.other_names"], serde_json::json!(["NA"]));
    let out = t.path().join("answers.json");
    let r =
        citcert(&dir, &["drafts", "export", &id, "--out", out.to_str().unwrap(), "--today", "2025-07-01"]);
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(!r.err.contains(SECRET));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&out).unwrap().permissions().mode() & 0o777, 0o600);
    }
    for file in [out.clone(), dir.join(format!("{id}.json"))] {
        let r = citcert(&dir, &["drafts", "import", file.to_str().unwrap(), "--today", "2025-07-01"]);
        assert_eq!(r.code, 0, "{}", r.err);
        assert!(r.out.contains("started 2025-06-01") && r.out.contains("30 days left"), "{}", r.out);
    }
    // A plain answers file starts today.
    let plain = t.path().join("plain.json");
    std::fs::write(&plain, r#"{"answers": {"elig.applying_for": "self"}}"#).unwrap();
    let r = citcert(
        &dir,
        &["drafts", "import", plain.to_str().unwrap(), "--label", "Plain", "--today", "2025-07-01"],
    );
    assert!(r.out.contains("'Plain', started 2025-07-01") && r.out.contains("60 days left"), "{}", r.out);
    // An expired export cannot be brought back.
    let r = citcert(&dir, &["drafts", "import", out.to_str().unwrap(), "--today", "2025-08-01"]);
    assert_eq!(r.code, 3, "{} {}", r.out, r.err);
    assert!(r.err.contains("expired"), "{}", r.err);
}

#[test]
fn damaged_files_are_reported_without_their_contents_and_the_rest_list() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("d");
    let id = new_draft(&dir, "good", "2025-06-01");
    add_secret(&dir, &id, "2025-06-01");
    let text = std::fs::read_to_string(dir.join(format!("{id}.json"))).unwrap();
    std::fs::write(dir.join("00000001.json"), &text[..text.len() / 2]).unwrap();
    std::fs::write(dir.join("00000002.json"), text.replace("\"format\": 1", "\"format\": 9")).unwrap();
    let r = citcert(&dir, &["drafts", "list", "--today", "2025-06-02"]);
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(r.out.contains("good"), "{}", r.out);
    assert!(r.err.contains("00000001.json: the file ends early") && r.err.contains("truncated"), "{}", r.err);
    assert!(r.err.contains("00000002.json: made by a newer citcert (draft format 9"), "{}", r.err);
    assert!(r.err.contains("nothing was deleted"), "{}", r.err);
    assert!(dir.join("damaged/00000001.json").exists() && dir.join("damaged/00000002.json").exists());
    assert!(!r.err.contains(SECRET) && !r.out.contains(SECRET));
}

#[test]
fn a_draft_open_elsewhere_is_shown_read_only_and_cannot_be_deleted() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("d");
    let id = new_draft(&dir, "busy", "2025-06-01");
    let store = DraftStore::open(&dir).unwrap();
    let held = store.open_draft(&id, &Clock::Fixed(parse_date("2025-06-02").unwrap())).unwrap();
    assert!(!held.is_read_only());
    let r = citcert(&dir, &["drafts", "show", &id, "--today", "2025-06-02"]);
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(r.out.contains("read-only — it is open in another citcert"), "{}", r.out);
    let r = citcert(&dir, &["drafts", "delete", "--yes", &id, "--today", "2025-06-02"]);
    assert_eq!(r.code, 1);
    assert!(r.err.contains("open in another citcert"), "{}", r.err);
    drop(held);
    let r = citcert(&dir, &["drafts", "delete", "--yes", &id, "--today", "2025-06-02"]);
    assert_eq!(r.code, 0, "{}", r.err);
}

#[test]
fn the_example_drafts_list_with_a_fixed_today() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("drafts");
    let r = citcert(&dir, &["drafts", "list", "--today", "2025-06-10"]);
    assert_eq!(r.code, 0, "{}", r.err);
    for label in ["Amira — first certificate", "Liam — first certificate", "Valeria", "Emily"] {
        assert!(r.out.contains(label), "{label}: {}", r.out);
    }
    assert!(r.err.contains("3 days left"), "{}", r.err);
    let r = citcert(&dir, &["drafts", "show", "3f9a", "--today", "2025-06-10"]);
    assert!(r.out.contains("pers.dob = 1990-04-12") && r.out.contains("51 days left"), "{}", r.out);
    // Never changed, even when asked.
    let r = citcert(&dir, &["drafts", "delete", "--yes", "3f9a", "--today", "2025-06-10"]);
    assert_eq!(r.code, 2);
    assert!(r.err.contains("example drafts"), "{}", r.err);
    let r = citcert(&dir, &["drafts", "list", "--today", "2026-01-01"]);
    assert!(r.err.contains("not deleted: example folder"), "{}", r.err);
    assert!(dir.join("3f9a0c1e.json").exists());
}

#[test]
fn the_draft_file_is_an_answers_file() {
    // CONTRACT §3: `citcert check --answers DRAFT.json` reads the draft's "answers" object.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("drafts");
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("3f9a0c1e.json")).unwrap()).unwrap();
    let answers = v["answers"].as_object().unwrap();
    assert!(
        answers
            .values()
            .all(|a| a.is_string() || a.as_array().is_some_and(|l| l.iter().all(|x| x.is_string())))
    );
    assert_eq!(answers["elig.applying_for"], "self");
}

#[test]
fn delete_asks_on_a_terminal_and_only_yes_deletes() {
    use citcert::cli::drafts::{DraftsCommand, Io, run_with};
    use citcert::context::GlobalArgs;
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("d");
    let id = new_draft(&dir, "ask me", "2025-06-01");
    // lang given: without it the developer's locale would choose.
    let global =
        GlobalArgs { drafts_dir: Some(dir.clone()), lang: Some("en".into()), ..GlobalArgs::default() };
    let clock = Clock::Fixed(parse_date("2025-06-02").unwrap());
    let cmd = DraftsCommand::Delete { id: id.clone(), yes: false };
    for (answer, code, exists) in [("no\n", 1, true), ("\n", 1, true), ("yes\n", 0, false)] {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let mut input = answer.as_bytes();
        let mut io = Io { out: &mut out, err: &mut err, input: &mut input, input_is_terminal: true };
        let got = run_with(&cmd, &global, &clock, &citcert::drafts::NullInspector, &mut io).unwrap();
        let err = String::from_utf8(err).unwrap();
        assert!(err.contains("Delete draft") && err.contains("'ask me' (started 2025-06-01)"), "{err}");
        assert_eq!((got, dir.join(format!("{id}.json")).exists()), (code, exists), "{answer:?}");
    }
}

/// Every word `drafts` prints is French with --lang fr (or CITCERT_LANG=fr): the table, the
/// notices about damaged and expired drafts, the store's errors, the confirmations.
#[test]
fn the_drafts_commands_speak_french() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("d");
    let r = citcert(&dir, &["drafts", "list", "--lang", "fr", "--today", "2025-06-01"]);
    assert!(r.out.starts_with("Aucun brouillon dans"), "{}", r.out);
    let r = citcert(&dir, &["drafts", "new", "--label", "Liam", "--lang", "fr", "--today", "2025-06-01"]);
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(
        r.out.starts_with("Brouillon ") && r.out.contains("« Liam » commencé le 2025-06-01"),
        "{}",
        r.out
    );
    assert!(r.out.contains("60 jours restants") && r.out.contains("dernier jour : 2025-07-31"), "{}", r.out);
    let id = r.out.split_whitespace().nth(1).unwrap().to_string();
    // A damaged file and a draft from a newer citcert beside it.
    let text = std::fs::read_to_string(dir.join(format!("{id}.json"))).unwrap();
    std::fs::write(dir.join("00000001.json"), &text[..text.len() / 2]).unwrap();
    std::fs::write(dir.join("00000002.json"), text.replace("\"format\": 1", "\"format\": 9")).unwrap();
    let r = citcert(&dir, &["drafts", "list", "--lang", "fr", "--today", "2025-07-26"]);
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(
        r.out.starts_with("NOM ") && r.out.contains("COMMENCÉ") && r.out.contains("PROGRESSION"),
        "{}",
        r.out
    );
    assert!(r.out.contains("! dernier jour : 2025-07-31"), "{}", r.out);
    assert!(r.err.contains("brouillon endommagé") && r.err.contains("il semble tronqué"), "{}", r.err);
    assert!(r.err.contains("créé par un citcert plus récent (format de brouillon 9"), "{}", r.err);
    assert!(r.err.contains("rien n'a été supprimé") && r.err.contains("5 jours restants"), "{}", r.err);
    for english in
        ["damaged draft", "truncated", "newer citcert", "nothing was deleted", "days left", "LABEL"]
    {
        assert!(!r.err.contains(english) && !r.out.contains(english), "{english}: {}{}", r.out, r.err);
    }
    // The store's own errors, through CITCERT_LANG.
    let o = common::citcert()
        .args(["drafts", "show", "zz", "--today", "2025-07-26"])
        .env("CITCERT_DRAFTS_DIR", &dir)
        .env("CITCERT_LANG", "fr")
        .output()
        .unwrap();
    let err = String::from_utf8(o.stderr).unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(err.contains("aucun brouillon n'a un identifiant qui commence par « zz »"), "{err}");
    let r = citcert(&dir, &["drafts", "delete", &id, "--lang", "fr", "--today", "2025-07-26"]);
    assert_eq!(r.code, 2);
    assert!(r.err.contains("n'est pas supprimé : il n'y a pas de terminal pour confirmer"), "{}", r.err);
    let r = citcert(&dir, &["drafts", "show", &id, "--lang", "fr", "--today", "2025-07-26"]);
    assert!(
        r.out.starts_with(&format!("Brouillon {id} — Liam"))
            && r.out.contains("Expiration :      5 jours restants"),
        "{}",
        r.out
    );
    assert!(r.err.contains("avertissement : 5 jours restants"), "{}", r.err);
    let r = citcert(&dir, &["drafts", "show", &id, "--lang", "fr", "--today", "2025-08-01"]);
    assert_eq!(r.code, 2, "the draft is gone before show resolves it: {}", r.err);
    assert!(
        r.err.contains("brouillon(s) expiré(s) supprimé(s)")
            && r.err.contains("« Liam », commencé le 2025-06-01")
    );
    // A language citcert does not speak is refused in words.
    let r = citcert(&dir, &["drafts", "list", "--lang", "de", "--today", "2025-06-01"]);
    assert_eq!(r.code, 2);
    assert!(r.err.contains("use en or fr"), "{}", r.err);
}

/// Several drafts expiring at once (issue 12, item 10): purge names them with the computer's date
/// and asks; only yes erases.
#[test]
fn purge_asks_before_erasing_several_drafts_expiring_at_once() {
    use citcert::cli::drafts::{DraftsCommand, Io, run_with};
    use citcert::context::GlobalArgs;
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("d");
    let a = new_draft(&dir, "first", "2025-01-01");
    new_draft(&dir, "second", "2025-01-01");
    let global = GlobalArgs { drafts_dir: Some(dir.clone()), ..GlobalArgs::default() };
    let clock = Clock::Fixed(parse_date("2026-01-01").unwrap());
    let cmd = DraftsCommand::Purge { yes: false };
    for (answer, code, exists) in [("no\n", 1, true), ("\n", 1, true), ("oui\n", 0, false)] {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let mut input = answer.as_bytes();
        let mut io = Io { out: &mut out, err: &mut err, input: &mut input, input_is_terminal: true };
        let got = run_with(&cmd, &global, &clock, &citcert::drafts::NullInspector, &mut io).unwrap();
        let err = String::from_utf8(err).unwrap();
        assert!(
            err.contains("2 drafts are past their 60 days by this computer's date (2026-01-01)"),
            "{err}"
        );
        assert!(
            err.contains("'first', started 2025-01-01") && err.contains("Type yes to erase them"),
            "{err}"
        );
        assert_eq!((got, dir.join(format!("{a}.json")).exists()), (code, exists), "{answer:?}");
    }
}

/// The drafts commands' refusals, word for word in English and in French (issue 14: each is one
/// template; the words must stay what they were).
#[test]
fn the_drafts_refusals_word_for_word_in_both_languages() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("d");
    let id = new_draft(&dir, "Liam", "2025-06-01");
    let pass = t.path().join("pass.txt");
    std::fs::write(&pass, "correct horse battery staple\n").unwrap();
    let pass = pass.to_str().unwrap();
    let missing = t.path().join("nowhere").join("x.json");
    let missing = missing.to_str().unwrap();
    let nf = "No such file or directory (os error 2)";
    let run = |lang: &str, args: &[&str]| {
        let mut all = vec!["--today", "2025-06-02", "--lang", lang];
        all.extend_from_slice(args);
        citcert(&dir, &all)
    };
    let cases: Vec<(Vec<&str>, i32, String, String)> = vec![
        (
            vec!["drafts", "unprotect", &id],
            2,
            format!("draft {id} has no passphrase; nothing was changed"),
            format!("le brouillon {id} n'a pas de phrase de passe; rien n'a été modifié"),
        ),
        (
            vec!["drafts", "note", &id, "9.99", "a", "note"],
            2,
            "no question \"9.99\" in this questionnaire; give its number as the screens show it (4.4) or its id \
             (pers.dob)"
                .into(),
            "aucune question « 9.99 » dans ce questionnaire; donnez son numéro comme les écrans l'affichent (4.4) \
             ou son identifiant (pers.dob)"
                .into(),
        ),
        (
            vec!["drafts", "delete", &id],
            2,
            format!(
                "not deleting draft {id} 'Liam' (started 2025-06-01): there is no terminal to confirm on; add --yes \
                 to delete it"
            ),
            format!(
                "le brouillon {id} « Liam » (commencé le 2025-06-01) n'est pas supprimé : il n'y a pas de terminal \
                 pour confirmer; ajoutez --yes pour le supprimer"
            ),
        ),
        (
            vec!["drafts", "import", missing],
            2,
            format!("{missing}: cannot be read ({nf}); check the path"),
            format!("{missing} : illisible (introuvable ({nf})); vérifiez le chemin"),
        ),
        (
            vec!["drafts", "export", &id, "--out", missing],
            1,
            format!("{missing}: cannot be written ({nf}); check the path"),
            format!("{missing} : impossible d'écrire (introuvable ({nf})); vérifiez le chemin"),
        ),
    ];
    for (args, code, en, fr) in &cases {
        for (lang, want) in [("en", en), ("fr", fr)] {
            let r = run(lang, args);
            assert_eq!(r.code, *code, "{args:?} {lang}: {}", r.err);
            assert_eq!(r.err.trim_end(), format!("citcert: {want}"), "{args:?} {lang}");
        }
    }
    // Locked twice: the second time is refused, in both languages.
    let r = run("en", &["drafts", "protect", &id, "--passphrase-file", pass]);
    assert_eq!(r.code, 0, "{}", r.err);
    let r = run("en", &["drafts", "protect", &id, "--passphrase-file", pass]);
    assert_eq!(
        r.err.trim_end(),
        format!("citcert: draft {id} is already locked with a passphrase; nothing was changed")
    );
    let r = run("fr", &["drafts", "protect", &id, "--passphrase-file", pass]);
    assert_eq!(
        r.err.trim_end(),
        format!(
            "citcert: le brouillon {id} est déjà verrouillé par une phrase de passe; rien n'a été modifié"
        )
    );
    assert_eq!(r.code, 2);
}

/// Purging several drafts at once with no terminal to confirm on is refused, word for word.
#[test]
fn purge_without_a_terminal_says_why_in_both_languages() {
    use citcert::cli::drafts::{DraftsCommand, Io, run_with};
    use citcert::context::GlobalArgs;
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("d");
    let ids = [new_draft(&dir, "first", "2025-01-01"), new_draft(&dir, "second", "2025-01-01")];
    let global = GlobalArgs { drafts_dir: Some(dir.clone()), ..GlobalArgs::default() };
    let clock = Clock::Fixed(parse_date("2026-01-01").unwrap());
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let mut input = "oui\n".as_bytes();
    let mut io = Io { out: &mut out, err: &mut err, input: &mut input, input_is_terminal: false };
    let e = run_with(
        &DraftsCommand::Purge { yes: false },
        &global,
        &clock,
        &citcert::drafts::NullInspector,
        &mut io,
    )
    .unwrap_err();
    assert_eq!(e.code(), 2);
    assert_eq!(
        e.message.en,
        "not erasing: 2 drafts are past their 60 days by this computer's date (2026-01-01), all at once; check the \
         date, then add --yes to erase them (there is no terminal to confirm on)"
    );
    assert_eq!(
        e.message.fr,
        "rien n'est effacé : 2 brouillons ont dépassé leurs 60 jours d'un coup selon la date de cet ordinateur (le \
         2026-01-01); vérifiez la date, puis ajoutez --yes pour les effacer (il n'y a pas de terminal pour confirmer)"
    );
    // Nothing was erased, even with "oui" waiting on the input.
    assert!(ids.iter().all(|id| dir.join(format!("{id}.json")).exists()));
}
