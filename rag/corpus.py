"""Loading documents and fingerprinting a corpus."""

from __future__ import annotations

import codecs
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
    if path.is_symlink() and not path.exists():
        raise CorpusError(f"Corpus file {path} is a link to nothing ({os.readlink(path)}); "
                          "fix or remove the link.")
    if path.exists() and not path.is_file():
        # A pipe or a device would block the read forever.
        raise CorpusError(f"Corpus file {path} is not a regular file.")
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError as exc:
        raise CorpusError(f"Corpus file {path} does not exist; check the path.") from exc
    except OSError as exc:
        raise CorpusError(f"Cannot read corpus file {path}: {exc.strerror}.") from exc
    if data.startswith(b"%PDF-"):
        # Its text is in compressed streams: read as text it would be garbage, or
        # a puzzling "not UTF-8" error.
        raise CorpusError(f"Corpus file {path} is a PDF; extract its text first "
                          "(pdftotext, for instance) and give the .txt file.")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise CorpusError(f"Corpus file {path} is UTF-16 text; save it as UTF-8.")
    try:
        # Decoded as read: no newline translation, so offsets are the file's own.
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CorpusError(f"Corpus file {path} is not UTF-8 text ({exc.reason} at byte "
                          f"{exc.start}); save it as UTF-8.") from exc
    if "\0" in text:
        # Valid UTF-8 but not text: UTF-16 without its mark, or a binary file.
        raise CorpusError(f"Corpus file {path} holds NUL bytes, so it is not plain text "
                          "(UTF-16 or binary?); save it as UTF-8 text.")
    if not text.strip():
        raise CorpusError(f"Corpus file {path} is empty; give it some text.")
    return Document(doc_id=doc_id or readable(path.name), text=text, title=readable(path.stem))


def readable(name: str) -> str:
    """A file name as text: a name whose bytes are not UTF-8 (``café`` saved in
    Latin-1) shows them escaped (``caf\\xe9``), so that it can be written into the
    index and JSON, and still tells the file apart."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


# Plain-text formats read as they are. Anything else in a folder is skipped (and
# logged): a PDF or an image read as text would index garbage.
TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".rst")


def load_corpus(path: Path) -> list[Document]:
    """A text file, or every text file in a folder and its sub-folders, as documents.

    A file's id is its name; in a folder, its path relative to the folder
    (``notes/2024.md``), so citations say where each quote came from. Files are
    read in path order; hidden files and folders (``.git``) are skipped, and so
    are files whose suffix is not in ``TEXT_SUFFIXES`` and anything that is not a
    regular file. Links to folders elsewhere are followed, each real folder once,
    but not a link to a folder that holds the corpus itself (a warning says so).

    In a folder, a text file that cannot be read (not UTF-8, empty, a broken
    link) is skipped with a warning naming it and why: one stray file should not
    keep the rest from being searched. Given alone, it is an error.

    Raises:
        CorpusError: The path is missing or unreadable, a folder holds no usable
            text file, or a file given alone cannot be read (the message names it).
    """
    if path.is_file() or (path.is_symlink() and not path.exists()):
        return [load_document(path)]  # which names a broken link as one
    if not path.exists():
        raise CorpusError(f"Corpus path {path} does not exist; give a text file or a folder "
                          "of them.")
    if not path.is_dir():
        raise CorpusError(f"Corpus path {path} is neither a file nor a folder.")
    documents: list[Document] = []
    refused: list[str] = []
    skipped = 0
    for file in _text_files(path):
        if not file.name.lower().endswith(TEXT_SUFFIXES):
            skipped += 1
            continue
        try:
            documents.append(load_document(file,
                                           doc_id=readable(file.relative_to(path).as_posix())))
        except CorpusError as exc:
            log.warning("skipping a file: %s", exc)
            refused.append(str(exc))
    if skipped:
        log.info("skipped %d file(s) in %s that are not text (%s)", skipped, path,
                 ", ".join(TEXT_SUFFIXES))
    if not documents:
        why = f": {refused[0]}" + (f" (and {len(refused) - 1} more)" if len(refused) > 1
                                   else "") if refused else ""
        raise CorpusError(f"Folder {path} holds no usable text files "
                          f"({', '.join(TEXT_SUFFIXES)}){why}")
    return documents


def _text_files(root: Path, quiet: bool = False) -> list[Path]:
    """Every non-hidden entry under ``root`` that is a file or a link to nothing,
    in path order. Links to folders outside ``root`` are followed, once per real
    folder, so a link loop ends. ``quiet`` suppresses the warnings (for a repeated
    scan of the same folder)."""
    found: list[Path] = []
    top = os.path.realpath(root)
    seen = {top}
    for folder, subfolders, names in os.walk(root, followlinks=True):
        keep = []
        for name in sorted(subfolders):
            path = os.path.join(folder, name)
            real = os.path.realpath(path)
            # A link to a folder inside the corpus is skipped: the folder is read
            # under its own path, so adding a link never renames a citation.
            inside = os.path.islink(path) and os.path.commonpath([real, top]) == top
            # A link to a folder holding the corpus ("..", the home folder) would
            # read everything around it.
            around = (os.path.islink(path) and real != top
                      and os.path.commonpath([real, top]) == real)
            if around and not name.startswith(".") and not quiet:
                log.warning("skipping %s: it links to %s, a folder that holds the corpus "
                            "itself; link to the sub-folder you mean instead", path, real)
            if not name.startswith(".") and real not in seen and not inside and not around:
                seen.add(real)
                keep.append(name)
        subfolders[:] = keep
        for name in names:
            file = Path(folder) / name
            # A pipe or socket would block the read; a broken link is reported.
            if not name.startswith(".") and (file.is_file() or file.is_symlink()):
                found.append(file)
    found.sort(key=lambda f: f.relative_to(root).as_posix())
    return found


def corpus_stamp(path: Path) -> tuple[tuple[str, int, int, int, int], ...]:
    """What changes when the corpus at ``path`` does, without reading it: each text
    file's path, size, inode, modification and status-change times (-1 for one
    that cannot be looked at).

    An edit, an added or removed file, or a file replaced by a copy that kept its
    old time (``cp -p``) changes it; a changed stamp may still be a file touched
    but not edited (compare ``corpus_sha256``).
    """
    if path.is_dir():
        files = [f for f in _text_files(path, quiet=True)
                 if f.name.lower().endswith(TEXT_SUFFIXES)]
    else:
        files = [path]
    stamp = []
    for file in files:
        try:
            info = file.stat()
            stamp.append((str(file), info.st_size, info.st_ino, info.st_mtime_ns,
                          info.st_ctime_ns))
        except OSError:
            stamp.append((str(file), -1, -1, -1, -1))
    return tuple(stamp)


def collection_for(path: Path) -> str:
    """The index name of the corpus at ``path``: its name plus a digest of where
    it is, so two folders both called ``docs`` keep separate indexes."""
    resolved = str(path.resolve())
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", path.resolve().name).strip("-.")[:40] or "corpus"
    digest = hashlib.sha256(os.fsencode(resolved)).hexdigest()[:8]
    return f"corpus-{stem}-{digest}"


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
