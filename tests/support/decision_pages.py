"""Helpers for the browser tests of amendments and votes (issue 15): the pages as people use them."""

from __future__ import annotations

from typing import Any

from tests.support.browser import People, wait_for_js, wait_until

MOTION_TEXT = "window.ubiquite.rooms.motion.doc.getText('text').toString()"
API = """async ([method, path, body]) => {
    const r = await fetch(path, {method, credentials: 'same-origin', body: body && JSON.stringify(body),
      headers: {'Content-Type': 'application/json', 'X-Ubiquite-Request': '1'}})
    return [r.status, await r.json().catch(() => null)]
}"""
# Select `needle` in the motion's editor as a mouse would: a DOM selection inside the editor's
# content, which CodeMirror reads back into its own selection.
SELECT = """(needle) => {
    const content = document.querySelector('.cm-content')
    content.focus()
    const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.data.indexOf(needle)
        if (at < 0) continue
        const range = document.createRange()
        range.setStart(node, at)
        range.setEnd(node, at + needle.length)
        const selection = getSelection()
        selection.removeAllRanges()
        selection.addRange(range)
        return true
    }
    return false
}"""


def api(page: Any, method: str, path: str, body: object = None) -> tuple[int, Any]:
    """A JSON call from the page, with its session cookie: (status, answer)."""
    status, answer = page.evaluate(API, [method, path, body])
    return int(status), answer


def api_ok(page: Any, method: str, path: str, body: object = None) -> Any:
    status, answer = api(page, method, path, body)
    assert status in (200, 201), (method, path, status, answer)
    return answer


def to_writing(organiser: Any, slug: str) -> None:
    """From contributions to the writing phase, as organisers do before the congress day."""
    for phase in ("themes", "writing"):
        api_ok(organiser, "POST", f"/api/congresses/{slug}/phase", {"phase": phase})


def select_text(page: Any, needle: str) -> None:
    assert page.evaluate(SELECT, needle), f"{needle!r} is not in the editor"
    wait_for_js(page, "!document.querySelector('.amend-tools button').disabled")


def organiser_page(people: People, motion_page: Any) -> Any:
    """The organisers' page of the same person, in a second tab of their browser."""
    page = motion_page.context.new_page()
    page.on("pageerror", lambda error: people.errors.append(f"organiser page: {error}"))
    page.on("dialog", lambda dialog: dialog.accept())
    slug = motion_page.url.split("/c/")[1].split("/")[0]
    page.goto(f"{people.server.http}/c/{slug}/organisation")
    wait_for_js(page, "window.ubiquiteDecisions && window.ubiquiteDecisions.synced")
    return page


def second_tab(people: People, page: Any, path: str) -> Any:
    """Another tab of the same person (same session), on an editor page."""
    tab = page.context.new_page()
    tab.on("pageerror", lambda error: people.errors.append(f"second tab: {error}"))
    tab.goto(f"{people.server.http}{path}")
    wait_for_js(tab, "window.ubiquite && window.ubiquite.rooms.motion.provider.synced")
    return tab


def wait_text(page: Any, expression: str, expected: str, timeout: float = 10.0) -> None:
    wait_until(page, lambda: page.evaluate(expression) == expected, timeout, f"{expression} == {expected!r}")


def vote(page: Any, choice: str) -> None:
    """Pour / Contre / Abstention, then confirm, on the vote panel of an editor page."""
    page.locator(f".vote-panel button.choice-{choice}").click()
    page.locator(".vote-panel button.confirm-vote").click()
