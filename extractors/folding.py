"""Case-insensitive matching without ``re.IGNORECASE``'s cost.

An ``re.IGNORECASE`` alternation of many words lowers every character it tries
at every position, which made the cue patterns most of the analysis time. A
sentence is folded to lower case once, and the cue patterns run case-sensitive
on that. ``fold`` keeps every character at its offset (so match positions still
point into the original text) and maps exactly the characters ``re.IGNORECASE``
treats as equal to a lower-case letter: ``str.lower`` alone would miss dotted
and dotless i and the long s (tests/test_fast_matching.py checks every code point).
"""

from __future__ import annotations

import re
from functools import lru_cache

# The characters re.IGNORECASE matches to an ASCII letter that str.lower() does not
# turn into it ("İ".lower() is two characters long).
_SPECIAL = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """``text`` in lower case, each character where it was."""
    return text.translate(_SPECIAL).lower() if not text.isascii() else text.lower()


def folded(pattern: str) -> re.Pattern[str]:
    """``pattern`` (as if compiled with re.IGNORECASE) compiled to run on ``fold``ed text.

    Literals and character ranges are lowered; escapes (``\\S``, ``\\W``, ``\\B``...)
    and the ``(?P<name>`` syntax keep their case (group names are lower case here).
    Inline ``(?i:`` groups are redundant on folded text and dropped; a switch to
    case-sensitive matching would change meaning, so it is refused.
    """
    if "(?-i" in pattern:
        raise ValueError("a pattern with a case-sensitive part cannot be folded")
    out = []
    escaped = False
    for ch in pattern:
        out.append(ch if escaped else ch.lower())
        escaped = not escaped and ch == "\\"
    lowered = "".join(out).replace("(?p<", "(?P<").replace("(?p=", "(?P=")
    return re.compile(lowered.replace("(?i:", "(?:"))
