"""Restoring the corpus's capitals to a question typed in lower case."""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.engine import Engine
from rag.schema import Document
from rag.truecasing import Truecaser, _opens_sentence

TEXT = ("The Shanghai Cooperation Organization (SCO) met in Astana. As Kazakh Foreign "
        "Minister Murat Nurtleu noted, the SCO plans an Investment Fund and an "
        "investment platform. It adopted the Action Program and a Cooperation Program "
        "on May 16, and Kazakhstan’s goal is growth. Tesla Inc. builds cars. President "
        "of Kazakhstan K. Tokayev spoke.")


@pytest.fixture(scope="module")
def truecase() -> Truecaser:
    return Truecaser([TEXT])


@pytest.mark.parametrize(
    ("question", "cased"),
    [
        # An acronym, a name written on its own, and one with a possessive.
        ("what does sco stand for", "what does SCO stand for"),
        ("what is astana", "what is Astana"),
        ("what is kazakhstan's goal", "what is Kazakhstan's goal"),
        # A run the corpus writes as one name, and a name inside a longer run.
        ("what is the investment fund", "what is the Investment Fund"),
        ("who is murat nurtleu", "who is Murat Nurtleu"),
        # A surname alone, of a person named after a title; not the last word of
        # another name ("Program"), nor a first name ("murat").
        ("did nurtleu attend", "did Nurtleu attend"),
        ("which program did murat attend", "which program did murat attend"),
        # A country's name, named in the corpus or not; the article stays.
        ("what is the capital of france", "what is the capital of France"),
        ("tell us about the united states", "tell us about the United States"),
        # A country's initials; "us" only where it cannot be the pronoun.
        ("what tariffs has the us imposed", "what tariffs has the US imposed"),
        ("did the uk and the usa agree", "did the UK and the USA agree"),
        ("let us know what the uae said", "let us know what the UAE said"),
        # A known body's acronym, named in the corpus or not; not one that is an
        # English word.
        ("whats asean's part in the sco strategy", "whats ASEAN's part in the SCO strategy"),
        ("what does nato think", "what does NATO think"),
        ("who is the who chief", "who is the who chief"),
        # A body's name written out, named in the corpus or not.
        ("african union view on sco summit", "African Union view on SCO summit"),
        ("what did the united nations say", "what did the United Nations say"),
        ("is the world trade organization involved", "is the World Trade Organization involved"),
        # A demonym, said of a country too; a capital is also a word ("male").
        ("what did the chinese president say", "what did the Chinese president say"),
        ("how many male leaders came", "how many male leaders came"),
        # A capital where it names a place: after "in", "to", "from".
        ("who is attending the sco summit in moscow", "who is attending the SCO summit in Moscow"),
        ("who flew to beijing", "who flew to Beijing"),

        ("is male in the maldives", "is male in the Maldives"),
        ("how do i polish the text", "how do i polish the text"),
        # Words the corpus also writes in lower case, titles, a month that is a
        # common word, and a word capitalised only inside a longer name stay.
        ("what investment is planned", "what investment is planned"),
        ("who is the foreign minister", "who is the foreign minister"),
        ("what may happen in may", "what may happen in may"),
        ("what program was adopted", "what program was adopted"),
        ("who builds tesla cars", "who builds tesla cars"),
        # A name after an initial, and the initial typed before it.
        ("who is tokayev", "who is Tokayev"),
        ("who is k. tokayev", "who is K. Tokayev"),
        # Typed with capitals: left alone.
        ("What does Sco stand for?", "What does Sco stand for?"),
    ],
)
def test_truecase(truecase: Truecaser, question: str, cased: str) -> None:
    assert truecase(question) == cased


def test_a_name_written_two_ways_is_not_restored() -> None:
    assert Truecaser(["Ask the Sco first. Then ask the SCO."])("what is sco") == "what is sco"


def test_a_sentences_first_word_is_no_name() -> None:
    # "Preparations" is capitalised only where every word is.
    assert Truecaser(["Preparations were long."])("what preparations") == "what preparations"


def test_a_question_typed_in_lower_case_is_answered_as_if_cased(engine: Engine) -> None:
    for typed, cased in (("what does sco stand for", "What does SCO stand for?"),
                         ("who is murat nurtleu", "Who is Murat Nurtleu?"),
                         ("how many members does the sco have",
                          "How many members does the SCO have?")):
        lower, upper = engine.ask(typed), engine.ask(cased)
        assert not lower.abstained
        assert (lower.answer, lower.quotes) == (upper.answer, upper.quotes), typed
        assert lower.question == typed  # echoed as typed


def test_unknown_acronyms_in_lower_case_still_abstain(tmp_path: Path, engine: Engine) -> None:
    assert engine.ask("what does nato stand for").abstained
    assert engine.ask("what is the capital of france").abstained
    document = Document("d.md", TEXT)
    other = Engine(engine.settings, index_dir=tmp_path, documents=[document],
                   embedder=engine.embedder)
    assert other.ask("what does sco stand for").answer == "Shanghai Cooperation Organization"


def test_a_country_the_corpus_writes_in_lower_case_stays() -> None:
    truecase = Truecaser(["Roast the turkey for three hours."])
    assert truecase("how long do i roast the turkey") == "how long do i roast the turkey"
    assert truecase("what is the capital of france") == "what is the capital of France"
    # A body's acronym the corpus writes in lower case stays as typed.
    truecase = Truecaser(["The imf of the tale was an elf."])
    assert truecase("who is the imf") == "who is the imf"


def test_names_keep_their_apostrophe_and_lose_their_article() -> None:
    truecase = Truecaser(["# The Danube\n\nThe surfer Pat O’Connell rode the Danube."])
    assert truecase("who is pat o'connell") == "who is Pat O’Connell"
    assert truecase("tell me about the danube") == "tell me about the Danube"


def test_no_name_longer_than_a_question_looks_up_is_kept() -> None:
    truecase = Truecaser([" ".join(["Alpha"] * 400) + "."])
    assert max(len(key) for key in truecase.runs) <= 6


@pytest.mark.parametrize(
    ("question", "read"),
    [
        ("What did the U.N. plan?", "What did the UN plan?"),
        ("what did the u.n. plan", "what did the UN plan"),
        ("Did the U.N.?", "Did the UN?"),
        # Its dot also ending a sentence stays.
        ("Tell me about the U.N. When was it founded?",
         "Tell me about the UN. When was it founded?"),
        ("What did the U.N. Secretary say?", "What did the UN Secretary say?"),
        # The corpus writes no "US", nor "IE": as typed, but a country's initials
        # in capitals.
        ("What has the U.S. imposed?", "What has the U.S. imposed?"),
        ("what has the u.s. imposed", "what has the U.S. imposed"),
        ("i.e. what is it?", "i.e. what is it?"),
        # An initial is no acronym.
        ("What did K. Tokayev say?", "What did K. Tokayev say?"),
    ],
)
def test_an_acronym_typed_with_dots_is_read_as_the_corpus_writes_it(question: str,
                                                                   read: str) -> None:
    truecase = Truecaser(["The UN and the EU met K. Tokayev in Astana."])
    assert truecase(question) == read


@pytest.mark.parametrize(("shouted", "typed"), [
    ("WHO IS MURAT NURTLEU?", "Who is Murat Nurtleu?"),
    ("WHAT DOES SCO STAND FOR?", "What does SCO stand for?"),
    ("WHAT IS THE CAPITAL OF FRANCE?", "What is the capital of France?"),
    # Acronyms the article does not write stay names: the US's tariffs are not the EU's.
    ("WHAT TARIFFS HAS THE US IMPOSED ON CHINESE CARS?",
     "What tariffs has the US imposed on Chinese cars?"),
    ("WHAT DID NATO SAY ABOUT THE SUMMIT?", "What did NATO say about the summit?"),
    # A demonym the article never writes names its country, however long.
    ("WHAT DID THE RUSSIAN PRESIDENT SAY?", "What did the Russian president say?"),
    ("WHAT DID THE GERMAN CHANCELLOR SAY?", "What did the German chancellor say?"),
])
def test_a_question_in_capitals_is_answered_as_typed_normally(engine: Engine, shouted: str,
                                                              typed: str) -> None:
    loud, plain = engine.ask(shouted), engine.ask(typed)
    assert (loud.abstained, loud.answer) == (plain.abstained, plain.answer)
    assert [d.rule for d in loud.doubts] == [d.rule for d in plain.doubts]


@pytest.mark.parametrize(("typed", "cased"), [
    # Asked about the US, the EU's tariffs tell what someone else does.
    ("why did the us put tariffs on chinese batteries",
     "Why did the US put tariffs on Chinese batteries?"),
    ("what did the u.s. say about the sco summit", "What did the U.S. say about the SCO summit?"),
    ("what has the uk said about the sco", "What has the UK said about the SCO?"),
])
def test_a_countrys_initials_in_lower_case_name_it(engine: Engine, typed: str,
                                                   cased: str) -> None:
    lower, plain = engine.ask(typed), engine.ask(cased)
    assert (lower.abstained, lower.answer) == (plain.abstained, plain.answer)
    assert [d.rule for d in lower.doubts] == [d.rule for d in plain.doubts]
    assert lower.abstained


def test_in_a_question_in_capitals_only_possible_names_keep_them() -> None:
    truecase = Truecaser(["The SCO met Murat Nurtleu, who spoke of trade."])
    assert truecase.quieted("WHO IS MURAT NURTLEU?") == "who is murat nurtleu?"
    assert truecase.quieted("WHAT DID THE SCO AND NATO SAY OF G20?") == (
        "what did the SCO and NATO say of G20?")
    assert truecase.quieted("What did the SCO say?") == "What did the SCO say?"


def test_a_capital_or_demonym_in_capitals_names_its_country_whatever_its_length() -> None:
    truecase = Truecaser(["The Uzbek minister met the SCO in Astana, with Chinese help."])
    # Never written by the corpus, they stay names: lower-cased, nothing would
    # restore them.
    assert truecase.quieted("WHAT DID THE RUSSIAN MINISTER SAY IN PARIS?") == (
        "what did the RUSSIAN minister say in PARIS?")
    assert truecase.quieted("DID THE GERMAN CHANCELLOR MEET THE POLISH ONE?") == (
        "did the GERMAN chancellor meet the POLISH one?")
    # Written by the corpus, they are restored as it writes them.
    shouted = "WHAT DID THE UZBEK AND CHINESE SIDES SAY IN ASTANA?"
    assert truecase.quieted(shouted) == "what did the uzbek and chinese sides say in astana?"
    assert truecase(truecase.quieted(shouted)) == (
        "what did the Uzbek and Chinese sides say in Astana?")
    # A word the corpus writes in lower case is that word ("male", not Malé).
    truecase = Truecaser(["Most of the male delegates met the SCO in Astana."])
    assert truecase.quieted("WHO IS THE MALE LEAD?") == "who is the male lead?"


def test_a_dotted_word_the_corpus_also_writes_in_lower_case_or_dotted_stays() -> None:
    truecase = Truecaser(["The doors open at 9 AM, and I am glad they do."])
    assert truecase("What happened at 9 a.m.?") == "What happened at 9 a.m.?"
    truecase = Truecaser(["Many commute to L.A. daily. The LA Galaxy play there."])
    assert truecase("Who commutes to L.A. daily?") == "Who commutes to L.A. daily?"


def test_a_body_named_in_full_is_the_one_its_acronym_names(engine: Engine) -> None:
    # The article writes only "the EU"; the African Union it never names.
    for question in ("What tariffs will the European Union introduce on Chinese EVs?",
                     "what tariffs will the european union introduce on chinese evs"):
        answer = engine.ask(question)
        assert not answer.abstained and answer.doubts == (), question
        assert "the EU will introduce additional tariffs" in answer.quotes[0].text
    answer = engine.ask("african union view on sco summit")
    assert answer.abstained
    assert [d.rule for d in answer.doubts] == ["unknown_name"]
    assert "African Union" in answer.doubts[0].message


def test_a_dotted_acronym_is_no_unknown_name(engine: Engine) -> None:
    answer = engine.ask("What did the U.N. plan for Central Asia?")
    assert not answer.abstained and answer.doubts == ()
    assert "UN Regional Center" in answer.quotes[0].text


def test_a_sentence_opening_is_told_by_what_stands_before_it() -> None:
    text = 'Leaders met. "Astana hosts it," said K. Tokayev of Kazakhstan'
    assert _opens_sentence(text, 0)
    assert _opens_sentence(text, text.index("Astana"))  # after a full stop and a quote
    assert not _opens_sentence(text, text.index("Tokayev"))  # after an initial
    assert not _opens_sentence(text, text.index("Kazakhstan"))
    # An abbreviation ending a line is no initial: a new line opens.
    text = "Made in the U.K.\nAstana hosts"
    assert _opens_sentence(text, text.index("Astana"))


def test_a_name_of_several_words_whatever_the_corpus_writes_in_lower_case() -> None:
    truecase = Truecaser(["The SCO plans new fuels and a south route. It met in Astana."])
    assert truecase("was the summit in new delhi") == "was the summit in New Delhi"
    assert truecase("did south africa attend") == "did South Africa attend"
    # A capital still only as a place; a single word the corpus writes stays.
    assert truecase("what did the new delhi officials say") == (
        "what did the new delhi officials say")
    assert truecase("is the south route new") == "is the south route new"
