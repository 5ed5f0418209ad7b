"""End to end: ``rag eval`` on the tiny SQuAD v2.0 fixture writes every artefact."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rag.cli import main
from rag.embedding import Embedder
from rag.engine import Engine
from rag.errors import InvalidRequestError
from rag.evaluation import metrics as metrics_module
from rag.evaluation.gold import load_gold
from rag.evaluation.runner import (
    check_unique_question_ids,
    evaluate,
    limit_golds,
    parse_modes,
    write_artifacts,
)
from rag.evaluation.scoring import METRIC_KEYS, apply_threshold
from rag.settings import MODES, Settings, load_settings, project_root

TINY = Path(__file__).parent / "data" / "tiny_squad2.json"
GOLD_DEV = project_root() / "eval" / "gold" / "dev.jsonl"


def test_cli_writes_every_artefact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    settings_file = tmp_path / "settings.json"
    monkeypatch.setenv("RAG_SETTINGS", str(settings_file))  # never touch the project's
    out = tmp_path / "run"
    code = main(["eval", "--gold", str(TINY), "--limit", "5", "--out", str(out),
                 "--index-dir", str(tmp_path / "index"), "--calibrate"])
    assert code == 0
    printed = capsys.readouterr().out
    assert "| metric | hybrid | dense | bm25 |" in printed
    assert "calibrated abstain_threshold" in printed and "add --write to save it" in printed

    metrics = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["gold"] == [str(TINY)]
    assert metrics["n"] == 5
    assert metrics["n_answerable"] + metrics["n_unanswerable"] == 5
    assert list(metrics["modes"]) == list(MODES)
    for values in metrics["modes"].values():
        assert set(METRIC_KEYS) <= set(values)
    # The calibrated threshold was applied (--write saves it: see below).
    threshold = metrics["calibration"]["abstain_threshold"]
    assert metrics["abstain_threshold"] == threshold
    assert not settings_file.exists()

    ids = [item.id for item in load_gold(TINY).items[:5]]
    for mode in MODES:
        predictions = json.loads((out / f"predictions.{mode}.json").read_text("utf-8"))
        assert list(predictions) == ids and all(isinstance(v, str) for v in predictions.values())
        rows = [json.loads(line) for line in
                (out / f"results.{mode}.jsonl").read_text("utf-8").splitlines()]
        assert [r["id"] for r in rows] == ids
        for row in rows:
            assert {"question", "answer", "abstained", "confidence", "quotes", "passages",
                    "timings_ms", "gold_answers", "is_impossible", "scores"} <= set(row)
            assert row["answer"] == predictions[row["id"]]
        # Mean of the per-question F1 is the reported F1.
        mean_f1 = 100 * sum(r["scores"]["f1"] for r in rows) / len(rows)
        assert mean_f1 == pytest.approx(metrics["modes"][mode]["f1"], abs=1e-3)
    # gold.json holds exactly the questions scored (--limit 5), in SQuAD v2.0 form,
    # so the official script can score the predictions files as they are.
    scored = load_gold(out / "gold.json")
    assert [item.id for item in scored.items] == ids
    assert [i.answers for i in scored.items] == [i.answers for i in load_gold(TINY).items[:5]]
    # What the official script does with the two files (get_raw_scores, no na_prob
    # file) gives the run's own exact and F1.
    dataset = json.loads((out / "gold.json").read_text(encoding="utf-8"))["data"]
    for mode in MODES:
        predictions = json.loads((out / f"predictions.{mode}.json").read_text("utf-8"))
        exact, f1 = [], []
        for article in dataset:
            for paragraph in article["paragraphs"]:
                for qa in paragraph["qas"]:
                    golds = [a["text"] for a in qa["answers"]
                             if metrics_module.normalize_answer(a["text"])] or [""]
                    prediction = predictions[qa["id"]]
                    exact.append(max(metrics_module.compute_exact(g, prediction) for g in golds))
                    f1.append(max(metrics_module.compute_f1(g, prediction) for g in golds))
        assert 100 * sum(exact) / len(exact) == pytest.approx(metrics["modes"][mode]["exact"])
        assert 100 * sum(f1) / len(f1) == pytest.approx(metrics["modes"][mode]["f1"])
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "| metric | hybrid | dense | bm25 |" in report
    assert "## Worst misses" in report
    # The rules' table is there when some answer was doubted.
    doubted = any(json.loads(line)["doubts"] for mode in MODES for line in
                  (out / f"results.{mode}.jsonl").read_text("utf-8").splitlines())
    assert ("## Confidence rules" in report) is doubted
    for png in ("recall_at_k.png", "abstention.png"):
        assert png in report
        assert (out / png).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_calibrate_write_saves_the_threshold(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    settings_file = tmp_path / "settings.json"
    monkeypatch.setenv("RAG_SETTINGS", str(settings_file))  # never touch the project's
    out = tmp_path / "run"
    code = main(["eval", "--gold", str(TINY), "--modes", "hybrid", "--out", str(out),
                 "--index-dir", str(tmp_path / "index"), "--calibrate", "--write"])
    assert code == 0
    assert f"written to {settings_file}" in capsys.readouterr().out
    metrics = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    threshold = metrics["calibration"]["abstain_threshold"]
    assert load_settings(settings_file).abstain_threshold == threshold


@pytest.mark.parametrize(("gold", "argv", "message"), [
    (TINY, ["--limit", "5"], "--write with --limit 5"),
    (project_root() / "eval" / "gold" / "test.jsonl", [], "its name says it is a test split"),
])
def test_calibrate_write_refuses_a_partial_or_test_set(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        gold: Path, argv: list[str], message: str) -> None:
    settings_file = tmp_path / "settings.json"
    monkeypatch.setenv("RAG_SETTINGS", str(settings_file))
    code = main(["eval", "--gold", str(gold), "--out", str(tmp_path / "run"), *argv,
                 "--index-dir", str(tmp_path / "index"), "--calibrate", "--write"])
    assert code == 2
    assert message in capsys.readouterr().err
    assert not settings_file.exists() and not (tmp_path / "index").exists()


def test_a_reused_out_folder_keeps_no_files_of_other_modes(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "run"
    index = ["--index-dir", str(tmp_path / "index")]
    assert main(["eval", "--gold", str(TINY), "--out", str(out), *index]) == 0
    mine = out / "predictions.mine.json"  # not a file rag writes: kept
    mine.write_text("{}", encoding="utf-8")
    # In a folder that held no run, even files named like rag's are left alone.
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    (fresh / "predictions.bm25.json").write_text("{}", encoding="utf-8")
    assert main(["eval", "--gold", str(TINY), "--limit", "2", "--modes", "dense",
                 "--out", str(fresh), *index]) == 0
    assert (fresh / "predictions.bm25.json").read_text(encoding="utf-8") == "{}"
    assert main(["eval", "--gold", str(TINY), "--limit", "3", "--modes", "dense",
                 "--out", str(out), *index]) == 0
    capsys.readouterr()
    assert sorted(p.name for p in out.glob("predictions.*")) == ["predictions.dense.json",
                                                                 "predictions.mine.json"]
    assert sorted(p.name for p in out.glob("results.*")) == ["results.dense.jsonl"]
    predictions = json.loads((out / "predictions.dense.json").read_text(encoding="utf-8"))
    assert len(predictions) == 3


@pytest.mark.parametrize(("name", "refused"), [
    ("test.jsonl", True), ("squad_test.json", True), ("Test-2024.jsonl", True),
    ("dev.jsonl", False), ("latest_dev.jsonl", False), ("contest.json", False),
])
def test_write_refuses_files_named_as_test_splits(name: str, refused: bool) -> None:
    from rag.errors import InvalidRequestError
    from rag.evaluation.runner import check_writable_calibration

    if refused:
        with pytest.raises(InvalidRequestError, match="test split"):
            check_writable_calibration([Path(name)], None)
    else:
        check_writable_calibration([Path(name)], None)


@pytest.mark.parametrize("argv", [
    ["--modes", "hybrid,sparse"],
    ["--modes", ","],
    ["--write"],
    ["--limit", "0"],
])
def test_cli_rejects_bad_options_before_loading_the_model(
        tmp_path: Path, argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["eval", "--gold", str(TINY), "--out", str(tmp_path / "run"), *argv])
    assert code == 2
    assert "rag: error:" in capsys.readouterr().err
    assert not (tmp_path / "run").exists()


def test_a_gold_file_the_run_would_overwrite_or_given_twice_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "run"
    out.mkdir()
    own = out / "gold.json"
    own.write_bytes(TINY.read_bytes())
    link = tmp_path / "mine.json"
    link.symlink_to(own)
    for argv, message in ((["--gold", str(own)], "where the run writes its own gold.json"),
                          (["--gold", str(link)], "where the run writes its own gold.json"),
                          (["--gold", str(TINY), "--gold", str(TINY)], "is given twice")):
        code = main(["eval", *argv, "--out", str(out), "--index-dir", str(tmp_path / "index")])
        assert code == 2
        assert message in capsys.readouterr().err
    assert own.read_bytes() == TINY.read_bytes()
    assert not (tmp_path / "index").exists()


def test_calibrating_on_one_kind_of_question_warns_and_never_writes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        caplog: pytest.LogCaptureFixture) -> None:
    settings_file = tmp_path / "settings.json"
    monkeypatch.setenv("RAG_SETTINGS", str(settings_file))
    data = json.loads(TINY.read_text(encoding="utf-8"))
    for article in data["data"]:
        for paragraph in article["paragraphs"]:
            paragraph["qas"] = [qa for qa in paragraph["qas"] if qa.get("is_impossible")]
    only_unanswerable = tmp_path / "dev_unanswerable.json"
    only_unanswerable.write_text(json.dumps(data), encoding="utf-8")
    base = ["eval", "--gold", str(only_unanswerable), "--out", str(tmp_path / "run"),
            "--index-dir", str(tmp_path / "index"), "--modes", "bm25", "--calibrate"]
    assert main([*base, "--write"]) == 2
    assert "--write refuses it: every question" in capsys.readouterr().err
    assert not settings_file.exists() and not (tmp_path / "index").exists()
    with caplog.at_level("WARNING", logger="rag.evaluation.runner"):
        assert main(base) == 0
    assert "is unanswerable, so the calibrated threshold is arbitrary" in caplog.text


def test_cli_rejects_an_unusable_out_folder_before_asking(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a_file = tmp_path / "afile"
    a_file.write_text("keep me", encoding="utf-8")
    for out in (a_file, a_file / "below"):
        code = main(["eval", "--gold", str(TINY), "--out", str(out),
                     "--index-dir", str(tmp_path / "index")])
        assert code == 2
        err = capsys.readouterr().err
        assert f"--out {out}: cannot write there" in err and "Traceback" not in err
    assert a_file.read_text(encoding="utf-8") == "keep me"
    assert not (tmp_path / "index").exists()  # nothing was embedded or asked


def test_the_default_runs_folder_is_checked_and_left_clean(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    import rag.evaluation.runner as runner

    runs = tmp_path / "runs"
    monkeypatch.setattr(runner, "default_runs_dir", lambda: runs)

    def interrupted(*_args: object, **_kwargs: object) -> None:
        raise InvalidRequestError("stopped halfway")

    monkeypatch.setattr(runner, "evaluate", interrupted)
    assert main(["eval", "--gold", str(TINY)]) == 2
    assert "stopped halfway" in capsys.readouterr().err
    assert runs.is_dir() and not list(runs.iterdir())  # no empty run folder left
    runs.rmdir()
    runs.write_text("a file", encoding="utf-8")
    assert main(["eval", "--gold", str(TINY)]) == 2
    err = capsys.readouterr().err
    assert f"Cannot write runs to {runs}" in err and "--out" in err


def test_thresholded_answers_equal_the_engines(tmp_path: Path, embedder: Embedder) -> None:
    """Applying a threshold afterwards gives exactly what the engine would answer."""
    gold = load_gold(TINY)
    settings = Settings(abstain_threshold=0.55)
    evaluation = evaluate([gold], ["hybrid"], settings, embedder=embedder,
                          index_dir=tmp_path, progress=False)
    engine = Engine(settings, index_dir=tmp_path, documents=gold.documents,
                    collection=gold.collection, embedder=embedder)
    for record in evaluation.records["hybrid"]:
        direct = engine.ask(record.item.question, mode="hybrid")
        ours = apply_threshold(record.answer, settings.abstain_threshold)
        # The evaluator embeds each question alone, as ask does: same vector, same answer.
        assert (ours.answer, ours.abstained) == (direct.answer, direct.abstained)
        assert ours.quotes == direct.quotes
        assert ours.confidence == direct.confidence
        assert len(record.retrieved) == min(10, len(engine.index.chunks))
        # Its latency is the user's: the embedding is in it.
        timings = record.answer.timings_ms
        assert timings["embed"] > 0
        assert timings["total"] == pytest.approx(
            timings["embed"] + timings["retrieve"] + timings["answer"], abs=1e-3)
    # Each answer carries its own question's embedding time, and only that.
    assert sum(r.answer.timings_ms["embed"] for r in evaluation.records["hybrid"]) == \
        pytest.approx(1e3 * evaluation.embed_seconds)
    # And the artefacts can be written from a library call too.
    metrics = write_artifacts(evaluation, tmp_path / "out", settings.abstain_threshold)
    assert metrics["n"] == len(gold.items)
    assert metrics["embed_ms_per_question"] > 0


def test_the_project_gold_is_scored_by_question_type(tmp_path: Path, embedder: Embedder) -> None:
    gold = limit_golds([load_gold(GOLD_DEV)], 12)
    settings = Settings()
    evaluation = evaluate(gold, ["hybrid"], settings, embedder=embedder, index_dir=tmp_path,
                          progress=False)
    out = tmp_path / "run"
    metrics = write_artifacts(evaluation, out, settings.abstain_threshold)
    by_type = metrics["by_type"]["hybrid"]
    kinds = [json.loads(line)["type"] for line in
             GOLD_DEV.read_text(encoding="utf-8").splitlines()[:12]]
    assert list(by_type) == sorted(set(kinds))
    # Each type's numbers are the means of its questions' own scores in results.jsonl.
    rows = [json.loads(line) for line in (out / "results.hybrid.jsonl").read_text("utf-8")
            .splitlines()]
    for kind, values in by_type.items():
        mine = [r for r, k in zip(rows, kinds, strict=True) if k == kind]
        assert values["n"] == len(mine)
        # results.jsonl rounds each F1 to 4 decimals: within 0.005 points.
        assert values["f1"] == pytest.approx(100 * sum(r["scores"]["f1"] for r in mine)
                                             / len(mine), abs=0.006)
        answerable = [r for r in mine if not r["is_impossible"]]
        if answerable:
            assert values["quote_hit@1"] == pytest.approx(
                sum(r["scores"]["quote_hit@1"] for r in answerable) / len(answerable))
    assert "## By question type" in (out / "report.md").read_text(encoding="utf-8")


def test_limit_and_unique_ids(tmp_path: Path) -> None:
    gold = load_gold(TINY)
    assert [len(g.items) for g in limit_golds([gold, gold], 9)] == [7, 2]
    assert [len(g.items) for g in limit_golds([gold, gold], 3)] == [3]
    with pytest.raises(Exception, match="is in both"):
        check_unique_question_ids([gold, gold])
    assert parse_modes(" bm25, hybrid,bm25") == ("bm25", "hybrid")
