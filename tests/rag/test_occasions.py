import pytest

from rag.occasions import unplaced_occasion

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
