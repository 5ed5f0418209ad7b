"""Start-up checks of the web app that need no server."""

from __future__ import annotations

import re
import socket

import pytest

from rag.errors import RagError
from ui.app import check_bindable
from ui.testing import free_port


def test_a_free_port_is_accepted() -> None:
    check_bindable("127.0.0.1", free_port())


def test_a_taken_port_is_refused_with_its_address() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(RagError, match=f"127.0.0.1:{port}.*--port"):
            check_bindable("127.0.0.1", port)


@pytest.mark.parametrize("port", [0, 65536, 99999])
def test_a_port_out_of_range_is_refused(port: int) -> None:
    with pytest.raises(RagError, match=str(port)):
        check_bindable("127.0.0.1", port)


def test_a_host_that_is_no_address_here_is_named_and_the_port_is_not_blamed() -> None:
    # 192.0.2.1 is for documentation (RFC 5737): never an address of this machine,
    # unless the system lets programs bind any address (net.ipv4.ip_nonlocal_bind).
    try:
        check_bindable("192.0.2.1", free_port())
    except RagError as exc:
        assert "192.0.2.1 is not an address of this machine" in str(exc)
        assert "--port" not in str(exc)
    else:
        pytest.skip("this system binds addresses it does not have")


def test_an_unknown_host_is_refused_by_name() -> None:
    with pytest.raises(RagError, match=re.escape("no-such-host.invalid")):
        check_bindable("no-such-host.invalid", 7860)


def test_serve_readies_the_engine_before_serving_and_watches_a_corpus(
        tmp_path, monkeypatch: pytest.MonkeyPatch, embedder, settings) -> None:
    import ui.app as app

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "festival.txt").write_text("The Zorblax festival is held in Quenton.",
                                         encoding="utf-8")
    calls: list[tuple[str, object]] = []
    real_over, real_build = app.Engine.over, app.build_app

    def over(corpus, index_dir=None):  # the test's settings and shared model
        eng = real_over(corpus, settings, index_dir=index_dir, embedder=embedder)
        monkeypatch.setattr(eng, "watch", lambda: calls.append(("watch", eng._ready)))
        # Process-wide (one torch thread): recorded, not done, inside the test run.
        monkeypatch.setattr(eng.embedder, "prefer_latency",
                            lambda: calls.append(("one thread", eng._ready)))
        return eng

    def build(engine):
        demo = real_build(engine)
        monkeypatch.setattr(demo, "block_thread", lambda: calls.append(("served", None)))
        return demo

    monkeypatch.setattr(app.Engine, "over", over)
    monkeypatch.setattr(app, "build_app", build)
    monkeypatch.setattr(app, "launch",
                        lambda demo, host, port, block: calls.append(("launch", demo.description)))
    app.serve(port=free_port(), index_dir=tmp_path / "index", corpus=folder)

    assert [name for name, _ in calls] == ["one thread", "watch", "launch", "served"]
    assert calls[0][1] is not None  # the index was ready before questions came
    # A served folder is not counted on the page: its files come and go.
    assert "the documents in the served folder" in str(calls[2][1])
