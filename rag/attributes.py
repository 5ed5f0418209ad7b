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

from lemminflect import getAllLemmas

from rag.countries import country_names
from rag.instances import DESCRIBED
from rag.lexical import tokenize

# "What is the N of ...?", "What are X's N?", "What's (or whats) the N?": up to two
# modifiers ("official", "main") before the noun; the question must name an
# owner by "of" or a possessive, or end with the noun (its mark may be left out).
_ATTRIBUTE = re.compile(
    r"\s*(?:what|which)(?:[’']?s|\s+is|\s+are|\s+was|\s+were)\s+"
    r"(?:(?:the|an?)\s+|[\w’'.-]+(?:\s+[\w’'.-]+)?[’']s\s+)"
    r"(?:[\w-]+\s+){0,2}?(?P<noun>[\w-]+)(?:\s+(?P<of>of)\b|[\s?.!]*$)"
    # Typed as keywords: "population of astana?", or a name and the noun ("astana
    # population", its name cased as the corpus writes it).
    r"|\s*(?:the\s+)?(?P<keyword>[\w-]+)\s+of\s+(?:the\s+)?[\w’'.-]+(?:\s+[\w’'.-]+){0,2}"
    r"[\s?.!]*$"
    r"|\s*(?-i:(?:[A-Z][\w’'.-]*\s+){1,3})(?P<named>(?-i:[a-z])[\w-]*)[\s?.!]*$", re.I)
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
    "benefits advantage advantages payoff payoffs upside upsides "
    # What a list or a passage gives unnamed, asked as keywords too ("list of the
    # sco members").
    "list summary overview example examples detail details description definition "
    "explanation"))


def asked_attribute(question: str) -> str | None:
    """The noun naming what a "What is the N of X?" question asks about X.

    Args:
        question: The question, as the engine reads it.

    Returns:
        "population" for "What is the population of Kazakhstan?", for
        "population of astana?" and for "Astana population", "export" for "What
        is Kazakhstan's main export?"; None for a question not asking so or
        asking for what a sentence gives unnamed ("What is the role of the SCO?",
        "What is the date of the summit?").
    """
    match = _ATTRIBUTE.match(question)
    # "What is the SCO?" asks what a name is, no attribute of it.
    if match is None or (match.group("of") is None and (match.group("noun") or "")[:1].isupper()):
        return None
    noun = match.group("noun") or match.group("keyword") or match.group("named")
    terms = set(tokenize(noun))
    if not terms or terms & _UNNAMED:
        return None
    return noun


# "Is Mongolia an SCO observer state?", "What is Mongolia's membership status?": a
# country's standing in a body, which a sentence gives only by the standing's
# word ("three observer states"); "heads of state" holds none. Asked yes or no,
# "a(n) ... member" is the standing asked about; "member countries" elsewhere
# only describes ("Does Kazakhstan cooperate with other member countries?").
_STANDING_Q = re.compile(
    r"^\s*(?:is|are|was|were|has|have|will|did|does)\b[^?]*?\b(?:a|an)\s+(?:[\w-]+\s+){0,2}?"
    r"(?P<word>member|observer|partner)s?\b|\b(?P<status>membership|status)\b", re.I)
_STANDINGS = "member observer partner"
# "Which three countries hold observer status?" names no country but asks which
# have the standing ("member" is left out: "Which member states ...?" describes).
_WHICH_STANDING_Q = re.compile(
    r"^\s*(?:which|what|name|list)\b(?=[^?]*\b(?:countries|states|nations)\b)[^?]*?"
    r"\b(?P<word>observer|partner)s?\b", re.I)


def asked_standing(question: str) -> tuple[str, str] | None:
    """How ``question`` asks about a country's standing in a body, if it names a
    country: the word it asks with and the words that would answer ("observer",
    "observer" for "Is Mongolia an SCO observer state?"; "status" and any
    standing for "What is Mongolia's membership status?"), or asking which
    countries have an observer's or partner's standing; None otherwise."""
    if not country_names(question):
        which = _WHICH_STANDING_Q.search(question)
        return None if which is None else (which["word"].lower(), which["word"].lower())
    asked = _STANDING_Q.search(question)
    if asked is None:
        return None
    if asked["word"]:
        return asked["word"].lower(), asked["word"].lower()
    return asked["status"].lower(), _STANDINGS


# "Will the Astana Declaration be legally binding on member states?", "Is the
# declaration legally binding?": whether a thing has a quality, which a sentence
# that answers names (or its opposite: "advisory" says no to "binding"). The
# quality is an adjective after "be", or after an adverb of manner ("legally"),
# where the subject ends unmarked.
_QUALITY_Q = re.compile(
    r"^\s*(?:(?:will|would|could|can|should|might|must|may)\s+(?:[\w’'.-]+\s+){1,6}?be\s+"
    r"(?:[a-z]+ly\s+)?"
    r"|(?:is|are|was|were)\s+(?:[\w’'.-]+\s+){1,6}?[a-z]+ly\s+)"
    r"(?P<quality>[a-z]{4,})\b", re.I)
_ALTERNATIVE = re.compile(r"\bor\b", re.I)
# Adjectives that ask of no quality a sentence names: "Will Kazakhstan be able to
# ...?", "Is it really true ...?", "Will the summit be the first ...?".
_NOT_QUALITIES = frozenset((
    "able", "unable", "true", "false", "first", "last", "next", "only", "same", "other",
    "more", "most", "less", "much", "many", "such", "there", "here", "likely", "possible",
    "going", "about", "ready", "sure", "certain", "real"))


def asked_quality(question: str) -> str | None:
    """The quality a yes/no question asks whether something has.

    Args:
        question: The question, as the engine reads it.

    Returns:
        "binding" for "Will the Astana Declaration be legally binding on member
        states?" and for "Is the declaration legally binding?"; None where the
        word after "be" is no adjective or is also a verb's past form ("Will the
        summit be held in Astana?", "Will Tokayev be there?"), the question
        asks which of two ("..., or is it still just a draft?") or asks otherwise.
    """
    match = _QUALITY_Q.match(question)
    # "Is it final, or still a draft?" asks which: either may be said.
    if match is None or _ALTERNATIVE.search(question):
        return None
    word = match["quality"].lower()
    lemmas = getAllLemmas(word)
    if "ADJ" not in lemmas or word.endswith("ed") or word in _NOT_QUALITIES:
        return None
    return word
