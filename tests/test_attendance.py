"""server/congress/attendance.py: who is connected to a congress, merged over several processes
("processes" here: Attendances on MemoryBrokers sharing one hub, each with sockets of its own)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field

import pytest

from server.broker.base import BrokerUnavailable
from server.broker.memory import MemoryBroker, MemoryHub
from server.congress.attendance import Attendance, decode_people, encode_people, merge
from server.congress.domain import Identity, Phase, Role, Site
from server.congress.views import Here

pytestmark = pytest.mark.anyio

CONGRESS = 5
SETTLE = 0.05


@dataclass(frozen=True)
class _Present:
    identity: Identity
    rooms: list[str]


@dataclass
class _Sockets:
    """What server/auth/sockets.py SocketRegistry tells: the people connected to one process."""

    people: dict[int, _Present] = field(default_factory=dict)
    told: Callable[[int], None] | None = None

    def connect(self, pid: int, name: str, rooms: list[str], role: Role = Role.PARTICIPANT) -> None:
        site = Site.REMOTE if pid % 2 else Site.ON_SITE
        identity = Identity(pid, name, role, CONGRESS, "x", Phase.WRITING, site=site)
        self.people[pid] = _Present(identity, rooms)
        if self.told is not None:
            self.told(CONGRESS)

    def leave(self, pid: int) -> None:
        del self.people[pid]
        if self.told is not None:
            self.told(CONGRESS)

    def connected(self, congress_id: int) -> list[_Present]:
        return [p for p in self.people.values() if p.identity.congress_id == congress_id]


class _FlakyBroker(MemoryBroker):
    """A MemoryBroker whose link can go down, and come back with the reconnect callbacks run."""

    def __init__(self, hub: MemoryHub, node_id: str) -> None:
        super().__init__(hub, node_id)
        self.down = False
        self.callbacks: list[Callable[[], None]] = []

    def on_reconnect(self, callback: Callable[[], None]) -> None:
        self.callbacks.append(callback)

    async def share(self, key: str, value: bytes | None, ttl: float) -> None:
        if self.down:
            raise BrokerUnavailable("down")
        await super().share(key, value, ttl)

    async def shared(self, key: str) -> dict[str, bytes]:
        if self.down:
            raise BrokerUnavailable("down")
        return await super().shared(key)

    def come_back(self) -> None:
        self.down = False
        for callback in self.callbacks:
            callback()


@dataclass
class _Process:
    sockets: _Sockets
    broker: _FlakyBroker
    attendance: Attendance


@pytest.fixture
async def processes() -> AsyncIterator[list[_Process]]:
    hub = MemoryHub()
    made = []
    for node in ("a", "b"):
        sockets, broker = _Sockets(), _FlakyBroker(hub, node)
        attendance = Attendance(sockets, broker, refresh=0.3, lapse=0.9, settle=SETTLE)
        sockets.told = attendance.changed
        await attendance.start()
        made.append(_Process(sockets, broker, attendance))
    yield made
    for process in made:
        await process.attendance.stop()


async def _names(process: _Process, expected: list[str], timeout: float = 5.0) -> None:
    """Wait until the process's roll names `expected`, each once, in order."""
    deadline = asyncio.get_running_loop().time() + timeout
    names: list[str] = []
    while asyncio.get_running_loop().time() < deadline:
        names = [h.name for h in (await process.attendance.roll(CONGRESS)).here]
        if names == expected:
            return
        await asyncio.sleep(0.02)
    raise AssertionError(f"roll is {names}, expected {expected}")


async def test_one_process_alone_rolls_its_own_sockets_at_once() -> None:
    sockets = _Sockets()
    attendance = Attendance(sockets, MemoryBroker())
    sockets.connect(1, "Zoé", ["x.motion"])
    sockets.connect(2, "aline", ["x.mindmap", "x.motion"])
    roll = await attendance.roll(CONGRESS)  # no task started, nothing written: the sockets themselves
    assert roll.partial is False
    assert roll.here == (
        Here(2, "aline", "participant", ("x.mindmap", "x.motion"), "on_site"),
        Here(1, "Zoé", "participant", ("x.motion",), "remote"),
    )
    assert (await attendance.roll(CONGRESS + 1)).here == ()


async def test_every_process_rolls_the_people_of_every_process(processes: list[_Process]) -> None:
    a, b = processes
    a.sockets.connect(1, "Aline", ["x.motion"])
    b.sockets.connect(2, "Bruno", ["x.mindmap"], Role.OBSERVER)
    for process in processes:
        await _names(process, ["Aline", "Bruno"])
    bruno = (await a.attendance.roll(CONGRESS)).here[1]
    assert bruno == Here(2, "Bruno", "observer", ("x.mindmap",), "on_site")
    b.sockets.leave(2)
    await _names(a, ["Aline"])


async def test_a_person_on_both_processes_counts_once_with_all_their_documents(
    processes: list[_Process],
) -> None:
    a, b = processes
    a.sockets.connect(1, "Aline", ["x.motion"])
    b.sockets.connect(1, "Aline", ["x.mindmap"])
    b.sockets.connect(3, "Chloé", ["x.motion"])
    for process in processes:
        await _names(process, ["Aline", "Chloé"])
        aline = (await process.attendance.roll(CONGRESS)).here[0]
        assert aline.rooms == ("x.mindmap", "x.motion")


async def test_a_stopped_process_takes_its_people_away_at_once(processes: list[_Process]) -> None:
    a, b = processes
    b.sockets.connect(2, "Bruno", ["x.motion"])
    await _names(a, ["Bruno"])
    b.sockets.people.clear()  # its sockets closed while stopping: no renewal waited for
    await b.attendance.stop()
    assert (await a.attendance.roll(CONGRESS)).here == ()


async def test_a_killed_process_s_people_vanish_once_its_entry_lapses(processes: list[_Process]) -> None:
    a, b = processes
    b.sockets.connect(2, "Bruno", ["x.motion"])
    await _names(a, ["Bruno"])
    await asyncio.sleep(0.5)  # beyond one renewal: still there
    assert [h.name for h in (await a.attendance.roll(CONGRESS)).here] == ["Bruno"]
    assert b.attendance._task is not None
    b.attendance._task.cancel()  # kill -9: no removal, no more renewals
    await _names(a, [], timeout=1.5)  # lapse 0.9 s


async def test_while_the_broker_is_away_the_roll_is_this_process_s_own_and_says_so(
    processes: list[_Process],
) -> None:
    a, b = processes
    for process in processes:  # only the reconnection may write the entries again in time
        process.attendance.refresh, process.attendance.lapse = 30.0, 60.0
    a.sockets.connect(1, "Aline", ["x.motion"])
    b.sockets.connect(2, "Bruno", ["x.motion"])
    await _names(a, ["Aline", "Bruno"])
    a.broker.down = b.broker.down = True
    roll = await a.attendance.roll(CONGRESS)
    assert ([h.name for h in roll.here], roll.partial) == (["Aline"], True)
    b.sockets.connect(4, "Denise", ["x.motion"])  # arrives during the outage: not written yet
    a.broker.hub.entries.clear()  # Redis restarted and kept nothing
    await asyncio.sleep(0.2)
    b.broker.come_back()
    a.broker.come_back()
    await _names(a, ["Aline", "Bruno", "Denise"], timeout=0.25)  # written again at once, not at renewal
    assert not (await a.attendance.roll(CONGRESS)).partial


async def test_an_unreadable_entry_of_another_process_is_skipped_and_logged(
    processes: list[_Process], caplog: pytest.LogCaptureFixture
) -> None:
    a, b = processes
    a.sockets.connect(1, "Aline", ["x.motion"])
    await MemoryBroker(a.broker.hub, "future").share("presence:5", b'{"v": 2}', 30)
    await MemoryBroker(a.broker.hub, "bad").share("presence:5", b"\xff", 30)
    with caplog.at_level(logging.ERROR, logger="server.congress.attendance"):
        await _names(b, ["Aline"])
        await _names(b, ["Aline"])
    assert caplog.text.count("ignored the connected people of process") == 2  # once each


def test_an_entry_round_trips_and_a_foreign_one_is_refused() -> None:
    people = [Here(7, "Élodie « É »", "organiser", ("x.motion", "x.mindmap"), "remote")]
    assert decode_people(encode_people(people)) == people
    for bad in (b"[[1, 2, 3]]", b'[[1, "a", "participant", "on_site", [4]]]', b'["x"]', b"{}"):
        with pytest.raises(ValueError):
            decode_people(bad)


def test_merge_keeps_each_person_once_sorted_as_people_read() -> None:
    first = [Here(1, "Émile", "participant", ("x.motion",), "on_site")]
    second = [
        Here(1, "Émile", "participant", ("x.mindmap",), "on_site"),
        Here(2, "eve", "observer", ("x.motion",), "remote"),
        Here(3, "Zora", "participant", ("x.motion",), "on_site"),
    ]
    merged = merge([first, second])
    assert [(h.participant_id, h.rooms) for h in merged] == [
        (1, ("x.mindmap", "x.motion")),
        (2, ("x.motion",)),
        (3, ("x.motion",)),
    ]
