"""Learn the analysis's models from real sets: the claim calibration
(extractors/analysis/calibration.py), the subject model (extractors/analysis/subject_model.py),
the article and named-deals models (extractors/analysis/article_model.py) and the words model
(extractors/analysis/article_words.py, fitted with ``--article-features``: extractors/calibrate_words.py).

``python -m extractors.calibrate [--blind DIR] [--out-dir DIR] [--check] [--test DUMP ...]`` reads what earlier
versions of the analysis concluded about real articles they had not seen
(``tests/data/calibration/blind/``, made by ``dump_blind.py`` there) and the sets' labels:

- each claim, right or wrong: a logistic regression (L2, standardised features) of rightness on
  ``claim_features``;
- each deal, the article's subject or not: a logistic regression on ``subject_features``, its
  penalty and ``promote`` bound the pair with the best relevance macro F1 when one set is left out;
- each article, about a talent deal or not: a logistic regression on ``article_features``, read
  from the pulled texts of the sets' development parts and kept, numbers only, in
  ``tests/data/calibration/articles.json`` (``--article-features DIR ...`` writes it); its penalty
  and ``promote`` bound the pair with the best relevance macro F1, leaving one set out, of the
  blind analyses (``blind/`` and ``later/``) when an article they called unrelated is promoted;
- each article the blind analyses named deals in but no subject, about one of them or not: the
  same regression with one more feature, chosen the same way (``fit_named_deals_model``).

It reports, leaving one set out at a time, the learnt models against the rules' own confidence
and choice, then writes the weights fitted on every set. ``--check`` reports without writing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from extractors import calibrate_words
from extractors.analysis import article_model, subject_model
from extractors.analysis.analyse import ArticleSigns, article_signs
from extractors.analysis.article_words import WORDS_MODEL_FILE, article_words
from extractors.analysis.calibration import (
    CALIBRATION_FILE,
    FEATURES,
    claim_features,
    shipped_calibration,
)
from extractors.documents import articles_from_path
from extractors.records import Article, Claim, DealMention
from extractors.scoring import (
    RELEVANCE_CLASSES,
    article_files,
    expected_claims,
    held_out_stems,
    labelled,
)
from extractors.watchlist import Watchlist, load_watchlist

ROOT = Path(__file__).resolve().parents[1]
BLIND = ROOT / "tests" / "data" / "calibration" / "blind"
# Blind analyses of sets labelled after the last refit of the claim and subject models: read only
# for the article model's bound (what the rules called an article they had not read).
LATER = BLIND.with_name("later")
ARTICLE_FEATURES = BLIND.with_name("articles.json")
# The strength of the L2 penalty on standardised weights: chosen by the leave-one-set-out
# AUC (tests/data/calibration/README.md); the fit is little sensitive to it between 0.01 and 0.3.
PENALTY = 0.1
STEPS = 4000
STEP_SIZE = 0.5
# The subject model's penalty and bound are chosen among these by the leave-one-set-out score
# (a ``promote`` above 1 never overrules the rules' choice).
SUBJECT_PENALTIES = (0.01, 0.03, 0.1, 0.3)
SUBJECT_PROMOTE = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.01)
# The article model's, chosen the same way (a ``promote`` above 1 promotes no article).
ARTICLE_PENALTIES = (0.01, 0.03, 0.1, 0.3)
ARTICLE_PROMOTE = (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.01)
# How far below the best leave-one-set-out relevance the article and named-deals models' penalty
# may be chosen for being stronger (the simpler model within noise of the best: about one article
# of the 746 blind-analysed ones).
WITHIN = 0.005


@dataclass(frozen=True, slots=True)
class Example:
    group: str  # the real set: folds leave one out
    features: tuple[float, ...]
    right: bool
    reading_confidence: float


@dataclass(frozen=True, slots=True)
class DealExample:
    group: str
    article: str  # set/stem: the deals of one article are chosen among together
    features: tuple[float, ...]
    subject: bool  # the label makes this deal the article's subject
    rules_relevance: str  # what the analysis concluded of the article
    relevance: str  # what the label says


def _claim(row: dict, stem: str) -> Claim:
    return Claim(
        claim_id=f"{stem}:{row['start']}",
        article_id=stem,
        deal_id=row["deal_id"],
        subject=row["subject"],
        metric=row["metric"],
        low=row["low"],
        high=row["high"],
        unit=row["unit"],
        stated="",
        qualifier=row["qualifier"],
        quote="",
        start=row["start"],
        end=row["end"],
        as_of=None,
        confidence=row["confidence"],
        evidence=row["evidence"],
    )


def _deal(row: dict) -> DealMention:
    return DealMention(
        deal_id=row["deal_id"],
        acquirer=row["acquirer"],
        target=row["target"],
        people=(),
        kind=row["kind"],
        role=row["role"],
        score=row["score"],
        evidence="",
    )


def examples_of(dump: Path, data: Path) -> list[Example]:
    """Every claim of one blind dump, with its features and whether the set's label has it."""
    found = json.loads(dump.read_text(encoding="utf-8"))
    labels = data / found["set"] / "labels"
    out = []
    for article in found["articles"]:
        stem = article["stem"]
        label = json.loads((labels / f"{stem}.json").read_text(encoding="utf-8"))
        expected = expected_claims(stem, label)
        claims = [_claim(c, stem) for c in article["claims"]]
        deals = {d["deal_id"]: _deal(d) for d in article["deals"]}
        english = (article["language"] or "en").lower().startswith("en")
        for c in claims:
            right = labelled((stem, c.deal_id, c.subject, c.metric, c.low, c.high), expected)
            f = claim_features(
                c,
                claims,
                deals.get(c.deal_id),
                deals_named=len(deals),
                english=english,
                headline_end=article["headline_end"],
            )
            out.append(Example(found["set"], tuple(f[n] for n in FEATURES), right, c.confidence))
    return out


def deal_examples_of(dump: Path, data: Path) -> list[DealExample]:
    """Every deal of one blind dump, with its subject features and whether the label makes it
    the subject; an article with no deal stands as one row with no features."""
    found = json.loads(dump.read_text(encoding="utf-8"))
    labels = data / found["set"] / "labels"
    out = []
    for article in found["articles"]:
        label = json.loads((labels / f"{article['stem']}.json").read_text(encoding="utf-8"))
        subjects = {d["deal_id"] for d in label.get("deals", []) if d.get("role") == "subject"}
        if label["relevance"] != "subject":
            subjects = set()
        key = f"{found['set']}/{article['stem']}"
        rows = article["deals"] or [None]
        for d in rows:
            features = tuple(d["subject_features"][n] for n in subject_model.FEATURES) if d else ()
            out.append(
                DealExample(
                    found["set"],
                    key,
                    features,
                    d is not None and d["deal_id"] in subjects,
                    article["relevance"],
                    label["relevance"],
                )
            )
    return out


def relevance_macro_f1(pairs: list[tuple[str, str]]) -> float:
    """Macro F1 over the three relevance classes of (expected, got) pairs."""
    f1s = []
    for c in RELEVANCE_CLASSES:
        tp = sum(1 for want, got in pairs if want == c and got == c)
        wrong = sum(1 for want, got in pairs if (want == c) != (got == c))
        f1s.append(2 * tp / (2 * tp + wrong) if tp else 0.0)
    return sum(f1s) / len(f1s)


def subject_relevance(
    examples: list[DealExample], chances: np.ndarray, promote: float
) -> list[tuple[str, str]]:
    """(expected, got) relevance per article when the model chooses the subject as
    ``subject_model.choose`` does: a subject makes the article about a deal, deals without one
    make it mention them, an article without deals stays as the rules had it."""
    by_article: dict[str, list[int]] = {}
    for i, e in enumerate(examples):
        by_article.setdefault(e.article, []).append(i)
    rules_column = subject_model.FEATURES.index("rules_subject")
    out = []
    for rows in by_article.values():
        first = examples[rows[0]]
        if not first.features:
            out.append((first.relevance, first.rules_relevance))
            continue
        rules = next((k for k, i in enumerate(rows) if examples[i].features[rules_column]), None)
        chosen = subject_model.choose([float(chances[i]) for i in rows], rules, promote=promote)
        out.append((first.relevance, "mentioned" if chosen is None else "subject"))
    return out


def fit_subject_model(examples: list[DealExample]) -> tuple[float, float, list[str]]:
    """The (penalty, promote) with the best leave-one-set-out relevance (ties go to the bound
    that overrules the rules least), and the report."""
    rows = [e for e in examples if e.features]
    x = np.array([e.features for e in rows])
    y = np.array([float(e.subject) for e in rows])
    groups = np.array([e.group for e in rows])
    at = {id(e): k for k, e in enumerate(rows)}
    rules = relevance_macro_f1(
        [(e.relevance, e.rules_relevance) for e in {e.article: e for e in examples}.values()]
    )
    results = []
    for penalty in SUBJECT_PENALTIES:
        scored = leave_one_set_out(x, y, groups, penalty)
        chances = np.array([scored[at[id(e)]] if e.features else 0.0 for e in examples])
        for promote in SUBJECT_PROMOTE:
            f1 = relevance_macro_f1(subject_relevance(examples, chances, promote))
            results.append((round(f1, 6), promote, -penalty))
    best_f1, promote, neg_penalty = max(results)
    lines = [
        f"articles {len({e.article for e in examples})}, deals {len(rows)} ({int(y.sum())} subjects)",
        f"relevance macro F1: rules {rules:.3f}; with the subject model (leave one set out) "
        f"{best_f1:.3f} at penalty {-neg_penalty:g}, promote {promote:g}",
    ]
    return -neg_penalty, promote, lines


def dump_article_features(
    folders: list[Path], out: Path, words_out: Path = WORDS_MODEL_FILE
) -> int:
    """The article model's features of every development article of these labelled folders,
    read from the pulled texts by this tree's analysis: numbers only, no words of the articles.
    The words model is fitted on the same articles first (written to ``words_out``); each
    article's ``words`` feature is what the model fitted on the other sets gives it."""
    # a set's labels are committed under labels/; the shared set's are copied beside its texts
    labels_of = {f: f / "labels" if (f / "labels").is_dir() else f for f in folders}
    empty = [f for f, labels in labels_of.items() if not any(labels.glob("*.json"))]
    if empty:
        print(f"{empty[0]}: no labels there; nothing written", file=sys.stderr)
        return 2
    watchlist = load_watchlist(ROOT / "config" / "watchlist.toml")
    rows, missing, read = [], [], []
    for folder, labels in labels_of.items():
        held = held_out_stems(folder)
        for label in sorted(labels.glob("*.json")):
            text = folder / f"{label.stem}.txt"
            if label.stem in held:
                continue
            if not text.exists():
                missing.append(text.name)
                continue
            relevance = json.loads(label.read_text(encoding="utf-8"))["relevance"]
            rows.append(
                {
                    "set": folder.name,
                    "stem": label.stem,
                    "relevance": relevance,
                    "text": text_fingerprint(text),
                }
            )
            read.append(text)
    if missing:
        print(
            f"{len(missing)} texts not pulled, e.g. {missing[0]}: pull them first", file=sys.stderr
        )
        return 2
    articles = [_article_of(text) for text in read]
    words = [article_words(a.text) for a in articles]
    about = [row["relevance"] == "subject" for row in rows]
    groups = [row["set"] for row in rows]
    words_model = calibrate_words.fit_words(words, about)
    words_out.write_text(
        calibrate_words.to_toml(
            words_model,
            [
                "Written by `python -m extractors.calibrate --article-features` "
                "(extractors/analysis/article_words.py reads it).",
                f"Fitted on the words of {len(rows)} development articles of {len(folders)} real "
                'sets (tests/data/calibration/README.md, "The words model").',
            ],
        ),
        encoding="utf-8",
    )
    left_out = calibrate_words.left_out_log_odds(words, about, groups)
    for row, article, log_odds in zip(rows, articles, left_out, strict=True):
        features = article_signs(article, watchlist).features
        features["words"] = log_odds  # what a model that had not read the article gives it
        row["features"] = [_compact(features[n]) for n in article_model.SIGNS]
    lines = ",\n".join(json.dumps(row, ensure_ascii=True, separators=(",", ":")) for row in rows)
    head = json.dumps(list(article_model.SIGNS))
    out.write_text(f'{{"features": {head},\n"articles": [\n{lines}\n]}}\n', encoding="utf-8")
    print(
        f"wrote the words model to {words_out} and the features of {len(rows)} articles of "
        f"{len(folders)} sets to {out}"
    )
    return 0


def text_fingerprint(text: Path) -> str:
    """Which pull of an article the features were read from: texts are pulled by hand, and two
    pulls of one page may differ by a caption or a byline kept, which can move its features (and,
    through the words model fitted on every text, every article's ``words``). A hash, no words."""
    return hashlib.sha256(text.read_bytes()).hexdigest()[:16]


def _article_of(text: Path) -> Article:
    [article] = articles_from_path(text, fetched_at=datetime(2025, 1, 1, tzinfo=UTC))
    return article


def _signs_of(text: Path, watchlist: Watchlist) -> ArticleSigns:
    """An article file's deals and article-model features, as ``analyse`` reads them."""
    return article_signs(_article_of(text), watchlist)


def _compact(value: float) -> float | int:
    """A feature as the dump keeps it: four decimals, a whole number without them."""
    rounded = round(value, 4)
    return int(rounded) if rounded.is_integer() else rounded


@dataclass(frozen=True, slots=True)
class ArticleExamples:
    keys: list[str]  # set/stem
    x: np.ndarray
    about_a_deal: np.ndarray  # the label's relevance is "subject"
    groups: np.ndarray
    relevance: dict[str, str]  # the label's, by key


def article_examples(dump: Path) -> ArticleExamples:
    found = json.loads(dump.read_text(encoding="utf-8"))
    if found["features"] != list(article_model.SIGNS):
        raise ValueError(f"{dump.name}: features of another version; write it again")
    keys, rows, groups, relevance = [], [], [], {}
    for a in found["articles"]:
        key = f"{a['set']}/{a['stem']}"
        relevance[key] = a["relevance"]
        keys.append(key)
        rows.append(a["features"])
        groups.append(a["set"])
    y = np.array([float(relevance[k] == "subject") for k in keys])
    return ArticleExamples(keys, np.array(rows), y, np.array(groups), relevance)


def rules_relevance(dumps: list[Path]) -> dict[str, str]:
    """What the blind analyses concluded of each article, by set/stem."""
    out = {}
    for dump in dumps:
        found = json.loads(dump.read_text(encoding="utf-8"))
        for a in found["articles"]:
            out[f"{found['set']}/{a['stem']}"] = a["relevance"]
    return out


def promoted(rules: str, chance: float, promote: float) -> str:
    """An article's relevance once the article model has read it (analyse does the same)."""
    return "subject" if rules == "unrelated" and chance >= promote else rules


def written_unrelated(data: Path) -> np.ndarray:
    """The article model's features of the written set's articles (tests/data/labelled) that
    the analysis rightly finds no deal in and would ask the model about (not those it reads as a
    company bought whole): a bound that would promote any of them is refused, since the written
    set keeps its scores (its texts are ours, in the repository)."""
    watchlist = load_watchlist(ROOT / "config" / "watchlist.toml")
    rows = []
    for label, text in article_files(data / "labelled"):
        if json.loads(label.read_text(encoding="utf-8"))["relevance"] == "subject":
            continue
        signs = _signs_of(text, watchlist)
        if not signs.deals and not signs.ruled_out:
            rows.append([signs.features[n] for n in article_model.FEATURES])
    return np.array(rows).reshape(-1, len(article_model.FEATURES))


def strongest_within_reach(
    results: list[tuple[float, float, float]],
) -> tuple[float, float, float]:
    """Of (relevance F1, promote, -penalty) results, the strongest penalty within ``WITHIN`` of
    the best F1 (then the best F1, then the bound that promotes least). A rare cue weighed
    heavily by a weak penalty ("led by" of a funding round in one headline) turns a model on a
    phrase, not the article; between fits within noise of each other the simpler one carries
    better to sets nobody has read."""
    top = max(results)[0]
    return max((r for r in results if r[0] >= top - WITHIN), key=lambda r: (-r[2], r))


def fit_article_model(
    examples: ArticleExamples, rules: dict[str, str], written: np.ndarray
) -> tuple[np.ndarray, float, float, list[str], dict[str, str]]:
    """The article model: fitted on the articles a blind analysis found no deal in (where the
    model is used), with the penalty and ``promote`` bound of the best leave-one-set-out
    relevance of all the blind analyses' articles, or of a stronger penalty within ``WITHIN`` of
    it (ties go to the bound that promotes least), among those whose model, fitted on every set,
    promotes none of the ``written`` articles.
    Returns its weights, bias and bound, the report, and each blind article's relevance as the
    rules and the model left out of its set read it."""
    blind = [k for k in examples.keys if k in rules]
    unrelated = np.array([rules.get(k) == "unrelated" for k in examples.keys])
    x, y, groups = (
        examples.x[unrelated][:, : len(article_model.FEATURES)],  # the words are not its sign
        examples.about_a_deal[unrelated],
        examples.groups[unrelated],
    )
    keys = [k for k, u in zip(examples.keys, unrelated, strict=True) if u]
    before = relevance_macro_f1([(examples.relevance[k], rules[k]) for k in blind])
    results = []
    for penalty in ARTICLE_PENALTIES:
        chances = dict(zip(keys, leave_one_set_out(x, y, groups, penalty), strict=True))
        weights, bias = fit(x, y, penalty)
        written_top = float(predict(written, weights, bias).max(initial=0.0))
        for promote in ARTICLE_PROMOTE:
            if promote <= written_top:
                continue
            pairs = [
                (examples.relevance[k], promoted(rules[k], float(chances.get(k, 0.0)), promote))
                for k in blind
            ]
            results.append((round(relevance_macro_f1(pairs), 6), promote, -penalty))
    best_f1, promote, neg_penalty = strongest_within_reach(results)
    weights, bias = fit(x, y, -neg_penalty)
    chances = dict(zip(keys, leave_one_set_out(x, y, groups, -neg_penalty), strict=True))
    read = {k: promoted(rules[k], float(chances.get(k, 0.0)), promote) for k in blind}
    lines = [
        f"articles a blind analysis found no deal in {len(keys)} ({int(y.sum())} about a talent "
        f"deal) of {len(set(groups))} sets",
        f"relevance macro F1 of the blind analyses' {len(blind)} articles: rules {before:.3f}; "
        f"with the article model (leave one set out) {best_f1:.3f} at penalty {-neg_penalty:g}, "
        f"promote {promote:g}",
        f"(bounds that would promote any of the written set's {len(written)} articles with no "
        "deal were refused)",
    ]
    return weights, bias, promote, lines, read


@dataclass(frozen=True, slots=True)
class WrittenNamed:
    """The written set's articles the rules name deals in, for the named-deals model's guard."""

    x: np.ndarray  # the named-deals model's features
    relevance: list[str]  # the label's
    read: list[str]  # the rules' (with the subject model), before the named-deals model


def written_named(data: Path) -> WrittenNamed:
    """The named-deals model's features of the written set's articles (tests/data/labelled)
    that the rules name deals in, with their labels and the rules' reading: a model that would
    make any the rules read right wrong is refused, since the written set keeps its scores."""
    watchlist = load_watchlist(ROOT / "config" / "watchlist.toml")
    rows, relevance, read = [], [], []
    for label, text in article_files(data / "labelled"):
        signs = _signs_of(text, watchlist)
        if not signs.deals:
            continue
        features = {**signs.features, "subject_named": float(signs.subject_named)}
        rows.append([features[n] for n in article_model.NAMED_DEALS_FEATURES])
        relevance.append(json.loads(label.read_text(encoding="utf-8"))["relevance"])
        read.append("subject" if signs.subject_named else "mentioned")
    x = np.array(rows).reshape(-1, len(article_model.NAMED_DEALS_FEATURES))
    return WrittenNamed(x, relevance, read)


def weighed(read: str, chance: float, promote: float) -> str:
    """An article's relevance, the rules having named deals in it, once the named-deals model has
    read it (analyse does the same)."""
    return "subject" if read == "mentioned" and chance >= promote else read


def fit_named_deals_model(
    examples: ArticleExamples,
    rules: dict[str, str],
    before: dict[str, str],
    written: WrittenNamed,
) -> tuple[np.ndarray, float, float, list[str]]:
    """The named-deals model: fitted on the articles a blind analysis named deals in, y whether
    the article is about one of them, with the penalty and ``promote`` bound of the best
    leave-one-set-out relevance of all the blind analyses' articles (``before``: their relevance
    with the article model), or of a stronger penalty within ``WITHIN`` of it, among those
    whose model, fitted on every set, makes none of the ``written`` articles the rules read right
    wrong (ties go to the bound that promotes least). Returns its weights, bias, bound and the
    report."""
    index = {k: i for i, k in enumerate(examples.keys)}
    keys = [k for k in examples.keys if rules.get(k) in ("subject", "mentioned")]
    rows = [index[k] for k in keys]
    named = np.array([float(rules[k] == "subject") for k in keys])
    x = np.column_stack([examples.x[rows], named])
    y, groups = examples.about_a_deal[rows], examples.groups[rows]
    right_before = [r == w for r, w in zip(written.relevance, written.read, strict=True)]
    results, all_right = [], []
    for penalty in ARTICLE_PENALTIES:
        chances = dict(zip(keys, leave_one_set_out(x, y, groups, penalty), strict=True))
        weights, bias = fit(x, y, penalty)
        written_chances = predict(written.x, weights, bias)
        for promote in ARTICLE_PROMOTE:
            after = [weighed(r, float(c), promote)
                     for r, c in zip(written.read, written_chances, strict=True)]  # fmt: skip
            if any(
                ok and a != label
                for ok, a, label in zip(right_before, after, written.relevance, strict=True)
            ):
                continue
            pairs = [
                (
                    examples.relevance[k],
                    weighed(rules[k], chances[k], promote) if k in chances else read,
                )
                for k, read in before.items()
            ]
            result = (round(relevance_macro_f1(pairs), 6), promote, -penalty)
            results.append(result)
            if after == written.relevance:
                all_right.append(result)
    # where some bounds read every written article right, only those: the written set keeps its
    # scores (one the rules read wrong, set right by an earlier fit, stays right)
    results = all_right or results
    best_f1, promote, neg_penalty = strongest_within_reach(results)
    weights, bias = fit(x, y, -neg_penalty)
    start = relevance_macro_f1([(examples.relevance[k], read) for k, read in before.items()])
    lines = [
        f"articles a blind analysis named deals in {len(keys)} ({int(y.sum())} about one of "
        f"them) of {len(set(groups))} sets",
        f"relevance macro F1 of the blind analyses' {len(before)} articles: with the article "
        f"model {start:.3f}; with the named-deals model too (leave one set out) {best_f1:.3f} at "
        f"penalty {-neg_penalty:g}, promote {promote:g}",
        f"(bounds that would make any of the written set's {len(written.read)} articles with "
        "deals the rules read right wrong were refused, and those that read any of them wrong "
        "where others read all right)",
    ]
    return weights, bias, promote, lines


def fit(x: np.ndarray, y: np.ndarray, penalty: float = PENALTY) -> tuple[np.ndarray, float]:
    """Logistic regression by gradient descent on standardised columns; weights on raw columns."""
    mean, scale = x.mean(0), x.std(0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    w, b = np.zeros(z.shape[1]), 0.0
    for _ in range(STEPS):
        p = 1.0 / (1.0 + np.exp(-(z @ w + b)))
        w -= STEP_SIZE * (z.T @ (p - y) / len(y) + penalty * w)
        b -= STEP_SIZE * float(np.mean(p - y))
    raw = w / scale
    return raw, b - float(raw @ mean)


def predict(x: np.ndarray, weights: np.ndarray, bias: float) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(x @ weights + bias)))


def auc(scores: np.ndarray, right: np.ndarray) -> float:
    """The chance a right claim scores above a wrong one (ties count half)."""
    pos, neg = scores[right == 1], scores[right == 0]
    if not len(pos) or not len(neg):
        return float("nan")
    above = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return float(above / (len(pos) * len(neg)))


def leave_one_set_out(
    x: np.ndarray, y: np.ndarray, groups: np.ndarray, penalty: float = PENALTY
) -> np.ndarray:
    """Each claim scored by the model fitted on the other sets."""
    scores = np.zeros(len(y))
    for g in sorted(set(groups)):
        held = groups == g
        w, b = fit(x[~held], y[~held], penalty)
        scores[held] = predict(x[held], w, b)
    return scores


def report(
    scores: np.ndarray,
    reading: np.ndarray,
    y: np.ndarray,
    learnt: str = "learnt (leave one set out)",
) -> list[str]:
    lines = [
        f"claims {len(y)}, right {int(y.sum())} (precision of all {y.mean():.3f})",
        f"AUC: {learnt} {auc(scores, y):.3f}, reading confidence {auc(reading, y):.3f}",
        "threshold | learnt: kept, precision, right kept | reading: kept, precision, right kept",
    ]
    for t in (0.5, 0.6, 0.7, 0.8):
        a, r = scores >= t, reading >= t
        lines.append(
            f"  >= {t:.1f} | {a.sum():3d}  {y[a].mean() if a.any() else 0:.3f}  {y[a].sum() / y.sum():.3f}"
            f" | {r.sum():3d}  {y[r].mean() if r.any() else 0:.3f}  {y[r].sum() / y.sum():.3f}"
        )
    return lines


def to_toml(
    names: tuple[str, ...],
    weights: np.ndarray,
    bias: float,
    provenance: list[str],
    *,
    promote: float | None = None,
) -> str:
    head = "\n".join(f"# {line}" for line in provenance)
    body = "\n".join(f"{name} = {w:+.4f}" for name, w in zip(names, weights, strict=True))
    cut = "" if promote is None else f"promote = {promote:g}\n"
    return f"{head}\nbias = {bias:+.4f}\n{cut}\n[weights]\n{body}\n"


def _rightness(examples: list[Example]) -> tuple[np.ndarray, np.ndarray]:
    """Whether each claim is right, and the reading's own confidence in it."""
    return (
        np.array([float(e.right) for e in examples]),
        np.array([e.reading_confidence for e in examples]),
    )


def _test_shipped(dumps: list[Path], data: Path) -> int:
    """The shipped calibration against the reading's confidence on claims it was not fitted on."""
    examples = [e for d in dumps for e in examples_of(d, data)]
    if not examples:
        print("no claims in the dumps", file=sys.stderr)
        return 2
    model = shipped_calibration()
    scores = np.array(
        [model.confidence(dict(zip(FEATURES, e.features, strict=True))) for e in examples]
    )
    y, reading = _rightness(examples)
    print("\n".join(report(scores, reading, y, learnt="shipped calibration")))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--blind", type=Path, default=BLIND)
    parser.add_argument("--data", type=Path, default=ROOT / "tests" / "data")
    parser.add_argument(
        "--out-dir", type=Path, default=CALIBRATION_FILE.parent, help="where the .toml go"
    )
    parser.add_argument("--check", action="store_true", help="report only; write nothing")
    parser.add_argument(
        "--test",
        type=Path,
        nargs="+",
        metavar="DUMP",
        help="score the shipped claim calibration on these dumps of sets it was not fitted on "
        "(dump_blind.py --whole); write nothing",
    )
    parser.add_argument(
        "--article-features",
        type=Path,
        nargs="+",
        metavar="DIR",
        help="write the article model's features of these labelled folders' development parts "
        "(their texts pulled) to tests/data/calibration/articles.json; fit nothing",
    )
    args = parser.parse_args(argv)
    if args.test:
        return _test_shipped(args.test, args.data)
    if args.article_features:
        return dump_article_features(args.article_features, ARTICLE_FEATURES)
    dumps = sorted(args.blind.glob("*.json"))
    if not dumps:
        print(f"no blind analyses in {args.blind}", file=sys.stderr)
        return 2
    if not ARTICLE_FEATURES.exists():
        print(
            f"no {ARTICLE_FEATURES.name}: write it with --article-features DIR ...", file=sys.stderr
        )
        return 2
    examples = [e for d in dumps for e in examples_of(d, args.data)]
    x = np.array([e.features for e in examples])
    y, reading = _rightness(examples)
    groups = np.array([e.group for e in examples])
    claim_lines = report(leave_one_set_out(x, y, groups), reading, y)
    deals = [e for d in dumps for e in deal_examples_of(d, args.data)]
    penalty, promote, subject_lines = fit_subject_model(deals)
    articles = article_examples(ARTICLE_FEATURES)
    rules = rules_relevance([*dumps, *sorted(LATER.glob("*.json"))])
    article_weights, article_bias, article_promote, article_lines, before = fit_article_model(
        articles, rules, written_unrelated(args.data)
    )
    named_weights, named_bias, named_promote, named_lines = fit_named_deals_model(
        articles, rules, before, written_named(args.data)
    )
    print(
        "\n".join(
            [
                "claims:",
                *claim_lines,
                "subjects:",
                *subject_lines,
                "articles:",
                *article_lines,
                "articles with deals named:",
                *named_lines,
            ]  # fmt: skip
        )
    )
    if args.check:
        return 0
    origin = f"of blind analyses of {len(dumps)} real sets' development parts"
    weights, bias = fit(x, y)
    (args.out_dir / CALIBRATION_FILE.name).write_text(
        to_toml(
            FEATURES,
            weights,
            bias,
            [
                "Written by `python -m extractors.calibrate` (extractors/analysis/calibration.py reads it).",
                f"Fitted on {len(y)} claims {origin}",
                "(tests/data/calibration/README.md); leaving one set out at a time:",
                *claim_lines[:2],
            ],
        ),
        encoding="utf-8",
    )
    rows = [e for e in deals if e.features]
    weights, bias = fit(
        np.array([e.features for e in rows]), np.array([float(e.subject) for e in rows]), penalty
    )
    (args.out_dir / subject_model.SUBJECT_MODEL_FILE.name).write_text(
        to_toml(
            subject_model.FEATURES,
            weights,
            bias,
            [
                "Written by `python -m extractors.calibrate` (extractors/analysis/subject_model.py reads it).",
                f"Fitted on {len(rows)} deals {origin}",
                "(tests/data/calibration/README.md); leaving one set out at a time:",
                *subject_lines,
            ],
            promote=promote,
        ),
        encoding="utf-8",
    )
    (args.out_dir / article_model.ARTICLE_MODEL_FILE.name).write_text(
        to_toml(
            article_model.FEATURES,
            article_weights,
            article_bias,
            [
                "Written by `python -m extractors.calibrate` (extractors/analysis/article_model.py reads it).",
                f"Fitted on the features of real sets' development articles ({ARTICLE_FEATURES.name}) "
                "and the blind analyses of them (tests/data/calibration/README.md):",
                *article_lines,
            ],
            promote=article_promote,
        ),
        encoding="utf-8",
    )
    (args.out_dir / article_model.NAMED_DEALS_MODEL_FILE.name).write_text(
        to_toml(
            article_model.NAMED_DEALS_FEATURES,
            named_weights,
            named_bias,
            [
                "Written by `python -m extractors.calibrate` (extractors/analysis/article_model.py reads it).",
                f"Fitted on the features of real sets' development articles ({ARTICLE_FEATURES.name}) "
                "and the blind analyses of them (tests/data/calibration/README.md):",
                *named_lines,
            ],
            promote=named_promote,
        ),
        encoding="utf-8",
    )
    print(
        f"wrote {CALIBRATION_FILE.name}, {subject_model.SUBJECT_MODEL_FILE.name}, "
        f"{article_model.ARTICLE_MODEL_FILE.name} and "
        f"{article_model.NAMED_DEALS_MODEL_FILE.name} in {args.out_dir}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
