"""What a question asks for."""

from __future__ import annotations

import pytest

from rag.questions import (
    AnswerType,
    answer_type,
    asks_overview,
    asks_source,
    further_kinds,
    plain_question,
    without_kind_noun,
)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("When was the SCO founded?", AnswerType.DATE),
        ("In what year was the SCO founded?", AnswerType.DATE),
        ("Which years does Kazakhstan chair the SCO?", AnswerType.DATE),
        ("How many events did Kazakhstan hold?", AnswerType.NUMBER),
        ("How much more conflicts were there?", AnswerType.NUMBER),
        ("What percentage did tariffs rise?", AnswerType.NUMBER),
        ("How high is Mount Bogong?", AnswerType.NUMBER),
        ("How tall is the Baiterek tower?", AnswerType.NUMBER),
        ("How highly do members rate the bloc?", AnswerType.OTHER),
        ("How cold does this region of Victoria get in winter?", AnswerType.NUMBER),
        # Figures of speech ask for no figure.
        ("How high did tensions run?", AnswerType.OTHER),
        ("How cold did relations get?", AnswerType.OTHER),
        ("How fast did the economy grow?", AnswerType.OTHER),
        ("Who is the President of Kazakhstan?", AnswerType.NAME),
        ("who was the foreign minister", AnswerType.NAME),
        ("What is the motto of the summit?", AnswerType.OTHER),
        ("Why is energy security a priority?", AnswerType.REASON),
        ("For what purpose was the Energy Club created?", AnswerType.REASON),
        # A reason asked for without "why"; "What is the reason to ...?" asks
        # for no cause.
        ("What reason does Brussels give for the levy?", AnswerType.REASON),
        ("What are the main reasons for the growth?", AnswerType.REASON),
        ("What caused the jump in conflicts?", AnswerType.REASON),
        # What led someone to do something, with or without the someone.
        ("What led Kazakhstan to pick May 16 for the meeting?", AnswerType.REASON),
        ("What led to the creation of the SCO?", AnswerType.REASON),
        ("What is the reason to attend?", AnswerType.OTHER),
        ("And what reason was given?", AnswerType.REASON),
        ("Where was the digital forum held?", AnswerType.ENTITY),
        ("Which city was declared the cultural capital?", AnswerType.ENTITY),
        # A town is asked for as a city is ("CITY_Q").
        ("Which town hosts the summit?", AnswerType.ENTITY),
        ("Which countries' leaders will attend?", AnswerType.COUNTRY),
        ("Which nation chairs the SCO?", AnswerType.COUNTRY),
        ("What organizations are new centers of influence?", AnswerType.ENTITY),
        ("Which grouping is a new centre of influence?", AnswerType.ENTITY),
        # A counterpart is as often a country or a body as a person.
        ("Who does the SCO strengthen cooperation with?", AnswerType.ENTITY),
        ("With whom does the SCO cooperate?", AnswerType.ENTITY),
        ("Who did Rome fight against?", AnswerType.ENTITY),
        ("Who agreed with the plan?", AnswerType.NAME),
        # Those brought together are as often groups without a name.
        ("Whom is the inclusive energy policy meant to bring together?", AnswerType.OTHER),
        ("Who does the new corridor connect?", AnswerType.OTHER),
        ("Who brought the members together?", AnswerType.NAME),
        ("Who will unite the factions?", AnswerType.NAME),
        ("What kind of body is the Energy Club?", AnswerType.OTHER),
        ("Can you name any of the famous cultural figures who took part?", AnswerType.NAME),
        ("Name the officials who will attend.", AnswerType.NAME),
        ("What is the name of the summit's declaration?", AnswerType.OTHER),
        # The name of an office holder is a person's.
        ("What is the name of the Kazakh president?", AnswerType.NAME),
        # "Secretary General": the office's last word is no thing.
        ("What is the name of the SCO Secretary General?", AnswerType.NAME),
        ("What is the name of the general assembly?", AnswerType.OTHER),
        # Asked to spell an acronym out; "mean" only as the question's last word.
        ("What does SCO stand for?", AnswerType.EXPANSION),
        ("What is the full name of the SCO?", AnswerType.EXPANSION),
        ("What does the acronym CSTO mean?", AnswerType.EXPANSION),
        ("What does the SCO mean for Kazakhstan?", AnswerType.OTHER),
        ("What does Astana stand for?", AnswerType.OTHER),
        # What or who a name is.
        ("What is the SCO?", AnswerType.DEFINITION),
        ("Who is Murat Nurtleu?", AnswerType.DEFINITION),
        # A few words may describe the noun that says what is asked.
        ("Which six countries founded the bloc?", AnswerType.COUNTRY),
        ("Which Central Asian countries attended?", AnswerType.COUNTRY),
        ("On what exact dates will the summit be held?", AnswerType.DATE),
        ("In which former capital city was the forum held?", AnswerType.ENTITY),
        # ... but not a verb or an article, nor a name ending in such a noun.
        ("What did the countries sign?", AnswerType.OTHER),
        ("Which of the countries joined?", AnswerType.OTHER),
        ("Which top United Nations official was invited?", AnswerType.OTHER),
        # Dates, sums and people asked for by other nouns.
        ("What time span does the strategy cover?", AnswerType.DATE),
        ("What are the exact dates of the summit?", AnswerType.DATE),
        ("What is the budget of the strategy?", AnswerType.NUMBER),
        ("Which well-known cultural figures took part?", AnswerType.NAME),
        ("Which famous cultural and scientific figures took part?", AnswerType.NAME),
        # Figures someone cites are numbers; figures doing something are people.
        ("Which conflict figures did Foreign Minister Nurtleu cite?", AnswerType.NUMBER),
        ("What statistics did Tokayev give on conflicts?", AnswerType.NUMBER),
        ("Which figures were cited on conflicts?", AnswerType.NUMBER),
        ("Which well-known figures gave speeches?", AnswerType.NAME),
        ("Which figures did Tokayev meet?", AnswerType.NAME),
        ("What French physicist discovered radium?", AnswerType.NAME),
        ("What did the leaders sign?", AnswerType.OTHER),
        ("What are the dates telling us?", AnswerType.OTHER),
        # A verb, a determiner: no modifier of the noun.
        ("What happened that year?", AnswerType.OTHER),
        ("What unites these countries?", AnswerType.OTHER),
        ("What makes these cities unique?", AnswerType.OTHER),
        ("What worries people most?", AnswerType.OTHER),
        ("What brought leaders together?", AnswerType.OTHER),
        # Title and upper case keep their type.
        ("Which Countries Joined The SCO?", AnswerType.COUNTRY),
        ("WHICH COUNTRIES JOINED?", AnswerType.COUNTRY),
        ("What Year Was The SCO Founded?", AnswerType.DATE),
        # A person's name asked by whose it is.
        ("What is the Kazakh foreign minister's name?", AnswerType.NAME),
        ("What's the president's full name?", AnswerType.NAME),
        ("What is the policy's name?", AnswerType.OTHER),
        ("What is the secretary general's name?", AnswerType.NAME),
        ("What was the founders' name?", AnswerType.NAME),
        ("What was the president's name change about?", AnswerType.OTHER),
        ("What is the name of the man whose wife's name is Anna?", AnswerType.NAME),
        # Of several sentences, the question is the one asking.
        ("Hi! When was the SCO founded?", AnswerType.DATE),
        ("How many members are there? Please answer briefly.", AnswerType.NUMBER),
        ("Tell me about the summit. Where is it held?", AnswerType.ENTITY),
    ],
)
def test_answer_type(question: str, kind: AnswerType) -> None:
    assert answer_type(question) is kind


def test_the_name_of_an_office_holder_is_a_persons() -> None:
    assert answer_type("What is the name of the Kazakh president?") is AnswerType.NAME
    assert answer_type("What is the name of the man who became president?") \
        is AnswerType.NAME
    # The name of a policy, whoever announced it, is no person's; nor is an
    # "official language" an official.
    assert answer_type("What is the name of the policy the president announced?") \
        is AnswerType.OTHER
    assert answer_type("What is the name of the official language?") is AnswerType.OTHER


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        ("Tell me when the SCO was founded", "when the SCO was founded"),
        ("Could you please tell me who chairs the SCO?", "who chairs the SCO?"),
        ("Okay, so do you know how many members it has?", "how many members it has?"),
        ("Thanks. I wonder why Kazakhstan cares.", "Thanks. why Kazakhstan cares."),
        ("According to the article, when was it founded?", "when was it founded?"),
        ("When was it founded, according to the text?", "When was it founded?"),
        ("What does the writer say the bloc gives?", "What does  the bloc gives?"),
        ("Is BYD mentioned in the article?", "Is BYD?"),
        # What the document mentions is asked about; so is a text of something.
        ("Who is mentioned?", "Who is mentioned?"),
        # A participle saying the document tells of it goes with the reference.
        ("In which city will the summit discussed in the article take place?",
         "In which city will the summit take place?"),
        ("What topics are discussed in the article?", "What topics are discussed?"),
        ("What is in the text of the Astana Declaration?",
         "What is in the text of the Astana Declaration?"),
        ("What did the document's authors sign?", "What did the document's authors sign?"),
        # A dot ending an abbreviation starts no sentence.
        ("When did the U.S. state the tariffs would rise?",
         "When did the U.S. state the tariffs would rise?"),
        # An order asks what "Which ...?" asks.
        ("Name the president of Kazakhstan", "Which president of Kazakhstan"),
        ("Give me the date the SCO was founded.", "Which date the SCO was founded."),
        ("List all the countries attending", "Which countries attending"),
        # An owner after "the" is known: the order asks what its things are.
        ("Can you list the SCO's 14 dialogue partners?",
         "What are the SCO's 14 dialogue partners?"),
        ("List the organisation's main aims as the article sets them out.",
         "What are the organisation's main aims as the article sets them out."),
        ("could you please name the observer states", "Which observer states"),
        # Words about a text that is not the document stay: they are what is asked.
        ("Who is the author of the book?", "Who is the author of the book?"),
        ("Who wrote the text of the treaty?", "Who wrote the text of the treaty?"),
        ("Well-known figures who attended?", "Well-known figures who attended?"),
        # Courtesy at the end; the question's mark stays.
        ("Who chairs the SCO, please?", "Who chairs the SCO?"),
        ("When was the SCO founded? Thank you!", "When was the SCO founded?"),
        ("list the dialogue partners pls", "Which dialogue partners"),
        ("when was it founded, thanks a lot", "when was it founded"),
        # Not when the words are what is asked about.
        ("Who said thank you?", "Who said thank you?"),
        ("What did Tokayev give thanks for?", "What did Tokayev give thanks for?"),
        ("wait, what does CICA stand for", "what does CICA stand for"),
        # Doubt voiced before the question asks nothing.
        ("Really? Has the UN Secretary General confirmed it?",
         "Has the UN Secretary General confirmed it?"),
        ("seriously, who chairs the SCO", "who chairs the SCO"),
        # Asked whether, indirectly: asked as a yes/no question.
        ("I'd like to know whether Tesla has said it will raise prices.",
         "has Tesla said it will raise prices."),
        ("do you know if the summit will be held in Astana",
         "will the summit be held in Astana"),
        ("whether or not it matters", "whether or not it matters"),
        # Opening the question, "if" sets a condition.
        ("If the SCO is weak, why do members stay?", "If the SCO is weak, why do members stay?"),
        # "y" opening a question is "why".
        ("y is the energy club only advisory", "why is the energy club only advisory"),
        ("Y is it?", "Y is it?"),
        ("Hmm, who chairs the SCO?", "who chairs the SCO?"),
        # A "Wait" that is the question's own word stays.
        ("Wait times at the border?", "Wait times at the border?"),
        # Contractions typed without their apostrophe, read as meant.
        ("wheres the sco secretariat based", "where's the sco secretariat based"),
        ("Whats the motto? Didnt Kazakhstan propose it?",
         "What's the motto? Didn't Kazakhstan propose it?"),
        ("why cant they agree", "why can't they agree"),
        ("hows the summit going, and whos coming", "how's the summit going, and who's coming"),
        # Chat spellings, in lower case only.
        ("why does tokayev think u can keep ur country safe",
         "why does tokayev think you can keep your country safe"),
        ("how many regional n local conflicts r there bc of it",
         "how many regional and local conflicts are there because of it"),
        ("Who is R. Tokayev? What did U Thant say?", "Who is R. Tokayev? What did U Thant say?"),
        ("Which n-grams w/o stop words?", "Which n-grams without stop words?"),
        ("how many events did kazakhstan run b4 the summit",
         "how many events did kazakhstan run before the summit"),
        ("what yr was the bloc set up, n which intl groups r there",
         "what year was the bloc set up, and which international groups are there"),
        ("which other orgs is the sco working with, n which org leads",
         "which other organizations is the sco working with, and which organization leads"),
        ("what did the u.s. say, n.b. in july", "what did the u.s. say, n.b. in july"),
        # Words of their own stay: "wont", "its", a form inside a longer word.
        ("Is it its wont to meet?", "Is it its wont to meet?"),
        ("Which whatsoever dont-care flags?", "Which whatsoever dont-care flags?"),
        # Nothing but a lead-in, or courtesy: the question as typed.
        ("Tell me", "Tell me"),
        ("thanks", "thanks"),
    ],
)
def test_words_that_ask_nothing_are_left_out(question: str, plain: str) -> None:
    assert plain_question(question) == plain


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Tell me when the SCO was founded", AnswerType.DATE),
        ("In which venue in Astana will the leaders meet?", AnswerType.ENTITY),
        ("Do you know who the president of Kazakhstan is?", AnswerType.NAME),
        ("According to the text, where will the summit be held?", AnswerType.ENTITY),
        # Where it ranks asks for a rank ("second"), not a place.
        ("Where according to gross state product does Victoria rank in Australia?",
         AnswerType.OTHER),
        ("Where is Kazakhstan ranked among the members?", AnswerType.OTHER),
        ("Name the president of Kazakhstan", AnswerType.NAME),
        ("List the countries attending the summit", AnswerType.COUNTRY),
        ("Name all the SCO member states.", AnswerType.COUNTRY),
        # Not which organisation's: the organisation is known.
        ("List the organisation's main aims.", AnswerType.OTHER),
        ("Hi! Can you tell me why Kazakhstan joined?", AnswerType.REASON),
        # With no question mark anywhere, a later sentence may be the question.
        ("Hi. Tell me when the SCO was founded", AnswerType.DATE),
        ("wheres the summit held", AnswerType.ENTITY),
        # A statement first, set off by a dash, a semicolon or ", so".
        ("The free trade zone has been running for years - when was it launched?",
         AnswerType.DATE),
        ("It has grown a lot; how many members does it have now?", AnswerType.NUMBER),
        ("I read the article, so who chairs the SCO?", AnswerType.NAME),
        ("Wait, when was the SCO founded?", AnswerType.DATE),
    ],
)
def test_a_lead_in_does_not_hide_what_is_asked(question: str, kind: AnswerType) -> None:
    assert answer_type(question) is kind


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("What time did the meeting start?", AnswerType.DATE),
        ("What time zone is Astana in?", AnswerType.OTHER),
        ("SCO founding year", AnswerType.DATE),
        ("Number of SCO member states", AnswerType.NUMBER),
        ("dialogue partners count", AnswerType.NUMBER),
        ("Kazakhstan foreign minister", AnswerType.NAME),
        ("President of Kazakhstan", AnswerType.NAME),
        ("SCO secretary-general.", AnswerType.NAME),
        ("sco secretary general name", AnswerType.NAME),
        ("kazakh foreign minister full name?", AnswerType.NAME),
        # A question mark after keywords asks as much.
        ("astana summit date?", AnswerType.DATE),
        ("kazakhstan foreign minister?", AnswerType.NAME),
        ("dialogue partners count??", AnswerType.NUMBER),
        ("SCO energy club?", AnswerType.OTHER),
        ("kazakhstan sco chairmanship years", AnswerType.DATE),
        # A span of time is no date asked for.
        ("sco role over the years", AnswerType.OTHER),
        ("sco growth in recent years", AnswerType.OTHER),
        ("What is the number of observer states?", AnswerType.NUMBER),
        # A question, not keywords: its own words say what it asks.
        ("What happened this year?", AnswerType.OTHER),
        ("Which number of the magazine?", AnswerType.OTHER),
        # Keywords naming no kind of answer, or not as their head.
        ("SCO energy club", AnswerType.OTHER),
        ("Foreign minister's statement on the summit", AnswerType.OTHER),
        ("Speech of the president of Kazakhstan on energy", AnswerType.OTHER),
        ("Statement by the foreign minister", AnswerType.OTHER),
        ("Presidential elections", AnswerType.OTHER),
        ("Minister name change", AnswerType.OTHER),
        ("Up-to-date list of SCO members", AnswerType.OTHER),
        ("Leaders who attended the summit this year", AnswerType.OTHER),
        ("Explain why the vote count was disputed", AnswerType.OTHER),
        ("Summarize the summit. What was decided this year", AnswerType.OTHER),
        ("What time-saving features exist?", AnswerType.OTHER),
    ],
)
def test_keywords_say_what_kind_of_answer_they_want(question: str, kind: AnswerType) -> None:
    assert answer_type(question) is kind


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        # The first kind is answer_type's (a date is asked first of all kinds).
        ("Which country became the SCO's ninth full member, and in what year?",
         (AnswerType.COUNTRY,)),
        ("Who founded the SCO and when?", (AnswerType.DATE,)),
        ("When and where was it founded?", (AnswerType.ENTITY,)),
        # One thing asked, or two of one kind or of none.
        ("When was the SCO founded?", ()),
        ("Which countries and organisations attend?", ()),
        ("When was it founded and when did Iran join?", ()),
        ("What does the SCO do and why does it matter?", ()),
    ],
)
def test_further_things_asked_and_their_kinds(question: str,
                                              kinds: tuple[AnswerType, ...]) -> None:
    assert further_kinds(question) == kinds


def test_the_noun_naming_the_kind_of_answer_is_no_word_to_look_for() -> None:
    assert without_kind_noun("In which city is the summit?") == "In which is the summit?"
    assert without_kind_noun("What year did the SCO begin?") == "What did the SCO begin?"
    assert without_kind_noun("Which two countries are observers?") == "Which two are observers?"
    # A city's country, by its demonym, goes with the noun: the sentence naming the
    # city need not name it.
    assert without_kind_noun("Which Kazakh city will host it?") == "Which will host it?"
    assert without_kind_noun("Which big Kazakh city hosts it?") == "Which big hosts it?"
    # "the countries" here are what is asked about, not the kind of answer.
    assert without_kind_noun("What did the countries sign?") == "What did the countries sign?"
    # Nor is a word a compound begins with.
    assert without_kind_noun("What year-end report was due?") == "What year-end report was due?"
    # Nor does it ask for a date.
    assert answer_type("Which years-long conflict did the SCO discuss?") is not AnswerType.DATE


@pytest.mark.parametrize(("question", "asks"), [
    ("who wrote this sco astana piece", True),
    ("Which research centre is this analysis credited to?", True),
    ("Who is the author of this article?", True),
    ("Who was this article written by?", True),
    ("Which organization is this text from?", True),
    ("Who is this piece by?", True),
    ("Which institution is credited at the bottom of the piece?", True),
    ("Which organisation is credited at the very end of the piece?", True),
    ("Who is credited with the article?", True),
    ("Which organisation is credited with this analysis?", True),
    ("Who gets credit for this piece?", True),
    ("Who wrote this?", True),
    ("Who produced this report?", True),
    ("who put out this article", True),
    ("Which body released this analysis?", True),
    ("Who was this piece issued by?", True),
    # The particle after the document, and an adverb before the verb.
    ("Who actually put this piece out?", True),
    ("who really wrote this article", True),
    # Who stands behind it: its source.
    ("Who's actually behind this article?", True),
    ("who is behind this piece", True),
    # Who wrote or is credited with something the document reports.
    ("Who wrote the Astana Declaration?", False),
    ("Who published the report on conflicts?", False),
    ("Who put out the report on conflicts?", False),
    ("Who wrote the statement in the article?", False),
    ("When was this article released?", False),
    ("Who is credited with the idea of a security belt in the article?", False),
    ("What is written about terrorism in the article?", False),
    ("Who is credited in the article with the idea?", False),
    ("Who was the summit held by?", False),
    ("What is the report cited in the article by?", False),
    ("Who is credited with the idea in the article?", False),
    ("Who is credited with founding the SCO?", False),
    # When, where, why or how it was written asks no one.
    ("When was the article published?", False),
    ("Where was this piece written?", False),
    ("how was the article produced", False),
    ("Who heads the China Studies Centre that published this analysis?", False),
    # An adverb is no verb of writing.
    ("Who actually heads the centre that published this analysis?", False),
    ("Who put the report on conflicts out?", False),
    # What lies behind it, or who is behind something it reports.
    ("What is behind this article?", False),
    ("Who is behind the idea in the article?", False),
])
def test_asks_who_wrote_the_document(question: str, asks: bool) -> None:
    assert asks_source(question) is asks


@pytest.mark.parametrize("question", [
    "What is this article about?", "what's it about", "Whats the document about",
    "Tell me what the article is about, thanks", "What does the article discuss?",
    "Summarize the text", "summarise it for me", "Give me a summary", "summary?",
    "tl;dr", "TLDR", "What is the main topic?", "What is the main point of the article?",
    "What is the article's main argument?", "What topics does the piece cover?",
    "Could you tell me what this text is about?", "What is this about?",
    "give me an overview of the article", "What's the gist?",
    "Please summarize this document.", "What are these documents about?",
    "Can you summarize the article?", "Summarize the text please", "Briefly summarize it",
    "Provide a summary", "What are the key takeaways?", "In short, what is the article about?",
    "TLDR please", "What is this report about?", "What topics are discussed in the article?",
    "Which issues are mainly covered in this piece?",
    # Typos of the words it is asked with, which the corpus need not hold.
    "summerize the article", "waht is this artcle about", "Summerise the txt please",
    "give me a sumary", "overveiw of the documnet", "What's the main tpoic?",
])
def test_asks_what_the_document_is_about(question: str) -> None:
    assert asks_overview(question)


@pytest.mark.parametrize("question", [
    # About something in the document, not the document.
    "What does the article say about Iran?", "What is the SCO about?",
    "What is the summit about?", "What is the main goal of the SCO?",
    "Which three themes does the article highlight as expectations for the gathering?",
    "What is the point of the Investment Fund?", "What topics will the summit discuss?",
    "What topics were discussed in the summit's preparatory events?",
    "What is the summary of the Astana Declaration?", "Who wrote this piece?",
    "how is the SCO described at the start of the article?",
    "What is it about Kazakhstan that attracts China?",
    # "The report", "the story": something the document may tell of, unless "this".
    "What does the report say?", "What is the report about?", "What does the analysis say?",
    "What is its report about?", "What is the passage about?",
    # Typos read as the words an overview is asked with only: an English word is
    # no typo ("test"), and another word's typo stays one ("reprot", "sumit").
    "What is this test about?", "What does the reprot say?", "What is the sumit about?",
    "What is the summary of the Astana Declaratoin?",
])
def test_asks_about_something_in_the_document(question: str) -> None:
    assert not asks_overview(question)
