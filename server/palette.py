"""The one palette: a person's colour (the same in the presence list, the cursors, the mind map, the
history, its chart and the replay), and the themes' colours (the theme chart and the review page).

A person's colour is their place in their congress's list of people, in the
order they were registered (`ranks`), into `PEOPLE`: two people of a congress
share a colour only once it has more people than colours. A hash of the
author id (as before) gave two of the first eight people the same colour in
one congress out of three. People are never removed from a congress (a
revoked person keeps their row), so nobody's place, and colour, ever changes;
a person added later takes the next one.

Every colour is dark enough for white text on it and as text on white (WCAG
AA, 4.5:1), and the first ten are told apart by the common colour
blindnesses first; the six after them were chosen, among dark colours, as
far as possible from those (OKLab distance, also under simulated deutan and
protan vision). server/web/assets/ubiquite.css holds the same list as the
classes c0…c15 (the pages' CSP refuses inline styles), which
tests/test_palette.py checks.
"""

from __future__ import annotations

from collections.abc import Iterable

PEOPLE = (
    "#1565c0", "#b3261e", "#2e7d32", "#6a1b9a", "#a04a00",
    "#00695c", "#ad1457", "#4e342e", "#37474f", "#827717",
    "#2962ff", "#6200ea", "#1a237e", "#8d6e63", "#9c27b0", "#546e7a",
)  # fmt: skip
SERVER = "#5f6368"  # edits no person made (the demo's seed): grey, with its class `c-server`
# Dark enough for white text and distinct for the common colour blindnesses (Okabe-Ito, darkened).
THEMES = ("#0b5fa5", "#c75300", "#00796b", "#b0006d", "#5e35b1", "#6d6d00", "#8d4b00", "#37474f")
UNSORTED = "#9e9e9e"  # contributions in no theme


def ranks(participant_ids: Iterable[int]) -> dict[int, int]:
    """Each person's place in their congress (0 first), from the ids of all its people."""
    return {pid: place for place, pid in enumerate(sorted(set(participant_ids)))}


def person_colour(rank: int) -> str:
    """The colour of the person at place `rank` in their congress (see `ranks`)."""
    return PEOPLE[rank % len(PEOPLE)]


def person_class(rank: int) -> str:
    """The colour as a class of ubiquite.css (`c0`…`c15`)."""
    return f"c{rank % len(PEOPLE)}"


def theme_colour(index: int) -> str:
    return THEMES[index % len(THEMES)]
