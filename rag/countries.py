"""Recognising country names, for questions that ask "Which country ...?", and the
words news writes in their place ("Beijing", "Brussels", "Russian").

Names come from ISO 3166 (the ``pycountry`` package), plus the short forms news
text uses and ISO does not give ("Russia", "UAE", "Turkiye"). Capitals and
demonyms come from the ``countryinfo`` package.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import countryinfo
import pycountry

ALIASES = (
    "Russia", "Turkey", "Turkiye", "UAE", "US", "USA", "U.S.", "U.S.A.", "America", "UK", "U.K.",
    "Britain", "Great Britain", "England", "Scotland", "Wales", "Holland", "Burma",
    "Ivory Coast", "Czech Republic", "Macedonia", "Swaziland", "Cape Verde", "East Timor",
    "Vatican", "Palestine", "Congo", "North Korea", "South Korea", "Korea", "Laos", "Moldova",
    "Bolivia", "Venezuela", "Tanzania", "Iran", "Syria", "Vietnam", "Brunei", "Micronesia",
    "Taiwan",
)


# Seats of power that stand for the body they house ("Brussels' new levies" for the
# EU's, "the Kremlin said"), and capitals countryinfo gives in another form (it has
# "Nur-Sultan", Astana's name from 2019 to 2022, and "Washington D.C.").
SEATS = {
    "Brussels": ("European Union", "EU"),
    "Kremlin": ("Russia",),
    "Pentagon": ("United States", "US"),
    "Washington": ("United States", "US", "America"),
    "Astana": ("Kazakhstan",),
}
# Demonyms news writes that countryinfo lacks (it gives one per country:
# "Kazakhstani", not "Kazakh"). Not "Korean" (which Korea?) nor "English" (a
# language as often as a people).
DEMONYMS = {
    "Kazakh": "Kazakhstan", "Uzbek": "Uzbekistan", "Kyrgyz": "Kyrgyzstan", "Tajik": "Tajikistan",
    "Saudi": "Saudi Arabia", "Azeri": "Azerbaijan", "Lao": "Laos", "Nepali": "Nepal",
    "Argentine": "Argentina", "Argentinian": "Argentina", "Sri Lankan": "Sri Lanka",
    "Maldivian": "Maldives", "Slovenian": "Slovenia", "Icelandic": "Iceland",
}
# Adjectives of world regions, as written: "the Central Asian countries", "Gulf
# states", "a Baltic port" name places, neither one country nor anyone.
REGIONAL_ADJECTIVES = (
    "Asian", "European", "African", "American", "Eurasian", "Arab", "Arabian", "Baltic",
    "Nordic", "Scandinavian", "Balkan", "Caucasian", "Caribbean", "Pacific", "Atlantic",
    "Mediterranean", "Gulf", "Slavic", "Turkic", "Oceanian",
)
# What places something in, at, to or from a name right after it: "the summit in
# moscow", "moved to Beijing". There a capital names the city, not (as "Beijing
# imposed tariffs" does) its country. (Not after "the": "in the male category".)
PLACE_BEFORE = re.compile(r"\b(?:in|at|to|from|into|near|towards?)\s+$", re.I)
# "the" before a name ("the UAE", "the European Union"), which is no part of it.
_LEADING_THE = re.compile(r"^(?:the|The)\s+")
# A possessive ending, stripped before looking a word up: "Beijing's" is "Beijing".
_POSSESSIVE = re.compile(r"(?:['’]s?)$")


def _fold(text: str) -> str:
    """Strip accents, keeping case: "Türkiye" -> "Turkiye"."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    names = set(ALIASES)
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            # "Korea, Republic of" is a catalogue form, never running text.
            if value and "," not in value:
                names.add(value)
    # Case-sensitive on purpose: "US" is a country, "us" is not; "Chad" in lower
    # case never occurs, and capitalised it is a country more often than a name.
    alternation = "|".join(re.escape(_fold(n)) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?:{alternation})")


def is_country(text: str) -> bool:
    """Whether ``text`` is a country's name ("Kazakhstan", "the UAE", "Türkiye").

    A longer name that only contains one ("Western China International Transit
    Corridor") is not.
    """
    name = _LEADING_THE.sub("", text.strip(" \t\n.,;:’'\"“”()"))
    return _pattern().fullmatch(_fold(name)) is not None


@lru_cache(maxsize=1)
def _countries() -> tuple[tuple[Mapping[str, Any], frozenset[str]], ...]:
    """Each country's ``countryinfo`` entry with its names: its name and the other
    spellings that are a country's name ("UK", "USA", "Russian Federation"); the
    spellings also hold ISO codes ("PM" would match "5 pm") and words like
    "Island" (Iceland's name in Danish)."""
    found = []
    for country in countryinfo.all_countries():
        info = country.info()
        name = info.get("name")
        if isinstance(name, str):
            found.append((info, frozenset({name, *(
                alt for alt in info.get("altSpellings") or ()
                if isinstance(alt, str) and is_country(alt))})))
    return tuple(found)


@lru_cache(maxsize=1)
def _stand_ins() -> dict[str, tuple[str, ...]]:
    """Lower-cased capital, seat or demonym -> the names of what it stands for."""
    table: dict[str, set[str]] = {}
    for info, names in _countries():
        for field in ("capital", "demonym"):
            value = info.get(field)
            # A few entries list several: "Kralendijk / Oranjestad / The Bottom".
            for word in re.split(r"\s*[/,]\s*", value) if isinstance(value, str) else ():
                if word:
                    table.setdefault(_key(word), set()).update(names)
    for seat, bodies in SEATS.items():
        table.setdefault(_key(seat), set()).update(bodies)
    for demonym, country in DEMONYMS.items():
        table.setdefault(_key(demonym), set()).update((country, *other_names(country)))
    return {word: tuple(sorted(names)) for word, names in table.items()}


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    """Lower-cased demonyms ("russian", "kazakhstani")."""
    return frozenset(_key(word) for info, _ in _countries()
                     if isinstance(value := info.get("demonym"), str)
                     for word in re.split(r"\s*[/,]\s*", value) if word) | frozenset(
        map(_key, DEMONYMS))


def is_demonym(word: str) -> bool:
    """Whether ``word`` is a country's demonym ("Russian"), not a capital ("Moscow")."""
    return _key(word) in _demonyms()


@lru_cache(maxsize=1)
def _names_of() -> dict[str, tuple[str, ...]]:
    """Lower-cased country name -> every name of that country (``other_names``)."""
    table: dict[str, set[str]] = {}
    for _, names in _countries():
        # News writes "U.S." and "U.K." as often as "US" and "UK".
        spelled = names | {".".join(n) + "." for n in names if n.isupper() and n.isalpha()}
        for each in spelled:
            table.setdefault(_key(each), set()).update(spelled)
    for acronym, written in BODY_NAMES.items():
        for each in (acronym, *written):
            table.setdefault(_key(each), set()).update((acronym, *written))
    return {key: tuple(sorted(names)) for key, names in table.items()}


def other_names(name: str) -> tuple[str, ...]:
    """The other names of the country or body ``name`` names.

    Apart from ``stands_for``: a country's own names are no capital or demonym,
    so "Which city ...?" must not take them.

    Args:
        name: A word or phrase as written ("US", "Russian Federation").

    Returns:
        "US" gives "United States", "USA" and "United States of America";
        "Russian Federation" gives "Russia"; "European Union" gives "EU"; any
        other word, nothing.
    """
    return tuple(n for n in _names_of().get(_key(name), ()) if _key(n) != _key(name))


def _key(word: str) -> str:
    """How ``_stand_ins`` looks a word up: no possessive, no accents, lower case,
    hyphens as spaces ("Bogotá's" and "Bogota" are one key, "Nur-Sultan" and
    "Nur Sultan" another)."""
    return " ".join(_fold(_POSSESSIVE.sub("", word.strip())).lower().replace("-", " ").split())


def stands_for(word: str) -> tuple[str, ...]:
    """The countries or bodies a capital, seat of power or demonym names in news
    text, or nothing for any other word.

    "Beijing's" gives names of China, "Brussels" the EU's (and Belgium's),
    "Russian" Russia's, "Kazakhstan" nothing: it names itself. Capitals of
    several words are looked up whole ("New Delhi", not "Delhi"); a hyphen
    counts as a space ("Nur-Sultan").
    """
    return _stand_ins().get(_key(word), ())


# Bodies that act in the news as countries do, by their acronyms. Other acronyms
# name things, not actors: "GDP", "COVID", "HD".
BODIES = frozenset((
    "EU", "UN", "NATO", "WTO", "IMF", "OPEC", "ASEAN", "BRICS", "G7", "G20", "WHO", "OSCE",
    "CIS", "CSTO", "EAEU", "SCO", "AU", "OECD", "IAEA", "UNESCO", "UNICEF", "APEC", "ECO",
    "CICA", "EEC", "GCC", "OIC", "AIIB", "NDB", "ECB", "FIFA", "IOC",
))
# The keys ``actors_in`` gives those bodies.
BODY_KEYS = frozenset(body.lower() for body in BODIES)
# Those bodies' names written out, where one is theirs alone (not "EEC", which is
# one Eurasian and one European body): "the European Union" is the "EU" a text
# may only abbreviate, and the other way round (``other_names``).
BODY_NAMES = {
    "EU": ("European Union",), "UN": ("United Nations",), "AU": ("African Union",),
    "NATO": ("North Atlantic Treaty Organization", "North Atlantic Treaty Organisation"),
    "WTO": ("World Trade Organization", "World Trade Organisation"),
    "IMF": ("International Monetary Fund",),
    "OPEC": ("Organization of the Petroleum Exporting Countries",),
    "ASEAN": ("Association of Southeast Asian Nations",),
    "WHO": ("World Health Organization", "World Health Organisation"),
    "OSCE": ("Organization for Security and Co-operation in Europe",
             "Organization for Security and Cooperation in Europe"),
    "CIS": ("Commonwealth of Independent States",),
    "CSTO": ("Collective Security Treaty Organization", "Collective Security Treaty Organisation"),
    "EAEU": ("Eurasian Economic Union",),
    "SCO": ("Shanghai Cooperation Organization", "Shanghai Cooperation Organisation"),
    "OECD": ("Organisation for Economic Co-operation and Development",
             "Organization for Economic Cooperation and Development"),
    "IAEA": ("International Atomic Energy Agency",),
    "APEC": ("Asia-Pacific Economic Cooperation",),
    "ECO": ("Economic Cooperation Organization", "Economic Cooperation Organisation"),
    "GCC": ("Gulf Cooperation Council",),
    "OIC": ("Organisation of Islamic Cooperation", "Organization of Islamic Cooperation"),
    "AIIB": ("Asian Infrastructure Investment Bank",), "NDB": ("New Development Bank",),
    "ECB": ("European Central Bank",), "IOC": ("International Olympic Committee",),
}


@lru_cache(maxsize=1)
def _body_names() -> dict[str, tuple[str, ...]]:
    """Lower-cased body name written out -> its words as written."""
    return {_key(name): tuple(name.split()) for names in BODY_NAMES.values() for name in names}


def written_body(words: str) -> tuple[str, ...] | None:
    """A known body's name written out (``BODY_NAMES``), in whatever case.

    Args:
        words: A phrase ("european union", "the United Nations").

    Returns:
        Its words as the body writes them ("European", "Union"); None for any
        other phrase.
    """
    return _body_names().get(_key(_LEADING_THE.sub("", words.strip())))


_NAME_BEFORE = re.compile(r"[a-z,;:]\s+[A-Z][\w’'-]*\s+$")
_NAME_WINDOW = 80
_ACTOR_WORD = re.compile(r"\b[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*")


def _aliases(names: tuple[str, ...]) -> frozenset[str]:
    """The keys of ``names`` and of every other name they go by."""
    return frozenset(_key(n) for name in names for n in (name, *other_names(name)))


def _fold_mapped(text: str) -> tuple[str, list[int] | None]:
    """``_fold`` of ``text`` with, for a text that has accents, the index in
    ``text`` of each character of the folded text (and one past the last)."""
    if text.isascii():
        return text, None
    parts: list[str] = []
    starts: list[int] = []
    for i, ch in enumerate(text):
        plain = _fold(ch)
        parts.append(plain)
        starts.extend([i] * len(plain))
    starts.append(len(text))
    return "".join(parts), starts


def country_names(text: str) -> list[str]:
    """The country names ``text`` writes, in order, as written: "the United
    States and Türkiye" gives "United States" and "Türkiye" (found with or
    without accents); "New South Wales" and "USB" give none."""
    names = []
    folded, starts = _fold_mapped(text)
    for match in _pattern().finditer(folded):
        if (match.start() and folded[match.start() - 1].isalnum()) or (
                match.end() < len(folded) and folded[match.end()].isalnum()):
            continue
        # (A window before the match: searching from the start would make a long
        # text's scan quadratic.)
        if _NAME_BEFORE.search(folded, max(0, match.start() - _NAME_WINDOW), match.start()):
            continue  # part of a longer name: "New South Wales"
        names.append(match.group() if starts is None
                     else text[starts[match.start()] : starts[match.end()]])
    return names


def country_key(name: str) -> str:
    """The form in which two ways of writing one name compare equal: no
    possessive, no accents, lower case ("Türkiye's" and "turkiye")."""
    return _key(name)


def seats_in(text: str) -> list[frozenset[str]]:
    """The countries and bodies whose capitals or seats ``text`` names as places,
    each as the keys of all its names: "the summit in Astana" gives Kazakhstan's,
    "talks in New Delhi." India's, "Brussels" the EU's and Belgium's.

    A capital names a place in its country, not the country acting (``actors_in``
    leaves it out). Only one ending its run of capitalised words counts: "the Paris
    Agreement", "the Washington Post" and "Santiago Pena" name no place.
    """
    found = []
    for run in _ACTOR_WORD.findall(text):
        words = _without_full_stop(run).split()
        # The longest capital ending the run: "In New Delhi" gives "New Delhi".
        for size in range(len(words), 0, -1):
            written = " ".join(words[-size:])
            if not is_demonym(written) and (names := stands_for(written)):
                found.append(_aliases(names))
                break
    return found


def _without_full_stop(run: str) -> str:
    """``run`` less a full stop ending its sentence ("Astana."), not one ending
    initials ("U.S.")."""
    return run if _INITIALS.search(run) else run.removesuffix(".")


# Initials with full stops end a run: "U.S.", "the U.N.".
_INITIALS = re.compile(r"(?:^|\s)(?:[A-Z]\.){2,}$")


# A capital whose government is meant: "Beijing's leadership", "Astana's top
# diplomat" (not "Astana's name", "Victoria's constitution": the city's own).
_GOVERNED_BY = re.compile(
    r"\b([A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)[’']s?\s+(?:(?:new|top|own|current|official)\s+)?"
    r"(?:leadership|leaders?|government|authorities|officials|administration|regime|"
    r"diplomats?|diplomacy|(?:foreign\s+)?ministry|position|stance)\b")


def actors_in(text: str, bodies: bool = True) -> list[frozenset[str]]:
    """The countries and bodies ``text`` names, each as the keys of all its names:
    "the United States", "US" and "American" give sets that share a key; a
    body's acronym (``BODIES``: "EU", "NATO") itself, unless ``bodies`` is false;
    a capital or seat only as the owner of those who govern ("Beijing's
    leadership", ``_GOVERNED_BY``)."""
    found = [_aliases((name,)) for name in country_names(text)]
    # "New Delhi's government" whole; "Does Astana's leadership" by its last word.
    found += [_aliases(names) for seat in _GOVERNED_BY.findall(text)
              if (names := stands_for(seat) or stands_for(seat.split()[-1]))]
    for run in _ACTOR_WORD.findall(text):
        for written in _without_full_stop(run).split():
            word = _POSSESSIVE.sub("", written)  # "the SCO's capital" names the SCO
            # A demonym says whose ("Chinese solar panels"); a capital may be a
            # city in its own right, or share its name with a state ("Victoria").
            if is_demonym(word):
                found.append(_aliases(stands_for(word)))
            elif bodies and word in BODIES:
                found.append(frozenset((_key(word),)))
    return found
