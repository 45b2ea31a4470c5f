"""The one palette: a person's colour (the same in the presence list, the history and its chart), and
the themes' colours (the theme chart and the review page).

People's colours are dark enough for white name labels (WCAG AA, 4.5:1) and
told apart by the common colour blindnesses first; server/web/assets/ubiquite.css
holds the same list as the classes c0…c9 (the pages' CSP refuses inline
styles), which tests/test_web_palette.py checks.
"""

from __future__ import annotations

import hashlib

PEOPLE = (
    "#1565c0", "#b3261e", "#2e7d32", "#6a1b9a", "#a04a00",
    "#00695c", "#ad1457", "#4e342e", "#37474f", "#827717",
)  # fmt: skip
# Dark enough for white text and distinct for the common colour blindnesses (Okabe-Ito, darkened).
THEMES = ("#0b5fa5", "#c75300", "#00796b", "#b0006d", "#5e35b1", "#6d6d00", "#8d4b00", "#37474f")
UNSORTED = "#9e9e9e"  # contributions in no theme


def person_index(author: str) -> int:
    """A person's place in PEOPLE from their author id (`participant:12`): the same everywhere, always."""
    return hashlib.sha256(author.encode()).digest()[0] % len(PEOPLE)


def person_colour(author: str) -> str:
    return PEOPLE[person_index(author)]


def person_class(author: str) -> str:
    """The colour as a class of ubiquite.css (`c0`…`c9`)."""
    return f"c{person_index(author)}"


def theme_colour(index: int) -> str:
    return THEMES[index % len(THEMES)]
