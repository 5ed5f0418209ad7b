"""Splitting documents into retrievable chunks with exact character offsets."""

from __future__ import annotations

from collections.abc import Sequence

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
        for start, end in locate_chunks(doc.text, splitter.split_text(doc.text)):
            chunks.append(Chunk(len(chunks), doc.doc_id, start, end, doc.text[start:end]))
    return chunks


def locate_chunks(text: str, pieces: Sequence[str]) -> list[tuple[int, int]]:
    """Find each piece's offsets in ``text``, in order.

    LangChain's own ``add_start_index`` guesses the search start from the overlap
    and can land on an earlier copy of repeated text. Here each piece is searched
    from just after the previous piece's start: pieces come in document order with
    strictly increasing starts, so by induction the leftmost match found this way
    never lies beyond the true position, and a match always exists.

    Raises:
        ValueError: A piece is not a substring of ``text`` (a splitter bug).
    """
    spans: list[tuple[int, int]] = []
    cursor = 0
    for piece in pieces:
        start = text.find(piece, cursor)
        if start < 0:
            raise ValueError(f"chunk {piece[:40]!r} is not a substring of its document")
        spans.append((start, start + len(piece)))
        cursor = start + 1
    return spans
