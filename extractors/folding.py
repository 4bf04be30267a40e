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


def any_of(alternation: str) -> str:
    """``alternation`` regrouped by first letter, for a pattern only tested for a match.

    At each position an alternation tries its branches one after the other; grouped
    under their first letters (``hired|hires|poach`` -> ``h(?:ired|ires)|p(?:oach)``),
    all groups but one are turned away at a glance. Which branch matches first may
    change, whether one matches does not. Letters are grouped whatever their case,
    so the result is meant for ``folded``. Branches that are themselves a bare
    alternation group are spread out first.
    """
    groups: dict[str, list[str]] = {}
    rest: list[str] = []
    for branch in _flat_branches(alternation):
        first = branch[:1]
        if first.isalpha() and branch[1:2] not in ("?", "*", "+", "{"):
            groups.setdefault(first.lower(), []).append(branch[1:])
        else:
            rest.append(branch)
    parts = [f"{letter}(?:{'|'.join(tails)})" for letter, tails in groups.items()]
    return "(?:" + "|".join(parts + rest) + ")"


def _flat_branches(alternation: str) -> list[str]:
    out = []
    for branch in _branches(alternation):
        for opening in ("(?:", "(?i:"):
            if branch.startswith(opening) and _closing(branch, 0) == len(branch) - 1:
                out.extend(_flat_branches(branch[len(opening) : -1]))
                break
        else:
            out.append(branch)
    return out


def _branches(alternation: str) -> list[str]:
    """The top-level branches of an alternation."""
    out, start, depth, i, in_class = [], 0, 0, 0, False
    while i < len(alternation):
        ch = alternation[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(alternation[start:i])
            start = i + 1
        i += 1
    out.append(alternation[start:])
    return out


def _closing(pattern: str, opening: int) -> int:
    """Index of the parenthesis closing the one at ``opening``."""
    depth, i, in_class = 0, opening, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise ValueError(f"unbalanced pattern {pattern!r}")


def folded_any_of(pattern: str) -> re.Pattern[str]:
    """``folded`` for a pattern of the form ``\\b(?:A|B|...)`` (maybe ending in ``\\b``)
    that is only tested for a match: its alternation is grouped by ``any_of``."""
    opening = r"\b(?:"
    end = _closing(pattern, len(opening) - 3) if pattern.startswith(opening) else -1
    tail = pattern[end + 1 :]
    if end < 0 or tail not in ("", r"\b"):
        raise ValueError(f"not a word alternation: {pattern!r}")
    return folded(r"\b" + any_of(pattern[len(opening) : end]) + tail)
