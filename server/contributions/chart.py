"""The themes as a picture: one SVG with the size of each theme and the contributions over time.

Drawn on the server (no script, no library in the page): bars are sorted as
the themes are, each in its theme's colour, and the timeline stacks each
day's new contributions by theme, so one can see which themes arrived late.
Days are the congress's (its time zone) and written in the page's language,
numbers the French way in French (server/clock.py, server/words).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from html import escape

from server import palette
from server.clock import Clock, format_date
from server.words import number

# Dark enough for white text and distinct for the common colour blindnesses (Okabe-Ito, darkened).
COLOURS = palette.THEMES
UNSORTED = palette.UNSORTED
WIDTH = 900
BAR = 26
FONT = "system-ui, sans-serif"
MIN_DAYS = 14
MAX_COLUMN = 36


colour = palette.theme_colour


def themes_svg(
    themes: Sequence[tuple[str, Sequence[str]]],
    arrivals: dict[str, float],
    title: str = "",
    unsorted_label: str = "not classified yet",
    timeline_label: str = "Contributions per day",
    size_label: str = "Contributions per theme",
    clock: Clock | None = None,
    lang: str = "fr",
) -> str:
    """`themes`: (title, contribution keys) in order; `arrivals`: key → creation time."""
    clock = clock or Clock()
    theme_of = {key: i for i, (_, keys) in enumerate(themes) for key in keys}
    unsorted = [key for key in arrivals if key not in theme_of]
    rows = [(name, len(keys), colour(i)) for i, (name, keys) in enumerate(themes)]
    if unsorted:
        rows.append((unsorted_label, len(unsorted), UNSORTED))
    largest = max((n for _, n, _ in rows), default=1) or 1
    label_width = 300
    bar_space = WIDTH - label_width - 60
    parts: list[str] = []
    y = 30
    parts.append(_text(10, y, size_label, weight="bold", size=16))
    y += 14
    for name, count, fill in rows:
        width = max(2.0, bar_space * count / largest)
        short = name if len(name) <= 36 else name[:35].rstrip() + "…"  # 300 px of 14 px type
        figure = number(count, lang)
        parts.append(f"<g><title>{escape(name)} : {figure}</title>")
        parts.append(_text(label_width - 8, y + BAR * 0.68, short, anchor="end"))
        parts.append(
            f'<rect x="{label_width}" y="{y}" width="{width:.1f}" height="{BAR - 6}" fill="{fill}" rx="3"/>'
        )
        parts.append(_text(label_width + width + 6, y + BAR * 0.68, figure))
        parts.append("</g>")
        y += BAR
    y += 30
    parts.append(_text(10, y, timeline_label, weight="bold", size=16))
    y += 14
    y = _timeline(parts, y, arrivals, theme_of, len(themes), clock, lang)
    height = y + 10
    label = escape(title or size_label)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" '
        f'height="{height}" role="img" aria-label="{label}" font-family="{FONT}" font-size="14">'
        f"<title>{label}</title>" + "".join(parts) + "</svg>"
    )


def _timeline(
    parts: list[str],
    top: int,
    arrivals: dict[str, float],
    theme_of: dict[str, int],
    n: int,
    clock: Clock,
    lang: str,
) -> int:
    if not arrivals:
        parts.append(_text(10, top + 20, "—"))
        return top + 30
    per_day: dict[dt.date, Counter[int]] = {}
    for key, at in arrivals.items():
        per_day.setdefault(clock.local(at).date(), Counter())[theme_of.get(key, -1)] += 1
    last = max(per_day)
    # At least two weeks on the axis: one day of imports is a bar, not a wall.
    first = min(min(per_day), last - dt.timedelta(days=MIN_DAYS - 1))
    days = (last - first).days + 1
    height = 140
    left, right = 50, WIDTH - 20
    step = (right - left) / days
    tallest = max(sum(c.values()) for c in per_day.values())
    base = top + height
    parts.append(f'<line x1="{left}" y1="{base}" x2="{right}" y2="{base}" stroke="#545463"/>')
    parts.append(_text(left - 6, top + 10, number(tallest, lang), anchor="end", size=12))
    parts.append(_text(left - 6, base, "0", anchor="end", size=12))
    for day, counts in sorted(per_day.items()):
        x = left + (day - first).days * step
        y = float(base)
        for index in [*range(n), -1]:
            count = counts.get(index, 0)
            if not count:
                continue
            h = height * count / tallest
            y -= h
            fill = UNSORTED if index < 0 else colour(index)
            width = max(min(step - 2, MAX_COLUMN), 1)
            left_x = x + (step - width) / 2
            parts.append(
                f'<rect x="{left_x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{h:.1f}" fill="{fill}">'
                f"<title>{escape(format_date(day, lang))} : {number(count, lang)}</title></rect>"
            )
    parts.append(_text(left, base + 18, format_date(first, lang), size=12))
    parts.append(_text(right, base + 18, format_date(last, lang), anchor="end", size=12))
    return base + 24


def _text(
    x: float, y: float, text: str, anchor: str = "start", weight: str = "normal", size: int = 14
) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-weight="{weight}" font-size="{size}" '
        f'fill="#1b1b1f">{escape(text)}</text>'
    )
