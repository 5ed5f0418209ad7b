import pytest

from rag.attributes import asked_attribute, asked_quality, asked_standing


@pytest.mark.parametrize(("question", "attribute"), [
    ("What is the population of Kazakhstan?", "population"),
    ("What is Kazakhstan's main export?", "export"),
    ("What are the official languages of the SCO?", "languages"),
    ("what's the gdp of the sco", "gdp"),
    ("whats the population of kazakhstan", "population"),
    ("what is kazakhstan's official language", "language"),
    ("What is the summit's slogan?", "slogan"),
    ("What was the motto of the previous summit?", "motto"),
    # Typed as keywords.
    ("population of astana?", "population"),
    ("the gdp of the sco", "gdp"),
    # A name and the noun (the engine has cased the name).
    ("Astana population", "population"),
    ("SCO headquarters?", "headquarters"),
])
def test_the_noun_of_what_is_the_n_of_x_is_the_attribute_asked(question: str,
                                                                attribute: str) -> None:
    assert asked_attribute(question) == attribute


@pytest.mark.parametrize("question", [
    # What a sentence states without the noun.
    "What is the role of the SCO?",
    "What is the date of the summit?",
    "What is the location of the summit?",
    "What was the percentage of people that voted in favor of the Pico Act?",
    "What is the lowest ranking one of the counties could have?",
    "What is the low end of the temperature range in summer?",
    "What are the objectives of the SCO?",  # "among its strategic goals"
    "What is the timeframe of the SCO Anti-Drug Strategy?",  # "for 2024–2029"
    "What are the consequences of blocking the Red Sea?",
    # A benefit, in any word: "This helps strengthen economic ties" gives it.
    "What's the supposed payoff of settling payments in national currencies?",
    # What a name is, not an attribute of it.
    "What is the SCO?",
    # No attribute asked of anything.
    "What did the countries sign?",
    "What is the SCO for?",
    "Why is the SCO important?",
    # Keywords of what goes unnamed, or no "N of X" at all.
    "role of kazakhstan?",
    "list of the sco members",
    "sco founding city",
    "Tell me about the members of the SCO.",
    # Keywords of more than a name and a noun, a noun given unnamed, or no name.
    "SCO energy club",
    "SCO founding year",
    "Murat Nurtleu",
    "summit population",
])
def test_no_attribute_where_none_is_asked_or_it_goes_unnamed(question: str) -> None:
    assert asked_attribute(question) is None


@pytest.mark.parametrize(("question", "standing"), [
    ("Is Mongolia an SCO observer state?", ("observer", "observer")),
    ("Is India an SCO member?", ("member", "member")),
    ("Has Turkiye become a dialogue partner of the SCO?", ("partner", "partner")),
    ("What is Mongolia's membership status in the SCO?",
     ("membership", "member observer partner")),
    ("What status does Turkiye have in the SCO?", ("status", "member observer partner")),
    # "member countries" describing, not asked about; no country named.
    ("Does Kazakhstan cooperate with other member countries on transport?", None),
    ("Is the SCO an observer at the UN?", None),
    ("How many members does the SCO have?", None),
    # Which countries have a standing, none named.
    ("Which three countries hold observer status in the SCO?", ("observer", "observer")),
    ("name the sco's dialogue partner states", ("partner", "partner")),
    ("Which member states attend the summit?", None),
    ("Which observers attend the summit?", None),
])
def test_a_countrys_standing_asked_about(question: str,
                                         standing: tuple[str, str] | None) -> None:
    assert asked_standing(question) == standing


@pytest.mark.parametrize(("question", "quality"), [
    ("Will the Astana Declaration be legally binding on member states?", "binding"),
    ("Is the declaration legally binding?", "binding"),
    ("Will the new fund be successful?", "successful"),
    ("Is the SCO really important for Kazakhstan?", "important"),
    # A verb's past form, a verb's "-ing", no adjective, or an adjective asking
    # of no quality: none.
    ("Will the summit be held in Astana?", None),
    ("Is the SCO growing?", None),
    ("Is Kazakhstan the chair?", None),
    ("Will Kazakhstan be able to attract investment?", None),
    ("Is the SCO binding?", None),
    ("What will be binding?", None),
])
def test_the_quality_a_yes_no_question_asks_of(question: str, quality: str | None) -> None:
    assert asked_quality(question) == quality
