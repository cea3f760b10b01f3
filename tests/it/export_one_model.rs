//! Issue 14: the Markdown and the HTML export are drawn from one model of the summary, so they say
//! the same words in the same order with the same punctuation — " : " in French in both.

use std::path::Path;

use crate::common;
use common::{Env, text};

use citcert::documents::export::{self, Block};
use citcert::engine::{Answers, Context, Lang, builtin, evaluate};

/// The export the binary makes of an answers file, made here through the library (same day).
fn export_of(file: &Path, lang: Lang) -> export::Export {
    let root: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    let answers = Answers::from_file_json(&root).unwrap();
    let q = builtin().unwrap();
    let today = citcert::clock::parse_date("2025-06-01").unwrap();
    let ev = evaluate(q, &answers, Context { today, started: None });
    export::build(q, &answers, &ev, &[], None, lang)
}

/// The model the binary draws.
fn model(file: &Path, lang: Lang) -> export::Summary {
    export::summary(&export_of(file, lang))
}

pub(crate) fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The Markdown's words without its markup.
pub(crate) fn md_words(md: &str) -> String {
    squash(&md.replace("\\|", "|").replace("&lt;", "<").replace("**", ""))
}

/// The HTML body's words without tags or entities.
pub(crate) fn html_words(html: &str) -> String {
    let body = &html[html.find("<body>").expect("a body")..];
    let mut out = String::new();
    // Block tags part words; inline ones (<strong>) do not: "<strong>Title</strong>: message".
    let body = body.replace("<strong>", "").replace("</strong>", "");
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    squash(
        &out.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&"),
    )
}

/// Every text of the model, found in order in `words`.
pub(crate) fn in_order(texts: &[String], words: &str, what: &str) {
    let mut at = 0;
    for t in texts {
        let t = squash(t);
        match words[at..].find(&t) {
            Some(k) => at += k + t.len(),
            None => panic!("{what}: {t:?} missing or out of order after byte {at}"),
        }
    }
}

#[test]
fn markdown_and_html_say_the_same_words_in_the_same_order() {
    let env = Env::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for file in ["tests/personas/P13.answers.json", "tests/scenarios/X12.answers.json"] {
        let file = root.join(file);
        for lang in [Lang::Fr, Lang::En] {
            let run = |format: &str| {
                let o =
                    env.run(&["export", file.to_str().unwrap(), "--format", format, "--lang", lang.code()]);
                assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
                text(&o.stdout)
            };
            let (md, html) = (md_words(&run("md")), html_words(&run("html")));
            let m = model(&file, lang);
            let texts = m.texts();
            in_order(&texts, &md, &format!("{} {lang} md", file.display()));
            in_order(&texts, &html, &format!("{} {lang} html", file.display()));
            // The same punctuation: as many colons, and in French each with its space before.
            assert_eq!(md.matches(':').count(), html.matches(':').count(), "{lang}");
            assert_eq!(md.matches(" : ").count(), html.matches(" : ").count(), "{lang}");
            // The label/value rows: "Nom : …" in French, "Name: …" in English.
            let rows: Vec<&String> = m
                .blocks
                .iter()
                .filter_map(|b| if let Block::Rows(r) = b { Some(r) } else { None })
                .flatten()
                .collect();
            assert!(rows.len() >= 3, "{rows:?}");
            let (name, sep) = match lang {
                Lang::Fr => ("Nom : ", " : "),
                Lang::En => ("Name: ", ": "),
            };
            assert!(rows[0].starts_with(name), "{rows:?}");
            assert!(rows.iter().all(|r| r.contains(sep)), "{rows:?}");
            assert!(md.contains(&squash(rows[0])) && html.contains(&squash(rows[0])));
        }
    }
}

#[test]
fn french_labels_have_a_space_before_the_colon_in_both_drawings() {
    let e =
        export_of(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/personas/P13.answers.json"), Lang::Fr);
    let (md, html) = (md_words(&export::to_markdown(&e)), html_words(&export::to_html(&e)));
    for label in ["Nom", "Date de naissance", "IUC", "Préparé le", "Fichier"] {
        let (good, bad) = (format!("{label} : "), format!("{label}: "));
        assert!(md.contains(&good) && html.contains(&good), "{label}");
        assert!(!md.contains(&bad) && !html.contains(&bad), "{label}");
    }
    assert!(md.contains("75 $ CA") && html.contains("75 $ CA"));
    assert!(!md.contains("CAD 75") && !html.contains("CAD 75"));
}

/// A recorded file no longer as attached: its state is said in the summary's language (the JSON
/// keeps the code), in both drawings.
#[test]
fn a_changed_file_is_said_in_french_in_the_french_summary() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/personas/P13.answers.json");
    for (lang, state, words) in [
        (Lang::Fr, "changed", "— modifié"),
        (Lang::Fr, "missing", "— manquant"),
        (Lang::Fr, "unreadable", "— illisible"),
        (Lang::En, "changed", "— changed"),
    ] {
        let mut e = export_of(&root, lang);
        e.checklist[0].item.file = Some(citcert::documents::readiness::FileInfo {
            name: "passport.pdf".into(),
            kind: "document".into(),
            file_type: "pdf".into(),
            size: 1024,
            sha256: "ab".repeat(32),
            attached_on: "2025-05-30".into(),
            state,
        });
        let (md, html) = (md_words(&export::to_markdown(&e)), html_words(&export::to_html(&e)));
        assert!(md.contains(words) && html.contains(words), "{lang} {state}: {md}");
        if lang == Lang::Fr {
            assert!(!md.contains(&format!("— {state}")) && !html.contains(&format!("— {state}")));
        }
    }
}
