"""The congress's axes read from a file: CSV (name,description) or JSON ([{name, description}])."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from server.themes.model import Axis

MAX_AXES = 20
MAX_NAME = 200
MAX_DESCRIPTION = 1_000


class AxesError(ValueError):
    """The axes cannot be used as given; the message says which one and why."""


def load_axes(path: str | Path) -> list[Axis]:
    path = Path(path)
    try:
        content = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise AxesError(f"{path}: cannot read the file: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise AxesError(f"{path}: not UTF-8 text") from exc
    if path.suffix.lower() == ".json" or content.lstrip()[:1] in ("[", "{"):
        try:
            data = json.loads(content)
        except json.JSONDecodeError as exc:
            raise AxesError(f"{path}: invalid JSON, line {exc.lineno}: {exc.msg}") from exc
        if isinstance(data, dict):
            data = data.get("axes")
        if not isinstance(data, list):
            raise AxesError(f"{path}: expected a list of {{name, description}}")
        return validate_axes(data)
    reader = csv.DictReader(content.splitlines())
    if "name" not in (reader.fieldnames or []):
        raise AxesError(f"{path}: the header must be name,description")
    return validate_axes(list(reader))


def validate_axes(items: list[Any]) -> list[Axis]:
    """Axes from plain data (a file, a request): names unique, at most MAX_AXES."""
    if len(items) > MAX_AXES:
        raise AxesError(f"at most {MAX_AXES} axes / {MAX_AXES} axes au plus")
    axes: list[Axis] = []
    seen: set[str] = set()
    for position, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise AxesError(f"axis {position}: expected {{name, description}}")
        name = " ".join(str(item.get("name") or "").split())
        description = " ".join(str(item.get("description") or "").split())
        if not name:
            raise AxesError(f"axis {position}: a name is needed / il faut un nom")
        if len(name) > MAX_NAME or len(description) > MAX_DESCRIPTION:
            raise AxesError(f"axis {position}: name ≤ {MAX_NAME}, description ≤ {MAX_DESCRIPTION} characters")
        if name.casefold() in seen:
            raise AxesError(f"axis {position}: {name!r} twice / en double")
        seen.add(name.casefold())
        axes.append(Axis(name, description))
    return axes
