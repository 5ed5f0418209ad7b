import pytest

from rag.questions import AnswerType
from rag.reasons import consequence_only
from rag.spans import candidates


@pytest.mark.parametrize(("question", "only"), [
    # The question's blocking stands before "forces ... to": what it brings about.
    ("Why is the passage of goods through the Red Sea blocked?", True),
    # The question's routes stand after it: the blocking is their reason.
    ("Why do states diversify transport routes?", False),
])
def test_a_reason_leading_from_the_asked_thing_is_its_consequence(question: str,
                                                                   only: bool) -> None:
    sentence = ("The very fact of blocking the passage of goods through the Red Sea forces "
                "both large transport companies and states to diversify transport routes.")
    assert consequence_only(sentence, question) is only
    assert bool(candidates(sentence, AnswerType.REASON, question)) is not only


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
