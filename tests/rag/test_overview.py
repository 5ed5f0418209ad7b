"""What a document is about: its opening paragraph and headings (``rag.overview``)."""

from __future__ import annotations

import pytest

from rag.overview import names_section, opening, outline
from rag.schema import Document, Sentence
from rag.sentences import sentences_of

NOTES = ("# Rhine shipping notes\n\n"
         "The Rhine carries more freight than any other river in Europe. Barges move "
         "coal, grain and containers between Basel and Rotterdam. Most of them sail "
         "under Dutch flags these days.\n\n"
         "Low water in summer cuts the loads a barge can carry by half.\n\n"
         "## Ports\n\n"
         "Duisburg is the largest inland port in the world by some measures.\n")


def _sentences(text: str, doc_id: str = "d") -> list[Sentence]:
    return sentences_of([Document(doc_id, text)])


def _heading_ids(sentences: list[Sentence]) -> set[int]:
    return {s.sentence_id for s in sentences if s.text.startswith("#")}


def test_opening_takes_the_first_sentences_of_the_first_paragraph_past_headings() -> None:
    sentences = _sentences(NOTES)
    headings = _heading_ids(sentences)
    taken = opening(sentences, headings, NOTES, 2)
    assert [s.text for s in taken] == [
        "The Rhine carries more freight than any other river in Europe.",
        "Barges move coal, grain and containers between Basel and Rotterdam."]
    # Never past the paragraph's end, however many are allowed.
    assert len(opening(sentences, headings, NOTES, 10)) == 3
    assert [s.text for s in opening(sentences, headings, NOTES, 1)] == [taken[0].text]


def test_opening_of_a_document_of_headings_only_is_empty() -> None:
    text = "# One\n\n## Two\n"
    sentences = _sentences(text)
    assert opening(sentences, _heading_ids(sentences), text, 2) == []


def test_one_document_gives_its_opening_then_its_headings() -> None:
    sentences = _sentences(NOTES)
    headings = _heading_ids(sentences)
    groups = outline([sentences], headings, headings, {"d": NOTES}, 3, 2)
    assert [[s.text for s in g] for g in groups] == [
        ["The Rhine carries more freight than any other river in Europe.",
         "Barges move coal, grain and containers between Basel and Rotterdam."],
        ["# Rhine shipping notes"],
        ["## Ports"]]
    assert [g[0].text for g in outline([sentences], headings, headings, {"d": NOTES}, 1, 2)] == [
        "The Rhine carries more freight than any other river in Europe."]


def test_a_document_without_an_opening_gives_its_headings() -> None:
    text = "# One\n\n## Two\n"
    sentences = _sentences(text)
    headings = _heading_ids(sentences)
    assert [[s.text for s in g] for g in outline([sentences], headings, headings,
                                                  {"d": text}, 3, 2)] == [["# One"], ["## Two"]]


def test_a_skipped_sentence_ends_the_opening_it_would_sit_inside() -> None:
    text = ("Why do barges stop in summer on the Rhine at all? Low water in the summer "
            "months cuts their loads by half. Shippers then move freight to the railways "
            "instead. Prices for a tonne of coal rise as a result.\n")
    sentences = _sentences(text)
    asking = {s.sentence_id for s in sentences if s.text.endswith("?")}
    # Passed over before the run starts ...
    assert opening(sentences, asking, text, 3)[0].text.startswith("Low water")
    # ... and ending it after: the quote spanning the run holds nothing skipped.
    middle = {sentences[2].sentence_id}
    assert [s.text for s in opening(sentences, middle, text, 3)] == [
        sentences[0].text, sentences[1].text]


def test_several_documents_give_one_opening_each_in_the_order_given() -> None:
    other = "Einstein was born in Ulm in 1879. He moved to Munich as a child with his family.\n"
    first = _sentences(NOTES, "rhine.md")
    second = [Sentence(s.sentence_id + len(first), s.doc_id, s.start, s.end, s.text)
              for s in _sentences(other, "einstein.txt")]
    headings = _heading_ids(first)
    texts = {"rhine.md": NOTES, "einstein.txt": other}
    groups = outline([second, first, []], headings, headings, texts, 3, 2)
    assert [g[0].doc_id for g in groups] == ["einstein.txt", "rhine.md"]
    assert groups[0][0].text == "Einstein was born in Ulm in 1879."
    assert not any(s.sentence_id in headings for g in groups for s in g)
    assert len(outline([second, first], headings, headings, texts, 1, 2)) == 1


def test_a_copied_document_gives_no_second_opening() -> None:
    first = _sentences(NOTES, "a.md")
    copy = [Sentence(s.sentence_id + len(first), "a_copy.md", s.start, s.end, s.text)
            for s in first]
    headings = _heading_ids(first) | _heading_ids(copy)
    texts = {"a.md": NOTES, "a_copy.md": NOTES}
    groups = outline([first, copy], headings, headings, texts, 3, 2)
    assert [g[0].doc_id for g in groups] == ["a.md"]


def test_nothing_to_outline_gives_no_groups() -> None:
    assert outline([], set(), set(), {}, 3, 2) == []


@pytest.mark.parametrize(("heading", "names"), [
    # Headings as a reader means them, the bundled article's among them.
    ("Prospects for further development of the SCO", True),
    ("Expectations from the summit: SCO+, strategic planning and international attention",
     True),
    ("China Studies Centre", True),
    # A year alone names a plan or a period; a month alone is a word.
    ("Vision 2030", True), ("The July Crisis", True),
    # A title giving a date among other words, a heading starting with a label's word.
    ("SCO Summit in Astana, July 3-4, 2024", True), ("Sources of growth", True),
    # A date inside a title, set off by nothing; a heading on copyright law.
    ("The July 4 Summit", True), ("May 16 Meeting", True), ("Copyright law reform", True),
    # The author marked it a heading.
    ("## 2023", True),
    # Datelines: a place (or a weekday) and a date.
    ("ASTANA, July 3", False), ("ASTANA, July 3 (Reuters)", False),
    ("New York, 3 July 2024", False), ("Monday, 3 July 2024", False),
    # Credits.
    ("Photo: Reuters", False), ("Photos by Jane Doe", False), ("Source: UN data", False),
    ("Image credit: AP", False), ("© Reuters 2024", False), ("Copyright 2024 Reuters", False),
    # A date or a number alone.
    ("July 3, 2024", False), ("2024-07-03", False), ("2024", False), ("12", False),
])
def test_names_section(heading: str, names: bool) -> None:
    assert names_section(heading) is names
