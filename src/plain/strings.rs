//! Plain mode's own words, in English and French. Questionnaire texts (prompts, help, rules,
//! items) come from the engine; only the interface's words are here.

use crate::words::Template;

/// One interface string in both languages: the crate's one bilingual type (`crate::words::Fixed`).
pub type Tr = crate::words::Fixed;

/// Writes a [`Tr`] as the table below has always written it: `Tr("English", "français")`. Words
/// with values in them are [`Template`]s (one a sentence, English and French side by side, so the
/// French word order and punctuation are the translation's), filled with `crate::fill!`.
#[allow(non_snake_case)]
pub const fn Tr(en: &'static str, fr: &'static str) -> Tr {
    Tr::new(en, fr)
}

pub const BANNER: Tr = Tr(
    "citcert — plain mode. Type ? at any prompt for help.",
    "citcert — mode texte simple. Tapez ? à toute invite pour obtenir de l’aide.",
);
pub const NO_DRAFTS: Tr = Tr("No drafts yet.", "Aucun brouillon pour l’instant.");
pub const NO_DRAFT_TO_OPEN: Tr = Tr(
    "No draft that can be opened: the drafts past 60 days named above are kept, not erased.",
    "Aucun brouillon qui puisse être ouvert : les brouillons de plus de 60 jours nommés ci-dessus sont gardés, pas effacés.",
);
pub const DAYS_WARN: Tr = Tr(
    "Warning: this draft will be deleted soon; drafts are kept 60 days from the day they were started.",
    "Avertissement : ce brouillon sera bientôt supprimé; les brouillons sont conservés 60 jours à partir du jour \
     où ils ont été commencés.",
);
pub const CHOOSE_DRAFT: Tr = Tr(
    "Choose a draft number, \"new\" (\"new locked\": locked with a passphrase), or \"quit\"",
    "Choisissez un numéro de brouillon, « nouveau » (« nouveau verrouillé » : verrouillé par une phrase de \
     passe) ou « quitter »",
);
/// The question when there is no draft to open.
pub const CHOOSE_NEW: Tr = Tr(
    "Type \"new\" to start a draft (\"new locked\": locked with a passphrase), or \"quit\"",
    "Tapez « nouveau » pour commencer un brouillon (« nouveau verrouillé » : verrouillé par une phrase de \
     passe) ou « quitter »",
);
pub const NOTHING_TO_OPEN: Tr = Tr(
    "There is no draft to open. Type new to start one, or quit.",
    "Il n’y a aucun brouillon à ouvrir. Tapez nouveau pour en commencer un, ou quitter.",
);
pub const NOT_A_DRAFT: Tr = Tr(
    "That is not one of the choices. Type a number from the list, new, or quit.",
    "Ce n’est pas un des choix. Tapez un numéro de la liste, nouveau ou quitter.",
);
pub const LABEL_PROMPT: Tr = Tr(
    "Name for the new draft (for example: Amira — first certificate)",
    "Nom du nouveau brouillon (par exemple : Amira — premier certificat)",
);
pub const READ_ONLY: Template = Template::new(
    &["why"],
    "This draft is read-only here; your answers will NOT be saved. Reason: {why}",
    "Ce brouillon est en lecture seule ici; vos réponses ne seront PAS enregistrées. Raison : {why}",
);
pub const NA_HINT: Tr = Tr("You may answer NA (Not Applicable).", "Vous pouvez répondre NA (Sans objet).");
pub const UNK_HINT: Tr = Tr("You may answer Unknown.", "Vous pouvez répondre Inconnu.");
pub const OPTIONAL: Tr =
    Tr("Optional: Enter or skip leaves it blank.", "Facultatif : Entrée ou passer la laisse vide.");
pub const REQUIRED: Tr = Tr(
    "An answer is needed here. Type ? for help, back to go back, quit to stop.",
    "Une réponse est requise ici. Tapez ? pour l’aide, retour pour revenir, quitter pour arrêter.",
);
pub const CANNOT_SKIP: Tr = Tr(
    "This question must be answered; it cannot be skipped.",
    "Il faut répondre à cette question; elle ne peut pas être sautée.",
);
pub const TRY_AGAIN: Tr = Tr("Please answer again.", "Veuillez répondre de nouveau.");
pub const FIRST_QUESTION: Tr = Tr("This is the first question.", "C’est la première question.");
pub const SAVED: Tr = Tr("Saved.", "Enregistré.");
pub const QUIT_SAVED: Template = Template::new(
    &["id"],
    "Your answers are saved. To continue later: citcert --plain --draft {id}",
    "Vos réponses sont enregistrées. Pour continuer plus tard : citcert --plain --draft {id}",
);
pub const QUIT_UNSAVED: Tr = Tr(
    "Stopped. This draft was read-only: the answers of this session were not saved.",
    "Arrêt. Ce brouillon était en lecture seule : les réponses de cette séance n’ont pas été enregistrées.",
);
pub const EOF: Tr = Tr("End of input.", "Fin de l’entrée.");
pub const STOP: Tr = Tr("STOP", "ARRÊT");
pub const CAUTION: Tr = Tr("CAUTION", "MISE EN GARDE");
pub const STOP_CHOICES: Tr = Tr(
    "Type change to change this answer, paper to go on in paper-preparation mode, or quit.",
    "Tapez changer pour changer cette réponse, papier pour poursuivre en mode préparation papier, ou quitter.",
);
pub const STOP_CHOICES_NO_PAPER: Tr = Tr(
    "Type change to change this answer, or quit. A paper application is not the way either: read the message above.",
    "Tapez changer pour changer cette réponse, ou quitter. Une demande papier n’est pas la solution non plus : lisez le message ci-dessus.",
);
pub const STOP_CHOICE_BAD: Tr = Tr("Type change, paper or quit.", "Tapez changer, papier ou quitter.");
pub const STOP_CHOICE_BAD_NO_PAPER: Tr = Tr("Type change or quit.", "Tapez changer ou quitter.");
pub const PAPER_MODE: Tr = Tr(
    "Paper-preparation mode: you can keep preparing your answers; the checklist shows what to prepare for a paper application.",
    "Mode préparation papier : vous pouvez continuer à préparer vos réponses; la liste de contrôle indique ce qu’il faut préparer pour une demande papier.",
);
pub const CAUTION_CONFIRM: Tr = Tr(
    "Type yes to confirm you understand (I understand), change to change this answer, or quit.",
    "Tapez oui pour confirmer que vous comprenez (je comprends), changer pour changer cette réponse, ou quitter.",
);
pub const CAUTION_BAD: Tr = Tr("Type yes, change or quit.", "Tapez oui, changer ou quitter.");
pub const THE_END: Tr = Tr("End of the questionnaire.", "Fin du questionnaire.");
pub const READY_YES: Tr = Tr(
    "Ready to submit: yes. citcert does not submit anything: use the IRCC online application with these answers and documents.",
    "Prête à soumettre : oui. citcert ne soumet rien : utilisez la demande en ligne d’IRCC avec ces réponses et ces documents.",
);
pub const READY_NO: Tr = Tr(
    "Ready to submit: no. Type review to see what is left.",
    "Prête à soumettre : non. Tapez revue pour voir ce qui reste.",
);
pub const CHECKLIST: Tr = Tr("Checklist:", "Liste de contrôle :");
pub const PAPER_LIST: Tr =
    Tr("Paper application: what to prepare:", "Demande papier : ce qu’il faut préparer :");
pub const NONE_YET: Tr = Tr("(nothing on the list yet)", "(rien sur la liste pour l’instant)");
pub const REQUIRED_WORD: Tr = Tr("required", "obligatoire");
pub const OPTIONAL_WORD: Tr = Tr("optional", "facultatif");
pub const NO_HELP: Tr = Tr("(no help text)", "(aucun texte d’aide)");
pub const HINT_DATE: Tr = Tr("YYYY-MM-DD", "AAAA-MM-JJ");
pub const HINT_PDATE: Tr = Tr("YYYY-MM-DD or YYYY-MM", "AAAA-MM-JJ ou AAAA-MM");
pub const HINT_LIST: Tr =
    Tr("several values separated by commas", "plusieurs valeurs séparées par des virgules");
pub const HINT_COUNTRY: Tr = Tr(
    "a country code such as CA, or the start of the country's name",
    "un code de pays comme CA, ou le début du nom du pays",
);
pub const HINT_PROVINCE: Tr = Tr(
    "a number, a code such as ON or CA-ON, or the start of the name",
    "un numéro, un code comme QC ou CA-QC, ou le début du nom",
);
pub const HINT_ISSUER: Tr = Tr(
    "CA (federal), a province code such as CA-QC, a country code such as MX, or the start of a name",
    "CA (fédéral), un code de province comme CA-QC, un code de pays comme MX, ou le début d’un nom",
);
pub const HINT_OFFICE: Tr = Tr(
    "a number from the list, or the start of the office's name",
    "un numéro de la liste, ou le début du nom du bureau",
);
pub const HINT_HEIGHT: Tr = Tr("for example 165 cm or 5 ft 6 in", "par exemple 165 cm ou 5 ft 6 in");
pub const HINT_FILE: Tr = Tr(
    "the path of the file; it is checked at once (JPEG, PNG or PDF, size limit)",
    "le chemin du fichier; il est vérifié aussitôt (JPEG, PNG ou PDF, limite de taille)",
);
pub const PAPER_ROUTE: Tr = Tr("Your paper application:", "Votre demande papier :");
pub const PAPER_COMMANDS: Tr = Tr(
    "Type export [FOLDER] to write the paper-preparation summary to print (Markdown and HTML; default: this folder), review to check your answers again, or done.",
    "Tapez exporter [DOSSIER] pour écrire le résumé de préparation papier à imprimer (Markdown et HTML; par défaut : ce dossier), revue pour revoir vos réponses, ou fini.",
);
pub const NO_PACKAGE_ON_PAPER: Tr = Tr(
    "No package in paper-preparation mode: nothing is submitted online. Type export for the summary to print.",
    "Pas de paquet en mode préparation papier : rien n’est présenté en ligne. Tapez exporter pour le résumé à imprimer.",
);
pub const WHAT_NEXT: Tr = Tr("What happens next:", "Et ensuite :");
pub const NEXT_COMMANDS: Tr = Tr(
    "Type export [FOLDER] to write the summary (Markdown and HTML; default: this folder), package FOLDER to build the signed package in a new folder, review to check your answers again, or done.",
    "Tapez exporter [DOSSIER] pour écrire le résumé (Markdown et HTML; par défaut : ce dossier), paquet DOSSIER pour créer le paquet signé dans un nouveau dossier, revue pour revoir vos réponses, ou fini.",
);
pub const NEXT_PROMPT: Tr = Tr("next", "ensuite");
pub const PACKAGE_NEEDS_FOLDER: Tr = Tr(
    "Give the folder to create, for example: package ~/citcert-package",
    "Donnez le dossier à créer, par exemple : paquet ~/paquet-citcert",
);
pub const CHECK_ANSWERS: Tr = Tr(
    "Check your answers (✗ to correct, * not answered yet):",
    "Vérifiez vos réponses (✗ à corriger, * pas encore répondu) :",
);
pub const CHANGE_HOW: Tr = Tr(
    "To change an answer, type change and its number (for example: change 4.2); you come back here after it.",
    "Pour changer une réponse, tapez changer et son numéro (par exemple : changer 4.2); vous revenez ici ensuite.",
);
pub const HINT_EMAIL: Tr = Tr("name@example.ca", "nom@exemple.ca");
pub const HINT_CHOICE: Tr =
    Tr("the number before the choice, or the choice's word", "le numéro devant le choix, ou le mot du choix");

/// The command list shown by `?`, in the order a person meets it: answering, then moving, then
/// (COMMANDS_MORE) the support agent's commands. In French, the French words first.
pub const COMMANDS: Tr = Tr(
    "Answering:
  Enter      accept the answer shown (the current one, or the suggested one)
  skip       leave an optional question blank
  Lists: separate several values with commas (Rania Khoury, Rania Haddad).
  An answer that is also a command word: start it with a backslash (\\back).
Moving, at any prompt:
  back       the previous question (or screen)
  change 4.2 go to question 4.2
  checklist  your document checklist, with why each item is on it
  review     the full report: outcome, checklist, missing answers, readiness, fee
  ?          this help
  save       save the draft now (answers are also saved after every answer)
  quit       save and stop",
    "Pour répondre :
  Entrée     accepter la réponse affichée (l’actuelle, ou celle qui est suggérée)
  passer     laisser vide une question facultative (aussi : skip)
  Listes : séparez plusieurs valeurs par des virgules (Rania Khoury, Rania Haddad).
  Une réponse qui est aussi un mot de commande : commencez-la par une barre oblique inverse (\\retour).
Pour vous déplacer, à toute invite :
  retour     la question (ou l’écran) précédente (aussi : back)
  changer 4.2  aller à la question 4.2
  liste      votre liste de documents, avec la raison de chacun (aussi : checklist)
  revue      le rapport complet : résultat, liste, réponses manquantes, état, frais (aussi : review)
  ?          cette aide (aussi : aide)
  enregistrer  enregistrer le brouillon maintenant (aussi après chaque réponse)
  quitter    enregistrer et arrêter",
);

// ---- drafts locked with a passphrase (issue 12) ----
pub const NEW_PASSPHRASE: Tr = Tr(
    "New passphrase (at least 8 characters; it is not shown)",
    "Nouvelle phrase de passe (au moins 8 caractères; elle ne s'affiche pas)",
);
pub const PASSPHRASE_AGAIN: Tr = Tr("Type it again", "Tapez-la de nouveau");
pub const PASSPHRASES_DIFFER: Tr = Tr(
    "The two passphrases differ; no draft was started.",
    "Les deux phrases de passe diffèrent; aucun brouillon n'a été commencé.",
);
pub const LOCKED_NOTE: Tr = Tr(
    "Its answers, attachments and notes are encrypted with your passphrase; without it they cannot be recovered.",
    "Ses réponses, pièces jointes et notes sont chiffrées avec votre phrase de passe; sans elle, elles sont \
     irrécupérables.",
);

// ---- issue 13: notes, history, codes, the paper review ----

pub const NOTE_NONE: Tr = Tr("No note on this question.", "Aucune note sur cette question.");
pub const NOTE_HOW: Tr = Tr(
    "To write one: note followed by the text. To remove it: note clear.",
    "Pour en écrire une : note suivi du texte. Pour la retirer : note effacer.",
);
pub const HISTORY_HEAD: Tr =
    Tr("History of this draft, oldest first:", "Historique de ce brouillon, du plus ancien au plus récent :");
pub const HISTORY_NONE: Tr = Tr(
    "No history yet; it starts at the next save.",
    "Aucun historique pour l’instant; il commence au prochain enregistrement.",
);
pub const CODES_ON: Tr = Tr(
    "Codes on: rule, item and province codes and guide lines are shown, to quote in a ticket. Type codes again to hide them.",
    "Codes affichés : codes des règles, des documents, des provinces et lignes du guide, à citer dans un billet. Tapez codes de nouveau pour les masquer.",
);
pub const CODES_OFF: Tr = Tr("Codes hidden.", "Codes masqués.");
pub const PAPER_REVIEW: Tr = Tr(
    "Review for the paper application (no file is uploaded on paper):",
    "Revue pour la demande papier (aucun fichier n’est téléversé sur papier) :",
);
pub const COMMANDS_MORE: Tr = Tr(
    "For support agents:
  note TEXT  a note for whoever helps next, kept with this question (note clear: remove it)
  history    when this draft was opened and saved, and which questions changed
  codes      show or hide internal codes (rules, items, guide lines), to quote in a ticket",
    "Pour les agents de soutien :
  note TEXTE   une note pour la personne qui aidera ensuite, gardée avec cette question (note effacer : la retirer)
  historique   quand ce brouillon a été ouvert et enregistré, et quelles questions ont changé (aussi : history)
  codes        afficher ou masquer les codes internes (règles, documents, lignes du guide), à citer dans un billet",
);

// ---- drafts past day 60 held by the sweep (issue 12) ----

pub const HELD: Template = Template::new(
    &["today"],
    "These drafts are past their 60 days by this computer's date ({today}), all at once. They can no longer be \
     opened, but they were NOT erased (a wrong date looks the same):",
    "Ces brouillons ont dépassé leurs 60 jours d’un coup, selon la date de cet ordinateur (le {today}). Ils ne \
     peuvent plus être ouverts, mais ils n’ont PAS été effacés (une date erronée donne le même résultat) :",
);
pub const HELD_ASK: Tr = Tr(
    "Is this computer's date right? Erasing cannot be undone. Type yes to erase them (anything else keeps them; \
     if the date is wrong, correct it and start again)",
    "La date de cet ordinateur est-elle juste? L’effacement est définitif. Tapez oui pour les effacer (toute autre \
     réponse les garde; si la date est fausse, corrigez-la et recommencez)",
);
pub const HELD_KEPT: Tr = Tr("Nothing was erased.", "Rien n’a été effacé.");

// ---- sentences with values (issue 14) ----

/// A warning from the drafts folder or its sweep.
pub const WARNED: Template = Template::new(&["text"], "Warning: {text}", "Avertissement : {text}");
pub const DAMAGED: Template = Template::new(
    &["file", "reason", "moved"],
    "Damaged draft file: {file}: {reason}{moved}",
    "Fichier de brouillon endommagé : {file} : {reason}{moved}",
);
pub const EXPIRED_REMOVED: Template = Template::new(
    &["label", "on"],
    "Draft '{label}' (started {on}) was more than 60 days old and has been deleted (drafts are kept 60 days \
     from the day they were started).",
    "Le brouillon « {label} » (commencé le {on}) avait plus de 60 jours et a été supprimé (les brouillons sont \
     conservés 60 jours à partir du jour où ils ont été commencés).",
);
pub const EXPIRED_KEPT: Template = Template::new(
    &["label", "on"],
    "Draft '{label}' (started {on}) expired, NOT erased — `citcert drafts purge` says why",
    "Le brouillon « {label} » (commencé le {on}) expiré, NON effacé — `citcert drafts purge` dit pourquoi",
);
/// A draft held past day 60, in the list before the question.
pub const HELD_ROW: Template = Template::new(
    &["label", "on"],
    "  Draft '{label}' (started {on})",
    "  Le brouillon « {label} » (commencé le {on})",
);
pub const HELD_ERASED: Template =
    Template::new(&["label"], "Draft '{label}' erased.", "Le brouillon « {label} » a été effacé.");
pub const HELD_NOT_ERASED: Template =
    Template::new(&["label"], "Draft '{label}': NOT erased", "Le brouillon « {label} » : NON effacé");
pub const HELD_NOT_ERASED_WHY: Template = Template::new(
    &["label", "why"],
    "Draft '{label}': NOT erased: {why}",
    "Le brouillon « {label} » : NON effacé : {why}",
);
pub const PASSPHRASE_OF: Template = Template::new(
    &["id", "label"],
    "Passphrase of draft {id} '{label}'",
    "Phrase de passe du brouillon {id} « {label} »",
);
pub const DRAFTS_IN: Template = Template::new(&["dir"], "Drafts in {dir}:", "Brouillons dans {dir} :");
/// One draft of the list: "2) Amira — id 2025-06-01-ab12, started 2025-06-01, 55 days left, 12% done".
pub const DRAFT_ROW: Template = Template::new(
    &["n", "label", "id", "on", "left", "pct"],
    "  {n}) {label} — id {id}, started {on}, {left}, {pct}% done",
    "  {n}) {label} — id {id}, commencé le {on}, {left}, {pct} % rempli",
);
pub const CREATED: Template = Template::new(
    &["id", "label", "on", "left"],
    "Started draft {id} '{label}': started {on}, {left}.",
    "Brouillon commencé {id} « {label} » : commencé le {on}, {left}.",
);
pub const OPENED: Template =
    Template::new(&["id", "label"], "Opened draft {id} '{label}'.", "Brouillon ouvert {id} « {label} ».");
/// A draft whose answers do not fit the questionnaire: each answer's problem.
pub const DRAFT_UNREADABLE: Template =
    Template::new(&["id", "errors"], "draft {id}: {errors}", "brouillon {id} : {errors}");
pub const CANNOT_WRITE: Template = Template::new(
    &["reason"],
    "plain mode: cannot write the output: {reason}",
    "mode texte simple : impossible d'écrire la sortie : {reason}",
);
/// A stop or a caution said with its choices: "STOP — Paper application already sent".
pub const STOP_HEAD: Template =
    Template::new(&["code", "title"], "STOP — {code}{title}", "ARRÊT — {code}{title}");
pub const CAUTION_HEAD: Template =
    Template::new(&["code", "title"], "CAUTION — {code}{title}", "MISE EN GARDE — {code}{title}");
pub const STOP_LINE: Template =
    Template::new(&["code", "title"], "STOP: {code}{title}", "ARRÊT : {code}{title}");
/// The screen line: "Screen 4 of 13: Personal details" (numbered as the questions are).
pub const SCREEN: Template = Template::new(
    &["n", "total", "title"],
    "Screen {n} of {total}: {title}",
    "Écran {n} sur {total} : {title}",
);
/// "Progress: 35%" / "Progression : 35 %", said after the screen line (docs/DECISIONS.md 19).
pub const PROGRESS: Template = Template::new(&["pct"], "Progress: {pct}%", "Progression : {pct} %");
/// Why a document is on the list, on its screen: "Why (required): …".
pub const WHY_ON_SCREEN: Template =
    Template::new(&["req", "reason"], "Why ({req}): {reason}", "Pourquoi ({req}) : {reason}");
/// Why a document is on the checklist.
pub const WHY: Template = Template::new(&["reason"], "Why: {reason}", "Pourquoi : {reason}");
pub const FIXED: Template = Template::new(
    &["number", "prompt", "answer"],
    "{number} {prompt}: {answer} (set by your earlier answers)",
    "{number} {prompt} : {answer} (fixé par vos réponses précédentes)",
);
pub const NO_SUCH_QUESTION: Template = Template::new(
    &["number"],
    "No question asked now has the number {number}",
    "Aucune question posée maintenant ne porte le numéro {number}",
);
pub const CURRENT: Template = Template::new(
    &["answer"],
    "  [current: {answer}] Enter keeps it",
    "  [actuel : {answer}] Entrée pour le garder",
);
pub const SUGGESTED: Template = Template::new(
    &["answer"],
    "  [suggested: {answer}] Enter accepts it",
    "  [suggestion : {answer}] Entrée pour l’accepter",
);
pub const NOTE_LABEL: Template = Template::new(&["note"], "Agent note: {note}", "Note de l’agent : {note}");
pub const NOTE_SAVED: Template = Template::new(
    &["number"],
    "Note saved on question {number}.",
    "Note enregistrée sur la question {number}.",
);
pub const NOTE_CLEARED: Template = Template::new(
    &["number"],
    "Note removed from question {number}.",
    "Note retirée de la question {number}.",
);
pub const NOTE_NOT_SAVED: Template =
    Template::new(&["why"], "Note not saved: {why}", "Note non enregistrée : {why}");
pub const NOTE_NOT_SAVED_READ_ONLY: Tr = Tr(
    "Note not saved: this draft is read-only here.",
    "Note non enregistrée : ce brouillon est en lecture seule ici.",
);
pub const NOTES_FULL: Template = Template::new(
    &["max"],
    "Note not saved: this draft already has {max} notes, the most it can hold; clear one first",
    "Note non enregistrée : ce brouillon a déjà {max} notes, le maximum; retirez-en une d'abord",
);
pub const FILE_CHECKED: Template = Template::new(
    &["name", "kind", "size", "sha"],
    "File checked and recorded: {name} — {kind}, {size}, SHA-256 {sha}…",
    "Fichier vérifié et enregistré : {name} — {kind}, {size}, SHA-256 {sha}…",
);
pub const LETTER_CHECKED: Template = Template::new(
    &["name", "kind", "size", "sha"],
    "Explanation letter checked and recorded: {name} — {kind}, {size}, SHA-256 {sha}…",
    "Lettre d’explication vérifiée et enregistrée : {name} — {kind}, {size}, SHA-256 {sha}…",
);
/// A warning on an answer just given.
pub const NOTE: Template = Template::new(&["text"], "Note: {text}", "Remarque : {text}");
pub const SET_ASIDE: Template = Template::new(
    &["numbers"],
    "Set aside (no longer asked after this answer; kept in case you change it back): {numbers}",
    "Mises de côté (plus demandées après cette réponse; conservées si vous la changez de nouveau) : {numbers}",
);
pub const BACK_IN: Template = Template::new(
    &["numbers"],
    "Brought back (asked again after this answer): {numbers}",
    "Réactivées (demandées de nouveau après cette réponse) : {numbers}",
);
pub const BLOCKED: Template =
    Template::new(&["code", "title"], "Document problem {code}{title}", "Problème de document {code}{title}");
pub const BECAUSE: Template = Template::new(
    &["question"],
    "Because of your answer to {question}",
    "En raison de votre réponse à {question}",
);
pub const GUIDE_QUOTE: Template = Template::new(&["quote"], "Guide: {quote}", "Guide : {quote}");
pub const SOURCE: Template = Template::new(&["source"], "Source: {source}", "Source : {source}");
pub const HOW_TO_ANSWER: Template =
    Template::new(&["how"], "How to answer: {how}", "Comment répondre : {how}");
pub const OUTCOME: Template = Template::new(&["outcome"], "Outcome: {outcome}", "Résultat : {outcome}");
pub const INDICATION: Template =
    Template::new(&["text"], "Act indication: {text}", "Indication de la Loi : {text}");
pub const NO_INDICATION: Tr = Tr("Act indication: none computed.", "Indication de la Loi : aucune.");
pub const MISSING_HEAD: Tr = Tr("Missing answers:", "Réponses manquantes :");
pub const TO_CORRECT_HEAD: Tr = Tr("Answers to correct:", "Réponses à corriger :");
pub const WARNINGS_HEAD: Tr = Tr("Warnings:", "Avertissements :");
pub const READY_NO_SHORT: Tr = Tr("Ready to submit: no.", "Prête à soumettre : non.");
pub const FEE: Template = Template::new(&["amount"], "Fee: CAD {amount}", "Frais : CAD {amount}");
pub const NOT_SAVED: Template = Template::new(&["why"], "Not saved: {why}", "Non enregistré : {why}");
pub const NOT_SAVED_READ_ONLY: Tr =
    Tr("Not saved: this draft is read-only here.", "Non enregistré : ce brouillon est en lecture seule ici.");
pub const QUIT_NOT_SAVED: Template = Template::new(
    &["why"],
    "Your last answers are NOT saved: the draft could not be written. Free some space or check the drafts \
     folder, then try again. Reason: {why}",
    "Vos dernières réponses ne sont PAS enregistrées : le brouillon n’a pas pu être écrit. Libérez de \
     l’espace ou vérifiez le dossier des brouillons, puis réessayez. Raison : {why}",
);
pub const SAVED_IN: Template = Template::new(
    &["id"],
    "Your answers are saved in draft {id}.",
    "Vos réponses sont enregistrées dans le brouillon {id}.",
);
pub const WROTE: Template = Template::new(&["path"], "Wrote {path}", "Fichier écrit : {path}");
/// A typed line that is none of a question's choices.
pub const NOT_A_CHOICE: Template = Template::new(
    &["typed", "last"],
    "“{typed}” is not one of the choices: type its number (1–{last}), or ? for help.",
    "« {typed} » ne fait pas partie des choix : tapez son numéro (1 à {last}), ou ? pour l’aide.",
);
/// The start of a name that several places share, with them (at most 20, then how many more).
pub const AMBIGUOUS: Template = Template::new(
    &["typed", "list", "more"],
    "“{typed}” matches several; type more of the name or the code: {list}{more}",
    "« {typed} » correspond à plusieurs; tapez plus du nom ou le code : {list}{more}",
);

// ---- the review while a "do not apply" stop applies (issue 14) ----

pub const DO_NOT_APPLY_REVIEW: Tr = Tr(
    "Do not apply online: a stop applies (see below), so the application is not ready. The questions not \
     answered yet no longer matter and are not listed. If the answer behind the stop is wrong, type change and \
     its number.",
    "Ne présentez pas de demande en ligne : un arrêt s’applique (voir ci-dessous), la demande n’est donc pas \
     prête. Les questions sans réponse ne comptent plus et ne sont pas listées. Si la réponse à l’origine de \
     l’arrêt est erronée, tapez changer et son numéro.",
);
pub const ANSWERS_GIVEN: Tr =
    Tr("Your answers so far (✗ to correct):", "Vos réponses jusqu’ici (✗ à corriger) :");
