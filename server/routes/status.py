"""Status routes: the server's front page and its health check."""

from __future__ import annotations

import time

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse

from server.broker.base import BrokerUnavailable
from server.store.base import StoreUnavailable
from server.web.guards import PUBLIC, requires, services_of
from server.web.templates import render


@requires(PUBLIC)
async def healthz(request: Request) -> JSONResponse:
    services = services_of(request)
    checks: dict[str, str] = {}
    try:
        await services.store.ping()
        checks["store"] = "ok"
    except StoreUnavailable as exc:
        checks["store"] = f"unavailable: {exc}"
    try:
        await services.broker.ping()
        checks["broker"] = f"ok ({type(services.broker).__name__})"
    except BrokerUnavailable as exc:
        checks["broker"] = f"unavailable: {exc}"
    # Without the broker this process still serves its own clients and logs their
    # updates; a load balancer should still stop sending it new ones.
    healthy = checks["store"] == "ok" and checks["broker"].startswith("ok") and services.update_log.healthy
    checks["update_log"] = "ok" if services.update_log.healthy else "retrying writes"
    # How far behind the log is (issue 12, item 14): what a full disk or a lost database left queued.
    behind = services.update_log.status(time.time())
    return JSONResponse(
        {"ok": healthy, **checks, "update_log_behind": behind}, status_code=200 if healthy else 503
    )


@requires(PUBLIC)
async def index(request: Request) -> HTMLResponse:
    """The front door: what this is and how to get in; nothing of any congress (they are closed)."""
    return render(request, "index.html", {"title": "Ubiquité"})
