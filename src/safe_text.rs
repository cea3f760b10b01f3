//! Text from outside citcert — draft labels and answers, answers files, file names, received
//! packages — is printed through [`inline`] or [`block`] (JSON through [`json`]), so it can never reach the terminal as a
//! command: no escape sequence (ESC/CSI/OSC), no bell, no C1 control, no bidi override that makes
//! a line read backwards.
//!
//! Each such character is shown visibly as `\u{…}` (its code point in hex, e.g. `\u{1b}` for ESC,
//! `\u{202e}` for RIGHT-TO-LEFT OVERRIDE): a person sees that something odd is there and what it
//! is, and nothing is silently dropped. A backslash is left alone, so the output can be read but
//! is not meant to be parsed back.
//!
//! Neutralised: C0 controls U+0000–U+001F (in [`block`], line feed and tab are kept), DEL U+007F,
//! C1 controls U+0080–U+009F, the bidi embeddings and overrides U+202A–U+202E, the bidi isolates
//! U+2066–U+2069, the marks U+200E, U+200F and U+061C, and the line and paragraph separators
//! U+2028, U+2029.

use std::borrow::Cow;
use std::fmt::Write;

/// Whether `c` is neutralised (see the module documentation).
pub fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}'
        | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{200e}' | '\u{200f}' | '\u{061c}'
        | '\u{2028}' | '\u{2029}')
}

fn neutralise(s: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !s.chars().any(|c| is_unsafe(c) && !keep(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if is_unsafe(c) && !keep(c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// One value on one line: every neutralised character, line feeds and tabs included, shown as
/// `\u{…}`.
pub fn inline(s: &str) -> Cow<'_, str> {
    neutralise(s, |_| false)
}

/// Text of several lines: as [`inline`], but line feeds and tabs are kept.
pub fn block(s: &str) -> Cow<'_, str> {
    neutralise(s, |c| c == '\n' || c == '\t')
}

/// JSON text for a terminal: every neutralised character (all inside strings, since JSON's own
/// syntax is ASCII) written as a JSON escape `\uXXXX`, so the JSON stays valid and means the same.
/// serde_json already escapes C0 controls; this adds DEL, C1 and the bidi characters.
pub fn json(s: &str) -> Cow<'_, str> {
    // Line feeds, tabs and returns outside strings are JSON's whitespace (inside, serde escapes them).
    let unsafe_here = |c: char| is_unsafe(c) && !matches!(c, '\n' | '\t' | '\r');
    if !s.chars().any(unsafe_here) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if unsafe_here(c) {
            let _ = write!(out, "\\u{:04x}", c as u32);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A path for a message: its text (lossy when it is not UTF-8) through [`inline`].
pub fn path(p: &std::path::Path) -> String {
    inline(&p.to_string_lossy()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_bells_and_bidi_are_shown_not_sent() {
        let evil = "a\u{1b}]0;pwned\u{7}b\u{9b}31mc\u{202e}gpj.exe\u{2066}\u{200f}\u{61c}\u{7f}";
        let s = inline(evil);
        assert_eq!(s, "a\\u{1b}]0;pwned\\u{7}b\\u{9b}31mc\\u{202e}gpj.exe\\u{2066}\\u{200f}\\u{61c}\\u{7f}");
        assert!(!s.chars().any(is_unsafe));
    }

    #[test]
    fn ordinary_text_is_unchanged_and_not_copied() {
        for t in ["Liam — first certificate", "Élodie Côté", "محمد", "李小龙", "a\\u{1b}"] {
            assert!(matches!(inline(t), Cow::Borrowed(_)), "{t}");
        }
    }

    #[test]
    fn json_stays_valid_and_equal() {
        let v = serde_json::json!({"a\u{202e}": "x\u{1b}\u{9b}\u{7f}\u{2066}y\n"});
        let text = serde_json::to_string_pretty(&v).unwrap();
        let safe = json(&text);
        assert!(!safe.chars().any(|c| is_unsafe(c) && c != '\n'), "{safe}");
        assert_eq!(serde_json::from_str::<serde_json::Value>(&safe).unwrap(), v);
    }

    #[test]
    fn block_keeps_lines_and_tabs_inline_does_not() {
        assert_eq!(block("a\n\tb\r"), "a\n\tb\\u{d}");
        assert_eq!(inline("a\n\tb"), "a\\u{a}\\u{9}b");
    }
}
