"""``rag eval``: ask every gold question in every retrieval mode, score, and write artefacts.

Each gold file gets its own engine over its own corpus (the bundled article for
the project's JSONL, the file's contexts for SQuAD); all share one model.
Each question is embedded once, on its own as ``ask`` would, and the vector serves
every mode; its embedding time is part of every mode's latency.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tqdm import tqdm

from rag.embedding import Embedder
from rag.engine import Engine
from rag.errors import InvalidRequestError, SettingsError
from rag.evaluation.gold import JSONL, GoldSet, load_gold, to_squad
from rag.evaluation.report import RECALL_PLOT, TRADE_OFF_PLOT, format_table, write_report
from rag.evaluation.scoring import (
    RETRIEVAL_DEPTH,
    Record,
    ScoreTable,
    apply_threshold,
    best_threshold,
    by_kind,
    mode_metrics,
    score_records,
)
from rag.retrieval import check_request
from rag.schema import Answer
from rag.settings import MODES, Settings, load_settings, project_root, save_settings

log = logging.getLogger(__name__)


def default_runs_dir() -> Path:
    """``<project>/eval/runs``: where runs go unless ``--out`` says otherwise."""
    return project_root() / "eval" / "runs"


def default_cache_dir() -> Path:
    """``<project>/eval/cache``: indexes of SQuAD files, one per file content."""
    return project_root() / "eval" / "cache"


@dataclass(frozen=True)
class Evaluation:
    """Everything one run produced, before thresholds are applied.

    Attributes:
        golds: The gold sets, after ``--limit``.
        modes: Retrieval modes, in the order given.
        records: Per mode, one record per question, in the same order for every mode.
        settings: The engine settings (with the configured abstention threshold).
        embed_seconds: Time spent embedding the questions (all files).
        ask_seconds: Time spent in ``ask`` (all modes).
    """

    golds: tuple[GoldSet, ...]
    modes: tuple[str, ...]
    records: Mapping[str, tuple[Record, ...]]
    settings: Settings
    embed_seconds: float = 0.0
    ask_seconds: float = 0.0
    tables: dict[str, ScoreTable] = field(default_factory=dict, compare=False)

    @property
    def n(self) -> int:
        """Number of questions (per mode)."""
        return sum(len(g.items) for g in self.golds)

    def table(self, mode: str) -> ScoreTable:
        """Threshold-independent scores of one mode (computed once, then cached)."""
        if mode not in self.tables:
            self.tables[mode] = score_records(self.records[mode])
        return self.tables[mode]

    def metrics(self, threshold: float) -> dict[str, Any]:
        """The ``metrics.json`` object at an abstention threshold.

        ``by_type`` (per mode, per gold ``type``) is there when the gold files
        label their questions, as the project's JSONL does.
        """
        items = [item for g in self.golds for item in g.items]
        kinds = [item.kind for item in items]
        by_type = ({mode: by_kind(self.table(mode), kinds, threshold) for mode in self.modes}
                   if any(kinds) else None)
        return {
            "gold": [str(g.path) for g in self.golds],
            "n": len(items),
            "n_answerable": sum(1 for i in items if not i.is_impossible),
            "n_unanswerable": sum(1 for i in items if i.is_impossible),
            "abstain_threshold": threshold,
            "modes": {mode: mode_metrics(self.table(mode), threshold) for mode in self.modes},
            **({"by_type": by_type} if by_type else {}),
            "embed_ms_per_question": 1e3 * self.embed_seconds / max(self.n, 1),
            "settings": self.settings.to_dict(),
        }


def parse_modes(text: str) -> tuple[str, ...]:
    """``"hybrid,dense"`` -> ``("hybrid", "dense")``, rejecting unknown or no modes."""
    modes = tuple(dict.fromkeys(m.strip() for m in text.split(",") if m.strip()))
    if not modes:
        raise InvalidRequestError(f"--modes {text!r} names no mode; use some of "
                                  f"{', '.join(MODES)}.")
    for mode in modes:
        check_request(mode, 1)
    return modes


def make_engine(gold: GoldSet, settings: Settings, embedder: Embedder,
                index_dir: Path | None = None) -> Engine:
    """An engine over a gold set's corpus that never abstains by threshold.

    The article's index lives with the engine's default index; a SQuAD file's
    in ``eval/cache`` under a name derived from its hash, so it is built once.
    """
    if index_dir is None and gold.format != JSONL:
        index_dir = default_cache_dir()
    return Engine(settings.with_overrides(abstain_threshold=0.0), index_dir=index_dir,
                  documents=gold.documents, collection=gold.collection, embedder=embedder)


def collect(gold: GoldSet, engine: Engine, modes: Sequence[str],
            progress: bool = True) -> tuple[dict[str, list[Record]], float, float]:
    """Ask every question of a gold set in every mode, with a progress bar.

    The answer comes from ``ask`` with the engine's configured ``top_k``, so it is
    what a user would get; when that is below ``RETRIEVAL_DEPTH`` a deeper
    ``retrieve`` supplies the passages for recall@10 (well under a millisecond,
    as the question is already embedded).

    Returns:
        Records per mode, seconds spent embedding, seconds spent asking.
    """
    if engine.settings.abstain_threshold != 0.0:
        raise SettingsError("collect() needs an engine with abstain_threshold=0 (use "
                            "make_engine) so that every answer keeps its confidence.")
    engine.ensure_ready(progress=progress)  # also loads the model, so it is not timed below
    top_k = engine.settings.top_k
    records: dict[str, list[Record]] = {mode: [] for mode in modes}
    embed_seconds = 0.0
    started = time.perf_counter()
    items = tqdm(gold.items, desc=f"{gold.path.name} ({'/'.join(modes)})", unit="q",
                 disable=not progress, dynamic_ncols=True)
    for item in items:
        # One question at a time, not a batch: the latency reported is then what a
        # user waits for, and a batch would make the embedding look cheaper.
        embed_started = time.perf_counter()
        vector = engine.query_vector(item.question)
        embed_s = time.perf_counter() - embed_started
        embed_seconds += embed_s
        for mode in modes:
            answer = with_embedding_time(
                engine.ask(item.question, top_k=top_k, mode=mode, query_vector=vector),
                1e3 * embed_s)
            if top_k >= RETRIEVAL_DEPTH:
                retrieved = answer.passages[:RETRIEVAL_DEPTH]
            else:
                retrieved = tuple(engine.retrieve(item.question, RETRIEVAL_DEPTH, mode, vector))
            records[mode].append(Record(item, str(gold.path), answer, retrieved))
    return records, embed_seconds, time.perf_counter() - started - embed_seconds


def with_embedding_time(answer: Answer, embed_ms: float) -> Answer:
    """``answer`` with the question's embedding time in its ``embed`` and ``total``
    timings, as if ``ask`` had embedded the question itself."""
    timings = dict(answer.timings_ms)
    timings["total"] = timings.get("total", 0.0) - timings.get("embed", 0.0) + embed_ms
    timings["embed"] = embed_ms
    return replace(answer, timings_ms=timings)


def evaluate(golds: Sequence[GoldSet], modes: Sequence[str], settings: Settings,
             embedder: Embedder | None = None, index_dir: Path | None = None,
             progress: bool = True) -> Evaluation:
    """Run every mode over every gold set (each with its own engine, one shared model)."""
    embedder = embedder or Embedder(settings.model)
    records: dict[str, list[Record]] = {mode: [] for mode in modes}
    embed_seconds = ask_seconds = 0.0
    for gold in golds:
        engine = make_engine(gold, settings, embedder, index_dir)
        got, embed_s, ask_s = collect(gold, engine, modes, progress)
        for mode in modes:
            records[mode].extend(got[mode])
        embed_seconds += embed_s
        ask_seconds += ask_s
    return Evaluation(tuple(golds), tuple(modes), {k: tuple(v) for k, v in records.items()},
                      settings, embed_seconds, ask_seconds)


def limit_golds(golds: Sequence[GoldSet], limit: int | None) -> list[GoldSet]:
    """Keep the first ``limit`` questions over all files in order (all if None)."""
    if limit is None:
        return list(golds)
    if limit < 1:
        raise InvalidRequestError(f"--limit {limit} must be 1 or more.")
    out: list[GoldSet] = []
    left = limit
    for gold in golds:
        if left <= 0:
            break
        out.append(gold.limited(left))
        left -= len(out[-1].items)
    return out


# The files a run writes into --out, whatever the modes.
RUN_FILES = ("metrics.json", "gold.json", "report.md", RECALL_PLOT, TRADE_OFF_PLOT,
             *(f"{kind}.{mode}.{ext}" for mode in MODES
               for kind, ext in (("predictions", "json"), ("results", "jsonl"))))


def check_gold_paths(paths: Sequence[Path], out: Path | None) -> None:
    """Refuse a gold file given twice, or one the run would overwrite.

    Raises:
        InvalidRequestError: A path is repeated, or is one of the files the run
            writes into ``out`` (a gold file called ``gold.json`` there, say).
    """
    seen: set[Path] = set()
    for path in paths:
        resolved = Path(path).resolve()
        if resolved in seen:
            raise InvalidRequestError(f"--gold {path} is given twice; give each file once.")
        seen.add(resolved)
        # A link elsewhere named "my.json" still points at what the run overwrites.
        if out is not None and resolved.parent == out.resolve() and resolved.name in RUN_FILES:
            raise InvalidRequestError(
                f"--gold {path} is in --out {out}, where the run writes its own "
                f"{resolved.name}; move the gold file or give another --out.")


def check_unique_question_ids(golds: Sequence[GoldSet]) -> None:
    """Predictions files are keyed by question id, so ids must be unique across files."""
    seen: dict[str, Path] = {}
    for gold in golds:
        for item in gold.items:
            if item.id in seen:
                raise InvalidRequestError(
                    f"Question id {item.id!r} is in both {seen[item.id]} and {gold.path}; "
                    "evaluate the files in separate runs."
                )
            seen[item.id] = gold.path


def write_artifacts(evaluation: Evaluation, out: Path, threshold: float,
                    calibration: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Write metrics.json, predictions, results, gold.json, report.md and the plots.

    Returns:
        The metrics object written to ``metrics.json``.
    """
    out.mkdir(parents=True, exist_ok=True)
    earlier_run = (out / "metrics.json").exists()
    metrics = evaluation.metrics(threshold)
    if calibration is not None:
        metrics["calibration"] = dict(calibration)
    _write_json(out / "metrics.json", metrics)
    # The official script takes SQuAD JSON: this is the questions scored, whatever
    # their format or --limit, so `evaluate-v2.0.py gold.json predictions.<mode>.json`
    # checks any run's numbers.
    _write_json(out / "gold.json", to_squad(evaluation.golds))
    # An earlier run into the same folder may have scored other modes: its files
    # would sit beside this run's gold.json as if they belonged to it. Only files
    # a run writes are removed, and only after a run, never others a user keeps.
    for mode in set(MODES) - set(evaluation.modes) if earlier_run else ():
        for stale in (out / f"predictions.{mode}.json", out / f"results.{mode}.jsonl"):
            stale.unlink(missing_ok=True)
    for mode in evaluation.modes:
        table = evaluation.table(mode)
        answers = [apply_threshold(r.answer, threshold) for r in evaluation.records[mode]]
        _write_json(out / f"predictions.{mode}.json",
                    {r.item.id: a.answer for r, a in zip(evaluation.records[mode], answers,
                                                          strict=True)})
        _write_results(out / f"results.{mode}.jsonl", evaluation.records[mode], answers,
                       table, threshold)
    write_report(out, evaluation, metrics, threshold)
    return metrics


def _write_results(path: Path, records: Sequence[Record], answers: Sequence[Answer],
                   table: ScoreTable, threshold: float) -> None:
    exact, f1 = table.exact(threshold), table.f1(threshold)
    abstains = table.abstains(threshold)
    with open(path, "w", encoding="utf-8") as handle:
        for i, (record, answer) in enumerate(zip(records, answers, strict=True)):
            row = {"id": record.item.id, "gold_file": record.gold_file,
                   "is_impossible": record.item.is_impossible,
                   "gold_answers": [a.to_dict() for a in record.item.answers],
                   **answer.to_dict(),
                   "scores": {
                       "exact": float(exact[i]), "f1": round(float(f1[i]), 4),
                       "quote_hit@1": bool(table.quote_hit[1][i] and not abstains[i]),
                       "quote_hit@3": bool(table.quote_hit[3][i] and not abstains[i]),
                       "first_relevant_rank": table.ranks[i],
                       "abstain_correct": bool(abstains[i]) == record.item.is_impossible,
                   }}
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def _write_json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def prepare_out_dir(out: Path, given: bool = True) -> None:
    """Create ``out`` and check it takes files, before any question is asked.

    Args:
        out: ``--out`` when ``given``; otherwise the folder the run's own
            folder will go in (``eval/runs``), which is created only when the
            run writes, so a failed run leaves no empty folder behind.
        given: Whether the user named ``out``.

    Raises:
        InvalidRequestError: ``out`` is a file, or cannot be created or written.
    """
    if given and (out / "metrics.json").exists():
        log.warning("%s holds an earlier run; its files will be replaced", out)
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / f".write-test-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        if given:
            raise InvalidRequestError(f"--out {out}: cannot write there ({reason}); give a "
                                      "folder you can write to.") from exc
        raise InvalidRequestError(f"Cannot write runs to {out} ({reason}); name another "
                                  "folder with --out.") from exc


def _new_run_dir() -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    out = default_runs_dir() / stamp
    n = 1
    while out.exists():  # two runs in the same second
        n += 1
        out = default_runs_dir() / f"{stamp}-{n}"
    return out


def check_writable_calibration(paths: Sequence[Path], limit: int | None) -> None:
    """Refuse to save a threshold that would make the engine's numbers meaningless.

    Raises:
        InvalidRequestError: ``limit`` is set, or a gold file's name says it is
            a test split.
    """
    if limit is not None:
        raise InvalidRequestError(f"--write with --limit {limit} would save a threshold "
                                  "fitted to a few questions; drop --limit, or leave out "
                                  "--write to try it.")
    for path in paths:
        if re.search(r"(?<![a-z])test(?![a-z])", path.stem.lower()):
            raise InvalidRequestError(f"--write refuses {path}: its name says it is a test "
                                      "split, and a threshold tuned on it leaves its numbers "
                                      "meaningless. Calibrate on a dev split.")


def check_calibration_set(golds: Sequence[GoldSet], write: bool) -> None:
    """Warn when a calibration set lacks answerable or unanswerable questions: the
    threshold it finds then says nothing (1.0 on unanswerable ones alone, any
    value below the lowest confidence on answerable ones alone).

    Raises:
        InvalidRequestError: ``write`` is set for such a set.
    """
    impossible = [item.is_impossible for gold in golds for item in gold.items]
    if all(impossible) or not any(impossible):
        kind = "unanswerable" if all(impossible) else "answerable"
        message = (f"every question in {', '.join(str(g.path) for g in golds)} is {kind}, so "
                   "the calibrated threshold is arbitrary; calibrate on a set with both kinds")
        if write:
            raise InvalidRequestError(f"--write refuses it: {message}.")
        log.warning("%s", message)


def run_from_args(args: argparse.Namespace) -> int:
    """The ``rag eval`` command; returns the exit code."""
    modes = parse_modes(args.modes)
    if args.write and not args.calibrate:
        raise InvalidRequestError("--write saves a calibrated threshold; add --calibrate.")
    if args.write:
        check_writable_calibration(args.gold, args.limit)
    check_gold_paths(args.gold, args.out)
    golds = limit_golds([load_gold(path) for path in args.gold], args.limit)
    check_unique_question_ids(golds)
    if args.calibrate:
        check_calibration_set(golds, args.write)
    settings = load_settings()
    # A bad --out should fail now, not after every question has been asked.
    prepare_out_dir(args.out or default_runs_dir(), given=args.out is not None)
    out = args.out or _new_run_dir()
    evaluation = evaluate(golds, modes, settings, index_dir=args.index_dir)

    threshold = settings.abstain_threshold
    calibration: dict[str, Any] | None = None
    if args.calibrate:
        # Calibrate the mode the engine serves with, if it was evaluated.
        mode = settings.mode if settings.mode in modes else modes[0]
        best_f1, threshold = best_threshold(evaluation.table(mode))
        calibration = {"mode": mode, "abstain_threshold": threshold, "best_f1": best_f1,
                       "previous_threshold": settings.abstain_threshold, "written_to": None}
        if args.write:
            path = save_settings(load_settings().with_overrides(abstain_threshold=threshold))
            calibration["written_to"] = str(path)
        log.info("calibrated abstain_threshold=%.4f on %s (%s mode, best F1 %.2f); "
                 "metrics below use it", threshold, ", ".join(str(g.path) for g in golds),
                 mode, best_f1)

    started = time.perf_counter()
    metrics = write_artifacts(evaluation, out, threshold, calibration)
    log.info("%d questions x %d modes: embedding %.1f s, asking %.1f s, scoring and writing "
             "%.1f s; artefacts in %s", evaluation.n, len(modes), evaluation.embed_seconds,
             evaluation.ask_seconds, time.perf_counter() - started, out)
    print(format_table(metrics))
    if calibration is not None:
        written = calibration["written_to"]
        print(f"\ncalibrated abstain_threshold = {threshold:.4f} (best F1 "
              f"{calibration['best_f1']:.2f}, {calibration['mode']})"
              + (f"; written to {written}" if written else "; add --write to save it"))
    return 0
