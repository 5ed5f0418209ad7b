"""Words of opposite sense: a question asking about what the text says the reverse of.

"When was BSkyB's digital service unofficially launched?" over "BSkyB's digital
service was officially launched on 1 October 1998": every other word matches, so
the sentence ranks first and its date looks like an answer, but the text says
nothing of an unofficial launch. SQuAD v2.0's unanswerable questions are often
made so, by turning one word of a sentence into its opposite ("gained" into
"lost", "most" into "least", "east" into "south"). A question word that the
closest sentence lacks while holding its opposite is such a question.

Words are compared as written, with their regular inflections ("gain",
"gained"), stop words kept ("most", "before"): ``lexical.tokenize`` would drop
some of them, and its stems join words of other senses ("important" and
"import").
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from rag.lexical import WORDS, tokenize
from rag.negation import denies

_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
             "ninth", "tenth")
# Words of opposite sense, as written, each side with its irregular forms; each
# word stands for its regular inflections too (``_forms``). Only words whose
# opposite is a single word with no other common sense: not "close" ("close
# ties"), "up"/"down" ("set up"), "right"/"left".
_PAIRS = (
    "most / least", "largest biggest / smallest", "highest / lowest", "maximum / minimum",
    "more / less fewer", "larger bigger / smaller", "higher / lower",
    "increase / decrease reduce", "widen / narrow reduce",
    # "Are hopes for this summit modest?" against "expectations ... are especially high".
    # (Not "high / low": "high-level", "a high school" have no opposite.)
    "modest / high",
    # "deepen its members' dependence" against "reduce dependence".
    "deepen / reduce decrease",
    # "lower" is compared, so has no forms of its own (``_forms``): the verb's are named.
    "increase raise / lower lowers lowered lowering",
    "rise rose risen / fall fell fallen drop", "gain / lose lost",
    "win won / lose lost", "victory / defeat", "first / last", "before / after",
    "earlier / later", "earliest / latest", "north / south", "east / west",
    "northern / southern", "eastern / western", "northernmost / southernmost",
    # A direction rules out the ones across it as well: "What desert is to the
    # south?" over "To the east is the Colorado Desert". (Pairs, not "north south
    # / east west": one side's words would say each other.)
    "north / east", "north / west", "south / east", "south / west",
    "northern / eastern", "northern / western", "southern / eastern", "southern / western",
    "easternmost / westernmost", "above / below", "inside / outside", "upper / lower",
    "inner / outer", "internal / external", "buy bought / sell sold",
    "accept adopt approve / reject", "approve / reject disapprove", "allow / forbid forbade ban",
    "include / exclude", "inclusive / exclusive",
    # The verb against the adjective: "Why does the statement exclude consuming
    # countries?" over "an inclusive energy policy". (Not "include" against
    # "exclusive": "an exclusive club" may include anyone.)
    "exclude / inclusive", "unipolar / multipolar bipolar",
    "legal / illegal", "public / private", "success / failure",
    "succeed / fail", "strongest / weakest", "strong / weak", "best / worst",
    "better / worse", "oldest / newest youngest", "older / younger newer",
    "richest wealthiest / poorest", "rich wealthy / poor", "hottest warmest / coldest",
    "wettest / driest", "longest / shortest", "heaviest / lightest",
    "deepest / shallowest", "fastest / slowest", "agree / disagree",
    "advantage / disadvantage", "appear / disappear", "connect / disconnect",
    "majority / minority", "men / women", "male / female", "arrival / departure",
    "arrive / depart", "birth / death", "born / died", "start / finish end",
    "begin began begun / end", "beginning / end", "entrance / exit", "ancient / modern",
    "permanent / temporary", "domestic / foreign", "urban / rural",
    "hardest / easiest", "support propose / oppose", "strengthen intensify / weaken",
    "grow grew grown / decline shrink shrank shrunk drop lose lost",
    "expand / shrink shrank shrunk",
    "create / dissolve abolish", "encourage promote / discourage",
    "improve / worsen deteriorate", "improvement / deterioration worsening",
    # Opportunities growing against "deteriorating opportunities", relations
    # warming against their "deterioration".
    "grow grew grown / deteriorate", "warming / deterioration worsening",
    "warm / deteriorate worsen",
    # What a country does with fuel: "fuel-exporting" against "fuel-consuming".
    "export / import consume", "exporter / importer consumer",
    # The verb against the noun: "Which relations are improving?" over "the
    # deterioration of relations".
    "improve / deterioration worsening", "improvement / worsen deteriorate",
    # The adjective against the verb: "making the digital divide bigger" over
    # "reduce the digital divide".
    "bigger larger / reduce decrease",
    "impose introduce / lift drop scrap cut",
    # "slow down the energy transition" against "ensure the energy transition".
    "slow / accelerate ensure", "reopen / block blockade", "lengthy / short brief",
    # "open" against "closure" (not "close", which is also near: "close ties").
    "open reopen / closure closures shutdown",
    "binding / advisory",
    "before after / during", "intensify worsen / ease subside",
    "promising bright optimistic / bleak gloomy pessimistic",
    "praise commend / criticize criticise condemn", "median / average",
    "daily / weekly", "daily / monthly", "daily / annual annually yearly",
    "weekly / monthly", "weekly / annual annually yearly",
    "monthly / annual annually yearly",
    # Ordinals rule each other out: "the third of its kind" over "the first meeting
    # of this level".
    *(f"{one} / {other}" for i, one in enumerate(_ORDINALS) for other in _ORDINALS[i + 1 :]),
)
# Words opposed only where they qualify one noun: "a single currency" is no
# "national currency", but "common challenges" may well be national ones. Each as
# (one side, the other, the nouns).
_QUALIFYING = (("single common shared unified joint", "national", "currency currencies"),)
# Fields one thing is of, each ruling out the others before one noun: "the
# economic capital" is not "the cultural and tourist capital", "military
# cooperation" not "economic cooperation" (where the sentence lacks the asked one).
# Fields of one group are near enough not to rule each other out ("the digital
# divide" is a "technological divide").
_FIELD_GROUPS = ("economic financial industrial commercial", "digital technological scientific",
                 "cultural humanitarian educational religious tourist", "political diplomatic",
                 "military", "environmental", "agricultural", "legal", "medical", "nuclear")
_GROUP = {field: i for i, group in enumerate(_FIELD_GROUPS) for field in group.split()}
_FIELD = '|'.join(sorted(_GROUP))
# A field and its noun; overlapping, each field of "cultural and tourist capital".
_FIELD_OF = re.compile(rf"(?=\b({_FIELD})\s+(?:(?:and|or)\s+(?:{_FIELD})\s+)?([\w’'-]+))",
                       re.I)
# "pro-Chinese" and "anti-Chinese": a hyphened prefix turning the rest round.
_COUNTER_PREFIXES = (("pro-", "anti-"), ("anti-", "pro-"))
# "unofficially" is "officially" denied, as "non-member" is "member": the rest
# is a word of at least this many letters ("unit" and "until" deny nothing).
_NEGATING_PREFIXES = ("un", "non")
_NEGATED_MIN_CHARS = 4
# Words that only look so: "unrest" is no "rest" denied.
_NOT_NEGATED = frozenset(("unless", "unrest", "untold"))
# ... unless the sentence denies (``negation.denies``): "20% claim no religion"
# says who is non-religious.
_UNINFLECTED = frozenset((
    "most", "least", "first", "last", "before", "after", "above", "below", "inside",
    "outside", "internal", "external", "legal", "illegal", "public", "private", "ancient",
    "modern", "permanent", "temporary", "domestic", "foreign", "urban", "rural", "north",
    "south", "east", "west", "more", "less", "fewer", "best", "worst", "strong", "weak",
    "rich", "wealthy", "poor", "male", "female", "men", "women", "born", "died", "lost",
    "won", "sold", "bought", "rose", "fell", "risen", "fallen", "began", "begun",
    "forbade", "grew", "grown", "shrank", "shrunk", "during", "promising", "bright",
    "optimistic", "bleak", "gloomy", "pessimistic", "binding", "advisory", "daily",
    "weekly", "monthly", "annual", "annually", "yearly", "lengthy", "short", "brief",
    "inclusive", "exclusive", "unipolar", "multipolar", "bipolar", *_ORDINALS))


# The paired words that compare or place ("largest", "larger", "northern",
# "northernmost"): adjectives too. (Only these: "member" or "offer" have forms.)
_COMPARED = frozenset(word for pair in _PAIRS for word in pair.replace("/", " ").split()
                      if word.endswith(("est", "er", "ern", "most")))
_VOWELS = "aeiou"


@lru_cache(maxsize=16384)
def _forms(word: str) -> frozenset[str]:
    """``word`` and its regular inflections: "gain" gives "gains", "gained" and
    "gaining"; "rise" "rises", "rised" and "rising". A stem would join words of
    other senses ("important" and "import", "majority" and "major"). Adjectives and
    adverbs have none: "last" has no "lasting"."""
    if word in _UNINFLECTED or word in _COMPARED:
        return frozenset((word,))
    forms = {word, word + "s", word + "es", word + "ed", word + "ing"}
    if word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing"}
    if word.endswith("y"):
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    # A short vowel before a final consonant doubles it: "win", "winning".
    if len(word) > 2 and word[-1] not in _VOWELS + "wy" and word[-2] in _VOWELS \
            and word[-3] not in _VOWELS:
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return frozenset(forms)


@lru_cache(maxsize=1)
def _opposites() -> tuple[dict[str, frozenset[str]], dict[str, str], dict[str, frozenset[str]]]:
    """Each form of a paired word (``_forms``) with the forms of its opposites,
    each form with the word it is a form of ("gained": "gain"), and each form with
    the forms on its side of its pairs ("introduce": "imposed", ...)."""
    table: dict[str, set[str]] = {}
    bases: dict[str, str] = {}
    sides: dict[str, set[str]] = {}
    for pair in _PAIRS:
        first, second = (set().union(*map(_forms, side.split())) for side in pair.split(" / "))
        for form in first:
            table.setdefault(form, set()).update(second)
            sides.setdefault(form, set()).update(first)
        for form in second:
            table.setdefault(form, set()).update(first)
            sides.setdefault(form, set()).update(second)
        for word in pair.replace("/", " ").split():
            for form in _forms(word):
                bases.setdefault(form, word)
    return ({form: frozenset(others) for form, others in table.items()}, bases,
            {form: frozenset(same) for form, same in sides.items()})


@lru_cache(maxsize=16384)
def _denied(word: str) -> str | None:
    """``word`` without a negating prefix ("unofficially" gives "officially",
    "non-member" "member"), if it has one."""
    if word in _NOT_NEGATED:
        return None
    for prefix in _NEGATING_PREFIXES:
        rest = word[len(prefix) :].lstrip("-")
        if word.startswith(prefix) and len(rest) >= _NEGATED_MIN_CHARS:
            return rest
    return None


def opposed(question: str, sentence: str) -> tuple[str, str] | None:
    """A word of ``question`` that ``sentence`` lacks, and the word of opposite
    sense that ``sentence`` holds instead, if any.

    Args:
        question: The question, as the engine reads it.
        sentence: The closest sentence.

    Returns:
        ("unofficially", "officially") for "When was the service unofficially
        launched?" over "The service was officially launched on 1 October 1998";
        None when the sentence holds the question's word too (in any of its
        forms), or the question holds both ("from north to south"), or, for a
        word with a negating prefix, when the sentence denies something
        ("non-religious" over "20% claim no religion").
    """
    asked = _words(question)
    given = _words(sentence) - _other_senses(sentence)
    table, bases, sides = _opposites()
    asked_bases = {bases.get(word, word) for word in asked}
    given_bases = {bases.get(word, word) for word in given}
    prefixes = not denies(sentence)
    for word in asked:
        # The sentence says it, or a word on its side: "imposed" for "introduce".
        if bases.get(word, word) in given_bases or (_forms(word) | sides.get(word, set())) & given:
            continue
        opposites = set(table.get(word, ()))
        opposites |= {other + word[len(own):] for own, other in _COUNTER_PREFIXES
                      if word.startswith(own) and len(word) > len(own)}
        if prefixes:
            if (rest := _denied(word)) is not None:
                opposites |= _forms(rest)
            opposites |= {said for said in given if _denied(said) in _forms(word)}
        for other in sorted(opposites & given):
            if (bases.get(other, other) not in asked_bases
                    and not (table.get(other, frozenset()) & asked - {word})):
                return _as_written(word, question), other
    return _opposed_qualifier(question, sentence, given) or _other_field(question, sentence, given)


def _other_field(question: str, sentence: str, given: set[str]) -> tuple[str, str] | None:
    """A field the question gives a noun (``_FIELD_GROUPS``: "economic capital")
    that the sentence lacks, giving that noun a field of another group instead
    ("tourist capital")."""
    said = _fields(sentence)
    for noun, fields in _fields(question).items():
        # "economic and military cooperation" over "economic cooperation" says part.
        groups = {_GROUP[field] for field in fields}
        if (noun in said and fields.isdisjoint(given)
                and groups.isdisjoint(_GROUP[field] for field in said[noun])):
            return min(fields), min(said[noun])
    return None


def _fields(text: str) -> dict[str, set[str]]:
    """The fields ``text`` gives each noun, by the noun's term."""
    found: dict[str, set[str]] = {}
    for field, noun in _FIELD_OF.findall(text):
        if stems := tokenize(noun):
            found.setdefault(stems[0], set()).add(field.lower())
    return found


def _opposed_qualifier(question: str, sentence: str, given: set[str]) -> tuple[str, str] | None:
    """A qualifier of ``_QUALIFYING`` the question gives its noun, and the opposite
    one the sentence gives it instead ("single" over "national currencies")."""
    for one, other, nouns in _QUALIFYING:
        for asked_side, said_side in ((one, other), (other, one)):
            asked = _qualifier(asked_side, nouns).search(question)
            said = _qualifier(said_side, nouns).search(sentence)
            # "national currencies rather than a single currency" asks of both.
            if (asked and said and asked.group(1).lower() not in given
                    and not _qualifier(said_side, nouns).search(question)):
                return asked.group(1).lower(), said.group(1).lower()
    return None


@lru_cache(maxsize=8)
def _qualifier(words: str, nouns: str) -> re.Pattern[str]:
    """One of ``words`` qualifying one of ``nouns``, a word between at most."""
    return re.compile(rf"\b({'|'.join(words.split())})\s+(?:[\w’'-]+\s+)?"
                      rf"(?:{'|'.join(nouns.split())})\b", re.I)


# How far from the opposite word the words it governs may stand, in words that
# are no stop words: "the club is primarily an advisory body" governs "club".
_GOVERNED_WORDS = 2


def opposed_near(question: str, text: str) -> tuple[str, str] | None:
    """``opposed`` over a sentence and its neighbours, where the opposite also
    governs a word of the question: "increase member states' dependence on
    external currencies" over "... reduce dependence on external currencies",
    not "increase the use of national currencies" over that (what is reduced
    there is the dependence).

    Args:
        question: The question, as the engine reads it.
        text: The closest sentence and its neighbours.

    Returns:
        The question's word and its opposite, as ``opposed`` gives them; None
        when none of the ``_GOVERNED_WORDS`` words on either side of the opposite
        (stop words aside) is a word of the question.
    """
    found = opposed(question, text)
    if found is None:
        return None
    asked = {w for w in _words(question) if tokenize(w)} - {found[0]}
    words = [word for word in _written(text) if word == found[1] or tokenize(word)]
    for i, word in enumerate(words):
        if word == found[1] and not asked.isdisjoint(
                words[max(0, i - _GOVERNED_WORDS) : i + _GOVERNED_WORDS + 1]):
            return found
    return None


def opposed_phrase(question: str, text: str) -> tuple[str, str] | None:
    """A word of ``question`` with the word after it that ``text`` writes only
    with the opposite word before it: "shrinking organization" where the document
    says "a growing organization" and never "shrinking" (in any form, nor a word
    on its side). Asked "Why does the article call the SCO a shrinking
    organization?", the closest sentence may be any about the SCO; the phrase
    shows what the text says instead. A word with nothing after it ("Why is the
    SCO shrinking?") goes with the word before it, its subject, which the text
    may write a few words before the opposite ("The SCO continues to expand").

    Args:
        question: The question, as the engine reads it.
        text: The whole document.

    Returns:
        The question's phrase and the text's, as written in lower case; None where
        the text holds the question's word or no phrase of its opposite.
    """
    table, _, sides = _opposites()
    asked = _written(question)
    if table.keys().isdisjoint(asked):
        return None  # most questions: no paired word, so no need to read the document
    given, phrases, subjects = _document_words(text)
    for before, word, after in zip(["", *asked[:-1]], asked, [*asked[1:], ""], strict=True):
        if word not in table or (_forms(word) | sides.get(word, set())) & given:
            continue
        for other in sorted(table[word] & given - set(asked)):
            if tokenize(after):
                if (other, after) in phrases:
                    return f"{word} {after}", f"{other} {after}"
            elif tokenize(before) and (said := subjects.get((before, other))) is not None:
                return f"{before} {word}", said
    return None


# A degree said of a thing, up or down: "more dependent", "greater reliance",
# "increase the dependence", "an increase in the cost" against "reduce
# dependence", "less reliance", "cheaper" (``_PRICE``). The
# word after may be a derivation of the other's ("dependent", "dependence").
_UP = (r"more|greater|higher|bigger|larger|increas(?:e|es|ed|ing)|rais(?:e|es|ed|ing)|"
       r"boost(?:s|ed|ing)?|additional|extra")
_DOWN = (r"less|fewer|lower|smaller|reduc(?:e|es|ed|ing)|decreas(?:e|es|ed|ing)|"
         r"cut(?:s|ting)?")
_DEGREE = re.compile(
    rf"\b(?:(?P<up>{_UP})|(?P<down>{_DOWN}))\s+(?:in\s+)?(?:(?:the|their|its|our|his|her)\s+)?"
    r"(?P<thing>[\w’'-]+)", re.I)
# A price said in one word: "cheaper cars" are a lower cost, against "an increase
# in the cost of selling cars".
_PRICE = re.compile(r"\b(?:(?P<down>cheap(?:er|est)?|inexpensive|less\s+expensive)|"
                    r"(?P<up>(?:more\s+)?expensive|pricier|costlier))\b", re.I)
# The degree after the verb: "rely more heavily on", "depend less on".
_VERB_DEGREE = re.compile(
    r"\b(?P<thing>rel(?:y|ies|ied|ying)|depend(?:s|ed|ing)?)\s+(?:(?P<up>more|further)|"
    r"(?P<down>less))\b", re.I)
# Stems of one thing: relying on something is depending on it.
_SAME_THING = {"reli": "depend", "relianc": "depend", "reliant": "depend", "price": "cost"}


def opposed_degree(question: str, sentence: str) -> tuple[str, str] | None:
    """A degree ``question`` gives a thing and the opposite one ``sentence`` gives
    it: ("more dependent", "reduce dependence") for "Why does the SCO want members
    to become more dependent on external currencies?" over "This helps ... reduce
    dependence on external currencies". Word by word, "more" meets only "less",
    and "reduce" only "increase".

    Args:
        question: The question, as the engine reads it.
        sentence: The closest sentence (or it and its neighbours).

    Returns:
        The question's phrase and the sentence's, in lower case; None where the
        sentence also gives the thing the question's degree, or no opposite one.
    """
    def degrees(text: str) -> dict[tuple[str, str], str]:
        found: dict[tuple[str, str], str] = {}
        for match in _PRICE.finditer(text):
            found.setdefault(("up" if match["up"] else "down", "cost"),
                             " ".join(match.group().lower().split()))
        for match in (*_DEGREE.finditer(text), *_VERB_DEGREE.finditer(text)):
            if stems := tokenize(match["thing"]):
                side = "up" if match["up"] else "down"
                found.setdefault((side, _SAME_THING.get(stems[0], stems[0])),
                                 " ".join(match.group().lower().split()))
        return found

    asked = degrees(question)
    if not asked:
        return None
    given = degrees(sentence)
    for (side, thing), written in asked.items():
        other = "down" if side == "up" else "up"
        if (side, thing) not in given and (other, thing) in given and (other, thing) not in asked:
            return written, given[other, thing]
    return None


# A change in figures asked about, and the way a text gives one: "By what
# percentage did the number of conflicts fall?" over "183 conflicts were
# registered, which is 30 percent more than before". "more" pairs with no
# verb in ``_PAIRS`` (it qualifies too much), but after a share it is a rise.
# "How much did conflicts go down?" asks it too, but not "How much did it cost
# before prices fell?", whose change is another clause's.
_ASKED_SHARE = re.compile(r"\b(?:percent(?:age)?|per\s+cent|by\s+how\s+much)\b|%"
                          r"|\bhow\s+much\b(?![^?]*\b(?:before|after|since|when|while|as|"
                          r"because|until|once)\b)", re.I)
_ASKED_CHANGE = re.compile(
    r"\b(?:(?P<up>rise|rose|risen|rising|grow|grew|grown|growing|increase[sd]?|increasing|"
    r"jump(?:s|ed)?|climb(?:s|ed)?|go\s+up|went\s+up)|(?P<down>fall|fell|fallen|falling|"
    r"drop(?:s|ped)?|decline[sd]?|declining|decrease[sd]?|decreasing|shr[iau]nk|"
    r"go\s+down|went\s+down))\b", re.I)
_GIVEN_CHANGE = re.compile(
    r"\d[\d.,]*\s*(?:%|percent|per\s+cent)\s+(?:(?P<up>more|higher|greater|up)|"
    r"(?P<down>less|fewer|lower|down))\b"
    r"|\b(?:(?P<rise>rise|increase|growth|jump)|(?P<fall>fall|drop|decline|decrease))\s+of\s+"
    r"\d[\d.,]*\s*(?:%|percent|per\s+cent)", re.I)


def opposed_change(question: str, sentence: str) -> tuple[str, str] | None:
    """A change in figures ``question`` asks about and the opposite one that
    ``sentence`` gives: ("fall", "30 percent more") for "By what percentage did
    the number of conflicts fall?" over "... which is 30 percent more than before".

    Args:
        question: The question, as the engine reads it.
        sentence: The closest sentence (or it and its neighbours).

    Returns:
        The question's word and the sentence's words, in lower case; None where
        the question asks for no share or change, or the sentence gives a change
        its way or none.
    """
    if not _ASKED_SHARE.search(question) or (asked := _ASKED_CHANGE.search(question)) is None:
        return None
    up = asked["up"] is not None
    given = {(match["up"] or match["rise"]) is not None: match.group()
             for match in _GIVEN_CHANGE.finditer(sentence)}
    if up in given or not given:
        return None
    return asked.group().lower(), " ".join(given[not up].lower().split())


# A rank asked as the one and given as one among several: "Who does the largest
# economy in the United States belong to?" over "one of the largest in the
# United States". Superlatives ("-est" less a few nouns) and ranks alike.
_RANKED = r"(?:[a-z]{2,}est|most|least|best|worst|first|last)"
_NOT_RANKED = frozenset(("interest", "forest", "west", "midwest", "northwest", "southwest",
                         "rest", "test", "protest", "request", "contest", "harvest", "guest",
                         "quest", "conquest", "arrest", "honest", "modest", "manifest",
                         "digest", "earnest", "nest", "chest", "crest"))
_AMONG = re.compile(rf"\b(?:(?:one|some|two|three|four|five|any)\s+of|among)\s+the\s+"
                    rf"(?P<rank>{_RANKED})\b", re.I)
_THE_RANKED = re.compile(rf"\bthe\s+(?P<rank>{_RANKED})\b", re.I)


def opposed_rank(question: str, text: str) -> tuple[str, str] | None:
    """A rank ``question`` gives a thing as the one ("the largest economy") that
    ``text`` gives only as one among several ("one of the largest").

    Args:
        question: The question, as the engine reads it.
        text: The closest sentence and its neighbours.

    Returns:
        ("the largest", "one of the largest"), in lower case; else a superlative's
        place turned (``_other_place``: "second most populous" over "most
        populous"); None where the question asks of one among several too, or the
        text also gives the rank alone ("the largest") or in the asked place.
    """
    def ranks(written: str) -> tuple[dict[str, str], set[str]]:
        among = {m["rank"].lower(): " ".join(m.group().lower().split())
                 for m in _AMONG.finditer(written)}
        alone = {m["rank"].lower() for m in _THE_RANKED.finditer(written)
                 if not _AMONG.search(written, max(0, m.start() - 12), m.end())}
        return among, alone

    asked_among, asked = ranks(question)
    given_among, given = ranks(text)
    for rank in sorted(asked - set(asked_among) - given - _NOT_RANKED):
        if rank in given_among:
            return f"the {rank}", given_among[rank]
    return _other_place(question, text)


# A superlative with its place: "second-most populous", "the third largest".
_PLACED_RANK = re.compile(
    rf"\b(?:(?P<place>{'|'.join(_ORDINALS[1:])})[\s-]+)?(?P<rank>most|least|[a-z]{{2,}}est)"
    r"(?:\s+(?P<what>[a-z][\w-]*))?", re.I)


def _other_place(question: str, text: str) -> tuple[str, str] | None:
    """A superlative ``question`` gives one place ("the second most populous city")
    that ``text`` gives only another ("the most populous city", the first), as
    written; the place is part of the rank, as "one of the" is (``opposed_rank``),
    and a rank is of the word after it ("the largest port" places no city)."""
    def places(written: str) -> dict[tuple[str, str], dict[str, str]]:
        found: dict[tuple[str, str], dict[str, str]] = {}
        for m in _PLACED_RANK.finditer(written):
            rank = m["rank"].lower()
            if rank in _NOT_RANKED or (rank in ("most", "least") and not m["what"]):
                continue
            # The thing ranked too: "the largest metropolitan areas" place nothing
            # among cities.
            what = next(iter(tokenize(m["what"] or "")), "")
            place = (m["place"] or "first").lower()
            found.setdefault((rank, what), {}).setdefault(place, " ".join(m.group().split()))
        return found

    given = places(text)
    for key, asked in places(question).items():
        said = given.get(key, {})
        if said and asked.keys().isdisjoint(said):
            # Each as first written.
            return next(iter(asked.values())).lower(), next(iter(said.values())).lower()
    return None


# How many words after its subject a text may say what it does: "The SCO
# continues to expand", "the SCO, as a growing organization".
_SUBJECT_WORDS = 3


@lru_cache(maxsize=8)
def _document_words(text: str) -> tuple[frozenset[str], frozenset[tuple[str, str]],
                                        dict[tuple[str, str], str]]:
    """The words of a document (not those in another sense, ``_other_senses``),
    its pairs of words in a row, and each paired word with the words up to
    ``_SUBJECT_WORDS`` before it (to the words between, as written), read once per
    document: a question costs a look-up."""
    written = _written(text)
    table, _, _ = _opposites()
    subjects: dict[tuple[str, str], str] = {}
    for i, word in enumerate(written):
        if word in table:
            for j in range(max(0, i - _SUBJECT_WORDS), i):
                subjects.setdefault((written[j], word), " ".join(written[j : i + 1]))
    return (frozenset(written) - _other_senses(text),
            frozenset(itertools.pairwise(written)), subjects)


# Paired words in another sense, by what follows them: "declined to comment"
# refused, "dropped off" or "dropped out" left, "dropped in on" or "dropped by the
# office" visited (not "dropped by 12 percent", "a drop in prices").
_OTHER_SENSE = re.compile(
    r"\b(declin(?:e|es|ed|ing)\s+to|drop(?:s|ped|ping)?\s+(?:off|out|in\s+on"
    r"|by(?!\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|over\s+)?[\d$€£])))\b",
    re.I)
# "15,000 visitors a day" is a daily figure, "per year" an annual one.
_PER = re.compile(r"\b(?:a|an|per|each|every)\s+(day|week|month|year)\b", re.I)
_PERIODIC = {"day": "daily", "week": "weekly", "month": "monthly", "year": "annual"}


def _other_senses(sentence: str) -> set[str]:
    """The paired words ``sentence`` uses in another sense (``_OTHER_SENSE``)."""
    return {match.group(1).split()[0].lower() for match in _OTHER_SENSE.finditer(sentence)}


def _written(text: str) -> list[str]:
    """The words of ``text`` in order, lower-cased, as written."""
    return [word for word in (w.lower().strip("’'-") for w in WORDS.findall(text)) if word]


# A cut said in two words: "scale back its structures" weakens and reduces them.
_CUT_BACK = re.compile(r"\b(?:scal(?:e|es|ed|ing)|cut(?:s|ting)?|roll(?:s|ed|ing)?|"
                       r"wind(?:s|ing)?)\s+(?:back|down)\b", re.I)
_CUT_WORDS = ("reduce", "weaken")


def _words(text: str) -> set[str]:
    """The words of ``text`` (``_written``); a figure "a day" or "per year" also
    counts as "daily" or "annual", "second-busiest" as "second" too, a compound's
    last word as itself ("fuel-exporting" as "exporting"), and "scale back" as
    "reduce" and "weaken"."""
    written = _written(text)
    return (set(written) | {_PERIODIC[unit.lower()] for unit in _PER.findall(text)}
            | {part for word in written if "-" in word for part in word.split("-")
               if part in _ORDINALS}
            | {word.rsplit("-", 1)[1] for word in written if "-" in word
               # Not after a prefix: "non-member" is no member, "pro-" no "anti-".
               and _denied(word) is None
               and not word.startswith(tuple(own for own, _ in _COUNTER_PREFIXES))}
            | (set(_CUT_WORDS) if _CUT_BACK.search(text) else set()))


def _as_written(word: str, question: str) -> str:
    """``word`` as the question writes it: "scale back" for the "weaken" it
    counts as."""
    cut = _CUT_BACK.search(question)
    if word in _CUT_WORDS and cut and word not in _written(question):
        return " ".join(cut.group().lower().split())
    return word
