"""The one word catalogue: every word in French and English, every word a template or script asks for."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from server.words import UnknownWord, areas, table, word, words

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "server" / "web" / "templates"
PLACEHOLDER = re.compile(r"\{(\w*)\}")


def test_every_word_is_in_french_and_english_with_the_same_placeholders() -> None:
    assert {"pages", "client", "organiser", "history", "contributions", "publication"} <= set(areas())
    for area in areas():
        for key, entry in table(area).items():
            assert set(entry) == {"fr", "en"}, (area, key)
            assert entry["fr"] and entry["en"], (area, key)
            assert set(PLACEHOLDER.findall(entry["fr"])) == set(PLACEHOLDER.findall(entry["en"])), (area, key)


def test_every_word_a_template_asks_for_exists() -> None:
    """`t("key")` looks in the page's area then in `pages`; `t("key", area="x")` in x."""
    known = {key for area in areas() for key in table(area)}
    asked = 0
    for path in TEMPLATES.rglob("*.html"):  # the organisers' page's sections are in organiser/
        for key, area in re.findall(r'\bt\("([\w.]+)"(?:, area="(\w+)")?\)', path.read_text()):
            asked += 1
            if area:
                assert key in table(area), (path.name, area, key)
            else:
                assert key in known, (path.name, key)
    assert asked > 100


def test_every_word_the_browser_client_asks_for_exists() -> None:
    client = table("client")
    sources = (ROOT / "static" / "src").rglob("*.js")
    asked = {key for path in sources for key in re.findall(r"\bt\('(\w+)'", path.read_text())}
    assert len(asked) > 30
    assert asked <= set(client), asked - set(client)
    assert (
        "import MESSAGES from '../../server/words/client.json'" in (ROOT / "static/src/i18n.js").read_text()
    )


def test_a_word_in_each_language_and_an_unknown_one_is_an_error() -> None:
    assert word("logout", "fr") == "Se déconnecter" and word("logout", "en") == "Sign out"
    assert word("logout", "de") == "Se déconnecter"  # French unless English is asked for
    assert word("colon", "fr", "history") == " : "
    assert word("placed", "en", "contributions", n=3) == "3 theme(s) placed in the mind map."
    assert words("organiser", "en")["title"] == table("organiser")["title"]["en"]
    with pytest.raises(UnknownWord):
        word("no-such-word", "fr")
