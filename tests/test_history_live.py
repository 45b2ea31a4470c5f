"""History through a real server: authorship after concurrent typing, restore while others type, the
organisers' pages and exports, all through real invitations."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from crdt.history import Change, apply_diff
from tests.support.congress import Congress
from tests.support.server import ServerProcess
from tests.support.yclient import YClient

pytestmark = pytest.mark.anyio
# Each writer types only letters of their own, some of them several bytes long in UTF-8.
ALPHABETS = {"Aïcha Benali": "aé", "Bruno Morel": "bü", "Chloé Petit": "cç€"}


@pytest.fixture(scope="module")
def history_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """Checkpoints every 10 updates, so that authorship goes through its cached runs."""
    process = ServerProcess(
        tmp_path_factory.mktemp("history"), env={"UBIQUITE_CHECKPOINT_EVERY": "10"}
    ).start()
    yield process
    process.stop()


def _api(server: ServerProcess, congress: Congress, token: str) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        base_url=f"{server.http}/api/congresses/{congress.slug}",
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    )


async def _motion(api: httpx.AsyncClient, params: dict[str, Any]) -> str:
    return str((await api.get("/history/at", params=params)).json()["motion"]["markdown"])


async def _type(client: YClient, letters: str, keys: int, rng: random.Random) -> None:
    """Keystroke by keystroke, each at a random place in what this client sees."""
    for _ in range(keys):
        content = str(client.text)
        index = rng.randint(0, len(content))
        client.text.insert(len(content[:index].encode()), rng.choice(letters))  # pycrdt counts bytes
        await asyncio.sleep(rng.uniform(0, 0.01))


async def _converged(clients: list[YClient]) -> str:
    async def same() -> None:
        while len({str(c.text) for c in clients}) != 1:
            await asyncio.sleep(0.02)

    await asyncio.wait_for(same(), 15)
    return str(clients[0].text)


async def test_authorship_matches_each_writer_after_concurrent_typing(history_server: ServerProcess) -> None:
    congress = history_server.congress()
    organiser = congress.invite("organiser", "Odile Organisatrice")
    writers = [
        await YClient(congress.url(token=congress.invite("participant", name))).connect()
        for name in ALPHABETS
    ]
    try:
        await asyncio.gather(
            *(
                _type(client, letters, 40, random.Random(n))
                for n, (client, letters) in enumerate(zip(writers, ALPHABETS.values(), strict=True))
            )
        )
        final = await _converged(writers)
    finally:
        for client in writers:
            await client.close()
    async with _api(history_server, congress, organiser) as api:
        moment = (await api.get("/history/at", params={"authors": "1"})).json()
    assert moment["motion"]["markdown"] == final
    passages = moment["authorship"]
    assert "".join(p["text"] for p in passages) == final
    for passage in passages:
        assert set(passage["text"]) <= set(ALPHABETS[passage["name"]]), passage
    assert {p["name"] for p in passages} == set(ALPHABETS)


async def test_restore_while_others_type_converges_and_is_logged_as_the_organisers_edit(
    history_server: ServerProcess,
) -> None:
    congress = history_server.congress()
    organiser = congress.invite("organiser", "Odile Organisatrice")
    alice = await YClient(congress.url(token=congress.invite("participant", "Aïcha Benali"))).connect()
    bruno = await YClient(congress.url(token=congress.invite("participant", "Bruno Morel"))).connect()
    typing = True

    async def keep_typing(client: YClient, letter: str) -> None:
        while typing:
            client.text.insert(len(str(client.text).encode()), letter)
            await asyncio.sleep(0.01)

    try:
        alice.text.insert(0, "Texte soumis au vote : l'accès au numérique est un droit. ")
        await bruno.wait_for_text(str(alice.text))
        async with _api(history_server, congress, organiser) as api:
            version = (await api.post("/history/versions", json={"name": "texte soumis au vote"})).json()
            bruno.text.insert(len(str(bruno.text).encode()), "Amendement rejeté. ")
            await alice.wait_for(lambda: "rejeté" in str(alice.text))
            writers = [
                asyncio.create_task(keep_typing(alice, "é")),
                asyncio.create_task(keep_typing(bruno, "b")),
            ]
            await asyncio.sleep(0.3)
            response = await api.post("/history/restore", json={"version": version["id"]})
            await asyncio.sleep(0.3)
            typing = False
            await asyncio.gather(*writers)
            final = await _converged([alice, bruno])
            restored = response.json()
            assert response.status_code == 200, restored
            now = (await api.get("/history/at")).json()
            line = (await api.get("/history")).json()
    finally:
        await alice.close()
        await bruno.close()
    assert now["motion"]["markdown"] == final  # the server converged with everyone
    assert "Amendement rejeté" not in final
    assert final.startswith("Texte soumis au vote : l'accès au numérique est un droit. ")
    assert final.count("é") > 0 and final.count("b") > 0  # what they typed after the restore stays
    edit = restored["edits"]["motion"]
    assert edit is not None and edit > version["position"]
    by_organiser = [s for s in line["steps"] if s["name"] == "Odile Organisatrice"]
    assert [(s["kind"], s["first"], s["last"]) for s in by_organiser] == [("motion", edit, edit)]


async def test_diff_between_versions_rebuilds_the_newer_and_exports(history_server: ServerProcess) -> None:
    congress = history_server.congress()
    organiser = congress.invite("organiser", "Odile Organisatrice")
    async with YClient(congress.url(token=congress.invite("participant", "Aïcha Benali"))) as alice:
        alice.text.insert(0, "## Axe 1\n\n1. Former les élu·es au numérique\n")
        async with _api(history_server, congress, organiser) as api:
            first = (await api.post("/history/versions", json={"name": "premier jet"})).json()
            text = str(alice.text)
            alice.text.insert(len(text.encode()), "2. Ouvrir des données publiques\n")
            del alice.text[len(b"## Axe 1\n\n1. ") : len(b"## Axe 1\n\n1. Former")]
            await asyncio.sleep(0.3)
            adopted = (await api.post("/history/versions", json={"name": "texte adopté"})).json()
            diff = (
                await api.get("/history/diff", params={"from": f"v{first['id']}", "to": f"v{adopted['id']}"})
            ).json()
            old = await _motion(api, {"version": first["id"]})
            new = await _motion(api, {"version": adopted["id"]})
            since = {"from": first["position"], "to": "now"}
            as_text = await api.get("/history/diff", params={**since, "format": "txt"})
            as_html = await api.get("/history/diff", params={**since, "format": "html"})
            listed = (await api.get("/history/versions")).json()
    changes = [Change(c["op"], c["text"]) for c in diff["changes"]]
    assert apply_diff(old, changes) == new
    assert any(c["op"] == "delete" and "Former" in c["text"] for c in diff["changes"])
    assert "[- Former -]" in as_text.text and "{+2. Ouvrir" in as_text.text
    assert "<del> Former </del>" in as_html.text and "attachment" in as_html.headers["content-disposition"]
    assert [v["name"] for v in listed] == ["premier jet", "texte adopté"]


async def test_history_pages_are_for_organisers_only(history_server: ServerProcess) -> None:
    congress = history_server.congress()
    organiser = congress.invite("organiser", "Odile Organisatrice")
    participant = congress.invite("participant", "Aïcha Benali")
    async with YClient(congress.url(token=participant)) as alice:
        alice.text.insert(0, "Une phrase.")
        await asyncio.sleep(0.2)
    base = f"{history_server.http}/c/{congress.slug}"
    async with httpx.AsyncClient(timeout=30) as http:
        pages: dict[str, Any] = {}
        for path in ("historique", "rejouer", "comparer"):
            pages[path] = await http.get(f"{base}/{path}", headers={"Authorization": f"Bearer {organiser}"})
            refused = await http.get(f"{base}/{path}", headers={"Authorization": f"Bearer {participant}"})
            assert refused.status_code == 403, path
        api = await http.get(
            f"{history_server.http}/api/congresses/{congress.slug}/history",
            headers={"Authorization": f"Bearer {participant}"},
        )
        svg = await http.get(
            f"{history_server.http}/api/congresses/{congress.slug}/history/activity.svg",
            headers={"Authorization": f"Bearer {organiser}"},
        )
    assert api.status_code == 403
    assert all(page.status_code == 200 for page in pages.values())
    assert "<svg" in pages["historique"].text and "Aïcha Benali" in pages["historique"].text
    assert "Une phrase." in pages["rejouer"].text
    assert svg.headers["content-type"].startswith("image/svg+xml") and "Aïcha Benali" in svg.text
