"""The Gradio app: a chat for people in a browser and a typed ``/ask`` API.

``rag serve`` calls ``serve``; tests and benchmarks call ``build_app`` and
``launch`` on an engine of their own. Endpoints (all under ``/gradio_api/``):

* ``/chat``: the chat (message, top_k, mode; the page keeps the history) -> Markdown reply;
* ``/ask``: question, top_k, mode -> the answer schema as JSON;
* ``/ping``: does nothing; the transport floor for ``benchmarks/bench_server.py``.
"""

# No ``from __future__ import annotations`` here: ``gr.api`` reads the endpoint's
# return annotation from ``inspect.signature`` without resolving strings.

import errno
import html
import logging
import os
import socket
from pathlib import Path
from typing import Any

# Set before gradio is imported: it reads the variable at import time. An offline
# app must not phone home (usage analytics, version check).
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import gradio as gr

from rag.engine import DEFAULT_COLLECTION, Engine
from rag.errors import RagError
from rag.settings import MODES
from ui.formatting import coerce_top_k, respond

log = logging.getLogger(__name__)

TITLE = "Ask the article"
DESCRIPTION = (
    "Questions about the bundled article, answered with **verbatim quotes**, each cited "
    "[1], [2] to the exact characters it came from. Open *Sources* under a reply to see "
    "each quote highlighted in its passage. When the article does not hold the answer, "
    "the app says so instead of guessing."
)
# For a corpus of the user's own (``rag serve --corpus``): the examples above would
# ask about an article that is not there.
OWN_TITLE = "Ask the documents"
OWN_DESCRIPTION = (
    "Questions about {what}, answered with **verbatim quotes**, each cited [1], [2] to "
    "the exact characters it came from. Open *Sources* under a reply to see each quote "
    "highlighted in its passage. When the documents do not hold the answer, the app says "
    "so instead of guessing."
)
EXAMPLES = (
    "When was the SCO founded?",
    "What is this article about?",
    "What tariff will the EU put on Chinese electric vehicles?",
    "Which city was declared the SCO's cultural and tourist capital?",
    "Who won the 2018 FIFA World Cup?",  # not in the article: shows abstention
)
# The slider's range; the engine itself accepts up to MAX_TOP_K via the API.
TOP_K_SLIDER_MAX = 20

# A question costs a few milliseconds of CPU (one small embedding, a FAISS and a
# BM25 look-up, a matrix-vector product) and the engine is read-only and
# thread-safe after start-up, so requests may run side by side. Gradio's default
# of 1 would serialise every user behind the slowest request; far more than the
# core count only adds contention (torch's own threads already use every core),
# so a small multiple of a laptop's cores is the deliberate choice.
CONCURRENCY_LIMIT = 8
# Bound the waiting line so a flood of requests is refused rather than
# exhausting memory.
QUEUE_MAX_SIZE = 256

CSS = """
.rag-sources mark { background: #fde68a; color: inherit; padding: 0 0.1em; border-radius: 2px; }
.dark .rag-sources mark { background: #a16207; }
.rag-sources summary { cursor: pointer; font-weight: 600; }
.rag-source blockquote { margin: 0.25em 0 0.75em; }
"""


def _user_error(exc: RagError) -> gr.Error:
    # gr.Error renders its message as HTML in the browser's modal, and engine
    # messages echo the offending value, so escape it (quotes stay readable).
    return gr.Error(html.escape(str(exc), quote=False), print_exception=False)


def build_app(engine: Engine) -> gr.Blocks:
    """Build the chat app and API around a ready engine.

    Args:
        engine: The shared engine; call ``engine.ensure_ready()`` first so no
            request pays for loading the index.

    Returns:
        The app, with its queue configured; start it with ``launch``.
    """
    settings = engine.settings
    bundled = engine.collection == DEFAULT_COLLECTION
    examples: tuple[str, ...] = EXAMPLES
    if bundled:
        title, description = TITLE, DESCRIPTION
        hint, placeholder = "When was the SCO founded?", ("Ask a question about the article, "
                                                          "or pick an example below.")
    else:
        count = len(engine.documents)
        # Counted, not named: a file name could hold Markdown or HTML. A folder's
        # files are not counted: the page is built once, and files come and go
        # while the folder is served (``Engine.watch``).
        if engine.corpus is not None and engine.corpus.is_dir():
            what = "the documents in the served folder"
        else:
            what = "the document" if count == 1 else f"{count:,} documents"
        title, description, examples = OWN_TITLE, OWN_DESCRIPTION.format(what=what), ()
        hint, placeholder = "Ask a question", "Ask a question about the documents."

    def chat(message: str, history: list[Any], top_k: float, mode: str) -> str:
        try:
            return respond(message, history, top_k, mode, engine=engine)
        except RagError as exc:
            raise _user_error(exc) from exc

    def ask(question: str, top_k: int = settings.top_k,
            mode: str = settings.mode) -> dict[str, Any]:
        """Answer a question about the document with verbatim, cited quotes.

        Args:
            question: The question, 1 to 2,000 characters.
            top_k: How many passages to retrieve, 1 to 50.
            mode: Retrieval mode: "hybrid", "dense" or "bm25".

        Returns:
            The answer: question, answer (a short span, "" when abstained),
            abstained, confidence, doubts [{rule, message}], quotes [{text,
            doc_id, chunk_id, start, end, score}], passages [{text, doc_id,
            chunk_id, start, end, score, rank}] and timings_ms. Offsets index
            the document text:
            text == document[start:end].
        """
        try:
            return engine.ask(question, top_k=coerce_top_k(top_k), mode=mode).to_dict()
        except RagError as exc:
            raise _user_error(exc) from exc

    def ping() -> str:
        """Do nothing: measures the transport cost of one API call."""
        return "pong"

    chatbot = gr.Chatbot(
        label="Answers",
        # Replies hold HTML (<details>, <mark>) that formatting.py builds from
        # escaped text; keep Gradio's sanitiser on as a second line of defence.
        sanitize_html=True,
        # Document text may contain "$"; never render it as LaTeX.
        latex_delimiters=[],
        feedback_options=None,
        placeholder=placeholder,
        height=640,
    )
    # The ChatInterface is the app itself, so its additional inputs render in their
    # accordion under the chat; the API-only endpoints are added to it afterwards.
    demo = gr.ChatInterface(
        chat,
        chatbot=chatbot,
        textbox=gr.Textbox(placeholder=hint, submit_btn=True,
                           max_lines=6, show_label=False),
        additional_inputs=[
            gr.Slider(1, TOP_K_SLIDER_MAX, value=min(settings.top_k, TOP_K_SLIDER_MAX),
                      step=1, label="Passages to retrieve (top-k)"),
            gr.Dropdown(list(MODES), value=settings.mode, label="Retrieval mode"),
        ],
        additional_inputs_accordion=gr.Accordion("Retrieval options", open=False),
        examples=[[q, settings.top_k, settings.mode] for q in examples] or None,
        title=title,
        description=description,
        api_name="chat",
        api_description="Chat reply as Markdown: bold answer, cited quotes, sources.",
        flagging_mode="never",
        autofocus=True,
    )
    with demo:
        gr.api(ask, api_name="ask")
        gr.api(ping, api_name="ping")
    demo.queue(default_concurrency_limit=CONCURRENCY_LIMIT, max_size=QUEUE_MAX_SIZE)
    return demo


def launch(demo: gr.Blocks, host: str = "127.0.0.1", port: int = 7860,
           block: bool = True) -> str:
    """Start the app on ``host:port``, locally only (never a public share link).

    Args:
        demo: From ``build_app``.
        host: Interface to bind.
        port: Port to bind.
        block: Serve until interrupted; ``False`` returns once the server is up.

    Returns:
        The local URL.
    """
    _, url, _ = demo.launch(
        server_name=host,
        server_port=port,
        share=False,
        inbrowser=False,
        prevent_thread_lock=True,
        quiet=True,
        show_error=True,  # the user's error messages reach the browser's modal
        ssr_mode=False,  # client-side rendering: no Node.js process needed
        css=CSS,
    )
    log.info("serving on %s", url)
    if block:
        demo.block_thread()
    return str(url)


def serve(host: str = "127.0.0.1", port: int = 7860, index_dir: Path | None = None,
          corpus: Path | None = None) -> None:
    """Load the model and index once, then serve the app until interrupted.

    Args:
        host: Interface to bind (default: localhost only).
        port: Port to bind.
        index_dir: Index folder; defaults to the project's ``index/``.
        corpus: A text file or folder of them to serve instead of the bundled
            article (``rag.corpus.load_corpus``); edits to them are seen within
            seconds and answered from once re-indexed (``Engine.watch``).

    Raises:
        RagError: The port is taken or the host cannot be bound (checked before
            the model loads, so the message comes at once).
    """
    check_bindable(host, port)
    engine = Engine.over(corpus, index_dir=index_dir)
    # Builds or refreshes a missing/stale index here, so no request waits for it.
    engine.ensure_ready(progress=False)
    engine.embedder.prefer_latency()  # the index is built: from now on, single questions
    if corpus is not None:
        # Edited documents are re-read and re-indexed while the server runs; until
        # the new index is ready, answers come from the previous one.
        engine.watch()
    demo = build_app(engine)
    launch(demo, host, port, block=False)
    url = _display_url(host, port)
    # The one line a person needs: printed, not logged, so it shows at any log level.
    print(f"Serving on {url}  (API: {url}?view=api)  Press Ctrl+C to stop.", flush=True)
    demo.block_thread()


def check_bindable(host: str, port: int) -> None:
    """Raise RagError naming the address if ``host:port`` cannot be bound now."""
    if not 0 < port < 65536:
        raise RagError(f"Port {port} is out of range; use 1-65535.")
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise RagError(f"Host {host!r} is unknown ({exc.strerror}); try 127.0.0.1.") from exc
    family, _, _, _, address = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRNOTAVAIL:
                # The host is no address of this machine: the port is not the problem.
                raise RagError(
                    f"Cannot listen on {host}:{port} ({exc.strerror}): {host} is not an "
                    "address of this machine. Pass --host 127.0.0.1 (this machine only) or "
                    "0.0.0.0 (every interface)."
                ) from exc
            raise RagError(
                f"Cannot listen on {host}:{port} ({exc.strerror}); another server may be "
                "using it. Stop it or pass --port with a free port."
            ) from exc


def _display_url(host: str, port: int) -> str:
    # 0.0.0.0 binds every interface but is not an address a browser can open.
    shown = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    return f"http://{shown}:{port}/"
