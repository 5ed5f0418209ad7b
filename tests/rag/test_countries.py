"""Country names for "Which country ...?" questions."""

from __future__ import annotations

import pytest

from rag.countries import is_country


@pytest.mark.parametrize("text", [
    "Kazakhstan", "China", "the UAE", "UAE", "Türkiye", "Turkiye", "Russia",
    "the Russian Federation", "United States", "the US", "Republic of Kazakhstan",
    "South Korea", "Vietnam", "Viet Nam", "Kazakhstan,",
])
def test_countries(text: str) -> None:
    assert is_country(text)


@pytest.mark.parametrize("text", [
    # Places and bodies that are not countries.
    "Eurasia", "Almaty", "SCO", "South and Southeast Asia", "Kazakh",
    # A longer name holding a country's is not one.
    "Western Europe-Western China International Transit Corridor",
    # Case matters: the pronoun is no country.
    "us", "china",
    "", "Korea, Republic of",
])
def test_not_countries(text: str) -> None:
    assert not is_country(text)
