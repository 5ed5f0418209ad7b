import pytest

from rag.engine import Engine
from rag.occasions import (
    beside_held,
    event_antecedents,
    held_elsewhere,
    misdated_occasion,
    other_occasion,
    unplaced_held,
    unplaced_occasion,
)
from rag.schema import Sentence

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
    # Placed by the occasion it came before or after.
    ("Which declaration came out of the SCO summit held just before the Astana one?",
     "previous summit"),
    ("What was decided at the meeting held right before this meeting?", "previous meeting"),
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
    # A meeting held before the summit is another occasion, not a previous one.
    "Which meeting was held before the summit?",
])
def test_an_occasion_placed_alike_or_not_placed(question: str) -> None:
    assert unplaced_occasion(question, TEXT) is None


HELD = ("Leaders gather at the upcoming SCO summit in Astana. The SCO Digital Forum in "
        "Almaty met in May. The meeting in May was short.")


@pytest.mark.parametrize(("question", "occasion"), [
    ("which leaders r coming to the SCO summit in China next year?", "summit in China"),
    # A capital stands for its country; however the question says it is held there.
    ("What is the motto of the summit being held in Beijing?", "summit in Beijing"),
    ("What is the motto of the summit that will be held in Beijing?", "summit in Beijing"),
    ("What is the motto of the summit, held in Beijing?", "summit in Beijing"),
])
def test_an_occasion_held_where_the_text_never_holds_it(question: str, occasion: str) -> None:
    assert held_elsewhere(question, HELD) == occasion


@pytest.mark.parametrize("question", [
    "Who attends the summit in Astana?",
    # Astana is Kazakhstan's capital: a summit there is one in Kazakhstan.
    "Who attends the summit in Kazakhstan?",
    # The place read from its opening words, typed without a comma after it.
    "At the summit in Astana What documents will be reviewed?",
    # A place no list names (a city, a region), asked or held: it may be anywhere.
    "Who attends the summit held in Almaty?",
    "What is the motto of the summit in Eurasia?",
    "Where was the SCO Digital Forum held in Kazakhstan?",
    "What happened at the forum in Astana?",
    # A possessive qualifies something else; a body is no place.
    "What was held at the SCO forum in Kazakhstan's largest city?",
    "What will the summit in the SCO's chair country review?",
    # A month is a time, not a place.
    "What happened at the meeting in May?",
    # The text holds no conference anywhere: it may be held anywhere.
    "Who spoke at the conference in Paris?",
    # Placed by no place.
    "Who attends the summit?",
])
def test_an_occasion_held_there_too_or_where_none_can_tell(question: str) -> None:
    assert held_elsewhere(question, HELD) is None


DATED = ("The upcoming SCO summit will be held in Astana. The SCO development strategy for "
         "2025–2035 includes a multipolar world order. In 2023, the energy ministers' "
         "meeting was held in Goa. The 2001 summit founded the SCO. Last year the "
         "forum met twice. At a meeting with the secretaries, he noted that last year "
         "183 conflicts were registered.")


@pytest.mark.parametrize(("question", "occasion"), [
    # The text's 2025 is a strategy's, and its summit has no year.
    ("where's the 2025 SCO summit gonna be?", "2025 summit"),
    ("Which city hosts the SCO summit in 2025?", "summit in 2025"),
    ("What happened at the summit held in 2023?", "summit in 2023"),
    # The year after the writer's: the text's summit is this year's.
    ("Where will next year's SCO summit take place?", "summit next year"),
    ("where is the summit being held next year", "summit next year"),
    ("What did the previous year's summit decide?", "summit last year"),
    # "last year" dates the conflicts, in a clause of its own, not the meeting.
    ("What did the secretaries discuss at their meeting the previous year?",
     "meeting last year"),
    ("What was said at the meeting held last year?", "meeting last year"),
])
def test_an_occasion_dated_where_the_text_gives_it_no_such_year(question: str,
                                                                 occasion: str) -> None:
    assert misdated_occasion(question, DATED) == occasion


@pytest.mark.parametrize("question", [
    # A sentence gives the year beside the occasion, in either order.
    "Where was the 2023 meeting of energy ministers held?",
    "What did the summit of 2001 found?",
    # A period is no year; and a year of no occasion.
    "What is the summit in 2025–2035 about?",
    "What does the strategy for 2025–2035 include?",
    "Who attends the summit?",
    # The text gives "last year" beside the forum; "this year's" is the upcoming one.
    "What did last year's forum decide?",
    "What is on this year's summit agenda?",
])
def test_an_occasion_dated_as_the_text_dates_it_or_not_dated(question: str) -> None:
    assert misdated_occasion(question, DATED) is None


PLACED = ("On May 16, the President of Kazakhstan met the security secretaries. This was "
          "the first meeting of this level. The upcoming summit in Astana opens soon.")


@pytest.mark.parametrize(("question", "place"), [
    ("Was the May 16 meeting of security secretaries held in Astana?", "Astana"),
    ("Did the meeting take place in Almaty?", "Almaty"),
    ("Was the meeting hosted in Russia?", "Russia"),
    # Asked when they meet there.
    ("On which exact dates will the leaders meet in Almaty?", "Almaty"),
])
def test_a_place_asked_that_the_sentences_never_name(question: str, place: str) -> None:
    near = " ".join(PLACED.split(". ")[:2])
    assert unplaced_held(question, near) == place


@pytest.mark.parametrize("question", [
    # The city named; a country named, or its capital.
    "Was the summit held in Astana?",
    "Will the summit take place in Kazakhstan?",
    # A month is a time; "in Astana" without a verb of holding places what it names.
    "Was the meeting held in May?",
    "Did Tokayev meet anyone in Astana?",
])
def test_a_place_asked_that_the_sentences_name_or_no_place_asked(question: str) -> None:
    assert unplaced_held(question, PLACED) is None


@pytest.mark.parametrize(("question", "occasion"), [
    ("What was on the agenda at the SCO summit after Astana?", "summit after Astana"),
    ("What did the summit before Astana decide?", "summit before Astana"),
    # A capital stands for its country, where the text holds the summit.
    ("Who hosted the summit held after Kazakhstan?", "summit after Kazakhstan"),
])
def test_an_occasion_placed_beside_the_one_the_text_holds(question: str, occasion: str) -> None:
    assert beside_held(question, HELD) == occasion


@pytest.mark.parametrize(("question", "text"), [
    # The text holds no summit in Beijing; the question's is another one.
    ("What was on the agenda at the summit after Beijing?", HELD),
    # Not a place: a name runs on, or a time.
    ("What happened at the summit after Astana Day?", HELD),
    ("Which meeting was held after May?", HELD),
    # The text speaks of the one after.
    ("What is on the agenda of the summit after Astana?",
     HELD + " The next summit will be held in Minsk."),
    # Nothing placed so.
    ("Who attends the summit in Astana?", HELD),
])
def test_an_occasion_not_placed_beside_the_text_s(question: str, text: str) -> None:
    assert beside_held(question, text) is None


INVITED = ("The upcoming SCO summit will be held in Astana. Heads of such organizations as "
           "the CIS and the CSTO are invited to the Summit. Later, a meeting of the heads of "
           "security agencies of the CIS countries took place.")


@pytest.mark.parametrize(("question", "occasion"), [
    # Another body's summit: the CSTO's heads come to the SCO's.
    ("What did the CSTO summit decide about counter-terrorism?", "CSTO summit"),
    ("Who will attend the BRICS summit?", "BRICS summit"),
    # The two words before it, given whole.
    ("What did the SCO Energy Club meeting decide?", "Energy Club meeting"),
])
def test_an_occasion_named_by_a_body_the_text_never_gives_it(question: str,
                                                             occasion: str) -> None:
    assert other_occasion(question, INVITED) == occasion


@pytest.mark.parametrize("question", [
    # The name just before, a few words after ("a meeting of ... the CIS countries"),
    # or where it is held.
    "What will the SCO summit decide?",
    "What was discussed at the CIS meeting?",
    "Who is coming to the Astana summit?",
    "Who is coming to the Kazakh summit?",
    # Common words, a month, a year or a possessive name no one's; a role is no
    # gathering ("the SCO chairmanship").
    "What is the motto of the upcoming summit?",
    "What was decided at Kazakhstan's summit?",
    "For which years does Kazakhstan hold the SCO chairmanship?",
    # Another gathering's word: "the Astana meeting" is the summit in Astana.
    "Which member state left ahead of the Astana meeting?",
    "What happened at the May meeting?",
    "What happened at the 2024 summit?",
])
def test_an_occasion_named_as_the_text_names_it_or_by_no_name(question: str) -> None:
    assert other_occasion(question, INVITED) is None


def _sentences(*texts: tuple[str, str]) -> list[Sentence]:
    return [Sentence(sentence_id=i, doc_id=doc, start=0, end=len(text), text=text)
            for i, (doc, text) in enumerate(texts)]


def test_the_event_stands_for_the_occasion_named_last() -> None:
    sentences = _sentences(
        ("a", "The upcoming summit will be held in Astana."),
        ("a", "The event will be attended by heads of state."),
        ("a", "At the SCO Digital Forum, the first meeting was held. The event was short."),
        ("a", "In the event of war, nothing is said."),
        ("b", "This event drew crowds."),
    )
    # The last named before it, in the same sentence or before; none in another
    # document, nor in "in the event of".
    assert event_antecedents(sentences) == [None, "summit", "meeting", None, None]


def test_the_article_s_event_and_the_summit_after_it(engine: Engine) -> None:
    # "The event will be attended by ..." is about the summit named before it.
    attend = engine.ask("Who will attend the summit in Astana?")
    assert not attend.abstained
    assert attend.quotes[0].text.startswith("The event will be attended by heads of state")
    # The summit after the one in Astana, typed in lower case, is none it tells of.
    after = engine.ask("what was on the agenda at the sco summit after astana")
    assert after.abstained
    assert [d.rule for d in after.doubts] == ["unplaced_occasion"]
