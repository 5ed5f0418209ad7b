"""Fixtures for the library's tests: engines over small corpora of their own, and
answerers whose vectors are all alike, so that only the lexical rules decide."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from rag.answering import Answerer
from rag.engine import Engine
from rag.schema import Document
from rag.sentences import sentences_of
from tests.rag.helpers import OneDocument, Over


@pytest.fixture()
def over(tmp_path_factory: pytest.TempPathFactory, engine: Engine) -> Over:
    """A factory of engines over given documents, with the session engine's
    settings and model; each gets an index folder of its own."""
    def make(docs: Sequence[Document]) -> Engine:
        return Engine(engine.settings, index_dir=tmp_path_factory.mktemp("over"),
                      documents=list(docs), embedder=engine.embedder)
    return make


@pytest.fixture(scope="session")
def one_document() -> OneDocument:
    """A factory of answerers over one document "d" that is one passage; its
    sentence vectors are all alike, so only lexical rules decide."""
    def make(text: str) -> Answerer:
        sentences = sentences_of([Document("d", text)])
        vectors = np.ones((len(sentences), 4), dtype=np.float32) / 2.0
        return Answerer(sentences, vectors, [list(range(len(sentences)))], {"d": text})
    return make
