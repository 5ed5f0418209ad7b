"""Dates, numbers, amounts and rates: the figures a question may ask for.

A number answers "how many ...?" only where it counts what was asked about
(``anchored``): "six members ... 14 dialogue partners" gives 14 for dialogue
partners. A year reads as a date, not a count, where the text says so ("in 2001").
A figure the question gives ("in 2025", "$20bn") must be one the text near an
answer gives too (``missing_figure``).
"""

from __future__ import annotations

import re

from rag.lexical import (
    NUMERALS,
    ORDINALS,
    STOPWORDS,
    WORDS,
    mentioned,
    spelled_numbers,
    tokenize,
)

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|"
          r"November|December)")
# Words that may follow a year in running text ("in 1788 the colony ...", "by 1750
# and ..."); any other lower-case word after a number makes it a count.
_FUNCTION_WORDS = (r"(?:and|or|but|the|a|an|to|as|when|until|by|in|on|at|after|before|it|"
                   r"he|she|they|we|was|were|is|had|has|with|for|onwards|onward)")
# A year from 1800 to 2099, in figures.
MODERN_YEAR = r"(?:1[89]|20)\d{2}"
# "2001", or a span of years: "2023-2024", "1998–99".
_YEARS = rf"\b{MODERN_YEAR}\b(?:\s*[-–]\s*(?:1[89]|20)?\d{{2}}\b)?"
_ORDINAL = r"(?:st|nd|rd|th)"
# A day of a month: "27", "5th", and "5th of" before the month.
_DAY_OF = rf"\d{{1,2}}(?:{_ORDINAL}\s+of|{_ORDINAL}?)"
DATE = re.compile(
    # "2024-03-05" is a day, not the years 2024 to 2003.
    rf"(?<![\d-])\b{MODERN_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b(?!-\d)"
    # "27 September 2001", "20 May, 2013", "May 2013" (not "May 20" of "May 2013"),
    # "March 5th, 2023", "the 5th of March".
    rf"|\b(?:{_DAY_OF}\s+)?{_MONTH},?\s+\d{{4}}\b"
    rf"|\b{_DAY_OF}\s+{_MONTH}\b"
    rf"|\b{_MONTH}\s+\d{{1,2}}{_ORDINAL}?\b"
    r"(?:\s+of\s+(?:this|last|next)\s+year|,?\s+\d{4}\b)?"
    rf"|{_YEARS}"
    # An earlier year ("in 1788") only where it reads as one: a bare "1500" is as
    # often a count. After "of" or "by", not one counting what follows it ("an
    # army of 1500 men", "passed by 1200 votes").
    r"|(?:(?<=\b[Ii]n )|(?<=\b[Ss]ince )|(?<=\b[Uu]ntil )|(?<=\b[Ff]rom ))"
    r"1[0-7]\d{2}\b(?![.,]?\d|\s*(?:%|percent\b|per cent\b))"
    r"|(?:(?<=\b[Bb]y )|(?<=\b[Oo]f ))1[0-7]\d{2}\b(?![.,]?\d|\s*(?:%|percent\b|per cent\b))"
    rf"(?!\s+(?!{_FUNCTION_WORDS}\b)[a-z])"
    rf"|\b(?:last|next|this)\s+(?:year|month|week)\b|\b{_MONTH}\b"
    # A time of day: "every night at 3 am", "at 10:30 p.m.", "between 10:00 and 16:00".
    r"|\b(?:every\s+(?:night|day|morning|evening)\s+at\s+)?(?:1[0-2]|0?[1-9])(?::[0-5]\d)?"
    r"\s*(?i:am|pm|a\.m\.|p\.m\.)(?!\w)"
    r"|(?<![:\d])\b(?:[01]?\d|2[0-3]):[0-5]\d(?![:\d])"
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
NUMBER = re.compile(
    r"(?:\b(?:more than|over|about|nearly|almost|around|some|up to|at least)\s+)?"
    # A fraction goes with its whole: "1 1/2 cups", "3/4 cup" (not "3/4/2024", and
    # "$25/hour" is 25 an hour).
    r"(?:(?<![/\d.,])\d{1,2}(?:[ \t]+\d{1,2})?/\d{1,2}(?![\d/])"
    # Not the "1850" of "the 1850s": a decade counts nothing.
    rf"|(?<![/\d])\d[\d,]*(?:\.\d+)?(?!\d|/\d|s\b){_SCALE_WORD}{_PERCENT}"
    rf"|\b(?:{_NUMBER_WORDS})\b{_WORDS_SCALED}{_PERCENT}"
    # "the first person to win a Nobel Prize twice": how many times; "the
    # population increased sevenfold" ("10-fold"): by how much.
    rf"|\b(?:twice|thrice|(?:{_NUMBER_WORDS}|\d+)-?fold)\b)",
    re.I,
)


# A month or a weekday: a capitalised word that names no one and nothing.
CALENDAR = re.compile(rf"^(?:{_MONTH}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                      r"Sunday)$")


_UNIT = re.compile(
    r"^\s*(?:%|percent|per cent|years?|months?|weeks?|days?|hours?|km|kilometers?|"
    r"kilometres?|miles?|meters?|metres?|tons?|tonnes?|dollars?|euros?|people|members?)\b",
    re.I,
)


# "How long is the Rhine?": "about 1,230 kilometres", not "about 1,230". A count's
# noun ("14 dialogue partners") stays out: the question already names it.
# The "how ..." questions that ask for a measure.
_MEASURE_Q = re.compile(
    r"\bhow\s+(?:long|far|big|large|old|tall|high|deep|wide|heavy|fast|hot|cold)\b", re.I)
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


# A question asking for a share of a whole: "What share of the world's population
# lives in ...?" (a count such as "nine member states" gives none) ...
_SHARE_OF_Q = re.compile(
    r"\b(?:what|which)\s+(?:share|proportion|fraction|percent(?:age)?)\s+of\b", re.I)
# ... or any percentage: "How many percent more ...?".
_SHARE_Q = re.compile(rf"\b(?:percent(?:age)?|per\s+cent)\b|{_SHARE_OF_Q.pattern}", re.I)
# A percentage saying how much something changed: "30 percent more than before",
# "rose by 12%".
_CHANGE_AFTER = re.compile(r"\s+(?:more|less|fewer|higher|lower|up|down)\b", re.I)
_BY_BEFORE = re.compile(r"\bby\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?$", re.I)
# "How much did the population increase?" asks for the size of a change, which
# a multiple ("sevenfold") or a figure after "by" gives whatever follows it.
_CHANGE_Q = re.compile(r"\bhow\s+much\b[^?]*?\b(?:increas|grow|grew|rise|rose|risen|fall|fell|"
                       r"declin|drop|expand|shrank|shrink|doubl|multipl)\w*", re.I)
_MULTIPLE = re.compile(r"[a-z]+-?fold", re.I)


def _anchored(sentence: str, start: int, end: int, asked: set[str], question: str,
              measure: bool) -> bool:
    """Whether a number counts what was asked about.

    "six members ... 14 dialogue partners": asked about dialogue partners, only 14
    is followed by the question's own words. A percentage or a unit of measure
    answers "how much/long/far" on its own, and a sum of money "how much".
    ``measure``: whether the question asks for a measure (``_MEASURE_Q``).
    """
    text = sentence[start:end].lower()
    counted = _counted(question)
    if _YEAR_LIKE.fullmatch(text) and (_TIME_BEFORE.search(sentence, 0, start) or (
            (_YEAR_OR_COUNT_BEFORE.search(sentence, 0, start) or _RANGE_AFTER.match(sentence, end))
            and not any(mentioned(word, counted or asked)
                        for word in _noun_phrase(sentence, end)[:1] if tokenize(word)))):
        # "in 2001", "for 2024–2029", "by 2030": a date, not an amount ("a crowd
        # of 2000 people", "1500–2000 troops" count what is asked about).
        return False
    is_share = "%" in text or "percent" in text or "per cent" in text
    is_money = sentence[:start].rstrip()[-1:] in _CURRENCY
    asks_share = _SHARE_Q.search(question)
    if (is_share or is_money) and re.search(r"\bhow many\b", question, re.I) and not (
            is_share and asks_share):  # "How many percent more ...?" asks for a share
        # A percentage or a sum of money is not a count, unless it is a share of
        # what is counted: "How many Victorians are Catholic?" over "26.7% of the
        # Victorian population".
        share_of = _SHARE_OF.match(sentence, end) if is_share else None
        return share_of is not None and any(mentioned(word, counted)
                                            for word in share_of.group(1).split()
                                            if tokenize(word))
    if not is_share and asks_share:
        return False  # and a count is not a percentage
    if is_share and _SHARE_OF_Q.search(question) and (
            _CHANGE_AFTER.match(sentence, end) or _BY_BEFORE.search(sentence, 0, start)):
        return False  # "30 percent more than before" is a change, no share of the world's
    if is_share and (_NO_SHARE_Q.search(question) or _COST_Q.search(question)):
        return False  # "How old is he?", "How much does a car cost?": "30 percent" says neither
    if is_share or _UNIT.match(sentence, end):
        return True
    if measure and _MEASURE.match(sentence, end):
        return True  # "How high is Mount Bogong?" over "at 1,986 m"
    if _UNIT_Q.search(question):
        return False  # "How deep is it?": "since 1992" gives no depth
    if re.search(r"\bhow old\b", question, re.I) and re.search(
            r"\b(?:aged?|at the age of)\s*$", sentence[:start], re.I):
        return True  # "How old was she?" over "aged 66"
    if is_money and re.search(r"\bhow much\b", question, re.I):
        return True  # "How much was paid?" over "£304m"
    if _CHANGE_Q.search(question) and (_MULTIPLE.fullmatch(text)
                                        or _BY_BEFORE.search(sentence, 0, start)):
        return True  # "increased sevenfold", "grew by 2,000"
    following = WORDS.findall(sentence[end:])[:4]
    if text in ("twice", "thrice"):
        # "to win a Nobel Prize twice": what it counts comes right before it; in
        # "the members met twice" it counts meetings, not members.
        before = WORDS.findall(sentence[:start])[-1:]
        return any(mentioned(word, counted or asked) for word in before if tokenize(word))
    phrase = _noun_phrase(sentence, end)
    if (whole := _partitive(question)) and not _PART_OF.match(sentence, end) and any(
            mentioned(word, whole) for word in phrase if tokenize(word)):
        # "How many of the chair's events dealt with environmental issues?" asks
        # for a part: "held more than 80 events on ... environmental issues" counts
        # them all ("two of the six packages" gives a part).
        return False
    if counted and phrase:
        # "How many people died?" counts people: "183 regional and local conflicts"
        # is followed by the question's "conflicts", but counts something else. A
        # number heading no noun ("Twelve were killed") is judged as below.
        if counted & _STATES:
            # "How many countries are observers?": states by any name, and the
            # question's other words ("observers") too.
            counted = asked | _STATES
        return any(mentioned(word, counted) for word in phrase if tokenize(word))
    return any(mentioned(word, asked) for word in following if tokenize(word))


# Questions a percentage never answers: an age, a length or a distance, a price.
# ("How high did tensions rise?" and "How fast did it grow?" may well be "30 percent".)
_NO_SHARE_Q = re.compile(r"\bhow\s+(?:old|long|far|tall|deep|wide|heavy)\b", re.I)
_COST_Q = re.compile(r"\bhow\s+much\b[^?]*\b(?:costs?|costing|worth|pay|paid|spend|spent)\b",
                     re.I)
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
# "How many of the chair's preparatory events dealt with ...?", "how many of its
# members are ...": a part of what the words after "of" name, picked out by what
# the question goes on to say of it. Only opening the question: "refers to how
# many of the southern-most counties?" asks for the count of those counties.
_PARTITIVE_Q = re.compile(r"\s*how\s+many\s+of\s+(?:the|its|their|these|those|all)?\s*"
                          r"((?:[\w’'-]+\s+){0,3}[\w’'-]+)\s+[\w’'-]+\s+[\w’'-]+", re.I)
# A number followed by what it is a part of: "two of the six packages".
_PART_OF = re.compile(r"\s+of\s+(?:the|them|which|these|those|its|their|all)\b", re.I)


def _partitive(question: str) -> set[str]:
    """The terms of the whole a "how many of the ...?" question asks a part of, or
    none."""
    part = _PARTITIVE_Q.match(question)
    return set(tokenize(part.group(1))) if part else set()


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
    rf"|\bwhat\s+(?:is|was|are|were|will\s+be)\s+the\s+(?:[\w’'-]+\s+){{0,2}}?{_RATE_NOUN}"
    # "What tariff has the EU imposed on ...?": one tariff, asked how high; "What
    # tariffs did the US impose?" may ask on what.
    r"|\bwhat\s+(?:(?:new|additional|extra|import)\s+)?(?:tariff|levy)\s+"
    r"(?:has|have|had|did|does|do|will|would)\b",
    re.I)


def missing_rate(sentence: str, question: str) -> bool:
    """Whether ``question`` asks for a rate and ``sentence`` states none."""
    return bool(_RATE_ASKED.search(question)) and not _RATE.search(sentence)


def asked_rate(sentence: str, question: str) -> str | None:
    """The one rate or sum of money in ``sentence``, asked "What tariff ...?" or
    "What is the fee ...?"; None if the question asks for none or the sentence
    holds none or several."""
    if not _RATE_Q.search(question):
        return None
    rates = _RATE.findall(sentence)
    return rates[0] if len(rates) == 1 else None


def counted_span(sentence: str, start: int, end: int, question: str,
                 asked: set[str]) -> tuple[int, int] | None:
    """The number at ``sentence[start:end]`` as the answer to a "how many/much/long"
    question, widened to its money or unit ("£304m", "1,230 kilometres"); None if
    it does not count what was asked about.

    Args:
        sentence: The text holding the number.
        start: Where the number starts.
        end: Where it ends.
        question: The question.
        asked: The question's terms.
    """
    # The question's "how high" is how it asks, not what is counted: "high" after
    # a number ("two states ran high") anchors nothing.
    measure = _MEASURE_Q.search(question)
    anchors = asked - set(tokenize(measure.group(0))) if measure else asked
    if not _anchored(sentence, start, end, anchors, question, measure is not None):
        return None
    start, end = _amount(sentence, start, end)
    if measure:
        unit = _MEASURE.match(sentence, end)
        end = unit.end() if unit else end
    return start, end


# "What year ...?", and "For which years ...?": a year span answers that one; so
# does "For what period ...?" (a day, "February 1 of this year", spans none).
_YEAR_Q = re.compile(r"\b(?:what|which) (?:years?|period|timeframe|time\s*(?:span|frame))\b"
                     r"(?![-–])", re.I)
# A year, or years; in an ISO date ("2024-03-05") only the year: "03" is its month.
_YEAR = re.compile(rf"\b{MODERN_YEAR}\b(?=-\d{{2}}-\d)|{_YEARS}")


# "In which calendar month will the tariffs take effect?": a month by its name;
# "next month" places it only from the text's date.
_MONTH_Q = re.compile(r"\b(?:what|which)\s+(?:calendar\s+)?month\b", re.I)
_MONTH_NAME = re.compile(rf"\b{_MONTH}\b")


def asks_month(question: str) -> bool:
    """Whether the question asks "What/Which (calendar) month ...?"."""
    return bool(_MONTH_Q.search(question))


def names_month(sentence: str, start: int, end: int) -> bool:
    """Whether the date ``sentence[start:end]`` names its month ("February 1",
    not "next month")."""
    return _MONTH_NAME.search(sentence, start, end) is not None


def asks_year(question: str) -> bool:
    """Whether the question asks "What/Which year(s) ...?" or "What period ...?"."""
    return bool(_YEAR_Q.search(question))


def names_year(sentence: str, start: int, end: int) -> bool:
    """Whether the date ``sentence[start:end]`` writes out its year: "1227",
    "May 2013", "2023-2024", not "February 1 of this year" or "May"."""
    return _YEAR_DIGITS.search(sentence, start, end) is not None


# Any year in figures, an early one ("1227") included: DATE has read it as a date,
# and DATE reads years of four figures only.
_YEAR_DIGITS = re.compile(r"(?<!\d)\d{4}(?!\d)")


def asked_year(sentence: str, start: int, end: int, question: str) -> str | None:
    """The year in the date ``sentence[start:end]``, asked "What year ...?": 2013
    of "May 2013"; None for any other question or a date with no year."""
    if not _YEAR_Q.search(question):
        return None
    # An early year ("3 June 1227") is one too.
    year = _YEAR.search(sentence, start, end) or _YEAR_DIGITS.search(sentence, start, end)
    return year.group() if year else None


# "before 2023", "after 2001": the time a question places its answer in.
_BOUNDED = re.compile(r"\b(?P<side>before|prior\s+to|earlier\s+than|after|later\s+than)"
                      r"\s+(?:the\s+year\s+)?(?P<year>\d{4})(?![\d–-])", re.I)
# A digit counting what a question asks for: "which 2 countries", "name 3 goals".
_ITEMS_COUNTED = re.compile(
    r"\b(?:which|what|name|list|give(?:\s+me)?)\s+(?:the\s+)?(?P<count>[2-9])\s+(?=[a-z])", re.I)
# A span of years, "2023-2024" or "2023-24".
_YEAR_SPAN = re.compile(r"(?<!\d)(\d{4})\s*[-–]\s*(\d{4}|\d{2})(?!\d)")


def asked_time(question: str) -> str | None:
    """The time ``question`` places its answer in, as written ("before 2023")."""
    match = _BOUNDED.search(question)
    return " ".join(match.group().split()) if match else None


def outside_asked_time(date: str, question: str) -> bool:
    """Whether ``date`` lies wholly outside the time ``question`` places its
    answer in: "2023-2024" asked "Which years did Kazakhstan chair the SCO
    before 2023?". A span of years counts if any of it is inside ("2018-2023"
    for "after 2019 and before 2022"); a date giving no year ("May 16") is not
    told."""
    bounds = list(_BOUNDED.finditer(question))
    if not bounds:
        return False
    spans = []
    for match in _YEAR_SPAN.finditer(date):
        first, second = int(match[1]), match[2]
        # "1999-00" ends in 2000: the short year follows the first.
        last = int(second) if len(second) == 4 else first - first % 100 + int(second) + (
            100 if int(second) < first % 100 else 0)
        spans.append((first, last))
    covered = {year for span in spans for year in span}
    spans += [(year, year) for year in map(int, _YEAR_DIGITS.findall(date))
              if year not in covered]
    if not spans:
        return False
    low = max((int(b["year"]) + 1 for b in bounds if not _before(b)), default=None)
    high = min((int(b["year"]) - 1 for b in bounds if _before(b)), default=None)
    return not any((low is None or last >= low) and (high is None or first <= high)
                   for first, last in spans)


def _before(bound: re.Match[str]) -> bool:
    return bound["side"].lower().startswith(("before", "prior", "earlier"))


# A figure and its scale: "20 million", "£304m", "20bn" ("132 m" and "3.5m" are
# metres: "m" counts as million only after a currency sign). Digits inside a name
# count too: asked about "MPEG-3", a text giving only "MPEG-4" does not answer.
_FIGURE = re.compile(r"(?P<money>[$€£¥]\s?)?\d+(?:[.,]\d+)*"
                     r"(?:\s*(million|billion|trillion)\b|(?(money)(bn|m)|(bn))(?!\w)"
                     r"|(?P<decade>(?<=\d0)s)\b)?", re.I)
# A decade's "scale": "in the 2000s" gives no year 2000 ("How much did it grow in
# the year 2000?" is not answered by "grew less ... in the 2000s").
_DECADE = "decade"
# Ordinal words from "fourth" up: "first" and "last" rank, "second" is also a
# unit of time and "a third" a share or "a third country" another one.
_ORDINALS = {word: digits for word, digits in ORDINALS.items() if int(digits) >= 4}
# The scale words a figure's "m" and "bn" stand for.
_SCALE_WORDS = {"m": "million", "bn": "billion"}
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


# "How many events did Kazakhstan hold on security issues?": what is counted, and
# the topic the question gives it.
# Not a verb's particle: "put on", "carry on", "take on" (events put on as chair).
_COUNTED_ON_Q = re.compile(r"\bhow\s+many\s+([\w’'-]+)\b.*?(?<!\bput)(?<!\bcarry)"
                           r"(?<!\bcarried)(?<!\btake)(?<!\btaken)(?<!\btook)(?<!\bgo)"
                           r"(?<!\bgoing)(?<!\bwent)(?<!\bdepend)(?<!\brely)(?<!\bbased)"
                           r"\s+(?:on|about|concerning|regarding)\s+(?P<topic>[^?.!]+)", re.I)
# What a number counts, a word between at most, and the topic given it: "80 events
# on the topics of ...".
_COUNT_ON = re.compile(r"\s+(?:[\w’'-]+\s+)?([\w’'-]+)\s+(?:on|about|concerning|regarding)"
                       r"\s+(?P<topic>[^.;]+)", re.I)
# Words saying only that a topic follows: "on the topics of ...", "on security issues".
_TOPIC_WORDS = frozenset(tokenize("topic topics issue issues matter matters subject subjects "
                                  "theme themes area areas field fields question questions"))


def other_topic(question: str, sentence: str) -> tuple[str, str] | None:
    """The topic a "How many X ... on T?" question gives what it counts, and the
    topics ``sentence`` gives its count of X instead, where none is the asked one.

    Args:
        question: The question, as the engine reads it.
        sentence: The closest sentence.

    Returns:
        ("security issues", "the topics of economic development, environmental
        issues, and cultural exchanges") for "How many events did Kazakhstan hold
        on security issues?" over "... held more than 80 events on the topics of
        economic development, environmental issues, and cultural exchanges"; None
        where the sentence gives its count no topic, or the asked one.
    """
    asked = _COUNTED_ON_Q.search(question)
    if asked is None or not (counted := tokenize(asked.group(1))):
        return None
    wanted = set(tokenize(asked.group("topic"))) - _TOPIC_WORDS
    for number in NUMBER.finditer(sentence):
        given = _COUNT_ON.match(sentence, number.end())
        if given is None or tokenize(given.group(1))[:1] != counted[:1]:
            continue
        said = set(tokenize(given.group("topic"))) - _TOPIC_WORDS
        if wanted and said and wanted.isdisjoint(said):
            return asked.group("topic").strip(), given.group("topic").strip()
    return None


def missing_figure(near: str, question: str, asks_date: bool = False) -> str | None:
    """The first figure ``question`` gives, as written (in digits, a number word
    from ten up, or an ordinal word from "fourth" up), that ``near`` does not
    hold (with its scale where the question gives one), if any.

    Args:
        near: The text that should hold it: an answering sentence and its
            neighbours.
        question: The question.
        asks_date: The question asks when: the year of a bound it sets ("Which
            years ... after 2020?") need not be given, the date's own years are
            checked against it (``outside_asked_time``).

    Returns:
        The figure as the question writes it, with the word it is part of
        ("G20", "$20bn"); None when ``near`` holds every figure, or the
        question gives none.
    """
    bounds = [match.span("year") for match in _BOUNDED.finditer(question)] if asks_date else []
    # "which 2 countries ...": a count of the answer's items, as "two" is (below).
    bounds += [match.span("count") for match in _ITEMS_COUNTED.finditer(question)]
    figures = [(_word_around(question, m), _scaled(m)) for m in _FIGURE.finditer(question)
               if m.span() not in bounds]
    # A number word too ("from six to twelve member states"), from ten up:
    # "Which two countries ...?" counts the answer's items, which no sentence
    # need repeat (with every number word, 6 paraphrase and 3 SQuAD answers
    # were lost).
    figures += [(word, (NUMERALS[word.lower()], None)) for word in WORDS.findall(question)
                if word.lower() in NUMERALS and int(NUMERALS[word.lower()]) >= 10]
    # And an ordinal, which places one thing: "admitted as the tenth full member".
    figures += [(word, (_ORDINALS[word.lower()], None)) for word in WORDS.findall(question)
                if word.lower() in _ORDINALS]
    if not figures:
        return None
    # "nine member states" gives the question's "9".
    given = {_scaled(m) for m in _FIGURE.finditer(near)} | {
        (digits, None) for digits in spelled_numbers(near)} | {
        (_ORDINALS[word.lower()], None) for word in WORDS.findall(near)
        if word.lower() in _ORDINALS}
    return next((written for written, figure in figures
                 if not any(_same_figure(figure, other) for other in given)), None)


# Units of measure, each group one unit however written: a figure the question
# gives in one that the text gives only in another is another measure ("18
# miles south" over "11 miles (18 km) south"; "30 degrees" over "36 degrees, 30
# minutes").
_UNITS = tuple(frozenset(group.split()) for group in (
    "mile miles mi", "kilometre kilometres kilometer kilometers km kms",
    "metre metres meter meters", "foot feet ft", "inch inches", "yard yards",
    "degree degrees °", "minute minutes min mins", "hour hours hr hrs", "acre acres",
    "hectare hectares ha", "tonne tonnes ton tons", "kilogram kilograms kg",
    "pound pounds lb lbs", "litre litres liter liters", "gallon gallons"))
_UNIT_OF = {word: i for i, group in enumerate(_UNITS) for word in group}
_WITH_UNIT = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)*)\s*(°|[a-z]+\b)", re.I)


def other_unit(near: str, question: str) -> tuple[str, str] | None:
    """A measure ``question`` gives that ``near`` gives only in another unit, as
    each writes it: ("18 miles", "18 km") for "What is around 18 miles south of
    San Jose?" over "around 11 miles (18 km) south of San Jose"; None when the
    text gives it in the same unit, or not at all (``missing_figure``'s)."""
    given: dict[str, list[tuple[int, str]]] = {}
    for match in _WITH_UNIT.finditer(near):
        if (unit := _UNIT_OF.get(match.group(2).lower())) is not None:
            given.setdefault(match.group(1), []).append((unit, match.group()))
    for match in _WITH_UNIT.finditer(question):
        unit = _UNIT_OF.get(match.group(2).lower())
        if unit is None or not (others := given.get(match.group(1))):
            continue
        if all(other != unit for other, _ in others):
            return match.group(), others[0][1]
    return None


# A count and the word after it, what it counts: "eight Metropolitan", "14
# dialogue". "one" counts only in the text ("one Combined Statistical Area"); in a
# question it is mostly a pronoun ("the one that ...").
_COUNT_OF = re.compile(rf"(?<![\w.,-])(\d[\d,]*|{'|'.join(NUMERALS)}|one)\s+([\w’'-]+)", re.I)
# Years are no counts: "in 2023 Kazakhstan chaired ...".
_COUNTED_YEAR = re.compile(r"1\d{3}|20\d{2}")


def _counts_in(text: str, one: bool) -> list[tuple[str, str, str]]:
    """Each count of ``text`` as its number in digits, the term of the word it
    counts and the two words as written; "one" only where ``one`` is true."""
    found = []
    for match in _COUNT_OF.finditer(text):
        number, word = match.groups()
        digits = NUMERALS.get(number.lower(), "1" if number.lower() == "one" else
                              number.replace(",", ""))
        terms = tokenize(word)
        if (terms and not _COUNTED_YEAR.fullmatch(digits) and word.lower() not in STOPWORDS
                and (one or number.lower() != "one")):
            found.append((digits, terms[0], match.group()))
    return found


def miscounted(near: str, question: str) -> tuple[str, str] | None:
    """A count ``question`` gives a thing that ``near`` gives only to other things,
    while it counts that thing otherwise, as each writes it: ("eight Combined",
    "one Combined") for "What consists of eight Combined Statistical Areas?" over
    "one Combined Statistical Area, eight Metropolitan Statistical Areas"; None
    when the text gives the count to the same thing, or never gives the number or
    counts the thing (``missing_figure``'s)."""
    given = _counts_in(near, one=True)
    for number, term, written in _counts_in(question, one=False):
        same_number = [count for count in given if count[0] == number]
        same_thing = [count for count in given if count[1] == term]
        if (same_number and same_thing and all(count[1] != term for count in same_number)
                and all(count[0] != number for count in same_thing)):
            return written, same_thing[0][2]
    return None


def _word_around(text: str, match: re.Match[str]) -> str:
    """What a figure is written as, with the word it is part of: "G20", "COVID-19",
    "$20bn"."""
    before = re.search(r"\S*$", text[: match.start()])
    after = re.match(r"\S*", text[match.end() :])
    word = (before.group() if before else "") + match.group() + (after.group() if after else "")
    return word.strip("?!.,;:()\"'“”‘’")


def _scaled(match: re.Match[str]) -> tuple[str, str | None]:
    """A ``_FIGURE`` match as its digits and scale word: ("20", "billion") for
    "$20bn", ("1,230", None) for "1,230 kilometres"."""
    digits = _DIGITS.search(match.group(0))
    if match.group("decade"):
        return (digits.group() if digits else match.group(0)), _DECADE
    scale = (match.group(2) or match.group(3) or match.group(4) or "").lower()
    return (digits.group() if digits else match.group(0)), _SCALE_WORDS.get(scale, scale) or None


def _same_figure(asked: tuple[str, str | None], given: tuple[str, str | None]) -> bool:
    """Whether a figure the text gives is one the question gives: the same number
    ("1,000" is "1000"; "38" is a "38.1" or "38.9" given more exactly, but "20" is
    not "2020"), with the same scale where the question says one ("$20 million" is not
    "$20 billion"), and a decade given only for a decade asked ("the 2000s" is no
    "2000", while "the 1990s" is asked of "1990" too)."""
    asked_digits, given_digits = _plain(asked[0]), _plain(given[0])
    same = asked_digits == given_digits or given_digits.startswith(asked_digits + ".")
    if given[1] == _DECADE:
        return same and asked[1] == _DECADE
    if asked[1] == _DECADE:
        return same
    return same and (asked[1] is None or asked[1] == given[1])


def _plain(digits: str) -> str:
    """Digits without thousands separators: "1,000" and "1000" are one figure."""
    return re.sub(r",(?=\d{3}(?!\d))", "", digits)


# A time a question runs something up to: "the strategy that ran until 2025",
# "the strategy up to 2025".
_UNTIL = re.compile(rf"\b(?:until|till|up\s+to|through)\s+(?P<year>{MODERN_YEAR})\b(?!\s*[-–])",
                    re.I)


def span_from(question: str, sentence: str) -> tuple[str, str] | None:
    """The year ``question`` runs something up to, where ``sentence`` gives that
    year only as a span's first ("until 2025" over "for 2025–2035": a strategy
    starting in 2025 is not one running until then).

    Args:
        question: The question, as the engine reads it.
        sentence: The closest sentence.

    Returns:
        ("until 2025", "2025–2035"); None where the question runs nothing up to a
        year, or the sentence gives that year otherwise too (alone, or ending a
        span: "2023-2025").
    """
    for asked in _UNTIL.finditer(question):
        year = asked.group("year")
        starting = [span for span in _YEAR_SPAN.finditer(sentence) if span.group(1) == year]
        alone = [m for m in re.finditer(rf"\b{year}\b", sentence)
                 if not any(s.start() <= m.start() < s.end() for s in starting)]
        if starting and not alone:
            return " ".join(asked.group().lower().split()), starting[0].group()
    return None
