"""The one word catalogue: every word of the server's pages and of the browser client, French and English.

One JSON file per area (`pages.json`, `organiser.json`, `history.json`,
`contributions.json`, `publication.json`, `client.json`), each
`{"key": {"fr": "...", "en": "..."}}`. The browser bundle imports
`client.json` itself (static/src/i18n.js); the organiser-side scripts get
their area's words through their page's configuration. Read once, at import.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

LANGUAGES = ("fr", "en")
HERE = Path(__file__).resolve().parent


class UnknownWord(KeyError):
    """A key no file of the catalogue has: a programming error, caught by tests/test_web_words.py."""


@cache
def table(area: str) -> dict[str, dict[str, str]]:
    """Every word of one area, as stored."""
    with (HERE / f"{area}.json").open(encoding="utf-8") as file:
        data: dict[str, dict[str, str]] = json.load(file)
    return data


def areas() -> list[str]:
    return sorted(path.stem for path in HERE.glob("*.json"))


def word(key: str, lang: str, area: str = "pages", **values: object) -> str:
    """One word in `lang` (French unless "en"), looked up in `area` then in the shared `pages`."""
    entry = table(area).get(key) or table("pages").get(key)
    if entry is None:
        raise UnknownWord(f"{area}:{key}")
    text = entry["en" if lang == "en" else "fr"]
    return text.format(**values) if values else text


def words(area: str, lang: str) -> dict[str, str]:
    """A whole area in one language: what a page hands its script in its configuration."""
    side = "en" if lang == "en" else "fr"
    return {key: entry[side] for key, entry in table(area).items()}


# -- history and themes: numbers as each language writes them -----------------------------------
def number(value: float, lang: str, digits: int = 0) -> str:
    """ "1 234" and "12,5" in French (narrow no-break space, decimal comma); "1,234" and "12.5" in English."""
    text = f"{value:,.{digits}f}"
    if digits:
        text = text.rstrip("0").rstrip(".")
    return text if lang == "en" else text.replace(",", "\u202f").replace(".", ",")
