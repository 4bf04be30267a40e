"""When a deal was announced, as the article dates it.

"Meta said on Thursday", "am Donnerstag", "on June 12": a weekday is counted back from
the article's own date (the most recent such day on or before it); a day and month
take the article's year. Only the article's lead is read: that is where news dates itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from extractors.analysis.lexicon import Lexicon
from extractors.analysis.text import Sentence
from extractors.textmeta import parse_date

# Body sentences read for a date.
LEAD_SENTENCES = 4
_MONTH_DAY = re.compile(
    r"\b(?:on\s+)?((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})(?:,\s*(\d{4}))?\b"
)


def announced_date(
    sentences: Sequence[Sentence], published: date | None, lex: Lexicon
) -> date | None:
    lead = [s for s in sentences if not s.is_headline][:LEAD_SENTENCES]
    for s in lead:
        explicit = _MONTH_DAY.search(s.raw)
        if explicit and (explicit.group(2) or published):
            year = explicit.group(2) or str(published.year)  # type: ignore[union-attr]
            found = parse_date(f"{explicit.group(1)}, {year}")
            if found is not None and (published is None or found <= published):
                return found
        if published is None:
            continue
        folded = s.folded
        for days in lex.weekdays:
            for index, day in enumerate(days):
                if re.search(rf"(?<![\w-]){re.escape(day)}(?![\w-])", folded):
                    return published - timedelta(days=(published.weekday() - index) % 7)
    return None
