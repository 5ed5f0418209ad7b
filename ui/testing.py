"""Starting and stopping a real app server in a subprocess (for tests and benchmarks).

The server runs in its own process, exactly as a user starts it, so the tests
and the benchmark exercise the real start-up path and the real HTTP transport.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

DEFAULT_HOST = "127.0.0.1"
# Loading torch, the model and Gradio (and building a fresh index) takes tens of
# seconds on a small machine; a hung start-up still fails within a test's patience.
READY_TIMEOUT_S = 120.0


def free_port(host: str = DEFAULT_HOST) -> int:
    """A TCP port that was free a moment ago (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def serve_command(port: int, index_dir: Path, host: str = DEFAULT_HOST,
                  corpus: Path | None = None) -> list[str]:
    """The ``rag serve`` command line, run with this interpreter.

    Args:
        port: The port to bind.
        index_dir: The ``--index-dir``.
        host: The host to bind.
        corpus: A ``--corpus`` to serve instead of the bundled article.
    """
    return [sys.executable, "-m", "rag", "serve", "--host", host, "--port", str(port),
            "--index-dir", str(index_dir), *(["--corpus", str(corpus)] if corpus else [])]


def _is_ready(url: str) -> bool:
    # No proxy: the server is local, and a proxy from the environment must not
    # see (or break) these requests.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(url + "gradio_api/info", timeout=2) as response:
            return int(response.status) == 200
    except (urllib.error.URLError, OSError):
        return False


@contextlib.contextmanager
def running_server(command: Sequence[str], port: int, host: str = DEFAULT_HOST,
                   timeout: float = READY_TIMEOUT_S) -> Iterator[str]:
    """Run a server command, wait until it answers, yield its URL, always stop it.

    Args:
        command: The server's command line (``serve_command``).
        port: The port the command binds.
        host: The host the command binds.
        timeout: Seconds to wait for the server to answer.

    Raises:
        RuntimeError: The server exited or did not answer in time; the message
            holds its output.
    """
    url = f"http://{host}:{port}/"
    # Output goes to a file, not a pipe: nobody reads a pipe while the server
    # runs, and a full pipe would block the server.
    with tempfile.TemporaryFile(mode="w+b") as log_file:
        env = {**os.environ, "GRADIO_ANALYTICS_ENABLED": "False", "PYTHONUNBUFFERED": "1"}
        proc = subprocess.Popen(list(command), stdout=log_file, stderr=subprocess.STDOUT,
                                env=env)
        try:
            deadline = time.monotonic() + timeout
            while not _is_ready(url):
                if proc.poll() is not None:
                    raise RuntimeError(f"server exited with code {proc.returncode} before "
                                       f"answering:\n{_read(log_file)}")
                if time.monotonic() > deadline:
                    raise RuntimeError(f"server did not answer on {url} within {timeout:.0f} s:"
                                       f"\n{_read(log_file)}")
                time.sleep(0.25)
            yield url
        finally:
            _stop(proc)


def _read(log_file: IO[bytes]) -> str:
    log_file.flush()
    log_file.seek(0)
    return log_file.read().decode("utf-8", errors="replace")[-20_000:]


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=15)
