"""The attribute a "What is the N of X?" question asks for.

"What is the population of Kazakhstan?", "What is Kazakhstan's main export?",
"What are the official languages of the SCO?": the noun names what is asked
about X, and a sentence that answers mentions it ("a population of 20 million",
"its main export is oil"). A sentence about X that never says "population" is
about X, not its population. Nouns whose value a sentence gives without naming
them ("the date", "the name", "the role") say nothing of the kind.
"""

from __future__ import annotations

import re

from rag.instances import DESCRIBED
from rag.lexical import tokenize

# "What is the N of ...?", "What are X's N?", "What's (or whats) the N?": up to two
# modifiers ("official", "main") before the noun; the question must name an
# owner by "of" or a possessive, or end with the noun (its mark may be left out).
_ATTRIBUTE = re.compile(
    r"\s*(?:what|which)(?:[’']?s|\s+is|\s+are|\s+was|\s+were)\s+"
    r"(?:(?:the|an?)\s+|[\w’'.-]+(?:\s+[\w’'.-]+)?[’']s\s+)"
    r"(?:[\w-]+\s+){0,2}?(?P<noun>[\w-]+)(?:\s+(?P<of>of)\b|[\s?.!]*$)", re.I)
# Nouns whose value a sentence states without the noun: "the summit is in
# Astana" gives its location, "a role in shaping ..." its role, "36%" a
# percentage, "the 15th most populous" a ranking, "in the 60s" the low end of a
# range, "for 2024–2029" a timeframe, "among its strategic goals" objectives, a
# heading its heading, "an advisory body" its character.
# Every noun a description answers (``instances.DESCRIBED``) is one.
_UNNAMED = DESCRIBED | frozenset(tokenize(
    "meaning point idea aim aims goal character "
    "goals reason reasons result results outcome status nature kind type sort name names "
    "title location place venue site date day time year number amount size main key "
    "difference differences relationship relation relations connection "
    "percentage percent proportion share ratio rate level value figure total average "
    "rank ranking end ends start beginning middle top bottom one ones thing things "
    "objective objectives priority priorities task tasks mission timeframe period duration "
    "timeline heading headings headline subheading consequence consequences benefit "
    "benefits advantage advantages"))


def asked_attribute(question: str) -> str | None:
    """The noun naming what a "What is the N of X?" question asks about X.

    Args:
        question: The question, as the engine reads it.

    Returns:
        "population" for "What is the population of Kazakhstan?", "export" for
        "What is Kazakhstan's main export?"; None for a question not asking so
        or asking for what a sentence gives unnamed ("What is the role of the
        SCO?", "What is the date of the summit?").
    """
    match = _ATTRIBUTE.match(question)
    # "What is the SCO?" asks what a name is, no attribute of it.
    if match is None or (match.group("of") is None and match.group("noun")[:1].isupper()):
        return None
    terms = set(tokenize(match.group("noun")))
    if not terms or terms & _UNNAMED:
        return None
    return match.group("noun")
