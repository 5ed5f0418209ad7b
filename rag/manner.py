"""Manner and place: a question asking how or where something is done to a
thing, over a text that never says it is done.

"How will the SCO Investment Fund be financed?" over "The SCO plans to create an
Investment Fund, which will facilitate the implementation of large
infrastructure projects": the fund matches, so the sentence ranks first, but it
says what the fund will do, not how it is paid for. "Where is the SCO
headquartered?" over "The SCO, as a growing organization in Eurasia, ..." gives
a place, but not the one asked for. A question asking how or where a thing is
acted on ("financed", "built", "headquartered") is answered only where the text
speaks of that act.
"""

from __future__ import annotations

import re

# Participles not ending in "-ed" ("built", "chosen"): a list, as "different" or
# "open" end alike and are none.
_IRREGULAR = ("built", "set", "sent", "spent", "kept", "meant", "dealt", "lent", "bought",
              "brought", "taught", "sought", "cut", "put", "held", "made", "paid", "laid",
              "sold", "told", "won", "run", "done", "chosen", "taken", "given", "driven",
              "written", "broken", "drawn", "grown", "known", "shown", "spoken", "found")
# "How will the fund be financed?", "How exactly is the belt supposed to be
# built?", "Where is the SCO headquartered?": the act as a participle ending the
# question (a particle after it: "set up").
_DONE = re.compile(
    r"\s*(?P<wh>how|where)\s+(?:exactly\s+)?"
    r"(?:will|would|is|are|was|were|can|could|should|might)\s+"
    r"(?:[\w’'-]+\s+){1,12}?(?:be\s+|been\s+)?"
    r"(?P<act>(?:[a-z]{3,}ed|" + "|".join(_IRREGULAR) + r")(?:\s+(?:up|out|off|down))?)"
    r"\s*[?.!]*\s*$", re.I)
# Asked where, these acts are told by the place alone: "the summit in Astana" says
# where it is held.
_PLACED = frozenset(("located", "situated", "based", "held", "hosted", "found", "set",
                     "placed", "kept", "seen", "organized", "organised"))


def asked_act(question: str) -> tuple[str, str] | None:
    """The act a "How is X <done>?" or "Where is X <done>?" question asks about,
    with its question word.

    Args:
        question: The question, as the engine reads it.

    Returns:
        ("how", "financed") for "How will the SCO Investment Fund be financed?",
        ("where", "headquartered") for "Where is the SCO headquartered?"; None for
        other questions ("How will the fund help?", "How is the SCO described at
        the start of the article?") and for a place asked of an act a place alone
        tells ("Where will the summit be held?").
    """
    match = _DONE.match(question)
    if match is None:
        return None
    wh, act = match.group("wh").lower(), match.group("act")
    if wh == "where" and act.lower() in _PLACED:
        return None
    return wh, act
