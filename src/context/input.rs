//! Reading what a person gives: text files of bounded size (regular files only), answers files
//! as JSON with no duplicate keys, and the words for what is wrong with them.

use std::path::Path;

use super::CliError;
use crate::engine::text::Text;
use crate::fill_text;
use crate::words::Template;

/// The largest file `read_text` reads (answers files, questionnaires): 8 MB, the limit of a draft
/// file, which an answers file may be (the built-in questionnaire is under 0.3 MB).
pub const MAX_INPUT_BYTES: u64 = crate::drafts::format::MAX_FILE_BYTES as u64;

/// Reads a UTF-8 text file, with an error that names it. Only a regular file of at most
/// [`MAX_INPUT_BYTES`] is read (a FIFO or device is refused, never waited on); a UTF-8 byte order
/// mark at the start is skipped.
pub fn read_text(path: &Path) -> Result<String, CliError> {
    const CANNOT_READ: Template = Template::new(
        &["file", "reason"],
        "{file}: cannot read: {reason}",
        "{file} : lecture impossible : {reason}",
    );
    const NOT_UTF8: Template = Template::new(
        &["file", "at"],
        "{file}: not UTF-8 text (invalid byte at offset {at})",
        "{file} : ce n'est pas du texte UTF-8 (octet non valide à la position {at})",
    );
    let p = crate::safe_text::path(path);
    let bytes = crate::drafts::fsutil::read_regular(path, MAX_INPUT_BYTES, true).map_err(|e| {
        CliError::usage(fill_text!(CANNOT_READ, file = p, reason = crate::drafts::io_reason(&e)))
    })?;
    let mut text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        CliError::usage(fill_text!(NOT_UTF8, file = p, at = at))
    })?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

/// Parses an answers file: JSON where no object has the same key twice (serde_json would keep the
/// last silently, so an answer could change without a word). Errors name the file, line and key.
pub fn parse_answers_json(name: &str, text: &str) -> Result<serde_json::Value, CliError> {
    const KEY_TWICE: Template = Template::new(
        &["file", "line", "column", "key"],
        "{file}: line {line} column {column}: the key {key} appears twice in the same object; keep only one \
         (which one counts would be a guess)",
        "{file} : ligne {line}, colonne {column} : la clé {key} figure deux fois dans le même objet; n'en \
         gardez qu'une (laquelle compte serait une supposition)",
    );
    if let Err(e) = serde_json::from_str::<NoDuplicateKeys>(text) {
        let msg = e.to_string();
        if let Some(rest) = msg.strip_prefix(DUPLICATE) {
            let key = rest.rsplit_once(" at line ").map_or(rest, |(k, _)| k);
            let (l, c) = (e.line(), e.column());
            return Err(CliError::usage(fill_text!(KEY_TWICE, file = name, line = l, column = c, key = key)));
        }
        return Err(not_json(name, &e));
    }
    serde_json::from_str(text).map_err(|e| not_json(name, &e))
}

const DUPLICATE: &str = "duplicate key ";

/// Deserializes any JSON and fails on the first object with a key seen twice.
struct NoDuplicateKeys;

impl<'de> serde::Deserialize<'de> for NoDuplicateKeys {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NoDuplicateKeys)
    }
}

impl<'de> serde::de::Visitor<'de> for NoDuplicateKeys {
    type Value = NoDuplicateKeys;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_str<E>(self, _: &str) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_unit<E>(self) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self, A::Error> {
        while seq.next_element::<NoDuplicateKeys>()?.is_some() {}
        Ok(self)
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self, A::Error> {
        let mut seen = std::collections::HashSet::new();
        while let Some(k) = map.next_key::<String>()? {
            if seen.contains(&k) {
                return Err(serde::de::Error::custom(format!("{DUPLICATE}\"{}\"", short_id(&k))));
            }
            map.next_value::<NoDuplicateKeys>()?;
            seen.insert(k);
        }
        Ok(self)
    }
}

/// An id from a file, for a message: neutralised, and cut at 80 characters.
pub fn short_id(id: &str) -> String {
    let cut: String = id.chars().take(80).collect();
    let more = if cut.len() < id.len() { "…" } else { "" };
    format!("{}{more}", crate::safe_text::inline(&cut))
}

/// A JSON file that does not parse: "NAME: line L column C: not valid JSON: …", in both languages.
pub fn not_json(name: &str, e: &serde_json::Error) -> CliError {
    const NOT_JSON: Template = Template::new(
        &["file", "line", "column", "reason"],
        "{file}: line {line} column {column}: not valid JSON: {reason}",
        "{file} : ligne {line}, colonne {column} : JSON non valide : {reason}",
    );
    let (l, c, r) = (e.line(), e.column(), json_reason(e));
    CliError::usage(fill_text!(NOT_JSON, file = name, line = l, column = c, reason = r))
}

/// What serde_json found wrong, in both languages. The English is serde_json's own message
/// (with its "at line L column C"); the French names the problem without the place, which the
/// callers give. A message this does not know keeps its English in parentheses.
pub fn json_reason(e: &serde_json::Error) -> Text {
    let en = e.to_string();
    let head = en.rsplit_once(" at line ").map_or(en.as_str(), |(h, _)| h);
    let fr = match head {
        "EOF while parsing a list" => "le fichier se termine au milieu d'une liste".to_string(),
        "EOF while parsing an object" => "le fichier se termine au milieu d'un objet".to_string(),
        "EOF while parsing a string" => "le fichier se termine au milieu d'une chaîne".to_string(),
        "EOF while parsing a value" => "le fichier se termine avant une valeur".to_string(),
        "expected `:`" => "« : » attendu".to_string(),
        "expected `,` or `]`" => "« , » ou « ] » attendu".to_string(),
        "expected `,` or `}`" => "« , » ou « } » attendu".to_string(),
        "expected ident" => "mot attendu (true, false ou null)".to_string(),
        "expected value" => "valeur attendue".to_string(),
        "expected `\"`" => "« \" » attendu".to_string(),
        "invalid escape" => "séquence d'échappement non valide".to_string(),
        "invalid number" => "nombre non valide".to_string(),
        "number out of range" => "nombre hors limites".to_string(),
        "invalid unicode code point" => "point de code Unicode non valide".to_string(),
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            "caractère de contrôle (\\u0000-\\u001F) dans une chaîne".to_string()
        }
        "key must be a string" => "une clé doit être une chaîne".to_string(),
        "lone leading surrogate in hex escape" => {
            "demi-code (surrogate) isolé dans un échappement".to_string()
        }
        "trailing comma" => "virgule en trop à la fin".to_string(),
        "trailing characters" => "caractères en trop après la fin".to_string(),
        "unexpected end of hex escape" => "échappement hexadécimal incomplet".to_string(),
        "recursion limit exceeded" => "imbrication trop profonde".to_string(),
        other => match other.strip_prefix("missing field ") {
            Some(field) => format!("champ {field} manquant"),
            None => format!("erreur de format ({other})"),
        },
    };
    Text::new(en, fr)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words of each refusal, in both languages (issue 14: one template each, words unchanged).
    #[test]
    fn each_refusal_names_the_file_and_the_place_in_both_languages() {
        let t = tempfile::tempdir().unwrap();
        let bad = t.path().join("bad.json");
        std::fs::write(&bad, b"{\"a\": \xff}").unwrap();
        let p = crate::safe_text::path(&bad);
        let e = read_text(&bad).unwrap_err();
        assert_eq!(e.code(), 2);
        assert_eq!(e.message.en, format!("{p}: not UTF-8 text (invalid byte at offset 6)"));
        assert_eq!(
            e.message.fr,
            format!("{p} : ce n'est pas du texte UTF-8 (octet non valide à la position 6)")
        );

        let e = read_text(t.path()).unwrap_err();
        let d = crate::safe_text::path(t.path());
        let r = crate::drafts::io_reason(&std::io::Error::other(crate::drafts::fsutil::NOT_REGULAR));
        assert_eq!(e.message.en, format!("{d}: cannot read: {}", r.en));
        assert_eq!(e.message.fr, format!("{d} : lecture impossible : {}", r.fr));

        let e = parse_answers_json("a.json", "{\"answers\": {\"x\": \"1\",\n \"x\": \"2\"}}").unwrap_err();
        assert_eq!(
            e.message.en,
            "a.json: line 2 column 4: the key \"x\" appears twice in the same object; keep only one (which one \
             counts would be a guess)"
        );
        assert_eq!(
            e.message.fr,
            "a.json : ligne 2, colonne 4 : la clé \"x\" figure deux fois dans le même objet; n'en gardez qu'une \
             (laquelle compte serait une supposition)"
        );

        let e = parse_answers_json("a.json", "{\"answers\": ").unwrap_err();
        assert_eq!(
            e.message.en,
            "a.json: line 1 column 12: not valid JSON: EOF while parsing a value at line 1 column 12"
        );
        assert_eq!(
            e.message.fr,
            "a.json : ligne 1, colonne 12 : JSON non valide : le fichier se termine avant une valeur"
        );
    }
}
