"""Label proposals: each theme's most telling words (class-based TF-IDF), and a phrase from them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer

from server.themes.contributions import Contribution
from server.themes.french import stem, words

WORDS_PER_THEME = 8


def theme_words(
    contributions: Sequence[Contribution], labels: np.ndarray, n_themes: int, top: int = WORDS_PER_THEME
) -> list[list[str]]:
    """The `top` most telling words of each theme 0..n_themes-1, most telling first.

    c-TF-IDF (as in BERTopic): all texts of a theme form one document; a stem's
    weight is its frequency in the theme times log(1 + A / its frequency overall),
    A the average number of words per theme. A stem common to every theme
    ("numérique") scores low; one concentrated in a theme scores high. Each stem is
    shown as its most frequent written form in that theme ("données", not "don").
    """
    documents = [words(f"{c.title} {c.text}") for c in contributions]
    per_theme = [[w for i in np.flatnonzero(labels == t) for w in documents[i]] for t in range(n_themes)]
    if not any(per_theme):
        return [[] for _ in range(n_themes)]
    vectorizer = CountVectorizer(analyzer=lambda tokens: [stem(w) for w in tokens])
    counts = vectorizer.fit_transform(per_theme).toarray().astype(float)
    vocabulary = vectorizer.get_feature_names_out()
    frequency = counts / np.maximum(counts.sum(axis=1, keepdims=True), 1)
    average_words = counts.sum() / max(n_themes, 1)
    weight = frequency * np.log(1 + average_words / np.maximum(counts.sum(axis=0), 1))
    result = []
    for t in range(n_themes):
        surface: dict[str, Counter[str]] = {}
        for w in per_theme[t]:
            surface.setdefault(stem(w), Counter())[w] += 1
        # Ties broken by the stem itself so the order never depends on hashing.
        ranked = sorted(range(len(vocabulary)), key=lambda j: (-weight[t, j], vocabulary[j]))
        chosen = [j for j in ranked if counts[t, j] > 0][:top]
        result.append([_most_common(surface[vocabulary[j]]) for j in chosen])
    return result


def _most_common(forms: Counter[str]) -> str:
    return min(forms.items(), key=lambda item: (-item[1], item[0]))[0]


TITLES_CONSIDERED = 5  # the label is the title of one of the theme's most central contributions
MAX_PHRASE = 80
MAX_WORDS = 9
_QUOTES = "«»“”\"'‘’()[]"
_TRAILING = ".,;:!-–—_ "


def theme_phrase(
    contributions: Sequence[Contribution], ranked_rows: Sequence[int], theme_words: Sequence[str]
) -> str:
    """A label a person would write: the title, among the theme's most central contributions,
    that holds the most of its telling words (ties: the most central).

    A person naming a pile of contributions picks the one that sums it up; the titles
    are the contributors' own short phrases. A theme without titles gets the opening
    words of its most central text.
    """
    if not ranked_rows:
        return ""
    telling = {stem(w): len(theme_words) - i for i, w in enumerate(theme_words)}
    best, best_score = "", -1.0
    for position, row in enumerate(ranked_rows[:TITLES_CONSIDERED]):
        title = " ".join(contributions[row].title.split())
        if not title:
            continue
        found = {stem(w) for w in words(title)}
        score = sum(telling.get(s, 0) for s in found) - 0.01 * position
        if score > best_score:
            best, best_score = title, score
    if not best:
        best = contributions[ranked_rows[0]].text
    return tidy(best)


def tidy(phrase: str) -> str:
    """A title as a label: one line, no quotes around it nor full stop after it, not shouted, a
    capital first, and short (at most `MAX_WORDS` words and `MAX_PHRASE` characters, cut between
    words). "  « ACCÈS AU NUMÉRIQUE POUR TOUS !! » " becomes "Accès au numérique pour tous"."""
    text = " ".join(phrase.split())
    text = text.strip(_QUOTES + " ").rstrip(_TRAILING).strip(_QUOTES + " ").rstrip(_TRAILING)
    letters = [c for c in text if c.isalpha()]
    if len(letters) > 3 and all(c.isupper() for c in letters):
        text = text.lower()
    words_kept = text.split()
    cut = len(words_kept) > MAX_WORDS
    words_kept = words_kept[:MAX_WORDS]
    while words_kept and len(" ".join(words_kept)) > MAX_PHRASE - 1:
        words_kept.pop()
        cut = True
    text = " ".join(words_kept).rstrip(_TRAILING) if cut else " ".join(words_kept)
    if not text:
        return ""
    return text[0].upper() + text[1:] + ("…" if cut else "")
