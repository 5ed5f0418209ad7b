"""Reading gold Q&A sets: the project's JSONL and SQuAD v1.1 / v2.0 JSON.

Both become the same frozen records: ``GoldItem`` questions whose ``GoldAnswer``
spans point into the ``Document`` corpus the questions are about. For the
project's JSONL that corpus is the bundled article; for a SQuAD file every
distinct context is one document. Every span is checked against its document on
load, so a metric never silently compares against the wrong characters.

The project's own files must be exact. SQuAD files from elsewhere are read the
way the official script reads them: it never looks at ``answer_start``, drops
answers with no words and goes by whether a question has answers, so a file it
scores is not rejected here for an offset that is off or an ``is_impossible``
that is missing or disagrees; each such repair is logged.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from rag.corpus import load_default_corpus
from rag.engine import DEFAULT_COLLECTION, validate_question
from rag.errors import GoldFormatError, InvalidQuestionError
from rag.evaluation.metrics import normalize_answer
from rag.schema import Document

log = logging.getLogger(__name__)

JSONL = "jsonl"
SQUAD = "squad"


@dataclass(frozen=True, slots=True)
class GoldAnswer:
    """One acceptable answer: ``text == document.text[start:end]``.

    ``start`` is None for a SQuAD answer whose text its context does not hold:
    it still counts for exact match and F1, but no passage can contain it.
    """

    text: str
    start: int | None
    doc_id: str

    @property
    def end(self) -> int | None:
        """Offset one past the span's last character (None when not located)."""
        return None if self.start is None else self.start + len(self.text)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form used in results files."""
        return {"text": self.text, "start": self.start, "doc_id": self.doc_id}


@dataclass(frozen=True, slots=True)
class GoldItem:
    """One gold question; ``answers`` is empty exactly when ``is_impossible``.

    ``doc_id`` is the document the question was asked about: its SQuAD context,
    or the article for the project's JSONL. ``kind`` is the JSONL's ``type``
    label (``factoid``, ``paraphrase``, ...; empty for SQuAD), for per-kind scores.
    ``wordless`` holds the texts of answers a SQuAD file lists that have no words
    ("."): dropped from ``answers``, as the official script drops them when
    scoring, but still making it count the question among those with answers.
    """

    id: str
    question: str
    answers: tuple[GoldAnswer, ...]
    is_impossible: bool
    doc_id: str = ""
    kind: str = ""
    wordless: tuple[str, ...] = ()

    @property
    def has_answer(self) -> bool:
        """Whether the file lists an answer for the question: the official
        ``qid_to_has_ans``, which splits HasAns from NoAns scores."""
        return bool(self.answers or self.wordless)


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

    A file holding one JSON object with a ``data`` list is SQuAD, whatever its
    name; any other file of JSON values is read as the project's JSONL.

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
    whole = _whole_json(path, text)
    if isinstance(whole, dict) and "data" in whole:
        gold = _read_squad(path, whole, sha)
    elif whole is not None and not (isinstance(whole, dict) and "question" in whole):
        # One JSON value, but neither SQuAD nor a single JSONL question.
        keys = f" (its keys: {', '.join(map(repr, list(whole)[:5]))})" if isinstance(
            whole, dict) else ""
        kind = {"dict": "object", "list": "array"}.get(type(whole).__name__, "value")
        raise GoldFormatError(
            f"{path} is one JSON {kind} without a 'data' list{keys}: not "
            "SQuAD, which is {\"data\": [articles]}, nor the project's JSONL, one question "
            "object per line.")
    else:
        gold = _read_jsonl(path, text, sha)
    if not gold.items:
        raise GoldFormatError(f"Gold file {path} holds no questions.")
    log.info("read %s: %d questions (%s%s), %d document(s)", path, len(gold.items), gold.format,
             f" {gold.version}" if gold.version else "", len(gold.documents))
    return gold


def to_squad(golds: Sequence[GoldSet]) -> dict[str, Any]:
    """The questions of ``golds`` as one SQuAD v2.0 dataset.

    The official ``evaluate-v2.0.py`` reads this and a run's predictions file:
    it covers exactly the questions evaluated (after ``--limit``), from any mix
    of the project's JSONL and SQuAD files. Each document with questions is one
    article of one paragraph; an answer its context does not hold keeps
    ``answer_start`` -1.
    """
    data = []
    for gold in golds:
        by_doc: dict[str, list[GoldItem]] = {}
        for item in gold.items:
            by_doc.setdefault(item.doc_id, []).append(item)
        lost = set(by_doc) - {doc.doc_id for doc in gold.documents}
        if lost:
            raise ValueError(f"questions about documents not in {gold.path}: {sorted(lost)}")
        for doc in gold.documents:
            if doc.doc_id not in by_doc:
                continue
            qas = [{"id": item.id, "question": item.question, "is_impossible": item.is_impossible,
                    "answers": [{"text": a.text,
                                 "answer_start": -1 if a.start is None else a.start}
                                for a in item.answers]
                               + [{"text": text, "answer_start": -1} for text in item.wordless]}
                   for item in by_doc[doc.doc_id]]
            data.append({"title": doc.title or doc.doc_id,
                         "paragraphs": [{"context": doc.text, "qas": qas}]})
    return {"version": "v2.0", "data": data}


def _whole_json(path: Path, text: str) -> Any:
    """The file parsed as one JSON value, or None if it is JSON Lines instead."""
    if not text.strip():
        return None  # no questions; said as such by the caller
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        # A second value after the first is JSON Lines; the parse stops there, so
        # trying costs one line. Unless the first value spans lines: then it is one
        # JSON value with something after it (a stray "}", two files pasted).
        if exc.msg == "Extra data":
            first_line = text.lstrip().split("\n", 1)[0]
            try:
                json.loads(first_line)
            except json.JSONDecodeError:
                raise GoldFormatError(
                    f"{path}:{exc.lineno}: not valid JSON (something follows the first JSON "
                    f"value, at column {exc.colno}); a SQuAD file is one JSON object, the "
                    "project's JSONL one object per line.") from exc
            return None
        raise GoldFormatError(f"{path}:{exc.lineno}: not valid JSON ({_json_error(exc)}).") from exc


# --- The project's JSONL ----------------------------------------------------------------


def _read_jsonl(path: Path, text: str, sha: str) -> GoldSet:
    article = load_default_corpus()[0]
    items: list[GoldItem] = []
    seen: set[str] = set()
    # Lines end at "\n" alone: str.splitlines also breaks at U+2028 and the like,
    # which json.dumps(ensure_ascii=False) leaves raw inside strings.
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldFormatError(f"{where}: not valid JSON ({_json_error(exc)}). Each line must "
                                  "be one JSON object.") from exc
        if not isinstance(record, dict):
            raise GoldFormatError(f"{where}: expected a JSON object, got "
                                  f"{type(record).__name__}.")
        if "data" in record and "question" not in record:
            raise GoldFormatError(f"{where}: a SQuAD dataset, but a SQuAD file must hold exactly "
                                  "one JSON object; this one holds more.")
        missing = [k for k in ("id", "question", "answers", "is_impossible") if k not in record]
        if missing:
            raise GoldFormatError(f"{where}: missing field(s) {missing}; each line needs id, "
                                  "question, answers and is_impossible.")
        qid = _qid(record["id"], where)
        where = f"{where} [{qid}]"
        answers = record["answers"]
        if not isinstance(answers, list):
            raise GoldFormatError(f"{where}: 'answers' must be a list of {{text, start}}.")
        spans = tuple(a for a in (_answer(x, "start", article, where, None) for x in answers)
                      if a is not None)
        kind = record.get("type", "")
        if not isinstance(kind, str):
            raise GoldFormatError(f"{where}: 'type' must be text, got {kind!r}.")
        item = _item(qid, record["question"], spans, record["is_impossible"], where, seen,
                     article.doc_id)
        items.append(replace(item, kind=kind.strip()))
    return GoldSet(path, JSONL, "", sha, tuple(items), (article,))


# --- SQuAD v1.1 / v2.0 ------------------------------------------------------------------


def _read_squad(path: Path, whole: dict[str, Any], sha: str) -> GoldSet:
    version = whole.get("version", "")
    data = whole["data"]
    if not isinstance(data, list):
        raise GoldFormatError(f"{path}: 'data' must be a list of articles.")
    items: list[GoldItem] = []
    documents: list[Document] = []
    by_context: dict[str, Document] = {}
    seen: set[str] = set()
    repairs: list[str] = []
    for a, article in enumerate(data):
        where_a = f"{path}: data[{a}]"
        if not isinstance(article, dict) or not isinstance(article.get("paragraphs"), list):
            raise GoldFormatError(f"{where_a}: an article must be an object with a "
                                  "'paragraphs' list.")
        title = article.get("title") or ""
        if not isinstance(title, str):
            raise GoldFormatError(f"{where_a}: 'title' must be text, not {title!r}.")
        for p, paragraph in enumerate(article["paragraphs"]):
            where_p = f"{where_a}.paragraphs[{p}]"
            if not isinstance(paragraph, dict):
                raise GoldFormatError(f"{where_p}: a paragraph must be an object.")
            context, qas = paragraph.get("context"), paragraph.get("qas", [])
            if not isinstance(context, str) or not context.strip():
                raise GoldFormatError(f"{where_p}: 'context' must be non-empty text.")
            if not isinstance(qas, list):
                raise GoldFormatError(f"{where_p}: 'qas' must be a list.")
            # A context repeated (in another article, say) is one document: two
            # copies would compete for the same retrieval ranks, and a question
            # would miss recall@1 for finding the copy its answer is not pointed at.
            doc = by_context.get(context)
            if doc is None:
                # A running number keeps ids unique when titles are missing or repeated.
                doc = Document(f"{title or 'doc'}#{len(documents)}", context, title)
                documents.append(doc)
                by_context[context] = doc
            for q, qa in enumerate(qas):
                where = f"{where_p}.qas[{q}]"
                if not isinstance(qa, dict) or "id" not in qa or "question" not in qa:
                    raise GoldFormatError(f"{where}: a question needs 'id' and 'question'.")
                qid = _qid(qa["id"], where)
                where = f"{where} [{qid}]"
                answers = qa.get("answers", [])
                if not isinstance(answers, list):
                    raise GoldFormatError(f"{where}: 'answers' must be a list.")
                # ``_answer`` drops (None) exactly the answers with no words: those
                # are the wordless ones, kept by text.
                found = [(x, _answer(x, "answer_start", doc, where, repairs)) for x in answers]
                spans = tuple(a for _, a in found if a is not None)
                wordless = tuple(x["text"] for x, a in found if a is None)
                # SQuAD v1.1 has no is_impossible; the official script goes by
                # whether a question has answers, whatever the flag says.
                impossible = qa.get("is_impossible", not spans)
                if isinstance(impossible, bool) and impossible == bool(spans):
                    repairs.append(f"{where}: is_impossible is {str(impossible).lower()} but "
                                   f"it has {len(spans)} answer(s); scored as "
                                   + ("answerable" if spans else "unanswerable"))
                    impossible = not spans
                items.append(replace(_item(qid, qa["question"], spans, impossible, where, seen,
                                           doc.doc_id), wordless=wordless))
    if repairs:
        log.warning("%s: %d answer(s) or flag(s) repaired as the official script reads "
                    "them (run with -v for each); first: %s", path, len(repairs), repairs[0])
        for note in repairs:
            log.debug("%s", note)
    return GoldSet(path, SQUAD, str(version), sha, tuple(items), tuple(documents))


# --- Shared field checks ----------------------------------------------------------------


def _json_error(exc: json.JSONDecodeError) -> str:
    """What is wrong and where: "Unterminated string at column 27" (the library's
    own message may end in "at")."""
    return f"{exc.msg.removesuffix(' at').removesuffix(' starting at')} at column {exc.colno}"


def _qid(value: object, where: str) -> str:
    # SQuAD-like files in the wild use int ids; they are keys of a JSON object
    # in predictions files, so they become strings.
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise GoldFormatError(f"{where}: 'id' must be a string or an integer, not {value!r}.")
    qid = str(value)
    if not qid.strip():
        raise GoldFormatError(f"{where}: 'id' is empty.")
    return qid


def _answer(value: object, start_key: str, doc: Document, where: str,
            repairs: list[str] | None) -> GoldAnswer | None:
    """One answer, checked against its document.

    With ``repairs`` None (the project's JSONL) anything off is an error.
    Otherwise (SQuAD) the official script's reading is kept and a note of each
    repair appended to ``repairs``: an answer whose text normalises to nothing
    is dropped (None), and one without a usable offset, or whose offset does not
    slice the document, is looked up in it (the occurrence nearest the offset).
    """
    if not isinstance(value, dict) or not isinstance(value.get("text"), str):
        raise GoldFormatError(f"{where}: each answer needs a 'text', got {value!r}.")
    text, start = value["text"], value.get(start_key)
    if repairs is None:
        if not normalize_answer(text):
            raise GoldFormatError(f"{where}: answer {text!r} has no words (nothing is left "
                                  "once punctuation and articles go), so nothing could match "
                                  "it; give the words that answer.")
        if isinstance(start, bool) or not isinstance(start, int):
            raise GoldFormatError(f"{where}: '{start_key}' must be an integer, got {start!r}.")
    elif not normalize_answer(text):
        repairs.append(f"{where}: answer {text!r} has no words; dropped, as the official "
                       "script drops it")
        return None
    offset = start if isinstance(start, int) and not isinstance(start, bool) and start >= 0 \
        else None
    found = "" if offset is None else doc.text[offset:offset + len(text)]
    if offset is not None and found == text:
        return GoldAnswer(text, offset, doc.doc_id)
    if repairs is None:
        raise GoldFormatError(
            f"{where}: answer {text!r} does not slice its context at {start_key}={start} "
            f"(the text there is {found!r}); offsets are Python str indices into {doc.doc_id}."
        )
    located = _nearest(doc.text, text, offset or 0)
    repairs.append(f"{where}: answer {text!r} is not at {start_key}={start!r}; "
                   + (f"found at {located}" if located is not None
                      else "its context does not hold it, so it counts for EM/F1 only"))
    return GoldAnswer(text, located, doc.doc_id)


def _nearest(text: str, span: str, start: int) -> int | None:
    """Offset of the occurrence of ``span`` in ``text`` nearest ``start``, or None."""
    best: int | None = None
    at = text.find(span)
    while at >= 0:
        if best is None or abs(at - start) < abs(best - start):
            best = at
        at = text.find(span, at + 1)
    return best


def _item(qid: str, question: object, answers: Sequence[GoldAnswer], impossible: object,
          where: str, seen: set[str], doc_id: str) -> GoldItem:
    if qid in seen:
        raise GoldFormatError(f"{where}: duplicate id {qid!r}; ids must be unique.")
    seen.add(qid)
    if not isinstance(question, str) or not question.strip():
        raise GoldFormatError(f"{where}: 'question' must be non-empty text.")
    try:
        validate_question(question)  # refused now, not after the index is built
    except InvalidQuestionError as exc:
        raise GoldFormatError(f"{where}: {exc}") from exc
    if not isinstance(impossible, bool):
        raise GoldFormatError(f"{where}: 'is_impossible' must be true or false, not "
                              f"{impossible!r}.")
    if impossible and answers:
        raise GoldFormatError(f"{where}: an unanswerable question (is_impossible) must have "
                              "no answers.")
    if not impossible and not answers:
        raise GoldFormatError(f"{where}: an answerable question needs at least one answer; "
                              "set is_impossible to true if the text does not answer it.")
    return GoldItem(qid, question.strip(), tuple(answers), impossible, doc_id)
