//! The example drafts in the repository's `drafts/` folder (personas from PERSONAS.md at
//! different stages), defined here so their ids, dates and checksums stay right.
//!
//! `cargo test --lib drafts::examples` checks the files; to rewrite them after a change here:
//! `CITCERT_WRITE_EXAMPLES=1 cargo test --lib drafts::examples`.

use serde_json::{Map, Value};

use super::format::{Draft, QuestionnaireRef};
use crate::clock::parse_date;

fn answers(json: &str) -> Map<String, Value> {
    match serde_json::from_str(json) {
        Ok(Value::Object(m)) => m,
        other => panic!("example answers are not a JSON object: {other:?}"),
    }
}

fn example(id: &str, label: &str, created: &str, saved: &str, screen: &str, a: &str) -> Draft {
    let created_on = parse_date(created).expect("date");
    let last_saved = chrono::NaiveDateTime::parse_from_str(saved, "%Y-%m-%dT%H:%M:%S").expect("time");
    let mut d = Draft::new(
        id.into(),
        label.into(),
        created_on,
        last_saved,
        QuestionnaireRef { id: "CIT0001".into(), version: "2026-11-22".into() },
        "en".into(),
    );
    d.current_screen = screen.into();
    d.answers = answers(a);
    d
}

/// P01 Amira Haddad: complete, at Review.
fn p01() -> Draft {
    // The complete answers are the persona's own fixture, which the persona tests prove ready.
    let persona: Value =
        serde_json::from_str(include_str!("../../tests/personas/P01.answers.json")).expect("P01 fixture");
    let mut d =
        example("3f9a0c1e", "Amira — first certificate", "2025-06-01", "2025-06-08T19:42:10", "S12", "{}");
    d.answers = persona.get("answers").and_then(Value::as_object).cloned().expect("P01 answers");
    d
}

/// P04 Liam Okafor (6): half done, stopped in Parent 1 (S5).
fn p04() -> Draft {
    example(
        "b7d24e90",
        "Liam — first certificate",
        "2025-06-03",
        "2025-06-05T21:05:33",
        "S5",
        r#"{
            "elig.applying_for": "minor", "elig.request_type": "first", "elig.paper_already_submitted": "no",
            "elig.has_email": "yes", "elig.has_scanner": "yes", "elig.has_card": "yes",
            "elig.born_in_canada": "yes",
            "reason.kind": "first", "reason.new_format": "electronic", "reason.first_different_info": "no",
            "reason.first_gender_differs": "no",
            "prev.ever_had": "no",
            "pers.surname": "Okafor", "pers.given_names": "Liam", "pers.other_names": ["NA"],
            "pers.dob": "2019-03-10", "pers.sex": "m", "pers.place_of_birth": "Winnipeg",
            "pers.country_of_birth": "CA", "pers.province_of_birth": "CA-MB", "pers.height": "115 cm",
            "pers.eye_colour": "brown", "pers.uci": "NA",
            "par1.present": "yes", "par1.relationship": "biological", "par1.bio_on_birth_cert": "yes",
            "par1.surname": "Okafor", "par1.given_names": "Chioma", "par1.dob": "1988-11-02",
            "par1.place_of_birth": "Lagos", "par1.country_of_birth": "NG"
        }"#,
    )
}

/// P13 Valeria Ortiz Reid: at the documents stage (S11), second ID half described.
fn p13() -> Draft {
    example(
        "5c81aa2f",
        "Valeria — certificate via Guadalajara",
        "2025-05-20",
        "2025-06-09T08:15:02",
        "S11",
        r#"{
            "elig.applying_for": "self", "elig.request_type": "first", "elig.paper_already_submitted": "no",
            "elig.has_email": "yes", "elig.has_scanner": "yes", "elig.has_card": "yes",
            "elig.born_in_canada": "no", "elig.claim_basis": "parent_born_in_canada",
            "reason.kind": "first", "reason.new_format": "paper", "reason.first_different_info": "no",
            "reason.first_gender_differs": "no",
            "prev.ever_had": "no",
            "pers.surname": "Ortiz Reid", "pers.given_names": "Valeria", "pers.other_names": ["NA"],
            "pers.dob": "1999-12-03", "pers.sex": "f", "pers.place_of_birth": "Guadalajara",
            "pers.country_of_birth": "MX", "pers.height": "162 cm", "pers.eye_colour": "brown", "pers.uci": "NA",
            "par1.present": "yes", "par1.relationship": "biological", "par1.bio_on_birth_cert": "yes",
            "par1.surname": "Reid", "par1.given_names": "Thomas", "par1.dob": "1970-05-18",
            "par1.place_of_birth": "Hamilton", "par1.country_of_birth": "CA", "par1.province_of_birth": "CA-ON",
            "par1.citizen_at_birth": "yes", "par1.how_obtained": "born_in_canada",
            "par1.cdn_bc_registration_no": "1970-05-034567", "par1.cit_cert_number": "NA",
            "par1.cit_cert_date": "NA", "par1.cit_cert_name": "NA", "par1.crown_servant_at_birth": "no",
            "par1.ever_lived_in_canada": "yes", "par1.came_to_live_on": "1970-05-18",
            "par2.present": "yes", "par2.relationship": "biological", "par2.bio_on_birth_cert": "yes",
            "par2.surname": "Ortiz", "par2.given_names": "María Elena", "par2.dob": "1972-09-30",
            "par2.place_of_birth": "Guadalajara", "par2.country_of_birth": "MX", "par2.citizen_at_birth": "no",
            "par2.ever_lived_in_canada": "no",
            "cit.ever_lived_in_canada": "no", "cit.self_granted": "no", "cit.ever_lost": "no",
            "cit.appendix_b_summary": "yes",
            "urg.requested": "no",
            "addr.email": "valeria.ortiz@example.com", "addr.residence_country": "MX",
            "addr.mail_line1": "Av. Chapultepec 480", "addr.mail_city": "Guadalajara", "addr.mail_region": "Jalisco",
            "addr.mail_postal": "44140", "addr.mail_country": "MX", "addr.delivery_office": "mx-guadalajara",
            "docs.CL-ID1.provide": "yes", "docs.CL-ID1.file": "~/citcert/valeria/pasaporte+traduccion+affidavit.pdf",
            "docs.CL-ID1.doc_type": "passport", "docs.CL-ID1.issuer": "MX", "docs.CL-ID1.expiry_date": "2031-02-11",
            "docs.CL-ID1.shows_name_dob": "yes", "docs.CL-ID1.has_photo": "yes", "docs.CL-ID1.language": "other",
            "docs.CL-ID1.translator_kind": "fluent_person", "docs.CL-ID1.translator_relation": "none",
            "docs.CL-ID1.affidavit_sworn_before": "notary_public", "docs.CL-ID1.single_file": "yes",
            "docs.CL-ID2.provide": "yes", "docs.CL-ID2.doc_type": "national_id_card", "docs.CL-ID2.issuer": "MX",
            "docs.CL-ID2.shows_name_dob": "yes", "docs.CL-ID2.has_photo": "yes", "docs.CL-ID2.language": "other"
        }"#,
    )
}

/// P05 Emily Carter: started 2025-04-14, so on 2025-06-10 three days are left (the expiry warning).
fn p05_near_expiry() -> Draft {
    example(
        "e03d6b17",
        "Emily — first certificate (born in Boston)",
        "2025-04-14",
        "2025-05-30T17:48:51",
        "S9",
        r#"{
            "elig.applying_for": "self", "elig.request_type": "first", "elig.paper_already_submitted": "no",
            "elig.has_email": "yes", "elig.has_scanner": "yes", "elig.has_card": "yes",
            "elig.born_in_canada": "no", "elig.claim_basis": "parent_born_in_canada",
            "reason.kind": "first", "reason.new_format": "paper", "reason.first_different_info": "no",
            "reason.first_gender_differs": "no",
            "prev.ever_had": "no",
            "pers.surname": "Carter", "pers.given_names": "Emily", "pers.other_names": ["NA"],
            "pers.dob": "1995-07-22", "pers.sex": "f", "pers.place_of_birth": "Boston",
            "pers.country_of_birth": "US", "pers.height": "170 cm", "pers.eye_colour": "green", "pers.uci": "NA",
            "par1.present": "yes", "par1.relationship": "biological", "par1.bio_on_birth_cert": "yes",
            "par1.surname": "Carter", "par1.given_names": "Jane", "par1.other_names": ["Jane MacDonald"],
            "par1.dob": "1965-03-02", "par1.place_of_birth": "Halifax", "par1.country_of_birth": "CA",
            "par1.province_of_birth": "CA-NS", "par1.citizen_at_birth": "yes", "par1.how_obtained": "born_in_canada",
            "par1.cdn_bc_registration_no": "1965-05-012345", "par1.cit_cert_number": "NA",
            "par1.cit_cert_date": "NA", "par1.cit_cert_name": "NA", "par1.crown_servant_at_birth": "no",
            "par1.ever_lived_in_canada": "yes", "par1.came_to_live_on": "1965-03-02",
            "par2.present": "yes", "par2.relationship": "biological", "par2.bio_on_birth_cert": "yes",
            "par2.surname": "Carter", "par2.given_names": "Robert", "par2.dob": "1963-10-19",
            "par2.place_of_birth": "Boston", "par2.country_of_birth": "US", "par2.citizen_at_birth": "no",
            "par2.ever_lived_in_canada": "no",
            "cit.ever_lived_in_canada": "no", "cit.self_granted": "no", "cit.ever_lost": "no",
            "cit.appendix_b_summary": "yes",
            "urg.requested": "no"
        }"#,
    )
}

pub(crate) fn all() -> Vec<Draft> {
    vec![p01(), p04(), p13(), p05_near_expiry()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn example_drafts_on_disk_match_their_definition() {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("drafts");
        let write = std::env::var_os("CITCERT_WRITE_EXAMPLES").is_some();
        for d in all() {
            let path = dir.join(format!("{}.json", d.id()));
            let bytes = d.to_bytes();
            if write {
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(&path, &bytes).unwrap();
            }
            let on_disk = std::fs::read(&path).unwrap_or_default();
            assert!(
                on_disk == bytes,
                "{} differs from src/drafts/examples.rs; run CITCERT_WRITE_EXAMPLES=1 cargo test --lib drafts::examples",
                path.display()
            );
            assert_eq!(super::super::format::parse(&on_disk, d.id()).unwrap(), d);
        }
    }
}
