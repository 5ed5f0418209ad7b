"""Per-mode metrics and calibration on hand-made records (no model needed)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from rag.evaluation.gold import GoldAnswer, GoldItem
from rag.evaluation.scoring import (
    METRIC_KEYS,
    Record,
    ScoreTable,
    apply_threshold,
    best_threshold,
    by_kind,
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


def test_by_kind_by_hand(records: list[Record]) -> None:
    # r1, r3 "factoid"; r2 "paraphrase"; r4 unlabelled (left out). At 0.5: r1 (0.9)
    # answers right with a hitting quote, r2 (0.6) answers wrong, its quote
    # missing "11"; r3 (0.4, unanswerable) abstains.
    out = by_kind(score_records(records), ["factoid", "paraphrase", "factoid", ""], 0.5)
    assert list(out) == ["factoid", "paraphrase"]
    assert out["factoid"] == {"n": 2, "quote_hit@1": 1.0, "quote_hit@3": 1.0, "f1": 100.0,
                              "abstain_rate": 0.5}
    assert out["paraphrase"] == {"n": 1, "quote_hit@1": 0.0, "quote_hit@3": 0.0, "f1": 0.0,
                                 "abstain_rate": 0.0}
    # A kind holding only unanswerable questions has no quote hits to speak of.
    only = by_kind(score_records(records), ["", "", "unanswerable", "unanswerable"], 0.5)
    assert only["unanswerable"]["quote_hit@1"] is None
    assert only["unanswerable"]["f1"] == 100.0  # both abstain at 0.5


def _table(rows: list[tuple[bool, str, float, float]]) -> ScoreTable:
    """A score table from ``(answerable, prediction, its F1, confidence)`` rows."""
    records = []
    for i, (answerable, prediction, _f1, confidence) in enumerate(rows):
        records.append(_record(f"q{i}", ["Tijuana"] if answerable else [], prediction,
                               SENT1, confidence, [_passage(0, SENT1_END, 1)], 1.0))
    table = score_records(records)
    # The F1 is given, not computed from the text: set it where the row says.
    return replace(table, f1_if_answered=np.array([r[2] for r in rows]))


def _official_best_f1(table: ScoreTable) -> float:
    """``find_best_thresh`` of the official SQuAD v2.0 script, on a score table."""
    na = {q: 1.0 - c for q, c in zip(table.ids, table.confidence.tolist(), strict=True)}
    has = dict(zip(table.ids, table.has_answer.tolist(), strict=True))
    preds = dict(zip(table.ids, table.predictions, strict=True))
    scores = dict(zip(table.ids, table.f1_if_answered.tolist(), strict=True))
    cur = best = float(sum(1 for q in has if not has[q]))
    for qid in sorted(na, key=lambda k: na[k]):
        diff = scores[qid] if has[qid] else (-1 if preds[qid] else 0)
        cur += diff
        best = max(best, cur)
    return 100.0 * best / len(scores)


def test_best_threshold_equals_the_official_sweep_without_ties() -> None:
    rng = np.random.default_rng(7)
    for _ in range(50):
        n = int(rng.integers(1, 12))
        confidence = rng.permutation(np.linspace(0.05, 0.95, n))  # all distinct
        answerable = rng.random(n) < 0.6
        # An answered unanswerable question scores 0, an answerable one 0..1.
        f1 = np.where(answerable, rng.choice([0.0, 0.5, 1.0], n), 0.0)
        rows = [(bool(a), "Nevada", float(f), float(c))
                for a, f, c in zip(answerable, f1, confidence, strict=True)]
        table = _table(rows)
        best, threshold = best_threshold(table)
        assert best == pytest.approx(_official_best_f1(table))
        assert mode_metrics(table, threshold)["f1"] == pytest.approx(best)


def test_best_threshold_answers_a_tie_together() -> None:
    # An answerable question answered right and an unanswerable one answered, both
    # at 0.5. The official sweep counts 100 after the first of the tie, but a
    # threshold answers both (F1 50) or neither (F1 50): 50, abstaining on both.
    table = _table([(True, "Tijuana", 1.0, 0.5), (False, "Nevada", 0.0, 0.5)])
    assert _official_best_f1(table) == 100.0
    best, threshold = best_threshold(table)
    assert best == 50.0 and threshold == 1.0
    assert mode_metrics(table, threshold)["f1"] == 50.0


def test_best_threshold_cannot_abstain_above_confidence_one() -> None:
    # Two unanswerable questions answered with confidence 1.0: abstaining on both
    # would score 100, but no threshold up to the settings' cap of 1.0 does it.
    table = _table([(False, "Nevada", 0.0, 1.0), (False, "Vegas", 0.0, 1.0)])
    best, threshold = best_threshold(table)
    assert (best, threshold) == (0.0, 0.5)
    assert mode_metrics(table, threshold)["f1"] == 0.0


def test_best_threshold_splits_adjacent_confidences() -> None:
    # No float lies between the two: the threshold is the higher one itself.
    below = float(np.nextafter(0.3, 0.0))
    table = _table([(True, "Tijuana", 1.0, 0.3), (False, "Nevada", 0.0, below)])
    best, threshold = best_threshold(table)
    assert (best, threshold) == (100.0, 0.3)
    assert mode_metrics(table, threshold)["f1"] == 100.0


def test_best_threshold_prefers_abstaining_on_an_equal_score() -> None:
    # Answering the 0.8 question right (+1) and then the unanswerable 0.6 one (-1)
    # gets back to where answering only the first left it; the sweep keeps the
    # higher threshold, as the official one does.
    table = _table([(True, "Tijuana", 1.0, 0.8), (False, "Nevada", 0.0, 0.6),
                    (True, "Tijuana", 1.0, 0.4)])
    best, threshold = best_threshold(table)
    assert best == pytest.approx(100.0 * 2 / 3)
    assert threshold == pytest.approx(0.7)


def test_curves(records: list[Record]) -> None:
    table = score_records(records)
    # Answerable ranks [1, 2]: 0.5 at k = 1, then 1.0.
    assert recall_curve(table) == [0.5] + [1.0] * 9
    curve = trade_off(table, steps=11)
    assert curve.thresholds[5] == 0.5 and curve.f1[5] == 75.0
    # Threshold 0: nobody abstains but r4; threshold 1: everyone abstains -> F1 50.
    assert curve.f1[-1] == 50.0
