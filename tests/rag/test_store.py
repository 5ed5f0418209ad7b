"""The persisted index: round trip, manifest, no pickle, staleness, corruption, atomic writes."""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import threading
import time
from pathlib import Path

import faiss
import numpy as np
import pytest

from rag import __version__
from rag.corpus import corpus_sha256
from rag.embedding import Embedder
from rag.engine import Engine
from rag.errors import CorruptIndexError, ForeignFolderError, StaleIndexError
from rag.schema import Document
from rag.settings import Settings
from rag.store import (
    FORMAT_VERSION,
    LEFTOVER_AGE_S,
    IndexData,
    build_index,
    load_index,
    read_manifest,
    save_index,
)

FILES = {"manifest.json", "documents.jsonl", "chunks.jsonl", "sentences.jsonl", "chunks.faiss",
         "sentence_vectors.npy"}


@pytest.fixture(scope="module")
def small_docs(article: Document) -> list[Document]:
    """Three paragraphs of the article: quick to embed, so rebuilds stay cheap."""
    return [Document("small.txt", article.text[:2500])]


@pytest.fixture(scope="module")
def small_settings() -> Settings:
    return Settings(chunk_size=400, chunk_overlap=60)


@pytest.fixture(scope="module")
def built(small_docs: list[Document], small_settings: Settings, embedder: Embedder) -> IndexData:
    return build_index(small_docs, small_settings, embedder)


@pytest.fixture()
def saved(built: IndexData, tmp_path: Path) -> Path:
    path = tmp_path / "idx" / "default"
    save_index(built, path)
    return path


def snapshot(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(path.iterdir())}


def test_round_trip(built: IndexData, saved: Path, small_docs, small_settings) -> None:
    assert {p.name for p in saved.iterdir()} == FILES
    loaded = load_index(saved, small_docs, small_settings)
    assert loaded.manifest == built.manifest
    assert loaded.documents == built.documents
    assert loaded.chunks == built.chunks
    assert loaded.sentences == built.sentences
    np.testing.assert_array_equal(loaded.sentence_vectors, built.sentence_vectors)
    assert loaded.chunk_index.ntotal == built.chunk_index.ntotal == len(built.chunks)
    np.testing.assert_array_equal(loaded.chunk_index.reconstruct_n(0, len(built.chunks)),
                                  built.chunk_index.reconstruct_n(0, len(built.chunks)))
    assert loaded.dimension == 384


def test_manifest_contents(saved: Path, small_docs, small_settings) -> None:
    manifest = read_manifest(saved)
    assert manifest["format_version"] == FORMAT_VERSION
    assert manifest["package_version"] == __version__
    assert manifest["model"] == small_settings.model
    assert manifest["dimension"] == 384
    assert manifest["settings"] == small_settings.to_dict()
    assert manifest["corpus_sha256"] == corpus_sha256(small_docs)
    assert manifest["built_at"].endswith("Z")
    assert json.loads((saved / "manifest.json").read_text()) == manifest


def test_no_pickle_anywhere(saved: Path) -> None:
    assert not [p for p in saved.rglob("*") if p.suffix in {".pkl", ".pickle"}]
    np.load(saved / "sentence_vectors.npy", allow_pickle=False)  # would raise on object arrays
    for name in ("documents.jsonl", "chunks.jsonl", "sentences.jsonl"):
        for line in (saved / name).read_text(encoding="utf-8").splitlines():
            json.loads(line)


def test_missing_index_is_file_not_found(tmp_path: Path, small_docs, small_settings) -> None:
    with pytest.raises(FileNotFoundError):
        load_index(tmp_path / "none", small_docs, small_settings)


@pytest.mark.parametrize(
    "change", ["corpus", "chunk_size", "chunk_overlap", "model", "format_version"]
)
def test_stale_index_is_detected(saved: Path, small_docs, small_settings, change: str) -> None:
    docs, settings = small_docs, small_settings
    if change == "corpus":
        docs = [dataclasses.replace(small_docs[0], text=small_docs[0].text + " Edited.")]
    elif change == "format_version":
        manifest = json.loads((saved / "manifest.json").read_text())
        manifest["format_version"] = FORMAT_VERSION + 1
        (saved / "manifest.json").write_text(json.dumps(manifest))
    else:
        value = {"chunk_size": 500, "chunk_overlap": 30, "model": "other-model"}[change]
        settings = dataclasses.replace(small_settings, **{change: value})
    with pytest.raises(StaleIndexError):
        load_index(saved, docs, settings)


def test_an_edited_corpus_is_named_as_such_not_by_its_hashes(saved: Path, small_docs,
                                                              small_settings) -> None:
    docs = [dataclasses.replace(small_docs[0], text=small_docs[0].text + " Edited.")]
    with pytest.raises(StaleIndexError, match=r"^the documents changed since it was built$"):
        load_index(saved, docs, small_settings)


def test_query_settings_do_not_make_the_index_stale(saved: Path, small_docs,
                                                    small_settings) -> None:
    relaxed = dataclasses.replace(small_settings, top_k=9, mode="bm25", abstain_threshold=0.1)
    load_index(saved, small_docs, relaxed)


def _truncate_faiss(path: Path) -> None:
    data = (path / "chunks.faiss").read_bytes()
    (path / "chunks.faiss").write_bytes(data[: len(data) // 2])


def _garbage_manifest(path: Path) -> None:
    (path / "manifest.json").write_text("{ this is not json", encoding="utf-8")


def _manifest_not_object(path: Path) -> None:
    (path / "manifest.json").write_text("[1, 2, 3]", encoding="utf-8")


def _delete_sentences(path: Path) -> None:
    (path / "sentences.jsonl").unlink()


def _delete_vectors(path: Path) -> None:
    (path / "sentence_vectors.npy").unlink()


def _shuffle_offsets(path: Path) -> None:
    rows = [json.loads(line) for line in (path / "chunks.jsonl").read_text().splitlines()]
    rows[0]["start"], rows[1]["start"] = rows[1]["start"], rows[0]["start"]
    (path / "chunks.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))


def _drop_vector_rows(path: Path) -> None:
    vectors = np.load(path / "sentence_vectors.npy")
    np.save(path / "sentence_vectors.npy", vectors[:-1])


def _garbage_jsonl(path: Path) -> None:
    (path / "chunks.jsonl").write_text('{"chunk_id": 0, "oops": 1}\nnot json\n')


def _empty_vectors(path: Path) -> None:
    (path / "sentence_vectors.npy").write_bytes(b"")


def _nan_vectors(path: Path) -> None:
    vectors = np.load(path / "sentence_vectors.npy")
    vectors[0, 0] = np.nan
    np.save(path / "sentence_vectors.npy", vectors)


def _nan_chunk_vectors(path: Path) -> None:
    index = faiss.read_index(str(path / "chunks.faiss"))
    vectors = index.reconstruct_n(0, index.ntotal)
    vectors[-1, 3] = np.nan
    damaged = faiss.IndexFlatIP(index.d)
    damaged.add(vectors)
    faiss.write_index(damaged, str(path / "chunks.faiss"))


def _float64_vectors(path: Path) -> None:
    vectors = np.load(path / "sentence_vectors.npy")
    np.save(path / "sentence_vectors.npy", vectors.astype(np.float64))


def _offset_as_text(path: Path) -> None:
    rows = [json.loads(line) for line in (path / "chunks.jsonl").read_text().splitlines()]
    rows[0]["start"] = str(rows[0]["start"])
    (path / "chunks.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))


CORRUPTIONS = [_truncate_faiss, _garbage_manifest, _manifest_not_object, _delete_sentences,
               _delete_vectors, _shuffle_offsets, _drop_vector_rows, _garbage_jsonl,
               _empty_vectors, _nan_vectors, _nan_chunk_vectors, _float64_vectors,
               _offset_as_text]


@pytest.mark.parametrize("corrupt", CORRUPTIONS, ids=lambda f: f.__name__.strip("_"))
def test_corrupt_index_is_detected(saved: Path, small_docs, small_settings, corrupt) -> None:
    corrupt(saved)
    with pytest.raises(CorruptIndexError) as info:
        load_index(saved, small_docs, small_settings)
    assert str(saved) in str(info.value)


def _manifest_of(engine: Engine) -> dict:
    return read_manifest(engine.index_path)


@pytest.mark.parametrize("corrupt", [_truncate_faiss, _garbage_manifest, _delete_sentences,
                                     _shuffle_offsets], ids=lambda f: f.__name__.strip("_"))
def test_engine_rebuilds_a_corrupt_index(saved: Path, small_docs, small_settings, embedder,
                                         corrupt, caplog: pytest.LogCaptureFixture) -> None:
    corrupt(saved)
    caplog.set_level(logging.INFO, logger="rag")
    engine = Engine(small_settings, index_dir=saved.parent, documents=small_docs,
                    embedder=embedder)
    data = engine.ensure_ready()
    assert any(r.levelno == logging.WARNING and "Rebuilding" in r.getMessage()
               for r in caplog.records), [r.getMessage() for r in caplog.records]
    reloaded = load_index(saved, small_docs, small_settings)  # the rebuilt one is valid on disk
    assert reloaded.chunks == data.chunks
    answer = engine.ask("When was the SCO founded?")
    assert answer.passages


def test_engine_rebuilds_a_stale_index(saved: Path, small_docs, small_settings, embedder,
                                       caplog: pytest.LogCaptureFixture) -> None:
    old = read_manifest(saved)
    caplog.set_level(logging.INFO, logger="rag")
    edited = [dataclasses.replace(small_docs[0], text=small_docs[0].text + "\n\nA new line.")]
    settings = dataclasses.replace(small_settings, chunk_size=300)
    engine = Engine(settings, index_dir=saved.parent, documents=edited, embedder=embedder)
    engine.ensure_ready()
    stale_logs = [r.getMessage() for r in caplog.records if "stale" in r.getMessage()]
    assert stale_logs and str(saved) in stale_logs[0]
    new = read_manifest(saved)
    assert new["corpus_sha256"] == corpus_sha256(edited) != old["corpus_sha256"]
    assert new["settings"]["chunk_size"] == 300
    load_index(saved, edited, settings)


def test_engine_creates_a_missing_index_folder(tmp_path: Path, small_docs, small_settings,
                                               embedder) -> None:
    index_dir = tmp_path / "does" / "not" / "exist"
    engine = Engine(small_settings, index_dir=index_dir, documents=small_docs, embedder=embedder)
    engine.ensure_ready()
    assert {p.name for p in (index_dir / "default").iterdir()} == FILES


def test_engine_loads_a_valid_index_without_re_embedding(saved: Path, small_docs,
                                                         small_settings, embedder,
                                                         monkeypatch) -> None:
    embedded: list[str] = []
    real_embed = embedder.embed

    def counting_embed(texts, *args, **kwargs):  # type: ignore[no-untyped-def]
        embedded.extend(texts)
        return real_embed(texts, *args, **kwargs)

    monkeypatch.setattr(embedder, "embed", counting_embed)
    engine = Engine(small_settings, index_dir=saved.parent, documents=small_docs,
                    embedder=embedder)
    data = engine.ensure_ready()
    stored = {c.text for c in data.chunks} | {s.text for s in data.sentences}
    assert len(embedded) <= 1, "at most a model warm-up, never the passages"
    assert not stored & set(embedded)


@pytest.mark.parametrize("target", ["faiss", "numpy", "manifest"])
def test_failed_write_leaves_previous_index_intact(built: IndexData, saved: Path,
                                                   small_docs, small_settings,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   target: str) -> None:
    before = snapshot(saved)

    def boom(*args: object, **kwargs: object) -> None:
        raise OSError("disk full (simulated)")

    if target == "faiss":
        monkeypatch.setattr(faiss, "write_index", boom)
    elif target == "numpy":
        monkeypatch.setattr(np, "save", boom)
    else:
        monkeypatch.setattr(Path, "write_text", boom)
    newer = dataclasses.replace(built, manifest={**built.manifest, "built_at": "later"})
    with pytest.raises(OSError, match="simulated"):
        save_index(newer, saved)
    monkeypatch.undo()
    assert snapshot(saved) == before
    assert sorted(p.name for p in saved.parent.iterdir()) == [saved.name], "temp folder left"
    load_index(saved, small_docs, small_settings)


def test_overwrite_replaces_and_cleans_up(built: IndexData, saved: Path) -> None:
    newer = dataclasses.replace(built, manifest={**built.manifest, "built_at": "later"})
    save_index(newer, saved)
    assert read_manifest(saved)["built_at"] == "later"
    assert sorted(p.name for p in saved.parent.iterdir()) == [saved.name]


def test_save_sweeps_up_old_leftovers_of_a_crash_but_not_fresh_ones(
        built: IndexData, saved: Path, caplog: pytest.LogCaptureFixture) -> None:
    parent = saved.parent
    old_tmp = parent / f".{saved.name}.tmp-crashed"
    old_swap = parent / f".{saved.name}.old-123"
    fresh_tmp = parent / f".{saved.name}.tmp-busy"  # another process may be saving now
    other = parent / ".unrelated.tmp-1"
    for folder in (old_tmp, old_swap, fresh_tmp, other):
        folder.mkdir()
        (folder / "chunks.jsonl").write_text("{}\n", encoding="utf-8")
    an_hour_and_more = time.time() - LEFTOVER_AGE_S - 60
    for folder in (old_tmp, old_swap, other):
        os.utime(folder, (an_hour_and_more, an_hour_and_more))
    with caplog.at_level(logging.INFO, logger="rag.store"):
        save_index(built, saved)
    assert sorted(p.name for p in parent.iterdir()) == sorted(
        [saved.name, fresh_tmp.name, other.name])
    assert "interrupted index save" in caplog.text


def test_a_folder_holding_other_files_is_never_replaced(built: IndexData, tmp_path: Path,
                                                        small_docs, small_settings,
                                                        embedder) -> None:
    # A user's own folder where the index would go: refused before any build,
    # and left exactly as it was.
    target = tmp_path / "default"
    (target / "src").mkdir(parents=True)
    (target / "src" / "thesis.tex").write_text("my thesis", encoding="utf-8")
    (target / "notes.txt").write_text("notes", encoding="utf-8")
    with pytest.raises(ForeignFolderError, match=r"notes\.txt, src"):
        save_index(built, target)
    engine = Engine(small_settings, index_dir=tmp_path, documents=small_docs, embedder=embedder)
    with pytest.raises(ForeignFolderError, match="choose another --index-dir"):
        engine.ensure_ready()
    assert (target / "src" / "thesis.tex").read_text(encoding="utf-8") == "my thesis"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["default"]
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    with pytest.raises(ForeignFolderError, match="not an index folder"):
        save_index(built, tmp_path / "afile")


def test_an_index_with_a_stray_file_is_still_rebuilt(built: IndexData, saved: Path) -> None:
    # An editor's backup or a file manager's note inside a real index must not
    # block every rebuild: the manifest says the folder is rag's.
    (saved / "manifest.json~").write_text("{}", encoding="utf-8")
    (saved / ".DS_Store").write_bytes(b"\0")
    save_index(built, saved)
    assert {p.name for p in saved.iterdir()} == FILES


def test_an_index_folder_gets_the_umask_permissions(built: IndexData, tmp_path: Path) -> None:
    # Not mkdtemp's owner-only 0700: another user may serve an index built by root.
    previous = os.umask(0o022)
    try:
        save_index(built, tmp_path / "default")
    finally:
        os.umask(previous)
    assert (tmp_path / "default").stat().st_mode & 0o777 == 0o755


def test_concurrent_saves_take_turns(built: IndexData, tmp_path: Path, small_docs,
                                     small_settings) -> None:
    path = tmp_path / "default"
    errors: list[BaseException] = []

    def save_many() -> None:
        for _ in range(8):
            try:
                save_index(built, path)
            except BaseException as exc:  # collected and asserted below
                errors.append(exc)

    threads = [threading.Thread(target=save_many) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["default"]
    load_index(path, small_docs, small_settings)
