//! Plain mode's own words, in English and French. Questionnaire texts (prompts, help, rules,
//! items) come from the engine; only the interface's words are here.

/// One interface string in both languages: the crate's one bilingual type (`crate::words::Fixed`).
pub type Tr = crate::words::Fixed;

/// Writes a [`Tr`] as the table below has always written it: `Tr("English", "français")`.
#[allow(non_snake_case)]
pub const fn Tr(en: &'static str, fr: &'static str) -> Tr {
    Tr::new(en, fr)
}

pub const BANNER: Tr = Tr(
    "citcert — plain mode. Type ? at any prompt for help.",
    "citcert — mode texte simple. Tapez ? à toute invite pour obtenir de l’aide.",
);
pub const DRAFTS_IN: Tr = Tr("Drafts in", "Brouillons dans");
pub const NO_DRAFTS: Tr = Tr("No drafts yet.", "Aucun brouillon pour l’instant.");
pub const NO_DRAFT_TO_OPEN: Tr = Tr(
    "No draft that can be opened: the drafts past 60 days named above are kept, not erased.",
    "Aucun brouillon qui puisse être ouvert : les brouillons de plus de 60 jours nommés ci-dessus sont gardés, pas effacés.",
);
pub const STARTED: Tr = Tr("started", "commencé le");
pub const DONE: Tr = Tr("done", "rempli");
pub const WARNING: Tr = Tr("Warning", "Avertissement");
pub const DAYS_WARN: Tr = Tr(
    "this draft will be deleted soon; drafts are kept 60 days from the day they were started.",
    "ce brouillon sera bientôt supprimé; les brouillons sont conservés 60 jours à partir du jour où ils ont été commencés.",
);
pub const REMOVED: Tr = Tr(
    "was more than 60 days old and has been deleted (drafts are kept 60 days from the day they were started).",
    "avait plus de 60 jours et a été supprimé (les brouillons sont conservés 60 jours à partir du jour où ils ont été commencés).",
);
pub const DRAFT: Tr = Tr("Draft", "Le brouillon");
pub const DAMAGED: Tr = Tr("Damaged draft file", "Fichier de brouillon endommagé");
pub const CHOOSE_DRAFT: Tr = Tr(
    "Choose a draft number, \"new\" (\"new locked\": locked with a passphrase), or \"quit\"",
    "Choisissez un numéro de brouillon, « nouveau » (« nouveau verrouillé » : verrouillé par une phrase de \
     passe) ou « quitter »",
);
pub const NOT_A_DRAFT: Tr = Tr(
    "That is not one of the choices. Type a number from the list, new, or quit.",
    "Ce n’est pas un des choix. Tapez un numéro de la liste, nouveau ou quitter.",
);
pub const LABEL_PROMPT: Tr = Tr(
    "Name for the new draft (for example: Amira — first certificate)",
    "Nom du nouveau brouillon (par exemple : Amira — premier certificat)",
);
pub const CREATED: Tr = Tr("Started draft", "Brouillon commencé");
pub const OPENED: Tr = Tr("Opened draft", "Brouillon ouvert");
pub const READ_ONLY: Tr = Tr(
    "This draft is read-only here; your answers will NOT be saved. Reason:",
    "Ce brouillon est en lecture seule ici; vos réponses ne seront PAS enregistrées. Raison :",
);
pub const SCREEN: Tr = Tr("Screen", "Écran");
pub const OF: Tr = Tr("of", "sur");
pub const CURRENT: Tr = Tr("current", "actuel");
pub const ENTER_KEEPS: Tr = Tr("Enter keeps it", "Entrée pour le garder");
pub const SUGGESTED: Tr = Tr("suggested", "suggestion");
pub const ENTER_ACCEPTS: Tr = Tr("Enter accepts it", "Entrée pour l’accepter");
pub const NA_HINT: Tr = Tr("You may answer NA (Not Applicable).", "Vous pouvez répondre NA (Sans objet).");
pub const UNK_HINT: Tr = Tr("You may answer Unknown.", "Vous pouvez répondre Inconnu.");
pub const OPTIONAL: Tr =
    Tr("Optional: Enter or skip leaves it blank.", "Facultatif : Entrée ou passer la laisse vide.");
pub const FIXED: Tr = Tr("set by your earlier answers", "fixé par vos réponses précédentes");
pub const REQUIRED: Tr = Tr(
    "An answer is needed here. Type ? for help, back to go back, quit to stop.",
    "Une réponse est requise ici. Tapez ? pour l’aide, retour pour revenir, quitter pour arrêter.",
);
pub const CANNOT_SKIP: Tr = Tr(
    "This question must be answered; it cannot be skipped.",
    "Il faut répondre à cette question; elle ne peut pas être sautée.",
);
pub const TRY_AGAIN: Tr = Tr("Please answer again.", "Veuillez répondre de nouveau.");
pub const NOTE: Tr = Tr("Note", "Remarque");
pub const FIRST_QUESTION: Tr = Tr("This is the first question.", "C’est la première question.");
pub const SAVED: Tr = Tr("Saved.", "Enregistré.");
pub const SAVED_IN: Tr =
    Tr("Your answers are saved in draft", "Vos réponses sont enregistrées dans le brouillon");
pub const NOT_SAVED: Tr = Tr("Not saved:", "Non enregistré :");
pub const QUIT_SAVED: Tr = Tr(
    "Your answers are saved. To continue later: citcert --plain --draft",
    "Vos réponses sont enregistrées. Pour continuer plus tard : citcert --plain --draft",
);
pub const QUIT_UNSAVED: Tr = Tr(
    "Stopped. This draft was read-only: the answers of this session were not saved.",
    "Arrêt. Ce brouillon était en lecture seule : les réponses de cette séance n’ont pas été enregistrées.",
);
pub const EOF: Tr = Tr("End of input.", "Fin de l’entrée.");
pub const SET_ASIDE: Tr = Tr(
    "Set aside (no longer asked after this answer; kept in case you change it back):",
    "Mises de côté (plus demandées après cette réponse; conservées si vous la changez de nouveau) :",
);
pub const BACK_IN: Tr = Tr(
    "Brought back (asked again after this answer):",
    "Réactivées (demandées de nouveau après cette réponse) :",
);
pub const STOP: Tr = Tr("STOP", "ARRÊT");
pub const CAUTION: Tr = Tr("CAUTION", "MISE EN GARDE");
pub const GUIDE: Tr = Tr("Guide", "Guide");
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
pub const BECAUSE: Tr = Tr("Because of your answer to", "En raison de votre réponse à");
pub const PAPER_MODE: Tr = Tr(
    "Paper-preparation mode: you can keep preparing your answers; the checklist shows what to prepare for a paper application.",
    "Mode préparation papier : vous pouvez continuer à préparer vos réponses; la liste de contrôle indique ce qu’il faut préparer pour une demande papier.",
);
pub const CAUTION_CONFIRM: Tr = Tr(
    "Type yes to confirm you understand (I understand), change to change this answer, or quit.",
    "Tapez oui pour confirmer que vous comprenez (je comprends), changer pour changer cette réponse, ou quitter.",
);
pub const CAUTION_BAD: Tr = Tr("Type yes, change or quit.", "Tapez oui, changer ou quitter.");
pub const BLOCKED: Tr = Tr("Document problem", "Problème de document");
pub const THE_END: Tr = Tr("End of the questionnaire.", "Fin du questionnaire.");
pub const READY_YES: Tr = Tr(
    "Ready to submit: yes. citcert does not submit anything: use the IRCC online application with these answers and documents.",
    "Prête à soumettre : oui. citcert ne soumet rien : utilisez la demande en ligne d’IRCC avec ces réponses et ces documents.",
);
pub const READY_NO: Tr = Tr(
    "Ready to submit: no. Type review to see what is left.",
    "Prête à soumettre : non. Tapez revue pour voir ce qui reste.",
);
pub const FEE: Tr = Tr("Fee", "Frais");
pub const CHECKLIST: Tr = Tr("Checklist", "Liste de contrôle");
pub const PAPER_LIST: Tr =
    Tr("Paper application: what to prepare", "Demande papier : ce qu’il faut préparer");
pub const NONE_YET: Tr = Tr("(nothing on the list yet)", "(rien sur la liste pour l’instant)");
pub const REQUIRED_WORD: Tr = Tr("required", "obligatoire");
pub const OPTIONAL_WORD: Tr = Tr("optional", "facultatif");
pub const WHY: Tr = Tr("Why", "Pourquoi");
pub const AMBIGUOUS: Tr = Tr(
    "matches several; type more of the name or the code:",
    "correspond à plusieurs; tapez plus du nom ou le code :",
);
pub const NO_HELP: Tr = Tr("(no help text)", "(aucun texte d’aide)");
pub const SOURCE: Tr = Tr("Source", "Source");
pub const HOW_TO_ANSWER: Tr = Tr("How to answer", "Comment répondre");
pub const INDICATION: Tr = Tr("Act indication", "Indication de la Loi");
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
pub const FILE_CHECKED: Tr = Tr("File checked and recorded:", "Fichier vérifié et enregistré :");
pub const FILE_CHECKED_LETTER: Tr =
    Tr("Explanation letter checked and recorded:", "Lettre d’explication vérifiée et enregistrée :");
pub const NO_SUCH_QUESTION: Tr =
    Tr("No question asked now has the number", "Aucune question posée maintenant ne porte le numéro");
pub const QUIT_NOT_SAVED: Tr = Tr(
    "Your last answers are NOT saved: the draft could not be written. Free some space or check the drafts folder, then try again. Reason:",
    "Vos dernières réponses ne sont PAS enregistrées : le brouillon n’a pas pu être écrit. Libérez de l’espace ou vérifiez le dossier des brouillons, puis réessayez. Raison :",
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
pub const WROTE: Tr = Tr("Wrote", "Fichier écrit :");
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
pub const PASSPHRASE_OF: Tr = Tr("Passphrase of draft", "Phrase de passe du brouillon");
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

pub const NOTE_LABEL: Tr = Tr("Agent note", "Note de l’agent");
pub const NOTE_SAVED: Tr = Tr("Note saved on question", "Note enregistrée sur la question");
pub const NOTE_CLEARED: Tr = Tr("Note removed from question", "Note retirée de la question");
pub const NOTE_NONE: Tr = Tr("No note on this question.", "Aucune note sur cette question.");
pub const NOTE_HOW: Tr = Tr(
    "To write one: note followed by the text. To remove it: note clear.",
    "Pour en écrire une : note suivi du texte. Pour la retirer : note effacer.",
);
pub const NOTE_NOT_SAVED: Tr = Tr("Note not saved:", "Note non enregistrée :");
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

// ---- progress (issue 13 leftovers) ----

/// "Progress: 35%" / "Progression : 35 %", said after the screen line (docs/DECISIONS.md 19).
pub const PROGRESS: Tr = Tr("Progress", "Progression");
pub const HELD: crate::words::Template = crate::words::Template::new(
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
pub const HELD_ERASED: Tr = Tr("erased.", "a été effacé.");
pub const HELD_NOT_ERASED: Tr = Tr("NOT erased", "NON effacé");
