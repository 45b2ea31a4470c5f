"""What a classification is made of: themes, their ranked members, the organiser's seeds."""

from __future__ import annotations

from dataclasses import dataclass, field

from server.themes.duplicates import NearDuplicate


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


@dataclass(frozen=True)
class Member:
    contribution_id: str
    centrality: float  # cosine similarity to the theme's centre, 1 = most typical
    pinned: bool = False


@dataclass(frozen=True)
class Theme:
    index: int
    words: tuple[str, ...]  # proposed label words, most telling first
    members: tuple[Member, ...]  # most central first
    name: str | None = None  # the organiser's name, for a theme that came from a seed

    @property
    def label(self) -> str:
        """The proposed label: the three most telling words."""
        return ", ".join(self.words[:3])

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
            ThemeSeed(theme.title, tuple(m.contribution_id for m in theme.members)) for theme in self.themes
        ]
