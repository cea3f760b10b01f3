//! Text helpers for both languages (French colons, accent folding). The language and the
//! bilingual text type live in `crate::words` and are re-exported here.

pub use crate::words::{Bilingual, Fixed, Lang, Text, colon};

/// French text with a space before every colon that ends a label ("Source: G L32" → "Source : G L32");
/// colons inside words, times and addresses ("18:20", "https://") are left alone.
pub fn french_colons(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for (k, line) in text.split('\n').enumerate() {
        if k > 0 {
            out.push('\n');
        }
        if line.contains("://") {
            out.push_str(line);
            continue;
        }
        let mut prev: Option<char> = None;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            if c == ':'
                && prev.is_some_and(|p| !p.is_whitespace())
                && matches!(chars.peek(), Some(' ') | None)
            {
                out.push(' ');
            }
            out.push(c);
            prev = Some(c);
        }
    }
    out
}

/// Lower case without accents, so "numero" finds « numéro », "Quebec" finds « Québec » and
/// "soeur" finds « sœur » (searching and type-to-filter in both languages). Ligatures open up
/// (œ → oe, æ → ae) and combining accents (an "é" written e + U+0301) are dropped.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => out.push('a'),
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'î' | 'ï' | 'í' | 'ì' => out.push('i'),
            'ô' | 'ö' | 'ó' | 'õ' | 'ò' => out.push('o'),
            'ù' | 'û' | 'ü' | 'ú' => out.push('u'),
            'ç' => out.push('c'),
            'ñ' => out.push('n'),
            'ÿ' | 'ý' => out.push('y'),
            'œ' => out.push_str("oe"),
            'æ' => out.push_str("ae"),
            '’' => out.push('\''),
            c if is_combining_mark(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// The combining diacritical marks blocks (accents written after their letter).
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_ignores_case_and_accents() {
        assert_eq!(fold("Québec"), "quebec");
        assert_eq!(fold("NUMÉRO d’IUC"), "numero d'iuc");
        assert_eq!(fold("Côte d'Ivoire"), "cote d'ivoire");
        assert_eq!(Lang::parse(" FR "), Some(Lang::Fr));
        assert_eq!(Lang::parse("de"), None);
    }

    #[test]
    fn fold_opens_ligatures_and_drops_combining_accents() {
        assert_eq!(fold("Sœur"), "soeur");
        assert!(fold("Lien de parenté : SŒUR").contains(&fold("soeur")));
        assert_eq!(fold("Æsir"), "aesir");
        assert_eq!(fold("curriculum vitæ"), "curriculum vitae");
        // "é" and "ë" written as e + a combining mark (macOS file names, some keyboards).
        assert_eq!(fold("Ne\u{301}e a\u{300} Qu\u{e9}bec"), "nee a quebec");
        assert_eq!(fold("Zoe\u{308}"), "zoe");
        assert_eq!(fold("Muñoz Ýves"), "munoz yves");
    }
}
