"""Human-readable output of an evaluation: the metrics table, report.md and plots."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from matplotlib.figure import Figure

from rag.evaluation.scoring import METRIC_KEYS, recall_curve, trade_off

if TYPE_CHECKING:
    from rag.evaluation.runner import Evaluation

log = logging.getLogger(__name__)

RECALL_PLOT = "recall_at_k.png"
TRADE_OFF_PLOT = "abstention.png"
WORST_MISSES = 10

# 0-100 scores get one decimal, shares three, milliseconds two.
_PERCENT_KEYS = {"exact", "f1", "HasAns_exact", "HasAns_f1", "NoAns_exact", "NoAns_f1",
                 "best_f1"}


def _cell(key: str, value: Any) -> str:
    if value is None:
        return "–"
    if key in _PERCENT_KEYS:
        return f"{value:.1f}"
    if key.startswith("latency"):
        return f"{value:.2f}"
    return f"{value:.3f}"


def format_table(metrics: Mapping[str, Any]) -> str:
    """The metrics of every mode as a Markdown table: one row per metric, one column per mode."""
    modes = list(metrics["modes"])
    lines = [
        f"n = {metrics['n']} questions ({metrics['n_answerable']} answerable, "
        f"{metrics['n_unanswerable']} unanswerable), abstain_threshold = "
        f"{metrics['abstain_threshold']:.4f}",
        "",
        "| metric | " + " | ".join(modes) + " |",
        "|---|" + "---:|" * len(modes),
    ]
    for key in METRIC_KEYS:
        cells = [_cell(key, metrics["modes"][mode].get(key)) for mode in modes]
        lines.append(f"| {key} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


_KIND_KEYS = ("quote_hit@1", "quote_hit@3", "f1")


def format_kind_table(metrics: Mapping[str, Any]) -> str:
    """Quote hits and F1 per gold question type and mode, as a Markdown table
    (empty when the gold files label no types)."""
    by_type = metrics.get("by_type")
    if not by_type:
        return ""
    modes = list(by_type)
    kinds = list(by_type[modes[0]])
    head = [f"{mode} {key}" for mode in modes for key in _KIND_KEYS]
    lines = ["| type | n | " + " | ".join(head) + " |", "|---|---:|" + "---:|" * len(head)]
    for kind in kinds:
        cells = [_cell(key, by_type[mode][kind][key]) for mode in modes for key in _KIND_KEYS]
        lines.append(f"| {kind} | {by_type[modes[0]][kind]['n']} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def format_doubt_table(evaluation: Evaluation) -> str:
    """How often each confidence rule (``rag.confidence``) fired, per mode, on
    unanswerable and on answerable questions, as a Markdown table (empty when none
    fired). A firing on an answerable question may cost its answer; whether it did
    depends on the threshold, which the answer's score may clear or miss anyway."""
    counts: dict[str, dict[str, list[int]]] = {}
    for mode in evaluation.modes:
        for record in evaluation.records[mode]:
            for rule in dict.fromkeys(d.rule for d in record.answer.doubts):
                cell = counts.setdefault(rule, {}).setdefault(mode, [0, 0])
                cell[0 if record.item.is_impossible else 1] += 1
    if not counts:
        return ""
    head = [f"{mode} {kind}" for mode in evaluation.modes
            for kind in ("unanswerable", "answerable")]
    lines = ["| rule | " + " | ".join(head) + " |", "|---|" + "---:|" * len(head)]
    for rule in sorted(counts, key=lambda r: (-sum(sum(c) for c in counts[r].values()), r)):
        cells = [str(n) for mode in evaluation.modes for n in counts[rule].get(mode, [0, 0])]
        lines.append(f"| {rule} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def write_report(out: Path, evaluation: Evaluation, metrics: Mapping[str, Any],
                 threshold: float) -> Path:
    """Write ``report.md`` and its two plots into ``out``; returns the report's path."""
    plot_recall(evaluation, out / RECALL_PLOT)
    plot_trade_off(evaluation, threshold, out / TRADE_OFF_PLOT)
    gold = ", ".join(f"`{g.path}` ({len(g.items)} questions, {g.format} {g.version})".replace(
        " )", ")") for g in evaluation.golds)
    s = evaluation.settings
    parts = [
        "# Evaluation report",
        "",
        f"- date: {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- gold: {gold}",
        f"- model `{s.model}`, top_k {s.top_k}, chunk_size {s.chunk_size}, "
        f"abstain_threshold {threshold:.4f}",
        "",
        "## Metrics",
        "",
        format_table(metrics),
        "",
    ]
    kind_table = format_kind_table(metrics)
    if kind_table:
        parts += ["## By question type", "",
                  "Per `type` label of the gold file; for `unanswerable` questions F1 is the share "
                  "abstained on.",
                  "", kind_table, ""]
    calibration = metrics.get("calibration")
    if calibration:
        parts += [f"Calibrated on this gold set ({calibration['mode']}): abstain_threshold "
                  f"{calibration['abstain_threshold']:.4f} (was "
                  f"{calibration['previous_threshold']:.4f}), best F1 "
                  f"{calibration['best_f1']:.2f}.", ""]
    doubt_table = format_doubt_table(evaluation)
    if doubt_table:
        parts += ["## Confidence rules", "",
                  "How many questions each rule of `rag/confidence.py` fired on (the answer's "
                  "`doubts`). On an unanswerable question a rule helps abstain; on an "
                  "answerable one it may cost the answer.",
                  "", doubt_table, ""]
    parts += [
        "## Retrieval recall@k",
        "",
        f"![retrieval recall@k]({RECALL_PLOT})",
        "",
        "## Abstention trade-off",
        "",
        f"![abstention trade-off]({TRADE_OFF_PLOT})",
        "",
        "## Worst misses",
        "",
        "Questions scoring F1 = 0, most confident first: a confident wrong answer is the "
        "worst kind of miss.",
        "",
    ]
    for mode in evaluation.modes:
        parts += [f"### {mode}", "", *_misses(evaluation, mode, threshold), ""]
    path = out / "report.md"
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def _misses(evaluation: Evaluation, mode: str, threshold: float) -> list[str]:
    table = evaluation.table(mode)
    records = evaluation.records[mode]
    f1 = table.f1(threshold)
    abstains = table.abstains(threshold)
    missed = [i for i in range(len(records)) if f1[i] == 0.0]
    missed.sort(key=lambda i: (-table.confidence[i], i))
    if not missed:
        return ["No misses."]
    lines = [f"{len(missed)} of {len(records)} questions score F1 = 0."]
    for n, i in enumerate(missed[:WORST_MISSES], 1):
        r = records[i]
        gold = (" | ".join(f"“{_clean(a.text)}”" for a in r.item.answers)
                or "(unanswerable)")
        rank = table.ranks[i]
        lines += [
            "",
            f"{n}. **{r.item.id}**: {_clean(r.item.question)}  ",
            f"   gold: {gold}  ",
        ]
        if abstains[i]:
            lines.append(f"   returned: (abstained, confidence {table.confidence[i]:.3f})  ")
        else:
            quote = r.answer.quotes[0]
            lines += [f"   returned: “{_clean(r.answer.answer)}” (confidence "
                      f"{table.confidence[i]:.3f})  ",
                      f"   quote: “{_clean(quote.text)}” ({quote.doc_id} "
                      f"[{quote.start}:{quote.end}])  "]
        if r.answer.doubts:
            lines.append("   doubts: " + " ".join(_clean(d.message) for d in r.answer.doubts)
                         + "  ")
        if not r.item.is_impossible:
            lines.append(f"   gold passage rank: {rank if rank is not None else 'not in top 10'}")
    return lines


def _clean(text: str, limit: int = 300) -> str:
    """One line, Markdown-safe enough for a list item, cut to ``limit`` characters."""
    flat = " ".join(text.split()).replace("*", r"\*").replace("_", r"\_")
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def plot_recall(evaluation: Evaluation, path: Path) -> None:
    """Retrieval recall@k for k = 1..10, one line per mode."""
    fig = Figure(figsize=(6, 4), dpi=110)
    ax = fig.subplots()
    for mode in evaluation.modes:
        curve = recall_curve(evaluation.table(mode))
        if curve:
            ax.plot(range(1, len(curve) + 1), curve, marker="o", label=mode)
    ax.set(xlabel="k (passages retrieved)", ylabel="retrieval recall@k",
           title="Gold span inside one of the top-k passages", ylim=(0, 1.02))
    ax.set_xticks(range(1, 11))
    ax.grid(alpha=0.3)
    if ax.lines:  # no line without answerable questions, and a legend of nothing warns
        ax.legend(loc="lower right")
    else:
        ax.text(5.5, 0.5, "no answerable questions", ha="center", va="center", color="grey")
    fig.tight_layout()
    fig.savefig(path)


def plot_trade_off(evaluation: Evaluation, threshold: float, path: Path) -> None:
    """Left: SQuAD F1 against the threshold; right: abstention precision against recall.

    The grey line and the dots mark the threshold the metrics were computed at.
    """
    fig = Figure(figsize=(11, 4), dpi=110)
    left, right = fig.subplots(1, 2)
    for mode in evaluation.modes:
        curve = trade_off(evaluation.table(mode), include=threshold)
        at = int(np.searchsorted(curve.thresholds, threshold))
        (line,) = left.plot(curve.thresholds, curve.f1, label=f"{mode}: F1")
        left.plot(curve.thresholds, curve.has_ans_f1, color=line.get_color(), linestyle=":",
                  alpha=0.7, label=f"{mode}: HasAns F1")
        left.plot([threshold], [curve.f1[at]], "o", color=line.get_color())
        right.plot(curve.abstain_recall, curve.abstain_precision, color=line.get_color(),
                   label=mode)
        right.plot([curve.abstain_recall[at]], [curve.abstain_precision[at]], "o",
                   color=line.get_color())
    left.axvline(threshold, color="grey", linewidth=1)
    left.set(xlabel="abstain threshold (confidence)", ylabel="score (0-100)",
             title="SQuAD F1 against the abstention threshold", xlim=(0, 1), ylim=(0, 101))
    left.grid(alpha=0.3)
    left.legend(fontsize=7, loc="lower left")
    right.set(xlabel="abstain recall", ylabel="abstain precision",
              title="Abstention precision against recall", xlim=(-0.01, 1.02),
              ylim=(-0.01, 1.02))
    right.grid(alpha=0.3)
    if any(r.item.is_impossible for mode in evaluation.modes for r in evaluation.records[mode]):
        right.legend(fontsize=8, loc="lower left")
    else:
        # Abstention has no positive class to be precise about: say so, not a bare legend.
        right.text(0.5, 0.5, "no unanswerable questions", ha="center", va="center",
                   color="grey")
    fig.tight_layout()
    fig.savefig(path)
