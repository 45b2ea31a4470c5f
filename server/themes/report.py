"""A classification as JSON or as text for a terminal, and organiser seeds read back from JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from server.themes.contributions import Contribution
from server.themes.model import Classification, ThemeSeed


def to_json(result: Classification, contributions: Sequence[Contribution]) -> dict[str, Any]:
    titles = {c.id: c.title for c in contributions}
    return {
        "themes": [
            {
                "index": theme.index,
                "name": theme.name,
                "label": theme.label,
                "axis": theme.axis,
                "other": theme.other,
                "words": list(theme.words),
                "size": len(theme.members),
                "subthemes": [
                    {"label": sub.label, "contributions": list(sub.contribution_ids)}
                    for sub in theme.subthemes
                ],
                "contributions": [
                    {
                        "id": m.contribution_id,
                        "title": titles[m.contribution_id],
                        "centrality": m.centrality,
                        "pinned": m.pinned,
                    }
                    for m in theme.members
                ],
            }
            for theme in result.themes
        ],
        "assignment": result.assignment(),
        "near_duplicates": [
            {"first": d.first, "second": d.second, "similarity": d.similarity} for d in result.near_duplicates
        ],
        "proposed_k": result.proposed_k,
        "silhouette": {str(k): round(v, 4) for k, v in result.silhouette.items()},
    }


def to_text(result: Classification, contributions: Sequence[Contribution], per_theme: int = 5) -> str:
    titles = {c.id: c.title for c in contributions}
    lines = []
    for theme in result.themes:
        heading = f"Thème {theme.index + 1} — {theme.title} ({len(theme.members)} contributions)"
        lines.append(heading)
        lines.append(f"  mots : {', '.join(theme.words)}")
        for sub in theme.subthemes:
            lines.append(f"  · {sub.label} ({len(sub.contribution_ids)})")
        for m in theme.members[:per_theme]:
            lines.append(f"  {m.contribution_id}  {titles[m.contribution_id]}  ({m.centrality:.2f})")
        if len(theme.members) > per_theme:
            lines.append(f"  … et {len(theme.members) - per_theme} autres")
        lines.append("")
    if result.near_duplicates:
        lines.append(f"Quasi-doublons ({len(result.near_duplicates)}) :")
        for d in result.near_duplicates:
            lines.append(f"  {d.first} ≈ {d.second}  ({d.similarity:.2f})")
    if result.proposed_k is not None:
        lines.append(f"Nombre de thèmes proposé : {result.proposed_k} (--k N pour le changer)")
    return "\n".join(lines)


def load_seeds(path: str | Path) -> list[ThemeSeed]:
    """Seeds from a JSON list of {"name", "contributions": [ids]}, or from this command's own output.

    An organiser can edit an output file (rename a theme, move an id) and pass it
    back: themes without a name keep their proposed label as name.
    """
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if isinstance(data, dict):
        data = data.get("themes", [])
    if not isinstance(data, list):
        raise ValueError("seeds: expected a list of themes / une liste de thèmes")
    seeds = []
    for position, theme in enumerate(data, 1):
        if not isinstance(theme, dict):
            raise ValueError(f"seeds: theme {position} is not an object / le thème {position} est invalide")
        name = theme.get("name") or theme.get("label") or f"Thème {position}"
        ids = [item["id"] if isinstance(item, dict) else item for item in theme.get("contributions", [])]
        seeds.append(ThemeSeed(str(name), tuple(str(i) for i in ids), str(theme.get("axis") or "")))
    return seeds
