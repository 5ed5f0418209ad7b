"""Sentence segmentation: the article's traps, exact offsets, and properties on random text."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from rag.schema import Document
from rag.sentences import sentences_of, split_sentences


@pytest.fixture(scope="module")
def spans(article: Document) -> list[tuple[int, int]]:
    return split_sentences(article.text)


def sentence_containing(text: str, spans: list[tuple[int, int]], needle: str,
                        occurrence: int = 0) -> str:
    at = -1
    for _ in range(occurrence + 1):
        at = text.index(needle, at + 1)
    found = [text[s:e] for s, e in spans if s <= at and at + len(needle) <= e]
    assert len(found) == 1, f"{needle!r} is split across sentences or in none"
    return found[0]


def test_initial_k_tokayev_is_not_a_sentence_end(article: Document, spans) -> None:
    for occurrence in (0, 1):
        sentence = sentence_containing(article.text, spans,
                                       "President of Kazakhstan K. Tokayev, at", occurrence)
        assert sentence.startswith("President of Kazakhstan K. Tokayev, at a meeting")


def test_company_abbreviations_stay_in_one_sentence(article: Document, spans) -> None:
    sentence = sentence_containing(article.text, spans, "BYD Co. and Tesla Inc.")
    assert sentence.endswith("such as Chinese BYD Co. and Tesla Inc.")
    assert sentence.startswith("So, just recently it became known")


def test_decimal_percentage_is_not_split(article: Document, spans) -> None:
    sentence = sentence_containing(article.text, spans, "tariffs of 38.1% on electric vehicles")
    assert "38.1%" in sentence


def test_year_range_is_kept(article: Document, spans) -> None:
    sentence = sentence_containing(article.text, spans, "chairs the SCO in 2023-2024, is paying")
    assert sentence.startswith("For example, Kazakhstan, which chairs the SCO in 2023-2024")


def test_short_date_fragment_is_merged_with_the_next_sentence(article: Document, spans) -> None:
    sentence = sentence_containing(article.text, spans, "So, February 1 of this year.")
    assert sentence.startswith("So, February 1 of this year. At the site of the SCO Digital Forum")
    assert sentence.endswith("was held.")


def test_list_markers_are_not_part_of_sentences(article: Document, spans) -> None:
    list_items = [
        "The SCO is actively working to increase regional trade",
        "Among the strategic goals of the SCO",
        "Energy security is a priority for Kazakhstan.",
        "Kazakhstan pays significant attention to cultural",
    ]
    starts = {s for s, _ in spans}
    for item in list_items:
        at = article.text.index(item)
        assert article.text[at - 3 : at] == "1. "
        assert at in starts, f"the sentence {item!r} should start right after its list marker"
    for s, e in spans:
        assert not article.text[s:e].startswith("1."), article.text[s:e][:40]


def test_offsets_slice_the_article_exactly(article: Document) -> None:
    sentences = sentences_of([article])
    assert len(sentences) > 50
    assert [s.sentence_id for s in sentences] == list(range(len(sentences)))
    for s in sentences:
        assert s.doc_id == article.doc_id
        assert article.text[s.start : s.end] == s.text
        assert s.text == s.text.strip()
    assert all(a.end <= b.start for a, b in itertools.pairwise(sentences))


def test_sentences_do_not_cross_paragraphs(article: Document, spans) -> None:
    for s, e in spans:
        assert "\n\n" not in article.text[s:e]


def test_fragment_at_paragraph_end_is_kept_not_merged_across_paragraphs() -> None:
    text = "A short one.\n\nThis second paragraph has quite a few words in it."
    got = [text[s:e] for s, e in split_sentences(text, min_words=7)]
    assert got == ["A short one.", "This second paragraph has quite a few words in it."]


def test_min_words_controls_merging() -> None:
    text = "Hello there. This is a longer sentence with many words in it."
    merged = [text[s:e] for s, e in split_sentences(text, min_words=7)]
    separate = [text[s:e] for s, e in split_sentences(text, min_words=1)]
    assert merged == [text]
    assert separate == ["Hello there.", "This is a longer sentence with many words in it."]


def test_sentence_ids_are_global_across_documents() -> None:
    docs = [Document("a", "First document has one sentence here."),
            Document("b", "Second document. It has more words than the first one does.")]
    sentences = sentences_of(docs, min_words=1)
    assert [s.sentence_id for s in sentences] == list(range(len(sentences)))
    assert [s.doc_id for s in sentences] == ["a", "b", "b"]


_texts = st.one_of(
    st.text(max_size=300),
    st.lists(
        st.sampled_from(["K.", "Tokayev", "Co.", "Inc.", "38.1%", "2023-2024", "1.", "So,",
                         "February", "1", "of", "this", "year.", "At", "the", "site", "Dr.",
                         "?", "!", "\u201cquoted.\u201d", "word", "...", "\u2013"]),
        max_size=60,
    ).flatmap(lambda words: st.lists(st.sampled_from([" ", " ", "\n", "\n\n", "  "]),
                                     min_size=len(words), max_size=len(words))
              .map(lambda seps: "".join(w + s for w, s in zip(words, seps, strict=True)))),
)


@hsettings(max_examples=100, deadline=None)
@given(text=_texts, min_words=st.integers(1, 10))
def test_spans_slice_are_ordered_non_overlapping_and_stripped(text: str, min_words: int) -> None:
    spans = split_sentences(text, min_words)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        piece = text[start:end]
        assert piece == piece.strip()
        previous_end = end


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# Rhine\nThe Rhine rises in the Swiss Alps and flows into the North Sea.",
         ["# Rhine", "The Rhine rises in the Swiss Alps and flows into the North Sea."]),
        ("Intro of the notes here.\n\n## Setup steps\r\nInstall the package with pip and run.",
         ["Intro of the notes here.", "## Setup steps", "Install the package with pip and run."]),
        ("## Requirements\n- 8 GB of memory for the whole build to run",
         ["## Requirements", "- 8 GB of memory for the whole build to run"]),
        # A short line above a heading is not merged into it, nor are two headings.
        ("See the notes below.\n## Setup\nInstall the package with pip and run it now.",
         ["See the notes below.", "## Setup", "Install the package with pip and run it now."]),
        ("# Rivers\n## Rhine\nThe Rhine rises in the Swiss Alps and flows north.",
         ["# Rivers", "## Rhine", "The Rhine rises in the Swiss Alps and flows north."]),
        ("Text here.\r\n# Heading\r\nMore text follows in this part of the file.",
         ["Text here.", "# Heading", "More text follows in this part of the file."]),
        # A rule under a heading is no sentence.
        ("# Title\n---\n\nBody text of the document here.", ["# Title",
                                                         "Body text of the document here."]),
        # Setext headings: a line of its own underlined with "=" or "---".
        ("Router Manual\n=============\n\nThe router is a small box that sits on a shelf.",
         ["Router Manual\n=============", "The router is a small box that sits on a shelf."]),
        ("Intro of the notes here.\n\nReset procedure\n---------------\nHold the reset "
         "button for ten seconds now.",
         ["Intro of the notes here.", "Reset procedure\n---------------",
          "Hold the reset button for ten seconds now."]),
        ("Title line\r\n=====\r\n\r\nBody text of the document goes here now.",
         ["Title line\r\n=====", "Body text of the document goes here now."]),
        # Not setext headings: a sentence ending as one does, or a list item, above a rule.
        ("The office is run by Acme Inc. since the spring of that year.\n---",
         ["The office is run by Acme Inc. since the spring of that year."]),
        ("* Energy security for all the members of the organization\n---",
         ["* Energy security for all the members of the organization\n---"]),
        # Not a heading: no space after the mark, or not at a line's start.
        ("#hashtag opens this sentence of more than seven words here.",
         ["#hashtag opens this sentence of more than seven words here."]),
        ("A sentence with a # sign in it, long enough to stand alone.\nNext line.",
         ["A sentence with a # sign in it, long enough to stand alone.", "Next line."]),
    ],
)
def test_a_markdown_heading_is_never_part_of_a_sentence(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in split_sentences(text)] == expected


def test_a_byte_order_mark_is_not_quoted() -> None:
    text = "\ufeffThe Volga is the longest river in Europe and flows into the Caspian Sea."
    [(start, end)] = split_sentences(text)
    assert start == 1 and text[start:end].startswith("The Volga")


def test_a_sentence_longer_than_the_limit_is_cut_at_line_breaks_or_spaces() -> None:
    from rag.sentences import MAX_SENTENCE_CHARS

    table = "\n".join(f"row {i} value {i * 7} units" for i in range(400))  # no full stop
    spans = split_sentences(table)
    assert len(spans) > 1
    assert all(end - start <= MAX_SENTENCE_CHARS for start, end in spans)
    assert all(table[start:end] == table[start:end].strip() for start, end in spans)
    # Nothing is lost or repeated: the pieces, in order, are the text's lines.
    assert "\n".join(table[s:e] for s, e in spans) == table
    words = "word " * 1000  # no line break: cut at spaces
    assert all(e - s <= MAX_SENTENCE_CHARS and words[e - 4 : e] == "word"
               for s, e in split_sentences(words))
