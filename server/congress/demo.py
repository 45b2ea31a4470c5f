"""What the demo congress starts with, so that a new user opens something to look at."""

from __future__ import annotations

import time
from typing import Any

from pycrdt import Doc

from crdt.mindmap import ROOT_ID, add_node, build_tree, ensure_root, to_outline
from crdt.motion import motion_text
from server.congress.domain import room_name
from server.store.base import NewUpdate, Store

AUTHOR = "server:demo"
AUTHOR_NAME = "Ubiquité (démo)"  # how the history names the demo's first edits
SUBJECT = "Le numérique au service des territoires"
THEMES = {
    "Inclusion numérique": ["Former les aidants numériques", "Ouvrir des lieux de médiation"],
    "Cybersécurité des collectivités": [
        "Un plan de cybersécurité par intercommunalité",
        "Des exercices de crise avec les élu·es",
    ],
    "Données et souveraineté": [
        "Héberger les données publiques en Europe",
        "Ouvrir les données des communes",
    ],
    "Sobriété numérique": ["Allonger la durée de vie des équipements"],
}


def demo_documents() -> tuple[bytes, bytes]:
    """The mind map of the themes, and the motion's outline drawn from it (same rules as the editors)."""
    mindmap: Doc[Any] = Doc()
    ensure_root(mindmap, SUBJECT)
    for theme, ideas in THEMES.items():
        branch = add_node(mindmap, ROOT_ID, theme)
        for idea in ideas:
            add_node(mindmap, branch, idea)
    motion: Doc[Any] = Doc()
    motion_text(motion).insert(0, f"# {SUBJECT}\n\n{to_outline(build_tree(mindmap))}")
    return mindmap.get_update(), motion.get_update()


async def seed_demo(store: Store, slug: str) -> None:
    """Log the demo documents as the first edits of the congress's rooms."""
    mindmap, motion = demo_documents()
    now = time.time()
    await store.append(
        [
            NewUpdate(room_name(slug, "mindmap"), mindmap, AUTHOR, now),
            NewUpdate(room_name(slug, "motion"), motion, AUTHOR, now),
        ]
    )
