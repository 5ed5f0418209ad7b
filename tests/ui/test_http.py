"""End to end over HTTP: ``rag serve`` in a subprocess, called with gradio_client."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from gradio_client import Client

from rag.corpus import load_default_corpus
from rag.settings import MAX_TOP_K, MODES
from ui.testing import free_port, running_server, serve_command

pytestmark = pytest.mark.slow

ANSWER_KEYS = {"question", "answer", "abstained", "confidence", "doubts", "quotes",
               "passages", "timings_ms"}
QUOTE_KEYS = {"text", "doc_id", "chunk_id", "start", "end", "score"}
PASSAGE_KEYS = QUOTE_KEYS | {"rank"}
FOUNDED = "When was the SCO founded?"


@pytest.fixture(scope="module")
def client(article_server: str) -> Iterator[Client]:
    yield Client(article_server, verbose=False)


def _check_schema(result: dict[str, Any], question: str) -> None:
    documents = {d.doc_id: d.text for d in load_default_corpus()}
    assert set(result) == ANSWER_KEYS
    assert result["question"] == question
    assert isinstance(result["confidence"], float) and 0.0 <= result["confidence"] <= 1.0
    assert {"embed", "retrieve", "answer", "total"} <= set(result["timings_ms"])
    for quote in result["quotes"]:
        assert set(quote) == QUOTE_KEYS
        assert documents[quote["doc_id"]][quote["start"]:quote["end"]] == quote["text"]
    for rank, passage in enumerate(result["passages"], 1):
        assert set(passage) == PASSAGE_KEYS
        assert passage["rank"] == rank
        assert documents[passage["doc_id"]][passage["start"]:passage["end"]] == passage["text"]
    if result["abstained"]:
        assert result["answer"] == "" and result["quotes"] == []
    else:
        assert result["answer"] and result["answer"] in result["quotes"][0]["text"]


def test_ask_answers_with_cited_quotes(client: Client) -> None:
    question = "When was the SCO founded?"
    result = client.predict(question, api_name="/ask")
    _check_schema(result, question)
    assert not result["abstained"]
    assert "2001" in result["answer"]
    assert len(result["passages"]) == 5  # the settings' default top_k


@pytest.mark.parametrize("mode", MODES)
def test_ask_options(client: Client, mode: str) -> None:
    question = "What tariff will the EU put on Chinese electric vehicles?"
    result = client.predict(question=question, top_k=3, mode=mode, api_name="/ask")
    _check_schema(result, question)
    assert len(result["passages"]) <= 3


def test_ask_abstains_on_a_question_the_article_does_not_answer(client: Client) -> None:
    question = "Who won the 2018 FIFA World Cup?"
    result = client.predict(question, api_name="/ask")
    _check_schema(result, question)
    assert result["abstained"]
    assert result["passages"]  # the closest text is still offered


def test_chat_replies_with_markdown(client: Client) -> None:
    reply = client.predict("When was the SCO founded?", 5, "hybrid", api_name="/chat")
    assert isinstance(reply, str)
    assert reply.startswith("**2001**")
    assert "[1]" in reply and "<mark>" in reply and "<summary>Sources" in reply


# (arguments, message from /ask, message from /chat). /chat's slider and dropdown
# check their own range and choices before the engine sees the value.
BAD_INPUT = [
    (("", 5, "hybrid"), "question is empty", "question is empty"),
    (("x" * 3000, 5, "hybrid"), "limit is 2000", "limit is 2000"),
    ((FOUNDED, 5, "bogus"), "mode 'bogus' is unknown", "bogus is not in the list of choices"),
    ((FOUNDED, 0, "hybrid"), f"from 1 to {MAX_TOP_K}", "less than minimum value 1"),
    ((FOUNDED, MAX_TOP_K + 1, "hybrid"), f"from 1 to {MAX_TOP_K}",
     "greater than maximum value"),
]


@pytest.mark.parametrize(("args", "ask_message", "chat_message"), BAD_INPUT)
@pytest.mark.parametrize("endpoint", ["/ask", "/chat"])
def test_bad_input_is_a_clear_error_and_the_server_keeps_serving(
        client: Client, endpoint: str, args: tuple[Any, ...], ask_message: str,
        chat_message: str) -> None:
    with pytest.raises(Exception) as caught:
        client.predict(*args, api_name=endpoint)
    assert (ask_message if endpoint == "/ask" else chat_message) in str(caught.value)
    assert "Traceback" not in str(caught.value)
    result = client.predict(FOUNDED, api_name="/ask")
    assert "2001" in result["answer"]


def test_ping(client: Client) -> None:
    assert client.predict(api_name="/ping") == "pong"


def test_a_served_folder_is_re_read_when_a_document_changes(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    rhine = docs / "rhine.md"
    rhine.write_text("The Rhine is about 1,230 kilometres long. It flows into the North Sea.",
                     encoding="utf-8")
    port = free_port()
    with running_server(serve_command(port, tmp_path / "index", corpus=docs), port) as url:
        client = Client(url, verbose=False)
        question = "How long is the Rhine?"
        assert client.predict(question, api_name="/ask")["answer"] == "about 1,230 kilometres"
        edited = "Barges use it. The Rhine is about 1,233 kilometres long, by the latest survey."
        rhine.write_text(edited, encoding="utf-8")
        deadline = time.monotonic() + 60
        while (result := client.predict(question, api_name="/ask"))["answer"] != (
                "about 1,233 kilometres"):
            assert time.monotonic() < deadline, result["answer"]
            time.sleep(0.5)
        quote = result["quotes"][0]
        assert edited[quote["start"] : quote["end"]] == quote["text"]
