"""The activity chart: edits per minute over the day, stacked per participant, as an SVG picture.

Drawn on the server (no script, allowed by the pages' CSP); every bar has a
<title> so the figures can be read on hover and by screen readers. The time
axis runs from the first edit's minute to the last edit's: the chart ends
where the writing ended, not at the moment it is looked at, and a short
session is not stretched over half an hour. Times are the congress's, in the
page's language (server/clock.py).
"""

from __future__ import annotations

from collections import Counter
from html import escape

from server.clock import Clock
from server.words import number

WIDTH = 960
LEFT, RIGHT, TOP, PLOT_H, AXIS = 52, 12, 12, 188, 30
LEGEND_ROW = 18
WIDEST_BAR = 48.0  # a session of a few minutes: bars, not blocks across the whole chart
CHAR_WIDTH = 6.6  # of the legend's 11 px type, to lay out its names


def activity_svg(
    activity: dict[int, Counter[str]],
    names: dict[str, str],
    colours: dict[str, str],
    title: str,
    clock: Clock | None = None,
    lang: str = "fr",
    legend: bool = True,
) -> str:
    """`activity`: minute (unix time // 60) → author → edits; authors drawn in the order of `colours`.

    Without `legend`, the page lists the people beside the picture itself (with their counts)."""
    clock = clock or Clock()
    plot_w = WIDTH - LEFT - RIGHT
    names_drawn, legend_rows = _legend(names, colours, TOP + PLOT_H + AXIS + 12) if legend else ("", 0)
    height = TOP + PLOT_H + AXIS + legend_rows * LEGEND_ROW + 8
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="activity" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" aria-labelledby="activity-title"><title id="activity-title">{escape(title)}</title>',
        f'<rect x="{LEFT}" y="{TOP}" width="{plot_w}" height="{PLOT_H}" fill="#fafafa" stroke="#ccc"/>',
    ]
    if activity:
        first, last = min(activity), max(activity)
        minutes = last - first + 1
        peak = max(sum(c.values()) for c in activity.values())
        slot = plot_w / minutes
        bar = min(slot * 0.9, WIDEST_BAR) if minutes > 1 else min(plot_w, WIDEST_BAR)
        for minute, counts in activity.items():
            x = LEFT + (minute - first) * slot + (slot - bar) / 2
            y: float = TOP + PLOT_H
            for author in [a for a in colours if a in counts] + [a for a in counts if a not in colours]:
                h = counts[author] / peak * PLOT_H
                y -= h
                who = names.get(author, author)
                label = f"{clock.time_of_day(minute * 60, lang)} — {who} : {number(counts[author], lang)}"
                parts.append(
                    f'<rect x="{x:.2f}" y="{y:.2f}" width="{max(bar, 0.6):.2f}" height="{h:.2f}" '
                    f'fill="{colours.get(author, "#888")}"><title>{escape(label)}</title></rect>'
                )
        parts.append(_axis(first, minutes, slot, peak, clock, lang))
    parts.append(names_drawn)
    parts.append("</svg>")
    return "".join(parts)


def _axis(first: int, minutes: int, slot: float, peak: int, clock: Clock, lang: str) -> str:
    """Ticks at round times inside the span, and its two ends, which say when writing began and ended."""
    step = next((s for s in (1, 2, 5, 10, 15, 30, 60, 120, 240) if minutes / s <= 10), 480)
    base = TOP + PLOT_H
    ticks: list[str] = []

    def tick(minute: int, x: float, anchor: str) -> None:
        ticks.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{base}" y2="{base + 4}" stroke="#555"/>'
            f'<text x="{x:.1f}" y="{base + 17}" font-size="11" text-anchor="{anchor}">'
            f"{escape(clock.time_of_day(minute * 60, lang))}</text>"
        )

    end = first + minutes  # the end of the last minute with an edit
    tick(first, LEFT, "start")
    for minute in range(first + (-first) % step, end, step):
        x = LEFT + (minute - first) * slot
        if 70 < x - LEFT < (end - first) * slot - 70:  # clear of the two ends' labels
            tick(minute, x, "middle")
    tick(end, LEFT + minutes * slot, "end")
    top = number(peak, lang)
    ticks.append(f'<text x="{LEFT - 6}" y="{TOP + 10}" font-size="11" text-anchor="end">{top}</text>')
    ticks.append(f'<text x="{LEFT - 6}" y="{base}" font-size="11" text-anchor="end">0</text>')
    return "".join(ticks)


def _legend(names: dict[str, str], colours: dict[str, str], top: float) -> tuple[str, int]:
    """Everyone's colour and name, in rows that wrap (no name cut off); and how many rows."""
    items: list[str] = []
    x, row = float(LEFT), 0
    for author, colour in colours.items():
        name = names.get(author, author)
        width = 14 + CHAR_WIDTH * len(name) + 16
        if x + width > WIDTH - RIGHT and x > LEFT:
            x, row = float(LEFT), row + 1
        y = top + row * LEGEND_ROW
        items.append(
            f'<rect x="{x:.1f}" y="{y - 9}" width="10" height="10" fill="{colour}"/>'
            f'<text x="{x + 14:.1f}" y="{y}" font-size="11">{escape(name)}</text>'
        )
        x += width
    return "".join(items), (row + 1) if items else 0
