"""Live servers shared by the HTTP and browser tests (each starts once per session)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ui.testing import free_port, running_server, serve_command

# A corpus that tries every way a document could inject markup into the reply.
HOSTILE_TEXT = (
    "The Zorblax festival in Quenton was founded in 1987 by local farmers "
    "<script>window.__xss=1</script> who wanted to celebrate the harvest. "
    'Its emblem is a pumpkin <img src=x onerror="window.__xss=2"> painted gold. '
    "Visitors say it is *really* [fun](javascript:window.__xss=3) and # loud.\n\n"
    "The festival is held every spring on the main square of Quenton and lasts three days."
)


@pytest.fixture(scope="session")
def article_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``rag serve`` over the bundled article, on a free port; yields its URL."""
    port = free_port()
    index_dir = tmp_path_factory.mktemp("served-index")
    with running_server(serve_command(port, index_dir), port) as url:
        yield url


@pytest.fixture(scope="session")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app over a document holding <script>, <img onerror> and Markdown tricks."""
    folder = tmp_path_factory.mktemp("hostile")
    corpus = folder / "hostile.txt"
    corpus.write_text(HOSTILE_TEXT, encoding="utf-8")
    port = free_port()
    with running_server(serve_command(port, folder / "index", corpus=corpus), port) as url:
        yield url
