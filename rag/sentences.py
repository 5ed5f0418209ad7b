"""Sentence segmentation with offsets: the units that become quotes."""

from __future__ import annotations

import re
from collections.abc import Sequence

import sentencex

from rag.schema import Chunk, Document, Sentence

_WORD = re.compile(r"\w+")
_HAS_LETTER = re.compile(r"[^\W\d_]")
# A Markdown heading: a line opening with one to six "#" and a space (ATX), or a
# line of its own (after a blank line) underlined with "=" or "---" (setext):
# "Reset procedure\n---------------". Not a sentence ending as one does, a list
# item or a quotation above a rule: "... by Acme Inc.\n---" and "* Energy\n---"
# stay text.
MARKDOWN_HEADING = re.compile(
    r"(?m)^[ \t]*#{1,6}[ \t][^\n]*"
    r"|(?:\A|(?<=\n\n)|(?<=\n\r\n))[ \t]*(?![*+•>][ \t]|\d+[.)][ \t])[^\s=-]"
    r"(?:[^\r\n]*[^\s.!?…:;)\"”’'])?[ \t]*\r?\n[ \t]*(?:=+|-{3,})[ \t]*(?=\r?\n|\Z)")
# Longer spans are cut (``_cut_long``). The article's longest sentence is some
# 500 characters; SQuAD's are under 1,000.
MAX_SENTENCE_CHARS = 1_500


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
        if "\n" in text[seg["start_index"] : _trim(text, seg["start_index"],
                                                      seg["end_index"])[0]]:
            pending_break = True
        for start, end, heading in _pieces(text, seg["start_index"], seg["end_index"]):
            if start >= end or not _HAS_LETTER.search(text, start, end):
                # Blank lines and bare list markers: a boundary, not a sentence.
                if seg.get("is_paragraph_break") or "\n" in text[seg["start_index"] :
                                                                  seg["end_index"]]:
                    pending_break = True
                continue
            # A Markdown heading ("# Rhine") is a paragraph of its own: never the
            # opening of the sentence under it, nor the end of the one above.
            raw.append((start, end, pending_break or heading))
            pending_break = heading

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
        merged.extend(_cut_long(text, start, end))
    return merged


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """A segment, trimmed, with each Markdown heading line in it cut out as a
    piece of its own: ``(start, end, is_heading)``."""
    out: list[tuple[int, int, bool]] = []
    piece = start
    for line in MARKDOWN_HEADING.finditer(text, start, end):
        out.append((*_trim(text, piece, line.start()), False))
        out.append((*_trim(text, line.start(), line.end()), True))
        piece = line.end()
    out.append((*_trim(text, piece, end), False))
    return out


def _cut_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``(start, end)``, cut into spans of at most ``MAX_SENTENCE_CHARS``: at the
    last line break before the limit, else the last space.

    A table or a log saved as text has no full stops, and one 100,000-character
    "sentence" is no quote anyone can check; it would also make every question
    scan it whole.
    """
    out: list[tuple[int, int]] = []
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        cut = text.rfind("\n", start + 1, limit)
        if cut < 0:
            cut = text.rfind(" ", start + 1, limit)
        if cut < 0:
            cut = limit
        piece = _trim(text, start, cut)
        if piece[0] < piece[1]:
            out.append(piece)
        start = _trim(text, cut, end)[0]
    if start < end:
        out.append((start, end))
    return out


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


def one_paragraph(text: str, first: Sentence, second: Sentence) -> bool:
    """Whether ``second``, a sentence after ``first`` in ``text``, goes on in the same
    paragraph: no blank line stands between them."""
    return first.doc_id == second.doc_id and "\n\n" not in text[first.end : second.start]


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
