"""The metric functions against values computed by hand (arithmetic in the comments)."""

from __future__ import annotations

import pytest

from rag.evaluation import metrics as m


def test_normalize_answer_follows_the_official_steps() -> None:
    # lower -> drop punctuation (the hyphen too, joining the words) -> drop
    # articles -> fold whitespace: "The  Colorado-River!" -> "coloradoriver".
    assert m.normalize_answer("The  Colorado-River!") == "coloradoriver"
    # Articles only as whole words: "another" keeps its "an".
    assert m.normalize_answer("An apple, another  apple") == "apple another apple"
    # Curly quotes and the en dash are not in string.punctuation: they stay.
    assert m.normalize_answer("“2025–2035”") == "“2025–2035”"


def test_exact_and_f1_take_the_max_over_gold_answers() -> None:
    # "Colorado River" equals the first gold answer after normalisation.
    assert m.squad_scores(["the Colorado River", "River"], "Colorado River") == (1, 1.0)
    # gold [colorado, river]; pred "colorado river at border" (article dropped):
    # common 2, precision 2/4, recall 2/2, F1 = 2 * 0.5 * 1 / 1.5 = 2/3.
    exact, f1 = m.squad_scores(["the Colorado River"], "the Colorado River at the border")
    assert exact == 0
    assert f1 == pytest.approx(2 / 3)


def test_f1_counts_repeated_tokens_once_each() -> None:
    # gold [new, york, new, york], pred [new, york]: common 2,
    # precision 2/2 = 1, recall 2/4 = 0.5, F1 = 2 * 1 * 0.5 / 1.5 = 2/3.
    assert m.compute_f1("New York, New York", "new york") == pytest.approx(2 / 3)
    # No shared token: 0.
    assert m.compute_f1("Nevada", "Arizona") == 0.0


def test_empty_prediction_on_an_answerable_question_scores_zero() -> None:
    # Official: pred tokens [] vs gold [tijuana] -> F1 = int([] == [tijuana]) = 0.
    assert m.squad_scores(["Tijuana"], "") == (0, 0.0)


def test_unanswerable_scores_100_only_for_the_empty_prediction() -> None:
    # No gold answers -> the official script scores against [""].
    assert m.squad_scores([], "") == (1, 1.0)
    assert m.squad_scores([], "Nevada") == (0, 0.0)


def test_gold_answers_that_normalise_to_nothing_count_as_no_answer() -> None:
    # "the" and "." normalise to "", so the official script drops them and
    # scores against [""]: the empty prediction gets 1 ...
    assert m.gold_answers_for_scoring(["the", "."]) == [""]
    assert m.squad_scores(["the", "."], "") == (1, 1.0)
    # ... and so does a prediction that itself normalises to nothing ("An").
    assert m.squad_scores(["the"], "An") == (1, 1.0)
    assert m.squad_scores(["the"], "Nevada") == (0, 0.0)


def test_apply_no_ans_threshold_and_make_eval_dict() -> None:
    scores = {"a": 0.5, "b": 0.0, "c": 1.0}
    na = {"a": 0.2, "b": 0.8, "c": 0.9}
    has = {"a": True, "b": False, "c": True}
    # Threshold 0.7: b (0.8) and c (0.9) abstain: b is unanswerable -> 1.0,
    # c is answerable -> 0.0; a keeps 0.5.
    out = m.apply_no_ans_threshold(scores, na, has, 0.7)
    assert out == {"a": 0.5, "b": 1.0, "c": 0.0}
    # exact = f1 = 100 * (0.5 + 1 + 0) / 3 = 50.
    assert m.make_eval_dict(out, out) == {"exact": 50.0, "f1": 50.0, "total": 3}
    # Over the answerable ones only: 100 * (0.5 + 0) / 2 = 25.
    assert m.make_eval_dict(out, out, ["a", "c"])["f1"] == 25.0


def test_first_relevant_rank_needs_the_whole_span_in_the_same_document() -> None:
    span = ("d", 10, 20)
    passages = [("d", 0, 15),    # span ends at 20 > 15: cut off
                ("e", 0, 100),   # another document
                ("d", 5, 20)]    # end is exclusive on both: 20 <= 20 holds
    assert m.first_relevant_rank([span], passages) == 3
    assert m.first_relevant_rank([span, ("e", 50, 60)], passages) == 2
    assert m.first_relevant_rank([span], passages[:2]) is None


def test_recall_at_k_and_mrr() -> None:
    ranks = [1, 3, None, 2]
    # @1: only the 1 -> 1/4; @3: 1, 3, 2 -> 3/4.
    assert m.recall_at_k(ranks, 1) == 0.25
    assert m.recall_at_k(ranks, 3) == 0.75
    # MRR = (1/1 + 1/3 + 0 + 1/2) / 4 = (11/6) / 4 = 11/24.
    assert m.mrr(ranks) == pytest.approx(11 / 24)
    # A rank beyond the depth counts 0: (1/1 + 0) / 2.
    assert m.mrr([1, 12], depth=10) == 0.5
    assert m.recall_at_k([], 1) is None and m.mrr([]) is None


def test_quote_hit_compares_normalised_text() -> None:
    quotes = ["To the east is the Colorado Desert.", "The Colorado river, at the border."]
    # Quote 1 normalises to "to east is colorado desert": no "colorado river".
    assert not m.quote_hit(["the Colorado River"], quotes, 1)
    # Quote 2 -> "colorado river at border" holds "colorado river".
    assert m.quote_hit(["the Colorado River"], quotes, 3)
    # Abstaining (no quotes) is a miss; a gold answer normalising to "" never hits.
    assert not m.quote_hit(["Colorado River"], [], 3)
    assert not m.quote_hit(["the"], quotes, 3)


def test_abstention_precision_recall_f1() -> None:
    abstained = [True, True, False, False, True]
    impossible = [True, False, True, False, False]
    # TP = 1 (first), abstentions 3, unanswerable 2: P = 1/3, R = 1/2,
    # F1 = 2 * (1/3) * (1/2) / (1/3 + 1/2) = (1/3) / (5/6) = 0.4.
    p, r, f = m.abstention_prf(abstained, impossible)
    assert (p, r) == (pytest.approx(1 / 3), 0.5)
    assert f == pytest.approx(0.4)


def test_abstention_zero_division_cases() -> None:
    # Never abstains, one unanswerable: P = 0/0 undefined, R = 0/1 = 0, F1 = 0/(0+1) = 0.
    assert m.abstention_prf([False, False], [True, False]) == (None, 0.0, 0.0)
    # Nothing unanswerable, no abstention (SQuAD v1.1 done right): nothing to measure.
    assert m.abstention_prf([False], [False]) == (None, None, None)
    # Nothing unanswerable but it abstains: P = 0/1 = 0, R = 0/0 undefined, F1 = 0.
    assert m.abstention_prf([True], [False]) == (0.0, None, 0.0)


def test_percentile_interpolates_linearly() -> None:
    # Position q/100 * (n - 1): p50 -> 1.5 -> 2.5; p95 -> 2.85 -> 3 + 0.85 = 3.85.
    assert m.percentile([4.0, 1.0, 3.0, 2.0], 50) == 2.5
    assert m.percentile([4.0, 1.0, 3.0, 2.0], 95) == pytest.approx(3.85)
    assert m.percentile([], 50) is None
