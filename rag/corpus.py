"""Loading documents and fingerprinting a corpus."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path

from rag.errors import CorpusError
from rag.schema import Document

log = logging.getLogger(__name__)

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


# Plain-text formats read as they are. Anything else in a folder is skipped (and
# logged): a PDF or an image read as text would index garbage.
TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".rst")


def load_corpus(path: Path) -> list[Document]:
    """A text file, or every text file in a folder and its sub-folders, as documents.

    A file's id is its name; in a folder, its path relative to the folder
    (``notes/2024.md``), so citations say where each quote came from. Files are
    read in path order; hidden files and folders (``.git``) are skipped, and so
    are files whose suffix is not in ``TEXT_SUFFIXES``.

    Raises:
        CorpusError: The path is missing, a folder holds no text file, or a file
            is unreadable, not UTF-8 or empty (the message names the file).
    """
    if path.is_file():
        return [load_document(path)]
    if not path.exists():
        raise CorpusError(f"Corpus path {path} does not exist; give a text file or a folder "
                          "of them.")
    if not path.is_dir():
        raise CorpusError(f"Corpus path {path} is neither a file nor a folder.")
    files: list[Path] = []
    skipped = 0
    for folder, subfolders, names in os.walk(path):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        for name in names:
            if name.startswith("."):
                continue
            if name.lower().endswith(TEXT_SUFFIXES):
                files.append(Path(folder) / name)
            else:
                skipped += 1
    if skipped:
        log.info("skipped %d file(s) in %s that are not text (%s)", skipped, path,
                 ", ".join(TEXT_SUFFIXES))
    if not files:
        raise CorpusError(f"Folder {path} holds no text files ({', '.join(TEXT_SUFFIXES)}); "
                          "add some or give a file.")
    files.sort(key=lambda f: f.relative_to(path).as_posix())
    return [load_document(f, doc_id=f.relative_to(path).as_posix()) for f in files]


def collection_for(path: Path) -> str:
    """The index name of the corpus at ``path``: its name plus a digest of where
    it is, so two folders both called ``docs`` keep separate indexes."""
    resolved = str(path.resolve())
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", path.resolve().name).strip("-.")[:40] or "corpus"
    return f"corpus-{stem}-{hashlib.sha256(resolved.encode('utf-8')).hexdigest()[:8]}"


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
