//! One way to write words in two languages (issue 14): a sentence with values in it is a
//! `words::Template` filled with `fill!`, whose names are checked at compile time. This test reads
//! src/ and fails on the second way, a sentence built twice with `format!`, once per language:
//! `lang.pick(format!(…), format!(…))`, `match lang { Lang::En => format!(…), … }` or
//! `Text::new(format!(…), format!(…))` (`fill_text!` makes that one). There the
//! compiler cannot see that the English and the French take the same values, and the word order
//! is fixed per call site instead of by the translation.

use std::path::Path;

/// The text without `//` comments (a `//` inside a string literal is kept: only a `//` outside
/// quotes starts a comment). Good enough for this scan: it only has to find code.
fn code_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let mut in_str = false;
        let mut prev = '\0';
        let mut cut = line.len();
        for (i, c) in line.char_indices() {
            if c == '"' && prev != '\\' {
                in_str = !in_str;
            }
            if !in_str && c == '/' && prev == '/' {
                cut = i - 1;
                break;
            }
            prev = if prev == '\\' && c == '\\' { '\0' } else { c };
        }
        out.push_str(&line[..cut]);
        out.push('\n');
    }
    out
}

/// The 1-based line numbers where a sentence is written the second way.
fn second_way(text: &str) -> Vec<usize> {
    let code = code_only(text);
    let mut found = vec![];
    let line_of = |at: usize| code[..at].matches('\n').count() + 1;
    for call in [".pick(", "Text::new(", "Bilingual::new("] {
        for (at, _) in code.match_indices(call) {
            let rest = code[at + call.len()..].trim_start();
            // Also a template filled once per language where `fill_text!` fills both.
            if rest.starts_with("format!") || rest.starts_with("&format!") || rest.starts_with("fill!") {
                found.push(line_of(at));
            }
        }
    }
    // A match arm on the language (`Lang::En =>`, `(Lang::Fr, 0) =>`, `(Lang::En, d) if d < 0 =>`):
    // the `=>` on the same line, then what the arm gives.
    for lang in ["Lang::En", "Lang::Fr"] {
        for (at, _) in code.match_indices(lang) {
            let line_end = code[at..].find('\n').map_or(code.len(), |n| at + n);
            let Some(arrow) = code[at..line_end].find("=>") else { continue };
            let rest = code[at + arrow + 2..].trim_start();
            let rest = rest.strip_prefix('{').map(str::trim_start).unwrap_or(rest);
            if rest.starts_with("format!") || rest.starts_with("&format!") {
                found.push(line_of(at));
            }
        }
    }
    found.sort_unstable();
    found.dedup();
    found
}

#[test]
fn no_sentence_is_written_twice_with_format() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = crate::common::rust_files(&src);
    let mut bad = vec![];
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        for line in second_way(&text) {
            bad.push(format!("{}:{line}", f.strip_prefix(&src).unwrap().display()));
        }
    }
    assert!(
        bad.is_empty(),
        "sentences written once per language with format! (make each a words::Template and fill! it):\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_reader_finds_the_second_way_and_nothing_else() {
    let bad = "let a = lang.pick(\n    format!(\"{n} files\"),\n    format!(\"{n} fichiers\"),\n);\n\
               let b = match lang {\n    Lang::En => format!(\"x {n}\"),\n    Lang::Fr => {\n        \
               format!(\"y {n}\")\n    }\n};\nlet c = lang.pick(&format!(\"a\"), &format!(\"b\"));\n\
               let e = Text::new(\n    format!(\"x {n}\"),\n    format!(\"y {n}\"),\n);\n\
               match (lang, d) {\n    (Lang::En, d) if d < 0 => format!(\"{d} days\"),\n    (Lang::Fr, 1) => \"1 jour\".into(),\n}\n\
               let h = Text::new(\n    fill!(T, Lang::En, n = 1),\n    fill!(T, Lang::Fr, n = 1),\n);\n";
    assert_eq!(second_way(bad), vec![1, 6, 7, 11, 12, 17, 20]);
    let good = "let a = lang.pick(\"Yes\", \"Oui\");\nlet b = fill!(T, lang, n = 3);\n\
                // lang.pick(format!(\"old\"), format!(\"vieux\"))\n\
                let c = match lang { Lang::En => \"a\", Lang::Fr => \"b\" };\n\
                let u = \"http://x\"; let d = lang.pick(\"a\", \"b\");\n\
                let e = Text::new(\"a\", \"b\"); let f = fill_text!(T, n = 3);\n\
                let g = Text::new(errors(Lang::En), errors(Lang::Fr));\n\
                let g = if lang == Lang::En { 1 } else { 2 }; let h = |x| x => 3;\n";
    assert!(second_way(good).is_empty(), "{:?}", second_way(good));
}
