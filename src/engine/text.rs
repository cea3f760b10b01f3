//! Text helpers for both languages (accent folding). The language, the bilingual text type and
//! `colon` (": " or " : ", chosen where citcert writes its own words, never run over a whole line
//! that may hold a person's words) live in `crate::words` and are re-exported here.

pub use crate::words::{Bilingual, Fixed, Lang, Text, colon};

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
