"""Themes guided by the organisers' axes, on the harder corpus (tests/data/themes_fr.csv).

The floors sit a little under what scripts/bench_themes measures (docs/themes.md), so
that they catch a broken method, not the noise of a changed library.
"""

from __future__ import annotations

import socket
from collections import Counter
from dataclasses import replace
from typing import Any

import pytest
from sklearn.metrics import adjusted_rand_score

from server.themes.axes import load_axes
from server.themes.contributions import Contribution, load_contributions
from server.themes.engine import classify
from server.themes.features import E5Encoder, UniversalSentenceEncoder
from server.themes.model import Axis, Classification, ThemeSeed
from tests.themes_corpus import AXES, THEMES_CORPUS, known_duplicates, known_themes, parts, warm_e5

# Measured (scripts/bench_themes): tuning 0.786, held-out 0.750; without the contributor's
# axis 0.652 / 0.676; unsupervised at k = 7: 0.591 / 0.391.
GUIDED_FLOOR = {"tuning": 0.72, "heldout": 0.68}
AXES_ONLY_FLOOR = {"tuning": 0.58, "heldout": 0.60}
UNSUPERVISED_FLOOR = {"tuning": 0.50, "heldout": 0.34}


@pytest.fixture(scope="module", autouse=True)
def _e5_vectors_from_the_cache() -> None:
    warm_e5()


@pytest.fixture(scope="module")
def corpus() -> list[Contribution]:
    return load_contributions(THEMES_CORPUS)


@pytest.fixture(scope="module")
def axes() -> list[Axis]:
    return load_axes(AXES)


@pytest.fixture(scope="module")
def guided(corpus: list[Contribution], axes: list[Axis]) -> Classification:
    return classify(corpus, axes=axes)


def _ari(rows: list[Contribution], result: Classification) -> float:
    truth, found = known_themes(THEMES_CORPUS), result.assignment()
    return float(adjusted_rand_score([truth[c.id] for c in rows], [found[c.id] for c in rows]))


def _part(corpus: list[Contribution], part: str) -> list[Contribution]:
    of = parts()
    return [c for c in corpus if of[c.id] == part]


@pytest.mark.parametrize("part", ["tuning", "heldout"])
def test_guided_by_axes_above_floor(corpus: list[Contribution], axes: list[Axis], part: str) -> None:
    rows = _part(corpus, part)
    assert _ari(rows, classify(rows, axes=axes)) >= GUIDED_FLOOR[part]
    silent = [replace(c, axis="") for c in rows]
    assert _ari(silent, classify(silent, axes=axes)) >= AXES_ONLY_FLOOR[part]


@pytest.mark.parametrize("part", ["tuning", "heldout"])
def test_unsupervised_at_the_organisers_k_above_floor(corpus: list[Contribution], part: str) -> None:
    rows = _part(corpus, part)
    assert _ari(rows, classify(rows, k=7)) >= UNSUPERVISED_FLOOR[part]


def test_one_theme_per_axis_in_order_then_autre(
    corpus: list[Contribution], guided: Classification, axes: list[Axis]
) -> None:
    titles = {c.id: c.title for c in corpus}
    named = [t for t in guided.themes if not t.other]
    assert [t.name for t in named] == [a.name for a in axes] == [t.axis for t in named]
    assert guided.proposed_k is None
    others = [t for t in guided.themes if t.other]
    assert len(others) <= 1 and sum(len(t.members) for t in others) <= 0.05 * 406
    for theme in named:
        assert 2 <= len(theme.subthemes) <= 4, theme.name  # every axis holds 50-65 contributions
        inside = [i for sub in theme.subthemes for i in sub.contribution_ids]
        assert sorted(inside) == sorted(m.contribution_id for m in theme.members)
        # Each sub-theme is labelled with the title of one of its own contributions.
        assert all(sub.label in {titles[i] for i in sub.contribution_ids} for sub in theme.subthemes)


def test_the_contributors_axis_is_a_signal_not_a_rule(
    corpus: list[Contribution], guided: Classification
) -> None:
    truth, found = known_themes(THEMES_CORPUS), guided.assignment()
    theme_axis = {row["theme"]: row["name"] for row in _axes_rows()}
    names = [t.name for t in guided.themes]
    wrong = [c for c in corpus if c.axis and c.axis != theme_axis[truth[c.id]]]
    assert len(wrong) >= 40
    followed = Counter(names[found[c.id]] == c.axis for c in wrong)
    # Most contributions filed under a wrong axis still land in their own.
    assert followed[False] >= 0.6 * len(wrong)


def _axes_rows() -> list[dict[str, Any]]:
    import csv

    with AXES.open(encoding="utf-8") as file:
        return list(csv.DictReader(file))


def test_far_from_every_axis_goes_to_autre(corpus: list[Contribution], axes: list[Axis]) -> None:
    stray = Contribution(
        "x1",
        "Recette de la tarte aux pommes",
        "Éplucher six pommes, les couper en lamelles et cuire la pâte quarante minutes au four.",
    )
    result = classify([*corpus[:120], stray], axes=axes)
    assert result.theme_of("x1").other and result.theme_of("x1").name == "Autre"


def test_near_duplicates_by_the_relative_rule(guided: Classification, corpus: list[Contribution]) -> None:
    known = known_duplicates(THEMES_CORPUS)
    found = {frozenset((d.first, d.second)) for d in guided.near_duplicates}
    # Measured: 14 of 16 found, 17 flagged (the two missed have a third contribution as close).
    assert len(found & known) >= 13
    assert len(found) <= 1.5 * len(known)
    heldout = _part(corpus, "heldout")
    result = classify(heldout, axes=load_axes(AXES))
    ids = {c.id for c in heldout}
    assert {pair for pair in known if pair <= ids} <= {
        frozenset((d.first, d.second)) for d in result.near_duplicates
    }


def test_same_input_same_output(corpus: list[Contribution], axes: list[Axis], guided: Classification) -> None:
    again = classify(corpus, axes=axes)
    assert again.assignment() == guided.assignment()
    assert [(t.label, t.subthemes) for t in again.themes] == [(t.label, t.subthemes) for t in guided.themes]
    assert again.near_duplicates == guided.near_duplicates


def test_corrections_on_axes_survive_a_rerun(
    corpus: list[Contribution], axes: list[Axis], guided: Classification
) -> None:
    first = guided.themes
    moved = first[0].members[0].contribution_id  # an inclusion contribution, moved to "Réseaux"
    seeds = [
        ThemeSeed(
            "Réseaux et fibre", (*(m.contribution_id for m in first[5].members[:5]), moved), axis=axes[5].name
        ),
        ThemeSeed("Souveraineté du cloud", tuple(m.contribution_id for m in first[3].members[:4])),
    ]
    rerun = classify(corpus, seeds=seeds, axes=axes)
    assert rerun.theme_of(moved).name == "Réseaux et fibre" and rerun.theme_of(moved).axis == axes[5].name
    split = rerun.theme_of(seeds[1].contribution_ids[0])
    assert split.name == "Souveraineté du cloud" and split.axis is None
    assert {m.contribution_id for m in split.members if m.pinned} == set(seeds[1].contribution_ids)
    assert [t.name for t in rerun.themes[:7]] == [a.name for a in axes[:5]] + [
        "Réseaux et fibre",
        axes[6].name,
    ]
    assert sorted(rerun.assignment()) == sorted(c.id for c in corpus)


def test_encoders_load_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """The weights come from the installed packages: nothing is fetched, even on first use."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("no network in this test")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    texts = ["La fibre dans chaque hameau.", "Former les enseignants au numérique."]
    for encoder in (UniversalSentenceEncoder(), E5Encoder()):
        vectors = encoder.encode(texts)
        assert vectors.shape[0] == 2 and abs(float((vectors[0] ** 2).sum()) - 1) < 1e-3


def test_tiny_inputs_and_organiser_themes_beside_the_axes() -> None:
    axes = [Axis("Fibre"), Axis("École", "Former les élèves et protéger les enfants en ligne")]
    rows = [
        Contribution("a", "Fibre", "La fibre dans chaque hameau"),
        Contribution("b", "École", "Des tablettes à l'école", "École"),
        Contribution("c", "", "Une idée sans titre"),
    ]
    assert [t.name for t in classify([], axes=axes).themes] == ["Fibre", "École"]
    assert classify(rows[:1], axes=axes).assignment() == {"a": 0}
    result = classify(rows, axes=axes, seeds=[ThemeSeed("Autre", ("a",)), ThemeSeed("Mon thème", ("c",))])
    assert [(t.name, t.other) for t in result.themes] == [
        ("Fibre", False),
        ("École", False),
        ("Mon thème", False),
        ("Autre", True),
    ]
    assert result.theme_of("a").other and result.theme_of("c").name == "Mon thème"
