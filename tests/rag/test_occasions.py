import pytest

from rag.occasions import held_elsewhere, unplaced_occasion

TEXT = ("The upcoming SCO summit will be held in Astana. Under the chairmanship of the "
        "Kazakh side, the first meeting of the Management Commission was held. Last "
        "session, the council met twice.")


@pytest.mark.parametrize(("question", "occasion"), [
    ("What was the motto of the previous SCO summit?", "previous summit"),
    ("When was the second meeting of the Management Commission held?", "second meeting"),
    ("Where was the last summit held?", "last summit"),
    # Up to two names may stand between.
    ("What did the previous SCO Energy meeting decide?", "previous meeting"),
    # Typed in lower case, with a name the text does not know.
    ("where was the previous g20 summit held", "previous summit"),
])
def test_an_occasion_the_text_never_places_so(question: str, occasion: str) -> None:
    assert unplaced_occasion(question, TEXT) == occasion


@pytest.mark.parametrize("question", [
    # "Next" is the text's "upcoming"; "past" its "last".
    "Where will the next SCO summit be held?",
    "How often did the council meet in the past session?",
    # Nothing placed in a series: a rank, a time seen from the writer, "first".
    "What is the second largest city?",
    "What is expected of the coming meeting?",
    "When was the first summit?",
])
def test_an_occasion_placed_alike_or_not_placed(question: str) -> None:
    assert unplaced_occasion(question, TEXT) is None


HELD = ("Leaders gather at the upcoming SCO summit in Astana. The SCO Digital Forum in "
        "Almaty met in May. The meeting in May was short.")


@pytest.mark.parametrize(("question", "occasion"), [
    ("which leaders r coming to the SCO summit in China next year?", "summit in China"),
    # A city the text holds no summit in, whatever else it holds there.
    ("Who attends the summit held in Almaty?", "summit in Almaty"),
    ("What happened at the forum in Astana?", "forum in Astana"),
])
def test_an_occasion_held_where_the_text_never_holds_it(question: str, occasion: str) -> None:
    assert held_elsewhere(question, HELD) == occasion


@pytest.mark.parametrize("question", [
    "Who attends the summit in Astana?",
    # Astana is Kazakhstan's capital: a summit there is one in Kazakhstan.
    "Who attends the summit in Kazakhstan?",
    # A month is a time, not a place.
    "What happened at the meeting in May?",
    # The text holds no conference anywhere: it may be held anywhere.
    "Who spoke at the conference in Paris?",
    # Placed by no place.
    "Who attends the summit?",
])
def test_an_occasion_held_there_too_or_nowhere_placed(question: str) -> None:
    assert held_elsewhere(question, HELD) is None
