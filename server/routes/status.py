"""Status routes: the server's front page and its health check."""

from __future__ import annotations

import html

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse

from server.broker.base import BrokerUnavailable
from server.store.base import StoreUnavailable


async def healthz(request: Request) -> JSONResponse:
    services = request.app.state.services
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
    return JSONResponse({"ok": healthy, **checks}, status_code=200 if healthy else 503)


async def index(request: Request) -> HTMLResponse:
    services = request.app.state.services
    ws_base = str(request.url_for("sync_endpoint", room="ROOM")).replace("http", "ws", 1)
    rooms = "".join(
        f"<li><code>{html.escape(room.name)}</code> — {len(room.connections)} connexion(s)</li>"
        for room in services.rooms.rooms.values()
    )
    body = f"""<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Ubiquité</title></head>
<body>
<h1>Ubiquité</h1>
<p>Serveur d'écriture collaborative en temps réel (y-websocket).
<span lang="en">Real-time collaborative writing server.</span></p>
<p>Point de synchronisation / <span lang="en">sync endpoint</span> :
<code>{html.escape(ws_base)}</code></p>
<h2>Salles ouvertes / <span lang="en">open rooms</span></h2>
<ul>{rooms or "<li>aucune / <span lang='en'>none</span></li>"}</ul>
</body></html>"""
    return HTMLResponse(body)
