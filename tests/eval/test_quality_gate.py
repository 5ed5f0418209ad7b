"""Quality gate: the engine's configured settings on the held-out gold ``test`` part.

This fails when answer quality slips below what issue 4 requires. It scores
``eval/gold/test.jsonl`` with the settings the engine ships with (the calibrated
settings file, if any) and never tunes anything on it.
"""

from __future__ import annotations

from typing import Any

import pytest

from rag.engine import Engine
from rag.evaluation.gold import load_gold
from rag.evaluation.runner import evaluate
from rag.settings import MODES, Settings, project_root

TEST_SPLIT = project_root() / "eval" / "gold" / "test.jsonl"

# Minimum hybrid scores on the test part (issue 4, "Done when").
GATE = {
    "retrieval_recall@3": 0.95,
    "quote_hit@1": 0.85,
    "quote_hit@3": 0.95,
    "abstain_f1": 0.70,
}


@pytest.fixture(scope="module")
def modes(engine: Engine, settings: Settings) -> dict[str, Any]:
    """Metrics of every mode on the test part at the configured threshold."""
    # Reuse the session's index and model: the settings are the same ones.
    evaluation = evaluate([load_gold(TEST_SPLIT)], MODES, settings, embedder=engine.embedder,
                          index_dir=engine.index_path.parent, progress=False)
    return dict(evaluation.metrics(settings.abstain_threshold)["modes"])


@pytest.mark.parametrize(("metric", "minimum"), sorted(GATE.items()))
def test_hybrid_meets_the_gate(modes: dict[str, Any], metric: str, minimum: float) -> None:
    value = modes["hybrid"][metric]
    assert value >= minimum, f"hybrid {metric} = {value:.3f} < {minimum} on {TEST_SPLIT.name}"


@pytest.mark.parametrize("other", ["dense", "bm25"])
def test_hybrid_quotes_at_least_as_well_as_each_single_retriever(
        modes: dict[str, Any], other: str) -> None:
    hybrid, single = modes["hybrid"]["quote_hit@1"], modes[other]["quote_hit@1"]
    assert hybrid >= single, f"quote_hit@1: hybrid {hybrid:.3f} < {other} {single:.3f}"
