"""The classification engine on the labelled corpus: quality floor, determinism, corrections."""

from __future__ import annotations

from collections import Counter

import pytest
from sklearn.metrics import adjusted_rand_score

from server.themes.contributions import Contribution, load_contributions
from server.themes.engine import ClassificationError, classify
from server.themes.model import Classification, ThemeSeed
from tests.themes_corpus import CORPUS, known_duplicates, known_themes, warm_e5

# Measured 0.215 at k=6 (scripts/bench_themes); short varied texts cluster poorly, the floor
# only catches a representation that broke (TF-IDF alone gives 0.07).
ARI_FLOOR = 0.12


@pytest.fixture(scope="module", autouse=True)
def _e5_vectors_from_the_cache() -> None:
    warm_e5()  # e5 costs 0.1 s a text: the corpora's vectors are committed (tests/themes_corpus.py)


@pytest.fixture(scope="module")
def corpus() -> list[Contribution]:
    return load_contributions(CORPUS)


@pytest.fixture(scope="module")
def six(corpus: list[Contribution]) -> Classification:
    return classify(corpus, k=6)


def test_adjusted_rand_index_above_floor(corpus: list[Contribution], six: Classification) -> None:
    truth, found = known_themes(), six.assignment()
    ari = adjusted_rand_score([truth[c.id] for c in corpus], [found[c.id] for c in corpus])
    assert ari >= ARI_FLOOR


def test_same_input_same_themes(corpus: list[Contribution], six: Classification) -> None:
    again = classify(corpus, k=6)
    assert again.assignment() == six.assignment()
    assert [t.words for t in again.themes] == [t.words for t in six.themes]


def test_every_contribution_in_one_theme_ranked_by_centrality(
    corpus: list[Contribution], six: Classification
) -> None:
    assert len(six.themes) == 6 and six.proposed_k is None
    assert sorted(six.assignment()) == sorted(c.id for c in corpus)
    for theme in six.themes:
        centralities = [m.centrality for m in theme.members]
        assert centralities == sorted(centralities, reverse=True)


def test_labels_are_readable_words(corpus: list[Contribution], six: Classification) -> None:
    words = {w for theme in six.themes for w in theme.words}
    # Surface forms, not stems ("enseign", "don"), and no stop words.
    assert {"enseignants", "données"} <= words
    assert not words & {"les", "des", "faut", "numérique"}
    assert all(len(theme.words) == 8 for theme in six.themes)
    # The label is a phrase a person wrote (the title of one of its central contributions),
    # never the keyword triple it used to be (issue 14).
    titles = {c.id: c.title for c in corpus}
    for theme in six.themes:
        assert theme.label in {titles[m.contribution_id] for m in theme.members[:5]}
        assert theme.label != ", ".join(theme.words[:3])


def test_known_near_duplicates_found_and_few_others(six: Classification) -> None:
    # The fixed cosine of 0.85 found exactly these six, and none of the pairs of a corpus it was
    # not tuned on; the relative rule (issue 14) finds all six here and flags two more.
    found = {frozenset((d.first, d.second)) for d in six.near_duplicates}
    assert found >= known_duplicates()
    assert len(found) <= 1.5 * len(known_duplicates())


def test_k_is_proposed_within_range(corpus: list[Contribution]) -> None:
    result = classify(corpus)
    assert result.proposed_k is not None and 2 <= result.proposed_k <= 12
    assert len(result.themes) == result.proposed_k and set(result.silhouette) == set(range(2, 13))


def test_accepted_themes_survive_a_rerun_with_new_contributions(corpus: list[Contribution]) -> None:
    first = classify(corpus[:150], k=6)
    seeds = [ThemeSeed(f"Axe {t.index}", tuple(m.contribution_id for m in t.members)) for t in first.themes]
    # The organiser moves one contribution and merges the last two themes.
    moved = seeds[0].contribution_ids[0]
    seeds[1] = ThemeSeed("Axe déplacé", (*seeds[1].contribution_ids, moved))
    seeds[0] = ThemeSeed(seeds[0].name, seeds[0].contribution_ids[1:])
    seeds[4:] = [ThemeSeed("Fusion", seeds[4].contribution_ids + seeds[5].contribution_ids)]

    rerun = classify(corpus, seeds=seeds)
    assert [t.name for t in rerun.themes[:5]] == ["Axe 0", "Axe déplacé", "Axe 2", "Axe 3", "Fusion"]
    for seed, theme in zip(seeds, rerun.themes, strict=False):
        pinned = {m.contribution_id for m in theme.members if m.pinned}
        assert pinned == set(seed.contribution_ids)
    assert rerun.theme_of(moved).name == "Axe déplacé"
    assert sorted(rerun.assignment()) == sorted(c.id for c in corpus)


def test_new_contributions_join_the_organiser_theme_of_their_kind(corpus: list[Contribution]) -> None:
    # The organiser sorted the first 150 by hand into five themes; education was never named.
    truth = known_themes()
    names = ["inclusion", "cybersecurite", "donnees", "sobriete", "administration"]
    seeds = [ThemeSeed(n, tuple(c.id for c in corpus[:150] if truth[c.id] == n)) for n in names]
    result = classify(corpus, seeds=seeds)
    unpinned = [c.id for c in corpus if not any(c.id in s.contribution_ids for s in seeds)]
    placed = Counter(result.theme_of(i).name == truth[i] for i in unpinned if truth[i] != "education")
    unseen = Counter(not result.theme_of(i).seeded for i in unpinned if truth[i] == "education")
    # Measured 24/44 joined the right theme (chance: about 1 in 5) and 17/34 education ones
    # formed new themes instead of being forced into an organiser's theme.
    assert placed[True] >= 0.4 * sum(placed.values())
    assert unseen[True] >= 0.3 * sum(unseen.values())


def test_k_equal_to_the_seeds_puts_every_new_contribution_in_them(corpus: list[Contribution]) -> None:
    seeds = [ThemeSeed("Un", ("c001", "c002")), ThemeSeed("Deux", ("c003",))]
    result = classify(corpus[:40], k=2, seeds=seeds)
    assert [t.name for t in result.themes] == ["Un", "Deux"]


def test_contradictory_corrections_are_refused(corpus: list[Contribution]) -> None:
    with pytest.raises(ClassificationError, match="smaller"):
        classify(corpus[:20], k=1, seeds=[ThemeSeed("A", ("c001",)), ThemeSeed("B", ("c002",))])
    with pytest.raises(ClassificationError, match="pinned to both"):
        classify(corpus[:20], seeds=[ThemeSeed("A", ("c001",)), ThemeSeed("B", ("c001",))])


def test_withdrawn_pinned_contributions_are_ignored(corpus: list[Contribution]) -> None:
    result = classify(corpus[:30], seeds=[ThemeSeed("Gardé", ("c001", "retirée"))])
    assert result.themes[0].name == "Gardé"
    assert [m.contribution_id for m in result.themes[0].members if m.pinned] == ["c001"]


def test_tiny_inputs(corpus: list[Contribution]) -> None:
    assert len(classify(corpus[:1]).themes) == 1
    assert sorted(classify(corpus[:3]).assignment()) == ["c001", "c002", "c003"]
