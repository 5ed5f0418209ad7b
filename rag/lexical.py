"""Word-level text processing shared by BM25 retrieval and answer scoring."""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from functools import lru_cache

import sentencex
import Stemmer
from bm25s.stopwords import STOPWORDS_EN_PLUS
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from rag.corpus import TEXT_SUFFIXES
from rag.countries import is_country, stands_for, written_body

_TOKEN = re.compile(r"[^\W_]+(?:[.'’][^\W_]+)*")
# Question words carry no evidence: every sentence "answers" them equally.
QUESTION_WORDS = frozenset([
    "what", "when", "where", "who", "whom", "whose", "which", "why", "how", "many", "much",
    "does", "did", "do", "done", "according", "article", "document", "say", "says", "said",
    "tell",
])
STOPWORDS = frozenset(STOPWORDS_EN_PLUS) | QUESTION_WORDS


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


# A word as written, with its apostrophes and hyphens ("Kazakhstan’s",
# "Europe-Western"): what the rules read word by word.
WORDS = re.compile(r"[\w’'-]+")

# Number words as the digits a user may type instead: "9 member states" asks about
# "nine member states". Not "one" ("no one", "one of the", "one's") nor "zero".
_UNITS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
          "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
NUMERALS = ({word: str(value) for value, word in enumerate(_UNITS, start=2)}
            | {word: str(20 + 10 * i) for i, word in enumerate(_TENS)})
# Ordinal words from "second" up, as digits: "the tenth member" is the "10th".
ORDINALS = {word: str(value) for value, word in enumerate((
    "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth", "twentieth"), start=2)}
# "thirty-two" is 32, not 30 and 2.
_COMPOUND = re.compile(rf"\b({'|'.join(_TENS)})-({'|'.join(('one', *_UNITS[:8]))})\b", re.I)


def _compound_value(match: re.Match[str]) -> str:
    """The digits of a compound number word: "32" for "thirty-two"."""
    unit = 1 if match[2].lower() == "one" else int(NUMERALS[match[2].lower()])
    return str(int(NUMERALS[match[1].lower()]) + unit)


def spelled_numbers(text: str) -> list[str]:
    """The digits of the number words in ``text`` (``NUMERALS``), a compound read
    whole: "nine" gives "9", "thirty-two" "32" (not "30" and "2")."""
    found = [_compound_value(m) for m in _COMPOUND.finditer(text)]
    rest = _COMPOUND.sub(" ", text).lower()
    return found + [NUMERALS[w] for w in _LETTERS.findall(rest) if w in NUMERALS]


_LETTERS = re.compile(r"[a-z]+")


def tokenize(text: str) -> list[str]:
    """Lower-case, drop stop words and stem: the terms BM25 and overlap see.

    A stem ending in "iz" is spelt "is", so that British and American spellings
    are one term ("organisation" and "organization" stem to "organis" and
    "organiz"); rewriting words before stemming instead would split families the
    stemmer keeps together ("revise" and "revision"). British endings the stemmer
    keeps ("centre", "neighbour") are rewritten before it (``_american``).

    Accents are composed first (NFC): a file saved with decomposed accents (as
    macOS may write "Café") and a question typed either way give one term. Number
    words are digits (``NUMERALS``): "nine" and "9" are one term.
    """
    if len(text) > _KEPT_CHARS:
        return list(_terms.__wrapped__(text))
    return list(_terms(text))


# The rules read the same sentences many times over for one question: each text's
# terms are kept (as a tuple, copied out, so no caller can change the kept ones);
# not a whole document's, which is read once and would fill the memory.
_KEPT_CHARS = 2000


@lru_cache(maxsize=16384)
def _terms(text: str) -> tuple[str, ...]:
    """``tokenize``'s terms of ``text``."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    if "-" in text:
        text = _COMPOUND.sub(_compound_value, text)
    words = [_american(NUMERALS.get(w, w)) for w in _TOKEN.findall(text.lower().replace("’", "'"))
             if w not in STOPWORDS and not ("'" in w and _stop_contraction(w))]
    stems = (stem[:-2] + "is" if stem.endswith("iz") else stem
             for stem in _stemmer().stemWords(words))
    return tuple(_SAME_TERM.get(stem, stem) for stem in stems)


def mentioned(word: str, asked: AbstractSet[str]) -> bool:
    """Whether a word of the text is among the question's terms ``asked``.

    Every term of ``word`` must be asked, or, if it has four letters or more,
    be the start of an asked term or start with one ("Kazakh" of "Kazakhstan's").
    A stop word counts as mentioned: it carries no name of its own.
    """
    terms = tokenize(word)
    if not terms:
        return True
    return all(
        t in asked or any(len(t) >= 4 and (a.startswith(t) or t.startswith(a)) for a in asked)
        for t in terms
    )


# A stop word with a clitic ("what's", "who're", "there'll") is still a stop word;
# the stemmer would strip the "'s" and leave "what" as a term that no sentence
# answers. A name's possessive ("SCO's") keeps its name.
_CLITIC = re.compile(r"(?P<base>[^\W_]+)'(?:s|re|ll|ve|d|m)")


def _stop_contraction(word: str) -> bool:
    """Whether ``word`` is a stop word followed by a clitic ("what's", "they'd")."""
    match = _CLITIC.fullmatch(word)
    return match is not None and match["base"] in STOPWORDS


# "take place" says that something happens, as "is held" does, not where: its
# "place" would match any sentence giving something "a special place".
_HAPPENS = re.compile(r"\b(?:take|takes|took|taken|taking)\s+place\b", re.I)


# "set up" is "founded" (``same_sense``); its "set" and "up" mean nothing alone.
_SET_UP = re.compile(r"\b(?:set|sets|setting)\s+up\b", re.I)


# "How many members does the SCO currently have?" asks what the text says holds,
# which it rarely dates "currently": the word would favour any sentence on "the
# current initiatives". (The adjective "current" says which, and stays.)
# ("at present-day Paris", "at the moment of impact" say when or where.)
_NOWADAYS = re.compile(r"\b(?:currently|presently|nowadays|at\s+present|at\s+the\s+moment|"
                       r"as\s+of\s+now|right\s+now|these\s+days)\b(?![-’'])(?!\s+of\b)",
                       re.I)


# Words that stress a question without adding to what it asks: "Where is this
# summit really taking place?" asks where it takes place. No text says "really"
# of what it reports, so each would count as a word it never mentions, pulling
# every sentence's evidence down alike and ranking by chance what is left.
_STRESS = re.compile(r"\b(?:really|actually|exactly|even|truly|indeed|basically|"
                     r"supposedly|literally|honestly|anyway)\b(?![-’'])", re.I)


def without_idioms(question: str) -> str:
    """A question with its idioms' words, which carry none of their own sense,
    left out or put plainly ("set up": "established"), and without the words
    that only stress it ("really")."""
    plain = _STRESS.sub(" ", _NOWADAYS.sub(" ", question))
    return _SET_UP.sub("established", _HAPPENS.sub(" ", plain))


# British spellings the stemmer keeps apart from American ones, spelt the American
# way: "centre", "neighbour", "dialogue" ("-ise" is handled on the stem, above).
_BRITISH = re.compile(r"(?<=[a-z]{2})tr(?P<tre>e|es|ed)$|(?<=[a-z]{3})(?:our(?P<our>s|ed|ing|"
                      r"ite|ites|able|ably|hood|hoods|ful|less|er|ers|)|ogue(?P<ogue>s|d|))$")
_AMERICAN = {"e": "", "es": "s", "ed": "ed", "d": "ed"}
# Words that only end like a British spelling, whatever their own ending.
_NOT_BRITISH = ("contour", "detour", "devour", "velour", "paramour", "troubadour", "notre",
                "entre", "contre", "chartre", "sartre", "hatred")


# A possessive's ending, with either apostrophe: "France's", "Nations’", "SCO’s".
POSSESSIVE_MARK = re.compile(r"['’]s?$")


def without_possessive(word: str) -> str:
    """``word`` less a possessive ending: "Nurtleu's" is "Nurtleu"."""
    return POSSESSIVE_MARK.sub("", word)


def _american(word: str) -> str:
    """``word`` in American spelling, where British spelling differs by an ending
    ("centre's" is "center's", "catalogued" "cataloged")."""
    if word.startswith(_NOT_BRITISH):
        return word
    stem = without_possessive(word)
    return _BRITISH.sub(_to_american, stem) + word[len(stem):]


def _to_american(match: re.Match[str]) -> str:
    """The American form of the ending ``_BRITISH`` matched."""
    if match["tre"] is not None:
        return "ter" + _AMERICAN[match["tre"]]
    if match["our"] is not None:
        return "or" + match["our"]
    return "og" + _AMERICAN.get(match["ogue"], match["ogue"])


# Stems the stemmer keeps apart that mean the same: "What percentage ...?" is
# answered by "30 percent".
_SAME_TERM = {"percentag": "percent"}


def idf_table(term_lists: Sequence[Sequence[str]]) -> dict[str, float]:
    """Smoothed inverse document frequency of each term over the given units."""
    n = len(term_lists)
    df: Counter[str] = Counter()
    for terms in term_lists:
        df.update(set(terms))
    return {t: math.log(1.0 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}


_NONE: frozenset[str] = frozenset()
# A word and its derivation (``Vocabulary.derived``): terms of at least this many
# characters, one being the other plus one of these suffixes (as the stemmer leaves
# them: "terrorist", "victorian", "membership", "farmer", "kazakhstan"; and
# "chairmanship", which is "chair"'s as much as "chairman"'s).
DERIVED_MIN_CHARS = 5
DERIVATIONAL_SUFFIXES = ("n", "an", "ian", "ean", "ist", "ship", "manship", "er", "ese", "stan",
                         "istan")
# Place names are often short ("Asia", "Iran", "Cuba"); their people's suffixes
# pair them from four characters ("asian", "iranian"). "er" and the others do not:
# "form" and "former".
DEMONYM_MIN_CHARS = 4
DEMONYM_SUFFIXES = frozenset(("n", "an", "ian"))
# A derivation is weaker evidence than the word itself: "chairmanship" answers
# "Which years does Kazakhstan chair ...?" less surely than "chairs". In
# ``coverage`` it earns this share of the query term's weight. At full credit,
# a sentence on "the chairmanship of the Kazakh side ... this year" outscored
# "Kazakhstan, which chairs the SCO in 2023-2024".
DERIVED_CREDIT = 0.5
# Compass points and their adjectives, too short for the suffix rule ("east" and
# "easter" would pair too): "Western sanctions" are "sanctions from the West".
_COMPASS = {"north": "northern", "south": "southern", "east": "eastern", "west": "western"}
_COMPASS.update({adjective: point for point, adjective in _COMPASS.items()})


# Words that open a noun phrase without naming anything: "the", "its", "these".
DETERMINERS = frozenset(("the", "a", "an", "this", "that", "these", "those", "its", "their",
                         "his", "her", "our", "your", "my"))


# Words of titles and offices, lower-cased as written ("Secretary General", "UN
# Secretary General", "Chief Executive Officer"): no part of a person's name.
TITLE_WORDS = frozenset((
    "president", "minister", "secretary", "general", "director", "executive", "chairman",
    "chair", "head", "prime", "foreign", "deputy", "ambassador", "king", "queen", "prince",
    "senator", "governor", "mayor", "chief", "officer", "spokesman", "spokesperson", "leader",
    "un",
))


# Words the stemmer keeps apart that questions use for one another: "When was
# it created?" of "Founded in 2001", "What are its primary objectives?" of "Its
# main goals". Related, not the same word: in ``coverage`` each earns
# DERIVED_CREDIT, as a derivation does. (A hand list: no thesaurus installs
# offline, and word vectors of the embedding model pair opposites as readily as
# synonyms: "smaller" and "larger" 0.88, "outlook" and "prospects" 0.17.)
_SENSES = (frozenset(("found", "establish", "creat", "form", "start", "begin", "began", "begun")),
           frozenset(("slogan", "motto")),
           frozenset(("goal", "object", "aim")), frozenset(("main", "primari", "princip")),
           frozenset(("global", "worldwid")), frozenset(("threat", "danger")),
           frozenset(("conflict", "clash")), frozenset(("outlook", "prospect")),
           frozenset(("advisori", "consult")),
           # "mid-sized states" are the text's "middle powers", "shared problems"
           # its "common challenges", "deepening ties" its "strengthening cooperation".
           frozenset(("mid", "middl", "medium")), frozenset(("problem", "challeng")),
           frozenset(("share", "common")), frozenset(("deepen", "strengthen")),
           # "the preparatory events' themes" are the text's "Preparations ... on
           # the topics of".
           frozenset(("theme", "topic")), frozenset(("prepar", "preparatori")),
           # "Which energy strategy did Kazakhstan suggest?" of "Kazakhstan proposed".
           frozenset(("suggest", "propos")),
           # "What does the bloc offer mid-sized states?" of "provides an opportunity";
           # "on the guest list" of "are invited".
           frozenset(("offer", "provid")), frozenset(("guest", "invit")),
           # "What do these prospects demonstrate?" of "These prospects show";
           # "dedicated to peace" of "its commitment to promoting peace".
           frozenset(("demonstr", "show")), frozenset(("dedic", "commit")),
           # "What technology gap does the bloc want to narrow?" of "reduce the
           # digital divide".
           frozenset(("gap", "divid")), frozenset(("narrow", "reduc")))


# Phrases saying in several words what one term says: "put forward the idea of
# an energy strategy" proposes one. Read where a question is checked for a word
# the text holds (not in ranking, where each word already counts). So too a word
# that is a term of the text in one sense only: "Is Qatar sending its leader?"
# of "attended by heads of state ... of Qatar" (in ranking, "leaders" would draw
# "heads of international organizations" as much).
# Each phrase with its term and whether it means that term (True) or is only
# answered by it (False: "binding" is answered by "advisory", not said by it).
_PHRASE_SENSES: tuple[tuple[re.Pattern[str], str, bool], ...] = (
    (re.compile(r"\b(?:put(?:s|ting)?\s+forward|c[ao]mes?\s+up\s+with|coming\s+up\s+with|"
                r"float(?:s|ed|ing)?\s+the\s+idea)\b", re.I), "propos", True),
    (re.compile(r"\bleaders?\b", re.I), "head", True),
    # "members at odds with each other" are in conflict.
    (re.compile(r"\bat\s+(?:odds|loggerheads)\b", re.I), "conflict", True),
    # Asked whether a body can bind its members ("impose decisions", "have
    # teeth", "a talking shop with no real power"), a text calling it advisory
    # answers. ("power" only so qualified: "the middle powers" are countries.)
    (re.compile(r"\b(?:impos(?:e|es|ed|ing)|enforc(?:e|es|ed|ing)|binding|teeth|toothless|"
                r"veto(?:es|ed)?|overrul(?:e|es|ed|ing)|talk(?:ing)?\s+shops?|powerless|"
                r"rubber[\s-]stamps?|(?:no|real|any|actual)\s+(?:real\s+)?(?:power|authority|clout)"
                r")\b", re.I), "advisori", False),
)


def phrase_terms(text: str) -> set[str]:
    """The terms ``text`` says by a phrase (``_PHRASE_SENSES``): "propos" for
    "Was it Kazakhstan that put forward the idea?"; most texts give none."""
    return {term for phrase, term, _ in _PHRASE_SENSES if phrase.search(text)}


def phrase_spans(text: str) -> list[tuple[int, int, str]]:
    """Where ``text`` says a term in other words (``_PHRASE_SENSES``), with the
    term: (6, 13, "conflict") for "Being at odds ...". Not "binding" and the like,
    which "advisory" answers but does not mean."""
    return [(m.start(), m.end(), term) for phrase, term, means in _PHRASE_SENSES
            if means for m in phrase.finditer(text)]


def same_sense(term: str) -> frozenset[str]:
    """The other terms of ``term``'s sense (``_SENSES``): "creat" gives "found",
    "establish" and "form"; most terms have none."""
    for sense in _SENSES:
        if term in sense:
            return sense - {term}
    return _NONE


def coverage(query_terms: Sequence[str], unit_terms: AbstractSet[str], idf: dict[str, float],
             unseen_idf: float, related: Mapping[str, AbstractSet[str]] | None = None) -> float:
    """IDF-weighted share of the query's terms that occur in a unit, in [0, 1].

    A query term absent from the whole corpus gets ``unseen_idf`` (the highest
    weight), so asking about something the corpus never mentions lowers coverage
    everywhere: that is evidence for abstaining.

    Args:
        query_terms: The query's terms.
        unit_terms: The unit's terms.
        idf: Term weights.
        unseen_idf: The weight of a term ``idf`` lacks.
        related: Per query term, other terms that stand in for it
            (``Vocabulary.related``) at ``DERIVED_CREDIT`` of its weight.
    """
    unique = set(query_terms)
    if not unique:
        return 0.0
    total = hit = 0.0
    for term in unique:
        weight = idf.get(term, unseen_idf)
        total += weight
        if term in unit_terms:
            hit += weight
        elif related and not related.get(term, _NONE).isdisjoint(unit_terms):
            hit += weight * DERIVED_CREDIT
    return hit / total if total else 0.0


def known_share(query_terms: Sequence[str], idf: dict[str, float], unseen_idf: float) -> float:
    """IDF-weighted share of the query's distinct terms that occur in the corpus, in [0, 1].

    Low for a question worded away from the document (most of its words are
    not the document's), 1 for one in the document's own words. A query with
    no terms counts as fully known.
    """
    if not query_terms:
        return 1.0
    # The corpus is one unit holding every term the IDF table knows.
    return coverage(query_terms, idf.keys(), idf, unseen_idf)


_WORD = re.compile(r"[^\W_][\w’'.-]*")
# Words a question opens with.
WH_WORDS = ("what", "who", "whom", "whose", "when", "where", "why", "how", "which")
# The verbs opening a question answered yes or no ("Is ...?", "Did ...?").
AUXILIARIES = ("is", "are", "was", "were", "do", "does", "did", "can", "could", "will", "would",
               "should", "has", "have", "had")
QUESTION_OPENERS = WH_WORDS + AUXILIARIES
# A text opening as a question does ("How many ...", "Is it ..."), after any spaces.
QUESTION_OPENING = re.compile(rf"\s*(?:{'|'.join(QUESTION_OPENERS)})\b", re.I)
# Modal verbs, which open a yes/no question too ("Must members ...?") but are left
# out of ``QUESTION_OPENERS``: a text opening with "May" is as often a date.
MODALS = ("may", "might", "must", "shall")
# Verbs of saying, as a document says ("the article states") and as a person
# does ("Tokayev stated"): base, third-person and past forms. Each context adds
# its own verbs (``rag.questions``, ``rag.speech``); the past form is a participle too
# ("has Tokayev noted").
SAYING_VERBS = (("say", "says", "said"), ("state", "states", "stated"), ("note", "notes", "noted"))
# A question answered yes or no, after any spaces: "Is ...?", "Didn't ...?",
# "Must ...?", "Can't ...?", "Cannot ...?", "Won't ...?".
YES_NO_OPENING = re.compile(
    rf"\s*(?:(?:{'|'.join((*AUXILIARIES, *MODALS))})(?:n[’']t)?|cannot|won[’']t)\b"
    r"(?<!May(?=\s+\d))", re.I)


@lru_cache(maxsize=1024)
def question_sentences(question: str) -> tuple[str, ...]:
    """A question's sentences, by sentencex (as the corpus is split): "Hi! When was
    the SCO founded? Thanks." gives three; "What did Mr. Smith say?", "the U.S.
    President" and "Wait... When was it?" are told apart as a reader would.

    Remembered: several rules read the same question.
    """
    return tuple(part.strip() for part in sentencex.segment("en", question) if part.strip())


def named_words(question: str) -> list[str]:
    """The words a question capitalises after the first word of each of its
    sentences: the names it asks about ("Who is the CEO of Tesla?" gives "CEO",
    "Tesla"; "China-made cars" gives "China"; "When was it founded? Please
    answer briefly." gives none).

    The first word is capitalised anyway; it counts only where it is plainly a
    name: an acronym, a country, or a capital or demonym, alone or with the next
    word ("New Delhi said what?" gives "New", "Delhi"), or a body's name of two
    words ("African Union"). A question in title or
    upper case ("Who Won The Cup?") capitalises everything; it gives nothing.

    A name ending a sentence comes without its full stop ("Tell me about the OCS.
    When did it meet?" gives "OCS"); one inside it keeps its dots ("U.S.", "K.").
    """
    return [name for sentence in question_sentences(question)
            for name in _named_in(sentence)]


def named_terms(question: str) -> set[str]:
    """The terms of the names a question asks about (``named_words``), as
    ``tokenize`` gives them: "Who is the CEO of Tesla?" gives "ceo" and "tesla"."""
    return {term for name in named_words(question) for term in tokenize(name)}


def _named_in(question: str) -> list[str]:
    """``named_words`` for one sentence."""
    found = _WORD.findall(question)
    if found:
        found[-1] = _without_full_stop(found[-1])
    first, *words = found or [""]
    capitalised = [w for w in words if w[:1].isupper()]
    # Title case capitalises most words, "The" and "In" among them; a short
    # question may well capitalise most of its words as names ("Who is Tesla's
    # CEO?"), and a name may begin with "The" ("The Guardian").
    if words and (len(capitalised) == len(words) or (
            len(capitalised) > 0.6 * len(words) and not _TITLE_CASED.isdisjoint(words))):
        return []
    if _names_something(first, words[0] if words else ""):
        capitalised.insert(0, first)
    if not capitalised:
        return []
    # In "China-made" or "US-backed" only the capitalised part is a name.
    return [part for w in capitalised for part in re.split(r"[-–]", w) if part[:1].isupper()]


def _without_full_stop(word: str) -> str:
    """The last word of a sentence without the full stop ending the sentence:
    "Europe" for "Europe."; a dotted acronym's last dot is its own ("U.S.")."""
    bare = word.rstrip(".")
    return word if "." in bare else bare


# Words only title case capitalises after a question's first word.
_TITLE_CASED = frozenset((
    "The", "A", "An", "Of", "In", "On", "At", "To", "For", "And", "Or", "With", "By", "From",
    "Is", "Are", "Was", "Were", "Did", "Does", "Do", "Has", "Have", "Will",
))


def _names_something(word: str, after: str) -> bool:
    """Whether a question's first word is a name whatever its position."""
    bare = word.rstrip(".")
    if len(bare) >= 2 and bare.isupper() and bare.isalpha():
        return True
    pair = f"{word} {after}"
    return (is_country(word) or bool(stands_for(word))
            or bool(after[:1].isupper() and (is_country(pair) or stands_for(pair)
                                             or written_body(pair))))


class Vocabulary:
    """The terms of a corpus, answering whether it ever mentions a term."""

    def __init__(self, terms: Iterable[str]) -> None:
        self._terms = frozenset(terms)
        self._sorted = sorted(self._terms)

    def __contains__(self, term: object) -> bool:
        """Whether the corpus has the term, a term sharing a 4+ character prefix
        with it in full ("kazakh" is in a corpus saying "kazakhstan"), or, for
        5+ characters, one a typo away ("tokaev" for "tokayev": one edit, two
        from 8 characters).
        """
        if not isinstance(term, str):
            return False
        if term in self._terms:
            return True
        if len(term) < 4:
            return False
        i = bisect_left(self._sorted, term)
        if i < len(self._sorted) and self._sorted[i].startswith(term):
            return True
        if any(term[:k] in self._terms for k in range(4, len(term))):
            return True
        if len(term) < 5:
            return False
        edits = 1 if len(term) < 8 else 2
        return process.extractOne(term, self._sorted, scorer=Levenshtein.distance,
                                  score_cutoff=edits) is not None

    def has(self, term: str) -> bool:
        """Whether the corpus has exactly ``term``: no prefix, no typo."""
        return term in self._terms

    def derived(self, term: str) -> frozenset[str]:
        """The corpus's other terms that are ``term`` plus a derivational suffix,
        or ``term`` less one: a word's derivations, which the stemmer keeps apart
        ("terror" and "terrorist", "member" and "membership", "victoria" and
        "victorian", "kazakh" and "kazakhstan").

        Both terms have ``DERIVED_MIN_CHARS`` characters or more (``DEMONYM_MIN_CHARS``
        for a demonym's suffix: "asia" and "asian"), and the extra letters are one
        of ``DERIVATIONAL_SUFFIXES``: a shared beginning alone would pair "state"
        with "statement" and "press" with "pressure".
        """
        if len(term) < DEMONYM_MIN_CHARS:
            return _NONE
        found = {term[:-len(suffix)] for suffix in DERIVATIONAL_SUFFIXES
                 if term.endswith(suffix) and len(term) - len(suffix) >= _shortest(suffix)}
        found |= {term + suffix for suffix in DERIVATIONAL_SUFFIXES
                  if len(term) >= _shortest(suffix)}
        if term in _COMPASS:
            found.add(_COMPASS[term])
        found &= self._terms
        found.discard(term)
        return frozenset(found)

    def related(self, term: str) -> frozenset[str]:
        """The terms that may stand in for ``term`` in a text: its derivations in
        the corpus and the words of its sense ("terror" gives "terrorist", "creat"
        gives "found").

        Args:
            term: A term, as ``tokenize`` gives it.

        Returns:
            ``derived(term)`` with ``same_sense(term)``; without ``term`` itself.
        """
        return self.derived(term) | same_sense(term)


def _shortest(suffix: str) -> int:
    """The fewest characters a term may have to pair with its form plus ``suffix``."""
    return DEMONYM_MIN_CHARS if suffix in DEMONYM_SUFFIXES else DERIVED_MIN_CHARS


def id_terms(doc_id: str) -> list[str]:
    """The terms of a document's id: ``Victoria_(Australia)#65`` gives victoria and
    australia, ``notes/rhine.md`` note and rhine."""
    if doc_id.lower().endswith(TEXT_SUFFIXES):
        doc_id = doc_id.rsplit(".", 1)[0]
    return [t for t in tokenize(re.sub(r"[\W_]+", " ", doc_id)) if not t.isdigit()]
