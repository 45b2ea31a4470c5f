"""The composition root: build every long-lived part from the settings and own them in the lifespan."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass

from sqlalchemy.engine import Engine
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import BaseRoute, Route, WebSocketRoute

from server.archive.keeping import Keeping
from server.archive.service import Archives
from server.auth import redact
from server.auth.door import Door
from server.auth.entry import Entry
from server.broker import open_broker
from server.broker.base import Broker
from server.clock import Clock
from server.congress.attendance import Attendance
from server.congress.dashboard import Dashboard
from server.congress.directory import Directory
from server.congress.domain import DomainError
from server.congress.lobby import Lobby
from server.congress.service import Organising
from server.contributions.classifier import Classifier
from server.contributions.service import Contributions
from server.contributions.store import ContributionStore
from server.contributions.theming import Theming
from server.contributions.warming import VectorWarmer
from server.decisions.amendments import AmendmentService
from server.decisions.closer import Closer
from server.decisions.context import Context
from server.decisions.live import LiveDecisions
from server.decisions.pen import PenService
from server.decisions.record import Record
from server.decisions.store import DecisionStore
from server.decisions.views import Vote
from server.decisions.votes import VoteService
from server.decisions.watch import PassageWatch
from server.history import History
from server.publication.formats import missing as missing_formats
from server.publication.service import Publishing
from server.realtime.endpoint import sync_endpoint
from server.realtime.extensions.mapcolours import MapColours
from server.realtime.extensions.peers import PeerWatch
from server.realtime.extensions.persistence import UpdateLog
from server.realtime.extensions.relay import BrokerRelay
from server.realtime.metrics import metrics_endpoint
from server.realtime.rooms import RoomManager
from server.routes import (
    archive,
    congress,
    contributions,
    contributions_page,
    decisions,
    history,
    history_pages,
    organiser,
    organiser_page,
    publication,
    themes_guided,
)
from server.routes.client import client_routes
from server.routes.invitations import claim_name, open_invitation, sign_out
from server.routes.status import healthz, index
from server.settings import Settings
from server.store import open_store
from server.store.base import Store
from server.web.errors import exception_handlers
from server.web.guards import OPERATOR, ROOM, requires
from server.web.limits import BodyLimit

log = logging.getLogger(__name__)


@dataclass
class Services:
    settings: Settings
    store: Store
    broker: Broker
    update_log: UpdateLog
    rooms: RoomManager
    peers: PeerWatch
    relay: BrokerRelay
    directory: Directory
    door: Door
    entry: Entry
    lobby: Lobby
    organising: Organising
    publishing: Publishing
    history: History
    keeping: Keeping
    # Contributions and themes (issue 6): bound to the directory's database at start.
    contributions: Contributions
    classifier: Classifier
    theming: Theming
    # Amendments, pen mode and votes (issue 15), over the decisions' tables, bound at start.
    decisions: DecisionStore
    live: LiveDecisions
    watch: PassageWatch
    amendments: AmendmentService
    pen: PenService
    votes: VoteService
    closer: Closer
    record: Record
    # The organisers' live figures (issue 13): connected now, contributions, edits per minute.
    dashboard: Dashboard
    attendance: Attendance  # who is connected now, on every process
    warmer: VectorWarmer | None = None  # made in start_services, once the store is bound


def build_services(settings: Settings, broker: Broker | None = None, store: Store | None = None) -> Services:
    """Wire the parts; nothing connects until `start_services`."""
    store = store or open_store(settings.database_url)
    broker = broker or open_broker(settings.redis_url)
    update_log = UpdateLog(
        store, settings.flush_interval, settings.checkpoint_every, settings.max_log_backlog_bytes
    )
    peers = PeerWatch(broker, update_log)
    relay = BrokerRelay(broker, peers)
    live = LiveDecisions(broker.node_id)  # the rooms only the server writes (issue 15)
    watch = PassageWatch()
    # Extensions in any order: each reads only the events (server/realtime/extension.py).
    rooms = RoomManager(settings, update_log, [update_log, relay, MapColours(), live, watch])
    directory = Directory()  # bound to the store's database in start_services
    door = Door(settings, directory)
    # A phase change freezes the sockets of every process at once (docs/congress-day.md).
    door.sockets.announce = peers.congress_changed
    peers.on_congress.append(lambda congress_id: door.sockets.refresh_congress(congress_id, announce=False))
    # Who is connected, across every process: each keeps its own people in the broker.
    attendance = Attendance(door.sockets, broker)
    door.sockets.changed = attendance.changed
    organising = Organising(
        directory, door.access, settings.access.invitation_days * 86400, door.sockets, attendance
    )
    clock = Clock(settings.time_zone)  # every date shown, in the congress's time zone
    history = History(store, update_log, directory, rooms, clock=clock)
    # One motion-at-a-position for exports, publication and the history pages (server/history/seek.py).
    publishing = Publishing(directory, store, update_log, seeker=history.seeker, clock=clock)
    lobby = Lobby(directory, rooms)
    contributions = Contributions(ContributionStore(), lobby)
    classifier = Classifier()
    decisions = DecisionStore()  # bound to the directory's database in start_services
    context = Context(decisions, directory)
    live.rooms = rooms
    live.source = context.entries
    amendments = AmendmentService(context, rooms, history, live)
    watch.check = amendments.check_passages
    votes = VoteService(context, amendments, history, live)

    async def read_vote(vote_id: int) -> Vote | None:
        row = await asyncio.to_thread(decisions.vote, vote_id)
        return Vote.of(row) if row is not None else None

    live.read_vote = read_vote
    record = Record(context)
    publishing.results = record.results  # the exports' and the public page's "Décisions"

    def archives() -> Archives:
        # The SQL repositories on the directory's database: bound once the store has started, and
        # usable offline too, where no History runs (server/archive/service.py `Archives.on`).
        return Archives.on(store, directory.engine, settings.checkpoint_every)

    return Services(
        settings=settings,
        store=store,
        broker=broker,
        update_log=update_log,
        rooms=rooms,
        peers=peers,
        relay=relay,
        directory=directory,
        door=door,
        entry=Entry(door),
        lobby=lobby,
        organising=organising,
        publishing=publishing,
        history=history,
        keeping=Keeping(archives, publishing, organising),
        contributions=contributions,
        classifier=classifier,
        theming=Theming(contributions, classifier, directory, rooms, clock),
        decisions=decisions,
        live=live,
        watch=watch,
        amendments=amendments,
        pen=PenService(context, live, door.sockets),
        votes=votes,
        closer=Closer(votes, decisions, directory),
        record=record,
        dashboard=Dashboard(organising, contributions.store, history),
        attendance=attendance,
    )


def directory_engine(store: Store) -> Engine:
    """The congress tables live in the store's database (its start upgraded the schema); a memory
    store gets a private in-memory one, made by the same migrations."""
    from server.store.sql import SqlStore

    if isinstance(store, SqlStore):
        return store.engine
    from sqlalchemy.pool import StaticPool
    from sqlmodel import create_engine

    from server.store import migrations

    engine = create_engine("sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool)
    migrations.upgrade(engine)
    return engine


@contextlib.contextmanager
def offline_services(settings: Settings) -> Iterator[Services]:
    """The services for the command line and scripts, which run no event loop: the SQL store started
    (its schema upgraded) and the tables beside it bound; no broker, room or socket runs."""
    from server.store.sql import SqlStore

    settings = settings.with_secret()
    if settings.database_url.startswith("memory:"):
        raise DomainError("DATABASE_URL is memory://: there is no database to set a congress up in")
    services = build_services(settings)
    store = services.store
    assert isinstance(store, SqlStore)
    store.start_blocking()
    try:
        services.directory.bind(store.engine)
        services.contributions.store.bind(store.engine)
        services.decisions.bind(store.engine)
        yield services
    finally:
        store.stop_blocking()


async def start_services(services: Services) -> None:
    await services.store.start()
    services.directory.bind(await asyncio.to_thread(directory_engine, services.store))
    for name, why in missing_formats().items():
        log.warning("export format %s unavailable: %s", name, why)
    services.contributions.store.bind(services.directory.engine)
    services.decisions.bind(services.directory.engine)
    services.warmer = VectorWarmer(services.contributions.store, services.classifier)
    services.contributions.arrivals = services.warmer
    await services.history.start()
    await services.door.start()
    await services.broker.start()
    await services.update_log.start()
    await services.peers.start()
    await services.attendance.start()
    await services.rooms.start()
    await services.closer.start()


async def stop_services(services: Services) -> None:
    """Close every socket, then store everything accepted before exiting."""
    await services.door.stop()
    if services.warmer is not None:
        await services.warmer.stop()
    await services.classifier.stop()
    await services.closer.stop()
    await services.watch.stop()
    await services.live.stop()
    await services.rooms.stop()
    await services.attendance.stop()  # after the sockets closed: this process's people leave at once
    await services.update_log.stop()
    await services.peers.stop()
    await services.broker.stop()
    await services.store.stop()


# -- history: the garbage collector's full passes ---------------------------------------------------
def freeze_start_up_objects() -> None:
    """Keep what start-up built (modules, routes, services: about 90,000 objects that live as long as
    the process) out of the garbage collector's full passes. Each pass walked them all, 60 to 90 ms
    on this machine, landing on whichever request was running: the history's slider felt it first
    (docs/history.md). Garbage first, so that none is kept for good."""
    gc.collect()
    gc.freeze()


def create_app(settings: Settings | None = None, broker: Broker | None = None) -> Starlette:
    settings = (settings or Settings.from_env()).with_secret()
    services = build_services(settings, broker)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        redact.install()  # after uvicorn has configured its loggers, before the first handshake
        await start_services(services)
        freeze_start_up_objects()
        log.info(
            "Ubiquité ready: store %s, broker %s",
            _safe_url(settings.database_url),
            type(services.broker).__name__,
        )
        try:
            yield
        finally:
            await stop_services(services)
            log.info("Ubiquité stopped; everything accepted is stored")

    app = Starlette(
        routes=routes(),
        lifespan=lifespan,
        middleware=[Middleware(BodyLimit, limits=settings.bodies)],
        exception_handlers=exception_handlers(),
    )
    app.state.services = services
    return app


def routes() -> list[BaseRoute]:
    return [
        Route("/", index),
        Route("/healthz", healthz),
        Route("/metrics", requires(OPERATOR)(metrics_endpoint)),  # server/realtime declares nothing
        WebSocketRoute("/ws/{room}", requires(ROOM)(sync_endpoint)),
        Route("/i/{token}", open_invitation, methods=["GET"]),
        Route("/i/{token}", claim_name, methods=["POST"]),
        Route("/logout", sign_out, methods=["POST"]),
        *congress.ROUTES,
        *contributions_page.ROUTES,  # before the client's /c/{slug}/{page}
        *organiser_page.ROUTES,
        *organiser.ROUTES,
        *publication.ROUTES,
        *archive.ROUTES,
        *contributions.ROUTES,
        *themes_guided.ROUTES,  # issue 14: axes, merging near-duplicates, progress
        *history_pages.ROUTES,  # before the client's /c/{slug}/{page}
        *history.ROUTES,
        *decisions.ROUTES,  # issue 15: amendments, pen mode, votes
        *client_routes(),
    ]


def _safe_url(url: str) -> str:
    """A database URL without its password, for logs."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        return f"{scheme}://***@{rest.split('@', 1)[1]}"
    return url
