"""The names a question gives, checked against those the corpus mentions.

A question naming something the corpus never mentions, or mentions only in
another document, away from the answering sentence, or only with its words in
another order, is most likely not answered by it; ``confidence`` turns each of
these into a rule. Names are the question's capitalised words (``named_words``),
less those saying what kind of answer is asked for ("Which Gulf states ...?");
a capital or demonym standing for a country the corpus names counts as that
country ("Beijing" for China), and an acronym the corpus only writes out as it
("CEO").
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet

from rag.coreference import ACRONYM, Abbreviations, WrittenPhrases, name_runs
from rag.countries import PLACE_BEFORE, is_country, is_demonym, other_names, stands_for
from rag.lexical import (
    POSSESSIVE_MARK,
    TITLE_WORDS,
    Vocabulary,
    id_terms,
    named_words,
    tokenize,
    without_possessive,
)
from rag.offices import OFFICE_WORDS
from rag.schema import Sentence
from rag.spelling import is_acronym

# A name the corpus mentions in at most this many sentences is rare
# (``CorpusNames.rare_absent``): a question about it is answered where it is
# mentioned. Allowing 3 sentences cost dev an answerable question
# (``confidence.RARE_NAME_CONFIDENCE``).
RARE_NAME_SENTENCES = 2

# "Which Gulf states ...?": names between the question word and its noun say
# what kind of answer is asked for, which the document need not call it ("Qatar").
# An acronym there names a thing the answer belongs to ("What NFL teams ...?"):
# the document must mention it.
_KIND_NAMES = re.compile(r"\s*(?:[Ii]n\s+|[Oo]n\s+|[Ff]rom\s+)?(?:[Ww]hich|[Ww]hat)\s+"
                         r"((?:[A-Z][a-z][\w’'.-]*\s+){1,3})(?:countr(?:y|ies)|states?|"
                         r"nations?|cit(?:y|ies)|regions?|capitals?|towns?|provinces?)\b")


# "Apart from the Red Sea problems, what else ...?": what the question sets
# aside is what the answer is not about, so no sentence need name it.
_SET_ASIDE = re.compile(r"\b(?:(?:apart|aside)\s+from|besides|other\s+than|except(?:\s+for)?|"
                        r"in\s+addition\s+to)\b[^,?]*?(?=\s+(?:did|does|do|is|are|was|were|"
                        r"has|have|had|will|would|can|could)\b|[,?]|$)", re.I)


def asked_names(question: str) -> list[str]:
    """The question's names (``named_words``) less those saying what kind of
    answer it asks for, or naming what it sets aside."""
    names = named_words(without_set_aside(question))
    kind = _KIND_NAMES.match(question)
    if kind is None:
        return names
    described = [part for word in kind.group(1).split() for part in re.split(r"[-–]", word)]
    return [name for name in names if name not in described]


def kind_countries(question: str) -> list[str]:
    """The names of a country among those saying what kind of answer the question
    asks for: "Indian" of "Which Indian city ...?". The answer lies there, though
    the document need not say so beside it."""
    kind = _KIND_NAMES.match(question)
    if kind is None:
        return []
    return [word for word in kind.group(1).split() if is_demonym(word) or is_country(word)]


def without_set_aside(question: str) -> str:
    """``question`` with what it sets aside blanked out ("Apart from the Red Sea
    problems, ..."): the answer is not about that, so no sentence need name it."""
    return _SET_ASIDE.sub(" ", question)


def shown_runs(names: Sequence[str], question: str) -> list[tuple[str, list[str]]]:
    """``names`` as the question writes them, those in a row as one run, each with
    its names: "FIFA", "World", "Cup" as "FIFA World Cup", "Jean", "Claude" as
    "Jean-Claude". A possessive ends a run ("Turkey's" of "Turkey's Erdogan") and
    is left out of what is shown."""
    spans: list[list[int]] = []  # [start, end] of each run in the question
    members: list[list[str]] = []
    loose: list[tuple[str, list[str]]] = []
    pos = 0
    for name in names:
        at = question.find(name, pos)
        if at < 0:  # not as written (a joined name): shown alone
            loose.append((shown_name(name), [name]))
            continue
        if spans and re.fullmatch(r"\s+|[-–]", question[spans[-1][1] : at]) and not (
                POSSESSIVE_MARK.search(question, 0, spans[-1][1])):
            spans[-1][1] = at + len(name)
            members[-1].append(name)
        else:
            spans.append([at, at + len(name)])
            members.append([name])
        pos = at + len(name)
    return [(shown_name(question[a:b]), run) for (a, b), run in zip(spans, members, strict=True)
            ] + loose



# A region's adjective ("Asian", "Western"): it describes, naming no country
# ("Indian" names India). A list, as "Dylan" or "Morgan" end alike.
_REGION_ADJECTIVES = frozenset((
    "asian", "european", "african", "eurasian", "western", "eastern", "northern", "southern",
    "caspian", "atlantic", "pacific", "arctic", "baltic", "balkan", "nordic", "arab",
    "caucasian", "mediterranean", "scandinavian", "latin"))
_LOWER_AFTER = re.compile(r"\s+[a-z]")


def described(names: Sequence[str], question: str) -> frozenset[str]:
    """The names of runs that describe a common noun by a region's adjective: "the
    Central Asian host", "these Western trade barriers". The host is named by what
    it is called elsewhere ("Kazakhstan"), so a sentence need not repeat "Central
    Asian" to be about it; "Indian" stands for India and is no such adjective."""
    found: set[str] = set()
    for written, run in shown_runs(names, question):
        last = run[-1]
        at = question.find(written)
        if (last.lower() in _REGION_ADJECTIVES and not stands_for(last)
                and at >= 0 and _LOWER_AFTER.match(question, at + len(written))):
            found.update(run)
    return frozenset(found)


def shown_name(name: str) -> str:
    """A name as a message shows it: "France" for the question's "France's"."""
    return without_possessive(name)


class CorpusNames:
    """What a corpus names, and the checks of a question's names against it.

    Built once per index by ``ConfidenceRules``; every check costs set
    look-ups, but for a phrase's first scan of the texts (``_written``) and a
    document's vocabulary, built on first use (``elsewhere``).

    Its arguments are ``ConfidenceRules``'s, which passes its own on: the
    corpus's sentences and their terms, the texts by id, the terms' IDF, the
    vocabulary, the words written only capitalised, the headings' ids and the
    corpus's acronyms (``Abbreviations``).
    """

    def __init__(self, sentences: Sequence[Sentence], terms: Sequence[AbstractSet[str]],
                 texts: Mapping[str, str], idf: Mapping[str, float], vocabulary: Vocabulary,
                 proper_nouns: AbstractSet[str], headings: AbstractSet[int],
                 abbreviations: Abbreviations | None = None) -> None:
        self.terms = terms
        self.texts = texts
        self.idf = idf
        self.vocabulary = vocabulary
        self.proper_nouns = proper_nouns
        # In how many sentences each term occurs, the antecedents and ids included.
        self.sentence_counts = Counter(t for ts in terms for t in ts)
        self.acronyms = frozenset(a for text in texts.values() for a in ACRONYM.findall(text))
        # Whether some text holds a phrase as written ("United States").
        self._written = WrittenPhrases(texts.values())
        # Acronyms the corpus only writes out ("CEO": "Chief Executive Officer").
        self._abbreviations = abbreviations
        # A body's name by its first word ("the Shanghai bloc": the SCO).
        self._first_words = abbreviations.first_words if abbreviations is not None else {}
        # Every run of two or more capitalised words in the corpus, in order, and
        # the orders each set of words is written in (``swapped``).
        self._name_runs: set[tuple[str, ...]] = set()
        self._run_orders: set[tuple[str, ...]] = set()
        # Each word of a run with the words it stands beside in one ("rob":
        # {"machado"} for "Rob Machado"), for names whose words two runs swap.
        self._beside: dict[str, set[str]] = {}
        # Each word's runs, whole: "Shanghai Organization" is short for one.
        self._runs_of: dict[str, set[tuple[str, ...]]] = {}
        for text in texts.values():
            for run in name_runs(text):
                words = tuple(w.lower() for w in run)
                for word in words:
                    self._runs_of.setdefault(word, set()).add(words)
                for left, right in itertools.pairwise(words):
                    # A sentence's capitalised first word ("The United States")
                    # stands beside no name.
                    if tokenize(left) and tokenize(right):
                        self._beside.setdefault(left, set()).add(right)
                        self._beside.setdefault(right, set()).add(left)
                for i in range(len(words) - 1):
                    for j in range(i + 2, len(words) + 1):
                        self._name_runs.add(words[i:j])
                        self._run_orders.add(tuple(sorted(words[i:j])))
        self._document_vocabularies: dict[str, Vocabulary] = {}  # built on first use
        self._document_sentences: dict[str, list[int]] = {}
        for s in sentences:
            self._document_sentences.setdefault(s.doc_id, []).append(s.sentence_id)
        # Each document's subject: the terms of the headings it opens with ("#
        # Marie Curie"), which its sentences then call "she" or "the city". (Its
        # first sentence too was tried: on the SQuAD sample, whose documents are
        # paragraphs, abstain F1 fell 0.369 -> 0.359.)
        # (Adding them to every sentence's terms, as a document's id is among
        # several documents, flattens coverage: under "# Marie Curie", "She was born
        # in Warsaw" then outranks the first sentence's dates for "When was Marie
        # Curie born?". They only count as near, in ``rare_absent``.)
        self._subjects: dict[str, frozenset[str]] = {}
        for doc_id, ids in self._document_sentences.items():
            opening: set[str] = set()
            for sid in ids:
                if sid not in headings:
                    break
                opening |= terms[sid]
            self._subjects[doc_id] = frozenset(opening)

    def joined(self, names: Sequence[str]) -> list[str]:
        """``names`` with two in a row made one where the corpus writes them as one
        name ("Sky", "Drive" as "SkyDrive"), so that every rule checks that name.

        Only where one of the two is no name the corpus mentions: "Sky HD" stays
        two known names where some text also writes "SkyHD".
        """
        joined: list[str] = []
        for name in names:
            if (joined and (joined[-1] + name).lower() in self.proper_nouns
                    and not (self.mentions(joined[-1]) and self.mentions(name))):
                joined[-1] += name
            else:
                joined.append(name)
        return joined

    def unknown(self, names: Sequence[str], paired: Sequence[bool] | None = None,
                placed: AbstractSet[str] = frozenset()) -> list[str]:
        """The question's names that the corpus never mentions.

        Two names in a row may be one ("New Delhi" stands for India); each is
        then known if the pair stands for something the corpus names
        (``paired``; worked out by the method ``paired`` when not given). A title
        before a name is no name of its own: "President Nursultan Nazarbayev" is
        known where "Nursultan Nazarbayev" is, whatever office the corpus gives him
        (``offices`` checks that). A name in ``placed`` (``placed_cities``) is a
        place, and known only where the corpus writes it: "moved to Beijing" is
        not China.
        """
        known = self.paired(names) if paired is None else paired
        return [name for k, title, name in zip(known, _titles(names), names, strict=True)
                if not (self.writes(name) if name in placed
                        else k or title or self.mentions(name))]

    def paired(self, names: Sequence[str]) -> list[bool]:
        """For each name, whether it and a neighbour stand for something the corpus names."""
        known = [False] * len(names)
        for i in range(len(names) - 1):
            if self._stands_in(f"{names[i]} {names[i + 1]}"):
                known[i] = known[i + 1] = True
        return known

    def elsewhere(self, names: Sequence[str], doc_id: str,
                  paired: Sequence[bool] | None = None) -> str | None:
        """The first name the question gives that the answering document never
        mentions, if any.

        Asked once ``unknown`` has found every name somewhere in the corpus,
        so another document mentions it: the answer is most likely about something
        else ("How long is the Danube?" over "It is about 1,230 kilometres long."
        in the Rhine's file). Always None for a corpus of one document.

        The document's id counts as part of it: a file named ``rhine.md`` is about
        the Rhine even where its text says "it". A country counts by any of its
        names ("US" in a file saying "United States"). A stand-in (a capital for
        its country) or an acronym the corpus writes out ("CEO") is not checked
        per document: that is left to the corpus-wide check.
        """
        if len(self.texts) < 2 or not names:
            return None
        # Filled on first use without a lock: a vocabulary never changes once
        # built, so two threads building the same one only waste a little work.
        vocabulary = self._document_vocabularies.get(doc_id)
        if vocabulary is None:
            terms = {t for sid in self._document_sentences.get(doc_id, ()) for t in self.terms[sid]}
            terms.update(id_terms(doc_id))
            vocabulary = self._document_vocabularies[doc_id] = Vocabulary(terms)
        known = self.paired(names) if paired is None else paired
        return next((name for k, name in zip(known, names, strict=True)
                     if not (k or stands_for(name) or self._spelled_out(name)
                             or any(all(t in vocabulary for t in tokenize(form))
                                    for form in (name, *other_names(name))))), None)

    def rare_absent(self, names: Sequence[str], near: AbstractSet[str], doc_id: str,
                    paired: Sequence[bool]) -> str | None:
        """The first rare name (``RARE_NAME_SENTENCES``) the question gives that
        ``near`` (the terms of a sentence of ``doc_id`` and its neighbours) does
        not hold, if any.

        Args:
            names: The question's names (``joined``).
            near: The terms of the answering sentence and its neighbours.
            doc_id: The answering sentence's document, whose title counts as near.
            paired: ``paired`` of ``names``.

        A name's count is the sum over its forms' sentence counts, so a sentence
        holding two forms counts twice: the rule errs toward "frequent", which
        never abstains.

        A name counts with its derivations ("Kazakh" is as frequent as
        "Kazakhstan"), a stand-in with the one-word names of what it stands for
        ("Indian" with "India", "Beijing" with "China"); a run of names whose
        initials the corpus uses ("United Nations" for "UN") is another way of
        saying a name the sentence may use, so it is left out.
        """
        # A document's subject is named in its title, then "she" or "the city":
        # the title is near every sentence of it.
        near = near | self._subjects.get(doc_id, frozenset())
        titled = _titles(names)
        for i, (known, name) in enumerate(zip(paired, names, strict=True)):
            # A title is no name of its own ("Foreign" of "Foreign Minister Murat
            # Nurtleu"): which office the corpus gives him, ``offices`` checks.
            if known or titled[i] or self._abbreviated(names, i):
                continue
            # A name of several words ("Republic of India") is left out: its words
            # alone ("republic") would count sentences about anything.
            referred = {terms[0] for referent in stands_for(name)
                        if len(terms := tokenize(referent)) == 1}
            for term in tokenize(name):
                forms = {term} | self.vocabulary.derived(term)
                for other in referred:
                    forms |= {other} | self.vocabulary.derived(other)
                if term in self._first_words:
                    forms.add(self._first_words[term])
                count = sum(self.sentence_counts[form] for form in forms)
                if 0 < count <= RARE_NAME_SENTENCES and not forms & near:
                    return name
        return None

    def swapped(self, question: str) -> str | None:
        """A name the question writes whose words the corpus only writes in
        another order ("Major Soccer League" for "Major League Soccer"), or whose
        words two of the corpus's names swap with another name of the question
        ("Rob Curran and Tim Machado" for "Rob Machado, Tim Curran"; "Point
        Tehachapi and the Conception Mountains" for "Point Conception and the
        Tehachapi Mountains"), if any.

        Every run is tried without its first word too: a question word may open
        it ("Did Major Soccer League ..."). Titles alone are no name ("General
        Secretary" for "Secretary General"), and a possessive is no part of one
        ("Cooperation Shanghai Organization's").
        """
        runs = _question_runs(question)
        asked = {w.lower() for run in runs for w in run}
        for run in runs:
            for words in (run, run[1:]):
                terms = tuple(w.lower() for w in words)
                if (len(terms) >= 2 and not set(terms) <= TITLE_WORDS
                        and terms not in self._name_runs
                        and (tuple(sorted(terms)) in self._run_orders
                             or self._swapped_between(terms, asked))):
                    return " ".join(words)
        return None

    def apart(self, question: str) -> str | None:
        """A name the question writes whose words the corpus writes only in other
        names, two of them that stand side by side in the question never so in
        the corpus: "California Times" where it writes "Los Angeles Times" and
        "California State University", "Greater Bay Region" for "Bay Area" and
        "Greater Los Angeles", "Greater Santa Barbara" for "Greater Los Angeles"
        and "Santa Barbara"; None if there is none.

        Like ``swapped``, every run is tried without its first word too. A run
        holding a title is no such name: titles go with names freely ("President
        Tokayev" of "President of Kazakhstan K. Tokayev"); nor is one whose words
        a name of the corpus holds in that order, words between ("Shanghai
        Organization" of "Shanghai Cooperation Organization").
        """
        for run in _question_runs(question):
            for words in (run, run[1:]):
                terms = tuple(w.lower() for w in words)
                if (len(terms) >= 2 and TITLE_WORDS.isdisjoint(terms)
                        and terms not in self._name_runs
                        and all(self._beside.get(term) for term in terms)
                        and any(right not in self._beside[left]
                                for left, right in itertools.pairwise(terms))
                        and not any(_in_order(terms, whole)
                                    for whole in self._runs_of.get(terms[0], ()))):
                    return " ".join(words)
        return None

    def _swapped_between(self, terms: tuple[str, ...], asked: AbstractSet[str]) -> bool:
        """Whether the corpus writes each of ``terms`` (a name it never writes)
        beside a word of another of the question's names (``asked``: the words of
        them all) and never beside the name's own: "rob" beside "machado" and
        "curran" beside "tim", asked of "Rob Curran" and "Tim Machado"."""
        own = set(terms)
        return all(not (beside := self._beside.get(term, set())) & own
                   and beside & (asked - own) for term in terms)

    def _abbreviated(self, names: Sequence[str], i: int) -> bool:
        """Whether ``names[i]`` is one of a run of names whose initials are an
        acronym of the corpus ("United", "Nations" and "UN").

        The names need not stand side by side in the question ("Uzbekistan and
        Nepal" also spell "UN"): a false match only spares a name the rare-name
        check, which never makes an answer abstain.
        """
        for size in range(2, 7):  # as long as ``ACRONYM`` allows
            for start in range(max(0, i - size + 1), min(i, len(names) - size) + 1):
                if "".join(n[0] for n in names[start : start + size]) in self.acronyms:
                    return True
        return False

    def mentions(self, name: str) -> bool:
        """Whether the corpus mentions ``name``, or the country or body it stands for.

        ``name`` may be a typo or a shorter form of a corpus term ("Kazakh"), unless
        it is an acronym: "ASEAN" is no typo of "Asian".
        """
        words = OFFICE_WORDS.get(name.lower())
        return (self.writes(name) or self._stands_in(name) or self._spelled_out(name)
                or (words is not None and all(term in self.idf for term in words)))

    def writes(self, name: str) -> bool:
        """Whether the corpus writes ``name`` itself (``mentions`` without what it
        stands for): a typo or a shorter form of a corpus term counts, as there."""
        found = self.vocabulary.has if is_acronym(name) else self.vocabulary.__contains__
        return all(found(term) for term in tokenize(name))

    def _spelled_out(self, name: str) -> bool:
        """Whether ``name`` is an acronym of a name the corpus writes out: "CEO"
        where it writes "Chief Executive Officer", "EVs" where it writes "electric
        vehicles" (``Abbreviations.spelling``)."""
        return (self._abbreviations is not None
                and self._abbreviations.spelling(re.sub(r"['’]s$", "", name)) is not None)

    def _stands_in(self, name: str) -> bool:
        """Whether ``name`` is a capital, seat or demonym of something the corpus
        names, or another name of a country it names ("US" for "United States").

        What it stands for must be a corpus term exactly ("China"), or occur as
        written: in capitals for an acronym ("US", "EU"), and whole for a name of
        several words ("United States"), whose words occur on their own too often
        ("the states", "the Republic of Korea") to count one by one.
        """
        for referent in (*stands_for(name), *other_names(name)):
            if referent.isupper():
                if referent in self.acronyms:
                    return True
                continue
            terms = tokenize(referent)
            if len(terms) == 1 and terms[0] in self.idf:
                return True
            if len(terms) > 1 and self._written(referent):
                return True
        return False


def placed_cities(question: str, names: Sequence[str]) -> frozenset[str]:
    """The names in ``names`` that stand for a country or body (a capital or seat,
    ``countries.stands_for``; not a demonym), alone or with the next ("New
    Delhi"), and that ``question`` places something in, at, to or from: "Beijing"
    in "Why was the summit moved to Beijing?", which asks about the city, not
    about China ("What did Beijing impose?")."""
    found: set[str] = set()
    for i in range(len(names)):
        for size in (2, 1):
            words = names[i : i + size]
            written = " ".join(words)
            if (len(words) < size or not stands_for(written) or is_demonym(written)
                    or not any(PLACE_BEFORE.search(question, 0, match.start()) for match in
                               re.finditer(rf"(?<![\w-]){re.escape(written)}(?![\w-])",
                                           question))):
                continue
            found.update(words)
            break
    return frozenset(found)


def _titles(names: Sequence[str]) -> list[bool]:
    """For each of ``names``, whether it is a title before a name: "President" and
    "Foreign", "Minister" of "Foreign Minister Murat Nurtleu"; not a title ending
    the names ("the Foreign Minister"), nor an acronym ("UN" of "UN Secretary
    General" is a body)."""
    titled = [False] * len(names)
    for i in range(len(names) - 2, -1, -1):
        titled[i] = (names[i].lower() in TITLE_WORDS and not is_acronym(names[i])
                     and (titled[i + 1] or names[i + 1].lower() not in TITLE_WORDS))
    return titled


def _question_runs(question: str) -> list[list[str]]:
    """The runs of names ``question`` writes, a possessive ending none of them
    ("Cooperation Shanghai Organization's"); one inside a run ends a name, the
    owner's: "Victoria's Mount Bogong" is "Victoria" and "Mount Bogong"."""
    runs = []
    for written in name_runs(question):
        run: list[str] = []
        for word in written:
            owner = without_possessive(word)
            run.append(owner)
            if owner != word:
                runs.append(run)
                run = []
        if run:
            runs.append(run)
    return runs


def _in_order(terms: Sequence[str], run: Sequence[str]) -> bool:
    """Whether ``run`` holds ``terms`` in their order, other words between."""
    rest = iter(run)
    return all(term in rest for term in terms)
