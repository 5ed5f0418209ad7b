"""Definition questions: the subject asked about and the words saying what it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.definitions import Subject, asked_subject, definition
from rag.engine import Engine
from rag.schema import Document


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("What is the SCO?", Subject("SCO", person=False)),
        ("what is the Energy Club", Subject("Energy Club", person=False)),
        ("What is Apollo 11?", Subject("Apollo 11", person=False)),
        ("Who is K. Tokayev?", Subject("K. Tokayev", person=True)),
        ("Who is Pat O'Connell?", Subject("Pat O'Connell", person=True)),
        # A name asked for, not a definition: an office, a title, an owner.
        ("Who is the President of Kazakhstan?", None),
        ("Who is President Tokayev?", None),
        ("Who is CEO Jane Porter?", None),
        ("Who is Tesla's CEO?", None),
        ("What is Kazakhstan's GDP?", None),
        # More than a name: the question asks something of it.
        ("What is the capital of France?", None),
        ("Who was Tokayev addressing when he spoke?", None),
        ("Who is VideoGuard owned by?", None),
        ("Who are Rob Curran and Tim Machado?", None),
        ("Who is He?", None),
        ("What is A?", None),
        ("What is 2001?", None),
    ],
)
def test_asked_subject(question: str, subject: Subject | None) -> None:
    assert asked_subject(question) == subject


@pytest.mark.parametrize(
    ("question", "sentence", "said"),
    [
        # After the subject opening a clause: a copula or an apposition.
        ("What is the SCO?", "In conclusion, the SCO represents a beacon of hope.",
         "a beacon of hope"),
        ("What is the SCO?", "The SCO, as a growing organization in Eurasia, provides help.",
         "a growing organization in Eurasia"),
        # Spelled out for an acronym, and the other way round.
        ("What is the SCO?", "The Shanghai Cooperation Organization has become a key force.",
         "a key force"),
        ("What is the Shanghai Cooperation Organization?", "The SCO remains the largest bloc.",
         "the largest bloc"),
        # Its head noun after "the", an adverb before what it is, a clause after
        # "although", and a phrase between commas before the verb.
        ("What is the Energy Club?", "Although the club is primarily an advisory body, it met.",
         "an advisory body"),
        ("What is the Energy Club?", "The club is an advisory body.", "an advisory body"),
        ("What is the SCO?", "The SCO is primarily a security bloc.", "a security bloc"),
        ("What is the SCO?", "Although the SCO is a young body, it grew.", "a young body"),
        ("What is the Danube Delta?", "The Danube Delta, in Romania and Ukraine, is the best "
         "preserved river delta in Europe.", "the best preserved river delta in Europe"),
        # A title before a person's name, without the name's initial or an opening "As".
        ("Who is Tokayev?", "President of Kazakhstan K. Tokayev, at a meeting, noted it.",
         "President of Kazakhstan"),
        ("Who is Murat Nurtleu?", "As Kazakh Foreign Minister Murat Nurtleu noted: “Yes.”",
         "Kazakh Foreign Minister"),
        # From the first title word and the country whose it is; not "Yesterday",
        # nor the capital where it was said.
        ("Who is Murat Nurtleu?", "Yesterday Kazakh Foreign Minister Murat Nurtleu said so.",
         "Kazakh Foreign Minister"),
        ("Who is Tokayev?", "In Astana President Tokayev said so.", "President"),
        # A description before the name.
        ("Who was Pierre Curie?", "In 1895 she married the French physicist Pierre Curie.",
         "the French physicist"),
        ("What is Nordfracht?", "Its largest customer is the logistics group Nordfracht.",
         "the logistics group"),
    ],
)
def test_definition(question: str, sentence: str, said: str) -> None:
    subject = asked_subject(question)
    assert subject is not None
    span = definition(sentence, subject)
    assert span is not None and sentence[span[0] : span[1]] == said


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        # Sentences about the subject that do not say what it is.
        ("What is the SCO?", "The SCO’s prospects look promising."),
        ("What is the SCO?", "The SCO was founded in 2001."),
        ("What is the SCO?", "The evolution of the SCO is a long story."),
        ("What is the Astana Declaration?", "It will review the draft Astana Declaration."),
        ("What is the Energy Club?", "It is the creation of the SCO Energy Club."),
        ("Who is Tokayev?", "Tokayev spoke at length."),
        # Hedged, negated or supposed: not what it is.
        ("What is the SCO?", "The SCO is hardly a military alliance."),
        ("What is the SCO?", "If the SCO were a military alliance, NATO would respond."),
    ],
)
def test_no_definition(question: str, sentence: str) -> None:
    subject = asked_subject(question)
    assert subject is not None
    assert definition(sentence, subject) is None


def test_a_sentence_saying_what_the_subject_is_answers(engine: Engine) -> None:
    # Without the rule, "The SCO’s prospects look promising, ..." came first.
    answer = engine.ask("What is the SCO?")
    assert not answer.abstained
    assert answer.answer in ("a beacon of hope and cooperation in an increasingly "
                             "interconnected but unpredictable world",
                             "a key force in shaping regional stability and global cooperation")
    who = engine.ask("Who is K. Tokayev?")
    assert not who.abstained and who.answer == "President of Kazakhstan"


def test_a_description_before_a_name_answers_who(tmp_path: Path, engine: Engine) -> None:
    document = Document("curie.md", "Marie Curie studied radioactivity. In 1895 she married "
                                    "the French physicist Pierre Curie.")
    curie = Engine(engine.settings, index_dir=tmp_path, documents=[document],
                   embedder=engine.embedder)
    answer = curie.ask("Who was Pierre Curie?")
    assert not answer.abstained and answer.answer == "the French physicist"
    quote = answer.quotes[0]
    assert document.text[quote.start : quote.end] == quote.text
