"""Who said what: whether the text near an answer reports someone speaking of a topic.

"What did Tokayev say about the Red Sea?" presupposes that Tokayev spoke of it. A
sentence on the Red Sea that does not report him speaking, or his words on
something else ("Tokayev noted that 183 conflicts were registered"), do not
answer it: the text says nothing of what he said about the Red Sea.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from rag.lexical import tokenize

# "What did Tokayev say about the Red Sea?", "What has the minister noted on
# terrorism?": a speaker, a verb of saying and a topic.
_SAID_ABOUT = re.compile(
    r"^\s*what\s+(?:did|does|do|has|have|had)\s+(?P<speaker>.+?)\s+"
    r"(?:say|said|note|noted|stress|emphasi[sz]e|state|claim|warn|write|think|tell\s+\w+)"
    r"\s+(?:about|on|of|regarding|concerning|in\s+regard\s+to)\s+(?P<topic>.+?)\s*[?.!]*\s*$",
    re.I)
# How a text reports speech: a verb of saying, "according to", or quotation marks.
_REPORTED = re.compile(
    r"\b(?:said|says|say|noted|notes|note|stated|states|stressed|stresses|emphasi[sz]ed|"
    r"emphasi[sz]es|told|tells|warned|warns|declared|declares|added|adds|remarked|"
    r"explained|believes|believed|spoke|speaks|spoken|according\s+to|called\s+for|"
    r"calls\s+for)\b|[“”\"]",
    re.I)


def speech_asked(question: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """The speaker's and the topic's terms of a "What did X say about Y?" question,
    or None if it asks no such thing."""
    match = _SAID_ABOUT.match(question)
    if match is None:
        return None
    speaker, topic = frozenset(tokenize(match["speaker"])), frozenset(tokenize(match["topic"]))
    return (speaker, topic) if speaker and topic else None


def reports_speech(texts: Sequence[str], terms: Sequence[AbstractSet[str]],
                   speaker: AbstractSet[str], topic: AbstractSet[str]) -> bool:
    """Whether one of ``texts`` reports ``speaker`` speaking and it or the text
    after it (a quotation often runs on) holds a word of ``topic``.

    Args:
        texts: Sentences in document order, the answer's with its neighbours.
        terms: Each sentence's terms, with the names it refers to ("the President
            of Kazakhstan" holds Tokayev's).
        speaker: The speaker's terms, from ``speech_asked``.
        topic: The topic's terms, from ``speech_asked``.
    """
    for i, text in enumerate(texts):
        if not (speaker <= terms[i] and _REPORTED.search(text)):
            continue
        said = set(terms[i]) | (set(terms[i + 1]) if i + 1 < len(terms) else set())
        if topic & said:
            return True
    return False
