"""Who said what: whether the text near an answer reports someone speaking of a topic.

"What did Tokayev say about the Red Sea?" presupposes that Tokayev spoke of it. A
sentence on the Red Sea that does not report him speaking, or his words on
something else ("Tokayev noted that 183 conflicts were registered"), do not
answer it: the text says nothing of what he said about the Red Sea.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from rag.countries import BODIES, is_country, is_demonym, stands_for
from rag.lexical import SAYING_VERBS, TITLE_WORDS, tokenize, without_possessive
from rag.questions import DOCUMENT_NOUNS, WRITER_NOUNS
from rag.spelling import is_english

# A person's verbs of saying, in a question and in the text alike (base,
# third-person and past forms, as ``SAYING_VERBS``).
_SPEAKING = (*SAYING_VERBS, ("stress", "stresses", "stressed"),
             ("emphasi[sz]e", "emphasi[sz]es", "emphasi[sz]ed"), ("warn", "warns", "warned"),
             ("announce", "announces", "announced"), ("declare", "declares", "declared"),
             ("talk", "talks", "talked"), ("speak", "speaks", "spoke"))
# "What did Tokayev say about the Red Sea?", "What has the minister noted on
# terrorism?": a speaker, a verb of saying and a topic. Told or reported to, the
# hearers come first: "What did Tokayev tell the security secretaries about
# conflicts?", "What did the secretaries report to Tokayev about ...?".
_VERBS = "|".join(f"{base}|{past}" for base, _, past in _SPEAKING)
_ABOUT = r"(?:about|on|of|regarding|concerning|in\s+regard\s+to)"
_SAID_ABOUT = re.compile(
    r"^\s*what\s+(?:did|does|do|has|have|had)\s+(?P<speaker>.+?)\s+"
    rf"(?:(?:{_VERBS}|claim|claimed|write|written|think|thought)\s+{_ABOUT}"
    rf"|(?:tell|told|report|reported)(?:\s+[\w’'-]+){{1,5}}?\s+{_ABOUT})\s+(?P<topic>.+?)"
    r"\s*[?.!]*\s*$",
    re.I)
# Or what a person said of it: "What did President Tokayev say (that) the
# negotiations would open?". Only a person's words are asked for so: "What does
# the SCO's growth say it is dedicated to?" asks what it shows.
# ("state" is left out: "What did Tokayev's state visit produce?", "the Secretary
# of State".)
# Told, the hearers and the occasion stand for the topic: "What did Tokayev tell
# the CIS security chiefs at the May 24 meeting?" presupposes he spoke there.
_CLAUSE_VERBS = "|".join((*(f"{base}|{past}" for base, _, past in _SPEAKING if base != "state"),
                          "tell|told"))
_SAID_THAT = re.compile(
    rf"^\s*what\s+(?:did|does|do|has|have|had)\s+(?P<speaker>.+?)\s+(?:{_CLAUSE_VERBS})"
    r"(?:\s+that)?\s+(?P<topic>.+?)\s*[?.!]*\s*$", re.I)
# Or whether someone said so: "Did BYD say it would raise its prices?" presupposes
# that BYD said something, which the text must report.
# An adverb may stand before the verb: "Did Tesla really announce price hikes?"
_SAID_WHETHER = re.compile(
    rf"^\s*(?:did|does|do|has|have|had)\s+(?P<speaker>.+?)\s+"
    rf"(?:(?:really|actually|ever|publicly|officially)\s+)?(?:{_CLAUSE_VERBS})"
    r"(?:\s+that)?\s+(?P<topic>.+?)\s*[?.!]*\s*$", re.I)
# Or what someone said at all: "What did the Secretary General say?" presupposes
# that the text reports them speaking, on whatever topic.
_SAID_BARE = re.compile(
    rf"^\s*what\s+(?:did|does|do|has|have|had)\s+(?P<speaker>.+?)\s+(?:{_VERBS}|tell|told)"
    r"\s*[?.!]*\s*$", re.I)
# A run of capitalised words, "of" inside: "the United States", "Secretary of State";
# or an acronym ("BYD").
_CAPITALISED = re.compile(
    r"\b(?:[A-Z][a-z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][a-z][\w’'-]*)*|[A-Z]{2,}\b)")
# How a text reports speech: a verb of saying, "according to", or a quotation
# opened after a colon or comma, or closed before one ("... ,” he added"). Quotation
# marks alone may only name something: Tokayev opened the “Astana Forum”. Of the
# base forms only "say" and "note" count ("went on to say"); a bare "state" is
# mostly a noun ("head of state").
_REPORTED = re.compile(
    rf"\b(?:{'|'.join(f'{third}|{past}' for _, third, past in _SPEAKING)}|say|note|"
    r"told|tells|declared|declares|added|adds|remarked|explained|believes|believed|spoke|"
    r"speaks|spoken|according\s+to|called\s+for|calls\s+for)\b|[:,]\s*[“\"]|[,.!?]\s*[”\"]",
    re.I)
# What a course of events "says" is what it shows, no one's words: "What does the
# way the SCO has evolved say about its commitment?", "What does its growth say
# about ...?".
_NO_SPEAKER = re.compile(
    r"\s*(?:the\s+|its\s+|their\s+)?(?:[\w’'-]+[’']s?\s+)?(?:way|fact|manner|evolution|development|"
    r"growth|expansion|rise|history|record|trajectory|success|failure)"
    r"(?:\s+(?:of|the|it|its|in|over|since|so|that|this|these)\b|\s*$)", re.I)
# A question asking what the text itself says of something names no speaker:
# "What does the writer say about terrorism?" (``questions.plain_question`` already
# cuts "the writer say" out of the question the engine reads; this guard is for a
# caller passing the question as typed).
_THE_TEXT = frozenset(tokenize(" ".join(("report", *DOCUMENT_NOUNS, *WRITER_NOUNS))))


def speech_asked(question: str, proper_nouns: AbstractSet[str] = frozenset()
                 ) -> tuple[frozenset[str], frozenset[str]] | None:
    """What a "What did X say about Y?" question asks about, or a "What did X say
    (that) Y ...?" or "Did X say (that) Y ...?" one where X names a person or a
    company (``_names_a_person``).

    Args:
        question: The question, as the engine reads it.
        proper_nouns: Words the corpus writes only capitalised (lower case): a
            speaker typed in lower case that is one ("did tesla say ...") is a name.

    Returns:
        The speaker's and the topic's terms (none for "What did X say?", asked
        of no topic), or None if the question asks no such thing, or asks what the
        text itself says.
    """
    if (bare := _SAID_BARE.match(question)) is not None:
        # A writing "says" by its text ("What does the SCO Charter say?").
        speaker = frozenset(tokenize(bare["speaker"]))
        # Its last word before any relative clause: "the energy strategy that
        # Kazakhstan proposed" is a writing.
        head = _RELATIVE.split(bare["speaker"])[0].split()
        writing = bool(head) and not _WRITINGS.isdisjoint(tokenize(head[-1]))
        return ((speaker, frozenset()) if speaker and not speaker <= _THE_TEXT and not writing
                else None)
    match = _SAID_ABOUT.match(question)
    if match is None:
        match = _SAID_THAT.match(question) or _SAID_WHETHER.match(question)
        if match is None or not (_names_a_person(match["speaker"]) or _names_a_person(
                " ".join(word.capitalize() if _typed_name(word, proper_nouns) else word
                         for word in match["speaker"].split()))):
            return None
    speaker, topic = frozenset(tokenize(match["speaker"])), frozenset(tokenize(match["topic"]))
    if not speaker or not topic or speaker <= _THE_TEXT or _NO_SPEAKER.match(match["speaker"]):
        return None
    return speaker, topic


def reports_speech(texts: Sequence[str], terms: Sequence[AbstractSet[str]],
                   speaker: AbstractSet[str], topic: AbstractSet[str]) -> bool:
    """Whether one of ``texts`` reports ``speaker`` speaking and it or the text
    after it (a quotation often runs on) holds a word of ``topic``.

    Args:
        texts: Sentences in document order, the answer's with its neighbours.
        terms: Each sentence's terms, with the names it refers to ("the President
            of Kazakhstan" holds Tokayev's).
        speaker: The speaker's terms, from ``speech_asked``.
        topic: The topic's terms, from ``speech_asked``; with none, any topic.

    Returns:
        True if some sentence reports the speaker speaking of the topic.
    """
    for i, text in enumerate(texts):
        if not (speaker <= terms[i] and _REPORTED.search(text)) or _heard_only(text, speaker):
            continue
        said = set(terms[i]) | (set(terms[i + 1]) if i + 1 < len(terms) else set())
        if topic & said or not topic:
            return True
    return False


# Those spoken to: "Tokayev, at a meeting with the security secretaries of the SCO
# states, noted ..." has the secretaries hear, not speak. (Not a bare "with":
# "Tokayev met with Xi, who said ..." may have Xi speak.)
_AUDIENCE = re.compile(r"\b(?:(?:meeting|meetings|talks|met|meets|meet)\s+with|told|tells|"
                       r"address(?:ed|ing))\s+[^,;:.“\"]+", re.I)


def _heard_only(text: str, speaker: AbstractSet[str]) -> bool:
    """Whether ``text`` names ``speaker`` (terms) only among those spoken to
    (``_AUDIENCE``): asked "What did the security secretaries tell President
    Tokayev?", "Tokayev, at a meeting with the security secretaries, noted ..."
    reports Tokayev speaking to them."""
    heard = {term for match in _AUDIENCE.finditer(text) for term in tokenize(match.group())}
    return speaker <= heard and not speaker <= set(tokenize(_AUDIENCE.sub(" ", text)))


# Names of what is written or planned, which "say" or "stress" by their text ("Does
# the Energy Strategy emphasize sustainable development?"): no one is reported
# speaking.
_WRITINGS = frozenset(tokenize(
    "strategy declaration program programme charter report plan agreement treaty law act "
    "convention resolution statement document concept initiative roadmap"))


# Shorter words that are no English word are mostly chat ("prez", "govt"); so is a
# longer one beginning with a name of the corpus ("kazakhstans"), of this many
# letters at least (not the initial "K.").
_NAME_MIN_CHARS = 5
_NAME_PREFIX_MIN_CHARS = 4


def _typed_name(word: str, proper_nouns: AbstractSet[str]) -> bool:
    """Whether ``word``, typed in lower case, is a name: one the corpus writes only
    capitalised ("tesla"), or a longer word that is no English word nor a form of
    the corpus's names ("jinping"; not "kazakhstans" nor "prez"); not a title."""
    if word in TITLE_WORDS:
        return False
    return word in proper_nouns or (
        word.isalpha() and len(word) >= _NAME_MIN_CHARS and not is_english(word)
        and not any(word.startswith(name) for name in proper_nouns
                    if len(name) >= _NAME_PREFIX_MIN_CHARS))


# A relative clause after a speaker's head noun: "the strategy that Kazakhstan
# proposed".
_RELATIVE = re.compile(r"\s+(?:that|which|who|whom)\s+", re.I)


def _names_a_person(speaker: str) -> bool:
    """Whether ``speaker`` holds a capitalised name or an acronym that is no
    country, people, capital, seat of power, body acting as a country does, nor a
    writing or plan: "President Tokayev", "the UN Secretary General", "BYD", not
    "Kazakhstan's top diplomat", "the United States", "the Kremlin", "the EU",
    "the SCO's growth" nor "the Energy Strategy"."""
    return any(not (is_country(name) or is_demonym(name) or stands_for(name)
                    or name in BODIES or not _WRITINGS.isdisjoint(tokenize(name.split()[-1])))
               for name in (without_possessive(run) for run in _CAPITALISED.findall(speaker)))
