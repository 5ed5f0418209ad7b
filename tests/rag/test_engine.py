"""The engine: one embedding per question, validation, timings, thread safety."""

from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from rag.engine import Engine, collection_folder, validate_question
from rag.errors import InvalidQuestionError, InvalidRequestError
from rag.schema import Document
from rag.settings import MAX_QUESTION_CHARS
from tests.rag.helpers import Over

QUESTIONS = [
    "When was the SCO founded?",
    "Who won the 2022 FIFA World Cup?",
    "Who is the President of Kazakhstan?",
    "How many events did Kazakhstan hold as chairman?",
    "Which city was declared the cultural and tourist capital of the SCO?",
    "What is the boiling point of water?",
]


class CountingEmbed:
    """Wraps ``embedder.embed`` and records the texts of every call."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.calls: list[list[str]] = []

    def __call__(self, texts: Any, *args: Any, **kwargs: Any) -> np.ndarray:
        self.calls.append(list(texts))
        return self.real(texts, *args, **kwargs)


@pytest.fixture()
def counting(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> CountingEmbed:
    engine.ensure_ready()  # the one-off warm-up is not part of a question's cost
    counter = CountingEmbed(engine.embedder.embed)
    monkeypatch.setattr(engine.embedder, "embed", counter)
    return counter


@pytest.mark.parametrize("mode", ["hybrid", "dense", "bm25"])
def test_a_question_costs_exactly_one_embedding(engine: Engine, counting: CountingEmbed,
                                                mode: str) -> None:
    for n, question in enumerate(QUESTIONS, 1):
        engine.ask(question, mode=mode)
        assert len(counting.calls) == n
        assert counting.calls[-1] == [question], "only the question is embedded"


def test_given_query_vector_costs_no_embedding(engine: Engine, counting: CountingEmbed) -> None:
    vectors = engine.embed_questions(QUESTIONS)
    assert len(counting.calls) == 1 and counting.calls[0] == QUESTIONS
    for question, vector in zip(QUESTIONS, vectors, strict=True):
        before = len(counting.calls)
        with_vector = engine.ask(question, query_vector=vector)
        assert len(counting.calls) == before, "a given query_vector must not be re-computed"
        assert with_vector.answer == engine.ask(question).answer
        assert len(counting.calls) == before + 1
    assert len(counting.calls) == 1 + len(QUESTIONS)


@pytest.mark.parametrize(("typed", "read"), [
    ("Tell me when the SCO was founded", "when the SCO was founded"),
    ("According to the article, who is the President of Kazakhstan?",
     "who is the President of Kazakhstan?"),
    ("when was the sco fonded?", "when was the SCO founded?"),
])
def test_the_embedding_reads_the_question_as_the_rules_do(
        engine: Engine, counting: CountingEmbed, typed: str, read: str) -> None:
    # A lead-in or a typo moved the vector but not the terms: each path then
    # ranked by a different question.
    assert engine.read(typed) == read
    answer = engine.ask(typed)
    assert counting.calls == [[read]]
    assert np.array_equal(engine.query_vector(typed), engine.embedder.embed_query(read))
    given = engine.ask(typed, query_vector=engine.query_vector(typed))
    assert (given.answer, given.quotes, given.confidence) == (
        answer.answer, answer.quotes, answer.confidence)
    assert [list(v) for v in engine.embed_questions([typed])] == [
        list(engine.query_vector(typed))]
    assert engine.retrieve(typed) == list(answer.passages)


def test_passages_and_sentences_are_never_re_embedded(engine: Engine,
                                                      counting: CountingEmbed) -> None:
    stored = {c.text for c in engine.index.chunks} | {s.text for s in engine.index.sentences}
    for question in QUESTIONS:
        engine.ask(question)
    embedded = {t for call in counting.calls for t in call}
    assert embedded == set(QUESTIONS)
    assert not embedded & stored


def test_embed_questions_is_one_batch(engine: Engine, counting: CountingEmbed) -> None:
    vectors = engine.embed_questions(QUESTIONS)
    assert vectors.shape == (len(QUESTIONS), engine.index.dimension)
    assert len(counting.calls) == 1


def test_timings(engine: Engine) -> None:
    answer = engine.ask("When was the SCO founded?")
    t = answer.timings_ms
    assert set(t) == {"embed", "retrieve", "answer", "total"}
    assert all(v >= 0 for v in t.values())
    assert t["total"] >= t["embed"] + t["retrieve"] + t["answer"] - 1e-6
    assert t["total"] < 10_000, "a warm question must not include model or index loading"


def test_question_is_stripped(engine: Engine) -> None:
    answer = engine.ask("   When was the SCO founded?\n")
    assert answer.question == "When was the SCO founded?"
    assert answer.to_dict()["question"] == "When was the SCO founded?"


@pytest.mark.parametrize("question", ["", "   ", "\n\t", "x" * (MAX_QUESTION_CHARS + 1),
                                      "\u200b", "\x1b[0m"])
def test_bad_questions_are_rejected(engine: Engine, question: str) -> None:
    with pytest.raises(InvalidQuestionError):
        engine.ask(question)


@pytest.mark.parametrize("question", [None, 42, b"When?"])
def test_non_text_questions_are_rejected(question: object) -> None:
    with pytest.raises(InvalidQuestionError, match="text"):
        validate_question(question)


def test_text_that_is_not_valid_unicode_is_rejected() -> None:
    # What Python makes of a non-UTF-8 byte in argv: a lone surrogate.
    with pytest.raises(InvalidQuestionError, match=r"not valid text at character 1"):
        validate_question("\udcff When was the SCO founded?")


def test_compatibility_forms_are_folded() -> None:
    folded = validate_question("ＷＨＥＮ ｗａｓ the ＳＣＯ ﬁrst held？")
    assert folded == "WHEN was the SCO first held?"
    # Forms that carry meaning stay: NFKC would make "10²" read "102".
    assert validate_question("Is 2½ × 10² right?") == "Is 2½ × 10² right?"
    # The limit is on what was typed; folding "…" into "..." does not break it.
    typed = "x" * (MAX_QUESTION_CHARS - 1) + "…"
    assert validate_question(typed) == "x" * (MAX_QUESTION_CHARS - 1) + "..."


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        # A decomposed accent (as macOS may type it) is composed.
        ("Who is Nurtle\u0301u?", "Who is Nurtléu?"),
        # A run of spaces, tabs or line breaks is one space (thousands of them
        # would slow the rules' patterns to minutes).
        ("When   was\n\tthe SCO\u00a0founded?", "When was the SCO founded?"),
        ("Did" + " " * 1990 + "x?", "Did x?"),
        # Pasted zero-width characters and a soft hyphen are dropped.
        ("When was the S\u200bCO foun\u00added?", "When was the SCO founded?"),
        ("\u200fWhen was the \u202aSCO\u202c founded?", "When was the SCO founded?"),
        # A terminal link's escape, and the joiner Persian needs, which stays.
        ("\x1b]8;;http://x\x07When was the SCO founded?\x1b]8;;\x07",
         "When was the SCO founded?"),
        ("Who is \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645?",
         "Who is \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645?"),
        # A terminal's colour codes are dropped; other control characters are spaces.
        ("\x1b[31mWhen was the SCO founded?\x1b[0m", "When was the SCO founded?"),
        ("When was\x07the SCO founded?", "When was the SCO founded?"),
    ],
)
def test_invisible_characters_are_read_as_a_reader_sees_them(typed: str, read: str) -> None:
    assert validate_question(typed) == read


def test_a_folded_question_is_answered_and_echoed_as_typed(engine: Engine) -> None:
    typed = "ＷＨＥＮ was the ＳＣＯ founded？"
    answer = engine.ask(f"  {typed} ")
    plain = engine.ask("WHEN was the SCO founded?")
    assert answer.question == typed
    assert not answer.abstained and "2001" in answer.answer
    assert answer.quotes == plain.quotes and answer.confidence == plain.confidence


def test_question_limits() -> None:
    assert validate_question("x" * MAX_QUESTION_CHARS) == "x" * MAX_QUESTION_CHARS
    assert validate_question("  " + "x" * MAX_QUESTION_CHARS + "  ") == "x" * MAX_QUESTION_CHARS
    with pytest.raises(InvalidQuestionError, match=str(MAX_QUESTION_CHARS)):
        validate_question("x" * (MAX_QUESTION_CHARS + 1))
    with pytest.raises(InvalidQuestionError, match="empty"):
        validate_question(" ")


def test_long_but_valid_question_is_answered(engine: Engine) -> None:
    question = ("When was the SCO founded? " * 80)[:MAX_QUESTION_CHARS]
    answer = engine.ask(question)
    assert answer.passages


def _comparable(engine: Engine, question: str) -> dict:
    data = engine.ask(question).to_dict()
    del data["timings_ms"]
    return data


def test_concurrent_asks_give_identical_answers(engine: Engine) -> None:
    expected = {q: _comparable(engine, q) for q in QUESTIONS}
    jobs = QUESTIONS * 8
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda q: (q, _comparable(engine, q)), jobs))
    assert len(results) == len(jobs)
    for question, data in results:
        assert data == expected[question]


def test_concurrent_first_use_builds_once(tmp_path, embedder, engine: Engine,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import rag.engine as engine_module

    builds = []
    real_build = engine_module.build_index

    def counting_build(*args: Any, **kwargs: Any) -> Any:
        builds.append(1)
        return real_build(*args, **kwargs)

    monkeypatch.setattr(engine_module, "build_index", counting_build)
    fresh = Engine(engine.settings, index_dir=tmp_path, embedder=embedder,
                   documents=engine.documents[:1])
    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(lambda _: fresh.ask("When was the SCO founded?").answer,
                                range(4)))
    assert len(builds) == 1
    assert len(set(answers)) == 1


def test_rebuild_flag_rebuilds(tmp_path, embedder, engine: Engine) -> None:
    docs = [Document("tiny.txt", engine.documents[0].text[:1500])]
    eng = Engine(engine.settings, index_dir=tmp_path, documents=docs, embedder=embedder)
    first = eng.ensure_ready().manifest["built_at"]
    assert eng.ensure_ready() is eng.ensure_ready()
    rebuilt = eng.ensure_ready(rebuild=True)
    assert rebuilt.manifest["built_at"] >= first
    assert rebuilt is not None and eng.index is rebuilt


def test_retrieve_gives_the_passages_ask_cites(engine: Engine) -> None:
    question = "When was the SCO founded?"
    for mode in ("hybrid", "dense", "bm25"):
        assert engine.retrieve(question, 5, mode) == list(engine.ask(question, 5, mode).passages)
    # Defaults come from the settings, as for ask.
    assert engine.retrieve(question) == list(engine.ask(question).passages)
    assert len(engine.retrieve(question)) == engine.settings.top_k
    with pytest.raises(InvalidQuestionError):
        engine.retrieve("   ", 5, "hybrid")
    with pytest.raises(InvalidRequestError):
        engine.retrieve(question, 0, "hybrid")


@pytest.mark.parametrize("model", ["all-MiniLM-L6-v2", "sentence-transformers/all-MiniLM-L6-v2"])
def test_the_default_model_keeps_the_bare_collection_folder(model: str) -> None:
    assert collection_folder("default", model) == "default"


def test_each_other_model_gets_its_own_index_folder(tmp_path) -> None:
    names = {collection_folder("default", m) for m in (
        "all-MiniLM-L6-v2", "all-mpnet-base-v2", "sentence-transformers/all-mpnet-base-v2",
        "/models/a/encoder", "/models/b/encoder", "/models/b/encoder/")}
    # The two "encoder" folders differ; a trailing slash names the same folder.
    assert len(names) == 5
    assert "default--all-mpnet-base-v2" in names
    for name in names:  # a single, safe path component
        assert (tmp_path / name).parent == tmp_path and name.startswith("default")
        assert "/" not in name and " " not in name


def test_switching_models_does_not_touch_the_other_index(tmp_path, embedder,
                                                          engine: Engine) -> None:
    from rag.embedding import resolve_model_path

    docs = [Document("tiny.txt", engine.documents[0].text[:1500])]
    default = Engine(engine.settings, index_dir=tmp_path, documents=docs, embedder=embedder)
    built_at = default.ensure_ready().manifest["built_at"]
    # The same weights named by their folder count as another model setting.
    path = resolve_model_path(engine.settings.model)
    other = Engine(engine.settings.with_overrides(model=path), index_dir=tmp_path,
                   documents=docs, embedder=embedder)
    other.ensure_ready()
    assert other.built_index
    assert other.index_path.parent == tmp_path and other.index_path != default.index_path
    assert other.index.manifest["model"] == path
    # Back to the default model: its index is still there and loads without a rebuild.
    again = Engine(engine.settings, index_dir=tmp_path, documents=docs, embedder=embedder)
    assert again.ensure_ready().manifest["built_at"] == built_at
    assert not again.built_index


def test_loading_builds_the_lazy_tables_before_the_first_question(
        tmp_path, embedder, settings, article: Document) -> None:
    # Timings cover the question alone: the country tables the answerer builds
    # on first use must be ready once the engine is.
    from rag import countries

    countries._pattern.cache_clear()
    countries._stand_ins.cache_clear()
    engine = Engine(settings, index_dir=tmp_path, documents=[article], embedder=embedder)
    engine.ensure_ready()
    assert countries._pattern.cache_info().currsize == 1
    assert countries._stand_ins.cache_info().currsize == 1


@pytest.mark.parametrize("question", ["Why?", "What is it?", "Who is he?", "Where?"])
def test_a_question_with_nothing_to_look_for_abstains(engine: Engine, question: str) -> None:
    answer = engine.ask(question)
    assert answer.abstained and answer.confidence == 0.0
    assert answer.passages  # still the closest text, for a person to read


def test_an_unusable_index_folder_fails_before_any_embedding(
        tmp_path, embedder, settings, article: Document,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Loading the model and embedding the corpus take seconds; a folder rag
    # cannot write must fail first.
    a_file = tmp_path / "afile"
    a_file.write_text("x", encoding="utf-8")

    def no_embedding(*args: object, **kwargs: object) -> None:
        raise AssertionError("embedded before checking the index folder")

    monkeypatch.setattr(embedder, "embed", no_embedding)
    engine = Engine(settings, index_dir=a_file / "below", documents=[article],
                    embedder=embedder)
    with pytest.raises(NotADirectoryError):
        engine.ensure_ready()


RHINE = "The Rhine is about 1,230 kilometres long. It flows into the North Sea near Rotterdam."
LONGER = ("Barges on the Rhine carry coal and grain. The Rhine is about 1,233 kilometres "
          "long, by the latest survey.")


def _write(path: Path, text: str | bytes) -> None:
    """Write ``path`` and move its modification time on: two writes within the
    file system's clock tick must still look different."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    later = max(path.stat().st_mtime_ns, before + 1_000_000_000)
    os.utime(path, ns=(later, later))


def _over_rhine(tmp_path: Path, embedder: Any, engine: Engine,
                ready: bool = True) -> tuple[Path, Engine]:
    """``rhine.md`` holding ``RHINE``, and an engine over it (``Engine.over``)."""
    rhine = tmp_path / "rhine.md"
    _write(rhine, RHINE)
    eng = Engine.over(rhine, engine.settings, index_dir=tmp_path / "index", embedder=embedder)
    if ready:
        eng.ensure_ready()
    return rhine, eng


def _length(eng: Engine, river: str = "Rhine") -> str:
    while True:
        documents = eng.documents
        answer = eng.ask(f"How long is the {river}?")
        if eng.documents is documents:  # else a watcher swapped them meanwhile: ask again
            break
    texts = {d.doc_id: d.text for d in documents}
    for quote in answer.quotes:  # cited into the text the engine now holds
        assert texts[quote.doc_id][quote.start : quote.end] == quote.text
    return answer.answer


def test_refresh_reads_edited_documents_and_keeps_unreadable_ones_out(
        tmp_path: Path, embedder, engine: Engine, caplog: pytest.LogCaptureFixture) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    rhine = docs / "rhine.md"
    _write(rhine, RHINE)
    eng = Engine.over(docs, engine.settings, index_dir=tmp_path / "index", embedder=embedder)
    assert _length(eng) == "about 1,230 kilometres"
    assert not eng.refresh()  # nothing changed
    _write(rhine, RHINE)  # touched, not edited: no rebuild
    assert not eng.refresh()

    _write(rhine, LONGER)
    assert eng.refresh()
    assert _length(eng) == "about 1,233 kilometres"
    assert eng.documents[0].text == LONGER
    assert not eng.refresh()
    # The index on disk is the new one: a fresh engine loads it as it is.
    again = Engine.over(docs, engine.settings, index_dir=tmp_path / "index", embedder=embedder)
    again.ensure_ready()
    assert not again.built_index

    # A folder with nothing readable left: the previous documents stay.
    _write(rhine, b"\xff\xfe not UTF-8")
    with caplog.at_level("WARNING", logger="rag.engine"):
        assert not eng.refresh()
    assert "cannot be read" in caplog.text and "still answering from the previous" in caplog.text
    assert _length(eng) == "about 1,233 kilometres"

    # A new file is picked up (the unreadable one is skipped with a warning).
    _write(docs / "danube.txt", "The Danube is about 2,850 kilometres long.")
    assert eng.refresh()
    assert [d.doc_id for d in eng.documents] == ["danube.txt"]
    assert _length(eng, "Danube") == "about 2,850 kilometres"


def test_an_engine_given_its_documents_has_nothing_to_refresh(engine: Engine) -> None:
    assert engine.corpus is None
    assert not engine.refresh()


def test_a_question_asked_during_a_refresh_is_answered_whole_from_one_version(
        tmp_path: Path, embedder, engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    rhine, eng = _over_rhine(tmp_path, embedder, engine)
    # The question stops in its embedding, after it took its snapshot of the index;
    # the refresh swaps the index meanwhile, then the question goes on.
    asked, resume = threading.Event(), threading.Event()
    real = eng.embedder.embed_query

    def held(text: str) -> Any:
        if text == "How long is the Rhine?":
            asked.set()
            assert resume.wait(60)
        return real(text)

    monkeypatch.setattr(eng.embedder, "embed_query", held)
    with ThreadPoolExecutor(max_workers=1) as pool:
        pending = pool.submit(eng.ask, "How long is the Rhine?")
        assert asked.wait(60)
        _write(rhine, LONGER)
        assert eng.refresh()
        resume.set()
        old = pending.result()
    # The old version whole: its answer, quotes and passages cut from the old text.
    assert old.answer == "about 1,230 kilometres"
    assert all(RHINE[q.start : q.end] == q.text for q in old.quotes)
    assert all(RHINE[p.start : p.end] == p.text for p in old.passages)
    assert _length(eng) == "about 1,233 kilometres"


def test_watch_refreshes_in_the_background(tmp_path: Path, embedder, engine: Engine) -> None:
    rhine, eng = _over_rhine(tmp_path, embedder, engine)
    stop = eng.watch(every=0.05)
    try:
        _write(rhine, LONGER)
        deadline = time.monotonic() + 60
        while _length(eng) != "about 1,233 kilometres":
            assert time.monotonic() < deadline
            time.sleep(0.05)
        # A file given on its own that disappears keeps the previous version.
        rhine.unlink()
        time.sleep(0.3)
        assert _length(eng) == "about 1,233 kilometres"
        _write(rhine, RHINE)
        while _length(eng) != "about 1,230 kilometres":
            assert time.monotonic() < deadline
            time.sleep(0.05)
    finally:
        stop.set()


def test_a_failed_rebuild_keeps_the_old_index_and_is_not_retried_until_the_next_edit(
        tmp_path: Path, embedder, engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    import rag.engine as engine_module

    rhine, eng = _over_rhine(tmp_path, embedder, engine)
    attempts = []

    def full_disk(*args: Any, **kwargs: Any) -> Any:
        attempts.append(1)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(engine_module, "save_index", full_disk)
    _write(rhine, LONGER)
    with pytest.raises(OSError, match="No space left"):
        eng.refresh()
    assert not eng.refresh() and len(attempts) == 1  # not retried for the same files
    assert _length(eng) == "about 1,230 kilometres"
    monkeypatch.undo()
    _write(rhine, LONGER + " It is busy.")
    assert eng.refresh()
    assert _length(eng) == "about 1,233 kilometres"


def test_refresh_before_the_first_question_reads_the_new_text(tmp_path: Path, embedder,
                                                              engine: Engine) -> None:
    rhine, eng = _over_rhine(tmp_path, embedder, engine, ready=False)
    _write(rhine, LONGER)
    assert eng.refresh()
    assert _length(eng) == "about 1,233 kilometres"


def test_watching_waits_until_the_files_stop_changing(tmp_path: Path, embedder,
                                                      engine: Engine) -> None:
    import rag.engine as engine_module

    rhine, eng = _over_rhine(tmp_path, embedder, engine)
    # An editor that empties the file and then writes it: the look between the
    # two sees an empty file, which is not indexed because the next look differs.
    _write(rhine, "")
    assert not eng.refresh(settle=True)
    _write(rhine, LONGER)
    assert not eng.refresh(settle=True)  # changed since the last look: wait
    assert eng.refresh(settle=True)  # the same twice in a row: read
    assert _length(eng) == "about 1,233 kilometres"
    # A file that changes at every look is read anyway after SETTLE_LOOKS looks.
    refreshed = []
    for look in range(engine_module.SETTLE_LOOKS + 1):
        _write(rhine, RHINE + " " * look)
        refreshed.append(eng.refresh(settle=True))
    assert refreshed == [False] * engine_module.SETTLE_LOOKS + [True]
    assert _length(eng) == "about 1,230 kilometres"


def test_a_stamp_taken_just_after_an_edit_does_not_vouch_for_the_text(
        tmp_path: Path, embedder, engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    import rag.engine as engine_module

    rhine, eng = _over_rhine(tmp_path, embedder, engine)
    # A same-size edit within the clock tick of the last one leaves the stamp
    # as it was; simulated by a stamp that no longer changes.
    frozen = engine_module.corpus_stamp(rhine)
    monkeypatch.setattr(engine_module, "corpus_stamp", lambda path: frozen)
    _write(rhine, RHINE.replace("1,230", "1,231"))
    now = time.time_ns()
    assert abs(now - frozen[0][4]) < engine_module.RACY_NS  # the file was just written
    assert eng.refresh()  # so its stamp was not trusted: the text was compared
    assert _length(eng) == "about 1,231 kilometres"
    assert not eng.refresh()  # re-read while the stamp is recent, but not rebuilt
    # An old stamp is trusted: a stat per look, no reading.
    old = tuple((name, size, inode, mtime - 10 * engine_module.RACY_NS,
                 ctime - 10 * engine_module.RACY_NS)
                for name, size, inode, mtime, ctime in frozen)
    monkeypatch.setattr(engine_module, "corpus_stamp", lambda path: old)
    reads = []
    monkeypatch.setattr(engine_module, "load_corpus",
                        lambda path: reads.append(path) or list(eng.documents))
    assert not eng.refresh() and len(reads) == 1  # a new stamp: read once
    assert not eng.refresh() and len(reads) == 1  # then trusted


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        # A question typed without its mark is read with one: the model embeds the
        # two apart.
        ("how many members does the sco have", "how many members does the sco have?"),
        ("Is the Danube polluted", "Is the Danube polluted?"),
        ("When was it founded?", "When was it founded?"),
        ("Tell me about the summit.", "Tell me about the summit."),
        ("Name the officials who will attend", "Name the officials who will attend"),
        ("What is the following:", "What is the following:"),
    ],
)
def test_a_missing_question_mark_is_added(typed: str, read: str) -> None:
    assert validate_question(typed) == read


def test_every_path_reads_a_question_with_the_same_terms(engine: Engine) -> None:
    question = "In which city will the upcoming summit take place?"
    assert engine.terms(question) == ["upcom", "summit"]
    # The short answer holds the asked type: the terms were neither the idiom's "place"
    # nor the asked-for "city".
    answer = engine.ask(question)
    assert answer.answer == "Astana"
    assert engine.retrieve(question) == list(answer.passages)


def test_the_kind_of_answer_asked_for_is_not_a_word_to_look_for(engine: Engine) -> None:
    # "the city of Almaty" shares the question's "city", but says nothing of the
    # summit: better no answer than that one.
    answer = engine.ask("In which city is the summit?")
    assert answer.abstained or answer.answer == "Astana"
    assert "citi" not in engine.terms("In which city is the summit?")


def test_a_question_is_read_once_per_version_of_the_index(
        tmp_path: Path, embedder, engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    import gc
    import weakref

    import rag.engine as engine_module

    rhine, eng = _over_rhine(tmp_path, embedder, engine)
    reads: list[str] = []
    real = engine_module.plain_question

    def counting(question: str) -> str:
        reads.append(question)
        return real(question)

    monkeypatch.setattr(engine_module, "plain_question", counting)
    # The evaluator's round: the vector, then ask and retrieve in each mode.
    question = "How long is the Rhine?"
    vector = eng.query_vector(question)
    for mode in ("hybrid", "dense", "bm25"):
        eng.ask(question, mode=mode, query_vector=vector)
        eng.retrieve(question, mode=mode, query_vector=vector)
    assert eng.terms(question) and reads == [question]
    # Read as this version's corpus reads it: no Danube in it, so not capitalised.
    assert eng.read("how long is the danube?") == "how long is the danube?"
    assert eng._ready is not None
    old = weakref.ref(eng._ready._reads)

    _write(rhine, LONGER + " The Danube is longer.")
    gc.disable()  # freed as soon as it is swapped out, not by a collection
    try:
        assert eng.refresh()
        assert old() is None, "a swapped-out version is freed, its readings with it"
    finally:
        gc.enable()
    assert eng.read("how long is the danube?") == "how long is the Danube?"
    assert _length(eng) == "about 1,233 kilometres"
    assert reads == [question, "how long is the danube?", "how long is the danube?", question]


@pytest.mark.parametrize("question", ["What is this article about?", "Summarize the text",
                                      "tl;dr"])
def test_asked_what_the_article_is_about_its_opening_and_headings_answer(
        engine: Engine, article: Document, question: str) -> None:
    answer = engine.ask(question)
    assert not answer.abstained and answer.confidence == 1.0
    assert [q.text for q in answer.quotes] == [
        article.text[: article.text.index(" beyond.") + len(" beyond.")],
        "Expectations from the summit: SCO+, strategic planning and international attention",
        "Prospects for further development of the SCO"]
    assert answer.answer == ("The Shanghai Cooperation Organization has become a key force "
                             "in shaping regional stability and global cooperation.")
    for quote in answer.quotes:
        assert article.text[quote.start : quote.end] == quote.text
    # Every quote's chunk is among the passages, which rank 1..n.
    passages = {p.chunk_id: p for p in answer.passages}
    assert [p.rank for p in answer.passages] == list(range(1, len(answer.passages) + 1))
    assert len(answer.passages) >= engine.settings.top_k
    for quote in answer.quotes:
        passage = passages[quote.chunk_id]
        assert passage.start <= quote.start and quote.end <= passage.end
    assert [p.chunk_id for p in answer.passages[:3]] == [q.chunk_id for q in answer.quotes]


@pytest.mark.parametrize("question", [
    # Typos of the words an overview is asked with, which the article lacks.
    "summerize the article", "waht is this artcle about",
    # Read as the rules read it: "In the article" left out, the article's "focus"
    # for "focsu".
    "In the article, what is the main point?", "Whta is the focsu of the text?"])
def test_an_overview_asked_with_typos_or_a_lead_in_is_given(engine: Engine,
                                                             question: str) -> None:
    expected = engine.ask("What is this article about?")
    answer = engine.ask(question)
    # The same quotes, each cited to a chunk holding it: which one, of two that
    # overlap, follows the retrieval.
    assert answer.answer == expected.answer
    assert ([(q.start, q.end) for q in answer.quotes]
            == [(q.start, q.end) for q in expected.quotes])


def test_an_overview_leaves_out_datelines_credits_and_bare_dates(over: Over) -> None:
    text = ("ASTANA, July 3\n\nBy Jane Porter\n\nThe summit of the Shanghai Cooperation "
            "Organization opened in Astana on Wednesday. Leaders of ten member states "
            "attended.\n\nPhoto: Reuters\n\nThe host called for closer trade links.\n\n"
            "Trade and transport\n\nRail freight between China and Europe grew.\n\n"
            "3 July 2024\n\nSource: SCO Secretariat\n\nThe next summit is in China.\n")
    answer = over([Document("summit.txt", text)]).ask("What is this article about?")
    assert answer.answer == ("The summit of the Shanghai Cooperation Organization opened "
                             "in Astana on Wednesday.")
    assert [q.text for q in answer.quotes] == [
        "The summit of the Shanghai Cooperation Organization opened in Astana on Wednesday. "
        "Leaders of ten member states attended.",
        "Trade and transport"]


def test_asked_about_something_in_the_article_the_overview_stays_out(engine: Engine) -> None:
    answer = engine.ask("What does the article say about Iran?")
    assert answer.quotes and all("Iran" in q.text for q in answer.quotes)


def test_a_titled_document_is_summed_up_by_its_opening_then_its_headings(over: Over) -> None:
    text = ("# Rhine shipping notes\n\nThe Rhine carries more freight than any other river "
            "in Europe. Barges move coal, grain and containers between Basel and Rotterdam."
            "\n\n## Ports\n\nDuisburg is the largest inland port in the world by some "
            "measures, and it handles containers too.\n")
    answer = over([Document("rhine.md", text)]).ask("What is this document about?")
    assert answer.answer == "The Rhine carries more freight than any other river in Europe."
    assert [q.text for q in answer.quotes] == [
        "The Rhine carries more freight than any other river in Europe. Barges move coal, "
        "grain and containers between Basel and Rotterdam.",
        "# Rhine shipping notes",
        "## Ports"]


def test_a_document_of_headings_only_is_summed_up_by_its_first_heading(over: Over) -> None:
    answer = over([Document("toc.md", "# Rhine shipping notes\n\n## Ports\n\n## Locks\n")]).ask(
        "Summarize the text")
    assert answer.answer == "Rhine shipping notes"
    assert answer.quotes[0].text == "# Rhine shipping notes"
    assert all(q.text.startswith("#") for q in answer.quotes)


def test_an_opening_sentence_in_no_chunk_is_passed_over(over: Over) -> None:
    # One sentence of three long lines, with no full stop until its end: it runs
    # over three chunks and, held by none for at least half, belongs to no chunk.
    line = ("Barges on the Rhine carry coal, grain, gravel, chemicals and containers between "
            "Basel, Mannheim, Duisburg and Rotterdam, and in dry summers they sail with a "
            "third of their usual load because the river runs too low at Kaub, where the "
            "channel is shallowest, and the shipping companies add a low-water surcharge to "
            "every ton they carry, which the steel mills and chemical plants along the river "
            "pass on to their own customers")
    text = (f"{line},\n{line.replace('Barges', 'Ships')};\n{line.replace('Barges', 'Boats')}."
            "\n\nThe Rhine is the busiest river in Europe for freight. Low water in summer "
            "halves the loads that the barges can carry.\n")
    engine = over([Document("long.txt", text)])
    answer = engine.ask("What is this document about?")
    assert answer.answer == "The Rhine is the busiest river in Europe for freight."
    for quote in answer.quotes:
        assert text[quote.start : quote.end] == quote.text


def test_a_collection_is_summed_up_by_one_opening_per_document(over: Over) -> None:
    docs = [Document("rhine.md", "The Rhine carries more freight than any other river in "
                                 "Europe. Barges move coal and grain down to Rotterdam.\n"),
            Document("einstein.txt", "Einstein was born in Ulm in 1879 to a family of "
                                     "engineers. He moved to Munich as a child.\n")]
    answer = over(docs).ask("Give me a summary")
    assert sorted(q.doc_id for q in answer.quotes) == ["einstein.txt", "rhine.md"]
    assert answer.answer in answer.quotes[0].text
    for quote in answer.quotes:
        text = next(d.text for d in docs if d.doc_id == quote.doc_id)
        assert text.startswith(quote.text)
