import pytest

from rag.doers import (
    asked_doer,
    other_chair,
    swapped_around,
    swapped_backing,
    swapped_doer,
    swapped_object,
    swapped_office,
    swapped_origin,
)

IMPOSED = ("The United States has already imposed tariffs on electric vehicles, solar panels, "
           "semiconductors, and batteries from China.")


def test_a_question_that_swaps_who_acts_and_who_is_acted_on() -> None:
    assert swapped_doer("What tariffs has China imposed on American electric vehicles?",
                        IMPOSED) == ("China", "imposed", "United States")
    assert swapped_doer("Did China impose tariffs on US batteries?", IMPOSED) == (
        "China", "impose", "United States")


@pytest.mark.parametrize("question", [
    # The same doer.
    "What tariffs has the United States imposed on Chinese electric vehicles?",
    # One doer only, or the other one never named in the question.
    "What tariffs has China imposed?",
    "What tariffs has China imposed on Russian cars?",
    # A passive names its doer after the act: not read.
    "Which tariffs were imposed by China on American cars?",
    # Done together.
    "Did China sign tariffs with the United States?",
])
def test_no_swap(question: str) -> None:
    assert swapped_doer(question, IMPOSED) is None


def test_no_doer_where_two_stand_before_the_act() -> None:
    assert swapped_doer("What did China propose to Russia?",
                        "Russia and China proposed a new bank.") is None
    assert swapped_doer("What did China propose to Russia?",
                        "Russia proposed a new bank to China.") == ("China", "propose", "Russia")


@pytest.mark.parametrize(("question", "sentence"), [
    # The word before is no doer: a demonym, or a body that is acted on.
    ("Which Chinese products are already hit by American tariffs?", IMPOSED),
    ("What strategy did Kazakhstan put forward for the SCO to adopt?",
     "Kazakhstan proposed that the organization adopt a strategy."),
    ("Why is the SCO valuable for middle powers such as Kazakhstan?",
     "The SCO provides an opportunity for Kazakhstan and other middle powers."),
])
def test_no_doer_read_where_none_acts(question: str, sentence: str) -> None:
    assert swapped_doer(question, sentence) is None


@pytest.mark.parametrize(("question", "doer"), [
    ("Why did China push Kazakhstan to adopt the strategy?", ("China", "push")),
    ("What did the United States impose on China?", ("United States", "impose")),
    # No name before the act: a question word, a demonym, an office.
    ("Which country proposed the strategy?", None),
    ("What do Chinese firms say?", None),
    ("Has Kazakhstan's president met Xi?", None),
    # A capitalised word is a name's, not a verb.
    ("Who heads the China Studies Centre?", None),
])
def test_the_doer_a_question_names(question: str, doer: tuple[str, str] | None) -> None:
    found = asked_doer(question)
    assert (found[:2] if found is not None else None) == doer


MET = ("On May 16, the President of Kazakhstan met with the secretaries of the security "
       "councils of the Central Asian countries.")


@pytest.mark.parametrize(("question", "sentence", "swapped"), [
    # The office before the verb, or before "of" and its place; "met" is "meet".
    ("Whom did Kazakhstan's foreign minister meet on May 16?", MET,
     ("foreign minister", "meet", "President")),
    ("What did the prime minister say?", "The President of France said no.",
     ("prime minister", "say", "President")),
    ("Did the Secretary General already sign it?", "The Chairman has signed it.",
     ("Secretary General", "sign", "Chairman")),
    # Taking part, by any of its verbs.
    ("Did the Kazakh foreign minister take part in the May 16 meeting of security council "
     "secretaries?", MET, ("foreign minister", "take part", "President")),
    ("Did the prime minister attend the meeting?", MET, ("prime minister", "attend",
                                                         "President")),
])
def test_a_question_that_has_another_office_act(question: str, sentence: str,
                                                swapped: tuple[str, str, str]) -> None:
    assert swapped_office(question, sentence) == swapped


@pytest.mark.parametrize(("question", "sentence"), [
    # The same office, by another word before it.
    ("Who did the President of Kazakhstan meet on May 16?", MET),
    ("Whom did the Kazakh president meet?", MET),
    # A person named, not an office: who holds which office is another rule's.
    ("Who did Tokayev meet on May 16?", MET),
    ("What did the foreign minister say?", "President Tokayev said so."),
    # The sentence names the asked office too: it may be the one who acts.
    ("What did the foreign minister say?", "The President said that the minister is right."),
    # Another act.
    ("Whom did the foreign minister call?", MET),
    ("Did the foreign minister take the floor?", MET),
    # Taking part, with the asked office named.
    ("Did the president take part in the meeting?", MET),
])
def test_no_office_swapped(question: str, sentence: str) -> None:
    assert swapped_office(question, sentence) is None


@pytest.mark.parametrize(("question", "sentence", "around"), [
    # SQuAD v2.0's way: the two sides of a verb swapped.
    ("What were major industries until suburbs were turned into farmlands?",
     "Cattle and citrus were major industries until farmlands were turned into suburbs.",
     ("suburbs", "turned", "farmlands")),
    # The verb in another form; the other side also named after it.
    ("When did Microsoft announce OneDrive will soon become SkyDrive?",
     "Microsoft announced that SkyDrive will soon become OneDrive and SkyDrive Pro becomes "
     "OneDrive for Business.", ("OneDrive", "become", "SkyDrive")),
])
def test_the_two_sides_of_a_verb_swapped(question: str, sentence: str,
                                         around: tuple[str, str, str]) -> None:
    assert swapped_around(question, sentence) == around


@pytest.mark.parametrize(("question", "sentence"), [
    # The same order.
    ("When did farmlands become suburbs?", "Farmlands were turned into suburbs and became "
                                           "suburbs in the 1990s."),
    # A passive on either side: the doer follows the verb.
    ("When was California ruled by Mexico?", "It dates from the time when Mexico ruled "
                                             "California."),
    ("When did Mexico rule California?", "California was ruled by Mexico for decades."),
    # Done together: either may stand first.
    ("When did China negotiate with Russia?", "Russia negotiated with China across the steppe."),
    # What the question asks stands first, whatever it is to the verb.
    ("How many events did Kazakhstan organize as chairman?",
     "Kazakhstan, as chairman, organized more than 80 events."),
    # A word a noun shares is no verb there ("commission", "measures").
    ("When did the SCO technoparks commission meet for the first time?",
     "The first meeting of the commission of the SCO technoparks was held in May."),
    # Only one side named in the sentence, or the other side is what is asked.
    ("Which country does China support in the bloc?", "Kazakhstan supports China in the bloc."),
    ("What does SkyDrive become?", "Microsoft announced that SkyDrive will soon become "
                                   "OneDrive."),
])
def test_no_sides_swapped(question: str, sentence: str) -> None:
    assert swapped_around(question, sentence) is None


EV_TARIFFS = ("The EU will introduce additional tariffs of 38.1% on electric vehicles supplied "
              "from China starting next month.")


@pytest.mark.parametrize(("question", "sentence", "origins"), [
    # The one acting and the one whose goods are hit, the other way round.
    ("What tariffs is China imposing on electric vehicles imported from the EU?", EV_TARIFFS,
     ("EU", "China")),
    ("What aid did Kazakhstan get from Russia?", "Russia received aid from Kazakhstan.",
     ("Russia", "Kazakhstan")),
    ("Which cars made in Germany does China tax?", "Germany taxes cars from China.",
     ("Germany", "China")),
    # Names of no country, by their terms.
    ("When was NTL Telewest rebranded from Virgin Media?",
     "Virgin Media (re-branded in 2007 from NTL:Telewest) offered a set top box.",
     ("Virgin Media", "NTL")),
])
def test_where_something_comes_from_swapped(question: str, sentence: str,
                                           origins: tuple[str, str]) -> None:
    assert swapped_origin(question, sentence) == origins


@pytest.mark.parametrize(("question", "sentence"), [
    # From the same place, or no place after "from" on either side.
    ("What tariffs will the EU introduce on cars from China?", EV_TARIFFS),
    ("Which tariffs does the EU plan on Chinese cars?", EV_TARIFFS),
    ("What did China hear from the EU?", "The EU told China of its plans."),
    # Both places come from on both sides.
    ("Which officials from China met delegates from India?",
     "Delegates from India met officials from China."),
    # The sentence's place of origin is not named in the question.
    ("What aid did Kazakhstan get from Russia?", "Russia received aid from Iran."),
    ("When was Virgin Media rebranded from NTL?",
     "Virgin Media (re-branded in 2007 from NTL:Telewest) offered a set top box."),
    # What is set aside, and months, are no origins.
    ("Which countries apart from China did the EU tax?", "The EU taxes cars from China."),
    ("What ran from January to March?", "From March the plan ran to January."),
])
def test_nothing_comes_from_another_place(question: str, sentence: str) -> None:
    assert swapped_origin(question, sentence) is None



@pytest.mark.parametrize(("question", "sentence", "acted_on"), [
    # SQuAD v2.0's way: the subject asked of is what the sentence's verb acts on.
    ("What country did California once rule?",
     "It dates from the time when Mexico ruled California.", ("California", "rule")),
    ("What county does the rapidly developing downtown Santa Ana include?",
     "Orange County is a rapidly developing business center that includes Downtown Santa "
     "Ana and the South Coast Metro.", ("rapidly developing downtown Santa Ana", "include")),
    ("Which countries did China invite?", "Kazakhstan invited China and Russia.",
     ("China", "invite")),
])
def test_the_subject_asked_of_is_acted_on(question: str, sentence: str,
                                          acted_on: tuple[str, str]) -> None:
    assert swapped_object(question, sentence) == acted_on


@pytest.mark.parametrize(("question", "sentence"), [
    # The subject acts in the sentence too, or is not what the verb acts on.
    ("What did Kazakhstan propose?", "Kazakhstan proposed to adopt the SCO energy strategy."),
    ("Which countries does the SCO include?", "The SCO includes nine member states."),
    ("What does the SCO promote?", "The SCO promotes peace and the SCO."),
    # Done together, or passive: either may stand first.
    ("Who did Tokayev meet with?", "Putin met with Tokayev."),
    ("What country did California rule?", "California was ruled by Mexico."),
    # The question asks no object of its subject.
    ("Who ruled California?", "Mexico ruled California."),
    # A clause of its own: what Kazakhstan proposed, not what the SCO adopts.
    ("What did Kazakhstan propose the SCO adopt?",
     "Kazakhstan proposed to adopt the SCO energy strategy."),
    ("What country was ruled by California?", "Mexico ruled California."),
])
def test_no_subject_acted_on(question: str, sentence: str) -> None:
    assert swapped_object(question, sentence) is None


CHAIRED = ("At the SCO Digital Forum in Almaty, under the chairmanship of the Kazakh side, "
           "the first meeting of the Management Commission was held.")


@pytest.mark.parametrize(("question", "chairs"), [
    ("Which meeting did the SCO Secretariat chair at the SCO Digital Forum?",
     ("the SCO Secretariat", "Kazakh side")),
    # The one set aside is not the one asked about.
    ("Isn't it true that the SCO Secretariat, not the Kazakh side, chaired the meeting?",
     ("the SCO Secretariat", "Kazakh side")),
])
def test_another_chair(question: str, chairs: tuple[str, str]) -> None:
    assert other_chair(question, CHAIRED) == chairs


@pytest.mark.parametrize("question", [
    # The same one, by a derived word; no one asked; asked by whom.
    "Did Kazakhstan chair the meeting?",
    "Which meeting did the Kazakh side chair?",
    "Who chaired the meeting?",
    "Who exactly chaired the meeting on the Kazakh side?",
    "Who was the meeting chaired by?",
])
def test_the_same_chair_or_none_asked(question: str) -> None:
    assert other_chair(question, CHAIRED) is None


BACKED = ("The SCO provides an opportunity for Kazakhstan and other middle powers to advance "
          "their initiatives, which can be supported by larger countries.")


@pytest.mark.parametrize(("question", "found"), [
    ("Which initiatives of larger countries can Kazakhstan and other middle powers back?",
     ("larger countries", "initiatives", "larger countries")),
    # The backer named in words of its sense, as owner by "of", a possessive, or
    # as the one pushing "their own".
    ("Which initiatives of the big powers is Kazakhstan backing through the SCO?",
     ("the big powers", "initiatives", "larger countries")),
    ("How can the bigger states' initiatives be backed?",
     ("bigger states", "initiatives", "larger countries")),
    ("Isn't it true that the SCO lets the big powers push their own initiatives?",
     ("big powers", "initiatives", "larger countries")),
])
def test_a_backer_made_the_owner_is_found(question: str, found: tuple[str, str, str]) -> None:
    assert swapped_backing(question, BACKED) == found


@pytest.mark.parametrize(("question", "sentence"), [
    # The owner and the backer as the sentence has them.
    ("Whose initiatives can larger countries support?", BACKED),
    ("Which initiatives of Kazakhstan and other middle powers can larger countries back?",
     BACKED),
    ("Which initiatives can the larger countries support?", BACKED),
    # Another thing of the backer's, or no one backing anything.
    ("What are the interests of larger countries?", BACKED),
    ("Which initiatives of larger countries are there?",
     "Larger countries advance their initiatives."),
])
def test_no_backer_made_the_owner(question: str, sentence: str) -> None:
    assert swapped_backing(question, sentence) is None
