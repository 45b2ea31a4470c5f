"""French words: tokens, stop words and snowball stems, for features and theme labels."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

import snowballstemmer

# Function words, the verbs and adverbs every contribution uses to propose something
# ("il faut", "nous proposons", "doit"), and "numérique", which every contribution to a
# congress on digital affairs is about: none of them says anything about the theme.
_STOP_WORDS_TEXT = """
    a à afin ai aie ainsi alors après au aucun aucune auprès aussi autre autres aux avant avec avoir
    bien c ça car ce ceci cela celle celles celui ceux ces cet cette chacun chaque chez ci comme comment
    d dans de dès des deux doit doivent donc dont du e elle elles en encore entre est et été être eu
    fait faire faut fois font h hors il ils j je jusqu l la là le les leur leurs lui m ma mais me même
    mêmes mes moi moins mon n ne ni non nos notre nous on ont ou où par parce pas peu peut peuvent plus
    plutôt pour pourrait pourraient pouvoir qu quand que quel quelle quelles quels qui quoi s sa sans
    se ses seul seulement si sien soit son sont sous sur t ta te tes toi ton tous tout toute toutes
    très trop tu un une vers via voir vos votre vous y
    afin il faudrait devrait devraient proposer proposons propose permettre mettre place
    aujourd hui ceux celles également souvent toujours jamais déjà bien beaucoup
    numérique numériques
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_ELISION = re.compile(r"^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’]")


def words(text: str) -> list[str]:
    """Lower-case surface words of `text`, elisions removed (l'État → état), accents kept."""
    text = unicodedata.normalize("NFC", text).lower()
    result = []
    for match in _WORD.finditer(text):
        word = _ELISION.sub("", match.group())
        for part in re.split(r"['’]", word):
            if len(part) > 1 and part not in STOP_WORDS:
                result.append(part)
    return result


@lru_cache(maxsize=1)
def _stemmer() -> Callable[[str], str]:
    stemmer = snowballstemmer.stemmer("french")
    cache: dict[str, str] = {}

    def stem(word: str) -> str:
        # The corpus repeats a few thousand words: memoising makes stemming nearly free.
        if word not in cache:
            cache[word] = strip_accents(stemmer.stemWord(word))
        return cache[word]

    return stem


def strip_accents(word: str) -> str:
    # Stems without accents merge "numérique" and a mistyped "numerique".
    return "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")


def stem(word: str) -> str:
    return _stemmer()(word)


def stems(text: str) -> list[str]:
    """The analyzer for vectorizers: stems of the meaningful words of `text`."""
    return [stem(word) for word in words(text)]
