"""Rendering an answer as one Markdown chat reply: pure functions, no Gradio.

The reply is Markdown with a few HTML blocks (``<details>``, ``<mark>``), rendered
by Gradio's Chatbot. Every piece of document text goes through ``escape_text``
first, so a document can neither inject HTML (``<script>``, ``<img onerror>``) nor
Markdown (``*bold*``, ``[link](url)``, ``# heading``, ``$$latex$$``): it always
shows as the literal characters of the source.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from rag.schema import NO_ANSWER_MESSAGE, Answer, Document, Passage, Quote

# Characters that Markdown (CommonMark/GFM, plus Gradio's LaTeX and the
# strikethrough extension) can give a meaning to. Numeric character references
# are literal text to a Markdown parser, so encoding these keeps document text
# inert in both Markdown and HTML contexts, wherever it lands in the reply.
_MARKDOWN_SPECIALS = "\\`*_{}[]()#+-.!|~$:="
# One table for HTML's characters and Markdown's, applied in one pass: escaping
# HTML first and Markdown after would re-encode the "#" of "&#x27;" and show an
# apostrophe as "&#x27;".
_ENTITIES = {ord(c): f"&#{ord(c)};" for c in _MARKDOWN_SPECIALS} | {
    ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord('"'): "&quot;", ord("'"): "&#39;"}
# A blank line would end an HTML block and drop back to Markdown parsing, and a
# single newline inside a blockquote line could start a list; ``<br>`` keeps the
# document's line structure visible without either effect.
_NEWLINE = re.compile(r"\r\n|\r|\n")
# Articles separate paragraphs with several blank lines; around a quote one
# paragraph break reads better (the quote itself is always shown exactly).
_PARAGRAPH_BREAK = re.compile(r"(?:\r\n|\r|\n)[ \t]*(?:(?:\r\n|\r|\n)[ \t]*)+")
# The abstention reply offers this many of the closest passages.
CLOSEST_PASSAGES = 3


class AnswersQuestions(Protocol):
    """What ``respond`` needs from an engine (``rag.engine.Engine`` satisfies it)."""

    @property
    def documents(self) -> Sequence[Document]:
        """The corpus the engine quotes from."""
        ...

    def ask(self, question: str, top_k: int | None = None, mode: str | None = None) -> Answer:
        """Answer one question."""
        ...


def escape_text(text: str) -> str:
    """Make document text safe to place anywhere in the Markdown/HTML reply.

    HTML-escapes ``& < > " '``, encodes Markdown-significant punctuation as
    numeric character references and turns newlines into ``<br>``.
    ``unescape_text`` inverts it exactly.
    """
    escaped = text.translate(_ENTITIES)
    return _NEWLINE.sub("<br>", escaped)


def escape_context(text: str) -> str:
    """``escape_text`` for text shown around a quote, with paragraph breaks tidied."""
    return escape_text(_PARAGRAPH_BREAK.sub("\n\n", text))


def unescape_text(markup: str) -> str:
    """Invert ``escape_text`` (for tests and for reading replies back)."""
    return html.unescape(markup.replace("<br>", "\n"))


def coerce_top_k(top_k: Any) -> Any:
    """Turn a whole float (sliders and JSON clients send ``5.0``) into an int.

    Anything else is returned unchanged for the engine to accept or reject with
    its own message.
    """
    if isinstance(top_k, float) and top_k.is_integer():
        return int(top_k)
    return top_k


def respond(message: str, history: Sequence[Any], top_k: Any = None, mode: str | None = None,
            *, engine: AnswersQuestions) -> str:
    """Answer a chat message and render the reply as Markdown.

    Args:
        message: The user's question.
        history: The chat so far; unused, since every question stands alone
            (answers quote the document, not the conversation).
        top_k: Passages to retrieve; ``None`` uses the engine's settings.
        mode: Retrieval mode; ``None`` uses the engine's settings.
        engine: Answers the question; injected so tests can pass their own.

    Returns:
        The Markdown reply.

    Raises:
        rag.errors.RagError: Invalid question or options (the app turns it into
            a ``gr.Error`` with the same message).
    """
    del history
    answer = engine.ask(message, top_k=coerce_top_k(top_k), mode=mode or None)
    return format_answer(answer, {d.doc_id: d for d in engine.documents})


def format_answer(answer: Answer, documents: Mapping[str, Document]) -> str:
    """Render an answer: bold short answer, cited quotes, collapsible sources.

    Args:
        answer: The engine's answer.
        documents: The corpus by ``doc_id``, for the context around each quote.
    """
    if answer.abstained:
        return _format_abstention(answer)
    parts = [f"**{escape_text(answer.answer)}**", ""]
    for n, quote in enumerate(answer.quotes, 1):
        parts.append(f"> {escape_text(quote.text)} [{n}]")
        parts.append(">")
    parts.pop()  # no dangling empty blockquote line after the last quote
    parts.append("")
    sources = "".join(
        _source_html(n, quote, _passage_for(quote, answer.passages), documents)
        for n, quote in enumerate(answer.quotes, 1)
    )
    parts.append(f'<details class="rag-sources"><summary>Sources ({len(answer.quotes)})'
                 f"</summary>{sources}</details>")
    if answer.doubts:
        # Said next to the answer, not hidden: it passed the threshold despite them.
        parts += ["", _doubts_line("Caution", answer)]
    parts += ["", _footer(answer)]
    return "\n".join(parts)


def _doubts_line(label: str, answer: Answer) -> str:
    """The answer's doubts as one line; their messages may repeat the question's
    words, so they are escaped like document text."""
    return f"*{label}:* " + " ".join(escape_text(d.message) for d in answer.doubts)


def _format_abstention(answer: Answer) -> str:
    parts = [f"**{NO_ANSWER_MESSAGE}**", ""]
    if answer.doubts:
        parts += [_doubts_line("Why", answer), ""]
    closest = answer.passages[:CLOSEST_PASSAGES]
    if closest:
        parts += ["The closest passages, which you may want to read:", ""]
        items = "".join(_passage_html(p) for p in closest)
        # Open by default: here the passages are the whole reply.
        parts.append(f'<details class="rag-sources" open><summary>Closest passages '
                     f"({len(closest)})</summary>{items}</details>")
        parts.append("")
    parts.append(_footer(answer))
    return "\n".join(parts)


def _passage_for(quote: Quote, passages: Sequence[Passage]) -> Passage | None:
    for passage in passages:
        if passage.doc_id == quote.doc_id and passage.chunk_id == quote.chunk_id:
            return passage
    return None


def _location(doc_id: str, chunk_id: int, start: int, end: int) -> str:
    return f"{escape_text(doc_id)}, chunk {chunk_id}, characters {start}–{end}"


def _source_html(n: int, quote: Quote, passage: Passage | None,
                 documents: Mapping[str, Document]) -> str:
    """One cited source: its location, then its passage with the quote marked."""
    doc = documents.get(quote.doc_id)
    mark = f"<mark>{escape_text(quote.text)}</mark>"
    # The context is shown only where the offsets still hold: the documents may
    # have been re-read (``Engine.refresh``) since the answer was given.
    if (doc is None or passage is None or doc.text[quote.start : quote.end] != quote.text
            or doc.text[passage.start : passage.end] != passage.text):
        body = mark
    else:
        # A quote may run past its chunk's edge (sentences are owned by the chunk
        # holding most of them), so show the union of both spans.
        start, end = min(passage.start, quote.start), max(passage.end, quote.end)
        body = (escape_context(doc.text[start:quote.start]) + mark
                + escape_context(doc.text[quote.end:end]))
    where = _location(quote.doc_id, quote.chunk_id, quote.start, quote.end)
    return (f'<div class="rag-source"><p><strong>[{n}]</strong> {where}</p>'
            f"<blockquote>{body}</blockquote></div>")


def _passage_html(passage: Passage) -> str:
    where = _location(passage.doc_id, passage.chunk_id, passage.start, passage.end)
    return (f'<div class="rag-source"><p><strong>#{passage.rank}</strong> {where}</p>'
            f"<blockquote>{escape_context(passage.text)}</blockquote></div>")


def _footer(answer: Answer) -> str:
    total = answer.timings_ms.get("total", 0.0)
    return f"<sub>confidence {answer.confidence:.2f} · {total:.0f} ms</sub>"
