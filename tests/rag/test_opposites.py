import pytest

from rag.opposites import (
    opposed,
    opposed_change,
    opposed_degree,
    opposed_near,
    opposed_phrase,
    opposed_rank,
)


@pytest.mark.parametrize(("question", "sentence", "words"), [
    # SQuAD v2.0's way of making a question unanswerable: one word turned round.
    ("When was the digital service unofficially launched?",
     "The digital service was officially launched on 1 October 1998.",
     ("unofficially", "officially")),
    ("How many subscribers were lost within two months?",
     "Within two months, BSkyB gained 400,000 new subscribers.", ("lost", "gained")),
    # A stop word ("most") counts.
    ("What was the UK's least popular TV service?",
     "It was the UK's most popular digital TV service.", ("least", "most")),
    # An opening against a closure.
    ("When will Holden open its Victoria plant?",
     "Closure announcements by Ford, Toyota and Holden mean the plants will shut.",
     ("open", "closure")),
    # A direction across the asked one.
    ("What desert is to the south near Nevada?",
     "To the east is the Mojave Desert at the border with Nevada.", ("south", "east")),
    ("Which western towns grew?", "The northern towns grew fast.", ("western", "northern")),
    # A trend or an outlook turned round.
    ("Why is the threat of international terrorism easing?",
     "Amid growing global conflicts, the threat of international terrorism is intensifying.",
     ("easing", "intensifying")),
    ("Why are the SCO's prospects bleak?",
     "The SCO's prospects look promising, given the current initiatives.",
     ("bleak", "promising")),
    # Opportunities or relations said to get worse; a compound's last word.
    ("How are growing opportunities for maritime trade changing security needs?",
     "Transit states need security against the backdrop of deteriorating opportunities "
     "for maritime trade.", ("growing", "deteriorating")),
    ("How has the warming of relations with the Atlantic bloc affected land routes?",
     "Another factor is the deterioration of relations with the Atlantic bloc.",
     ("warming", "deterioration")),
    ("Which fuel-exporting countries does the energy policy unite?",
     "The policy brings together developing and fuel-consuming countries.",
     ("exporting", "consuming")),
    ("Which smaller countries support the initiatives?",
     "Middle powers advance initiatives, which can be supported by larger countries.",
     ("smaller", "larger")),
    # Irregular forms of one side: "won" and "lose" are "win" and "lost".
    ("When did the team lose?", "The team won the cup in 1966.", ("lose", "won")),
    # "Oppose" turns round what one proposes, as what one supports.
    ("Why did Kazakhstan oppose an SCO energy strategy?",
     "Kazakhstan proposed to adopt the SCO energy strategy.", ("oppose", "proposed")),
    # ... and "reject" what one adopts.
    ("Why did Kazakhstan reject the proposed SCO energy strategy?",
     "Kazakhstan proposed to adopt the SCO energy strategy.", ("reject", "adopt")),
    # A trend turned round, and an irregular form of the other side.
    ("Why is the threat of terrorism weakening?",
     "Against the backdrop of growing conflicts, the threat of terrorism is intensifying.",
     ("weakening", "intensifying")),
    ("Why did the SCO shrink?", "The organization has grown from six members to nine.",
     ("shrink", "grown")),
    # A passage reopened, where the text has it blocked.
    ("Which sea's reopening is letting shipping companies consolidate their routes?",
     "The very fact of blocking the passage of goods through the Red Sea forces companies "
     "to diversify transport routes.", ("reopening", "blocking")),
    ("Why is the SCO planning to dissolve its fund?", "The SCO plans to create a fund.",
     ("dissolve", "create")),
    ("Which company had a short legal battle with the Commission?",
     "Following a lengthy legal battle with the Commission, its monopoly ended.",
     ("short", "lengthy")),
    ("Why does the SCO want to increase its dependence on external currencies?",
     "This helps reduce dependence on external currencies.", ("increase", "reduce")),
    ("How will the SCO widen the digital divide?", "The SCO will reduce the digital divide.",
     ("widen", "reduce")),
    ("Which tariffs did the EU cut on electric vehicles?",
     "The EU will introduce additional tariffs of 38.1% on electric vehicles.",
     ("cut", "introduce")),
    ("How does the SCO plan to slow down the energy transition?",
     "The country calls for coordination of efforts to ensure the energy transition.",
     ("slow", "ensure")),
    ("Why are hopes for this summit so modest?",
     "Expectations from the upcoming summit are especially high.", ("modest", "high")),
    ("How does the SCO plan to deepen its members' dependence on external currencies?",
     "This helps reduce dependence on external currencies.", ("deepen", "reduce")),
    ("Why did the EU drop its tariffs?", "The EU will introduce tariffs of 38.1%.",
     ("drop", "introduce")),
    # A number dropping is one growing.
    ("By how much did regional conflicts drop?",
     "Against the backdrop of growing regional conflicts, terrorism is intensifying.",
     ("drop", "growing")),
    # Nouns of a trend, and a body that advises binds no one.
    ("How has the improvement in relations encouraged land routes?",
     "Another factor pushing land routes is the deterioration of relations.",
     ("improvement", "deterioration")),
    # Praise is no criticism, a median no average, a week no year.
    ("Who commended the operations before the committee?",
     "Michael Grade criticized the operations before the committee.",
     ("commended", "criticized")),
    ("What is the median temperature in winter?",
     "Average temperatures are less than 9 °C in winter.", ("median", "average")),
    ("What were the weekly carriage fees?", "The agreements include annual carriage fees.",
     ("weekly", "annual")),
    # A figure "a day" is a daily one; "annually" is "annual".
    ("How many daily visitors does the museum get?",
     "It gets roughly 100,000 visitors weekly.", ("daily", "weekly")),
    ("Where does the commission meet monthly?", "The commission meets annually in Budapest.",
     ("monthly", "annually")),
    # "Dropped by 12 percent" fell; it is no visit.
    ("How much did river traffic grow last year?",
     "Last year, river traffic on the Rhine dropped by 12 percent.", ("grow", "dropped")),
    # Losing is the other way from growing; a verb against its opposite's noun.
    ("How many members has the group lost since it was founded?",
     "Founded in 2001, the organization has grown from six members to nine member states.",
     ("lost", "grown")),
    ("Which relations with the Atlantic bloc are improving?",
     "Another factor is the deterioration of relations with the Atlantic bloc.",
     ("improving", "deterioration")),
    ("How will the EU tariffs lower the cost of selling cars?",
     "The tariffs will lead to an increase in the cost of selling cars.", ("lower", "increase")),
    ("when is the EU lowering its tariffs?",
     "The EU will raise its tariffs next month.", ("lowering", "raise")),
    # A hyphened "pro-" turned into "anti-".
    ("Where were the pro-Chinese riots?",
     "There was not the level of anti-Chinese violence seen at the Lambing Flat riots.",
     ("pro-chinese", "anti-chinese")),
    ("What sanctions can the binding body impose?",
     "Although the club is primarily an advisory body, it coordinates policies.",
     ("binding", "advisory")),
    # What happened before or after something is not what happened during it.
    ("Which city was the cultural capital before Kazakhstan took the chair?",
     "During the presidency of Kazakhstan, Almaty was declared the cultural capital.",
     ("before", "during")),
    # "non-" and "un-" deny the word after them, either way round.
    ("Which country is a non-member?", "Turkey is a member of the group.",
     ("non-member", "member")),
    ("Which states are members?", "The states are non-members of the group.",
     ("members", "non-members")),
    ("What is the member status of Turkey?", "Turkey is one of the non-members.",
     ("member", "non-members")),
    # A qualifier turned round only where it qualifies its noun: a single currency
    # is no national one.
    ("What common currency did the SCO launch to replace the dollar?",
     "The SCO develops the use of national currencies in payments.", ("common", "national")),
    ("How will the planned single trade currency work?",
     "The SCO develops the use of national currencies in payments.", ("single", "national")),
    # The adjective against the verb; a cut in two words, as the question writes it.
    ("how is the SCO making the digital divide bigger",
     "The organization will reduce the digital divide.", ("bigger", "reduce")),
    ("How will the SCO scale back its anti-terrorism structures?",
     "The organization will strengthen its anti-terrorism structures.",
     ("scale back", "strengthen")),
    # An adjective against its verb's opposite; one pole against many.
    ("Why does the statement exclude fuel-consuming countries from its policy?",
     "It aims to develop an inclusive energy policy for fuel-consuming countries.",
     ("exclude", "inclusive")),
    ("Which unipolar world order does the strategy aim to build?",
     "The strategy includes the formation of a multipolar world order.",
     ("unipolar", "multipolar")),
])
def test_a_question_word_the_sentence_turns_round(question: str, sentence: str,
                                                  words: tuple[str, str]) -> None:
    assert opposed(question, sentence) == words


def test_an_adjective_is_no_opposite_of_an_unrelated_verb() -> None:
    # "exclusive" says what kind of rights; "include" is no opposite of it.
    assert opposed("Which exclusive rights does the deal include?",
                   "The deal will include broadcasting rights.") is None


def test_a_word_on_the_same_side_is_no_opposite() -> None:
    # "approved" says what "adopted" asks; "rejected" is about something else.
    assert opposed("When was the SCO Charter adopted?",
                   "The SCO Charter, approved in 2002, rejected bloc approaches.") is None


@pytest.mark.parametrize(("question", "sentence"), [
    # The sentence holds the question's word too, in another form.
    ("When did the SCO gain members?", "The SCO gained members and lost none."),
    ("When did the team win?", "They were winning until the end."),
    # The question holds both words.
    ("What runs from north to south?", "The south road runs along the coast."),
    ("What lies to the north-east?", "To the east lies the sea."),
    # North and south say neither east nor each other: the sentence holds "south".
    ("What lies to the south?", "From north to south runs a ridge; to the east lies the sea."),
    # Words a stem would join to a paired word mean something else: "important"
    # is no "import", "majority" no "major", "likely" no "like".
    ("What does Kazakhstan export?", "Transport is important for Kazakhstan."),
    ("What is a major factor?", "A minority of members voted."),
    # A sentence that denies says what a negated word asks: "no religion".
    ("How many Victorians are non-religious?", "Around 20% of Victorians claim no religion "
     "and are not religious."),
    # Too short a rest to be a word denied ("unit", "until", "unless").
    ("What happens unless it rains?", "Less rain falls in June."),
    ("What is the unit of length?", "It is about 1,230 kilometres long."),
    # Forms of one word either way round; an adjective has no verb forms ("last"
    # is no "lasting").
    ("Which countries gained the most?", "Some gain and others lose."),
    ("Which countries supported the expansion?", "China supports expansion; India opposed it."),
    ("When was the first summit held?", "The summit brought lasting peace."),
    # Only looks denied: "unrest" is no "rest" turned round; "cannot" denies.
    ("What caused the unrest?", "The rest of the region stayed calm."),
    ("When was it unofficially launched?", "It cannot be officially launched."),
    # Nothing turned round.
    ("When was the SCO founded?", "Founded in 2001, the organization has grown."),
    # A word on the question's side says it: "imposed" for "introduce".
    ("When did the EU introduce tariffs on Chinese cars?",
     "The EU imposed tariffs on Chinese cars in 2024 after imports dropped sharply."),
    # A paired word in another sense: "declined to comment" refused.
    ("How much did trade grow in 2023?",
     "Trade rose by 20 percent in 2023, though officials declined to comment."),
])
def test_no_word_turned_round(question: str, sentence: str) -> None:
    assert opposed(question, sentence) is None


@pytest.mark.parametrize(("question", "sentence"), [
    # "A day" is daily; a drop in prices is a fall.
    ("How many daily visitors does the museum get?",
     "It gets about 15,000 visitors a day, or roughly 100,000 weekly."),
    ("What caused the drop in oil prices?",
     "Oil prices fell sharply after production grew. The drop in prices hurt exporters."),
    ("How much did river traffic on the Rhine drop last year?",
     "Last year, river traffic on the Rhine dropped by 12 percent."),
])
def test_a_period_or_trend_said_alike(question: str, sentence: str) -> None:
    assert opposed(question, sentence) is None


NEIGHBOURS = ("Among the goals is the use of national currencies in payments between "
              "member countries. This helps strengthen economic ties and reduce dependence "
              "on external currencies.")


def test_an_opposite_in_a_neighbour_must_govern_a_word_of_the_question() -> None:
    assert opposed_near("How does using national currencies increase member states' "
                        "dependence on external currencies?", NEIGHBOURS) == (
        "increase", "reduce")
    # What is reduced there is the dependence, not the use asked about.
    assert opposed_near("How does the SCO plan to increase the use of national currencies?",
                        NEIGHBOURS) is None
    assert opposed_near("What does the SCO hope to achieve by increasing the use of "
                        "national currencies?", NEIGHBOURS) is None
    # Stop words aside: "the club is primarily an advisory body" governs "club".
    assert opposed_near("What binding decisions can the Energy Club impose?",
                        "The Energy Club met. Although the club is primarily an advisory "
                        "body, it matters.") == ("binding", "advisory")


@pytest.mark.parametrize("question", [
    "What common challenges do the members face?",
    "Which national currencies are used in payments?",
    "What common currency does the SCO use?",
])
def test_a_qualifier_of_another_noun_or_said_too(question: str) -> None:
    assert opposed(question, "Members face national challenges; national currencies and a "
                   "common currency are used.") is None


@pytest.mark.parametrize(("question", "sentence", "words"), [
    # A field ruling out another before one noun.
    ("Which city was declared the SCO's economic capital?",
     "Almaty was declared the cultural and tourist capital of the organization.",
     ("economic", "cultural")),
    ("What military cooperation is planned?", "Economic cooperation grows.",
     ("military", "economic")),
])
def test_another_field_of_the_same_thing(question: str, sentence: str,
                                        words: tuple[str, str]) -> None:
    assert opposed(question, sentence) == words


@pytest.mark.parametrize(("question", "sentence"), [
    ("Which city was declared the cultural capital?",
     "Almaty was declared the cultural and tourist capital of the organization."),
    # The asked field said elsewhere in the sentence, or one of the asked ones given.
    ("What military cooperation is planned?",
     "Economic cooperation and military cooperation grow."),
    ("What economic and military cooperation is planned?", "Economic cooperation grows."),
    # Another noun.
    ("What economic capital is there?", "Cultural exchanges grow."),
    # Fields near enough: a technological divide is a digital one.
    ("How will the SCO reduce the technological divide?",
     "The SCO will reduce the digital divide."),
    # The asked field written inside a longer word.
    ("How many channels could the new digital service carry?",
     "It launched a new all-digital service, with the potential to carry hundreds."),
])
def test_the_asked_field_or_another_noun(question: str, sentence: str) -> None:
    assert opposed(question, sentence) is None


def test_a_question_asking_of_both_qualifiers() -> None:
    assert opposed("Why does the SCO use national currencies rather than a single external "
                   "currency?", "The SCO develops the use of national currencies.") is None


def test_ordinals_rule_each_other_out() -> None:
    assert opposed("Why was the May 16 meeting described as the third of its kind?",
                   "This was the first meeting of this level.") == ("third", "first")
    # The question asks of both; an ordinal written into a word is said.
    assert opposed("Was the second meeting held after the first?",
                   "The first meeting was held in May.") is None
    assert opposed("What is the second busiest airport in the United States?",
                   "It is the second-busiest airport in the United States, after the first "
                   "one in Atlanta.") is None
    assert opposed("What is the third-largest city?", "It is the second-largest city.") == (
        "third", "second")


GROWING = ("The SCO, as a growing organization in Eurasia, provides an opportunity. "
           "The SCO continues to expand, attracting new countries.")


def test_a_phrase_the_document_writes_only_turned_round() -> None:
    assert opposed_phrase("why does the article call the SCO a shrinking organization",
                          GROWING) == ("shrinking organization", "growing organization")
    # The document holds the question's word, or no phrase of the opposite word.
    assert opposed_phrase("Why is the SCO a shrinking organization?",
                          GROWING + " Its budget is shrinking.") is None
    assert opposed_phrase("Why is the SCO a shrinking club?", GROWING) is None
    # The question asks of both.
    assert opposed_phrase("Is it a growing or a shrinking organization?", GROWING) is None


def test_a_subject_the_document_says_the_opposite_of() -> None:
    # Nothing after the word: its subject, a few words before the opposite.
    assert opposed_phrase("why is the sco shrinking", GROWING) == (
        "sco shrinking", "sco continues to expand")
    assert opposed_phrase("Why is the SCO shrinking so fast?", GROWING) == (
        "sco shrinking", "sco continues to expand")
    # Another subject, or the opposite too far after it.
    assert opposed_phrase("Why is Eurasia shrinking?", GROWING) is None
    assert opposed_phrase("Why is the SCO shrinking?",
                          "The SCO holds many meetings and talks; trade continues to grow.") is None


DEPENDENCE = "This helps strengthen economic ties and reduce dependence on external currencies."


def test_a_degree_turned_round() -> None:
    # "more" against "reduce", of one thing written as another derivation.
    assert opposed_degree("Why does the SCO want members to become more dependent on "
                          "external currencies?", DEPENDENCE) == (
        "more dependent", "reduce dependence")
    assert opposed_degree("Why is the SCO increasing its dependence on external currencies?",
                          DEPENDENCE) == ("increasing its dependence", "reduce dependence")
    assert opposed_degree("Why do members want less reliance on the dollar?",
                          "Members seek greater reliance on national currencies.") == (
        "less reliance", "greater reliance")
    # The degree after the verb, and relying as depending.
    assert opposed_degree("Why does the SCO want members to rely more heavily on external "
                          "currencies?", DEPENDENCE) == ("rely more", "reduce dependence")
    # "additional" tariffs against a cut in them.
    assert opposed_degree("By what percentage is the EU cutting tariffs on electric cars?",
                          "The EU will introduce additional tariffs of 38.1% on EVs.") == (
        "cutting tariffs", "additional tariffs")
    # A price said in one word, against a rise in the cost.
    rise = "This will lead to an increase in the cost of selling cars in Europe."
    assert opposed_degree("How will the tariffs make Chinese cars cheaper in Europe?",
                          rise) == ("cheaper", "increase in the cost")
    assert opposed_degree("Why is it less expensive to sell cars?", rise) == (
        "less expensive", "increase in the cost")
    assert opposed_degree("Why are prices lower?", "Prices will be higher.") is None
    assert opposed_degree("Why are cars more expensive in Europe?", rise) is None


def test_no_degree_turned_round() -> None:
    # The same degree, or of another thing, or "more than" (no thing).
    assert opposed_degree("Why does the SCO want to reduce dependence on the dollar?",
                          DEPENDENCE) is None
    assert opposed_degree("Why do more countries want to join?", DEPENDENCE) is None
    assert opposed_degree("Why were more than 80 events held?",
                          "Fewer than 80 events were held.") is None
    # The sentence gives both, or the question asks of both.
    assert opposed_degree("Why is it more dependent?",
                          DEPENDENCE + " Some are more dependent than ever.") is None
    assert opposed_degree("Will it mean more or less dependence?", DEPENDENCE) is None
    assert opposed_degree("Why do members rely less on external currencies?",
                          DEPENDENCE) is None
    assert opposed_degree("Why will the EU impose additional tariffs?",
                          "The EU will introduce additional tariffs of 38.1% on EVs.") is None


CONFLICTS = ("Tokayev noted that last year 183 regional and local conflicts were registered, "
             "which is 30 percent more than before.")


@pytest.mark.parametrize(("question", "sentence", "words"), [
    # A share that grew, asked as a fall: "more" after a share is a rise.
    ("By what percentage did the number of registered conflicts fall last year?", CONFLICTS,
     ("fall", "30 percent more")),
    ("how much did trade drop, in %?", "Trade rose: a rise of 12% on the year.",
     ("drop", "rise of 12%")),
    ("By how much did exports increase?", "Exports were 5% lower than in 2022.",
     ("increase", "5% lower")),
    ("how much did conflicts go down last year", CONFLICTS, ("go down", "30 percent more")),
])
def test_a_change_in_figures_turned_round(question: str, sentence: str,
                                         words: tuple[str, str]) -> None:
    assert opposed_change(question, sentence) == words


@pytest.mark.parametrize(("question", "sentence"), [
    # Asked the way the text gives it.
    ("By what percentage did the number of registered conflicts rise last year?", CONFLICTS),
    # No share asked for: "fall" may be anything ("Why did the empire fall?").
    ("Why did the number of conflicts fall?", CONFLICTS),
    ("How much did it cost before prices fell?", "Prices were 5% higher in 2022."),
    # The text gives no change, or both ways.
    ("By what percentage did trade fall?", "Trade is worth 30 percent of output."),
    ("By what percentage did imports fall?",
     "Exports were 5% higher, imports 3% lower than in 2022."),
])
def test_no_change_in_figures_turned_round(question: str, sentence: str) -> None:
    assert opposed_change(question, sentence) is None


@pytest.mark.parametrize(("question", "text", "words"), [
    ("Who does the largest economy in the United States belong to?",
     "Southern California's economy is diverse and one of the largest in the United States.",
     ("the largest", "one of the largest")),
    ("Which country was the first member to join?",
     "Kazakhstan was among the first members to join.", ("the first", "among the first")),
    ("What is the most important project?", "It is one of the most important projects.",
     ("the most", "one of the most")),
    # A superlative's place turned: the first is no second.
    ("What second most populous city is north of Los Angeles?",
     "Los Angeles is the most populous city in California.",
     ("second most populous", "most populous")),
    ("Which is the most populous state?",
     "Victoria is the most densely populated state and its second-most populous state.",
     ("most populous", "second-most populous")),
    # A rank is of the word after it: the largest port is no largest city.
    ("What is the largest city?", "Perth is the second largest city and the largest port.",
     ("largest city", "second largest city")),
])
def test_a_rank_given_only_as_one_among_several(question: str, text: str,
                                                words: tuple[str, str]) -> None:
    assert opposed_rank(question, text) == words


@pytest.mark.parametrize(("question", "text"), [
    # The text also gives the rank alone, or the question asks of one among several.
    ("What is the largest city?", "It is one of the largest cities. The largest city is Perth."),
    ("Which is one of the largest cities?", "It is one of the largest cities."),
    # No rank: a noun ending like one.
    ("What is the main interest?", "It is one of the interest groups."),
    ("What is the west known for?", "It is one of the west's oldest towns."),
    # No "one of" at all.
    ("What is the largest city?", "Perth is a large city."),
    # The place asked is among those given, or none is given of that superlative.
    ("Which is the second-most populous state?",
     "Victoria is the most densely populated state and its second-most populous state."),
    ("What is the largest port?", "Perth is the second largest city and the largest port."),
    ("What is the second largest city in the state?",
     "It is one of the state's largest metropolitan areas."),
    ("Which is the most populous state?", "It is the most densely populated."),
])
def test_no_rank_given_as_one_among_several(question: str, text: str) -> None:
    assert opposed_rank(question, text) is None
