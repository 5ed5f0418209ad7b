"""Periods placed relative to the writing: "last year", "this month", "next week".

"How many conflicts have been registered so far this year?" over "last year 183
regional and local conflicts were registered": every other word matches, so the
sentence ranks first and its number looks like an answer, but the text counts
another year. Where a question and its closest sentence each place what they
speak of in such a period, and never in the same one, the sentence is about
another time. Words placing a period the same way count as one ("the past year"
is "last year", "the coming month" "next month").

Dates written out ("in 2023") are left to ``figures``: whether "last year" is
2023 depends on when the text was written, which it need not say.
"""

from __future__ import annotations

import re

# Each placing word, by the direction it places a period in.
_DIRECTIONS = {"this": "this", "current": "this", "last": "last", "past": "last",
               "previous": "last", "next": "next", "coming": "next", "following": "next"}
_UNITS = ("year", "month", "week", "decade", "quarter")
_PERIOD = re.compile(rf"\b({'|'.join(_DIRECTIONS)})\s+({'|'.join(_UNITS)})s?\b", re.I)


def _periods(text: str) -> dict[tuple[str, str], str]:
    """The periods ``text`` places something in, each as its direction and unit
    (("last", "year") for "the past year"), with the words first writing it."""
    found: dict[tuple[str, str], str] = {}
    for match in _PERIOD.finditer(text):
        key = (_DIRECTIONS[match.group(1).lower()], match.group(2).lower())
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
