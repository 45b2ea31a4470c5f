"""Votes and amendment decisions in the record: the history's timeline (JSON and page), the public page
and the exports (issue 15)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from server.app import create_app
from server.decisions.views import Counts
from server.decisions.wording import adopted_version_name, number, result_sentence
from server.settings import Settings
from tests.support.decisions import Hall, open_hall


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    data: Path = tmp_path_factory.mktemp("record")
    settings = Settings.from_env({"UBIQUITE_DATA_DIR": str(data), "SECRET_KEY": "record-tests"})
    with TestClient(create_app(settings), follow_redirects=False) as test_client:
        yield test_client


@pytest.fixture
def decided(client: TestClient) -> Hall:
    """A congress where an amendment was accepted, another rejected, and the motion adopted by vote."""
    hall = open_hall(client)
    for words, new in (("Réduire la fracture", "Combler la fracture"), ("Héberger les", "Garder les")):
        body = {**hall.passage(words), "kind": "replace", "text": new, "reason": ""}
        hall.api("aline", "POST", "amendments", body).raise_for_status()
    first, second = (a["id"] for a in hall.api("aline", "GET", "amendments").json()["amendments"])
    hall.api("organiser", "POST", f"amendments/{first}/accept").raise_for_status()
    hall.api("organiser", "POST", f"amendments/{second}/reject", {"reason": "Hors sujet"}).raise_for_status()
    opened = hall.api(
        "organiser",
        "POST",
        "votes",
        {"subject": {"kind": "motion", "ref": ""}, "title": "Adoption", "secret": True},
    ).json()
    for who, choice in (("aline", "for"), ("bruno", "for"), ("chloe", "against")):
        hall.api(who, "POST", f"votes/{opened['id']}/ballot", {"choice": choice}).raise_for_status()
    hall.api("organiser", "POST", f"votes/{opened['id']}/close").raise_for_status()
    return hall


def organiser_get(hall: Hall, path: str) -> Any:
    return hall.client.get(path, headers={"Authorization": f"Bearer {hall.tokens['organiser']}"})


def test_the_timeline_tells_each_decision_as_an_event(decided: Hall) -> None:
    line = organiser_get(decided, f"/api/congresses/{decided.slug}/history").json()
    events = [(e["kind"], e["subject"], e["outcome"], e["by"]) for e in line["decisions"]]
    assert events == [
        ("amendment", "Amendement de Aline : « Combler la fracture »", "accepté", "Organiser"),
        ("amendment", "Amendement de Aline : « Garder les »", "rejeté — Hors sujet", "Organiser"),
        (
            "vote",
            "Vote « Adoption »",
            "adopté par 2 voix contre 1, 0 abstention (scrutin secret)",
            "Organiser",
        ),
    ]
    accepted, _rejected, vote = line["decisions"]
    assert accepted["position"] and vote["position"] >= accepted["position"]
    page = organiser_get(decided, f"/c/{decided.slug}/historique")
    assert page.status_code == 200
    assert (
        "Décisions" in page.text and "adopté par 2 voix contre 1, 0 abstention (scrutin secret)" in page.text
    )
    english = organiser_get(decided, f"/c/{decided.slug}/historique?lang=en").text
    assert "Decisions" in english and "adopted by 2 votes to 1, 0 abstentions (secret ballot)" in english


def test_the_public_page_and_the_exports_carry_the_results(decided: Hall) -> None:
    published = decided.client.post(
        f"/api/congresses/{decided.slug}/publication",
        json={"version": "current"},
        headers={"Authorization": f"Bearer {decided.tokens['organiser']}"},
    )
    assert published.status_code == 200, published.text
    decided.client.cookies.clear()  # the language an earlier page chose
    page = decided.client.get(f"/p/{decided.slug}").text
    assert (
        "Décisions" in page and "Adoption : adopté par 2 voix contre 1, 0 abstention (scrutin secret)" in page
    )
    markdown = decided.client.get(f"/p/{decided.slug}/motion.md").text
    assert (
        "## Décisions\n\n- Adoption : adopté par 2 voix contre 1, 0 abstention (scrutin secret)" in markdown
    )
    assert "Combler la fracture" in markdown
    for fmt in ("html", "docx"):
        assert decided.client.get(f"/p/{decided.slug}/motion.{fmt}").status_code == 200


def test_an_export_of_a_version_before_the_vote_has_no_result(decided: Hall) -> None:
    line = organiser_get(decided, f"/api/congresses/{decided.slug}/history").json()
    before = line["decisions"][0]["position"] - 1
    markdown = organiser_get(decided, f"/api/congresses/{decided.slug}/motion.md?version={before}").text
    assert "Décisions" not in markdown


def test_results_in_words_and_numbers_in_french_format() -> None:
    counts = Counts(1234, 12, 5)
    assert number(1234, "fr") == "1\u202f234" and number(1234, "en") == "1,234"
    assert (
        adopted_version_name(counts) == "Texte adopté — adopté par 1\u202f234 voix contre 12, 5 abstentions"
    )
    assert result_sentence("rejected", Counts(3, 9, 1), "fr") == "rejeté par 9 voix contre 3, 1 abstention"
    assert result_sentence("tied", Counts(2, 2, 0), "en") == "tied, 2 votes to 2, 0 abstentions: not adopted"
