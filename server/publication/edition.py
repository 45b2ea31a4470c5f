"""What every export and the published page show: the congress, the version, its contributors, the text.

Words are French first, English on request, like the rest of the interface.
"""

from __future__ import annotations

from dataclasses import dataclass

from server.clock import Clock, format_date
from server.congress.models import CongressRow, ParticipantRow
from server.publication.versions import MotionVersion
from server.words import word as catalogue_word


def word(key: str, lang: str, **values: object) -> str:
    """The export's words are the catalogue's `publication` area (server/words/publication.json)."""
    return catalogue_word(key, lang, "publication", **values)


@dataclass(frozen=True)
class Edition:
    title: str
    edition: str
    dates: str  # "23 novembre 2026" or "23 novembre 2026 – 24 novembre 2026", "" if unknown
    version: str  # "Texte au 23 novembre 2026, 15 h 02 (position 1234 du journal)"
    position: int
    contributors: tuple[str, ...]
    markdown: str
    lang: str
    slug: str
    moment: str = ""  # when the version was written, in words ("2 décembre 2026, 15 h 02"); "" if empty
    # The results of the votes closed up to this version (issue 15), one sentence each.
    decisions: tuple[str, ...] = ()

    def word(self, key: str) -> str:
        return word(key, self.lang)

    @property
    def meta(self) -> str:
        """ "Édition 2026 · 23 novembre 2026", or what is known of it."""
        edition = self.edition and f"{self.word('edition')} {self.edition}"
        return " · ".join(v for v in (edition, self.dates) if v)

    @property
    def file_stem(self) -> str:
        return f"motion-{self.slug}-{self.position}"


def make_edition(
    congress: CongressRow,
    version: MotionVersion,
    people: list[ParticipantRow],
    lang: str,
    clock: Clock,
    decisions: tuple[str, ...] = (),
) -> Edition:
    names = {p.id: p.name for p in people}
    contributors = tuple(names.get(pid) or word("someone", lang, id=pid) for pid in version.contributors)
    days = [d for d in (congress.starts_on, congress.ends_on) if d]
    dates = " – ".join(format_date(d, lang) for d in dict.fromkeys(days))
    if version.at is None:
        label = word("version_empty", lang, position=version.position)
    else:
        label = word("version_of", lang, when=clock.moment(version.at, lang), position=version.position)
    return Edition(
        title=congress.title,
        edition=congress.edition,
        dates=dates,
        version=label,
        position=version.position,
        contributors=tuple(sorted(contributors, key=str.casefold)),
        markdown=version.text,
        lang=lang,
        slug=congress.slug,
        moment=clock.moment(version.at, lang),
        decisions=decisions,
    )
