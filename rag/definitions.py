"""Definition questions: "What is the SCO?", "Who is Murat Nurtleu?".

Such a question gives its subject whole and asks what or who it is. A sentence
answers it by saying so: "The Shanghai Cooperation Organization has become a key
force ...", "the SCO represents a beacon of hope", "The SCO, as a growing
organization in Eurasia, ...", "Kazakh Foreign Minister Murat Nurtleu". Every
sentence naming the subject is about it; only these say what it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.coreference import ACRONYM, spelled_out
from rag.countries import is_country, is_demonym
from rag.lexical import TITLE_WORDS, tokenize

# The subject: capitalised words (initials, "SCO+" and inner "of" allowed), and
# nothing after it but the question mark. "What is the capital of France?" asks
# for a value, "What is Kazakhstan's GDP?" for a figure: neither is matched.
_WORD = r"[A-Z0-9](?:[\w.&+-]|[’'](?!s\b))*"
_DEFINITION_Q = re.compile(
    rf"^\s*(?P<wh>(?i:what|who))\s+(?i:is|are|was|were)\s+(?P<the>(?i:the)\s+)?"
    rf"(?P<subject>(?=[A-Z]){_WORD}(?:[^\S\n]+(?:(?:of|for|the)[^\S\n]+)*{_WORD})*)\s*[?.!]*\s*$"
)
# Adverbs that leave what the subject is said to be standing ("is primarily an
# advisory body"); "hardly", "allegedly" and "not" do not, and are not among them.
_HEDGES = (r"(?:primarily|mainly|mostly|largely|essentially|basically|now|currently|still|"
           r"already|also|officially|formally|generally|widely|often|usually|traditionally)")
# Verbs that say what the subject is, followed by what it is ("is a", "has become
# the"), perhaps after a bracket or a phrase between commas ("The Danube Delta, in
# Romania and Ukraine, is the best preserved river delta in Europe"). "The SCO was
# founded in 2001" says when, not what.
_COPULA = re.compile(
    r"(?:\s*\([^)]*\)|,[^,.;:!?]{1,60},)?,?\s+(?:is|are|was|were|has\s+become|have\s+become|"
    r"became|becomes|"
    rf"represents|remains|serves\s+as|acts\s+as|is\s+known\s+as)\s+(?:{_HEDGES}\s+)?"
    r"(?P<what>(?:a|an|the|one|not\s+only)\s[^.;:!?]*?)(?=\s*(?:[,.;:!?]|$|\s(?:that|which|who)\s))"
)
# "The SCO, as a growing organization in Eurasia, provides ...": an apposition.
_APPOSITION = re.compile(r",\s+(?:as\s+)?(?P<what>(?:a|an|the)\s[^,.;:!?()]{3,80}?),")
# Where the subject opens a clause: the sentence's start, or after a comma or
# colon ("In conclusion, the SCO represents ..."), an article allowed before it.
_CLAUSE_OPENING = re.compile(r"(?:^|[,;:(“\"]\s*|\b(?:although|though|while|because|"
                             r"whereas)\s+)(?:the\s+)?$", re.I)
# A title written before a person's name: "Kazakh Foreign Minister | Murat
# Nurtleu", "President of Kazakhstan K. | Tokayev" (the initial is his name's).
_TITLE_RUN = re.compile(r"(?:(?<=\s)|^)(?P<title>(?:[A-Z][\w’'-]*[^\S\n]+(?:of[^\S\n]+)?)+?)"
                        r"(?:[A-Z]\.[^\S\n]*)*$")


# A description written before the name: "the French physicist | Pierre Curie",
# "her elder sister | Bronisława", "the logistics group | Nordfracht".
_DESCRIBED = re.compile(r"\b(?P<what>(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)"
                        r"(?:[^\S\n]+[\w’'-]+){1,4})[^\S\n]+$")
# Words that end no description: "the draft | Astana Declaration", "the upcoming
# | SCO summit" say nothing of what it is.
_NOT_DESCRIBING = re.compile(r"(?:ed|ing|^draft|^new|^so-called|^same|^whole|^entire)$")


_PRONOUNS = frozenset(("he", "she", "it", "they", "we", "you", "i", "this", "that", "these",
                       "those"))


@dataclass(frozen=True, slots=True)
class Subject:
    """What a definition question asks about.

    Attributes:
        text: The subject as asked, without an article ("SCO", "Murat Nurtleu").
        person: Asked with "who": a person, whose title says who they are.
    """

    text: str
    person: bool


def asked_subject(question: str) -> Subject | None:
    """The subject ``question`` asks to have defined, or None.

    "Who is the President of Kazakhstan?" asks for a name, not a definition: a
    "who" question defines only a name that opens with no article and no title.
    """
    match = _DEFINITION_Q.match(question)
    if match is None:
        return None
    subject = match.group("subject").rstrip(".")
    if len(subject) < 2 or subject.lower() in _PRONOUNS:
        return None  # "Who is He?", "What is A?"
    person = match.group("wh").lower() == "who"
    if person and (match.group("the") or subject.split()[0].lower() in TITLE_WORDS
                   or ACRONYM.fullmatch(subject.split()[0])):
        return None
    return Subject(subject, person)


def definition(sentence: str, subject: Subject) -> tuple[int, int] | None:
    """The span of ``sentence`` that says what or who ``subject`` is, or None.

    The subject counts as written, spelled out if it is an acronym ("Shanghai
    Cooperation Organization" for "SCO") or as its acronym if it is spelled out.
    """
    for start, end in _mentions(sentence, subject.text):
        if subject.person:
            title = _TITLE_RUN.search(sentence, 0, start)
            words = list(re.finditer(r"\S+", title.group("title"))) if title else []
            first = next((i for i, w in enumerate(words) if w.group().lower() in TITLE_WORDS),
                         None)
            if title and first is not None:
                # From the first title word, and the place whose it is before it
                # ("Kazakh Foreign Minister"); not "As" or "Yesterday".
                if first and _of_place(words[first - 1].group()):
                    first -= 1
                return (title.start("title") + words[first].start(),
                        title.start("title") + words[-1].end())
        described = _DESCRIBED.search(sentence, 0, start)
        if described and _describes(described.group("what").split()[1:]):
            return described.span("what")
        if _CLAUSE_OPENING.search(sentence, 0, start):
            said = _COPULA.match(sentence, end) or _APPOSITION.match(sentence, end)
            if said:
                return said.span("what")
    return None


def _of_place(word: str) -> bool:
    """Whether ``word`` says whose a title is: a country, its demonym, or a word
    its name is made of ("Kazakh" of "Kazakhstan"). Not a capital: "In Astana
    President Tokayev said" gives "President"."""
    return (is_country(word) or is_demonym(word)
            or any(is_country(word + ending) for ending in ("stan", "istan")))


def _describes(words: list[str]) -> bool:
    """Whether the words before a name describe it: content words ending in a
    lower-case noun ("French physicist"), not "creation of the SCO" of "the
    creation of the SCO Energy Club" nor "draft" of "the draft Astana Declaration"."""
    return (words[-1][0].islower() and not _NOT_DESCRIBING.search(words[-1])
            and all(tokenize(w) for w in words))


def _mentions(sentence: str, subject: str) -> list[tuple[int, int]]:
    """Where ``sentence`` names ``subject``, in any of its forms, in order."""
    found = [m.span() for m in re.finditer(rf"(?<![\w’']){re.escape(subject)}(?![\w’'])",
                                           sentence)]
    words = subject.split()
    if len(words) >= 2 and words[-1].isalpha() and not words[-1].isupper():
        # "the club" of "the SCO Energy Club", "the commission" of "the Danube
        # Commission": its head noun, in lower case, after "the".
        found += [m.span(1) for m in re.finditer(rf"\b[Tt]he\s+({words[-1].lower()})\b",
                                                  sentence)]
    if ACRONYM.fullmatch(subject):
        found += spelled_out(subject, sentence)
    else:
        initials = "".join(w[0] for w in subject.split() if w[0].isupper())
        if len(initials) >= 2 and len(subject.split()) >= 2:
            found += [m.span() for m in re.finditer(rf"\b{initials}\b", sentence)]
    return sorted(found)
