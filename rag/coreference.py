"""Which body a sentence means by "the organization" or "the bloc".

News names an organisation once ("the Shanghai Cooperation Organization (SCO)")
and then writes "the organization": "Founded in 2001, the organization has grown
... to nine member states" answers "How many member states does the SCO have?"
without saying "SCO". A full coreference resolver needs a parser model; this
rule only links such generic references to the body the document has named
most often so far, which is what they mean in the single-topic documents we
quote from.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from rag.schema import Sentence

# A reference that names no body but stands for one. "The group" is left out:
# "a group of experts" and its follow-ups are not a body.
_GENERIC = re.compile(r"\bthe\s+(?:organi[sz]ation|bloc|alliance|grouping)\b", re.I)
# A body's name: an acronym ("SCO", "NATO") or a capitalised name ending in a
# word that makes it one ("Shanghai Cooperation Organization").
_BODY = re.compile(
    r"\b[A-Z]{2,6}\b"
    r"|\b(?:[A-Z][\w’'-]*\s+(?:(?:of|for|and)\s+)?){1,5}(?:Organi[sz]ation|Alliance|Union|Bloc)\b"
)


def antecedents(sentences: Sequence[Sentence]) -> list[str | None]:
    """For each sentence, the body its generic reference stands for, or None.

    The body is the one its document has named most often up to the end of
    the sentence (the latest named, among equals). A sentence with no generic
    reference, or one in a document that has named no body yet, gets None.

    Args:
        sentences: Sentences in document order (documents may follow each other).
    """
    result: list[str | None] = []
    counts: Counter[str] = Counter()
    latest: dict[str, int] = {}  # name -> position of its latest mention
    doc_id: str | None = None
    for position, sentence in enumerate(sentences):
        if sentence.doc_id != doc_id:
            counts.clear()
            latest.clear()
            doc_id = sentence.doc_id
        for match in _BODY.finditer(sentence.text):
            name = re.sub(r"^The\s+", "", match.group())
            counts[name] += 1
            latest[name] = position
        if counts and _GENERIC.search(sentence.text):
            result.append(max(counts, key=lambda name: (counts[name], latest[name])))
        else:
            result.append(None)
    return result
