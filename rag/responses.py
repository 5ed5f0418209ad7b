"""Responses: a question asking how someone hit back, over a text that tells of no
reaction.

"What tariff did China impose on EU goods in response?" over "the EU will
introduce additional tariffs of 38.1% on electric vehicles supplied from China":
the tariff, the EU and China all match, so the sentence ranks first and its
figure looks like an answer, but the question asks what came back, and the text
tells only of what was done. A response is told as one ("in response",
"retaliated", "responded", "reacted"); where neither the closest sentence nor its
neighbours tell of any, the text does not say.

"How did companies respond to the blocking of the Red Sea?" is another question:
a text answers it by cause and effect ("the blocking forces states to diversify
routes") without a word of responding, so only a reaction asked for on its own
counts: retaliation, "in response" with nothing after it, or whether someone
responded at all.
"""

from __future__ import annotations

import re

from rag.lexical import YES_NO_OPENING

# A reaction asked for on its own: "retaliatory tariffs", "countermeasures",
# "... in response?" (not "in response to the blocking", which a cause answers).
_ASKED = re.compile(
    r"\b(?:retaliat\w*|counter-?measures?|hit\s+back|"
    r"in\s+(?:response|return|reply|retaliation)\b(?!\s+to\b))", re.I)
# Whether someone reacted at all: "Did Tesla respond to the EU tariffs?".
_RESPONDED = re.compile(r"\b(?:respond(?:s|ed)?|react(?:s|ed)?)\b", re.I)
# How a text tells of one: the words above, and "response measures", "replied",
# "in turn".
_TOLD = re.compile(
    r"\b(?:respons(?:e|es)|respond(?:s|ed|ing)?|react(?:s|ed|ing|ion|ions)?|retaliat\w*|"
    r"repl(?:y|ies|ied)|counter-?measures?|in\s+turn|in\s+return|hit\s+back)\b", re.I)


def asked_response(question: str) -> str | None:
    """The words of ``question`` asking for a reaction on its own, if any.

    Args:
        question: The question, as the engine reads it.

    Returns:
        "in response" for "What tariff did China impose on EU goods in
        response?", "retaliatory" for "What retaliatory tariffs did China
        impose?", "respond" for "Did Tesla respond to the EU tariffs?"; None for
        "How did companies respond to the blocking?", which a cause answers.
    """
    match = _ASKED.search(question)
    if match is None and YES_NO_OPENING.match(question):
        match = _RESPONDED.search(question)
    return None if match is None else match.group()


def tells_response(text: str) -> bool:
    """Whether ``text`` tells of a reaction ("response measures", "retaliated").

    Args:
        text: The closest sentence and its neighbours.
    """
    return _TOLD.search(text) is not None
