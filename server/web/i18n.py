"""The interface's words: French first, English for browsers that ask for it first."""

from __future__ import annotations

from starlette.requests import HTTPConnection

MESSAGES: dict[str, tuple[str, str]] = {
    "colon": (" : ", ": "),  # French puts a space before the colon
    "congress": ("Congrès", "Congress"),
    "you_are": ("Vous êtes", "You are"),
    "role.organiser": ("organisateur·rice", "organiser"),
    "role.participant": ("participant·e", "participant"),
    "role.observer": ("observateur·rice (lecture seule)", "observer (read only)"),
    "site.on_site": ("sur place", "on site"),
    "site.remote": ("à distance", "remote"),
    "phase": ("Étape", "Phase"),
    "phase.contributions": ("contributions", "contributions"),
    "phase.themes": ("thèmes", "themes"),
    "phase.writing": ("écriture de la motion", "writing the motion"),
    "phase.published": ("motion publiée", "motion published"),
    "documents": ("Documents", "Documents"),
    "doc.motion": ("Motion", "Motion"),
    "doc.mindmap": ("Carte mentale", "Mind map"),
    "doc.projector": ("Vue projecteur (lecture seule)", "Projector view (read-only)"),
    "live_address": ("Adresse de synchronisation (clients Yjs)", "Sync address (Yjs clients)"),
    "motion_now": ("La motion en ce moment", "The motion right now"),
    "motion_empty": ("La motion est encore vide.", "The motion is still empty."),
    "organiser_page": ("Page des organisateur·rices", "Organisers' page"),
    "history": ("Historique", "History"),
    "replay": ("Rejouer la journée", "Replay the day"),
    "logout": ("Se déconnecter", "Sign out"),
    "dates": ("Dates", "Dates"),
    "edition": ("Édition", "Edition"),
    "link_refused": ("Ce lien d'invitation ne peut pas être utilisé", "This invitation link cannot be used"),
    "ask_organiser": (
        "Demandez un nouveau lien à l'équipe d'organisation du congrès.",
        "Ask the congress organisers for a new link.",
    ),
    "need_invitation": ("Accès sur invitation", "Invitation only"),
    "need_invitation_text": (
        "Le congrès se tient à huis clos : ouvrez le lien d'invitation que vous avez reçu.",
        "The congress meets behind closed doors: open the invitation link you received.",
    ),
    "not_yours": ("Ce congrès n'est pas le vôtre", "This is not your congress"),
    "choose_name": ("Qui êtes-vous ?", "Who are you?"),
    "choose_name_text": (
        "Ce lien est partagé : choisissez votre nom. "
        "Une fois choisi, il ne pourra plus l'être par personne d'autre.",
        "This link is shared: choose your name. Once chosen, nobody else can choose it.",
    ),
    "enter": ("Entrer", "Enter"),
    "nobody_left": (
        "Tous les noms de ce lien ont déjà été choisis.",
        "Every name on this link has been chosen.",
    ),
    "signed_out": ("Vous êtes déconnecté·e.", "You are signed out."),
    "front_title": ("Écriture collaborative de la motion", "Writing the motion together"),
    "front_text": (
        "Ubiquité est le lieu où le congrès écrit sa motion, en salle et à distance. "
        "L'accès se fait par le lien d'invitation reçu de l'équipe d'organisation.",
        "Ubiquité is where the congress writes its motion, in the room and remotely. "
        "You enter with the invitation link the organisers sent you.",
    ),
}

ORGANISER_MESSAGES: dict[str, tuple[str, str]] = {
    "colon": (" : ", ": "),  # French puts a space before the colon
    "title": ("Organisation du congrès", "Running the congress"),
    "people": ("Personnes", "People"),
    "name": ("Nom", "Name"),
    "role": ("Rôle", "Role"),
    "commune": ("Commune", "Commune"),
    "department": ("Département", "Department"),
    "site": ("Présence", "Attendance"),
    "contact": ("Contact", "Contact"),
    "connected": ("Connecté·e", "Connected"),
    "link": ("Lien", "Link"),
    "actions": ("Actions", "Actions"),
    "copy": ("Copier le lien", "Copy link"),
    "copied": ("Lien copié", "Link copied"),
    "new_link": ("Nouveau lien", "New link"),
    "revoke": ("Révoquer", "Revoke"),
    "revoked": ("révoqué·e", "revoked"),
    "confirm_revoke": (
        "Révoquer l'accès de {name} ? Ses connexions seront fermées.",
        "Revoke {name}'s access? Their connections will be closed.",
    ),
    "yes": ("oui", "yes"),
    "no": ("non", "no"),
    "add": ("Ajouter une personne", "Add a person"),
    "add_button": ("Ajouter et créer son lien", "Add and create their link"),
    "group": ("Lien partagé pour une liste de noms", "Shared link for a list of names"),
    "group_names": ("Un nom par ligne", "One name per line"),
    "group_button": ("Créer le lien partagé", "Create the shared link"),
    "import": ("Importer un fichier CSV", "Import a CSV file"),
    "import_help": (
        "Colonnes : nom, rôle, commune, département, présence, contact (séparateur , ou ;).",
        "Columns: name, role, commune, department, site, contact (separator , or ;).",
    ),
    "import_button": ("Importer", "Import"),
    "import_done": ("{count} personne(s) importée(s).", "{count} person(s) imported."),
    "import_refused": ("Rien n'a été importé :", "Nothing was imported:"),
    "line": ("ligne", "line"),
    "phase": ("Étape", "Phase"),
    "phase_button": ("Passer à", "Move to"),
    "connected_now": ("Connecté·es maintenant", "Connected now"),
    "nobody": ("Personne pour l'instant.", "Nobody yet."),
    "error": ("Erreur", "Error"),
    "shared_links": ("Liens partagés", "Shared links"),
    "names": ("Noms", "Names"),
    "expires": ("Expire le", "Expires on"),
    "publication": ("Publication et exports", "Publication and exports"),
    "not_published": ("Aucune version n'est publiée.", "No version is published."),
    "published_as": ("Publiée (position {position} du journal) :", "Published (log position {position}):"),
    "version": ("Version (position du journal, ou current)", "Version (log position, or current)"),
    "publish": ("Publier pour la presse", "Publish for the press"),
    "unpublish": ("Retirer la publication", "Withdraw the publication"),
    "download_version": ("Télécharger cette version :", "Download this version:"),
    "archive": (
        "Archive complète du congrès (historique, personnes, versions)",
        "The congress's whole archive",
    ),
}


def language(conn: HTTPConnection) -> str:
    """ "en" only if the browser puts English before French; French otherwise."""
    for part in conn.headers.get("accept-language", "").split(","):
        tag = part.split(";")[0].strip().lower()
        if tag.startswith("fr"):
            return "fr"
        if tag.startswith("en"):
            return "en"
    return "fr"


def translate(key: str, lang: str, table: dict[str, tuple[str, str]] = MESSAGES) -> str:
    french, english = table[key]
    return english if lang == "en" else french


HISTORY_MESSAGES: dict[str, tuple[str, str]] = {
    "colon": (" : ", ": "),
    "timeline": ("Historique", "History"),
    "replay": ("Rejouer", "Replay"),
    "compare": ("Comparer", "Compare"),
    "activity": ("Activité", "Activity"),
    "activity_title": ("Modifications par minute et par personne", "Edits per minute, per person"),
    "steps": ("Étapes", "Steps"),
    "steps_help": (
        "Chaque étape regroupe les modifications d'une personne dans un document, sans pause de plus de "
        "30 secondes (les plus récentes d'abord).",
        "Each step groups one person's edits of one document, with no pause longer than 30 seconds "
        "(newest first).",
    ),
    "when": ("Quand", "When"),
    "who": ("Qui", "Who"),
    "document": ("Document", "Document"),
    "edits": ("Modifications", "Edits"),
    "position": ("Position", "Position"),
    "versions": ("Versions nommées", "Named versions"),
    "no_versions": ("Aucune version nommée pour l'instant.", "No named version yet."),
    "no_edits": ("Rien n'a encore été écrit.", "Nothing has been written yet."),
    "open": ("Ouvrir", "Open"),
    "name": ("Nom", "Name"),
    "named_by": ("Nommée par", "Named by"),
    "name_version": ("Nommer cette version", "Name this version"),
    "name_now": ("Nommer l'état actuel", "Name the current state"),
    "name_placeholder": ("texte soumis au vote", "text put to the vote"),
    "restore": ("Restaurer cette version", "Restore this version"),
    "confirm_restore": (
        "Remettre la motion et la carte mentale dans l'état de cette version ? Ce sera une nouvelle "
        "modification à votre nom ; l'historique reste entier.",
        "Bring the motion and the mind map back to this version? It will be a new edit in your name; "
        "the history stays whole.",
    ),
    "restored": ("Version restaurée comme nouvelle modification.", "Version restored as a new edit."),
    "unchanged": ("Rien à restaurer : le texte est déjà celui-ci.", "Nothing to restore: already this text."),
    "named": ("Version nommée.", "Version named."),
    "play": ("Lecture", "Play"),
    "pause": ("Pause", "Pause"),
    "previous": ("Modification précédente", "Previous change"),
    "next": ("Modification suivante", "Next change"),
    "speed": ("Vitesse", "Speed"),
    "go_time": ("Aller à l'heure", "Go to time"),
    "go": ("Aller", "Go"),
    "go_version": ("Aller à la version", "Go to version"),
    "choose": ("— choisir —", "— choose —"),
    "now": ("maintenant", "now"),
    "authors": ("Couleurs des auteur·rices", "Colour by author"),
    "motion": ("Motion", "Motion"),
    "mindmap": ("Carte mentale", "Mind map"),
    "slider": ("Moment de la journée", "Moment of the day"),
    "compare_now": ("Comparer avec maintenant", "Compare with now"),
    "from": ("De", "From"),
    "to": ("À", "To"),
    "export_html": ("Exporter (HTML)", "Export (HTML)"),
    "export_txt": ("Exporter (texte)", "Export (text)"),
    "legend": ("Insertions soulignées en vert, suppressions barrées en rouge.",
               "Insertions underlined in green, deletions struck through in red."),
    "no_change": ("Aucune différence.", "No difference."),
    "loading": ("Chargement…", "Loading…"),
    "error": ("Erreur", "Error"),
    "organisers_only": (
        "Le rejeu et l'historique sont réservés à l'équipe d'organisation.",
        "Replay and history are for the organisers only.",
    ),
}  # fmt: skip
