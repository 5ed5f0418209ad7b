"""Narrowing a quoted sentence to the span that answers the question."""

from __future__ import annotations

import pytest

from rag.questions import AnswerType
from rag.schema import Document
from rag.spans import candidates, narrow, proper_noun_words

FOUNDED = ("Founded in 2001, the organization has grown from six members to a robust platform "
           "of nine member states, three observer states and 14 dialogue partners.")
TOKAYEV = ("President of Kazakhstan K. Tokayev, at a meeting with the security secretaries of the "
           "SCO states, noted that last year 183 regional and local conflicts were registered, "
           "which is 30 percent more than before.")
EVENTS = ("Preparations for the summit were extensive: Kazakhstan, as chairman, held more than 80 "
          "events on the topics of economic development, environmental issues, and cultural "
          "exchanges.")
CHAIRS = ("For example, Kazakhstan, which chairs the SCO in 2023-2024, is paying special attention "
          "to improving transport corridors.")
TARIFFS = ("So, just recently it became known that the EU will introduce additional tariffs of "
           "38.1% on electric vehicles supplied from China starting next month, which will lead "
           "to an increase in the cost of selling cars in Europe for companies such as Chinese "
           "BYD Co. and Tesla Inc.")
NURTLEU = ("As Kazakh Foreign Minister Murat Nurtleu noted: “The upcoming negotiations and "
           "decisions are intended to open a new milestone in the history of the organization.”")


def test_sentences_are_verbatim_from_the_article(article: Document) -> None:
    for sentence in (FOUNDED, TOKAYEV, EVENTS, TARIFFS):
        assert sentence in article.text


def test_reason_candidates_are_stated_reasons() -> None:
    question = "Why is using national currencies helpful?"
    assert candidates("This helps strengthen economic ties.", AnswerType.REASON, question)
    assert candidates("It is aimed at coordinating efforts.", AnswerType.REASON, question)
    assert not candidates("Energy security is a priority for Kazakhstan.", AnswerType.REASON,
                          question)
    assert candidates("Considering its importance, hopes are high.", AnswerType.REASON, question)
    assert not candidates("The council is considering new members.", AnswerType.REASON,
                          question)
    # A cause that forces or prompts something states why it happens.
    assert candidates("Blocking the Red Sea forces companies to look for other routes.",
                      AnswerType.REASON, question)
    assert candidates("The crisis prompted new rules.", AnswerType.REASON, question)
    assert candidates("The storm caused delays.", AnswerType.REASON, question)
    assert candidates("Sanctions resulted in new routes.", AnswerType.REASON, question)
    # Not the nouns or the adjective.
    for sentence in ("Russian forces entered the city.", "The rule entered into force.",
                     "The cause is unknown.", "A prompt reply came.",
                     "Exam results in June were poor."):
        assert not candidates(sentence, AnswerType.REASON, question), sentence
    # A reason is a clause, never cut out of its sentence.
    assert narrow("This helps strengthen economic ties.", question) is None


@pytest.mark.parametrize(
    ("sentence", "question", "expected"),
    [
        ("Its main goals focus on strengthening security cooperation, combating extremism "
         "and promoting cultural exchange.", "What are the SCO's main goals?",
         "focus on strengthening security cooperation, combating extremism and promoting "
         "cultural exchange"),
        ("Kazakhstan’s goal is to find directions for the development of the SCO.",
         "What is Kazakhstan's goal for the SCO?",
         "find directions for the development of the SCO"),
    ],
)
def test_restated_opening_is_dropped(sentence: str, question: str, expected: str) -> None:
    assert narrow(sentence, question) == expected
    assert expected in sentence


@pytest.mark.parametrize(
    ("sentence", "question"),
    [
        # Only one of the question's words opens the sentence: not a restatement.
        ("Energy security is a priority for Kazakhstan.", "What is a priority for Almaty?"),
        # The opening restates the question but too little is left to be an answer.
        ("Kazakhstan’s goal is clear.", "What is Kazakhstan's goal?"),
    ],
)
def test_sentence_stands_when_nothing_is_restated(sentence: str, question: str) -> None:
    assert narrow(sentence, question) is None


TWO_DATES = ("The organization was founded in Shanghai in 2001 by six states, and its next "
             "summit will take place in Astana in 2024.")


@pytest.mark.parametrize(
    ("sentence", "question", "expected"),
    [
        (FOUNDED, "When was the SCO founded?", "2001"),
        (FOUNDED, "In which year was the organization founded?", "2001"),
        (EVENTS, "How many events did Kazakhstan hold as chairman?", "more than 80"),
        (TOKAYEV, "Who is the President of Kazakhstan?", "K. Tokayev"),
        (CHAIRS, "Which years does Kazakhstan chair the SCO?", "2023-2024"),
        (NURTLEU, "Who is Kazakhstan's foreign minister?", "Murat Nurtleu"),
        # A rate or an amount asked for by name.
        (TARIFFS, "What tariff will the EU put on Chinese electric vehicles?", "38.1%"),
        (TARIFFS, "What extra import duty is Europe putting on Chinese EVs?", "38.1%"),
        ("The fund’s budget is $5 million.", "What is the fund's budget?", "$5 million"),
        # Several candidates: the one next to the question's own words.
        # A scale word belongs to its number.
        ("It is home to 60% of Australia’s 3 million dairy cattle.",
         "How many dairy cattle does Australia have?", "3 million"),
        ("The city has over 12 million inhabitants.", "How many inhabitants does it have?",
         "over 12 million"),
        # Numbers in words: compounds, teens and tens, and a run of scale words.
        ("The city has two hundred thousand residents.",
         "How many residents does the city have?", "two hundred thousand"),
        ("Sixty-six nations signed the charter.", "How many nations signed?", "Sixty-six"),
        ("The museum holds one hundred and twenty paintings.",
         "How many paintings does the museum hold?", "one hundred and twenty"),
        ("Two thousand three hundred fifty-one votes were cast.", "How many votes were cast?",
         "Two thousand three hundred fifty-one"),
        ("Turnout fell to forty percent this year.", "What percentage of voters turned out?",
         "forty percent"),
        ("Some fifteen thousand people marched.", "How many people marched?",
         "Some fifteen thousand"),
        # A count of what the question counts: states are countries and members.
        ("It has nine member states and three observers.",
         "How many countries are full members?", "nine"),
        ("Setanta won two of the six packages.",
         "How many of the six packages did Setanta win?", "two"),
        # An age after "aged".
        ("She died in 1934, aged 66, at a sanatorium.", "How old was she when she died?",
         "66"),
        # A sum of money is no count.
        ("The plant will cost €120 million and employ about 450 people.",
         "How many people will the plant employ?", "about 450"),
        # ... within its clause: "died" belongs to 1934, not to the 1867 before "and".
        ("She was born in Warsaw in 1867 and died in Passy in 1934.", "When did she die?",
         "1934"),
        ("She was born in Warsaw in 1867 and died in Passy in 1934.",
         "When was she born?", "1867"),
        # How many times, after what it counts.
        ("She was the first person to win a Nobel Prize twice, and in two fields.",
         "How many Nobel Prizes did she win?", "twice"),
        # "twice" of the verb before it counts meetings, not members.
        ("The SCO members met twice in 2023, and it has nine members.",
         "How many members does the SCO have?", "nine"),
        # A measure with a hyphenated unit, or in centuries.
        ("The Danube is a 2,850-kilometre river.", "How long is the Danube?", "2,850-kilometre"),
        ("The war lasted three centuries.", "How long did the war last?", "three centuries"),
        # Both years near a question word: the one right beside it.
        ("In 1895 she married the French physicist Pierre Curie, and she shared the 1903 "
         "Nobel Prize in Physics with him.", "When did she marry Pierre Curie?", "1895"),
        # A time of day answers "when".
        ("Firmware updates install automatically every night at 3 am.",
         "When do firmware updates install?", "every night at 3 am"),
        # The rest of a title goes with the question's words, or on its own.
        ("Chief Executive Officer Jane Porter said so.", "Who is the chief executive?",
         "Jane Porter"),
        ("Chief Executive Officer Jane Porter said so.", "Who said so?", "Jane Porter"),
        # Neighbours in a list: the words the number heads decide.
        ("It has nine member states, three observer states and 14 dialogue partners.",
         "How many observer states does it have?", "three"),
        ("The fleet had forty ships and a sixth of its crews.",
         "How many ships did the fleet have?", "forty"),
        # A month with its year is one date, not "May 20" of "May 2013".
        ("Holden announced the closure in May 2013.", "When did Holden announce it?",
         "May 2013"),
        ("The service ended on 27 September 2001.", "When did the service end?",
         "27 September 2001"),
        # Asked for the year, the year alone.
        ("The service ended on 27 September 2001.", "In what year did the service end?",
         "2001"),
        (TWO_DATES, "When will the next summit take place?", "2024"),
        (TWO_DATES, "When was the organization founded?", "2001"),
    ],
)
def test_narrow(sentence: str, question: str, expected: str) -> None:
    got = narrow(sentence, question)
    assert got == expected
    assert got in sentence


@pytest.mark.parametrize(
    ("sentence", "question"),
    [
        # Several numbers and nothing to choose between them.
        (FOUNDED, "How many are there?"),
        # Not a typed question: the whole sentence is the answer.
        (FOUNDED, "What is the SCO?"),
        (TOKAYEV, "Why do conflicts matter?"),
        # No candidate of the asked type.
        ("The summit will review key documents.", "When will the summit be held?"),
        ("The summit will review key documents.", "Who will attend the summit?"),
        # The only date is already in the question.
        (FOUNDED, "What happened in 2001?"),
        ("In 2001 and in 2017 the organization grew.", "When did the organization grow?"),
        # Asked yes or no, the sentence answers whole.
        ("The UN Secretary General and heads of organizations are invited to the Summit.",
         "Is the UN Secretary General invited?"),
        # So asked with "n't" or a modal: no cut restating the question's words.
        ("The UN Secretary General and heads of organizations are invited to the Summit.",
         "Isn't the UN Secretary General invited to the Summit?"),
        ("The UN Secretary General and heads of organizations are invited to the Summit.",
         "Must the UN Secretary General be invited?"),
        # Part of a body's name ("... SCO structures") is no one's name: the sentence
        # names people by office and answers whole.
        ("The event will be attended by heads of state, the SCO Secretary General and the "
         "Executive Director of the Regional Anti-Terrorism SCO structures.",
         "Who will attend the summit?"),
        # "twice" of a comparison counts nothing asked about.
        ("Prices rose twice as fast as wages.", "How many times did prices rise?"),
        # A measure needs its unit: a year is no depth.
        ("Since 1992 the canal has linked the river to the sea.", "How deep is the river?"),
        # Two rates, or none: the sentence stands.
        ("Tariffs of 10% and 25% apply.", "What tariffs apply?"),
        ("The EU will raise tariffs.", "What tariffs will the EU raise?"),
    ],
)
def test_narrow_returns_none_when_ambiguous_or_absent(sentence: str, question: str) -> None:
    assert narrow(sentence, question) is None


def test_candidates_skip_what_the_question_already_says() -> None:
    spans = candidates(FOUNDED, AnswerType.DATE, "When was the SCO founded in 2001?")
    assert spans == []
    assert [FOUNDED[s:e] for s, e in candidates(FOUNDED, AnswerType.DATE, "When?")] == ["2001"]
    assert candidates(FOUNDED, AnswerType.OTHER, "What?") == []


def test_what_year_wants_a_year_written_out() -> None:
    sentence = ("So, February 1 of this year, under the chairmanship of Kazakhstan, in May, "
                "the forum met; it first met on 3 June 1227.")
    spans = candidates(sentence, AnswerType.DATE, "What year did the forum begin?")
    assert [sentence[s:e] for s, e in spans] == ["3 June 1227"]
    assert candidates("So, February 1 of this year, it began.", AnswerType.DATE,
                      "In which year did it begin?") == []
    # Asked "when", a day with no year is an answer.
    assert len(candidates(sentence, AnswerType.DATE, "When did the forum begin?")) == 3


def test_which_month_wants_a_month_named() -> None:
    sentence = "The tariffs take effect starting next month; the forum met on February 1."
    spans = candidates(sentence, AnswerType.DATE, "In which calendar month do the tariffs "
                       "take effect?")
    assert [sentence[s:e] for s, e in spans] == ["February 1"]
    assert candidates("The tariffs take effect starting next month.", AnswerType.DATE,
                      "What month do the tariffs take effect?") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Britain claimed the continent in 1788, and the colony followed.", ["1788"]),
        ("The fort stood from 1642 until 1701.", ["1642", "1701"]),
        ("In 1788, the first fleet arrived.", ["1788"]),
        ("By 1750 the town had grown.", ["1750"]),
        ("It was settled in 1642 by Dutch traders.", ["1642"]),
        ("The fort was built in 1642 near the river.", ["1642"]),
        ("The revolt broke out in 1618 during a war.", ["1618"]),
        # A bare number before 1800 is as often a count or a share ...
        ("The army had 1500 soldiers and lost 1200 horses.", []),
        ("Output grew by 1200% in a decade.", []),
        ("The town had a population of 1500.5 people.", []),
        # ... and so is one counting what follows it, even after a preposition.
        ("It was an army of 1500 men.", []),
        ("The bill passed by 1200 votes.", []),
        ("The peak reaches a height of 1500 m.", []),
    ],
)
def test_years_before_1800_count_only_after_a_preposition(sentence: str,
                                                          expected: list[str]) -> None:
    assert [sentence[s:e] for s, e in candidates(sentence, AnswerType.DATE, "When?")] == expected


@pytest.mark.parametrize(
    ("sentence", "question", "expected"),
    [
        ("Victoria is a state in the south-east of Australia.",
         "Where in Australia is Victoria located?", "south-east"),
        ("The Victorian Alps in the northeast are the coldest part of the state.",
         "Where is the coldest part of the state?", "northeast"),
        ("Most farms lie in the northern part of the state.", "Where do most farms lie?",
         "northern part"),
        # A direction that begins a name is the name, found as one.
        ("The rig stands in the North Sea near the coast.", "Where does the rig stand?",
         "North Sea"),
        ("The vineyard lies in the Western Cape of the country.",
         "Where does the vineyard lie?", "Western Cape"),
        ("Most of the rain falls in the North, far from the coast.",
         "Where does most of the rain fall?", "North"),
    ],
)
def test_a_direction_after_a_locative_answers_where(sentence: str, question: str,
                                                     expected: str) -> None:
    assert narrow(sentence, question) == expected


@pytest.mark.parametrize(
    ("sentence", "question", "expected"),
    [
        ("The spare key is kept in the blue box on the top shelf of the garage.",
         "Where is the spare key kept?", ["the blue box", "the top shelf of the garage"]),
        ("The password is written on the back of the router in the hallway.",
         "Where is the password written?", ["the back of the router", "the hallway"]),
        ("The key lies under a loose brick.", "Where is the key?", ["a loose brick"]),
        # Times and manners are no places.
        ("He works in the morning and at the end of the day.", "Where does he work?", []),
        ("In the summers the ranges are wide.", "Where are the ranges wide?", []),
        # Nor are banners and authorities.
        ("The summit will be held under the motto of peace.", "Where is the summit?", []),
        ("It met at the invitation of the president.", "Where did it meet?", []),
        ("It held 80 events on the topics of trade.", "Where were events held?", []),
        # Nor is the region the text named before, or the world.
        ("It will ensure stability in the region.", "Where will the next summit be?", []),
        ("It is the largest bloc in the world.", "Where is the bloc?", []),
        ("The fund invests in the developing world.", "Where does the fund invest?",
         ["the developing world"]),
        # A name, where there is one, is the answer; the phrases are a last resort.
        ("The summit will be held in Astana, the capital.", "Where is the summit held?",
         ["Astana"]),
        # The phrase ends where the place does.
        ("He left it in the car because it was raining.", "Where did he leave it?",
         ["the car"]),
        ("It is in the corner of the living room.", "Where is it?",
         ["the corner of the living room"]),
        ("The cat sleeps on the sofa most days.", "Where does the cat sleep?", ["the sofa"]),
        ("In the garden, the tools rust.", "Where do the tools rust?", ["the garden"]),
        # "the east" of "the east Asian region" is no place; "the north-" is no word.
        ("It grew in the east Asian region.", "Where did it grow?", []),
        ("They met in the post-COVID office.", "Where did they meet?", []),
        # Asked about the phrase, it is no answer.
        ("The key is in the blue box.", "Where in the blue box is the key?", []),
    ],
)
def test_a_place_in_common_nouns_answers_where(sentence: str, question: str,
                                                expected: list[str]) -> None:
    found = candidates(sentence, AnswerType.ENTITY, question)
    assert [sentence[s:e] for s, e in found] == expected


def test_a_direction_is_no_city_nor_what_the_question_says() -> None:
    sentence = "Rain falls mostly in the north, far from the capital."
    assert candidates(sentence, AnswerType.ENTITY, "Where does rain fall in the north?") == []
    assert candidates(sentence, AnswerType.ENTITY, "Which city gets the most rain?") == []
    assert candidates(sentence, AnswerType.ENTITY, "What does rain do?") == []
    # An adjective alone is no place: "the western market" is a market.
    market = "The firm expanded in the western market last year."
    found = candidates(market, AnswerType.ENTITY, "Where did the firm expand?")
    assert [market[s:e] for s, e in found] == ["the western market"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("It flows into the Caspian Sea.\nKazan lies on its banks.", ["Caspian Sea", "Kazan"]),
        ("It flows into the Caspian Sea. Kazan lies on its banks.", ["Caspian Sea", "Kazan"]),
        ("The head of state K. Tokayev spoke.", ["K. Tokayev"]),
        ("It met BYD Co. Ltd and Mr. Smith last week.", ["BYD Co. Ltd", "Mr. Smith"]),
        ("Then Mrs. Thatcher and Prof. Ada Lovelace spoke.",
         ["Mrs. Thatcher", "Prof. Ada Lovelace"]),
    ],
)
def test_a_name_never_runs_across_a_line_or_a_sentence_end(sentence: str,
                                                            expected: list[str]) -> None:
    found = candidates(sentence, AnswerType.ENTITY, "Which one?", proper_nouns=None)
    assert [sentence[s:e] for s, e in found] == expected


@pytest.mark.parametrize(
    ("sentence", "question", "expected"),
    [
        ("It is about 1,230 kilometres long.", "How long is the Rhine?",
         "about 1,230 kilometres"),
        ("He was 76 years old when he died.", "How old was he?", "76 years"),
        ("The route is 4,500 km long.", "How long is the route?", "4,500 km"),
        # Height, depth and temperature are measures too, and a unit after the
        # figure is enough to tie it to the question.
        ("The Lorelei rock rises 132 metres above the water.", "How high is the Lorelei?",
         "132 metres"),
        ("Mount Bogong, at 1,986 m, is the peak of the state.", "How tall is Mount Bogong?",
         "1,986 m"),
        ("The lake reaches 1,642 metres at its deepest point.", "How deep is the lake?",
         "1,642 metres"),
        ("Nights there fall to 5 °C in winter.", "How cold does it get at night?", "5 °C"),
        # The measure word itself anchors no number.
        ("Tensions between the two states ran high.", "How high are tensions?", None),
        # A count keeps to the number: the question names what is counted.
        ("The bloc has 14 dialogue partners.", "How many dialogue partners does it have?",
         "14"),
    ],
)
def test_a_measure_keeps_its_unit(sentence: str, question: str, expected: str | None) -> None:
    assert narrow(sentence, question) == expected


@pytest.mark.parametrize(
    ("sentence", "question", "expected"),
    [
        ("The Rhine flows past Basel, Strasbourg, Cologne and Düsseldorf on its way north.",
         "Which cities lie on the Rhine?", "Basel, Strasbourg, Cologne and Düsseldorf"),
        ("Heads of state of Kazakhstan, India, Iran, China and Russia will attend.",
         "Which countries will attend?", "Kazakhstan, India, Iran, China and Russia"),
        ("Kazakhstan and China signed it in Astana.", "Which countries signed it?",
         "Kazakhstan and China"),
        # One country asked for: never the list.
        ("Kazakhstan and China signed it in Astana.", "Which country signed it?", None),
        # Names not written as one list are no list.
        ("India met Iran in May; later China hosted them.", "Which countries met?", None),
        # An article may open an item.
        ("It works with other organizations such as BRICS and the EAEU.",
         "Which organizations does it work with?", "BRICS and the EAEU"),
    ],
)
def test_a_plural_question_gets_the_whole_list(sentence: str, question: str,
                                               expected: str | None) -> None:
    assert narrow(sentence, question) == expected


def test_percentage_is_a_number_candidate() -> None:
    sentence = "The EU will introduce additional tariffs of 38.1% on electric vehicles."
    assert narrow(sentence, "How much are the additional tariffs?") == "38.1%"


def test_percent_question_prefers_the_percentage() -> None:
    assert narrow(TOKAYEV, "What percent more conflicts were registered last year?") == (
        "30 percent")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("BSkyB agreed to pay £304m for the rights, up from 1,000 matches.", "£304m"),
        ("The fund will receive $ 5 billion from 12 members.", "$ 5 billion"),
        ("It paid €40 in 2020.", "€40"),
    ],
)
def test_how_much_takes_the_sum_of_money(sentence: str, expected: str) -> None:
    question = "How much was paid for it?"
    assert narrow(sentence, question) == expected
    # Without the currency sign the bare number counts nothing the question names.
    assert not candidates(sentence.replace(expected, "304"), AnswerType.NUMBER, question)


@pytest.mark.parametrize(
    ("sentence", "question", "expected"),
    [
        ("Catholics form the largest group with 26.7% of the Victorian population.",
         "How many Victorians are Catholic?", "26.7%"),
        ("Around 20% of Victorians claim no religion.", "How many Victorians are non-religious?",
         "Around 20%"),
        # A share of something else counts nothing asked.
        ("Around 20% of the budget went to 30 schools.", "How many schools got money?", "30"),
        ("Around 20% of the budget went to schools.", "How many schools got money?", None),
    ],
)
def test_a_share_of_what_is_counted_answers_how_many(sentence: str, question: str,
                                                     expected: str | None) -> None:
    assert narrow(sentence, question) == expected


def test_count_question_prefers_the_count() -> None:
    assert narrow(TOKAYEV, "How many regional and local conflicts were registered last year?") == (
        "183")


ALMATY = ("During the presidency of the SCO, the city of Almaty was declared the cultural and "
          "tourist capital of the organization.")
HEADING = "Prospects for further development of the SCO"


def test_entity_candidates_are_names_the_question_does_not_give() -> None:
    question = "Which city was declared the cultural and tourist capital of the SCO?"
    assert narrow(ALMATY, question) == "Almaty"
    assert narrow(CHAIRS, "Which nation chairs the SCO in 2023-2024?") == "Kazakhstan"
    # The question's own names, titles and months are no answer.
    assert candidates(CHAIRS, AnswerType.ENTITY, "Which country chaired the SCO before "
                      "Kazakhstan?") == []
    assert candidates("On May 16, the President spoke.", AnswerType.ENTITY,
                      "Where did he speak?", frozenset({"may", "president"})) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The forum was held in Almaty, with Kazakhstan as chair.", "Almaty"),
        ("Delegates met at the Palace of Independence.", "Palace of Independence"),
        ("The summit takes place in the capital of Kazakhstan.", "Kazakhstan"),
        # Names that say where nothing is: no place to answer with.
        ("the heads of state of Kazakhstan will attend.", None),
        ("Kazakhstan chairs the SCO.", None),
    ],
)
def test_where_is_answered_by_a_place_after_a_locative(sentence: str,
                                                        expected: str | None) -> None:
    question = "Where will the leaders meet?"
    found = [sentence[s:e] for s, e in candidates(sentence, AnswerType.ENTITY, question)]
    assert found == ([expected] if expected else [])
    # Other entity questions take the names wherever they stand.
    others = [sentence[s:e] for s, e in candidates(sentence, AnswerType.ENTITY,
                                                   "Which regions are involved?")]
    assert others and set(found) <= set(others)


def test_a_capitalised_first_word_needs_the_corpus_to_capitalise_it_too() -> None:
    names = proper_noun_words([ALMATY, CHAIRS, HEADING, "It links China and Kazakhstan."])
    assert {"sco", "almaty", "kazakhstan", "china"} <= names
    assert "prospects" not in names and "during" not in names and "for" not in names
    # Capitals in a row: each is one ("Southeast Asia" gives "asia").
    assert {"south", "southeast", "asia"} <= proper_noun_words(["From South and Southeast Asia."])
    question = "Which institution hosts the SCO's headquarters?"
    assert candidates(HEADING, AnswerType.ENTITY, question, names) == []
    # Without the corpus's word list, a first word is taken at face value.
    assert [HEADING[s:e] for s, e in candidates(HEADING, AnswerType.ENTITY, question)] == [
        "Prospects"]
    # A name that opens the sentence still counts when the corpus knows it.
    assert narrow("Kazakhstan chairs the SCO.", "Which country chairs the SCO?", names) == (
        "Kazakhstan")
    # An emoji or another symbol before the first word opens no sentence of its own.
    for opening in ("😀 ", "👍🏽 ", "❤️ ", "👨‍👩‍👧 ", "→ ", "• ", "* ", "1️⃣ "):
        assert candidates(opening + HEADING, AnswerType.ENTITY, question, names) == [], opening
    assert narrow("🇰🇿 Kazakhstan chairs the SCO.", "Which country chairs the SCO?", names) == (
        "Kazakhstan")


def test_a_regnal_number_makes_no_place_a_body() -> None:
    # "Which company ...?": a name after "at" is where, unless an acronym or a
    # body's word says it is a body; "III" is Charles's number, no acronym.
    sentence = "The deal was signed at Charles III Hall by Acme Corp."
    assert narrow(sentence, "Which company signed the deal?") == "Acme Corp"
    assert narrow("The deal was signed at the SCO.", "Which company signed the deal?") == "SCO"


def test_country_questions_take_only_country_names() -> None:
    corridors = ("Kazakhstan is improving the Western Europe-Western China International "
                 "Transit Corridor and the Trans-Caspian International Transport Route.")
    # An entity question takes the corridors; a country question has no candidate.
    assert candidates(corridors, AnswerType.ENTITY, "Which routes does Kazakhstan improve?")
    assert candidates(corridors, AnswerType.COUNTRY, "Which country chaired the SCO before "
                      "Kazakhstan?") == []
    attend = ("The event will be attended by heads of state of Kazakhstan, India, Iran and "
              "the UAE, and by the UN Secretary General.")
    spans = candidates(attend, AnswerType.COUNTRY, "Which countries will attend the event?")
    assert [attend[s:e] for s, e in spans] == ["Kazakhstan", "India", "Iran", "UAE"]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Who is the President of Kazakhstan?", ["K. Tokayev"]),
        # Without an owner in the question, the office's owner is no part of the name.
        ("Who is the president?", ["K. Tokayev"]),
        # He holds the office of somewhere else, however it is typed; nor is a
        # country a person.
        ("Who is the president of China?", []),
        ("who is the president of china?", []),
    ],
)
def test_an_office_holder_holds_the_office_asked_about(question: str,
                                                        expected: list[str]) -> None:
    sentence = TOKAYEV + " The United States has imposed tariffs."
    found = candidates(sentence, AnswerType.NAME, question)
    assert [sentence[s:e] for s, e in found] == expected


@pytest.mark.parametrize(
    ("sentence", "question", "expected"),
    [
        # A country of two words is no part of the name either.
        ("President of South Africa Cyril Ramaphosa spoke.", "Who is the president?",
         ["Cyril Ramaphosa"]),
        # Asked whom an office holder met, the other office's holder is the answer.
        ("He met President of China Xi Jinping.", "Who did the President of Kazakhstan meet?",
         ["Xi Jinping"]),
        # Initials and regnal numbers are no acronyms of a body.
        ("Vice President JD Vance spoke.", "Who is the vice president?", ["JD Vance"]),
        ("King Charles III spoke.", "Who is the king?", ["Charles III"]),
    ],
)
def test_office_holders_keep_their_names(sentence: str, question: str,
                                         expected: list[str]) -> None:
    found = candidates(sentence, AnswerType.NAME, question)
    assert [sentence[s:e] for s, e in found] == expected


@pytest.mark.parametrize(
    ("sentence", "question"),
    [
        ("The Program for 2025–2027, the Anti-Drug Strategy for 2024–2029 and the Action "
         "Program are expected.", "How much money is set aside for the program?"),
        ("The program runs until 2027.", "How many programs are there?"),
        ("The 2019-2021 program funded projects.", "How many projects did the program fund?"),
    ],
)
def test_a_year_is_no_amount(sentence: str, question: str) -> None:
    assert candidates(sentence, AnswerType.NUMBER, question) == []


@pytest.mark.parametrize(
    ("sentence", "question"),
    [
        ("Since 2001 members have met every year.", "How many members are there?"),
        ("By 2030 the SCO will have members.", "How many members will the SCO have?"),
    ],
)
def test_a_year_after_since_or_by_is_no_count(sentence: str, question: str) -> None:
    assert candidates(sentence, AnswerType.NUMBER, question) == []


@pytest.mark.parametrize(
    ("sentence", "question", "expected"),
    [
        ("There was a crowd of 2000 people.", "How many people attended the forum?", "2000"),
        ("Between 1500–2000 troops took part.", "How many troops took part?", "2000"),
    ],
)
def test_a_count_that_looks_like_a_year_still_counts(sentence: str, question: str,
                                                     expected: str) -> None:
    found = candidates(sentence, AnswerType.NUMBER, question)
    assert expected in [sentence[s:e] for s, e in found]


def test_a_count_of_something_else_is_no_answer() -> None:
    # The question's "conflicts" follows 183, but 183 counts conflicts, not people.
    assert candidates(TOKAYEV, AnswerType.NUMBER, "How many people died in the conflicts?") \
        == []
    spans = candidates(TOKAYEV, AnswerType.NUMBER, "How many conflicts were registered?")
    assert [TOKAYEV[s:e] for s, e in spans] == ["183"]
    # A number heading no noun is judged by the question's words near it.
    killed = "Twelve were killed and 40 injured."
    assert narrow(killed, "How many people were killed?") == "Twelve"
    # A decade counts nothing; a count's noun may hold "of".
    assert narrow("They tried three times in the 1850s to split.",
                  "How many times did they try to split?") == "three"
    assert narrow("It has 5 University of California campuses.",
                  "How many campuses does the University of California have?") == "5"
    # Counting countries, the question's other words still say which.
    assert narrow("The SCO has 10 members and 2 observers.",
                  "How many countries are observers?") == "2"


@pytest.mark.parametrize("question", ["Who is the SCO Secretary General?",
                                      "Who is the director of the anti-terrorism structure?",
                                      # A person's role, though no office.
                                      "Who is the current leader of China attending?",
                                      "Who will represent India at the summit?"])
def test_an_office_or_a_body_is_no_person(question: str) -> None:
    # The article names the office, never who holds it: no candidate, so a
    # "who" question over this sentence abstains instead of naming the body.
    attend = ("The event will be attended by the SCO Secretary General and the Executive "
              "Director of the Regional Anti-Terrorism SCO structures.")
    assert candidates(attend, AnswerType.NAME, question) == []
    # Asked who did something, a body may answer; asked for an office holder, not.
    hosted = "The talks were hosted by the Regional Anti-Terrorism SCO Council."
    assert candidates(hosted, AnswerType.NAME, "Who hosted the talks?")
    assert candidates(hosted, AnswerType.NAME, "Who is the council's director?") == []


def test_a_quotation_opening_is_no_name() -> None:
    sentence = ("The summit will be held under the motto “Strengthening multilateral dialogue” "
                "in Astana.")
    found = [sentence[s:e] for s, e in candidates(sentence, AnswerType.ENTITY,
                                                  "Which city hosts the summit?", frozenset())]
    assert found == ["Astana"]


def test_a_city_is_not_a_country() -> None:
    sentence = "Expectations from the summit are high in Kazakhstan and in Astana."
    question = "In which city is the summit?"
    assert narrow(sentence, question, frozenset({"kazakhstan", "astana"})) == "Astana"
    assert narrow("Expectations are high in Kazakhstan.", question, frozenset()) is None


def test_a_city_state_answers_which_city() -> None:
    sentence = "The Youth Olympic Games were held in Singapore."
    assert narrow(sentence, "Which city hosted the Youth Olympic Games?",
                  frozenset({"singapore"})) == "Singapore"


def test_a_comma_before_the_year_keeps_the_date_whole() -> None:
    assert narrow("The plant closed on 20 May, 2013.", "When did the plant close?") == (
        "20 May, 2013")


def test_a_restated_opening_is_never_cut_inside_a_date() -> None:
    sentence = ("So, February 1 of this year. At the site of the Digital Forum in Almaty, "
                "the first meeting of the commission was held.")
    assert narrow(sentence, "What happened on February 1?") == (
        "At the site of the Digital Forum in Almaty, the first meeting of the commission "
        "was held")


def test_one_word_the_corpus_capitalises_may_be_a_name() -> None:
    proper = frozenset({"nordfracht", "summit", "porter"})
    customer = "Its largest customer is the logistics group Nordfracht."
    assert narrow(customer, "Who is its largest customer?", proper) == "Nordfracht"
    # Not after an article, nor opening the sentence, nor unknown to the corpus.
    invited = "Heads of state are invited to the Summit."
    assert candidates(invited, AnswerType.NAME, "Who is invited?", proper) == []
    opening = "Porter said it was chosen for its schools."
    assert candidates(opening, AnswerType.NAME, "Who said so?", proper) == []
    assert candidates(customer, AnswerType.NAME, "Who is its largest customer?",
                      frozenset()) == []


@pytest.mark.parametrize(
    ("sentence", "question", "kind", "expected"),
    [
        # A title is no part of a person's name, and one word after it is a name.
        ("The bill was signed by President Obama.", "Who signed the bill?",
         AnswerType.NAME, ["Obama"]),
        ("Queen Elizabeth opened the bridge.", "Who opened the bridge?", AnswerType.NAME,
         ["Elizabeth"]),
        # Titles stay in places and bodies: "Prince Edward Island".
        ("It lies in Charlottetown in Prince Edward Island.", "Where is Charlottetown?",
         AnswerType.ENTITY, ["Prince Edward Island"]),
        # A stop word the corpus capitalises ("The Hague") names no one, nor does a
        # word opening a quotation; a colon may well introduce a name.
        ('He said, "The talks failed."', "Who said the talks failed?", AnswerType.NAME, []),
        ('He said, "Nordfracht failed."', "Who failed?", AnswerType.NAME, []),
        ("He named his successor: Tokayev.", "Who is his successor?", AnswerType.NAME,
         ["Tokayev"]),
        # Names joined by "and" are two; "Head" names no office.
        ("The prize went to Curie and Becquerel.", "Who got the prize?", AnswerType.NAME,
         ["Curie", "Becquerel"]),
        ("Funding came from Head Start grants.", "Who funded it?", AnswerType.NAME, []),
        # Times of day in any case; "I am" and "5 amps" are none.
        ("It runs at 7 PM daily.", "When does it run?", AnswerType.DATE, ["7 PM"]),
        ("I am sure it draws 5 amps.", "When does it run?", AnswerType.DATE, []),
        ("It ends at 12:60 pm or 13 pm.", "When does it end?", AnswerType.DATE, []),
    ],
)
def test_titles_stop_words_and_times(sentence: str, question: str, kind: AnswerType,
                                     expected: list[str]) -> None:
    proper = frozenset({"obama", "elizabeth", "the", "charlottetown", "prince", "edward",
                        "island", "nordfracht", "curie", "becquerel", "start", "tokayev"})
    found = candidates(sentence, kind, question, proper)
    assert [sentence[s:e] for s, e in found] == expected


def test_the_end_of_a_longer_name_is_no_name_of_its_own() -> None:
    sentence = "She shared the 1903 Nobel Prize in Physics with him."
    found = candidates(sentence, AnswerType.NAME, "Who shared it?",
                       frozenset({"nobel", "prize", "physics"}))
    assert "Physics" not in [sentence[s:e] for s, e in found]


def test_an_acronym_is_answered_by_the_words_that_spell_it_out(article: Document) -> None:
    first = article.text.split("\n")[0]
    assert narrow(first, "What does SCO stand for?") == "Shanghai Cooperation Organization"
    # The article names the CIS only by its acronym: nothing to spell it out.
    assert candidates(article.text, AnswerType.EXPANSION, "What does CIS stand for?") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A word of place before a common noun describes it; it is no body.
        ("It keeps stability in the Eurasian region.", []),
        ("Asian countries and Russian firms joined.", []),
        # After other words too: "Central Asian" is no city.
        ("He met the leaders of the Central Asian countries.", []),
        ("The Central Russian firms joined.", []),
        # Places themselves stay, whatever follows them.
        ("It keeps stability in Eurasia.", ["Eurasia"]),
        ("Since then Kazakhstan pays attention to culture.", ["Kazakhstan"]),
        ("Each year Milan hosts the fair.", ["Milan"]),
        ("In 2024 Beijing hosted the fair.", ["Beijing"]),
        ("Then Russian Railways joined.", ["Russian Railways"]),
    ],
)
def test_an_adjective_of_place_is_no_named_place(sentence: str, expected: list[str]) -> None:
    names = proper_noun_words(["They met in Eurasia and Asia."])
    found = candidates(sentence, AnswerType.ENTITY, "Which one is it?", names)
    assert [sentence[s:e] for s, e in found] == expected


def test_asked_which_region_an_adjective_of_place_answers() -> None:
    names = proper_noun_words(["They met in Eurasia and Asia."])
    sentence = "It keeps stability and development in the Eurasian region."
    for question in ("In which region does it keep stability?", "What area is it?"):
        found = candidates(sentence, AnswerType.ENTITY, question, names)
        assert [sentence[s:e] for s, e in found] == ["Eurasian"], question
    # A part one plays is no region.
    assert candidates(sentence, AnswerType.ENTITY, "What part does it play?", names) == []


@pytest.mark.parametrize(("question", "expected"), [
    # The one the question places the answer against is not the answer.
    ("Who was foreign minister before Nurtleu?", []),
    ("Who succeeded Murat Nurtleu?", []),
    ("Who was foreign minister after Nurtleu?", []),
    # Without such a word, he is.
    ("Who is the foreign minister?", ["Murat Nurtleu"]),
])
def test_a_name_the_question_places_the_answer_against_is_no_answer(
        question: str, expected: list[str]) -> None:
    sentence = "As Foreign Minister Murat Nurtleu noted, the talks went well."
    found = candidates(sentence, AnswerType.NAME, question)
    assert [sentence[s:e] for s, e in found] == expected


@pytest.mark.parametrize(("sentence", "question", "expected"), [
    # Opening the question, "Before" still places it.
    ("Kairat Abdrakhmanov was foreign minister before Murat Nurtleu.",
     "Before Nurtleu, who was foreign minister?", ["Kairat Abdrakhmanov"]),
    # Only the whole reference is excluded: Anna Berg is not Tom Berg.
    ("Anna Berg succeeded Tom Berg as chair in 2019.", "Who came after Tom Berg?",
     ["Anna Berg"]),
])
def test_only_the_reference_itself_is_excluded(sentence: str, question: str,
                                               expected: list[str]) -> None:
    found = candidates(sentence, AnswerType.NAME, question)
    assert [sentence[s:e] for s, e in found] == expected


def test_a_place_is_not_who_did_it() -> None:
    sentence = "The Danube Commission, founded in 1948 and headquartered in Budapest, meets."
    assert narrow(sentence, "Who founded the Danube Commission?") is None
    assert narrow("It was founded by Jane Porter in Lyon.", "Who founded it?") == "Jane Porter"
    # Someone's, after "at", is still someone.
    assert narrow("He came to Astana at Xi Jinping's invitation.",
                  "Who invited him?") == "Xi Jinping's"


@pytest.mark.parametrize(
    ("sentence", "question", "expected"),
    [
        ("Various events were held with the participation of famous cultural and scientific "
         "figures from SCO member countries.",
         "Who took part in the events?", "famous cultural and scientific figures"),
        ("The cabinet consists of representatives elected to either house.",
         "Who can be in the cabinet?", "representatives"),
        # One group, however it is listed.
        ("The meeting drew foreign experts and officials.", "Who came?",
         "foreign experts and officials"),
        # A name, where there is one, answers.
        ("Experts met Jane Porter.", "Who met the experts?", "Jane Porter"),
        ("Leading experts served on the panel.", "Who served on the panel?", "experts"),
        # Whom someone met, by what they are.
        ("On May 16, the President of Kazakhstan met with the secretaries of the security "
         "councils of the Central Asian countries.",
         "Who did the President of Kazakhstan meet on May 16?", "secretaries"),
        ("Later, on May 24, a meeting of the heads of security agencies took place.",
         "Who gathered for the meeting held on May 24?", "heads"),
    ],
)
def test_who_did_it_may_be_a_group_of_people(sentence: str, question: str,
                                             expected: str) -> None:
    assert narrow(sentence, question) == expected


@pytest.mark.parametrize(
    ("sentence", "question"),
    [
        # "Who is ...?" and "Name the ..." ask for a name.
        ("The participants were famous scientists.", "Who is the scientist?"),
        ("The event drew famous scientists.", "Can you name any of the scientists who came?"),
        # The question's own people answer nothing.
        ("Many scientists came.", "Who of the scientists came?"),
        # "Who served as ...?" asks who held an office, not who served.
        ("The event will be attended by heads of state and the SCO Secretary General.",
         "Who served as the SCO's first Secretary General?"),
    ],
)
def test_a_group_of_people_answers_only_who_did_something(sentence: str,
                                                          question: str) -> None:
    assert candidates(sentence, AnswerType.NAME, question) == []


@pytest.mark.parametrize(
    ("sentence", "question"),
    [
        # Who did other things is someone's name to give.
        ("The secretariat employs officials from all member states.",
         "Who chairs the secretariat?"),
        ("Local authorities are preparing the venue.", "Who will host the next summit?"),
        ("The leaders agreed to found it.", "Who founded the SCO?"),
    ],
)
def test_a_group_of_people_answers_only_who_took_part(sentence: str, question: str) -> None:
    assert candidates(sentence, AnswerType.NAME, question) == []


def test_countries_named_by_their_region_answer_which_countries() -> None:
    sentence = ("On May 16, the President met with the secretaries of the security councils of "
                "the Central Asian countries.")
    assert narrow(sentence, "Which countries' secretaries did he meet?") == (
        "Central Asian countries")
    # Only where no country is named alone, and not when the question names them.
    assert narrow("It met Kazakhstan and other Central Asian countries.",
                  "Which country did it meet?") == "Kazakhstan"
    assert candidates(sentence, AnswerType.COUNTRY, "Which Central Asian countries met?") == []
    assert candidates("It met the SCO countries.", AnswerType.COUNTRY, "Which countries?") == []
    assert candidates("The Republican states backed it.", AnswerType.COUNTRY,
                      "Which countries backed it?") == []
    # Countries told by what they do or are, where none is named.
    assert narrow("The policy brings together developing and fuel-consuming countries.",
                  "brings together which countries") == (
        "developing and fuel-consuming countries")
    assert candidates("The policy brings together developing countries.", AnswerType.COUNTRY,
                      "Which developing countries?") == []
    assert narrow("The following countries signed: Iran and Iraq.",
                  "Which countries signed?") == "Iran and Iraq"
    # Every region an adjective of place names (``countries.REGIONAL_ADJECTIVES``).
    sentence = "The Oceanian nations and the Latin American states backed it."
    assert [sentence[s:e] for s, e in candidates(sentence, AnswerType.COUNTRY,
                                                 "Which countries backed it?")] == [
        "Oceanian nations", "Latin American states"]


@pytest.mark.parametrize(
    ("sentence", "question"),
    [
        # What is left of a name less the question's words is no city.
        ("Tokayev met the secretaries of the Security Councils of the SCO states.",
         "In which city did Tokayev meet the security secretaries?"),
        # Nor is a person, nor a field of activity.
        ("President of Kazakhstan K. Tokayev spoke.", "In which city did Tokayev speak?"),
        ("Ministers signed a statement on cooperation in the energy sector.",
         "Where did the ministers sign the statement?"),
    ],
)
def test_no_place_is_read_into_names_people_or_fields(sentence: str, question: str) -> None:
    assert narrow(sentence, question) is None


def test_a_question_asking_for_a_person_takes_no_document_or_body() -> None:
    question = "Which leader will give the opening speech?"
    assert narrow("The summit will review the draft Astana Declaration.", question) is None
    assert narrow("The SCO will hear it.", question) is None
    assert narrow("The summit will hear Xi Jinping.", question) == "Xi Jinping"
    # "Who ...?" may be answered by a company.
    assert narrow("The rights went to Sky Group.", "Who got the rights?") == "Sky Group"


def test_a_body_before_its_possessive_stays_a_name() -> None:
    sentence = "BSkyB had been excluded, so it joined ITV Digital's free-to-air rival."
    assert narrow(sentence, "Who did BSkyB join?") == "ITV Digital's"


@pytest.mark.parametrize(
    ("sentence", "question"),
    [
        # A document or an acronym is no city.
        ("The summit will review the draft Astana Declaration.", "Which city hosts the summit?"),
        ("The SCO summit will review key documents.", "Which city hosts the summit?"),
    ],
)
def test_a_document_or_a_body_is_no_city(sentence: str, question: str) -> None:
    assert candidates(sentence, AnswerType.ENTITY, question) == []


def test_who_did_it_is_the_one_by_names() -> None:
    assert narrow("The report about Acme Robotics was written by Olivia Grant.",
                  "Who wrote the report?") == "Olivia Grant"
    assert narrow("The security audit was led by Yuki Suzuki from Tokyo.",
                  "Who led the security audit?") == "Yuki Suzuki"
    # In another clause, "by" names someone else.
    assert narrow("Olivia Grant wrote the report, which was later reviewed by Tom Baker.",
                  "Who wrote the report?") == "Olivia Grant"
    assert narrow("Olivia Grant spoke first, followed by Tom Baker.",
                  "Who spoke first?") == "Olivia Grant"


def test_who_is_invited_may_be_answered_by_an_office() -> None:
    sentence = ("The UN Secretary General and heads of such international organizations as "
                "the CIS are invited to the Summit.")
    assert narrow("The UN Secretary General is invited to the Summit.",
                  "Who is invited to the summit?") == "UN Secretary General"
    # Beside "heads of ..." the office is one of two answers: no short one.
    assert [sentence[s:e] for s, e in candidates(sentence, AnswerType.NAME,
                                                 "Who is invited to the summit?")] == [
        "UN Secretary General", "heads"]
    assert narrow(sentence, "Who is invited to the summit?") is None
    # Asked who holds an office, the office is no answer.
    assert narrow(sentence, "Who is the UN Secretary General?") is None


def test_asked_for_a_city_an_office_or_a_part_of_a_body_is_none() -> None:
    sentence = ("The event will be attended by heads of state of Kazakhstan and India, as "
                "well as the SCO Secretary General and the Executive Director of the "
                "Regional Anti-Terrorism SCO structures.")
    assert candidates(sentence, AnswerType.ENTITY, "In which city will the leaders meet?") == []
    # A venue is asked as a city is, and answered by its name.
    assert narrow("Super Bowl 50 was played at Levi's Stadium in Santa Clara.",
                  "Which stadium hosted Super Bowl 50?") == "Levi's Stadium"
    assert candidates(sentence, AnswerType.ENTITY, "In which venue will the leaders meet?") == []
    # A title word inside a place's name leaves it a place.
    assert narrow("The summit was held in Port-au-Prince last year.",
                  "Which city hosted the summit?") == "Port-au-Prince"


def test_asked_for_companies_a_place_or_country_is_none() -> None:
    sentence = ("The tariffs raise the cost of selling cars in Europe for companies such as "
                "Chinese BYD Co. and Tesla Inc.")
    question = "Which companies are affected by the EU tariffs?"
    found = [sentence[s:e] for s, e in candidates(sentence, AnswerType.ENTITY, question)]
    assert found == ["Chinese BYD Co", "Tesla Inc"]
    # The list goes on past the abbreviation's dot.
    assert narrow(sentence, question) == "Chinese BYD Co. and Tesla Inc"
    assert candidates("China and Russia lead the bloc.", AnswerType.ENTITY,
                      "Which organization leads the bloc?") == []


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        ("Hungary has been a member state in the European Union since 2004.",
         "European Union"),
        ("Turkey has been in NATO since 1952.", "NATO"),
        ("Kazakhstan plays a key role in the SCO.", "SCO"),
    ],
)
def test_a_body_after_in_is_still_a_body(sentence: str, body: str) -> None:
    found = candidates(sentence, AnswerType.ENTITY, "Which organization is it a member of?")
    assert [sentence[s:e] for s, e in found] == [body]


def test_a_city_named_beside_a_document_is_still_one() -> None:
    assert narrow("Leaders met in Astana to sign the Astana Declaration.",
                  "Which city did leaders meet in?") == "Astana"
    assert narrow("Leaders met in Astana to sign the Astana Declaration.",
                  "Which town did leaders meet in?") == "Astana"
    # A place whose name ends like a body's stays a place.
    assert narrow("The talks were held in the Soviet Union.",
                  "Where were the talks held?") == "Soviet Union"


def test_stop_words_alone_are_no_name_or_place() -> None:
    sentence = "He studied at ETH Zürich. 😀 The café opened in 1999 in São Paulo."
    question = "In which city did the café open?"
    found = [sentence[s:e] for s, e in candidates(sentence, AnswerType.ENTITY, question)]
    assert "The" not in found and "São Paulo" in found


def test_an_event_or_document_is_no_one_a_body_may_be() -> None:
    question = "Who prepared the key documents?"
    for sentence in ("The summit will review key documents, including the draft Astana "
                     "Declaration.",
                     "At the site of the SCO Digital Forum in Almaty, leaders met.",
                     "Goods travel along the Western Europe-Western China Corridor."):
        spans = candidates(sentence, AnswerType.NAME, question)
        assert not [sentence[s:e] for s, e in spans if "Declaration" in sentence[s:e]
                    or "Forum" in sentence[s:e] or "Corridor" in sentence[s:e]], sentence
    sentence = "The key documents were prepared by the Security Council of the SCO."
    assert [sentence[s:e] for s, e in candidates(sentence, AnswerType.NAME, question)] == [
        "Security Council"]


@pytest.mark.parametrize("question", ["Who chairs the SCO in 2023-2024?",
                                      "Who is the chair of the SCO?", "Who chaired it?"])
def test_a_country_doing_what_the_question_asks_is_who_does_it(question: str) -> None:
    sentence = ("For example, Kazakhstan, which chairs the SCO in 2023-2024, is paying special "
                "attention to improving transport corridors.")
    assert narrow(sentence, question) == "Kazakhstan"


def test_a_country_doing_something_else_or_asked_as_a_person_is_no_one() -> None:
    sentence = "Kazakhstan, which chairs the SCO, hosts the summit, and Russia sends a delegation."
    # Russia does not chair; a leader is a person, not a country.
    assert candidates(sentence, AnswerType.NAME, "Who chairs the SCO?") == [(0, 10)]
    assert candidates(sentence, AnswerType.NAME, "Which leader chairs the SCO?") == []
    assert candidates(sentence, AnswerType.NAME, "Who plays chess?") == []
    # The question's names say whom: "Russia" after "Kazakhstan" does nothing.
    listing = "The summit is attended by Kazakhstan, Russia, China and India."
    assert candidates(listing, AnswerType.NAME, "Who will represent Russia?") == []
    # Only the question's verb is what a country must do; a country it names is
    # no answer.
    attend = "Leaders of Russia, China and India will attend the summit."
    assert candidates(attend, AnswerType.NAME, "Who will host the summit?") == []
    whose = "Kazakhstan, whose president chairs the SCO, hosts the summit."
    assert candidates(whose, AnswerType.NAME, "Who is the president of Kazakhstan?") == []


def test_asked_which_official_an_office_held_answers() -> None:
    invited = ("The UN Secretary General and heads of such international organizations as "
               "the CIS and ECO are invited to the Summit.")
    question = "Which UN official has received an invitation to the summit?"
    # The office answers, less the question's own "UN", as any word it gives.
    assert [invited[s:e] for s, e in candidates(invited, AnswerType.NAME, question)] == [
        "Secretary General"]
    # Asked who else, an office alone names no one.
    assert not candidates("The Secretary General is invited.", AnswerType.NAME,
                          "Who is the UN chief's deputy?")


@pytest.mark.parametrize(("question", "short"), [
    ("Which officials will attend the summit?",
     "SCO Secretary General and the Executive Director"),
    # The question's "SCO" is left out, as any word it gives.
    ("which SCO officials are going to be at the summit?",
     "Secretary General and the Executive Director"),
    # An official of a body or country the offices are not of: none.
    ("Which Iranian official will attend the summit?", None),
])
def test_officials_are_offices_of_whom_the_question_names(question: str,
                                                         short: str | None) -> None:
    attended = ("The event will be attended by heads of state of Kazakhstan and Iran, as well "
                "as the SCO Secretary General and the Executive Director of the Regional "
                "Anti-Terrorism SCO structures.")
    assert narrow(attended, question, set()) == short


def test_an_official_of_another_body_is_no_answer() -> None:
    invited = ("The UN Secretary General and heads of such international organizations as "
               "the CIS and the CSTO are invited to the Summit.")
    for question in ("Which CSTO official is invited to the summit?",
                     "Which CIS official is invited?"):
        assert not candidates(invited, AnswerType.NAME, question)
