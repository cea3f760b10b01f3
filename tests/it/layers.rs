//! The crate's layers (ARCHITECTURE.md) hold: every `crate::…` path in src/ names a module of
//! the file's own top-level module or of a layer below it. Two modules of one layer do not use
//! each other, so the top-level modules import each other without any cycle.

use std::collections::BTreeSet;
use std::path::Path;

/// Bottom first. A module may use only the modules of the layers before its own.
const LAYERS: &[&[&str]] = &[
    // The language, bilingual words and templates (issue 14): imports nothing of the crate.
    &["words"],
    &["safe_text"],
    &["clock"],
    &["engine"],
    // `synth` makes large questionnaires for the benchmarks, from the engine's types.
    &["drafts", "synth"],
    &["context"],
    &["documents"],
    &["session"],
    &["tui", "plain"],
    &["cli"],
];

/// Upward uses allowed for a while. None left: clock.rs takes `Text` from `words`, below both it
/// and the engine (issue 14).
const PENDING: &[(&str, &str)] = &[];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// The module path of a file below src/: src/tui/view/mod.rs → [tui, view].
fn module_path(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel.iter().map(|c| c.to_string_lossy().into_owned()).collect();
    let last = parts.pop().unwrap();
    let stem = last.trim_end_matches(".rs");
    if stem != "mod" && stem != "lib" {
        parts.push(stem.to_string());
    }
    parts
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Reads the inside of a `crate::{…}` group from `depth` (1 just after the brace), pushing the
/// first segment of each path at depth 1. Returns the depth left (0: the group closed).
fn group_heads(text: &str, mut depth: usize, found: &mut Vec<String>) -> usize {
    let mut head = true;
    let mut word = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if is_ident(c) {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            if head && depth == 1 {
                found.push(std::mem::take(&mut word));
            }
            word.clear();
            head = false;
        }
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return 0;
                }
            }
            ',' if depth == 1 => head = true,
            _ => {}
        }
    }
    depth
}

/// The top-level modules one line of code names: `crate::x`, the heads of a `crate::{x, y::…}`
/// group (on one line or several), and `super::` chains that climb out to the crate root.
fn top_modules_named(line: &str, path: &[String], grouped: &mut Option<usize>) -> Vec<String> {
    let mut found = vec![];
    if let Some(depth) = *grouped {
        let left = group_heads(line, depth, &mut found);
        *grouped = if left == 0 { None } else { Some(left) };
        return found;
    }
    let mut rest = line;
    while let Some(i) = rest.find("crate::") {
        let before = rest[..i].chars().last();
        let after = &rest[i + "crate::".len()..];
        rest = after;
        if before.is_some_and(|c| is_ident(c) || c == '$') {
            continue;
        }
        if let Some(group) = after.strip_prefix('{') {
            let left = group_heads(group, 1, &mut found);
            if left > 0 {
                *grouped = Some(left);
            }
        } else {
            let name: String = after.chars().take_while(|&c| is_ident(c)).collect();
            if !name.is_empty() {
                found.push(name);
            }
        }
    }
    // super::super::x from a nested module.
    let mut s = line;
    while let Some(i) = s.find("super::") {
        let prev = s[..i].chars().last();
        if prev.is_some_and(|c| is_ident(c) || c == ':') {
            s = &s[i + 7..];
            continue;
        }
        let mut t = &s[i..];
        let mut ups = 0;
        while let Some(r) = t.strip_prefix("super::") {
            ups += 1;
            t = r;
        }
        if ups >= path.len() {
            let name: String = t.chars().take_while(|&c| is_ident(c)).collect();
            if !name.is_empty() {
                found.push(name);
            }
        }
        s = t;
    }
    found
}

#[test]
fn no_module_uses_a_layer_above_its_own() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    let declared: BTreeSet<String> = lib
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod ").or_else(|| l.trim().strip_prefix("mod ")))
        .map(|l| l.trim_end_matches(';').to_string())
        .collect();
    for m in &declared {
        assert!(layer_of(m).is_some(), "src/lib.rs declares `{m}`, which no layer of tests/layers.rs holds");
    }
    let files = crate::common::rust_files(&src);
    let mut wrong = vec![];
    let mut checked = 0;
    for file in &files {
        let rel = file.strip_prefix(&src).unwrap();
        if rel == Path::new("main.rs") || rel == Path::new("lib.rs") {
            continue;
        }
        let path = module_path(rel);
        let own = &path[0];
        let own_layer =
            layer_of(own).unwrap_or_else(|| panic!("{}: module `{own}` is in no layer", rel.display()));
        let text = std::fs::read_to_string(file).unwrap();
        let mut grouped = None;
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for name in top_modules_named(line, &path, &mut grouped) {
                checked += 1;
                if &name == own || name == "self" {
                    continue;
                }
                match layer_of(&name) {
                    Some(l) if l < own_layer => {}
                    Some(_) if PENDING.contains(&(own.as_str(), name.as_str())) => {}
                    Some(_) => wrong.push(format!(
                        "src/{}:{}: `{own}` uses `{name}`, which is not in a layer below it",
                        rel.display(),
                        n + 1
                    )),
                    // Items of lib.rs itself (none today) or macros: not a module.
                    None if declared.contains(&name) => unreachable!(),
                    None => {}
                }
            }
        }
    }
    assert!(checked > 100, "the check read only {checked} paths: is it reading src/?");
    assert!(wrong.is_empty(), "{} uses of a higher or sibling layer:\n{}", wrong.len(), wrong.join("\n"));
}

#[test]
fn the_reader_sees_every_form_of_path() {
    let p: Vec<String> = vec!["tui".into(), "view".into(), "question".into()];
    let mut g = None;
    assert_eq!(top_modules_named("use crate::engine::Lang;", &p, &mut g), ["engine"]);
    assert_eq!(top_modules_named("use crate::{cli::X, drafts::{a, b}};", &p, &mut g), ["cli", "drafts"]);
    assert_eq!(top_modules_named("let x = crate::clock::today();", &p, &mut g), ["clock"]);
    assert_eq!(top_modules_named("use super::super::super::plain::Y;", &p, &mut g), ["plain"]);
    assert!(top_modules_named("use super::super::App;", &p, &mut g).is_empty());
    assert!(top_modules_named("use mycrate::engine;", &p, &mut g).is_empty());
    assert!(top_modules_named("use crate::{", &p, &mut g).is_empty());
    assert_eq!(top_modules_named("    engine::Lang, drafts::{A, B},", &p, &mut g), ["engine", "drafts"]);
    assert!(top_modules_named("};", &p, &mut g).is_empty());
    assert!(g.is_none());
}
