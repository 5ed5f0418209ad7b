import pytest

from rag.doers import swapped_doer

IMPOSED = ("The United States has already imposed tariffs on electric vehicles, solar panels, "
           "semiconductors, and batteries from China.")


def test_a_question_that_swaps_who_acts_and_who_is_acted_on() -> None:
    assert swapped_doer("What tariffs has China imposed on American electric vehicles?",
                        IMPOSED) == ("China", "imposed", "United States")
    assert swapped_doer("Did China impose tariffs on US batteries?", IMPOSED) == (
        "China", "impose", "United States")


@pytest.mark.parametrize("question", [
    # The same doer.
    "What tariffs has the United States imposed on Chinese electric vehicles?",
    # One doer only, or the other one never named in the question.
    "What tariffs has China imposed?",
    "What tariffs has China imposed on Russian cars?",
    # A passive names its doer after the act: not read.
    "Which tariffs were imposed by China on American cars?",
    # Done together.
    "Did China sign tariffs with the United States?",
])
def test_no_swap(question: str) -> None:
    assert swapped_doer(question, IMPOSED) is None


def test_no_doer_where_two_stand_before_the_act() -> None:
    assert swapped_doer("What did China propose to Russia?",
                        "Russia and China proposed a new bank.") is None
    assert swapped_doer("What did China propose to Russia?",
                        "Russia proposed a new bank to China.") == ("China", "propose", "Russia")


@pytest.mark.parametrize(("question", "sentence"), [
    # The word before is no doer: a demonym, or a body that is acted on.
    ("Which Chinese products are already hit by American tariffs?", IMPOSED),
    ("What strategy did Kazakhstan put forward for the SCO to adopt?",
     "Kazakhstan proposed that the organization adopt a strategy."),
    ("Why is the SCO valuable for middle powers such as Kazakhstan?",
     "The SCO provides an opportunity for Kazakhstan and other middle powers."),
])
def test_no_doer_read_where_none_acts(question: str, sentence: str) -> None:
    assert swapped_doer(question, sentence) is None
