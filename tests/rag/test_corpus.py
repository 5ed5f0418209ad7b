"""Corpus loading: the bundled copy, byte-exact reads, clear errors, fingerprints."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from rag.corpus import (
    check_unique_ids,
    corpus_sha256,
    default_corpus_path,
    load_default_corpus,
    load_document,
)
from rag.errors import CorpusError
from rag.schema import Document

SHARED_CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "sco_summit_astana.txt"


@pytest.mark.skipif(not SHARED_CORPUS.is_file(), reason="shared corpus not present")
def test_bundled_copy_is_byte_identical_to_the_shared_corpus() -> None:
    assert default_corpus_path().read_bytes() == SHARED_CORPUS.read_bytes()


def test_default_corpus_is_the_article_read_byte_exactly() -> None:
    [doc] = load_default_corpus()
    raw = default_corpus_path().read_bytes()
    assert doc.text.encode("utf-8") == raw
    assert doc.doc_id == "sco_summit_astana.txt"
    assert "Shanghai Cooperation Organization" in doc.text


def test_crlf_is_not_translated(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"line one\r\nline two\r\n")
    assert load_document(path).text == "line one\r\nline two\r\n"


def test_missing_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "missing-doc.txt"
    with pytest.raises(CorpusError, match=re.escape("missing-doc.txt")):
        load_document(path)


def test_non_utf8_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "latin1-doc.txt"
    path.write_bytes("caf\u00e9 cr\u00e8me".encode("latin-1"))
    with pytest.raises(CorpusError, match=re.escape("latin1-doc.txt")):
        load_document(path)


@pytest.mark.parametrize("content", [b"", b"   \n\n\t "])
def test_empty_file_names_the_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty-doc.txt"
    path.write_bytes(content)
    with pytest.raises(CorpusError, match=re.escape("empty-doc.txt")):
        load_document(path)


def test_directory_is_a_corpus_error(tmp_path: Path) -> None:
    folder = tmp_path / "a-folder.txt"
    folder.mkdir()
    with pytest.raises(CorpusError, match=re.escape("a-folder.txt")):
        load_document(folder)


def test_doc_id_defaults_to_file_name(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Some text.", encoding="utf-8")
    assert load_document(path).doc_id == "note.txt"
    assert load_document(path, doc_id="custom").doc_id == "custom"


def test_corpus_sha256_changes_with_any_edit(article: Document) -> None:
    base = corpus_sha256([article])
    assert base == corpus_sha256([dataclasses.replace(article)])
    edits = [
        [dataclasses.replace(article, text=article.text + " ")],
        [dataclasses.replace(article, text=article.text.replace("2001", "2002", 1))],
        [dataclasses.replace(article, text=article.text[:-1])],
        [dataclasses.replace(article, doc_id="other.txt")],
        [article, Document("extra", "x")],
        [],
    ]
    hashes = {corpus_sha256(docs) for docs in edits}
    assert base not in hashes
    assert len(hashes) == len(edits)
    # Document boundaries matter: ("ab", "c") is not ("a", "bc").
    assert corpus_sha256([Document("x", "ab"), Document("y", "c")]) != corpus_sha256(
        [Document("x", "a"), Document("y", "bc")])


def test_duplicate_ids_are_rejected() -> None:
    with pytest.raises(CorpusError, match="dup"):
        check_unique_ids([Document("dup", "a"), Document("dup", "b")])
    check_unique_ids([Document("a", "a"), Document("b", "b")])
