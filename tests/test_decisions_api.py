"""The amendments', pen's and votes' JSON routes, in this process: every route, each bad input of
issue 15 refused with a clear answer and nothing counted, and what the record keeps."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, text
from starlette.testclient import TestClient

from server.app import create_app
from server.congress.domain import room_name
from server.settings import Settings
from tests.support.decisions import MOTION, Hall, anchor_at, open_hall


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    data: Path = tmp_path_factory.mktemp("decisions")
    settings = Settings.from_env({"UBIQUITE_DATA_DIR": str(data), "SECRET_KEY": "decisions-tests"})
    with TestClient(create_app(settings), follow_redirects=False) as test_client:
        yield test_client


@pytest.fixture
def hall(client: TestClient) -> Hall:
    return open_hall(client)


def propose(
    hall: Hall, who: str = "aline", words: str = "Réduire la fracture", new: str = "Combler la fracture"
) -> Any:
    body = {**hall.passage(words), "kind": "replace", "text": new, "reason": "plus juste", "axis": ""}
    return hall.api(who, "POST", "amendments", body)


def refused(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    assert body["error"] == code and body["message"], body
    return body


# -- amendments ---------------------------------------------------------------------------------


def test_an_amendment_is_proposed_on_a_passage_and_listed_for_everyone(hall: Hall) -> None:
    made = propose(hall)
    assert made.status_code == 201, made.text
    amendment = made.json()
    assert amendment["author"] == {"id": hall.ids["aline"], "name": "Aline"}
    assert (amendment["kind"], amendment["status"], amendment["outdated"]) == ("replace", "open", False)
    assert (amendment["original"], amendment["text"]) == ("Réduire la fracture", "Combler la fracture")
    assert amendment["supporters"] == 0 and amendment["supported_by_me"] is False
    assert amendment["created_at"].endswith("+00:00") and amendment["decided_at"] is None
    listed = hall.api("observer", "GET", "amendments").json()
    assert [a["id"] for a in listed["amendments"]] == [amendment["id"]]
    assert listed["pen"] == {"on": False, "holders": [], "version": 0}
    live = json.loads(hall.live()["amendments"][str(amendment["id"])])
    assert live["text"] == "Combler la fracture" and "supported_by_me" not in live and live["version"] == 1


def test_a_passage_that_changed_or_is_not_known_yet_is_refused(hall: Hall) -> None:
    body = {**hall.passage("Réduire la fracture"), "kind": "replace", "text": "x", "reason": ""}
    refused(
        hall.api("aline", "POST", "amendments", {**body, "expected": "Réduire la"}), 409, "passage_changed"
    )
    unknown = {**body, "start": "AAGQTgA="}  # client 1, clock 10000: not received (yet)
    refused(hall.api("aline", "POST", "amendments", unknown), 409, "anchor_unknown")
    refused(hall.api("aline", "POST", "amendments", {**body, "start": "@@@"}), 400, "bad_anchor")
    refused(hall.api("aline", "POST", "amendments", {**body, "start": "AQRub3BlAA=="}), 400, "bad_anchor")
    assert hall.api("aline", "GET", "amendments").json()["amendments"] == []


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"kind": "delete"}, "kind"),
        ({"text": ""}, "text"),
        ({"text": "x" * 2001}, "text"),
        ({"reason": "x" * 501}, "reason"),
        ({"text": 12}, "text"),
        ({"start": None}, "start"),
        ({"expected": ""}, "expected"),
        ({"text": "Réduire la fracture"}, "text"),  # the same wording
    ],
)
def test_a_bad_amendment_body_is_refused_naming_its_field(
    hall: Hall, change: dict[str, Any], field: str
) -> None:
    body = {**hall.passage("Réduire la fracture"), "kind": "replace", "text": "Combler", "reason": ""}
    answer = refused(hall.api("aline", "POST", "amendments", {**body, **change}), 400, "invalid")
    assert field in answer["message"]
    english = hall.client.post(
        f"/api/c/{hall.slug}/amendments?lang=en",
        json={**body, **change},
        headers={"Authorization": f"Bearer {hall.tokens['aline']}"},
    )
    assert field in english.json()["message"] and english.json()["message"] != answer["message"]


def test_observers_and_strangers_neither_propose_nor_see(hall: Hall) -> None:
    refused(propose(hall, "observer"), 403, "observer")
    assert hall.api("stranger", "GET", "amendments").status_code == 403
    assert hall.api("revoked", "GET", "amendments").status_code == 401


def test_supporting_counts_once_and_not_by_the_author(hall: Hall) -> None:
    amendment = propose(hall).json()
    path = f"amendments/{amendment['id']}/support"
    backed = hall.api("bruno", "POST", path).json()
    assert backed["supporters"] == 1 and backed["supported_by_me"] is True
    assert hall.api("bruno", "POST", path).json()["supporters"] == 1
    assert hall.api("chloe", "POST", path).json()["supporters"] == 2
    refused(hall.api("aline", "POST", path), 403, "own_amendment")
    refused(hall.api("observer", "POST", path), 403, "observer")
    dropped = hall.api("bruno", "DELETE", path).json()
    assert dropped["supporters"] == 1 and dropped["supported_by_me"] is False
    refused(hall.api("bruno", "POST", "amendments/999999/support"), 404, "not_found")


def test_only_its_author_withdraws_an_open_amendment(hall: Hall) -> None:
    amendment = propose(hall).json()
    path = f"amendments/{amendment['id']}/withdraw"
    refused(hall.api("bruno", "POST", path), 403, "not_author")
    withdrawn = hall.api("aline", "POST", path).json()
    assert withdrawn["status"] == "withdrawn"
    refused(hall.api("aline", "POST", path), 409, "not_open")
    refused(hall.api("bruno", "POST", f"amendments/{amendment['id']}/support"), 409, "not_open")


def test_accepting_applies_the_change_as_an_edit_by_its_author(hall: Hall) -> None:
    amendment = propose(hall).json()
    path = f"amendments/{amendment['id']}/accept"
    assert hall.api("bruno", "POST", path).status_code == 403  # organisers only, at the door
    accepted = hall.api("organiser", "POST", path)
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["status"] == "accepted"
    assert accepted.json()["decided_by"] == {"id": hall.ids["organiser"], "name": "Organiser"}
    assert hall.text() == MOTION.replace("Réduire la fracture", "Combler la fracture")
    history = hall.services.history

    async def authors() -> list[str]:
        marks = await history.marks(hall.slug)
        return [m.author for m in marks["motion"].items]

    assert hall.client.portal.call(authors)[-1] == f"participant:{hall.ids['aline']}"  # type: ignore[union-attr]
    row = hall.services.decisions.amendment(amendment["id"])
    assert row.position is not None
    refused(hall.api("organiser", "POST", path), 409, "not_open")


def test_an_amendment_whose_passage_was_rewritten_is_marked_outdated_not_applied(hall: Hall) -> None:
    amendment = propose(hall).json()
    start = hall.motion.encode().index("Réduire".encode())
    hall.edit(
        lambda t: (t.__delitem__(slice(start, start + len("Réduire".encode()))), t.insert(start, "Diminuer"))
    )
    before = hall.text()
    refused(hall.api("organiser", "POST", f"amendments/{amendment['id']}/accept"), 409, "outdated")
    assert hall.text() == before
    listed = hall.api("aline", "GET", "amendments").json()["amendments"][0]
    assert listed["status"] == "open" and listed["outdated"] is True


def test_typing_around_a_passage_keeps_it_and_the_watch_marks_a_rewrite(hall: Hall) -> None:
    amendment = propose(hall).json()
    hall.edit(lambda t: t.insert(0, "Préambule. "))  # before the passage: it still reads the same
    accepted_later = hall.api("aline", "GET", "amendments").json()["amendments"][0]
    assert accepted_later["outdated"] is False
    start = hall.text().encode().index(b"fracture")
    hall.edit(lambda t: t.insert(start, "grande "), author=f"participant:{hall.ids['bruno']}")

    async def look() -> int:
        return int(await hall.services.amendments.check_passages(hall.slug))

    assert hall.client.portal.call(look) == 1  # type: ignore[union-attr]
    assert hall.api("aline", "GET", "amendments").json()["amendments"][0]["outdated"] is True
    assert json.loads(hall.live()["amendments"][str(amendment["id"])])["outdated"] is True


def test_rejecting_keeps_the_reason(hall: Hall) -> None:
    amendment = propose(hall).json()
    path = f"amendments/{amendment['id']}/reject"
    refused(hall.api("organiser", "POST", path, {"reason": "x" * 501}), 400, "invalid")
    rejected = hall.api("organiser", "POST", path, {"reason": "Hors sujet"}).json()
    assert rejected["status"] == "rejected" and rejected["decision_reason"] == "Hors sujet"
    assert hall.text() == MOTION


def test_a_new_proposal_under_an_axis_goes_on_its_own_numbered_line(hall: Hall) -> None:
    at = hall.motion.index("## Souveraineté")
    body = {
        "kind": "insert",
        "start": anchor_at(hall.motion, at),
        "end": anchor_at(hall.motion, at),
        "expected": "",
        "text": "Ouvrir les codes sources publics.",
        "reason": "",
        "axis": "Égalité d’accès au numérique",
    }
    refused(hall.api("aline", "POST", "amendments", {**body, "axis": "Nulle part"}), 400, "invalid")
    made = hall.api("aline", "POST", "amendments", body)
    assert made.status_code == 201, made.text
    hall.api("organiser", "POST", f"amendments/{made.json()['id']}/accept").raise_for_status()
    assert (
        "2. Former 10 000 aidants 😀 d’ici 2028.\n\n3. Ouvrir les codes sources publics.\n## Souveraineté"
        in hall.text()
    )


# -- pen mode -----------------------------------------------------------------------------------


def test_pen_mode_names_its_holders(hall: Hall) -> None:
    assert hall.api("aline", "POST", "pen", {"on": True, "holders": []}).status_code == 403
    refused(hall.api("organiser", "POST", "pen", {"on": "yes", "holders": []}), 400, "invalid")
    refused(hall.api("organiser", "POST", "pen", {"on": True, "holders": ["x"]}), 400, "invalid")
    refused(
        hall.api("organiser", "POST", "pen", {"on": True, "holders": [hall.ids["observer"]]}),
        404,
        "unknown_person",
    )
    pen = hall.api("organiser", "POST", "pen", {"on": True, "holders": [hall.ids["bruno"]]}).json()
    assert pen == {"on": True, "holders": [{"id": hall.ids["bruno"], "name": "Bruno"}], "version": 1}
    assert hall.api("chloe", "GET", "amendments").json()["pen"]["on"] is True
    assert json.loads(hall.live()["pen"]["state"])["holders"][0]["name"] == "Bruno"
    assert propose(hall, "chloe").status_code == 201  # everyone else proposes amendments


# -- votes --------------------------------------------------------------------------------------


def open_vote(hall: Hall, **fields: Any) -> dict[str, Any]:
    body = {
        "subject": {"kind": "motion", "ref": ""},
        "title": "Adoption de la motion",
        "secret": False,
        **fields,
    }
    opened = hall.api("organiser", "POST", "votes", body)
    assert opened.status_code == 201, opened.text
    result: dict[str, Any] = opened.json()
    return result


def ballot(hall: Hall, who: str, vote_id: int, choice: str = "for") -> Any:
    return hall.api(who, "POST", f"votes/{vote_id}/ballot", {"choice": choice})


def test_a_vote_counts_one_ballot_per_person_and_refuses_the_rest(hall: Hall) -> None:
    vote = open_vote(hall)
    assert (
        vote["eligible"] == 4
        and vote["status"] == "open"
        and vote["counts"] == {"for": 0, "against": 0, "abstain": 0}
    )
    refused(
        hall.api("organiser", "POST", "votes", {"subject": {"kind": "motion", "ref": ""}, "title": "Bis"}),
        409,
        "vote_open",
    )
    assert ballot(hall, "aline", vote["id"]).json() == {"cast": True}
    refused(ballot(hall, "aline", vote["id"], "against"), 409, "already_voted")  # another tab or device
    refused(ballot(hall, "observer", vote["id"]), 403, "observer")
    assert ballot(hall, "revoked", vote["id"]).status_code == 401
    refused(ballot(hall, "bruno", hall.other_vote), 404, "not_found")  # another congress's vote
    refused(ballot(hall, "bruno", vote["id"], "maybe"), 400, "invalid")
    ballot(hall, "bruno", vote["id"], "against").raise_for_status()
    seen = hall.api("aline", "GET", f"votes/{vote['id']}").json()
    assert seen["cast"] == 2 and seen["counts"] is None and seen["my_choice"] == "for"  # not shown: hidden
    assert hall.api("organiser", "GET", f"votes/{vote['id']}").json()["counts"] == {
        "for": 1,
        "against": 1,
        "abstain": 0,
    }
    closed = hall.api("organiser", "POST", f"votes/{vote['id']}/close").json()
    assert (closed["status"], closed["result"], closed["cast"]) == ("closed", "tied", 2)
    refused(ballot(hall, "chloe", vote["id"]), 409, "vote_closed")
    final = hall.api("chloe", "GET", "votes").json()["votes"]
    assert [(v["id"], v["cast"], v["counts"]) for v in final] == [
        (vote["id"], 2, {"for": 1, "against": 1, "abstain": 0})
    ]
    assert json.loads(hall.live()["votes"][str(vote["id"])])["status"] == "closed"


def test_the_projector_shows_a_named_count_and_never_a_secret_one_before_it_closes(hall: Hall) -> None:
    vote = open_vote(hall)
    ballot(hall, "aline", vote["id"])
    shown = hall.api("organiser", "POST", f"votes/{vote['id']}/projector", {"shown": True}).json()
    assert shown["shown"] is True
    assert hall.api("chloe", "GET", f"votes/{vote['id']}").json()["counts"] == {
        "for": 1,
        "against": 0,
        "abstain": 0,
    }
    hall.api("organiser", "POST", f"votes/{vote['id']}/close").raise_for_status()
    secret = open_vote(hall, secret=True, title="Vote à bulletin secret")
    ballot(hall, "aline", secret["id"], "against")
    hall.api("organiser", "POST", f"votes/{secret['id']}/projector", {"shown": True}).raise_for_status()
    for who in ("organiser", "chloe"):
        assert hall.api(who, "GET", f"votes/{secret['id']}").json()["counts"] is None
    assert hall.api("aline", "GET", f"votes/{secret['id']}").json()["my_choice"] == "cast"
    live = json.loads(hall.live()["votes"][str(secret["id"])])
    assert live["counts"] is None and live["cast"] == 1
    hall.api("organiser", "POST", f"votes/{secret['id']}/close").raise_for_status()
    assert hall.api("chloe", "GET", f"votes/{secret['id']}").json()["counts"] == {
        "for": 0,
        "against": 1,
        "abstain": 0,
    }


def test_a_vote_past_its_time_takes_no_ballot_and_reads_closed(hall: Hall) -> None:
    vote = open_vote(hall, duration_s=10)
    ballot(hall, "aline", vote["id"]).raise_for_status()
    with hall.services.decisions.engine.begin() as connection:  # its ten seconds are up
        connection.execute(
            text("UPDATE vote SET closes_at = :t WHERE id = :v"), {"t": time.time() - 1, "v": vote["id"]}
        )
    refused(ballot(hall, "bruno", vote["id"]), 409, "vote_closed")
    seen = hall.api("bruno", "GET", f"votes/{vote['id']}").json()
    assert (seen["status"], seen["cast"], seen["result"]) == ("closed", 1, "adopted")
    for bad in (
        {"duration_s": 5},
        {"duration_s": "60"},
        {"secret": "no"},
        {"title": ""},
        {"subject": "motion"},
    ):
        refused(
            hall.api(
                "organiser", "POST", "votes", {"subject": {"kind": "motion", "ref": ""}, "title": "T", **bad}
            ),
            400,
            "invalid",
        )


def test_a_motion_adopted_names_the_adopted_version_with_its_result(hall: Hall) -> None:
    vote = open_vote(hall)
    for who, choice in (("aline", "for"), ("bruno", "for"), ("chloe", "abstain"), ("organiser", "against")):
        ballot(hall, who, vote["id"], choice).raise_for_status()
    hall.api("organiser", "POST", f"votes/{vote['id']}/close").raise_for_status()
    versions = hall.client.get(
        f"/api/congresses/{hall.slug}/history/versions",
        headers={"Authorization": f"Bearer {hall.tokens['organiser']}"},
    ).json()
    assert [v["name"] for v in versions] == ["Texte adopté — adopté par 2 voix contre 1, 1 abstention"]


def test_a_vote_on_an_amendment_decides_it(hall: Hall) -> None:
    adopted = propose(hall).json()
    vote = open_vote(hall, subject={"kind": "amendment", "ref": str(adopted["id"])}, title="Amendement 1")
    assert hall.api("aline", "GET", "amendments").json()["amendments"][0]["vote_id"] == vote["id"]
    ballot(hall, "bruno", vote["id"]).raise_for_status()
    hall.api("organiser", "POST", f"votes/{vote['id']}/close").raise_for_status()
    decided = hall.api("aline", "GET", "amendments").json()["amendments"][0]
    assert decided["status"] == "accepted" and decided["decision_reason"].startswith(
        "adopté par 1 voix contre 0"
    )
    assert "Combler la fracture" in hall.text()
    lost = propose(hall, words="Héberger les données", new="Garder les données").json()
    vote = open_vote(hall, subject={"kind": "amendment", "ref": str(lost["id"])}, title="Amendement 2")
    ballot(hall, "bruno", vote["id"], "against").raise_for_status()
    hall.api("organiser", "POST", f"votes/{vote['id']}/close").raise_for_status()
    assert hall.api("aline", "GET", "amendments").json()["amendments"][1]["status"] == "rejected"
    refused(
        hall.api(
            "organiser", "POST", "votes", {"subject": {"kind": "amendment", "ref": "999999"}, "title": "?"}
        ),
        404,
        "not_found",
    )


def test_a_secret_vote_s_storage_links_no_person_to_a_choice(
    hall: Hall, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    vote = open_vote(hall, secret=True, title="Vote secret")
    for who, choice in (("aline", "against"), ("bruno", "for"), ("chloe", "against")):
        ballot(hall, who, vote["id"], choice).raise_for_status()
    hall.api("organiser", "POST", f"votes/{vote['id']}/close").raise_for_status()
    engine = hall.services.decisions.engine
    columns = {c["name"] for c in inspect(engine).get_columns("ballot")}
    assert columns == {"vote_id", "participant_id"}  # no choice, no time, no id of its own
    voters = {hall.ids[w] for w in ("aline", "bruno", "chloe")}
    with engine.connect() as connection:
        ballots = connection.execute(
            text("SELECT participant_id FROM ballot WHERE vote_id = :v"), {"v": vote["id"]}
        ).all()
        named = connection.execute(
            text("SELECT * FROM named_choice WHERE vote_id = :v"), {"v": vote["id"]}
        ).all()
        row = connection.execute(
            text("SELECT count_for, count_against, count_abstain FROM vote WHERE id = :v"), {"v": vote["id"]}
        ).one()
        # No other table holds a row naming one of them next to a choice word.
        for table in inspect(engine).get_table_names():
            if table in ("update_log", "checkpoint"):
                continue
            for found in connection.execute(text(f"SELECT * FROM {table}")).mappings():
                values = {str(v) for v in found.values()}
                people = {k for k, v in found.items() if k.endswith("_id") and v in voters}
                assert not (people and values & {"for", "against", "abstain"}), (table, dict(found))
    assert {b[0] for b in ballots} == voters and named == [] and tuple(row) == (1, 2, 0)
    for record in caplog.records:
        line = record.getMessage()
        assert not (("against" in line or "'for'" in line) and any(str(p) in line for p in voters)), line


def test_the_tally_room_is_the_organisers_and_counts_the_largest_cast(hall: Hall) -> None:
    vote = open_vote(hall)
    ballot(hall, "aline", vote["id"]).raise_for_status()
    ballot(hall, "bruno", vote["id"], "abstain").raise_for_status()
    deadline = time.time() + 5
    tallies: dict[str, Any] = {}
    while time.time() < deadline:
        tallies = hall.live("tally")["tallies"]
        if tallies and max(json.loads(v)["cast"] for v in tallies.values()) == 2:
            break
        time.sleep(0.05)
    (key,) = tallies
    assert key.startswith(f"{vote['id']}@")
    assert json.loads(tallies[key]) == {"for": 1, "against": 0, "abstain": 1, "cast": 2}
    rooms = {d.room for d in hall.services.directory.documents(hall.congress_id)}
    assert {room_name(hall.slug, "decisions"), room_name(hall.slug, "tally")} <= rooms


def test_a_timed_vote_closes_itself_once_whoever_races_to_close_it(hall: Hall) -> None:
    vote = open_vote(hall, duration_s=10)
    ballot(hall, "aline", vote["id"]).raise_for_status()
    with hall.services.decisions.engine.begin() as connection:  # its ten seconds are up; nobody reads it
        connection.execute(
            text("UPDATE vote SET closes_at = :t WHERE id = :v"), {"t": time.time() - 1, "v": vote["id"]}
        )
    votes = hall.services.votes
    row = hall.services.decisions.vote(vote["id"])
    before = votes.closed_here

    async def race() -> list[Any]:
        # Two closers at once (two processes' timers, or a timer and a reader): the database decides.
        return list(await asyncio.gather(votes.close_now(hall.slug, row), votes.close_now(hall.slug, row)))

    first, second = hall.client.portal.call(race)  # type: ignore[union-attr]
    assert votes.closed_here == before + 1 and first.status == second.status == "closed"
    versions = hall.services.history.records.versions(hall.congress_id)
    assert [v.name for v in versions] == ["Texte adopté — adopté par 1 voix contre 0, 0 abstention"]  # once


def test_the_closer_closes_a_vote_at_its_time_with_nobody_asking(hall: Hall) -> None:
    vote = open_vote(hall, duration_s=10)
    with hall.services.decisions.engine.begin() as connection:
        connection.execute(
            text("UPDATE vote SET closes_at = :t WHERE id = :v"), {"t": time.time() - 1, "v": vote["id"]}
        )
    deadline = time.time() + 10 * hall.services.closer.poll  # a busy machine: the next polls
    while time.time() < deadline and hall.services.decisions.vote(vote["id"]).status == "open":
        time.sleep(0.1)
    assert hall.services.decisions.vote(vote["id"]).status == "closed"
    assert json.loads(hall.live()["votes"][str(vote["id"])])["status"] == "closed"
