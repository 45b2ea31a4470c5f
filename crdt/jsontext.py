"""Checking JSON text from peers before anything parses it: depth first, then syntax."""

from __future__ import annotations

import json


class JsonTextError(ValueError):
    """The text is not JSON, or nests deeper than allowed."""


class JsonTooDeep(JsonTextError):
    """Arrays or objects nest deeper than allowed."""


def nests_deeper_than(text: str, limit: int) -> bool:
    """Whether arrays/objects nest deeper than `limit`, brackets inside strings ignored."""
    if text.count("[") + text.count("{") <= limit:
        return False
    depth = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > limit:
                return True
        elif char in "]}":
            depth -= 1
    return False


def check_json(text: str, max_depth: int) -> None:
    """Raise JsonTextError unless `text` is JSON nesting at most `max_depth` levels.

    The depth is checked first so a hostile value never reaches a recursive parser.
    """
    if nests_deeper_than(text, max_depth):
        raise JsonTooDeep("JSON value nesting too deep")
    try:
        json.loads(text)
    except ValueError as exc:
        raise JsonTextError("not valid JSON") from exc
