"""The ``rag`` command line, in-process (fast) and as a real subprocess (slow)."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

import rag.engine as engine_module
from rag.cli import build_parser, format_answer, main
from rag.embedding import Embedder
from rag.engine import Engine
from rag.settings import MAX_QUESTION_CHARS, MAX_TOP_K

SCHEMA_KEYS = {"question", "answer", "abstained", "confidence", "doubts", "quotes",
               "passages", "timings_ms"}
PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def shared_model(embedder: Embedder, monkeypatch: pytest.MonkeyPatch):
    """Let the CLI's engines reuse the session model instead of loading it again."""
    monkeypatch.setattr(engine_module, "Embedder", lambda *_a, **_k: embedder)
    rag_logger = logging.getLogger("rag")
    level = rag_logger.level
    yield
    rag_logger.setLevel(level)


@pytest.fixture()
def built_dir(engine: Engine) -> Path:
    """The session engine's (already built, default-settings) index folder."""
    engine.ensure_ready()
    return engine.index_path.parent


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_ask_json_prints_only_the_schema(built_dir: Path, article,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["ask", "When was the SCO founded?", "--json",
                        "--index-dir", str(built_dir)], capsys)
    assert code == 0
    data = json.loads(out)  # the whole stdout is one JSON document
    assert set(data) == SCHEMA_KEYS
    assert "2001" in data["answer"] and data["abstained"] is False
    quote = data["quotes"][0]
    assert article.text[quote["start"] : quote["end"]] == quote["text"]
    assert set(data["timings_ms"]) == {"embed", "retrieve", "answer", "total"}


def test_ask_json_abstains(built_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["ask", "Who won the 2022 FIFA World Cup?", "--json", "--mode", "dense",
                        "--top-k", "3", "--index-dir", str(built_dir)], capsys)
    assert code == 0
    data = json.loads(out)
    assert data["abstained"] is True and data["answer"] == "" and data["quotes"] == []
    assert 1 <= len(data["passages"]) <= 3


def test_ask_text_output(built_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["ask", "When was the SCO founded?", "--index-dir", str(built_dir)],
                       capsys)
    assert code == 0
    assert out.startswith("Answer: 2001")
    assert "> Founded in 2001" in out and "[1]" in out
    assert "Sources:" in out and "characters " in out


def test_ask_text_output_when_abstaining(built_dir: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["ask", "Who won the 2022 FIFA World Cup?", "--index-dir", str(built_dir)],
                       capsys)
    assert code == 0
    assert out.startswith("The document does not say.")
    assert "Closest passages" in out


@pytest.mark.parametrize("question", ["", "   ", "\t\n", "x" * (MAX_QUESTION_CHARS + 1),
                                      "\udcff not UTF-8"])
def test_bad_question_exits_2_with_one_line(tmp_path: Path, question: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["ask", question, "--json", "--index-dir", str(tmp_path / "i")],
                         capsys)
    assert code == 2
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("rag: error:"), err
    assert "Traceback" not in err
    assert not (tmp_path / "i").exists(), "bad input is rejected before any work"


def test_verbose_works_before_or_after_the_command() -> None:
    parser = build_parser()
    assert parser.parse_args(["-v", "ask", "q"]).verbose
    assert parser.parse_args(["ask", "-v", "q"]).verbose
    assert not parser.parse_args(["ask", "q"]).verbose


def test_an_empty_corpus_path_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["ask", "--corpus", "", "When?"])
    assert info.value.code == 2
    assert "give a file or a folder, not an empty string" in capsys.readouterr().err


def test_an_empty_index_dir_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    # Path("") is the current folder: an index would appear in ./default.
    with pytest.raises(SystemExit) as info:
        main(["index", "--index-dir", ""])
    assert info.value.code == 2
    assert "--index-dir: give a folder" in capsys.readouterr().err


def test_bogus_mode_is_an_argparse_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["ask", "When was the SCO founded?", "--mode", "bogus"])
    assert info.value.code == 2
    assert "bogus" in capsys.readouterr().err


@pytest.mark.parametrize("top_k", ["0", "51", "-3", "five", "1_0", "５"])
def test_bad_top_k_exits_2_with_a_clear_message(tmp_path: Path, top_k: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["ask", "When was the SCO founded?", "--top-k", top_k, "--index-dir",
              str(tmp_path)])
    assert info.value.code == 2
    out, err = capsys.readouterr()
    assert out == "" and not any(tmp_path.iterdir())
    # argparse's usage, then the error naming the option and the value.
    last = err.strip().splitlines()[-1]
    assert last.startswith("rag ask: error: argument --top-k:") and top_k in last, err
    assert "Traceback" not in err


@pytest.mark.parametrize("command", [["index"], ["ask", "When was the SCO founded?"]])
def test_an_index_dir_that_is_a_file_is_refused_before_any_work(
        tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    a_file = tmp_path / "index"
    a_file.write_text("not a folder", encoding="utf-8")
    code, out, err = run([*command, "--index-dir", str(a_file)], capsys)
    assert code == 2 and out == ""
    assert f"--index-dir {a_file} is a file" in err and "Traceback" not in err
    assert a_file.read_text(encoding="utf-8") == "not a folder"


def test_an_io_error_is_one_line_naming_the_file(monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    import rag.evaluation.runner as runner

    def full_disk(_args: object) -> int:
        raise OSError(28, "No space left on device", "/runs/x/metrics.json")

    monkeypatch.setattr(runner, "run_from_args", full_disk)
    code, out, err = run(["eval", "--gold", "whatever.json"], capsys)
    assert code == 1 and out == ""
    assert err.strip() == "rag: error: No space left on device: /runs/x/metrics.json"


def test_index_creates_a_missing_folder_and_prints_a_summary(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    index_dir = tmp_path / "a" / "b"
    code, out, _ = run(["index", "--index-dir", str(index_dir)], capsys)
    assert code == 0
    assert (index_dir / "default" / "manifest.json").is_file()
    [summary] = [line for line in out.splitlines() if line.strip()]
    assert "chunks" in summary and "sentences" in summary and "built in" in summary
    manifest = json.loads((index_dir / "default" / "manifest.json").read_text())
    assert f"{manifest['chunks']} chunks" in summary
    assert f"{manifest['sentences']} sentences" in summary
    # A second run finds it up to date; --rebuild builds it again.
    built_at = manifest["built_at"]
    code, out, _ = run(["index", "--index-dir", str(index_dir)], capsys)
    assert code == 0 and "chunks" in out and "up to date" in out
    assert json.loads((index_dir / "default" / "manifest.json").read_text())["built_at"] == built_at


def test_ask_creates_a_missing_index_folder(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    index_dir = tmp_path / "fresh"
    code, out, _ = run(["ask", "When was the SCO founded?", "--json", "--index-dir",
                        str(index_dir)], capsys)
    assert code == 0
    assert "2001" in json.loads(out)["answer"]
    assert (index_dir / "default" / "chunks.faiss").is_file()


def test_unreadable_index_is_rebuilt_without_traceback(
        built_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    index_dir = tmp_path / "copy"
    shutil.copytree(built_dir, index_dir)
    (index_dir / "default" / "manifest.json").write_text("garbage", encoding="utf-8")
    code, out, err = run(["ask", "When was the SCO founded?", "--json", "--index-dir",
                          str(index_dir)], capsys)
    assert code == 0, err
    assert "2001" in json.loads(out)["answer"]
    assert "Traceback" not in err


RIVERS = {
    "danube.txt": "The Danube flows through ten countries. It rises in the Black Forest of "
                  "Germany and empties into the Black Sea.\n",
    "notes/rhine.md": "# Rhine\n\nThe Rhine rises in the Swiss Alps and flows into the North "
                      "Sea near Rotterdam.\n",
}


@pytest.fixture()
def rivers(tmp_path: Path) -> Path:
    """A folder of the user's own documents, one in a sub-folder."""
    root = tmp_path / "rivers"
    for name, text in RIVERS.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_ask_and_index_over_your_own_documents(rivers: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    index_dir = tmp_path / "index"
    code, out, err = run(["ask", "--corpus", str(rivers), "--index-dir", str(index_dir),
                          "--json", "Where does the Rhine rise?"], capsys)
    assert code == 0, err
    data = json.loads(out)
    assert set(data) == SCHEMA_KEYS and "Swiss Alps" in data["answer"]
    quote = data["quotes"][0]
    assert quote["doc_id"] == "notes/rhine.md"  # cited by its path in the folder
    assert RIVERS[quote["doc_id"]][quote["start"] : quote["end"]] == quote["text"]
    # Its own index, beside (never in place of) the article's.
    [folder] = [p.name for p in index_dir.iterdir()]
    assert folder.startswith("corpus-rivers-") and folder != "default"
    code, out, _ = run(["index", "--corpus", str(rivers), "--index-dir", str(index_dir)],
                       capsys)
    assert code == 0 and "2 document(s)" in out and "up to date" in out
    # An edit is seen: the stale index is rebuilt.
    (rivers / "danube.txt").write_text("The Danube is 2,850 km long.\n", encoding="utf-8")
    code, out, _ = run(["index", "--corpus", str(rivers), "--index-dir", str(index_dir)],
                       capsys)
    assert code == 0 and "built in" in out


def test_a_corpus_that_cannot_be_read_is_one_line(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty").mkdir()
    for path, message in ((tmp_path / "nope", "does not exist"),
                          (tmp_path / "empty", "holds no usable text files")):
        code, out, err = run(["ask", "--corpus", str(path), "--index-dir",
                              str(tmp_path / "index"), "When?"], capsys)
        assert code == 2 and out == ""
        assert err.startswith("rag: error: ") and str(path) in err and message in err
        assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "index").exists()  # refused before any index work


def test_help_is_useful(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    for word in ("index", "ask", "serve", "eval", "rag ask"):
        assert word in out
    with pytest.raises(SystemExit):
        main(["ask", "--help"])
    out = capsys.readouterr().out
    for option in ("--top-k", "--mode", "--json", "--corpus", "--index-dir"):
        assert option in out


def test_format_answer_marks_quotes(engine: Engine) -> None:
    text = format_answer(engine.ask("When was the SCO founded?"))
    assert "Answer: 2001" in text
    assert text.count("[1]") == 2  # the blockquote marker and its source line


def test_format_answer_says_why_it_abstains_and_what_it_doubts() -> None:
    from rag.schema import Answer, Doubt, Quote

    doubt = Doubt("missing_figure", "The closest sentence does not give the question's “2019”.")
    timings = {"embed": 1.0, "retrieve": 1.0, "answer": 1.0, "total": 3.0}
    abstained = format_answer(Answer("When in 2019?", "", True, 0.05, (), (), timings, (doubt,)))
    assert f"The document does not say.\nWhy: {doubt.message}" in abstained
    quote = Quote("Founded in 2001.", "d", 0, 0, 16, 0.9)
    answered = format_answer(Answer("When?", "2001", False, 0.5, (quote,), (), timings, (doubt,)))
    assert f"Caution: {doubt.message}" in answered
    assert "Caution" not in format_answer(Answer("When?", "2001", False, 0.5, (quote,), (),
                                                 timings))


def test_a_closest_passage_is_marked_cut_only_when_it_is() -> None:
    from rag.cli import EXCERPT_CHARS
    from rag.schema import Answer, Passage

    short = Passage("Vienna hosts the office.", "d.txt", 0, 0, 24, 0.5, 1)
    long = Passage("x" * (EXCERPT_CHARS + 1), "d.txt", 1, 30, 31 + EXCERPT_CHARS, 0.4, 2)
    text = format_answer(Answer("Where?", "", True, 0.1, (), (short, long), {"total": 1.0}))
    assert "d.txt [0:24]: Vienna hosts the office.\n" in text
    assert f"d.txt [30:{31 + EXCERPT_CHARS}]: {'x' * EXCERPT_CHARS}...\n" in text


def test_format_answer_marks_every_line_of_a_quote() -> None:
    from rag.schema import Answer, Quote

    quotes = (Quote("Key facts:\r- a spare key\r\n- a red box", "notes.md", 0, 0, 38, 0.9),
              Quote("One line.", "notes.md", 1, 40, 49, 0.8))
    answer = Answer("Where is the key?", "spare key\r\n- a red", False, 0.9, quotes, (),
                    {"embed": 1.0, "retrieve": 1.0, "answer": 1.0, "total": 3.0})
    text = format_answer(answer)
    assert "\r" not in text
    assert "Answer: spare key - a red\n" in text
    assert "> Key facts:\n> - a spare key\n> - a red box [1]\n> One line. [2]" in text


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", PYTHONIOENCODING="utf-8")
    return env


@pytest.mark.slow
def test_subprocess_help() -> None:
    done = subprocess.run([sys.executable, "-m", "rag", "--help"], capture_output=True,
                          text=True, timeout=120, cwd=PROJECT, env=_env())
    assert done.returncode == 0
    assert "ask" in done.stdout and "index" in done.stdout


@pytest.mark.slow
def test_subprocess_ask_json(tmp_path: Path, article) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "rag", "ask", "When was the SCO founded?", "--json",
         "--index-dir", str(tmp_path)],
        capture_output=True, text=True, timeout=300, cwd=tmp_path, env=_env(),
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) == SCHEMA_KEYS
    assert "2001" in data["answer"]
    quote = data["quotes"][0]
    assert article.text[quote["start"] : quote["end"]] == quote["text"]
    assert "Traceback" not in done.stderr


@pytest.mark.slow
def test_subprocess_bad_question_exits_2(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "rag", "ask", "   "], capture_output=True,
                          text=True, timeout=120, cwd=tmp_path, env=_env())
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr


@pytest.mark.slow
def test_subprocess_a_closed_pipe_is_quiet(tmp_path: Path) -> None:
    # "rag ask --json ... | head -c 10": the reader goes away before rag writes.
    env = _env()
    env.pop("PYTHONUNBUFFERED", None)  # buffered, as a pipe normally is
    process = subprocess.Popen(
        [sys.executable, "-m", "rag", "ask", "When was the SCO founded?", "--json",
         "--index-dir", str(tmp_path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path, env=env)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    err = process.stderr.read().decode("utf-8")
    assert process.wait(timeout=300) == 141
    assert "error" not in err and "Traceback" not in err and "Exception" not in err, err


def test_top_k_takes_the_whole_range_the_library_does() -> None:
    parser = build_parser()
    assert parser.parse_args(["ask", "q", "--top-k", "1"]).top_k == 1
    assert parser.parse_args(["ask", "q", "--top-k", str(MAX_TOP_K)]).top_k == MAX_TOP_K
    assert parser.parse_args(["ask", "q", "--top-k", " 7 "]).top_k == 7


def test_a_long_bad_top_k_is_shown_cut(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["ask", "q", "--top-k", "9" * 500])
    err = capsys.readouterr().err
    assert "is out of range" in err and "9" * 21 not in err and "…" in err
