//! `--help` follows `--lang`/`CITCERT_LANG`; without them it is clap's English.

use crate::common;

use std::process::Output;

fn citcert(args: &[&str], lang_env: Option<&str>) -> Output {
    let mut c = common::citcert();
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

/// `citcert ARGS` with these environment variables (on top of a clean language environment).
fn citcert_env(args: &[&str], vars: &[(&str, &str)]) -> Output {
    let mut c = common::citcert();
    c.args(args).env_remove("CITCERT_TODAY").env_remove("CITCERT_DRAFTS_DIR");
    for (k, v) in vars {
        c.env(k, v);
    }
    c.output().unwrap()
}

#[test]
fn a_french_locale_gives_french_help_and_messages() {
    let out = stdout(&citcert_env(&["--help"], &[("LANG", "fr_CA.UTF-8")]));
    assert!(out.contains("Utilisation : citcert"), "{out}");
    let out = stdout(&citcert_env(&["drafts", "new", "--help"], &[("LC_MESSAGES", "fr_FR.UTF-8")]));
    assert!(out.contains("Commencer un nouveau brouillon aujourd'hui"), "{out}");
    // Not only the help: the command's own words (a refusal here).
    let o = citcert_env(
        &["check", "--answers", "nope.json", "--today", "2025-06-01"],
        &[("LANG", "fr_CA.UTF-8")],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("nope.json : lecture impossible"), "{err}");
}

#[test]
fn lang_and_citcert_lang_win_over_the_locale_and_lc_all_over_lang() {
    let fr = [("LANG", "fr_CA.UTF-8")];
    let out = stdout(&citcert_env(&["--help", "--lang", "en"], &fr));
    assert!(out.contains("Usage: citcert"), "{out}");
    let out = stdout(&citcert_env(&["--help"], &[("LANG", "fr_CA.UTF-8"), ("CITCERT_LANG", "en")]));
    assert!(out.contains("Usage: citcert"), "{out}");
    let out = stdout(&citcert_env(&["--help"], &[("LANG", "fr_CA.UTF-8"), ("LC_ALL", "C")]));
    assert!(out.contains("Usage: citcert"), "LC_ALL=C wins over LANG: {out}");
    let out = stdout(&citcert_env(&["--help"], &[("LANG", "en_CA.UTF-8"), ("LC_ALL", "fr_CA.UTF-8")]));
    assert!(out.contains("Utilisation : citcert"), "{out}");
}

#[test]
fn completions_and_man_pages_from_the_binary() {
    for (shell, mark) in
        [("bash", "_citcert()"), ("zsh", "#compdef citcert"), ("fish", "complete -c citcert")]
    {
        let out = stdout(&citcert_env(&["completions", shell], &[]));
        assert!(out.contains(mark), "{shell}: {out}");
        assert!(out.contains("drafts") && out.contains("verify"), "{shell}");
    }
    let out = stdout(&citcert_env(&["completions", "zsh", "--lang", "fr"], &[]));
    assert!(out.contains("verify:Vérifier la signature d"), "{out}");
    let o = citcert_env(&["completions", "tcsh"], &[]);
    assert_eq!(o.status.code(), Some(2), "an unknown shell is a usage error");

    let out = stdout(&citcert_env(&["man"], &[]));
    assert!(out.contains(".TH citcert 1") && out.contains(".SH SUBCOMMANDS"), "{out}");
    let out = stdout(&citcert_env(&["man"], &[("LANG", "fr_CA.UTF-8")]));
    assert!(out.contains(".SH NOM") && out.contains("Manuel de citcert"), "{out}");

    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("man1");
    let out = stdout(&citcert_env(&["man", "--out", pages.to_str().unwrap()], &[]));
    assert!(out.starts_with("Wrote ") && out.contains("manual pages"), "{out}");
    let page = std::fs::read_to_string(pages.join("citcert-drafts-import.1")).unwrap();
    assert!(page.contains(".TH citcert-drafts-import 1"), "{page}");
    assert!(pages.join("citcert.1").is_file() && pages.join("citcert-check.1").is_file());
    // A file where the folder should be: refused, named, nothing written.
    let file = dir.path().join("file");
    std::fs::write(&file, "x").unwrap();
    let o = citcert_env(&["man", "--out", file.to_str().unwrap()], &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not a folder"));
}
