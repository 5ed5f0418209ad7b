"""Scale benchmark: ``rag eval`` on ~650 SQuAD v2.0 contexts / ~6,000 questions, all modes.

The shared SQuAD v2.0 sample (3 articles, 86 contexts, 781 questions; SQuAD 2.0
by Rajpurkar, Jia and Liang, 2018, CC BY-SA 4.0) is repeated until the file has
``--contexts`` contexts, with unique question ids and titles per copy, and each
copy's contexts marked at their end ("[copy 2]"): ``rag eval`` reads a context
given twice as one document, and the point is to index 650. The
evaluation runs in a fresh process with an empty index folder, so the timing
includes starting Python, loading the model, indexing every context, embedding
every question and asking in the three modes. The requirement is under 10 minutes
on the 2-core development machine.

Copies repeat the same text, so retrieval has near-ties between copies and the
quality numbers of this run mean nothing; only the time does.

Usage::

    .venv/bin/python benchmarks/bench_eval_scale.py [--contexts 650] [--keep]
"""

from __future__ import annotations

import argparse
import copy
import json
import logging
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT.parent / "shared" / "data" / "squad2_dev_sample.json"
BUDGET_S = 600.0

log = logging.getLogger("bench_eval_scale")


def build_scaled(sample: dict[str, Any], contexts: int) -> dict[str, Any]:
    """Repeat the sample's contexts (and their questions) until there are ``contexts``."""
    data: list[dict[str, Any]] = []
    count, k = 0, 0
    while count < contexts:
        for article in sample["data"]:
            paragraphs = []
            for paragraph in article["paragraphs"]:
                if count == contexts:
                    break
                p = copy.deepcopy(paragraph)
                if k:  # after the text, so every answer_start still holds
                    p["context"] = f"{p['context']} [copy {k}]"
                for qa in p["qas"]:
                    qa["id"] = f"{qa['id']}_c{k}"  # ids must stay unique per copy
                paragraphs.append(p)
                count += 1
            if paragraphs:
                data.append({"title": f"{article['title']} (copy {k})",
                             "paragraphs": paragraphs})
        k += 1
    return {"version": sample.get("version", "v2.0"), "data": data}


def main(argv: list[str] | None = None) -> int:
    """Build the scaled file, time ``rag eval`` on it, and report against the budget."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--contexts", type=int, default=650, help="contexts in the file")
    parser.add_argument("--sample", type=Path, default=SAMPLE, help="SQuAD v2.0 file to repeat")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")

    sample = json.loads(args.sample.read_text(encoding="utf-8"))
    scaled = build_scaled(sample, args.contexts)
    n_contexts = sum(len(a["paragraphs"]) for a in scaled["data"])
    n_questions = sum(len(p["qas"]) for a in scaled["data"] for p in a["paragraphs"])

    tmp = Path(tempfile.mkdtemp(prefix="bench_eval_scale_"))
    gold = tmp / "squad2_scaled.json"
    gold.write_text(json.dumps(scaled), encoding="utf-8")
    log.info("wrote %s: %d contexts, %d questions", gold, n_contexts, n_questions)

    cmd = [sys.executable, "-m", "rag", "eval", "--gold", str(gold), "--modes",
           "hybrid,dense,bm25", "--out", str(tmp / "run"), "--index-dir", str(tmp / "index")]
    log.info("running: %s", " ".join(cmd))
    started = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, check=False)
    elapsed = time.perf_counter() - started

    ok = done.returncode == 0 and elapsed < BUDGET_S
    print(f"\nrag eval: {n_contexts} contexts, {n_questions} questions x 3 modes: "
          f"{elapsed:.1f} s wall (exit {done.returncode}); budget {BUDGET_S:.0f} s: "
          f"{'PASS' if ok else 'FAIL'}")
    if args.keep:
        print(f"artefacts kept in {tmp}")
    else:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
