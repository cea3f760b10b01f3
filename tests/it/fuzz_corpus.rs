//! The fuzz corpus (fuzz/corpus/, kept small by `-merge`) replayed in `cargo test` on stable, through
//! the same checks as the fuzz targets in fuzz/fuzz_targets/: every input that ever found new code
//! paths, and every crash found (fuzz/regressions/), stays a regression test. See docs/FUZZING.md.

use std::path::{Path, PathBuf};

use citcert::engine::{Answers, Context, Lang, builtin, evaluate};

fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut out = vec![];
    for dir in [root.join("corpus").join(target), root.join("regressions").join(target)] {
        let Ok(rd) = std::fs::read_dir(&dir) else { continue };
        for e in rd {
            let p = e.unwrap().path();
            if p.is_file() {
                let b = std::fs::read(&p).unwrap();
                out.push((p, b));
            }
        }
    }
    out
}

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()
}

#[test]
fn questionnaire_corpus() {
    let all = inputs("questionnaire");
    assert!(!all.is_empty(), "the seed corpus is in the repository");
    for (_p, data) in all {
        let Ok(text) = std::str::from_utf8(&data) else { continue };
        if let Ok(q) = citcert::engine::load_str(text) {
            let _ = evaluate(&q, &Answers::default(), Context { today: today(), started: None });
        }
    }
}

#[test]
fn draft_corpus() {
    let all = inputs("draft");
    assert!(!all.is_empty());
    for (p, data) in all {
        for id in ["3f9a0c1e", ""] {
            if let Ok(d) = citcert::drafts::format::parse(&data, id) {
                let bytes = d.to_bytes();
                let back =
                    citcert::drafts::format::parse(&bytes, d.id()).unwrap_or_else(|e| panic!("{p:?}: {e:?}"));
                assert_eq!(back.to_bytes(), bytes, "{p:?}");
            }
        }
    }
}

#[test]
fn answers_corpus() {
    let all = inputs("answers");
    assert!(!all.is_empty());
    let q = builtin().unwrap();
    for (_p, data) in all {
        let Ok(text) = std::str::from_utf8(&data) else { continue };
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let Ok(root) = citcert::context::parse_answers_json("fuzz.json", text) else { continue };
        let Ok(answers) = Answers::from_file_json(&root) else { continue };
        let _ = answers.unknown_ids(q);
        if !answers.shape_errors(q).is_empty() {
            continue;
        }
        let started = root.get("created_on").and_then(|v| v.as_str()).and_then(citcert::clock::parse_date);
        let ev = evaluate(q, &answers, Context { today: today(), started });
        let attachments = root
            .get("attachments")
            .and_then(|v| v.as_array())
            .map(|a| citcert::documents::attach::attachments_of(a))
            .unwrap_or_default();
        let rd = citcert::documents::readiness::readiness(q, &answers, &ev, &attachments, Lang::En);
        let _ = citcert::documents::report::check_text(q, &ev, &rd, Lang::Fr);
        let _ = citcert::documents::report::readiness_text(&rd, Lang::En);
    }
}

#[test]
fn manifest_corpus() {
    let all = inputs("manifest");
    assert!(!all.is_empty());
    let t = tempfile::tempdir().unwrap();
    let key = ed25519_dalek::SigningKey::from_bytes(&[7u8; 32]);
    let files = vec![
        citcert::documents::package::PackageFile { path: "answers.json".into(), bytes: b"{}\n".to_vec() },
        citcert::documents::package::PackageFile {
            path: "files/a.pdf".into(),
            bytes: b"%PDF-1.4\n".to_vec(),
        },
    ];
    let pkg = t.path().join("p");
    citcert::documents::package::write_package(&pkg, &files, &key, "2025-06-01", "CIT0001 fuzz").unwrap();
    let signed = std::fs::read(pkg.join("manifest.json")).unwrap();
    for (p, data) in all {
        std::fs::write(pkg.join("manifest.json"), &data).unwrap();
        let r = citcert::documents::package::verify(&pkg, None).unwrap();
        if data != signed {
            assert!(!r.intact(), "{p:?}: an altered manifest verified intact");
        }
    }
}
