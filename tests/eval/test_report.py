"""The report's tables, on hand-made records (no model needed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from matplotlib.figure import Figure

from rag.evaluation.gold import GoldAnswer, GoldItem
from rag.evaluation.report import format_doubt_table, plot_trade_off
from rag.evaluation.runner import Evaluation
from rag.evaluation.scoring import Record
from rag.schema import Answer, Doubt
from rag.settings import Settings

UNKNOWN = Doubt("unknown_name", "The question names “France”, which the documents never "
                                "mention.")
FIGURE = Doubt("missing_figure", "The closest sentence does not give the question's “2019”.")


def _record(qid: str, answerable: bool, *doubts: Doubt) -> Record:
    answers = (GoldAnswer("2001", 0, "d"),) if answerable else ()
    item = GoldItem(qid, f"question {qid}?", answers, is_impossible=not answerable)
    answer = Answer(item.question, "", True, 0.1, (), (), {"total": 1.0}, doubts)
    return Record(item, "gold.jsonl", answer, ())


def _evaluation(records: dict[str, list[Record]]) -> Evaluation:
    return Evaluation((), tuple(records), {m: tuple(r) for m, r in records.items()}, Settings())


def test_the_doubt_table_counts_each_rule_on_each_kind_of_question() -> None:
    evaluation = _evaluation({
        "hybrid": [_record("u1", False, UNKNOWN, FIGURE), _record("u2", False, UNKNOWN),
                   _record("a1", True, FIGURE), _record("a2", True)],
        # A rule listed twice for one question counts once.
        "bm25": [_record("u1", False, UNKNOWN, UNKNOWN), _record("u2", False),
                 _record("a1", True), _record("a2", True)],
    })
    assert format_doubt_table(evaluation).splitlines() == [
        "| rule | hybrid unanswerable | hybrid answerable | bm25 unanswerable | "
        "bm25 answerable |",
        "|---|---:|---:|---:|---:|",
        # Most often fired first: unknown_name 3 times in all, missing_figure twice.
        "| unknown_name | 2 | 0 | 1 | 0 |",
        "| missing_figure | 1 | 1 | 0 | 0 |",
    ]


def test_no_doubts_no_table() -> None:
    assert format_doubt_table(_evaluation({"hybrid": [_record("a1", True)]})) == ""


def test_the_trade_off_plot_is_drawn_without_unanswerable_questions(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    saved: list[Figure] = []
    real_savefig = Figure.savefig

    def keep(figure: Figure, *args: Any, **kwargs: Any) -> None:
        saved.append(figure)
        real_savefig(figure, *args, **kwargs)

    monkeypatch.setattr(Figure, "savefig", keep)
    evaluation = _evaluation({"hybrid": [_record("a1", True), _record("a2", True, FIGURE)]})
    plot_trade_off(evaluation, 0.2, tmp_path / "abstention.png")
    assert (tmp_path / "abstention.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # The precision/recall side says why it is empty, instead of an empty legend.
    right = saved[0].axes[1]
    assert [t.get_text() for t in right.texts] == ["no unanswerable questions"]
    assert right.get_legend() is None
