"""Occasions a question places in a series: "the previous summit", "the second
meeting", "the next SCO summit".

A document about the upcoming summit says nothing of the previous one, yet its
sentences on "the summit" match such a question word for word. The question's
ordinal or relative word is what it asks about: the document must place the
same thing so too ("the first meeting" is not "the second meeting"; "the
upcoming summit" is no previous one). Relative words count by direction, so
"the past session" is the document's "last session".
"""

from __future__ import annotations

import re

from rag.lexical import tokenize

_EARLIER = ("previous", "last", "prior", "past", "former", "preceding")
# "The next summit" is the one a text calls "the upcoming summit".
_LATER = ("next", "following", "subsequent", "upcoming", "coming", "forthcoming")
_ORDINALS = ("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
             "tenth")
# "Upcoming" and "coming" place an occasion as the writer sees it, and a
# question may call "the upcoming summit" "the coming leaders' meeting": they
# place nothing the text must repeat. "First" is left out: "the first summit" is
# often the one a text says was "first held in 2001".
_PLACING = (*_EARLIER, "next", "following", "subsequent", *_ORDINALS)
# Occasions, of which there is a series; "the second largest city" ranks, and
# "the previous definition" is of no occasion.
_OCCASIONS = ("summit", "summits", "meeting", "meetings", "session", "sessions", "conference",
              "conferences", "congress", "election", "elections", "round", "edition",
              "season", "visit", "forum", "championship", "tournament", "chairmanship",
              "presidency", "term")
# The placing word, up to two words ("the previous SCO summit", "the next g20
# summit" typed in lower case), then the occasion.
_PLACED = re.compile(
    rf"\b(?P<word>{'|'.join(_PLACING)})\s+(?:[\w’'.-]+\s+){{0,2}}?"
    rf"(?P<noun>{'|'.join(_OCCASIONS)})\b", re.I)


def _same_place(word: str) -> tuple[str, ...]:
    """The words placing an occasion as ``word`` does."""
    word = word.lower()
    for group in (_EARLIER, _LATER):
        if word in group:
            return group
    return (word,)


def unplaced_occasion(question: str, text: str) -> str | None:
    """The occasion ``question`` places that ``text`` never places so.

    Args:
        question: The question, as the engine reads it.
        text: The document that would answer.

    Returns:
        "previous summit" for "What was the motto of the previous SCO summit?"
        over a text that only speaks of "the upcoming summit"; None when the
        question places nothing, or the text places it alike ("the past year"
        over "last year").
    """
    for match in _PLACED.finditer(question):
        stems = tokenize(match.group("noun"))
        if not stems:
            continue
        words = "|".join(_same_place(match.group("word")))
        said = re.compile(rf"\b(?:{words})\s+(?:[\w’'.-]+\s+){{0,2}}?{re.escape(stems[0])}",
                          re.I)
        if not said.search(text):
            return f"{match.group('word').lower()} {match.group('noun')}"
    return None
