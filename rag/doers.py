"""Who does what: a question that has one country or body do what a sentence has another do.

"What tariffs has China imposed on American electric vehicles?" over "The United
States has already imposed tariffs on electric vehicles, solar panels,
semiconductors, and batteries from China": the sentence names both countries and
shares every word of the question, so it ranks first, but it has the United
States impose the tariffs and China bear them. The question swaps the one who
acts and the one acted on, and the text does not say what it asks.

The doer of an act is the country or body named just before the verb, with
only auxiliaries and adverbs between ("The United States has already imposed",
"has China imposed"). A passive ("were imposed by China"), a doer named further
away or a demonym ("Chinese products are hit") is not read: the rule then says
nothing.

An office may be swapped likewise: "Whom did Kazakhstan's foreign minister meet
on May 16?" over "On May 16, the President of Kazakhstan met with ...". There the
act is matched by its verb ("met" is "meet", by ``lemminflect``), and the asked
office must be missing from the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from lemminflect import getAllLemmas

from rag.countries import BODIES, actors_in, country_names
from rag.figures import CALENDAR
from rag.lexical import (
    DETERMINERS,
    STOPWORDS,
    WH_WORDS,
    WORDS,
    tokenize,
    without_possessive,
)
from rag.questions import OFFICES

# What may stand between a doer and its act: "The United States has already
# imposed", "What tariffs has China imposed".
_BETWEEN = frozenset((
    "has", "have", "had", "did", "does", "do", "will", "would", "shall", "should", "can",
    "could", "may", "might", "must", "is", "are", "was", "were", "be", "been", "being",
    "already", "also", "just", "recently", "now", "still", "reportedly", "then", "not",
    "never", "first", "once", "itself"))
# The most words of a country's name ("the United Arab Emirates").
_NAME_WORDS = 3
# Acts done together: "Did China sign an agreement with Russia?" over "Russia
# signed an agreement with China" has both sign.
_TOGETHER = re.compile(r"\b(?:with|together|jointly|between|each\s+other|one\s+another)\b",
                       re.I)


def swapped_doer(question: str, sentence: str) -> tuple[str, str, str] | None:
    """The doer ``question`` gives an act, the act, and the other doer ``sentence``
    gives it, where both name both doers.

    Args:
        question: The question, as the engine reads it.
        sentence: The closest sentence.

    Returns:
        ("China", "imposed", "United States") for "What tariffs has China
        imposed on American electric vehicles?" over "The United States has
        already imposed tariffs on ... from China"; None where the question
        names fewer than two countries or bodies, asks of an act done together
        ("with"), or the sentence has the same doer, none, or one the question
        does not name.
    """
    asked_actors = actors_in(question)
    if len(asked_actors) < 2 or _TOGETHER.search(question):
        return None  # most questions: no two doers to swap
    given_actors = actors_in(sentence)
    asked = list(WORDS.finditer(question))
    said = list(WORDS.finditer(sentence))
    said_at = _positions(said, _stem)
    for i, match in enumerate(asked):
        stem = _stem(match.group())
        if stem is None or stem not in said_at or actors_in(match.group()):
            continue
        if (doer := doer_before(question, asked, i)) is None:
            continue
        for j in said_at[stem]:
            other = doer_before(sentence, said, j)
            if (other is not None and doer[1].isdisjoint(other[1])
                    and any(doer[1] & given for given in given_actors)
                    and any(other[1] & named for named in asked_actors)):
                return doer[0], match.group(), other[0]
    return None


def asked_doer(question: str) -> tuple[str, str, frozenset[str]] | None:
    """The country or body ``question`` has do its first act (``doer_before``), the act as
    written, and the doer's keys (``actors_in``): ("China", "push", ...) for "Why
    did China push Kazakhstan to adopt the strategy?"; None where no name stands
    just before a verb ("Which country proposed ...?", "What do Chinese firms
    say?", "Who heads the China Studies Centre?")."""
    words = list(WORDS.finditer(question))
    for i, match in enumerate(words):
        verb = verb_lemma(match.group())
        # A capitalised word after the first is a name's ("the China Studies Centre").
        if (verb is None or verb in _NO_ACT or (i and match.group()[0].isupper())
                or actors_in(match.group())):
            continue
        if (doer := doer_before(question, words, i)) is not None:
            return doer[0], match.group(), doer[1]
    return None


def doer_before(text: str, words: list[re.Match[str]], i: int) -> tuple[str, frozenset[str]] | None:
    """The country or body named just before word ``i`` of ``text``, auxiliaries
    and adverbs aside ("The United States has already imposed", "has China
    imposed"), as written and as ``actors_in``'s keys; None where no name stands
    there ("Chinese products are hit": a demonym qualifies, it does not act)."""
    k = i - 1
    while k >= 0 and words[k].group().lower() in _BETWEEN:
        k -= 1
    if k < 0:
        return None
    last = words[k].group()
    window = text[words[max(0, k - _NAME_WORDS + 1)].start() : words[k].end()]
    names = [name for name in country_names(window) if window.endswith(name)]
    if names:
        written = names[-1]
    elif without_possessive(last) in BODIES:
        written = last
    else:
        return None
    found = actors_in(written)
    return (written, found[0]) if found else None


def swapped_office(question: str, sentence: str) -> tuple[str, str, str] | None:
    """The office ``question`` has do an act, the act, and the other office
    ``sentence`` has do it, where the sentence never names the asked office.

    Args:
        question: The question, as the engine reads it.
        sentence: The closest sentence.

    Returns:
        ("foreign minister", "meet", "President") for "Whom did Kazakhstan's
        foreign minister meet on May 16?" over "On May 16, the President of
        Kazakhstan met with the secretaries ..."; None where the question has no
        office do the act, the sentence names that office anywhere, or has no
        office, or the same one, do the act (a person named instead, "Tokayev
        met", says nothing here).
    """
    asked = list(WORDS.finditer(question))
    said = list(WORDS.finditer(sentence))
    said_at = _positions(said, verb_lemma)
    partaking_at = [j for j in range(len(said)) if _partaking(said, j)]
    terms = set(tokenize(sentence))
    for i, match in enumerate(asked):
        if (verb := verb_lemma(match.group())) is None:
            continue
        partaking = _partaking(asked, i)
        at = sorted({*said_at.get(verb, ()), *(partaking_at if partaking else ())})
        office = _office_before(asked, i)
        if not at or office is None or office[1] in terms:
            continue
        for j in at:
            other = _office_before(said, j)
            if other is not None and other[1] != office[1]:
                act = "take part" if partaking and verb == "take" else match.group()
                return office[0], act, other[0]
    return None


# Taking part is one act whatever its verb: "Did the Kazakh foreign minister take
# part in the May 16 meeting?" over "On May 16, the President of Kazakhstan met
# with ...".
_PARTAKING = frozenset(("meet", "attend", "participate", "join"))


def _partaking(words: list[re.Match[str]], i: int) -> bool:
    """Whether word ``i`` is a verb of taking part ("met", "attends", "take part")."""
    verb = verb_lemma(words[i].group())
    return verb in _PARTAKING or (verb == "take" and i + 1 < len(words)
                                  and words[i + 1].group().lower() == "part")


# Who chairs, as a question gives it ("Did the SCO Secretariat chair ...?", "Isn't it
# true that the SCO Secretariat, not the Kazakh side, chaired ...?") and as a
# sentence does ("under the chairmanship of the Kazakh side", "chaired by ...").
_CHAIR_VERB = re.compile(r"\b(?:chair|chairs|chaired|presides?|presided)\b(?!\s+by\b)", re.I)
_OPENER = re.compile(r"\b(?:did|does|do|has|have|had|will|would|that|which|what)\s+", re.I)
_CHAIRED = re.compile(
    r"\b(?:under\s+the\s+chairmanship\s+of|chaired\s+by|presided\s+over\s+by)\s+(?:the\s+)?"
    r"(?P<who>[\w’'-]+(?:\s+[\w’'-]+){0,3})", re.I)
# "X, not Y, chaired": Y is set aside.
_NOT_THIS = re.compile(r",\s*not\s+[^,]*,?", re.I)


def other_chair(question: str, sentence: str) -> tuple[str, str] | None:
    """Who ``question`` has chair something and who ``sentence`` says chaired it,
    where they differ.

    Args:
        question: The question, as the engine reads it.
        sentence: The closest sentence.

    Returns:
        ("the SCO Secretariat", "Kazakh side") for "Which meeting did the SCO
        Secretariat chair at the SCO Digital Forum?" over "under the chairmanship
        of the Kazakh side, the first meeting ..."; None where the question has no
        one chair, the sentence names no chair, or the two may be one ("Kazakhstan"
        and "the Kazakh side").
    """
    verb = _CHAIR_VERB.search(question)
    given = _CHAIRED.search(sentence)
    if verb is None or given is None:
        return None
    # The words just before the verb, back to the auxiliary or "that" opening them.
    before = _NOT_THIS.sub(" ", question[: verb.start()])
    openers = list(_OPENER.finditer(before))
    who = " ".join(before[openers[-1].end() if openers else 0 :].split()).strip(" ,")
    terms, chair = set(tokenize(who)), set(tokenize(given["who"]))
    # "Who exactly chaired ...?" asks who; it names no one.
    if not terms or not chair or who.split()[0].lower() in WH_WORDS or any(
            a.startswith(b) or b.startswith(a) for a in terms for b in chair):
        return None
    return who, given["who"]


# How far on either side of a verb its doer and what it acts on are looked for, in
# words: "until farmlands were turned into suburbs".
_AROUND = 4
# Verbs saying nothing of who acts on what.
_NO_ACT = frozenset(("be", "have", "do", "will", "would", "can", "could", "may", "might",
                     "must", "shall", "should", "let", "get"))
# Auxiliaries and "to", after which a word a noun shares is a verb ("will meet").
_AUXILIARIES = frozenset(("did", "does", "do", "will", "would", "can", "could", "may", "might",
                          "must", "shall", "should", "to", "is", "are", "was", "were", "has",
                          "have", "had"))
# A passive's doer ("was ruled by Mexico") stands after the verb.
BY_AFTER = re.compile(r"^\W*(?:\w+\W+){0,2}?by\b", re.I)


def swapped_around(question: str, sentence: str) -> tuple[str, str, str] | None:
    """What ``question`` puts before and after a verb, where ``sentence`` has the
    two the other way round, as the question writes them: ("suburbs", "turned",
    "farmlands") for "What were major industries until suburbs were turned into
    farmlands?" over "... until farmlands were turned into suburbs"; ("OneDrive",
    "become", "SkyDrive") for "... OneDrive will soon become SkyDrive?" over
    "SkyDrive will soon become OneDrive".

    Words are compared by their terms, verbs by their lemma (``verb_lemma``), within
    ``_AROUND`` words on each side. None where either side is passive ("by"
    after the verb) or the act is done together ("with", ``_TOGETHER``), where
    doer and done-to may stand either way.
    """
    if _TOGETHER.search(question) or _TOGETHER.search(sentence):
        return None
    asked = list(WORDS.finditer(question))
    said = list(WORDS.finditer(sentence))
    said_at = _positions(said, verb_lemma)
    opening = _opening(asked)
    for i, match in enumerate(asked):
        verb = verb_lemma(match.group())
        if (verb is None or verb in _NO_ACT or verb not in said_at or not _acting(asked, i)
                or BY_AFTER.match(question[match.end():])):
            continue
        before, after = _sides(asked, i, opening)
        for j in said_at[verb]:
            if not _acting(said, j) or BY_AFTER.match(sentence[said[j].end():]):
                continue
            said_before, said_after = _sides(said, j)
            # The one brought forward must stand only after the sentence's verb; the
            # other may be named on both sides there ("SkyDrive Pro becomes ...").
            first = next((w for t, w in before.items()
                          if t in said_after and t not in said_before), None)
            second = next((w for t, w in after.items()
                           if t in said_before and t not in before and w != first), None)
            if first is not None and second is not None:
                return first, match.group(), second
    return None


def _opening(words: list[re.Match[str]]) -> int:
    """How many words open a question with what it asks, up to its first
    auxiliary ("How many events did"): the asked thing stands there, before the
    verb, whatever it is to the verb ("How many events did Kazakhstan hold?");
    0 for a question opening otherwise."""
    if not words or words[0].group().lower() not in WH_WORDS:
        return 0
    return next((k + 1 for k, word in enumerate(words) if word.group().lower() in _AUXILIARIES),
                0)


def _acting(words: list[re.Match[str]], i: int) -> bool:
    """Whether word ``i`` is a verb there: a form only a verb has ("turned",
    "become"), or one a noun shares after an auxiliary or "to" ("will meet"; not
    "the commission", "counter-terrorism measures")."""
    lemmas = getAllLemmas(words[i].group().lower())
    if "VERB" not in lemmas:
        return False
    return "NOUN" not in lemmas or (i > 0 and words[i - 1].group().lower() in _AUXILIARIES)


def _sides(words: list[re.Match[str]], i: int,
           opening: int = 0) -> tuple[dict[str, str], dict[str, str]]:
    """The terms of the words before and after word ``i`` (``_AROUND`` each way,
    none of the first ``opening`` words), each with a word it is written as."""
    sides: tuple[dict[str, str], dict[str, str]] = ({}, {})
    for side, span in zip(sides, (words[max(opening, i - _AROUND) : i],
                                  words[i + 1 : i + 1 + _AROUND]), strict=True):
        for match in span:
            for term in tokenize(match.group()):
                side.setdefault(term, match.group())
    return sides


def _office_before(words: list[re.Match[str]], i: int) -> tuple[str, str] | None:
    """The office that does word ``i``: named just before it, auxiliaries and
    adverbs aside ("did Kazakhstan's foreign minister meet"), or with its place
    after it ("the President of Kazakhstan met"); as written, with a qualifying
    word before it ("foreign minister"), and as its term."""
    k = i - 1
    while k >= 0 and words[k].group().lower() in _BETWEEN:
        k -= 1
    if k >= 2 and words[k - 1].group().lower() == "of" and words[k].group()[:1].isupper():
        k -= 2  # "the President of Kazakhstan met"
    last = k
    if k >= 1 and words[k].group().lower() == "general":
        k -= 1  # "the Secretary General signed"
    if k < 0 or not (term := tokenize(words[k].group())) or term[0] not in OFFICES:
        return None
    written = " ".join(word.group() for word in words[k : last + 1])
    if k > 0 and (before := words[k - 1].group()).islower() and before not in STOPWORDS:
        written = f"{before} {written}"
    return written, term[0]


def _positions(words: list[re.Match[str]],
               key: Callable[[str], str | None]) -> dict[str, list[int]]:
    """Where each key (``key`` of a word) stands among ``words``."""
    at: dict[str, list[int]] = {}
    for j, match in enumerate(words):
        if found := key(match.group()):
            at.setdefault(found, []).append(j)
    return at


def _stem(word: str) -> str | None:
    """The first term of ``word``, or None for a stop word."""
    stems = tokenize(word)
    return stems[0] if stems else None


@lru_cache(maxsize=4096)
def verb_lemma(word: str) -> str | None:
    """The verb ``word`` is a form of ("met" and "meet" are "meet"), or None for a
    word that is no verb's form."""
    lemmas = getAllLemmas(word.lower()).get("VERB")
    return lemmas[0] if lemmas else None


# Where something comes from: "imported from the EU", "supplied from China",
# "made in China", "re-branded from NTL". A name is a run of capitalised words
# after it; not "apart from" (what is set aside) nor a month ("from January").
_FROM = re.compile(
    r"(?<!\bapart\s)(?<!\baside\s)(?<!\baway\s)\b(?:from|made\s+in)\s+(?:the\s+)?"
    r"(?P<name>(?-i:[A-Z])[\w’'.-]*(?:\s+(?-i:[A-Z])[\w’'.-]*)*)", re.I)


def swapped_origin(question: str, sentence: str) -> tuple[str, str] | None:
    """Where ``question`` has something come from and where ``sentence`` has it
    come from, where each names the other's place or name too, as their doer.

    Args:
        question: The question, as the engine reads it.
        sentence: The closest sentence.

    Returns:
        ("EU", "China") for "What tariffs is China imposing on electric vehicles
        imported from the EU?" over "the EU will introduce additional tariffs of
        38.1% on electric vehicles supplied from China": the one acting and the
        one whose goods are hit are swapped; ("Virgin Media", "NTL") for "When
        was NTL Telewest rebranded from Virgin Media?" over "Virgin Media
        (re-branded in 2007 from NTL:Telewest)". None where either names no
        name after "from", both name one alike ("officials from China met
        delegates from India" either way), or the other name is not written.
    """
    asked = _origins(question)
    given = _origins(sentence) if asked else []
    if not given or any(a & g for _, a, _ in asked for _, g, _ in given):
        return None
    for written, place, actor in asked:
        for said, other, other_actor in given:
            if _names(sentence, place, actor) and _names(question, other, other_actor):
                return written, said
    return None


def _origins(text: str) -> list[tuple[str, frozenset[str], bool]]:
    """The names ``text`` has something come from: as written, as keys, and
    whether a country or body (its keys ``actors_in``'s, all its names joined)
    or not (its keys its terms)."""
    found = []
    for match in _FROM.finditer(text):
        name = match["name"].rstrip(".")
        if CALENDAR.match(name.split()[0]):
            continue
        if actors := actors_in(name):
            found.append((name, frozenset().union(*actors), True))
        elif terms := frozenset(tokenize(name)):
            found.append((name, terms, False))
    return found


def _names(text: str, keys: frozenset[str], actor: bool) -> bool:
    """Whether ``text`` names what ``keys`` are the keys of: a country or body
    by any of its names, another name by all its terms."""
    if actor:
        return any(keys & named for named in actors_in(text))
    return keys <= set(tokenize(text))


# A question asking what its subject acts on: "What country did California once
# rule?", "What county does downtown Santa Ana include?": the asked thing is the
# object, the subject stands between the auxiliary and the verb, which ends the
# question (a particle or preposition aside). Not a passive ("was ... ruled").
_ASKED_OBJECT = re.compile(
    r"^\s*(?:what|which|whom|who)\b(?:\s+[\w’'-]+){0,3}?\s+(?:do|does|did|will|would|can|"
    r"could|has|have|had)\s+(?P<subject>[\w’'.-]+(?:\s+[\w’'.-]+){0,5}?)\s+"
    r"(?:(?:once|also|still|now|first|then|already|ever|really|actually|later|eventually|"
    r"currently|mainly|mostly)\s+)*(?P<verb>[a-z]{3,})"
    r"(?:\s+(?:up|out|off|down|over|in|on|to|with|for|from|about|into))?\s*[?.!]*\s*$", re.I)
# Words that may stand between a verb and its object: "includes the Downtown ...",
# "includes all the ...".
_DETERMINERS = DETERMINERS | {"all", "both"}


def swapped_object(question: str, sentence: str) -> tuple[str, str] | None:
    """The subject ``question`` has act on what it asks, and the act, where
    ``sentence`` has that subject acted on instead.

    Args:
        question: The question, as the engine reads it.
        sentence: The closest sentence.

    Returns:
        ("California", "rule") for "What country did California once rule?"
        over "... the time when Mexico ruled California"; None where the
        question asks no object of its subject, the sentence has no such verb,
        has the subject before it as well, is passive there ("was ruled by"), or
        either speaks of an act done together ("with").
    """
    match = _ASKED_OBJECT.match(question)
    if match is None or _TOGETHER.search(question) or _TOGETHER.search(sentence):
        return None
    verb = verb_lemma(match["verb"])
    subject = [word for word in WORDS.findall(match["subject"])
               if word.lower() not in _DETERMINERS]
    head = tokenize(subject[-1]) if subject else []
    # "What did Kazakhstan propose the SCO adopt?": a verb in the "subject" opens
    # a clause of its own, whose subject the SCO is not what the question asks of.
    if verb is None or verb in _NO_ACT or not head or any(map(_only_verb, subject)):
        return None
    said = list(WORDS.finditer(sentence))
    for j in _positions(said, verb_lemma).get(verb, ()):
        if not _acting(said, j) or BY_AFTER.match(sentence[said[j].end():]):
            continue
        k = j + 1
        while k < len(said) and said[k].group().lower() in _DETERMINERS:
            k += 1
        after = {term for word in said[k : k + len(subject)] for term in tokenize(word.group())}
        before = {term for word in said[max(0, j - _AROUND) : j]
                  for term in tokenize(word.group())}
        if head[0] in after and head[0] not in before:
            return " ".join(subject), match["verb"].lower()
    return None


def _only_verb(word: str) -> bool:
    """Whether ``word`` is a verb's form and nothing else ("propose", not
    "states", nor an "-ing" or "-ed" form qualifying a noun: "developing")."""
    lemmas = getAllLemmas(word.lower())
    return set(lemmas) == {"VERB"} and not word.lower().endswith(("ing", "ed"))


# What a sentence has one party back for another: "to advance their initiatives,
# which can be supported by larger countries". Questions turn it round and make
# the backer the owner: "Which initiatives of larger countries can Kazakhstan
# back?", "the big powers' initiatives", "lets the big powers push their own
# initiatives".
_BACKED_BY = re.compile(
    r"\b(?P<thing>[a-z][\w-]+),?\s+which\s+(?:(?:can|could|may|might|will|would|are|is|were|"
    r"was)\s+)?(?:be\s+|been\s+)?(?:supported|backed|endorsed|championed|sponsored)\s+by\s+"
    r"(?:the\s+)?(?P<agent>(?:[\w’'-]+\s+){0,2}?[\w’'-]+)\s*(?:[.,;:!?]|$)")
# The owner a question gives a thing: in the words after "of" ("initiatives of
# larger countries can ..."), or before a possessive or "push their (own)".
_OWNER_AFTER = re.compile(r"\b(?P<thing>[a-z][\w-]+)\s+of\s+(?P<owner>(?:[\w’'-]+\s*){1,4})",
                          re.I)
_OWNER_BEFORE = (
    re.compile(r"(?P<owner>(?:[\w’'-]+\s+){0,3}[\w-]+s)[’']\s+(?:own\s+)?(?P<thing>[a-z][\w-]+)",
               re.I),
    re.compile(r"(?P<owner>(?:[\w’'-]+\s+){0,3}[\w-]+)\s+(?:to\s+)?(?:push|pushing|advance|"
               r"advancing|promote|promoting|pursue|pursuing)\s+their\s+(?:own\s+)?"
               r"(?P<thing>[a-z][\w-]+)", re.I),
)
# Words of one sense in naming a party: "larger countries", "the big powers",
# "bigger states" are one.
_PARTY_WORDS = {
    **dict.fromkeys(("big", "bigger", "biggest", "large", "larger", "largest", "great",
                     "greater", "major", "powerful", "leading"), "big"),
    **dict.fromkeys(("small", "smaller", "smallest", "middle", "minor"), "small"),
    **dict.fromkeys(("country", "countries", "power", "powers", "state", "states", "nation",
                     "nations"), "country"),
}


def swapped_backing(question: str, sentence: str) -> tuple[str, str, str] | None:
    """The party ``question`` makes the owner of a thing, the thing, and the party
    ``sentence`` has back that thing instead.

    Args:
        question: The question, as the engine reads it.
        sentence: The closest sentence.

    Returns:
        ("larger countries", "initiatives", "larger countries") for "Which
        initiatives of larger countries can Kazakhstan and other middle powers
        back?" over "... for Kazakhstan and other middle powers to advance their
        initiatives, which can be supported by larger countries"; None where the
        sentence has no one back a thing, or the question gives it no owner or
        another one than the backer.
    """
    backed = _BACKED_BY.search(sentence)
    if backed is None:
        return None
    thing, agent = set(tokenize(backed["thing"])), _party(backed["agent"])
    # Each run of the owner's words from the thing outwards may name it.
    owners = [(match["thing"], [words[:n] for n in range(1, len(words) + 1)])
              for match in _OWNER_AFTER.finditer(question)
              if (words := WORDS.findall(match["owner"]))]
    owners += [(match["thing"], [words[-n:] for n in range(1, len(words) + 1)])
               for pattern in _OWNER_BEFORE for match in pattern.finditer(question)
               if (words := WORDS.findall(match["owner"]))]
    for owned, runs in owners:
        if set(tokenize(owned)) != thing:
            continue
        for run in runs:
            if _party(" ".join(run)) == agent:
                return " ".join(run), owned, " ".join(backed["agent"].split())
    return None


def _party(words: str) -> tuple[str, ...]:
    """A party's name as its last two words mean it ("the big powers" and "larger
    countries" give ("big", "country")), without determiners."""
    kept = [word for word in WORDS.findall(words.lower())
            if word not in _DETERMINERS and word not in ("other", "own")]
    return tuple(_PARTY_WORDS.get(word, word) for word in kept[-2:])
