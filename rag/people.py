"""Spans that name people: a person's name, an office's holder, a group of
people named by what they are ("famous cultural and scientific figures").

A capitalised run is a name only where it looks like one: an initial ("K.
Tokayev"), or two or more words that are not all titles or acronyms ("SCO
Secretary General" is an office, whoever holds it).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from rag.coreference import NOT_REGNAL
from rag.countries import DEMONYMS, REGIONAL_ADJECTIVES, is_country, is_demonym
from rag.figures import CALENDAR
from rag.lexical import DETERMINERS, TITLE_WORDS, mentioned, tokenize
from rag.questions import OFFICES

# A run of capitalised words, allowing initials ("K. Tokayev") and inner "of". It
# never crosses a line break, nor a word ending a sentence ("... the Caspian Sea.
# Kazan"): two lower-case letters before the full stop; "K.", "Co.", "Mr.",
# "U.S." and the titles in ``_TITLE_DOT`` ("Mrs.", "Prof.") go on.
_TITLE_DOT = "".join(f"|(?<={t}\\.)" for t in ("Mrs", "Prof", "Gen", "Gov", "Sen", "Rev", "Capt",
                                                "Col", "Sgt", "Maj", "Lieut", "Hon", "Bros",
                                                "Inc", "Ltd", "Corp"))
NAME = re.compile(rf"\b[A-Z][\w’'.-]*(?:(?:(?<![a-z]{{2}}\.){_TITLE_DOT})[^\S\n]+"
                   r"(?:of[^\S\n]+)?[A-Z][\w’'.-]*)*")


# "Who took part ...?", "Who attended ...?": people who took part in something
# may be named by what they are ("famous cultural and scientific figures"), where
# no one is named. "Who is the ...?", "Who founded ...?" and "Name the people who
# ..." ask for a name.
WHO_ACTS_Q = re.compile(
    r"\s*who\s+(?:(?:will|would|can|could|did|does|do|may|might)\s+)?(?:be\s+)?"
    r"(?:took|take[sn]?|taking)\s+part|\s*who\s+(?:(?:will|would|can|could|did|does|do|may|"
    r"might)\s+)?(?:be\s+)?(?:attend|participat|came\b|come|gather|join|visit|met\b|meet|"
    r"spoke|speak|sit|sat|serv(?:e|es|ed|ing)\b(?!\s+as\b)|be\s+in\b|be\s+on\b|"
    r"(?:was|were|are|is|be)\s+invited)"
    # "Who did the President of Kazakhstan meet on May 16?": whom someone met.
    r"|\s*who(?:m)?\s+(?:did|does|do|will|would)\s+(?:[\w’'.-]+\s+){1,6}?"
    r"(?:meet|invite|host|receive|welcome)(?:\s+with)?\b",
    re.I)
_PEOPLE = re.compile(
    r"\b(?:people|persons|figures|leaders|officials|representatives|delegates|delegations|"
    r"experts|specialists|scientists|researchers|scholars|ministers|diplomats|"
    r"heads\s+of\s+state|heads(?=\s+(?:and\s+[\w-]+\s+)?of\b)|secretaries|chiefs|envoys|"
    r"ambassadors|citizens|residents|workers|farmers|students|teachers|soldiers|"
    r"troops|volunteers|participants|guests|visitors|investors|businessmen|entrepreneurs|"
    r"politicians|lawmakers|legislators|journalists|artists|musicians|writers|authors|"
    r"engineers|doctors|physicians|settlers|immigrants|migrants|refugees|observers|"
    r"authorities|members)\b")
# What describes people before the noun: adjectives, told by their endings, and
# a few common ones that have none. A verb ("drew") ends the phrase.
_MODIFIER = re.compile(r"\b([a-z][\w’'-]*)(?:,?\s+and)?[^\S\n]+$")
_ADJECTIVE = re.compile(r"(?:al|ic|ous|ful|ive|an|ian|ese|ish|ary|ant|ent|ing|less|ble|ior|est|"
                        r"er)$")
_PLAIN_ADJECTIVES = frozenset(("foreign", "local", "top", "young", "old", "senior", "junior",
                               "key", "chief", "former", "future", "many", "other"))
_GROUP_JOIN = re.compile(r",?\s+(?:and\s+|or\s+)?|,\s*")
_NOT_MODIFIERS = frozenset(("including", "during", "among", "according", "concerning",
                            "regarding"))


def groups_of_people(sentence: str) -> list[tuple[int, int]]:
    """Spans naming a group of people by what they are, with the words that
    describe them: "with the participation of | famous cultural and scientific
    figures"."""
    spans: list[tuple[int, int]] = []
    for match in _PEOPLE.finditer(sentence):
        start = match.start()
        # A modifier is a word: look back no further than a few of them.
        while (word := _MODIFIER.search(sentence, max(0, start - 60), start)) and (
                _describes(word.group(1))):
            start = word.start()
        if spans and _GROUP_JOIN.fullmatch(sentence, spans[-1][1], start):
            start = spans.pop()[0]  # "experts and officials": one group
        spans.append((start, match.end()))
    return spans


def offices_held(sentence: str) -> list[tuple[int, int]]:
    """Spans naming a person by an office alone, acronyms and titles only: "the
    UN Secretary General", "the SCO Secretary General", or titles of a country
    ("the President of Kazakhstan"). Who attends, meets or is invited may be
    named so."""
    spans = []
    for match in NAME.finditer(sentence):
        start = match.start() + (4 if match.group().startswith("The ") else 0)
        run = sentence[start : match.end()]
        office, of, place = run.partition(" of ")
        if of and is_country(place):
            run = office
        words = [w for w in run.split() if not _BODY_WORD.fullmatch(w)]
        # Titles besides the acronyms, one of them an office (``only_titles``): so
        # no name (``looks_like_name``) and an office among the run's terms.
        # ``words`` must not be empty: ``only_titles("")`` holds, and acronyms
        # alone ("SCO") name no office.
        if words and only_titles(" ".join(words)):
            spans.append((start, match.end()))
    return spans


def _describes(word: str) -> bool:
    """Whether ``word`` may describe the people a noun names ("famous", "foreign")."""
    return word in _PLAIN_ADJECTIVES or (
        word not in _NOT_MODIFIERS and len(word) > 3 and bool(_ADJECTIVE.search(word)))


def strip_asked(sentence: str, start: int, end: int, asked: set[str],
                 titles: bool = False) -> tuple[int, int]:
    """Drop leading words of a name run that the question mentions.

    "Kazakh Foreign Minister Murat Nurtleu" asked about with "Kazakhstan's foreign
    minister" becomes "Murat Nurtleu"; a prefix match lets "Kazakh" count as
    mentioned by "Kazakhstan".
    """
    words = list(re.finditer(r"\S+", sentence[start:end]))
    keep = 0
    while keep < len(words) - 1:
        word = words[keep].group()
        bare = word.lower().strip(".,’'")
        # With ``titles`` (a person asked for), a title opening the run goes too:
        # "Chief Executive Officer Jane Porter" is "Jane Porter". A run opening
        # with "General" may be a company's ("General Motors").
        if word != "of" and not mentioned(word, asked) and not (
                titles and bare in TITLE_WORDS and (keep or bare != "general")):
            break
        keep += 1
    if keep:
        start += words[keep].start()
    return start, end


# Adjectives of place ("Central Asian", "South Korean") are capitalised but name no
# one. Told by the region or country they are of, not by their ending: "Sarah
# Khan", "Priya Raman" and "Yuki Suzuki" end like demonyms and are people. Not
# every country's demonym either, which alone may end a name ("Dawn French",
# "Irvine Welsh"): those news writes that are no surname (``DEMONYMS``: "Kazakh",
# "Saudi") and a few more.
# (One word each: ``_of_place`` reads the last word; "Sri Lankan" is a demonym.)
_PLACE_ADJECTIVES = frozenset(word.lower() for word in (
    *REGIONAL_ADJECTIVES, *DEMONYMS, "Korean", "Kurdish", "Persian", "English")
    if " " not in word)


def _of_place(words: list[str]) -> bool:
    """Whether a run of words ends in an adjective of place: a region's ("Central
    Asian", "South Korean") or a country's of two words ("Sri Lankan")."""
    last = words[-1].lower().strip(".,’'")
    return last in _PLACE_ADJECTIVES or is_demonym(" ".join(words[-2:]))


# "the president of China", "the foreign minister of Kazakhstan": an office with its owner.
_WHO_IS_Q = re.compile(r"\bwho\s+(?:is|was|are|were)\b", re.I)
_OFFICE_OF = re.compile(r"([\w’'-]+)\s+of\s+(?:the\s+)?([\w’'-]+)", re.I)


def asks_office_of(question: str) -> bool:
    """Whether a question asks who holds an office of someone ("Who is the
    president of China?"), in any case."""
    return bool(_WHO_IS_Q.search(question)) and any(
        not OFFICES.isdisjoint(tokenize(m.group(1))) and tokenize(m.group(2))
        for m in _OFFICE_OF.finditer(question))


def after_country(sentence: str, start: int, end: int) -> int:
    """Where a name run starting with a country's name ("South Africa Cyril
    Ramaphosa") goes on after it; ``start`` if it does not start with one."""
    words = list(re.finditer(r"\S+", sentence[start:end]))
    for size in (3, 2, 1):  # the longest name first: "South Africa", not "South"
        if len(words) > size and is_country(sentence[start : start + words[size - 1].end()]):
            return start + words[size].start()
    return start


# An acronym ("SCO", "UN"): part of a body's name, never of a person's. Not a
# regnal number ("Charles III"). Of any length, unlike ``ACRONYM``: a word in
# capitals is no part of a person's name either.
_BODY_WORD = re.compile(rf"\b{NOT_REGNAL}[A-Z]{{2,}}\b")
# One of three letters or more: "JD Vance" has initials, "BYD" is a company.
BODY_ACRONYM = re.compile(rf"\b{NOT_REGNAL}[A-Z]{{3,}}\b")


# Roles only a person fills, though no office, asked "who": "Who is the current
# leader of China?", "Who will represent India at the summit?" ("which countrys
# leaders r going to be at the summit" asks for countries).
_PERSON_ROLES = frozenset(tokenize("leader represent representative"))
_WHO = re.compile(r"\s*who\b", re.I)


def holds_title(asked: set[str], question: str = "") -> bool:
    """Whether a question's terms name an office ("president", "minister"), or,
    asked "who", a person's role ("leader", "represent"), so that it asks who
    fills it: a person."""
    return not asked.isdisjoint(OFFICES) or (
        _WHO.match(question) is not None and not asked.isdisjoint(_PERSON_ROLES))


def only_titles(text: str) -> bool:
    """Whether ``text`` (what was stripped off a name run) is empty, or titles only
    that name an office ("President", not the "Head" of "Head Start")."""
    words = [w.lower().strip(".,’'") for w in text.split()]
    return not words or (all(w in TITLE_WORDS for w in words)
                         and not OFFICES.isdisjoint(tokenize(" ".join(words))))


def single_name(sentence: str, start: int, end: int,
                 proper_nouns: Collection[str] | None) -> bool:
    """Whether a one-word span is a name the corpus capitalises mid-sentence
    ("the logistics group Nordfracht"), neither opening its sentence nor after
    an article ("the Summit"), and no country, title, month or acronym."""
    word = sentence[start:end]
    before = sentence[:start].split()
    # "to the Summit": a name needs no article; "said, “The talks ...": nor is a
    # word opening a quotation one.
    if (proper_nouns is None or " " in word or not before or not tokenize(word)
            or before[-1].lower() in DETERMINERS
            or sentence[:start].rstrip().endswith(("“", '"', "‘", "'"))):
        return False
    if (len(before) >= 2 and before[-1] in ("in", "of", "for") and before[-2][:1].isupper()
            and before[-2][-1:].isalnum()):
        return False  # the end of a longer name: "Nobel Prize in Physics"
    bare = word.lower().strip(".,’'")
    return (bare in proper_nouns and bare not in TITLE_WORDS and not is_country(word)
            and not CALENDAR.match(word) and len(bare) > 2 and not word.isupper())


def looks_like_name(text: str) -> bool:
    """An initial ("K. Tokayev"), or two or more capitalised words that are not
    all titles or acronyms ("SCO Secretary General") and end in neither an
    adjective of place ("Central Asian") nor "of" a country ("Interests of
    Kazakhstan"; "Jimmy Wales" is a name).
    """
    words = text.split()
    if re.search(r"\b[A-Z]\.", text):
        return True
    if len(words) < 2 or _of_place(words) or (
            "of" in words and is_country(words[-1].strip(".,’'"))):
        return False
    # "Secretary General", "SCO Secretary General": an office, whoever holds it.
    return not all(w.lower().strip(".,’'") in TITLE_WORDS or _BODY_WORD.fullmatch(w.strip(".,’'"))
                   for w in words)


# "What is Tokayev's first name?": a part of a person's name, which a text writing
# the person only by an initial ("K. Tokayev") or a title ("President Tokayev")
# does not give ("Murat Nurtleu" gives it).
_NAME_PART_Q = re.compile(r"\b(?:first|given|full|middle|christian)\s+name\b", re.I)
# "What does the initial K. in Tokayev's name stand for?" asks the first name too.
_STANDS_FOR_Q = re.compile(r"\bstands?\s+for\b", re.I)
_INITIAL_Q = re.compile(r"\b[Ii]nitials?\b|(?<![\w.])[A-Z]\.(?=\s)")
_SURNAME = re.compile(r"(?<=\s)[A-Z][a-z][\w-]*")
_INITIAL_BEFORE = re.compile(r"\b[A-Z]\.[^\S\n]*$")
_WORD_BEFORE = re.compile(r"\b([A-Z][\w’'-]+)[^\S\n]+$")
# How far before a surname its initial or first name is looked for.
_BEFORE_CHARS = 40


def initial_only(question: str, texts: Iterable[str]) -> tuple[str, str] | None:
    """The part of a name ``question`` asks for and how the texts write that
    person, where they give only an initial or a title before the surname.

    Args:
        question: The question, as the engine reads it.
        texts: The documents.

    Returns:
        ("first name", "K. Tokayev") for "What is Tokayev's first name?" (or
        "What does the initial K. in Tokayev's name stand for?") over texts
        writing only "President of Kazakhstan K. Tokayev"; None where the
        question asks no part of a name, or a text gives the person's first name
        ("Murat Nurtleu"), or names no one the question names.
    """
    part = _NAME_PART_Q.search(question)
    if part is not None:
        asked = part.group().lower()
    elif _STANDS_FOR_Q.search(question) and _INITIAL_Q.search(question):
        asked = "first name"
    else:
        return None
    documents = list(texts)
    for surname in _SURNAME.findall(question):
        if (shown := _initialled(surname, documents)) is not None:
            return asked, shown
    return None


def _initialled(surname: str, texts: list[str]) -> str | None:
    """``surname`` as the texts write it with an initial ("K. Tokayev"), where
    none of them writes a first name before it (a title is none)."""
    shown = None
    for text in texts:
        for match in re.finditer(rf"\b{re.escape(surname)}\b", text):
            before = text[max(0, match.start() - _BEFORE_CHARS) : match.start()]
            if (initial := _INITIAL_BEFORE.search(before)) is not None:
                shown = shown or f"{initial.group().strip()} {surname}"
            elif ((word := _WORD_BEFORE.search(before)) is not None
                  and not set(tokenize(word.group(1))) <= TITLE_WORDS | OFFICES):
                return None  # "Murat Nurtleu": a first name
    return shown
