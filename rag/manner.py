"""Manner and place: a question asking how or where something is done to a
thing, over a text that never says it is done.

"How will the SCO Investment Fund be financed?" over "The SCO plans to create an
Investment Fund, which will facilitate the implementation of large
infrastructure projects": the fund matches, so the sentence ranks first, but it
says what the fund will do, not how it is paid for. "Where is the SCO
headquartered?" over "The SCO, as a growing organization in Eurasia, ..." gives
a place, but not the one asked for. A question asking how or where a thing is
acted on ("financed", "built", "headquartered") is answered only where the text
speaks of that act; so is one taking an end as so ("Why did Kazakhstan leave
the SCO?"), a stand against something ("Why did Kazakhstan oppose ...?") or a
founding ("Who founded BYD?"); so is a yes/no question whether
a named party did something ("Did Tesla lobby Brussels ...?" over the sentence
naming Tesla among the companies the tariffs hit, and never as doing anything).
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from rag.lexical import AUXILIARIES, MODALS, STOPWORDS, question_sentences, tokenize

# Participles not ending in "-ed" ("built", "chosen"): a list, as "different" or
# "open" end alike and are none.
_IRREGULAR = ("built", "set", "sent", "spent", "kept", "meant", "dealt", "lent", "bought",
              "brought", "taught", "sought", "cut", "put", "held", "made", "paid", "laid",
              "sold", "told", "won", "run", "done", "chosen", "taken", "given", "driven",
              "written", "broken", "drawn", "grown", "known", "shown", "spoken", "found")
# "How will the fund be financed?", "How exactly is the belt supposed to be
# built?", "Where's the SCO headquartered?": the act as a participle ending a
# sentence of the question (a particle after it: "set up"). Not an act in a
# clause of its own: "How has the membership changed since it was set up?" asks
# how it changed.
_DONE = re.compile(
    r"\s*(?P<wh>how|where|when)(?:[’']s|\s+(?:exactly\s+)?"
    rf"(?:{'|'.join((*AUXILIARIES, *MODALS))}))\s+"
    r"(?:(?!(?:since|after|before|until|once|because|while|when|whereas|although|though)\s)"
    r"[\w’'-]+\s+){0,12}?(?:be\s+|been\s+|being\s+)?"
    r"(?P<act>(?:[a-z]{3,}ed|" + "|".join(_IRREGULAR) + r")(?:\s+(?:up|out|off|down))?)"
    r"\s*[?.!]*\s*$", re.I)
# Asked how, these acts are told by whatever the text says of the thing: "How is
# the SCO described?" by any sentence about it, "How are payments made?" by what
# they are made in.
_TOLD = frozenset(("described", "characterized", "characterised", "portrayed", "depicted",
                   "defined", "presented", "seen", "viewed", "regarded", "considered",
                   "perceived", "known", "called", "referred", "mentioned", "made", "done",
                   "addressed", "handled", "treated", "promoted", "created", "achieved",
                   "used", "chosen"))
# Asked where, these are told by the place alone: "the summit in Astana" says
# where it is held, "a security belt along the perimeter" where it is built.
_PLACED = frozenset(("located", "situated", "based", "held", "hosted", "found", "set",
                     "placed", "kept", "seen", "organized", "organised", "built", "created",
                     "established", "founded", "made", "produced"))

# Asked when, these are told by a date alone: "When is the summit scheduled?" by
# "will be held on 3 July"; "set up" is a founding ("Founded in 2001").
_TIMED = frozenset(("held", "scheduled", "planned", "expected", "set", "set up", "due", "made",
                    "done", "arranged", "organized", "organised", "hosted", "known", "seen",
                    "given", "mentioned", "written"))


def asked_act(question: str) -> tuple[str, str] | None:
    """The act a "How is X <done>?", "Where is X <done>?" or "When was X <done>?"
    question asks about, with its question word.

    Args:
        question: The question, as the engine reads it.

    Returns:
        ("how", "financed") for "How will the SCO Investment Fund be financed?",
        ("where", "headquartered") for "Where is the SCO headquartered?", ("when",
        "opened") for "When was the corridor opened?"; None for
        other questions ("How will the fund help?"), for acts whatever the text
        says of the thing tells ("How is the SCO described?") and for a place
        asked of an act a place alone tells ("Where will the summit be held?").
    """
    for sentence in question_sentences(question):
        match = _DONE.match(sentence)
        if match is None:
            continue
        wh, act = match.group("wh").lower(), match.group("act").lower()
        if act not in {"where": _PLACED, "when": _TIMED}.get(wh, _TOLD):
            return wh, act
    return None


# An end a question takes as so: "Why did Kazakhstan leave the SCO?", "When did
# India withdraw?", "Why was the summit cancelled?", "Which countries left the
# SCO?". Writers' false premises are often such ends, and a sentence near that
# speaks of the same names but of no end ("Considering the importance of the SCO
# for Kazakhstan, ...") answers none of them. "left" only as a verb: not "the
# left", "is left", "left out" or "left over"; "stop" only of doing something
# ("stop selling cars", not "stopped the uprising").
_ENDING = re.compile(
    r"\b(?P<act>leav(?:e|es|ing)|(?<!\bthe\s)(?<!\bis\s)(?<!\bare\s)left(?!\s+(?:out|over|"
    r"behind|to)\b)|quit(?:s|ting)?|withdr(?:aw|aws|awn|ew|awing)|"
    r"stop(?:s|ped|ping)?(?=\s+\w+ing\b)|"
    r"cancel(?:s|l?ed|l?ing)?|call(?:s|ed)?\s+off|abandon(?:s|ed|ing)?|"
    r"suspend(?:s|ed|ing)?|expel(?:s|led|ling)?|resign(?:s|ed|ing)?|"
    r"g(?:ive|ave|iven|ives|iving)\s+up|pull(?:s|ed|ing)?\s+out|dr(?:op|ops|opped)\s+out|"
    # "drop" of a plan only ("drop its proposal", not "a drop in prices").
    r"dr(?:op|ops|opped|opping)(?=\s+(?:its|their|the|his|her|this|that|a|an)\s+(?:[\w-]+\s+)?"
    r"(?:proposals?|plans?|ideas?|bids?|initiatives?|demands?|requests?|claims?|"
    r"objections?)\b)|"
    r"st(?:ep|eps|epped)\s+down|postpon(?:e|es|ed|ing)|scrap(?:s|ped|ping)?|"
    r"dissolv(?:e|es|ed|ing)|boycott(?:s|ed|ing)?|"
    # A trouble taken as settled: "how did the blockade get resolved", not "which
    # problems will the SCO resolve".
    r"(?<=\bget\s)resolved|(?<=\bgot\s)resolved|(?<=\bwas\s)resolved|"
    r"(?<=\bwere\s)resolved|(?<=\bbeen\s)resolved)\b", re.I)


def asked_ending(question: str) -> str | None:
    """The end ``question`` takes as so, as written.

    Args:
        question: The question, as the engine reads it.

    Returns:
        "leave" for "Why did Kazakhstan leave the SCO?", "give up" for "Why did
        Kazakhstan give up the chairmanship?", "withdraw" for "when did india
        withdraw from the sco"; None for a question taking no end as so ("Why is
        the Red Sea route blocked?").
    """
    return _act(_ENDING, question)


# A stand against something a question takes as so: "Why did Kazakhstan oppose an
# SCO free trade zone?", "Which documents is the summit expected to reject?",
# "Who vetoed the declaration?". Writers turn what a text says was proposed,
# reviewed or backed into its refusal; a sentence near that speaks of the thing
# but of no one standing against it answers none of them. Not "as opposed to",
# which sets two things apart.
_OPPOSING = re.compile(
    r"\b(?P<act>(?<!\bas\s)oppos(?:e|es|ed|ing)|reject(?:s|ed|ing)?|refus(?:e|es|ed|ing)|"
    r"resist(?:s|ed|ing)?|object(?:s|ed|ing)?\s+to|condemn(?:s|ed|ing)?|"
    r"critici[sz](?:e|es|ed|ing)|denounc(?:e|es|ed|ing)|protest(?:s|ed|ing)?|"
    r"veto(?:es|ed|ing)?|snub(?:s|bed|bing)?|spurn(?:s|ed|ing)?|"
    r"vot(?:e|es|ed|ing)\s+against)\b", re.I)


def asked_opposing(question: str) -> str | None:
    """The stand against something ``question`` takes as so, as written.

    Args:
        question: The question, as the engine reads it.

    Returns:
        "oppose" for "Why did Kazakhstan oppose creating an SCO free trade zone?",
        "reject" for "Which documents is the summit expected to reject?"; None for
        a question taking no such stand as so ("What is the SCO, as opposed to
        BRICS?").
    """
    return _act(_OPPOSING, question)


# A founding a question takes as so: "Who founded BYD?", "When was the CSTO
# established?". A sentence near that names the thing but no founding ("tariffs
# ... for companies such as Chinese BYD Co. and Tesla Inc.") names no founder.
# Not "found" (of finding) nor "founding member", a standing the text may give
# by other words ("has grown from six members").
_FOUNDING = re.compile(
    r"\b(?P<act>(?:co-?)?found(?:ed|er|ers)|establish(?:ed|es|ing|ment))\b", re.I)
# "set up" only passive ("In which city was the SCO originally set up?"): "Why did
# Kazakhstan set up a working group?" asks of what it made, not of a founding.
_SET_UP = re.compile(r"\b(?:was|were)\s+(?:[\w’'.-]+\s+){0,5}?(?P<act>set\s+up)\b", re.I)
_SINCE = re.compile(r"\b(?:since|when|after|before|until|once)\s+(?:[\w’'.-]+\s+){0,3}$", re.I)
# Terms saying that something was founded. Not every word of the sense (``lexical
# .same_sense`` joins "start" and "begin"): "starting next month" founds nothing.
FOUNDING_TERMS = frozenset(tokenize("founded founder establish created creation formation"))
# A founding as the time of a clause: "Who was the foreign minister when the SCO
# was created?" takes the creation as so and asks of its time. Not "What was
# created?", which may ask of anything made. Only words used of founding alone
# tell of it (``FOUNDING_ONLY_TERMS``): "the creation of strong ties" founds nothing.
FOUNDING_ONLY_TERMS = frozenset(tokenize("founded founder established"))
_FOUNDED_WHEN = re.compile(
    r"\bwhen\s+(?:[\w’'-]+\s+){1,5}?(?:was|were)\s+"
    r"(?:first\s+)?(?P<act>created|formed|set\s+up)\b", re.I)


def asked_founding(question: str) -> str | None:
    """The founding ``question`` takes as so, as written.

    Args:
        question: The question, as the engine reads it.

    Returns:
        "founded" for "who founded byd the chinese car company", "established" for
        "When was the CSTO established?", "set up" for "Where was the SCO set
        up?"; None for a question asking of no founding ("Which countries are
        founding members?").
    """
    if (founded := _act(_FOUNDING, question)) is not None:
        return founded
    set_up = _SET_UP.search(question)
    # "How has it changed since it was set up?" takes the founding as the time of
    # what it asks (``founded_when`` reads "when"); "set up" alone may be any making.
    if set_up is None or _SINCE.search(question[: set_up.start()]):
        return None
    return "set up"


def founded_when(question: str) -> str | None:
    """The founding ``question`` takes as the time of what it asks, as written.

    Args:
        question: The question, as the engine reads it.

    Returns:
        "created" for "Who was Kazakhstan's foreign minister when the SCO was
        created?"; None for a question with no such clause ("What was created?",
        "When was the SCO created?").
    """
    return _act(_FOUNDED_WHEN, question)


# A joining a question takes as so: "When did Iran join the SCO?", "Which
# country became a full member in 2023?". Not "join forces" or "join efforts".
# Joining an occasion is taking part in it ("who joined the events held?"), not
# joining a body.
_JOINING = (r"join(?:s|ed|ing)?\b(?!\s+(?:forces|efforts|hands|in)\b)"
            r"(?!\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+)?(?:events?|meetings?|talks|summits?|"
            r"forums?|discussions?|celebrations?|ceremon(?:y|ies)|sessions?)\b)|accession|"
            r"acced(?:e|es|ed|ing)|admi(?:t|ts|tted|tting|ssion)\b|"
            r"(?:became|become|becomes|becoming)\s+(?:a\s+|an\s+|the\s+)?(?:[\w’'-]+\s+)?"
            r"members?\b")
_JOINING_Q = re.compile(rf"\b(?P<act>{_JOINING})", re.I)
# ... and what tells of one: those words, "membership", "enlargement", "new
# members", "a member since" (not "member states" alone, which joins no one).
_TELLS_JOINING = re.compile(
    rf"\b(?:{_JOINING}|membership|enlarg(?:e|es|ed|ing|ement)|new\s+members?|"
    r"members?\s+since)", re.I)


def asked_joining(question: str) -> str | None:
    """The joining ``question`` takes as so, as written.

    Args:
        question: The question, as the engine reads it.

    Returns:
        "join" for "what year did kazakstan join the sco", "became a full member"
        for "Which country became a full member of the SCO in 2023?"; None for a
        question asking of no joining ("Will they join forces?").
    """
    return _act(_JOINING_Q, question)


def tells_joining(text: str) -> bool:
    """Whether ``text`` speaks of someone joining (``_TELLS_JOINING``)."""
    return _TELLS_JOINING.search(text) is not None


def _act(pattern: re.Pattern[str], question: str) -> str | None:
    """The act ``pattern`` finds in ``question``, in lower case, its spaces folded
    ("give up" of "GIVE  UP")."""
    match = pattern.search(question)
    return " ".join(match.group("act").lower().split()) if match else None


# "Did Tesla lobby Brussels ...?", "Will the SCO introduce a single currency?", "is
# tesla going to move production ...?": whether a named party does a deed, the
# verb just after its name (adverbs aside).
_ADVERBS = (r"(?:really|actually|publicly|officially|formally|personally|also|already|ever|even"
            r"|still|soon|eventually|finally|first|just|now|then)")
_DEED_Q = re.compile(
    r"^\s*(?:(?i:did|does|do|will|would|has|have|had)\s+(?P<who>(?:the\s+)?[\w’'.-]+"
    r"(?:\s+[A-Z][\w’'.-]*)*)"
    r"|(?i:is|are|was|were)\s+(?P<going>(?:the\s+)?[\w’'.-]+(?:\s+[A-Z][\w’'.-]*)*)\s+"
    r"(?i:going\s+to|gonna|about\s+to|set\s+to))"
    rf"\s+(?i:{_ADVERBS}\s+)*(?P<act>[a-z]{{3,}}|go(?=\s+to\b))\b")
# Verbs of thinking, saying, wanting or having, and light verbs: what they ask is
# told in other words ("Does Tokayev think ...?" over "emphasized that ..."), or
# other rules read it (speech, standing).
_NO_DEED = frozenset((
    "think", "believe", "consider", "say", "tell", "claim", "mention", "call", "want", "wish",
    "hope", "intend", "plan", "mean", "need", "expect", "have", "get", "go", "come", "make",
    "do", "become", "remain", "seem", "look", "feel", "see", "know", "take", "give", "let",
    "keep", "put", "use", "play", "count"))
# Prepositions the stop words lack: "Does the route across the Caspian ...?" asks
# of no deed of the route's ("Route" is capitalised in the corpus, so may be a name).
_PREPOSITIONS = frozenset((
    "across", "along", "among", "around", "behind", "beside", "beyond", "inside", "near",
    "toward", "towards", "upon", "within", "without", "outside", "like", "past", "per", "via"))


def asked_deed(question: str, proper_nouns: AbstractSet[str]) -> tuple[str, str] | None:
    """Who a yes/no question asks did a deed, and the deed's verb, where a name
    (capitalised, or a word the corpus writes only capitalised) does it.

    Args:
        question: The question, as the engine reads it.
        proper_nouns: Words the corpus writes only capitalised (lower case).

    Returns:
        ("Tesla", "lobby") for "Did Tesla lobby Brussels against the duties?",
        ("tesla", "move") for "is tesla going to move production out of China?";
        None for other questions, a party that is no name ("Did all members
        back ...?"), a possessive that goes on ("Did Kazakhstan's defence
        minister ...?") and verbs of ``_NO_DEED`` ("Does Tokayev think ...?").
    """
    match = _DEED_Q.match(question)
    if match is None:
        return None
    who = match["who"] or match["going"]
    name = who.split()[-1]
    act = match["act"].lower()
    # "Did Tokayev go to the meeting?" asks whether he attended it (``_DEED_Q``
    # takes "go" only before "to").
    attended = act == "go"
    if (not (name[0].isupper() or name.lower() in proper_nouns) or name.endswith(("'s", "’s"))
            or (act in _NO_DEED and not attended) or act in _PREPOSITIONS or act in STOPWORDS
            or re.fullmatch(_ADVERBS, act) or not tokenize(act)):
        return None
    return " ".join(who.split()), act


# A party named as an example in a list: "for companies such as Chinese BYD Co.
# and Tesla Inc." (a list of a few names, so a window of some characters).
# (No sentence ends between: "Inc. Tesla said ..." names Tesla doing something.)
_EXAMPLE_BEFORE = re.compile(
    r"\b(?i:such\s+as|including|like|e\.g\.)\s(?:(?!\.\s+(?:[A-Z]|$))[^;:!?])*$")
_EXAMPLE_CHARS = 60


def named_only_as_example(name: str, text: str) -> bool:
    """Whether ``text`` names ``name`` (by its last word), and each time as an
    example in a list ("such as", "including"), never doing anything itself:
    "Tesla" in "the cost of selling cars for companies such as Chinese BYD Co. and
    Tesla Inc."; not "Kazakhstan" in "Kazakhstan chairs the SCO"."""
    word = name.split()[-1]
    found = list(re.finditer(rf"\b{re.escape(word)}\b", text, re.I))
    return bool(found) and all(
        _EXAMPLE_BEFORE.search(text, max(0, m.start() - _EXAMPLE_CHARS), m.start())
        for m in found)
