"""Dates and times as people of the congress read them: in its time zone, in French or English words.

One instant shows the same everywhere (history, replay, compare, the public page, the exports):
all of them format through `Clock`, built once from the setting `UBIQUITE_TIME_ZONE`
(default Europe/Paris, the congress's own clock rather than the server's, which is often UTC).
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_ZONE = "Europe/Paris"

MONTHS_FR = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


class UnknownTimeZone(ValueError):
    """A time zone name the system's tz database does not know."""


def zone_named(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise UnknownTimeZone(f"unknown time zone {name!r} (an IANA name such as Europe/Paris)") from exc


def format_date(day: dt.date, lang: str) -> str:
    """ "1er décembre 2026", "2 décembre 2026"; "2 December 2026"."""
    if lang == "en":
        return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"
    return f"{'1er' if day.day == 1 else day.day} {MONTHS_FR[day.month - 1]} {day.year}"


class Clock:
    def __init__(self, zone: str = DEFAULT_ZONE) -> None:
        self.zone_name = zone
        self.zone = zone_named(zone)

    def local(self, at: float) -> dt.datetime:
        return dt.datetime.fromtimestamp(at, self.zone)

    def time_of_day(self, at: float, lang: str, seconds: bool = False) -> str:
        """ "15 h 02" ("15 h 02 min 07 s" with seconds); "15:02" ("15:02:07")."""
        moment = self.local(at)
        if lang == "en":
            return moment.strftime("%H:%M:%S" if seconds else "%H:%M")
        return moment.strftime("%H h %M min %S s" if seconds else "%H h %M")

    def span(self, start: float | None, end: float | None, lang: str) -> str:
        """ "2 décembre 2026, de 14 h 02 à 16 h 30", or "du 2 décembre 2026, 14 h 02 au 3 décembre
        2026, 10 h 15"; in English "2 December 2026, 14:02 to 16:30"; "" for no time."""
        if not start or not end:
            return ""
        first, last = self.local(start).date(), self.local(end).date()
        if first == last:
            day = format_date(first, lang)
            since, until = self.time_of_day(start, lang), self.time_of_day(end, lang)
            return f"{day}, {since} to {until}" if lang == "en" else f"{day}, de {since} à {until}"
        if lang == "en":
            return f"{self.moment(start, lang)} to {self.moment(end, lang)}"
        return f"du {self.moment(start, lang)} au {self.moment(end, lang)}"

    def moment(self, at: float | None, lang: str, seconds: bool = False) -> str:
        """ "2 décembre 2026, 15 h 02"; "2 December 2026, 15:02"; "" for no time."""
        if not at:
            return ""
        return f"{format_date(self.local(at).date(), lang)}, {self.time_of_day(at, lang, seconds)}"
