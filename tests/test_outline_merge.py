"""crdt/outline_merge.py: the map's outline merged into the motion, nothing written twice."""

from __future__ import annotations

from typing import Any

from pycrdt import Doc

from crdt.mindmap import ROOT_ID, Node, add_node, build_tree, ensure_root, to_outline
from crdt.motion import motion_text, outline
from crdt.outline_merge import heading_key, merge_outline
from server.congress.demo import demo_documents
from tests.golden import make_golden


def _tree(spec: list[tuple[str, Any]]) -> Node:
    doc: Doc[Any] = Doc()
    ensure_root(doc, "Sujet")

    def add(parent: str, children: list[tuple[str, Any]]) -> None:
        for label, below in children:
            add(add_node(doc, parent, label), below)

    add(ROOT_ID, spec)
    return build_tree(doc)


def _axes(markdown: str) -> list[str]:
    return [entry.title for entry in outline(markdown) if entry.kind == "axis"]


def test_the_demo_motion_already_holds_the_demo_map() -> None:
    """Issue 13, bug 2: on the demo the whole map was appended again, four axes twice."""
    mindmap, motion = demo_documents()
    maps: Doc[Any] = Doc()
    maps.apply_update(mindmap)
    texts: Doc[Any] = Doc()
    texts.apply_update(motion)
    text = str(motion_text(texts))
    merge = merge_outline(text, build_tree(maps))
    assert merge.empty and merge.apply(text) == text
    assert merge.kept["axis"] == 4


def test_an_empty_motion_receives_exactly_the_outline() -> None:
    tree = _tree([("Inclusion", [("Former", [("Budget", [])])]), ("Éducation", [])])
    assert merge_outline("", tree).apply("") == to_outline(tree)


def test_existing_axes_are_kept_and_a_new_one_goes_after_its_neighbour_on_the_map() -> None:
    tree = _tree([("Inclusion", []), ("Éducation", [("Ateliers", [])]), ("Santé", [])])
    motion = "# Motion\n\n## Inclusion\n\nTexte.\n\n## Santé\n\n1. Centres\n"
    merged = merge_outline(motion, tree).apply(motion)
    assert _axes(merged) == ["Inclusion", "Éducation", "Santé"]
    assert merged == (
        "# Motion\n\n## Inclusion\n\nTexte.\n\n## Éducation\n\n1. Ateliers\n\n## Santé\n\n1. Centres\n"
    )


def test_headings_are_compared_without_case_accents_punctuation_or_an_axis_number() -> None:
    assert heading_key("Axe 2 : ÉDUCATION  populaire !") == heading_key("education populaire")
    assert heading_key("Axe 2") == "axe 2"  # nothing left but the prefix: kept as it is
    assert heading_key("**Former** les agents") == heading_key("Former les agents")
    tree = _tree([("Éducation populaire", [("Ateliers", [])])])
    motion = "## Axe 1 — education POPULAIRE\n\n1. ateliers.\n"
    assert merge_outline(motion, tree).empty


def test_new_items_join_their_list_and_levers_nest_under_their_proposal() -> None:
    tree = _tree([("Inclusion", [("Former", [("Budget", []), ("Calendrier", [])]), ("Équiper", [])])])
    motion = "## Inclusion\n\n10. Former\n    1. Budget\n\nUn paragraphe.\n"
    merge = merge_outline(motion, tree)
    merged = merge.apply(motion)
    assert merged == (
        "## Inclusion\n\n10. Former\n    1. Budget\n    2. Calendrier\n2. Équiper\n\nUn paragraphe.\n"
    )
    [axis] = outline(merged)
    assert [p.title for p in axis.children] == ["Former", "Équiper"]
    assert [lever.title for lever in axis.children[0].children] == ["Budget", "Calendrier"]
    assert [(a.kind, a.title, a.parent, a.after) for a in merge.additions] == [
        ("lever", "Calendrier", "Former", "Budget"),
        ("proposal", "Équiper", "Inclusion", "Former"),
    ]


def test_a_branch_merges_its_children_as_axes() -> None:
    doc: Doc[Any] = Doc()
    ensure_root(doc, "Sujet")
    workshop = add_node(doc, ROOT_ID, "Atelier")
    add_node(doc, add_node(doc, workshop, "Inclusion"), "Former")
    add_node(doc, ROOT_ID, "Ailleurs")
    merge = merge_outline("## Inclusion\n", build_tree(doc), workshop)
    assert merge.apply("## Inclusion\n") == "## Inclusion\n\n1. Former\n"
    assert [a.title for a in merge.additions] == ["Former"]


def test_merging_twice_adds_nothing_the_second_time() -> None:
    for case in make_golden.MERGE_CASES.values():
        doc, motion, branch = case()
        tree = build_tree(doc)
        merged = merge_outline(motion, tree, branch).apply(motion)
        assert merge_outline(merged, tree, branch).empty, motion
