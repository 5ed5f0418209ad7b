"""Certainty: a yes/no question asking whether something is settled, over a text
that says only that it is expected.

"Has the UN Secretary General accepted the invitation to the summit?" over "The
UN Secretary General ... are invited to the Summit": every name matches, so the
sentence ranks first, but an invitation is not its acceptance. News writing
hedges what has not happened yet ("is likely to", "the draft declaration",
"plans to"), and a question asking whether it is certain ("definitely",
"confirmed", "in person") is not answered by the hedge: the text does not say.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rag.lexical import WORDS, phrase_spans, phrase_terms, tokenize

# Words of a question asking whether something is settled or done: "Will the
# declaration definitely be adopted?", "Did he accept the invitation?", "Will she
# actually be there in person?". The adverbs ask whether what the question says
# is so; the verbs name a step after the one the text tells of (an invitation
# accepted, a plan approved).
_SURE = (r"definitely|certainly|surely|for\s+sure|actually|really|already|in\s+person|"
         r"guaranteed|confirm(?:s|ed)?")
_STEP = (r"accept(?:s|ed)?|agree(?:s|d)?|approve(?:s|d)?|endorse(?:s|d)?|ratif(?:y|ies|ied)|"
         r"commit(?:s|ted)?")
_SETTLED = re.compile(rf"\b(?:(?P<sure>{_SURE})|(?P<step>{_STEP}))\b", re.I)
# Steps asked of a document, in the question only: "Did the members sign off on
# the draft declaration?" is not answered by "the summit will review the draft",
# while a sentence saying "is expected to be discussed and adopted" settles nothing.
_SETTLED_Q = re.compile(
    rf"\b(?:(?P<sure>{_SURE})|(?P<step>{_STEP}|sign(?:s|ed)?(?:\s+off)?|adopt(?:s|ed)?|"
    r"finali[sz]e[sd]?|financed|funded|built|completed|launched|implemented|opened))\b", re.I)
# Words of a sentence saying that something is only expected, asked for or
# planned, as its verb ("plans to", "is invited", "likely to", "hopes to") or as
# what a document is ("the draft declaration"); not "the plans of its members" nor
# "a beacon of hope". Case matters for "may": "May 16" is a date.
_HEDGE = re.compile(
    r"\b(?:invit(?:e|es|ed|ation|ations)|(?:un)?likely|expect(?:s|ed)?|(?-i:may)|might|"
    r"possibl[ey]|probabl[ey]|plan(?:s|ned|ning)?(?=\s+to\b)|planned|planning|draft|"
    r"propos(?:e|es|ed|al|als)|intend(?:s|ed)?|hope(?:s|d)?(?=\s+(?:to|that|for)\b)|hoping|"
    # Looking into a thing is no step taken: "it is interesting for Kazakhstan to
    # study alternative payment systems" (not "a study found").
    r"(?<=\bto\s)(?:study|explore|examine|consider|look\s+into))\b",
    re.I)


# A question asking what someone means to do ("Does the SCO actually intend to set
# up a fund?") is answered by the text saying what they plan: these hedges say it.
_INTENT_Q = re.compile(r"\b(?:intend(?:s|ed)?|plan(?:s|ned)?|aim(?:s|ed)?|mean(?:s|t)?\s+to|"
                       r"want(?:s|ed)?\s+to|seek(?:s)?\s+to|going\s+to)\b", re.I)
_INTENT = re.compile(r"plan|intend|propos|hop", re.I)


# "really just about dodging the West", "actually only a talking shop": the adverb
# asks what a thing amounts to, not whether a step was taken.
_CHARACTERIZED = re.compile(r"\s+(?:just|only|merely|simply|mostly|mainly|about)\b", re.I)


# A second answer the question offers ("..., or merely asked to come?"), not "or not".
_OTHER_ANSWER = re.compile(r"\bor\s+(?!not\b)", re.I)


# "already" asks about what is done whether or not a question asks yes or no
# ("Which projects has the fund already financed?"): a hedge does not answer it.
ALREADY = re.compile(r"\balready\b", re.I)
# A step taken as done in a clause of its own: "What has changed since the Astana
# Declaration was signed?" asks nothing yes or no, but takes the signing as so,
# which a text speaking of "the draft Astana Declaration" does not.
# So is one done by its doer ("After the SCO Investment Fund financed its first
# projects, ..."), or told beside its thing ("the Astana Declaration, signed last
# year, ...").
_DONE_ACTS = (r"signed|adopted|ratified|approved|endorsed|finali[sz]ed|enacted|"
              r"put\s+into\s+force")
DONE_PREMISE = re.compile(
    r"\b(?:since|after|once|now\s+that)\s+(?:[\w’'-]+\s+){1,6}?(?:(?:was|were|(?:has|have|had)"
    rf"\s+been|got)\s+(?:(?:officially|formally|finally)\s+)?(?:{_DONE_ACTS})"
    r"|(?:has\s+|have\s+|had\s+)?(?:financed|funded|built|completed|launched|implemented|"
    r"opened))\b"
    rf"|,\s*(?:{_DONE_ACTS})\s+(?:last\s+(?:year|month|week)|in\s+\d{{4}}|already)\s*,", re.I)


def unsettled(question: str, sentence: str) -> tuple[str, str] | None:
    """The word of a question asking whether something is settled (a yes/no
    question, or one asking what is "already" done) and the word of ``sentence``
    saying it is only expected, if both are there.

    Args:
        question: A yes/no question, as the engine reads it.
        sentence: The closest sentence.

    Returns:
        ("accept", "invited") for "Did the UN Secretary General accept the
        invitation?" over "... are invited to the Summit"; None where the question
        asks no such thing or the sentence does not hedge.
    """
    # A step asked is checked before an adverb: "really sign off on the draft" asks
    # whether the draft was signed, not whether it is a draft; a step the sentence
    # speaks of ("expected to be adopted") leaves the adverb to ask.
    said = set(tokenize(sentence))
    asked = [m for m in _SETTLED_Q.finditer(question)
             if not (m.group("step") and set(tokenize(m.group())) <= said)
             and not _CHARACTERIZED.match(question, m.end())]
    settled = next((m for m in asked if m.group("step")), asked[0] if asked else None)
    # "X confirmed the plan" says it is settled, whatever else it hedges; "...
    # confirmed, or merely asked to come?" offers the hedge as the other answer.
    if (settled is None or _SETTLED.search(sentence)
            or _OTHER_ANSWER.search(question, settled.end())):
        return None
    hedge = _HEDGE.search(sentence)
    if hedge is None:
        return None
    # "Was he actually invited?", "Does the SCO definitely plan a fund?": asked
    # whether the hedge itself is so, which the text says.
    if settled.group("sure") and (
            not set(tokenize(hedge.group())).isdisjoint(
                [*tokenize(question), *phrase_terms(question)])
            or (_INTENT_Q.search(question) and _INTENT.match(hedge.group()))):
        return None
    return settled.group().lower(), hedge.group().lower()


# A premise stated in a clause of its own before what is asked: "Given that Tesla
# is exempt from the new EU tariffs, which carmakers will bear them?" ("Since
# when ...?" asks a time).
_PREMISE = re.compile(r"^\s*(?:given\s+that|since(?!\s+when\b)|now\s+that|considering\s+that|"
                      r"seeing\s+that)\s+(?P<premise>[^,?;]+),", re.I)


# Or a thing the question has someone make in a relative clause: "How large will
# the joint SCO army that Tokayev proposed be?" takes it that he proposed one. The
# thing, up to four words, must be one the texts speak of.
_MADE_BY = re.compile(
    r"\b(?P<det>the|a|an|this|that)\s+(?P<thing>(?:[\w’'-]+\s+){0,3}?[\w’'-]+)\s+"
    r"(?:that|which)\s+(?P<who>(?:the\s+)?(?-i:[A-Z])[\w’'.-]*(?:\s+(?-i:[A-Z])[\w’'.-]*)*"
    r"(?:\s+(?:members|countries|states|nations|leaders|officials|ministers|governments))?)\s+"
    r"(?:has\s+|had\s+|have\s+)?(?P<act>proposed|suggested|announced|launched|unveiled|signed|"
    r"created|promised|pledged|initiated|put\s+forward|called\s+for|set\s+up)\b", re.I)


def made_premise(question: str) -> tuple[str, str] | None:
    """The premise a question states in a relative clause about something a party
    made (``_MADE_BY``), and its act.

    Args:
        question: The question, as the engine reads it.

    Returns:
        ("SCO members launched the free trade zone", "launched") for "Which goods
        are covered by the free trade zone that SCO members launched in 2023?";
        None where the question has no one make anything so.
    """
    made = _MADE_BY.search(question)
    if made is None:
        return None
    return _made(made), " ".join(made["act"].lower().split())


def _made(made: re.Match[str]) -> str:
    """A thing made as the premise it is: "Tokayev proposed the joint SCO army"."""
    return " ".join((made["who"], made["act"], made["det"].lower(), made["thing"]))


def unsaid_premise(question: str, said: Callable[[str], bool]) -> tuple[str, str] | None:
    """A premise ``question`` states in a clause of its own, and its first word
    no text says.

    Args:
        question: The question, as the engine reads it.
        said: Whether the texts say a term (``lexical.tokenize``'s), in any form.

    Returns:
        ("Tesla is exempt from the new EU tariffs", "exempt") for "Given that Tesla is
        exempt from the new EU tariffs, which carmakers will bear them?" over texts
        never saying "exempt"; ("Tokayev proposed the joint SCO army", "army")
        for "How large will the joint SCO army that Tokayev proposed be?" (only the
        thing made is read there); None when the question states no premise so,
        or the texts say each of its words (names are the name rules' to doubt).
    """
    match = _PREMISE.match(question)
    if match is not None:
        premise = match.group("premise").strip()
    elif (made := _MADE_BY.search(question)) is not None:
        premise, words = _made(made), made["thing"]
        return next(((premise, word) for word in WORDS.findall(words) if word[0].islower()
                     and any(not said(term) for term in tokenize(word))), None)
    else:
        return None
    # A phrase the texts say by its term: "at odds" is "conflict".
    phrased = [(start, end) for start, end, term in phrase_spans(premise) if said(term)]
    for found in WORDS.finditer(premise):
        word = found.group()
        if (not word[0].isalpha() or word[0].isupper()  # a figure, or a name
                or any(start <= found.start() < end for start, end in phrased)):
            continue
        if any(not said(term) for term in tokenize(word)):
            return premise, word
    return None
