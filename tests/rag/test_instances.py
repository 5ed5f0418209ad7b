"""Whether a sentence names what a "Which N ...?" question asks for."""

from __future__ import annotations

import pytest

from rag.instances import asked_noun, names_by_name, names_no_instance


@pytest.mark.parametrize(("question", "noun"), [
    ("Which national currencies are used for payments?", "currencies"),
    ("Which alternative payment systems is Kazakhstan studying?", "systems"),
    ("What SCO members are in conflict with each other?", "members"),
    ("Which documents will the summit review?", "documents"),
    # The noun may end the question, as the engine reads "List the ...".
    ("Which 14 SCO dialogue partners.", "partners"),
    ("Which documents?", "documents"),
    # A counted set, asked for whoever owns it or by its members' names.
    ("Which 14 dialogue partners of the SCO", "partners"),
    ("What were the six founding members of the SCO?", "members"),
    ("What are the names of the three observer states?", "states"),
    # An owner may stand before the count (as the engine reads "list the SCO's ...").
    ("What are the SCO's 14 dialogue partners?", "partners"),
    # Without a count, "of" ends no noun: "the goals of the SCO" are described.
    ("What are the goals of the SCO?", None),
    # A year is no count.
    ("Which 2023 statement of the ministers", None),
    # No noun before the verb, or the noun's phrase ends at an article.
    ("What did the countries sign?", None),
    ("What is the capital of Kazakhstan?", None),
    ("What kind of corridor is it?", None),
    # A relative word starts another clause: "collaboration" is not what is asked.
    ("Which fields where closer collaboration could help?", None),
    # A purpose, and a role, are described, not named.
    ("What is the SCO for?", None),
    ("What greater role does the SCO have the potential to play?", None),
    # So is an opportunity: "an opportunity for Kazakhstan to advance its initiatives".
    ("What opportunity does the SCO give to middle powers?", None),
])
def test_the_noun_a_which_question_asks_for(question: str, noun: str | None) -> None:
    assert asked_noun(question) == noun


QUESTION = "Which payment systems is Kazakhstan studying?"


@pytest.mark.parametrize("sentence", [
    "Kazakhstan is studying payment systems due to sanctions.",
    "Kazakhstan, facing sanctions, studies payment systems.",
    # Names the question gives are no instance.
    "Kazakhstan studies payment systems with Kazakhstan's banks.",
    # A passive says what is done with them, not which they are.
    "Payment systems are being studied in Kazakhstan.",
    "Payment systems are increasingly studied in Kazakhstan.",
    # What they are for, with no list after it.
    "Kazakhstan studies payment systems to avoid sanctions.",
    "Kazakhstan studies payment systems to avoid sanctions, including in Kazakhstan.",
    # Words saying only of what kind.
    "Kazakhstan studies alternative types of international payment systems.",
    "Kazakhstan studies various other payment systems.",
])
def test_a_sentence_repeating_the_noun_names_none(sentence: str) -> None:
    assert names_no_instance(sentence, QUESTION, "systems")


@pytest.mark.parametrize("sentence", [
    # A name or a word of its own beside the noun, whatever its ending.
    "Kazakhstan studies the Chinese CIPS payment systems.",
    "Kazakhstan studies the Beijing payment systems.",
    "Kazakhstan studies the United payment systems.",
    "Kazakhstan studies digital payment systems.",
    # A list the noun introduces, or closes.
    "Kazakhstan studies payment systems such as barter and clearing.",
    "Kazakhstan studies payment systems: SPFS and CIPS.",
    "Kazakhstan studies SPFS, CIPS and other payment systems.",
    # A list after what they are for.
    "Kazakhstan studies payment systems to avoid sanctions, including barter.",
    # Whose, or what they are for.
    "Kazakhstan studies payment systems of China and Russia.",
    "Kazakhstan studies payment systems on blockchain ledgers.",
    # What the systems are, either way round.
    "The payment systems Kazakhstan studies are SPFS and CIPS.",
    "SPFS and CIPS are payment systems.",
    # One named in the sentence before.
    "Kazakhstan studies these payment systems.",
    # No "systems" at all: it may name them by another word.
    "Kazakhstan studies SPFS.",
])
def test_a_sentence_naming_one_is_an_answer(sentence: str) -> None:
    assert not names_no_instance(sentence, QUESTION, "systems")


@pytest.mark.parametrize(("sentence", "named"), [
    # After the noun, a name it introduces.
    ("Kazakhstan is improving transport corridors, such as the Western Europe-Western "
     "China International Transit Corridor.", True),
    # A name ending in the noun.
    ("Goods also travel the Trans-Caspian International Transport Corridor.", True),
    # Corridors described, none named; nor a name the question gives.
    ("The goal is the safe functioning of transport corridors that connect China and "
     "Russia.", False),
    ("Kazakhstan is improving transport corridors, such as those of Kazakhstan.", False),
    ("Corridors matter.", False),
])
def test_a_sentence_naming_an_instance_by_its_name(sentence: str, named: bool) -> None:
    question = "Which transport corridors is Kazakhstan focusing on?"
    assert names_by_name(sentence, question, "corridors") is named


COUNTED = ("Founded in 2001, the organization has grown from six members to a robust "
           "platform of nine member states, three observer states and 14 dialogue partners.")


@pytest.mark.parametrize(("question", "noun"), [
    # Another kind ("member states") or another count ("14 dialogue partners")
    # beside the noun names none of the three observer states.
    ("What are the names of the three observer states?", "states"),
    # An owner may stand before the count (as the engine reads "list the SCO's ...").
    ("What are the SCO's 14 dialogue partners?", "partners"),
    ("What were the six founding members of the SCO?", "members"),
    ("Which 14 dialogue partners of the SCO", "partners"),
    ("Which SCO's 14 dialogue partners?", "partners"),
])
def test_a_counted_set_needs_its_members_named(question: str, noun: str) -> None:
    assert names_no_instance(COUNTED, question, noun)


@pytest.mark.parametrize("sentence", [
    "The three observer states are Afghanistan, Belarus and Mongolia.",
    "It has three observer states: Afghanistan, Belarus and Mongolia.",
    "Afghanistan, Belarus and Mongolia are its three observer states.",
])
def test_a_counted_set_named(sentence: str) -> None:
    assert not names_no_instance(sentence, "What are the names of the three observer states?",
                                 "states")


def test_the_noun_ending_a_name_names_one_whatever_the_question_gives() -> None:
    sentence = ("The summit will review key documents, including the draft Astana "
                "Declaration and initiatives to strengthen unity and peace.")
    question = "Which draft declaration are leaders expected to look at in Astana?"
    assert not names_no_instance(sentence, question, "declaration")
    # Not the noun in lower case after a name the question gives.
    assert names_no_instance("Leaders will sign an Astana declaration.", question,
                             "declaration")


def test_a_name_of_words_the_question_gives_otherwise_names_none() -> None:
    # "Orange" is asked about, not a place the question is at.
    assert names_no_instance(
        "The dominant areas are Los Angeles, Orange County, San Diego and Riverside.",
        "What county are Los Angeles, Orange, San Diego and Riverside located in?", "county")
