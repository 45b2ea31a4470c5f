"""The activity chart: edits per minute over the day, stacked per participant, as an SVG picture.

Drawn on the server (no script, allowed by the pages' CSP); every bar has a
<title> so the figures can be read on hover and by screen readers.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from html import escape
from zoneinfo import ZoneInfo

from server.clock import DEFAULT_ZONE

DEFAULT = ZoneInfo(DEFAULT_ZONE)
WIDTH, HEIGHT = 960, 260
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 12, 60


def clock(at: float, zone: ZoneInfo = DEFAULT) -> str:
    return dt.datetime.fromtimestamp(at, zone).strftime("%H:%M")


def activity_svg(
    activity: dict[int, Counter[str]],
    names: dict[str, str],
    colours: dict[str, str],
    title: str,
    zone: ZoneInfo = DEFAULT,
) -> str:
    """`activity`: minute (unix time // 60) → author → edits; authors drawn in the order of `colours`."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="activity" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-labelledby="activity-title"><title id="activity-title">{escape(title)}</title>',
        f'<rect x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}" fill="#fafafa" stroke="#ccc"/>',
    ]
    if activity:
        first, last = min(activity), max(activity)
        minutes = max(last - first + 1, 30)  # a short session still reads as bars, not one block
        peak = max(sum(c.values()) for c in activity.values())
        bar = plot_w / minutes
        for minute, counts in activity.items():
            x = LEFT + (minute - first) * bar
            y: float = TOP + plot_h
            for author in [a for a in colours if a in counts] + [a for a in counts if a not in colours]:
                h = counts[author] / peak * plot_h
                y -= h
                label = f"{clock(minute * 60, zone)} — {names.get(author, author)} : {counts[author]}"
                parts.append(
                    f'<rect x="{x:.2f}" y="{y:.2f}" width="{max(bar, 0.6):.2f}" height="{h:.2f}" '
                    f'fill="{colours.get(author, "#888")}"><title>{escape(label)}</title></rect>'
                )
        parts.append(_axis(first, minutes, plot_w, plot_h, peak, zone))
    parts.append(_legend(names, colours, HEIGHT - 22))
    parts.append("</svg>")
    return "".join(parts)


def _axis(first: int, minutes: int, plot_w: float, plot_h: float, peak: int, zone: ZoneInfo) -> str:
    step = next((s for s in (5, 10, 15, 30, 60, 120, 240) if minutes / s <= 12), 480)
    ticks = []
    start = first + (-first) % step
    for minute in range(start, first + minutes, step):
        x = LEFT + (minute - first) * plot_w / minutes
        ticks.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{TOP + plot_h}" y2="{TOP + plot_h + 4}" stroke="#555"/>'
            f'<text x="{x:.1f}" y="{TOP + plot_h + 16}" font-size="11" text-anchor="middle">'
            f"{clock(minute * 60, zone)}</text>"
        )
    ticks.append(f'<text x="{LEFT - 6}" y="{TOP + 10}" font-size="11" text-anchor="end">{peak}</text>')
    ticks.append(f'<text x="{LEFT - 6}" y="{TOP + plot_h}" font-size="11" text-anchor="end">0</text>')
    return "".join(ticks)


def _legend(names: dict[str, str], colours: dict[str, str], y: float) -> str:
    items, x = [], LEFT
    for author, colour in colours.items():
        name = names.get(author, author)
        items.append(
            f'<rect x="{x}" y="{y - 9}" width="10" height="10" fill="{colour}"/>'
            f'<text x="{x + 14}" y="{y}" font-size="11">{escape(name)}</text>'
        )
        x += 24 + 7 * len(name)
        if x > WIDTH - 100:
            break
    return "".join(items)
