"""Who holds an office: the office a question asks about ("Who is the president
of China?", "Who runs Tesla?"), and whether a sentence names it.

A sentence naming someone answers "Who is the president of X?" only where it
names such an office ("... key for China; ... other parts of Eurasia" does not
say who holds it); "Kazakhstan's energy minister" is not its "Foreign Minister";
and "Murat Nurtleu ... when he was prime minister" is not the man the text
introduces as "Kazakh Foreign Minister Murat Nurtleu".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet

from rag.coreference import titled_names
from rag.countries import is_country, is_demonym
from rag.lexical import WORDS, Vocabulary, tokenize, without_possessive
from rag.questions import OFFICES

# Offices, not the words qualifying them ("foreign", "general", "prime", "deputy").
_ANY_OFFICE = frozenset(tokenize("leader head chief"))
# "ceo" and the like stay as typed where the corpus never spells them out: a
# sentence then holds the office by its words ("the chief executive").
OFFICE_WORDS = {acronym: frozenset(tokenize(words)) for acronym, words in (
    ("ceo", "chief executive"), ("cfo", "chief financial"), ("cto", "chief technology"),
    ("coo", "chief operating"))}
_OFFICE_TERMS = OFFICES | _ANY_OFFICE | frozenset(tokenize("chair officer premier")) | frozenset(
    OFFICE_WORDS)
# "Who is the president of China?", "Who is Kazakhstan's foreign minister?": who
# holds an office, not "Who succeeded President Nazarbayev?".
_OFFICE_HOLDER_Q = re.compile(r"\s*who\s+(?:is|was|are|were)\s+(?:the\s+|[\w’'.-]+[’']s\s+)",
                              re.I)
# "Who runs Tesla?", "Who heads the commission?": whoever holds the office that
# leads it, which a sentence names by an office or by the verb itself.
_LEADS = ("chairs", "heads", "leads", "runs", "directs", "manages", "presides")
_LEADS_Q = re.compile(rf"\s*who\s+(?:currently\s+|now\s+)?({'|'.join(_LEADS)})\b", re.I)
# Any of the verbs says that someone leads ("the chairmanship of Elon Musk" answers
# "Who runs Tesla?"), as an office does; but not "lead" itself, which mostly
# leads to something ("will lead to an increase in the cost").
_LEADING_TERMS = (_OFFICE_TERMS | frozenset(tokenize(" ".join(_LEADS))) | frozenset(
    tokenize("chairmanship leadership"))) - frozenset(tokenize("lead"))
# Words before an office that say when, not which office ("the current president").
_WHEN_IN_OFFICE = frozenset(tokenize(
    "current new former previous next acting incumbent first last present future late "
    "interim sitting outgoing incoming"))
_PAIR = re.compile(r"(?=\b([\w’'-]+)\s+([\w’'-]+))")


def asks_holder(question: str) -> bool:
    """Whether ``question`` asks who holds an office ("Who is the president of
    China?"), as opposed to who did something ("Who succeeded President ...?")."""
    return _OFFICE_HOLDER_Q.match(question) is not None


def asked_leading(question: str) -> str | None:
    """The verb by which ``question`` asks who leads something, in lower case
    ("runs" of "Who runs Tesla?"), if it does."""
    leads = _LEADS_Q.match(question)
    return leads.group(1).lower() if leads else None


def asked_office(question: str, proper_nouns: AbstractSet[str]) -> str:
    """The office ``question`` names, as it writes it, with the word saying which
    one ("energy minister", ``_office_qualifiers``); "office" where it names none.

    Args:
        question: The question.
        proper_nouns: Words the corpus writes only capitalised.
    """
    words = WORDS.findall(question)
    at = next((i for i, w in enumerate(words) if set(tokenize(w)) & _OFFICE_TERMS), None)
    office = "office" if at is None else words[at]
    qualifiers = _office_qualifiers(question, proper_nouns)
    if at and set(tokenize(words[at - 1])) & qualifiers:
        office = f"{words[at - 1]} {office}"  # "energy minister"
    return office


def holds_office(terms: AbstractSet[str], question: str, query_terms: Sequence[str],
                 vocabulary: Vocabulary, proper_nouns: AbstractSet[str]) -> bool:
    """Whether a sentence holds the office a question's terms name, if they name
    one ("president"; "officer" of "Chief Executive Officer", which
    ``Abbreviations`` spells "CEO" out to where the corpus does).

    Args:
        terms: The sentence's terms.
        question: The question, in the corpus's capitals.
        query_terms: The question's terms.
        vocabulary: The corpus's terms, for words of the same sense.
        proper_nouns: Words the corpus writes only capitalised.
    """
    offices = _OFFICE_TERMS.intersection(query_terms)
    if offices <= _ANY_OFFICE:
        # "the leader of Kazakhstan" may be its president or its prime minister.
        offices = _OFFICE_TERMS if offices else offices
    # "the chief executive of Tesla" holds the office "ceo" names.
    held = not offices or any(
        office in terms or (office in OFFICE_WORDS and OFFICE_WORDS[office] <= terms)
        for office in offices)
    # "Kazakhstan's energy minister" is not its "Foreign Minister".
    return held and all(term in terms or not vocabulary.related(term).isdisjoint(terms)
                        for term in _office_qualifiers(question, proper_nouns))


def names_leading(terms: AbstractSet[str]) -> bool:
    """Whether ``terms`` name an office or say that someone leads ("runs", "the
    chairmanship of")."""
    return not _LEADING_TERMS.isdisjoint(terms)


def _office_qualifiers(question: str, proper_nouns: AbstractSet[str]) -> set[str]:
    """The terms of the word right before an office in ``question`` that says
    which office it is ("energy" in "energy minister"), unless it says when
    ("current"), whose ("Kazakh", "Kazakhstan's", "SCO", "Tesla" written as a
    name of the corpus (``proper_nouns``): other rules check names) or is the office's own
    ("Secretary" of "Secretary General")."""
    qualifiers: set[str] = set()
    for match in _PAIR.finditer(question):
        word, office = match.groups()
        terms = set(tokenize(word))
        if (not terms or _OFFICE_TERMS.isdisjoint(tokenize(office))
                or not _OFFICE_TERMS.isdisjoint(terms) or not terms.isdisjoint(_WHEN_IN_OFFICE)
                or (word.isupper() and len(word) > 1) or is_country(word) or is_demonym(word)
                or (word[:1].isupper() and word.lower() in proper_nouns)
                or word.endswith(("’s", "'s"))):
            continue
        qualifiers |= terms
    return qualifiers


# An office the question gives someone: "as (Kazakhstan's) prime minister", "when
# he was president", "Prime Minister Nurtleu" (the office before a name).
_GIVEN_OFFICE = re.compile(
    r"(?=\b(?:as|when\s+(?:he|she)\s+was|while\s+(?:he|she)\s+was|in\s+(?:his|her)\s+role\s+as)"
    r"\s+(?:the\s+|an?\s+|[\w’'-]+[’']s\s+)?(?P<office>(?:[\w-]+\s+)?[\w-]+)\b)"
    # Looked at from every word, overlapping: "tell Prime Minister Nurtleu".
    r"|(?=\b(?P<titled>(?:[\w-]+\s+)?[\w-]+)\s+(?P<name>(?-i:[A-Z][\w’'-]*)"
    r"(?:\s+(?-i:[A-Z][\w’'-]*))*))", re.I)
# Words that say which office ("prime minister", "deputy director"), not whose.
_RANKS = frozenset(tokenize(
    "prime foreign deputy vice defence defense finance interior energy trade economy "
    "economic justice health education culture agriculture transport home general first "
    "assistant executive"))


def titles_by_person(texts: Iterable[str]) -> dict[tuple[str, ...], list[frozenset[str]]]:
    """The terms of each title the documents give a person, by the terms of the
    person's name (``titled_names``, over every document): ("murat", "nurtleu")
    -> [{"kazakh", "foreign", "minist"}]."""
    held: dict[tuple[str, ...], list[frozenset[str]]] = {}
    for text in texts:
        for title, name in titled_names(text).items():
            held.setdefault(name, []).append(frozenset(title))
    return held


def misplaced_office(question: str, held: Mapping[tuple[str, ...], Sequence[AbstractSet[str]]]
                     ) -> tuple[str, str] | None:
    """The office ``question`` gives someone the text introduces with other
    titles, and that person as the question writes them, if so: ("prime
    minister", "Murat Nurtleu") for "What did Murat Nurtleu say when he was
    Kazakhstan's prime minister?" where the text has "Kazakh Foreign Minister
    Murat Nurtleu".

    Only an office the question ties to someone counts: before their name
    ("Prime Minister Nurtleu", where the name's person must be one the text
    titles), or after "as" or "when he was" where the question names one person
    the text titles. It holds if it fits none of that person's titles.

    Args:
        question: The question, in the corpus's capitals.
        held: The titles of each person the documents title (``titles_by_person``).
    """
    asked = set(tokenize(question))
    named = [name for name in held if asked & set(name)]
    if not named:
        return None
    for match in _GIVEN_OFFICE.finditer(question):
        words = (match["office"] or match["titled"]).split()
        office = set(tokenize(words[-1]))
        if _OFFICE_TERMS.isdisjoint(office):
            continue
        if len(words) == 2 and set(tokenize(words[0])) <= _RANKS and tokenize(words[0]):
            office |= set(tokenize(words[0]))
        if office <= _ANY_OFFICE:
            continue  # "as leader" may be any office
        if match["name"] is not None:
            who = set(tokenize(match["name"]))
            people = [name for name in named if who & set(name)]
        else:
            people = named if len(named) == 1 else []
        if len(people) == 1 and not any(office <= title for title in held[people[0]]):
            shown = len(office) if len(office) == len(words) else 1
            return " ".join(words[-shown:]).lower(), _as_written(question, people[0])
    return None


def other_rank(question: str, sentence: str) -> tuple[str, str] | None:
    """The ranked office ``question`` asks about and the other rank of that office
    ``sentence`` names instead, if so: ("prime minister", "Foreign Minister") for
    "What did Kazakhstan's prime minister say ...?" over "As Kazakh Foreign
    Minister Murat Nurtleu noted: ...".

    Args:
        question: The question.
        sentence: The closest sentence.

    Returns:
        The office as each writes it; None when the question ranks no office
        (``_RANKS``: "prime", "foreign", "energy"), or the sentence gives that
        rank too, or ranks the office no other way ("the minister").
    """
    said = set(tokenize(sentence))
    asked, given_ranks = _ranked_in(question), _ranked_in(sentence)
    # "the energy ministers or the foreign ministers" asks of both.
    ranks = {(rank, office) for rank, office, _ in asked}
    for rank, office, written in asked:
        if rank in said:
            continue
        given = next((words for other, same, words in given_ranks
                      if same == office and (other, same) not in ranks), None)
        if given is not None:
            return written.lower(), given
    return None


def heard_ranks(terms: Iterable[AbstractSet[str]]) -> frozenset[tuple[str, str]]:
    """Each rank and office (``_RANKS``, as terms) some sentence names together,
    in either order ("Foreign Minister", "Secretary General"), over the terms of
    every sentence of the corpus."""
    offices = _OFFICE_TERMS - _ANY_OFFICE
    return frozenset((rank, office) for sentence in terms
                     for rank in sentence & _RANKS for office in sentence & offices)


def unheard_rank(question: str, heard: AbstractSet[tuple[str, str]]) -> str | None:
    """The ranked office ``question`` asks about that no sentence of the corpus
    names, as the question writes it: "defence ministers" for "What was decided
    at the SCO defence ministers meeting?" where the text has only a "Foreign
    Minister"; None when the question ranks no office or every rank it gives is
    heard (``heard_ranks``). The caller blanks what the question sets aside
    ("Apart from presidents and prime ministers, ...?",
    ``names.without_set_aside``)."""
    # "the SCO's first Secretary General" is the first of them, no rank.
    return next((written for rank, office, written in _ranked_in(question)
                 if (rank, office) not in heard and rank not in _WHEN_IN_OFFICE), None)


def _ranked_in(text: str) -> list[tuple[str, str, str]]:
    """Each office ``text`` ranks ("Foreign Minister"), as its rank's term, its
    office's term and the two words as written."""
    found = []
    for match in _PAIR.finditer(text):
        word, office = match.groups()
        rank, held = tokenize(word), tokenize(office)
        if (len(rank) == 1 and len(held) == 1 and rank[0] in _RANKS
                and held[0] in _OFFICE_TERMS - _ANY_OFFICE):
            found.append((rank[0], held[0], f"{word} {office}"))
    return found


# "Who takes over the SCO chairmanship from Kazakhstan?", "Which country succeeds
# it?": who holds something next, which a text tells only where it speaks of a
# handover. ("Did the SCO succeed in ...?" asks whether it managed to.)
_SUCCESSION_Q = re.compile(
    r"\b(?:takes?|took|taking|will\s+take)\s+over\b|\bsucceed(?:s|ed|ing)?\b(?!\s+in\b)"
    r"|\bsuccessor\b|\bhand(?:s|ed|ing)?\s+over\b", re.I)
_HANDOVER = re.compile(
    r"\b(?:take|takes|took|taken|taking)\s+over\b|\bsucce(?:ed|eds|eded|eding|ssor|ssion)\b"
    r"|\bhand(?:s|ed|ing)?\s+over\b|\bhandover\b|\bpass(?:es|ed|ing)?\s+(?:the\s+|its\s+)?"
    r"(?:chair|presidency|baton)|\btransfer|\brotat|\bnext\s+(?:chair|president|host)", re.I)


def asked_succession(question: str) -> str | None:
    """The words with which ``question`` asks who holds something next ("takes
    over" of "Who takes over the SCO chairmanship from Kazakhstan?"), if it does."""
    asked = _SUCCESSION_Q.search(question)
    return asked.group().lower() if asked else None


def tells_handover(text: str) -> bool:
    """Whether ``text`` speaks of a handover: someone taking over, succeeding,
    handing or passing on the chair, a rotation or the next holder."""
    return _HANDOVER.search(text) is not None


def _as_written(question: str, name: tuple[str, ...]) -> str:
    """The first run of ``question``'s words that are words of ``name``, as
    written, less a possessive: "Murat Nurtleu" for ("murat", "nurtleu")."""
    run: list[str] = []
    for word in WORDS.findall(question):
        if set(tokenize(word)) & set(name):
            run.append(without_possessive(word))
        elif run:
            break
    return " ".join(run)
