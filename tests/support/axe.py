"""axe-core (from the npm registry, static/node_modules) run in a page of real Chromium.

The pages forbid inline scripts (CSP `script-src 'self'`), so a `<script>` tag with axe's source
would be refused, and the app's CSP must stay as it is for the check to mean anything. axe's source
goes in through Playwright's `page.evaluate`, i.e. the DevTools protocol's Runtime.evaluate, which
the page's CSP does not govern (the same way `wait_for_js` reads the page). axe itself needs no
eval, so once defined it runs under the page's real CSP, as the page's own code does. A context
with `bypass_csp=True` would also work, but it would check a page whose CSP is off: a style or
script the CSP blocks in real life would then be checked as if it applied.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from tests.support.server import ROOT

AXE_SOURCE = ROOT / "static" / "node_modules" / "axe-core" / "axe.min.js"
# The levels the test fails on; "moderate" and "minor" are printed only when asked.
FAILING = ("serious", "critical")


def axe_unavailable() -> str | None:
    if not AXE_SOURCE.exists():
        return f"{AXE_SOURCE} is missing (scripts/install runs npm ci in static/)"
    return None


@cache
def _source() -> str:
    return AXE_SOURCE.read_text(encoding="utf-8")


@dataclass(frozen=True)
class Violation:
    rule: str
    impact: str
    help: str
    url: str
    targets: tuple[str, ...]
    summary: str

    def describe(self, where: str) -> str:
        nodes = "\n".join(f"      {target}" for target in self.targets)
        head = f"  [{self.impact}] {self.rule} on {where}: {self.help}"
        return f"{head}\n    {self.url}\n{nodes}\n    {self.summary}"


def run_axe(page: Any) -> list[Violation]:
    """Every violation axe finds in the page as it is now (all its default rules, WCAG 2.x A/AA and
    best practices), worst first."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(_source())
    results = page.evaluate(
        """async () => {
            const r = await window.axe.run(document, { resultTypes: ['violations'] })
            return r.violations.map((v) => ({
              rule: v.id, impact: v.impact || 'minor', help: v.help, url: v.helpUrl,
              targets: v.nodes.map((n) => n.target.join(' ')),
              summary: (v.nodes[0] && v.nodes[0].failureSummary) || ''
            }))
        }"""
    )
    order = {"critical": 0, "serious": 1, "moderate": 2, "minor": 3}
    found = [
        Violation(r["rule"], r["impact"], r["help"], r["url"], tuple(r["targets"]), r["summary"])
        for r in results
    ]
    return sorted(found, key=lambda v: (order.get(v.impact, 4), v.rule))


def failing(violations: list[Violation]) -> list[Violation]:
    return [v for v in violations if v.impact in FAILING]
