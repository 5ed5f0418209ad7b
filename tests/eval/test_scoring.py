"""Per-mode metrics and calibration on hand-made records (no model needed)."""

from __future__ import annotations

import pytest

from rag.evaluation.gold import GoldAnswer, GoldItem
from rag.evaluation.scoring import (
    METRIC_KEYS,
    Record,
    apply_threshold,
    best_threshold,
    mode_metrics,
    recall_curve,
    score_records,
    trade_off,
)
from rag.schema import Answer, Passage, Quote

CONTEXT = ("The megaregion's area is more expansive, extending east into Las Vegas, "
           "Nevada, and south across the Mexican border into Tijuana. It is one of the "
           "11 megaregions of the United States.")


def _passage(start: int, end: int, rank: int) -> Passage:
    return Passage(CONTEXT[start:end], "d", rank, start, end, 1.0 / rank, rank)


def _record(qid: str, gold: list[str], answer: str, quote: str, confidence: float,
            passages: list[Passage], ms: float) -> Record:
    answers = tuple(GoldAnswer(g, CONTEXT.index(g), "d") for g in gold)
    item = GoldItem(qid, f"question {qid}?", answers, is_impossible=not gold)
    quotes = (Quote(quote, "d", 0, CONTEXT.index(quote), CONTEXT.index(quote) + len(quote),
                    confidence),) if quote else ()
    ans = Answer(f"question {qid}?", answer, not answer, confidence if answer else 0.0, quotes,
                 tuple(passages), {"total": ms})
    return Record(item, "gold.json", ans, tuple(passages))


SENT1_END = CONTEXT.index(" It is")
SENT1 = CONTEXT[:SENT1_END]
SENT2 = CONTEXT[SENT1_END + 1:]


@pytest.fixture()
def records() -> list[Record]:
    whole, first, second = (0, len(CONTEXT)), (0, SENT1_END), (SENT1_END + 1, len(CONTEXT))
    return [
        # r1: answerable, right answer, gold passage at rank 1.
        _record("r1", ["Tijuana"], "Tijuana", SENT1, 0.9, [_passage(*first, 1)], 1.0),
        # r2: answerable ("11"), wrong short answer but its quote holds the gold;
        # the gold passage is at rank 2.
        _record("r2", ["11"], "Nevada", SENT1, 0.6,
                [_passage(*first, 1), _passage(*second, 2)], 2.0),
        # r3: unanswerable, answered with confidence 0.4.
        _record("r3", [], "Las Vegas", SENT1, 0.4, [_passage(*whole, 1)], 3.0),
        # r4: unanswerable, no passage at all: the engine abstains whatever the threshold.
        _record("r4", [], "", "", 0.0, [], 4.0),
    ]


def test_apply_threshold_matches_the_engine_rule(records: list[Record]) -> None:
    kept = apply_threshold(records[1].answer, 0.6)   # 0.6 >= 0.6: answered
    assert kept is records[1].answer
    dropped = apply_threshold(records[1].answer, 0.61)
    assert dropped.abstained and dropped.answer == "" and dropped.quotes == ()
    assert dropped.passages == records[1].answer.passages


def test_mode_metrics_by_hand(records: list[Record]) -> None:
    out = mode_metrics(score_records(records), threshold=0.5)
    assert set(out) == set(METRIC_KEYS)
    # Ranks of the answerable r1, r2: [1, 2]. recall@1 = 1/2, @3 = 2/2, MRR = (1 + 1/2)/2.
    assert out["retrieval_recall@1"] == 0.5
    assert out["retrieval_recall@3"] == 1.0
    assert out["retrieval_mrr@10"] == 0.75
    # Quotes: r1's holds "tijuana", r2's does not hold "11" -> 1/2 at @1 and @3.
    assert out["quote_hit@1"] == out["quote_hit@3"] == 0.5
    # At 0.5: r1 (0.9) and r2 (0.6) answer; r3 (0.4) and r4 abstain.
    # exact: r1 1, r2 0, r3 1 (abstained, unanswerable), r4 1 -> 75.0; F1 alike.
    assert out["exact"] == 75.0 and out["f1"] == 75.0
    assert out["HasAns_exact"] == 50.0 and out["HasAns_f1"] == 50.0
    assert out["NoAns_exact"] == 100.0
    # Abstentions r3, r4 are both unanswerable: P = 2/2, R = 2/2, F1 = 1.
    assert (out["abstain_precision"], out["abstain_recall"], out["abstain_f1"]) == (1, 1, 1)
    assert out["abstain_rate"] == 0.5
    # Latencies 1, 2, 3, 4: p50 = 2.5, p95 = 3 + 0.85 * 1 = 3.85.
    assert out["latency_ms_p50"] == 2.5
    assert out["latency_ms_p95"] == pytest.approx(3.85)


def test_a_higher_threshold_trades_answers_for_abstentions(records: list[Record]) -> None:
    out = mode_metrics(score_records(records), threshold=0.3)
    # r3 (0.4) now answers an unanswerable question: exact = (1 + 0 + 0 + 1) / 4.
    assert out["exact"] == 50.0
    # Only r4 abstains, correctly: P = 1/1, R = 1/2, F1 = 2 * 0.5 / 1.5 = 2/3.
    assert out["abstain_precision"] == 1.0 and out["abstain_recall"] == 0.5
    assert out["abstain_f1"] == pytest.approx(2 / 3)
    # A quote of an abstained answer no longer counts: at 0.95 both r1 and r2 abstain.
    assert mode_metrics(score_records(records), threshold=0.95)["quote_hit@1"] == 0.0


def test_best_threshold_follows_the_official_sweep(records: list[Record]) -> None:
    # na = 1 - confidence: r1 0.1, r2 0.4, r3 0.6, r4 1.0 (never answers).
    # Start 2 (two unanswerable). r1 +1 -> 3 (best, thresh 0.1); r2 +0 -> 3;
    # r3 predicts on unanswerable -1 -> 2; r4 predicts "" -> 0.
    # Best 100 * 3 / 4 = 75.0; r1 (0.9) alone is answered: the confidence threshold
    # lies midway between it and the next confidence down, r2's 0.6.
    best, threshold = best_threshold(score_records(records))
    assert best == 75.0
    assert threshold == pytest.approx(0.75)
    # Applying it reproduces the best score.
    assert mode_metrics(score_records(records), threshold)["f1"] == 75.0


def test_curves(records: list[Record]) -> None:
    table = score_records(records)
    # Answerable ranks [1, 2]: 0.5 at k = 1, then 1.0.
    assert recall_curve(table) == [0.5] + [1.0] * 9
    curve = trade_off(table, steps=11)
    assert curve.thresholds[5] == 0.5 and curve.f1[5] == 75.0
    # Threshold 0: nobody abstains but r4; threshold 1: everyone abstains -> F1 50.
    assert curve.f1[-1] == 50.0
