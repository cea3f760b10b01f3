//! Issue 10 through the binary: a draft imported from an answers file that names files is not
//! "ready" anywhere a person reads (check text, exports), while the JSON keeps CONTRACT §4 (`ready`
//! is the answers gate) with truthful `files_ok` and readiness; `check --answers` on a plain
//! answers file checks the files it names relative to its own folder.

use crate::common;
use common::{Env, text};

const PDF: &[u8] = b"%PDF-1.4\n% test\n";

#[test]
fn an_imported_draft_with_unchecked_paths_is_not_ready_anywhere_a_person_reads() {
    let env = Env::new();
    let id = env.import("P01");
    let v = env.check(&id);
    assert_eq!(v["ready"], true, "CONTRACT §4: the answers gate");
    assert_eq!(v["files_ok"], false);
    let rd = v["readiness"].as_array().unwrap();
    let id1 = rd.iter().find(|i| i["id"] == "CL-ID1").unwrap();
    assert_eq!(id1["file_not_checked"], true);
    assert_eq!(id1["ok"], false);
    assert!(id1["problem"].as_str().unwrap().starts_with("file not checked yet (ontario-licence.pdf)"));
    let t = text(&env.run(&["check", "--answers", &env.draft_file(&id), "--format", "text"]).stdout);
    assert!(t.contains("Ready to submit: no"), "{t}");
    assert!(!t.contains("[provided]"), "{t}");
    assert!(t.contains("[file not checked yet] CL-ID1"), "{t}");
    let t = text(
        &env.run(&["check", "--answers", &env.draft_file(&id), "--format", "text", "--lang", "fr"]).stdout,
    );
    assert!(t.contains("Prête à soumettre : non"), "{t}");
    assert!(t.contains("[fichier pas encore vérifié] CL-ID1"), "{t}");
    for format in ["md", "html"] {
        let o = env.run(&["export", &id, "--format", format]);
        let out = text(&o.stdout);
        assert!(out.contains("Not ready to submit yet"), "{format}: {out}");
        assert!(out.contains("file not checked yet"), "{format}");
    }
    // Once each file is given (checked), the draft is ready.
    let scans = env.path("scans");
    std::fs::create_dir(&scans).unwrap();
    for (k, item) in ["CL-ID1", "CL-ID2", "CL-PHOTO", "CL-PHOTOGRAPHER", "CL-BIRTHCERT"].iter().enumerate() {
        let f = env.write(&format!("scans/{item}.pdf"), &[PDF, format!("{k}").as_bytes()].concat());
        let o = env.run(&["attach", &id, item, &f]);
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    }
    let v = env.check(&id);
    assert_eq!(v["files_ok"], true, "{v}");
    let t = text(&env.run(&["check", "--answers", &env.draft_file(&id), "--format", "text"]).stdout);
    assert!(t.contains("Ready to submit: yes"), "{t}");
}

#[test]
fn check_on_a_plain_answers_file_checks_its_files_relative_to_its_folder() {
    let env = Env::new();
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/personas/P01.answers.json");
    let answers = std::fs::read(&src).unwrap();
    std::fs::create_dir_all(env.path("case/scans")).unwrap();
    let file = env.write("case/P01.answers.json", &answers);
    // Run from another folder: the paths are read relative to the answers file, not to here.
    let o = env.run(&["check", "--answers", &file, "--format", "text"]);
    let t = text(&o.stdout);
    assert!(
        t.contains("Ready to submit: no") && t.contains("scans/ontario-licence.pdf: no such file"),
        "{t}"
    );
    let v: serde_json::Value =
        serde_json::from_slice(&env.run(&["check", "--answers", &file]).stdout).unwrap();
    assert_eq!(v["files_ok"], false);
    let root: serde_json::Value = serde_json::from_slice(&answers).unwrap();
    for (k, (id, path)) in
        root["answers"].as_object().unwrap().iter().filter(|(k, _)| k.ends_with(".file")).enumerate()
    {
        let p = path.as_str().unwrap();
        let body: Vec<u8> =
            if p.ends_with(".jpg") { b"\xFF\xD8\xFF\xE0 JFIF".to_vec() } else { PDF.to_vec() };
        env.write(&format!("case/{p}"), &[body, format!("{k}{id}").into_bytes()].concat());
    }
    let t = text(&env.run(&["check", "--answers", &file, "--format", "text"]).stdout);
    assert!(t.contains("Ready to submit: yes"), "{t}");
    let v: serde_json::Value =
        serde_json::from_slice(&env.run(&["check", "--answers", &file]).stdout).unwrap();
    assert_eq!(v["files_ok"], true, "{v}");
    assert_eq!(v["ready"], true);
    // A file that is not what it says is refused by content.
    env.write("case/scans/ontario-licence.pdf", b"GIF89a not a pdf");
    let t = text(&env.run(&["check", "--answers", &file, "--format", "text"]).stdout);
    assert!(t.contains("Ready to submit: no") && t.contains("GIF"), "{t}");
}
