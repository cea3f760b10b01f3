//! `--help` follows `--lang`/`CITCERT_LANG`; without them it is clap's English.

use std::process::{Command, Output};

fn citcert(args: &[&str], lang_env: Option<&str>) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_citcert"));
    c.args(args).env_remove("CITCERT_LANG").env_remove("CITCERT_TODAY").env_remove("CITCERT_DRAFTS_DIR");
    if let Some(l) = lang_env {
        c.env("CITCERT_LANG", l);
    }
    c.output().unwrap()
}

fn stdout(o: &Output) -> String {
    assert_eq!(o.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn help_with_lang_fr_is_french() {
    let out = stdout(&citcert(&["--help", "--lang", "fr"], None));
    assert!(out.contains("Utilisation : citcert"), "{out}");
    assert!(out.contains("Commandes :") && out.contains("Options :"), "{out}");
    assert!(out.contains("Évaluer un fichier de réponses : résultat, règles"), "{out}");
    assert!(!out.contains("Usage:") && !out.contains("Print help"), "{out}");
    let out = stdout(&citcert(&["--lang=fr", "help", "check"], None));
    assert!(out.contains("Utilisation : citcert check"), "{out}");
}

#[test]
fn help_with_citcert_lang_fr_is_french() {
    let out = stdout(&citcert(&["drafts", "new", "--help"], Some("fr")));
    assert!(out.contains("Commencer un nouveau brouillon aujourd'hui"), "{out}");
    assert!(out.contains("Utilisation : citcert drafts new"), "{out}");
    assert!(out.contains("Afficher l'aide"), "{out}");
    // --lang wins over CITCERT_LANG.
    let out = stdout(&citcert(&["drafts", "new", "--help", "--lang", "en"], Some("fr")));
    assert!(out.contains("Usage: citcert drafts new"), "{out}");
}

#[test]
fn help_without_lang_is_english() {
    let out = stdout(&citcert(&["--help"], None));
    assert!(out.contains("Usage: citcert"), "{out}");
    assert!(out.contains("Evaluate an answers file"), "{out}");
    assert!(!out.contains("Utilisation"), "{out}");
    // Not a language: English help, as before.
    let out = stdout(&citcert(&["--help"], Some("de")));
    assert!(out.contains("Usage: citcert"), "{out}");
}
