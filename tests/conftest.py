"""Shared fixtures: one real engine over the bundled article, built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.corpus import load_default_corpus
from rag.embedding import Embedder
from rag.engine import Engine
from rag.schema import Document
from rag.settings import Settings, load_settings


@pytest.fixture(scope="session")
def article() -> Document:
    """The bundled article."""
    return load_default_corpus()[0]


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    """The default model, loaded once for the whole test session."""
    return Embedder(Settings().model)


@pytest.fixture(scope="session")
def settings() -> Settings:
    """The settings the engine uses in production (calibrated file if present)."""
    return load_settings()


@pytest.fixture(scope="session")
def engine(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder,
           settings: Settings) -> Engine:
    """A ready engine over the article with its index in a temporary folder."""
    eng = Engine(settings, index_dir=tmp_path_factory.mktemp("index"), embedder=embedder)
    eng.ensure_ready()
    return eng


@pytest.fixture()
def index_dir(tmp_path: Path) -> Path:
    """An empty index folder for tests that build their own index."""
    return tmp_path / "index"
