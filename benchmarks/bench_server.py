"""Latency and load benchmark of the HTTP API against a live ``rag serve``.

One run starts the server in a subprocess, then measures:

* ``/ask`` p50/p95 over gradio_client, sequential calls over varied questions;
* the p50 of the no-op ``/ping`` endpoint: the transport floor (HTTP, queue,
  server-sent events, client) that any Gradio endpoint pays;
* the in-process ``Engine.ask`` p50 over the same questions;
* the target ``/ask p50 <= floor p50 + 1.5 x in-process p50``;
* a load run: concurrent clients, each with its own ``Client``, checking for 0
  errors and answers identical to the sequential ones; reports throughput.

Usage::

    python benchmarks/bench_server.py [--out benchmarks/results/server.json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

from gradio_client import Client

from rag.engine import Engine, default_index_dir
from rag.settings import project_root
from ui.testing import free_port, running_server, serve_command

GOLD = project_root() / "eval" / "gold" / "dev.jsonl"
FALLBACK_QUESTIONS = (
    "When was the SCO founded?",
    "What tariff will the EU put on Chinese electric vehicles?",
    "Which city was declared the SCO's cultural and tourist capital?",
    "How many member states does the SCO have?",
    "Where will the SCO summit take place?",
    "Who won the 2018 FIFA World Cup?",
)
TARGET_FACTOR = 1.5


def load_questions(limit: int | None = None) -> list[str]:
    """The gold dev questions (answerable and not), else a built-in list."""
    questions: list[str] = []
    if GOLD.is_file():
        for line in GOLD.read_text(encoding="utf-8").splitlines():
            if line.strip():
                questions.append(json.loads(line)["question"])
    questions = list(dict.fromkeys(questions or FALLBACK_QUESTIONS))
    return questions[:limit] if limit else questions


def canonical(result: dict[str, Any]) -> dict[str, Any]:
    """What must be identical between calls: everything but scores and timings."""
    def strip(record: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in record.items() if k != "score"}

    return {"answer": result["answer"], "abstained": result["abstained"],
            "quotes": [strip(q) for q in result["quotes"]],
            "passages": [strip(p) for p in result["passages"]]}


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    pos = (len(ordered) - 1) * q / 100
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def timed(calls: int, fn: Callable[[int], Any]) -> tuple[list[float], list[Any]]:
    """Run ``fn(i)`` for i in range(calls); return latencies in ms and results."""
    latencies, results = [], []
    for i in range(calls):
        started = time.perf_counter()
        results.append(fn(i))
        latencies.append((time.perf_counter() - started) * 1e3)
    return latencies, results


def summary(latencies: Sequence[float]) -> dict[str, float]:
    return {"n": len(latencies), "p50_ms": round(percentile(latencies, 50), 3),
            "p95_ms": round(percentile(latencies, 95), 3),
            "mean_ms": round(statistics.fmean(latencies), 3)}


def load_run(url: str, questions: Sequence[str], expected: dict[str, dict[str, Any]],
             clients: int, per_client: int) -> dict[str, Any]:
    """``clients`` threads, each with its own Client, ``per_client`` requests each."""
    errors: list[str] = []
    mismatches: list[str] = []
    latencies: list[float] = []
    lock = threading.Lock()
    ready = threading.Barrier(clients + 1)

    def worker(w: int) -> None:
        try:
            client = Client(url, verbose=False)
        except Exception as exc:  # a client that cannot connect is an error, not a crash
            with lock:
                errors.append(f"client {w}: {exc!r}")
            ready.wait()
            return
        ready.wait()  # every client connected before the clock starts
        for j in range(per_client):
            question = questions[(w * per_client + j) % len(questions)]
            started = time.perf_counter()
            try:
                result = client.predict(question, api_name="/ask")
            except Exception as exc:
                with lock:
                    errors.append(f"client {w} request {j}: {exc!r}")
                continue
            elapsed = (time.perf_counter() - started) * 1e3
            with lock:
                latencies.append(elapsed)
                if canonical(result) != expected[question]:
                    mismatches.append(question)

    threads = [threading.Thread(target=worker, args=(w,)) for w in range(clients)]
    for thread in threads:
        thread.start()
    ready.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    total = clients * per_client
    return {
        "clients": clients, "requests_per_client": per_client, "requests": total,
        "errors": len(errors), "error_samples": errors[:5],
        "mismatches": len(mismatches), "mismatch_samples": sorted(set(mismatches))[:5],
        "wall_s": round(wall, 3), "throughput_rps": round(len(latencies) / wall, 2),
        "latency": summary(latencies) if latencies else {},
        "pass": not errors and not mismatches and len(latencies) == total,
    }


def run(args: argparse.Namespace) -> dict[str, Any]:
    questions = load_questions(args.questions)
    calls = max(args.requests, len(questions))  # every question answered sequentially
    index_dir = args.index_dir or default_index_dir()
    port = args.port or free_port()
    print(f"starting rag serve on port {port} (index {index_dir}) ...", flush=True)
    with running_server(serve_command(port, index_dir), port) as url:
        client = Client(url, verbose=False)
        for _ in range(5):  # warm the connection and the server's first-call paths
            client.predict(api_name="/ping")
            client.predict(questions[0], api_name="/ask")

        print(f"sequential: {calls} x /ask, {calls} x /ping ...", flush=True)
        ask_ms, results = timed(calls, lambda i: client.predict(questions[i % len(questions)],
                                                                api_name="/ask"))
        ping_ms, _ = timed(calls, lambda i: client.predict(api_name="/ping"))
        expected: dict[str, dict[str, Any]] = {}
        sequential_mismatch = []
        for i, result in enumerate(results):
            question = questions[i % len(questions)]
            got = canonical(result)
            if expected.setdefault(question, got) != got:
                sequential_mismatch.append(question)

        print(f"load: {args.clients} clients x {args.per_client} requests ...", flush=True)
        load = load_run(url, questions, expected, args.clients, args.per_client)

    # In-process, after the server is gone so it does not compete for the CPU.
    print("in-process: Engine.ask ...", flush=True)
    engine = Engine(index_dir=index_dir)
    engine.ensure_ready()
    for question in questions[:5]:
        engine.ask(question)
    inproc_ms, inproc = timed(calls, lambda i: engine.ask(questions[i % len(questions)]))
    inproc_mismatch = [a.question for a in inproc
                       if canonical(a.to_dict()) != expected.get(a.question)]

    ask, ping, local = summary(ask_ms), summary(ping_ms), summary(inproc_ms)
    budget = ping["p50_ms"] + TARGET_FACTOR * local["p50_ms"]
    return {
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                    "python": platform.python_version()},
        "questions": len(questions),
        "ask": ask, "ping_floor": ping, "in_process": local,
        "target": {"rule": f"/ask p50 <= /ping p50 + {TARGET_FACTOR} x in-process p50",
                   "budget_ms": round(budget, 3), "ask_p50_ms": ask["p50_ms"],
                   "pass": ask["p50_ms"] <= budget},
        "sequential_consistent": not sequential_mismatch,
        "in_process_matches_server": not inproc_mismatch,
        "load": load,
    }


def report(result: dict[str, Any]) -> str:
    ask, ping, local = result["ask"], result["ping_floor"], result["in_process"]
    target, load = result["target"], result["load"]
    verdict = "PASS" if target["pass"] else "FAIL"
    load_verdict = "PASS" if load["pass"] else "FAIL"
    return "\n".join([
        f"machine          {result['machine']['cpus']} CPUs, {result['machine']['platform']}",
        f"/ask (HTTP)      p50 {ask['p50_ms']:8.2f} ms   p95 {ask['p95_ms']:8.2f} ms   "
        f"n={ask['n']}",
        f"/ping (floor)    p50 {ping['p50_ms']:8.2f} ms   p95 {ping['p95_ms']:8.2f} ms",
        f"in-process ask   p50 {local['p50_ms']:8.2f} ms   p95 {local['p95_ms']:8.2f} ms",
        f"target           /ask p50 {target['ask_p50_ms']:.2f} ms <= floor + "
        f"{TARGET_FACTOR} x in-process = {target['budget_ms']:.2f} ms: {verdict}",
        f"consistency      sequential repeats identical: {result['sequential_consistent']}; "
        f"in-process == server: {result['in_process_matches_server']}",
        f"load             {load['clients']} clients x {load['requests_per_client']} = "
        f"{load['requests']} requests in {load['wall_s']:.2f} s: "
        f"{load['throughput_rps']:.1f} req/s, errors {load['errors']}, "
        f"mismatches {load['mismatches']}, p50 {load['latency'].get('p50_ms', 0):.1f} ms, "
        f"p95 {load['latency'].get('p95_ms', 0):.1f} ms: {load_verdict}",
    ])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results/server.json"),
                        help="JSON report path (default: benchmarks/results/server.json)")
    parser.add_argument("--requests", type=int, default=128,
                        help="sequential calls per endpoint (at least one per question)")
    parser.add_argument("--questions", type=int, default=None, help="use the first N questions")
    parser.add_argument("--clients", type=int, default=16, help="concurrent clients")
    parser.add_argument("--per-client", type=int, default=25, help="requests per client")
    parser.add_argument("--port", type=int, default=None, help="server port (default: free)")
    parser.add_argument("--index-dir", type=Path, default=None,
                        help="index folder (default: the project's index/)")
    args = parser.parse_args(argv)
    result = run(args)
    text = report(result)
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({**result, "report": text.splitlines()}, indent=2) + "\n",
                        encoding="utf-8")
    print(f"wrote {args.out}")
    passed = (result["target"]["pass"] and result["load"]["pass"]
              and result["sequential_consistent"])
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
