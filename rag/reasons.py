"""Reasons: how a sentence says why something happens, and when it does not.

Asked "why", the answer is a clause, not a span cut out: a sentence stating a
reason ("is aimed at", "due to", "This helps ..."), or the sentence before one
opening with a consequence ("In this regard, ..."). A why-question that takes
something false as so ("Why did the SCO shrink from nine members to six?") is
matched best by a sentence about that thing that gives no reason for it.
"""

from __future__ import annotations

import re

from rag.lexical import named_terms, tokenize
from rag.questions import CAUSE_ASKED

# A sentence opening with one of these states a consequence of the sentence before
# it ("In this regard, the development of relations with the countries of Eurasia
# becomes key for China"). Asked "why" about it, the cause is that sentence before,
# which then joins the quote. "So," is left out: news writing uses it for "for
# example" as often as for "therefore".
CONSEQUENCE_OPENING = re.compile(
    r"\s*(?:in this regard|for this reason|for that reason|therefore|thus(?! far\b)|hence|"
    r"accordingly|as a result(?! of\b(?! (?:this|that)\b))|consequently|that is why|"
    r"this is why|because of this)\b",
    re.I)


# Phrases that state a reason or purpose ("is aimed at", "This helps ...").
REASON_PHRASE = re.compile(
    r"\b(because|since|due to|owing to|thanks to|as a result|so that|in order to|aim(?:s|ed)? "
    r"(?:at|to)|help(?:s|ed)?|therefore|for this reason|"
    # The verbs only: "forces ... to", not "Russian forces" or "in force".
    r"forc(?:es|ed|ing)\s+(?:[\w’'-]+\s+){0,8}?to|caused|causing|prompt(?:s|ed)|"
    r"resulted\s+in|"
    r"allow(?:s|ing)?|lead(?:s)? to|to ensure|designed to|intended to)\b"
    # "Considering its importance, ...", not "The council is considering ...".
    r"|(?:^|(?<=[,;]\s))considering\b",
    re.I,
)


# Phrases of REASON_PHRASE that lead from a cause to what it brings about:
# "X forces Y to Z" says why Z happens, not why X does.
_LEADS_TO = re.compile(r"forc|caus|prompt|result|allow|lead|help", re.I)
_BY_AFTER = re.compile(r"\s+by\b", re.I)
_TO_BEFORE = re.compile(r"\bto\s+$", re.I)
# A clause on what comes before it: "..., which will lead to".
_WHICH_BEFORE = re.compile(r",\s*which\s+(?:[\w’'-]+\s+){0,2}$", re.I)


def _consequence_of_asked(sentence: str, phrase: re.Match[str], question: str) -> bool:
    """Whether ``phrase`` leads from what the question asks about to something
    else: "The very fact of blocking the passage of goods through the Red Sea
    forces ... states to diversify transport routes" gives the blocking's
    consequence, not the reason for it ("Why is the passage ... blocked?"). More of
    the question's terms stand before the phrase than in or after it: "why is the
    red sea route blocked" shares "route" with the consequence ("to diversify
    transport routes"), the rest with what leads to it."""
    if (not _LEADS_TO.match(phrase.group())
            # "was caused by heavy rain" gives the cause after the phrase, and
            # "founded to help ensure security" a purpose: reasons, both.
            or _BY_AFTER.match(sentence, phrase.end())
            or _TO_BEFORE.search(sentence, 0, phrase.start())):
        return False
    asked = set(tokenize(question))
    before = asked.intersection(tokenize(sentence[: phrase.start()]))
    after = asked.intersection(tokenize(sentence[phrase.start() :]))
    # "X, which will lead to Y" tells what X brings about, whatever Y repeats of
    # the question ("tariffs on Chinese cars, which will lead to higher costs for
    # Chinese carmakers"): most of its terms are in X, or as many as in Y, the
    # clause being on X.
    if _WHICH_BEFORE.search(sentence, 0, phrase.start()):
        return bool(before) and len(before) >= len(after)
    return len(before) > len(after)


def consequence_only(sentence: str, question: str) -> bool:
    """Whether every reason ``sentence`` states leads from what the question asks
    about to something else (``_consequence_of_asked``), so that it says what
    that brings about and not why it happens."""
    phrases = list(REASON_PHRASE.finditer(sentence))
    return bool(phrases) and all(_consequence_of_asked(sentence, m, question) for m in phrases)


# A question asking why, as the engine reads it: "What is the purpose of X?" may
# be answered by what X does.
WHY_Q = re.compile(rf"\s*(?:why|how\s+come)\b|{CAUSE_ASKED}", re.I)
# Grounds and purposes that ``REASON_PHRASE`` leaves out, as they earn no bonus in
# ranking (they are common in sentences giving no reason for what a question
# asks): "an opportunity for middle powers to advance their initiatives", "key
# for China", "..., which will facilitate", "part of its broader strategy to".
_GROUNDS = re.compile(
    r"\b(?:opportunit(?:y|ies)|chance|platform|means|tool|need|necessary|needed|essential|"
    r"vital|crucial|key|important|importance|priority|purpose|goal|aim|objective|"
    r"interest|interested|interesting|strategy|policy|efforts?)\b"
    r"(?:\s+[\w’'-]+){0,6}?\s+(?:to|for)\b"
    # What a thing made is meant to do: "the SCO energy strategy, which would
    # emphasize the importance of sustainable energy development" ("which will be
    # held in Astana" says no more than where, "which will lead to higher costs"
    # what follows).
    r"|,\s*which\s+(?:will|would|should)\s+(?!(?:be|lead|result|cause|mean)\b)(?-i:[a-z]+)"
    r"|\bwhich\s+(?:can|could|may|might)\s+(?:facilitate|enable|promote|"
    r"ensure|help|allow|strengthen|support|contribute|reduce|improve|increase|boost)\b"
    r"|\bcontribut(?:e|es|ed|ing)\s+to\b|\bso\s+as\s+to\b|\bwith\s+a\s+view\s+to\b"
    r"|\bin\s+(?:the\s+)?light\s+of\b|\bamid\b|\bagainst\s+the\s+backdrop\b"
    # "The SCO's prospects look promising, given the current initiatives": a
    # clause's ground, as "Considering ..." is (not "given to", "a given year").
    r"|(?:^|(?<=[,;]\s))given\s+(?:the|that|its|their|this|these)\b"
    # A purpose after what is made: "the creation of the SCO Energy Club to
    # coordinate national energy policies" ("to the", "to a" lead to a place).
    r"|\b(?:creat(?:e|es|ed|ing|ion)|establish(?:es|ed|ing|ment)?|found(?:ed|ing)|"
    r"launch(?:es|ed|ing)?|form(?:s|ed|ing|ation)?|set\s+up|design(?:s|ed|ing)?|"
    r"develop(?:s|ed|ing|ment)?|introduc(?:e|es|ed|ing|tion)|adopt(?:s|ed|ing|ion)?)\b"
    r"(?:\s+[\w’'-]+){0,8}?\s+to\s+(?!(?:the|a|an|this|that|its|their)\b)(?-i:[a-z]+)",
    re.I)
# A sentence going on about the one before ("This helps strengthen economic
# ties"): where the closest sentence says what, such a next one may say why.
FOLLOWING_UP = re.compile(r"\s*(?:this|that|these|such|it)\b", re.I)


def gives_reason(text: str, question: str = "") -> bool:
    """Whether ``text`` states a reason, a purpose or a ground for something.

    A ground the question names itself is no reason for it: "Energy security is a
    priority for Kazakhstan" restates "Why is energy security a priority for
    Kazakhstan?".
    """
    if REASON_PHRASE.search(text):
        return True
    asked = set(tokenize(question))
    for match in _GROUNDS.finditer(text):
        key = tokenize(match.group().split()[0])
        if not (key and set(key) <= asked):
            return True
    return False


# A why-question about a choice of a thing: "Why was Almaty picked as the
# cultural capital?", "What led Kazakhstan to pick May 16 for the meeting?"; not of
# a deed, "Why did Kazakhstan choose to join?", which a purpose may answer.
_CHOICE_Q = re.compile(r"\b(?:pick(?:s|ed|ing)?|cho(?:ose|oses|se|sen|osing)|select(?:s|ed|ing)?|"
                       r"opt(?:s|ed|ing)?\s+for|settl(?:e|es|ed|ing)\s+on)\b(?!\s+to\b)", re.I)
# What says why a choice was made: a cause, not what the thing chosen is for.
_CAUSE = re.compile(r"\b(?:because|since|due\s+to|owing\s+to|thanks\s+to|"
                    r"for\s+(?:this|that|these)\s+reasons?|as\s+a\s+result\s+of)\b"
                    r"|(?:^|(?<=[,;]\s))(?:given|considering)\b", re.I)


def unexplained_choice(sentence: str, question: str) -> bool:
    """Whether ``question`` asks why something was chosen and ``sentence`` (with
    the sentences a reason would be in) gives no cause: "This was the first
    meeting of this level, which is aimed at combining efforts ..." says what the
    meeting was for, not why it was held on May 16 ("What led Kazakhstan to pick
    May 16 for the meeting?")."""
    return (_CHOICE_Q.search(question) is not None and _CAUSE.search(sentence) is None
            and CONSEQUENCE_OPENING.search(sentence) is None)


# A clause opening a sentence that concedes something before saying what matters
# more: "Although the club is primarily an advisory body, its creation
# demonstrates ...".
_CONCESSION = re.compile(
    r"\s*(?:although|though|even\s+though|even\s+if|while|whilst|despite|"
    r"in\s+spite\s+of)\b(?P<clause>[^,;]+)[,;]", re.I)


def conceded(sentence: str, question: str) -> bool:
    """Whether what a why-question asks about is what ``sentence`` concedes in an
    opening clause that states no reason for it: asked "Why is the SCO Energy
    Club only an advisory body?", "Although the club is primarily an advisory
    body, its creation demonstrates ..." grants that it is one and goes on about
    something else, and a reason in the rest (or in a sentence going on about it)
    is one for that.

    The question's words other than its names must all stand in the clause, if
    they stand anywhere in the sentence: its names ("the SCO Energy Club") may be
    written otherwise ("the club").
    """
    match = _CONCESSION.match(sentence)
    if match is None:
        return False
    names = named_terms(question)
    asked = set(tokenize(question)) - names
    clause = set(tokenize(match.group("clause")))
    rest = set(tokenize(sentence[match.end() :]))
    return (bool(asked & clause) and not asked & rest - clause
            and not gives_reason(match.group("clause"), question))


def reason_spans(sentence: str, question: str) -> list[tuple[int, int]]:
    """The spans of the reasons ``sentence`` states for what ``question`` asks
    about: its ``REASON_PHRASE`` matches, less those leading from it to
    something else (``_consequence_of_asked``)."""
    return [m.span() for m in REASON_PHRASE.finditer(sentence)
            if not _consequence_of_asked(sentence, m, question)]

