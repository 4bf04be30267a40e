"""Metadata that plain text carries: headline, byline, date and outlet.

Plain-text articles (seeds, files) have no HTML metadata. What they do have:
the headline on the first line, a "By NAME" byline, a bracketed date near the
top or a timestamp line at the very end, and a copyright line naming the outlet.
Dates inside sentences (photo captions: "taken on October 28, 2021") are not
the article's date, so only dates standing alone on a line or in brackets count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for m in names
}
_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
# "June 13, 2025" / "13 June 2025" / "2025-06-13" (time of day allowed after it).
_DATE_MDY = re.compile(
    _WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2}),?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE
)
_DATE_DMY = re.compile(
    _WEEKDAY + r"(?P<day>\d{1,2})\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE
)
_DATE_ISO = re.compile(
    r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)(?:[T ]\d\d:\d\d(?::\d\d)?\S*)?"
)
# A line that is nothing but a date (maybe bracketed, with "Published", "Updated", a time, a byline).
_DATE_LINE = re.compile(
    r"^\s*[\[(]?\s*(?:(?:published|updated|posted|date)\s*:?\s*)?(?P<date>[^\])]{6,60}?)\s*[\])]?\s*(?:By\b.*)?$",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"(?:^|[\]\s])By\s*:?\s+(?P<name>[A-Z][\w'’.\-]+(?:\s+(?:[A-Z][\w'’.\-]+|de|van|von|la|da)){0,4})\s*$"
)
_BYLINE_ALONE = re.compile(r"(?:^|\s)By\s*:?\s*$")
_NAME_LINE = re.compile(r"^\s*(?P<name>[A-Z][\w'’.\-]+(?:\s+[A-Z][\w'’.\-]+){1,4})\s*$")
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:copyright\s*)?(?:\d{4}\s*)?(?:-\s*\d{4}\s*)?(?P<outlet>[A-Z][\w&.'’\- ]{1,60}?)\s*(?:[.,|]\s*)?(?:All rights reserved|$)",
    re.IGNORECASE,
)
_DOMAIN_SUFFIX = re.compile(r"\.(?:com|net|org|co\.uk|co|io|news)$", re.IGNORECASE)
# How far from either end a date line may stand and still be the article's date.
HEAD_LINES = 8
# A headline longer than this is a paragraph, not a headline.
TITLE_MAX = 200
# The wrapped rest of a headline is a few words, not a sentence.
WRAPPED_TAIL_MAX = 40
TAIL_LINES = 4
_SMALL_WORDS = frozenset({"de", "van", "von", "la", "da", "der", "le"})


@dataclass(frozen=True, slots=True)
class TextMetadata:
    title: str | None = None
    author: str | None = None
    published: date | None = None
    outlet: str | None = None


def parse_date(text: str) -> date | None:
    """The first full date written in ``text`` (month names or ISO), else None."""
    for pattern in (_DATE_ISO, _DATE_MDY, _DATE_DMY):
        m = pattern.search(text)
        if not m:
            continue
        month_raw = m.group("month")
        month = int(month_raw) if month_raw.isdigit() else MONTHS.get(month_raw.lower().rstrip("."))
        try:
            return date(int(m.group("year")), month or 0, int(m.group("day")))
        except ValueError:
            continue
    return None


def _standalone_date(line: str) -> date | None:
    m = _DATE_LINE.match(line)
    if not m:
        return None
    candidate = m.group("date")
    found = parse_date(candidate)
    if found is None:
        return None
    # The date must be (nearly) all the line says: not a date inside a sentence.
    leftover = _DATE_ISO.sub("", _DATE_MDY.sub("", _DATE_DMY.sub("", candidate)))
    if len(re.sub(r"[\W_]+", "", leftover)) > 12:
        return None
    return found


def person_name(raw: str) -> str:
    """'MATT O'BRIEN' -> "Matt O'Brien"; names already in mixed case are kept."""
    raw = " ".join(raw.split()).strip(" ,.")
    if raw != raw.upper():
        return raw
    words = []
    for word in raw.split(" "):
        lower = word.lower()
        if lower in _SMALL_WORDS:
            words.append(lower)
            continue
        parts = re.split(r"(['’\-])", lower)
        cased = "".join(p[:1].upper() + p[1:] if p not in ("'", "’", "-") else p for p in parts)
        if cased.startswith("Mc") and len(cased) > 2:
            cased = "Mc" + cased[2].upper() + cased[3:]
        words.append(cased)
    return " ".join(words)


def _title(lines: list[str]) -> str | None:
    """The first line; a short unpunctuated line right under it is its wrapped tail."""
    nonempty = [i for i, line in enumerate(lines) if line.strip()]
    if not nonempty:
        return None
    first = nonempty[0]
    head = lines[first].strip()
    if _standalone_date(head) or _BYLINE_ALONE.search(head) or _BYLINE.match(head):
        return None
    if first + 1 < len(lines):
        tail = lines[first + 1].strip()
        if (
            tail
            and len(tail) <= WRAPPED_TAIL_MAX
            and tail[-1] not in ".!?:"
            and not _standalone_date(tail)
        ):
            head = f"{head} {tail}"
    if len(head) > TITLE_MAX or (head[-1] in ".!?" and len(head) > 120):
        return None
    return head


def _author(lines: list[str]) -> str | None:
    for i, line in enumerate(lines[: HEAD_LINES + 4]):
        m = _BYLINE.search(line.rstrip())
        if m:
            return person_name(m.group("name"))
        if _BYLINE_ALONE.search(line):
            for nxt in lines[i + 1 : i + 4]:
                if not nxt.strip():
                    continue
                n = _NAME_LINE.match(nxt)
                return person_name(n.group("name")) if n and len(n.group("name")) <= 40 else None
    return None


def _published(lines: list[str]) -> date | None:
    nonempty = [line for line in lines if line.strip()]
    for line in nonempty[:HEAD_LINES]:
        found = _standalone_date(line)
        if found:
            return found
    for line in reversed(nonempty[-TAIL_LINES:]):
        found = _standalone_date(line)
        if found:
            return found
    return None


def _outlet(lines: list[str]) -> str | None:
    for line in reversed(lines):
        m = _COPYRIGHT.search(line)
        if not m:
            continue
        outlet = m.group("outlet").strip(" .,|")
        outlet = re.sub(r"^(?:copyright\s+)", "", outlet, flags=re.IGNORECASE)
        outlet = _DOMAIN_SUFFIX.sub("", outlet).strip()
        if outlet:
            return outlet
    return None


def text_metadata(text: str) -> TextMetadata:
    lines = text.splitlines()
    return TextMetadata(
        title=_title(lines),
        author=_author(lines),
        published=_published(lines),
        outlet=_outlet(lines),
    )
