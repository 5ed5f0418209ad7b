"""Loading documents and fingerprinting a corpus."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path

from rag.errors import CorpusError
from rag.schema import Document

DEFAULT_CORPUS_NAME = "sco_summit_astana.txt"


def default_corpus_path() -> Path:
    """Path of the article shipped inside the package."""
    return Path(str(resources.files("rag") / "data" / DEFAULT_CORPUS_NAME))


def load_document(path: Path, doc_id: str | None = None) -> Document:
    """Read a UTF-8 text file byte-exactly (no newline translation).

    Raises:
        CorpusError: The file is missing, unreadable, not UTF-8 or empty.
    """
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            text = handle.read()
    except FileNotFoundError as exc:
        raise CorpusError(f"Corpus file {path} does not exist; check the path.") from exc
    except UnicodeDecodeError as exc:
        raise CorpusError(f"Corpus file {path} is not UTF-8 text ({exc.reason}).") from exc
    except OSError as exc:
        raise CorpusError(f"Cannot read corpus file {path}: {exc.strerror}.") from exc
    if not text.strip():
        raise CorpusError(f"Corpus file {path} is empty; give it some text.")
    return Document(doc_id=doc_id or path.name, text=text, title=path.stem)


def load_default_corpus() -> list[Document]:
    """The bundled article as a one-document corpus."""
    return [load_document(default_corpus_path())]


def corpus_sha256(documents: Sequence[Document]) -> str:
    """A fingerprint of ids and texts; any edit to any document changes it."""
    digest = hashlib.sha256()
    for doc in documents:
        digest.update(json.dumps([doc.doc_id, doc.text], ensure_ascii=False).encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def check_unique_ids(documents: Iterable[Document]) -> None:
    """Raise CorpusError if two documents share an id."""
    seen: set[str] = set()
    for doc in documents:
        if doc.doc_id in seen:
            raise CorpusError(f"Two documents share the id {doc.doc_id!r}; ids must be unique.")
        seen.add(doc.doc_id)
