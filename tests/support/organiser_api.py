"""The organisers' JSON routes called from inside a signed-in page, as its own scripts call them:
the page's cookie, its Origin and the CSRF header (docs/access.md)."""

from __future__ import annotations

from typing import Any

_FETCH = """async ([method, path, body, type]) => {
    const headers = {'X-Ubiquite-Request': '1'}
    if (body !== null) headers['Content-Type'] = type
    const r = await fetch(path, {method, credentials: 'same-origin', headers,
      body: body === null ? undefined : (type === 'application/json' ? JSON.stringify(body) : body)})
    const text = await r.text()
    let data = null
    try { data = JSON.parse(text) } catch { data = text }
    return [r.status, data]
}"""


def call(page: Any, method: str, path: str, body: Any = None, content_type: str = "application/json") -> Any:
    """`method path` from `page`; the answer's JSON, or an AssertionError naming the refusal."""
    status, answer = page.evaluate(_FETCH, [method, path, body, content_type])
    assert 200 <= status < 300, (method, path, status, answer)
    return answer
