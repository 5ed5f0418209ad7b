"""Which body a sentence means by "the organization" or "the bloc".

News names an organisation once ("the Shanghai Cooperation Organization") and
then writes "the SCO" or "the organization": "Founded in 2001, the organization
has grown ... to nine member states" answers "How many member states does the
SCO have?" without saying "SCO". A full coreference resolver needs a parser
model; this rule only links such generic references to the body the document
has named most often so far, which is what they mean in the single-topic
documents we quote from.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from rag.countries import country_key, country_names, is_country, other_names
from rag.lexical import TITLE_WORDS, tokenize, without_possessive
from rag.schema import Sentence
from rag.sentences import one_paragraph

# A reference that names no body but stands for one. "The group" is left out ("a
# group of experts" is no body), and so is "the organization of the summit".
GENERIC_BODY_NOUNS = ("organization", "organisation", "bloc", "alliance", "grouping")
_ADJECTIVAL = re.compile(r"(?:an|ese|ic|ish|al|ern|ive|ary|ed)$")
_KIND_WORDS = frozenset(("north", "south", "east", "west", "central", "united", "new", "great",
                         "world", "global", "joint", "common", "free"))
_BODY_NOUN_TERMS = frozenset(tokenize(" ".join((*GENERIC_BODY_NOUNS, "group")))) - {""}
_GENERIC = re.compile(rf"\bthe\s+(?:{'|'.join(GENERIC_BODY_NOUNS)})\b(?!\s+of\b)", re.I)
_BODY_WORD = r"(?:Organi[sz]ation|Alliance|Union|Bloc)"
# A body's full name: capitalised words ending in a word that makes it one
# ("Shanghai Cooperation Organization", "North Atlantic Treaty Organization").
_NAME = re.compile(rf"\b(?:[A-Z][\w’'-]*\s+(?:(?:of|for|and)\s+)?){{1,5}}{_BODY_WORD}\b")
# An acronym given in brackets after a name: "... Organization (NATO)".
_BRACKETED = re.compile(r"\(([A-Z]{2,6})\)")
_NAME_BRACKETED = re.compile(rf"({_NAME.pattern})\s*\(([A-Z]{{2,6}})\)")
# A regnal number ("Charles III", "Henry VIII") is written in capitals and is no
# acronym: what a pattern for one puts before its letters.
NOT_REGNAL = r"(?!(?:X{0,3}(?:IX|IV|VI{0,3}|I{1,3})|X{1,3})\b)"
# An acronym as written (lower-cased, "US" would be the pronoun "us").
_CAPITALS = rf"\b{NOT_REGNAL}[A-Z]{{2,6}}"
ACRONYM = re.compile(rf"{_CAPITALS}\b")
# ... and one in the plural, as a question may write it ("EVs").
_ACRONYM_PLURAL = re.compile(rf"{_CAPITALS}s?\b")
_OPENING = re.compile(r"^(?:The|A|An|This|That|Its|Our)\s+")
# A run of capitalised words within a line, as an acronym would abbreviate it.
_RUN = re.compile(r"[A-Z][\w’'-]+(?:[^\S\n]+[A-Z][\w’'-]+)+")
# The last words of a body's name, which a question may write out where the
# corpus only writes its initials ("United Nations" for "UN").
_INSTITUTION_TERMS = frozenset(tokenize(
    "nations union organization organisation bank fund council forum committee commission "
    "agency association community alliance league party court assembly programme program "
    "centre center office institute federation bureau service authority cooperation"))
# Phrases remembered as written or not (``WrittenPhrases``).
MAX_REMEMBERED = 10_000
# Longer runs are lists of names, tables or headings, not one name.
MAX_RUN_WORDS = 6


def name_runs(text: str) -> list[list[str]]:
    """The runs of two to ``MAX_RUN_WORDS`` capitalised words in ``text``, as words;
    none with a word in capitals ("MP Alec Shelbrooke", a line of ALL-CAPS text)."""
    runs = []
    for run in _RUN.finditer(text):
        words = run.group().split()
        if len(words) <= MAX_RUN_WORDS and not any(w.isupper() for w in words):
            runs.append(words)
    return runs


# "What does SCO stand for?", "What is the full name of the SCO?": the acronym asked
# to be spelled out. Two capitals at least, so that "What does Paris stand for?" is
# left to the other rules.
_ACRONYM_ASKED = re.compile(
    r"\bwhat\s+(?:does|do|did)\s+(?:the\s+)?(?:(?:abbreviation|acronym|initials|letters)\s+)?"
    r"[\"'“‘]?(?P<a>[A-Za-z][A-Za-z&]*[A-Za-z])[\"'”’]?\s+(?:(?:even|actually|really|exactly)\s+)?"
    r"(?:stands?\s+for\b|mean(?=[\s?.!]*$))"
    r"|\bwhat\s+(?:is|was)\s+(?:the\s+)?[\"'“‘]?(?P<b>[A-Z][A-Za-z&]*[A-Z])[\"'”’]?\s+"
    r"(?:short\s+for|an?\s+(?:abbreviation|acronym)\s+(?:of|for))\b"
    r"|\b(?:full|long)\s+(?:name|form|title)\s+of\s+(?:the\s+)?[\"'“‘]?(?P<c>[A-Z][A-Za-z&]*[A-Z])\b",
    re.I)
# The question's own words for asking it: they say nothing of the answer.
ASKING_WORDS = frozenset(tokenize("stand stands short abbreviation acronym initials letters "
                                  "full long name form title mean"))
# Small words an acronym skips: "Ministry of Foreign Affairs" is MFA.
_JOINERS = frozenset({"of", "and", "for", "the", "on", "in", "to", "&", "de", "du", "des", "la"})
_WORD = re.compile(r"[^\W\d_][\w’']*|&")


def asked_acronym(question: str) -> str | None:
    """The acronym ``question`` asks to have spelled out, or None."""
    match = _ACRONYM_ASKED.search(question)
    if match is None:
        return None
    acronym = match.group("a") or match.group("b") or match.group("c")
    # Case-insensitive for the question's words, not for the acronym: "What does
    # it mean" has no capitals to spell out. Only "stand for" asks for an acronym
    # typed in lower case ("what does nato stand for"), and not for a stop word.
    if sum(c.isupper() for c in acronym) >= 2:
        return acronym
    # "What do the stars stand for?" asks about stars: only a bare word counts.
    lowered = (match.group("a") == acronym and acronym.islower() and len(acronym) <= 6
               and re.search(r"stands?\s+for", match.group(0), re.I) and tokenize(acronym)
               and not re.search(r"\b(?:the|a|an|this|that|these|those|its|their|his|her|our|"
                                 r"your|my)\s+" + re.escape(acronym) + r"\b",
                                 match.group(0), re.I))
    return acronym.upper() if lowered else None


def spelled_out(acronym: str, text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that spell ``acronym`` out.

    Either capitalised words whose initials are its letters, small words allowed
    between them ("Shanghai Cooperation Organization" for SCO, "Ministry of
    Foreign Affairs" for MFA), or words of any case right before the acronym in
    brackets ("Central business districts (CBD)").

    Args:
        acronym: The letters, as asked ("SCO").
        text: A sentence or document.

    Returns:
        ``(start, end)`` spans, in order; none overlap.
    """
    letters = [c.upper() for c in acronym if c.isalpha()]
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    in_brackets = re.search(rf"\(\s*{re.escape(acronym)}\s*\)", text) is not None
    found: list[tuple[int, int]] = []
    for i, (start, _, word) in enumerate(words):
        if found and start < found[-1][1]:
            continue
        bracketed = in_brackets and _bracketed_after(text, words, i, acronym)
        if not bracketed and not word[:1].isupper():
            continue
        end = _spelling_end(text, words, i, letters, any_case=bracketed)
        if end is not None:
            found.append((start, end))
    return found


def _bracketed_after(text: str, words: list[tuple[int, int, str]], i: int, acronym: str) -> bool:
    """Whether the words from ``words[i]`` run up to ``acronym`` in brackets."""
    rest = text[words[i][0]:]
    match = re.match(rf"(?:[^\W\d_][\w’'-]*[^\S\n]+){{1,8}}\(\s*{re.escape(acronym)}\s*\)",
                     rest)
    return match is not None


def _spelling_end(text: str, words: list[tuple[int, int, str]], i: int, letters: list[str],
                  *, any_case: bool) -> int | None:
    """Where the spelling of ``letters`` starting at ``words[i]`` ends, or None."""
    k, j, end = 0, i, None
    while j < len(words) and k < len(letters):
        if j > i and not re.fullmatch(r"[^\S\n]+|-", text[words[j - 1][1] : words[j][0]]):
            return None  # a comma or a line break ends a name
        word = words[j][2]
        if word[0].upper() == letters[k] and (any_case or word[0].isupper()):
            k, end = k + 1, words[j][1]
        elif not (k and word.lower() in _JOINERS):
            return None
        j += 1
    if k < len(letters):
        return None
    if any_case and not re.match(r"[^\S\n]*\(", text[end:]):
        return None  # lower-case words spell it only right before it in brackets
    return end


# An acronym of plain words ("EV" of "electric vehicles") has this many letters; a
# longer one is a body's name, written in capitals.
PLAIN_ACRONYM_LETTERS = (2, 3)
# ... and its words are a term the corpus uses this often: words met once are
# mostly words that met by chance.
PLAIN_TERM_USES = 2


def plain_spelling(acronym: str, texts: Iterable[str]) -> tuple[str, ...] | None:
    """The terms of the plural run of lower-case words ``acronym`` abbreviates in
    ``texts`` ("EV": "electric vehicles", as a question's "EVs"): its letters as
    initials, no stop word, the last word ending in "s", used ``PLAIN_TERM_USES``
    times or more, and the only such run; else None.

    Looked for when a question uses an acronym the corpus never writes, so that
    indexing pays nothing for it; it reads every text once.
    """
    if len(acronym) not in PLAIN_ACRONYM_LETTERS or not acronym.isalpha():
        return None
    pattern = re.compile(r"(?<![\w’'-])"
                         + r"[^\S\n]+".join(f"{letter.lower()}[a-z]*" for letter in acronym)
                         + r"(?<=s)(?![\w’'-])")
    uses: Counter[tuple[str, ...]] = Counter()
    for text in texts:
        for match in pattern.finditer(text):
            terms = tuple(tokenize(match.group()))
            if len(terms) == len(acronym):  # no stop word among them
                uses[terms] += 1
    terms_used = [terms for terms, count in uses.items() if count >= PLAIN_TERM_USES]
    return terms_used[0] if len(terms_used) == 1 else None


def _spellings(words: list[str]) -> list[list[str]]:
    """What an acronym may spell out of a run: the whole run, and a title opening
    it ("Chief Executive Officer" of "Chief Executive Officer Jane Porter"), three
    words or more."""
    found = [words] if len(words) >= 3 else []
    title = 0
    while title < len(words) and words[title].lower() in TITLE_WORDS:
        title += 1
    if 3 <= title < len(words):
        found.append(words[:title])
    return found


def _names(text: str) -> list[str]:
    """The body names in ``text``, without a leading article."""
    found = []
    for match in _NAME.finditer(text):
        name = _OPENING.sub("", match.group())
        if " " in name:  # "The Organization shall ..." names no particular body
            found.append(name)
    return found


def _acronyms(text: str) -> set[str]:
    """Acronyms that ``text`` defines: given in brackets, or the initials of a
    body name it gives ("SCO" for "Shanghai Cooperation Organization").

    Other capitals ("COVID", "CEO", "US") are not bodies a generic reference means.
    """
    defined = set(_BRACKETED.findall(text))
    for name in _names(text):
        defined.add("".join(word[0] for word in name.split() if word[0].isupper()))
    return defined


def antecedents(sentences: Sequence[Sentence]) -> list[str | None]:
    """For each sentence, the body its generic reference stands for, or None.

    The body is the one its document has named most often up to the end of
    the sentence, by full name or by an acronym the document defines (the
    latest named, among equals). A sentence with no generic reference, or one
    in a document that has named no body yet, gets None.

    Args:
        sentences: Sentences in document order within each document.
    """
    texts: dict[str, list[str]] = {}
    for sentence in sentences:
        texts.setdefault(sentence.doc_id, []).append(sentence.text)
    defined = {doc_id: _acronyms(" ".join(parts)) for doc_id, parts in texts.items()}
    counts: dict[str, Counter[str]] = {doc_id: Counter() for doc_id in texts}
    latest: dict[tuple[str, str], int] = {}  # (document, name) -> position of its latest mention
    result: list[str | None] = []
    for position, sentence in enumerate(sentences):
        seen = counts[sentence.doc_id]
        mentions = _names(sentence.text)
        mentions += [a for a in ACRONYM.findall(sentence.text) if a in defined[sentence.doc_id]]
        for name in mentions:
            seen[name] += 1
            latest[sentence.doc_id, name] = position
        if seen and _GENERIC.search(sentence.text):
            result.append(max(seen, key=lambda name: (seen[name], latest[sentence.doc_id, name])))
        else:
            result.append(None)
    return result


# A person introduced by a title that says whose it is: "President of Kazakhstan
# K. Tokayev", "Kazakh Foreign Minister Murat Nurtleu". A bare title ("President
# Biden") names nobody in particular once the name is gone, so it is left out.
_TITLE = (r"(?:President|Vice[- ]President|Prime\s+Minister|(?:Foreign\s+|Defen[cs]e\s+)?"
          r"Minister|Secretary[- ]General|Secretary|Chairman|Chairwoman|Ambassador|King|"
          r"Queen|Governor|Mayor|Chancellor|Director(?:[- ]General)?|Spokes(?:man|woman|person))")
_CAPITALISED = r"[A-Z][\w’'-]+"
_TITLED = re.compile(
    # "Prime", "Vice", "Foreign" begin a title; they say nothing of whose it is.
    rf"\b(?:(?!(?:Prime|Vice|Foreign|Defen[cs]e)\b)(?P<whose>{_CAPITALISED})\s+)?"
    rf"(?P<title>{_TITLE})"
    r"(?:(?P<of>\s+of\s+(?:the\s+)?)|\s+)"
    rf"(?P<run>(?:[A-Z]\.\s*)*{_CAPITALISED}(?:\s+(?:[A-Z]\.\s*)*{_CAPITALISED})*)"
)
_INITIAL = re.compile(r"[A-Z]\.")
_NESTED_OF = re.compile(r"\s+of\b")


def _in_heading(text: str, at: int) -> bool:
    """Whether ``at`` lies in a title-case heading: a line of four words or more,
    nearly all capitalised, not ending a sentence."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : end if end >= 0 else len(text)].strip()
    words = line.split()
    return (len(words) >= 4 and not line.endswith((".", "!", "?", "”", '"'))
            and sum(w[:1].isupper() for w in words) >= 0.8 * len(words))


def titled_names(text: str) -> dict[tuple[str, ...], tuple[str, ...]]:
    """The people ``text`` introduces by a title that says whose it is.

    After "of", the name is the run of capitalised words from its first initial,
    else its last two words (its last one in a run of two): "President of the
    United States Joe Biden". A title given to two different names in the text
    (two presidents of one country) stands for neither and is left out, and so
    are bare titles ("President Biden": whose?) and title-case headings.

    Args:
        text: One document's text.

    Returns:
        The title's terms -> the name's terms: ``("presid", "kazakhstan") ->
        ("tokayev",)`` for "President of Kazakhstan K. Tokayev".
    """
    found: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for match in _TITLED.finditer(text):
        whose, of, words = match.group("whose"), match.group("of"), match.group("run").split()
        if whose is not None and not tokenize(whose):  # "The", "But": no one's
            whose = None
        if (whose is None) == (of is None):  # a bare title, or one too long to trust
            continue
        # "Minister of Foreign Affairs of Kazakhstan ...": too long to split safely;
        # "Kazakh President Visits China": a heading, not a name.
        if _NESTED_OF.match(text, match.end()) or _in_heading(text, match.start()):
            continue
        first = None
        if of is not None:
            first = next((i for i, w in enumerate(words) if _INITIAL.fullmatch(w)), None)
            if first is None:
                first = max(1, len(words) - 2)
        owner, name = words[:first or 0], words[first or 0:]
        if (of is not None and not owner) or not name or len(name) > 4:
            continue
        # "Secretary General and ...", "Director of the Regional SCO structures":
        # a title's second word or a body, not a person.
        if name[0] == "General" or any(w.isupper() and not _INITIAL.fullmatch(w)
                                       for w in name):
            continue
        title = tuple(tokenize(" ".join([whose or "", match.group("title"), *owner])))
        terms = tuple(tokenize(" ".join(w for w in name if not _INITIAL.fullmatch(w))))
        if title and terms:
            found.setdefault(title, set()).add(terms)
    return {title: next(iter(names)) for title, names in found.items() if len(names) == 1}


def with_titled_names(terms: Sequence[str], titles: dict[tuple[str, ...], tuple[str, ...]]
                      ) -> list[str]:
    """A sentence's terms plus the name of each person it calls by title
    ("the President of Kazakhstan met ..." also mentions Tokayev).

    Args:
        terms: The sentence's terms (``tokenize``).
        titles: Its document's ``titled_names``.

    Returns:
        ``terms`` followed by the name terms it lacks.
    """
    extra = [t for title, name in titles.items() if _holds(terms, title)
             for t in name if t not in terms]
    return [*terms, *extra]


# A name said to be something at a sentence's start: "The Danube is the
# second-longest river in Europe", "Fresno is a city in California". The noun
# ends where a preposition, a relative word or punctuation begins.
_DESCRIBED = re.compile(
    r"(?:^|(?<=[.!?]\s))(?:The\s+)?(?P<name>[A-Z][\w’'-]*(?:[^\S\n]+[A-Z][\w’'-]*){0,3})"
    r"(?:\s*\([^()\n]*\))?\s+(?:is|was)\s+(?:a|an|the|one\s+of\s+the)\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?P<noun>[a-z]+)(?=\s+(?:in|of|on|at|that|which|who|from|with|for|and|near|by)\b|[,.;:])",
    re.M,
)


def described_names(text: str) -> dict[str, tuple[str, ...]]:
    """The names ``text`` says are a kind of thing, by that noun.

    A later "the river" stands for the Danube in a text saying "The Danube is the
    second-longest river in Europe". A noun said of two names (two rivers) stands
    for neither.

    Args:
        text: One document's text.

    Returns:
        The noun, lower-cased -> the name's terms: ``"river" -> ("danub",)``.
    """
    found: dict[str, set[tuple[str, ...]]] = {}
    for match in _DESCRIBED.finditer(text):
        name = tuple(tokenize(match.group("name")))
        if name and tokenize(match.group("noun")):
            found.setdefault(match.group("noun").lower(), set()).add(name)
    return {noun: next(iter(names)) for noun, names in found.items() if len(names) == 1}


def with_described_names(sentence: str, terms: Sequence[str],
                         described: dict[str, tuple[str, ...]]) -> list[str]:
    """A sentence's terms plus the name of each thing it calls "the <noun>" of
    ``described_names`` ("The river is 2,850 kilometres long" mentions the Danube;
    "the physicist Henri Becquerel" names someone else)."""
    if not described:
        return list(terms)
    extra = [t for noun in dict.fromkeys(_THE_NOUN.findall(sentence)) if noun in described
             for t in described[noun] if t not in terms]
    return [*terms, *extra]


# "the river", not "the river of kings" nor "the river Thames".
_THE_NOUN = re.compile(r"\b[Tt]he\s+([a-z]+)\b(?!\s+of\b|\s+[A-Z])")


# A sentence opening with a pronoun goes on about the subject of the one before:
# "The Danube Commission, founded in 1948, oversees navigation. Its working
# language is German."
_PRONOUN_OPENING = re.compile(r"(?:It|Its|He|His|She|Her|They|Their)\b")
# The name a sentence opens with: its subject, if it has one.
_SUBJECT = re.compile(r"(?:The\s+)?(?P<name>[A-Z][\w’'-]*(?:(?<=\b[A-Z])\.)?(?:[^\S\n]+"
                      r"(?:of[^\S\n]+)?[A-Z][\w’'-]*(?:(?<=\b[A-Z])\.)?){0,5})")
# "He", "She": a person, whom the next paragraph may go on about, if named with an
# initial ("K. Tokayev"; a run of capitals alone may be a body or a place).
_PERSONAL_OPENING = re.compile(r"(?:He|His|She|Her)\b")
_INITIALLED = re.compile(r"\b[A-Z]\.\s*[A-Z]")


def pronoun_subjects(sentences: Sequence[Sentence], texts: Mapping[str, str]
                     ) -> list[tuple[str, ...]]:
    """For each sentence opening with a pronoun, the terms of the name the sentence
    before it opens with (or stands for, in turn); else ().

    "Its working language is German" right after "The Danube Commission ...
    oversees navigation" means the Commission. Across paragraphs "It" may mean
    anything and "She" anyone, except a person named with an initial: a paragraph
    opening "He emphasizes ..." after one ending on "President of Kazakhstan K.
    Tokayev, ..." goes on about him.

    Args:
        sentences: Sentences in document order within each document.
        texts: Each document's text, by id.
    """
    result: list[tuple[str, ...]] = []
    for i, sentence in enumerate(sentences):
        subject: tuple[str, ...] = ()
        before = sentences[i - 1] if i else None
        if (before is not None and before.doc_id == sentence.doc_id
                and _PRONOUN_OPENING.match(sentence.text)):
            opening = _SUBJECT.match(before.text)
            named = opening.group("name") if opening else ""
            across = not one_paragraph(texts[sentence.doc_id], before, sentence)
            if across and not (_PERSONAL_OPENING.match(sentence.text) and (
                    _INITIALLED.search(named)
                    or (_PERSONAL_OPENING.fullmatch(named) and result[-1]))):
                pass  # a new paragraph, about whatever it names
            elif named and not _PRONOUN_OPENING.fullmatch(named) and tokenize(named):
                # One word opening a sentence is a name only if the document also
                # capitalises it elsewhere: not "Despite", "However", "Founded".
                if " " in named or re.search(rf"[\w,;]\s+{re.escape(named)}\b",
                                             texts[sentence.doc_id]):
                    subject = tuple(tokenize(named))
            else:
                subject = result[-1]
        result.append(subject)
    return result


def named_before(sentences: Sequence[Sentence],
                 subjects: Sequence[tuple[str, ...]]) -> dict[int, Sentence]:
    """For each sentence opening with "He" or "She" (or "His", "Her") that goes on
    about the person the sentence right before it opens with (``pronoun_subjects``:
    in its paragraph, or a person named with an initial ending the paragraph
    before), that sentence, by the id of the one after it.

    "President of Kazakhstan K. Tokayev ... noted that ... He emphasized that the
    threat of terrorism is intensifying": asked who warned of terrorism, the name
    is in the sentence before.

    Args:
        sentences: Sentences in document order within each document.
        subjects: ``pronoun_subjects`` of ``sentences``.
    """
    found: dict[int, Sentence] = {}
    for i in range(1, len(sentences)):
        sentence, before = sentences[i], sentences[i - 1]
        # The name is in the sentence before, not carried on from further back.
        if (subjects[i] and _PERSONAL_OPENING.match(sentence.text)
                and not _PRONOUN_OPENING.match(before.text)
                and before.doc_id == sentence.doc_id):
            found[sentence.sentence_id] = before
    return found


def _replace_runs(terms: Sequence[str], run: tuple[str, ...], by: Sequence[str]) -> list[str]:
    """``terms`` with each run equal to ``run``, left to right, replaced by ``by``."""
    out: list[str] = []
    i = 0
    while i < len(terms):
        if tuple(terms[i : i + len(run)]) == run:
            out += by
            i += len(run)
        else:
            out.append(terms[i])
            i += 1
    return out


class WrittenPhrases:
    """Whether some text holds a phrase as written, as whole words.

    Remembered per phrase (at most ``MAX_REMEMBERED``, so that a server's stream
    of questions stays bounded): a scan of the texts is cheap once, not per
    request. Safe to share between threads.

    Args:
        texts: The documents' texts.
    """

    def __init__(self, texts: Iterable[str]) -> None:
        self._texts = list(texts)
        self._found: dict[str, bool] = {}
        self._lock = threading.Lock()

    def __call__(self, phrase: str) -> bool:
        with self._lock:
            found = self._found.get(phrase)
        if found is None:
            pattern = re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)")
            found = any(pattern.search(text) for text in self._texts)
            with self._lock:
                if len(self._found) >= MAX_REMEMBERED:
                    self._found.clear()
                self._found[phrase] = found
        return found


class Abbreviations:
    """Body names the corpus also writes as an acronym ("Shanghai Cooperation
    Organization" and "SCO"), so that a question spelling out the name matches
    sentences that use the acronym, and the other way round.

    A name counts when a document gives it and the acronym with it: the letters
    in brackets after the name, or its initials (three letters or more: on a
    large corpus "SU" or "EU" turn up for other reasons) written in the same
    document.
    """

    def __init__(self, texts: Iterable[str]) -> None:
        found: dict[tuple[str, ...], str] = {}
        opening: dict[tuple[str, ...], str] = {}  # each name's first word, as written
        texts_seen = list(texts)
        for text in texts_seen:
            written = set(ACRONYM.findall(text))
            pairs = [(name, initials) for name in _names(text)
                     if len(initials := "".join(w[0] for w in name.split() if w[0].isupper())) >= 3
                     and initials in written]
            pairs += [(_OPENING.sub("", m.group(1)), m.group(2))
                      for m in _NAME_BRACKETED.finditer(text)]
            for name, acronym in pairs:
                terms, short = tuple(tokenize(name)), tokenize(acronym)
                if len(terms) > 1 and len(short) == 1:
                    found.setdefault(terms, short[0])
                    opening.setdefault(terms, name.split()[0].lower())
        # Longest first, so that a name inside a longer one does not win.
        self.names = dict(sorted(found.items(), key=lambda item: -len(item[0])))
        # The first term of each name, for its acronym, where only one name
        # begins with it: "the Shanghai bloc" is the SCO. Not an adjective, which
        # says what kind, not which: "the Eurasian bloc" may be any Eurasian body,
        # not the Eurasian Economic Union. (Told on the word as written: stems
        # lose their endings.)
        firsts: dict[str, set[str]] = {}
        for terms, acronym in self.names.items():
            firsts.setdefault(terms[0], set()).add(
                "" if _ADJECTIVAL.search(opening[terms]) or opening[terms] in _KIND_WORDS
                else acronym)
        self.first_words = {word: next(iter(acronyms)) for word, acronyms in firsts.items()
                            if len(acronyms) == 1 and "" not in acronyms}
        # Acronyms the corpus never writes, of a name it writes out: a question's
        # "CEO" looks for "Chief Executive Officer". Only where one name fits.
        in_capitals: set[str] = set()
        spelled: dict[str, set[tuple[str, ...]]] = {}
        for text in texts_seen:
            in_capitals.update(ACRONYM.findall(text))
            for words in name_runs(text):
                if words and not tokenize(words[0]):
                    words = words[1:]  # "The United States", "As Kazakh ...": not "TUS"
                for written_out in _spellings(words):
                    spelled.setdefault("".join(w[0] for w in written_out), set()).add(
                        tuple(tokenize(" ".join(written_out))))
        self.spelled = {acronym: next(iter(names)) for acronym, names in spelled.items()
                        if len(names) == 1 and all(names) and acronym not in in_capitals}
        # Each country's names, to the terms of the one the corpus writes most:
        # a question's "US" looks for "the United States", "Turkey" for "Turkiye".
        # (By ``country_key``: "Türkiye" and "Turkiye" are one name.)
        forms: dict[str, Counter[tuple[str, ...]]] = {}
        for text in texts_seen:
            for name in country_names(text):
                terms = tuple(tokenize(name))
                for each in (name, *other_names(name)):
                    forms.setdefault(country_key(each), Counter())[terms] += 1
        self.country_terms = {name: counts.most_common(1)[0][0]
                              for name, counts in forms.items()}
        self._countries_written = frozenset(
            terms for counts in forms.values() for terms in counts)
        self._texts = texts_seen
        self._in_capitals = in_capitals
        # Plain-word spellings (``plain_spelling``) found so far, by acronym: at
        # most one per acronym of two or three capitals.
        self._plain: dict[str, tuple[str, ...] | None] = {}
        #: Whether a document writes a phrase ("United Nations") as written.
        self.written = WrittenPhrases(texts_seen)
        self._lock = threading.Lock()

    def spelling(self, acronym: str) -> tuple[str, ...] | None:
        """The terms of the name ``acronym`` spells out, where the corpus never
        writes the acronym itself: "CEO" gives those of "Chief Executive Officer"
        (``spelled``), "EVs" those of "electric vehicles" (``plain_spelling``: a
        plural acronym only, as a singular one of two or three letters fits too
        many runs of plain words: "EP" is no "energy policy")."""
        if acronym.isupper():
            return self.spelled.get(acronym)
        single = acronym[:-1]
        if not (acronym.endswith("s") and single.isupper()):
            return None
        if single in self.spelled:
            return self.spelled[single]
        if (len(single) not in PLAIN_ACRONYM_LETTERS or single in self._in_capitals
                or is_country(single) or not tokenize(single)):
            # An acronym the corpus writes, a country's code ("USs"), a stop word
            # in capitals ("ITs").
            return None
        with self._lock:  # requests share the engine: one look per acronym
            if single not in self._plain:
                self._plain[single] = plain_spelling(single, self._texts)
            return self._plain[single]

    def question_terms(self, question: str) -> list[str]:
        """A question's terms (``tokenize``), a country named as the corpus names
        it ("US" as "United States", ``country_terms``), a body's full name folded
        to its acronym (``fold``) and an acronym the corpus only writes out spelled
        out (``spelling``: "CEO" as the terms of "Chief Executive Officer", "EVs" as
        those of "electric vehicles"), and a name the corpus only writes as its
        initials as those (``_as_initials``: "United Nations" as "UN")."""
        terms = self._as_initials(question, self._countries_as_written(question,
                                                                     tokenize(question)))
        for acronym in set(_ACRONYM_PLURAL.findall(question)):
            short, spelling = tokenize(acronym), self.spelling(acronym)
            if len(short) == 1 and spelling is not None:
                terms = _replace_runs(terms, (short[0],), spelling)
        folded = self.fold(terms)
        asked = asked_acronym(question)
        if asked is not None:
            # "What does SCO stand for?" looks for the words that spell it out,
            # which the sentence giving them holds besides the acronym. (Added
            # after folding, which would fold them back.)
            short = tokenize(asked)
            folded = [t for t in folded if t not in ASKING_WORDS]
            folded += [t for name, acronym in self.names.items() if [acronym] == short
                       for t in name]
        return folded

    def _countries_as_written(self, question: str, terms: list[str]) -> list[str]:
        """``terms`` with each country's name the corpus never writes replaced by
        the terms of the name it does write for that country (``country_terms``)."""
        for name in set(country_names(question)):
            written = self.country_terms.get(country_key(name))
            asked = tuple(tokenize(name))
            if written is None or not asked or asked in self._countries_written:
                continue
            terms = _replace_runs(terms, asked, written)
        return terms

    def _as_initials(self, question: str, terms: list[str]) -> list[str]:
        """``terms`` with each body's name of the question (ending in "Nations",
        "Union", "Bank" ...) that the corpus never writes out, but writes in
        capitals as its initials, replaced by those: "What United Nations
        institution ...?" looks for "UN" ("a UN Regional Center"), as "European
        Union" would for "EU"."""
        for words in name_runs(question):
            words = [*words[:-1], without_possessive(words[-1])]
            if tokenize(words[-1]) and tokenize(words[-1])[0] not in _INSTITUTION_TERMS:
                continue  # "Ursula Nielsen" is no "UN", nor "Eurasian Unity" the "EU"
            # Longest first, without the words before it: "What United Nations".
            for first in range(len(words) - 1):
                name = words[first:]
                initials = "".join(word[0] for word in name)
                asked = tuple(tokenize(" ".join(name)))
                if (initials in self._in_capitals and len(asked) == len(name)
                        and not self.written(" ".join(name))):
                    terms = _replace_runs(terms, asked, tokenize(initials))
                    break
        return terms

    def fold(self, terms: Sequence[str]) -> list[str]:
        """A question's terms with each full name replaced by its acronym's term,
        as is a name's first word before a body noun ("the Shanghai bloc")."""
        out = list(terms)
        for name, acronym in self.names.items():
            out = _replace_runs(out, name, (acronym,))
        for i in range(len(out) - 1, 0, -1):
            if out[i] in _BODY_NOUN_TERMS and out[i - 1] in self.first_words:
                out[i - 1 : i + 1] = [self.first_words[out[i - 1]]]
        return out

    def add(self, terms: Sequence[str]) -> list[str]:
        """A text's terms plus the acronym's term of each full name among them."""
        extra = [acronym for name, acronym in self.names.items()
                 if acronym not in terms and _holds(terms, name)]
        return [*terms, *extra]


def _holds(terms: Sequence[str], name: tuple[str, ...]) -> bool:
    n = len(name)
    return any(tuple(terms[i : i + n]) == name for i in range(len(terms) - n + 1))
