"""Pages that stand in front of an article: consent interstitials, cookie walls, paywall stubs,
"enable JavaScript" shells and bot checks, recognised from the page itself.

Such a page fetches fine and may even extract to a few paragraphs (a consent
text, a paywalled lede), so it would be stored and analysed as if it were the
article. ``wall_of`` tells it by what the page says and carries (its cues are
data, in ``extractors/fetch/data/walls.toml``), and only when the text found on it is
short: a real article is long whatever banner its page carries, and passes.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

WALLS_FILE = Path(__file__).resolve().parent / "data" / "walls.toml"
# The HTML read for markup cues: a wall says what it is near the top; a page is not read whole.
MARKUP_PREFIX_CHARS = 400_000
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class WallKind:
    kind: str
    name: str
    max_text_chars: int
    text: tuple[str, ...]
    markup: tuple[str, ...]
    markup_patterns: tuple[re.Pattern[str], ...]


@dataclass(frozen=True, slots=True)
class Wall:
    """What stood in front of the article, and the cue that showed it."""

    kind: str  # bot_check, consent, cookie_wall, paywall, javascript
    name: str  # as a person reads it: "consent interstitial"
    cue: str

    @property
    def note(self) -> str:
        """The article's ``extraction_note``: ``wall: consent interstitial ("before you continue")``."""
        return f'wall: {self.name} ("{self.cue}")'


@lru_cache(maxsize=1)
def wall_kinds() -> tuple[WallKind, ...]:
    with WALLS_FILE.open("rb") as fh:
        data = tomllib.load(fh)
    return tuple(
        WallKind(
            kind=w["kind"],
            name=w["name"],
            max_text_chars=int(w["max_text_chars"]),
            text=tuple(t.lower() for t in w.get("text", ())),
            markup=tuple(m.lower() for m in w.get("markup", ())),
            markup_patterns=tuple(re.compile(p) for p in w.get("markup_patterns", ())),
        )
        for w in data["wall"]
    )


def longest_wall_text() -> int:
    """Text longer than this is an article whatever cues its page carries: no wall is checked."""
    return max(w.max_text_chars for w in wall_kinds())


def page_title(html: str) -> str:
    match = _TITLE.search(html[:MARKUP_PREFIX_CHARS])
    return _SPACE.sub(" ", match.group(1)).strip() if match else ""


def wall_of(html: str, text: str, visible: str = "") -> Wall | None:
    """The wall this page is, or None when it may be the article.

    ``html`` is the page (decoded), ``text`` the article extracted from it (empty
    when none was), ``visible`` all the text a reader sees on it (buttons, banners
    and all). A wall's cues count when its extracted text is short; cues in the
    visible text count only when that, too, is short: a real page around a brief
    carries navigation, related stories and a footer, a wall carries its few words.
    """
    if len(text) > longest_wall_text():
        return None
    markup = html[:MARKUP_PREFIX_CHARS].lower()
    title = page_title(html)
    extracted = f"{title}\n{_SPACE.sub(' ', text)}".lower()
    shown = f"{title}\n{_SPACE.sub(' ', visible)}".lower()
    for wall in wall_kinds():
        if len(text) > wall.max_text_chars:
            continue
        seen = f"{extracted}\n{shown}" if len(visible) <= wall.max_text_chars else extracted
        cue = next((t for t in wall.text if t in seen), None)
        cue = cue or next((m for m in wall.markup if m in markup), None)
        if cue is None:
            found = next((p.search(markup) for p in wall.markup_patterns if p.search(markup)), None)
            cue = found.group(0) if found else None
        if cue is not None:
            return Wall(wall.kind, wall.name, cue)
    return None
