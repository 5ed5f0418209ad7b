"""Figures: dates, counts, amounts and rates."""

from __future__ import annotations

import pytest

from rag.figures import (
    DATE,
    NUMBER,
    asked_rate,
    asked_time,
    asked_year,
    asks_year,
    counted_span,
    miscounted,
    missing_figure,
    missing_rate,
    names_year,
    other_topic,
    other_unit,
    outside_asked_time,
    span_from,
)
from rag.lexical import tokenize

FOUNDED = ("Founded in 2001, the organization has grown from six members to a robust platform "
           "of nine member states, three observer states and 14 dialogue partners.")


def _counted(sentence: str, number: str, question: str) -> str | None:
    start = sentence.index(number)
    span = counted_span(sentence, start, start + len(number), question, set(tokenize(question)))
    return sentence[span[0] : span[1]] if span else None


def test_dates_and_numbers_are_found_as_written() -> None:
    assert [m.group() for m in DATE.finditer("It met on 27 September 2001 and in May 2013.")] == [
        "27 September 2001", "May 2013"]
    found = [m.group() for m in NUMBER.finditer("two hundred thousand people, 38.1% and twice")]
    assert found == ["two hundred thousand", "38.1%", "twice"]
    # A multiple counts ("by how much?"); words merely ending so do not.
    found = [m.group() for m in NUMBER.finditer("It grew sevenfold, a twofold rise in "
                                                "manifold ways on the scaffold.")]
    assert found == ["sevenfold", "twofold"]
    # A decade counts nothing.
    assert [m.group() for m in NUMBER.finditer("in the 1850s")] == []


def test_dates_and_fractions_as_people_write_them() -> None:
    # An ISO date is one day, not the years 2024 to 2003.
    assert [m.group() for m in DATE.finditer("released on 2024-03-05, in 2023-2024")] == [
        "2024-03-05", "2023-2024"]
    assert [m.group() for m in DATE.finditer("March 5th, 2023 and the 5th of April")] == [
        "March 5th, 2023", "5th of April"]
    assert [m.group() for m in NUMBER.finditer("1 1/2 cups flour, 3/4 cup sugar")] == [
        "1 1/2", "3/4"]
    # Times of day, on a 24-hour clock too; a ratio or a running time is none.
    assert [m.group() for m in DATE.finditer("between 10:00 and 16:00, at 9:30 AM, 3:2")] == [
        "10:00", "16:00", "9:30 AM"]
    assert [m.group() for m in DATE.finditer("a runtime of 01:23:45")] == []
    # "3 of May's 5 goals" is no date; "the 5th of May" is.
    assert [m.group() for m in DATE.finditer("3 of May's 5 goals")] == ["May"]
    # A rate is its amount ("$1,200/month"); a date written with slashes is no fraction.
    assert [m.group() for m in NUMBER.finditer("$1,200/month, 1,500/day, 3/4/2024")] == [
        "1,200", "1,500"]


def test_a_number_answers_only_when_it_counts_what_was_asked() -> None:
    question = "How many dialogue partners does the SCO have?"
    assert _counted(FOUNDED, "14", question) == "14"
    assert _counted(FOUNDED, "nine", question) is None
    # "Founded in 2001": a year, not a count.
    assert _counted(FOUNDED, "2001", "How many members were there in 2001?") is None


def test_the_size_of_a_change_answers_how_much_it_changed() -> None:
    grew = "In ten years the population increased sevenfold from 76,000 to 540,000."
    question = "How much did the population increase in ten years?"
    assert _counted(grew, "sevenfold", question) == "sevenfold"
    # Where it started and ended count nothing asked; "by" gives the change.
    assert _counted(grew, "76,000", question) is None
    assert _counted("The population grew by 2,000 in a year.", "2,000",
                    "How much did the population grow?") == "2,000"
    # Not asked how much it changed.
    assert _counted(grew, "sevenfold", "How many people lived there?") is None


def test_a_part_asked_is_not_the_whole_counted() -> None:
    held = ("Kazakhstan, as chairman, held more than 80 events on the topics of economic "
            "development, environmental issues, and cultural exchanges.")
    assert _counted(held, "more than 80", "How many of the chair's preparatory events dealt "
                    "specifically with environmental issues?") is None
    assert _counted(held, "more than 80", "How many events did Kazakhstan hold?") == (
        "more than 80")
    # A part given: "two of the six packages".
    awarded = "Setanta Sports was awarded two of the six packages."
    question = "How many of the six packages was Setanta awarded?"
    assert _counted(awarded, "two", question) == "two"
    assert _counted(awarded, "six", question) is None
    # Asked in place, not opening the question, the count of those named.
    counties = "Southern California usually refers to ten southern-most counties of the state."
    assert _counted(counties, "ten", "The term usually refers to how many of the southern-most "
                    "counties of the state?") == "ten"


HELD = ("Kazakhstan, as chairman, held more than 80 events on the topics of economic "
        "development, environmental issues, and cultural exchanges.")


def test_a_count_of_what_is_on_other_topics() -> None:
    assert other_topic("How many events did Kazakhstan hold on security issues?", HELD) == (
        "security issues", "the topics of economic development, environmental issues, and "
        "cultural exchanges")
    # The asked topic among the text's, no topic asked, or none given.
    assert other_topic("How many events did Kazakhstan hold on environmental issues?",
                       HELD) is None
    assert other_topic("How many events did Kazakhstan hold?", HELD) is None
    # "put on" is a verb's, no topic.
    assert other_topic("How many events did Kazakhstan put on as chair to get ready for "
                       "the summit?", HELD) is None
    assert other_topic("How many events were held on security?",
                       "Kazakhstan held more than 80 events.") is None


def test_how_many_percent_asks_for_a_share() -> None:
    sentence = "Last year 183 conflicts were registered, which is 30 percent more than before."
    assert _counted(sentence, "30 percent", "How many percent more conflicts were there?") == (
        "30 percent")
    # Without "percent" a share counts nothing: 183 does.
    assert _counted(sentence, "30 percent", "How many conflicts were there?") is None
    assert _counted(sentence, "183", "How many conflicts were there?") == "183"


def test_a_share_of_a_whole_is_no_count_nor_change() -> None:
    grown = "Last year 183 conflicts were registered, which is 30 percent more than before."
    # "What share of ...?" asks for a percentage as "What percentage ...?" does ...
    assert _counted("It has nine member states.", "nine",
                    "What share of the world's population lives in member states?") is None
    # ... of a whole: a percentage telling how much something grew gives none.
    assert _counted(grown, "30 percent", "What share of the world's conflicts were "
                    "registered?") is None
    assert _counted("Prices rose by 12% last year.", "12%",
                    "What proportion of prices rose?") is None
    assert _counted("Some 40% of the world's people live in member states.", "40%",
                    "What share of the world's population lives in member states?") == "40%"
    # A change asked for is one.
    assert _counted(grown, "30 percent", "By what percentage did conflicts grow?") == (
        "30 percent")


def test_a_counted_number_takes_its_money_or_unit() -> None:
    assert _counted("The Rhine is about 1,230 kilometres long.", "1,230",
                    "How long is the Rhine?") == "1,230 kilometres"
    assert _counted("The club paid £304m for him.", "304", "How much did the club pay?") == "£304m"


def test_a_rate_is_the_short_answer_only_when_it_is_the_only_one() -> None:
    question = "What tariff has the EU imposed on Chinese electric vehicles?"
    assert asked_rate("The EU will add tariffs of 38.1% on electric vehicles.", question) == "38.1%"
    assert asked_rate("Tariffs rose from 10% to 38.1%.", question) is None
    assert asked_rate("The EU will add tariffs of 38.1%.", "Why did the EU add tariffs?") is None


def test_what_year_takes_the_year_of_a_date() -> None:
    sentence = "The charter was signed in May 2013."
    start = sentence.index("May")
    assert asked_year(sentence, start, start + 8, "What year was the charter signed?") == "2013"
    assert asked_year(sentence, start, start + 8, "When was the charter signed?") is None
    early = "The abbey was founded on 3 June 1227."
    start = early.index("3 June")
    assert asked_year(early, start, start + 11, "What year was the abbey founded?") == "1227"
    # An ISO date's year, not "2024-03" read as years; a range of years stays one.
    iso = "The fund opened on 2024-03-05 in Astana, for 2023-2024."
    start = iso.index("2024-03-05")
    assert asked_year(iso, start, start + 10, "What year did the fund open?") == "2024"
    start = iso.index("2023-2024")
    assert asked_year(iso, start, start + 9, "What year is it for?") == "2023-2024"


def test_a_year_is_written_out_or_not_named() -> None:
    sentence = "So, February 1 of this year, in May, on 3 June 1227 and in 2023-2024."
    dates = [(m.group(), names_year(sentence, *m.span())) for m in DATE.finditer(sentence)]
    assert dates == [("February 1 of this year", False), ("May", False),
                     ("3 June 1227", True), ("2023-2024", True)]
    assert asks_year("In what year was it signed?") and asks_year("Which year did it end?")
    assert asks_year("For which years does Kazakhstan chair the SCO?")
    assert asks_year("For what period does Kazakhstan hold the SCO chairmanship?")
    assert asks_year("What timeframe does the strategy cover?")
    assert not asks_year("Which years-long conflict did the SCO discuss?")
    assert not asks_year("When was it signed?")
    assert not asks_year("How many years did it last?")


def test_a_date_reads_years_and_days_as_what_year_does() -> None:
    # DATE and asked_year share one pattern of years (a span of them included)
    # and one of a day of the month.
    sentence = ("From 1998–99 to 1899 - 1900, in 2001, the 1990s, on the 21st of March and "
                "2nd May 2010, in 1788.")
    dates = [(m.group(), asked_year(sentence, *m.span(), "What year was it?"))
             for m in DATE.finditer(sentence)]
    assert dates == [("1998–99", "1998–99"), ("1899 - 1900", "1899 - 1900"), ("2001", "2001"),
                     ("21st of March", None), ("2nd May 2010", "2010"), ("1788", "1788")]


def test_a_percentage_is_no_age_length_or_price() -> None:
    sentence = "He said conflicts rose by 30 percent, and cars cost $25,000."
    assert _counted(sentence, "30 percent", "How old is Tokayev?") is None
    assert _counted(sentence, "30 percent", "How long is the corridor?") is None
    assert _counted(sentence, "30 percent", "How much does a car cost?") is None
    assert _counted(sentence, "25,000", "How much does a car cost?") == "$25,000"
    # A rise or a level may well be a percentage.
    assert _counted(sentence, "30 percent", "How much did conflicts rise?") == "30 percent"
    assert _counted(sentence, "30 percent", "How high did conflicts rise?") == "30 percent"


def test_a_rate_asked_for_needs_a_rate_stated() -> None:
    question = "What tariff rate has the US put on Chinese solar panels?"
    assert missing_rate("The US has imposed tariffs on solar panels.", question)
    assert not missing_rate("The US has imposed tariffs of 50% on solar panels.", question)
    # How fast something happens is no rate of anything.
    assert not missing_rate("It is rapidly developing.", "At what rate is it developing?")
    # Nor is a question about a rate's regime or what moves it.
    assert not missing_rate("It has a floating exchange rate.",
                            "What exchange rate regime does it have?")
    assert not missing_rate("Prices rose.", "What affects the inflation rate?")
    assert not missing_rate("It rose by 0.5 percentage points.",
                            "What is the new interest rate?")
    assert missing_rate("It was raised.", "What is the new interest rate?")
    # One tariff asked for is asked how high; "What tariffs ...?" may ask on what.
    assert missing_rate("The EU has imposed tariffs on solar panels.",
                        "What tariff has the EU imposed on Chinese solar panels?")
    assert not missing_rate("The EU has imposed tariffs of 38.1% on cars.",
                            "What tariff has the EU imposed on Chinese cars?")
    assert not missing_rate("The US has imposed tariffs on solar panels.",
                            "What tariffs did the US impose?")


@pytest.mark.parametrize(("date", "question", "outside"), [
    # Every year of the date on the wrong side of the question's bound.
    ("2023-2024", "Which years did Kazakhstan chair the SCO before 2023?", True),
    ("2023-24", "Which years did Kazakhstan chair the SCO prior to 2023?", True),
    ("1995", "When was it founded after the year 2000?", True),
    # A year inside the bound, a date with no year, a question with no bound.
    ("2019-2024", "Which years did Kazakhstan chair the SCO before 2023?", False),
    ("2001", "When was it founded after 1990?", False),
    ("May 16", "What happened before 2023?", False),
    ("2023-2024", "Which years does Kazakhstan chair the SCO?", False),
    # A span counts if any of it is inside; "1999-00" ends in 2000.
    ("2018-2023", "What did it do after 2019 and before 2022?", False),
    ("1999-00", "Which season came after 1999?", False),
    ("1999-00", "Which season came after 2000?", True),
    # A span of years is no bound ("before 2023-2024").
    ("2023", "What came before 2023-2024?", False),
])
def test_a_date_outside_the_time_the_question_asks_about(date: str, question: str,
                                                          outside: bool) -> None:
    assert outside_asked_time(date, question) is outside


def test_the_asked_time_is_read_as_written() -> None:
    assert asked_time("Which years did it chair the SCO  prior to 2023?") == "prior to 2023"
    assert asked_time("Which years did it chair the SCO?") is None


def test_a_bound_on_the_asked_date_need_not_be_given() -> None:
    near = "Kazakhstan, which chairs the SCO in 2023-2024, met."
    question = "Which years did Kazakhstan chair the SCO after 2020?"
    assert missing_figure(near, question, asks_date=True) is None
    # Asked anything else, the year is a figure the answer must give.
    assert missing_figure(near, question) == "2020"
    assert missing_figure(near, "When did Kazakhstan chair the SCO in 2020?",
                          asks_date=True) == "2020"


def test_an_ordinal_the_question_gives_must_be_given() -> None:
    question = "Which country was admitted as the SCO's tenth full member?"
    assert missing_figure("Kazakhstan chairs the SCO.", question) == "tenth"
    # Written either way.
    assert missing_figure("Iran became its 10th member.", question) is None
    assert missing_figure("Iran became its tenth member.", "Who became its 10th member?") is None
    # "first", "second" and "third" rank or count in other senses.
    assert missing_figure("Kazakhstan chairs the SCO.", "Which third country joined?") is None


def test_a_digit_counting_the_answers_items_need_not_be_given() -> None:
    near = "Kazakhstan and China are actively developing joint projects in the energy sector."
    assert missing_figure(near, "which 2 countries r actively building energy projects") is None
    assert missing_figure(near, "Name 3 countries building energy projects.") is None
    # A count elsewhere, or a larger one, is a figure the text must give.
    assert missing_figure(near, "Which countries built 2 energy projects?") == "2"
    assert missing_figure(near, "Which 14 countries build energy projects?") == "14"


STRATEGY = "The SCO development strategy for 2025–2035 includes a multipolar world order."


@pytest.mark.parametrize(("question", "found"), [
    # A strategy starting in 2025 is none running until then.
    ("What was in the SCO development strategy that ran until 2025?",
     ("until 2025", "2025–2035")),
    ("What were the main points of the SCO strategy up to 2025?", ("up to 2025", "2025–2035")),
])
def test_a_year_run_up_to_that_a_sentence_gives_only_as_a_start(
        question: str, found: tuple[str, str]) -> None:
    assert span_from(question, STRATEGY) == found


@pytest.mark.parametrize(("question", "sentence"), [
    # The span's end, the year alone, or a span asked for.
    ("What does the strategy up to 2035 include?", STRATEGY),
    ("Which plans run until 2025?", "Kazakhstan chairs the SCO in 2023-2025."),
    ("What ran until 2025?", "The plan ran until 2025 and then for 2025–2035."),
    ("What does the strategy for 2025–2035 include?", STRATEGY),
    ("What does the strategy through 2025-2035 include?", STRATEGY),
])
def test_a_year_run_up_to_given_otherwise_or_not_asked(question: str, sentence: str) -> None:
    assert span_from(question, sentence) is None


@pytest.mark.parametrize(("near", "question", "measures"), [
    # SQuAD v2.0's way: a figure of the text put in another unit.
    ("California's midway point lies around 11 miles (18 km) south of San Jose.",
     "What is around 18 miles south of San Jose?", ("18 miles", "18 km")),
    ("They arranged the division at 36 degrees, 30 minutes.",
     "What line is at 30 degrees, 36 minutes?", ("30 degrees", "30 minutes")),
    # One unit however written, or no unit of measure at all.
    ("The Rhine is about 1,230 kilometres long.", "Is the Rhine 1,230 km long?", None),
    ("The river is 800 feet wide.", "Is the river 800 ft wide?", None),
    ("Tariffs of 38.1% on electric vehicles.", "Are the tariffs 38.1 percent?", None),
    ("It held more than 80 events.", "Were 80 events held?", None),
    # Not given at all: ``missing_figure``'s.
    ("The river is 800 feet wide.", "Is the river 900 metres wide?", None),
])
def test_a_measure_given_only_in_another_unit(near: str, question: str,
                                              measures: tuple[str, str] | None) -> None:
    assert other_unit(near, question) == measures


@pytest.mark.parametrize(("near", "question", "counts"), [
    # A count of the text given to another thing it counts otherwise.
    ("Southern California consists of one Combined Statistical Area, eight Metropolitan "
     "Statistical Areas and multiple divisions.",
     "What consists of eight Combined Statistical Areas?", ("eight Combined", "one Combined")),
    ("The SCO has nine member states, three observer states and 14 dialogue partners.",
     "Who are the three dialogue partners?", ("three dialogue", "14 dialogue")),
    ("Kazakhstan held 80 events and nine forums.", "Which 80 forums were held?",
     ("80 forums", "nine forums")),
    # The count given to that thing, or the thing counted nowhere, or the number
    # given nowhere: nothing miscounted here.
    ("The SCO has nine member states, three observer states and 14 dialogue partners.",
     "Who are the 14 dialogue partners?", None),
    ("Kazakhstan held more than 80 events.", "Were 80 events held?", None),
    ("Kazakhstan held more than 80 events.", "Were 90 events held?", None),
    # "one" in a question is a pronoun; a year counts nothing.
    ("It held one forum and two summits.", "Which one summits were held?", None),
    ("In 2023 Kazakhstan chaired the SCO; 2024 Kazakhstan summits followed.",
     "What did 2024 Kazakhstan do?", None),
])
def test_a_count_given_to_another_thing(near: str, question: str,
                                        counts: tuple[str, str] | None) -> None:
    assert miscounted(near, question) == counts


def test_a_decade_gives_no_year_of_it() -> None:
    near = "Its rate grew less than the state average of 10.0% in the 2000s."
    assert missing_figure(near, "How much did it grow in the year 2000?") == "2000"
    # A decade asked is given as a decade, or by its year written alike.
    assert missing_figure(near, "How much did it grow in the 2000s?") is None
    assert missing_figure("In 1990 it grew.", "What happened in the 1990s?") is None
    assert missing_figure("In the 1990s it grew.", "What happened in 1990?") == "1990"
