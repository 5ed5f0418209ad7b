"""A yes/no question asking whether something is settled, over a hedged text."""

from __future__ import annotations

import pytest

from rag.certainty import DONE_PREMISE, made_premise, unsaid_premise, unsettled

INVITED = ("The UN Secretary General and heads of such international organizations as the "
           "CIS, ECO, CICA, CSTO, EEC and IOSB are invited to the Summit.")


@pytest.mark.parametrize(("question", "sentence", "words"), [
    ("Has the UN Secretary General accepted the invitation to the summit?", INVITED,
     ("accepted", "invited")),
    ("Will the UN Secretary-General actually be at the summit in person?", INVITED,
     ("actually", "invited")),
    ("Will the Astana Declaration definitely be adopted?",
     "The summit will review key documents, including the draft Astana Declaration.",
     ("adopted", "draft")),
    # A step asked of the draft the question names: the draft is no signature.
    ("Did all member states really sign off on the draft Astana Declaration?",
     "The summit will review key documents, including the draft Astana Declaration.",
     ("sign off", "draft")),
    ("Was the border dispute really settled?", "Talks on the border are expected.",
     ("really", "expected")),
    # The step the sentence speaks of, hedged, leaves the adverb asking.
    ("Is the program really going to be adopted?",
     "The program is expected to be discussed and adopted.", ("really", "expected")),
    ("Will the center definitely be created?",
     "There is also likely to be mention of the creation of a UN Regional Center.",
     ("definitely", "likely")),
    ("Did the members agree to the plan?", "Kazakhstan proposed a plan.",
     ("agree", "proposed")),
    ("Has the SCO actually created a fund?", "The SCO hopes to create a fund.",
     ("actually", "hopes")),
    # A step taken, of a fund only planned.
    ("Has the SCO Investment Fund financed any projects yet?",
     "The SCO plans to create an Investment Fund, which will facilitate large projects.",
     ("financed", "plans")),
    # Asked what is already done, of a fund only planned (the step named first).
    ("Which projects has the SCO Investment Fund already financed?",
     "The SCO plans to create an Investment Fund, which will facilitate large projects.",
     ("financed", "plans")),
    # Looking into a thing is no step taken.
    ("Has Kazakhstan already signed up to an alternative payment system?",
     "It is interesting for Kazakhstan to study alternative types of payment systems.",
     ("signed", "study")),
    # "Or not" offers no other answer.
    ("Has he accepted the invitation or not?", INVITED, ("accepted", "invited")),
])
def test_a_settled_thing_asked_over_a_hedge(question: str, sentence: str,
                                            words: tuple[str, str]) -> None:
    assert unsettled(question, sentence) == words


@pytest.mark.parametrize(("question", "sentence"), [
    # Asked as the text hedges it.
    ("Is the UN Secretary General invited to the summit?", INVITED),
    # The text says it is settled, whatever else it hedges.
    ("Has he confirmed the plan?", "He confirmed the plan to attend."),
    # Asked whether the hedge itself is so: the text says it is.
    ("Was the UN Secretary General actually invited to the summit?", INVITED),
    ("Is it confirmed that heads of international organizations are invited?", INVITED),
    ("Will the summit definitely review the draft Astana Declaration?",
     "The summit will review key documents, including the draft Astana Declaration."),
    ("Does the SCO actually plan to create an Investment Fund?",
     "The SCO plans to create an Investment Fund."),
    # Asked what someone means to do, the plan says it.
    ("Does the SCO actually intend to set up a fund to back big infrastructure projects?",
     "The SCO plans to create an Investment Fund, which will facilitate large projects."),
    # "Plans" as a noun hedges nothing.
    ("Do the SCO's prospects actually look promising?",
     "The SCO's prospects look promising, given the initiatives and plans of its members."),
    # The question offers the hedge as the other answer.
    ("Is the UN Secretary-General confirmed as attending, or merely asked to come?", INVITED),
    # "Hope" as a noun hedges nothing; as a verb it does (above).
    ("Does the author actually call the SCO a beacon?",
     "In conclusion, the SCO represents a beacon of hope and cooperation."),
    # The sentence says it is already so.
    ("What goods has the US already put tariffs on?",
     "The United States has already imposed tariffs on cars, though more may follow."),
    # Asked whether it was really proposed, in other words, the proposal says so.
    ("Was it really Kazakhstan that put forward the idea of an SCO energy strategy?",
     "Kazakhstan proposed to adopt the SCO energy strategy."),
    # A study done is no hedge.
    ("Has the SCO already published a study?", "A study of the SCO was published."),
    # Asked what a thing amounts to ("really just about"), not whether it is done.
    ("Isn't Kazakhstan's interest in alternative payment systems really just about "
     "dodging the West?", "It is interesting for Kazakhstan to study alternative payment "
     "systems due to the constant threats of sanctions from the West."),
    # A sentence that hedges nothing; "May" is a month.
    ("Did the ministers agree on a statement?", "The ministers signed a statement on May 16."),
])
def test_no_doubt_where_the_question_asks_as_the_text_says(question: str,
                                                          sentence: str) -> None:
    assert unsettled(question, sentence) is None


@pytest.mark.parametrize(("question", "premise"), [
    ("What has changed since the Astana Declaration was signed and put into force?",
     "since the Astana Declaration was signed"),
    ("What happened after the declaration had been formally adopted?",
     "after the declaration had been formally adopted"),
    # Done by its doer, or told beside its thing.
    ("After the SCO Investment Fund financed its first projects, which were completed?",
     "After the SCO Investment Fund financed"),
    ("What did the Astana Declaration, signed last year, commit members to?",
     ", signed last year,"),
    ("How has the UN center performed since it opened?", "since it opened"),
    ("Now that the treaty has been ratified, who benefits?",
     "Now that the treaty has been ratified"),
    # A step asked about, or in no clause of its own, is no premise.
    ("Was the Astana Declaration signed?", None),
    ("When was the declaration adopted?", None),
    ("What has changed since the summit was held?", None),
])
def test_a_step_taken_as_done_in_a_clause_of_its_own(question: str,
                                                    premise: str | None) -> None:
    found = DONE_PREMISE.search(question)
    assert (found.group() if found else None) == premise


_SAID = frozenset(("tesla", "tariff", "eu", "new", "summit", "found", "member", "conflict"))


@pytest.mark.parametrize(("question", "unsaid"), [
    ("Given that Tesla is exempt from the new EU tariffs, which carmakers bear them?",
     ("Tesla is exempt from the new EU tariffs", "exempt")),
    ("Now that the summit was cancelled, what happens?", ("the summit was cancelled",
                                                          "cancelled")),
    ("since the tariffs were lifted, who gains?", ("the tariffs were lifted", "lifted")),
    # A thing someone made, in a relative clause: only the thing is read.
    ("How large will the joint army that Tokayev proposed be?",
     ("Tokayev proposed the joint army", "joint")),
    ("What will the new army that the EU has announced do?",
     ("the EU announced the new army", "army")),
])
def test_a_premise_with_a_word_no_text_says(question: str, unsaid: tuple[str, str]) -> None:
    assert unsaid_premise(question, _SAID.__contains__) == unsaid


@pytest.mark.parametrize("question", [
    # Every word said; names are the name rules' to doubt.
    "Since the summit was founded, how many members are new?",
    "Given that Lukashenko founded the summit, who else is new?",
    # A phrase said by its term: members at odds are in conflict.
    "Given that some members are at odds, what is the summit for?",
    # No premise clause: a time asked, or no comma.
    "Since when are the tariffs exempt?",
    "Which tariffs were exempt since the summit?",
    "Why is Tesla exempt from the new EU tariffs?",
    # The thing made is one the texts speak of; the act is another rule's.
    "What will the new summit that Tesla proposed do?",
    "Which tariffs that the EU introduced are new?",
    # No one named as its maker: a relative clause of another kind.
    "What is the summit that was proposed?",
])
def test_no_premise_or_one_the_texts_say(question: str) -> None:
    assert unsaid_premise(question, _SAID.__contains__) is None


@pytest.mark.parametrize(("question", "made"), [
    ("Which goods are covered by the free trade zone that SCO members launched in 2023?",
     ("SCO members launched the free trade zone", "launched")),
    ("What does the energy strategy that Kazakhstan put forward say?",
     ("Kazakhstan put forward the energy strategy", "put forward")),
    # No maker named, or no making.
    ("What is the summit that was proposed?", None),
    ("Which zone that Kazakhstan likes is free?", None),
])
def test_a_thing_made_by_a_party_in_a_relative_clause(
        question: str, made: tuple[str, str] | None) -> None:
    assert made_premise(question) == made
