"""Responses: a question asking how someone reacted, over a text that tells of no
reaction.

"What tariff did China impose on EU goods in response?" over "the EU will
introduce additional tariffs of 38.1% on electric vehicles supplied from China":
the tariff, the EU and China all match, so the sentence ranks first and its
figure looks like an answer, but the question asks what came back, and the text
tells only of what was done. A response is told as one ("in response",
"retaliated", "responded", "reacted"); where neither the closest sentence nor its
neighbours tell of any, the text does not say.
"""

from __future__ import annotations

import re

# A question asking for a reaction: "in response", "retaliatory tariffs", "Did
# Tesla respond?", "How did Beijing react?". Not "responsibility", "responsible".
_ASKED = re.compile(
    r"\b(?:in\s+(?:response|reply|return|retaliation)|retaliat\w*|respond(?:s|ed|ing)?|"
    r"react(?:s|ed|ing|ion|ions)?|counter-?measures?|hit\s+back)\b", re.I)
# How a text tells of one: the words above, and "response measures", "replied",
# "in turn".
_TOLD = re.compile(
    r"\b(?:respons(?:e|es)|respond(?:s|ed|ing)?|react(?:s|ed|ing|ion|ions)?|retaliat\w*|"
    r"repl(?:y|ies|ied)|counter-?measures?|in\s+turn|in\s+return|hit\s+back)\b", re.I)


def asked_response(question: str) -> str | None:
    """The words of ``question`` asking how someone reacted ("in response",
    "retaliatory", "respond"), if any."""
    match = _ASKED.search(question)
    return None if match is None else match.group()


def tells_response(text: str) -> bool:
    """Whether ``text`` tells of a reaction ("response measures", "retaliated")."""
    return _TOLD.search(text) is not None
