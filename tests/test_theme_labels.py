"""Theme labels a person would write (server/themes/labels.py), and refusals in the organiser's words."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from server.themes.contributions import Contribution
from server.themes.labels import MAX_PHRASE, theme_phrase, theme_words, tidy
from server.words import word

ROOT = Path(__file__).resolve().parents[1]


def test_a_title_becomes_a_label_tidied() -> None:
    assert tidy("  « ACCÈS AU NUMÉRIQUE POUR TOUS !! » ") == "Accès au numérique pour tous"
    assert tidy("fibre   dans les hameaux.") == "Fibre dans les hameaux"
    assert tidy("Quelle égalité d'accès ?") == "Quelle égalité d'accès ?"  # a question stays one
    assert tidy("SOC mutualisé") == "SOC mutualisé"  # an acronym is not shouting
    long = tidy("Un médiateur qui vient dans les villages, chaque semaine, pour aider aux démarches CAF")
    assert long == "Un médiateur qui vient dans les villages, chaque semaine…"
    assert len(tidy("mot " * 60)) <= MAX_PHRASE


def test_the_label_is_a_phrase_not_a_list_of_words() -> None:
    contributions = [
        Contribution(
            "a", "Encadrer l'IA dans les services publics.", "L'intelligence artificielle doit être encadrée."
        ),
        Contribution("b", "IA et transparence", "Publier les algorithmes utilisés par la mairie."),
        Contribution("c", "Fibre dans les hameaux", "La fibre doit arriver partout."),
        Contribution("d", "Réseau mobile", "Des antennes dans les vallées."),
    ]
    labels = np.array([0, 0, 1, 1])
    words = theme_words(contributions, labels, 2)
    phrase = theme_phrase(contributions, [0, 1], words[0])
    assert phrase in {"Encadrer l'IA dans les services publics", "IA et transparence"}
    assert ", " not in phrase and not phrase.endswith(".")


def test_every_refusal_of_a_correction_is_said_in_both_languages() -> None:
    source = (ROOT / "server" / "contributions" / "review.py").read_text()
    keys = set(re.findall(r'Refused\(\s*"([\w.]+)"', source))
    assert len(keys) >= 7
    for key in keys:
        assert word(key, "fr", "contributions") != word(key, "en", "contributions")
