"""Country names for "Which country ...?" questions."""

from __future__ import annotations

import unicodedata

import pytest

from rag.countries import (
    actors_in,
    country_key,
    country_names,
    is_country,
    is_demonym,
    other_names,
    seats_in,
    stands_for,
    written_body,
)


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


@pytest.mark.parametrize(("word", "name"), [
    ("Beijing", "China"), ("Beijing's", "China"), ("Moscow’s", "Russia"),
    ("Brussels", "EU"), ("Brussels", "Belgium"), ("Kremlin", "Russia"),
    ("Washington", "United States"), ("Astana", "Kazakhstan"), ("Nur-Sultan", "Kazakhstan"),
    ("Russian", "Russia"), ("British", "UK"), ("Chinese", "China"),
    # The demonyms news writes where countryinfo gives another ("Kazakhstani").
    ("Kazakh", "Kazakhstan"), ("Kazakh’s", "Kazakhstan"), ("Kazakhstani", "Kazakhstan"),
    ("Uzbek", "Uzbekistan"), ("Saudi", "Saudi Arabia"), ("Sri Lankan", "Sri Lanka"),
])
def test_stands_for(word: str, name: str) -> None:
    assert name in stands_for(word)


@pytest.mark.parametrize("word", ["Russian", "Kazakhstani", "Kazakh", "Kazakh’s", "Uzbek",
                                  "Saudi", "Sri Lankan"])
def test_demonyms_as_news_writes_them(word: str) -> None:
    assert is_demonym(word)


@pytest.mark.parametrize("word", ["Moscow", "Astana", "Kazakhstan", "Korean", "English"])
def test_no_demonym(word: str) -> None:
    assert not is_demonym(word)


@pytest.mark.parametrize("word", ["Kazakhstan", "Tokayev", "SCO", "the", "", "'s"])
def test_stands_for_nothing(word: str) -> None:
    assert stands_for(word) == ()


def test_iso_codes_stand_for_nothing() -> None:
    # "PM" is an ISO code (Saint Pierre and Miquelon) and a time of day.
    names = {name for word in ("French", "American", "Chinese") for name in stands_for(word)}
    assert "France" in names and not {"FR", "FRA", "PM", "CN", "CHN"} & names


def test_other_spellings_count_only_where_they_are_country_names() -> None:
    # countryinfo lists "Island" (Danish) among Iceland's spellings.
    assert "Iceland" in stands_for("Icelander") and "Island" not in stands_for("Icelander")
    assert "UK" in stands_for("London") and "USA" in stands_for("American")


def test_lookups_ignore_accents_and_split_lists() -> None:
    assert "Colombia" in stands_for("Bogota") and "Colombia" in stands_for("Bogotá's")
    # The data gives "Kralendijk / Oranjestad / The Bottom" as one capital.
    assert stands_for("Kralendijk") and stands_for("Oranjestad")
    # Capitals of several words are looked up whole; a hyphen is a space.
    assert "India" in stands_for("New Delhi") and stands_for("Delhi") == ()
    assert stands_for("Nur Sultan") == stands_for("Nur-Sultan") != ()


def test_other_names_of_a_country_but_not_its_capital_or_people() -> None:
    assert {"United States", "USA", "U.S."} <= set(other_names("US"))
    assert "US" in other_names("United States")
    assert "Russia" in other_names("Russian Federation")
    assert "US" not in other_names("US")  # only the other ones
    # A body's acronym and its name written out, either way round.
    assert other_names("European Union") == ("EU",)
    assert set(other_names("WTO")) == {"World Trade Organization", "World Trade Organisation"}
    assert other_names("european union") == ("EU",)  # in any case
    # Capitals and demonyms are ``stands_for``'s; other words have none.
    assert other_names("Washington") == other_names("American") == ()
    assert other_names("Tokayev") == other_names("States") == ()


def test_country_names_as_written() -> None:
    assert country_names("The United States and Türkiye met the US.") == [
        "United States", "Türkiye", "US"]
    # Found without accents, given as written, decomposed accents too.
    decomposed = unicodedata.normalize("NFD", "Côte d'Ivoire and Türkiye")
    assert country_names(decomposed) == [unicodedata.normalize("NFD", name)
                                         for name in ("Côte d'Ivoire", "Türkiye")]
    assert country_key("Türkiye's") == country_key("turkiye")
    # Case tells "US" from "us"; a longer name or word holding one is none.
    assert country_names("Tell us about New South Wales and USB drives.") == []


def _shared(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two actors share a name."""
    return bool(a & b)


@pytest.mark.parametrize(("text", "countries"), [
    ("the upcoming SCO summit in Astana", [{"kazakhstan", "republic of kazakhstan"}]),
    # Ending a sentence, or after a capitalised first word.
    ("The summit will be held in Astana.", [{"kazakhstan", "republic of kazakhstan"}]),
    # A capital of two words counts whole; a demonym is no seat; nor is a city
    # that is no capital.
    ("In New Delhi, talks began.", [{"india", "republic of india"}]),
    ("Chinese cars in Almaty", []),
    ("Brussels' tariffs", [{"belgium", "kingdom of belgium", "eu", "european union"}]),
    # A capital inside a longer name names no place.
    ("China pledged to honour the Paris Agreement.", []),
    ("The New Delhi Declaration", []),
    ("Santiago Pena of Paraguay said so.", []),
])
def test_seats_name_the_country_or_body_whose_capital_they_are(
        text: str, countries: list[set[str]]) -> None:
    assert [set(found) for found in seats_in(text)] == countries


def test_actors_are_countries_by_any_name_and_bodies_by_acronym() -> None:
    us, china = actors_in("What tariff has the United States put on cars from China?")
    assert "us" in us and "china" in china
    # One country by its other names, or by its people's.
    (us_again, eu, chinese) = actors_in("The US and the EU tax Chinese cars.")
    assert _shared(us, us_again) and _shared(china, chinese)
    assert eu == frozenset({"eu"})
    assert actors_in("The US and the EU tax cars.", bodies=False) == [us_again]
    # A possessive is the body's name still.
    assert actors_in("What is the SCO's cultural capital?") == [frozenset({"sco"})]
    assert actors_in("the EU’s tariffs") == [eu]
    # A capital owning those who govern stands for its state; one in its own
    # right for no one (a city may be asked about as such).
    (beijing,) = actors_in("How many conflicts did Beijing's leadership count?")
    assert _shared(beijing, china)
    assert _shared(actors_in("What did Brussels’ officials say?")[0], eu)
    assert actors_in("What was agreed in Beijing?") == []
    # A capital of two words, or one after a capitalised word opening the question.
    assert _shared(actors_in("Why Beijing’s officials?")[0], china)
    assert "india" in actors_in("Did New Delhi's government object?")[0]
    assert actors_in("What was Astana's name before it was renamed?") == []
    # A full stop ending the sentence is no part of the acronym; one ending
    # initials is.
    assert actors_in("It was adopted by the SCO.") == [frozenset({"sco"})]
    assert actors_in("It was signed by the U.S.") == [us]


@pytest.mark.parametrize("text", [
    "It is the capital of Victoria.",  # a state, and a capital elsewhere: no country
    "It was part of New South Wales.",  # a longer name holding "Wales"
    "Rates rose in the summer.",
])
def test_no_actor_is_read_into_other_names(text: str) -> None:
    assert actors_in(text) == []


def test_a_body_written_out_is_known_in_any_case() -> None:
    assert written_body("european union") == ("European", "Union")
    assert written_body("the United Nations") == ("United", "Nations")
    assert written_body("Asia-Pacific Economic Cooperation") == ("Asia-Pacific", "Economic",
                                                                   "Cooperation")
    # Words of a body's name alone, or another union, are none.
    assert written_body("union") is written_body("soviet union") is written_body("") is None
