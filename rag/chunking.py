"""Splitting documents into retrievable chunks with exact character offsets."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from langchain_text_splitters import RecursiveCharacterTextSplitter

from rag.schema import Chunk, Document


def chunk_documents(
    documents: Sequence[Document], chunk_size: int, chunk_overlap: int
) -> list[Chunk]:
    """Split every document with LangChain's recursive splitter.

    Chunk ids are global and dense (0..n-1) so they double as FAISS row ids.

    Args:
        documents: The corpus.
        chunk_size: Maximum characters per chunk.
        chunk_overlap: Characters shared by neighbouring chunks.

    Returns:
        Chunks in document order, each with ``doc.text[start:end] == text``.
    """
    splitter = RecursiveCharacterTextSplitter(
        chunk_size=chunk_size, chunk_overlap=chunk_overlap, strip_whitespace=True
    )
    chunks: list[Chunk] = []
    for doc in documents:
        spans = locate_chunks(doc.text, splitter.split_text(doc.text), chunk_overlap)
        for i, (start, end) in enumerate(spans):
            if i + 1 < len(spans) and spans[i + 1][0] == start:
                continue  # a prefix of the next chunk adds nothing to retrieve
            chunks.append(Chunk(len(chunks), doc.doc_id, start, end, doc.text[start:end]))
    return chunks


def locate_chunks(text: str, pieces: Sequence[str], chunk_overlap: int) -> list[tuple[int, int]]:
    """Find each piece's offsets in ``text``, in order.

    LangChain's own ``add_start_index`` guesses the search start from the overlap
    and lands on an earlier copy of repeated text. Here the splitter's guarantees
    bound where each piece can start: no earlier than the previous piece (they
    may share a start when one is a prefix of the next), no earlier than
    ``chunk_overlap`` characters before the previous end, and no later than the
    first non-space character after it (the splitter drops only whitespace).
    Within those windows a depth-first search takes the leftmost match and
    backtracks when a later piece has no match or the last piece does not reach
    the end of the text, so repeated text cannot pull a chunk onto the wrong copy.

    Raises:
        ValueError: No placement satisfies the bounds (a splitter bug).
    """
    if not pieces:
        return []
    text_end = len(text.rstrip())
    spans: list[tuple[int, int]] = []
    # One iterator of candidate starts per placed piece, for backtracking.
    options: list[Iterator[int]] = [_starts(text, pieces[0], 0, _next_nonspace(text, 0))]
    # (piece, start) placements known to lead nowhere: what follows a piece depends
    # only on where it sits, so each is explored once and the search stays linear.
    dead: set[tuple[int, int]] = set()
    while options:
        start = next(options[-1], None)
        if start is None:
            options.pop()
            if spans:
                dead.add((len(spans) - 1, spans.pop()[0]))
            continue
        i = len(spans)
        if (i, start) in dead:
            continue
        spans.append((start, start + len(pieces[i])))
        if i + 1 == len(pieces):
            if spans[-1][1] == text_end:
                return spans
            dead.add((i, spans.pop()[0]))
            continue
        prev_start, prev_end = spans[-1]
        lo = max(prev_start, prev_end - chunk_overlap)
        options.append(_starts(text, pieces[i + 1], lo, _next_nonspace(text, prev_end)))
    raise ValueError(f"cannot place chunk {pieces[0][:40]!r}... in its document")


def _next_nonspace(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _starts(text: str, piece: str, lo: int, hi: int) -> Iterator[int]:
    """Every start in ``[lo, hi]`` where ``piece`` occurs, leftmost first."""
    pos = text.find(piece, lo, hi + len(piece))
    while pos >= 0:
        yield pos
        pos = text.find(piece, pos + 1, hi + len(piece))
