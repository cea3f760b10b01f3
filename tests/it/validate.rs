//! `citcert validate`: the shipped questionnaire is valid, and each kind of problem in a broken
//! questionnaire is reported with its JSON location.

use crate::common;

use citcert::engine::load_str;

const BROKEN: &str = "tests/fixtures/questionnaires/broken";

#[test]
fn the_shipped_questionnaire_validates() {
    if let Err(problems) = citcert::engine::builtin() {
        panic!(
            "questionnaire.json has {} problems:\n{}",
            problems.len(),
            problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n")
        );
    }
}

#[test]
fn the_test_questionnaire_validates() {
    let text = std::fs::read_to_string("tests/fixtures/questionnaires/mini.json").unwrap();
    load_str(&text).expect("mini.json is valid");
}

#[test]
fn every_kind_of_problem_is_reported_with_its_place() {
    let expected: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(format!("{BROKEN}/expected.json")).unwrap()).unwrap();
    assert!(expected.len() >= 15, "one fixture per kind of problem");
    let mut failures = vec![];
    for (name, want) in &expected {
        let (path, msg) = (want[0].as_str().unwrap(), want[1].as_str().unwrap());
        let text = std::fs::read_to_string(format!("{BROKEN}/{name}.json")).unwrap();
        match load_str(&text) {
            Ok(_) => failures.push(format!("{name}: loaded without a problem")),
            Err(problems) => {
                if !problems.iter().any(|p| p.path.contains(path) && p.message.contains(msg)) {
                    failures.push(format!(
                        "{name}: no problem at \"{path}\" saying \"{msg}\"; got {problems:#?}"
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn validate_command_exit_codes_and_output() {
    let ok =
        common::citcert().args(["validate", "tests/fixtures/questionnaires/mini.json"]).output().unwrap();
    assert_eq!(ok.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&ok.stdout).contains("valid"));
    let bad =
        common::citcert().args(["validate", &format!("{BROKEN}/forward_reference.json")]).output().unwrap();
    assert_eq!(bad.status.code(), Some(1));
    let out = String::from_utf8_lossy(&bad.stdout);
    assert!(out.contains("forward_reference.json: question \"a.kind\" (S1).show_if"), "{out}");
    assert!(out.contains("1 problem found"), "{out}");
    let missing = common::citcert().args(["validate", "/nonexistent/q.json"]).output().unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("/nonexistent/q.json: cannot read"));
    let builtin = common::citcert().arg("validate").output().unwrap();
    assert_eq!(builtin.status.code(), Some(0), "{}", String::from_utf8_lossy(&builtin.stdout));
}
