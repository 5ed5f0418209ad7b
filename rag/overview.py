"""What a document is about: its opening paragraph and its headings.

Asked "What is this article about?" or "Summarize the text", no sentence matches by
its words, and the closest one by meaning is as likely a detail as the gist. Where
a document says what it is about is known by position instead: news, reports and
notes put the gist in their opening paragraph, and their headings outline the rest.
The overview quotes those, in document order, so that it stays verbatim and cited
like every other answer.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence

from rag.figures import DATE, NUMBER
from rag.schema import Sentence
from rag.sentences import MARKDOWN_HEADING, one_paragraph

# A line crediting a picture or the figures, or the page itself: "Photo: Reuters",
# "Image by Jane Doe", "Source: UN data", "© Reuters". Not "Sources of growth".
_CREDIT = re.compile(
    r"\s*(?:(?:photo(?:graph)?|picture|image|illustration|video|graphic|source|credit"
    r"|caption)s?\s*(?::|\s+(?:by|courtesy|credits?)\b)|courtesy\s+of\b|©|\(c\)\s"
    r"|copyright\s*(?:©|\(c\)|\d{4}))",
    re.I)
# A date of the calendar in figures ("July 3", "3 July 2024", "2024-07-03"), not
# a year alone, which names many a plan or a period ("Vision 2030").
_YEARS_ONLY = re.compile(r"\d{4}(?:\s*[-–]\s*\d{2,4})?")
_DIGIT = re.compile(r"\d")
# The words a dateline gives besides its date: a place ("ASTANA", "New York,
# USA"), a weekday, an agency ("(Reuters)"); all capitalised, and few, set off
# from the date by a comma, a dash or brackets ("The July 4 Summit" is a title).
_DATELINE_WORDS = 4
_SET_OFF = re.compile(r"[,–—(]|\s-\s")
_WORDS = re.compile(r"[^\W\d_]+")


def opening(sentences: Sequence[Sentence], skip: Collection[int], text: str,
            size: int) -> list[Sentence]:
    """The first run of sentences of a document that are not in ``skip`` (headings,
    credit lines, sentences asking a question): up to ``size`` sentences that
    follow one another within one paragraph.

    Sentences in ``skip`` before the run are passed over; one after its start ends
    it, so that the quote spanning the run holds nothing skipped.

    Args:
        sentences: One document's sentences, in order.
        skip: Ids of sentences that cannot open it.
        text: The document's text, to tell paragraphs apart.
        size: The most sentences to take.
    """
    taken: list[Sentence] = []
    for sentence in sentences:
        if sentence.sentence_id in skip:
            if taken:
                break
            continue
        if len(taken) == size or (taken and not one_paragraph(text, taken[-1], sentence)):
            break
        taken.append(sentence)
    return taken


def outline(documents: Sequence[Sequence[Sentence]], headings: Collection[int],
            skip: Collection[int], texts: Mapping[str, str], max_quotes: int,
            size: int) -> list[list[Sentence]]:
    """The groups of sentences an overview quotes, each group one quote.

    A single document gives its opening first, then its headings in document order
    (a title among them), up to ``max_quotes`` quotes; a document without an
    opening gives its headings alone. Several documents give one opening each, in
    the order given, since one document's outline would crowd out the others; a
    document repeating an earlier one's opening word for word (a copied file) gives
    none.

    Args:
        documents: The sentences of each document to cover, best first, each in
            document order.
        headings: Ids of the sentences that are headings.
        skip: Ids of sentences that open nothing (headings among them).
        texts: Document texts by id.
        max_quotes: The most quotes to give.
        size: The most sentences in the opening quote.
    """
    documents = [d for d in documents if d]
    if len(documents) != 1:
        groups: list[list[Sentence]] = []
        seen: set[str] = set()
        for sentences in documents:
            lead = opening(sentences, skip, texts[sentences[0].doc_id], size)
            key = " ".join(" ".join(s.text for s in lead).split())
            if lead and key not in seen:
                seen.add(key)
                groups.append(lead)
        return groups[:max_quotes]
    sentences = documents[0]
    lead = opening(sentences, skip, texts[sentences[0].doc_id], size)
    titles = [[s] for s in sentences if s.sentence_id in headings]
    return (([lead] if lead else []) + titles)[:max_quotes]


def names_section(heading: str) -> bool:
    """Whether a line taken for a heading (``answering.is_heading``) names the
    document or a part of it, as a reader means a heading ("Prospects for further
    development of the SCO"), rather than dating or crediting the page: a dateline
    ("ASTANA, July 3"), a credit ("Photo: Reuters", "Source: UN data"), a line of a
    date or a number alone ("3 July 2024", "12"). Only those head an overview's
    outline. A Markdown heading ("## 2023") names a section: its author says so.
    (Bylines, "By Jane Doe", are credit lines, left out by the answerer.)

    Args:
        heading: The line's text.

    Returns:
        False for a dateline, a credit or a bare date or number; True otherwise.
    """
    if MARKDOWN_HEADING.fullmatch(heading):
        return True
    if _CREDIT.match(heading):
        return False
    dated = any(_DIGIT.search(date) and not _YEARS_ONLY.fullmatch(date)
                for date in DATE.findall(heading))
    words = _WORDS.findall(NUMBER.sub(" ", DATE.sub(" ", heading)))
    dateline = (dated and len(words) <= _DATELINE_WORDS and _SET_OFF.search(heading) is not None
                and all(word[0].isupper() for word in words))
    return bool(words) and not dateline
