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


def test_an_unknown_host_is_refused_by_name() -> None:
    with pytest.raises(RagError, match=re.escape("no-such-host.invalid")):
        check_bindable("no-such-host.invalid", 7860)
