"""What a document is about: its opening paragraph and headings (``rag.overview``)."""

from __future__ import annotations

from rag.overview import opening, outline
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


def test_one_document_gives_its_opening_and_headings_in_document_order() -> None:
    sentences = _sentences(NOTES)
    headings = _heading_ids(sentences)
    groups = outline([sentences], headings, headings, {"d": NOTES}, 3, 2)
    assert [[s.text for s in g] for g in groups] == [
        ["# Rhine shipping notes"],
        ["The Rhine carries more freight than any other river in Europe.",
         "Barges move coal, grain and containers between Basel and Rotterdam."],
        ["## Ports"]]
    # The opening is kept when headings would fill every slot.
    two = outline([sentences], headings, headings, {"d": NOTES}, 2, 2)
    assert [g[0].text for g in two] == ["# Rhine shipping notes",
                                        "The Rhine carries more freight than any other river "
                                        "in Europe."]
    assert [g[0].text for g in outline([sentences], headings, headings, {"d": NOTES}, 1, 2)] == [
        "The Rhine carries more freight than any other river in Europe."]


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


def test_nothing_to_outline_gives_no_groups() -> None:
    assert outline([], set(), set(), {}, 3, 2) == []
