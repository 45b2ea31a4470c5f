"""Status routes: the server's front page and its health check."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse

from server.store.base import StoreUnavailable
from server.web.i18n import language, translate
from server.web.layout import esc, page


async def healthz(request: Request) -> JSONResponse:
    services = request.app.state.services
    checks: dict[str, str] = {}
    try:
        await services.store.ping()
        checks["store"] = "ok"
    except StoreUnavailable as exc:
        checks["store"] = f"unavailable: {exc}"
    checks["broker"] = type(services.broker).__name__
    healthy = checks["store"] == "ok" and services.update_log.healthy
    checks["update_log"] = "ok" if services.update_log.healthy else "retrying writes"
    return JSONResponse({"ok": healthy, **checks}, status_code=200 if healthy else 503)


async def index(request: Request) -> HTMLResponse:
    """The front door: what this is and how to get in; nothing of any congress (they are closed)."""
    lang = language(request)
    body = (
        f"<h1>Ubiquité</h1><h2>{esc(translate('front_title', lang))}</h2>"
        f"<p>{esc(translate('front_text', lang))}</p>"
    )
    return page("Ubiquité", body, lang)
