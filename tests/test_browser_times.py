"""Issue 13, bug 8: one version, one time. The replay, the compare page, the public page and the
exports show the congress's time zone (Europe/Paris by default, whatever the server's clock), in
French words, and in English with ?lang=en."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from tests.support.browser import People, wait_until
from tests.test_browser_frozen import _api

PARIS = ZoneInfo("Europe/Paris")
MOTION_TEXT = "window.ubiquite.rooms.motion.doc.getText('text').toString()"
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]  # fmt: skip


def _french(moment: dt.datetime) -> str:
    day = "1er" if moment.day == 1 else str(moment.day)
    return f"{day} {MONTHS[moment.month - 1]} {moment.year}, {moment:%H} h {moment:%M}"


def test_one_version_shows_one_time_in_the_congress_zone(people: People) -> None:
    organiser = people.open("/c/heure/motion", name="Olga Orga", role="organiser")
    organiser.click(".cm-content")
    organiser.keyboard.insert_text("# Motion\n\nUn texte daté.\n")
    written = dt.datetime.now(PARIS)
    wait_until(organiser, lambda: organiser.evaluate(MOTION_TEXT).endswith("daté.\n"), what="the text")
    organiser.wait_for_timeout(300)  # the log is written in batches
    published = _api(organiser, "POST", "/api/congresses/heure/publication", {"version": "current"})
    position = published["position"]
    expected = {_french(written + dt.timedelta(minutes=d)) for d in (-1, 0, 1)}

    public = organiser.context.new_page()
    public.goto(f"{people.server.http}/p/heure")
    shown = public.inner_text("body")
    assert any(f"Texte au {e}" in shown for e in expected), shown

    replay = organiser.context.new_page()
    replay.goto(f"{people.server.http}/c/heure/rejouer?position={position}")
    where = replay.inner_text("#where")
    assert not re.search(r"\d{4}-\d{2}-\d{2}", where), where
    assert any(e in where for e in expected), where

    markdown = public.request.get(f"{people.server.http}/p/heure/motion.md").text()
    assert any(e in markdown for e in expected), markdown

    public.goto(f"{people.server.http}/p/heure?lang=en")
    english = written.strftime("%B")
    assert f"{written.day} {english} {written.year}, " in public.inner_text("body")
