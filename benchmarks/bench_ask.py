"""Benchmark of the core engine (not a test): build time, warm ask latency, cold start.

Measured in one run:

* index build time for the bundled article after the model is loaded (target <= 3 s);
* warm in-process ``engine.ask`` latency p50/p95 over the gold questions (several passes);
* bare query embedding ``engine.embedder.embed_query`` p50 on the same questions,
  interleaved with the asks so machine noise hits both equally; the target is
  ``ask_p50 <= 1.5 * embed_p50``;
* cold start of ``rag ask "..." --json`` as a new process with the index built
  (median of 3; aim <= 8 s).

Usage::

    .venv/bin/python benchmarks/bench_ask.py [--passes 3] [--out benchmarks/results/ask.json]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOLD = [ROOT / "eval" / "gold" / "dev.jsonl", ROOT / "eval" / "gold" / "test.jsonl"]
ASK_TARGET_RATIO = 1.5
BUILD_TARGET_S = 3.0
COLD_TARGET_S = 8.0


def load_questions() -> list[str]:
    questions: list[str] = []
    for path in GOLD:
        with open(path, encoding="utf-8") as handle:
            questions += [json.loads(line)["question"] for line in handle if line.strip()]
    return questions


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def profile_non_embedding(engine: Any, questions: list[str]) -> str:
    """cProfile ``ask`` with precomputed query vectors: everything but the embedding."""
    vectors = engine.embed_questions(questions)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(3):
        for question, vector in zip(questions, vectors, strict=True):
            engine.ask(question, query_vector=vector)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(25)
    return out.getvalue()


def cold_start(index_dir: Path, runs: int) -> list[float]:
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    rag_cli = Path(sys.executable).with_name("rag")
    command = [str(rag_cli)] if rag_cli.exists() else [sys.executable, "-m", "rag"]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(
            [*command, "ask", "When was the SCO founded?", "--json", "--index-dir",
             str(index_dir)],
            capture_output=True, text=True, env=env, cwd=ROOT, timeout=300,
        )
        elapsed = time.perf_counter() - started
        if done.returncode != 0:
            raise SystemExit(f"rag ask failed ({done.returncode}): {done.stderr[-2000:]}")
        json.loads(done.stdout)  # it must print exactly the schema
        times.append(elapsed)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=3, help="passes over the questions")
    parser.add_argument("--cold-runs", type=int, default=3, help="cold-start runs (median)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "ask.json")
    parser.add_argument("--profile", action="store_true",
                        help="always print a cProfile of the non-embedding part of ask")
    args = parser.parse_args(argv)

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    started = time.perf_counter()
    from rag.embedding import Embedder
    from rag.engine import Engine
    from rag.settings import load_settings
    from rag.store import build_index, save_index

    settings = load_settings()
    embedder = Embedder(settings.model)
    _ = embedder.model
    model_load_s = time.perf_counter() - started

    with tempfile.TemporaryDirectory(prefix="bench-ask-") as tmp:
        index_dir = Path(tmp)
        engine = Engine(settings, index_dir=index_dir, embedder=embedder)
        # Build time after model load: chunk, segment, embed, FAISS, save (fresh folder).
        t0 = time.perf_counter()
        data = build_index(engine.documents, settings, embedder)
        save_index(data, engine.index_path)
        build_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        engine.ensure_ready()  # loads the index just saved (and warms the model)
        load_s = time.perf_counter() - t0

        questions = load_questions()
        for question in questions[:10]:  # warm-up
            engine.ask(question)
            embedder.embed_query(question)

        ask_ms: list[float] = []
        embed_ms: list[float] = []
        parts: dict[str, list[float]] = {"embed": [], "retrieve": [], "answer": []}
        for n in range(args.passes):
            for i, question in enumerate(questions):
                # Alternate which goes first so neither always runs on a warmer cache.
                order = ("ask", "embed") if (i + n) % 2 == 0 else ("embed", "ask")
                for what in order:
                    t0 = time.perf_counter()
                    if what == "ask":
                        answer = engine.ask(question)
                        ask_ms.append((time.perf_counter() - t0) * 1e3)
                        for key in parts:
                            parts[key].append(answer.timings_ms[key])
                    else:
                        embedder.embed_query(question)
                        embed_ms.append((time.perf_counter() - t0) * 1e3)

        ask_p50, ask_p95 = percentile(ask_ms, 0.5), percentile(ask_ms, 0.95)
        embed_p50 = percentile(embed_ms, 0.5)
        ratio = ask_p50 / embed_p50
        non_embed_p50 = statistics.median(
            r + a for r, a in zip(parts["retrieve"], parts["answer"], strict=True))
        profile = None
        if ratio > ASK_TARGET_RATIO or args.profile:
            profile = profile_non_embedding(engine, questions)

        cold = cold_start(index_dir, args.cold_runs)

    cold_median = statistics.median(cold)
    result = {
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "cpus": os.cpu_count()},
        "questions": len(questions), "passes": args.passes, "asks": len(ask_ms),
        "model_load_s": round(model_load_s, 3),
        "index": {"chunks": len(data.chunks), "sentences": len(data.sentences),
                  "build_s": round(build_s, 3), "load_s": round(load_s, 3),
                  "target_s": BUILD_TARGET_S, "pass": build_s <= BUILD_TARGET_S},
        "ask_ms": {"p50": round(ask_p50, 3), "p95": round(ask_p95, 3),
                   "mean": round(statistics.fmean(ask_ms), 3)},
        "embed_query_ms": {"p50": round(embed_p50, 3),
                           "p95": round(percentile(embed_ms, 0.95), 3)},
        "ask_parts_p50_ms": {k: round(percentile(v, 0.5), 3) for k, v in parts.items()},
        "non_embedding_p50_ms": round(non_embed_p50, 3),
        "ratio_ask_over_embed_p50": round(ratio, 3),
        "ratio_target": ASK_TARGET_RATIO, "ratio_pass": ratio <= ASK_TARGET_RATIO,
        "cold_start_s": {"runs": [round(t, 3) for t in cold], "median": round(cold_median, 3),
                         "target_s": COLD_TARGET_S, "pass": cold_median <= COLD_TARGET_S},
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")

    def verdict(ok: bool) -> str:
        return "PASS" if ok else "FAIL"

    print(f"model load            {model_load_s:7.2f} s")
    print(f"index build           {build_s:7.2f} s  ({len(data.chunks)} chunks, "
          f"{len(data.sentences)} sentences; target <= {BUILD_TARGET_S:.0f} s: "
          f"{verdict(build_s <= BUILD_TARGET_S)})")
    print(f"ask latency           p50 {ask_p50:6.2f} ms  p95 {ask_p95:6.2f} ms  "
          f"({len(ask_ms)} asks, {len(questions)} questions x {args.passes})")
    print(f"  parts p50           embed {result['ask_parts_p50_ms']['embed']:.2f}  retrieve "
          f"{result['ask_parts_p50_ms']['retrieve']:.2f}  answer "
          f"{result['ask_parts_p50_ms']['answer']:.2f} ms")
    print(f"bare query embedding  p50 {embed_p50:6.2f} ms")
    print(f"ratio ask/embed p50   {ratio:7.3f}   (target <= {ASK_TARGET_RATIO}: "
          f"{verdict(ratio <= ASK_TARGET_RATIO)})")
    print(f"cold start rag ask    median {cold_median:.2f} s  runs "
          f"{', '.join(f'{t:.2f}' for t in cold)}  (aim <= {COLD_TARGET_S:.0f} s: "
          f"{verdict(cold_median <= COLD_TARGET_S)})")
    print(f"written to {args.out}")
    if profile:
        print("\ncProfile of ask() without the embedding (3 passes, precomputed vectors):")
        print(profile)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
