//! Every word the TUI itself writes, in English and in Canadian French (the vocabulary of the
//! French guide: certificat de citoyenneté, IUC, demande en ligne, liste de contrôle, brouillon…).
//! The questionnaire's own words come from questionnaire.json through the engine.
//!
//! One table: a constant per fixed message, a function per message with values in it. Views and
//! `App` ask here instead of writing `if lang == Fr`.

use super::keymap::{self as k, Key};
use crate::engine::Lang;
use crate::fill;
pub use crate::words::Template;

/// A fixed interface message in both languages (`crate::words::Fixed`: one bilingual type for the
/// whole crate; messages with values in them are `Template`s or functions below).
pub type Msg = crate::words::Fixed;

const fn m(en: &'static str, fr: &'static str) -> Msg {
    Msg::new(en, fr)
}

// ── Language ────────────────────────────────────────────────────────────────────────────────
/// The name of the *other* language, as the F3 key offers it (each in its own language).
pub fn switch_to(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "français",
        Lang::Fr => "English",
    }
}
pub const LANG_NOW: Msg = m(
    "English. The draft keeps this language. F3: français.",
    "Français. Le brouillon garde cette langue. F3 : English.",
);
pub const LANG_NOW_NO_DRAFT: Msg = m("English. F3: français.", "Français. F3 : English.");

// ── Footers (key hints) ─────────────────────────────────────────────────────────────────────
// What each key does, in both languages; the keys themselves are named once, in `keymap`, and a
// hint pairs the two (`view::Hint`).
pub const W_QUESTION: Msg = m("question", "question");
pub const W_NEXT: Msg = m("next", "suivant");
pub const W_SCREEN: Msg = m("screen", "écran");
pub const W_HELP: Msg = m("help", "aide");
pub const W_SEARCH: Msg = m("search", "chercher");
pub const W_READ: Msg = m("read back", "relire");
pub const W_WHY: Msg = m("why?", "pourquoi?");
pub const W_DRAFTS: Msg = m("drafts", "brouillons");
pub const W_SCREENS: Msg = m("screens", "écrans");
pub const W_CHECKLIST: Msg = m("checklist", "liste");
pub const W_NA: Msg = m("NA", "sans objet");
pub const W_UNKNOWN: Msg = m("unknown", "inconnu");
pub const W_SAVE: Msg = m("save", "enregistrer");
pub const W_QUIT: Msg = m("quit", "quitter");
pub const W_ITEM: Msg = m("item", "élément");
pub const W_QUESTIONS: Msg = m("questions", "questions");
pub const W_ANSWER: Msg = m("answer", "réponse");
pub const W_CHANGE: Msg = m("change it", "modifier");
pub const W_DECLARATION: Msg = m("declaration", "déclaration");
pub const W_BACK: Msg = m("back", "retour");
pub const W_CHOOSE: Msg = m("choose", "choisir");
pub const W_OPEN: Msg = m("open", "ouvrir");
pub const W_NEW: Msg = m("new", "nouveau");
pub const W_DELETE: Msg = m("delete", "supprimer");
pub const W_ABOUT: Msg = m("about", "à propos");
pub const W_GO: Msg = m("go", "aller");
pub const W_CLOSE: Msg = m("close", "fermer");
pub const W_CANCEL: Msg = m("cancel", "annuler");
pub const W_CREATE: Msg = m("create", "créer");
pub const W_TYPE_TO_FILTER: Msg = m("type to filter", "tapez pour filtrer");
pub const W_SCROLL: Msg = m("scroll", "défiler");
pub const F_ANY_OTHER: Msg = m("any other key closes", "toute autre touche ferme");
pub const W_OTHER_ITEM: Msg = m("other item", "autre élément");
pub const W_UNDERSTAND: Msg = m("I understand", "Je comprends");
pub const W_CHANGE_ANSWER: Msg = m("change the answer", "modifier la réponse");
pub const W_PAPER: Msg = m("paper preparation", "préparation papier");
pub const W_TYPE_NAME: Msg = m("type a name", "tapez un nom");
pub const W_LOCK: Msg = m("lock with a passphrase", "verrouiller");
pub const W_KEEPS_IT: Msg = m("any other key keeps it", "toute autre touche le garde");
pub const F_ANY_KEY: Msg = m("any key closes", "toute touche ferme");

// ── Start screen ────────────────────────────────────────────────────────────────────────────
pub const COL_DRAFT: Msg = m("Draft", "Brouillon");
pub const COL_STARTED: Msg = m("Started", "Commencé");
pub const COL_DAYS: Msg = m("Days left", "Jours rest.");
pub const COL_PROGRESS: Msg = m("Progress", "Progrès");
pub const NO_DRAFTS: Msg = m(
    "  No drafts yet. Press n to start the application for one person.",
    "  Aucun brouillon. Appuyez sur n pour commencer la demande d’une personne.",
);
pub const DRAFTS_NOTE: Msg = m(
    "Drafts stay on this computer and are removed 60 days after they were started. \
     One draft is one person's application.",
    "Les brouillons restent sur cet ordinateur et sont supprimés 60 jours après leur début. \
     Un brouillon est la demande d’une seule personne.",
);
pub fn removed_notice(lang: Lang, list: &str) -> String {
    const T: Template = Template::new(
        &["list"],
        "ℹ Removed since last time by the 60-day rule (drafts are kept 60 days from their start): {list}",
        "ℹ Supprimés depuis la dernière fois selon la règle des 60 jours (un brouillon est gardé 60 jours après son début) : {list}",
    );
    fill!(T, lang, list = list)
}
pub fn damaged_notice(lang: Lang, name: &str, reason: &str) -> String {
    const T: Template = Template::new(
        &["name", "reason"],
        "⚠ Damaged draft set aside: {name} — {reason}",
        "⚠ Brouillon endommagé mis de côté : {name} — {reason}",
    );
    fill!(T, lang, name = name, reason = reason)
}

// ── Windows ─────────────────────────────────────────────────────────────────────────────────
pub const T_DELETE: Msg = m("Delete draft", "Supprimer le brouillon");
pub fn delete_question(lang: Lang, label: &str) -> String {
    const T: Template =
        Template::new(&["label"], "Delete the draft “{label}”?", "Supprimer le brouillon « {label} »?");
    fill!(T, lang, label = label)
}
pub const DELETE_CANNOT_UNDO: Msg =
    m("Its answers cannot be brought back.", "Ses réponses ne pourront pas être récupérées.");
/// In the delete window, after "y  delete" (the key is named by `keymap::YES`).
pub const W_KEEP_IT_WINDOW: Msg = m("any other key  keep it", "toute autre touche  le garder");
pub const T_NEW_DRAFT: Msg = m("New draft", "Nouveau brouillon");
pub const T_PASSPHRASE: Msg = m("Locked draft", "Brouillon verrouillé");
pub const W_TYPE_PASSPHRASE: Msg = m("type the passphrase (not shown)", "tapez la phrase de passe (masquée)");
pub const NEW_PASSPHRASE: Msg = m(
    "A passphrase for this draft (at least 8 characters):",
    "Une phrase de passe pour ce brouillon (au moins 8 caractères) :",
);
pub const PASSPHRASE_AGAIN: Msg = m("Type it again:", "Tapez-la de nouveau :");
pub const PASSPHRASES_DIFFER: Msg = m(
    "The two passphrases differ; type it again.",
    "Les deux phrases de passe diffèrent; tapez-la de nouveau.",
);
pub fn lock_choice(lang: Lang, on: bool) -> String {
    const T: Template = Template::new(
        &["x"],
        "[{x}] lock with a passphrase (Tab)",
        "[{x}] verrouiller par une phrase de passe (Tab)",
    );
    fill!(T, lang, x = if on { "x" } else { " " })
}
pub fn passphrase_of(lang: Lang, id: &str, label: &str) -> String {
    const T: Template = Template::new(
        &["id", "label"],
        "Passphrase of draft {id} “{label}”:",
        "Phrase de passe du brouillon {id} « {label} » :",
    );
    fill!(T, lang, id = id, label = label)
}
pub const NEW_DRAFT_NAME: Msg =
    m("A name for this draft (the person it is for):", "Un nom pour ce brouillon (la personne visée) :");
pub const T_JUMP: Msg = m("Go to screen", "Aller à l’écran");
pub const HERE: Msg = m(" (here)", " (ici)");
pub fn enlarge(lang: Lang, min_w: u16, min_h: u16, w: u16, h: u16) -> String {
    const T: Template = Template::new(
        &["h", "min_w", "w", "min_h"],
        "Please enlarge the terminal to at least {min_w}×{min_h} (now {w}×{h}).",
        "Veuillez agrandir le terminal à au moins {min_w}×{min_h} (actuellement {w}×{h}).",
    );
    fill!(T, lang, h = h, min_w = min_w, w = w, min_h = min_h)
}
pub const T_HELP: Msg = m("Help", "Aide");
pub const HELP_KEYS: Msg = m("Keys", "Touches");
pub const HELP_ABOUT: Msg = m(
    "a  About (law currency)    any other key closes",
    "a  À propos (état du droit)    toute autre touche ferme",
);
pub fn guide_source(lang: Lang, source: &str, id: &str, codes: bool) -> String {
    // Words people read ("Guide: Step 1, Gather your documents"), not "G L155-L156" nor the
    // question id (issue 13); with the codes on (F12) an agent sees both, to quote in a ticket.
    let words = crate::session::journey::source_words(source, lang, codes);
    if codes { format!("{words} [{id}]") } else { words }
}
pub const T_ABOUT: Msg = m("About citcert", "À propos de citcert");
pub const ABOUT_NOTHING_SENT: Msg = m(
    "citcert helps you prepare; it does not send anything to IRCC.",
    "citcert vous aide à préparer votre demande; il n’envoie rien à IRCC.",
);
pub const LAW_CURRENCY: Msg = m("⚠ Law currency", "⚠ État du droit");
pub const ESC_CLOSE: Msg = m("Esc close", "Échap fermer");
pub const WHY_KEYS: Msg =
    m("↑↓ previous / next item · Esc close", "↑↓ élément précédent / suivant · Échap fermer");

// Help: the keys, in the order of the help window.
pub const KEYS: &[(Key, Msg)] = &[
    (k::HELP_QUESTIONS, m("next / previous question", "question suivante / précédente")),
    (k::ENTER, m("choose, add to a list, go on", "choisir, ajouter à une liste, continuer")),
    (k::HELP_OPTION, m("choose an option", "choisir une option")),
    (
        k::HELP_SCREENS,
        m(
            "next / previous screen; after the last: what's next",
            "écran suivant / précédent; après le dernier : la suite",
        ),
    ),
    (
        k::HELP_JUMP,
        m(
            "jump to a screen (then its number, or ↑↓ Enter)",
            "aller à un écran (puis son numéro, ou ↑↓ Entrée)",
        ),
    ),
    (k::CTRL_R, m("review: check your answers", "révision : vérifier vos réponses")),
    (k::CTRL_L, m("checklist; Enter: why is this on my list?", "liste de contrôle; Entrée : pourquoi?")),
    (k::F6, m("why is this item on my list? (↑↓ other items)", "pourquoi cet élément est-il sur ma liste?")),
    (k::HELP_SEARCH, m("search questions by number or words", "chercher une question (numéro ou mots)")),
    (k::HELP_READ, m("read back this screen's answers", "relire les réponses de cet écran")),
    (k::F7, m("attach a file (on a document's file question)", "joindre un fichier (question « fichier »)")),
    (k::CTRL_O, m("save, back to the drafts (switch, n new)", "enregistrer, retour aux brouillons")),
    (k::F3, m("français / English (kept in the draft)", "English / français (gardé dans le brouillon)")),
    (k::HELP_NA_UNKNOWN, m("Not Applicable / Unknown, where allowed", "Sans objet / Inconnu, si permis")),
    (k::HELP_CLEAR, m("clear to the start / the end of a field", "effacer jusqu’au début / à la fin")),
    (k::HELP_WORDS, m("move by word (Home End, Ctrl-W too)", "mot par mot (aussi Début Fin, Ctrl-W)")),
    (k::CTRL_S, m("save (answers also save as you go)", "enregistrer (aussi à chaque réponse)")),
    (
        k::ESC,
        m(
            "back one level: cancel an edit, close, then the drafts",
            "revenir d’un niveau : annuler, fermer, puis brouillons",
        ),
    ),
    (k::CTRL_Q, m("save and quit", "enregistrer et quitter")),
    (k::HELP_HELP, m("this help · about", "cette aide · à propos")),
    (
        k::ALT_N,
        m("agent note on this question (Enter on empty: remove)", "note de l’agent sur cette question"),
    ),
    (
        k::ALT_H,
        m(
            "this draft's history (opened, saved, what changed)",
            "historique du brouillon (ouvert, enregistré)",
        ),
    ),
    (
        k::F12,
        m("show or hide internal codes, to quote in a ticket", "afficher ou masquer les codes internes"),
    ),
];

// ── Search and read-back ────────────────────────────────────────────────────────────────────
pub const T_SEARCH: Msg = m("Search questions", "Chercher une question");
pub const SEARCH_PROMPT: Msg = m("Number or words:", "Numéro ou mots :");
pub const NOT_ASKED_SHORT: Msg = m("not asked", "pas posée");
pub const SEARCH_NONE: Msg = m("No question matches.", "Aucune question ne correspond.");
pub const NOT_ASKED: Msg = m("not asked with the current answers", "pas posée avec les réponses actuelles");
pub fn search_count(lang: Lang, n: usize) -> String {
    const T: Template = Template::new(&["n", "s"], "{n} question{s}", "{n} question{s}");
    // One question, 0 questions; in French 0 and 1 are singular.
    let one = lang.pick(n == 1, n <= 1);
    fill!(T, lang, n = n, s = if one { "" } else { "s" })
}
pub fn not_asked_status(lang: Lang, number: &str) -> String {
    const T: Template = Template::new(
        &["number"],
        "{number} is not asked with the current answers (an earlier answer hides it).",
        "La question {number} n’est pas posée avec les réponses actuelles.",
    );
    fill!(T, lang, number = number)
}
pub const T_READ_BACK: Msg = m("Read back", "Relecture");
pub const READ_BACK_NOTHING: Msg = m("Nothing to read back on this screen.", "Rien à relire sur cet écran.");
pub const NO_ANSWER_YET: Msg = m("no answer yet", "pas encore de réponse");

// ── Status lines ────────────────────────────────────────────────────────────────────────────
pub const SAVED: Msg = m("Saved.", "Enregistré.");
pub fn not_saved(lang: Lang, e: &str) -> String {
    const T: Template = Template::new(&["e"], "✗ Not saved: {e}", "✗ Non enregistré : {e}");
    fill!(T, lang, e = e)
}
pub const FIRST_SCREEN: Msg = m("This is the first screen.", "C’est le premier écran.");
pub const LAST_SCREEN: Msg = m(
    "This is the last screen. Ctrl-S saves, Ctrl-Q quits.",
    "C’est le dernier écran. Ctrl-S enregistre, Ctrl-Q quitte.",
);
pub const REVIEW_GO_ON: Msg = m(
    "↓ goes on through the review; Tab reaches the declaration.",
    "↓ parcourt la révision; Tab mène à la déclaration.",
);
pub const REVIEW_CHANGE: Msg = m(
    "Change the answer, then PgDn returns to the review.",
    "Modifiez la réponse, puis PgDn revient à la révision.",
);
pub fn not_a_choice(lang: Lang, c: char) -> String {
    const T: Template = Template::new(
        &["c"],
        "“{c}” is not a choice here: use ↑↓ and Space, a number or a first letter.",
        "« {c} » n’est pas un choix : ↑↓ et Espace, un chiffre ou une première lettre.",
    );
    fill!(T, lang, c = c)
}
pub fn not_accepted(lang: Lang, na: bool, number: &str) -> String {
    const NA: Template = Template::new(
        &["number"],
        "“Not Applicable” is not accepted for question {number}.",
        "« Sans objet » n’est pas accepté pour la question {number}.",
    );
    const UNKNOWN: Template = Template::new(
        &["number"],
        "“Unknown” is not accepted for question {number}.",
        "« Inconnu » n’est pas accepté pour la question {number}.",
    );
    if na { fill!(NA, lang, number = number) } else { fill!(UNKNOWN, lang, number = number) }
}
pub fn set_aside(lang: Lang, n: usize, nums: &str) -> String {
    const T: Template = Template::new(
        &["n", "s", "nums"],
        "{n} answer{s} set aside (no longer asked, kept if you change back): {nums}",
        "{n} réponse{s} mise{s} de côté (plus demandée{s}, gardée{s} si vous revenez en arrière) : {nums}",
    );
    fill!(T, lang, n = n, s = if n == 1 { "" } else { "s" }, nums = nums)
}
pub fn next_refused(lang: Lang, nums: &str) -> String {
    // The count is in the summary above the questions; the numbers are what to act on.
    const T: Template = Template::new(
        &["nums"],
        "✗ Next refused: fix {nums} first. PgUp, Ctrl-S and Ctrl-Q still work.",
        "✗ Corrigez d’abord {nums}. PgUp, Ctrl-S et Ctrl-Q fonctionnent toujours.",
    );
    fill!(T, lang, nums = nums)
}
pub fn to_fix(lang: Lang, n: usize, nums: &str) -> String {
    const ONE: Template = Template::new(
        &["nums"],
        "✗ 1 answer on this screen needs fixing: {nums}",
        "✗ 1 réponse de cet écran est à corriger : {nums}",
    );
    const MANY: Template = Template::new(
        &["n", "nums"],
        "✗ {n} answers on this screen need fixing: {nums}",
        "✗ {n} réponses de cet écran sont à corriger : {nums}",
    );
    if n == 1 { fill!(ONE, lang, nums = nums) } else { fill!(MANY, lang, n = n, nums = nums) }
}
pub const STOP_CHANGE: Msg = m(
    "Change the answer that led here (the focus is on it); Ctrl-G lists the screens.",
    "Modifiez la réponse qui a mené ici (elle a le focus); Ctrl-G liste les écrans.",
);
pub const PAPER_MODE_ON: Msg = m(
    "Paper-preparation mode: the rest helps you fill in the paper form.",
    "Mode préparation papier : la suite vous aide à remplir le formulaire papier.",
);
pub fn deleted(lang: Lang, label: &str) -> String {
    const T: Template = Template::new(&["label"], "Deleted “{label}”.", "Brouillon « {label} » supprimé.");
    fill!(T, lang, label = label)
}
pub fn not_deleted(lang: Lang, label: &str, e: &str) -> String {
    const T: Template = Template::new(
        &["e", "label"],
        "Could not delete “{label}”: {e}",
        "Impossible de supprimer « {label} » : {e}",
    );
    fill!(T, lang, e = e, label = label)
}
pub const NOTHING_DELETED: Msg = m("Nothing deleted.", "Rien n’a été supprimé.");
pub fn not_created(lang: Lang, e: &str) -> String {
    const T: Template =
        Template::new(&["e"], "Could not create the draft: {e}", "Impossible de créer le brouillon : {e}");
    fill!(T, lang, e = e)
}
pub const OPEN_A_DRAFT_FIRST: Msg = m(
    "That works in a draft: open one first (Enter), or start one (n).",
    "Ceci fonctionne dans un brouillon : ouvrez-en un (Entrée) ou créez-en un (n).",
);
pub const NO_DRAFT_YET: Msg =
    m("No draft yet: press n to start one.", "Aucun brouillon : appuyez sur n pour en commencer un.");
pub fn read_only(lang: Lang, why: &str) -> String {
    const T: Template = Template::new(
        &["why"],
        "Read-only: {why}. Changes will not be saved.",
        "Lecture seule : {why}. Les modifications ne seront pas enregistrées.",
    );
    fill!(T, lang, why = why)
}
pub fn not_opened(lang: Lang, e: &str) -> String {
    const T: Template =
        Template::new(&["e"], "Could not open the draft: {e}", "Impossible d’ouvrir le brouillon : {e}");
    fill!(T, lang, e = e)
}
pub fn does_nothing(lang: Lang, c: char) -> String {
    const T: Template = Template::new(
        &["c"],
        "“{c}” does nothing here: n new, Enter open, / find, r rename, q quit.",
        "« {c} » : rien ici. n nouveau, Entrée ouvrir, / trouver, r renommer, q quitter.",
    );
    fill!(T, lang, c = c)
}
pub fn switched_out(lang: Lang, label: &str) -> String {
    const T: Template = Template::new(
        &["label"],
        "“{label}” saved. Enter opens a draft · n starts one for the next person.",
        "« {label} » enregistré. Entrée : ouvrir · n : brouillon suivant.",
    );
    fill!(T, lang, label = label)
}
pub const NO_CHECKLIST_YET: Msg = m(
    "The checklist is empty so far: items appear as you answer.",
    "Liste de contrôle vide : les éléments apparaissent au fil des réponses.",
);

// ── Field editors ───────────────────────────────────────────────────────────────────────────
pub const HINT_DATE: Msg = m("YYYY-MM-DD", "AAAA-MM-JJ");
pub const HINT_PDATE: Msg = m("YYYY-MM-DD or YYYY-MM", "AAAA-MM-JJ ou AAAA-MM");
pub const HINT_HEIGHT: Msg = m("e.g. 165 cm or 5 ft 6 in", "p. ex. 165 cm ou 5 pi 6 po");
pub const HINT_EMAIL: Msg = m("name@example.com", "nom@exemple.ca");
pub const HINT_FILE: Msg = m("path of the scanned file", "chemin du fichier numérisé");
pub const LIST_ADD: Msg = m("Add:", "Ajouter :");
pub const LIST_KEYS: Msg =
    m("Enter adds · Backspace on empty removes", "Entrée ajoute · Retour arrière sur vide retire");
pub const PICKER_FILTER: Msg = m("Type to filter:", "Tapez pour filtrer :");
pub const PICKER_NONE: Msg =
    m("(no match: try fewer letters)", "(aucun résultat : essayez moins de lettres)");

// ── Header, checklist, stops ────────────────────────────────────────────────────────────────
/// A percentage: "35%" in English, "35 %" in French (a space before %, as plain mode writes it).
pub fn percent(lang: Lang, n: u8) -> String {
    const T: Template = Template::new(&["n"], "{n}%", "{n} %");
    fill!(T, lang, n = n)
}
pub const UNSAVED: Msg = m(" · unsaved", " · non enregistré");
pub const PAPER_MODE: Msg = m(" · PAPER PREPARATION", " · PRÉPARATION PAPIER");
pub fn n_of_m(lang: Lang, n: usize, total: usize) -> String {
    const T: Template = Template::new(&["n", "total"], "{n} of {total}", "{n} sur {total}");
    fill!(T, lang, n = n, total = total)
}
pub const C_CHECKLIST: Msg = m("Checklist", "Liste de contrôle");
pub const C_PAPER_CHECKLIST: Msg = m("Paper application checklist", "Liste pour la demande papier");
pub const C_NEW: Msg = m("new: ", "nouveau : ");
pub const C_REMOVED: Msg = m("removed", "retiré");
pub const C_NOTHING_YET: Msg = m(
    " Nothing yet: items appear as you answer.",
    " Rien encore : les éléments apparaissent au fil des réponses.",
);
pub const C_F6_HINT: Msg = m(" F6: why is this on my list?", " F6 : pourquoi est-ce sur ma liste?");
pub const WHY_TITLE: Msg = m("Why is this on my list?", "Pourquoi est-ce sur ma liste?");
/// "Status: ✓ provided (optional)" in the "Why is this on my list?" window.
pub fn why_status(lang: Lang, mark: &str, status: &str, required: bool) -> String {
    const REQUIRED: Template =
        Template::new(&["mark", "status"], "Status: {mark} {status}", "État : {mark} {status}");
    const OPTIONAL: Template = Template::new(
        &["mark", "status"],
        "Status: {mark} {status} (optional)",
        "État : {mark} {status} (facultatif)",
    );
    if required {
        fill!(REQUIRED, lang, mark = mark, status = status)
    } else {
        fill!(OPTIONAL, lang, mark = mark, status = status)
    }
}
pub const WHAT_TO_PROVIDE: Msg = m("What to provide", "Quoi fournir");
pub const GUIDE: Msg = m("Guide", "Guide");
pub const S_UNDERSTAND: Msg = m("u  I understand, go on", "u  Je comprends, continuer");
pub const S_CHANGE: Msg = m("c  change the answer", "c  modifier la réponse");
pub const S_PAPER: Msg = m(
    "p  continue in paper-preparation mode (prepare the paper form)",
    "p  continuer en mode préparation papier (remplir le formulaire papier)",
);
pub const S_QUIT: Msg = m("q  quit (the draft is saved)", "q  quitter (brouillon enregistré)");
pub const S_BECAUSE: Msg = m("Because of your answer to", "En raison de votre réponse à");
pub const T_PAPER: Msg = m("Your paper application", "Votre demande papier");
pub const W_PRINT_SUMMARY: Msg = m("print summary (Markdown, HTML)", "résumé à imprimer (Markdown, HTML)");
pub const W_REVIEW: Msg = m("review", "révision");
pub const N_PAPER_FOLDER: Msg = m(
    "Folder for the paper-preparation summary (Markdown and HTML, to print):",
    "Dossier du résumé de préparation papier (Markdown et HTML, à imprimer) :",
);
pub const N_NO_PACKAGE_ON_PAPER: Msg = m(
    "✗ No package in paper-preparation mode: nothing is submitted online. Press e for the summary to print.",
    "✗ Pas de paquet en mode préparation papier : rien n’est présenté en ligne. Appuyez sur e pour le résumé à imprimer.",
);
pub const PAPER_NO_FILE: Msg = m(
    "✗ Paper mode: no file here; gather the paper documents (listed at the end).",
    "✗ Mode papier : pas de fichier ici; les documents papier sont listés à la fin.",
);
pub const R_PAPER_HOW: Msg = m(
    "PgDn past the declaration: which paper application and why, the documents to gather, and the summary to print (e).",
    "PgDn après la déclaration : quelle demande papier et pourquoi, les documents à réunir et le résumé à imprimer (e).",
);
pub const T_NEXT: Msg = m("What happens next", "Et ensuite");
pub const N_READY: Msg = m(
    "✓ Ready: every answer is in and every file was checked and is unchanged.",
    "✓ Prête : toutes les réponses y sont et chaque fichier a été vérifié et n’a pas changé.",
);
pub const N_NOT_READY: Msg = m(
    "✗ Not ready yet: the review lists what is left (r). You can export the summary now; the package is made only once everything is in.",
    "✗ Pas encore prête : la révision indique ce qui reste (r). Vous pouvez exporter le résumé maintenant; le paquet ne se fait que lorsque tout y est.",
);
pub const TYPE_FOLDER_FIRST: Msg = m("✗ Type a folder first.", "✗ Tapez d’abord un dossier.");
/// After an export: one line per file written.
pub fn wrote(lang: Lang, path: &std::path::Path) -> String {
    const T: Template = Template::new(&["path"], "✓ Wrote {path}", "✓ Fichier écrit : {path}");
    fill!(T, lang, path = crate::safe_text::path(path))
}
pub const W_EXPORT_SUMMARY: Msg = m("export summary", "exporter le résumé");
pub const W_BUILD_PACKAGE: Msg = m("build package", "créer le paquet");
pub const W_TYPE_FOLDER: Msg = m("type the folder", "tapez le dossier");
pub const W_GO_FOLDER: Msg = m("go", "valider");
pub const N_EXPORT_FOLDER: Msg = m(
    "Folder for the summary (Markdown and HTML, readable only by you):",
    "Dossier du résumé (Markdown et HTML, lisibles par vous seul) :",
);
pub const N_PACKAGE_FOLDER: Msg = m(
    "New folder for the signed package (it must not exist, or be empty):",
    "Nouveau dossier pour le paquet signé (il ne doit pas exister, ou être vide) :",
);
pub const T_CAUTION: Msg = m("Caution", "Mise en garde");
pub const T_STOP: Msg = m("You cannot go on online", "Impossible de continuer en ligne");
pub const FEDERAL: Msg = m("Government of Canada (federal)", "Gouvernement du Canada (fédéral)");
pub fn fee_line(lang: Lang, fee: u32) -> String {
    const T: Template = Template::new(
        &["fee"],
        "CAD {fee} per person × 1 application = CAD {fee}",
        "{fee} $ CA par personne × 1 demande = {fee} $ CA",
    );
    fill!(T, lang, fee = fee)
}
pub fn fee_methods(lang: Lang, fee: u32, methods: &str) -> String {
    const T: Template = Template::new(
        &["fee", "methods"],
        "CAD {fee} per person. Accepted payment: {methods}.",
        "{fee} $ CA par personne. Paiement accepté : {methods}.",
    );
    fill!(T, lang, fee = fee, methods = methods)
}
pub fn more_matches(lang: Lang, n: usize) -> String {
    const T: Template = Template::new(&["n"], "    … {n} matches", "    … {n} résultats");
    fill!(T, lang, n = n)
}

// ── Question and review screens ─────────────────────────────────────────────────────────────
pub const Q_APPLYING_FOR_A_MINOR: Msg = m(
    "Applying for a minor: answer every question as the minor.",
    "Demande pour un mineur : répondez à chaque question comme le mineur.",
);
pub const Q_SET_BY_YOUR_OTHER: Msg = m("(set by your other answers)", "(fixé par vos autres réponses)");
pub const Q_CTRL_N_NOT_APPLICABLE: Msg = m("F8 Not Applicable", "F8 Sans objet");
pub const Q_CTRL_U_UNKNOWN: Msg = m("F9 Unknown", "F9 Inconnu");
pub const Q_NO_ANSWER_YET: Msg = m("(no answer yet)", "(pas encore de réponse)");
pub const Q_NOTHING_TO_ANSWER_HERE: Msg = m(
    "Nothing to answer here: PgDn or Enter for the next screen.",
    "Rien à répondre ici : PgDn ou Entrée pour l’écran suivant.",
);
pub const Q_NO_INDICATION_YET_IT: Msg = m(
    "No indication yet: it appears once the questions about your birth and parents are answered.",
    "Pas encore d’indication : elle apparaît une fois les questions sur votre naissance et vos parents remplies.",
);
pub const R_PAPER_PREPARATION_MODE_THIS: Msg = m(
    "Paper-preparation mode: this application cannot be sent online. Use this summary to fill in the paper form.",
    "Mode de préparation papier : cette demande ne peut pas être envoyée en ligne. Utilisez ce résumé pour remplir le formulaire papier.",
);
pub const R_YOUR_ANSWERS_THEN_ENTER: Msg =
    m("Your answers (↑↓ then Enter to change one)", "Vos réponses (↑↓ puis Entrée pour modifier)");
pub const R_NO_ANSWER: Msg = m("(no answer)", "(pas de réponse)");
pub const R_STOPS_CAUTIONS_AND_BLOCKS: Msg =
    m("Stops, cautions and blocks", "Arrêts, mises en garde et blocages");
pub const R_NONE: Msg = m("  None.", "  Aucun.");
pub const R_CITIZENSHIP_ACT_SECTION: Msg =
    m("Citizenship Act section", "Article de la Loi sur la citoyenneté");
pub const R_NO_INDICATION: Msg = m("No indication.", "Aucune indication.");
pub const R_CHECKLIST: Msg = m("Checklist", "Liste de contrôle");
pub const R_READY_TO_SUBMIT: Msg = m("Ready to submit?", "Prêt à soumettre?");
pub const R_READY_EVERY_ANSWER_AND: Msg = m(
    "  ✓ Ready: every answer and document is in.",
    "  ✓ Prêt : toutes les réponses et tous les documents y sont.",
);
pub const R_NOT_YET: Msg = m("Not yet", "Pas encore");
pub const R_NOT_YET_KEYS: Msg =
    m("↓ to pick one, Enter to go there", "↓ pour en choisir un, Entrée pour y aller");
pub const R_MORE: Msg = m("more", "de plus");
pub const R_FEE: Msg = m("Fee", "Frais");
pub const R_DECLARATION: Msg = m("Declaration", "Déclaration");

/// The attach dialog (F7 on a document's file question).
pub const W_ATTACH: Msg = m("attach a file", "joindre un fichier");
pub const W_TYPE_PATH: Msg = m("type the path", "tapez le chemin");
/// French: "chemin/lettre" made the attach footer 84 columns; Tab moves between the two.
pub const W_PATH_OR_LETTER: Msg = m("path/letter", "lettre");
pub const W_TICK: Msg = m("tick", "cocher");
pub const W_ATTACH_NOW: Msg = m("attach", "joindre");

/// Review: the gate passes but attached files changed or vanished since they were attached.
pub const R_READY_BUT_FILES: Template = Template::new(
    &["n"],
    "The answers are complete, but {n} attached file(s) need attention (changed or vanished since they were attached, or one file attached to two items): see the checklist above and attach the right files before you make the package.",
    "Les réponses sont complètes, mais {n} fichier(s) joint(s) demandent votre attention (modifiés ou disparus depuis qu’ils ont été joints, ou un même fichier joint à deux éléments) : voyez la liste de contrôle ci-dessus et joignez les bons fichiers avant de préparer le dossier.",
);

/// Under a checklist item whose file is the very file of another item.
pub fn same_file_flag(lang: Lang, other: &str) -> String {
    const T: Template = Template::new(
        &["other"],
        "✗ the same file as “{other}”: each item needs its own document; attach the right one",
        "✗ le même fichier que « {other} » : chaque élément demande son propre document; joignez le bon",
    );
    fill!(T, lang, other = other)
}

// ── Keys, focus and the drafts list (issue 13, h17) ─────────────────────────────────────────
pub const CHOOSE_EXPLICITLY: Msg = m(
    "Nothing chosen: press 1-9, a first letter, or ↑↓ then Enter.",
    "Rien de choisi : tapez 1-9, une initiale, ou ↑↓ puis Entrée.",
);
pub const EDIT_CANCELLED: Msg =
    m("Edit cancelled: the saved answer is back.", "Modification annulée : la réponse enregistrée revient.");

/// After an answer that needs fixing: the focus stays on it.
pub fn fix_this_answer(lang: Lang, number: &str) -> String {
    const T: Template = Template::new(
        &["number"],
        "{number} needs fixing: see the message under it.",
        "{number} est à corriger : voyez le message sous la question.",
    );
    fill!(T, lang, number = number)
}

/// A screen number typed in the jump list that no screen has.
pub fn no_such_screen(lang: Lang, typed: &str) -> String {
    const T: Template = Template::new(
        &["typed"],
        "No screen {typed}: type a number from the list, or ↑↓ then Enter.",
        "Aucun écran {typed} : tapez un numéro de la liste, ou ↑↓ puis Entrée.",
    );
    fill!(T, lang, typed = typed)
}

/// A screen that the answers so far do not ask.
pub fn screen_not_asked(lang: Lang, number: &str) -> String {
    const T: Template = Template::new(
        &["number"],
        "Screen {number} is not asked with your answers so far.",
        "L’écran {number} n’est pas demandé avec vos réponses actuelles.",
    );
    fill!(T, lang, number = number)
}

/// Prose after "enlarge the terminal" (the tests hold its keys to `keymap::F1` and `CTRL_Q`).
pub const TOO_SMALL_KEYS: Msg = m(
    "Until then only F1 (help) and Ctrl-Q (quit) work.",
    "D’ici là, seules les touches F1 (aide) et Ctrl-Q (quitter) fonctionnent.",
);

pub const FIND_CLEARED: Msg =
    m("Showing every draft again.", "Tous les brouillons sont de nouveau affichés.");
pub const FIND_NONE: Msg =
    m("No draft matches: Esc shows them all.", "Aucun brouillon ne correspond : Échap les affiche tous.");
pub const FIND_PROMPT: Msg = m("Find (name or id):", "Trouver (nom ou identifiant) :");
pub const COL_ID: Msg = m("Id", "Ident.");
pub const T_RENAME: Msg = m("Rename draft", "Renommer le brouillon");
pub const RENAME_NAME: Msg = m("The new name of this draft:", "Le nouveau nom de ce brouillon :");
/// The rename window's keys, as one line (held equal to the footer `overlay::rename::KEYS`).
pub const F_RENAME: Msg = m(
    "type a name · Enter rename · Esc keep the old name",
    "tapez un nom · Entrée renommer · Échap garder l’ancien",
);
pub const W_RENAME: Msg = m("rename", "renommer");
pub const W_KEEP_OLD_NAME: Msg = m("keep the old name", "garder l’ancien");
pub const NOTHING_RENAMED: Msg = m("Name unchanged.", "Nom inchangé.");
pub const W_FIND: Msg = m("find", "trouver");
pub const W_SHOW_ALL: Msg = m("show all", "tout afficher");

/// After a rename on the drafts list.
pub fn renamed(lang: Lang, old: &str, new: &str) -> String {
    const T: Template =
        Template::new(&["old", "new"], "Renamed “{old}” to “{new}”.", "« {old} » renommé « {new} ».");
    fill!(T, lang, old = old, new = new)
}

/// A rename the store refused, and why.
pub fn not_renamed(lang: Lang, why: &str) -> String {
    const T: Template = Template::new(&["why"], "✗ Not renamed: {why}", "✗ Pas renommé : {why}");
    fill!(T, lang, why = why)
}

/// A relative path at a document's file question: which folder it is in is not known.
pub fn relative_path(lang: Lang, path: &str) -> String {
    const T: Template = Template::new(
        &["path"],
        "✗ “{path}” is a relative path: type the full path (starting with / or ~/).",
        "✗ « {path} » est un chemin relatif : tapez le chemin complet (commençant par / ou ~/).",
    );
    fill!(T, lang, path = path)
}

/// Help on the drafts list: its keys, before the keys of a draft.
pub const LIST_HELP_KEYS: &[(Key, Msg)] = &[
    (k::HELP_LIST_MOVE, m("choose a draft", "choisir un brouillon")),
    (k::HELP_LIST_OPEN, m("open it", "l’ouvrir")),
    (k::HELP_SEARCH, m("find a draft by name or id (Esc: all)", "trouver un brouillon (nom ou identifiant)")),
    (k::N, m("new draft", "nouveau brouillon")),
    (k::R, m("rename the draft", "renommer le brouillon")),
    (k::HELP_LIST_DELETE, m("delete (asks first)", "supprimer (demande d’abord)")),
    (k::HELP_LIST_QUIT, m("quit", "quitter")),
];

/// Digits typed in the jump list that more than one screen number starts with.
pub fn jump_more_digits(lang: Lang, typed: &str) -> String {
    const T: Template = Template::new(
        &["typed"],
        "Screen {typed}…: type another digit, or Enter for the one highlighted.",
        "Écran {typed}… : tapez un autre chiffre, ou Entrée pour celui en surbrillance.",
    );
    fill!(T, lang, typed = typed)
}

// ---- issue 13 (h18): screen counter, notes, outcomes in words, checklist counts ----
/// "Screen 11.2 of 13": the screen counter, numbered as the questions are (issue 13).
pub fn screen_n_of_m(lang: Lang, n: &str, total: usize) -> String {
    const T: Template = Template::new(&["n", "total"], "Screen {n} of {total}", "Écran {n} sur {total}");
    fill!(T, lang, n = n, total = total)
}
pub const Q_AGENT_NOTE: Msg = m("Note: ", "Note : ");

/// An outcome in words ("Paper application needed"), never its code ("STOP_PAPER").
pub fn outcome_words(lang: Lang, o: crate::engine::Outcome) -> &'static str {
    use crate::engine::Outcome as O;
    match o {
        O::OnlineOk => lang.pick("You can apply online", "Vous pouvez présenter une demande en ligne"),
        O::StopPaper => lang.pick("Paper application needed", "Demande papier nécessaire"),
        O::StopWrongApplication => {
            lang.pick("Another application is needed", "Une autre demande est nécessaire")
        }
        O::StopDoNotApply => lang.pick("Do not apply", "Ne présentez pas de demande"),
        O::Caution => lang.pick("Caution", "Mise en garde"),
        O::DocBlock => lang.pick("Document needed", "Document nécessaire"),
        O::DraftExpired => lang.pick("Draft expired", "Brouillon expiré"),
        O::Incomplete => lang.pick("Not complete yet", "Pas encore complet"),
    }
}

/// The checklist's last row when items are below it: "+3 more below (F6, then ↓)".
pub fn c_more_below(lang: Lang, n: usize) -> String {
    const T: Template =
        Template::new(&["n"], " +{n} more below (F6, then ↓)", " +{n} de plus en dessous (F6, puis ↓)");
    fill!(T, lang, n = n)
}

/// The checklist's first row when items are above it.
pub fn c_more_above(lang: Lang, n: usize) -> String {
    const T: Template = Template::new(&["n"], " +{n} more above", " +{n} de plus au-dessus");
    fill!(T, lang, n = n)
}

pub const PICKER_TYPE_TO_CHANGE: Msg = m("type to change:", "tapez pour changer :");

pub const CODES_ON: Msg = m(
    "Codes shown (rules, items, guide lines) to quote in a ticket · F12 hides them",
    "Codes affichés (règles, documents, lignes du guide) pour un billet · F12 les masque",
);
pub const CODES_OFF: Msg = m("Codes hidden · F12 shows them", "Codes masqués · F12 les affiche");
pub const NOTE_NEEDS_QUESTION: Msg = m(
    "Alt-N writes a note on a question: move to the question first",
    "Alt-N écrit une note sur une question : allez d’abord à la question",
);
pub const NOTE_NOT_SAVED: Msg = m("✗ Note not saved:", "✗ Note non enregistrée :");
pub const NOTES_FULL: Msg = m(
    "this draft already has 500 notes, the most it can hold; clear one first",
    "ce brouillon a déjà 500 notes, le maximum; retirez-en une d’abord",
);
pub fn note_saved(lang: Lang, number: &str) -> String {
    const T: Template = Template::new(
        &["number"],
        "Note saved on question {number}",
        "Note enregistrée sur la question {number}",
    );
    fill!(T, lang, number = number)
}
pub fn note_removed(lang: Lang, number: &str) -> String {
    const T: Template = Template::new(
        &["number"],
        "Note removed from question {number}",
        "Note retirée de la question {number}",
    );
    fill!(T, lang, number = number)
}
pub const T_NOTE: Msg = m("Agent note", "Note de l’agent");
pub const NOTE_PROMPT: Msg = m(
    "A short note for whoever helps next (one line, 200 characters at most):",
    "Une courte note pour la personne qui aidera ensuite (une ligne, 200 caractères au plus) :",
);
pub const W_SAVE_NOTE: Msg = m("save (empty: remove the note)", "enregistrer (vide : retirer la note)");
pub const T_HISTORY: Msg = m("History of this draft", "Historique du brouillon");
pub const HISTORY_NONE: Msg = m(
    "No history yet: it starts at the next save.",
    "Aucun historique pour l’instant : il commence au prochain enregistrement.",
);
pub const HISTORY_FOOT: Msg = m(
    "Question numbers only, never answers · ↑↓ scroll · any other key closes",
    "Numéros de question seulement, jamais les réponses · ↑↓ défiler · toute autre touche ferme",
);

/// An outcome in words; with the codes on (F12), its code and the rule's id after it.
pub fn outcome_in(lang: Lang, o: crate::engine::Outcome, rule: Option<&str>, codes: bool) -> String {
    let words = outcome_words(lang, o);
    match (codes, rule) {
        (true, Some(id)) => format!("{words} [{} {id}]", o.code()),
        (true, None) => format!("{words} [{}]", o.code()),
        (false, _) => words.to_string(),
    }
}

/// A picker's suggestion from earlier answers: "→ Canada · suggested, Enter accepts · type to change: [ ]".
pub const PICKER_SUGGESTED: Msg = m("suggested, Enter accepts ·", "suggéré, Entrée l’accepte ·");
// ── Drafts past day 60 all at once, held until the person confirms (issue 12) ───────────────
/// The start screen's notice: which drafts, and why they are still there.
pub fn held_notice(lang: Lang, today: chrono::NaiveDate, list: &str) -> String {
    const T: Template = Template::new(
        &["today", "list"],
        "⚠ Past their 60 days by this computer's date ({today}), all at once: {list}. They can no longer \
         be opened, but they were NOT erased: if this computer's date is wrong, correct it and start \
         citcert again; if it is right, press e to erase them.",
        "⚠ Ont dépassé leurs 60 jours d'un coup, selon la date de cet ordinateur (le {today}) : {list}. \
         Ils ne peuvent plus être ouverts, mais ils n'ont PAS été effacés : si la date de cet ordinateur \
         est fausse, corrigez-la et relancez citcert; si elle est juste, appuyez sur e pour les effacer.",
    );
    fill!(T, lang, today = today, list = list)
}
/// One held draft in the notice and the window.
pub fn held_draft(lang: Lang, label: &str, started: chrono::NaiveDate) -> String {
    const T: Template = Template::new(
        &["label", "started"],
        "“{label}” (started {started})",
        "« {label} » (commencé le {started})",
    );
    fill!(T, lang, label = crate::safe_text::inline(label), started = started)
}
pub const W_ERASE_EXPIRED: Msg = m("erase expired", "effacer les expirés");
pub const T_ERASE: Msg = m("Erase expired drafts", "Effacer les brouillons expirés");
pub fn erase_question(lang: Lang, today: chrono::NaiveDate, n: usize) -> String {
    const T: Template = Template::new(
        &["today", "n"],
        "Is this computer's date ({today}) right? Then these {n} drafts are past their 60 days:",
        "La date de cet ordinateur (le {today}) est-elle juste? Alors ces {n} brouillons ont dépassé \
         leurs 60 jours :",
    );
    fill!(T, lang, today = today, n = n)
}
pub const ERASE_CANNOT_UNDO: Msg = m("Erasing cannot be undone.", "L’effacement est définitif.");
pub const W_ERASE: Msg = m("erase", "effacer");
pub const W_ERASE_THEM: Msg = m("erase them", "les effacer");
pub const W_KEEPS_THEM: Msg = m("any other key keeps them", "toute autre touche les garde");
pub const W_KEEP_THEM_WINDOW: Msg = m("any other key  keep them", "toute autre touche  les garder");
pub const NOTHING_ERASED: Msg = m("Nothing was erased.", "Rien n’a été effacé.");
/// After the erase: what is gone, and what is not (with why).
pub fn erased_held(lang: Lang, done: &crate::tui::store::Erased) -> String {
    const ERASED: Template =
        Template::new(&["n"], "Erased {n} expired draft(s).", "{n} brouillon(s) expiré(s) effacé(s).");
    const NOT_ERASED: Template =
        Template::new(&["label", "why"], "NOT erased: “{label}”: {why}", "NON effacé : « {label} » : {why}");
    let mut out = vec![];
    if !done.erased.is_empty() {
        out.push(fill!(ERASED, lang, n = done.erased.len()));
    }
    for (label, why) in &done.failed {
        out.push(fill!(NOT_ERASED, lang, label = crate::safe_text::inline(label), why = why.get(lang)));
    }
    if out.is_empty() {
        out.push(NOTHING_ERASED.get(lang).to_string());
    }
    out.join(" ")
}
pub fn not_erased(lang: Lang, e: &str) -> String {
    const T: Template = Template::new(&["e"], "Nothing was erased: {e}", "Rien n’a été effacé : {e}");
    fill!(T, lang, e = e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_both_languages() {
        for (k, what) in KEYS.iter().chain(LIST_HELP_KEYS) {
            assert!(!k.name(Lang::En).is_empty());
            assert!(!what.en.is_empty() && !what.fr.is_empty(), "{k:?}");
        }
        assert_eq!(SAVED.get(Lang::Fr), "Enregistré.");
        assert!(enlarge(Lang::Fr, 60, 20, 50, 10).starts_with("Veuillez agrandir"));
    }

    #[test]
    fn words_with_values_in_canadian_french() {
        assert_eq!(percent(Lang::En, 35), "35%");
        assert_eq!(percent(Lang::Fr, 35), "35 %");
        assert_eq!(why_status(Lang::En, "✓", "provided", false), "Status: ✓ provided (optional)");
        assert_eq!(why_status(Lang::Fr, "✗", "manquant", true), "État : ✗ manquant");
        let path = std::path::Path::new("/tmp/{path}/a.md");
        assert_eq!(wrote(Lang::En, path), "✓ Wrote /tmp/{path}/a.md");
        assert_eq!(wrote(Lang::Fr, path), "✓ Fichier écrit : /tmp/{path}/a.md");
        // A folder someone else named is shown, not obeyed: no escape or bidi character reaches the terminal.
        assert_eq!(
            wrote(Lang::En, std::path::Path::new("/tmp/\u{1b}]0;x\u{7}/a\u{202e}.md")),
            "✓ Wrote /tmp/\\u{1b}]0;x\\u{7}/a\\u{202e}.md"
        );
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        // A draft's label is neutralised (it comes from a file on disk) and kept as it is.
        assert_eq!(held_draft(Lang::Fr, "Zoé {today}", day), "« Zoé {today} » (commencé le 2026-11-29)");
        assert!(!held_draft(Lang::En, "a\u{202e}b", day).contains('\u{202e}'));
        assert!(held_notice(Lang::Fr, day, "x").contains("(le 2026-11-29) : x. "));
        assert!(
            erase_question(Lang::En, day, 3)
                .starts_with("Is this computer's date (2026-11-29) right? Then these 3")
        );
        assert_eq!(not_erased(Lang::Fr, "disque plein"), "Rien n’a été effacé : disque plein");
    }

    /// The status line and fixed footers are one row: at 80 columns nothing may be cut.
    #[test]
    fn one_line_messages_fit_80_columns_in_both_languages() {
        use unicode_width::UnicodeWidthStr;
        let fixed = [
            SAVED,
            FIRST_SCREEN,
            LAST_SCREEN,
            REVIEW_GO_ON,
            REVIEW_CHANGE,
            STOP_CHANGE,
            PAPER_MODE_ON,
            NOTHING_DELETED,
            NO_DRAFT_YET,
            OPEN_A_DRAFT_FIRST,
            NO_CHECKLIST_YET,
            LANG_NOW,
            LANG_NOW_NO_DRAFT,
            PAPER_NO_FILE,
            R_NOT_YET_KEYS,
        ];
        for lang in [Lang::En, Lang::Fr] {
            let mut all: Vec<String> = fixed.iter().map(|m| m.get(lang).to_string()).collect();
            all.push(not_a_choice(lang, 'x'));
            all.push(not_accepted(lang, true, "11.14.1"));
            all.push(not_asked_status(lang, "11.14.1"));
            all.push(next_refused(lang, "4.11, 4.12"));
            all.push(does_nothing(lang, 'x'));
            all.push(switched_out(lang, "Marie Tremblay"));
            all.push(TYPE_FOLDER_FIRST.get(lang).to_string());
            all.push(not_erased(lang, "disk full"));
            for msg in all {
                assert!(msg.width() <= 80, "{lang}: {} columns: {msg}", msg.width());
            }
        }
    }
}
