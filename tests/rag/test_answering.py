"""Extractive answering on the article: verbatim quotes, short answers, abstention."""

from __future__ import annotations

import dataclasses
import itertools

import numpy as np
import pytest

from rag import answering
from rag.coreference import Abbreviations
from rag.embedding import Embedder
from rag.engine import Engine
from rag.lexical import named_words
from rag.schema import Answer, Document, Sentence
from rag.sentences import sentences_of

ANSWERABLE = [
    "When was the SCO founded?",
    "How many events did Kazakhstan hold as chairman?",
    "Who is the President of Kazakhstan?",
    "What tariffs will the EU introduce on electric vehicles?",
    "Which city was declared the cultural and tourist capital of the SCO?",
    "What is the motto of the summit?",
    "Which years does Kazakhstan chair the SCO?",
    "Who is Kazakhstan's foreign minister?",
    "What does the SCO development strategy for 2025–2035 include?",
    "How many dialogue partners does the SCO have?",
]
UNANSWERABLE = [
    "Who won the 2022 FIFA World Cup?",
    "What is the boiling point of water?",
    "How tall is Mount Everest?",
    "What is the capital of France?",
    "Who is the CEO of Tesla?",
    # The article writes "CIS" but never spells it out.
    "What does CIS stand for?",
    # Nor does it name China's president: "... key for China; ... parts of Eurasia".
    "Who is the president of China?",
    # Almaty is "the cultural and tourist capital of the organization", not Kazakhstan's.
    "What is the capital of Kazakhstan?",
]


def check_invariants(answer: Answer, docs: dict[str, str], max_quotes: int = 3) -> None:
    for q in answer.quotes:
        assert docs[q.doc_id][q.start : q.end] == q.text
    for p in answer.passages:
        assert docs[p.doc_id][p.start : p.end] == p.text
    if answer.answer:
        assert answer.answer in answer.quotes[0].text
    assert 0.0 <= answer.confidence <= 1.0
    assert len(answer.quotes) <= max_quotes
    spans = sorted((q.doc_id, q.start, q.end) for q in answer.quotes)
    for (d1, _s1, e1), (d2, s2, _e2) in itertools.pairwise(spans):
        assert d1 != d2 or e1 <= s2, "quotes overlap"
    assert set(answer.timings_ms) == {"embed", "retrieve", "answer", "total"}
    assert all(v >= 0 for v in answer.timings_ms.values())
    assert answer.abstained == (answer.answer == "")
    if answer.abstained:
        assert answer.quotes == ()
    else:
        assert answer.quotes
    assert [p.rank for p in answer.passages] == list(range(1, len(answer.passages) + 1))


def test_sco_founded(engine: Engine, article: Document) -> None:
    answer = engine.ask("When was the SCO founded?")
    assert not answer.abstained
    assert "2001" in answer.answer
    quote = answer.quotes[0]
    assert article.text[quote.start : quote.end] == quote.text
    assert "Founded in 2001" in quote.text
    assert answer.confidence >= engine.settings.abstain_threshold


def test_fifa_abstains_but_shows_passages(engine: Engine, article: Document) -> None:
    answer = engine.ask("Who won the 2022 FIFA World Cup?")
    assert answer.abstained
    assert answer.answer == ""
    assert answer.quotes == ()
    assert answer.passages
    assert answer.confidence < engine.settings.abstain_threshold
    for p in answer.passages:
        assert article.text[p.start : p.end] == p.text


@pytest.mark.parametrize("question", ANSWERABLE + UNANSWERABLE)
@pytest.mark.parametrize("mode", ["hybrid", "dense", "bm25"])
def test_schema_invariants(engine: Engine, article: Document, question: str, mode: str) -> None:
    answer = engine.ask(question, mode=mode)
    check_invariants(answer, {article.doc_id: article.text})
    data = answer.to_dict()
    assert set(data) == {"question", "answer", "abstained", "confidence", "quotes", "passages",
                         "timings_ms"}


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("When was the SCO founded?", "2001"),
        ("How many events did Kazakhstan hold as chairman?", "80"),
        ("Who is the President of Kazakhstan?", "Tokayev"),
        ("What tariffs will the EU introduce on electric vehicles?", "38.1%"),
        ("Which city was declared the cultural and tourist capital of the SCO?", "Almaty"),
        ("Which years does Kazakhstan chair the SCO?", "2023-2024"),
        ("Who is Kazakhstan's foreign minister?", "Murat Nurtleu"),
        ("What does SCO stand for?", "Shanghai Cooperation Organization"),
        # Any office answers for "the leader".
        ("Who is the leader of Kazakhstan?", "Tokayev"),
    ],
)
def test_answerable_questions_are_answered(engine: Engine, question: str, expected: str) -> None:
    answer = engine.ask(question)
    assert not answer.abstained, (question, answer.confidence)
    assert expected in answer.answer


@pytest.mark.parametrize("question", UNANSWERABLE)
def test_unanswerable_questions_abstain(engine: Engine, question: str) -> None:
    answer = engine.ask(question)
    assert answer.abstained, (question, answer.answer, answer.confidence)
    assert answer.passages


def test_short_answers_are_narrowed(engine: Engine) -> None:
    assert engine.ask("When was the SCO founded?").answer == "2001"
    assert engine.ask("Which years does Kazakhstan chair the SCO?").answer == "2023-2024"


def _engine_with(engine: Engine, embedder: Embedder, **changes: object) -> Engine:
    """Another engine on the session index (only query-time settings change: no rebuild)."""
    settings = dataclasses.replace(engine.settings, **changes)
    return Engine(settings, index_dir=engine.index_path.parent, embedder=embedder)


def test_threshold_zero_never_abstains_threshold_one_always(engine: Engine,
                                                           embedder: Embedder) -> None:
    eager = _engine_with(engine, embedder, abstain_threshold=0.0)
    strict = _engine_with(engine, embedder, abstain_threshold=1.0)
    for question in ("Who won the 2022 FIFA World Cup?", "When was the SCO founded?"):
        assert not eager.ask(question).abstained
        assert strict.ask(question).abstained
    fifa = eager.ask("Who won the 2022 FIFA World Cup?")
    assert fifa.answer and fifa.answer in fifa.quotes[0].text


def test_confidence_does_not_depend_on_threshold(engine: Engine, embedder: Embedder) -> None:
    other = _engine_with(engine, embedder, abstain_threshold=0.9)
    for question in ("When was the SCO founded?", "Who won the 2022 FIFA World Cup?"):
        assert other.ask(question).confidence == pytest.approx(engine.ask(question).confidence)


@pytest.mark.parametrize(
    ("question", "rule", "factor"),
    [
        # A count is asked for; the best sentence holds none.
        ("How many journalists covered the Astana summit?", "TYPE_MISS_CONFIDENCE", 0.2),
        # It counts 183 conflicts, not the people killed in them.
        ("How many people died in the conflicts?", "TYPE_MISS_CONFIDENCE", 0.2),
        # "France" occurs nowhere in the article.
        ("What is France's capital?", "UNKNOWN_NAME_CONFIDENCE", 0.3),
        # Paris stands for France, which the article never names either.
        ("What did Paris say about the Astana summit?", "UNKNOWN_NAME_CONFIDENCE", 0.3),
        # The article says what Tokayev told them, but nothing near it says 2019.
        ("What did Tokayev tell the security secretaries in 2019?",
         "MISSING_FIGURE_CONFIDENCE", 0.2),
        # The article's "capital of the organization" is someone else's capital.
        ("What is the capital of Kazakhstan?", "OWNED_ELSEWHERE_CONFIDENCE", 0.2),
        # Typed in lower case: "ceo" is still an office, which no sentence holds.
        ("who is the ceo of tesla", "MISSING_OFFICE_CONFIDENCE", 0.2),
        # The best sentence is about the SCO's goals, not Kazakhstan's currency.
        ("What is the name of Kazakhstan's national currency?", "OTHER_ACTOR_CONFIDENCE", 0.2),
        # Every figure the question gives must be there: 183 is, 2019 is not.
        ("What did Tokayev say in 2019 about the 183 conflicts?",
         "MISSING_FIGURE_CONFIDENCE", 0.2),
    ],
)
def test_confidence_rules_for_what_the_document_cannot_say(
        engine: Engine, monkeypatch: pytest.MonkeyPatch, question: str, rule: str,
        factor: float) -> None:
    assert getattr(answering, rule) == factor
    # Each rule alone: another that also applies would abstain without it.
    for other in dir(answering):
        if other.endswith("_CONFIDENCE") and other != rule:
            monkeypatch.setattr(answering, other, 1.0)
    scaled = engine.ask(question)
    monkeypatch.setattr(answering, rule, 1.0)
    raw = engine.ask(question)
    assert raw.confidence > engine.settings.abstain_threshold  # the rule is what abstains
    assert scaled.confidence == pytest.approx(raw.confidence * factor)
    assert scaled.abstained
    assert raw.passages == scaled.passages


def test_confidence_rules_leave_answerable_questions_alone(
        engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    questions = ["How many dialogue partners does the SCO have?",
                 "Which city was declared the cultural and tourist capital of the SCO?",
                 "When did the EU decide on tariffs for Chinese electric vehicles?",
                 # Figures the article gives, in the sentence or next to it.
                 "What does the SCO development strategy for 2025–2035 include?",
                 "What did Tokayev say about the 183 conflicts?",
                 # Names the article never uses, for ones it does: the EU, China.
                 "When do Brussels' new tariffs on electric cars from China start?",
                 "What did Beijing gain from closer relations with Eurasian countries?",
                 # Another name of a country it names: the United States.
                 "What has the US imposed tariffs on?"]
    before = [engine.ask(q).confidence for q in questions]
    for rule in dir(answering):
        if rule.endswith("_CONFIDENCE"):
            monkeypatch.setattr(answering, rule, 1.0)
    assert [engine.ask(q).confidence for q in questions] == pytest.approx(before)


def test_adjacent_qualifying_sentences_form_one_quote(engine: Engine, article: Document) -> None:
    answer = engine.ask("What does Kazakhstan call for regarding energy security?")
    first = answer.quotes[0]
    assert first.text == ("Energy security is a priority for Kazakhstan. The country calls for "
                          "coordination of efforts to ensure the energy transition and "
                          "decarbonization of the economy and industry within the SCO.")
    assert article.text[first.start : first.end] == first.text
    # The short answer still comes from the best sentence, inside the quote.
    assert answer.answer in first.text


def test_quotes_are_runs_of_at_most_two_sentences_of_one_paragraph(
        engine: Engine, article: Document) -> None:
    sentences = engine.index.sentences
    for question in [*ANSWERABLE, "How will the SCO fight terrorism?",
                     "What did Tokayev say about security?"]:
        for quote in engine.ask(question).quotes:
            inside = [s for s in sentences if quote.start <= s.start and s.end <= quote.end]
            assert 1 <= len(inside) <= answering.MAX_QUOTE_SENTENCES
            assert (inside[0].start, inside[-1].end) == (quote.start, quote.end)
            assert [s.sentence_id for s in inside] == list(
                range(inside[0].sentence_id, inside[-1].sentence_id + 1))
            assert "\n\n" not in quote.text


@pytest.mark.parametrize("max_quotes", [1, 2])
def test_max_quotes_setting(engine: Engine, embedder: Embedder, article: Document,
                            max_quotes: int) -> None:
    limited = _engine_with(engine, embedder, max_quotes=max_quotes)
    for question in ANSWERABLE[:5]:
        answer = limited.ask(question)
        check_invariants(answer, {article.doc_id: article.text}, max_quotes=max_quotes)


def test_quotes_come_from_the_retrieved_passages(engine: Engine) -> None:
    for question in ANSWERABLE:
        answer = engine.ask(question)
        chunk_ids = {p.chunk_id for p in answer.passages}
        for q in answer.quotes:
            assert q.chunk_id in chunk_ids
            chunk = engine.index.chunks[q.chunk_id]
            overlap = min(q.end, chunk.end) - max(q.start, chunk.start)
            assert overlap > 0, "a quote must lie (at least partly) in the chunk it cites"


def test_multi_document_corpus(tmp_path, embedder: Embedder, engine: Engine) -> None:
    docs = [
        Document("sco.txt", "Founded in 2001, the organization has grown from six members to "
                 "a robust platform of nine member states.\n\nIt meets every year."),
        Document("fruit.txt", "Bananas are rich in potassium and grow in tropical regions. "
                 "The banana plant is the largest herbaceous flowering plant."),
    ]
    multi = Engine(engine.settings, index_dir=tmp_path, documents=docs, embedder=embedder)
    answer = multi.ask("What are bananas rich in?", top_k=2)
    texts = {d.doc_id: d.text for d in docs}
    check_invariants(answer, texts)
    assert answer.passages[0].doc_id == "fruit.txt"
    if not answer.abstained:
        assert answer.quotes[0].doc_id == "fruit.txt"


def _over(docs: list[Document], tmp_path, engine: Engine) -> Engine:
    """An engine over ``docs`` with the session engine's settings and model."""
    return Engine(engine.settings, index_dir=tmp_path, documents=docs, embedder=engine.embedder)


def _checked(over: Engine, question: str) -> Answer:
    """``over.ask(question)``, its invariants checked against its own documents."""
    answer = over.ask(question)
    check_invariants(answer, {d.doc_id: d.text for d in over.documents})
    return answer


RIVERS = [
    Document("danube.txt", "The Danube flows through ten countries. It rises in the Black "
             "Forest of Germany and empties into the Black Sea."),
    Document("notes/rhine.md", "# Notes\n\nThe river rises in the Swiss Alps and flows into "
             "the North Sea near Rotterdam. It is about 1,230 kilometres long."),
]


def test_a_name_the_answering_document_never_mentions_lowers_confidence(
        tmp_path, engine: Engine) -> None:
    rivers = _over(RIVERS, tmp_path, engine)
    # Only the Rhine's file gives a length; the Danube's file is the one naming it.
    danube = _checked(rivers, "How long is the Danube?")
    assert danube.abstained
    # The file's name says what "the river" is.
    rhine = _checked(rivers, "How long is the Rhine?")
    assert not rhine.abstained and "1,230" in rhine.answer
    assert rhine.quotes[0].doc_id == "notes/rhine.md"
    # Scaled down as for a name the corpus never mentions.
    answerer = rivers._answerer
    assert answerer is not None
    assert answerer._names_elsewhere(["Danube"], "notes/rhine.md")
    assert not answerer._names_elsewhere(["Rhine", "Swiss", "Alps"], "notes/rhine.md")
    assert not answerer._names_elsewhere(["Danube", "Germany"], "danube.txt")
    # A country is looked for by all its names, in that file alone.
    assert answerer._names_elsewhere(["Germany"], "notes/rhine.md")
    # A stand-in is left to the corpus-wide check, whatever the file names.
    assert not answerer._names_elsewhere(["Berlin"], "danube.txt")
    assert not answerer._names_elsewhere(["Paris"], "danube.txt")
    assert danube.confidence < rhine.confidence * answering.ELSEWHERE_NAME_CONFIDENCE * 1.5


PEOPLE = [
    Document("einstein.txt", "Albert Einstein was a German-born theoretical physicist. "
             "He was born in Ulm in 1879 and died in Princeton in 1955."),
    Document("curie.txt", "Marie Curie was a Polish and naturalised-French physicist. "
             "She was born in Warsaw in 1867 and died in Passy in 1934."),
]


def test_among_several_documents_a_sentence_mentions_its_documents_subject(
        tmp_path, engine: Engine) -> None:
    people = _over(PEOPLE, tmp_path, engine)
    # "He was born in Ulm" mentions Einstein through its file's name, so the sentence
    # with the place outranks the one that names him but no place.
    for question, expected, doc_id in (("Where was Einstein born?", "Ulm", "einstein.txt"),
                                       ("When did Curie die?", "1934", "curie.txt")):
        answer = _checked(people, question)
        assert not answer.abstained and expected in answer.answer, answer
        assert answer.quotes[0].doc_id == doc_id
    answerer = people._answerer
    assert answerer is not None
    he = next(s for s in answerer.sentences if s.text.startswith("He was born"))
    assert "einstein" in answerer.terms[he.sentence_id]
    # ... but not in the corpus's counts: the IDF stays as written.
    assert answerer.idf["einstein"] == answerer.idf["albert"]


def test_where_over_notes_that_name_no_place(tmp_path, embedder: Embedder,
                                             engine: Engine) -> None:
    docs = [Document("house.md", "# House\n\nThe spare key is kept in the blue box on the "
                     "top shelf of the garage.\n\nThe boiler was serviced last March."),
            Document("car.md", "# Car\n\nThe tyres were replaced in 2022 by the local "
                     "garage.\n\nThe insurance renews every May.")]
    answer = _checked(_over(docs, tmp_path, engine), "Where is the spare key kept?")
    assert not answer.abstained and answer.answer == "the blue box"
    assert answer.quotes[0].doc_id == "house.md"


def test_a_document_id_names_its_subject() -> None:
    assert answering._id_terms("notes/rhine.md") == ["note", "rhine"]
    assert answering._id_terms("Victoria_(Australia)#65") == ["victoria", "australia"]
    assert answering._id_terms("2024-report.TXT") == ["report"]


def test_a_one_document_corpus_never_finds_names_elsewhere() -> None:
    answerer = _one_document("The Rhine rises in the Swiss Alps and flows north.")
    assert not answerer._names_elsewhere(["Danube"], "d")


@pytest.mark.parametrize(("text", "sentence", "expected"), [
    ("Intro text here.\n\nProspects for the SCO\n\nBody text.", "Prospects for the SCO", True),
    ("Title of the piece\nFirst sentence of the body.", "Title of the piece", True),
    ("Body.\n\nChina Studies Centre", "China Studies Centre", True),
    # A Markdown heading is one however it ends.
    ("Intro.\n\n# Why does the Rhine flood?\n\nBody.", "# Why does the Rhine flood?", True),
    # A sentence, not a heading: it ends as sentences do, or shares its line.
    ("Intro.\n\nThe SCO was founded in 2001.\n\nMore.", "The SCO was founded in 2001.", False),
    ("Intro.\n\nHe said: “We agree”\n\nMore.", "He said: “We agree”", False),
    ("It grew to nine members and three observers", "three observers", False),
    # List items and runs of lines may be answers.
    ("Key interests:\n- Energy security\n- Transport", "- Energy security", False),
    ("Key interests:\n1. Energy security\n2. Transport", "1. Energy security", False),
    ("Intro.\n\nEnergy security\nand transport\n\nMore.", "Energy security\nand transport", False),
])
def test_is_heading(text: str, sentence: str, expected: bool) -> None:
    start = text.index(sentence)
    unit = Sentence(0, "d", start, start + len(sentence), sentence)
    assert answering.is_heading(unit, text) is expected


def test_headings_are_never_quoted(engine: Engine) -> None:
    headings = {s.text for s in engine.index.sentences
                if answering.is_heading(s, engine.index.documents[0].text)}
    assert headings == {
        "Expectations from the summit: SCO+, strategic planning and international attention",
        "Prospects for further development of the SCO",
        "China Studies Centre",
    }
    # Each question is worded after a heading, which retrieval rightly finds.
    for question in ["What are the prospects for further development of the SCO?",
                     "What are the expectations from the summit?",
                     "What is the China Studies Centre?"]:
        answer = engine.ask(question)
        assert any(h in p.text for p in answer.passages for h in headings)
        assert all(h not in q.text for q in answer.quotes for h in headings)


def test_coverage_below_the_floor_counts_as_none() -> None:
    floor = answering.COVERAGE_FLOOR
    assert answering._floored(0.0) == 0.0
    assert answering._floored(floor) == 0.0
    assert answering._floored(1.0) == pytest.approx(1.0)
    assert answering._floored((1 + floor) / 2) == pytest.approx(0.5)


@pytest.mark.parametrize(("question", "expected"), [
    ("What image does the closing section use to describe the bloc?", "end"),
    ("According to the concluding remarks, what is the SCO?", "end"),
    ("What does the conclusion say about Kazakhstan?", "end"),
    ("What does the opening paragraph say the SCO has become?", "start"),
    ("In the introduction, what is the SCO called?", "start"),
    ("What is the last word on energy?", None),
    ("When was the SCO founded?", None),
])
def test_position_cue(question: str, expected: str | None) -> None:
    assert answering.position_cue(question) == expected


def test_a_position_cue_favours_that_end_of_the_document(engine: Engine,
                                                         article: Document) -> None:
    # Asked without a place, the article's topic sentences compete; told where to
    # look, the answer comes from that end of the article.
    for question, place in [("What does the closing section call the SCO?", "end"),
                            ("What does the opening paragraph call the SCO?", "start")]:
        quote = engine.ask(question).quotes[0]
        share = answering.POSITION_SHARE * len(article.text)
        if place == "end":
            assert quote.start >= len(article.text) - share
        else:
            assert quote.end <= share


def _one_document(text: str) -> answering.Answerer:
    """An answerer over one document; its sentence vectors are all alike, so
    only lexical rules decide."""
    sentences = sentences_of([Document("d", text)])
    vectors = np.ones((len(sentences), 4), dtype=np.float32) / 2.0
    return answering.Answerer(sentences, vectors, [list(range(len(sentences)))], {"d": text})


def test_a_stand_in_counts_only_for_a_corpus_term_of_one_word() -> None:
    answerer = _one_document("Let us talk about the franchise of the island state today. "
                             "China and the EU met in the capital this week to talk trade.")
    assert answerer._mentions("Beijing") and answerer._mentions("Brussels’")
    assert answerer._mentions("China") and answerer._mentions("Chinese")
    # "France" is no term here, though "franchise" begins like it; "US" is not
    # "us"; "Island" is Danish for Iceland, not a name of it.
    assert not answerer._mentions("Paris")
    assert not answerer._mentions("American")
    assert not answerer._mentions("Reykjavik")


def test_two_names_in_a_row_may_stand_in_together() -> None:
    answerer = _one_document(
        "India, Kazakhstan and the UAE met China in the capital this week to talk trade.")
    assert not answerer._names_unknown(["New", "Delhi"])
    assert not answerer._names_unknown(["Abu", "Dhabi’s", "China"])
    assert not answerer._names_unknown(["Nur", "Sultan"])  # "Nur-Sultan", split on the hyphen
    # "Delhi" alone stands for nothing; "Paris" stands for what the text never names.
    assert answerer._names_unknown(["Delhi"])
    assert answerer._names_unknown(["New", "Delhi", "Paris"])
    assert not answerer._names_unknown([])


def test_an_acronym_stands_in_only_as_written() -> None:
    # "Washington" and "American" stand for the US; the pronoun "us" is not it.
    capitals = _one_document("The US and the UK agreed on new tariffs on steel this week.")
    assert capitals._mentions("Washington") and capitals._mentions("American")
    pronoun = _one_document("Let us agree on new tariffs on steel and aluminium this week.")
    assert not pronoun._mentions("Washington") and not pronoun._mentions("American")


def test_a_name_of_several_words_stands_in_only_when_written_whole() -> None:
    # An article that says "the United States" and never "US" or "America".
    whole = _one_document("The United States and Japan agreed on new tariffs on steel.")
    assert whole._mentions("Washington") and whole._mentions("Washington’s")
    # The same words apart name nothing.
    apart = _one_document("The states of the region united against new tariffs on steel.")
    assert not apart._mentions("Washington")
    assert not _one_document("The United Statesmen met.")._mentions("Washington")


def test_why_over_a_stated_consequence_quotes_the_cause_before_it(engine: Engine,
                                                                    article: Document) -> None:
    answer = engine.ask("Why are ties with other Eurasian countries becoming so important for "
                        "China?")
    check_invariants(answer, {article.doc_id: article.text})
    first = answer.quotes[0].text
    # The best sentence says "In this regard, ... becomes key for China"; the
    # reason is the sentence before it, which joins the quote and is the answer.
    assert first.startswith("The United States has already imposed tariffs")
    assert "In this regard, the development of relations" in first
    assert answer.answer.startswith("The United States has already imposed tariffs")


def test_cause_is_the_sentence_before_a_consequence_that_gives_no_reason_itself() -> None:
    answerer = _one_document(
        "Sea routes through the strait were blocked for many months. "
        "For this reason, land corridors across the continent matter more now.\n\n"
        "Prices of cars in the region rose sharply last spring. "
        "Therefore, most buyers waited, due to the coming tariffs on imports.\n\n"
        "Thus, trade across the whole region slowed down this year.")
    first, consequence, _, own_reason, after_break = answerer.sentences
    assert answerer._cause(consequence) == first
    assert answerer._cause(first) is None  # no connective: the sentence stands alone
    assert answerer._cause(own_reason) is None  # "due to ..." is its own reason
    assert answerer._cause(after_break) is None  # the sentence before is another paragraph


@pytest.mark.parametrize(("opening", "consequence"), [
    ("As a result of the long sanctions,", False),
    ("Thus far,", False),
    ("As a result of this,", True),
    ("Thus farmers say that", True),
    ("As a result offshore", True),
])
def test_openings_that_only_look_like_consequences(opening: str, consequence: bool) -> None:
    answerer = _one_document("The harbour was rebuilt in stone during the last decade. "
                             f"{opening} exports of grain from the port fell sharply.")
    assert (answerer._cause(answerer.sentences[1]) is not None) is consequence


def _select(answerer: answering.Answerer, question: str, max_quotes: int = 3):
    from rag.lexical import tokenize
    from rag.schema import Passage

    text = answerer.texts["d"]
    passage = Passage(text, "d", 0, 0, len(text), 1.0, 1)
    vector = np.ones(4, dtype=np.float32) / 2.0
    return answerer.select(question, vector, tokenize(question), [passage], max_quotes)


def test_a_cause_joins_only_the_first_quote_and_is_never_quoted_twice() -> None:
    # The cause scores near the top itself (it holds "because"), so it comes up
    # again after joining the first quote.
    text = ("Ports along the coast were closed for the whole winter season. "
            "Grain traders saw their old routes close because the ports were closed. "
            "In this regard, grain traders looked for new routes across the mountains. "
            "Grain traders also met the ministers of the region about grain exports.")
    answerer = _one_document(text)
    for max_quotes in (1, 2, 3):
        pick = _select(answerer, "Why did grain traders look for new routes?", max_quotes)
        first = pick.quotes[0].text
        assert first.startswith("Grain traders saw their old routes close")
        assert first.endswith("new routes across the mountains.")
        assert pick.answer in first and "old routes close because" in pick.answer
        spans = sorted((q.start, q.end) for q in pick.quotes)
        assert all(e1 <= s2 for (_, e1), (s2, _) in itertools.pairwise(spans)), spans
        assert all(text[q.start : q.end] == q.text for q in pick.quotes)


def test_a_cause_already_quoted_is_not_taken_again() -> None:
    # The first quote is the two grain sentences; "Thus, ..." states a consequence
    # of the second of them, which it must not quote a second time.
    text = ("Grain farmers across the region sold their grain early this year. "
            "Grain traders held back their grain as grain prices rose. "
            "Thus, grain traders stored grain in new silos across the region.")
    answerer = _one_document(text)
    pick = _select(answerer, "Why did grain traders and grain farmers hold grain?")
    spans = sorted((q.start, q.end) for q in pick.quotes)
    assert all(e1 <= s2 for (_, e1), (s2, _) in itertools.pairwise(spans)), spans
    assert pick.answer in pick.quotes[0].text


def test_only_why_questions_join_the_cause(engine: Engine) -> None:
    what = engine.ask("What becomes key for China in this regard?")
    assert not what.quotes[0].text.startswith("The United States")


def test_a_copied_sentence_is_quoted_once(tmp_path, engine: Engine) -> None:
    # Two copies of one file and a third that shares one sentence with them.
    rhine = ("The Rhine is a river in western Europe. It is about 1,230 kilometres long "
             "and flows from the Swiss Alps to the North Sea.")
    docs = [Document("rhine.md", rhine), Document("copy/rhine.md", rhine),
            Document("rhine-notes.md", "It is about 1,230 kilometres long and flows from the "
                     "Swiss Alps to the North Sea.\r\nBarges carry coal and grain on it.")]
    answer = _checked(_over(docs, tmp_path, engine), "How long is the Rhine?")
    assert not answer.abstained and answer.answer == "about 1,230 kilometres"
    words = [" ".join(q.text.split()) for q in answer.quotes]
    assert len(words) == len(set(words)), words
    assert sum("1,230" in w for w in words) == 1, words


@pytest.mark.parametrize(
    ("question", "abstains"),
    [
        # BRICS is named twice in the article, never beside the SCO's founding year.
        ("When was BRICS founded?", True),
        ("When did Belarus become a full member of the organisation?", True),
        ("When was the SCO founded?", False),
    ],
)
def test_a_rare_name_missing_beside_the_answer_abstains(engine: Engine, question: str,
                                                         abstains: bool) -> None:
    assert engine.ask(question).abstained is abstains


GRAIN = ("Later that year, the Danube Commission announced new river tolls for barges. "
         "The fair was held in the old hall that the United Nations built. "
         "Grain traders from Almaty sold wheat and barley at the fair. "
         "Union members set grain prices for the season ahead. "
         "The UN praised the grain fair and its organisers warmly.")


@pytest.mark.parametrize(
    ("question", "scaled"),
    [
        # "Danube" is in one sentence, two before the one about grain prices.
        ("Who set grain prices at the Danube fair?", True),
        ("Who set grain prices at the fair?", False),
        # "United Nations", named far away, is also the "UN" of the sentence after;
        # "Almaty" is in the sentence before.
        ("Who set grain prices at the United Nations fair?", False),
        ("Who set grain prices at the Almaty fair?", False),
    ],
)
def test_a_rare_name_counts_only_away_from_the_best_sentence(question: str,
                                                             scaled: bool) -> None:
    answerer = _one_document(GRAIN)
    names = named_words(question)
    top = next(s for s in answerer.sentences if "set grain prices" in s.text)
    assert answerer._rare_name_absent(names, top, answerer._paired(names)) is scaled


def test_a_percentage_question_finds_the_percent(engine: Engine) -> None:
    # "percentage" and "percent" are one term; "growing conflicts" elsewhere
    # shares more words with the question but gives no figure.
    answer = engine.ask("What percentage did conflicts grow?")
    assert not answer.abstained
    assert answer.answer == "30 percent"


def test_a_figure_counts_with_its_scale(tmp_path, engine: Engine,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    fund = _over([Document("fund.txt", "The fund was set up in 2019 with $20 billion. "
                                       "It builds schools in rural areas.")],
                 tmp_path, engine)
    right = _checked(fund, "What does the fund set up with $20bn build?")
    wrong = _checked(fund, "What does the fund set up with $20 million build?")
    assert not right.abstained
    monkeypatch.setattr(answering, "MISSING_FIGURE_CONFIDENCE", 1.0)
    raw = _checked(fund, "What does the fund set up with $20 million build?")
    # "$20 million" is not "$20 billion": only the scale tells them apart.
    assert wrong.confidence == pytest.approx(raw.confidence * 0.2)


def test_a_name_written_in_another_order_names_nothing(
        tmp_path, engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    soccer = _over([Document("la.txt", "From 2005 to 2014 there were two Major League Soccer "
                                       "teams in Los Angeles, the LA Galaxy and Chivas USA.")],
                   tmp_path, engine)
    soccer.ensure_ready()
    answerer = soccer._answerer
    assert answerer is not None
    assert answerer._names_swapped("How many Major Soccer League teams were in LA?")
    assert not answerer._names_swapped("How many Major League Soccer teams were in LA?")
    assert not answerer._names_swapped("How many Soccer teams were there?")  # part of it
    assert answerer._names_swapped("Did Major Soccer League teams play there?")
    swapped = _checked(soccer, "How many Major Soccer League teams were in Los Angeles?")
    monkeypatch.setattr(answering, "SWAPPED_NAME_CONFIDENCE", 1.0)
    raw = _checked(soccer, "How many Major Soccer League teams were in Los Angeles?")
    assert swapped.confidence == pytest.approx(raw.confidence * 0.3)
    right = _checked(soccer, "How many Major League Soccer teams were in Los Angeles?")
    assert right.confidence == pytest.approx(raw.confidence, abs=0.1)  # not scaled


def test_a_founding_asked_in_other_words_is_found(engine: Engine) -> None:
    # The article says "Founded in 2001, the organization ...".
    for question in ("When was the Shanghai Cooperation Organization created?",
                     "When was the SCO established?"):
        answer = engine.ask(question)
        assert not answer.abstained and answer.answer == "2001", question


def test_an_acronym_the_documents_only_spell_out_is_known(tmp_path, engine: Engine) -> None:
    docs = [Document("acme.md", "Acme Robotics makes warehouse robots. Chief Executive "
                                "Officer Jane Porter said the Lyon site was chosen for its "
                                "rail links."),
            Document("router.md", "The reset button is on the back of the router.")]
    acme = _over(docs, tmp_path, engine)
    answer = _checked(acme, "Who is the CEO of Acme?")
    assert not answer.abstained and answer.answer == "Jane Porter"


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("$20 million", [("20", "million")]),
        ("over $20 billion", [("20", "billion")]),
        ("£304m and $4.2bn", [("304", "million"), ("4.2", "billion")]),
        ("a $20m-a-year deal worth 20bn", [("20", "million"), ("20", "billion")]),
        # "m" after no currency sign is metres.
        ("a 3.5m statue 132 m high", [("3.5", None), ("132", None)]),
        ("2025–2035", [("2025", None), ("2035", None)]),
    ],
)
def test_figures_are_read_with_their_scale(text: str, figures: list[tuple[str, str | None]]
                                           ) -> None:
    assert [answering._scaled(m) for m in answering._FIGURE.finditer(text)] == figures


def test_a_documents_title_is_near_every_sentence_of_it(
        tmp_path, engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    # "Marie" and "Curie" are rare, and the answering sentence says "she".
    curie = _over([Document("curie.md", "# Marie Curie\n\nMarie Curie was a physicist and "
                                        "chemist who studied radioactivity in Paris for most "
                                        "of her life. In 1895 she married the physicist Pierre "
                                        "Curie, who shared her work on radium.")],
                  tmp_path, engine)
    asked = _checked(curie, "Who did Marie Curie marry?")
    assert not asked.abstained and asked.answer == "Pierre Curie"
    monkeypatch.setattr(answering, "RARE_NAME_CONFIDENCE", 1.0)
    assert _checked(curie, "Who did Marie Curie marry?").confidence == pytest.approx(
        asked.confidence)


@pytest.mark.parametrize(
    ("asked", "given", "same"),
    [
        (("1,000", None), ("1000", None), True),
        (("1000", None), ("1,000", None), True),
        (("38", None), ("38.1", None), True),
        (("20", None), ("2020", None), False),
        (("20", None), ("120", None), False),
        (("1,000", None), ("1,000,000", None), False),
        (("20", "million"), ("20", "billion"), False),
        (("20", None), ("20", "billion"), True),
    ],
)
def test_same_figure(asked: tuple[str, str | None], given: tuple[str, str | None],
                     same: bool) -> None:
    assert answering._same_figure(asked, given) is same


def test_the_office_rule_is_for_who_holds_an_office(tmp_path, engine: Engine) -> None:
    docs = [Document("kz.md", "Kassym-Jomart Tokayev succeeded Nursultan Nazarbayev in 2019 "
                              "after a long career in diplomacy.")]
    kz = _over(docs, tmp_path, engine)
    asked = _checked(kz, "Who succeeded President Nursultan Nazarbayev in 2019?")
    assert not asked.abstained and "Tokayev" in asked.answer


@pytest.mark.parametrize(
    ("sentence", "question", "elsewhere"),
    [
        ("Almaty was declared the cultural capital of the organization.",
         "What is the capital of Kazakhstan?", True),
        # The owner a few words on, or the body "the organization" stands for.
        ("He met the President of the Republic of Kazakhstan.",
         "Who is the President of Kazakhstan?", False),
        ("Almaty was declared the cultural capital of the organization.",
         "Which city is the capital of the SCO?", False),
        # The owner further on, in a derived form.
        ("He met the secretaries of the security councils of the Central Asian countries.",
         "Whom did he meet, the secretaries of Central Asia?", False),
        # Another name is someone else's; "of the country" may be anyone's.
        ("Bishkek is the capital of Kyrgyzstan.", "What is the capital of Kazakhstan?", True),
        ("Almaty is the largest city of the country.", "What is the largest city of Kazakhstan?",
         False),
        ("In 2019 Tokayev became president of the republic.",
         "Who became president of Kazakhstan in 2019?", False),
        # The noun asked for, an idiom, and a name say nothing of whose.
        ("The 2024 summit was held in the city of Astana.",
         "Which city of Kazakhstan hosted the 2024 summit?", False),
        ("Tokayev, the head of state, spoke.", "Who is the head of Kazakhstan?", False),
        ("Tallinn was European Capital of Culture.", "What is the capital of Estonia?", False),
        # No "<noun> of" in the sentence, or a portion rather than an owner.
        ("Astana hosts the summit.", "What is the capital of Kazakhstan?", False),
        ("It is part of the strategy.", "What is part of Kazakhstan?", False),
    ],
)
def test_owned_elsewhere(sentence: str, question: str, elsewhere: bool) -> None:
    text = "The Shanghai Cooperation Organization (SCO) met in 2001. " + sentence
    sentences = sentences_of([Document("d", text)])
    answerer = answering.Answerer(sentences, np.ones((len(sentences), 4), dtype=np.float32),
                                  [list(range(len(sentences)))], {"d": text},
                                  Abbreviations([text]))
    last = answerer.sentences[-1]
    assert answerer._owned_elsewhere(last, question) is elsewhere


@pytest.mark.parametrize(
    ("question", "names"),
    [
        # What kind of answer is asked for: the document need not say "Gulf".
        ("Which Gulf states are sending leaders?", []),
        ("Which South Caucasus country's leader attends?", []),
        ("In which Central Asian city was it held?", []),
        # Names the answer belongs to, or is about, stay.
        ("What NFL teams are from Southern California?", ["NFL", "Southern", "California"]),
        ("Which states did Gulf leaders visit?", ["Gulf"]),
        ("What is the capital of France?", ["France"]),
        # Only names before a kind of place or group: a policy is named by its name.
        ("What Zorblax policy was adopted?", ["Zorblax"]),
    ],
)
def test_names_saying_what_kind_of_answer_is_asked_need_no_mention(
        question: str, names: list[str]) -> None:
    assert answering._asked_names(question) == names


def test_a_list_naming_the_kind_asked_for_answers(engine: Engine) -> None:
    # "Gulf" occurs nowhere in the article; Qatar and the UAE are in its list.
    answer = engine.ask("Which Gulf states are sending their top leaders to the gathering?")
    assert not answer.abstained
    assert "Qatar" in answer.quotes[0].text


@pytest.mark.parametrize(
    ("question", "sentence", "other"),
    [
        # Asked about the US, a sentence on what the EU does tells something else.
        ("What tariff has the United States put on Chinese cars?",
         "The EU will introduce tariffs of 38.1% on cars from China.", True),
        ("What is the name of Kazakhstan's currency?",
         "Among the goals of the SCO is trade in national currencies.", True),
        # Every country asked about is there, by another name.
        ("What tariff has the US put on Chinese cars?",
         "The United States taxes cars from China at 100%.", False),
        # None asked about is missing, or none other is named instead.
        ("What did the EU decide?", "The US decided to tax cars.", False),
        ("What does Kazakhstan expect?", "Expectations are high.", False),
        # "the bloc" may be the body the sentence names by its acronym.
        ("What does Kazakhstan want from the bloc?", "The SCO wants stability.", False),
        # A body the question names is no other one; other acronyms are no actors.
        ("When did Kazakhstan join the WTO?", "The republic became a WTO member in 2015.", False),
        ("What is Kazakhstan's GDP?", "The country's GDP grew by 5% in 2023.", False),
        ("How did COVID affect Kazakhstan?", "COVID cut growth sharply.", False),
        ("What did Kazakhstan do in the war?", "World War II ended in 1945.", False),
    ],
)
def test_a_sentence_about_another_country_or_body(question: str, sentence: str,
                                                  other: bool) -> None:
    assert answering._other_actor(question, sentence) is other


def test_a_body_called_by_the_first_word_of_its_name_is_that_body(engine: Engine) -> None:
    # "Shanghai" occurs only in "Shanghai Cooperation Organization": no rare name
    # the best sentence leaves out, which says "the organization".
    answer = engine.ask("How many full member countries does the Shanghai bloc have today?")
    assert not answer.abstained
    assert "nine member states" in answer.quotes[0].text


@pytest.mark.parametrize(
    ("question", "names"),
    [
        # What the question sets aside the answer is not about.
        ("Apart from the Red Sea problems, what else pushes Eurasian trade?", ["Eurasian"]),
        ("Other than Universal and Warner, what company runs a label?", []),
        ("Which country, besides China, attends?", []),
        # Only the set-aside phrase: "did Kazakhstan visit" still names Kazakhstan.
        ("Which countries other than Russia did Kazakhstan visit?", ["Kazakhstan"]),
        ("What did China do?", ["China"]),
    ],
)
def test_names_set_aside_need_no_mention(question: str, names: list[str]) -> None:
    assert answering._asked_names(question) == names


def test_a_country_set_aside_is_no_actor_left_out() -> None:
    sentence = "Russia will also attend."
    assert not answering._other_actor("Which country, besides China, attends?", sentence)
    assert answering._other_actor("Does China attend?", sentence)


def test_an_office_acronym_is_held_by_its_words() -> None:
    answerer = _one_document("Elon Musk, the chief executive of Tesla, spoke on Monday. "
                             "Sales of the new car rose sharply in Europe this year.")
    spoke, sales = answerer.sentences
    terms = answering.tokenize("who is the ceo of tesla")
    assert answerer._holds_office(spoke, terms)
    assert not answerer._holds_office(sales, terms)
    # In capitals, "CEO" is no name the corpus never uses: it writes its words.
    assert answerer._mentions("CEO")
    assert not answerer._mentions("CFO")
