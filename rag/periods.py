"""Periods placed relative to the writing ("last year", "this month", "next week"),
and the most recent of something ("Which country joined most recently?").

"How many conflicts have been registered so far this year?" over "last year 183
regional and local conflicts were registered": every other word matches, so the
sentence ranks first and its number looks like an answer, but the text counts
another year. Where a question and its closest sentence each place what they
speak of in such a period, and never in the same one, the sentence is about
another time. Words placing a period the same way count as one ("the past year"
is "last year", "the coming month" "next month", "a year ago" "last year"); "two
years ago" and "the year before last" place the year before that.

Dates written out ("in 2023") are left to ``figures``: whether "last year" is
2023 depends on when the text was written, which it need not say.

Asked which is the most recent, the latest or the last to do something, a
sentence that places nothing in time (no year, month or word of recency) names
something, but not as the last.
"""

from __future__ import annotations

import re

from rag.lexical import NUMERALS

# Each placing word, by the direction it places a period in.
_DIRECTIONS = {"this": "this", "current": "this", "last": "last", "past": "last",
               "previous": "last", "next": "next", "coming": "next", "following": "next"}
_UNITS = ("year", "month", "week", "decade", "quarter")
# One period: "the past years" spreads over many, so plurals are left out.
_PERIOD = re.compile(rf"\b({'|'.join(_DIRECTIONS)})\s+({'|'.join(_UNITS)})\b", re.I)
# Or counted back from the writing: "a year ago" is last year, "two years ago" and
# "the year before last" the one before it; "the year before" too, asked of
# something the text places last year ("How many conflicts were registered the
# year before?"), or before something else, which is no period the text names.
_COUNTS = {"a": "1", "an": "1", "one": "1", **NUMERALS}
_AGO = re.compile(rf"\b({'|'.join(_COUNTS)}|\d{{1,2}})\s+({'|'.join(_UNITS)})s?\s+(?:ago|back)\b"
                  rf"|\bthe\s+({'|'.join(_UNITS)})\s+before(?:\s+last)?\b", re.I)


def _periods(text: str) -> dict[tuple[str, str], str]:
    """The periods ``text`` places something in, each as its direction and unit
    (("last", "year") for "the past year"), with the words first writing it."""
    found: dict[tuple[str, str], str] = {}
    for match in _PERIOD.finditer(text):
        key = (_DIRECTIONS[match.group(1).lower()], match.group(2).lower())
        found.setdefault(key, match.group().lower())
    for match in _AGO.finditer(text):
        count, unit = match.group(1), match.group(2) or match.group(3)
        back = 2 if count is None else int(_COUNTS.get(count.lower(), count))
        key = ("last" if back == 1 else f"{back} back", unit.lower())
        found.setdefault(key, match.group().lower())
    return found


def other_period(question: str, sentence: str) -> tuple[str, str] | None:
    """The period ``question`` asks about and the other one ``sentence`` speaks
    of, where the sentence places something in a period and never in the
    question's.

    Args:
        question: The question, as the engine reads it.
        sentence: The closest sentence.

    Returns:
        ("this year", "last year") for "How many conflicts were registered so far
        this year?" over "last year 183 conflicts were registered"; None when
        either places nothing so, or the sentence places something in the
        question's period too ("the past year" over "last year").
    """
    asked, said = _periods(question), _periods(sentence)
    if not asked or not said or not asked.keys().isdisjoint(said):
        return None
    return next(iter(asked.values())), next(iter(said.values()))


# "Which country joined most recently?", "... the most recent (the latest, the
# last) to join?": asked which one is the last in time. Not "the latest summit"
# or "what's the latest on ...", which name a topic, nor "recently" alone, which
# often only sets the scene ("What did the EU recently announce?").
_LATEST = re.compile(r"\bmost\s+recently\b|\b(?:most\s+recent|latest|newest|last)"
                     r"(?:\s+(?:one|country|member|state|nation|company|city))?\s+to\s+"
                     r"(?:join|become|be|enter|sign|accede)\b", re.I)
# What places something in time or order: a word of time or recency, a year, a
# month by its name ("May" only with a day or year: it is also a modal).
_TIMED = re.compile(
    r"\b(?:recent(?:ly)?|latest|newest|last|newly|already|upcoming|current(?:ly)?|now"
    r"|next|soon|ago|(?:1[5-9]|20)\d\d)\b"
    r"|\b(?-i:January|February|March|April|June|July|August|September|October"
    r"|November|December|May(?=\s+\d))\b", re.I)


def latest_untimed(question: str, sentence: str) -> str | None:
    """The words with which ``question`` asks for the most recent of something, if
    it does and ``sentence`` places nothing in time: "Which country joined the SCO
    most recently?" over "The SCO ... provides an opportunity for Kazakhstan"
    names a country, but not as the last to join.

    Args:
        question: The question, as the engine reads it.
        sentence: The closest sentence.

    Returns:
        "most recently" for that question; None when the question asks no such
        thing, or the sentence holds a word of recency ("newly admitted"), a year
        or a month.
    """
    asked = _LATEST.search(question)
    if asked is None or _TIMED.search(sentence):
        return None
    return asked.group().lower()
