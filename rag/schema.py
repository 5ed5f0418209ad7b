"""The records that pass between pipeline stages, and the public answer schema.

All are frozen dataclasses: a stage can never mutate what an earlier stage produced.
Offsets are Python ``str`` indices into the document text, so
``document.text[start:end] == record.text`` holds for every record.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

NO_ANSWER_MESSAGE = "The document does not say."


@dataclass(frozen=True, slots=True)
class Document:
    """A source text that answers are quoted from."""

    doc_id: str
    text: str
    title: str = ""


@dataclass(frozen=True, slots=True)
class Chunk:
    """A retrievable window of a document."""

    chunk_id: int
    doc_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """The smallest quotable unit: one sentence (short fragments merged with the next)."""

    sentence_id: int
    doc_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Passage:
    """A retrieved chunk with its retrieval score and 1-based rank."""

    text: str
    doc_id: str
    chunk_id: int
    start: int
    end: int
    score: float
    rank: int


@dataclass(frozen=True, slots=True)
class Quote:
    """Verbatim evidence for the answer: one sentence, or a run of up to three that
    follow each other in one paragraph."""

    text: str
    doc_id: str
    chunk_id: int
    start: int
    end: int
    score: float


@dataclass(frozen=True, slots=True)
class Doubt:
    """Why the documents may not answer a question: a confidence rule that failed.

    ``rule`` is a stable key for programs, one of ``rag.confidence.RULES``
    ("unknown_name"); ``message`` says it for people ("The question names
    “France”, which the document never mentions.").
    """

    rule: str
    message: str


@dataclass(frozen=True, slots=True)
class Answer:
    """The result of one question: the public schema of the CLI, HTTP API and evaluator.

    ``abstained`` is the explicit "no answer" state: then ``answer`` is empty,
    presenters show ``NO_ANSWER_MESSAGE`` and ``passages`` still hold the closest text.
    ``doubts`` say why the confidence was cut, whether or not it abstained.
    """

    question: str
    answer: str
    abstained: bool
    confidence: float
    quotes: tuple[Quote, ...]
    passages: tuple[Passage, ...]
    timings_ms: dict[str, float] = field(default_factory=dict)
    doubts: tuple[Doubt, ...] = ()

    def __post_init__(self) -> None:
        if self.abstained and self.answer:
            raise ValueError("an abstained Answer must have an empty answer")
        if not self.abstained and not self.answer:
            raise ValueError("a non-abstained Answer needs a non-empty answer")
        if self.answer and (not self.quotes or self.answer not in self.quotes[0].text):
            raise ValueError("answer must be a substring of the first quote")

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready answer schema (floats rounded for readability)."""
        return {
            "question": self.question,
            "answer": self.answer,
            "abstained": self.abstained,
            "confidence": round(self.confidence, 4),
            "doubts": [asdict(d) for d in self.doubts],
            "quotes": [_rounded(asdict(q)) for q in self.quotes],
            "passages": [_rounded(asdict(p)) for p in self.passages],
            "timings_ms": {k: round(v, 3) for k, v in self.timings_ms.items()},
        }


def _rounded(record: dict[str, Any]) -> dict[str, Any]:
    record["score"] = round(float(record["score"]), 4)
    return record
