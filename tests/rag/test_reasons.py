import pytest

from rag.questions import AnswerType
from rag.reasons import WHY_Q, conceded, consequence_only, gives_reason, unexplained_choice
from rag.spans import candidates


@pytest.mark.parametrize(("question", "only"), [
    # The question's blocking stands before "forces ... to": what it brings about.
    ("Why is the passage of goods through the Red Sea blocked?", True),
    # The question's routes stand after it: the blocking is their reason.
    ("Why do states diversify transport routes?", False),
    # Typed short, one of its words ("route") after it, three before it.
    ("why is the Red Sea route blocked?", True),
    # As many after it as before: the question may ask about the diversifying.
    ("Why must states diversify routes given the Red Sea blocking?", False),
])
def test_a_reason_leading_from_the_asked_thing_is_its_consequence(question: str,
                                                                   only: bool) -> None:
    sentence = ("The very fact of blocking the passage of goods through the Red Sea forces "
                "both large transport companies and states to diversify transport routes.")
    assert consequence_only(sentence, question) is only
    assert bool(candidates(sentence, AnswerType.REASON, question)) is not only


TARIFFS = ("The EU will introduce tariffs of 38.1% on electric vehicles from China, which "
           "will lead to an increase in the cost of selling cars for Chinese companies.")


@pytest.mark.parametrize(("question", "only"), [
    # ", which will lead to" tells what the clause before it brings about, even
    # where what follows repeats some of the question's words ("cars", "Chinese").
    ("Why is the EU imposing tariffs on Chinese electric cars?", True),
    # Most of the question's words follow it: the tariffs are the reason.
    ("Why will the cost of selling cars for Chinese companies increase?", False),
    # As many before it as after it: the clause is on what comes before.
    ("What is the reason for the 38.1% levy on Chinese EVs?", True),
])
def test_what_a_which_clause_leads_to_is_a_consequence(question: str, only: bool) -> None:
    assert consequence_only(TARIFFS, question) is only


def test_a_reason_given_for_the_asked_thing_is_no_mere_consequence() -> None:
    # "because" gives the road's reason, whatever stands before it.
    assert not consequence_only("The valley road flooded because heavy rain fell.",
                                "Why did the valley road flood?")
    assert not consequence_only("The road is closed.", "Why is the road closed?")
    # A passive gives the cause after the phrase; "to help" a purpose.
    assert not consequence_only("The flooding of the valley road was caused by heavy rain.",
                                "Why was the valley road flooded?")
    assert not consequence_only("The SCO was founded in 2001 to help ensure security.",
                                "Why was the SCO founded?")


@pytest.mark.parametrize("text", [
    "The adoption of the Energy Strategy is aimed at coordinating efforts.",
    # Grounds and purposes that earn no bonus in ranking.
    "The SCO provides an opportunity for middle powers to advance their initiatives.",
    "In this regard, the development of relations with Eurasia becomes key for China.",
    "The SCO plans an Investment Fund, which will facilitate large projects.",
    "One of the key projects is the creation of the SCO Energy Club to coordinate "
    "national energy policies.",
    "This is part of Kazakhstan's broader strategy to support stability in the region.",
    "Kazakhstan proposed to adopt the SCO energy strategy, which would emphasize the "
    "importance of sustainable energy development.",
    "The SCO's prospects look promising, given the current initiatives of its members.",
])
def test_a_reason_a_purpose_or_a_ground(text: str) -> None:
    assert gives_reason(text)


@pytest.mark.parametrize("text", [
    "During the presidency of the SCO, the city of Almaty was declared the cultural and "
    "tourist capital of the organization.",
    "Founded in 2001, the organization has grown from six members to nine member states.",
    # "to the" leads to a place, not to a purpose.
    "The summit was moved from Almaty to the capital last year.",
    "Digitalization and innovation play an important role in the future of the SCO.",
    # Where, not what for.
    "Leaders will meet at the summit, which will be held in Astana.",
    "The prize is given to one writer in a given year.",
])
def test_no_reason(text: str) -> None:
    assert not gives_reason(text)


@pytest.mark.parametrize(("question", "why"), [
    ("Why did the SCO shrink?", True),
    ("how come the SCO matters?", True),
    ("What is the purpose of the SCO Energy Club?", False),
    ("What is the SCO?", False),
])
def test_a_question_asking_why(question: str, why: bool) -> None:
    assert bool(WHY_Q.match(question)) is why


def test_a_ground_the_question_names_is_no_reason() -> None:
    text = "Energy security is a priority for Kazakhstan."
    assert gives_reason(text)
    assert not gives_reason(text, "Why is energy security a priority for Kazakhstan?")
    # Another ground, or a reason phrase, still counts.
    assert gives_reason("Energy security is a priority, given the sanctions.",
                        "Why is energy security a priority?")
    assert gives_reason("This helps trade.", "Why is it helpful?")


CLUB = ("Although the club is primarily an advisory body, its creation demonstrates the "
        "growing importance of energy cooperation within the SCO.")


@pytest.mark.parametrize(("sentence", "question", "granted"), [
    # What the question asks about is granted in the opening clause, its name
    # written otherwise ("the club").
    (CLUB, "Why is the SCO Energy Club only an advisory body?", True),
    (CLUB, "Why is the SCO Energy Club only an advisory body rather than a decision-making "
           "one?", True),
    # Asked about the rest of the sentence, or about no clause granted.
    (CLUB, "Why is energy cooperation growing in importance?", False),
    (CLUB, "Why does the creation of the Energy Club matter?", False),
    ("The club is primarily an advisory body.", "Why is the club an advisory body?", False),
    # A clause that gives its own reason.
    ("Although the club is advisory because members want it so, it matters.",
     "Why is the club advisory?", False),
])
def test_a_why_question_about_what_a_clause_concedes(sentence: str, question: str,
                                                     granted: bool) -> None:
    assert conceded(sentence, question) is granted



MAY_16 = ("On May 16, the President met with the secretaries of the security councils. This "
          "was the first meeting of this level, which is aimed at combining efforts.")


def test_a_choice_asked_why_needs_a_cause() -> None:
    # What the meeting is for is no cause for its date.
    assert unexplained_choice(MAY_16, "What led Kazakhstan to pick May 16 for the meeting?")
    assert unexplained_choice("Almaty was declared the cultural and tourist capital.",
                              "Why was Almaty picked as the cultural capital?")
    # A cause says why; a question asking of no choice is left to gives_reason.
    assert not unexplained_choice(
        "Almaty was chosen because of its history.", "Why was Almaty chosen?")
    assert not unexplained_choice(
        "Given its history, Almaty was declared the cultural capital.",
        "Why did they pick Almaty?")
    assert not unexplained_choice(MAY_16, "Why did the President meet the secretaries?")
    # A deed chosen is asked why as any deed is: its purpose may say.
    assert not unexplained_choice(MAY_16, "Why did Kazakhstan choose to hold the meeting?")
