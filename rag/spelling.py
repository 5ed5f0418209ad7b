"""Correcting a question's typos to the words of the corpus.

"When was the SCO fonded?" found no "founded" and answered with the wrong date;
"How many evnets did Kazakhstan hold?" abstained. A word that is neither in the
corpus nor an English word (``pyspellchecker``'s dictionary) is read as the one
corpus word a typo away, if there is exactly one: "fonded" as "founded", "evnets"
as "events", "Kazakstan" as "Kazakhstan". An English word the corpus lacks stays
as typed ("won" is not "own"), and so does a name the corpus never mentions
("Tesla" asked of a text without it), so that asking about it still says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA
from spellchecker import SpellChecker

_WORD = re.compile(r"[^\W\d_]+")
# Shorter words are too often another word a typo away ("sco", "eco").
MIN_CHARS = 5
# Edits allowed: one below this length, two from it (a transposition is one).
TWO_EDITS_FROM = 8


class Speller:
    """Reads a question's typos as the corpus's words.

    Args:
        texts: The corpus's documents.
    """

    def __init__(self, texts: Iterable[str]) -> None:
        words = {w.lower() for text in texts for w in _WORD.findall(text)}
        self._words = sorted(words)
        self._known = frozenset(words)
        _english()  # loaded with the index, not by the first question

    def __call__(self, question: str) -> str:
        """``question`` with each typo of a corpus word replaced by that word, in
        the case the typo was written in."""
        return _WORD.sub(self._fix, question)

    def _fix(self, match: re.Match[str]) -> str:
        word = match.group()
        lower = word.lower()
        if len(lower) < MIN_CHARS or lower in self._known or lower in _english():
            return word
        edits = 1 if len(lower) < TWO_EDITS_FROM else 2
        found = process.extract(lower, self._words, scorer=OSA.distance, score_cutoff=edits,
                                limit=None)
        if not found:
            return word
        best = min(distance for _, distance, _ in found)
        nearest = [candidate for candidate, distance, _ in found if distance == best]
        if len(nearest) != 1:
            return word  # "tarifs": "tariffs" or "tariff"? Neither is sure.
        corrected = nearest[0]
        if word.isupper():
            return corrected.upper()
        return corrected.capitalize() if word[0].isupper() else corrected


@lru_cache(maxsize=1)
def _english() -> SpellChecker:
    """pyspellchecker's English word list, loaded once."""
    return SpellChecker(language="en", distance=1)
