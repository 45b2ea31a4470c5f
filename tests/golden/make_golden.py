"""Golden fixtures for the browser's ports of crdt/mindmap.py and crdt/motion.py.

Builds a handful of documents with pycrdt and writes, for each, the updates that make it
(base64, applied in order) and what Python reads from it: the mind map's tree and outline
(`mindmaps.json`), the motion's text and outline (`motions.json`), a map merged into a
motion's text by crdt/outline_merge.py (`merges.json`), and the characters Python counts as
whitespace and digits (`characters.json`). tests/test_golden.py
checks that Python still gives that output and that these files are up to date;
static/test/golden.test.js applies the same updates to a Y.Doc and checks that the
JavaScript ports (static/src/mindmap/tree.js, static/src/motion/outline.js,
static/src/motion/merge.js) agree.

Every Doc has a fixed client id and every node a fixed id, so the output is the same on
each run. After changing a case or the Python rules: `.venv/bin/python -m tests.golden.make_golden`.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from pycrdt import Doc, Map

from crdt.mindmap import (
    ROOT_ID,
    add_node,
    build_tree,
    delete,
    ensure_root,
    move,
    nodes_map,
    recolour,
    rename,
    reorder,
    set_links,
    to_outline,
)
from crdt.motion import motion_text, outline
from crdt.outline_merge import merge_outline

HERE = Path(__file__).resolve().parent
MINDMAPS = HERE / "mindmaps.json"
MOTIONS = HERE / "motions.json"
MERGES = HERE / "merges.json"
CHARACTERS = HERE / "characters.json"
ABOUT = "Written by tests/golden/make_golden.py; do not edit by hand."

Updates = list[bytes]


def _doc(client_id: int) -> Doc[Any]:
    return Doc(client_id=client_id)


# -- mind maps ---------------------------------------------------------------------------------


def nested() -> tuple[Updates, list[str]]:
    """Three levels under accented and emoji labels, whitespace to fold into one line."""
    doc = _doc(101)
    ensure_root(doc, "Congrès 2026 — Région 🇫🇷")
    axis = add_node(doc, ROOT_ID, "Transition  écologique\n", node_id="axe-eco")
    first = add_node(doc, axis, "Rénover les écoles", node_id="p1")
    add_node(doc, first, "Fonds « chaleur » 🔥", node_id="l1")
    add_node(doc, first, "\tIsolation   des toits ", node_id="l2")
    add_node(doc, axis, "Mobilité douce 🚲", node_id="p2")
    social = add_node(doc, ROOT_ID, "Égalité femmes–hommes 👩‍⚕️", node_id="axe-egal")
    add_node(doc, social, "Crèches à horaires décalés", node_id="p3")
    add_node(doc, ROOT_ID, "中文 et العربية", node_id="axe-langues")
    return [doc.get_update()], [axis]


def reordered() -> tuple[Updates, list[str]]:
    """Orders changed after the fact, ties broken by id compared by code point as Python does."""
    doc = _doc(102)
    ensure_root(doc, "Ordre")
    for node_id, order in [("c", 3.0), ("a", 1.0), ("b", 2.0), ("\uffff", 5.0), ("😀", 5.0), ("Z", 5.0)]:
        add_node(doc, ROOT_ID, f"nœud {node_id}", order=order, node_id=node_id)
    reorder(doc, "c", 0.5)
    reorder(doc, "a", 2.0)  # ties with b: "a" < "b"
    reorder(doc, "b", -1.25)
    updates = [doc.get_update()]
    later = _doc(103)
    later.apply_update(updates[0])
    state = later.get_state()
    rename(later, "a", "nœud a, renommé")
    reorder(later, "Z", 5.0)
    updates.append(later.get_update(state))
    return updates, []


def deleted() -> tuple[Updates, list[str]]:
    """A deleted branch hides its children, except one moved out of it; a deleted leaf disappears."""
    doc = _doc(104)
    ensure_root(doc, "Suppressions")
    doomed = add_node(doc, ROOT_ID, "Branche supprimée", node_id="doomed")
    add_node(doc, doomed, "Enfant caché", node_id="hidden")
    saved = add_node(doc, doomed, "Enfant déplacé avant", node_id="saved")
    kept = add_node(doc, ROOT_ID, "Branche gardée", node_id="kept")
    add_node(doc, kept, "Feuille supprimée", node_id="leaf")
    add_node(doc, kept, "Feuille gardée", node_id="stays")
    move(doc, saved, kept)
    delete(doc, doomed)
    delete(doc, "leaf")
    return [doc.get_update()], [kept]


def colours_and_links() -> tuple[Updates, list[str]]:
    """Colours set and changed; links as JSON lists, broken JSON and a non-list read as none."""
    doc = _doc(105)
    ensure_root(doc, "Couleurs")
    add_node(doc, ROOT_ID, "Rouge", colour="#b3261e", links=["c-1", "c-2"], node_id="red")
    add_node(doc, ROOT_ID, "Sans couleur", links=["c-3"], node_id="plain")
    add_node(doc, ROOT_ID, "Liens cassés", node_id="broken")
    add_node(doc, ROOT_ID, "Liens objet", node_id="object")
    recolour(doc, "plain", "#2e7d32")
    recolour(doc, "red", "#1565c0")
    set_links(doc, "red", ["c-2", "c-9", "é"])
    nodes = nodes_map(doc)
    nodes["broken"]["links"] = "pas du json ["
    nodes["object"]["links"] = json.dumps({"c-1": True})
    return [doc.get_update()], []


def hostile_colours() -> tuple[Updates, list[str]]:
    """Colours another client wrote past the checks: only "#rrggbb" is shown, the rest as the default."""
    doc = _doc(111)
    ensure_root(doc, "Couleurs hostiles")
    nodes = nodes_map(doc)
    nodes[ROOT_ID]["colour"] = "url(http://tracker.example/beacon)"
    for node_id, colour in [
        ("upper", "#ABCDEF"),
        ("named", "red"),
        ("short", "#123"),
        ("long", "#1234567"),
        ("smuggled", "#123456;background:url(x)"),
        ("variable", "var(--x)"),
        ("spaced", " #123456"),
    ]:
        add_node(doc, ROOT_ID, node_id, node_id=node_id)
        nodes[node_id]["colour"] = colour
    add_node(doc, ROOT_ID, "number", node_id="number")
    nodes["number"]["colour"] = 5
    return [doc.get_update()], []


def orphans_and_no_root() -> tuple[Updates, list[str]]:
    """No central subject written yet, and a node whose parent never existed: both under the root."""
    doc = _doc(106)
    add_node(doc, "nowhere", "Orphelin", order=2.0, node_id="orphan")
    add_node(doc, "orphan", "Petit-enfant", node_id="grandchild")
    nodes_map(doc)["bare"] = Map({"label": "Champs manquants"})
    return [doc.get_update()], ["orphan"]


def concurrent_moves() -> tuple[Updates, list[str]]:
    """Moves that close cycles once merged: the later move loses, until no cycle remains."""
    first, second, third = _doc(107), _doc(108), _doc(110)
    ensure_root(first, "Déplacements")
    for node_id in ("x", "y", "w", "u", "t"):
        add_node(first, ROOT_ID, node_id.upper(), node_id=node_id)
    add_node(first, "w", "V", node_id="v")
    base = first.get_update()
    second.apply_update(base)
    third.apply_update(base)
    states = [first.get_state(), second.get_state(), third.get_state()]
    # Two replicas: u under t here, t under u there.
    move(first, "u", "t")
    move(second, "t", "u")
    # Three replicas: x under y, y under w, w under x.
    move(first, "x", "y")
    move(second, "y", "w")
    move(third, "w", "x")
    rename(third, "v", "V renommé pendant les déplacements")
    updates = [base] + [
        doc.get_update(state) for doc, state in zip((first, second, third), states, strict=True)
    ]
    return updates, ["w"]


def whitespace_labels() -> tuple[Updates, list[str]]:
    """Labels folded into one line by the outline with Python's notion of whitespace."""
    doc = _doc(109)
    ensure_root(doc, "Espaces")
    axis = add_node(doc, ROOT_ID, "Insécable\u00a0et\u2003cadratin", node_id="a1")
    add_node(doc, axis, "séparateurs\x1fde\x1eunités", node_id="b1")
    add_node(doc, axis, "suivant\x85ligne", node_id="b2")
    add_node(doc, axis, "\ufeffmarque d'ordre", node_id="b3")
    add_node(doc, axis, "zéro\u200blargeur", node_id="b4")
    add_node(doc, ROOT_ID, "   ", node_id="a2")
    return [doc.get_update()], []


MINDMAP_CASES: dict[str, Callable[[], tuple[Updates, list[str]]]] = {
    "nested": nested,
    "reordered": reordered,
    "deleted": deleted,
    "colours_and_links": colours_and_links,
    "hostile_colours": hostile_colours,
    "orphans_and_no_root": orphans_and_no_root,
    "concurrent_moves": concurrent_moves,
    "whitespace_labels": whitespace_labels,
}


def read_mindmap(updates: Updates, branches: list[str]) -> dict[str, Any]:
    """What Python shows for the document these updates make."""
    doc = _doc(1)
    for update in updates:
        doc.apply_update(update)
    tree = build_tree(doc)
    return {
        "tree": asdict(tree),
        "outline": to_outline(tree),
        "branch_outlines": {branch: to_outline(tree, branch) for branch in branches},
    }


# -- motions -----------------------------------------------------------------------------------


def _write(client_id: int, *pieces: str) -> tuple[Doc[Any], Updates]:
    """A motion typed in pieces, one update per piece, as a person's edits arrive."""
    doc = _doc(client_id)
    text = motion_text(doc)
    updates = []
    for piece in pieces:
        state = doc.get_state()
        text += piece
        updates.append(doc.get_update(state))
    return doc, updates


MOTION_BASIC = """# Motion du congrès 2026 🇫🇷

Préambule : la région s'engage.

## Transition écologique

1. Rénover les écoles d'ici 2030
   1. Fonds « chaleur » pour les communes
   2. Diagnostic énergétique 🔥
2. Développer le vélo

## Égalité femmes–hommes 👩‍⚕️

1. Crèches à horaires décalés
"""

MOTION_NUMBERING = """## Axe sans titre principal

5. Typed five, numbered one
5. Typed five again
1) A parenthesis counts too
    3. Lever under it (four spaces)
\t7. Lever under it (a tab)
  2. Indented less than the lever: still a lever
10. Back to a proposal
1234567890. Ten digits: not an item
123456789. Nine digits: an item
-1. Not a number
1.Not a space after the dot
### Level three is not an axis
2. Still under the same axis
##Not a heading without a space
## Axe final ##
1. Premier
"""

MOTION_FENCES = """1. Before any axis: not a proposal

## Code

```
## Not an axis
1. Not a proposal
```
1. After the fence
   ~~~python
   2. Inside a tilde fence
   ~~~
   2. Lever after it
## Unclosed
```
## Hidden to the end
"""

MOTION_LINES = (
    "# Titre\r\n## Premier axe\r\n1. Fin de ligne Windows\r\n"
    "## Deuxième\u2028axe\n1. Séparateur\u2029de paragraphe\n"
    "2. Saut\x0cde page\x0b et tabulation verticale\n"
    "## Chiffres\n١. Chiffre arabe-indien\n２. Chiffre pleine largeur\n"
    "\ufeff```\n3. Après une marque d'ordre\n"
    "\x1f```\n4. Après un séparateur d'unités\n"
)


def motion_basic() -> Updates:
    _, updates = _write(201, *re.split(r"(?<=\n\n)", MOTION_BASIC))
    return updates


def motion_numbering() -> Updates:
    _, updates = _write(202, MOTION_NUMBERING)
    return updates


def motion_fences() -> Updates:
    _, updates = _write(203, MOTION_FENCES)
    return updates


def motion_lines() -> Updates:
    _, updates = _write(204, MOTION_LINES)
    return updates


def motion_concurrent() -> Updates:
    """Two people insert at the same places; the merged text is the CRDT's, the outline follows."""
    first, base = _write(205, "## Axe A\n1. Une\n")
    second = _doc(206)
    for update in base:
        second.apply_update(update)
    state_first, state_second = first.get_state(), second.get_state()
    text_first, text_second = motion_text(first), motion_text(second)
    text_first.insert(0, "# Motion\n")
    text_first += "2. Deux (première personne)\n"
    text_second += "## Axe B 🌍\n1. Une (seconde personne)\n"
    del text_second[0:2]  # "## Axe A" loses its "##": no longer an axis
    return [*base, first.get_update(state_first), second.get_update(state_second)]


def motion_empty() -> Updates:
    return [_doc(207).get_update()]


MOTION_CASES: dict[str, Callable[[], Updates]] = {
    "basic": motion_basic,
    "numbering": motion_numbering,
    "fences": motion_fences,
    "line_breaks_and_digits": motion_lines,
    "concurrent": motion_concurrent,
    "empty": motion_empty,
}


def read_motion(updates: Updates) -> dict[str, Any]:
    doc = _doc(2)
    for update in updates:
        doc.apply_update(update)
    text = str(motion_text(doc))
    return {"text": text, "outline": [asdict(entry) for entry in outline(text)]}


# -- merges ------------------------------------------------------------------------------------

Spec = list[tuple[str, "Spec"]]


def _map(client_id: int, subject: str, spec: Spec) -> tuple[Doc[Any], dict[str, str]]:
    """A map from nested (label, children) pairs; node ids are "m1", "m2"… in the order written."""
    doc = _doc(client_id)
    ensure_root(doc, subject)
    ids: dict[str, str] = {}

    def add(parent: str, children: Spec) -> None:
        for label, below in children:
            node_id = add_node(doc, parent, label, node_id=f"m{len(ids) + 1}")
            ids[label] = node_id
            add(node_id, below)

    add(ROOT_ID, spec)
    return doc, ids


DEMO_MAP: Spec = [
    ("Inclusion numérique", [("Former les aidants numériques", []), ("Ouvrir des lieux de médiation", [])]),
    ("Cybersécurité des collectivités", [("Un plan de cybersécurité par intercommunalité", [])]),
    ("Données et souveraineté", [("Héberger les données publiques en Europe", [])]),
    ("Sobriété numérique", [("Allonger la durée de vie des équipements", [])]),
]


def merge_demo_again() -> tuple[Doc[Any], str, str | None]:
    """The demo's bug: the motion already holds the map's outline, so nothing is added."""
    doc, _ = _map(301, "Le numérique au service des territoires", DEMO_MAP)
    return doc, f"# Le numérique au service des territoires\n\n{to_outline(build_tree(doc))}", None


def merge_grown() -> tuple[Doc[Any], str, str | None]:
    """The map grew: a lever, a proposal, two axes between and after; the motion's own words stay."""
    spec: Spec = [
        ("Inclusion numérique", [
            ("Former les aidants numériques", [("Avec les CCAS", [])]),
            ("Ouvrir des lieux de médiation", []),
            ("Un chèque numérique", [("Pour les familles", []), ("Pour les aînés", [])]),
        ]),
        ("Cybersécurité des collectivités", [("Un plan par intercommunalité", [])]),
        ("Données et souveraineté", [("Héberger en Europe", []), ("Ouvrir les données", [])]),
        ("Sobriété numérique", []),
    ]  # fmt: skip
    doc, _ = _map(302, "Congrès", spec)
    motion = (
        "# Motion 2026\n\nPréambule.\n\n"
        "## Axe 1 : Inclusion numérique\n\n"
        "1. Former les aidants numériques\n   dans chaque département\n"
        "2. Ouvrir des lieux de médiation\n\n"
        "Un paragraphe de l'axe, après sa liste.\n\n"
        "## Données et souveraineté\n\nDu texte, pas encore de proposition.\n"
    )
    return doc, motion, None


def merge_reordered() -> tuple[Doc[Any], str, str | None]:
    """The motion holds the map's axes in another order; a new first axis goes before the first one found."""
    spec: Spec = [("Nouveau départ", [("Idée", [])]), ("Éducation", []), ("Santé", [("Centres", [])])]
    doc, _ = _map(303, "Ordre", spec)
    motion = "## Santé\n\n1. Centres\n\n## ÉDUCATION !\n\n1. Des écoles\n"
    return doc, motion, None


def merge_into_nothing() -> tuple[Doc[Any], str, str | None]:
    """An empty motion receives exactly `to_outline` (placeholders and blank nodes left out)."""
    spec: Spec = [("Inclusion", [("Nouvelle idée", []), ("   ", []), ("Former", [])]), ("New idea", [])]
    doc, _ = _map(304, "Vide", spec)
    return doc, "", None


def merge_after_prose() -> tuple[Doc[Any], str, str | None]:
    """A motion with a title and a paragraph, no axis, no final line break: axes at the end."""
    doc, _ = _map(305, "Prose", [("Transition", [("Rénover", [])]), ("Mobilité", [])])
    return doc, "# Motion\n\nLa région s'engage.", None


def merge_fences_and_lists() -> tuple[Doc[Any], str, str | None]:
    """Headings in fences are no axes; continuation lines, bullets, tabs and wide numbers keep their place."""
    spec: Spec = [
        ("Code", [("Premier", [("Sous premier", [("Plus bas", [])])]), ("Dixième", [("Levier dix", [])])]),
        ("Inclusion", []),
    ]
    doc, _ = _map(306, "Listes", spec)
    motion = (
        "## Code\n\n```\n## Inclusion\n1. Premier\n```\n\n"
        "1. Premier\n\tsuite avec une tabulation\n"
        "\t1. Sous premier\n"
        "- une puce\n"
        "10. Dixième\n"
        "suite paresseuse\n\n"
        "    ~~~\n    du code dans l'item\n    ~~~\n"
        "Texte après.\n"
    )
    return doc, motion, None


def merge_branch() -> tuple[Doc[Any], str, str | None]:
    """The map page's "Branche → plan": the branch's children are the axes, merged the same way."""
    inclusion: Spec = [("Former", []), ("Équiper", [])]
    spec: Spec = [("Atelier du matin", [("Inclusion", inclusion), ("Éthique", [])]), ("Autre", [])]
    doc, ids = _map(307, "Branches", spec)
    return doc, "# Motion\n\n## Inclusion\n\n1. Former\n", ids["Atelier du matin"]


def merge_line_breaks_and_emoji() -> tuple[Doc[Any], str, str | None]:
    """Windows line breaks, a paragraph separator, emoji before the insertions (UTF-16, code points)."""
    spec: Spec = [("Climat 🌍", [("Planter 🌳", []), ("Rénover 🏠", [])]), ("Vélo 🚲", [])]
    doc, _ = _map(308, "Émoji", spec)
    return doc, "# 🇫🇷 Motion\r\n## climat 🌍\r\n1. Planter 🌳\r\n## Autre\u2029axe\n", None


MERGE_CASES: dict[str, Callable[[], tuple[Doc[Any], str, str | None]]] = {
    "demo_again": merge_demo_again,
    "grown": merge_grown,
    "reordered": merge_reordered,
    "into_nothing": merge_into_nothing,
    "after_prose": merge_after_prose,
    "fences_and_lists": merge_fences_and_lists,
    "branch": merge_branch,
    "line_breaks_and_emoji": merge_line_breaks_and_emoji,
}


def read_merge(updates: Updates, motion: str, branch: str | None) -> dict[str, Any]:
    """What Python inserts in `motion` for the map these updates make."""
    doc = _doc(3)
    for update in updates:
        doc.apply_update(update)
    merge = merge_outline(motion, build_tree(doc), branch)
    return {
        "merged": merge.apply(motion),
        "inserted": [insertion.text for insertion in merge.insertions],
        "additions": [asdict(addition) for addition in merge.additions],
        "kept": merge.kept,
    }


# -- characters --------------------------------------------------------------------------------


def characters() -> dict[str, Any]:
    """Every character the rules treat specially, so the ports are checked on all of them.

    Whitespace (str.split, lstrip) is stable across Unicode versions; the digits of `\\d`
    are limited to the Basic Multilingual Plane, where no Unicode version since Python 3.11's
    has added any, so the file does not change with the Python that writes it.
    """
    return {
        "whitespace": [code for code in range(0x110000) if chr(code).isspace()],
        "bmp_digits": [code for code in range(0x10000) if re.fullmatch(r"\d", chr(code))],
    }


# -- files -------------------------------------------------------------------------------------


def _encode(updates: Updates) -> list[str]:
    return [base64.b64encode(update).decode("ascii") for update in updates]


def render() -> dict[Path, str]:
    """The fixture files' contents, as this code and pycrdt produce them now."""
    mindmaps = []
    for name, make in MINDMAP_CASES.items():
        updates, branches = make()
        mindmaps.append({"name": name, "updates": _encode(updates), **read_mindmap(updates, branches)})
    motions = []
    for name, make_motion in MOTION_CASES.items():
        motion_updates = make_motion()
        motions.append({"name": name, "updates": _encode(motion_updates), **read_motion(motion_updates)})
    merges = []
    for name, make_merge in MERGE_CASES.items():
        doc, motion, branch = make_merge()
        updates = [doc.get_update()]
        merges.append(
            {"name": name, "updates": _encode(updates), "motion": motion, "branch": branch,
             **read_merge(updates, motion, branch)}
        )  # fmt: skip
    return {
        MINDMAPS: _dump({"about": ABOUT, "cases": mindmaps}),
        MOTIONS: _dump({"about": ABOUT, "cases": motions}),
        MERGES: _dump({"about": ABOUT, "cases": merges}),
        CHARACTERS: json.dumps({"about": ABOUT, **characters()}) + "\n",
    }


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def main() -> None:
    for path, content in render().items():
        path.write_text(content, encoding="utf-8")
        print(f"wrote {path.relative_to(HERE.parents[1])}")


if __name__ == "__main__":
    main()
