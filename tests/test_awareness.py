"""crdt.awareness: presence owned by its connection, newest clock wins, echoes ignored."""

from __future__ import annotations

import json

import pytest

from crdt.awareness import (
    AwarenessEntry,
    AwarenessError,
    PresenceTable,
    decode_awareness_update,
    encode_entry,
    join_entries,
)


def _update(*entries: tuple[int, int, object]) -> bytes:
    return join_entries([encode_entry(cid, clock, json.dumps(state)) for cid, clock, state in entries])


def test_first_entry_a_connection_sends_becomes_its_own() -> None:
    table = PresenceTable()
    assert table.apply("alice", _update((1, 1, {"name": "Alice"}))) == [1]
    assert table.owned_id("alice") == 1
    assert table.states() == {1: {"name": "Alice"}}


def test_echoes_of_other_peoples_presence_are_ignored() -> None:
    table = PresenceTable()
    table.apply("alice", _update((1, 1, {"name": "Alice"})))
    table.apply("bob", _update((2, 1, {"name": "Bob"})))
    assert table.apply("bob", _update((1, 1, {"name": "Alice"}), (1, 9, {"name": "spoof"}))) == []
    assert table.states()[1] == {"name": "Alice"}


def test_only_newer_clocks_change_an_entry() -> None:
    table = PresenceTable()
    table.apply("alice", _update((1, 3, {"cursor": 1})))
    assert table.apply("alice", _update((1, 3, {"cursor": 2}))) == []
    assert table.apply("alice", _update((1, 4, {"cursor": 2}))) == [1]


def test_leaving_marks_the_entry_gone_with_a_newer_clock() -> None:
    table = PresenceTable()
    table.apply("alice", _update((1, 3, {"name": "Alice"})))
    assert table.remove_owner("alice") == [1]
    (entry,) = decode_awareness_update(join_entries([table.encoded(1)]))
    assert (entry.clock, entry.state) == (4, "null")
    assert len(table) == 0


def test_reconnecting_client_is_announced_with_a_clock_peers_accept() -> None:
    table = PresenceTable()
    table.apply("old-socket", _update((1, 3, {"name": "Alice"})))
    table.remove_owner("old-socket")
    assert table.apply("new-socket", _update((1, 3, {"name": "Alice"}))) == [1]
    entry = table.entry(1)
    assert entry is not None and entry.clock == 5 and json.loads(entry.state) == {"name": "Alice"}


def test_stale_entries_expire() -> None:
    table = PresenceTable()
    table.apply("alice", _update((1, 1, {})), now=0.0)
    assert table.expire(30.0, now=10.0) == []
    assert table.expire(30.0, now=31.0) == [1]


@pytest.mark.parametrize("state", ["{not json", "[" * 40 + "]" * 40, '"' + "x" * 9000 + '"'])
def test_states_browsers_could_not_parse_are_refused(state: str) -> None:
    with pytest.raises(AwarenessError):
        PresenceTable().apply("mallory", join_entries([encode_entry(1, 1, state)]))


def test_a_gone_process_takes_its_entries_and_only_its_entries() -> None:
    table = PresenceTable()
    table.apply_remote("node-a", [AwarenessEntry(1, 3, '{"n":1}'), AwarenessEntry(2, 1, '{"n":2}')], 0.0)
    table.apply_remote("node-b", [AwarenessEntry(3, 1, '{"n":3}')], 0.0)
    table.apply("local", join_entries([encode_entry(4, 1, '{"n":4}')]), 0.0)
    assert sorted(table.drop_origin("node-a", 1.0)) == [1, 2]
    assert sorted(table.live_ids()) == [3, 4]
    entry = table.entry(1)
    assert entry is not None and entry.state == "null" and entry.clock == 4
    assert table.drop_origin("node-a", 2.0) == []
