"""Make the database of the previous release that tests/test_migrations.py upgrades.

Run it with the code of that release (commit 0218b17, before Alembic), never with today's:

    git worktree add /tmp/prev 0218b17
    cd /tmp/prev && PYTHONPATH=/tmp/prev /path/to/.venv/bin/python \
        /path/to/tests/data/previous_release/make_database.py sqlite:////tmp/previous.sqlite3 out.json

It fills the database through that release's own composition root, the way a
server would have: the demo congress (`--demo`), a congress with people,
invitations, a session, a revoked participant, contributions and themes, a
day of edits to its motion and mind map with checkpoints, a named version,
cached authorship and a publication. `out.json` records what a reader of the
upgraded database must find (the motion's text at the named version, now).
Typed loosely on purpose: it must keep running against the old code.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

SLUG = "cnen-2026"


def configure(database_url: str, data_dir: Path) -> None:
    os.environ.update(
        {
            "DATABASE_URL": database_url,
            "UBIQUITE_DATA_DIR": str(data_dir),
            "SECRET_KEY": "previous-release-fixture-secret-key-0123456789",
            "UBIQUITE_CHECKPOINT_EVERY": "40",
        }
    )


async def fill() -> dict[str, Any]:
    from server.app import build_services, start_services, stop_services
    from server.congress.domain import NewParticipant, Role
    from server.settings import Settings
    from server.store.base import NewUpdate
    from tests.support.congress_day import generate

    settings = Settings.from_env().with_secret()
    services: Any = build_services(settings)
    await start_services(services)
    try:
        directory, organising = services.directory, services.organising
        congress = directory.create_congress(SLUG, "Congrès national des élu·es", "2026")
        invited = [
            organising.add_person(congress, NewParticipant(name, role, commune="Lyon"))
            for name, role in [
                ("Aïcha Benali", Role.ORGANISER),
                ("Bruno Petit", Role.PARTICIPANT),
                ("Chloé Martin", Role.PARTICIPANT),
                ("Denis Œuvray", Role.OBSERVER),
            ]
        ]
        organising.invite_group(congress, Role.PARTICIPANT, ["Élise Roux", "Farid Haddad"])
        identity = services.door.access.identify_token(invited[1].token)
        services.door.access.start_session(identity, invited[1].invitation)
        directory.revoke_participant(invited[3].person.id)
        people = [i.person.id for i in invited[:3]]

        store = services.contributions.store
        for number, (title, axis) in enumerate(
            [("Former les aidants", "Inclusion"), ("Héberger en Europe", "Souveraineté")], 1
        ):
            store.add(
                congress.id, people[1], "Bruno Petit", title, f"Texte de la contribution {number}.", axis
            )
        from server.contributions.models import ThemeRow, ThemeRunRow

        store.replace_themes(
            congress.id,
            [ThemeRow(congress_id=congress.id, position=0, name="Inclusion", words='["aidants"]')],
            ThemeRunRow(congress_id=congress.id, ran_at=1_763_884_000.0, k=1, contributions=2),
        )

        day = generate(300, writers=3, seed=5)
        authors = {f"participant:{n}": f"participant:{pid}" for n, pid in enumerate(people, 1)}
        ids = await services.store.append(
            [NewUpdate(f"{SLUG}.{e.kind}", e.data, authors[e.author], e.at) for e in day.edits]
        )
        for kind in ("motion", "mindmap"):
            await services.update_log.checkpoint(f"{SLUG}.{kind}", whole_chunks_only=False)
        adopted = ids[200]
        version = await services.history.name_version(
            SLUG, "texte soumis au vote", authors["participant:1"], adopted
        )
        await services.history.warm_authorship(SLUG)
        await services.publishing.publish(congress, adopted, authors["participant:1"])
        return {
            "congress": SLUG,
            "named_version": version.id,
            "position": adopted,
            "motion_at_version": hashlib.sha256(
                (await services.history.text_at(SLUG, adopted)).encode()
            ).hexdigest(),
            "motion_now": hashlib.sha256(day.final_motion.encode()).hexdigest(),
        }
    finally:
        await stop_services(services)


def main() -> int:
    database_url, out = sys.argv[1], Path(sys.argv[2])
    with tempfile.TemporaryDirectory() as data_dir:
        configure(database_url, Path(data_dir))
        from server import admin_cli
        from server.settings import Settings

        # The demo congress, its organiser and its seeded documents (outside any event loop).
        admin_cli.demo_link(Settings.from_env().with_secret())
        expected = asyncio.run(fill())
    out.write_text(json.dumps(expected, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
