"""Mind-map colours: only the palette or "#rrggbb" is written or drawn (issue 12, item 6)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from pycrdt import Doc

from crdt.mindmap import (
    PALETTE,
    ROOT_ID,
    add_node,
    build_tree,
    ensure_root,
    nodes_map,
    recolour,
    valid_colour,
)
from server.history.present import tree_json
from tests.support.server import ServerProcess
from tests.support.yclient import YClient

BEACON = "url(http://tracker.example/beacon)"
HOSTILE = [
    BEACON,
    "red",
    "#12345",
    "#1234567",
    "#12345g",
    "#123456;background:url(x)",
    "var(--x)",
    " #123456",
]


@pytest.mark.parametrize("colour", ["", *PALETTE, "#ABCDEF", "#0a0b0c"])
def test_valid_colours(colour: str) -> None:
    assert valid_colour(colour)


@pytest.mark.parametrize("colour", [*HOSTILE, None, 3])
def test_anything_else_is_not_a_colour(colour: Any) -> None:
    assert not valid_colour(colour)


def test_python_writes_only_valid_colours() -> None:
    doc: Doc[Any] = Doc()
    ensure_root(doc, "Congrès")
    node = add_node(doc, ROOT_ID, "Axe", colour="#2e7d32")
    with pytest.raises(ValueError, match="#rrggbb"):
        recolour(doc, node, BEACON)
    with pytest.raises(ValueError):
        add_node(doc, ROOT_ID, "Autre", colour=BEACON)
    assert nodes_map(doc)[node]["colour"] == "#2e7d32"


def test_a_colour_written_by_any_client_is_drawn_only_if_valid() -> None:
    """Another client may write any string: the tree the renderers draw from keeps only colours."""
    doc: Doc[Any] = Doc()
    ensure_root(doc, "Congrès")
    good = add_node(doc, ROOT_ID, "Axe", colour="#2e7d32")
    bad = add_node(doc, ROOT_ID, "Piège")
    nodes_map(doc)[bad]["colour"] = BEACON  # as a hostile client would, past recolour's check
    nodes_map(doc)[ROOT_ID]["colour"] = "#123456;background:url(x)"
    tree = build_tree(doc)
    colours = {node.id: node.colour for _, node in tree.walk()}
    assert colours == {ROOT_ID: "", good: "#2e7d32", bad: ""}
    shown = tree_json(tree)  # the history replay's JSON
    assert "url(" not in str(shown) and shown["children"][0]["colour"] == "#2e7d32"


def test_the_server_puts_back_the_default_on_a_colour_a_client_stored(tmp_path: Path) -> None:
    """The shared document itself holds no invalid colour for long: the server resets it for everyone."""
    server = ServerProcess(tmp_path / "data").start()
    try:
        congress = server.congress()

        async def scenario() -> tuple[str, str, str]:
            url = congress.url("mindmap")
            async with YClient(url) as writer, YClient(congress.url("mindmap", role="observer")) as reader:
                ensure_root(writer.doc, "Congrès")
                kept = add_node(writer.doc, ROOT_ID, "Axe", colour="#2e7d32")
                bad = add_node(writer.doc, ROOT_ID, "Balise")
                await reader.wait_for(lambda: bad in nodes_map(reader.doc))
                nodes_map(writer.doc)[bad]["colour"] = BEACON  # past crdt/mindmap.py's checks
                # Only the server's reset can bring the writer's own replica back to "".
                await writer.wait_for(lambda: nodes_map(writer.doc)[bad].get("colour") == "")
                await reader.wait_for(lambda: nodes_map(reader.doc)[bad].get("colour") == "")
                async with YClient(url) as latecomer:
                    return (
                        str(nodes_map(latecomer.doc)[bad]["colour"]),
                        str(nodes_map(latecomer.doc)[kept]["colour"]),
                        str(nodes_map(latecomer.doc)[bad]["label"]),
                    )

        assert asyncio.run(scenario()) == ("", "#2e7d32", "Balise")
        assert "invalid node colour(s) from participant:" in server.log()
    finally:
        server.stop()
