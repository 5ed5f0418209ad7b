import pytest

from rag.names import asked_names, described, placed_cities


@pytest.mark.parametrize(("question", "placed"), [
    # A capital where something is, goes to or comes from: the city.
    ("Why was the summit moved to Beijing?", {"Beijing"}),
    ("What was on the agenda of the SCO summit in New Delhi in 2023?", {"New", "Delhi"}),
    ("Who flew from Moscow into Astana?", {"Moscow", "Astana"}),
    # A capital acting stands for its country; a demonym is a people.
    ("What did Beijing impose on EU cars?", set()),
    ("Did New Delhi object to the plan?", set()),
    ("What was said in Russian?", set()),
    # Other names placed are no stand-ins.
    ("What happened in Almaty?", set()),
])
def test_a_capital_named_as_a_place(question: str, placed: set[str]) -> None:
    assert placed_cities(question, asked_names(question)) == placed


@pytest.mark.parametrize(("question", "names"), [
    # A region's adjective before a common noun describes it.
    ("Why would the Central Asian host care about the bloc?", {"Central", "Asian"}),
    ("What has become crucial for Beijing amid these Western trade barriers?", {"Western"}),
    # A country's demonym names the country; a name ending the question describes none.
    ("Which Indian officials came?", set()),
    ("What did Dylan say?", set()),
    ("Which country is Central Asian?", set()),
    ("What did Central Asia decide?", set()),
])
def test_names_that_describe_a_common_noun(question: str, names: set[str]) -> None:
    assert described(asked_names(question), question) == names
