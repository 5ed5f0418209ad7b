"""People: names, offices and groups of people named by what they are."""

from __future__ import annotations

from rag.people import (
    after_country,
    asks_office_of,
    groups_of_people,
    initial_only,
    looks_like_name,
    offices_held,
    single_name,
    strip_asked,
)


def test_a_name_has_an_initial_or_two_words_that_are_not_all_titles() -> None:
    assert looks_like_name("K. Tokayev")
    assert looks_like_name("Murat Nurtleu")
    assert not looks_like_name("SCO Secretary General")
    assert not looks_like_name("Central Asian")
    assert not looks_like_name("Tokayev")
    # Surnames ending like a demonym are names; adjectives of place are not.
    for name in ("Sarah Khan", "Priya Raman", "Yuki Suzuki", "Kenji Mori", "Liam Ryan",
                 "Jimmy Wales", "Dawn French"):
        assert looks_like_name(name), name
    for place in ("Central Asian", "South Korean", "North African", "Latin American",
                  "Interests of Kazakhstan", "Sri Lankan", "Costa Rican",
                  # A region's word, and a demonym that is no surname, end no name.
                  "Persian Gulf", "The Saudi", "The Kazakh"):
        assert not looks_like_name(place), place


def test_one_word_is_a_name_only_where_the_corpus_capitalises_it_mid_sentence() -> None:
    sentence = "Goods go by the logistics group Nordfracht to the Summit."
    start = sentence.index("Nordfracht")
    assert single_name(sentence, start, start + 10, frozenset({"nordfracht", "summit"}))
    assert not single_name(sentence, start, start + 10, frozenset({"summit"}))
    # After an article it is a common noun written with a capital.
    start = sentence.index("Summit")
    assert not single_name(sentence, start, start + 6, frozenset({"nordfracht", "summit"}))


def test_what_the_question_says_is_stripped_off_a_name() -> None:
    sentence = "Kazakh Foreign Minister Murat Nurtleu spoke."
    asked = {"kazakhstan", "foreign", "minist"}
    start, end = strip_asked(sentence, 0, sentence.index(" spoke"), asked)
    assert sentence[start:end] == "Murat Nurtleu"
    # A person asked for loses a title the question does not say.
    sentence = "Chief Executive Officer Jane Porter resigned."
    start, end = strip_asked(sentence, 0, sentence.index(" resigned"), set(), titles=True)
    assert sentence[start:end] == "Jane Porter"


def test_offices_and_countries_before_names() -> None:
    assert asks_office_of("Who is the president of China?")
    assert not asks_office_of("Who is the president?")
    sentence = "South Africa Cyril Ramaphosa arrived."
    assert sentence[after_country(sentence, 0, 28):28] == "Cyril Ramaphosa"


def test_a_group_of_people_keeps_the_words_describing_it() -> None:
    sentence = ("It was held with the participation of famous cultural and scientific figures "
                "from SCO member countries.")
    assert [sentence[s:e] for s, e in groups_of_people(sentence)] == [
        "famous cultural and scientific figures"]
    # Two groups joined by "and" are one.
    sentence = "The foreign experts and local officials met."
    assert [sentence[s:e] for s, e in groups_of_people(sentence)] == [
        "foreign experts and local officials"]


def test_heads_and_secretaries_of_something_are_a_group() -> None:
    sentence = ("Later, on May 24, a meeting of the heads of security agencies and special "
                "services of the CIS countries took place.")
    assert [sentence[s:e] for s, e in groups_of_people(sentence)] == ["heads"]
    sentence = "The President met with the secretaries of the security councils."
    assert [sentence[s:e] for s, e in groups_of_people(sentence)] == ["secretaries"]
    # "heads" as a verb is no one.
    assert groups_of_people("Kazakhstan heads the organisation this year.") == []


def test_a_person_may_be_named_by_an_office_alone() -> None:
    sentence = ("The UN Secretary General and heads of organizations such as the CIS are "
                "invited, as is President Tokayev.")
    assert [sentence[s:e] for s, e in offices_held(sentence)] == ["UN Secretary General"]
    # A body or a person's name is no office.
    assert offices_held("The European Union and Elon Musk spoke.") == []


def test_an_office_alone_is_titles_one_of_them_an_office_besides_acronyms() -> None:
    def offices(sentence: str) -> list[str]:
        return [sentence[s:e] for s, e in offices_held(sentence)]

    assert offices("The SCO Secretary General spoke.") == ["SCO Secretary General"]
    assert offices("The Prime Minister spoke.") == ["Prime Minister"]
    assert offices("The SCO UN spoke.") == []  # acronyms alone name no office
    assert offices("The Chief Executive spoke.") == []  # titles, but none an office
    # A title before a name is no office alone.
    assert offices("Prime Minister K. Tokayev spoke.") == []
    assert offices("Foreign Minister Murat Nurtleu spoke.") == []


def test_an_office_of_a_country_names_its_holder() -> None:
    def offices(sentence: str) -> list[str]:
        return [sentence[s:e] for s, e in offices_held(sentence)]

    assert offices("On May 16, the President of Kazakhstan met with the secretaries.") == [
        "President of Kazakhstan"]
    assert offices("The Prime Minister of India spoke.") == ["Prime Minister of India"]
    # Of something that is no country, or no office of one, it names no one.
    assert offices_held("The Bank of China and the Republic of Korea signed.") == []
    assert offices_held("The President of Acme Robotics spoke.") == []


INITIALLED = ("President of Kazakhstan K. Tokayev spoke first. Kazakh Foreign Minister Murat "
              "Nurtleu said so. President Tokayev agreed; Xi Jinping did too.")


def test_a_name_part_the_texts_give_only_as_an_initial() -> None:
    assert initial_only("What is Tokayev's first name?", [INITIALLED]) == (
        "first name", "K. Tokayev")
    assert initial_only("What is the full name of President Tokayev?", [INITIALLED]) == (
        "full name", "K. Tokayev")
    # What an initial stands for is the first name it begins.
    assert initial_only("What does the initial K. in President Tokayev's name stand for?",
                        [INITIALLED]) == ("first name", "K. Tokayev")
    assert initial_only("what does the K. in K. Tokayev stand for", [INITIALLED]) == (
        "first name", "K. Tokayev")


def test_a_name_part_given_or_not_asked() -> None:
    # "Murat Nurtleu" gives his first name; "Xi Jinping" is written whole.
    assert initial_only("What is Nurtleu's first name?", [INITIALLED]) is None
    assert initial_only("What is Xi's first name?", [INITIALLED]) is None
    # No part of a name asked, or no one the texts name.
    assert initial_only("Who is Tokayev?", [INITIALLED]) is None
    assert initial_only("What is Putin's first name?", [INITIALLED]) is None
    # What an acronym stands for asks no initial of a name.
    assert initial_only("What does SCO stand for, according to Tokayev?", [INITIALLED]) is None
