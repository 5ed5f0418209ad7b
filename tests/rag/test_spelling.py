"""Reading a question's typos as the corpus's words."""

from __future__ import annotations

import pytest

from rag.engine import Engine
from rag.spelling import Speller

TEXT = ("Founded in 2001, the organization held more than 80 events in Kazakhstan. The "
        "tariffs and the tariff rules apply. One's own security matters.")


@pytest.mark.parametrize(
    ("question", "read"),
    [
        # A typo of one corpus word, in the case it was typed.
        ("When was it fonded?", "When was it founded?"),
        ("How many evnets?", "How many events?"),
        ("Who leads Kazakstan?", "Who leads Kazakhstan?"),
        ("KAZAKSTAN", "KAZAKHSTAN"),
        # English words the corpus lacks, short words, and names it never
        # mentions stay as typed.
        ("Who won the cup?", "Who won the cup?"),
        ("Who is Tokaev?", "Who is Tokaev?"),
        ("What is the SCOO?", "What is the SCOO?"),
        # Two corpus words equally near: neither is sure.
        ("What tarifs apply?", "What tarifs apply?"),
    ],
)
def test_speller(question: str, read: str) -> None:
    assert Speller([TEXT])(question) == read


def test_a_typo_finds_the_answer_it_would_have_found(engine: Engine) -> None:
    typed, right = engine.ask("When was the SCO fonded?"), engine.ask("When was the SCO founded?")
    assert not typed.abstained and typed.answer == right.answer == "2001"
    assert typed.question == "When was the SCO fonded?"  # echoed as typed
