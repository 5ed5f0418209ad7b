"""Unit tests of the chat reply's formatting, with the real engine (no server)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rag.embedding import Embedder
from rag.engine import Engine
from rag.errors import InvalidQuestionError, InvalidRequestError
from rag.schema import NO_ANSWER_MESSAGE, Answer, Document, Doubt, Quote
from rag.settings import Settings
from ui.formatting import (
    coerce_top_k,
    escape_context,
    escape_text,
    format_answer,
    respond,
    unescape_text,
)

FOUNDED = "When was the SCO founded?"
NOT_IN_ARTICLE = "Who won the 2018 FIFA World Cup?"
MARKS = re.compile(r"<mark>(.*?)</mark>", re.S)


def test_answer_is_bold_and_quotes_are_cited_blockquotes(engine: Engine) -> None:
    answer = engine.ask(FOUNDED)
    reply = respond(FOUNDED, [], None, None, engine=engine)

    assert not answer.abstained
    assert reply.startswith(f"**{escape_text(answer.answer)}**")
    assert "2001" in reply.split("\n", 1)[0]
    for n, quote in enumerate(answer.quotes, 1):
        assert f"> {escape_text(quote.text)} [{n}]" in reply.splitlines()
    assert f"[{len(answer.quotes) + 1}]" not in reply


def test_sources_mark_each_quote_inside_its_passage(engine: Engine, article: Document) -> None:
    answer = engine.ask(FOUNDED)
    reply = respond(FOUNDED, [], None, None, engine=engine)

    details = reply[reply.index("<details"):reply.index("</details>")]
    assert "<summary>Sources" in details
    marks = MARKS.findall(details)
    assert [unescape_text(m) for m in marks] == [q.text for q in answer.quotes]
    assert marks == [escape_text(q.text) for q in answer.quotes]
    for n, quote in enumerate(answer.quotes, 1):
        assert f"<strong>[{n}]</strong> {escape_text(quote.doc_id)}, chunk {quote.chunk_id}, "\
               f"characters {quote.start}–{quote.end}" in details
        assert article.text[quote.start:quote.end] == quote.text
    # The context around the first mark is the article's own text around the quote.
    first = answer.quotes[0]
    block = details.split("<blockquote>", 1)[1].split("</blockquote>", 1)[0]
    before = unescape_text(block.split("<mark>", 1)[0])
    assert before.strip()
    # Same words as the article before the quote (paragraph breaks are tidied for display).
    assert " ".join(article.text[:first.start].split()).endswith(" ".join(before.split()))


def test_a_quote_whose_document_changed_is_shown_without_context(engine: Engine,
                                                                  article: Document) -> None:
    # The documents were re-read between the answer and its rendering: offsets into
    # the old text must not cut the new one.
    answer = engine.ask(FOUNDED)
    edited = Document(article.doc_id, "A new first line.\n" + article.text)
    reply = format_answer(answer, {article.doc_id: edited})
    blocks = re.findall(r"<blockquote>(.*?)</blockquote>", reply, re.S)
    assert blocks == [f"<mark>{escape_text(q.text)}</mark>" for q in answer.quotes]
    # Unchanged, the same answer shows its context.
    assert format_answer(answer, {article.doc_id: article}).count("<blockquote><mark>") < len(
        answer.quotes)


def test_abstention_says_so_and_offers_closest_passages(engine: Engine) -> None:
    answer = engine.ask(NOT_IN_ARTICLE)
    reply = respond(NOT_IN_ARTICLE, [], None, None, engine=engine)

    assert answer.abstained
    assert reply.startswith(f"**{NO_ANSWER_MESSAGE}**")
    assert "you may want to read" in reply
    assert "<mark>" not in reply
    assert not re.search(r"\[\d+\]", reply)
    for passage in answer.passages[:3]:
        assert escape_context(passage.text) in reply


def test_an_abstention_says_why_when_a_rule_doubted_it(engine: Engine) -> None:
    reply = respond("What is France's capital?", [], None, None, engine=engine)
    why = next(line for line in reply.splitlines() if line.startswith("*Why:*"))
    assert "France" in unescape_text(why) and "never mention" in why
    # The low-match abstention names no rule, and says nothing it cannot back.
    low = "What is the boiling point of water?"
    assert engine.ask(low).abstained and not engine.ask(low).doubts
    assert "*Why:*" not in respond(low, [], None, None, engine=engine)


def test_a_doubted_answer_carries_a_caution_and_the_question_stays_inert() -> None:
    quote = Quote("Founded in 2001, the organization grew.", "d", 0, 0, 39, 0.9)
    doubt = Doubt("unknown_name", "The question names “<b>*Paris*</b>”, which the documents "
                                  "never mention.")
    answer = Answer("When?", "2001", False, 0.5, (quote,), (), {"total": 1.0}, (doubt,))
    reply = format_answer(answer, {})
    caution = next(line for line in reply.splitlines() if line.startswith("*Caution:*"))
    assert "<b>" not in caution and "*Paris*" not in caution
    assert unescape_text(caution.removeprefix("*Caution:* ")) == doubt.message


def test_options_reach_the_engine(engine: Engine) -> None:
    reply = respond(FOUNDED, [], 1.0, "bm25", engine=engine)  # sliders send floats
    assert reply.startswith("**")
    assert reply.count('class="rag-source"') >= 1


@pytest.mark.parametrize(("message", "top_k", "mode", "error"), [
    ("", 5, "hybrid", InvalidQuestionError),
    ("   ", 5, "hybrid", InvalidQuestionError),
    ("x" * 3000, 5, "hybrid", InvalidQuestionError),
    (FOUNDED, 5, "bogus", InvalidRequestError),
    (FOUNDED, 0, "hybrid", InvalidRequestError),
    (FOUNDED, 2.5, "hybrid", InvalidRequestError),
])
def test_invalid_input_raises_the_engine_error(engine: Engine, message: str, top_k: float,
                                               mode: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        respond(message, [], top_k, mode, engine=engine)


def test_coerce_top_k() -> None:
    assert coerce_top_k(5.0) == 5 and isinstance(coerce_top_k(5.0), int)
    assert coerce_top_k(2.5) == 2.5
    assert coerce_top_k(None) is None
    assert coerce_top_k("5") == "5"


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "*bold* _it_ `code` [link](javascript:alert(1)) ![img](x) $$x^2$$ ~~s~~ | a | b |",
    "# heading\n1. list\n- item\n> quote\n\n\nnext & co",
    "https://example.com www.example.com a@b.com",
    # Straight quotes, which once came back as "&#x27;".
    "Tokayev's 'view' & \"plan\"",
])
def test_escape_text_is_inert_and_reversible(text: str) -> None:
    escaped = escape_text(text)
    assert unescape_text(escaped) == text
    assert "<" not in escaped.replace("<br>", "")
    literal = re.sub(r"&#\d+;|&[a-z]+;|<br>", "", escaped)  # what the parser sees as text
    assert not set(literal) & set("*_`[]()!$~|#<>\n:")


def test_hostile_document_shows_as_text(tmp_path: Path, embedder: Embedder) -> None:
    text = ("The Zorblax festival was founded in 1987 by farmers <script>alert(1)</script> "
            "in Quenton. Its emblem is a golden pumpkin <img src=x onerror=alert(1)> "
            "that is *really* [big](javascript:alert(1)).\n\nIt is held every spring "
            "on the main square of Quenton.")
    engine = Engine(Settings(), index_dir=tmp_path, embedder=embedder,
                    documents=[Document("evil<b>.txt", text, "evil")])
    for question in ("When was the Zorblax festival founded?", "What is the emblem?",
                     NOT_IN_ARTICLE):
        reply = respond(question, [], None, None, engine=engine)
        lowered = reply.lower()
        assert "<script" not in lowered
        assert "<img" not in lowered
        assert "<b>" not in lowered
        assert "](" not in reply and "*really*" not in reply
        assert "&lt;script&gt;" in reply  # shown, as text
