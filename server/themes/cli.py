"""`ubiquite themes classify`: the classification from the command line, outside any congress."""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any

# Below this many contributions the whole run takes a second or two: no progress needed.
PROGRESS_FROM = 200


def add_parser(commands: Any) -> None:
    """Register `themes` on the `ubiquite` sub-command parser."""
    themes = commands.add_parser("themes", help="classify contributions into themes")
    actions = themes.add_subparsers(dest="themes_command", required=True)
    classify = actions.add_parser(
        "classify",
        help="group the contributions of a CSV (id,title,text) or JSON file into themes",
        description="Group contributions into themes: label words, contributions ranked by "
        "centrality, near-duplicates flagged. The same file always gives the same themes.",
    )
    classify.add_argument("contributions", help="CSV file with columns id,title,text (UTF-8), or .json")
    classify.add_argument("--k", type=int, help="number of themes (default: proposed by the method)")
    classify.add_argument("--out", help="write the full result as JSON to this file")
    classify.add_argument(
        "--seeds",
        help="organiser themes to keep (JSON: [{name, contributions: [ids]}] or an earlier --out file)",
    )
    classify.add_argument(
        "--axes",
        help="the congress's axes, each a name and one sentence (CSV name,description, or JSON): "
        "every contribution goes to an axis, or to 'Autre' when far from all",
    )
    classify.add_argument(
        "--duplicate-threshold",
        type=float,
        help="a fixed cosine from which two contributions are near-duplicates "
        "(default: a rule relative to the corpus, docs/themes.md)",
    )
    classify.set_defaults(handler=classify_command)


def classify_command(args: argparse.Namespace, settings: object = None) -> int:
    # Imported here: scikit-learn and the encoder take a second to import, `ubiquite serve` needs neither.
    from server.themes.axes import AxesError, load_axes
    from server.themes.contributions import ContributionFileError, load_contributions
    from server.themes.engine import ClassificationError, classify
    from server.themes.report import load_seeds, to_json, to_text

    if args.k is not None and args.k < 1:
        print("error: --k must be at least 1", file=sys.stderr)
        return 2
    try:
        contributions = load_contributions(args.contributions)
        seeds = load_seeds(args.seeds) if args.seeds else []
        axes = load_axes(args.axes) if args.axes else []
    except (ContributionFileError, AxesError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except (OSError, ValueError) as exc:  # the seeds file
        print(f"error: {args.seeds}: {exc}", file=sys.stderr)
        return 1
    if not contributions:
        print(f"error: {args.contributions}: no contribution / aucune contribution", file=sys.stderr)
        return 1
    started = time.perf_counter()
    show = len(contributions) >= PROGRESS_FROM
    if show:
        print(f"{len(contributions)} contributions", file=sys.stderr)
    try:
        result = classify(
            contributions,
            k=args.k,
            seeds=seeds,
            axes=axes,
            duplicate_threshold=args.duplicate_threshold,
            progress=_progress if show else None,
        )
    except ClassificationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if show:
        print(f"done in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as out:
            json.dump(to_json(result, contributions), out, ensure_ascii=False, indent=2)
            out.write("\n")
        for theme in result.themes:
            print(f"{theme.index + 1}. {theme.title} ({len(theme.members)})")
        print(f"→ {args.out}")
    else:
        print(to_text(result, contributions))
    return 0


def _progress(step: str, done: int, total: int) -> None:
    end = "\n" if done >= total or not sys.stderr.isatty() else ""
    print(f"\r{step}: {done}/{total}", end=end, file=sys.stderr, flush=True)
