"""A question asking how or where something is done to a thing."""

from __future__ import annotations

import pytest

from rag.manner import asked_act, asked_ending, asked_founding


@pytest.mark.parametrize(("question", "act"), [
    ("How will the SCO Investment Fund be financed?", ("how", "financed")),
    ("how will the sco investment fund be financed", ("how", "financed")),
    ("How exactly is the security belt along the SCO's perimeter supposed to be built?",
     ("how", "built")),
    ("How exactly will the security belt be set up?", ("how", "set up")),
    ("How is cooperation in countering terrorism carried out?", ("how", "carried out")),
    ("Where is the SCO headquartered?", ("where", "headquartered")),
    ("Where's the SCO headquartered?", ("where", "headquartered")),
    ("How has the SCO Investment Fund been financed?", ("how", "financed")),
    ("HOW WILL THE FUND BE FINANCED?", ("how", "financed")),
    # In the question's second sentence.
    ("The SCO plans an investment fund. How will it be financed?", ("how", "financed")),
    # Acts whatever the text says of the thing tells.
    ("How are the SCO's prospects described?", None),
    ("How is Kazakhstan's foreign security policy defined?", None),
    ("How are payments between member countries made?", None),
    ("How was the SCO Energy Club created?", None),
    ("How are Victorian cabinet members chosen?", None),
    ("Where will the security belt be built?", None),
    # A place alone says where something is held or located: "the summit in Astana".
    ("where is the upcoming summit being held", None),
    ("Where is Redland University located?", None),
    # Not an act done to the thing: what it does, how it is told, what it is like.
    ("How will the planned Investment Fund help?", None),
    ("How is the SCO described at the start of the article?", None),
    ("How does the conclusion describe the SCO?", None),
    ("How is the SCO different?", None),
    ("How is it red?", None),
    ("How many members does the SCO have?", None),
])
def test_the_act_a_question_asks_the_manner_or_place_of(
        question: str, act: tuple[str, str] | None) -> None:
    assert asked_act(question) == act


@pytest.mark.parametrize(("question", "ending"), [
    ("why did kazakhstan leave the sco", "leave"),
    ("Why was the Astana summit cancelled?", "cancelled"),
    ("Why did Kazakhstan give up the SCO chairmanship?", "give up"),
    ("How come Iran pulled out of the talks?", "pulled out"),
    ("when did india withdraw from the sco", "withdraw"),
    ("Wich countries left the SCO?", "left"),
    ("why did tesla stop selling cars in europe", "stop"),
    ("how did the red sea blockade get resolved in the end", "resolved"),
    # No end: another act, or "left" as no verb.
    ("Why is the Red Sea route blocked?", None),
    ("Why is the SCO Energy Club an advisory body?", None),
    ("Which countries are left out of the SCO?", None),
    ("What is on the left of the map?", None),
    ("What armed group stopped the uprising at Ballarat?", None),
    # Resolving asked of, not taken as done.
    ("Which problems will the SCO resolve?", None),
])
def test_an_end_a_question_takes_as_so(question: str, ending: str | None) -> None:
    assert asked_ending(question) == ending


@pytest.mark.parametrize(("question", "founding"), [
    ("who founded byd the chinese car compnay", "founded"),
    ("When was the CSTO established?", "established"),
    ("Who are the co-founders of the fund?", "co-founders"),
    # Finding, or a standing by founding: no founding asked about.
    ("What was found in the report?", None),
    ("Which countries are founding members of the SCO?", None),
])
def test_a_founding_a_question_takes_as_so(question: str, founding: str | None) -> None:
    assert asked_founding(question) == founding
