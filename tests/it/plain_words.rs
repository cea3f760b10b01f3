//! Plain mode's words as a screen reader reads them: citcert's own colons take the French space
//! (" : "), a person's words (a draft's name, a note, an answer) are printed as typed; the paper
//! route's headings and its written summary have their French punctuation too.

use citcert::clock::parse_date;
use citcert::engine::{Context, Lang, builtin, evaluate};

const TODAY: &str = "2025-06-10";

fn session(dir: &std::path::Path, input: &str, lang: Lang) -> (i32, String) {
    crate::common::plain_session(dir, input, lang, None, TODAY)
}

/// A colon that ends a word with no space before it ("Appel: Amira"), outside addresses.
fn english_colon(line: &str) -> bool {
    !line.contains("://")
        && line.char_indices().any(|(k, ch)| {
            ch == ':'
                && k > 0
                && !line[..k].ends_with(char::is_whitespace)
                && line[k + 1..].chars().next().is_none_or(|n| n == ' ')
        })
}

#[test]
fn a_persons_words_keep_their_colons_and_citcerts_own_take_the_french_space() {
    let dir = tempfile::tempdir().unwrap();
    let input = "nouveau\nAppel: Amira\n?\n1\nnote Mère: à vérifier\nliste\nrevue\nhistorique\nquitter\n";
    let (code, out) = session(dir.path(), input, Lang::Fr);
    assert_eq!(code, 0, "{out}");
    // The person's words, as typed.
    assert!(out.contains("« Appel: Amira »"), "{out}");
    assert!(!out.contains("Appel : Amira"), "{out}");
    assert!(out.contains("Note de l’agent : Mère: à vérifier"), "{out}");
    assert!(!out.contains("Mère : à vérifier"), "{out}");
    // citcert's own colon after the name: one space each side, never two.
    assert!(out.contains("« Appel: Amira » : commencé le 2025-06-10"), "{out}");
    assert!(!out.contains(" :  "), "a doubled space after a colon: {out}");
    // Every other line (not holding the person's words, not an echoed answer) has French colons.
    for line in out.lines().filter(|l| !l.contains("Amira") && !l.contains("Mère")) {
        assert!(!english_colon(line), "an English colon in French: {line:?}\n{out}");
    }
    // Resumed: the list of drafts says the name as typed too.
    let (_, out) = session(dir.path(), "quitter\n", Lang::Fr);
    assert!(out.contains("1) Appel: Amira — id"), "{out}");
    // English keeps its own colon, and no doubled space either.
    let dir = tempfile::tempdir().unwrap();
    let (_, out) = session(dir.path(), "new\nAppel : Amira\n1\nnote x : y\nchecklist\nquit\n", Lang::En);
    assert!(out.contains("'Appel : Amira': started 2025-06-10"), "{out}");
    assert!(out.contains("Agent note: x : y"), "{out}");
    let doubled = out.lines().find(|l| l.contains(":  "));
    assert!(doubled.is_none(), "{doubled:?}\n{out}");
}

#[test]
fn a_documents_screen_is_named_once_in_the_review() {
    let dir = tempfile::tempdir().unwrap();
    let (_, out) = session(dir.path(), "new\nT\nreview\nquit\n", Lang::En);
    let line = out.lines().find(|l| l.starts_with("-- 11.1 ")).expect(&out);
    let title = &builtin().unwrap().items.iter().find(|i| i.id == "CL-ID1").unwrap().title.en;
    assert_eq!(line.matches(title.as_str()).count(), 1, "{line}");
}

/// The paper route's lines and the summary it writes, in French: " : " before every colon.
#[test]
fn the_paper_route_speaks_french_punctuation() {
    let q = builtin().unwrap();
    let answers = crate::common::answers_file("personas/P06");
    let today = parse_date(TODAY).unwrap();
    let ev = evaluate(q, &answers, Context { today, started: Some(today) });
    let lines = citcert::session::paper::screen_lines(q, &ev, Lang::Fr, false);
    assert!(lines.iter().any(|l| l == "Documents à réunir :"), "{lines:#?}");
    assert!(lines.iter().any(|l| l == "Paiement :"), "{lines:#?}");
    for l in &lines {
        assert!(!english_colon(l), "{l:?}");
        assert!(!l.contains(" :  "), "{l:?}");
    }
    let en = citcert::session::paper::screen_lines(q, &ev, Lang::En, false);
    assert!(en.iter().any(|l| l == "Documents to gather:"), "{en:#?}");
    // The summary written: French colons in Markdown, the draft's name as typed.
    let md = citcert::session::paper::to_markdown(q, &ev, "Appel: Amira", Lang::Fr);
    assert!(md.starts_with("# Résumé de préparation papier — Appel: Amira\n"), "{md}");
    for l in md.lines().filter(|l| !l.contains("Amira")) {
        assert!(!english_colon(l), "{l:?}\n{md}");
    }
    // A folder that is not there: the French message punctuated as French.
    let gone = tempfile::tempdir().unwrap().path().join("nowhere");
    let why = citcert::session::paper::write_summary(q, &ev, "T", &gone, "x", Lang::Fr).unwrap_err();
    let fr = why.get(Lang::Fr);
    assert!(fr.contains(" : impossible d'écrire : ") && fr.contains("; vérifiez"), "{fr}");
}

/// The review's report is read in words: no outcome, rule, item or question codes unless the
/// agent turns `codes` on; what is missing is said once.
#[test]
fn the_review_report_reads_words_and_codes_only_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out) = session(dir.path(), "nouveau\nT\n1\nrevue\ncodes\nrevue\nquitter\n", Lang::Fr);
    assert_eq!(code, 0, "{out}");
    let (words, coded) = out.split_once("Codes affichés").expect(&out);
    assert!(words.contains("Résultat : vous pouvez utiliser la demande en ligne"), "{words}");
    assert!(words.contains("Pièce d'identité 2 : manquant (obligatoire)"), "{words}");
    assert!(words.contains("Prête à soumettre : non."), "{words}");
    for code in ["ONLINE_OK", "IN-17", "[INCOMPLETE]", "CL-ID1", "applicant."] {
        assert!(!words.contains(code), "{code} read aloud: {words}");
    }
    assert_eq!(words.matches("  1.2 Que voulez-vous faire?").count(), 1, "said once: {words}");
    // The agent's `codes`: the check text, codes and all.
    assert!(coded.contains("ONLINE_OK") && coded.contains("CL-ID1"), "{coded}");
}

/// A French line names the French command words, and a percentage takes its space.
#[test]
fn french_lines_name_french_commands_and_space_the_percent() {
    let dir = tempfile::tempdir().unwrap();
    let (_, out) = session(dir.path(), "nouveau\nT\n\nquitter\n", Lang::Fr);
    assert!(out.contains("Tapez ? pour l’aide, retour pour revenir, quitter pour arrêter."), "{out}");
    for english in [" back ", " quit ", " skip "] {
        assert!(!out.contains(english), "{english:?} on a French line: {out}");
    }
    let (_, out) = session(dir.path(), "quitter\n", Lang::Fr);
    assert!(out.contains(", 0 % rempli"), "{out}");
    let (_, out) = session(dir.path(), "quit\n", Lang::En);
    assert!(out.contains(", 0% done"), "{out}");
}

/// Drafts past day 60 all at once, kept: the list never says "no drafts yet" while they are on
/// disk; erased: the French line is a sentence ("a été effacé").
#[test]
fn held_drafts_kept_are_not_called_no_drafts_and_erased_ones_are_said_in_french() {
    let dir = tempfile::tempdir().unwrap();
    for label in ["A: un", "B"] {
        session(dir.path(), &format!("nouveau\n{label}\n1\nquitter\n"), Lang::Fr);
    }
    let later = |input: &str| crate::common::plain_session(dir.path(), input, Lang::Fr, None, "2025-09-01");
    let (_, out) = later("non\nquitter\n");
    assert!(out.contains("Rien n’a été effacé."), "{out}");
    assert!(!out.contains("Aucun brouillon pour l’instant."), "{out}");
    assert!(
        out.contains("Aucun brouillon qui puisse être ouvert : les brouillons de plus de 60 jours"),
        "{out}"
    );
    assert!(out.contains("« A: un » (commencé le 2025-06-10)"), "{out}");
    let (_, out) = later("oui\nquitter\n");
    assert!(out.contains("Le brouillon « A: un » a été effacé."), "{out}");
    assert!(out.contains("Aucun brouillon pour l’instant."), "{out}");
}

#[test]
fn with_no_draft_yet_the_question_offers_only_new_and_quit() {
    for (lang, new, quit, none) in [
        (Lang::En, "new", "quit", "There is no draft to open. Type new to start one, or quit."),
        (
            Lang::Fr,
            "nouveau",
            "quitter",
            "Il n’y a aucun brouillon à ouvrir. Tapez nouveau pour en commencer un, ou quitter.",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let (code, out) = session(dir.path(), &format!("Amira\n1\n{new}\nAmira\n{quit}\n"), lang);
        assert_eq!(code, 0, "{out}");
        // A name or a number typed where there is nothing to open: said plainly, no list to pick from.
        assert_eq!(out.matches(none).count(), 2, "{out}");
        assert!(!out.contains("number"), "{out}");
        assert!(!out.contains("numéro"), "{out}");
        assert!(!out.contains("drafts list"), "{out}");
        assert!(out.contains("Amira"), "{out}");
    }
}
