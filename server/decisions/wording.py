"""A vote's result in words: "adopté par 87 voix contre 12, 5 abstentions", and the adopted version's name.

Numbers are written as the language writes them: "1 234" in French (a narrow
no-break space, as `Intl.NumberFormat('fr')` writes it), "1,234" in English.
"""

from __future__ import annotations

from server.decisions.views import Counts
from server.words import word

AREA = "decisions"


def number(n: int, lang: str) -> str:
    grouped = f"{n:,}"
    return grouped if lang == "en" else grouped.replace(",", "\u202f")


def _values(counts: Counts, lang: str) -> dict[str, str]:
    abstain = counts.abstain
    key = "abstention_one" if abstain <= 1 else "abstention_many"  # « 0 abstention », « 5 abstentions »
    if lang == "en" and abstain == 0:
        key = "abstention_many"  # "0 abstentions"
    return {
        "pour": number(counts.for_, lang),
        "contre": number(counts.against, lang),
        "abstentions": word(key, lang, AREA, n=number(abstain, lang)),
    }


def result_sentence(result: str, counts: Counts, lang: str) -> str:
    """ "adopté par 87 voix contre 12, 5 abstentions" (result: adopted, rejected or tied)."""
    return word(f"result_{result}", lang, AREA, **_values(counts, lang))


def adopted_version_name(counts: Counts) -> str:
    """The name of the version a motion vote adopts, in the congress's language (French)."""
    return word("adopted_version", "fr", AREA, **_values(counts, "fr"))
