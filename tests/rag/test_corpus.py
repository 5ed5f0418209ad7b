"""Corpus loading: the bundled copy, byte-exact reads, clear errors, fingerprints."""

from __future__ import annotations

import dataclasses
import os
import re
from pathlib import Path

import pytest

from rag.corpus import (
    check_unique_ids,
    collection_for,
    corpus_sha256,
    corpus_stamp,
    default_corpus_path,
    load_corpus,
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


def _write(root: Path, files: dict[str, bytes]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return root


def test_a_folder_is_read_whole_in_path_order_with_relative_ids(tmp_path: Path) -> None:
    root = _write(tmp_path / "docs", {
        "b.txt": b"Second file.\r\n",
        "a.md": b"# First\n\nText.\n",
        "sub/deeper/c.rst": b"Third, two folders down.",
        "sub/notes.TXT": b"Upper-case suffix.",
        # Not text, or hidden: skipped.
        "photo.png": b"\x89PNG\r\n",
        "report.pdf": b"%PDF-1.7",
        ".hidden.txt": b"secret",
        ".git/HEAD.txt": b"ref: refs/heads/main",
    })
    docs = load_corpus(root)
    assert [d.doc_id for d in docs] == ["a.md", "b.txt", "sub/deeper/c.rst", "sub/notes.TXT"]
    # Read byte-exactly, as a single file is: offsets into these texts are citations.
    assert docs[1].text == "Second file.\r\n"
    assert {d.doc_id: d.title for d in docs}["sub/deeper/c.rst"] == "c"


def test_a_file_is_a_corpus_of_one(tmp_path: Path) -> None:
    path = _write(tmp_path, {"notes.txt": b"Just this."}) / "notes.txt"
    [doc] = load_corpus(path)
    assert (doc.doc_id, doc.text) == ("notes.txt", "Just this.")


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({}, "holds no usable text files"),
        ({"scan.pdf": b"%PDF", ".draft.txt": b"hidden"}, "holds no usable text files"),
        ({"bad.txt": b"ok \xff\xfe"},
         "bad.txt is not UTF-8 text (invalid start byte at byte 3)"),
        # All refused: the first reason, in path order, and how many more.
        ({"blank.md": b"  \n", "b.txt": b"\xff"},
         "b.txt is not UTF-8 text (invalid start byte at byte 0); save it as UTF-8. (and 1 more)"),
    ],
)
def test_a_folder_that_cannot_be_a_corpus_says_why(tmp_path: Path, files: dict[str, bytes],
                                                   message: str) -> None:
    root = _write(tmp_path / "docs", files)
    root.mkdir(exist_ok=True)
    with pytest.raises(CorpusError, match=re.escape(message)):
        load_corpus(root)


def test_a_stray_file_is_skipped_with_a_warning_naming_it(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    root = _write(tmp_path / "docs", {
        "good.txt": b"Readable text.",
        "latin1.txt": "Caf\u00e9 cr\u00e8me.".encode("latin-1"),
        "blank.md": b"\n\n",
        "utf16.txt": "Hello".encode("utf-16"),  # with its byte-order mark
        "utf16le.txt": "Hello".encode("utf-16-le"),  # without: valid UTF-8, full of NULs
    })
    (root / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    with caplog.at_level("WARNING", logger="rag.corpus"):
        docs = load_corpus(root)
    assert [d.doc_id for d in docs] == ["good.txt"]
    warned = "\n".join(r.getMessage() for r in caplog.records)
    for expected in ("latin1.txt is not UTF-8 text (invalid continuation byte at byte 3)",
                     "blank.md is empty", "utf16.txt is UTF-16 text; save it as UTF-8",
                     "utf16le.txt holds NUL bytes", "dangling.txt is a link to nothing"):
        assert expected in warned
    # Given alone, the same file is an error, not a warning.
    with pytest.raises(CorpusError, match="is not UTF-8 text"):
        load_corpus(root / "latin1.txt")


def test_pipes_are_never_read_and_linked_folders_are_followed_once(tmp_path: Path) -> None:
    import os

    root = _write(tmp_path / "docs", {"a.txt": b"Alpha."})
    _write(tmp_path / "elsewhere", {"b.md": b"Beta."})
    (root / "more").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    (root / "loop").symlink_to(root, target_is_directory=True)  # would never end
    os.mkfifo(root / "pipe.txt")  # reading it would block forever
    # A link inside the corpus is not followed: the file keeps its own path.
    _write(root, {"z/c.txt": b"Gamma."})
    (root / "alias").symlink_to(root / "z", target_is_directory=True)
    assert [d.doc_id for d in load_corpus(root)] == ["a.txt", "more/b.md", "z/c.txt"]
    with pytest.raises(CorpusError, match="not a regular file"):
        load_document(root / "pipe.txt")


def test_a_link_to_a_folder_around_the_corpus_is_skipped_with_a_warning(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    # "up" -> the folder holding the corpus: following it would read "private/".
    root = _write(tmp_path / "home" / "docs", {"a.txt": b"Alpha."})
    _write(tmp_path / "home", {"private/diary.txt": b"Secret."})
    (root / "up").symlink_to(tmp_path / "home", target_is_directory=True)
    (root / "top").symlink_to(tmp_path, target_is_directory=True)
    with caplog.at_level("WARNING", logger="rag.corpus"):
        docs = load_corpus(root)
    assert [d.doc_id for d in docs] == ["a.txt"]
    warned = [r.getMessage() for r in caplog.records]
    assert len(warned) == 2, warned
    assert all("a folder that holds the corpus itself" in w for w in warned)
    assert any(f"it links to {tmp_path / 'home'}," in w for w in warned)


def test_a_pdf_is_recognised_and_refused_even_with_a_text_suffix(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    root = _write(tmp_path / "docs", {"a.txt": b"Alpha.",
                                      # A real header: binary bytes on line 2.
                                      "paper.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"})
    with caplog.at_level("WARNING", logger="rag.corpus"):
        assert [d.doc_id for d in load_corpus(root)] == ["a.txt"]
    assert "paper.txt is a PDF; extract its text first" in caplog.text
    with pytest.raises(CorpusError, match="is a PDF"):
        load_corpus(root / "paper.txt")


def test_a_missing_corpus_path_is_named(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match=re.escape(f"{tmp_path / 'nope'} does not exist")):
        load_corpus(tmp_path / "nope")


def test_collection_names_are_safe_stable_and_tell_folders_apart(tmp_path: Path) -> None:
    one, two = tmp_path / "a" / "my docs!", tmp_path / "b" / "my docs!"
    name = collection_for(one)
    assert re.fullmatch(r"corpus-my-docs-[0-9a-f]{8}", name)
    assert collection_for(one) == name
    assert collection_for(tmp_path / "a" / "." / "my docs!") == name  # the same folder
    assert collection_for(two) != name


def test_the_stamp_changes_with_an_edit_a_new_file_or_a_copy_keeping_its_time(
        tmp_path: Path) -> None:
    import os
    import shutil

    root = _write(tmp_path / "docs", {"a.txt": b"Alpha.", "b.png": b"not text"})
    first = corpus_stamp(root)
    assert [Path(entry[0]).name for entry in first] == ["a.txt"]  # text files only
    assert corpus_stamp(root) == first  # looking changes nothing
    (root / "b.png").write_bytes(b"still not text")
    assert corpus_stamp(root) == first
    # Replaced by a copy of another file that keeps its old time (cp -p): same
    # size, same modification time, but another inode and status-change time.
    _write(tmp_path / "other", {"a.txt": b"Omega."})
    info = (root / "a.txt").stat()
    os.utime(tmp_path / "other" / "a.txt", ns=(info.st_atime_ns, info.st_mtime_ns))
    shutil.copy2(tmp_path / "other" / "a.txt", root / "a.txt.new")
    os.replace(root / "a.txt.new", root / "a.txt")
    assert (root / "a.txt").stat().st_mtime_ns == info.st_mtime_ns
    assert corpus_stamp(root) != first
    second = corpus_stamp(root)
    _write(root, {"c.md": b"Gamma."})
    assert len(corpus_stamp(root)) == 2 and corpus_stamp(root) != second
    # A file given alone, then gone.
    alone = corpus_stamp(root / "c.md")
    (root / "c.md").unlink()
    assert corpus_stamp(root / "c.md") == ((str(root / "c.md"), -1, -1, -1, -1),) != alone


def test_a_broken_link_given_alone_is_named_as_one(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").symlink_to(tmp_path / "gone.txt")
    with pytest.raises(CorpusError, match="is a link to nothing"):
        load_corpus(tmp_path / "notes.txt")


def test_a_file_name_that_is_not_utf8_is_read_and_shown_escaped(tmp_path: Path) -> None:
    # "café.txt" saved by a Latin-1 system: the name's bytes are not UTF-8.
    folder = tmp_path / os.fsdecode(b"d\xe9")
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xe9.txt")).write_text("The cafe opened in 1990.\n", "utf-8")
    (folder / "bakery.txt").write_text("The bakery opened in 1985.\n", "utf-8")
    documents = load_corpus(folder)
    assert [d.doc_id for d in documents] == ["bakery.txt", "caf\\xe9.txt"]
    # Ids and names can be written as UTF-8 (the index, JSON, the terminal).
    for document in documents:
        document.doc_id.encode("utf-8")
        document.title.encode("utf-8")
    corpus_sha256(documents)
    assert re.fullmatch(r"corpus-d-[0-9a-f]{8}", collection_for(folder))
    alone = load_corpus(folder / os.fsdecode(b"caf\xe9.txt"))
    assert alone[0].doc_id == "caf\\xe9.txt"
