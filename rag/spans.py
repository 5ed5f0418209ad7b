"""Narrowing a quoted sentence to the short span that answers the question.

Only done where it is reliable: the question asks for a type we can recognise
(a date, a number, a person, a country, a named place or body) and the sentence
holds exactly one candidate of that type that the question does not already
mention. Otherwise the whole sentence is the answer.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable

from rag.choosing import PLURAL_Q, listed, nearest
from rag.coreference import ACRONYM, asked_acronym, spelled_out
from rag.countries import REGIONAL_ADJECTIVES, is_country, is_demonym, stands_for
from rag.definitions import asked_subject, definition
from rag.figures import (
    CALENDAR,
    DATE,
    NUMBER,
    asked_rate,
    asked_year,
    asks_month,
    asks_year,
    counted_span,
    names_month,
    names_year,
    outside_asked_time,
)
from rag.lexical import (
    AUXILIARIES,
    MODALS,
    TITLE_WORDS,
    WORDS,
    YES_NO_OPENING,
    mentioned,
    tokenize,
)
from rag.people import (
    BODY_ACRONYM,
    NAME,
    WHO_ACTS_Q,
    after_country,
    asks_office_of,
    groups_of_people,
    holds_title,
    looks_like_name,
    offices_held,
    only_titles,
    single_name,
    strip_asked,
)
from rag.questions import BODY_Q, CITY_Q, WHICH_PEOPLE, AnswerType, answer_type
from rag.reasons import reason_spans

# "Where ...?" is answered by a place, and English puts a place after a locative
# preposition ("in Almaty", "at the site of"); "heads of state of Kazakhstan" names
# a country but says where nothing is. This raised abstain F1 on dev from 0.776 to
# 0.824 and on the SQuAD sample from 0.279 to 0.324, and overall F1 on both (52.2 ->
# 54.6, 20.7 -> 22.6), at the cost of four of 412 SQuAD quote hits@3, mostly "where"
# answers that are no name ("in the south-east").
WHERE_Q = re.compile(r"\s*where\b", re.I)
# "In which region ...?", "What area ...?" (not "What part does it play?").
_REGION_Q = re.compile(r"\b(?:which|what)\s+(?:[\w-]+\s+)?(?:region|area)s?\b", re.I)
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
# "in the region", "in the world": the place the text named before, or everywhere,
# which says no more where than the question does ("the developing world" does).
_REFERRING_PLACES = frozenset(("the region", "the regions", "the world"))
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
# Asked which official, an office held answers, whoever holds it: of the body or
# country the question names before "official", if it names one ("Which UN
# official ...?" is answered by "the UN Secretary General", not by "the Executive
# Director" of something else).
_OFFICIAL_Q = re.compile(r"\s*which\s+(?P<whose>(?:[\w’'-]+\s+){0,2}?)officials?\b", re.I)
# An office's owner after it: "the Executive Director of the Regional
# Anti-Terrorism SCO structures".
_OF_OWNER = re.compile(r"\s+of\s+(?:the\s+)?(?:[\w’'-]+\s+){0,4}[\w’'-]+")


def _office_of(sentence: str, start: int, end: int, whose: set[str]) -> bool:
    """Whether ``sentence[start:end]`` is an office (titles, acronyms among them)
    of ``whose`` (its terms, if any: named in the office or after "of" right
    after it)."""
    # An acronym may stand among its titles: "SCO Secretary General".
    if not only_titles(ACRONYM.sub(" ", sentence[start:end])):
        return False
    owner = _OF_OWNER.match(sentence, end)
    return not whose or whose <= set(tokenize(sentence[start:end] + " " + (
        owner.group() if owner else "")))


# An article opening a run of capitalised words ("The UN Secretary General").
_ARTICLE = re.compile(r"(?:(?:the|a|an)\s+)?", re.I)


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
        return reason_spans(sentence, question)
    if kind is AnswerType.EXPANSION:
        acronym = asked_acronym(question)
        return spelled_out(acronym, sentence) if acronym else []
    if kind is AnswerType.DEFINITION:
        subject = asked_subject(question)
        said = definition(sentence, subject) if subject else None
        return [said] if said else []
    pattern = {AnswerType.DATE: DATE, AnswerType.NUMBER: NUMBER, AnswerType.NAME: NAME,
               AnswerType.COUNTRY: NAME, AnswerType.ENTITY: NAME}[kind]
    named = kind in (AnswerType.COUNTRY, AnswerType.ENTITY)
    where = bool(WHERE_Q.match(question))
    city = bool(CITY_Q.search(question))
    body = bool(BODY_Q.search(question))
    # "In which region ...?": "the Eurasian region" answers by its adjective.
    region = bool(_REGION_Q.search(question))
    year = kind is AnswerType.DATE and asks_year(question)
    month = kind is AnswerType.DATE and asks_month(question)
    asks_official = _OFFICIAL_Q.match(question) if kind is AnswerType.NAME else None
    official = asks_official is not None
    # The capitalised words before "official" ("CSTO", "Iranian"): an office
    # answers only where its words, or the "of ..." after it, hold them.
    whose = {term for word in (asks_official["whose"].split() if asks_official else [])
             if word[:1].isupper() for term in tokenize(word)}
    asked = set(tokenize(question))
    # "Who was foreign minister before Nurtleu?": the one the question places
    # the answer against is not the answer.
    references = [set(tokenize(match.group(1))) for match in _RELATIVE_TO.finditer(question)]
    found = []
    for match in pattern.finditer(sentence):
        start, end = match.span()
        run_start = start
        office = False
        text = sentence[start:end].rstrip(".,;: ")
        end = start + len(text)
        if kind is AnswerType.NAME or named:
            whole = (start, end)
            # Asked which official, the office is the answer: its title stays.
            start, end = strip_asked(sentence, start, end, asked,
                                      titles=kind is AnswerType.NAME and not official)
            if official:
                # "Which UN official ...?": "The UN Secretary General" is one.
                article = _ARTICLE.match(sentence, whole[0], whole[1])
                begin = article.end() if article else whole[0]
                office = _office_of(sentence, begin, whole[1], whose)
            if kind is AnswerType.ENTITY and (city or where) and (start, end) != whole and (
                    not _LOCATIVE.search(sentence, 0, whole[0])):
                # "Security Councils" less the question's "security" is no city.
                continue
            if kind is AnswerType.NAME and _OF_END.search(sentence, run_start, start):
                if asks_office_of(question):
                    # Asked for the president of China, "President of | Kazakhstan
                    # K. Tokayev" holds the office of somewhere else.
                    continue
                # Asked for "the president", his country is not his name.
                start = after_country(sentence, start, end)
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
        if any(reference and reference <= terms for reference in references):
            continue  # the reference itself: "Murat Nurtleu" for "before Nurtleu"
        if kind is AnswerType.DATE and outside_asked_time(sentence[start:end], question):
            continue  # "2023-2024" asked for the years before 2023
        if kind is AnswerType.NAME and not (
                looks_like_name(sentence[start:end])
                or office
                # One word left of a longer run ("Acme | Robotics") is part of a
                # name, unless all that went before it was a title ("President Obama").
                or (only_titles(sentence[run_start:start])
                    and single_name(sentence, start, end, proper_nouns))):
            continue
        if (kind is AnswerType.NAME and _IN_PLACE.search(sentence, 0, start)
                and not _POSSESSIVE_END.search(sentence, start, end)):
            # "headquartered in Budapest": a place, not who did it ("at Xi
            # Jinping's invitation" is someone's).
            continue
        if kind is AnswerType.NAME and _NOT_ANYONE.search(sentence, start, end):
            continue  # "Who takes over ...?": the "Digital Forum" does nothing
        if kind is AnswerType.NAME and WHICH_PEOPLE.match(question) and (
                _NOT_A_PLACE.search(sentence, start, end)
                or BODY_ACRONYM.fullmatch(sentence, start, end)):
            continue  # "Which leader ...?": "Astana Declaration", "SCO" are no one
        if kind is AnswerType.NAME and holds_title(asked, question) and (
                BODY_ACRONYM.search(sentence, start, end) or is_country(sentence[start:end])):
            # "Who is the SCO Secretary General?" asks for a person: "Regional
            # Anti-Terrorism SCO" in the same sentence is a body, "United States"
            # a country.
            continue
        if named and not _looks_like_entity(sentence[start:end]):
            continue
        if (kind is AnswerType.ENTITY and not region
                and _adjective_of_place(sentence, start, end, proper_nouns)):
            continue  # "the Eurasian region" is no body: "Eurasian" says where it is
        if kind is AnswerType.COUNTRY and not is_country(sentence[start:end]):
            continue
        if (kind is AnswerType.ENTITY and city and is_country(sentence[start:end])
                and not stands_for(sentence[start:end])):
            continue  # asked for a city, "Kazakhstan" is no answer ("Singapore" is)
        if kind is AnswerType.ENTITY and (city or where) and (
                _NOT_A_PLACE.search(sentence, start, end)
                or BODY_ACRONYM.fullmatch(sentence, start, end)
                or _TITLE_END.search(sentence, start, end)
                or (BODY_ACRONYM.search(sentence, start, end)
                    and _LOWER_WORD_AFTER.match(sentence, end))):
            # "Which city hosts the summit?": "Astana Declaration", "SCO", "SCO
            # Secretary General", "Regional Anti-Terrorism SCO | structures": no city
            continue
        if kind is AnswerType.ENTITY and where and not _LOCATIVE.search(sentence, 0, start):
            continue
        if kind is AnswerType.ENTITY and body and (is_country(sentence[start:end]) or (
                _IN_PLACE.search(sentence, 0, start) and not _names_body(sentence[start:end]))):
            continue  # asked for companies, "in Europe" says where they sell, "China" is none
        if year and not names_year(sentence, start, end):
            continue  # asked "What year ...?", "February 1 of this year" does not say
        if month and not names_month(sentence, start, end):
            continue  # asked "Which month ...?", "next month" does not say
        if kind is AnswerType.NUMBER:
            counted = counted_span(sentence, start, end, question, asked)
            if counted is None:
                continue
            start, end = counted
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
                         and m.group(1).lower() not in _REFERRING_PLACES
                         and not set(tokenize(m.group(1))) <= asked)
        found.sort()
    if kind is AnswerType.COUNTRY and not found:
        # "Which countries' ...?" over "the Central Asian countries": countries
        # named together by where they are, where none is named alone.
        found = [m.span() for m in _REGIONAL_COUNTRIES.finditer(sentence)
                 if not set(tokenize(m.group(1))) <= asked]
    if kind is AnswerType.COUNTRY and not found:
        # "... brings together which countries?" over "developing and
        # fuel-consuming countries": countries told by what they do or are.
        found = [m.span() for m in _DESCRIBED_COUNTRIES.finditer(sentence)
                 if not set(tokenize(m.group(1))) <= asked]
    if kind is AnswerType.NAME and not found and WHO_ACTS_Q.match(question):
        found = [span for span in sorted(groups_of_people(sentence) + offices_held(sentence))
                 if not set(tokenize(sentence[span[0]:span[1]])) <= asked]
    if (kind is AnswerType.NAME and not found and not WHICH_PEOPLE.match(question)
            and (doing := _WHO_DOES.match(question)) is not None):
        # "Which leader ...?" asks for a person.
        found = _acting_countries(sentence, set(tokenize(doing.group(1))), asked)
    return found


# "Who chairs ...?", "Who will host ...?", "Who is the chair of ...?": what the
# answer does, the first word after "who" but auxiliaries and articles.
_WHO_DOES = re.compile(
    rf"\s*who\s+(?:(?:{'|'.join((*AUXILIARIES, *MODALS, 'currently', 'now', 'the', 'a', 'an'))})"
    r"\s+)*([\w’'-]+)", re.I)


def _acting_countries(sentence: str, doing: set[str], asked: set[str]) -> list[tuple[int, int]]:
    """Countries named in ``sentence`` that do what the question asks: "Who
    chairs the SCO?" over "Kazakhstan, which chairs the SCO in 2023-2024": the
    question's verb (``doing``) among the four words after the country. A
    country the question names (``asked``) is no answer, and another one's
    words are not its doing: asked "Who will host the summit?", "India will
    attend the summit" hosts nothing."""
    spans = []
    for match in NAME.finditer(sentence):
        name = match.group().rstrip(".,;: ")
        if not is_country(name) or set(tokenize(name)) <= asked:
            continue
        after = set(tokenize(" ".join(WORDS.findall(sentence, match.end())[:4])))
        if not after.isdisjoint(doing):
            spans.append((match.start(), match.start() + len(name)))
    return spans


_REGIONAL_COUNTRIES = re.compile(
    r"\b((?:(?:Central|Eastern|Western|Northern|Southern|North|South|East|West)\s+)?"
    rf"(?:Latin\s+American|{'|'.join(REGIONAL_ADJECTIVES)}))\s+(?:countries|states|nations)\b")

# Countries told by what they do or are: "developing and fuel-consuming
# countries", "oil-producing nations", "developed economies".
_DESCRIBED_COUNTRIES = re.compile(
    r"\b((?:[a-z][\w-]*(?:ing|ed))(?:,?\s+(?:and|or)\s+[a-z][\w-]*(?:ing|ed))?)\s+"
    r"(?:countries|states|nations|economies)\b")


def _strip_common_opening(sentence: str, start: int, end: int,
                          proper_nouns: Collection[str] | None) -> tuple[int, int]:
    """Drop a sentence's or quotation's first word from a run unless the corpus
    capitalises it mid-sentence too: "During the ..." opens a sentence, it names
    nothing, and so does "😀 Prospects ...": an emoji or another symbol before a
    word opens no sentence of its own.
    Without the corpus's list, only a stop word is dropped.
    """
    before = _KEYCAP.sub("", sentence[:start]).rstrip()
    # A quotation opens with a capital too: the motto “Strengthening ...” names
    # nothing.
    if not all(ch in _OPENING_PUNCT or _symbol(ch) for ch in before) and not before.endswith(
            ("“", "‘", ' "')):
        return start, end
    first = re.match(r"\S+", sentence[start:end])
    if first is None:
        return start, end
    word = first.group().strip(".,;:’'").lower()
    if word in proper_nouns if proper_nouns is not None else tokenize(word):
        return start, end
    rest = re.search(r"\s+", sentence[start:end])
    return (start + rest.end(), end) if rest else (end, end)


# Before a sentence's first word: spaces, quotes, brackets, dashes and bullets.
_OPENING_PUNCT = " \t\n\"“‘'([-–—•*·"
# What joins an emoji's parts ("👨‍👩‍👧", "❤️"): a zero-width joiner, a variation selector.
_EMOJI_JOINERS = "\u200d\ufe0e\ufe0f"
# A keycap emoji ("1️⃣"): a digit, "#" or "*", then the combining keycap.
_KEYCAP = re.compile("[0-9#*]\ufe0f?\u20e3")


def _symbol(ch: str) -> bool:
    """Whether ``ch`` is a symbol (an emoji, "→", "©") or part of an emoji."""
    return unicodedata.category(ch).startswith("S") or ch in _EMOJI_JOINERS


def _adjective_of_place(sentence: str, start: int, end: int,
                        proper_nouns: Collection[str] | None) -> bool:
    """Whether ``sentence[start:end]`` is a place's adjective: a demonym
    ("Russian", or "Eurasian" of the corpus's "Eurasia"), after any other words
    ("Central Asian", "South Korean"), before a common noun ("the Eurasian region",
    "the Central Asian countries"). A capital before a verb ("Beijing hosted ...")
    is a place."""
    word = sentence[start:end].split()[-1] if sentence[start:end].split() else ""
    following = _LOWER_NEXT.match(sentence, end)
    if not word or following is None or not tokenize(following.group(1)):
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
    if all(w.lower().strip(".,’'") in TITLE_WORDS for w in words):
        return False
    return not (len(words) == 1 and CALENDAR.match(words[0].strip(".,")))


# The last word of a body's name: "the European Union", "the Asian Development Bank".
_BODY_END = re.compile(r"\s(?:Union|Alliance|Association|Agency|Bank|Federation|Community|"
                       r"League|Movement|Network|Authority|Institute|Foundation)\.?$")


def _names_body(text: str) -> bool:
    """Whether a name is a body's, not a place's: an acronym ("in NATO", "in the
    SCO"; not the regnal number of "Charles III Hall") or a body's word ending it
    ("in the European Union", "in the Group")."""
    return bool(ACRONYM.search(text) or _BODY_END.search(text) or _NOT_A_PLACE.search(text))


def proper_noun_words(texts: Iterable[str]) -> frozenset[str]:
    """Lower-cased words written capitalised somewhere other than a sentence start."""
    found: set[str] = set()
    for text in texts:
        for match in _MID_CAPITAL.finditer(text):
            found.add(match.group(1).lower())
    return frozenset(found)


# A capitalised word after another word (not after end punctuation or a quote).
_MID_CAPITAL = re.compile(r"(?<=[\w,;)’'-])\s+([A-Z][\w’'-]*)")


# An office "of" somewhere: its holder, not a place ("Prince Edward Island" is one).
_TITLE_OF = re.compile(rf"\b(?i:{'|'.join(sorted(TITLE_WORDS))})\s+of\b")
# A title ending a name: "the SCO Secretary General" is someone, not somewhere
# ("Port-au-Prince" is a place).
_TITLE_END = re.compile(rf"(?<=\s)(?i:{'|'.join(sorted(TITLE_WORDS))})$")
# A stripped office that ends in "of": what follows is whose office it is.
_OF_END = re.compile(r"\bof\s+$")

# A name after these is where something is, not who: "headquartered in Budapest".
_POSSESSIVE_END = re.compile(r"[’']s$")
_IN_PLACE = re.compile(r"\b(?:in|at|near|across|throughout|inside)\s+(?:the\s+)?$", re.I)
# Last words of the names of documents and events.
_DOCUMENTS_EVENTS = ("Declaration|Strategy|Program|Programme|Plan|Forum|Agreement|Treaty|Act|"
                     "Summit|Conference|Award|Prize|Cup|Games|Festival|Initiative|Project|"
                     "Report|Statement")
# A name ending in one of these is a document, a body or an event, not a place.
# ("Soviet Union", "West Bank" and "Wakhan Corridor" are places: not among them.)
_NOT_A_PLACE = re.compile(
    rf"\s(?:{_DOCUMENTS_EVENTS}|Club|Fund|Organi[sz]ation|Commission|Council|Committee|Group|"
    r"Company|Inc|Co|Ltd|Corp|Structures?|Secretariat|Party)\.?$")
# Documents, events and routes: a body may be who did something ("the Council
# decided"), these rarely are ("the Digital Forum" for "Who takes over ...?").
_NOT_ANYONE = re.compile(rf"\s(?:{_DOCUMENTS_EVENTS}|Corridor|Route|Zone|Belt)\.?$")


def narrow(sentence: str, question: str,
           proper_nouns: Collection[str] | None = None) -> str | None:
    """The typed span answering ``question`` in ``sentence``, or None.

    Of several spans of the asked type, the one nearest the question's own words
    is chosen; on a tie, or with none of them nearby, there is no short answer.
    """
    kind = answer_type(question)
    if kind is AnswerType.OTHER and (rate := asked_rate(sentence, question)):
        return rate
    if kind is AnswerType.DEFINITION:
        said = candidates(sentence, kind, question)
        return sentence[said[0][0] : said[0][1]] if said else _drop_restatement(sentence, question)
    if kind is AnswerType.OTHER and YES_NO_OPENING.match(question):
        # "Is the UN Secretary General invited?", "Didn't the SCO start with six
        # members?": the whole sentence says yes or no, not a cut of it.
        return None
    if kind in (AnswerType.REASON, AnswerType.OTHER):
        return _drop_restatement(sentence, question)
    spans = candidates(sentence, kind, question, proper_nouns)
    if kind is AnswerType.NAME:
        # "the Executive Director of the Regional Anti-Terrorism SCO structures":
        # the sentence names people by office, and "Regional Anti-Terrorism SCO" is
        # part of a body's name, no short answer (the sentence still answers).
        # Asked which officials, the offices are the answer ("the SCO Secretary
        # General and the Executive Director").
        official = _OFFICIAL_Q.match(question) is not None
        spans = [(start, end) for start, end in spans
                 if (official and _office_of(sentence, start, end, set()))
                 or not (BODY_ACRONYM.search(sentence, start, end)
                         and _LOWER_WORD_AFTER.match(sentence, end)
                         and " " in sentence[start:end]
                         and not _POSSESSIVE_END.search(sentence, start, end))]
    if len(spans) > 1 and PLURAL_Q.search(question):
        whole = listed(sentence, spans)
        if whole is not None:
            return whole
    if len(spans) > 1 and kind is AnswerType.NAME:
        # "The report about Acme was written by Olivia Grant": who did it is the
        # one "by" names after a participle, however near the question's words the
        # other stands. Only in a sentence of one clause: in "Olivia Grant wrote
        # it, which was later reviewed by Tom Baker", "by" names someone else.
        agents = [span for span in spans if _BY.search(sentence, 0, span[0])
                  and not _CLAUSE_BREAK.search(sentence, 0, span[0])]
        spans = agents if len(agents) == 1 else spans
    if len(spans) > 1:
        spans = nearest(sentence, spans, question, counts=kind is AnswerType.NUMBER)
    if len(spans) != 1:
        return None
    start, end = spans[0]
    year = asked_year(sentence, start, end, question) if kind is AnswerType.DATE else None
    return year or sentence[start:end]


_BY = re.compile(r"\b(?:[a-z]+ed|[a-z]+en|led|made|held|built|won|run|set|chosen|given|"
                 r"taken|found|sent|paid|sold|bought|told|kept|brought|taught)\s+by\s+$")
_CLAUSE_BREAK = re.compile(r"[,;:()]|\b(?:which|who|whom|whose|that|while|whereas)\b", re.I)


# A name the question places its answer against in time or rank: "before
# Nurtleu", "succeeded Nazarbayev", "other than China".
_RELATIVE_TO = re.compile(
    r"\b(?i:before|after|succeed(?:ed|s)?|preceded?|precedes|replaced?|replaces|than)\s+"
    r"((?:[A-Z][\w’'.-]*\s*)+)")
# A lower-case word right after a name: the name goes on as a body's ("SCO structures").
_LOWER_WORD_AFTER = re.compile(r"[^\S\n]+[a-z]")


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
    words = list(WORDS.finditer(sentence))
    matched = 0
    cut = None
    for i, word in enumerate(words):
        terms = tokenize(word.group())
        if not terms:
            continue  # a stop word: part of whichever side it sits on
        if not mentioned(word.group(), asked):
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
    for date in DATE.finditer(sentence):
        if date.start() < begin < date.end():
            begin = date.end()
    rest = sentence[begin:].lstrip(" .,;:–—-").rstrip(". ")
    return rest if len(rest.split()) >= 3 else None
