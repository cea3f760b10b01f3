//! The one way citcert writes words in two languages (issue 14).
//!
//! - [`Lang`]: the language of service, English or French.
//! - [`Bilingual`]: the same words in English and French. [`Fixed`] (`Bilingual<&'static str>`) is
//!   a word written in the source, `const` and `Copy` (the TUI's `i18n::Msg`, plain mode's
//!   `strings::Tr`); [`Text`] (`Bilingual<String>`) is words made at run time or loaded from
//!   questionnaire.json (`engine::Text`, errors).
//! - [`Template`]: words with `{name}` placeholders and the names they take. [`Template::new`]
//!   refuses, at compile time, a template whose English or French placeholders differ from its
//!   names; the [`fill!`](crate::fill) macro refuses, at compile time, a call whose argument names
//!   differ from them; [`fill_text!`](crate::fill_text) fills both languages at once into a
//!   [`Text`] (an error kept until it is shown). The values (any `Display`, or words in both
//!   languages) are put in in one pass: a value is never scanned again, so a path or a reason
//!   holding `{reason}` is printed as it is.
//!
//! This module is the bottom layer: it imports nothing else of the crate.

use std::fmt::{self, Display, Write as _};

/// A language citcert speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "en" | "english" | "anglais" => Some(Lang::En),
            "fr" | "french" | "français" | "francais" => Some(Lang::Fr),
            _ => None,
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }
    /// One of two things by language: `lang.pick(english, french)`.
    pub fn pick<T>(self, en: T, fr: T) -> T {
        match self {
            Lang::En => en,
            Lang::Fr => fr,
        }
    }
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Fr,
            Lang::Fr => Lang::En,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// ": " in English, " : " in French (Canadian French puts a space before a colon).
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ": ",
        Lang::Fr => " : ",
    }
}

/// The same words in English and in French.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Bilingual<S> {
    pub en: S,
    pub fr: S,
}

/// Words written in the source: `const`, `Copy`, borrowed for the whole run.
pub type Fixed = Bilingual<&'static str>;

/// Words made at run time or loaded from a file (questionnaire texts, error messages with values).
pub type Text = Bilingual<String>;

impl Bilingual<&'static str> {
    /// Fixed words in English and French. A `{name}` placeholder in them panics (a compile error
    /// in a `const`): nothing would ever fill it in; words with values are a [`Template`].
    pub const fn new(en: &'static str, fr: &'static str) -> Fixed {
        if has_placeholder(en) || has_placeholder(fr) {
            panic!(
                "Fixed::new: fixed words hold a {{name}} placeholder nothing fills in; make them a Template"
            );
        }
        Bilingual { en, fr }
    }
    /// The words in `lang`, for the whole run.
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Fr => self.fr,
        }
    }
    /// Owned words, to hand on as a [`Text`].
    pub fn to_text(self) -> Text {
        Text::new(self.en, self.fr)
    }
}

impl Bilingual<String> {
    pub fn new(en: impl Into<String>, fr: impl Into<String>) -> Text {
        Bilingual { en: en.into(), fr: fr.into() }
    }
    /// The same words in both languages (codes, names).
    pub fn same(s: impl Into<String>) -> Text {
        let s = s.into();
        Bilingual { en: s.clone(), fr: s }
    }
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Fr => &self.fr,
        }
    }
}

impl<S: AsRef<str>> Bilingual<S> {
    /// Empty in both languages.
    pub fn is_empty(&self) -> bool {
        self.en.as_ref().is_empty() && self.fr.as_ref().is_empty()
    }
}

impl From<Fixed> for Text {
    fn from(f: Fixed) -> Text {
        f.to_text()
    }
}

/// Words with values in them: `{name}` placeholders in English and French, and the names.
///
/// A placeholder is `{` then one or more of `a-z`, `0-9`, `_`, then `}`; any other brace is
/// written as it is. Every name is used in both languages and no other placeholder appears:
/// [`Template::new`] panics otherwise, which in a `const` is a compile error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Template {
    pub text: Fixed,
    pub names: &'static [&'static str],
}

impl Template {
    /// A template taking `names`. Use it in a `const` so a missing or extra placeholder in either
    /// language stops the build.
    pub const fn new(names: &'static [&'static str], en: &'static str, fr: &'static str) -> Template {
        check_names_distinct(names);
        check_placeholders(en, names);
        check_placeholders(fr, names);
        Template { text: Bilingual { en, fr }, names }
    }

    /// Panics (a compile error when called in a `const`) unless `args` are exactly the names of
    /// this template, in any order. The [`fill!`](crate::fill) macro calls it for every call.
    pub const fn expect_args(&self, args: &[&str]) {
        if args.len() != self.names.len() {
            panic!("fill!: the number of arguments differs from the template's names");
        }
        check_names_distinct(args);
        let mut i = 0;
        while i < args.len() {
            if !contains(self.names, args[i].as_bytes()) {
                panic!("fill!: an argument is not one of the template's names");
            }
            i += 1;
        }
    }

    /// The words in `lang` with the values put in, in one pass: what a value holds is never read
    /// as a placeholder. A placeholder without a value (only possible without [`fill!`]) stays as
    /// it is written.
    pub fn fill(&self, lang: Lang, args: &[(&str, &dyn Arg)]) -> String {
        let s = self.text.get(lang);
        let mut out = String::with_capacity(s.len() + 32);
        let mut rest = s;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            match placeholder_len(after.as_bytes(), 0) {
                Some(n) => {
                    let name = &after[..n];
                    match args.iter().find(|(k, _)| *k == name) {
                        Some((_, v)) => v.put(lang, &mut out),
                        None => out.push_str(&rest[open..open + n + 2]),
                    }
                    rest = &after[n + 1..];
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// The words in both languages with the same values put in: an error or a notice kept as a
    /// [`Text`] until it is shown in the language of service. A [`Text`] value gives each language
    /// its own words.
    pub fn fill_both(&self, args: &[(&str, &dyn Arg)]) -> Text {
        Bilingual { en: self.fill(Lang::En, args), fr: self.fill(Lang::Fr, args) }
    }
}

/// A value put into a [`Template`]: anything `Display` (written the same in both languages), or
/// words in both languages ([`Text`], [`Fixed`]), written in the language being filled.
pub trait Arg {
    fn put(&self, lang: Lang, out: &mut String);
}

impl<T: Display + ?Sized> Arg for T {
    fn put(&self, _: Lang, out: &mut String) {
        let _ = write!(out, "{self}");
    }
}

impl<S: AsRef<str>> Arg for Bilingual<S> {
    fn put(&self, lang: Lang, out: &mut String) {
        out.push_str(lang.pick(&self.en, &self.fr).as_ref());
    }
}

impl<S: AsRef<str>> Arg for &Bilingual<S> {
    fn put(&self, lang: Lang, out: &mut String) {
        (*self).put(lang, out);
    }
}

/// Fills a [`Template`] constant with named values, checked at compile time against its names:
/// `fill!(NOT_FOUND, lang, path = p.display())`. Each value is anything `Display`, or words in both
/// languages ([`Text`], [`Fixed`]: the language filled is taken).
#[macro_export]
macro_rules! fill {
    ($t:path, $lang:expr $(, $name:ident = $value:expr)* $(,)?) => {{
        const _: () = $t.expect_args(&[$(stringify!($name)),*]);
        $t.fill($lang, &[$((stringify!($name), &$value as &dyn $crate::words::Arg)),*])
    }};
}

/// Fills a [`Template`] constant in both languages, giving a [`Text`]:
/// `fill_text!(NOT_FOUND, path = p.display(), reason = why)` where `why` may itself be a `Text`.
/// The argument names are checked at compile time, as with [`fill!`](crate::fill).
#[macro_export]
macro_rules! fill_text {
    ($t:path $(, $name:ident = $value:expr)* $(,)?) => {{
        const _: () = $t.expect_args(&[$(stringify!($name)),*]);
        $t.fill_both(&[$((stringify!($name), &$value as &dyn $crate::words::Arg)),*])
    }};
}

/// The length of the placeholder name starting at `b[at]` (before its `}`), if one starts there.
const fn placeholder_len(b: &[u8], at: usize) -> Option<usize> {
    let mut i = at;
    while i < b.len() {
        let c = b[i];
        if c == b'}' {
            return if i > at { Some(i - at) } else { None };
        }
        if !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'_') {
            return None;
        }
        i += 1;
    }
    None
}

/// Whether `text` holds a `{name}` placeholder.
const fn has_placeholder(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'{' && placeholder_len(b, i + 1).is_some() {
            return true;
        }
        i += 1;
    }
    false
}

const fn bytes_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

const fn contains(names: &[&str], name: &[u8]) -> bool {
    let mut i = 0;
    while i < names.len() {
        if bytes_eq(names[i].as_bytes(), name) {
            return true;
        }
        i += 1;
    }
    false
}

const fn check_names_distinct(names: &[&str]) {
    let mut i = 0;
    while i < names.len() {
        let mut j = i + 1;
        while j < names.len() {
            if bytes_eq(names[i].as_bytes(), names[j].as_bytes()) {
                panic!("template: a name is given twice");
            }
            j += 1;
        }
        i += 1;
    }
}

/// Every placeholder of `text` is one of `names`, and every name is a placeholder of `text`.
const fn check_placeholders(text: &str, names: &[&str]) {
    let b = text.as_bytes();
    let mut used = 0u64;
    if names.len() > 64 {
        panic!("template: more than 64 names");
    }
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'{'
            && let Some(n) = placeholder_len(b, i + 1)
        {
            let (_, tail) = b.split_at(i + 1);
            let (name, _) = tail.split_at(n);
            let mut k = 0;
            let mut found = false;
            while k < names.len() {
                if bytes_eq(names[k].as_bytes(), name) {
                    used |= 1 << k;
                    found = true;
                }
                k += 1;
            }
            if !found {
                panic!("template: a placeholder is not among the template's names");
            }
            i += n + 2;
            continue;
        }
        i += 1;
    }
    if names.len() < 64 && used != (1u64 << names.len()) - 1 || names.len() == 64 && used != u64::MAX {
        panic!("template: a name is missing from the English or the French");
    }
}

/// One way for any error to give its words in either language (issue 14). Errors stay typed up to
/// where they are shown (the draft store's `DraftError`, the attach and package errors, an answers
/// file's `ShapeError`s, the command line's `CliError`); the screen, the prompt or `main` asks for
/// the words in the language of service at that moment.
pub trait Explain {
    /// The words in both languages.
    fn explain(&self) -> Text;

    /// The words in one language.
    fn words(&self, lang: Lang) -> String {
        self.explain().get(lang).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: Template = Template::new(
        &["path", "reason"],
        "✗ Cannot read {path} ({reason}).",
        "✗ Impossible de lire {path} ({reason}).",
    );

    #[test]
    fn values_are_put_in_as_they_are_never_read_again() {
        let path = "/home/a/{reason}/scan {path}.pdf";
        let reason = "denied {path}";
        assert_eq!(
            crate::fill!(T, Lang::En, path = path, reason = reason),
            "✗ Cannot read /home/a/{reason}/scan {path}.pdf (denied {path})."
        );
        // In any order; the French words with the same values.
        assert_eq!(
            crate::fill!(T, Lang::Fr, reason = reason, path = path),
            "✗ Impossible de lire /home/a/{reason}/scan {path}.pdf (denied {path})."
        );
    }

    #[test]
    fn both_languages_at_once_and_words_as_values() {
        // A reason in both languages goes into each language's sentence; a path the same in both.
        let reason = Text::new("permission denied {path}", "permission refusée {path}");
        let t = crate::fill_text!(T, path = "/a/{reason}", reason = &reason);
        assert_eq!(t.en, "✗ Cannot read /a/{reason} (permission denied {path}).");
        assert_eq!(t.fr, "✗ Impossible de lire /a/{reason} (permission refusée {path}).");
        const YES: Fixed = Fixed::new("yes", "oui");
        assert_eq!(crate::fill!(T, Lang::Fr, path = 3u8, reason = YES), "✗ Impossible de lire 3 (oui).");
        assert_eq!(
            crate::fill!(T, Lang::En, path = 3u8, reason = reason),
            "✗ Cannot read 3 (permission denied {path})."
        );
    }

    #[test]
    fn typed_values_and_literal_braces() {
        const N: Template = Template::new(&["n"], "{n} files {not a placeholder} {}", "{n} fichiers {X}");
        assert_eq!(crate::fill!(N, Lang::En, n = 3u32), "3 files {not a placeholder} {}");
        assert_eq!(crate::fill!(N, Lang::Fr, n = 1.5), "1.5 fichiers {X}");
        // Without the macro a missing value leaves the placeholder as written.
        assert_eq!(N.fill(Lang::En, &[]), "{n} files {not a placeholder} {}");
    }

    fn panics(f: impl FnOnce() + std::panic::UnwindSafe) -> bool {
        std::panic::catch_unwind(f).is_err()
    }

    #[test]
    fn placeholders_must_match_the_names_in_both_languages() {
        // The same checks as at compile time, run here so they can be seen failing.
        assert!(panics(|| {
            Template::new(&["path"], "{path}", "{chemin}");
        }));
        assert!(panics(|| {
            Template::new(&["path", "reason"], "{path} ({reason})", "{path}");
        }));
        assert!(panics(|| {
            Template::new(&["a", "a"], "{a}", "{a}");
        }));
        assert!(!panics(|| {
            Template::new(&["a", "b"], "{b} {a} {a}", "{a}{b}");
        }));
        assert!(panics(|| T.expect_args(&["path"])));
        assert!(panics(|| T.expect_args(&["path", "why"])));
        assert!(panics(|| T.expect_args(&["path", "path"])));
        T.expect_args(&["reason", "path"]);
    }

    #[test]
    fn fixed_and_owned_words() {
        const W: Fixed = Fixed::new("Saved.", "Enregistré.");
        assert_eq!(W.get(Lang::Fr), "Enregistré.");
        let t: Text = W.into();
        assert_eq!(t.get(Lang::En), "Saved.");
        assert_eq!(Text::same("CA").get(Lang::Fr), "CA");
        assert!(Text::default().is_empty() && !W.is_empty());
        // A fixed word with a placeholder nothing fills in is refused (at compile time in a const).
        assert!(panics(|| {
            Fixed::new("{n} files", "{n} fichiers");
        }));
        assert!(!panics(|| {
            Fixed::new("{ } {Not} {}", "{x-y}");
        }));
        assert_eq!(colon(Lang::Fr), " : ");
        assert_eq!(Lang::parse(" Français "), Some(Lang::Fr));
    }
}
