#!/usr/bin/env python3
"""Validate the hand-written gold QA set (dev.jsonl / test.jsonl) against the article.

Usage:  python3 check_gold.py [path/to/sco_summit_astana.txt]

Without an argument the article is looked up relative to this script's folder:
  ../../rag/data/sco_summit_astana.txt, then ../../../shared/corpus/sco_summit_astana.txt
Standard library only. Prints a summary; exits 1 if any problem is found.
"""
from __future__ import annotations

import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SPLITS = ("dev", "test")
KEYS = {"id", "question", "answers", "is_impossible", "type", "paragraph"}
TYPES = {"factoid", "list", "why", "how", "paraphrase", "unanswerable"}
MIN_TOTAL = 84
MIN_UNANSWERABLE_PER_SPLIT = 11
MIN_UNANSWERABLE_TOTAL = 22
MIN_PARAPHRASE_TOTAL = 20
MAX_SPAN_WORDS = 30          # soft limit; SQuAD-style spans should be short
CONTENT_MIN_WORDS = 22       # blocks shorter than this are headings / byline


def find_article(argv: list[str]) -> str:
    """The article's path: the one given, or the first found beside the repository."""
    candidates = [argv[1]] if len(argv) > 1 else [
        os.path.join(HERE, "..", "..", "rag", "data", "sco_summit_astana.txt"),
        os.path.join(HERE, "..", "..", "..", "shared", "corpus", "sco_summit_astana.txt"),
    ]
    for c in candidates:
        if os.path.isfile(c):
            return os.path.normpath(c)
    sys.exit("article not found; tried: " + ", ".join(candidates))


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty block separated by blank lines."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in re.finditer(r"\n[ \t]*\n\s*", text):
        if text[pos:m.start()].strip():
            spans.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        spans.append((pos, len(text)))
    return spans


def main(argv: list[str]) -> int:
    """Check both splits and print a summary; 1 if any problem was found."""
    art_path = find_article(argv)
    with open(art_path, encoding="utf-8", newline="") as f:
        article = f.read()
    paras = paragraph_spans(article)
    content = {i for i, (s, e) in enumerate(paras)
               if len(article[s:e].split()) >= CONTENT_MIN_WORDS}

    def para_of(off: int) -> int | None:
        for i, (s, e) in enumerate(paras):
            if s <= off < e:
                return i
        return None

    errors: list[str] = []
    warnings: list[str] = []
    seen_ids: set[str] = set()
    seen_questions: dict[str, str] = {}
    counts: dict[str, collections.Counter[str]] = {s: collections.Counter() for s in SPLITS}
    covered: dict[str, set[int]] = {s: set() for s in SPLITS}

    for split in SPLITS:
        path = os.path.join(HERE, split + ".jsonl")
        if not os.path.isfile(path):
            errors.append(f"missing {path}")
            continue
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        for ln, line in enumerate(lines, 1):
            where = f"{split}.jsonl:{ln}"
            try:
                r = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"{where}: bad JSON ({e})")
                continue
            if not isinstance(r, dict) or set(r) != KEYS:
                got = sorted(r) if isinstance(r, dict) else type(r)
                errors.append(f"{where}: keys {got} != {sorted(KEYS)}")
                continue
            rid = r["id"]
            where = f"{where} [{rid}]"
            if not isinstance(rid, str) or not re.fullmatch(rf"sco-{split}-\d{{3}}", rid):
                errors.append(f"{where}: id must look like sco-{split}-NNN")
            if rid in seen_ids:
                errors.append(f"{where}: duplicate id")
            seen_ids.add(rid)
            qtext = r["question"]
            if not isinstance(qtext, str) or not qtext.strip():
                errors.append(f"{where}: empty question")
            else:
                key = qtext.strip().lower()
                if key in seen_questions:
                    errors.append(f"{where}: duplicate question (also {seen_questions[key]})")
                seen_questions[key] = rid
            typ = r["type"]
            if typ not in TYPES:
                errors.append(f"{where}: unknown type {typ!r}")
            imp = r["is_impossible"]
            if not isinstance(imp, bool):
                errors.append(f"{where}: is_impossible must be a bool")
            if imp != (typ == "unanswerable"):
                errors.append(f"{where}: is_impossible={imp} inconsistent with type={typ}")
            p = r["paragraph"]
            if not isinstance(p, int) or isinstance(p, bool) or not 0 <= p < len(paras):
                errors.append(f"{where}: paragraph {p!r} out of range 0..{len(paras) - 1}")
                p = None
            answers = r["answers"]
            if not isinstance(answers, list):
                errors.append(f"{where}: answers must be a list")
                answers = []
            if imp and answers:
                errors.append(f"{where}: unanswerable item has answers")
            if not imp and not answers:
                errors.append(f"{where}: answerable item has no answers")
            for a in answers:
                if not isinstance(a, dict) or set(a) != {"text", "start"}:
                    errors.append(f"{where}: answer must have exactly text,start: {a!r}")
                    continue
                t, s = a["text"], a["start"]
                if not isinstance(t, str) or not t or not isinstance(s, int) or isinstance(s, bool):
                    errors.append(f"{where}: bad answer {a!r}")
                    continue
                if article[s:s + len(t)] != t:
                    found = article[s:s + len(t)]
                    errors.append(f"{where}: span mismatch at {s}: {t!r} vs {found!r}")
                    continue
                if t != t.strip():
                    errors.append(f"{where}: answer has surrounding whitespace: {t!r}")
                if "\n" in t:
                    errors.append(f"{where}: answer crosses a line break: {t!r}")
                ap = para_of(s)
                if p is not None and ap != p:
                    errors.append(f"{where}: answer {t!r} is in paragraph {ap}, item says {p}")
                if len(t.split()) > MAX_SPAN_WORDS:
                    warnings.append(f"{where}: long answer ({len(t.split())} words)")
            counts[split][typ] += 1
            if not imp and p is not None:
                covered[split].add(p)

    total = sum(sum(c.values()) for c in counts.values())
    unans = {s: counts[s]["unanswerable"] for s in SPLITS}
    para_total = sum(counts[s]["paraphrase"] for s in SPLITS)
    if total < MIN_TOTAL:
        errors.append(f"only {total} questions (< {MIN_TOTAL})")
    for s in SPLITS:
        if unans[s] < MIN_UNANSWERABLE_PER_SPLIT:
            errors.append(f"{s}: only {unans[s]} unanswerable (< {MIN_UNANSWERABLE_PER_SPLIT})")
    if sum(unans.values()) < MIN_UNANSWERABLE_TOTAL:
        errors.append(
            f"only {sum(unans.values())} unanswerable in total (< {MIN_UNANSWERABLE_TOTAL})")
    if para_total < MIN_PARAPHRASE_TOTAL:
        errors.append(f"only {para_total} paraphrase questions (< {MIN_PARAPHRASE_TOTAL})")
    missing = sorted(content - covered["dev"] - covered["test"])
    if missing:
        errors.append(f"content paragraphs without an answerable question: {missing}")

    print(f"article: {art_path} ({len(article)} chars, {len(paras)} paragraphs, "
          f"{len(content)} content paragraphs)")
    header = "split  " + " ".join(f"{t:>12}" for t in sorted(TYPES)) + "        total"
    print(header)
    for s in SPLITS:
        print(f"{s:<6} " + " ".join(f"{counts[s][t]:>12}" for t in sorted(TYPES))
              + f"  {sum(counts[s].values()):>11}")
    print("total  " + " ".join(f"{sum(counts[s][t] for s in SPLITS):>12}" for t in sorted(TYPES))
          + f"  {total:>11}")
    for s in SPLITS:
        miss = sorted(content - covered[s])
        print(f"{s}: covers {len(covered[s] & content)}/{len(content)} content paragraphs"
              + (f" (not {miss})" if miss else ""))
    for w in warnings:
        print("WARNING:", w)
    for error in errors:
        print("ERROR:", error)
    if errors:
        print(f"FAILED: {len(errors)} problem(s)")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
