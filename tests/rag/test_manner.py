"""A question asking how or where something is done to a thing."""

from __future__ import annotations

import pytest

from rag.manner import (
    asked_act,
    asked_deed,
    asked_ending,
    asked_founding,
    asked_joining,
    asked_opposing,
    founded_when,
    named_only_as_example,
    tells_joining,
)


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
    # Asked when, of an act a date alone does not tell ...
    ("When was the Western Europe-Western China corridor opened?", ("when", "opened")),
    ("When was BSkyB's digital service launched?", ("when", "launched")),
    # ... but not of one it does: "will be held on 3 July", "Founded in 2001".
    ("When is the summit scheduled?", None),
    ("When was the SCO set up?", None),
    ("When was the first meeting of the commission held?", None),
    # Not an act done to the thing: what it does, how it is told, what it is like.
    ("How will the planned Investment Fund help?", None),
    ("How is the SCO described at the start of the article?", None),
    ("How does the conclusion describe the SCO?", None),
    ("How is the SCO different?", None),
    ("How is it red?", None),
    ("How many members does the SCO have?", None),
    # An act in a clause of its own is not what is asked.
    ("How has the size of the SCO's membership changed since it was set up?", None),
    ("How did relations develop after the corridor was opened?", None),
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
    # Dropping a plan ends it; a drop in figures does not.
    ("Why did Kazakhstan drop its proposal for an SCO energy strategy?", "drop"),
    ("Did they drop the energy plan?", "drop"),
    ("Why was there a drop in the number of conflicts?", None),
    ("Why did prices drop?", None),
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


@pytest.mark.parametrize(("question", "stance"), [
    ("Why did Kazakhstan oppose creating an SCO free trade zone?", "oppose"),
    ("Which documents is the summit expected to reject?", "reject"),
    ("which member state vetoed the declaration", "vetoed"),
    ("Who objected to the energy strategy?", "objected to"),
    ("Why did India vote against the plan?", "vote against"),
    ("Why did Tokayev criticise the sanctions?", "criticise"),
    # Two things set apart, or a stand asked of no one.
    ("What is the SCO, as opposed to BRICS?", None),
    ("What objects were shown at the exhibition?", None),
    ("Which documents will the summit review?", None),
])
def test_a_stand_against_something_a_question_takes_as_so(question: str,
                                                          stance: str | None) -> None:
    assert asked_opposing(question) == stance


@pytest.mark.parametrize(("question", "founding"), [
    ("who founded byd the chinese car compnay", "founded"),
    ("When was the CSTO established?", "established"),
    ("Who are the co-founders of the fund?", "co-founders"),
    # "set up" passive, of a body; active, it makes something.
    ("In which city was the SCO originally set up?", "set up"),
    ("Where was the Shanghai Cooperation Organization set up?", "set up"),
    ("Why did Kazakhstan set up a working group?", None),
    # Finding, or a standing by founding: no founding asked about.
    ("What was found in the report?", None),
    ("Which countries are founding members of the SCO?", None),
])
def test_a_founding_a_question_takes_as_so(question: str, founding: str | None) -> None:
    assert asked_founding(question) == founding


@pytest.mark.parametrize(("question", "founding"), [
    ("Who was Kazakhstan's foreign minister when the SCO was created?", "created"),
    ("How many members did the SCO have when it was first set up?", "set up"),
    # Asked of the founding itself, of anything made, or of a change since the
    # founding (the text may tell it with no founding near: "has grown from six").
    ("What has changed since the bloc was formed?", None),
    ("When was the SCO created?", None),
    ("What was created at the summit?", None),
])
def test_a_founding_taken_as_the_time_of_what_is_asked(question: str,
                                                       founding: str | None) -> None:
    assert founded_when(question) == founding


@pytest.mark.parametrize(("question", "joining"), [
    ("what year did kazakstan join the sco", "join"),
    ("Which country became a full member of the SCO in 2023?", "became a full member"),
    ("Which countries are currently applying to join the SCO?", "join"),
    ("When was Iran admitted?", "admitted"),
    # No joining: forces joined, a standing asked of, a joint statement.
    ("Will they join forces against terrorism?", None),
    # Joining an occasion is taking part.
    ("Which city was named the culture capital, and who joined the events held?", None),
    ("Which leaders joined the summit talks?", None),
    ("Is Mongolia a member state?", None),
    ("What did the joint statement say?", None),
])
def test_a_joining_a_question_takes_as_so(question: str, joining: str | None) -> None:
    assert asked_joining(question) == joining


def test_what_tells_of_joining() -> None:
    assert tells_joining("Iran joined the SCO in 2023.")
    assert tells_joining("India and Pakistan became full members in 2017.")
    assert tells_joining("The enlargement of the SCO was discussed.")
    assert tells_joining("It has been a member since 2005.")
    # Members named, no one joining.
    assert not tells_joining("The organization has nine member states.")
    assert not tells_joining("Kazakhstan chairs the SCO in 2023-2024.")


# Words the corpus writes only capitalised, as ``proper_noun_words`` gives them.
PROPER = frozenset(("tesla", "sco", "eu"))


@pytest.mark.parametrize(("question", "deed"), [
    ("Did Tesla lobby Brussels against the new electric-vehicle duties?", ("Tesla", "lobby")),
    ("Did Tesla publicly object to the new EU tariffs?", ("Tesla", "object")),
    ("is tesla going to move production out of China?", ("tesla", "move")),
    ("Did the EU consult Kazakhstan before announcing its tariffs?", ("the EU", "consult")),
    ("Will the SCO introduce a single common currency?", ("the SCO", "introduce")),
    ("Has the United States imposed tariffs?", ("the United States", "imposed")),
    # Going to an occasion is attending it; going from one thing to another is not.
    ("did Tokayev go to the may 24 meeting himself", ("Tokayev", "go")),
    ("Did the SCO go from six to nine members?", None),
    # No name does it, or a possessive goes on to the one who does.
    ("Did all members back the proposal?", None),
    ("will members move production?", None),
    ("Did Kazakhstan's defence minister also say so?", None),
    # Thinking, saying, wanting, having: told in other words or by other rules.
    ("Does Tokayev think a country can be safe at others' expense?", None),
    ("Does the SCO have a common currency?", None),
    ("Does the SCO want a free trade area?", None),
    ("Is the SCO planning to introduce a currency?", None),
    # Not asked yes or no.
    ("Why did Tesla move production?", None),
    ("is turkey going to the summit", None),
    # A name, then no verb.
    ("Does the Route across the Caspian carry more freight?", None),
    ("Did Tesla really?", None),
])
def test_a_deed_a_yes_no_question_asks_of_a_name(question: str,
                                                 deed: tuple[str, str] | None) -> None:
    assert asked_deed(question, PROPER) == deed


HIT = ("The tariffs will raise the cost of selling cars in Europe for companies such as "
       "Chinese BYD Co. and Tesla Inc.")


def test_a_party_named_only_as_an_example() -> None:
    assert named_only_as_example("Tesla", HIT)
    assert named_only_as_example("tesla", HIT)
    assert named_only_as_example("BYD", HIT)
    # Named doing something, once is enough; or not named at all.
    assert not named_only_as_example("Tesla", HIT + " Tesla said it would cut prices.")
    assert not named_only_as_example("Kazakhstan", "Kazakhstan chairs the SCO.")
    assert not named_only_as_example("EU", HIT)
