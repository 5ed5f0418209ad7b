"""Types of the fixtures in tests/rag/conftest.py, for the tests' annotations."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rag.answering import Answerer
from rag.engine import Engine
from rag.schema import Document

# An engine over the given documents (fixture ``over``).
Over = Callable[[Sequence[Document]], Engine]
# An answerer over one document, whose vectors are all alike (fixture ``one_document``).
OneDocument = Callable[[str], Answerer]
