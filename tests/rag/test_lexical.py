"""Word-level helpers: tokens, IDF coverage, and names the corpus never mentions."""

from __future__ import annotations

import math

import pytest

from rag.lexical import (
    YES_NO_OPENING,
    Vocabulary,
    coverage,
    id_terms,
    idf_table,
    known_share,
    mentioned,
    named_words,
    phrase_spans,
    phrase_terms,
    same_sense,
    spelled_numbers,
    tokenize,
    without_idioms,
)


def test_tokenize_drops_stop_and_question_words_and_stems() -> None:
    assert tokenize("What are the SCO's main goals?") == ["sco", "main", "goal"]
    # One term where the stemmer keeps two that mean the same.
    assert tokenize("percentage") == tokenize("percent") == ["percent"]


def test_a_stop_word_with_a_clitic_is_still_a_stop_word() -> None:
    # "What's" stemmed to "what" was a term no sentence answers, which halved the
    # coverage of the sentence giving the motto.
    assert tokenize("What's the SCO's motto?") == ["sco", "motto"]
    assert tokenize("Who’re the members? Where'll it be? What'd they say?") == [
        "member"]
    # A name's possessive, and a name with an apostrophe, stay terms.
    assert tokenize("O'Brien's plan") == ["o'brien", "plan"]


def test_number_words_are_digits() -> None:
    assert tokenize("nine member states") == tokenize("9 member states") == ["9", "member", "state"]
    assert tokenize("thirty-two") == tokenize("32") == ["32"]
    # "one" is as often no number: "no one", "one of the".
    assert tokenize("one of the nine") == ["one", "9"]
    # The figure rule reads number words the same way.
    assert spelled_numbers("It has thirty-two members, nine states, one of them Forty-One.") == [
        "32", "41", "9"]


def test_a_word_is_mentioned_by_its_terms_or_their_starts() -> None:
    asked = set(tokenize("What is Kazakhstan's foreign minister called?"))
    assert mentioned("Kazakh", asked) and mentioned("Foreign", asked)
    assert not mentioned("Murat", asked)
    # A stop word names nothing, so it never tells a span apart.
    assert mentioned("the", asked)
    # Short terms must match whole: "EU" is not the start of "europ".
    assert not mentioned("EU", set(tokenize("Which European body?")))


def test_idf_and_coverage_by_hand() -> None:
    units = [["sco", "summit"], ["sco", "energi"], ["transport"]]
    idf = idf_table(units)
    # n = 3; "sco" is in 2 units: log(1 + (3 - 2 + 0.5) / (2 + 0.5)).
    assert idf["sco"] == pytest.approx(math.log(1 + 1.5 / 2.5))
    assert idf["summit"] == pytest.approx(math.log(1 + 2.5 / 1.5))
    unseen = max(idf.values())
    # Asking about "sco" and "summit" over a unit holding only "sco".
    got = coverage(["sco", "summit"], frozenset({"sco"}), idf, unseen)
    assert got == pytest.approx(idf["sco"] / (idf["sco"] + idf["summit"]))
    # A term the corpus lacks weighs as much as its rarest term.
    assert coverage(["sco", "fifa"], frozenset({"sco"}), idf, unseen) == pytest.approx(
        idf["sco"] / (idf["sco"] + unseen))
    assert coverage([], frozenset({"sco"}), idf, unseen) == 0.0


def test_known_share_by_hand() -> None:
    idf = idf_table([["sco", "summit"], ["sco", "energi"], ["transport"]])
    unseen = max(idf.values())
    assert known_share(["sco", "summit"], idf, unseen) == 1.0
    assert known_share(["fifa", "penalti"], idf, unseen) == 0.0
    # Repeated terms count once; an unknown term weighs as much as the rarest.
    assert known_share(["sco", "fifa", "sco"], idf, unseen) == pytest.approx(
        idf["sco"] / (idf["sco"] + unseen))
    assert known_share([], idf, unseen) == 1.0


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Who is the CEO of Tesla?", ["CEO", "Tesla"]),
        ("What is the capital of France?", ["France"]),
        # The first word is capitalised anyway.
        ("Where is the summit held?", []),
        ("When did Kazakhstan's President speak?", ["Kazakhstan's", "President"]),
        # Title case or capitals throughout say nothing about names.
        ("WHO WON THE WORLD CUP?", []),
        ("Who Won The World Cup In Qatar?", []),
        # A short question may capitalise most of its words as names.
        ("Who is Tesla's CEO?", ["Tesla's", "CEO"]),
        ("What is Kazakhstan's GDP?", ["Kazakhstan's", "GDP"]),
        ("What did The Guardian report about Tesla?", ["The", "Guardian", "Tesla"]),
        # Only the capitalised part of a compound names something.
        ("When do Brussels' new levies on China-made cars start?", ["Brussels'", "China"]),
        ("How long is the Trans-Caspian route?", ["Trans", "Caspian"]),
        # A first word counts where it is plainly a name.
        ("New Delhi wants what from the SCO?", ["New", "Delhi", "SCO"]),
        ("Beijing signed which deal?", ["Beijing"]),
        ("South Korea joined when?", ["South", "Korea"]),
        ("NATO expanded when?", ["NATO"]),
        ("African Union view on SCO summit", ["African", "Union", "SCO"]),
        ("European countries joined?", []),
        ("Kazakhstan chairs which body?", ["Kazakhstan"]),
        ("Does the SCO have a bank?", ["SCO"]),
        ("Which Moscow plan failed?", ["Moscow"]),
        # Each sentence's first word is capitalised anyway.
        ("When was the SCO founded? Please answer briefly.", ["SCO"]),
        ("Hi! Thanks for the help. Who leads NATO?", ["NATO"]),
        # A dotted acronym or an initial ends no sentence.
        ("What did the U.S. President say?", ["U.S.", "President"]),
        ("What did K. Tokayev say?", ["K.", "Tokayev"]),
        # A name ending a sentence comes without its full stop, an acronym's dots kept.
        ("Tell me about the OCS. When did it meet?", ["OCS"]),
        ("Tell me about New Delhi.", ["New", "Delhi"]),
        ("Tell me about the U.S.", ["U.S."]),
    ],
)
def test_named_words(question: str, expected: list[str]) -> None:
    assert named_words(question) == expected


def test_vocabulary_knows_terms_and_their_longer_or_shorter_forms() -> None:
    vocabulary = Vocabulary(tokenize("Kazakhstan chairs the Shanghai Cooperation Organization"))
    assert "kazakhstan" in vocabulary
    assert "kazakh" in vocabulary  # a prefix of a known term
    assert "shanghais" in vocabulary  # a known term is its prefix
    assert "franc" not in vocabulary
    # Typos: one edit from 5 characters, two from 8.
    assert all(t in vocabulary for t in tokenize("Kazakstan Shangai"))
    assert "kazakhztsn" in vocabulary  # two edits in a long word
    assert "chairz" in vocabulary and "chaizz" not in vocabulary
    assert "ceo" not in vocabulary  # too short for prefix matching
    assert "kaz" not in vocabulary
    assert 3 not in vocabulary


def test_derived_terms_add_or_drop_a_derivational_suffix() -> None:
    vocabulary = Vocabulary(["terror", "terrorist", "member", "membership", "memo", "memos",
                             "victorian", "current", "currenc", "kazakhstan", "state",
                             "statement", "pressur", "polici", "asian", "former", "leader",
                             "chair", "chairman", "chairmanship"])
    assert vocabulary.derived("terrorist") == {"terror"}
    assert vocabulary.derived("chairmanship") == {"chair", "chairman"}
    assert "chairmanship" in vocabulary.derived("chair")
    assert vocabulary.derived("terror") == {"terrorist"}
    assert vocabulary.derived("member") == {"membership"}
    assert vocabulary.derived("victoria") == {"victorian"}  # the term itself may be unknown
    assert vocabulary.derived("kazakh") == {"kazakhstan"}
    assert vocabulary.derived("asia") == {"asian"}  # a place's people from four letters
    # A shared beginning is not enough: "current" and "currency" part after
    # "curren", "statement" is not a kind of state, nor "pressure" of press.
    # Nor are four letters enough for other suffixes: "form" and "former".
    for term in ("current", "state", "press", "polic", "memo", "fifa", "form", "lead"):
        assert vocabulary.derived(term) == frozenset(), term


def test_a_compass_point_and_its_adjective_are_derivations() -> None:
    # Too short for the suffix rule: "Western sanctions" are "sanctions from the West".
    vocabulary = Vocabulary(["west", "western", "eastern", "easter", "south"])
    assert vocabulary.derived("western") == {"west"}
    assert vocabulary.derived("west") == {"western"}
    assert vocabulary.derived("east") == {"eastern"}  # not "easter"
    assert vocabulary.derived("southern") == {"south"}
    assert vocabulary.derived("north") == frozenset()  # only the corpus's terms


def test_coverage_counts_a_related_term_at_half_the_query_terms_weight() -> None:
    idf = {"victoria": 2.0, "farm": 1.0}
    related = {"victoria": frozenset({"victorian"})}
    unit = frozenset({"victorian", "farm"})
    assert coverage(["victoria", "farm"], unit, idf, 2.0) == pytest.approx(1.0 / 3.0)
    # "victorian" earns half of "victoria"'s weight: (0.5 * 2 + 1) / 3.
    assert coverage(["victoria", "farm"], unit, idf, 2.0, related) == pytest.approx(2.0 / 3.0)
    # Related terms only stand in for the query term they belong to.
    assert coverage(["farm"], frozenset({"victorian"}), idf, 2.0, related) == 0.0


def test_british_and_american_spellings_are_one_term() -> None:
    assert tokenize("organisation organised realising") == tokenize(
        "organization organized realizing")
    # Families the stemmer keeps together stay together.
    assert tokenize("revise supervise advertise") == tokenize("revision supervision advertisement")
    assert tokenize("centre centres metres neighbour neighbourhood colours dialogue") == tokenize(
        "center centers meters neighbor neighborhood colors dialog")
    # Possessives and other endings go with them.
    assert tokenize("centre's centred catalogued catalogues neighbour's") == tokenize(
        "center's centered cataloged catalogs neighbor's")
    # Words that only end like a British spelling keep their ending.
    assert tokenize("hour tour flour contour") == ["hour", "tour", "flour", "contour"]
    assert tokenize("devoured contoured hatred string rogue") == tokenize(
        "devour contour hatred string rogue")


def test_words_of_one_sense_are_related() -> None:
    # Written as the stemmer writes them, or they would never match.
    assert set(tokenize("founded established created formed started began")) == {
        "found", "establish", "creat", "form", "start", "began"}
    assert same_sense("creat") == {"found", "establish", "form", "start", "begin", "began",
                                   "begun"}
    assert same_sense("summit") == frozenset()
    # "mid-sized states" are "middle powers"; "shared problems" "common challenges".
    assert set(tokenize("mid middle")) <= {"mid", *same_sense("mid")}
    assert same_sense("problem") == {"challeng"}
    assert same_sense("share") == {"common"}
    # The preparatory events' themes are the text's "Preparations ... on the topics".
    assert same_sense(tokenize("themes")[0]) == set(tokenize("topics"))
    assert same_sense(tokenize("preparatory")[0]) == set(tokenize("preparations"))
    assert same_sense(tokenize("suggested")[0]) == set(tokenize("proposed"))
    # A technology gap narrowed is the text's digital divide reduced.
    assert same_sense(tokenize("gap")[0]) == set(tokenize("divide"))
    assert same_sense(tokenize("narrow")[0]) == set(tokenize("reduce"))


def test_phrases_of_one_term() -> None:
    assert phrase_terms("Was it Kazakhstan that put forward the idea?") == {"propos"}
    assert phrase_terms("Who came up with the plan?") == {"propos"}
    # "forward" alone, or "put" with something else, proposes nothing.
    assert phrase_terms("Who put the plan on hold and moved forward?") == set()
    # A word that is a term of the text in one sense: leaders are heads of state.
    assert phrase_terms("Is Qatar sending its leader to the meeting?") == {"head"}
    assert phrase_terms("Which leaders came up with the plan?") == {"head", "propos"}
    assert phrase_terms("Who leads the bloc?") == set()
    # Asked whether a body binds its members, a text calling it advisory answers.
    assert phrase_terms("Can the Energy Club actually impose decisions?") == {"advisori"}
    assert phrase_terms("Does the club have real decision-making teeth?") == {"advisori"}
    assert phrase_terms("Are its rulings binding or enforced?") == {"advisori"}
    assert phrase_terms("Which impostors did the club expose?") == set()
    assert phrase_terms("Isn't the Energy Club basically a talking shop with no real "
                        "power?") == {"advisori"}
    assert phrase_terms("Is the club toothless?") == {"advisori"}
    assert phrase_spans("Being at odds, they met.") == [(6, 13, "conflict")]
    # A phrase "advisory" answers is not said by it.
    assert phrase_spans("Are its rules binding?") == []
    # Power as countries, or as energy, is no binding.
    assert phrase_terms("Which middle powers does the SCO give a voice?") == set()
    assert phrase_terms("Does the club discuss nuclear power?") == set()


def test_related_terms_are_derivations_and_words_of_one_sense() -> None:
    vocabulary = Vocabulary(["terror", "terrorist", "found", "summit"])
    assert vocabulary.related("terror") == {"terrorist"}
    # Words of one sense count whether or not the corpus has them.
    assert vocabulary.related("creat") == {"found", "establish", "form", "start", "begin",
                                           "began", "begun"}
    # Common words questions use for the text's: "primary objectives", "main goals".
    assert vocabulary.related("object") == {"goal", "aim"}
    assert vocabulary.related("primari") == {"main", "princip"}
    assert vocabulary.related("danger") == {"threat"}
    assert vocabulary.related("summit") == frozenset()


@pytest.mark.parametrize(
    ("question", "terms"),
    [
        ("Where will the summit take place?", ["summit"]),
        ("When did the meeting take place?", ["meet"]),
        ("What took place in Almaty?", ["almati"]),
        # "place" on its own is a place.
        ("Which place hosts the summit?", ["place", "host", "summit"]),
        ("Who took the first place?", ["took", "first", "place"]),
        # "set up" is "established", whose sense "founded" shares.
        ("When was the SCO set up?", ["sco", "establish"]),
        ("Who sets up the agenda?", ["establish", "agenda"]),
        ("When did they set the date?", ["set", "date"]),
        # "currently" asks what holds, which a text rarely dates so; the
        # adjective "current" says which, and stays.
        ("How many members does the SCO currently have?", ["member", "sco"]),
        ("Which countries are at present applying?", ["countri", "appli"]),
        ("What are the current initiatives?", ["current", "initi"]),
        # Said of a place or a moment, not of now.
        ("Which tribe lived at present-day Paris?", ["tribe", "live", "present", "day", "pari"]),
        ("What happened at the moment of impact?", ["happen", "moment", "impact"]),
        # Words that only stress the question look for nothing.
        ("Where is this summit really taking place?", ["summit"]),
        ("What does CICA even stand for, actually?", ["cica", "stand"]),
        ("Was it supposedly exactly 80 events?", ["80", "event"]),
        # Not inside a word or a hyphened one.
        ("Which events were evenly spread?", ["event", "even", "spread"]),
    ],
)
def test_idioms_are_read_for_their_sense(question: str, terms: list[str]) -> None:
    assert tokenize(without_idioms(question)) == terms


def test_a_document_id_names_its_subject() -> None:
    assert id_terms("notes/rhine.md") == ["note", "rhine"]
    assert id_terms("Victoria_(Australia)#65") == ["victoria", "australia"]
    assert id_terms("2024-report.TXT") == ["report"]


def test_decomposed_and_composed_accents_are_one_term() -> None:
    assert tokenize("Cafe\u0301 Central") == tokenize("Caf\u00e9 Central")


@pytest.mark.parametrize(
    ("question", "yes_no"),
    [
        ("Is the US a member?", True),
        ("  did the SCO meet?", True),
        # A verb's "n't", "cannot" and the modals open one too.
        ("Didn't the SCO start with six members?", True),
        ("Isn’t the US a member?", True),
        ("Won't Kazakhstan chair the SCO?", True),
        ("Cannot the members agree?", True),
        ("Must members pay dues?", True),
        ("Shall we meet?", True),
        # A question word, or a verb only starting a longer word, opens none.
        ("Who is the chair?", False),
        ("Island nations joined when?", False),
        ("Mustang sales rose when?", False),
        # "May" before a day is the month.
        ("May 16 marked what meeting?", False),
        ("May I ask when it was?", True),
    ],
)
def test_a_yes_no_question_is_told_by_its_opening_verb(question: str, yes_no: bool) -> None:
    assert bool(YES_NO_OPENING.match(question)) is yes_no


def test_kept_terms_cannot_be_changed_by_a_caller() -> None:
    # Terms of short texts are kept; each call hands out its own copy.
    terms = tokenize("The summit in Astana")
    terms.append("changed")
    assert tokenize("The summit in Astana") == ["summit", "astana"]
    # A long text's terms are worked out afresh, and are the same as a short one's.
    long_text = "The summit in Astana. " * 200
    assert tokenize(long_text) == ["summit", "astana"] * 200
