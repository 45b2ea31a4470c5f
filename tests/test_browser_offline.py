"""Offline in real Chromium: edits made offline survive a reload and reach the others on reconnection."""

from __future__ import annotations

from tests.support.browser import People, wait_for_js, wait_until

MOTION_TEXT = "window.ubiquite.rooms.motion.doc.getText('text').toString()"


def test_offline_edits_survive_a_reload_and_arrive(people: People) -> None:
    alice = people.open("/c/horsligne/motion", name="Alice Martin", site="remote")
    bob = people.open("/c/horsligne/motion", name="Bruno Diallo")
    assert alice.evaluate("window.ubiquite.offlineReady"), "the page could not be kept for offline use"

    alice.context.set_offline(True)
    status = alice.locator(".connection")
    alice.wait_for_selector(".connection[data-state=offline]")
    alice.click(".cm-content")
    alice.keyboard.insert_text("Écrit dans le train, sans réseau.")
    alice.wait_for_selector(".connection[data-unsent='1']")
    assert "1 modification non envoyée" in status.inner_text()

    # Reload while still offline: the page comes from the cache, the text from IndexedDB.
    alice.reload()
    wait_for_js(alice, "window.ubiquite && window.ubiquite.rooms.motion.local.synced")
    assert alice.evaluate(MOTION_TEXT) == "Écrit dans le train, sans réseau."
    assert "1 modification non envoyée" in alice.locator(".connection").inner_text()
    assert bob.evaluate(MOTION_TEXT) == ""

    alice.context.set_offline(False)
    wait_until(bob, lambda: bob.evaluate(MOTION_TEXT) == "Écrit dans le train, sans réseau.", what="the text")
    alice.wait_for_selector(".connection[data-state=connected][data-unsent='0']")


def test_signing_out_leaves_nothing_of_the_congress_in_the_browser(people: People) -> None:
    """Laptops in the room are shared: after sign-out, the kept documents and pages are gone."""
    alice = people.open("/c/partage/motion", name="Alice Martin")
    alice.click(".cm-content")
    alice.keyboard.insert_text("Brouillon confidentiel")
    wait_for_js(alice, "window.ubiquite.rooms.motion.local.synced")
    assert alice.evaluate("indexedDB.databases().then(list => list.length)") > 0
    alice.goto(alice.url.replace("/motion", ""))
    alice.get_by_role("button", name="Se déconnecter").click()
    alice.wait_for_selector("html[data-forgotten=true]", state="attached")
    assert "Vous êtes déconnecté·e." in alice.content()
    assert alice.evaluate("indexedDB.databases().then(list => list.length)") == 0
    assert alice.evaluate("caches.keys().then(keys => keys.length)") == 0
    assert alice.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0
