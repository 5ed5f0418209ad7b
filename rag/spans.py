"""Narrowing a quoted sentence to the short span that answers the question.

Only done where it is reliable: the question asks for a type we can recognise
(a date, a number, a person, a country, a named place or body) and the sentence
holds exactly one candidate of that type that the question does not already
mention. Otherwise the whole sentence is the answer.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from rag.choosing import PLURAL_Q, listed, nearest
from rag.coreference import asked_acronym, spelled_out
from rag.countries import is_country, is_demonym, stands_for
from rag.definitions import asked_subject, definition
from rag.lexical import TITLE_WORDS, tokenize
from rag.questions import CITY_Q, OFFICES, WHICH_PEOPLE, AnswerType, answer_type

# "Where ...?" is answered by a place, and English puts a place after a locative
# preposition ("in Almaty", "at the site of"); "heads of state of Kazakhstan" names
# a country but says where nothing is. This raised abstain F1 on dev from 0.776 to
# 0.824 and on the SQuAD sample from 0.279 to 0.324, and overall F1 on both (52.2 ->
# 54.6, 20.7 -> 22.6), at the cost of four of 412 SQuAD quote hits@3, mostly "where"
# answers that are no name ("in the south-east").
_WHERE_Q = re.compile(r"\s*where\b", re.I)
_LOCATIVE = re.compile(r"\b(?:in|at|near|from|to|across|within|throughout|outside|inside|into)"
                       r"(?:\s+the)?(?:\s+(?:city|town|capital|region|province|country) of)?"
                       r"\s*$", re.I)
# "Where is the coldest part?" over "... in the northeast": a compass direction
# after a locative answers "where" as well as a name does.
# Lower case only: "in the North Sea" or "the North" is a name, found as one. An
# adjective form needs the noun it qualifies ("the western market" is no place).
_POINT = r"(?:(?:north|south)(?:[- ]?(?:east|west))?|east|west)"
_POINT_RE = re.compile(_POINT)
_DIRECTION = re.compile(rf"\b(?:[Ii]n|[Tt]o)\s+the\s+(?:far\s+)?({_POINT}\b(?![- ]?[A-Z])"
                        rf"|{_POINT}ern\s+(?:parts?|regions?|areas?|half|ends?|sides?|coasts?"
                        r"|tips?|edges?|reaches|border|shores?)\b)")
# "in the blue box", "on the back of the router": a place named by common nouns,
# the way notes and manuals name them. Up to three words after the article (a
# word is any but a preposition, conjunction or "is"), plus an "of" phrase.
_PHRASE_WORD = (r"(?!(?:of|on|in|at|and|or|to|for|with|from|by|is|was|are|were|be|been|but|"
                r"near|under|that|which|where|when|while|as|last|next|this|every|each|"
                r"yesterday|today|tomorrow|since|until|after|before|because|so|too|it|he|"
                r"she|they|we|you|i|nobody|then|there|here|now|if|though|although|unless|"
                r"once|yet|also|still|just|only|very|most|more|the|a|an|his|her|their|its|"
                r"our|my|your|these|those)\b)[a-z]+(?:-[a-z]+)*")
_PLACE = re.compile(r"\b(?i:in|on|at|under|behind|beside|inside|near|above|below|into)\s+"
                    rf"((?:the|a|an|his|her|their|its|our|my|your)(?:\s+{_PHRASE_WORD}){{0,2}}"
                    rf"\s+({_PHRASE_WORD})(?:\s+of\s+(?:the\s+)?{_PHRASE_WORD}"
                    rf"(?:\s+{_PHRASE_WORD})?)?)\b(?!-)")
# Heads of phrases after "in", "at", "on" that are times, manners or abstractions.
_NOT_PLACES = frozenset({
    "morning", "afternoon", "evening", "night", "day", "days", "week", "weeks", "month",
    "months", "year", "years", "past", "future", "moment", "meantime", "meanwhile",
    "beginning", "end", "time", "times", "period", "course", "event", "case", "cases",
    "context", "field", "way", "hand", "light", "face", "wake", "name", "order", "spirit",
    "framework", "absence", "presence", "process", "interest", "interests", "area", "areas",
    "level", "levels", "part", "parts", "spring", "summer", "summers", "autumn", "fall",
    "winter", "winters", "season", "seasons", "decade", "decades", "century", "centuries",
    "era", "age", "ages",
    # "under the motto", "under the auspices of", "at the request of": a banner,
    # an authority or a condition, not a place.
    "motto", "slogan", "theme", "title", "heading", "banner", "umbrella", "auspices",
    "aegis", "leadership", "chairmanship", "presidency", "guidance", "supervision",
    "control", "pressure", "influence", "threat", "rule", "terms", "conditions",
    "circumstances", "agreement", "treaty", "request", "invitation", "initiative",
    "direction", "impression", "assumption", "format", "capacity", "role",
    # "on the topics of", "on the basis of", "on the agenda": subjects, not places.
    "topic", "topics", "issue", "issues", "matter", "matters", "subject", "subjects",
    "question", "questions", "basis", "grounds", "agenda", "behalf", "occasion", "eve",
    "list", "focus",
    # "in the energy sector": a field of activity.
    "sector", "sectors", "sphere", "spheres", "domain", "domains", "realm", "industry",
})
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|"
          r"November|December)")
# Words that may follow a year in running text ("in 1788 the colony ...", "by 1750
# and ..."); any other lower-case word after a number makes it a count.
_FUNCTION_WORDS = (r"(?:and|or|but|the|a|an|to|as|when|until|by|in|on|at|after|before|it|"
                   r"he|she|they|we|was|were|is|had|has|with|for|onwards|onward)")
_DATE = re.compile(
    # "27 September 2001", "20 May, 2013", "May 2013" (not "May 20" of "May 2013").
    rf"\b(?:\d{{1,2}}\s+)?{_MONTH},?\s+\d{{4}}\b|\b\d{{1,2}}\s+{_MONTH}\b"
    rf"|\b{_MONTH}\s+\d{{1,2}}\b(?:\s+of\s+(?:this|last|next)\s+year|,?\s+\d{{4}}\b)?"
    r"|\b(?:1[89]|20)\d{2}\s*[-–]\s*(?:1[89]|20)?\d{2}\b"
    r"|\b(?:1[89]|20)\d{2}\b"
    # An earlier year ("in 1788") only where it reads as one: a bare "1500" is as
    # often a count. After "of" or "by", not one counting what follows it ("an
    # army of 1500 men", "passed by 1200 votes").
    r"|(?:(?<=\b[Ii]n )|(?<=\b[Ss]ince )|(?<=\b[Uu]ntil )|(?<=\b[Ff]rom ))"
    r"1[0-7]\d{2}\b(?![.,]?\d|\s*(?:%|percent\b|per cent\b))"
    r"|(?:(?<=\b[Bb]y )|(?<=\b[Oo]f ))1[0-7]\d{2}\b(?![.,]?\d|\s*(?:%|percent\b|per cent\b))"
    rf"(?!\s+(?!{_FUNCTION_WORDS}\b)[a-z])"
    rf"|\b(?:last|next|this)\s+(?:year|month|week)\b|\b{_MONTH}\b"
    # A time of day: "every night at 3 am", "at 10:30 p.m.".
    r"|\b(?:every\s+(?:night|day|morning|evening)\s+at\s+)?(?:1[0-2]|0?[1-9])(?::[0-5]\d)?"
    r"\s*(?i:am|pm|a\.m\.|p\.m\.)(?!\w)"
)
_UNIT_WORDS = "one|two|three|four|five|six|seven|eight|nine"
# "twenty-five", "forty", "fifteen": every word a number of words may start with.
_NUMBER_WORDS = (r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                 rf"(?:[-\s](?:{_UNIT_WORDS}))?|{_UNIT_WORDS}|"
                 "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
                 "nineteen|dozens?|hundreds?|thousands?|millions?|billions?")
# "12 million", "four million" and "two hundred thousand" are one number each.
_SCALE_WORD = r"(?:\s+(?:hundred|thousand|million|billion|trillion)\b)*"
# After a scale word a number goes on: "one hundred and twenty", "two thousand five".
_BELOW_HUNDRED = (r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                  rf"(?:[-\s](?:{_UNIT_WORDS}))?|{_UNIT_WORDS}|ten|eleven|twelve|"
                  "thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen")
_WORDS_SCALED = (r"(?:\s+(?:hundred|thousand|million|billion|trillion)\b"
                 rf"(?:(?:\s+and)?\s+(?:{_BELOW_HUNDRED})\b)?)*")
_PERCENT = r"(?:\s*(?:%|percent\b|per cent\b))?"
_NUMBER = re.compile(
    r"(?:\b(?:more than|over|about|nearly|almost|around|some|up to|at least)\s+)?"
    # Not the "1850" of "the 1850s": a decade counts nothing.
    rf"(?:\d[\d,]*(?:\.\d+)?(?!\d|s\b){_SCALE_WORD}{_PERCENT}"
    rf"|\b(?:{_NUMBER_WORDS})\b{_WORDS_SCALED}{_PERCENT}"
    # "the first person to win a Nobel Prize twice": how many times.
    r"|\b(?:twice|thrice)\b)",
    re.I,
)
# A run of capitalised words, allowing initials ("K. Tokayev") and inner "of". It
# never crosses a line break, nor a word ending a sentence ("... the Caspian Sea.
# Kazan"): two lower-case letters before the full stop; "K.", "Co.", "Mr.",
# "U.S." and the titles in ``_TITLE_DOT`` ("Mrs.", "Prof.") go on.
_TITLE_DOT = "".join(f"|(?<={t}\\.)" for t in ("Mrs", "Prof", "Gen", "Gov", "Sen", "Rev", "Capt",
                                                "Col", "Sgt", "Maj", "Lieut", "Hon", "Bros",
                                                "Inc", "Ltd", "Corp"))
_NAME = re.compile(rf"\b[A-Z][\w’'.-]*(?:(?:(?<![a-z]{{2}}\.){_TITLE_DOT})[^\S\n]+"
                   r"(?:of[^\S\n]+)?[A-Z][\w’'.-]*)*")


# Phrases that state a reason or purpose ("is aimed at", "This helps ...").
REASON_PHRASE = re.compile(
    r"\b(because|since|due to|owing to|thanks to|as a result|so that|in order to|aim(?:s|ed)? "
    r"(?:at|to)|help(?:s|ed)?|therefore|for this reason|"
    # The verbs only: "forces ... to", not "Russian forces" or "in force".
    r"forc(?:es|ed|ing)\s+(?:[\w’'-]+\s+){0,8}?to|caused|causing|prompt(?:s|ed)|"
    r"resulted\s+in|"
    r"allow(?:s|ing)?|lead(?:s)? to|to ensure|designed to|intended to)\b"
    # "Considering its importance, ...", not "The council is considering ...".
    r"|(?:^|(?<=[,;]\s))considering\b",
    re.I,
)


def candidates(sentence: str, kind: AnswerType, question: str,
               proper_nouns: Collection[str] | None = None) -> list[tuple[int, int]]:
    """Spans of ``kind`` in ``sentence`` that the question does not already contain.

    Args:
        sentence: The text to search.
        kind: What the question asks for.
        question: The question, whose own words are never the answer.
        proper_nouns: Lower-cased words seen capitalised mid-sentence in the corpus.
            A capitalised first word counts as a name only if it is one of them
            ("Kazakhstan, which chairs ..." but not "Prospects for ..."); with
            None, any first word but a stop word counts.
    """
    if kind is AnswerType.OTHER:
        return []
    if kind is AnswerType.REASON:
        # A reason is a clause, not a span we cut out; only its presence counts.
        return [m.span() for m in REASON_PHRASE.finditer(sentence)]
    if kind is AnswerType.EXPANSION:
        acronym = asked_acronym(question)
        return spelled_out(acronym, sentence) if acronym else []
    if kind is AnswerType.DEFINITION:
        subject = asked_subject(question)
        said = definition(sentence, subject) if subject else None
        return [said] if said else []
    pattern = {AnswerType.DATE: _DATE, AnswerType.NUMBER: _NUMBER, AnswerType.NAME: _NAME,
               AnswerType.COUNTRY: _NAME, AnswerType.ENTITY: _NAME}[kind]
    named = kind in (AnswerType.COUNTRY, AnswerType.ENTITY)
    where = bool(_WHERE_Q.match(question))
    city = bool(CITY_Q.search(question))
    asked = set(tokenize(question))
    found = []
    for match in pattern.finditer(sentence):
        start, end = match.span()
        run_start = start
        text = sentence[start:end].rstrip(".,;: ")
        end = start + len(text)
        if kind is AnswerType.NAME or named:
            whole = (start, end)
            start, end = _strip_asked(sentence, start, end, asked,
                                      titles=kind is AnswerType.NAME)
            if kind is AnswerType.ENTITY and (city or where) and (start, end) != whole and (
                    not _LOCATIVE.search(sentence, 0, whole[0])):
                # "Security Councils" less the question's "security" is no city.
                continue
            if kind is AnswerType.NAME and _OF_END.search(sentence, run_start, start):
                if _asks_office_of(question):
                    # Asked for the president of China, "President of | Kazakhstan
                    # K. Tokayev" holds the office of somewhere else.
                    continue
                # Asked for "the president", his country is not his name.
                start = _after_country(sentence, start, end)
        if kind is AnswerType.ENTITY and (city or where) and _TITLE_OF.search(
                sentence, start, end):
            continue  # "President of Kazakhstan K. Tokayev" is no place
        if named:
            start, end = _strip_common_opening(sentence, start, end, proper_nouns)
        if start >= end:
            continue
        terms = set(tokenize(sentence[start:end]))
        if not terms and (kind is AnswerType.NAME or named):
            continue  # stop words alone name nothing: "The" after an emoji
        if terms and terms <= asked:
            continue  # the question already says it; it is not the answer
        if kind is AnswerType.NAME and not (
                _looks_like_name(sentence[start:end])
                # One word left of a longer run ("Acme | Robotics") is part of a
                # name, unless all that went before it was a title ("President Obama").
                or (_only_titles(sentence[run_start:start])
                    and _single_name(sentence, start, end, proper_nouns))):
            continue
        if (kind is AnswerType.NAME and _IN_PLACE.search(sentence, 0, start)
                and not _POSSESSIVE_END.search(sentence, start, end)):
            # "headquartered in Budapest": a place, not who did it ("at Xi
            # Jinping's invitation" is someone's).
            continue
        if kind is AnswerType.NAME and WHICH_PEOPLE.match(question) and (
                _NOT_A_PLACE.search(sentence, start, end)
                or _BODY_ACRONYM.fullmatch(sentence, start, end)):
            continue  # "Which leader ...?": "Astana Declaration", "SCO" are no one
        if kind is AnswerType.NAME and _holds_title(asked) and (
                _BODY_ACRONYM.search(sentence, start, end) or is_country(sentence[start:end])):
            # "Who is the SCO Secretary General?" asks for a person: "Regional
            # Anti-Terrorism SCO" in the same sentence is a body, "United States"
            # a country.
            continue
        if named and not _looks_like_entity(sentence[start:end]):
            continue
        if kind is AnswerType.ENTITY and _adjective_of_place(sentence, start, end, proper_nouns):
            continue  # "the Eurasian region" is no body: "Eurasian" says where it is
        if kind is AnswerType.COUNTRY and not is_country(sentence[start:end]):
            continue
        if (kind is AnswerType.ENTITY and city and is_country(sentence[start:end])
                and not stands_for(sentence[start:end])):
            continue  # asked for a city, "Kazakhstan" is no answer ("Singapore" is)
        if kind is AnswerType.ENTITY and (city or where) and (
                _NOT_A_PLACE.search(sentence, start, end)
                or _BODY_ACRONYM.fullmatch(sentence, start, end)):
            continue  # "Which city hosts the summit?": "Astana Declaration", "SCO": no city
        if kind is AnswerType.ENTITY and where and not _LOCATIVE.search(sentence, 0, start):
            continue
        if kind is AnswerType.NUMBER:
            # The question's "how high" is how it asks, not what is counted:
            # "high" after a number ("two states ran high") anchors nothing.
            measure = _MEASURE_Q.search(question)
            anchors = asked - set(tokenize(measure.group(0))) if measure else asked
            if not _anchored(sentence, start, end, anchors, question):
                continue
            start, end = _amount(sentence, start, end)
            if _MEASURE_Q.search(question):
                unit = _MEASURE.match(sentence, end)
                end = unit.end() if unit else end
        found.append((start, end))
    if kind is AnswerType.ENTITY and where and not city:
        found.extend(m.span(1) for m in _DIRECTION.finditer(sentence)
                     if not set(tokenize(m.group(1))) <= asked
                     and not any(s < m.end(1) and m.start(1) < e for s, e in found))
        if not found:
            # Notes and manuals place things in common nouns ("in the blue box on
            # the top shelf"): a last resort, so that a name, where there is one,
            # stays the short answer.
            found.extend(m.span(1) for m in _PLACE.finditer(sentence)
                         if m.group(2) not in _NOT_PLACES and not _POINT_RE.fullmatch(m.group(2))
                         and not set(tokenize(m.group(1))) <= asked)
        found.sort()
    if kind is AnswerType.COUNTRY and not found:
        # "Which countries' ...?" over "the Central Asian countries": countries
        # named together by where they are, where none is named alone.
        found = [m.span() for m in _REGIONAL_COUNTRIES.finditer(sentence)
                 if not set(tokenize(m.group(1))) <= asked]
    if kind is AnswerType.NAME and not found and _WHO_ACTS_Q.match(question):
        found = [span for span in _groups_of_people(sentence)
                 if not set(tokenize(sentence[span[0]:span[1]])) <= asked]
    return found


_REGIONAL_COUNTRIES = re.compile(
    r"\b((?:(?:Central|Eastern|Western|Northern|Southern|North|South|East|West)\s+)?"
    r"(?:Asian|European|African|American|Arab|Baltic|Nordic|Scandinavian|Balkan|Caucasian|"
    r"Caribbean|Pacific|Atlantic|Mediterranean|Gulf|Eurasian|Latin\s+American|Slavic|Turkic))"
    r"\s+(?:countries|states|nations)\b")


# "Who took part ...?", "Who attended ...?": people who took part in something
# may be named by what they are ("famous cultural and scientific figures"), where
# no one is named. "Who is the ...?", "Who founded ...?" and "Name the people who
# ..." ask for a name.
_WHO_ACTS_Q = re.compile(
    r"\s*who\s+(?:(?:will|would|can|could|did|does|do|may|might)\s+)?(?:be\s+)?"
    r"(?:took|take[sn]?|taking)\s+part|\s*who\s+(?:(?:will|would|can|could|did|does|do|may|"
    r"might)\s+)?(?:be\s+)?(?:attend|participat|came\b|come|gather|join|visit|met\b|meet|"
    r"spoke|speak|sit|sat|serve|served|be\s+in\b|be\s+on\b|(?:was|were|are|is|be)\s+invited)",
    re.I)
_PEOPLE = re.compile(
    r"\b(?:people|persons|figures|leaders|officials|representatives|delegates|delegations|"
    r"experts|specialists|scientists|researchers|scholars|ministers|diplomats|"
    r"heads\s+of\s+state|citizens|residents|workers|farmers|students|teachers|soldiers|"
    r"troops|volunteers|participants|guests|visitors|investors|businessmen|entrepreneurs|"
    r"politicians|lawmakers|legislators|journalists|artists|musicians|writers|authors|"
    r"engineers|doctors|physicians|settlers|immigrants|migrants|refugees|observers|"
    r"authorities|members)\b")
# What describes people before the noun: adjectives, told by their endings, and
# a few common ones that have none. A verb ("drew") ends the phrase.
_MODIFIER = re.compile(r"\b([a-z][\w’'-]*)(?:,?\s+and)?[^\S\n]+$")
_ADJECTIVE = re.compile(r"(?:al|ic|ous|ful|ive|an|ian|ese|ish|ary|ant|ent|ing|less|ble|ior|est|"
                        r"er)$")
_PLAIN_ADJECTIVES = frozenset(("foreign", "local", "top", "young", "old", "senior", "junior",
                               "key", "chief", "former", "future", "many", "other"))
_GROUP_JOIN = re.compile(r",?\s+(?:and\s+|or\s+)?|,\s*")
_NOT_MODIFIERS = frozenset(("including", "during", "among", "according", "concerning",
                            "regarding"))


def _groups_of_people(sentence: str) -> list[tuple[int, int]]:
    """Spans naming a group of people by what they are, with the words that
    describe them: "with the participation of | famous cultural and scientific
    figures"."""
    spans: list[tuple[int, int]] = []
    for match in _PEOPLE.finditer(sentence):
        start = match.start()
        # A modifier is a word: look back no further than a few of them.
        while (word := _MODIFIER.search(sentence, max(0, start - 60), start)) and (
                _describes(word.group(1))):
            start = word.start()
        if spans and _GROUP_JOIN.fullmatch(sentence, spans[-1][1], start):
            start = spans.pop()[0]  # "experts and officials": one group
        spans.append((start, match.end()))
    return spans


def _describes(word: str) -> bool:
    """Whether ``word`` may describe the people a noun names ("famous", "foreign")."""
    return word in _PLAIN_ADJECTIVES or (
        word not in _NOT_MODIFIERS and len(word) > 3 and bool(_ADJECTIVE.search(word)))


def _strip_asked(sentence: str, start: int, end: int, asked: set[str],
                 titles: bool = False) -> tuple[int, int]:
    """Drop leading words of a name run that the question mentions.

    "Kazakh Foreign Minister Murat Nurtleu" asked about with "Kazakhstan's foreign
    minister" becomes "Murat Nurtleu"; a prefix match lets "Kazakh" count as
    mentioned by "Kazakhstan".
    """
    words = list(re.finditer(r"\S+", sentence[start:end]))
    keep = 0
    while keep < len(words) - 1:
        word = words[keep].group()
        bare = word.lower().strip(".,’'")
        # With ``titles`` (a person asked for), a title opening the run goes too:
        # "Chief Executive Officer Jane Porter" is "Jane Porter". A run opening
        # with "General" may be a company's ("General Motors").
        if word != "of" and not _mentioned(word, asked) and not (
                titles and bare in _TITLES and (keep or bare != "general")):
            break
        keep += 1
    if keep:
        start += words[keep].start()
    return start, end


def _strip_common_opening(sentence: str, start: int, end: int,
                          proper_nouns: Collection[str] | None) -> tuple[int, int]:
    """Drop a sentence's or quotation's first word from a run unless the corpus
    capitalises it mid-sentence too: "During the ..." opens a sentence, it names
    nothing.
    Without the corpus's list, only a stop word is dropped.
    """
    before = sentence[:start].rstrip()
    # A quotation opens with a capital too: the motto “Strengthening ...” names
    # nothing.
    if before.strip(_OPENING_PUNCT) and not before.endswith(("“", "‘", ' "')):
        return start, end
    first = re.match(r"\S+", sentence[start:end])
    if first is None:
        return start, end
    word = first.group().strip(".,;:’'").lower()
    if word in proper_nouns if proper_nouns is not None else tokenize(word):
        return start, end
    rest = re.search(r"\s+", sentence[start:end])
    return (start + rest.end(), end) if rest else (end, end)


_OPENING_PUNCT = " \t\n\"“‘'([-–—"
_CALENDAR = re.compile(rf"^(?:{_MONTH}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                       r"Sunday)$")


def _adjective_of_place(sentence: str, start: int, end: int,
                        proper_nouns: Collection[str] | None) -> bool:
    """Whether ``sentence[start:end]`` is one word of place used as an adjective: a
    demonym ("Russian", or "Eurasian" of the corpus's "Eurasia") before a common
    noun ("the Eurasian region", "Asian countries"). A capital before a verb
    ("Beijing hosted ...") is a place."""
    word = sentence[start:end]
    following = _LOWER_NEXT.match(sentence, end)
    if " " in word or following is None or not tokenize(following.group(1)):
        return False
    lower = word.lower()
    of_place = is_demonym(word) or (
        proper_nouns is not None and lower.endswith("n")
        and any(lower[:-cut] in proper_nouns for cut in (1, 2)))
    return of_place


# The next word, if lower-case: a noun that an adjective before it describes.
_LOWER_NEXT = re.compile(r"[^\S\n]+([a-z][\w-]*)")


def _looks_like_entity(text: str) -> bool:
    """A place or body: not a bare title ("President") nor a month ("May")."""
    words = text.split()
    if all(w.lower().strip(".,’'") in _TITLES for w in words):
        return False
    return not (len(words) == 1 and _CALENDAR.match(words[0].strip(".,")))


def proper_noun_words(texts: Iterable[str]) -> frozenset[str]:
    """Lower-cased words written capitalised somewhere other than a sentence start."""
    found: set[str] = set()
    for text in texts:
        for match in _MID_CAPITAL.finditer(text):
            found.add(match.group(1).lower())
    return frozenset(found)


# A capitalised word after another word (not after end punctuation or a quote).
_MID_CAPITAL = re.compile(r"[\w,;)’'-]\s+([A-Z][\w’'-]*)")


# Adjectives of place ("Central Asian", "Chinese") are capitalised but name no one.
_DEMONYM = re.compile(r"(?:an|ese|ish|ian|i)$")


_TITLES = TITLE_WORDS


# An office "of" somewhere: its holder, not a place ("Prince Edward Island" is one).
_TITLE_OF = re.compile(rf"\b(?i:{'|'.join(sorted(TITLE_WORDS))})\s+of\b")
# A stripped office that ends in "of": what follows is whose office it is.
_OF_END = re.compile(r"\bof\s+$")
# "the president of China", "the foreign minister of Kazakhstan": an office with its owner.
_WHO_IS_Q = re.compile(r"\bwho\s+(?:is|was|are|were)\b", re.I)
_OFFICE_OF = re.compile(r"([\w’'-]+)\s+of\s+(?:the\s+)?([\w’'-]+)", re.I)


def _asks_office_of(question: str) -> bool:
    """Whether a question asks who holds an office of someone ("Who is the
    president of China?"), in any case."""
    return bool(_WHO_IS_Q.search(question)) and any(
        not OFFICES.isdisjoint(tokenize(m.group(1))) and tokenize(m.group(2))
        for m in _OFFICE_OF.finditer(question))


def _after_country(sentence: str, start: int, end: int) -> int:
    """Where a name run starting with a country's name ("South Africa Cyril
    Ramaphosa") goes on after it; ``start`` if it does not start with one."""
    words = list(re.finditer(r"\S+", sentence[start:end]))
    for size in (3, 2, 1):  # the longest name first: "South Africa", not "South"
        if len(words) > size and is_country(sentence[start : start + words[size - 1].end()]):
            return start + words[size].start()
    return start


# An acronym ("SCO", "UN"): part of a body's name, never of a person's. Not a
# regnal number ("Charles III").
_BODY_WORD = re.compile(r"\b(?!(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3})\b)[A-Z]{2,}\b")
# One of three letters or more: "JD Vance" has initials, "BYD" is a company.
_BODY_ACRONYM = re.compile(r"\b(?!(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3})\b)[A-Z]{3,}\b")


def _holds_title(asked: set[str]) -> bool:
    """Whether a question's terms name an office ("president", "minister"), so
    that it asks who holds it: a person."""
    return not asked.isdisjoint(OFFICES)


def _only_titles(text: str) -> bool:
    """Whether ``text`` (what was stripped off a name run) is empty, or titles only
    that name an office ("President", not the "Head" of "Head Start")."""
    words = [w.lower().strip(".,’'") for w in text.split()]
    return not words or (all(w in _TITLES for w in words)
                         and not OFFICES.isdisjoint(tokenize(" ".join(words))))


_DETERMINERS = frozenset(("the", "a", "an", "this", "that", "these", "those", "its", "their",
                          "his", "her", "our", "your", "my"))


def _single_name(sentence: str, start: int, end: int,
                 proper_nouns: Collection[str] | None) -> bool:
    """Whether a one-word span is a name the corpus capitalises mid-sentence
    ("the logistics group Nordfracht"), neither opening its sentence nor after
    an article ("the Summit"), and no country, title, month or acronym."""
    word = sentence[start:end]
    before = sentence[:start].split()
    # "to the Summit": a name needs no article; "said, “The talks ...": nor is a
    # word opening a quotation one.
    if (proper_nouns is None or " " in word or not before or not tokenize(word)
            or before[-1].lower() in _DETERMINERS
            or sentence[:start].rstrip().endswith(("“", '"', "‘", "'"))):
        return False
    if (len(before) >= 2 and before[-1] in ("in", "of", "for") and before[-2][:1].isupper()
            and before[-2][-1:].isalnum()):
        return False  # the end of a longer name: "Nobel Prize in Physics"
    bare = word.lower().strip(".,’'")
    return (bare in proper_nouns and bare not in _TITLES and not is_country(word)
            and not _CALENDAR.match(word) and len(bare) > 2 and not word.isupper())


def _looks_like_name(text: str) -> bool:
    """An initial ("K. Tokayev"), or two or more capitalised words that are not
    all titles or acronyms ("SCO Secretary General") and do not end in an
    adjective of place ("Central Asian").
    """
    words = text.split()
    if re.search(r"\b[A-Z]\.", text):
        return True
    if len(words) < 2 or _DEMONYM.search(words[-1]):
        return False
    # "Secretary General", "SCO Secretary General": an office, whoever holds it.
    return not all(w.lower().strip(".,’'") in _TITLES or _BODY_WORD.fullmatch(w.strip(".,’'"))
                   for w in words)


_UNIT = re.compile(
    r"^\s*(?:%|percent|per cent|years?|months?|weeks?|days?|hours?|km|kilometers?|"
    r"kilometres?|miles?|meters?|metres?|tons?|tonnes?|dollars?|euros?|people|members?)\b",
    re.I,
)


# "How long is the Rhine?": "about 1,230 kilometres", not "about 1,230". A count's
# noun ("14 dialogue partners") stays out: the question already names it.
# The "how ..." of ``_NUMBER_Q`` that ask for a measure.
_MEASURE_Q = re.compile(
    r"\bhow\s+(?:long|far|big|large|old|tall|high|deep|wide|heavy|fast|hot|cold)\b", re.I)
# A name after these is where something is, not who: "headquartered in Budapest".
_POSSESSIVE_END = re.compile(r"[’']s$")
_IN_PLACE = re.compile(r"\b(?:in|at|near|across|throughout|inside)\s+(?:the\s+)?$", re.I)
# A name ending in one of these is a document, a body or an event, not a place.
# ("Soviet Union", "West Bank" and "Wakhan Corridor" are places: not among them.)
_NOT_A_PLACE = re.compile(
    r"\s(?:Declaration|Strategy|Program|Programme|Plan|Forum|Club|Fund|Organi[sz]ation|"
    r"Commission|Council|Committee|Agreement|Treaty|Act|Summit|Conference|Group|Company|"
    r"Inc|Co|Ltd|Corp|Structures?|Secretariat|Party|Award|Prize|Cup|Games|Festival|"
    r"Initiative|Project|Report|Statement)\.?$")
# Measures only a number with its unit answers ("How big ...?" may count people).
_UNIT_Q = re.compile(r"\bhow\s+(?:long|far|tall|high|deep|wide|heavy|fast|hot|cold)\b", re.I)
_MEASURE = re.compile(
    r"(?:\s*|-)(?:km|kilomet(?:er|re)s?|mi|miles?|m|met(?:er|re)s?|cm|centimet(?:er|re)s?|mm|ft|"
    r"feet|foot|inch(?:es)?|kg|kilograms?|g|grams?|tons?|tonnes?|pounds?|lbs?|years?|"
    r"months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centur(?:y|ies)|km/h|mph|°C|°F|"
    r"degrees?|hectares?|"
    r"acres?|square\s+(?:kilomet(?:er|re)s?|miles?|met(?:er|re)s?))(?![\w/])")
_CURRENCY = ("$", "€", "£", "¥")
_SCALE = re.compile(r"(?:m|bn|k|\s+(?:million|billion|trillion))\b", re.I)


def _amount(sentence: str, start: int, end: int) -> tuple[int, int]:
    """A number widened to the money it states: "304" in "£304m" becomes "£304m"."""
    before = sentence[:start].rstrip()
    if not before.endswith(_CURRENCY):
        return start, end
    scale = _SCALE.match(sentence, end)
    return len(before) - 1, scale.end() if scale else end


def _anchored(sentence: str, start: int, end: int, asked: set[str], question: str) -> bool:
    """Whether a number counts what was asked about.

    "six members ... 14 dialogue partners": asked about dialogue partners, only 14
    is followed by the question's own words. A percentage or a unit of measure
    answers "how much/long/far" on its own, and a sum of money "how much".
    """
    text = sentence[start:end].lower()
    if _YEAR_LIKE.fullmatch(text) and (_TIME_BEFORE.search(sentence, 0, start) or (
            (_YEAR_OR_COUNT_BEFORE.search(sentence, 0, start) or _RANGE_AFTER.match(sentence, end))
            and not any(_mentioned(word, _counted(question) or asked)
                        for word in _noun_phrase(sentence, end)[:1] if tokenize(word)))):
        # "in 2001", "for 2024–2029", "by 2030": a date, not an amount ("a crowd
        # of 2000 people", "1500–2000 troops" count what is asked about).
        return False
    is_share = "%" in text or "percent" in text or "per cent" in text
    is_money = sentence[:start].rstrip()[-1:] in _CURRENCY
    if (is_share or is_money) and re.search(r"\bhow many\b", question, re.I):
        # A percentage or a sum of money is not a count, unless it is a share of
        # what is counted: "How many Victorians are Catholic?" over "26.7% of the
        # Victorian population".
        share_of = _SHARE_OF.match(sentence, end) if is_share else None
        return share_of is not None and any(_mentioned(word, _counted(question))
                                            for word in share_of.group(1).split()
                                            if tokenize(word))
    if not is_share and re.search(r"\bpercent|percentage\b", question, re.I):
        return False  # and a count is not a percentage
    if is_share or _UNIT.match(sentence, end):
        return True
    if _MEASURE_Q.search(question) and _MEASURE.match(sentence, end):
        return True  # "How high is Mount Bogong?" over "at 1,986 m"
    if _UNIT_Q.search(question):
        return False  # "How deep is it?": "since 1992" gives no depth
    if re.search(r"\bhow old\b", question, re.I) and re.search(
            r"\b(?:aged?|at the age of)\s*$", sentence[:start], re.I):
        return True  # "How old was she?" over "aged 66"
    if sentence[:start].rstrip()[-1:] in _CURRENCY and re.search(r"\bhow much\b", question, re.I):
        return True  # "How much was paid?" over "£304m"
    following = re.findall(r"[\w’'-]+", sentence[end:])[:4]
    counted = _counted(question)
    if text in ("twice", "thrice"):
        # "to win a Nobel Prize twice": what it counts comes right before it; in
        # "the members met twice" it counts meetings, not members.
        before = re.findall(r"[\w’'-]+", sentence[:start])[-1:]
        return any(_mentioned(word, counted or asked) for word in before if tokenize(word))
    phrase = _noun_phrase(sentence, end)
    if counted and phrase:
        # "How many people died?" counts people: "183 regional and local conflicts"
        # is followed by the question's "conflicts", but counts something else. A
        # number heading no noun ("Twelve were killed") is judged as below.
        if counted & _STATES:
            # "How many countries are observers?": states by any name, and the
            # question's other words ("observers") too.
            counted = asked | _STATES
        return any(_mentioned(word, counted) for word in phrase if tokenize(word))
    return any(_mentioned(word, asked) for word in following if tokenize(word))


_SHARE_OF = re.compile(r"\s+of\s+(?:the\s+|all\s+|its\s+|their\s+)?((?:[\w’'-]+\s+)?[\w’'-]+)")
_YEAR_LIKE = re.compile(r"(?:1[5-9]|20)\d\d")
_TIME_BEFORE = re.compile(r"\b(?:in|for|since|until|till|before|after|during)\s+$", re.I)
_YEAR_OR_COUNT_BEFORE = re.compile(r"(?:\b(?:of|by|from|between)\s+|\d\s*[-–]\s*)$", re.I)
_RANGE_AFTER = re.compile(r"\s*[-–]\s*\d")


# What "how many ...?" counts: its next two words ("dialogue partners", "people died";
# not "of the", in "how many of the six packages": then any question word counts).
_COUNTED = re.compile(r"\bhow many\s+((?:[\w’'-]+\s+)?[\w’'-]+)", re.I)
# Words news uses for one another when counting states.
_STATES = frozenset(tokenize("countries states nations members"))
_NEXT_WORD = re.compile(r"\s+([^\W\d][\w’'-]*)")


def _counted(question: str) -> set[str]:
    """The terms of what "how many ...?" counts, or none."""
    counted = _COUNTED.search(question)
    return set(tokenize(counted.group(1))) if counted else set()


def _noun_phrase(sentence: str, end: int) -> list[str]:
    """The words a number ending at ``end`` heads: up to four content words (with
    "and", "or", "of" between them: "5 University of California campuses"), up to
    punctuation, a digit or another stop word; none when a stop word follows at
    once ("Twelve were killed")."""
    words: list[str] = []
    while len(words) < 5 and (match := _NEXT_WORD.match(sentence, end)):
        word = match.group(1)
        if not tokenize(word) and (not words or word.lower() not in _JOINING):
            break
        words.append(word)
        end = match.end()
    while words and words[-1].lower() in _JOINING:
        words.pop()
    return words


_JOINING = frozenset(("and", "or", "of"))


def _mentioned(word: str, asked: set[str]) -> bool:
    terms = tokenize(word)
    if not terms:
        return True  # a stop word carries no name
    return all(
        t in asked or any(len(t) >= 4 and (a.startswith(t) or t.startswith(a)) for a in asked)
        for t in terms
    )


# "What tariff ...?", "What is the fee ...?": the answer is a rate or an amount. Not a
# NUMBER question for scoring (a sentence without a figure may still answer "what tax
# applies"), but when the chosen sentence holds exactly one, that is the short answer.
_RATE_Q = re.compile(r"\b(what|which)\b(\s+[\w’'-]+){0,3}?\s+(tariffs?|rates?|fees?|dut(y|ies)|"
                     r"levy|levies|tax(es)?|prices?|costs?|budget|amount)\b", re.I)
_RATE = re.compile(r"\d[\d,]*(?:\.\d+)?\s*(?:%|percent\b|per cent\b|percentage points?\b|"
                   r"basis points?\b)"
                   rf"|[{re.escape(''.join(_CURRENCY))}]\s?\d[\d,]*(?:\.\d+)?"
                   r"(?:\s+(?:million|billion|trillion)\b)?",
                   re.I)


# "What tariff rate ...?" names the kind of figure it wants; a sentence without
# one does not answer it ("has imposed tariffs on solar panels"). Only a rate of
# something named counts: "At what rate is it developing?" asks how fast.
_RATE_NOUN = (r"(?:tariff|tax|interest|duty|exchange|inflation|unemployment|growth|mortgage|"
              r"vat)\s+rates?\b(?!\s+(?:regimes?|polic|chang|hikes?|cuts?|systems?|mechanisms?|"
              r"differentials?|targets?))")
_RATE_ASKED = re.compile(
    rf"\b(?:what|which)\s+(?:(?:new|current|average|annual|additional|extra)\s+)?{_RATE_NOUN}"
    rf"|\bwhat\s+(?:is|was|are|were|will\s+be)\s+the\s+(?:[\w’'-]+\s+){{0,2}}?{_RATE_NOUN}",
    re.I)


def missing_rate(sentence: str, question: str) -> bool:
    """Whether ``question`` asks for a rate and ``sentence`` states none."""
    return bool(_RATE_ASKED.search(question)) and not _RATE.search(sentence)


def narrow(sentence: str, question: str,
           proper_nouns: Collection[str] | None = None) -> str | None:
    """The typed span answering ``question`` in ``sentence``, or None.

    Of several spans of the asked type, the one nearest the question's own words
    is chosen; on a tie, or with none of them nearby, there is no short answer.
    """
    kind = answer_type(question)
    if kind is AnswerType.OTHER and _RATE_Q.search(question):
        rates = _RATE.findall(sentence)
        if len(rates) == 1:
            return rates[0]
    if kind is AnswerType.DEFINITION:
        said = candidates(sentence, kind, question)
        return sentence[said[0][0] : said[0][1]] if said else _drop_restatement(sentence, question)
    if kind is AnswerType.OTHER and _YES_NO_Q.match(question):
        return None  # "Is the UN Secretary General invited?": the sentence says
    if kind in (AnswerType.REASON, AnswerType.OTHER):
        return _drop_restatement(sentence, question)
    spans = candidates(sentence, kind, question, proper_nouns)
    if kind is AnswerType.NAME:
        # "the Executive Director of the Regional Anti-Terrorism SCO structures":
        # the sentence names people by office, and "Regional Anti-Terrorism SCO" is
        # part of a body's name, no short answer (the sentence still answers).
        spans = [(start, end) for start, end in spans
                 if not (_BODY_ACRONYM.search(sentence, start, end)
                         and _LOWER_WORD_AFTER.match(sentence, end)
                         and " " in sentence[start:end]
                         and not _POSSESSIVE_END.search(sentence, start, end))]
    if len(spans) > 1 and PLURAL_Q.search(question):
        whole = listed(sentence, spans)
        if whole is not None:
            return whole
    if len(spans) > 1:
        spans = nearest(sentence, spans, question, counts=kind is AnswerType.NUMBER)
    if len(spans) != 1:
        return None
    start, end = spans[0]
    if kind is AnswerType.DATE and _YEAR_Q.search(question):
        year = _YEAR.search(sentence, start, end)
        if year:  # "What year ...?" over "May 2013": 2013
            return year.group()
    return sentence[start:end]


# A question answered yes or no: the whole sentence answers, not a cut of it.
_YES_NO_Q = re.compile(r"\s*(?:is|are|was|were|do|does|did|can|could|will|would|should|has|"
                       r"have|had)\b", re.I)


# A lower-case word right after a name: the name goes on as a body's ("SCO structures").
_LOWER_WORD_AFTER = re.compile(r"[^\S\n]+[a-z]")


_YEAR_Q = re.compile(r"\b(?:what|which) year\b", re.I)
_YEAR = re.compile(r"\b(?:1[89]|20)\d{2}\b(?:\s*[-–]\s*(?:1[89]|20)?\d{2}\b)?")

_LINKING = frozenset(("is", "are", "was", "were", "be", "been", "will", "would", "can", "that",
                      "which", "to", "by", "as", "of", "in", "on", "for", "and", "the", "a", "an"))


def _drop_restatement(sentence: str, question: str) -> str | None:
    """The sentence minus an opening that only restates the question.

    "Its main goals focus on strengthening ..." asked "What are the SCO's main
    goals?" gives "focus on strengthening ...". Done only when the opening holds
    two or more of the question's words and nothing new, and what is left is a
    clause of three words or more; otherwise None (the whole sentence stands).
    """
    asked = set(tokenize(question))
    words = list(re.finditer(r"[\w’'-]+", sentence))
    matched = 0
    cut = None
    for i, word in enumerate(words):
        terms = tokenize(word.group())
        if not terms:
            continue  # a stop word: part of whichever side it sits on
        if not _mentioned(word.group(), asked):
            break
        matched += 1
        cut = i + 1
    if cut is None or matched < 2 or cut >= len(words):
        return None
    # Linking words right after the restated part ("goal is to ...") belong to it.
    while cut < len(words) and words[cut].group().lower() in _LINKING:
        cut += 1
    if len(words) - cut < 3:
        return None
    begin = words[cut].start()
    # A cut inside a date ("February 1 | of this year. At the site ...") moves
    # past it: half a date is no answer.
    for date in _DATE.finditer(sentence):
        if date.start() < begin < date.end():
            begin = date.end()
    rest = sentence[begin:].lstrip(" .,;:–—-").rstrip(". ")
    return rest if len(rest.split()) >= 3 else None
