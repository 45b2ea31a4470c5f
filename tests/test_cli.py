"""The organisers' command line against a running server's database: create, invite, demo."""

from __future__ import annotations

import sqlite3

import pytest

from tests.support.access import knock
from tests.support.server import ServerProcess

pytestmark = pytest.mark.anyio


async def test_create_a_congress_and_invite_from_the_terminal(server: ServerProcess) -> None:
    created = server.cli(
        "congress",
        "create",
        "cnen-2026",
        "--title",
        "Congrès national",
        "--edition",
        "6e",
        "--starts",
        "2026-11-23",
        "--organiser",
        "Olga Orga",
    )
    assert created.returncode == 0, created.stderr
    assert "cnen-2026.motion" in created.stdout and "cnen-2026.mindmap" in created.stdout
    assert "organiser link for Olga Orga: http://" in created.stdout
    again = server.cli("congress", "create", "cnen-2026", "--title", "Doublon")
    assert again.returncode == 1 and "already exists" in again.stderr
    bad = server.cli("congress", "create", "Pas.Bon", "--title", "X")
    assert bad.returncode == 1 and "invalid slug" in bad.stderr

    invited = server.cli("invite", "--congress", "cnen-2026", "--role", "participant", "--name", "Aline")
    assert invited.returncode == 0 and invited.stdout.startswith("Aline\thttp://") and "/i/" in invited.stdout
    tokens = server.cli(
        "invite",
        "--congress",
        "cnen-2026",
        "--role",
        "observer",
        "--name",
        "Bot 1",
        "--name",
        "Bot 2",
        "--token-only",
    ).stdout.split()
    assert len(tokens) == 2
    joined = await knock(f"{server.ws('cnen-2026.motion')}?token={tokens[0]}")
    assert joined.synced
    await joined.client.close()
    unknown = server.cli("invite", "--congress", "nope", "--name", "X")
    assert unknown.returncode == 1 and "no congress" in unknown.stderr
    listing = server.cli("congress", "list")
    assert "cnen-2026\tcontributions\t4 people" in listing.stdout


def test_serve_demo_prints_a_working_organiser_link(tmp_path: object) -> None:
    from pathlib import Path

    import httpx

    server = ServerProcess(Path(str(tmp_path)) / "data", args=("--demo",)).start()
    try:
        line = next(line for line in server.log().splitlines() if "organiser link" in line)
        link = line.split(": ", 1)[1].strip()
        with httpx.Client(follow_redirects=True) as http:
            response = http.get(link)
            assert response.status_code == 200 and response.url.path == "/c/demo/organisation"
            # The demo opens on something to look at: the motion's outline drawn from its mind map.
            congress_page = http.get(f"{server.http}/c/demo")
        assert "<h2>Inclusion numérique</h2>" in congress_page.text
        assert "<li>Former les aidants numériques</li>" in congress_page.text
    finally:
        server.stop()
    # A second start keeps what the demo congress became instead of seeding it again.
    again = ServerProcess(Path(str(tmp_path)) / "data", args=("--demo",)).start()
    try:
        listing = again.cli("congress", "list").stdout
        assert listing.count("demo\t") == 1
    finally:
        again.stop()
    database = sqlite3.connect(Path(str(tmp_path)) / "data" / "ubiquite.sqlite3")
    seeded = database.execute("SELECT count(*) FROM update_log WHERE author = 'server:demo'").fetchone()[0]
    database.close()
    assert seeded == 2
