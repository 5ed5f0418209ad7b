"""Metric functions: the official SQuAD v2.0 scoring, plus retrieval and quote metrics.

The SQuAD functions (``normalize_answer``, ``get_tokens``, ``compute_exact``,
``compute_f1``, ``gold_answers_for_scoring``, ``apply_no_ans_threshold`` and
``make_eval_dict``) re-implement, line for line, the
official "Official evaluation script for SQuAD version 2.0"
(``evaluate-v2.0.py``, https://rajpurkar.github.io/SQuAD-explorer/, by
Rajpurkar, Jia and Liang, 2018; the SQuAD data is CC BY-SA 4.0). They keep its
quirks on purpose, so that numbers here equal the official script's:

* a gold answer that normalises to nothing is ignored, and a question with no
  gold answer left is scored as unanswerable (only the empty prediction scores);
* F1 of an empty prediction is 1 against an empty gold answer and 0 otherwise.

The script's ``find_best_thresh`` sweep is ``scoring.best_threshold``. It
differs in two places, both so that its best F1 is one a threshold can give:
questions of equal confidence are answered together, and "abstain on
everything" is not on offer when a question has confidence 1.0 (the settings
cap a threshold at 1.0, and confidence 1.0 answers there).

Everything here is a pure function of plain values, so it is testable by hand.
"""

from __future__ import annotations

import collections
import re
import string
from collections.abc import Mapping, Sequence

import numpy as np

_ARTICLES = re.compile(r"\b(a|an|the)\b", re.UNICODE)
_PUNCTUATION = frozenset(string.punctuation)


# --- The official SQuAD v2.0 script -------------------------------------------------


def normalize_answer(s: str) -> str:
    """Lower text and remove punctuation, articles and extra whitespace (official)."""

    def remove_articles(text: str) -> str:
        return _ARTICLES.sub(" ", text)

    def white_space_fix(text: str) -> str:
        return " ".join(text.split())

    def remove_punc(text: str) -> str:
        return "".join(ch for ch in text if ch not in _PUNCTUATION)

    return white_space_fix(remove_articles(remove_punc(s.lower())))


def get_tokens(s: str) -> list[str]:
    """Normalised tokens of an answer; none for the empty string (official)."""
    if not s:
        return []
    return normalize_answer(s).split()


def compute_exact(a_gold: str, a_pred: str) -> int:
    """1 if the normalised answers are equal, else 0 (official)."""
    return int(normalize_answer(a_gold) == normalize_answer(a_pred))


def compute_f1(a_gold: str, a_pred: str) -> float:
    """Token-overlap F1 of two answers, in [0, 1] (official).

    If either side has no tokens (a "no answer"), F1 is 1 when both have none
    and 0 otherwise.
    """
    gold_toks = get_tokens(a_gold)
    pred_toks = get_tokens(a_pred)
    common = collections.Counter(gold_toks) & collections.Counter(pred_toks)
    num_same = sum(common.values())
    if len(gold_toks) == 0 or len(pred_toks) == 0:
        return float(gold_toks == pred_toks)
    if num_same == 0:
        return 0.0
    precision = 1.0 * num_same / len(pred_toks)
    recall = 1.0 * num_same / len(gold_toks)
    return (2 * precision * recall) / (precision + recall)


def gold_answers_for_scoring(answers: Sequence[str]) -> list[str]:
    """The gold answers the official script scores against.

    Answers that normalise to nothing are dropped; if none is left the question
    counts as unanswerable, whose only correct answer is the empty string.
    """
    gold = [a for a in answers if normalize_answer(a)]
    return gold or [""]


def squad_scores(answers: Sequence[str], prediction: str) -> tuple[int, float]:
    """Exact match (0/1) and F1 (0..1) of a prediction: the max over gold answers."""
    gold = gold_answers_for_scoring(answers)
    return (max(compute_exact(a, prediction) for a in gold),
            max(compute_f1(a, prediction) for a in gold))


def apply_no_ans_threshold(scores: Mapping[str, float], na_probs: Mapping[str, float],
                           qid_to_has_ans: Mapping[str, bool],
                           na_prob_thresh: float) -> dict[str, float]:
    """Scores after abstaining where ``na_prob > na_prob_thresh`` (official)."""
    new_scores = {}
    for qid, s in scores.items():
        pred_na = na_probs[qid] > na_prob_thresh
        if pred_na:
            new_scores[qid] = float(not qid_to_has_ans[qid])
        else:
            new_scores[qid] = s
    return new_scores


def make_eval_dict(exact_scores: Mapping[str, float], f1_scores: Mapping[str, float],
                   qid_list: Sequence[str] | None = None) -> dict[str, float]:
    """``exact``, ``f1`` (0-100) and ``total`` over all or the listed questions (official)."""
    if not qid_list:
        total = len(exact_scores)
        return {
            "exact": 100.0 * sum(exact_scores.values()) / total,
            "f1": 100.0 * sum(f1_scores.values()) / total,
            "total": total,
        }
    total = len(qid_list)
    return {
        "exact": 100.0 * sum(exact_scores[k] for k in qid_list) / total,
        "f1": 100.0 * sum(f1_scores[k] for k in qid_list) / total,
        "total": total,
    }


# --- Retrieval and quotes -------------------------------------------------------------


def span_in_passage(span: tuple[str, int, int], passage: tuple[str, int, int]) -> bool:
    """Whether a gold span ``(doc_id, start, end)`` lies wholly inside a passage's."""
    doc, start, end = span
    p_doc, p_start, p_end = passage
    return doc == p_doc and p_start <= start and end <= p_end


def first_relevant_rank(spans: Sequence[tuple[str, int, int]],
                        passages: Sequence[tuple[str, int, int]]) -> int | None:
    """1-based rank of the first passage holding any gold span wholly, or None."""
    for rank, passage in enumerate(passages, 1):
        if any(span_in_passage(span, passage) for span in spans):
            return rank
    return None


def recall_at_k(ranks: Sequence[int | None], k: int) -> float | None:
    """Share of questions whose first relevant passage ranks within ``k``.

    ``ranks`` holds one entry per answerable question; None for an empty list.
    """
    if not ranks:
        return None
    return sum(1 for r in ranks if r is not None and r <= k) / len(ranks)


def mrr(ranks: Sequence[int | None], depth: int = 10) -> float | None:
    """Mean reciprocal rank, counting 0 for no relevant passage within ``depth``."""
    if not ranks:
        return None
    return sum(1.0 / r for r in ranks if r is not None and r <= depth) / len(ranks)


def quote_hit(answers: Sequence[str], quotes: Sequence[str], k: int) -> bool:
    """Whether a normalised gold answer is a substring of one of the first ``k`` quotes.

    Gold answers that normalise to nothing are skipped (as the official script
    skips them), so they cannot match every quote. No quotes (an abstention)
    is a miss.
    """
    gold = [g for g in (normalize_answer(a) for a in answers) if g]
    texts = [normalize_answer(q) for q in quotes[:k]]
    return any(g in t for g in gold for t in texts)


# --- Abstention and latency -----------------------------------------------------------


def abstention_prf(abstained: Sequence[bool], impossible: Sequence[bool],
                   ) -> tuple[float | None, float | None, float | None]:
    """Precision, recall and F1 of abstention as the positive class.

    A share with nothing to count is undefined (None), not a made-up 0 or 1:
    precision when the system never abstains, recall when no question is
    unanswerable. F1 is ``2 TP / (abstentions + unanswerable)``, which equals
    the harmonic mean where both are defined, is 0 when one is 0 or undefined
    beside a non-empty other, and undefined only when both counts are 0.
    """
    if len(abstained) != len(impossible):
        raise ValueError("abstained and impossible must have the same length")
    tp = sum(1 for a, i in zip(abstained, impossible, strict=True) if a and i)
    predicted = sum(1 for a in abstained if a)
    actual = sum(1 for i in impossible if i)
    precision = tp / predicted if predicted else None
    recall = tp / actual if actual else None
    f1 = 2 * tp / (predicted + actual) if predicted + actual else None
    return precision, recall, f1


def percentile(values: Sequence[float], q: float) -> float | None:
    """The ``q``-th percentile with linear interpolation (numpy's default); None if empty."""
    if not values:
        return None
    return float(np.percentile(np.asarray(values, dtype=np.float64), q))
