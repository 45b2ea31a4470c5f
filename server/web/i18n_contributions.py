"""The words of the contribution and theme pages: French first, English for browsers that ask first."""

from __future__ import annotations

from server.web.i18n import translate

CONTRIBUTION_MESSAGES: dict[str, tuple[str, str]] = {
    "colon": (" : ", ": "),
    "page_title": ("Mes contributions", "My contributions"),
    "intro": (
        "Envoyez vos idées pour la motion. Vous seul·e et l'équipe d'organisation les voyez ; "
        "vous pouvez les modifier jusqu'à la clôture des contributions.",
        "Send your ideas for the motion. Only you and the organisers see them; "
        "you can change them until contributions close.",
    ),
    "new": ("Nouvelle contribution", "New contribution"),
    "title": ("Titre", "Title"),
    "text": ("Texte", "Text"),
    "axis": ("Axe (facultatif)", "Axis (optional)"),
    "axis_short": ("Axe", "Axis"),
    "send": ("Envoyer", "Send"),
    "save": ("Enregistrer", "Save"),
    "cancel": ("Annuler", "Cancel"),
    "edit": ("Modifier", "Edit"),
    "withdraw": ("Retirer", "Withdraw"),
    "confirm_withdraw": ("Retirer cette contribution ?", "Withdraw this contribution?"),
    "sent": ("Contribution envoyée.", "Contribution sent."),
    "saved": ("Contribution enregistrée.", "Contribution saved."),
    "mine": ("Mes contributions", "My contributions"),
    "none_yet": ("Aucune contribution pour l'instant.", "No contribution yet."),
    "closed": (
        "La période des contributions est close : elles ne peuvent plus être envoyées ni modifiées.",
        "Contributions are closed: they can no longer be sent or changed.",
    ),
    "observer": ("Les observateur·rices ne contribuent pas.", "Observers do not contribute."),
    "updated": ("modifiée le", "changed on"),
    "sent_on": ("envoyée le", "sent on"),
    "error": ("Erreur", "Error"),
    "back": ("Retour au congrès", "Back to the congress"),
    # organisers
    "review_title": ("Contributions et thèmes", "Contributions and themes"),
    "organiser_page": ("Page des organisateur·rices", "Organisers' page"),
    "all": ("Toutes les contributions", "All contributions"),
    "search": ("Rechercher", "Search"),
    "filter_axis": ("Axe", "Axis"),
    "any_axis": ("tous les axes", "every axis"),
    "filter_source": ("Origine", "Source"),
    "any_source": ("toutes", "all"),
    "source.browser": ("écrite en ligne", "written online"),
    "source.import": ("importée", "imported"),
    "count": ("{n} contribution(s)", "{n} contribution(s)"),
    "author": ("Auteur·rice", "Author"),
    "date": ("Date", "Date"),
    "import": ("Importer des contributions", "Import contributions"),
    "import_help": (
        "Fichier CSV (UTF-8, colonnes id, title, text ; axis et author facultatives) ou JSON "
        "(liste d'objets {id, title, text}). Si une ligne est invalide, rien n'est importé.",
        "CSV file (UTF-8, columns id, title, text; axis and author optional) or JSON "
        "(a list of {id, title, text} objects). If one row is wrong, nothing is imported.",
    ),
    "import_button": ("Importer", "Import"),
    "import_done": ("{n} contribution(s) importée(s).", "{n} contribution(s) imported."),
    "import_refused": ("Rien n'a été importé :", "Nothing was imported:"),
    "line": ("ligne", "line"),
    "export": ("Exporter", "Export"),
    "themes": ("Thèmes", "Themes"),
    "themes_help": (
        "La classification regroupe les contributions par thème (analyse sémantique du français). "
        "Vos corrections (renommer, fusionner, scinder, déplacer) sont gardées : une nouvelle "
        "classification les respecte et y range les contributions arrivées depuis.",
        "The classification groups contributions by theme (semantic analysis of the French). "
        "Your corrections (rename, merge, split, move) are kept: a new run respects them and "
        "sorts the contributions that arrived since into them.",
    ),
    "k": ("Nombre de thèmes", "Number of themes"),
    "k_auto": ("proposé par la méthode", "proposed by the method"),
    "run": ("Classer les contributions", "Classify the contributions"),
    "running": ("Classification en cours…", "Classifying…"),
    "ran": (
        "Classées le {when} : {n} contributions en {s} s. Nombre de thèmes proposé : {k}.",
        "Classified on {when}: {n} contributions in {s} s. Proposed number of themes: {k}.",
    ),
    "not_run": ("Pas encore de classification.", "Not classified yet."),
    "unclassified": (
        "{n} contribution(s) arrivée(s) depuis la dernière classification.",
        "{n} contribution(s) arrived since the last classification.",
    ),
    "chart": ("Les thèmes en image", "The themes as a picture"),
    "chart_title": (
        "Taille des thèmes et contributions au fil du temps",
        "Theme sizes and contributions over time",
    ),
    "chart_sizes": ("Contributions par thème", "Contributions per theme"),
    "chart_timeline": ("Contributions reçues par jour", "Contributions received per day"),
    "chart_unsorted": ("pas encore classées", "not classified yet"),
    "theme": ("Thème", "Theme"),
    "words": ("Mots les plus caractéristiques", "Most telling words"),
    "reviewed": ("corrigé", "reviewed"),
    "rename": ("Renommer", "Rename"),
    "merge": ("Fusionner les thèmes cochés dans celui-ci", "Merge the ticked themes into this one"),
    "merge_pick": ("à fusionner", "to merge"),
    "split": (
        "Scinder : les contributions cochées forment un nouveau thème",
        "Split: the ticked contributions form a new theme",
    ),
    "split_name": ("Nom du nouveau thème", "Name of the new theme"),
    "move_to": ("Déplacer vers", "Move to"),
    "pinned": ("épinglée", "pinned"),
    "centrality": ("centralité", "centrality"),
    "duplicates": ("Quasi-doublons", "Near-duplicates"),
    "mindmap": ("Vers la carte mentale", "Into the mind map"),
    "mindmap_help": (
        "Chaque thème devient une branche de la carte mentale, liée à ses contributions ; "
        "les participant·es pourront ouvrir les idées derrière chaque branche.",
        "Each theme becomes a branch of the mind map, linked to its contributions; "
        "participants can open the ideas behind each branch.",
    ),
    "key_contributions": ("Contributions clés par thème", "Key contributions per theme"),
    "place": ("Placer les thèmes dans la carte mentale", "Place the themes in the mind map"),
    "placed": ("{n} thème(s) placé(s) dans la carte mentale.", "{n} theme(s) placed in the mind map."),
    "open_map": ("Ouvrir la carte mentale", "Open the mind map"),
    "withdrawn": ("retirée", "withdrawn"),
    # issue 14: axes, sub-themes, near-duplicates side by side, progress
    "axes": ("Axes du congrès", "The congress's axes"),
    "axes_help": (
        "Écrivez les axes de l'appel à contributions, chacun avec un nom et une phrase qui le décrit : "
        "la classification range alors chaque contribution dans un axe (ou « Autre » si elle est "
        "loin de tous) et propose des sous-thèmes. L'axe choisi par l'auteur·rice compte comme un "
        "indice, pas comme une règle. Sans axe, les thèmes sont trouvés automatiquement.",
        "Write the axes of the call for contributions, each with a name and one sentence describing "
        "it: the classification then puts each contribution in an axis (or \u201cAutre\u201d when it "
        "is far from all) and proposes sub-themes. The axis its author chose counts as a hint, not a "
        "rule. Without axes, themes are found automatically.",
    ),
    "axis_name": ("Nom de l'axe", "Axis name"),
    "axis_description": ("Une phrase qui le décrit", "One sentence describing it"),
    "add_axis": ("Ajouter un axe", "Add an axis"),
    "remove_axis": ("Retirer cet axe", "Remove this axis"),
    "save_axes": ("Enregistrer les axes", "Save the axes"),
    "axes_saved": (
        "{n} axe(s) enregistré(s). Relancez la classification pour en tenir compte.",
        "{n} axis/axes saved. Classify again to use them.",
    ),
    "ran_axes": (
        "Classées le {when} : {n} contributions en {s} s, selon les {a} axes du congrès "
        "(le nombre de thèmes ne sert que sans axes).",
        "Classified on {when}: {n} contributions in {s} s, by the congress's {a} axes "
        "(the number of themes is used only without axes).",
    ),
    "axis_badge": ("axe", "axis"),
    "other_badge": ("loin de tous les axes", "far from every axis"),
    "subthemes": ("Sous-thèmes proposés", "Proposed sub-themes"),
    "split_subtheme": ("en faire un thème", "make it a theme"),
    "authors": ("par {names}", "by {names}"),
    "duplicates_help": (
        "Deux contributions qui disent presque la même chose. Fusionner en garde une seule idée, "
        "avec ses deux auteur·rices.",
        "Two contributions that say nearly the same thing. Merging keeps one idea, with both authors.",
    ),
    "merge_pair": ("Fusionner en une idée", "Merge into one idea"),
    "merged": ("Fusionnées en une idée.", "Merged into one idea."),
    "progress": ("{step} : {done} sur {total}", "{step}: {done} of {total}"),
    "step.embedding": ("Lecture des textes (USE)", "Reading the texts (USE)"),
    "step.embedding e5": ("Lecture des textes (e5)", "Reading the texts (e5)"),
    "step.clustering": ("Regroupement", "Grouping"),
    "encoding": (
        "Préparation des contributions arrivées : {done} sur {total}",
        "Preparing the contributions that arrived: {done} of {total}",
    ),
}


def words(lang: str) -> dict[str, str]:
    return {key: translate(key, lang, CONTRIBUTION_MESSAGES) for key in CONTRIBUTION_MESSAGES}
