//! CONTRACT §1–§3 against the shipped questionnaire: every question id of SPEC §2 is known, an
//! answers file that uses only CONTRACT ids and values is never refused with exit 2, and answers
//! kept under a former id (`docs.CL-PARENT-CIT.proof_type`, renamed `doc_type` on 2026-11-29) are
//! read from answers files and migrated in drafts, never dropped.

use crate::common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Output;

use citcert::engine::builtin;
use serde_json::{Map, Value};

const TODAY: &str = "2025-06-01";

/// The question ids of SPEC §2 (S0–S13), `parN.*` expanded, with the per-document fields of S11
/// for the items they belong to (CONTRACT §1: `docs.<ITEM-ID>.<field>`). `draft.created_on` is
/// draft metadata, not an answer (SPEC §2 S0).
fn spec_ids() -> BTreeSet<String> {
    let plain = "draft.language elig.applying_for elig.request_type elig.paper_already_submitted elig.has_email \
        elig.has_scanner elig.has_card elig.born_in_canada elig.claim_basis elig.grandparent_crown_claim \
        reason.kind reason.replace_cause reason.prev_format reason.new_format reason.first_different_info \
        reason.first_gender_differs reason.replace_change_gender reason.replace_change_other reason.incident_date \
        reason.incident_place reason.incident_details reason.police_reported reason.police_ref prev.ever_had \
        prev.surname prev.given_names prev.number prev.date prev.originals_in_possession pers.surname \
        pers.given_names pers.other_names pers.dob pers.sex pers.place_of_birth pers.country_of_birth \
        pers.province_of_birth pers.height pers.eye_colour pers.uci cit.ever_lived_in_canada cit.came_to_live_on \
        cit.self_granted cit.ever_lost cit.ever_lost_details cit.birth_registered_abroad cit.appendix_b_summary \
        cit.act_indication urg.requested urg.reason urg.explanation addr.email addr.phone addr.residence_country \
        addr.mail_line1 addr.mail_line2 addr.mail_city addr.mail_region addr.mail_postal addr.mail_country \
        addr.delivery_office minor.applicant_role minor.applicant_name minor.id_count minor.has_photo_id \
        review.declaration fee.total fee.method fee.ack_nonrefundable";
    let parent = "present relationship bio_on_birth_cert legal_basis adoption_date adoption_country surname \
        given_names other_names dob place_of_birth country_of_birth province_of_birth citizen_at_birth \
        status_explanation how_obtained grant_date cdn_bc_registration_no cit_cert_number cit_cert_date \
        cit_cert_name crown_servant_at_birth crown_employment foreign_gov_role foreign_gov_details pr_at_birth \
        grandparent_crown ever_lived_in_canada came_to_live_on";
    let mut ids: BTreeSet<String> = plain.split_whitespace().map(str::to_string).collect();
    for n in ["par1", "par2"] {
        ids.extend(parent.split_whitespace().map(|f| format!("{n}.{f}")));
    }
    // S11: provide/file/language/translation for every upload; doc_type for ID slots, birth
    // certificates and the parent's proof; issuer for ID slots and certificates; ID-only fields.
    let uploads = ["CL-ID1", "CL-ID2", "CL-BIRTHCERT", "CL-PARENT-CIT", "CL-URGENT-PROOF", "CL-NAME-LINK"];
    for item in uploads {
        for f in ["provide", "file", "language", "translator_kind", "translator_relation", "single_file"] {
            ids.insert(format!("docs.{item}.{f}"));
        }
        ids.insert(format!("docs.{item}.affidavit_sworn_before"));
    }
    for item in ["CL-ID1", "CL-ID2", "CL-BIRTHCERT", "CL-PARENT-CIT"] {
        ids.insert(format!("docs.{item}.doc_type"));
        ids.insert(format!("docs.{item}.issuer"));
    }
    for item in ["CL-BIRTHCERT", "CL-PARENT-CIT", "CL-NAME-LINK"] {
        ids.insert(format!("docs.{item}.issue_date"));
    }
    for item in ["CL-ID1", "CL-ID2"] {
        for f in ["expiry_date", "shows_name_dob", "has_photo"] {
            ids.insert(format!("docs.{item}.{f}"));
        }
    }
    ids
}

fn citcert(args: &[&str]) -> Output {
    common::citcert()
        .args(args)
        .env_remove("CITCERT_TODAY")
        .env_remove("CITCERT_LANG")
        .env_remove("CITCERT_DRAFTS_DIR")
        .output()
        .unwrap()
}

fn p13() -> Map<String, Value> {
    let root: Value =
        serde_json::from_str(&std::fs::read_to_string("tests/personas/P13.answers.json").unwrap()).unwrap();
    root["answers"].as_object().unwrap().clone()
}

fn write_answers(dir: &Path, name: &str, answers: &Map<String, Value>) -> String {
    let p = dir.join(name);
    std::fs::write(&p, serde_json::to_vec_pretty(&serde_json::json!({ "answers": answers })).unwrap())
        .unwrap();
    p.to_string_lossy().into_owned()
}

fn check_json(file: &str) -> (Option<i32>, Value, String) {
    let o = citcert(&["check", "--answers", file, "--today", TODAY, "--format", "json"]);
    let v = serde_json::from_slice(&o.stdout).unwrap_or(Value::Null);
    (o.status.code(), v, String::from_utf8_lossy(&o.stderr).into_owned())
}

#[test]
fn every_spec_question_id_is_a_question() {
    let q = builtin().unwrap();
    let unknown: Vec<String> = spec_ids().into_iter().filter(|id| q.question(id).is_none()).collect();
    assert!(unknown.is_empty(), "SPEC §2 ids the questionnaire does not know: {unknown:?}");
}

#[test]
fn a_contract_answers_file_is_never_refused_with_exit_2() {
    // P13 (born in Mexico, father born in Ontario) as CONTRACT §3 writes it: every id is a SPEC §2
    // id, among them docs.CL-BIRTHCERT.doc_type and docs.CL-PARENT-CIT.doc_type (SPEC §9.1 item 8).
    let spec = spec_ids();
    let mut answers = p13();
    answers.insert("draft.language".into(), "fr".into());
    let extra: Vec<&String> = answers
        .keys()
        .filter(|k| !spec.contains(*k) && !k.ends_with(".name_differs") && !k.ends_with(".lists_parents"))
        .filter(|k| !k.ends_with(".specs_confirmed") && !k.ends_with(".photo_date"))
        .filter(|k| !k.ends_with(".affidavit_sworn_in") && !k.starts_with("docs.CL-PHOTO"))
        .collect();
    assert!(extra.is_empty(), "not CONTRACT ids: {extra:?}");
    assert_eq!(answers["docs.CL-BIRTHCERT.doc_type"], "birth_certificate");
    assert_eq!(answers["docs.CL-PARENT-CIT.doc_type"], "birth_certificate");
    let dir = tempfile::tempdir().unwrap();
    let file = write_answers(dir.path(), "contract.json", &answers);
    let (code, v, err) = check_json(&file);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(v["outcome"], "ONLINE_OK", "{v}");
    assert_eq!(v["ready"], true, "{v}");
    assert_eq!(v["indication"]["id"], "I-8", "{v}");

    // Half an application (what someone writes while still gathering facts) is evaluated too:
    // exit 0 with missing answers, never 2.
    let half: Map<String, Value> = answers
        .into_iter()
        .filter(|(k, _)| !k.starts_with("docs.") || k == "docs.CL-BIRTHCERT.provide")
        .collect();
    let file = write_answers(dir.path(), "half.json", &half);
    let (code, v, err) = check_json(&file);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(v["ready"], false);
    assert!(
        v["missing_answers"].as_array().unwrap().iter().any(|m| m == "docs.CL-BIRTHCERT.doc_type"),
        "{v}"
    );
}

#[test]
fn an_answers_file_with_the_former_proof_type_id_is_read_as_doc_type() {
    let mut answers = p13();
    let v = answers.remove("docs.CL-PARENT-CIT.doc_type").unwrap();
    answers.insert("docs.CL-PARENT-CIT.proof_type".into(), v);
    let dir = tempfile::tempdir().unwrap();
    let file = write_answers(dir.path(), "old.json", &answers);
    let (code, v, err) = check_json(&file);
    assert_eq!(code, Some(0), "an answers file written before the rename is not refused: {err}");
    assert_eq!(v["ready"], true, "the former answer counts: {v}");
    let missing = v["missing_answers"].as_array().unwrap();
    assert!(!missing.iter().any(|m| m == "docs.CL-PARENT-CIT.doc_type"), "{v}");

    // With both ids, the current one wins (it is the later answer).
    answers.insert("docs.CL-PARENT-CIT.doc_type".into(), "citizenship_certificate".into());
    answers.insert("docs.CL-PARENT-CIT.proof_type".into(), "other".into());
    let q = builtin().unwrap();
    let a = citcert::engine::Answers::from_map(&answers).unwrap();
    let ev = citcert::engine::evaluate(
        q,
        &a,
        citcert::engine::Context { today: citcert::clock::parse_date(TODAY).unwrap(), started: None },
    );
    let qi = q.question_index("docs.CL-PARENT-CIT.doc_type").unwrap();
    assert_eq!(ev.values[qi].as_ref().map(|v| v.to_json()), Some(Value::from("citizenship_certificate")));
    let mut migrated = a.clone();
    let moved = migrated.migrate(q);
    assert_eq!(
        moved,
        vec![("docs.CL-PARENT-CIT.proof_type".to_string(), "docs.CL-PARENT-CIT.doc_type".to_string())]
    );
    assert!(migrated.get("docs.CL-PARENT-CIT.proof_type").is_none());
    assert_eq!(migrated.get("docs.CL-PARENT-CIT.doc_type"), a.get("docs.CL-PARENT-CIT.doc_type"));
}

#[test]
fn a_draft_holding_proof_type_is_migrated_when_opened_never_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let drafts = dir.path().join("drafts");
    let mut answers = p13();
    let v = answers.remove("docs.CL-PARENT-CIT.doc_type").unwrap();
    answers.insert("docs.CL-PARENT-CIT.proof_type".into(), v);
    let file = write_answers(dir.path(), "old.json", &answers);
    let d = drafts.to_string_lossy().into_owned();
    let o = citcert(&["--drafts-dir", &d, "--today", TODAY, "drafts", "import", &file, "--label", "Valeria"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let draft_file = std::fs::read_dir(&drafts)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|x| x == "json"))
        .expect("the imported draft");
    let read = |p: &Path| -> Value { serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap() };
    assert_eq!(read(&draft_file)["answers"]["docs.CL-PARENT-CIT.proof_type"], "birth_certificate");

    // `drafts show` does not list it as "no longer asked".
    let id = read(&draft_file)["id"].as_str().unwrap().to_string();
    let o = citcert(&["--drafts-dir", &d, "--today", TODAY, "drafts", "show", &id]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(!out.to_lowercase().contains("no longer asked"), "{out}");

    // Opening it in plain mode and saving stores the answer under its current id.
    let mut child = common::citcert()
        .args(["--plain", "--drafts-dir", &d, "--today", TODAY, "--draft", &id])
        .env_remove("CITCERT_TODAY")
        .env_remove("CITCERT_LANG")
        .env_remove("CITCERT_DRAFTS_DIR")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(b"save\n").unwrap();
    let o = child.wait_with_output().unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(out.contains("Saved."), "{out}");
    let after = read(&draft_file);
    assert_eq!(after["answers"]["docs.CL-PARENT-CIT.doc_type"], "birth_certificate", "{after}");
    assert!(after["answers"].get("docs.CL-PARENT-CIT.proof_type").is_none(), "{after}");
    let o =
        citcert(&["check", "--answers", &draft_file.to_string_lossy(), "--today", TODAY, "--format", "json"]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["ready"], true, "{v}");
}
