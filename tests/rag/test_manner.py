"""A question asking how something is done to a thing."""

from __future__ import annotations

import pytest

from rag.manner import asked_act


@pytest.mark.parametrize(("question", "act"), [
    ("How will the SCO Investment Fund be financed?", "financed"),
    ("how will the sco investment fund be financed", "financed"),
    ("How exactly is the security belt along the SCO's perimeter supposed to be built?",
     "built"),
    ("How exactly will the security belt be set up?", "set up"),
    ("How are Victorian cabinet members chosen?", "chosen"),
    ("How is cooperation in countering terrorism carried out?", "carried out"),
    # Not an act done to the thing: what it does, how it is told, what it is like.
    ("How will the planned Investment Fund help?", None),
    ("How is the SCO described at the start of the article?", None),
    ("How does the conclusion describe the SCO?", None),
    ("How is the SCO different?", None),
    ("How is it red?", None),
    ("How many members does the SCO have?", None),
])
def test_the_act_a_question_asks_the_manner_of(question: str, act: str | None) -> None:
    assert asked_act(question) == act
