"""The answer schema: consistent states only, and exactly the public keys."""

from __future__ import annotations

import json

import pytest

from rag.schema import Answer, Doubt, Passage, Quote

QUOTE = Quote("Founded in 2001, the organization has grown.", "doc", 0, 10, 54, 0.81234567)
PASSAGE = Passage("Founded in 2001, the organization has grown. More.", "doc", 0, 10, 60, 0.5, 1)
TIMINGS = {"embed": 1.23456, "retrieve": 0.5, "answer": 0.25, "total": 2.0}


def test_valid_answer_and_exact_keys() -> None:
    answer = Answer("When?", "2001", False, 0.912345, (QUOTE,), (PASSAGE,), TIMINGS)
    data = answer.to_dict()
    assert set(data) == {"question", "answer", "abstained", "confidence", "doubts", "quotes",
                         "passages", "timings_ms"}
    assert set(data["quotes"][0]) == {"text", "doc_id", "chunk_id", "start", "end", "score"}
    assert set(data["passages"][0]) == {"text", "doc_id", "chunk_id", "start", "end", "score",
                                        "rank"}
    assert set(data["timings_ms"]) == {"embed", "retrieve", "answer", "total"}
    assert data["confidence"] == 0.9123
    assert data["quotes"][0]["score"] == 0.8123
    assert json.loads(json.dumps(data)) == data


def test_abstained_answer_keeps_passages() -> None:
    answer = Answer("Who won?", "", True, 0.1, (), (PASSAGE,), TIMINGS)
    data = answer.to_dict()
    assert data["abstained"] is True and data["answer"] == "" and data["quotes"] == []
    assert len(data["passages"]) == 1


@pytest.mark.parametrize(
    ("answer", "abstained", "quotes"),
    [
        ("2001", True, (QUOTE,)),  # abstained with an answer
        ("", False, (QUOTE,)),  # not abstained without an answer
        ("1999", False, (QUOTE,)),  # answer not in the first quote
        ("2001", False, ()),  # answer with no quotes
    ],
)
def test_inconsistent_states_are_refused(answer: str, abstained: bool, quotes: tuple) -> None:
    with pytest.raises(ValueError):
        Answer("q", answer, abstained, 0.5, quotes, (PASSAGE,), TIMINGS)


def test_doubts_are_listed_by_rule_and_message() -> None:
    doubt = Doubt("unknown_name", "The question names “France”, which the documents never "
                                  "mention.")
    answer = Answer("Who won?", "", True, 0.1, (), (PASSAGE,), TIMINGS, (doubt,))
    assert answer.to_dict()["doubts"] == [{"rule": "unknown_name", "message": doubt.message}]
    assert Answer("When?", "2001", False, 0.9, (QUOTE,), (PASSAGE,)).to_dict()["doubts"] == []


def test_records_are_frozen() -> None:
    answer = Answer("When?", "2001", False, 0.9, (QUOTE,), (PASSAGE,), TIMINGS)
    with pytest.raises(AttributeError):
        answer.answer = "1999"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        QUOTE.start = 0  # type: ignore[misc]
