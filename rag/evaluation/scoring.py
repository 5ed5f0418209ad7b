"""From per-question engine outputs to per-mode metrics at any abstention threshold.

The runner asks the engine with abstention switched off (threshold 0), so every
question keeps its best answer and its ``confidence``. Abstaining at a threshold
``t`` is then ``confidence < t``, exactly the engine's own rule, which lets one
run report the configured threshold, calibrate a new one and draw the whole
trade-off curve without asking again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from rag.evaluation import metrics as m
from rag.evaluation.gold import GoldItem
from rag.schema import Answer, Passage

RECALL_KS = (1, 3, 5, 10)
RETRIEVAL_DEPTH = 10
QUOTE_KS = (1, 3)

# The flat per-mode keys of metrics.json, in table order.
METRIC_KEYS = (
    *(f"retrieval_recall@{k}" for k in RECALL_KS),
    "retrieval_mrr@10",
    *(f"quote_hit@{k}" for k in QUOTE_KS),
    "exact", "f1", "HasAns_exact", "HasAns_f1", "NoAns_exact", "NoAns_f1",
    "abstain_precision", "abstain_recall", "abstain_f1", "abstain_rate",
    "best_f1", "best_f1_abstain_threshold",
    "latency_ms_p50", "latency_ms_p95",
)


@dataclass(frozen=True)
class Record:
    """One question asked in one mode, before any abstention threshold.

    Attributes:
        item: The gold question.
        gold_file: The file it came from.
        answer: The engine's answer with abstention off (threshold 0).
        retrieved: The top ``RETRIEVAL_DEPTH`` passages, for retrieval metrics.
    """

    item: GoldItem
    gold_file: str
    answer: Answer
    retrieved: tuple[Passage, ...]


def apply_threshold(answer: Answer, threshold: float) -> Answer:
    """The answer the engine would give with ``abstain_threshold=threshold``."""
    if answer.abstained or answer.confidence >= threshold:
        return answer
    return replace(answer, answer="", abstained=True, quotes=())


@dataclass(frozen=True)
class ScoreTable:
    """Per-question scores of one mode that do not depend on the threshold.

    Arrays are aligned with the records. ``*_if_answered`` is the score of the
    engine's answer; ``*_if_abstained`` the score of the empty prediction
    (1 only where the official script finds no gold answer).
    """

    ids: tuple[str, ...]
    has_answer: np.ndarray
    impossible: np.ndarray
    confidence: np.ndarray
    always_abstains: np.ndarray
    exact_if_answered: np.ndarray
    f1_if_answered: np.ndarray
    exact_if_abstained: np.ndarray
    f1_if_abstained: np.ndarray
    quote_hit: dict[int, np.ndarray]
    ranks: tuple[int | None, ...]
    latency_ms: np.ndarray
    predictions: tuple[str, ...]

    def abstains(self, threshold: float) -> np.ndarray:
        """Which questions abstain at ``threshold`` (the engine's rule)."""
        return self.always_abstains | (self.confidence < threshold)

    def exact(self, threshold: float) -> np.ndarray:
        """Per-question exact match (0/1) at ``threshold``."""
        return np.where(self.abstains(threshold), self.exact_if_abstained, self.exact_if_answered)

    def f1(self, threshold: float) -> np.ndarray:
        """Per-question F1 (0..1) at ``threshold``."""
        return np.where(self.abstains(threshold), self.f1_if_abstained, self.f1_if_answered)


def score_records(records: Sequence[Record]) -> ScoreTable:
    """Compute every threshold-independent score of one mode's records."""
    exact_a, f1_a, exact_0, f1_0, ranks = [], [], [], [], []
    hits: dict[int, list[bool]] = {k: [] for k in QUOTE_KS}
    for r in records:
        golds = [a.text for a in r.item.answers]
        e, f = m.squad_scores(golds, r.answer.answer)
        e0, f0 = m.squad_scores(golds, "")
        exact_a.append(e)
        f1_a.append(f)
        exact_0.append(e0)
        f1_0.append(f0)
        quotes = [q.text for q in r.answer.quotes]
        for k in QUOTE_KS:
            hits[k].append(m.quote_hit(golds, quotes, k))
        # An answer its context does not hold (a repaired SQuAD file) has no span.
        spans = [(a.doc_id, a.start, a.start + len(a.text)) for a in r.item.answers
                 if a.start is not None]
        passages = [(p.doc_id, p.start, p.end) for p in r.retrieved[:RETRIEVAL_DEPTH]]
        ranks.append(m.first_relevant_rank(spans, passages))
    return ScoreTable(
        ids=tuple(r.item.id for r in records),
        has_answer=np.array([r.item.has_answer for r in records], dtype=bool),
        impossible=np.array([r.item.is_impossible for r in records], dtype=bool),
        confidence=np.array([r.answer.confidence for r in records], dtype=np.float64),
        always_abstains=np.array([r.answer.abstained for r in records], dtype=bool),
        exact_if_answered=np.array(exact_a, dtype=np.float64),
        f1_if_answered=np.array(f1_a, dtype=np.float64),
        exact_if_abstained=np.array(exact_0, dtype=np.float64),
        f1_if_abstained=np.array(f1_0, dtype=np.float64),
        quote_hit={k: np.array(v, dtype=bool) for k, v in hits.items()},
        ranks=tuple(ranks),
        latency_ms=np.array([r.answer.timings_ms.get("total", 0.0) for r in records]),
        predictions=tuple(r.answer.answer for r in records),
    )


def best_threshold(table: ScoreTable) -> tuple[float, float]:
    """The official ``best_f1`` sweep, as ``(best F1 in percent, abstain threshold)``.

    Like the official script, it starts from "abstain on everything", answers
    questions in decreasing confidence and keeps the first best overall F1, so
    a tie goes to the threshold that abstains more. Unlike it, questions of
    equal confidence are answered together: the script may count a best score
    halfway through a tie, which no threshold can give. The F1 returned is
    therefore always the one the returned threshold gives.

    The threshold lies midway between the lowest confidence answered and the
    highest one below it, so a threshold rounded for a settings file still
    splits the questions the same way. Settings cap a threshold at 1.0, and
    confidence 1.0 is answered there: "abstain on everything" is only a
    candidate when no question has confidence 1.0.
    """
    n = len(table.ids)
    base = float(table.f1_if_abstained.sum())
    # A question the engine cannot answer at all (no passages) never gets a
    # quote, whatever the threshold: it stays at its abstained score.
    answerable = ~table.always_abstains
    confidence = table.confidence[answerable]
    gain = (table.f1_if_answered - table.f1_if_abstained)[answerable]
    order = np.argsort(-confidence, kind="stable")
    confidence, gain = confidence[order], gain[order]
    total = np.concatenate(([0.0], np.cumsum(gain)))
    candidates: list[tuple[float, float]] = []  # (F1 in percent, threshold)
    if confidence.size == 0 or confidence[0] < 1.0:
        candidates.append((100.0 * base / n, 1.0))
    for k in range(1, confidence.size + 1):  # answer the k most confident
        below = float(confidence[k]) if k < confidence.size else 0.0
        if below == confidence[k - 1] and k < confidence.size:
            continue  # inside a tie: not a place a threshold can cut
        lowest = float(confidence[k - 1])
        middle = (lowest + below) / 2
        # Between two adjacent floats the midpoint rounds onto the lower one.
        candidates.append((100.0 * (base + float(total[k])) / n,
                           middle if middle > below else lowest))
    # Rounded so that float noise in the running sum does not break a tie.
    return max(candidates, key=lambda c: round(c[0], 9))


def _mean(values: np.ndarray, scale: float = 1.0) -> float | None:
    return float(values.mean()) * scale if values.size else None


def mode_metrics(table: ScoreTable, threshold: float) -> dict[str, Any]:
    """The flat metric dict of one mode at an abstention threshold (keys: METRIC_KEYS)."""
    abstains = table.abstains(threshold)
    exact, f1 = table.exact(threshold), table.f1(threshold)
    answerable = ~table.impossible
    answerable_ranks = [r for r, a in zip(table.ranks, answerable.tolist(), strict=True) if a]
    out: dict[str, Any] = {}
    for k in RECALL_KS:
        out[f"retrieval_recall@{k}"] = m.recall_at_k(answerable_ranks, k)
    out["retrieval_mrr@10"] = m.mrr(answerable_ranks, RETRIEVAL_DEPTH)
    for k in QUOTE_KS:
        out[f"quote_hit@{k}"] = _mean((table.quote_hit[k] & ~abstains)[answerable])
    out["exact"] = _mean(exact, 100.0)
    out["f1"] = _mean(f1, 100.0)
    out["HasAns_exact"] = _mean(exact[table.has_answer], 100.0)
    out["HasAns_f1"] = _mean(f1[table.has_answer], 100.0)
    out["NoAns_exact"] = _mean(exact[~table.has_answer], 100.0)
    out["NoAns_f1"] = _mean(f1[~table.has_answer], 100.0)
    p, r, f = m.abstention_prf(abstains.tolist(), table.impossible.tolist())
    out["abstain_precision"], out["abstain_recall"], out["abstain_f1"] = p, r, f
    out["abstain_rate"] = _mean(abstains.astype(np.float64))
    out["best_f1"], out["best_f1_abstain_threshold"] = best_threshold(table)
    latency = table.latency_ms.tolist()
    out["latency_ms_p50"] = m.percentile(latency, 50)
    out["latency_ms_p95"] = m.percentile(latency, 95)
    return out


def by_kind(table: ScoreTable, kinds: Sequence[str], threshold: float) -> dict[str, Any]:
    """Quote hits, F1 and abstention per gold question kind, at a threshold.

    Args:
        table: One mode's scores.
        kinds: Each question's kind (``GoldItem.kind``), aligned with the table;
            questions without one are left out.
        threshold: The abstention threshold.

    Returns:
        ``{kind: {"n", "quote_hit@1", "quote_hit@3", "f1", "abstain_rate"}}`` in
        alphabetical order of kind; quote hits are None for a kind with no
        answerable question.
    """
    abstains = table.abstains(threshold)
    f1 = table.f1(threshold)
    labels = np.array(kinds, dtype=object)
    out: dict[str, Any] = {}
    for kind in sorted(set(kinds) - {""}):
        mask = labels == kind
        answerable = mask & ~table.impossible
        row: dict[str, Any] = {"n": int(mask.sum())}
        for k in QUOTE_KS:
            row[f"quote_hit@{k}"] = _mean((table.quote_hit[k] & ~abstains)[answerable])
        row["f1"] = _mean(f1[mask], 100.0)
        row["abstain_rate"] = _mean(abstains[mask].astype(np.float64))
        out[kind] = row
    return out


def recall_curve(table: ScoreTable, depth: int = RETRIEVAL_DEPTH) -> list[float]:
    """``retrieval_recall@k`` for k = 1..depth (empty without answerable questions)."""
    ranks = [r for r, i in zip(table.ranks, table.impossible.tolist(), strict=True) if not i]
    if not ranks:
        return []
    return [m.recall_at_k(ranks, k) or 0.0 for k in range(1, depth + 1)]


@dataclass(frozen=True)
class TradeOff:
    """Abstention metrics over a grid of thresholds, for the trade-off plot."""

    thresholds: np.ndarray
    f1: np.ndarray
    has_ans_f1: np.ndarray
    no_ans_exact: np.ndarray
    abstain_precision: np.ndarray
    abstain_recall: np.ndarray


def trade_off(table: ScoreTable, steps: int = 101, include: float | None = None) -> TradeOff:
    """Overall F1, HasAns F1, NoAns exact and abstention P/R for thresholds 0..1.

    ``include`` adds one exact threshold to the grid (the one the metrics use),
    so a plot can mark it without rounding to the nearest grid step.
    """
    grid = np.linspace(0.0, 1.0, steps)
    if include is not None:
        grid = np.unique(np.append(grid, include))
    f1, has, no, prec, rec = [], [], [], [], []
    for t in grid.tolist():
        scores = table.f1(t)
        f1.append(_mean(scores, 100.0) or 0.0)
        has.append(_mean(scores[table.has_answer], 100.0) or 0.0)
        no.append(_mean(table.exact(t)[~table.has_answer], 100.0) or 0.0)
        p, r, _ = m.abstention_prf(table.abstains(t).tolist(), table.impossible.tolist())
        # Undefined (never abstains, or nothing unanswerable): a gap in the plot.
        prec.append(np.nan if p is None else p)
        rec.append(np.nan if r is None else r)
    return TradeOff(grid, *(np.array(v, dtype=np.float64) for v in (f1, has, no, prec, rec)))
