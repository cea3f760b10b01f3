//! Issue 12: the commands that show or build documents from a draft locked with a passphrase ask
//! for it — `render --draft`, `render --answers` on the draft file, `package`, `attach` — from
//! --passphrase-file / CITCERT_PASSPHRASE_FILE here (stdin is no terminal); without it they say how
//! to give it (exit 2) and a wrong one changes nothing and says so (exit 2, as `drafts show`). Through the real binary.

use crate::common;

use common::{Env, PDF, text};
use std::process::Output;

const PASS: &str = "Mellon-7394 tisserand";

fn pass_file(env: &Env, name: &str, pass: &str) -> String {
    env.write(name, format!("{pass}\n").as_bytes())
}

fn ok(o: &Output) -> String {
    assert_eq!(o.status.code(), Some(0), "stdout: {}\nstderr: {}", text(&o.stdout), text(&o.stderr));
    text(&o.stdout)
}

/// P01 with its files attached, then locked with PASS; returns its id.
fn locked_ready_p01(env: &Env) -> String {
    let id = env.import("P01");
    // All but the birth certificate.
    env.attach_each(&id, &common::P01_FILES[..4]);
    let pf = pass_file(env, "pass.txt", PASS);
    ok(&env.run(&["drafts", "protect", &id, "--passphrase-file", &pf]));
    id
}

/// A new [`Env`] with [`locked_ready_p01`]; returns (env, draft id, the passphrase file's path).
fn locked_env() -> (Env, String, String) {
    let env = Env::new();
    let id = locked_ready_p01(&env);
    let pf = env.path("pass.txt").to_str().unwrap().to_string();
    (env, id, pf)
}

/// `render SOURCE --screen review --size 120xauto --passphrase-file PF`, which must succeed; its stdout.
fn review_with(env: &Env, source: &[&str], pf: &str) -> String {
    let mut args = vec!["render"];
    args.extend_from_slice(source);
    args.extend_from_slice(&["--screen", "review", "--size", "120xauto", "--passphrase-file", pf]);
    ok(&env.run(&args))
}

#[test]
fn render_of_a_locked_draft_asks_for_the_passphrase() {
    let (env, id, pf) = locked_env();
    let pf = pf.as_str();
    // With the passphrase file (option or variable): the review shows the answers.
    let out = review_with(&env, &["--draft", &id], pf);
    assert!(out.contains("Haddad"), "{out}");
    let out = ok(&env
        .cmd(&["render", "--draft", &id, "--screen", "review", "--size", "120xauto"])
        .env("CITCERT_PASSPHRASE_FILE", pf)
        .output()
        .unwrap());
    assert!(out.contains("Haddad"), "{out}");
    // The start screen needs none.
    ok(&env.run(&["render", "--draft", &id, "--screen", "start"]));
    // Without it, and no terminal to ask on: how to give it.
    let o = env.run(&["render", "--draft", &id, "--screen", "review"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stderr));
    assert!(text(&o.stderr).contains("--passphrase-file"), "{}", text(&o.stderr));
    assert!(!text(&o.stdout).contains("Haddad"));
    // A wrong one: said, nothing shown.
    let bad = pass_file(&env, "bad.txt", "not the passphrase");
    let o = env.run(&["render", "--draft", &id, "--screen", "review", "--passphrase-file", &bad]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stderr));
    assert!(text(&o.stderr).contains("wrong passphrase"), "{}", text(&o.stderr));
    assert!(!text(&o.stdout).contains("Haddad"));
    // The draft file itself with --answers: the same.
    let f = env.draft_file(&id);
    let out = review_with(&env, &["--answers", &f], pf);
    assert!(out.contains("Haddad"), "{out}");
    let o = env.run(&["render", "--answers", &f, "--screen", "review"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stderr));
}

#[test]
fn package_and_attach_on_a_locked_draft_ask_for_the_passphrase_and_keep_it_locked() {
    let (env, id, pf) = locked_env();
    let pf = pf.as_str();
    // attach: refused without the passphrase, nothing changed; done with it, still locked.
    let before = std::fs::read(env.draft_file(&id)).unwrap();
    let birth = env.write("birth.pdf", &[PDF, b"birth"].concat());
    let o = env.run(&["attach", &id, "CL-BIRTHCERT", &birth]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stderr));
    assert_eq!(std::fs::read(env.draft_file(&id)).unwrap(), before, "nothing changed without the passphrase");
    let bad = pass_file(&env, "bad.txt", "not the passphrase");
    let o = env.run(&["attach", &id, "CL-BIRTHCERT", &birth, "--passphrase-file", &bad]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stderr));
    assert_eq!(std::fs::read(env.draft_file(&id)).unwrap(), before, "nothing changed with a wrong one");
    ok(&env.run(&["attach", &id, "CL-BIRTHCERT", &birth, "--passphrase-file", pf]));
    let file = std::fs::read_to_string(env.draft_file(&id)).unwrap();
    assert!(
        file.contains("\"protected\"") && !file.contains("birth.pdf") && !file.contains("Haddad"),
        "{file}"
    );
    // package: refused without it; built with it.
    let o = env.run(&["package", &id, "--out", env.path("pkg0").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stderr));
    assert!(!env.path("pkg0").exists());
    let out = env.path("pkg");
    ok(&env.run(&["package", &id, "--out", out.to_str().unwrap(), "--passphrase-file", pf]));
    assert!(out.join("manifest.json").is_file());
    ok(&env.run(&["verify", out.to_str().unwrap()]));
}
