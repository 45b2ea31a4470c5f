"""Semantic classification of contributions into themes (issue 6)."""

from server.themes.contributions import Contribution, ContributionFileError, RowProblem, load_contributions
from server.themes.duplicates import NearDuplicate
from server.themes.engine import ClassificationError, classify
from server.themes.model import Classification, Member, Theme, ThemeSeed

__all__ = [
    "Classification",
    "ClassificationError",
    "Contribution",
    "ContributionFileError",
    "Member",
    "NearDuplicate",
    "RowProblem",
    "Theme",
    "ThemeSeed",
    "classify",
    "load_contributions",
]
