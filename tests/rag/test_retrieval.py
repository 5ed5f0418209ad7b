"""Retrieval: dense, BM25 and hybrid (weighted sum of normalised scores) over the article."""

from __future__ import annotations

import faiss
import pytest

from rag.engine import Engine
from rag.errors import InvalidRequestError
from rag.lexical import known_share, tokenize
from rag.retrieval import KNOWN_FLOOR, MIN_LEXICAL_SHARE, SENSE_WEIGHT, Retriever, check_request
from rag.schema import Chunk, Document, Passage
from rag.settings import MODES

QUESTIONS = [
    "When was the SCO founded?",
    "How many events did Kazakhstan hold as chairman?",
    "What tariffs will the EU introduce on electric vehicles?",
    "Which city was declared the cultural and tourist capital?",
    "Who won the 2022 FIFA World Cup?",
]


@pytest.fixture(scope="module")
def retriever(engine: Engine) -> Retriever:
    engine.ensure_ready()
    assert engine._retriever is not None
    return engine._retriever


def search(engine: Engine, retriever: Retriever, question: str, mode: str,
           top_k: int) -> list[Passage]:
    return retriever.search(engine.embedder.embed_query(question), tokenize(question), mode, top_k)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("top_k", [1, 5, 10])
@pytest.mark.parametrize("question", QUESTIONS[:3])
def test_ranks_scores_and_offsets(engine: Engine, retriever: Retriever, article: Document,
                                  mode: str, top_k: int, question: str) -> None:
    passages = search(engine, retriever, question, mode, top_k)
    assert 1 <= len(passages) <= top_k
    if mode != "bm25":  # bm25 leaves out chunks sharing no term; the others fill top_k
        assert len(passages) == min(top_k, len(engine.index.chunks))
    assert [p.rank for p in passages] == list(range(1, len(passages) + 1))
    scores = [p.score for p in passages]
    assert scores == sorted(scores, reverse=True)
    assert len({p.chunk_id for p in passages}) == len(passages)
    for p in passages:
        assert p.doc_id == article.doc_id
        assert article.text[p.start : p.end] == p.text
        assert engine.index.chunks[p.chunk_id].text == p.text


@pytest.mark.parametrize("mode", MODES)
def test_obvious_question_finds_the_right_chunk(engine: Engine, retriever: Retriever,
                                                mode: str) -> None:
    passages = search(engine, retriever, "When was the SCO founded?", mode, 3)
    assert any("Founded in 2001" in p.text for p in passages)


@pytest.mark.parametrize("question", QUESTIONS)
def test_hybrid_is_a_weighted_sum_of_normalised_dense_and_bm25(engine: Engine,
                                                             retriever: Retriever,
                                                             question: str) -> None:
    w = retriever.lexical_weight_for(tokenize(question))
    assert 0.0 < w <= engine.settings.lexical_weight
    n = len(engine.index.chunks)
    dense = search(engine, retriever, question, "dense", min(50, n))
    bm25 = search(engine, retriever, question, "bm25", min(50, n))
    by_hand: dict[int, float] = {}
    for weight, ranking in ((1 - w, dense), (w, bm25)):
        low, high = min(p.score for p in ranking), max(p.score for p in ranking)
        for p in ranking:
            normalised = (p.score - low) / (high - low)
            by_hand[p.chunk_id] = by_hand.get(p.chunk_id, 0.0) + weight * normalised
    expected = sorted(by_hand.items(), key=lambda item: (-item[1], item[0]))[:5]
    hybrid = search(engine, retriever, question, "hybrid", 5)
    assert [p.chunk_id for p in hybrid] == [cid for cid, _ in expected]
    assert [p.score for p in hybrid] == pytest.approx([s for _, s in expected])
    assert all(0.0 <= p.score <= 1.0 for p in hybrid)
    # A chunk first in both rankings gets the full score of 1.
    if dense[0].chunk_id == bm25[0].chunk_id:
        assert hybrid[0].chunk_id == dense[0].chunk_id
        assert hybrid[0].score == pytest.approx(1.0)


def test_fusion_handles_empty_and_tied_rankings(retriever: Retriever) -> None:
    assert retriever.fuse([], [], 5) == []
    # BM25 finds nothing (no shared word): the dense ranking decides alone,
    # scaled by its weight.
    fused = retriever.fuse([(3, 0.9), (1, 0.5), (2, 0.1)], [], 5)
    assert [i for i, _ in fused] == [3, 1, 2]
    assert fused[0][1] == pytest.approx(1 - retriever.lexical_weight)
    assert fused[2][1] == 0.0
    # A lone (or all-tied) ranking gives its chunks the full normalised score.
    assert retriever.fuse([(7, 0.3)], [(7, 4.0)], 5) == [(7, pytest.approx(1.0))]


def test_fuse_by_hand(retriever: Retriever) -> None:
    assert retriever.lexical_weight == 0.4
    # Dense 0.9/0.8/0.1 normalises to 1/0.875/0; BM25 12/4 to 1/0. Chunk 3 gets
    # 0.6 * 0.875 + 0.4 * 1; the two zeros tie and the lower id goes first.
    fused = retriever.fuse([(7, 0.9), (3, 0.8), (5, 0.1)], [(3, 12.0), (9, 4.0)], top_k=3)
    assert fused == [
        (3, pytest.approx(0.925)),
        (7, pytest.approx(0.6)),
        (5, 0.0),
    ]


def test_bm25_with_only_unknown_words_returns_nothing(engine: Engine,
                                                      retriever: Retriever) -> None:
    question = "Zyxwvut qwertyuiop flibbertigibbet?"
    assert search(engine, retriever, question, "bm25", 5) == []
    # Hybrid then falls back to the dense ranking alone.
    dense = search(engine, retriever, question, "dense", 5)
    hybrid = search(engine, retriever, question, "hybrid", 5)
    assert [p.chunk_id for p in hybrid] == [p.chunk_id for p in dense]


def test_bm25_scores_are_positive_and_match_terms(engine: Engine, retriever: Retriever) -> None:
    passages = search(engine, retriever, "Almaty cultural tourist capital", "bm25", 3)
    assert passages and all(p.score > 0 for p in passages)
    assert "Almaty" in passages[0].text


@pytest.mark.parametrize("mode", ["bogus", "", "HYBRID", "semantic"])
def test_bad_mode_is_rejected_by_name(engine: Engine, retriever: Retriever, mode: str) -> None:
    with pytest.raises(InvalidRequestError, match=repr(mode)):
        search(engine, retriever, "When was the SCO founded?", mode, 5)
    with pytest.raises(InvalidRequestError, match=repr(mode)):
        engine.ask("When was the SCO founded?", mode=mode)


@pytest.mark.parametrize("top_k", [0, -1, 51, 1.5, "5", True])
def test_bad_top_k_is_rejected_by_value(top_k: object) -> None:
    with pytest.raises(InvalidRequestError, match="top_k") as info:
        check_request("hybrid", top_k)  # type: ignore[arg-type]
    assert repr(top_k) in str(info.value)


@pytest.mark.parametrize("top_k", [0, 51])
def test_engine_rejects_bad_top_k(engine: Engine, top_k: int) -> None:
    with pytest.raises(InvalidRequestError, match=str(top_k)):
        engine.ask("When was the SCO founded?", top_k=top_k)


def test_top_k_larger_than_the_corpus(engine: Engine, retriever: Retriever) -> None:
    n = len(engine.index.chunks)
    assert n < 50
    passages = search(engine, retriever, "SCO summit", "dense", 50)
    assert len(passages) == n


def test_bm25_weighs_less_for_a_question_worded_away_from_the_corpus(
        retriever: Retriever) -> None:
    full = retriever.lexical_weight
    # Every word of it is the article's: BM25 gets its full share.
    own_words = tokenize("When was the Shanghai Cooperation Organization founded?")
    assert known_share(own_words, retriever.idf, retriever.unseen_idf) == 1.0
    assert retriever.lexical_weight_for(own_words) == pytest.approx(full)
    # None of them is: the smallest share.
    foreign = tokenize("Which footballer missed the penalty kick?")
    assert known_share(foreign, retriever.idf, retriever.unseen_idf) == 0.0
    assert retriever.lexical_weight_for(foreign) == pytest.approx(MIN_LEXICAL_SHARE * full)
    # In between, the share grows linearly from KNOWN_FLOOR to 1.
    mixed = tokenize("What barrier-free trade zone does the SCO want to create?")
    known = known_share(mixed, retriever.idf, retriever.unseen_idf)
    assert KNOWN_FLOOR < known < 1.0
    scale = (known - KNOWN_FLOOR) / (1.0 - KNOWN_FLOOR)
    assert retriever.lexical_weight_for(mixed) == pytest.approx(
        full * (MIN_LEXICAL_SHARE + (1.0 - MIN_LEXICAL_SHARE) * scale))


def test_fuse_takes_an_explicit_weight(retriever: Retriever) -> None:
    dense, bm25 = [(7, 0.9), (3, 0.8), (5, 0.1)], [(3, 12.0), (9, 4.0)]
    # Weight 0.1: chunk 7 gets 0.9 * 1 and chunk 3 0.9 * 0.875 + 0.1 * 1.
    assert retriever.fuse(dense, bm25, 2, weight=0.1) == [
        (7, pytest.approx(0.9)), (3, pytest.approx(0.8875))]
    assert retriever.fuse(dense, bm25, 2, weight=0.0) == retriever.fuse(dense, [], 2, weight=0.0)


@pytest.mark.parametrize("mode", MODES)
def test_a_copied_chunk_is_returned_once_and_top_k_still_filled(engine: Engine,
                                                                 mode: str) -> None:
    docs = [Document("a.txt", "The Rhine flows from the Swiss Alps to the North Sea."),
            Document("b.txt", "The Rhine flows from the Swiss Alps to the North Sea."),
            Document("c.txt", "The Rhine  flows from the Swiss Alps\nto the North Sea."),
            Document("d.txt", "Barges on the Rhine carry coal and grain to Rotterdam."),
            Document("e.txt", "The Danube flows from the Black Forest to the Black Sea.")]
    chunks = [Chunk(i, d.doc_id, 0, len(d.text), d.text) for i, d in enumerate(docs)]
    vectors = engine.embedder.embed([c.text for c in chunks])
    index = faiss.IndexFlatIP(vectors.shape[1])
    index.add(vectors)
    retriever = Retriever(chunks, index, vectors, [[i] for i in range(len(chunks))])
    assert retriever.copies == 2
    question = "Where does the Rhine flow?"
    passages = retriever.search(engine.embedder.embed_query(question), tokenize(question),
                                mode, 3)
    texts = [" ".join(p.text.split()) for p in passages]
    assert len(texts) == len(set(texts)), texts
    # The best-ranked copy stands for all three, and the slots they freed are filled.
    assert texts[0] == "The Rhine flows from the Swiss Alps to the North Sea."
    if mode == "bm25":  # only chunks sharing a term with the question
        assert len(passages) >= 2
    else:
        assert len(passages) == 3
    assert [p.rank for p in passages] == list(range(1, len(passages) + 1))


def test_bm25_counts_a_word_of_one_sense_at_its_weight(retriever: Retriever) -> None:
    # The article never says "guest"; it says who "are invited".
    assert "guest" not in retriever.bm25.vocab_dict
    ranked = retriever.lexical(["guest"], 3)
    invited = retriever.bm25.get_scores(["invit"])
    assert ranked and "invited" in retriever.chunks[ranked[0][0]].text
    assert [score for _, score in ranked] == pytest.approx(
        sorted((SENSE_WEIGHT * float(s) for s in invited if s > 0), reverse=True)[:3])
    # A word the question has is not added again at the lower weight.
    both = dict(retriever.lexical(["guest", "invit"], 3))
    assert max(both.values()) == pytest.approx(float(invited.max()))
