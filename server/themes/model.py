"""What a classification is made of: axes, themes, their ranked members, the organiser's seeds.

Plain dataclasses, no numpy: the server reads them without loading the numeric libraries.
"""

from __future__ import annotations

from dataclasses import dataclass, field

OTHER = "Autre"  # the theme of contributions far from every axis


@dataclass(frozen=True)
class NearDuplicate:
    """Two contributions that say the same thing (server/themes/duplicates.py)."""

    first: str
    second: str
    similarity: float  # cosine in the space they were compared in, for sorting; never shown


@dataclass(frozen=True)
class Axis:
    """One of the congress's axes as its organisers wrote it: a name and one descriptive sentence.

    The sentence matters: measured, a name alone places contributions about half as
    well (docs/themes.md).
    """

    name: str
    description: str = ""

    @property
    def anchor_text(self) -> str:
        """What the encoders read of the axis, written like a contribution (title. text)."""
        return f"{self.name} : {self.description}" if self.description else self.name


@dataclass(frozen=True)
class ThemeSeed:
    """An organiser's correction, kept across runs: a theme name and the contributions pinned to it.

    Renaming a theme, moving a contribution into it, merging two themes (one seed
    pinning the contributions of both) and splitting one (two seeds) are all
    expressed as seeds. On the next run the pinned contributions stay where they
    are, the theme keeps its name, and new contributions join it when they are
    close to its pinned ones.
    """

    name: str
    contribution_ids: tuple[str, ...] = ()
    axis: str = ""  # the axis this correction was made on, kept when the organiser renames it


@dataclass(frozen=True)
class SubTheme:
    """A group proposed inside a theme: a label and its contributions, most central first."""

    label: str
    contribution_ids: tuple[str, ...]


@dataclass(frozen=True)
class Member:
    contribution_id: str
    centrality: float  # cosine similarity to the theme's centre, 1 = most typical
    pinned: bool = False


@dataclass(frozen=True)
class Theme:
    index: int
    words: tuple[str, ...]  # the most telling words, most telling first
    members: tuple[Member, ...]  # most central first
    name: str | None = None  # the organiser's name, for a theme that came from a seed or an axis
    phrase: str = ""  # the proposed label, a phrase a person would write (server/themes/labels.py)
    axis: str | None = None  # the axis this theme is, None for a theme found without one
    subthemes: tuple[SubTheme, ...] = ()
    other: bool = False  # "autre": contributions far from every axis

    @property
    def label(self) -> str:
        """The proposed label: a short phrase, never a list of keywords."""
        return self.phrase or f"Thème {self.index + 1}"

    @property
    def title(self) -> str:
        return self.name or self.label

    @property
    def seeded(self) -> bool:
        return self.name is not None


@dataclass(frozen=True)
class Classification:
    themes: tuple[Theme, ...]
    near_duplicates: tuple[NearDuplicate, ...]
    proposed_k: int | None  # what the method proposed, None when the organiser set k
    silhouette: dict[int, float] = field(default_factory=dict)

    def theme_of(self, contribution_id: str) -> Theme:
        for theme in self.themes:
            if any(member.contribution_id == contribution_id for member in theme.members):
                return theme
        raise KeyError(contribution_id)

    def assignment(self) -> dict[str, int]:
        """Contribution id → theme index."""
        return {m.contribution_id: theme.index for theme in self.themes for m in theme.members}

    def seeds(self) -> list[ThemeSeed]:
        """This result accepted as it is: every theme named and all its members pinned."""
        return [
            ThemeSeed(theme.title, tuple(m.contribution_id for m in theme.members), theme.axis or "")
            for theme in self.themes
            if not theme.other
        ]
