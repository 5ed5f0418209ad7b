"""Negation: how a question asks what is not so, and how a sentence denies.

A sentence that matches a question word for word may still say the reverse of
what the question takes as so. Asked "What company has veto over the channels?",
"BSkyB has no veto over the presence of channels" names a company, and denies
that it has one; asked "When did the court find that the name did not infringe
the trademark?", "In July 2013, the court found that the name infringed the
trademark" gives a date for the opposite finding. SQuAD v2.0 makes many of its
unanswerable questions so.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rag.lexical import WH_WORDS, WORDS, YES_NO_OPENING, tokenize

# How a question asks what is not so, and how a sentence says it: the words both
# use, and a verb's "n't".
_NOT = r"not|never|cannot"
_NOT_CONTRACTED = r"n[’']t\b"
# "When did BSkyB fail to launch ...?" asks what did not happen, as "not" does.
# ("What happens if the talks fail?" and "the failed passage" do not.)
_FAILING = r"fail(?:s|ed)?\s+to|refus(?:e|es|ed)\s+to"
# Asked, "fail" may take the act's "-ing" too: "When did BSkyB fail launching ...?".
_NEGATED_Q = re.compile(rf"\b(?:{_NOT}|no\s+longer|{_FAILING}|fail(?:s|ed)?\s+(?:at\s+|in\s+)?"
                        rf"\w+ing)\b|\w+{_NOT_CONTRACTED}", re.I)
# Where a question's asking clause opens: at the first question word opening the
# question or following a comma, semicolon, colon or a sentence's end.
_ASKING = re.compile(rf"(?:^|(?<=[,;:.!?])\s*)(?=(?:{'|'.join(WH_WORDS)})\b)", re.I)
# Negations that ask nothing negative: a yes/no question (``YES_NO_OPENING``:
# "Didn't the SCO start with six members?", "Is the US not a member?") is answered
# by what is so as well; "not only ... but also" and "if not" add, they do not deny.
_ADDING = re.compile(r"not\s+(?:only|just|merely|least|counting|including)\b", re.I)
_IF_NOT = re.compile(r"\bif\s+$", re.I)
# "only" denies the rest: "Only BYD sells cars in Europe" says who does not.
_DENIES = re.compile(
    rf"\b(?:{_NOT}|no|none|nobody|nothing|neither|nor|without|unable|impossible|"
    r"instead|rather|exclud(?:e|es|ed|ing)|"
    rf"except|lacks?|lacked|lacking|fail(?:s|ed)?|refus(?:e|es|ed)|only)\b|{_NOT_CONTRACTED}",
    re.I)
# A word denying the words right after it ("has no veto", "were not offered",
# "never agreed", "impossible to ensure"), and a question's word saying it asks
# what is not so.
_DENYING = re.compile(rf"\b(?:{_NOT}|no|never|without|impossible|unable|{_FAILING}|"
                      # "excluded from being a part" denies the part.
                      r"exclud(?:e|es|ed|ing)\s+from|"
                      # "fail launching" denies the launching, as "fail to launch".
                      r"fail(?:s|ed)?(?=\s+(?:at\s+|in\s+)?\w+ing\b))\b"
                      rf"|\w+{_NOT_CONTRACTED}",
                      re.I)
# Denying words that deny the verb after "to", not a noun's phrase.
_UNABLE = frozenset(("impossible", "unable"))
# Words that may stand between a denying word and what it denies ("was not yet
# signed", "has not been offered", "no new tariffs" is not one: "new" is a word
# of its own). A question's words are looked for after at most this many.
_BETWEEN = frozenset(("a", "an", "the", "any", "be", "been", "being", "yet", "ever", "to",
                      "able", "always", "have", "has", "had", "do", "does", "did"))
_BETWEEN_MAX = 3
# The words of a denied phrase ("no new tariffs"), its head last.
_PHRASE_MAX = 3
# After these, the denying word denies nothing of what follows: "not only",
# "not until 1990 was it founded", "no later than", "no more than".
_NOT_DENYING = frozenset(("only", "just", "merely", "least", "until", "till", "later",
                          "earlier", "more", "less", "fewer", "longer", "sooner", "matter",
                          "doubt", "surprise", "wonder", "exception", "counting",
                          "including"))


def negation(question: str) -> str | None:
    """The first word of ``question`` asking what is not so ("never", "doesn't"),
    if any; in a yes/no question, and as "not only" or "if not", there is none.

    Only the asking clause counts: "I never caught his name, who is he?" asks for
    a name.
    """
    asking = _ASKING.search(question)
    start = asking.start() if asking else 0
    if YES_NO_OPENING.match(question, start):
        return None
    return next((match.group() for match in _NEGATED_Q.finditer(question, start)
                 if not (_ADDING.match(question, match.start())
                         or _IF_NOT.search(question, start, match.start()))), None)


def denies(text: str) -> bool:
    """Whether ``text`` denies anything ("not", "no", "without", "only", ...)."""
    return _DENIES.search(text) is not None


def denied(question: str, sentence: str) -> str | None:
    """The words of ``sentence`` denying a word of ``question``, which asks what
    is so: "no veto" for "What company has veto over the channels?" over "BSkyB
    has no veto over the presence of channels".

    None for a question that denies anything itself ("What did they do instead of
    offering channels?"), for one answered yes or no ("Is Turkey a member?" over
    "Turkey is not a member" is answered), and where the sentence also says the
    word undenied.
    """
    if denies(question) or YES_NO_OPENING.match(question):
        return None
    asked = set(tokenize(question))
    denials = _denials(sentence)
    said = tokenize(sentence)
    for words, term in denials:
        # "Some are encrypted but do not require a subscription; others require a
        # card": it says what some require, too.
        if term in asked and said.count(term) <= sum(t == term for _, t in denials):
            if words.split()[0].lower() in _UNABLE and not _acts(question, term):
                continue  # "What did he say about ensuring security?" asks of the topic
            return words
    return None


def _acts(question: str, term: str) -> bool:
    """Whether ``question`` writes the verb of ``term`` as a deed ("can a country
    ensure"), not as the topic "-ing" names ("about ensuring")."""
    return any(tokenize(word)[:1] == [term] and not word.lower().endswith("ing")
               for word in WORDS.findall(question))


def affirmed(question: str, sentence: str) -> str | None:
    """The word of ``sentence`` saying so of what ``question`` asks is not so,
    where ``sentence`` denies nothing: "infringed" for "When did the court find
    that the name did not infringe the trademark?" over "In July 2013, the court
    found that the name infringed the trademark"."""
    if negation(question) is None or denies(sentence):
        return None
    wanted = {stem for _, stem in _denials(question)}
    return next((word for word in WORDS.findall(sentence)
                 if set(tokenize(word)) & wanted), None)


# A count and up to two words before what it counts: "14 dialogue partners".
_COUNT = re.compile(r"\b(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                    r"twelve|dozens?|hundreds?|thousands?)\s+((?:[\w’'-]+\s+){0,2}[\w’'-]+)",
                    re.I)


def counted_denial(question: str, text: str) -> tuple[str, str] | None:
    """A denial the question takes as so ("Since the SCO has no dialogue partners
    at all, how does it ...?") of what ``text`` counts ("14 dialogue partners"),
    as written in each.

    Args:
        question: The question, as the engine reads it; a yes/no question ("Does
            the SCO have no partners?") is answered by the count and gives none.
        text: The document.

    Returns:
        ("no dialogue partners", "14 dialogue partners"); None where the question
        denies nothing or the text counts none of what it denies.
    """
    if YES_NO_OPENING.match(question):
        return None
    for words, term in _denials(question):
        for count, counted in _counts(text):
            if term in counted:
                return words, count
    return None


@lru_cache(maxsize=8)
def _counts(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """Each count of a document as written ("14 dialogue partners") with the terms
    of the words after its number, read once per document."""
    return tuple((count.group(), frozenset(term for word in count.group(1).split()
                                           for term in tokenize(word)[:1]))
                 for count in _COUNT.finditer(text))


def _denials(text: str) -> list[tuple[str, str]]:
    """Each denial of ``text`` as written ("has no veto": "no veto") with the term
    of the word it denies ("veto"), a word in lower case."""
    found = []
    for match in _DENYING.finditer(text):
        words = WORDS.findall(text[match.end() : match.end() + 80])
        if match.group().lower() in _UNABLE:
            # "impossible to ensure one's own security" denies the ensuring.
            if len(words) > 1 and words[0].lower() == "to" and (verb := tokenize(words[1])):
                found.append((f"{match.group()} to {words[1]}", verb[0]))
            continue
        start = 0
        while start < min(len(words), _BETWEEN_MAX) and words[start].lower() in _BETWEEN:
            start += 1
        # The phrase denied, up to its head: "no security gap" denies a gap.
        end = start
        while (end < len(words) and end - start < _PHRASE_MAX
               and words[end].lower() not in _NOT_DENYING and tokenize(words[end])
               # A name is no claim denied: "without Sky+" says nothing of Sky.
               and not words[end][0].isupper()):
            end += 1
        if end > start:
            found.append((f"{match.group()} {' '.join(words[:end])}",
                          tokenize(words[end - 1])[0]))
    return found
