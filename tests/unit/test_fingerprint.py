"""Same-story fingerprints on the seeds and on edited copies."""

from __future__ import annotations

import json

from extractors.fingerprint import NUM_PERM, containment, fingerprint, is_same_story
from tests.support.paths import DATA, REPO

SEEDS = REPO / "seeds"


def _text(prefix: str) -> str:
    [path] = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def test_rewrite_is_the_same_story():
    assert is_same_story(fingerprint(_text("000")), fingerprint(_text("001")))


def test_independent_stories_are_not():
    prints = {p: fingerprint(_text(p)) for p in ("000", "001", "003", "004")}
    for a in prints:
        for b in prints:
            if a < b and (a, b) != ("000", "001"):
                assert not is_same_story(prints[a], prints[b]), (a, b)


def test_identical_text_contains_itself():
    fp = fingerprint(_text("003"))
    assert containment(fp, fp) == 1.0
    assert is_same_story(fp, fp)


def test_short_texts_are_never_copies():
    fp = fingerprint("Meta buys Scale.")
    assert not is_same_story(fp, fp)


def test_deterministic():
    assert fingerprint(_text("004")) == fingerprint(_text("004"))


def test_signatures_match_those_already_stored():
    """Warehouses hold signatures datasketch 2.0 computed; the numpy MinHash must give the same."""
    stored = json.loads((DATA / "seed_fingerprints.json").read_text(encoding="utf-8"))
    assert len(stored) == 4
    for name, signature in stored.items():
        assert list(fingerprint((SEEDS / name).read_text(encoding="utf-8"))) == signature, name


def test_no_token_gives_the_empty_signature():
    assert fingerprint("lower case only, no names or numbers") == (2**32 - 1,) * NUM_PERM + (0,)
