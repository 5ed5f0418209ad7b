"""Reading gold files: the project's JSONL, SQuAD v2.0 and v1.1, and the errors."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

from rag.corpus import load_default_corpus
from rag.errors import CorpusError, GoldFormatError
from rag.evaluation.gold import JSONL, SQUAD, load_gold, to_squad
from rag.settings import project_root

DATA = Path(__file__).parent / "data"
TINY = DATA / "tiny_squad2.json"
GOLD_DIR = project_root() / "eval" / "gold"


def _write(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_squad_v2_fixture() -> None:
    gold = load_gold(TINY)
    assert (gold.format, gold.version) == (SQUAD, "v2.0")
    assert [d.doc_id for d in gold.documents] == ["Southern_California#0",
                                                  "Southern_California#1"]
    assert len(gold.items) == 7
    assert sum(i.is_impossible for i in gold.items) == 2
    first = gold.items[0]
    assert first.id == "5705e33f52bb89140068964c"
    assert first.answers[0].doc_id == "Southern_California#0"
    doc = gold.documents[0]
    for answer in first.answers:  # offsets slice the context
        assert doc.text[answer.start:answer.end] == answer.text
    assert gold.collection == f"squad-{gold.sha256[:16]}"


def test_squad_v11_with_int_ids_and_no_title_or_version(tmp_path: Path) -> None:
    data = {"data": [{"paragraphs": [
        {"context": "Paris is the capital of France.",
         "qas": [{"id": 7, "question": " What is the capital of France? ",
                  "answers": [{"text": "Paris", "answer_start": 0}]}]},
        {"context": "Rome is the capital of Italy.",
         "qas": [{"id": "x8", "question": "Capital of Italy?",
                  "answers": [{"text": "Rome", "answer_start": 0}]}]},
    ]}]}
    gold = load_gold(_write(tmp_path / "v11.json", data))
    assert gold.version == ""
    assert [i.id for i in gold.items] == ["7", "x8"]
    assert [i.is_impossible for i in gold.items] == [False, False]  # v1.1: all answerable
    assert [d.doc_id for d in gold.documents] == ["doc#0", "doc#1"]
    assert gold.items[0].question == "What is the capital of France?"
    assert gold.items[1].answers[0].doc_id == "doc#1"


def test_project_jsonl(tmp_path: Path) -> None:
    article = load_default_corpus()[0]
    start = article.text.index("2001")
    lines = [
        {"id": "a", "question": "When was it founded?", "answers": [{"text": "2001",
         "start": start}], "is_impossible": False, "type": "factoid", "paragraph": 1},
        {"id": "b", "question": "Who won the cup?", "answers": [], "is_impossible": True},
    ]
    path = tmp_path / "g.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n", encoding="utf-8")
    gold = load_gold(path)
    assert gold.format == JSONL and gold.collection == "default"
    assert gold.documents == (article,)
    assert gold.items[0].answers[0].doc_id == article.doc_id
    assert gold.items[0].answers[0].end == start + 4
    assert gold.items[1].is_impossible and not gold.items[1].has_answer


@pytest.mark.parametrize(("line2", "message"), [
    ("{not json", r"g\.jsonl:2: not valid JSON"),
    ('{"id": "b", "question": "Q?", "answers": []}', r"g\.jsonl:2: missing field.*is_impossible"),
    ('{"id": "b", "question": "Q?", "answers": [{"text": "zzz", "start": 0}], '
     '"is_impossible": false}', r"g\.jsonl:2 \[b\]: answer 'zzz' does not slice"),
    ('{"id": "a", "question": "Q?", "answers": [], "is_impossible": true}',
     r"g\.jsonl:2 \[a\]: duplicate id"),
    ('{"id": "b", "question": "Q?", "answers": [], "is_impossible": false}',
     r"needs at least one answer"),
    ('{"id": "b", "question": "  ", "answers": [], "is_impossible": true}',
     r"'question' must be non-empty"),
    ('{"id": true, "question": "Q?", "answers": [], "is_impossible": true}',
     r"'id' must be a string or an integer"),
    ('[1, 2]', r"g\.jsonl:2: expected a JSON object"),
    # An answer with no words could never match.
    ('{"id": "b", "question": "Q?", "answers": [{"text": "the", "start": 0}], '
     '"is_impossible": false}', r"g\.jsonl:2 \[b\]: answer 'the' has no words"),
    ('{"id": "b", "question": "Q?', r"g\.jsonl:2: not valid JSON \(Unterminated string "
                                   r"starting at column"),
    ('{"data": []}', r"g\.jsonl:2: a SQuAD dataset, but a SQuAD file must hold exactly one"),
])
def test_jsonl_errors_name_file_and_line(tmp_path: Path, line2: str, message: str) -> None:
    path = tmp_path / "g.jsonl"
    path.write_text('{"id": "a", "question": "Q?", "answers": [], "is_impossible": true}\n'
                    + line2 + "\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match=message):
        load_gold(path)


def test_squad_errors_name_the_question(tmp_path: Path) -> None:
    qa: dict[str, Any] = {"id": "q1", "question": "Capital?", "answers": [{"answer_start": 0}]}
    data = {"version": "v2.0", "data": [{"title": "T", "paragraphs": [
        {"context": "Paris is the capital of France.", "qas": [qa]}]}]}
    # Without a text there is nothing to score: the official script fails too.
    with pytest.raises(GoldFormatError, match=r"data\[0\]\.paragraphs\[0\]\.qas\[0\] \[q1\]: "
                                              r"each answer needs a 'text'"):
        load_gold(_write(tmp_path / "bad.json", data))
    qa["answers"] = [{"text": "Paris", "answer_start": 0}]
    qa["is_impossible"] = "no"
    with pytest.raises(GoldFormatError, match=r"\[q1\]: 'is_impossible' must be true or false"):
        load_gold(_write(tmp_path / "bad.json", data))
    # A question the engine would refuse is refused on load, naming it.
    qa["is_impossible"] = False
    qa["question"] = "x" * 2001
    with pytest.raises(GoldFormatError, match=r"\[q1\]: The question has 2001 characters"):
        load_gold(_write(tmp_path / "bad.json", data))
    qa["question"] = "\udcff Capital?"
    with pytest.raises(GoldFormatError, match=r"\[q1\]: The question holds something"):
        load_gold(_write(tmp_path / "bad.json", data))


def test_squad_read_as_the_official_script_reads_it(tmp_path: Path,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    # The official script never reads answer_start and takes a question without
    # answers as unanswerable: such a file is scored there, so it is here too.
    context = "Paris is the capital of France. Paris hosted the 1900 Olympics."
    second = context.index("Paris hosted")
    data = {"data": [{"paragraphs": [{"context": context, "qas": [
        # Off by two: the nearest "Paris" to 33 is the second one, at 32.
        {"id": "off", "question": "Which city?", "answers": [
            {"text": "Paris", "answer_start": second + 2}]},
        # Not in the context at all: kept for EM/F1, with no span to retrieve.
        {"id": "absent", "question": "Which river?", "answers": [
            {"text": "the Seine", "answer_start": 0},
            {"text": "Paris", "answer_start": 0}]},
        # v1.1 without answers, and v2.0 with the flag wrong: both unanswerable.
        {"id": "none", "question": "Who won?", "answers": []},
        {"id": "flag", "question": "Who lost?", "answers": [], "is_impossible": False},
        # Flagged unanswerable but with an answer (no offset at all): answerable,
        # as the official script goes by the answers.
        {"id": "has", "question": "Capital?", "is_impossible": True,
         "answers": [{"text": "Paris"}]},
        # An answer with no words is dropped, as the official script drops it.
        {"id": "blank", "question": "What?", "answers": [{"text": " . ", "answer_start": 0}]},
    ]}]}]}
    with caplog.at_level("WARNING", logger="rag.evaluation.gold"):
        gold = load_gold(_write(tmp_path / "lenient.json", data))
    off, absent, none, flag, has, blank = gold.items
    assert off.answers[0].start == second
    assert context[second:off.answers[0].end or 0] == "Paris"
    assert absent.answers[0].start is None and absent.answers[0].end is None
    assert absent.answers[1].start == 0
    assert (none.is_impossible, flag.is_impossible) == (True, True)
    assert not none.answers and not flag.answers
    assert not has.is_impossible and has.answers[0].start == 0
    assert blank.is_impossible and not blank.answers
    # ... but the official script still counts it among questions with answers
    # (HasAns), and the run's gold.json keeps it so.
    assert blank.has_answer and blank.wordless == (" . ",)
    assert [qa["answers"] for qa in to_squad([gold])["data"][0]["paragraphs"][0]["qas"]
            if qa["id"] == "blank"] == [[{"text": " . ", "answer_start": -1}]]
    assert "6 answer(s) or flag(s) repaired" in caplog.text
    # The project's own files stay strict: the same off-by-two offset is an error there.
    article = load_default_corpus()[0]
    line = {"id": "a", "question": "Q?", "is_impossible": False,
            "answers": [{"text": article.text[:5], "start": 2}]}
    (tmp_path / "strict.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="does not slice"):
        load_gold(tmp_path / "strict.jsonl")


def test_a_repeated_squad_context_is_one_document(tmp_path: Path) -> None:
    context = "Paris is the capital of France."
    paragraph = {"context": context, "qas": [
        {"id": "a", "question": "Capital?", "answers": [{"text": "Paris", "answer_start": 0}]}]}
    again = {"context": context, "qas": [
        {"id": "b", "question": "Country?", "answers": [{"text": "France", "answer_start": 24}]}]}
    other = {"context": "Rome is the capital of Italy.", "qas": [
        {"id": "c", "question": "Italy?", "answers": [{"text": "Rome", "answer_start": 0}]}]}
    data = {"data": [{"title": "X", "paragraphs": [paragraph, other]},
                     {"title": "Y", "paragraphs": [again]}]}
    gold = load_gold(_write(tmp_path / "twice.json", data))
    assert [d.doc_id for d in gold.documents] == ["X#0", "X#1"]
    assert [i.doc_id for i in gold.items] == ["X#0", "X#1", "X#0"]
    assert gold.items[2].answers[0].doc_id == "X#0"


def test_format_is_told_by_content_not_name(tmp_path: Path) -> None:
    squad_named_jsonl = tmp_path / "squad.jsonl"
    squad_named_jsonl.write_bytes(TINY.read_bytes())
    assert load_gold(squad_named_jsonl).format == SQUAD
    single_line = tmp_path / "one.json"
    single_line.write_text(json.dumps({"id": "a", "question": "Q?", "answers": [],
                                       "is_impossible": True}), encoding="utf-8")
    assert load_gold(single_line).format == JSONL


@pytest.mark.parametrize("path", [TINY, GOLD_DIR / "dev.jsonl"])
def test_to_squad_round_trips(tmp_path: Path, path: Path) -> None:
    gold = load_gold(path)
    again = load_gold(_write(tmp_path / "gold.json", to_squad([gold])))
    assert again.format == SQUAD and again.version == "v2.0"
    assert len(again.items) == len(gold.items)
    contexts = {d.doc_id: d.text for d in gold.documents}
    contexts_again = {d.doc_id: d.text for d in again.documents}
    for before, after in zip(gold.items, again.items, strict=True):
        assert (after.id, after.question, after.is_impossible) == \
            (before.id, before.question, before.is_impossible)
        assert [(a.text, a.start) for a in after.answers] == \
            [(a.text, a.start) for a in before.answers]
        # Each question sits under the context it was asked about.
        assert contexts_again[after.doc_id] == contexts[before.doc_id]


def test_a_line_separator_inside_a_jsonl_string_is_no_line_break(tmp_path: Path) -> None:
    # json.dumps(ensure_ascii=False) leaves U+2028 raw; only "\n" ends a line.
    line = {"id": "a", "question": "How many members did it\u2028start with?", "answers": [],
            "is_impossible": True}
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    assert [item.id for item in load_gold(path).items] == ["a"]


@pytest.mark.parametrize(("text", "message"), [
    ('{\n "Data": []\n}\n', r"one JSON object without a 'data' list \(its keys: 'Data'\)"),
    ("[1, 2]", r"one JSON array without a 'data' list"),
    ('{\n "data": []\n}\n}\n', r":4: not valid JSON \(something follows the first JSON value"),
])
def test_json_that_is_neither_squad_nor_jsonl_says_so(tmp_path: Path, text: str,
                                                       message: str) -> None:
    path = tmp_path / "g.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GoldFormatError, match=message):
        load_gold(path)


def test_broken_squad_json_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"version": "v2.0",\n "data": [\n  {"title": "T",,}\n]}\n', encoding="utf-8")
    with pytest.raises(GoldFormatError, match=r"broken\.json:3: not valid JSON"):
        load_gold(path)


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="does not exist"):
        load_gold(tmp_path / "missing.json")
    (tmp_path / "latin1.jsonl").write_bytes(b'{"id": "caf\xe9"}\n')
    with pytest.raises(GoldFormatError, match="not UTF-8"):
        load_gold(tmp_path / "latin1.jsonl")
    (tmp_path / "empty.jsonl").write_text("\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="holds no questions"):
        load_gold(tmp_path / "empty.jsonl")


# Every extra set, as it is added: a set nobody listed here is checked too.
_EXTRA = sorted(f"extra/{path.stem}" for path in (GOLD_DIR / "extra").glob("*.jsonl"))


def test_every_extra_set_is_described() -> None:
    described = (GOLD_DIR / "extra" / "README.md").read_text(encoding="utf-8")
    assert len(_EXTRA) >= 10
    for split in _EXTRA:
        assert f"`{split.removeprefix('extra/')}.jsonl`" in described, split


@pytest.mark.parametrize("split", ["dev", "test", *_EXTRA])
def test_every_gold_span_slices_the_article(split: str) -> None:
    article = load_default_corpus()[0]
    path = GOLD_DIR / f"{split}.jsonl"
    gold = load_gold(path)  # validates every span on load
    assert gold.documents[0].doc_id == article.doc_id
    spans = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for answer in record["answers"]:
            assert article.text[answer["start"]:answer["start"] + len(answer["text"])] \
                == answer["text"], record["id"]
            spans += 1
    assert spans > 0
    assert sum(i.is_impossible for i in gold.items) >= 10


def test_gold_set_checker_passes(capsys: pytest.CaptureFixture[str]) -> None:
    spec = importlib.util.spec_from_file_location("check_gold", GOLD_DIR / "check_gold.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["check_gold.py"]) == 0, capsys.readouterr().out
