//! Issue 12 through the real binary: no panic, no hang, no false "deleted", no escape codes, no
//! symlink tricks, no draft over the limit, no surprise erase. Each test names the item it covers.
#![cfg(unix)]

use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::common;
use common::{Env, PDF, ready_draft, text};

/// Runs a command and fails the test (killing it) when it takes longer than `secs`: a hang is a
/// failure, not a stuck test run.
fn within(mut c: Command, secs: u64) -> Output {
    use std::io::Read;
    let mut child = c.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    // Drained while it runs: a full pipe must not look like a hang.
    let drain = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut b = vec![];
            let _ = r.read_to_end(&mut b);
            b
        })
    };
    let out = drain(Box::new(child.stdout.take().unwrap()));
    let err = drain(Box::new(child.stderr.take().unwrap()));
    let start = Instant::now();
    let status = loop {
        if let Some(st) = child.try_wait().unwrap() {
            break st;
        }
        if start.elapsed() > Duration::from_secs(secs) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("still running after {secs} s (a hang); stderr so far: {}", text(&err.join().unwrap()));
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output { status, stdout: out.join().unwrap(), stderr: err.join().unwrap() }
}

fn mkfifo(p: &Path) {
    assert!(Command::new("mkfifo").arg(p).status().unwrap().success());
}

/// No control or bidi character reaches the terminal.
fn assert_clean(s: &str) {
    for c in s.chars() {
        assert!(
            !citcert::safe_text::is_unsafe(c) || c == '\n' || c == '\t',
            "{c:?} reached the output: {s:?}"
        );
    }
}

// ---- 1. no panic on a path that is not UTF-8 ----

#[test]
fn item1_attach_from_a_folder_whose_name_is_not_utf8_is_refused_not_a_panic() {
    let env = Env::new();
    let id = env.import("P01");
    let dir = env.dir.path().join(std::ffi::OsStr::from_bytes(b"scans-\xff\xfe"));
    std::fs::create_dir(&dir).unwrap();
    let f = dir.join("licence.pdf");
    std::fs::write(&f, PDF).unwrap();
    let before = std::fs::read(env.draft_file(&id)).unwrap();
    let o = env.cmd(&["attach", &id, "CL-ID1"]).arg(&f).output().unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    let e = text(&o.stderr);
    assert!(e.contains("not valid text (UTF-8)") && e.contains("rename"), "{e}");
    assert!(!e.contains("panicked"), "{e}");
    assert_eq!(std::fs::read(env.draft_file(&id)).unwrap(), before, "nothing recorded");
}

// ---- 2. no hang on a FIFO, a device, a huge file ----

#[test]
fn item2_check_export_package_do_not_hang_on_an_attached_file_replaced_by_a_fifo_or_dev_zero() {
    let (env, id) = ready_draft();
    // The licence becomes a FIFO; the birth certificate a link to /dev/zero.
    std::fs::remove_file(env.path("licence.pdf")).unwrap();
    mkfifo(&env.path("licence.pdf"));
    std::fs::remove_file(env.path("birth.pdf")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", env.path("birth.pdf")).unwrap();
    let o = within(env.cmd(&["check", "--answers", &env.draft_file(&id), "--format", "text"]), 20);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(out.contains("cannot be read now"), "{out}");
    let o = within(env.cmd(&["export", &id, "--format", "md"]), 20);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let o = within(env.cmd(&["package", &id, "--out", "pkg"]), 20);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
}

#[test]
fn item2_an_answers_file_listing_dev_zero_as_an_attachment_does_not_hang_check() {
    let env = Env::new();
    let answers = serde_json::json!({
        "answers": {"elig.applying_for": "self"},
        "attachments": [{"item": "CL-ID1", "kind": "document", "path": "/dev/zero", "size": 5,
                         "type": "pdf", "sha256": "00", "attached_on": "2025-06-01"}]
    });
    let f = env.write("a.json", answers.to_string().as_bytes());
    let o = within(env.cmd(&["check", "--answers", &f]), 20);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
}

#[test]
fn item2_a_huge_sparse_replacement_is_changed_without_being_read() {
    let (env, id) = ready_draft();
    let f = std::fs::OpenOptions::new().write(true).open(env.path("licence.pdf")).unwrap();
    f.set_len(5 * 1024 * 1024 * 1024).unwrap();
    let start = Instant::now();
    let o = within(env.cmd(&["check", "--answers", &env.draft_file(&id), "--format", "text"]), 20);
    assert!(start.elapsed() < Duration::from_secs(5), "{:?}", start.elapsed());
    assert!(text(&o.stdout).contains("file changed on disk"), "{}", text(&o.stdout));
}

#[test]
fn item2_verify_does_not_hang_on_a_fifo_manifest_or_listed_fifo_or_dev_zero() {
    let (env, id) = ready_draft();
    assert_eq!(env.run(&["package", &id, "--out", "pkg"]).status.code(), Some(0));
    let pkg = env.path("pkg");
    let listed: Vec<String> = std::fs::read_dir(pkg.join("files"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    // A listed file replaced by a FIFO, another by a link to /dev/zero.
    std::fs::remove_file(pkg.join("files").join(&listed[0])).unwrap();
    mkfifo(&pkg.join("files").join(&listed[0]));
    std::fs::remove_file(pkg.join("files").join(&listed[1])).unwrap();
    std::os::unix::fs::symlink("/dev/zero", pkg.join("files").join(&listed[1])).unwrap();
    let o = within(env.cmd(&["verify", "pkg"]), 20);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stdout));
    let out = text(&o.stdout);
    assert!(out.contains(&format!("files/{}: refused: a device, pipe or socket", listed[0])), "{out}");
    assert!(out.contains(&format!("files/{}: refused: a symbolic link", listed[1])), "{out}");
    assert!(out.contains("NOT intact"), "{out}");
    // manifest.json itself a FIFO.
    std::fs::remove_file(pkg.join("manifest.json")).unwrap();
    mkfifo(&pkg.join("manifest.json"));
    let o = within(env.cmd(&["verify", "pkg"]), 20);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stdout));
    assert!(
        text(&o.stdout).contains("manifest.json: cannot be read (not a regular file"),
        "{}",
        text(&o.stdout)
    );
}

// ---- 4. one size limit, checked before writing ----

#[test]
fn item4_and_12_a_draft_over_the_load_limit_is_refused_before_writing_and_leaves_no_lock() {
    let env = Env::new();
    // Under 8 MB as a compact answers file; over 8 MB as a (pretty) draft.
    let mut s = String::from("{\"answers\":{");
    for i in 0..560_000 {
        if i > 0 {
            s.push(',');
        }
        s.push_str(&format!("\"x.{i}\":\"\""));
    }
    s.push_str("}}");
    assert!(s.len() < 8 * 1024 * 1024);
    let f = env.write("big.json", s.as_bytes());
    let o = within(env.cmd(&["drafts", "import", &f]), 60);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stderr));
    assert!(text(&o.stderr).contains("over the 8388608-byte limit of a draft file; nothing was saved"));
    let left: Vec<_> =
        std::fs::read_dir(env.path("drafts")).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(left.is_empty(), "{left:?}");
}

// ---- 5. no false "deleted" ----

#[test]
fn item5_purge_says_what_it_could_not_delete_and_fails() {
    let env = Env::new();
    let o = env.run(&["drafts", "new", "--label", "old one", "--today", "2025-01-01"]);
    let id = text(&o.stdout).split_whitespace().nth(2).unwrap().to_string();
    // Something in the way of the erase (root ignores a read-only folder, not this).
    let blocker = env.path("drafts").join(format!(".{id}.json.erase"));
    std::fs::create_dir(&blocker).unwrap();
    std::fs::write(blocker.join("x"), b"x").unwrap();
    let o = env.run(&["drafts", "purge", "--today", "2025-03-05"]);
    assert_eq!(o.status.code(), Some(1), "{} {}", text(&o.stdout), text(&o.stderr));
    assert!(!text(&o.stdout).contains("Deleted"), "{}", text(&o.stdout));
    let e = text(&o.stderr);
    assert!(e.contains("1 expired draft(s) could NOT be deleted") && e.contains("'old one'"), "{e}");
    assert!(env.path("drafts").join(format!("{id}.json")).exists());
}

// ---- 6. never erase through a hard link ----

#[test]
fn item6_the_60_day_erase_unlinks_a_hard_linked_draft_without_zeroing_the_other_name() {
    let env = Env::new();
    let o = env.run(&["drafts", "new", "--label", "old one", "--today", "2025-01-01"]);
    let id = text(&o.stdout).split_whitespace().nth(2).unwrap().to_string();
    let copy = env.path("my-copy.json");
    std::fs::hard_link(env.path("drafts").join(format!("{id}.json")), &copy).unwrap();
    let before = std::fs::read(&copy).unwrap();
    let o = env.run(&["drafts", "purge", "--today", "2025-03-05"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(!env.path("drafts").join(format!("{id}.json")).exists());
    assert_eq!(std::fs::read(&copy).unwrap(), before, "the copy outside was written through");
}

// ---- 7. no escape codes ----

/// A draft whose name holds `label` as written by hand or by an older citcert: `drafts new` and
/// every other way of naming a draft now refuse control and bidi characters (tested here too), but
/// names already on disk must still print safely.
fn draft_with_label(env: &Env, label: &str) -> String {
    let o = env.run(&["drafts", "new", "--label", label]);
    assert_eq!(o.status.code(), Some(2), "a name with control or bidi characters is refused");
    assert_clean(&text(&o.stderr));
    assert!(text(&o.stderr).contains("plain text"), "{}", text(&o.stderr));
    let o = env.run(&["drafts", "new", "--label", "Liam"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let id = text(&o.stdout).split_whitespace().nth(2).unwrap().to_string();
    let store = citcert::drafts::DraftStore::open(env.path("drafts")).unwrap();
    let clock = citcert::clock::Clock::Fixed(citcert::clock::parse_date("2025-06-01").unwrap());
    let mut d = store.open_draft(&id, &clock).unwrap();
    d.draft.label = label.to_string();
    d.save(&clock).unwrap();
    id
}

const EVIL: &str = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\u{202e}fdp.exe";

#[test]
fn item7_drafts_list_show_and_errors_neutralise_control_and_bidi_characters() {
    let env = Env::new();
    let id = draft_with_label(&env, "Liam \u{202e}cod.exe");
    let store = citcert::drafts::DraftStore::open(env.path("drafts")).unwrap();
    let clock = citcert::clock::Clock::Fixed(citcert::clock::parse_date("2025-06-01").unwrap());
    let mut d = store.open_draft(&id, &clock).unwrap();
    d.draft.set_answer("par1.surname", serde_json::json!(EVIL)).unwrap();
    d.draft.set_answer(&format!("gone.{EVIL}"), serde_json::json!(EVIL)).unwrap();
    d.save(&clock).unwrap();
    drop(d);
    for args in [vec!["drafts", "list"], vec!["drafts", "show", &id]] {
        let o = env.run(&args);
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
        assert_clean(&text(&o.stdout));
        assert_clean(&text(&o.stderr));
        assert!(text(&o.stdout).contains("\\u{202e}"), "{}", text(&o.stdout));
    }
    let o = env.run(&["drafts", "show", &id]);
    assert!(text(&o.stdout).contains("\\u{1b}]0;pwned\\u{7}"), "{}", text(&o.stdout));
    // An error quoting a file name.
    let o = env.run(&["check", "--answers", &format!("no-such-{EVIL}.json")]);
    assert_eq!(o.status.code(), Some(2));
    assert_clean(&text(&o.stderr));
    assert!(text(&o.stderr).contains("no-such-\\u{1b}"), "{}", text(&o.stderr));
}

#[test]
fn item7_check_text_and_markdown_export_neutralise_answers_and_escape_html() {
    let env = Env::new();
    let p01 = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/personas/P01.answers.json");
    let mut answers: serde_json::Value = serde_json::from_slice(&std::fs::read(p01).unwrap()).unwrap();
    answers["answers"]["pers.dob"] = EVIL.into();
    answers["answers"]["par2.cit_cert_name"] = format!("<script>alert(1)</script>{EVIL}").into();
    let f = env.write("a.json", answers.to_string().as_bytes());
    let o = env.run(&["check", "--answers", &f, "--format", "text"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_clean(&text(&o.stdout));
    assert!(text(&o.stdout).contains("\\u{1b}"), "the invalid answer is shown, made visible");
    let o = env.run(&["export", &f, "--format", "md"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let md = text(&o.stdout);
    assert_clean(&md);
    assert!(!md.contains('<') && md.contains("&lt;"), "{md}");
    assert!(md.contains("\\u{1b}"), "{md}");
}

#[test]
fn item7_the_attach_confirmation_and_verify_neutralise_file_names() {
    let env = Env::new();
    let id = env.import("P01");
    let f = env.write(&format!("x{EVIL}.pdf").replace('/', "_"), PDF);
    let o = env.run(&["attach", &id, "CL-ID1", &f]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_clean(&text(&o.stdout));
    assert!(text(&o.stdout).contains("\\u{202e}fdp.exe"), "{}", text(&o.stdout));

    let (env, id) = ready_draft();
    assert_eq!(env.run(&["package", &id, "--out", "pkg"]).status.code(), Some(0));
    std::fs::write(env.path("pkg").join(format!("added{EVIL}").replace('/', "_")), b"x").unwrap();
    let o = env.run(&["verify", "pkg"]);
    assert_eq!(o.status.code(), Some(1));
    assert_clean(&text(&o.stdout));
    assert!(text(&o.stdout).contains("added: added\\u{1b}"), "{}", text(&o.stdout));
}

// ---- 8. no symlink tricks in packages ----

#[test]
fn item8_package_out_refuses_a_folder_others_can_write_and_a_dangling_link() {
    let (env, id) = ready_draft();
    std::fs::create_dir(env.path("shared")).unwrap();
    std::fs::set_permissions(env.path("shared"), std::fs::Permissions::from_mode(0o777)).unwrap();
    let o = env.run(&["package", &id, "--out", "shared"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    assert!(
        text(&o.stderr).contains("other users can write to this folder (mode 0777)"),
        "{}",
        text(&o.stderr)
    );
    assert_eq!(std::fs::read_dir(env.path("shared")).unwrap().count(), 0);
    // A dangling link: named as a link, not "File exists (os error 17)".
    std::os::unix::fs::symlink(env.path("target-elsewhere"), env.path("link")).unwrap();
    let o = env.run(&["package", &id, "--out", "link"]);
    assert_eq!(o.status.code(), Some(1));
    let e = text(&o.stderr);
    assert!(e.contains("link: is a symbolic link") && !e.contains("os error 17"), "{e}");
    assert!(!env.path("target-elsewhere").exists());
}

#[test]
fn item8_verify_refuses_links_and_paths_listed_twice() {
    let (env, id) = ready_draft();
    assert_eq!(env.run(&["package", &id, "--out", "pkg"]).status.code(), Some(0));
    let pkg = env.path("pkg");
    // answers.json replaced by a link to an identical copy outside: still refused, by name.
    std::fs::copy(pkg.join("answers.json"), env.path("outside.json")).unwrap();
    std::fs::remove_file(pkg.join("answers.json")).unwrap();
    std::os::unix::fs::symlink(env.path("outside.json"), pkg.join("answers.json")).unwrap();
    let o = env.run(&["verify", "pkg"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stdout));
    assert!(text(&o.stdout).contains("answers.json: refused: a symbolic link"), "{}", text(&o.stdout));
    // A manifest listing a path twice.
    let m = std::fs::read_to_string(pkg.join("manifest.json")).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&m).unwrap();
    let first = v["files"][0].clone();
    v["files"].as_array_mut().unwrap().push(first);
    std::fs::write(pkg.join("manifest.json"), v.to_string()).unwrap();
    let o = env.run(&["verify", "pkg"]);
    assert!(text(&o.stdout).contains("twice"), "{}", text(&o.stdout));
}

// ---- 9. linear and bounded ----

#[test]
fn item9_a_huge_unknown_id_and_many_unknown_ids_are_answered_quickly() {
    let env = Env::new();
    let huge = "x".repeat(1024 * 1024);
    let f =
        env.write("huge.json", serde_json::json!({"answers": {huge.clone(): "a"}}).to_string().as_bytes());
    let start = Instant::now();
    let o = within(env.cmd(&["check", "--answers", &f]), 30);
    let took = start.elapsed();
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).len() < 2000, "the id is cut short in the message");
    assert!(took < Duration::from_secs(3), "{took:?}");
    let mut m = serde_json::Map::new();
    for i in 0..200_000 {
        m.insert(format!("no.such.{i}"), "a".into());
    }
    let f = env.write("many.json", serde_json::json!({ "answers": m }).to_string().as_bytes());
    let start = Instant::now();
    let o = within(env.cmd(&["check", "--answers", &f]), 30);
    let took = start.elapsed();
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("and 199980 more unknown question ids"), "{}", text(&o.stderr));
    assert!(took < Duration::from_secs(5), "{took:?}");
}

#[test]
fn item9_drafts_show_is_linear_in_answers_no_longer_asked() {
    let env = Env::new();
    let o = env.run(&["drafts", "new", "--label", "many"]);
    let id = text(&o.stdout).split_whitespace().nth(2).unwrap().to_string();
    let store = citcert::drafts::DraftStore::open(env.path("drafts")).unwrap();
    let clock = citcert::clock::Clock::Fixed(citcert::clock::parse_date("2025-06-01").unwrap());
    let mut d = store.open_draft(&id, &clock).unwrap();
    for i in 0..100_000 {
        d.draft.answers.insert(format!("gone.{i}"), "a".into());
    }
    d.save(&clock).unwrap();
    drop(d);
    let start = Instant::now();
    let o = within(env.cmd(&["drafts", "show", &id]), 60);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("No longer asked (100000"));
    assert!(start.elapsed() < Duration::from_secs(5), "{:?}", start.elapsed());
}

// ---- 10. clock and dates ----

#[test]
fn item10_a_start_date_in_the_future_is_set_aside_with_the_reason() {
    let env = Env::new();
    let o = env.run(&["drafts", "new", "--label", "from the future", "--today", "2026-01-01"]);
    let id = text(&o.stdout).split_whitespace().nth(2).unwrap().to_string();
    // One day of clock skew is tolerated.
    let o = env.run(&["drafts", "list", "--today", "2025-12-31"]);
    assert!(text(&o.stdout).contains("from the future"), "{}", text(&o.stdout));
    let o = env.run(&["drafts", "list", "--today", "2025-06-01"]);
    assert_eq!(o.status.code(), Some(0));
    let e = text(&o.stderr);
    assert!(e.contains("its start date 2026-01-01 is after today (2025-06-01"), "{e}");
    assert!(env.path("drafts/damaged").join(format!("{id}.json")).exists());
}

#[test]
fn item10_several_drafts_expiring_at_once_are_not_erased_without_confirmation() {
    let env = Env::new();
    for l in ["first", "second"] {
        assert_eq!(env.run(&["drafts", "new", "--label", l]).status.code(), Some(0));
    }
    let count = || {
        std::fs::read_dir(env.path("drafts"))
            .unwrap()
            .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().ends_with(".json"))
            .count()
    };
    // A clock a year ahead: both past day 60 — named, with the date, and kept.
    let o = env.run(&["drafts", "list", "--today", "2026-06-01"]);
    let e = text(&o.stderr);
    assert!(e.contains("2 drafts are past their 60 days by this computer's date (2026-06-01)"), "{e}");
    assert!(e.contains("NOT erased") && e.contains("'first'") && e.contains("'second'"), "{e}");
    assert_eq!(count(), 2);
    // They cannot be opened either.
    let o = env.run(&["drafts", "list", "--today", "2026-06-01"]);
    assert!(!text(&o.stdout).contains("first"), "{}", text(&o.stdout));
    // purge with no terminal to ask on: refused; with --yes: erased.
    let o = env.run(&["drafts", "purge", "--today", "2026-06-01"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stderr));
    assert!(text(&o.stderr).contains("add --yes"), "{}", text(&o.stderr));
    assert_eq!(count(), 2);
    let o = env.run(&["drafts", "purge", "--yes", "--today", "2026-06-01"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("Deleted 2 expired draft(s)"), "{}", text(&o.stdout));
    assert_eq!(count(), 0);
}

// ---- 12. smaller ----

#[test]
fn item12_damaged_files_are_set_aside_0600() {
    let env = Env::new();
    std::fs::create_dir(env.path("drafts")).unwrap();
    std::fs::set_permissions(env.path("drafts"), std::fs::Permissions::from_mode(0o700)).unwrap();
    let p = env.path("drafts/0badf00d.json");
    std::fs::write(&p, b"{ not a draft").unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o644)).unwrap();
    let o = env.run(&["drafts", "list"]);
    assert!(text(&o.stderr).contains("damaged draft"), "{}", text(&o.stderr));
    let m = std::fs::metadata(env.path("drafts/damaged/0badf00d.json")).unwrap();
    assert_eq!(m.permissions().mode() & 0o777, 0o600);
}

#[test]
fn item12_an_answers_file_with_a_byte_order_mark_is_read() {
    let env = Env::new();
    let f = env.write("bom.json", b"\xEF\xBB\xBF{\"answers\": {\"elig.applying_for\": \"self\"}}");
    let o = env.run(&["check", "--answers", &f]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let o = env.run(&["drafts", "import", &f]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
}

#[test]
fn item12_a_key_given_twice_in_an_answers_file_is_refused_by_name() {
    let env = Env::new();
    let f = env.write(
        "dup.json",
        b"{\"answers\": {\n  \"elig.applying_for\": \"self\",\n  \"elig.applying_for\": \"minor\"\n}}",
    );
    for args in [vec!["check", "--answers", &f], vec!["export", &f], vec!["drafts", "import", &f]] {
        let o = env.run(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", text(&o.stderr));
        let e = text(&o.stderr);
        assert!(e.contains("line 3") && e.contains("the key \"elig.applying_for\" appears twice"), "{e}");
    }
    // Nothing was imported.
    assert!(std::fs::read_dir(env.path("drafts")).map_or(true, |mut r| r.next().is_none()));
}

#[test]
fn item5_and_10_plain_mode_never_says_deleted_for_drafts_still_on_disk() {
    let env = Env::new();
    for l in ["first", "second"] {
        assert_eq!(env.run(&["drafts", "new", "--label", l, "--today", "2025-01-01"]).status.code(), Some(0));
    }
    let mut c = env.cmd(&["--plain", "--today", "2025-06-01"]);
    c.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = c.spawn().unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), b"quit\n").unwrap();
    let o = child.wait_with_output().unwrap();
    let out = text(&o.stdout);
    assert!(!out.contains("has been deleted"), "{out}");
    assert!(out.contains("'first' (started 2025-01-01) expired, NOT erased"), "{out}");
    assert!(std::fs::read_dir(env.path("drafts")).unwrap().count() >= 2);
}

#[test]
fn item2_and_9_an_answers_file_over_the_8_mb_limit_is_refused_without_reading_it_all() {
    let env = Env::new();
    let f = env.path("big.json");
    let file = std::fs::File::create(&f).unwrap();
    file.set_len(9 * 1024 * 1024).unwrap();
    let o = within(env.cmd(&["check", "--answers", f.to_str().unwrap()]), 20);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("larger than the 8388608-byte limit"), "{}", text(&o.stderr));
}

#[test]
fn item7_json_on_stdout_escapes_control_and_bidi_characters_and_stays_the_same_json() {
    let env = Env::new();
    let o = env.run(&["drafts", "new", "--label", "x"]);
    let id = text(&o.stdout).split_whitespace().nth(2).unwrap().to_string();
    let store = citcert::drafts::DraftStore::open(env.path("drafts")).unwrap();
    let clock = citcert::clock::Clock::Fixed(citcert::clock::parse_date("2025-06-01").unwrap());
    let mut d = store.open_draft(&id, &clock).unwrap();
    d.draft.set_answer("pers.dob", serde_json::json!(EVIL)).unwrap();
    d.save(&clock).unwrap();
    drop(d);
    let o = env.run(&["drafts", "export", &id]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_clean(&text(&o.stdout));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["answers"]["pers.dob"], EVIL);
    let o = env.run(&["check", "--answers", &env.draft_file(&id)]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_clean(&text(&o.stdout));
    serde_json::from_slice::<serde_json::Value>(&o.stdout).unwrap();
    let o = env.run(&["export", &id, "--format", "json"]);
    assert_clean(&text(&o.stdout));
    serde_json::from_slice::<serde_json::Value>(&o.stdout).unwrap();
}

#[test]
fn item7_the_tui_header_and_draft_list_show_bidi_characters_visibly() {
    let env = Env::new();
    let id = draft_with_label(&env, "Liam \u{202e}cod.exe");
    for args in [vec!["render", "--screen", "start"], vec!["render", "--draft", &id, "--screen", "S1"]] {
        let o = env.run(&args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", text(&o.stderr));
        let out = text(&o.stdout);
        assert_clean(&out);
        assert!(out.contains("Liam \\u{202e}cod.exe"), "{args:?}: {out}");
    }
}

/// Found by the `answers` fuzz target (docs/FUZZING.md): a height of a billion feet overflowed.
#[test]
fn fuzz_found_a_huge_height_in_feet_is_refused_not_a_panic_or_accepted() {
    let env = Env::new();
    for h in ["0000001124930229Ft", "357913943 ft 6 in"] {
        let f =
            env.write("h.json", serde_json::json!({"answers": {"pers.height": h}}).to_string().as_bytes());
        let o = env.run(&["check", "--answers", &f, "--format", "text"]);
        assert_eq!(o.status.code(), Some(0), "{h}: {}", text(&o.stderr));
        assert!(
            text(&o.stdout).contains("pers.height: A height in feet is between"),
            "{h}: {}",
            text(&o.stdout)
        );
    }
}
