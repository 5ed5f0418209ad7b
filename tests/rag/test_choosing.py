"""Choosing among several spans of the asked type in one sentence."""

from __future__ import annotations

import re

from rag.choosing import PLURAL_Q, listed, nearest


def _spans(sentence: str, *words: str) -> list[tuple[int, int]]:
    return [re.search(re.escape(w), sentence).span() for w in words]  # type: ignore[union-attr]


def test_listed_takes_the_longest_run_written_as_one_list() -> None:
    sentence = "Leaders of Kazakhstan, India and China met; Russia sent a minister."
    spans = _spans(sentence, "Kazakhstan", "India", "China", "Russia")
    assert listed(sentence, spans) == "Kazakhstan, India and China"
    assert listed(sentence, spans[2:]) is None  # "China ... Russia" is no list


def test_nearest_takes_the_span_beside_the_question_words() -> None:
    sentence = ("In 1895 she married the French physicist Pierre Curie, and she shared the "
                "1903 Nobel Prize in Physics with him.")
    spans = _spans(sentence, "1895", "1903")
    assert nearest(sentence, spans, "When did she marry Pierre Curie?") == [spans[0]]
    assert nearest(sentence, spans, "When did she share the Nobel Prize?") == [spans[1]]
    # Nothing near either: both stay, and there is no short answer.
    assert nearest(sentence, spans, "When did it rain?") == spans


def test_items_of_one_list_stay_tied() -> None:
    sentence = "In 2001 and in 2017 the organization grew."
    spans = _spans(sentence, "2001", "2017")
    assert nearest(sentence, spans, "When did the organization grow?") == spans


def test_plural_questions() -> None:
    assert PLURAL_Q.search("Which countries will attend?")
    assert PLURAL_Q.search("Who are the founders?")
    assert not PLURAL_Q.search("Which country chairs the SCO?")
