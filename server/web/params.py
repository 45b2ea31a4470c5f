"""Reading what a request names (path, query, JSON body) into plain values, with their ranges, in one place.

Anything out of range is a BadRequest (400 with a message), never a 500 from a
database that cannot hold the number (SQLite and PostgreSQL stop at 2^63 - 1).
"""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request

from server.errors import BadRequest

BIGGEST = 2**63 - 1  # the largest integer a database column holds
MAX_BODY = 2 * 1024 * 1024


def integer(value: object, name: str, low: int = 0, high: int = BIGGEST) -> int:
    """`value` (a string from a URL, or a JSON number) as an integer from `low` to `high`."""
    if isinstance(value, bool):
        raise BadRequest(f"{name} must be a whole number")
    if isinstance(value, int):
        number = value
    else:
        text = str(value).strip()
        if not text.lstrip("-").isdigit() or len(text) > 25:
            raise BadRequest(f"{name} must be a whole number")
        number = int(text)
    if not low <= number <= high:
        raise BadRequest(f"{name} must be from {low} to {high}")
    return number


def optional_integer(value: object, name: str, low: int = 0, high: int = BIGGEST) -> int | None:
    """None for an absent or empty value, else as `integer`."""
    if value is None or value == "":
        return None
    return integer(value, name, low, high)


def path_integer(request: Request, name: str, label: str | None = None) -> int:
    return integer(request.path_params[name], label or name)


async def body(request: Request, limit: int = MAX_BODY, what: str = "request") -> bytes:
    data = await request.body()
    if len(data) > limit:
        raise BadRequest(f"{what} too large")
    return data


async def json_object(request: Request, limit: int = MAX_BODY) -> dict[str, Any]:
    """The request's JSON object (an empty body is `{}`), of at most `limit` bytes."""
    data = await body(request, limit)
    try:
        value = json.loads(data or b"{}")
    except ValueError:
        raise BadRequest("the body is not JSON") from None
    if not isinstance(value, dict):
        raise BadRequest("the body must be a JSON object")
    return value
