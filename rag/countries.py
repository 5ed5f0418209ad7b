"""Recognising country names, for questions that ask "Which country ...?", and the
words news writes in their place ("Beijing", "Brussels", "Russian").

Names come from ISO 3166 (the ``pycountry`` package), plus the short forms news
text uses and ISO does not give ("Russia", "UAE", "Turkiye"). Capitals and
demonyms come from the ``countryinfo`` package.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

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
# A possessive ending, stripped before looking a word up: "Beijing's" is "Beijing".
_POSSESSIVE = re.compile(r"(?:['’]s?)$")


def _fold(text: str) -> str:
    """Strip accents, keeping case: "Türkiye" -> "Turkiye"."""
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
    name = re.sub(r"^(?:the|The)\s+", "", text.strip(" \t\n.,;:’'\"“”()"))
    return _pattern().fullmatch(_fold(name)) is not None


@lru_cache(maxsize=1)
def _stand_ins() -> dict[str, tuple[str, ...]]:
    """Lower-cased capital, seat or demonym -> the names of what it stands for."""
    table: dict[str, set[str]] = {}
    for country in countryinfo.all_countries():
        info = country.info()
        name = info.get("name")
        if not isinstance(name, str):
            continue
        # Other ASCII names ("Russian Federation", "UK"), but not ISO codes: "PM"
        # (Saint Pierre and Miquelon) would match "5 pm".
        codes = {str(code) for code in (info.get("ISO") or {}).values()}
        names = {name, *(alt for alt in info.get("altSpellings") or ()
                         if isinstance(alt, str) and alt.isascii() and alt not in codes)}
        for word in (info.get("capital"), info.get("demonym")):
            if isinstance(word, str) and word:
                table.setdefault(word.lower(), set()).update(names)
    for seat, bodies in SEATS.items():
        table.setdefault(seat.lower(), set()).update(bodies)
    return {word: tuple(sorted(names)) for word, names in table.items()}


def stands_for(word: str) -> tuple[str, ...]:
    """The countries or bodies a capital, seat of power or demonym names in news
    text, or nothing for any other word.

    "Beijing's" gives names of China, "Brussels" the EU's (and Belgium's),
    "Russian" Russia's, "Kazakhstan" nothing: it names itself.
    """
    return _stand_ins().get(_POSSESSIVE.sub("", word.strip()).lower(), ())
