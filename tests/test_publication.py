"""Publication and export through the real server: the press's page, organisers' downloads, archives."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import httpx
import pytest

from server.settings import Settings
from tests.support.congress import Congress
from tests.support.server import ServerProcess
from tests.support.yclient import YClient

pytestmark = pytest.mark.anyio

FIRST = "# Motion\n\n## Axe 1 : Inclusion\n\n1. Former les élu·es\n2. Créer une œuvre commune\n"


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def _write(congress: Congress, token: str, text: str) -> None:
    async with YClient(congress.url(token=token)) as client:
        await client.connect()
        client.text.insert(len(str(client.text).encode()), text)
        await client.wait_for_text(str(client.text))


async def test_the_press_sees_the_chosen_version_only_while_published(congress: Congress) -> None:
    organiser, writer = congress.invite("organiser", "Olga Orga"), congress.invite("participant", "Aïcha B")
    await _write(congress, writer, FIRST)
    page = f"/p/{congress.slug}"
    api = f"/api/congresses/{congress.slug}/publication"
    async with httpx.AsyncClient(base_url=congress.server.http) as http:
        assert (await http.get(page)).status_code == 404
        assert (await http.get(f"{page}/motion.pdf")).status_code == 404
        assert (await http.post(api, json={"version": "current"})).status_code == 401
        refused = await http.post(api, json={"version": "current"}, headers=_bearer(writer))
        assert refused.status_code == 403

        published = await http.post(api, json={"version": "current"}, headers=_bearer(organiser))
        assert published.status_code == 200, published.text
        position = published.json()["position"]
        assert published.json()["url"].endswith(page)
        await _write(congress, writer, "3. Ajoutée après la publication\n")

        shown = await http.get(page)  # no invitation, no cookie
        assert shown.status_code == 200
        assert '<span class="number">2.</span> Créer une œuvre commune' in shown.text
        assert "Ajoutée après" not in shown.text  # the chosen version, not the live text
        assert "Aïcha B" in shown.text and "Publiée le " in shown.text  # when, in words (Paris)
        assert f"position {position}" not in shown.text  # the log's positions are the organisers' business
        assert "script" not in shown.text.lower()
        docx = await http.get(f"{page}/motion.docx")
        assert docx.status_code == 200 and docx.content.startswith(b"PK")
        assert "attachment" in docx.headers["content-disposition"]

        later = await http.post(api, json={"version": "current"}, headers=_bearer(organiser))
        assert later.json()["position"] > position
        assert "Ajoutée après" in (await http.get(page)).text
        back = await http.post(api, json={"version": position}, headers=_bearer(organiser))
        assert back.json()["position"] == position
        assert "Ajoutée après" not in (await http.get(page)).text

        # The history's named versions ("texte adopté") are versions to publish and export too.
        history = f"/api/congresses/{congress.slug}/history/versions"
        named = await http.post(
            history, json={"name": "texte adopté", "position": position}, headers=_bearer(organiser)
        )
        assert named.status_code == 201, named.text
        version_id = named.json()["id"]
        adopted = await http.post(api, json={"named": version_id}, headers=_bearer(organiser))
        assert adopted.status_code == 200 and adopted.json()["position"] == position
        exported = await http.get(
            f"/api/congresses/{congress.slug}/motion.md",
            params={"named": version_id},
            headers=_bearer(organiser),
        )
        assert exported.status_code == 200 and "Ajoutée après" not in exported.text
        unknown = await http.post(api, json={"named": 10**9}, headers=_bearer(organiser))
        assert unknown.status_code == 400

        withdrawn = await http.delete(api, headers=_bearer(writer))
        assert withdrawn.status_code == 403
        withdrawn = await http.delete(api, headers=_bearer(organiser))
        assert withdrawn.json() == {"published": False, "withdrawn": True}
        assert (await http.get(page)).status_code == 404
        assert (await http.get(f"{page}/motion.md")).status_code == 404


async def test_organisers_download_versions_and_archives_that_import_elsewhere(
    server: ServerProcess, congress: Congress, tmp_path: Path
) -> None:
    organiser, observer = congress.invite("organiser", "Olga Orga"), congress.invite("observer", "AFP")
    writer = congress.invite("participant", "Zoé Éluard")
    await _write(congress, writer, FIRST)
    base = f"/api/congresses/{congress.slug}"
    async with httpx.AsyncClient(base_url=server.http) as http:
        for name in ("md", "html", "pdf", "docx"):
            assert (await http.get(f"{base}/motion.{name}", headers=_bearer(observer))).status_code == 403
            assert (await http.get(f"{base}/motion.{name}")).status_code == 401
        pdf = await http.get(f"{base}/motion.pdf?version=current", headers=_bearer(organiser))
        assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
        markdown = await http.get(f"{base}/motion.md?version=current&lang=en", headers=_bearer(organiser))
        assert FIRST.strip() in markdown.text and "## Contributors" in markdown.text
        assert "Zoé Éluard" in markdown.text
        assert (await http.get(f"{base}/motion.odt", headers=_bearer(organiser))).status_code == 404
        bad = await http.get(f"{base}/motion.md?version=hier", headers=_bearer(organiser))
        assert bad.status_code == 400 and "version" in bad.json()["error"]

        assert (await http.get(f"{base}/archive", headers=_bearer(writer))).status_code == 403
        archive = await http.get(f"{base}/archive", headers=_bearer(organiser))
        assert archive.status_code == 200
        assert "manifest.json" in zipfile.ZipFile(io.BytesIO(archive.content)).namelist()

        refused = await http.post(
            "/api/archives?slug=copie", content=archive.content, headers=_bearer(writer)
        )
        assert refused.status_code == 403
        imported = await http.post(
            "/api/archives?slug=copie", content=archive.content, headers=_bearer(organiser)
        )
        assert imported.status_code == 201, imported.text
        assert imported.json()["slug"] == "copie" and "/i/" in imported.json()["your_link"]
        again = await http.post(
            "/api/archives?slug=copie", content=archive.content, headers=_bearer(organiser)
        )
        assert again.status_code == 422 and "already exists" in again.json()["error"]
        cut = await http.post(
            "/api/archives?slug=autre", content=archive.content[:500], headers=_bearer(organiser)
        )
        assert cut.status_code == 422 and cut.json()["imported"] is False

    # The command line, into a fresh database: the same text comes back.
    path = tmp_path / "congress.zip"
    exported = server.cli("archive", "export", "--congress", congress.slug, str(path))
    assert exported.returncode == 0, exported.stderr
    fresh = ServerProcess(tmp_path / "fresh")
    imported_cli = fresh.cli("archive", "import", str(path), "--organiser", "Olga Orga")
    assert imported_cli.returncode == 0, imported_cli.stderr
    assert "organiser link for Olga Orga" in imported_cli.stdout
    twice = fresh.cli("archive", "import", str(path))
    assert twice.returncode == 1 and "nothing was imported" in twice.stderr
    from server.publication.versions import motion_at
    from server.store.sql import SqlStore

    store = SqlStore(Settings.from_env(fresh.env).database_url)
    await store.start()
    try:
        assert (await motion_at(store, f"{congress.slug}.motion", None)).text == FIRST
    finally:
        await store.stop()
