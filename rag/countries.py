"""Recognising country names, for questions that ask "Which country ...?".

Names come from ISO 3166 (the ``pycountry`` package), plus the short forms news
text uses and ISO does not give ("Russia", "UAE", "Turkiye").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import pycountry

ALIASES = (
    "Russia", "Turkey", "Turkiye", "UAE", "US", "USA", "U.S.", "U.S.A.", "America", "UK", "U.K.",
    "Britain", "Great Britain", "England", "Scotland", "Wales", "Holland", "Burma",
    "Ivory Coast", "Czech Republic", "Macedonia", "Swaziland", "Cape Verde", "East Timor",
    "Vatican", "Palestine", "Congo", "North Korea", "South Korea", "Korea", "Laos", "Moldova",
    "Bolivia", "Venezuela", "Tanzania", "Iran", "Syria", "Vietnam", "Brunei", "Micronesia",
    "Taiwan",
)


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
