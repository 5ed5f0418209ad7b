import pytest

from rag.measures import other_goods, swapped_measure

EU_TARIFFS = ("So, just recently it became known that the EU will introduce additional "
              "tariffs of 38.1% on electric vehicles supplied from China starting next "
              "month, which will lead to an increase in the cost of selling cars in Europe "
              "for companies such as Chinese BYD Co. and Tesla Inc.")
US_TARIFFS = ("The United States has already imposed tariffs on electric vehicles, solar "
              "panels, semiconductors, and batteries from China.")
SANCTIONS = ("In this context, it is interesting for Kazakhstan to study alternative types "
             "of international payment systems due to the constant threats of sanctions "
             "from the West.")


@pytest.mark.parametrize(("question", "sentence", "found"), [
    # The one bearing the measure has it imposed, by a verb the sentence lacks.
    ("What tariffs did China slap on EU electric cars?", EU_TARIFFS, ("China", "tariffs", "EU")),
    ("What tariffs has China slapped on US solar panels?", US_TARIFFS,
     ("China", "tariffs", "United States")),
    # The measure's own verb; "from the West" names who imposes it.
    ("Why did Kazakhstan sanction western countries?", SANCTIONS,
     ("Kazakhstan", "sanctions", "West")),
    ("What sanctions has Kazakhstan threatened to impose on Western countries?", SANCTIONS,
     ("Kazakhstan", "sanctions", "West")),
    # Whose measure it is: a possessive, or "its" of the question's subject.
    ("Which carmakers did China say would be hurt by its tariffs on EU cars?", EU_TARIFFS,
     ("China", "tariffs", "EU")),
    ("Why are China's tariffs on EU cars so high?", EU_TARIFFS, ("China", "tariffs", "EU")),
    # An act that goes on; "with" naming the measure, not a partner.
    ("Isn't it true that Kazakhstan keeps threatening the West with sanctions?", SANCTIONS,
     ("Kazakhstan", "sanctions", "West")),
    # A third party imposing it is not the sentence's imposer either.
    ("Did the SCO impose tariffs on China?", EU_TARIFFS, ("SCO", "tariffs", "EU")),
])
def test_an_imposer_the_sentence_does_not_give_is_found(
        question: str, sentence: str, found: tuple[str, str, str]) -> None:
    assert swapped_measure(question, sentence) == found


@pytest.mark.parametrize(("question", "sentence"), [
    # The sentence's own imposer, by any of its names.
    ("What tariffs has the EU imposed on Chinese cars?", EU_TARIFFS),
    ("What tariffs has the US imposed on batteries?", US_TARIFFS),
    # Who imposes is not asked: facing, fearing, being hit.
    ("Why does Kazakhstan fear sanctions from the West?", SANCTIONS),
    ("Was Kazakhstan hit by sanctions?", SANCTIONS),
    ("Has Kazakhstan been hit with sanctions?", SANCTIONS),
    ("Which country imposed tariffs on China?", EU_TARIFFS),
    # Imposed together: either may be named first.
    ("Did China impose tariffs jointly with the EU?", EU_TARIFFS),
    ("Did China impose tariffs together with the EU?", EU_TARIFFS),
    # The sentence's own imposer by a possessive; "their" may be anyone's.
    ("Why are the EU's tariffs so high?", EU_TARIFFS),
    ("Why does Kazakhstan fear their sanctions?", SANCTIONS),
    # The verb is far from the measure: another act.
    ("Why did China introduce new electric vehicle models in Europe despite the tariffs?",
     EU_TARIFFS),
    # The sentence names no imposer, or no measure.
    ("What tariffs did China impose?", "Tariffs on electric vehicles will rise."),
    ("What tariffs did China impose?", "China met the EU."),
])
def test_no_other_imposer_is_no_doubt(question: str, sentence: str) -> None:
    assert swapped_measure(question, sentence) is None


@pytest.mark.parametrize(("question", "sentence", "found"), [
    ("How high are the EU's new tariffs on Chinese solar panels?", EU_TARIFFS,
     ("Chinese solar panels", "electric vehicles")),
    ("Is it true that the EU's tariff on Chinese solar panels is also 38.1%?", EU_TARIFFS,
     ("Chinese solar panels", "electric vehicles")),
    ("What is the tariff on Chinese steel?", US_TARIFFS,
     ("Chinese steel", "electric vehicles, solar panels, semiconductors, and batteries")),
    # Goods of the sentence in other words, or among those it lists: none.
    ("How high is the EU tariff on Chinese EVs?", EU_TARIFFS, None),
    ("What is the EU tariff on chinese cars?", EU_TARIFFS, None),
    ("What is the US tariff on solar panels?", US_TARIFFS, None),
    # Goods of any kind.
    ("Has Washington already slapped tariffs on Chinese goods, and on what?", US_TARIFFS,
     None),
    # No goods a measure is on, in the question or the sentence.
    ("What tariff is on Chinese steel?", US_TARIFFS, None),
    ("What sanctions does Kazakhstan fear?", SANCTIONS, None),
])
def test_a_measure_on_other_goods(question: str, sentence: str,
                                  found: tuple[str, str] | None) -> None:
    assert other_goods(question, sentence) == found
