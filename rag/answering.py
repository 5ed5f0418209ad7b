"""Choosing verbatim quotes from retrieved passages, and deciding when to abstain."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

import numpy as np

from rag.coreference import (
    ACRONYM,
    GENERIC_BODY_NOUNS,
    Abbreviations,
    antecedents,
    described_names,
    name_runs,
    pronoun_subjects,
    titled_names,
    with_described_names,
    with_titled_names,
)
from rag.corpus import TEXT_SUFFIXES
from rag.countries import BODY_KEYS, actors_in, other_names, stands_for
from rag.lexical import (
    DEMONYM_SUFFIXES,
    TITLE_WORDS,
    Vocabulary,
    coverage,
    idf_table,
    named_words,
    same_sense,
    tokenize,
)
from rag.questions import OFFICES, AnswerType, answer_type
from rag.schema import Passage, Quote, Sentence
from rag.sentences import MARKDOWN_HEADING as _MARKDOWN_HEADING
from rag.spans import REASON_PHRASE, candidates, missing_rate, narrow, proper_noun_words

# Weights of the sentence score, tuned on eval/gold/dev.jsonl and the shared SQuAD
# sample, never on the test part. Dense similarity
# (of the sentence, and of the sentence with its neighbours) finds paraphrases;
# coverage (IDF-weighted share of question terms present, a term's derivations
# such as "terrorist" for "terror" counting half) rewards sentences that
# mention what was asked; the passage's retrieval rank breaks ties toward the
# retriever. Changing any of these calls for `rag eval --calibrate` on dev again.
W_DENSE = 0.2
W_WINDOW = 0.2
W_COVERAGE = 0.45
W_RANK = 0.05
# Coverage below this counts as none: one shared word is more often chance than
# evidence. A user who paraphrases ("the bloc", "the Eurasian group") shares a
# rare word with some sentence that does not answer, while the answering one
# shares nothing; without the floor that chance word outweighs the meaning.
COVERAGE_FLOOR = 0.2
# A question asking for a recognisable span (date, number, name, country, place),
# over a sentence holding none.
TYPE_MISS_PENALTY = 0.06
# ... and one holding a span of the asked type: a date for "when", a count next to
# the question's own words for "how many", a person's name for "who", a country for
# "which country". Small: the confidence rule below does the abstaining.
TYPE_HIT_BONUS = 0.05
# A "why" question over a sentence that states a reason ("is aimed at", "helps").
# A bonus, not a penalty: reasons are often implicit, so their absence proves little.
REASON_BONUS = 0.15
# "What does the closing section say ...?": where a user places what they ask
# about. Sentences in that end of their document (this share of its text) get
# the bonus.
POSITION_BONUS = 0.15
POSITION_SHARE = 0.15
_PLACES = r"(?:sections?|paragraphs?|parts?|remarks|lines|words|sentences?|passages?)"
_END_CUE = re.compile(rf"\b(?:closing|final|last|concluding|ending)\s+{_PLACES}\b|\bconclusion\b",
                      re.I)
_START_CUE = re.compile(rf"\b(?:opening|first|introductory|initial)\s+{_PLACES}\b|\bintroduction\b",
                        re.I)
# Asked what or who a subject is, a sentence saying so ("the SCO represents a
# beacon of hope") outranks sentences merely about it ("The SCO's prospects look
# promising"); it is not required, as a typed span is: there are other ways to say it.
DEFINITION_BONUS = 0.15
# Question types whose answer is a span we can recognise.
TYPED = frozenset((AnswerType.DATE, AnswerType.NUMBER, AnswerType.NAME, AnswerType.COUNTRY,
                   AnswerType.ENTITY, AnswerType.EXPANSION))
# When even the best sentence holds no span of the asked type ("How many ...?" over a
# sentence with no count), the document most likely does not say: confidence is
# scaled down so that the abstention threshold catches it.
TYPE_MISS_CONFIDENCE = 0.2
# A question naming something the corpus never mentions ("the capital of France"
# over an article that has no "France") is almost surely not answered by it. A
# capital or demonym standing for a country the corpus names ("Beijing" for
# China, "Brussels" for the EU) counts as mentioned: news paraphrase does that.
UNKNOWN_NAME_CONFIDENCE = 0.3
# A name whose words the corpus writes only in another order ("Major Soccer
# League" for its "Major League Soccer", "Latham Milton" for "Milton Latham") is a
# common false premise: it names nothing the corpus knows. Scaled as unknown.
# On the SQuAD sample it fires on 4 questions, all unanswerable.
SWAPPED_NAME_CONFIDENCE = 0.3
# In a corpus of several documents, a name the answering document never mentions
# while another does: the answer is most likely about something else ("How long is
# the Danube?" answered from the Rhine's file). On the SQuAD sample, whose
# documents are paragraphs, this abstained on 5 more unanswerable questions and 1
# answerable one, at 0.3 as at 0.15; 0.2 also sinks a sentence that matched
# everything else (a score up to 0.9) below the threshold.
ELSEWHERE_NAME_CONFIDENCE = 0.2
# A question giving a figure ("Which country will host the summit in 2025?") asks
# about what the document says next to it. When neither the best sentence nor its
# neighbours hold any of the question's figures, the document most likely does not
# answer it: SQuAD's unanswerable questions often change a year or a count. On the
# SQuAD sample this abstained on 26 more unanswerable questions and on no answerable
# one; on dev it caught one more.
MISSING_FIGURE_CONFIDENCE = 0.2
# "Who is the president of China?" asks for whoever holds an office: a sentence
# naming someone but no such office ("... key for China; ... other parts of
# Eurasia") does not say who holds it.
MISSING_OFFICE_CONFIDENCE = 0.2
# "What is the capital of Kazakhstan?" over "Almaty was declared the cultural and
# tourist capital of the organization": the sentence says whose capital it is, and
# it is someone else's.
OWNED_ELSEWHERE_CONFIDENCE = 0.2
OTHER_ACTOR_CONFIDENCE = 0.2
_OWNED_Q = re.compile(
    r"\b([a-z]+)\s+of\s+(?:the\s+)?([A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*)*)")
# Nouns that say how much of something, not whose it is.
_PORTION_NOUNS = frozenset(tokenize("part member members name kind type number rest half "
                                    "majority lot sort form way end beginning start middle "
                                    "head"))
# "of the organization" stands for the body the document has named most
# (``coreference.antecedents``); "of the country" or "of the republic" for a place
# no rule here resolves, so it may be anyone's.
_BODY_OWNERS = frozenset(tokenize(" ".join(GENERIC_BODY_NOUNS)))
_PLACE_OWNERS = frozenset(tokenize(
    "country nation state republic kingdom city town region province island river company "
    "government party"))
# Words of a country's name that say nothing of which one: "Republic of Korea" is
# not the "Republic of Kazakhstan".
_OWNER_QUALIFIERS = frozenset(tokenize("republic kingdom federation democratic"))
# "Which city ...?": the noun asked for, which "the city of Astana" answers.
_WH_HEAD = re.compile(r"\b(?:which|what)\s+([a-z]+)", re.I)
# A lower-case noun before "of": "Capital of Culture" is a name.
_OF_PHRASE = re.compile(r"\b([a-z]+)\s+of\s+")
# Offices, not the words qualifying them ("foreign", "general", "prime", "deputy").
_ANY_OFFICE = frozenset(tokenize("leader head chief"))
# "ceo" and the like stay as typed where the corpus never spells them out: a
# sentence then holds the office by its words ("the chief executive").
_OFFICE_WORDS = {acronym: frozenset(tokenize(words)) for acronym, words in (
    ("ceo", "chief executive"), ("cfo", "chief financial"), ("cto", "chief technology"),
    ("coo", "chief operating"))}
_OFFICE_TERMS = OFFICES | _ANY_OFFICE | frozenset(tokenize("chair officer premier")) | frozenset(
    _OFFICE_WORDS)
# "Who is the president of China?", "Who is Kazakhstan's foreign minister?": who
# holds an office, not "Who succeeded President Nazarbayev?".
_OFFICE_HOLDER_Q = re.compile(r"\s*who\s+(?:is|was|are|were)\s+(?:the\s+|[\w’'.-]+[’']s\s+)",
                              re.I)
# A name the corpus mentions in only a few sentences ("Belarus", "BRICS") is
# specific: a question about it is answered where it is mentioned. When neither
# the best sentence nor its neighbours mention it, that sentence is most likely
# about something else ("When was BRICS founded?" over "Founded in 2001, the
# organization ..." about the SCO). A frequent name ("Kazakhstan") is often left
# implicit ("the country"), so only rare ones count. On the dev set this
# abstained on one more unanswerable question and on no answerable one (abstain
# F1 0.851 -> 0.875); on the SQuAD sample on 5 more unanswerable and 1
# answerable (EM/F1 19.8/27.1 -> 20.5/27.7). Allowing 3 sentences cost dev an
# answerable question; a scale of 0.5 changed nothing on SQuAD.
RARE_NAME_SENTENCES = 2
RARE_NAME_CONFIDENCE = 0.3
# A figure and its scale: "20 million", "£304m", "20bn" ("132 m" and "3.5m" are
# metres: "m" counts as million only after a currency sign).
_FIGURE = re.compile(r"(?P<money>[$€£¥]\s?)?\d+(?:[.,]\d+)*"
                     r"(?:\s*(million|billion|trillion)\b|(?(money)(bn|m)|(bn))(?!\w))?", re.I)
_SCALES = {"m": "million", "bn": "billion"}
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
# Further quotes must score within this much of the best one.
QUOTE_MARGIN = 0.3
# Qualifying sentences that follow one another form one quote of up to this many
# sentences: "The fight against terrorism ... remains a priority. To this end, ..."
# reads as one piece of evidence, and leaves the other quote slots for other places.
MAX_QUOTE_SENTENCES = 2
# A sentence opening with one of these states a consequence of the sentence before
# it ("In this regard, the development of relations with the countries of Eurasia
# becomes key for China"). Asked "why" about it, the cause is that sentence before,
# which then joins the quote. "So," is left out: news writing uses it for "for
# example" as often as for "therefore".
_CONSEQUENCE = re.compile(
    r"\s*(?:in this regard|for this reason|for that reason|therefore|thus(?! far\b)|hence|"
    r"accordingly|as a result(?! of\b(?! (?:this|that)\b))|consequently|that is why|"
    r"this is why|because of this)\b",
    re.I)


@dataclass(frozen=True, slots=True)
class Selection:
    """What the answerer decided for one question."""

    answer: str
    confidence: float
    quotes: tuple[Quote, ...]


class Answerer:
    """Scores the sentences of retrieved passages against a question.

    Sentence vectors and terms are computed at index time; a question costs a
    matrix-vector product over the candidate sentences and set look-ups.
    """

    def __init__(self, sentences: Sequence[Sentence], sentence_vectors: np.ndarray,
                 chunk_sentences: Sequence[Sequence[int]], texts: Mapping[str, str],
                 abbreviations: Abbreviations | None = None) -> None:
        self.sentences = tuple(sentences)
        self.texts = texts
        self.vectors = sentence_vectors
        # A sentence spelling out a body's name also holds its acronym, the form
        # questions are folded to (``Abbreviations``).
        add = abbreviations.add if abbreviations is not None else list
        term_lists = [add(tokenize(s.text)) for s in self.sentences]
        self.idf = idf_table(term_lists)
        # "The organization" also mentions the body it stands for, so that a
        # question naming the body covers the sentence (the IDF stays as written).
        # So does "the President of Kazakhstan" the person the document introduced
        # with that title ("President of Kazakhstan K. Tokayev").
        # And "the river" the Danube a text said was one ("The Danube is the
        # second-longest river in Europe").
        titles = {doc_id: titled_names(text) for doc_id, text in texts.items()}
        kinds = {doc_id: described_names(text) for doc_id, text in texts.items()}
        self.terms = [frozenset(with_described_names(s.text, with_titled_names(
                                    terms, titles[s.doc_id]), kinds[s.doc_id]))
                      | frozenset(add(tokenize(body)) if body else ())
                      | frozenset(add(list(subject)))
                      for terms, body, subject, s in zip(
                          term_lists, antecedents(self.sentences),
                          pronoun_subjects(self.sentences, texts), self.sentences, strict=True)]
        if len(texts) > 1:
            # Among several documents, a document's id names its subject, which
            # its sentences may call "he" or "the city" ("einstein.txt": "He was
            # born in Ulm"). Within one document it tells no sentence apart. The
            # IDF stays as written. On the SQuAD sample: quote_hit@1 0.903 -> 0.908,
            # abstain F1 0.334 -> 0.327.
            self.terms = [terms | frozenset(_id_terms(s.doc_id))
                          for terms, s in zip(self.terms, self.sentences, strict=True)]
        self.unseen_idf = max(self.idf.values(), default=1.0)
        # In how many sentences each term occurs, the antecedents and ids included.
        self.sentence_counts = Counter(t for terms in self.terms for t in terms)
        self.window_vectors = _window_vectors(self.sentences, sentence_vectors)
        self.chunk_sentences = chunk_sentences
        self.proper_nouns = proper_noun_words(s.text for s in self.sentences)
        # A document's id names it too: "notes/rhine.md" is about the Rhine.
        self.vocabulary = Vocabulary(set(self.idf).union(*map(_id_terms, texts)))
        self.acronyms = frozenset(a for text in texts.values() for a in ACRONYM.findall(text))
        self._phrases: dict[str, bool] = {}
        # Acronyms the corpus only writes out ("CEO": "Chief Executive Officer").
        self._spelled = abbreviations.spelled if abbreviations is not None else {}
        # A body's name by its first word ("the Shanghai bloc": the SCO).
        self._first_words = abbreviations.first_words if abbreviations is not None else {}
        # Every run of two or more capitalised words in the corpus, in order, and
        # the orders each set of words is written in (``_names_swapped``).
        self._name_runs: set[tuple[str, ...]] = set()
        self._run_orders: set[tuple[str, ...]] = set()
        for text in texts.values():
            for run in name_runs(text):
                words = tuple(w.lower() for w in run)
                for i in range(len(words) - 1):
                    for j in range(i + 2, len(words) + 1):
                        self._name_runs.add(words[i:j])
                        self._run_orders.add(tuple(sorted(words[i:j])))
        self._document_vocabularies: dict[str, Vocabulary] = {}  # built on first use
        self._document_sentences: dict[str, list[int]] = {}
        for s in self.sentences:
            self._document_sentences.setdefault(s.doc_id, []).append(s.sentence_id)
        # Headings help retrieval find a section but answer nothing: never quoted.
        self.headings = frozenset(s.sentence_id for s in self.sentences
                                  if is_heading(s, texts[s.doc_id]))
        # Each document's subject: the terms of the headings it opens with ("#
        # Marie Curie"), which its sentences then call "she" or "the city". (Its
        # first sentence too was tried: on the SQuAD sample, whose documents are
        # paragraphs, abstain F1 fell 0.369 -> 0.359.)
        self._subjects: dict[str, frozenset[str]] = {}
        for doc_id, ids in self._document_sentences.items():
            opening: set[str] = set()
            for sid in ids:
                if sid not in self.headings:
                    break
                opening |= self.terms[sid]
            self._subjects[doc_id] = frozenset(opening)
        # (Adding them to every sentence's terms, as a document's id is among
        # several documents, flattens coverage: under "# Marie Curie", "She was born
        # in Warsaw" then outranks the first sentence's dates for "When was Marie
        # Curie born?". They only count as near, in ``_rare_name_absent``.)

    def select(self, question: str, query_vector: np.ndarray, query_terms: Sequence[str],
               passages: Sequence[Passage], max_quotes: int) -> Selection:
        """Pick up to ``max_quotes`` non-overlapping quotes and the short answer.

        A quote is a sentence scoring within ``QUOTE_MARGIN`` of the best, joined
        with such a sentence right before or after it; asked "why", a sentence
        stating a consequence is joined with the one before it, its cause, whatever
        that one scores. The short answer comes from the best sentence, or from
        its cause. The confidence is that sentence's score clipped
        to [0, 1], scaled down by the rules above; the caller compares it with
        the abstention threshold.
        """
        owner: dict[int, Passage] = {}
        # A sentence repeated word for word (a copied file, a boilerplate line) is
        # one piece of evidence: only its best-ranked copy may be quoted, so the
        # other quote slots go to other sentences.
        seen: set[str] = set()
        for passage in passages:  # best passage first, so it owns shared sentences
            for sid in self.chunk_sentences[passage.chunk_id]:
                if sid in owner or sid in self.headings:
                    continue
                text = " ".join(self.sentences[sid].text.split())
                if text not in seen:
                    seen.add(text)
                    owner[sid] = passage
        if not owner or not query_terms:
            # "Why?", "Who is he?": nothing to look for, so nothing found.
            return Selection("", 0.0, ())
        ids = np.fromiter(owner, dtype=np.int64)
        dense = self.vectors[ids] @ query_vector
        window = self.window_vectors[ids] @ query_vector
        kind = answer_type(question)
        place = position_cue(question)
        related = {term: self.vocabulary.derived(term) | same_sense(term)
                   for term in set(query_terms)}
        scored = []
        for i, sid in enumerate(ids.tolist()):
            sentence = self.sentences[sid]
            score = (W_DENSE * float(dense[i]) + W_WINDOW * float(window[i])
                     + W_COVERAGE * _floored(coverage(query_terms, self.terms[sid], self.idf,
                                                      self.unseen_idf, related))
                     + W_RANK / owner[sid].rank)
            score += self._type_evidence(kind, sentence.text, question)
            if place is not None and self._placed(sentence, place):
                score += POSITION_BONUS
            scored.append((score, sentence))
        scored.sort(key=lambda item: (-item[0], item[1].sentence_id))

        best, top = scored[0]
        # "Why ...?" over a stated consequence: the reason is the sentence before.
        top_cause = self._cause(top) if kind is AnswerType.REASON else None
        groups: list[list[Sentence]] = []
        group_scores: list[float] = []
        # Twice as deep as the quotes: a sentence next to a chosen one joins it
        # instead of taking a slot.
        taken: set[int] = set()
        for score, sentence in scored[: 2 * max_quotes]:
            if score < best - QUOTE_MARGIN:
                break
            if sentence.sentence_id in taken:
                continue
            group = next((g for g in groups if self._joins(g, sentence)), None)
            if group is not None:
                group.append(sentence)
            elif len(groups) < max_quotes:
                group = [sentence]
                cause = (top_cause if sentence is top else self._cause(sentence)
                         if kind is AnswerType.REASON else None)
                if cause is not None and cause.sentence_id not in taken:
                    group.append(cause)
                groups.append(group)
                group_scores.append(score)
            else:
                continue
            taken.update(s.sentence_id for s in group)
        quotes = tuple(self._quote(g, score, owner) for g, score in zip(groups, group_scores,
                                                                        strict=True))
        reason = top_cause.text if top_cause is not None else top.text
        confidence = float(np.clip(best, 0.0, 1.0))
        if (kind in TYPED and not candidates(top.text, kind, question, self.proper_nouns)) or (
                kind is AnswerType.OTHER and missing_rate(top.text, question)):
            confidence *= TYPE_MISS_CONFIDENCE
        names = _asked_names(question)
        paired = self._paired(names)
        if self._names_unknown(names, paired):
            confidence *= UNKNOWN_NAME_CONFIDENCE
        elif self._names_elsewhere(names, top.doc_id, paired):
            confidence *= ELSEWHERE_NAME_CONFIDENCE
        elif self._rare_name_absent(names, top, paired):
            confidence *= RARE_NAME_CONFIDENCE
        elif self._names_swapped(question):
            confidence *= SWAPPED_NAME_CONFIDENCE
        if not self._holds_figures(top, question):
            confidence *= MISSING_FIGURE_CONFIDENCE
        if self._owned_elsewhere(top, question):
            confidence *= OWNED_ELSEWHERE_CONFIDENCE
        if _other_actor(question, top.text):
            confidence *= OTHER_ACTOR_CONFIDENCE
        if (kind is AnswerType.NAME and _OFFICE_HOLDER_Q.match(question)
                and not self._holds_office(top, query_terms)):
            confidence *= MISSING_OFFICE_CONFIDENCE
        return Selection(narrow(reason, question, self.proper_nouns) or reason, confidence, quotes)

    def _joins(self, group: Sequence[Sentence], sentence: Sentence) -> bool:
        """Whether ``sentence`` directly precedes or follows ``group`` in its paragraph."""
        if len(group) >= MAX_QUOTE_SENTENCES or sentence.doc_id != group[0].doc_id:
            return False
        ordered = sorted(group, key=lambda s: s.sentence_id)
        if sentence.sentence_id == ordered[0].sentence_id - 1:
            gap = (sentence.end, ordered[0].start)
        elif sentence.sentence_id == ordered[-1].sentence_id + 1:
            gap = (ordered[-1].end, sentence.start)
        else:
            return False
        return "\n\n" not in self.texts[sentence.doc_id][gap[0] : gap[1]]

    def _cause(self, sentence: Sentence) -> Sentence | None:
        """The sentence whose consequence ``sentence`` states, if it opens by saying so."""
        sid = sentence.sentence_id
        opening = _CONSEQUENCE.match(sentence.text)
        # "Therefore, X, due to Y" gives its own reason.
        if sid == 0 or opening is None or REASON_PHRASE.search(sentence.text, opening.end()):
            return None
        before = self.sentences[sid - 1]
        if before.sentence_id in self.headings or not self._joins([sentence], before):
            return None
        return before

    def _quote(self, group: Sequence[Sentence], score: float,
               owner: Mapping[int, Passage]) -> Quote:
        """One verbatim quote spanning a run of adjacent sentences.

        It is cited to the passage that owns its best sentence.
        """
        start = min(s.start for s in group)
        end = max(s.end for s in group)
        text = self.texts[group[0].doc_id][start:end]
        return Quote(text, group[0].doc_id, owner[group[0].sentence_id].chunk_id, start, end, score)

    def _names_unknown(self, names: Sequence[str],
                       paired: Sequence[bool] | None = None) -> bool:
        """Whether any of a question's names is one the corpus never mentions.

        Two names in a row may be one ("New Delhi" stands for India); each is
        then known if the pair stands for something the corpus names
        (``paired``, from ``_paired`` when not given).
        """
        known = self._paired(names) if paired is None else paired
        return not all(k or self._mentions(name) for k, name in zip(known, names, strict=True))

    def _paired(self, names: Sequence[str]) -> list[bool]:
        """For each name, whether it and a neighbour stand for something the corpus names."""
        known = [False] * len(names)
        for i in range(len(names) - 1):
            if self._stands_in(f"{names[i]} {names[i + 1]}"):
                known[i] = known[i + 1] = True
        return known

    def _names_elsewhere(self, names: Sequence[str], doc_id: str,
                         paired: Sequence[bool] | None = None) -> bool:
        """Whether the answering document never mentions a name the question gives.

        Asked once ``_names_unknown`` has found every name somewhere in the corpus,
        so another document mentions it: the answer is most likely about something
        else ("How long is the Danube?" over "It is about 1,230 kilometres long."
        in the Rhine's file). Always false for a corpus of one document.

        The document's id counts as part of it: a file named ``rhine.md`` is about
        the Rhine even where its text says "it". A country counts by any of its
        names ("US" in a file saying "United States"). A stand-in (a capital for
        its country) or an acronym the corpus writes out ("CEO") is not checked
        per document: that is left to the corpus-wide check.
        """
        if len(self.texts) < 2 or not names:
            return False
        # Filled on first use without a lock: a vocabulary never changes once
        # built, so two threads building the same one only waste a little work.
        vocabulary = self._document_vocabularies.get(doc_id)
        if vocabulary is None:
            terms = {t for sid in self._document_sentences.get(doc_id, ()) for t in self.terms[sid]}
            terms.update(_id_terms(doc_id))
            vocabulary = self._document_vocabularies[doc_id] = Vocabulary(terms)
        known = self._paired(names) if paired is None else paired
        return not all(k or stands_for(name) or self._spelled_out(name)
                       or any(all(t in vocabulary for t in tokenize(form))
                              for form in (name, *other_names(name)))
                       for k, name in zip(known, names, strict=True))

    def _rare_name_absent(self, names: Sequence[str], sentence: Sentence,
                          paired: Sequence[bool]) -> bool:
        """Whether the question gives a rare name (``RARE_NAME_SENTENCES``) that
        neither ``sentence`` nor its neighbours mention.

        A name's count is the sum over its forms' sentence counts, so a sentence
        holding two forms counts twice: the rule errs toward "frequent", which
        never abstains.

        A name counts with its derivations ("Kazakh" is as frequent as
        "Kazakhstan"); stand-ins ("Beijing") and a run of names whose initials
        the corpus uses ("United Nations" for "UN") are other ways of saying a
        name the sentence may use, so they are left out.
        """
        sid = sentence.sentence_id
        # A document's subject is named in its title, then "she" or "the city":
        # the title is near every sentence of it.
        near: set[str] = set(self._subjects.get(sentence.doc_id, ()))
        for other in self.sentences[max(0, sid - 1) : sid + 2]:
            if other.doc_id == sentence.doc_id:
                near |= self.terms[other.sentence_id]
        for i, (known, name) in enumerate(zip(paired, names, strict=True)):
            if known or stands_for(name) or self._abbreviated(names, i):
                continue
            for term in tokenize(name):
                forms = {term} | self.vocabulary.derived(term)
                if term in self._first_words:
                    forms.add(self._first_words[term])
                count = sum(self.sentence_counts[form] for form in forms)
                if 0 < count <= RARE_NAME_SENTENCES and not forms & near:
                    return True
        return False

    def _names_swapped(self, question: str) -> bool:
        """Whether the question writes a name whose words the corpus only writes
        in another order ("Major Soccer League" for "Major League Soccer").

        Every run is tried without its first word too: a question word may open
        it ("Did Major Soccer League ..."). Titles alone are no name ("General
        Secretary" for "Secretary General").
        """
        for run in name_runs(question):
            for words in (run, run[1:]):
                terms = tuple(w.lower() for w in words)
                if (len(terms) >= 2 and not set(terms) <= TITLE_WORDS
                        and terms not in self._name_runs
                        and tuple(sorted(terms)) in self._run_orders):
                    return True
        return False

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

    def _mentions(self, name: str) -> bool:
        """Whether the corpus mentions ``name``, or the country or body it stands for.

        ``name`` may be a typo or a shorter form of a corpus term ("Kazakh").
        """
        words = _OFFICE_WORDS.get(name.lower())
        return (all(term in self.vocabulary for term in tokenize(name))
                or self._stands_in(name) or self._spelled_out(name)
                or (words is not None and all(term in self.idf for term in words)))

    def _spelled_out(self, name: str) -> bool:
        """Whether ``name`` is an acronym of a name the corpus writes out: "CEO"
        where it writes "Chief Executive Officer"."""
        return re.sub(r"['’]s$", "", name) in self._spelled

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

    def _written(self, phrase: str) -> bool:
        """Whether some text holds ``phrase`` as written, as whole words.

        Remembered per phrase: a scan of the texts is cheap once, not per request.
        """
        found = self._phrases.get(phrase)
        if found is None:
            pattern = re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)")
            found = any(pattern.search(text) for text in self.texts.values())
            self._phrases[phrase] = found
        return found

    def _holds_figures(self, sentence: Sentence, question: str) -> bool:
        """Whether ``sentence`` or its neighbours hold every figure the question
        gives, with its scale where it gives one (true when it gives none)."""
        figures = {_scaled(m) for m in _FIGURE.finditer(question)}
        if not figures:
            return True
        sid = sentence.sentence_id
        near = " ".join(s.text for s in self.sentences[max(0, sid - 1) : sid + 2]
                        if s.doc_id == sentence.doc_id)
        given = {_scaled(m) for m in _FIGURE.finditer(near)}
        return all(any(_same_figure(figure, other) for other in given) for figure in figures)

    def _owned_elsewhere(self, sentence: Sentence, question: str) -> bool:
        """Whether the question asks for a "<noun> of <Name>" that ``sentence``
        gives only as someone else's: asked for the capital of Kazakhstan, "the
        capital of the organization" (the SCO, ``coreference.antecedents``).

        "The President of the Republic of Kazakhstan" is Kazakhstan's, "the
        secretaries of the security councils of the Central Asian countries"
        Central Asia's, and "of the country" may be anyone's. The noun the question
        asks for ("Which city of Kazakhstan ...?" over "the city of Astana"), a
        name ("Capital of Culture") and a sentence with no "<noun> of" say nothing
        either way.
        """
        heads = {term for m in _WH_HEAD.finditer(question) for term in tokenize(m.group(1))}
        for asked in _OWNED_Q.finditer(question):
            noun = tokenize(asked.group(1))
            owner = set(tokenize(asked.group(2))) - _OWNER_QUALIFIERS
            if not noun or not owner or noun[0] in _PORTION_NOUNS or noun[0] in heads:
                continue
            given = [set(tokenize(" ".join(re.findall(r"[\w’'-]+",
                                                      sentence.text[m.end() : m.end() + 120])[:8])))
                     for m in _OF_PHRASE.finditer(sentence.text) if tokenize(m.group(1)) == noun]
            if given and not any(self._names_owner(owner, terms, sentence) for terms in given):
                return True
        return False

    def _names_owner(self, owner: set[str], terms: set[str], sentence: Sentence) -> bool:
        """Whether the words after "<noun> of" (``terms``) may name ``owner``."""
        if _owns(owner, terms):
            return True
        if _BODY_OWNERS & terms:
            # "of the organization": the body the sentence's terms resolve it to.
            return _owns(owner, self.terms[sentence.sentence_id])
        return bool(_PLACE_OWNERS & terms)  # "of the country": whichever was meant

    def _holds_office(self, sentence: Sentence, query_terms: Sequence[str]) -> bool:
        """Whether ``sentence`` holds the office a question's terms name, if they
        name one ("president"; "officer" of "Chief Executive Officer", which
        ``Abbreviations`` spells "CEO" out to where the corpus does)."""
        offices = _OFFICE_TERMS.intersection(query_terms)
        if offices <= _ANY_OFFICE:
            # "the leader of Kazakhstan" may be its president or its prime minister.
            offices = _OFFICE_TERMS if offices else offices
        terms = self.terms[sentence.sentence_id]
        # "the chief executive of Tesla" holds the office "ceo" names.
        return not offices or any(
            office in terms or (office in _OFFICE_WORDS and _OFFICE_WORDS[office] <= terms)
            for office in offices)

    def _placed(self, sentence: Sentence, place: str) -> bool:
        """Whether a sentence lies in the ``start`` or ``end`` share of its document."""
        size = len(self.texts[sentence.doc_id]) or 1
        if place == "start":
            return sentence.end <= POSITION_SHARE * size
        return sentence.start >= (1.0 - POSITION_SHARE) * size

    def _type_evidence(self, kind: AnswerType, sentence: str, question: str) -> float:
        """Score adjustment for whether a sentence holds the kind of answer asked for."""
        if kind is AnswerType.OTHER:
            return 0.0
        found = bool(candidates(sentence, kind, question, self.proper_nouns))
        if kind is AnswerType.REASON:
            return REASON_BONUS if found else 0.0
        if kind is AnswerType.DEFINITION:
            return DEFINITION_BONUS if found else 0.0
        return TYPE_HIT_BONUS if found else -TYPE_MISS_PENALTY


def position_cue(question: str) -> str | None:
    """``"start"`` or ``"end"`` when the question says where in the document to look."""
    if _END_CUE.search(question):
        return "end"
    if _START_CUE.search(question):
        return "start"
    return None


_LIST_ITEM = re.compile(r"\s*(?:[-*•–]|\d+[.)]|[a-z][.)])\s")


def is_heading(sentence: Sentence, text: str) -> bool:
    """Whether a sentence is a line of its own with no closing punctuation
    ("Prospects for further development of the SCO"): a title or section heading.

    A list item ("- Energy security") is not one: it may well be the answer. A
    Markdown heading ("# Why does the Rhine flood?") is one, however it ends.
    """
    if _MARKDOWN_HEADING.fullmatch(sentence.text):
        return True
    if "\n" in sentence.text or _LIST_ITEM.match(sentence.text):
        return False
    line_start = text.rfind("\n", 0, sentence.start) + 1
    line_end = text.find("\n", sentence.end)
    line_end = len(text) if line_end < 0 else line_end
    alone = not (text[line_start : sentence.start] + text[sentence.end : line_end]).strip()
    return alone and not sentence.text.rstrip().endswith((".", "!", "?", "…", '"', "”", "’", "'"))


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


def _asked_names(question: str) -> list[str]:
    """The question's names (``named_words``) less those saying what kind of
    answer it asks for, or naming what it sets aside."""
    names = named_words(_SET_ASIDE.sub(" ", question))
    kind = _KIND_NAMES.match(question)
    if kind is None:
        return names
    described = [part for word in kind.group(1).split() for part in re.split(r"[-–]", word)]
    return [name for name in names if name not in described]


_GENERIC_BODY = re.compile(rf"\b(?:{'|'.join(GENERIC_BODY_NOUNS)})\b", re.I)


def _other_actor(question: str, sentence: str) -> bool:
    """Whether ``sentence`` leaves out a country or body the question names and
    names another one instead: asked about US tariffs, "the EU will introduce
    tariffs of 38.1%" tells what the EU does."""
    # Only a country counts as left out (a body may be "the organization" in the
    # sentence); any the question names is no other one.
    named = actors_in(_SET_ASIDE.sub(" ", question))
    asked = [actor for actor in named if not actor <= BODY_KEYS]
    # "the bloc" may be the body the sentence names by its acronym.
    given = actors_in(sentence, bodies=_GENERIC_BODY.search(question) is None)
    return (any(not any(a & g for g in given) for a in asked)
            and any(not any(g & n for n in named) for g in given))


def _id_terms(doc_id: str) -> list[str]:
    """The terms of a document's id: ``Victoria_(Australia)#65`` gives victoria and
    australia, ``notes/rhine.md`` note and rhine."""
    if doc_id.lower().endswith(TEXT_SUFFIXES):
        doc_id = doc_id.rsplit(".", 1)[0]
    return [t for t in tokenize(re.sub(r"[\W_]+", " ", doc_id)) if not t.isdigit()]


def _owns(owner: set[str], terms: AbstractSet[str]) -> bool:
    """Whether ``terms`` name every word of ``owner``, a demonym counting ("Central
    Asian countries" for "Central Asia"; "Niger" is not "Nigeria")."""
    return all(any(a == b or b in {a + s for s in DEMONYM_SUFFIXES}
                   or a in {b + s for s in DEMONYM_SUFFIXES} for b in terms)
               for a in owner)


def _floored(value: float) -> float:
    """``value`` in [0, 1] with everything up to ``COVERAGE_FLOOR`` mapped to 0."""
    return max(0.0, value - COVERAGE_FLOOR) / (1.0 - COVERAGE_FLOOR)


def _window_vectors(sentences: Sequence[Sentence], vectors: np.ndarray) -> np.ndarray:
    """Each sentence's vector blended with its neighbours', re-normalised.

    A sentence like "He emphasizes that ..." only makes sense with the one before
    it; the window lets the question match that context.
    """
    if len(sentences) == 0:
        return vectors
    window = vectors * 2.0
    for i, s in enumerate(sentences):
        if i > 0 and sentences[i - 1].doc_id == s.doc_id:
            window[i] += vectors[i - 1]
        if i + 1 < len(sentences) and sentences[i + 1].doc_id == s.doc_id:
            window[i] += vectors[i + 1]
    norms = np.linalg.norm(window, axis=1, keepdims=True)
    return (window / np.maximum(norms, 1e-12)).astype(np.float32)


def _scaled(match: re.Match[str]) -> tuple[str, str | None]:
    """A ``_FIGURE`` match as its digits and scale word: ("20", "billion") for
    "$20bn", ("1,230", None) for "1,230 kilometres"."""
    digits = _DIGITS.search(match.group(0))
    scale = (match.group(2) or match.group(3) or match.group(4) or "").lower()
    return (digits.group() if digits else match.group(0)), _SCALES.get(scale, scale) or None


def _same_figure(asked: tuple[str, str | None], given: tuple[str, str | None]) -> bool:
    """Whether a figure the text gives is one the question gives: the same number
    ("1,000" is "1000"; "38" is a "38.1" or "38.9" given more exactly, but "20" is
    not "2020"), with the same scale where the question says one ("$20 million" is not
    "$20 billion")."""
    asked_digits, given_digits = _plain(asked[0]), _plain(given[0])
    same = asked_digits == given_digits or given_digits.startswith(asked_digits + ".")
    return same and (asked[1] is None or asked[1] == given[1])


def _plain(digits: str) -> str:
    """Digits without thousands separators: "1,000" and "1000" are one figure."""
    return re.sub(r",(?=\d{3}(?!\d))", "", digits)
