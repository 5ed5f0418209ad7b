"""Sentence segmentation with offsets: the units that become quotes."""

from __future__ import annotations

import re
from collections.abc import Sequence

import sentencex

from rag.schema import Chunk, Document, Sentence

_WORD = re.compile(r"\w+")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_MARKDOWN_HEADING = re.compile(r"#{1,6}[ \t]")


def split_sentences(text: str, min_words: int = 7) -> list[tuple[int, int]]:
    """Split text into sentence spans with sentencex (Wikimedia's segmenter).

    sentencex knows abbreviations ("K. Tokayev", "BYD Co.", "Tesla Inc."), decimals
    ("38.1%") and ranges; it also reports paragraph breaks, which we keep as hard
    boundaries. Spans are trimmed of surrounding whitespace and list markers
    ("1."). A fragment shorter than ``min_words`` is merged with the next sentence
    of the same paragraph, so "So, February 1 of this year." travels with the
    sentence it dates.

    Returns:
        ``(start, end)`` spans into ``text``, in order, non-overlapping.
    """
    raw: list[tuple[int, int, bool]] = []  # start, end, paragraph break before it
    pending_break = True
    for seg in sentencex.get_sentence_boundaries("en", text):
        start, end = _trim(text, seg["start_index"], seg["end_index"])
        if start >= end or not _HAS_LETTER.search(text, start, end):
            # Blank lines and bare list markers: a boundary, not a sentence.
            if seg.get("is_paragraph_break") or "\n" in text[seg["start_index"] : seg["end_index"]]:
                pending_break = True
            continue
        if "\n" in text[seg["start_index"] : start]:
            pending_break = True
        # A Markdown heading line ("# Rhine") with the text right under it is a
        # paragraph of its own, not the opening of the first sentence.
        if _MARKDOWN_HEADING.match(text, start, end):
            line_end = text.find("\n", start, end)
            if line_end < 0:  # the heading is the whole segment
                raw.append((start, end, pending_break))
                pending_break = True
                continue
            raw.append((start, _trim(text, start, line_end)[1], pending_break))
            start, pending_break = _trim(text, line_end, end)[0], True
        raw.append((start, end, pending_break))
        pending_break = False

    merged: list[tuple[int, int]] = []
    carry: int | None = None  # start of a fragment waiting for its sentence
    for i, (start, end, _) in enumerate(raw):
        if carry is not None:
            start = carry
            carry = None
        next_same_paragraph = i + 1 < len(raw) and not raw[i + 1][2]
        if len(_WORD.findall(text, start, end)) < min_words and next_same_paragraph:
            carry = start
            continue
        merged.append((start, end))
    return merged


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    # A byte-order mark opening a file is no part of its first sentence.
    while start < end and (text[start].isspace() or text[start] == "\ufeff"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    # A numbered-list marker like "1. " is layout, not part of the quote.
    marker = re.match(r"\d{1,2}[.)]\s+", text[start:end])
    if marker:
        start += marker.end()
    return start, end


def sentences_of(documents: Sequence[Document], min_words: int = 7) -> list[Sentence]:
    """Segment every document; sentence ids are global and dense (0..n-1)."""
    out: list[Sentence] = []
    for doc in documents:
        for start, end in split_sentences(doc.text, min_words):
            out.append(Sentence(len(out), doc.doc_id, start, end, doc.text[start:end]))
    return out


def sentences_by_chunk(chunks: Sequence[Chunk], sentences: Sequence[Sentence]) -> list[list[int]]:
    """For each chunk id, the ids of sentences lying at least half inside it.

    Sentences are document-wide while chunks come from a character splitter, so
    a sentence may straddle two chunks; it then belongs to both.
    """
    by_doc: dict[str, list[Sentence]] = {}
    for s in sentences:
        by_doc.setdefault(s.doc_id, []).append(s)
    out: list[list[int]] = []
    for chunk in chunks:
        ids = []
        for s in by_doc.get(chunk.doc_id, ()):
            if s.start >= chunk.end:
                break
            overlap = min(s.end, chunk.end) - max(s.start, chunk.start)
            if overlap * 2 >= s.end - s.start:
                ids.append(s.sentence_id)
        out.append(ids)
    return out
