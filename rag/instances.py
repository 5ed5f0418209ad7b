"""Whether a sentence names what a "Which N ...?" question asks for.

"Which national currencies are used for payments between SCO members?" over
"... mutual settlements in national currencies, including the use of national
currencies in payments between member countries" matches nearly every word of
the question and still names no currency: the sentence only repeats the kind of
thing asked for. An answer says which: a word of its own beside the noun ("the
Chinese yuan", "digital payment systems"), a name or a list after it
("currencies of China", "systems such as barter", "systems: SPFS and CIPS"), a
list it closes ("SPFS, CIPS and other systems"), "this system" for one named
before, or what the noun is ("The currencies used are the tenge and the yuan").
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from rag.lexical import AUXILIARIES, MODALS, NUMERALS, tokenize

# "Which national currencies are used ...?", "What alternative payment systems is
# Kazakhstan studying?": the noun before the verb says what kind of thing is
# asked for. Up to three modifiers stand before it; none is an article, a
# preposition or a verb (those start another phrase: "What did the countries
# sign?" asks for no country).
_VERBS = (*AUXILIARIES, *MODALS)
# "this concept" refers back to one named before.
_POINTING = ("this", "that", "these", "those", "such")
_PHRASE_STOPS = (*_VERBS, *_POINTING, "the", "a", "an", "of", "to", "in", "on", "at", "for",
                 "by", "with", "from", "and", "or", "its", "their", "his", "her", "our", "your",
                 "kind", "type", "sort",
                 # "Which fields where closer collaboration could help ...?" asks
                 # for fields: a relative word starts another clause.
                 "where", "when", "whose", "whom", "who", "which", "that", "why", "how")
_NOT_STOP = rf"(?!(?:{'|'.join(_PHRASE_STOPS)})\b)"
# The noun may also end the question: the engine reads "List the 14 SCO dialogue
# partners" as "Which 14 SCO dialogue partners".
_ASKED_NOUN = re.compile(
    rf"\s*(?:which|what)\s+((?:{_NOT_STOP}[\w’'-]+\s+){{0,3}}?)"
    rf"(?-i:(?P<noun>[a-z][\w-]*))(?:\s+(?:{'|'.join(_VERBS)})\b|[\s?.!]*$)", re.I)
# A counted set, whose members are asked for by name whoever owns it: "Which 14
# dialogue partners of the SCO" (as the engine reads "list the 14 dialogue
# partners of the sco"), "What were the six founding members of the SCO?", "What
# are the names of the three observer states?", "What are the SCO's 14 dialogue
# partners?" (as the engine reads "list the SCO's 14 ..."). Without a count, "What
# are the SCO's main goals?" is answered by a description, and "of" would end too
# many nouns ("the goals of the SCO").
# A count is a small number: "Which 2023 statement ...?" names a year.
_COUNT = rf"(?:[2-9]|[1-9]\d|{'|'.join(NUMERALS)})"
_COUNTED_NOUN = re.compile(
    rf"\s*(?:which|what)\s+(?:(?:are|were)\s+(?:the\s+)?(?:[\w-]+[’']s?\s+)?"
    rf"(?:names\s+of\s+(?:the\s+)?)?)?"
    rf"{_COUNT}\s+((?:{_NOT_STOP}[\w’'-]+\s+){{0,3}}?)(?-i:(?P<noun>[a-z][\w-]*))"
    r"(?:\s+of\s+[^?.!]*?)?[\s?.!]*$", re.I)
# Nouns a description answers, not a name: "What greater role does the SCO
# play?" is answered by "a role in shaping global governance".
DESCRIBED = frozenset(tokenize(
    "role roles part parts way ways impact effect effects purpose function importance "
    "significance position stance approach view attitude opportunity opportunities chance"))
# "What is the SCO for?" asks for a purpose, which no noun names.
_FOR_END = re.compile(r"\bfor\s*\??\s*$", re.I)

# Words that end the phrase a noun heads, reading back from it, and the verbs
# ("-ed", "-ing", in lower case: "Beijing" and "United" are names) that do.
_PHRASE_END = re.compile(
    rf"(?:{'|'.join(_PHRASE_STOPS)}|as|than|about|into|over|under|between|among|through|"
    r"(?-i:[a-z]\w*(?:ed|ing)))", re.I)
_PUNCTUATION_END = re.compile(r"[,;:()“”\"—–]$")
_PHRASE_WORDS = 4
_LIST_WORDS = 8
# A list or an example the noun introduces: "systems such as ...", "systems:
# ...", "systems (SPFS, CIPS)", "systems, including ...".
_INTRODUCES = re.compile(
    r"\s*(?:(?:,\s*)?(?:such\s+as|like|including|namely|notably|especially|particularly|"
    r"called|named|known\s+as|e\.g\.)\s+|[:(—–]\s*)(?P<rest>\S.*)", re.I)
# A list after the noun's purpose: "new measures to counter these threats,
# including conducting international actions and operations".
_PURPOSE_THEN_LIST = re.compile(
    r"\s+to\s+[^,;:.!?()]{1,60}?,\s*(?:such\s+as|including|namely|notably)\s+(?P<rest>\S.*)",
    re.I)
# What follows the noun up to the next punctuation: "currencies of China",
# "corridors that connect China and Russia" say which by a name; "topics of
# economic development" or "tariffs on solar panels" by any word after "of" or
# "on".
_FOLLOWING = re.compile(r"[^,;:.!?()“”\"—–]*")
_OF = re.compile(r"\s+(?:of|on)\s+(?P<rest>\S.*)", re.I)
# The noun as subject of a copula ("The currencies used are the tenge and the
# yuan") or its complement ("The tenge and yuan are national currencies"); a
# passive says what is done with it, not what it is ("currencies are used for
# payments", "systems are being studied").
_COPULA_AFTER = re.compile(
    r"(?:\s+[\w’'-]+){0,6}?\s+(?:is|are|was|were|include|includes|included|remain|remains)"
    r"\s+(?!(?:being|been|(?:[a-z]+ly\s+)?[a-z]\w*ed)\b)\S", re.I)
_COPULA_BEFORE = re.compile(
    r"\b(?:is|are|was|were|as|become|becomes|became|include|includes|included)\s+"
    r"(?:(?:the|a|an|its|their|main|key)\s+)?$", re.I)
# A name or a figure: what an instance of the kind is written with.
_NAMING = re.compile(r"\b(?:[A-Z][\w’'.-]*|\d[\d.,%–-]*)|[$€£¥]\s?\d")
_WORD = re.compile(r"[A-Za-z][\w’'-]*")
_PROPER = re.compile(r"\b[A-Z][\w’'.-]*")


def asked_noun(question: str) -> str | None:
    """The noun a "Which N ...?" question asks for an instance of.

    Args:
        question: The question, as the engine reads it.

    Returns:
        "systems" for "Which alternative payment systems is Kazakhstan
        studying?", "partners" for "Which 14 SCO dialogue partners" (as the
        engine reads "List the 14 SCO dialogue partners"); None for a question
        not opening so ("What did the countries
        sign?"), asking for a purpose ("What is the SCO for?") or for what a
        description answers ("What role ...?").
    """
    if _FOR_END.search(question):
        return None
    match = _ASKED_NOUN.match(question) or _COUNTED_NOUN.match(question)
    if match is None or set(tokenize(match.group("noun"))) & DESCRIBED:
        return None
    return match.group("noun")


def names_no_instance(sentence: str, question: str, noun: str) -> bool:
    """Whether ``sentence`` repeats ``noun`` and names no instance of it.

    A name or figure counts only where the question does not give it: asked
    "Which SCO members ...?", "SCO members" names none.

    Args:
        sentence: The sentence that would answer.
        question: The question asking for an instance of ``noun``.
        noun: The noun asked for (``asked_noun``).

    Returns:
        False when the sentence does not use the noun (it may name instances by
        another word), or names an instance at any of its uses.
    """
    stems = tokenize(noun)
    if not stems:
        return False
    asked = set(tokenize(question))
    uses = [word for word in _WORD.finditer(sentence) if tokenize(word.group()) == stems]
    if not uses:
        return False
    by_name = _counted(question)
    places = _placed_only(question)
    return not any(_names_one(sentence, use, asked, by_name, places) for use in uses)


# "in Astana", "at Davos": a name given as a place.
_AT_PLACE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?((?-i:[A-Z][\w’'-]*))", re.I)


def _placed_only(question: str) -> frozenset[str]:
    """The terms of the names ``question`` gives only as a place, after "in" or
    "at" ("Astana" of "... expected to look at in Astana?")."""
    placed = {term for match in _AT_PLACE.finditer(question) for term in tokenize(match[1])}
    elsewhere = set(tokenize(_AT_PLACE.sub(" ", question)))
    return frozenset(placed - elsewhere)


def _counted(question: str) -> bool:
    """Whether ``question`` asks for the members of a counted set ("Which 14
    dialogue partners ...?"): named ones answer it, not another kind ("nine member
    states" for "the three observer states") nor another count."""
    if _COUNTED_NOUN.match(question):
        return True
    match = _ASKED_NOUN.match(question)
    return match is not None and re.search(rf"\b{_COUNT}\b", match.group(1), re.I) is not None


def _names_one(sentence: str, use: re.Match[str], asked: set[str], by_name: bool = False,
               places: AbstractSet[str] = frozenset()) -> bool:
    """Whether the phrase around one use of the noun names an instance of it (with
    ``by_name``, by a proper name: ``_counted``; ``places``: the terms the question
    gives only as a place, "Astana" of "in Astana")."""
    if by_name:
        return _names_by_proper_name(sentence, use, asked)
    before, after = sentence[: use.start()], sentence[use.end() :]
    words = before.split()
    # The noun capitalised after a capitalised word ends a name: "the draft Astana
    # Declaration" names a declaration, even where the question gives "Astana" only
    # as a place ("Which draft declaration will leaders review in Astana?"; not
    # "What county are Los Angeles and Orange in?" over "Orange County").
    if (use.group()[:1].isupper() and words and _PROPER.fullmatch(words[-1])
            and set(tokenize(words[-1])) <= places):
        return True
    # The noun's modifiers: the words before it back to an article, a
    # preposition, a verb or a punctuation mark.
    modifiers: list[str] = []
    stop = ""
    for word in reversed(words[-_PHRASE_WORDS:]):
        if _PUNCTUATION_END.search(word) or _PHRASE_END.fullmatch(word):
            stop = word
            break
        modifiers.insert(0, word)
    # "this concept" refers back to one the sentence before names.
    if stop.lower() in _POINTING:
        return True
    # "Downtown Santa Ana, the South Coast Metro and Newport Center districts":
    # the noun may close a list of names.
    if stop.lower() in ("and", "or") or stop.endswith(","):
        listed = words[max(0, len(words) - len(modifiers) - 1 - _LIST_WORDS):
                       len(words) - len(modifiers)]
        if _new_name(" ".join(listed), asked):
            return True
    # Any word of its own there says which: "digital terrestrial platform",
    # "curriculum standards" (the question's "payment systems" does not).
    if _new_words(" ".join(modifiers), asked) or _new_name(" ".join(modifiers), asked):
        return True
    if ((introduced := _INTRODUCES.match(after) or _OF.match(after)
         or _PURPOSE_THEN_LIST.match(after)) is not None
            and _new_words(introduced.group("rest"), asked)):
        return True
    following = _FOLLOWING.match(after)
    if following and _new_name(" ".join(following.group().split()[:6]), asked):
        return True
    rest = " ".join(words[: len(words) - len(modifiers)])
    return bool(_COPULA_AFTER.match(after) or _COPULA_BEFORE.search(rest + " "))


def _names_by_proper_name(sentence: str, use: re.Match[str], asked: set[str]) -> bool:
    """Whether a proper name the question does not give stands around one use of
    the noun: before it ("the Baltic states"), after it ("partners such as
    Turkey", "partners: Turkey, Egypt"), in a list it closes ("Turkey, Egypt and
    other partners", the sentence's first word aside), or a copula says what it
    is ("The three observer states are ...")."""
    before, after = sentence[: use.start()], sentence[use.end() :]
    words = before.split()
    nearby = " ".join([*words[1:][-_LIST_WORDS:], *after.split()[:_LIST_WORDS]])
    if _new_proper(nearby, asked):
        return True
    return bool(_COPULA_AFTER.match(after) or _COPULA_BEFORE.search(before + " "))


def _new_proper(text: str, asked: set[str]) -> bool:
    """Whether ``text`` holds a capitalised word the question does not give."""
    return any(not set(tokenize(found.group())) <= asked
               for found in _PROPER.finditer(text) if tokenize(found.group()))


def _new_name(text: str, asked: set[str]) -> bool:
    """Whether ``text`` holds a name or figure the question does not give."""
    return any(not set(tokenize(found.group())) <= asked
               for found in _NAMING.finditer(text) if tokenize(found.group()))


# Words that say of what kind or how many, not which: "alternative types of
# international payment systems" names no system.
_VAGUE = frozenset(tokenize("international alternative other various different several many "
                            "new existing possible certain some further additional similar "
                            "such types kinds forms sorts"))


def _new_words(text: str, asked: set[str]) -> bool:
    """Whether the first words of ``text`` hold a word the question does not give
    (words ``tokenize`` keeps: no article or preposition), other than one saying
    only of what kind (``_VAGUE``)."""
    return any(term not in asked and term not in _VAGUE
               for term in tokenize(" ".join(_WORD.findall(text)[:6])))


def names_by_name(sentence: str, question: str, noun: str) -> bool:
    """Whether ``sentence`` names an instance of ``noun`` by a proper name the
    question does not give: after the noun ("corridors, such as the Western
    Europe-Western China International Transit Corridor") or as a name's last
    word ("the Trans-Caspian International Transport Route" for "routes").

    Args:
        sentence: A sentence that might answer.
        question: The question asking for an instance of ``noun``.
        noun: The noun asked for (``asked_noun``).
    """
    stems = tokenize(noun)
    if not stems:
        return False
    asked = set(tokenize(question))
    for use in _WORD.finditer(sentence):
        if tokenize(use.group()) != stems:
            continue
        if use.group()[:1].isupper() and _NAME_BEFORE.search(sentence, 0, use.start()):
            return True
        introduced = _INTRODUCES.match(sentence, use.end())
        if introduced is not None and _new_name(" ".join(
                introduced.group("rest").split()[:6]), asked):
            return True
    return False


# A capitalised word right before a capitalised noun: "Transit Corridor".
_NAME_BEFORE = re.compile(r"[A-Z][\w’'-]*\s+$")
