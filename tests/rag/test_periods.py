import pytest

from rag.periods import latest_untimed, other_period

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
    # Counted back: "two years ago" and "the year before last" are the year before
    # last year.
    ("How many regional and local conflicts were registered two years ago, according "
     "to Tokayev?", SENTENCE, ("two years ago", "last year")),
    ("how many conflicts were there the year before last", SENTENCE,
     ("the year before last", "last year")),
    ("What did the council decide 3 months ago?", "Last month the council met.",
     ("3 months ago", "last month")),
    ("How many conflicts were registered the year before?", SENTENCE,
     ("the year before", "last year")),
    ("How many conflicts were registered two years back?", SENTENCE,
     ("two years back", "last year")),
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
    # "A year ago" is last year; so is "one year ago".
    ("How many conflicts were registered a year ago?", SENTENCE),
    ("How many conflicts were registered one year ago?", SENTENCE),
    ("What happened two years ago?", "Two years ago the council met; 2 years ago it grew."),
    # "The past years" spread over many years: no one period.
    ("What changed over the past years?", "Last year the tariffs rose."),
    ("What changed in the past decade?", "Over the past years the tariffs rose."),
])
def test_the_same_period_or_none(question: str, sentence: str) -> None:
    assert other_period(question, sentence) is None


@pytest.mark.parametrize(("question", "words"), [
    ("Which country joined the SCO most recently?", "most recently"),
    ("which country was the last to join the sco", "last to join"),
    ("Which country was the latest to join as a full member?", "latest to join"),
    ("Which state was the most recent to become a member?", "most recent to become"),
    ("Which company was the newest one to sign the pact?", "newest one to sign"),
])
def test_asked_for_the_latest_over_a_sentence_placing_nothing_in_time(question: str,
                                                                      words: str) -> None:
    sentence = ("The SCO, as a growing organization in Eurasia, provides an opportunity "
                "for Kazakhstan and other middle powers.")
    assert latest_untimed(question, sentence) == words


@pytest.mark.parametrize(("question", "sentence"), [
    # A year, a month or a word of recency places it.
    ("Which country joined the SCO most recently?", "Iran became a full member in 2023."),
    ("Which country joined most recently?", "In July, Belarus was admitted."),
    ("Which country is the newest member?", "Belarus, newly admitted, attended."),
    ("What has the United States most recently imposed tariffs on?",
     "The United States has already imposed tariffs on electric vehicles."),
    ("Which country joined most recently?", "The upcoming summit will admit Belarus."),
    # Not asked for the latest: "recently" alone, "last year", "the last summit",
    # "the latest summit" or "the latest on" a topic, "at the latest".
    ("What did the EU recently announce?", "The EU will introduce tariffs on cars."),
    ("How many conflicts were registered last year?", "Tokayev noted 183 conflicts."),
    ("Where was the last summit held?", "The summit will be held in Astana."),
    ("Where is the latest SCO summit being held?", "The SCO summit will be in Astana."),
    ("What's the latest on the Red Sea?", "The Red Sea passage is blocked."),
    ("When will the tariffs start at the latest?", "The tariffs start in July."),
])
def test_placed_in_time_or_not_asked_for_the_latest(question: str, sentence: str) -> None:
    assert latest_untimed(question, sentence) is None


def test_may_and_new_place_nothing_in_time() -> None:
    # The modal "may" is no month, a new thing is no recent one.
    assert latest_untimed("Which member joined most recently?",
                          "Iran may join the SCO.") == "most recently"
    assert latest_untimed("Which member joined most recently?",
                          "New centres of growth are emerging.") == "most recently"
    assert latest_untimed("Which member joined most recently?",
                          "Iran joined on May 4, 2023.") is None
