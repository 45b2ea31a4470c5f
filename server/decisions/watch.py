"""Amendments whose passage is rewritten are marked outdated as it happens, not only when accepted.

An extension of the rooms (server/realtime/extension.py): after an edit of a
motion by one of this process's clients or by the server (an accepted
amendment, a restore), it looks again at the open amendments of that congress
a moment later (`delay`, once for a burst of typing), and marks outdated those
whose passage no longer reads their original, or no longer outdated those
that read it again. Relayed edits are looked at by the process their author is
on; the database marks each change once whichever process sees it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from server.realtime.extension import BaseExtension, OriginKind, UpdateAccepted

log = logging.getLogger(__name__)
DELAY = 1.0
SUFFIX = ".motion"


class PassageWatch(BaseExtension):
    def __init__(self, delay: float = DELAY) -> None:
        self.delay = delay
        # Looks at one congress's open amendments (server/decisions/amendments.py check_passages).
        self.check: Callable[[str], Awaitable[int]] | None = None
        self._due: dict[str, asyncio.TimerHandle] = {}
        self._running: set[asyncio.Task[None]] = set()

    def on_update(self, event: UpdateAccepted) -> None:
        name = event.room.name
        if not name.endswith(SUFFIX) or event.origin.kind is OriginKind.BROKER or name in self._due:
            return
        slug = name.removesuffix(SUFFIX)
        self._due[name] = asyncio.get_running_loop().call_later(self.delay, self._look, name, slug)

    def _look(self, name: str, slug: str) -> None:
        self._due.pop(name, None)
        if self.check is None:
            return
        task = asyncio.get_running_loop().create_task(self._checked(slug), name=f"passages-{slug}")
        self._running.add(task)
        task.add_done_callback(self._running.discard)

    async def _checked(self, slug: str) -> None:
        assert self.check is not None
        try:
            await self.check(slug)
        except Exception:
            log.exception("amendments of %s not checked against the text", slug)

    async def stop(self) -> None:
        for handle in self._due.values():
            handle.cancel()
        for task in list(self._running):
            task.cancel()
        await asyncio.gather(*self._running, return_exceptions=True)
