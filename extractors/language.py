"""Language identification with py3langid, whose model ships inside the wheel."""

from __future__ import annotations

import re
import threading
from itertools import islice

import py3langid

# Below this many letters the guess is noise; the article keeps language None.
MIN_LETTERS = 40
# The opening of an article says its language; the classifier's cost grows with the sample.
SAMPLE_CHARS = 2500
_LETTER = re.compile(r"[^\W\d_]")
# py3langid's normalised probability under which we do not trust the guess.
MIN_PROBABILITY = 0.5

_loaded: list[py3langid.langid.LanguageIdentifier] = []
_loading = threading.Lock()


def _identifier() -> py3langid.langid.LanguageIdentifier:
    """The model, loaded once on first use: 70 MB that a process which never reads a text
    (a run whose analysis worker detects languages) never holds."""
    if not _loaded:
        with _loading:
            if not _loaded:
                _loaded.append(
                    py3langid.langid.LanguageIdentifier.from_modelpath(
                        py3langid.langid.MODEL_DIR / py3langid.langid.MODEL_FILE, norm_probs=True
                    )
                )
    return _loaded[0]


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when it cannot tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(1 for _ in islice(_LETTER.finditer(sample), MIN_LETTERS)) < MIN_LETTERS:
        return None
    code, probability = _identifier().classify(sample)
    return code if probability >= MIN_PROBABILITY else None
