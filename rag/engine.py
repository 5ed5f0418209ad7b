"""The question-answering engine: index, retrieve, quote, abstain.

One ``Engine`` serves every entry point (CLI, web app, evaluator). It loads the
model and index once and is safe to share between threads: after start-up
every request only reads, from one snapshot of the index that ``refresh``
replaces whole when the documents change.
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from rag.answering import Answerer, Selection
from rag.confidence import TYPE_MISS
from rag.coreference import Abbreviations
from rag.corpus import (
    collection_for,
    corpus_sha256,
    corpus_stamp,
    load_corpus,
    load_default_corpus,
)
from rag.embedding import Embedder
from rag.errors import CorruptIndexError, InvalidQuestionError, RagError, StaleIndexError
from rag.lexical import QUESTION_OPENING, tokenize, without_idioms
from rag.questions import asks_overview, asks_source, plain_question, without_kind_noun
from rag.retrieval import Retriever, check_request
from rag.schema import Answer, Document, Passage
from rag.sentences import sentences_by_chunk
from rag.settings import (
    DEFAULT_MODEL_NAMES,
    MAX_QUESTION_CHARS,
    MAX_TOP_K,
    Settings,
    load_settings,
    project_root,
)
from rag.spelling import Speller
from rag.store import IndexData, build_index, check_target, load_index, save_index
from rag.truecasing import Truecaser

log = logging.getLogger(__name__)

DEFAULT_COLLECTION = "default"


def default_index_dir() -> Path:
    """``<project>/index``: where ``rag index`` writes unless told otherwise."""
    return project_root() / "index"


def collection_folder(collection: str, model: str) -> str:
    """The index folder name for a collection embedded with ``model``.

    The default model keeps the bare name (``default``); any other gets its own
    folder (``default--all-mpnet-base-v2``), so switching models back and forth
    loads each model's index instead of rebuilding one shared folder every time.
    """
    if model in DEFAULT_MODEL_NAMES:
        return collection
    model = model.rstrip("/\\")
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", Path(model).name).strip("-.") or "model"
    if name == model:  # a plain model name is already a safe folder name
        return f"{collection}--{name}"
    # Two local folders may share a last component; the digest keeps them apart.
    return f"{collection}--{name}-{hashlib.sha256(model.encode('utf-8')).hexdigest()[:8]}"


def validate_question(question: object) -> str:
    """Return the question stripped, with look-alike letters folded, invisible
    characters dropped (``_visible``) and a missing question mark added, or raise
    InvalidQuestionError saying why.

    Full-width letters ("ＳＣＯ") and ligatures ("ﬁ") become the plain letters the
    corpus is written in, so they match its words (see ``fold_compatible``).
    """
    if not isinstance(question, str):
        raise InvalidQuestionError(f"The question must be text, not {type(question).__name__}.")
    try:
        question.encode("utf-8")
    except UnicodeEncodeError as exc:
        # A lone surrogate: bytes that were not UTF-8 (a terminal in another
        # encoding), or a broken paste. The tokenizer would fail on it.
        raise InvalidQuestionError(
            f"The question holds something that is not valid text at character "
            f"{exc.start + 1} ({question[exc.start]!r}); retype that part.") from exc
    text = question.strip()
    # The limit applies to what was typed: folding "…" into "..." must not push a
    # question over it.
    if len(text) > MAX_QUESTION_CHARS:
        raise InvalidQuestionError(
            f"The question has {len(text)} characters; the limit is {MAX_QUESTION_CHARS}. "
            "Shorten it."
        )
    text = _visible(text)
    if not text:
        raise InvalidQuestionError("The question is empty; type a question about the document.")
    return _with_question_mark(fold_compatible(text))


# A terminal's colour codes and links, and invisible characters pasted in with the
# question: "S\u200bCO" is "SCO" to the reader, "\x1b[31mWhen" is "When".
_ESCAPES = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]+")
_SPACES = re.compile(r"\s+")
# Format characters that change nothing a reader sees, except the joiners that
# Persian or Hindi words and emoji need (ZWNJ, ZWJ).
_JOINERS = frozenset("\u200c\u200d")


def _visible(text: str) -> str:
    """``text`` as a reader sees it: accents composed (NFC: "fou\u0301nded" is
    "foúnded"), terminal escapes and invisible format characters (zero-width
    space, soft hyphen, direction marks) dropped, other control characters read
    as a space, and every run of spaces, tabs or line breaks as one space (a
    question's words are what count; a run of 2,000 spaces would slow the rules'
    patterns to minutes)."""
    text = _ESCAPES.sub("", text)
    if not text.isascii():
        text = "".join(ch for ch in unicodedata.normalize("NFC", text)
                       if ch in _JOINERS or unicodedata.category(ch) != "Cf")
    return _SPACES.sub(" ", _CONTROL.sub(" ", text)).strip()


# Typed without its question mark, a question is read as if it had one: the model
# embeds "how many members does the sco have" apart from the same words with "?"
# (cosine 0.94), and that alone turned an answer into an abstention.


def _with_question_mark(text: str) -> str:
    """``text``, ending in "?" if it opens with a question word ("how", "is", ...)
    and ends in no punctuation."""
    if QUESTION_OPENING.match(text) and not text.endswith(("?", ".", "!", "…", ":", ";")):
        return text + "?"
    return text


# Compatibility forms that only change how a letter looks. Superscripts,
# fractions and the like are left alone: NFKC would read "10²" as "102".
_FOLDED_FORMS = ("<wide>", "<narrow>", "<compat>", "<font>")


def fold_compatible(text: str) -> str:
    """``text`` with full-width, half-width, ligature and styled letters replaced
    by their plain forms (NFKC, restricted to those forms)."""
    if text.isascii():
        return text
    return "".join(unicodedata.normalize("NFKC", ch)
                   if unicodedata.decomposition(ch).startswith(_FOLDED_FORMS) else ch
                   for ch in text)


# Asked once at load; names a capital, a country and a date so that every
# lazily built table is ready before the first real question.
WARM_UP = "When did Paris say France would join?"
# How many passages a question's second look retrieves, when the best sentence
# gives no span (or rate) of the asked kind: the most a request may ask for. The
# one sentence giving the asked kind may rank far down ("Which Kazakh city will
# host the summit?": "the upcoming SCO summit in Astana" is in the 13th passage).
# Twice top_k, as until 2026-11-29, left that question unanswered; going deeper
# changed no other answer on dev, the extra sets or the SQuAD sample.
SECOND_LOOK = MAX_TOP_K
# How often ``watch`` looks for edited documents: a look is a stat per file.
WATCH_SECONDS = 2.0
# ``watch`` re-reads files once they look the same at two looks in a row: an editor
# that truncates a file and then writes it would otherwise be indexed half-written.
# Files still changing after this many looks (a log being appended to) are read
# anyway, so that they are never left out for good.
SETTLE_LOOKS = 5
# A file changed this close to when it was stamped may change again within the
# same clock tick without changing its stamp (same size, same times: "racy git").
# Such a stamp does not vouch for the content: the next look re-reads it and
# compares texts. 2 s covers the coarsest common clock (FAT's).
RACY_NS = 2_000_000_000

# How many questions one index version remembers reading (``_Ready.read``): the
# evaluator reads each question some 7 times in a row (its vector, then ``ask`` and
# ``retrieve`` in each mode), and a server's stream of questions stays bounded.
READ_MEMO = 256

Stamp = tuple[tuple[str, int, int, int, int], ...]


@dataclass(frozen=True, slots=True)
class _Ready:
    """Everything a request reads, swapped as one when the documents change, so
    that no request pairs the old retriever with the new answerer."""

    index: IndexData
    retriever: Retriever
    answerer: Answerer
    abbreviations: Abbreviations
    truecaser: Truecaser
    speller: Speller
    _reads: Callable[[str], str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Remembered per version: after a refresh the corpus's words and names, and
        # so a question's reading, may differ. The memo holds the truecaser and the
        # speller, not ``self``: a swapped-out version, index and all, is freed as
        # soon as its last request ends, not at some later garbage collection.
        truecaser, speller = self.truecaser, self.speller

        def read(question: str) -> str:
            return truecaser(speller(truecaser.quieted(plain_question(question))))

        # lru_cache keeps its table whole under concurrent calls; two threads
        # reading one new question at once both compute the same reading.
        object.__setattr__(self, "_reads", lru_cache(maxsize=READ_MEMO)(read))

    def read(self, question: str) -> str:
        """The question as the rules read it: without words that ask nothing
        (``plain_question``: "Tell me when ..."), typos of the corpus's words
        corrected, then its names in the corpus's capitals.

        A question typed in capitals throughout says little by its capitals: it
        is read in lower case but for the words that may be names as typed
        (``Truecaser.quieted``): "WHO IS MURAT NURTLEU?" as "who is Murat
        Nurtleu?". The last ``READ_MEMO`` readings are remembered.
        """
        return self._reads(question)

    def terms(self, read: str) -> list[str]:
        """The lexical terms of a question as ``read`` gives it (``_looked_for``),
        names folded (``Abbreviations.question_terms``)."""
        return self.abbreviations.question_terms(_looked_for(read))


def _looked_for(question: str) -> str:
    """A question without idioms and the noun naming the kind of answer
    (``without_idioms``, ``without_kind_noun``): the words whose terms are looked for."""
    return without_kind_noun(without_idioms(question))


class Engine:
    """Answers questions about a corpus with verbatim, cited quotes.

    Args:
        settings: Pipeline settings; defaults to the calibrated settings file, if any.
        index_dir: Folder holding index collections; defaults to ``<project>/index``.
        documents: The corpus; defaults to the bundled article.
        collection: Name of this corpus's index: the sub-folder of ``index_dir``,
            suffixed for a model other than the default (``collection_folder``).
        embedder: A shared model; pass one to reuse it across engines.
    """

    def __init__(self, settings: Settings | None = None, index_dir: Path | None = None,
                 documents: Sequence[Document] | None = None,
                 collection: str = DEFAULT_COLLECTION, embedder: Embedder | None = None) -> None:
        self.settings = settings or load_settings()
        self.collection = collection
        self.index_path = (Path(index_dir or default_index_dir())
                           / collection_folder(collection, self.settings.model))
        self.documents = tuple(documents) if documents is not None else tuple(load_default_corpus())
        self.embedder = embedder or Embedder(self.settings.model)
        self._lock = threading.Lock()
        self._refresh_lock = threading.Lock()
        self._ready: _Ready | None = None
        #: Whether the last ``ensure_ready`` built the index (rather than loading it).
        self.built_index = False
        #: The file or folder the documents were read from (``over``); None if given.
        self.corpus: Path | None = None
        # The files' stamp when last read (None: re-read at the next look); the
        # stamp seen at the previous look and how many looks it has kept changing
        # (``refresh(settle=True)``); the fingerprint of the text last read, built
        # or not (a failed build is not retried for the same text).
        self._stamp: Stamp | None = None
        self._seen: Stamp | None = None
        self._unsettled = 0
        self._sha: str | None = None

    @classmethod
    def over(cls, corpus: Path | None, settings: Settings | None = None,
             index_dir: Path | None = None, embedder: Embedder | None = None) -> Engine:
        """An engine over your own documents, or the bundled article.

        Args:
            corpus: A UTF-8 text file or a folder of them (``load_corpus``); None
                for the bundled article.
            settings: As for ``Engine``.
            index_dir: As for ``Engine``; the index goes in a sub-folder named
                after the corpus (``collection_for``).
            embedder: As for ``Engine``.

        Raises:
            CorpusError: The corpus cannot be read (the message names the file).
        """
        if corpus is None:
            return cls(settings, index_dir=index_dir, embedder=embedder)
        # Stamped before reading: an edit made while it is read shows as a change.
        stamp, taken = corpus_stamp(corpus), time.time_ns()
        engine = cls(settings, index_dir=index_dir, documents=load_corpus(corpus),
                     collection=collection_for(corpus), embedder=embedder)
        engine.corpus, engine._stamp = corpus, _trusted(stamp, taken)
        return engine

    @property
    def index(self) -> IndexData:
        """The loaded index (loads or builds it on first access)."""
        return self.ensure_ready()

    @property
    def _retriever(self) -> Retriever | None:
        return None if self._ready is None else self._ready.retriever

    @property
    def _answerer(self) -> Answerer | None:
        return None if self._ready is None else self._ready.answerer

    def ensure_ready(self, rebuild: bool = False, progress: bool = False) -> IndexData:
        """Load the model and the index, building the index first if missing, stale,
        corrupt or ``rebuild``; a no-op once ready.
        """
        with self._lock:
            if self._ready is None or rebuild:
                self._ready = self._make_ready(self.documents, rebuild, progress)
            return self._ready.index

    def _make_ready(self, documents: Sequence[Document], rebuild: bool,
                    progress: bool) -> _Ready:
        """Load or build the index of ``documents`` and what answers from it."""
        data = self._load_or_build(documents, rebuild, progress)
        chunk_sentences = sentences_by_chunk(data.chunks, data.sentences)
        abbreviations = Abbreviations(d.text for d in data.documents)
        retriever = Retriever(data.chunks, data.chunk_index, data.sentence_vectors,
                              chunk_sentences, self.settings.lexical_weight, abbreviations)
        answerer = Answerer(data.sentences, data.sentence_vectors, chunk_sentences,
                            {d.doc_id: d.text for d in data.documents}, abbreviations)
        # Load and warm the model (torch's first call is slow) and the answerer's
        # tables (country names, stand-ins), all built on first use: answer one
        # question now, outside any question's timing. After the index, so that a
        # folder rag cannot use fails before the model loads.
        vector = self.embedder.embed_query(WARM_UP)
        terms = abbreviations.question_terms(WARM_UP)
        passages = retriever.search(vector, terms, self.settings.mode, 1)
        answerer.select(WARM_UP, vector, terms, passages, 1)
        return _Ready(data, retriever, answerer, abbreviations,
                      Truecaser(d.text for d in data.documents),
                      Speller(d.text for d in data.documents))

    def refresh(self, settle: bool = False) -> bool:
        """Re-read the documents if their files changed, and answer from then on
        from an index of the new text.

        Requests go on being answered from the previous index while the new one
        builds; it is swapped in whole. A folder's file that can no longer be read
        is left out with a warning, as ``load_corpus`` does; when nothing can be
        read (the folder emptied, the file gone) the previous documents stay. A
        build that fails is not retried until the text changes again. Only an
        engine made by ``over`` with a corpus path has files to check.

        Args:
            settle: Wait until the files look the same at two calls in a row (at
                most ``SETTLE_LOOKS`` calls) before reading them, so that a file
                caught half-written is not indexed; ``watch`` sets it.

        Returns:
            Whether a new index was swapped in.

        Raises:
            RagError, OSError: The new index could not be built or saved; the
                previous one stays in use.
        """
        if self.corpus is None:
            return False
        with self._refresh_lock:
            stamp, taken = corpus_stamp(self.corpus), time.time_ns()
            if stamp == self._stamp:
                self._seen, self._unsettled = None, 0
                return False
            if settle and stamp != self._seen and self._unsettled < SETTLE_LOOKS:
                self._seen, self._unsettled = stamp, self._unsettled + 1
                return False
            self._seen, self._unsettled = None, 0
            # Remembered before anything can fail, so that a failure (unreadable
            # files, a full disk) is not retried, re-reading or re-embedding
            # everything, at every look.
            self._stamp = _trusted(stamp, taken)
            try:
                documents = tuple(load_corpus(self.corpus))
            except RagError as exc:
                log.warning("the documents changed but cannot be read (%s); still answering "
                            "from the previous version", exc)
                return False
            sha = corpus_sha256(documents)
            if self._sha is None:
                self._sha = corpus_sha256(self.documents)
            if sha == self._sha:
                return False  # touched, not edited; or a build of this text failed
            log.info("the documents in %s changed; rebuilding the index", self.corpus)
            self._sha = sha
            ready = self._make_ready(documents, rebuild=False, progress=False)
            with self._lock:
                self.documents, self._ready = documents, ready
            return True

    def watch(self, every: float = WATCH_SECONDS) -> threading.Event:
        """Call ``refresh(settle=True)`` every ``every`` seconds in a background
        thread (none for an engine without a corpus path: it has no files to look
        at). An edit is answered from once the files have stayed the same for one
        look and the new index is built.

        Returns:
            An event; set it to stop watching.
        """
        stop = threading.Event()
        if self.corpus is None:
            return stop

        def loop() -> None:
            while not stop.wait(every):
                try:
                    self.refresh(settle=True)
                except (RagError, OSError) as exc:  # a full disk, a folder made read-only
                    log.warning("could not refresh the index: %s; still answering from the "
                                "previous version", exc)
                except Exception:  # anything else must not end the watching silently
                    log.exception("could not refresh the index; still answering from the "
                                  "previous version")

        threading.Thread(target=loop, name="rag-watch", daemon=True).start()
        return stop

    def _load_or_build(self, documents: Sequence[Document], rebuild: bool,
                       progress: bool) -> IndexData:
        self.built_index = False
        if not rebuild:
            try:
                return load_index(self.index_path, documents, self.settings)
            except FileNotFoundError:
                log.info("no index at %s yet; building it", self.index_path)
            except StaleIndexError as exc:
                log.warning("index at %s is stale (%s); rebuilding it", self.index_path, exc)
            except CorruptIndexError as exc:
                log.warning("%s Rebuilding it.", exc)
        check_target(self.index_path)  # a folder we cannot write fails now, not after the build
        self.embedder.load()  # before the build's clock starts: its time is the build's alone
        data = build_index(documents, self.settings, self.embedder, progress=progress)
        save_index(data, self.index_path)
        self.built_index = True
        log.info("index built at %s: %d chunks, %d sentences in %.2f s", self.index_path,
                 len(data.chunks), len(data.sentences), data.manifest["build_seconds"])
        return data

    def retrieve(self, question: str, top_k: int | None = None, mode: str | None = None,
                 query_vector: np.ndarray | None = None) -> list[Passage]:
        """The passages ``ask`` would cite, without choosing quotes.

        Args:
            question: Natural-language question, 1 to 2,000 characters.
            top_k: Passages to retrieve; defaults to the settings.
            mode: ``hybrid``, ``dense`` or ``bm25``; defaults to the settings.
            query_vector: The question's embedding, as ``query_vector`` gives it.

        Raises:
            InvalidQuestionError: Empty or over-long question.
            InvalidRequestError: Unknown mode or top_k out of range.
        """
        text, top_k, mode = self._prepare(question, top_k, mode)
        ready = self._ready
        assert ready is not None
        read = ready.read(text)
        vector = self.embedder.embed_query(read) if query_vector is None else query_vector
        return ready.retriever.search(vector, ready.terms(read), mode, top_k)

    def _prepare(self, question: str, top_k: int | None, mode: str | None) -> tuple[str, int, str]:
        """Validate a request, fill in defaults from the settings, and load what it needs."""
        text = validate_question(question)
        top_k = self.settings.top_k if top_k is None else top_k
        mode = self.settings.mode if mode is None else mode
        check_request(mode, top_k)
        self.ensure_ready()
        return text, top_k, mode

    def terms(self, question: str) -> list[str]:
        """A question's lexical terms as every path reads them: words that ask
        nothing (``plain_question``), idioms and the noun naming the kind of answer
        left out, a body's full name folded to its acronym, an acronym the corpus
        only spells out spelled out (``_Ready.terms``).

        Raises:
            InvalidQuestionError: Empty or over-long question.
        """
        # Validated as ``ask`` validates it: the reading is remembered (``_Ready``),
        # and only for questions ``ask`` would take.
        text = validate_question(question)
        ready = self._ready
        return (tokenize(_looked_for(plain_question(text)))
                if ready is None else ready.terms(ready.read(text)))

    def read(self, question: str) -> str:
        """A question as every path reads it, the embedding included: without words
        that ask nothing, typos of the corpus's words corrected, names in the
        corpus's capitals (``_Ready.read``).

        Raises:
            InvalidQuestionError: Empty or over-long question.
        """
        text = validate_question(question)
        self.ensure_ready()
        ready = self._ready
        assert ready is not None
        return ready.read(text)

    def query_vector(self, question: str) -> np.ndarray:
        """The embedding ``ask`` computes for ``question`` (of ``read``'s text), for
        callers that reuse one across modes.

        Raises:
            InvalidQuestionError: Empty or over-long question.
        """
        return self.embedder.embed_query(self.read(question))

    def embed_questions(self, questions: Sequence[str]) -> np.ndarray:
        """Embed many questions in one batch, as ``query_vector`` reads each (for
        benchmarks and other batch jobs).

        Raises:
            InvalidQuestionError: An empty or over-long question.
        """
        return self.embedder.embed([self.read(q) for q in questions],
                                   batch_size=self.settings.embed_batch_size)

    def ask(self, question: str, top_k: int | None = None, mode: str | None = None,
            query_vector: np.ndarray | None = None) -> Answer:
        """Answer one question.

        Args:
            question: Natural-language question, 1 to 2,000 characters.
            top_k: Passages to retrieve; defaults to the settings.
            mode: ``hybrid``, ``dense`` or ``bm25``; defaults to the settings.
            query_vector: The question's embedding, if already computed: from
                ``query_vector`` or ``embed_questions``, which embed the question as
                ``read`` gives it (not as typed).

        Raises:
            InvalidQuestionError: Empty or over-long question.
            InvalidRequestError: Unknown mode or top_k out of range.
        """
        text, top_k, mode = self._prepare(question, top_k, mode)
        ready = self._ready  # read once: ``refresh`` may swap it meanwhile
        assert ready is not None

        # Timings cover the question alone, not the one-off model and index load;
        # "embed" is reading the question (``read``) and embedding it.
        t0 = started = time.perf_counter()
        # The embedding and the rules alike read the question without its lead-in
        # and with its typos of the corpus's words corrected ("Tell me when the sco
        # was fonded": "when the SCO was founded"), so that the vector and the terms
        # rank by the same question.
        cased = ready.read(text)
        vector = self.embedder.embed_query(cased) if query_vector is None else query_vector
        t1 = time.perf_counter()
        terms = ready.terms(cased)
        passages = ready.retriever.search(vector, terms, mode, top_k)
        t2 = time.perf_counter()
        if asks_overview(text) or asks_overview(cased):
            # "What is this article about?": its opening and headings, cited to
            # their chunks, which lead the passages whether retrieved or not. Read
            # as typed, or as the rules read it: typos of the corpus's words
            # corrected ("what is the main tpoic?"), "in the article" left out
            # ("In the article, what is the main point?").
            pick = ready.answerer.overview(passages, self.settings.max_quotes)
            passages = _cited_first(ready.retriever, pick, passages, top_k)
        else:
            pick, passages = self._quoted(ready, cased, vector, terms, passages, mode, top_k)
        abstained = not pick.quotes or pick.confidence < self.settings.abstain_threshold
        t3 = time.perf_counter()
        return Answer(
            # Echo what was typed: the folded form is for matching, not for showing.
            question=question.strip(),
            answer="" if abstained else pick.answer,
            abstained=abstained,
            confidence=pick.confidence,
            quotes=() if abstained else pick.quotes,
            passages=tuple(passages),
            timings_ms={"embed": (t1 - t0) * 1e3, "retrieve": (t2 - t1) * 1e3,
                        "answer": (t3 - t2) * 1e3, "total": (t3 - started) * 1e3},
            doubts=pick.doubts,
        )

    def _quoted(self, ready: _Ready, cased: str, vector: np.ndarray, terms: list[str],
                passages: list[Passage], mode: str,
                top_k: int) -> tuple[Selection, list[Passage]]:
        """The quotes for a question read as ``cased``, from ``passages`` or, when
        they give no span of the asked kind, from a deeper look; and the passages
        the answer shows."""
        if asks_source(cased) and (credits := ready.answerer.credit_chunks(passages)):
            # Asked who wrote the document, its credit line answers: a line of a
            # few words that the question's words rarely rank ("Who wrote this
            # piece?"), so its chunk leads the passages, as an overview's do.
            passages = _led_by(ready.retriever, credits, passages, top_k)
        pick = ready.answerer.select(cased, vector, terms, passages, self.settings.max_quotes)
        depth = SECOND_LOOK
        if depth > top_k and _type_missed(pick):
            # A second, deeper look: the one sentence giving the asked kind of span
            # ("the upcoming SCO summit in Astana" for "Where is the summit?") may
            # lie in a passage ranked below top_k. (Its time counts as
            # answering, not retrieving.)
            deeper = ready.retriever.search(vector, terms, mode, depth)
            again = ready.answerer.select(cased, vector, terms, deeper,
                                          self.settings.max_quotes)
            if not _type_missed(again):
                pick = again
                if again.confidence >= self.settings.abstain_threshold:
                    # The passages down to the deepest one a quote cites: ranks
                    # stay 1..n, and every quote's passage is there. An
                    # abstention keeps the top_k closest.
                    cited = {quote.chunk_id for quote in again.quotes}
                    deepest = max((p.rank for p in deeper if p.chunk_id in cited),
                                  default=0)
                    passages = deeper[: max(top_k, deepest)]
        return pick, passages


def _cited_first(retriever: Retriever, pick: Selection, passages: Sequence[Passage],
                 top_k: int) -> list[Passage]:
    """The chunks ``pick`` quotes, in its order, then the rest of ``passages``, ranked
    1..n anew: at least ``top_k`` passages where there are as many, and every
    quote's chunk.

    A quoted chunk the search did not return scores 0: it is there for where it
    stands in its document, not for what it shares with the question.
    """
    return _led_by(retriever, list(dict.fromkeys(quote.chunk_id for quote in pick.quotes)),
                   passages, top_k)


def _led_by(retriever: Retriever, chunks: Sequence[int], passages: Sequence[Passage],
            top_k: int) -> list[Passage]:
    """``chunks`` as passages, then the rest of ``passages``, ranked 1..n anew: at
    least ``top_k`` passages where there are as many, and every one of ``chunks``
    (one the search did not return scores 0)."""
    retrieved = {p.chunk_id: p for p in passages}
    ordered = ([retrieved.get(c) or retriever.passage(c, 0.0, 0) for c in chunks]
               + [p for p in passages if p.chunk_id not in chunks])
    return [replace(p, rank=rank)
            for rank, p in enumerate(ordered[: max(top_k, len(chunks))], 1)]


def _type_missed(pick: Selection) -> bool:
    """Whether the best sentence of ``pick`` gives no span (or rate) of the asked
    kind (the ``type_miss`` doubt)."""
    return any(doubt.rule == TYPE_MISS for doubt in pick.doubts)


def _trusted(stamp: Stamp, taken: int) -> Stamp | None:
    """``stamp``, or None if a file in it changed within ``RACY_NS`` of ``taken``
    (the time it was stamped): a later edit in the same clock tick could leave
    such a stamp unchanged."""
    for _, _, _, mtime, ctime in stamp:
        if abs(taken - max(mtime, ctime)) < RACY_NS:
            return None
    return stamp
