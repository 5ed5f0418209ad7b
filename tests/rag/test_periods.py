import pytest

from rag.periods import other_period

SENTENCE = ("Tokayev noted that last year 183 regional and local conflicts were "
            "registered, which is 30 percent more than before.")


@pytest.mark.parametrize(("question", "sentence", "periods"), [
    ("How many conflicts have been registered so far this year?", SENTENCE,
     ("this year", "last year")),
    # Another unit in the same direction is another period.
    ("What tariffs did the EU introduce last year on electric vehicles?",
     "The EU will introduce tariffs of 38.1% on electric vehicles starting next month.",
     ("last year", "next month")),
    ("how many conflicts were registered last month", SENTENCE, ("last month", "last year")),
    # The first way of writing each is shown.
    ("What will the council decide in the coming year?",
     "This year the council decided to meet twice; this year it met once.",
     ("coming year", "this year")),
])
def test_a_sentence_placing_it_in_another_period(question: str, sentence: str,
                                                 periods: tuple[str, str]) -> None:
    assert other_period(question, sentence) == periods


@pytest.mark.parametrize(("question", "sentence"), [
    # Words placing a period alike: "the past year" is "last year".
    ("How many conflicts were registered over the past year?", SENTENCE),
    ("How many conflicts were registered in the previous year?", SENTENCE),
    ("What did the forum hold in the current year?", "On February 1 of this year, the forum met."),
    # One of them places nothing so: a year written out is left to ``figures``.
    ("How many conflicts were registered in 2023?", SENTENCE),
    ("What happened at this year's summit?", "The summit adopted the Astana Declaration."),
    # The sentence also places something in the question's period.
    ("What happens next month?", "Last year tariffs rose; next month they rise again."),
    # Capitals and plurals are read alike.
    ("What changed in Recent Years and Last Years?", "Last year the tariffs rose."),
])
def test_the_same_period_or_none(question: str, sentence: str) -> None:
    assert other_period(question, sentence) is None
