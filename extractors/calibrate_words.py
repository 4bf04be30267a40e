"""The words model's fit (extractors/analysis/article_words.py), for ``python -m extractors.calibrate
--article-features``: it needs the pulled texts, which the other fits do not.

A logistic regression (L2) of whether an article is about a talent deal on the presence of each
word of its opening that at least ``MIN_ARTICLES`` training articles hold. Fitted on every set,
it is shipped; fitted leaving one set out at a time, it gives each article the log-odds it would
give an article it had not read, which is what the article models learn from (a model's value on
the articles it was fitted on would teach them to trust it far too much).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

from extractors.analysis.article_words import WordsModel

# A word weighed only when this many training articles hold it (rarer ones are noise).
MIN_ARTICLES = 3
PENALTY = 0.01
STEPS = 600
STEP_SIZE = 0.5
# Weights smaller than this are left out of the shipped file (they move no article's sign).
SMALLEST_WEIGHT = 0.01


def fit_words(articles: Sequence[frozenset[str]], about: Sequence[bool]) -> WordsModel:
    """The words model fitted on these articles' words (article_words) and labels."""
    counts = Counter(w for words in articles for w in words)
    vocab = sorted(w for w, n in counts.items() if n >= MIN_ARTICLES)
    column = {w: i for i, w in enumerate(vocab)}
    x = np.zeros((len(articles), len(vocab)), dtype=np.float32)
    for row, words in enumerate(articles):
        for w in words:
            if (i := column.get(w)) is not None:
                x[row, i] = 1.0
    y = np.array(about, dtype=np.float32)
    weights, bias = np.zeros(len(vocab), dtype=np.float32), 0.0
    for _ in range(STEPS):
        p = 1.0 / (1.0 + np.exp(-(x @ weights + bias)))
        weights -= STEP_SIZE * (x.T @ (p - y) / len(y) + PENALTY * weights)
        bias -= STEP_SIZE * float(np.mean(p - y))
    kept = {w: round(float(v), 4) for w, v in zip(vocab, weights, strict=True)}
    return WordsModel(round(bias, 4), {w: v for w, v in kept.items() if abs(v) >= SMALLEST_WEIGHT})


def left_out_log_odds(
    articles: Sequence[frozenset[str]], about: Sequence[bool], groups: Sequence[str]
) -> list[float]:
    """Each article's log-odds by the words model fitted on the other sets."""
    out = [0.0] * len(articles)
    for group in sorted(set(groups)):
        train = [i for i, g in enumerate(groups) if g != group]
        model = (
            fit_words([articles[i] for i in train], [about[i] for i in train])
            if train
            else WordsModel(0.0, {})  # no other set to learn from: no sign
        )
        for i, g in enumerate(groups):
            if g == group:
                out[i] = model.log_odds(articles[i])
    return out


def to_toml(model: WordsModel, provenance: list[str]) -> str:
    """The model as ``article_words.toml`` (words as quoted keys, in order)."""
    head = "\n".join(f"# {line}" for line in provenance)
    body = "\n".join(f"{_quoted(w)} = {v:+.4f}" for w, v in sorted(model.weights.items()))
    return f"{head}\nbias = {model.bias:+.4f}\n\n[weights]\n{body}\n"


def _quoted(word: str) -> str:
    """A TOML basic string: the word with backslashes and quotes escaped (the words hold no
    control characters: they are letters, digits, apostrophes and hyphens)."""
    return '"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"'
