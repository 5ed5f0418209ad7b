"""Correcting a question's typos to the words of the corpus.

"When was the SCO fonded?" found no "founded" and answered with the wrong date;
"How many evnets did Kazakhstan hold?" abstained. A word that is neither in the
corpus nor an English word (``pyspellchecker``'s dictionary) is read as the one
corpus word a typo away, if there is exactly one: "fonded" as "founded", "evnets"
as "events", "Kazakstan" as "Kazakhstan". Words stay as typed when they are
English ("toast" is not the corpus's "coast"), a prefixed form of a corpus word
("rebranded", "cofounded"), a contraction ("couldn't"), or a name that differs from
a corpus name by a final "s" ("Redland" is not "Redlands"), or an acronym typed in
capitals (up to six letters) that the corpus does not write in capitals ("ASEAN" is
not "Asian"): asking about something the corpus never mentions must still say so.
An office shortened to its letters ("what did kazakhstans FM say") is read as the
office, where the corpus writes its words and never the letters.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA
from spellchecker import SpellChecker

from rag.countries import BODIES
from rag.lexical import without_possessive

# Words, with an inner apostrophe kept whole ("couldn't", "O'Connell").
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Words in capitals up to this long are acronyms, typed as meant ("ASEAN", not the
# corpus's "Asian"); longer ones are words typed loud ("KAZAKSTAN").
ACRONYM_LETTERS = 6
# Shorter words are too often another word a typo away ("sco", "eco").
MIN_CHARS = 5
# Edits allowed: one below this length, two from it (a transposition is one).
TWO_EDITS_FROM = 8
# Corrections remembered (a word's lookup costs about a millisecond in a large corpus).
MAX_REMEMBERED = 10_000
# Words of questions themselves, which a corpus need not hold.
_ASKING = ("stand", "stands", "short", "abbreviation", "acronym", "which", "where", "whose",
           "happen", "happened", "located", "called", "named", "describe", "explain")
# Offices people shorten to capitals ("what did kazakhstans FM say"): read as the
# office where the corpus never writes the letters but writes each of its words.
# Not after a figure: "at 5 PM" is a time.
# ("SG" is left out: it is also a country's code.)
_OFFICE_LETTERS = {"FM": "foreign minister", "PM": "prime minister"}
_OFFICE_SHORTENED = re.compile(rf"(?<![\d.:])(?<![\d.:]\s)\b({'|'.join(_OFFICE_LETTERS)})\b")
# Prefixes that make a new word of a corpus word: "rebranded" is not a typo of
# "branded", nor "cofounded" of "founded".
_PREFIXES = ("re", "co", "un", "non", "pre", "anti", "sub", "over", "under", "inter")


class Speller:
    """Reads a question's typos as the corpus's words.

    Args:
        texts: The corpus's documents.
    """

    def __init__(self, texts: Iterable[str]) -> None:
        forms: dict[str, Counter[str]] = {}
        for text in texts:
            for word in _WORD.findall(text):
                forms.setdefault(word.lower(), Counter())[word] += 1
        # Each word as the corpus most often writes it ("Kazakhstan", "SCO"), and
        # the words questions are asked with ("What does SCO stnad for?").
        self._forms = {word: word for word in _ASKING}
        self._forms.update((lower, seen.most_common(1)[0][0]) for lower, seen in forms.items())
        self._words = sorted(self._forms)
        self._offices = {letters: office for letters, office in _OFFICE_LETTERS.items()
                         if letters.lower() not in self._forms
                         and all(word.lower() in self._forms for word in office.split())}
        self._fixed: dict[str, str] = {}  # corrections already made, by word
        _english()  # loaded with the index, not by the first question

    def __call__(self, question: str) -> str:
        """``question`` with each typo of a corpus word replaced by that word, and an
        office shortened to its letters written out (``_OFFICE_LETTERS``)."""
        if self._offices:
            question = _OFFICE_SHORTENED.sub(
                lambda m: self._offices.get(m.group(1), m.group(1)), question)
        return _WORD.sub(self._fix, question)

    def _fix(self, match: re.Match[str]) -> str:
        word = match.group()
        fixed = self._fixed.get(word)
        if fixed is None:
            if len(self._fixed) >= MAX_REMEMBERED:
                self._fixed.clear()  # a server's stream of questions stays bounded
            fixed = self._fixed[word] = self._corrected(word)
        return fixed

    def _corrected(self, word: str) -> str:
        """``word``, or the one corpus word it is a typo of."""
        lower = word.lower()
        # A known body's acronym typed in lower case ("asean") is no typo of a
        # corpus word ("asian"): ``truecasing`` reads it as the body.
        if (len(lower) < MIN_CHARS or "'" in lower or "’" in lower or lower in self._forms
                or lower in _english() or _prefixed(lower, self._forms)
                or word.upper() in BODIES):
            return word
        corrected = _nearest(lower, self._words)
        if corrected is None:
            return word
        if word[0].isupper() and (corrected == lower + "s" or lower == corrected + "s"):
            return word  # "Redland" asked of a text on "Redlands": another name
        # In the case it was typed, a capitalised word as the corpus writes it
        # ("Mcdonlad": "McDonald"); ``truecasing`` restores names typed in lower case.
        form = self._forms[corrected]
        if is_acronym(word) and not form.isupper():
            return word  # "ASEAN" typed on purpose: no typo of the corpus's "Asian"
        if word.isupper():
            return form.upper()
        if word[0].isupper():
            return form if form[0].isupper() else form[0].upper() + form[1:]
        return corrected


def _nearest(lower: str, candidates: Collection[str]) -> str | None:
    """The one candidate ``lower`` is a typo of: one edit away, two from
    ``TWO_EDITS_FROM`` letters; None if none is, or two are as near ("tarifs":
    "tariffs" or "tariff"? Neither is sure)."""
    edits = 1 if len(lower) < TWO_EDITS_FROM else 2
    found = process.extract(lower, candidates, scorer=OSA.distance, score_cutoff=edits,
                            limit=None)
    best = min((distance for _, distance, _ in found), default=None)
    nearest = [candidate for candidate, distance, _ in found if distance == best]
    return nearest[0] if len(nearest) == 1 else None


# The words a question is asked with are short ("waht", "abut"): corrected from
# this length.
_ASKED_MIN_CHARS = 3


def spelled_as(text: str, words: Collection[str]) -> str:
    """``text`` with each typo of one of ``words`` (in lower case) read as that word:
    "waht is this artcle about" as "what is this article about".

    For the few words a question is asked with, which a corpus need not hold (the
    ``Speller`` reads typos of the corpus's words only). A word is read as typed when
    it is one of ``words`` or an English word ("test" is no typo of "text"), holds an
    apostrophe, is shorter than three letters, or is as near to two of ``words``.

    Args:
        text: A question.
        words: The words to read typos as, in lower case.

    Returns:
        ``text`` with those typos replaced.
    """
    def fixed(match: re.Match[str]) -> str:
        word = match.group()
        lower = word.lower()
        if (len(lower) < _ASKED_MIN_CHARS or lower in words or "'" in lower or "’" in lower
                or lower in _english()):
            return word
        return _nearest(lower, words) or word

    return _WORD.sub(fixed, text)


def is_acronym(word: str) -> bool:
    """Whether ``word`` is written as an acronym: two to ``ACRONYM_LETTERS``
    letters, all capitals ("ASEAN", "SCO"; a possessive aside)."""
    bare = without_possessive(word)
    return 2 <= len(bare) <= ACRONYM_LETTERS and bare.isalpha() and bare.isupper()


def _prefixed(word: str, known: dict[str, str]) -> bool:
    """Whether ``word`` is a prefix plus a corpus or English word ("rebranded")."""
    return any(word.startswith(prefix) and (rest := word[len(prefix):]) and len(rest) >= 4
               and (rest in known or rest in _english())
               for prefix in _PREFIXES)


@lru_cache(maxsize=1)
def _english() -> SpellChecker:
    """pyspellchecker's English word list, loaded once."""
    return SpellChecker(language="en", distance=1)


def is_english(word: str) -> bool:
    """Whether ``word`` (in lower case) is in the English word list."""
    return word in _english()
