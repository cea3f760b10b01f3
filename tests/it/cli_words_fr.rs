//! The command line's sentences in French (issue 14: each one a `words::Template`, English and
//! French side by side): the drafts commands from start to delete, the notices after a sweep,
//! `check --format text` and `man --out`, each French sentence printed at least once whole.

use crate::common;

use common::Run;

use std::path::Path;

/// `citcert ARGS --lang fr` with drafts in `dir` on `today`.
fn fr(dir: &Path, today: &str, args: &[&str]) -> Run {
    let o = common::citcert_on(dir)
        // Before the command: a note's words take everything after its question.
        .args(["--lang", "fr", "--today", today])
        .args(args)
        .output()
        .unwrap();
    Run::of(o)
}

fn ok(r: Run) -> Run {
    assert_eq!(r.code, 0, "{}{}", r.out, r.err);
    r
}

#[test]
fn the_drafts_sentences_in_french_from_start_to_delete() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("d");
    let day1 = "2025-06-01";
    let r = ok(fr(&dir, day1, &["drafts", "new", "--label", "Liam"]));
    let id = r.out.split_whitespace().nth(1).unwrap().to_string();
    assert!(
        r.out.starts_with(&format!(
            "Brouillon {id} « Liam » commencé le 2025-06-01 : 60 jours restants (dernier jour : 2025-07-31)."
        )),
        "{}",
        r.out
    );

    let r = ok(fr(&dir, day1, &["drafts", "rename", &id, "Liam 2"]));
    assert_eq!(r.out, format!("Brouillon {id} renommé : « Liam » s'appelle maintenant « Liam 2 ».\n"));

    let r = ok(fr(&dir, day1, &["drafts", "note", &id, "4.4", "voir", "le", "passeport"]));
    assert_eq!(r.out, format!("Note sur la question 4.4 du brouillon {id} enregistrée.\n"));
    let r = ok(fr(&dir, day1, &["drafts", "show", &id, "--history"]));
    assert!(r.out.contains("\nRéponses (0) :\n"), "{}", r.out);
    assert!(r.out.contains("\nNotes (1) :\n"), "{}", r.out);
    assert!(r.out.contains("(dernier jour : 2025-07-31)"), "{}", r.out);
    assert!(r.out.contains(", version "), "the questionnaire and its version: {}", r.out);
    assert!(r.out.contains("\nHistorique (") && r.out.contains(" : 4.4\n"), "{}", r.out);
    let r = ok(fr(&dir, day1, &["drafts", "note", &id, "4.4", "--clear"]));
    assert_eq!(r.out, format!("Note sur la question 4.4 du brouillon {id} retirée.\n"));
    let r = ok(fr(&dir, day1, &["drafts", "note", &id, "4.4", "--clear"]));
    assert_eq!(
        r.out,
        format!("Il n'y avait pas de note sur la question 4.4 du brouillon {id}; rien n'a changé.\n")
    );

    let pass = t.path().join("pass.txt");
    std::fs::write(&pass, "une phrase de passe assez longue\n").unwrap();
    let pf = pass.to_str().unwrap();
    let r = ok(fr(&dir, day1, &["drafts", "protect", &id, "--passphrase-file", pf]));
    assert!(r.out.starts_with(&format!("Le brouillon {id} est maintenant verrouillé.\n")), "{}", r.out);
    let r = ok(fr(&dir, day1, &["drafts", "unprotect", &id, "--passphrase-file", pf]));
    assert_eq!(
        r.out,
        format!(
            "Le brouillon {id} n'est plus verrouillé : ses réponses sont enregistrées sans chiffrement.\n"
        )
    );

    let file = t.path().join("liam.json");
    let r = ok(fr(&dir, day1, &["drafts", "export", &id, "--out", file.to_str().unwrap()]));
    assert!(
        r.err.starts_with(&format!("Réponses du brouillon {id} « Liam 2 » écrites dans "))
            && r.err
                .ends_with("liam.json (mode 0600 : le fichier contient des renseignements personnels).\n"),
        "{}",
        r.err
    );
    let r = ok(fr(&dir, "2025-06-02", &["drafts", "import", file.to_str().unwrap(), "--label", "Copie"]));
    let copy = r.out.split("comme brouillon ").nth(1).unwrap()[..8].to_string();
    assert!(
        r.out.ends_with(&format!(
            "liam.json importé comme brouillon {copy} « Copie », commencé le 2025-06-01 : 59 jours restants.\n"
        )),
        "an imported draft keeps its start date: {}",
        r.out
    );

    // Five days left: the list and `show` warn on stderr.
    let r = ok(fr(&dir, "2025-07-26", &["drafts", "list"]));
    assert!(
        r.err.contains(&format!(
            "citcert : avertissement : brouillon {id} « Liam 2 » : 5 jours restants — il sera supprimé après le \
             2025-07-31."
        )),
        "{}",
        r.err
    );
    let r = ok(fr(&dir, "2025-07-26", &["drafts", "show", &copy]));
    assert!(
        r.err.contains(
            "citcert : avertissement : 5 jours restants — le brouillon sera supprimé après le 2025-07-31."
        ),
        "{}",
        r.err
    );

    let r = fr(&dir, day1, &["drafts", "delete", &id]);
    assert_eq!(r.code, 2);
    assert!(
        r.err.contains(&format!(
            "le brouillon {id} « Liam 2 » (commencé le 2025-06-01) n'est pas supprimé : il n'y a pas de terminal"
        )),
        "{}",
        r.err
    );
    let r = ok(fr(&dir, day1, &["drafts", "delete", &id, "--yes"]));
    assert_eq!(r.out, format!("Supprimé : le brouillon {id} « Liam 2 » (commencé le 2025-06-01).\n"));

    // Past its 60 days, alone: the sweep deletes it and says so.
    let r = ok(fr(&dir, "2025-08-01", &["drafts", "list"]));
    assert!(
        r.err.starts_with(
            "citcert : 1 brouillon(s) expiré(s) supprimé(s) — les brouillons sont conservés 60 jours à partir du \
             jour où ils ont été commencés :\n  - « Copie », commencé le 2025-06-01\n"
        ),
        "{}",
        r.err
    );
    assert!(r.out.starts_with("Aucun brouillon dans "), "{}", r.out);
}

#[test]
fn several_drafts_past_day_60_at_once_in_french() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("d");
    for label in ["Amira", "Liam"] {
        ok(fr(&dir, "2025-06-01", &["drafts", "new", "--label", label]));
    }
    let r = ok(fr(&dir, "2026-01-10", &["drafts", "list"]));
    assert!(
        r.err.contains(
            "citcert : 2 brouillons ont dépassé leurs 60 jours d'un coup, selon la date de cet ordinateur (le \
             2026-01-10). Ils ne peuvent plus être ouverts, mais ils n'ont PAS été effacés : si la date de cet \
             ordinateur est fausse, corrigez-la; si elle est juste, effacez-les avec `citcert drafts purge` :\n"
        ),
        "{}",
        r.err
    );
    let r = ok(fr(&dir, "2026-01-10", &["drafts", "purge", "--yes"]));
    assert!(r.out.starts_with("2 brouillon(s) expiré(s) supprimé(s) :\n  - « "), "{}", r.out);
}

#[test]
fn check_text_in_french_names_blockers_and_the_fee_in_french() {
    let env = common::Env::new();
    let id = env.import("P01");
    let file = env.draft_file(&id);
    // An answer to correct and one missing: a date of birth that is not a date, the surname gone.
    let mut v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let answers = v["answers"].as_object_mut().unwrap();
    answers.insert("pers.dob".into(), serde_json::json!("pas une date"));
    answers.remove("par1.surname");
    let broken = env.write("broken.json", serde_json::to_string(&v).unwrap().as_bytes());
    let o = env.run(&["check", "--answers", &broken, "--format", "text", "--lang", "fr"]);
    let t = common::text(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{}", common::text(&o.stderr));
    assert!(t.starts_with("Résultat : ONLINE_OK — vous pouvez utiliser la demande en ligne\n"), "{t}");
    assert!(t.contains("\nPrête à soumettre : non\n"), "{t}");
    assert!(t.contains("  - Réponse à corriger "), "{t}");
    assert!(t.contains("  - Réponse manquante "), "{t}");
    assert!(t.contains("\nFrais : CAD "), "{t}");
    for english in ["Outcome", "Ready to submit", "Answer to correct", "Missing answer", "Fee:"] {
        assert!(!t.contains(english), "{english}: {t}");
    }
}

#[test]
fn man_out_says_in_french_how_many_pages_it_wrote() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("man");
    let o = common::citcert().args(["man", "--out", dir.to_str().unwrap(), "--lang", "fr"]).output().unwrap();
    assert!(o.status.success(), "{}", common::text(&o.stderr));
    let out = common::text(&o.stdout);
    let n = std::fs::read_dir(&dir).unwrap().count();
    assert!(
        out.starts_with(&format!("{n} pages de manuel écrites dans "))
            && out.ends_with(" (citcert.1 et une par commande).\n"),
        "{out}"
    );
}

#[test]
fn check_text_and_verify_in_french_on_a_ready_draft() {
    let (env, id) = common::ready_draft();
    let o = env.run(&["check", "--answers", &env.draft_file(&id), "--format", "text", "--lang", "fr"]);
    let t = common::text(&o.stdout);
    assert!(t.contains("\nPrête à soumettre : oui\n"), "{t}");
    assert!(t.contains("\nIndication de la Loi (I-3) : Alinéa 3(1)a) : "), "{t}");
    // Each file: name, type, size in octets, SHA-256, its state now.
    let line = t.lines().find(|l| l.contains("licence.pdf (pdf, ")).unwrap_or_else(|| panic!("{t}"));
    assert!(line.contains(" octets) sha256 ") && line.ends_with(" — inchangé"), "{line}");
    let o = env.run(&["package", &id, "--out", "pkg", "--lang", "fr"]);
    assert_eq!(o.status.code(), Some(0), "{}", common::text(&o.stderr));
    // Verified where there is no key: the fingerprint alone.
    let verify_with = |key_dir: &str| {
        let o =
            env.cmd(&["verify", "pkg", "--lang", "fr"]).env("CITCERT_KEY_DIR", env.path(key_dir)).output();
        common::text(&o.unwrap().stdout)
    };
    let out = verify_with("none");
    assert!(out.starts_with("pkg : signé avec la clé SHA256:") && !out.contains(" ("), "{out}");
    // Verified with another machine's key: the fingerprint is to be compared with the sender's.
    let o = env.cmd(&["package", &id, "--out", "pkg2"]).env("CITCERT_KEY_DIR", env.path("other")).output();
    assert_eq!(o.unwrap().status.code(), Some(0));
    let out = verify_with("other");
    assert!(
        out.starts_with("pkg : signé avec la clé SHA256:")
            && out.contains(
                " (pas la clé de cet ordinateur : comparez-la avec l'empreinte que vous donne l'expéditeur)\n"
            ),
        "{out}"
    );
}

#[test]
fn the_example_drafts_folder_is_named_in_french_and_never_changed() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("drafts");
    let r = ok(fr(&examples, "2025-06-01", &["drafts", "list"]));
    assert!(
        r.err.ends_with(" est un dossier de brouillons d'exemple; il n'est jamais modifié.\n")
            && r.err.contains("citcert : note : "),
        "{}",
        r.err
    );
    let r = ok(fr(&examples, "2030-01-01", &["drafts", "list"]));
    assert!(
        r.err.contains("  - « Amira — first certificate », commencé le 2025-06-01 (expiré; non supprimé : dossier d'exemples)\n"),
        "{}",
        r.err
    );
    assert!(examples.join("3f9a0c1e.json").exists());
}

/// A key made by an older citcert in the config folder is moved to the data folder when a package
/// is made; the notice is said in French, "citcert : " first, with the package's other notices.
#[cfg(target_os = "linux")]
#[test]
fn the_moved_signing_key_is_said_in_french() {
    let (env, id) = common::ready_draft();
    let old = env.path("home/.config/citcert");
    let o = env.cmd(&["package", &id, "--out", "pkg"]).env("CITCERT_KEY_DIR", &old).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", common::text(&o.stderr));
    let o = env
        .cmd(&["package", &id, "--out", "pkg2", "--lang", "fr"])
        .env_remove("CITCERT_KEY_DIR")
        .env("HOME", env.path("home"))
        .env("XDG_CONFIG_HOME", env.path("home/.config"))
        .env("XDG_DATA_HOME", env.path("home/.local/share"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", common::text(&o.stderr));
    let err = common::text(&o.stderr);
    assert!(err.starts_with("citcert : clé de signature des paquets déplacée de "), "{err}");
    assert!(env.path("home/.local/share/citcert/package-signing.key").is_file());
    assert!(!old.join("package-signing.key").exists());
}

#[test]
fn unknown_question_ids_past_the_first_twenty_are_counted_in_french() {
    let env = common::Env::new();
    let answers: serde_json::Map<String, serde_json::Value> =
        (0..23).map(|k| (format!("zzzzzz.q{k}"), serde_json::json!("x"))).collect();
    let file = env.write("many.json", serde_json::json!({ "answers": answers }).to_string().as_bytes());
    let o = env.run(&["check", "--answers", &file, "--lang", "fr"]);
    assert_eq!(o.status.code(), Some(2));
    let err = common::text(&o.stderr);
    assert!(err.contains(" : answers.\"zzzzzz.q0\" : le questionnaire "), "{err}");
    assert!(err.contains(" n'a pas de question de ce nom\n"), "{err}");
    assert!(err.contains("many.json : et 3 autres identifiants de question inconnus"), "{err}");
}
