"""Manner: a question asking how something is done to a thing, over a text that
never says it is done.

"How will the SCO Investment Fund be financed?" over "The SCO plans to create an
Investment Fund, which will facilitate the implementation of large
infrastructure projects": the fund matches, so the sentence ranks first, but it
says what the fund will do, not how it is paid for. A question asking how a
thing is acted on ("financed", "funded", "built", "set up") is answered only
where the text speaks of that act.
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
# built?", "How are members chosen?": the act as a participle ending the
# question (a particle after it: "set up").
_HOW_DONE = re.compile(
    r"\s*how\s+(?:exactly\s+)?(?:will|would|is|are|was|were|can|could|should|might)\s+"
    r"(?:[\w’'-]+\s+){1,12}?(?:be\s+|been\s+)?"
    r"(?P<act>(?:[a-z]{3,}ed|" + "|".join(_IRREGULAR) + r")(?:\s+(?:up|out|off|down))?)"
    r"\s*[?.!]*\s*$", re.I)


def asked_act(question: str) -> str | None:
    """The act a "How is X <done>?" question asks the manner of.

    Args:
        question: The question, as the engine reads it.

    Returns:
        "financed" for "How will the SCO Investment Fund be financed?", "set up"
        for "How will the belt be set up?"; None for other questions ("How will the
        fund help?", "How is the SCO described at the start of the article?").
    """
    match = _HOW_DONE.match(question)
    return None if match is None else match.group("act")
