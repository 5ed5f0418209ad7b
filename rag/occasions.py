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
from collections.abc import Sequence
from functools import lru_cache

from rag.countries import actors_in, seats_in
from rag.figures import CALENDAR, MODERN_YEAR
from rag.lexical import ORDINALS, STOPWORDS, tokenize
from rag.schema import Sentence
from rag.sentences import split_sentences

_EARLIER = ("previous", "last", "prior", "past", "former", "preceding")
# "The next summit" is the one a text calls "the upcoming summit".
_LATER = ("next", "following", "subsequent", "upcoming", "coming", "forthcoming")
_ORDINALS = tuple(ORDINALS)
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


# An occasion placed by the one it came before or after: "the SCO summit held
# just before the Astana one" is the previous summit (not "the meeting held
# before the summit", another occasion altogether).
_BESIDE = re.compile(
    rf"\b(?P<noun>{'|'.join(_OCCASIONS)})\s+(?:(?:that|which)\s+)?(?:(?:was|were|is|will\s+be)\s+)?"
    r"(?:held\s+|took\s+place\s+|takes\s+place\s+)?(?:just\s+|right\s+|immediately\s+)?"
    r"(?P<side>before|after|preceding|following)\s+(?:the|this|that)\s+"
    r"(?:[\w’'.-]+\s+){0,2}?(?:one|(?P=noun))\b", re.I)


def _placed(question: str) -> list[tuple[str, str]]:
    """Each occasion ``question`` places, as its placing word and its noun:
    ("previous", "summit") of "the previous SCO summit" and of "the summit held
    just before the Astana one"."""
    beside = [("previous" if m.group("side").lower() in ("before", "preceding") else "next",
               m.group("noun")) for m in _BESIDE.finditer(question)]
    return [(m.group("word"), m.group("noun")) for m in _PLACED.finditer(question)] + beside


def _placed_so(words: tuple[str, ...], stem: str) -> str:
    """A pattern for an occasion's ``stem`` placed by one of ``words``, up to two
    words between: "upcoming SCO summit" for ("upcoming", ...) and "summit"."""
    return rf"\b(?:{'|'.join(words)})\s+(?:[\w’'.-]+\s+){{0,2}}?{re.escape(stem)}"


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
    for word, noun in _placed(question):
        stems = tokenize(noun)
        if not stems:
            continue
        if not re.search(_placed_so(_same_place(word), stems[0]), text, re.I):
            return f"{word.lower()} {noun}"
    return None


# An occasion placed by where it is held: "the SCO summit in China", "the summit
# that will be held in Beijing". The place is a run of capitalised words, of which
# the first up to three are tried ("in Astana What documents ..." typed without a
# comma); a month or a day names a time ("the meeting in May"), a possessive
# qualifies something else ("in Kazakhstan's largest city").
_HELD = (r"(?:(?:(?:that|which|being|to|will|is|are|was|were|be|been|currently)\s+)*"
         r"(?:held|hosted|convened|taking\s+place|takes\s+place|took\s+place|to\s+take\s+place)"
         r"\s+)?")
_HELD_IN = re.compile(
    rf"\b(?P<noun>{'|'.join(_OCCASIONS)})\s*,?\s+{_HELD}(?:in|at)\s+(?:the\s+)?"
    r"(?P<place>(?-i:[A-Z][\w-]*)(?:\s+(?-i:[A-Z][\w-]*)){0,2})\b(?![’']s\b)", re.I)


@lru_cache(maxsize=64)
def _places(text: str) -> dict[str, list[frozenset[str]]]:
    """The countries each occasion is held in (``_where``), by the occasion's term;
    an empty set for a place that is no country nor capital ("Almaty"). Cached:
    the same documents are read for every question."""
    found: dict[str, list[frozenset[str]]] = {}
    for match in _HELD_IN.finditer(text):
        stems = tokenize(match.group("noun"))
        if stems and not CALENDAR.match(match.group("place").split()[0]):
            found.setdefault(stems[0], []).append(_where(match.group("place")))
    return found


def _where(place: str) -> frozenset[str]:
    """The keys of the country a place is or is the capital of, read from its
    longest opening run that is one ("Astana What" is Astana); empty where none is
    (a city no list names, a region, a body)."""
    words = place.split()
    for size in range(len(words), 0, -1):
        run = " ".join(words[:size])
        keys = frozenset().union(*actors_in(run, bodies=False), *seats_in(run))
        if keys:
            return keys
    return frozenset()


def held_elsewhere(question: str, text: str) -> str | None:
    """The occasion ``question`` holds in a country (or its capital) where the text
    holds it only in other countries: "summit in China" for "Which leaders are
    coming to the SCO summit in China next year?" over a text placing only "the
    upcoming SCO summit in Astana".

    Args:
        question: The question, as the engine reads it.
        text: The document that would answer.

    Returns:
        The occasion and its place as the question writes them; None when the
        question places no occasion so, or in no country it can tell (a city no
        list names, a region), the text places that occasion nowhere (it may be
        held anywhere) or somewhere it cannot tell ("the Forum in Almaty" may be in
        Kazakhstan), or in the same country ("the summit in Kazakhstan" over "the
        summit in Astana").
    """
    for match in _HELD_IN.finditer(question):
        stems = tokenize(match.group("noun"))
        place = match.group("place")
        if not stems or CALENDAR.match(place.split()[0]):
            continue
        held = _places(text)
        if stems[0] not in held:
            continue
        asked = _where(place)
        if asked and all(held[stems[0]]) and not any(asked & other for other in held[stems[0]]):
            return f"{match.group('noun').lower()} in {place}"
    return None


# An occasion placed by the place of another: "the SCO summit after Astana" is
# the one after the summit held in Astana. The place ends the phrase ("the
# summit after Astana's", "after Astana Day" name other things).
_BESIDE_PLACE = re.compile(
    rf"\b(?P<noun>{'|'.join(_OCCASIONS)})\s+(?:(?:that|which)\s+)?"
    r"(?:(?:was|were|is|will\s+be)\s+)?(?:held\s+|coming\s+|taking\s+place\s+)?"
    r"(?P<side>before|after)\s+(?P<place>(?-i:[A-Z][\w-]+))(?![\w’'-]|\s+(?-i:[A-Z]))", re.I)
# How a text would speak of the occasion after or before another.
_SIDE_WORDS = {"after": ("next", "following", "subsequent"),
               "before": ("previous", "last", "prior", "preceding")}


def beside_held(question: str, text: str) -> str | None:
    """The occasion ``question`` places before or after the one ``text`` holds in a
    place, where the text speaks of no occasion so placed.

    Args:
        question: The question, as the engine reads it.
        text: The document that would answer.

    Returns:
        "summit after Astana" for "What was on the agenda at the SCO summit after
        Astana?" over a text whose summit is the one in Astana and which names no
        next one; None when the question places no occasion so, the text holds
        that occasion in no such place, or speaks of the one before or after it
        ("the next summit", "after Astana").
    """
    for match in _BESIDE_PLACE.finditer(question):
        stems = tokenize(match.group("noun"))
        place, side = match.group("place"), match.group("side").lower()
        if not stems or CALENDAR.match(place):
            continue
        held = _places(text).get(stems[0], [])
        asked = _where(place)
        if not any(place.lower() in where or (asked and asked & where) for where in held):
            continue
        said = rf"{_placed_so(_SIDE_WORDS[side], stems[0])}|\b{side}\s+{re.escape(place)}\b"
        if not re.search(said, text, re.I):
            return f"{match.group('noun').lower()} {side} {place}"
    return None


# A gathering named by the body or place it belongs to: "the CSTO summit", "the
# BRICS summit". Up to two capitalised words before it; a document speaks of it
# where it writes the name just before a gathering ("the upcoming SCO summit"), a
# few words after one ("a meeting of the heads ... of the CIS countries") or holds
# one there ("the summit in Astana" is the Astana meeting). Gatherings only: the
# text's "Kazakhstan, which chairs the SCO" is its SCO chairmanship.
_GATHERINGS = ("summit", "summits", "meeting", "meetings", "session", "sessions",
               "conference", "conferences", "congress", "forum", "gathering", "gatherings")
_QUALIFIER = re.compile(
    rf"(?P<words>(?:[\w’'.+-]+\s+){{1,2}})(?P<noun>{'|'.join(_GATHERINGS)})\b", re.I)
_GATHERING_STEMS = frozenset(tokenize(noun)[0] for noun in _GATHERINGS)
_GATHERING_TERMS = "|".join(sorted(map(re.escape, _GATHERING_STEMS)))
_AFTER_WORDS = 12


def other_occasion(question: str, text: str) -> str | None:
    """The gathering ``question`` names by a body or a place that ``text`` never
    gives a gathering.

    Args:
        question: The question, as the engine reads it (names capitalised).
        text: The document that would answer.

    Returns:
        "CSTO summit" for "What did the CSTO summit decide?" over a text whose
        summit is the SCO's, to which the heads of the CSTO are invited; None where
        the gathering is named by a common word ("the upcoming summit"), a month,
        a year (``misdated_occasion``'s) or a possessive, or the text gives a
        gathering that name.
    """
    held = [where for stem, wheres in _places(text).items() if stem in _GATHERING_STEMS
            for where in wheres]
    for match in _QUALIFIER.finditer(question):
        naming = _naming_words(match.group("words"))
        for word in naming:
            name = re.escape(word)
            before = rf"\b{name}\s+(?:[\w’'+-]+\s+){{0,2}}?(?:{_GATHERING_TERMS})"
            # Within its sentence: no full stop between.
            after = (rf"\b(?:{_GATHERING_TERMS})\w*\s+(?:[\w’',+-]+\s+){{0,{_AFTER_WORDS}}}?"
                     rf"{name}\b")
            asked = _where(word)
            if not (re.search(before, text, re.I) or re.search(after, text, re.I)
                    or (asked and any(asked & where for where in held))):
                return f"{' '.join(naming)} {match.group('noun').lower()}"
    return None


def _naming_words(words: str) -> list[str]:
    """The capitalised words of a run before a gathering, read back from it to the
    first that is not one ("the", "upcoming") or is a possessive ("Kazakhstan's"
    says whose, not which), a month or a figure."""
    naming: list[str] = []
    for word in reversed(words.split()):
        if (not word[:1].isupper() or word.endswith(("'s", "’s", "'", "’"))
                or CALENDAR.match(word) or word.lower() in STOPWORDS):
            break
        naming.insert(0, word.strip(".,"))
    return naming


# Where a question asks an occasion was held: "Was the May 16 meeting held in
# Astana?" (the verb written: "the summit in Astana" places what it names).
_ASKED_HELD_IN = re.compile(
    r"\b(?:held|hosted|convene|convened|assemble|tak(?:e|es|ing)\s+place|took\s+place|meet|gather)"
    r"\s+(?:in|at)\s+"
    r"(?:the\s+)?(?P<place>(?-i:[A-Z][\w-]*)(?:\s+(?-i:[A-Z][\w-]*)){0,2})", re.I)


def unplaced_held(question: str, near: str) -> str | None:
    """The place ``question`` asks an occasion was held in that ``near`` never
    names.

    Args:
        question: A yes/no question, or one asking when, as the engine reads it.
        near: The closest sentence and its neighbours.

    Returns:
        "Astana" for "Was the May 16 meeting held in Astana?" over sentences
        telling of the meeting but of no place, and for "On which dates will the
        leaders meet in Astana?" over "On May 16, the President ... met with ...";
        None where the question asks of no place so, or ``near`` names it: a city
        by its name, a country by its name or its capital's ("held in Kazakhstan"
        over "the summit in Astana").
    """
    for match in _ASKED_HELD_IN.finditer(question):
        place = match.group("place")
        if CALENDAR.match(place.split()[0]) or place.lower() in near.lower():
            continue
        country = frozenset().union(*actors_in(place, bodies=False))
        if country and any(country & named for named in
                           [*actors_in(near, bodies=False), *seats_in(near)]):
            continue
        return place
    return None


# An occasion placed by its year: "the 2025 SCO summit", "the summit in 2025",
# "the meeting of 2023" (not "the summit in 2025–2035": a period is no year);
# or by the year before or after the writer's: "next year's summit", "the summit
# held next year" (``_RELATIVE_YEAR``). "This year's summit" is the upcoming one a
# text need not date.
_RELATIVE_YEAR = r"(?:next|last|previous)\s+year"
_DATED = re.compile(
    rf"\b(?P<year>{MODERN_YEAR})\s+(?:[\w’'.-]+\s+){{0,2}}?(?P<noun>{'|'.join(_OCCASIONS)})\b"
    rf"|\b(?P<noun2>{'|'.join(_OCCASIONS)})\s+{_HELD}(?:in|of)\s+(?P<year2>{MODERN_YEAR})\b(?![-–])"
    rf"|\b(?P<year3>{_RELATIVE_YEAR})[’']s\s+(?:[\w’'.-]+\s+){{0,2}}?"
    rf"(?P<noun3>{'|'.join(_OCCASIONS)})\b"
    rf"|\b(?P<noun4>{'|'.join(_OCCASIONS)})\s+{_HELD}(?:the\s+)?(?P<year4>{_RELATIVE_YEAR})\b",
    re.I)
# What parts a year from an occasion in one sentence: "at a meeting with the
# security secretaries, noted that last year 183 conflicts were registered" dates
# the conflicts, not the meeting.
_CLAUSE_BREAK = re.compile(r"\b(?:that|which|who|because|while|whereas)\b|[;:—–]", re.I)


def _year_key(year: str) -> str:
    """A year as ``_dated`` keeps it: "2025", or "next year" and "last year" in
    lower case, one space ("previous year" is "last year")."""
    key = " ".join(year.lower().split())
    return "last year" if key == "previous year" else key


@lru_cache(maxsize=64)
def _dated(text: str) -> frozenset[tuple[str, str]]:
    """Each year a sentence of ``text`` gives beside an occasion's term, as (year,
    term): a clause naming "the summit" and "2024" may well date it (``_CLAUSE_BREAK``
    parts them). Cached: the same documents are read for every question."""
    found: set[tuple[str, str]] = set()
    for start, end in split_sentences(text, min_words=1):
        sentence = text[start:end]
        years = list(re.finditer(rf"\b(?:{MODERN_YEAR}|{_RELATIVE_YEAR})\b", sentence, re.I))
        for noun in re.finditer(rf"\b(?:{'|'.join(_OCCASIONS)})\b", sentence, re.I):
            for year in years:
                between = sentence[min(noun.end(), year.end()):max(noun.start(), year.start())]
                if _CLAUSE_BREAK.search(between) is None:
                    found.update((_year_key(year.group()), stem)
                                 for stem in tokenize(noun.group())[:1])
    return frozenset(found)


def misdated_occasion(question: str, text: str) -> str | None:
    """The occasion ``question`` places in a year that no sentence of ``text``
    gives beside it: "2025 summit" for "where's the 2025 sco summit gonna be" over
    a text whose 2025 is a strategy's ("for 2025–2035") and whose summit has no
    year.

    Args:
        question: The question, as the engine reads it.
        text: The document that would answer.

    Returns:
        The occasion as the question writes it ("summit next year" for "next
        year's summit"); None when the question dates no occasion, or a
        sentence of the text gives its year beside it.
    """
    for match in _DATED.finditer(question):
        year = next(found for group in ("year", "year2", "year3", "year4")
                    if (found := match.group(group)))
        noun = next(found for group in ("noun", "noun2", "noun3", "noun4")
                    if (found := match.group(group)))
        stems = tokenize(noun)
        if stems and (_year_key(year), stems[0]) not in _dated(text):
            if match.group("year"):
                return f"{year} {noun.lower()}"
            if match.group("year2"):
                return f"{noun.lower()} in {year}"
            return f"{noun.lower()} {_year_key(year)}"
    return None


# "The event" stands for the occasion named last before it: "The event will be
# attended by heads of state ..." after paragraphs on "the upcoming summit".
# "In the event of war" names none. Not ``_OCCASIONS``: those are placed in a
# series ("the previous term", "the second round"), while these are happenings a
# text may call an event (a ceremony, a festival; not a term or a presidency).
_EVENT_REFERENCE = re.compile(r"\b(?:the|this|that)\s+event\b(?!\s+of\b)", re.I)
_EVENT_NOUN = re.compile(
    r"\b(summit|meeting|session|conference|congress|forum|ceremony|festival|tournament|"
    r"championship|election|visit|exhibition|celebration|parade)s?\b", re.I)


def event_antecedents(sentences: Sequence[Sentence]) -> list[str | None]:
    """For each sentence calling something "the event", the occasion it stands for.

    The occasion is the one named last before the reference, in the same
    sentence or an earlier one of its document.

    Args:
        sentences: Sentences in document order within each document.

    Returns:
        One entry per sentence: the occasion's noun in lower case ("summit"), or
        None for a sentence with no such reference or none named before it.
    """
    latest: dict[str, str] = {}
    result: list[str | None] = []
    for sentence in sentences:
        text = sentence.text
        reference = _EVENT_REFERENCE.search(text)
        named = latest.get(sentence.doc_id)
        if reference is not None:
            inside = [m.group(1) for m in _EVENT_NOUN.finditer(text, 0, reference.start())]
            named = inside[-1] if inside else named
        result.append(named.lower() if reference is not None and named else None)
        if nouns := _EVENT_NOUN.findall(text):
            latest[sentence.doc_id] = nouns[-1]
    return result
