import pytest

from rag.names import asked_names, placed_cities


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
