"""What a question asks for: the kind of span that answers it.

``answer_type`` reads the question alone ("When ...?" a date, "Which countries
...?" a country, "Why ...?" a reason); ``spans`` then looks for that kind of span
in the sentences that may answer it.
"""

from __future__ import annotations

import re
from enum import Enum

from rag.coreference import asked_acronym
from rag.countries import is_demonym
from rag.definitions import asked_subject
from rag.lexical import (
    AUXILIARIES,
    MODALS,
    QUESTION_OPENING,
    SAYING_VERBS,
    question_sentences,
    tokenize,
)
from rag.spelling import spelled_as


class AnswerType(Enum):
    """What kind of span a question asks for."""

    DATE = "date"
    NUMBER = "number"
    NAME = "name"
    COUNTRY = "country"
    ENTITY = "entity"
    REASON = "reason"
    EXPANSION = "expansion"
    DEFINITION = "definition"
    OTHER = "other"


# Offices only a person holds, as ``tokenize`` writes them.
OFFICES = frozenset(tokenize(
    "president minister secretary director chairman chairwoman ambassador king queen "
    "prince princess senator governor mayor chancellor spokesman spokeswoman spokesperson"))


# "Which six countries", "On what exact dates": up to two words may stand between
# the question word and the noun saying what is asked, if no verb or article
# does ("What did the countries sign?" asks about no country).
_NOT_MODIFYING = (rf"(?!(?:{'|'.join((*AUXILIARIES, *MODALS))}|the|a|an|of|to|in|on|for|and|"
                  r"or|this|that|these|those|last|next|its|their|his|her|our|your|both|all|"
                  r"some|any|every|each)\b)")
# After a modifier the noun is a common one, in lower case: "Which top United
# Nations official" asks for no nation. (With none, any case: "Which Countries
# Joined?" in title case.)
_NOUN = r"(?-i:(?=[a-z]))"
_MODIFIERS = rf"(?:(?:{_NOT_MODIFYING}[\w’'-]+\s+){{1,2}}?{_NOUN})?"
# Without a possessive: "Which countries' leaders ...?" asks for countries. A
# modifier may be two joined: "Which famous cultural and scientific figures ...?".
_PLAIN_MODIFIERS = (rf"(?:(?:{_NOT_MODIFYING}[\w-]+\s+(?:(?:and|or)\s+{_NOT_MODIFYING}[\w-]+\s+)?)"
                    rf"{{1,2}}?{_NOUN})?")

# The nouns asking for a date, a city or a country ("What year ...?", "Which
# towns ...?", "Which nations ...?"), which the patterns below and
# ``_KIND_NOUN`` share.
_DATE_NOUNS = r"years?|dates?|months?"
_CITY_NOUNS = r"cit(?:y|ies)|towns?"
_COUNTRY_NOUNS = r"countr(?:y|ies)|nations?"

_DATE_Q = re.compile(
    r"^\s*(when|since when|by when)\b"
    rf"|\b(what|which|in what|in which|on what|on which) {_MODIFIERS}"
    # Not "Which years-long conflict ...?", "What year-end figure ...?".
    rf"({_DATE_NOUNS}|days?|period|timeframe|time\s+(?:span|frame))\b(?![-–])"
    # "What time did the meeting start?", "At what time ...?": a time of day.
    r"|\b(what|which) time\b(?![-–]|\s+(?:zones?|span|frame|limit|period|series|management|"
    r"scale|line|travel))"
    # "What are the exact dates of the summit?"
    r"|\b(what|which)\s+(is|are|was|were)\s+the\s+([\w’'-]+\s+)?(dates?|years?|days?)\s+of\b",
    re.I,
)
_NUMBER_Q = re.compile(
    r"\bhow (many|much|long|far|big|large|old|tall|deep|wide|heavy)\b"
    # "How high did tensions run?" or "How cold did relations get?" ask for no
    # figure; "How high is Mount Bogong?" and "How cold does the region get?" do.
    r"|\bhow (high|fast|hot|cold)\s+(is|are|was|were|(does|do)\s+([\w’'-]+\s+){1,6}?get)\b"
    r"|\bwhat (percent|percentage|share|number)\b"
    # "What is the budget of the strategy?": a sum.
    r"|\bwhat\s+(is|was|are|were)\s+the\s+([\w’'-]+\s+)?(budget|cost|price|funding)\s+of\b"
    # "What is the number of member states?": a count.
    r"|\bwhat\s+(is|was|are|were)\s+the\s+(total\s+)?number\s+of\b"
    # "Which conflict figures did Tokayev cite?": figures someone gives are
    # numbers ("Which figures took part?", "Which figures gave speeches?": people).
    r"|\b(what|which)\s+([\w’'-]+\s+){0,2}?(figures|statistics|stats|numbers)\s+"
    r"(did|does|do|has|have|had|will|was|were|is|are)\b"
    r"(?=[^?]*\b(cit|giv|gave|quot|mention|present|report|provid|shar|offer)\w*)",
    re.I,
)
# Keywords typed instead of a question ("SCO founding year", "Number of member
# states"): no question word opens them and no question mark ends them, and a noun
# says what kind of answer is wanted.
# The kind noun heads the keywords: it ends them or is "of" something ("founding
# year", "date of the summit", "number of members", "members count"); "this year",
# "up-to-date" and "vote count was disputed" say no such thing.
_KEYWORD_NUMBER = re.compile(r"(?<!-)\bnumber\s+of\b|\bcount\s*[.!?]*\s*$", re.I)
# "Kazakhstan foreign minister", "SCO secretary general": an office ending the
# keywords asks who holds it ("minister of finance" and "secretary general name"
# ask as much; "minister's speech" and "speech of the president of Kazakhstan" do
# not).
_KEYWORD_NAME = re.compile(r"\b(?:president|minister|secretary[\s-]general|secretary|"
                           r"director|chairman|chairwoman|chair|leader|mayor|governor|"
                           r"ambassador|spokes(?:man|woman|person)|founder|author|ceo)"
                           r"(?:\s+of\b.*|\s+(?:full\s+)?name)?\s*[.!?]*\s*$", re.I | re.S)
# A preposition before the office makes another word the head ("Speech of ...",
# "Statement by ...").
_HEADED_ELSEWHERE = re.compile(r"\b(?:of|by|from|about|on|for|with)\b", re.I)
# ("sco role over the years", "in recent years": a span of time, not a date.)
_NOT_DATED = ("this", "last", "next", "the", "recent", "past", "many", "few", "several",
              "coming", "these", "those")
_KEYWORD_DATE = re.compile(rf"(?<![-\w]){''.join(f'(?<!{word} )' for word in _NOT_DATED)}"
                           r"(?:years?|dates?)(?:\s+of\b|\s*[.!?]*\s*$)", re.I)
# "Which well-known figures took part?", "What French physicist ...?": people, by
# name. ("Which countries' leaders ...?" asks for countries: no possessive before.)
WHICH_PEOPLE = re.compile(
    # After "what" only names may stand before the noun ("What French physicist");
    # "What worries people?" asks for no one.
    rf"^\s*(?:which\s+{_PLAIN_MODIFIERS}|what\s+(?-i:(?:[A-Z][\w-]*\s+){{0,2}}))"
    r"(?:officials?|leaders?|ministers?|presidents?|person|people|man|woman|men|women|figures|"
    r"founders?|authors?|writers?|"
    r"scientists?|physicists?|diplomats?|ambassadors?|kings?|queens?|"
    r"spokes(?:man|woman|person)|players?|singers?|actors?|actress|explorers?|inventors?|"
    r"emperors?)\b", re.I)
_NAME_Q = re.compile(
    r"^\s*(who|whom)\b|\bwho (is|was|are|were)\b"
    rf"|{WHICH_PEOPLE.pattern}"
    # "Can you name any of the figures who took part?": people, asked by name.
    r"|\bname\b[^?]*?\b(people|persons?|figures|individuals|officials|leaders|participants)\b",
    re.I,
)
# "the name of the Kazakh president", "the name of the man who ...": the words
# up to the next function word name what the name is of.
_NAME_OF_Q = re.compile(r"\bname\s+of\s+(?:the\s+|an?\s+)?((?:[\w’'-]+\s+){0,2}[\w’'-]+)",
                        re.I)
# "the Kazakh foreign minister's name", "the secretary general's name": the words
# before the possessive say whose; "name" ends the question ("the president's
# name change" asks about a change).
_OWNER_NAME_Q = re.compile(r"\b((?:[\w-]+\s+)?[\w-]+)(?:[’']s|s[’'])\s+"
                           r"(?:full\s+|first\s+|last\s+)?name\s*(?:[?.,!]|$)", re.I)
# Nouns for people, offices included, whose name a question may ask for.
_PERSON_NOUNS = frozenset(tokenize(
    "man woman person people official officials leader leaders founder author writer "
    "figure head chief boss owner coach player singer actor scientist general")) | OFFICES


def _names_a_person(question: str) -> bool:
    """Whether a question asks the name of a person: "What is the name of the Kazakh
    president?", "... of the man who ...", "What is the foreign minister's name?",
    not "... of the policy the president announced?"."""
    owner = _OWNER_NAME_Q.search(question)
    if owner is not None and _PERSON_NOUNS.intersection(tokenize(owner.group(1))):
        return True
    named = _NAME_OF_Q.search(question)
    if named is None:
        return False
    head: list[str] = []
    for word in named.group(1).split():
        if not tokenize(word) and head:
            break  # "who", "the": what follows says more about it, not what it is
        head.extend(tokenize(word))
    # The last of those words is the noun: "the official language" is a language.
    return bool(head) and head[-1] in _PERSON_NOUNS


# "In which venue ...?", "Which stadium ...?": a named building or site, asked
# as a city is (a body's acronym or a country is none).
_VENUE_NOUNS = r"venues?|buildings?|halls?|hotels?|palaces?|stadiums?|stadia|arenas?"
CITY_Q = re.compile(rf"\b(which|what) {_MODIFIERS}({_CITY_NOUNS}|capitals?|{_VENUE_NOUNS})\b",
                    re.I)
# "Which SCO member states ...?" asks for countries, as "Which countries" does.
_COUNTRY_Q = re.compile(rf"\b(which|what) {_MODIFIERS}({_COUNTRY_NOUNS}|member\s+states?)\b",
                        re.I)
# "Who does the SCO cooperate with?", "Against whom ...?": a counterpart, which is
# as often a country or a body as a person.
_PARTNER_Q = re.compile(r"^\s*(?:with|against|alongside)\s+whom\b"
                        r"|^\s*who(?:m)?\b[^?]*\s(?:with|against|alongside)\s*\??\s*$", re.I)
# "Whom is the energy policy meant to bring together?": those brought together are
# groups ("developing and fuel-consuming countries") as often as named ones.
_GATHERED_Q = re.compile(r"^\s*who(?:m)?\s+(?:is|are|was|were|does|do|did|will|would|can|"
                         r"could|should)\s+\S.*\b(?:(?:bring|brings|brought|bringing)\s+"
                         r"together|unite|gather|connect)\s*[?.!]*\s*$", re.I)
# The nouns asking for a body: "Which companies ...?", "What organization ...?".
_BODY_NOUNS = (r"organi[sz]ations?|compan(y|ies)|institutions?|bod(y|ies)|alliances?|blocs?|"
               r"groupings?")
# "Where ...?" and "Which city/organisation ...?": a named place or body.
_ENTITY_Q = re.compile(
    rf"^\s*where\b|\b(which|what) {_MODIFIERS}({_CITY_NOUNS}|capitals?|states?|regions?|"
    rf"{_BODY_NOUNS}|{_VENUE_NOUNS})\b",
    re.I,
)
# "Where does Victoria rank in Australia?" asks for a rank ("second"), not a place.
# ("rate" is left out: "Where is the exchange rate set?" asks where.)
_RANK_Q = re.compile(r"^\s*where\b(?:\s+[\w’'-]+){0,10}?\s+(?:rank|ranks|ranked)\b", re.I)
# A body, not where it is.
BODY_Q = re.compile(rf"\b(which|what) {_MODIFIERS}({_BODY_NOUNS})\b", re.I)
# "What reason does Brussels give for ...?", "What caused the jump in ...?": a
# reason asked for without "why", read at the start as "why" is (``reasons.WHY_Q``).
CAUSE_ASKED = (r"^\s*(?:and\s+|so\s+)?what\s+(?:(?:is|was|are|were)\s+the\s+)?(?:main\s+)?"
               r"(?:reasons?\b(?!\s+to\b)|caused|causes|led\s+(?:[\w’'-]+\s+){0,4}?to|prompted|"
               r"motivated|drove)\b")


_REASON_Q = re.compile(r"^\s*why\b|\b(what for|for what (reason|purpose)|what is the purpose)\b"
                       rf"|{CAUSE_ASKED}", re.I)


# What a question calls the document, and who wrote it.
DOCUMENT_NOUNS = ("article", "text", "document", "piece", "passage")
WRITER_NOUNS = ("author", "writer")
# What a reference to the document looks like in a question.
DOCUMENT_REFERENCE = rf"(?:the|this|its)\s+(?:{'|'.join(DOCUMENT_NOUNS)})"
# "Who wrote this piece?", "Which research centre is this analysis credited to?":
# the document's source, which its credit line gives ("this sco astana piece"
# too; "Who is this piece by?", "Which institution is credited at the bottom of the
# piece?", "Who is credited with the article?", "... with this analysis?").
# (Words between qualify the document, "this sco astana piece"; a preposition
# among them makes it another thing's place: "the statement in the article".)
_QUALIFIER = r"(?:(?!(?:in|on|of|about|from|by|within|inside)\s)[\w-]+\s+)"
_SOURCE_DOCUMENT = (rf"(?:(?:the|this|its)\s+{_QUALIFIER}{{0,3}}?(?:{'|'.join(DOCUMENT_NOUNS)})"
                    rf"|this\s+{_QUALIFIER}{{0,3}}?(?:analysis|commentary|report))\b")
# "Who put out this article?", "Who put this piece out?", "Who issued this
# report?": published it.
_ISSUED = r"put\s+out|released|issued"
_SOURCE_Q = re.compile(
    rf"\b(?:wrote|authored|published|produced|prepared|{_ISSUED})\s+{_SOURCE_DOCUMENT}"
    rf"|\bput\s+{_SOURCE_DOCUMENT}\s+out\b"
    rf"|\b{_SOURCE_DOCUMENT}\s+(?:(?:is|was|has\s+been)\s+)?(?:written|authored|published|"
    rf"produced|prepared|credited|{_ISSUED})\b(?!\s+with)"
    rf"|\b(?:author|writer|publisher|source)s?\s+of\s+{_SOURCE_DOCUMENT}"
    rf"|\b{_SOURCE_DOCUMENT}\s+(?:comes?\s+)?from\s*[?.!]*\s*$"
    rf"|^\s*who\s+(?:is|was)\s+{_SOURCE_DOCUMENT}\s+by\s*[?.!]*\s*$"
    rf"|\bcredited\s+(?:at|in|on)\s+the\s+(?:very\s+)?(?:end|bottom|foot|close)\s+of\s+{_SOURCE_DOCUMENT}"
    rf"|\b(?:credited|credit)\s+(?:with|for)\s+(?:{DOCUMENT_REFERENCE}|this\s+(?:analysis|"
    r"commentary|report))\s*[?.!]*\s*$"
    r"|^\s*who\s+(?:wrote|authored|published|produced)\s+(?:this|it)\s*[?.!]*\s*$"
    # "Who's actually behind this article?": who is, not what lies behind it.
    rf"|^\s*who(?:[’']s|\s+is|\s+was)\s+(?:(?:actually|really|exactly)\s+)?behind\s+"
    rf"{_SOURCE_DOCUMENT}",
    re.I)


# "When was the article published?" asks for a date, not who published it; "Who
# heads the centre that published this analysis?" asks who heads it. An adverb
# may stand first ("Who actually put this piece out?"), taken whole (atomic), so
# that it is never read as the verb.
_NOT_WHO = re.compile(
    r"\s*(?:when|where|why|how)\b"
    r"|\s*who\s+(?>(?:(?:actually|really|originally|first|exactly|initially)\s+)?)"
    r"(?!(?:wrote|writes|authored|published|publishes|produced|prepared|put|puts"
    r"|released|issued|is|was|are"
    r"|were|gets?|got|did|does|do|has|had|have|should|would|could|can|created|made)\b)\w+",
    re.I)


def asks_source(question: str) -> bool:
    """Whether ``question`` asks who wrote, published or is credited with the
    document itself ("Who wrote this piece?"), not with something it reports, nor
    when, where, why or how it was written, nor who else did something ("Who
    heads the centre that published this analysis?")."""
    return _NOT_WHO.match(question) is None and _SOURCE_Q.search(question) is not None


# "What is this article about?", "Summarize the text", "What's the main topic?":
# what the document as a whole is about, which no sentence matches by its words
# (``rag.overview`` answers with the document's opening and headings). Only the
# whole question: "What does the article say about Iran?" asks about Iran. "The
# report", "the story" may be something the document tells of ("What does the
# report say?" of a report it cites): only "this report" is the document itself.
_DOCUMENT_WORDS = ("article", "text", "document", "piece")
_DOCUMENT = rf"(?:{'|'.join(_DOCUMENT_WORDS)})s?"
_THIS_DOCUMENT = (rf"(?:{'|'.join(_DOCUMENT_WORDS)}|passage|story|report|analysis|essay"
                  r"|page|file)s?")
_OVERVIEW_OF = (rf"(?:the\s+(?:(?:whole|entire)\s+)?{_DOCUMENT}"
                rf"|(?:this|these)\s+(?:(?:whole|entire|news)\s+)?{_THIS_DOCUMENT}"
                r"|(?:the|this)\s+collection|it|this)")
_OVERVIEW_TOPIC = (r"(?:(?:main|central|key|general|overall|core)\s+)?"
                   r"(?:topic|subject|theme|point|idea|gist|message|argument|thesis|focus"
                   r"|takeaway)s?")
_OVERVIEW_Q = re.compile(
    r"^\s*(?:(?:in\s+short|in\s+brief|briefly|basically|so)\s*,?\s+)?(?:"
    rf"what\s*(?:['’]?s|\s+is|\s+are|\s+was)\s+{_OVERVIEW_OF}\s+(?:all\s+|mainly\s+|mostly\s+)?about"
    rf"|what\s+{_OVERVIEW_OF}\s+(?:is|are|was)\s+(?:all\s+|mainly\s+|mostly\s+)?about"
    rf"|what\s+(?:does|do|did)\s+{_OVERVIEW_OF}\s+(?:(?:mainly|mostly)\s+)?"
    r"(?:discuss|cover|talk\s+about|deal\s+with|say)"
    rf"|(?:what|which)\s+(?:topics|subjects|themes|issues)\s+(?:does|do)\s+{_OVERVIEW_OF}\s+"
    r"(?:cover|discuss|address|deal\s+with|talk\s+about)"
    r"|(?:what|which)\s+(?:topics|subjects|themes|issues)\s+(?:are|were)\s+(?:mainly\s+)?"
    rf"(?:covered|discussed|addressed|dealt\s+with|talked\s+about)\s+in\s+{_OVERVIEW_OF}"
    r"|(?:(?:can|could|would|will)\s+you\s+)?(?:please\s+)?(?:briefly\s+|quickly\s+)?"
    rf"(?:summari[sz]e|sum\s+up|recap)(?:\s+{_OVERVIEW_OF})?(?:\s+for\s+(?:me|us))?"
    r"(?:\s+(?:briefly|in\s+brief|in\s+short))?"
    r"|(?:(?:(?:can|could)\s+(?:you|i)\s+)?(?:give|show|write|provide|get|have)\s+(?:me\s+|us\s+)?)?"
    r"(?:an?\s+|the\s+)?(?:short\s+|brief\s+|quick\s+)?"
    rf"(?:summary|overview|gist|synopsis|rundown|tl\s*;?\s*dr)(?:\s+(?:of|for)\s+{_OVERVIEW_OF})?"
    rf"|what\s*(?:['’]?s|\s+is|\s+are)\s+(?:the\s+)?{_OVERVIEW_TOPIC}(?:\s+(?:of|in)\s+{_OVERVIEW_OF})?"
    rf"|what\s*(?:['’]?s|\s+is|\s+are)\s+the\s+{_DOCUMENT}[’']s\s+{_OVERVIEW_TOPIC}"
    r")(?:\s*,?\s*please)?\s*[?.!]*\s*$", re.I)


# The words an overview is asked with, read through their typos ("summerize the
# artcle", "waht is this article about"): the speller reads typos of the corpus's
# words only, and a corpus need not hold these.
_OVERVIEW_WORDS = ("what", "about", "article", "text", "document", "summary", "summarize",
                   "summarise", "overview", "topic")


def asks_overview(question: str) -> bool:
    """Whether ``question`` asks what the document as a whole is about ("What is
    this article about?", "Summarize the text", "tl;dr"), not about something in
    it. Read after its lead-in and sign-off ("Tell me what the article is about,
    thanks"), as typed or with typos of the words it is asked with corrected
    ("summerize the artcle")."""
    plain = _without_courtesy(question)
    return (_OVERVIEW_Q.match(plain) is not None
            or _OVERVIEW_Q.match(spelled_as(plain, _OVERVIEW_WORDS)) is not None)


# Where a question or one of its sentences starts: not after an abbreviation's
# dot ("When did the U.S. state ...?").
_STARTS = r"(^\s*|[!?]\s+|(?<=[a-z]{2})\.\s+(?=(?-i:[A-Z])))"
# Words before the question proper that ask nothing themselves: "Tell me when ...",
# "Could you tell me who ...", "According to the article, when ...", "Do you know
# how ...", "Wait, what ...", "Really? Has ...". Each at the start of the question
# or of one of its sentences.
_LEAD_IN = re.compile(
    rf"{_STARTS}(?:(?:so|ok|okay|well|hi|hello|hey|please)\s*[,!]?\s+"
    # "Wait times at the border?" asks about them: a sound of surprise only before
    # a mark or what asks ("wait what does CICA stand for").
    r"|(?:wait|oh|hm+|um+|uh+)(?:\s*[,!.]+\s*|\s+(?=(?:wh\w+|how|is|are|was|were|do|does|"
    r"did|can|could|will|would|has|have|had)\b))"
    # "Really? Has the UN Secretary General confirmed ...?": doubt, asking nothing.
    r"|(?:really|seriously|honestly)\s*[?!,.]+\s+(?=\S)"
    rf"|according\s+to\s+{DOCUMENT_REFERENCE}\s*[,:]?\s*"
    r"|(?:can|could|would|will)\s+you\s+(?:please\s+)?(?:tell|show)\s+me\s+"
    r"|(?:please\s+)?(?:tell|show)\s+me\s+|(?:please\s+)?let\s+me\s+know\s+"
    r"|do\s+you\s+know\s+|i\s*(?:'d|’d|\s+would)\s+like\s+to\s+know\s+"
    r"|i\s+want\s+to\s+know\s+|i\s+(?:wonder|wondered|was\s+wondering)\s+)+",
    re.I)
# Courtesy at the end: "..., please?", "... pls", "Thank you!". "please" and "thank
# you" only after a mark ("Who said thank you?" asks about the words); the
# question's own mark stays.
_SIGN_OFF = re.compile(
    r"(?:\s*[,;:.!?-]\s*(?:please|thank\s+you)|[\s,;:.!?-]*\b(?:thanks|pls|plz|thx))"
    r"(?:\s+(?:so\s+much|very\s+much|a\s+lot|in\s+advance))?[\s.!?]*$", re.I)
# An order instead of a question: "Name the president ...", "List the countries
# ...", "Give me the date ..." ask what "Which president ...?" asks
# ("Can you list the SCO's 14 dialogue partners?" is one too.)
_ORDER = re.compile(rf"{_STARTS}(?:(?:can|could|would|will)\s+you\s+)?(?:please\s+)?"
                    r"(?:name|list|give(?:\s+me)?|state|identify)"
                    r"\s+(?:the|all(?:\s+the)?)\s+", re.I)
# The word after an order's "the" as an owner: "the organisation's main aims".
_OWNER_FIRST = re.compile(r"[\w-]+['’]s?\s")
# What a question asks a document to say: "Does the text mention ...?".
_DOCUMENT_SAYING = (*SAYING_VERBS, ("mention", "mentions", "mentioned"),
                    ("claim", "claims", "claimed"), ("tell", "tells", "told"),
                    ("suggest", "suggests", "suggested"), ("describe", "describes", "described"),
                    ("report", "reports", "reported"))
# The document as the one who says: "does the writer say", "the text mentions",
# "in the article".
_SAYS = re.compile(
    rf"\b(?:the|this)\s+(?:{'|'.join((*DOCUMENT_NOUNS, *WRITER_NOUNS))})\s+"
    rf"(?:{'|'.join(form for forms in _DOCUMENT_SAYING for form in forms)})\b"
    # Not "in the text of the Declaration", "by the document's authors". "The
    # summit discussed in the article" is the summit: the participle goes too,
    # but not after a verb ("What topics are discussed in the article?").
    rf"|,?\s*\b(?:(?<!\bis\s)(?<!\bare\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bbe\s)"
    r"(?:discussed|mentioned|described|covered|featured)\s+)?"
    rf"(?:in|from|by|according\s+to)\s+{DOCUMENT_REFERENCE}\b(?!\s*(?:of\b|[’']))",
    re.I)
# "Is BYD mentioned?": whether the document names it is asked of what it says.
# ("Who is mentioned?" asks what it says.)
_MENTIONED = re.compile(r"^(\s*(?:is|are|was|were)\b.*?)\s+(?:mentioned|discussed|covered)"
                        r"(?=\s*[?.!]?\s*$)", re.I | re.S)


# Contractions typed without their apostrophe: "wheres the secretariat based" asks
# where, "didnt Kazakhstan propose ...?" denies. Only forms that are no word of
# their own ("wont" is one, and "its"; "cant" too rarely means anything else).
_UNAPOSTROPHISED = re.compile(
    r"\b(?:(?P<wh>what|where|who|how|when|why|that|there)s"
    r"|(?P<aux>is|are|was|were|does|do|did|ca|could|would|should|has|have|had)nt)\b(?![-’'])",
    re.I)


# Words typed as people chat ("why does tokayev think u can keep ur country
# safe", "the talks r supposed to", "bc of the tariffs"), read as meant: as typed,
# each would be a word the text never holds. In lower case only: "R" and "U" may
# be initials.
_CHAT = {"u": "you", "ur": "your", "r": "are", "n": "and", "bc": "because",
         "b/c": "because", "cuz": "because", "coz": "because", "abt": "about",
         "ppl": "people", "govt": "government", "wat": "what", "wut": "what",
         "thru": "through", "tho": "though", "w/": "with", "w/o": "without",
         "gonna": "going to", "wanna": "want to", "b4": "before", "yr": "year",
         "yrs": "years", "intl": "international", "org": "organization",
         "orgs": "organizations"}
_CHAT_WORDS = "|".join(map(re.escape, sorted(_CHAT, key=len, reverse=True)))
# Not inside a word, a hyphened one or a dotted abbreviation ("u.s.", "n.b.").
_CHATTED = re.compile(rf"(?<![\w/’'.-])({_CHAT_WORDS})(?![\w/’'-])(?!\.\w)")


def _apostrophised(question: str) -> str:
    """``question`` with its contractions typed without an apostrophe written
    with one: "wheres" as "where's", "didnt" as "didn't"."""
    return _UNAPOSTROPHISED.sub(
        lambda m: m["wh"] + "'s" if m["wh"] else m["aux"] + "n't", question)


# "y is the energy club only advisory": "why", only opening a question before
# what asks (a lone "y" elsewhere may be a letter or a variable).
_Y_WHY = re.compile(r"^(\s*)y(?=\s+(?:is|are|was|were|do|does|did|would|should|can|could|has|"
                    r"have|had|will|not)\b)")


def _unchatted(question: str) -> str:
    """``question`` with its chat spellings (``_CHAT``) written out: "u" as "you",
    "bc" as "because", an opening "y" as "why"."""
    return _Y_WHY.sub(r"\1why", _CHATTED.sub(lambda m: _CHAT[m.group(1)], question))


def plain_question(question: str) -> str:
    """A question without the words that ask nothing themselves, which would
    otherwise count as words to look for or hide what is asked.

    "Tell me when the SCO was founded, thanks" is "when the SCO was founded"; "Name the
    president of Kazakhstan" is "Which president of Kazakhstan"; "What does the
    writer say the bloc gives?" is "What does  the bloc gives?"; "wheres the
    secretariat based" is "where's the secretariat based", "the talks r supposed
    to" is "the talks are supposed to"; "I'd like to know whether Tesla has said
    ..." is "has Tesla said ...": read for its words and the kind of answer, not as
    English to show.
    """
    typed = _apostrophised(_unchatted(question))
    plain = _without_courtesy(typed)
    plain = _ORDER.sub(_ordered, plain)
    plain = _MENTIONED.sub(r"\1", _SAYS.sub("", plain)).lstrip(" ,;:")
    # "if" asks whether only after a lead-in ("do you know if ..."); opening the
    # question, it sets a condition ("If the SCO is weak, why ...?").
    whether = _WHETHER.match(plain)
    if whether is not None and (whether["word"].lower() == "whether" or _LEAD_IN.match(typed)):
        plain = _asked_whether(whether) + plain[whether.end():]
    return plain if plain.strip(" ?.!") else question


# A yes/no question asked indirectly, once its lead-in is gone ("I'd like to know
# whether the UN Secretary General has confirmed ..."): asked as such, the rules
# reading yes/no questions read it ("Has the UN Secretary General confirmed ...").
_WHETHER = re.compile(
    r"^\s*(?P<word>whether|if)\s+(?P<subject>(?:[\w’'.-]+\s+){1,8}?)"
    r"(?P<aux>has|have|had|is|are|was|were|will|would|can|could|did|does|do|should|must|may"
    r"|might)\s+", re.I)


def _asked_whether(whether: re.Match[str]) -> str:
    """An indirect yes/no question's opening as a direct one's: "whether Tesla has"
    is "has Tesla"."""
    return f"{whether['aux']} {whether['subject']}"


def _ordered(order: re.Match[str]) -> str:
    """An order as the question it asks: "Name the president" is "Which
    president"; "List the organisation's main aims" asks what its aims are, not
    which organisation's (a possessive after "the" refers to one already known)."""
    rest = order.string[order.end():]
    opening = "What are the " if _OWNER_FIRST.match(rest) else "Which "
    return order.group(1) + opening


def _without_courtesy(question: str) -> str:
    """``question`` without its lead-in ("Tell me ...") and sign-off ("..., thanks"),
    its question mark kept."""
    return _LEAD_IN.sub(r"\1", _SIGN_OFF.sub(lambda m: "?" if "?" in m.group() else "",
                                             question))


# The noun naming the kind of answer ("In which city ...?", "What year ...?"): the
# answer is one, it does not say so. A sentence saying "the city of Almaty" or
# "this year" matches it by chance.
_KIND_NOUN = re.compile(
    rf"\b(?:which|what) {_MODIFIERS}({_CITY_NOUNS}|{_DATE_NOUNS}|{_COUNTRY_NOUNS})(?![\w-])",
    re.I)


def without_kind_noun(question: str) -> str:
    """A question without the noun naming the kind of answer it asks for: "In
    which city is the summit?" looks for "summit", not "city". So is a country's
    demonym before "city" or "town": "Which Kazakh city ...?" asks for a city in
    Kazakhstan, which the sentence naming it need not mention (the confidence
    rules check the country is near)."""
    def kept(match: re.Match[str]) -> str:
        before = match.group(0)[: match.start(1) - match.start(0)]
        if re.fullmatch(_CITY_NOUNS, match.group(1), re.I):
            before = " ".join(word for word in before.split() if not is_demonym(word))
        return before.rstrip()

    return _KIND_NOUN.sub(kept, question)


def answer_type(question: str) -> AnswerType:
    """Classify the span type a question asks for.

    Of several sentences ("Hi! When was the SCO founded? Thanks."), those ending
    with a question mark are the question, and the first of them asking for a
    kind of span says which: "Quick question? How many members ...?" asks for a
    number.
    """
    sentences = question_sentences(question)
    # With no question mark, every sentence may be the question: "Hi. Tell me when
    # the SCO was founded".
    asking = [s for s in sentences if s.endswith("?")] or list(sentences) or [question]
    return next((kind for kind in map(_clause_type, asking) if kind is not AnswerType.OTHER),
                AnswerType.OTHER)


# A statement set off before the question by a dash, semicolon or colon, or a
# comma and "so": "The zone has been running for years - when was it launched?".
_ASKED_AFTER = re.compile(
    r"(?:\s+[-–—]+\s+|\s*[;:]\s+|,\s+(?:so|but|then)\s+)"
    r"(?=(?:what|which|when|who|whom|whose|where|why|how)\b)", re.I)


def _clause_type(sentence: str) -> AnswerType:
    """``_type_of`` a sentence, or of its last clause where a statement comes first
    (``_ASKED_AFTER``)."""
    kind = _type_of(sentence)
    if kind is AnswerType.OTHER and len(parts := _ASKED_AFTER.split(sentence)) > 1:
        kind = _type_of(parts[-1])
    return kind


# A second thing asked, joined to the first: "Which country became the ninth
# member, and in what year?", "Who founded it and when?".
_SECOND_ASK = re.compile(
    r"(?:\s*,\s*|\s+)and\s+(?=(?:(?:in|on|at|by|from|since|during)\s+)?"
    r"(?:what|which|when|who|whom|where|how\s+(?:many|much|long))\b)", re.I)


def further_kinds(question: str) -> tuple[AnswerType, ...]:
    """The kinds of span a question asks for besides ``answer_type``'s, one for
    each further thing it asks ("..., and in what year?").

    Args:
        question: The question.

    Returns:
        (COUNTRY,) for "Which country became the SCO's ninth member, and in what
        year?" (whose ``answer_type`` is DATE); empty for a question asking one
        thing, or more things of one kind or of no kind.
    """
    parts = _SECOND_ASK.split(plain_question(question))
    if len(parts) < 2:
        return ()
    first = answer_type(question)
    kinds = dict.fromkeys(kind for kind in map(_type_of, parts)
                          if kind is not AnswerType.OTHER and kind is not first)
    return tuple(kinds)


def _type_of(question: str) -> AnswerType:
    """``answer_type`` of one sentence."""
    question = plain_question(question)
    if asked_acronym(question):
        return AnswerType.EXPANSION
    if asked_subject(question):
        return AnswerType.DEFINITION
    if _REASON_Q.search(question):
        return AnswerType.REASON
    if _DATE_Q.search(question):
        return AnswerType.DATE
    if _NUMBER_Q.search(question):
        return AnswerType.NUMBER
    if _PARTNER_Q.search(question):
        return AnswerType.ENTITY
    if _GATHERED_Q.search(question):
        return AnswerType.OTHER
    if _NAME_Q.search(question) or _names_a_person(question):
        return AnswerType.NAME
    if _COUNTRY_Q.search(question):
        return AnswerType.COUNTRY
    if _RANK_Q.search(question):
        return AnswerType.OTHER
    if _ENTITY_Q.search(question):
        return AnswerType.ENTITY
    # Keywords alone ("astana summit date?", "kazakhstan foreign minister") ask as
    # a question would, with a question mark or without one.
    if not any(map(QUESTION_OPENING.match, question_sentences(question))):
        if _KEYWORD_NUMBER.search(question):
            return AnswerType.NUMBER
        if _KEYWORD_DATE.search(question):
            return AnswerType.DATE
        office = _KEYWORD_NAME.search(question)
        if office is not None and not _HEADED_ELSEWHERE.search(question, 0, office.start()):
            return AnswerType.NAME
    return AnswerType.OTHER
