"""Restoring the corpus's capitals to a question typed in lower case.

People type "what does sco stand for" or "who is murat nurtleu". The rules that
read names (acronyms, definitions, names the corpus never mentions) go by
capitals, so such a question is written the way the corpus writes its names
before they are read: "what does SCO stand for", "who is Murat Nurtleu". Only
names change: an acronym, a name the corpus writes on its own ("Kazakhstan"), a
run of words it writes as one name ("investment fund": "Investment Fund"), a
country's name or demonym ("france", "chinese"), a capital where it names a place
("in moscow") or a known body's acronym ("asean"), named in the corpus or not.
A word the corpus also writes in lower case stays as typed, and so does a word it
capitalises only inside a longer name: "what program will be adopted" asks about
no particular "Program".
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from rag.countries import (
    BODIES,
    PLACE_BEFORE,
    is_country,
    is_demonym,
    stands_for,
    written_body,
)
from rag.lexical import QUESTION_OPENERS, TITLE_WORDS, WH_WORDS, tokenize
from rag.spelling import is_english

# Words, an inner apostrophe kept ("o'connell") but not a possessive's:
# "kazakhstan's" is "kazakhstan" and "s".
_WORD = re.compile(r"[^\W\d_](?:[\w-]|[’'](?!s\b)(?=\w))*")
# Capitalised words in a row, "of" allowed inside: "Investment Fund", "Murat
# Nurtleu", "Cooperation Program to Counter Terrorism" stops at "to".
_RUN = re.compile(r"[A-Z](?:[\w-]|[’'](?!s\b)(?=\w))*(?:[^\S\n]+(?:of[^\S\n]+)?"
                  r"[A-Z](?:[\w-]|[’'](?!s\b)(?=\w))*)*")
# A country or body typed in capitals is kept so up to this length ("US", "NATO").
MAX_ACRONYM = 5
# Endings of demonyms that are no other English word: "chinese", "russian",
# "pakistani" (not "polish", "french", "dutch", "welsh").
_DEMONYM_ENDINGS = ("ese", "an", "i")
# The longest run of question words looked up as one name.
MAX_RUN_WORDS = 6


class Truecaser:
    """The casing of the names a corpus writes.

    Args:
        texts: The corpus's documents.
    """

    def __init__(self, texts: Iterable[str]) -> None:
        lower: set[str] = set()  # words the corpus writes in lower case
        acronyms: set[str] = set()  # and in capitals ("UN", "SCO")
        words_seen: set[str] = set()  # and every word, in lower case
        dotted: set[str] = set()  # acronyms it writes with dots, as letters ("LA")
        runs: dict[tuple[str, ...], tuple[str, ...] | None] = {}
        for text in texts:
            dotted.update(m.replace(".", "").upper() for m in _DOTTED.findall(text))
            for word in _WORD.findall(text):
                words_seen.add(_key(word))
                if word.islower():
                    lower.add(_key(word))
                elif word.isupper() and len(word) > 1:
                    acronyms.add(word)
            for run in _RUN.finditer(text):
                words = run.group().split()
                if _opens_sentence(text, run.start()) or words[0] in ("The", "A", "An"):
                    words = words[1:]  # any word is capitalised there; "The" is no name
                if not words:
                    continue
                for part in [*_parts(words), *_surname(words)]:
                    key = tuple(_key(w) for w in part)
                    # Written two ways ("Sco" and "SCO"): no one way to restore.
                    runs[key] = part if runs.get(key, part) == part else None
        self.lower = frozenset(lower)
        self.acronyms = frozenset(acronyms)
        self.words = frozenset(words_seen)
        self.dotted = frozenset(dotted)
        self.runs = {key: cased for key, cased in runs.items()
                     if cased is not None and (len(key) > 1 or _restorable(cased[0], lower))}

    def quieted(self, question: str) -> str:
        """A question typed in capitals throughout, in lower case but for the words
        that may be names as typed: the corpus's acronyms ("SCO"), countries and
        bodies ("US", "NATO"), and words the corpus never writes that English lacks
        ("IMF", "G20") or that stand for a country ("PARIS", "RUSSIAN"). ``__call__``
        then restores the corpus's names: "WHO IS MURAT NURTLEU?" reads "who is
        Murat Nurtleu?", "WHAT HAS THE US IMPOSED?" keeps "US". A question with
        lower-case letters is returned as it is.
        """
        if not question.isupper():
            return question
        return _WORD.sub(lambda m: m.group() if self._loud_name(m.group()) else m.group().lower(),
                         question)

    def _loud_name(self, word: str) -> bool:
        """Whether a word of a question in capitals may be a name as typed: an
        acronym ("SCO", "NATO", "US"), or a word the corpus never writes that
        English lacks ("G20") or that stands for a country or body ("PARIS",
        "RUSSIAN", "BRUSSELS"). Lower-cased, such a word is no name to the rules,
        and ``__call__`` restores only the corpus's names and countries' names.

        A country's name ("FRANCE") and a word the corpus writes ("ASTANA",
        "CHINESE" over a text saying "Chinese") go to lower case: ``__call__``
        restores them as the corpus or the country list writes them.
        """
        key = _key(word)
        if key in WH_WORDS:
            return False  # a question word: "WHO", not the World Health Organization
        if word in self.acronyms or (len(word) <= MAX_ACRONYM and (
                word in BODIES or is_country(word))):
            return True
        # Shouted, "RUSSIAN" still names Russia, which the rules then look for in
        # the corpus; lower-cased, "russian" would name nothing.
        return key not in self.words and (
            bool(stands_for(word)) or (not is_english(key) and len(key) > 1))

    def __call__(self, question: str) -> str:
        """``question`` with the corpus's names in lower case written as the corpus
        writes them; words typed with a capital stay as they are. An acronym typed
        with dots is written as the corpus writes it without ("U.N." as "UN")."""
        question = _DOTTED.sub(self._undotted, question)
        words = list(_WORD.finditer(question))
        out, at, i = [], 0, 0
        while i < len(words):
            for size in range(min(MAX_RUN_WORDS, len(words) - i), 0, -1):
                span = words[i : i + size]
                if not all(w.group().islower() for w in span) or not _adjacent(question, span):
                    continue
                cased = self.runs.get(tuple(_key(w.group()) for w in span)) or _country(
                    span, self.lower) or _body(span, self.words)
                if cased is None:
                    continue
                out.append(question[at : span[0].start()])
                out.append(_join(question, span, cased))
                at, i = span[-1].end(), i + size
                break
            else:
                i += 1
        out.append(question[at:])
        return _LOWER_INITIAL.sub(lambda m: m.group(1).upper() + ".", "".join(out))

    def _undotted(self, dotted: re.Match[str]) -> str:
        """"U.N." as "UN" where the corpus writes "UN" and never "un" ("a.m." stays
        where a text has "9 AM" and "am") nor "U.N." ("L.A." stays where a text has
        both "L.A." and "LA Galaxy"); as typed elsewhere. Its last dot stays where
        it also ends a sentence: "Tell me about the U.N. When was it founded?"."""
        letters = dotted.group().replace(".", "").upper()
        if letters not in self.acronyms and is_country(letters):
            # "u.s.": the rules know a country by its dotted initials in capitals.
            return dotted.group().upper()
        if (letters not in self.acronyms or letters.lower() in self.lower
                or letters in self.dotted):
            return dotted.group()
        ends = _SENTENCE_AFTER.match(dotted.string, dotted.end())
        return letters + "." if ends else letters


# Letters each followed by a dot: "U.N.", "e.u." (not "K." alone, an initial).
_DOTTED = re.compile(r"(?<![\w.])(?:[A-Za-z]\.){2,}(?!\w)")
# What after a dotted acronym shows that its dot also ends a sentence: the end, or
# a question opening with its capital.
_SENTENCE_AFTER = re.compile(
    rf"\s*$|\s+(?:{'|'.join(word.capitalize() for word in QUESTION_OPENERS)})\b")


def _country(span: list[re.Match[str]], lower: frozenset[str]) -> tuple[str, ...] | None:
    """A country's name, demonym or capital typed in lower case, title-cased
    ("france", "united states", "chinese", "in moscow"), whether or not the corpus
    names it: asked about a country it never names, the question should say so. No
    stop word ("us"), and no single word the corpus writes in lower case (a recipe's
    "turkey"; "new delhi" is read whole).

    A country's initials ("uk", "usa") are written in capitals; "us" only after
    "the" ("the us tariffs"), where it cannot be the pronoun."""
    if len(span) == 1 and is_country(initials := span[0].group().upper()) and (
            initials != "US" or _THE_BEFORE.search(span[0].string, 0, span[0].start())):
        return (initials,)
    words = tuple(w.group() if 0 < i < len(span) - 1 and w.group() in ("of", "and", "the")
                  else w.group().title() for i, w in enumerate(span))
    if not tokenize(words[0]) or not tokenize(words[-1]):
        return None  # "the united states": the article stays as typed
    # A name of several words is that name whatever the corpus writes of its words
    # in lower case: "the summit in new delhi" (a text saying "new fuels").
    if len(words) > 1 and (is_country(" ".join(words)) or (
            stands_for(" ".join(words))
            and PLACE_BEFORE.search(span[0].string, 0, span[0].start()))):
        return words
    if any(_key(w.group()) in lower for w in span):
        return None
    # A demonym too ("chinese"): "the chinese president" is China's. Not one that
    # is also an English word of its own ("polish", "french", "dutch").
    if is_country(" ".join(words)) or (
            len(words) == 1 and is_demonym(words[0]) and words[0].endswith(_DEMONYM_ENDINGS)):
        return words
    # A capital where it names a place ("the summit in moscow" is one in Russia):
    # elsewhere it may be an English word ("the male delegates", not the Maldives').
    if stands_for(" ".join(words)) and PLACE_BEFORE.search(span[0].string, 0, span[0].start()):
        return words
    return None


_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)


def _body(span: list[re.Match[str]], seen: frozenset[str]) -> tuple[str, ...] | None:
    """A known body's acronym typed in lower case, in capitals ("asean" as "ASEAN",
    "nato" as "NATO"), where the corpus never writes it (how it writes it decides
    otherwise, as for any name); not one that is an English word ("who"). A
    body's name written out, as the body writes it ("european union")."""
    if len(span) != 1:
        # "european union": a body's name written out is a name wherever it stands.
        written = written_body(" ".join(w.group() for w in span))
        return written if written is not None and len(written) == len(span) else None
    word = span[0].group()
    acronym = word.upper()
    if acronym not in BODIES or is_english(_key(word)) or _key(word) in seen:
        return None
    return (acronym,)


def _key(word: str) -> str:
    """How a word is looked up: lower case, one kind of apostrophe."""
    return word.lower().replace("’", "'")


def _parts(words: list[str]) -> list[tuple[str, ...]]:
    """A run of capitalised words, and the runs of two or more words within it
    that hold no title: "Kazakh Foreign Minister Murat Nurtleu" gives "Murat
    Nurtleu", not "Foreign Minister"."""
    found = [tuple(words)] if len(words) <= MAX_RUN_WORDS else []
    for i in range(len(words)):
        for j in range(i + 2, min(i + MAX_RUN_WORDS, len(words)) + 1):
            part = tuple(words[i:j])
            if len(part) < len(words) and not any(w.lower() in TITLE_WORDS for w in part) \
                    and part[0] != "of" and part[-1] != "of":
                found.append(part)
    return found


def _surname(words: list[str]) -> list[tuple[str, ...]]:
    """The surname of a person a run names after a title, alone, where English has
    no such word: "Nurtleu" of "Kazakh Foreign Minister Murat Nurtleu", for "did
    nurtleu attend". (Not any last word of a name: "Technoparks" of "SCO Pool of
    Technoparks" names nothing alone.)"""
    titled = [i for i, word in enumerate(words) if word.lower() in TITLE_WORDS]
    if not titled:
        return []
    name = words[titled[-1] + 1 :]
    if not 2 <= len(name) <= 3 or is_english(_key(name[-1])):
        return []
    return [(name[-1],)]


def _restorable(word: str, lower: set[str]) -> bool:
    """Whether a name written alone may be restored: never in lower case in the
    corpus, no title ("President" stays "president") and no month that is also a
    common word ("may", "march")."""
    key = _key(word)
    return key not in lower and key not in TITLE_WORDS and key not in _COMMON_MONTHS


_COMMON_MONTHS = frozenset(("may", "march", "august"))


def _adjacent(question: str, span: list[re.Match[str]]) -> bool:
    """Whether the words of ``span`` follow one another with only spaces between."""
    return all(question[a.end() : b.start()].isspace() for a, b in itertools.pairwise(span))


def _join(question: str, span: list[re.Match[str]], cased: tuple[str, ...]) -> str:
    """The question's text of ``span`` with each word replaced by its cased form."""
    parts = []
    for k, (word, form) in enumerate(zip(span, cased, strict=True)):
        parts.append(form)
        if k + 1 < len(span):
            parts.append(question[word.end() : span[k + 1].start()])
    return "".join(parts)


def _opens_sentence(text: str, at: int) -> bool:
    """Whether the word at ``at`` opens a sentence or a line, where any word is
    capitalised."""
    # Read backwards from ``at``, never copying what precedes it: a document of one
    # long line has as many capitalised runs as it has names.
    end = at
    while end > 0 and text[end - 1] in " \t“”\"‘’'(":
        end -= 1
    if _INITIAL_END.search(text, max(0, end - 4), end):
        return False  # "K. Tokayev": an initial, not a sentence, ends there
    return end == 0 or text[end - 1] in ".!?\n:"


_INITIAL_END = re.compile(r"(?:^|[\s(])[A-Z]\.$")
# An initial typed in lower case before a restored name: "k. Tokayev".
_LOWER_INITIAL = re.compile(r"\b([a-z])\.(?=\s+[A-Z])")
