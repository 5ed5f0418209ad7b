"""Persisting an index as a folder of plain files, and loading it back safely.

Layout of one index folder::

    manifest.json          format version, model, dimension, settings, corpus hash
    documents.jsonl        the corpus text, so offsets can always be checked
    chunks.jsonl           one Chunk per line
    sentences.jsonl        one Sentence per line
    chunks.faiss           exact inner-product FAISS index over chunk vectors
    sentence_vectors.npy   float32 sentence vectors (row i = sentence id i)

No pickle anywhere: every file is readable without this code.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import secrets
import shutil
import stat
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import faiss
import numpy as np

from rag import __version__
from rag.chunking import chunk_documents
from rag.corpus import check_unique_ids, corpus_sha256
from rag.embedding import Embedder
from rag.errors import CorruptIndexError, ForeignFolderError, StaleIndexError
from rag.schema import Chunk, Document, Sentence
from rag.sentences import sentences_of
from rag.settings import Settings

log = logging.getLogger(__name__)

# Raised whenever what is stored for the same inputs changes, so that an index
# built before is rebuilt. 2: a setext heading ("Title\n=====") is a sentence of
# its own, never part of a quote.
FORMAT_VERSION = 2
MANIFEST = "manifest.json"
# Everything an index folder holds. A folder holding anything else, and no rag
# manifest, is not ours to replace, even when it sits where the index should be.
INDEX_FILES = frozenset((MANIFEST, "documents.jsonl", "chunks.jsonl", "sentences.jsonl",
                         "chunks.faiss", "sentence_vectors.npy"))


@dataclass(frozen=True)
class IndexData:
    """Everything a built index holds, in memory."""

    manifest: dict[str, Any]
    documents: tuple[Document, ...]
    chunks: tuple[Chunk, ...]
    sentences: tuple[Sentence, ...]
    chunk_index: Any  # faiss.IndexFlatIP
    sentence_vectors: np.ndarray

    @property
    def dimension(self) -> int:
        """Vector dimension of the embedding model the index was built with."""
        return int(self.sentence_vectors.shape[1])


def build_index(documents: Sequence[Document], settings: Settings, embedder: Embedder,
                progress: bool = False) -> IndexData:
    """Chunk, segment and embed a corpus.

    Args:
        documents: The corpus; ids must be unique.
        settings: Chunker and model settings.
        embedder: The shared embedding model.
        progress: Show a progress bar while embedding.
    """
    check_unique_ids(documents)
    started = time.perf_counter()
    chunks = chunk_documents(documents, settings.chunk_size, settings.chunk_overlap)
    sentences = sentences_of(documents, settings.min_sentence_words)
    texts = [c.text for c in chunks] + [s.text for s in sentences]
    vectors = embedder.embed(texts, batch_size=settings.embed_batch_size, progress=progress,
                             label="Embedding passages and sentences")
    chunk_vectors, sentence_vectors = vectors[: len(chunks)], vectors[len(chunks) :]
    index = faiss.IndexFlatIP(embedder.dimension)
    if len(chunks):
        index.add(np.ascontiguousarray(chunk_vectors))
    manifest = {
        "format_version": FORMAT_VERSION,
        "package_version": __version__,
        "model": settings.model,
        "dimension": embedder.dimension,
        "settings": settings.to_dict(),
        "index_settings": settings.index_fields(),
        "corpus_sha256": corpus_sha256(documents),
        "documents": len(documents),
        "chunks": len(chunks),
        "sentences": len(sentences),
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "build_seconds": round(time.perf_counter() - started, 3),
    }
    return IndexData(manifest, tuple(documents), tuple(chunks), tuple(sentences), index,
                     np.ascontiguousarray(sentence_vectors))


def check_target(path: Path) -> None:
    """Fail early, before an index is built, where ``save_index`` would fail.

    The folder at ``path`` is ours to replace when it is missing, holds only
    index files, or holds a rag manifest (then stray files such as an editor's
    backup go with it). Creates the parent folder and checks it takes a new one.

    Raises:
        ForeignFolderError: ``path`` is a file, or a folder of something else.
        OSError: The parent folder cannot be created or written.
    """
    # One look at the folder: another process may be swapping it right now, so
    # "exists" then "is a folder" could see it there and then gone.
    try:
        mode = path.stat().st_mode
        names = os.listdir(path) if stat.S_ISDIR(mode) else None
    except FileNotFoundError:
        mode, names = None, []
    if mode is not None and names is None:
        raise ForeignFolderError(
            f"{path} exists and is not an index folder; rag will not replace it. "
            "Move it away or choose another --index-dir.")
    foreign = sorted(name for name in names or () if name not in INDEX_FILES)
    if foreign and not _has_manifest(path):
        shown = ", ".join(foreign[:5]) + (", ..." if len(foreign) > 5 else "")
        raise ForeignFolderError(
            f"{path} holds files that are not part of an index ({shown}); rag will not "
            "replace it. Move them away or choose another --index-dir.")
    path.parent.mkdir(parents=True, exist_ok=True)
    _new_folder(path, "tmp").rmdir()  # "tmp": swept up if a crash leaves it


def _has_manifest(path: Path) -> bool:
    """Whether ``path`` holds a manifest rag wrote (any format version)."""
    try:
        manifest = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(manifest, dict) and "format_version" in manifest


def _new_folder(path: Path, kind: str) -> Path:
    """A new, uniquely named folder beside ``path``, with the umask's permissions
    (``tempfile.mkdtemp`` would make it private to this user)."""
    folder = path.with_name(f".{path.name}.{kind}-{os.getpid()}-{secrets.token_hex(6)}")
    folder.mkdir()
    return folder


def save_index(data: IndexData, path: Path) -> None:
    """Write an index folder atomically: build beside it, then swap by rename.

    A reader never sees a half-written index. A crash while writing leaves the
    previous index in place; one in the instant between the two renames leaves
    no index, which the next start detects and rebuilds. Temporary folders such
    a crash leaves behind are swept up by the next save once an hour old (a
    younger one may belong to another process saving right now). Two processes
    saving at once take turns at the swap, under a lock on the parent folder.

    Raises:
        ForeignFolderError: ``path`` holds something other than an index.
    """
    check_target(path)
    tmp = _new_folder(path, "tmp")
    try:
        _write_jsonl(tmp / "documents.jsonl", (asdict(d) for d in data.documents))
        _write_jsonl(tmp / "chunks.jsonl", (asdict(c) for c in data.chunks))
        _write_jsonl(tmp / "sentences.jsonl", (asdict(s) for s in data.sentences))
        faiss.write_index(data.chunk_index, str(tmp / "chunks.faiss"))
        np.save(tmp / "sentence_vectors.npy", data.sentence_vectors, allow_pickle=False)
        # The manifest goes last: its presence marks a complete folder.
        (tmp / MANIFEST).write_text(json.dumps(data.manifest, indent=2) + "\n", encoding="utf-8")
        # Locking the parent folder itself leaves no lock file behind.
        parent = os.open(path.parent, os.O_RDONLY)
        try:
            fcntl.flock(parent, fcntl.LOCK_EX)
            check_target(path)  # the folder may have changed while we wrote
            old = None
            if path.exists():
                old = path.with_name(f".{path.name}.old-{os.getpid()}-{time.time_ns()}")
                path.rename(old)
            tmp.rename(path)
        finally:
            os.close(parent)  # releases the lock
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _sweep_leftovers(path)


# Temporary index folders older than this are leftovers of a crashed save.
LEFTOVER_AGE_S = 3600.0


def _sweep_leftovers(path: Path) -> None:
    now = time.time()
    for pattern in (f".{path.name}.tmp-*", f".{path.name}.old-*"):
        for leftover in path.parent.glob(pattern):
            try:
                if now - leftover.stat().st_mtime > LEFTOVER_AGE_S:
                    log.info("removing %s, left by an interrupted index save", leftover)
                    shutil.rmtree(leftover, ignore_errors=True)
            except OSError:
                continue  # gone already, or not ours to read


def read_manifest(path: Path) -> dict[str, Any]:
    """Read an index folder's manifest.

    Raises:
        FileNotFoundError: There is no index at ``path``.
        CorruptIndexError: The manifest is unreadable.
    """
    manifest_path = path / MANIFEST
    if not manifest_path.is_file():
        raise FileNotFoundError(f"no index at {path}")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorruptIndexError(f"Index manifest {manifest_path} is unreadable: {exc}.") from exc
    if not isinstance(manifest, dict):
        raise CorruptIndexError(f"Index manifest {manifest_path} is not a JSON object.")
    return manifest


def check_manifest(manifest: dict[str, Any], documents: Sequence[Document],
                   settings: Settings) -> None:
    """Raise StaleIndexError if the index was built from other inputs."""
    expected = {
        "format_version": FORMAT_VERSION,
        "index_settings": settings.index_fields(),
        "corpus_sha256": corpus_sha256(documents),
    }
    for key, want in expected.items():
        if manifest.get(key) != want:
            if key == "corpus_sha256":
                # Two hashes say nothing to a person; what changed does.
                raise StaleIndexError("the documents changed since it was built")
            raise StaleIndexError(
                f"index {key} is {manifest.get(key)!r}, expected {want!r}"
            )


def load_index(path: Path, documents: Sequence[Document], settings: Settings) -> IndexData:
    """Load an index folder and check it matches the corpus and settings.

    Raises:
        FileNotFoundError: There is no index at ``path``.
        StaleIndexError: It was built from another corpus, model or chunker settings.
        CorruptIndexError: A file is missing, unreadable or inconsistent.
    """
    manifest = read_manifest(path)
    check_manifest(manifest, documents, settings)
    try:
        docs = tuple(Document(**r) for r in _read_jsonl(path / "documents.jsonl"))
        chunks = tuple(Chunk(**r) for r in _read_jsonl(path / "chunks.jsonl"))
        sentences = tuple(Sentence(**r) for r in _read_jsonl(path / "sentences.jsonl"))
        chunk_index = faiss.read_index(str(path / "chunks.faiss"))
        sentence_vectors = np.load(path / "sentence_vectors.npy", allow_pickle=False)
    except (OSError, EOFError, ValueError, TypeError, KeyError, RuntimeError) as exc:
        # EOFError: an .npy file cut to nothing.
        raise CorruptIndexError(f"Index at {path} is unreadable: {exc or type(exc).__name__}."
                                ) from exc
    data = IndexData(manifest, docs, chunks, sentences, chunk_index, sentence_vectors)
    _check_consistent(data, documents, path)
    return data


def _check_consistent(data: IndexData, documents: Sequence[Document], path: Path) -> None:
    problems = []
    if [(d.doc_id, d.text) for d in data.documents] != [(d.doc_id, d.text) for d in documents]:
        problems.append("stored documents differ from the corpus")
    if data.chunk_index.ntotal != len(data.chunks):
        problems.append(f"{data.chunk_index.ntotal} chunk vectors for {len(data.chunks)} chunks")
    if data.sentence_vectors.ndim != 2 or len(data.sentence_vectors) != len(data.sentences):
        problems.append(f"sentence vectors of shape {data.sentence_vectors.shape} "
                        f"for {len(data.sentences)} sentences")
    elif not data.chunk_index.d == data.sentence_vectors.shape[1] == data.manifest.get("dimension"):
        problems.append("vector dimensions disagree with the manifest")
    elif data.sentence_vectors.dtype != np.float32:
        problems.append(f"sentence vectors are {data.sentence_vectors.dtype}, not float32")
    elif not _finite(data):
        # A NaN score compares false with the threshold: it would be answered.
        problems.append("some vectors are not finite numbers")
    texts = {d.doc_id: d.text for d in data.documents}
    records: list[Chunk | Sentence] = [*data.chunks, *data.sentences]
    for rec in records:
        if not (isinstance(rec.doc_id, str) and isinstance(rec.text, str)
                and all(isinstance(v, int) and not isinstance(v, bool)
                        for v in (rec.start, rec.end))):
            problems.append(f"a {type(rec).__name__.lower()} record has fields of the wrong type")
            break
        if texts.get(rec.doc_id, "")[rec.start : rec.end] != rec.text:
            problems.append(f"offsets of {type(rec).__name__.lower()} {rec.text[:30]!r} are wrong")
            break
    if problems:
        raise CorruptIndexError(f"Index at {path} is inconsistent: {'; '.join(problems)}.")


def _finite(data: IndexData) -> bool:
    """Whether every stored vector, of sentences and of chunks, is finite."""
    if not np.isfinite(data.sentence_vectors).all():
        return False
    n = data.chunk_index.ntotal
    return n == 0 or bool(np.isfinite(data.chunk_index.reconstruct_n(0, n)).all())


def _write_jsonl(path: Path, rows: Any) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


