"""A question asking how someone reacted, and a text telling of a reaction."""

from __future__ import annotations

import pytest

from rag.responses import asked_response, tells_response


@pytest.mark.parametrize(("question", "words"), [
    ("What tariff did China impose on EU goods in response?", "in response"),
    ("what retaliatory tariffs did china impose on EU cars", "retaliatory"),
    ("Did Tesla respond to the EU tariffs?", "respond"),
    ("Has Moscow reacted yet?", "reacted"),
    ("What did Beijing do in return?", "in return"),
    # How someone responded to something: a cause and its effect answer it.
    ("How did companies respond to the blocking of the Red Sea?", None),
    ("What does Kazakhstan do in response to the threat of sanctions?", None),
    ("How will the SCO react to terrorism?", None),
    # Not a reaction: a duty, a person answerable for something.
    ("Who is responsible for the summit?", None),
    ("What falls under state responsibility?", None),
])
def test_a_question_asking_for_a_reaction(question: str, words: str | None) -> None:
    assert asked_response(question) == words


@pytest.mark.parametrize(("text", "told"), [
    ("The meeting aims to develop the necessary response measures.", True),
    ("New centers of influence will respond to the challenges of our time.", True),
    ("Beijing retaliated with duties on brandy.", True),
    ("The EU will introduce additional tariffs of 38.1% on electric vehicles.", False),
    ("The ministry is responsible for trade.", False),
])
def test_a_text_telling_of_a_reaction(text: str, told: bool) -> None:
    assert tells_response(text) is told
