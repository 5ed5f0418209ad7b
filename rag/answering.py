"""Choosing verbatim quotes from retrieved passages, and deciding when to abstain."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from rag.confidence import TYPED, ConfidenceRules
from rag.coreference import (
    Abbreviations,
    antecedents,
    described_names,
    named_before,
    pronoun_subjects,
    titled_names,
    with_described_names,
    with_titled_names,
)
from rag.instances import asked_noun, names_by_name
from rag.lexical import YES_NO_OPENING, Vocabulary, coverage, id_terms, idf_table, tokenize
from rag.occasions import event_antecedents
from rag.overview import names_section, outline
from rag.questions import CITY_Q, DOCUMENT_REFERENCE, AnswerType, answer_type, asks_source
from rag.reasons import CONSEQUENCE_OPENING, REASON_PHRASE
from rag.schema import Doubt, Passage, Quote, Sentence
from rag.sentences import MARKDOWN_HEADING as _MARKDOWN_HEADING
from rag.sentences import one_paragraph
from rag.spans import WHERE_Q, candidates, narrow, proper_noun_words

logger = logging.getLogger(__name__)

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
# "which country", a named instance for "Which N ...?" (``names_by_name``). Small:
# the confidence rule below does the abstaining.
TYPE_HIT_BONUS = 0.05
# ... and, asked "where", more for a place right after what the question asks
# about: "the upcoming SCO summit in Astana" places the summit, a place elsewhere in
# the sentence may place something else.
PLACED_BONUS = 0.05
# A "why" question over a sentence that states a reason ("is aimed at", "helps").
# A bonus, not a penalty: reasons are often implicit, so their absence proves little.
REASON_BONUS = 0.15
# "What does the closing section say ...?": where a user places what they ask
# about. Sentences in that end of their document (this share of its text) get
# the bonus.
POSITION_BONUS = 0.15
POSITION_SHARE = 0.15
# "What is the heading of the section on ...?", "Which themes does the article
# flag in its heading?": a question about the text's own headings, which then
# answer (and only they, where the passages hold one).
# Nouns only: "Who is heading the delegation?", "Where is the SCO heading?" and
# "Which story made headlines?" ask about no heading of the text.
HEADING_Q = re.compile(
    r"\b(?:the|its|a|this|that|which|what|section|article[’']s|piece[’']s)\s+"
    r"(?:sub)?(?:heading|headline)s?\b|\bsection\s+titles?\b|"
    r"\btitles?\s+of\s+(?:the|a|its|this)\s+sections?\b", re.I)
_PLACES = r"(?:sections?|paragraphs?|parts?|remarks|lines|words|sentences?|passages?)"
# What a part of the document does: "How does the opening describe ...?". Verbs
# only, not nouns too ("the opening notes of the anthem", "the close calls").
_TELLS = (r"(?=\s+(?:describes?|says?|mentions?|characteri[sz]es?|portrays?|suggests?"
          r"|tells?|explains?|introduces?)\b)")
# "at the start of the article", "How does the piece end?": the document itself.
_END_CUE = re.compile(
    rf"\b(?:closing|final|last|concluding|ending)\s+{_PLACES}\b|\bconclusion\b|"
    rf"\bthe\s+ending{_TELLS}|"
    rf"\bend\s+of\s+{DOCUMENT_REFERENCE}\b|"
    # "How does the writer sum up the SCO at the end?": no end of anything else.
    # (Not "at the start": "How many countries were in the SCO at the very start?"
    # asks about the SCO's.)
    r"\bat\s+the\s+(?:very\s+)?end\b(?!\s+of\b)|"
    rf"\b{DOCUMENT_REFERENCE}\s+(?:ends?|closes?|concludes?)\b(?!\s+up\b)", re.I)
_START_CUE = re.compile(
    rf"\b(?:opening|first|introductory|initial)\s+{_PLACES}\b|\bintroduction\b|"
    rf"\bthe\s+(?:opening|intro){_TELLS}|"
    rf"\b(?:start|beginning|outset|top)\s+of\s+{DOCUMENT_REFERENCE}\b|"
    rf"\b{DOCUMENT_REFERENCE}\s+(?:opens?|begins?|starts?)\b", re.I)
# Asked what or who a subject is, a sentence saying so ("the SCO represents a
# beacon of hope") outranks sentences merely about it ("The SCO's prospects look
# promising"); it is not required, as a typed span is: there are other ways to say it.
DEFINITION_BONUS = 0.15
# Asked what the document is about, its opening and headings answer by where they
# stand (``rag.overview``), not by a score, so nothing is left to doubt: the
# confidence is full and no threshold withholds them.
OVERVIEW_CONFIDENCE = 1.0
# Asked who wrote the document, its credit line ("China Studies Centre", "By Jane
# Porter") is the answer by where it stands, whatever its words share with the
# question's ("who wrote this piece" shares none).
CREDIT_BONUS = 0.15
# Asked "Where is the summit?", the sentences about the summit that name no place
# ("The summit will be held under the motto ...") and the one placing it ("the
# upcoming SCO summit in Astana") score within 0.012 of each other: the best one
# giving the asked kind of span answers when it scores within this much of a best
# one giving none, which would abstain. At 0.015 no answer on dev, the SQuAD
# sample or the paraphrase set changed; at 0.02 one unanswerable dev question was
# answered.
TYPED_MARGIN = 0.015
# A heading's statement: a colon, then three words or more.
_STATES = re.compile(r":\s+\S+(?:\s+\S+){2,}")
# A label of a dozen words at most, then a statement.
_LABELLED = re.compile(r"[^:\s](?:[^:\s]*\s+){0,11}[^:\s]*:\s+\S+(?:\s+\S+){2,}")
# The marks before a Markdown heading's words ("## Ports").
_HEADING_MARKS = re.compile(r"^[ \t]*#{1,6}[ \t]+")
# Further quotes must score within this much of the best one.
QUOTE_MARGIN = 0.3
# Qualifying sentences that follow one another form one quote of up to this many
# sentences: "The fight against terrorism ... remains a priority. To this end, ..."
# reads as one piece of evidence, and leaves the other quote slots for other places.
# Three, not two: "Energy security is a priority for Kazakhstan. The country calls
# for coordination of efforts to ensure the energy transition ..." then quotes the
# answer beside the sentence that matched the question's words. With the deeper
# scan below, quote_hit rose on dev, the paraphrase set and the SQuAD sample and
# fell nowhere; quotes grew from 33.6 to 37.7 words on average.
MAX_QUOTE_SENTENCES = 3
# How many of the best sentences, per quote slot, may become or join a quote.
QUOTE_DEPTH = 3
# A sentence with its score and the part of it that is type evidence.
_Scored = tuple[float, Sentence, float]


@dataclass(frozen=True, slots=True)
class Selection:
    """What the answerer decided for one question."""

    answer: str
    confidence: float
    quotes: tuple[Quote, ...]
    # The confidence rules that failed (``rag.confidence``), in the order checked.
    doubts: tuple[Doubt, ...] = ()


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
        subjects = pronoun_subjects(self.sentences, texts)
        # So does "The event" the occasion named before it ("the summit").
        events = event_antecedents(self.sentences)
        self.terms = [frozenset(with_described_names(s.text, with_titled_names(
                                    terms, titles[s.doc_id]), kinds[s.doc_id]))
                      | frozenset(add(tokenize(body)) if body else ())
                      | frozenset(add(list(subject)))
                      | frozenset(tokenize(event) if event else ())
                      for terms, body, subject, event, s in zip(
                          term_lists, antecedents(self.sentences), subjects, events,
                          self.sentences, strict=True)]
        # "He emphasized that ...": asked who, the name is in the sentence before.
        self.named_before = named_before(self.sentences, subjects)
        if len(texts) > 1:
            # Among several documents, a document's id names its subject, which
            # its sentences may call "he" or "the city" ("einstein.txt": "He was
            # born in Ulm"). Within one document it tells no sentence apart. The
            # IDF stays as written. On the SQuAD sample: quote_hit@1 0.903 -> 0.908,
            # abstain F1 0.334 -> 0.327.
            self.terms = [terms | frozenset(id_terms(s.doc_id))
                          for terms, s in zip(self.terms, self.sentences, strict=True)]
        self.unseen_idf = max(self.idf.values(), default=1.0)
        self.window_vectors = _window_vectors(self.sentences, sentence_vectors)
        self.chunk_sentences = chunk_sentences
        self.proper_nouns = proper_noun_words(s.text for s in self.sentences)
        # A document's id names it too: "notes/rhine.md" is about the Rhine.
        self.vocabulary = Vocabulary(set(self.idf).union(*map(id_terms, texts)))
        # Headings help retrieval find a section but answer nothing, unless the
        # question asks about headings (``HEADING_Q``).
        self.headings = frozenset(s.sentence_id for s in self.sentences
                                  if is_heading(s, texts[s.doc_id]))
        # ... but a heading that states something after a colon ("Expectations
        # from the summit: SCO+, strategic planning and international attention")
        # answers as a sentence would, asked what its label names (``_asks_label``).
        self.stating = frozenset(sid for sid in self.headings
                                 if _STATES.search(self.sentences[sid].text))
        # A line of its own that labels a statement and ends as a sentence does
        # ("Interests of Kazakhstan in ...: creation of strong ties ...") heads its
        # section too: asked about headings, it answers as they do.
        self.labelled = frozenset(
            s.sentence_id for s in self.sentences
            if s.sentence_id not in self.headings and _LABELLED.match(s.text)
            and not s.text.rstrip().endswith("?") and _alone(s, texts[s.doc_id]))
        # Nor does a sentence asking a question: a FAQ's "Q: Can I use it on
        # Windows?" matches the user's question best of all, and its answer is the
        # sentence after it.
        # (One ending in a quoted question, 'The slogan was "Why wait?"', states.)
        self.asking = frozenset(s.sentence_id for s in self.sentences
                                if s.text.rstrip().endswith("?"))
        # A line of its own closing a document ("China Studies Centre"), or one
        # giving an author ("By Jane Porter"): who wrote or published it.
        last = {s.doc_id: s.sentence_id for s in self.sentences}
        self.credit_lines = frozenset(
            sid for sid in self.headings
            if last[self.sentences[sid].doc_id] == sid or _BYLINE.match(self.sentences[sid].text))
        # Each document's sentences in order, and the first chunk holding each
        # sentence: where an overview's quotes come from and are cited to.
        self.document_sentences: dict[str, list[Sentence]] = {}
        for sentence in self.sentences:
            self.document_sentences.setdefault(sentence.doc_id, []).append(sentence)
        self.first_chunk: dict[int, int] = {}
        for chunk_id, sentence_ids in enumerate(chunk_sentences):
            for sid in sentence_ids:
                self.first_chunk.setdefault(sid, chunk_id)
        # A sentence the chunker left out of every chunk (one running over three
        # chunks) could not be cited: it neither opens nor heads an overview.
        unplaced = frozenset(s.sentence_id for s in self.sentences
                             if s.sentence_id not in self.first_chunk)
        # A dateline or a credit ("ASTANA, July 3", "Photo: Reuters") heads none
        # either: it dates or credits the page, it does not say what it is about.
        self.overview_titles = frozenset(
            sid for sid in self.headings - self.credit_lines - unplaced
            if names_section(self.sentences[sid].text))
        self.overview_skip = self.headings | self.asking | unplaced
        self.rules = ConfidenceRules(self.sentences, self.terms, texts, self.idf,
                                     self.vocabulary, self.proper_nouns, self.headings,
                                     abbreviations)

    def select(self, question: str, query_vector: np.ndarray, query_terms: Sequence[str],
               passages: Sequence[Passage], max_quotes: int) -> Selection:
        """Pick up to ``max_quotes`` non-overlapping quotes and the short answer.

        A quote is a sentence scoring within ``QUOTE_MARGIN`` of the best, joined
        with such a sentence right before or after it; asked "why", a sentence
        stating a consequence is joined with the one before it, its cause, whatever
        that one scores; asked "who", a sentence naming no one but calling someone
        "he" or "she" is joined with the sentence naming them right before it, or
        quoted after it when that one ends the paragraph before. The short answer
        comes from the best sentence, or from its cause or the sentence naming the
        person. The confidence is that sentence's score clipped to [0, 1], scaled
        down by the rules of ``rag.confidence`` that it fails; the caller compares
        it with the abstention threshold.
        """
        owner: dict[int, Passage] = {}
        # A sentence repeated word for word (a copied file, a boilerplate line) is
        # one piece of evidence: only its best-ranked copy may be quoted, so the
        # other quote slots go to other sentences.
        seen: set[str] = set()
        headings = self._asked_headings(question, passages)
        # A heading says nothing is so or not: asked yes or no ("Aren't people
        # expecting little from this summit?"), a sentence answers, not the label.
        stating = set() if YES_NO_OPENING.match(question) else {
            sid for sid in self.stating if _asks_label(query_terms, self.sentences[sid].text)}
        # Asked who wrote the document, its credit line answers, of whatever kind.
        credited = bool(headings) and asks_source(question)
        for passage in passages:  # best passage first, so it owns shared sentences
            for sid in self.chunk_sentences[passage.chunk_id]:
                if sid in owner or sid in self.asking or (
                        sid not in headings if headings
                        else sid in self.headings and sid not in stating):
                    continue
                text = " ".join(self.sentences[sid].text.split())
                if text not in seen:
                    seen.add(text)
                    owner[sid] = passage
        if not owner or not (query_terms or credited):
            # "Why?", "Who is he?": nothing to look for, so nothing found. (Asked
            # "Who is this article by?", the credit line is what is looked for.)
            return Selection("", 0.0, ())
        ids = np.fromiter(owner, dtype=np.int64)
        dense = self.vectors[ids] @ query_vector
        window = self.window_vectors[ids] @ query_vector
        kind = answer_type(question)
        place = position_cue(question)
        # "at the start of the article" says where to look: its words still count
        # as written (leaving them out changed every sentence's share of the
        # question and lost "In conclusion, ..." for "the concluding section"),
        # only not by their sense ("start" would count "Founded in 2001").
        cue = {t for pattern in (_END_CUE, _START_CUE) for m in pattern.finditer(question)
               for t in tokenize(m.group())} if place is not None else set()
        # "Which transport corridors ...?": the noun whose named instance answers.
        noun = asked_noun(question) if kind is AnswerType.OTHER else None
        where = kind is AnswerType.ENTITY and (WHERE_Q.match(question) is not None
                                              or CITY_Q.search(question) is not None)
        if where:
            # "Where will the summit be held?", "In which city ...?": "held" asks
            # where, as "where" does; as a term it would favour "The summit will
            # be held under the motto".
            query_terms = [t for t in query_terms if t not in _OCCURRING] or query_terms
        related = {term: frozenset() if term in cue else self.vocabulary.related(term)
                   for term in set(query_terms)}
        # "When was the SCO created?" asks when it underwent "create": a sentence
        # in which something does it to something else ("The SCO plans to create
        # an Investment Fund") does not hold the question's "created".
        passive = _UNDERGONE_Q.match(question)
        undergone = frozenset(tokenize(passive["verb"])) if passive else frozenset()
        does = None
        if passive is not None and undergone:
            # The verb's stem, done to something: "create an", "creating the".
            stem = passive["verb"][:-2] if passive["verb"].endswith("ed") else passive["verb"]
            does = re.compile(rf"\b{re.escape(stem)}[a-z]*\s+(?:a|an|the|its|their|new|joint)\b",
                              re.I)
        scored = []
        for i, sid in enumerate(ids.tolist()):
            sentence = self.sentences[sid]
            held = self.terms[sid]
            if does is not None and does.search(sentence.text) is not None:
                held = held - undergone
            score = (W_DENSE * float(dense[i]) + W_WINDOW * float(window[i])
                     + W_COVERAGE * _floored(coverage(query_terms, held, self.idf,
                                                      self.unseen_idf, related))
                     + W_RANK / owner[sid].rank)
            evidence = self._type_evidence(kind, sentence.text, question, noun)
            if credited:
                evidence = CREDIT_BONUS
            elif evidence < 0 and self._named_before(sentence, kind, question, owner,
                                                     max_quotes) is not None:
                evidence = TYPE_HIT_BONUS
            if where and evidence > 0 and _placed_subject(sentence.text, query_terms):
                evidence += PLACED_BONUS
            score += evidence
            if place is not None and self._placed(sentence, place):
                score += POSITION_BONUS
            scored.append((score, sentence, evidence))
        scored.sort(key=lambda item: (-item[0], item[1].sentence_id))
        if kind in TYPED and scored[0][2] < 0:
            scored = self._typed_first(scored)

        if logger.isEnabledFor(logging.DEBUG):
            for score, sentence, evidence in scored[:5]:
                logger.debug("%.4f (type %+.2f) %s", score, evidence, sentence.text[:100])
        best, top, _ = scored[0]
        # "Why ...?" over a stated consequence: the reason is the sentence before;
        # "Who ...?" over "He emphasized ...": so is the name.
        top_cause = (self._cause(top) if kind is AnswerType.REASON
                     else self._named_before(top, kind, question, owner, max_quotes))
        groups: list[list[Sentence]] = []
        group_scores: list[float] = []
        # Deeper than the quotes: a sentence next to a chosen one joins it
        # instead of taking a slot.
        taken: set[int] = set()
        for score, sentence, _ in scored[: QUOTE_DEPTH * max_quotes]:
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
                         if kind is AnswerType.REASON
                         else self._named_before(sentence, kind, question, owner, max_quotes))
                if cause is not None and cause.sentence_id not in taken:
                    if self._joins(group, cause):
                        group.append(cause)
                    elif sentence is top and top_cause is not None:
                        groups.append([cause])
                        group_scores.append(score)
                        taken.add(cause.sentence_id)
                if (after := self._going_on(group)) is not None and after.sentence_id not in taken:
                    group.append(after)
                groups.append(group)
                group_scores.append(score)
            else:
                continue
            taken.update(s.sentence_id for s in group)
        quotes = tuple(self._quote(g, score, owner) for g, score in zip(groups, group_scores,
                                                                        strict=True))
        reason = top_cause.text if top_cause is not None else top.text
        scale, doubts = self.rules.check(question, kind, top, query_terms,
                                         named_before=top_cause
                                         if kind is AnswerType.NAME else None,
                                         credited=credited)
        confidence = float(np.clip(best, 0.0, 1.0)) * scale
        # A list item's marker ("* The admin page is at ...") or a FAQ's "A:" is
        # layout, not answer.
        marker = _LIST_ITEM.match(reason) or _ANSWER_LABEL.match(reason)
        short = narrow(reason, question, self.proper_nouns) or (
            reason[marker.end() :] if marker else reason)
        return Selection(short or reason, confidence, quotes, doubts)

    def overview(self, passages: Sequence[Passage], max_quotes: int) -> Selection:
        """What the documents are about (``rag.overview``): the opening paragraph
        and headings of a single document, or the openings of several, those of the
        documents ``passages`` come from first.

        The short answer is the opening's first sentence, or the first heading of a
        document that has no opening. Each quote is cited to a chunk holding its
        first sentence: the best-ranked of ``passages`` that holds it, else the
        first in its document.
        """
        by_doc = self.document_sentences
        order = list(dict.fromkeys([p.doc_id for p in passages if p.doc_id in by_doc]
                                   + list(by_doc)))
        groups = outline([by_doc[d] for d in order], self.overview_titles,
                         self.overview_skip, self.texts, max_quotes, MAX_QUOTE_SENTENCES)
        if not groups:
            return Selection("", 0.0, ())
        owner: dict[int, Passage] = {}
        for passage in reversed(passages):  # the best passage holding a sentence owns it
            for sid in self.chunk_sentences[passage.chunk_id]:
                owner[sid] = passage
        quotes = []
        for group in groups:
            sid = group[0].sentence_id
            chunk_id = owner[sid].chunk_id if sid in owner else self.first_chunk[sid]
            start, end = group[0].start, group[-1].end
            quotes.append(Quote(self.texts[group[0].doc_id][start:end], group[0].doc_id,
                                chunk_id, start, end, OVERVIEW_CONFIDENCE))
        first = groups[0][0]
        # A heading ("# Rhine shipping notes") answers without its Markdown marks.
        answer = (_HEADING_MARKS.sub("", first.text.splitlines()[0]).strip()
                  if first.sentence_id in self.headings else first.text)
        return Selection(answer or first.text, OVERVIEW_CONFIDENCE, tuple(quotes))

    def credit_chunks(self, passages: Sequence[Passage]) -> list[int]:
        """The chunks holding the credit lines of the document of the first of
        ``passages``, the one a question about "this article" is taken to mean:
        where who wrote it is said (``asks_source``). Empty for a document
        without one: another document's credit does not answer."""
        if not passages:
            return []
        document = self.document_sentences.get(passages[0].doc_id, ())
        return list(dict.fromkeys(
            self.first_chunk[sid] for sentence in document
            if (sid := sentence.sentence_id) in self.credit_lines and sid in self.first_chunk))

    def _asked_headings(self, question: str, passages: Sequence[Passage]) -> frozenset[int]:
        """The headings in ``passages`` when ``question`` asks about headings
        (``HEADING_Q``), the credit lines when it asks who wrote the document
        (``asks_source``), else none: only then may a heading answer."""
        if asks_source(question):
            # "Who is the author of the piece at the China Studies Centre?" names
            # the credit line and asks who beyond it: the line does not answer.
            asked = " ".join(question.lower().split())
            wanted = frozenset(sid for sid in self.credit_lines if " ".join(
                self.sentences[sid].text.lower().split()) not in asked)
        elif HEADING_Q.search(question):
            wanted = self.headings | self.labelled
        else:
            return frozenset()
        return frozenset(sid for passage in passages
                         for sid in self.chunk_sentences[passage.chunk_id] if sid in wanted)

    @staticmethod
    def _typed_first(scored: list[_Scored]) -> list[_Scored]:
        """``scored`` with the best sentence holding a span of the asked type first,
        if it scores within ``TYPED_MARGIN`` of the best, which holds none."""
        best = scored[0][0]
        for i, (score, _, evidence) in enumerate(scored[1:], start=1):
            if score < best - TYPED_MARGIN:
                break
            if evidence > 0:
                return [scored[i], *scored[:i], *scored[i + 1 :]]
        return scored

    def _joins(self, group: Sequence[Sentence], sentence: Sentence) -> bool:
        """Whether ``sentence`` directly precedes or follows ``group`` in its paragraph."""
        if len(group) >= MAX_QUOTE_SENTENCES or sentence.doc_id != group[0].doc_id:
            return False
        ordered = sorted(group, key=lambda s: s.sentence_id)
        text = self.texts[sentence.doc_id]
        if sentence.sentence_id == ordered[0].sentence_id - 1:
            return one_paragraph(text, sentence, ordered[0])
        if sentence.sentence_id == ordered[-1].sentence_id + 1:
            return one_paragraph(text, ordered[-1], sentence)
        return False

    def _going_on(self, group: Sequence[Sentence]) -> Sentence | None:
        """The sentence after ``group`` in its paragraph, if it goes on about what
        the group says ("This was the first meeting of this level" after "On May
        16, the President ... met with the secretaries ..."): alone, neither says
        what the meeting was."""
        last = max(group, key=lambda s: s.sentence_id)
        following = last.sentence_id + 1
        if following >= len(self.sentences) or following in self.headings:
            return None
        after = self.sentences[following]
        if not _GOES_ON.match(after.text) or not self._joins(group, after):
            return None
        return after

    def _cause(self, sentence: Sentence) -> Sentence | None:
        """The sentence whose consequence ``sentence`` states, if it opens by saying so."""
        sid = sentence.sentence_id
        opening = CONSEQUENCE_OPENING.match(sentence.text)
        # "Therefore, X, due to Y" gives its own reason.
        if sid == 0 or opening is None or REASON_PHRASE.search(sentence.text, opening.end()):
            return None
        before = self.sentences[sid - 1]
        if before.sentence_id in self.headings or not self._joins([sentence], before):
            return None
        return before

    def _named_before(self, sentence: Sentence, kind: AnswerType, question: str,
                      owner: Mapping[int, Passage], max_quotes: int) -> Sentence | None:
        """Asked who, the sentence before ``sentence`` that names the person it
        calls "he" or "she" (``coreference.named_before``), if ``sentence`` names
        no one itself, that one does, and it can be quoted: joined with
        ``sentence`` in its paragraph, or, ending the paragraph before, apart (a
        slot of its own, and a retrieved passage to cite)."""
        before = self.named_before.get(sentence.sentence_id)
        if (kind is not AnswerType.NAME or before is None
                or candidates(sentence.text, kind, question, self.proper_nouns)
                or not candidates(before.text, kind, question, self.proper_nouns)):
            return None
        if not self._joins([sentence], before) and (max_quotes < 2
                                                     or before.sentence_id not in owner):
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

    def _placed(self, sentence: Sentence, place: str) -> bool:
        """Whether a sentence lies in the ``start`` or ``end`` share of its document."""
        size = len(self.texts[sentence.doc_id]) or 1
        if place == "start":
            return sentence.end <= POSITION_SHARE * size
        return sentence.start >= (1.0 - POSITION_SHARE) * size

    def _type_evidence(self, kind: AnswerType, sentence: str, question: str,
                       noun: str | None = None) -> float:
        """Score adjustment for whether a sentence holds the kind of answer asked for
        (for an untyped "Which N ...?", ``noun``: a named instance of it)."""
        if kind is AnswerType.OTHER:
            # "Which transport corridors ...?": a sentence naming one by its name
            # holds the kind of answer asked for, as a date does for "when".
            return (TYPE_HIT_BONUS if noun is not None
                    and names_by_name(sentence, question, noun) else 0.0)
        found = bool(candidates(sentence, kind, question, self.proper_nouns))
        if kind is AnswerType.REASON:
            return REASON_BONUS if found else 0.0
        if kind is AnswerType.DEFINITION:
            return DEFINITION_BONUS if found else 0.0
        return TYPE_HIT_BONUS if found else -TYPE_MISS_PENALTY


# Terms of the verbs that ask where something happens or is.
_OCCURRING = frozenset(tokenize("held hold take place took located situated happen occur"))
_ATTACHED = re.compile(r"([\w’'-]+)\s+(?:in|at)\s+(?:the\s+)?[A-Z]")


def _placed_subject(sentence: str, terms: Sequence[str]) -> bool:
    """Whether a question term stands right before "in/at <Name>": "the
    upcoming SCO summit in Astana" places the summit."""
    wanted = set(terms)
    return any(not wanted.isdisjoint(tokenize(m.group(1))) for m in _ATTACHED.finditer(sentence))


def _asks_label(query_terms: Sequence[str], heading: str) -> bool:
    """Whether a question asks what a stating heading's label names: it holds half
    its label's terms or more, and more of them than of what follows the colon.
    "What are the main expectations from the summit?" asks what "Expectations from
    the summit: SCO+, strategic planning ..." lists; "What international attention
    will the summit get?" only repeats the list's words."""
    label, _, stated = heading.partition(":")
    asked = set(query_terms)
    terms = tokenize(label)
    named = asked.intersection(terms)
    # One term of several is enough only if it is the label's first, its head:
    # "Which themes are expected of the gathering?" asks about the expectations,
    # "Is Qatar sending its leader to this summit?" only names the summit.
    return 2 * len(named) >= len(set(terms)) > 0 and (len(named) > 1 or terms[0] in named) and (
        len(named) > len(asked.intersection(tokenize(stated))))


def position_cue(question: str) -> str | None:
    """``"start"`` or ``"end"`` when the question says where in the document to look."""
    if _END_CUE.search(question):
        return "end"
    if _START_CUE.search(question):
        return "start"
    return None


# "When was the SCO created?", "When were the tariffs introduced?".
_UNDERGONE_Q = re.compile(r"\s*when\s+(?:was|were)\s+.+?\s+(?P<verb>[a-z]+(?:ed|en))\s*[?.!]*\s*$",
                          re.I)
_BYLINE = re.compile(r"\s*By\s+[A-Z]")
# A sentence saying what the one before it was: "This was the first meeting of
# this level", "It is the largest of its kind"; not "It is urgent now to ensure
# ...", whose "it" stands for what follows.
_GOES_ON = re.compile(r"\s*(?:This|That|It|Such)\s+(?:was|is|will\s+be|would\s+be|"
                      r"has\s+been|had\s+been|became|becomes|marks|marked)\b"
                      r"(?!\s+[\w’'-]+\s+(?:now\s+)?(?:to|that)\b)")
_LIST_ITEM = re.compile(r"\s*(?:[-*•–]|\d+[.)]|[a-z][.)])\s")
_ANSWER_LABEL = re.compile(r"\s*(?:A|Answer)\s*:\s+")


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
    return _alone(sentence, text) and not sentence.text.rstrip().endswith(
        (".", "!", "?", "…", '"', "”", "’", "'"))


def _alone(sentence: Sentence, text: str) -> bool:
    """Whether ``sentence`` is a line of ``text`` of its own."""
    line_start = text.rfind("\n", 0, sentence.start) + 1
    line_end = text.find("\n", sentence.end)
    line_end = len(text) if line_end < 0 else line_end
    return not (text[line_start : sentence.start] + text[sentence.end : line_end]).strip()


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


