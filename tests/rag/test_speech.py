"""Who said what: "What did X say about Y?" and the text that reports it."""

from __future__ import annotations

import pytest

from rag.lexical import tokenize
from rag.speech import reports_speech, speech_asked


@pytest.mark.parametrize(("question", "speaker", "topic"), [
    ("What did Tokayev say about the Red Sea?", "Tokayev", "Red Sea"),
    ("What has the foreign minister noted on terrorism?", "the foreign minister", "terrorism"),
    ("what does Nurtleu think of the negotiations", "Nurtleu", "the negotiations"),
    ("What has Tokayev stated about terrorism?", "Tokayev", "terrorism"),
    # Told, the hearers come first.
    ("what did Putin tell the security secretaries about conflicts", "Putin", "conflicts"),
    # Told, without "about": the hearers and the occasion stand for the topic.
    ("what did Tokayev tell the CIS security chiefs at the may 24 meeting", "Tokayev",
     "the CIS security chiefs at the may 24 meeting"),
    ("Did Tokayev tell the secretaries that conflicts grew?", "Tokayev",
     "the secretaries that conflicts grew"),
    # What a person said of something: the clause is the topic.
    ("What did President Tokayev say the negotiations would open?", "President Tokayev",
     "the negotiations would open"),
    ("What did the UN Secretary General say in his speech?", "the UN Secretary General",
     "in his speech"),
    ("What did the Secretary of State say the talks would achieve?", "the Secretary of State",
     "the talks would achieve"),
    # Whether a person or a company said so takes that it said something.
    ("Did BYD say it would raise its car prices in Europe?", "BYD",
     "it would raise its car prices in Europe"),
    ("Has President Tokayev noted that conflicts are growing?", "President Tokayev",
     "conflicts are growing"),
    # An announcement is words said; an adverb may stand before the verb.
    ("Did Tesla really announce price hikes in Europe?", "Tesla", "price hikes in Europe"),
    # Talked about: the topic as the question gives it, hearers and day with it.
    ("What did Putin talk about with the secretaries on May 16?", "Putin",
     "with the secretaries on May 16"),
    # A speaker named by what they do ("the development minister") still speaks.
    ("What did the development minister say about trade?", "the development minister",
     "trade"),
])
def test_a_question_asking_what_someone_said_about_something(question: str, speaker: str,
                                                            topic: str) -> None:
    assert speech_asked(question) == (frozenset(tokenize(speaker)), frozenset(tokenize(topic)))


@pytest.mark.parametrize("question", [
    "What does the report say is impossible?",
    "Who said that about the Red Sea?",
    # The text is no speaker.
    "What does the article say about terrorism?",
    # Without "about", only a person's words are asked for: a country or a body,
    # or what a thing "says", is not one.
    "What does Kazakhstan's top diplomat say his country is reaffirming?",
    "What does the way the SCO has grown say it is dedicated to?",
    # With "about" too: a course of events shows, it says nothing.
    "What does the way the SCO has evolved say about its commitment?",
    "What does the SCO's growth say about its appeal?",
    "What did Virgin Media claim BSkyB did?",
    "What did the United States say the tariffs would achieve?",
    "What did the Kremlin say the talks would bring?",
    "Did the EU say it would raise its tariffs?",
    "Did China say it would retaliate?",
    "Did the article say BYD would raise prices?",
    # A writing "stresses" by its text: no one is reported speaking.
    "Does the Energy Strategy emphasize sustainable energy development?",
    "Did the Astana Declaration stress unity?",
    # "state" of a visit or a legislature is no saying.
    "What did Tokayev's state visit to China produce?",
    "What did the Texas State Legislature pass in 1967?",
])
def test_other_questions_ask_no_speech_about_a_topic(question: str) -> None:
    assert speech_asked(question) is None


def test_a_speaker_typed_in_lower_case_that_the_corpus_only_capitalises() -> None:
    question = "did tesla say its going to raise car prices in europe"
    assert speech_asked(question) is None
    topic = "its going to raise car prices in europe"
    assert speech_asked(question, frozenset(("tesla",))) == (
        frozenset(tokenize("tesla")), frozenset(tokenize(topic)))
    # A word that is no English word is a name, whatever the corpus writes.
    assert speech_asked("what did xi jinping say at the meeting") == (
        frozenset(tokenize("xi jinping")), frozenset(tokenize("at the meeting")))
    # Not a form of the corpus's names, nor a short chat word.
    assert speech_asked("what did kazakhstans foreign minister say the talks do",
                        frozenset(("kazakhstan",))) is None
    assert speech_asked("what did the prez say is getting worse") is None


def _reports(texts: list[str], question: str) -> bool:
    asked = speech_asked(question)
    assert asked is not None
    return reports_speech(texts, [set(tokenize(t)) for t in texts], *asked)


SPOKEN = ["The passage through the Red Sea is blocked.",
          "Tokayev noted that 183 conflicts were registered last year.",
          "“Their number grows every year,” he added."]


def test_words_of_the_speaker_on_the_topic_report_it() -> None:
    assert _reports(SPOKEN, "What did Tokayev say about conflicts?")
    # The quotation runs on into the sentence after.
    assert _reports(SPOKEN, "What did Tokayev say about the number of conflicts?")


def test_the_topic_without_the_speaker_or_the_speaker_on_another_topic_do_not() -> None:
    assert not _reports(SPOKEN, "What did Tokayev say about the Red Sea?")
    # Named in the text, but not as saying anything.
    named = ["Tariffs will raise the cost of selling cars for companies such as BYD."]
    assert not _reports(named, "Did BYD say it would raise its car prices?")
    assert _reports(["BYD said it would raise car prices in Europe."],
                    "Did BYD say it would raise its car prices?")
    assert not _reports(SPOKEN, "What did Nurtleu say about conflicts?")
    # Named, but not speaking; quotation marks around a name report no words.
    assert not _reports(["Tokayev met the secretaries about conflicts."],
                        "What did Tokayev say about conflicts?")
    assert not _reports(["Tokayev opened the “Astana Forum” on conflicts."],
                        "What did Tokayev say about conflicts?")
    assert _reports(["Tokayev on conflicts: “They multiply.”"],
                    "What did Tokayev say about conflicts?")


def test_told_at_a_meeting_he_is_not_reported_at() -> None:
    meetings = ["On May 16, Tokayev met with the secretaries of the security councils.",
                "On May 24, a meeting of the heads of security agencies of the CIS "
                "countries took place."]
    question = "What did Tokayev tell the CIS security chiefs at the May 24 meeting?"
    assert not _reports(meetings, question)
    assert _reports(["At a meeting with the CIS security chiefs, Tokayev noted that "
                     "conflicts grew."], question)


def test_those_spoken_to_are_not_the_speaker() -> None:
    met = ["President Tokayev, at a meeting with the security secretaries of the SCO "
           "states, noted that 183 conflicts were registered."]
    assert not _reports(met, "What did the security secretaries of the SCO states tell "
                             "President Tokayev about the conflicts?")
    assert _reports(met, "What did Tokayev tell the security secretaries about the conflicts?")
    # Reported to, the hearers likewise come first.
    assert not _reports(met, "What did the security secretaries report to Tokayev about "
                             "the conflicts?")
    assert _reports(met, "What did Tokayev report to the security secretaries about the "
                         "conflicts?")
    # Named before those spoken to, as the one speaking.
    assert _reports(["The secretaries, at a meeting with Tokayev, noted that conflicts grew."],
                    "What did the secretaries say about the conflicts?")
    # A bare "with" may name who goes on to speak.
    assert _reports(["Tokayev met Xi together with Putin, who said that conflicts grew."],
                    "What did Putin say about conflicts?")


def test_what_someone_said_on_no_topic_needs_them_reported_speaking() -> None:
    assert speech_asked("What did the Secretary General say?") == (
        frozenset({"secretari", "general"}), frozenset())
    listed = ["The summit will be attended by the SCO Secretary General."]
    assert not _reports(listed, "What did the Secretary General say?")
    assert _reports(SPOKEN, "What did Tokayev say?")
    # What the text itself says is asked of it, not of a speaker; so is a writing's.
    assert speech_asked("What did the article say?") is None
    assert speech_asked("What does the SCO Charter say?") is None
    assert speech_asked("What does the energy strategy that Kazakhstan proposed "
                        "emphasize?") is None
