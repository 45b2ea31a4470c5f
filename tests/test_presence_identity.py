"""Presence says who someone is from the server's identity of their socket (issue 12, item 5)."""

from __future__ import annotations

import json

import pytest

from crdt.awareness import PresenceTable, decode_awareness_update, encode_entry, join_entries, with_identity
from tests.support.congress import Congress
from tests.support.yclient import YClient

SERVER_SAYS = {
    "id": "participant:7",
    "name": "Aline",
    "role": "participant",
    "site": "remote",
    "color": "#1565c0",
}


def test_identity_fields_come_from_the_server() -> None:
    claimed = {
        "user": {
            "name": "OrgA",
            "role": "organiser",
            "site": "on_site",
            "id": "participant:1",
            "colorLight": "x",
        },
        "page": "motion",
        "typing": "§ 2",
    }
    state = json.loads(with_identity(json.dumps(claimed), SERVER_SAYS))
    assert state == {"user": SERVER_SAYS, "page": "motion", "typing": "§ 2"}  # colorLight dropped, not kept


def test_other_user_fields_are_kept() -> None:
    state = json.loads(with_identity('{"user": {"name": "X", "cursor": 3}}', SERVER_SAYS))
    assert state["user"] == {"cursor": 3, **SERVER_SAYS}


@pytest.mark.parametrize("sent", ['"OrgA"', "[1, 2]", "42", '{"user": "OrgA"}', '{"user": null}', "{}"])
def test_a_state_of_another_shape_still_says_only_who_the_server_says(sent: str) -> None:
    assert json.loads(with_identity(sent, SERVER_SAYS))["user"] == SERVER_SAYS


def test_gone_stays_gone() -> None:
    assert with_identity("null", SERVER_SAYS) == "null"


def test_the_table_stores_the_rewritten_state() -> None:
    table = PresenceTable()
    update = join_entries([encode_entry(5, 1, json.dumps({"user": {"name": "OrgA", "role": "organiser"}}))])
    assert table.apply("socket-a", update, identity=SERVER_SAYS) == [5]
    (entry,) = decode_awareness_update(join_entries([table.encoded(5)]))
    assert json.loads(entry.state)["user"] == SERVER_SAYS
    assert table.states()[5] == {"user": SERVER_SAYS}


@pytest.mark.anyio
async def test_the_observer_sees_the_real_name_and_role(congress: Congress) -> None:
    participant = congress.invite("participant", "Aline Martin", site="remote")
    observer = congress.invite("observer", "Presse locale")
    async with (
        YClient(congress.url(token=participant)) as aline,
        YClient(congress.url(token=observer)) as press,
    ):
        await aline.set_presence(
            {
                "user": {"name": "OrgA", "role": "organiser", "site": "on_site", "id": "participant:999"},
                "page": "motion",
                "typing": None,
            }
        )
        await press.wait_for(lambda: any(p.get("page") == "motion" for p in press.peers.values()))
        (seen,) = [p for p in press.peers.values() if p.get("page") == "motion"]
    assert seen["user"]["name"] == "Aline Martin"
    assert seen["user"]["role"] == "participant" and seen["user"]["site"] == "remote"
    assert seen["user"]["id"].startswith("participant:") and seen["user"]["id"] != "participant:999"
    assert seen["user"]["color"].startswith("#") and len(seen["user"]["color"]) == 7
