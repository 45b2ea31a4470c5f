"""server.history.restore: the edit that brings an old version back, on replicas that keep editing."""

from __future__ import annotations

from typing import Any

from pycrdt import Doc, Text

from crdt import mindmap
from crdt.mindmap import build_tree
from server.history.restore import mindmap_restore, motion_restore
from tests.support.congress_day import tree_digest


def _copy(doc: Doc[Any]) -> Doc[Any]:
    other: Doc[Any] = Doc()
    other.apply_update(doc.get_update())
    return other


def _sync(a: Doc[Any], b: Doc[Any]) -> None:
    a.apply_update(b.get_update(a.get_state()))
    b.apply_update(a.get_update(b.get_state()))


def test_motion_restore_rewrites_multibyte_text_word_by_word() -> None:
    live: Doc[Any] = Doc()
    text = live.get("text", type=Text)
    text += "## Éducation\n\n1. Des ateliers à l'école — pour tous €\n"
    old = str(text)
    text.insert(len("## Éducation\n\n1. Des ".encode()), "très grands ")
    del text[0 : len(b"## ")]
    text += "2. Une médiathèque numérique ouverte\n"
    update = motion_restore(live, old)
    assert update is not None
    live.apply_update(update)
    assert str(text) == old
    assert motion_restore(live, old) is None  # already equal: no edit


def test_motion_restore_keeps_what_someone_types_at_the_same_moment() -> None:
    server: Doc[Any] = Doc()
    server.get("text", type=Text).insert(0, "Le texte adopté par le congrès.")
    old = str(server.get("text", type=Text))
    server.get("text", type=Text).insert(len("Le texte adopté par le congrès".encode()), " et amendé")
    participant = _copy(server)
    # The participant types inside a word both versions share while the organiser restores.
    participant_text = participant.get("text", type=Text)
    participant_text.insert(len("Le texte adopté par le ".encode()), "grand ")
    update = motion_restore(server, old)
    assert update is not None
    server.apply_update(update)
    _sync(server, participant)
    assert str(server.get("text", type=Text)) == str(participant_text)
    assert str(participant_text) == "Le texte adopté par le grand congrès."


def test_mindmap_restore_brings_back_labels_parents_and_hides_new_nodes() -> None:
    live: Doc[Any] = Doc()
    mindmap.ensure_root(live, "Motion 2026")
    axis = mindmap.add_node(live, mindmap.ROOT_ID, "Inclusion")
    other = mindmap.add_node(live, mindmap.ROOT_ID, "Données")
    leaf = mindmap.add_node(live, axis, "Former les agents", colour="#1565c0")
    target = _copy(live)
    before = tree_digest(build_tree(target))

    mindmap.rename(live, axis, "Inclusion numérique")
    mindmap.move(live, leaf, other)
    mindmap.recolour(live, leaf, "#b3261e")
    mindmap.add_node(live, other, "Ouvrir les données")
    mindmap.delete(live, axis)
    participant = _copy(live)
    update = mindmap_restore(live, target)
    assert update is not None
    live.apply_update(update)
    assert tree_digest(build_tree(live)) == before
    # Someone renames a node at the same moment: both replicas end with the same map.
    mindmap.rename(participant, other, "Open data")
    _sync(live, participant)
    assert tree_digest(build_tree(live)) == tree_digest(build_tree(participant))
    assert mindmap_restore(participant, participant) is None
