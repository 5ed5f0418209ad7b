"""Generic references ("the organization", "the alliance") and the body they mean."""

from __future__ import annotations

from pathlib import Path

import pytest

from rag import answering
from rag.coreference import (
    ACRONYM,
    Abbreviations,
    antecedents,
    asked_acronym,
    described_names,
    named_before,
    plain_spelling,
    pronoun_subjects,
    spelled_out,
    titled_names,
    with_described_names,
    with_titled_names,
)
from rag.embedding import Embedder
from rag.engine import Engine
from rag.lexical import tokenize
from rag.schema import Document, Sentence
from rag.sentences import sentences_of


def _sentences(*texts: str, doc_id: str = "d") -> list[Sentence]:
    sentences, start = [], 0
    for i, text in enumerate(texts):
        sentences.append(Sentence(i, doc_id, start, start + len(text), text))
        start += len(text) + 1
    return sentences


def test_a_generic_reference_means_the_body_named_most_so_far() -> None:
    sentences = _sentences(
        "The North Atlantic Treaty Organization (NATO) met in Vilnius.",
        "NATO leaders and EU officials spoke.",
        "The alliance has grown to 32 members.",
        "The weather was fine.",
    )
    assert antecedents(sentences) == [None, None, "NATO", None]


def test_ties_go_to_the_body_named_last() -> None:
    sentences = _sentences("The European Union (EU) met.",
                           "The African Union (AU) came too, and the bloc grew.")
    assert antecedents(sentences) == [None, "African Union"]


def test_a_regnal_number_is_no_acronym() -> None:
    assert ACRONYM.findall("Charles III met the SCO, NATO and the US after World War II; "
                           "Louis XII, Louis XIV, Louis XVI and John XXIII did not, nor did "
                           "IVF clinics, DIV or XL.") == ["SCO", "NATO", "US", "IVF", "DIV", "XL"]


def test_names_of_bodies_count_and_define_their_initials() -> None:
    sentences = _sentences("The Shanghai Cooperation Organization met in Astana.",
                           "Founded in 2001, the organization has nine members.",
                           "The SCO admitted Belarus.", "The SCO meets yearly.",
                           "The bloc is growing.")
    assert antecedents(sentences) == [None, "Shanghai Cooperation Organization", None, None,
                                      "SCO"]


def test_nothing_named_yet_or_in_another_document() -> None:
    first = _sentences("The World Health Organization (WHO) met.", doc_id="a")
    second = [Sentence(1, "b", 0, 30, "The organization has 32 members.")]
    assert antecedents(first + second) == [None, None]
    assert antecedents(_sentences("The organization has 32 members.")) == [None]


@pytest.mark.parametrize("texts", [
    # Capitals the document never defines are not bodies.
    ("COVID spread fast.", "The organization responded."),
    ("The CEO spoke to the US press.", "The organization grew."),
    # "The group" is no body; "the organization of" is an activity.
    ("The North Atlantic Treaty Organization (NATO) met.", "The group of experts left."),
    ("The North Atlantic Treaty Organization (NATO) met.", "The organization of the summit."),
    # A body word alone names no body.
    ("The Organization shall meet yearly.", "The organization grew."),
])
def test_what_is_not_a_body_or_not_a_reference(texts: tuple[str, ...]) -> None:
    assert antecedents(_sentences(*texts))[-1] is None


def test_interleaved_documents_keep_their_own_counts() -> None:
    a = _sentences("The European Union (EU) met.", doc_id="a")
    b = _sentences("The African Union (AU) met.", "The AU grew.", doc_id="b")
    later_a = [Sentence(9, "a", 40, 60, "The bloc grew.")]
    assert antecedents(a + b + later_a)[-1] == "European Union"


def test_the_article_resolves_the_organization_to_the_sco(article: Document) -> None:
    sentences = sentences_of([article])
    resolved = {s.text: body for s, body in zip(sentences, antecedents(sentences),
                                                strict=True) if body}
    founded = next(text for text in resolved if text.startswith("Founded in 2001"))
    assert resolved[founded] == "SCO"
    assert set(resolved.values()) == {"SCO"}


def test_a_question_naming_the_body_is_answered_from_the_generic_sentence(
        tmp_path: Path, embedder: Embedder, engine: Engine) -> None:
    # Other sentences say "NATO member states" but give no count; without the
    # link, they cover the question better than the one that answers it.
    text = ("The North Atlantic Treaty Organization (NATO) held its summit in Vilnius. "
            "NATO member states discussed support for Ukraine and air defence. "
            "NATO member states also agreed to raise their defence spending.\n\n"
            "Founded in 1949 with twelve members, the alliance has since grown to 32 "
            "member states. Sweden was the most recent country to join.")
    nato = Engine(engine.settings, index_dir=tmp_path, embedder=embedder,
                  documents=[Document("nato.txt", text)])
    answer = nato.ask("How many member states does NATO have?")
    assert not answer.abstained
    assert "32 member states" in answer.quotes[0].text


def test_abbreviations_pair_a_name_with_the_acronym_the_text_uses() -> None:
    abbreviations = Abbreviations([
        "The Shanghai Cooperation Organization met. The SCO has nine members.",
        # Letters in brackets need not be the initials.
        "The Eurasian Economic Union (EAEU) met too.",
        # Initials written only in another document, or of two letters, pair with
        # nothing.
        "The European Free Trade Union met.",
        "EFTU members and the EU agreed.",
        "The Atlantic Union met; AU delegates spoke.",
    ])
    assert abbreviations.names == {("shanghai", "cooper", "organis"): "sco",
                                   ("eurasian", "econom", "union"): "eaeu"}
    # A question spelling out the name (either spelling) is folded to the acronym...
    assert abbreviations.fold(tokenize("When was the Shanghai Cooperation Organisation "
                                       "founded?")) == ["sco", "found"]
    # ... and a sentence spelling it out also holds the acronym.
    assert abbreviations.add(tokenize("The Shanghai Cooperation Organization grew.")) == [
        "shanghai", "cooper", "organis", "grew", "sco"]
    # A name's first word before a body noun is the body: "the Shanghai group"...
    assert abbreviations.fold(tokenize("What does the Shanghai group want?")) == [
        "sco", "want"]
    # ... unless it is an adjective, which says what kind of body, not which.
    assert abbreviations.fold(tokenize("What does the Eurasian bloc want?")) == [
        "eurasian", "bloc", "want"]
    # Part of a name alone is no name.
    assert abbreviations.fold(tokenize("What is in Shanghai?")) == ["shanghai"]
    # An adjective is told as written, not as its stem ("econom").
    economic = Abbreviations(["The Economic Cooperation Organization (ECO) met."])
    assert economic.fold(tokenize("What does the economic bloc do?")) == [
        "econom", "bloc"]


def test_a_question_spelling_out_the_name_is_answered_like_one_using_the_acronym(
        engine: Engine) -> None:
    # The article writes the name out once and "SCO" everywhere else: before
    # the folding, only the SCO form was answered.
    for question in ("When was the Shanghai Cooperation Organization founded?",
                     "When was the Shanghai Cooperation Organisation founded?",
                     "When was the SCO founded?"):
        answer = engine.ask(question)
        assert not answer.abstained, question
        assert answer.answer == "2001", question


def test_a_title_saying_whose_it_is_names_the_person_it_introduces() -> None:
    text = ("President of Kazakhstan K. Tokayev spoke. As Kazakh Foreign Minister Murat "
            "Nurtleu noted, UN Secretary-General António Guterres came. The Prime Minister "
            "of India Narendra Modi and the President of the United States Joe Biden met. "
            "US President Donald J. Trump and Prime Minister Keir Starmer did not.")
    assert titled_names(text) == {
        ("presid", "kazakhstan"): ("tokayev",),
        ("kazakh", "foreign", "minist"): ("murat", "nurtleu"),
        ("un", "secretari", "general"): ("antónio", "guterr"),
        ("prime", "minist", "india"): ("narendra", "modi"),
        ("presid", "unit", "state"): ("joe", "biden"),
        # Without "of", an initial is part of the name.
        ("us", "presid"): ("donald", "trump"),
    }


@pytest.mark.parametrize("text", [
    "President Biden spoke.",  # a bare title: whose president?
    "But President Biden spoke.",  # nor is "But" anyone's
    "Prime Minister Narendra Modi spoke.",  # "Prime" is part of the title
    # Whose ministry the second "of" says: too long to split safely.
    "Minister of Foreign Affairs of Kazakhstan Murat Nurtleu spoke.",
    "Kazakh President Visits China Again\n\nThe visit was short.",  # a heading
    "The SCO Secretary General and the Executive Director of the Regional SCO structures.",
    # Two presidents of one country: the title names neither.
    "President of France Emmanuel Macron met President of France François Hollande.",
])
def test_what_introduces_nobody_in_particular(text: str) -> None:
    assert titled_names(text) == {}


def test_a_sentence_calling_a_person_by_title_also_mentions_the_name() -> None:
    titles = titled_names("President of Kazakhstan K. Tokayev spoke.")
    terms = tokenize("On May 16, the President of Kazakhstan met with the secretaries.")
    assert with_titled_names(terms, titles) == [*terms, "tokayev"]
    # The title's words apart are no mention.
    assert with_titled_names(tokenize("The president visited Kazakhstan."), titles) == \
        tokenize("The president visited Kazakhstan.")


def test_a_question_by_name_is_answered_from_a_sentence_using_the_title(engine: Engine) -> None:
    # The article introduces "President of Kazakhstan K. Tokayev", then writes
    # "On May 16, the President of Kazakhstan met with ... Central Asian countries".
    answer = engine.ask("When did Tokayev meet the security council secretaries of "
                        "Central Asia?")
    assert not answer.abstained
    assert answer.answer == "May 16"


def test_an_acronym_the_text_only_spells_out_is_looked_for_spelled_out() -> None:
    abbreviations = Abbreviations([
        "Chief Executive Officer Jane Porter said so. Conservative MP Alec Shelbrooke "
        "spoke. The Shanghai Cooperation Organization (SCO) met."])
    assert abbreviations.question_terms("Who is the CEO of Acme?") == [
        "chief", "execut", "offic", "acm"]
    # No name spelled out of a run holding an acronym ("MP Alec Shelbrooke"), nor
    # of part of a run or its opening stop word; an acronym the text writes stays.
    assert "MAS" not in abbreviations.spelled
    assert {"EOJ", "TSC"}.isdisjoint(abbreviations.spelled)
    assert abbreviations.question_terms("The CEO and the CEO's deputy?") == [
        "chief", "execut", "offic", "chief", "execut", "offic", "deputi"]
    assert abbreviations.question_terms("What is the SCO?") == ["sco"]
    assert abbreviations.question_terms("What does the Shanghai Cooperation "
                                        "Organization do?") == ["sco"]


def test_a_name_the_text_only_writes_as_initials_is_looked_for_as_those() -> None:
    abbreviations = Abbreviations([
        "A UN Regional Center will open. The EU imposed tariffs. The New Development "
        "Bank lends; the NDB is in Shanghai. Kazakhstan and the WB met."])
    # The words before the name are no part of it ("What United Nations").
    assert abbreviations.question_terms("What United Nations institution opens?") == [
        "un", "institut", "open"]
    assert abbreviations.question_terms("Which European Union body acted?") == [
        "eu", "bodi", "act"]
    # A name the text writes out is looked for as written; initials the text never
    # writes in capitals, or a name typed in lower case, are left alone.
    assert abbreviations.question_terms("Does the New Development Bank lend?") == [
        "new", "develop", "bank", "lend"]
    assert abbreviations.question_terms("Is the World Health Organization there?") == \
        tokenize("World Health Organization there")
    assert abbreviations.question_terms("what did the united nations do?") == [
        "unit", "nation"]
    # Two words are a name ("WB" for "World Bank"), with a possessive too.
    assert abbreviations.question_terms("Was the World Bank there?") == ["wb"]
    assert abbreviations.question_terms("Did the European Union's tariffs bite?") == [
        "eu", "tariff", "bite"]
    # Only a body's name: a person's, or other words, are no initials.
    assert abbreviations.question_terms("Did Ursula Nielsen attend?") == [
        "ursula", "nielsen", "attend"]
    assert abbreviations.question_terms("What do Eurasian Unity plans include?") == \
        tokenize("Eurasian Unity plans include")


PLAIN = ("The EU will put tariffs on electric vehicles from China. Sales of electric "
         "vehicles fell. Energy security matters, and so does economic growth. Member "
         "states met; member countries spoke. The US sent its envoy.")


@pytest.mark.parametrize(("acronym", "terms"), [
    # A plural acronym of lower-case words used twice or more, in the plural, with
    # the acronym's letters as initials.
    ("EVs", ("electr", "vehicl")),
    # In the singular, two letters fit too many runs of plain words.
    ("EV", None),
    # Used once: words met by chance ("energy security", "economic growth").
    ("ESs", None),
    ("EGs", None),
    # Two terms fit ("member states", "member countries"): ambiguous.
    ("MSs", None),
    # A country's code, an acronym the text writes, a word in capitals, a name.
    ("USs", None),
    ("EUs", None),
    ("ITs", None),
    ("Ed", None),
])
def test_an_acronym_of_plain_words_the_text_uses_as_a_term(acronym: str,
                                                           terms: tuple[str, ...] | None) -> None:
    abbreviations = Abbreviations([PLAIN])
    assert abbreviations.spelling(acronym) == terms


def test_plain_spelling_needs_a_run_of_words_used_as_a_term() -> None:
    texts = ["electric vehicles and electric-vehicle makers; the electric vehicles"]
    assert plain_spelling("EV", texts) == ("electr", "vehicl")
    # Only in the plural, as the question's acronym is.
    assert plain_spelling("EV", ["an electric vehicle, one electric vehicle"]) is None
    # Too long for plain words: a body's name is written in capitals.
    assert plain_spelling("EVMS", texts) is None
    # A stop word among the words is no term ("each of").
    assert plain_spelling("EO", ["each of them, each of us"]) is None


def test_a_question_in_an_acronym_of_plain_words_is_answered(engine: Engine) -> None:
    # The article never writes "EV": it writes "electric vehicles".
    answer = engine.ask("What extra tariff will the EU put on Chinese EVs?")
    assert not answer.abstained
    assert answer.answer == "38.1%"
    assert not answer.doubts


@pytest.mark.parametrize(
    ("question", "acronym"),
    [
        ("What does SCO stand for?", "SCO"),
        ("what do the letters EEC stand for", "EEC"),
        ("What is NATO short for?", "NATO"),
        ("What is CICA an abbreviation of?", "CICA"),
        ("What is the full name of the SCO?", "SCO"),
        ("What does the acronym CSTO mean?", "CSTO"),
        ("What does SoCal stand for?", "SoCal"),
        # A word stressing the question ("even", "actually") may stand before it.
        ("wait what does CICA even stand for", "CICA"),
        ("What does SCO actually mean?", "SCO"),
        # In lower case only with "stand for", and never a stop word.
        ("what does nato stand for", "NATO"),
        ("what does it stand for", None),
        ("what does nato mean", None),
        ("What do the stars stand for?", None),
        # Asking what something means to someone, or about a word of one capital.
        ("What does the SCO mean for Kazakhstan?", None),
        ("What does Paris stand for?", None),
        ("What does it mean?", None),
    ],
)
def test_asked_acronym(question: str, acronym: str | None) -> None:
    assert asked_acronym(question) == acronym


@pytest.mark.parametrize(
    ("acronym", "text", "spelled"),
    [
        ("SCO", "The Shanghai Cooperation Organization (SCO) met.",
         ["Shanghai Cooperation Organization"]),
        ("MFA", "The Ministry of Foreign Affairs said so.", ["Ministry of Foreign Affairs"]),
        ("RATS", "the Regional Anti-Terrorism Structure", ["Regional Anti-Terrorism Structure"]),
        # Lower-case words only right before the acronym in brackets.
        ("CBD", "Central business districts (CBD) include Downtown.",
         ["Central business districts"]),
        ("CBD", "Central business districts include Downtown.", []),
        # Small words join, they neither open nor close the name; a comma or a
        # line break ends it.
        ("SCO", "Shanghai, Cooperation Organization", []),
        ("SCO", "Shanghai Cooperation\nOrganization", []),
        ("SC", "Summit of Cooperation of", ["Summit of Cooperation"]),
        ("UN", "The United Nations and the United Nations.", ["United Nations", "United Nations"]),
    ],
)
def test_spelled_out(acronym: str, text: str, spelled: list[str]) -> None:
    assert [text[s:e] for s, e in spelled_out(acronym, text)] == spelled


def test_a_country_is_looked_for_by_the_name_the_text_writes() -> None:
    abbreviations = Abbreviations(["The United States imposed tariffs. Turkiye and the "
                                   "United States met. Russia signed."])
    assert abbreviations.question_terms("Did the US impose tariffs?") == [
        "unit", "state", "impos", "tariff"]
    assert abbreviations.question_terms("Is Turkey attending?") == ["turkiy", "attend"]
    # A name the text writes stays, as does a country it never names.
    assert abbreviations.question_terms("Did Russia sign?") == ["russia", "sign"]
    assert abbreviations.question_terms("Did the Russian Federation sign?") == [
        "russia", "sign"]
    assert abbreviations.question_terms("Did Chile sign?") == ["chile", "sign"]
    # "us" is no country.
    assert abbreviations.question_terms("Tell us about tariffs") == ["us", "tariff"]
    # With or without accents, on either side.
    accented = Abbreviations(["Türkiye joined the talks. Côte d'Ivoire did not."])
    assert accented.question_terms("When did Turkey join?") == ["türkiy", "join"]
    assert accented.question_terms("Did Ivory Coast join?") == tokenize("Côte d'Ivoire join")
    plain = Abbreviations(["Turkey joined the talks."])
    assert plain.question_terms("When did Türkiye join?") == ["turkey", "join"]


def test_a_question_naming_a_country_as_the_text_does_not_is_answered(engine: Engine) -> None:
    answer = engine.ask("What Chinese products has the US put tariffs on?")
    assert not answer.abstained, answer.doubts
    assert "solar panels" in answer.quotes[0].text


def test_asked_to_spell_an_acronym_out_the_question_looks_for_its_words() -> None:
    abbreviations = Abbreviations(["The Shanghai Cooperation Organization (SCO) met."])
    assert abbreviations.question_terms("What does SCO stand for?") == tokenize(
        "SCO Shanghai Cooperation Organization")
    assert abbreviations.question_terms("What does NATO stand for?") == ["nato"]


DANUBE = ("# The Danube\n\nThe Danube is the second-longest river in Europe, after the Volga. "
          "The river is 2,850 kilometres long. Four capitals lie on the river.\n\n"
          "The Danube was once a long-standing frontier of the Roman Empire.")


def test_a_name_said_to_be_a_kind_of_thing_is_that_thing_later() -> None:
    assert described_names(DANUBE) == {"river": ("danub",)}
    # A name's dates in brackets may come between; the noun ends at "and" or "who".
    assert described_names("Marie Curie (1867 – 1934) was a Polish physicist and chemist "
                           "who studied radium.") == {"physicist": ("mari", "curi")}
    # A noun said of two names stands for neither.
    assert described_names("The Rhine is a river in Europe. The Elbe is a river in "
                           "Germany.") == {}
    # Only at a sentence's start: "In 1900 Paris was a city of light" names no subject.
    assert described_names("In 1900 Paris was a city of light.") == {}


def test_the_noun_also_mentions_the_name() -> None:
    rivers = described_names(DANUBE)
    long = "The river is 2,850 kilometres long."
    assert with_described_names(long, tokenize(long), rivers) == [*tokenize(long), "danub"]
    # "the river of ..." and "the physicist Henri Becquerel" are other things.
    for other in ("It is the river of kings.", "It flows like the river Thames."):
        assert with_described_names(other, tokenize(other), rivers) == tokenize(other)


def test_how_long_is_answered_by_the_sentence_calling_it_the_river(tmp_path: Path,
                                                                   engine: Engine) -> None:
    danube = Engine(engine.settings, index_dir=tmp_path, documents=[Document("danube.md", DANUBE)],
                    embedder=engine.embedder)
    answer = danube.ask("How long is the Danube?")
    assert not answer.abstained and answer.answer == "2,850 kilometres"


def test_without_the_noun_the_long_standing_frontier_wins(tmp_path: Path, engine: Engine,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    # What the rule is for: the Danube's one sentence with "long" says no length.
    monkeypatch.setattr(answering, "described_names", lambda text: {})
    danube = Engine(engine.settings, index_dir=tmp_path, documents=[Document("danube.md", DANUBE)],
                    embedder=engine.embedder)
    assert danube.ask("How long is the Danube?").answer != "2,850 kilometres"


def test_a_pronoun_goes_on_about_the_subject_before_it_in_its_paragraph() -> None:
    text = ("The Danube Commission, founded in 1948, oversees navigation on the river. Its "
            "working language is German, French and Russian. It meets in Budapest every "
            "June.\n\nIt was a busy year for the boats and barges. The weather was fine "
            "for most of the summer months.")
    sentences = sentences_of([Document("d", text)])
    commission = tuple(tokenize("Danube Commission"))
    # The chain goes on through pronouns; a new paragraph or no pronoun ends it.
    assert pronoun_subjects(sentences, {"d": text}) == [(), commission, commission, (), ()]


def test_he_opening_a_paragraph_goes_on_about_a_person_named_with_an_initial() -> None:
    text = ("President of Kazakhstan K. Tokayev, at a meeting, emphasized that this concept "
            "should form the basis of the task.\n\nHe emphasizes that it is impossible to "
            "ensure one's own security by damaging others.\n\nHe will also speak of trade "
            "at the summit in the capital.")
    sentences = sentences_of([Document("d", text)])
    tokayev = tuple(tokenize("President of Kazakhstan K. Tokayev"))
    # Across a paragraph, "He" is the person the paragraph before ended on, and the
    # chain goes on through the next "He".
    assert pronoun_subjects(sentences, {"d": text}) == [(), tokayev, tokayev]
    # A name without an initial, or "It", does not reach across a paragraph.
    for other in (text.replace("K. Tokayev", "Tokayev"), text.replace("He emphasizes", "It says")):
        subjects = pronoun_subjects(sentences_of([Document("d", other)]), {"d": other})
        assert subjects[1] == (), other


def test_he_or_she_is_named_in_the_sentence_right_before() -> None:
    text = ("President of Kazakhstan K. Tokayev, at a meeting, emphasized that this concept "
            "should form the basis of the task.\n\nHe emphasizes that it is impossible to "
            "ensure one's own security by damaging others. He will also speak of trade. "
            "The Danube Commission meets in June. It works in German.")
    sentences = sentences_of([Document("d", text)])
    found = named_before(sentences, pronoun_subjects(sentences, {"d": text}))
    # The first "He" is named before it, across the paragraph; the second only
    # through the first; "It" is no person.
    assert {sid: before.sentence_id for sid, before in found.items()} == {1: 0}


def test_a_word_that_only_opens_a_sentence_is_no_subject() -> None:
    text = ("Despite the rain, the summit opened in Astana on Monday morning. It lasted "
            "three full days and ended with a declaration.")
    assert pronoun_subjects(sentences_of([Document("d", text)]), {"d": text}) == [(), ()]


def test_a_pronouns_subject_is_folded_to_its_acronym(tmp_path: Path, engine: Engine) -> None:
    text = ("The Shanghai Cooperation Organization (SCO) was founded in 2001 by six states. "
            "It has nine member states and three observer states today.")
    sco = Engine(engine.settings, index_dir=tmp_path, documents=[Document("d", text)],
                 embedder=engine.embedder)
    sco.ensure_ready()
    answerer = sco._answerer
    assert answerer is not None
    it = next(s for s in answerer.sentences if s.text.startswith("It has"))
    assert "sco" in answerer.terms[it.sentence_id]
