"""Split models: pieces joined once, every file checked against its pinned SHA-256."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import pytest

import rag.embedding
from rag.embedding import resolve_model_path
from rag.errors import ModelLoadError
from rag.models import MPNET, SplitModel, find_split_model, materialize, model_cache_dir

FILES = {"config.json": b'{"hidden_size": 8}', "1_Pooling/config.json": b'{"mean": true}',
         "model.safetensors": bytes(range(256)) * 40}


def _model(files: dict[str, bytes] = FILES) -> SplitModel:
    return SplitModel(
        name="tiny-model", aliases=("org/tiny-model",), parts=("tiny-model-part-001",),
        folder="tiny", files={k: hashlib.sha256(v).hexdigest() for k, v in files.items()},
        source="the test", extra="tiny")


def _pieces(tmp_path: Path, files: dict[str, bytes], n: int = 3) -> list[Path]:
    """A zip of ``tiny/<file>`` entries (plus clutter), cut into ``n`` piece files."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for rel, data in files.items():
            archive.writestr(f"tiny/{rel}", data)
        archive.writestr("tiny/desktop.ini", b"clutter")
    data = buffer.getvalue()
    size = -(-len(data) // n)
    pieces = []
    for i in range(n):
        piece = tmp_path / f"tiny.zip.{i + 1:03d}"
        piece.write_bytes(data[i * size:(i + 1) * size])
        pieces.append(piece)
    return pieces


def test_pieces_join_into_a_verified_folder_holding_only_the_pinned_files(
        tmp_path: Path) -> None:
    pieces = _pieces(tmp_path, FILES)
    folder = materialize(_model(), tmp_path / "cache", pieces)

    assert folder == tmp_path / "cache" / "tiny-model"
    for rel, data in FILES.items():
        assert (folder / rel).read_bytes() == data
    assert not (folder / "desktop.ini").exists()
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == ["tiny-model"]  # no temp left

    # The second start uses the folder: the pieces are no longer needed.
    for piece in pieces:
        piece.unlink()
    assert materialize(_model(), tmp_path / "cache", pieces) == folder


def test_a_file_that_differs_from_its_published_hash_is_refused(tmp_path: Path) -> None:
    tampered = dict(FILES, **{"model.safetensors": b"other weights"})
    with pytest.raises(ModelLoadError, match=r"model\.safetensors.*SHA-256.*refusing"):
        materialize(_model(), tmp_path / "cache", _pieces(tmp_path, tampered))
    # Nothing half-written stays behind to be loaded later.
    assert list((tmp_path / "cache").iterdir()) == []


def test_a_missing_file_or_a_broken_join_is_a_clear_error(tmp_path: Path) -> None:
    partial = {k: v for k, v in FILES.items() if k != "config.json"}
    with pytest.raises(ModelLoadError, match=r"lack 'tiny/config\.json'"):
        materialize(_model(), tmp_path / "cache", _pieces(tmp_path, partial))

    pieces = _pieces(tmp_path, FILES)
    with pytest.raises(ModelLoadError, match=r"do not join into a zip.*force-reinstall"):
        materialize(_model(), tmp_path / "cache", pieces[:1])  # one piece missing


def test_an_unwritable_cache_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    with pytest.raises(ModelLoadError, match=r"Cannot write model 'tiny-model'.*RAG_MODEL_CACHE"):
        materialize(_model(), blocker, _pieces(tmp_path, FILES))


def test_an_uninstalled_piece_names_the_package_and_the_install_command(
        tmp_path: Path) -> None:
    with pytest.raises(ModelLoadError, match=r"tiny-model-part-001.*not installed.*\.\[tiny\]"):
        materialize(_model(), tmp_path / "cache")


def test_settings_names_resolve_to_the_joined_folder(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    assert find_split_model("all-mpnet-base-v2") is MPNET
    assert find_split_model("sentence-transformers/all-mpnet-base-v2") is MPNET
    assert find_split_model("all-MiniLM-L6-v2") is None
    # Every file sentence-transformers reads is pinned, the weights included.
    assert {"model.safetensors", "modules.json", "tokenizer.json"} <= set(MPNET.files)
    assert all(len(h) == 64 and int(h, 16) >= 0 for h in MPNET.files.values())

    joined: list[str] = []
    monkeypatch.setattr(rag.embedding, "materialize",
                        lambda model: joined.append(model.name) or tmp_path)
    assert resolve_model_path("all-mpnet-base-v2") == str(tmp_path)
    assert joined == ["all-mpnet-base-v2"]


def test_cache_folder_follows_the_environment(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAG_MODEL_CACHE", str(tmp_path / "models"))
    assert model_cache_dir() == tmp_path / "models"
    monkeypatch.delenv("RAG_MODEL_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert model_cache_dir() == tmp_path / "xdg" / "rag-citations" / "models"


def test_the_shipped_mpnet_settings_load_and_name_the_verified_model() -> None:
    from rag.settings import load_settings, project_root

    settings = load_settings(project_root() / "eval" / "settings" / "mpnet.json")
    assert find_split_model(settings.model) is MPNET
    # Its own threshold: confidences from another model are on another scale.
    assert 0.0 < settings.abstain_threshold < 1.0
    assert settings.abstain_threshold != load_settings(project_root() / "missing.json"
                                                       ).abstain_threshold
