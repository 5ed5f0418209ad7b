"""Who imposes a measure on whom: sanctions, tariffs, duties, embargoes.

"Why did Kazakhstan sanction Western countries?" over "... due to the constant
threats of sanctions from the West": the sentence shares the question's words and
ranks first, but there the West imposes the sanctions, and nobody imposes any on
it. "What tariffs did China slap on EU electric cars?" over "the EU will introduce
additional tariffs of 38.1% on electric vehicles supplied from China" swaps the
two likewise, by a verb the sentence does not use, which ``doers.swapped_doer``
(matching the act by its verb) cannot see.

A measure is read where it is named. Its imposer is the country or body that
does an imposing verb just before it ("the EU will introduce additional
tariffs"), or the one it comes from or is imposed by ("sanctions from the
West"). A question's imposer is the doer of an imposing verb near its measure
("did China slap", "has Kazakhstan threatened to impose", "Kazakhstan keeps
threatening"), or else the measure's owner ("China's tariffs"; "its tariffs", of
the question's subject). Where the sentence
names an imposer and it is not the asked one, the sentence does not tell what
the question asks, whoever bears the measure. The West, which the text treats
as one party, counts as one.
"""

from __future__ import annotations

import re

from rag.countries import actors_in
from rag.doers import BY_AFTER, asked_doer, doer_before, verb_lemma
from rag.lexical import WORDS, tokenize, without_possessive

# A measure as a noun ("tariffs", "an embargo"), and as a question may name it,
# its verb too ("Why did Kazakhstan sanction ...?", "embargoed").
_MEASURE_NOUN = r"(?:sanctions?|tariffs?|dut(?:y|ies)|embargo(?:es)?)"
_MEASURE = re.compile(
    r"\b(?:sanction(?:s|ed|ing)?|tariffs?|(?:customs\s+)?dut(?:y|ies)|embargo(?:es|ed)?)\b",
    re.I)
# Verbs by which a party imposes a measure ("slap" and "hit" as people type it),
# and the measure's own verb ("Why did Kazakhstan sanction ...?"). A party that
# faces, fears or discusses a measure does not impose it.
_IMPOSING = frozenset(("impose", "introduce", "slap", "levy", "place", "put", "apply",
                       "hit", "threaten", "raise", "enact", "sanction", "tighten", "lift",
                       "ease"))
# How far from its verb a question names the measure: "What tariffs did China
# slap", "Did the SCO impose tariffs".
_NEAR_VERB = 4
# Forms of "be" before a verb make it passive: "Kazakhstan was hit by sanctions"
# has Kazakhstan bear them.
_PASSIVE = frozenset(("is", "are", "was", "were", "be", "been", "being"))
# A measure imposed together: either party may be named first. (Not any "with":
# "threatening the West with sanctions" names the measure.)
_TOGETHER = re.compile(r"\b(?:together|jointly|along\s+with|alongside|in\s+concert\s+with)\b",
                       re.I)
# Verbs saying an act goes on: "Kazakhstan keeps threatening the West".
_GOING_ON = frozenset(("keep", "keeps", "kept", "continue", "continues", "continued"))
# A measure by its owner: "China's tariffs", "its new duties".
_OWNED = re.compile(
    r"(?P<owner>\bits|\b[\w.-]+[’']s?)\s+(?:(?:new|additional|own|recent|latest|"
    rf"planned|fresh)\s+){{0,2}}{_MEASURE_NOUN}\b", re.I)
# How many words before a measure its imposer's verb may stand: "The United
# States has already imposed tariffs", "will introduce additional tariffs".
_VERB_BEFORE = 3
# "sanctions from the West", "tariffs imposed by the EU".
_IMPOSED_BY = re.compile(r"^\s+(?:(?:imposed|introduced|levied)\s+)?(?:by|from)\s+(?P<name>"
                         r"(?:the\s+)?[\w’'.-]+(?:\s+(?-i:[A-Z])[\w’'.-]*){0,3})", re.I)
# The West as one party: "the West", "Western countries".
_WEST = re.compile(r"\b(?:the\s+West|Western|western)\b")
_WEST_KEY = frozenset(("west",))


def swapped_measure(question: str, sentence: str) -> tuple[str, str, str] | None:
    """Who ``question`` has impose a measure, the measure, and who ``sentence``
    has impose it, where that is another country or body (most often the one
    the question has bear it).

    Args:
        question: The question, as the engine reads it.
        sentence: The closest sentence.

    Returns:
        ("Kazakhstan", "sanctions", "West") for "Why did Kazakhstan sanction
        Western countries?" over "... the constant threats of sanctions from the
        West"; ("China", "tariffs", "EU") for "What tariffs did China slap on EU
        electric cars?" over "the EU will introduce additional tariffs ... on
        electric vehicles supplied from China"; ("SCO", "tariffs", "EU") for
        "Did the SCO impose tariffs on China?" over the same. None where either
        names no measure, the sentence names no imposer, the question names
        none (a passive, "Was Kazakhstan hit by sanctions?", names none) or
        one the sentence names, or either speaks of a measure taken together
        ("together", "jointly").
    """
    if (_MEASURE.search(question) is None or _TOGETHER.search(question)
            or _TOGETHER.search(sentence)):
        return None
    said = _measures(sentence)
    if not said:
        return None
    asked = _asked(question)
    if asked is None:
        return None
    imposer, imposer_keys = asked
    imposed = frozenset().union(*(keys for _, imposers in said for _, keys in imposers))
    # Any of the sentence's measures the asked party imposes answers the question.
    if imposer_keys & imposed:
        return None
    return next(((imposer, measure, imposers[0][0])
                 for measure, imposers in said if imposers), None)


def _measures(text: str) -> list[tuple[str, list[tuple[str, frozenset[str]]]]]:
    """Each measure ``text`` names, as written, with its imposers as written and
    as keys."""
    words = list(WORDS.finditer(text))
    found = []
    for match in _MEASURE.finditer(text):
        at = next(i for i, word in enumerate(words) if word.end() >= match.end())
        imposers: list[tuple[str, frozenset[str]]] = []
        for i in range(max(0, at - _VERB_BEFORE), at):
            if (doer := _imposer(text, words, i)) is not None:
                imposers.append(doer)
                break
        rest = text[match.end():]
        if (by := _IMPOSED_BY.match(rest)) is not None and (keys := _keys(by["name"])):
            imposers.append((_shown(by["name"]), keys))
        found.append((match.group(), imposers))
    return found


def _asked(question: str) -> tuple[str, frozenset[str]] | None:
    """The country or body ``question`` has impose a measure, as written and as
    keys: the doer (``doers.doer_before``) of an imposing verb near the measure
    ("did China slap", "has Kazakhstan threatened to impose"), or else the
    measure's owner ("China's tariffs", "its tariffs" of the subject)."""
    words = list(WORDS.finditer(question))
    named = [i for i, word in enumerate(words) if _MEASURE.fullmatch(word.group())]
    for i in range(len(words)):
        if any(abs(i - at) <= _NEAR_VERB for at in named) and (
                doer := _imposer(question, words, i)) is not None:
            return doer
    # Or whose measure it is: "China's tariffs", "did China say ... its tariffs".
    owned = _OWNED.search(question)
    if owned is None:
        return None
    if owned["owner"].lower() == "its":
        # "its" is the subject's ("did China say ... its tariffs").
        subject = asked_doer(question[: owned.start()])
        return None if subject is None else (subject[0], subject[2])
    keys = _keys(owned["owner"])
    return (_shown(without_possessive(owned["owner"])), keys) if keys else None


def _imposer(text: str, words: list[re.Match[str]], i: int) -> tuple[str, frozenset[str]] | None:
    """The country or body that word ``i`` of ``text`` has impose something, where
    it is an imposing verb in the active voice."""
    if (verb_lemma(words[i].group()) not in _IMPOSING
            or (i and words[i - 1].group().lower() in _PASSIVE)
            or BY_AFTER.match(text[words[i].end():])):
        return None
    if i and words[i - 1].group().lower() in _GOING_ON:
        i -= 1  # "Kazakhstan keeps threatening"
    return doer_before(text, words, i)


def _keys(text: str) -> frozenset[str]:
    """The keys of every country and body ``text`` names, the West among them."""
    keys = frozenset().union(*actors_in(text))
    return keys | _WEST_KEY if _WEST.search(text) else keys


def _shown(name: str) -> str:
    """A name as a message shows it: "West" of "the West."."""
    name = name.rstrip(".")
    return name[4:] if name.lower().startswith("the ") else name


# What a measure is on: "tariffs on Chinese solar panels", "tariffs of 38.1% on
# electric vehicles supplied from China starting next month": the goods run to
# the end of the clause, cut where their origin or a time begins.
_ON_GOODS = re.compile(
    rf"\b{_MEASURE_NOUN}(?:\s+of\s+[\d.,]+\s*(?:%|percent))?"
    r"\s+on\s+(?P<goods>[^.;:?!]+)", re.I)
_GOODS_END = re.compile(r"\b(?:from|supplied|imported|exported|made|shipped|starting|"
                        r"which|that|who|by|in|at|for|to|besides|since|because|is|are|was|"
                        r"were|will|would|be|been|has|have|had)\b", re.I)
# Goods of any kind: "tariffs on Chinese goods" asks of all of them.
_ANY_GOODS = frozenset(tokenize("goods products imports exports items commodities "
                                "merchandise things"))
# Goods named in other words: a car or an EV is a vehicle.
_GOODS_SENSES = {"car": ("vehicl",), "auto": ("vehicl",), "automobil": ("vehicl",),
                 "ev": ("electr", "vehicl")}


def other_goods(question: str, sentence: str) -> tuple[str, str] | None:
    """The goods ``question`` asks a measure on, and the other goods ``sentence``
    has it on, where they share no word.

    Args:
        question: The question, as the engine reads it.
        sentence: The closest sentence.

    Returns:
        ("Chinese solar panels", "electric vehicles") for "How high are the EU's
        new tariffs on Chinese solar panels?" over "the EU will introduce
        additional tariffs of 38.1% on electric vehicles supplied from China";
        None where either names no goods a measure is on, or they share a word
        (a car is a vehicle, an EV an electric vehicle), or the question asks
        of goods of any kind ("tariffs on Chinese goods"). Countries and peoples
        ("Chinese") say whose goods, not which.
    """
    asked = _ON_GOODS.search(question)
    if asked is None:
        return None
    wanted = _goods_terms(asked_goods := _goods(asked["goods"]))
    if wanted <= _ANY_GOODS:
        return None
    for said in _ON_GOODS.finditer(sentence):
        given = _goods(said["goods"])
        terms = _goods_terms(given)
        if terms and terms.isdisjoint(wanted):
            return asked_goods, given
        if terms:
            return None  # the sentence's measure is on the asked goods
    return None


def _goods(text: str) -> str:
    """The goods named at the start of ``text``, up to their origin or a time."""
    end = _GOODS_END.search(text)
    return " ".join((text[: end.start()] if end else text).split()).strip(" ,")


def _goods_terms(goods: str) -> frozenset[str]:
    """The terms of ``goods`` without whose they are ("Chinese", "EU"), each
    with the terms of what it is ("car": "vehicl")."""
    owners = set().union(*(tokenize(word) for word in WORDS.findall(goods)
                           if actors_in(word) or _WEST.search(word)))
    terms = set(tokenize(goods)) - owners
    return frozenset(terms.union(*(_GOODS_SENSES.get(term, ()) for term in terms)))
