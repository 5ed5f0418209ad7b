"""Reading a question's typos as the corpus's words."""

from __future__ import annotations

import pytest

from rag.engine import Engine
from rag.spelling import Speller, spelled_as

TEXT = ("Founded in 2001, the organization held more than 80 events in Kazakhstan. The "
        "tariffs and the tariff rules apply. One's own security matters. The coast of "
        "Redlands was branded anew. BSkyB could use it. Asian markets grew.")


@pytest.mark.parametrize(
    ("question", "read"),
    [
        # A typo of one corpus word, in the case it was typed.
        ("When was it fonded?", "When was it founded?"),
        ("How many evnets?", "How many events?"),
        ("Who leads Kazakstan?", "Who leads Kazakhstan?"),
        ("KAZAKSTAN", "KAZAKHSTAN"),
        # An acronym typed in capitals is no typo of a word the corpus writes
        # otherwise ("ASEAN" is not "Asian"); a longer word in capitals may be.
        ("What role does ASEAN play?", "What role does ASEAN play?"),
        # ... nor is a known body's acronym typed in lower case.
        ("is asean invited to the summit", "is asean invited to the summit"),
        ("Did Asain markets grow?", "Did Asian markets grow?"),
        ("Who leads KAZAKSTAN?", "Who leads KAZAKHSTAN?"),
        # English words the corpus lacks, short words, and names it never
        # mentions stay as typed.
        ("Who won the cup?", "Who won the cup?"),
        ("Who is Tokaev?", "Who is Tokaev?"),
        ("What is the SCOO?", "What is the SCOO?"),
        # An English word the corpus lacks ("toast", not "coast"), a prefixed
        # corpus word, a contraction, and a name one "s" from a corpus name.
        ("Who made toast?", "Who made toast?"),
        ("Was it rebranded?", "Was it rebranded?"),
        ("BSkyB couldn't use it?", "BSkyB couldn't use it?"),
        ("Where is Redland University?", "Where is Redland University?"),
        # In the case it was typed (truecasing restores the name's capital).
        ("who leads kazakstan", "who leads kazakhstan"),
        # The words questions are asked with, whether or not the corpus has them.
        ("What does SCO stnad for?", "What does SCO stand for?"),
        # Two corpus words equally near: neither is sure.
        ("What tarifs apply?", "What tarifs apply?"),
    ],
)
def test_speller(question: str, read: str) -> None:
    assert Speller([TEXT])(question) == read


def test_an_office_shortened_to_its_letters() -> None:
    speller = Speller(["As Foreign Minister Murat Nurtleu noted, talks start at 5 pm."])
    assert speller("what did kazakhstans FM say") == "what did kazakhstans foreign minister say"
    # Not an office the corpus never writes, nor letters it writes, nor a time.
    assert speller("what did the PM say") == "what did the PM say"
    assert Speller(["The FM radio and the Foreign Minister."])("what did the FM say") == (
        "what did the FM say")
    assert Speller(["The Prime Minister spoke."])("Did it start at 5 PM?") == (
        "Did it start at 5 PM?")


def test_a_typo_finds_the_answer_it_would_have_found(engine: Engine) -> None:
    typed, right = engine.ask("When was the SCO fonded?"), engine.ask("When was the SCO founded?")
    assert not typed.abstained and typed.answer == right.answer == "2001"
    assert typed.question == "When was the SCO fonded?"  # echoed as typed


def test_without_the_english_list_toast_would_be_coast(monkeypatch: pytest.MonkeyPatch) -> None:
    # What the English list is for: a real word the corpus lacks is no typo.
    from rag import spelling
    monkeypatch.setattr(spelling, "_english", lambda: frozenset())
    assert Speller([TEXT])("Who made toast?") == "Who made coast?"


ASKED_WITH = ("what", "about", "article", "text", "summary", "summarize", "summarise")


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        # A typo of one of the words, one edit away (two from eight letters).
        ("waht is this artcle about", "what is this article about"),
        ("summerize the txt", "summarize the text"),
        ("Give me a sumary", "Give me a summary"),
        # Nearer to one of two near words: "summerise" is "summarise".
        ("summerise it", "summarise it"),
        # English words, the words themselves, and short words stay as typed:
        # "test" is no typo of "text", nor "abut" of "about".
        ("What is this test about?", "What is this test about?"),
        ("What is it abut?", "What is it abut?"),
        ("Summarize the text", "Summarize the text"),
        ("wt is it", "wt is it"),
    ],
)
def test_spelled_as_reads_typos_of_the_given_words(typed: str, read: str) -> None:
    assert spelled_as(typed, ASKED_WITH) == read
