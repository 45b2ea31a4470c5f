"""A mind map the size of a real congress day (300 nodes), for the browser tests and screenshots."""

from __future__ import annotations

from typing import Any

from pycrdt import Doc

from crdt.mindmap import ROOT_ID, add_node, ensure_root

AXES = (
    "Inclusion numérique",
    "Cybersécurité des collectivités",
    "Données et souveraineté",
    "Sobriété numérique",
    "Éducation et jeunesse",
    "Services publics en ligne",
)
PROPOSALS = (
    "Former les agents",
    "Équiper les mairies",
    "Ouvrir des lieux de médiation",
    "Financer par intercommunalité",
    "Évaluer chaque année",
    "Associer les habitants",
    "Mutualiser les achats",
)
LEVERS = (
    "un budget dédié",
    "un calendrier en trois ans",
    "un référent par commune",
    "une charte régionale",
    "un appel à projets",
    "un guide pratique",
)
# One lever deep in the map, with words no other node has: what the search test looks for.
DEEP_LABEL = "Former les secrétaires de mairie aux rançongiciels"
DEEP_ID = "deep"


def day_map(subject: str) -> Doc[Any]:
    """6 axes × 7 proposals × 6 levers, plus the central subject: 300 nodes."""
    doc: Doc[Any] = Doc()
    ensure_root(doc, subject)
    for a, axis in enumerate(AXES):
        axis_id = add_node(doc, ROOT_ID, axis, node_id=f"a{a}")
        for p, proposal in enumerate(PROPOSALS):
            label = f"{proposal} ({axis.split()[0].lower()})"
            proposal_id = add_node(doc, axis_id, label, node_id=f"a{a}p{p}")
            for lever_index, lever in enumerate(LEVERS):
                deep = a == 1 and p == 4 and lever_index == 5
                text = DEEP_LABEL if deep else f"{proposal}, {lever}"
                add_node(doc, proposal_id, text, node_id=DEEP_ID if deep else f"a{a}p{p}l{lever_index}")
    return doc
