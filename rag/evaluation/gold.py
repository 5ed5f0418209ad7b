"""Reading gold Q&A sets: the project's JSONL and SQuAD v1.1 / v2.0 JSON.

Both become the same frozen records: ``GoldItem`` questions whose ``GoldAnswer``
spans point into the ``Document`` corpus the questions are about. For the
project's JSONL that corpus is the bundled article; for a SQuAD file every
context is one document. Every span is checked against its document on load,
so a metric never silently compares against the wrong characters.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rag.corpus import load_default_corpus
from rag.engine import DEFAULT_COLLECTION
from rag.errors import GoldFormatError
from rag.schema import Document
from rag.settings import MAX_QUESTION_CHARS

log = logging.getLogger(__name__)

JSONL = "jsonl"
SQUAD = "squad"


@dataclass(frozen=True, slots=True)
class GoldAnswer:
    """One acceptable answer: ``text == document.text[start:end]``."""

    text: str
    start: int
    doc_id: str

    @property
    def end(self) -> int:
        """Offset one past the span's last character."""
        return self.start + len(self.text)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form used in results files."""
        return {"text": self.text, "start": self.start, "doc_id": self.doc_id}


@dataclass(frozen=True, slots=True)
class GoldItem:
    """One gold question; ``answers`` is empty exactly when ``is_impossible``."""

    id: str
    question: str
    answers: tuple[GoldAnswer, ...]
    is_impossible: bool

    @property
    def has_answer(self) -> bool:
        """Whether the question has a gold answer (the official ``qid_to_has_ans``)."""
        return bool(self.answers)


@dataclass(frozen=True)
class GoldSet:
    """A gold file's questions and the corpus they are about.

    Attributes:
        path: The file read.
        format: ``"jsonl"`` (the project's format) or ``"squad"``.
        version: SQuAD ``version`` field, ``""`` when missing or for JSONL.
        sha256: Hash of the file's bytes; keys the SQuAD index cache.
        items: The questions, in file order.
        documents: The corpus the spans point into.
    """

    path: Path
    format: str
    version: str
    sha256: str
    items: tuple[GoldItem, ...]
    documents: tuple[Document, ...]

    @property
    def collection(self) -> str:
        """Index collection name: the default article's, or one per SQuAD file content."""
        return DEFAULT_COLLECTION if self.format == JSONL else f"squad-{self.sha256[:16]}"

    def limited(self, n: int) -> GoldSet:
        """A copy keeping only the first ``n`` questions (the corpus is unchanged)."""
        return GoldSet(self.path, self.format, self.version, self.sha256, self.items[:n],
                       self.documents)


def load_gold(path: Path) -> GoldSet:
    """Read a gold file, detecting its format from its content.

    A file holding one JSON object with a ``data`` list is SQuAD; a ``.jsonl``
    file, or any other file of JSON values, is read as the project's JSONL.

    Raises:
        GoldFormatError: The file is missing, unreadable, or malformed; the
            message names the file and the line or JSON path.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise GoldFormatError(f"Gold file {path} does not exist; check the path.") from exc
    except OSError as exc:
        raise GoldFormatError(f"Cannot read gold file {path}: {exc.strerror}.") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise GoldFormatError(f"Gold file {path} is not UTF-8 ({exc.reason}).") from exc
    sha = hashlib.sha256(raw).hexdigest()
    whole = None if path.suffix == ".jsonl" else _whole_json(path, text)
    if isinstance(whole, dict) and "data" in whole:
        gold = _read_squad(path, whole, sha)
    else:
        gold = _read_jsonl(path, text, sha)
    if not gold.items:
        raise GoldFormatError(f"Gold file {path} holds no questions.")
    log.info("read %s: %d questions (%s%s), %d document(s)", path, len(gold.items), gold.format,
             f" {gold.version}" if gold.version else "", len(gold.documents))
    return gold


def _whole_json(path: Path, text: str) -> Any:
    """The file parsed as one JSON value, or None if it is JSON Lines instead."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":  # a second value after the first: JSON Lines
            return None
        raise GoldFormatError(f"{path}:{exc.lineno}: not valid JSON ({exc.msg} at column "
                              f"{exc.colno}).") from exc


# --- The project's JSONL ----------------------------------------------------------------


def _read_jsonl(path: Path, text: str, sha: str) -> GoldSet:
    article = load_default_corpus()[0]
    items: list[GoldItem] = []
    seen: set[str] = set()
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldFormatError(f"{where}: not valid JSON ({exc.msg} at column "
                                  f"{exc.colno}). Each line must be one JSON object.") from exc
        if not isinstance(record, dict):
            raise GoldFormatError(f"{where}: expected a JSON object, got "
                                  f"{type(record).__name__}.")
        missing = [k for k in ("id", "question", "answers", "is_impossible") if k not in record]
        if missing:
            raise GoldFormatError(f"{where}: missing field(s) {missing}; each line needs id, "
                                  "question, answers and is_impossible.")
        qid = _qid(record["id"], where)
        where = f"{where} [{qid}]"
        answers = record["answers"]
        if not isinstance(answers, list):
            raise GoldFormatError(f"{where}: 'answers' must be a list of {{text, start}}.")
        spans = tuple(_answer(a, "start", article, where) for a in answers)
        items.append(_item(qid, record["question"], spans, record["is_impossible"], where, seen))
    return GoldSet(path, JSONL, "", sha, tuple(items), (article,))


# --- SQuAD v1.1 / v2.0 ------------------------------------------------------------------


def _read_squad(path: Path, whole: dict[str, Any], sha: str) -> GoldSet:
    version = whole.get("version", "")
    data = whole["data"]
    if not isinstance(data, list):
        raise GoldFormatError(f"{path}: 'data' must be a list of articles.")
    items: list[GoldItem] = []
    documents: list[Document] = []
    seen: set[str] = set()
    for a, article in enumerate(data):
        where_a = f"{path}: data[{a}]"
        if not isinstance(article, dict) or not isinstance(article.get("paragraphs"), list):
            raise GoldFormatError(f"{where_a}: an article must be an object with a "
                                  "'paragraphs' list.")
        title = article.get("title") or ""
        if not isinstance(title, str):
            raise GoldFormatError(f"{where_a}: 'title' must be text.")
        for p, paragraph in enumerate(article["paragraphs"]):
            where_p = f"{where_a}.paragraphs[{p}]"
            if not isinstance(paragraph, dict):
                raise GoldFormatError(f"{where_p}: a paragraph must be an object.")
            context, qas = paragraph.get("context"), paragraph.get("qas", [])
            if not isinstance(context, str) or not context.strip():
                raise GoldFormatError(f"{where_p}: 'context' must be non-empty text.")
            if not isinstance(qas, list):
                raise GoldFormatError(f"{where_p}: 'qas' must be a list.")
            # A running number keeps ids unique even when titles are missing or repeated.
            doc = Document(f"{title or 'doc'}#{len(documents)}", context, title)
            documents.append(doc)
            for q, qa in enumerate(qas):
                where = f"{where_p}.qas[{q}]"
                if not isinstance(qa, dict) or "id" not in qa or "question" not in qa:
                    raise GoldFormatError(f"{where}: a question needs 'id' and 'question'.")
                qid = _qid(qa["id"], where)
                where = f"{where} [{qid}]"
                answers = qa.get("answers", [])
                if not isinstance(answers, list):
                    raise GoldFormatError(f"{where}: 'answers' must be a list.")
                spans = tuple(_answer(x, "answer_start", doc, where) for x in answers)
                # SQuAD v1.1 has no is_impossible: every question there is answerable.
                impossible = qa.get("is_impossible", False)
                items.append(_item(qid, qa["question"], spans, impossible, where, seen))
    return GoldSet(path, SQUAD, str(version), sha, tuple(items), tuple(documents))


# --- Shared field checks ----------------------------------------------------------------


def _qid(value: object, where: str) -> str:
    # SQuAD-like files in the wild use int ids; they are keys of a JSON object
    # in predictions files, so they become strings.
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise GoldFormatError(f"{where}: 'id' must be a string or an integer, not {value!r}.")
    qid = str(value)
    if not qid.strip():
        raise GoldFormatError(f"{where}: 'id' is empty.")
    return qid


def _answer(value: object, start_key: str, doc: Document, where: str) -> GoldAnswer:
    if not isinstance(value, dict) or "text" not in value or start_key not in value:
        raise GoldFormatError(f"{where}: each answer needs 'text' and '{start_key}', "
                              f"got {value!r}.")
    text, start = value["text"], value[start_key]
    if not isinstance(text, str) or not text:
        raise GoldFormatError(f"{where}: answer text must be non-empty text, got {text!r}.")
    if isinstance(start, bool) or not isinstance(start, int):
        raise GoldFormatError(f"{where}: '{start_key}' must be an integer, got {start!r}.")
    found = doc.text[start:start + len(text)] if start >= 0 else ""
    if found != text:
        raise GoldFormatError(
            f"{where}: answer {text!r} does not slice its context at {start_key}={start} "
            f"(the text there is {found!r}); offsets are Python str indices into {doc.doc_id}."
        )
    return GoldAnswer(text, start, doc.doc_id)


def _item(qid: str, question: object, answers: Sequence[GoldAnswer], impossible: object,
          where: str, seen: set[str]) -> GoldItem:
    if qid in seen:
        raise GoldFormatError(f"{where}: duplicate id {qid!r}; ids must be unique.")
    seen.add(qid)
    if not isinstance(question, str) or not question.strip():
        raise GoldFormatError(f"{where}: 'question' must be non-empty text.")
    if len(question.strip()) > MAX_QUESTION_CHARS:
        raise GoldFormatError(f"{where}: the question is longer than {MAX_QUESTION_CHARS} "
                              "characters, which the engine rejects.")
    if not isinstance(impossible, bool):
        raise GoldFormatError(f"{where}: 'is_impossible' must be true or false.")
    if impossible and answers:
        raise GoldFormatError(f"{where}: an unanswerable question (is_impossible) must have "
                              "no answers.")
    if not impossible and not answers:
        raise GoldFormatError(f"{where}: an answerable question needs at least one answer; "
                              "set is_impossible to true if the text does not answer it.")
    return GoldItem(qid, question.strip(), tuple(answers), impossible)
