"""Scores of the analysis against a labelled folder (tests/data/labelled/README.md).

``python -m extractors.scoring FOLDER [--json] [--watchlist PATH]`` prints the table.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from extractors.analysis import analyse
from extractors.documents import HTML_SUFFIXES, TEXT_SUFFIXES, articles_from_path
from extractors.metrics import METRICS
from extractors.records import Analysis
from extractors.watchlist import Watchlist, load_watchlist

RELEVANCE_CLASSES = ("subject", "mentioned", "unrelated")
# Fixed so scores never depend on the clock.
SCORING_FETCHED_AT = datetime(2025, 1, 1, tzinfo=UTC)
REL_TOL = 1e-6

ClaimKey = tuple[str, str, str, str, float | None, float | None]


@dataclass(frozen=True, slots=True)
class PRF:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass(frozen=True, slots=True)
class ArticleScore:
    stem: str
    relevance_expected: str
    relevance_got: str
    deals_missing: tuple[str, ...]
    deals_extra: tuple[str, ...]
    claims_missing: tuple[str, ...]
    claims_extra: tuple[str, ...]
    hard_negative: str | None = None


@dataclass(frozen=True, slots=True)
class Scores:
    articles: int
    relevance: dict[str, PRF]
    deals: PRF
    claims: PRF
    per_article: tuple[ArticleScore, ...] = field(default=())
    # the people each deal found and labelled hired, on the deals both name (a missed deal's
    # people are counted with the deal, not again here)
    people: PRF = field(default=PRF(0, 0, 0))
    distinct_deals: int = 0
    unrelated: int = 0
    hard_negatives: int = 0

    @property
    def relevance_f1(self) -> float:
        return sum(self.relevance[c].f1 for c in RELEVANCE_CLASSES) / len(RELEVANCE_CLASSES)

    def as_dict(self) -> dict[str, object]:
        return {
            "articles": self.articles,
            "relevance_macro_f1": self.relevance_f1,
            "relevance": {c: self.relevance[c].as_dict() for c in RELEVANCE_CLASSES},
            "deals": self.deals.as_dict(),
            "claims": self.claims.as_dict(),
            "people_hired": self.people.as_dict(),
            "distinct_deals": self.distinct_deals,
            "unrelated": self.unrelated,
            "hard_negatives": self.hard_negatives,
            "per_article": [asdict(a) for a in self.per_article],
        }


SPLIT_FILE = "split.toml"
SPLITS = ("all", "dev", "heldout")


def held_out_stems(folder: Path) -> frozenset[str]:
    """The stems a folder's ``split.toml`` holds back (tests/data/real/split.toml), else none."""
    path = Path(folder) / SPLIT_FILE
    if not path.exists():
        return frozenset()
    return frozenset(tomllib.loads(path.read_text(encoding="utf-8")).get("heldout", []))


def article_files(folder: Path, split: str = "all") -> list[tuple[Path, Path]]:
    held = held_out_stems(folder) if split != "all" else frozenset()
    pairs = []
    for label in sorted(folder.glob("*.json")):
        if split == "dev" and label.stem in held or split == "heldout" and label.stem not in held:
            continue
        article = next(
            (
                label.with_suffix(s)
                for s in (*sorted(TEXT_SUFFIXES), *sorted(HTML_SUFFIXES))
                if label.with_suffix(s).exists()
            ),
            None,
        )
        if article is not None:
            pairs.append((label, article))
    return pairs


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=REL_TOL, abs_tol=1e-9)


def _same_claim(a: ClaimKey, b: ClaimKey) -> bool:
    """The same article, deal, subject and metric, bounds within tolerance."""
    return a[:4] == b[:4] and _close(a[4], b[4]) and _close(a[5], b[5])


def labelled(key: ClaimKey, expected: Iterable[ClaimKey]) -> bool:
    """Whether a claim the analysis made is one the label has."""
    return any(_same_claim(key, w) for w in expected)


def _match(
    got: Iterable[ClaimKey], want: Iterable[ClaimKey]
) -> tuple[list[ClaimKey], list[ClaimKey], list[ClaimKey]]:
    """(matched, extra, missing), each key matched at most once, bounds within tolerance."""
    got_list, want_list = list(dict.fromkeys(got)), list(dict.fromkeys(want))
    unmatched_want = list(want_list)
    matched, extra = [], []
    for g in got_list:
        hit = next((w for w in unmatched_want if _same_claim(w, g)), None)
        if hit is None:
            extra.append(g)
        else:
            unmatched_want.remove(hit)
            matched.append(g)
    return matched, extra, unmatched_want


def _dedupe(keys: Iterable[ClaimKey]) -> list[ClaimKey]:
    out: list[ClaimKey] = []
    for k in keys:
        if not any(_same_claim(o, k) for o in out):
            out.append(k)
    return out


def expected_claims(stem: str, label: dict) -> list[ClaimKey]:
    """The claims a label holds, as keys (a subject defaults by its metric's kind)."""
    targets = {d["deal_id"]: d["target"] for d in label.get("deals", [])}
    out = []
    for c in label.get("claims", []):
        metric = c["metric"]
        kind = METRICS[metric].subject_kind if metric in METRICS else "deal"
        default = c["deal"] if kind == "deal" else targets.get(c["deal"], c["deal"])
        subject = c.get("subject") or default
        low = None if c.get("low") is None else float(c["low"])
        high = None if c.get("high") is None else float(c["high"])
        out.append((stem, c["deal"], subject, metric, low, high))
    return _dedupe(out)


def _got_claims(stem: str, analysis: Analysis) -> list[ClaimKey]:
    return _dedupe((stem, c.deal_id, c.subject, c.metric, c.low, c.high) for c in analysis.claims)


def _fmt(key: ClaimKey) -> str:
    return f"{key[1]} {key[2]} {key[3]} [{key[4]}, {key[5]}]"


def score_folder(folder: Path, watchlist: Watchlist | None = None, *, split: str = "all") -> Scores:
    """Scores of the analysis on a labelled folder (or one split of it: ``dev``, ``heldout``)."""
    folder = Path(folder)
    rel_counts = {c: [0, 0, 0] for c in RELEVANCE_CLASSES}
    deal_counts = [0, 0, 0]
    claim_counts = [0, 0, 0]
    people_counts = [0, 0, 0]
    rows = []
    deal_ids: set[str] = set()
    unrelated = hard = 0
    for label_path, article_path in article_files(folder, split):
        stem = label_path.stem
        label = json.loads(label_path.read_text(encoding="utf-8"))
        [article] = articles_from_path(article_path, fetched_at=SCORING_FETCHED_AT)
        analysis = analyse(article, watchlist)
        want_rel, got_rel = label["relevance"], analysis.relevance
        for c in RELEVANCE_CLASSES:
            if want_rel == c and got_rel == c:
                rel_counts[c][0] += 1
            elif got_rel == c:
                rel_counts[c][1] += 1
            elif want_rel == c:
                rel_counts[c][2] += 1
        unrelated += want_rel == "unrelated"
        hard += want_rel == "unrelated" and bool(label.get("hard_negative"))
        want_deals = {d["deal_id"] for d in label.get("deals", [])}
        deal_ids |= want_deals
        got_deals = {d.deal_id for d in analysis.deals}
        deal_counts[0] += len(want_deals & got_deals)
        deal_counts[1] += len(got_deals - want_deals)
        deal_counts[2] += len(want_deals - got_deals)
        for got, want in _people_of_matched_deals(label, analysis):
            people_counts[0] += len(got & want)
            people_counts[1] += len(got - want)
            people_counts[2] += len(want - got)
        matched, extra, missing = _match(_got_claims(stem, analysis), expected_claims(stem, label))
        claim_counts[0] += len(matched)
        claim_counts[1] += len(extra)
        claim_counts[2] += len(missing)
        rows.append(
            ArticleScore(
                stem=stem,
                relevance_expected=want_rel,
                relevance_got=got_rel,
                deals_missing=tuple(sorted(want_deals - got_deals)),
                deals_extra=tuple(sorted(got_deals - want_deals)),
                claims_missing=tuple(_fmt(k) for k in missing),
                claims_extra=tuple(_fmt(k) for k in extra),
                hard_negative=label.get("hard_negative"),
            )
        )
    return Scores(
        articles=len(rows),
        relevance={c: PRF(*v) for c, v in rel_counts.items()},
        deals=PRF(*deal_counts),
        claims=PRF(*claim_counts),
        per_article=tuple(rows),
        people=PRF(*people_counts),
        distinct_deals=len(deal_ids),
        unrelated=unrelated,
        hard_negatives=hard,
    )


def _people_of_matched_deals(label: dict, analysis: Analysis) -> list[tuple[set[str], set[str]]]:
    """(the people found hired, the people labelled hired) of each deal both name, each name
    read without its accents, case or kind of apostrophe ("Karén Simonyan", the watchlist's name,
    is the "Karen Simonyan" a text writes)."""
    want = {
        d["deal_id"]: {_person_key(p) for p in d.get("people_hired") or ()}
        for d in label.get("deals", [])
    }
    return [
        ({_person_key(p) for p in d.people}, want[d.deal_id])
        for d in analysis.deals
        if d.deal_id in want
    ]


def _person_key(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def format_scores(scores: Scores, *, details: bool = True) -> str:
    lines = [
        f"articles: {scores.articles}  distinct deals: {scores.distinct_deals}  unrelated: {scores.unrelated} (hard negatives {scores.hard_negatives})",
        f"{'':<12}{'precision':>10}{'recall':>10}{'f1':>8}{'tp':>6}{'fp':>6}{'fn':>6}",
    ]
    for name, prf in [
        *((f"rel:{c}", scores.relevance[c]) for c in RELEVANCE_CLASSES),
        ("deals", scores.deals),
        ("claims", scores.claims),
        ("people", scores.people),
    ]:
        lines.append(
            f"{name:<12}{prf.precision:>10.3f}{prf.recall:>10.3f}{prf.f1:>8.3f}{prf.tp:>6}{prf.fp:>6}{prf.fn:>6}"
        )
    lines.append(f"relevance macro F1: {scores.relevance_f1:.3f}")
    if details:
        for row in scores.per_article:
            problems = []
            if row.relevance_expected != row.relevance_got:
                problems.append(f"relevance {row.relevance_got} (want {row.relevance_expected})")
            problems += [f"missing deal {d}" for d in row.deals_missing] + [
                f"extra deal {d}" for d in row.deals_extra
            ]
            problems += [f"missing claim {c}" for c in row.claims_missing] + [
                f"extra claim {c}" for c in row.claims_extra
            ]
            if problems:
                lines.append(f"- {row.stem}:")
                lines.extend(f"    {p}" for p in problems)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extractors.scoring", description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument(
        "--watchlist",
        type=Path,
        default=Path(__file__).resolve().parents[1] / "config" / "watchlist.toml",
    )
    parser.add_argument(
        "--quiet", action="store_true", help="only the table, no per-article problems"
    )
    parser.add_argument(
        "--split",
        choices=SPLITS,
        default="all",
        help="score one split of a folder with split.toml; the held-out split prints its table only",
    )
    args = parser.parse_args(argv)
    watchlist = load_watchlist(args.watchlist) if args.watchlist.exists() else None
    scores = score_folder(args.folder, watchlist, split=args.split)
    # The held-out split is scored, never read: its errors would become what the next change tunes to.
    details = not args.quiet and args.split != "heldout"
    if args.json:
        shown = scores.as_dict()
        if args.split == "heldout":
            shown.pop("per_article")
        print(json.dumps(shown, indent=2, default=str))
    else:
        print(format_scores(scores, details=details))
    return 0


if __name__ == "__main__":
    sys.exit(main())
