//! Issue 14: the paper-preparation summary is drawn from the same model as the export, by the same
//! two drawings, so its Markdown and its HTML say the same words in the same order with the same
//! punctuation — " : " in French in both.

use std::path::Path;

use crate::export_one_model::{html_words, in_order, md_words, squash};

use citcert::documents::export::{Block, Span, Summary};
use citcert::engine::{Answers, Context, Evaluation, Lang, Outcome, builtin, evaluate};
use citcert::session::paper;

/// Every persona and scenario whose answers end at a stop that leads to a paper application.
fn paper_cases() -> Vec<(String, Evaluation)> {
    let q = builtin().unwrap();
    let today = citcert::clock::parse_date("2025-06-01").unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut out = vec![];
    for dir in ["personas", "scenarios"] {
        let mut files: Vec<_> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().ends_with(".answers.json"))
            .collect();
        files.sort();
        for f in files {
            let root: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
            let Ok(answers) = Answers::from_file_json(&root) else { continue };
            let ev = evaluate(q, &answers, Context { today, started: Some(today) });
            if ev.outcome == Outcome::StopPaper {
                out.push((f.file_name().unwrap().to_string_lossy().into_owned(), ev));
            }
        }
    }
    out
}

#[test]
fn the_paper_summary_says_the_same_words_in_the_same_order_in_markdown_and_html() {
    let q = builtin().unwrap();
    let cases = paper_cases();
    assert!(cases.iter().any(|(name, _)| name == "P06.answers.json"), "P06 reaches the paper stop");
    for (name, ev) in &cases {
        for lang in [Lang::Fr, Lang::En] {
            let label = "Dossier <b>Amira</b> | 2";
            let m: Summary = paper::summary(q, ev, label, lang);
            let md = paper::to_markdown(q, ev, label, lang);
            let html = paper::to_html(q, ev, label, lang);
            let (mdw, htmlw) = (md_words(&md), html_words(&html));
            let texts = m.texts();
            in_order(&texts, &mdw, &format!("{name} {lang} md"));
            in_order(&texts, &htmlw, &format!("{name} {lang} html"));
            // The same punctuation: as many colons, and in French each with its space before.
            assert_eq!(mdw.matches(':').count(), htmlw.matches(':').count(), "{name} {lang}");
            assert_eq!(mdw.matches(" : ").count(), htmlw.matches(" : ").count(), "{name} {lang}");
            // The title names the draft as typed; the HTML escapes it, the Markdown lets no tag through.
            assert_eq!(
                m.title,
                format!(
                    "{} — {label}",
                    lang.pick("Paper-preparation summary", "Résumé de préparation papier")
                )
            );
            assert!(html.contains("<h1>") && html.contains("Dossier &lt;b&gt;Amira&lt;/b&gt; | 2"), "{name}");
            assert!(!html.contains("<b>") && !md.contains("<b>"), "{name} {lang}");
            assert!(html.contains(&format!("<html lang=\"{}\">", lang.code())));

            // The documents to gather, each "title : what it is" in French, "title: what" in English.
            let sep = lang.pick(": ", " : ");
            let tasks: Vec<&Vec<Span>> = m
                .blocks
                .iter()
                .filter_map(|b| if let Block::Tasks(t) = b { Some(t) } else { None })
                .flatten()
                .collect();
            assert!(tasks.len() >= 3, "{name} {lang}: {tasks:?}");
            for t in &tasks {
                let [Span::Strong(title), Span::Text(what)] = t.as_slice() else { panic!("{t:?}") };
                assert!(what.starts_with(sep), "{name} {lang}: {what:?}");
                let line = squash(&format!("{title}{what}"));
                assert!(mdw.contains(&line) && htmlw.contains(&line), "{name} {lang}: {line}");
                if lang == Lang::Fr {
                    assert!(!what.starts_with(": "), "{what:?}");
                }
            }
            // Ticked by hand on paper: "- [ ]" in Markdown, "☐" in HTML.
            assert_eq!(md.matches("\n- [ ] ").count(), tasks.len(), "{name} {lang}");
            assert_eq!(html.matches("<li>☐ ").count(), tasks.len(), "{name} {lang}");

            // The answers as tables, one per section, under the heading of the answers.
            let tables = m.blocks.iter().filter(|b| matches!(b, Block::Table { .. })).count();
            assert!(tables >= 3, "{name} {lang}");
            assert_eq!(html.matches("<table>").count(), tables, "{name} {lang}");
            assert_eq!(md.matches("|---|---|---|").count(), tables, "{name} {lang}");
            let head = lang.pick(
                "Your answers, to copy onto the paper form",
                "Vos réponses, à recopier sur le formulaire papier",
            );
            assert!(m.blocks.contains(&Block::Heading(2, head.into())), "{name} {lang}");

            // Payment, with the amount written as each language writes it.
            let fee = lang.pick("($75 per person)", "(75 $ par personne)");
            assert!(mdw.contains(fee) && htmlw.contains(fee), "{name} {lang}");
            // No French word set with an English colon: every colon of the French words has its space.
            if lang == Lang::Fr {
                for (words, what) in [(&mdw, "md"), (&htmlw, "html")] {
                    for (k, _) in words.match_indices(':') {
                        let before = &words[..k];
                        // "https://…" and a time like "9:30" are not punctuation.
                        if words[k..].starts_with("://") || before.ends_with(|c: char| c.is_ascii_digit()) {
                            continue;
                        }
                        assert!(
                            before.ends_with(' '),
                            "{name} {what}: {:?}",
                            &words[k.saturating_sub(60)..k + 1]
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn text_from_the_draft_reaches_neither_drawing_as_a_control_or_bidi_character() {
    let q = builtin().unwrap();
    let (_, ev) = paper_cases().into_iter().find(|(n, _)| n == "P06.answers.json").unwrap();
    let label = "Ami\u{202E}ra\u{1b}[31m\nx";
    for lang in [Lang::En, Lang::Fr] {
        let m = paper::summary(q, &ev, label, lang);
        assert!(m.title.ends_with("Amira[31mx"), "{:?}", m.title);
        for out in [paper::to_markdown(q, &ev, label, lang), paper::to_html(q, &ev, label, lang)] {
            assert!(!out.contains('\u{202E}') && !out.contains('\u{1b}'));
            assert!(out.contains("Amira[31mx"));
        }
    }
}
