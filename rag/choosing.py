"""Choosing among several spans of the asked type in one sentence.

"Which countries will attend?" over "Kazakhstan, India, Iran and China" takes the
whole list; "When did she marry Pierre Curie?" over "In 1895 she married ...,
and she shared the 1903 Nobel Prize" takes the year beside the question's words.
When nothing tells the spans apart, there is no short answer: the quoted sentence
answers whole (``spans.narrow``).
"""

from __future__ import annotations

import itertools
import re

from rag.lexical import WORDS, tokenize

# "Which cities ...?", "Which countries ...?", "Who are ...?": the answer is a list.
PLURAL_Q = re.compile(r"\b(?:which|what)\s+(?:[\w-]+\s+)?(?:cities|countries|states|nations|"
                      r"organi[sz]ations|companies|members|bodies|regions|places|towns|"
                      r"people|leaders|officials)\b|\bwho\s+(?:are|were)\b", re.I)
# Items of one list are joined by these alone: "Basel, Strasbourg and Cologne",
# "BRICS and the EAEU". An item may end in an abbreviation's dot, which its span
# leaves out: "BYD Co. and Tesla Inc.".
_LIST_JOIN = re.compile(r"\.?\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)(?:the\s+)?")


def listed(sentence: str, spans: list[tuple[int, int]]) -> str | None:
    """The longest run of spans written as one list ("Kazakhstan, India, Iran and
    China"), as one span, if it has two items or more."""
    best: tuple[int, int] | None = None
    run_start, count = spans[0][0], 1
    for (_, prev_end), (start, end) in itertools.pairwise(spans):
        joined = _LIST_JOIN.fullmatch(sentence, prev_end, start)
        if joined:
            count += 1
        else:
            run_start, count = start, 1
        if count >= 2 and (best is None or end - run_start > best[1] - best[0]):
            best = (run_start, end)
    return sentence[best[0] : best[1]] if best else None


# Of several candidates, the answer is usually the one the question's own words
# stand next to: "the Los Angeles area with over 12 million inhabitants, the
# Riverside area with over four million" asked about the Los Angeles area. Words
# within this many of a span, on either side, count. On dev this raised exact
# match from 28.2 to 29.9 and F1 from 56.2 to 57.7; on the SQuAD sample from 14.1
# to 16.5 and 22.5 to 24.8 (3 words did about as well, 8 and a one-sided window
# worse).
NEAR_WORDS = 5


def nearest(sentence: str, spans: list[tuple[int, int]], question: str,
             counts: bool = False) -> list[tuple[int, int]]:
    """The one span with the most question terms near it, or all of them on a tie.

    For ``counts`` (numbers), a tie goes to the number whose noun holds the most
    question terms.
    """
    asked = set(tokenize(question))
    words = [(m.start(), m.end(), m.group()) for m in WORDS.finditer(sentence)]
    nearby = []
    closest = []  # words between each span and the nearest question term
    for start, end in spans:
        inside = [i for i, (s, e, _) in enumerate(words) if s < end and e > start]
        if not inside:
            nearby.append(0)
            closest.append(NEAR_WORDS + 1)
            continue
        before = words[max(0, inside[0] - NEAR_WORDS) : inside[0]]
        after = words[inside[-1] + 1 : inside[-1] + 1 + NEAR_WORDS]
        nearby.append(len({t for _, _, w in before + after for t in tokenize(w)} & asked))
        closest.append(_clause_distance(sentence, words, inside[0], inside[-1], asked))
    best = max(nearby)
    if best == 0:
        return spans
    tied = [span for span, count in zip(spans, nearby, strict=True) if count == best]
    if len(tied) > 1 and not counts:
        # "In 1895 she married ... Pierre Curie, and she shared the 1903 Nobel
        # Prize", asked when she married him: both years are near one question
        # word; the word right beside 1895 decides.
        # Items of one list ("In 2001 and in 2017 the organization grew",
        # "Kazakhstan and China signed it") share their words whatever the distance.
        gaps = [gap for span, gap in zip(spans, closest, strict=True) if span in tied]
        listed = any(_COORDINATED.fullmatch(sentence, a_end, b_start)
                     for (_, a_end), (b_start, _) in itertools.pairwise(tied))
        if gaps.count(min(gaps)) == 1 and not listed:
            return [tied[gaps.index(min(gaps))]]
        return spans
    if len(tied) > 1:
        # Neighbours in a list share their windows ("nine member states, three
        # observer states"): then the words a number heads decide, up to the next
        # comma or "and" ("three" counts observer states, "nine" member states).
        heads = [len(set(tokenize(_headed(sentence, end))) & asked) for _, end in tied]
        top = max(heads)
        if top == 0 or heads.count(top) > 1:
            return spans
        return [tied[heads.index(top)]]
    return tied


def _clause_distance(sentence: str, words: list[tuple[int, int, str]], first: int, last: int,
                     asked: set[str]) -> int:
    """How many words away from the span of ``words[first..last]`` the nearest
    question term within its clause is (1 for the next word; ``NEAR_WORDS`` + 1 if
    none): "born in Warsaw in 1867
    and died in Passy in 1934" puts "died" in 1934's clause, not in 1867's."""
    best = NEAR_WORDS + 1
    for step, edge in ((-1, first), (1, last)):
        i = edge
        for distance in range(1, NEAR_WORDS + 1):
            j = i + step
            if not 0 <= j < len(words):
                break
            gap = sentence[words[min(i, j)][1] : words[max(i, j)][0]]
            if _CLAUSE_BREAK.search(gap) or words[j][2].lower() in _CLAUSE_WORDS:
                break
            if set(tokenize(words[j][2])) & asked:
                best = min(best, distance)
                break
            i = j
    return best


_CLAUSE_BREAK = re.compile(r"[;:()–—]|\.\s")
_CLAUSE_WORDS = frozenset(("and", "but", "or", "while", "whereas", "which", "who", "where"))


# What joins two items of one list, a preposition they share allowed ("2001 and in 2017").
_COORDINATED = re.compile(r"\s*(?:,\s*)?(?:(?:and|or|but|as well as)\s+)?"
                          r"(?:(?:in|on|at|by|from|to|the)\s+)?", re.I)


# The words a span heads: up to four, stopping at punctuation, "and"/"or" or a digit.
_FOLLOWING = re.compile(r"(?:\s+(?!(?:and|or)\b)[^\W\d][\w’'-]*){0,4}")


def _headed(sentence: str, end: int) -> str:
    """The words right after a span that ends at ``end`` (``_FOLLOWING``)."""
    match = _FOLLOWING.match(sentence, end)
    return match.group() if match else ""
