"""crdt.mindmap: concurrent edits by several people never break the tree, and every replica agrees."""

from __future__ import annotations

import contextlib
import random
from typing import Any

import pytest
from pycrdt import Doc

from crdt.mindmap import (
    ROOT_ID,
    Node,
    add_node,
    build_tree,
    delete,
    ensure_root,
    move,
    rename,
    reorder,
    to_outline,
)


def _shape(node: Node) -> tuple[Any, ...]:
    return (node.id, node.label, tuple(_shape(child) for child in node.children))


def _replicas(count: int) -> list[Doc[Any]]:
    first: Doc[Any] = Doc()
    ensure_root(first, "Congrès 2026")
    others = []
    for _ in range(count - 1):
        doc: Doc[Any] = Doc()
        doc.apply_update(first.get_update())
        others.append(doc)
    return [first, *others]


def _sync(a: Doc[Any], b: Doc[Any]) -> None:
    a.apply_update(b.get_update(a.get_state()))
    b.apply_update(a.get_update(b.get_state()))


def test_concurrent_moves_into_each_other_keep_a_tree() -> None:
    alice, bob = _replicas(2)
    x = add_node(alice, ROOT_ID, "Inclusion", node_id="x")
    y = add_node(alice, ROOT_ID, "Éducation", node_id="y")
    _sync(alice, bob)
    move(alice, x, y)  # X under Y here...
    move(bob, y, x)  # ...and Y under X there, at the same time
    _sync(alice, bob)
    tree = build_tree(alice)
    assert _shape(tree) == _shape(build_tree(bob))
    assert sorted(n.id for _, n in tree.walk()) == sorted([ROOT_ID, x, y])


def test_rename_and_move_of_the_same_node_both_survive() -> None:
    alice, bob = _replicas(2)
    axis = add_node(alice, ROOT_ID, "Axe 1", node_id="axis")
    idea = add_node(alice, ROOT_ID, "idée", node_id="idea")
    _sync(alice, bob)
    rename(alice, idea, "Former les agents")
    move(bob, idea, axis)
    _sync(alice, bob)
    (axis_node,) = [n for n in build_tree(alice).children if n.id == axis]
    assert [(c.id, c.label) for c in axis_node.children] == [(idea, "Former les agents")]


def test_deleting_a_branch_keeps_a_child_moved_out_concurrently() -> None:
    alice, bob = _replicas(2)
    branch = add_node(alice, ROOT_ID, "Branche", node_id="branch")
    child = add_node(alice, branch, "Enfant", node_id="child")
    other = add_node(alice, ROOT_ID, "Autre", node_id="other")
    _sync(alice, bob)
    delete(alice, branch)
    move(bob, child, other)
    _sync(alice, bob)
    ids = {n.id for _, n in build_tree(bob).walk()}
    assert branch not in ids and child in ids


def test_a_child_added_under_a_concurrently_deleted_node_is_hidden_with_it() -> None:
    alice, bob = _replicas(2)
    branch = add_node(alice, ROOT_ID, "Branche")
    _sync(alice, bob)
    delete(alice, branch)
    late = add_node(bob, branch, "Ajout tardif")
    _sync(alice, bob)
    assert late not in {n.id for _, n in build_tree(alice).walk()}


def test_moving_into_own_branch_is_refused() -> None:
    (doc,) = _replicas(1)
    parent = add_node(doc, ROOT_ID, "Parent")
    child = add_node(doc, parent, "Enfant")
    with pytest.raises(ValueError):
        move(doc, parent, child)


@pytest.mark.parametrize("seed", range(12))
def test_random_concurrent_edits_converge_to_one_valid_tree(seed: int) -> None:
    rng = random.Random(seed)
    replicas = _replicas(4)
    for step in range(60):
        doc = rng.choice(replicas)
        ids = [n.id for _, n in build_tree(doc).walk()]
        action = rng.random()
        if action < 0.35 or len(ids) < 3:
            add_node(doc, rng.choice(ids), f"n{seed}-{step}")
        elif action < 0.7:
            node, target = rng.choice(ids[1:]), rng.choice(ids)
            with contextlib.suppress(ValueError):  # a move into the node's own branch is refused
                move(doc, node, target)
        elif action < 0.8:
            delete(doc, rng.choice(ids[1:]))
        elif action < 0.9:
            rename(doc, rng.choice(ids), f"renamed {step}")
        else:
            reorder(doc, rng.choice(ids[1:]), rng.uniform(0, 10))
        if rng.random() < 0.3:
            _sync(*rng.sample(replicas, 2))
    for a in replicas:
        for b in replicas:
            _sync(a, b)
    shapes = {_shape(build_tree(doc)) for doc in replicas}
    assert len(shapes) == 1
    seen = [n.id for _, n in build_tree(replicas[0]).walk()]
    assert len(seen) == len(set(seen))  # no node twice, hence no cycle


def test_outline_turns_first_level_into_axes_and_below_into_numbered_items() -> None:
    (doc,) = _replicas(1)
    axis = add_node(doc, ROOT_ID, "Inclusion numérique")
    first = add_node(doc, axis, "Former les aidants")
    add_node(doc, first, "Levier : un réseau départemental")
    add_node(doc, axis, "Ouvrir des lieux")
    add_node(doc, ROOT_ID, "Cybersécurité")
    assert to_outline(build_tree(doc)) == (
        "## Inclusion numérique\n\n"
        "1. Former les aidants\n"
        "   1. Levier : un réseau départemental\n"
        "2. Ouvrir des lieux\n\n"
        "## Cybersécurité\n"
    )
