"""Offices: who holds one, and the office a question gives someone."""

from __future__ import annotations

import pytest

from rag.lexical import tokenize
from rag.offices import (
    asked_succession,
    heard_ranks,
    misplaced_office,
    other_rank,
    tells_handover,
    titles_by_person,
    unheard_rank,
)

TEXT = ("As Kazakh Foreign Minister Murat Nurtleu noted, the talks matter. President of "
        "Kazakhstan K. Tokayev spoke at the meeting.")


@pytest.mark.parametrize(("question", "given"), [
    # An office tied to someone the text titles otherwise: after "as" or "when he
    # was", or before the name.
    ("What did Murat Nurtleu say back when he was Kazakhstan's prime minister?",
     ("prime minister", "Murat Nurtleu")),
    ("What did Prime Minister Murat Nurtleu say?", ("prime minister", "Murat Nurtleu")),
    ("What did Kazakh President Murat Nurtleu say?", ("president", "Murat Nurtleu")),
    ("What did Tokayev say as foreign minister?", ("foreign minister", "Tokayev")),
    ("What did Tokayev tell Prime Minister Nurtleu?", ("prime minister", "Nurtleu")),
    # The office the text gives, or one of its words; one the question does not
    # tie to anyone; a bare "leader"; no one the text titles.
    ("What did Foreign Minister Murat Nurtleu say?", None),
    ("What did Nurtleu say as minister?", None),
    ("What did Tokayev say as president?", None),
    ("What did Tokayev tell Foreign Minister Nurtleu?", None),
    ("What did Nurtleu say about the president?", None),
    ("What did Tokayev say as leader?", None),
    ("What did Prime Minister Jane Porter say?", None),
    # The office is someone else's: the name after it, or another office.
    ("Did Nurtleu meet President Tokayev?", None),
    ("What did Tokayev tell Prime Minister Jane Porter?", None),
    ("What did Murat Nurtleu say about the UN Secretary General's role?", None),
    # Two people named: "when he was" could be either.
    ("What did Tokayev tell Nurtleu when he was prime minister?", None),
])
def test_an_office_the_text_does_not_give_the_person(question: str,
                                                    given: tuple[str, str] | None) -> None:
    assert misplaced_office(question, titles_by_person([TEXT])) == given


def test_a_person_may_hold_several_titles() -> None:
    titles = titles_by_person(["Kazakh Foreign Minister Murat Nurtleu spoke. Later, the "
                               "Kazakh Deputy Prime Minister Murat Nurtleu replied."])
    assert misplaced_office("What did Foreign Minister Murat Nurtleu say?", titles) is None
    assert misplaced_office("What did Deputy Prime Minister Murat Nurtleu say?", titles) is None
    assert misplaced_office("What did Nurtleu say as president?", titles) == (
        "president", "Nurtleu")


def test_the_person_is_shown_once_as_written() -> None:
    assert misplaced_office("What did Nurtleu’s team say when Nurtleu was president? "
                            "What did Nurtleu say as president?", titles_by_person([TEXT])) == (
        "president", "Nurtleu")


QUOTED = ("As Kazakh Foreign Minister Murat Nurtleu noted: “The upcoming negotiations "
          "are intended to open a new milestone.”")


@pytest.mark.parametrize(("question", "sentence", "ranks"), [
    ("What did Kazakhstan's prime minister say the upcoming negotiations would open?",
     QUOTED, ("prime minister", "Foreign Minister")),
    ("Who is the deputy director?", "The Executive Director of the structures spoke.",
     ("deputy director", "Executive Director")),
])
def test_another_rank_of_the_office_asked_about(question: str, sentence: str,
                                                ranks: tuple[str, str]) -> None:
    assert other_rank(question, sentence) == ranks


@pytest.mark.parametrize(("question", "sentence"), [
    # The same rank, or the office not ranked on one side.
    ("What did Kazakhstan's foreign minister say?", QUOTED),
    ("What did the minister say?", QUOTED),
    ("What did the prime minister say?", "The minister spoke."),
    # No rank word: "SCO energy ministers" is a rank the question gives.
    ("Who is the energy minister?", "SCO energy ministers signed a joint statement."),
    # The question asks of the other rank too.
    ("Did the SCO energy ministers or foreign ministers sign the 2023 statement?",
     "SCO energy ministers signed a statement. Foreign Minister Nurtleu spoke."),
    # The sentence gives the asked rank too.
    ("What did the prime minister say?", "The Prime Minister and the Foreign Minister spoke."),
])
def test_the_same_rank_or_none_given(question: str, sentence: str) -> None:
    assert other_rank(question, sentence) is None


def test_a_rank_no_sentence_of_the_corpus_gives() -> None:
    corpus = [set(tokenize(text)) for text in (
        "As Kazakh Foreign Minister Murat Nurtleu noted, the talks matter.",
        "The SCO Secretary General will attend.", "Energy ministers met in 2023.")]
    heard = heard_ranks(corpus)
    assert ("foreign", "minist") in heard
    # Either order, within one sentence: "Secretary General".
    assert ("general", "secretari") in heard
    assert unheard_rank("What was decided at the SCO defence ministers meeting?",
                        heard) == "defence ministers"
    assert unheard_rank("What did the prime minister say?", heard) == "prime minister"
    # Heard, or ranking no office.
    assert unheard_rank("What did the foreign minister say?", heard) is None
    assert unheard_rank("Who is the general secretary?", heard) is None
    assert unheard_rank("What did the energy ministers sign?", heard) is None
    assert unheard_rank("What did the minister say?", heard) is None
    # The first of an office, not its rank.
    assert unheard_rank("Who served as the SCO's first Secretary General?", heard) is None


@pytest.mark.parametrize(("question", "asked"), [
    ("Which country takes over the SCO chairmanship from Kazakhstan?", "takes over"),
    ("Who will take over the chair after Kazakhstan?", "will take over"),
    ("Who succeeded Nazarbayev?", "succeeded"),
    ("Who is Kazakhstan's successor as chair?", "successor"),
    # Managing to, not following someone.
    ("Did the SCO succeed in reducing conflicts?", None),
    ("Who chairs the SCO?", None),
])
def test_a_question_asking_who_holds_something_next(question: str, asked: str | None) -> None:
    assert asked_succession(question) == asked


def test_a_handover_told() -> None:
    assert tells_handover("Kazakhstan will hand over the chairmanship to China.")
    assert tells_handover("The presidency rotates among members every year.")
    assert tells_handover("Kazakhstan passes the chair to China in July.")
    assert not tells_handover("Kazakhstan, which chairs the SCO in 2023-2024, is active.")
    assert not tells_handover("The event will be attended by heads of state of India.")
