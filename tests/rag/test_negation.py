import pytest

from rag.negation import affirmed, counted_denial, denied, denies, negation


@pytest.mark.parametrize(("question", "word"), [
    ("Which company doesn't sell cars in Europe?", "doesn't"),
    ("Who never attended the summit?", "never"),
    # "fail to", "refuse to" ask what did not happen.
    ("When did BSkyB fail to launch its HD service?", "fail to"),
    ("Which country refused to sign?", "refused to"),
    ("When did BSkyB fail launching its HDTV service?", "fail launching"),
    # Only the asking clause counts.
    ("I never knew this, which company sells cars?", None),
    # Answered by what is so as well, or adding, not denying.
    ("Doesn't Tesla sell cars in Europe?", None),
    ("Which company not only sells cars but also vans?", None),
    ("Which company sells cars, if not Tesla?", None),
    # A condition, or a failure named, asks nothing negative.
    ("What happens if the talks fail?", None),
    ("What did the failed talks lead to?", None),
])
def test_a_question_asking_what_is_not_so(question: str, word: str | None) -> None:
    assert negation(question) == word


@pytest.mark.parametrize(("question", "sentence", "words"), [
    ("What company has veto over the presence of channels?",
     "BSkyB has no veto over the presence of channels on their EPG.", "no veto"),
    # Words such as "be" or "yet" may stand between.
    ("When did Virgin Media offer the linear channels?",
     "Nonetheless, the linear channels were not offered.", "not offered"),
    ("When did Microsoft decide to appeal the ruling?",
     "Microsoft will not appeal the ruling.", "not appeal"),
    ("Which treaty did the states sign in 2001?",
     "The states have not yet signed the treaty.", "not yet signed"),
    ("How far did the bank raise rates?", "The bank left rates alone without raising them.",
     "without raising"),
    # "impossible to", "unable to" deny the verb after them.
    ("Under what conditions can a country ensure its security by damaging others?",
     "It is impossible to ensure one’s own security by causing damage to others.",
     "impossible to ensure"),
    ("When did the council approve the budget?", "The council was unable to approve it.",
     "unable to approve"),
    # Left out of something is not part of it.
    ("Who did BSkyB team up with because it was part of the consortium?",
     "BSkyB had been excluded from being a part of the ONdigital consortium.",
     "excluded from being a part"),
])
def test_a_sentence_denying_what_the_question_takes_as_so(question: str, sentence: str,
                                                          words: str) -> None:
    assert denied(question, sentence) == words


@pytest.mark.parametrize(("question", "sentence"), [
    # Answered yes or no: the denial answers it.
    ("Is Turkey a member of the SCO?", "Turkey is not a member of the SCO."),
    # The question denies something itself.
    ("What did Virgin Media concentrate on instead of offering linear channels?",
     "The linear channels were not offered, Virgin Media instead concentrating on VOD."),
    # The sentence says the word undenied as well.
    ("What do encrypted broadcasts require to view?",
     "Some are encrypted but do not require a subscription; others require a card."),
    # "not until", "no more than": no denial of what follows.
    ("When was the society founded?", "It was not until 1990 that the society was founded."),
    ("How many members does the council have?", "It has no more than nine members."),
    # The head of the phrase is what is denied: a gap, not security.
    ("What security measures were adopted?", "The measures leave no security gap."),
    # A name is no claim denied.
    ("What replaced the Sky box?", "Sets came without Sky boxes after 2011."),
    # The verb as the topic of what was said, not a deed taken as so.
    ("What did Tokayev say about ensuring your own security?",
     "It is impossible to ensure one’s own security by causing damage to others."),
    # Not followed by "to" and a verb: nothing denied.
    ("What did the council approve?", "The council approved a budget, which was impossible."),
    # Another word denied.
    ("What does the SCO offer?", "The SCO does not impose rules; it offers a platform."),
])
def test_no_denial_of_what_the_question_asks(question: str, sentence: str) -> None:
    assert denied(question, sentence) is None


@pytest.mark.parametrize(("question", "sentence", "word"), [
    ("When did the court find that the name did not infringe the trademark?",
     "In July 2013, the court found that the name infringed the trademark.", "infringed"),
    ("Which companies never agreed to terminate their proceedings?",
     "Both BSkyB and Virgin Media agreed to terminate all proceedings.", "agreed"),
    ("When did BSkyB fail to launch its HD service?",
     "BSkyB launched its HD service on 22 May 2006.", "launched"),
    # "fail" with the act's "-ing", as a question may write it.
    ("When did BSkyB fail launching its HD service?",
     "BSkyB launched its HD service on 22 May 2006.", "launched"),
    # A sentence denying anything may be saying what is not so: left to read.
    ("Which company doesn't sell cars in Asia?", "Tesla sells cars in Europe, BYD does not.",
     None),
    # A question asking what is so.
    ("Which company sells cars in Asia?", "Tesla sells cars in Asia.", None),
])
def test_a_sentence_saying_so_of_what_the_question_asks_is_not(
        question: str, sentence: str, word: str | None) -> None:
    assert affirmed(question, sentence) == word


def test_words_that_deny() -> None:
    assert denies("Only BYD sells cars in Europe.")
    assert denies("Tesla does not sell cars.")
    assert not denies("Tesla sells cars in Europe.")


COUNTED = ("Founded in 2001, the organization has grown to nine member states, three "
           "observer states and 14 dialogue partners.")


def test_a_denial_taken_as_so_of_what_the_text_counts() -> None:
    assert counted_denial("Since the SCO has no dialogue partners at all, how does it reach "
                          "countries outside its membership?", COUNTED) == (
        "no dialogue partners", "14 dialogue partners")
    # Asked yes or no, the count answers; a denial of what the text does not count.
    assert counted_denial("Does the SCO have no dialogue partners?", COUNTED) is None
    assert counted_denial("Why does the SCO have no secretariat?", COUNTED) is None
    assert counted_denial("How many dialogue partners does the SCO have?", COUNTED) is None
